package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/extract"
	"github.com/lumen-research/lumen/internal/metrics"
)

func (c *Crawler) visit(ctx context.Context, r *task) error {
	it := r.it
	switch it.Kind {
	case itemSitemap, itemFeed:
		return c.visitListing(ctx, r, it)
	default:
		return c.visitPage(ctx, r, it)
	}
}

// visitPage fetches one page and publishes its article if it is new or
// changed. Only failures of the bus or the stores are returned; everything
// that goes wrong with the page itself is counted and logged.
func (c *Crawler) visitPage(ctx context.Context, r *task, it item) error {
	st, err := c.loadState(ctx, it.URL)
	if err != nil {
		return err
	}
	if c.visitedBefore(r, st) {
		return nil
	}
	if it.File {
		return c.visitFile(ctx, r, it)
	}
	if st.Kind == itemSitemap || st.Kind == itemFeed {
		// A link that led to a sitemap or feed last time: read as one
		// again (a conditional request against the copy kept of it),
		// charged to the listings.
		r.it.Kind = st.Kind
		return c.visitListing(ctx, r, r.it)
	}
	if st.Failure == "not_html" && st.ContentType == "" {
		// Judged by a version that took every sitemap and feed reached
		// by a link for a page that is not HTML: asked again once.
		forgetFailure(&st)
	}
	now := time.Now().UTC()
	recrawl := r.src.Recrawl
	if recrawl == 0 {
		recrawl = c.o.Recrawl
	}
	if !st.FetchedAt.IsZero() {
		if h := it.Hint; h != nil && !h.LastMod.IsZero() && !h.LastMod.After(st.FetchedAt) {
			r.count(c.o.Metrics, "unchanged", "lastmod")
			return c.follow(ctx, r, it, st.links(), st.Feeds)
		}
		if recrawl > 0 && now.Sub(st.FetchedAt) < recrawl {
			r.count(c.o.Metrics, "unchanged", "fresh")
			return c.follow(ctx, r, it, st.links(), st.Feeds)
		}
	}
	seed := it.Depth == 0 && it.Hint == nil
	if backingOff(st, it.Hint, now) {
		// It failed for a lasting reason before: not asked again yet.
		r.count(c.o.Metrics, "skipped", "backoff")
		if seed {
			r.fail(fmt.Sprintf("seed %s: %s (%d times; next try after %s)", it.URL, st.Failure, st.Failures,
				st.RetryAt.Format(time.RFC3339)))
		}
		_, err := c.fallbackToHint(ctx, r, it, nil)
		return err
	}
	if host := it.host(); r.paused(host) {
		r.count(c.o.Metrics, "skipped", "host_paused")
		return nil
	}
	if ok, err := c.charge(ctx, r); err != nil {
		return err
	} else if !ok {
		r.front.close()
		r.count(c.o.Metrics, "skipped", "max_pages")
		return nil
	}
	resp, m := c.get(ctx, r, fetchRequest{URL: it.URL, ETag: st.ETag, LastModified: st.LastModified}, false)
	if resp != nil && (resp.Status < 200 || resp.Status > 299) && resp.Status != 304 {
		reason := reasonOf(resp.Status, nil)
		if reason == "" {
			reason = fmt.Sprintf("http_%d", resp.Status) // a 1xx, or a 3xx without a Location
		}
		c.log.Info("fetch failed", "source", r.src.Name, "url", it.URL, "reason", reason)
		c.o.Metrics.Error(metrics.StageFetch, reason)
		resp, m = nil, &miss{"failed", reason, ""}
	}
	if m != nil {
		if m.reason == "canceled" {
			return nil
		}
		r.count(c.o.Metrics, m.outcome, m.reason)
		if seed {
			// Failed or skipped (robots.txt disallows it or cannot be
			// read): a seed that cannot be fetched is a run that did
			// not do what it is for.
			r.fail(fmt.Sprintf("seed %s: %s", it.URL, m.describe()))
		}
		if _, err := c.fallbackToHint(ctx, r, it, m); err != nil {
			return err
		}
		if c.rememberFailure(&st, m.reason, now) {
			return c.saveVisit(ctx, r, st)
		}
		return nil
	}
	forgetFailure(&st)
	if resp.Status == 304 {
		st.FetchedAt = now
		r.count(c.o.Metrics, "unchanged", "not_modified")
		if err := c.follow(ctx, r, it, st.links(), st.Feeds); err != nil {
			return err
		}
		return c.saveVisit(ctx, r, st)
	}

	final, err := Canonicalize(resp.URL)
	if err != nil {
		final = it.URL
	}
	if final != it.URL {
		if !r.front.markSeen(final) {
			// Redirected to a page this run visits on its own.
			r.count(c.o.Metrics, "skipped", "redirect_duplicate")
			return nil
		}
		if it.Depth > 0 && !r.scope.follows(final) {
			r.count(c.o.Metrics, "skipped", "redirect_out_of_scope")
			return nil
		}
	}
	if kind := listingKind(resp.ContentType(), resp.Body); kind != "" {
		return c.pageListing(ctx, r, kind, resp, now)
	}
	st.Status, st.FetchedAt = resp.Status, now
	st.ETag, st.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")

	page, skip := c.extractPage(r, resp, final)
	if skip != "" {
		st.Skipped, st.PageHash, st.Links = skip, "", nil
		st.ContentType = resp.ContentType()
		r.count(c.o.Metrics, "skipped", skip)
		if _, err := c.fallbackToHint(ctx, r, it, nil); err != nil {
			return err
		}
		if seed {
			r.fail(fmt.Sprintf("seed %s: %s (Content-Type %q)", it.URL, skip, st.ContentType))
		}
		c.rememberFailure(&st, skip, now)
		return c.saveVisit(ctx, r, st)
	}
	st.Skipped, st.ContentType = "", ""
	if page.CharsetMismatch != "" {
		// Read right, but the site says the wrong thing: worth telling
		// its operator, and counted apart from what was left out.
		c.log.Info("page's declared charset is wrong", "source", r.src.Name, "url", final, "charset", page.CharsetMismatch)
		r.repaired(c.o.Metrics, "charset_mismatch")
	}
	var links, feeds []string
	if !page.NoFollow && it.Depth < r.depth {
		links, feeds = c.pageLinks(r, page)
	}
	st.setLinks(links)
	st.Feeds = feeds
	if err := c.follow(ctx, r, it, links, feeds); err != nil {
		return err
	}
	if page.NoIndex {
		st.PageHash = ""
		r.count(c.o.Metrics, "skipped", "noindex")
		return c.saveVisit(ctx, r, st)
	}

	switch v := extract.Classify(&page); v.Class {
	case extract.ClassArticle:
	case extract.ClassHub:
		// A list of pages: followed for its links, not an article.
		st.PageHash = ""
		r.count(c.o.Metrics, "skipped", "hub")
		c.log.Debug("hub", "source", r.src.Name, "url", final, "score", v.Score, "why", v.Why)
		return c.saveVisit(ctx, r, st)
	default:
		// An error page served with 200, a cookie or sign-in wall, a page
		// without text: nothing to keep, and nothing to come back for soon.
		st.PageHash = ""
		r.count(c.o.Metrics, "skipped", v.Class)
		c.log.Info("page skipped", "source", r.src.Name, "url", final, "reason", v.Class)
		if _, err := c.fallbackToHint(ctx, r, it, nil); err != nil {
			return err
		}
		switch {
		case seed && v.Class == "no_content":
			// A landing page of script: the crawl may still find its
			// articles through the sitemap, feeds or links.
			r.blankSeed(fmt.Sprintf("seed %s: %s, and no article found elsewhere", it.URL, v.Class))
		case seed:
			// Said, not remembered: a seed is where the whole crawl starts.
			r.fail(fmt.Sprintf("seed %s: %s", it.URL, v.Class))
		default:
			c.rememberFailure(&st, v.Class, now)
		}
		return c.saveVisit(ctx, r, st)
	}
	a := c.pageArticle(r, page, it, final)
	pageHash := a.ComputeContentHash()
	if pageHash == st.PageHash && st.ArticleID != "" {
		r.count(c.o.Metrics, "unchanged", "same_content")
		return c.saveVisit(ctx, r, st)
	}
	outcome, reason, id, err := c.publish(ctx, r.run, a)
	if err != nil {
		return err
	}
	r.count(c.o.Metrics, outcome, reason)
	if outcome != "failed" {
		// A version the bus did not take is offered again next time.
		st.PageHash, st.ArticleID = pageHash, id
	}
	return c.saveVisit(ctx, r, st)
}

// pageLinks returns the in-scope links and feeds of a page, up to
// maxPageLinks and maxPageFeeds; the others are counted.
func (c *Crawler) pageLinks(r *task, page extract.Page) (links, feeds []string) {
	dropped, tooLong := 0, 0
	defer func() { r.countN(c.o.Metrics, "skipped", "url_too_long", tooLong) }()
	for _, l := range page.Links {
		cl, err := Canonicalize(l)
		if errors.Is(err, ErrURLTooLong) {
			tooLong++
		}
		if err != nil || skippedLink(cl) || !r.scope.follows(cl) {
			continue
		}
		if len(links) == maxPageLinks {
			dropped++
			continue
		}
		links = append(links, cl)
	}
	r.countN(c.o.Metrics, "skipped", "page_links", dropped)
	if r.src.Kind != lumen.SourceWeb {
		return links, nil
	}
	dropped = 0
	for _, f := range page.Feeds {
		cf, err := Canonicalize(f)
		if errors.Is(err, ErrURLTooLong) {
			tooLong++
		}
		if err != nil || !r.scope.inSiteURL(cf) {
			continue
		}
		if len(feeds) == maxPageFeeds {
			dropped++
			continue
		}
		feeds = append(feeds, cf)
	}
	r.countN(c.o.Metrics, "skipped", "page_feeds", dropped)
	return links, feeds
}

// follow queues what a page leads to for the next depth: for the seed of a
// web source, the sitemaps its site's robots.txt names; the feeds it links
// to; and its links. Feeds and sitemaps are how a seed crawl finds the
// pages no link leads to. They are queued first because the frontier
// queues a URL once, as what it is first offered as: a footer's <a href>
// to the sitemap must not make it a page. (A link that leads to a sitemap
// or feed all the same is read as one: see pageListing.)
func (c *Crawler) follow(ctx context.Context, r *task, it item, links, feeds []string) error {
	if it.Kind != itemPage || it.Depth >= r.depth {
		return nil
	}
	items := make([]item, 0, len(links)+len(feeds))
	if it.Depth == 0 && it.Hint == nil && r.src.Kind == lumen.SourceWeb {
		items = append(items, c.robotsSitemaps(ctx, r, it)...)
	}
	for _, f := range feeds {
		items = append(items, item{URL: f, Depth: it.Depth + 1, Kind: itemFeed})
	}
	for _, l := range links {
		items = append(items, item{URL: l, Depth: it.Depth + 1, Kind: itemPage})
	}
	return c.enqueue(ctx, r, items)
}

// pageListing reads a page that turned out to be a sitemap or feed (a
// footer's <a href> to it, or a web source seeded with it) as that
// listing: what it lists is queued; it is charged to the run's listings,
// not its pages; and later runs ask for it as a listing, with a
// conditional request against the copy kept of it.
func (c *Crawler) pageListing(ctx context.Context, r *task, kind string, resp *fetchResponse, now time.Time) error {
	if !r.run.pageToListing() {
		r.count(c.o.Metrics, "skipped", "max_listings")
		return nil
	}
	r.it.Kind = kind
	if err := c.persistItem(ctx, r.run, r.it); err != nil {
		return err
	}
	c.log.Debug("page is a listing", "source", r.src.Name, "url", r.it.URL, "kind", kind)
	resp.Body = xmlUTF8(resp)
	return c.readListing(ctx, r, r.it, resp.Body, "fetched", listingState(r.it.URL, resp, now))
}

// visitFile handles a page a sitemap or feed lists whose URL names a file
// (a PDF, an e-book, an image ...). The file is not fetched: Lumen parses
// no PDF. What the feed says of it, a journal's title and abstract, is
// published as an abstract, as for a page that could not be used;
// without that, the entry is counted (file_link), never dropped unsaid.
func (c *Crawler) visitFile(ctx context.Context, r *task, it item) error {
	published, err := c.fallbackToHint(ctx, r, it, nil)
	if err != nil || published {
		return err
	}
	c.log.Info("listed file not fetched", "source", r.src.Name, "url", it.URL, "reason", "file_link")
	r.count(c.o.Metrics, "skipped", "file_link")
	return nil
}

// robotsSitemaps returns the sitemaps the robots.txt of a seed's site
// names, in the site.
func (c *Crawler) robotsSitemaps(ctx context.Context, r *task, it item) []item {
	u, err := url.Parse(it.URL)
	if err != nil {
		return nil
	}
	// A seed found fresh was not fetched, nor its robots.txt, this run.
	c.robotsAllow(ctx, r, u)
	sitemaps, more := c.robots.sitemaps(u)
	r.countN(c.o.Metrics, "skipped", "robots_sitemaps", more)
	var items []item
	for _, sm := range sitemaps {
		cu, err := Canonicalize(sm)
		if err != nil || !r.scope.inSiteURL(cu) {
			c.log.Info("robots.txt sitemap not in the site, not read", "source", r.src.Name, "sitemap", sm)
			continue
		}
		items = append(items, item{URL: cu, Depth: it.Depth + 1, Kind: itemSitemap})
	}
	return items
}

// fallbackToHint publishes what a feed said about an item whose page could
// not be used (robots, a failure, not HTML, a file): feeds of journals and
// preprint servers carry the abstract, which is worth having. It reports
// whether there was enough to publish: a title and a summary of at least
// minHintSummary bytes (a teaser is not an abstract).
func (c *Crawler) fallbackToHint(ctx context.Context, r *task, it item, m *miss) (bool, error) {
	h := it.Hint
	if h == nil || len(h.Summary) < minHintSummary || h.Title == "" || m != nil && (m.reason == "canceled" || m.reason == "host_paused") {
		return false, nil
	}
	a := lumen.Article{
		URL: it.URL, URLs: []string{it.URL}, Source: r.src.Name, Title: h.Title, Authors: h.Authors,
		Published: h.Published, DOI: h.DOI, FetchedAt: time.Now().UTC(),
	}
	a.Kind = lumen.ArticleAbstract // a journal's or a preprint server's feed item
	a.Text, a.Truncated = truncateText(h.Title+"\n\n"+h.Summary, c.o.MaxTextBytes)
	outcome, reason, _, err := c.publish(ctx, r.run, a)
	if err != nil {
		return false, err
	}
	r.count(c.o.Metrics, outcome, reason+"_from_feed")
	return true, nil
}

// minHintSummary is the shortest feed summary published as an article's
// text when its page cannot be used.
const minHintSummary = 200
