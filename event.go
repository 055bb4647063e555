package lumen

import "time"

// ArticleFetched is published by the crawler for each new or changed article.
// Consumers de-duplicate on (Article.ID, Article.ContentHash).
type ArticleFetched struct {
	Article Article `json:"article"`
	Run     string  `json:"run,omitempty"` // crawl run that fetched it
}

// ArticleTagged is published by the tagging worker: the article with the claims
// the tagger found in it. It replaces every earlier ArticleTagged of the same
// article.
type ArticleTagged struct {
	Article         Article   `json:"article"`
	Claims          []Claim   `json:"claims"`
	Concepts        []string  `json:"concepts"` // every concept mentioned in the article
	Evidence        string    `json:"evidence,omitempty"`
	TaxonomyVersion string    `json:"taxonomy_version"`
	TaggedAt        time.Time `json:"tagged_at"`
}

// CrawlRun records one run of a source: when it ran and what came of it.
type CrawlRun struct {
	ID        string         `json:"id"`
	Source    string         `json:"source"`
	Started   time.Time      `json:"started"`
	Finished  time.Time      `json:"finished,omitzero"`
	Fetched   int            `json:"fetched"`           // responses received
	New       int            `json:"new"`               // articles published for the first time
	Changed   int            `json:"changed"`           // articles published again with new content
	Unchanged int            `json:"unchanged"`         // fetched (or 304) with no change
	Skipped   map[string]int `json:"skipped,omitempty"` // by reason: robots, not_html, duplicate, ...
	Failed    map[string]int `json:"failed,omitempty"`  // by reason: timeout, http_404, dns, ...
	Error     string         `json:"error,omitempty"`   // why the run stopped early, if it did

	// PausedHosts are the hosts that timed out repeatedly and were not
	// asked again for the rest of the run (their URLs are skipped as
	// host_paused).
	PausedHosts []string `json:"paused_hosts,omitempty"`
}

// SkippedCount is the number of URLs or records skipped, for any reason.
func (r *CrawlRun) SkippedCount() int { return total(r.Skipped) }

// FailedCount is the number of URLs or records that failed, for any reason.
func (r *CrawlRun) FailedCount() int { return total(r.Failed) }

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
