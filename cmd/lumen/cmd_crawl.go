package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/schedule"
)

// cmdCrawl crawls on the sources' schedules, or once.
func cmdCrawl(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "crawl", "crawl [--once] [--source NAME | --seed URL] [flags]", false)
	once := fs.Bool("once", false, "crawl once and exit; without --nats, also tag and index in this process and wait until all is searchable")
	sourceName := fs.String("source", "", "crawl only the configured source of this `name`")
	seed := fs.String("seed", "", "crawl one site from this `URL` (same-site links) instead of the configured sources")
	maxPages := fs.Int("max-pages", 0, "at most `N` pages per source (default: the source's or crawler.max_pages)")
	maxDepth := fs.Int("max-depth", -1, "follow links at most `N` deep from the seed (default: crawler.max_depth)")
	// -1 stands for "not given"; the help says what that means instead of
	// showing "(default -1)" (DefValue is only the help's).
	fs.Lookup("max-depth").DefValue = "0"
	allowPrivate := fs.Bool("allow-private", false, "with --seed: allow loopback and private addresses (refused by default)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	given := visited(fs)
	if given["max-pages"] && *maxPages < 1 {
		return usageError("--max-pages %d: must be at least 1", *maxPages)
	}
	if given["max-depth"] && *maxDepth < 0 {
		return usageError("--max-depth %d: must not be negative (0 crawls the seed pages only)", *maxDepth)
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	if *seed != "" && *sourceName != "" {
		return usageError("--seed and --source cannot be combined")
	}
	if *allowPrivate && *seed == "" {
		return usageError("--allow-private applies to --seed only; set allow_private on a source in the configuration instead")
	}
	var sources []lumen.Source
	switch {
	case *seed != "":
		depth := -1
		if given["max-depth"] {
			depth = *maxDepth
		}
		src, err := seedSource(*seed, depth, *allowPrivate)
		if err != nil {
			return err
		}
		sources = []lumen.Source{src}
	case *sourceName != "":
		src, err := sourceNamed(cfg.Sources, *sourceName)
		if err != nil {
			return err
		}
		sources = []lumen.Source{src}
	default:
		sources = cfg.Sources
	}
	if len(sources) == 0 {
		return usageError("no sources to crawl: give --seed URL, or a --config with sources")
	}
	for i := range sources {
		if *maxPages > 0 {
			sources[i].MaxPages = *maxPages
		}
		if given["max-depth"] && *seed == "" {
			sources[i].MaxDepth = lumen.Depth(*maxDepth)
		}
	}
	cfg.Sources = sources
	if *once && isTerminal(e.stderr) && !c.levelGiven(e) {
		// The progress bar tells what happens; keep the log to warnings.
		cfg.LogLevel = "warn"
	}
	log := c.logger(e, cfg)
	warnNCBIContact(log, cfg)
	if !*once {
		if *seed != "" {
			return usageError("--seed goes with --once: lumen crawl --once --seed URL (the scheduled crawler crawls the configured sources)")
		}
		if cfg.NATS.URL == "" {
			return usageError("lumen crawl without --once needs an external NATS (--nats URL or LUMEN_NATS_URL); use lumen run to run every role in one process")
		}
		return crawlScheduled(ctx, e, c, cfg, log)
	}
	return crawlOnce(ctx, e, cfg, log)
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// seedSource is the web source of --seed.
func seedSource(raw string, depth int, allowPrivate bool) (lumen.Source, error) {
	if err := lumen.CheckHTTPURL(raw); err != nil {
		return lumen.Source{}, usageError("--seed: %v", err)
	}
	u, _ := url.Parse(raw)
	name := "seed-" + strings.Trim(unsafeName.ReplaceAllString(u.Host, "-"), "-")
	if len(name) > 64 {
		name = name[:64]
	}
	src := lumen.Source{Name: name, Kind: lumen.SourceWeb, URLs: []string{raw}, AllowPrivate: allowPrivate}
	if depth >= 0 {
		src.MaxDepth = lumen.Depth(depth)
	}
	return src, nil
}

// crawlScheduled is the crawler role alone: the scheduler and the crawler,
// publishing to an external NATS.
func crawlScheduled(ctx context.Context, e *env, c *common, cfg config.Config, log *slog.Logger) error {
	a := newApp(cfg, log)
	defer a.close()
	if err := a.openBus(ctx, "crawl"); err != nil {
		return err
	}
	cr, err := a.newCrawler(ctx, nil)
	if err != nil {
		return err
	}
	sched := schedule.New(log, nil)
	if err := a.schedule(sched, cr); err != nil {
		return err
	}
	requests, err := a.crawlRequests(ctx)
	if err != nil {
		return err
	}
	st := newStages(log)
	st.start("scheduler", sched.Run)
	st.start("startup crawl", func(ctx context.Context) error {
		startupCrawls(ctx, a, cr, false)
		<-ctx.Done()
		return nil
	})
	// Crawls operators ask for through the API (POST /api/v1/crawls).
	st.start("crawl requests", func(ctx context.Context) error { return a.bus.ConsumeCrawlRequests(ctx, requests.handle(cr)) })
	if addr, ok := c.healthAddr(e, cfg); ok {
		h, err := listenHTTP(addr, a.apiHandler(nil, cr), log)
		if err != nil {
			return err
		}
		st.start("http", h.serve)
	}
	for _, s := range cfg.Sources {
		fmt.Fprintf(e.stdout, "source %-20s next crawl %s\n", s.Name, sched.NextRun("crawl "+s.Name).Format("2006-01-02 15:04 MST"))
	}
	return st.run(ctx)
}

// crawlOnce crawls every source once. Without an external NATS it runs the
// whole pipeline in this process and returns when everything fetched is
// tagged and indexed.
func crawlOnce(ctx context.Context, e *env, cfg config.Config, log *slog.Logger) error {
	a := newApp(cfg, log)
	defer a.close()
	// Low space on the data directory ends the command (exit 1, naming the
	// directory and the bytes free) instead of waiting for an operator.
	a.spaceFatal = true
	inProcess := cfg.NATS.URL == ""
	if inProcess {
		if err := a.openPipeline(ctx, "crawl"); err != nil {
			return err
		}
		if a.rebuildReason != nil {
			log.Warn("the index is unusable; rebuilding it from the streams first", "reason", a.rebuildReason)
			if err := a.rebuildNow(ctx); err != nil {
				return err
			}
		}
	} else if err := a.openBus(ctx, "crawl"); err != nil {
		return err
	}
	prog := newProgress(e.stderr)
	cr, err := a.newCrawler(ctx, prog.update)
	if err != nil {
		return err
	}
	st := newStages(log)
	if inProcess {
		st.start("worker", a.runWorker)
		st.start("indexer", a.runIndexer)
	}
	// A stage that fails (the indexer out of disk space, say) stops the
	// crawl too: its run is interrupted and resumes on the next run.
	cctx, stopCrawl := context.WithCancel(ctx)
	defer stopCrawl()
	stageFailed := make(chan error, 1)
	go func() {
		select {
		case err := <-st.failed:
			stageFailed <- err
			stopCrawl()
		case <-cctx.Done():
		}
	}()
	var runs []lumen.CrawlRun
	var crawlErr error
	// done: every source crawled to the end and, in process, everything
	// fetched tagged and indexed. A signal after that is not an interruption.
	done := true
	for _, src := range cfg.Sources {
		run, err := cr.Run(cctx, src)
		prog.done()
		if run.ID != "" {
			runs = append(runs, run)
		}
		if err != nil && (ctx.Err() != nil || cctx.Err() == nil) { // the failed stage says why the crawl stopped
			crawlErr = errors.Join(crawlErr, err)
		}
		if cctx.Err() != nil {
			done = false
			break
		}
	}
	if inProcess && ctx.Err() == nil {
		if cctx.Err() == nil {
			log.Info("waiting for tagging and indexing to finish")
		}
		// Wait for the consumers to drain, unless one of them fails first.
		wctx, cancel := context.WithCancel(ctx)
		idle := make(chan error, 1)
		go func() { idle <- waitIdle(wctx, a.bus) }()
		select {
		case err := <-stageFailed:
			crawlErr = errors.Join(crawlErr, err)
			cancel()
			<-idle
			done = false
		case err := <-idle:
			crawlErr = errors.Join(crawlErr, err)
			done = done && err == nil
		}
		cancel()
	} else if inProcess {
		done = false // interrupted before the indexing finished
	}
	// A source whose run failed (a seed, a listing or an API request that
	// could not be done, or nothing fetched at all) fails the command, so
	// that cron and CI notice.
	failed := 0
	for _, r := range runs {
		if why := runFailure(r); why != "" {
			crawlErr = errors.Join(crawlErr, fmt.Errorf("source %s failed: %s", r.Source, why))
			failed++
		}
	}
	if failed > 0 && len(cfg.Sources) > 1 {
		crawlErr = errors.Join(fmt.Errorf("%d of %d sources failed", failed, len(cfg.Sources)), crawlErr)
	}
	stopErr := st.stopAll()
	printSummary(e.stdout, runs)
	if inProcess && a.index != nil {
		if arts, claims, err := a.index.Counts(context.WithoutCancel(ctx)); err == nil {
			fmt.Fprintf(e.stdout, "index: %s, %s (data: %s)\n", plural(int(arts), "article", "articles"), plural(int(claims), "claim", "claims"), cfg.Data)
		}
	}
	if !done && ctx.Err() != nil {
		return errors.Join(stopErr, errors.New("interrupted: the crawl resumes where it stopped on the next run"))
	}
	return errors.Join(crawlErr, stopErr)
}

func printSummary(w io.Writer, runs []lumen.CrawlRun) {
	if len(runs) == 0 {
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "source\tfetched\tnew\tchanged\tunchanged\tskipped\tfailed\tlistings\ttook\t")
	for _, r := range runs {
		took := ""
		if !r.Finished.IsZero() {
			took = r.Finished.Sub(r.Started).Round(time.Millisecond).String()
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t\n", r.Source, r.Fetched, r.New, r.Changed, r.Unchanged,
			r.SkippedCount(), r.FailedCount(), r.Listings, took)
	}
	tw.Flush()
	for _, r := range runs {
		if s := joinReasons(r.Skipped); s != "" {
			fmt.Fprintf(w, "  %s skipped: %s\n", r.Source, s)
		}
		if s := joinReasons(r.Failed); s != "" {
			fmt.Fprintf(w, "  %s failed: %s\n", r.Source, s)
		}
		if s := joinReasons(r.Repaired); s != "" {
			fmt.Fprintf(w, "  %s repaired: %s\n", r.Source, s)
		}
		if r.Error != "" {
			fmt.Fprintf(w, "  %s error: %s\n", r.Source, r.Error)
		}
	}
}

// progress draws a one-line progress report on a terminal and stays silent
// otherwise (the crawler's log lines say what happens).
type progress struct {
	w    io.Writer
	on   bool
	mu   sync.Mutex
	last time.Time
}

func newProgress(w io.Writer) *progress { return &progress{w: w, on: isTerminal(w)} }

func (p *progress) update(r lumen.CrawlRun, queued int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	done := r.New + r.Changed + r.Unchanged + r.Listings + r.SkippedCount() + r.FailedCount()
	bar := progressBar(done, done+queued, 24)
	fmt.Fprintf(p.w, "\r\033[K%s %s %d/%d  fetched %d  new %d  changed %d  failed %d", r.Source, bar, done, done+queued,
		r.Fetched, r.New, r.Changed, r.FailedCount())
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func progressBar(done, total, width int) string {
	if total <= 0 {
		return "[" + strings.Repeat(" ", width) + "]"
	}
	n := min(done*width/total, width)
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

// warnNCBIContact warns, at start, when PubMed sources will be crawled
// without the email address NCBI's E-utilities usage policy asks for (and
// which lets NCBI reach the operator before it blocks an address).
func warnNCBIContact(log *slog.Logger, cfg config.Config) {
	for _, s := range cfg.Sources {
		if s.Kind != lumen.SourcePubMed {
			continue
		}
		c := strings.ToLower(strings.TrimSpace(cfg.Crawler.Contact))
		switch {
		case c == "" || !strings.Contains(c, "@"):
			log.Warn("PubMed sources are crawled without a contact email: NCBI asks E-utilities users for one and may block requests without it; set crawler.contact or LUMEN_CONTACT",
				"source", s.Name, "contact", cfg.Crawler.Contact)
		case placeholderEmail(c):
			log.Warn("PubMed sources are crawled with a placeholder contact email, which reaches no one: NCBI asks E-utilities users for a real one and may block requests without it; set crawler.contact or LUMEN_CONTACT to yours",
				"source", s.Name, "contact", cfg.Crawler.Contact)
		}
		return
	}
}

// placeholderEmail reports whether an address is at a domain reserved for
// examples (RFC 2606, RFC 6761), which delivers no mail.
func placeholderEmail(addr string) bool {
	domain := addr[strings.LastIndexByte(addr, '@')+1:]
	for _, d := range []string{"example.org", "example.com", "example.net", "example", "test", "invalid", "localhost"} {
		if domain == d || strings.HasSuffix(domain, "."+d) {
			return true
		}
	}
	return false
}

// runFailure says why a finished run failed (a seed, a listing or an API
// request that could not be done, or nothing fetched at all), or "" when
// it did not: lumen crawl --once exits 1 and a crawl request ends failed.
func runFailure(r lumen.CrawlRun) string {
	switch {
	case r.Fetched == 0 && r.FailedCount() > 0:
		return fmt.Sprintf("nothing fetched, %d failed (%s)", r.FailedCount(), joinReasons(r.Failed))
	case r.Error != "":
		return r.Error
	}
	return ""
}
