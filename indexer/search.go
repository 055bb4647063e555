package indexer

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

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
	"article_id", "article_title", "article_url", "published", "published_zone", "start", "end",
	"confidence", "status", "flagged", "retracted", "curator", "reviewed_at", "reason", "review_note",
	"review_version", "machine", "taxonomy_version", "abbrevs",
	"relations_json", "claim_evidence",
}

// facetSizes are the facets a search can count and how many values each
// returns at most.
var facetSizes = map[string]int{"concepts": 100, "evidence": 20, "relation": 10, "status": 10, "source": 100, "year": 200}

// SearchClaims runs q and returns one page of claims, with the facets q
// asks for and a cursor to the next page. A malformed query gives an error
// wrapping lumen.ErrInvalid that says what is wrong and where.
func (ix *Index) SearchClaims(ctx context.Context, q lumen.ClaimQuery) (lumen.ClaimResults, error) {
	var out lumen.ClaimResults
	size := q.Size
	switch {
	case size == 0:
		size = DefaultPageSize
	case size < 0 || size > MaxPageSize:
		return out, lumen.Invalidf("size", "must be between 1 and %d", MaxPageSize)
	}
	if q.From < 0 || q.From > MaxOffset {
		return out, lumen.Invalidf("from", "must be between 0 and %d (use cursor= to page further)", MaxOffset)
	}
	switch q.Sort {
	case "", "relevance", "published", "-published", "confidence":
	default:
		return out, lumen.Invalidf("sort", "%q is not one of relevance, published, -published, confidence", q.Sort)
	}
	for _, f := range q.Facets {
		if _, ok := facetSizes[f]; !ok {
			return out, lumen.Invalidf("facets", "unknown facet %q (facets: %s)", f, strings.Join(lumen.FacetNames, ", "))
		}
	}
	cq, err := ix.compile(q)
	if err != nil {
		return out, err
	}
	fp := fingerprint(q)
	var cur *cursor
	if q.Cursor != "" {
		if q.From != 0 {
			return out, lumen.Invalidf("from", "cannot be combined with cursor")
		}
		c, err := decodeCursor(q.Cursor, fp)
		if err != nil {
			return out, err
		}
		cur = &c
	}
	// With a taxonomy, the concepts facet is counted apart (conceptFacet).
	pq, v := q, ix.vocabulary()
	conceptFacet := v != nil && slices.Contains(q.Facets, "concepts")
	if conceptFacet {
		pq.Facets = slices.DeleteFunc(slices.Clone(q.Facets), func(f string) bool { return f == "concepts" })
	}
	p, err := ix.searchPage(ctx, cq, pq, cur, size)
	if err != nil {
		return out, err
	}
	out.Total, out.Facets, out.Offset = p.total, p.facets, p.offset
	if conceptFacet {
		fc, err := ix.conceptFacet(ctx, cq, v)
		if err != nil {
			return out, err
		}
		if out.Facets == nil {
			out.Facets = map[string][]lumen.FacetCount{}
		}
		out.Facets["concepts"] = fc
	}
	out.Hits = make([]lumen.ClaimHit, 0, len(p.hits))
	an := ix.idx.Mapping().AnalyzerNamed(en.AnalyzerName)
	for _, h := range p.hits {
		out.Hits = append(out.Hits, cq.hit(an, h))
	}
	if n := p.offset + len(p.hits); len(p.hits) > 0 && uint64(n) < p.total && p.next != nil {
		c := *p.next
		c.Query, c.N = fp, n
		out.NextCursor = encodeCursor(c)
	}
	return out, nil
}

// page is one page of raw hits.
type page struct {
	total  uint64
	hits   []*search.DocumentMatch
	facets map[string][]lumen.FacetCount
	offset int
	next   *cursor // nil: no cursor can continue after this page
}

// searchPage runs the query for one page, at an offset (q.From) or after
// a cursor, in the full order of its sort (see cursor).
func (ix *Index) searchPage(ctx context.Context, cq *compiled, q lumen.ClaimQuery, cur *cursor, size int) (page, error) {
	var p page
	relevance := sortName(q.Sort) == "relevance"
	order := sortOrder(q.Sort)
	// byScore: the score leads the order. Unscored hits all tie (their
	// score even depends on whether facets were asked for), so their pages
	// are ordered by document id alone.
	byScore := relevance && !cq.unscored
	if relevance && cq.unscored {
		order = []string{"_id"}
	}
	req := bleve.NewSearchRequestOptions(cq.query, size, q.From, false)
	req.Fields = claimFields
	if cq.unscored && len(q.Facets) > 0 {
		// Every hit scores the same: skip scoring. (Without facets bleve
		// would then stop counting at the page, and the total be wrong.)
		req.Score = "none"
	}
	var collect search.MakeDocumentMatchHandler
	var rp *relevancePage
	if relevance {
		// In score order, ties by document id, collected apart (order.go).
		rp = &relevancePage{k: q.From + size, byScore: byScore}
		collect = rp.maker
	} else {
		req.SortBy(order)
	}
	skip := btoi(byScore) // the score is kept apart from the other sort values
	if cur != nil {
		if len(cur.After) != len(order)-skip {
			return p, lumen.Invalidf("cursor", "not a cursor this server gave out")
		}
		after := make([]string, len(order))
		for i := range order {
			if byScore && i == 0 {
				after[i] = scoreString(cur.Score)
				continue
			}
			v, err := base64.RawURLEncoding.DecodeString(cur.After[i-skip])
			if err != nil {
				return p, lumen.Invalidf("cursor", "not a cursor this server gave out")
			}
			after[i] = string(v)
		}
		if rp != nil {
			rp.after = &orderKey{score: cur.Score, id: after[len(after)-1]}
		} else {
			req.SearchAfter = after
		}
		p.offset = cur.N
	} else {
		p.offset = q.From
	}
	for _, f := range q.Facets {
		req.AddFacet(f, bleve.NewFacetRequest(f, facetSizes[f]))
	}
	res, err := ix.searchWithFields(ctx, req, claimFields, collect)
	if err != nil {
		return p, err
	}
	p.total = res.Total
	p.facets = facets(res, q.Facets)
	p.hits = res.Hits
	if len(p.hits) > size {
		p.hits = p.hits[:size]
	}
	if len(p.hits) == 0 {
		return p, nil
	}
	last := p.hits[len(p.hits)-1]
	next := &cursor{}
	if byScore {
		next.Score = last.Score
	}
	if rp != nil {
		next.After = []string{base64.RawURLEncoding.EncodeToString([]byte(last.ID))}
	} else {
		for i := skip; i < len(order) && i < len(last.Sort); i++ {
			next.After = append(next.After, base64.RawURLEncoding.EncodeToString([]byte(last.Sort[i])))
		}
	}
	p.next = next
	return p, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// run searches, telling the query's own faults (a regexp bleve cannot
// compile, too many terms) from the index's.
func (ix *Index) run(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || errors.Is(err, lumen.ErrUnavailable) {
			return nil, fmt.Errorf("search claims: %w", err) // timeout, or the index damaged or rebuilding
		}
		return nil, lumen.Invalidf("q", "%v", err)
	}
	return res, nil
}

// conceptFacet counts the concepts facet as the concept filter filters: a
// concept counts the claims tagged with it or with any narrower concept
// (what the facet's link, concept=ID, finds), once each, and a broader
// concept is listed when a narrower one is. bleve's term facet counts each
// concept's own tags only, so the facet is counted here instead, in one
// scan of the hits' concept doc values, as the evidence map is.
func (ix *Index) conceptFacet(ctx context.Context, cq *compiled, v Vocabulary) ([]lumen.FacetCount, error) {
	out := []lumen.FacetCount{}
	if cq.empty {
		return out, nil
	}
	var (
		names   []string
		counts  []int
		stamp   []int
		lineage = map[string][]int{} // a concept -> it and its ancestors, as indexes into names
		byID    = map[string]int{}
		doc     int
		dvr     index.DocValueReader
	)
	intern := func(id string) int {
		if i, ok := byID[id]; ok {
			return i
		}
		byID[id] = len(names)
		names, counts, stamp = append(names, id), append(counts, 0), append(stamp, 0)
		return len(names) - 1
	}
	visit := func(_ string, term []byte) {
		l, ok := lineage[string(term)]
		if !ok {
			id := string(term)
			l = []int{intern(id)}
			for _, a := range v.Ancestors(id) {
				l = append(l, intern(a))
			}
			lineage[id] = l
		}
		for _, i := range l {
			if stamp[i] != doc {
				stamp[i] = doc
				counts[i]++
			}
		}
	}
	err := ix.scan(ctx, cq, func(r index.IndexReader, d *search.DocumentMatch) error {
		if dvr == nil {
			var err error
			if dvr, err = r.DocValueReader([]string{"concepts"}); err != nil {
				return fmt.Errorf("concepts facet: %w", err)
			}
		}
		doc++
		return dvr.VisitDocValues(d.IndexInternalID, visit)
	})
	if err != nil {
		return nil, err
	}
	for i, n := range counts {
		if n > 0 {
			out = append(out, lumen.FacetCount{Value: names[i], Count: n})
		}
	}
	slices.SortFunc(out, func(a, b lumen.FacetCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
	if len(out) > facetSizes["concepts"] {
		out = out[:facetSizes["concepts"]]
	}
	return out, nil
}

func facets(res *bleve.SearchResult, names []string) map[string][]lumen.FacetCount {
	if len(names) == 0 {
		return nil
	}
	out := make(map[string][]lumen.FacetCount, len(names))
	for _, name := range names {
		counts := []lumen.FacetCount{}
		if f := res.Facets[name]; f != nil && f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				counts = append(counts, lumen.FacetCount{Value: t.Term, Count: t.Count})
			}
		}
		if name == "year" {
			sort.Slice(counts, func(i, j int) bool { return counts[i].Value > counts[j].Value })
		}
		out[name] = counts
	}
	return out
}

// hit turns a bleve hit into a claim hit with its sentence highlighted and
// the reasons it matched.
func (cq *compiled) hit(an analysis.Analyzer, h *search.DocumentMatch) lumen.ClaimHit {
	c := claimHit(h)
	var found []int
	c.Highlight, found = cq.marks.mark(an, c.Text)
	for _, i := range found {
		c.Matched = append(c.Matched, lumen.Match{Query: cq.marks.clauses[i], Via: lumen.MatchText})
	}
	if len(cq.expansions) > 0 {
		abbrevs := stringsField(h.Fields["abbrevs"])
		for _, e := range cq.expansions {
			for _, id := range c.Concepts {
				named, ok := e.matches[id]
				if !ok || (e.via == lumen.MatchAbbreviation && !slices.Contains(abbrevs, e.abbrev)) {
					continue
				}
				c.Matched = append(c.Matched, lumen.Match{Query: e.words, Via: e.via, Concept: named})
				break
			}
		}
	}
	if len(c.Matched) == 0 && !cq.marks.empty() {
		// Neither the sentence nor a concept: the article's title.
		if _, inTitle := cq.marks.mark(an, c.Article.Title); len(inTitle) > 0 {
			for _, i := range inTitle {
				c.Matched = append(c.Matched, lumen.Match{Query: cq.marks.clauses[i], Via: lumen.MatchTitle})
			}
		}
	}
	return c
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
	c.Article.ID = c.ArticleID
	c.Article.Title, _ = f["article_title"].(string)
	c.Article.URL, _ = f["article_url"].(string)
	c.Article.Published = publishedField(f)
	c.Confidence, _ = f["confidence"].(float64)
	c.Review = reviewOf(f)
	c.TaggerVersion, _ = f["taxonomy_version"].(string)
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

// articleFields reads the stored fields of an indexed article document; an
// id that is no article id is not found.
func (ix *Index) articleFields(ctx context.Context, id string, fields ...string) (map[string]any, error) {
	if !lumen.ValidID(id) {
		return nil, fmt.Errorf("article %q: %w", id, lumen.ErrNotFound)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{articleDocID(id)}), 1, 0, false)
	req.Fields = fields
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("get article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("article %s: %w", id, lumen.ErrNotFound)
	}
	return res.Hits[0].Fields, nil
}

// ArticleText returns an indexed article's text alone (the review page's
// context sentences), without its claims, or an error wrapping
// lumen.ErrNotFound.
func (ix *Index) ArticleText(ctx context.Context, id string) (string, error) {
	f, err := ix.articleFields(ctx, id, "text")
	if err != nil {
		return "", err
	}
	text, _ := f["text"].(string)
	return text, nil
}

// Article returns an indexed article with its claims in text order, or an
// error wrapping lumen.ErrNotFound.
func (ix *Index) Article(ctx context.Context, id string) (lumen.ArticleDetail, error) {
	var d lumen.ArticleDetail
	f, err := ix.articleFields(ctx, id, "*")
	if err != nil {
		return d, err
	}
	a := &d.Article
	a.ID = id
	a.Title, _ = f["title"].(string)
	a.Text, _ = f["text"].(string)
	a.URL, _ = f["url"].(string)
	a.URLs = stringsField(f["urls"])
	a.Source, _ = f["source"].(string)
	a.Authors = stringsField(f["authors"])
	a.AuthorDetails = authorDetailsField(f["author_details"], a.Authors)
	a.Journal, _ = f["journal"].(string)
	a.SiteName, _ = f["site_name"].(string)
	a.Language, _ = f["language"].(string)
	a.Published = publishedField(f)
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
