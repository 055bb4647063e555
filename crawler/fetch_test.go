package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/metrics"
)

// Redirects are followed hop by hop: each hop waits its turn at its host's
// gate, a chain that comes back to one of its URLs fails as redirect_loop,
// one longer than MaxRedirects as too_many_redirects, and a target that is
// not http(s) as bad_redirect. The article is published under its final
// URL.
func TestRedirects(t *testing.T) {
	const delay = 150 * time.Millisecond
	h := newHarness(t, func(o *Options) { o.HostDelay = delay; o.HostConcurrency = 1; o.MaxRedirects = 4 })
	var (
		mu       sync.Mutex
		acquired []time.Time
	)
	h.c.gate.onAcquire = func(host string, at time.Time) {
		mu.Lock()
		acquired = append(acquired, at)
		mu.Unlock()
	}
	s := newSite(t)
	redirect := func(from, to string) {
		s.handle(from, func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, http.StatusMovedPermanently) })
	}
	redirect("/r1", "/r2")
	redirect("/r2", "/r3")
	redirect("/r3", "/final#section")
	s.html("/final", articleHTML("Final", lorem("Final")))
	for i := range 6 {
		redirect(fmt.Sprintf("/long%d", i), fmt.Sprintf("/long%d", i+1))
	}
	redirect("/loop", "/loop2")
	redirect("/loop2", "/loop")
	redirect("/ftp", "ftp://example.org/file")
	src := lumen.Source{Name: "redirects", Kind: lumen.SourceWeb, AllowPrivate: true, MaxDepth: lumen.Depth(0)}
	for _, p := range []string{"/r1", "/long0", "/loop", "/ftp"} {
		src.URLs = append(src.URLs, s.URL+p)
	}
	run := h.run(src)
	for reason, n := range map[string]int{"redirect_loop": 1, "too_many_redirects": 1, "bad_redirect": 1} {
		if run.Failed[reason] != n {
			t.Errorf("failed[%s] = %d, want %d (run %+v)", reason, run.Failed[reason], n, run)
		}
	}
	if _, ok := h.articles()[s.URL+"/final"]; !ok || run.New != 1 {
		t.Errorf("run = %+v, articles %v; want the redirected page published under its final URL", run, sortedKeys(h.articles()))
	}
	if n := s.hits("/long5"); n != 0 {
		t.Errorf("/long5 fetched %d times; the chain is longer than MaxRedirects", n)
	}
	// Every request, hops included, waited for the host's delay.
	mu.Lock()
	defer mu.Unlock()
	if len(acquired) < 12 {
		t.Fatalf("%d requests through the gate, want every hop (>= 12)", len(acquired))
	}
	for i := 1; i < len(acquired); i++ {
		if gap := acquired[i].Sub(acquired[i-1]); gap < delay {
			t.Errorf("requests %d and %d started %v apart, want >= %v", i-1, i, gap, delay)
		}
	}
}

// robots.txt is found behind a redirect (http to https, a CDN), and its
// rules apply.
func TestRobotsRedirect(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/static/robots.txt", http.StatusMovedPermanently)
	})
	s.handle("/static/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	s.html("/", articleHTML("Index", "<p>Short.</p>", "/private/a", "/public/b"))
	s.html("/private/a", articleHTML("A", lorem("A")))
	s.html("/public/b", articleHTML("B", lorem("B")))
	run := h.run(webSource("robotsredir", s, nil))
	if s.hits("/private/a") != 0 || s.hits("/public/b") != 1 || run.Skipped["robots"] != 1 {
		t.Errorf("run = %+v, hits private %d public %d; want robots.txt behind the redirect obeyed", run, s.hits("/private/a"), s.hits("/public/b"))
	}
}

// A URL that times out is tried twice, not once per retry: a server that
// did not answer within the timeout twice is not waited for again.
func TestTimeoutRetriedOnce(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Timeout = 300 * time.Millisecond; o.Retries = 3 })
	s := newSite(t)
	s.handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	run := h.run(lumen.Source{Name: "slow", Kind: lumen.SourceWeb, AllowPrivate: true, URLs: []string{s.URL + "/slow"}})
	if n := s.hits("/slow"); n != 2 || run.Failed["timeout"] != 1 {
		t.Errorf("/slow fetched %d times, run %+v; want 2 attempts and one timeout", n, run)
	}
}

// Cancelling a run aborts the requests in flight: each request carries the
// caller's context.
func TestCancelAbortsRequest(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Timeout = 30 * time.Second })
	s := newSite(t)
	started := make(chan struct{})
	aborted := make(chan bool, 1)
	s.handle("/hang", func(w http.ResponseWriter, r *http.Request) {
		close(started)
		select {
		case <-time.After(20 * time.Second):
			aborted <- false
		case <-r.Context().Done():
			aborted <- true
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := h.c.Run(ctx, lumen.Source{Name: "hang", Kind: lumen.SourceWeb, AllowPrivate: true, URLs: []string{s.URL + "/hang"}})
		done <- err
	}()
	<-started
	cancel()
	if !<-aborted {
		t.Error("the request was not aborted when the run's context was cancelled")
	}
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run error = %v, want context.Canceled", err)
	}
}

// lumen_fetch_seconds measures the requests, not the wait at the host's
// gate: four pages of one host, HostDelay apart, from a server that answers
// at once, take far less than one HostDelay to fetch in all (qa3: the
// politeness wait made a local site look 4 s slow).
func TestFetchSecondsExcludesHostDelay(t *testing.T) {
	const delay = 400 * time.Millisecond
	m := metrics.New()
	h := newHarness(t, func(o *Options) { o.HostDelay = delay; o.HostConcurrency = 1; o.Metrics = m })
	s := newSite(t)
	var urls []string
	for i := range 4 {
		p := fmt.Sprintf("/a%d", i)
		s.html(p, articleHTML(fmt.Sprintf("Article %d", i), lorem(fmt.Sprintf("topic %d", i))))
		urls = append(urls, s.URL+p)
	}
	src := lumen.Source{Name: "timed", Kind: lumen.SourceWeb, AllowPrivate: true, MaxDepth: lumen.Depth(0), URLs: urls}
	started := time.Now()
	if run := h.run(src); run.New != 4 {
		t.Fatalf("run = %+v, want 4 new", run)
	}
	if wall := time.Since(started); wall < 3*delay {
		t.Fatalf("the run took %v: the host delay of %v was not applied", wall, delay)
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	re := regexp.MustCompile(`(?m)^lumen_fetch_seconds_sum\{source="timed"\} (\S+)$`)
	match := re.FindStringSubmatch(rec.Body.String())
	if match == nil {
		t.Fatalf("no lumen_fetch_seconds_sum for the source in\n%s", rec.Body.String())
	}
	sum, err := strconv.ParseFloat(match[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	if sum >= delay.Seconds() {
		t.Errorf("lumen_fetch_seconds_sum = %.3fs for 4 local pages, want well under one host delay (%v): it counts the wait at the gate", sum, delay)
	}
}
