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
