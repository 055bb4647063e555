package indexer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/metrics"
)

// rejectingIndex fails every Apply that holds the article it rejects, or
// every Apply when down.
type rejectingIndex struct {
	reject  string
	down    error
	calls   int
	applied []string
}

func (r *rejectingIndex) ApplySeqs(_ context.Context, evs []lumen.ArticleTagged, _ []uint64) (ApplyStats, error) {
	r.calls++
	if r.down != nil {
		return ApplyStats{}, r.down
	}
	for _, ev := range evs {
		if ev.Article.ID == r.reject {
			return ApplyStats{}, errors.New("bleve refused the document")
		}
	}
	for _, ev := range evs {
		r.applied = append(r.applied, ev.Article.ID)
	}
	return ApplyStats{Articles: len(evs)}, nil
}

func (r *rejectingIndex) ApplyReviews(context.Context, []lumen.ReviewDecision) (ReviewStats, error) {
	return ReviewStats{}, nil
}

func events(ids ...string) []lumen.ArticleTagged {
	evs := make([]lumen.ArticleTagged, len(ids))
	for i, id := range ids {
		evs[i].Article.ID = id
	}
	return evs
}

// A batch bleve refuses is retried event by event: only the event it cannot
// take fails, as one that can never succeed (the bus moves it to the dead
// letters); the others are indexed and acknowledged.
func TestWriterIsolatesAFailingEvent(t *testing.T) {
	ix := &rejectingIndex{reject: "b"}
	w := NewWriter(ix, metrics.New(), nil)

	errs := w.Handle(context.Background(), events("a", "b", "c"), []uint64{1, 2, 3})
	if len(errs) != 3 || errs[0] != nil || !errors.Is(errs[1], lumen.ErrInvalid) || errs[2] != nil {
		t.Fatalf("errs = %v, want only the second event to fail, as invalid", errs)
	}
	if !slices.Equal(ix.applied, []string{"a", "c"}) || ix.calls != 4 {
		t.Errorf("applied %v in %d calls, want [a c] in 4 (one batch, three single events)", ix.applied, ix.calls)
	}

	// A batch that goes through is one call and no errors.
	ix.applied, ix.calls = nil, 0
	if errs := w.Handle(context.Background(), events("d", "e"), nil); errs != nil || ix.calls != 1 {
		t.Errorf("good batch: errs %v, %d calls", errs, ix.calls)
	}

	// A single failing event, or a batch failing because the process is
	// stopping, fails as a whole without retries one by one, for
	// redelivery.
	ix.calls = 0
	if errs := w.Handle(context.Background(), events("b"), nil); len(errs) != 1 || errs[0] == nil || errors.Is(errs[0], lumen.ErrInvalid) || ix.calls != 1 {
		t.Errorf("single bad event: errs %v, %d calls", errs, ix.calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ix.calls = 0
	if errs := w.Handle(ctx, events("a", "b"), nil); len(errs) != 2 || errs[0] == nil || errs[1] == nil || ix.calls != 1 {
		t.Errorf("canceled batch: errs %v, %d calls", errs, ix.calls)
	}

	// An index that is down (rebuilding) fails every event for redelivery,
	// none as invalid.
	ix.down, ix.calls = fmt.Errorf("index rebuilding: %w", lumen.ErrUnavailable), 0
	errs = w.Handle(context.Background(), events("a", "b", "c"), nil)
	for i, err := range errs {
		if !errors.Is(err, lumen.ErrUnavailable) || errors.Is(err, lumen.ErrInvalid) {
			t.Errorf("errs[%d] = %v, want unavailable", i, err)
		}
	}
	if ix.calls != 1 {
		t.Errorf("%d calls while the index is down, want 1", ix.calls)
	}
}

// A decision no curator could have made goes to the dead letters (an error
// wrapping ErrInvalid for it); the others in its batch are applied.
func TestWriterDeadLettersInvalidDecisions(t *testing.T) {
	w := NewWriter(&rejectingIndex{}, metrics.New(), nil)
	good := lumen.ReviewDecision{ClaimID: lumen.NewID("c"), ArticleID: lumen.NewID("a"), Action: lumen.ActionAccept}
	bad := []lumen.ReviewDecision{
		{ClaimID: "junkclaim", ArticleID: lumen.NewID("a"), Action: lumen.ActionAccept},
		{ClaimID: lumen.NewID("c"), ArticleID: "", Action: lumen.ActionAccept},
		{ClaimID: lumen.NewID("c"), ArticleID: lumen.NewID("a"), Action: "explode"},
	}
	errs := w.HandleReviews(context.Background(), append([]lumen.ReviewDecision{good}, bad...), nil)
	if len(errs) != 4 || errs[0] != nil {
		t.Fatalf("errs = %v, want the valid decision applied", errs)
	}
	for i, err := range errs[1:] {
		if !errors.Is(err, lumen.ErrInvalid) {
			t.Errorf("invalid decision %d: %v, want ErrInvalid", i, err)
		}
	}
	if errs := w.HandleReviews(context.Background(), []lumen.ReviewDecision{good}, nil); errs != nil {
		t.Errorf("a valid batch = %v, want nil", errs)
	}
}
