package tagger

import (
	"slices"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "Acne is common. Probiotics help! Does stress matter? Yes.",
			[]string{"Acne is common.", "Probiotics help!", "Does stress matter?", "Yes."}},
		{"et al", "Smith et al. reported a link. Jones et al. (2019) did not.",
			[]string{"Smith et al. reported a link.", "Jones et al. (2019) did not."}},
		{"e.g. and i.e.", "Some foods, e.g. Kefir, help. Others, i.e. Sugar, harm.",
			[]string{"Some foods, e.g. Kefir, help.", "Others, i.e. Sugar, harm."}},
		{"vs and Fig", "Acne fell (12 vs. 20 lesions; Fig. 2). It rose again.",
			[]string{"Acne fell (12 vs. 20 lesions; Fig. 2).", "It rose again."}},
		{"decimals", "The mean was 11.4 years (range 10.1-12.5). The OR was 1.44.",
			[]string{"The mean was 11.4 years (range 10.1-12.5).", "The OR was 1.44."}},
		{"species", "L. plantarum reduced acne. S. aureus did not.",
			[]string{"L. plantarum reduced acne.", "S. aureus did not."}},
		{"quotes", `He said "probiotics help." Then he left.`,
			[]string{`He said "probiotics help."`, "Then he left."}},
		{"lowercase after stop", "The dose was 5 mg. daily for a week.",
			[]string{"The dose was 5 mg. daily for a week."}},
		{"ellipsis", "Probiotics help… Sometimes.",
			[]string{"Probiotics help…", "Sometimes."}},
		{"title and abstract", "Probiotics and acne: a review\n\nAcne is common. It is treatable.",
			[]string{"Probiotics and acne: a review", "Acne is common.", "It is treatable."}},
		{"headings", "Final Thoughts\n\nEat fiber.\n\nRelated Posts",
			[]string{"Final Thoughts", "Eat fiber.", "Related Posts"}},
		{"list", "  1. Eat a Gut-Friendly Diet\n    Focus on fiber.\n\n  2. Incorporate Probiotics\n    They help.",
			[]string{"1. Eat a Gut-Friendly Diet", "Focus on fiber.", "2. Incorporate Probiotics", "They help."}},
		{"bullets", "Signs include:\n• Persistent acne\n• Eczema flare-ups",
			[]string{"Signs include:", "• Persistent acne", "• Eczema flare-ups"}},
		{"wrapped lines", "Probiotics reduced the number of\ninflammatory lesions in\nmost patients.",
			[]string{"Probiotics reduced the number of\ninflammatory lesions in\nmost patients."}},
		{"abstract labels", "BACKGROUND: Acne is common.\n\nMETHODS: We did a trial. RESULTS: It worked.",
			[]string{"Acne is common.", "We did a trial.", "It worked."}},
		{"numbered list inline", "1. Sleep well. 2. Drink water.",
			[]string{"1. Sleep well.", "2. Drink water."}},
		{"stop inside inline markup", "It fell in <i>Klebsiella.</i> This study is the first. Levels rose in <i>Bacteroides</i>.</sup> Then fell.",
			[]string{"It fell in <i>Klebsiella.</i>", "This study is the first.", "Levels rose in <i>Bacteroides</i>.</sup>", "Then fell."}},
		{"opening inline markup", "Diversity fell. <i>Bacteroides</i> rose. (<i>n</i> = 12) were lost.",
			[]string{"Diversity fell.", "<i>Bacteroides</i> rose. (<i>n</i> = 12) were lost."}},
		{"opening greek and mixed case", "Acne was rare. α-diversity was lower. mRNA levels rose. pH fell. iNOS was higher.",
			[]string{"Acne was rare.", "α-diversity was lower.", "mRNA levels rose.", "pH fell.", "iNOS was higher."}},
		{"dosing abbreviations", "Mice got casein (6.75 g/kg i.g.) for 21 days. Rats got MPTP (25 mg/kg i.p. × 5 days) then saline. It was approved (ref. P20.087). Done.",
			[]string{"Mice got casein (6.75 g/kg i.g.) for 21 days.", "Rats got MPTP (25 mg/kg i.p. × 5 days) then saline.", "It was approved (ref. P20.087).", "Done."}},
		{"statistics", "Scores fell (-7.74 ± 5.92 vs. -1.83 ± 4.14, <i>p</i> < 0.001). The HR was 1.35 (95% CI: 1.05, 1.75). Registry http://www.chictr.org.cn/, No: ChiCTR2000035122.",
			[]string{"Scores fell (-7.74 ± 5.92 vs. -1.83 ± 4.14, <i>p</i> < 0.001).", "The HR was 1.35 (95% CI: 1.05, 1.75).", "Registry http://www.chictr.org.cn/, No: ChiCTR2000035122."}},
		{"space lost after a stop", "Trends favour improvement in outcomes.This article summarises them. See www.Example.org and L.Plantarum vs.Placebo.",
			[]string{"Trends favour improvement in outcomes.", "This article summarises them.", "See www.Example.org and L.Plantarum vs.Placebo."}},
		{"no final stop", "Acne is common", []string{"Acne is common"}},
		{"blank with spaces", "First block.\n   \nSecond block.", []string{"First block.", "Second block."}},
		{"empty", "", nil},
	}
	sr := &mustTagger(t).sentRules // the English lexicon's abbreviations and section labels
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range sr.split(nil, tt.text) {
				got = append(got, tt.text[s.start:s.end])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("split(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSectionsAndHeadings(t *testing.T) {
	tg := mustTagger(t)
	text := "Probiotics for acne\n\nBACKGROUND: Stress worsens acne.\n\nRESULTS: Probiotics reduced acne.\n\nWhat the research says\n\nFiber improves eczema."
	res := tg.Tag(Document{Text: text})
	var got []string
	for _, c := range res.Claims {
		got = append(got, c.Section)
	}
	want := []string{"BACKGROUND", "RESULTS", "What the research says"}
	if !slices.Equal(got, want) {
		t.Errorf("Tag(%q) claim sections = %q, want %q", text, got, want)
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string // normalised tokens
	}{
		{"Gut-Brain axis", []string{"gut", "brain", "axi"}},
		{"the skin’s barrier", []string{"the", "skin", "barrier"}},
		{"Crohn's disease", []string{"crohn", "disease"}},
		{"don't", []string{"dont"}},
		{"TNF-α IL-1β", []string{"tnf", "alpha", "il", "1beta"}},
		{"Séborrhéique CAFÉ", []string{"seborrheique", "cafe"}},
		{"probiotics Probiotic", []string{"probiotic", "probiotic"}},
		{"allergies diseases serums", []string{"allergy", "disease", "serums"}},
		{"ﬁbre", []string{"fibre"}},
		{"a\xffb", []string{"a", "b"}},
	}
	m := mustTagger(t).morph // the English lexicon's possessives and plural stems
	m.keep = plurals{"serums": true}
	for _, tt := range tests {
		var got []string
		var buf []byte
		for _, tk := range tokenize(nil, tt.text) {
			buf = appendNorm(buf[:0], tt.text[tk.start:tk.end], &m)
			got = append(got, string(buf))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTokenizeLocantPrime checks that a locant's prime joins a chemical
// name as a hyphen does ("2'-FL", "3′-sialyllactose"), and that another
// apostrophe after a digit still separates hard.
func TestTokenizeLocantPrime(t *testing.T) {
	for _, tt := range []struct {
		text string
		hard []bool // per token: flagHard
	}{
		{"milk 2'-FL", []bool{true, false, false}},
		{"milk 2′-FL", []bool{true, false, false}},
		{"milk 2’-FL", []bool{true, false, false}},
		{"milk 2-FL", []bool{true, false, false}},
		{"the 1990' trial", []bool{true, false, true}},
		{"2'", []bool{true}},
	} {
		var got []bool
		for _, tk := range tokenize(nil, tt.text) {
			got = append(got, tk.flags&flagHard != 0)
		}
		if !slices.Equal(got, tt.hard) {
			t.Errorf("tokenize(%q) hard = %v, want %v", tt.text, got, tt.hard)
		}
	}
}
