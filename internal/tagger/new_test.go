package tagger

import (
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
)

// testTaxonomy is a taxonomy of two concepts with the built-in
// vocabulary and no roles.
func testTaxonomy() lumen.Taxonomy {
	return lumen.Taxonomy{Version: "t-1", Concepts: []lumen.Concept{
		{ID: "condition/acne", Kind: "condition", Label: "Acne", Synonyms: []string{"acne", "pimples"}},
		{ID: "intervention/probiotics", Kind: "intervention", Label: "Probiotics", Synonyms: []string{"probiotics"}},
	}, Vocabulary: defaultVocabulary()}
}

// defaultVocabulary is the built-in taxonomy's vocabulary.
func defaultVocabulary() []lumen.WordList {
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		panic(err)
	}
	return tax.Vocabulary
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*lumen.Taxonomy)
		want   string
	}{
		{"no version", func(x *lumen.Taxonomy) { x.Version = "" }, "missing version"},
		{"no concepts", func(x *lumen.Taxonomy) { x.Concepts = nil }, "no concepts"},
		{"unknown role", func(x *lumen.Taxonomy) { x.Concepts[0].Roles = []string{"nonsense"} }, `concept condition/acne: unknown role "nonsense"`},
		{"no synonyms", func(x *lumen.Taxonomy) { x.Concepts[1].Synonyms = nil }, "concept 2 (intervention/probiotics): no synonyms"},
		{"same synonym after folding", func(x *lumen.Taxonomy) {
			x.Concepts[1].Synonyms = append(x.Concepts[1].Synonyms, "Pimple")
		}, `concept 2 (intervention/probiotics): synonym "Pimple": reads the same as "pimples" of condition/acne`},
		{"punctuation", func(x *lumen.Taxonomy) { x.Concepts[0].Synonyms = []string{"acne, severe"} }, "punctuation inside a phrase"},
		{"empty synonym", func(x *lumen.Taxonomy) { x.Concepts[0].Synonyms = []string{"  "} }, "has no words"},
		{"abbreviation with space", func(x *lumen.Taxonomy) { x.Concepts[0].Abbreviations = []string{"A V"} }, "must be one word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tax := testTaxonomy()
			tt.change(&tax)
			_, err := New(tax)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New(%s) error = %v, want it to contain %q", tt.name, err, tt.want)
			}
		})
	}
	if _, err := New(testTaxonomy()); err != nil {
		t.Errorf("New(valid) error = %v", err)
	}
}

func TestVersionChanges(t *testing.T) {
	a, err := New(testTaxonomy())
	if err != nil {
		t.Fatal(err)
	}
	tax := testTaxonomy()
	tax.Concepts[0].Synonyms = append(tax.Concepts[0].Synonyms, "zits")
	b, err := New(tax)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Version(), "t-1+"+rulesRevision+".") {
		t.Errorf("Version() = %q, want prefix %q", a.Version(), "t-1+"+rulesRevision+".")
	}
	if a.Version() == b.Version() {
		t.Errorf("Version() = %q for two different taxonomies with the same version string", a.Version())
	}
	c, _ := New(testTaxonomy())
	if a.Version() != c.Version() {
		t.Errorf("Version() = %q and %q for the same taxonomy", a.Version(), c.Version())
	}
}

// TestCustomTaxonomy checks that the rules cope with a taxonomy that lacks
// the concepts they refer to, and that a synonym overrides a stop phrase.
func TestCustomTaxonomy(t *testing.T) {
	tax := testTaxonomy()
	tax.Concepts[0].Synonyms = append(tax.Concepts[0].Synonyms, "oxidative stress")
	tg, err := New(tax)
	if err != nil {
		t.Fatal(err)
	}
	if w := strings.Join(tg.Warnings(), "\n"); !strings.Contains(w, `no concept has the role "community"`) {
		t.Errorf("Warnings() = %q, want the roles that are missing", w)
	}
	res := tg.Tag(Document{Text: "Probiotics reduced acne. Oxidative stress and an imbalanced gut microbiome in mice."})
	if got := concepts(res.Mentions); strings.Join(got, " ") != "condition/acne intervention/probiotics" {
		t.Errorf("Tag() concepts = %v, want acne and probiotics", got)
	}
	if len(res.Claims) != 1 {
		t.Errorf("Tag() claims = %d, want 1", len(res.Claims))
	}
}

func TestEvidence(t *testing.T) {
	tg := mustTagger(t)
	tests := []struct {
		name string
		doc  Document
		want string
	}{
		{"meta-analysis pubtype", Document{Text: "Probiotics and acne.", PublicationTypes: []string{"Journal Article", "Meta-Analysis"}}, lumen.EvidenceMetaAnalysis},
		{"systematic review pubtype", Document{Text: "x", PublicationTypes: []string{"Review", "Systematic Review"}}, lumen.EvidenceSystematicReview},
		{"rct pubtype", Document{Text: "x", PublicationTypes: []string{"Randomized Controlled Trial"}}, lumen.EvidenceRCT},
		{"case report pubtype", Document{Text: "x", PublicationTypes: []string{"Case Reports"}}, lumen.EvidenceCaseReport},
		{"review pubtype", Document{Text: "x", PublicationTypes: []string{"Review"}}, lumen.EvidenceNarrativeReview},
		{"animal mesh", Document{Text: "x", MeSH: []string{"Animals", "Mice", "Acne Vulgaris"}}, lumen.EvidenceAnimal},
		{"cohort mesh", Document{Text: "x", MeSH: []string{"Humans", "Cohort Studies"}}, lumen.EvidenceCohort},
		{"web page", Document{Text: "The gut and your skin.", Kind: lumen.ArticleWeb}, lumen.EvidenceWebArticle},
		{"meta-analysis title", Document{Text: "Probiotics for acne: a systematic review and meta-analysis\n\nWe searched PubMed."}, lumen.EvidenceMetaAnalysis},
		{"review title", Document{Text: "Gut microbiota in psoriasis: a review\n\nThis review covers mice and men."}, lumen.EvidenceNarrativeReview},
		{"rct wording", Document{Text: "Probiotics in acne\n\nIn this randomized, double-blind, placebo-controlled trial, 80 adults took probiotics."}, lumen.EvidenceRCT},
		{"cohort wording", Document{Text: "Stress and eczema\n\nIn a prospective birth cohort of 1,000 children, stress predicted eczema."}, lumen.EvidenceCohort},
		{"animal wording", Document{Text: "Lactobacillus in mice\n\nMice with psoriasis-like dermatitis received L. plantarum."}, lumen.EvidenceAnimal},
		{"in-vitro wording", Document{Text: "Zinc and keratinocytes\n\nHaCaT cells were exposed in vitro to zinc."}, lumen.EvidenceInVitro},
		{"case report wording", Document{Text: "Rosacea after antibiotics\n\nWe report a case of a 45-year-old woman."}, lumen.EvidenceCaseReport},
		{"cross-sectional wording", Document{Text: "Acne in adolescents\n\nA cross-sectional survey of 500 pupils."}, lumen.EvidenceCrossSectional},
		{"no design", Document{Text: "Probiotics reduce acne."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tg.Tag(tt.doc).Evidence; got != tt.want {
				t.Errorf("Tag(%q).Evidence = %q, want %q", tt.doc.Text, got, tt.want)
			}
		})
	}
}
