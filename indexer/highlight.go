package indexer

import (
	"html"
	"regexp"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
)

// marker finds the words of a query in a hit's text. Searches do not
// collect term locations (that costs a decode of every matching posting's
// positions, for every hit, not just the page shown); instead the page's
// sentences are tokenised and each word is compared with the query's
// analysed terms, the way the index analysed it.
type marker struct {
	terms    map[string][]int // analysed term -> clauses
	patterns []markPattern
	clauses  []string // the clauses' words as typed
	prefixes map[string]bool
}

type markPattern struct {
	re     *regexp.Regexp // wildcard or regexp over the analysed term
	fuzzy  string         // or a fuzzy term
	edits  int
	clause int
}

func (m *marker) addTerms(words string, terms []string) {
	if m.terms == nil {
		m.terms, m.prefixes = map[string][]int{}, map[string]bool{}
	}
	i := len(m.clauses)
	m.clauses = append(m.clauses, words)
	for _, t := range terms {
		m.terms[t] = append(m.terms[t], i)
		m.prefixes[prefix3(t)] = true
	}
}

func (m *marker) addPattern(words string, re *regexp.Regexp) {
	m.patterns = append(m.patterns, markPattern{re: re, clause: len(m.clauses)})
	m.clauses = append(m.clauses, words)
}

func (m *marker) addFuzzy(words, term string, edits int) {
	m.patterns = append(m.patterns, markPattern{fuzzy: term, edits: edits, clause: len(m.clauses)})
	m.clauses = append(m.clauses, words)
}

func (m *marker) empty() bool { return len(m.terms) == 0 && len(m.patterns) == 0 }

// prefix3 is the first three letters of a word: a stemmer keeps them, so a
// word whose first three letters match no query term need not be stemmed.
func prefix3(s string) string {
	n := 0
	for i := range s {
		if n == 3 {
			return s[:i]
		}
		n++
	}
	return s
}

// mark returns text as escaped HTML with the query's words in <mark>, and
// which of the query's clauses it found.
func (m *marker) mark(an analysis.Analyzer, text string) (string, []int) {
	if m == nil || m.empty() {
		return html.EscapeString(text), nil
	}
	var b strings.Builder
	var found []int
	pos := 0
	forEachWord(text, func(start, end int) {
		word := strings.ToLower(text[start:end])
		clauses := m.match(an, word)
		if len(clauses) == 0 {
			return
		}
		for _, c := range clauses {
			if !containsInt(found, c) {
				found = append(found, c)
			}
		}
		b.WriteString(html.EscapeString(text[pos:start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[start:end]))
		b.WriteString("</mark>")
		pos = end
	})
	if pos == 0 {
		return html.EscapeString(text), found
	}
	b.WriteString(html.EscapeString(text[pos:]))
	return b.String(), found
}

// match returns the clauses whose terms or patterns match word (lower case).
func (m *marker) match(an analysis.Analyzer, word string) []int {
	var term string
	analysed := false
	analyse := func() string {
		if !analysed {
			analysed = true
			if ts := an.Analyze([]byte(word)); len(ts) == 1 {
				term = string(ts[0].Term)
			}
		}
		return term
	}
	var out []int
	if len(m.terms) > 0 {
		if cs, ok := m.terms[word]; ok {
			out = append(out, cs...)
		} else if m.prefixes[prefix3(word)] {
			if cs, ok := m.terms[analyse()]; ok && term != "" {
				out = append(out, cs...)
			}
		}
	}
	for _, p := range m.patterns {
		switch {
		case p.re != nil:
			if p.re.MatchString(word) || (analyse() != "" && p.re.MatchString(term)) {
				out = append(out, p.clause)
			}
		case p.fuzzy != "":
			if editDistanceAtMost(word, p.fuzzy, p.edits) || (analyse() != "" && editDistanceAtMost(term, p.fuzzy, p.edits)) {
				out = append(out, p.clause)
			}
		}
	}
	return out
}

// forEachWord calls fn with the byte span of every word of text: a run of
// letters, digits and marks (the unicode tokenizer's words, near enough).
func forEachWord(text string, fn func(start, end int)) {
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
			(r == '\'' && start >= 0)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// editDistanceAtMost reports whether a and b are at most k edits apart
// (Levenshtein over runes).
func editDistanceAtMost(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > k || -d > k {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}
