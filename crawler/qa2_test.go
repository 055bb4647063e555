package crawler

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lumen-research/lumen"
)

// URLs longer than maxURLBytes (a link, a sitemap entry, a redirect's
// target) are not fetched, and are counted (QA2: a 100,000-character link
// was sent, and the server answered 414).
func TestLongURLs(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	long := "/p/" + strings.Repeat("a", 100_000)
	var longHits atomic.Int32
	s.handle("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<html><head><title>Home</title></head><body><h1>Home</h1><ul><li><a href="%s">Long</a></li><li><a href="/a">A</a></li><li><a href="/jump">Jump</a></li></ul></body></html>`, long)
	})
	s.handle(long, func(w http.ResponseWriter, r *http.Request) { longHits.Add(1) })
	s.handle("/jump", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", long)
		w.WriteHeader(http.StatusFound)
	})
	s.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%[1]s%[2]s</loc></url><url><loc>%[1]s/a</loc></url></urlset>`, s.URL, long)
	})
	s.html("/a", articleHTML("A", lorem("A")))
	run := h.run(webSource("long", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(1) }))
	if run.New != 1 || run.Skipped["url_too_long"] != 1 || run.Failed["url_too_long"] != 1 {
		t.Errorf("run = %+v, want /a new, the long link skipped and the redirect to it failed as url_too_long", run)
	}
	run = h.run(lumen.Source{Name: "sm", Kind: lumen.SourceSitemap, URLs: []string{s.URL + "/sitemap.xml"}, AllowPrivate: true})
	if run.Skipped["url_too_long"] != 1 {
		t.Errorf("sitemap run = %+v, want the long entry counted", run)
	}
	if n := longHits.Load(); n != 0 {
		t.Errorf("the long URL was requested %d times, want never", n)
	}
	if _, err := Canonicalize("http://example.org" + long); err == nil || len(err.Error()) > 300 {
		t.Errorf("Canonicalize(long) error = %.300v; want a short error", err)
	}
}

// A body whose gzip encoding is corrupt fails at once as bad_encoding: the
// same bytes come back if asked again (QA2: retried 3 times, reason error).
// A body cut short by the connection is still retried.
func TestCorruptEncoding(t *testing.T) {
	h := newHarness(t, nil) // 2 retries
	s := newSite(t)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(articleHTML("Zipped", lorem("Zipped"))))
	zw.Close()
	good := z.Bytes()
	badSum := bytes.Clone(good)
	badSum[len(badSum)-6] ^= 0xff // the CRC-32 in the trailer
	bodies := map[string][]byte{
		"/garbage": []byte("this is not gzip at all, but the header says it is"),
		"/badsum":  badSum,
		"/deflate": append(bytes.Clone(good[:10]), bytes.Repeat([]byte{0xff}, 64)...),
	}
	for p, b := range bodies {
		s.handle(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(b)
		})
	}
	src := lumen.Source{Name: "gzip", Kind: lumen.SourceWeb, AllowPrivate: true, MaxDepth: lumen.Depth(0)}
	for p := range bodies {
		src.URLs = append(src.URLs, s.URL+p)
	}
	run := h.run(src)
	if run.Failed["bad_encoding"] != 3 {
		t.Errorf("run = %+v, want 3 failed as bad_encoding", run)
	}
	for p := range bodies {
		if n := s.hits(p); n != 1 {
			t.Errorf("%s asked for %d times, want once (not retried)", p, n)
		}
	}
	if !strings.Contains(run.Error, "bad_encoding") {
		t.Errorf("run.Error = %q, want the seed's bad_encoding", run.Error)
	}
}

// robots.txt is read up to its first 512 KiB (RFC 9309 asks for at least
// 500 KiB) whatever its size: a larger one is not a failure, and certainly
// not the page's (QA2: a 10.8 MB robots.txt failed the seed as too_large).
func TestHugeRobots(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.MaxBodyBytes = 1 << 20 })
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		b.WriteString("User-agent: *\nDisallow: /private/\n")
		for b.Len() < 3<<20 {
			b.WriteString("# " + strings.Repeat("padding ", 12) + "\n")
		}
		b.WriteString("Disallow: /\n") // past the bound: not read
		w.Write(b.Bytes())
	})
	s.html("/", articleHTML("Home page article", lorem("Home"), "/private/x", "/b"))
	s.html("/b", articleHTML("B", lorem("B")))
	s.html("/private/x", articleHTML("Private", lorem("Private")))
	run := h.run(webSource("robots", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(1) }))
	if run.New != 2 || run.Skipped["robots"] != 1 || run.FailedCount() != 0 || run.Error != "" {
		t.Errorf("run = %+v, want / and /b new, /private/x skipped by robots.txt, nothing failed", run)
	}
	if s.hits("/private/x") != 0 {
		t.Error("a page robots.txt disallows was fetched")
	}
}

// A seed that robots.txt keeps Lumen from (it answers 503, or disallows
// the seed) fails the run, with a message that names robots.txt, so that
// lumen crawl --once exits 1 (QA2: "skipped: robots_unavailable=1", exit 0).
func TestSeedBlockedByRobots(t *testing.T) {
	tests := []struct {
		name   string
		robots http.HandlerFunc
		reason string
		msg    string
	}{
		{"unavailable", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "busy", http.StatusServiceUnavailable) },
			"robots_unavailable", "robots.txt answered HTTP 503"},
		{"disallowed", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nDisallow: /\n") },
			"robots", "robots.txt disallows it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			s := newSite(t)
			s.handle("/robots.txt", tt.robots)
			s.html("/", articleHTML("Home", lorem("Home")))
			run := h.run(webSource("blocked", s, nil))
			if run.Skipped[tt.reason] != 1 || !strings.Contains(run.Error, tt.msg) {
				t.Errorf("run = %+v, want skipped %s and an error saying %q", run, tt.reason, tt.msg)
			}
			if s.hits("/") != 0 {
				t.Error("the seed was fetched")
			}
		})
	}
}
