package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
)

// The roles against a 3-node NATS cluster with every stream and bucket
// replicated three times: a node killed mid-ingest and brought back, then
// another node's store wiped: every article is indexed exactly once and
// nothing is lost.
func TestReplicatedCluster(t *testing.T) {
	realData(t) // the fixture's claim count is the one to reach
	want := fixtureClaims(t)
	c := bustest.StartCluster(t, 3)

	// The fixture's site, slowed down so that the ingest takes long enough
	// to kill a node in the middle of it; the kill follows the requests.
	h, err := corpusHandler(fixtureArticles)
	if err != nil {
		t.Fatal(err)
	}
	var requests atomic.Int32
	killAt, restartAt := make(chan struct{}), make(chan struct{})
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch requests.Add(1) {
		case fixtureArticles / 4:
			close(killAt)
		case fixtureArticles * 3 / 4:
			close(restartAt)
		}
		time.Sleep(20 * time.Millisecond)
		h.ServeHTTP(w, r)
	}))
	defer site.Close()

	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	if err := os.WriteFile(cfg, []byte("nats:\n  replicas: 3\ncrawler:\n  host_delay: 1ms\n  host_concurrency: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	stdout, stopServe := background(t, "serve", "--nats", c.URL(), "--config", cfg, "--data", data, "--addr", "127.0.0.1:0", "--log-level", "error")
	base := waitURL(t, stdout)
	background(t, "work", "--nats", c.URL(), "--config", cfg, "--log-level", "error")

	go func() {
		<-killAt
		c.Kill(1)
		<-restartAt
		c.Restart(1)
	}()
	out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--nats", c.URL(), "--config", cfg, "--log-level", "error")
	if err != nil {
		t.Fatalf("crawl with a node killed mid-way: %v\n%s%s", err, out, stderr)
	}
	<-restartAt
	waitClaims(t, base, "size=1", uint64(want))
	if got := totalClaims(t, base); got != want {
		t.Errorf("%d claims indexed, want exactly %d", got, want)
	}
	waitReady(t, base)
	if err := stopServe(); err != nil {
		t.Fatal(err)
	}
	if a, cl := counts(t, data); a != fixtureArticles || int(cl) != want {
		t.Errorf("index: %d articles, %d claims; want %d, %d", a, cl, fixtureArticles, want)
	}

	// Every stream and bucket is replicated on all three nodes.
	b := bustest.ConnectWith(t, bus.Options{URL: c.URL(), Replicas: 3})
	states, err := b.StreamStates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, st := range states {
		names[st.Name] = true
		if st.Replicas != 3 {
			t.Errorf("stream %s has %d replicas, want 3", st.Name, st.Replicas)
		}
	}
	for _, n := range []string{bus.StreamArticles, bus.StreamTagged, bus.StreamDead, "KV_" + bucketCrawlState, "KV_" + bucketCrawlRuns} {
		if !names[n] {
			t.Errorf("no stream %s among %v", n, names)
		}
	}

	// A node's store wiped: it catches up from the others, and the data
	// rebuilt from the cluster is whole.
	c.Wipe(2)
	c.Restart(2)
	c.WaitReady()
	out, stderr, err = lumenCmd(t, "", "check", "--nats", c.URL(), "--config", cfg, "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, "result: clean") {
		t.Errorf("check after a node's store was wiped: %v\n%s%s", err, out, stderr)
	}
	data2 := t.TempDir()
	out, stderr, err = lumenCmd(t, "", "reindex", "--nats", c.URL(), "--config", cfg, "--data", data2, "--log-level", "error")
	if err != nil || !strings.Contains(out, "index rebuilt: "+strconv.Itoa(fixtureArticles)+" articles, "+strconv.Itoa(want)+" claims") {
		t.Errorf("reindex from the cluster after a wipe: %v\n%s%s", err, out, stderr)
	}
}

// No process lowers the copies of a replicated cluster's streams and
// buckets by being started without nats.replicas: not the read-only
// commands (which change no configuration at all), not a role. Only lumen
// replicas N does, when asked.
func TestReplicasNeverLoweredImplicitly(t *testing.T) {
	ctx := context.Background()
	c := bustest.StartCluster(t, 3)
	r3 := bustest.ConnectWith(t, bus.Options{URL: c.URL(), Replicas: 3})
	for _, name := range []string{bucketTokens, bucketCrawlState, bucketCrawlIDs, bucketCrawlRuns} {
		if _, err := r3.KV(ctx, name); err != nil {
			t.Fatal(err)
		}
	}
	replicas := func() map[string]int {
		t.Helper()
		states, err := r3.StreamStates(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, st := range states {
			got[st.Name] = st.Replicas
		}
		return got
	}
	want3 := func(after string) {
		t.Helper()
		got := replicas()
		if len(got) < 9 {
			t.Fatalf("after %s: only %v", after, got)
		}
		for name, n := range got {
			if n != 3 {
				t.Errorf("after %s: %s has %d replicas, want 3", after, name, n)
			}
		}
	}
	want3("setup")

	for _, args := range [][]string{
		{"token", "create", "alice", "--role", "curator"},
		{"token", "list"},
		{"check"},
		{"deadletters", "list"},
	} {
		args = append(args, "--nats", c.URL(), "--data", t.TempDir(), "--log-level", "error")
		if out, stderr, err := lumenCmd(t, "", args...); err != nil {
			t.Fatalf("lumen %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr)
		}
		want3("lumen " + args[0] + " " + args[1])
	}
	// A role started without nats.replicas (a worker on another host)
	// connects like this.
	r1 := bustest.ConnectWith(t, bus.Options{URL: c.URL()})
	if err := r1.EnsureConsumers(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := r1.KV(ctx, bucketCrawlState); err != nil {
		t.Fatal(err)
	}
	want3("a role without nats.replicas")

	// Lowering is an operator's explicit act.
	out, stderr, err := lumenCmd(t, "", "replicas", "1", "--nats", c.URL(), "--log-level", "error")
	if err != nil || !strings.Contains(out, "LUMEN_REVIEWS: 3 -> 1 replicas") {
		t.Fatalf("lumen replicas 1: %v\n%s%s", err, out, stderr)
	}
	for name, n := range replicas() {
		if n != 1 {
			t.Errorf("after lumen replicas 1: %s has %d replicas, want 1", name, n)
		}
	}
}
