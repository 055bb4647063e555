package crawler

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/extract"
	"github.com/lumen-research/lumen/internal/metrics"
)

// extractPage turns a 2xx response into a page, or says why it is skipped.
func (c *Crawler) extractPage(r *task, resp *fetchResponse, pageURL string) (extract.Page, string) {
	ct := resp.ContentType()
	switch {
	case ct == "text/html" || ct == "application/xhtml+xml" || ct == "" && looksHTML(resp.Body):
	case ct == "application/pdf":
		return extract.Page{}, "pdf"
	case ct == "text/plain":
		page, err := extract.Plain(resp.Body, resp.Header.Get("Content-Type"))
		switch {
		case errors.Is(err, extract.ErrBinary):
			return page, "binary"
		case errors.Is(err, extract.ErrNoText):
			return page, "no_text"
		case err != nil:
			return page, "charset"
		}
		return page, ""
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

// pageArticle builds the article of a fetched page.
func (c *Crawler) pageArticle(r *task, p extract.Page, it item, final string) lumen.Article {
	a := lumen.Article{
		URL: final, Source: r.src.Name, Title: p.Title, Authors: p.Authors, AuthorDetails: p.AuthorDetails, SiteName: p.SiteName, Journal: p.Journal,
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
