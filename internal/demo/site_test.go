package demo

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestSite(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	get := func(path string) (int, string) {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("/robots.txt"); code != 200 || !strings.Contains(body, "Disallow: /private/") || !strings.Contains(body, "Sitemap: "+srv.URL) {
		t.Errorf("robots.txt = %d %q", code, body)
	}
	code, body := get("/sitemap.xml")
	if code != 200 || strings.Count(body, "<loc>") != 3 {
		t.Errorf("sitemap = %d %q", code, body)
	}
	code, body = get("/")
	if code != 200 || strings.Count(body, "/articles/") != 3 {
		t.Errorf("index = %d", code)
	}
	for _, p := range Pages() {
		code, body := get("/articles/" + p.Slug + ".html")
		if code != 200 || !strings.Contains(body, "<h1>") || !strings.Contains(body, "probiotic") && !strings.Contains(body, "Probiotic") {
			t.Errorf("article %s = %d", p.Slug, code)
		}
		if strings.Contains(body, "**") {
			t.Errorf("article %s kept markdown markers", p.Slug)
		}
	}
	if code, _ := get("/articles/nope.html"); code != 404 {
		t.Errorf("unknown article = %d", code)
	}
}
