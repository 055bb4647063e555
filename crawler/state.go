package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/lumen-research/lumen"
)

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
