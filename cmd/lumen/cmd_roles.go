package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/worker"
)

// cmdWork is the tagging role alone. Workers started with the same NATS
// share one durable consumer, so each article is tagged by one of them.
func cmdWork(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "work", "work --nats URL [flags]", false)
	if _, err := parse(fs, args); err != nil {
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
	if c.addrGiven() {
		h, err := listenHTTP(cfg.Addr, a.apiHandler(nopSearcher{}, nil), log)
		if err != nil {
			return err
		}
		st.start("http", h.serve)
	}
	log.Info("worker running", "concurrency", a.workerConcurrency(), "taxonomy", a.tagger.Version())
	werr := st.wait(ctx)
	return errors.Join(werr, st.stopAll())
}

// cmdServe is the indexer and the HTTP API.
func cmdServe(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "serve", "serve [flags]", true)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	log := c.logger(e, cfg)
	a := newApp(cfg, log)
	defer a.close()
	tax, err := loadTaxonomy(cfg.Taxonomy)
	if err != nil {
		return fmt.Errorf("%w: %w", err, lumen.ErrInvalid)
	}
	a.tax = tax
	if err := a.openBus(ctx, "serve"); err != nil {
		return err
	}
	if err := a.openIndex(); err != nil {
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
	st.start("indexer", a.runIndexer)
	st.start("review indexer", a.runReviewIndexer)
	st.start("http", h.serve)
	if arts, claims, err := a.index.Counts(ctx); err == nil {
		log.Info("serving", "api", h.URL(), "articles", arts, "claims", claims)
	}
	fmt.Fprintf(e.stdout, "Lumen is serving. Search: %s/  API: %s/api/v1/claims?q=probiotics\n", h.URL(), h.URL())
	werr := st.wait(ctx)
	return errors.Join(werr, st.stopAll())
}

// cmdReindex rebuilds the index from the ArticleTagged events in JetStream;
// with --retag it first tags every stored article again (after a taxonomy
// or tagger change).
func cmdReindex(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "reindex", "reindex [--retag] [flags]", false)
	retag := fs.Bool("retag", false, "tag every stored article again before rebuilding (after a taxonomy or tagger change)")
	if _, err := parse(fs, args); err != nil {
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
	// Refuse early while another process serves this index.
	if err := a.lockData(); err != nil {
		return err
	}
	ix, err := indexer.Open(dir)
	if err != nil {
		return err
	}
	if err := ix.Close(); err != nil {
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
	if *retag {
		w := worker.New(a.tagger, a.bus, log, a.metrics)
		n := 0
		err := a.bus.ReplayArticles(ctx, func(ev lumen.ArticleFetched) error {
			tagged, err := w.Tag(ev.Article)
			if err != nil {
				log.Error("article not tagged", "article", ev.Article.ID, "err", err)
				return nil
			}
			n++
			return a.bus.PublishTagged(ctx, tagged)
		})
		if err != nil {
			return fmt.Errorf("retag: %w", err)
		}
		fmt.Fprintf(e.stdout, "retagged %s with taxonomy %s\n", plural(n, "article", "articles"), a.tagger.Version())
	}
	st, err := indexer.Rebuild(ctx, dir, a.bus.ReplayTagged, a.bus.ReplayReviews, cfg.Indexer.BatchSize)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "index rebuilt: %s, %s, %s (%s)\n", plural(st.Articles, "article", "articles"), plural(st.Claims, "claim", "claims"),
		plural(st.Decisions, "curator decision", "curator decisions"), dir)
	return nil
}
