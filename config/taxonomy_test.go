package config

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
)

func TestDefaultTaxonomyMatchesConceptList(t *testing.T) {
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatalf("DefaultTaxonomy() error: %v", err)
	}
	if tax.Version == "" {
		t.Error("DefaultTaxonomy().Version is empty")
	}
	f, err := os.Open("testdata/concepts.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 4 {
			continue
		}
		want[cols[0]] = cols
	}
	got := map[string]lumen.Concept{}
	for _, c := range tax.Concepts {
		got[c.ID] = c
	}
	for id, cols := range want {
		c, ok := got[id]
		if !ok {
			t.Errorf("concept %s of concepts.tsv is missing from taxonomy.yaml", id)
			continue
		}
		if c.Kind != cols[1] || c.Label != cols[2] || c.MeSH != cols[3] {
			t.Errorf("concept %s = (%q, %q, %q), want (%q, %q, %q)", id, c.Kind, c.Label, c.MeSH, cols[1], cols[2], cols[3])
		}
		if len(c.Synonyms) < 3 && id != "condition/vitiligo" && id != "condition/alopecia-areata" {
			t.Errorf("concept %s has only %d synonyms", id, len(c.Synonyms))
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("concept %s of taxonomy.yaml is not in concepts.tsv", id)
		}
	}
}

func TestLoadTaxonomyErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // substrings of the error
	}{
		{"empty", "", []string{"t.yaml: empty taxonomy"}},
		{"no version", "concepts:\n  - id: condition/acne\n    kind: condition\n    label: Acne\n    synonyms: [acne]\n",
			[]string{"t.yaml:1: missing version"}},
		{"bad id", "version: v1\nconcepts:\n  - id: Acne\n    kind: condition\n    label: Acne\n    synonyms: [acne]\n",
			[]string{"t.yaml:3: concept Acne: id must be kind/slug"}},
		{"bad kind", "version: v1\nconcepts:\n  - id: disease/acne\n    kind: disease\n    label: Acne\n    synonyms: [acne]\n",
			[]string{`t.yaml:3: concept disease/acne: kind "disease" in the id`, `kind "disease" is not one of`}},
		{"kind mismatch", "version: v1\nconcepts:\n  - id: condition/acne\n    kind: mechanism\n    label: Acne\n    synonyms: [acne]\n",
			[]string{`t.yaml:3: concept condition/acne: kind "mechanism" does not match the id`}},
		{"duplicate synonym", `version: v1
concepts:
  - id: condition/acne
    kind: condition
    label: Acne
    synonyms: [acne, pimples]
  - id: condition/spots
    kind: condition
    label: Spots
    synonyms:
      - spots
      - Pimple
`, []string{`t.yaml:12: concept condition/spots: synonym "Pimple" is also a synonym of condition/acne (line 6)`}},
		{"unknown broader", `version: v1
concepts:
  - id: condition/acne
    kind: condition
    label: Acne
    broader: condition/skin
    synonyms: [acne]
`, []string{`t.yaml:6: concept condition/acne: unknown broader id "condition/skin"`}},
		{"broader loop", `version: v1
concepts:
  - id: condition/a
    kind: condition
    label: A
    broader: condition/b
    synonyms: [aaa]
  - id: condition/b
    kind: condition
    label: B
    broader: condition/a
    synonyms: [bbb]
`, []string{"broader concepts form a loop"}},
		{"unknown field", "version: v1\nconcepts:\n  - id: condition/acne\n    kind: condition\n    label: Acne\n    synonym: [acne]\n",
			[]string{`t.yaml:6: concept condition/acne: unknown field "synonym"`, "t.yaml:3: concept condition/acne: no synonyms"}},
		{"duplicate id", `version: v1
concepts:
  - id: condition/acne
    kind: condition
    label: Acne
    synonyms: [acne]
  - id: condition/acne
    kind: condition
    label: Acne again
    synonyms: [pimples]
`, []string{"t.yaml:7: concept condition/acne: duplicate id (first at line 3)"}},
		{"bad mesh", "version: v1\nconcepts:\n  - id: condition/acne\n    kind: condition\n    label: Acne\n    mesh: acne\n    synonyms: [acne]\n",
			[]string{`mesh "acne" is not a MeSH descriptor id`}},
		{"shared abbreviation", `version: v1
concepts:
  - id: condition/atopic-dermatitis
    kind: condition
    label: AD
    synonyms: [atopic dermatitis]
    abbreviations: [AD]
  - id: condition/alzheimer
    kind: condition
    label: Alzheimer
    synonyms: [alzheimer disease]
    abbreviations: [AD]
`, []string{`t.yaml:12: concept condition/alzheimer: abbreviation "AD" is also an abbreviation of condition/atopic-dermatitis (line 7)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadTaxonomy(strings.NewReader(tt.yaml), "t.yaml")
			if err == nil {
				t.Fatalf("LoadTaxonomy(%q) = nil error, want %q", tt.yaml, tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("LoadTaxonomy(%q) error = %q, want it to contain %q", tt.name, err, w)
				}
			}
		})
	}
}

func TestLoadTaxonomyValid(t *testing.T) {
	const y = `version: test-1
concepts:
  - id: condition/acne
    kind: condition
    label: Acne
    mesh: D000152
    synonyms: [acne, acne vulgaris, Acnes]
    abbreviations: [AV]
  - id: intervention/probiotics
    kind: intervention
    label: Probiotics
    broader: ""
    synonyms: [probiotics]
`
	tax, err := LoadTaxonomy(strings.NewReader(y), "t.yaml")
	if err != nil {
		t.Fatalf("LoadTaxonomy() error: %v", err)
	}
	if tax.Version != "test-1" || len(tax.Concepts) != 2 {
		t.Fatalf("LoadTaxonomy() = %+v, want version test-1 and 2 concepts", tax)
	}
	c := tax.Concepts[0]
	if c.ID != "condition/acne" || c.MeSH != "D000152" || len(c.Synonyms) != 3 || c.Abbreviations[0] != "AV" {
		t.Errorf("LoadTaxonomy() concept 0 = %+v", c)
	}
}

// writeFiles writes files into a new temporary directory and returns it.
func writeFiles(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func loadFile(tb testing.TB, path string) (lumen.Taxonomy, error) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	return LoadTaxonomy(f, path)
}

const twoConcepts = `
concepts:
  - id: condition/acne
    kind: condition
    label: Acne
    roles: [lesion-condition]
    synonyms: [acne]
  - id: mechanism/gut-microbiome
    kind: mechanism
    label: Gut microbiome
    beneficial: true
    roles: [community]
    synonyms: [gut microbiome]
`

func TestLoadTaxonomyVocabulary(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"t.yaml": "version: v1\nvocabulary: [vocabulary/en.yaml, domain.yaml]\n" + twoConcepts,
		"domain.yaml": `version: d1
lists:
  site-primary: [gut, intestine]
  stop-phrases: [oxidative stress]
`,
	})
	tax, err := loadFile(t, filepath.Join(dir, "t.yaml"))
	if err != nil {
		t.Fatalf("LoadTaxonomy() error: %v", err)
	}
	lists := map[string]lumen.WordList{}
	for _, l := range tax.Vocabulary {
		lists[l.Name] = l
	}
	if l := lists["site-primary"]; strings.Join(l.Words, ",") != "gut,intestine" || l.Version != "d1" || !strings.HasSuffix(l.Source, "domain.yaml:3") {
		t.Errorf("LoadTaxonomy() site-primary = %+v, want the domain file's words, version and line", l)
	}
	if l := lists["cue-negation"]; len(l.Words) == 0 || !strings.HasPrefix(l.Source, "built-in vocabulary/en.yaml:") {
		t.Errorf("LoadTaxonomy() cue-negation = %+v, want the built-in English list", l)
	}
	if c := tax.Concepts[1]; !c.Beneficial || len(c.Roles) != 1 || c.Roles[0] != "community" {
		t.Errorf("LoadTaxonomy() concept 1 = %+v, want beneficial with role community", c)
	}

	// Without a vocabulary key a taxonomy reads the English lexicon only.
	tax, err = LoadTaxonomy(strings.NewReader("version: v1\n"+twoConcepts), "t.yaml")
	if err != nil {
		t.Fatalf("LoadTaxonomy(no vocabulary) error: %v", err)
	}
	for _, l := range tax.Vocabulary {
		if l.Name == "site-primary" {
			t.Errorf("LoadTaxonomy(no vocabulary) has the domain list %s", l.Name)
		}
	}
}

func TestLoadTaxonomyVocabularyErrors(t *testing.T) {
	tests := []struct {
		name   string
		tax    string // after "version: v1\n"
		domain string
		want   []string
	}{
		{"missing file", "vocabulary: [nope.yaml]\n" + twoConcepts, "",
			[]string{"t.yaml:2: vocabulary: nope.yaml: not found next to the taxonomy nor among the built-in files"}},
		{"missing pair model", "pair_model: nope.json\n" + twoConcepts, "",
			[]string{"t.yaml:2: pair_model: nope.json: not found next to the taxonomy nor among the built-in files"}},
		{"pair model not a name", "pair_model: [a, b]\n" + twoConcepts, "",
			[]string{"t.yaml:2: pair_model must be a file name"}},
		{"pair model not JSON", "pair_model: domain.yaml\n" + twoConcepts, "version: d1\n",
			[]string{"t.yaml:2: pair_model: domain.yaml: not a pair model: invalid character"}},
		{"pair model without weights", "pair_model: domain.yaml\n" + twoConcepts, `{"version": "p1", "threshold": 0.5}`,
			[]string{"t.yaml:2: pair_model: domain.yaml: pair model p1: no weights for adding pairs"}},
		{"unknown list", "vocabulary: [domain.yaml]\n" + twoConcepts, "version: d1\nlists:\n  site-primery: [gut]\n",
			[]string{`domain.yaml:3: unknown list "site-primery"`}},
		{"duplicate entry", "vocabulary: [domain.yaml]\n" + twoConcepts, "version: d1\nlists:\n  site-primary:\n    - gut\n    - bowel\n    - Gut\n",
			[]string{`domain.yaml:6: list site-primary: duplicate entry "Gut"`}},
		{"phrase in a word list", "vocabulary: [domain.yaml]\n" + twoConcepts, "version: d1\nlists:\n  site-primary: [gut, small intestine]\n",
			[]string{`domain.yaml:3: list site-primary: "small intestine" is not a single word`}},
		{"list given twice", "vocabulary: [domain.yaml]\n" + twoConcepts, "version: d1\nlists:\n  site-primary: [gut]\n  site-primary: [bowel]\n",
			[]string{"domain.yaml:4: list site-primary is given twice (first at line 3)"}},
		{"no version", "vocabulary: [domain.yaml]\n" + twoConcepts, "lists:\n  site-primary: [gut]\n",
			[]string{"domain.yaml:1: missing version"}},
		{"unknown role", strings.Replace(twoConcepts, "[lesion-condition]", "[spots]", 1), "",
			[]string{`t.yaml:7: concept condition/acne: unknown role "spots"`}},
		{"role twice", strings.Replace(twoConcepts, "[lesion-condition]", "[community]", 1), "",
			[]string{`t.yaml:13: concept mechanism/gut-microbiome: role "community" is also given to condition/acne (line 7)`}},
		{"beneficial not a bool", strings.Replace(twoConcepts, "beneficial: true", "beneficial: yes please", 1), "",
			[]string{"t.yaml:12: beneficial must be true or false"}},
		{"harmful not a bool", strings.Replace(twoConcepts, "beneficial: true", "harmful: often", 1), "",
			[]string{"t.yaml:12: harmful must be true or false"}},
		{"beneficial and harmful", strings.Replace(twoConcepts, "beneficial: true", "beneficial: true\n    harmful: true", 1), "",
			[]string{"t.yaml:13: concept mechanism/gut-microbiome: beneficial and harmful at once"}},
		// The language's morphology and the splitter's wordings are
		// lists too, checked entry by entry.
		{"inflection without a condition", "vocabulary: [domain.yaml]\n" + twoConcepts, "version: d1\nlists:\n  verb-inflections:\n    - \"0 s .\"\n    - \"0 ed\"\n",
			[]string{`domain.yaml:5: list verb-inflections: "0 ed" is not a rule "strip add condition"`}},
		{"inflection with an unclosed class", "vocabulary: [domain.yaml]\n" + twoConcepts, "version: d1\nlists:\n  verb-inflections: [\"y ied .[^aeiouy\"]\n",
			[]string{`domain.yaml:3: list verb-inflections: "y ied .[^aeiouy" has a condition ".[^aeiouy" with an unclosed [`}},
		{"inflection that strips what it does not match", "vocabulary: [domain.yaml]\n" + twoConcepts, "version: d1\nlists:\n  verb-inflections:\n    - \"e ing y\"\n",
			[]string{`domain.yaml:4: list verb-inflections: "e ing y" strips "e", which its condition "y" does not end in`}},
		{"abbreviation with its full stop", "vocabulary: [domain.yaml]\n" + twoConcepts, "version: d1\nlists:\n  abbreviations: [fig, e.g.]\n",
			[]string{`domain.yaml:3: list abbreviations: "e.g." is not an abbreviation of ASCII letters without its final full stop`}},
		{"ending in capitals", "vocabulary: [domain.yaml]\n" + twoConcepts, "version: d1\nlists:\n  adverb-endings:\n    - LY\n",
			[]string{`domain.yaml:4: list adverb-endings: "LY" is not a lower-case word ending`}},
		{"modifier of two words", strings.Replace(twoConcepts, "synonyms: [acne]", "modifiers: [acne prone]\n    synonyms: [pimples]", 1), "",
			[]string{`t.yaml:8: concept condition/acne: modifier "acne prone" must be one word`}},
		{"modifier twice", strings.Replace(twoConcepts, "synonyms: [gut microbiome]", "modifiers: [faecal]\n    synonyms: [gut microbiome]", 1) +
			"  - id: intervention/diet\n    kind: intervention\n    label: Diet\n    modifiers: [Faecal]\n    synonyms: [diet]\n", "",
			[]string{`t.yaml:19: concept intervention/diet: modifier "Faecal" is also a modifier of mechanism/gut-microbiome (line 14)`}},
		{"modifier that is a synonym", strings.Replace(twoConcepts, "synonyms: [acne]", "modifiers: [Acne]\n    synonyms: [acne]", 1), "",
			[]string{`t.yaml:8: concept condition/acne: modifier "acne" is a synonym of condition/acne (line 9)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"t.yaml": "version: v1\n" + tt.tax}
			if tt.domain != "" {
				files["domain.yaml"] = tt.domain
			}
			dir := writeFiles(t, files)
			_, err := loadFile(t, filepath.Join(dir, "t.yaml"))
			if err == nil {
				t.Fatalf("LoadTaxonomy(%s) = nil error, want %q", tt.name, tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("LoadTaxonomy(%s) error = %q, want it to contain %q", tt.name, err, w)
				}
			}
		})
	}
}

// The built-in taxonomy names its pair model, which is read with it; a
// taxonomy of one's own without one has none (the tagger's rules alone).
func TestPairModel(t *testing.T) {
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	if len(tax.PairModel) == 0 || !json.Valid(tax.PairModel) {
		t.Errorf("the built-in taxonomy's pair model: %d bytes, valid JSON %v", len(tax.PairModel), json.Valid(tax.PairModel))
	}
	own, err := LoadTaxonomy(strings.NewReader("version: v1\n"+twoConcepts), filepath.Join(t.TempDir(), "t.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if own.PairModel != nil {
		t.Errorf("a taxonomy naming no pair model has %d bytes of one", len(own.PairModel))
	}
}
