package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/vocab"
)

// FuzzQueryParams sends any query string to the routes that read claim
// filters, over a real index: whatever the input, the answer is a 200 or
// a 4xx in the error shape, never a 500 (the parameter reader, the query
// parser and the index all refuse bad input cleanly).
func FuzzQueryParams(f *testing.F) {
	for _, s := range []string{
		"q=probiotics", "q=title:gut", "q=%22leaky+gut", "q=atopic+dermatitis&concept=condition/skin-health",
		"concept=condition/acne|mechanism&concept=intervention", "q=a*&size=0", "q=/[/", "q=published:>=2020",
		"q=confidence:<0.5&sort=-published", "cursor=eyJ2IjoxfQ", "from=10000&size=100", "facets=year,concepts",
		"q=%E2%80%9Cx&evidence=rct,cohort", "q=AD+%2Bacne+-mice~2^3", "q=+", "q=\\", "q=text:>5", "status=accepted&flagged=true",
		"published_from=2024-01-01&published_to=2023-01-01", "q=x&q=y", "concepts=x", "%zz", "q=*", "q=ab*~",
	} {
		f.Add(s)
	}
	ix, err := indexer.Open(filepath.Join(f.TempDir(), "index"))
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	ix.SetVocabulary(vocab.New(richTaxonomy))
	ev := taggedArticle("https://example.org/f", "Fuzz", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), lumen.EvidenceRCT, "10.1/f", "Atopic dermatitis (AD).",
		sentence{"Probiotics reduced AD.", []string{"condition/atopic-dermatitis", "intervention/probiotics"}, lumen.RelationDecreases, ""})
	if _, err := ix.Apply(context.Background(), []lumen.ArticleTagged{ev}); err != nil {
		f.Fatal(err)
	}
	h := httpapi.NewServer(httpapi.Deps{Searcher: ix, Taxonomy: richTaxonomy})
	f.Fuzz(func(t *testing.T, raw string) {
		if strings.ContainsAny(raw, "# \r\n\t") {
			return // not a query string a client can send as is
		}
		for _, path := range []string{"/api/v1/claims?", "/api/v1/map?rows=condition&cols=mechanism&", "/api/v1/claims/export?", "/?"} {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.RawQuery = strings.TrimPrefix(path[strings.IndexByte(path, '?')+1:]+raw, "&")
			req.URL.Path = path[:strings.IndexByte(path, '?')]
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("GET %s?%s = %d %s", req.URL.Path, req.URL.RawQuery, rec.Code, rec.Body)
			}
			if rec.Code >= 400 && req.URL.Path != "/" {
				var e struct{ Code, Message string }
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Code == "" || e.Message == "" {
					t.Fatalf("GET %s?%s = %d with body %q, want the error shape", req.URL.Path, req.URL.RawQuery, rec.Code, rec.Body)
				}
			}
		}
	})
}
