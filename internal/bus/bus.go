// Package bus carries Lumen's events over NATS JetStream and keeps its durable
// state in JetStream streams and key-value buckets. It is the only package that
// imports nats.go and nats-server.
//
// Streams (the first two keep the latest message per article, so together
// they are the system of record the search index is rebuilt from; see
// streams.go for the list every stream is created from):
//
//	LUMEN_ARTICLES        lumen.articles.fetched.<article id>  ArticleFetched
//	LUMEN_TAGGED          lumen.articles.tagged.<article id>   ArticleTagged
//	LUMEN_REVIEWS         lumen.reviews.<claim id>             ReviewDecision (every one kept)
//	LUMEN_CRAWL_REQUESTS  lumen.crawl.requests                 CrawlRequest (a work queue)
//	LUMEN_DEAD            lumen.dead.<stream>.<consumer>       messages that can never succeed
//
// Delivery is at least once: handlers must be idempotent, and a message is
// acknowledged only after its handler (or batch handler) returned nil. While
// a handler works it tells the server so every ackWait/4, so that the
// acknowledgement deadline can be short: what a killed process held is
// redelivered within AckWait (4 s by default).
package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	neturl "net/url"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/lumen-research/lumen"
)

const (
	// DefaultAckWait is how long a delivered message may go without an
	// acknowledgement or a sign of progress before the server redelivers it
	// (after a crash, say). Handlers signal progress every AckWait/4.
	DefaultAckWait = 4 * time.Second
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
	// AckWait is the acknowledgement deadline of the durable consumers
	// (default DefaultAckWait).
	AckWait time.Duration
	// ConnectWait bounds the wait for an external server that does not
	// answer (default 2 minutes: a role may start before its server; a
	// one-shot command wants to fail sooner).
	ConnectWait time.Duration
	// IndexerName names the search index this process feeds. Each index
	// has durable consumers of its own on the tagged and reviews streams
	// (IndexerConsumer), so that several indexes (several lumen serve, one
	// per machine) each receive every message. Empty: the one index of a
	// single-index deployment, consumers "indexer" and "review-indexer".
	IndexerName string
	// ReadOnly: a command that only reads (lumen check without --repair,
	// token list, deadletters list...). It creates a missing stream or
	// bucket but never changes the configuration of one that exists.
	ReadOnly bool
}

// Bus is a connection to NATS with Lumen's streams in place.
type Bus struct {
	nc       *nats.Conn
	js       jetstream.JetStream
	log      *slog.Logger
	replicas int
	readOnly bool
	ackWait  time.Duration
	server   *Server // the embedded server, if any
	// indexer and reviewIndexer are the durable consumers of this
	// process's index (see Options.IndexerName).
	indexer, reviewIndexer string

	mu         sync.Mutex
	consumerMu sync.Mutex // serialises creating and repairing consumers
	kvs        map[string]*KV
	reviews    jetstream.Stream // the reviews stream, once looked up
	resume     map[ConsumerSpec]ResumeFunc
	notes      []Note // damage found and repaired while connecting

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
		if err := resolvable(ctx, url); err != nil {
			return nil, err
		}
		// An external server may start after us (docker compose): keep
		// trying in the background, and wait for it below.
		nopts = append(nopts, nats.RetryOnFailedConnect(true))
	}
	nc, err := nats.Connect(url, nopts...)
	if err != nil {
		return nil, fmt.Errorf("connect nats %s: %w", url, err)
	}
	wait := opts.ConnectWait
	if wait <= 0 {
		wait = connectWait
	}
	if err := waitConnected(ctx, nc, log, url, wait); err != nil {
		nc.Close()
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	ackWait := opts.AckWait
	if ackWait <= 0 {
		ackWait = DefaultAckWait
	}
	if err := ValidIndexerName(opts.IndexerName); err != nil {
		nc.Close()
		return nil, err
	}
	b := &Bus{nc: nc, js: js, log: log, replicas: max(opts.Replicas, 1), readOnly: opts.ReadOnly, ackWait: ackWait, server: opts.Server,
		kvs: map[string]*KV{}, resume: map[ConsumerSpec]ResumeFunc{}, closed: closed}
	b.indexer, b.reviewIndexer = indexerConsumers(opts.IndexerName)
	if err := b.ensureStreams(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return b, nil
}

// resolvable fails when no server of a comma-separated URL list has a
// host name that resolves: a server that is not up yet is waited for, but a
// mistyped host never comes (the client would retry it for minutes). A
// failure of the resolver itself (no answer) is not held against the URL.
func resolvable(ctx context.Context, list string) error {
	var notFound []string
	for _, raw := range strings.Split(list, ",") {
		u, err := neturl.Parse(strings.TrimSpace(raw))
		if err != nil || u.Hostname() == "" {
			return nil // the client says what is wrong with it
		}
		host := u.Hostname()
		if net.ParseIP(host) != nil {
			return nil
		}
		lctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		_, err = net.DefaultResolver.LookupHost(lctx, host)
		cancel()
		var dnsErr *net.DNSError
		if err == nil || !errors.As(err, &dnsErr) || !dnsErr.IsNotFound {
			return nil
		}
		notFound = append(notFound, host)
	}
	return fmt.Errorf("connect nats %s: no such host %s (check --nats or LUMEN_NATS_URL)", list, strings.Join(notFound, ", "))
}

// connectWait bounds how long Connect waits for an external server.
const connectWait = 2 * time.Minute

func waitConnected(ctx context.Context, nc *nats.Conn, log *slog.Logger, url string, wait time.Duration) error {
	if nc.IsConnected() {
		return nil
	}
	log.Info("waiting for nats", "url", url, "for", wait)
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for !nc.IsConnected() {
		select {
		case <-ctx.Done():
			return fmt.Errorf("connect nats %s: %w", url, ctx.Err())
		case <-deadline.C:
			return fmt.Errorf("connect nats %s: no server answered within %s", url, wait)
		case <-tick.C:
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
	for _, spec := range streams {
		if _, err := b.js.Stream(ctx, spec.Name); err != nil {
			return fmt.Errorf("stream %s: %w: %w", spec.Name, lumen.ErrUnavailable, err)
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
	return b.publish(ctx, SubjectFetched, a.ID, a.ID+"."+a.ContentHash, versionOf(a, ""), ev)
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
	return b.publishTagged(ctx, ev, "")
}

// RepublishTagged is PublishTagged past the de-duplication window's memory
// of an identical event (a repair: the stored copy was lost).
func (b *Bus) RepublishTagged(ctx context.Context, ev lumen.ArticleTagged) error {
	return b.publishTagged(ctx, ev, fmt.Sprintf(".repair.%d", time.Now().UnixNano()))
}

func (b *Bus) publishTagged(ctx context.Context, ev lumen.ArticleTagged, idSuffix string) error {
	a := &ev.Article
	if !lumen.ValidID(a.ID) {
		return fmt.Errorf("publish to %s: %w", SubjectTagged, lumen.Invalidf("article.id", "%q is not a valid article id", a.ID))
	}
	msgID := a.ID + "." + a.ContentHash + "." + ev.TaxonomyVersion + idSuffix
	for attempt := 0; ; attempt++ {
		seq, fetched, err := b.lastTagged(ctx, a.ID)
		if err != nil {
			return err
		}
		if fetched.After(a.FetchedAt) {
			b.log.Debug("stale tagged event dropped", "article", a.ID, "fetched", a.FetchedAt, "stored", fetched)
			return nil
		}
		_, err = b.publish(ctx, SubjectTagged, a.ID, msgID, versionOf(a, ev.TaxonomyVersion), ev, jetstream.WithExpectLastSequencePerSubject(seq))
		if err == nil || !isWrongLastSequence(err) || attempt >= 10 {
			return err
		}
		b.log.Debug("tagged event raced with another, retrying", "article", a.ID)
	}
}

// Headers of the article streams' messages: which version of the article a
// message carries, so that PublishTagged and lumen check compare versions
// without decoding the stored events.
const (
	headerFetchedAt   = "Lumen-Fetched-At"
	headerContentHash = "Lumen-Content-Hash"
	headerTaxonomy    = "Lumen-Taxonomy" // tagged stream
)

// articleVersion is what the headers say of an article's version.
type articleVersion struct {
	fetchedAt          time.Time
	hash, taxonomyVers string
}

func versionOf(a *lumen.Article, taxonomy string) articleVersion {
	return articleVersion{fetchedAt: a.FetchedAt, hash: a.ContentHash, taxonomyVers: taxonomy}
}

// lastTagged returns the stream sequence (0 when there is none) and the
// article's fetch time of the stored ArticleTagged of an article.
func (b *Bus) lastTagged(ctx context.Context, id string) (uint64, time.Time, error) {
	m, err := retry(ctx, func(ctx context.Context) (*jetstream.RawStreamMsg, error) {
		s, err := b.js.Stream(ctx, StreamTagged)
		if err != nil {
			return nil, err
		}
		return s.GetLastMsgForSubject(ctx, SubjectTagged+"."+id)
	})
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
	if err := decode(m.Data, &stored); err != nil {
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

func (b *Bus) publish(ctx context.Context, prefix, id, msgID string, ver articleVersion, v any, opts ...jetstream.PublishOpt) (bool, error) {
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
	msg.Header.Set(headerFetchedAt, ver.fetchedAt.UTC().Format(time.RFC3339Nano))
	msg.Header.Set(headerContentHash, ver.hash)
	if ver.taxonomyVers != "" {
		msg.Header.Set(headerTaxonomy, ver.taxonomyVers)
	}
	ctx, cancel := context.WithTimeout(ctx, publishTimout)
	defer cancel()
	ack, err := retry(ctx, func(ctx context.Context) (*jetstream.PubAck, error) {
		return b.js.PublishMsg(ctx, msg, append(opts, jetstream.WithMsgID(msgID))...)
	})
	if err != nil {
		return false, fmt.Errorf("publish %s: %w", subject, err)
	}
	return ack.Duplicate, nil
}

// ReplayTagged calls fn for every ArticleTagged in the stream (the latest of
// each article), in stream order, and returns when it has seen them all.
func (b *Bus) ReplayTagged(ctx context.Context, fn func(lumen.ArticleTagged) error) error {
	return replay(ctx, b, StreamTagged, fn)
}

// ReplayTaggedSeqs is ReplayTagged with each event's stream sequence.
func (b *Bus) ReplayTaggedSeqs(ctx context.Context, fn func(lumen.ArticleTagged, uint64) error) error {
	_, err := b.Scan(ctx, StreamTagged, false, func(r Record) error {
		var ev lumen.ArticleTagged
		if err := decode(r.Data, &ev); err != nil {
			b.log.Error("replay: undecodable message skipped", "subject", r.Subject, "err", err)
			return nil
		}
		return fn(ev, r.Seq)
	})
	if err != nil {
		return fmt.Errorf("replay %s: %w", StreamTagged, err)
	}
	return nil
}

// ReplayArticles calls fn for every ArticleFetched in the stream (the latest
// of each article).
func (b *Bus) ReplayArticles(ctx context.Context, fn func(lumen.ArticleFetched) error) error {
	return replay(ctx, b, StreamArticles, fn)
}

func replay[T any](ctx context.Context, b *Bus, stream string, fn func(T) error) error {
	_, err := b.Scan(ctx, stream, false, func(r Record) error {
		var v T
		if err := decode(r.Data, &v); err != nil {
			b.log.Error("replay: undecodable message skipped", "subject", r.Subject, "err", err)
			return nil
		}
		return fn(v)
	})
	if err != nil {
		return fmt.Errorf("replay %s: %w", stream, err)
	}
	return nil
}

// LastFetched returns the stored ArticleFetched of an article.
func (b *Bus) LastFetched(ctx context.Context, id string) (lumen.ArticleFetched, error) {
	var ev lumen.ArticleFetched
	err := b.last(ctx, StreamArticles, SubjectFetched, id, &ev)
	return ev, err
}
