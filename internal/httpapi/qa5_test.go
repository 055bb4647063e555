package httpapi_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// waitTotal polls a search until it finds want claims.
func waitTotal(t *testing.T, f *reviewFixture, path string, want uint64) claimsBody {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var b claimsBody
		get(t, f.srv, path, &b)
		if b.Total == want {
			return b
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s finds %d claims, want %d", path, b.Total, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// QA4: an undo on an accepted claim whose sentence a re-crawl removed is
// recorded; the claim stays retracted, pending, and every view that lists
// retracted claims shows it: retracted=true (with status=pending), its
// article's page (with a link to review it), and the review page says
// where it went.
func TestUndoOnARetractedClaimIsFound(t *testing.T) {
	f := reviewServer(t, false)
	ctx := context.Background()
	id := f.claimIDs[0]
	path := "/api/v1/claims/" + id
	var c claimBody
	res := f.do(t, "GET", path, "", nil, "", &c)
	if res = f.do(t, "POST", path+"/review", f.curator, map[string]string{"If-Match": res.Header.Get("ETag")}, `{"action": "accept"}`, &c); res.StatusCode != 200 {
		t.Fatalf("accept = %d", res.StatusCode)
	}
	waitTotal(t, f, "/api/v1/claims?status=accepted", 1)

	// Re-crawled without the claim's sentence.
	ev := f.ev
	ev.Article.Text = strings.Replace(ev.Article.Text, ev.Claims[0].Text, "", 1)
	ev.Claims = slices.Clone(ev.Claims[1:])
	for i := range ev.Claims {
		ev.Claims[i].Start = strings.Index(ev.Article.Text, ev.Claims[i].Text)
		ev.Claims[i].End = ev.Claims[i].Start + len(ev.Claims[i].Text)
		ev.Claims[i].Mentions = nil
	}
	ev.Article.FetchedAt = ev.Article.FetchedAt.Add(time.Hour)
	ev.Article.ContentHash = ev.Article.ComputeContentHash()
	if _, err := f.ix.Apply(ctx, []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	res = f.do(t, "GET", path, "", nil, "", &c)
	if !c.Review.Retracted || c.Review.Status != lumen.StatusAccepted {
		t.Fatalf("claim whose sentence left = %+v, want accepted, retracted", c.Review)
	}
	res = f.do(t, "POST", path+"/review", f.curator, map[string]string{"If-Match": res.Header.Get("ETag")}, `{"action": "undo"}`, &c)
	if res.StatusCode != 200 || !c.Review.Retracted || c.Review.Status != lumen.StatusPending || c.Review.Version != 2 {
		t.Fatalf("undo on a retracted claim = %d %+v, want 200, pending, retracted", res.StatusCode, c.Review)
	}
	b := waitTotal(t, f, "/api/v1/claims?retracted=true&status=pending", 1)
	if b.Hits[0].ID != id || !b.Hits[0].Review.Retracted {
		t.Errorf("retracted=true&status=pending = %+v, want the undone claim", b.Hits[0])
	}
	get(t, f.srv, "/api/v1/claims?size=100", &b)
	for _, h := range b.Hits {
		if h.ID == id {
			t.Errorf("the default search serves the retracted claim")
		}
	}

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	page := func(path string) string {
		t.Helper()
		res, err := client.Get(f.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s = %d", path, res.StatusCode)
		}
		return string(body)
	}
	if res, err := client.PostForm(f.srv.URL+"/signin", url.Values{"token": {f.curator}}); err != nil || res.StatusCode != 200 {
		t.Fatalf("sign-in: %v", err)
	}
	body := page("/review?claim=" + id)
	if !strings.Contains(body, `id="retracted-note"`) || !strings.Contains(body, "none is in effect now") ||
		!strings.Contains(body, "/?retracted=true&amp;article="+f.ev.Article.ID) {
		t.Errorf("review page of the undone retracted claim does not say where it is:\n%s", body)
	}
	body = page("/articles/" + f.ev.Article.ID)
	if !strings.Contains(body, "Retracted claims (1)") || !strings.Contains(body, `href="/review?claim=`+id+`"`) {
		t.Errorf("article page does not list the undone retracted claim with a link to review it")
	}
	body = page("/?retracted=true&article=" + f.ev.Article.ID)
	if !strings.Contains(body, id) {
		t.Errorf("search page with retracted=true does not show the undone claim")
	}
}
