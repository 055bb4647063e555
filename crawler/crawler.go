// Package crawler fetches the configured sources (web sites, sitemaps, feeds,
// PubMed and Europe PMC) politely and incrementally, and publishes each new or
// changed article as an ArticleFetched event. Pages are classified by
// structure (extract.Classify): articles are published, hubs followed, the
// rest skipped with a reason. It is the only package that imports colly.
//
// What it keeps between runs (through the Store interfaces, JetStream
// key-value buckets in production): per-URL state for conditional requests,
// change detection and failure memory; the identifiers that link copies of
// one article and the provenance of a merged article's fields; the frontier
// of the run in progress, with what each item charged to the budget and
// counted (so a crashed run resumes where it stopped, with exact counts);
// the API search windows per query; and a record of every run.
//
// The files follow the concerns: crawler.go (the Crawler, Run), run.go (run
// bookkeeping, the frontier's persistence), scope.go, state.go (URL state,
// failure memory), fetch.go (HTTP, redirects, retries, robots.txt),
// politeness.go (per-host gate, robots cache), frontier.go, visit.go (page
// visits, discovery), page.go (extraction), listing.go (sitemaps, feeds),
// publish.go (identity, merge, publish), identity.go, api.go (what the
// scholarly APIs share), pubmed.go, europepmc.go, canon.go, guard.go.
package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"sync"
	"time"

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
	// FailureBackoff is how long a URL that failed for a lasting reason (a
	// 404 or 410, too large, a redirect loop, not HTML ...) is left alone
	// before it is fetched again, doubling with each failure in a row up
	// to FailureBackoffMax; default 24h and 30 days.
	FailureBackoff    time.Duration
	FailureBackoffMax time.Duration
	// HostTimeouts is how many timeouts in a row pause a host for the rest
	// of a run (a circuit breaker), default 3.
	HostTimeouts int
	// Memory bounds for a long run over many hosts: MaxHosts is how many
	// hosts' politeness state and robots.txt are kept in memory (default
	// 10,000; the least recently used are forgotten and read again when
	// needed), MetricHosts how many hosts metrics name (default 500; the
	// others are counted as "other"), SimhashCache how many of the most
	// recent articles near duplicates are looked for among (default
	// 100,000; exact copies and shared identifiers are found among all).
	MaxHosts, MetricHosts, SimhashCache int
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
	// public and private fetch for sources that refuse and that allow
	// non-public addresses; both live as long as the Crawler.
	public, private *fetcher

	mu      sync.Mutex
	running map[string]bool
	// hostLabels are the hosts metrics name, at most MetricHosts.
	hostLabels map[string]bool

	pubMu sync.Mutex // serialises publish

	// apiBatch is the records per PubMed efetch and Europe PMC page;
	// pubmedMaxHits the PMIDs one esearch lists (tests lower both).
	apiBatch, pubmedMaxHits int
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
	def(&o.HostTimeouts, 3)
	def(&o.MaxHosts, 10_000)
	def(&o.MetricHosts, 500)
	def(&o.SimhashCache, 100_000)
	if o.FailureBackoff <= 0 {
		o.FailureBackoff = 24 * time.Hour
	}
	if o.FailureBackoffMax < o.FailureBackoff {
		o.FailureBackoffMax = max(30*24*time.Hour, o.FailureBackoff)
	}
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
	c := &Crawler{o: o, d: d, log: o.Logger.With("component", "crawler"), gate: newHostGate(o.HostConcurrency, o.HostDelay, o.MaxHosts),
		ident: newIdentity(d.IDs, o.SimhashCache), running: map[string]bool{}, hostLabels: map[string]bool{}, apiBatch: apiBatch, pubmedMaxHits: pubmedMaxHits}
	c.robots = newRobotsCache(o.RobotsTTL, o.UserAgent, c.gate, o.MaxHosts)
	c.public, c.private = newFetcher(&o, false), newFetcher(&o, true)
	return c, nil
}

// ErrRunning means a run of the source is already in progress in this process.
var ErrRunning = errors.New("a run of this source is already in progress")

// RunOption configures one run.
type RunOption func(*runConfig)

type runConfig struct {
	id string
}

// WithRunID gives the run the id id (1-64 letters, digits, '-' or '_')
// instead of one made from its start time, for a caller that names the run
// before it starts (an operator's request). A source whose run was
// interrupted resumes that run first: id must then be its id, or Run fails
// with an error wrapping lumen.ErrConflict, as it does for an id a
// recorded run of the source already has.
func WithRunID(id string) RunOption { return func(c *runConfig) { c.id = id } }

var runID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// Run crawls src once and returns the record of the run. A run interrupted
// by a crash or by ctx is resumed by the next Run of the same source: the
// URLs it had queued are visited, those it had finished are not.
func (c *Crawler) Run(ctx context.Context, src lumen.Source, opts ...RunOption) (lumen.CrawlRun, error) {
	if err := src.Validate("source"); err != nil {
		return lumen.CrawlRun{}, err
	}
	var rc runConfig
	for _, o := range opts {
		o(&rc)
	}
	if rc.id != "" && !runID.MatchString(rc.id) {
		return lumen.CrawlRun{}, lumen.Invalidf("run", "%q is not 1-64 letters, digits, '-' or '_'", rc.id)
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

	r, err := c.startRun(ctx, src, rc)
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
	if why := r.blankFailure(rec); rec.Error == "" && why != "" {
		rec.Error = why
	}
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

// hostLabel is how metrics name host: by its name for the first
// MetricHosts hosts, "other" after that, so that a crawl over many hosts
// does not grow the metrics without bound.
func (c *Crawler) hostLabel(host string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hostLabels[host] {
		return host
	}
	if len(c.hostLabels) >= c.o.MetricHosts {
		return "other"
	}
	c.hostLabels[host] = true
	return host
}
