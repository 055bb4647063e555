// Package vocab answers the questions search asks of a taxonomy: which
// concepts a word or phrase names (any synonym, label or abbreviation, folded
// the way the taxonomy's validation folds them), which concepts are narrower
// than a given one, and how the concepts of a kind nest. It is pure and
// domain-neutral: the taxonomy is data. It is not the tagger: it does no
// matching in running text, only exact lookups of a whole phrase.
package vocab

import (
	"slices"
	"strings"
	"unicode"

	"github.com/lumen-research/lumen"
)

// Vocabulary is an immutable index over one taxonomy; safe for concurrent use.
type Vocabulary struct {
	version  string
	concepts map[string]*node
	order    []string            // concept ids in taxonomy order
	names    map[string][]string // folded synonym or label -> concept ids
	abbrevs  map[string][]string // upper-cased abbreviation -> concept ids
	maxWords int                 // the longest name, in words
}

type node struct {
	c        lumen.Concept
	children []string // direct narrower concepts, in taxonomy order
	depth    int
}

// New indexes tax. Broader ids that do not exist are ignored (the taxonomy
// loader refuses them; a hand-built taxonomy in a test may lack them).
func New(tax lumen.Taxonomy) *Vocabulary {
	v := &Vocabulary{
		version:  tax.Version,
		concepts: make(map[string]*node, len(tax.Concepts)),
		names:    map[string][]string{},
		abbrevs:  map[string][]string{},
	}
	for _, c := range tax.Concepts {
		if _, dup := v.concepts[c.ID]; dup || c.ID == "" {
			continue
		}
		v.concepts[c.ID] = &node{c: c}
		v.order = append(v.order, c.ID)
	}
	for _, id := range v.order {
		n := v.concepts[id]
		if p, ok := v.concepts[n.c.Broader]; ok && n.c.Broader != id {
			p.children = append(p.children, id)
		}
		for _, name := range append([]string{n.c.Label}, n.c.Synonyms...) {
			v.addName(Fold(name), id)
		}
		// A label such as "Atopic dermatitis (eczema)" also names the
		// concept without its parenthesis.
		if i := strings.IndexByte(n.c.Label, '('); i > 0 {
			v.addName(Fold(n.c.Label[:i]), id)
		}
		for _, a := range n.c.Abbreviations {
			k := strings.ToUpper(strings.TrimSpace(a))
			if k != "" && !slices.Contains(v.abbrevs[k], id) {
				v.abbrevs[k] = append(v.abbrevs[k], id)
			}
		}
	}
	for _, id := range v.order {
		d, seen := 0, map[string]bool{id: true}
		for b := v.concepts[id].c.Broader; b != "" && !seen[b]; b = v.concepts[b].c.Broader {
			if _, ok := v.concepts[b]; !ok {
				break
			}
			seen[b] = true
			d++
		}
		v.concepts[id].depth = d
	}
	return v
}

func (v *Vocabulary) addName(key, id string) {
	if key == "" || slices.Contains(v.names[key], id) {
		return
	}
	v.names[key] = append(v.names[key], id)
	v.maxWords = max(v.maxWords, strings.Count(key, " ")+1)
}

// Version is the taxonomy's version.
func (v *Vocabulary) Version() string { return v.version }

// Concept returns the concept with the given id.
func (v *Vocabulary) Concept(id string) (lumen.Concept, bool) {
	n, ok := v.concepts[id]
	if !ok {
		return lumen.Concept{}, false
	}
	return n.c, true
}

// Has reports whether id is a concept of the taxonomy.
func (v *Vocabulary) Has(id string) bool { _, ok := v.concepts[id]; return ok }

// Named returns the concepts that phrase names as a whole (a label or a
// synonym, compared without case, punctuation, spacing and plural "s").
func (v *Vocabulary) Named(phrase string) []string {
	return slices.Clone(v.names[Fold(phrase)])
}

// Abbreviated returns the concepts whose abbreviation word is (compared
// without case). An abbreviation names its concept only in a text that
// defines it, so the caller must check that.
func (v *Vocabulary) Abbreviated(word string) []string {
	return slices.Clone(v.abbrevs[strings.ToUpper(strings.TrimSpace(word))])
}

// MaxWords is the number of words of the longest name, the longest span of
// query words worth looking up.
func (v *Vocabulary) MaxWords() int { return v.maxWords }

// Narrower returns id followed by every concept below it in the hierarchy,
// depth first in taxonomy order. An unknown id gives just itself.
func (v *Vocabulary) Narrower(id string) []string {
	out := []string{id}
	seen := map[string]bool{id: true}
	var walk func(string)
	walk = func(p string) {
		n, ok := v.concepts[p]
		if !ok {
			return
		}
		for _, c := range n.children {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
				walk(c)
			}
		}
	}
	walk(id)
	return out
}

// Ancestors returns the concepts above id, nearest first.
func (v *Vocabulary) Ancestors(id string) []string {
	var out []string
	seen := map[string]bool{id: true}
	n, ok := v.concepts[id]
	for ok {
		b := n.c.Broader
		if b == "" || seen[b] {
			break
		}
		if n, ok = v.concepts[b]; !ok {
			break
		}
		seen[b] = true
		out = append(out, b)
	}
	return out
}

// Children returns the concepts directly below id.
func (v *Vocabulary) Children(id string) []string {
	if n, ok := v.concepts[id]; ok {
		return slices.Clone(n.children)
	}
	return nil
}

// Depth is how many broader concepts id has (0 at the top).
func (v *Vocabulary) Depth(id string) int {
	if n, ok := v.concepts[id]; ok {
		return n.depth
	}
	return 0
}

// OfKind returns the concepts of a kind in hierarchy order: each top-level
// concept followed by the concepts below it, depth first, siblings in
// taxonomy order. A concept whose broader concept is of another kind counts
// as top-level.
func (v *Vocabulary) OfKind(kind string) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(string)
	walk = func(id string) {
		if seen[id] {
			return
		}
		seen[id] = true
		out = append(out, id)
		for _, c := range v.concepts[id].children {
			if v.concepts[c].c.Kind == kind {
				walk(c)
			}
		}
	}
	for _, id := range v.order {
		n := v.concepts[id]
		if n.c.Kind != kind {
			continue
		}
		if p, ok := v.concepts[n.c.Broader]; ok && p.c.Kind == kind {
			continue
		}
		walk(id)
	}
	return out
}

// IsKind reports whether s is a kind of concept the taxonomy has.
func (v *Vocabulary) IsKind(s string) bool {
	for _, id := range v.order {
		if v.concepts[id].c.Kind == s {
			return true
		}
	}
	return false
}

// Fold is the comparison key of a name: lower case, words split at anything
// but letters and digits, a plural "s" dropped from words longer than three
// letters (not from "-ss" or "-us"), and a possessive "'s" dropped. It is
// the fold the taxonomy's validation uses to find duplicate synonyms.
func Fold(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	out := words[:0]
	for _, w := range words {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.Trim(w, "'’")
		if w == "" {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
			w = strings.TrimSuffix(w, "s")
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}
