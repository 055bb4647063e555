package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/syncbuf"
)

// freeAddr returns a loopback address nothing listens on (for a moment).
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// QA3 doc error 11: lumen work and lumen crawl serve their health endpoints
// at LUMEN_ADDR, or at the configuration's addr, as they do at --addr.
func TestHealthAddrFromEnvAndConfig(t *testing.T) {
	srv := startNATS(t)
	cfgAddr := freeAddr(t)
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	site := httptest.NewServer(http.NotFoundHandler())
	defer site.Close()
	yaml := "addr: " + cfgAddr + "\nsources:\n  - name: s\n    kind: sitemap\n    urls: [" + site.URL + "/sitemap.xml]\n    allow_private: true\n    schedule: \"0 3 1 1 *\"\n"
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	envAddr := freeAddr(t)
	for _, tt := range []struct {
		name string
		env  func(string) string
		args []string
		addr string
	}{
		{"work with LUMEN_ADDR", envOf("LUMEN_ADDR", envAddr), []string{"work", "--nats", srv.ClientURL()}, envAddr},
		{"crawl with addr in the configuration", envOf(), []string{"crawl", "--nats", srv.ClientURL(), "--config", cfg}, cfgAddr},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			var out, errOut syncbuf.Buffer
			go func() {
				done <- run(ctx, append(tt.args, "--log-level", "error"), tt.env, strings.NewReader(""), &out, &errOut)
			}()
			defer cancel()
			deadline := time.Now().Add(30 * time.Second)
			for {
				res, err := http.Get("http://" + tt.addr + "/healthz")
				if err == nil {
					res.Body.Close()
					break
				}
				select {
				case err := <-done:
					t.Fatalf("%s ended before serving: %v\n%s", tt.name, err, errOut.String())
				default:
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s: nothing answers at %s: %v\n%s", tt.name, tt.addr, err, errOut.String())
				}
				time.Sleep(50 * time.Millisecond)
			}
			cancel()
			if err := <-done; err != nil {
				t.Errorf("%s: %v\n%s", tt.name, err, errOut.String())
			}
		})
	}
}

// QA3 minors: help texts that said what is not so.
func TestHelpSlips(t *testing.T) {
	for _, sub := range []string{"list", "revoke"} {
		_, stderr, _ := lumenCmd(t, "", "token", sub, "-h")
		if strings.Contains(stderr, "\n  -role") {
			t.Errorf("lumen token %s -h lists -role:\n%s", sub, stderr)
		}
	}
	if _, stderr, _ := lumenCmd(t, "", "token", "create", "-h"); !strings.Contains(stderr, "\n  -role") {
		t.Errorf("lumen token create -h does not list -role")
	}
	_, stderr, _ := lumenCmd(t, "", "crawl", "-h")
	if strings.Contains(stderr, "(default -1)") || !strings.Contains(stderr, "-max-depth") {
		t.Errorf("lumen crawl -h:\n%s", stderr)
	}
}

// QA3 rough edge 8: serve and run log, at start, that part of the index was
// tagged by another tagger version, and what to run.
func TestWarnStaleTags(t *testing.T) {
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	var logs syncbuf.Buffer
	a := newApp(cfg, slog.New(slog.NewTextHandler(&logs, nil)))
	if err := a.openTagger(); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	a.index = exportData(t, data) // tagged "gutskin+r1", not this tagger
	defer a.index.Close()
	a.warnStaleTags(context.Background())
	if s := logs.String(); !strings.Contains(s, "lumen reindex --retag") || !strings.Contains(s, "stale_articles=2") || !strings.Contains(s, "gutskin+r1=2") {
		t.Errorf("log at start = %q, want the retag advice with the counts", s)
	}
}
