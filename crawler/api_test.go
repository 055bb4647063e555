package crawler

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

func TestParsePubMed(t *testing.T) {
	arts, err := ParsePubMed(readTestdata(t, "api/pubmed5.xml"))
	if err != nil || len(arts) != 1 {
		t.Fatalf("ParsePubMed = %d, %v", len(arts), err)
	}
	a := arts[0]
	if a.PMID != "28775130" || a.DOI != "10.1136/oemed-2017-104431" || a.PMCID != "PMC5771820" {
		t.Errorf("identifiers = %s %s %s", a.PMID, a.DOI, a.PMCID)
	}
	if !strings.HasPrefix(a.Title, "Occupational pesticide exposure") || a.Journal == "" || len(a.Authors) == 0 || a.Language != "en" {
		t.Errorf("metadata = %+v", a)
	}
	blocks := strings.Split(a.Text, "\n\n")
	if blocks[0] != a.Title || len(blocks) != 5 || !strings.HasPrefix(blocks[1], "OBJECTIVES: ") || !strings.HasPrefix(blocks[4], "CONCLUSIONS: ") {
		t.Errorf("text blocks = %q", blocks)
	}
	if len(a.PublicationTypes) == 0 || !a.Published.Equal(time.Date(2017, 8, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("types %v, published %v", a.PublicationTypes, a.Published)
	}
	if arts, _ := ParsePubMed(readTestdata(t, "api/pubmed4.xml")); len(arts) != 1 || len(arts[0].MeSH) == 0 ||
		!containsString(arts[0].PublicationTypes, "Observational Study") {
		t.Errorf("pubmed4 MeSH and publication types = %v", arts)
	}
	if a.URL != "https://pubmed.ncbi.nlm.nih.gov/28775130/" {
		t.Errorf("URL = %s", a.URL)
	}
	// The other samples parse too, with markup inside titles and abstracts.
	for _, f := range []string{"api/pubmed1.xml", "api/pubmed4.xml", "api/pubmed6.xml", "api/pubmed7.xml"} {
		arts, err := ParsePubMed(readTestdata(t, f))
		if err != nil || len(arts) == 0 {
			t.Errorf("ParsePubMed(%s) = %d, %v", f, len(arts), err)
			continue
		}
		for _, a := range arts {
			if a.Title == "" || strings.ContainsAny(a.Text, "<>") && strings.Contains(a.Text, "</") {
				t.Errorf("%s: article %s title %q text %.80q", f, a.PMID, a.Title, a.Text)
			}
		}
	}
	if _, err := ParsePubMed([]byte("<html>oops")); err == nil {
		t.Error("ParsePubMed(html) succeeded")
	}
}

// syncBuf is a log destination safe for concurrent writes.
type syncBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func containsString(s []string, v string) bool {
	for _, e := range s {
		if e == v {
			return true
		}
	}
	return false
}

var pubmedArticleRE = regexp.MustCompile(`(?s)<PubmedArticle>.*?</PubmedArticle>`)

// pubmedRecords assembles a multi-article efetch response (PubmedArticleSet) from
// the real single-article samples, as the documented format describes; no
// recorded multi-article sample exists.
func pubmedRecords(t *testing.T, files ...string) []string {
	var arts []string
	for _, f := range files {
		arts = append(arts, pubmedArticleRE.FindAllString(string(readTestdata(t, f)), -1)...)
	}
	return arts
}

// eutils is a fake E-utilities server over real records.
type eutils struct {
	*site
	mu       sync.Mutex
	articles []string
	esearch  []byte
}

func newEutils(t *testing.T, articles []string) *eutils {
	e := &eutils{site: newSite(t), articles: articles, esearch: readTestdata(t, "api/esearch_history.xml")}
	e.handle("/eutils/esearch.fcgi", func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		defer e.mu.Unlock()
		w.Header().Set("Content-Type", "text/xml")
		w.Write(e.esearch)
	})
	e.handle("/eutils/efetch.fcgi", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("WebEnv") == "" || q.Get("query_key") != "1" || q.Get("retmode") != "xml" {
			http.Error(w, "bad efetch", http.StatusBadRequest)
			return
		}
		start, _ := strconv.Atoi(q.Get("retstart"))
		n, _ := strconv.Atoi(q.Get("retmax"))
		end := min(start+n, len(e.articles))
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprint(w, `<?xml version="1.0" ?><!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd"><PubmedArticleSet>`)
		if start < end {
			fmt.Fprint(w, strings.Join(e.articles[start:end], "\n"))
		}
		fmt.Fprint(w, `</PubmedArticleSet>`)
	})
	return e
}

func TestPubMedRun(t *testing.T) {
	h := newHarness(t, nil)
	h.c.apiBatch = 2
	var (
		acqMu    sync.Mutex
		acquired []time.Time
	)
	h.c.gate.onAcquire = func(host string, at time.Time) {
		acqMu.Lock()
		acquired = append(acquired, at)
		acqMu.Unlock()
	}
	e := newEutils(t, pubmedRecords(t, "api/pubmed4.xml", "api/pubmed5.xml", "api/pubmed6.xml"))
	src := lumen.Source{Name: "pm", Kind: lumen.SourcePubMed, Query: `"gut-skin axis"[tiab]`, URLs: []string{e.URL + "/eutils"}, AllowPrivate: true}
	run := h.run(src)
	if run.New != 3 || run.Error != "" {
		t.Fatalf("run = %+v, want 3 new", run)
	}
	arts := h.articles()
	if a := arts["https://pubmed.ncbi.nlm.nih.gov/28775130/"]; a.PMID != "28775130" || a.Source != "pm" {
		t.Errorf("article = %+v", a)
	}
	search := e.requestsTo("/eutils/esearch.fcgi")
	fetches := e.requestsTo("/eutils/efetch.fcgi")
	if len(search) != 1 || len(fetches) != 2 {
		t.Fatalf("requests: %d esearch, %d efetch; want 1 and 2 (batches of 2)", len(search), len(fetches))
	}
	q := search[0].URL.Query()
	if q.Get("usehistory") != "y" || q.Get("term") != src.Query || q.Get("tool") != "lumen" || q.Get("email") != "test@example.org" || q.Get("db") != "pubmed" {
		t.Errorf("esearch query = %v", q)
	}
	if q.Get("mindate") != "" {
		t.Errorf("first run has a date window %v, want none", q)
	}
	// NCBI's limit without an API key: at most 3 requests a second (by the
	// gate's clock; arrival times at the server carry scheduling noise).
	acqMu.Lock()
	for i := 1; i < len(acquired); i++ {
		if gap := acquired[i].Sub(acquired[i-1]); gap < pubmedDelay {
			t.Errorf("requests %d and %d started %v apart, want >= %v (3/s)", i-1, i, gap, pubmedDelay)
		}
	}
	acqMu.Unlock()

	// The next run asks only for what was added since the last success.
	second := h.run(src)
	q = e.requestsTo("/eutils/esearch.fcgi")[1].URL.Query()
	want := run.Started.Add(-windowOverlap).Format("2006/01/02")
	if q.Get("mindate") != want || q.Get("datetype") != "edat" || q.Get("maxdate") == "" {
		t.Errorf("second esearch window = %v, want mindate %s", q, want)
	}
	if second.New != 0 || second.Unchanged != 3 {
		t.Errorf("second run = %+v, want 3 unchanged", second)
	}
}

func TestPubMedErrors(t *testing.T) {
	var logs syncBuf
	h := newHarness(t, func(o *Options) {
		o.NCBIAPIKey = "secret-key"
		o.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	defer func() {
		if strings.Contains(logs.String(), "secret-key") {
			t.Errorf("the API key leaked into the logs:\n%s", logs.String())
		}
	}()
	e := newEutils(t, nil)
	e.esearch = readTestdata(t, "api/esearch_error.xml")
	src := lumen.Source{Name: "pmerr", Kind: lumen.SourcePubMed, Query: "((bad", URLs: []string{e.URL + "/eutils"}, AllowPrivate: true}
	run := h.run(src)
	if run.Failed["api_error"] != 1 || !strings.Contains(run.Error, "Invalid query syntax") {
		t.Errorf("run = %+v, want the API's error recorded", run)
	}
	if q := e.requestsTo("/eutils/esearch.fcgi")[0].URL.Query(); q.Get("api_key") != "secret-key" {
		t.Errorf("api_key not sent: %v", q)
	}
	// A failed run does not move the window: the next run searches everything again.
	if _, _, err := h.d.Runs.Get(t.Context(), lastSuccessKey("pmerr")); err == nil {
		t.Error("a failed run recorded a success")
	}
	// 5xx then success: retried.
	var n int
	var mu sync.Mutex
	e.handle("/eutils/esearch.fcgi", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		first := n == 1
		mu.Unlock()
		if first {
			http.Error(w, "busy", http.StatusBadGateway)
			return
		}
		w.Write(readTestdata(t, "api/esearch_history.xml"))
	})
	e.articles = pubmedRecords(t, "api/pubmed4.xml", "api/pubmed5.xml", "api/pubmed6.xml")
	run = h.run(src)
	if run.New != 3 || run.Error != "" {
		t.Errorf("run after a 502 = %+v, want 3 new", run)
	}
}

// europePMC serves the core record sample in the documented search envelope,
// paged with cursorMark.
func europePMCServer(t *testing.T, records []map[string]any, pageSize int) *site {
	s := newSite(t)
	s.handle("/rest/search", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("format") != "json" || q.Get("resultType") != "core" || q.Get("query") == "" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		start := 0
		if m := q.Get("cursorMark"); m != "*" {
			start, _ = strconv.Atoi(strings.TrimPrefix(m, "cursor-"))
		}
		end := min(start+pageSize, len(records))
		next := fmt.Sprintf("cursor-%d", end)
		if end == len(records) {
			next = q.Get("cursorMark") // the documented end: the same mark again
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"version": "6.9", "hitCount": len(records), "nextCursorMark": next,
			"request":    map[string]any{"queryString": q.Get("query"), "cursorMark": q.Get("cursorMark"), "pageSize": pageSize},
			"resultList": map[string]any{"result": records[start:end]},
		})
	})
	return s
}

func coreRecord(t *testing.T) map[string]any {
	var rec map[string]any
	if err := json.Unmarshal(readTestdata(t, "api/core_result_PMC3206455.json"), &rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestEuropePMCRun(t *testing.T) {
	h := newHarness(t, nil)
	h.c.apiBatch = 2
	var records []map[string]any
	for i := range 3 {
		rec := coreRecord(t)
		if i > 0 { // two more records, each its own paper
			rec["id"], rec["pmid"], rec["pmcid"], rec["doi"] = fmt.Sprint(100+i), fmt.Sprint(100+i), fmt.Sprintf("PMC%d", 100+i), fmt.Sprintf("10.9999/test.%d", i)
			rec["title"] = fmt.Sprintf("Record %d", i)
		}
		records = append(records, rec)
	}
	s := europePMCServer(t, records, 2)
	src := lumen.Source{Name: "epmc", Kind: lumen.SourceEuropePMC, Query: `"gut microbiota" AND acne`, URLs: []string{s.URL + "/rest"}, AllowPrivate: true}
	run := h.run(src)
	if run.New != 3 || run.Error != "" {
		t.Fatalf("run = %+v, want 3 new", run)
	}
	reqs := s.requestsTo("/rest/search")
	if len(reqs) != 2 || reqs[0].URL.Query().Get("cursorMark") != "*" || reqs[1].URL.Query().Get("cursorMark") != "cursor-2" {
		t.Errorf("cursor paging: %d requests", len(reqs))
	}
	a := h.articles()["https://europepmc.org/article/MED/21999661"]
	if a.PMID != "21999661" || a.PMCID != "PMC3206455" || a.DOI != "10.1186/1758-2946-3-47" || a.Journal != "Journal of Cheminformatics" ||
		len(a.Authors) != 7 || a.Authors[0] != "Richard Jones" || !strings.Contains(a.Text, "Open Bibliography") ||
		!a.Published.Equal(time.Date(2011, 10, 14, 0, 0, 0, 0, time.UTC)) || a.Language != "en" {
		t.Errorf("article = %+v", a)
	}
	second := h.run(src)
	if q := s.requestsTo("/rest/search")[2].URL.Query().Get("query"); !strings.Contains(q, "CREATION_DATE:[") {
		t.Errorf("second run query %q has no date window", q)
	}
	if second.New != 0 {
		t.Errorf("second run = %+v", second)
	}
}

// One paper from PubMed and Europe PMC is one article, linked by PMID, PMCID
// and DOI, with both URLs.
func TestCrossSourceIdentity(t *testing.T) {
	h := newHarness(t, nil)
	e := newEutils(t, pubmedRecords(t, "api/pubmed5.xml"))
	e.esearch = []byte(strings.Replace(string(readTestdata(t, "api/esearch_history.xml")), "<Count>3</Count>", "<Count>1</Count>", 1))
	h.run(lumen.Source{Name: "pm", Kind: lumen.SourcePubMed, Query: "q", URLs: []string{e.URL + "/eutils"}, AllowPrivate: true})

	rec := coreRecord(t)
	rec["id"], rec["pmid"], rec["pmcid"], rec["doi"] = "28775130", "28775130", "PMC5771820", "10.1136/OEMED-2017-104431"
	s := europePMCServer(t, []map[string]any{rec}, 10)
	run := h.run(lumen.Source{Name: "epmc", Kind: lumen.SourceEuropePMC, Query: "q", URLs: []string{s.URL + "/rest"}, AllowPrivate: true})
	if run.New != 0 || run.Changed != 1 {
		t.Errorf("europepmc run = %+v, want the existing article changed (a URL added)", run)
	}
	var got []lumen.Article
	for _, a := range h.articles() {
		got = append(got, a)
	}
	if len(got) != 1 {
		t.Fatalf("%d articles, want 1", len(got))
	}
	a := got[0]
	if a.Source != "pm" || len(a.URLs) != 2 || a.PMID != "28775130" || !strings.HasPrefix(a.Title, "Occupational pesticide") {
		t.Errorf("merged article = %+v", a)
	}
}

// A run whose page budget ends before the search results do leaves a
// backlog; the next run continues the same window instead of skipping it.
func TestPubMedBacklog(t *testing.T) {
	h := newHarness(t, nil)
	e := newEutils(t, pubmedRecords(t, "api/pubmed4.xml", "api/pubmed5.xml", "api/pubmed6.xml"))
	src := lumen.Source{Name: "pmb", Kind: lumen.SourcePubMed, Query: "q", URLs: []string{e.URL + "/eutils"}, AllowPrivate: true, MaxPages: 2}
	first := h.run(src)
	if first.New != 2 {
		t.Fatalf("first run = %+v, want 2 new (the budget)", first)
	}
	second := h.run(src)
	if second.New != 1 {
		t.Errorf("second run = %+v, want the third record", second)
	}
	fetches := e.requestsTo("/eutils/efetch.fcgi")
	if last := fetches[len(fetches)-1].URL.Query(); last.Get("retstart") != "2" {
		t.Errorf("second run fetched from %s, want retstart 2", last.Get("retstart"))
	}
	if q := e.requestsTo("/eutils/esearch.fcgi")[1].URL.Query(); q.Get("mindate") != "" {
		t.Errorf("the backlog run changed the window: %v", q)
	}
	h.run(src)
	if q := e.requestsTo("/eutils/esearch.fcgi")[2].URL.Query(); q.Get("mindate") == "" {
		t.Errorf("after the backlog was done, the next run has no date window: %v", q)
	}
}
