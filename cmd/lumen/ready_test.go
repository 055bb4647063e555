package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
)

// lumen serve answers searches from its index while NATS is away: /readyz
// stays 200 with status "degraded" and the reason under checks, so that a
// NATS blip does not take every API server out of a load balancer (qa3).
func TestServeDegradedWithoutNATS(t *testing.T) {
	srv := startNATS(t)
	stdout, stop := background(t, "serve", "--nats", srv.ClientURL(), "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "error")
	defer stop()
	base := waitURL(t, stdout)
	waitReady(t, base)

	srv.Shutdown()
	type ready struct {
		Status string
		Checks map[string]string
	}
	var r ready
	for deadline := time.Now().Add(30 * time.Second); ; {
		r = ready{}
		code := getJSON(t, base+"/readyz", &r)
		if strings.HasPrefix(r.Checks["nats"], "degraded") {
			if code != 200 || r.Status != "degraded" {
				t.Errorf("readyz with NATS down = %d %+v, want 200 degraded", code, r)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz never noticed NATS is down: %d %+v", code, r)
		}
		time.Sleep(50 * time.Millisecond)
	}
	var res struct{ Total uint64 }
	if code := getJSON(t, base+"/api/v1/claims?q=acne", &res); code != 200 {
		t.Errorf("search with NATS down = %d, want 200", code)
	}
	var h struct{ Status string }
	if code := getJSON(t, base+"/healthz", &h); code != 200 {
		t.Errorf("healthz with NATS down = %d, want 200", code)
	}
}

// A second lumen serve with the index name of a running one (here both
// unnamed) would split the articles and decisions between them: it refuses
// to start, naming indexer.name. Once the first has stopped, it starts.
func TestServeRefusesIndexerNameInUse(t *testing.T) {
	srv := startNATS(t)
	stdout, stop := background(t, "serve", "--nats", srv.ClientURL(), "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "error")
	waitURL(t, stdout)

	data := t.TempDir()
	out, stderr, err := lumenCmd(t, "", "serve", "--nats", srv.ClientURL(), "--data", data, "--addr", "127.0.0.1:0", "--log-level", "error")
	if err == nil || exitCode(err) != exitUsage || !strings.Contains(err.Error(), "indexer.name") || !strings.Contains(err.Error(), "in use by another lumen serve") {
		t.Fatalf("second serve with the same index name = %v (exit %d), want exit %d naming indexer.name\n%s%s", err, exitCode(err), exitUsage, out, stderr)
	}
	// Another name is welcome meanwhile.
	east := filepath.Join(t.TempDir(), "east.yaml")
	if err := os.WriteFile(east, []byte("indexer:\n  name: east\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout2, stop2 := background(t, "serve", "--nats", srv.ClientURL(), "--config", east, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "error")
	waitReady(t, waitURL(t, stdout2))
	if err := stop2(); err != nil {
		t.Fatal(err)
	}

	if err := stop(); err != nil {
		t.Fatal(err)
	}
	stdout, stop = background(t, "serve", "--nats", srv.ClientURL(), "--data", data, "--addr", "127.0.0.1:0", "--log-level", "error")
	defer stop()
	waitReady(t, waitURL(t, stdout))
}

// A --nats URL that can never work fails at once, naming it, instead of
// being retried for two minutes like a server not up yet (qa3).
func TestBadNATSURLFailsFast(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"token", "list", "--nats", "http://127.0.0.1:4222"}, exitUsage, `nats.url: "http://127.0.0.1:4222": scheme "http" is not one of nats, tls, ws, wss`},
		{[]string{"work", "--nats", "nats://no-such-host.invalid:4222"}, exitFailure, "no such host no-such-host.invalid"},
		{[]string{"serve", "--nats", "nats://nats-a.invalid:4222,nats://nats-b.invalid:4222", "--data", t.TempDir()}, exitFailure, "no such host nats-a.invalid, nats-b.invalid"},
	} {
		t.Run(tc.args[0], func(t *testing.T) {
			out, stderr, err := lumenCmd(t, "", append(tc.args, "--log-level", "error")...)
			if exitCode(err) != tc.code || err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("lumen %s = %v (exit %d), want exit %d with %q\n%s%s", strings.Join(tc.args, " "), err, exitCode(err), tc.code, tc.want, out, stderr)
			}
		})
	}
}

// A lumen serve whose index name another process took (it was cut off from
// NATS longer than its lease) is not ready, saying why, until it has the
// name back.
func TestServeNotReadyWhenIndexerNameTaken(t *testing.T) {
	ctx := context.Background()
	srv := startNATS(t)
	stdout, stop := background(t, "serve", "--nats", srv.ClientURL(), "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "error")
	defer stop()
	base := waitURL(t, stdout)
	waitReady(t, base)

	b := bustest.ConnectWith(t, bus.Options{URL: srv.ClientURL()})
	kv, err := b.KVWithTTL(ctx, bucketIndexers, indexerLeaseTTL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Put(ctx, bus.ConsumerIndexer, []byte(`{"host":"elsewhere","pid":1,"data":"/srv/lumen"}`)); err != nil {
		t.Fatal(err)
	}
	waitReadyz := func(wantCode int, check func(map[string]string) bool) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); ; {
			var r struct {
				Status string
				Checks map[string]string
			}
			code := getJSON(t, base+"/readyz", &r)
			if code == wantCode && check(r.Checks) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("readyz = %d %+v, want %d", code, r, wantCode)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitReadyz(503, func(c map[string]string) bool {
		return strings.Contains(c["indexer"], "indexer.name") && strings.Contains(c["indexer"], "elsewhere")
	})
	if err := kv.Delete(ctx, bus.ConsumerIndexer); err != nil {
		t.Fatal(err)
	}
	waitReadyz(200, func(c map[string]string) bool { return c["indexer"] == "ok" })
}
