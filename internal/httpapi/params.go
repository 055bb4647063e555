package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
)

// param describes one query parameter of a route: how the strict reader
// checks it and how openapi.json documents it. A handler reads only the
// parameters its endpoint declares; anything else is a 400 naming it.
type param struct {
	Name string
	// Type is "string", "integer", "boolean", "date" (YYYY-MM-DD) or "number".
	Type string
	// Multi: the parameter may be repeated, and each value may hold several
	// comma-separated ones.
	Multi bool
	// Or: each value may hold alternatives separated by |.
	Or       bool
	Enum     []string
	Min, Max int // bounds of an integer (Max 0: none)
	Default  string
	Required bool
	// Pattern, when set, is a regular expression every value must match.
	Pattern *regexp.Regexp
	// MaxLength bounds a value in bytes (0: maxParamLength).
	MaxLength int
	Doc       string
	Example   string
}

// endpoint is one route: its method and path pattern, what it is for, the
// query parameters it reads, and what it answers.
type endpoint struct {
	Method, Path string // "GET", "/api/v1/claims/{id}"
	ID           string // operationId and metrics route name
	Summary      string
	Doc          string
	Params       []param
	// Response is the Go value whose JSON schema the 200 response has
	// (nil: ContentTypes says what it is).
	Response any
	// ContentTypes of the 200 response (default application/json).
	ContentTypes []string
	// Errors are the error statuses the route may answer besides 500.
	Errors []int
	// Page: the route serves HTML for people, not the API.
	Page bool
	// Timeout bounds the request's work instead of the server's request
	// timeout (exports stream for longer).
	Timeout time.Duration
	// Access is who may call the route (see guard).
	Access access
	// Body is the Go value whose JSON schema the request body has; Form
	// says the body is an HTML form.
	Body any
	Form bool
	// Status is the success status (default 200).
	Status int
}

// access is who may call a route.
type access int

const (
	accessOpen     access = iota // anyone: health, metrics, this description, static files
	accessRead                   // anyone, unless the deployment makes reads need a token
	accessReadPage               // a page that reads: without a needed token, the sign-in page
	accessCurator                // a token with the curator role (or a signed-in session)
	accessAdmin                  // a token with the admin role
)

func (e *endpoint) pattern() string { return e.Method + " " + e.Path }

func (e *endpoint) param(name string) *param {
	for i := range e.Params {
		if e.Params[i].Name == name {
			return &e.Params[i]
		}
	}
	return nil
}

// values are the checked query parameters of a request.
type values struct {
	ep *endpoint
	v  url.Values
}

// readParams checks r's query string against ep: unknown parameters,
// repeated single-valued ones, malformed, out-of-range or unknown values
// are errors that name the parameter. An empty value counts as not given
// (a form's "any" choice).
func readParams(ep *endpoint, r *http.Request) (values, error) {
	return checkParams(ep, r.URL.RawQuery)
}

func checkParams(ep *endpoint, rawQuery string) (values, error) {
	v, err := url.ParseQuery(rawQuery)
	if err != nil {
		return values{}, lumen.Invalidf("", "malformed query string: %v", err)
	}
	names := make([]string, 0, len(v))
	for k := range v {
		names = append(names, k)
	}
	slices.Sort(names) // report the same parameter first every time
	for _, k := range names {
		p := ep.param(k)
		if p == nil {
			return values{}, lumen.Invalidf(k, "unknown parameter %q; %s %s takes %s", k, ep.Method, openapiPath(ep.Path), paramList(ep))
		}
		vals := v[k]
		if !p.Multi && len(vals) > 1 {
			return values{}, lumen.Invalidf(k, "given %d times; give it once", len(vals))
		}
		for _, raw := range vals {
			parts := []string{raw}
			if p.Multi {
				parts = splitList(raw)
			}
			for _, part := range parts {
				alts := []string{part}
				if p.Or {
					alts = strings.Split(part, "|")
				}
				for _, s := range alts {
					if s = strings.TrimSpace(s); s == "" {
						if len(alts) > 1 {
							// "a|" or "|": an alternative left empty
							// would be dropped, and "|" alone would
							// match everything.
							return values{}, lumen.Invalidf(k, "%q has an empty alternative (a|b is any of a and b)", part)
						}
						continue
					}
					if err := p.check(s); err != nil {
						return values{}, err
					}
				}
			}
		}
	}
	for _, p := range ep.Params {
		if p.Required && strings.Join(v[p.Name], "") == "" {
			return values{}, lumen.Invalidf(p.Name, "is required")
		}
	}
	return values{ep: ep, v: v}, nil
}

func paramList(ep *endpoint) string {
	if len(ep.Params) == 0 {
		return "no parameters"
	}
	names := make([]string, len(ep.Params))
	for i, p := range ep.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// maxParamLength bounds every parameter value without a MaxLength.
const maxParamLength = 2000

// maxQueryLength is the longest q, the index's limit (indexer.MaxQueryLength;
// a test keeps the two equal), checked here so that openapi.json states it.
const maxQueryLength = 1000

func (p *param) maxLength() int {
	if p.MaxLength > 0 {
		return p.MaxLength
	}
	return maxParamLength
}

// check checks one value of p.
func (p *param) check(s string) error {
	if n := p.maxLength(); len(s) > n {
		return lumen.Invalidf(p.Name, "longer than %d bytes", n)
	}
	switch p.Type {
	case "integer":
		n, err := strconv.Atoi(s)
		if err != nil {
			return lumen.Invalidf(p.Name, "%q is not a whole number", s)
		}
		if n < p.Min || (p.Max != 0 && n > p.Max) {
			if p.Max != 0 {
				return lumen.Invalidf(p.Name, "must be between %d and %d", p.Min, p.Max)
			}
			return lumen.Invalidf(p.Name, "must be at least %d", p.Min)
		}
	case "number":
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return lumen.Invalidf(p.Name, "%q is not a number", s)
		}
	case "boolean":
		if s != "true" && s != "false" {
			return lumen.Invalidf(p.Name, "%q is not true or false", s)
		}
	case "date":
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return lumen.Invalidf(p.Name, "%q is not a date (YYYY-MM-DD)", s)
		}
	}
	if len(p.Enum) > 0 && !slices.Contains(p.Enum, s) {
		return lumen.Invalidf(p.Name, "%q is not one of %s", s, strings.Join(p.Enum, ", "))
	}
	if p.Or && !p.Multi && strings.Contains(s, ",") {
		return lumen.Invalidf(p.Name, "%q: give one concept or kind, or alternatives separated by | (a relation pair has one %s)", s, p.Name)
	}
	if p.Pattern != nil && !p.Pattern.MatchString(s) {
		return lumen.Invalidf(p.Name, "%q is malformed (%s)", s, p.Doc)
	}
	return nil
}

// str returns the value of a single-valued parameter, or its default.
func (v values) str(name string) string {
	v.mustDeclare(name)
	// As checked: a value is read without the spaces around it.
	if s := strings.TrimSpace(v.v.Get(name)); s != "" {
		return s
	}
	return v.ep.param(name).Default
}

// given reports whether a parameter has a non-empty value.
func (v values) given(name string) bool {
	v.mustDeclare(name)
	return strings.Join(v.v[name], "") != ""
}

// list returns the values of a multi-valued parameter, commas split.
func (v values) list(name string) []string {
	v.mustDeclare(name)
	var out []string
	for _, raw := range v.v[name] {
		out = append(out, splitList(raw)...)
	}
	return out
}

// raw returns the non-empty values of a parameter as given (not split at
// commas).
func (v values) raw(name string) []string {
	v.mustDeclare(name)
	var out []string
	for _, s := range v.v[name] {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (v values) integer(name string) int {
	n, _ := strconv.Atoi(v.str(name))
	return n
}

func (v values) boolean(name string) *bool {
	s := v.str(name)
	if s == "" {
		return nil
	}
	b := s == "true"
	return &b
}

// date returns a date parameter; endOfDay makes it include its whole day.
func (v values) date(name string, endOfDay bool) time.Time {
	t, err := time.Parse("2006-01-02", v.str(name))
	if err != nil {
		return time.Time{}
	}
	if t.IsZero() {
		// 0001-01-01 is a date given, not none: it must still leave out
		// the claims without a date (the index clamps it to the dates it
		// can hold).
		t = t.Add(time.Nanosecond)
	}
	if endOfDay {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	return t
}

// encode returns the parameters as a query string, without the named ones.
func (v values) encode(without ...string) string {
	c := url.Values{}
	for k, vs := range v.v {
		if slices.Contains(without, k) {
			continue
		}
		for _, s := range vs {
			if s != "" {
				c.Add(k, s)
			}
		}
	}
	return c.Encode()
}

// mustDeclare catches, in tests, a handler reading a parameter its
// endpoint does not declare (and so openapi.json does not document).
func (v values) mustDeclare(name string) {
	if v.ep.param(name) == nil {
		panic(fmt.Sprintf("httpapi: %s reads undeclared parameter %q", v.ep.pattern(), name))
	}
}

func splitList(raw string) []string {
	var out []string
	for _, p := range strings.Split(raw, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Parameters shared by the routes that select claims.
var (
	sourcePattern  = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	conceptPattern = regexp.MustCompile(`^[a-z]+(/[a-z0-9]+(-[a-z0-9]+)*)?$`)
	idPattern      = regexp.MustCompile(`^[0-9a-f]{32}$`)

	// claimFilters select claims. Adding a filter is one line here and one
	// in claimQuery.
	claimFilters = []param{
		{Name: "q", Type: "string", MaxLength: maxQueryLength, Doc: "query over the sentence and the article title, in bleve's query-string syntax: " +
			"words (any may match; more matches rank higher), \"a phrase\", +must -mustnot; AND, OR and NOT (upper case, " +
			"as in PubMed; also &&, ||, !) stand for them: a AND b is +a +b (with AND, every word is required), " +
			"a OR b is a b, NOT a is -a (one word or phrase); AND and OR together (which needs parentheses) and OR NOT are " +
			"refused; field:value (fields: " +
			"text, article_title, concepts, kinds, relation, evidence, section, source, article_id, status, year, negated, " +
			"hedged, flagged, retracted, published, confidence), butyr* wildcards, /regexp/, fuzzy~1, boost^2, ranges " +
			"(published:>=2020-01-01). Words that name a concept (any synonym, or an abbreviation the claim's article " +
			"defines) also match the claims tagged with it; each hit says why it matched.", Example: "eczema probiotics"},
		{Name: "concept", Type: "string", Multi: true, Or: true, Pattern: conceptPattern,
			Doc: "concept id (GET /api/v1/concepts) or a kind (condition, mechanism, intervention); matches the concept " +
				"and every narrower one. Comma-separated or repeated: all of them (AND); separated by | : any of them (OR). " +
				"An id the taxonomy lacks is refused, unless claims in the index are still tagged with it (a concept a " +
				"taxonomy change removed, until lumen reindex --retag): then it finds them",
			Example: "condition/acne"},
		{Name: "evidence", Type: "string", Multi: true, Enum: lumen.EvidenceStrength, Doc: "evidence type; several: any of them"},
		{Name: "relation", Type: "string", Enum: lumen.Relations, Doc: "the relation the claim states"},
		{Name: "subject", Type: "string", Or: true, Pattern: conceptPattern, Doc: "a concept id or a kind, as concept= takes them (the concept and every narrower one; a|b: any of them): " +
			"claims with a relation pair whose subject (the cause, the exposure) it is (with object and effect: the same pair)", Example: "intervention/probiotics"},
		{Name: "object", Type: "string", Or: true, Pattern: conceptPattern, Doc: "a concept id or a kind, as concept= takes them (the concept and every narrower one; a|b: any of them): " +
			"claims with a relation pair whose object (the outcome) it is", Example: "condition/skin-health"},
		{Name: "effect", Type: "string", Enum: lumen.Relations, Doc: "claims with a relation pair with this effect"},
		{Name: "negated", Type: "boolean", Doc: "claims that deny (true) or assert (false) the relation"},
		{Name: "hedged", Type: "boolean", Doc: "hedged (may, might, suggests) or definite claims"},
		{Name: "status", Type: "string", Multi: true, Enum: lumen.Statuses, Doc: "review status; several: any of them"},
		{Name: "flagged", Type: "boolean", Doc: "decided claims flagged for another review: a re-tag now disagrees with the decision (or no longer reads the sentence as a claim)"},
		{Name: "retracted", Type: "boolean", Doc: "claims a curator decided (also where every decision was since undone: pending) whose sentence left their article (left out otherwise)"},
		{Name: "article", Type: "string", Pattern: idPattern, Doc: "an article id (32 hex digits)"},
		{Name: "source", Type: "string", Pattern: sourcePattern, Doc: "a source name (letters, digits, - and _)"},
		{Name: "published_from", Type: "date", Doc: "published on or after (YYYY-MM-DD)"},
		{Name: "published_to", Type: "date", Doc: "published on or before (YYYY-MM-DD)"},
	}

	sortParam   = param{Name: "sort", Type: "string", Enum: []string{"relevance", "-published", "published"}, Default: "relevance", Doc: "order of the hits; ties (equal scores, the same day) in claim id order, so that pages by from and by cursor are one sequence"}
	fromParam   = param{Name: "from", Type: "integer", Min: 0, Max: 10000, Default: "0", Doc: "offset of the first hit (to 10,000; use cursor beyond)"}
	sizeParam   = param{Name: "size", Type: "integer", Min: 1, Max: 100, Default: "20", Doc: "hits per page"}
	cursorParam = param{Name: "cursor", Type: "string", Doc: "next_cursor of the previous page: continues after it, to the end of the result set; keep the other parameters as they were"}
	facetsParam = param{Name: "facets", Type: "string", Multi: true, Enum: lumen.FacetNames, Doc: "facets to count over every hit (none unless asked); year is the publication-year histogram"}
	kindParam   = func(name, doc string) param {
		return param{Name: name, Type: "string", Enum: []string{lumen.KindCondition, lumen.KindMechanism, lumen.KindIntervention}, Required: true, Doc: doc}
	}
)

// withFilters returns the claim filters followed by more parameters.
func withFilters(more ...param) []param {
	return append(slices.Clone(claimFilters), more...)
}

// claimQuery builds the claim selection of a request's filters. concept
// values are checked against the taxonomy here: an id it lacks is refused,
// unless claims in the index are tagged with it (a concept removed from
// the taxonomy since they were tagged: see retired).
func (s *server) claimQuery(ctx context.Context, v values) (lumen.ClaimQuery, error) {
	q := lumen.ClaimQuery{
		Q: v.str("q"), Evidence: v.list("evidence"), Relation: v.str("relation"),
		Subject: v.str("subject"), Object: v.str("object"), Effect: v.str("effect"),
		Negated: v.boolean("negated"), Hedged: v.boolean("hedged"),
		Status: v.list("status"), Flagged: v.boolean("flagged"), Retracted: v.boolean("retracted"),
		ArticleID: v.str("article"), Source: v.str("source"),
		PublishedFrom: v.date("published_from", false), PublishedTo: v.date("published_to", true),
	}
	if !q.PublishedFrom.IsZero() && !q.PublishedTo.IsZero() && q.PublishedTo.Before(q.PublishedFrom) {
		return q, lumen.Invalidf("published_to", "is before published_from")
	}
	for _, p := range []struct {
		field string
		v     *string
	}{{"subject", &q.Subject}, {"object", &q.Object}} {
		if *p.v == "" {
			continue
		}
		var alts []string
		for _, c := range strings.Split(*p.v, "|") {
			c = strings.TrimSpace(c)
			if len(s.Taxonomy.Concepts) > 0 && !s.vocab.Has(c) && !s.vocab.IsKind(c) {
				if err := s.checkRetired(ctx, p.field, c); err != nil {
					return q, err
				}
			}
			alts = append(alts, c)
		}
		*p.v = strings.Join(alts, "|")
	}
	for _, raw := range v.raw("concept") {
		for _, and := range splitList(raw) {
			var group []string
			for _, c := range strings.Split(and, "|") {
				if c = strings.TrimSpace(c); c == "" {
					continue
				}
				switch {
				case s.vocab.Has(c):
					group = append(group, c)
				case s.vocab.IsKind(c) && !strings.Contains(and, "|"):
					q.Kinds = append(q.Kinds, c)
				case len(s.Taxonomy.Concepts) == 0:
					group = append(group, c) // no taxonomy to check against
				default:
					if err := s.checkRetired(ctx, "concept", c); err != nil {
						return q, err
					}
					group = append(group, c)
				}
			}
			switch len(group) {
			case 0:
			case 1:
				q.Concepts = append(q.Concepts, group[0])
			default:
				q.AnyConcepts = append(q.AnyConcepts, group)
			}
		}
	}
	return q, nil
}

// retired reports whether id, a concept the taxonomy lacks, tags claims
// in the index: a concept a taxonomy change removed (or renamed) still
// tags the claims indexed before it, until lumen reindex --retag, and the
// evidence map and the facets show it; its links must find those claims.
// Without an index to ask, it is not.
func (s *server) retired(ctx context.Context, id string) (bool, error) {
	t, ok := s.Searcher.(ConceptIndex)
	if !ok || !s.vocab.IsKind(lumen.ConceptKind(id)) {
		return false, nil
	}
	return t.TaggedWith(ctx, id)
}

// checkRetired refuses a concept id the taxonomy lacks unless it is
// retired.
func (s *server) checkRetired(ctx context.Context, field, id string) error {
	ok, err := s.retired(ctx, id)
	if err != nil {
		return err
	}
	if !ok {
		return lumen.Invalidf(field, "unknown concept %q (see GET /api/v1/concepts; a kind such as %q also works)", id, lumen.KindCondition)
	}
	return nil
}

// retiredIn returns the concepts of q that the taxonomy lacks (retired).
func (s *server) retiredIn(q lumen.ClaimQuery) []string {
	var out []string
	add := func(id string) {
		if id != "" && !s.vocab.Has(id) && !s.vocab.IsKind(id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	if len(s.Taxonomy.Concepts) == 0 {
		return nil
	}
	for _, c := range q.Concepts {
		add(c)
	}
	for _, g := range q.AnyConcepts {
		for _, c := range g {
			add(c)
		}
	}
	for _, v := range []string{q.Subject, q.Object} {
		for _, c := range strings.Split(v, "|") {
			add(strings.TrimSpace(c))
		}
	}
	return out
}

// parseClaimQuery reads claim filters given as url.Values (the review
// page's queue filters), checked as the API checks them.
func (s *server) parseClaimQuery(ctx context.Context, v url.Values) (lumen.ClaimQuery, error) {
	vals, err := checkParams(epFilters, v.Encode())
	if err != nil {
		return lumen.ClaimQuery{}, err
	}
	return s.claimQuery(ctx, vals)
}

// epFilters is the filters alone, for ParseFilters.
var epFilters = &endpoint{Method: "CLI", Path: "lumen export", Params: claimFilters}

// ParseFilters reads claim filters written as an API query string
// ("concept=condition/acne&evidence=rct"), checked as the API checks them:
// for commands that take the API's filters (lumen export). ix, the index
// the filters will search (may be nil), lets a concept the taxonomy lost
// through while claims are tagged with it, as the API does.
func ParseFilters(ctx context.Context, tax lumen.Taxonomy, rawQuery string, ix Searcher) (lumen.ClaimQuery, error) {
	s, _ := newServer(Deps{Searcher: ix, Taxonomy: tax})
	v, err := checkParams(epFilters, strings.TrimPrefix(rawQuery, "?"))
	if err != nil {
		return lumen.ClaimQuery{}, err
	}
	return s.claimQuery(ctx, v)
}
