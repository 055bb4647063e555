package crawler

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
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

// europePMCServer serves records in the documented search envelope
// (hitCount, nextCursorMark, resultList; the recorded sample is one core
// record without it), paged with cursorMark. fault, if set, may answer the
// n-th request instead with a status, a body, or both.
func europePMCServer(t *testing.T, records []map[string]any, pageSize int) *epmcFake {
	s := &epmcFake{site: newSite(t), records: records}
	s.handle("/rest/search", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.calls++
		n, fault, recs := s.calls, s.fault, s.records
		s.mu.Unlock()
		if fault != nil {
			if status, body := fault(n); status != 0 || body != "" {
				if status != 0 {
					w.WriteHeader(status)
				}
				fmt.Fprint(w, body)
				return
			}
		}
		q := r.URL.Query()
		if q.Get("format") != "json" || q.Get("resultType") != "core" || q.Get("query") == "" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		start := 0
		if m := q.Get("cursorMark"); m != "*" {
			start, _ = strconv.Atoi(strings.TrimPrefix(m, "cursor-"))
		}
		end := min(start+pageSize, len(recs))
		next := fmt.Sprintf("cursor-%d", end)
		if end == len(recs) {
			next = q.Get("cursorMark") // the documented end: the same mark again
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"version": "6.9", "hitCount": len(recs), "nextCursorMark": next,
			"request":    map[string]any{"queryString": q.Get("query"), "cursorMark": q.Get("cursorMark"), "pageSize": pageSize},
			"resultList": map[string]any{"result": recs[start:end]},
		})
	})
	return s
}

type epmcFake struct {
	*site
	mu      sync.Mutex
	records []map[string]any
	calls   int
	fault   func(n int) (status int, body string)
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

// PubMed's structured fields come out as a reader would write them: MathML
// as V̇O2max (not "V . O 2 m a x"), a season as the month it starts, a
// MedlineDate by its first month.
func TestParsePubMedDetails(t *testing.T) {
	arts, err := ParsePubMed(readTestdata(t, "api/pubmed6.xml"))
	if err != nil || len(arts) != 1 {
		t.Fatalf("ParsePubMed(pubmed6) = %d, %v", len(arts), err)
	}
	if text := arts[0].Text; !strings.Contains(text, "V\u0307O2max") || strings.Contains(text, "m a x") {
		t.Errorf("MathML rendered as %q", excerpt(text, "oxygen uptake", 60))
	}
	arts, err = ParsePubMed(readTestdata(t, "api/pubmed1.xml"))
	if err != nil || len(arts) == 0 {
		t.Fatalf("ParsePubMed(pubmed1) = %d, %v", len(arts), err)
	}
	var spring lumen.Article
	for _, a := range arts {
		if a.Published.Year() == 1990 {
			spring = a
		}
	}
	if !spring.Published.Equal(time.Date(1990, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("PubDate 1990 Spring = %v, want 1990-03-01", spring.Published)
	}
	for in, want := range map[string]string{
		"1998 Dec-1999 Jan":  "1998-12-01",
		"2000 Spring-Summer": "2000-03-01",
		"1976 Aug 28-Sep 4":  "1976-08-28",
		"2012":               "2012-01-01",
		"Winter 2011":        "2011-01-01",
	} {
		if got := parseMedlineDate(in).Format("2006-01-02"); got != want {
			t.Errorf("parseMedlineDate(%q) = %s, want %s", in, got, want)
		}
	}
}

func excerpt(s, near string, n int) string {
	i := max(strings.Index(s, near), 0)
	return s[i:min(len(s), i+n)]
}

// Europe PMC's JATS article types are mapped to PubMed's publication
// types, the one vocabulary the tagger reads evidence from.
func TestEuropePMCTypes(t *testing.T) {
	rec := coreRecord(t)
	var r epmcRecord
	b, _ := json.Marshal(rec)
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	a, _ := europePMCArticle(r)
	if len(a.PublicationTypes) != 1 || a.PublicationTypes[0] != "Journal Article" {
		t.Errorf("types of the real record (research-article, Journal Article) = %v, want [Journal Article]", a.PublicationTypes)
	}
	for in, want := range map[string]string{"review-article": "Review", "systematic-review": "Systematic Review",
		"case-report": "Case Reports", "meta-analysis": "Meta-Analysis", "Letter": "Letter"} {
		if got := epmcTypes([]string{in}); len(got) != 1 || got[0] != want {
			t.Errorf("epmcTypes(%q) = %v, want %s", in, got, want)
		}
	}
}

// One paper from PubMed and Europe PMC is one article, linked by PMID,
// PMCID and DOI, with both URLs; Europe PMC's copy keeps PubMed's MeSH
// headings and publication types, and seeing both again changes nothing.
func TestCrossSourceIdentity(t *testing.T) {
	h := newHarness(t, nil)
	e := newEutils(t, realRecords(t, time.Now().AddDate(0, -1, 0), "api/pubmed4.xml"))
	pm := pubmedSource(e, "pm")
	h.run(pm)
	before := h.articles()["https://pubmed.ncbi.nlm.nih.gov/27797938/"]
	if len(before.MeSH) == 0 || !containsString(before.PublicationTypes, "Observational Study") {
		t.Fatalf("PubMed's copy = %+v", before)
	}

	rec := coreRecord(t)
	rec["id"], rec["pmid"], rec["pmcid"], rec["doi"] = "27797938", "27797938", "PMC5442267", "10.1136/GUTJNL-2016-312510"
	s := europePMCServer(t, []map[string]any{rec}, 10)
	epmc := lumen.Source{Name: "epmc", Kind: lumen.SourceEuropePMC, Query: "q", URLs: []string{s.URL + "/rest"}, AllowPrivate: true}
	run := h.run(epmc)
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
	if a.Source != "pm" || len(a.URLs) != 2 || a.PMID != "27797938" || a.Title != before.Title {
		t.Errorf("merged article = %+v", a)
	}
	if !slices.Equal(a.MeSH, before.MeSH) || !slices.Equal(a.PublicationTypes, before.PublicationTypes) {
		t.Errorf("after Europe PMC: MeSH %v, types %v; want PubMed's %v, %v", a.MeSH, a.PublicationTypes, before.MeSH, before.PublicationTypes)
	}
	// Seen again by both, in turn: nothing changes.
	if r := h.run(pm); r.Changed != 0 {
		t.Errorf("PubMed again = %+v, want unchanged", r)
	}
	if r := h.run(epmc); r.Changed != 0 {
		t.Errorf("Europe PMC again = %+v, want unchanged", r)
	}
}

// Europe PMC answers that cannot be used are asked again; an empty first
// answer does not mark all time as searched; a changed query searches all
// time.
func TestEuropePMCFaults(t *testing.T) {
	records := func() []map[string]any {
		var recs []map[string]any
		for i := range 3 {
			rec := coreRecord(t)
			rec["id"], rec["pmid"], rec["pmcid"], rec["doi"] = fmt.Sprint(200+i), fmt.Sprint(200+i), fmt.Sprintf("PMC%d", 200+i), fmt.Sprintf("10.9999/f.%d", i)
			rec["title"] = fmt.Sprintf("Fault record %d", i)
			recs = append(recs, rec)
		}
		return recs
	}
	for _, tc := range []struct {
		name  string
		fault func(n int) (int, string)
	}{
		{"error answer once", func(n int) (int, string) {
			if n == 1 {
				return 0, `{"version":"6.9","errCode":500,"errMsg":"Search temporarily unavailable"}`
			}
			return 0, ""
		}},
		{"truncated once", func(n int) (int, string) {
			if n == 2 {
				return 0, `{"version":"6.9","hitCount":3,"nextCursorMark":"cursor-4","resultList":{"result":[{"id":"2`
			}
			return 0, ""
		}},
		{"500 then 503", func(n int) (int, string) {
			switch n {
			case 1:
				return http.StatusInternalServerError, "oops"
			case 2:
				return http.StatusServiceUnavailable, "busy"
			}
			return 0, ""
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, nil)
			h.c.apiBatch = 2
			s := europePMCServer(t, records(), 2)
			s.fault = tc.fault
			run := h.run(lumen.Source{Name: "epmcf", Kind: lumen.SourceEuropePMC, Query: "q", URLs: []string{s.URL + "/rest"}, AllowPrivate: true})
			if run.New != 3 || run.Error != "" {
				t.Errorf("run = %+v, want the fault overcome and 3 new", run)
			}
		})
	}

	t.Run("empty first answer, then a changed query", func(t *testing.T) {
		h := newHarness(t, nil)
		s := europePMCServer(t, nil, 10)
		src := lumen.Source{Name: "epmce", Kind: lumen.SourceEuropePMC, Query: "q", URLs: []string{s.URL + "/rest"}, AllowPrivate: true}
		if run := h.run(src); run.New != 0 || run.Error != "" {
			t.Fatalf("empty run = %+v", run)
		}
		s.mu.Lock()
		s.records = records()
		s.mu.Unlock()
		run := h.run(src)
		if q := s.requestsTo("/rest/search")[1].URL.Query().Get("query"); strings.Contains(q, "CREATION_DATE") || run.New != 3 {
			t.Errorf("after an empty first answer: query %q, run %+v; want all time and 3 new", q, run)
		}
		h.run(src)
		if q := s.requestsTo("/rest/search")[2].URL.Query().Get("query"); !strings.Contains(q, "CREATION_DATE") {
			t.Errorf("third run searched %q, want a date window", q)
		}
		src.Query = "q OR other"
		h.run(src)
		if q := s.requestsTo("/rest/search")[3].URL.Query().Get("query"); strings.Contains(q, "CREATION_DATE") {
			t.Errorf("changed query searched %q, want all time", q)
		}
	})
}
