package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/lumen-research/lumen/internal/extract"
)

// Sitemaps and feeds are listings: they are fetched with a conditional
// request against a compressed copy kept from the last run (see
// getListing), and every page they list is offered again on every run (a
// page that failed last time must be retried): a sitemap's lastmod skips
// unchanged pages without a request, and every other page is fetched with
// a conditional request once its recrawl interval has passed.

// Accept headers of listing requests.
const (
	sitemapAccept = "application/xml,text/xml;q=0.9,*/*;q=0.5"
	feedAccept    = "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"
)

// visitListing fetches a sitemap or feed and queues what it lists.
func (c *Crawler) visitListing(ctx context.Context, r *task, it item) error {
	accept := sitemapAccept
	if it.Kind == itemFeed {
		accept = feedAccept
	}
	body, how, st, err := c.getListing(ctx, r, it, accept)
	if body == nil || err != nil {
		return err
	}
	return c.readListing(ctx, r, it, body, how, st)
}

// readListing reads body as the listing its root element says it is,
// whatever it was found as: search engines accept an RSS or Atom feed as
// a sitemap, and a page link may lead to either. A body that is neither is
// read as it.Kind says, and fails as that.
func (c *Crawler) readListing(ctx context.Context, r *task, it item, body []byte, how string, st urlState) error {
	kind := listingKind("", body)
	if kind == "" {
		kind = it.Kind
	}
	if kind == itemFeed {
		return c.listFeed(ctx, r, it, body, how, st)
	}
	return c.listSitemap(ctx, r, it, body, how, st)
}

// listSitemap parses a sitemap or sitemap index and queues what it lists.
func (c *Crawler) listSitemap(ctx context.Context, r *task, it item, body []byte, how string, st urlState) error {
	sm, err := parseSitemap(body)
	if err != nil {
		c.log.Info("sitemap unreadable", "source", r.src.Name, "url", it.URL, "err", err)
		r.count(c.o.Metrics, "failed", "bad_sitemap")
		notListing(&st)
		return c.saveVisit(ctx, r, st)
	}
	st.Kind = itemSitemap
	r.countN(c.o.Metrics, "skipped", "sitemap_urls", sm.Dropped)
	var items []item
	tooLong := 0
	for _, e := range sm.Sitemaps {
		if it.Nest >= maxSitemapNesting {
			c.log.Info("sitemap index nested too deep, not followed", "source", r.src.Name, "url", it.URL, "nesting", it.Nest)
			r.count(c.o.Metrics, "skipped", "sitemap_nesting")
			break
		}
		u, err := Canonicalize(e.Loc)
		if errors.Is(err, ErrURLTooLong) {
			tooLong++
		}
		if err == nil && r.scope.follows(u) {
			items = append(items, item{URL: u, Kind: itemSitemap, Depth: it.Depth, Nest: it.Nest + 1})
		}
	}
	for _, e := range sm.URLs {
		u, err := Canonicalize(e.Loc)
		if errors.Is(err, ErrURLTooLong) {
			tooLong++
		}
		if err != nil || !r.scope.follows(u) {
			continue
		}
		h := &hint{LastMod: parseW3CDate(e.LastMod)}
		if e.News != nil {
			h.Title = strings.TrimSpace(e.News.Title)
			h.Published = parseW3CDate(e.News.PublicationDate)
		}
		items = append(items, item{URL: u, Kind: itemPage, Depth: it.Depth, Hint: h, File: skippedLink(u)})
	}
	r.countN(c.o.Metrics, "skipped", "url_too_long", tooLong)
	r.count(c.o.Metrics, "listing", how)
	if err := c.enqueue(ctx, r, items); err != nil {
		return err
	}
	return c.saveVisit(ctx, r, st)
}

// notListing clears what st kept of a URL as a listing, when its body was
// not one: the next run asks for it afresh, as what it is queued as.
func notListing(st *urlState) {
	st.Kind, st.Listing, st.ETag, st.LastModified = "", nil, "", ""
}

// listingKind says whether body is a sitemap (itemSitemap) or a feed
// (itemFeed) by its root element (or, for a JSON Feed, its media type or
// version URL), or "" when it is neither: an HTML page, a PDF, anything
// else. ct is the response's media type, if known.
func listingKind(ct string, body []byte) string {
	head := body[:min(len(body), 64<<10)]
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case ct == "application/feed+json":
		return itemFeed
	case len(trimmed) > 0 && trimmed[0] == '{':
		if bytes.Contains(trimmed, []byte("jsonfeed.org/version")) {
			return itemFeed
		}
		return ""
	case len(trimmed) == 0 || trimmed[0] != '<':
		return ""
	}
	dec := xml.NewDecoder(bytes.NewReader(trimmed))
	dec.Strict = false
	// Only the root element's name matters, which is ASCII in any charset
	// a sitemap or feed is written in.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	for range 64 { // a prolog, comments, a doctype and a stylesheet come first
		tok, err := dec.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "urlset", "sitemapindex":
				return itemSitemap
			case "rss", "feed", "rdf":
				return itemFeed
			}
			return ""
		}
	}
	return ""
}

// Listings a hostile or runaway site could multiply without end are bounded:
// a run fetches at most maxListings sitemaps and feeds, follows sitemap
// indexes at most maxSitemapNesting levels deep (the protocol allows one),
// and queues at most queueLimit URLs (see enqueue).
const (
	maxListings       = 500
	maxSitemapNesting = 3
)

// maxStoredListing bounds the gzip-compressed copy of a listing kept for
// conditional requests (a 50,000-URL sitemap compresses to about 300 KiB);
// a larger listing is fetched in full on every run.
const maxStoredListing = 512 << 10

// getListing fetches a sitemap or feed, counting what goes wrong. A listing
// is fetched with a conditional request when a copy of it was kept from the
// last run: on 304 the copy is used, so that its pages are still offered
// (lastmod and the recrawl interval then decide which are fetched). how
// says which: "fetched" or "not_modified". The caller saves st
// (saveVisit) once it has queued what the listing lists. A nil body means
// there is nothing to list.
func (c *Crawler) getListing(ctx context.Context, r *task, it item, accept string) (body []byte, how string, st urlState, err error) {
	st, err = c.loadState(ctx, it.URL)
	if err != nil {
		return nil, "", st, err
	}
	if c.visitedBefore(r, st) {
		return nil, "", st, nil
	}
	now := time.Now().UTC()
	if st.Failure == "not_html" {
		// Judged as a page (by a version that did not read a sitemap
		// or feed reached by a link as a listing): not a listing's
		// failure.
		forgetFailure(&st)
	}
	if backingOff(st, nil, now) {
		r.count(c.o.Metrics, "skipped", "backoff")
		if it.Depth == 0 {
			r.fail(fmt.Sprintf("%s: %s (%d times; next try after %s)", it.URL, st.Failure, st.Failures, st.RetryAt.Format(time.RFC3339)))
		}
		return nil, "", st, nil
	}
	if r.paused(it.host()) {
		r.count(c.o.Metrics, "skipped", "host_paused")
		return nil, "", st, nil
	}
	if ok, err := c.charge(ctx, r); err != nil || !ok {
		if err == nil {
			r.count(c.o.Metrics, "skipped", "max_listings")
		}
		return nil, "", st, err
	}
	var cached []byte
	if len(st.Listing) > 0 {
		if cached, err = gunzip(st.Listing, c.o.MaxBodyBytes); err != nil {
			cached = nil
		}
	}
	rq := fetchRequest{URL: it.URL, Accept: accept}
	if cached != nil {
		rq.ETag, rq.LastModified = st.ETag, st.LastModified
	}
	resp, m := c.get(ctx, r, rq, false)
	if m == nil && resp.Status != 304 && (resp.Status < 200 || resp.Status > 299) || m == nil && resp.Status == 304 && cached == nil {
		reason := reasonOf(resp.Status, nil)
		if reason == "" {
			reason = fmt.Sprintf("http_%d", resp.Status)
		}
		c.log.Info("listing failed", "source", r.src.Name, "url", it.URL, "reason", reason)
		m = &miss{"failed", reason, ""}
	}
	if m != nil {
		if m.reason == "canceled" {
			return nil, "", st, nil
		}
		r.count(c.o.Metrics, m.outcome, m.reason)
		if it.Depth == 0 && (m.outcome == "failed" || m.reason == "robots" || m.reason == "robots_unavailable") {
			// The source's own listings (one a web crawl discovered is
			// not what the source is), failed or kept out by robots.txt.
			r.fail(fmt.Sprintf("%s: %s", it.URL, m.describe()))
		}
		if c.rememberFailure(&st, m.reason, now) {
			return nil, "", st, c.saveVisit(ctx, r, st)
		}
		return nil, "", st, nil
	}
	if resp.Status == 304 {
		st.FetchedAt = now
		forgetFailure(&st)
		return cached, "not_modified", st, nil
	}
	resp.Body = xmlUTF8(resp)
	return resp.Body, "fetched", listingState(it.URL, resp, now), nil
}

// xmlUTF8 returns a listing's body in UTF-8 when only its Content-Type
// says its charset. A listing that declares its encoding (an XML
// declaration, a byte order mark) is decoded by the parsers, which read
// that declaration.
func xmlUTF8(resp *fetchResponse) []byte {
	ct := resp.Header.Get("Content-Type")
	if !strings.Contains(strings.ToLower(ct), "charset") {
		return resp.Body
	}
	head := resp.Body[:min(len(resp.Body), 256)]
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(head, []byte("\xfe\xff")) || bytes.HasPrefix(head, []byte("\xff\xfe")) {
		return resp.Body
	}
	if decl, _, ok := bytes.Cut(head, []byte("?>")); ok && bytes.HasPrefix(bytes.TrimSpace(decl), []byte("<?xml")) && bytes.Contains(decl, []byte("encoding")) {
		return resp.Body
	}
	if out, err := extract.ToUTF8(resp.Body, ct); err == nil {
		return out
	}
	return resp.Body
}

// listingState is the state kept of a listing fetched in full: a
// compressed copy of it for conditional requests, if it is not too large.
func listingState(u string, resp *fetchResponse, now time.Time) urlState {
	st := urlState{URL: u, FetchedAt: now, Status: resp.Status}
	if z := gzipped(resp.Body); len(z) <= maxStoredListing {
		st.Listing = z
		st.ETag, st.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	}
	return st
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func gunzip(b []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > limit {
		return nil, errors.New("stored listing too large")
	}
	return out, nil
}

type sitemapDoc struct {
	XMLName  xml.Name
	URLs     []sitemapURL   `xml:"url"`
	Sitemaps []sitemapEntry `xml:"sitemap"`
	// Dropped counts the URLs past the protocol's 50,000 per file.
	Dropped int `xml:"-"`
}

type sitemapEntry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

type sitemapURL struct {
	Loc     string       `xml:"loc"`
	LastMod string       `xml:"lastmod"`
	News    *sitemapNews `xml:"news"`
}

type sitemapNews struct {
	Title           string `xml:"title"`
	PublicationDate string `xml:"publication_date"`
}

// maxSitemapURLs is the protocol's limit per sitemap file.
const maxSitemapURLs = 50000

func parseSitemap(b []byte) (*sitemapDoc, error) {
	var sm sitemapDoc
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		all, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		out, err := extract.ToUTF8(all, "text/xml; charset="+label)
		return bytes.NewReader(out), err
	}
	if err := dec.Decode(&sm); err != nil {
		return nil, fmt.Errorf("parse sitemap: %w", err)
	}
	switch sm.XMLName.Local {
	case "urlset", "sitemapindex":
	default:
		return nil, fmt.Errorf("parse sitemap: root element <%s> is neither <urlset> nor <sitemapindex>", sm.XMLName.Local)
	}
	if len(sm.URLs) > maxSitemapURLs {
		sm.Dropped = len(sm.URLs) - maxSitemapURLs
		sm.URLs = sm.URLs[:maxSitemapURLs]
	}
	return &sm, nil
}

var w3cLayouts = []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02", "2006-01", "2006"}

func parseW3CDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range w3cLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return extract.WrittenZone(t)
		}
	}
	return extract.ParseDate(s)
}

// feedDate gives a feed item's date with the offset it was written with:
// gofeed hands it over in UTC, which moves "Sun, 31 Dec 2023 22:00:00
// -0500" to 2024 (a publication date is the publisher's calendar date).
// The written string is read again, and kept when it is the same instant.
func feedDate(written string, parsed time.Time) time.Time {
	if t := extract.ParseDate(written); t.Equal(parsed) {
		return t
	}
	return parsed
}

// listFeed parses an RSS, Atom or JSON feed and queues its items' pages,
// with what the feed says about them as hints.
func (c *Crawler) listFeed(ctx context.Context, r *task, it item, body []byte, how string, st urlState) error {
	items, tooLong, err := parseFeed(body, it.URL)
	r.countN(c.o.Metrics, "skipped", "url_too_long", tooLong)
	if err != nil {
		c.log.Info("feed unreadable", "source", r.src.Name, "url", it.URL, "err", err)
		r.count(c.o.Metrics, "failed", "bad_feed")
		notListing(&st)
		return c.saveVisit(ctx, r, st)
	}
	st.Kind = itemFeed
	var queue []item
	for _, fi := range items {
		if !r.scope.follows(fi.URL) {
			continue
		}
		fi.Depth = it.Depth
		fi.File = skippedLink(fi.URL)
		queue = append(queue, fi)
	}
	r.count(c.o.Metrics, "listing", how)
	if err := c.enqueue(ctx, r, queue); err != nil {
		return err
	}
	return c.saveVisit(ctx, r, st)
}

// parseFeed returns the items of an RSS 2.0, Atom or JSON feed as page
// items, with title, date, authors, DOI and summary as hints, and how many
// items it left out for a link longer than maxURLBytes.
func parseFeed(b []byte, feedURL string) (out []item, tooLong int, err error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, 0, fmt.Errorf("parse feed: %w", err)
	}
	base, _ := url.Parse(feedURL)
	for _, fi := range f.Items {
		link := fi.Link
		if link == "" && len(fi.Links) > 0 {
			link = fi.Links[0]
		}
		if link == "" && strings.HasPrefix(fi.GUID, "http") {
			link = fi.GUID
		}
		if link == "" {
			continue
		}
		lu, err := url.Parse(strings.TrimSpace(link))
		if err != nil {
			continue
		}
		if base != nil {
			lu = base.ResolveReference(lu)
		}
		cu, err := canonicalURL(lu)
		if errors.Is(err, ErrURLTooLong) {
			tooLong++
		}
		if err != nil {
			continue
		}
		h := &hint{Title: strings.Join(strings.Fields(fi.Title), " ")}
		switch {
		case fi.PublishedParsed != nil:
			h.Published = feedDate(fi.Published, *fi.PublishedParsed)
		case fi.UpdatedParsed != nil:
			h.Published = feedDate(fi.Updated, *fi.UpdatedParsed)
		}
		for _, p := range fi.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				h.Authors = append(h.Authors, strings.TrimSpace(p.Name))
			}
		}
		if dc := fi.DublinCoreExt; dc != nil {
			if len(h.Authors) == 0 {
				for _, a := range dc.Creator {
					h.Authors = append(h.Authors, strings.TrimSpace(a))
				}
			}
			for _, id := range dc.Identifier {
				if d := extract.NormalizeDOI(id); d != "" {
					h.DOI = d
					break
				}
			}
		}
		if h.DOI == "" {
			h.DOI = extract.NormalizeDOI(fi.GUID)
		}
		summary := fi.Content
		if len(htmlText(fi.Description)) > len(htmlText(summary)) {
			summary = fi.Description
		}
		h.Summary = htmlText(summary)
		out = append(out, item{URL: cu, Kind: itemPage, Hint: h})
	}
	if len(out) == 0 && len(f.Items) > 0 {
		return nil, tooLong, errors.New("parse feed: no item has a usable link")
	}
	return out, tooLong, nil
}

// htmlText renders a feed's HTML fragment (descriptions are often escaped
// HTML) as plain text.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return strings.Join(strings.Fields(s), " ")
	}
	return extract.Text(n)
}
