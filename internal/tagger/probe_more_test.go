package tagger

import "testing"

// TestMoreProbes adds probes for denied relations worded without "not",
// hedges, methods worded as passives and plain relations.
func TestMoreProbes(t *testing.T) {
	tg := mustTagger(t)
	C := true
	tests := []probe{
		{"Probiotic supplementation did not result in a significant reduction in acne lesions.", C, true, false},
		{"No reduction in eczema severity was seen with probiotics.", C, true, false},
		{"Psoriasis patients did not have higher intestinal permeability than controls.", C, true, false},
		{"The association between stress and acne was not significant.", C, true, false},
		{"Stress was unrelated to acne.", C, true, false},
		{"Acne severity did not correlate with gut microbial diversity.", C, true, false},
		{"Eczema risk was not reduced by probiotics.", C, true, false},
		{"Rosacea patients showed no increase in SIBO prevalence.", C, true, false},
		{"Probiotics had a negligible effect on acne.", C, true, false},
		{"Probiotics were ineffective against eczema.", C, true, false},
		{"We observed no benefit of probiotics in psoriasis.", C, true, false},
		{"Results do not support a role for probiotics in acne treatment.", C, true, false},
		{"Probiotics could potentially benefit acne.", C, false, true},
		{"Stress may be linked to psoriasis.", C, false, true},
		{"Our results indicate a possible association between SIBO and rosacea.", C, false, true},
		{"Dysbiosis is hypothesized to drive eczema.", C, false, true},
		{"These data raise the possibility that fiber protects against psoriasis.", C, false, true},
		{"Probiotics are thought to improve the skin barrier.", C, false, true},
		{"Sugar appears to worsen acne.", C, false, true},
		{"Psoriasis was characterized by gut dysbiosis.", C, false, false},
		{"The gut microbiome of acne patients was characterized.", false, false, false},
		{"Fecal samples from patients with psoriasis were sequenced.", false, false, false},
		{"Participants with eczema completed a food frequency questionnaire about probiotic intake.", false, false, false},
		{"Probiotic use was recorded for all patients with acne.", false, false, false},
		{"Patients with rosacea were asked about their sugar intake.", false, false, false},
		{"Is there a link between leaky gut and eczema?", false, false, false},
		{"This article explains how probiotics may help eczema.", false, false, false},
		{"Acne patients were given zinc supplements for eight weeks.", false, false, false},
		{"Probiotics improved acne and reduced inflammation.", C, false, false},
		{"In mice, a high-fat diet disrupted the gut microbiota and worsened psoriasis-like dermatitis.", C, false, false},
		{"Eczema was less common among infants whose mothers took probiotics.", C, false, false},
		{"Antibiotic use doubled the risk of rosacea.", C, false, false},
		{"Higher fiber intake was associated with lower acne severity.", C, false, false},
		{"Stress management reduced eczema flares.", C, false, false},
		{"Vitamin D supplementation improved psoriasis.", C, false, false},
	}
	for _, tt := range tests {
		res := tg.Tag(Document{Text: tt.text})
		got := probe{text: tt.text}
		if len(res.Claims) > 0 {
			c := res.Claims[0]
			got.claim, got.negated, got.hedged = true, c.Negated, c.Hedged
		}
		if got != tt {
			t.Errorf("Tag(%q) = claim %v negated %v hedged %v, want %v %v %v (concepts %v)",
				tt.text, got.claim, got.negated, got.hedged, tt.claim, tt.negated, tt.hedged, res.Concepts)
		}
	}
}
