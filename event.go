package lumen

import "time"

// ArticleFetched is published by the crawler for each new or changed article.
// Consumers de-duplicate on (Article.ID, Article.ContentHash).
type ArticleFetched struct {
	Article Article `json:"article"`
	Run     string  `json:"run,omitempty"` // crawl run that fetched it
	// Outcome is what that run counted this version as: "new" or
	// "changed" (a run resumed after a crash that finds its own version
	// here counts it again as that).
	Outcome string `json:"outcome,omitempty"`
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
	ID       string    `json:"id"`
	Source   string    `json:"source"`
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished,omitzero"`
	// Fetched counts the HTTP responses the run received, whatever the
	// kind of source: a web page, a sitemap or feed, a scholarly API's
	// request (one holds up to 200 records), each redirect hop and retry.
	// robots.txt is not counted. What came of the pages and records is
	// counted by the fields below, one count per page or record.
	Fetched   int            `json:"fetched"`
	New       int            `json:"new"`               // articles published for the first time
	Changed   int            `json:"changed"`           // articles published again with new content
	Unchanged int            `json:"unchanged"`         // pages or records (fetched, 304 or not asked for) with no change
	Listings  int            `json:"listings"`          // sitemaps and feeds read (fetched or 304)
	Skipped   map[string]int `json:"skipped,omitempty"` // by reason: robots, not_html, duplicate, ...
	Failed    map[string]int `json:"failed,omitempty"`  // by reason: timeout, http_404, dns, ...
	// Repaired counts, by reason, the pages used although something about
	// them was wrong and was worked around (charset_mismatch: the charset
	// the page declared was not its own). They are counted under new,
	// changed or unchanged too.
	Repaired map[string]int `json:"repaired,omitempty"`
	Error    string         `json:"error,omitempty"` // why the run failed or stopped early, if it did

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

// States of a crawl request.
const (
	CrawlQueued  = "queued"  // waiting for a crawler process to take it
	CrawlRunning = "running" // a crawler is running it
	CrawlDone    = "done"    // the run finished (its record says how it went)
	CrawlFailed  = "failed"  // the run could not start or stopped early
)

// CrawlRequest asks a running crawler to crawl one configured source, or
// one site from a seed URL, now. It travels over NATS from the API to
// whichever process crawls (lumen run, or lumen crawl).
type CrawlRequest struct {
	ID     string `json:"id"`               // chosen by the API; the request's handle
	Source string `json:"source,omitempty"` // a configured source's name
	Seed   string `json:"seed,omitempty"`   // or one site from this URL
	// MaxPages and MaxDepth override the source's (0 and nil: keep them).
	MaxPages     int       `json:"max_pages,omitempty"`
	MaxDepth     *int      `json:"max_depth,omitempty"`
	AllowPrivate bool      `json:"allow_private,omitempty"` // seed only: allow loopback and private addresses
	RequestedBy  string    `json:"requested_by"`
	At           time.Time `json:"at"`
}

// CrawlRequestState is where a crawl request stands, and the run it started.
type CrawlRequestState struct {
	Request CrawlRequest `json:"request"`
	Status  string       `json:"status"`
	// Source is the name the run is recorded under (a seed's is "seed-HOST").
	Source  string    `json:"source,omitempty"`
	RunID   string    `json:"run_id,omitempty"`
	Error   string    `json:"error,omitempty"`
	Updated time.Time `json:"updated"`
	// Run is the run's record: counts so far while it runs.
	Run *CrawlRun `json:"run,omitempty"`
}
