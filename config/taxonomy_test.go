package config

import (
	"bufio"
	"os"
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
