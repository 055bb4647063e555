package indexer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/blevesearch/bleve/v2"
)

// Baseline is a plain bleve index of sentences with bleve's default mapping,
// nothing of Lumen's: what `lumen bench search` measures Lumen against, on
// the same sentences and queries in the same run.
type Baseline struct {
	idx bleve.Index
}

// baselineDoc is one sentence with the one keyword field the browsing
// benchmark facets on.
type baselineDoc struct {
	Text    string `json:"text"`
	Concept string `json:"concept"`
}

// OpenBaseline creates a new baseline index in dir (which must not exist).
func OpenBaseline(dir string) (*Baseline, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	m := bleve.NewIndexMapping()
	doc := bleve.NewDocumentMapping()
	kw := bleve.NewKeywordFieldMapping()
	doc.AddFieldMappingsAt("concept", kw)
	m.DefaultMapping = doc
	idx, err := bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	return &Baseline{idx: idx}, nil
}

// Add indexes sentences, each with one concept id to facet on, in batches.
func (b *Baseline) Add(ctx context.Context, sentences, concepts []string) error {
	batch := b.idx.NewBatch()
	for i, s := range sentences {
		if err := batch.Index(strconv.Itoa(i), baselineDoc{Text: s, Concept: concepts[i]}); err != nil {
			return fmt.Errorf("baseline index: %w", err)
		}
		if batch.Size() >= 2000 || i == len(sentences)-1 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := b.idx.Batch(batch); err != nil {
				return fmt.Errorf("baseline index: %w", err)
			}
			batch.Reset()
		}
	}
	return nil
}

// Search runs a query string (empty: match all) for the top size hits with
// the text stored and highlighted, as a plain bleve application would, and
// with a facet on the concept field when facet is set. It returns the total.
func (b *Baseline) Search(ctx context.Context, q string, size int, facet bool) (uint64, error) {
	var req *bleve.SearchRequest
	if q == "" {
		req = bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), size, 0, false)
	} else {
		req = bleve.NewSearchRequestOptions(bleve.NewQueryStringQuery(q), size, 0, false)
	}
	req.Fields = []string{"text"}
	req.Highlight = bleve.NewHighlight()
	if facet {
		req.AddFacet("concept", bleve.NewFacetRequest("concept", 60))
	}
	res, err := b.idx.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("baseline search: %w", err)
	}
	return res.Total, nil
}

// Close closes the index.
func (b *Baseline) Close() error { return b.idx.Close() }

// ReopenBaseline opens a baseline index built before.
func ReopenBaseline(dir string) (*Baseline, error) {
	idx, err := bleve.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("baseline index: %w", err)
	}
	return &Baseline{idx: idx}, nil
}
