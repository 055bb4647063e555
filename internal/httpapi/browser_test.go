package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/browsertest"
)

// scriptsRan is true once the page's deferred scripts have run: the
// keyboard shortcuts are not there before, and a key pressed then is lost
// (the page is in the DOM, and the flash shown, before review.js runs).
const scriptsRan = `document.readyState === "complete"`

// A curator in a real browser: signs in with a token, works three claims
// from the queue with the keyboard alone (accept, reject with a reason,
// correct), undoes and redoes one, and finds the decisions in search.
func TestReviewInABrowser(t *testing.T) {
	f := reviewServer(t, false)
	b := browsertest.Start(t)
	p := b.NewPage(t)

	p.Go(f.srv.URL + "/review")
	if !strings.Contains(p.URL(), "/signin?next=") {
		t.Fatalf("an anonymous visit to /review lands on %s, want the sign-in page", p.URL())
	}
	p.Type("#token", f.curator)
	p.Key(browsertest.Enter)
	p.WaitVisible("#claim")
	p.WaitFor(scriptsRan)
	if who := p.Text("#who"); !strings.Contains(who, "alice") {
		t.Errorf("signed-in bar = %q", who)
	}
	// Cookies are out of reach of scripts (HttpOnly).
	if c := browsertest.Eval[string](p, "document.cookie"); c != "" {
		t.Errorf("document.cookie = %q: the session cookie must be HttpOnly", c)
	}

	decided := map[string]string{}
	// shown is the claim the page shows; keys waits until the page's
	// shortcuts are in place (its script runs after the page is shown).
	shown := func() string { return p.Attr("#claim", "data-claim") }
	keys := func() { p.WaitFor(`document.documentElement.dataset.keys === "ready"`) }
	first := shown()
	keys()
	p.Key("a")
	p.WaitFor(`document.querySelector("#flash") && document.querySelector("#flash").textContent.includes("Accepted") && ` + scriptsRan)
	decided[first] = lumen.StatusAccepted

	second := shown()
	if second == first {
		t.Fatalf("the queue showed the accepted claim again")
	}
	keys()
	p.Key("r")
	p.Key("1") // the first reason: not_a_claim
	p.WaitFor(`document.querySelector("#flash") && document.querySelector("#flash").textContent.includes("Rejected") && ` + scriptsRan)
	decided[second] = lumen.StatusRejected

	third := shown()
	if third == first || third == second {
		t.Fatalf("the queue showed a decided claim again")
	}
	keys()
	p.Key("e") // open the editor, focus the concepts
	for range 3 {
		p.Key(browsertest.Tab) // relation, negated, hedged
	}
	p.Key(" ") // tick hedged
	p.KeyCtrl(browsertest.Enter)
	p.WaitFor(`document.querySelector("#flash") && document.querySelector("#flash").textContent.includes("Corrected") && ` + scriptsRan)

	// Undo the correction: the claim comes back, pending; accept it.
	keys()
	p.Key("u")
	p.WaitFor(`document.querySelector("#claim[data-claim='` + third + `'][data-status='pending']") !== null`)
	keys()
	p.Key("a")
	p.WaitFor(`document.querySelector("#flash") && document.querySelector("#flash").textContent.includes("Accepted") && ` + scriptsRan)
	decided[third] = lumen.StatusAccepted

	// The decisions in search, through the search page's status filter.
	for id, status := range decided {
		deadline := time.Now().Add(10 * time.Second)
		for {
			p.Go(f.srv.URL + "/?status=" + status)
			if strings.Contains(p.HTML(), `href="/articles/`) && p.Count(`.tag.status-`+status) > 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("claim %s not found as %s on the search page", id, status)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	var c claimBody
	for id, status := range decided {
		f.do(t, "GET", "/api/v1/claims/"+id, "", nil, "", &c)
		if c.Review.Status != status || c.Review.Curator != "alice" {
			t.Errorf("claim %s = %+v, want %s by alice", id, c.Review, status)
		}
	}
	var hist struct {
		Decisions []lumen.ReviewDecision `json:"decisions"`
	}
	f.do(t, "GET", "/api/v1/claims/"+third+"/history", "", nil, "", &hist)
	if len(hist.Decisions) != 3 || hist.Decisions[0].Correction == nil || !hist.Decisions[0].Correction.Hedged || hist.Decisions[1].Action != "undo" {
		t.Errorf("history of the third claim = %+v, want a hedged correction, its undo, an acceptance", hist.Decisions)
	}
}

// QA3 rough edges 9 and 6 in a browser: e then Ctrl+Enter with nothing
// changed records nothing; the page says why and keeps the editor open with
// the note typed.
func TestUnchangedCorrectionInABrowser(t *testing.T) {
	f := reviewServer(t, false)
	b := browsertest.Start(t)
	p := b.NewPage(t)
	p.Go(f.srv.URL + "/review")
	p.Type("#token", f.curator)
	p.Key(browsertest.Enter)
	p.WaitVisible("#claim")
	p.WaitFor(`document.documentElement.dataset.keys === "ready"`)
	id := p.Attr("#claim", "data-claim")
	p.Key("e")
	p.Type("#note", "looked twice")
	p.KeyCtrl(browsertest.Enter)
	p.WaitFor(`document.querySelector("#error") !== null && ` + scriptsRan)
	if msg := p.Text("#error"); !strings.Contains(msg, "changes nothing") {
		t.Errorf("error = %q, want the correction refused as changing nothing", msg)
	}
	if open := browsertest.Eval[bool](p, `document.querySelector("#correct-box").open`); !open {
		t.Error("the editor is closed after the refusal")
	}
	if note := browsertest.Eval[string](p, `document.querySelector("#note").value`); note != "looked twice" {
		t.Errorf("note after the refusal = %q", note)
	}
	var c claimBody
	f.do(t, "GET", "/api/v1/claims/"+id, "", nil, "", &c)
	if c.Review.Status != lumen.StatusPending {
		t.Errorf("claim after an unchanged correction = %s, want pending", c.Review.Status)
	}
}
