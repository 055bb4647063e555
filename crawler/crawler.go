// Package crawler fetches the configured sources (web sites, sitemaps, feeds,
// PubMed and Europe PMC) politely and incrementally, and publishes each new or
// changed article as an ArticleFetched event. It is the only package that
// imports colly.
//
// What it keeps between runs (through the Store interfaces, JetStream
// key-value buckets in production): per-URL state for conditional requests
// and change detection, the identifiers that link copies of one article, the
// frontier of the run in progress (so a crashed run resumes where it stopped),
// and a record of every run.
package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/metrics"
)

// Publisher publishes fetched articles.
type Publisher interface {
	PublishFetched(ctx context.Context, ev lumen.ArticleFetched) (duplicate bool, err error)
}

// ArticleReader returns the latest published version of an article, or an
// error wrapping lumen.ErrNotFound.
type ArticleReader interface {
	LastFetched(ctx context.Context, id string) (lumen.ArticleFetched, error)
}

// Store is a key-value store. Keys use letters, digits and "-_=/.".
type Store interface {
	Get(ctx context.Context, key string) ([]byte, uint64, error)
	Put(ctx context.Context, key string, value []byte) (uint64, error)
	Delete(ctx context.Context, key string) error
	// Each calls fn for every key starting with prefix (which ends in ".").
	Each(ctx context.Context, prefix string, fn func(key string, value []byte) error) error
}

// Options configure a Crawler. Zero values take the defaults noted.
type Options struct {
	UserAgent       string
	Contact         string        // From header; "email" for NCBI
	Timeout         time.Duration // per request, default 30s
	MaxBodyBytes    int64         // after decompression, default 10 MiB
	MaxTextBytes    int           // main text kept per article, default 256 KiB
	MaxPages        int           // per run unless the source says, default 500
	MaxQueue        int           // URLs a run may queue, default 100000 (each is persisted for crash resume)
	MaxDepth        int           // link depth for web sources unless the source says
	MaxRedirects    int           // default 5
	Retries         int           // after the first attempt
	Concurrency     int           // requests in flight overall, default 8
	HostConcurrency int           // per host, default 2
	HostDelay       time.Duration // between request starts per host
	RobotsTTL       time.Duration // default 24h
	Recrawl         time.Duration // minimum age before an unchanged URL is fetched again
	NCBIAPIKey      string
	// RetryBase is the first retry's backoff (default 1s); tests shorten it.
	RetryBase time.Duration
	Logger    *slog.Logger
	Metrics   *metrics.Metrics
	// Progress, if set, is called after each item with the run so far and
	// the number of items still queued.
	Progress func(run lumen.CrawlRun, queued int)
}

// Deps are the crawler's outside collaborators.
type Deps struct {
	Publisher Publisher
	Articles  ArticleReader
	State     Store // per-URL crawl state
	IDs       Store // article identifiers
	Frontier  Store // queued URLs of runs in progress
	Runs      Store // run records
}

// Crawler runs crawls. It is safe to run different sources concurrently; the
// per-host politeness gate and robots.txt cache are shared by all runs.
type Crawler struct {
	o      Options
	d      Deps
	log    *slog.Logger
	gate   *hostGate
	robots *robotsCache
	ident  *identity

	mu      sync.Mutex
	running map[string]bool

	pubMu sync.Mutex // serialises publish

	// apiBatch is the records per PubMed efetch and Europe PMC page.
	apiBatch int
}

// New returns a Crawler.
func New(o Options, d Deps) (*Crawler, error) {
	if d.Publisher == nil || d.Articles == nil || d.State == nil || d.IDs == nil || d.Frontier == nil || d.Runs == nil {
		return nil, errors.New("crawler: missing dependency")
	}
	if o.UserAgent == "" {
		return nil, errors.New("crawler: a user agent is required")
	}
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MaxTextBytes, 256<<10)
	def(&o.MaxPages, 500)
	def(&o.MaxQueue, 100_000)
	def(&o.MaxRedirects, 5)
	def(&o.Concurrency, 8)
	def(&o.HostConcurrency, 2)
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 10 << 20
	}
	if o.RobotsTTL <= 0 {
		o.RobotsTTL = 24 * time.Hour
	}
	if o.RetryBase <= 0 {
		o.RetryBase = time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	c := &Crawler{o: o, d: d, log: o.Logger.With("component", "crawler"), gate: newHostGate(o.HostConcurrency, o.HostDelay),
		ident: newIdentity(d.IDs), running: map[string]bool{}, apiBatch: apiBatch}
	c.robots = newRobotsCache(o.RobotsTTL, o.UserAgent, c.gate)
	return c, nil
}

// ErrRunning means a run of the source is already in progress in this process.
var ErrRunning = errors.New("a run of this source is already in progress")

// Run crawls src once and returns the record of the run. A run interrupted
// by a crash or by ctx is resumed by the next Run of the same source: the
// URLs it had queued are visited, those it had finished are not.
func (c *Crawler) Run(ctx context.Context, src lumen.Source) (lumen.CrawlRun, error) {
	if err := src.Validate("source"); err != nil {
		return lumen.CrawlRun{}, err
	}
	c.mu.Lock()
	if c.running[src.Name] {
		c.mu.Unlock()
		return lumen.CrawlRun{}, fmt.Errorf("crawl %s: %w", src.Name, ErrRunning)
	}
	c.running[src.Name] = true
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.running, src.Name)
		c.mu.Unlock()
	}()

	r, err := c.startRun(ctx, src)
	if err != nil {
		return lumen.CrawlRun{}, err
	}
	c.o.Metrics.CrawlStarted(src.Name)
	log := c.log.With("source", src.Name, "run", r.rec.ID)
	if r.resumed {
		log.Info("crawl resumed", "queued", r.front.queued)
	} else {
		log.Info("crawl started", "kind", src.Kind)
	}

	var runErr error
	switch src.Kind {
	case lumen.SourcePubMed:
		runErr = c.runPubMed(ctx, r)
	case lumen.SourceEuropePMC:
		runErr = c.runEuropePMC(ctx, r)
	default:
		runErr = c.runFrontier(ctx, r)
	}

	rec := r.snapshot()
	if ctx.Err() != nil || runErr != nil {
		// Interrupted, or the bus or a store failed: the run stays active
		// and the next Run of the source resumes it.
		status := "canceled"
		rec.Error = "interrupted; resumes on the next run"
		if ctx.Err() == nil {
			status = "failed"
			rec.Error = runErr.Error() + "; resumes on the next run"
		}
		if err := c.saveRun(context.WithoutCancel(ctx), rec); err != nil {
			log.Error("save interrupted run", "err", err)
		}
		c.o.Metrics.CrawlFinished(src.Name, status)
		log.Warn("crawl stopped", "status", status, "fetched", rec.Fetched, "err", runErr)
		if runErr == nil {
			runErr = ctx.Err()
		}
		return rec, fmt.Errorf("crawl %s: %w", src.Name, runErr)
	}
	rec.Finished = time.Now().UTC()
	if err := c.finishRun(ctx, r, rec); err != nil {
		return rec, err
	}
	status := "ok"
	if rec.Error != "" {
		status = "failed"
	}
	c.o.Metrics.CrawlFinished(src.Name, status)
	log.Info("crawl finished", "status", status, "fetched", rec.Fetched, "new", rec.New, "changed", rec.Changed,
		"unchanged", rec.Unchanged, "skipped", rec.SkippedCount(), "failed", rec.FailedCount(),
		"took", rec.Finished.Sub(rec.Started).Round(time.Millisecond))
	return rec, nil
}

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
func activeKey(source string) string  { return "active." + source }
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
	r.fetch = newFetcher(ctx, &c.o, src.AllowPrivate)
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
