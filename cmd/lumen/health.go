package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/crawler"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/integrity"
	"github.com/lumen-research/lumen/internal/metrics"
	"github.com/lumen-research/lumen/internal/vocab"
	"github.com/lumen-research/lumen/worker"
)

var (
	_ integrity.Streams   = (*bus.Bus)(nil)
	_ integrity.Consumers = (*bus.Bus)(nil)
	_ integrity.Articles  = (*bus.Bus)(nil)
	_ integrity.Index     = (*indexer.Index)(nil)
	_ integrity.Tagger    = (*worker.Worker)(nil)
)

// openIndex opens the index of the data directory. A missing index while
// the tagged stream holds articles, a damaged one (every panic of the
// storage layers recovered into an error naming the file) and an outdated
// one are not opened: the app gets an index in state "rebuilding" and
// a.rebuildReason says why, for runHealer (serve, run, demo) or rebuildNow
// (crawl --once) to rebuild it from the streams.
func (a *app) openIndex(ctx context.Context) error {
	if err := a.lockData(); err != nil {
		return err
	}
	dir := filepath.Join(a.cfg.Data, "index")
	var (
		ix  *indexer.Index
		err error
	)
	if !indexer.Exists(dir) && a.bus != nil && a.streamHolds(ctx, bus.StreamTagged) {
		err = fmt.Errorf("the index %s is missing while %s holds articles", dir, bus.StreamTagged)
		if !indexer.Existed(dir) {
			err = fmt.Errorf("%w: %s holds articles and %s no index yet", errNewIndex, bus.StreamTagged, a.cfg.Data)
		}
	} else {
		ix, err = indexer.Open(dir)
	}
	switch {
	case err == nil:
	case errors.Is(err, indexer.ErrLocked):
		return err
	case ix == nil && a.bus != nil && routineBuild(err):
		a.log.Info("the index will be built from the streams", "why", err)
		a.rebuildReason = err
		if ix, err = indexer.Unavailable(dir, err); err != nil {
			return err
		}
	case ix == nil && a.bus != nil:
		a.log.Error("index unusable: it will be rebuilt from the streams", "err", err)
		a.rebuildReason = err
		if ix, err = indexer.Unavailable(dir, err); err != nil {
			return err
		}
	default:
		return err
	}
	ix.SetVocabulary(vocab.New(a.tax)) // query words that name a concept match it
	a.index = ix
	a.openSpaceGuard()
	state, _ := ix.State()
	a.metrics.IndexState(state)
	if a.bus != nil {
		a.bus.SetResume(bus.StreamTagged, a.bus.IndexerConsumer(), func(context.Context) (uint64, error) {
			hw, err := a.index.HighWater()
			if err != nil {
				return 0, nil // no usable index: from the start (it is being rebuilt)
			}
			return hw + 1, nil
		})
		a.bus.SetResume(bus.StreamArticles, bus.ConsumerTagger, func(ctx context.Context) (uint64, error) {
			return integrity.ResumeTagger(ctx, a.bus)
		})
	}
	return nil
}

// streamHolds reports whether a stream has messages.
func (a *app) streamHolds(ctx context.Context, name string) bool {
	states, err := a.bus.StreamStates(ctx)
	if err != nil {
		return false
	}
	for _, st := range states {
		if st.Name == name {
			return st.Msgs > 0
		}
	}
	return false
}

// rebuildSources are the streams the index is rebuilt from, in order: the
// tagged articles, then the curators' decisions on their claims.
func (a *app) rebuildSources() []indexer.Source {
	return []indexer.Source{indexer.TaggedSource(a.bus.ReplayTaggedSeqs), indexer.ReviewsSource(a.bus.ReplayReviews)}
}

// errNewIndex: the data directory never had an index (a new lumen serve
// joining a running deployment): its first build is no repair.
var errNewIndex = errors.New("a new index")

// routineBuild reports whether the index is (re)built for a reason that is
// no damage: a new data directory, or an index of an older mapping.
func routineBuild(reason error) bool {
	return errors.Is(reason, errNewIndex) || errors.Is(reason, indexer.ErrOutdated)
}

// rebuild rebuilds the index in place from the streams.
func (a *app) rebuild(ctx context.Context, reason error) error {
	if routineBuild(reason) {
		a.log.Info("building the index from the streams", "why", reason)
	} else {
		a.log.Error("index damaged: rebuilding it from the streams", "reason", reason)
	}
	a.metrics.IndexState(indexer.StateRebuilding)
	start := time.Now()
	st, err := a.index.Rebuild(ctx, indexer.RebuildOptions{Sources: a.guardSources(a.rebuildSources()), BatchSize: a.cfg.Indexer.BatchSize, Logger: a.log})
	if err != nil {
		if ctx.Err() == nil {
			a.metrics.Rebuilt("failed")
			state, _ := a.index.State()
			a.metrics.IndexState(state)
		}
		return fmt.Errorf("rebuild index: %w", err)
	}
	a.metrics.Rebuilt("ok")
	a.metrics.IndexState(indexer.StateOK)
	a.log.Info("index rebuilt", "articles", st.Articles, "claims", st.Claims, "took", time.Since(start).Round(time.Millisecond), "damaged_copy", st.Kept)
	if st.Before >= 0 && int64(st.Articles) < st.Before {
		a.log.Error("the rebuilt index has fewer articles than the one it replaced: the streams lost articles; lumen check lists what the crawler will fetch again",
			"articles", st.Articles, "before", st.Before)
	}
	return nil
}

// rebuildNow rebuilds an index that needs it before going on (one-shot
// commands, which serve nothing to report progress on).
func (a *app) rebuildNow(ctx context.Context) error {
	if a.rebuildReason == nil {
		return nil
	}
	reason := a.rebuildReason
	a.rebuildReason = nil
	return a.rebuild(ctx, reason)
}

// runHealer rebuilds the index when it needs it at start and whenever it
// is found damaged in use, until ctx is done. /readyz says "rebuilding"
// meanwhile.
func (a *app) runHealer(ctx context.Context) error {
	if err := a.rebuildNow(ctx); err != nil && ctx.Err() == nil {
		a.log.Error("index rebuild failed", "err", err)
	}
	a.health.kick()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-a.index.Damaged():
		}
		_, reason := a.index.State()
		if err := a.rebuild(ctx, reason); err != nil && ctx.Err() == nil {
			a.log.Error("index rebuild failed", "err", err)
		}
		a.health.kick()
	}
}

// startHealth starts the index healer and the data checks.
func (a *app) startHealth(st *stages) {
	st.start("index healer", a.runHealer)
	st.start("data check", a.health.run)
}

// checkConsumers are the consumers the data check looks at: the bus's, or
// a.consumers when a command narrowed them.
func (a *app) checkConsumers() integrity.Consumers {
	if a.consumers != nil {
		return a.consumers
	}
	return a.bus
}

// newChecker returns the data check over what this process has open.
func (a *app) newChecker(ctx context.Context) (*integrity.Checker, error) {
	d := integrity.Deps{Streams: a.bus, Consumers: a.checkConsumers(), Articles: a.bus, Decisions: a.bus, Logger: a.log}
	if a.index != nil {
		d.Index = a.index
	}
	if a.tagger != nil {
		d.Tagger = worker.New(a.tagger, a.bus, a.log, nil)
	}
	state, err := a.bus.KV(ctx, bucketCrawlState)
	if err != nil {
		return nil, err
	}
	ids, err := a.bus.KV(ctx, bucketCrawlIDs)
	if err != nil {
		return nil, err
	}
	runs, err := a.bus.KV(ctx, bucketCrawlRuns)
	if err != nil {
		return nil, err
	}
	d.Crawl = crawlState{state: state, ids: ids, runs: runs}
	return integrity.New(d), nil
}

// crawlState is the crawler's stores as the check sees them.
type crawlState struct{ state, ids, runs crawler.Store }

func (c crawlState) ArticleRefs(ctx context.Context, fn func(key, articleID string) error) error {
	return crawler.ArticleRefs(ctx, c.state, fn)
}

func (c crawlState) IdentityRefs(ctx context.Context, fn func(key, kind, articleID string) error) error {
	return crawler.IdentityRefs(ctx, c.ids, fn)
}

func (c crawlState) Forget(ctx context.Context, keys []string) error {
	return crawler.Forget(ctx, c.state, keys)
}

func (c crawlState) ForgetIdentities(ctx context.Context, keys []string) error {
	return crawler.ForgetIdentities(ctx, c.ids, keys)
}

func (c crawlState) ResetAPIWindows(ctx context.Context) (int, error) {
	return crawler.ResetAPIWindows(ctx, c.runs)
}

// health runs the data check at start and periodically (serve, run) and
// keeps its outcome for /readyz.
type health struct {
	checker  *integrity.Checker
	log      *slog.Logger
	metrics  *metrics.Metrics
	interval time.Duration
	repair   bool
	kickc    chan struct{}

	mu        sync.Mutex
	checked   bool
	hadReport bool // a check has run to the end (last is its report)
	last      integrity.Report
	lastErr   error
}

func (a *app) newHealth(ctx context.Context) error {
	c, err := a.newChecker(ctx)
	if err != nil {
		return err
	}
	a.metrics.IntegrityKinds(integrity.Kinds)
	a.health = &health{checker: c, log: a.log.With("component", "check"), metrics: a.metrics,
		interval: a.cfg.Check.Interval, repair: a.cfg.Check.Repair, kickc: make(chan struct{}, 1)}
	return nil
}

// kick asks for a check soon (after a rebuild, say).
func (h *health) kick() {
	if h == nil {
		return
	}
	select {
	case h.kickc <- struct{}{}:
	default:
	}
}

// ready is the "data" readiness check: not ready before the first check
// has run, nor while it finds damage it has not repaired.
func (h *health) ready(context.Context) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case !h.checked:
		return fmt.Errorf("the first data check is running: %w", lumen.ErrUnavailable)
	case h.last.Damaged():
		return fmt.Errorf("data damaged: %s (lumen check --repair): %w", h.last.Summary(), lumen.ErrUnavailable)
	case h.lastErr != nil && !h.hadReport:
		return fmt.Errorf("data check failed: %w: %w", lumen.ErrUnavailable, h.lastErr)
	}
	return nil
}

// lastRun is the "data_check" readiness check, which only degrades: the
// last data check could not run (NATS away, say); "data" keeps the
// outcome of the last one that did.
func (h *health) lastRun(context.Context) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.lastErr != nil {
		return fmt.Errorf("data check failed: %w: %w", lumen.ErrUnavailable, h.lastErr)
	}
	return nil
}

// run checks now, then every interval and when kicked, until ctx is done.
func (h *health) run(ctx context.Context) error {
	var tick <-chan time.Time
	if h.interval > 0 {
		t := time.NewTicker(h.interval)
		defer t.Stop()
		tick = t.C
	}
	for {
		h.checkOnce(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-tick:
		case <-h.kickc:
		}
	}
}

func (h *health) checkOnce(ctx context.Context) {
	r, err := h.checker.Run(ctx, h.repair)
	if ctx.Err() != nil {
		return
	}
	if err == nil && r.Damaged() {
		for _, p := range r.Damage() {
			h.log.Error("data damaged", "kind", p.Kind, "subject", p.Subject, "count", p.Count, "detail", p.Detail,
				"examples", p.Examples, "repaired", p.Repaired, "repair_err", p.RepairErr)
		}
		repaired := map[string]int{}
		for _, p := range r.Damage() {
			repaired[p.Kind] += p.Repaired
		}
		h.metrics.Checked("damaged", r.Counts(), repaired, r.DeadLetters)
		if h.repair {
			// Check again: what the repair fixed no longer counts, and
			// what it could not fix stays reported.
			if again, aerr := h.checker.Run(ctx, false); aerr == nil {
				r = again
			}
		}
	}
	switch {
	case err != nil:
		h.log.Error("data check failed", "err", err)
		h.metrics.Checked("failed", nil, nil, 0)
	case !r.Damaged():
		h.metrics.Checked("clean", nil, nil, r.DeadLetters)
		h.log.Debug("data check clean", "articles", r.Articles, "tagged", r.Tagged, "indexed", r.Indexed, "took", r.Took)
	default:
		h.metrics.Checked("damaged", r.Counts(), nil, r.DeadLetters)
	}
	h.mu.Lock()
	h.checked, h.lastErr = true, err
	if err == nil {
		// A check that could not run keeps the last one's outcome.
		h.last, h.hadReport = r, true
	}
	h.mu.Unlock()
}
