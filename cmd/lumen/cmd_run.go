package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/crawler"
	"github.com/lumen-research/lumen/internal/schedule"
)

// cmdRun runs every role in one process.
func cmdRun(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "run", "run [flags]", true)
	crawlNow := fs.Bool("crawl-now", false, "crawl every source once at start, besides its schedule")
	natsListen := fs.String("nats-listen", "", "let other lumen processes connect to the embedded NATS at `host:port`; also LUMEN_NATS_LISTEN")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	if *natsListen != "" {
		cfg.NATS.Listen = *natsListen
	}
	log := c.logger(e, cfg)
	warnNCBIContact(log, cfg)
	a := newApp(cfg, log)
	defer a.close()
	if err := a.openPipeline(ctx, "run"); err != nil {
		return err
	}
	if err := a.claimIndexer(ctx); err != nil {
		return err
	}
	if err := a.newHealth(ctx); err != nil {
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
	h, err := listenHTTP(cfg.Addr, a.apiHandler(a.index, cr), log)
	if err != nil {
		return err
	}

	st := newStages(log)
	st.start("scheduler", sched.Run)
	st.start("startup crawl", func(ctx context.Context) error {
		startupCrawls(ctx, a, cr, *crawlNow)
		<-ctx.Done() // a finished stage must not look like a failure
		return nil
	})
	a.startHealth(st)
	st.start("crawl requests", func(ctx context.Context) error { return a.bus.ConsumeCrawlRequests(ctx, a.requests.handle(cr)) })
	st.start("worker", a.runWorker)
	st.start("indexer", a.runIndexer)
	st.start("review indexer", a.runReviewIndexer)
	st.start("http", h.serve)
	// Last, so that it is given up once the indexers have stopped.
	st.start("indexer lease", a.lease.run)
	log.Info("lumen running", "api", h.URL(), "data", cfg.Data, "sources", len(cfg.Sources))
	a.warnStaleTags(ctx)
	// One write, so that a reader who waits for the URL sees the schedule too.
	var banner strings.Builder
	fmt.Fprintf(&banner, "Lumen is running. Search: %s/  API: %s/api/v1/claims?q=probiotics\n", h.URL(), h.URL())
	for _, s := range cfg.Sources {
		fmt.Fprintf(&banner, "  source %-20s next crawl %s\n", s.Name, sched.NextRun("crawl "+s.Name).Format("2006-01-02 15:04 MST"))
	}
	io.WriteString(e.stdout, banner.String())
	return st.run(ctx)
}

// startupCrawls runs, at start, the sources that have never been crawled and
// the runs a crash or shutdown interrupted (they resume where they stopped),
// or every source when all is set.
func startupCrawls(ctx context.Context, a *app, cr *crawler.Crawler, all bool) {
	for _, src := range a.cfg.Sources {
		if ctx.Err() != nil {
			return
		}
		if !all {
			runs, err := cr.Runs(ctx, src.Name, 1)
			if err != nil {
				a.log.Error("read crawl runs", "source", src.Name, "err", err)
				continue
			}
			if len(runs) > 0 && !runs[0].Finished.IsZero() {
				continue
			}
		}
		if _, err := cr.Run(ctx, src); err != nil && ctx.Err() == nil && !errors.Is(err, crawler.ErrRunning) {
			a.log.Error("crawl failed", "source", src.Name, "err", err)
		}
	}
}

// sourceNamed returns the configured source of that name, or a usage error
// listing the names there are.
func sourceNamed(sources []lumen.Source, name string) (lumen.Source, error) {
	var names []string
	for _, s := range sources {
		if s.Name == name {
			return s, nil
		}
		names = append(names, s.Name)
	}
	return lumen.Source{}, usageError("--source %q: no such source (configured: %v)", name, names)
}
