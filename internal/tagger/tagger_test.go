package tagger

import (
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
)

// builtTaggers holds the taggers over the built-in taxonomy, built once per
// test binary: with its pair model and without (the rules alone).
var builtTaggers = map[bool]func() (*Tagger, error){
	true:  sync.OnceValues(func() (*Tagger, error) { return builtIn(true) }),
	false: sync.OnceValues(func() (*Tagger, error) { return builtIn(false) }),
}

func builtIn(pairModel bool) (*Tagger, error) {
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		return nil, err
	}
	if !pairModel {
		tax.PairModel = nil
	}
	return New(tax)
}

func mustBuilt(tb testing.TB, pairModel bool) *Tagger {
	tb.Helper()
	t, err := builtTaggers[pairModel]()
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// mustRulesTagger returns the tagger over the built-in taxonomy without its
// pair model: the rules alone, which the probes test (the learned pairs
// are measured on the gold sets, internal/evaluate).
func mustRulesTagger(tb testing.TB) *Tagger { tb.Helper(); return mustBuilt(tb, false) }

// mustTagger returns the tagger over the built-in taxonomy, as shipped.
func mustTagger(tb testing.TB) *Tagger { tb.Helper(); return mustBuilt(tb, true) }

func concepts(ms []lumen.Mention) []string {
	var out []string
	for _, m := range ms {
		if !slices.Contains(out, m.Concept) {
			out = append(out, m.Concept)
		}
	}
	slices.Sort(out)
	return out
}

func mustNewDefault(tb testing.TB) *Tagger {
	tb.Helper()
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		tb.Fatal(err)
	}
	tg, err := New(tax)
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

func TestAbbreviationStatistics(t *testing.T) {
	tg := mustTagger(t)
	text := "Chronic insomnia (CI) is common. CI worsened eczema (95% CI 1.1-2.0; OR = 1.4, CI: 1.1-1.9)."
	res := tg.Tag(Document{Text: text})
	n := 0
	for _, m := range res.Mentions {
		if m.Concept == "intervention/sleep" {
			n++
		}
	}
	if n != 3 { // "insomnia", the short form where it is defined and its one real use
		t.Errorf("Tag(%q) sleep mentions = %d, want 3: %v", text, n, res.Mentions)
	}
}

// TestAbbreviationsStayInDocument checks that a short form defined in one
// document means nothing in the next one the same tagger tags.
func TestAbbreviationsStayInDocument(t *testing.T) {
	tg := mustTagger(t)
	tg.Tag(Document{Text: "Atopic dermatitis (AD) is common."})
	if got := concepts(tg.Tag(Document{Text: "AD is common in the elderly."}).Mentions); got != nil {
		t.Errorf("Tag(AD without definition) = %v, want none", got)
	}
}

// The taxonomy's pair model adds pairs, drops some of the rules' and may
// rename the effects of the rules' pairs, nothing else: over the probes,
// every claim keeps the rules' pairs it keeps in order, with their concepts
// and flags (a denied one as it is), its added pairs join two of its
// concepts the rules left unpaired, and its summary follows its pairs; and
// it adds some and drops some. The claims it reads in sentences the rules
// read as none are checked in TestLearnedClaimsOnlyWhereRulesReadNone.
func TestLearnedPairsOnlyAddDropOrRename(t *testing.T) {
	rules, full := mustRulesTagger(t), mustTagger(t)
	same := func(g, w lumen.Relation) bool {
		if w.Effect != lumen.RelationNoEffect && g.Effect != lumen.RelationNoEffect {
			g.Effect = w.Effect
		}
		return g == w
	}
	added, dropped, rescored := 0, 0, 0
	for _, c := range loadProbes(t, rules, "testdata/probes.txt") {
		want, got := rules.Tag(Document{Text: c.text}), full.Tag(Document{Text: c.text})
		byStart := map[int]lumen.Claim{}
		for _, gc := range got.Claims {
			byStart[gc.Start] = gc
		}
		for i, wc := range want.Claims {
			gc, ok := byStart[wc.Start]
			if !ok {
				t.Fatalf("Tag(%q): the rules' claim %d is lost with the pair model", c.text, i)
			}
			kept := 0
			for _, w := range wc.Relations {
				if kept < len(gc.Relations) && same(gc.Relations[kept], w) {
					kept++
				} else {
					dropped++
				}
			}
			if len(gc.Relations) == 0 {
				t.Errorf("Tag(%q) claim %d: every pair dropped (%v without the model)", c.text, i, wc.Relations)
			}
			wantRel := lumen.RelationNoEffect
			if i := slices.IndexFunc(gc.Relations, func(r lumen.Relation) bool { return !r.Negated }); i >= 0 {
				wantRel = gc.Relations[i].Effect
			}
			if gc.Relation != wantRel || gc.Negated && wantRel != lumen.RelationNoEffect {
				t.Errorf("Tag(%q) claim %d: relation %s, negated %v, with pairs %v: not their summary", c.text, i, gc.Relation, gc.Negated, gc.Relations)
			}
			// The doubts that follow the pairs (x0.9 each: a concept no
			// pair relates, a hedge, a denial) are weighed again on the
			// model's pairs and the claim's new flags (to the rounding of
			// the rules' two decimals).
			doubt := func(c lumen.Claim) float64 {
				return withPairs(1000, allRelated(c.Concepts, c.Relations), c.Hedged, c.Negated) / 1000
			}
			if !allRelated(wc.Concepts, wc.Relations) && allRelated(gc.Concepts, gc.Relations) {
				rescored++
			}
			if want := wc.Confidence / doubt(wc) * doubt(gc); math.Abs(gc.Confidence-want) > 0.008 {
				t.Errorf("Tag(%q) claim %d: confidence %v with the model, %v without (pairs %v, then %v)", c.text, i, gc.Confidence, wc.Confidence, wc.Relations, gc.Relations)
			}
			for _, r := range gc.Relations[kept:] {
				added++
				if !slices.Contains(gc.Concepts, r.Subject) || !slices.Contains(gc.Concepts, r.Object) {
					t.Errorf("Tag(%q): added pair %+v is not between the claim's concepts %v", c.text, r, gc.Concepts)
				}
				for _, w := range wc.Relations {
					if min(w.Subject, w.Object) == min(r.Subject, r.Object) && max(w.Subject, w.Object) == max(r.Subject, r.Object) {
						t.Errorf("Tag(%q): added pair %+v joins what the rules joined (pairs %v with the model, %v without)", c.text, r, gc.Relations, wc.Relations)
					}
				}
			}
		}
	}
	if added == 0 || dropped == 0 || rescored == 0 {
		t.Errorf("the pair model added %d pairs and dropped %d over the probes, and related every concept of %d claims; want some of each", added, dropped, rescored)
	}
	t.Logf("the pair model added %d pairs and dropped %d over the probes, and related every concept of %d claims", added, dropped, rescored)
}

// A claim with a concept that no pair relates is doubted (x0.9), as the
// rules read it (from a review of r109, whose check read the claim's
// concepts before they were set and so never doubted).
func TestConfidenceDoubtsUnrelatedConcepts(t *testing.T) {
	rules := mustRulesTagger(t)
	for _, tc := range []struct {
		text string
		want float64
	}{
		// a denial (0.95, 0.9), gut microbiome unrelated (0.9)
		{"Acne severity did not correlate with gut microbial diversity.", 0.62},
		// a verb with a direction; acne, a population, unrelated
		{"Probiotics lowered zonulin and IL-6 in patients with acne.", 0.9},
	} {
		res := rules.Tag(Document{Text: tc.text})
		if len(res.Claims) != 1 || res.Claims[0].Confidence != tc.want {
			t.Errorf("Tag(%q) claims %+v, want one with confidence %v", tc.text, res.Claims, tc.want)
		}
	}
}

// The taxonomy's pair model reads claims only in sentences the rules read
// as none (Result.Unclaimed), with pairs between their concepts, hedged as
// the rules read the sentence, and a confidence of at most 0.5; it reads
// some over the probes.
func TestLearnedClaimsOnlyWhereRulesReadNone(t *testing.T) {
	rules, full := mustRulesTagger(t), mustTagger(t)
	promoted := 0
	for _, c := range loadProbes(t, rules, "testdata/probes.txt") {
		want, got := rules.Tag(Document{Text: c.text}), full.Tag(Document{Text: c.text})
		if !slices.IsSortedFunc(got.Claims, func(a, b lumen.Claim) int { return a.Start - b.Start }) {
			t.Errorf("Tag(%q): claims out of text order", c.text)
		}
		for _, gc := range got.Claims {
			if slices.ContainsFunc(want.Claims, func(wc lumen.Claim) bool { return wc.Start == gc.Start }) {
				continue
			}
			promoted++
			i := slices.IndexFunc(want.Unclaimed, func(u lumen.Claim) bool { return u.Start == gc.Start && u.End == gc.End })
			if i < 0 {
				t.Errorf("Tag(%q): claim %q read by the model is in no sentence the rules read as none (%v)", c.text, gc.Text, want.Unclaimed)
				continue
			}
			u := want.Unclaimed[i]
			if len(gc.Relations) == 0 || gc.Confidence <= 0 || gc.Confidence > 0.5 || gc.Hedged != u.Hedged || gc.Evidence != want.Evidence || gc.ClaimEvidence != u.ClaimEvidence {
				t.Errorf("Tag(%q): claim read by the model %+v: want pairs, a confidence in (0, 0.5], hedged %v, evidence %q, claim evidence %q", c.text, gc, u.Hedged, want.Evidence, u.ClaimEvidence)
			}
			for _, r := range gc.Relations {
				if !slices.Contains(gc.Concepts, r.Subject) || !slices.Contains(gc.Concepts, r.Object) || r.Hedged != gc.Hedged || r.Negated != (r.Effect == lumen.RelationNoEffect) {
					t.Errorf("Tag(%q): pair %+v of a claim read by the model (concepts %v, hedged %v)", c.text, r, gc.Concepts, gc.Hedged)
				}
			}
		}
	}
	if promoted == 0 {
		t.Error("the pair model read no claim in any probe the rules read as none")
	}
	t.Logf("the pair model read %d claims where the rules read none", promoted)
}

// What the pair model reads in a sentence does not depend on the sentences
// after it, and a claim whose pairs the model changed is summarised by them
// (from a review of r106).
func TestLearnedReadingsFollowTheSentence(t *testing.T) {
	tg := mustTagger(t)
	trial := "In one small trial from Iran, adults with mild-to-moderate psoriasis who took curcumin capsules alongside their steroid cream saw their PASI scores fall further than those given placebo capsules. Another trial found that a turmeric gel rubbed onto psoriasis plaques did no better than the plain gel it was compared with."
	alone := tg.Tag(Document{Text: trial, Kind: lumen.ArticleWeb})
	followed := tg.Tag(Document{Text: trial + " Turmeric may also work from the inside out, by feeding gut bacteria that produce butyrate.", Kind: lumen.ArticleWeb})
	for _, a := range alone.Claims {
		i := slices.IndexFunc(followed.Claims, func(f lumen.Claim) bool { return f.Start == a.Start })
		if i < 0 || followed.Claims[i].ClaimEvidence != a.ClaimEvidence || !slices.Equal(followed.Claims[i].Relations, a.Relations) {
			t.Errorf("claim %q reads otherwise when a sentence follows it: %+v, then %+v", a.Text, a, followed.Claims[max(i, 0)])
		}
	}
	for _, text := range []string{
		"We did not, however, see a rise in microbial diversity with the fermented-food diet, perhaps because many participants already ate yoghurt or kefir regularly before enrolment.",
		"In acne, omega-3 supplementation led to a reduction in inflammatory lesion counts (SMD -0.51, 95% CI -0.89 to -0.13) but had no effect on comedones.",
		"Probiotics may modestly improve the tolerability of oral antibiotics, but current trials do not show a reliable gain in efficacy against acne.",
	} {
		checkResult(t, tg, Document{Text: text}, tg.Tag(Document{Text: text}))
	}
}

// A taxonomy whose pair model cannot be read or used builds no tagger.
func TestBadPairModel(t *testing.T) {
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"{", `{"version": "v", "threshold": 2, "add": {"bias": 1}, "effect": [{}, {}, {}, {}]}`} {
		tax.PairModel = []byte(m)
		if _, err := New(tax); err == nil || !strings.Contains(err.Error(), "pair model") {
			t.Errorf("New with pair model %q: %v, want an error about the pair model", m, err)
		}
	}
}
