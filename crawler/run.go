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
	pages    int // page fetches so far, for MaxPages
	lists    int // sitemap and feed fetches so far, for maxListings
	maxQueue int
	budget   int
	depth    int
	cursor   string // API paging position, persisted with the run

	mu  sync.Mutex
	rec lumen.CrawlRun
}

func (r *run) snapshot() lumen.CrawlRun {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec := r.rec
	rec.Skipped = maps.Clone(r.rec.Skipped)
	rec.Failed = maps.Clone(r.rec.Failed)
	return rec
}

// count records the outcome of one item.
func (r *run) count(m *metrics.Metrics, outcome, reason string) {
	r.mu.Lock()
	switch outcome {
	case "new":
		r.rec.New++
	case "changed":
		r.rec.Changed++
	case "unchanged":
		r.rec.Unchanged++
	case "skipped":
		if r.rec.Skipped == nil {
			r.rec.Skipped = map[string]int{}
		}
		r.rec.Skipped[reason]++
	case "failed":
		if r.rec.Failed == nil {
			r.rec.Failed = map[string]int{}
		}
		r.rec.Failed[reason]++
	}
	r.mu.Unlock()
	m.PageOutcome(r.src.Name, outcome, reason)
}

func (r *run) fetched() {
	r.mu.Lock()
	r.rec.Fetched++
	r.mu.Unlock()
}

func (r *run) pagesDone() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.pages
}

func (r *run) addPages(n int) {
	r.mu.Lock()
	r.pages += n
	r.mu.Unlock()
}

// takePage reserves one page fetch from the run's budget.
func (r *run) takePage() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pages >= r.budget {
		return false
	}
	r.pages++
	return true
}

// takeListing reserves one sitemap or feed fetch.
func (r *run) takeListing() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lists >= maxListings {
		return false
	}
	r.lists++
	return true
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

func (c *Crawler) startRun(ctx context.Context, src lumen.Source) (*run, error) {
	r := &run{src: src, budget: src.MaxPages, depth: c.o.MaxDepth, maxQueue: c.o.MaxQueue}
	if r.budget <= 0 {
		r.budget = c.o.MaxPages
	}
	if src.MaxDepth != nil {
		r.depth = *src.MaxDepth
	}
	r.front = newFrontier(c.gate)
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
		r.rec, r.pages, r.cursor, r.resumed = ar.Run, ar.Pages, ar.Cursor, true
		r.rec.Error = ""
		var queued []item
		err := c.d.Frontier.Each(ctx, frontierPrefix(src.Name), func(_ string, v []byte) error {
			var it item
			if err := json.Unmarshal(v, &it); err != nil {
				return nil // a torn entry: skip it
			}
			if it.Done {
				r.front.markSeen(it.URL)
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
	case errors.Is(err, lumen.ErrNotFound):
		now := time.Now().UTC()
		r.rec = lumen.CrawlRun{ID: now.Format("20060102T150405.000Z"), Source: src.Name, Started: now}
		r.rec.ID = strings.ReplaceAll(r.rec.ID, ".", "")
		if err := c.checkpoint(ctx, r); err != nil {
			return nil, err
		}
		if err := c.saveRun(ctx, r.rec); err != nil {
			return nil, err
		}
		if err := c.seed(ctx, r); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("crawl %s: read active run: %w", src.Name, err)
	}
	return r, nil
}

// seed queues the source's starting points.
func (c *Crawler) seed(ctx context.Context, r *run) error {
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

// enqueue persists and queues the items not seen before in this run.
func (c *Crawler) enqueue(ctx context.Context, r *run, items []item) error {
	for i, it := range items {
		if r.front.seenCount() >= r.queueLimit() {
			c.log.Info("queue limit reached, links not queued", "source", r.src.Name, "limit", r.queueLimit(), "dropped", len(items)-i)
			r.count(c.o.Metrics, "skipped", "queue_limit")
			return nil
		}
		if !r.front.push(it) {
			continue
		}
		if err := c.persistItem(ctx, r, it); err != nil {
			return err
		}
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

// checkpoint saves the active run's counters and paging position.
func (c *Crawler) checkpoint(ctx context.Context, r *run) error {
	r.mu.Lock()
	ar := activeRun{Run: r.rec, Pages: r.pages, Cursor: r.cursor}
	ar.Run.Skipped, ar.Run.Failed = maps.Clone(r.rec.Skipped), maps.Clone(r.rec.Failed)
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
	var keys []string
	if err := c.d.Runs.Each(ctx, "run."+source+".", func(k string, _ []byte) error {
		keys = append(keys, k)
		return nil
	}); err != nil {
		return fmt.Errorf("prune runs: %w", err)
	}
	if len(keys) <= keepRuns {
		return nil
	}
	slices.Sort(keys) // run ids sort by start time
	for _, k := range keys[:len(keys)-keepRuns] {
		if err := c.d.Runs.Delete(ctx, k); err != nil {
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
				err := c.visit(gctx, r, it)
				if err == nil && gctx.Err() == nil {
					it.Done = true
					err = c.persistItem(gctx, r, it)
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
	if cerr := c.checkpoint(context.WithoutCancel(ctx), r); cerr != nil && err == nil {
		err = cerr
	}
	return err
}
