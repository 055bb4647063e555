package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/metrics"
)

// run is the state of one run in progress.
type run struct {
	src      lumen.Source
	resumed  bool
	front    *frontier
	fetch    *fetcher
	scope    *scope
	maxQueue int
	budget   int
	depth    int

	mu     sync.Mutex
	rec    lumen.CrawlRun
	pages  int    // pages charged to the budget, MaxPages
	lists  int    // sitemaps and feeds charged, maxListings
	cursor string // API paging position, persisted with the run
	// blank names a seed that held no content (a landing page of script):
	// the run fails for it only when it found no article either.
	blank string
	// timeouts counts each host's timeouts in a row; a host that reaches
	// Options.HostTimeouts is paused for the rest of the run.
	timeouts map[string]int
}

// paused reports whether host was paused for the rest of the run.
func (r *run) paused(host string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Contains(r.rec.PausedHosts, host)
}

// timedOut records a timeout of host and reports whether that pauses it.
func (r *run) timedOut(host string, limit int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.timeouts == nil {
		r.timeouts = map[string]int{}
	}
	r.timeouts[host]++
	if r.timeouts[host] < limit || slices.Contains(r.rec.PausedHosts, host) {
		return false
	}
	r.rec.PausedHosts = append(r.rec.PausedHosts, host)
	return true
}

// answered records that host answered, which ends its run of timeouts.
func (r *run) answered(host string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.timeouts, host)
}

func (r *run) snapshot() lumen.CrawlRun {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec := r.rec
	rec.Skipped = maps.Clone(r.rec.Skipped)
	rec.Failed = maps.Clone(r.rec.Failed)
	rec.Repaired = maps.Clone(r.rec.Repaired)
	rec.PausedHosts = slices.Clone(r.rec.PausedHosts)
	return rec
}

// count records the outcome of one item.
func (r *run) count(m *metrics.Metrics, outcome, reason string) { r.countN(m, outcome, reason, 1) }

// countN records the outcome of n items.
func (r *run) countN(m *metrics.Metrics, outcome, reason string, n int) {
	if n <= 0 {
		return
	}
	r.mu.Lock()
	addOutcome(&r.rec, outcome, reason, n)
	r.mu.Unlock()
	for range n {
		m.PageOutcome(r.src.Name, outcome, reason)
	}
}

func addOutcome(rec *lumen.CrawlRun, outcome, reason string, n int) {
	switch outcome {
	case "new":
		rec.New += n
	case "changed":
		rec.Changed += n
	case "unchanged":
		rec.Unchanged += n
	case "listing":
		rec.Listings += n
	case "repaired":
		if rec.Repaired == nil {
			rec.Repaired = map[string]int{}
		}
		rec.Repaired[reason] += n
	case "skipped":
		if rec.Skipped == nil {
			rec.Skipped = map[string]int{}
		}
		rec.Skipped[reason] += n
	case "failed":
		if rec.Failed == nil {
			rec.Failed = map[string]int{}
		}
		rec.Failed[reason] += n
	}
}

func (r *run) fetched() {
	r.mu.Lock()
	r.rec.Fetched++
	r.mu.Unlock()
}

// fail records why a run could not do all it should (a seed, a listing or
// an API request failed); the run still finishes, with status failed.
func (r *run) fail(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.rec.Error == "" {
		r.rec.Error = msg
	}
}

// blankSeed records a seed page without content: the run fails for it
// only if it found no article at all (see blankFailure).
func (r *run) blankSeed(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.blank == "" {
		r.blank = msg
	}
}

// blankFailure returns why the run failed for a seed without content: it
// found no article, new, changed or unchanged, anywhere else. Else "".
func (r *run) blankFailure(rec lumen.CrawlRun) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.blank == "" || rec.New+rec.Changed+rec.Unchanged > 0 {
		return ""
	}
	return r.blank
}

func (r *run) pagesLeft() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.budget - r.pages
}

// takePage charges one page fetch to the run's budget.
func (r *run) takePage() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pages >= r.budget {
		return false
	}
	r.pages++
	return true
}

// pageToListing moves the charge of a fetch from the run's pages to its
// listings, for a page that turned out to be a sitemap or feed; it reports
// false, and leaves the page charged, when the listings are spent.
func (r *run) pageToListing() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lists >= maxListings {
		return false
	}
	r.lists++
	r.pages--
	return true
}

// takeListing charges one sitemap or feed fetch.
func (r *run) takeListing() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lists >= maxListings {
		return false
	}
	r.lists++
	return true
}

// tally is what the visit of one frontier item added to its run's record.
// It is saved with the item when the item is done (and with the URL's
// state, the visit's last effect), so that a resumed run's counters are
// those of the visits that took place, whenever the process died: they are
// not checkpointed, they are counted durably with each item.
type tally struct {
	Fetched  int            `json:"fetched,omitempty"`
	Outcomes map[string]int `json:"outcomes,omitempty"` // by "outcome/reason"
	Error    string         `json:"error,omitempty"`
	Paused   []string       `json:"paused,omitempty"` // hosts this visit paused
}

func (t *tally) empty() bool {
	return t.Fetched == 0 && len(t.Outcomes) == 0 && t.Error == "" && len(t.Paused) == 0
}

func (t *tally) add(outcome, reason string, n int) {
	if t.Outcomes == nil {
		t.Outcomes = map[string]int{}
	}
	t.Outcomes[outcome+"/"+reason] += n
}

// applyTo adds the tally to a run record.
func (t *tally) applyTo(rec *lumen.CrawlRun) {
	rec.Fetched += t.Fetched
	for k, n := range t.Outcomes {
		outcome, reason, _ := strings.Cut(k, "/")
		addOutcome(rec, outcome, reason, n)
	}
	if rec.Error == "" {
		rec.Error = t.Error
	}
	for _, h := range t.Paused {
		if !slices.Contains(rec.PausedHosts, h) {
			rec.PausedHosts = append(rec.PausedHosts, h)
		}
	}
}

// task is the visit of one frontier item: what it counts goes to the run's
// record and to the item's tally.
type task struct {
	*run
	it    item
	tally tally
}

func (t *task) count(m *metrics.Metrics, outcome, reason string) { t.countN(m, outcome, reason, 1) }

func (t *task) countN(m *metrics.Metrics, outcome, reason string, n int) {
	if n <= 0 {
		return
	}
	t.run.countN(m, outcome, reason, n)
	t.tally.add(outcome, reason, n)
}

// repaired records that the task's page was used although something
// about it was wrong (reason): counted apart, in the run record and in
// the metrics (lumen_crawl_pages_repaired_total), not as an error and not
// as a page outcome (the page has its own: new, changed ...).
func (t *task) repaired(m *metrics.Metrics, reason string) {
	t.run.mu.Lock()
	addOutcome(&t.run.rec, "repaired", reason, 1)
	t.run.mu.Unlock()
	t.tally.add("repaired", reason, 1)
	m.PageRepaired(t.run.src.Name, reason)
}

func (t *task) fetched() {
	t.run.fetched()
	t.tally.Fetched++
}

// timedOut records a timeout of host and reports whether that pauses it.
func (t *task) timedOut(host string, limit int) bool {
	if !t.run.timedOut(host, limit) {
		return false
	}
	t.tally.Paused = append(t.tally.Paused, host)
	return true
}

func (t *task) fail(msg string) {
	t.run.fail(msg)
	if t.tally.Error == "" {
		t.tally.Error = msg
	}
}

// charge takes a page (or, for a sitemap or feed, a listing) from the
// run's budget for the task's item before it is fetched, and records that
// in the frontier: a run that resumes after a crash knows what the
// interrupted one had spent, whether or not the fetch took place. An item
// charged before the crash is not charged again.
func (c *Crawler) charge(ctx context.Context, t *task) (bool, error) {
	if t.it.Charged {
		return true, nil
	}
	ok := false
	if t.it.Kind == itemPage {
		ok = t.run.takePage()
	} else {
		ok = t.run.takeListing()
	}
	if !ok {
		return false, nil
	}
	t.it.Charged = true
	return true, c.persistItem(ctx, t.run, t.it)
}

// queueLimit bounds the URLs a run queues. Not the page budget: pages a
// sitemap's lastmod or the recrawl interval skip cost no fetch, so that
// successive runs work through a listing larger than one run's budget.
func (r *run) queueLimit() int { return max(r.maxQueue, r.budget) }

// activeRun is what the runs store keeps about a run in progress.
type activeRun struct {
	Run    lumen.CrawlRun `json:"run"`
	Pages  int            `json:"pages"`
	Cursor string         `json:"cursor,omitempty"`
}

func runKey(source, id string) string { return "run." + source + "." + id }

func activeKey(source string) string { return "active." + source }

func frontierPrefix(source string) string {
	return source + "."
}

func frontierKey(source, url string) string { return source + "." + lumen.Hash(url) }

// ErrRunConflict: the run id asked for is taken, or another run of the
// source must resume first. It wraps lumen.ErrConflict.
var ErrRunConflict = fmt.Errorf("run id: %w", lumen.ErrConflict)

func (c *Crawler) startRun(ctx context.Context, src lumen.Source, rc runConfig) (*run, error) {
	r := &run{src: src, budget: src.MaxPages, depth: c.o.MaxDepth, maxQueue: c.o.MaxQueue}
	if src.Kind != lumen.SourceWeb {
		// The pages a sitemap or feed lists are what the source is; their
		// links are not followed unless the source says how deep.
		r.depth = 0
	}
	if r.budget <= 0 {
		r.budget = c.o.MaxPages
	}
	if src.MaxDepth != nil {
		r.depth = *src.MaxDepth
	}
	r.front = newFrontier(c.gate)
	r.front.skip = r.paused
	r.fetch = c.public
	if src.AllowPrivate {
		r.fetch = c.private
	}
	sc, err := newScope(src)
	if err != nil {
		return nil, err
	}
	r.scope = sc

	raw, _, err := c.d.Runs.Get(ctx, activeKey(src.Name))
	switch {
	case err == nil:
		var ar activeRun
		if err := json.Unmarshal(raw, &ar); err != nil {
			return nil, fmt.Errorf("crawl %s: decode active run: %w", src.Name, err)
		}
		if rc.id != "" && rc.id != ar.Run.ID {
			return nil, fmt.Errorf("crawl %s: run %s was interrupted and resumes first; ask for it, or for no id: %w",
				src.Name, ar.Run.ID, ErrRunConflict)
		}
		r.rec, r.cursor, r.resumed = ar.Run, ar.Cursor, true
		r.rec.Error = ""
		if isAPI(src.Kind) {
			// Checkpointed with each record, with the paging position.
			r.pages = ar.Pages
			break
		}
		// A web, sitemap or feed run counts from its frontier: what each
		// item that was done added, and the budget charged to those not
		// done yet; the checkpoint's counters only serve progress reports.
		r.rec = lumen.CrawlRun{ID: ar.Run.ID, Source: ar.Run.Source, Started: ar.Run.Started}
		var queued []item
		items := 0
		err := c.d.Frontier.Each(ctx, frontierPrefix(src.Name), func(_ string, v []byte) error {
			var it item
			if err := json.Unmarshal(v, &it); err != nil {
				return nil // a torn entry: skip it
			}
			items++
			if it.Charged {
				if it.Kind == itemPage {
					r.pages++
				} else {
					r.lists++
				}
			}
			if it.Done {
				r.front.markSeen(it.URL)
				if it.Tally != nil {
					it.Tally.applyTo(&r.rec)
				}
			} else {
				queued = append(queued, it)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("crawl %s: load frontier: %w", src.Name, err)
		}
		for _, it := range queued {
			r.front.push(it)
		}
		if items == 0 {
			// Interrupted after the run was recorded but before its seeds
			// were queued (a stop at once, qa4): without them the run
			// would finish having fetched nothing.
			if err := c.seed(ctx, &task{run: r}); err != nil {
				return nil, err
			}
		}
	case errors.Is(err, lumen.ErrNotFound):
		now := time.Now().UTC()
		r.rec = lumen.CrawlRun{ID: now.Format("20060102T150405.000Z"), Source: src.Name, Started: now}
		r.rec.ID = strings.ReplaceAll(r.rec.ID, ".", "")
		if rc.id != "" {
			switch _, _, err := c.d.Runs.Get(ctx, runKey(src.Name, rc.id)); {
			case err == nil:
				return nil, fmt.Errorf("crawl %s: a run %s is recorded already: %w", src.Name, rc.id, ErrRunConflict)
			case !errors.Is(err, lumen.ErrNotFound):
				return nil, fmt.Errorf("crawl %s: %w", src.Name, err)
			}
			r.rec.ID = rc.id
		}
		if err := c.checkpoint(ctx, r); err != nil {
			return nil, err
		}
		if err := c.saveRun(ctx, r.rec); err != nil {
			return nil, err
		}
		if err := c.seed(ctx, &task{run: r}); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("crawl %s: read active run: %w", src.Name, err)
	}
	return r, nil
}

// isAPI reports whether a kind of source is a scholarly API.
func isAPI(kind string) bool { return kind == lumen.SourcePubMed || kind == lumen.SourceEuropePMC }

// seed queues the source's starting points.
func (c *Crawler) seed(ctx context.Context, r *task) error {
	kind := itemPage
	switch r.src.Kind {
	case lumen.SourceSitemap:
		kind = itemSitemap
	case lumen.SourceFeed:
		kind = itemFeed
	case lumen.SourcePubMed, lumen.SourceEuropePMC:
		return nil
	}
	var items []item
	for _, u := range r.src.URLs {
		cu, err := Canonicalize(u)
		if err != nil {
			return fmt.Errorf("crawl %s: %w", r.src.Name, err)
		}
		items = append(items, item{URL: cu, Kind: kind})
	}
	return c.enqueue(ctx, r, items)
}

// enqueue persists and queues the items not seen before in this run; those
// past the run's queue limit are counted, not queued.
func (c *Crawler) enqueue(ctx context.Context, r *task, items []item) error {
	for i, it := range items {
		if r.front.seenCount() >= r.queueLimit() {
			dropped := 0
			for _, rest := range items[i:] {
				if !r.front.seen(rest.URL) {
					dropped++
				}
			}
			if dropped > 0 {
				c.log.Info("queue limit reached, links not queued", "source", r.src.Name, "limit", r.queueLimit(), "dropped", dropped)
				r.countN(c.o.Metrics, "skipped", "queue_limit", dropped)
			}
			return nil
		}
		ok, closed := r.front.reserve(it.URL)
		if closed {
			// The budget is spent: left out, like what is still queued.
			r.count(c.o.Metrics, "skipped", "max_pages")
		}
		if !ok {
			continue
		}
		// Recorded before any worker can take it (see reserve).
		if err := c.persistItem(ctx, r.run, it); err != nil {
			return err
		}
		r.front.add(it)
	}
	return nil
}

func (c *Crawler) persistItem(ctx context.Context, r *run, it item) error {
	b, err := json.Marshal(it)
	if err != nil {
		return err
	}
	if _, err := c.d.Frontier.Put(ctx, frontierKey(r.src.Name, it.URL), b); err != nil {
		return fmt.Errorf("persist frontier: %w", err)
	}
	return nil
}

func (c *Crawler) saveRun(ctx context.Context, rec lumen.CrawlRun) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if _, err := c.d.Runs.Put(ctx, runKey(rec.Source, rec.ID), b); err != nil {
		return fmt.Errorf("save run: %w", err)
	}
	return nil
}

// checkpoint saves the active run's counters and paging position. For an
// API run it is the durable record of both, saved with every record; for
// the others it only serves progress reports (GET /api/v1/crawls), since a
// resumed run counts from its frontier.
func (c *Crawler) checkpoint(ctx context.Context, r *run) error {
	r.mu.Lock()
	ar := activeRun{Run: r.rec, Pages: r.pages, Cursor: r.cursor}
	ar.Run.Skipped, ar.Run.Failed, ar.Run.Repaired = maps.Clone(r.rec.Skipped), maps.Clone(r.rec.Failed), maps.Clone(r.rec.Repaired)
	ar.Run.PausedHosts = slices.Clone(r.rec.PausedHosts)
	r.mu.Unlock()
	b, err := json.Marshal(ar)
	if err != nil {
		return err
	}
	if _, err := c.d.Runs.Put(ctx, activeKey(r.src.Name), b); err != nil {
		return fmt.Errorf("checkpoint run: %w", err)
	}
	return nil
}

// finishRun records the finished run, clears its frontier and marks the
// source idle, in that order: a crash in between resumes a run with nothing
// left to do, which then finishes at once.
func (c *Crawler) finishRun(ctx context.Context, r *run, rec lumen.CrawlRun) error {
	if err := c.saveRun(ctx, rec); err != nil {
		return err
	}
	var keys []string
	if err := c.d.Frontier.Each(ctx, frontierPrefix(r.src.Name), func(k string, _ []byte) error {
		keys = append(keys, k)
		return nil
	}); err != nil {
		return fmt.Errorf("clear frontier: %w", err)
	}
	for _, k := range keys {
		if err := c.d.Frontier.Delete(ctx, k); err != nil {
			return fmt.Errorf("clear frontier: %w", err)
		}
	}
	if err := c.d.Runs.Delete(ctx, activeKey(r.src.Name)); err != nil {
		return fmt.Errorf("finish run: %w", err)
	}
	return c.pruneRuns(ctx, r.src.Name)
}

const keepRuns = 100

func (c *Crawler) pruneRuns(ctx context.Context, source string) error {
	type kept struct {
		key     string
		started time.Time
	}
	var runs []kept
	if err := c.d.Runs.Each(ctx, "run."+source+".", func(k string, v []byte) error {
		var r lumen.CrawlRun
		_ = json.Unmarshal(v, &r) // an unreadable record sorts first, and goes
		runs = append(runs, kept{k, r.Started})
		return nil
	}); err != nil {
		return fmt.Errorf("prune runs: %w", err)
	}
	if len(runs) <= keepRuns {
		return nil
	}
	// By start time: run ids chosen by callers (WithRunID) do not sort.
	slices.SortFunc(runs, func(a, b kept) int { return a.started.Compare(b.started) })
	for _, r := range runs[:len(runs)-keepRuns] {
		if err := c.d.Runs.Delete(ctx, r.key); err != nil {
			return fmt.Errorf("prune runs: %w", err)
		}
	}
	return nil
}

// Runs returns the recorded runs, newest first, of one source or (source "")
// of all, at most limit.
func (c *Crawler) Runs(ctx context.Context, source string, limit int) ([]lumen.CrawlRun, error) {
	return ListRuns(ctx, c.d.Runs, source, limit)
}

// ListRuns reads run records from a runs store, newest first. Runs in
// progress are included with their counts so far.
func ListRuns(ctx context.Context, runs Store, source string, limit int) ([]lumen.CrawlRun, error) {
	prefix := "run."
	if source != "" {
		prefix += source + "."
	}
	var out []lumen.CrawlRun
	err := runs.Each(ctx, prefix, func(_ string, v []byte) error {
		var r lumen.CrawlRun
		if json.Unmarshal(v, &r) == nil {
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list runs: %w", err)
	}
	active := map[string]lumen.CrawlRun{}
	err = runs.Each(ctx, "active.", func(_ string, v []byte) error {
		var ar activeRun
		if json.Unmarshal(v, &ar) == nil {
			active[ar.Run.Source+"/"+ar.Run.ID] = ar.Run
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list runs: %w", err)
	}
	for i, r := range out {
		if a, ok := active[r.Source+"/"+r.ID]; ok {
			out[i] = a
		}
	}
	slices.SortFunc(out, func(a, b lumen.CrawlRun) int { return b.Started.Compare(a.Started) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// runFrontier visits the frontier with a pool of workers until it is empty,
// the page budget is spent, or ctx is cancelled.
func (c *Crawler) runFrontier(ctx context.Context, r *run) error {
	g, gctx := errgroup.WithContext(ctx)
	workers := max(c.o.Concurrency, 1)
	var cpMu sync.Mutex
	lastCheckpoint := time.Now()
	for range workers {
		g.Go(func() error {
			for {
				it, ok := r.front.next(gctx)
				if !ok {
					return nil
				}
				t := &task{run: r, it: it}
				err := c.visit(gctx, t)
				if err == nil && gctx.Err() == nil {
					t.it.Done = true
					if !t.tally.empty() {
						t.it.Tally = &t.tally
					}
					err = c.persistItem(gctx, r, t.it)
				}
				r.front.done()
				if err != nil {
					if gctx.Err() != nil {
						return nil
					}
					return err
				}
				cpMu.Lock()
				if time.Since(lastCheckpoint) > 2*time.Second {
					lastCheckpoint = time.Now()
					cpMu.Unlock()
					if err := c.checkpoint(gctx, r); err != nil {
						return err
					}
				} else {
					cpMu.Unlock()
				}
				if c.o.Progress != nil {
					q, _ := r.front.size()
					c.o.Progress(r.snapshot(), q)
				}
			}
		})
	}
	err := g.Wait()
	if err == nil && ctx.Err() == nil && r.front.isClosed() {
		// The budget is spent: what is still queued is left out.
		q, _ := r.front.size()
		r.countN(c.o.Metrics, "skipped", "max_pages", q)
	}
	if cerr := c.checkpoint(context.WithoutCancel(ctx), r); cerr != nil && err == nil {
		err = cerr
	}
	return err
}
