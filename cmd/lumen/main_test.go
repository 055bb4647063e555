package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/demo"
	"github.com/lumen-research/lumen/internal/syncbuf"
)

// env returns a getenv with only the given variables, so that the tests do
// not depend on the environment they run in.
func envOf(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

// lumenCmd runs a command to completion.
func lumenCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut syncbuf.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	err = run(ctx, args, envOf(), strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

// background runs a long-running command until the returned stop is called;
// stop returns the command's error.
func background(t *testing.T, args ...string) (stdout *syncbuf.Buffer, stop func() error) {
	t.Helper()
	var out, errOut syncbuf.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, envOf(), strings.NewReader(""), &out, &errOut) }()
	var once sync.Once
	var stopErr error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(60 * time.Second):
				stopErr = errors.New("command did not stop within 60s")
			}
		})
		return stopErr
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("lumen %s: %v\nstderr:\n%s", args[0], err, errOut.String())
		}
	})
	return &out, stop
}

var urlRE = regexp.MustCompile(`API: (http://127\.0\.0\.1:\d+)`)

// waitURL waits until the command prints its API URL.
func waitURL(t *testing.T, out *syncbuf.Buffer) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := urlRE.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no API URL printed; stdout:\n%s", out.String())
	return ""
}

// waitReady polls /readyz until it answers 200 (the first data check runs
// at start), failing on anything but 200 or 503 meanwhile.
func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		var r struct {
			Status string
			Checks map[string]string
		}
		code := getJSON(t, base+"/readyz", &r)
		switch {
		case code == 200:
			return
		case code != 503:
			t.Fatalf("readyz = %d %+v", code, r)
		case time.Now().After(deadline):
			t.Fatalf("not ready after 90s: %+v", r)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type claimsResponse struct {
	Total uint64           `json:"total"`
	Hits  []lumen.ClaimHit `json:"hits"`
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if v != nil && json.Unmarshal(body, v) != nil {
		t.Fatalf("GET %s: not JSON: %s", url, body)
	}
	return res.StatusCode
}

// waitClaims polls the API until a query has hits.
// waitClaims polls the search API until query finds at least min claims:
// the roles run asynchronously, so the first answer may hold only part of
// what is on its way.
func waitClaims(t *testing.T, base, query string, min uint64) claimsResponse {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		var c claimsResponse
		code := getJSON(t, base+"/api/v1/claims?"+query, &c)
		if code == 200 && c.Total >= min {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d claims for %q after 90s (status %d), want at least %d", c.Total, query, code, min)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// The whole pipeline through the binary's commands: crawl a local site once
// (embedded NATS, worker, indexer in one process), then serve what was
// indexed.
func TestCrawlOnceThenServe(t *testing.T) {
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	data := t.TempDir()

	out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--data", data, "--log-level", "warn")
	if err != nil {
		t.Fatalf("crawl --once: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "index: 3 articles") || !regexp.MustCompile(`seed-127-0-0-1-\d+\s+\d+\s+3\s`).MatchString(out) {
		t.Errorf("crawl summary:\n%s", out)
	}
	if !strings.Contains(out, "robots=1") {
		t.Errorf("summary does not show the robots.txt exclusion:\n%s", out)
	}
	// The sitemap robots.txt names is read although the nav links it too
	// (QA2: the demo showed "listings 0 ... skipped: not_html=1").
	if strings.Contains(out, "not_html") || !regexp.MustCompile(`seed-127-0-0-1-\d+(\s+\d+){6}\s+1\s`).MatchString(out) {
		t.Errorf("crawl summary, want the sitemap read as a listing and nothing not_html:\n%s", out)
	}

	stdout, stop := background(t, "serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn")
	base := waitURL(t, stdout)
	c := waitClaims(t, base, "q=probiotics", 1)
	for _, h := range c.Hits {
		if !strings.Contains(strings.ToLower(h.Text), "probiotic") || !strings.HasPrefix(h.Article.URL, site.URL+"/articles/") ||
			h.Article.Title == "" || !strings.Contains(h.Highlight, "<mark>") {
			t.Errorf("hit = %+v", h)
		}
	}
	// A second process on the same data directory is refused, clearly.
	if _, _, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--data", data); err == nil ||
		!strings.Contains(err.Error(), "in use by another lumen process") {
		t.Errorf("crawl on a data directory in use: %v", err)
	}
	waitReady(t, base)
	var crawls struct{ Crawls []lumen.CrawlRun }
	if getJSON(t, base+"/api/v1/crawls", &crawls); len(crawls.Crawls) != 1 || crawls.Crawls[0].New != 3 {
		t.Errorf("crawls = %+v", crawls)
	}
	if err := stop(); err != nil {
		t.Errorf("serve did not shut down cleanly: %v", err)
	}
	// A second crawl of the unchanged site publishes nothing new.
	out, _, err = lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--data", data, "--log-level", "warn")
	if err != nil || !regexp.MustCompile(`seed-127-0-0-1-\d+\s+\d+\s+0\s+0\s`).MatchString(out) {
		t.Errorf("second crawl: %v\n%s", err, out)
	}
}

// lumen run: the scheduler's startup crawl of a never-crawled source, the
// worker, the indexer and the API in one process; Ctrl-C shuts it down.
func TestRun(t *testing.T) {
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`
crawler:
  host_delay: 10ms
sources:
  - name: sample
    kind: sitemap
    urls: [%s/sitemap.xml]
    allow_private: true
    schedule: "CRON_TZ=UTC 0 2 * * *"
`, site.URL)), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stop := background(t, "run", "--config", cfg, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "warn")
	base := waitURL(t, stdout)
	if !strings.Contains(stdout.String(), "source sample") {
		t.Errorf("run did not list the source's next crawl:\n%s", stdout.String())
	}
	waitClaims(t, base, "concept=condition/acne", 1)
	// The three articles are tagged and indexed asynchronously: wait for the
	// metrics to count them all.
	want := []string{"lumen_pages_fetched_total{", "lumen_articles_tagged_total 3", "lumen_claims_indexed_total"}
	deadline := time.Now().Add(60 * time.Second)
	for {
		res, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		var missing []string
		for _, m := range want {
			if !strings.Contains(string(body), m) {
				missing = append(missing, m)
			}
		}
		if len(missing) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("metrics lack %q after 60s:\n%s", missing, regexp.MustCompile(`(?m)^lumen_(articles|claims|integrity|index_|errors).*$`).FindAllString(string(body), -1))
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := stop(); err != nil {
		t.Errorf("run did not shut down cleanly: %v", err)
	}
}

// lumen run with every source unreachable (as offline): it starts, records
// and counts the failures by reason, and keeps serving. The sources are the
// shipped kinds (web, sitemap, feed, PubMed, Europe PMC) pointed at a closed
// local port, so that the test reaches no network.
func TestRunOffline(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close() // nothing listens there now: connections are refused
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	var srcs strings.Builder
	for _, kind := range []string{"web", "sitemap", "feed", "pubmed", "europepmc"} {
		fmt.Fprintf(&srcs, "  - {name: %[1]s, kind: %[1]s, urls: [%[2]s/%[1]s], allow_private: true, query: acne}\n", kind, closed)
	}
	if err := os.WriteFile(cfg, []byte("crawler:\n  retries: 0\nsources:\n"+srcs.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stop := background(t, "run", "--crawl-now", "--config", cfg, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "error")
	base := waitURL(t, stdout)
	var crawls struct{ Crawls []lumen.CrawlRun }
	deadline := time.Now().Add(60 * time.Second)
	for {
		getJSON(t, base+"/api/v1/crawls", &crawls)
		finished := 0
		for _, r := range crawls.Crawls {
			if !r.Finished.IsZero() {
				finished++
			}
		}
		if finished == 5 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("crawls after 60s: %+v", crawls.Crawls)
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, r := range crawls.Crawls {
		if r.FailedCount() == 0 || r.Fetched != 0 {
			t.Errorf("run %s = %+v, want failures counted and nothing fetched", r.Source, r)
		}
	}
	var health struct{ Status string }
	if code := getJSON(t, base+"/healthz", &health); code != 200 {
		t.Errorf("healthz = %d after every source failed", code)
	}
	if code := getJSON(t, base+"/api/v1/claims?q=acne", &claimsResponse{}); code != 200 {
		t.Errorf("search = %d after every source failed", code)
	}
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !regexp.MustCompile(`lumen_crawl_pages_total\{[^}]*outcome="failed"`).Match(body) {
		t.Errorf("metrics do not count the failed fetches:\n%s", body)
	}
	if err := stop(); err != nil {
		t.Errorf("run did not shut down cleanly: %v", err)
	}
}

// The roles alone against an external NATS: a server, two workers sharing
// one durable consumer, and a one-shot crawler, as docker-compose.yml runs
// them.
func TestRolesOverExternalNATS(t *testing.T) {
	srv := startNATS(t) // after the commands' cleanups: they stop first
	natsURL := srv.ClientURL()
	site := httptest.NewServer(demo.Handler())
	defer site.Close()

	stdout, _ := background(t, "serve", "--nats", natsURL, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "warn")
	base := waitURL(t, stdout)
	background(t, "work", "--nats", natsURL, "--log-level", "warn")
	background(t, "work", "--nats", natsURL, "--log-level", "warn")
	out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--nats", natsURL, "--log-level", "warn")
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	if strings.Contains(out, "index:") {
		t.Errorf("a crawl against external NATS should not index itself:\n%s", out)
	}
	waitClaims(t, base, "q=probiotics", 3)
}

// Two lumen serve on one NATS, each with an index of its own (as on two
// machines): each has its own durable consumers (indexer.name), so each
// index receives every article, not half of them, and each applies every
// curator decision, whichever serve took it.
func TestServesWithIndexesOfTheirOwn(t *testing.T) {
	srv := startNATS(t)
	natsURL := srv.ClientURL()
	site := httptest.NewServer(demo.Handler())
	defer site.Close()

	serve := func(name string) string {
		cfg := filepath.Join(t.TempDir(), "lumen.yaml")
		if err := os.WriteFile(cfg, []byte("indexer:\n  name: "+name+"\n  batch_wait: 20ms\nreview:\n  batch_wait: 20ms\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout, _ := background(t, "serve", "--nats", natsURL, "--config", cfg, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "warn")
		return waitURL(t, stdout)
	}
	a, b := serve("east"), serve("west")
	background(t, "work", "--nats", natsURL, "--log-level", "warn")
	if _, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--nats", natsURL, "--log-level", "warn"); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	// Both indexes fill batch by batch: wait until they hold the same
	// claims and have held them for a second (a count read while one is a
	// batch ahead of the other is no answer).
	deadline := time.Now().Add(90 * time.Second)
	var ra, rb claimsResponse
	for same := 0; same < 5; {
		if time.Now().After(deadline) {
			t.Fatalf("the two indexes hold %d and %d claims after 90s, want the same, every claim", ra.Total, rb.Total)
		}
		time.Sleep(200 * time.Millisecond)
		var na, nb claimsResponse
		getJSON(t, a+"/api/v1/claims", &na)
		getJSON(t, b+"/api/v1/claims", &nb)
		if na.Total == nb.Total && na.Total == ra.Total && na.Total >= 3 {
			same++
		} else {
			same = 0
		}
		ra, rb = na, nb
	}

	// A decision taken through one serve shows in both indexes.
	curator := createToken(t, "", "carol", "curator", "--nats", natsURL)
	var q struct {
		Claims []reviewed `json:"claims"`
	}
	if code := call(t, "GET", a+"/api/v1/review/queue?size=1", curator, "", "", &q); code != 200 || len(q.Claims) != 1 {
		t.Fatalf("review queue: %d, %d claims", code, len(q.Claims))
	}
	var r reviewed
	if code := call(t, "POST", a+"/api/v1/claims/"+q.Claims[0].ID+"/review", curator, q.Claims[0].ETag, `{"action":"accept"}`, &r); code != 200 {
		t.Fatalf("review: %d", code)
	}
	for _, base := range []string{a, b} {
		waitClaims(t, base, "status=accepted", 1)
	}
}

func TestDemo(t *testing.T) {
	stdout, _ := background(t, "demo", "--addr", "127.0.0.1:0", "--log-level", "warn")
	base := waitURL(t, stdout)
	waitClaims(t, base, "q=probiotics", 3)
}

func TestUsageAndConfigErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("sources:\n  - {name: x, kind: web, urls: [file:///etc/passwd]}\n"), 0o644)
	malformed := filepath.Join(t.TempDir(), "malformed.yaml")
	os.WriteFile(malformed, []byte("sources: [\n"), 0o644)
	badSchedule := filepath.Join(t.TempDir(), "sched.yaml")
	os.WriteFile(badSchedule, []byte("sources:\n  - {name: x, kind: web, urls: [https://x.org/], schedule: nightly}\n"), 0o644)
	// robfig/cron panics on a spec that is only a time zone.
	tzOnly := filepath.Join(t.TempDir(), "tz.yaml")
	os.WriteFile(tzOnly, []byte("sources:\n  - {name: x, kind: web, urls: [https://x.org/], schedule: \"CRON_TZ=Europe/Berlin\"}\n"), 0o644)
	badIndexer := filepath.Join(t.TempDir(), "indexer.yaml")
	os.WriteFile(badIndexer, []byte("indexer:\n  name: \"a.b\"\n"), 0o644)
	feb30 := filepath.Join(t.TempDir(), "feb30.yaml")
	os.WriteFile(feb30, []byte("sources:\n  - {name: x, kind: web, urls: [https://x.org/], schedule: \"0 0 30 2 *\"}\n"), 0o644)
	busyCheck := filepath.Join(t.TempDir(), "check.yaml")
	os.WriteFile(busyCheck, []byte("check:\n  interval: 1ns\n"), 0o644)
	badType := filepath.Join(t.TempDir(), "type.yaml")
	os.WriteFile(badType, []byte("crawler:\n  timeout: 30\nsources:\n  - {name: x, kind: web, urls: [https://x.org/], max_depth: deep}\n"), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{nil, "no command"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"crawl", "--once", "--seed", "ftp://example.org/"}, "--seed"},
		{[]string{"crawl", "--once", "--config", bad}, "sources[0].urls[0]"},
		{[]string{"crawl", "--once", "--config", malformed}, "line"},
		{[]string{"run", "--config", badSchedule}, "sources[0].schedule"},
		{[]string{"serve", "--addr", "nowhere"}, "addr"},
		{[]string{"work"}, "--nats"},
		{[]string{"crawl", "--bogus-flag"}, "flag provided but not defined"},
		{[]string{"crawl", "--once", "--source", "nope"}, "no such source"},
		{[]string{"run", "--config", tzOnly}, "sources[0].schedule"},
		{[]string{"crawl", "--config", tzOnly, "--nats", "nats://127.0.0.1:1"}, "sources[0].schedule"},
		{[]string{"serve", "--config", tzOnly}, "sources[0].schedule"},
		{[]string{"crawl", "--once", "--config", badType}, "crawler.timeout"},
		{[]string{"crawl", "--once", "--config", badType}, "sources[0].max_depth"},
		{[]string{"crawl", "--once", "--seed", "http://127.0.0.1/", "--max-pages", "-1"}, "--max-pages"},
		{[]string{"crawl", "--once", "--seed", "http://127.0.0.1/", "--max-pages", "0"}, "--max-pages"},
		{[]string{"crawl", "--once", "--seed", "http://127.0.0.1/", "--max-depth", "-3"}, "--max-depth"},
		{[]string{"crawl", "--once", "--max-pages", "many"}, "max-pages"},
		{[]string{"serve", "--log-format", "xml"}, "--log-format"},
		{[]string{"serve", "--config", badIndexer}, "indexer.name"},
		{[]string{"run", "--config", feb30}, "never fires"},
		{[]string{"serve", "--config", busyCheck}, "check.interval"},
		// One-shot commands refuse a data directory without Lumen's data
		// rather than create it empty and report on nothing.
		{[]string{"token", "list", "--data", filepath.Join(t.TempDir(), "typo")}, "no Lumen data in"},
		{[]string{"deadletters", "--data", filepath.Join(t.TempDir(), "typo")}, "no Lumen data in"},
		{[]string{"check", "--data", filepath.Join(t.TempDir(), "typo")}, "no Lumen data in"},
		{[]string{"export", "--data", filepath.Join(t.TempDir(), "typo")}, "no index in"},
		{[]string{"config", "--config", bad}, "takes no arguments"},
		{[]string{"check", "--addr", "127.0.0.1:0"}, "serves nothing"},
		{[]string{"deadletters", "frob"}, "unknown action"},
		{[]string{"deadletters", "replay"}, "ids or --all"},
		{[]string{"deadletters", "delete", "x"}, "not a positive number"},
	}
	for _, tt := range tests {
		_, stderr, err := lumenCmd(t, "", tt.args...)
		if err == nil || exitCode(err) != 2 {
			t.Errorf("lumen %v: err %v (exit %d), want a usage error", tt.args, err, exitCode(err))
			continue
		}
		if !strings.Contains(err.Error()+stderr, tt.want) {
			t.Errorf("lumen %v: %v, want it to mention %q", tt.args, err, tt.want)
		}
	}

	// A panic is not a usage error: it exits with a status of its own.
	err := guard(slog.New(slog.DiscardHandler), "test", func() error { panic("bug") })
	if exitCode(err) != exitPanic || exitPanic == exitUsage {
		t.Errorf("a recovered panic: %v, exit %d", err, exitCode(err))
	}

	// A crawl where nothing could be fetched fails (exit 1), naming why.
	out, _, err := lumenCmd(t, "", "crawl", "--once", "--seed", "http://127.0.0.1:9/", "--data", t.TempDir(), "--log-level", "error")
	_ = out
	if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "nothing fetched") || !strings.Contains(err.Error(), "private_address") {
		t.Errorf("crawl of a refused seed: err %v (exit %d)\n%s", err, exitCode(err), out)
	}

	// A site whose robots.txt answers 503 keeps Lumen out: the crawl
	// fails (exit 1), saying so, as the README says (QA2: exit 0).
	blocked := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}))
	defer blocked.Close()
	out, _, err = lumenCmd(t, "", "crawl", "--once", "--seed", blocked.URL+"/", "--allow-private", "--data", t.TempDir(), "--log-level", "error")
	if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "robots.txt answered HTTP 503") {
		t.Errorf("crawl of a site whose robots.txt answers 503: err %v (exit %d)\n%s", err, exitCode(err), out)
	}
}

func TestTagCommand(t *testing.T) {
	out, _, err := lumenCmd(t, "Probiotics did not reduce acne severity. Leaky gut may worsen psoriasis.", "tag")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Text     string
		Mentions []lumen.Mention
		Claims   []struct {
			Start, End      int
			Text            string
			Concepts        []string
			Negated, Hedged bool
		}
		TaggerVersion   string `json:"tagger_version"`
		TaxonomyVersion string `json:"taxonomy_version"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("tag output not JSON: %v\n%s", err, out)
	}
	// Each version under its name (qa4: taxonomy_version held the
	// tagger's): the taxonomy's, and the tagger's, which extends it.
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	if res.TaxonomyVersion != tax.Version || !strings.HasPrefix(res.TaggerVersion, tax.Version+"+r") {
		t.Errorf("taxonomy_version %q, tagger_version %q; want %q and %q+r...", res.TaxonomyVersion, res.TaggerVersion, tax.Version, tax.Version)
	}
	if len(res.Claims) != 2 || !res.Claims[0].Negated || !res.Claims[1].Hedged {
		t.Errorf("claims = %+v", res.Claims)
	}
	for _, m := range res.Mentions {
		if res.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v does not match the text at its offsets", m)
		}
	}
	for _, c := range res.Claims {
		if res.Text[c.Start:c.End] != c.Text {
			t.Errorf("claim %+v does not match the text at its offsets", c)
		}
	}

	// Text in ISO-8859-1 is read as such, not as U+FFFD (QA2: "na\uFFFDve").
	out, _, err = lumenCmd(t, "Probiotics reduced acne severity in na\xefve adolescents at the caf\xe9.", "tag", "--compact")
	if err != nil || json.Unmarshal([]byte(out), &res) != nil || !strings.Contains(res.Text, "naïve adolescents at the café") {
		t.Errorf("tag of ISO-8859-1 text: %v, text %q; want it read as ISO-8859-1", err, res.Text)
	}

	// HTML: offsets are into the extracted main text.
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	os.WriteFile(page, []byte(`<html><head><title>Gut and skin</title></head><body><nav>Menu</nav><article><h1>Gut and skin</h1>
<p>A diet rich in fermented foods improved eczema in children, according to a small trial.</p></article></body></html>`), 0o644)
	out, _, err = lumenCmd(t, "", "tag", page, "--compact")
	if err != nil {
		t.Fatal(err)
	}
	res.Claims = nil
	json.Unmarshal([]byte(out), &res)
	if strings.Contains(res.Text, "<") || strings.Contains(res.Text, "Menu") || len(res.Claims) != 1 || res.Text[res.Claims[0].Start:res.Claims[0].End] != res.Claims[0].Text {
		t.Errorf("tag page.html = %s", out)
	}

	// Empty and binary input: an empty result, not an error.
	for _, in := range []string{"", "\x00\x01\x02\xff\xfe binary \x00 junk"} {
		out, _, err := lumenCmd(t, in, "tag", "-")
		if err != nil {
			t.Errorf("tag %q: %v", in, err)
			continue
		}
		res.Claims = nil
		if json.Unmarshal([]byte(out), &res); len(res.Claims) != 0 {
			t.Errorf("tag %q = %s, want no claims", in, out)
		}
	}
	// Random bytes are not tagged at all, so no mention is invented.
	junk := make([]byte, 4096)
	rand.NewChaCha8([32]byte{1}).Read(junk)
	out, _, err = lumenCmd(t, string(junk), "tag", "--compact", "-")
	var skipped struct {
		Mentions []lumen.Mention
		Skipped  string
	}
	if err != nil || json.Unmarshal([]byte(out), &skipped) != nil || len(skipped.Mentions) != 0 || skipped.Skipped == "" {
		t.Errorf("tag of random bytes = %s, %v; want no mentions and a reason", out, err)
	}
	// UTF-16 text with a byte order mark, as Windows tools write it, is
	// read as text.
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "Probiotics improved acne in a trial." {
		utf16 = append(utf16, byte(r), 0)
	}
	out, _, err = lumenCmd(t, string(utf16), "tag", "--compact", "-")
	var u16 struct {
		Text   string
		Claims []struct{ Text string }
	}
	if err != nil || json.Unmarshal([]byte(out), &u16) != nil || u16.Text != "Probiotics improved acne in a trial." || len(u16.Claims) != 1 {
		t.Errorf("tag of UTF-16 text = %s, %v; want it read as text with its claim", out, err)
	}
	// Invalid UTF-8 in text: offsets are into the text as printed (JSON
	// prints invalid bytes as U+FFFD).
	out, _, err = lumenCmd(t, "\xff\xfeProbiotics \xc3 improved acne.", "tag", "--compact", "-")
	var inv struct {
		Text     string
		Mentions []lumen.Mention
	}
	if err != nil || json.Unmarshal([]byte(out), &inv) != nil || len(inv.Mentions) != 2 {
		t.Fatalf("tag of invalid UTF-8 = %s, %v", out, err)
	}
	for _, m := range inv.Mentions {
		if inv.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v: text[%d:%d] = %q", m, m.Start, m.End, inv.Text[m.Start:m.End])
		}
	}
	if _, _, err := lumenCmd(t, "", "tag", filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("tag of a missing file succeeded")
	}
}

func TestEvalCommand(t *testing.T) {
	out, _, err := lumenCmd(t, "", "eval", filepath.Join("..", "..", "internal", "evaluate", "testdata", "gold"))
	if err != nil {
		t.Fatalf("eval: %v", err)
	}
	for _, want := range []string{"condition", "mechanism", "intervention", "claim"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval report lacks %q:\n%s", want, out)
		}
	}
	if _, _, err := lumenCmd(t, "", "eval", t.TempDir()); err == nil {
		t.Error("eval of an empty directory succeeded")
	}
	// Broken labels are refused, not scored (qa2): a --labels directory
	// that is not there, a concept id the taxonomy lacks, a copy of
	// sentences.jsonl as labels.
	gold := filepath.Join("..", "..", "internal", "evaluate", "testdata", "gold")
	if _, _, err := lumenCmd(t, "", "eval", gold, "--labels", filepath.Join(t.TempDir(), "typo")); exitCode(err) != exitUsage || !strings.Contains(err.Error(), "typo") {
		t.Errorf("eval --labels of a missing directory: %v (exit %d), want exit %d naming it", err, exitCode(err), exitUsage)
	}
	bad := t.TempDir()
	if err := copyDir(gold, bad); err != nil {
		t.Fatal(err)
	}
	labels, err := os.ReadFile(filepath.Join(bad, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	typo := strings.Replace(string(labels), `"concepts": []`, `"concepts": ["condition/acnee"]`, 1)
	if err := os.WriteFile(filepath.Join(bad, "labels.jsonl"), []byte(typo), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := lumenCmd(t, "", "eval", bad); exitCode(err) != exitUsage || !strings.Contains(err.Error(), `"condition/acnee"`) {
		t.Errorf("eval with an unknown concept id: %v (exit %d), want exit %d naming it", err, exitCode(err), exitUsage)
	}
	sents, err := os.ReadFile(filepath.Join(bad, "sentences.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "labels.jsonl"), sents, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := lumenCmd(t, "", "eval", bad); exitCode(err) != exitUsage || !strings.Contains(err.Error(), `no "concepts" or no "claim"`) {
		t.Errorf("eval with sentences.jsonl as labels: %v (exit %d), want exit %d", err, exitCode(err), exitUsage)
	}
}

// TestEvalSets scores several gold sets at once: one line per set, the
// pooled counts equal to the sum of the single runs, and usage errors for
// what does not go with more than one set.
func TestEvalSets(t *testing.T) {
	td := filepath.Join("..", "..", "internal", "evaluate", "testdata")
	a, b := filepath.Join(td, "heldout221"), filepath.Join(td, "heldout222")
	out, _, err := lumenCmd(t, "", "eval", a, b)
	if err != nil {
		t.Fatalf("eval of two sets: %v", err)
	}
	for _, want := range []string{"2 sets", "heldout221", "heldout222", "pooled", "mean of sets"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval of two sets lacks %q:\n%s", want, out)
		}
	}
	js, _, err := lumenCmd(t, "", "eval", "--json", a, b)
	if err != nil {
		t.Fatalf("eval --json of two sets: %v", err)
	}
	var got struct {
		Sets []struct {
			Set    string
			Report struct{ Pairs struct{ TP, FP, FN int } }
		}
		Pooled struct {
			Sets  int
			Pairs struct{ TP, FP, FN int }
		}
	}
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, js)
	}
	if len(got.Sets) != 2 || got.Pooled.Sets != 2 {
		t.Fatalf("eval --json: %d sets, pooled %d, want 2", len(got.Sets), got.Pooled.Sets)
	}
	sum := got.Sets[0].Report.Pairs
	sum.TP += got.Sets[1].Report.Pairs.TP
	sum.FP += got.Sets[1].Report.Pairs.FP
	sum.FN += got.Sets[1].Report.Pairs.FN
	if got.Pooled.Pairs != sum || sum.TP == 0 {
		t.Errorf("pooled pairs %+v, want the sum of the sets %+v", got.Pooled.Pairs, sum)
	}
	if _, _, err := lumenCmd(t, "", "eval", "--labels", t.TempDir(), a, b); exitCode(err) != exitUsage {
		t.Errorf("eval --labels with two sets: %v (exit %d), want exit %d", err, exitCode(err), exitUsage)
	}
	if _, _, err := lumenCmd(t, "", "eval", a, t.TempDir()); err == nil {
		t.Error("eval of a set and an empty directory succeeded")
	}
}

func TestUserAgent(t *testing.T) {
	tests := []struct{ ua, contact, want string }{
		{"LumenBot/0.1 (+https://x.org)", "me@x.org", "LumenBot/0.1 (+https://x.org; mailto:me@x.org)"},
		{"LumenBot/0.1", "me@x.org", "LumenBot/0.1 (mailto:me@x.org)"},
		{"LumenBot/0.1 (me@x.org)", "me@x.org", "LumenBot/0.1 (me@x.org)"},
		{"LumenBot/0.1", "", "LumenBot/0.1"},
	}
	for _, tt := range tests {
		if got := userAgent(tt.ua, tt.contact); got != tt.want {
			t.Errorf("userAgent(%q, %q) = %q, want %q", tt.ua, tt.contact, got, tt.want)
		}
	}
}

func TestConfigAndVersion(t *testing.T) {
	out, _, err := lumenCmd(t, "", "config")
	if err != nil || !strings.Contains(out, "sources:") {
		t.Errorf("config: %v\n%s", err, out)
	}
	out, _, err = lumenCmd(t, "", "version")
	if err != nil || !strings.HasPrefix(out, "lumen ") {
		t.Errorf("version: %v %q", err, out)
	}
	// An unknown flag or argument is a usage error, as for every command (qa4).
	for _, args := range [][]string{{"version", "--bogus"}, {"version", "extra"}} {
		if _, _, err := lumenCmd(t, "", args...); exitCode(err) != exitUsage {
			t.Errorf("lumen %v = %v (exit %d), want exit 2", args, err, exitCode(err))
		}
	}
	if out, _, err := lumenCmd(t, "", "version", "-h"); err != nil || !strings.Contains(out, "Usage: lumen version") {
		t.Errorf("version -h: %v %q", err, out)
	}
}

// startNATS starts a NATS server with JetStream on a free loopback port and
// a temporary store, shut down when the test ends (after the cleanups
// registered later, such as the commands using it).
func startNATS(t *testing.T) *bus.Server {
	t.Helper()
	srv, err := bus.StartServer(bus.ServerOptions{Dir: t.TempDir(), Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	return srv
}
