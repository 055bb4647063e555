package indexer

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/vocab"
)

// decide builds decision number v on claim c.
func decide(c lumen.Claim, v uint64, action, status string) lumen.ReviewDecision {
	seen := c.Assertion()
	return lumen.ReviewDecision{ClaimID: c.ID, ArticleID: c.ArticleID, Action: action, Status: status, Version: v,
		Curator: "alice", At: time.Date(2026, 2, 1, 0, 0, int(v), 0, time.UTC), Seen: seen, SeenHash: seen.Hash(),
		Text: c.Text, Start: c.Start, End: c.End}
}

func mustClaim(t *testing.T, ix *Index, id string) lumen.ClaimHit {
	t.Helper()
	c, err := ix.Claim(context.Background(), id)
	if err != nil {
		t.Fatalf("Claim(%s): %v", id, err)
	}
	return c
}

func TestApplyReviewsIsIdempotentInAnyOrder(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ev := tagged("https://example.org/r", t0, "Probiotics reduced acne lesions.", "Probiotics may improve acne.")
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	c := ev.Claims[0]
	acc := decide(c, 0, lumen.ActionAccept, lumen.StatusAccepted)
	rej := decide(c, 1, lumen.ActionReject, lumen.StatusRejected)
	rej.Reason = lumen.ReasonNotAClaim
	// The later decision first, then both again: the state is the same.
	for _, batch := range [][]lumen.ReviewDecision{{rej}, {acc, rej}, {acc}} {
		if _, err := ix.ApplyReviews(ctx, batch); err != nil {
			t.Fatalf("ApplyReviews: %v", err)
		}
	}
	got := mustClaim(t, ix, c.ID)
	if got.Review.Status != lumen.StatusRejected || got.Review.Version != 2 || got.Review.Reason != lumen.ReasonNotAClaim || got.Review.Curator != "alice" {
		t.Errorf("review = %+v, want rejected (not_a_claim) at version 2 by alice", got.Review)
	}
	all, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Status: lumen.Statuses, Facets: []string{"status"}}) // rejected claims only when asked for
	if err != nil {
		t.Fatal(err)
	}
	if f := all.Facets["status"]; len(f) != 2 || f[0].Count != 1 || f[1].Count != 1 {
		t.Errorf("status facet = %+v, want pending 1, rejected 1", f)
	}
	for _, tt := range []struct {
		status string
		want   uint64
	}{{lumen.StatusRejected, 1}, {lumen.StatusPending, 1}, {lumen.StatusAccepted, 0}} {
		res, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Status: []string{tt.status}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != tt.want {
			t.Errorf("status=%s: %d claims, want %d", tt.status, res.Total, tt.want)
		}
	}
}

func TestRetagKeepsDecisionsFlagsAndRetracts(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s1, s2, s3 := "Probiotics reduced acne lesions.", "Probiotics may improve acne.", "Fiber did nothing for acne."
	v1 := tagged("https://example.org/x", t0, s1, s2, s3)
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{v1}); err != nil {
		t.Fatal(err)
	}
	accepted, corrected, gone := v1.Claims[0], v1.Claims[1], v1.Claims[2]
	corr := decide(corrected, 0, lumen.ActionCorrect, lumen.StatusCorrected)
	corr.Correction = &lumen.Assertion{Concepts: []string{"condition/acne"}, Relation: lumen.RelationAssociated}
	if _, err := ix.ApplyReviews(ctx, []lumen.ReviewDecision{
		decide(accepted, 0, lumen.ActionAccept, lumen.StatusAccepted), corr,
		decide(gone, 0, lumen.ActionAccept, lumen.StatusAccepted),
	}); err != nil {
		t.Fatal(err)
	}

	// Re-tag: the first sentence now gets another relation, the third is gone.
	v2 := tagged("https://example.org/x", t0.Add(time.Hour), s1, s2)
	v2.Claims[0].Relation = lumen.RelationIncreases
	v2.Claims[1].Hedged = corrected.Hedged // unchanged machine output
	st, err := ix.Apply(ctx, []lumen.ArticleTagged{v2})
	if err != nil {
		t.Fatal(err)
	}
	if st.ClaimsRetracted != 1 || st.ClaimsRemoved != 0 {
		t.Errorf("Apply v2 = %+v, want 1 claim retracted, none removed", st)
	}

	a := mustClaim(t, ix, accepted.ID)
	if a.Review.Status != lumen.StatusAccepted || !a.Review.Flagged || a.Relation != lumen.RelationDecreases ||
		a.Review.Machine == nil || a.Review.Machine.Relation != lumen.RelationIncreases {
		t.Errorf("accepted claim after re-tag = relation %s, review %+v; want the accepted relation kept, the new one beside it, flagged", a.Relation, a.Review)
	}
	c := mustClaim(t, ix, corrected.ID)
	if c.Review.Status != lumen.StatusCorrected || c.Review.Flagged || c.Relation != lumen.RelationAssociated || len(c.Concepts) != 1 {
		t.Errorf("corrected claim after re-tag = %+v %v %s; want the correction kept, not flagged", c.Review, c.Concepts, c.Relation)
	}
	g := mustClaim(t, ix, gone.ID)
	if !g.Review.Retracted || g.Review.Status != lumen.StatusAccepted {
		t.Errorf("claim whose sentence disappeared = %+v, want accepted and retracted", g.Review)
	}
	// Retracted claims leave search unless asked for; the article lists them apart.
	res, _ := ix.SearchClaims(ctx, lumen.ClaimQuery{})
	yes := true
	retracted, _ := ix.SearchClaims(ctx, lumen.ClaimQuery{Retracted: &yes})
	if res.Total != 2 || retracted.Total != 1 {
		t.Errorf("search: %d claims, %d retracted; want 2 and 1", res.Total, retracted.Total)
	}
	d, err := ix.Article(ctx, v2.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Claims) != 2 || len(d.RetractedClaims) != 1 {
		t.Errorf("article: %d claims, %d retracted; want 2 and 1", len(d.Claims), len(d.RetractedClaims))
	}
	flagged, _ := ix.SearchClaims(ctx, lumen.ClaimQuery{Flagged: &yes})
	if flagged.Total != 1 {
		t.Errorf("flagged=true: %d claims, want 1", flagged.Total)
	}

	// The sentence comes back: the claim is live again, with its decision.
	v3 := tagged("https://example.org/x", t0.Add(2*time.Hour), s1, s2, s3)
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{v3}); err != nil {
		t.Fatal(err)
	}
	if g := mustClaim(t, ix, gone.ID); g.Review.Retracted || g.Review.Status != lumen.StatusAccepted {
		t.Errorf("claim whose sentence came back = %+v, want accepted, not retracted", g.Review)
	}
}

func TestRebuildReproducesDecisions(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s1, s2 := "Probiotics reduced acne lesions.", "Fiber did nothing for acne."
	old := tagged("https://example.org/y", t0, s1, s2)
	now := tagged("https://example.org/y", t0.Add(time.Hour), s1) // s2 left the article
	acc := decide(old.Claims[0], 0, lumen.ActionAccept, lumen.StatusAccepted)
	rej := decide(old.Claims[1], 0, lumen.ActionReject, lumen.StatusRejected)
	rej.Reason = lumen.ReasonWrongRelation
	rej.TaggerVersion, rej.TaxonomyVersion, rej.Confidence = "t1+r1.ab", "t1", 0.75
	undo := decide(old.Claims[0], 1, lumen.ActionUndo, lumen.StatusPending)
	redo := decide(old.Claims[0], 2, lumen.ActionCorrect, lumen.StatusCorrected)
	redo.Correction = &lumen.Assertion{Concepts: []string{"condition/acne", "intervention/probiotics"}, Relation: lumen.RelationAssociated}

	dir := filepath.Join(t.TempDir(), "index")
	st, err := Rebuild(ctx, dir, RebuildOptions{BatchSize: 2, Sources: []Source{
		TaggedSource(func(ctx context.Context, fn func(lumen.ArticleTagged, uint64) error) error { return fn(now, 1) }),
		ReviewsSource(func(ctx context.Context, fn func(lumen.ReviewDecision) error) error {
			for _, d := range []lumen.ReviewDecision{acc, rej, undo, redo} {
				if err := fn(d); err != nil {
					return err
				}
			}
			return nil
		}),
	}})
	if err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	if st.Decisions != 4 {
		t.Errorf("Rebuild applied %d decisions, want 4", st.Decisions)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	a := mustClaim(t, ix, old.Claims[0].ID)
	if a.Review.Status != lumen.StatusCorrected || a.Review.Version != 3 || a.Relation != lumen.RelationAssociated {
		t.Errorf("rebuilt claim = %+v relation %s, want corrected at version 3, relation associated", a.Review, a.Relation)
	}
	r := mustClaim(t, ix, old.Claims[1].ID)
	if r.Review.Status != lumen.StatusRejected || !r.Review.Retracted || r.Text != s2 || r.Article.Title != now.Article.Title {
		t.Errorf("rebuilt claim of a sentence that left = %+v %q %q, want rejected, retracted, with its text and article", r.Review, r.Text, r.Article.Title)
	}
	// qa4: it reported the taxonomy's version as its tagger's, and
	// confidence 0.
	if r.TaggerVersion != "t1+r1.ab" || r.Confidence != 0.75 {
		t.Errorf("rebuilt retracted claim: tagger_version %q, confidence %v; want t1+r1.ab and 0.75 (the decision's)", r.TaggerVersion, r.Confidence)
	}
}

// consistent fails unless the article lists exactly the claims the index
// holds of it (what the data check compares), and returns how many.
func consistent(t *testing.T, ix *Index, articleID string) int {
	t.Helper()
	v, n, found, err := ix.ArticleClaims(context.Background(), articleID)
	if err != nil || !found || v.Claims != n {
		t.Errorf("ArticleClaims(%s) = %+v, %d claim documents, found %v, %v; want the article to list every claim", articleID, v, n, found, err)
	}
	return n
}

// QA2: a re-tag that no longer gives a decided claim whose sentence is
// still in the article (moved, here) keeps it with its decision, flagged
// beside the tagger's "not a claim", never retracted; only a sentence that
// left the text is retracted.
func TestRetagNoLongerAClaimKeepsTheDecision(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s1, s2, s3 := "Leaky gut worsens acne according to a cohort.", "Probiotics may improve acne.", "Fiber did nothing for acne."
	url := "https://example.org/nc"
	v1 := tagged(url, t0, s1, s2, s3)
	v1.Claims[0].Relations = []lumen.Relation{{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases}}
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{v1}); err != nil {
		t.Fatal(err)
	}
	accepted, noClaim, wrongRel := v1.Claims[0], v1.Claims[1], v1.Claims[2]
	rej := decide(noClaim, 0, lumen.ActionReject, lumen.StatusRejected)
	rej.Reason = lumen.ReasonNotAClaim
	rej2 := decide(wrongRel, 0, lumen.ActionReject, lumen.StatusRejected)
	rej2.Reason = lumen.ReasonWrongRelation
	if _, err := ix.ApplyReviews(ctx, []lumen.ReviewDecision{decide(accepted, 0, lumen.ActionAccept, lumen.StatusAccepted), rej, rej2}); err != nil {
		t.Fatal(err)
	}

	// A new tagger reads none of the three as a claim; a paragraph was
	// added above them, so every sentence moved.
	intro := "An update was added above."
	v2 := tagged(url, t0.Add(time.Hour), intro, s1, s2, s3)
	v2.Claims = nil
	st, err := ix.Apply(ctx, []lumen.ArticleTagged{v2})
	if err != nil {
		t.Fatal(err)
	}
	if st.ClaimsKept != 3 || st.ClaimsRetracted != 0 || st.ClaimsRemoved != 0 {
		t.Errorf("Apply = %+v, want 3 claims kept, none retracted or removed", st)
	}
	a := mustClaim(t, ix, accepted.ID)
	if a.Review.Status != lumen.StatusAccepted || a.Review.Retracted || !a.Review.Flagged ||
		a.Review.Machine == nil || !a.Review.Machine.NotAClaim || len(a.Concepts) != 2 || a.Relation != lumen.RelationDecreases {
		t.Errorf("accepted claim the tagger no longer gives = %v %s %+v; want accepted, flagged, not retracted, its concepts kept, machine not a claim", a.Concepts, a.Relation, a.Review)
	}
	if a.Review.Machine != nil && a.Review.Machine.Concepts == nil {
		t.Errorf("the tagger's not a claim has concepts null, want [] (the API's schema has an array)")
	}
	if want := len(intro) + 1; a.Start != want || a.End != want+len(s1) || v2.Article.Text[a.Start:a.End] != s1 {
		t.Errorf("kept claim at %d-%d, want %d-%d (the sentence moved)", a.Start, a.End, want, want+len(s1))
	}
	if len(a.Relations) != 1 || a.Relations[0].Effect != lumen.RelationDecreases {
		t.Errorf("kept claim's pairs = %+v, want the accepted pair", a.Relations)
	}
	if r := mustClaim(t, ix, noClaim.ID); r.Review.Flagged || r.Review.Retracted || r.Review.Status != lumen.StatusRejected || len(r.Concepts) != 2 {
		t.Errorf("claim rejected as no claim = %v %+v; want rejected, not flagged (the tagger agrees), not retracted", r.Concepts, r.Review)
	}
	if r := mustClaim(t, ix, wrongRel.ID); !r.Review.Flagged || r.Review.Retracted {
		t.Errorf("claim rejected for its relation = %+v; want flagged (the curator said it is a claim), not retracted", r.Review)
	}
	yes := true
	for _, tt := range []struct {
		name string
		q    lumen.ClaimQuery
		want uint64
	}{
		{"default search", lumen.ClaimQuery{Q: `"worsens acne"`}, 1},
		{"status=accepted", lumen.ClaimQuery{Status: []string{lumen.StatusAccepted}}, 1},
		{"flagged=true", lumen.ClaimQuery{Flagged: &yes}, 1},
		{"flagged=true, any status", lumen.ClaimQuery{Flagged: &yes, Status: lumen.Statuses}, 2}, // the rejected one when asked for
		{"retracted=true", lumen.ClaimQuery{Retracted: &yes}, 0},
		{"subject=probiotics", lumen.ClaimQuery{Subject: "intervention/probiotics", Effect: lumen.RelationDecreases}, 1},
	} {
		res, err := ix.SearchClaims(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != tt.want {
			t.Errorf("%s: %d claims, want %d", tt.name, res.Total, tt.want)
		}
	}
	if n := consistent(t, ix, v2.Article.ID); n != 3 {
		t.Errorf("article holds %d claims, want 3", n)
	}
	// Applying the same version again changes nothing.
	if st, err := ix.Apply(ctx, []lumen.ArticleTagged{v2}); err != nil || st.ClaimsKept != 3 {
		t.Errorf("Apply again = %+v, %v", st, err)
	}
	if d, _ := ix.Article(ctx, v2.Article.ID); len(d.Claims) != 3 || len(d.RetractedClaims) != 0 {
		t.Errorf("article: %d claims, %d retracted; want 3 and 0", len(d.Claims), len(d.RetractedClaims))
	}

	// The sentence leaves the text: now it is retracted.
	v3 := tagged(url, t0.Add(2*time.Hour), intro, s2, s3)
	v3.Claims = nil
	if st, err := ix.Apply(ctx, []lumen.ArticleTagged{v3}); err != nil || st.ClaimsRetracted != 1 || st.ClaimsKept != 2 {
		t.Errorf("Apply v3 = %+v, %v; want 1 retracted, 2 kept", st, err)
	}
	if a := mustClaim(t, ix, accepted.ID); !a.Review.Retracted || a.Review.Status != lumen.StatusAccepted {
		t.Errorf("claim whose sentence left = %+v, want accepted, retracted", a.Review)
	}
	consistent(t, ix, v3.Article.ID)

	// It comes back and the tagger reads it as before: live, not flagged.
	v4 := tagged(url, t0.Add(3*time.Hour), s1, s2, s3)
	v4.Claims = v4.Claims[:1]
	v4.Claims[0].Relations = accepted.Relations
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{v4}); err != nil {
		t.Fatal(err)
	}
	if a := mustClaim(t, ix, accepted.ID); a.Review.Retracted || a.Review.Flagged || a.Review.Machine.NotAClaim {
		t.Errorf("claim the tagger gives again = %+v, want neither retracted nor flagged", a.Review)
	}
	consistent(t, ix, v4.Article.ID)
}

// QA2: lumen reindex (--retag) replays the decisions after the articles; a
// decision on a claim the rebuilt index lacks whose sentence is still in
// its article keeps the claim, flagged, listed with the article's claims.
func TestRebuildKeepsDecidedSentencesStillInTheArticle(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s1, s2 := "Leaky gut worsens acne according to a cohort.", "Fiber did nothing for acne."
	old := tagged("https://example.org/z", t0, s1, s2)
	now := tagged("https://example.org/z", t0.Add(time.Hour), "A new first sentence.", s1) // s1 moved, no longer a claim; s2 left
	now.Claims = nil
	acc := decide(old.Claims[0], 0, lumen.ActionAccept, lumen.StatusAccepted)
	acc2 := decide(old.Claims[1], 0, lumen.ActionAccept, lumen.StatusAccepted)
	dir := filepath.Join(t.TempDir(), "index")
	replay := []lumen.ReviewDecision{acc, acc2, acc} // a redelivery too
	if _, err := Rebuild(ctx, dir, RebuildOptions{BatchSize: 1, Sources: []Source{
		replaySource([]lumen.ArticleTagged{now}),
		ReviewsSource(func(ctx context.Context, fn func(lumen.ReviewDecision) error) error {
			for _, d := range replay {
				if err := fn(d); err != nil {
					return err
				}
			}
			return nil
		}),
	}}); err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	a := mustClaim(t, ix, old.Claims[0].ID)
	if a.Review.Retracted || !a.Review.Flagged || a.Review.Status != lumen.StatusAccepted || a.Review.Machine == nil || !a.Review.Machine.NotAClaim ||
		now.Article.Text[a.Start:a.End] != s1 || len(a.Concepts) != 2 {
		t.Errorf("rebuilt claim still in its article = %+v at %d-%d %v; want accepted, flagged, not retracted, at its new offsets", a.Review, a.Start, a.End, a.Concepts)
	}
	if g := mustClaim(t, ix, old.Claims[1].ID); !g.Review.Retracted {
		t.Errorf("rebuilt claim whose sentence left = %+v, want retracted", g.Review)
	}
	if n := consistent(t, ix, now.Article.ID); n != 1 {
		t.Errorf("article holds %d claims, want 1", n)
	}
	d, err := ix.Article(ctx, now.Article.ID)
	if err != nil || d.Article.Title != now.Article.Title || d.Article.Text != now.Article.Text || len(d.Claims) != 1 {
		t.Errorf("article after the rebuild = %+v, %v", d, err)
	}
}

// QA2: a correction reaches the relation pairs, so subject=, object= and
// effect= find the corrected claim as the claim and the evidence map state
// it, whether the decision carries its pairs (as Decide records them now)
// or was recorded before it did (derived when indexed).
func TestCorrectionReachesThePairs(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	ix.SetVocabulary(vocab.New(testTaxonomy))
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ev := tagged("https://example.org/pairs", t0, "A Western diet was associated with more severe acne.", "Dysbiosis may worsen acne.")
	dys, acne, ad, pro := "mechanism/dysbiosis", "condition/acne", "condition/atopic-dermatitis", "intervention/probiotics"
	ev.Claims[0].Concepts, ev.Claims[0].Relation = []string{acne, pro}, lumen.RelationAssociated
	ev.Claims[0].Relations = []lumen.Relation{{Subject: pro, Object: acne, Effect: lumen.RelationAssociated}}
	ev.Claims[1].Concepts, ev.Claims[1].Relation, ev.Claims[1].Hedged = []string{acne, dys}, lumen.RelationIncreases, true
	ev.Claims[1].Relations = []lumen.Relation{{Subject: dys, Object: acne, Effect: lumen.RelationIncreases, Hedged: true}}
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	// Concepts and relation changed, decision recorded without pairs.
	c1 := decide(ev.Claims[0], 0, lumen.ActionCorrect, lumen.StatusCorrected)
	c1.Correction = &lumen.Assertion{Concepts: []string{ad, pro}, Relation: lumen.RelationDecreases}
	// Relation and hedge changed, the pairs recorded with the decision.
	c2 := decide(ev.Claims[1], 0, lumen.ActionCorrect, lumen.StatusCorrected)
	corr := lumen.Assertion{Concepts: []string{acne, dys}, Relation: lumen.RelationAssociated}
	corr.Relations = lumen.DerivePairs(ev.Claims[1].Relations, ev.Claims[1].Assertion(), corr)
	c2.Correction = &corr
	if _, err := ix.ApplyReviews(ctx, []lumen.ReviewDecision{c1, c2}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    lumen.ClaimQuery
		want []string
	}{
		{lumen.ClaimQuery{Subject: pro, Effect: lumen.RelationDecreases}, []string{ev.Claims[0].Text}},
		{lumen.ClaimQuery{Subject: pro, Object: ad}, []string{ev.Claims[0].Text}},
		{lumen.ClaimQuery{Object: acne}, []string{ev.Claims[1].Text}},
		{lumen.ClaimQuery{Subject: dys, Effect: lumen.RelationIncreases}, nil},
		{lumen.ClaimQuery{Subject: dys, Object: acne, Effect: lumen.RelationAssociated}, []string{ev.Claims[1].Text}},
	} {
		res, err := ix.SearchClaims(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := texts(res.Hits); len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
			t.Errorf("SearchClaims(subject=%s object=%s effect=%s) = %q, want %q", tt.q.Subject, tt.q.Object, tt.q.Effect, got, tt.want)
		}
	}
	a := mustClaim(t, ix, ev.Claims[0].ID)
	if len(a.Relations) != 1 || a.Relations[0] != (lumen.Relation{Subject: pro, Object: ad, Effect: lumen.RelationDecreases}) {
		t.Errorf("corrected claim's pairs = %+v, want probiotics -> atopic dermatitis, decreases", a.Relations)
	}
	b := mustClaim(t, ix, ev.Claims[1].ID)
	if len(b.Relations) != 1 || b.Relations[0] != (lumen.Relation{Subject: dys, Object: acne, Effect: lumen.RelationAssociated}) {
		t.Errorf("corrected claim's pairs = %+v, want dysbiosis -> acne, associated, no longer hedged", b.Relations)
	}
	// The map says what the pair filters say.
	m, err := ix.EvidenceMap(ctx, lumen.MapQuery{Rows: "intervention", Cols: "condition"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range m.Cells {
		if c.Row == pro && c.Col == ad && (c.Claims != 1 || c.Relations[lumen.RelationDecreases] != 1) {
			t.Errorf("map probiotics x atopic dermatitis = %+v, want 1 claim, decreases", c)
		}
		if c.Col == acne && c.Row == pro {
			t.Errorf("map still relates probiotics to acne: %+v", c)
		}
	}
}
