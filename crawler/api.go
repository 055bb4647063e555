package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
)

// Scholarly APIs search a window of dates: the records that entered the
// database since the last window searched to the end, with a day of overlap.
// The window is kept per query, not per source: a source whose query
// changes searches all time again for the new query. A first search that
// finds nothing does not mark all time as searched (a query that matches
// nothing yet, or an API that answered empty by mistake, would stay empty
// for good). A run whose budget ends inside a window leaves a backlog that
// the next run continues before it opens a new window.

// apiWindow is a range of dates to search; a zero From is all time.
type apiWindow struct {
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to"`
}

// apiCursor is the paging position of an API run, saved with the run (and
// with every record) so that an interrupted run resumes where it stopped.
type apiCursor struct {
	Query string    `json:"query"` // lumen.Hash of the source's query
	From  time.Time `json:"from,omitzero"`
	To    time.Time `json:"to"`
	// PubMed: the windows still to search, the first in progress (a
	// window of more hits than E-utilities pages through is split), and
	// the position in its list of PMIDs.
	Parts  []apiWindow `json:"parts,omitempty"`
	Offset int         `json:"offset"`
	// Europe PMC: the cursorMark of the page being read and how many of
	// its records are done.
	Mark string `json:"mark,omitempty"`
	Skip int    `json:"skip,omitempty"`
	// Hits is what the first search of the window found.
	Hits int `json:"hits,omitempty"`
}

// apiCursor returns where the run starts: its own saved cursor when it
// resumes, else the source's backlog for the current query, else a new
// window from the last one searched to the end.
func (c *Crawler) apiCursor(ctx context.Context, r *run) (apiCursor, error) {
	q := lumen.Hash(r.src.Query)
	var cur apiCursor
	if r.cursor != "" && json.Unmarshal([]byte(r.cursor), &cur) == nil && cur.Query == q {
		return cur, nil
	}
	b, _, err := c.d.Runs.Get(ctx, backlogKey(r.src.Name, q))
	switch {
	case err == nil && json.Unmarshal(b, &cur) == nil && cur.Query == q:
		return cur, c.saveCursor(ctx, r, cur)
	case err != nil && !errors.Is(err, lumen.ErrNotFound):
		return cur, err
	}
	cur = apiCursor{Query: q, To: r.rec.Started}
	b, _, err = c.d.Runs.Get(ctx, lastSuccessKey(r.src.Name, q))
	switch {
	case err == nil:
		if t, perr := time.Parse(time.RFC3339Nano, string(b)); perr == nil {
			cur.From = t.Add(-windowOverlap)
		}
	case !errors.Is(err, lumen.ErrNotFound):
		return cur, err
	}
	return cur, c.saveCursor(ctx, r, cur)
}

// lastSuccessKey holds the upper bound of the last window a query searched
// to the end; backlogKey the position in a window a run's budget did not
// finish. Both are per source and query.
func lastSuccessKey(source, query string) string { return "success." + source + "." + query }

func backlogKey(source, query string) string { return "backlog." + source + "." + query }

func (c *Crawler) saveCursor(ctx context.Context, r *run, cur apiCursor) error {
	b, _ := json.Marshal(cur)
	r.mu.Lock()
	r.cursor = string(b)
	r.mu.Unlock()
	return c.checkpoint(ctx, r)
}

// apiRetries is how many more times an API request is made when its
// answer came with HTTP 200 but cannot be used: an error body, a
// truncated or garbled document.
const apiRetries = 2

// errAPI marks an answer that says it failed (an <ERROR> element, an error
// object), as opposed to one that does not parse.
var errAPI = errors.New("api error")

// apiFetch gets an API URL and checks its body with check; an answer that
// fails the check is asked again (apiRetries times, with backoff) before
// the run fails. HTTP failures are retried by get. On a failure it counts
// the reason, records it on the run and returns ok false.
func (c *Crawler) apiFetch(ctx context.Context, r *run, u, accept string, check func([]byte) error) ([]byte, bool) {
	what := endpoint(u)
	for attempt := 0; ; attempt++ {
		resp, m := c.get(ctx, &task{run: r}, fetchRequest{URL: u, Accept: accept}, true)
		if m != nil {
			if m.reason != "canceled" {
				r.count(c.o.Metrics, m.outcome, m.reason)
				r.fail(fmt.Sprintf("%s: %s", what, m.reason))
			}
			return nil, false
		}
		if resp.Status != 200 {
			reason := reasonOf(resp.Status, nil)
			if reason == "" {
				reason = fmt.Sprintf("http_%d", resp.Status)
			}
			c.log.Info("api request failed", "source", r.src.Name, "url", redactKey(u), "reason", reason, "body", snippet(resp.Body))
			r.count(c.o.Metrics, "failed", reason)
			r.fail(fmt.Sprintf("%s: %s", what, reason))
			return nil, false
		}
		err := check(resp.Body)
		if err == nil {
			return resp.Body, true
		}
		reason := "bad_response"
		if errors.Is(err, errAPI) {
			reason = "api_error"
		}
		if attempt >= apiRetries || ctx.Err() != nil {
			c.log.Warn("api answer unusable", "source", r.src.Name, "url", redactKey(u), "reason", reason, "err", redactKey(err.Error()))
			r.count(c.o.Metrics, "failed", reason)
			r.fail(fmt.Sprintf("%s: %s", what, redactKey(err.Error())))
			return nil, false
		}
		c.log.Info("api answer unusable, asking again", "source", r.src.Name, "url", redactKey(u), "reason", reason, "err", redactKey(err.Error()))
		t := time.NewTimer(backoffDelay(c.o.RetryBase, attempt))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, false
		case <-t.C:
		}
	}
}

var apiKeyParam = regexp.MustCompile(`api_key=[^&]*`)

func redactKey(u string) string { return apiKeyParam.ReplaceAllString(u, "api_key=REDACTED") }

// endpoint is a URL without its query, for run records.
func endpoint(u string) string {
	base, _, _ := strings.Cut(u, "?")
	return base
}

func snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b[:min(len(b), 200)])), " ")
	return strings.ToValidUTF8(s, "")
}

func apiBase(src lumen.Source, def string) string {
	if len(src.URLs) > 0 {
		b := src.URLs[0]
		if !strings.HasSuffix(b, "/") {
			b += "/"
		}
		return b
	}
	return def
}

// apiDone ends an API run. When the window was searched to the end, its
// upper bound becomes the next window's lower bound, unless it was a first
// search of all time that found nothing; when the page budget ran out
// first, the position is kept as a backlog that the next run continues, so
// that nothing in the window is skipped. A failed run changes neither: the
// next run starts again from its own last position (the backlog, or the
// same window).
func (c *Crawler) apiDone(ctx context.Context, r *run, cur apiCursor, exhausted bool) error {
	if r.snapshot().Error != "" {
		if cur.Offset > 0 || cur.Skip > 0 || cur.Mark != "" && cur.Mark != "*" || len(cur.Parts) > 0 {
			// Keep what was done: the next run resumes after it.
			b, _ := json.Marshal(cur)
			_, err := c.d.Runs.Put(ctx, backlogKey(r.src.Name, cur.Query), b)
			return err
		}
		return nil
	}
	if !exhausted {
		b, _ := json.Marshal(cur)
		_, err := c.d.Runs.Put(ctx, backlogKey(r.src.Name, cur.Query), b)
		return err
	}
	if err := c.d.Runs.Delete(ctx, backlogKey(r.src.Name, cur.Query)); err != nil {
		return err
	}
	if cur.From.IsZero() && cur.Hits == 0 {
		c.log.Info("first search found nothing; the next run searches all time again", "source", r.src.Name)
		return nil
	}
	_, err := c.d.Runs.Put(ctx, lastSuccessKey(r.src.Name, cur.Query), []byte(cur.To.Format(time.RFC3339Nano)))
	return err
}

// publishRecord publishes one scholarly record and charges it to the
// run's budget; the caller then saves its cursor, which checkpoints both
// with the counters, so that they stay exact across a crash.
func (c *Crawler) publishRecord(ctx context.Context, r *run, a lumen.Article) error {
	a.Source = r.src.Name
	a.FetchedAt = time.Now().UTC()
	a.Text, a.Truncated = truncateText(a.Text, c.o.MaxTextBytes)
	if a.URL != "" {
		a.URLs = []string{a.URL}
	}
	outcome, reason, _, err := c.publish(ctx, r, a)
	if err != nil {
		return err
	}
	r.count(c.o.Metrics, outcome, reason)
	r.takePage()
	if c.o.Progress != nil {
		c.o.Progress(r.snapshot(), 0)
	}
	return nil
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func trimAll(s []string) []string {
	out := make([]string, 0, len(s))
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// languageTag maps the ISO 639-2 codes of PubMed and Europe PMC to BCP 47.
func languageTag(code string) string {
	switch c := strings.ToLower(strings.TrimSpace(code)); c {
	case "eng":
		return "en"
	case "ger", "deu":
		return "de"
	case "fre", "fra":
		return "fr"
	case "spa":
		return "es"
	case "ita":
		return "it"
	case "por":
		return "pt"
	case "chi", "zho":
		return "zh"
	case "jpn":
		return "ja"
	case "rus":
		return "ru"
	case "pol":
		return "pl"
	case "dut", "nld":
		return "nl"
	default:
		return c
	}
}

// oneSpace trims s and collapses its runs of white space to one space.
func oneSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// nameSuffixes are the generational and ordinal suffixes of personal names,
// lower-case without a dot.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "2nd": true, "3rd": true}

// personName is a person's name from a source's parts, with a suffix that
// was written into the family name ("Smith, Jr.", "Smith Jr") moved to
// Suffix, as citation styles want it.
func personName(family, given, initials, suffix string) lumen.Author {
	au := lumen.Author{Family: oneSpace(family), Given: oneSpace(given), Initials: oneSpace(initials), Suffix: oneSpace(suffix)}
	if au.Suffix == "" {
		au.Family, au.Suffix = cutNameSuffix(au.Family)
	}
	return au
}

// cutNameSuffix splits a suffix off the end of a family name: "Smith, Jr."
// or "Smith Jr" is "Smith" and "Jr.". A one-word name is left whole.
func cutNameSuffix(family string) (string, string) {
	i := strings.LastIndexAny(family, ", ")
	if i <= 0 {
		return family, ""
	}
	last := family[i+1:]
	if !nameSuffixes[strings.ToLower(strings.TrimSuffix(last, "."))] {
		return family, ""
	}
	rest := strings.TrimRight(family[:i], ", ")
	if rest == "" {
		return family, ""
	}
	return rest, last
}
