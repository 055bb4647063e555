package lumen

import "strings"

// Kinds of concept. A claim relates concepts of two different kinds.
const (
	KindCondition    = "condition"
	KindMechanism    = "mechanism"
	KindIntervention = "intervention"
)

// Concept is one entry of the taxonomy: a condition, mechanism or intervention
// with the wordings that name it.
type Concept struct {
	ID       string   `json:"id" yaml:"id"` // "kind/slug", e.g. "condition/acne"
	Kind     string   `json:"kind" yaml:"kind"`
	Label    string   `json:"label" yaml:"label"`
	MeSH     string   `json:"mesh,omitempty" yaml:"mesh,omitempty"`
	Broader  string   `json:"broader,omitempty" yaml:"broader,omitempty"` // id of a broader concept
	Synonyms []string `json:"synonyms,omitempty" yaml:"synonyms,omitempty"`
	// Abbreviations are short forms that name the concept only where the text
	// defines them ("atopic dermatitis (AD)") or where they are unambiguous in
	// the domain (listed in Synonyms instead).
	Abbreviations []string `json:"abbreviations,omitempty" yaml:"abbreviations,omitempty"`
}

// ConceptKind returns the kind part of a concept id ("condition/acne" -> "condition").
func ConceptKind(id string) string {
	kind, _, _ := strings.Cut(id, "/")
	return kind
}

// Taxonomy is the versioned set of concepts the tagger recognises. The version
// travels with every tagged claim so that re-tagging after a taxonomy change
// can be told apart.
type Taxonomy struct {
	Version  string    `json:"version" yaml:"version"`
	Concepts []Concept `json:"concepts" yaml:"concepts"`
}

// Concept returns the concept with the given id.
func (t *Taxonomy) Concept(id string) (Concept, bool) {
	for _, c := range t.Concepts {
		if c.ID == id {
			return c, true
		}
	}
	return Concept{}, false
}
