package main

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/metrics"
)

// rejectingIndex fails every Apply that holds the article it rejects.
type rejectingIndex struct {
	reject  string
	calls   int
	applied []string
}

func (r *rejectingIndex) Apply(_ context.Context, evs []lumen.ArticleTagged) (indexer.ApplyStats, error) {
	r.calls++
	for _, ev := range evs {
		if ev.Article.ID == r.reject {
			return indexer.ApplyStats{}, errors.New("bleve refused the document")
		}
	}
	for _, ev := range evs {
		r.applied = append(r.applied, ev.Article.ID)
	}
	return indexer.ApplyStats{Articles: len(evs)}, nil
}

func tagged(ids ...string) []lumen.ArticleTagged {
	evs := make([]lumen.ArticleTagged, len(ids))
	for i, id := range ids {
		evs[i].Article.ID = id
	}
	return evs
}

// A batch bleve refuses is retried event by event: only the event it cannot
// take fails (and is redelivered); the others are indexed and acknowledged.
func TestBatchIndexerIsolatesAFailingEvent(t *testing.T) {
	ix := &rejectingIndex{reject: "b"}
	bi := batchIndexer{ix: ix, metrics: metrics.New(), log: slog.New(slog.DiscardHandler)}

	errs := bi.index(context.Background(), tagged("a", "b", "c"))
	if len(errs) != 3 || errs[0] != nil || errs[1] == nil || errs[2] != nil {
		t.Fatalf("errs = %v, want only the second event to fail", errs)
	}
	if !slices.Equal(ix.applied, []string{"a", "c"}) || ix.calls != 4 {
		t.Errorf("applied %v in %d calls, want [a c] in 4 (one batch, three single events)", ix.applied, ix.calls)
	}

	// A batch that goes through is one call and no errors.
	ix.applied, ix.calls = nil, 0
	if errs := bi.index(context.Background(), tagged("d", "e")); errs != nil || ix.calls != 1 {
		t.Errorf("good batch: errs %v, %d calls", errs, ix.calls)
	}

	// A single failing event, or a batch failing because the process is
	// stopping, fails as a whole without retries one by one.
	ix.calls = 0
	if errs := bi.index(context.Background(), tagged("b")); len(errs) != 1 || errs[0] == nil || ix.calls != 1 {
		t.Errorf("single bad event: errs %v, %d calls", errs, ix.calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ix.calls = 0
	if errs := bi.index(ctx, tagged("a", "b")); len(errs) != 2 || errs[0] == nil || errs[1] == nil || ix.calls != 1 {
		t.Errorf("canceled batch: errs %v, %d calls", errs, ix.calls)
	}
}
