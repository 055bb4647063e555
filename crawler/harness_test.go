package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
)

// harness is a crawler on a real embedded NATS (streams and key-value
// buckets) with test-friendly options.
type harness struct {
	t   testing.TB
	bus *bus.Bus
	c   *Crawler
	o   Options
	d   Deps
}

func testOptions() Options {
	return Options{
		UserAgent:   "LumenBot/test (+mailto:test@example.org)",
		Contact:     "test@example.org",
		Timeout:     3 * time.Second,
		MaxPages:    100,
		MaxDepth:    3,
		Retries:     2,
		Concurrency: 4,
		RetryBase:   10 * time.Millisecond,
		RobotsTTL:   time.Hour,
	}
}

func newHarness(t *testing.T, mutate func(*Options)) *harness {
	t.Helper()
	b := bustest.Start(t)
	return newHarnessOn(t, b, mutate)
}

// newHarnessOn makes a crawler on an existing bus: a second crawler on the
// same stores is what a restarted process is.
func newHarnessOn(t testing.TB, b *bus.Bus, mutate func(*Options)) *harness {
	t.Helper()
	ctx := context.Background()
	kv := func(name string) *bus.KV {
		k, err := b.KV(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	o := testOptions()
	if mutate != nil {
		mutate(&o)
	}
	d := Deps{Publisher: b, Articles: b, State: kv("t_state"), IDs: kv("t_ids"), Frontier: kv("t_frontier"), Runs: kv("t_runs")}
	c, err := New(o, d)
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, bus: b, c: c, o: o, d: d}
}

func (h *harness) run(src lumen.Source) lumen.CrawlRun {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	r, err := h.c.Run(ctx, src)
	if err != nil {
		h.t.Fatalf("Run(%s): %v", src.Name, err)
	}
	return r
}

// articles returns the latest published version of every article, by URL.
func (h *harness) articles() map[string]lumen.Article {
	h.t.Helper()
	out := map[string]lumen.Article{}
	if err := h.bus.ReplayArticles(context.Background(), func(ev lumen.ArticleFetched) error {
		out[ev.Article.URL] = ev.Article
		return nil
	}); err != nil {
		h.t.Fatal(err)
	}
	return out
}

// site is an httptest server whose pages are handlers keyed by path; it
// records every request.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	pages    map[string]http.HandlerFunc
	requests []*http.Request
	times    map[string][]time.Time
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{pages: map[string]http.HandlerFunc{}, times: map[string][]time.Time{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, r.Clone(context.Background()))
		s.times[r.URL.Path] = append(s.times[r.URL.Path], time.Now())
		h, ok := s.pages[r.URL.Path]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = h
}

// html serves an HTML page at path.
func (s *site) html(path, body string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})
}

// hits returns how many times path was requested.
func (s *site) hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.times[path])
}

func (s *site) requestsTo(path string) []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*http.Request
	for _, r := range s.requests {
		if r.URL.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// lorem is real-looking article text (the seed articles' theme), long enough
// to count as an article and different enough per topic not to be taken for
// a near duplicate of another topic's text.
func lorem(topic string) string {
	pool := []string{
		"The gut microbiome shapes the immune system in ways that researchers are only beginning to map.",
		"An imbalanced gut flora has been linked to inflammatory skin conditions such as acne, eczema and psoriasis.",
		"Several small trials found that probiotic supplements reduced the severity of acne lesions.",
		"Other trials reported no significant difference compared with placebo after twelve weeks.",
		"Fermented foods and dietary fiber feed beneficial bacteria that produce short-chain fatty acids.",
		"Short-chain fatty acids help maintain the intestinal barrier and calm systemic inflammation.",
		"Dermatologists caution that most of the evidence comes from observational studies.",
		"Stress raises cortisol, which can alter gut permeability and aggravate rosacea flare-ups.",
		"Antibiotic courses disturb the microbial community for weeks after the last dose.",
		"A diet rich in processed food and sugar is associated with more frequent breakouts.",
		"Vitamin D and zinc are often discussed as supporting skin barrier repair.",
		"Sleep deprivation changes hormone levels that influence sebum production.",
		"Case reports describe improvement in hidradenitis suppurativa after dietary changes.",
		"Fecal microbiota transplantation has been proposed but not tested for skin disease.",
		"Researchers measured transepidermal water loss before and after the intervention.",
		"Participants kept food diaries and photographed their skin every week.",
		"The authors call for larger randomized controlled trials with longer follow-up.",
		"Mouse studies suggest that lipopolysaccharide from gut bacteria can reach the skin.",
		"Urticaria patients showed lower microbial diversity than healthy controls.",
		"Hydration alone did not change redness scores in the small pilot study.",
	}
	h := fnvString(topic)
	var b strings.Builder
	fmt.Fprintf(&b, "<p>%s.</p>", topic)
	for i := range 7 {
		fmt.Fprintf(&b, "<p>%s</p>", pool[(h>>(i*4)+uint64(i)*7)%uint64(len(pool))])
	}
	return b.String()
}

func fnvString(s string) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func articleHTML(title, body string, links ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html lang=\"en\"><head><title>%s</title></head><body>", title)
	b.WriteString("<nav><a href=\"/\">Home</a></nav><main><article><h1>" + title + "</h1>" + body + "</article></main><ul>")
	for _, l := range links {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>", l, l)
	}
	b.WriteString("</ul><footer>Footer text</footer></body></html>")
	return b.String()
}

func webSource(name string, s *site, mutate func(*lumen.Source)) lumen.Source {
	src := lumen.Source{Name: name, Kind: lumen.SourceWeb, URLs: []string{s.URL + "/"}, AllowPrivate: true}
	if mutate != nil {
		mutate(&src)
	}
	return src
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
