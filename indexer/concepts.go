package indexer

import "sync/atomic"

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
