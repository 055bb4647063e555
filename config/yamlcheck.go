package config

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/lumen-research/lumen"
)

// yamlKey is a key of a YAML mapping: its path ("crawler.timeout",
// "sources[2].schedule") and its value node.
type yamlKey struct {
	path  string
	value *yaml.Node
}

// yamlKeys lists the keys of a YAML document by the line they are on, so that
// the decoder's "line N: ..." errors can name the field.
func yamlKeys(doc *yaml.Node) map[int][]yamlKey {
	keys := map[int][]yamlKey{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := k.Value
				if path != "" {
					p = path + "." + k.Value
				}
				keys[k.Line] = append(keys[k.Line], yamlKey{p, v})
				walk(v, p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	walk(doc, "")
	return keys
}

var (
	lineRE     = regexp.MustCompile(`^line (\d+): (.*)$`)
	notFoundRE = regexp.MustCompile(`field (\S+) not found`)
	valueRE    = regexp.MustCompile("`([^`]*)`")
)

// fieldOf picks, among the keys on an error's line (several in a flow
// mapping such as {name: a, max_depth: x}), the one the message is about.
func fieldOf(keys []yamlKey, msg string) string {
	if len(keys) == 0 {
		return ""
	}
	if m := notFoundRE.FindStringSubmatch(msg); m != nil {
		for _, k := range keys {
			if k.path == m[1] || strings.HasSuffix(k.path, "."+m[1]) {
				return k.path
			}
		}
	}
	for _, k := range keys {
		v := k.value
		switch {
		case strings.Contains(msg, "!!seq") && v.Kind == yaml.SequenceNode,
			strings.Contains(msg, "!!map") && v.Kind == yaml.MappingNode:
			return k.path
		case v.Kind == yaml.ScalarNode:
			if m := valueRE.FindStringSubmatch(msg); m != nil && m[1] == v.Value {
				return k.path
			}
		}
	}
	return keys[0].path
}

// namedErrors turns the decoder's errors into ones that name the key, each
// an *lumen.InvalidError: "crawler.timeout: line 5: cannot unmarshal ...".
func namedErrors(err error, doc *yaml.Node) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err // a syntax error: its message has the line
	}
	keys := yamlKeys(doc)
	var errs []error
	for _, msg := range te.Errors {
		field := ""
		if m := lineRE.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			field = fieldOf(keys[n], m[2])
		}
		errs = append(errs, lumen.Invalidf(field, "%s", msg))
	}
	return errors.Join(errs...)
}

var durationType = reflect.TypeFor[time.Duration]()

// dropZeroDurations removes from the decoder's error the complaints about
// the bare zero durations checkTypes rewrote (on the lines in zeroed); nil
// when nothing else is left.
func dropZeroDurations(err error, zeroed map[int]bool) error {
	var te *yaml.TypeError
	if len(zeroed) == 0 || !errors.As(err, &te) {
		return err
	}
	var keep []string
	for _, msg := range te.Errors {
		if m := lineRE.FindStringSubmatch(msg); m != nil && strings.Contains(m[2], "into time.Duration") {
			if n, _ := strconv.Atoi(m[1]); zeroed[n] {
				continue
			}
		}
		keep = append(keep, msg)
	}
	if len(keep) == 0 {
		return nil
	}
	return &yaml.TypeError{Errors: keep}
}

// isZero reports whether a YAML number is zero ("0", "0.0", "-0", "0x0").
func isZero(v string) bool {
	if i, err := strconv.ParseInt(v, 0, 64); err == nil {
		return i == 0
	}
	f, err := strconv.ParseFloat(v, 64)
	return err == nil && f == 0
}

// checkTypes reports the values the YAML decoder would accept but that are
// surely mistakes: a bare number for a duration ("timeout: 30" would be 30
// nanoseconds). A bare 0 is no mistake: zero is zero in every unit, and the
// documentation says "0 = ..." (check.interval: 0, crawler.recrawl: 0):
// such a node is rewritten to "0s" and its line added to zeroed. It walks the document alongside the type it decodes into.
func checkTypes(n *yaml.Node, t reflect.Type, path string, zeroed map[int]bool) []error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.DocumentNode {
		var errs []error
		for _, c := range n.Content {
			errs = append(errs, checkTypes(c, t, path, zeroed)...)
		}
		return errs
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch {
	case t == durationType:
		if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") && isZero(n.Value) {
			// The decoder takes a duration from a string only: the node
			// becomes "0s", and its line is noted for decode.
			n.Tag, n.Value, n.Style = "!!str", "0s", 0
			zeroed[n.Line] = true
			return nil
		}
		if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
			return []error{lumen.Invalidf(path, "line %d: %s is not a duration: give a unit, e.g. %ss or %sms", n.Line, n.Value, n.Value, n.Value)}
		}
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := map[string]reflect.Type{}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name != "" && name != "-" {
				fields[name] = f.Type
			}
		}
		var errs []error
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if ft, ok := fields[k]; ok {
				p := k
				if path != "" {
					p = path + "." + k
				}
				errs = append(errs, checkTypes(n.Content[i+1], ft, p, zeroed)...)
			}
		}
		return errs
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		var errs []error
		for i, c := range n.Content {
			errs = append(errs, checkTypes(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i), zeroed)...)
		}
		return errs
	}
	return nil
}
