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
	// Modifiers are single words that name the concept together with the
	// noun right after them, whatever that noun is: "fermented" makes
	// "fermented wheat germ" a fermented food. The word alone, or followed
	// by a function word ("fermented by gut bacteria"), names nothing.
	Modifiers []string `json:"modifiers,omitempty" yaml:"modifiers,omitempty"`
	// Roles name the parts the concept plays in the tagger's context rules,
	// so that the rules never name concept ids: the concept that is the
	// resident microbial community, its imbalance, and so on (the tagger's
	// package internal/lexicon lists them). A taxonomy without a role runs
	// without the rules that need it, and says so when it is loaded.
	Roles []string `json:"roles,omitempty" yaml:"roles,omitempty"`
	// Beneficial marks a concept of which more is better (skin health, a
	// barrier's function, diversity): what helps it increases it, what
	// harms it decreases it. For the others (diseases, inflammation) what
	// helps decreases them.
	Beneficial bool `json:"beneficial,omitempty" yaml:"beneficial,omitempty"`
	// Harmful marks an exposure that does harm (an antimicrobial, a
	// processed diet): a plain change it makes to a community is that
	// community's imbalance, while a change that another intervention
	// makes is only a change. A concept is not both beneficial and
	// harmful.
	Harmful bool `json:"harmful,omitempty" yaml:"harmful,omitempty"`
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
	// Vocabulary holds the word lists the tagger's rules read besides the
	// synonyms (cue phrases, word classes, stop phrases), from the
	// vocabulary files the taxonomy names.
	Vocabulary []WordList `json:"-" yaml:"-"`
	// PairModel is the learned reading of relation pairs that the tagger
	// adds to its rules' (package internal/pairmodel; JSON weights), from
	// the file the taxonomy names; none: the rules alone.
	PairModel []byte `json:"-" yaml:"-"`
}

// WordList is one named list of words or phrases of a vocabulary file.
type WordList struct {
	Name    string   // e.g. "cue-hedge", "site-primary"
	Words   []string // words or phrases, as written
	Version string   // version of the file it comes from
	Source  string   // "file:line" of the list, for error messages
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
