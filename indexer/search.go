package indexer

import (
	"context"
	"errors"
	"fmt"
	"html"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lumen-research/lumen"
)

// Search limits.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
	MaxOffset       = 10000
	MaxQueryLength  = 1000
	maxClaimsPerDoc = 10000
)

var claimFields = []string{
	"text", "concepts", "relation", "negated", "hedged", "evidence", "section",
	"article_id", "article_title", "article_url", "published", "start", "end",
	"confidence", "status", "flagged", "retracted", "curator", "reviewed_at", "reason", "review_note",
	"review_version", "machine", "taxonomy_version",
	"relations_json", "claim_evidence",
}

// SearchClaims runs q and returns one page of claims with facets by concept,
// evidence type and relation. A malformed query gives an error wrapping
// lumen.ErrInvalid that says what is wrong.
func (ix *Index) SearchClaims(ctx context.Context, q lumen.ClaimQuery) (lumen.ClaimResults, error) {
	var out lumen.ClaimResults
	bq, err := buildClaimQuery(q)
	if err != nil {
		return out, err
	}
	size := q.Size
	switch {
	case size == 0:
		size = DefaultPageSize
	case size < 0 || size > MaxPageSize:
		return out, lumen.Invalidf("size", "must be between 1 and %d", MaxPageSize)
	}
	if q.From < 0 || q.From > MaxOffset {
		return out, lumen.Invalidf("from", "must be between 0 and %d", MaxOffset)
	}
	req := bleve.NewSearchRequestOptions(bq, size, q.From, false)
	req.Fields = claimFields
	req.IncludeLocations = true
	switch q.Sort {
	case "", "relevance":
	case "published":
		req.SortBy([]string{"published", "-_score", "_id"})
	case "-published":
		req.SortBy([]string{"-published", "-_score", "_id"})
	case "confidence": // least sure first: the review queue's order
		req.SortBy([]string{"confidence", "-_score", "_id"})
	default:
		return out, lumen.Invalidf("sort", "%q is not one of relevance, published, -published, confidence", q.Sort)
	}
	req.AddFacet("concepts", bleve.NewFacetRequest("concepts", 60))
	req.AddFacet("evidence", bleve.NewFacetRequest("evidence", 20))
	req.AddFacet("relation", bleve.NewFacetRequest("relation", 10))
	req.AddFacet("status", bleve.NewFacetRequest("status", 4))
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			return out, fmt.Errorf("search claims: %w", err)
		}
		// Errors that survive query parsing come from the query itself
		// (e.g. a regexp bleve cannot compile).
		return out, lumen.Invalidf("q", "%v", err)
	}
	out.Total = res.Total
	out.Hits = make([]lumen.ClaimHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, claimHit(h))
	}
	out.Facets = map[string][]lumen.FacetCount{}
	for name, f := range res.Facets {
		counts := []lumen.FacetCount{}
		if f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				counts = append(counts, lumen.FacetCount{Value: t.Term, Count: t.Count})
			}
		}
		out.Facets[name] = counts
	}
	return out, nil
}

func buildClaimQuery(q lumen.ClaimQuery) (query.Query, error) {
	must := []query.Query{termQuery("type", typeClaim)}
	if s := strings.TrimSpace(q.Q); s != "" {
		if len(s) > MaxQueryLength {
			return nil, lumen.Invalidf("q", "longer than %d bytes", MaxQueryLength)
		}
		qs := query.NewQueryStringQuery(s)
		if _, err := qs.Parse(); err != nil {
			return nil, lumen.Invalidf("q", "cannot parse %q: %v (see https://blevesearch.com/docs/Query-String-Query/)", s, err)
		}
		must = append(must, qs)
	}
	for _, c := range q.Concepts {
		must = append(must, termQuery("concepts", c))
	}
	if len(q.Evidence) > 0 {
		var anyOf []query.Query
		for _, e := range q.Evidence {
			anyOf = append(anyOf, termQuery("evidence", e))
		}
		must = append(must, query.NewDisjunctionQuery(anyOf))
	}
	if q.Relation != "" {
		must = append(must, termQuery("relation", q.Relation))
	}
	if pq := pairQuery(q); pq != nil {
		must = append(must, pq)
	}
	if q.Negated != nil {
		b := query.NewBoolFieldQuery(*q.Negated)
		b.SetField("negated")
		must = append(must, b)
	}
	if q.Hedged != nil {
		b := query.NewBoolFieldQuery(*q.Hedged)
		b.SetField("hedged")
		must = append(must, b)
	}
	if q.ArticleID != "" {
		must = append(must, termQuery("article_id", q.ArticleID))
	}
	if len(q.Status) > 0 {
		var anyOf []query.Query
		for _, st := range q.Status {
			anyOf = append(anyOf, termQuery("status", st))
		}
		must = append(must, query.NewDisjunctionQuery(anyOf))
	}
	if q.Flagged != nil {
		must = append(must, boolQuery("flagged", *q.Flagged))
	}
	must = append(must, boolQuery("retracted", q.Retracted != nil && *q.Retracted))
	if q.Source != "" {
		must = append(must, termQuery("source", q.Source))
	}
	if !q.PublishedFrom.IsZero() || !q.PublishedTo.IsZero() {
		if !q.PublishedFrom.IsZero() && !q.PublishedTo.IsZero() && q.PublishedTo.Before(q.PublishedFrom) {
			return nil, lumen.Invalidf("published_to", "is before published_from")
		}
		incl := true
		dr := query.NewDateRangeInclusiveQuery(q.PublishedFrom, q.PublishedTo, &incl, &incl)
		dr.SetField("published")
		must = append(must, dr)
	}
	return query.NewConjunctionQuery(must), nil
}

func boolQuery(field string, v bool) *query.BoolFieldQuery {
	q := query.NewBoolFieldQuery(v)
	q.SetField(field)
	return q
}

func termQuery(field, term string) *query.TermQuery {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

func claimHit(h *search.DocumentMatch) lumen.ClaimHit {
	f := h.Fields
	c := lumen.ClaimHit{Score: h.Score}
	c.ID = strings.TrimPrefix(h.ID, "c-")
	c.Text, _ = f["text"].(string)
	c.Concepts = stringsField(f["concepts"])
	c.Relation, _ = f["relation"].(string)
	c.Negated, _ = f["negated"].(bool)
	c.Hedged, _ = f["hedged"].(bool)
	c.Evidence, _ = f["evidence"].(string)
	c.Section, _ = f["section"].(string)
	c.ArticleID, _ = f["article_id"].(string)
	c.Start = intField(f["start"])
	c.End = intField(f["end"])
	c.Confidence, _ = f["confidence"].(float64)
	c.Review = reviewOf(f)
	c.TaggerVersion, _ = f["taxonomy_version"].(string)
	c.Article.ID = c.ArticleID
	c.Article.Title, _ = f["article_title"].(string)
	c.Article.URL, _ = f["article_url"].(string)
	c.Article.Published = timeField(f["published"])
	c.Highlight = highlight(c.Text, h.Locations["text"])
	hitPairs(f, &c.Claim)
	return c
}

func intField(v any) int {
	if n, ok := v.(float64); ok {
		return int(n)
	}
	return 0
}

func timeField(v any) time.Time {
	s, _ := v.(string)
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// highlight returns text as escaped HTML with the matched term locations
// (byte offsets into text) wrapped in <mark>.
func highlight(text string, locs search.TermLocationMap) string {
	type span struct{ start, end int }
	var spans []span
	for _, ls := range locs {
		for _, l := range ls {
			s, e := int(l.Start), int(l.End)
			if 0 <= s && s < e && e <= len(text) {
				spans = append(spans, span{s, e})
			}
		}
	}
	if len(spans) == 0 {
		return html.EscapeString(text)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b strings.Builder
	pos := 0
	for _, sp := range spans {
		if sp.start < pos { // overlapping
			continue
		}
		b.WriteString(html.EscapeString(text[pos:sp.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[sp.start:sp.end]))
		b.WriteString("</mark>")
		pos = sp.end
	}
	b.WriteString(html.EscapeString(text[pos:]))
	return b.String()
}

// Article returns an indexed article with its claims in text order, or an
// error wrapping lumen.ErrNotFound.
func (ix *Index) Article(ctx context.Context, id string) (lumen.ArticleDetail, error) {
	var d lumen.ArticleDetail
	if !lumen.ValidID(id) {
		return d, fmt.Errorf("article %q: %w", id, lumen.ErrNotFound)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{articleDocID(id)}), 1, 0, false)
	req.Fields = []string{"*"}
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return d, fmt.Errorf("get article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return d, fmt.Errorf("article %s: %w", id, lumen.ErrNotFound)
	}
	f := res.Hits[0].Fields
	a := &d.Article
	a.ID = id
	a.Title, _ = f["title"].(string)
	a.Text, _ = f["text"].(string)
	a.URL, _ = f["url"].(string)
	a.URLs = stringsField(f["urls"])
	a.Source, _ = f["source"].(string)
	a.Authors = stringsField(f["authors"])
	a.Journal, _ = f["journal"].(string)
	a.SiteName, _ = f["site_name"].(string)
	a.Language, _ = f["language"].(string)
	a.Published = timeField(f["published"])
	a.DOI, _ = f["doi"].(string)
	a.PMID, _ = f["pmid"].(string)
	a.PMCID, _ = f["pmcid"].(string)
	a.MeSH = stringsField(f["mesh"])
	a.PublicationTypes = stringsField(f["publication_types"])
	a.Truncated, _ = f["truncated"].(bool)
	a.ContentHash, _ = f["content_hash"].(string)
	a.FetchedAt = timeField(f["fetched_at"])
	d.Evidence, _ = f["evidence"].(string)
	d.Concepts = stringsField(f["concepts"])
	d.TaxonomyVersion, _ = f["taxonomy_version"].(string)

	cq := query.NewConjunctionQuery([]query.Query{termQuery("type", typeClaim), termQuery("article_id", id)})
	creq := bleve.NewSearchRequestOptions(cq, maxClaimsPerDoc, 0, false)
	creq.Fields = claimFields
	cres, err := ix.idx.SearchInContext(ctx, creq)
	if err != nil {
		return d, fmt.Errorf("get claims of article %s: %w", id, err)
	}
	d.Claims = make([]lumen.Claim, 0, len(cres.Hits))
	for _, h := range cres.Hits {
		c := claimHit(h).Claim
		if c.Review.Retracted {
			d.RetractedClaims = append(d.RetractedClaims, c)
		} else {
			d.Claims = append(d.Claims, c)
		}
	}
	slices.SortFunc(d.Claims, func(a, b lumen.Claim) int { return a.Start - b.Start })
	slices.SortFunc(d.RetractedClaims, func(a, b lumen.Claim) int { return a.Start - b.Start })
	return d, nil
}
