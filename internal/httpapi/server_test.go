package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/metrics"
)

var taxonomy = lumen.Taxonomy{Version: "test-1", Concepts: []lumen.Concept{
	{ID: "condition/acne", Kind: "condition", Label: "Acne"},
	{ID: "intervention/probiotics", Kind: "intervention", Label: "Probiotics"},
	{ID: "mechanism/intestinal-permeability", Kind: "mechanism", Label: "Intestinal permeability"},
	{ID: "condition/psoriasis", Kind: "condition", Label: "Psoriasis"},
}}

// fixture indexes two articles in a real bleve index and serves them.
func fixture(t *testing.T, ready ...httpapi.Check) (*httptest.Server, string) {
	t.Helper()
	ix := openIndex(t)
	mk := func(url, title string, published time.Time, claims ...lumen.Claim) lumen.ArticleTagged {
		a := lumen.Article{ID: lumen.NewID("url:" + url), URL: url, Title: title, Published: published, Source: "test", FetchedAt: time.Now()}
		text := ""
		for i := range claims {
			claims[i].ArticleID = a.ID
			claims[i].ID = lumen.ClaimID(a.ID, claims[i].Text, 0)
			claims[i].Start = len(text)
			text += claims[i].Text
			claims[i].End = len(text)
			text += " "
		}
		a.Text = text
		a.ContentHash = a.ComputeContentHash()
		return lumen.ArticleTagged{Article: a, Claims: claims, TaxonomyVersion: "test-1", Evidence: lumen.EvidenceRCT}
	}
	first := mk("https://example.org/trial", "A probiotic trial", time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC),
		lumen.Claim{Text: "Probiotics reduced acne lesions.", Concepts: []string{"condition/acne", "intervention/probiotics"}, Relation: lumen.RelationDecreases, Evidence: lumen.EvidenceRCT},
		lumen.Claim{Text: "Probiotics did not reduce acne <script>alert(1)</script> severity.", Concepts: []string{"condition/acne", "intervention/probiotics"}, Negated: true, Relation: lumen.RelationNoEffect, Evidence: lumen.EvidenceRCT})
	second := mk("https://example.org/web", "Leaky gut and skin", time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
		lumen.Claim{Text: "A leaky gut may worsen psoriasis.", Concepts: []string{"condition/psoriasis", "mechanism/intestinal-permeability"}, Hedged: true, Relation: lumen.RelationIncreases, Evidence: lumen.EvidenceWebArticle})
	if _, err := ix.Apply(context.Background(), []lumen.ArticleTagged{first, second}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{
		Searcher: ix, Runs: fakeRuns{}, Taxonomy: taxonomy, Ready: ready, Metrics: metrics.New(),
	}))
	t.Cleanup(srv.Close)
	return srv, first.Article.ID
}

type fakeRuns struct{}

func (fakeRuns) Runs(ctx context.Context, source string, limit int) ([]lumen.CrawlRun, error) {
	if strings.TrimSpace(source) != source {
		// What the KV store answers to a key with spaces.
		return nil, fmt.Errorf("list runs: invalid key %q", source)
	}
	return []lumen.CrawlRun{{ID: "r1", Source: "pubmed", New: 3, Failed: map[string]int{"dns": 1}}}, nil
}

func get(t *testing.T, srv *httptest.Server, path string, v any) int {
	t.Helper()
	res, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, body)
		}
	}
	return res.StatusCode
}

type claimsBody struct {
	Total  uint64                        `json:"total"`
	Hits   []lumen.ClaimHit              `json:"hits"`
	Facets map[string][]lumen.FacetCount `json:"facets"`
}

type errBody struct {
	Code, Message, Field string
}

func TestClaims(t *testing.T) {
	srv, _ := fixture(t)
	tests := []struct {
		query string
		total int
	}{
		{"", 3},
		{"q=probiotics", 2},
		{"q=" + url.QueryEscape(`"leaky gut"`), 1},
		{"concept=condition/acne", 2},
		{"concept=condition/acne,intervention/probiotics", 2},
		{"concept=condition/acne&concept=condition/psoriasis", 0},
		{"negated=true", 1},
		{"negated=false&hedged=false", 1},
		{"evidence=web-article", 1},
		{"relation=increases", 1},
		{"published_from=2025-01-01", 1},
		{"published_to=2024-01-10", 2},
		// Beyond the dates the index holds (1678-2262): clamped, not a 400
		// naming q (qa2).
		{"published_to=9999-12-31", 3},
		{"published_from=0001-01-01&published_to=2024-12-31", 2},
		{"published_from=1500-01-01", 3},
		{"q=" + url.QueryEscape("published:>=1000 published:<=9999"), 3},
		{"q=probiotics&size=1", 2},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var b claimsBody
			if code := get(t, srv, "/api/v1/claims?"+tt.query, &b); code != 200 {
				t.Fatalf("GET claims?%s = %d", tt.query, code)
			}
			if int(b.Total) != tt.total {
				t.Errorf("GET claims?%s total = %d, want %d", tt.query, b.Total, tt.total)
			}
		})
	}
	var b claimsBody
	get(t, srv, "/api/v1/claims?q=lesions", &b)
	if len(b.Hits) != 1 {
		t.Fatalf("hits = %+v", b.Hits)
	}
	h := b.Hits[0]
	if h.Highlight != "Probiotics reduced acne <mark>lesions</mark>." || h.Article.Title != "A probiotic trial" ||
		h.Article.URL != "https://example.org/trial" || h.Article.Published.Year() != 2024 || h.Relation != lumen.RelationDecreases {
		t.Errorf("hit = %+v", h)
	}
	get(t, srv, "/api/v1/claims?q=severity&facets=concepts", &b)
	if !strings.Contains(b.Hits[0].Highlight, "&lt;script&gt;") {
		t.Errorf("highlight not escaped: %q", b.Hits[0].Highlight)
	}
	if len(b.Facets["concepts"]) == 0 {
		t.Errorf("no concept facets")
	}
}

func TestClaimsInvalid(t *testing.T) {
	srv, _ := fixture(t)
	tests := []struct{ query, field string }{
		{"q=" + url.QueryEscape(`"unterminated`), "q"},
		{"q=" + url.QueryEscape("text:"), "q"},
		{"concept=condition/unknown", "concept"},
		{"negated=maybe", "negated"},
		{"size=1000", "size"},
		{"size=abc", "size"},
		{"size=0", "size"},
		{"from=-5", "from"},
		{"sort=title", "sort"},
		{"relation=causes", "relation"},
		{"evidence=blog", "evidence"},
		{"published_from=yesterday", "published_from"},
		{"published_from=2025-01-01&published_to=2024-01-01", "published_to"},
	}
	for _, tt := range tests {
		var e errBody
		if code := get(t, srv, "/api/v1/claims?"+tt.query, &e); code != 400 {
			t.Errorf("GET claims?%s = %d, want 400", tt.query, code)
		}
		if e.Code != "invalid" || e.Field != tt.field || e.Message == "" {
			t.Errorf("GET claims?%s error = %+v, want code invalid, field %s", tt.query, e, tt.field)
		}
	}
}

func TestArticle(t *testing.T) {
	srv, id := fixture(t)
	var d lumen.ArticleDetail
	if code := get(t, srv, "/api/v1/articles/"+id, &d); code != 200 {
		t.Fatalf("GET article = %d", code)
	}
	if d.Title != "A probiotic trial" || len(d.Claims) != 2 || d.Claims[0].Start > d.Claims[1].Start || d.Evidence != lumen.EvidenceRCT {
		t.Errorf("article = %+v", d)
	}
	for _, bad := range []string{lumen.NewID("none"), "not-an-id", "..%2F..%2Fetc"} {
		var e errBody
		if code := get(t, srv, "/api/v1/articles/"+bad, &e); code != 404 || e.Code != "not_found" {
			t.Errorf("GET article %s = %d %+v, want 404 not_found", bad, code, e)
		}
	}
}

func TestHealthReadyMetrics(t *testing.T) {
	var failing error
	srv, _ := fixture(t, httpapi.Check{Name: "nats", Check: func(context.Context) error { return failing }})
	if code := get(t, srv, "/healthz", nil); code != 200 {
		t.Errorf("healthz = %d", code)
	}
	var r struct {
		Status string
		Checks map[string]string
	}
	if code := get(t, srv, "/readyz", &r); code != 200 || r.Checks["nats"] != "ok" {
		t.Errorf("readyz = %d %+v", code, r)
	}
	failing = errors.New("nats: disconnected")
	if code := get(t, srv, "/readyz", &r); code != 503 || r.Checks["nats"] != "nats: disconnected" {
		t.Errorf("readyz with NATS down = %d %+v", code, r)
	}
	get(t, srv, "/api/v1/claims?q=acne", nil)
	req, _ := http.NewRequest(http.MethodDelete, srv.URL+"/api/v1/claims", nil)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != 405 {
		t.Errorf("DELETE /api/v1/claims = %v %v, want 405", res, err)
	} else {
		res.Body.Close()
	}
	res, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, m := range []string{"lumen_articles_tagged_total", "lumen_claims_indexed_total",
		`lumen_errors_total{reason="none",stage="fetch"}`, `lumen_http_requests_total{code="200",route="claims"}`,
		`lumen_http_requests_total{code="405",route="unknown"}`} {
		if !strings.Contains(string(body), m) && !strings.Contains(string(body), "# HELP "+m) {
			t.Errorf("metrics lack %s", m)
		}
	}
}

func TestCrawlsAndConcepts(t *testing.T) {
	srv, _ := fixture(t)
	var c struct{ Crawls []lumen.CrawlRun }
	if code := get(t, srv, "/api/v1/crawls", &c); code != 200 || len(c.Crawls) != 1 || c.Crawls[0].Failed["dns"] != 1 {
		t.Errorf("crawls = %d %+v", code, c)
	}
	if code := get(t, srv, "/api/v1/crawls?limit=0", nil); code != 400 {
		t.Errorf("crawls?limit=0 = %d, want 400", code)
	}
	// A value is read as checked, without the spaces around it.
	for _, q := range []string{"source=%20", "source=%20pubmed", "source=pubmed%20"} {
		if code := get(t, srv, "/api/v1/crawls?"+q, nil); code != 200 {
			t.Errorf("crawls?%s = %d, want 200", q, code)
		}
	}
	var tax lumen.Taxonomy
	if code := get(t, srv, "/api/v1/concepts", &tax); code != 200 || len(tax.Concepts) != 4 || tax.Version != "test-1" {
		t.Errorf("concepts = %d %+v", code, tax)
	}
	var e errBody
	if code := get(t, srv, "/api/v1/nope", &e); code != 404 || e.Code != "not_found" {
		t.Errorf("unknown route = %d %+v", code, e)
	}
}

// panicky is a Searcher that panics: the server answers 500 and keeps serving.
type panicky struct{}

func (panicky) SearchClaims(context.Context, lumen.ClaimQuery) (lumen.ClaimResults, error) {
	panic("boom")
}
func (panicky) Article(context.Context, string) (lumen.ArticleDetail, error) {
	return lumen.ArticleDetail{}, errors.New("disk on fire")
}

func TestInternalErrors(t *testing.T) {
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: panicky{}}))
	defer srv.Close()
	var e errBody
	if code := get(t, srv, "/api/v1/claims", &e); code != 500 || e.Code != "internal" {
		t.Errorf("panicking search = %d %+v", code, e)
	}
	if code := get(t, srv, "/api/v1/articles/"+lumen.NewID("x"), &e); code != 500 || e.Code != "internal" || strings.Contains(e.Message, "disk") {
		t.Errorf("failing article = %d %+v, want a 500 that does not leak the cause", code, e)
	}
	if code := get(t, srv, "/healthz", nil); code != 200 {
		t.Errorf("server stopped serving after a panic: %d", code)
	}
}

func TestSearchPage(t *testing.T) {
	srv, id := fixture(t)
	for _, path := range []string{"/", "/?q=severity", "/?concept=condition/acne&negated=true", "/articles/" + id} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s = %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if strings.Contains(string(body), "<script>alert") {
			t.Errorf("GET %s: claim text not escaped", path)
		}
	}
	res, _ := http.Get(srv.URL + "/?q=" + url.QueryEscape(`"oops`))
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 400 || !strings.Contains(string(body), "unterminated") {
		t.Errorf("bad query on the search page = %d", res.StatusCode)
	}
}

// The pages' static files are served; a file that is not there is the API's
// 404, like every other error.
func TestStaticFiles(t *testing.T) {
	srv, _ := fixture(t)
	res, err := http.Get(srv.URL + "/static/review.js")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("review.js = %d", res.StatusCode)
	}
	for _, p := range []string{"/static/nope.css", "/static/", "/static/..%2f..%2fetc%2fpasswd"} {
		var e errBody
		if code := get(t, srv, p, &e); code != 404 || e.Code != "not_found" {
			t.Errorf("%s = %d %+v, want the JSON 404", p, code, e)
		}
	}
}

// TestNoIndexServesHealthOnly: a process that serves no index (lumen crawl,
// lumen work with --addr) answers its health, metrics and taxonomy routes,
// and 404 (naming lumen serve) for searches and pages, which it will never
// serve, instead of a 503 that says "try again".
func TestNoIndexServesHealthOnly(t *testing.T) {
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Taxonomy: taxonomy, Metrics: metrics.New()}))
	t.Cleanup(srv.Close)
	get := func(path, accept string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/api/v1/concepts", "/api/v1/openapi.json"} {
		if code, body := get(p, ""); code != http.StatusOK {
			t.Errorf("GET %s = %d %s, want 200", p, code, body)
		}
	}
	for _, p := range []string{"/api/v1/claims?q=acne", "/api/v1/map", "/api/v1/articles/x", "/api/v1/claims/x", "/api/v1/review/queue"} {
		code, body := get(p, "")
		if code != http.StatusNotFound || !strings.Contains(body, "lumen serve") {
			t.Errorf("GET %s = %d %s, want 404 naming lumen serve", p, code, body)
		}
	}
	if code, _ := get("/", "text/html"); code != http.StatusNotFound {
		t.Errorf("GET / (a browser) = %d, want 404", code)
	}
	_, doc := get("/api/v1/openapi.json", "")
	if strings.Contains(doc, `"/api/v1/claims"`) || !strings.Contains(doc, `"/healthz"`) {
		t.Errorf("the OpenAPI document should list only the routes served:\n%.400s", doc)
	}
}
