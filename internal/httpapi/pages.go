package httpapi

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
)

//go:embed templates/*.html
var templateFS embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	// mark trusts the search highlight, which the index builds from escaped
	// text with only <mark> added.
	"mark":  func(s string) template.HTML { return template.HTML(s) },
	"label": func(m map[string]lumen.Concept, id string) string { return conceptLabel(m, id) },
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	},
	"add": func(a, b int) int { return a + b },
	"withLabels": func(labels map[string]lumen.Concept, c lumen.Claim) claimView {
		return claimView{Claim: c, Labels: labels}
	},
	"has": func(list []string, v string) bool { return slices.Contains(list, v) },
	// css is a style attribute the page computes (a heat-map colour).
	"css": func(s string) template.CSS { return template.CSS(s) },
	"why": whyShown,
}).ParseFS(templateFS, "templates/*.html"))

// whyShown is what a hit's "matched" line says: a concept the words name is
// left out when the same words are in the sentence anyway.
func whyShown(ms []lumen.Match) []lumen.Match {
	var out []lumen.Match
	for _, m := range ms {
		if m.Via != lumen.MatchText && slices.ContainsFunc(ms, func(o lumen.Match) bool {
			return o.Via == lumen.MatchText && strings.EqualFold(o.Query, m.Query)
		}) {
			continue
		}
		out = append(out, m)
	}
	return out
}

func conceptLabel(m map[string]lumen.Concept, id string) string {
	if c, ok := m[id]; ok {
		return c.Label
	}
	return id
}

type claimView struct {
	Claim  lumen.Claim
	Labels map[string]lumen.Concept
}

// link is a labelled URL the page shows.
type link struct {
	Label string
	URL   string
	Count int
	On    bool // the filter is already applied
}

// facetView is one facet of the search page.
type facetView struct {
	Name  string
	Title string
	Links []link
}

// pageQuery is a page's query string, for building links that change one
// parameter and keep the others.
type pageQuery struct{ v url.Values }

func newPageQuery(raw string) pageQuery {
	v, _ := url.ParseQuery(raw)
	clean := url.Values{}
	for k, vs := range v {
		for _, s := range vs {
			if s != "" {
				clean.Add(k, s)
			}
		}
	}
	return pageQuery{clean}
}

// with returns path?query with name set to value ("" removes it) and the
// paging parameters dropped (a new search starts at its first page).
func (p pageQuery) with(path string, set map[string]string, add map[string]string, keepPaging bool) string {
	c := url.Values{}
	for k, vs := range p.v {
		c[k] = slices.Clone(vs)
	}
	if !keepPaging {
		c.Del("from")
		c.Del("cursor")
	}
	for k, v := range set {
		if v == "" {
			c.Del(k)
		} else {
			c.Set(k, v)
		}
	}
	for k, v := range add {
		if !slices.Contains(c[k], v) {
			c.Add(k, v)
		}
	}
	if e := c.Encode(); e != "" {
		return path + "?" + e
	}
	return path
}

// only returns the query string with only the named parameters.
func (p pageQuery) only(names []string) url.Values {
	c := url.Values{}
	for _, n := range names {
		if vs, ok := p.v[n]; ok {
			c[n] = slices.Clone(vs)
		}
	}
	return c
}

func (p pageQuery) get(name string) string { return p.v.Get(name) }

func (p pageQuery) all(name string) []string {
	var out []string
	for _, s := range p.v[name] {
		out = append(out, splitList(s)...)
	}
	return out
}

func filterNames() []string {
	names := make([]string, len(claimFilters))
	for i, p := range claimFilters {
		names[i] = p.Name
	}
	return names
}

// searchPage is what search.html shows.
type searchPage struct {
	Title      string
	Query      pageQuery
	Form       formView
	Results    *lumen.ClaimResults
	Labels     map[string]lumen.Concept
	Facets     []facetView
	First      int // 1-based position of the first hit shown
	Last       int
	Prev, Next string
	Chips      []link // active concept filters, each a link that removes it
	JSON       string
	Exports    []link
	Review     string // the review page narrowed to this search
	Error      string
	// SyntaxHelp explains the query syntax when q is what went wrong.
	SyntaxHelp string
	// PastEnd: the page asked for starts after the last hit; LastPage
	// links the last page there is.
	PastEnd  bool
	LastPage string
	// Stale tells that part of the index was tagged by another tagger
	// version than this server's (nil: none, or it cannot tell).
	Stale *StaleTags
	// Retired are the filters' concepts that the taxonomy (of version
	// Version) lacks: see server.retired.
	Retired []string
	Version string
}

// formView is the filter form, shared by the search and map pages.
type formView struct {
	Q, Relation, Negated, Hedged, Sort, Source, From, To, Size string
	Flagged, Retracted, Article                                string
	Evidence, Status                                           []string
	Concepts                                                   []lumen.Concept
	Kinds                                                      []string
	Relations, EvidenceTypes, Statuses                         []string
	Rows, Cols                                                 string
	ColKinds                                                   []string // the kinds the columns may have (not the rows')
	Hidden                                                     []link   // concept filters kept as hidden inputs
	// Subject, Object and Effect are the pair filters, which the form has
	// no field for: kept as hidden inputs (and shown as chips).
	Subject, Object, Effect string
}

func (s *server) form(p pageQuery) formView {
	f := formView{Q: p.get("q"), Relation: p.get("relation"), Negated: p.get("negated"), Hedged: p.get("hedged"),
		Sort: p.get("sort"), Source: p.get("source"), From: p.get("published_from"), To: p.get("published_to"),
		Size: p.get("size"), Evidence: p.all("evidence"), Status: p.all("status"),
		Flagged: p.get("flagged"), Retracted: p.get("retracted"), Article: p.get("article"),
		Concepts: s.Taxonomy.Concepts, Kinds: []string{lumen.KindCondition, lumen.KindMechanism, lumen.KindIntervention},
		Relations: lumen.Relations, EvidenceTypes: lumen.EvidenceStrength, Statuses: lumen.Statuses,
		Rows: p.get("rows"), Cols: p.get("cols"),
		Subject: p.get("subject"), Object: p.get("object"), Effect: p.get("effect")}
	for _, c := range p.v["concept"] {
		f.Hidden = append(f.Hidden, link{Label: "concept", URL: c})
	}
	return f
}

// chips are the active concept filters, each with a link that removes it.
func (s *server) chips(p pageQuery, path string) []link {
	var out []link
	vals := p.v["concept"]
	for i, c := range vals {
		rest := slices.Delete(slices.Clone(vals), i, i+1)
		q := pageQuery{url.Values{}}
		for k, vs := range p.v {
			q.v[k] = vs
		}
		q.v["concept"] = rest
		labels := []string{}
		for _, and := range splitList(c) {
			var alts []string
			for _, alt := range strings.Split(and, "|") {
				alts = append(alts, conceptLabel(s.concepts, strings.TrimSpace(alt)))
			}
			labels = append(labels, strings.Join(alts, " or "))
		}
		out = append(out, link{Label: strings.Join(labels, " and "), URL: q.with(path, nil, nil, false)})
	}
	for _, f := range []struct{ name, label string }{{"subject", "subject"}, {"effect", "effect"}, {"object", "object"}} {
		v := p.get(f.name)
		if v == "" {
			continue
		}
		label := v
		if f.name != "effect" {
			label = conceptLabel(s.concepts, v)
		}
		out = append(out, link{Label: "pair " + f.label + ": " + label, URL: p.with(path, map[string]string{f.name: ""}, nil, false)})
	}
	if a := p.get("article"); a != "" {
		out = append(out, link{Label: "in one article", URL: p.with(path, map[string]string{"article": ""}, nil, false)})
	}
	return out
}

// reviewLink is the review page's queue narrowed to a page's filters.
func reviewLink(filters url.Values) string {
	q := url.Values{}
	for k, vs := range filters {
		switch k {
		case "status", "flagged", "retracted": // the queue decides these itself
			continue
		}
		q[k] = vs
	}
	if e := q.Encode(); e != "" {
		return "/review?" + e
	}
	return "/review"
}

// syntaxPointer is how the index's query errors end; the pages show the
// syntax itself instead.
const syntaxPointer = " (see the query syntax in GET /api/v1/openapi.json)"

// syntaxHelp returns the page's message for err without the pointer to
// openapi.json, and the query syntax when q is what went wrong.
func syntaxHelp(err error, msg string) (string, string) {
	var inv *lumen.InvalidError
	if !errors.As(err, &inv) || inv.Field != "q" {
		return msg, ""
	}
	return strings.Replace(msg, syntaxPointer, "", 1), claimFilters[0].Doc
}

var pageFacets = []struct{ name, title string }{
	{"concepts", "Concepts"}, {"evidence", "Evidence"}, {"relation", "Relation"}, {"status", "Review status"},
	{"year", "Published"}, {"source", "Source"},
}

func (s *server) handleSearchPage(w http.ResponseWriter, r *http.Request) {
	pq := newPageQuery(r.URL.RawQuery)
	p := searchPage{Title: "Search claims", Query: pq, Form: s.form(pq), Labels: s.concepts, Chips: s.chips(pq, "/")}
	status := http.StatusOK
	err := func() error {
		v, err := readParams(epSearchPage, r)
		if err != nil {
			return err
		}
		q, err := s.searchQuery(r.Context(), v)
		if err != nil {
			return err
		}
		p.Retired, p.Version = s.retiredIn(q), s.Taxonomy.Version
		for _, f := range pageFacets {
			q.Facets = append(q.Facets, f.name)
		}
		res, err := s.Searcher.SearchClaims(r.Context(), q)
		if err != nil {
			return err
		}
		p.Results = &res
		p.First, p.Last = res.Offset+1, res.Offset+len(res.Hits)
		if len(res.Hits) == 0 {
			p.First = 0
			if res.Total > 0 {
				// A page after the last: say so, and link the last page
				// (within from's reach).
				p.PastEnd = true
				last := min(int((res.Total-1)/uint64(q.Size))*q.Size, 10000)
				p.LastPage = pq.with("/", map[string]string{"from": strconv.Itoa(last), "cursor": ""}, nil, true)
				if last == 0 {
					p.LastPage = pq.with("/", map[string]string{"from": "", "cursor": ""}, nil, true)
				}
			}
		}
		if res.Offset > 0 && !v.given("cursor") {
			p.Prev = pq.with("/", map[string]string{"from": strconv.Itoa(max(res.Offset-q.Size, 0))}, nil, true)
		}
		switch {
		case res.NextCursor == "":
		case res.Offset+q.Size+q.Size <= 10000 && !v.given("cursor"):
			p.Next = pq.with("/", map[string]string{"from": strconv.Itoa(res.Offset + q.Size)}, nil, true)
		default:
			p.Next = pq.with("/", map[string]string{"cursor": res.NextCursor, "from": ""}, nil, true)
		}
		p.Facets = s.facetLinks(pq, res.Facets)
		return nil
	}()
	if err != nil {
		if !wantsHTML(r) {
			s.writeError(w, r, err)
			return
		}
		status, p.Error = s.pageError(r, err)
		p.Error, p.SyntaxHelp = syntaxHelp(err, p.Error)
	}
	filters := pq.only(filterNames())
	p.Review = reviewLink(filters)
	p.Stale = s.staleTags(r.Context())
	p.JSON = "/api/v1/claims"
	if api := pq.only(append(filterNames(), "sort", "from", "size", "cursor")).Encode(); api != "" {
		p.JSON += "?" + api
	}
	p.Exports = exportLinks(filters)
	render(w, status, "search.html", p)
}

func exportLinks(filters url.Values) []link {
	var out []link
	for _, e := range []struct{ path, format, label string }{
		{"/api/v1/claims/export", "csv", "claims as CSV"}, {"/api/v1/claims/export", "jsonl", "claims as JSON Lines"},
		{"/api/v1/articles/export", "ris", "articles as RIS"}, {"/api/v1/articles/export", "bibtex", "articles as BibTeX"},
		{"/api/v1/articles/export", "csljson", "articles as CSL-JSON"},
	} {
		v := url.Values{}
		for k, vs := range filters {
			v[k] = vs
		}
		v.Set("format", e.format)
		out = append(out, link{Label: e.label, URL: e.path + "?" + v.Encode()})
	}
	return out
}

// wantsHTML reports whether the client asked for HTML (a browser): the
// pages then show their errors in the page, where the person is; any other
// client gets the JSON error shape every route answers. (An unknown
// article is a 404 page either way.)
func wantsHTML(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}

// pageError turns an error into a page's status and message.
func (s *server) pageError(r *http.Request, err error) (int, string) {
	var inv *lumen.InvalidError
	switch {
	case errors.As(err, &inv):
		return http.StatusBadRequest, inv.Error()
	case errors.Is(err, lumen.ErrInvalid):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, lumen.ErrUnavailable):
		return http.StatusServiceUnavailable, "The index is not ready yet; try again in a moment."
	default:
		s.Logger.Error("page", "path", r.URL.Path, "err", err)
		return http.StatusInternalServerError, "The search failed; try again."
	}
}

// facetLinks turns facet counts into links that narrow the search.
func (s *server) facetLinks(pq pageQuery, facets map[string][]lumen.FacetCount) []facetView {
	var out []facetView
	for _, f := range pageFacets {
		counts := facets[f.name]
		if len(counts) == 0 {
			continue
		}
		fv := facetView{Name: f.name, Title: f.title}
		for _, c := range counts {
			l := link{Label: c.Value, Count: c.Count}
			switch f.name {
			case "concepts":
				l.Label = conceptLabel(s.concepts, c.Value)
				l.On = slices.Contains(pq.all("concept"), c.Value)
				l.URL = pq.with("/", nil, map[string]string{"concept": c.Value}, false)
			case "evidence":
				l.On = slices.Contains(pq.all("evidence"), c.Value)
				l.URL = pq.with("/", map[string]string{"evidence": c.Value}, nil, false)
			case "relation":
				l.On = pq.get("relation") == c.Value
				l.URL = pq.with("/", map[string]string{"relation": c.Value}, nil, false)
			case "status":
				l.On = slices.Contains(pq.all("status"), c.Value)
				l.URL = pq.with("/", map[string]string{"status": c.Value}, nil, false)
			case "source":
				l.On = pq.get("source") == c.Value
				l.URL = pq.with("/", map[string]string{"source": c.Value}, nil, false)
			case "year":
				l.On = pq.get("published_from") == c.Value+"-01-01" && pq.get("published_to") == c.Value+"-12-31"
				l.URL = pq.with("/", map[string]string{"published_from": c.Value + "-01-01", "published_to": c.Value + "-12-31"}, nil, false)
			}
			fv.Links = append(fv.Links, l)
		}
		out = append(out, fv)
	}
	return out
}

// mapPage is what map.html shows.
type mapPage struct {
	Title   string
	Form    formView
	Map     *lumen.EvidenceMap
	Rows    []axisView
	Cols    []axisView
	Grid    [][]cellView // [row][col]
	Chips   []link
	JSON    string
	Exports []link
	Review  string // the review page narrowed to the map's filters
	Error   string
	Empty   bool
	// Retired are the concepts of the rows, columns and filters that the
	// taxonomy lacks (see server.retired); Version is the taxonomy's.
	Retired []string
	Version string
	// SyntaxHelp explains the query syntax when q is what went wrong.
	SyntaxHelp string
}

type axisView struct {
	lumen.MapAxis
	Toggle    string // link that collapses or expands it ("" when it has no children)
	Collapsed bool
	Indent    int
}

type cellView struct {
	lumen.MapCell
	URL   string
	Style string
	Title string
	// ReverseURL finds the claims that relate the two concepts the other
	// way (the other concept as the cause), counted apart as Reverse.
	ReverseURL, ReverseTitle string
}

func (s *server) handleMapPage(w http.ResponseWriter, r *http.Request) {
	pq := newPageQuery(r.URL.RawQuery)
	p := mapPage{Title: "Evidence map", Form: s.form(pq), Chips: s.chips(pq, "/map")}
	if p.Form.Rows == "" {
		p.Form.Rows = lumen.KindCondition
	}
	if p.Form.Cols == "" {
		p.Form.Cols = lumen.KindMechanism
		if p.Form.Rows == lumen.KindMechanism {
			p.Form.Cols = lumen.KindCondition
		}
	}
	// The columns cannot be of the rows' kind (the map refuses it): the
	// form does not offer it.
	for _, k := range p.Form.Kinds {
		if k != p.Form.Rows {
			p.Form.ColKinds = append(p.Form.ColKinds, k)
		}
	}
	status := http.StatusOK
	err := func() error {
		v, err := readParams(epMapPage, r)
		if err != nil {
			return err
		}
		for _, c := range v.list("collapse") {
			if len(s.Taxonomy.Concepts) > 0 && !s.vocab.Has(c) {
				return lumen.Invalidf("collapse", "unknown concept %q (see GET /api/v1/concepts)", c)
			}
		}
		m, err := s.evidenceMap(r, v)
		if err != nil {
			return err
		}
		p.Map = &m
		if len(s.Taxonomy.Concepts) > 0 {
			if q, err := s.claimQuery(r.Context(), v); err == nil {
				p.Retired = s.retiredIn(q)
			}
			for _, a := range append(slices.Clone(m.Rows), m.Cols...) {
				if !s.vocab.Has(a.ID) && !slices.Contains(p.Retired, a.ID) {
					p.Retired = append(p.Retired, a.ID)
				}
			}
			p.Version = s.Taxonomy.Version
		}
		collapsed := v.list("collapse")
		p.Rows = s.axisViews(pq, m.Rows, collapsed)
		p.Cols = s.axisViews(pq, m.Cols, collapsed)
		p.Empty = len(m.Cells) == 0
		cells := map[[2]string]lumen.MapCell{}
		top := 1
		for _, c := range m.Cells {
			cells[[2]string{c.Row, c.Col}] = c
			top = max(top, c.Claims)
		}
		filters := pq.only(filterNames())
		for _, row := range p.Rows {
			line := make([]cellView, 0, len(p.Cols))
			for _, col := range p.Cols {
				c, ok := cells[[2]string{row.ID, col.ID}]
				cv := cellView{MapCell: c}
				if ok && c.Claims > 0 {
					// The cell's claims are those with a pair from its
					// cause to its other concept: the pair filters find
					// them (the map's own subject, object or effect
					// filters narrow its pairs, and the cell's replace
					// them).
					subject, object := row.ID, col.ID
					if lumen.ConceptKind(subject) != m.SubjectKind {
						subject, object = object, subject
					}
					q := url.Values{}
					for k, vs := range filters {
						q[k] = slices.Clone(vs)
					}
					q.Set("subject", narrowPair(q.Get("subject"), subject, s.vocab.Narrower))
					q.Set("object", narrowPair(q.Get("object"), object, s.vocab.Narrower))
					cv.URL = "/?" + q.Encode()
					cv.Style = heat(c.Claims, top)
					cv.Title = fmt.Sprintf("%s × %s: %d claims in %d articles; %d support, %d contradict; strongest evidence %s; %d accepted",
						row.Label, col.Label, c.Claims, c.Articles, c.Supports, c.Contradicts, orDash(c.Strongest), c.Accepted)
				}
				if ok && c.Reverse > 0 {
					if cv.Title == "" {
						cv.Title = fmt.Sprintf("%s × %s", row.Label, col.Label)
					}
					cause, other := row, col
					if lumen.ConceptKind(row.ID) != m.SubjectKind {
						cause, other = col, row
					}
					cv.Title += fmt.Sprintf("; %d more claims relate them only the other way (%s as the cause)", c.Reverse, other.Label)
					// The pairs the other way: the other concept the
					// subject, the cause the object.
					q := url.Values{}
					for k, vs := range filters {
						q[k] = slices.Clone(vs)
					}
					q.Set("subject", narrowPair(q.Get("subject"), other.ID, s.vocab.Narrower))
					q.Set("object", narrowPair(q.Get("object"), cause.ID, s.vocab.Narrower))
					cv.ReverseURL = "/?" + q.Encode()
					cv.ReverseTitle = fmt.Sprintf("%d claims relate %s and %s only the other way: %s as the cause", c.Reverse, row.Label, col.Label, other.Label)
				}
				line = append(line, cv)
			}
			p.Grid = append(p.Grid, line)
		}
		return nil
	}()
	if err != nil {
		if !wantsHTML(r) {
			s.writeError(w, r, err)
			return
		}
		status, p.Error = s.pageError(r, err)
		p.Error, p.SyntaxHelp = syntaxHelp(err, p.Error)
	}
	filters := pq.only(filterNames())
	p.Review = reviewLink(filters)
	api := pq.only(append(filterNames(), "rows", "cols"))
	api.Set("rows", p.Form.Rows)
	api.Set("cols", p.Form.Cols)
	p.JSON = "/api/v1/map?" + api.Encode()
	for _, e := range []struct{ format, label string }{{"csv", "map as CSV"}, {"csv_matrix", "map as a table (CSV)"}} {
		q := pq.only(append(filterNames(), "rows", "cols"))
		q.Set("rows", p.Form.Rows)
		q.Set("cols", p.Form.Cols)
		q.Set("format", e.format)
		p.Exports = append(p.Exports, link{Label: e.label, URL: "/api/v1/map?" + q.Encode()})
	}
	p.Exports = append(p.Exports, exportLinks(filters)...)
	render(w, status, "map.html", p)
}

// narrowPair is the subject or object filter of a map cell's link: the
// cell's concept, within the map's own filter on that end when it has one
// (a cell of a broader concept under subject=a|b keeps only a and b, where
// they are narrower than it).
func narrowPair(filter, cell string, narrower func(string) []string) string {
	if filter == "" {
		return cell
	}
	under := narrower(cell)
	var keep []string
	for _, f := range strings.Split(filter, "|") {
		if f == cell || lumen.ConceptKind(f) == f && lumen.ConceptKind(cell) == f {
			return cell // the filter holds the whole cell
		}
		if slices.Contains(under, f) {
			keep = append(keep, f)
		}
	}
	if len(keep) == 0 {
		return cell
	}
	return strings.Join(keep, "|")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// heat is a cell's background: from near white to deep blue as its count
// nears the map's largest, on a square-root scale so that small counts
// still show.
func heat(n, top int) string {
	f := math.Sqrt(float64(n) / float64(top))
	light := math.Round(96 - f*58)
	// Text keeps WCAG AA's 4.5:1 contrast: dark on 52% and lighter, white
	// on 48% and darker; the shades between reach 4.5:1 with neither, so
	// they are drawn as 48%.
	fg := "#111"
	if light <= 51 {
		light = min(light, 48)
		fg = "#fff"
	}
	return fmt.Sprintf("background:hsl(212,70%%,%.0f%%);color:%s", light, fg)
}

// axisViews drops the rows or columns hidden under a collapsed broader
// concept and gives the others their collapse or expand link.
func (s *server) axisViews(pq pageQuery, axes []lumen.MapAxis, collapsed []string) []axisView {
	hidden := map[string]bool{}
	var out []axisView
	for _, a := range axes {
		if a.Parent != "" && (hidden[a.Parent] || slices.Contains(collapsed, a.Parent)) {
			hidden[a.ID] = true
			continue
		}
		av := axisView{MapAxis: a, Collapsed: slices.Contains(collapsed, a.ID), Indent: a.Depth}
		if a.Children > 0 {
			rest := slices.DeleteFunc(slices.Clone(collapsed), func(c string) bool { return c == a.ID })
			if !av.Collapsed {
				rest = append(rest, a.ID)
			}
			q := pageQuery{url.Values{}}
			for k, vs := range pq.v {
				q.v[k] = vs
			}
			q.v["collapse"] = rest
			if len(rest) == 0 {
				delete(q.v, "collapse")
			}
			av.Toggle = q.with("/map", nil, nil, true)
		}
		out = append(out, av)
	}
	return out
}

// articlePage is what article.html shows.
type articlePage struct {
	Title   string
	Article lumen.ArticleDetail
	Labels  map[string]lumen.Concept
	Text    template.HTML // the text with each claim marked in place
}

func (s *server) handleArticlePage(w http.ResponseWriter, r *http.Request) {
	if _, err := readParams(epArticlePage, r); err != nil {
		if !wantsHTML(r) {
			s.writeError(w, r, err)
			return
		}
		_, msg := s.pageError(r, err)
		renderMessage(w, http.StatusBadRequest, "Bad request", msg)
		return
	}
	d, err := s.Searcher.Article(r.Context(), r.PathValue("id"))
	if errors.Is(err, lumen.ErrNotFound) {
		renderMessage(w, http.StatusNotFound, "Article not found",
			"No article has this id. It may have been removed from its source, or the link is mistyped.")
		return
	}
	if err != nil {
		if !wantsHTML(r) {
			s.writeError(w, r, err)
			return
		}
		status, msg := s.pageError(r, err)
		renderMessage(w, status, "Error", msg)
		return
	}
	render(w, http.StatusOK, "article.html", articlePage{Title: d.Title, Article: d, Labels: s.concepts, Text: markClaims(d.Text, d.Claims)})
}

// markClaims returns text as HTML with each claim's sentence in a <mark>
// that carries the claim's anchor (claim-ID). Claims with offsets outside
// the text, inside a character, or overlapping an earlier claim are left
// unmarked.
func markClaims(text string, claims []lumen.Claim) template.HTML {
	var b strings.Builder
	pos := 0
	for _, c := range claims {
		if c.Start < pos || c.End <= c.Start || c.End > len(text) ||
			!utf8.RuneStart(text[c.Start]) || (c.End < len(text) && !utf8.RuneStart(text[c.End])) {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[pos:c.Start]))
		fmt.Fprintf(&b, `<mark class="claim" id="claim-%s">`, template.HTMLEscapeString(c.ID))
		b.WriteString(template.HTMLEscapeString(text[c.Start:c.End]))
		b.WriteString("</mark>")
		pos = c.End
	}
	b.WriteString(template.HTMLEscapeString(text[pos:]))
	return template.HTML(b.String())
}

type messagePage struct {
	Title, Message string
}

func renderMessage(w http.ResponseWriter, status int, title, msg string) {
	render(w, status, "message.html", messagePage{Title: title, Message: msg})
}

func render(w http.ResponseWriter, status int, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	w.Header().Set("Referrer-Policy", "same-origin")
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, name, data); err != nil {
		fmt.Fprintf(w, "<p>template error</p>")
	}
}
