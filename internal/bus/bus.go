// Package bus carries Lumen's events over NATS JetStream and keeps its durable
// state in JetStream streams and key-value buckets. It is the only package that
// imports nats.go and nats-server.
//
// Streams (each keeps the latest message per article, so together they are the
// system of record the search index is rebuilt from):
//
//	LUMEN_ARTICLES  lumen.articles.fetched.<article id>  ArticleFetched
//	LUMEN_TAGGED    lumen.articles.tagged.<article id>   ArticleTagged
//
// Delivery is at least once: handlers must be idempotent, and a message is
// acknowledged only after its handler (or batch handler) returned nil.
package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/lumen-research/lumen"
)

// Stream, subject and consumer names.
const (
	StreamArticles = "LUMEN_ARTICLES"
	StreamTagged   = "LUMEN_TAGGED"
	SubjectFetched = "lumen.articles.fetched"
	SubjectTagged  = "lumen.articles.tagged"

	ConsumerTagger  = "tagger"
	ConsumerIndexer = "indexer"
)

const (
	// ackWait is how long a delivered message may stay unacknowledged
	// before the server redelivers it (after a crash, say).
	ackWait = 30 * time.Second
	// maxDeliver -1: a message that fails for a transient reason (the index
	// or the tagged stream unavailable) is retried, with backoff, for as
	// long as it takes; one that can never succeed is terminated instead
	// (see settle), so nothing leaves the live pipeline silently.
	maxDeliver    = -1
	dupeWindow    = time.Hour
	publishTimout = 30 * time.Second
	// handlerGrace bounds how long in-flight handlers may run after shutdown began.
	handlerGrace = 10 * time.Second
)

// Options configure a connection.
type Options struct {
	// URL of an external NATS server; ignored when Server is set.
	URL string
	// Server, when set, is an embedded server to connect to in-process.
	Server *Server
	// Name identifies the connection in the server's monitoring.
	Name   string
	Logger *slog.Logger
	// Replicas for streams and buckets created on a clustered server (default 1).
	Replicas int
}

// Bus is a connection to NATS with Lumen's streams in place.
type Bus struct {
	nc       *nats.Conn
	js       jetstream.JetStream
	log      *slog.Logger
	replicas int

	mu      sync.Mutex
	kvs     map[string]*KV
	reviews jetstream.Stream // the reviews stream, once looked up

	closed chan struct{} // closed when the connection is
}

// Connect connects to NATS and creates (or updates) the streams.
func Connect(ctx context.Context, opts Options) (*Bus, error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "bus")
	closed := make(chan struct{})
	nopts := []nats.Option{
		nats.ClosedHandler(func(*nats.Conn) { close(closed) }),
		nats.Name(opts.Name),
		nats.MaxReconnects(-1),
		nats.DrainTimeout(10 * time.Second),
		nats.ReconnectWait(time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) { log.Info("nats reconnected", "url", nc.ConnectedUrlRedacted()) }),
	}
	url := opts.URL
	if opts.Server != nil {
		nopts = append(nopts, opts.Server.ConnectOption())
		url = ""
	} else if url == "" {
		return nil, errors.New("connect nats: no server URL")
	} else {
		// An external server may start after us (docker compose): keep
		// trying in the background, and wait for it below.
		nopts = append(nopts, nats.RetryOnFailedConnect(true))
	}
	nc, err := nats.Connect(url, nopts...)
	if err != nil {
		return nil, fmt.Errorf("connect nats %s: %w", url, err)
	}
	if err := waitConnected(ctx, nc, log, url); err != nil {
		nc.Close()
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	b := &Bus{nc: nc, js: js, log: log, replicas: max(opts.Replicas, 1), kvs: map[string]*KV{}, closed: closed}
	if err := b.ensureStreams(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return b, nil
}

// connectWait bounds how long Connect waits for an external server.
const connectWait = 2 * time.Minute

func waitConnected(ctx context.Context, nc *nats.Conn, log *slog.Logger, url string) error {
	if nc.IsConnected() {
		return nil
	}
	log.Info("waiting for nats", "url", url)
	deadline := time.NewTimer(connectWait)
	defer deadline.Stop()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for !nc.IsConnected() {
		select {
		case <-ctx.Done():
			return fmt.Errorf("connect nats %s: %w", url, ctx.Err())
		case <-deadline.C:
			return fmt.Errorf("connect nats %s: no server answered within %s", url, connectWait)
		case <-tick.C:
		}
	}
	return nil
}

func (b *Bus) ensureStreams(ctx context.Context) error {
	configs := []jetstream.StreamConfig{}
	for _, cfg := range []jetstream.StreamConfig{
		{Name: StreamArticles, Subjects: []string{SubjectFetched + ".*"}},
		{Name: StreamTagged, Subjects: []string{SubjectTagged + ".*"}},
	} {
		cfg.Retention = jetstream.LimitsPolicy
		cfg.Storage = jetstream.FileStorage
		cfg.MaxMsgsPerSubject = 1 // latest version of each article
		cfg.Duplicates = dupeWindow
		cfg.Replicas = b.replicas
		cfg.MaxMsgSize = MaxPayload
		configs = append(configs, cfg)
	}
	configs = append(configs, reviewStreamConfig(b.replicas), crawlRequestStreamConfig(b.replicas))
	for _, cfg := range configs {
		// Create is idempotent when the stream exists with this very
		// configuration; update only when it differs (an upgrade). Updating
		// unconditionally would, with several roles starting at once, race
		// the server's stream update against another role's consumer
		// creation (a data race inside nats-server's file store).
		_, err := b.js.CreateStream(ctx, cfg)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			_, err = b.js.UpdateStream(ctx, cfg)
		}
		if err != nil {
			return fmt.Errorf("create stream %s: %w", cfg.Name, err)
		}
	}
	return nil
}

// Close drains and closes the connection (or just closes it when the server
// is gone: there is nothing to drain to).
func (b *Bus) Close() error {
	switch {
	case b.nc.IsClosed():
		return nil
	case !b.nc.IsConnected():
		b.nc.Close()
		return nil
	}
	if err := b.nc.Drain(); err != nil {
		b.nc.Close()
		return fmt.Errorf("drain nats: %w", err)
	}
	// Drain is asynchronous; wait for it, so that an embedded server is not
	// shut down under it.
	t := time.NewTimer(11 * time.Second)
	defer t.Stop()
	select {
	case <-b.closed:
	case <-t.C:
		b.nc.Close()
	}
	return nil
}

// Ready reports nil when the connection is up and the streams exist.
func (b *Bus) Ready(ctx context.Context) error {
	if !b.nc.IsConnected() {
		return fmt.Errorf("nats %s: %w", b.nc.Status(), lumen.ErrUnavailable)
	}
	for _, name := range []string{StreamArticles, StreamTagged, StreamReviews} {
		if _, err := b.js.Stream(ctx, name); err != nil {
			return fmt.Errorf("stream %s: %w: %w", name, lumen.ErrUnavailable, err)
		}
	}
	return nil
}

// MaxPayload is the largest message the server accepts.
func (b *Bus) MaxPayload() int64 { return b.nc.MaxPayload() }

// PublishFetched publishes ev; it reports whether JetStream recognised it as a
// duplicate of a message published within the de-duplication window.
func (b *Bus) PublishFetched(ctx context.Context, ev lumen.ArticleFetched) (duplicate bool, err error) {
	a := &ev.Article
	return b.publish(ctx, SubjectFetched, a.ID, a.ID+"."+a.ContentHash, a.FetchedAt, ev)
}

// PublishTagged publishes ev, de-duplicated on the article's content and the
// taxonomy version. The stream keeps one event per article, so an event must
// not replace one for a newer version of the article: workers tag
// concurrently, and a crawler that finds an article under a second URL
// publishes two versions milliseconds apart. PublishTagged therefore drops
// ev when the stored event was fetched later, and publishes with the stored
// event's sequence as a precondition, retrying when another worker won the
// race in between.
func (b *Bus) PublishTagged(ctx context.Context, ev lumen.ArticleTagged) error {
	a := &ev.Article
	if !lumen.ValidID(a.ID) {
		return fmt.Errorf("publish to %s: %w", SubjectTagged, lumen.Invalidf("article.id", "%q is not a valid article id", a.ID))
	}
	msgID := a.ID + "." + a.ContentHash + "." + ev.TaxonomyVersion
	for attempt := 0; ; attempt++ {
		seq, fetched, err := b.lastTagged(ctx, a.ID)
		if err != nil {
			return err
		}
		if fetched.After(a.FetchedAt) {
			b.log.Debug("stale tagged event dropped", "article", a.ID, "fetched", a.FetchedAt, "stored", fetched)
			return nil
		}
		_, err = b.publish(ctx, SubjectTagged, a.ID, msgID, a.FetchedAt, ev, jetstream.WithExpectLastSequencePerSubject(seq))
		if err == nil || !isWrongLastSequence(err) || attempt >= 10 {
			return err
		}
		b.log.Debug("tagged event raced with another, retrying", "article", a.ID)
	}
}

// headerFetchedAt carries an event's Article.FetchedAt, so that PublishTagged
// compares versions without decoding the stored event.
const headerFetchedAt = "Lumen-Fetched-At"

// lastTagged returns the stream sequence (0 when there is none) and the
// article's fetch time of the stored ArticleTagged of an article.
func (b *Bus) lastTagged(ctx context.Context, id string) (uint64, time.Time, error) {
	s, err := b.js.Stream(ctx, StreamTagged)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("stream %s: %w", StreamTagged, err)
	}
	m, err := s.GetLastMsgForSubject(ctx, SubjectTagged+"."+id)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("last tagged event of %s: %w", id, err)
	}
	if t, err := time.Parse(time.RFC3339Nano, m.Header.Get(headerFetchedAt)); err == nil {
		return m.Sequence, t, nil
	}
	var stored lumen.ArticleTagged // published before the header existed
	if err := json.Unmarshal(m.Data, &stored); err != nil {
		return m.Sequence, time.Time{}, nil // undecodable: any event may replace it
	}
	return m.Sequence, stored.Article.FetchedAt, nil
}

func isWrongLastSequence(err error) bool {
	var apiErr *jetstream.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	return apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
		apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant
}

func (b *Bus) publish(ctx context.Context, prefix, id, msgID string, fetchedAt time.Time, v any, opts ...jetstream.PublishOpt) (bool, error) {
	if !lumen.ValidID(id) {
		return false, fmt.Errorf("publish to %s: %w", prefix, lumen.Invalidf("article.id", "%q is not a valid article id", id))
	}
	subject := prefix + "." + id
	data, err := json.Marshal(v)
	if err != nil {
		return false, fmt.Errorf("encode %s: %w", subject, err)
	}
	if max := b.nc.MaxPayload(); int64(len(data)) > max {
		return false, fmt.Errorf("publish %s: %d bytes exceeds the server's max_payload of %d: %w", subject, len(data), max, lumen.ErrInvalid)
	}
	msg := nats.NewMsg(subject)
	msg.Data = data
	msg.Header.Set(headerFetchedAt, fetchedAt.UTC().Format(time.RFC3339Nano))
	ctx, cancel := context.WithTimeout(ctx, publishTimout)
	defer cancel()
	ack, err := b.js.PublishMsg(ctx, msg, append(opts, jetstream.WithMsgID(msgID))...)
	if err != nil {
		return false, fmt.Errorf("publish %s: %w", subject, err)
	}
	return ack.Duplicate, nil
}

// consumer creates a durable pull consumer, or updates it when it exists
// with another configuration (see ensureStreams for why not always update).
func (b *Bus) consumer(ctx context.Context, stream, durable string) (jetstream.Consumer, error) {
	cfg := jetstream.ConsumerConfig{
		Durable:       durable,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       ackWait,
		MaxDeliver:    maxDeliver,
		MaxAckPending: 1000,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	}
	c, err := b.js.CreateConsumer(ctx, stream, cfg)
	if errors.Is(err, jetstream.ErrConsumerExists) {
		c, err = b.js.UpdateConsumer(ctx, stream, cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", durable, stream, err)
	}
	return c, nil
}

// EnsureConsumers creates the tagger and indexer consumers, so that messages
// published before the consumers first run are counted as pending.
func (b *Bus) EnsureConsumers(ctx context.Context) error {
	if _, err := b.consumer(ctx, StreamArticles, ConsumerTagger); err != nil {
		return err
	}
	_, err := b.consumer(ctx, StreamTagged, ConsumerIndexer)
	return err
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
// result acks the message; an error wrapping lumen.ErrInvalid, or a message
// that does not decode, terminates it (it is never redelivered, and stays in
// the stream for a later re-run); any other error naks it for redelivery
// with backoff. When ctx is cancelled, consume stops pulling, lets the
// handlers finish what was already delivered (within handlerGrace), and returns.
func consume[T any](ctx context.Context, b *Bus, stream, durable string, concurrency int, handle func(context.Context, T) error) error {
	c, err := b.consumer(ctx, stream, durable)
	if err != nil {
		return err
	}
	concurrency = max(concurrency, 1)
	it, err := c.Messages(jetstream.PullMaxMessages(concurrency))
	if err != nil {
		return fmt.Errorf("consume %s: %w", durable, err)
	}
	log := b.log.With("consumer", durable)
	hctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()

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
				var v T
				if err := json.Unmarshal(msg.Data(), &v); err != nil {
					log.Error("undecodable message terminated", "subject", msg.Subject(), "err", err)
					_ = msg.Term()
					continue
				}
				settle(hctx, log, msg, handle(hctx, v))
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

// flush makes sure the acknowledgements sent so far have reached the server
// before a consumer returns (the process may exit right after).
func (b *Bus) flush() {
	if err := b.nc.FlushTimeout(5 * time.Second); err != nil {
		b.log.Warn("flush acknowledgements", "err", err)
	}
}

func settle(ctx context.Context, log *slog.Logger, msg jetstream.Msg, err error) {
	switch {
	case err == nil:
		if aerr := msg.Ack(); aerr != nil {
			log.Warn("ack", "subject", msg.Subject(), "err", aerr)
		}
	case errors.Is(err, lumen.ErrInvalid):
		log.Error("message terminated", "subject", msg.Subject(), "err", err)
		_ = msg.Term()
	default:
		delay := time.Second
		if md, merr := msg.Metadata(); merr == nil {
			delay = backoff(md.NumDelivered)
		}
		if ctx.Err() == nil {
			log.Warn("message will be redelivered", "subject", msg.Subject(), "delay", delay, "err", err)
		}
		_ = msg.NakWithDelay(delay)
	}
}

// backoff grows with the delivery count: 1s, 2s, 4s ... capped at 2 minutes.
func backoff(delivered uint64) time.Duration {
	d := time.Second << min(delivered, 7)
	return min(d, 2*time.Minute)
}

// BatchHandler handles a batch of events. It returns nil when all succeeded,
// or one error (nil for success) per event, settled as in consume.
type BatchHandler[T any] func(ctx context.Context, events []T) []error

// ConsumeTaggedBatches delivers ArticleTagged events to handle in batches of up
// to maxBatch, collected for at most maxWait after the first message. Each
// message is acknowledged only after handle reported its event done, and
// naked for redelivery (or terminated, for an invalid one) otherwise. When
// ctx is cancelled it handles what was already delivered and returns.
func (b *Bus) ConsumeTaggedBatches(ctx context.Context, maxBatch int, maxWait time.Duration, handle BatchHandler[lumen.ArticleTagged]) error {
	return consumeBatches(ctx, b, StreamTagged, ConsumerIndexer, maxBatch, maxWait, handle)
}

func consumeBatches[T any](ctx context.Context, b *Bus, stream, durable string, maxBatch int, maxWait time.Duration, handle BatchHandler[T]) error {
	c, err := b.consumer(ctx, stream, durable)
	if err != nil {
		return err
	}
	maxBatch = max(maxBatch, 1)
	it, err := c.Messages(jetstream.PullMaxMessages(maxBatch))
	if err != nil {
		return fmt.Errorf("consume %s: %w", durable, err)
	}
	log := b.log.With("consumer", durable)
	hctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		it.Drain()
		time.AfterFunc(handlerGrace, cancel)
	})
	defer stop()

	var (
		msgs   []jetstream.Msg
		events []T
		first  time.Time
	)
	flush := func() {
		if len(msgs) == 0 {
			return
		}
		errs := handle(hctx, events)
		for i, m := range msgs {
			var err error
			if errs != nil {
				if i < len(errs) {
					err = errs[i]
				} else {
					err = errors.New("batch handler returned too few results")
				}
			}
			settle(hctx, log, m, err)
		}
		msgs, events = msgs[:0], events[:0]
	}
	for {
		var (
			msg jetstream.Msg
			err error
		)
		if len(msgs) == 0 {
			msg, err = it.Next()
		} else {
			msg, err = it.Next(jetstream.NextMaxWait(max(time.Until(first.Add(maxWait)), time.Millisecond)))
		}
		switch {
		case errors.Is(err, jetstream.ErrMsgIteratorClosed):
			flush()
			b.flush()
			if ctx.Err() == nil {
				return fmt.Errorf("consume %s: message iterator closed: %w", durable, lumen.ErrUnavailable)
			}
			return nil
		case errors.Is(err, nats.ErrTimeout):
			flush()
			continue
		case err != nil:
			log.Warn("next message", "err", err)
			continue
		}
		var ev T
		if err := json.Unmarshal(msg.Data(), &ev); err != nil {
			log.Error("undecodable message terminated", "subject", msg.Subject(), "err", err)
			_ = msg.Term()
			continue
		}
		if len(msgs) == 0 {
			first = time.Now()
		}
		msgs, events = append(msgs, msg), append(events, ev)
		if len(msgs) >= maxBatch {
			flush()
		}
	}
}

// ReplayTagged calls fn for every ArticleTagged in the stream (the latest of
// each article), in stream order, and returns when it has seen them all.
func (b *Bus) ReplayTagged(ctx context.Context, fn func(lumen.ArticleTagged) error) error {
	return replay(ctx, b, StreamTagged, fn)
}

// ReplayArticles calls fn for every ArticleFetched in the stream (the latest
// of each article).
func (b *Bus) ReplayArticles(ctx context.Context, fn func(lumen.ArticleFetched) error) error {
	return replay(ctx, b, StreamArticles, fn)
}

func replay[T any](ctx context.Context, b *Bus, stream string, fn func(T) error) error {
	s, err := b.js.Stream(ctx, stream)
	if err != nil {
		return fmt.Errorf("stream %s: %w", stream, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return fmt.Errorf("stream %s info: %w", stream, err)
	}
	if info.State.Msgs == 0 {
		return nil
	}
	c, err := b.js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{DeliverPolicy: jetstream.DeliverAllPolicy})
	if err != nil {
		return fmt.Errorf("replay %s: %w", stream, err)
	}
	it, err := c.Messages()
	if err != nil {
		return fmt.Errorf("replay %s: %w", stream, err)
	}
	defer it.Stop()
	for {
		msg, err := it.Next(jetstream.NextContext(ctx))
		if err != nil {
			return fmt.Errorf("replay %s: %w", stream, err)
		}
		var v T
		if err := json.Unmarshal(msg.Data(), &v); err != nil {
			b.log.Error("replay: undecodable message skipped", "subject", msg.Subject(), "err", err)
		} else if err := fn(v); err != nil {
			return err
		}
		md, err := msg.Metadata()
		if err != nil {
			return fmt.Errorf("replay %s: %w", stream, err)
		}
		if md.NumPending == 0 {
			return nil
		}
	}
}

// LastFetched returns the stored ArticleFetched of an article.
func (b *Bus) LastFetched(ctx context.Context, id string) (lumen.ArticleFetched, error) {
	var ev lumen.ArticleFetched
	if !lumen.ValidID(id) {
		return ev, fmt.Errorf("article %q: %w", id, lumen.ErrNotFound)
	}
	s, err := b.js.Stream(ctx, StreamArticles)
	if err != nil {
		return ev, fmt.Errorf("stream %s: %w", StreamArticles, err)
	}
	m, err := s.GetLastMsgForSubject(ctx, SubjectFetched+"."+id)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return ev, fmt.Errorf("article %s: %w", id, lumen.ErrNotFound)
	}
	if err != nil {
		return ev, fmt.Errorf("article %s: %w", id, err)
	}
	if err := json.Unmarshal(m.Data, &ev); err != nil {
		return ev, fmt.Errorf("decode article %s: %w", id, err)
	}
	return ev, nil
}
