package indexer

import (
	"context"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
)

// Vocabulary is what search needs of the taxonomy to match query words that
// name a concept: *vocab.Vocabulary satisfies it.
type Vocabulary interface {
	// Named returns the concepts a phrase names as a whole.
	Named(phrase string) []string
	// Abbreviated returns the concepts with this abbreviation.
	Abbreviated(word string) []string
	// Narrower returns the concept and every concept below it.
	Narrower(id string) []string
	// Ancestors returns the concepts above id, nearest first.
	Ancestors(id string) []string
	// MaxWords is the length in words of the longest name.
	MaxWords() int
	// Has reports whether id is a concept of the taxonomy.
	Has(id string) bool
	// IsKind reports whether s is a kind of concept of the taxonomy.
	IsKind(s string) bool
	// OfKind returns the concepts of a kind.
	OfKind(kind string) []string
}

// vocabHolder keeps the vocabulary searches use; it may be replaced while
// searches run.
type vocabHolder struct{ v atomic.Pointer[Vocabulary] }

// SetVocabulary makes searches match query words and phrases that name a
// concept (a synonym, or an abbreviation the claim's article defines) to
// the claims tagged with it. Without one, q matches text only.
func (ix *Index) SetVocabulary(v Vocabulary) {
	if v == nil {
		ix.vocab.v.Store(nil)
		return
	}
	ix.vocab.v.Store(&v)
}

func (ix *Index) vocabulary() Vocabulary {
	if p := ix.vocab.v.Load(); p != nil {
		return *p
	}
	return nil
}

// TaggedWith reports whether any claim in the index is tagged with the
// concept id, whether or not the vocabulary has it: a concept a taxonomy
// change removed still tags the claims indexed before it until they are
// tagged again (lumen reindex --retag).
func (ix *Index) TaggedWith(ctx context.Context, id string) (bool, error) {
	req := bleve.NewSearchRequestOptions(termQuery("concepts", id), 0, 0, false)
	res, err := ix.run(ctx, req)
	if err != nil {
		return false, err
	}
	return res.Total > 0, nil
}
