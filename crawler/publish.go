package crawler

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/metrics"
)

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
