package bus

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/lumen-research/lumen"
)

// Headers of a dead letter: where the message came from and why it failed.
const (
	headerDeadStream   = "Lumen-Dead-Stream"
	headerDeadConsumer = "Lumen-Dead-Consumer"
	headerDeadSubject  = "Lumen-Dead-Subject"
	headerDeadSeq      = "Lumen-Dead-Seq"
	headerDeadError    = "Lumen-Dead-Error"
	headerDeadAttempts = "Lumen-Dead-Attempts"
	headerDeadAt       = "Lumen-Dead-At"
)

// maxDeadError bounds the error text kept with a dead letter (a panic's
// stack can be long).
const maxDeadError = 4096

// DeadLetter is a message a consumer could never handle, kept with why.
type DeadLetter = lumen.DeadLetter

// deadLetter stores msg in the dead-letter stream with its error and the
// number of times it was delivered. The message id makes a second dead
// letter of the same message (from a redelivery) a duplicate.
func (b *Bus) deadLetter(ctx context.Context, stream, durable string, msg jetstream.Msg, cause error) error {
	md, err := msg.Metadata()
	if err != nil {
		return fmt.Errorf("dead letter: %w", err)
	}
	text := cause.Error()
	if len(text) > maxDeadError {
		text = text[:maxDeadError] + "..."
	}
	dl := nats.NewMsg(fmt.Sprintf("%s.%s.%s", SubjectDead, stream, durable))
	dl.Data = msg.Data()
	dl.Header.Set(headerDeadStream, stream)
	dl.Header.Set(headerDeadConsumer, durable)
	dl.Header.Set(headerDeadSubject, msg.Subject())
	dl.Header.Set(headerDeadSeq, strconv.FormatUint(md.Sequence.Stream, 10))
	dl.Header.Set(headerDeadError, text)
	dl.Header.Set(headerDeadAttempts, strconv.FormatUint(md.NumDelivered, 10))
	dl.Header.Set(headerDeadAt, time.Now().UTC().Format(time.RFC3339Nano))
	ctx, cancel := context.WithTimeout(ctx, publishTimout)
	defer cancel()
	if _, err := b.js.PublishMsg(ctx, dl, jetstream.WithMsgID(fmt.Sprintf("%s.%d", stream, md.Sequence.Stream))); err != nil {
		return fmt.Errorf("dead letter: %w", err)
	}
	return nil
}

// DeadLetterCount is the number of messages in the dead-letter stream, as
// the server counts them (no message is read).
func (b *Bus) DeadLetterCount(ctx context.Context) (int, error) {
	s, err := b.js.Stream(ctx, StreamDead)
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", StreamDead, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", StreamDead, err)
	}
	return int(info.State.Msgs), nil
}

// DeadLetters lists the dead letters, oldest first.
func (b *Bus) DeadLetters(ctx context.Context) ([]DeadLetter, error) {
	var out []DeadLetter
	_, err := b.Scan(ctx, StreamDead, true, func(r Record) error {
		out = append(out, deadLetterOf(r.Seq, r.Header, r.Data))
		return nil
	})
	return out, err
}

func deadLetterOf(id uint64, h nats.Header, data []byte) DeadLetter {
	seq, _ := strconv.ParseUint(h.Get(headerDeadSeq), 10, 64)
	attempts, _ := strconv.ParseUint(h.Get(headerDeadAttempts), 10, 64)
	at, _ := time.Parse(time.RFC3339Nano, h.Get(headerDeadAt))
	size, _ := strconv.Atoi(h.Get("Nats-Msg-Size"))
	if size == 0 {
		size = len(data)
	}
	return DeadLetter{
		ID: id, Stream: h.Get(headerDeadStream), Consumer: h.Get(headerDeadConsumer), Subject: h.Get(headerDeadSubject),
		Seq: seq, Error: h.Get(headerDeadError), Attempts: attempts, At: at, Size: size,
	}
}

// Outcomes of ReplayDeadLetter.
const (
	// Requeued: the message was published again to its subject, so its
	// consumer handles it again.
	Requeued = "requeued"
	// Superseded: a newer message on the subject replaced it since; the
	// consumer handles that one, so the dead letter was dropped.
	Superseded = "superseded"
	// LeftToCheck: a curator's decision, which the reviews stream keeps
	// for good (publishing it again would write the claim's history
	// twice). The dead letter was dropped; the data check of serve and run
	// (at start and every check.interval, or lumen check --repair where the
	// index is) applies every decision the index lacks.
	LeftToCheck = "dropped: the decision stays in " + StreamReviews + "; the next data check of serve applies it to the index"
)

// ReplayDeadLetter re-queues the dead letter id: it publishes the message
// again to its subject, provided the message is still the latest on it
// (for the streams that keep the latest message per subject), and deletes
// the dead letter. It returns Requeued or Superseded; for a decision, which
// is never published twice, LeftToCheck.
func (b *Bus) ReplayDeadLetter(ctx context.Context, id uint64) (string, error) {
	s, err := b.js.Stream(ctx, StreamDead)
	if err != nil {
		return "", fmt.Errorf("stream %s: %w", StreamDead, err)
	}
	m, err := s.GetMsg(ctx, id)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return "", fmt.Errorf("dead letter %d: %w", id, lumen.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("dead letter %d: %w", id, err)
	}
	dl := deadLetterOf(m.Sequence, m.Header, m.Data)
	if dl.Stream == StreamReviews {
		if err := s.DeleteMsg(ctx, id); err != nil && !isNoMessage(err) {
			return "", fmt.Errorf("delete dead letter %d: %w", id, err)
		}
		return LeftToCheck, nil
	}
	spec, ok := streamSpec(dl.Stream)
	if !ok || !spec.LatestOnly {
		return "", fmt.Errorf("dead letter %d from %s: only messages of streams that keep the latest message per subject can be re-queued: %w", id, dl.Stream, lumen.ErrInvalid)
	}
	msg := nats.NewMsg(dl.Subject)
	msg.Data = m.Data
	for k, v := range m.Header {
		if len(k) > 10 && k[:10] == "Lumen-Dead" || k == "Nats-Msg-Id" || k == "Nats-Expected-Last-Subject-Sequence" {
			continue
		}
		msg.Header[k] = v
	}
	pctx, cancel := context.WithTimeout(ctx, publishTimout)
	defer cancel()
	outcome := Requeued
	_, err = b.js.PublishMsg(pctx, msg, jetstream.WithMsgID(fmt.Sprintf("replay.%d.%d", id, time.Now().UnixNano())),
		jetstream.WithExpectLastSequencePerSubject(dl.Seq))
	switch {
	case isWrongLastSequence(err):
		outcome = Superseded
	case err != nil:
		return "", fmt.Errorf("re-queue dead letter %d: %w", id, err)
	}
	if err := s.DeleteMsg(ctx, id); err != nil && !isNoMessage(err) {
		return "", fmt.Errorf("delete dead letter %d: %w", id, err)
	}
	return outcome, nil
}

// DeleteDeadLetter drops the dead letter id.
func (b *Bus) DeleteDeadLetter(ctx context.Context, id uint64) error {
	s, err := b.js.Stream(ctx, StreamDead)
	if err != nil {
		return fmt.Errorf("stream %s: %w", StreamDead, err)
	}
	if err := s.DeleteMsg(ctx, id); err != nil {
		if isNoMessage(err) {
			return fmt.Errorf("dead letter %d: %w", id, lumen.ErrNotFound)
		}
		return fmt.Errorf("delete dead letter %d: %w", id, err)
	}
	return nil
}

// isNoMessage reports the server's answer that a message is not there (a
// delete of a deleted message answers a deletion failure, not "not
// found").
func isNoMessage(err error) bool {
	// nats.go gives the server's answer as text in that case.
	return errors.Is(err, jetstream.ErrMsgNotFound) || strings.Contains(err.Error(), "no message found")
}
