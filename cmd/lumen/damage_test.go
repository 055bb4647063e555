//go:build unix

package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
)

// The damage cases of issue 13, each on a copy of a real data directory
// (realData): a clear error or an automatic repair, never a panic, never a
// silent shrink, never "ready" with data missing.

func streamBlock(data, stream string) string {
	return filepath.Join(data, "nats", "jetstream", "$G", "streams", stream, "msgs", "1.blk")
}

// garbleFile inverts n bytes of the file at off (-1: the middle).
func garbleFile(t *testing.T, path string, off, n int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if off < 0 {
		off = int64(len(b)) / 2
	}
	for i := off; i < off+n && i < int64(len(b)); i++ {
		b[i] = ^b[i] ^ byte(i*31)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func truncateHalf(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, info.Size()/2); err != nil {
		t.Fatal(err)
	}
}

// fixtureClaims is how many claims the fixture's crawl indexed.
func fixtureClaims(t *testing.T) int {
	t.Helper()
	buildFixture(t)
	m := regexp.MustCompile(`index: (\d+) articles, (\d+) claims`).FindStringSubmatch(fixture.out)
	if m == nil || m[1] != strconv.Itoa(fixtureArticles) {
		t.Fatalf("fixture crawl:\n%s", fixture.out)
	}
	n, _ := strconv.Atoi(m[2])
	if n < fixtureArticles {
		t.Fatalf("fixture has %d claims, want at least one per article", n)
	}
	return n
}

// counts opens the index of a data directory and counts it.
func counts(t *testing.T, data string) (articles, claims uint64) {
	t.Helper()
	ix, err := indexer.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	defer ix.Close()
	a, c, err := ix.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return a, c
}

// checkClean runs lumen check and wants it clean.
func checkClean(t *testing.T, data string) {
	t.Helper()
	out, stderr, err := lumenCmd(t, "", "check", "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, "result: clean") {
		t.Errorf("lumen check after the repair: %v (exit %d)\n%s%s", err, exitCode(err), out, stderr)
	}
}

// serveReady starts lumen serve on data and waits until /readyz says
// ready, failing on any answer that is not 200 or 503 meanwhile.
func serveReady(t *testing.T, data string, args ...string) (base string, stop func() error) {
	t.Helper()
	stdout, stop := background(t, append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "error"}, args...)...)
	base = waitURL(t, stdout)
	waitReady(t, base)
	return base, stop
}

// totalClaims asks the API how many claims it serves.
func totalClaims(t *testing.T, base string) int {
	t.Helper()
	var c claimsResponse
	if code := getJSON(t, base+"/api/v1/claims?size=1", &c); code != 200 {
		t.Fatalf("claims = %d", code)
	}
	return int(c.Total)
}

// 4 KiB garbled in the middle of the articles stream: lumen check finds the
// lost articles (and the crawl state that points at them) and exits
// non-zero; --repair publishes them again from their copies in the tagged
// stream; lumen check is clean afterwards, and a new crawl finds every page
// unchanged (nothing to fetch again, nothing lost).
func TestDamageArticlesStreamGarbled(t *testing.T) {
	data := realData(t)
	garbleFile(t, streamBlock(data, bus.StreamArticles), -1, 4096)

	out, _, err := lumenCmd(t, "", "check", "--data", data, "--log-level", "error")
	if exitCode(err) != exitDamaged || !strings.Contains(out, "article_lost") || !strings.Contains(out, "DAMAGE") {
		t.Fatalf("lumen check of a garbled articles stream: %v (exit %d)\n%s", err, exitCode(err), out)
	}
	out, stderr, err := lumenCmd(t, "", "check", "--repair", "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, "repaired") {
		t.Fatalf("lumen check --repair: %v\n%s%s", err, out, stderr)
	}
	if !strings.Contains(out, "LUMEN_ARTICLES  articles "+strconv.Itoa(fixtureArticles)) {
		t.Errorf("after the repair the articles stream should hold %d articles:\n%s", fixtureArticles, out)
	}
	checkClean(t, data)
	out, stderr, err = lumenCmd(t, "", "crawl", "--once", "--seed", fixture.site.URL+"/", "--allow-private", "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, "index: "+strconv.Itoa(fixtureArticles)+" articles") {
		t.Errorf("crawl after the repair: %v\n%s%s", err, out, stderr)
	}
}

// The tagged stream truncated to half: reindex refuses to replace the
// complete index with a smaller one and says what to run; check --repair
// tags the lost half again; reindex then rebuilds it whole.
func TestDamageTaggedStreamTruncated(t *testing.T) {
	data := realData(t)
	want := fixtureClaims(t)
	truncateHalf(t, streamBlock(data, bus.StreamTagged))

	out, _, err := lumenCmd(t, "", "reindex", "--data", data, "--log-level", "error")
	if err == nil || exitCode(err) != exitFailure || !strings.Contains(err.Error(), "not replaced") || !strings.Contains(err.Error(), "lumen check --repair") {
		t.Fatalf("reindex from a truncated stream: %v (exit %d)\n%s", err, exitCode(err), out)
	}
	if a, c := counts(t, data); a != fixtureArticles || int(c) != want {
		t.Errorf("index after the refused reindex: %d articles, %d claims; want %d, %d", a, c, fixtureArticles, want)
	}
	if out, stderr, err := lumenCmd(t, "", "check", "--repair", "--data", data, "--log-level", "error"); err != nil {
		t.Fatalf("check --repair: %v\n%s%s", err, out, stderr)
	}
	checkClean(t, data)
	out, _, err = lumenCmd(t, "", "reindex", "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, "index rebuilt: "+strconv.Itoa(fixtureArticles)+" articles, "+strconv.Itoa(want)+" claims") {
		t.Errorf("reindex after the repair: %v\n%s", err, out)
	}
}

// The index directory deleted: serve does not report ready with nothing to
// serve; it rebuilds the index from the stream and serves every claim.
// crawl --once rebuilds it too before crawling.
func TestDamageIndexDeleted(t *testing.T) {
	data := realData(t)
	want := fixtureClaims(t)
	os.RemoveAll(filepath.Join(data, "index"))
	base, stop := serveReady(t, data)
	if got := totalClaims(t, base); got != want {
		t.Errorf("serve after the index was deleted: %d claims, want %d", got, want)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	checkClean(t, data)

	os.RemoveAll(filepath.Join(data, "index"))
	out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", fixture.site.URL+"/", "--allow-private", "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, "index: "+strconv.Itoa(fixtureArticles)+" articles, "+strconv.Itoa(want)+" claims") {
		t.Errorf("crawl --once after the index was deleted: %v\n%s%s", err, out, stderr)
	}
}

// Damaged index files (the bolt file that lists the segments, a segment,
// the index description): no panic anywhere; serve rebuilds the index from
// the stream into a new directory and swaps it in (the damaged one kept
// aside); reindex rebuilds without opening the damaged index.
func TestDamageIndexFiles(t *testing.T) {
	want := fixtureClaims(t)
	firstSegment := func(t *testing.T, data string) string {
		m, _ := filepath.Glob(filepath.Join(data, "index", "store", "*.zap"))
		if len(m) == 0 {
			t.Fatal("no segment")
		}
		return m[0]
	}
	tests := []struct {
		name   string
		damage func(t *testing.T, data string)
	}{
		{"root.bolt garbled", func(t *testing.T, data string) {
			garbleFile(t, filepath.Join(data, "index", "store", "root.bolt"), 8192, 1<<30)
		}},
		{"root.bolt truncated", func(t *testing.T, data string) { truncateHalf(t, filepath.Join(data, "index", "store", "root.bolt")) }},
		{"segment truncated", func(t *testing.T, data string) { truncateHalf(t, firstSegment(t, data)) }},
		{"segment garbled", func(t *testing.T, data string) { garbleFile(t, firstSegment(t, data), -1, 4096) }},
		{"index_meta.json deleted", func(t *testing.T, data string) { os.Remove(filepath.Join(data, "index", "index_meta.json")) }},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := realData(t)
			tt.damage(t, data)
			switch i {
			case 0:
				// reindex: never opens the damaged index.
				out, stderr, err := lumenCmd(t, "", "reindex", "--data", data, "--log-level", "error")
				if err != nil || !strings.Contains(out, strconv.Itoa(want)+" claims") || !strings.Contains(out, "index.damaged") {
					t.Fatalf("reindex of a damaged index: %v\n%s%s", err, out, stderr)
				}
				checkClean(t, data)
				return
			case 1:
				// crawl --once: rebuilds before it crawls.
				out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", fixture.site.URL+"/", "--allow-private", "--data", data, "--log-level", "error")
				if err != nil || !strings.Contains(out, "index: "+strconv.Itoa(fixtureArticles)+" articles, "+strconv.Itoa(want)+" claims") {
					t.Fatalf("crawl --once on a damaged index: %v\n%s%s", err, out, stderr)
				}
				checkClean(t, data)
				return
			}
			base, stop := serveReady(t, data)
			if got := totalClaims(t, base); got != want {
				t.Errorf("serve after %s: %d claims, want %d", tt.name, got, want)
			}
			if err := stop(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(data, "index.damaged")); err != nil {
				t.Errorf("the damaged index was not kept: %v", err)
			}
			checkClean(t, data)
		})
	}
}

// A garbled consumer state file: serve recreates the consumer from the
// index's high-water mark and keeps serving, instead of stopping after
// "Lumen is serving".
func TestDamageConsumerState(t *testing.T) {
	data := realData(t)
	want := fixtureClaims(t)
	state := filepath.Join(data, "nats", "jetstream", "$G", "streams", bus.StreamTagged, "obs", bus.ConsumerIndexer, "o.dat")
	garbleFile(t, state, 0, 1<<20)
	base, stop := serveReady(t, data)
	if got := totalClaims(t, base); got != want {
		t.Errorf("serve with a garbled consumer state: %d claims, want %d", got, want)
	}
	// The indexer consumes: a new crawl in another process reaches it.
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	checkClean(t, data)
}

// With repairs off, damage found by serve's check shows in /readyz with the
// reason, and in /metrics.
func TestDamageShowsInReadyzAndMetrics(t *testing.T) {
	data := realData(t)
	garbleFile(t, streamBlock(data, bus.StreamArticles), -1, 4096)
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	if err := os.WriteFile(cfg, []byte("check:\n  repair: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _ := background(t, "serve", "--data", data, "--config", cfg, "--addr", "127.0.0.1:0", "--log-level", "error")
	base := waitURL(t, stdout)
	deadline := time.Now().Add(60 * time.Second)
	for {
		var r struct{ Checks map[string]string }
		code := getJSON(t, base+"/readyz", &r)
		if code == 503 && strings.Contains(r.Checks["data"], "article_lost") && strings.Contains(r.Checks["data"], "lumen check --repair") {
			break
		}
		if code == 200 || time.Now().After(deadline) {
			t.Fatalf("readyz = %d %v, want 503 naming the damage", code, r.Checks)
		}
		time.Sleep(50 * time.Millisecond)
	}
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !regexp.MustCompile(`lumen_integrity_problems\{kind="article_lost"\} [1-9]`).Match(body) ||
		!regexp.MustCompile(`lumen_integrity_checks_total\{result="damaged"\} [1-9]`).Match(body) {
		t.Errorf("metrics do not show the damage:\n%s", regexp.MustCompile(`(?m)^lumen_integrity.*$`).FindAll(body, -1))
	}
}

// A message no consumer can handle ends in the dead letters, with why;
// lumen deadletters lists it and re-queues it.
func TestDeadLettersCommand(t *testing.T) {
	data := realData(t)
	srv, err := bus.StartServer(bus.ServerOptions{Dir: filepath.Join(data, "nats")})
	if err != nil {
		t.Fatal(err)
	}
	b, err := bus.Connect(context.Background(), bus.Options{Server: srv, Name: t.Name()})
	if err != nil {
		t.Fatal(err)
	}
	js := bustest.JetStream(t, srv)
	if _, err := js.Publish(context.Background(), bus.SubjectFetched+".0123456789abcdef0123456789abcdef", []byte("{garbage")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- b.ConsumeFetched(ctx, 1, func(context.Context, lumen.ArticleFetched) error { return nil })
	}()
	deadline := time.Now().Add(30 * time.Second)
	for {
		dls, err := b.DeadLetters(context.Background())
		if err == nil && len(dls) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no dead letter: %v %v", dls, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	b.Close()
	srv.Shutdown()

	out, stderr, err := lumenCmd(t, "", "deadletters", "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, "undecodable") || !strings.Contains(out, bus.StreamArticles) {
		t.Fatalf("deadletters list: %v\n%s%s", err, out, stderr)
	}
	id := strings.Fields(strings.Split(out, "\n")[1])[0]
	out, _, err = lumenCmd(t, "", "deadletters", "replay", id, "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, id+": requeued") {
		t.Errorf("deadletters replay %s: %v\n%s", id, err, out)
	}
	out, _, err = lumenCmd(t, "", "deadletters", "--data", data, "--log-level", "error")
	if err != nil || !strings.Contains(out, "no dead letters") {
		t.Errorf("after the replay: %v\n%s", err, out)
	}
}
