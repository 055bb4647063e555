package indexer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lumen-research/lumen"
)

// Replayer calls fn for every stored ArticleTagged event.
type Replayer func(ctx context.Context, fn func(lumen.ArticleTagged) error) error

// ReviewReplayer calls fn for every curator decision, in the order made.
type ReviewReplayer func(ctx context.Context, fn func(lumen.ReviewDecision) error) error

// Rebuild builds a new index from every event replay yields, then applies
// every decision reviews yields (nil: none), in a directory beside dir, and
// only when that succeeded replaces dir with it. The index in dir must not
// be open. batchSize events are committed at a time.
func Rebuild(ctx context.Context, dir string, replay Replayer, reviews ReviewReplayer, batchSize int) (ApplyStats, error) {
	var total ApplyStats
	tmp := dir + ".rebuild"
	if err := os.RemoveAll(tmp); err != nil {
		return total, fmt.Errorf("rebuild: remove %s: %w", tmp, err)
	}
	ix, err := Open(tmp)
	if err != nil {
		return total, fmt.Errorf("rebuild: %w", err)
	}
	closed := false
	defer func() {
		if !closed {
			ix.Close()
			os.RemoveAll(tmp)
		}
	}()
	batchSize = max(batchSize, 1)
	batch := make([]lumen.ArticleTagged, 0, batchSize)
	flush := func() error {
		st, err := ix.Apply(ctx, batch)
		total.Articles += st.Articles
		total.Claims += st.Claims
		total.Stale += st.Stale
		batch = batch[:0]
		return err
	}
	err = replay(ctx, func(ev lumen.ArticleTagged) error {
		batch = append(batch, ev)
		if len(batch) >= batchSize {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil && reviews != nil {
		err = replayReviews(ctx, ix, reviews, batchSize, &total)
	}
	if err != nil {
		return total, fmt.Errorf("rebuild: %w", err)
	}
	closed = true
	if err := ix.Close(); err != nil {
		os.RemoveAll(tmp)
		return total, fmt.Errorf("rebuild: %w", err)
	}
	old := dir + ".old"
	if err := os.RemoveAll(old); err != nil {
		return total, fmt.Errorf("rebuild: remove %s: %w", old, err)
	}
	if _, err := os.Stat(dir); err == nil {
		if err := os.Rename(dir, old); err != nil {
			return total, fmt.Errorf("rebuild: move old index aside: %w", err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return total, fmt.Errorf("rebuild: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return total, fmt.Errorf("rebuild: move new index in place: %w", err)
	}
	if err := os.RemoveAll(old); err != nil {
		return total, fmt.Errorf("rebuild: remove old index: %w", err)
	}
	return total, nil
}

func replayReviews(ctx context.Context, ix *Index, reviews ReviewReplayer, batchSize int, total *ApplyStats) error {
	batch := make([]lumen.ReviewDecision, 0, batchSize)
	flush := func() error {
		st, err := ix.ApplyReviews(ctx, batch)
		total.Decisions += st.Decisions
		batch = batch[:0]
		return err
	}
	err := reviews(ctx, func(d lumen.ReviewDecision) error {
		batch = append(batch, d)
		if len(batch) >= batchSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}
