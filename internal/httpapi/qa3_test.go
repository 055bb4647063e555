package httpapi_test

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"math"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/browsertest"
	"github.com/lumen-research/lumen/internal/httpapi"
)

// getPage fetches a page as a browser does and returns its status and HTML.
func getPage(t *testing.T, client *http.Client, base, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", base+path, nil)
	req.Header.Set("Accept", "text/html")
	if client == nil {
		client = http.DefaultClient
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// QA3 rough edge 4: the pair filters survive the form (hidden inputs) and
// show as removable chips, on the search page and the map.
func TestPagesKeepPairFilters(t *testing.T) {
	srv, _ := fixture(t)
	for _, path := range []string{"/", "/map"} {
		q := "?subject=intervention/probiotics&object=condition/acne&effect=decreases"
		code, body := getPage(t, nil, srv.URL, path+q)
		if code != 200 {
			t.Fatalf("GET %s%s = %d", path, q, code)
		}
		for _, want := range []string{
			`<input type="hidden" name="subject" value="intervention/probiotics">`,
			`<input type="hidden" name="object" value="condition/acne">`,
			`<input type="hidden" name="effect" value="decreases">`,
			`pair subject: Probiotics`, `pair object: Acne`, `pair effect: decreases`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s%s: no %q", path, q, want)
			}
		}
		// The subject's chip removes the subject and keeps the others.
		m := regexp.MustCompile(`pair subject: Probiotics<a href="([^"]+)"`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("GET %s: no removal link on the subject chip", path)
		}
		u, _ := url.Parse(html.UnescapeString(m[1]))
		if v := u.Query(); v.Has("subject") || v.Get("object") != "condition/acne" || v.Get("effect") != "decreases" {
			t.Errorf("subject chip's link = %s", m[1])
		}
	}
	// A pair filter's value is escaped in the hidden input.
	_, body := getPage(t, nil, srv.URL, "/?subject="+url.QueryEscape(`"><script>`))
	if strings.Contains(body, `"><script>`) {
		t.Error("a hostile subject is not escaped")
	}
}

// QA3 rough edge 5: a search page's URL (with sort and size, as its form
// sends them) narrows the review queue, and the pages link the review of
// their selection.
func TestReviewTakesASearchURL(t *testing.T) {
	f := reviewServer(t, false)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	res, err := client.PostForm(f.srv.URL+"/signin", url.Values{"token": {f.curator}, "next": {"/"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	search := "?q=probiotics&concept=&relation=&negated=&hedged=&source=&published_from=&published_to=&flagged=&retracted=&sort=-published&size=50&from=20"
	code, body := getPage(t, client, f.srv.URL, "/"+search)
	if code != 200 {
		t.Fatalf("search page = %d", code)
	}
	m := regexp.MustCompile(`id="review-link" href="([^"]+)"`).FindStringSubmatch(body)
	if m == nil || html.UnescapeString(m[1]) != "/review?q=probiotics" {
		t.Errorf("search page's review link = %v, want /review?q=probiotics", m)
	}
	for _, path := range []string{"/review" + search, "/review?sort=&size=&from=&cursor="} {
		if code, body := getPage(t, client, f.srv.URL, path); code != 200 || !strings.Contains(body, `id="claim"`) {
			t.Errorf("GET %s = %d, want the review page with a claim", path, code)
		}
	}
	var q struct{ Claims []json.RawMessage }
	if res := f.do(t, "GET", "/api/v1/review/queue?q=probiotics&sort=-published&from=0&size=2", f.curator, nil, "", &q); res.StatusCode != 200 || len(q.Claims) != 2 {
		t.Errorf("review queue with the search's sort and from = %d, %d claims", res.StatusCode, len(q.Claims))
	}
	_, body = getPage(t, client, f.srv.URL, "/map?concept=condition/acne&status=accepted")
	if m := regexp.MustCompile(`id="review-link" href="([^"]+)"`).FindStringSubmatch(body); m == nil || html.UnescapeString(m[1]) != "/review?concept=condition%2Facne" {
		t.Errorf("map's review link = %v", m)
	}
}

// QA3 rough edges 6 and 9: a failed decision keeps what the curator sent;
// a correction that changes nothing is refused on the page as by the API.
func TestReviewPageKeepsInput(t *testing.T) {
	f := reviewServer(t, false)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	post := func(path string, form url.Values) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", f.srv.URL+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "text/html")
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, _ := post("/signin", url.Values{"token": {f.curator}}); code != 200 {
		t.Fatalf("sign in = %d", code)
	}
	id := f.claimIDs[0]
	_, body := getPage(t, client, f.srv.URL, "/review?claim="+id)
	csrf, etag := csrfField.FindStringSubmatch(body)[1], html.UnescapeString(etagField.FindStringSubmatch(body)[1])

	// The claim as shown, sent back as a "correction": refused, as the API does.
	code, body := post("/review/"+id, url.Values{"action": {"correct"}, "etag": {etag}, "csrf": {csrf},
		"concepts": {"intervention/probiotics", "condition/acne"}, "relation": {"decreases"}, "note": {"nothing to change"}})
	if code != 400 || !strings.Contains(body, "changes nothing") {
		t.Errorf("unchanged correction from the page = %d, want 400 'changes nothing'", code)
	}
	var e errBody
	if res := f.do(t, "POST", "/api/v1/claims/"+id+"/review", f.curator, map[string]string{"If-Match": etag},
		`{"action":"correct","concepts":["condition/acne","intervention/probiotics"],"relation":"decreases"}`, &e); res.StatusCode != 400 || e.Field != "concepts" {
		t.Errorf("unchanged correction through the API = %d %+v", res.StatusCode, e)
	}
	var c claimBody
	f.do(t, "GET", "/api/v1/claims/"+id, "", nil, "", &c)
	if c.Review.Status != lumen.StatusPending {
		t.Fatalf("after refused corrections the claim is %s", c.Review.Status)
	}

	// A rejection without a reason keeps its note.
	code, body = post("/review/"+id, url.Values{"action": {"reject"}, "etag": {etag}, "csrf": {csrf}, "note": {"a <careful> note"}})
	if code != 400 || !strings.Contains(body, `id="reject-note" value="a &lt;careful&gt; note"`) {
		t.Errorf("rejection without a reason = %d; the note is not kept:\n%s", code, body)
	}
	// Someone else decides; the curator's correction, sent on the old
	// version, comes back as typed, beside the claim as it now stands.
	if res := f.do(t, "POST", "/api/v1/claims/"+id+"/review", f.curator, map[string]string{"If-Match": etag}, `{"action":"accept"}`, nil); res.StatusCode != 200 {
		t.Fatalf("accept through the API = %d", res.StatusCode)
	}
	code, body = post("/review/"+id, url.Values{"action": {"correct"}, "etag": {etag}, "csrf": {csrf},
		"concepts": {"condition/acne"}, "relation": {"increases"}, "negated": {"1"}, "note": {"a long careful correction note"}})
	if code != 409 {
		t.Fatalf("stale correction = %d, want 409", code)
	}
	for _, want := range []string{`data-status="accepted"`, `<details id="correct-box" open>`,
		`value="condition/acne" selected`, `<option value="increases" selected>`, `id="negated" value="1" checked`,
		`id="note" value="a long careful correction note"`} {
		if !strings.Contains(body, want) {
			t.Errorf("409 page: no %q", want)
		}
	}
	if strings.Contains(body, `value="intervention/probiotics" selected`) || strings.Contains(body, `<option value="decreases" selected>`) {
		t.Error("409 page shows the stored correction values instead of the curator's")
	}
	// The curator's correction, sent again on the version shown, records.
	etag = html.UnescapeString(etagField.FindStringSubmatch(body)[1])
	if code, _ := post("/review/"+id, url.Values{"action": {"correct"}, "etag": {etag}, "csrf": {csrf},
		"concepts": {"condition/acne", "intervention/probiotics"}, "relation": {"increases"}}); code != 200 {
		t.Errorf("correction sent again = %d", code)
	}

	// QA3 minor: an unknown action names skip too; a bad relation is named
	// as the relation, even without concepts.
	if code, body := post("/review/"+id, url.Values{"action": {"bogus"}, "etag": {etag}, "csrf": {csrf}}); code != 400 || !strings.Contains(body, "undo, skip") {
		t.Errorf("unknown action = %d", code)
	}
	if res := f.do(t, "POST", "/api/v1/claims/"+id+"/review", f.curator, map[string]string{"If-Match": etag},
		`{"action":"correct","concepts":[],"relation":"sideways"}`, &e); res.StatusCode != 400 || e.Field != "relation" {
		t.Errorf("correction with a bad relation and no concepts = %d %+v, want field relation", res.StatusCode, e)
	}
}

// versionedServer serves a real index where one article was tagged by an
// older tagger than the server's.
func versionedServer(t *testing.T) *httptest.Server {
	t.Helper()
	ix := openIndex(t)
	var evs []lumen.ArticleTagged
	for i, v := range []string{"gutskin-1+r1.a", "gutskin-2+r2.b", "gutskin-2+r2.b"} {
		u := "https://example.org/v" + strconv.Itoa(i)
		a := lumen.Article{ID: lumen.NewID("url:" + u), URL: u, Title: "T", Text: "Probiotics reduced acne.", Source: "test", FetchedAt: time.Now()}
		evs = append(evs, lumen.ArticleTagged{Article: a, TaxonomyVersion: v, Claims: []lumen.Claim{{ID: lumen.ClaimID(a.ID, a.Text, 0),
			ArticleID: a.ID, Text: a.Text, End: len(a.Text), Concepts: []string{"condition/acne", "intervention/probiotics"}}}})
	}
	if _, err := ix.Apply(context.Background(), evs); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: ix, Taxonomy: taxonomy, TaggerVersion: "gutskin-2+r2.b"}))
	t.Cleanup(srv.Close)
	return srv
}

// QA3 rough edge 8: a mixed index says that lumen reindex --retag is due,
// on the search page and in GET /api/v1/status.
func TestStaleTaggerVersions(t *testing.T) {
	srv := versionedServer(t)
	_, body := getPage(t, nil, srv.URL, "/")
	if !strings.Contains(body, `id="stale"`) || !strings.Contains(body, "1 of 3 articles") || !strings.Contains(body, "lumen reindex --retag") {
		t.Errorf("search page does not say a retag is due:\n%s", body)
	}
	var st struct {
		TaggerVersion   string `json:"tagger_version"`
		TaxonomyVersion string `json:"taxonomy_version"`
		RetagDue        bool   `json:"retag_due"`
		Tags            struct {
			Articles      int `json:"articles"`
			Stale         int `json:"stale_articles"`
			StaleVersions []struct {
				Version  string
				Articles int
			} `json:"stale_versions"`
		}
	}
	if code := get(t, srv, "/api/v1/status", &st); code != 200 || !st.RetagDue || st.Tags.Articles != 3 || st.Tags.Stale != 1 ||
		st.TaxonomyVersion != "gutskin-2" || len(st.Tags.StaleVersions) != 1 || st.Tags.StaleVersions[0].Version != "gutskin-1+r1.a" {
		t.Errorf("GET /api/v1/status = %d %+v", code, st)
	}
	// An index all tagged by the server's version says nothing.
	srv2, _ := fixture(t)
	if _, body := getPage(t, nil, srv2.URL, "/"); strings.Contains(body, `id="stale"`) {
		t.Error("search page warns without a tagger version to compare with")
	}
}

// QA3 minors: the search page has an h1; a page past the end says so and
// links the last page; a query error shows the syntax instead of pointing
// at openapi.json; the map's toggles have names, its columns leave out the
// rows' kind, its cells keep 4.5:1 contrast; the sign-in page speaks to
// readers too.
func TestPageMinors(t *testing.T) {
	srv, _ := fixture(t)
	_, body := getPage(t, nil, srv.URL, "/")
	if !strings.Contains(body, "<h1>Search claims</h1>") {
		t.Error("search page has no h1")
	}
	_, body = getPage(t, nil, srv.URL, "/?q=probiotics&from=9980&size=20")
	if strings.Contains(body, "No claims match.") || !strings.Contains(body, "past the last of the 2 claims") {
		t.Errorf("a page past the end: %s", regexp.MustCompile(`id="range">[^<]*`).FindString(body))
	}
	if m := regexp.MustCompile(`id="last-page" href="([^"]+)"`).FindStringSubmatch(body); m == nil || strings.Contains(m[1], "from=") || !strings.Contains(m[1], "q=probiotics") {
		t.Errorf("last page link = %v", m)
	}
	code, body := getPage(t, nil, srv.URL, "/?q="+url.QueryEscape(`"oops`))
	if code != 400 || strings.Contains(body, "GET /api/v1/openapi.json)") || !strings.Contains(body, `id="syntax-help"`) {
		t.Errorf("query error page = %d: no syntax help, or still the openapi pointer", code)
	}
	_, body = getPage(t, nil, srv.URL, "/map?rows=mechanism&cols=condition")
	cols := regexp.MustCompile(`<select name="cols">(.*?)</select>`).FindStringSubmatch(body)
	if cols == nil || strings.Contains(cols[1], `value="mechanism"`) || !strings.Contains(cols[1], `value="condition" selected`) {
		t.Errorf("map's column kinds = %v, want them without the rows' kind", cols)
	}
	if code, body := getPage(t, nil, srv.URL, "/map?rows=mechanism"); code != 200 || !strings.Contains(body, `<option value="condition" selected>`) {
		t.Errorf("map with mechanism rows and no columns = %d, want conditions as columns", code)
	}
	if !strings.Contains(body, `src="/static/map.js"`) {
		t.Error("map page does not load map.js")
	}
	for _, m := range regexp.MustCompile(`<a class="toggle"[^>]*>`).FindAllString(body, -1) {
		if !strings.Contains(m, `aria-label="collapse `) && !strings.Contains(m, `aria-label="expand `) {
			t.Errorf("map toggle without a name: %s", m)
		}
	}
	_, body = getPage(t, nil, srv.URL, "/signin")
	if !strings.Contains(body, "--role reader") {
		t.Error("sign-in page says nothing to readers")
	}
}

// contrast is WCAG's contrast ratio of #fff or #111 text on hsl(212,70%,l).
func contrast(l float64, white bool) float64 {
	lin := func(c float64) float64 {
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	lum := func(r, g, b float64) float64 { return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b) }
	// hsl to rgb
	h, s := 212.0/360, 0.70
	l /= 100
	q := l * (1 + s)
	if l >= 0.5 {
		q = l + s - l*s
	}
	p := 2*l - q
	hue := func(t float64) float64 {
		t = t - math.Floor(t)
		switch {
		case t < 1.0/6:
			return p + (q-p)*6*t
		case t < 0.5:
			return q
		case t < 2.0/3:
			return p + (q-p)*(2.0/3-t)*6
		}
		return p
	}
	bg := lum(hue(h+1.0/3), hue(h), hue(h-1.0/3))
	fg := lum(0x11/255.0, 0x11/255.0, 0x11/255.0)
	if white {
		fg = 1
	}
	hi, lo := math.Max(bg, fg), math.Min(bg, fg)
	return (hi + 0.05) / (lo + 0.05)
}

func TestMapCellContrast(t *testing.T) {
	style := regexp.MustCompile(`background:hsl\(212,70%,(\d+)%\);color:(#fff|#111)`)
	for top := 1; top <= 60; top++ {
		for n := 1; n <= top; n++ {
			s := httpapi.Heat(n, top)
			m := style.FindStringSubmatch(s)
			if m == nil {
				t.Fatalf("Heat(%d, %d) = %q", n, top, s)
			}
			l, _ := strconv.ParseFloat(m[1], 64)
			if c := contrast(l, m[2] == "#fff"); c < 4.5 {
				t.Errorf("Heat(%d, %d) = %q: contrast %.2f, want at least 4.5", n, top, s, c)
			}
		}
	}
}

// QA3 in a browser: the map's columns never offer the rows' kind, also
// after the rows change (map.js); the search form sent again keeps the pair
// filters; the form sends sort and size, and its review link still opens
// the review page's queue (here: the sign-in page, as nobody signed in).
func TestQA3PagesInBrowser(t *testing.T) {
	b := browsertest.Start(t)
	srv, _ := richFixture(t)
	p := b.NewPage(t)
	p.Go(srv.URL + "/map?rows=condition&cols=mechanism")
	p.WaitFor(`document.documentElement.dataset.mapForm === "ready"`)
	colKinds := func() []string {
		return browsertest.Eval[[]string](p, `Array.from(document.querySelector("select[name=cols]").options).map(o => o.value)`)
	}
	if got := colKinds(); strings.Join(got, ",") != "mechanism,intervention" {
		t.Errorf("column kinds with condition rows = %v", got)
	}
	browsertest.Eval[bool](p, `(() => { const s = document.querySelector("select[name=rows]"); s.value = "mechanism"; s.dispatchEvent(new Event("change")); return true })()`)
	if got := colKinds(); strings.Join(got, ",") != "condition,intervention" {
		t.Errorf("column kinds after choosing mechanism rows = %v", got)
	}
	p.Submit("form.filters")
	p.WaitFor(`location.search.includes("rows=mechanism") && document.readyState === "complete"`)
	if n := p.Count(".error"); n != 0 || !strings.Contains(p.URL(), "rows=mechanism") {
		t.Errorf("map drawn with mechanism rows: %s, %d errors: %s", p.URL(), n, p.Text("body"))
	}

	s := openNoScript(t, b, srv.URL+"/?effect=decreases&subject=intervention/probiotics")
	s.Submit("form.filters")
	s.WaitFor(`location.search.includes("size=") && document.readyState === "complete"`)
	if u := s.URL(); !strings.Contains(u, "effect=decreases") || !strings.Contains(u, "subject=intervention%2Fprobiotics") {
		t.Errorf("search form sent again = %s, want the pair filters kept", u)
	}
	if n := s.Count(".chip"); n < 2 {
		t.Errorf("%d chips, want the pair filters shown", n)
	}
}
