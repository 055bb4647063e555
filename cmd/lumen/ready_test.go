package main

import (
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen/internal/bus"
)

// lumen serve answers searches from its index while NATS is away: /readyz
// stays 200 with status "degraded" and the reason under checks, so that a
// NATS blip does not take every API server out of a load balancer (qa3).
func TestServeDegradedWithoutNATS(t *testing.T) {
	srv, err := bus.StartServer(bus.ServerOptions{Dir: t.TempDir(), Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
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
