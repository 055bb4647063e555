package config

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

func writeFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "lumen.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func noEnv(string) string { return "" }

func TestDefaultIsValid(t *testing.T) {
	cfg, err := Load("", noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("shipped configuration invalid: %v", err)
	}
	if len(cfg.Sources) < 3 {
		t.Errorf("shipped configuration has %d sources", len(cfg.Sources))
	}
	kinds := map[string]bool{}
	for _, s := range cfg.Sources {
		kinds[s.Kind] = true
	}
	for _, k := range []string{lumen.SourcePubMed, lumen.SourceEuropePMC} {
		if !kinds[k] {
			t.Errorf("shipped configuration has no %s source", k)
		}
	}
}

func TestLoadFileAndEnv(t *testing.T) {
	p := writeFile(t, `
data: /var/lib/lumen
crawler:
  host_delay: 2s
sources:
  - name: blog
    kind: web
    urls: [https://example.org/]
    max_depth: 0
    recrawl: 72h
`)
	env := map[string]string{"LUMEN_ADDR": "0.0.0.0:9000", "LUMEN_NATS_URL": "nats://nats:4222"}
	cfg, err := Load(p, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if cfg.Data != "/var/lib/lumen" || cfg.Addr != "0.0.0.0:9000" || cfg.NATS.URL != "nats://nats:4222" {
		t.Errorf("cfg = %+v", cfg)
	}
	if cfg.Crawler.HostDelay != 2*time.Second || cfg.Crawler.Timeout != 30*time.Second {
		t.Errorf("crawler = %+v, want the file's delay and the default timeout", cfg.Crawler)
	}
	if len(cfg.Sources) != 1 || *cfg.Sources[0].MaxDepth != 0 || cfg.Sources[0].Recrawl != 72*time.Hour {
		t.Errorf("sources = %+v, want only the file's source", cfg.Sources)
	}
}

func TestInvalidConfigNamesTheField(t *testing.T) {
	tests := []struct {
		yaml  string
		field string
	}{
		{"sources:\n  - {name: a, kind: web, urls: [ftp://example.org/]}\n", "sources[0].urls[0]"},
		{"sources:\n  - {name: a, kind: web, urls: []}\n", "sources[0].urls"},
		{"sources:\n  - {name: a, kind: rss, urls: [https://x.org/]}\n", "sources[0].kind"},
		{"sources:\n  - {name: a, kind: pubmed}\n", "sources[0].query"},
		{"sources:\n  - {name: a, kind: web, urls: [https://x.org/], allow: ['(']}\n", "sources[0].allow[0]"},
		{"sources:\n  - {name: a, kind: web, urls: [https://x.org/]}\n  - {name: a, kind: web, urls: [https://y.org/]}\n", "sources[1].name"},
		{"addr: nonsense\n", "addr"},
		{"addr: 127.0.0.1:99999\n", "addr"},
		{"crawler:\n  timeout: 0s\n", "crawler.timeout"},
		// Nonsense accepted before (qa4).
		{"crawler:\n  timeout: 1ns\n", "crawler.timeout"},
		{"crawler:\n  timeout: 2h\n", "crawler.timeout"},
		{"crawler:\n  host_concurrency: 100000\n", "crawler.host_concurrency"},
		{"crawler:\n  concurrency: 100000\n", "crawler.concurrency"},
		{"memory_limit: 1KiB\n", "memory_limit"},
		{"memory_limit: 63MiB\n", "memory_limit"},
		{"indexer:\n  min_free_bytes: lots\n", "indexer.min_free_bytes"},
		{"nats:\n  url: localhost\n", "nats.url"},
		// Refused at once rather than retried for 2 minutes (qa3).
		{"nats:\n  url: http://127.0.0.1:4222\n", "nats.url"},
		{"nats:\n  url: nats://a:4222,https://b:4222\n", "nats.url"},
		{"nats:\n  url: nats://:4222\n", "nats.url"},
		{"log_level: loud\n", "log_level"},
		{"indexer:\n  name: eu.west\n", "indexer.name"},
		{"indexer:\n  name: \"a b\"\n", "indexer.name"},
		// An idle server checking every nanosecond burned a core (qa2).
		{"check:\n  interval: 1ns\n", "check.interval"},
		{"check:\n  interval: 15ns\n", "check.interval"},
		{"check:\n  interval: 59s\n", "check.interval"},
		{"check:\n  interval: -1m\n", "check.interval"},
		{"review:\n  trusted_proxies: [127.0.0.1, nginx]\n", "review.trusted_proxies[1]"},
		{"review:\n  trusted_proxies: [10.0.0.0/33]\n", "review.trusted_proxies[0]"},
	}
	for _, tt := range tests {
		cfg, err := Load(writeFile(t, tt.yaml), noEnv)
		if err != nil {
			t.Errorf("Load(%q): %v", tt.yaml, err)
			continue
		}
		err = cfg.Validate()
		var inv *lumen.InvalidError
		if !errors.As(err, &inv) || !strings.Contains(err.Error(), tt.field+":") {
			t.Errorf("Validate(%q) = %v, want an error naming %s", tt.yaml, err, tt.field)
		}
	}

	// Every problem of a source is reported at once, not the first alone.
	cfg, err := Load(writeFile(t, "sources:\n  - {name: 'a b', kind: rss, urls: [ftp://x.org/], max_pages: -1}\n"), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	err = cfg.Validate()
	for _, field := range []string{"sources[0].name:", "sources[0].kind:", "sources[0].urls[0]:", "sources[0].max_pages:"} {
		if err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("Validate = %v, want it to name %s", err, field)
		}
	}
}

func TestMalformedYAML(t *testing.T) {
	for _, text := range []string{
		"data: [unclosed\n",
		"crawler:\n  timeout: soon\n",
		"unknown_key: 1\n",
		"sources:\n  - name: a\n    kind: web\n    urlz: [https://x.org/]\n",
	} {
		if _, err := Load(writeFile(t, text), noEnv); err == nil || !strings.Contains(err.Error(), "line") {
			t.Errorf("Load(%q) = %v, want an error with a line number", text, err)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml"), noEnv); err == nil {
		t.Error("Load(missing file) succeeded")
	}
	if _, err := Load("", func(k string) string {
		if k == "LUMEN_WORKER_CONCURRENCY" {
			return "many"
		}
		return ""
	}); err == nil || !strings.Contains(err.Error(), "LUMEN_WORKER_CONCURRENCY") {
		t.Errorf("bad LUMEN_WORKER_CONCURRENCY: %v", err)
	}
}

// A value of the wrong type names its key (flow mappings included), with
// the line; a bare number where a duration belongs is refused, not read as
// nanoseconds.
func TestYAMLErrorsNameTheKey(t *testing.T) {
	tests := []struct {
		yaml  string
		field string
	}{
		{"crawler:\n  max_pages: many\n", "crawler.max_pages"},
		{"crawler:\n  timeout: 30\n", "crawler.timeout"},
		{"crawler:\n  host_delay: [1]\n", "crawler.host_delay"},
		{"indexer:\n  batch_wait: 1.5\n", "indexer.batch_wait"},
		{"nats:\n  replicas: three\n", "nats.replicas"},
		{"sources:\n  - {name: a, kind: web, urls: [https://x.org/], max_depth: deep}\n", "sources[0].max_depth"},
		{"sources:\n  - {name: a, kind: web, urls: [https://x.org/], recrawl: 5}\n", "sources[0].recrawl"},
		{"sources:\n  - {name: a, kind: web, urls: [https://x.org/], bogus: 1}\n", "sources[0].bogus"},
		{"check:\n  interval: soon\n", "check.interval"},
	}
	for _, tt := range tests {
		_, err := Load(writeFile(t, tt.yaml), noEnv)
		var inv *lumen.InvalidError
		if !errors.As(err, &inv) || !errors.Is(err, lumen.ErrInvalid) || !strings.Contains(err.Error(), tt.field+": line") {
			t.Errorf("Load(%q) = %v, want an error naming %s with the line", tt.yaml, err, tt.field)
		}
	}
}

// A bare 0 is a duration of zero in every unit: the documentation says
// "check.interval: 0 = at start only" and "crawler.recrawl: 0" (qa4); any
// other bare number is still refused.
func TestBareZeroDuration(t *testing.T) {
	cfg, err := Load(writeFile(t, "check:\n  interval: 0\ncrawler:\n  recrawl: 0\n  host_delay: 0.0\n"), noEnv)
	if err != nil {
		t.Fatalf("Load(interval: 0, recrawl: 0) = %v, want accepted", err)
	}
	if cfg.Check.Interval != 0 || cfg.Crawler.Recrawl != 0 || cfg.Crawler.HostDelay != 0 {
		t.Errorf("interval %s, recrawl %s, host_delay %s; want 0", cfg.Check.Interval, cfg.Crawler.Recrawl, cfg.Crawler.HostDelay)
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate = %v", err)
	}
	if _, err := Load(writeFile(t, "check:\n  interval: 1\n"), noEnv); err == nil || !strings.Contains(err.Error(), "check.interval") {
		t.Errorf("interval: 1 = %v, want refused", err)
	}
	// In a flow mapping too, beside another key's error on the same line.
	cfg, err = Load(writeFile(t, "sources:\n  - {name: a, kind: web, urls: [https://x.org/], recrawl: 0}\n"), noEnv)
	if err != nil || len(cfg.Sources) != 1 || cfg.Sources[0].Recrawl != 0 {
		t.Errorf("a source's recrawl: 0 = %+v, %v; want 0s", cfg.Sources, err)
	}
	_, err = Load(writeFile(t, "sources:\n  - {name: a, kind: web, urls: [https://x.org/], recrawl: 0, max_depth: deep}\n"), noEnv)
	if err == nil || !strings.Contains(err.Error(), "sources[0].max_depth") || strings.Contains(err.Error(), "recrawl") {
		t.Errorf("recrawl: 0 beside max_depth: deep = %v, want only max_depth refused", err)
	}
	for _, ok := range []string{"memory_limit: 0\n", "memory_limit: 64MiB\n", "crawler:\n  timeout: 1s\n  host_concurrency: 64\n"} {
		cfg, err := Load(writeFile(t, ok), noEnv)
		if err == nil {
			err = cfg.Validate()
		}
		if err != nil {
			t.Errorf("%q: %v, want accepted", ok, err)
		}
	}
}

func TestReplicas(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		ok   bool
	}{{"nats:\n  url: nats://a:4222,nats://b:4222\n  replicas: 3\n", true}, {"nats:\n  replicas: 3\n", false},
		{"nats:\n  replicas: 0\n", false}, {"nats:\n  replicas: 7\n", false}} {
		cfg, err := Load(writeFile(t, tt.yaml), noEnv)
		if err != nil {
			t.Fatal(err)
		}
		if err := cfg.Validate(); (err == nil) != tt.ok || err != nil && !strings.Contains(err.Error(), "nats.replicas") {
			t.Errorf("Validate(%q) = %v", tt.yaml, err)
		}
	}
	cfg, err := Load("", func(k string) string {
		if k == "LUMEN_NATS_REPLICAS" {
			return "3"
		}
		return ""
	})
	if err != nil || cfg.NATS.Replicas != 3 {
		t.Errorf("LUMEN_NATS_REPLICAS=3: %d, %v", cfg.NATS.Replicas, err)
	}
}

func TestParseSize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{{"256MiB", 256 << 20, true}, {"1GiB", 1 << 30, true}, {"512MB", 512e6, true}, {"0", 0, true}, {"", 0, true}, {"1024", 1024, true},
		{"lots", 0, false}, {"5 parsecs", 0, false}, {"-1MiB", 0, false}} {
		got, err := ParseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v", tt.in, got, err)
		}
	}
	cfg, _ := Load(writeFile(t, "memory_limit: lots\n"), noEnv)
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "memory_limit") {
		t.Errorf("memory_limit: lots: %v", err)
	}
}

func TestTrustedProxies(t *testing.T) {
	cfg, err := Load(writeFile(t, "review:\n  trusted_proxies: [127.0.0.1, \"10.1.2.3/8\", \"::1\"]\n"), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range cfg.Review.Proxies() {
		got = append(got, p.String())
	}
	if want := []string{"127.0.0.1/32", "10.0.0.0/8", "::1/128"}; !slices.Equal(got, want) {
		t.Errorf("Proxies() = %v, want %v", got, want)
	}
}
