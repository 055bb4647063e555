package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/metrics"
)

// Writer is the indexing role: it applies the batches of ArticleTagged
// events the bus delivers to the index, and says per event what became of
// it, so that each message is acknowledged only once bleve has persisted
// its event.
type Writer struct {
	ix      applier
	metrics *metrics.Metrics
	log     *slog.Logger
}

// applier is what a Writer needs of the index (*Index).
type applier interface {
	ApplySeqs(ctx context.Context, events []lumen.ArticleTagged, seqs []uint64) (ApplyStats, error)
	ApplyReviews(ctx context.Context, decisions []lumen.ReviewDecision) (ReviewStats, error)
}

var _ applier = (*Index)(nil)

// NewWriter returns a Writer applying to ix; m and log may be nil.
func NewWriter(ix applier, m *metrics.Metrics, log *slog.Logger) *Writer {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Writer{ix: ix, metrics: m, log: log.With("component", "indexer")}
}

// Handle applies a batch in one bleve batch, the highest of seqs (the
// events' stream sequences) becoming the index's high-water mark. If the
// batch fails, it applies the events one at a time, so that one event bleve
// cannot take does not hold back the others: only the failing ones are
// returned as failed. When some events of a batch fail alone and others do
// not, the failing ones can never be indexed: their errors wrap
// lumen.ErrInvalid (the bus moves them to the dead letters). When every
// event fails, the index is at fault and all are retried later.
func (w *Writer) Handle(ctx context.Context, evs []lumen.ArticleTagged, seqs []uint64) []error {
	start := time.Now()
	st, err := w.ix.ApplySeqs(ctx, evs, seqs)
	if err == nil {
		w.metrics.Indexed(len(evs), st.Articles, st.Claims, time.Since(start))
		if st.Invalid > 0 {
			w.metrics.Error(metrics.StageIndex, "invalid_event")
			w.log.Warn("events with invalid article ids skipped", "count", st.Invalid)
		}
		w.log.Debug("batch indexed", "events", len(evs), "articles", st.Articles, "claims", st.Claims, "rewritten", st.Rewritten, "stale", st.Stale, "took", time.Since(start))
		return nil
	}
	if ctx.Err() != nil || len(evs) == 1 || errors.Is(err, lumen.ErrUnavailable) {
		w.metrics.Error(metrics.StageIndex, "apply")
		if errors.Is(err, lumen.ErrUnavailable) {
			w.log.Warn("index unavailable; the batch will be redelivered", "events", len(evs), "err", err)
		}
		return fill(len(evs), err)
	}
	w.log.Warn("batch failed; indexing its events one by one", "events", len(evs), "err", err)
	errs := make([]error, len(evs))
	failed := 0
	for i := range evs {
		var one []uint64
		if i < len(seqs) {
			one = seqs[i : i+1]
		}
		st, err := w.ix.ApplySeqs(ctx, evs[i:i+1], one)
		if err != nil {
			w.metrics.Error(metrics.StageIndex, "apply")
			w.log.Error("event not indexed", "article", evs[i].Article.ID, "err", err)
			errs[i] = err
			failed++
			continue
		}
		w.metrics.Indexed(1, st.Articles, st.Claims, 0)
	}
	if failed < len(evs) && ctx.Err() == nil {
		for i, err := range errs {
			if err != nil && !errors.Is(err, lumen.ErrUnavailable) {
				errs[i] = fmt.Errorf("index article %s: %w: %w", evs[i].Article.ID, err, lumen.ErrInvalid)
			}
		}
	}
	return errs
}

// HandleReviews applies a batch of curators' decisions in one bleve batch
// (for bus.ConsumeReviewBatches). ApplyReviews is idempotent and places
// each decision by its version, so a failed batch is simply retried whole.
func (w *Writer) HandleReviews(ctx context.Context, ds []lumen.ReviewDecision, _ []uint64) []error {
	// A decision no curator could have made (no valid claim or article
	// id, no known action) can never apply: it goes to the dead letters
	// with why, and the others are applied.
	errs := make([]error, len(ds))
	valid := make([]lumen.ReviewDecision, 0, len(ds))
	invalid := 0
	for i, d := range ds {
		if err := checkDecision(d); err != nil {
			errs[i] = err
			invalid++
			w.metrics.Error(metrics.StageIndex, "invalid_decision")
			continue
		}
		valid = append(valid, d)
	}
	st, err := w.ix.ApplyReviews(ctx, valid)
	if err != nil {
		w.metrics.Error(metrics.StageIndex, "review")
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
		return errs
	}
	w.log.Debug("decisions indexed", "decisions", st.Decisions, "repeated", st.Repeated, "orphans", st.Orphans, "kept", st.Kept)
	if invalid > 0 {
		return errs
	}
	return nil
}

// checkDecision says why a decision can never apply to the index.
func checkDecision(d lumen.ReviewDecision) error {
	switch {
	case !lumen.ValidID(d.ClaimID):
		return fmt.Errorf("decision on claim %q: not a claim id: %w", d.ClaimID, lumen.ErrInvalid)
	case !lumen.ValidID(d.ArticleID):
		return fmt.Errorf("decision on claim %s: article %q: not an article id: %w", d.ClaimID, d.ArticleID, lumen.ErrInvalid)
	case !slices.Contains(lumen.Actions, d.Action):
		return fmt.Errorf("decision on claim %s: unknown action %q: %w", d.ClaimID, d.Action, lumen.ErrInvalid)
	}
	return nil
}

func fill(n int, err error) []error {
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}
