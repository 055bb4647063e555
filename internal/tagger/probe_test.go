package tagger

import (
	"testing"
)

// probe is a short sentence and what a reader would say about it.
type probe struct {
	text                   string
	claim, negated, hedged bool
}

// TestProbes checks negation, hedging and near misses on short sentences
// written for the purpose (not taken from the dev set).
func TestProbes(t *testing.T) {
	tg := mustTagger(t)
	C, N, H := true, true, true
	_ = N
	_ = H
	tests := []probe{
		// Negation.
		{"Probiotic supplementation did not improve atopic dermatitis.", C, true, false},
		{"Antibiotic use was not associated with acne.", C, true, false},
		{"There was no association between gut dysbiosis and psoriasis.", C, true, false},
		{"No significant differences in eczema severity were observed between the probiotic and placebo groups.", C, true, false},
		{"Fiber intake had no effect on skin hydration.", C, true, false},
		{"Neither prebiotics nor synbiotics reduced the incidence of eczema.", C, true, false},
		{"Probiotics failed to prevent atopic dermatitis in high-risk infants.", C, true, false},
		{"Acne rates were similar in patients taking probiotics and those taking placebo.", C, true, false},
		{"We found no evidence that sugar worsens acne.", C, true, false},
		{"Lactobacillus supplementation did not alter the gut microbiota composition.", C, true, false},
		{"Zinc supplementation showed no benefit for acne.", C, true, false},
		{"The gut microbiome was not different between rosacea patients and controls.", C, true, false},
		{"Psoriasis was not linked to intestinal permeability.", C, true, false},
		{"Stress did not worsen eczema symptoms.", C, true, false},
		{"No relationship was found between vitamin D supplementation and psoriasis severity.", C, true, false},
		{"None of the probiotic strains reduced eczema.", C, true, false},
		{"Acne did not improve after antibiotic treatment.", C, true, false},
		{"Probiotics are not effective for treating eczema.", C, true, false},
		{"Probiotic use was not significantly associated with eczema risk.", C, true, false},
		{"An association between rosacea and SIBO was not observed.", C, true, false},
		{"Probiotics don't reduce acne.", C, true, false},
		{"Dysbiosis wasn’t linked to psoriasis.", C, true, false},
		{"Unlike antibiotics, probiotics did not disrupt the gut microbiome.", C, true, false},
		{"The reduction in acne lesions with probiotics was not statistically significant.", C, true, false},
		{"Probiotic supplementation had no significant effect on eczema severity.", C, true, false},
		{"Probiotics were no better than placebo at reducing eczema.", C, true, false},
		{"Probiotics were not superior to placebo for eczema.", C, true, false},
		{"There were no differences in rosacea severity between the probiotic and control groups.", C, true, false},
		{"Antibiotic exposure in infancy was not a risk factor for eczema.", C, true, false},
		{"Sleep deprivation did not affect skin barrier function.", C, true, false},
		{"Probiotics cannot cure eczema.", C, true, false},
		{"Probiotics might not help eczema.", C, true, true},
		{"Probiotics did not significantly reduce acne, but they improved skin hydration.", C, true, false},
		// Negation words that deny nothing.
		{"Probiotics reduced acne lesions, but not eczema.", C, false, false},
		{"Probiotics reduced eczema severity without affecting the gut microbiome.", C, false, false},
		{"Not only did probiotics reduce acne, they also improved skin hydration.", C, false, false},
		{"There is no doubt that stress worsens psoriasis.", C, false, false},
		{"Probiotics are not just good for digestion; they also improve eczema.", C, false, false},
		{"Although antibiotics are not always prescribed, they clearly reduce acne.", C, false, false},
		// Hedging.
		{"Probiotics may reduce acne severity.", C, false, true},
		{"Gut dysbiosis might contribute to rosacea.", C, false, true},
		{"Dietary fiber could improve skin health.", C, false, true},
		{"These findings suggest that the gut microbiome influences psoriasis.", C, false, true},
		{"Stress is thought to trigger eczema flares.", C, false, true},
		{"Probiotics potentially alleviate atopic dermatitis.", C, false, true},
		{"Preliminary evidence links leaky gut to acne.", C, false, true},
		{"SIBO appears to be associated with rosacea.", C, false, true},
		{"It is likely that dysbiosis contributes to psoriasis.", C, false, true},
		{"Probiotics are a promising treatment for eczema.", C, false, true},
		{"Omega-3 fatty acids possibly reduce skin inflammation.", C, false, true},
		{"Probiotic supplementation is believed to strengthen the skin barrier.", C, false, true},
		{"The gut microbiome seems to play a role in acne.", C, false, true},
		{"Antibiotics may not improve rosacea.", C, true, true},
		{"It remains unclear whether probiotics prevent eczema.", C, false, true},
		{"We hypothesize that butyrate protects against eczema.", C, false, true},
		{"Probiotics reportedly reduce acne.", C, false, true},
		{"Probiotics are hypothesized to reduce acne.", C, false, true},
		{"Probiotics are associated with a lower risk of eczema, suggesting a protective effect.", C, false, true},
		{"It is unlikely that probiotics prevent acne.", C, false, true},
		// Definite statements are not hedged.
		{"Probiotics can reduce acne.", C, false, false},
		{"Probiotics often improve eczema.", C, false, false},
		{"Children with eczema tend to have less microbial diversity.", C, false, false},
		{"Studies have shown that probiotics improve eczema.", C, false, false},
		{"Probiotics reduced acne lesions (p < 0.05).", C, false, false},
		{"Patients with SIBO were more likely to have rosacea.", C, false, false},
		{"Stress worsens psoriasis.", C, false, false},
		{"A high-sugar diet is linked to acne.", C, false, false},
		{"Leaky gut allows endotoxins to enter the bloodstream and trigger psoriasis flares.", C, false, false},
		{"Our data indicate that probiotics reduce eczema.", C, false, false},
		{"Acne improved in the probiotic group but not in the placebo group.", C, false, false},
		{"Probiotics improved inflammatory acne lesions.", C, false, false},
		// Near misses: aims, questions, methods, one kind, undefined short forms.
		{"We investigated whether probiotics reduce acne.", false, false, false},
		{"The aim was to assess the effect of probiotics on eczema.", false, false, false},
		{"Does stress worsen psoriasis?", false, false, false},
		{"Patients with acne received probiotics for 12 weeks.", false, false, false},
		{"Acne severity was assessed before and after probiotic treatment.", false, false, false},
		{"Probiotics are live microorganisms.", false, false, false},
		{"Acne and rosacea are common skin conditions.", false, false, false},
		{"Fifty patients with psoriasis provided stool samples for gut microbiome analysis.", false, false, false},
		{"Blood samples were collected to measure IL-6 in patients with rosacea.", false, false, false},
		{"Oxidative stress is increased in acne.", false, false, false},
		{"AD patients received probiotics and improved.", false, false, false},
		{"Probiotics and acne: a review.", false, false, false},
		{"The effect of probiotics on acne was evaluated in a randomized trial.", false, false, false},
		{"Patients were randomized to receive probiotics or placebo, and eczema severity was recorded.", false, false, false},
		{"In this review, we discuss the role of the gut microbiome in acne.", false, false, false},
		{"Future studies should examine whether probiotics prevent rosacea.", false, false, false},
		{"Acne is a chronic inflammatory disease of the pilosebaceous unit.", false, false, false},
		{"The gut microbiome of patients with psoriasis was analyzed by 16S rRNA sequencing.", false, false, false},
		{"This study tests the hypothesis that sugar intake is related to acne.", false, false, false},
		{"To determine whether probiotics improve eczema, we conducted a trial.", false, false, false},
		{"Effects of probiotics on acne: a randomized controlled trial.", false, false, false},
		{"No adverse effects were reported with probiotic use in eczema patients.", false, false, false},
		{"Probiotics have been studied in acne.", false, false, false},
		{"The role of the gut microbiome in acne remains unknown.", false, false, false},
		{"Probiotics were well tolerated by patients with psoriasis.", false, false, false},
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
