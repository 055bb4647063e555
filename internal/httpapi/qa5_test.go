package httpapi_test

import (
	"context"
	"html"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// waitTotal polls a search until it finds want claims (within a deadline
// for a loaded CI machine).
func waitTotal(t *testing.T, f *reviewFixture, path string, want uint64) claimsBody {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
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
		code, body := getPage(t, client, f.srv.URL, path)
		if code != 200 {
			t.Fatalf("GET %s = %d", path, code)
		}
		return body
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

// reverseArticle relates conditions to mechanisms the other way round (the
// condition as the cause): acne only that way, psoriasis both ways.
func reverseArticle() lumen.ArticleTagged {
	acne, pso, leaky := "condition/acne", "condition/psoriasis", "mechanism/intestinal-permeability"
	ev := taggedArticle("https://example.org/reverse", "Skin to gut", time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC),
		lumen.EvidenceCohort, "", "",
		sentence{"Acne raised intestinal permeability.", []string{acne, leaky}, lumen.RelationIncreases, ""},
		sentence{"Psoriasis worsened the leaky gut.", []string{pso, leaky}, lumen.RelationIncreases, ""})
	ev.Claims[0].Relations = []lumen.Relation{{Subject: acne, Object: leaky, Effect: lumen.RelationIncreases}}
	ev.Claims[1].Relations = []lumen.Relation{{Subject: pso, Object: leaky, Effect: lumen.RelationIncreases}}
	return ev
}

var (
	mapHref    = regexp.MustCompile(`href="(/[^"]*)"`)
	mapCell    = regexp.MustCompile(`<td[^>]*data-claims="(\d+)"[^>]*><a href="([^"]+)"`)
	mapReverse = regexp.MustCompile(`<td[^>]*data-reverse="(\d+)"[^>]*>.*?<a class="reverse" href="([^"]+)"`)
)

// TestMapPageLinksWork follows every link the map page draws: each works,
// each cell's link finds the claims it counts, and a cell's claims that
// relate its concepts only the other way (reverse) have a link too, which
// finds them. With a concept removed from the taxonomy that claims in the
// index are still tagged with, its rows, columns and cells link to those
// claims, and the map and the search say why the concept is shown by id.
func TestMapPageLinksWork(t *testing.T) {
	leaky := "mechanism/intestinal-permeability"
	removed := lumen.Taxonomy{Version: "rich-2"}
	for _, c := range richTaxonomy.Concepts {
		if c.ID != leaky {
			removed.Concepts = append(removed.Concepts, c)
		}
	}
	for _, tt := range []struct {
		name    string
		tax     lumen.Taxonomy
		retired bool
	}{{"taxonomy as tagged", richTaxonomy, false}, {"concept removed", removed, true}} {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := richFixtureWith(t, tt.tax, reverseArticle())
			total := func(link string) uint64 {
				t.Helper()
				var b claimsBody
				if code := get(t, srv, "/api/v1/claims"+strings.TrimPrefix(link, "/"), &b); code != 200 {
					t.Fatalf("%s through the API = %d", link, code)
				}
				return b.Total
			}
			reverses := 0
			for _, page := range []string{"/map", "/map?rows=mechanism&cols=condition", "/map?rows=condition&cols=intervention",
				"/map?rows=condition&cols=mechanism&effect=increases"} {
				code, body := getPage(t, nil, srv.URL, page)
				if code != 200 {
					t.Fatalf("GET %s = %d", page, code)
				}
				for _, m := range mapHref.FindAllStringSubmatch(body, -1) {
					link := html.UnescapeString(m[1])
					if strings.HasPrefix(link, "/review") {
						continue // this server has no curation (the review page's tests follow it)
					}
					if code, b := getPage(t, nil, srv.URL, link); code != 200 {
						t.Errorf("%s links to %s: %d %.300s", page, link, code, b)
					}
				}
				for _, m := range mapCell.FindAllStringSubmatch(body, -1) {
					want, _ := strconv.Atoi(m[1])
					if got := total(html.UnescapeString(m[2])); got != uint64(want) {
						t.Errorf("%s: a cell of %d claims links to %s, which finds %d", page, want, m[2], got)
					}
				}
				for _, m := range mapReverse.FindAllStringSubmatch(body, -1) {
					reverses++
					want, _ := strconv.Atoi(m[1])
					if got := total(html.UnescapeString(m[2])); got != uint64(want) {
						t.Errorf("%s: a cell of %d reverse claims links to %s, which finds %d", page, want, m[2], got)
					}
				}
				hasNote := strings.Contains(body, `id="retired"`) && strings.Contains(body, "<code>"+leaky+"</code>")
				if strings.Contains(page, "intervention") {
					continue // no mechanism on this map
				}
				if hasNote != tt.retired {
					t.Errorf("%s: says the concept is not in the taxonomy: %t, want %t", page, hasNote, tt.retired)
				}
			}
			if reverses == 0 {
				t.Errorf("no map has a link to the claims that relate a cell's concepts the other way")
			}
			// The retired concept's own search says why it is there.
			code, body := getPage(t, nil, srv.URL, "/?concept="+leaky)
			if code != 200 || strings.Contains(body, `id="retired"`) != tt.retired || !strings.Contains(body, "leaky gut") {
				t.Errorf("search for %s = %d, note %t (want %t)", leaky, code, strings.Contains(body, `id="retired"`), tt.retired)
			}
			if tt.retired {
				var e errBody
				if code := get(t, srv, "/api/v1/claims?concept=mechanism/nonexistent", &e); code != 400 || e.Field != "concept" {
					t.Errorf("a concept neither the taxonomy nor the index has = %d %+v, want 400", code, e)
				}
			}
		})
	}
}
