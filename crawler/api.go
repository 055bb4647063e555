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

// apiCursor is the paging position of an API run, saved with the run so an
// interrupted run resumes where it stopped.
type apiCursor struct {
	From   time.Time `json:"from,omitzero"`
	To     time.Time `json:"to"`
	Offset int       `json:"offset"`
	Mark   string    `json:"mark,omitempty"` // Europe PMC cursorMark of the page being read
	Skip   int       `json:"skip,omitempty"` // records of that page already done
}

func (c *Crawler) apiCursor(ctx context.Context, r *run) (apiCursor, error) {
	var cur apiCursor
	if r.cursor != "" && json.Unmarshal([]byte(r.cursor), &cur) == nil {
		return cur, nil
	}
	if b, _, err := c.d.Runs.Get(ctx, backlogKey(r.src.Name)); err == nil && json.Unmarshal(b, &cur) == nil {
		return cur, c.saveCursor(ctx, r, cur)
	} else if err != nil && !errors.Is(err, lumen.ErrNotFound) {
		return cur, err
	}
	cur = apiCursor{To: r.rec.Started}
	b, _, err := c.d.Runs.Get(ctx, lastSuccessKey(r.src.Name))
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

// lastSuccessKey holds the upper bound of the last window searched to the
// end; backlogKey the position in a window a run's budget did not finish.
func lastSuccessKey(source string) string { return "success." + source }

func backlogKey(source string) string { return "backlog." + source }

func (c *Crawler) saveCursor(ctx context.Context, r *run, cur apiCursor) error {
	b, _ := json.Marshal(cur)
	r.mu.Lock()
	r.cursor = string(b)
	r.mu.Unlock()
	return c.checkpoint(ctx, r)
}

// apiGet fetches an API URL; on a failure it records the reason on the run
// and returns ok false.
func (c *Crawler) apiGet(ctx context.Context, r *run, u string, accept string) ([]byte, bool) {
	resp, m := c.get(ctx, &task{run: r}, fetchRequest{URL: u, Accept: accept}, true)
	if m != nil {
		if m.reason != "canceled" {
			r.count(c.o.Metrics, m.outcome, m.reason)
			r.fail(fmt.Sprintf("%s: %s", endpoint(u), m.reason))
		}
		return nil, false
	}
	if resp.Status != 200 {
		reason := reasonOf(resp.Status, nil)
		c.log.Info("api request failed", "source", r.src.Name, "url", redactKey(u), "reason", reason, "body", snippet(resp.Body))
		r.count(c.o.Metrics, "failed", reason)
		r.fail(fmt.Sprintf("%s: %s", endpoint(u), reason))
		return nil, false
	}
	return resp.Body, true
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

// apiDone ends an API run. When the window was searched to the end, its upper
// bound becomes the next window's lower bound; when the page budget ran out
// first, the position is kept as a backlog that the next run continues, so
// that nothing in the window is skipped. A failed run changes neither.
func (c *Crawler) apiDone(ctx context.Context, r *run, cur apiCursor, exhausted bool) error {
	if r.snapshot().Error != "" {
		return nil
	}
	if !exhausted {
		b, _ := json.Marshal(cur)
		_, err := c.d.Runs.Put(ctx, backlogKey(r.src.Name), b)
		return err
	}
	if err := c.d.Runs.Delete(ctx, backlogKey(r.src.Name)); err != nil {
		return err
	}
	_, err := c.d.Runs.Put(ctx, lastSuccessKey(r.src.Name), []byte(cur.To.Format(time.RFC3339Nano)))
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
