package tagger

import (
	"testing"

	"github.com/lumen-research/lumen"
)

// "Observational Study" says only that a study is not a trial: a MeSH
// heading that names the design says which (PubMed's record of a nested
// case-control study, pubmed4.xml in the crawler's testdata, carries
// Observational Study with Case-Control Studies, Prospective Studies and
// Follow-Up Studies). Headings of the time frame count as a cohort only
// when no heading names the design.
func TestEvidenceDesignFromMeSH(t *testing.T) {
	tg := mustTagger(t)
	text := "Telomere length and pancreatic cancer.\n\nWe measured leukocyte telomere length in cases and matched controls."
	for _, tc := range []struct {
		name        string
		types, mesh []string
		want        string
	}{
		{"observational, case-control MeSH", []string{"Journal Article", "Observational Study"},
			[]string{"Case-Control Studies", "Follow-Up Studies", "Prospective Studies", "Humans"}, lumen.EvidenceCaseControl},
		{"observational, cross-sectional MeSH", []string{"Observational Study"}, []string{"Cross-Sectional Studies"}, lumen.EvidenceCrossSectional},
		{"observational alone", []string{"Observational Study"}, []string{"Humans"}, lumen.EvidenceCohort},
		{"observational, time frame only", []string{"Observational Study"}, []string{"Prospective Studies"}, lumen.EvidenceCohort},
		{"a trial stays a trial", []string{"Randomized Controlled Trial"}, []string{"Case-Control Studies"}, lumen.EvidenceRCT},
		{"no type, case-control and prospective", nil, []string{"Case-Control Studies", "Prospective Studies"}, lumen.EvidenceCaseControl},
		{"no type, prospective", nil, []string{"Prospective Studies"}, lumen.EvidenceCohort},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := tg.Tag(Document{Text: text, PublicationTypes: tc.types, MeSH: tc.mesh})
			if res.Evidence != tc.want {
				t.Errorf("Tag(types %v, MeSH %v).Evidence = %q, want %q", tc.types, tc.mesh, res.Evidence, tc.want)
			}
		})
	}
}

// In the text, the design an article says is its own ("in this
// cross-sectional survey", "we conducted a randomised trial") outweighs a
// stronger design it cites, and a sentence about the article's own design
// names no design of its own.
func TestEvidenceOwnDesignInText(t *testing.T) {
	tg := mustTagger(t)
	for _, tc := range []struct {
		name, text, want string
	}{
		{"own survey, cited trial",
			"In this cross-sectional survey of 912 students, perceived stress was associated with more severe acne. " +
				"One small randomised trial reported fewer acne lesions after mindfulness training.", lumen.EvidenceCrossSectional},
		{"we conducted a trial",
			"We conducted a randomised, double-blind, placebo-controlled trial of probiotics in eczema. " +
				"Earlier cohort studies had linked antibiotics to eczema.", lumen.EvidenceRCT},
		{"our cohort, cited trial",
			"Our prospective cohort followed 2,000 infants for eczema. " +
				"A randomised trial found that probiotics reduced eczema.", lumen.EvidenceCohort},
		{"cited only: none is the paper's (plural, indefinite)",
			"Cross-sectional surveys link dairy to acne. A randomised trial found that probiotics reduced acne.", ""},
		{"a design after a comma is no self-reference",
			"We agree with this, as a randomised trial found that probiotics reduced acne. A cross-sectional survey linked dairy to acne.", ""},
		{"a design called for is none",
			"Probiotics may ease acne. Further animal studies or randomised trials are needed.", ""},
		{"one trial among others is cited",
			"In one randomised trial, probiotics reduced acne.", ""},
		{"the paper's own, after we and a few words",
			"In a cross-sectional study of 120 patients, zonulin was raised. We therefore conducted a nationwide retrospective cohort study of acne.", lumen.EvidenceCohort},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := tg.Tag(Document{Text: tc.text, Kind: lumen.ArticleFullText})
			if res.Evidence != tc.want {
				t.Errorf("Evidence = %q, want %q", res.Evidence, tc.want)
			}
			if tc.want == lumen.EvidenceCrossSectional && len(res.Claims) > 0 && res.Claims[0].ClaimEvidence != "" {
				t.Errorf("the first claim names a design of its own, %q; it is the article's", res.Claims[0].ClaimEvidence)
			}
		})
	}
}
