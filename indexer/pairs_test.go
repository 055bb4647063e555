package indexer

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// TestSearchPairs indexes claims with relation pairs and one without (an
// event stored before pairs existed) and selects them by subject, object
// and effect, which must hold for one and the same pair.
func TestSearchPairs(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	t0 := time.Now()
	ev := tagged("https://example.org/p", t0,
		"Probiotics did not reduce acne but improved skin hydration.",
		"Sugar worsens acne.",
		"Probiotics may improve acne.")
	// A tagger's pairs relate concepts of their claim.
	ev.Claims[0].Concepts = []string{"condition/acne", "condition/dry-skin", "intervention/probiotics"}
	ev.Claims[1].Concepts = []string{"condition/acne", "intervention/diet-processed-food"}
	ev.Claims[0].Relations = []lumen.Relation{
		{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationNoEffect, Negated: true},
		{Subject: "intervention/probiotics", Object: "condition/dry-skin", Effect: lumen.RelationDecreases},
	}
	ev.Claims[0].Confidence = 0.9
	ev.Claims[1].Relations = []lumen.Relation{
		{Subject: "intervention/diet-processed-food", Object: "condition/acne", Effect: lumen.RelationIncreases},
	}
	ev.Claims[1].ClaimEvidence = lumen.EvidenceMetaAnalysis
	// Claims[2] has no pairs: an event stored before pairs existed.
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	tests := []struct {
		name string
		q    lumen.ClaimQuery
		want []int // claims of ev, in any order
	}{
		{"subject", lumen.ClaimQuery{Subject: "intervention/probiotics"}, []int{0}},
		{"object", lumen.ClaimQuery{Object: "condition/acne"}, []int{0, 1}},
		{"effect", lumen.ClaimQuery{Effect: lumen.RelationIncreases}, []int{1}},
		{"object and effect of one pair", lumen.ClaimQuery{Object: "condition/acne", Effect: lumen.RelationNoEffect}, []int{0}},
		{"subject and effect of different pairs", lumen.ClaimQuery{Subject: "intervention/probiotics", Effect: lumen.RelationIncreases}, nil},
		{"all three", lumen.ClaimQuery{Subject: "intervention/probiotics", Object: "condition/dry-skin", Effect: lumen.RelationDecreases}, []int{0}},
		{"no pair filter", lumen.ClaimQuery{}, []int{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.SearchClaims(ctx, tt.q)
			if err != nil {
				t.Fatalf("SearchClaims(%+v): %v", tt.q, err)
			}
			var got, want []string
			for _, h := range res.Hits {
				got = append(got, h.Text)
			}
			for _, i := range tt.want {
				want = append(want, ev.Claims[i].Text)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("SearchClaims(%+v) = %q, want %q", tt.q, got, want)
			}
		})
	}
	d, err := ix.Article(ctx, ev.Article.ID)
	if err != nil {
		t.Fatalf("Article: %v", err)
	}
	if len(d.Claims) != 3 {
		t.Fatalf("Article claims = %d, want 3", len(d.Claims))
	}
	c := d.Claims[0]
	if !slices.Equal(c.Relations, ev.Claims[0].Relations) || c.Confidence != 0.9 {
		t.Errorf("Article claim 0 = relations %+v confidence %v, want %+v and 0.9", c.Relations, c.Confidence, ev.Claims[0].Relations)
	}
	if d.Claims[1].ClaimEvidence != lumen.EvidenceMetaAnalysis || d.Claims[2].Relations != nil {
		t.Errorf("Article claims 1, 2 = %+v, %+v", d.Claims[1], d.Claims[2])
	}
}
