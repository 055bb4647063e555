package evaluate

import (
	"math"
	"strings"
	"testing"
)

func TestPool(t *testing.T) {
	a := Report{Docs: 2, Sentences: 10, Concepts: PRF{TP: 8, FP: 2, FN: 0}, Claims: PRF{TP: 4, FP: 0, FN: 1},
		MatchedClaims: 4, NegationOK: 4, HedgeOK: 3, Negation: 1, Hedge: 0.75,
		Pairs: &PairReport{PRF: PRF{TP: 6, FP: 2, FN: 2, F1: 0.75}, AllClaims: PRF{TP: 6, FP: 4, FN: 2}, Matched: 6, EffectOK: 3, Effect: 0.5}}
	b := Report{Docs: 1, Sentences: 5, Concepts: PRF{TP: 2, FP: 0, FN: 2}, Claims: PRF{TP: 1, FP: 1, FN: 0},
		MatchedClaims: 1, NegationOK: 1, HedgeOK: 1, Negation: 1, Hedge: 1}
	for _, r := range []*Report{&a, &b} {
		r.Concepts.finish()
		r.Claims.finish()
	}
	p := Pool([]Named{{"a", a}, {"b", b}})
	if p.Sets != 2 || p.Docs != 3 || p.Sentences != 15 || p.PairSets != 1 {
		t.Errorf("sets %d docs %d sentences %d pair sets %d, want 2 3 15 1", p.Sets, p.Docs, p.Sentences, p.PairSets)
	}
	if p.Concepts.TP != 10 || p.Concepts.FP != 2 || p.Concepts.FN != 2 || math.Abs(p.Concepts.F1-10.0/12) > 1e-9 {
		t.Errorf("pooled concepts %+v, want TP 10 FP 2 FN 2, F1 0.833", p.Concepts)
	}
	if p.Negation != 1 || p.Hedge != 0.8 || p.Effect != 0.5 || p.Pairs.TP != 6 {
		t.Errorf("negation %v hedge %v effect %v pairs %+v", p.Negation, p.Hedge, p.Effect, p.Pairs)
	}
	// the mean weighs each set the same; pairs only over the sets that
	// label them
	if math.Abs(p.Mean.Hedge-0.875) > 1e-9 || p.Mean.PairF1 != 0.75 || p.Mean.Effect != 0.5 {
		t.Errorf("means %+v", p.Mean)
	}
	var w strings.Builder
	if err := WriteSummary(&w, "v1", []Named{{"a", a}, {"b", b}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"tagger v1: 2 sets", "pooled", "mean of sets", "pairs TP 6 FP 2 FN 2 (1 of 2 sets label pairs)", "labels call none: TP 6 FP 4 FN 2"} {
		if !strings.Contains(w.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, w.String())
		}
	}
	if !strings.Contains(w.String(), "b ") || !strings.Contains(w.String(), "-") {
		t.Errorf("a set without pairs should show -:\n%s", w.String())
	}
}
