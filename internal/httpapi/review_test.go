package httpapi_test

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/auth"
	"github.com/lumen-research/lumen/internal/bus/bustest"
	"github.com/lumen-research/lumen/internal/curation"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/metrics"
)

type reviewFixture struct {
	srv      *httptest.Server
	tokens   *auth.Tokens
	claimIDs []string
	curator  string // a curator's token
	reader   string
	ix       *indexer.Index
	ev       lumen.ArticleTagged // the article indexed
}

// reviewServer serves a real index and a real reviews stream with tokens.
func reviewServer(t *testing.T, readsNeedToken bool) *reviewFixture {
	t.Helper()
	ctx := context.Background()
	ix := openIndex(t)
	b := bustest.Start(t)
	kv, _ := b.KV(ctx, "tokens")
	skv, _ := b.KVWithTTL(ctx, "sessions", time.Hour)
	lkv, _ := b.KVWithTTL(ctx, "leases", time.Minute)
	tokens := auth.NewTokens(kv)
	a := lumen.Article{ID: lumen.NewID("url:https://example.org/r"), URL: "https://example.org/r", Title: "Review <b>me</b>", Source: "test", FetchedAt: time.Now()}
	texts := []string{"Before this. ", "Probiotics reduced acne <script>alert(1)</script> lesions.", " Leaky gut may worsen psoriasis.",
		" Probiotics may lower psoriasis risk.", " Probiotics did not improve acne.", " After that."}
	a.Text = strings.Join(texts, "")
	ev := lumen.ArticleTagged{Article: a, TaxonomyVersion: "test-1+r1.x"}
	pos := len(texts[0])
	for _, s := range texts[1:5] {
		s = strings.TrimSpace(s)
		start := strings.Index(a.Text, s)
		c := lumen.Claim{ID: lumen.ClaimID(a.ID, s, 0), ArticleID: a.ID, Text: s, Start: start, End: start + len(s),
			Concepts: []string{"condition/acne", "intervention/probiotics"}, Relation: lumen.RelationDecreases}
		if strings.HasPrefix(s, "Probiotics") {
			c.Mentions = []lumen.Mention{{Concept: "intervention/probiotics", Start: start, End: start + len("Probiotics")}}
		}
		ev.Claims = append(ev.Claims, c)
		pos += len(s)
	}
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	svc := curation.New(ix, b, curation.NewLeases(lkv, time.Minute), taxonomy)
	// Decisions reach the index through the reviews consumer, as in lumen serve.
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.ConsumeReviewBatches(cctx, 100, 20*time.Millisecond, indexer.NewWriter(ix, nil, nil).HandleReviews)
	}()
	t.Cleanup(func() { cancel(); <-done })
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{
		Searcher: ix, Runs: fakeRuns{}, Taxonomy: taxonomy, Metrics: metrics.New(),
		Curation: svc, Auth: tokens, Sessions: auth.NewSessions(skv, tokens, time.Hour),
		RequireTokenForReads: readsNeedToken, LeaseTTL: time.Minute,
	}))
	t.Cleanup(srv.Close)
	f := &reviewFixture{srv: srv, tokens: tokens, ix: ix, ev: ev}
	for _, c := range ev.Claims {
		f.claimIDs = append(f.claimIDs, c.ID)
	}
	f.curator, _ = tokens.Create(ctx, "alice", lumen.RoleCurator)
	f.reader, _ = tokens.Create(ctx, "rita", lumen.RoleReader)
	return f
}

// do sends a request and decodes a JSON answer into v (when not nil).
func (f *reviewFixture) do(t *testing.T, method, path, token string, hdr map[string]string, body string, v any) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, val := range hdr {
		req.Header.Set(k, val)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if v != nil {
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, data)
		}
	}
	return res
}

type claimBody struct {
	lumen.ClaimHit
	ETag string `json:"etag"`
	Code string `json:"code"`
}

func TestReviewAPI(t *testing.T) {
	f := reviewServer(t, false)
	id := f.claimIDs[0]
	path := "/api/v1/claims/" + id
	var c claimBody
	res := f.do(t, "GET", path, "", nil, "", &c)
	etag := res.Header.Get("ETag")
	if res.StatusCode != 200 || etag == "" || c.ETag != etag || c.Review.Status != lumen.StatusPending {
		t.Fatalf("GET claim = %d etag %q review %+v", res.StatusCode, etag, c.Review)
	}
	accept := `{"action": "accept", "curator": "mallory", "note": "ok"}`
	var e errBody
	for _, tt := range []struct {
		name, token, ifMatch, body string
		status                     int
		code, field                string
	}{
		{"no token", "", etag, accept, 401, "unauthorized", ""},
		{"bad token", "lumen.alice.00", etag, accept, 401, "unauthorized", ""},
		{"reader", f.reader, etag, accept, 403, "forbidden", ""},
		{"no If-Match", f.curator, "", accept, 428, "precondition_required", ""},
		{"garbled If-Match", f.curator, "abc", accept, 400, "invalid", "If-Match"},
		{"unknown action", f.curator, etag, `{"action": "approve"}`, 400, "invalid", "action"},
		{"unknown reason", f.curator, etag, `{"action": "reject", "reason": "meh"}`, 400, "invalid", "reason"},
		{"unknown concept", f.curator, etag, `{"action": "correct", "concepts": ["condition/nope"]}`, 400, "invalid", "concepts"},
		{"unknown relation", f.curator, etag, `{"action": "correct", "relation": "causes"}`, 400, "invalid", "relation"},
		{"unknown field", f.curator, etag, `{"action": "accept", "status": "accepted"}`, 400, "invalid", "status"},
		{"wrong type", f.curator, etag, `{"action": "correct", "negated": "yes"}`, 400, "invalid", "negated"},
		{"not JSON", f.curator, etag, `action=accept`, 400, "invalid", "body"},
		{"an array", f.curator, etag, `[{"action": "accept"}]`, 400, "invalid", "body"},
		{"a string", f.curator, etag, `"accept"`, 400, "invalid", "body"},
		{"too large", f.curator, etag, `{"action": "accept", "note": "` + strings.Repeat("x", 70<<10) + `"}`, 413, "too_large", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var e errBody
			res := f.do(t, "POST", path+"/review", tt.token, map[string]string{"If-Match": tt.ifMatch}, tt.body, &e)
			if res.StatusCode != tt.status || e.Code != tt.code || e.Field != tt.field {
				t.Errorf("POST review = %d %+v, want %d %s field %q", res.StatusCode, e, tt.status, tt.code, tt.field)
			}
			if strings.Contains(e.Message, "httpapi.") || strings.Contains(e.Message, "must be a bool") {
				t.Errorf("the message names Go's types: %q", e.Message)
			}
		})
	}
	if res := f.do(t, "POST", "/api/v1/claims/"+lumen.NewID("none")+"/review", f.curator, map[string]string{"If-Match": etag}, accept, &e); res.StatusCode != 404 {
		t.Errorf("review of an unknown claim = %d", res.StatusCode)
	}

	res = f.do(t, "POST", path+"/review", f.curator, map[string]string{"If-Match": etag}, accept, &c)
	if res.StatusCode != 200 || c.Review.Status != lumen.StatusAccepted || c.Review.Curator != "alice" || res.Header.Get("ETag") == etag || c.ETag != res.Header.Get("ETag") {
		t.Fatalf("accept = %d %+v (forged curator must be ignored)", res.StatusCode, c.Review)
	}
	newETag := c.ETag
	// The same If-Match again: 409 with the current state.
	var conflict struct {
		errBody
		Claim lumen.ClaimHit `json:"claim"`
		ETag  string         `json:"etag"`
	}
	res = f.do(t, "POST", path+"/review", f.curator, map[string]string{"If-Match": etag}, `{"action": "reject", "reason": "other"}`, &conflict)
	if res.StatusCode != 409 || conflict.Code != "conflict" || conflict.Claim.Review.Status != lumen.StatusAccepted || conflict.ETag != newETag {
		t.Errorf("stale decision = %d %+v", res.StatusCode, conflict)
	}
	var hist struct {
		Decisions []lumen.ReviewDecision `json:"decisions"`
	}
	f.do(t, "GET", path+"/history", "", nil, "", &hist)
	if len(hist.Decisions) != 1 || hist.Decisions[0].Curator != "alice" || hist.Decisions[0].Action != "accept" || hist.Decisions[0].At.IsZero() {
		t.Errorf("history = %+v", hist)
	}
	// The index catches up: search filters and facets by status (a
	// deadline for a loaded CI machine).
	deadline := time.Now().Add(30 * time.Second)
	for {
		var b claimsBody
		get(t, f.srv, "/api/v1/claims?status=accepted", &b)
		if b.Total == 1 {
			if b.Hits[0].Review.Status != lumen.StatusAccepted || b.Hits[0].Review.Curator != "alice" {
				t.Errorf("search hit review = %+v", b.Hits[0].Review)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("status=accepted finds %d claims, want 1", b.Total)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if code := get(t, f.srv, "/api/v1/claims?status=approved", &e); code != 400 || e.Field != "status" {
		t.Errorf("status=approved = %d %+v", code, e)
	}
	var stats curation.Stats
	f.do(t, "GET", "/api/v1/review/stats", "", nil, "", &stats)
	if stats.Decisions != 1 || len(stats.Curators) != 1 || stats.Curators[0].Accepted != 1 {
		t.Errorf("stats = %+v", stats)
	}
	var q struct {
		Claims []claimBody `json:"claims"`
	}
	if res := f.do(t, "GET", "/api/v1/review/queue?size=5", f.curator, nil, "", &q); res.StatusCode != 200 || len(q.Claims) != 3 || q.Claims[0].ID == id || q.Claims[0].ETag == "" {
		t.Errorf("queue = %d %+v", res.StatusCode, q)
	}
	if res := f.do(t, "GET", "/api/v1/review/queue", f.reader, nil, "", &e); res.StatusCode != 403 {
		t.Errorf("queue for a reader = %d", res.StatusCode)
	}
	if err := f.tokens.Revoke(context.Background(), "alice"); err != nil {
		t.Fatal(err)
	}
	if res := f.do(t, "POST", path+"/review", f.curator, map[string]string{"If-Match": newETag}, `{"action": "undo"}`, &e); res.StatusCode != 401 || e.Code != "unauthorized" {
		t.Errorf("revoked token = %d %+v", res.StatusCode, e)
	}
}

func TestReadsNeedATokenWhenConfigured(t *testing.T) {
	f := reviewServer(t, true)
	var e errBody
	if res := f.do(t, "GET", "/api/v1/claims", "", nil, "", &e); res.StatusCode != 401 || e.Code != "unauthorized" {
		t.Errorf("anonymous read = %d %+v", res.StatusCode, e)
	}
	if res := f.do(t, "GET", "/api/v1/claims", f.reader, nil, "", nil); res.StatusCode != 200 {
		t.Errorf("read with a reader token = %d", res.StatusCode)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(f.srv.URL + "/?q=acne")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/signin?next=") {
		t.Errorf("anonymous search page = %d %s, want a redirect to /signin", res.StatusCode, res.Header.Get("Location"))
	}
	if code := get(t, f.srv, "/healthz", nil); code != 200 {
		t.Errorf("healthz needs no token: %d", code)
	}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)
var etagField = regexp.MustCompile(`name="etag" value="([^"]+)"`)

func TestReviewPage(t *testing.T) {
	f := reviewServer(t, false)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	page := func(path string) (int, string) {
		t.Helper()
		res, err := client.Get(f.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	post := func(path string, form url.Values) (int, string) {
		t.Helper()
		res, err := client.PostForm(f.srv.URL+path, form)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	// Not signed in: the review page sends to the sign-in page.
	if code, body := page("/review"); code != 200 || !strings.Contains(body, `name="token"`) {
		t.Fatalf("/review before sign-in = %d", code)
	}
	if code, body := post("/signin", url.Values{"token": {"lumen.alice.bad"}, "next": {"/review"}}); code != 401 || !strings.Contains(body, "not valid") {
		t.Errorf("sign-in with a bad token = %d", code)
	}
	req, _ := http.NewRequest("POST", f.srv.URL+"/signin", strings.NewReader(url.Values{"token": {f.curator}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != 403 {
		t.Errorf("sign-in posted from another site = %v %v, want 403", res.StatusCode, err)
	}
	code, body := post("/signin", url.Values{"token": {f.curator}, "next": {"https://evil.example/"}})
	if code != 200 || !strings.Contains(body, `id="claim"`) {
		t.Fatalf("sign-in = %d, want the review page (an outside next is ignored)", code)
	}
	id := f.claimIDs[0]
	code, body = page("/review?claim=" + id)
	u, _ := url.Parse(f.srv.URL)
	cookies := jar.Cookies(u)
	if len(cookies) != 1 {
		t.Fatalf("cookies = %v", cookies)
	}
	// The page marks the mention and escapes crawled text.
	if !strings.Contains(body, `<mark class="mention" title="Probiotics (intervention/probiotics)" data-concept="intervention/probiotics">Probiotics</mark>`) ||
		strings.Contains(body, "<script>alert") || !strings.Contains(body, "Before this.") || strings.Contains(body, "<b>me</b>") {
		t.Errorf("review page does not mark the mention, show the context, or escape the text:\n%s", body)
	}
	csrf, etag := csrfField.FindStringSubmatch(body)[1], html.UnescapeString(etagField.FindStringSubmatch(body)[1])
	if code, _ := post("/review/"+id, url.Values{"action": {"accept"}, "etag": {etag}}); code != 403 {
		t.Errorf("form without CSRF token = %d, want 403", code)
	}
	// The API refuses a cookie-authenticated write without the CSRF header.
	req, _ = http.NewRequest("POST", f.srv.URL+"/api/v1/claims/"+id+"/review", strings.NewReader(`{"action":"accept"}`))
	req.Header.Set("If-Match", etag)
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 403 {
		t.Errorf("cookie write without %s = %d, want 403", "X-CSRF-Token", res.StatusCode)
	}
	// QA2: accept and reject carry a note too, not only a correction.
	for _, form := range []string{"accept-form", "reject-form", "correct-form"} {
		i := strings.Index(body, `id="`+form+`"`)
		if i < 0 || !strings.Contains(body[i:i+strings.Index(body[i:], "</form>")], `name="note"`) {
			t.Errorf("the page's %s has no note field", form)
		}
	}
	code, body = post("/review/"+id, url.Values{"action": {"reject"}, "reason": {"other"}, "note": {"a heading, not a finding"}, "etag": {etag}, "csrf": {csrf}})
	if code != 200 || !strings.Contains(body, "Rejected.") || !strings.Contains(body, `id="undo-form"`) {
		t.Fatalf("reject from the page = %d:\n%s", code, body)
	}
	var c claimBody
	f.do(t, "GET", "/api/v1/claims/"+id, "", nil, "", &c)
	if c.Review.Status != lumen.StatusRejected || c.Review.Reason != lumen.ReasonOther || c.Review.Note != "a heading, not a finding" || c.Review.Curator != "alice" {
		t.Errorf("after the page's reject: %+v", c.Review)
	}
	// Undo from the flash puts the claim back in front of the curator.
	undoETag := html.UnescapeString(regexp.MustCompile(`id="undo-form"[\s\S]*?name="etag" value="([^"]+)"`).FindStringSubmatch(body)[1])
	code, body = post("/review/"+id, url.Values{"action": {"undo"}, "etag": {undoETag}, "csrf": {csrf}})
	if code != 200 || !strings.Contains(body, `data-claim="`+id+`" data-status="pending"`) {
		t.Errorf("undo from the page = %d", code)
	}
	// A correction with the page's editor.
	etag = html.UnescapeString(etagField.FindStringSubmatch(body)[1])
	code, _ = post("/review/"+id, url.Values{"action": {"correct"}, "etag": {etag}, "csrf": {csrf},
		"concepts": {"condition/acne", "mechanism/intestinal-permeability"}, "relation": {"associated"}, "hedged": {"1"}})
	f.do(t, "GET", "/api/v1/claims/"+id, "", nil, "", &c)
	if code != 200 || c.Review.Status != lumen.StatusCorrected || c.Relation != "associated" || !c.Hedged || c.Negated || len(c.Concepts) != 2 {
		t.Errorf("correct from the page = %d %+v %v %s", code, c.Review, c.Concepts, c.Relation)
	}
	// A stale form: 409, the page shows the claim as it stands; the
	// curator's own decision since is told as such (a form sent twice).
	if code, body := post("/review/"+id, url.Values{"action": {"accept"}, "etag": {etag}, "csrf": {csrf}}); code != 409 || !strings.Contains(body, "You decided this claim") {
		t.Errorf("stale form = %d", code)
	}
	// A form without the claim's version is the form's fault, not the server's.
	if code, body := post("/review/"+id, url.Values{"action": {"accept"}, "csrf": {csrf}}); code != 428 || !strings.Contains(body, "reload the page") {
		t.Errorf("form without etag = %d", code)
	}
	// A note over the body limit: 413, as the page for a browser (the
	// claim shown again), as JSON for anything else.
	big := url.Values{"action": {"accept"}, "etag": {etag}, "csrf": {csrf}, "note": {strings.Repeat("n", 70<<10)}}
	if code, body := post("/review/"+id, big); code != 413 || !strings.Contains(body, `"too_large"`) {
		t.Errorf("oversized form without Accept = %d %.200s, want 413 too_large", code, body)
	}
	req, _ = http.NewRequest("POST", f.srv.URL+"/review/"+id, strings.NewReader(big.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "text/html")
	if res, err = client.Do(req); err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 413 || !strings.Contains(string(b), "shorten the note") || !strings.Contains(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("oversized form from a browser = %d %s:\n%.300s", res.StatusCode, res.Header.Get("Content-Type"), b)
	}
	// A form sent after the session ended: sign in, then back to the claim's
	// page (the form's route takes only POST).
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err = noRedirect.PostForm(f.srv.URL+"/review/"+id, url.Values{"action": {"accept"}, "etag": {etag}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if loc := res.Header.Get("Location"); res.StatusCode != 303 || loc != "/signin?next="+url.QueryEscape("/review?claim="+id) {
		t.Errorf("form without a session = %d to %q", res.StatusCode, loc)
	}
	// A browser on the form's route gets a page, not JSON.
	req, _ = http.NewRequest("GET", f.srv.URL+"/review/"+id, nil)
	req.Header.Set("Accept", "text/html")
	if res, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 405 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("GET of the form's route from a browser = %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if code, _ := post("/signout", url.Values{"csrf": {csrf}}); code != 200 {
		t.Errorf("sign out = %d", code)
	}
	if code, body := page("/review"); code != 200 || !strings.Contains(body, `name="token"`) {
		t.Errorf("/review after sign-out = %d, want the sign-in page", code)
	}
}
