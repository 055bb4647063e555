package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/lumen-research/lumen"
)

// The reviews stream: curators' decisions, one subject per claim, every
// decision kept (the claim's history), never replaced or deleted.
const (
	StreamReviews         = "LUMEN_REVIEWS"
	SubjectReviews        = "lumen.reviews"
	ConsumerReviewIndexer = "review-indexer"
)

// maxDecisionBytes bounds one decision event (the API bounds bodies to 64 KiB).
const maxDecisionBytes = 256 << 10

func reviewStreamConfig() jetstream.StreamConfig {
	return jetstream.StreamConfig{
		Name:        StreamReviews,
		Description: "curators' decisions on claims: one subject per claim, every decision kept",
		Subjects:    []string{SubjectReviews + ".*"},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		// No MaxMsgsPerSubject, MaxAge or MaxMsgs: nothing a curator
		// confirmed is ever dropped.
		Duplicates: dupeWindow,
		MaxMsgSize: maxDecisionBytes,
		// Decisions are history: refuse deletes and purges.
		DenyDelete: true,
		DenyPurge:  true,
	}
}

func (b *Bus) reviewStream(ctx context.Context) (jetstream.Stream, error) {
	b.mu.Lock()
	s := b.reviews
	b.mu.Unlock()
	if s != nil {
		return s, nil
	}
	s, err := b.js.Stream(ctx, StreamReviews)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", StreamReviews, err)
	}
	b.mu.Lock()
	b.reviews = s
	b.mu.Unlock()
	return s, nil
}

func reviewSubject(claimID string) string { return SubjectReviews + "." + claimID }

// Decisions returns every decision on a claim, oldest first, and the stream
// sequence of the latest (0 when there is none): the precondition for
// PublishDecision.
func (b *Bus) Decisions(ctx context.Context, claimID string) ([]lumen.ReviewDecision, uint64, error) {
	if !lumen.ValidID(claimID) {
		return nil, 0, fmt.Errorf("claim %q: %w", claimID, lumen.ErrNotFound)
	}
	s, err := b.reviewStream(ctx)
	if err != nil {
		return nil, 0, err
	}
	var (
		out  []lumen.ReviewDecision
		last uint64
	)
	subject := reviewSubject(claimID)
	for seq := uint64(1); ; {
		m, err := s.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(subject))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return out, last, nil
		}
		if err != nil {
			return nil, 0, fmt.Errorf("decisions on %s: %w", claimID, err)
		}
		var d lumen.ReviewDecision
		if err := decode(m.Data, &d); err != nil {
			return nil, 0, fmt.Errorf("decode decision %d on %s: %w", m.Sequence, claimID, err)
		}
		out = append(out, d)
		last = m.Sequence
		seq = m.Sequence + 1
	}
}

// PublishDecision appends d to its claim's history, provided the claim's
// latest decision is still the one at stream sequence last (0: none yet).
// It returns once JetStream has stored the decision, with its sequence. A
// decision that another got in before gives an error wrapping
// lumen.ErrConflict. Publishing the same decision again (a retry) is
// recognised and not stored twice.
func (b *Bus) PublishDecision(ctx context.Context, d lumen.ReviewDecision, last uint64) (uint64, error) {
	if !lumen.ValidID(d.ClaimID) {
		return 0, fmt.Errorf("publish decision: %w", lumen.Invalidf("claim_id", "%q is not a valid claim id", d.ClaimID))
	}
	data, err := json.Marshal(d)
	if err != nil {
		return 0, fmt.Errorf("encode decision on %s: %w", d.ClaimID, err)
	}
	if len(data) > maxDecisionBytes {
		return 0, fmt.Errorf("publish decision on %s: %d bytes: %w", d.ClaimID, len(data), lumen.ErrInvalid)
	}
	msg := nats.NewMsg(reviewSubject(d.ClaimID))
	msg.Data = data
	// The same decision by the same curator on the same version is one
	// decision, however often it is sent.
	msgID := d.ClaimID + "." + strconv.FormatUint(d.Version, 10) + "." + lumen.Hash(d.Curator, d.Action, d.Status, d.Reason, d.Note, correctionKey(d.Correction))
	ctx, cancel := context.WithTimeout(ctx, publishTimout)
	defer cancel()
	ack, err := b.js.PublishMsg(ctx, msg, jetstream.WithMsgID(msgID), jetstream.WithExpectLastSequencePerSubject(last))
	if isWrongLastSequence(err) {
		return 0, fmt.Errorf("decision on claim %s: another decision came first: %w", d.ClaimID, lumen.ErrConflict)
	}
	if err != nil {
		return 0, fmt.Errorf("publish decision on %s: %w", d.ClaimID, err)
	}
	return ack.Sequence, nil
}

func correctionKey(a *lumen.Assertion) string {
	if a == nil {
		return ""
	}
	return a.Hash()
}

// EnsureReviewConsumer creates the consumer that applies decisions to the
// index, so that decisions made before it first runs count as pending.
// (EnsureConsumers creates it too, with the others.)
func (b *Bus) EnsureReviewConsumer(ctx context.Context) error {
	_, err := b.consumer(ctx, StreamReviews, b.reviewIndexer)
	return err
}

// ConsumeReviewBatches delivers decisions to handle in batches, like
// ConsumeTaggedBatches.
func (b *Bus) ConsumeReviewBatches(ctx context.Context, maxBatch int, maxWait time.Duration, handle BatchHandler[lumen.ReviewDecision]) error {
	return consumeBatches(ctx, b, StreamReviews, b.reviewIndexer, maxBatch, maxWait, handle)
}

// ReplayReviews calls fn for every decision in the stream, in the order
// they were made, and returns when it has seen them all.
func (b *Bus) ReplayReviews(ctx context.Context, fn func(lumen.ReviewDecision) error) error {
	return replay(ctx, b, StreamReviews, fn)
}

// ReplayReviewsFrom calls fn for every decision from the stream position
// from on, with its position, in the order they were made. It returns the
// position of the last decision there is (at least that of the last one
// fn saw; lower than from when the stream was emptied or recreated since
// the caller last read it).
func (b *Bus) ReplayReviewsFrom(ctx context.Context, from uint64, fn func(seq uint64, d lumen.ReviewDecision) error) (uint64, error) {
	info, err := b.leaderInfo(ctx, StreamReviews)
	if err != nil {
		return 0, fmt.Errorf("replay %s: %w", StreamReviews, err)
	}
	last := info.State.LastSeq
	_, err = b.ScanFrom(ctx, StreamReviews, false, from, func(r Record) error {
		last = max(last, r.Seq)
		var d lumen.ReviewDecision
		if err := decode(r.Data, &d); err != nil {
			b.log.Error("replay: undecodable decision skipped", "subject", r.Subject, "seq", r.Seq, "err", err)
			return nil
		}
		return fn(r.Seq, d)
	})
	if err != nil {
		return 0, fmt.Errorf("replay %s: %w", StreamReviews, err)
	}
	return last, nil
}
