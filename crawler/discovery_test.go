package crawler

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// A seed crawl reads the Sitemap lines of robots.txt and the feeds a page
// links to, and queues what they list: a page only the sitemap lists and a
// page only the feed lists are found.
func TestSeedDiscovery(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/sitemap.xml\nSitemap: https://elsewhere.example/sitemap.xml\n", s.URL)
	})
	s.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/sitemap-only</loc></url><url><loc>%s/a</loc></url></urlset>`, s.URL, s.URL)
	})
	s.handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>%s/</link><description>d</description>
<item><title>Feed only</title><link>%s/feed-only</link></item></channel></rss>`, s.URL, s.URL)
	})
	s.html("/", `<html><head><title>Home</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><h1>Home</h1><ul><li><a href="/a">A</a></li></ul></body></html>`)
	s.html("/a", articleHTML("A", lorem("A")))
	s.html("/sitemap-only", articleHTML("Sitemap only", lorem("Sitemap only")))
	s.html("/feed-only", articleHTML("Feed only", lorem("Feed only")))
	run := h.run(webSource("discover", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(1) }))
	arts := h.articles()
	for _, p := range []string{"/a", "/sitemap-only", "/feed-only"} {
		if _, ok := arts[s.URL+p]; !ok {
			t.Errorf("%s not published; have %v (run %+v)", p, sortedKeys(arts), run)
		}
	}
	if run.New != 3 || run.Error != "" {
		t.Errorf("run = %+v, want 3 new", run)
	}
	if s.hits("/a") != 1 {
		t.Errorf("/a fetched %d times, want once (linked and listed)", s.hits("/a"))
	}

	// max_depth 0 is the seeds only: nothing is discovered.
	h2 := newHarness(t, nil)
	run = h2.run(webSource("seedonly", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(0) }))
	if s.hits("/sitemap.xml") != 1 || s.hits("/feed.xml") != 1 {
		t.Errorf("max_depth 0 read a listing: sitemap %d, feed %d requests", s.hits("/sitemap.xml"), s.hits("/feed.xml"))
	}
}

// Listings and hubs that list without end are bounded and counted: a
// robots.txt with a hundred Sitemap lines, a sitemap of 60,000 URLs, a hub
// of 20,000 links (extract's own test takes 100,000). Nothing crashes or
// stalls, and what a bound dropped is counted under its reason.
func TestDiscoveryBounds(t *testing.T) {
	const hubLinks = 20000
	h := newHarness(t, func(o *Options) { o.MaxQueue = 300 })
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString("User-agent: *\nAllow: /\n")
		for i := range 100 {
			fmt.Fprintf(&b, "Sitemap: %s/sm%d.xml\n", s.URL, i)
		}
		w.Write([]byte(b.String()))
	})
	s.handle("/", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString("<html><head><title>Everything</title></head><body><h1>Everything</h1><ul>")
		for i := range hubLinks {
			fmt.Fprintf(&b, `<li><a href="/p/%d">Page %d</a></li>`, i, i)
		}
		b.WriteString("</ul></body></html>")
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(b.String()))
	})
	src := webSource("bounds", s, func(src *lumen.Source) { src.MaxPages = 3; src.MaxDepth = lumen.Depth(1) })
	run := h.run(src)
	if got := run.Skipped["robots_sitemaps"]; got != 90 {
		t.Errorf("skipped[robots_sitemaps] = %d, want 90 (of 100 Sitemap lines, 10 are read)", got)
	}
	if got := run.Skipped["page_links"]; got != hubLinks-maxPageLinks {
		t.Errorf("skipped[page_links] = %d, want %d", got, hubLinks-maxPageLinks)
	}
	if run.Skipped["hub"] != 1 || run.Skipped["max_pages"] == 0 {
		t.Errorf("run = %+v, want the seed a hub and the budget's leftovers counted", run)
	}
	if total := run.Skipped["queue_limit"] + run.Skipped["max_pages"]; total < maxPageLinks-300 {
		t.Errorf("run = %+v: %d links left out by the queue limit or the budget, want about %d", run, total, maxPageLinks)
	}

	// A sitemap of 60,000 URLs: the protocol's 50,000 are read, the
	// queue takes what its limit allows, and the rest is counted.
	s.handle("/big-sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := range 60000 {
			fmt.Fprintf(&b, "<url><loc>%s/listed/%d</loc></url>", s.URL, i)
		}
		b.WriteString("</urlset>")
		w.Write([]byte(b.String()))
	})
	run = h.run(lumen.Source{Name: "bigsitemap", Kind: lumen.SourceSitemap, URLs: []string{s.URL + "/big-sitemap.xml"}, AllowPrivate: true, MaxPages: 2})
	if got := run.Skipped["sitemap_urls"]; got != 10000 {
		t.Errorf("skipped[sitemap_urls] = %d, want 10000 (run %+v)", got, run)
	}
	// Which bound drops a URL depends on whether the two pages of the
	// budget were fetched before the sitemap's URLs were all offered.
	if got := run.Skipped["queue_limit"] + run.Skipped["max_pages"]; got < 50000-300 {
		t.Errorf("queue_limit + max_pages = %d, want >= %d (run %+v)", got, 50000-300, run)
	}
}

// listingSite is a site as most are: robots.txt names the sitemap index,
// the home page declares two feeds with <link rel="alternate"> and links
// the sitemap index and one feed from its nav with <a href> too, and an
// inner page links a second sitemap that nothing else names. Every article
// is reachable only through a listing but /a.
func listingSite(t *testing.T) *site {
	t.Helper()
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/sitemap_index.xml\n", s.URL)
	})
	xml := func(path, ct, body string) {
		s.handle(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			fmt.Fprint(w, strings.ReplaceAll(body, "BASE", s.URL))
		})
	}
	xml("/sitemap_index.xml", "application/xml", `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>BASE/sitemap-posts.xml</loc></sitemap></sitemapindex>`)
	xml("/sitemap-posts.xml", "application/xml", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>BASE/sm1</loc></url><url><loc>BASE/sm2</loc></url></urlset>`)
	xml("/feed.rss", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>BASE/</link><description>d</description>
<item><title>Feed one</title><link>BASE/f1</link></item></channel></rss>`)
	xml("/atom.xml", "application/atom+xml", `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>
<entry><title>Feed two</title><id>urn:f2</id><updated>2026-01-01T00:00:00Z</updated><link href="BASE/f2"/></entry></feed>`)
	// Served as text/xml with a stylesheet first, as WordPress plugins do.
	xml("/extra-sitemap.xml", "text/xml; charset=UTF-8", `<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="/sitemap.xsl"?>
<!-- generated --><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>BASE/x1</loc></url></urlset>`)
	s.html("/", `<!doctype html><html><head><title>Home</title>
<link rel="alternate" type="application/rss+xml" href="/feed.rss"><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head>
<body><nav><a href="/sitemap_index.xml">Sitemap</a> <a href="/feed.rss">RSS</a> <a href="/about">About</a></nav>
<h1>Home</h1><ul><li><a href="/a">A</a></li></ul></body></html>`)
	s.html("/about", articleHTML("About this site", lorem("About this site"), "/extra-sitemap.xml"))
	for _, p := range []string{"a", "sm1", "sm2", "f1", "f2", "x1"} {
		s.html("/"+p, articleHTML("Article "+p, lorem("Article "+p)))
	}
	return s
}

// A sitemap or feed that a page also links to with <a href> is read as a
// listing, not fetched as a page and skipped as not_html (QA2: a site
// crawl found 1 of 10 articles): the robots.txt Sitemap line and <link
// rel="alternate"> are not masked by the link, a sitemap reached only by
// a link is recognised by its content, and so is a web source seeded with
// a sitemap's URL.
func TestSeedDiscoveryLinkedListings(t *testing.T) {
	s := listingSite(t)
	want := []string{"/a", "/sm1", "/sm2", "/f1", "/f2", "/x1", "/about"}
	check := func(t *testing.T, h *harness, run lumen.CrawlRun, paths []string) {
		t.Helper()
		arts := h.articles()
		for _, p := range paths {
			if _, ok := arts[s.URL+p]; !ok {
				t.Errorf("%s not published; have %v (run %+v)", p, sortedKeys(arts), run)
			}
		}
		if run.Skipped["not_html"] != 0 || run.Error != "" || run.FailedCount() != 0 {
			t.Errorf("run = %+v, want no not_html, failure or error", run)
		}
	}
	h := newHarness(t, nil)
	src := webSource("site", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(2) })
	run := h.run(src)
	check(t, h, run, want)
	if run.New != len(want) || run.Listings != 5 {
		t.Errorf("run = %+v, want %d new and 5 listings (2 sitemaps of the index, 2 feeds, the linked sitemap)", run, len(want))
	}
	for _, p := range []string{"/sitemap_index.xml", "/feed.rss", "/extra-sitemap.xml"} {
		if n := s.hits(p); n != 1 {
			t.Errorf("%s fetched %d times, want once", p, n)
		}
	}
	if got := s.requestsTo("/feed.rss")[0].Header.Get("Accept"); !strings.Contains(got, "application/rss+xml") {
		t.Errorf("/feed.rss asked for with Accept %q, want a feed's (read as the feed <link> says, not as the <a>)", got)
	}

	// The next run reads the listings again, as listings (the linked
	// sitemap with a conditional request, 304), and finds nothing new.
	run = h.run(src)
	check(t, h, run, want)
	if run.New != 0 || run.Listings != 5 {
		t.Errorf("second run = %+v, want 0 new and the 5 listings read", run)
	}
	if rqs := s.requestsTo("/extra-sitemap.xml"); len(rqs) != 2 || rqs[1].Header.Get("If-None-Match") != `"v1"` {
		t.Errorf("linked sitemap asked for %d times, the second without its ETag; want a conditional request", len(rqs))
	}

	// A web source seeded with the sitemap's URL (lumen crawl --once
	// --seed .../sitemap_index.xml) reads it as a sitemap.
	h2 := newHarness(t, nil)
	run = h2.run(lumen.Source{Name: "seeded", Kind: lumen.SourceWeb, URLs: []string{s.URL + "/sitemap_index.xml"}, AllowPrivate: true,
		MaxPages: 2, MaxDepth: lumen.Depth(0)})
	check(t, h2, run, []string{"/sm1", "/sm2"})
	if run.Listings != 2 || run.New != 2 {
		t.Errorf("seeded run = %+v, want 2 listings and 2 new; the sitemaps charged as listings, not pages", run)
	}
}

// A crawl state written before listings reached by a link were read as
// such remembers the site's sitemap and feed as not_html failures, backing
// off for days: they are read all the same.
func TestListingRememberedAsNotHTML(t *testing.T) {
	s := listingSite(t)
	h := newHarness(t, nil)
	now := time.Now().UTC()
	for _, p := range []string{"/sitemap_index.xml", "/feed.rss", "/extra-sitemap.xml"} {
		u, err := Canonicalize(s.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		st := urlState{URL: u, FetchedAt: now, Status: 200, Skipped: "not_html", Failures: 1, Failure: "not_html",
			FailedAt: now, RetryAt: now.Add(24 * time.Hour)}
		if err := h.c.saveState(t.Context(), st); err != nil {
			t.Fatal(err)
		}
	}
	run := h.run(webSource("site", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(2) }))
	arts := h.articles()
	for _, p := range []string{"/sm1", "/sm2", "/f1", "/x1"} {
		if _, ok := arts[s.URL+p]; !ok {
			t.Errorf("%s not published; have %v (run %+v)", p, sortedKeys(arts), run)
		}
	}
	if run.Skipped["backoff"] != 0 {
		t.Errorf("run = %+v, want no listing left in backoff", run)
	}
}

// A seed that holds no content (a landing page of script) does not fail
// a run that found its articles through the sitemap robots.txt names
// (QA4); without any article found, the run fails and says why.
func TestBlankSeedWithSitemap(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/sitemap.xml\n", s.URL)
	})
	s.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/a</loc></url></urlset>`, s.URL)
	})
	s.html("/", `<html><head><title>Home</title></head><body><p>home</p></body></html>`)
	s.html("/a", articleHTML("A", lorem("A")))
	run := h.run(webSource("blank", s, nil))
	if run.New != 1 || run.Error != "" {
		t.Errorf("run = %+v, want 1 new and no error", run)
	}

	// The same landing page and nothing else: the run fails, naming the seed.
	h2 := newHarness(t, nil)
	s2 := newSite(t)
	s2.html("/", `<html><head><title>Home</title></head><body><p>home</p></body></html>`)
	run = h2.run(webSource("blank-only", s2, nil))
	if !strings.Contains(run.Error, "no_content") || run.New != 0 {
		t.Errorf("run = %+v, want failed for the seed without content", run)
	}
}
