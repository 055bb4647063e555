package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/extract"
	"github.com/lumen-research/lumen/internal/metrics"
)

// scope decides which discovered URLs a run follows.
type scope struct {
	sites    map[string]bool // web sources: the seeds' sites
	allow    []*regexp.Regexp
	deny     []*regexp.Regexp
	sameSite bool
}

func newScope(src lumen.Source) (*scope, error) {
	s := &scope{sites: map[string]bool{}, sameSite: src.Kind == lumen.SourceWeb}
	for _, raw := range src.URLs {
		u, err := url.Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", src.Name, err)
		}
		s.sites[siteKey(u.Hostname())] = true
	}
	for _, p := range src.Allow {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("source %s: allow %q: %w", src.Name, p, err)
		}
		s.allow = append(s.allow, re)
	}
	for _, p := range src.Deny {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("source %s: deny %q: %w", src.Name, p, err)
		}
		s.deny = append(s.deny, re)
	}
	return s, nil
}

func (s *scope) inSite(u *url.URL) bool { return s.sites[siteKey(u.Hostname())] }

// follows reports whether a discovered link (canonical) is in scope.
func (s *scope) follows(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	if s.sameSite && !s.inSite(u) {
		return false
	}
	for _, re := range s.deny {
		if re.MatchString(raw) {
			return false
		}
	}
	if len(s.allow) == 0 {
		return true
	}
	for _, re := range s.allow {
		if re.MatchString(raw) {
			return true
		}
	}
	return false
}

// skippedExt are links to files that are never articles; they are not even
// fetched (a PDF linked from a page is a link, not a page to parse).
var skippedExt = []string{".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".ico", ".css", ".js", ".zip",
	".gz", ".tar", ".mp3", ".mp4", ".mov", ".avi", ".woff", ".woff2", ".ttf", ".exe", ".dmg", ".pdf",
	".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".epub"}

func skippedLink(u string) bool {
	p, _, _ := strings.Cut(u, "?")
	p = strings.ToLower(p)
	for _, e := range skippedExt {
		if strings.HasSuffix(p, e) {
			return true
		}
	}
	return false
}

// urlState is what the crawler remembers about a URL between runs.
type urlState struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	PageHash     string    `json:"page_hash,omitempty"` // of what was extracted from this URL
	ArticleID    string    `json:"article_id,omitempty"`
	FetchedAt    time.Time `json:"fetched_at,omitzero"`
	Status       int       `json:"status,omitempty"`
	// Links are the in-scope links found on the page, so that a 304 or a
	// fresh page still leads the crawl on.
	Links []string `json:"links,omitempty"`
	// Skipped says why the URL gave no article (pdf, not_html, noindex ...).
	Skipped string `json:"skipped,omitempty"`
	// Listing is a sitemap's or feed's body, gzip-compressed, kept so that
	// the next run can fetch it with a conditional request.
	Listing []byte `json:"listing,omitempty"`
}

const (
	maxStoredLinks = 1000
	// minArticleWords is the least main text a page needs to be an article.
	minArticleWords = 40
)

func stateKey(u string) string { return "u." + lumen.Hash(u) }

func (c *Crawler) loadState(ctx context.Context, u string) (urlState, error) {
	st := urlState{URL: u}
	b, _, err := c.d.State.Get(ctx, stateKey(u))
	if errors.Is(err, lumen.ErrNotFound) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("load crawl state: %w", err)
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return urlState{URL: u}, nil // unreadable: start afresh
	}
	return st, nil
}

func (c *Crawler) saveState(ctx context.Context, st urlState) error {
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	if _, err := c.d.State.Put(ctx, stateKey(st.URL), b); err != nil {
		return fmt.Errorf("save crawl state: %w", err)
	}
	return nil
}

// result of get when there is no response to work with.
type miss struct {
	outcome string // skipped or failed
	reason  string
}

// get fetches rq for run r: the SSRF pre-check, robots.txt (unless
// apiRequest), the per-host gate, and retries with exponential backoff and
// jitter that honour Retry-After. It returns a response with any status, or
// why there is none.
func (c *Crawler) get(ctx context.Context, r *run, rq fetchRequest, apiRequest bool) (*fetchResponse, *miss) {
	u, err := url.Parse(rq.URL)
	if err != nil {
		return nil, &miss{"failed", "bad_url"}
	}
	if !r.src.AllowPrivate {
		if err := checkHost(u.Hostname()); err != nil {
			c.log.Info("fetch refused", "source", r.src.Name, "url", rq.URL, "reason", "private_address")
			return nil, &miss{"failed", "private_address"}
		}
	}
	if !apiRequest {
		v, network, err := c.robots.check(ctx, u, func(ctx context.Context, ru string) (int, []byte, error) {
			return c.fetchRobots(ctx, r, ru)
		})
		switch {
		case err != nil:
			return nil, &miss{"failed", reasonOf(0, err)}
		case v == robotsDisallowed:
			return nil, &miss{"skipped", "robots"}
		case v == robotsUnavailable && network != "":
			return nil, &miss{"failed", network}
		case v == robotsUnavailable:
			return nil, &miss{"skipped", "robots_unavailable"}
		}
	}
	start := time.Now()
	for attempt := 0; ; attempt++ {
		release, err := c.gate.acquire(ctx, u.Host)
		if err != nil {
			return nil, &miss{"failed", "canceled"}
		}
		resp, err := r.fetch.get(rq)
		release()
		status := 0
		if resp != nil {
			status = resp.Status
			resp.Attempts = attempt + 1
			c.o.Metrics.Fetched(r.src.Name, u.Host, status, len(resp.Body), time.Since(start))
			r.fetched()
		}
		if ctx.Err() != nil {
			return nil, &miss{"failed", "canceled"}
		}
		if !retryable(status, err) || attempt >= c.o.Retries {
			if err != nil {
				reason := reasonOf(status, err)
				c.o.Metrics.Error(metrics.StageFetch, reason)
				c.log.Info("fetch failed", "source", r.src.Name, "url", redactKey(rq.URL), "reason", reason, "attempts", attempt+1, "err", redactKey(err.Error()))
				return nil, &miss{"failed", reason}
			}
			return resp, nil
		}
		delay := backoffDelay(c.o.RetryBase, attempt)
		if resp != nil {
			if ra, ok := retryAfter(resp.Header, time.Now()); ok {
				if ra > maxRetryAfter {
					c.log.Info("fetch rate limited", "source", r.src.Name, "url", redactKey(rq.URL), "retry_after", ra)
					c.gate.pause(u.Host, time.Now().Add(ra))
					return nil, &miss{"failed", "rate_limited"}
				}
				delay = max(delay, ra)
				c.gate.pause(u.Host, time.Now().Add(ra))
			}
		}
		errText := ""
		if err != nil {
			errText = redactKey(err.Error())
		}
		c.log.Debug("fetch retry", "source", r.src.Name, "url", redactKey(rq.URL), "status", status, "err", errText, "delay", delay)
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, &miss{"failed", "canceled"}
		case <-t.C:
		}
	}
}

func (c *Crawler) fetchRobots(ctx context.Context, r *run, u string) (int, []byte, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return 0, nil, err
	}
	release, err := c.gate.acquire(ctx, pu.Host)
	if err != nil {
		return 0, nil, err
	}
	defer release()
	resp, err := r.fetch.get(fetchRequest{URL: u, Accept: "text/plain,*/*;q=0.5"})
	if err != nil {
		c.log.Info("robots.txt unavailable", "source", r.src.Name, "url", u, "reason", reasonOf(0, err))
		return 0, nil, err
	}
	c.o.Metrics.Fetched(r.src.Name, pu.Host, resp.Status, len(resp.Body), 0)
	if resp.Status >= 500 {
		c.log.Info("robots.txt unavailable", "source", r.src.Name, "url", u, "status", resp.Status)
	}
	return resp.Status, resp.Body, nil
}

func (c *Crawler) visit(ctx context.Context, r *run, it item) error {
	switch it.Kind {
	case itemSitemap:
		return c.visitSitemap(ctx, r, it)
	case itemFeed:
		return c.visitFeed(ctx, r, it)
	default:
		return c.visitPage(ctx, r, it)
	}
}

// visitPage fetches one page and publishes its article if it is new or
// changed. Only failures of the bus or the stores are returned; everything
// that goes wrong with the page itself is counted and logged.
func (c *Crawler) visitPage(ctx context.Context, r *run, it item) error {
	st, err := c.loadState(ctx, it.URL)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	recrawl := r.src.Recrawl
	if recrawl == 0 {
		recrawl = c.o.Recrawl
	}
	if !st.FetchedAt.IsZero() {
		if h := it.Hint; h != nil && !h.LastMod.IsZero() && !h.LastMod.After(st.FetchedAt) {
			r.count(c.o.Metrics, "unchanged", "lastmod")
			return c.follow(ctx, r, it, st.Links)
		}
		if recrawl > 0 && now.Sub(st.FetchedAt) < recrawl {
			r.count(c.o.Metrics, "unchanged", "fresh")
			return c.follow(ctx, r, it, st.Links)
		}
	}
	if !r.takePage() {
		r.front.close()
		r.count(c.o.Metrics, "skipped", "max_pages")
		return nil
	}
	resp, m := c.get(ctx, r, fetchRequest{URL: it.URL, ETag: st.ETag, LastModified: st.LastModified}, false)
	if m != nil {
		if m.reason != "canceled" {
			r.count(c.o.Metrics, m.outcome, m.reason)
			if it.Depth == 0 && it.Hint == nil && m.outcome == "failed" {
				r.fail(fmt.Sprintf("seed %s: %s", it.URL, m.reason))
			}
		}
		return c.fallbackToHint(ctx, r, it, m)
	}
	switch {
	case resp.Status == 304:
		st.FetchedAt = now
		r.count(c.o.Metrics, "unchanged", "not_modified")
		if err := c.saveState(ctx, st); err != nil {
			return err
		}
		return c.follow(ctx, r, it, st.Links)
	case resp.Status < 200 || resp.Status > 299:
		reason := reasonOf(resp.Status, nil)
		c.log.Info("fetch failed", "source", r.src.Name, "url", it.URL, "reason", reason)
		c.o.Metrics.Error(metrics.StageFetch, reason)
		r.count(c.o.Metrics, "failed", reason)
		if it.Depth == 0 && it.Hint == nil {
			r.fail(fmt.Sprintf("seed %s: %s", it.URL, reason))
		}
		return c.fallbackToHint(ctx, r, it, &miss{"failed", reason})
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
	st.Status, st.FetchedAt = resp.Status, now
	st.ETag, st.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")

	page, skip := c.extractPage(r, resp, final)
	if skip != "" {
		st.Skipped, st.PageHash, st.Links = skip, "", nil
		r.count(c.o.Metrics, "skipped", skip)
		if err := c.saveState(ctx, st); err != nil {
			return err
		}
		return c.fallbackToHint(ctx, r, it, nil)
	}
	st.Skipped = ""
	var links []string
	if !page.NoFollow && it.Depth < r.depth {
		for _, l := range page.Links {
			cl, err := Canonicalize(l)
			if err == nil && !skippedLink(cl) && r.scope.follows(cl) {
				links = append(links, cl)
				if len(links) == maxStoredLinks {
					break
				}
			}
		}
	}
	st.Links = links
	if err := c.follow(ctx, r, it, links); err != nil {
		return err
	}
	if page.NoIndex {
		st.PageHash = ""
		r.count(c.o.Metrics, "skipped", "noindex")
		return c.saveState(ctx, st)
	}

	if words := len(strings.Fields(page.Text)); words < minArticleWords {
		// A hub or index page: followed for its links, not an article.
		st.PageHash = ""
		r.count(c.o.Metrics, "skipped", "too_short")
		return c.saveState(ctx, st)
	}
	a := c.pageArticle(r, page, it, final)
	pageHash := a.ComputeContentHash()
	if pageHash == st.PageHash && st.ArticleID != "" {
		r.count(c.o.Metrics, "unchanged", "same_content")
		return c.saveState(ctx, st)
	}
	outcome, reason, id, err := c.publish(ctx, r, a)
	if err != nil {
		return err
	}
	r.count(c.o.Metrics, outcome, reason)
	st.PageHash, st.ArticleID = pageHash, id
	return c.saveState(ctx, st)
}

// follow queues links found on it's page for the next depth.
func (c *Crawler) follow(ctx context.Context, r *run, it item, links []string) error {
	if it.Kind != itemPage || it.Depth >= r.depth || len(links) == 0 {
		return nil
	}
	items := make([]item, 0, len(links))
	for _, l := range links {
		items = append(items, item{URL: l, Depth: it.Depth + 1, Kind: itemPage})
	}
	return c.enqueue(ctx, r, items)
}

// extractPage turns a 2xx response into a page, or says why it is skipped.
func (c *Crawler) extractPage(r *run, resp *fetchResponse, pageURL string) (extract.Page, string) {
	ct := resp.ContentType()
	switch {
	case ct == "text/html" || ct == "application/xhtml+xml" || ct == "" && looksHTML(resp.Body):
	case ct == "application/pdf":
		return extract.Page{}, "pdf"
	case ct == "text/plain":
		return plainTextPage(resp.Body, resp.Header.Get("Content-Type"))
	default:
		c.log.Info("page skipped", "source", r.src.Name, "url", pageURL, "reason", "not_html", "content_type", ct)
		return extract.Page{}, "not_html"
	}
	pu, _ := url.Parse(pageURL)
	page, err := extract.HTML(resp.Body, resp.Header.Get("Content-Type"), pu)
	switch {
	case errors.Is(err, extract.ErrBinary):
		c.log.Info("page skipped", "source", r.src.Name, "url", pageURL, "reason", "binary")
		return page, "binary"
	case errors.Is(err, extract.ErrTooLarge):
		return page, "too_many_elements"
	case errors.Is(err, extract.ErrNoText):
		return page, "no_text"
	}
	if err != nil {
		c.log.Info("extract failed", "source", r.src.Name, "url", pageURL, "err", err)
		c.o.Metrics.Error(metrics.StageExtract, "extract")
		return page, "extract_error"
	}
	return page, ""
}

func looksHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 1024)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") || strings.Contains(head, "<body") ||
		strings.Contains(head, "<head") || strings.Contains(head, "<p>") || strings.Contains(head, "<div")
}

func plainTextPage(body []byte, contentType string) (extract.Page, string) {
	if extract.Binary(body) {
		return extract.Page{}, "binary"
	}
	b, err := extract.ToUTF8(body, contentType)
	if err != nil {
		return extract.Page{}, "charset"
	}
	text := strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n"))
	if text == "" {
		return extract.Page{}, "no_text"
	}
	title, _, _ := strings.Cut(text, "\n")
	return extract.Page{Title: strings.TrimSpace(title), Text: text}, ""
}

// pageArticle builds the article of a fetched page.
func (c *Crawler) pageArticle(r *run, p extract.Page, it item, final string) lumen.Article {
	a := lumen.Article{
		URL: final, Source: r.src.Name, Title: p.Title, Authors: p.Authors, SiteName: p.SiteName,
		Published: p.Published, Language: p.Language, DOI: p.DOI, PMID: p.PMID, FetchedAt: time.Now().UTC(),
	}
	a.Kind = lumen.ArticleWeb
	// Trust rel=canonical within the site only: a page must not be able to
	// claim another site's article.
	if p.Canonical != "" {
		if cu, err := Canonicalize(p.Canonical); err == nil {
			fu, _ := url.Parse(final)
			pu, _ := url.Parse(cu)
			if fu != nil && pu != nil && siteKey(fu.Hostname()) == siteKey(pu.Hostname()) {
				a.URL = cu
				r.front.markSeen(cu)
			}
		}
	}
	a.URLs = dedupe([]string{a.URL, final, it.URL})
	if h := it.Hint; h != nil {
		if a.Title == "" {
			a.Title = h.Title
		}
		if a.Published.IsZero() {
			a.Published = h.Published
		}
		if len(a.Authors) == 0 {
			a.Authors = h.Authors
		}
		if a.DOI == "" {
			a.DOI = h.DOI
		}
	}
	a.Text, a.Truncated = truncateText(p.Text, c.o.MaxTextBytes)
	return a
}

// fallbackToHint publishes what a feed said about an item whose page could
// not be used (robots, a failure, not HTML): feeds of journals and preprint
// servers carry the abstract, which is worth having.
func (c *Crawler) fallbackToHint(ctx context.Context, r *run, it item, m *miss) error {
	h := it.Hint
	if h == nil || len(h.Summary) < 200 || h.Title == "" || m != nil && m.reason == "canceled" {
		return nil
	}
	a := lumen.Article{
		URL: it.URL, URLs: []string{it.URL}, Source: r.src.Name, Title: h.Title, Authors: h.Authors,
		Published: h.Published, DOI: h.DOI, FetchedAt: time.Now().UTC(),
	}
	a.Kind = lumen.ArticleAbstract // a journal's or a preprint server's feed item
	a.Text, a.Truncated = truncateText(h.Title+"\n\n"+h.Summary, c.o.MaxTextBytes)
	outcome, reason, _, err := c.publish(ctx, r, a)
	if err != nil {
		return err
	}
	r.count(c.o.Metrics, outcome, reason+"_from_feed")
	return nil
}

func dedupe(s []string) []string {
	out := s[:0]
	for _, v := range s {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// truncateText cuts text to at most max bytes, at a block or sentence
// boundary when there is one in the last quarter, else at a rune boundary.
func truncateText(text string, max int) (string, bool) {
	if len(text) <= max {
		return text, false
	}
	cut := text[:max]
	if i := strings.LastIndex(cut, "\n\n"); i > max*3/4 {
		return strings.TrimRight(cut[:i], " \t\n"), true
	}
	if i := strings.LastIndex(cut, ". "); i > max*3/4 {
		return cut[:i+1], true
	}
	for len(cut) > 0 && !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	return cut, true
}

// publish resolves the article's identity, merges it with the version
// already published under that identity, and publishes the result if it
// differs. It returns the outcome (new, changed, unchanged, skipped) and the
// article ID.
func (c *Crawler) publish(ctx context.Context, r *run, a lumen.Article) (outcome, reason, id string, err error) {
	sim, words := simhash(a.Text)
	// Resolving, publishing and recording an identity is one step: two copies
	// of an article fetched at once must not both become new articles.
	c.pubMu.Lock()
	defer c.pubMu.Unlock()
	m, err := c.ident.resolve(ctx, &a, sim, words)
	if err != nil {
		return "", "", "", err
	}
	a.ID = m.ID
	outcome = "new"
	var prevHash string
	if m.Via != "" {
		prev, err := c.d.Articles.LastFetched(ctx, m.ID)
		switch {
		case err == nil:
			a = mergeArticle(prev.Article, a)
			prevHash = prev.Article.ContentHash
			outcome = "changed"
			if m.Via == "text" || m.Via == "simhash" {
				outcome, reason = "skipped", "duplicate"
			}
		case !errors.Is(err, lumen.ErrNotFound):
			return "", "", "", fmt.Errorf("read article %s: %w", m.ID, err)
		}
	}
	a.ContentHash = a.ComputeContentHash()
	if a.ContentHash == prevHash {
		if outcome == "changed" {
			outcome, reason = "unchanged", "same_article"
		}
	} else {
		if _, err := c.d.Publisher.PublishFetched(ctx, lumen.ArticleFetched{Article: a, Run: r.rec.ID}); err != nil {
			if errors.Is(err, lumen.ErrInvalid) { // too large for the bus, say
				c.o.Metrics.Error(metrics.StagePublish, "invalid")
				c.log.Warn("article not published", "source", r.src.Name, "url", a.URL, "err", err)
				return "failed", "publish_invalid", a.ID, nil
			}
			c.o.Metrics.Error(metrics.StagePublish, "bus")
			return "", "", "", err
		}
	}
	if err := c.ident.record(ctx, &a, sim, words); err != nil {
		return "", "", "", err
	}
	return outcome, reason, a.ID, nil
}

// mergeArticle combines the version of an article already published (prev)
// with a newly fetched one (cur). A new fetch of a URL the article already
// had replaces its content; a copy found elsewhere (another URL, another
// source) only adds its URLs and fills in missing metadata, and replaces the
// text only when it is much longer (a full text where there was an abstract).
func mergeArticle(prev, cur lumen.Article) lumen.Article {
	sameOrigin := slices.Contains(prev.URLs, cur.URL) || prev.URL == cur.URL
	out := prev
	if sameOrigin {
		out = cur
		out.URL = prev.URL
	}
	out.ID = prev.ID
	out.Source = prev.Source
	out.URLs = dedupe(append(slices.Clone(prev.URLs), cur.URLs...))
	if out.URL == "" {
		out.URL = cur.URL
	}
	fill := func(dst *string, vals ...string) {
		for _, v := range vals {
			if *dst == "" {
				*dst = v
			}
		}
	}
	fill(&out.Title, prev.Title, cur.Title)
	fill(&out.Journal, prev.Journal, cur.Journal)
	fill(&out.SiteName, prev.SiteName, cur.SiteName)
	fill(&out.Language, prev.Language, cur.Language)
	fill(&out.DOI, prev.DOI, cur.DOI)
	fill(&out.PMID, prev.PMID, cur.PMID)
	fill(&out.PMCID, prev.PMCID, cur.PMCID)
	if len(out.Authors) == 0 {
		out.Authors = cur.Authors
	}
	if len(out.MeSH) == 0 {
		out.MeSH = cur.MeSH
	}
	if len(out.PublicationTypes) == 0 {
		out.PublicationTypes = cur.PublicationTypes
	}
	if out.Published.IsZero() {
		out.Published = cur.Published
	}
	if !sameOrigin && len(cur.Text) > len(prev.Text)*3/2 {
		out.Text, out.Truncated = cur.Text, cur.Truncated
	}
	out.FetchedAt = cur.FetchedAt
	return out
}
