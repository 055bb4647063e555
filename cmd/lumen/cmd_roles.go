package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/worker"
)

// cmdWork is the tagging role alone. Workers started with the same NATS
// share one durable consumer, so each article is tagged by one of them.
func cmdWork(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "work", "work --nats URL [flags]", false)
	c.hide("data")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if c.data != "" {
		return usageError("lumen work keeps no data (--data): it consumes from and publishes to NATS")
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	if cfg.NATS.URL == "" {
		return usageError("lumen work needs an external NATS (--nats URL or LUMEN_NATS_URL); use lumen run to run every role in one process")
	}
	log := c.logger(e, cfg)
	a := newApp(cfg, log)
	defer a.close()
	if err := a.openTagger(); err != nil {
		return err
	}
	if err := a.openBus(ctx, "work"); err != nil {
		return err
	}
	st := newStages(log)
	st.start("worker", a.runWorker)
	if addr, ok := c.healthAddr(e, cfg); ok {
		h, err := listenHTTP(addr, a.apiHandler(nil, nil), log)
		if err != nil {
			return err
		}
		st.start("http", h.serve)
	}
	log.Info("worker running", "concurrency", a.workerConcurrency(), "taxonomy", a.tagger.Version())
	return st.run(ctx)
}

// cmdServe is the indexer and the HTTP API.
func cmdServe(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "serve", "serve [flags]", true)
	natsListen := fs.String("nats-listen", "", "with the embedded NATS, let other lumen processes (workers, lumen token) connect to it at `host:port`; also LUMEN_NATS_LISTEN")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	if *natsListen != "" {
		if cfg.NATS.URL != "" {
			return usageError("--nats-listen is for the embedded NATS; with --nats the server is %s", cfg.NATS.URL)
		}
		cfg.NATS.Listen = *natsListen
	}
	log := c.logger(e, cfg)
	a := newApp(cfg, log)
	defer a.close()
	// The tagger too: the data check re-tags what the tagged stream lost.
	if err := a.openTagger(); err != nil {
		return err
	}
	if err := a.openBus(ctx, "serve"); err != nil {
		return err
	}
	if err := a.claimIndexer(ctx); err != nil {
		return err
	}
	if err := a.openIndex(ctx); err != nil {
		return err
	}
	if err := a.newHealth(ctx); err != nil {
		return err
	}
	if err := a.openCuration(ctx); err != nil {
		return err
	}
	runs, err := a.runLister(ctx)
	if err != nil {
		return err
	}
	h, err := listenHTTP(cfg.Addr, a.apiHandler(a.index, runs), log)
	if err != nil {
		return err
	}
	st := newStages(log)
	a.startHealth(st)
	st.start("indexer", a.runIndexer)
	st.start("review indexer", a.runReviewIndexer)
	st.start("http", h.serve)
	// Last, so that it is given up once the indexers have stopped.
	st.start("indexer lease", a.lease.run)
	if arts, claims, err := a.index.Counts(ctx); err == nil {
		log.Info("serving", "api", h.URL(), "articles", arts, "claims", claims)
	} else {
		log.Info("serving", "api", h.URL(), "index", err)
	}
	a.warnStaleTags(ctx)
	fmt.Fprintf(e.stdout, "Lumen is serving. Search: %s/  API: %s/api/v1/claims?q=probiotics\n", h.URL(), h.URL())
	return st.run(ctx)
}

// cmdReindex rebuilds the index from the ArticleTagged events in JetStream;
// with --retag it first tags every stored article again (after a taxonomy
// or tagger change). It never opens the old index (which may be damaged),
// builds the new one in a new directory, and swaps it in only if it is not
// smaller than the old one (unless --force).
func cmdReindex(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "reindex", "reindex [--retag] [--force] [flags]", false)
	c.hide("addr")
	retag := fs.Bool("retag", false, "tag every stored article again before rebuilding (after a taxonomy or tagger change)")
	force := fs.Bool("force", false, "replace the index even if the rebuilt one has fewer articles (the streams lost some)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if c.addrGiven() {
		return usageError("lumen reindex serves nothing (--addr): it rebuilds the index and exits")
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	log := c.logger(e, cfg)
	a := newApp(cfg, log)
	defer a.close()
	dir := filepath.Join(cfg.Data, "index")
	// Refuse early while another process uses this data directory.
	if err := a.lockData(); err != nil {
		return err
	}
	if *retag {
		if err := a.openTagger(); err != nil {
			return err
		}
	}
	if err := a.openBus(ctx, "reindex"); err != nil {
		return err
	}
	sources := a.rebuildSources()
	var retagged atomic.Int64
	if *retag {
		// Tag every stored article again, publish the results, and index
		// them as they come: one pass, tagging and indexing at once.
		sources[0] = a.retagSource(&retagged)
	}
	a.openSpaceGuard()
	st, err := indexer.Rebuild(ctx, dir, indexer.RebuildOptions{Sources: a.guardSources(sources), BatchSize: cfg.Indexer.BatchSize, Force: *force, Logger: log})
	if *retag && (err == nil || errors.Is(err, indexer.ErrSmaller)) {
		fmt.Fprintf(e.stdout, "retagged %s with tagger %s (taxonomy %s)\n", plural(int(retagged.Load()), "article", "articles"),
			a.tagger.Version(), lumen.TaxonomyOf(a.tagger.Version()))
	}
	if errors.Is(err, indexer.ErrSmaller) {
		return fmt.Errorf("%w\nthe index was not replaced: run `lumen check --repair` to restore the lost articles from their other copies, or `lumen reindex --force` to replace it anyway", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "index rebuilt: %s, %s, %s (%s)\n", plural(st.Articles, "article", "articles"), plural(st.Claims, "claim", "claims"),
		plural(st.Decisions, "curator decision", "curator decisions"), dir)
	if st.Kept != "" {
		fmt.Fprintf(e.stdout, "the damaged index it replaced is kept in %s\n", st.Kept)
	}
	return nil
}

// retagSource is the rebuild source of reindex --retag: every article of
// the articles stream tagged again (as many taggers as lumen work runs, as
// the stream is read), published to the tagged stream, and indexed. An article the tagger
// cannot take keeps its stored tagging.
func (a *app) retagSource(n *atomic.Int64) indexer.Source {
	return func(ctx context.Context, b *indexer.Builder) error {
		w := worker.New(a.tagger, a.bus, a.log, a.metrics)
		g, gctx := errgroup.WithContext(ctx)
		articles := make(chan lumen.Article, 64)
		tagged := make(chan lumen.ArticleTagged, 64)
		var taggers sync.WaitGroup
		// As many as the workers have: each waits on NATS (the stored
		// tagging, the publish) between articles.
		for range a.workerConcurrency() {
			taggers.Add(1)
			g.Go(func() error {
				defer taggers.Done()
				for art := range articles {
					ev, err := w.Tag(art)
					if err != nil {
						a.log.Error("article not tagged; its stored tagging is kept", "article", art.ID, "err", err)
						if ev, err = a.bus.LastTagged(gctx, art.ID); err != nil {
							continue
						}
					} else if err := a.bus.PublishTagged(gctx, ev); err != nil {
						return err
					}
					n.Add(1)
					select {
					case tagged <- ev:
					case <-gctx.Done():
						return gctx.Err()
					}
				}
				return nil
			})
		}
		g.Go(func() error {
			taggers.Wait()
			close(tagged)
			return nil
		})
		g.Go(func() error { // the builder is fed from one goroutine
			for ev := range tagged {
				if err := b.AddTagged(gctx, ev, 0); err != nil {
					return err
				}
			}
			return nil
		})
		err := a.bus.ReplayArticles(gctx, func(ev lumen.ArticleFetched) error {
			select {
			case articles <- ev.Article:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		})
		close(articles)
		if gerr := g.Wait(); err == nil || errors.Is(err, context.Canceled) && gerr != nil {
			err = gerr
		}
		if err != nil {
			return err
		}
		if st, err := a.bus.StreamStates(ctx); err == nil {
			for _, s := range st {
				if s.Name == bus.StreamTagged {
					b.SetHighWater(s.LastSeq)
				}
			}
		}
		return b.Flush(ctx)
	}
}
