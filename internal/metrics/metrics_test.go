package metrics

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestNilIsANoOp(t *testing.T) {
	var m *Metrics
	m.Fetched("s", "h", 200, 10, time.Second)
	m.PageOutcome("s", "new", "")
	m.PageRepaired("s", "charset_mismatch")
	m.CrawlStarted("s")
	m.CrawlFinished("s", "ok")
	m.Tagged(3, time.Millisecond)
	m.Indexed(1, 1, 3, time.Millisecond)
	m.Error(StageFetch, "dns")
	m.HTTPRequest("claims", 200, time.Millisecond)
}

func TestExposition(t *testing.T) {
	m := New()
	m.Fetched("pubmed", "eutils.ncbi.nlm.nih.gov", 200, 1000, 50*time.Millisecond)
	m.PageOutcome("pubmed", "failed", "timeout")
	m.PageRepaired("web", "charset_mismatch")
	m.Tagged(4, time.Millisecond)
	m.Indexed(1, 1, 4, time.Millisecond)
	m.Error(StageIndex, "apply")
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`lumen_pages_fetched_total{code="2xx",host="eutils.ncbi.nlm.nih.gov",source="pubmed"} 1`,
		`lumen_crawl_pages_total{outcome="failed",reason="timeout",source="pubmed"} 1`,
		`lumen_crawl_pages_repaired_total{reason="charset_mismatch",source="web"} 1`,
		`lumen_articles_tagged_total 1`,
		`lumen_claims_tagged_total 4`,
		`lumen_claims_indexed_total 4`,
		`lumen_errors_total{reason="apply",stage="index"} 1`,
		`lumen_errors_total{reason="none",stage="tag"} 0`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// lumen_dead_letters reads the stream when scraped; when it cannot, it
// keeps what the last data check counted.
func TestDeadLettersGauge(t *testing.T) {
	m := New()
	scrape := func() string {
		rec := httptest.NewRecorder()
		m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		for _, l := range strings.Split(rec.Body.String(), "\n") {
			if strings.HasPrefix(l, "lumen_dead_letters ") {
				return l
			}
		}
		return ""
	}
	m.Checked("clean", nil, nil, 2)
	if got := scrape(); got != "lumen_dead_letters 2" {
		t.Errorf("after a check = %q, want 2", got)
	}
	n, fail := 5, false
	m.CountDeadLetters(func() (int, error) {
		if fail {
			return 0, io.ErrUnexpectedEOF
		}
		return n, nil
	})
	if got := scrape(); got != "lumen_dead_letters 5" {
		t.Errorf("read when scraped = %q, want 5", got)
	}
	fail = true
	if got := scrape(); got != "lumen_dead_letters 5" {
		t.Errorf("a failed read = %q, want the last value, 5", got)
	}
}

// A clean data check exports every kind of problem as 0, and a kind found
// before goes back to 0: "clean" and "never checked" (no series) differ
// (qa4). Rebuild counts exist from the start.
func TestIntegrityProblemsZeroWhenClean(t *testing.T) {
	m := New()
	scrape := func() string {
		rec := httptest.NewRecorder()
		m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		return rec.Body.String()
	}
	if body := scrape(); !strings.Contains(body, `lumen_index_rebuilds_total{result="ok"} 0`) {
		t.Errorf("no rebuild count before the first rebuild")
	}
	m.IntegrityKinds([]string{"article_lost", "not_indexed"})
	m.Checked("damaged", map[string]int{"article_lost": 3}, nil, 0)
	if body := scrape(); !strings.Contains(body, `lumen_integrity_problems{kind="article_lost"} 3`) ||
		!strings.Contains(body, `lumen_integrity_problems{kind="not_indexed"} 0`) {
		t.Errorf("after damage:\n%s", body)
	}
	m.Checked("clean", nil, nil, 0)
	body := scrape()
	for _, want := range []string{`lumen_integrity_problems{kind="article_lost"} 0`, `lumen_integrity_problems{kind="not_indexed"} 0`} {
		if !strings.Contains(body, want) {
			t.Errorf("after a clean check, metrics lack %s", want)
		}
	}
}

// The source label takes at most maxSources values: sources seeded
// through the API, one per host, fall under "other" after that (QA4).
func TestSourceLabelBounded(t *testing.T) {
	m := New()
	for i := range maxSources + 50 {
		m.PageOutcome(fmt.Sprintf("seed-host-%d", i), "new", "")
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	n := strings.Count(string(body), `lumen_crawl_pages_total{outcome="new"`)
	if n != maxSources+1 {
		t.Errorf("%d series, want %d (and the rest as other)", n, maxSources+1)
	}
	if !strings.Contains(string(body), `lumen_crawl_pages_total{outcome="new",reason="",source="other"} 50`) {
		t.Errorf("the sources past the bound are not counted as other")
	}
}
