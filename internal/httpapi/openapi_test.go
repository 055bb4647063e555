package httpapi

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/metrics"
)

// stub answers every query with nothing, for tests of the routes themselves.
type stub struct{}

func (stub) SearchClaims(context.Context, lumen.ClaimQuery) (lumen.ClaimResults, error) {
	return lumen.ClaimResults{}, nil
}
func (stub) Article(context.Context, string) (lumen.ArticleDetail, error) {
	return lumen.ArticleDetail{Claims: []lumen.Claim{}}, nil
}
func (stub) EvidenceMap(context.Context, lumen.MapQuery) (lumen.EvidenceMap, error) {
	return lumen.EvidenceMap{}, nil
}
func (stub) ExportClaims(context.Context, lumen.ClaimQuery, func(lumen.ClaimRecord) error) error {
	return nil
}
func (stub) ExportArticles(context.Context, lumen.ClaimQuery, func(lumen.ArticleMeta) error) error {
	return nil
}
func (stub) Runs(context.Context, string, int) ([]lumen.CrawlRun, error) { return nil, nil }

// Authenticate takes the token "admin" for an admin.
func (stub) Authenticate(_ context.Context, token string) (lumen.Principal, error) {
	if token == "admin" {
		return lumen.Principal{Name: "root", Role: lumen.RoleAdmin}, nil
	}
	return lumen.Principal{}, lumen.ErrUnauthorized
}

func stubServer(t *testing.T) (*server, *httptest.Server) {
	t.Helper()
	s, h := newServer(Deps{Searcher: stub{}, Runs: stub{}, Auth: stub{}, Metrics: metrics.New()})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return s, srv
}

func openapiDoc(t *testing.T, srv *httptest.Server) map[string]any {
	t.Helper()
	res, err := http.Get(srv.URL + "/api/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var doc map[string]any
	if err := json.NewDecoder(res.Body).Decode(&doc); err != nil || res.StatusCode != 200 {
		t.Fatalf("GET openapi.json = %d, %v", res.StatusCode, err)
	}
	return doc
}

// TestOpenAPIDescribesEveryRoute fails when a route or a parameter is
// missing from openapi.json, or the document names one the server lacks.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	s, srv := stubServer(t)
	doc := openapiDoc(t, srv)
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi = %v, want 3.1.0", doc["openapi"])
	}
	paths := doc["paths"].(map[string]any)
	ops := 0
	for _, ep := range s.eps {
		item, ok := paths[openapiPath(ep.Path)].(map[string]any)
		if !ok {
			t.Errorf("route %s is not in openapi.json", ep.pattern())
			continue
		}
		op, ok := item[strings.ToLower(ep.Method)].(map[string]any)
		if !ok {
			t.Errorf("route %s: method missing from openapi.json", ep.pattern())
			continue
		}
		documented := map[string]string{}
		params, _ := op["parameters"].([]any)
		for _, p := range params {
			p := p.(map[string]any)
			documented[p["name"].(string)] = p["in"].(string)
			if p["schema"] == nil || p["description"] == nil && p["in"] == "query" {
				t.Errorf("%s: parameter %v has no schema or description", ep.pattern(), p["name"])
			}
		}
		for _, p := range ep.Params {
			if documented[p.Name] != "query" {
				t.Errorf("%s: parameter %s is not in openapi.json", ep.pattern(), p.Name)
			}
			delete(documented, p.Name)
		}
		for _, name := range pathParams(ep.Path) {
			if documented[name] != "path" {
				t.Errorf("%s: path parameter %s is not in openapi.json", ep.pattern(), name)
			}
			delete(documented, name)
		}
		for name := range documented {
			t.Errorf("%s: openapi.json documents parameter %s the route does not take", ep.pattern(), name)
		}
		resp, _ := op["responses"].(map[string]any)
		success := "200"
		if ep.Status != 0 {
			success = strconv.Itoa(ep.Status)
		}
		for _, st := range []string{success, "400", "500"} {
			if resp[st] == nil {
				t.Errorf("%s: no %s response documented", ep.pattern(), st)
			}
		}
	}
	for path, item := range paths {
		for method := range item.(map[string]any) {
			ops++
			found := false
			for _, ep := range s.eps {
				if openapiPath(ep.Path) == path && strings.ToLower(ep.Method) == method {
					found = true
				}
			}
			if !found {
				t.Errorf("openapi.json documents %s %s, which the server does not serve", method, path)
			}
		}
	}
	if ops != len(s.eps) {
		t.Errorf("openapi.json has %d operations, the server %d routes", ops, len(s.eps))
	}
	// Every reference resolves.
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				if !resolves(doc, ref) {
					t.Errorf("$ref %s does not resolve", ref)
				}
			}
			for _, e := range v {
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(doc)
}

func resolves(doc map[string]any, ref string) bool {
	if !strings.HasPrefix(ref, "#/") {
		return false
	}
	var cur any = doc
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[part]; !ok {
			return false
		}
	}
	return cur != nil
}

// example returns a valid value for p.
func example(p param) string {
	switch {
	case len(p.Enum) > 0:
		return p.Enum[0]
	case p.Type == "integer":
		if p.Default != "" {
			return p.Default
		}
		return "1"
	case p.Type == "boolean":
		return "true"
	case p.Type == "date":
		return "2024-01-01"
	case p.Name == "article":
		return lumen.NewID("x")
	case p.Name == "concept", p.Name == "collapse":
		return "condition/acne"
	case p.Name == "cursor":
		return ""
	}
	return "acne"
}

func routeURL(ep *endpoint) string {
	p := strings.ReplaceAll(ep.Path, "{$}", "")
	return strings.ReplaceAll(p, "{id}", lumen.NewID("x"))
}

// TestRoutesTakeWhatTheyDeclare sends every route every parameter it
// declares (none may be refused as unknown) and one it does not (which
// must be refused, naming it): the handlers read their parameters through
// the strict reader, so openapi.json is complete.
func TestRoutesTakeWhatTheyDeclare(t *testing.T) {
	s, srv := stubServer(t)
	for _, ep := range s.eps {
		if ep.Method != http.MethodGet {
			continue
		}
		required := url.Values{}
		for _, p := range ep.Params {
			if p.Required {
				required.Set(p.Name, example(p))
			}
		}
		if ep == epMap || ep == epMapPage {
			required.Set("cols", lumen.KindMechanism)
		}
		for _, p := range ep.Params {
			v := url.Values{}
			for k, vs := range required {
				v[k] = vs
			}
			if !p.Required {
				v.Set(p.Name, example(p))
			}
			res, body := fetch(t, srv.URL+routeURL(ep)+"?"+v.Encode())
			// 503: the stub lacks what the route serves from (curation).
			if res.StatusCode == 400 && strings.Contains(body, "unknown parameter") || res.StatusCode == 500 {
				t.Errorf("%s?%s = %d %s", ep.pattern(), v.Encode(), res.StatusCode, body)
			}
		}
		v := url.Values{}
		for k, vs := range required {
			v[k] = vs
		}
		v.Set("not_a_parameter", "1")
		res, body := fetch(t, srv.URL+routeURL(ep)+"?"+v.Encode())
		if res.StatusCode != 400 || !strings.Contains(body, "not_a_parameter") {
			t.Errorf("%s with an unknown parameter = %d %s, want a 400 naming it", ep.pattern(), res.StatusCode, body)
		}
		var e errorBody
		if json.Unmarshal([]byte(body), &e) != nil || e.Field != "not_a_parameter" || e.Code != "invalid" {
			t.Errorf("%s: the 400 is not the JSON error shape: %s", ep.pattern(), body)
		}
		if ep.Page {
			// A browser gets the page, saying what is wrong.
			req, _ := http.NewRequest("GET", srv.URL+routeURL(ep)+"?"+v.Encode(), nil)
			req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			page, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 400 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(page), "not_a_parameter") {
				t.Errorf("%s for a browser = %d %s", ep.pattern(), res.StatusCode, res.Header.Get("Content-Type"))
			}
		}
	}
}

// fetch GETs u as an admin (so that the routes for curators and admins
// get past their guard to their parameters).
func fetch(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Authorization", "Bearer admin")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

// What a field's name cannot say is in its description (qa2: offsets read
// as character positions, supports as "supports one direction").
func TestOpenAPIFieldDescriptions(t *testing.T) {
	_, srv := stubServer(t)
	doc := openapiDoc(t, srv)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	describe := func(schema, field string) string {
		s, _ := schemas[schema].(map[string]any)
		props, _ := s["properties"].(map[string]any)
		f, _ := props[field].(map[string]any)
		d, _ := f["description"].(string)
		return d
	}
	for _, tt := range []struct{ schema, field, says string }{
		{"Claim", "start", "UTF-8 byte offset"},
		{"Mention", "end", "UTF-8 byte offset"},
		{"MapCell", "supports", "either direction"},
		{"MapCell", "contradicts", "no_effect"},
	} {
		if d := describe(tt.schema, tt.field); !strings.Contains(d, tt.says) {
			t.Errorf("%s.%s description = %q, want it to say %q", tt.schema, tt.field, d, tt.says)
		}
	}
}

// q's limit is the index's, and openapi.json states it.
func TestQueryLengthLimit(t *testing.T) {
	_, srv := stubServer(t)
	doc := openapiDoc(t, srv)
	op := doc["paths"].(map[string]any)["/api/v1/claims"].(map[string]any)["get"].(map[string]any)
	for _, p := range op["parameters"].([]any) {
		p := p.(map[string]any)
		if p["name"] != "q" {
			continue
		}
		if got := p["schema"].(map[string]any)["maxLength"]; got != float64(indexer.MaxQueryLength) {
			t.Errorf("q maxLength = %v, want indexer.MaxQueryLength %d", got, indexer.MaxQueryLength)
		}
		return
	}
	t.Error("no q parameter")
}
