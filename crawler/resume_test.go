package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// Kill a crawl midway, start a new crawler on the same stores (a restarted
// process), and the run resumes: what was done is not fetched again, what
// was queued is not lost.
func TestResumeAfterInterruption(t *testing.T) {
	first := newHarness(t, func(o *Options) { o.Concurrency = 2; o.HostConcurrency = 2 })
	s := newSite(t)
	const pages = 30
	var links []string
	var served atomic.Int32
	for i := range pages {
		p := fmt.Sprintf("/p%02d", i)
		links = append(links, p)
		s.handle(p, func(w http.ResponseWriter, r *http.Request) {
			served.Add(1)
			time.Sleep(15 * time.Millisecond)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, articleHTML("Page "+p, lorem(p)))
		})
	}
	s.html("/", articleHTML("Index", "<p>Short.</p>", links...))
	src := webSource("resume", s, nil)

	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for served.Load() < 10 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	interrupted, err := first.c.Run(ctx, src)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted Run error = %v, want context.Canceled", err)
	}
	if !interrupted.Finished.IsZero() {
		t.Errorf("interrupted run marked finished: %+v", interrupted)
	}
	runs, _ := first.c.Runs(t.Context(), "resume", 5)
	if len(runs) != 1 || !runs[0].Finished.IsZero() {
		t.Errorf("runs after interruption = %+v, want one unfinished", runs)
	}
	fetchedBefore := map[string]int{}
	for _, p := range links {
		fetchedBefore[p] = s.hits(p)
	}

	second := newHarnessOn(t, first.bus, func(o *Options) { o.Concurrency = 2 })
	resumed := second.run(src)
	if resumed.ID != interrupted.ID {
		t.Errorf("resumed run id %s, want the interrupted run %s", resumed.ID, interrupted.ID)
	}
	refetched, missing := 0, 0
	for _, p := range links {
		switch n := s.hits(p); {
		case n == 0:
			missing++
		case n > 1:
			refetched++
		}
	}
	if missing > 0 {
		t.Errorf("%d queued pages were lost", missing)
	}
	// At most the requests in flight when the crawl was killed are repeated.
	if refetched > 2 {
		t.Errorf("%d pages fetched twice, want at most 2 (in flight at the kill)", refetched)
	}
	if s.hits("/") != 1 {
		t.Errorf("the seed was fetched %d times, want once", s.hits("/"))
	}
	if got := len(second.articles()); got != pages {
		t.Errorf("%d articles published, want %d", got, pages)
	}
	if resumed.New != pages || resumed.Finished.IsZero() {
		t.Errorf("resumed run = %+v, want %d new and finished", resumed, pages)
	}
	// The frontier is cleared once the run finished.
	n := 0
	second.d.Frontier.Each(t.Context(), frontierPrefix("resume"), func(string, []byte) error { n++; return nil })
	if n != 0 {
		t.Errorf("%d frontier entries left after the run finished", n)
	}
}
