package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/lumen-research/lumen"
)

//go:embed taxonomy.yaml
var taxonomyYAML []byte

// DefaultTaxonomy returns the built-in gut-skin taxonomy (taxonomy.yaml,
// embedded in the binary).
func DefaultTaxonomy() (lumen.Taxonomy, error) {
	return LoadTaxonomy(bytes.NewReader(taxonomyYAML), "taxonomy.yaml")
}

// DefaultTaxonomyYAML returns the text of the built-in taxonomy, a starting
// point for a taxonomy of one's own.
func DefaultTaxonomyYAML() []byte { return bytes.Clone(taxonomyYAML) }

var (
	taxonomyIDPattern = regexp.MustCompile(`^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$`)
	meshPattern       = regexp.MustCompile(`^[A-Z][0-9]{6,9}$`)
)

// taxonomyKinds are the kinds a concept may have.
var taxonomyKinds = map[string]bool{
	lumen.KindCondition: true, lumen.KindMechanism: true, lumen.KindIntervention: true,
}

// LoadTaxonomy reads a taxonomy YAML file and validates it. name is used in
// error messages, which say where the problem is: "name:line: concept id:
// synonym ...". It reports every problem it finds, joined: unknown fields,
// ids not of the form kind/slug, kinds other than condition, mechanism and
// intervention, duplicate ids, unknown or circular broader ids, empty labels
// or synonym lists, malformed MeSH ids, and synonyms or abbreviations that two
// concepts share (compared without case, hyphens, spacing and plural "s").
func LoadTaxonomy(r io.Reader, name string) (lumen.Taxonomy, error) {
	var root yaml.Node
	if err := yaml.NewDecoder(r).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return lumen.Taxonomy{}, fmt.Errorf("%s: empty taxonomy", name)
		}
		return lumen.Taxonomy{}, fmt.Errorf("%s: %w", name, err)
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return lumen.Taxonomy{}, fmt.Errorf("%s:%d: a taxonomy is a mapping with version and concepts", name, root.Line)
	}
	var (
		tax      lumen.Taxonomy
		errs     []error
		concepts *yaml.Node
	)
	at := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", name, n.Line, fmt.Sprintf(format, args...)))
	}
	top := root.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "version":
			if v.Kind != yaml.ScalarNode {
				at(v, "version must be a string")
				continue
			}
			tax.Version = strings.TrimSpace(v.Value)
		case "concepts":
			concepts = v
		default:
			at(k, "unknown field %q (want version, concepts)", k.Value)
		}
	}
	if tax.Version == "" {
		at(top, "missing version")
	} else if strings.ContainsFunc(tax.Version, unicode.IsSpace) {
		at(top, "version %q must not contain spaces", tax.Version)
	}
	if concepts == nil || concepts.Kind != yaml.SequenceNode || len(concepts.Content) == 0 {
		at(top, "concepts must be a non-empty list")
		return lumen.Taxonomy{}, errors.Join(errs...)
	}

	type place struct {
		id   string
		line int
	}
	ids := map[string]int{}         // id -> line
	synonyms := map[string]place{}  // folded synonym -> first concept using it
	abbrevs := map[string]place{}   // abbreviation -> first concept using it
	broaderLine := map[string]int{} // id -> line of its broader field
	for _, cn := range concepts.Content {
		if cn.Kind != yaml.MappingNode {
			at(cn, "a concept is a mapping with id, kind, label, synonyms")
			continue
		}
		var c lumen.Concept
		broaderAt := cn.Line
		synNodes := map[string]*yaml.Node{}
		var abbrNodes []*yaml.Node
		for i := 0; i+1 < len(cn.Content); i += 2 {
			k, v := cn.Content[i], cn.Content[i+1]
			switch k.Value {
			case "id", "kind", "label", "mesh", "broader":
				if v.Kind != yaml.ScalarNode {
					at(v, "%s must be a string", k.Value)
					continue
				}
				val := strings.TrimSpace(v.Value)
				switch k.Value {
				case "id":
					c.ID = val
				case "kind":
					c.Kind = val
				case "label":
					c.Label = val
				case "mesh":
					c.MeSH = val
				case "broader":
					c.Broader = val
					broaderAt = v.Line
				}
			case "synonyms", "abbreviations":
				if v.Kind != yaml.SequenceNode {
					at(v, "%s must be a list of strings", k.Value)
					continue
				}
				for _, sn := range v.Content {
					if sn.Kind != yaml.ScalarNode {
						at(sn, "%s must be a list of strings", k.Value)
						continue
					}
					val := strings.TrimSpace(sn.Value)
					if k.Value == "synonyms" {
						c.Synonyms = append(c.Synonyms, val)
						synNodes[val] = sn
					} else {
						c.Abbreviations = append(c.Abbreviations, val)
						abbrNodes = append(abbrNodes, sn)
					}
				}
			default:
				at(k, "concept %s: unknown field %q (want id, kind, label, mesh, broader, synonyms, abbreviations)", c.ID, k.Value)
			}
		}
		where := "concept " + c.ID
		switch {
		case c.ID == "":
			at(cn, "concept without id")
			continue
		case !taxonomyIDPattern.MatchString(c.ID):
			at(cn, "%s: id must be kind/slug (lower-case letters, digits and hyphens), e.g. condition/acne", where)
		case !taxonomyKinds[lumen.ConceptKind(c.ID)]:
			at(cn, "%s: kind %q in the id is not one of condition, mechanism, intervention", where, lumen.ConceptKind(c.ID))
		}
		if line, dup := ids[c.ID]; dup {
			at(cn, "%s: duplicate id (first at line %d)", where, line)
		}
		ids[c.ID] = cn.Line
		switch {
		case c.Kind == "":
			at(cn, "%s: missing kind", where)
		case !taxonomyKinds[c.Kind]:
			at(cn, "%s: kind %q is not one of condition, mechanism, intervention", where, c.Kind)
		case c.Kind != lumen.ConceptKind(c.ID):
			at(cn, "%s: kind %q does not match the id", where, c.Kind)
		}
		if c.Label == "" {
			at(cn, "%s: missing label", where)
		}
		if c.MeSH != "" && !meshPattern.MatchString(c.MeSH) {
			at(cn, "%s: mesh %q is not a MeSH descriptor id such as D000152", where, c.MeSH)
		}
		if c.Broader == c.ID && c.ID != "" {
			at(cn, "%s: broader names the concept itself", where)
		}
		if c.Broader != "" {
			broaderLine[c.ID] = broaderAt
		}
		if len(c.Synonyms) == 0 {
			at(cn, "%s: no synonyms", where)
		}
		seenHere := map[string]bool{}
		for _, syn := range c.Synonyms {
			n := synNodes[syn]
			key := foldSynonym(syn)
			if key == "" {
				at(n, "%s: empty synonym", where)
				continue
			}
			if p, ok := synonyms[key]; ok && p.id != c.ID {
				at(n, "%s: synonym %q is also a synonym of %s (line %d)", where, syn, p.id, p.line)
				continue
			}
			if !seenHere[key] {
				synonyms[key] = place{c.ID, n.Line}
				seenHere[key] = true
			}
		}
		for _, n := range abbrNodes {
			a := strings.TrimSpace(n.Value)
			if a == "" || strings.ContainsFunc(a, unicode.IsSpace) {
				at(n, "%s: abbreviation %q must be one word", where, a)
				continue
			}
			if p, ok := abbrevs[a]; ok && p.id != c.ID {
				at(n, "%s: abbreviation %q is also an abbreviation of %s (line %d)", where, a, p.id, p.line)
				continue
			}
			abbrevs[a] = place{c.ID, n.Line}
		}
		tax.Concepts = append(tax.Concepts, c)
	}
	// Synonyms that fold to an abbreviation of another concept.
	for a, p := range abbrevs {
		if q, ok := synonyms[foldSynonym(a)]; ok && q.id != p.id && isUpperWord(a) {
			errs = append(errs, fmt.Errorf("%s:%d: concept %s: abbreviation %q is a synonym of %s (line %d)", name, p.line, p.id, a, q.id, q.line))
		}
	}
	// Broader ids must exist and must not loop.
	byID := map[string]lumen.Concept{}
	for _, c := range tax.Concepts {
		byID[c.ID] = c
	}
	for _, c := range tax.Concepts {
		if c.Broader == "" {
			continue
		}
		if _, ok := byID[c.Broader]; !ok {
			errs = append(errs, fmt.Errorf("%s:%d: concept %s: unknown broader id %q", name, broaderLine[c.ID], c.ID, c.Broader))
			continue
		}
		seen := map[string]bool{c.ID: true}
		for b := c.Broader; b != ""; b = byID[b].Broader {
			if seen[b] {
				errs = append(errs, fmt.Errorf("%s:%d: concept %s: broader concepts form a loop through %s", name, broaderLine[c.ID], c.ID, b))
				break
			}
			seen[b] = true
		}
	}
	if len(errs) > 0 {
		return lumen.Taxonomy{}, errors.Join(errs...)
	}
	return tax, nil
}

// foldSynonym is the comparison key of a synonym: lower case, words split at
// anything but letters and digits, and a plural "s" dropped from each word.
// The tagger folds more (diacritics, Greek letters, closed compounds) and
// rejects what this misses when it is built.
func foldSynonym(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
			words[i] = strings.TrimSuffix(w, "s")
		}
	}
	return strings.Join(words, " ")
}

func isUpperWord(s string) bool {
	up := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 2
}
