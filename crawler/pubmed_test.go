package crawler

import (
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/syncbuf"
)

// pmRecord is one PubMed record the fake serves: a real PubmedArticle (or a
// copy of one under another PMID) and the Entrez date esearch filters on.
type pmRecord struct {
	pmid string
	xml  string
	edat time.Time
}

// eutils is a fake E-utilities server over real records, following the
// documented esearch and efetch behaviour: esearch filters on the Entrez
// date, counts the hits and lists at most maxHits PMIDs; efetch returns the
// records of the PMIDs asked for. fault, if set, may answer the n-th request
// to an endpoint ("esearch", "efetch") instead: a status, a body, or both.
type eutils struct {
	*site
	mu       sync.Mutex
	records  []pmRecord
	maxHits  int
	withheld map[string]bool // PMIDs efetch never returns
	fault    func(endpoint string, n int) (status int, body string)
	calls    map[string]int
}

// esearchBody is an eSearchResult as the documented format has it (the
// recorded samples, esearch1.xml and esearch8.xml, show the same elements).
func esearchBody(count int, ids []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">
<eSearchResult><Count>%d</Count><RetMax>%d</RetMax><RetStart>0</RetStart><IdList>`, count, len(ids))
	for _, id := range ids {
		fmt.Fprintf(&b, "\n<Id>%s</Id>", id)
	}
	b.WriteString("\n</IdList><TranslationSet/><QueryTranslation>(gut-skin axis[tiab])</QueryTranslation></eSearchResult>")
	return b.String()
}

const efetchHead = `<?xml version="1.0" ?><!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd"><PubmedArticleSet>`

func newEutils(t *testing.T, records []pmRecord) *eutils {
	e := &eutils{site: newSite(t), records: records, maxHits: 10000, withheld: map[string]bool{}, calls: map[string]int{}}
	serveFault := func(w http.ResponseWriter, endpoint string) bool {
		e.mu.Lock()
		e.calls[endpoint]++
		n, fault := e.calls[endpoint], e.fault
		e.mu.Unlock()
		if fault == nil {
			return false
		}
		status, body := fault(endpoint, n)
		if status == 0 && body == "" {
			return false
		}
		w.Header().Set("Content-Type", "text/xml")
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "1")
		}
		if status != 0 {
			w.WriteHeader(status)
		}
		fmt.Fprint(w, body)
		return true
	}
	day := func(s string) time.Time {
		t, _ := time.Parse("2006/01/02", s)
		return t
	}
	e.handle("/eutils/esearch.fcgi", func(w http.ResponseWriter, r *http.Request) {
		if serveFault(w, "esearch") {
			return
		}
		q := r.URL.Query()
		e.mu.Lock()
		defer e.mu.Unlock()
		var ids []string
		for _, rec := range e.records {
			if q.Get("datetype") == "edat" {
				from, to := day(q.Get("mindate")), day(q.Get("maxdate"))
				d := rec.edat.Truncate(24 * time.Hour)
				if d.Before(from) || d.After(to) {
					continue
				}
			}
			ids = append(ids, rec.pmid)
		}
		retmax, _ := strconv.Atoi(q.Get("retmax"))
		list := ids[:min(len(ids), retmax, e.maxHits)]
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprint(w, esearchBody(len(ids), list))
	})
	e.handle("/eutils/efetch.fcgi", func(w http.ResponseWriter, r *http.Request) {
		if serveFault(w, "efetch") {
			return
		}
		q := r.URL.Query()
		if q.Get("retmode") != "xml" || q.Get("id") == "" {
			http.Error(w, "bad efetch", http.StatusBadRequest)
			return
		}
		e.mu.Lock()
		defer e.mu.Unlock()
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprint(w, efetchHead)
		for _, id := range strings.Split(q.Get("id"), ",") {
			for _, rec := range e.records {
				if rec.pmid == id && !e.withheld[id] {
					fmt.Fprint(w, rec.xml, "\n")
				}
			}
		}
		fmt.Fprint(w, `</PubmedArticleSet>`)
	})
	return e
}

var pmidRE = regexp.MustCompile(`(<PMID[^>]*>)(\d+)(</PMID>)|(<ArticleId IdType="pubmed">)(\d+)(</ArticleId>)`)

// realRecords returns the real records of the sample files, all entered
// on day.
func realRecords(t *testing.T, day time.Time, files ...string) []pmRecord {
	var recs []pmRecord
	for _, x := range pubmedRecords(t, files...) {
		m := pmidRE.FindStringSubmatch(x)
		recs = append(recs, pmRecord{pmid: m[2], xml: x, edat: day})
	}
	return recs
}

// copies returns n copies of a real record under made-up PMIDs from
// first on, each its own paper (its DOI and PMCID removed, its title
// numbered, its abstract written anew), entered one day apart from day.
func copies(t *testing.T, file string, first, n int, day time.Time) []pmRecord {
	x := pubmedRecords(t, file)[0]
	x = regexp.MustCompile(`(?s)<ELocationID EIdType="doi"[^>]*>.*?</ELocationID>|<ArticleId IdType="(doi|pmc|pii)">[^<]*</ArticleId>`).ReplaceAllString(x, "")
	abstract := regexp.MustCompile(`(?s)<Abstract>.*?</Abstract>`)
	tags := regexp.MustCompile(`<[^>]+>`)
	var recs []pmRecord
	for i := range n {
		pmid := strconv.Itoa(first + i)
		c := pmidRE.ReplaceAllStringFunc(x, func(s string) string {
			m := pmidRE.FindStringSubmatch(s)
			if m[1] != "" {
				return m[1] + pmid + m[3]
			}
			return m[4] + pmid + m[6]
		})
		c = strings.Replace(c, "<ArticleTitle>", "<ArticleTitle>Copy "+pmid+": ", 1)
		text := tags.ReplaceAllString(strings.ReplaceAll(lorem("Record "+pmid), "</p>", " "), "")
		c = abstract.ReplaceAllString(c, "<Abstract><AbstractText>"+text+"</AbstractText></Abstract>")
		recs = append(recs, pmRecord{pmid: pmid, xml: c, edat: day.AddDate(0, 0, i)})
	}
	return recs
}

// fast lets the harness use an API key's 10 requests a second.
func fast(o *Options) { o.NCBIAPIKey = "key" }

func pubmedSource(e *eutils, name string) lumen.Source {
	return lumen.Source{Name: name, Kind: lumen.SourcePubMed, Query: `"gut-skin axis"[tiab]`, URLs: []string{e.URL + "/eutils"}, AllowPrivate: true}
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
	e := newEutils(t, realRecords(t, time.Now().AddDate(0, 0, -30), "api/pubmed4.xml", "api/pubmed5.xml", "api/pubmed6.xml"))
	src := pubmedSource(e, "pm")
	run := h.run(src)
	if run.New != 3 || run.Error != "" {
		t.Fatalf("run = %+v, want 3 new", run)
	}
	arts := h.articles()
	if a := arts["https://pubmed.ncbi.nlm.nih.gov/28775130/"]; a.PMID != "28775130" || a.Source != "pm" {
		t.Errorf("article = %+v", a)
	}
	search, fetches := e.requestsTo("/eutils/esearch.fcgi"), e.requestsTo("/eutils/efetch.fcgi")
	if len(search) != 1 || len(fetches) != 2 {
		t.Fatalf("requests: %d esearch, %d efetch; want 1 and 2 (batches of 2)", len(search), len(fetches))
	}
	q := search[0].URL.Query()
	if q.Get("term") != src.Query || q.Get("tool") != "lumen" || q.Get("email") != "test@example.org" || q.Get("db") != "pubmed" {
		t.Errorf("esearch query = %v", q)
	}
	if q.Get("mindate") != "" {
		t.Errorf("first run has a date window %v, want none", q)
	}
	if ids := fetches[0].URL.Query().Get("id"); len(strings.Split(ids, ",")) != 2 {
		t.Errorf("efetch id = %q, want two PMIDs", ids)
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
	if second.New != 0 || second.Error != "" {
		t.Errorf("second run = %+v, want nothing new", second)
	}
}

// The window is kept per query: a source whose query changes searches all
// time for the new query, and finds the older papers it matches.
func TestPubMedQueryChange(t *testing.T) {
	h := newHarness(t, fast)
	e := newEutils(t, realRecords(t, time.Now().AddDate(-3, 0, 0), "api/pubmed4.xml", "api/pubmed5.xml"))
	src := pubmedSource(e, "pmq")
	if run := h.run(src); run.New != 2 {
		t.Fatalf("first run = %+v", run)
	}
	src.Query = `"gut-skin axis"[tiab] OR probiotic*[tiab]`
	run := h.run(src)
	q := e.requestsTo("/eutils/esearch.fcgi")[1].URL.Query()
	if q.Get("mindate") != "" || q.Get("term") != src.Query {
		t.Errorf("esearch for the changed query = %v, want all time", q)
	}
	if run.Unchanged != 2 || run.Error != "" {
		t.Errorf("run of the changed query = %+v, want the 2 older papers seen again", run)
	}
}

// A first search that finds nothing does not mark all time as searched:
// the next run searches all time again and finds what is there by then.
func TestPubMedEmptyFirstAnswer(t *testing.T) {
	h := newHarness(t, fast)
	e := newEutils(t, realRecords(t, time.Now().AddDate(-1, 0, 0), "api/pubmed4.xml", "api/pubmed5.xml"))
	empty := string(readTestdata(t, "api/esearch8.xml")) // a real answer: Count 0, PhraseNotFound
	e.fault = func(endpoint string, n int) (int, string) {
		if endpoint == "esearch" && n == 1 {
			return 0, empty
		}
		return 0, ""
	}
	src := pubmedSource(e, "pmempty")
	if run := h.run(src); run.New != 0 || run.Error != "" {
		t.Fatalf("first run = %+v, want an empty, successful run", run)
	}
	run := h.run(src)
	if q := e.requestsTo("/eutils/esearch.fcgi")[1].URL.Query(); q.Get("mindate") != "" {
		t.Errorf("second esearch = %v, want all time again", q)
	}
	if run.New != 2 {
		t.Errorf("second run = %+v, want the 2 papers", run)
	}
}

// Answers that cannot be used are asked again, then fail the run (not
// "ok"), which keeps its position for the next run: an efetch answered with
// HTTP 200 and an <ERROR> body, a truncated answer, 429 and 500.
func TestPubMedFaults(t *testing.T) {
	errorBody := `<?xml version="1.0" encoding="UTF-8" ?><!DOCTYPE eFetchResult PUBLIC "-//NLM//DTD efetch 20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd"><eFetchResult><ERROR>Unable to obtain query #1</ERROR></eFetchResult>`
	records := realRecords(t, time.Now().AddDate(-1, 0, 0), "api/pubmed4.xml", "api/pubmed5.xml", "api/pubmed6.xml", "api/pubmed7.xml")
	truncated := efetchHead + records[0].xml[:len(records[0].xml)/2]

	for _, tc := range []struct {
		name  string
		fault func(endpoint string, n int) (int, string)
		ok    bool // the run succeeds despite the fault
	}{
		{"error body once", func(ep string, n int) (int, string) {
			if ep == "efetch" && n == 1 {
				return 0, errorBody
			}
			return 0, ""
		}, true},
		{"truncated once", func(ep string, n int) (int, string) {
			if ep == "efetch" && n == 1 {
				return 0, truncated
			}
			return 0, ""
		}, true},
		{"429 then 500", func(ep string, n int) (int, string) {
			switch {
			case ep == "efetch" && n == 1:
				return http.StatusTooManyRequests, "slow down"
			case ep == "efetch" && n == 2:
				return http.StatusInternalServerError, "oops"
			}
			return 0, ""
		}, true},
		{"error body for good after two batches", func(ep string, n int) (int, string) {
			if ep == "efetch" && n > 2 {
				return 0, errorBody
			}
			return 0, ""
		}, false},
		{"esearch error body", func(ep string, n int) (int, string) {
			if ep == "esearch" {
				return 0, string(readTestdata(t, "api/esearch_error.xml"))
			}
			return 0, ""
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, fast)
			h.c.apiBatch = 1
			e := newEutils(t, records)
			e.fault = tc.fault
			src := pubmedSource(e, "pmfault")
			run := h.run(src)
			if tc.ok {
				if run.New != 4 || run.Error != "" {
					t.Errorf("run = %+v, want the fault overcome and 4 new", run)
				}
				return
			}
			if run.Error == "" || run.FailedCount() == 0 {
				t.Fatalf("run = %+v, want it failed with the reason recorded", run)
			}
			if _, _, err := h.d.Runs.Get(t.Context(), lastSuccessKey(src.Name, lumen.Hash(src.Query))); err == nil {
				t.Error("a failed run recorded its window as searched")
			}
			// The next run, with the fault gone, continues where the failed
			// one stopped: the records it published are not asked for again.
			e.mu.Lock()
			e.fault = nil
			e.mu.Unlock()
			done := run.New
			before := len(e.requestsTo("/eutils/efetch.fcgi"))
			next := h.run(src)
			if next.New != 4-done || next.Error != "" {
				t.Errorf("next run = %+v, want the %d records left", next, 4-done)
			}
			if asked := len(e.requestsTo("/eutils/efetch.fcgi")) - before; asked != 4-done {
				t.Errorf("next run made %d efetch requests, want %d (one per record left)", asked, 4-done)
			}
		})
	}
}

// A PMID that esearch lists but efetch never returns is asked for once
// more, then counted and passed over: the run succeeds and the next run
// does not search the window again.
func TestPubMedMissingRecord(t *testing.T) {
	var logs syncbuf.Buffer
	h := newHarness(t, func(o *Options) { fast(o); o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	records := realRecords(t, time.Now().AddDate(-1, 0, 0), "api/pubmed4.xml", "api/pubmed5.xml", "api/pubmed6.xml")
	e := newEutils(t, records)
	e.withheld[records[1].pmid] = true
	src := pubmedSource(e, "pmmissing")
	run := h.run(src)
	if run.New != 2 || run.Skipped["missing_record"] != 1 || run.Error != "" {
		t.Fatalf("run = %+v, want 2 new and 1 missing_record", run)
	}
	if n := len(e.requestsTo("/eutils/efetch.fcgi")); n != 2 {
		t.Errorf("%d efetch requests, want 2 (the batch, then the missing PMID once more)", n)
	}
	if !strings.Contains(logs.String(), records[1].pmid) {
		t.Error("the missing PMID is not logged")
	}
	h.run(src)
	if q := e.requestsTo("/eutils/esearch.fcgi")[1].URL.Query(); q.Get("mindate") == "" {
		t.Errorf("the run after a missing record searched all time again: %v", q)
	}
}

// A search of more hits than E-utilities page through is split by date
// until each part lists all its hits: every record is fetched, by PMID,
// and no request asks past the limit.
func TestPubMedSplitsLargeWindow(t *testing.T) {
	h := newHarness(t, fast) // the splits take a few dozen requests
	h.c.pubmedMaxHits, h.c.apiBatch = 4, 3
	start := time.Now().UTC().AddDate(0, 0, -40).Truncate(24 * time.Hour)
	records := copies(t, "api/pubmed5.xml", 900001, 11, start)
	e := newEutils(t, records)
	e.maxHits = 4
	src := pubmedSource(e, "pmsplit")
	// The last window searched ended a year ago.
	yearAgo := time.Now().AddDate(-1, 0, 0).Format(time.RFC3339Nano)
	if _, err := h.d.Runs.Put(t.Context(), lastSuccessKey(src.Name, lumen.Hash(src.Query)), []byte(yearAgo)); err != nil {
		t.Fatal(err)
	}
	run := h.run(src)
	if run.New != 11 || run.Error != "" || run.Skipped["api_limit"] != 0 {
		t.Fatalf("run = %+v, want all 11 records", run)
	}
	for _, r := range e.requestsTo("/eutils/esearch.fcgi") {
		if q := r.URL.Query(); q.Get("retstart") != "" || q.Get("retmax") != "4" {
			t.Errorf("esearch %v, want retmax 4 and no retstart", q)
		}
	}
	for _, r := range e.requestsTo("/eutils/efetch.fcgi") {
		if q := r.URL.Query(); q.Get("retstart") != "" || q.Get("WebEnv") != "" {
			t.Errorf("efetch %v, want records asked for by PMID", q)
		}
	}
	var got []string
	for _, a := range h.articles() {
		got = append(got, a.PMID)
	}
	slices.Sort(got)
	if len(got) != 11 || got[0] != "900001" || got[10] != "900011" {
		t.Errorf("published PMIDs %v", got)
	}
	// More hits on a single day than E-utilities list: what is listed is
	// fetched, the rest counted.
	h2 := newHarness(t, fast)
	h2.c.pubmedMaxHits = 4
	same := copies(t, "api/pubmed5.xml", 910001, 6, start)
	for i := range same {
		same[i].edat = start
	}
	e2 := newEutils(t, same)
	e2.maxHits = 4
	src2 := pubmedSource(e2, "pmday")
	if _, err := h2.d.Runs.Put(t.Context(), lastSuccessKey(src2.Name, lumen.Hash(src2.Query)), []byte(yearAgo)); err != nil {
		t.Fatal(err)
	}
	run = h2.run(src2)
	if run.New != 4 || run.Skipped["api_limit"] != 2 {
		t.Errorf("run = %+v, want 4 new and 2 counted as api_limit", run)
	}
}

// A run whose page budget ends before the search results do leaves a
// backlog; the next run continues the same window instead of skipping it.
func TestPubMedBacklog(t *testing.T) {
	h := newHarness(t, fast)
	e := newEutils(t, realRecords(t, time.Now().AddDate(-1, 0, 0), "api/pubmed4.xml", "api/pubmed5.xml", "api/pubmed6.xml"))
	src := pubmedSource(e, "pmb")
	src.MaxPages = 2
	first := h.run(src)
	if first.New != 2 {
		t.Fatalf("first run = %+v, want 2 new (the budget)", first)
	}
	second := h.run(src)
	if second.New != 1 {
		t.Errorf("second run = %+v, want the third record", second)
	}
	if q := e.requestsTo("/eutils/esearch.fcgi")[1].URL.Query(); q.Get("mindate") != "" {
		t.Errorf("the backlog run changed the window: %v", q)
	}
	h.run(src)
	if q := e.requestsTo("/eutils/esearch.fcgi")[2].URL.Query(); q.Get("mindate") == "" {
		t.Errorf("after the backlog was done, the next run has no date window: %v", q)
	}
}

func TestPubMedErrorsLogNoKey(t *testing.T) {
	var logs syncbuf.Buffer
	h := newHarness(t, func(o *Options) {
		o.NCBIAPIKey = "secret-key"
		o.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	e := newEutils(t, nil)
	e.fault = func(ep string, n int) (int, string) {
		return 0, string(readTestdata(t, "api/esearch_error.xml"))
	}
	src := pubmedSource(e, "pmerr")
	run := h.run(src)
	if run.Failed["api_error"] != 1 || !strings.Contains(run.Error, "Invalid query syntax") {
		t.Errorf("run = %+v, want the API's error recorded", run)
	}
	if n := len(e.requestsTo("/eutils/esearch.fcgi")); n != 1+apiRetries {
		t.Errorf("%d esearch requests, want %d (asked again on an error body)", n, 1+apiRetries)
	}
	if q := e.requestsTo("/eutils/esearch.fcgi")[0].URL.Query(); q.Get("api_key") != "secret-key" {
		t.Errorf("api_key not sent: %v", q)
	}
	if strings.Contains(logs.String(), "secret-key") {
		t.Errorf("the API key leaked into the logs:\n%s", logs.String())
	}
}
