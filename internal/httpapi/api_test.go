package httpapi_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/benchcorpus"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/metrics"
	"github.com/lumen-research/lumen/internal/vocab"
)

// richTaxonomy has a hierarchy (acne and atopic dermatitis under skin
// health, dysbiosis under the gut microbiome) and an abbreviation.
var richTaxonomy = lumen.Taxonomy{Version: "rich-1", Concepts: []lumen.Concept{
	{ID: "condition/skin-health", Kind: "condition", Label: "Skin health", Synonyms: []string{"skin health"}},
	{ID: "condition/acne", Kind: "condition", Label: "Acne", Broader: "condition/skin-health", Synonyms: []string{"acne"}},
	{ID: "condition/atopic-dermatitis", Kind: "condition", Label: "Atopic dermatitis", Broader: "condition/skin-health",
		Synonyms: []string{"atopic dermatitis", "eczema"}, Abbreviations: []string{"AD"}},
	{ID: "condition/psoriasis", Kind: "condition", Label: "Psoriasis", Synonyms: []string{"psoriasis"}},
	{ID: "mechanism/gut-microbiome", Kind: "mechanism", Label: "Gut microbiome", Synonyms: []string{"gut microbiota"}},
	{ID: "mechanism/dysbiosis", Kind: "mechanism", Label: "Dysbiosis", Broader: "mechanism/gut-microbiome", Synonyms: []string{"dysbiosis"}},
	{ID: "mechanism/intestinal-permeability", Kind: "mechanism", Label: "Intestinal permeability", Synonyms: []string{"leaky gut"}},
	{ID: "intervention/probiotics", Kind: "intervention", Label: "Probiotics", Synonyms: []string{"probiotics"}},
}}

type sentence struct {
	text     string
	concepts []string
	relation string
	status   string
}

func taggedArticle(url, title string, published time.Time, evidence string, doi string, preamble string, ss ...sentence) lumen.ArticleTagged {
	a := lumen.Article{ID: lumen.NewID("url:" + url), URL: url, Title: title, Published: published, Source: "test",
		FetchedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), DOI: doi, Authors: []string{"Jane Smith"}, Journal: "J Test"}
	text := preamble
	ev := lumen.ArticleTagged{Evidence: evidence, TaxonomyVersion: "rich-1+r1"}
	for _, s := range ss {
		if text != "" {
			text += " "
		}
		c := lumen.Claim{ID: lumen.ClaimID(a.ID, s.text, 0), ArticleID: a.ID, Start: len(text), Text: s.text,
			Concepts: s.concepts, Relation: s.relation, Evidence: evidence, Review: lumen.Review{Status: s.status},
			Relations: lumen.DerivePairs(nil, lumen.Assertion{NotAClaim: true}, lumen.Assertion{Concepts: s.concepts, Relation: s.relation})}
		text += s.text
		c.End = len(text)
		ev.Claims = append(ev.Claims, c)
	}
	a.Text = text
	a.ContentHash = a.ComputeContentHash()
	ev.Article = a
	return ev
}

// richFixture serves an index of four small articles about eczema, acne and
// psoriasis through the whole API.
func richFixture(t *testing.T) (*httptest.Server, []lumen.ArticleTagged) {
	t.Helper()
	return richFixtureWith(t, richTaxonomy)
}

// richFixtureWith serves the same index with the taxonomy tax (which may
// lack concepts the claims were tagged with).
func richFixtureWith(t *testing.T, tax lumen.Taxonomy, more ...lumen.ArticleTagged) (*httptest.Server, []lumen.ArticleTagged) {
	t.Helper()
	ix := openIndex(t)
	ix.SetVocabulary(vocab.New(tax))
	ad, acne, pso := "condition/atopic-dermatitis", "condition/acne", "condition/psoriasis"
	dys, leaky, pro := "mechanism/dysbiosis", "mechanism/intestinal-permeability", "intervention/probiotics"
	evs := []lumen.ArticleTagged{
		taggedArticle("https://example.org/rct", "A probiotic trial in atopic dermatitis", time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC),
			lumen.EvidenceRCT, "10.1000/rct.1", "We studied atopic dermatitis (AD) in 80 children.",
			sentence{"Probiotics reduced the severity of AD.", []string{ad, pro}, lumen.RelationDecreases, lumen.StatusAccepted},
			sentence{"Dysbiosis preceded flares of atopic dermatitis.", []string{ad, dys}, lumen.RelationAssociated, ""}),
		taggedArticle("https://example.org/cohort", "Eczema and the gut", time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC),
			lumen.EvidenceCohort, "10.1000/cohort.2", "",
			sentence{"Eczema was linked to gut dysbiosis.", []string{ad, dys}, lumen.RelationAssociated, lumen.StatusAccepted},
			sentence{"Probiotics did not change acne.", []string{acne, pro}, lumen.RelationNoEffect, ""}),
		taggedArticle("https://example.org/acne", "Acne and dysbiosis", time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC),
			lumen.EvidenceCrossSectional, "", "",
			sentence{"Dysbiosis may worsen acne.", []string{acne, dys}, lumen.RelationIncreases, ""},
			sentence{"Acne improved with probiotics.", []string{acne, pro}, lumen.RelationDecreases, lumen.StatusRejected}),
		taggedArticle("https://example.org/web", "Leaky gut and skin", time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
			lumen.EvidenceWebArticle, "", "",
			sentence{"A leaky gut may worsen psoriasis.", []string{pso, leaky}, lumen.RelationIncreases, ""}),
	}
	evs = append(evs, more...)
	if _, err := ix.Apply(context.Background(), evs); err != nil {
		t.Fatal(err)
	}
	// The statuses are curators' decisions.
	var ds []lumen.ReviewDecision
	for _, ev := range evs {
		for _, c := range ev.Claims {
			if d, ok := benchcorpus.Decision(c); ok {
				ds = append(ds, d)
			}
		}
	}
	if _, err := ix.ApplyReviews(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: ix, Runs: fakeRuns{}, Taxonomy: tax, Metrics: metrics.New()}))
	t.Cleanup(srv.Close)
	return srv, evs
}

func claimTexts(b claimsBody) []string {
	var out []string
	for _, h := range b.Hits {
		out = append(out, h.Text)
	}
	slices.Sort(out)
	return out
}

func TestConceptAwareAPI(t *testing.T) {
	srv, _ := richFixture(t)
	tests := []struct {
		query string
		want  []string
	}{
		// Three claims are about atopic dermatitis; two say "eczema" or "AD".
		{"q=atopic+dermatitis", []string{"Dysbiosis preceded flares of atopic dermatitis.", "Eczema was linked to gut dysbiosis.",
			"Probiotics reduced the severity of AD."}},
		// A broader concept finds the claims filed under narrower ones.
		{"concept=condition/skin-health&relation=increases", []string{"Dysbiosis may worsen acne."}},
		// OR within a value, AND between values.
		{"concept=condition/acne|condition/psoriasis&concept=mechanism", []string{"A leaky gut may worsen psoriasis.", "Dysbiosis may worsen acne."}},
		// Directional: an intervention decreases a condition.
		// The rejected "Acne improved with probiotics." only when its status is asked for.
		{"concept=intervention&concept=condition&relation=decreases", []string{"Probiotics reduced the severity of AD."}},
		{"concept=intervention&concept=condition&relation=decreases&status=rejected,accepted", []string{"Acne improved with probiotics.", "Probiotics reduced the severity of AD."}},
		{"status=accepted&concept=mechanism", []string{"Eczema was linked to gut dysbiosis."}},
		{"q=AD", []string{"Dysbiosis preceded flares of atopic dermatitis.", "Probiotics reduced the severity of AD."}},
	}
	for _, tt := range tests {
		var b claimsBody
		if code := get(t, srv, "/api/v1/claims?"+tt.query, &b); code != 200 {
			t.Fatalf("GET claims?%s = %d", tt.query, code)
		}
		if got := claimTexts(b); !slices.Equal(got, tt.want) {
			t.Errorf("GET claims?%s = %q, want %q", tt.query, got, tt.want)
		}
	}
	var b struct {
		Hits []struct {
			Text    string
			Matched []lumen.Match
		}
	}
	get(t, srv, "/api/v1/claims?q=atopic+dermatitis", &b)
	for _, h := range b.Hits {
		if len(h.Matched) == 0 {
			t.Errorf("hit %q does not say why it matched", h.Text)
		}
	}
}

func TestStrictParameters(t *testing.T) {
	srv, evs := richFixture(t)
	tests := []struct {
		path, field, says string
	}{
		{"/api/v1/claims?concepts=condition/acne", "concepts", "unknown parameter"},
		{"/api/v1/claims?q=acne&q=eczema", "q", "given 2 times"},
		{"/api/v1/claims?size=10&size=20", "size", "given 2 times"},
		{"/api/v1/claims?q=title:gut", "q", `unknown field "title" at character 1`},
		{"/api/v1/claims?q=" + url.QueryEscape(`acne "gut`), "q", "unterminated phrase starting at character 6"},
		{"/api/v1/claims?concept=condition/unknown", "concept", "unknown concept"},
		{"/api/v1/claims?concept=Condition/Acne", "concept", "malformed"},
		{"/api/v1/claims?concept=%7C", "concept", "empty alternative"},
		{"/api/v1/claims?concept=condition/acne%7C", "concept", "empty alternative"},
		{"/api/v1/claims?evidence=blog", "evidence", "not one of"},
		{"/api/v1/claims?status=maybe", "status", "not one of"},
		{"/api/v1/claims?negated=yes", "negated", "not true or false"},
		{"/api/v1/claims?published_from=2024-13-01", "published_from", "not a date"},
		{"/api/v1/claims?published_from=2025-01-01&published_to=2024-01-01", "published_to", "before"},
		{"/api/v1/claims?size=0", "size", "between 1 and 100"},
		{"/api/v1/claims?from=10001", "from", "between 0 and 10000"},
		{"/api/v1/claims?facets=colour", "facets", "not one of"},
		{"/api/v1/claims?cursor=xyz", "cursor", "not a cursor"},
		{"/api/v1/claims?source=a%20b", "source", "malformed"},
		{"/api/v1/claims?article=../../etc", "article", "malformed"},
		{"/api/v1/crawls?source=a%20b", "source", "malformed"},
		{"/api/v1/crawls?limit=0", "limit", "between 1 and 1000"},
		{"/api/v1/map?rows=condition", "cols", "required"},
		{"/api/v1/map?rows=condition&cols=condition", "cols", "another kind"},
		{"/api/v1/map?rows=condition&cols=mechanism&size=5", "size", "unknown parameter"},
		{"/api/v1/claims/export?format=xml", "format", "not one of"},
		{"/api/v1/claims/export?sort=published", "sort", "unknown parameter"},
		{"/api/v1/articles/export", "format", "required"},
		{"/api/v1/articles/" + evs[0].Article.ID + "?full=1", "full", "unknown parameter"},
		{"/api/v1/concepts?kind=condition", "kind", "unknown parameter"},
		{"/healthz?verbose=1", "verbose", "unknown parameter"},
		{"/api/v1/claims?q=%zz", "", "malformed query string"},
		{"/api/v1/claims?q=relation:bogus", "q", "relation takes one of"},
		{"/api/v1/claims?q=" + url.QueryEscape("acne AND probiotics OR diet"), "q", "AND and OR in one query need parentheses"},
		{"/api/v1/claims?q=" + url.QueryEscape("+-acne"), "q", "one of + and -"},
		// One limit for q, the index's, stated in openapi.json (qa2: 1,001-2,000
		// bytes said 1000, longer said 2000).
		{"/api/v1/claims?q=" + strings.Repeat("a", 1500), "q", "longer than 1000 bytes"},
		{"/api/v1/claims?q=" + strings.Repeat("a", 2500), "q", "longer than 1000 bytes"},
		{"/map?collapse=Bogus!", "collapse", "malformed"},
		{"/map?collapse=condition/nope", "collapse", "unknown concept"},
	}
	for _, tt := range tests {
		var e errBody
		if code := get(t, srv, tt.path, &e); code != 400 {
			t.Errorf("GET %s = %d, want 400", tt.path, code)
			continue
		}
		if e.Code != "invalid" || e.Field != tt.field || !strings.Contains(e.Message, tt.says) {
			t.Errorf("GET %s error = %+v, want field %q saying %q", tt.path, e, tt.field, tt.says)
		}
	}
	// Empty values are "not given" (a form's "any" choice).
	var b claimsBody
	if code := get(t, srv, "/api/v1/claims?q=&negated=&evidence=&concept=", &b); code != 200 || b.Total != 6 { // 7, one rejected
		t.Errorf("empty parameters = %d, %d claims", code, b.Total)
	}
}

func TestErrorShapeEverywhere(t *testing.T) {
	srv, _ := richFixture(t)
	tests := []struct {
		method, path string
		status       int
		code         string
	}{
		{"GET", "/api/v1/nope", 404, "not_found"},
		{"GET", "/nope", 404, "not_found"},
		{"GET", "/articles", 404, "not_found"},
		{"POST", "/api/v1/claims", 405, "method_not_allowed"},
		{"DELETE", "/", 405, "method_not_allowed"},
		{"PUT", "/map", 405, "method_not_allowed"},
		{"GET", "/api/v1/articles/" + lumen.NewID("none"), 404, "not_found"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var e errBody
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if err := json.Unmarshal(body, &e); err != nil || res.StatusCode != tt.status || e.Code != tt.code || e.Message == "" ||
			!strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s %s = %d %s %q, want %d with code %s", tt.method, tt.path, res.StatusCode, res.Header.Get("Content-Type"), body, tt.status, tt.code)
		}
		if tt.status == 405 && res.Header.Get("Allow") == "" {
			t.Errorf("%s %s: 405 without Allow", tt.method, tt.path)
		}
	}
	// The article page's 404 is a page.
	res, err := http.Get(srv.URL + "/articles/" + lumen.NewID("none"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 404 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(body), "Article not found") {
		t.Errorf("article page 404 = %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

func TestCursorAPI(t *testing.T) {
	srv, _ := richFixture(t)
	var ids []string
	path := "/api/v1/claims?size=2&q=probiotics+acne+dysbiosis"
	for page := 0; page < 10; page++ {
		var b struct {
			claimsBody
			From       int    `json:"from"`
			NextCursor string `json:"next_cursor"`
		}
		if code := get(t, srv, path, &b); code != 200 {
			t.Fatalf("GET %s = %d", path, code)
		}
		if b.From != len(ids) {
			t.Errorf("page %d from = %d, want %d", page, b.From, len(ids))
		}
		for _, h := range b.Hits {
			if slices.Contains(ids, h.ID) {
				t.Fatalf("claim %s on two pages", h.ID)
			}
			ids = append(ids, h.ID)
		}
		if b.NextCursor == "" {
			if uint64(len(ids)) != b.Total {
				t.Fatalf("walked %d of %d", len(ids), b.Total)
			}
			return
		}
		path = "/api/v1/claims?size=2&q=probiotics+acne+dysbiosis&cursor=" + url.QueryEscape(b.NextCursor)
	}
	t.Fatal("too many pages")
}

func TestMapAPI(t *testing.T) {
	srv, _ := richFixture(t)
	var m lumen.EvidenceMap
	if code := get(t, srv, "/api/v1/map?rows=condition&cols=mechanism", &m); code != 200 {
		t.Fatalf("GET map = %d", code)
	}
	var rows []string
	for _, r := range m.Rows {
		rows = append(rows, r.ID)
	}
	// In the taxonomy's order, broader before narrower.
	if want := []string{"condition/skin-health", "condition/acne", "condition/atopic-dermatitis", "condition/psoriasis"}; !slices.Equal(rows, want) {
		t.Errorf("rows = %v, want %v", rows, want)
	}
	if m.Rows[1].Parent != "condition/skin-health" || m.Rows[0].Children != 2 || m.Rows[1].Label != "Acne" || m.Rows[1].Depth != 1 {
		t.Errorf("rows = %+v", m.Rows)
	}
	var cell lumen.MapCell
	for _, c := range m.Cells {
		if c.Row == "condition/atopic-dermatitis" && c.Col == "mechanism/dysbiosis" {
			cell = c
		}
	}
	if cell.Claims != 2 || cell.Articles != 2 || cell.Accepted != 1 || cell.Strongest != lumen.EvidenceRCT || cell.Supports != 2 {
		t.Errorf("AD x dysbiosis = %+v", cell)
	}
	// Under filters: RCTs only.
	get(t, srv, "/api/v1/map?rows=condition&cols=mechanism&evidence=rct", &m)
	if m.Claims != 1 || len(m.Cells) != 4 { // AD and skin health x dysbiosis and gut microbiome
		t.Errorf("RCT map = %+v", m)
	}
}

// The evidence map downloads as CSV with the same filters (qa2: there was
// no export of the map): one row per cell, or a table of claim counts.
func TestMapExport(t *testing.T) {
	srv, _ := richFixture(t)
	var m lumen.EvidenceMap
	get(t, srv, "/api/v1/map?rows=condition&cols=mechanism&evidence=rct", &m)
	read := func(format string) [][]string {
		t.Helper()
		res, err := http.Get(srv.URL + "/api/v1/map?rows=condition&cols=mechanism&evidence=rct&format=" + format)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		rows, err := csv.NewReader(res.Body).ReadAll()
		if err != nil || res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("map as %s = %d %v %v", format, res.StatusCode, res.Header, err)
		}
		return rows
	}
	rows := read("csv")
	if len(rows) != len(m.Cells)+1 || rows[0][0] != "row" || rows[0][4] != "claims" {
		t.Fatalf("map CSV = %q, want a header and a row for each of %d cells", rows, len(m.Cells))
	}
	col := func(name string) int { return slices.Index(rows[0], name) }
	got := map[string]bool{}
	for _, r := range rows[1:] {
		got[r[0]+" x "+r[2]] = true
		if r[0] == "condition/atopic-dermatitis" && r[2] == "mechanism/dysbiosis" {
			if r[1] != "Atopic dermatitis" || r[col("claims")] != "1" || r[col("strongest_evidence")] != "rct" || r[col("evidence_rct")] != "1" {
				t.Errorf("AD x dysbiosis row = %q", r)
			}
		}
		for _, c := range m.Cells {
			if c.Row == r[0] && c.Col == r[2] {
				if want := []string{strconv.Itoa(c.Articles), strconv.Itoa(c.Supports), strconv.Itoa(c.Accepted), strconv.Itoa(c.Relations[lumen.RelationAssociated])}; !slices.Equal(
					[]string{r[col("articles")], r[col("supports")], r[col("accepted")], r[col("associated")]}, want) {
					t.Errorf("CSV row %q disagrees with the JSON cell %+v", r, c)
				}
			}
		}
	}
	for _, c := range m.Cells {
		if !got[c.Row+" x "+c.Col] {
			t.Errorf("cell %s x %s missing from the CSV", c.Row, c.Col)
		}
	}
	matrix := read("csv_matrix")
	if len(matrix) != len(m.Rows)+1 || len(matrix[0]) != len(m.Cols)+1 {
		t.Fatalf("map matrix = %q, want %d rows and %d columns", matrix, len(m.Rows)+1, len(m.Cols)+1)
	}
	for i, r := range m.Rows {
		for j, c := range m.Cols {
			want := ""
			for _, cell := range m.Cells {
				if cell.Row == r.ID && cell.Col == c.ID {
					want = strconv.Itoa(cell.Claims)
				}
			}
			if matrix[i+1][j+1] != want {
				t.Errorf("matrix %s x %s = %q, want %q", r.ID, c.ID, matrix[i+1][j+1], want)
			}
		}
	}
	var e errBody
	if code := get(t, srv, "/api/v1/map?rows=condition&cols=mechanism&format=xlsx", &e); code != 400 || e.Field != "format" {
		t.Errorf("map as xlsx = %d %+v, want 400 naming format", code, e)
	}
}

func TestExportAPI(t *testing.T) {
	srv, _ := richFixture(t)
	res, err := http.Get(srv.URL + "/api/v1/claims/export?format=csv&concept=condition/skin-health")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(res.Body).ReadAll()
	res.Body.Close()
	if err != nil || res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(res.Header.Get("Content-Disposition"), "lumen-claims.csv") {
		t.Fatalf("CSV export = %d %v %v", res.StatusCode, res.Header, err)
	}
	if len(rows) != 1+5 || rows[0][0] != "claim_id" { // 6, one rejected
		t.Errorf("CSV export has %d rows, want a header and 5 claims", len(rows))
	}
	res, err = http.Get(srv.URL + "/api/v1/claims/export?q=eczema")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		var r lumen.ClaimRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.Article.ID == "" {
			t.Errorf("JSON Lines record %q: %v", sc.Text(), err)
		}
		n++
	}
	res.Body.Close()
	if n != 4 { // three about eczema, one in an article titled "Eczema and the gut"
		t.Errorf("jsonl export of q=eczema = %d claims, want 4", n)
	}
	res, err = http.Get(srv.URL + "/api/v1/articles/export?format=ris&concept=condition/atopic-dermatitis")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || strings.Count(string(body), "TY  - ") != 2 || !strings.Contains(string(body), "DO  - 10.1000/rct.1") {
		t.Errorf("RIS export = %d\n%s", res.StatusCode, body)
	}
	// An export nothing matches is a file with just its header.
	res, _ = http.Get(srv.URL + "/api/v1/claims/export?format=csv&q=nothingmatchesthis")
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || strings.Count(string(body), "\n") != 1 {
		t.Errorf("empty CSV export = %d %q", res.StatusCode, body)
	}
}

// endless is an Exporter that streams claims until its context ends, and
// says when it has returned.
type endless struct {
	panicky
	returned chan error
}

func (e endless) ExportClaims(ctx context.Context, q lumen.ClaimQuery, fn func(lumen.ClaimRecord) error) error {
	err := func() error {
		for i := 0; ; i++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(lumen.ClaimRecord{Claim: lumen.Claim{ID: lumen.NewID(string(rune(i))), Text: strings.Repeat("x", 200)}}); err != nil {
				return err
			}
		}
	}()
	e.returned <- err
	return err
}

func (e endless) ExportArticles(context.Context, lumen.ClaimQuery, func(lumen.ArticleMeta) error) error {
	return errors.New("not used")
}

// TestExportCancelled: a client that stops reading a huge export and goes
// away ends the export; nothing keeps running.
func TestExportCancelled(t *testing.T) {
	e := endless{returned: make(chan error, 1)}
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: e}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/v1/claims/export?format=csv", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(res.Body, make([]byte, 1<<20)); err != nil {
		t.Fatalf("reading the first MiB: %v", err)
	}
	cancel()
	res.Body.Close()
	select {
	case err := <-e.returned:
		if err == nil {
			t.Error("the export ended without an error")
		}
	case <-time.After(30 * time.Second): // a liveness bound, not a timing assertion
		t.Fatal("the export kept running after the client went away")
	}
}

// TestPageErrors: a page's own failure is the JSON error shape for a
// program and a page for a browser; a panic is JSON for both.
func TestPageErrors(t *testing.T) {
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: panicky{}}))
	defer srv.Close()
	for _, tt := range []struct {
		path, accept, contentType string
		status                    int
	}{
		{"/articles/" + lumen.NewID("x"), "", "application/json", 500},
		{"/articles/" + lumen.NewID("x"), "text/html", "text/html", 500},
		{"/?q=acne", "", "application/json", 500},
		{"/?q=acne", "text/html", "application/json", 500}, // the searcher panics
		{"/?size=lots", "text/html", "text/html", 400},
		{"/?size=lots", "", "application/json", 400},
	} {
		req, _ := http.NewRequest("GET", srv.URL+tt.path, nil)
		if tt.accept != "" {
			req.Header.Set("Accept", tt.accept)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.contentType) || strings.Contains(string(body), "disk on fire") {
			t.Errorf("GET %s (Accept %q) = %d %s %q", tt.path, tt.accept, res.StatusCode, res.Header.Get("Content-Type"), body)
		}
	}
}
