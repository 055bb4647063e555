package indexer

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/vocab"
)

var mapTaxonomy = lumen.Taxonomy{Version: "t1", Concepts: []lumen.Concept{
	{ID: "condition/skin-health", Kind: "condition", Label: "Skin health"},
	{ID: "condition/acne", Kind: "condition", Label: "Acne", Broader: "condition/skin-health"},
	{ID: "condition/atopic-dermatitis", Kind: "condition", Label: "Atopic dermatitis", Broader: "condition/skin-health"},
	{ID: "condition/dry-skin", Kind: "condition", Label: "Dry skin", Broader: "condition/skin-health"},
	{ID: "mechanism/skin-barrier", Kind: "mechanism", Label: "Skin barrier"},
	{ID: "intervention/probiotics", Kind: "intervention", Label: "Probiotics"},
}}

const (
	mPro  = "intervention/probiotics"
	mAD   = "condition/atopic-dermatitis"
	mAcne = "condition/acne"
	mDry  = "condition/dry-skin"
	mSkin = "condition/skin-health"
	mBar  = "mechanism/skin-barrier"
)

// mapFixture indexes claims whose relation pairs say something other than
// their co-mentioned concepts, one with a curator's pair correction and
// one rejected, and returns the index and the claims by text.
func mapFixture(t *testing.T) (*Index, map[string]lumen.Claim) {
	t.Helper()
	ctx := context.Background()
	ix := MustOpen(t)
	ix.SetVocabulary(vocab.New(mapTaxonomy))
	pair := func(s, o, e string, neg bool) lumen.Relation {
		return lumen.Relation{Subject: s, Object: o, Effect: e, Negated: neg}
	}
	type spec struct {
		text     string
		concepts []string
		pairs    []lumen.Relation
	}
	specs := []spec{
		// The population concept is no argument: the only pair is probiotics > skin barrier.
		{"Probiotics improved skin barrier function in atopic dermatitis.", []string{mAD, mPro, mBar},
			[]lumen.Relation{pair(mPro, mBar, lumen.RelationIncreases, false)}},
		{"Probiotics did not reduce acne but improved skin hydration.", []string{mAcne, mDry, mPro},
			[]lumen.Relation{pair(mPro, mAcne, lumen.RelationNoEffect, true), pair(mPro, mDry, lumen.RelationDecreases, false)}},
		{"Probiotics reduced eczema.", []string{mAD, mPro}, []lumen.Relation{pair(mPro, mAD, lumen.RelationDecreases, false)}},
		// The other way: the condition is the subject.
		{"Eczema lowered the use of probiotics.", []string{mAD, mPro}, []lumen.Relation{pair(mAD, mPro, lumen.RelationDecreases, false)}},
		// Rejected by a curator below.
		{"Probiotics worsened eczema.", []string{mAD, mPro}, []lumen.Relation{pair(mPro, mAD, lumen.RelationIncreases, false)}},
		// The tagger got the effect wrong; a curator corrects the pair below.
		{"Probiotics eased acne.", []string{mAcne, mPro}, []lumen.Relation{pair(mPro, mAcne, lumen.RelationIncreases, false)}},
	}
	a := lumen.Article{ID: lumen.NewID("url:https://example.org/map"), URL: "https://example.org/map", Source: "test",
		Title: "Map", Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), FetchedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	ev := lumen.ArticleTagged{TaxonomyVersion: "t1+r1", TaggedAt: a.FetchedAt, Evidence: lumen.EvidenceRCT}
	claims := map[string]lumen.Claim{}
	for _, sp := range specs {
		if a.Text != "" {
			a.Text += " "
		}
		c := lumen.Claim{ID: lumen.ClaimID(a.ID, sp.text, 0), ArticleID: a.ID, Start: len(a.Text), Text: sp.text,
			Concepts: sp.concepts, Relations: sp.pairs, Relation: sp.pairs[0].Effect, Negated: sp.pairs[0].Negated,
			Evidence: lumen.EvidenceRCT}
		a.Text += sp.text
		c.End = len(a.Text)
		ev.Claims = append(ev.Claims, c)
		claims[sp.text] = c
	}
	a.ContentHash = a.ComputeContentHash()
	ev.Article = a
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	rej := decide(claims["Probiotics worsened eczema."], 0, lumen.ActionReject, lumen.StatusRejected)
	rej.Reason = lumen.ReasonWrongRelation
	fixed := claims["Probiotics eased acne."]
	cor := decide(fixed, 0, lumen.ActionCorrect, lumen.StatusCorrected)
	corrected := fixed.Assertion()
	corrected.Relation = lumen.RelationDecreases
	corrected.Relations = []lumen.Relation{pair(mPro, mAcne, lumen.RelationDecreases, false)}
	cor.Correction = &corrected
	if _, err := ix.ApplyReviews(ctx, []lumen.ReviewDecision{rej, cor}); err != nil {
		t.Fatalf("ApplyReviews: %v", err)
	}
	return ix, claims
}

func mapCells(t *testing.T, ix *Index, q lumen.MapQuery) (lumen.EvidenceMap, map[[2]string]lumen.MapCell) {
	t.Helper()
	m, err := ix.EvidenceMap(context.Background(), q)
	if err != nil {
		t.Fatalf("EvidenceMap(%+v): %v", q, err)
	}
	cells := map[[2]string]lumen.MapCell{}
	for _, c := range m.Cells {
		cells[[2]string{c.Row, c.Col}] = c
	}
	return m, cells
}

// The map counts a claim in a cell by its relation pairs between the two
// concepts (their effect, negation and direction, after curators'
// corrections), not because it mentions both; rejected claims are left
// out unless asked for.
func TestEvidenceMapCountsPairs(t *testing.T) {
	ix, _ := mapFixture(t)
	m, cells := mapCells(t, ix, lumen.MapQuery{Rows: lumen.KindIntervention, Cols: lumen.KindCondition})
	if m.SubjectKind != lumen.KindIntervention {
		t.Errorf("SubjectKind = %q, want intervention", m.SubjectKind)
	}
	type want struct {
		claims, supports, contradicts, negated, reverse int
		relations                                       map[string]int
	}
	for _, tt := range []struct {
		col  string
		want want
	}{
		// "in atopic dermatitis" is no pair; "Probiotics reduced eczema."
		// is; "Eczema lowered the use of probiotics." goes the other way;
		// the rejected "worsened" is no evidence.
		{mAD, want{claims: 1, supports: 1, reverse: 1, relations: map[string]int{lumen.RelationDecreases: 1}}},
		// The mixed sentence denies acne only; the corrected claim decreases it.
		{mAcne, want{claims: 2, supports: 1, contradicts: 1, negated: 1,
			relations: map[string]int{lumen.RelationNoEffect: 1, lumen.RelationDecreases: 1}}},
		{mDry, want{claims: 1, supports: 1, relations: map[string]int{lumen.RelationDecreases: 1}}},
		// The broader column holds its narrower ones, each claim once.
		{mSkin, want{claims: 3, supports: 3, contradicts: 1, negated: 1, reverse: 1,
			relations: map[string]int{lumen.RelationDecreases: 3, lumen.RelationNoEffect: 1}}},
	} {
		c := cells[[2]string{mPro, tt.col}]
		got := want{c.Claims, c.Supports, c.Contradicts, c.Negated, c.Reverse, c.Relations}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("probiotics x %s = %+v, want %+v", tt.col, got, tt.want)
		}
		if c.Rejected != 0 {
			t.Errorf("probiotics x %s counts %d rejected claims, want 0 (not asked for)", tt.col, c.Rejected)
		}
	}
	if c := cells[[2]string{mPro, mAD}]; c.ReverseRelations[lumen.RelationDecreases] != 1 {
		t.Errorf("probiotics x AD reverse relations = %v, want decreases 1", c.ReverseRelations)
	}
	if m.Claims != 3 {
		t.Errorf("map claims = %d, want 3 (pairs from probiotics to a condition)", m.Claims)
	}

	// The effect filter counts the pairs of that effect only.
	_, cells = mapCells(t, ix, lumen.MapQuery{Rows: lumen.KindIntervention, Cols: lumen.KindCondition,
		Claims: lumen.ClaimQuery{Effect: lumen.RelationDecreases}})
	if c := cells[[2]string{mPro, mAcne}]; c.Claims != 1 || c.Relations[lumen.RelationNoEffect] != 0 || c.Contradicts != 0 {
		t.Errorf("effect=decreases: probiotics x acne = %+v, want the corrected claim only", c)
	}

	// Asked for, rejected claims count.
	_, cells = mapCells(t, ix, lumen.MapQuery{Rows: lumen.KindIntervention, Cols: lumen.KindCondition,
		Claims: lumen.ClaimQuery{Status: []string{lumen.StatusRejected}}})
	if c := cells[[2]string{mPro, mAD}]; c.Claims != 1 || c.Rejected != 1 || c.Relations[lumen.RelationIncreases] != 1 {
		t.Errorf("status=rejected: probiotics x AD = %+v, want the rejected claim", c)
	}

	// The mechanism: only the barrier claim relates probiotics to it.
	_, cells = mapCells(t, ix, lumen.MapQuery{Rows: lumen.KindMechanism, Cols: lumen.KindIntervention})
	if c := cells[[2]string{mBar, mPro}]; c.Claims != 1 || c.Relations[lumen.RelationIncreases] != 1 || len(cells) != 1 {
		t.Errorf("skin barrier x probiotics = %+v (cells %d), want 1 claim, increases", c, len(cells))
	}
}

// Every figure of a cell is what the pair filters find for it: claims,
// relations and contradicts with subject, object and effect; supports
// the claims of the three asserting effects.
func TestEvidenceMapAgreesWithPairFilters(t *testing.T) {
	ctx := context.Background()
	ix, _ := mapFixture(t)
	for _, mq := range []lumen.MapQuery{
		{Rows: lumen.KindIntervention, Cols: lumen.KindCondition},
		{Rows: lumen.KindCondition, Cols: lumen.KindIntervention},
		{Rows: lumen.KindCondition, Cols: lumen.KindIntervention, Claims: lumen.ClaimQuery{Status: []string{lumen.StatusRejected}}},
		{Rows: lumen.KindIntervention, Cols: lumen.KindCondition, Claims: lumen.ClaimQuery{Effect: lumen.RelationNoEffect}},
	} {
		m, _ := mapCells(t, ix, mq)
		for _, c := range m.Cells {
			subject, object := c.Row, c.Col
			if lumen.ConceptKind(subject) != m.SubjectKind {
				subject, object = object, subject
			}
			count := func(effect string) map[string]bool {
				q := mq.Claims
				q.Subject, q.Object = subject, object
				if effect != "" {
					if q.Effect != "" && q.Effect != effect {
						return nil
					}
					q.Effect = effect
				}
				q.Size = 100
				res, err := ix.SearchClaims(ctx, q)
				if err != nil {
					t.Fatalf("SearchClaims(%+v): %v", q, err)
				}
				ids := map[string]bool{}
				for _, h := range res.Hits {
					ids[h.ID] = true
				}
				return ids
			}
			where := fmt.Sprintf("%+v: %s x %s", mq, c.Row, c.Col)
			if n := len(count("")); n != c.Claims {
				t.Errorf("%s: claims %d, subject=%s&object=%s finds %d", where, c.Claims, subject, object, n)
			}
			supports := map[string]bool{}
			for _, e := range lumen.Relations {
				ids := count(e)
				if len(ids) != c.Relations[e] {
					t.Errorf("%s: relations[%s] = %d, the pair filter finds %d", where, e, c.Relations[e], len(ids))
				}
				if e != lumen.RelationNoEffect {
					for id := range ids {
						supports[id] = true
					}
				}
			}
			if len(supports) != c.Supports {
				t.Errorf("%s: supports = %d, the pair filters find %d", where, c.Supports, len(supports))
			}
			if n := len(count(lumen.RelationNoEffect)); n != c.Contradicts {
				t.Errorf("%s: contradicts = %d, effect=no_effect finds %d", where, c.Contradicts, n)
			}
		}
	}
}

// subject= and object= take what concept= takes: a concept with its
// narrower ones, a kind, alternatives a|b.
func TestPairFiltersExpand(t *testing.T) {
	ctx := context.Background()
	ix, claims := mapFixture(t)
	for _, tt := range []struct {
		q    lumen.ClaimQuery
		want []string
	}{
		{lumen.ClaimQuery{Subject: mPro, Object: mSkin}, []string{"Probiotics did not reduce acne but improved skin hydration.",
			"Probiotics reduced eczema.", "Probiotics eased acne."}},
		{lumen.ClaimQuery{Subject: mPro, Object: lumen.KindCondition, Effect: lumen.RelationNoEffect},
			[]string{"Probiotics did not reduce acne but improved skin hydration."}},
		{lumen.ClaimQuery{Subject: lumen.KindCondition}, []string{"Eczema lowered the use of probiotics."}},
		{lumen.ClaimQuery{Object: mBar + "|" + mDry}, []string{"Probiotics did not reduce acne but improved skin hydration.",
			"Probiotics improved skin barrier function in atopic dermatitis."}},
		{lumen.ClaimQuery{Subject: mPro, Object: mSkin, Effect: lumen.RelationIncreases}, nil},
		{lumen.ClaimQuery{Subject: mPro, Object: mSkin, Effect: lumen.RelationIncreases, Status: []string{lumen.StatusRejected}},
			[]string{"Probiotics worsened eczema."}},
	} {
		res, err := ix.SearchClaims(ctx, tt.q)
		if err != nil {
			t.Fatalf("SearchClaims(%+v): %v", tt.q, err)
		}
		got := map[string]bool{}
		for _, h := range res.Hits {
			got[h.Text] = true
		}
		ok := len(got) == len(tt.want)
		for _, w := range tt.want {
			if _, known := claims[w]; !known {
				t.Fatalf("no claim %q", w)
			}
			ok = ok && got[w]
		}
		if !ok {
			t.Errorf("SearchClaims(subject=%s object=%s effect=%s status=%v) = %v, want %q", tt.q.Subject, tt.q.Object,
				tt.q.Effect, tt.q.Status, got, tt.want)
		}
	}
}

// A claim a curator rejected is left out of search and export unless its
// status is asked for, by the parameter or the query string.
func TestRejectedLeftOut(t *testing.T) {
	ctx := context.Background()
	ix, claims := mapFixture(t)
	rejected := claims["Probiotics worsened eczema."].ID
	has := func(q lumen.ClaimQuery) bool {
		q.Size = 100
		res, err := ix.SearchClaims(ctx, q)
		if err != nil {
			t.Fatalf("SearchClaims(%+v): %v", q, err)
		}
		for _, h := range res.Hits {
			if h.ID == rejected {
				return true
			}
		}
		return false
	}
	exported := func(q lumen.ClaimQuery) bool {
		found := false
		err := ix.ExportClaims(ctx, q, func(r lumen.ClaimRecord) error {
			found = found || r.ID == rejected
			return nil
		})
		if err != nil {
			t.Fatalf("ExportClaims: %v", err)
		}
		return found
	}
	for _, tt := range []struct {
		name string
		q    lumen.ClaimQuery
		want bool
	}{
		{"default", lumen.ClaimQuery{}, false},
		{"words", lumen.ClaimQuery{Q: "worsened"}, false},
		{"status=rejected", lumen.ClaimQuery{Status: []string{lumen.StatusRejected}}, true},
		{"status=pending", lumen.ClaimQuery{Status: []string{lumen.StatusPending}}, false},
		{"q status:rejected", lumen.ClaimQuery{Q: "status:rejected"}, true},
		{"q -status:rejected", lumen.ClaimQuery{Q: "worsened -status:rejected"}, false},
	} {
		if got := has(tt.q); got != tt.want {
			t.Errorf("%s: search finds the rejected claim: %v, want %v", tt.name, got, tt.want)
		}
		if got := exported(tt.q); got != tt.want {
			t.Errorf("%s: export holds the rejected claim: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Each concept facet counts what its link (concept=ID, the concept and
// its narrower ones) finds, under the same query: broader concepts too.
func TestConceptFacetsCountAsTheFilterFilters(t *testing.T) {
	ctx := context.Background()
	ix := mustOpenConcepts(t)
	for _, q := range []lumen.ClaimQuery{{}, {Q: "probiotics"}, {Evidence: []string{lumen.EvidenceRCT}}} {
		fq := q
		fq.Facets = []string{"concepts"}
		res, err := ix.SearchClaims(ctx, fq)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, f := range res.Facets["concepts"] {
			seen[f.Value] = true
			lq := q
			lq.Concepts = append(lq.Concepts, f.Value)
			got, err := ix.SearchClaims(ctx, lq)
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != uint64(f.Count) {
				t.Errorf("q %+v: facet %s = %d, concept=%s finds %d", q, f.Value, f.Count, f.Value, got.Total)
			}
		}
		if q.Q == "" && len(q.Evidence) == 0 && (!seen["condition/skin-health"] || !seen["mechanism/gut-microbiome"]) {
			t.Errorf("facets %+v lack the broader concepts of their concepts", res.Facets["concepts"])
		}
	}
}

// A map key holds the claim's pairs and their effects, and the mapper
// passes over a malformed key (an index written by another version)
// without counting it.
func TestMapKey(t *testing.T) {
	d := claimDoc{ArticleID: "0123456789abcdef", Evidence: lumen.EvidenceRCT, Status: lumen.StatusAccepted,
		Concepts: []string{mAcne, mDry, mPro}}
	setPairFields(&d, []lumen.Relation{
		{Subject: mPro, Object: mAcne, Effect: lumen.RelationNoEffect, Negated: true},
		{Subject: mPro, Object: mDry, Effect: lumen.RelationDecreases, Hedged: true},
		{Subject: mPro, Object: mBar, Effect: lumen.RelationIncreases}, // not a concept of the claim
	}, "")
	d.derive("c1")
	want := "3|rct,a|0123456789ab|" + mAcne + "," + mDry + "," + mPro + "|2>0,2>1|nn,dh"
	if d.MK != want {
		t.Fatalf("mapKey = %q, want %q", d.MK, want)
	}
	m := newMapper(vocab.New(mapTaxonomy), lumen.KindIntervention, lumen.KindCondition, nil)
	for _, bad := range []string{"", "2|d,,rct,p|0123|a,b", "3|rct,a|0123|" + mAcne + "," + mPro, "3|rct,a|0123|" + mAcne + "," + mPro + "|1>0|",
		"3|rct,a|0123|" + mAcne + "," + mPro + "|1>0|x", "3|rct,a|0123|" + mAcne + "," + mPro + "|1>0,|d", "3|rct,a|0123|" + mAcne + "," + mPro + "|9>0|d",
		"3|rct,a|0123|" + mAcne + "," + mPro + "|1>0|d,d", "3|rct|0123|" + mAcne + "," + mPro + "|1>0|d"} {
		m.visit("mk", []byte(bad))
	}
	if m.claims != 0 || len(m.result().Cells) != 0 {
		t.Errorf("malformed keys counted: %d claims, %+v", m.claims, m.result().Cells)
	}
	m.visit("mk", []byte(d.MK))
	res := m.result()
	if res.Claims != 1 || len(res.Cells) != 3 { // probiotics x acne, x dry skin, and x skin health once
		t.Errorf("map of one claim = %+v", res)
	}
}
