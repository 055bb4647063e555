package main

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/demo"
)

// An operator starts a crawl through the API of a running deployment: the
// request travels over NATS to a running lumen crawl, and its progress is
// read back from the API.
func TestOperatorStartsACrawl(t *testing.T) {
	srv := startNATS(t)
	natsURL := srv.ClientURL()
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	// One configured source, crawled by the crawler at its start.
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`
crawler:
  host_delay: 1ms
sources:
  - name: sample
    kind: sitemap
    urls: [%s/sitemap.xml]
    allow_private: true
    schedule: "0 3 1 1 *"
`, site.URL)), 0o644); err != nil {
		t.Fatal(err)
	}
	admin := ""
	if out, stderr, err := lumenCmd(t, "", "token", "create", "ops", "--role", "admin", "--nats", natsURL); err != nil {
		t.Fatalf("token create: %v\n%s", err, stderr)
	} else {
		lines := strings.Split(strings.TrimSpace(out), "\n")
		admin = lines[len(lines)-1]
	}
	curator := ""
	if out, _, err := lumenCmd(t, "", "token", "create", "cur", "--role", "curator", "--nats", natsURL); err == nil {
		lines := strings.Split(strings.TrimSpace(out), "\n")
		curator = lines[len(lines)-1]
	}

	stdout, _ := background(t, "serve", "--config", cfg, "--nats", natsURL, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-level", "warn")
	base := waitURL(t, stdout)
	background(t, "work", "--config", cfg, "--nats", natsURL, "--log-level", "warn")
	background(t, "crawl", "--config", cfg, "--nats", natsURL, "--log-level", "warn")

	var e struct{ Code, Field string }
	for _, tt := range []struct {
		token, body string
		status      int
		field       string
	}{
		{"", `{"source":"sample"}`, 401, ""},
		{curator, `{"source":"sample"}`, 403, ""},
		{admin, `{"source":"nope"}`, 400, "source"},
		{admin, `{}`, 400, "source"},
		{admin, `{"seed":"file:///etc/passwd"}`, 400, "seed"},
		{admin, `{"source":"sample","seed":"https://example.org/"}`, 400, "seed"},
		{admin, `{"seed":"https://example.org/","max_pages":-1}`, 400, "max_pages"},
		{admin, `{"seed":"https://example.org/","depth":1}`, 400, "depth"},
	} {
		e.Code, e.Field = "", ""
		if code := call(t, "POST", base+"/api/v1/crawls", tt.token, "", tt.body, &e); code != tt.status || e.Field != tt.field {
			t.Errorf("POST /api/v1/crawls %s with %q = %d %+v, want %d field %q", tt.body, tt.token, code, e, tt.status, tt.field)
		}
	}

	var st lumen.CrawlRequestState
	if code := call(t, "POST", base+"/api/v1/crawls", admin, "", fmt.Sprintf(`{"seed":%q,"allow_private":true,"max_pages":10}`, site.URL+"/"), &st); code != 202 ||
		st.Status != lumen.CrawlQueued || st.Request.RequestedBy != "ops" || !strings.HasPrefix(st.Source, "seed-") {
		t.Fatalf("POST /api/v1/crawls = %d %+v", code, st)
	}
	id := st.Request.ID
	deadline := time.Now().Add(60 * time.Second)
	for {
		call(t, "GET", base+"/api/v1/crawls/"+id, admin, "", "", &st)
		if st.Status == lumen.CrawlDone {
			break
		}
		if st.Status == lumen.CrawlFailed || time.Now().After(deadline) {
			t.Fatalf("crawl request = %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if st.Run == nil || st.Run.ID != id || st.RunID != id || st.Run.Fetched == 0 || st.Run.Finished.IsZero() {
		t.Errorf("finished request's run = %+v", st.Run)
	}
	// The run is also found by its own id.
	var byRun lumen.CrawlRequestState
	if code := call(t, "GET", base+"/api/v1/crawls/"+st.RunID, admin, "", "", &byRun); code != 200 || byRun.Run == nil || byRun.Status != lumen.CrawlDone {
		t.Errorf("GET /api/v1/crawls/%s = %d %+v", st.RunID, code, byRun)
	}
	if code := call(t, "GET", base+"/api/v1/crawls/"+lumen.NewID("none"), admin, "", "", &e); code != 404 {
		t.Errorf("unknown crawl request = %d", code)
	}
	// Who asked and the seed (an internal host, maybe) are for admins
	// only, even where reads are open (qa2).
	for _, tt := range []struct {
		token  string
		status int
	}{{"", 401}, {curator, 403}} {
		var leak lumen.CrawlRequestState
		if code := call(t, "GET", base+"/api/v1/crawls/"+id, tt.token, "", "", &leak); code != tt.status || leak.Request.Seed != "" {
			t.Errorf("GET /api/v1/crawls/%s with %q = %d %+v, want %d", id, tt.token, code, leak, tt.status)
		}
	}
	waitClaims(t, base, "q=probiotics", 3)

	// A seed whose every fetch is refused (a private address, not allowed)
	// ends failed, with why, as lumen crawl --once would exit 1.
	var refused lumen.CrawlRequestState
	if code := call(t, "POST", base+"/api/v1/crawls", admin, "", fmt.Sprintf(`{"seed":%q,"max_pages":1}`, site.URL+"/"), &refused); code != 202 {
		t.Fatalf("POST /api/v1/crawls (private seed) = %d %+v", code, refused)
	}
	deadline = time.Now().Add(60 * time.Second)
	for refused.Status != lumen.CrawlFailed {
		if refused.Status == lumen.CrawlDone || time.Now().After(deadline) {
			t.Fatalf("crawl request of a refused seed = %+v, want failed", refused)
		}
		time.Sleep(50 * time.Millisecond)
		call(t, "GET", base+"/api/v1/crawls/"+refused.Request.ID, admin, "", "", &refused)
	}
	if !strings.Contains(refused.Error, "private_address") {
		t.Errorf("failed request's error = %q, want the reason", refused.Error)
	}
}
