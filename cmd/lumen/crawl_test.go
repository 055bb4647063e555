package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/demo"
)

// crawl --once fails (exit 1) when any source failed, naming it, even
// when others succeeded: cron and CI must notice. It warns at start when
// PubMed sources are crawled without a contact email.
func TestCrawlOnceExitStatus(t *testing.T) {
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	eutils := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// E-utilities' answer to a term it cannot parse: HTTP 200 with an
		// error element.
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8" ?><eSearchResult><ERROR>Invalid query syntax</ERROR></eSearchResult>`)
	}))
	defer eutils.Close()
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	yaml := fmt.Sprintf(`crawler:
  host_delay: 1ms
sources:
  - name: demo
    kind: web
    urls: [%s/]
    allow_private: true
  - name: pm
    kind: pubmed
    query: "((bad"
    urls: [%s/eutils/]
    allow_private: true
`, site.URL, eutils.URL)
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--config", cfg, "--data", t.TempDir(), "--log-level", "warn")
	if err == nil || exitCode(err) != 1 {
		t.Fatalf("crawl with a failing source: err %v (exit %d), want exit 1\n%s\n%s", err, exitCode(err), out, stderr)
	}
	if msg := err.Error(); !strings.Contains(msg, "1 of 2 sources failed") || !strings.Contains(msg, "source pm failed") ||
		!strings.Contains(msg, "Invalid query syntax") || strings.Contains(msg, "source demo") {
		t.Errorf("error = %q, want the failed source named with its reason", msg)
	}
	if !strings.Contains(out, "index: 3 articles") {
		t.Errorf("the source that worked was not indexed:\n%s", out)
	}
	if !strings.Contains(stderr, "without a contact email") {
		t.Errorf("no warning about the missing NCBI contact:\n%s", stderr)
	}
}

// A placeholder contact is called one, not "no contact" (qa2).
func TestNCBIContactWarning(t *testing.T) {
	for _, tt := range []struct{ contact, want string }{
		{"", "without a contact email"},
		{"nobody", "without a contact email"},
		{"qa@example.org", "placeholder contact email"},
		{"me@lab.example.com", "placeholder contact email"},
		{"ops@test", "placeholder contact email"},
		{"curator@uni-example.org", ""},
		{"me@lab.org", ""},
	} {
		var buf bytes.Buffer
		cfg := config.Defaults()
		cfg.Crawler.Contact = tt.contact
		cfg.Sources = []lumen.Source{{Name: "pm", Kind: lumen.SourcePubMed, Query: "acne"}}
		warnNCBIContact(slog.New(slog.NewTextHandler(&buf, nil)), cfg)
		if got := buf.String(); tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("contact %q: warning %q, want %q", tt.contact, got, tt.want)
		}
	}
}

// With --log-format json, everything crawl --once says on stderr is a JSON
// log line (QA4 found a plain-text line among them), and debug level logs
// each fetched URL with its status.
func TestCrawlOnceJSONLogs(t *testing.T) {
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	_, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--data", t.TempDir(),
		"--log-format", "json", "--log-level", "debug")
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	fetched := 0
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(line, "{") || !strings.HasSuffix(line, "}") {
			t.Errorf("not a JSON log line: %q", line)
			continue
		}
		if strings.Contains(line, `"msg":"fetched"`) && strings.Contains(line, `"status":200`) {
			fetched++
		}
	}
	if fetched < 3 {
		t.Errorf("%d fetched lines at debug level, want one per page (3 articles at least)", fetched)
	}
}
