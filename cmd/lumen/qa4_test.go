package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/demo"
	"github.com/lumen-research/lumen/internal/diskspace"
)

// crawl --once on a data directory below indexer.min_free_bytes stops with
// exit 1 and a message naming the directory and the bytes free, instead of
// letting bleve write on a full disk (qa4 BUG 2: a panic in a goroutine of
// bleve's, exit 2). Nothing is lost: the next run, with room, indexes
// everything. The threshold is set above any disk's free space, so the
// real free space of the test's directory is "too low".
func TestCrawlOnceStopsWhenDiskLow(t *testing.T) {
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfg := func(minFree string) string {
		p := filepath.Join(dir, "lumen-"+minFree+".yaml")
		if err := os.WriteFile(p, []byte("crawler:\n  host_delay: 1ms\nindexer:\n  min_free_bytes: "+minFree+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--data", data,
		"--config", cfg("1000000TiB"), "--log-level", "error")
	if err == nil || exitCode(err) != exitFailure {
		t.Fatalf("crawl on a low disk: err %v (exit %d), want exit 1\n%s\n%s", err, exitCode(err), out, stderr)
	}
	if msg := err.Error(); !strings.Contains(msg, "no space left on "+data+": ") || !strings.Contains(msg, " bytes free") {
		t.Errorf("error = %q, want it to name %s and the bytes free", msg, data)
	}
	if strings.Count(err.Error(), "no space left") != 1 {
		t.Errorf("error says it more than once: %q", err)
	}
	if !strings.Contains(stderr, "level=ERROR") || !strings.Contains(stderr, "free_bytes=") {
		t.Errorf("no ERROR line with the free bytes:\n%s", stderr)
	}
	out, stderr, err = lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--data", data,
		"--config", cfg("0"), "--log-level", "info")
	if err != nil {
		t.Fatalf("crawl with room: %v\n%s\n%s", err, out, stderr)
	}
	if !strings.Contains(out, "index: 3 articles") {
		t.Errorf("after space returned, the index does not hold the site:\n%s\n%s", out, stderr)
	}

	// A rebuild on a low disk stops before writing on, and leaves the
	// index it would have replaced.
	out, stderr, err = lumenCmd(t, "", "reindex", "--data", data, "--config", cfg("1000000TiB"), "--log-level", "error")
	if err == nil || exitCode(err) != exitFailure || !strings.Contains(err.Error(), "no space left on "+data) {
		t.Errorf("reindex on a low disk: %v (exit %d), want exit 1 naming %s\n%s%s", err, exitCode(err), data, out, stderr)
	}
	if ris, _, err := lumenCmd(t, "", "export", "--data", data, "--format", "ris"); err != nil || strings.Count(ris, "TY  - ") != 3 {
		t.Errorf("after the refused reindex, export = %v, %d articles; want 3", err, strings.Count(ris, "TY  - "))
	}
}

// Batches wait while space is low, unacknowledged and not handled, and go
// through once it returns; a batch still waiting when the consumer stops
// fails with the LowError, which wraps lumen.ErrUnavailable (redelivered,
// never dead-lettered).
func TestHoldForSpace(t *testing.T) {
	var free atomic.Uint64
	free.Store(10)
	g := diskspace.New("/data", 1000, diskspace.Options{Free: func(string) (uint64, error) { return free.Load(), nil }})
	var handled atomic.Int32
	h := holdForSpace(context.Background(), g, func(ctx context.Context, evs []int, seqs []uint64) []error {
		handled.Add(int32(len(evs)))
		return nil
	})
	done := make(chan []error, 1)
	go func() { done <- h(context.Background(), []int{1, 2}, []uint64{1, 2}) }()
	select {
	case errs := <-done:
		t.Fatalf("batch handled while space is low: %v", errs)
	case <-time.After(50 * time.Millisecond):
	}
	if handled.Load() != 0 {
		t.Fatal("handler ran while space is low")
	}
	free.Store(1 << 20)
	select {
	case errs := <-done:
		if errs != nil || handled.Load() != 2 {
			t.Errorf("after space returned: errs %v, handled %d", errs, handled.Load())
		}
	case <-time.After(3 * spacePoll):
		t.Fatal("batch still waiting after space returned")
	}

	free.Store(10)
	stop, cancel := context.WithCancel(context.Background())
	cancel()
	errs := holdForSpace(stop, g, func(context.Context, []int, []uint64) []error {
		t.Error("handler ran while space is low")
		return nil
	})(context.Background(), []int{1}, []uint64{1})
	var low *diskspace.LowError
	if len(errs) != 1 || !errors.As(errs[0], &low) || !errors.Is(errs[0], lumen.ErrUnavailable) || errors.Is(errs[0], lumen.ErrInvalid) {
		t.Errorf("stopped while waiting: %v, want the LowError (unavailable, not invalid)", errs)
	}
}

// lumen serve below indexer.min_free_bytes keeps answering searches, says
// why indexing waits in /readyz (degraded, with the reason) and in
// /metrics (lumen_index_paused 1, lumen_data_free_bytes).
func TestServeDegradedWhenDiskLow(t *testing.T) {
	srv := startNATS(t)
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	if err := os.WriteFile(cfg, []byte("indexer:\n  min_free_bytes: 1000000TiB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stop := background(t, "serve", "--nats", srv.ClientURL(), "--config", cfg, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "error")
	defer stop()
	base := waitURL(t, stdout)
	var r struct {
		Status string
		Checks map[string]string
	}
	for deadline := time.Now().Add(30 * time.Second); ; {
		code := getJSON(t, base+"/readyz", &r)
		if code == 200 && r.Status == "degraded" && strings.Contains(r.Checks["disk"], "no space left on") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz = %d %+v, want 200 degraded with the disk's reason", code, r)
		}
		time.Sleep(50 * time.Millisecond)
	}
	var res struct{ Total uint64 }
	if code := getJSON(t, base+"/api/v1/claims?q=acne", &res); code != 200 {
		t.Errorf("search while indexing waits = %d, want 200", code)
	}
	body := metricsText(t, base)
	if !strings.Contains(body, "\nlumen_index_paused 1\n") || !strings.Contains(body, "\nlumen_data_free_bytes ") {
		t.Errorf("metrics do not show the pause:\n%s", grepLines(body, "lumen_index_paused", "lumen_data_free_bytes"))
	}
}

// metricsText is the text of base's /metrics.
func metricsText(t *testing.T, base string) string {
	t.Helper()
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// grepLines are the lines of s that hold any of the words.
func grepLines(s string, words ...string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		for _, w := range words {
			if strings.Contains(l, w) {
				out = append(out, l)
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

// lumen replicas says the range NATS takes, 1 to 5, and refuses what is
// outside it with exit 2 (qa4: the help said "1, 3 or 5" but 2 and 4 were
// taken).
func TestReplicasRange(t *testing.T) {
	for _, args := range [][]string{{"replicas"}, {"replicas", "0"}, {"replicas", "6"}, {"replicas", "three"}} {
		_, _, err := lumenCmd(t, "", append(args, "--nats", "nats://127.0.0.1:1")...)
		if err == nil || exitCode(err) != exitUsage || !strings.Contains(err.Error(), "1 to 5") {
			t.Errorf("lumen %v = %v (exit %d), want exit 2 saying 1 to 5", args, err, exitCode(err))
		}
	}
}

// A page dated with an offset goes through the whole pipeline (crawler,
// NATS, tagger, index, export) on the publisher's calendar day: the QA's
// tz7.html, 2023-12-31T22:00:00-05:00, was cited as 2024 (qa4 BUG 3).
func TestDateWithOffsetEndToEnd(t *testing.T) {
	const page = `<!doctype html><html lang="en"><head><title>Late news on the gut-skin axis</title>
<meta property="article:published_time" content="2023-12-31T22:00:00-05:00"></head><body><article>
<h1>Late news on the gut-skin axis</h1>
<p>Probiotics reduced acne lesions in a randomised trial of adolescents over twelve weeks.</p>
<p>Dysbiosis of the gut microbiome may worsen atopic dermatitis in young children, the authors suggest.</p>
</article></body></html>`
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/tz7.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	defer site.Close()
	data := t.TempDir()
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	if err := os.WriteFile(cfg, []byte("crawler:\n  host_delay: 1ms\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/tz7.html", "--max-depth", "0", "--allow-private",
		"--data", data, "--config", cfg, "--log-level", "error"); err != nil {
		t.Fatalf("crawl: %v\n%s%s", err, out, stderr)
	}
	ris, stderr, err := lumenCmd(t, "", "export", "--data", data, "--format", "ris")
	if err != nil || !strings.Contains(ris, "PY  - 2023\r\n") || !strings.Contains(ris, "DA  - 2023/12/31\r\n") {
		t.Errorf("RIS = %v\n%s%s, want PY 2023 and DA 2023/12/31", err, ris, stderr)
	}
	for _, tt := range []struct {
		filter string
		want   bool
	}{{"published_from=2024-01-01", false}, {"published_to=2023-12-31", true}, {"q=published:2023", true}} {
		csv, _, err := lumenCmd(t, "", "export", "--data", data, "--format", "csv", tt.filter)
		if err != nil {
			t.Fatalf("export %s: %v", tt.filter, err)
		}
		if got := strings.Contains(csv, "2023-12-31"); got != tt.want {
			t.Errorf("export %s holds the claims of 2023-12-31: %v, want %v\n%s", tt.filter, got, tt.want, csv)
		}
	}
}
