package crawler

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

func TestParseSitemapFixtures(t *testing.T) {
	sm, err := parseSitemap(readTestdata(t, "feeds/sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sm.URLs) != 4 || sm.URLs[1].Loc != "http://HOST/tools/" {
		t.Errorf("sitemap.xml = %+v", sm.URLs)
	}
	for _, tt := range []struct {
		in   string
		want time.Time
	}{
		{sm.URLs[1].LastMod, time.Date(2015, 5, 7, 10, 13, 9, 0, time.UTC)},
		{sm.URLs[2].LastMod, time.Date(2015, 5, 7, 0, 0, 0, 0, time.UTC)},
	} {
		if got := parseW3CDate(tt.in); !got.Equal(tt.want) {
			t.Errorf("parseW3CDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	idx, err := parseSitemap(readTestdata(t, "feeds/sitemap-index.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(idx.Sitemaps) != 3 || !strings.HasSuffix(idx.Sitemaps[0].Loc, ".xml.gz") {
		t.Errorf("sitemap-index.xml = %+v", idx.Sitemaps)
	}
	news, err := parseSitemap(readTestdata(t, "feeds/sitemap-news.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(news.URLs) != 4 || news.URLs[1].News == nil || news.URLs[1].News.Title != "tools" ||
		!parseW3CDate(news.URLs[2].News.PublicationDate).Equal(time.Date(2015, 5, 7, 18, 20, 0, 0, time.UTC)) {
		t.Errorf("sitemap-news.xml = %+v", news.URLs)
	}
	for _, bad := range []string{"", "<html><body>not a sitemap</body></html>", "<urlset><url><loc>x"} {
		if _, err := parseSitemap([]byte(bad)); err == nil {
			t.Errorf("parseSitemap(%q) succeeded", bad)
		}
	}
}

func TestParseFeedFixtures(t *testing.T) {
	tests := []struct {
		file      string
		items     int
		firstLink string
		title     string
	}{
		{"feeds/rss2-feedforall-sample.xml", 2, "http://www.feedforall.com/restaurant.htm", "RSS Solutions for Restaurants"},
		{"feeds/rss2-jsonfeed-org.xml", 1, "https://jsonfeed.org/2017/05/17/announcing_json_feed", "Announcing JSON Feed"},
		{"feeds/atom10-feed-cli-sample.xml", 2, "https://example.com/atom-entry-1", "First Atom Entry"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			items, _, err := parseFeed(readTestdata(t, tt.file), "https://feeds.example/")
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != tt.items {
				t.Fatalf("parseFeed = %d items, want %d", len(items), tt.items)
			}
			it := items[0]
			if it.URL != tt.firstLink || it.Hint == nil || it.Hint.Title != tt.title {
				t.Errorf("first item = %+v (hint %+v)", it, it.Hint)
			}
			if it.Hint.Published.IsZero() {
				t.Errorf("first item has no date")
			}
			if strings.Contains(it.Hint.Summary, "<") || strings.Contains(it.Hint.Summary, "&lt;") {
				t.Errorf("summary still has markup: %q", it.Hint.Summary)
			}
		})
	}
	if _, _, err := parseFeed([]byte("<html>not a feed</html>"), "https://x/"); err == nil {
		t.Error("parseFeed(html) succeeded")
	}
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// A sitemap index with gzipped child sitemaps; on the second run, lastmod
// skips the pages that did not change, without a request.
func TestSitemapCrawl(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	old := "2020-01-01"
	future := time.Now().Add(48 * time.Hour).Format("2006-01-02")
	s.handle("/sitemap-index.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/s1.xml.gz</loc></sitemap><sitemap><loc>%[1]s/s2.xml</loc></sitemap></sitemapindex>`, s.URL)
	})
	s.handle("/s1.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(gzipBytes([]byte(fmt.Sprintf(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%[1]s/a</loc><lastmod>%[2]s</lastmod></url><url><loc>%[1]s/b</loc><lastmod>%[2]s</lastmod></url></urlset>`, s.URL, old))))
	})
	s.handle("/s2.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%[1]s/c</loc><lastmod>%[2]s</lastmod></url><url><loc>%[1]s/elsewhere.pdf</loc></url></urlset>`, s.URL, future)
	})
	for _, p := range []string{"/a", "/b", "/c"} {
		s.html(p, articleHTML("Page "+p, lorem(p)))
	}
	src := lumen.Source{Name: "sm", Kind: lumen.SourceSitemap, URLs: []string{s.URL + "/sitemap-index.xml"}, AllowPrivate: true}
	first := h.run(src)
	if first.New != 3 {
		t.Fatalf("first run = %+v, want 3 new", first)
	}
	second := h.run(src)
	if s.hits("/a") != 1 || s.hits("/b") != 1 {
		t.Errorf("unchanged pages fetched again: /a %d, /b %d", s.hits("/a"), s.hits("/b"))
	}
	if s.hits("/c") != 2 { // its lastmod is after the last fetch
		t.Errorf("/c fetched %d times, want 2", s.hits("/c"))
	}
	if second.New != 0 || second.Changed != 0 {
		t.Errorf("second run = %+v", second)
	}
}

// Feed items become pages with the feed's metadata as hints; when a page
// cannot be used, the item's abstract is published instead.
func TestFeedCrawl(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	abstract := strings.Repeat("Probiotic supplementation reduced acne lesion counts in this randomized trial. ", 5)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nDisallow: /closed/\n") })
	s.handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
<item><title>Open paper</title><link>%[1]s/open?utm_campaign=rss</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><dc:creator>Ada Lovelace</dc:creator><dc:identifier>doi:10.1101/2026.03.01.123456</dc:identifier><description>&lt;p&gt;Short.&lt;/p&gt;</description></item>
<item><title>Closed paper</title><link>%[1]s/closed/paper</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><description>&lt;p&gt;%[2]s&lt;/p&gt;</description></item>
</channel></rss>`, s.URL, abstract)
	})
	s.html("/open", articleHTML("Open paper", lorem("Open")))
	run := h.run(lumen.Source{Name: "feed", Kind: lumen.SourceFeed, URLs: []string{s.URL + "/feed.xml"}, AllowPrivate: true})
	arts := h.articles()
	open, ok := arts[s.URL+"/open"]
	if !ok {
		t.Fatalf("open paper not published; have %v (run %+v)", sortedKeys(arts), run)
	}
	if open.DOI != "10.1101/2026.03.01.123456" || len(open.Authors) != 1 || open.Published.IsZero() {
		t.Errorf("open paper metadata from the feed = %+v", open)
	}
	closed, ok := arts[s.URL+"/closed/paper"]
	if !ok || !strings.Contains(closed.Text, "randomized trial") || closed.Title != "Closed paper" {
		t.Errorf("closed paper = %+v, want the feed's abstract", closed)
	}
	if s.hits("/closed/paper") != 0 {
		t.Error("robots-disallowed page fetched")
	}
}

// A site whose sitemap indexes nest without end, and whose sitemaps list
// far more URLs than the run may fetch, costs a bounded number of requests
// and a bounded queue.
func TestRunawaySitemaps(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.MaxQueue = 2000 })
	var mu sync.Mutex
	listings := 0
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" || strings.HasPrefix(r.URL.Path, "/page") {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		listings++
		mu.Unlock()
		base := "http://" + r.Host
		w.Header().Set("Content-Type", "application/xml")
		if strings.HasPrefix(r.URL.Path, "/index") {
			// Every index lists two deeper indexes, and from the third
			// level on one big sitemap too: the big sitemaps' pages are
			// then queued after every index the nesting bound lets
			// through, whichever worker finishes first (with big
			// sitemaps higher up, the page budget could close the
			// frontier before the deepest indexes were read).
			path := strings.TrimSuffix(r.URL.Path, "/")
			big := ""
			if strings.Count(path, "/") >= 3 {
				big = fmt.Sprintf("<sitemap><loc>%s/big%s</loc></sitemap>", base, path)
			}
			fmt.Fprintf(w, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s%[2]s/a</loc></sitemap><sitemap><loc>%[1]s%[2]s/b</loc></sitemap>%[3]s</sitemapindex>`,
				base, path, big)
			return
		}
		var b strings.Builder
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := range 3000 {
			fmt.Fprintf(&b, "<url><loc>%s/page%s/%d</loc></url>", base, strings.ReplaceAll(r.URL.Path, "/", "-"), i)
		}
		b.WriteString(`</urlset>`)
		io.WriteString(w, b.String())
	}))
	defer s.Close()
	src := lumen.Source{Name: "runaway", Kind: lumen.SourceSitemap, URLs: []string{s.URL + "/index"}, AllowPrivate: true, MaxPages: 5}
	run := h.run(src)
	// Nesting 0..3: 1+2+4+8 indexes and as many big sitemaps, at most.
	if listings > 30 {
		t.Errorf("%d listings fetched, want the nesting bounded", listings)
	}
	// Which bound leaves the big sitemaps' pages out depends on whether
	// the budget's pages were fetched before all were offered: the queue
	// limit or the spent budget.
	if run.Skipped["sitemap_nesting"] == 0 || run.Skipped["queue_limit"]+run.Skipped["max_pages"] < 3000 {
		t.Errorf("run = %+v, want sitemap_nesting skips and the big sitemaps' pages left out (queue_limit, max_pages)", run)
	}
	if run.Fetched > 5+listings {
		t.Errorf("fetched %d, want at most the 5 pages of the budget besides %d listings", run.Fetched, listings)
	}
}

// Sitemaps and feeds are fetched with conditional requests once a copy is
// kept: an unchanged listing answers 304 and its pages are still offered
// (from the copy); a changed one is fetched in full.
func TestListingConditionalGet(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	old := "2020-01-01"
	var mu sync.Mutex
	version := 1
	urlset := func() string {
		mu.Lock()
		defer mu.Unlock()
		var b strings.Builder
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := 1; i <= version; i++ {
			fmt.Fprintf(&b, "<url><loc>%s/p%d</loc><lastmod>%s</lastmod></url>", s.URL, i, old)
		}
		b.WriteString(`</urlset>`)
		return b.String()
	}
	s.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		body := urlset()
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("ETag", fmt.Sprintf(`"v%d"`, strings.Count(body, "<url>")))
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(body))
	})
	s.handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		http.ServeContent(w, r, "", time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), strings.NewReader(fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Feed paper</title><link>%s/f1</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>`, s.URL)))
	})
	for _, p := range []string{"/p1", "/p2", "/f1"} {
		s.html(p, articleHTML("Page "+p, lorem(p)))
	}
	sm := lumen.Source{Name: "sm", Kind: lumen.SourceSitemap, URLs: []string{s.URL + "/sitemap.xml"}, AllowPrivate: true}
	feed := lumen.Source{Name: "feed", Kind: lumen.SourceFeed, URLs: []string{s.URL + "/feed.xml"}, AllowPrivate: true}
	if r := h.run(sm); r.New != 1 || r.Listings != 1 || r.Unchanged != 0 {
		t.Fatalf("first sitemap run = %+v, want 1 new page and 1 listing read (nothing unchanged)", r)
	}
	if r := h.run(feed); r.New != 1 {
		t.Fatalf("first feed run = %+v", r)
	}

	second := h.run(sm)
	if second.New != 0 || second.Unchanged != 1 || second.Listings != 1 {
		t.Errorf("second sitemap run = %+v", second)
	}
	reqs := s.requestsTo("/sitemap.xml")
	if len(reqs) != 2 || reqs[1].Header.Get("If-None-Match") != `"v1"` {
		t.Errorf("second sitemap request not conditional: %d requests, If-None-Match %q", len(reqs), reqs[len(reqs)-1].Header.Get("If-None-Match"))
	}
	h.run(feed)
	freqs := s.requestsTo("/feed.xml")
	if len(freqs) != 2 || freqs[1].Header.Get("If-Modified-Since") == "" {
		t.Errorf("second feed request not conditional: %d requests", len(freqs))
	}
	// The feed's page was offered again from the kept copy: with no
	// recrawl interval it is fetched again, conditionally or in full.
	if s.hits("/f1") != 2 {
		t.Errorf("/f1 fetched %d times, want 2 (offered from the kept feed)", s.hits("/f1"))
	}

	// A changed sitemap is fetched in full and its new page found.
	mu.Lock()
	version = 2
	mu.Unlock()
	third := h.run(sm)
	if third.New != 1 || s.hits("/p2") != 1 || s.hits("/p1") != 1 {
		t.Errorf("after the sitemap changed: run %+v, /p1 %d, /p2 %d", third, s.hits("/p1"), s.hits("/p2"))
	}
}

// A page a feed lists that answers 404 is asked for once in a run: a 404 is
// no failure worth retrying (only timeouts, 429 and 5xx are).
func TestFeedListedNotFoundFetchedOnce(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	s.handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Gone</title><link>%s/missing.html</link></item>
<item><title>Here</title><link>%s/here.html</link></item></channel></rss>`, s.URL, s.URL)
	})
	// The listed page also links to the missing one.
	s.html("/here.html", articleHTML("Here", lorem("here"), "/missing.html"))
	run := h.run(lumen.Source{Name: "feed", Kind: lumen.SourceFeed, URLs: []string{s.URL + "/feed.xml"}, MaxDepth: lumen.Depth(2), AllowPrivate: true})
	if n := s.hits("/missing.html"); n != 1 {
		t.Errorf("/missing.html asked for %d times in one run, want 1", n)
	}
	if run.New != 1 || run.Failed["http_404"] < 1 || run.Listings != 1 {
		t.Errorf("run = %+v, want 1 new, a failure http_404, 1 listing", run)
	}
}

// A feed item or sitemap entry that links to a file (a PDF, an e-book) is
// not fetched, but not dropped unsaid either (QA2: a journal feed's PDF
// item vanished, abstract included): an item with an abstract is published
// from the feed, as an abstract, once; the others are counted (file_link).
func TestListedFiles(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	abstract := strings.Repeat("Probiotic supplementation reduced acne lesion counts in adolescents in this randomized trial. ", 4)
	s.handle("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Journal</title>
<item><title>Probiotics and acne: a trial</title><link>%[1]s/p/x.pdf</link><dc:creator>Ada Lovelace</dc:creator><dc:identifier>doi:10.1234/jgs.2026.1</dc:identifier>
<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>%[2]s</description></item>
<item><title>Erratum</title><link>%[1]s/p/y.PDF?download=1</link><description>A correction.</description></item>
<item><title>Web article</title><link>%[1]s/web</link></item>
</channel></rss>`, s.URL, abstract)
	})
	s.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%[1]s/files/guide.epub</loc></url><url><loc>%[1]s/web</loc></url></urlset>`, s.URL)
	})
	s.html("/web", articleHTML("Web article", lorem("Web article")))
	feed := lumen.Source{Name: "journal", Kind: lumen.SourceFeed, URLs: []string{s.URL + "/feed.rss"}, AllowPrivate: true}
	run := h.run(feed)
	arts := h.articles()
	a, ok := arts[s.URL+"/p/x.pdf"]
	if !ok {
		t.Fatalf("the PDF item's abstract was not published; have %v (run %+v)", sortedKeys(arts), run)
	}
	if a.Kind != lumen.ArticleAbstract || a.Title != "Probiotics and acne: a trial" || a.DOI != "10.1234/jgs.2026.1" ||
		len(a.Authors) != 1 || a.Published.IsZero() || !strings.Contains(a.Text, "randomized trial") {
		t.Errorf("PDF item's article = %+v, want the feed's abstract with its metadata", a)
	}
	if run.New != 2 || run.Skipped["file_link"] != 1 {
		t.Errorf("run = %+v, want 2 new (the web page, the PDF item's abstract) and 1 file_link (the erratum)", run)
	}
	for _, p := range []string{"/p/x.pdf", "/p/y.PDF"} {
		if n := s.hits(p); n != 0 {
			t.Errorf("%s fetched %d times, want never", p, n)
		}
	}
	// Incremental: the same abstract is not published again.
	run = h.run(feed)
	if run.New != 0 || run.Changed != 0 || run.Skipped["file_link"] != 1 {
		t.Errorf("second run = %+v, want nothing new or changed", run)
	}

	run = h.run(lumen.Source{Name: "sm", Kind: lumen.SourceSitemap, URLs: []string{s.URL + "/sitemap.xml"}, AllowPrivate: true})
	if run.Skipped["file_link"] != 1 || s.hits("/files/guide.epub") != 0 {
		t.Errorf("sitemap run = %+v, want the e-book counted as file_link and not fetched", run)
	}
}

// TestListingDatesAsWritten: a feed's or a news sitemap's date with an
// offset keeps it, so the article is dated on the publisher's calendar day,
// not its UTC day (qa4 BUG 3).
func TestListingDatesAsWritten(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://feeds.example/</link>
<item><title>Late news</title><link>https://feeds.example/late</link><pubDate>Sun, 31 Dec 2023 22:00:00 -0500</pubDate></item>
</channel></rss>`
	items, _, err := parseFeed([]byte(feed), "https://feeds.example/")
	if err != nil || len(items) != 1 || items[0].Hint == nil {
		t.Fatalf("parseFeed = %+v, %v", items, err)
	}
	if got := items[0].Hint.Published.Format("2006-01-02"); got != "2023-12-31" {
		t.Errorf("feed item published on %s (%v), want 2023-12-31", got, items[0].Hint.Published)
	}
	if got := parseW3CDate("2023-06-07T00:30:00+09:00").Format("2006-01-02"); got != "2023-06-07" {
		t.Errorf("parseW3CDate(2023-06-07T00:30:00+09:00) on %s, want 2023-06-07", got)
	}
}
