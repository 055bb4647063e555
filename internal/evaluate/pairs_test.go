package evaluate

import (
	"testing"

	"github.com/lumen-research/lumen"
)

// TestPairScorer scores one sentence by hand: the tagger's pairs and the
// naive reading of its claim (every pair of its concepts, the claim's one
// relation) against the gold pairs.
func TestPairScorer(t *testing.T) {
	gold := []lumen.Relation{
		{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases},
		{Subject: "intervention/probiotics", Object: "mechanism/gut-microbiome", Effect: lumen.RelationIncreases},
	}
	claim := lumen.Claim{
		Concepts: []string{"condition/acne", "intervention/probiotics", "mechanism/gut-microbiome"},
		Relation: lumen.RelationDecreases,
		Relations: []lumen.Relation{
			{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases},
			{Subject: "mechanism/gut-microbiome", Object: "condition/acne", Effect: lumen.RelationAssociated},
		},
	}
	naive := naivePairs(claim)
	if len(naive) != 3 {
		t.Fatalf("naivePairs() = %v, want the 3 pairs of 3 concepts", naive)
	}
	for _, r := range naive {
		if r.Effect != lumen.RelationDecreases {
			t.Errorf("naivePairs() pair %v, want the claim's relation %q", r, lumen.RelationDecreases)
		}
	}
	var p pairScorer
	var e SentenceError
	p.sentence(gold, claim.Relations, naive, &e)
	// A gold sentence the tagger took for no claim: all its pairs missed.
	p.sentence(gold[:1], nil, nil, &SentenceError{})
	// A claim read where the labels see none: its two pairs (one twice)
	// count only in AllClaims.
	p.falseClaim(append(claim.Relations, claim.Relations[0]))
	r := p.report()
	if r.TP != 1 || r.FP != 1 || r.FN != 2 || r.EffectOK != 1 {
		t.Errorf("report() = TP %d FP %d FN %d effect %d, want 1, 1, 2, 1", r.TP, r.FP, r.FN, r.EffectOK)
	}
	if a := r.AllClaims; a.TP != 1 || a.FP != 3 || a.FN != 2 || a.Precision != 0.25 {
		t.Errorf("report().AllClaims = %+v, want TP 1, FP 3, FN 2, precision 0.25", a)
	}
	if len(e.MissingPairs) != 1 || len(e.ExtraPairs) != 1 {
		t.Errorf("errors = missing %v, extra %v, want one of each", e.MissingPairs, e.ExtraPairs)
	}
	n := r.Naive
	if n == nil || n.TP != 2 || n.FP != 1 || n.FN != 1 || n.EffectOK != 1 {
		t.Fatalf("report().Naive = %+v, want TP 2, FP 1, FN 1, effect 1", n)
	}
	if n.Effect != 0.5 || n.Recall != 2.0/3 {
		t.Errorf("report().Naive effect %v recall %v, want 0.5 and 2/3", n.Effect, n.Recall)
	}
}
