//go:build unix

package main

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lumen-research/lumen/internal/syncbuf"
)

// TestMain lets a test run this binary as the lumen command in a child
// process (LUMEN_TEST_MAIN=1, arguments after "--"), so that the child can be
// killed for real.
func TestMain(m *testing.M) {
	if os.Getenv("LUMEN_TEST_MAIN") == "1" {
		for i, a := range os.Args {
			if a == "--" {
				os.Args = append([]string{"lumen"}, os.Args[i+1:]...)
				break
			}
		}
		main()
		return
	}
	code := m.Run()
	removeFixtures()
	os.Exit(code)
}

// A crawl killed with SIGKILL mid-way resumes on the next start: what was
// fetched is not fetched again (but for the few requests in flight at the
// kill), what was queued is not lost, and every article ends up indexed.
func TestCrawlResumesAfterKill(t *testing.T) {
	const pages = 40
	var mu sync.Mutex
	hits := map[string]int{}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		switch {
		case r.URL.Path == "/":
			var b strings.Builder
			b.WriteString("<html><head><title>Index</title></head><body><h1>Articles</h1><ul>")
			for i := range pages {
				fmt.Fprintf(&b, `<li><a href="/a/%d">Article %d</a></li>`, i, i)
			}
			b.WriteString("</ul></body></html>")
			fmt.Fprint(w, b.String())
		case strings.HasPrefix(r.URL.Path, "/a/"):
			time.Sleep(40 * time.Millisecond)
			n := strings.TrimPrefix(r.URL.Path, "/a/")
			fmt.Fprintf(w, `<html><head><title>Probiotics and acne, part %[1]s</title></head><body><article><h1>Probiotics and acne, part %[1]s</h1>
<p>In study %[1]s, oral probiotics reduced acne lesion counts compared with placebo over twelve weeks of treatment in adults.</p>
<p>%[2]s</p></article></body></html>`, n, filler(n))
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()

	data := t.TempDir()
	cfg := filepath.Join(t.TempDir(), "lumen.yaml")
	if err := os.WriteFile(cfg, []byte("crawler:\n  host_delay: 1ms\n  host_concurrency: 2\n  concurrency: 4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"crawl", "--once", "--seed", site.URL + "/", "--allow-private", "--config", cfg, "--data", data, "--log-level", "warn"}

	child := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	child.Env = append(os.Environ(), "LUMEN_TEST_MAIN=1")
	var childOut strings.Builder
	child.Stdout, child.Stderr = &childOut, &childOut
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	fetched := func() int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for p := range hits {
			if strings.HasPrefix(p, "/a/") {
				n++
			}
		}
		return n
	}
	deadline := time.Now().Add(60 * time.Second)
	for fetched() < pages/3 {
		if time.Now().After(deadline) {
			child.Process.Kill()
			child.Wait()
			t.Fatalf("the child crawled %d pages in 60s:\n%s", fetched(), childOut.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	mu.Lock()
	before := map[string]int{}
	for p, n := range hits {
		before[p] = n
	}
	mu.Unlock()
	// Killed after every article page was fetched, the test would prove
	// nothing about resuming.
	if n := fetched(); n >= pages {
		t.Fatalf("the child fetched all %d pages before it was killed; slow the site down", n)
	}

	out, stderr, err := lumenCmd(t, "", args...)
	if err != nil {
		t.Fatalf("crawl after the kill: %v\n%s\n%s", err, out, stderr)
	}
	// The articles, each once (the index page is a hub, followed and not
	// indexed); the run's counters add up across the kill: every page
	// fetched, every article new, the hub skipped.
	if !strings.Contains(out, fmt.Sprintf("index: %d articles", pages)) {
		t.Errorf("after the resumed crawl, want %d articles indexed:\n%s", pages, out)
	}
	if !regexp.MustCompile(fmt.Sprintf(`seed-\S+\s+%d\s+%d\s+0\s+0\s+1\s+0\s`, pages+1, pages)).MatchString(out) {
		t.Errorf("the resumed run's counters are not those of the whole run (%d fetched, %d new, 1 hub):\n%s", pages+1, pages, out)
	}
	mu.Lock()
	defer mu.Unlock()
	refetched := 0
	for i := range pages {
		p := fmt.Sprintf("/a/%d", i)
		switch n := hits[p] - before[p]; {
		case hits[p] == 0:
			t.Errorf("%s was never fetched: the queue was lost", p)
		case before[p] > 0 && n > 0:
			refetched++
		}
	}
	// At the kill, at most one page per crawl worker (concurrency: 4) was
	// fetched but not yet recorded as done.
	if refetched > 4 {
		t.Errorf("%d pages fetched before the kill were fetched again, want at most the 4 in flight", refetched)
	}
	if hits["/"] > 2 {
		t.Errorf("the seed page was fetched %d times", hits["/"])
	}
}

// filler is text distinct enough per seed that near-duplicate detection
// keeps every page.
func filler(seed string) string {
	words := strings.Fields(`the gut skin axis links intestinal microbiota diet fibre barrier immune
		cells cytokines sebum follicles keratinocytes patients cohort trial placebo weeks dose capsule
		yoghurt fermented foods zinc vitamin omega fatty acids stress sleep sugar dairy milk whey
		insulin growth factor hormones antibiotics isotretinoin doxycycline topical retinoids benzoyl
		peroxide inflammation lesions comedones papules pustules scarring quality life questionnaire`)
	var h uint64
	for _, c := range seed {
		h = h*31 + uint64(c)
	}
	rng := rand.New(rand.NewPCG(h, h^0x9e3779b97f4a7c15))
	var b strings.Builder
	for i := range 120 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[rng.IntN(len(words))])
	}
	return b.String() + "."
}

// SIGTERM to a long-running command that is doing its work is an orderly
// stop: exit status 0.
func TestSIGTERMExitsZero(t *testing.T) {
	data := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^$", "--", "serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn")
	child.Env = append(os.Environ(), "LUMEN_TEST_MAIN=1")
	var out syncbuf.Buffer
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	base := waitURL(t, &out)
	waitReady(t, base)
	if err := child.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := child.Wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v\n%s", err, out.String())
	}
}
