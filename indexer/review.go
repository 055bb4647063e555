package indexer

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lumen-research/lumen"
)

// articleRef is what a claim document repeats of its article.
type articleRef struct {
	ID, Title, URL, Source string
	Published              time.Time
}

func refOf(a *lumen.Article) articleRef {
	return articleRef{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Published: a.Published}
}

// newClaimDoc builds the document of a claim from the tagger's claim m and
// the curators' decisions on it (oldest first). The document's concepts,
// relation and flags are the curated values of the decision in effect, if
// any; the tagger's own output stays in the machine blob beside them.
func newClaimDoc(m lumen.Claim, ref articleRef, taxVersion string, log []lumen.ReviewDecision, retracted bool) (claimDoc, error) {
	m.Review = lumen.Review{}
	machine, err := json.Marshal(m)
	if err != nil {
		return claimDoc{}, fmt.Errorf("encode claim %s: %w", m.ID, err)
	}
	doc := claimDoc{
		Type: typeClaim, Text: m.Text, Evidence: m.Evidence, Section: m.Section,
		ArticleID: ref.ID, ArticleTitle: ref.Title, ArticleURL: ref.URL, Published: timePtr(ref.Published),
		Source: ref.Source, Start: m.Start, End: m.End, TaxonomyVersion: taxVersion, Confidence: m.Confidence,
		Machine: string(machine), Retracted: retracted,
	}
	r, d := lumen.ReviewState(log)
	effective := m.Assertion()
	if d != nil && d.Status != lumen.StatusRejected {
		effective = d.Curated()
	}
	doc.Concepts, doc.Relation, doc.Negated, doc.Hedged = effective.Concepts, effective.Relation, effective.Negated, effective.Hedged
	setPairFields(&doc, m)
	doc.Status = r.Status
	doc.ReviewVersion = int(r.Version)
	doc.Flagged = lumen.NeedsReReview(d, m.Assertion())
	if len(log) > 0 {
		doc.Curator, doc.ReviewedAt, doc.Reason, doc.ReviewNote = r.Curator, timePtr(r.At), r.Reason, r.Note
		b, err := json.Marshal(log)
		if err != nil {
			return claimDoc{}, fmt.Errorf("encode decisions of claim %s: %w", m.ID, err)
		}
		doc.ReviewLog = string(b)
	}
	doc.derive(m.ID)
	return doc, nil
}

// reviewedClaim is a claim document with decisions, as stored.
type reviewedClaim struct {
	abbrevs   []string // the abbreviations the article defines
	machine   lumen.Claim
	log       []lumen.ReviewDecision
	retracted bool
	ref       articleRef
	taxonomy  string
}

var reviewedFields = []string{"machine", "review_log", "retracted", "article_id", "article_title", "article_url",
	"published", "source", "taxonomy_version", "abbrevs"}

// reviewedClaims reads the claims with decisions of the given articles.
func (ix *Index) reviewedClaims(ctx context.Context, articleIDs []string) (map[string]reviewedClaim, error) {
	if len(articleIDs) == 0 {
		return nil, nil
	}
	arts := make([]query.Query, len(articleIDs))
	for i, id := range articleIDs {
		arts[i] = termQuery("article_id", id)
	}
	q := query.NewConjunctionQuery([]query.Query{termQuery("type", typeClaim), query.NewDisjunctionQuery(arts), decidedQuery()})
	return ix.loadReviewed(ctx, q)
}

// decidedQuery matches the claims with at least one decision.
func decidedQuery() query.Query {
	one, inclusive := 1.0, true
	q := query.NewNumericRangeInclusiveQuery(&one, nil, &inclusive, nil)
	q.SetField("review_version")
	return q
}

// loadReviewed runs q and decodes the claim documents it finds.
func (ix *Index) loadReviewed(ctx context.Context, q query.Query) (map[string]reviewedClaim, error) {
	out := map[string]reviewedClaim{}
	const page = 1000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.Fields = reviewedFields
		req.SortBy([]string{"_id"})
		res, err := ix.idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("read reviewed claims: %w", err)
		}
		for _, h := range res.Hits {
			rc, err := decodeReviewed(h.Fields)
			if err != nil {
				return nil, fmt.Errorf("claim %s: %w", h.ID, err)
			}
			out[strings.TrimPrefix(h.ID, "c-")] = rc
		}
		if len(res.Hits) < page {
			return out, nil
		}
	}
}

func decodeReviewed(f map[string]any) (reviewedClaim, error) {
	var rc reviewedClaim
	if s, _ := f["machine"].(string); s != "" {
		if err := json.Unmarshal([]byte(s), &rc.machine); err != nil {
			return rc, fmt.Errorf("decode stored claim: %w", err)
		}
	}
	if s, _ := f["review_log"].(string); s != "" {
		if err := json.Unmarshal([]byte(s), &rc.log); err != nil {
			return rc, fmt.Errorf("decode stored decisions: %w", err)
		}
	}
	rc.retracted, _ = f["retracted"].(bool)
	rc.ref.ID, _ = f["article_id"].(string)
	rc.ref.Title, _ = f["article_title"].(string)
	rc.ref.URL, _ = f["article_url"].(string)
	rc.ref.Source, _ = f["source"].(string)
	rc.ref.Published = timeField(f["published"])
	rc.taxonomy, _ = f["taxonomy_version"].(string)
	rc.abbrevs = stringsField(f["abbrevs"])
	return rc, nil
}

// ReviewStats says what one ApplyReviews did.
type ReviewStats struct {
	Decisions int // decisions applied
	Repeated  int // decisions already applied (redeliveries)
	Orphans   int // decisions on claims the index had not seen, indexed as retracted claims
	Invalid   int // decisions without a valid claim id
}

// ApplyReviews applies curators' decisions to the claims they concern and
// returns once the index has persisted them. It is idempotent: a decision
// is placed by its Version in the claim's history, so a redelivered one
// changes nothing, and decisions may arrive in any order. A decision on a
// claim the index does not hold (its sentence left the article before a
// rebuild) recreates the claim, retracted, from the decision's snapshot.
func (ix *Index) ApplyReviews(ctx context.Context, decisions []lumen.ReviewDecision) (ReviewStats, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var st ReviewStats
	byClaim := map[string][]lumen.ReviewDecision{}
	var order []string
	for _, d := range decisions {
		if !lumen.ValidID(d.ClaimID) || !lumen.ValidID(d.ArticleID) {
			st.Invalid++
			continue
		}
		if _, ok := byClaim[d.ClaimID]; !ok {
			order = append(order, d.ClaimID)
		}
		byClaim[d.ClaimID] = append(byClaim[d.ClaimID], d)
	}
	if len(order) == 0 {
		return st, nil
	}
	docIDs := make([]string, len(order))
	for i, id := range order {
		docIDs[i] = claimDocID(id)
	}
	stored, err := ix.loadReviewed(ctx, query.NewDocIDQuery(docIDs))
	if err != nil {
		return st, err
	}
	articles := map[string]*articleRef{}
	b := ix.idx.NewBatch()
	for _, id := range order {
		rc, ok := stored[id]
		log, added := mergeDecisions(rc.log, byClaim[id])
		st.Decisions += added
		st.Repeated += len(byClaim[id]) - added
		if ok && added == 0 {
			continue
		}
		if !ok {
			// Not indexed: rebuild the claim from the latest snapshot.
			last := log[len(log)-1]
			rc.machine = lumen.Claim{ID: id, ArticleID: last.ArticleID, Text: last.Text, Start: last.Start,
				End: last.End, Section: last.Section, Concepts: last.Seen.Concepts, Relation: last.Seen.Relation,
				Negated: last.Seen.Negated, Hedged: last.Seen.Hedged}
			rc.retracted = true
			ref, err := ix.articleRef(ctx, articles, last.ArticleID)
			if err != nil {
				return st, err
			}
			rc.ref, rc.taxonomy = *ref, last.TaxonomyVersion
			st.Orphans++
		}
		doc, err := newClaimDoc(rc.machine, rc.ref, rc.taxonomy, log, rc.retracted)
		if err != nil {
			return st, err
		}
		doc.Abbrevs = rc.abbrevs
		if err := indexDoc(b, claimDocID(id), &doc); err != nil {
			return st, fmt.Errorf("index claim %s: %w", id, err)
		}
	}
	if b.Size() == 0 {
		return st, nil
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if err := ix.idx.Batch(b); err != nil {
		return st, fmt.Errorf("commit review batch: %w", err)
	}
	return st, nil
}

// mergeDecisions adds the new decisions to a claim's history, each at its
// Version, and returns the history (sorted by Version) and how many were new.
func mergeDecisions(log, add []lumen.ReviewDecision) ([]lumen.ReviewDecision, int) {
	have := make(map[uint64]bool, len(log))
	for _, d := range log {
		have[d.Version] = true
	}
	added := 0
	for _, d := range add {
		if have[d.Version] {
			continue
		}
		have[d.Version] = true
		log = append(log, d)
		added++
	}
	slices.SortFunc(log, func(a, b lumen.ReviewDecision) int { return cmp.Compare(a.Version, b.Version) })
	return log, added
}

// articleRef reads an article's reference fields (cached in seen); an
// article the index lacks gives a reference with its id alone.
func (ix *Index) articleRef(ctx context.Context, seen map[string]*articleRef, id string) (*articleRef, error) {
	if r, ok := seen[id]; ok {
		return r, nil
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{articleDocID(id)}), 1, 0, false)
	req.Fields = []string{"title", "url", "source", "published"}
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("read article %s: %w", id, err)
	}
	r := &articleRef{ID: id}
	if len(res.Hits) > 0 {
		f := res.Hits[0].Fields
		r.Title, _ = f["title"].(string)
		r.URL, _ = f["url"].(string)
		r.Source, _ = f["source"].(string)
		r.Published = timeField(f["published"])
	}
	seen[id] = r
	return r, nil
}

// Claim returns one claim with its review state and article, or an error
// wrapping lumen.ErrNotFound.
func (ix *Index) Claim(ctx context.Context, id string) (lumen.ClaimHit, error) {
	if !lumen.ValidID(id) {
		return lumen.ClaimHit{}, fmt.Errorf("claim %q: %w", id, lumen.ErrNotFound)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{claimDocID(id)}), 1, 0, false)
	req.Fields = claimFields
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return lumen.ClaimHit{}, fmt.Errorf("get claim %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return lumen.ClaimHit{}, fmt.Errorf("claim %s: %w", id, lumen.ErrNotFound)
	}
	h := claimHit(res.Hits[0])
	h.Score = 0
	if s, _ := res.Hits[0].Fields["machine"].(string); s != "" {
		var m lumen.Claim
		if err := json.Unmarshal([]byte(s), &m); err == nil {
			h.Mentions = m.Mentions
		}
	}
	return h, nil
}

// reviewOf reads the review state of a claim from its stored fields.
func reviewOf(f map[string]any) lumen.Review {
	r := lumen.Review{Status: lumen.StatusPending}
	if s, _ := f["status"].(string); s != "" {
		r.Status = s
	}
	r.Curator, _ = f["curator"].(string)
	r.At = timeField(f["reviewed_at"])
	r.Reason, _ = f["reason"].(string)
	r.Note, _ = f["review_note"].(string)
	r.Version = uint64(intField(f["review_version"]))
	r.Flagged, _ = f["flagged"].(bool)
	r.Retracted, _ = f["retracted"].(bool)
	if r.Version > 0 {
		if s, _ := f["machine"].(string); s != "" {
			var m lumen.Claim
			if json.Unmarshal([]byte(s), &m) == nil {
				a := m.Assertion()
				r.Machine = &a
			}
		}
	}
	return r
}
