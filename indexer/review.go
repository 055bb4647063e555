package indexer

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lumen-research/lumen"
)

// articleRef is what a claim document repeats of its article. Text and
// Evidence are read only where a decision needs them (Index.articleRef).
type articleRef struct {
	ID, Title, URL, Source string
	Published              time.Time
	Text, Evidence         string
	found                  bool
}

func refOf(a *lumen.Article) articleRef {
	return articleRef{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Published: a.Published}
}

// newClaimDoc builds the document of a claim from the tagger's claim m and
// the curators' decisions on it (oldest first). The document's concepts,
// relation, flags and pairs are the curated values of the decision in
// effect, if any (lumen.Curate); the tagger's own output stays in the
// machine blob beside them. m without concepts is the tagger's "not a
// claim" for a decided sentence still in its article (lumen.NotAClaimAt).
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
	effective := lumen.Curate(m.Assertion(), log)
	doc.Concepts, doc.Relation, doc.Negated, doc.Hedged = effective.Concepts, effective.Relation, effective.Negated, effective.Hedged
	setPairFields(&doc, effective.Relations, m.ClaimEvidence)
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
	"published", "published_zone", "source", "taxonomy_version", "abbrevs"}

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
	rc.ref.Published = publishedField(f)
	rc.taxonomy, _ = f["taxonomy_version"].(string)
	rc.abbrevs = stringsField(f["abbrevs"])
	return rc, nil
}

// ReviewStats says what one ApplyReviews did.
type ReviewStats struct {
	Decisions int // decisions applied
	Repeated  int // decisions already applied (redeliveries)
	Orphans   int // claims the index had not seen whose sentence left their article, indexed retracted
	Kept      int // claims the index had not seen whose sentence is still in their article, indexed beside the tagger's "not a claim"
	Invalid   int // decisions without a valid claim id
}

// ApplyReviews applies curators' decisions to the claims they concern and
// returns once the index has persisted them. It is idempotent: a decision
// is placed by its Version in the claim's history, so a redelivered one
// changes nothing, and decisions may arrive in any order. A decision on a
// claim the index does not hold (a rebuild, whose articles no longer give
// it) recreates the claim from the decision's snapshot: retracted when its
// sentence left the article, else beside the tagger's "not a claim".
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
	kept := map[string][]string{} // by article: claims kept beside the tagger's "not a claim"
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
			// Not indexed (a rebuild, whose tagger no longer gives the
			// claim): rebuild it from the latest snapshot. Its sentence
			// still in the article, it stays beside the tagger's "not a
			// claim", listed with the article's claims; else it is
			// retracted.
			last := log[len(log)-1]
			snap := lumen.Claim{ID: id, ArticleID: last.ArticleID, Text: last.Text, Start: last.Start,
				End: last.End, Section: last.Section, Confidence: last.Confidence}
			snap.Assert(last.Seen)
			ref, err := ix.articleRef(ctx, articles, last.ArticleID)
			if err != nil {
				return st, err
			}
			// The claim document's taxonomy_version field holds the
			// tagger's version (as ArticleTagged's does), not the bare
			// taxonomy's the decision names beside it (qa4).
			rc.ref, rc.taxonomy = *ref, cmp.Or(last.TaggerVersion, last.TaxonomyVersion)
			rc.ref.Text, rc.ref.Evidence = "", ""
			if start, found := lumen.FindSentence(last.ArticleID, id, last.Text, ref.Text); found && ref.found {
				rc.machine = lumen.NotAClaimAt(snap, start)
				rc.machine.Evidence = ref.Evidence
				rc.abbrevs = definedAbbreviations(ref.Text)
				kept[last.ArticleID] = append(kept[last.ArticleID], id)
				st.Kept++
			} else {
				rc.machine = snap
				rc.retracted = true
				st.Orphans++
			}
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
	for _, aid := range slices.Sorted(maps.Keys(kept)) {
		if err := ix.listClaims(ctx, b, aid, kept[aid]); err != nil {
			return st, err
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

// listClaims adds claims to the claims an indexed article lists (its
// claim_ids and claim_count, which the data check compares with the claims
// indexed), writing the article's document again in b.
func (ix *Index) listClaims(ctx context.Context, b *bleve.Batch, articleID string, claimIDs []string) error {
	f, err := ix.articleFields(ctx, articleID, "*")
	if err != nil {
		return err
	}
	d := articleDoc{
		Type: typeArticle, Title: str(f["title"]), Text: str(f["text"]), URL: str(f["url"]), URLs: stringsField(f["urls"]),
		Source: str(f["source"]), Authors: stringsField(f["authors"]), AuthorDetails: str(f["author_details"]), Journal: str(f["journal"]),
		SiteName: str(f["site_name"]), Language: str(f["language"]), Published: timePtr(publishedField(f)),
		DOI: str(f["doi"]), PMID: str(f["pmid"]), PMCID: str(f["pmcid"]), MeSH: stringsField(f["mesh"]),
		PublicationTypes: stringsField(f["publication_types"]), Evidence: str(f["evidence"]),
		Concepts: stringsField(f["concepts"]), ClaimIDs: stringsField(f["claim_ids"]),
		ContentHash: str(f["content_hash"]), FetchedAt: timePtr(timeField(f["fetched_at"])),
		TaggedAt: timePtr(timeField(f["tagged_at"])), TaxonomyVersion: str(f["taxonomy_version"]),
	}
	d.Truncated, _ = f["truncated"].(bool)
	for _, id := range claimIDs {
		if !slices.Contains(d.ClaimIDs, id) {
			d.ClaimIDs = append(d.ClaimIDs, id)
		}
	}
	d.ClaimCount = len(d.ClaimIDs)
	if err := indexDoc(b, articleDocID(articleID), &d); err != nil {
		return fmt.Errorf("index article %s: %w", articleID, err)
	}
	return nil
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
	req.Fields = []string{"title", "url", "source", "published", "published_zone", "text", "evidence"}
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
		r.Published = publishedField(f)
		r.Text, _ = f["text"].(string)
		r.Evidence, _ = f["evidence"].(string)
		r.found = true
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
