// Package qsyntax parses the query strings researchers type into the q
// parameter: bleve's query-string syntax (https://blevesearch.com/docs/Query-String-Query/)
// read by a parser of our own, so that an error says where it is ("unterminated
// phrase starting at character 9") and the caller gets every clause with its
// place in the input, to check field names against the index and to expand
// words that name a concept. It is pure: no index, no taxonomy, no I/O.
//
// The syntax: clauses separated by white space; each is optionally prefixed
// by + (must match) or - (must not match) and by field: (a field name); its
// value is a term (probiotics), a phrase ("leaky gut"), a wildcard (butyr*,
// interleukin-?), a regular expression (/inflamm.*/), or, after a field, a
// range (published:>=2020-01-01, confidence:<0.5, published:<"2021-06-01").
// A term may end in ~ or ~N (fuzzy, N edits, default 1) and any value in ^N
// (boost). A backslash escapes the next character. Clauses without + or -
// are optional: at least one of them must match unless a + clause exists.
package qsyntax

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Occur says how a clause takes part in the query.
type Occur int

// Clause occurrences.
const (
	Should  Occur = iota // optional; at least one optional clause must match when no clause is Must
	Must                 // + prefix
	MustNot              // - prefix
)

// Kind is the kind of a clause's value.
type Kind int

// Kinds of value.
const (
	Term     Kind = iota // a word, analysed like the field's text
	Phrase               // "words in order"
	Wildcard             // a term with * or ?
	Regexp               // /regular expression/
	Fuzzy                // term~N
	Range                // >, >=, <, <= after a field
)

func (k Kind) String() string {
	return [...]string{"term", "phrase", "wildcard", "regexp", "fuzzy", "range"}[k]
}

// Clause is one part of a query.
type Clause struct {
	Occur Occur
	Field string // "" for the default fields
	Kind  Kind
	// Text is the value without quotes, slashes or escapes: the term, the
	// phrase, the pattern, or the range's bound.
	Text string
	// Fuzziness is the number of edits of a Fuzzy clause (1 or 2).
	Fuzziness int
	// Boost multiplies the clause's score; 0 means none given.
	Boost float64
	// Op is the comparison of a Range clause: ">", ">=", "<" or "<=".
	Op string
	// Pos and End are the byte offsets of the clause in the input (End
	// exclusive); Pos includes the + or - prefix.
	Pos, End int
}

// Query is a parsed query string.
type Query struct {
	Clauses []Clause
	input   string
}

// Limits on a query.
const (
	MaxClauses = 64
	MaxFuzzy   = 2
)

// Error is a syntax error: what is wrong and where, as a byte offset into
// the input and a 1-based character position.
type Error struct {
	Msg    string
	Offset int // byte offset
	Char   int // 1-based position in characters
}

func (e *Error) Error() string { return fmt.Sprintf("%s at character %d", e.Msg, e.Char) }

// ErrSyntax is what every *Error matches with errors.Is.
var ErrSyntax = errors.New("query syntax error")

// Is lets errors.Is(err, ErrSyntax) match.
func (e *Error) Is(target error) bool { return target == ErrSyntax }

// Parse parses s. An empty or blank s gives a query without clauses.
func Parse(s string) (*Query, error) {
	p := &parser{s: s}
	q := &Query{input: s}
	for {
		p.skipSpace()
		if p.i >= len(s) {
			break
		}
		c, err := p.clause()
		if err != nil {
			return nil, err
		}
		q.Clauses = append(q.Clauses, c)
		if len(q.Clauses) > MaxClauses {
			return nil, p.errAt(c.Pos, "more than %d clauses", MaxClauses)
		}
	}
	return q, nil
}

// CharPos returns the 1-based character position of byte offset off in the
// query's input, for messages about a clause.
func (q *Query) CharPos(off int) int { return charPos(q.input, off) }

// Input returns the string the query was parsed from.
func (q *Query) Input() string { return q.input }

type parser struct {
	s string
	i int
}

func charPos(s string, off int) int {
	off = min(max(off, 0), len(s))
	return utf8.RuneCountInString(s[:off]) + 1
}

func (p *parser) errAt(off int, format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...), Offset: off, Char: charPos(p.s, off)}
}

func (p *parser) skipSpace() {
	for p.i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsSpace(r) {
			return
		}
		p.i += n
	}
}

func (p *parser) atSpace() bool {
	if p.i >= len(p.s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.i:])
	return unicode.IsSpace(r)
}

func (p *parser) clause() (Clause, error) {
	c := Clause{Pos: p.i}
	switch p.s[p.i] {
	case '+':
		c.Occur = Must
		p.i++
	case '-':
		c.Occur = MustNot
		p.i++
	}
	if c.Occur != Should && p.atSpace() {
		return c, p.errAt(c.Pos, "nothing after %q", p.s[c.Pos])
	}
	// A field name is a run of name characters followed by ':'.
	if j := p.fieldEnd(); j > p.i {
		c.Field = p.s[p.i:j]
		p.i = j + 1
		if p.atSpace() {
			return c, p.errAt(c.Pos, "nothing after field %q", c.Field+":")
		}
	} else if p.i < len(p.s) && p.s[p.i] == ':' {
		return c, p.errAt(p.i, "a field name must come before ':'")
	}
	if err := p.value(&c); err != nil {
		return c, err
	}
	if err := p.modifiers(&c); err != nil {
		return c, err
	}
	if !p.atSpace() {
		return c, p.errAt(p.i, "unexpected %q (put a space between clauses, or escape it with a backslash)", p.peekRune())
	}
	c.End = p.i
	return c, nil
}

func (p *parser) peekRune() string {
	r, _ := utf8.DecodeRuneInString(p.s[p.i:])
	return string(r)
}

// fieldEnd returns the offset of the ':' ending a field name at p.i, or -1.
func (p *parser) fieldEnd() int {
	for j := p.i; j < len(p.s); j++ {
		c := p.s[j]
		switch {
		case c == ':':
			if j == p.i {
				return -1
			}
			return j
		case c == '_' || c == '.' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || j > p.i && '0' <= c && c <= '9':
		default:
			return -1
		}
	}
	return -1
}

func (p *parser) value(c *Clause) error {
	switch {
	case p.s[p.i] == '"':
		c.Kind = Phrase
		text, err := p.quoted('"', "phrase")
		if err != nil {
			return err
		}
		c.Text = text
		return nil
	case p.s[p.i] == '/':
		c.Kind = Regexp
		text, err := p.quoted('/', "regular expression")
		if err != nil {
			return err
		}
		if text == "" {
			return p.errAt(c.Pos, "empty regular expression")
		}
		c.Text = text
		return nil
	case p.s[p.i] == '>' || p.s[p.i] == '<':
		if c.Field == "" {
			return p.errAt(p.i, "a range (%c) needs a field, e.g. published:>=2020-01-01", p.s[p.i])
		}
		c.Kind = Range
		c.Op = p.s[p.i : p.i+1]
		p.i++
		if p.i < len(p.s) && p.s[p.i] == '=' {
			c.Op += "="
			p.i++
		}
		if p.atSpace() {
			return p.errAt(c.Pos, "nothing after %q", c.Op)
		}
		if p.s[p.i] == '"' {
			text, err := p.quoted('"', "value")
			if err != nil {
				return err
			}
			c.Text = text
		} else {
			c.Text = p.term()
		}
		if c.Text == "" {
			return p.errAt(c.Pos, "empty range bound")
		}
		return nil
	}
	start := p.i
	raw, text := p.rawTerm()
	if text == "" {
		if p.i >= len(p.s) || p.atSpace() {
			return p.errAt(start, "empty term")
		}
		return p.errAt(start, "unexpected %q (escape it with a backslash)", p.peekRune())
	}
	c.Text = text
	c.Kind = Term
	if hasUnescapedWildcard(raw) {
		c.Kind = Wildcard
	}
	return nil
}

// quoted reads a value between two delim characters, with backslash escapes.
func (p *parser) quoted(delim byte, what string) (string, error) {
	start := p.i
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		switch ch := p.s[p.i]; {
		case ch == '\\' && p.i+1 < len(p.s):
			r, n := utf8.DecodeRuneInString(p.s[p.i+1:])
			if delim == '/' && r != '/' {
				b.WriteByte('\\') // keep regexp escapes such as \d
			}
			b.WriteRune(r)
			p.i += 1 + n
		case ch == delim:
			p.i++
			return b.String(), nil
		default:
			b.WriteByte(ch)
			p.i++
		}
	}
	return "", p.errAt(start, "unterminated %s starting", what)
}

// term reads a term up to white space or a modifier; escapes are removed.
func (p *parser) term() string {
	_, text := p.rawTerm()
	return text
}

func (p *parser) rawTerm() (raw, text string) {
	start := p.i
	var b strings.Builder
	for p.i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if r == '\\' {
			if p.i+1 < len(p.s) {
				r2, n2 := utf8.DecodeRuneInString(p.s[p.i+1:])
				b.WriteRune(r2)
				p.i += 1 + n2
				continue
			}
			p.i++ // a trailing backslash escapes nothing
			continue
		}
		if unicode.IsSpace(r) || r == '"' || r == ':' || r == '^' || r == '~' {
			break
		}
		b.WriteRune(r)
		p.i += n
	}
	return p.s[start:p.i], b.String()
}

func hasUnescapedWildcard(raw string) bool {
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\\':
			i++
		case '*', '?':
			return true
		}
	}
	return false
}

func (p *parser) modifiers(c *Clause) error {
	if p.i < len(p.s) && p.s[p.i] == '~' {
		at := p.i
		if c.Kind != Term {
			return p.errAt(at, "~ (fuzzy) applies to a plain term, not a %s", c.Kind)
		}
		p.i++
		n := 1
		if d := p.digits(); d != "" {
			v, err := strconv.Atoi(d)
			if err != nil || v < 0 || v > MaxFuzzy {
				return p.errAt(at, "fuzziness must be 0 to %d", MaxFuzzy)
			}
			n = v
		}
		c.Kind, c.Fuzziness = Fuzzy, n
		if n == 0 {
			c.Kind = Term
		}
	}
	if p.i < len(p.s) && p.s[p.i] == '^' {
		at := p.i
		p.i++
		d := p.number()
		if d == "" {
			return p.errAt(at, "^ (boost) needs a number, e.g. acne^2")
		}
		v, err := strconv.ParseFloat(d, 64)
		if err != nil || v <= 0 || v > 1000 {
			return p.errAt(at, "boost must be a number above 0 and at most 1000")
		}
		c.Boost = v
	}
	return nil
}

func (p *parser) digits() string {
	start := p.i
	for p.i < len(p.s) && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
		p.i++
	}
	return p.s[start:p.i]
}

func (p *parser) number() string {
	start := p.i
	p.digits()
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		p.digits()
	}
	return p.s[start:p.i]
}

// String returns the query in canonical form; parsing it gives the same
// clauses (but for positions).
func (q *Query) String() string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.String())
	}
	return b.String()
}

// String returns the clause in canonical form.
func (c Clause) String() string {
	var b strings.Builder
	switch c.Occur {
	case Must:
		b.WriteByte('+')
	case MustNot:
		b.WriteByte('-')
	}
	if c.Field != "" {
		b.WriteString(c.Field)
		b.WriteByte(':')
	}
	switch c.Kind {
	case Phrase:
		b.WriteString(quote(c.Text, '"'))
	case Regexp:
		b.WriteString(quote(c.Text, '/'))
	case Range:
		b.WriteString(c.Op)
		b.WriteString(quote(c.Text, '"'))
	case Wildcard:
		b.WriteString(escapeTerm(c.Text, true))
	default:
		b.WriteString(escapeTerm(c.Text, false))
	}
	if c.Kind == Fuzzy {
		b.WriteString("~" + strconv.Itoa(c.Fuzziness))
	}
	if c.Boost != 0 {
		b.WriteString("^" + strconv.FormatFloat(c.Boost, 'f', -1, 64))
	}
	return b.String()
}

func quote(s string, delim byte) string {
	var b strings.Builder
	b.WriteByte(delim)
	for i := 0; i < len(s); i++ {
		if s[i] == delim || (delim == '"' && s[i] == '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte(delim)
	return b.String()
}

func escapeTerm(s string, keepWildcards bool) string {
	var b strings.Builder
	for i, r := range s {
		special := unicode.IsSpace(r) || strings.ContainsRune("\\\":^~", r) ||
			(!keepWildcards && (r == '*' || r == '?')) ||
			(i == 0 && strings.ContainsRune("+-\"/<>", r))
		if special {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
