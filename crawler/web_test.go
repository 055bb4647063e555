package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

func TestWebCrawl(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	s.html("/", `<html><body><h1>Index</h1><a href="/a">A</a> <a href="/b?utm_source=x#top">B</a>
		<a href="/private/x">P</a> <a href="http://other.invalid/">elsewhere</a> <a href="/c.pdf">pdf</a>
		<a href="mailto:x@example.org">mail</a> <a href="javascript:alert(1)">js</a></body></html>`)
	s.html("/a", articleHTML("Article A", lorem("A"), "/deep/1"))
	s.html("/b", articleHTML("Article B", lorem("B"), "/a"))
	s.html("/deep/1", articleHTML("Deep 1", lorem("Deep 1"), "/deep/2"))
	s.html("/deep/2", articleHTML("Deep 2", lorem("Deep 2")))
	s.html("/private/x", articleHTML("Private", lorem("P")))

	run := h.run(webSource("site", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(2) }))

	arts := h.articles()
	for p, title := range map[string]string{"/a": "Article A", "/b": "Article B", "/deep/1": "Deep 1"} {
		a, ok := arts[s.URL+p]
		if !ok {
			t.Errorf("no article for %s; have %v", p, sortedKeys(arts))
			continue
		}
		if a.Title != title || len(strings.Fields(a.Text)) < 40 || a.Source != "site" || !lumen.ValidID(a.ID) || a.ContentHash == "" {
			t.Errorf("article %s = %+v", p, a)
		}
		if strings.Contains(a.Text, "Footer text") {
			t.Errorf("article %s text kept the footer: %q", p, a.Text)
		}
	}
	if len(arts) != 3 {
		t.Errorf("published %d articles (%v), want 3", len(arts), sortedKeys(arts))
	}
	for _, p := range []string{"/private/x", "/deep/2", "/c.pdf"} {
		if n := s.hits(p); n != 0 {
			t.Errorf("%s fetched %d times, want 0", p, n)
		}
	}
	if run.New != 3 || run.Skipped["robots"] != 1 || run.Skipped["hub"] != 1 {
		t.Errorf("run = %+v, want 3 new, 1 robots, 1 hub", run)
	}
	if s.hits("/a") != 1 {
		t.Errorf("/a fetched %d times, want once (linked twice)", s.hits("/a"))
	}
	r := s.requestsTo("/a")[0]
	if r.Header.Get("User-Agent") != h.o.UserAgent || r.Header.Get("From") != "test@example.org" {
		t.Errorf("request headers = %v", r.Header)
	}
	if run.Finished.IsZero() || run.ID == "" {
		t.Errorf("run record incomplete: %+v", run)
	}
	runs, err := h.c.Runs(t.Context(), "site", 10)
	if err != nil || len(runs) != 1 || runs[0].ID != run.ID {
		t.Errorf("Runs = %+v, %v", runs, err)
	}
}

// A second crawl of an unchanged site fetches with conditional requests and
// publishes nothing; a changed page is published again.
func TestIncrementalRecrawl(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	var bText atomic.Value
	bText.Store(lorem("B version 1"))
	lastMod := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).Format(http.TimeFormat)
	s.html("/", articleHTML("Index", "<p>Short.</p>", "/a", "/b", "/c"))
	s.handle("/a", func(w http.ResponseWriter, r *http.Request) { // ETag validator
		if r.Header.Get("If-None-Match") == `"a1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"a1"`)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("A", lorem("A")))
	})
	s.handle("/b", func(w http.ResponseWriter, r *http.Request) { // Last-Modified validator
		if r.Header.Get("If-Modified-Since") == lastMod && bText.Load().(string) == lorem("B version 1") {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("B", bText.Load().(string)))
	})
	s.html("/c", articleHTML("C", lorem("C"))) // no validators at all
	src := webSource("inc", s, nil)

	first := h.run(src)
	if first.New != 3 {
		t.Fatalf("first run = %+v, want 3 new", first)
	}
	before := h.articles()

	second := h.run(src)
	if second.New != 0 || second.Changed != 0 {
		t.Errorf("second run = %+v, want nothing new or changed", second)
	}
	if second.Unchanged < 3 {
		t.Errorf("second run unchanged = %d, want >= 3", second.Unchanged)
	}
	if got := s.requestsTo("/a"); len(got) != 2 || got[1].Header.Get("If-None-Match") != `"a1"` {
		t.Errorf("second request to /a was not conditional: %v", got[len(got)-1].Header)
	}
	if got := s.requestsTo("/b"); got[len(got)-1].Header.Get("If-Modified-Since") != lastMod {
		t.Errorf("second request to /b was not conditional: %v", got[len(got)-1].Header)
	}
	after := h.articles()
	for u, a := range before {
		if after[u].FetchedAt != a.FetchedAt {
			t.Errorf("%s was published again though unchanged", u)
		}
	}

	bText.Store(lorem("B version 2"))
	third := h.run(src)
	if third.Changed != 1 || third.New != 0 {
		t.Errorf("third run = %+v, want 1 changed", third)
	}
	if a := h.articles()[s.URL+"/b"]; !strings.Contains(a.Text, "B version 2") || a.ID != before[s.URL+"/b"].ID {
		t.Errorf("changed article = %q (id %s), want version 2 under the same id", a.Text[:40], a.ID)
	}
}

// Recrawl skips URLs fetched recently, but still follows their links.
func TestRecrawlInterval(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	s.html("/", articleHTML("Index", "<p>Short.</p>", "/a"))
	s.html("/a", articleHTML("A", lorem("A")))
	src := webSource("fresh", s, func(src *lumen.Source) { src.Recrawl = time.Hour })
	h.run(src)
	run := h.run(src)
	if s.hits("/") != 1 || s.hits("/a") != 1 {
		t.Errorf("hits / = %d, /a = %d; want 1 each (fresh)", s.hits("/"), s.hits("/a"))
	}
	if run.Unchanged != 2 {
		t.Errorf("second run = %+v, want 2 unchanged", run)
	}
}

// One article under two URLs is stored once, with both URLs; rel=canonical
// and tracking parameters lead to one canonical URL.
func TestDuplicatesAndCanonical(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	body := lorem("Syndicated")
	s.html("/", articleHTML("Index", "<p>Short.</p>", "/story", "/mirror/story", "/x?utm_source=news&b=2&a=1"))
	s.html("/story", articleHTML("Story", body))
	s.html("/mirror/story", articleHTML("Story (mirror)", body))
	s.html("/x", `<html><head><link rel="canonical" href="/canonical-x"><title>X</title></head><body><article>`+lorem("X")+`</article></body></html>`)
	run := h.run(webSource("dups", s, nil))

	arts := h.articles()
	var story *lumen.Article
	for _, a := range arts {
		if strings.Contains(a.Text, "Syndicated") {
			if story != nil {
				t.Fatalf("the syndicated story was stored twice: %s and %s", story.URL, a.URL)
			}
			story = &a
		}
	}
	if story == nil {
		t.Fatal("story not published")
	}
	if len(story.URLs) != 2 {
		t.Errorf("story URLs = %v, want both URLs", story.URLs)
	}
	if run.Skipped["duplicate"] != 1 {
		t.Errorf("run = %+v, want 1 duplicate", run)
	}
	if _, ok := arts[s.URL+"/canonical-x"]; !ok {
		t.Errorf("no article under the canonical URL; have %v", sortedKeys(arts))
	}
	if r := s.requestsTo("/x"); len(r) != 1 || r[0].URL.RawQuery != "a=1&b=2" {
		t.Errorf("request to /x = %v, want tracking parameter dropped and query sorted", r)
	}
}

// Exact copies are stored once whatever their length (qa4 BUG 4): two
// URLs serving the same short page, and a crawler trap answering one short
// page under ten query strings, are one article each. Short pages that
// only look alike (the same text under another title) stay apart, as the
// near-duplicate match is for long texts only.
func TestShortExactDuplicates(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	brief := "<p>Probiotics reduced acne lesions in a small trial of forty adults.</p>"
	links := []string{"/dup1", "/dup2", "/other"}
	for i := range 10 {
		links = append(links, fmt.Sprintf("/trap?x=%d", i))
	}
	s.html("/", articleHTML("Index", "<p>Short.</p>", links...))
	s.html("/dup1", articleHTML("Brief", brief))
	s.html("/dup2", articleHTML("Brief", brief))
	s.html("/other", articleHTML("Another brief", brief))
	s.html("/trap", articleHTML("Trap", "<p>Dysbiosis may worsen eczema in children, a cohort of two hundred suggests.</p>"))
	run := h.run(webSource("shortdups", s, nil))

	byText := map[string][]lumen.Article{}
	for _, a := range h.articles() {
		switch {
		case strings.Contains(a.Text, "forty adults"):
			byText[a.Title] = append(byText[a.Title], a)
		case strings.Contains(a.Text, "worsen eczema"):
			byText["trap"] = append(byText["trap"], a)
		}
	}
	for name, want := range map[string]int{"Brief": 2, "trap": 10, "Another brief": 1} {
		arts := byText[name]
		if len(arts) != 1 {
			t.Errorf("%s stored as %d articles, want 1", name, len(arts))
			continue
		}
		if got := len(arts[0].URLs); got != want {
			t.Errorf("%s URLs = %v, want %d", name, arts[0].URLs, want)
		}
	}
	if run.Skipped["duplicate"] != 1+9 {
		t.Errorf("run = %+v, want 10 duplicates", run)
	}
}

func TestMaxPages(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	var links []string
	for i := range 20 {
		p := fmt.Sprintf("/p%d", i)
		links = append(links, p)
		s.html(p, articleHTML("P", lorem(p)))
	}
	s.html("/", articleHTML("Index", "<p>Short.</p>", links...))
	run := h.run(webSource("budget", s, func(src *lumen.Source) { src.MaxPages = 5 }))
	fetched := 0
	for i := range 20 {
		fetched += s.hits(fmt.Sprintf("/p%d", i))
	}
	if fetched > 4 { // the index page is one of the five
		t.Errorf("fetched %d pages, want at most 4 besides the index", fetched)
	}
	if run.New != fetched {
		t.Errorf("run = %+v", run)
	}
}

// Run refuses a malformed source and a second concurrent run of one source.
func TestRunRefusesBadSource(t *testing.T) {
	h := newHarness(t, nil)
	for _, src := range []lumen.Source{
		{Name: "x", Kind: lumen.SourceWeb, URLs: []string{"ftp://example.org/"}},
		{Name: "x", Kind: "gopher", URLs: []string{"http://example.org/"}},
		{Name: "bad name!", Kind: lumen.SourceWeb, URLs: []string{"http://example.org/"}},
	} {
		if _, err := h.c.Run(t.Context(), src); err == nil {
			t.Errorf("Run(%+v) succeeded, want an error", src)
		}
	}
}

// A caller may name the run (an operator's request): the id is kept, an
// id already recorded is refused, and an interrupted run must be resumed
// under its own id first.
func TestRunID(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	s.html("/", articleHTML("Index", "<p>Short.</p>", "/a"))
	s.html("/a", articleHTML("A", lorem("A")))
	src := webSource("named", s, nil)
	run, err := h.c.Run(t.Context(), src, WithRunID("op-2026-12-05_1"))
	if err != nil || run.ID != "op-2026-12-05_1" {
		t.Fatalf("Run with an id = %+v, %v", run, err)
	}
	if _, err := h.c.Run(t.Context(), src, WithRunID("op-2026-12-05_1")); !errors.Is(err, lumen.ErrConflict) {
		t.Errorf("Run with a recorded id: %v, want a conflict", err)
	}
	if _, err := h.c.Run(t.Context(), src, WithRunID("bad id!")); !errors.Is(err, lumen.ErrInvalid) {
		t.Errorf("Run with a malformed id: %v, want invalid", err)
	}
	runs, _ := h.c.Runs(t.Context(), "named", 10)
	if len(runs) != 1 || runs[0].ID != "op-2026-12-05_1" {
		t.Errorf("Runs = %+v", runs)
	}
	// An interrupted run resumes first, under its own id.
	ctx, cancel := context.WithCancel(context.Background())
	s.handle("/a", func(w http.ResponseWriter, r *http.Request) { cancel() })
	if _, err := h.c.Run(ctx, src, WithRunID("second")); err == nil {
		t.Fatal("the interrupted run did not fail")
	}
	s.html("/a", articleHTML("A", lorem("A")))
	if _, err := h.c.Run(t.Context(), src, WithRunID("third")); !errors.Is(err, lumen.ErrConflict) {
		t.Errorf("a new id while a run is interrupted: %v, want a conflict", err)
	}
	if run, err := h.c.Run(t.Context(), src, WithRunID("second")); err != nil || run.ID != "second" || run.Finished.IsZero() {
		t.Errorf("resuming under its id = %+v, %v", run, err)
	}
}

// A run interrupted after it was recorded but before its seeds were queued
// (a stop at once: qa4's crawl --once on a low disk under -race) resumes
// with its seeds, rather than finishing at once having fetched nothing.
func TestResumeOfARunStoppedBeforeItsSeeds(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	s.html("/", articleHTML("Home", lorem("Home")))
	src := webSource("early", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(0) })
	// What startRun had written when the stop came: the active run, and no
	// frontier item.
	rec := lumen.CrawlRun{ID: "20260101T000000000Z", Source: src.Name, Started: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	b, err := json.Marshal(activeRun{Run: rec})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.d.Runs.Put(context.Background(), activeKey(src.Name), b); err != nil {
		t.Fatal(err)
	}
	run := h.run(src)
	if run.ID != rec.ID || run.Fetched != 1 || run.New != 1 || s.hits("/") != 1 {
		t.Errorf("resumed run = %+v, %d requests; want run %s to fetch its seed", run, s.hits("/"), rec.ID)
	}
}
