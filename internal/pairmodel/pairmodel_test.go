package pairmodel

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
)

// claim builds a claim over text with mentions at the first occurrence of
// each phrase.
func claim(text string, rels []lumen.Relation, ments ...[2]string) *lumen.Claim {
	c := &lumen.Claim{Start: 100, End: 100 + len(text), Text: text, Relations: rels, Relation: lumen.RelationDecreases}
	for _, m := range ments {
		i := strings.Index(text, m[1])
		c.Mentions = append(c.Mentions, lumen.Mention{Concept: m[0], Start: 100 + i, End: 100 + i + len(m[1]), Text: m[1]})
	}
	return c
}

var sample = claim("Probiotics reduced gut inflammation and eased acne in the trial.",
	[]lumen.Relation{{Subject: "intervention/probiotics", Object: "mechanism/systemic-inflammation", Effect: lumen.RelationDecreases}},
	[2]string{"intervention/probiotics", "Probiotics"},
	[2]string{"mechanism/systemic-inflammation", "gut inflammation"},
	[2]string{"condition/acne", "acne"})

func TestCandidates(t *testing.T) {
	got := Candidates(sample)
	want := []Pair{{"condition/acne", "intervention/probiotics"}, {"condition/acne", "mechanism/systemic-inflammation"}}
	if !slices.Equal(got, want) {
		t.Errorf("Candidates = %v, want %v (the pair the rules gave is no candidate)", got, want)
	}
}

func TestFeaturesReadBetweenTheMentions(t *testing.T) {
	f := Features(sample, "intervention/probiotics", "condition/acne")
	for _, want := range []string{"kp=intervention_condition", "cc=condition/acne|intervention/probiotics", "bw=eased", "has=and", "pre1=", "post1=in", "ap=1_bp=0", "rel=decreases"} {
		if want == "pre1=" {
			if slices.ContainsFunc(f, func(s string) bool { return strings.HasPrefix(s, "pre1=") }) {
				t.Errorf("features %v: a word before the first mention, which opens the sentence", f)
			}
			continue
		}
		if !slices.Contains(f, want) {
			t.Errorf("features lack %q: %v", want, f)
		}
	}
	if Features(sample, "intervention/probiotics", "condition/psoriasis") != nil {
		t.Error("features of a concept the claim does not mention")
	}
}

// The effect features say whether a contrast stands between the other
// concept of a pair sharing one with this one, and this one's: "did not
// reduce Y but lowered Z".
func TestEffectFeaturesContrast(t *testing.T) {
	denied := []lumen.Relation{{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationNoEffect, Negated: true}}
	for _, tc := range []struct {
		text, want string
	}{
		{"Probiotics did not reduce acne but lowered gut inflammation.", "share_no_effect_neg=true_contrast=true"},
		{"Probiotics did not reduce acne or gut inflammation.", "share_no_effect_neg=true_contrast=false"},
	} {
		c := claim(tc.text, denied,
			[2]string{"intervention/probiotics", "Probiotics"},
			[2]string{"condition/acne", "acne"},
			[2]string{"mechanism/systemic-inflammation", "gut inflammation"})
		if f := EffectFeatures(c, "intervention/probiotics", "mechanism/systemic-inflammation"); !slices.Contains(f, tc.want) {
			t.Errorf("EffectFeatures(%q) lack %q: %v", tc.text, tc.want, f)
		}
	}
}

// A model that adds the probiotics-acne pair (and no other) adds it,
// oriented from the intervention, with the classifier's effect and the
// claim's flags.
func TestReadAdds(t *testing.T) {
	c := *sample
	c.Relations = slices.Clone(sample.Relations)
	c.Hedged = true
	m := &Model{Threshold: 0.5, Add: Weights{"bias": -5, "cc=condition/acne|intervention/probiotics": 10},
		Effect: []Weights{{"bias": -1}, {"bias": 1}, {"bias": -1}, {"bias": -1}}}
	before := len(c.Relations)
	if m.Read(&c); len(c.Relations)-before != 1 {
		t.Fatalf("Read added %d pairs (%v), want 1", len(c.Relations)-before, c.Relations)
	}
	got := c.Relations[len(c.Relations)-1]
	want := lumen.Relation{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases, Hedged: true}
	if got != want {
		t.Errorf("added %+v, want %+v", got, want)
	}
	before = len(c.Relations)
	if m.Read(&c); len(c.Relations) != before {
		t.Errorf("Read again added %d pairs: a pair once added is no candidate", len(c.Relations)-before)
	}
}

// Train separates a separable set, and gives the same weights for the same
// examples and options.
func TestTrain(t *testing.T) {
	var ex []Example
	for i := range 200 {
		pos := i%3 == 0
		f := []string{"bias", "noise=" + string(rune('a'+i%7))}
		if pos {
			f = append(f, "cue")
		}
		ex = append(ex, Example{Features: f, Positive: pos})
	}
	w := Train(ex, TrainOptions{Seed: 3})
	for _, e := range ex {
		if p := w.Prob(e.Features); (p >= 0.5) != e.Positive {
			t.Fatalf("p(%v) = %.2f, want the example's side of 0.5", e.Features, p)
		}
	}
	w2 := Train(ex, TrainOptions{Seed: 3})
	for k, v := range w {
		if w2[k] != v {
			t.Fatalf("weight %s: %v then %v for the same training", k, v, w2[k])
		}
	}
}

// Read adds pairs and, when the model says so, renames the effect of the
// rules' pairs that are not denied; a denied one stays as it is.
func TestReadRelabels(t *testing.T) {
	c := *sample
	c.Relations = []lumen.Relation{
		{Subject: "intervention/probiotics", Object: "mechanism/systemic-inflammation", Effect: lumen.RelationDecreases},
		{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationNoEffect, Negated: true},
	}
	m := &Model{Version: "t", Threshold: 0.5, Add: Weights{"bias": -5},
		Effect: []Weights{{"bias": -1}, {"bias": -1}, {"bias": 1}, {"bias": 2}}, RelabelRules: true}
	if err := m.Check(); err != nil {
		t.Fatal(err)
	}
	if !m.Read(&c) {
		t.Fatal("Read changed nothing")
	}
	want := []lumen.Relation{
		{Subject: "intervention/probiotics", Object: "mechanism/systemic-inflammation", Effect: lumen.RelationAssociated},
		{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationNoEffect, Negated: true},
	}
	if !slices.Equal(c.Relations, want) {
		t.Errorf("Read: %+v, want %+v (no_effect is never a renamed effect)", c.Relations, want)
	}
	c.Relations[0].Effect = lumen.RelationDecreases
	m.RelabelMargin = 0.5 // associated 0.73 against decreases 0.27
	if m.Read(&c) {
		t.Errorf("Read renamed an effect by less than the margin: %+v", c.Relations)
	}
	m.RelabelMargin = 0.4
	if !m.Read(&c) || c.Relations[0].Effect != lumen.RelationAssociated {
		t.Errorf("Read did not rename an effect by more than the margin: %+v", c.Relations)
	}
	m.RelabelRules, m.RelabelMargin = false, 0
	c.Relations[0].Effect = lumen.RelationDecreases
	if m.Read(&c) {
		t.Errorf("Read without RelabelRules changed the rules' pairs: %+v", c.Relations)
	}
}

// Read drops the rules' pairs the keep model is nearly sure of, and reads
// the claim for its additions as the rules left it.
func TestReadDrops(t *testing.T) {
	c := *sample
	c.Relations = []lumen.Relation{
		{Subject: "intervention/probiotics", Object: "mechanism/systemic-inflammation", Effect: lumen.RelationDecreases},
		{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases},
	}
	m := &Model{Version: "t", Threshold: 0.5, Add: Weights{"bias": -5, "ap=1_bp=1": 10},
		Effect: []Weights{{"bias": -1}, {"bias": 1}, {"bias": -1}, {"bias": -1}},
		Keep:   Weights{"bias": 3, "cc=condition/acne|intervention/probiotics": -6}, KeepThreshold: 0.2}
	if err := m.Check(); err != nil {
		t.Fatal(err)
	}
	if !m.Read(&c) {
		t.Fatal("Read changed nothing")
	}
	want := []lumen.Relation{
		{Subject: "intervention/probiotics", Object: "mechanism/systemic-inflammation", Effect: lumen.RelationDecreases},
		{Subject: "mechanism/systemic-inflammation", Object: "condition/acne", Effect: lumen.RelationDecreases},
	}
	if !slices.Equal(c.Relations, want) {
		t.Errorf("Read: %+v, want %+v (the probiotics-acne pair dropped; the pair between their partners added as the rules left the claim)", c.Relations, want)
	}

	// Every rule pair below the threshold and none added: the one the
	// model doubts least stays.
	c.Relations = []lumen.Relation{
		{Subject: "intervention/probiotics", Object: "mechanism/systemic-inflammation", Effect: lumen.RelationDecreases},
		{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases},
	}
	m.Add = Weights{"bias": -5}
	m.Keep = Weights{"bias": -3, "cc=condition/acne|intervention/probiotics": 1}
	m.Read(&c)
	if want := []lumen.Relation{{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases}}; !slices.Equal(c.Relations, want) {
		t.Errorf("Read dropping every pair: %+v, want %+v", c.Relations, want)
	}

	// An undenied claim whose only undenied pair the model would drop
	// keeps it: the drops never turn the rules' reading.
	c.Relations = []lumen.Relation{
		{Subject: "intervention/probiotics", Object: "mechanism/systemic-inflammation", Effect: lumen.RelationDecreases},
		{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationNoEffect, Negated: true},
	}
	m.Keep = Weights{"bias": -3, "cc=condition/acne|intervention/probiotics": 6}
	m.Read(&c)
	if want := []lumen.Relation{
		{Subject: "intervention/probiotics", Object: "mechanism/systemic-inflammation", Effect: lumen.RelationDecreases},
		{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationNoEffect, Negated: true},
	}; !slices.Equal(c.Relations, want) {
		t.Errorf("Read dropping the only undenied pair: %+v, want %+v", c.Relations, want)
	}
}

// ReadUnclaimed sets the pairs a sentence the rules read as no claim
// claims, hedged as the sentence, and returns their highest probability;
// without weights it reads none.
func TestReadUnclaimed(t *testing.T) {
	c := *sample
	c.Relations, c.Hedged = nil, true
	m := &Model{Version: "t", Threshold: 0.5, Add: Weights{"bias": 1},
		Effect:  []Weights{{"bias": -1}, {"bias": 1}, {"bias": -1}, {"bias": -1}},
		Promote: Weights{"bias": -3, "cc=condition/acne|intervention/probiotics": 4}, PromoteThreshold: 0.5}
	if err := m.Check(); err != nil {
		t.Fatal(err)
	}
	if p := m.ReadUnclaimed(&c); math.Abs(p-0.731) > 0.001 {
		t.Errorf("ReadUnclaimed = %.3f, want 0.731", p)
	}
	want := []lumen.Relation{{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases, Hedged: true}}
	if !slices.Equal(c.Relations, want) {
		t.Errorf("ReadUnclaimed pairs %+v, want %+v", c.Relations, want)
	}
	m.Promote = nil
	c.Relations = nil
	if p := m.ReadUnclaimed(&c); p != 0 || c.Relations != nil {
		t.Errorf("ReadUnclaimed with no weights = %v, %+v; want 0 and no pairs", p, c.Relations)
	}
}

// Decode checks the model and decodes the same bytes once.
func TestDecode(t *testing.T) {
	a := []byte(`{"version": "a", "threshold": 0.5, "add": {"bias": 1}, "effect": [{}, {}, {}, {}]}`)
	b := []byte(`{"version": "b", "threshold": 0.5, "add": {"bias": 1}, "effect": [{}, {}, {}, {}]}`)
	ma, err := Decode(a)
	if err != nil || ma.Version != "a" {
		t.Fatalf("Decode(a) = %+v, %v", ma, err)
	}
	if again, _ := Decode(slices.Clone(a)); again != ma {
		t.Error("Decode of the same bytes again gave another model")
	}
	if mb, err := Decode(b); err != nil || mb == ma || mb.Version != "b" {
		t.Errorf("Decode(b) = %+v, %v; want model b", mb, err)
	}
	for _, bad := range []string{`{"version": "c"`, `{"version": "c", "threshold": 0.5}`} {
		if m, err := Decode([]byte(bad)); err == nil {
			t.Errorf("Decode(%s) = %+v, want an error", bad, m)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, m := range []Model{
		{Threshold: 0.5, Add: Weights{"a": 1}, Effect: make([]Weights, 4)},
		{Version: "v", Threshold: 0, Add: Weights{"a": 1}, Effect: make([]Weights, 4)},
		{Version: "v", Threshold: 0.5, Effect: make([]Weights, 4)},
		{Version: "v", Threshold: 0.5, Add: Weights{"a": 1}, Effect: make([]Weights, 3)},
		{Version: "v", Threshold: 0.5, Add: Weights{"a": 1}, Effect: make([]Weights, 4), Keep: Weights{"a": 1}},
		{Version: "v", Threshold: 0.5, Add: Weights{"a": 1}, Effect: make([]Weights, 4), RelabelMargin: -0.1},
		{Version: "v", Threshold: 0.5, Add: Weights{"a": 1}, Effect: make([]Weights, 4), Promote: Weights{"a": 1}},
		{Version: "v", Threshold: 0.5, Add: Weights{"a": 1}, Effect: make([]Weights, 4), Keep: Weights{"a": 1}, KeepThreshold: 1},
	} {
		if m.Check() == nil {
			t.Errorf("Check(%+v) = nil, want an error", m)
		}
	}
}
