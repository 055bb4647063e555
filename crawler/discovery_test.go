package crawler

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

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
