package indexer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/lumen-research/lumen"
)

// ExportClaims calls fn with every claim q selects (paging, sort, cursor
// and facets are ignored), in index order, each with its article's
// metadata and identifiers, its review status and the versions that tagged
// it. It reads one snapshot of the index and holds one claim at a time
// (and a few articles), so memory stays flat however many claims there
// are. It stops at fn's first error or when ctx is done.
func (ix *Index) ExportClaims(ctx context.Context, q lumen.ClaimQuery, fn func(lumen.ClaimRecord) error) error {
	cq, err := ix.compile(q)
	if err != nil || cq.empty {
		return err
	}
	arts := newArticleCache(articleCacheSize)
	var sr *storedReader
	return ix.scan(ctx, cq, func(r index.IndexReader, d *search.DocumentMatch) error {
		if sr == nil {
			sr = newStoredReader(r)
		}
		var doc index.Document
		var id string
		if sr != nil {
			sd, err := sr.document(d.IndexInternalID)
			if err != nil {
				return fmt.Errorf("export claims: %w", err)
			}
			if sd != nil {
				doc, id = sd, sd.ID()
			}
		}
		if doc == nil { // not scorch: by id
			var err error
			if id, err = r.ExternalID(d.IndexInternalID); err != nil {
				return fmt.Errorf("export claims: %w", err)
			}
			if doc, err = r.Document(id); err != nil {
				return fmt.Errorf("export claim %s: %w", id, err)
			}
			if doc == nil {
				return nil // deleted since the snapshot's searcher saw it
			}
		}
		f := storedFields(doc)
		rec := lumen.ClaimRecord{Claim: claimFromFields(strings.TrimPrefix(id, "c-"), f)}
		rec.TaggerVersion = str(f["taxonomy_version"])
		rec.TaxonomyVersion = lumen.TaxonomyOf(rec.TaggerVersion)
		meta, err := arts.get(r, rec.ArticleID)
		if err != nil {
			return err
		}
		rec.Article = meta
		return fn(rec)
	})
}

// ExportArticles calls fn with the metadata of every article that has a
// claim q selects, ordered by id. It holds the set of article ids, not the
// articles.
func (ix *Index) ExportArticles(ctx context.Context, q lumen.ClaimQuery, fn func(lumen.ArticleMeta) error) error {
	cq, err := ix.compile(q)
	if err != nil || cq.empty {
		return err
	}
	adv, err := ix.idx.Advanced()
	if err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	ids := map[string]struct{}{}
	var dvr index.DocValueReader
	err = ix.scan(ctx, cq, func(r index.IndexReader, d *search.DocumentMatch) error {
		if dvr == nil {
			if dvr, err = r.DocValueReader([]string{"article_id"}); err != nil {
				return fmt.Errorf("export articles: %w", err)
			}
		}
		return dvr.VisitDocValues(d.IndexInternalID, func(_ string, term []byte) {
			if _, ok := ids[string(term)]; !ok {
				ids[string(term)] = struct{}{}
			}
		})
	})
	if err != nil {
		return err
	}
	sorted := make([]string, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	slices.Sort(sorted)
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	defer r.Close()
	for i, id := range sorted {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		meta, ok, err := loadArticleMeta(r, id)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if err := fn(meta); err != nil {
			return err
		}
	}
	return nil
}

// articleCacheSize bounds the articles an export keeps. The claims of an
// article are indexed in one batch, and a batch's documents stay together in
// the index (in no particular order within it), so a few batches' worth of
// articles catch nearly every repeat: the cache holds at most this many
// articles' metadata (not their text), whatever the size of the export.
const articleCacheSize = 2048

// articleCache keeps the articles an export looked up last.
type articleCache struct {
	max   int
	items map[string]lumen.ArticleMeta
}

func newArticleCache(n int) *articleCache {
	return &articleCache{max: n, items: make(map[string]lumen.ArticleMeta, n)}
}

func (c *articleCache) get(r index.IndexReader, id string) (lumen.ArticleMeta, error) {
	if m, ok := c.items[id]; ok {
		return m, nil
	}
	m, ok, err := loadArticleMeta(r, id)
	if err != nil {
		return m, err
	}
	if !ok {
		m = lumen.ArticleMeta{ID: id}
	}
	if len(c.items) >= c.max {
		clear(c.items)
	}
	c.items[id] = m
	return m, nil
}

func loadArticleMeta(r index.IndexReader, id string) (lumen.ArticleMeta, bool, error) {
	doc, err := r.Document(articleDocID(id))
	if err != nil {
		return lumen.ArticleMeta{}, false, fmt.Errorf("export: article %s: %w", id, err)
	}
	if doc == nil {
		return lumen.ArticleMeta{ID: id}, false, nil
	}
	f := storedFields(doc)
	authors := stringsField(f["authors"])
	return lumen.ArticleMeta{
		ID: id, Title: str(f["title"]), URL: str(f["url"]), Source: str(f["source"]),
		Authors: authors, AuthorDetails: authorDetailsField(f["author_details"], authors), Journal: str(f["journal"]), SiteName: str(f["site_name"]),
		Language: str(f["language"]), Published: publishedField(f), DOI: str(f["doi"]),
		PMID: str(f["pmid"]), PMCID: str(f["pmcid"]), MeSH: stringsField(f["mesh"]),
		PublicationTypes: stringsField(f["publication_types"]), Evidence: str(f["evidence"]),
		Concepts: stringsField(f["concepts"]), ClaimCount: intField(f["claim_count"]),
	}, true, nil
}

// storedFields reads a document's stored fields into the shapes a search
// hit's Fields have: strings, float64 numbers, RFC 3339 dates, booleans,
// and []any for a field with several values. The article text is skipped.
func storedFields(doc index.Document) map[string]any {
	out := map[string]any{}
	doc.VisitFields(func(f index.Field) {
		name := f.Name()
		if name == "text" && strings.HasPrefix(doc.ID(), "a-") {
			return
		}
		var v any
		switch f := f.(type) {
		case index.TextField:
			v = f.Text()
		case index.NumericField:
			n, err := f.Number()
			if err != nil {
				return
			}
			v = n
		case index.DateTimeField:
			t, _, err := f.DateTime()
			if err != nil {
				return
			}
			v = t.Format(time.RFC3339Nano)
		case index.BooleanField:
			b, err := f.Boolean()
			if err != nil {
				return
			}
			v = b
		default:
			return
		}
		switch prev := out[name].(type) {
		case nil:
			out[name] = v
		case []any:
			out[name] = append(prev, v)
		default:
			out[name] = []any{prev, v}
		}
	})
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// claimFromFields builds a claim from its stored fields, the way a search
// hit's are read.
func claimFromFields(id string, f map[string]any) lumen.Claim {
	return claimHit(&search.DocumentMatch{ID: claimDocID(id), Fields: f}).Claim
}
