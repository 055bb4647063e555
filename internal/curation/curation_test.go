package curation_test

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
	"github.com/lumen-research/lumen/internal/curation"
)

var tax = lumen.Taxonomy{Version: "t", Concepts: []lumen.Concept{
	{ID: "condition/acne", Kind: "condition"}, {ID: "intervention/probiotics", Kind: "intervention"},
	{ID: "mechanism/dysbiosis", Kind: "mechanism"}, {ID: "condition/psoriasis", Kind: "condition"},
}}

var (
	alice  = lumen.Principal{Name: "alice", Role: lumen.RoleCurator}
	bob    = lumen.Principal{Name: "bob", Role: lumen.RoleCurator}
	reader = lumen.Principal{Name: "rita", Role: lumen.RoleReader}
)

type fixture struct {
	ix  *indexer.Index
	b   *bus.Bus
	svc *curation.Service
	ev  lumen.ArticleTagged
}

// setup indexes one article of n claims and serves curation over a real
// index and a real reviews stream; decisions reach the index through a
// consumer, as in lumen serve.
func setup(t *testing.T, n int, lease time.Duration) *fixture {
	t.Helper()
	ctx := context.Background()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	b := bustest.Start(t)
	leases, err := b.KVWithTTL(ctx, "leases", lease)
	if err != nil {
		t.Fatal(err)
	}
	ev := article(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), n, lumen.RelationDecreases)
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.ConsumeReviewBatches(cctx, 100, 20*time.Millisecond, indexer.NewWriter(ix, nil, nil).HandleReviews)
	}()
	t.Cleanup(func() { cancel(); <-done })
	return &fixture{ix: ix, b: b, svc: curation.New(ix, b, curation.NewLeases(leases, lease), tax), ev: ev}
}

func article(fetched time.Time, n int, rel string) lumen.ArticleTagged {
	a := lumen.Article{ID: lumen.NewID("url:https://example.org/a"), URL: "https://example.org/a", Title: "A", Source: "s", FetchedAt: fetched}
	ev := lumen.ArticleTagged{Article: a, TaxonomyVersion: "t+r1.x"}
	for i := range n {
		text := "Probiotics reduced acne in trial " + string(rune('A'+i)) + "."
		ev.Claims = append(ev.Claims, lumen.Claim{ID: lumen.ClaimID(a.ID, text, 0), ArticleID: a.ID, Text: text,
			Start: i * 40, End: i*40 + len(text), Concepts: []string{"condition/acne", "intervention/probiotics"},
			Relation: rel, Confidence: float64(i%3) / 3})
		ev.Article.Text += text + " "
	}
	ev.Article.ContentHash = ev.Article.ComputeContentHash()
	return ev
}

func (f *fixture) get(t *testing.T, id string) (lumen.ClaimHit, string) {
	t.Helper()
	c, etag, err := f.svc.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return c, etag
}

func TestDecide(t *testing.T) {
	ctx := context.Background()
	f := setup(t, 2, time.Minute)
	id := f.ev.Claims[0].ID
	_, etag := f.get(t, id)
	concepts := []string{"condition/psoriasis", "mechanism/dysbiosis"}
	rel := lumen.RelationIncreases
	unchanged := slices.Clone(f.ev.Claims[0].Concepts)
	acne, pro, noEffect := "condition/acne", "intervention/probiotics", lumen.RelationNoEffect
	slices.Reverse(unchanged) // in another order, still the same

	if _, _, err := f.svc.Decide(ctx, reader, id, etag, curation.Request{Action: lumen.ActionAccept}); !errors.Is(err, lumen.ErrForbidden) {
		t.Errorf("Decide by a reader = %v, want ErrForbidden", err)
	}
	if _, _, err := f.svc.Decide(ctx, alice, id, "", curation.Request{Action: lumen.ActionAccept}); !errors.Is(err, lumen.ErrPreconditionRequired) {
		t.Errorf("Decide without If-Match = %v, want ErrPreconditionRequired", err)
	}
	if _, _, err := f.svc.Decide(ctx, alice, lumen.NewID("nope"), etag, curation.Request{Action: lumen.ActionAccept}); !errors.Is(err, lumen.ErrNotFound) {
		t.Errorf("Decide on an unknown claim = %v, want ErrNotFound", err)
	}
	for _, tt := range []struct {
		r     curation.Request
		field string
	}{
		{curation.Request{Action: "approve"}, "action"},
		{curation.Request{Action: lumen.ActionReject}, "reason"},
		{curation.Request{Action: lumen.ActionReject, Reason: "boring"}, "reason"},
		{curation.Request{Action: lumen.ActionCorrect}, "concepts"},
		{curation.Request{Action: lumen.ActionCorrect, Concepts: &[]string{"condition/nope"}}, "concepts"},
		{curation.Request{Action: lumen.ActionCorrect, Relation: &[]string{"causes"}[0]}, "relation"},
		{curation.Request{Action: lumen.ActionAccept, Relation: &rel}, "relation"},
		{curation.Request{Action: lumen.ActionUndo}, "action"}, // nothing to undo yet
		// QA3: a bad relation is named as such, even beside no concepts.
		{curation.Request{Action: lumen.ActionCorrect, Concepts: &[]string{}, Relation: &[]string{"sideways"}[0]}, "relation"},
		// QA4: corrections that break the annotation rules.
		{curation.Request{Action: lumen.ActionCorrect, Relations: &[]lumen.Relation{
			{Subject: pro, Object: acne, Effect: lumen.RelationDecreases},
			{Subject: acne, Object: pro, Effect: lumen.RelationIncreases}}}, "relations"}, // one pair per concept pair
		{curation.Request{Action: lumen.ActionCorrect, Relations: &[]lumen.Relation{
			{Subject: pro, Object: acne, Effect: lumen.RelationDecreases},
			{Subject: pro, Object: acne, Effect: lumen.RelationDecreases, Hedged: true}}}, "relations"},
		{curation.Request{Action: lumen.ActionCorrect, Concepts: &[]string{acne}}, "concepts"},                        // one concept
		{curation.Request{Action: lumen.ActionCorrect, Concepts: &[]string{acne, "condition/psoriasis"}}, "concepts"}, // one kind
		{curation.Request{Action: lumen.ActionCorrect, Relation: &noEffect}, "negated"},                               // no_effect, not negated
		{curation.Request{Action: lumen.ActionCorrect, Relation: &noEffect, Negated: &[]bool{false}[0]}, "negated"},   // said outright
		{curation.Request{Action: lumen.ActionCorrect, Relations: &[]lumen.Relation{
			{Subject: pro, Object: acne, Effect: lumen.RelationNoEffect}}}, "relations"},
		{curation.Request{Action: lumen.ActionCorrect, Relations: &[]lumen.Relation{
			{Subject: pro, Object: acne, Effect: lumen.RelationDecreases, Negated: true}}}, "relations"},
		// QA3: a correction that is the claim as shown changes nothing.
		{curation.Request{Action: lumen.ActionCorrect, Concepts: &unchanged, Relation: &f.ev.Claims[0].Relation,
			Negated: &f.ev.Claims[0].Negated, Hedged: &f.ev.Claims[0].Hedged}, "concepts"},
	} {
		_, _, err := f.svc.Decide(ctx, alice, id, etag, tt.r)
		var inv *lumen.InvalidError
		if !errors.As(err, &inv) || inv.Field != tt.field {
			t.Errorf("Decide(%+v) = %v, want an invalid %s", tt.r, err, tt.field)
		}
	}

	c, etag2, err := f.svc.Decide(ctx, alice, id, etag, curation.Request{Action: lumen.ActionAccept, Note: "clear"})
	if err != nil {
		t.Fatalf("accept: %v", err)
	}
	if c.Review.Status != lumen.StatusAccepted || c.Review.Curator != "alice" || c.Review.Version != 1 || etag2 == etag {
		t.Errorf("accept = %+v etag %s", c.Review, etag2)
	}
	// The same version again is stale: 409 with the current state.
	_, _, err = f.svc.Decide(ctx, bob, id, etag, curation.Request{Action: lumen.ActionReject, Reason: lumen.ReasonOther})
	var conflict *curation.ConflictError
	if !errors.As(err, &conflict) || conflict.Current.Review.Status != lumen.StatusAccepted || conflict.ETag != etag2 {
		t.Fatalf("stale decision = %v, want a conflict carrying the accepted state", err)
	}
	c, etag3, err := f.svc.Decide(ctx, bob, id, etag2, curation.Request{Action: lumen.ActionCorrect, Concepts: &concepts, Relation: &rel})
	if err != nil {
		t.Fatalf("correct: %v", err)
	}
	if c.Review.Status != lumen.StatusCorrected || c.Relation != rel || len(c.Concepts) != 2 || c.Concepts[0] != "condition/psoriasis" ||
		c.Review.Machine == nil || c.Review.Machine.Relation != lumen.RelationDecreases {
		t.Errorf("correct = %+v %v %s", c.Review, c.Concepts, c.Relation)
	}
	c, _, err = f.svc.Decide(ctx, bob, id, etag3, curation.Request{Action: lumen.ActionUndo})
	if err != nil {
		t.Fatalf("undo: %v", err)
	}
	if c.Review.Status != lumen.StatusAccepted || c.Review.Curator != "alice" || c.Relation != lumen.RelationDecreases {
		t.Errorf("undo = %+v %s, want alice's acceptance back", c.Review, c.Relation)
	}
	hist, err := f.svc.History(ctx, id)
	if err != nil || len(hist) != 3 || hist[2].Action != lumen.ActionUndo || hist[2].Undoes != 2 || hist[0].Note != "clear" {
		t.Fatalf("History = %+v, %v; want accept, correct, undo (of decision 2)", hist, err)
	}
	if hist[0].TaggerVersion != "t+r1.x" || hist[0].TaxonomyVersion != "t" || hist[0].Text != f.ev.Claims[0].Text {
		t.Errorf("decision lacks what it was made against: %+v", hist[0])
	}
	// The index follows the log.
	waitFor(t, func() bool {
		c, err := f.ix.Claim(ctx, id)
		return err == nil && c.Review.Version == 3 && c.Review.Status == lumen.StatusAccepted
	})
}

func TestConcurrentDecisionsExactlyOneWins(t *testing.T) {
	f := setup(t, 1, time.Minute)
	id := f.ev.Claims[0].ID
	_, etag := f.get(t, id)
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			p := lumen.Principal{Name: "curator" + string(rune('a'+i)), Role: lumen.RoleCurator}
			_, _, errs[i] = f.svc.Decide(context.Background(), p, id, etag, curation.Request{Action: lumen.ActionAccept})
		})
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, lumen.ErrConflict):
			t.Errorf("Decide = %v, want success or a conflict", err)
		}
	}
	hist, _ := f.svc.History(context.Background(), id)
	if won != 1 || len(hist) != 1 {
		t.Errorf("%d of %d concurrent decisions won, %d recorded; want exactly 1", won, n, len(hist))
	}
}

func TestDecisionOnARetaggedClaimIsFlagged(t *testing.T) {
	ctx := context.Background()
	f := setup(t, 1, time.Minute)
	id := f.ev.Claims[0].ID
	_, etag := f.get(t, id) // what the curator saw
	// A re-tag changes the claim's relation before the curator decides.
	v2 := article(f.ev.Article.FetchedAt.Add(time.Hour), 1, lumen.RelationIncreases)
	if _, err := f.ix.Apply(ctx, []lumen.ArticleTagged{v2}); err != nil {
		t.Fatal(err)
	}
	c, _, err := f.svc.Decide(ctx, alice, id, etag, curation.Request{Action: lumen.ActionAccept})
	if err != nil {
		t.Fatalf("accept on a re-tagged claim: %v", err)
	}
	if c.Review.Status != lumen.StatusAccepted || !c.Review.Flagged {
		t.Errorf("review = %+v, want accepted and flagged", c.Review)
	}
	hist, _ := f.svc.History(ctx, id)
	if len(hist) != 1 || !hist[0].Stale || hist[0].SeenHash == hist[0].Seen.Hash() {
		t.Errorf("decision = %+v, want it marked as made against the earlier output", hist)
	}
}

func TestQueueLeases(t *testing.T) {
	ctx := context.Background()
	const lease = 2 * time.Second
	f := setup(t, 6, lease)
	leased := time.Now()
	a, err := f.svc.Queue(ctx, alice, lumen.ClaimQuery{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.svc.Queue(ctx, bob, lumen.ClaimQuery{}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 2 || len(b) != 3 {
		t.Fatalf("queue sizes = %d, %d; want 2, 3", len(a), len(b))
	}
	seen := map[string]bool{}
	for _, h := range append(a, b...) {
		if seen[h.ID] {
			t.Errorf("claim %s handed to two curators", h.ID)
		}
		seen[h.ID] = true
	}
	for i := 1; i < len(a); i++ {
		if a[i].Confidence < a[i-1].Confidence {
			t.Errorf("queue not least-sure first: %v then %v", a[i-1].Confidence, a[i].Confidence)
		}
	}
	// Alice asks again: her own leases come back first, the rest stays Bob's.
	// (Only while the leases last: a loaded machine may take longer.)
	again, _ := f.svc.Queue(ctx, alice, lumen.ClaimQuery{}, 3)
	if time.Since(leased) < lease {
		if len(again) != 3 || again[0].ID != a[0].ID || seen[again[2].ID] {
			t.Errorf("alice's second queue = %v", ids(again))
		}
	} else {
		t.Logf("the leases may have expired (%v): alice's second queue not checked", time.Since(leased))
	}
	// Deciding releases nothing to others: the claim is done.
	_, etag := f.get(t, a[0].ID)
	if _, _, err := f.svc.Decide(ctx, alice, a[0].ID, etag, curation.Request{Action: lumen.ActionAccept}); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Skip(ctx, alice, a[1].ID); err != nil {
		t.Fatal(err)
	}
	// Once Bob's leases expire, Alice is handed them; never the decided one.
	waitFor(t, func() bool {
		q, err := f.svc.Queue(ctx, alice, lumen.ClaimQuery{}, 6)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range q {
			if h.ID == a[0].ID && h.Review.Status == lumen.StatusPending {
				t.Fatalf("the claim alice decided was handed out again while the index showed it pending")
			}
			if h.ID == b[0].ID {
				return true
			}
		}
		return false
	})
	if _, err := f.svc.Queue(ctx, reader, lumen.ClaimQuery{}, 1); !errors.Is(err, lumen.ErrForbidden) {
		t.Errorf("Queue by a reader = %v, want ErrForbidden", err)
	}
}

func TestStatsAgreement(t *testing.T) {
	mk := func(claim, curator, action, status string, v uint64) lumen.ReviewDecision {
		return lumen.ReviewDecision{ClaimID: claim, Curator: curator, Action: action, Status: status, Version: v}
	}
	var all []lumen.ReviewDecision
	// Four claims decided by both: they agree on three.
	for i, pair := range [][2]string{{"accepted", "accepted"}, {"rejected", "rejected"}, {"accepted", "accepted"}, {"accepted", "rejected"}} {
		c := string(rune('a' + i))
		all = append(all, mk(c, "alice", action(pair[0]), pair[0], 0), mk(c, "bob", action(pair[1]), pair[1], 1))
	}
	// Alice withdraws a decision of hers: it no longer counts for agreement.
	all = append(all, mk("e", "alice", "accept", "accepted", 0), mk("e", "bob", "reject", "rejected", 1), mk("e", "alice", "undo", "rejected", 2))
	st := curation.ComputeStats(all)
	if st.Decisions != 11 || st.Claims != 5 || len(st.Curators) != 2 || st.Curators[0].Undone != 1 {
		t.Fatalf("stats = %+v", st)
	}
	if st.Agreement == nil || st.Agreement.Claims != 4 || st.Agreement.Observed != 0.75 {
		t.Fatalf("agreement = %+v, want 4 claims, 0.75 observed", st.Agreement)
	}
	// po = 0.75; pe = (3/4)(2/4) + (1/4)(2/4) = 0.5; kappa = 0.5.
	if k := st.Agreement.Kappa; k == nil || *k < 0.4999 || *k > 0.5001 {
		t.Errorf("kappa = %v, want 0.5", k)
	}

	// Two curators who only ever accepted agree by chance alone: kappa is
	// undefined, not 1.
	same := []lumen.ReviewDecision{mk("a", "alice", "accept", "accepted", 0), mk("a", "bob", "accept", "accepted", 1)}
	st = curation.ComputeStats(same)
	if st.Agreement == nil || st.Agreement.Observed != 1 || st.Agreement.Kappa != nil {
		t.Errorf("agreement of two who only accepted = %+v, want observed 1 and no kappa", st.Agreement)
	}
	b, err := json.Marshal(st.Agreement)
	if err != nil || !strings.Contains(string(b), `"kappa":null`) || strings.Contains(string(b), `"a":`) {
		t.Errorf("pooled agreement as JSON = %s, %v; want kappa null and no curator names", b, err)
	}
}

func action(status string) string {
	if status == lumen.StatusRejected {
		return lumen.ActionReject
	}
	return lumen.ActionAccept
}

func ids(hits []lumen.ClaimHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stats reads only what was decided since its last call, and its figures
// are those of every decision.
func TestStatsIncremental(t *testing.T) {
	ctx := context.Background()
	f := setup(t, 4, time.Minute)
	decide := func(p lumen.Principal, i int, a string) {
		t.Helper()
		_, etag := f.get(t, f.ev.Claims[i].ID)
		r := curation.Request{Action: a}
		if a == lumen.ActionReject {
			r.Reason = lumen.ReasonNotAClaim
		}
		if _, _, err := f.svc.Decide(ctx, p, f.ev.Claims[i].ID, etag, r); err != nil {
			t.Fatal(err)
		}
	}
	all := func() curation.Stats {
		t.Helper()
		var ds []lumen.ReviewDecision
		if err := f.b.ReplayReviews(ctx, func(d lumen.ReviewDecision) error { ds = append(ds, d); return nil }); err != nil {
			t.Fatal(err)
		}
		return curation.ComputeStats(ds)
	}
	empty, err := f.svc.Stats(ctx)
	if err != nil || empty.Decisions != 0 {
		t.Fatalf("stats before any decision: %+v, %v", empty, err)
	}
	decide(alice, 0, lumen.ActionAccept)
	decide(alice, 1, lumen.ActionReject)
	first, err := f.svc.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := all(); first.Decisions != 2 || !reflect.DeepEqual(first, want) {
		t.Fatalf("stats = %+v, want %+v", first, want)
	}
	first.ByStatus["accepted"] = 99 // the caller's copy
	decide(bob, 0, lumen.ActionReject)
	decide(bob, 2, lumen.ActionAccept)
	decide(bob, 2, lumen.ActionUndo)
	second, err := f.svc.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := all(); second.Decisions != 5 || !reflect.DeepEqual(second, want) {
		t.Fatalf("stats = %+v, want %+v", second, want)
	}
	if again, _ := f.svc.Stats(ctx); !reflect.DeepEqual(again, second) {
		t.Fatalf("stats with nothing new = %+v, want %+v", again, second)
	}
}

// QA2: the claim a correction answers with, the stored claim and the pair
// filters agree: the pairs follow the corrected concepts, relation and
// flags, or are the curator's own.
func TestCorrectionPairs(t *testing.T) {
	ctx := context.Background()
	f := setup(t, 3, time.Minute)
	pro, acne, pso, dys := "intervention/probiotics", "condition/acne", "condition/psoriasis", "mechanism/dysbiosis"
	ev := article(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), 3, lumen.RelationDecreases)
	for i := range ev.Claims {
		ev.Claims[i].Relations = []lumen.Relation{{Subject: pro, Object: acne, Effect: lumen.RelationDecreases, Hedged: true}}
		ev.Claims[i].Hedged = true
	}
	if _, err := f.ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	rel, no := lumen.RelationIncreases, false
	assoc := lumen.RelationAssociated
	tests := []struct {
		name string
		r    curation.Request
		want []lumen.Relation
	}{
		{"concepts and relation", curation.Request{Concepts: &[]string{pro, pso}, Relation: &rel},
			[]lumen.Relation{{Subject: pro, Object: pso, Effect: rel, Hedged: true}}},
		{"relation and hedge", curation.Request{Relation: &assoc, Hedged: &no},
			[]lumen.Relation{{Subject: pro, Object: acne, Effect: assoc}}},
		{"the curator's pairs", curation.Request{Concepts: &[]string{acne, dys, pro}, Relations: &[]lumen.Relation{
			{Subject: pro, Object: dys, Effect: lumen.RelationDecreases}, {Subject: dys, Object: acne, Effect: lumen.RelationIncreases}}},
			[]lumen.Relation{{Subject: pro, Object: dys, Effect: lumen.RelationDecreases}, {Subject: dys, Object: acne, Effect: lumen.RelationIncreases}}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := ev.Claims[i].ID
			_, etag := f.get(t, id)
			tt.r.Action = lumen.ActionCorrect
			c, _, err := f.svc.Decide(ctx, alice, id, etag, tt.r)
			if err != nil {
				t.Fatalf("Decide: %v", err)
			}
			if !reflect.DeepEqual(c.Relations, tt.want) {
				t.Errorf("Decide answered pairs %+v, want %+v", c.Relations, tt.want)
			}
			waitFor(t, func() bool {
				c, err := f.ix.Claim(ctx, id)
				return err == nil && c.Review.Version == 1
			})
			if got, _ := f.get(t, id); !reflect.DeepEqual(got.Relations, tt.want) {
				t.Errorf("stored pairs %+v, want %+v", got.Relations, tt.want)
			}
			w := tt.want[len(tt.want)-1]
			res, err := f.ix.SearchClaims(ctx, lumen.ClaimQuery{Subject: w.Subject, Object: w.Object, Effect: w.Effect, ArticleID: ev.Article.ID})
			if err != nil || !slices.Contains(ids(res.Hits), id) {
				t.Errorf("subject=%s object=%s effect=%s = %v, %v; want the corrected claim", w.Subject, w.Object, w.Effect, ids(res.Hits), err)
			}
		})
	}
	// Pairs must relate the claim's own concepts, known ones.
	_, etag := f.get(t, ev.Claims[0].ID)
	for _, bad := range []curation.Request{
		{Action: lumen.ActionCorrect, Relations: &[]lumen.Relation{{Subject: pro, Object: dys, Effect: rel}}}, // dysbiosis is not on the claim
		{Action: lumen.ActionCorrect, Relations: &[]lumen.Relation{{Subject: pro, Object: "condition/nope", Effect: rel}}},
		{Action: lumen.ActionCorrect, Relations: &[]lumen.Relation{{Subject: pro, Object: acne, Effect: "cures"}}},
		{Action: lumen.ActionAccept, Relations: &[]lumen.Relation{{Subject: pro, Object: acne, Effect: rel}}},
	} {
		_, _, err := f.svc.Decide(ctx, alice, ev.Claims[0].ID, etag, bad)
		var inv *lumen.InvalidError
		if !errors.As(err, &inv) || inv.Field != "relations" {
			t.Errorf("Decide(%+v) = %v, want an invalid relations", bad, err)
		}
	}
}

// QA2: If-Match compares strongly (RFC 9110): a weak tag is refused.
func TestWeakETagRefused(t *testing.T) {
	f := setup(t, 1, time.Minute)
	id := f.ev.Claims[0].ID
	_, etag := f.get(t, id)
	_, _, err := f.svc.Decide(context.Background(), alice, id, "W/"+etag, curation.Request{Action: lumen.ActionAccept})
	var inv *lumen.InvalidError
	if !errors.As(err, &inv) || inv.Field != "If-Match" {
		t.Errorf("Decide with If-Match W/%s = %v, want an invalid If-Match", etag, err)
	}
}

// QA2: a decided claim the tagger no longer reads as one, its sentence
// still in the article, is flagged with its decision; accepting it again
// keeps the curated values (not the tagger's "not a claim") and clears the
// flag.
func TestClaimNoLongerTaggedIsFlaggedNotRetracted(t *testing.T) {
	ctx := context.Background()
	f := setup(t, 2, time.Minute)
	id := f.ev.Claims[0].ID
	_, etag := f.get(t, id)
	if _, _, err := f.svc.Decide(ctx, alice, id, etag, curation.Request{Action: lumen.ActionAccept}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { c, err := f.ix.Claim(ctx, id); return err == nil && c.Review.Version == 1 })
	ev := article(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), 2, lumen.RelationDecreases)
	ev.Claims = ev.Claims[1:] // the tagger no longer reads the first sentence as a claim
	if _, err := f.ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	c, etag := f.get(t, id)
	if c.Review.Retracted || !c.Review.Flagged || c.Review.Status != lumen.StatusAccepted || len(c.Concepts) != 2 ||
		c.Review.Machine == nil || !c.Review.Machine.NotAClaim {
		t.Fatalf("claim no longer tagged = %v %+v; want accepted, flagged, not retracted, beside the tagger's not a claim", c.Concepts, c.Review)
	}
	c, _, err := f.svc.Decide(ctx, bob, id, etag, curation.Request{Action: lumen.ActionAccept})
	if err != nil {
		t.Fatal(err)
	}
	if c.Review.Flagged || c.Review.Status != lumen.StatusAccepted || len(c.Concepts) != 2 || c.Relation != lumen.RelationDecreases {
		t.Errorf("accepted again = %v %s %+v; want the curated values kept, no flag", c.Concepts, c.Relation, c.Review)
	}
	waitFor(t, func() bool {
		c, err := f.ix.Claim(ctx, id)
		return err == nil && c.Review.Version == 2 && !c.Review.Flagged && len(c.Concepts) == 2
	})
	// The tagger reads it again as it was accepted: nothing to look at.
	ev = article(time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC), 2, lumen.RelationDecreases)
	if _, err := f.ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	if c, _ := f.get(t, id); c.Review.Flagged || c.Review.Machine == nil || c.Review.Machine.NotAClaim {
		t.Errorf("claim tagged again as accepted = %+v, want not flagged", c.Review)
	}
}

// QA4: an undo on an accepted claim whose sentence has since left its
// article (retracted) is recorded, and the claim stays retracted, pending,
// with its history: out of the queue and the default search, found with
// retracted=true (and status=pending) and among its article's retracted
// claims, kept by the next re-crawl, and live and in the queue again when
// its sentence comes back.
func TestUndoOnARetractedClaim(t *testing.T) {
	ctx := context.Background()
	f := setup(t, 2, time.Second)
	id, other := f.ev.Claims[0].ID, f.ev.Claims[1].ID
	_, etag := f.get(t, id)
	if _, _, err := f.svc.Decide(ctx, alice, id, etag, curation.Request{Action: lumen.ActionAccept}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { c, err := f.ix.Claim(ctx, id); return err == nil && c.Review.Version == 1 })
	// Re-crawled without the first sentence.
	without := func(day int) lumen.ArticleTagged {
		ev := article(time.Date(2026, 1, day, 0, 0, 0, 0, time.UTC), 2, lumen.RelationDecreases)
		c := ev.Claims[1]
		c.Start, c.End = 0, len(c.Text)
		ev.Claims, ev.Article.Text = []lumen.Claim{c}, c.Text+" "
		ev.Article.ContentHash = ev.Article.ComputeContentHash()
		return ev
	}
	if _, err := f.ix.Apply(ctx, []lumen.ArticleTagged{without(2)}); err != nil {
		t.Fatal(err)
	}
	c, etag := f.get(t, id)
	if !c.Review.Retracted || c.Review.Status != lumen.StatusAccepted {
		t.Fatalf("claim whose sentence left = %+v, want accepted and retracted", c.Review)
	}
	c, _, err := f.svc.Decide(ctx, bob, id, etag, curation.Request{Action: lumen.ActionUndo})
	if err != nil {
		t.Fatalf("undo on a retracted claim: %v", err)
	}
	if !c.Review.Retracted || c.Review.Status != lumen.StatusPending || c.Review.Version != 2 {
		t.Fatalf("undo on a retracted claim = %+v, want pending, still retracted, version 2", c.Review)
	}
	waitFor(t, func() bool { c, err := f.ix.Claim(ctx, id); return err == nil && c.Review.Version == 2 })

	found := func(q lumen.ClaimQuery) []string {
		t.Helper()
		res, err := f.ix.SearchClaims(ctx, q)
		if err != nil {
			t.Fatalf("SearchClaims(%+v): %v", q, err)
		}
		return ids(res.Hits)
	}
	check := func(when string) {
		t.Helper()
		yes := true
		for _, tt := range []struct {
			name string
			q    lumen.ClaimQuery
			want []string
		}{
			{"default search", lumen.ClaimQuery{}, []string{other}},
			{"retracted=true", lumen.ClaimQuery{Retracted: &yes}, []string{id}},
			{"retracted=true&status=pending", lumen.ClaimQuery{Retracted: &yes, Status: []string{lumen.StatusPending}}, []string{id}},
			{"retracted=true&status=accepted", lumen.ClaimQuery{Retracted: &yes, Status: []string{lumen.StatusAccepted}}, nil},
		} {
			if got := found(tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("%s: %s = %v, want %v", when, tt.name, got, tt.want)
			}
		}
		d, err := f.ix.Article(ctx, f.ev.Article.ID)
		if err != nil || len(d.RetractedClaims) != 1 || d.RetractedClaims[0].ID != id || d.RetractedClaims[0].Review.Status != lumen.StatusPending {
			t.Errorf("%s: article's retracted claims = %+v, %v; want the undone claim, pending", when, d.RetractedClaims, err)
		}
		if hist, err := f.svc.History(ctx, id); err != nil || len(hist) != 2 || hist[1].Action != lumen.ActionUndo || hist[1].Undoes != 1 {
			t.Errorf("%s: History = %+v, %v; want the acceptance and its undo", when, hist, err)
		}
	}
	check("after the undo")
	queue, err := f.svc.Queue(ctx, alice, lumen.ClaimQuery{}, 10)
	if err != nil || !slices.Equal(ids(queue), []string{other}) {
		t.Errorf("queue = %v, %v; want only the claim still in the article", ids(queue), err)
	}

	// A re-crawl that still lacks the sentence keeps it.
	if _, err := f.ix.Apply(ctx, []lumen.ArticleTagged{without(3)}); err != nil {
		t.Fatal(err)
	}
	check("after another re-crawl")

	// The sentence comes back: the claim is live, pending, and queued.
	if _, err := f.ix.Apply(ctx, []lumen.ArticleTagged{article(time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC), 2, lumen.RelationDecreases)}); err != nil {
		t.Fatal(err)
	}
	if c, _ := f.get(t, id); c.Review.Retracted || c.Review.Status != lumen.StatusPending || c.Review.Version != 2 {
		t.Errorf("claim whose sentence came back = %+v, want live, pending, its history kept", c.Review)
	}
	// (Once the lease bob's undo left has expired.)
	waitFor(t, func() bool {
		queue, err := f.svc.Queue(ctx, alice, lumen.ClaimQuery{}, 10)
		return err == nil && slices.Contains(ids(queue), id)
	})
}
