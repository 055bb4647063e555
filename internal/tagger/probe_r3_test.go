package tagger

import (
	"slices"
	"testing"
)

// The probes of this file were written for rules r3 after the tagger was
// scored on an independent held-out set: they illustrate the kinds of
// errors it made there (negation scope, lay relation wording, mechanisms
// worded without their technical names, taxa given or counted, symptoms,
// lay interventions, short forms defined earlier in a document), in wording
// of our own, not the held-out sentences.

// TestProbesNegationScope checks negators that do not deny the stated
// relation and denials worded without a plain "not".
func TestProbesNegationScope(t *testing.T) {
	tg := mustTagger(t)
	C := true
	tests := []probe{
		// Negation words that affirm or deny something else.
		{"Kefir not only nourishes gut bacteria but also soothes eczema.", C, false, false},
		{"The synbiotic was non-inferior to topical steroids for atopic dermatitis.", C, false, false},
		{"Probiotic yogurt proved not inferior to standard creams in clearing acne.", C, false, false},
		{"Oral zinc was no less effective than doxycycline against acne.", C, false, false},
		{"Infants exposed to antibiotics were no less likely to develop eczema.", C, false, false},
		{"It is not the case that sugar has no effect on acne.", C, false, false},
		{"It's simply not true that probiotics do nothing for eczema.", C, false, false},
		{"Sleep well, eat fibre and don't skip meals to support your gut bacteria.", C, false, false},
		{"Eat more vegetables, limit sugar and do not smoke to keep rosacea under control.", C, false, false},
		{"No pill will fix rosacea in a week, but cutting sugar can calm the redness.", C, false, false},
		{"No cream works overnight; still, probiotics improved acne in two trials.", C, false, false},
		{"Antibiotics, not diet, cleared his rosacea.", C, false, false},
		{"Probiotics rather than antibiotics reduced the acne.", C, false, false},
		// Denials worded without a plain "not" next to the relation.
		{"None of the 25 volunteers with acne saw fewer breakouts after taking zinc.", C, true, false},
		{"None of the children with eczema improved on the probiotic.", C, true, false},
		{"Not one of the patients with rosacea got better on the antibiotic.", C, true, false},
		{"Cutting out eggs, not probiotics, cleared my acne.", C, true, false},
		{"It was avoiding eggs rather than taking probiotics that settled her eczema.", C, true, false},
		{"Cutting out dairy, not probiotics, cleared my acne.", C, false, false},
		{"Don't expect probiotics to clear your acne overnight.", C, true, false},
		{"Stress can make psoriasis worse, not better.", C, false, false},
		{"Don't forget that fibre feeds your gut bacteria.", C, false, false},
		{"It's no coincidence that stress worsens acne.", C, false, false},
		{"Patients who did not take probiotics had more eczema.", C, false, false},
		{"Children not given antibiotics had fewer eczema flares.", C, false, false},
		{"Patients who did not take probiotics did not improve their eczema.", C, true, false},
		{"The reduction in acne with zinc did not reach statistical significance.", C, true, false},
		{"Probiotics aren't a miracle cure for acne, but they may help.", C, false, true},
		{"The cream did nothing for her rosacea.", C, true, false},
		{"Zinc tablets did absolutely nothing for my spots.", C, true, false},
		{"Probiotics don't do anything for acne.", C, true, false},
		{"It is a myth that chocolate or sugar causes acne.", C, true, false},
		// Possibility is not denial; a hedge word in a plain result is not a hedge.
		{"A contribution of SIBO to rosacea cannot be excluded.", C, false, true},
		{"We cannot rule out that antibiotics worsened the eczema.", C, false, true},
		{"An effect of stress on psoriasis could not be ruled out.", C, false, true},
		{"A role for SIBO in rosacea cannot be ruled out.", C, false, true},
		{"Contrary to our hypothesis, zonulin was not elevated in patients with acne.", C, true, false},
		{"As hypothesised, butyrate levels were lower in psoriasis.", C, false, false},
		{"Eczema rates did not fall with probiotics, contrary to what we had expected.", C, true, false},
	}
	checkProbes(t, tg, tests)
}

// TestProbesLayRelations checks relations worded in lay, idiomatic,
// attributed, comparative and headline form.
func TestProbesLayRelations(t *testing.T) {
	tg := mustTagger(t)
	C := true
	tests := []probe{
		{"Your gut bacteria can make or break your complexion.", C, false, false},
		{"Scientists say gut microbes hold the key to clearer skin.", C, false, false},
		{"Whole grains feed the friendly bacteria in your gut.", C, false, false},
		{"Gut microbes ferment fibre into short-chain fatty acids.", C, false, false},
		{"Your gut bacteria convert fibre into butyrate.", C, false, false},
		{"Colloidal oatmeal cream helps calm eczema flare-ups.", C, false, false},
		{"Omega-3s ease the itch of psoriasis.", C, false, false},
		{"A probiotic yoghurt eased her eczema within weeks.", C, false, false},
		{"Within a week the antibiotic cleared up her rash.", C, false, false},
		{"Psoriasis plaques spread faster when stress levels are high.", C, false, false},
		{"Eczema patches spread during stressful weeks.", C, false, false},
		{"Skin lesions appeared in germ-free mice colonised with bacteria from psoriasis patients.", C, false, false},
		{"Dysbiosis is often behind stubborn eczema.", C, false, false},
		{"Sugar is partly to blame for teenage acne.", C, false, false},
		{"Wellness bloggers blame sugar for breakouts.", C, false, false},
		{"Many websites blame leaky gut for rosacea.", C, false, false},
		{"People with eczema harbour fewer Bifidobacterium in their stool.", C, false, false},
		{"Patients with hidradenitis showed higher levels of zonulin than healthy controls.", C, false, false},
		{"Those with severe acne carried more Proteobacteria than controls.", C, false, false},
		{"People with psoriasis have less diverse gut bacteria.", C, false, false},
		{"Adults with rosacea had fewer butyrate-producing bacteria.", C, false, false},
		{"Markers of leaky gut were higher in children with eczema.", C, false, false},
		{"Gut microbes may hold the key to eczema, researchers say", C, false, true},
		{"Gut bacteria linked to rosacea, study finds", C, false, false},
		{"4. Sauerkraut: small studies hint that fermented cabbage may calm eczema", C, false, true},
		{"2. Oats: their fibre feeds the gut bacteria that keep skin clear", C, false, false},
		{"- Kefir: a daily glass may soothe eczema", C, false, true},
		{"Psoriasis patients had dysbiosis.", C, false, false},
		{"People with eczema often have low vitamin D.", C, false, false},
		{"SIBO is common in rosacea.", C, false, false},
		{"Patients had psoriasis and took probiotics.", false, false, false},
		{"Probiotics in pregnancy may cut babies' eczema risk, review finds", C, false, true},
		{"Antibiotics wipe out good bacteria along with the bad.", C, false, false},
		{"When the SIBO was treated with rifaximin, their rosacea improved.", C, false, false},
		{"Patients were treated with rifaximin for ten days and rosacea severity was recorded.", false, false, false},
		{"Participants who ate more ultra-processed food had more acne.", C, false, false},
		{"A 2021 review concluded that the evidence for probiotics in acne is still weak.", C, false, true},
		{"It causes dry, inflamed skin that can flare up at night and disturb sleep.", false, false, false},
		{"Psoriasis flares often coincide with stressful life events.", C, false, false},
		{"Antibiotics, often prescribed for acne, can disrupt gut bacteria.", C, false, false},
		{"Inflammation is at the root of many cases of acne.", C, false, false},
		{"Serum zonulin correlated with psoriasis severity.", C, false, false},
		{"Acne severity correlated with stress and with sugar intake.", C, false, false},
		// Relations between words outside the inventory are not claims.
		{"Joint pain correlated with zonulin in psoriatic arthritis.", false, false, false},
		{"Fatigue was associated with insulin resistance in patients with psoriasis.", false, false, false},
	}
	checkProbes(t, tg, tests)
}

func checkProbes(t *testing.T, tg *Tagger, tests []probe) {
	t.Helper()
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

// TestMentionsR3 checks mechanisms worded without their technical names,
// taxa given or counted, symptoms and lay interventions.
func TestMentionsR3(t *testing.T) {
	tg := mustTagger(t)
	const (
		acne     = "condition/acne"
		ad       = "condition/atopic-dermatitis"
		pso      = "condition/psoriasis"
		ros      = "condition/rosacea"
		sebd     = "condition/seborrheic-dermatitis"
		dh       = "condition/dermatitis-herpetiformis"
		dry      = "condition/dry-skin"
		skinInfl = "condition/skin-inflammation"
		skinH    = "condition/skin-health"
		gut      = "mechanism/gut-microbiome"
		dys      = "mechanism/dysbiosis"
		div      = "mechanism/microbial-diversity"
		perm     = "mechanism/intestinal-permeability"
		sysInfl  = "mechanism/systemic-inflammation"
		immune   = "mechanism/immune-modulation"
		hormone  = "mechanism/hormonal-balance"
		gba      = "mechanism/gut-brain-axis"
		skinMic  = "mechanism/skin-microbiome"
		endo     = "mechanism/endotoxemia"
		scfa     = "mechanism/short-chain-fatty-acids"
		prob     = "intervention/probiotics"
		fiber    = "intervention/dietary-fiber"
		ferm     = "intervention/fermented-foods"
		hyd      = "intervention/hydration"
		sleep    = "intervention/sleep"
		stressM  = "intervention/stress-management"
		proc     = "intervention/diet-processed-food"
		aid      = "intervention/anti-inflammatory-diet"
		abx      = "intervention/antibiotics"
		micro    = "intervention/micronutrients"
		topical  = "intervention/topical-skincare"
	)
	tests := []struct {
		text string
		want []string
	}{
		// Dysbiosis and diversity worded in lay terms.
		{"Acne sufferers tend to have a different mix of gut bacteria.", []string{acne, gut, dys}},
		{"Antibiotics can upset the balance of bacteria in your intestines.", []string{abx, gut, dys}},
		{"A course of antibiotics changes the makeup of the gut microbiome.", []string{abx, gut, dys}},
		{"People with rosacea have less diverse gut bacteria.", []string{ros, gut, div, dys}},
		{"Children with eczema had lower microbial diversity.", []string{ad, div, dys}},
		{"A diverse gut microbiome is a healthy one.", []string{gut, div}},
		// Permeability, hormones, immunity, skin microbes, toxins.
		{"Markers of permeability were higher in people with psoriasis.", []string{pso, perm}},
		{"Alcohol damages the lining of the gut.", []string{perm}},
		{"Vascular permeability increased in the lesions.", nil},
		{"Stress hormones can worsen acne.", []string{acne, gba, hormone}},
		{"Children with eczema had more IgE antibodies to food.", []string{ad, immune}},
		{"Antibodies against gut bacteria were raised in psoriasis.", []string{gut, immune, pso}},
		{"The skin's own bacteria protect against eczema.", []string{ad, skinMic}},
		{"Bacteria living on the skin can trigger acne.", []string{acne, skinMic}},
		{"Bacteria in the gut reach the skin.", []string{gut}},
		{"Butyrate-producing bacteria were scarce in patients with psoriasis.", []string{gut, pso, scfa}},
		{"Those with rosacea had fewer butyrate-producing species.", []string{gut, ros, scfa}},
		{"Faecal calprotectin was raised in psoriasis.", []string{pso, sysInfl}},
		{"Bacterial toxins leaking into the blood may inflame the skin.", []string{endo}},
		{"A leaky gut lets bacterial toxins reach the bloodstream.", []string{endo, perm}},
		// Taxa given as a probiotic, counted in the gut, or living elsewhere.
		{"Lactobacillus rhamnosus reduced eczema severity in a trial.", []string{ad, prob}},
		{"A fermented milk drink containing Lactobacillus casei improved acne.", []string{acne, ferm, prob}},
		{"Children with eczema had fewer Bifidobacterium in their stool.", []string{ad, gut}},
		{"Faecal Lactobacillus counts were lower in psoriasis.", []string{gut, pso}},
		{"The gut was depleted of Bifidobacterium after antibiotics.", []string{abx, dys, gut}},
		{"Mice colonised by Lactobacillus developed milder dermatitis.", []string{gut}},
		{"The vaginal microbiota of these women was depleted of Lactobacillus.", nil},
		{"Lactobacillus dominated the vaginal flora of healthy women.", nil},
		{"Lactobacillus species isolated from the oral cavity were studied.", nil},
		{"Bifidobacterium on the skin of infants was rare.", []string{skinMic}},
		// Symptoms and lay names of conditions.
		{"Psoriasis flare-ups often follow stressful events.", []string{gba, pso, skinInfl}},
		{"Stress triggered a flare of her rosacea.", []string{gba, ros, skinInfl}},
		{"Her eczema flares whenever she is stressed.", []string{ad, gba, skinInfl}},
		{"Lupus flares were more frequent in winter.", nil},
		{"Red, angry spots on the chin can signal hormonal imbalance.", []string{acne, hormone, skinInfl}},
		{"Constant itching and redness kept him awake.", []string{skinInfl}},
		{"Teenagers often start breaking out before exams.", []string{acne}},
		{"Imiquimod induced psoriasiform dermatitis in mice.", []string{pso}},
		{"Collagen drinks improved skin hydration.", []string{dry}},
		{"Gluten triggers dermatitis herpetiformis, an itchy blistering rash.", []string{dh}},
		{"Coeliac disease can cause an itchy rash.", []string{skinInfl}},
		{"Omega-3s may calm the inflammation behind angry pimples.", []string{acne, micro, skinInfl}},
		{"The inflammation in the gut spreads to the skin.", []string{sysInfl}},
		// Lay interventions.
		{"Cutting back on greasy foods cleared my skin.", []string{proc, skinH}},
		{"Ultra-processed snacks are linked to acne.", []string{acne, proc}},
		{"A low-glycaemic-load diet reduced acne lesions.", []string{acne, aid}},
		{"A low glycaemic index diet reduced acne lesions.", []string{acne, aid}},
		{"A medicated shampoo controls dandruff.", []string{sebd, topical}},
		{"Apply the ointment twice daily to eczema patches.", []string{ad, topical}},
		{"Participants who drank two litres of water a day had better skin hydration.", []string{dry, hyd}},
		{"She slept less than six hours a night and her acne worsened.", []string{acne, sleep}},
		{"Short nights make rosacea worse.", []string{ros, sleep}},
		{"Try yoga or mindfulness to de-stress and calm your eczema.", []string{ad, stressM}},
		{"Exercise is a great stress reliever for people with psoriasis.", []string{pso, stressM}},
		{"Dupilumab improved itch, sleep and redness in atopic dermatitis.", []string{ad, skinInfl}},
		{"Itching that disturbs sleep is common in eczema.", []string{ad}},
		{"An unhealthy gut can trigger acne.", []string{acne, dys}},
		{"Eczema causes dry, itchy skin.", []string{ad, dry}},
		{"It causes dry, cracked and inflamed skin.", []string{dry, skinInfl}},
		{"Rosacea shows as red, bumpy skin on the cheeks.", []string{ros, skinInfl}},
		{"The samples were dried and the skin was cut.", nil},
		{"Dryness of the mouth followed radiotherapy.", nil},
		{"Mice received antibiotics via drinking water.", []string{abx}},
		{"Alcohol disrupts gut and brain functions.", nil},
		{"An imbalanced gut-brain axis affects rosacea.", []string{gba, ros}},
		{"A wide variety of biological processes depend on the gut microbiome.", []string{gut}},
		{"Retinol metabolism differed in mice with psoriasis.", []string{pso}},
		{"Babies given antibiotics tend to have a less varied gut flora.", []string{abx, div, dys, gut}},
		{"The effect varied across bacterial taxa.", nil},
		{"The lactulose/mannitol ratio was raised in psoriasis.", []string{perm, pso}},
		{"A lactulose breath test showed SIBO in rosacea.", []string{ros, "mechanism/sibo"}},
		{"The benefit was seen with mixtures containing Lactobacillus rhamnosus and Bifidobacterium species.", []string{prob}},
		{"Diets containing inulin increased Lactobacillus spp. in the colon.", []string{gut, "intervention/prebiotics"}},
		{"Poor sleep worsens eczema.", []string{ad, sleep}},
	}
	checkConcepts(t, tg, tests)
}

// TestAbbreviationsAcrossSentences checks that a short form defined in one
// sentence is tagged in the later sentences of the same document, not
// before its definition and not in another document.
func TestAbbreviationsAcrossSentences(t *testing.T) {
	tg := mustTagger(t)
	tests := []struct {
		text string
		want []string // concepts per sentence
	}{
		{"Eczema is common. Atopic dermatitis (AD) starts in infancy. AD is linked to gut dysbiosis.",
			[]string{"condition/atopic-dermatitis", "condition/atopic-dermatitis", "condition/atopic-dermatitis mechanism/dysbiosis"}},
		{"AD is common in the elderly. Atopic dermatitis (AD) starts in infancy.",
			[]string{"", "condition/atopic-dermatitis"}},
		{"Hidradenitis suppurativa (HS) is painful.\n\nIn HS, smoking and obesity are common. Patients with HS had more Proteobacteria.",
			[]string{"condition/hidradenitis-suppurativa", "condition/hidradenitis-suppurativa", "condition/hidradenitis-suppurativa mechanism/gut-microbiome"}},
		{"Atopic dermatitis, also known as AD, is common. Probiotics reduced AD severity.",
			[]string{"condition/atopic-dermatitis", "condition/atopic-dermatitis intervention/probiotics"}},
		{"Eczema (or AD) is common. Probiotics reduced AD severity.",
			[]string{"condition/atopic-dermatitis", "condition/atopic-dermatitis intervention/probiotics"}},
		{"AD (atopic dermatitis) is common. Probiotics reduced AD severity.",
			[]string{"condition/atopic-dermatitis", "condition/atopic-dermatitis intervention/probiotics"}},
		{"Patients with psoriasis, acne, or AD were excluded. AD is rare.",
			[]string{"condition/acne condition/psoriasis", ""}},
		{"Atopic dermatitis (AD) is common. Children with AD's typical rash had less microbial diversity.",
			[]string{"condition/atopic-dermatitis", "condition/atopic-dermatitis condition/skin-inflammation mechanism/dysbiosis mechanism/microbial-diversity"}},
	}
	for _, tt := range tests {
		res := tg.Tag(Document{Text: tt.text})
		if len(res.Sentences) != len(tt.want) {
			t.Errorf("Tag(%q): %d sentences, want %d", tt.text, len(res.Sentences), len(tt.want))
			continue
		}
		for i, s := range res.Sentences {
			var ids []string
			for _, m := range res.Mentions {
				if m.Start >= s.Start && m.Start < s.End && !slices.Contains(ids, m.Concept) {
					ids = append(ids, m.Concept)
				}
			}
			slices.Sort(ids)
			got := ""
			for j, id := range ids {
				if j > 0 {
					got += " "
				}
				got += id
			}
			if got != tt.want[i] {
				t.Errorf("Tag(%q) sentence %d concepts = %q, want %q", tt.text, i, got, tt.want[i])
			}
		}
	}
	// Another document does not inherit the definition.
	tg.Tag(Document{Text: "Atopic dermatitis (AD) is common."})
	if got := concepts(tg.Tag(Document{Text: "AD is common in the elderly."}).Mentions); got != nil {
		t.Errorf("Tag(AD without definition) = %v, want none", got)
	}
}
