package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/lumen-research/lumen"
)

// ResumeFunc returns the stream sequence a consumer that has to be created
// anew (its state lost or unreadable) should start from: the high-water mark
// of what its effects already hold, plus one. 0 means from the start.
type ResumeFunc func(ctx context.Context) (uint64, error)

// SetResume registers where the consumer durable on stream resumes when it
// must be recreated (see RecreateConsumer). Without one it starts from the
// beginning of the stream, which is safe (consumers are idempotent) but slow.
func (b *Bus) SetResume(stream, durable string, fn ResumeFunc) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.resume[ConsumerSpec{stream, durable}] = fn
}

func (b *Bus) consumerConfig(durable string) jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{
		Durable:       durable,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       b.ackWait,
		MaxDeliver:    maxDeliver,
		MaxAckPending: 1000,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	}
}

// consumer creates a durable pull consumer, or updates it when it exists
// with another configuration (see ensureStream for why not always update).
// A consumer the server cannot load (its state file is corrupt) is
// recreated from where its ResumeFunc says, and the repair is noted.
func (b *Bus) consumer(ctx context.Context, stream, durable string) (jetstream.Consumer, error) {
	b.consumerMu.Lock() // one creation or repair of a consumer at a time
	defer b.consumerMu.Unlock()
	// On a cluster, creating a replicated consumer waits for its group to
	// form, which takes a while when a node is down or leaders change:
	// retry as for a server not yet up.
	deadline := time.Now().Add(connectWait)
	var (
		c   jetstream.Consumer
		err error
	)
	for {
		c, err = retry(ctx, func(ctx context.Context) (jetstream.Consumer, error) {
			cfg := b.consumerConfig(durable)
			c, err := b.js.CreateConsumer(ctx, stream, cfg)
			if errors.Is(err, jetstream.ErrConsumerExists) {
				// Where a consumer starts cannot change (one recreated from
				// a resume point starts there); the rest may.
				if cur, cerr := b.js.Consumer(ctx, stream, durable); cerr == nil {
					cfg.DeliverPolicy, cfg.OptStartSeq = cur.CachedInfo().Config.DeliverPolicy, cur.CachedInfo().Config.OptStartSeq
				}
				c, err = b.js.UpdateConsumer(ctx, stream, cfg)
			}
			return c, err
		})
		if !transient(err) || ctx.Err() != nil || time.Now().After(deadline) {
			break
		}
		b.log.Info("waiting for JetStream to create a consumer", "consumer", durable, "err", err)
	}
	if err != nil && isBrokenConsumer(err) {
		if rerr := b.recreateConsumer(ctx, stream, durable, 0); rerr != nil {
			return nil, fmt.Errorf("consumer %s on %s: %w; recreating it: %w", durable, stream, err, rerr)
		}
		return b.js.Consumer(ctx, stream, durable)
	}
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", durable, stream, err)
	}
	return c, nil
}

// isBrokenConsumer reports the server's refusal to load a consumer's
// stored state (a corrupt state file, say).
func isBrokenConsumer(err error) bool {
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeConsumerCreate &&
		strings.Contains(apiErr.Description, "store")
}

// RecreateConsumer deletes the durable consumer (and, on the embedded
// server, the state it could not load) and creates it again starting at
// startSeq; 0 asks the consumer's ResumeFunc, or starts from the beginning.
// Messages from the start sequence on are delivered again: consumers are
// idempotent.
func (b *Bus) RecreateConsumer(ctx context.Context, stream, durable string, startSeq uint64) error {
	b.consumerMu.Lock()
	defer b.consumerMu.Unlock()
	// Another part of the process (a consumer starting) may have repaired
	// it while this caller waited.
	if _, err := b.js.Consumer(ctx, stream, durable); err == nil {
		return nil
	}
	return b.recreateConsumer(ctx, stream, durable, startSeq)
}

func (b *Bus) recreateConsumer(ctx context.Context, stream, durable string, startSeq uint64) error {
	if startSeq == 0 {
		b.mu.Lock()
		fn := b.resume[ConsumerSpec{stream, durable}]
		b.mu.Unlock()
		if fn != nil {
			seq, err := fn(ctx)
			if err != nil {
				return fmt.Errorf("resume point of %s: %w", durable, err)
			}
			startSeq = seq
		}
	}
	if err := b.js.DeleteConsumer(ctx, stream, durable); err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return fmt.Errorf("delete consumer %s: %w", durable, err)
	}
	if b.server != nil {
		if err := b.server.removeConsumerStore(stream, durable); err != nil {
			return err
		}
	}
	cfg := b.consumerConfig(durable)
	if startSeq > 1 {
		cfg.DeliverPolicy = jetstream.DeliverByStartSequencePolicy
		cfg.OptStartSeq = startSeq
	}
	if _, err := b.js.CreateConsumer(ctx, stream, cfg); err != nil {
		if isBrokenConsumer(err) && b.server == nil {
			return fmt.Errorf("create consumer %s on %s: %w (the NATS server cannot load its state: on the server, remove the directory streams/%s/obs/%s under its JetStream store and restart it)",
				durable, stream, err, stream, durable)
		}
		return fmt.Errorf("create consumer %s on %s: %w", durable, stream, err)
	}
	b.note(Note{Kind: NoteConsumerRecreated, Stream: stream, Consumer: durable,
		Detail: fmt.Sprintf("consumer %s on %s recreated from stream sequence %d", durable, stream, max(startSeq, 1))})
	return nil
}

// EnsureConsumer creates the durable consumer if it is not there (from
// the start of its stream), as its role does when it first runs.
func (b *Bus) EnsureConsumer(ctx context.Context, stream, durable string) error {
	_, err := b.consumer(ctx, stream, durable)
	return err
}

// EnsureConsumers creates the pipeline's durable consumers, so that messages
// published before the consumers first run are counted as pending.
func (b *Bus) EnsureConsumers(ctx context.Context) error {
	for _, c := range b.Consumers() {
		if _, err := b.consumer(ctx, c.Stream, c.Durable); err != nil {
			return err
		}
	}
	return nil
}

// Pending returns how many messages the durable consumer has not yet
// acknowledged (waiting plus in flight).
func (b *Bus) Pending(ctx context.Context, stream, durable string) (uint64, error) {
	c, err := b.js.Consumer(ctx, stream, durable)
	if err != nil {
		return 0, fmt.Errorf("consumer %s: %w", durable, err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("consumer %s info: %w", durable, err)
	}
	return info.NumPending + uint64(info.NumAckPending), nil
}

// ConsumeFetched runs handle for each ArticleFetched on the tagger consumer with
// up to concurrency handlers at once, until ctx is cancelled. Processes that
// share the durable consumer share the work. See consume for the ack rules.
func (b *Bus) ConsumeFetched(ctx context.Context, concurrency int, handle func(context.Context, lumen.ArticleFetched) error) error {
	return consume(ctx, b, StreamArticles, ConsumerTagger, concurrency, handle)
}

// consume delivers messages to handle with up to concurrency at once. A nil
// result acks the message; an error wrapping lumen.ErrInvalid, a message
// that does not decode, or a handler that panics, sends it to the
// dead-letter stream (see settle); any other error naks it for redelivery
// with backoff. While handlers work, the server is told they are in
// progress. When ctx is cancelled, consume stops pulling, lets the handlers
// finish what was already delivered (within handlerGrace), and returns.
func consume[T any](ctx context.Context, b *Bus, stream, durable string, concurrency int, handle func(context.Context, T) error) error {
	c, err := b.consumer(ctx, stream, durable)
	if err != nil {
		return err
	}
	concurrency = max(concurrency, 1)
	// A short expiry: when the consumer moves to another node (a node of
	// the cluster died) the pull is renewed within seconds, not 30.
	it, err := c.Messages(jetstream.PullMaxMessages(concurrency), jetstream.PullExpiry(5*time.Second))
	if err != nil {
		return fmt.Errorf("consume %s: %w", durable, err)
	}
	log := b.log.With("consumer", durable)
	hctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	held := newHeld()
	stopProgress := held.run(b.ackWait/4, log)
	defer stopProgress()

	var wg sync.WaitGroup
	for range concurrency {
		wg.Go(func() {
			for {
				msg, err := it.Next()
				if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
					return
				}
				if err != nil {
					log.Warn("next message", "err", err)
					continue
				}
				held.add(msg)
				var v T
				if err := decode(msg.Data(), &v); err != nil {
					err = fmt.Errorf("undecodable message: %w: %w", err, lumen.ErrInvalid)
					b.settle(hctx, log, stream, durable, msg, err)
				} else {
					b.settle(hctx, log, stream, durable, msg, safeHandle(hctx, handle, v))
				}
				held.remove(msg)
			}
		})
	}
	workersDone := make(chan struct{})
	go func() { wg.Wait(); close(workersDone) }()
	select {
	case <-ctx.Done():
	case <-workersDone:
		// The iterator closed under us (consumer deleted, connection
		// closed for good): report it, so that the process does not go on
		// looking healthy while consuming nothing.
		b.flush()
		return fmt.Errorf("consume %s: message iterator closed: %w", durable, lumen.ErrUnavailable)
	}
	it.Drain()
	timer := time.AfterFunc(handlerGrace, cancel)
	defer timer.Stop()
	<-workersDone
	b.flush()
	return nil
}

// errPanic marks a handler that panicked: a message that makes a handler
// panic is taken as one that can never succeed.
var errPanic = errors.New("handler panic")

func safeHandle[T any](ctx context.Context, handle func(context.Context, T) error, v T) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v\n%s", errPanic, p, debug.Stack())
		}
	}()
	return handle(ctx, v)
}

// flush makes sure the acknowledgements sent so far have reached the server
// before a consumer returns (the process may exit right after).
func (b *Bus) flush() {
	if err := b.nc.FlushTimeout(5 * time.Second); err != nil {
		b.log.Warn("flush acknowledgements", "err", err)
	}
}

// settle acknowledges a handled message. One that can never succeed (err
// wraps lumen.ErrInvalid, or the handler panicked) goes to the dead-letter
// stream and is then terminated, so that it never blocks the rest and is
// never lost; if the dead letter cannot be stored, the message is
// redelivered instead. Any other error naks it for redelivery with backoff.
func (b *Bus) settle(ctx context.Context, log *slog.Logger, stream, durable string, msg jetstream.Msg, err error) {
	switch {
	case err == nil:
		if aerr := msg.Ack(); aerr != nil {
			log.Warn("ack", "subject", msg.Subject(), "err", aerr)
		}
	case errors.Is(err, lumen.ErrInvalid), errors.Is(err, errPanic):
		if derr := b.deadLetter(ctx, stream, durable, msg, err); derr != nil {
			log.Error("dead letter not stored; the message will be redelivered", "subject", msg.Subject(), "err", err, "dead_letter_err", derr)
			_ = msg.NakWithDelay(backoff(1))
			return
		}
		log.Error("message moved to the dead letters", "subject", msg.Subject(), "err", err)
		_ = msg.Term()
	default:
		delay := time.Second
		if md, merr := msg.Metadata(); merr == nil {
			delay = backoff(md.NumDelivered)
		}
		if errors.Is(err, lumen.ErrUnavailable) {
			// The index rebuilding, say: back soon, and then every
			// message waiting should go through without long delays.
			delay = min(delay, unavailableBackoff)
		}
		if ctx.Err() == nil {
			log.Warn("message will be redelivered", "subject", msg.Subject(), "delay", delay, "err", err)
		}
		_ = msg.NakWithDelay(delay)
	}
}

// unavailableBackoff caps the redelivery delay of a message that failed
// because a dependency was unavailable.
const unavailableBackoff = 5 * time.Second

// backoff grows with the delivery count: 1s, 2s, 4s ... capped at 2 minutes.
func backoff(delivered uint64) time.Duration {
	d := time.Second << min(delivered, 7)
	return min(d, 2*time.Minute)
}

// BatchHandler handles a batch of events; seqs are their stream sequences.
// It returns nil when all succeeded, or one error (nil for success) per
// event, settled as in consume.
type BatchHandler[T any] func(ctx context.Context, events []T, seqs []uint64) []error

// ConsumeTaggedBatches delivers ArticleTagged events to handle in batches of up
// to maxBatch, collected for at most maxWait. Each message is acknowledged
// only after handle reported its event done, and naked for redelivery (or
// sent to the dead letters) otherwise. The next batch is pulled and decoded
// while handle works on the current one (at most one batch ahead), and
// every message is reported in progress from the moment it is read, so
// that none waits unreported in a client buffer. When ctx is cancelled it
// handles what was already delivered and returns.
func (b *Bus) ConsumeTaggedBatches(ctx context.Context, maxBatch int, maxWait time.Duration, handle BatchHandler[lumen.ArticleTagged]) error {
	return consumeBatches(ctx, b, StreamTagged, b.indexer, maxBatch, maxWait, handle)
}

// fetchedBatch is a batch of messages pulled and decoded, not yet handled.
type fetchedBatch[T any] struct {
	msgs   []jetstream.Msg
	events []T
	seqs   []uint64
}

func consumeBatches[T any](ctx context.Context, b *Bus, stream, durable string, maxBatch int, maxWait time.Duration, handle BatchHandler[T]) error {
	c, err := b.consumer(ctx, stream, durable)
	if err != nil {
		return err
	}
	maxBatch = max(maxBatch, 1)
	maxWait = max(maxWait, 10*time.Millisecond)
	log := b.log.With("consumer", durable)
	hctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	held := newHeld()
	stopProgress := held.run(b.ackWait/4, log)
	defer stopProgress()

	// fetch pulls and decodes the next batch (a message that does not
	// decode is dead-lettered here) while this goroutine handles the
	// current one: the unbuffered channel keeps it one batch ahead at most,
	// and every message it reads is in held, reported in progress, until
	// settled. It stops pulling when ctx is done but hands over what it
	// already holds; it returns an error when the consumer is gone for good.
	ready := make(chan fetchedBatch[T])
	fetch := func() error {
		for ctx.Err() == nil {
			batch, err := c.Fetch(maxBatch, jetstream.FetchMaxWait(maxWait))
			if err != nil {
				if errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, nats.ErrConnectionClosed) {
					return fmt.Errorf("consume %s: %w: %w", durable, err, lumen.ErrUnavailable)
				}
				log.Warn("fetch", "err", err)
				if !sleep(ctx, time.Second) {
					break
				}
				continue
			}
			var fb fetchedBatch[T]
			for msg := range batch.Messages() {
				held.add(msg)
				var ev T
				if err := decode(msg.Data(), &ev); err != nil {
					b.settle(hctx, log, stream, durable, msg, fmt.Errorf("undecodable message: %w: %w", err, lumen.ErrInvalid))
					held.remove(msg)
					continue
				}
				var seq uint64
				if md, err := msg.Metadata(); err == nil {
					seq = md.Sequence.Stream
				}
				fb.msgs, fb.events, fb.seqs = append(fb.msgs, msg), append(fb.events, ev), append(fb.seqs, seq)
			}
			if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) {
				log.Debug("fetch ended", "err", err)
			}
			if len(fb.msgs) == 0 {
				continue
			}
			// Not abandoned when ctx is done: what was delivered is handled.
			ready <- fb
		}
		return nil
	}
	var fetchErr error
	go func() {
		defer close(ready)
		fetchErr = fetch()
	}()
	for fb := range ready { // until fetch has returned
		errs := safeBatch(hctx, handle, fb.events, fb.seqs)
		for i, m := range fb.msgs {
			var err error
			if errs != nil {
				if i < len(errs) {
					err = errs[i]
				} else {
					err = errors.New("batch handler returned too few results")
				}
			}
			b.settle(hctx, log, stream, durable, m, err)
			held.remove(m)
		}
	}
	b.flush()
	return fetchErr
}

// safeBatch runs handle; a panic fails every event of the batch for
// redelivery (the panic may come from the index, not from the events: the
// per-event fallback of the handler tells them apart).
func safeBatch[T any](ctx context.Context, handle BatchHandler[T], events []T, seqs []uint64) (errs []error) {
	defer func() {
		if p := recover(); p != nil {
			err := fmt.Errorf("batch handler panic: %v", p)
			errs = make([]error, len(events))
			for i := range errs {
				errs[i] = err
			}
		}
	}()
	return handle(ctx, events, seqs)
}

// sleep waits d or until ctx is done; it reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// held is the set of messages a consumer is working on; run tells the
// server they are in progress, so that a short AckWait does not redeliver
// a message whose handler is merely slow.
type held struct {
	mu   sync.Mutex
	msgs map[jetstream.Msg]struct{}
}

func newHeld() *held { return &held{msgs: map[jetstream.Msg]struct{}{}} }

func (h *held) add(m jetstream.Msg) {
	h.mu.Lock()
	h.msgs[m] = struct{}{}
	h.mu.Unlock()
}

func (h *held) remove(m jetstream.Msg) {
	h.mu.Lock()
	delete(h.msgs, m)
	h.mu.Unlock()
}

// run signals progress on the held messages every interval until the
// returned stop is called (which waits for the goroutine to end).
func (h *held) run(interval time.Duration, log *slog.Logger) (stop func()) {
	interval = max(interval, 50*time.Millisecond)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			h.mu.Lock()
			msgs := make([]jetstream.Msg, 0, len(h.msgs))
			for m := range h.msgs {
				msgs = append(msgs, m)
			}
			h.mu.Unlock()
			for _, m := range msgs {
				if err := m.InProgress(); err != nil {
					log.Debug("in progress", "subject", m.Subject(), "err", err)
				}
			}
		}
	})
	return func() { close(done); wg.Wait() }
}
