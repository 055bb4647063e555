package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/crawler"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/auth"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/curation"
	"github.com/lumen-research/lumen/internal/diskspace"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/integrity"
	"github.com/lumen-research/lumen/internal/metrics"
	"github.com/lumen-research/lumen/internal/schedule"
	"github.com/lumen-research/lumen/internal/tagger"
	"github.com/lumen-research/lumen/worker"
	"golang.org/x/sync/errgroup"
)

// Key-value buckets of the crawler.
const (
	bucketCrawlState = "lumen_crawl_state"
	bucketCrawlIDs   = "lumen_crawl_ids"
	bucketFrontier   = "lumen_crawl_frontier"
	bucketCrawlRuns  = "lumen_crawl_runs"
)

// Compile-time checks that the concrete types meet the interfaces their
// consumers declare.
var (
	_ httpapi.Searcher         = (*indexer.Index)(nil)
	_ httpapi.Mapper           = (*indexer.Index)(nil)
	_ httpapi.Exporter         = (*indexer.Index)(nil)
	_ httpapi.ArticleTexter    = (*indexer.Index)(nil)
	_ httpapi.ConceptIndex     = (*indexer.Index)(nil)
	_ httpapi.RunLister        = (*crawler.Crawler)(nil)
	_ httpapi.DeadLetterLister = (*bus.Bus)(nil)
	_ crawler.Publisher        = (*bus.Bus)(nil)
	_ crawler.Store            = (*bus.KV)(nil)
	_ worker.Publisher         = (*bus.Bus)(nil)
	_ worker.Tagger            = (*tagger.Tagger)(nil)
)

// app holds the parts of a process; fields are nil when a command does not
// need them. close releases them in the reverse order of opening.
type app struct {
	cfg     config.Config
	log     *slog.Logger
	metrics *metrics.Metrics

	unlock func() // releases the data directory lock

	server *bus.Server
	bus    *bus.Bus
	index  *indexer.Index
	tax    lumen.Taxonomy
	tagger *tagger.Tagger

	// The curators' and operators' side (openCuration).
	curation *curation.Service
	requests *crawlRequests
	tokens   *auth.Tokens
	sessions *auth.Sessions

	// oneShot: a command that does its work and exits (token, check,
	// deadletters...): it waits less for a NATS server that does not
	// answer, and refuses a data directory without Lumen's data unless
	// newDataOK.
	oneShot, newDataOK bool
	// readOnly: a command that only reads (check without --repair, token
	// list, deadletters list, eval, export-gold): it changes no stream's
	// or bucket's configuration (bus.Options.ReadOnly).
	readOnly bool
	// consumers, when set, narrows the consumers the data check looks at
	// (lumen check against named indexes).
	consumers integrity.Consumers

	// rebuildReason, when set, says why the index must be rebuilt from the
	// streams (missing, damaged, outdated): the healer does it.
	rebuildReason error
	health        *health       // the data checks of serve and run
	lease         *indexerLease // the lease on this process's index name (serve, run)

	// space holds index writes back while the data directory is nearly
	// full (openIndex); spaceFatal: a low one ends the command instead
	// (crawl --once). freeSpace, when set, reads the free space instead of
	// the system (tests).
	space      *diskspace.Guard
	spaceFatal bool
	freeSpace  func(dir string) (uint64, error)
}

func newApp(cfg config.Config, log *slog.Logger) *app {
	return &app{cfg: cfg, log: log, metrics: metrics.New()}
}

// openOneShot loads the configuration of a one-shot command (check,
// deadletters, eval --reviews, export-gold), with the tagger when it needs
// one, and connects it to the bus of data that must already exist. The
// caller closes the app.
func (c *common) openOneShot(ctx context.Context, e *env, name string, withTagger, readOnly bool) (*app, error) {
	cfg, err := c.load(e)
	if err != nil {
		return nil, err
	}
	a := newApp(cfg, c.logger(e, cfg))
	a.oneShot, a.readOnly = true, readOnly
	if withTagger {
		err = a.openTagger()
	}
	if err == nil {
		err = a.openBus(ctx, name)
	}
	if err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

// openBus connects to the external NATS of the configuration, or starts the
// embedded server storing under the data directory.
func (a *app) openBus(ctx context.Context, name string) error {
	opts := bus.Options{URL: a.cfg.NATS.URL, Name: "lumen-" + name, Logger: a.log, Replicas: a.cfg.NATS.Replicas,
		IndexerName: a.cfg.Indexer.Name, ReadOnly: a.readOnly}
	if a.oneShot {
		opts.ConnectWait = oneShotConnectWait
		if err := a.requireData("nats"); err != nil && !a.newDataOK {
			return err
		}
	}
	if a.cfg.NATS.URL == "" {
		if err := a.lockData(); err != nil {
			return err
		}
		srv, err := bus.StartServer(bus.ServerOptions{Dir: filepath.Join(a.cfg.Data, "nats"), Listen: a.cfg.NATS.Listen, Logger: a.log})
		if err != nil {
			return fmt.Errorf("start embedded nats: %w", err)
		}
		a.server = srv
		opts.Server = srv
		if u := srv.ClientURL(); u != "" {
			a.log.Info("embedded nats listening", "url", u)
		}
	}
	b, err := bus.Connect(ctx, opts)
	if err != nil {
		return err
	}
	a.bus = b
	a.metrics.CountDeadLetters(func() (int, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		return b.DeadLetterCount(ctx)
	})
	return nil
}

// oneShotConnectWait bounds a one-shot command's wait for an external
// NATS server (a long-running role waits longer: its server may start
// after it).
const oneShotConnectWait = 10 * time.Second

// requireData refuses, for a one-shot command, a data directory that does
// not hold what it reads (what, under the data directory: "nats" for the
// embedded server's store, "index"): a mistyped --data would otherwise be
// created empty and the command would report on nothing. With an external
// NATS the store is not here, so "nats" is not required.
func (a *app) requireData(what string) error {
	if what == "nats" && a.cfg.NATS.URL != "" {
		return nil
	}
	if _, err := os.Stat(filepath.Join(a.cfg.Data, what)); err != nil {
		or := ""
		if what == "nats" {
			or = ", or its NATS (--nats URL)"
		}
		return usageError("no Lumen data in %s (no %s there): give the data directory of lumen serve or run (--data DIR)%s", a.cfg.Data, what, or)
	}
	return nil
}

// lockData takes the data directory's lock once.
func (a *app) lockData() error {
	if a.unlock != nil {
		return nil
	}
	unlock, err := lockData(a.cfg.Data)
	if err != nil && a.oneShot && unwritable(err) {
		// A snapshot or backup mounted read-only (qa4): say what works.
		return fmt.Errorf("data directory %s cannot be written (%w): this command opens the NATS store and the index there, "+
			"which write even to read; give it a writable copy (cp -a %s /tmp/lumen-copy, then --data /tmp/lumen-copy) or the running lumen's NATS (--nats URL); "+
			"lumen export reads a read-only directory as it is", a.cfg.Data, err, a.cfg.Data)
	}
	if err != nil {
		return err
	}
	a.unlock = unlock
	return nil
}

// unwritable reports whether err says a file could not be written because
// the file system is read-only or the user may not write there.
func unwritable(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, os.ErrPermission)
}

// loadTaxonomy reads the configured taxonomy file, or the built-in one.
func loadTaxonomy(path string) (lumen.Taxonomy, error) {
	if path == "" {
		return config.DefaultTaxonomy()
	}
	f, err := os.Open(path)
	if err != nil {
		return lumen.Taxonomy{}, fmt.Errorf("taxonomy: %w", err)
	}
	defer f.Close()
	return config.LoadTaxonomy(f, path)
}

func (a *app) openTagger() error {
	tax, err := loadTaxonomy(a.cfg.Taxonomy)
	if err != nil {
		return fmt.Errorf("%w: %w", err, lumen.ErrInvalid)
	}
	t, err := tagger.New(tax)
	if err != nil {
		return fmt.Errorf("taxonomy %s: %w: %w", a.cfg.Taxonomy, err, lumen.ErrInvalid)
	}
	for _, w := range t.Warnings() {
		a.log.Warn("taxonomy warning", "warning", w, "taxonomy", t.Version())
	}
	a.tax, a.tagger = tax, t
	return nil
}

func (a *app) newCrawler(ctx context.Context, progress func(lumen.CrawlRun, int)) (*crawler.Crawler, error) {
	stores := map[string]*bus.KV{}
	for _, name := range []string{bucketCrawlState, bucketCrawlIDs, bucketFrontier, bucketCrawlRuns} {
		kv, err := a.bus.KV(ctx, name)
		if err != nil {
			return nil, err
		}
		stores[name] = kv
	}
	cr := a.cfg.Crawler
	return crawler.New(crawler.Options{
		UserAgent: userAgent(cr.UserAgent, cr.Contact), Contact: cr.Contact, Timeout: cr.Timeout, MaxBodyBytes: cr.MaxBodyBytes,
		MaxTextBytes: cr.MaxTextBytes, MaxPages: cr.MaxPages, MaxDepth: cr.MaxDepth, MaxRedirects: cr.MaxRedirects,
		Retries: cr.Retries, Concurrency: cr.Concurrency, HostConcurrency: cr.HostConcurrency, HostDelay: cr.HostDelay,
		RobotsTTL: cr.RobotsTTL, Recrawl: cr.Recrawl, NCBIAPIKey: cr.NCBIAPIKey,
		FailureBackoff: cr.FailureBackoff, FailureBackoffMax: cr.FailureBackoffMax, HostTimeouts: cr.HostTimeouts,
		MaxHosts: cr.MaxHosts, MetricHosts: cr.MetricHosts, SimhashCache: cr.SimhashCache,
		Logger: a.log, Metrics: a.metrics, Progress: progress,
	}, crawler.Deps{
		Publisher: a.bus, Articles: a.bus, State: stores[bucketCrawlState], IDs: stores[bucketCrawlIDs],
		Frontier: stores[bucketFrontier], Runs: stores[bucketCrawlRuns],
	})
}

// userAgent adds the contact address to the User-Agent, where site owners
// look for it: "LumenBot/0.1 (+https://...; mailto:you@example.org)".
func userAgent(ua, contact string) string {
	if contact == "" || strings.Contains(ua, contact) {
		return ua
	}
	if strings.HasSuffix(ua, ")") {
		return strings.TrimSuffix(ua, ")") + "; mailto:" + contact + ")"
	}
	return ua + " (mailto:" + contact + ")"
}

// runLister reads crawl records from the runs bucket for processes that do
// not crawl themselves (lumen serve).
type runLister struct{ kv *bus.KV }

func (r runLister) Runs(ctx context.Context, source string, limit int) ([]lumen.CrawlRun, error) {
	return crawler.ListRuns(ctx, r.kv, source, limit)
}

func (a *app) runLister(ctx context.Context) (httpapi.RunLister, error) {
	kv, err := a.bus.KV(ctx, bucketCrawlRuns)
	if err != nil {
		return nil, err
	}
	return runLister{kv}, nil
}

// workerConcurrency is the tagging goroutines of this process: as
// configured, or four per CPU, since each also waits on the bus (reading
// what is stored, publishing) between articles.
func (a *app) workerConcurrency() int {
	if n := a.cfg.Worker.Concurrency; n > 0 {
		return n
	}
	return 4 * runtime.GOMAXPROCS(0)
}

// runWorker consumes ArticleFetched events until ctx is done.
func (a *app) runWorker(ctx context.Context) error {
	w := worker.New(a.tagger, a.bus, a.log, a.metrics)
	return a.bus.ConsumeFetched(ctx, a.workerConcurrency(), w.Handle)
}

// runIndexer consumes ArticleTagged events into the index until ctx is done;
// each batch is acknowledged only after bleve has persisted it. While the
// data directory is nearly full, batches wait (see holdForSpace), and the
// free space is read every spaceWatchInterval for /metrics and the log;
// with a.spaceFatal, low space ends it with a diskspace.LowError.
func (a *app) runIndexer(ctx context.Context) error {
	w := indexer.NewWriter(a.index, a.metrics, a.log)
	if a.space == nil {
		return a.bus.ConsumeTaggedBatches(ctx, a.cfg.Indexer.BatchSize, a.cfg.Indexer.BatchWait, w.Handle)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return a.space.Watch(gctx, spaceWatchInterval, a.spaceFatal) })
	g.Go(func() error {
		defer cancel() // the consumer stopped: so does the watch
		return a.bus.ConsumeTaggedBatches(gctx, a.cfg.Indexer.BatchSize, a.cfg.Indexer.BatchWait, holdForSpace(gctx, a.space, w.Handle))
	})
	return g.Wait()
}

// How often the free space of the data directory is read: while idle (for
// /metrics, /readyz and the log), and while batches wait for space.
const (
	spaceWatchInterval = 10 * time.Second
	spacePoll          = 2 * time.Second
)

// openSpaceGuard makes the guard of the data directory's free space
// (indexer.min_free_bytes; 0 turns it off).
func (a *app) openSpaceGuard() {
	minFree, _ := config.ParseSize(a.cfg.Indexer.MinFreeBytes) // validated with the configuration
	a.space = diskspace.New(a.cfg.Data, uint64(max(minFree, 0)), diskspace.Options{
		Free: a.freeSpace, Logger: a.log.With("component", "indexer"), Observe: a.metrics.DiskSpace,
	})
}

// guardSources makes each source of a rebuild (reindex, the healer) stop
// with the diskspace.LowError as soon as the data directory runs low,
// checked before it starts and every spacePoll while it runs: a rebuild
// cannot wait for space as the consumers do (it holds the directory), and
// it must not write on until bleve fails in a goroutine of its own. The
// rebuild then fails and leaves the index it would have replaced.
func (a *app) guardSources(srcs []indexer.Source) []indexer.Source {
	if a.space == nil {
		return srcs
	}
	out := make([]indexer.Source, len(srcs))
	for i, src := range srcs {
		out[i] = func(ctx context.Context, b *indexer.Builder) error {
			if err := a.space.Check(); err != nil {
				return err
			}
			ctx, cancel := context.WithCancelCause(ctx)
			defer cancel(nil)
			wctx, stopWatch := context.WithCancel(ctx)
			var wg sync.WaitGroup
			wg.Go(func() {
				if err := a.space.Watch(wctx, spacePoll, true); err != nil {
					cancel(err)
				}
			})
			err := src(ctx, b)
			stopWatch()
			wg.Wait()
			var low *diskspace.LowError
			if cause := context.Cause(ctx); err != nil && errors.As(cause, &low) {
				return cause
			}
			return err
		}
	}
	return out
}

// holdForSpace makes handle wait, before each batch, until the data
// directory has room (g): bleve writing on a full disk can panic in a
// goroutine of its own, where nothing recovers it (qa4 BUG 2). The waiting
// batch's messages stay unacknowledged, reported in progress by the
// consumer, so nothing is redelivered or lost meanwhile; when stop ends
// first, every event fails with the diskspace.LowError (which wraps
// lumen.ErrUnavailable) for redelivery.
func holdForSpace[T any](stop context.Context, g *diskspace.Guard, handle bus.BatchHandler[T]) bus.BatchHandler[T] {
	if g == nil {
		return handle
	}
	return func(ctx context.Context, events []T, seqs []uint64) []error {
		if err := g.Wait(stop, spacePoll); err != nil {
			errs := make([]error, len(events))
			for i := range errs {
				errs[i] = err
			}
			return errs
		}
		return handle(ctx, events, seqs)
	}
}

// openPipeline opens what tagging and indexing in this process need: the
// tagger, the bus with both consumers in place, and the index.
func (a *app) openPipeline(ctx context.Context, name string) error {
	if err := a.openTagger(); err != nil {
		return err
	}
	if err := a.openBus(ctx, name); err != nil {
		return err
	}
	if err := a.openIndex(ctx); err != nil {
		return err
	}
	if err := a.openCuration(ctx); err != nil {
		return err
	}
	return a.bus.EnsureConsumers(ctx)
}

// apiHandler is the HTTP API over s and runs. A nil s is a process that
// serves no index (its health endpoints only); a nil runs, one that keeps
// no crawl records.
func (a *app) apiHandler(s httpapi.Searcher, runs httpapi.RunLister) http.Handler {
	d := httpapi.Deps{
		Searcher: s, Runs: runs, Taxonomy: a.tax, Ready: a.readyChecks(), Metrics: a.metrics, Logger: a.log,
		RequireTokenForReads: a.cfg.Review.RequireTokenForReads, LeaseTTL: a.cfg.Review.Lease,
		SecureCookies: a.cfg.Review.SecureCookies, TrustedProxies: a.cfg.Review.Proxies(),
	}
	if a.tagger != nil {
		d.TaggerVersion = a.tagger.Version()
	}
	// Interface fields stay nil (not typed nils) when this process does
	// not serve the curators.
	if a.curation != nil {
		d.Curation, d.Auth, d.Sessions = a.curation, a.tokens, a.sessions
	}
	if a.requests != nil {
		d.Crawls = a.requests
	}
	if a.bus != nil {
		d.DeadLetters = a.bus
	}
	return httpapi.NewServer(d)
}

// warnStaleTags logs, at start, that part of the index was tagged by another
// tagger version than this one (after an upgrade: unchanged articles are
// not tagged again), and what to run.
func (a *app) warnStaleTags(ctx context.Context) {
	if a.index == nil || a.tagger == nil {
		return
	}
	counts, err := a.index.TaggerVersions(ctx)
	if err != nil {
		a.log.Warn("count tagger versions", "err", err)
		return
	}
	st := httpapi.CountStale(a.tagger.Version(), counts)
	if st.Stale == 0 {
		return
	}
	versions := make([]string, len(st.Versions))
	for i, v := range st.Versions {
		versions[i] = fmt.Sprintf("%s=%d", v.Version, v.Articles)
	}
	a.log.Warn("index holds articles tagged by another tagger version: run lumen reindex --retag (curators' decisions are kept)",
		"stale_articles", st.Stale, "articles", st.Articles, "tagger_version", st.Current, "stale_versions", strings.Join(versions, ","))
}

// readyChecks are what /readyz checks in this process. A process that
// serves an index answers searches from it while NATS is away: NATS (and a
// data check NATS kept from running) only degrade it, so that a NATS blip
// does not take every API server out of a load balancer. A crawler or a
// worker does nothing without NATS: for them it is readiness. An index
// rebuilding or data found damaged is not ready, whoever serves it.
func (a *app) readyChecks() []httpapi.Check {
	var checks []httpapi.Check
	servesIndex := a.index != nil
	if a.bus != nil {
		checks = append(checks, httpapi.Check{Name: "nats", Check: a.bus.Ready, Degrades: servesIndex})
	}
	if a.index != nil {
		checks = append(checks, httpapi.Check{Name: "index", Check: a.index.Ready})
	}
	if a.space != nil {
		// Searches go on while indexing waits for space.
		checks = append(checks, httpapi.Check{Name: "disk", Check: a.space.Ready, Degrades: true})
	}
	if a.lease != nil {
		checks = append(checks, httpapi.Check{Name: "indexer", Check: a.lease.ready})
	}
	if a.health != nil {
		checks = append(checks, httpapi.Check{Name: "data", Check: a.health.ready},
			httpapi.Check{Name: "data_check", Check: a.health.lastRun, Degrades: true})
	}
	return checks
}

// schedule adds a crawl job per source.
func (a *app) schedule(s *schedule.Scheduler, c *crawler.Crawler) error {
	for i, src := range a.cfg.Sources {
		if err := s.Add("crawl "+src.Name, src.Schedule, func(ctx context.Context) {
			_, err := c.Run(ctx, src)
			switch {
			case errors.Is(err, crawler.ErrRunning):
				a.log.Info("crawl skipped: the previous run is still going", "source", src.Name)
			case err != nil && ctx.Err() == nil:
				a.log.Error("crawl failed", "source", src.Name, "err", err)
			}
		}); err != nil {
			return lumen.Invalidf(fmt.Sprintf("sources[%d].schedule", i), "%v", err)
		}
	}
	return nil
}

// close releases what the app opened, in order: index, bus connection,
// embedded server.
func (a *app) close() error {
	var errs []error
	if a.index != nil {
		errs = append(errs, a.index.Close())
	}
	if a.bus != nil {
		errs = append(errs, a.bus.Close())
	}
	if a.server != nil {
		a.server.Shutdown()
	}
	if a.unlock != nil {
		a.unlock()
	}
	return errors.Join(errs...)
}

// httpServer is an HTTP server already listening.
type httpServer struct {
	srv *http.Server
	ln  net.Listener
	log *slog.Logger
}

func listenHTTP(addr string, h http.Handler, log *slog.Logger) (*httpServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen %s: %w", addr, err)
	}
	return &httpServer{
		srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
			WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)},
		ln: ln, log: log,
	}, nil
}

// URL is the server's base URL.
func (h *httpServer) URL() string { return "http://" + h.ln.Addr().String() }

// close frees the listener of a server that may never have served (after
// serve it is closed already, and this does nothing).
func (h *httpServer) close() { _ = h.ln.Close() }

// serve runs until ctx is done, then shuts down with a deadline.
func (h *httpServer) serve(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- h.srv.Serve(h.ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := h.srv.Shutdown(sctx)
	<-errc
	if err != nil {
		return fmt.Errorf("http shutdown: %w", err)
	}
	return nil
}

// stages runs the parts of a process, each with its own context, and stops
// them in a given order: so that the scheduler stops before the consumers
// drain, the consumers before the HTTP server, and everything before the
// index and the bus close.
type stages struct {
	log  *slog.Logger
	list []*stage
	// failed receives the first error of a stage that stopped on its own.
	failed chan error
}

type stage struct {
	name   string
	cancel context.CancelFunc
	done   chan struct{}
	err    error
	// failed: the stage stopped by itself and its error went to
	// stages.failed, whose reader reports it; stopAll does not again.
	failed bool
}

func newStages(log *slog.Logger) *stages { return &stages{log: log, failed: make(chan error, 16)} }

// start runs fn in its own goroutine until stop.
func (s *stages) start(name string, fn func(ctx context.Context) error) {
	ctx, cancel := context.WithCancel(context.Background())
	st := &stage{name: name, cancel: cancel, done: make(chan struct{})}
	s.list = append(s.list, st)
	go func() {
		defer close(st.done)
		st.err = guard(s.log, name, func() error { return fn(ctx) })
		if ctx.Err() == nil {
			// It stopped without being asked: the process must stop too.
			err := st.err
			if err == nil {
				err = fmt.Errorf("%s stopped", name)
			}
			st.failed = true
			s.failed <- fmt.Errorf("%s: %w", name, err)
		}
	}()
}

// guard runs fn, turning a panic into an error wrapping errPanic, so that
// the process shuts down in order and exits with the status of a panic.
func guard(log *slog.Logger, name string, fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			log.Error("panic", "stage", name, "panic", p, "stack", string(debug.Stack()))
			err = fmt.Errorf("panic: %v: %w", p, errPanic)
		}
	}()
	return fn()
}

// stopAll stops the stages in the order they were started, each waited for,
// within shutdownTimeout overall.
func (s *stages) stopAll() error {
	deadline := time.After(shutdownTimeout)
	var errs []error
	for _, st := range s.list {
		st.cancel()
		select {
		case <-st.done:
			if st.err != nil && !st.failed && !errors.Is(st.err, context.Canceled) {
				errs = append(errs, fmt.Errorf("%s: %w", st.name, st.err))
			}
			s.log.Debug("stopped", "stage", st.name)
		case <-deadline:
			return fmt.Errorf("shutdown: %s did not stop within %s", st.name, shutdownTimeout)
		}
	}
	return errors.Join(errs...)
}

// run waits until ctx is done (a signal) or a stage fails, then stops
// every stage, and says so in the log: an operator reading it tells a
// clean stop from a crash by the lines "shutting down" and "stopped".
func (s *stages) run(ctx context.Context) error {
	werr := s.wait(ctx)
	if werr != nil {
		s.log.Warn("shutting down", "reason", "a part stopped") // the error itself is returned, and printed
	} else {
		s.log.Info("shutting down", "reason", "signal")
	}
	start := time.Now()
	err := errors.Join(werr, s.stopAll())
	if err == nil {
		s.log.Info("stopped", "took", time.Since(start).Round(time.Millisecond))
	} else {
		s.log.Warn("stopped with errors", "took", time.Since(start).Round(time.Millisecond))
	}
	return err
}

// wait blocks until ctx is done or a stage fails.
func (s *stages) wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil
	case err := <-s.failed:
		return err
	}
}

// waitIdle waits until every fetched article is tagged and every tagged
// article indexed: both consumers have nothing pending. The tagger is read
// first; it publishes before it acknowledges, so once it has nothing pending
// the indexer's count includes everything still to index. Idle must be seen
// on two polls in a row, 100 ms apart: the two counts are read one after the
// other, not at one instant, and a changed article published twice in quick
// succession replaces its first version in the stream while a handler may
// hold it.
func waitIdle(ctx context.Context, b *bus.Bus) error {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	idle := 0
	for {
		tp, err := b.Pending(ctx, bus.StreamArticles, bus.ConsumerTagger)
		if err != nil {
			return err
		}
		ip, err := b.Pending(ctx, bus.StreamTagged, b.IndexerConsumer())
		if err != nil {
			return err
		}
		if tp == 0 && ip == 0 {
			if idle++; idle == 2 {
				return nil
			}
		} else {
			idle = 0
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}
