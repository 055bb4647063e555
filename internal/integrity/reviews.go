package integrity

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/bus"
)

// Kinds of Problem about curators' decisions.
const (
	// KindDecisionUnindexed: a decision the index's consumer acknowledged
	// (or sent to the dead letters) is missing from the index.
	KindDecisionUnindexed = "decision_unindexed"
	// KindDecisionLost: the index holds a decision the reviews stream, the
	// system of record, no longer has.
	KindDecisionLost = "decision_lost"
)

// Decisions publishes a curator's decision again (the bus's PublishDecision).
type Decisions interface {
	PublishDecision(ctx context.Context, d lumen.ReviewDecision, last uint64) (uint64, error)
}

// checkReviews compares the curators' decisions in the reviews stream with
// those the index holds. The index is read first: a decision reaches it
// only after the stream, so one found in the index and not in the stream
// is lost, not published while the check ran. A decision in the stream at
// or below the consumer's floor (acknowledged, or dead-lettered) and not in
// the index never reached it: --repair applies it. Decisions lost from the
// stream are published again from the index's copy when the stream lost
// every decision on their claim (the history is then rebuilt in order);
// otherwise the order cannot be restored and the check says so.
func (c *Checker) checkReviews(ctx context.Context, r *Report, floor uint64, hasFloor, repair bool) {
	held := map[string][]lumen.ReviewDecision{}
	if err := c.d.Index.ReviewLogs(ctx, func(id string, log []lumen.ReviewDecision) error {
		held[id] = log
		return nil
	}); err != nil {
		if ctx.Err() == nil {
			r.add(Problem{Kind: KindCheckFailed, Subject: "index", Count: 1, Detail: err.Error()})
		}
		return
	}
	type stored struct {
		seq uint64
		d   lumen.ReviewDecision
	}
	inStream := map[string][]stored{}
	undecodable := 0
	_, err := c.d.Streams.Scan(ctx, bus.StreamReviews, false, func(rec bus.Record) error {
		var d lumen.ReviewDecision
		if err := json.Unmarshal(rec.Data, &d); err != nil || !lumen.ValidID(d.ClaimID) || !lumen.ValidID(d.ArticleID) ||
			!slices.Contains(lumen.Actions, d.Action) {
			undecodable++
			return nil
		}
		inStream[d.ClaimID] = append(inStream[d.ClaimID], stored{rec.Seq, d})
		return nil
	})
	if err != nil {
		if ctx.Err() == nil {
			r.add(Problem{Kind: KindStreamUnreadable, Subject: bus.StreamReviews, Count: 1, Detail: err.Error()})
		}
		return
	}
	if undecodable > 0 {
		// Not a curator's: no decision is lost, and the stream keeps
		// everything (it refuses deletes), so this stays a warning.
		r.add(Problem{Kind: KindJunk, Subject: bus.StreamReviews, Count: undecodable, Warning: true,
			Detail: fmt.Sprintf("%d messages are no decision Lumen could make (undecodable, no valid claim or article id, or an unknown action); the index's consumer dead-letters them", undecodable)})
	}

	// In the stream, acknowledged, not in the index.
	var unindexed []lumen.ReviewDecision
	var ex []string
	if hasFloor {
		for id, ss := range inStream {
			have := versions(held[id])
			for _, s := range ss {
				if s.seq <= floor && !have[s.d.Version] {
					unindexed = append(unindexed, s.d)
					ex = append(ex, id)
				}
			}
		}
	}
	if len(unindexed) > 0 {
		slices.Sort(ex)
		p := r.add(Problem{Kind: KindDecisionUnindexed, Subject: "index", Count: len(unindexed), Examples: slices.Compact(ex),
			Detail: fmt.Sprintf("%d decisions in %s never reached the index", len(unindexed), bus.StreamReviews),
			Repair: "apply them to the index from the stream"})
		if repair {
			if _, err := c.d.Index.ApplyReviews(ctx, unindexed); err != nil {
				p.RepairErr = err.Error()
			} else {
				p.Repaired = p.Count
			}
		}
	}

	// In the index, not in the stream.
	lost, restorable := 0, map[string][]lumen.ReviewDecision{}
	ex = ex[:0]
	for id, log := range held {
		have := map[uint64]bool{}
		for _, s := range inStream[id] {
			have[s.d.Version] = true
		}
		missing := 0
		for _, d := range log {
			if !have[d.Version] {
				missing++
			}
		}
		if missing == 0 {
			continue
		}
		lost += missing
		ex = append(ex, id)
		if len(inStream[id]) == 0 {
			restorable[id] = log
		}
	}
	if lost == 0 {
		return
	}
	slices.Sort(ex)
	p := r.add(Problem{Kind: KindDecisionLost, Subject: bus.StreamReviews, Count: lost, Examples: ex,
		Detail: fmt.Sprintf("%d decisions on %d claims are in the index but no longer in the stream (do not rebuild the index before they are restored)", lost, len(ex)),
		Repair: "publish them again from the index's copy, where the stream lost every decision on the claim"})
	if !repair {
		return
	}
	if c.d.Decisions == nil {
		p.RepairErr = "this process cannot publish decisions"
		return
	}
	var failed []string
	for _, id := range ex {
		log, ok := restorable[id]
		if !ok {
			failed = append(failed, id)
			continue
		}
		slices.SortFunc(log, func(a, b lumen.ReviewDecision) int { return cmp.Compare(a.Version, b.Version) })
		var last uint64
		for _, d := range log {
			seq, err := c.d.Decisions.PublishDecision(ctx, d, last)
			if err != nil {
				p.RepairErr = err.Error()
				return
			}
			last = seq
			p.Repaired++
		}
	}
	if len(failed) > 0 {
		p.RepairErr = fmt.Sprintf("the stream still holds other decisions on %d claims (e.g. %s): their history cannot be restored in order; the index keeps its copy", len(failed), failed[0])
	}
}

func versions(log []lumen.ReviewDecision) map[uint64]bool {
	m := make(map[uint64]bool, len(log))
	for _, d := range log {
		m[d.Version] = true
	}
	return m
}
