package crawler

import (
	"bytes"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// A URL that failed for a lasting reason is not fetched again before its
// backoff expires; the backoff doubles with each failure in a row, a
// sitemap that says the page changed ends it early, and an answer clears
// it.
func TestFailureMemory(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.MaxBodyBytes = 64 << 10; o.FailureBackoff = time.Hour })
	s := newSite(t)
	gone := true
	s.handle("/gone", func(w http.ResponseWriter, r *http.Request) {
		if gone {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("Back", lorem("Back")))
	})
	s.handle("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("<p>big page</p>"), 10000))
	})
	s.handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	s.handle("/doc", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/msword")
		w.Write([]byte("not a page"))
	})
	s.handle("/ok", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("OK", lorem("OK")))
	})
	s.html("/", articleHTML("Index", "<p>Short.</p>", "/gone", "/big", "/loop", "/doc", "/ok"))
	src := webSource("memory", s, nil)
	failures := []string{"/gone", "/big", "/loop", "/doc"}

	first := h.run(src)
	if first.Failed["http_404"] != 1 || first.Failed["too_large"] != 1 || first.Failed["redirect_loop"] != 1 || first.Skipped["not_html"] != 1 {
		t.Fatalf("first run = %+v", first)
	}
	hits := map[string]int{}
	for _, p := range failures {
		hits[p] = s.hits(p)
	}
	second := h.run(src)
	for _, p := range failures {
		if s.hits(p) != hits[p] {
			t.Errorf("%s fetched again by the second run, within its backoff", p)
		}
	}
	if second.Skipped["backoff"] != len(failures) || second.Unchanged < 1 {
		t.Errorf("second run = %+v, want %d skipped for backoff", second, len(failures))
	}
	if r := s.requestsTo("/ok"); r[len(r)-1].Header.Get("If-None-Match") != `"v1"` {
		t.Error("the article was not fetched with a conditional request")
	}

	// Past the backoff, the URL is asked again; a second failure doubles
	// the backoff.
	expire := func(p string) {
		st, err := h.c.loadState(t.Context(), s.URL+p)
		if err != nil {
			t.Fatal(err)
		}
		st.RetryAt = time.Now().Add(-time.Second)
		if err := h.c.saveState(t.Context(), st); err != nil {
			t.Fatal(err)
		}
	}
	expire("/gone")
	h.run(src)
	st, _ := h.c.loadState(t.Context(), s.URL+"/gone")
	if s.hits("/gone") != hits["/gone"]+1 || st.Failures != 2 || st.Failure != "http_404" {
		t.Fatalf("after the backoff: %d hits, state %+v; want one more request and 2 failures", s.hits("/gone"), st)
	}
	if d := st.RetryAt.Sub(st.FailedAt); d != 2*time.Hour {
		t.Errorf("second backoff = %v, want 2h (doubled)", d)
	}

	// The page comes back: an answer clears the memory.
	gone = false
	expire("/gone")
	run := h.run(src)
	st, _ = h.c.loadState(t.Context(), s.URL+"/gone")
	if run.New != 1 || st.Failures != 0 || !st.RetryAt.IsZero() {
		t.Errorf("run = %+v, state %+v; want the page published and its failures forgotten", run, st)
	}
}

// A sitemap that says a page changed after it failed ends its backoff.
func TestFailureMemorySitemapLastmod(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	lastmod := "2020-01-01"
	s.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/p</loc><lastmod>%s</lastmod></url></urlset>`, s.URL, lastmod)
	})
	s.handle("/p", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	src := lumen.Source{Name: "smfail", Kind: lumen.SourceSitemap, URLs: []string{s.URL + "/sitemap.xml"}, AllowPrivate: true}
	h.run(src)
	h.run(src)
	if n := s.hits("/p"); n != 1 {
		t.Fatalf("/p fetched %d times, want once (then backing off)", n)
	}
	lastmod = time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	h.run(src)
	if n := s.hits("/p"); n != 2 {
		t.Errorf("/p fetched %d times, want a second request once the sitemap says it changed", n)
	}
}

// A host that times out repeatedly is paused for the rest of the run (a
// circuit breaker); the run record names it, its other URLs are skipped
// without a request, and other hosts are crawled as usual.
func TestHostCircuitBreaker(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		o.Timeout = time.Second // the fast host's pages load well within it on a loaded machine
		o.HostConcurrency = 1
		o.HostTimeouts = 3
	})
	slow, fast := newSite(t), newSite(t)
	src := lumen.Source{Name: "breaker", Kind: lumen.SourceWeb, AllowPrivate: true, MaxDepth: lumen.Depth(0)}
	for i := range 6 {
		p := fmt.Sprintf("/slow%d", i)
		slow.handle(p, func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		})
		src.URLs = append(src.URLs, slow.URL+p)
		q := fmt.Sprintf("/fast%d", i)
		fast.html(q, articleHTML("Fast "+q, lorem(q)))
		src.URLs = append(src.URLs, fast.URL+q)
	}
	run := h.run(src)
	requests := 0
	for i := range 6 {
		requests += slow.hits(fmt.Sprintf("/slow%d", i))
	}
	// 3 URLs tried twice each, and the first attempts of URLs whose turn
	// came between those attempts (at most one per other worker).
	if requests < 6 || requests > 6+h.o.Concurrency-1 {
		t.Errorf("%d requests to the slow host, want 6 to %d (3 URLs, each tried twice; then paused)", requests, 6+h.o.Concurrency-1)
	}
	host := mustURL(t, slow.URL).Host
	if len(run.PausedHosts) != 1 || run.PausedHosts[0] != host {
		t.Errorf("paused hosts = %v, want [%s]", run.PausedHosts, host)
	}
	if run.Failed["timeout"] != 3 || run.Skipped["host_paused"] != 3 || run.New != 6 {
		t.Errorf("run = %+v, want 3 URLs timed out, 3 skipped as host_paused, 6 new from the other host", run)
	}
	// Paused is not failed: the skipped URLs are not remembered as failures.
	remembered := 0
	for i := range 6 {
		if st, _ := h.c.loadState(t.Context(), fmt.Sprintf("%s/slow%d", slow.URL, i)); st.Failures > 0 {
			remembered++
		}
	}
	if remembered != 3 {
		t.Errorf("%d URLs of the paused host remembered as failed, want the 3 that timed out", remembered)
	}
}
