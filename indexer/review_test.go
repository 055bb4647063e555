package indexer

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
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
	all, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Facets: []string{"status"}})
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
}
