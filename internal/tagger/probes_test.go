package tagger

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
)

// probeCase is one case of a probe file (testdata/probes.txt describes the
// format).
type probeCase struct {
	name string // section/number
	line int
	text string

	checkClaim             bool
	claim, negated, hedged bool

	concepts      []string // nil: not checked; empty: none
	mentions      []string // the mentions' texts in text order; nil: not checked
	relation      string
	sentences     [][]string
	pairs         []lumen.Relation
	pairsSet      bool
	claimEvidence *string
	evidence      *string
	kind          string
}

// loadProbes reads a probe file; concept slugs are resolved against tg.
func loadProbes(tb testing.TB, tg *Tagger, path string) []probeCase {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var (
		cases   []probeCase
		section = "probes"
		n       int
	)
	fail := func(line int, format string, args ...any) {
		tb.Fatalf("%s:%d: %s", path, line, fmt.Sprintf(format, args...))
	}
	resolve := func(line int, s string) []string {
		out := []string{}
		if strings.TrimSpace(s) == "-" {
			return out
		}
		for _, w := range strings.Fields(s) {
			id, ok := resolveConcept(tg, w)
			if !ok {
				fail(line, "unknown concept %q", w)
			}
			out = append(out, id)
		}
		slices.Sort(out)
		return out
	}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Text()
		trimmed := strings.TrimSpace(raw)
		switch {
		case strings.HasPrefix(trimmed, "## "):
			section = strings.ReplaceAll(strings.TrimSpace(trimmed[3:]), " ", "_")
			n = 0
			continue
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case raw[0] == ' ' || raw[0] == '\t':
			if len(cases) == 0 {
				fail(line, "an attribute before any case")
			}
			c := &cases[len(cases)-1]
			key, val, ok := strings.Cut(trimmed, ":")
			if !ok {
				fail(line, "want key: value")
			}
			val = strings.TrimSpace(val)
			switch key {
			case "concepts":
				c.concepts = resolve(line, val)
			case "mentions":
				c.mentions = []string{}
				if val != "-" {
					for _, part := range strings.Split(val, "|") {
						c.mentions = append(c.mentions, strings.TrimSpace(part))
					}
				}
			case "relation":
				c.relation = val
			case "sentences":
				for _, part := range strings.Split(val, "|") {
					c.sentences = append(c.sentences, resolve(line, part))
				}
			case "pairs":
				c.pairsSet = true
				if val == "-" {
					continue
				}
				for _, part := range strings.Split(val, ";") {
					r, err := parsePair(tg, part)
					if err != nil {
						fail(line, "%v", err)
					}
					c.pairs = append(c.pairs, r)
				}
			case "claim-evidence":
				if val == "-" {
					val = ""
				}
				c.claimEvidence = &val
			case "evidence":
				if val == "-" {
					val = ""
				}
				c.evidence = &val
			case "kind":
				c.kind = val
			default:
				fail(line, "unknown key %q", key)
			}
			continue
		}
		flags, text, ok := strings.Cut(raw, "|")
		if !ok {
			fail(line, "want FLAGS | TEXT")
		}
		n++
		c := probeCase{name: fmt.Sprintf("%s/%03d", section, n), line: line,
			text: strings.ReplaceAll(strings.TrimPrefix(text, " "), `\n`, "\n")}
		switch f := strings.TrimSpace(flags); f {
		case "?":
		case "-":
			c.checkClaim = true
		case "C", "CN", "CH", "CNH":
			c.checkClaim, c.claim = true, true
			c.negated = strings.Contains(f, "N")
			c.hedged = strings.Contains(f, "H")
		default:
			fail(line, "unknown flags %q", f)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return cases
}

// resolveConcept finds a concept by id or by the slug after its kind.
func resolveConcept(tg *Tagger, w string) (string, bool) {
	if _, ok := tg.byID[w]; ok {
		return w, true
	}
	found := ""
	for _, c := range tg.concepts {
		if _, slug, _ := strings.Cut(c.id, "/"); slug == w {
			if found != "" {
				return "", false
			}
			found = c.id
		}
	}
	return found, found != ""
}

// parsePair reads "SUBJECT > OBJECT EFFECT [negated] [hedged]".
func parsePair(tg *Tagger, s string) (lumen.Relation, error) {
	subj, rest, ok := strings.Cut(s, ">")
	if !ok {
		return lumen.Relation{}, fmt.Errorf("pair %q: want SUBJECT > OBJECT EFFECT", s)
	}
	f := strings.Fields(rest)
	if len(f) < 2 {
		return lumen.Relation{}, fmt.Errorf("pair %q: want SUBJECT > OBJECT EFFECT", s)
	}
	var r lumen.Relation
	var ok1, ok2 bool
	r.Subject, ok1 = resolveConcept(tg, strings.TrimSpace(subj))
	r.Object, ok2 = resolveConcept(tg, f[0])
	if !ok1 || !ok2 {
		return r, fmt.Errorf("pair %q: unknown concept", s)
	}
	switch f[1] {
	case lumen.RelationIncreases, lumen.RelationDecreases, lumen.RelationAssociated, lumen.RelationNoEffect:
		r.Effect = f[1]
	default:
		return r, fmt.Errorf("pair %q: unknown effect %q", s, f[1])
	}
	for _, w := range f[2:] {
		switch w {
		case "negated":
			r.Negated = true
		case "hedged":
			r.Hedged = true
		default:
			return r, fmt.Errorf("pair %q: unknown flag %q", s, w)
		}
	}
	return r, nil
}

func pairString(r lumen.Relation) string {
	s := r.Subject + " > " + r.Object + " " + r.Effect
	if r.Negated {
		s += " negated"
	}
	if r.Hedged {
		s += " hedged"
	}
	return s
}

// checkProbe tags a probe case and reports what differs.
func checkProbe(t *testing.T, tg *Tagger, c probeCase) {
	t.Helper()
	doc := Document{Text: c.text, Kind: c.kind}
	res := tg.Tag(doc)
	var first *lumen.Claim
	if len(res.Claims) > 0 {
		first = &res.Claims[0]
	}
	if c.checkClaim {
		var gotClaim, gotNeg, gotHedge bool
		if first != nil {
			gotClaim, gotNeg, gotHedge = true, first.Negated, first.Hedged
		}
		if gotClaim != c.claim || gotNeg != c.negated || gotHedge != c.hedged {
			t.Errorf("Tag(%q) = claim %v negated %v hedged %v, want %v %v %v (concepts %v)",
				c.text, gotClaim, gotNeg, gotHedge, c.claim, c.negated, c.hedged, res.Concepts)
		}
	}
	if c.concepts != nil {
		if got := concepts(res.Mentions); !slices.Equal(got, c.concepts) && !(len(got) == 0 && len(c.concepts) == 0) {
			t.Errorf("Tag(%q) concepts = %v, want %v", c.text, got, c.concepts)
		}
	}
	if c.mentions != nil {
		got := []string{}
		for _, m := range res.Mentions {
			got = append(got, m.Text)
		}
		if !slices.Equal(got, c.mentions) {
			t.Errorf("Tag(%q) mentions = %q, want %q", c.text, got, c.mentions)
		}
	}
	if c.relation != "" {
		got := ""
		if first != nil {
			got = first.Relation
		}
		if got != c.relation {
			t.Errorf("Tag(%q) relation = %q, want %q", c.text, got, c.relation)
		}
	}
	if c.sentences != nil {
		if len(res.Sentences) != len(c.sentences) {
			t.Errorf("Tag(%q): %d sentences, want %d", c.text, len(res.Sentences), len(c.sentences))
		} else {
			for i, s := range res.Sentences {
				ids := []string{}
				for _, m := range res.Mentions {
					if m.Start >= s.Start && m.Start < s.End && !slices.Contains(ids, m.Concept) {
						ids = append(ids, m.Concept)
					}
				}
				slices.Sort(ids)
				if !slices.Equal(ids, c.sentences[i]) {
					t.Errorf("Tag(%q) sentence %d concepts = %v, want %v", c.text, i, ids, c.sentences[i])
				}
			}
		}
	}
	if c.pairsSet {
		var got, want []string
		if first != nil {
			for _, r := range first.Relations {
				got = append(got, pairString(r))
			}
		}
		for _, r := range c.pairs {
			want = append(want, pairString(r))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Tag(%q) pairs =\n  %s\nwant\n  %s", c.text, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
	}
	if c.claimEvidence != nil {
		got := ""
		if first != nil {
			got = first.ClaimEvidence
		}
		if got != *c.claimEvidence {
			t.Errorf("Tag(%q) claim evidence = %q, want %q", c.text, got, *c.claimEvidence)
		}
	}
	if c.evidence != nil && res.Evidence != *c.evidence {
		t.Errorf("Tag(%q) evidence = %q, want %q", c.text, res.Evidence, *c.evidence)
	}
}

// TestProbes runs the probes of testdata/probes.txt, one subtest per case,
// on the rules alone (mustRulesTagger).
func TestProbes(t *testing.T) {
	tg := mustRulesTagger(t)
	for _, c := range loadProbes(t, tg, "testdata/probes.txt") {
		t.Run(c.name, func(t *testing.T) {
			checkProbe(t, tg, c)
		})
	}
}
