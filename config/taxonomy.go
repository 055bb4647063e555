package config

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/lexicon"
	"github.com/lumen-research/lumen/internal/pairmodel"
)

//go:embed taxonomy.yaml
var taxonomyYAML []byte

// builtin holds the vocabulary files the built-in taxonomy names; a
// taxonomy of one's own may name them too.
//
//go:embed vocabulary/*.yaml pairmodel.json
var builtin embed.FS

// defaultVocabulary is what a taxonomy without a vocabulary key reads: the
// language's wordings, without any domain's.
var defaultVocabulary = []string{"vocabulary/en.yaml"}

// DefaultTaxonomy returns the built-in gut-skin taxonomy (taxonomy.yaml and
// the vocabulary files it names, embedded in the binary).
func DefaultTaxonomy() (lumen.Taxonomy, error) {
	return loadTaxonomy(bytes.NewReader(taxonomyYAML), "taxonomy.yaml", nil)
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

// LoadTaxonomy reads a taxonomy YAML file and the vocabulary files it
// names, and validates them: this is the one place where taxonomies and
// vocabularies are checked. name is the taxonomy's path, used in error
// messages ("name:line: concept id: synonym ...") and to find the
// vocabulary files, which are read next to it and else from the built-in
// ones (vocabulary/en.yaml, vocabulary/gutskin.yaml). A taxonomy without
// a vocabulary key reads vocabulary/en.yaml.
//
// It reports every problem it finds, joined: unknown fields, ids not of
// the form kind/slug, kinds other than condition, mechanism and
// intervention, duplicate ids, unknown or circular broader ids, empty
// labels or synonym lists, malformed MeSH ids, synonyms or abbreviations
// that two concepts share (compared without case, hyphens, spacing and
// plural "s"), unknown roles or a role given twice; in vocabulary files,
// unknown list names, duplicates in a list and entries that do not fit
// their list (a phrase in a list of single words).
func LoadTaxonomy(r io.Reader, name string) (lumen.Taxonomy, error) {
	return loadTaxonomy(r, name, os.DirFS(filepath.Dir(name)))
}

// loadTaxonomy reads a taxonomy whose vocabulary files are found in dir
// (nil: the built-in ones only).
func loadTaxonomy(r io.Reader, name string, dir fs.FS) (lumen.Taxonomy, error) {
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
		tax        lumen.Taxonomy
		errs       []error
		concepts   *yaml.Node
		vocabNode  *yaml.Node
		vocabFiles []*yaml.Node
		pairModel  *yaml.Node
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
		case "vocabulary":
			vocabNode = v
			if v.Kind != yaml.SequenceNode {
				at(v, "vocabulary must be a list of file names")
				continue
			}
			for _, f := range v.Content {
				if f.Kind != yaml.ScalarNode || strings.TrimSpace(f.Value) == "" {
					at(f, "vocabulary must be a list of file names")
					continue
				}
				vocabFiles = append(vocabFiles, f)
			}
		case "pair_model":
			if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
				at(v, "pair_model must be a file name")
				continue
			}
			pairModel = v
		default:
			at(k, "unknown field %q (want version, vocabulary, pair_model, concepts)", k.Value)
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
	modifiers := map[string]place{} // folded modifier -> the concept using it
	roles := map[string]place{}     // role -> the concept that has it
	broaderLine := map[string]int{} // id -> line of its broader field
	for _, cn := range concepts.Content {
		if cn.Kind != yaml.MappingNode {
			at(cn, "a concept is a mapping with id, kind, label, synonyms")
			continue
		}
		var c lumen.Concept
		broaderAt := cn.Line
		var harmfulAt *yaml.Node
		synNodes := map[string]*yaml.Node{}
		var abbrNodes, modNodes []*yaml.Node
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
			case "beneficial":
				if v.Kind != yaml.ScalarNode || v.Value != "true" && v.Value != "false" {
					at(v, "beneficial must be true or false")
					continue
				}
				c.Beneficial = v.Value == "true"
			case "harmful":
				if v.Kind != yaml.ScalarNode || v.Value != "true" && v.Value != "false" {
					at(v, "harmful must be true or false")
					continue
				}
				c.Harmful = v.Value == "true"
				harmfulAt = v
			case "roles":
				if v.Kind != yaml.SequenceNode {
					at(v, "roles must be a list of role names")
					continue
				}
				for _, rn := range v.Content {
					role := strings.TrimSpace(rn.Value)
					if rn.Kind != yaml.ScalarNode || role == "" {
						at(rn, "roles must be a list of role names")
						continue
					}
					if _, ok := lexicon.LookupRole(role); !ok {
						at(rn, "concept %s: unknown role %q (known: %s)", c.ID, role, roleNames())
						continue
					}
					if p, ok := roles[role]; ok {
						at(rn, "concept %s: role %q is also given to %s (line %d)", c.ID, role, p.id, p.line)
						continue
					}
					roles[role] = place{c.ID, rn.Line}
					c.Roles = append(c.Roles, role)
				}
			case "synonyms", "abbreviations", "modifiers":
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
					switch k.Value {
					case "synonyms":
						c.Synonyms = append(c.Synonyms, val)
						synNodes[val] = sn
					case "modifiers":
						c.Modifiers = append(c.Modifiers, val)
						modNodes = append(modNodes, sn)
					default:
						c.Abbreviations = append(c.Abbreviations, val)
						abbrNodes = append(abbrNodes, sn)
					}
				}
			default:
				at(k, "concept %s: unknown field %q (want id, kind, label, mesh, broader, synonyms, abbreviations, modifiers, roles, beneficial, harmful)", c.ID, k.Value)
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
		if c.Beneficial && c.Harmful {
			at(harmfulAt, "%s: beneficial and harmful at once", where)
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
		for _, n := range modNodes {
			w := strings.TrimSpace(n.Value)
			if w == "" || strings.ContainsFunc(w, unicode.IsSpace) {
				at(n, "%s: modifier %q must be one word", where, w)
				continue
			}
			key := foldSynonym(w)
			if p, ok := modifiers[key]; ok {
				if p.id == c.ID {
					at(n, "%s: duplicate modifier %q (first at line %d)", where, w, p.line)
				} else {
					at(n, "%s: modifier %q is also a modifier of %s (line %d)", where, w, p.id, p.line)
				}
				continue
			}
			modifiers[key] = place{c.ID, n.Line}
		}
		tax.Concepts = append(tax.Concepts, c)
	}
	// Synonyms that fold to an abbreviation of another concept.
	for a, p := range abbrevs {
		if q, ok := synonyms[foldSynonym(a)]; ok && q.id != p.id && isUpperWord(a) {
			errs = append(errs, fmt.Errorf("%s:%d: concept %s: abbreviation %q is a synonym of %s (line %d)", name, p.line, p.id, a, q.id, q.line))
		}
	}
	// A modifier that is a one-word synonym would name its concept alone.
	for _, m := range slices.Sorted(maps.Keys(modifiers)) {
		p := modifiers[m]
		if q, ok := synonyms[m]; ok {
			errs = append(errs, fmt.Errorf("%s:%d: concept %s: modifier %q is a synonym of %s (line %d)", name, p.line, p.id, m, q.id, q.line))
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
	// Vocabulary files.
	files := defaultVocabulary
	fileLine := map[string]int{}
	if vocabNode != nil {
		files = nil
		for _, f := range vocabFiles {
			v := strings.TrimSpace(f.Value)
			if slices.Contains(files, v) {
				at(f, "vocabulary file %s is named twice", v)
				continue
			}
			files = append(files, v)
			fileLine[v] = f.Line
		}
	}
	lists := map[string]*lumen.WordList{}
	var order []string
	for _, f := range files {
		b, shown, err := readVocabulary(dir, f)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: vocabulary: %w", name, max(fileLine[f], 1), err))
			continue
		}
		if err := parseVocabulary(b, shown, lists, &order); err != nil {
			errs = append(errs, err)
		}
	}
	for _, n := range order {
		tax.Vocabulary = append(tax.Vocabulary, *lists[n])
	}
	if pairModel != nil {
		b, shown, err := readVocabulary(dir, strings.TrimSpace(pairModel.Value))
		if err == nil {
			if _, err = pairmodel.Decode(b); err != nil {
				err = fmt.Errorf("%s: %w", shown, err)
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: pair_model: %w", name, pairModel.Line, err))
		}
		tax.PairModel = b
	}
	if len(errs) > 0 {
		return lumen.Taxonomy{}, errors.Join(errs...)
	}
	return tax, nil
}

func roleNames() string {
	var names []string
	for _, r := range lexicon.Roles() {
		names = append(names, r.Name)
	}
	return strings.Join(names, ", ")
}

// readVocabulary reads the vocabulary (or pair model) file f: from dir when it is there,
// else from the built-in files. It returns the name to show in errors.
func readVocabulary(dir fs.FS, f string) ([]byte, string, error) {
	if dir != nil && !filepath.IsAbs(f) {
		b, err := fs.ReadFile(dir, filepath.ToSlash(path.Clean(f)))
		switch {
		case err == nil:
			return b, f, nil
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrInvalid):
			return nil, f, err
		}
	} else if filepath.IsAbs(f) {
		b, err := os.ReadFile(f)
		return b, f, err
	}
	b, err := builtin.ReadFile(path.Clean(f))
	if err != nil {
		return nil, f, fmt.Errorf("%s: not found next to the taxonomy nor among the built-in files", f)
	}
	return b, "built-in " + f, nil
}

// parseVocabulary reads one vocabulary file into lists, in the order of
// first appearance; a list named in several files gathers their entries.
func parseVocabulary(b []byte, name string, lists map[string]*lumen.WordList, order *[]string) error {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: a vocabulary is a mapping with version and lists", name, root.Line)
	}
	var errs []error
	at := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", name, n.Line, fmt.Sprintf(format, args...)))
	}
	top := root.Content[0]
	version := ""
	var listsNode *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "version":
			version = strings.TrimSpace(v.Value)
			if v.Kind != yaml.ScalarNode || version == "" || strings.ContainsFunc(version, unicode.IsSpace) {
				at(v, "version must be a string without spaces")
			}
		case "lists":
			listsNode = v
		default:
			at(k, "unknown field %q (want version, lists)", k.Value)
		}
	}
	if version == "" {
		at(top, "missing version")
	}
	if listsNode == nil || listsNode.Kind != yaml.MappingNode {
		at(top, "lists must be a mapping of list names to lists")
		return errors.Join(errs...)
	}
	seenHere := map[string]int{}
	for i := 0; i+1 < len(listsNode.Content); i += 2 {
		k, v := listsNode.Content[i], listsNode.Content[i+1]
		meta, ok := lexicon.LookupList(k.Value)
		if !ok {
			at(k, "unknown list %q", k.Value)
			continue
		}
		if line, dup := seenHere[k.Value]; dup {
			at(k, "list %s is given twice (first at line %d)", k.Value, line)
			continue
		}
		seenHere[k.Value] = k.Line
		if v.Kind != yaml.SequenceNode {
			at(v, "list %s must be a list of strings", k.Value)
			continue
		}
		l := lists[k.Value]
		if l == nil {
			l = &lumen.WordList{Name: k.Value, Version: version, Source: fmt.Sprintf("%s:%d", name, k.Line)}
			lists[k.Value] = l
			*order = append(*order, k.Value)
		} else {
			l.Version += "+" + version
			l.Source += fmt.Sprintf(", %s:%d", name, k.Line)
		}
		seen := map[string]bool{}
		for _, w := range l.Words {
			seen[entryKey(w)] = true
		}
		for _, e := range v.Content {
			w := strings.TrimSpace(e.Value)
			if e.Kind != yaml.ScalarNode || w == "" {
				at(e, "list %s: entries must be non-empty strings", k.Value)
				continue
			}
			if msg := checkEntry(meta.Kind, w); msg != "" {
				at(e, "list %s: %q %s", k.Value, w, msg)
				continue
			}
			key := entryKey(w)
			if seen[key] {
				at(e, "list %s: duplicate entry %q", k.Value, w)
				continue
			}
			seen[key] = true
			l.Words = append(l.Words, w)
		}
	}
	return errors.Join(errs...)
}

// entryKey compares entries of a list without case and extra spaces.
func entryKey(w string) string { return strings.Join(strings.Fields(strings.ToLower(w)), " ") }

// checkEntry says what is wrong with an entry of a list of the given kind,
// or "".
func checkEntry(kind lexicon.Kind, w string) string {
	switch kind {
	case lexicon.Verbs:
		// A verb and its particles ("push up", "rein in"): the forms are
		// the first word's.
		for _, f := range strings.Split(w, " ") {
			if f == "" || strings.ContainsFunc(f, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
			}) {
				return "is not a verb with its particles"
			}
		}
	case lexicon.Words:
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' {
				return "is not a single word"
			}
		}
	case lexicon.Suffixes:
		for _, r := range w {
			if !unicode.IsLower(r) {
				return "is not a lower-case word ending"
			}
		}
	case lexicon.Phrases:
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return "has no words"
		}
	case lexicon.Abbreviations:
		// The sentence splitter reads the letters before a full stop
		// byte by byte: ASCII letters, with full stops inside ("e.g").
		if strings.HasPrefix(w, ".") || strings.HasSuffix(w, ".") || strings.ContainsFunc(w, func(r rune) bool {
			return r != '.' && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
		}) {
			return "is not an abbreviation of ASCII letters without its final full stop"
		}
	case lexicon.Inflections:
		if _, err := lexicon.ParseAffix(w); err != nil {
			return err.Error()
		}
	}
	return ""
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
