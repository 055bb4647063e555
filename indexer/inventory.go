package indexer

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lumen-research/lumen"
)

// ArticleVersion is what the index holds of an article: which version of
// it, tagged by which taxonomy, with how many claims.
type ArticleVersion struct {
	ID              string
	ContentHash     string
	TaxonomyVersion string
	FetchedAt       time.Time
	Claims          int
}

// inventoryPage is the articles read per query by Versions.
const inventoryPage = 2000

// Versions calls fn for every article in the index, in id order.
func (ix *Index) Versions(ctx context.Context, fn func(ArticleVersion) error) error {
	fields := []string{"content_hash", "taxonomy_version", "fetched_at", "claim_count"}
	return ix.eachDoc(ctx, termQuery("type", typeArticle), fields, "list indexed articles", func(h *search.DocumentMatch) error {
		v := ArticleVersion{ID: strings.TrimPrefix(h.ID, "a-"), Claims: intField(h.Fields["claim_count"]),
			FetchedAt: timeField(h.Fields["fetched_at"])}
		v.ContentHash, _ = h.Fields["content_hash"].(string)
		v.TaxonomyVersion, _ = h.Fields["taxonomy_version"].(string)
		return fn(v)
	})
}

// eachDoc calls fn for every document q matches, in id order, with fields,
// a page of inventoryPage at a time (what names the listing in errors).
func (ix *Index) eachDoc(ctx context.Context, q query.Query, fields []string, what string, fn func(*search.DocumentMatch) error) error {
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, inventoryPage, 0, false)
		req.Fields = fields
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SearchAfter = after
		}
		res, err := ix.idx.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		for _, h := range res.Hits {
			if err := fn(h); err != nil {
				return err
			}
		}
		if len(res.Hits) < inventoryPage {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// ClaimsByArticle returns the number of claim documents of each article
// (retracted claims, which issue 9's curation keeps, left out).
func (ix *Index) ClaimsByArticle(ctx context.Context, articles int) (map[string]int, error) {
	retracted := query.NewBoolFieldQuery(true)
	retracted.SetField("retracted")
	q := query.NewBooleanQuery([]query.Query{termQuery("type", typeClaim)}, nil, []query.Query{retracted})
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.AddFacet("articles", bleve.NewFacetRequest("article_id", max(articles, 1)*2))
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("count claims by article: %w", err)
	}
	out := map[string]int{}
	if f := res.Facets["articles"]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			out[t.Term] = t.Count
		}
	}
	return out, nil
}

// Deindex removes articles (and their claims) from the index: articles the
// system of record no longer has and that cannot be recovered.
func (ix *Index) Deindex(ctx context.Context, ids []string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	existing, err := ix.indexedVersions(ctx, ids)
	if err != nil {
		return err
	}
	b := ix.idx.NewBatch()
	for id, v := range existing {
		for _, c := range v.claimIDs {
			b.Delete(claimDocID(c))
		}
		b.Delete(articleDocID(id))
	}
	if b.Size() == 0 {
		return nil
	}
	if err := ix.idx.Batch(b); err != nil {
		return fmt.Errorf("deindex: %w", err)
	}
	return nil
}

// ReapplyClaims re-indexes events whose claims in the index disagree with
// their article (orphans or missing claim documents): claim documents of
// the article that the event does not list are deleted (or, when a curator
// decided them, kept with their decisions: retracted when their sentence
// left the article), the others written again.
func (ix *Index) ReapplyClaims(ctx context.Context, events []lumen.ArticleTagged) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	retracted := query.NewBoolFieldQuery(true)
	retracted.SetField("retracted")
	b := ix.idx.NewBatch()
	for i := range events {
		ev := &events[i]
		q := query.NewBooleanQuery([]query.Query{termQuery("type", typeClaim), termQuery("article_id", ev.Article.ID)}, nil, []query.Query{retracted})
		res, err := ix.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, maxClaimsPerDoc, 0, false))
		if err != nil {
			return fmt.Errorf("claims of %s: %w", ev.Article.ID, err)
		}
		_, ids, err := buildDocs(ev, nil)
		if err != nil {
			return err
		}
		keep := map[string]bool{}
		for _, id := range ids {
			keep[claimDocID(id)] = true
		}
		reviewed, err := ix.reviewedClaims(ctx, []string{ev.Article.ID})
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			if keep[h.ID] {
				continue
			}
			if _, ok := reviewed[strings.TrimPrefix(h.ID, "c-")]; ok {
				continue // apply below keeps or retracts it by its sentence
			}
			b.Delete(h.ID)
		}
	}
	if b.Size() > 0 {
		if err := ix.idx.Batch(b); err != nil {
			return fmt.Errorf("delete orphan claims: %w", err)
		}
	}
	// Written again in full (the same version is not older than what is
	// indexed, so it is not skipped).
	_, err := ix.apply(ctx, events, nil, false)
	return err
}

// ArticleClaims returns what the index holds of one article (found false
// when it holds no article of that id) and how many claim documents of it
// there are (retracted ones left out), read in one search so that both come
// from the same state of the index.
func (ix *Index) ArticleClaims(ctx context.Context, id string) (v ArticleVersion, claims int, found bool, err error) {
	retracted := query.NewBoolFieldQuery(true)
	retracted.SetField("retracted")
	claimQ := query.NewBooleanQuery([]query.Query{termQuery("type", typeClaim), termQuery("article_id", id)}, nil, []query.Query{retracted})
	q := query.NewDisjunctionQuery([]query.Query{query.NewDocIDQuery([]string{articleDocID(id)}), claimQ})
	req := bleve.NewSearchRequestOptions(q, 1, 0, false)
	req.Fields = []string{"content_hash", "taxonomy_version", "fetched_at", "claim_count"}
	req.SortBy([]string{"type", "_id"}) // "article" before "claim"
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return v, 0, false, fmt.Errorf("claims of article %s: %w", id, err)
	}
	total := int(res.Total)
	if len(res.Hits) == 0 || res.Hits[0].ID != articleDocID(id) {
		return v, total, false, nil
	}
	h := res.Hits[0]
	v = ArticleVersion{ID: id, Claims: intField(h.Fields["claim_count"]), FetchedAt: timeField(h.Fields["fetched_at"])}
	v.ContentHash, _ = h.Fields["content_hash"].(string)
	v.TaxonomyVersion, _ = h.Fields["taxonomy_version"].(string)
	return v, total - 1, true, nil
}

// ReviewLogs calls fn with the decisions the index holds on each claim that
// has any (its review log, oldest first), in claim id order.
func (ix *Index) ReviewLogs(ctx context.Context, fn func(claimID string, log []lumen.ReviewDecision) error) error {
	q := query.NewConjunctionQuery([]query.Query{termQuery("type", typeClaim), decidedQuery()})
	return ix.eachDoc(ctx, q, []string{"review_log"}, "list reviewed claims", func(h *search.DocumentMatch) error {
		var log []lumen.ReviewDecision
		if s, _ := h.Fields["review_log"].(string); s != "" {
			if err := json.Unmarshal([]byte(s), &log); err != nil {
				return fmt.Errorf("claim %s: decode stored decisions: %w", h.ID, err)
			}
		}
		return fn(strings.TrimPrefix(h.ID, "c-"), log)
	})
}

// TaggerVersions counts the indexed articles by the tagger version that
// tagged them (lumen.Article's TaxonomyVersion: taxonomy+rules), so that an
// upgrade that leaves part of the index tagged by an older tagger can say
// that lumen reindex --retag is due. It reads every article's stored
// version: callers cache it.
func (ix *Index) TaggerVersions(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	err := ix.eachDoc(ctx, termQuery("type", typeArticle), []string{"taxonomy_version"}, "count tagger versions", func(h *search.DocumentMatch) error {
		v, _ := h.Fields["taxonomy_version"].(string)
		out[v]++
		return nil
	})
	return out, err
}
