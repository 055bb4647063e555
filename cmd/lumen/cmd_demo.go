package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/demo"
)

// cmdDemo serves the bundled sample site, crawls it once through the whole
// pipeline, and keeps serving the API and the site until interrupted.
func cmdDemo(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "demo", "demo [flags]", true)
	siteAddr := fs.String("site-addr", "127.0.0.1:0", "where the sample site listens (`host:port`; port 0 picks a free one)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	// Unless told otherwise, the demo keeps its data in a temporary directory
	// it removes on exit, so that it never mixes with a real ./data.
	dataGiven := e.getenv("LUMEN_DATA") != ""
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "data" {
			dataGiven = true
		}
	})
	if !dataGiven {
		dir, err := os.MkdirTemp("", "lumen-demo-")
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		defer os.RemoveAll(dir)
		cfg.Data = dir
	}
	cfg.NATS.URL = "" // the demo is self-contained
	if cfg.NATS.Listen == "" {
		// Let lumen token create (and other tools) reach the demo's NATS.
		cfg.NATS.Listen = "127.0.0.1:0"
	}
	log := c.logger(e, cfg)

	remember := dataGiven && !visited(fs)["site-addr"]
	site, err := listenDemoSite(cfg.Data, *siteAddr, remember, log)
	if err != nil {
		return err
	}
	defer site.close()
	cfg.Sources = []lumen.Source{{
		Name: "demo", Kind: lumen.SourceWeb, URLs: []string{site.URL() + "/"}, MaxDepth: lumen.Depth(2), MaxPages: 50,
		AllowPrivate: true, // the sample site is on loopback
	}}
	cfg.Crawler.HostDelay = 50 * time.Millisecond // our own site: no need to wait a second

	a := newApp(cfg, log)
	defer a.close()
	if err := a.openPipeline(ctx, "demo"); err != nil {
		return err
	}
	if remember {
		// Only now that this demo holds the data directory: a demo that
		// fails on a directory another one holds must not move the hint
		// away from the address that one's articles have.
		rememberDemoSite(cfg.Data, site)
	}
	cr, err := a.newCrawler(ctx, nil)
	if err != nil {
		return err
	}
	api, err := listenHTTP(cfg.Addr, a.apiHandler(a.index, cr), log)
	if err != nil {
		return err
	}
	st := newStages(log)
	st.start("demo crawl", func(ctx context.Context) error {
		run, err := cr.Run(ctx, cfg.Sources[0])
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if err := waitIdle(ctx, a.bus); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		printSummary(e.stdout, []lumen.CrawlRun{run})
		arts, claims, _ := a.index.Counts(ctx)
		fmt.Fprintf(e.stdout, "\nDemo ready: %s and %s indexed from the sample site %s\n", plural(int(arts), "article", "articles"),
			plural(int(claims), "claim", "claims"), site.URL())
		fmt.Fprintf(e.stdout, "  search page:  %s/?q=probiotics\n", api.URL())
		fmt.Fprintf(e.stdout, "  API:          curl '%s/api/v1/claims?q=probiotics'\n", api.URL())
		if u := a.server.ClientURL(); u != "" {
			fmt.Fprintf(e.stdout, "  review:       lumen token create alice --role curator --nats %s\n", u)
			fmt.Fprintf(e.stdout, "                then sign in at %s/review with the token it prints\n", api.URL())
		}
		fmt.Fprintln(e.stdout, "Press Ctrl-C to stop.")
		<-ctx.Done()
		return nil
	})
	st.start("index healer", a.runHealer)
	st.start("crawl requests", func(ctx context.Context) error { return a.bus.ConsumeCrawlRequests(ctx, a.requests.handle(cr)) })
	st.start("worker", a.runWorker)
	st.start("indexer", a.runIndexer)
	st.start("review indexer", a.runReviewIndexer)
	st.start("api", api.serve)
	st.start("site", site.serve)
	fmt.Fprintf(e.stdout, "Sample site: %s\nAPI: %s (claims appear once the crawl is indexed)\n", site.URL(), api.URL())
	return st.run(ctx)
}

// listenDemoSite starts the sample site. With a data directory that is
// kept (remember), it listens where it did the last time, when it can: the
// articles the first demo crawled keep their URLs, and a second demo finds
// them unchanged instead of as copies at another port.
func listenDemoSite(data, addr string, remember bool, log *slog.Logger) (*httpServer, error) {
	file := filepath.Join(data, "demo-site-addr")
	if remember {
		if b, err := os.ReadFile(file); err == nil {
			last := strings.TrimSpace(string(b))
			if site, err := listenHTTP(last, demo.Handler(), log); err == nil {
				return site, nil
			}
			log.Info("the sample site's last address is taken; its articles get new URLs", "addr", last)
		}
	}
	return listenHTTP(addr, demo.Handler(), log)
}

// rememberDemoSite records where the sample site listens, for the next demo
// on the same data directory (a hint only).
func rememberDemoSite(data string, site *httpServer) {
	_ = os.WriteFile(filepath.Join(data, "demo-site-addr"), []byte(strings.TrimPrefix(site.URL(), "http://")+"\n"), 0o644)
}
