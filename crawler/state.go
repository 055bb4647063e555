package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
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
	// fresh page still leads the crawl on; past inlineLinks of them they
	// are kept gzip-compressed, one per line, in LinksZ. Feeds are the
	// feeds the page links to.
	Links  []string `json:"links,omitempty"`
	LinksZ []byte   `json:"links_z,omitempty"`
	Feeds  []string `json:"feeds,omitempty"`
	// Skipped says why the URL gave no article (pdf, not_html, noindex ...),
	// and ContentType what the response said it was.
	Skipped     string `json:"skipped,omitempty"`
	ContentType string `json:"content_type,omitempty"`
	// Kind is "sitemap" or "feed" when the URL was last read as one: a
	// link to it is read as that listing again.
	Kind string `json:"kind,omitempty"`
	// Listing is a sitemap's or feed's body, gzip-compressed, kept so that
	// the next run can fetch it with a conditional request.
	Listing []byte `json:"listing,omitempty"`
	// Failures counts the lasting failures in a row (Failure is the last
	// one's reason); the URL is not fetched again before RetryAt.
	Failures int       `json:"failures,omitempty"`
	Failure  string    `json:"failure,omitempty"`
	FailedAt time.Time `json:"failed_at,omitzero"`
	RetryAt  time.Time `json:"retry_at,omitzero"`
	// Run is the run that saved this state, with what its visit of the URL
	// counted: a run resumed after a crash that finds its own id here knows
	// the visit took place, to its last effect, and does not repeat it.
	Run   string `json:"run,omitempty"`
	Tally *tally `json:"tally,omitempty"`
}

// Bounds of what one page leads to: at most maxPageLinks links and
// maxPageFeeds feeds are followed (the others are counted: page_links,
// page_feeds); more than inlineLinks links are stored compressed.
const (
	maxPageLinks = 10_000
	maxPageFeeds = 4
	inlineLinks  = 200
)

// setLinks stores links in st, compressed when there are many.
func (st *urlState) setLinks(links []string) {
	st.Links, st.LinksZ = nil, nil
	if len(links) <= inlineLinks {
		st.Links = links
		return
	}
	st.LinksZ = gzipped([]byte(strings.Join(links, "\n")))
}

// links returns the links stored in st.
func (st *urlState) links() []string {
	if len(st.LinksZ) == 0 {
		return st.Links
	}
	b, err := gunzip(st.LinksZ, 64<<20)
	if err != nil {
		return nil
	}
	return strings.Split(string(b), "\n")
}

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

// saveVisit saves st as the last effect of r's visit, with what the visit
// counted.
func (c *Crawler) saveVisit(ctx context.Context, r *task, st urlState) error {
	st.Run = r.rec.ID
	t := r.tally
	t.Outcomes = maps.Clone(t.Outcomes)
	st.Tally = &t
	return c.saveState(ctx, st)
}

// visitedBefore reports whether st says that this run, before it was
// interrupted, visited the URL to its last effect; if so, it counts what
// that visit counted.
func (c *Crawler) visitedBefore(r *task, st urlState) bool {
	if !r.resumed || st.Run != r.rec.ID || st.Tally == nil {
		return false
	}
	r.tally = *st.Tally
	r.run.mu.Lock()
	st.Tally.applyTo(&r.run.rec)
	r.run.mu.Unlock()
	return true
}

// lastingFailure reports whether a URL that failed (or was skipped) for
// reason will most likely fail the same way if asked again soon: it is
// then remembered and not fetched again before a backoff that grows with
// each failure in a row. Timeouts are remembered too, for a shorter time
// (see failureBackoff). Server errors, connection failures and rate
// limits are not: they pass.
func lastingFailure(reason string) bool {
	switch reason {
	case "too_large", "redirect_loop", "too_many_redirects", "bad_redirect", "not_html", "pdf", "binary",
		"timeout", "error_page", "consent_wall", "login_wall", "no_content":
		return true
	}
	if code, ok := strings.CutPrefix(reason, "http_"); ok {
		n, err := strconv.Atoi(code)
		return err == nil && n >= 400 && n < 500 && n != 408 && n != 425 && n != 429
	}
	return false
}

// failureBackoff is how long a URL that failed n times in a row for
// reason is left alone: FailureBackoff doubling with each failure up to
// FailureBackoffMax; for a timeout, an hour doubling up to FailureBackoff
// (a slow server may recover by the next run).
func (c *Crawler) failureBackoff(reason string, n int) time.Duration {
	base, most := c.o.FailureBackoff, c.o.FailureBackoffMax
	if reason == "timeout" {
		base, most = min(time.Hour, base), base
	}
	d := base << min(max(n-1, 0), 20)
	if d <= 0 || d > most {
		d = most
	}
	return d
}

// rememberFailure records in st that its URL failed for reason, if that
// is a lasting reason; it reports whether it did.
func (c *Crawler) rememberFailure(st *urlState, reason string, now time.Time) bool {
	if !lastingFailure(reason) {
		return false
	}
	st.Failures++
	st.Failure, st.FailedAt = reason, now
	st.RetryAt = now.Add(c.failureBackoff(reason, st.Failures))
	return true
}

// forgetFailure clears the failure memory of a URL that answered.
func forgetFailure(st *urlState) {
	st.Failures, st.Failure, st.FailedAt, st.RetryAt = 0, "", time.Time{}, time.Time{}
}

// backingOff reports whether st's URL failed lastingly and its backoff has
// not expired; a sitemap that says the page changed since the failure
// ends the backoff.
func backingOff(st urlState, h *hint, now time.Time) bool {
	if st.RetryAt.IsZero() || !now.Before(st.RetryAt) {
		return false
	}
	return h == nil || h.LastMod.IsZero() || !h.LastMod.After(st.FailedAt)
}
