package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// A hostile or broken server costs a URL, never the crawl: each misbehaviour
// is counted under its reason and the good pages are still published.
func TestHostileServer(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		o.Timeout = 3 * time.Second // the good pages load well within it on a loaded machine; /slow waits 5 s
		o.MaxBodyBytes = 256 << 10
		o.MaxRedirects = 3
	})
	s := newSite(t)
	s.html("/good", articleHTML("Good", lorem("Good")))
	s.handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	s.handle("/drip", func(w http.ResponseWriter, r *http.Request) { // headers fast, body never ends slowly
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(200)
		for i := 0; i < 100; i++ {
			if _, err := w.Write([]byte("<p>drip</p>")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(100 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	s.handle("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>more and more text</p>\n"), 1000)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	var bomb bytes.Buffer // small on the wire, huge decompressed
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestSpeed)
	zeros := make([]byte, 1<<20)
	for range 50 {
		zw.Write(zeros)
	}
	zw.Close()
	s.handle("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	s.handle("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop2", http.StatusFound)
	})
	s.handle("/loop2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	s.handle("/liar", func(w http.ResponseWriter, r *http.Request) { // binary served as HTML
		w.Header().Set("Content-Type", "text/html")
		junk := make([]byte, 4096)
		for i := range junk {
			junk[i] = byte(i * 7 % 256)
		}
		w.Write(junk)
	})
	s.handle("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		body := strings.ReplaceAll(articleHTML("Caf\xe9 culture", lorem("Latin")), "</h1>", " \xe9t\xe9 na\xefve</h1>")
		w.Write([]byte(body))
	})
	s.handle("/bogus-charset", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=x-no-such-charset")
		fmt.Fprint(w, articleHTML("Bogus charset", lorem("Bogus")))
	})
	var flaky atomic.Int32
	s.handle("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) == 1 {
			http.Error(w, "try again", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("Flaky", lorem("Flaky")))
	})
	var limited atomic.Int32
	s.handle("/limited", func(w http.ResponseWriter, r *http.Request) {
		if limited.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("Limited", lorem("Limited")))
	})
	s.handle("/down", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	s.handle("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4 binary"))
	})
	s.handle("/json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"a":1}`))
	})
	s.handle("/malformed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><div><p>"+strings.Repeat("<b><i>unclosed ", 2000)+lorem("Malformed")+"</table></td></html></body>")
	})
	paths := []string{"/good", "/slow", "/drip", "/endless", "/bomb", "/loop", "/liar", "/latin1", "/bogus-charset",
		"/flaky", "/limited", "/down", "/missing", "/pdf", "/json", "/malformed"}
	src := lumen.Source{Name: "hostile", Kind: lumen.SourceWeb, AllowPrivate: true, MaxDepth: lumen.Depth(0)}
	for _, p := range paths {
		src.URLs = append(src.URLs, s.URL+p)
	}
	run := h.run(src)

	wantFailed := map[string]int{"timeout": 2, "too_large": 2, "redirect_loop": 1, "http_503": 1, "http_404": 1}
	for reason, n := range wantFailed {
		if run.Failed[reason] != n {
			t.Errorf("failed[%s] = %d, want %d (run %+v)", reason, run.Failed[reason], n, run)
		}
	}
	wantSkipped := map[string]int{"binary": 1, "pdf": 1, "not_html": 1}
	for reason, n := range wantSkipped {
		if run.Skipped[reason] != n {
			t.Errorf("skipped[%s] = %d, want %d (run %+v)", reason, run.Skipped[reason], n, run)
		}
	}
	arts := h.articles()
	for _, p := range []string{"/good", "/latin1", "/bogus-charset", "/flaky", "/limited", "/malformed"} {
		if _, ok := arts[s.URL+p]; !ok {
			t.Errorf("%s not published; have %v", p, sortedKeys(arts))
		}
	}
	if a := arts[s.URL+"/latin1"]; a.Title != "Café culture" || !strings.Contains(a.Text, "été naïve") {
		t.Errorf("latin1 page = %q: %q, want it decoded", a.Title, a.Text)
	}
	if n := s.hits("/flaky"); n != 2 {
		t.Errorf("/flaky fetched %d times, want 2 (a retry after the 500)", n)
	}
	if n := s.hits("/down"); n != 3 {
		t.Errorf("/down fetched %d times, want 3 (first attempt and 2 retries)", n)
	}
	if ts := s.times["/limited"]; len(ts) != 2 || ts[1].Sub(ts[0]) < time.Second {
		t.Errorf("/limited requests at %v, want a retry at least 1s (Retry-After) after the 429", ts)
	}
}

// robots.txt: disallowed paths are not fetched, Crawl-delay spaces the
// requests, and a 5xx makes the host unavailable for now, not for good.
func TestRobotsCrawlDelay(t *testing.T) {
	h := newHarness(t, nil)
	var (
		acqMu    sync.Mutex
		acquired []time.Time
	)
	h.c.gate.onAcquire = func(host string, at time.Time) {
		acqMu.Lock()
		acquired = append(acquired, at)
		acqMu.Unlock()
	}
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: LumenBot\nCrawl-delay: 0.3\nDisallow: /no\n\nUser-agent: *\nDisallow: /\n")
	})
	s.html("/", articleHTML("Index", "<p>Short.</p>", "/a", "/b", "/no/c"))
	s.html("/a", articleHTML("A", lorem("A")))
	s.html("/b", articleHTML("B", lorem("B")))
	s.html("/no/c", articleHTML("C", lorem("C")))
	run := h.run(webSource("robots", s, nil))
	if s.hits("/no/c") != 0 || run.Skipped["robots"] != 1 {
		t.Errorf("disallowed page fetched %d times; run %+v", s.hits("/no/c"), run)
	}
	acqMu.Lock()
	defer acqMu.Unlock()
	// The first request is robots.txt itself, before the delay is known.
	if len(acquired) != 4 {
		t.Fatalf("%d requests, want robots.txt, /, /a and /b", len(acquired))
	}
	for i := 2; i < len(acquired); i++ {
		if gap := acquired[i].Sub(acquired[i-1]); gap < 300*time.Millisecond {
			t.Errorf("requests %d and %d started %v apart, want >= Crawl-delay 300ms", i-1, i, gap)
		}
	}
}

func sortTimes(ts []time.Time) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Before(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

func TestRobotsServerErrorBacksOff(t *testing.T) {
	var status atomic.Int32
	status.Store(503)
	var fetches atomic.Int32
	fetch := func(ctx context.Context, u string) (int, []byte, error) {
		fetches.Add(1)
		return int(status.Load()), []byte("User-agent: *\nDisallow: /private\n"), nil
	}
	gate := newHostGate(1, 0, 100)
	rc := newRobotsCache(time.Hour, "LumenBot/1.0", gate, 100)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	rc.now = func() time.Time { return now }
	u := mustURL(t, "http://example.org/page")

	check := func() robotsVerdict {
		v, _, err := rc.check(t.Context(), u, fetch)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := check(); v != robotsUnavailable {
		t.Fatalf("with robots.txt 503: %v, want unavailable", v)
	}
	if v := check(); v != robotsUnavailable || fetches.Load() != 1 {
		t.Fatalf("within the backoff: %v after %d fetches, want unavailable without a new fetch", v, fetches.Load())
	}
	now = now.Add(robotsRetryMin + time.Second)
	if v := check(); v != robotsUnavailable || fetches.Load() != 2 {
		t.Fatalf("after the backoff: %v after %d fetches, want a second fetch", v, fetches.Load())
	}
	status.Store(200)
	now = now.Add(2*robotsRetryMin + time.Second) // the backoff doubled
	if v := check(); v != robotsAllowed {
		t.Fatalf("once robots.txt answers: %v, want allowed", v)
	}
	if v, _, _ := rc.check(t.Context(), mustURL(t, "http://example.org/private/x"), fetch); v != robotsDisallowed {
		t.Errorf("/private/x: %v, want disallowed", v)
	}
	status.Store(404)
	now = now.Add(2 * time.Hour) // TTL expired: fetched again; 404 allows everything
	if v, _, _ := rc.check(t.Context(), mustURL(t, "http://example.org/private/x"), fetch); v != robotsAllowed {
		t.Errorf("after a 404 robots.txt: %v, want allowed", v)
	}
}

// The per-host gate keeps at most HostConcurrency requests in flight to one
// host and HostDelay between starts, whatever the overall concurrency.
func TestPerHostPoliteness(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		o.Concurrency = 8
		o.HostConcurrency = 1
		o.HostDelay = 150 * time.Millisecond
	})
	var (
		acqMu    sync.Mutex
		acquired []time.Time
	)
	h.c.gate.onAcquire = func(host string, at time.Time) {
		acqMu.Lock()
		acquired = append(acquired, at)
		acqMu.Unlock()
	}
	s := newSite(t)
	var inflight, maxInflight atomic.Int32
	var links []string
	for i := range 6 {
		p := fmt.Sprintf("/p%d", i)
		links = append(links, p)
		s.handle(p, func(w http.ResponseWriter, r *http.Request) {
			n := inflight.Add(1)
			defer inflight.Add(-1)
			for {
				m := maxInflight.Load()
				if n <= m || maxInflight.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(20 * time.Millisecond)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, articleHTML(p, lorem(p)))
		})
	}
	s.html("/", articleHTML("Index", "<p>Short.</p>", links...))
	h.run(webSource("polite", s, nil))
	if m := maxInflight.Load(); m != 1 {
		t.Errorf("max requests in flight to one host = %d, want 1", m)
	}
	// The gate's own clock: arrival times at the server also carry the
	// scheduling noise of a loaded machine.
	acqMu.Lock()
	defer acqMu.Unlock()
	if len(acquired) < 8 { // robots.txt, the index, six pages
		t.Fatalf("%d requests went through the gate, want 8", len(acquired))
	}
	for i := 1; i < len(acquired); i++ {
		if gap := acquired[i].Sub(acquired[i-1]); gap < 150*time.Millisecond {
			t.Errorf("requests %d and %d started %v apart, want >= 150ms", i-1, i, gap)
		}
	}
}
