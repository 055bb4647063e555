package crawler

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// briefs are news briefs of two sentences (25 to 35 words), each with a
// claim: articles however short.
var briefs = []string{
	"A daily probiotic drink reduced eczema severity in toddlers by a third over eight weeks. The trial compared it with placebo in 120 children.",
	"Teenagers who drank more skimmed milk had more acne lesions, a cohort study of 4,000 students found. Whole milk showed no such link.",
	"Zinc supplements made no difference to eczema severity after sixteen weeks in a randomised trial of adults. Itch scores were also unchanged.",
	"People with psoriasis had lower gut microbial diversity than healthy volunteers. The difference held after adjusting for diet and body weight.",
	"A low-glycaemic diet for twelve weeks cut acne lesions in young men. Their insulin sensitivity improved as well, the researchers reported.",
	"Blood levels of zonulin, a marker of a leaky gut, were higher in chronic urticaria than in controls. The study was small.",
}

// newsSite is the local site of the test: briefs, longer
// articles, numbered hub pages, a page only the feed lists, a page only
// the sitemap lists, a huge page, a redirect loop and a slow URL. Every
// page and listing carries an ETag and answers a matching If-None-Match
// with 304.
func newsSite(t *testing.T) *site {
	s := newSite(t)
	etagged := func(path, ctype, body string) {
		etag := fmt.Sprintf(`"%x"`, fnvString(body))
		s.handle(path, func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", ctype)
			fmt.Fprint(w, body)
		})
	}
	page := func(title, body string) string {
		return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + title + ` | Skin Wire</title>` +
			`<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>` +
			`<header><a href="/">Skin Wire</a> <nav><a href="/hub/1">Latest</a> <a href="/hub/2">More news</a> <a href="/about">About us</a></nav></header>` +
			`<main>` + body + `</main><footer><a href="/privacy">Privacy</a> <a href="/contact">Contact</a></footer></body></html>`
	}
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nAllow: /\nSitemap: "+s.URL+"/sitemap.xml\n")
	})
	var hub1, hub2 strings.Builder
	hub1.WriteString("<h1>Latest news</h1><ol>")
	for i, b := range briefs {
		title, _, _ := strings.Cut(b, ",")
		fmt.Fprintf(&hub1, `<li><a href="/brief/%d">%d. %s</a></li>`, i, i+1, title)
	}
	fmt.Fprintf(&hub1, `<li><a href="/huge">7. The biggest report ever written on the skin</a></li><li><a href="/loop">8. A story that went round in circles</a></li><li><a href="/slow">9. A story from a slow server somewhere</a></li></ol><p><a href="/hub/2">Next page</a></p>`)
	hub2.WriteString("<h1>More news</h1><ol>")
	for i := range 2 {
		fmt.Fprintf(&hub2, `<li><a href="/article/%d">%d. A longer look at the gut and the skin, part %d</a></li>`, i, i+10, i)
	}
	hub2.WriteString(`</ol><p><a href="/hub/1">Previous page</a></p>`)
	etagged("/", "text/html", page("Home", `<h1>Skin Wire</h1><ul><li><a href="/hub/1">1. The latest news on the gut and the skin</a></li><li><a href="/hub/2">2. More news on the gut and the skin</a></li></ul>`))
	etagged("/hub/1", "text/html", page("Latest news", hub1.String()))
	etagged("/hub/2", "text/html", page("More news", hub2.String()))
	for i, b := range briefs {
		title, _, _ := strings.Cut(b, ",")
		etagged(fmt.Sprintf("/brief/%d", i), "text/html", page(title, `<article><h1>`+title+`</h1><p>`+b+`</p></article>`))
	}
	for i := range 2 {
		etagged(fmt.Sprintf("/article/%d", i), "text/html", page(fmt.Sprintf("A longer look, part %d", i),
			fmt.Sprintf("<article><h1>A longer look, part %d</h1>%s</article>", i, lorem(fmt.Sprintf("longer look %d", i)))))
	}
	etagged("/feed-only", "text/html", page("Kefir and eczema", `<article><h1>Kefir and eczema</h1><p>Children who drank kefir daily for ten weeks had milder eczema than those who drank milk. The trial was not blinded.</p></article>`))
	etagged("/sitemap-only", "text/html", page("Fibre and rosacea", `<article><h1>Fibre and rosacea</h1><p>Rosacea patients who ate more dietary fibre reported fewer flare-ups over a year. The survey cannot show cause and effect.</p></article>`))
	etagged("/feed.xml", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Skin Wire</title><link>`+s.URL+`/</link><description>News</description>`+
		`<item><title>Kefir and eczema</title><link>`+s.URL+`/feed-only</link></item><item><title>Zinc</title><link>`+s.URL+`/brief/2</link></item></channel></rss>`)
	etagged("/sitemap.xml", "application/xml", `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+
		`<url><loc>`+s.URL+`/sitemap-only</loc></url><url><loc>`+s.URL+`/brief/0</loc></url></urlset>`)
	huge := bytes.Repeat([]byte("<p>The skin is the largest organ of the body, and this page is very long indeed.</p>\n"), 15<<20/80)
	s.handle("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(huge)
	})
	s.handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	s.handle("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	s.handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	return s
}

// The site, crawled twice with a recrawl interval of zero: the
// first run indexes exactly the briefs and the articles (the hubs are
// followed, not indexed; the feed-only and sitemap-only pages are found;
// the huge page, the loop and the slow URL fail); the second sends
// conditional requests for every page it fetches and does not touch the
// known failures.
func TestNewsSiteTwice(t *testing.T) {
	h := newHarness(t, func(o *Options) {
		o.Timeout = 2 * time.Second // the huge page must be read to its cap first, even on a loaded machine
		o.MaxBodyBytes = 10 << 20
		o.Recrawl = 0
		o.HostConcurrency = 2
	})
	s := newsSite(t)
	src := webSource("news", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(3) })

	first := h.run(src)
	arts := h.articles()
	want := []string{"/feed-only", "/sitemap-only", "/article/0", "/article/1"}
	for i := range briefs {
		want = append(want, fmt.Sprintf("/brief/%d", i))
	}
	for _, p := range want {
		if _, ok := arts[s.URL+p]; !ok {
			t.Errorf("%s not indexed", p)
		}
	}
	if len(arts) != len(want) {
		t.Errorf("%d articles indexed (%v), want exactly the %d briefs and articles", len(arts), sortedKeys(arts), len(want))
	}
	// The site's own failures, and the three pages of its navigation that
	// do not exist.
	if first.New != len(want) || first.Skipped["hub"] != 3 || first.Failed["too_large"] != 1 ||
		first.Failed["redirect_loop"] != 1 || first.Failed["timeout"] != 1 || first.Failed["http_404"] != 3 {
		t.Errorf("first run = %+v, want %d new, 3 hubs, too_large, redirect_loop, timeout and 3 http_404 failures", first, len(want))
	}

	firstHits := map[string]int{}
	for _, p := range []string{"/huge", "/loop", "/slow", "/about", "/privacy", "/contact"} {
		firstHits[p] = s.hits(p)
	}
	s.mu.Lock()
	n := len(s.requests)
	s.mu.Unlock()
	second := h.run(src)
	if second.New != 0 || second.Changed != 0 {
		t.Errorf("second run = %+v, want nothing new or changed", second)
	}
	for p, n := range firstHits {
		if s.hits(p) != n {
			t.Errorf("%s requested again by the second run: a known failure", p)
		}
	}
	if second.Skipped["backoff"] != 6 {
		t.Errorf("second run = %+v, want the 6 known failures skipped (backoff)", second)
	}
	s.mu.Lock()
	later := s.requests[n:]
	s.mu.Unlock()
	pages := 0
	for _, r := range later {
		if r.URL.Path == "/robots.txt" {
			continue
		}
		pages++
		if r.Header.Get("If-None-Match") == "" {
			t.Errorf("second run: %s requested without a validator", r.URL.Path)
		}
	}
	// Every page and listing once, as the first run found them: the 8
	// articles and briefs, the 2 found pages, 3 hubs, the feed and the
	// sitemap.
	if pages != len(want)+3+2 {
		t.Errorf("second run made %d requests, want %d", pages, len(want)+3+2)
	}
}
