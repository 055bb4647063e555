package lumen

import (
	"reflect"
	"testing"
	"time"
)

func decision(v uint64, action, status string) ReviewDecision {
	return ReviewDecision{ClaimID: "c", Action: action, Status: status, Version: v, Curator: "cur",
		At: time.Date(2026, 1, 1, 0, 0, int(v), 0, time.UTC)}
}

func TestReviewState(t *testing.T) {
	acc := decision(0, ActionAccept, StatusAccepted)
	rej := decision(1, ActionReject, StatusRejected)
	rej.Reason = ReasonNotAClaim
	undo := decision(2, ActionUndo, StatusAccepted)
	undo2 := decision(3, ActionUndo, StatusPending)
	tests := []struct {
		name      string
		ds        []ReviewDecision
		status    string
		version   uint64
		reason    string
		effective bool
	}{
		{"none", nil, StatusPending, 0, "", false},
		{"accept", []ReviewDecision{acc}, StatusAccepted, 1, "", true},
		{"reject after accept", []ReviewDecision{acc, rej}, StatusRejected, 2, ReasonNotAClaim, true},
		{"undo restores accept", []ReviewDecision{acc, rej, undo}, StatusAccepted, 3, "", true},
		{"two undos restore pending", []ReviewDecision{acc, rej, undo, undo2}, StatusPending, 4, "", false},
		{"undo with nothing to undo", []ReviewDecision{decision(0, ActionUndo, StatusPending)}, StatusPending, 1, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, d := ReviewState(tt.ds)
			if r.Status != tt.status || r.Version != tt.version || r.Reason != tt.reason || (d != nil) != tt.effective {
				t.Errorf("ReviewState = %+v, %v; want status %s version %d reason %q effective %v", r, d, tt.status, tt.version, tt.reason, tt.effective)
			}
			if r.Status == StatusPending && (r.Curator != "" || !r.At.IsZero()) {
				t.Errorf("pending review carries curator %q at %v", r.Curator, r.At)
			}
		})
	}
}

func TestNeedsReReview(t *testing.T) {
	seen := Assertion{Concepts: []string{"condition/acne", "intervention/probiotics"}, Relation: RelationDecreases}
	reordered := Assertion{Concepts: []string{"intervention/probiotics", "condition/acne"}, Relation: RelationDecreases}
	changed := Assertion{Concepts: []string{"condition/acne", "intervention/probiotics"}, Relation: RelationIncreases}
	corrected := Assertion{Concepts: []string{"condition/acne", "intervention/probiotics"}, Relation: RelationIncreases, Hedged: true}
	mk := func(status string, corr *Assertion) *ReviewDecision {
		return &ReviewDecision{Status: status, Seen: seen, SeenHash: seen.Hash(), Correction: corr}
	}
	tests := []struct {
		name    string
		d       *ReviewDecision
		machine Assertion
		want    bool
	}{
		{"pending", nil, changed, false},
		{"accepted, unchanged", mk(StatusAccepted, nil), seen, false},
		{"accepted, concepts reordered", mk(StatusAccepted, nil), reordered, false},
		{"accepted, machine changed", mk(StatusAccepted, nil), changed, true},
		{"rejected, machine changed", mk(StatusRejected, nil), changed, true},
		{"corrected, machine caught up", mk(StatusCorrected, &changed), changed, false},
		{"corrected, machine changed otherwise", mk(StatusCorrected, &corrected), changed, true},
		{"corrected, machine unchanged", mk(StatusCorrected, &corrected), seen, false},
		{"stale decision", &ReviewDecision{Status: StatusAccepted, Seen: seen, SeenHash: seen.Hash(), Stale: true}, seen, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NeedsReReview(tt.d, tt.machine); got != tt.want {
				t.Errorf("NeedsReReview = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPrincipalCan(t *testing.T) {
	tests := []struct {
		p    Principal
		role string
		want bool
	}{
		{Principal{"a", RoleAdmin}, RoleCurator, true},
		{Principal{"c", RoleCurator}, RoleCurator, true},
		{Principal{"c", RoleCurator}, RoleAdmin, false},
		{Principal{"r", RoleReader}, RoleCurator, false},
		{Principal{"", RoleAdmin}, RoleReader, false},
		{Principal{"x", "root"}, RoleReader, false},
		{Principal{"a", RoleAdmin}, "root", false},
	}
	for _, tt := range tests {
		if got := tt.p.Can(tt.role); got != tt.want {
			t.Errorf("%+v.Can(%q) = %v, want %v", tt.p, tt.role, got, tt.want)
		}
	}
}

func TestDerivePairs(t *testing.T) {
	diet, acne, ros, perm, pso := "intervention/diet", "condition/acne", "condition/rosacea", "mechanism/permeability", "condition/psoriasis"
	for _, tt := range []struct {
		name     string
		pairs    []Relation
		from, to Assertion
		want     []Relation
	}{
		{"a removed concept takes its pairs; the added one is related with the corrected relation",
			[]Relation{{Subject: diet, Object: ros, Effect: RelationAssociated}},
			Assertion{Concepts: []string{diet, ros}, Relation: RelationAssociated},
			Assertion{Concepts: []string{acne, diet}, Relation: RelationDecreases},
			[]Relation{{Subject: diet, Object: acne, Effect: RelationDecreases}}},
		{"relation and hedge apply to the pairs kept",
			[]Relation{{Subject: perm, Object: pso, Effect: RelationIncreases, Hedged: true}},
			Assertion{Concepts: []string{perm, pso}, Relation: RelationIncreases, Hedged: true},
			Assertion{Concepts: []string{perm, pso}, Relation: RelationAssociated},
			[]Relation{{Subject: perm, Object: pso, Effect: RelationAssociated}}},
		{"what the correction leaves alone stays per pair",
			[]Relation{{Subject: diet, Object: acne, Effect: RelationNoEffect, Negated: true}, {Subject: diet, Object: ros, Effect: RelationIncreases}},
			Assertion{Concepts: []string{acne, diet, ros}, Relation: RelationIncreases},
			Assertion{Concepts: []string{acne, diet, ros}, Relation: RelationIncreases, Hedged: true},
			[]Relation{{Subject: diet, Object: acne, Effect: RelationNoEffect, Negated: true, Hedged: true}, {Subject: diet, Object: ros, Effect: RelationIncreases, Hedged: true}}},
		{"an added concept of the cause's kind is the subject",
			[]Relation{{Subject: perm, Object: acne, Effect: RelationIncreases}},
			Assertion{Concepts: []string{acne, perm}, Relation: RelationIncreases},
			Assertion{Concepts: []string{acne, diet, perm}, Relation: RelationIncreases},
			[]Relation{{Subject: perm, Object: acne, Effect: RelationIncreases}, {Subject: diet, Object: acne, Effect: RelationIncreases}, {Subject: diet, Object: perm, Effect: RelationIncreases}}},
		{"a denial makes the pairs it covers no_effect, and lifting it gives them the relation",
			[]Relation{{Subject: diet, Object: acne, Effect: RelationDecreases}, {Subject: diet, Object: ros, Effect: RelationNoEffect, Negated: true}},
			Assertion{Concepts: []string{acne, diet, ros}, Relation: RelationDecreases},
			Assertion{Concepts: []string{acne, diet, ros}, Relation: RelationDecreases, Negated: true},
			[]Relation{{Subject: diet, Object: acne, Effect: RelationNoEffect, Negated: true}, {Subject: diet, Object: ros, Effect: RelationNoEffect, Negated: true}}},
		{"lifting a denial",
			[]Relation{{Subject: diet, Object: acne, Effect: RelationNoEffect, Negated: true}},
			Assertion{Concepts: []string{acne, diet}, Relation: RelationNoEffect, Negated: true},
			Assertion{Concepts: []string{acne, diet}, Relation: RelationDecreases},
			[]Relation{{Subject: diet, Object: acne, Effect: RelationDecreases}}},
		{"no pairs before and the same concepts: none invented",
			nil, Assertion{Concepts: []string{acne, diet}, Relation: RelationIncreases},
			Assertion{Concepts: []string{acne, diet}, Relation: RelationDecreases}, nil},
		{"from the tagger's not a claim: every pair of kinds",
			nil, Assertion{NotAClaim: true},
			Assertion{Concepts: []string{acne, diet}, Relation: RelationDecreases},
			[]Relation{{Subject: diet, Object: acne, Effect: RelationDecreases}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := DerivePairs(tt.pairs, tt.from, tt.to); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("DerivePairs = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestFindSentence(t *testing.T) {
	const art = "a1"
	s := "Probiotics reduce acne."
	for _, tt := range []struct {
		name, text string
		occurrence int
		want       int
		ok         bool
	}{
		{"in place", s + " More.", 0, 0, true},
		{"moved", "New first line. " + s, 0, 16, true},
		{"the second of two", s + " " + s, 1, len(s) + 1, true},
		{"left", "Something else entirely.", 0, 0, false},
		{"only inside a longer sentence", "Yes: NotProbiotics reduce acne.", 0, 0, false},
		{"one of two left", s, 1, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FindSentence(art, ClaimID(art, s, tt.occurrence), s, tt.text)
			if got != tt.want || ok != tt.ok {
				t.Errorf("FindSentence(%q) = %d, %v; want %d, %v", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestNeedsReReviewNotAClaim(t *testing.T) {
	seen := Assertion{Concepts: []string{"condition/acne", "intervention/diet"}, Relation: RelationDecreases}
	gone := Claim{}.Assertion()
	for _, tt := range []struct {
		status, reason string
		want           bool
	}{
		{StatusAccepted, "", true},
		{StatusCorrected, "", true},
		{StatusRejected, ReasonNotAClaim, false},
		{StatusRejected, ReasonDuplicate, false},
		{StatusRejected, ReasonWrongRelation, true},
	} {
		d := &ReviewDecision{Status: tt.status, Reason: tt.reason, Seen: seen, SeenHash: seen.Hash()}
		if got := NeedsReReview(d, gone); got != tt.want {
			t.Errorf("NeedsReReview(%s %s, not a claim) = %v, want %v", tt.status, tt.reason, got, tt.want)
		}
	}
}
