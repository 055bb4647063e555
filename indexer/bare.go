package indexer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"

	"github.com/lumen-research/lumen"
)

// BareIndex indexes the documents Lumen would build from events into a new
// bleve index in dir with the same mapping, in batches of batchSize, with
// nothing else: no reading of what is indexed, no guard, no high-water
// mark. It is the baseline `lumen bench ingest` measures Lumen's indexing
// against, and returns the claims indexed.
func BareIndex(ctx context.Context, dir string, events []lumen.ArticleTagged, batchSize int) (int, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return 0, err
	}
	idx, err := bleve.New(dir, newMapping())
	if err != nil {
		return 0, fmt.Errorf("bare index: %w", err)
	}
	defer idx.Close()
	batchSize = max(batchSize, 1)
	claims := 0
	b := idx.NewBatch()
	n := 0
	for i := range events {
		if err := ctx.Err(); err != nil {
			return claims, err
		}
		docs, ids, err := buildDocs(&events[i], nil)
		if err != nil {
			return claims, err
		}
		for j := range docs.claims {
			if err := indexDoc(b, claimDocID(ids[j]), &docs.claims[j]); err != nil {
				return claims, err
			}
		}
		if err := indexDoc(b, articleDocID(events[i].Article.ID), &docs.article); err != nil {
			return claims, err
		}
		claims += len(ids)
		if n++; n >= batchSize {
			if err := idx.Batch(b); err != nil {
				return claims, err
			}
			b, n = idx.NewBatch(), 0
		}
	}
	if n > 0 {
		if err := idx.Batch(b); err != nil {
			return claims, err
		}
	}
	return claims, nil
}
