package main

import (
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lumen-research/lumen/internal/corpus"
	"github.com/lumen-research/lumen/internal/tagger"
)

// corpusSite serves n articles made of real sentences (internal/corpus)
// with an index page linking them all.
func corpusSite(tb testing.TB, n int) *httptest.Server {
	tb.Helper()
	h, err := corpusHandler(n)
	if err != nil {
		tb.Fatal(err)
	}
	site := httptest.NewServer(h)
	tb.Cleanup(site.Close)
	return site
}

func corpusHandler(n int) (http.Handler, error) {
	tax, err := loadTaxonomy("")
	if err != nil {
		return nil, err
	}
	tg, err := tagger.New(tax)
	if err != nil {
		return nil, err
	}
	c := corpus.New(func(s string) bool { return len(tg.Tag(tagger.Document{Text: s}).Claims) > 0 })
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			var b strings.Builder
			b.WriteString("<html><head><title>Articles</title></head><body><h1>Articles</h1><ul>")
			for i := range n {
				fmt.Fprintf(&b, `<li><a href="/a/%d">Article %d</a></li>`, i, i)
			}
			b.WriteString("</ul></body></html>")
			fmt.Fprint(w, b.String())
			return
		}
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/a/%d", &i); err != nil || i < 0 || i >= n {
			http.NotFound(w, r)
			return
		}
		a := c.Article(i)
		fmt.Fprintf(w, `<html><head><title>%[1]s</title><meta name="citation_publication_date" content="%[2]s"></head>
<body><article><h1>%[1]s</h1><p>%[3]s</p></article></body></html>`, html.EscapeString(a.Title), a.Published.Format("2006/01/02"), html.EscapeString(a.Text))
	}), nil
}

// fixtureArticles is the size of the data directory the damage tests copy:
// the articles (the index page linking them is a hub, not an article).
const fixtureArticles = 40

var fixture struct {
	once sync.Once
	site *httptest.Server // kept for the whole test binary: a crawl again finds the same site
	dir  string
	out  string
	err  error
}

// realData returns a copy of a real data directory: a crawl of a local
// site of fixtureArticles articles through the whole pipeline (embedded
// NATS with its streams, buckets and consumers, the bleve index), made once
// per test binary.
func realData(t *testing.T) string {
	t.Helper()
	buildFixture(t)
	dst := filepath.Join(t.TempDir(), "data")
	if err := copyDir(filepath.Join(fixture.dir, "data"), dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// buildFixture makes the fixture data directory once per test binary.
func buildFixture(t *testing.T) {
	t.Helper()
	fixture.once.Do(func() {
		var h http.Handler
		if h, fixture.err = corpusHandler(fixtureArticles); fixture.err != nil {
			return
		}
		fixture.site = httptest.NewServer(h)
		site := fixture.site
		fixture.dir, fixture.err = os.MkdirTemp("", "lumen-fixture-")
		if fixture.err != nil {
			return
		}
		cfg := filepath.Join(fixture.dir, "lumen.yaml")
		if fixture.err = os.WriteFile(cfg, []byte("crawler:\n  host_delay: 1ms\n  host_concurrency: 4\n"), 0o644); fixture.err != nil {
			return
		}
		var stderr string
		fixture.out, stderr, fixture.err = lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--config", cfg,
			"--data", filepath.Join(fixture.dir, "data"), "--log-level", "warn")
		if fixture.err != nil {
			fixture.err = fmt.Errorf("%w\n%s", fixture.err, stderr)
		}
	})
	if fixture.err != nil {
		t.Fatalf("fixture data directory: %v", fixture.err)
	}
}

func removeFixtures() {
	if fixture.site != nil {
		fixture.site.Close()
	}
	if fixture.dir != "" {
		os.RemoveAll(fixture.dir)
	}
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if d.Name() == "lumen.lock" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
