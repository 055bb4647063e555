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
//
// The Boolean operators of PubMed and Lucene, AND, OR and NOT (upper case,
// as PubMed has them; also &&, || and !), are read as the prefixes they
// stand for, so that a query typed the PubMed way means what it says: in
// a query with AND every clause gets + (leaky gut AND acne is +leaky +gut
// +acne: PubMed's words are all required too), OR leaves them optional
// (acne OR rosacea is acne rosacea), and NOT gives the one clause after it
// - (acne NOT probiotics is acne -probiotics). What the flat +/- model
// cannot say is refused with an error, never guessed: AND and OR in one
// query (that needs parentheses), OR NOT, and NOT before several clauses
// or before one that has + or - already. Lower-case and, or, not are
// words; \AND or "AND" searches for the word.
//
// A slash between two words of the default fields separates them as a
// space does ("acne/rosacea" is acne rosacea; "+acne/rosacea" is +acne
// +rosacea), since a term with a slash would be searched as a phrase no
// text has; a field's value keeps its slashes (concepts:condition/acne),
// and \/ searches for one. There are no parentheses: q has no grouping,
// so an unbalanced one is an error rather than a term that matches
// nothing; balanced ones inside a word are analysed away as before.
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
	var items []item
	for {
		if !p.afterSlash {
			p.skipSpace()
		}
		if p.i >= len(s) {
			break
		}
		if op, n := p.operator(); n > 0 {
			items = append(items, item{op: op, pos: p.i, clause: -1})
			p.i += n
			continue
		}
		c, err := p.clause()
		if err != nil {
			return nil, err
		}
		q.Clauses = append(q.Clauses, c)
		if len(q.Clauses) > MaxClauses {
			return nil, p.errAt(c.Pos, "more than %d clauses", MaxClauses)
		}
		items = append(items, item{pos: c.Pos, clause: len(q.Clauses) - 1})
	}
	if err := p.checkParens(q); err != nil {
		return nil, err
	}
	if err := p.applyOperators(q, items); err != nil {
		return nil, err
	}
	return q, nil
}

// checkParens refuses an unbalanced parenthesis in the terms (not in
// phrases or regular expressions, nor escaped): q has no grouping, and "("
// alone used to match nothing, silently (qa4).
func (p *parser) checkParens(q *Query) error {
	var open []int // offsets of the parentheses not closed yet
	for _, c := range q.Clauses {
		if c.Kind == Phrase || c.Kind == Regexp {
			continue
		}
		for i := c.Pos; i < c.End; i++ {
			switch p.s[i] {
			case '\\':
				i++
			case '(':
				open = append(open, i)
			case ')':
				if len(open) == 0 {
					return p.errAt(i, "unbalanced ')': %s", parenHint)
				}
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) > 0 {
		return p.errAt(open[0], "unbalanced '(': %s", parenHint)
	}
	return nil
}

// parenHint is what a parenthesis error suggests instead.
const parenHint = `q has no parentheses to group with: write the words without them, with + and - (+acne -mice), or escape one with a backslash (\()`

// item is a clause or an operator, in the order of the input.
type item struct {
	op     string // "AND", "OR", "NOT"; "" for a clause
	pos    int
	clause int // index in Query.Clauses, or -1
}

// Boolean operators as typed, and the operator each stands for.
var operators = []struct{ text, op string }{
	{"AND", "AND"}, {"&&", "AND"}, {"OR", "OR"}, {"||", "OR"}, {"NOT", "NOT"}, {"!", "NOT"},
}

// operator returns the Boolean operator at p.i, standing alone (followed
// by white space or the end), and its length.
func (p *parser) operator() (string, int) {
	for _, o := range operators {
		if strings.HasPrefix(p.s[p.i:], o.text) {
			end := p.i + len(o.text)
			if end == len(p.s) {
				return o.op, len(o.text)
			}
			if r, _ := utf8.DecodeRuneInString(p.s[end:]); unicode.IsSpace(r) {
				return o.op, len(o.text)
			}
		}
	}
	return "", 0
}

// syntaxHint is what an operator error suggests instead.
const syntaxHint = "put + before what must match and - before what must not, e.g. +acne +probiotics -mice"

// applyOperators turns AND, OR and NOT into the occurrences they stand
// for, or refuses what the flat +/- model cannot express.
func (p *parser) applyOperators(q *Query, items []item) error {
	isClause := func(i int) bool { return i >= 0 && i < len(items) && items[i].op == "" }
	var and, or *item
	for i := range items {
		it := &items[i]
		switch it.op {
		case "AND", "OR":
			if !isClause(i - 1) {
				return p.errAt(it.pos, "%s needs a word or phrase before it", it.op)
			}
			switch {
			case isClause(i + 1):
			case it.op == "AND" && i+1 < len(items) && items[i+1].op == "NOT":
			case it.op == "OR" && i+1 < len(items) && items[i+1].op == "NOT":
				return p.errAt(it.pos, "OR NOT cannot be expressed without parentheses, which q does not have: %s", syntaxHint)
			default:
				return p.errAt(it.pos, "%s needs a word or phrase after it", it.op)
			}
			if it.op == "AND" && and == nil {
				and = it
			} else if it.op == "OR" && or == nil {
				or = it
			}
			if and != nil && or != nil {
				return p.errAt(max(and.pos, or.pos), "AND and OR in one query need parentheses to group them, which q does not have: %s", syntaxHint)
			}
		case "NOT":
			if !isClause(i + 1) {
				return p.errAt(it.pos, "NOT needs a word or phrase after it")
			}
			if isClause(i + 2) {
				return p.errAt(it.pos, "NOT applies to one word or phrase: put NOT before each word to leave out, or quote a phrase (NOT \"leaky gut\")")
			}
			c := &q.Clauses[items[i+1].clause]
			if c.Occur != Should {
				return p.errAt(it.pos, "NOT before a clause that has + or - already")
			}
			c.Occur = MustNot
		}
	}
	// With AND, as in PubMed, every clause must match but those left out:
	// "acne NOT mice AND rosacea" is (acne NOT mice) AND rosacea.
	if and != nil {
		for i := range q.Clauses {
			if q.Clauses[i].Occur == Should {
				q.Clauses[i].Occur = Must
			}
		}
	}
	return nil
}

// CharPos returns the 1-based character position of byte offset off in the
// query's input, for messages about a clause.
func (q *Query) CharPos(off int) int { return charPos(q.input, off) }

// Input returns the string the query was parsed from.
func (q *Query) Input() string { return q.input }

type parser struct {
	s string
	i int
	// splitSlash: a term's unescaped slash before another word ends it
	// (the default fields); afterSlash: the clause before ended at one,
	// and occur is its occurrence, which the next word shares.
	splitSlash bool
	afterSlash bool
	occur      Occur
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
	if p.afterSlash {
		// acne/rosacea: the second word shares the first's + or -.
		p.afterSlash = false
		c.Occur = p.occur
	}
	switch p.s[p.i] {
	case '+':
		c.Occur = Must
		p.i++
	case '-', '!':
		c.Occur = MustNot
		p.i++
	}
	if c.Occur != Should && p.atSpace() {
		return c, p.errAt(c.Pos, "nothing after %q", p.s[c.Pos])
	}
	if c.Occur != Should && strings.IndexByte("+-!", p.s[p.i]) >= 0 {
		return c, p.errAt(c.Pos, "a clause takes one of + and -, not %q", p.s[c.Pos:p.i+1])
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
	p.splitSlash = c.Field == ""
	err := p.value(&c)
	p.splitSlash = false
	if err != nil {
		return c, err
	}
	if err := p.modifiers(&c); err != nil {
		return c, err
	}
	if c.Field == "" && c.Kind != Phrase && c.Kind != Regexp && p.slashBeforeWord() {
		c.End = p.i
		p.i++
		p.afterSlash, p.occur = true, c.Occur
		return c, nil
	}
	if !p.atSpace() {
		return c, p.errAt(p.i, "unexpected %q (put a space between clauses, or escape it with a backslash)", p.peekRune())
	}
	c.End = p.i
	return c, nil
}

// slashBeforeWord reports whether p.i is at a slash with a word after it
// (not white space, the end, or another slash).
func (p *parser) slashBeforeWord() bool {
	if p.i+1 >= len(p.s) || p.s[p.i] != '/' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.i+1:])
	return !unicode.IsSpace(r) && r != '/'
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
		if r == '/' && p.splitSlash && b.Len() > 0 && p.slashBeforeWord() {
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
	for _, o := range operators {
		if s == o.text && len(s) > 1 {
			b.WriteByte('\\') // the word, not the operator
			break
		}
	}
	for i, r := range s {
		special := unicode.IsSpace(r) || strings.ContainsRune("\\\":^~/()", r) ||
			(!keepWildcards && (r == '*' || r == '?')) ||
			(i == 0 && strings.ContainsRune("+-!\"/<>", r))
		if special {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
