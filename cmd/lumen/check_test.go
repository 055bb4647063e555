package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
	"github.com/lumen-research/lumen/internal/demo"
	"github.com/lumen-research/lumen/internal/syncbuf"
	"github.com/nats-io/nats.go/jetstream"
)

// lumen check --nats, where the index is another process's: it says the
// index was not checked rather than "clean", and articles the crawl state
// names that both streams lost are damage (exit 4), not silence (qa2).
func TestCheckOverNATSWithoutIndex(t *testing.T) {
	srv := startNATS(t)
	natsURL := srv.ClientURL()
	cfg := crawlDemoOnce(t, natsURL)
	data := t.TempDir() // no index here
	out, stderr, err := lumenCmd(t, "", "check", "--nats", natsURL, "--config", cfg, "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, "result: incomplete") || !strings.Contains(out, "index was not checked") {
		t.Fatalf("check --nats of whole streams: %v (exit %d)\n%s%s", err, exitCode(err), out, stderr)
	}

	s, err := bustest.JetStream(t, srv).Stream(context.Background(), bus.StreamArticles)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Purge(context.Background(), jetstream.WithPurgeKeep(1)); err != nil {
		t.Fatal(err)
	}
	out, stderr, err = lumenCmd(t, "", "check", "--nats", natsURL, "--config", cfg, "--data", data, "--log-level", "error")
	if exitCode(err) != exitDamaged || !strings.Contains(out, "article_lost") || !strings.Contains(out, "2 articles the crawl state names") ||
		!strings.Contains(out, "result: damaged") || !strings.Contains(err.Error(), "--data DIR") {
		t.Fatalf("check --nats after losing 2 of 3 articles: %v (exit %d), want exit %d naming them\n%s%s", err, exitCode(err), exitDamaged, out, stderr)
	}
}

// lumen_dead_letters counts a dead letter when it is written, not at the
// next data check (qa2: 0 for up to 15 minutes while lumen deadletters
// listed 2, so an alert on it fired late).
func TestDeadLettersMetricIsCurrent(t *testing.T) {
	srv := startNATS(t)
	stdout, _ := background(t, "serve", "--nats", srv.ClientURL(), "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "error")
	base := waitURL(t, stdout)
	waitReady(t, base) // the check at start has run, and found no dead letter
	metric := func() string {
		res, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return regexp.MustCompile(`(?m)^lumen_dead_letters .*$`).FindString(string(body))
	}
	if m := metric(); m != "lumen_dead_letters 0" {
		t.Fatalf("before any dead letter: %q", m)
	}
	js := bustest.JetStream(t, srv)
	if _, err := js.Publish(context.Background(), bus.SubjectTagged+".0123456789abcdef0123456789abcdef", []byte("{garbage")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for m := metric(); m != "lumen_dead_letters 1"; m = metric() {
		if time.Now().After(deadline) {
			t.Fatalf("after a dead letter: %q, want lumen_dead_letters 1", m)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// serve says in its log that it is shutting down and that it stopped, so
// that a clean stop is told from a crash (qa2: serve logged nothing).
func TestServeLogsItsShutdown(t *testing.T) {
	var out, errOut syncbuf.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "info"}, envOf(), strings.NewReader(""), &out, &errOut)
	}()
	waitURL(t, &out)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not stop")
	}
	log := errOut.String()
	if !strings.Contains(log, "shutting down") || !strings.Contains(log, "reason=signal") || !strings.Contains(log, "msg=stopped") {
		t.Errorf("serve's log does not say it shut down:\n%s", log)
	}
}

// lumen check without --repair creates no consumer; against a deployment of
// named indexes it measures what each has to read, not the backlog of an
// unnamed index nobody runs (qa3).
func TestCheckCreatesNothingAndSeesNamedIndexes(t *testing.T) {
	ctx := context.Background()
	srv := startNATS(t)
	natsURL := srv.ClientURL()
	cfg := crawlDemoOnce(t, natsURL)
	_, stopWork := background(t, "work", "--nats", natsURL, "--log-level", "error")
	b := bustest.ConnectWith(t, bus.Options{URL: natsURL})
	for deadline := time.Now().Add(time.Minute); ; {
		if tagged := streamMsgs(t, b, bus.StreamTagged); tagged == 3 {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("%d articles tagged, want 3", tagged)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := stopWork(); err != nil {
		t.Fatal(err)
	}
	// A named index's consumers, as lumen serve with indexer.name: alpha
	// makes them; nothing reads them here, so the tagged articles wait.
	js := bustest.JetStream(t, srv)
	for _, c := range [][2]string{{bus.StreamTagged, "indexer-alpha"}, {bus.StreamReviews, "review-indexer-alpha"}} {
		if _, err := js.CreateOrUpdateConsumer(ctx, c[0], jetstream.ConsumerConfig{Durable: c[1], AckPolicy: jetstream.AckExplicitPolicy}); err != nil {
			t.Fatal(err)
		}
	}
	consumers := func() []string {
		t.Helper()
		var names []string
		for _, stream := range []string{bus.StreamArticles, bus.StreamTagged, bus.StreamReviews} {
			s, err := js.Stream(ctx, stream)
			if err != nil {
				t.Fatal(err)
			}
			l := s.ListConsumers(ctx)
			for info := range l.Info() {
				if info.Config.Durable != "" { // not the check's own ordered readers
					names = append(names, stream+"/"+info.Name)
				}
			}
		}
		slices.Sort(names)
		return names
	}
	before := consumers()

	out, stderr, err := lumenCmd(t, "", "check", "--nats", natsURL, "--config", cfg, "--data", t.TempDir(), "--log-level", "error")
	if err != nil {
		t.Fatalf("check: %v\n%s%s", err, out, stderr)
	}
	if after := consumers(); !slices.Equal(after, before) {
		t.Errorf("consumers after lumen check = %v, want %v (as before)", after, before)
	}
	if !regexp.MustCompile(`index alpha +3 to index +0 decisions to apply`).MatchString(out) || strings.Contains(out, "problem") {
		t.Errorf("check of a named deployment:\n%s", out)
	}
}

func streamMsgs(tb testing.TB, b *bus.Bus, name string) uint64 {
	tb.Helper()
	states, err := b.StreamStates(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	for _, st := range states {
		if st.Name == name {
			return st.Msgs
		}
	}
	return 0
}

// crawlDemoOnce crawls the demo site once into the NATS at natsURL and
// returns the configuration file it used (a short host delay).
func crawlDemoOnce(t *testing.T, natsURL string) string {
	t.Helper()
	site := httptest.NewServer(demo.Handler())
	t.Cleanup(site.Close)
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	if err := os.WriteFile(cfg, []byte("crawler:\n  host_delay: 1ms\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--nats", natsURL, "--config", cfg, "--log-level", "error"); err != nil {
		t.Fatalf("crawl: %v\n%s%s", err, out, stderr)
	}
	return cfg
}
