package indexer

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/search/query"
	vregexp "github.com/blevesearch/vellum/regexp"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/qsyntax"
)

// Kinds of field the q parameter may name.
type fieldKind int

const (
	fText fieldKind = iota
	fKeyword
	fBool
	fDate
	fNumber
)

// qFields are the fields q may name (field:value), with their kinds. The
// default (no field, defaultField) is the sentence or the article title.
var qFields = map[string]fieldKind{
	"text": fText, "article_title": fText,
	"concepts": fKeyword, "kinds": fKeyword, "relation": fKeyword, "evidence": fKeyword, "section": fKeyword,
	"source": fKeyword, "article_id": fKeyword, "status": fKeyword, "year": fKeyword,
	"negated": fBool, "hedged": fBool, "flagged": fBool, "retracted": fBool,
	"published": fDate, "confidence": fNumber,
}

// QueryFields lists the fields a query string may name, sorted.
func QueryFields() []string {
	out := make([]string, 0, len(qFields))
	for f := range qFields {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// claimOnlyFields are fields article documents do not have: a query that
// must match one of them needs no filter on the document type.
var claimOnlyFields = map[string]bool{
	defaultField: true, "text": true, "article_title": true, "kinds": true, "relation": true, "negated": true,
	"hedged": true, "section": true, "article_id": true, "status": true, "flagged": true, "retracted": true,
	"confidence": true, "year": true, "abbrevs": true, "cid": true,
	// Articles store these but do not index them (see newMapping).
	"concepts": true, "evidence": true, "source": true, "published": true,
}

// compiled is a ClaimQuery made ready for bleve.
type compiled struct {
	query query.Query
	// marks finds the query's words in a hit's text, for highlighting and
	// for saying why it matched.
	marks *marker
	// expansions are the query's words that name concepts.
	expansions []expansion
	// empty: the query string asks for nothing that can match (only stop
	// words).
	empty bool
	// unscored: every hit scores the same (no query string), so scoring
	// can be skipped.
	unscored bool
	// scanQuery selects the same claims as query, for scans that do not
	// score: an unscored query's filters alone, without the type term (the
	// fields they filter on hold claims only).
	scanQuery query.Query
	// pairs is the query's pair filter, expanded (nil: none): the map
	// counts only the pairs it lets through.
	pairs *pairFilter
}

// expansion is a word or phrase of the query that names concepts.
type expansion struct {
	words    string
	via      string // lumen.MatchConcept or lumen.MatchAbbreviation
	abbrev   string // the abbreviation, upper-cased, for MatchAbbreviation
	concepts []string
	matches  map[string]string // named concept and everything narrower -> the named concept
}

type compiler struct {
	ix       *Index
	vocab    Vocabulary
	an       analysis.Analyzer
	parsed   *qsyntax.Query
	marks    *marker
	exps     []expansion
	claimish bool // a positive clause targets a field only claims have
	shared   bool // a positive clause targets a field articles have too
	// retracted: a clause names the retracted field, so the query string
	// says itself whether it wants retracted claims.
	retracted bool
	// status: a clause names the status field, so the query string says
	// itself whether it wants rejected claims.
	status bool
	pairs  *pairFilter
}

// compile turns q into a bleve query: the query string's clauses score,
// the other filters only select (a Filter does not score).
func (ix *Index) compile(q lumen.ClaimQuery) (*compiled, error) {
	c := &compiler{ix: ix, vocab: ix.vocabulary(), an: ix.idx.Mapping().AnalyzerNamed(en.AnalyzerName), marks: &marker{}}
	var scoring query.Query
	if s := strings.TrimSpace(q.Q); s != "" {
		if len(s) > MaxQueryLength {
			return nil, lumen.Invalidf("q", "longer than %d bytes", MaxQueryLength)
		}
		parsed, err := qsyntax.Parse(s)
		if err != nil {
			return nil, lumen.Invalidf("q", "%v (see the query syntax in GET /api/v1/openapi.json)", err)
		}
		c.parsed = parsed
		scoring, err = c.queryString(parsed)
		if err != nil {
			return nil, err
		}
	}
	filters, err := c.filters(q)
	if err != nil {
		return nil, err
	}
	out := &compiled{marks: c.marks, expansions: c.exps, pairs: c.pairs}
	switch {
	case scoring == nil && c.parsed != nil:
		out.empty = true
		out.query = query.NewMatchNoneQuery()
		return out, nil
	case scoring == nil:
		// Every claim, each scoring the same.
		scoring = termQuery("type", typeClaim)
		out.unscored = true
		switch len(filters) {
		case 0:
		case 1:
			out.scanQuery = filters[0]
		default:
			out.scanQuery = query.NewConjunctionQuery(filters)
		}
	case !c.claimish || c.shared:
		filters = append(filters, termQuery("type", typeClaim))
	}
	// Retracted and rejected claims are left out unless asked for: by the
	// parameters, or by the query string naming the field.
	// Both left out (the default) is one must-not term (hidden:any): a
	// second must-not clause would be advanced through for every hit.
	var leftOut []query.Query
	noRetracted := !wantRetracted(q) && !(c.retracted && q.Retracted == nil)
	noRejected := !wantRejected(q) && !c.status
	switch {
	case noRetracted && noRejected:
		leftOut = append(leftOut, termQuery("hidden", hiddenAny))
	case noRetracted:
		leftOut = append(leftOut, boolQuery("retracted", true))
	case noRejected:
		leftOut = append(leftOut, termQuery("status", lumen.StatusRejected))
	}
	if out.scanQuery != nil {
		out.scanQuery = withoutAny(out.scanQuery, leftOut)
	}
	b, ok := scoring.(*query.BooleanQuery)
	if !ok {
		b = query.NewBooleanQuery([]query.Query{scoring}, nil, nil)
	}
	switch len(filters) {
	case 0:
	case 1:
		b.AddFilter(filters[0])
	default:
		b.AddFilter(query.NewConjunctionQuery(filters))
	}
	if len(leftOut) > 0 {
		b.AddMustNot(leftOut...)
	}
	out.query = b
	return out, nil
}

// filters are the selections of q other than the query string.
func (c *compiler) filters(q lumen.ClaimQuery) ([]query.Query, error) {
	var out []query.Query
	for _, id := range q.Concepts {
		out = append(out, c.conceptQuery([]string{id}))
	}
	for _, group := range q.AnyConcepts {
		if len(group) > 0 {
			out = append(out, c.conceptQuery(group))
		}
	}
	for _, k := range q.Kinds {
		out = append(out, termQuery("kinds", k))
	}
	if len(q.Evidence) > 0 {
		out = append(out, anyTerm("evidence", q.Evidence))
	}
	if q.Relation != "" {
		out = append(out, termQuery("relation", q.Relation))
	}
	pf, err := c.pairFilter(q)
	if err != nil {
		return nil, err
	}
	if pf != nil {
		c.pairs = pf
		out = append(out, pf.query())
	}
	if q.Negated != nil {
		out = append(out, boolQuery("negated", *q.Negated))
	}
	if q.Hedged != nil {
		out = append(out, boolQuery("hedged", *q.Hedged))
	}
	if q.ArticleID != "" {
		out = append(out, termQuery("article_id", q.ArticleID))
	}
	if q.Source != "" {
		out = append(out, termQuery("source", q.Source))
	}
	out = append(out, reviewFilters(q)...)
	if !q.PublishedFrom.IsZero() || !q.PublishedTo.IsZero() {
		if !q.PublishedFrom.IsZero() && !q.PublishedTo.IsZero() && q.PublishedTo.Before(q.PublishedFrom) {
			return nil, lumen.Invalidf("published_to", "is before published_from")
		}
		out = append(out, dateRange(q.PublishedFrom, q.PublishedTo, true))
	}
	return out, nil
}

// yearPattern is what the year field holds: four digits.
var yearPattern = regexp.MustCompile(`^[0-9]{4}$`)

// enumFields are the keyword fields whose values are a fixed set.
var enumFields = map[string][]string{
	"relation": lumen.Relations,
	"evidence": lumen.EvidenceStrength,
	"status":   lumen.Statuses,
}

// keywordValue checks a value given to a keyword field in the query string
// the way the same value given as a parameter is checked: a value no claim
// can have is an error, not a search that finds nothing. Enumerated values
// are matched regardless of case.
func (c *compiler) keywordValue(field, v string) (string, error) {
	if values, ok := enumFields[field]; ok {
		for _, e := range values {
			if strings.EqualFold(e, v) {
				return e, nil
			}
		}
		return "", fmt.Errorf("%s takes one of %s, not %q", field, strings.Join(values, ", "), v)
	}
	if field == "year" && !yearPattern.MatchString(v) {
		return "", fmt.Errorf("year takes a year such as 2024, not %q", v)
	}
	if c.vocab == nil || c.vocab.MaxWords() == 0 { // no taxonomy to check against
		return v, nil
	}
	switch field {
	case "concepts":
		if !c.vocab.Has(v) {
			return "", fmt.Errorf("unknown concept %q (see GET /api/v1/concepts)", v)
		}
	case "kinds":
		if !c.vocab.IsKind(v) {
			return "", fmt.Errorf("unknown kind of concept %q (see GET /api/v1/concepts)", v)
		}
	}
	return v, nil
}

// conceptQuery matches claims tagged with any of ids or a narrower concept.
func (c *compiler) conceptQuery(ids []string) query.Query {
	return anyTerm("concepts", c.narrower(ids))
}

func (c *compiler) narrower(ids []string) []string {
	var all []string
	for _, id := range ids {
		if c.vocab == nil {
			all = append(all, id)
			continue
		}
		all = append(all, c.vocab.Narrower(id)...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

// The dates a bleve date range takes (it stores a date as int64
// nanoseconds since 1970): 1677-12-01 to 2262-04-11.
var (
	minDate = query.MinRFC3339CompatibleTime
	maxDate = query.MaxRFC3339CompatibleTime
)

// dateRange is a range over the publication date. A zero bound is open;
// bounds beyond what bleve can hold are clamped to it ("published_to=
// 9999-12-31", the usual way to say "no end"), not refused with bleve's
// message.
func dateRange(from, to time.Time, inclusiveTo bool) query.Query {
	incl := true
	if !from.IsZero() && from.Before(minDate) {
		from = minDate
	}
	if from.After(maxDate) {
		from = maxDate
	}
	if !to.IsZero() && to.After(maxDate) {
		to, inclusiveTo = maxDate, true
	}
	if !to.IsZero() && to.Before(minDate) {
		to = minDate
	}
	dr := query.NewDateRangeInclusiveQuery(from, to, &incl, &inclusiveTo)
	dr.SetField("published")
	return dr
}

// queryString builds the scoring part of the query from the parsed clauses,
// with the words that name a concept also matching the concept.
func (c *compiler) queryString(p *qsyntax.Query) (query.Query, error) {
	var must, should, mustNot []query.Query
	add := func(o qsyntax.Occur, q query.Query) {
		switch o {
		case qsyntax.Must:
			must = append(must, q)
		case qsyntax.MustNot:
			mustNot = append(mustNot, q)
		default:
			should = append(should, q)
		}
	}
	cls := p.Clauses
	for i := 0; i < len(cls); {
		cl := cls[i]
		if cl.Field != "" {
			if _, ok := qFields[cl.Field]; !ok {
				return nil, lumen.Invalidf("q", "unknown field %q at character %d (fields: %s)", cl.Field,
					p.CharPos(cl.Pos), strings.Join(QueryFields(), ", "))
			}
		}
		// A run of plain words may name a concept ("atopic dermatitis").
		if n, exp := c.conceptSpan(cls[i:]); n > 0 {
			var texts []query.Query
			for _, w := range cls[i : i+n] {
				tq, err := c.clause(p, w)
				if err != nil {
					return nil, err
				}
				if tq != nil {
					texts = append(texts, tq)
				}
			}
			cq := c.expansionQuery(exp)
			switch cl.Occur {
			case qsyntax.Should:
				for _, t := range texts {
					add(qsyntax.Should, t)
				}
				add(qsyntax.Should, cq)
			case qsyntax.Must:
				alt := []query.Query{cq}
				if len(texts) > 0 {
					alt = append(alt, query.NewConjunctionQuery(texts))
				}
				add(qsyntax.Must, query.NewDisjunctionQuery(alt))
			case qsyntax.MustNot:
				for _, t := range texts {
					add(qsyntax.MustNot, t)
				}
				add(qsyntax.MustNot, cq)
			}
			if cl.Occur != qsyntax.MustNot {
				c.exps = append(c.exps, exp)
			}
			c.notePositive(cl.Occur, "concepts")
			i += n
			continue
		}
		q, err := c.clause(p, cl)
		if err != nil {
			return nil, err
		}
		if q != nil {
			add(cl.Occur, q)
		}
		i++
	}
	if len(must) == 0 && len(should) == 0 && len(mustNot) == 0 {
		return nil, nil
	}
	if len(must) == 1 && len(should) == 0 && len(mustNot) == 0 {
		return must[0], nil
	}
	if len(must) == 0 && len(should) == 1 && len(mustNot) == 0 {
		return should[0], nil
	}
	return query.NewBooleanQuery(must, should, mustNot), nil
}

func (c *compiler) notePositive(o qsyntax.Occur, field string) {
	if o == qsyntax.MustNot {
		return
	}
	if claimOnlyFields[field] {
		c.claimish = true
	} else {
		c.shared = true
	}
}

// conceptSpan finds the longest run of plain default-field words or one
// phrase at the start of cls, all with the same occurrence, that names a
// concept (a synonym or label; or, for a single word, an abbreviation).
func (c *compiler) conceptSpan(cls []qsyntax.Clause) (int, expansion) {
	if c.vocab == nil || len(cls) == 0 {
		return 0, expansion{}
	}
	plain := func(cl qsyntax.Clause) bool {
		return cl.Field == "" && cl.Kind == qsyntax.Term && cl.Boost == 0 && cl.Occur == cls[0].Occur
	}
	first := cls[0]
	if first.Field == "" && first.Kind == qsyntax.Phrase {
		if ids := c.vocab.Named(first.Text); len(ids) > 0 {
			return 1, c.newExpansion(first.Text, lumen.MatchConcept, "", ids)
		}
		return 0, expansion{}
	}
	if !plain(first) {
		return 0, expansion{}
	}
	n := 0
	for n < len(cls) && n < c.vocab.MaxWords() && plain(cls[n]) {
		n++
	}
	for ; n >= 1; n-- {
		words := make([]string, n)
		for i := range n {
			words[i] = cls[i].Text
		}
		phrase := strings.Join(words, " ")
		if ids := c.vocab.Named(phrase); len(ids) > 0 {
			return n, c.newExpansion(phrase, lumen.MatchConcept, "", ids)
		}
		if n == 1 {
			if ids := c.vocab.Abbreviated(phrase); len(ids) > 0 {
				return 1, c.newExpansion(phrase, lumen.MatchAbbreviation, strings.ToUpper(phrase), ids)
			}
		}
	}
	return 0, expansion{}
}

func (c *compiler) newExpansion(words, via, abbrev string, ids []string) expansion {
	e := expansion{words: words, via: via, abbrev: abbrev, concepts: ids, matches: map[string]string{}}
	for _, id := range ids {
		for _, n := range c.vocab.Narrower(id) {
			if _, ok := e.matches[n]; !ok {
				e.matches[n] = id
			}
		}
	}
	return e
}

// expansionQuery matches the claims an expansion names: tagged with the
// concepts (or narrower ones); for an abbreviation, only in articles that
// define it.
func (c *compiler) expansionQuery(e expansion) query.Query {
	all := make([]string, 0, len(e.matches))
	for id := range e.matches {
		all = append(all, id)
	}
	slices.Sort(all)
	cq := anyTerm("concepts", all)
	if e.via == lumen.MatchAbbreviation {
		return query.NewConjunctionQuery([]query.Query{cq, termQuery("abbrevs", e.abbrev)})
	}
	return cq
}

// clause builds the query of one clause, or nil for a clause that asks for
// nothing (only stop words).
func (c *compiler) clause(p *qsyntax.Query, cl qsyntax.Clause) (query.Query, error) {
	field, kind := defaultField, fText
	if cl.Field != "" {
		field, kind = cl.Field, qFields[cl.Field]
	}
	at := p.CharPos(cl.Pos)
	bad := func(format string, args ...any) error {
		return lumen.Invalidf("q", "%s at character %d", fmt.Sprintf(format, args...), at)
	}
	var q query.Query
	switch kind {
	case fText:
		var err error
		if q, err = c.textClause(cl, field, bad); err != nil || q == nil {
			return nil, err
		}
	case fKeyword:
		switch cl.Kind {
		case qsyntax.Term, qsyntax.Phrase:
			v, err := c.keywordValue(field, cl.Text)
			if err != nil {
				return nil, bad("%v", err)
			}
			if field == "concepts" {
				q = c.conceptQuery([]string{v})
			} else {
				q = termQuery(field, v)
			}
			if field == "status" {
				// status:rejected asks for rejected claims, and
				// -status:rejected says how
				c.status = true
			}
		case qsyntax.Wildcard:
			if err := checkWildcard(cl.Text); err != nil {
				return nil, bad("%v", err)
			}
			w := query.NewWildcardQuery(cl.Text)
			w.SetField(field)
			q = w
		case qsyntax.Regexp:
			if err := checkRegexp(cl.Text); err != nil {
				return nil, bad("%v", err)
			}
			r := query.NewRegexpQuery(cl.Text)
			r.SetField(field)
			q = r
		case qsyntax.Fuzzy:
			f := query.NewFuzzyQuery(cl.Text)
			f.SetField(field)
			f.SetFuzziness(cl.Fuzziness)
			q = f
		case qsyntax.Range:
			if field != "year" {
				return nil, bad("%s is not a field with a range (published, confidence, year are)", field)
			}
			if !yearPattern.MatchString(cl.Text) {
				return nil, bad("year takes a year such as 2024, not %q", cl.Text)
			}
			q = termRange(field, cl.Op, cl.Text)
		}
	case fBool:
		v, err := strconv.ParseBool(cl.Text)
		if err != nil || (cl.Kind != qsyntax.Term && cl.Kind != qsyntax.Phrase) {
			return nil, bad("%s takes true or false", field)
		}
		q = boolQuery(field, v)
		if field == "retracted" {
			// Retracted claims are left out unless asked for; this asks
			// (retracted:true), or says how (-retracted:true).
			c.retracted = true
		}
	case fDate:
		from, to, incl, err := dateClause(cl)
		if err != nil {
			return nil, bad("%v", err)
		}
		q = dateRange(from, to, incl)
	case fNumber:
		nq, err := numberClause(cl)
		if err != nil {
			return nil, bad("%v", err)
		}
		nq.SetField(field)
		q = nq
	}
	if cl.Boost != 0 {
		if bq, ok := q.(query.BoostableQuery); ok {
			bq.SetBoost(cl.Boost)
		}
	}
	c.notePositive(cl.Occur, field)
	return q, nil
}

// defaultField stands for the fields a clause without a field searches:
// the sentence or the article's title (defaultFields). The index has no
// composite field of the two (bleve's _all): it would index every word of
// both a second time, with its positions, for every claim.
const defaultField = "_all"

var defaultFields = []string{"text", "article_title"}

// textClause builds a clause over an analysed text field (or both, for
// defaultField): the words are analysed as the index analysed the text, and
// remembered to be marked in the hits.
func (c *compiler) textClause(cl qsyntax.Clause, field string, bad func(string, ...any) error) (query.Query, error) {
	highlightable := field != "article_title" && cl.Occur != qsyntax.MustNot
	var build func(field string) query.Query
	switch cl.Kind {
	case qsyntax.Term, qsyntax.Phrase:
		terms := c.analyze(cl.Text)
		if len(terms) == 0 {
			return nil, nil
		}
		if highlightable {
			c.marks.addTerms(cl.Text, terms)
		}
		build = func(field string) query.Query {
			if len(terms) == 1 {
				return termQuery(field, terms[0])
			}
			// Several words, or one that analyses into several ("IL-17",
			// "gut-skin"): the words in order.
			mp := query.NewMatchPhraseQuery(cl.Text)
			mp.SetField(field)
			mp.Analyzer = en.AnalyzerName
			return mp
		}
	case qsyntax.Wildcard:
		if err := checkWildcard(cl.Text); err != nil {
			return nil, bad("%v", err)
		}
		pat := strings.ToLower(cl.Text)
		// The index holds stems ("probiotics" is "probiot"): a pattern
		// that starts with a whole word ("probiotics*") would miss the
		// very word it names. It also matches with that word's stem.
		pats := []string{pat}
		if stemmed := c.stemPrefix(pat); stemmed != pat {
			pats = append(pats, stemmed)
		}
		if highlightable {
			for _, p := range pats {
				c.marks.addPattern(cl.Text, wildcardRegexp(p))
			}
		}
		build = func(field string) query.Query {
			qs := make([]query.Query, len(pats))
			for i, p := range pats {
				w := query.NewWildcardQuery(p)
				w.SetField(field)
				qs[i] = w
			}
			if len(qs) == 1 {
				return qs[0]
			}
			return query.NewDisjunctionQuery(qs)
		}
	case qsyntax.Regexp:
		if err := checkRegexp(cl.Text); err != nil {
			return nil, bad("%v", err)
		}
		re, err := regexp.Compile("^(?:" + cl.Text + ")$")
		if err != nil {
			return nil, bad("bad regular expression: %v", err)
		}
		if highlightable {
			c.marks.addPattern(cl.Text, re)
		}
		build = func(field string) query.Query {
			r := query.NewRegexpQuery(cl.Text)
			r.SetField(field)
			return r
		}
	case qsyntax.Fuzzy:
		term := strings.ToLower(cl.Text)
		if highlightable {
			c.marks.addFuzzy(cl.Text, term, cl.Fuzziness)
		}
		// Near the word as written, or near its stem (what the index holds).
		terms := []string{term}
		if st := c.analyze(term); len(st) == 1 && st[0] != term {
			terms = append(terms, st[0])
		}
		build = func(field string) query.Query {
			qs := make([]query.Query, len(terms))
			for i, t := range terms {
				f := query.NewFuzzyQuery(t)
				f.SetField(field)
				f.SetFuzziness(cl.Fuzziness)
				qs[i] = f
			}
			if len(qs) == 1 {
				return qs[0]
			}
			return query.NewDisjunctionQuery(qs)
		}
	default:
		return nil, bad("a range needs a date or number field (published, confidence, year), not %s", field)
	}
	if field != defaultField {
		return build(field), nil
	}
	qs := make([]query.Query, len(defaultFields))
	for i, f := range defaultFields {
		qs[i] = build(f)
	}
	return query.NewDisjunctionQuery(qs), nil
}

// analyze returns the index terms of text, as the English analyser makes them.
func (c *compiler) analyze(text string) []string {
	ts := c.an.Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}

// stemPrefix returns pat with its leading word (the letters before the
// first wildcard) replaced by that word's stem, as the index holds it; pat
// itself when the word has no other stem.
func (c *compiler) stemPrefix(pat string) string {
	i := strings.IndexAny(pat, "*?")
	if i <= 0 {
		return pat
	}
	word := pat[:i]
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return pat
		}
	}
	st := c.analyze(word)
	if len(st) != 1 || st[0] == word || !strings.HasPrefix(word, st[0][:min(len(st[0]), 2)]) {
		return pat
	}
	return st[0] + pat[i:]
}

// checkWildcard refuses patterns that would enumerate most of the dictionary.
func checkWildcard(p string) error {
	literal := 0
	for _, r := range p {
		if r != '*' && r != '?' {
			literal++
		}
	}
	if literal < 2 {
		return fmt.Errorf("wildcard %q is too broad: give at least two letters", p)
	}
	if strings.HasPrefix(p, "*") || strings.HasPrefix(p, "?") {
		return fmt.Errorf("wildcard %q may not start with * or ?", p)
	}
	return nil
}

// maxRegexp bounds a regular expression of a query, in bytes.
const maxRegexp = 200

// checkRegexp says why bleve cannot run a regular expression, in the
// user's terms, before it reaches the index: bleve compiles it into an
// automaton (vellum's, which refuses what Go's regexp allows: ^, $, \b and
// other zero-width assertions, and automata over its size limit) only when
// it meets a term dictionary, and an error from there would look like one
// of the index data.
func checkRegexp(expr string) error {
	if len(expr) > maxRegexp {
		return fmt.Errorf("bad regular expression: longer than %d bytes", maxRegexp)
	}
	if _, err := regexp.Compile(expr); err != nil {
		return fmt.Errorf("bad regular expression: %v", err)
	}
	if _, err := vregexp.New(expr); err != nil {
		msg := err.Error()
		switch {
		case errors.Is(err, vregexp.ErrNoEmpty) || errors.Is(err, vregexp.ErrNoWordBoundary):
			msg += " (a regular expression matches whole terms: leave out ^, $ and \\b)"
		case errors.Is(err, vregexp.ErrCompiledTooBig) || errors.Is(err, vregexp.ErrTooManyStates):
			msg = "it is too complex to run"
		}
		return fmt.Errorf("bad regular expression: %s", msg)
	}
	return nil
}

func wildcardRegexp(p string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for _, r := range p {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

func termRange(field, op, v string) query.Query {
	var min, max *string
	incl := strings.HasSuffix(op, "=")
	if strings.HasPrefix(op, ">") {
		min = &v
	} else {
		max = &v
	}
	r := query.NewTermRangeInclusiveQuery(deref(min), deref(max), &incl, &incl)
	r.SetField(field)
	return r
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// dateClause reads published:2024, published:2024-05, published:2024-05-01
// (the whole year, month or day) and published:>=2020-01-01.
func dateClause(cl qsyntax.Clause) (from, to time.Time, inclusiveTo bool, err error) {
	t, span, err := parseDate(cl.Text)
	if err != nil {
		return from, to, false, err
	}
	end := span(t)
	switch cl.Kind {
	case qsyntax.Term, qsyntax.Phrase:
		return t, end, false, nil
	case qsyntax.Range:
		switch cl.Op {
		case ">":
			return end, time.Time{}, false, nil
		case ">=":
			return t, time.Time{}, false, nil
		case "<":
			return time.Time{}, t, false, nil
		case "<=":
			return time.Time{}, end, false, nil
		}
	}
	return from, to, false, fmt.Errorf("published takes a date (2024, 2024-05, 2024-05-01) or a range (published:>=2020-01-01)")
}

// parseDate parses a year, a month or a day, and returns the function that
// gives the start of the next one.
func parseDate(s string) (time.Time, func(time.Time) time.Time, error) {
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
	} {
		if t, err := time.Parse(f.layout, s); err == nil {
			return t, f.next, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, func(t time.Time) time.Time { return t.Add(time.Nanosecond) }, nil
	}
	return time.Time{}, nil, fmt.Errorf("%q is not a date (2024, 2024-05, 2024-05-01)", s)
}

func numberClause(cl qsyntax.Clause) (*query.NumericRangeQuery, error) {
	v, err := strconv.ParseFloat(cl.Text, 64)
	if err != nil {
		return nil, fmt.Errorf("%q is not a number", cl.Text)
	}
	t, f := true, false
	switch {
	case cl.Kind == qsyntax.Term || cl.Kind == qsyntax.Phrase:
		return query.NewNumericRangeInclusiveQuery(&v, &v, &t, &t), nil
	case cl.Kind != qsyntax.Range:
		return nil, fmt.Errorf("confidence takes a number or a range (confidence:<0.5)")
	case cl.Op == ">":
		return query.NewNumericRangeInclusiveQuery(&v, nil, &f, nil), nil
	case cl.Op == ">=":
		return query.NewNumericRangeInclusiveQuery(&v, nil, &t, nil), nil
	case cl.Op == "<":
		return query.NewNumericRangeInclusiveQuery(nil, &v, nil, &f), nil
	default:
		return query.NewNumericRangeInclusiveQuery(nil, &v, nil, &t), nil
	}
}
