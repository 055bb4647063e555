package tagger

import (
	"slices"
	"sync"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
)

var (
	sharedOnce   sync.Once
	sharedTagger *Tagger
	sharedErr    error
)

// mustTagger returns a tagger over the built-in taxonomy, built once per
// test binary.
func mustTagger(tb testing.TB) *Tagger {
	tb.Helper()
	sharedOnce.Do(func() {
		tax, err := config.DefaultTaxonomy()
		if err != nil {
			sharedErr = err
			return
		}
		sharedTagger, sharedErr = New(tax)
	})
	if sharedErr != nil {
		tb.Fatal(sharedErr)
	}
	return sharedTagger
}

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

// checkConcepts tags each text as a document of its own and compares the
// concepts mentioned (in any order) with want.
func checkConcepts(t *testing.T, tg *Tagger, tests []struct {
	text string
	want []string
}) {
	t.Helper()
	for _, tt := range tests {
		got := concepts(tg.Tag(Document{Text: tt.text}).Mentions)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Tag(%q) concepts = %v, want %v", tt.text, got, want)
		}
	}
}

func TestMentions(t *testing.T) {
	tg := mustTagger(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Acne vulgaris is common.", []string{"condition/acne"}},
		{"Psoriatic lesions and eczematous skin.", []string{"condition/atopic-dermatitis", "condition/psoriasis"}},
		{"She had breakouts and pimples.", []string{"condition/acne"}},
		{"A leaky gut lets endotoxins through.", []string{"mechanism/endotoxemia", "mechanism/intestinal-permeability"}},
		{"Lactobacillus rhamnosus GG supplementation", []string{"intervention/probiotics"}},
		{"The gut–brain axis and the Gut-Brain Axis.", []string{"mechanism/gut-brain-axis"}},
		{"Pro-inflammatory and proinflammatory cytokines", []string{"mechanism/systemic-inflammation"}},
		{"TNF-α and IL-1β levels", []string{"mechanism/systemic-inflammation"}},
		{"Séborrhéic dermatitis? No: seborrhoeic dermatitis.", []string{"condition/seborrheic-dermatitis"}},
		{"the skin’s barrier and the skin's barrier", []string{"mechanism/skin-barrier"}},
		{"Oxidative stress in cells.", nil},
		{"Psychological stress worsens acne.", []string{"condition/acne", "mechanism/gut-brain-axis"}},
		{"nerve fibers and muscle fibre", nil},
		{"a diet rich in fiber", []string{"intervention/dietary-fiber"}},
		{"blood sugar was measured", nil},
		{"the oral microbiota", nil},
		{"the vaginal microbiome", nil},
		{"the microbiota of the skin", []string{"mechanism/skin-microbiome"}},
		{"the skin microbiome", []string{"mechanism/skin-microbiome"}},
		{"the gut microbiota", []string{"mechanism/gut-microbiome"}},
		{"lps and Lps are not LPS", []string{"mechanism/endotoxemia"}},
		{"serum insulin", []string{"mechanism/hormonal-balance"}},
		{"facial serums", []string{"intervention/topical-skincare"}},
		{"AD was common.", nil},
		{"Atopic dermatitis (AD) is common. AD patients itch.", []string{"condition/atopic-dermatitis"}},
		{"Alzheimer's disease (AD) is common. AD patients forget.", nil},
		{"the gut microbiota (GM) matters; GM changes", []string{"mechanism/gut-microbiome"}},
		{"bacteria in the gut", []string{"mechanism/gut-microbiome"}},
		{"bacteria in the soil", nil},
		{"isolates were susceptible to all antibiotics tested", nil},
		{"antibiotic use in infancy", []string{"intervention/antibiotics"}},
		{"increased Lactobacillus abundance in feces", []string{"mechanism/gut-microbiome"}},
		{"oral Lactobacillus plantarum supplementation", []string{"intervention/probiotics"}},
		{"An imbalanced gut microbiome", []string{"mechanism/dysbiosis", "mechanism/gut-microbiome"}},
		{"toxins enter the bloodstream", []string{"mechanism/endotoxemia"}},
		{"microbial diversity", []string{"mechanism/microbial-diversity"}},
		{"a diverse gut microbiome", []string{"mechanism/gut-microbiome", "mechanism/microbial-diversity"}},
		{"how gut health affects the skin", []string{"condition/skin-health"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := concepts(tg.Tag(Document{Text: tt.text}).Mentions)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tag(%q) concepts = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestClaims(t *testing.T) {
	tg := mustTagger(t)
	type want struct {
		claim, negated, hedged bool
		relation               string
	}
	tests := []struct {
		text string
		want want
	}{
		{"Probiotics reduced acne severity.", want{true, false, false, lumen.RelationDecreases}},
		{"Probiotics did not reduce acne severity.", want{true, true, false, lumen.RelationNoEffect}},
		{"Probiotics reduced acne, but not eczema.", want{true, false, false, lumen.RelationDecreases}},
		{"There was no significant difference in acne between the probiotic and placebo groups.", want{true, true, false, lumen.RelationNoEffect}},
		{"Rates of eczema were similar in the probiotic and placebo groups.", want{true, true, false, lumen.RelationNoEffect}},
		{"No association was found between antibiotic use and psoriasis.", want{true, true, false, lumen.RelationNoEffect}},
		{"Probiotic supplementation failed to improve eczema.", want{true, true, false, lumen.RelationNoEffect}},
		{"Neither probiotics nor prebiotics reduced eczema risk.", want{true, true, false, lumen.RelationNoEffect}},
		{"Probiotics may improve acne.", want{true, false, true, lumen.RelationDecreases}},
		{"These results suggest that gut dysbiosis contributes to psoriasis.", want{true, false, true, lumen.RelationIncreases}},
		{"Stress is thought to worsen rosacea.", want{true, false, true, lumen.RelationIncreases}},
		{"Gut dysbiosis is linked to acne.", want{true, false, false, lumen.RelationAssociated}},
		{"Studies have found that dysbiosis is linked to eczema.", want{true, false, false, lumen.RelationAssociated}},
		{"Probiotics are not only good for the gut but also improve eczema.", want{true, false, false, lumen.RelationDecreases}},
		{"We investigated whether probiotics reduce acne.", want{}},
		{"Does the gut microbiome influence psoriasis?", want{}},
		{"Patients with acne were randomized to probiotics or placebo.", want{}},
		{"The aim of this study was to evaluate the effect of probiotics on eczema.", want{}},
		{"Acne and psoriasis are common skin diseases.", want{}},
		{"Probiotics and acne", want{}},
		{"AD patients received probiotics.", want{}},
	}
	for _, tt := range tests {
		res := tg.Tag(Document{Text: tt.text})
		var got want
		if len(res.Claims) > 0 {
			c := res.Claims[0]
			got = want{true, c.Negated, c.Hedged, c.Relation}
		}
		if got != tt.want {
			t.Errorf("Tag(%q) claim = %+v, want %+v (concepts %v)", tt.text, got, tt.want, res.Concepts)
		}
	}
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
	if n != 2 { // "Chronic insomnia" is not a synonym; "insomnia" and the one real use of CI
		t.Errorf("Tag(%q) sleep mentions = %d, want 2: %v", text, n, res.Mentions)
	}
}
