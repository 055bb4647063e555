package bus

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Stream names and subjects.
const (
	StreamArticles = "LUMEN_ARTICLES"
	StreamTagged   = "LUMEN_TAGGED"
	StreamDead     = "LUMEN_DEAD"
	SubjectFetched = "lumen.articles.fetched"
	SubjectTagged  = "lumen.articles.tagged"
	SubjectDead    = "lumen.dead"
)

// Durable consumer names. The indexer's are those of the one index of a
// single-index deployment; a named index has its own (IndexerConsumer).
const (
	ConsumerTagger  = "tagger"
	ConsumerIndexer = "indexer"
)

// indexerNameRE is what an index name may be: it becomes part of durable
// consumer names, which NATS limits (no dots, wildcards or spaces).
var indexerNameRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,48}$`)

// ValidIndexerName reports whether name can name an index ("" is the
// default index).
func ValidIndexerName(name string) error {
	if name != "" && !indexerNameRE.MatchString(name) {
		return fmt.Errorf("index name %q: use 1 to 48 letters, digits, '-' or '_'", name)
	}
	return nil
}

func indexerConsumers(name string) (tagged, reviews string) {
	if name == "" {
		return ConsumerIndexer, ConsumerReviewIndexer
	}
	return ConsumerIndexer + "-" + name, ConsumerReviewIndexer + "-" + name
}

// IndexerConsumer is the durable consumer through which this process's
// index reads the tagged articles.
func (b *Bus) IndexerConsumer() string { return b.indexer }

// ReviewIndexerConsumer is the durable consumer through which this
// process's index reads the curators' decisions.
func (b *Bus) ReviewIndexerConsumer() string { return b.reviewIndexer }

// StreamSpec describes one stream of the system of record. Every stream and
// key-value bucket is created through ensureStream and KV, which give it the
// replication of Options.Replicas (raising an existing one's, never lowering
// it: see keepReplicas): a stream added here is replicated like the others
// without more code.
type StreamSpec struct {
	Name     string
	Subjects []string
	// LatestOnly: the stream keeps the latest message of each subject (one
	// per article), so a message can be re-queued by publishing it again
	// (see ReplayDeadLetter). Otherwise it keeps every message.
	LatestOnly bool
	// WorkQueue: each message goes to one consumer and is gone once
	// acknowledged; such a stream cannot be read through by a second
	// consumer (lumen check leaves it alone).
	WorkQueue bool
	// config, when set, is the stream's own configuration (retention, size
	// limits, deny delete); ensureStream adds the replication.
	config func() jetstream.StreamConfig
}

// ConsumerSpec is a durable consumer the pipeline depends on.
type ConsumerSpec struct {
	Stream, Durable string
}

// streams are the streams Connect creates, in order.
var streams = []StreamSpec{
	{Name: StreamArticles, Subjects: []string{SubjectFetched + ".*"}, LatestOnly: true},
	{Name: StreamTagged, Subjects: []string{SubjectTagged + ".*"}, LatestOnly: true},
	{Name: StreamReviews, Subjects: []string{SubjectReviews + ".*"}, config: reviewStreamConfig},
	{Name: StreamCrawlRequests, Subjects: []string{SubjectCrawlRequests}, WorkQueue: true, config: crawlRequestStreamConfig},
	// Messages a consumer can never handle, with why: subjects
	// lumen.dead.<stream>.<consumer>. Kept until replayed or deleted.
	{Name: StreamDead, Subjects: []string{SubjectDead + ".>"}},
}

// Streams returns the streams of the system of record.
func Streams() []StreamSpec { return append([]StreamSpec(nil), streams...) }

// Consumers returns the durable consumers of the pipeline this process
// depends on: the taggers' shared one and its index's two.
// (The crawl requests' consumer is not among them: it exists once a crawler
// has run, and its absence is no damage.)
func (b *Bus) Consumers() []ConsumerSpec {
	return []ConsumerSpec{
		{Stream: StreamArticles, Durable: ConsumerTagger},
		{Stream: StreamTagged, Durable: b.indexer},
		{Stream: StreamReviews, Durable: b.reviewIndexer},
	}
}

func streamSpec(name string) (StreamSpec, bool) {
	for _, s := range streams {
		if s.Name == name {
			return s, true
		}
	}
	return StreamSpec{}, false
}

func (b *Bus) ensureStreams(ctx context.Context) error {
	for _, spec := range streams {
		cfg := jetstream.StreamConfig{Name: spec.Name, Subjects: spec.Subjects, Duplicates: dupeWindow, MaxMsgSize: MaxPayload}
		if spec.config != nil {
			cfg = spec.config()
		}
		if spec.LatestOnly {
			cfg.MaxMsgsPerSubject = 1
		}
		if err := b.ensureStream(ctx, cfg); err != nil {
			return err
		}
	}
	return nil
}

// ensureStream creates a file-backed stream with the bus's replication, or
// updates it when it exists with another configuration. Create is
// idempotent when the stream exists with this very configuration; updating
// unconditionally would, with several roles starting at once, race the
// server's stream update against another role's consumer creation (a data
// race inside nats-server's file store).
//
// An existing stream's replication is never lowered: a process started
// without nats.replicas (a one-shot command, a worker on another host) keeps
// the cluster's copies; see keepReplicas. A read-only bus creates what is
// missing and changes nothing that exists.
func (b *Bus) ensureStream(ctx context.Context, cfg jetstream.StreamConfig) error {
	cfg.Storage = jetstream.FileStorage
	cfg.Replicas = b.replicas
	// A cluster starting with us has no JetStream leader yet: wait for it
	// as Connect waits for a server.
	deadline := time.Now().Add(connectWait)
	var err error
	for {
		_, err = retry(ctx, func(ctx context.Context) (jetstream.Stream, error) {
			s, err := b.js.CreateStream(ctx, cfg)
			if !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
				return s, err
			}
			if s, err = b.js.Stream(ctx, cfg.Name); err != nil {
				return nil, err
			}
			if b.readOnly {
				return s, nil
			}
			upd := cfg
			upd.Replicas = b.keepReplicas(cfg.Name, s.CachedInfo().Config.Replicas)
			if upd.Replicas != cfg.Replicas {
				// Maybe the stream is as it should be with its copies.
				if s, err = b.js.CreateStream(ctx, upd); !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
					return s, err
				}
			}
			return b.js.UpdateStream(ctx, upd)
		})
		if !transient(err) || ctx.Err() != nil || time.Now().After(deadline) {
			break
		}
		b.log.Info("waiting for JetStream", "stream", cfg.Name, "err", err)
	}
	if err != nil {
		return fmt.Errorf("create stream %s: %w", cfg.Name, replicasHint(err, b.replicas))
	}
	return nil
}

// keepReplicas returns the replication to give an existing stream (or a
// bucket's stream) that has have copies: the bus's, or have when that is
// more. Lowering the copies of the system of record is an operator's
// decision (lumen replicas N), never a side effect of a process started
// with a smaller nats.replicas: that is logged, naming the mismatch.
func (b *Bus) keepReplicas(stream string, have int) int {
	if have <= b.replicas {
		return b.replicas
	}
	b.log.Warn("stream has more replicas than nats.replicas: keeping them (to lower them, run lumen replicas)",
		"stream", stream, "replicas", have, "nats_replicas", b.replicas)
	return have
}

// replicasHint explains the server's refusal of a replicated stream on a
// server that is not part of a large enough cluster.
func replicasHint(err error, replicas int) error {
	if replicas > 1 && (strings.Contains(err.Error(), "replicas > 1 not supported") || strings.Contains(err.Error(), "insufficient resources")) {
		return fmt.Errorf("%w (nats.replicas is %d: that needs a NATS cluster of at least %d servers with JetStream)", err, replicas, replicas)
	}
	return err
}

// ReplicasChange is a stream (or bucket stream) whose replication
// SetReplicas changed.
type ReplicasChange struct {
	Stream   string
	From, To int
}

// SetReplicas gives every stream and bucket of Lumen's (the streams named
// LUMEN_* and the buckets lumen_*) n replicas, raising or lowering them: the
// explicit operator action that lowers replication (lumen replicas N),
// which no other call does.
func (b *Bus) SetReplicas(ctx context.Context, n int) ([]ReplicasChange, error) {
	if n < 1 {
		return nil, fmt.Errorf("set replicas: %d: want at least 1", n)
	}
	var names []string
	l := b.js.StreamNames(ctx)
	for name := range l.Name() {
		if strings.HasPrefix(name, "LUMEN_") || strings.HasPrefix(name, "KV_lumen_") {
			names = append(names, name)
		}
	}
	if err := l.Err(); err != nil {
		return nil, fmt.Errorf("list streams: %w", err)
	}
	var changes []ReplicasChange
	for _, name := range names {
		s, err := b.js.Stream(ctx, name)
		if err != nil {
			return changes, fmt.Errorf("stream %s: %w", name, err)
		}
		cfg := s.CachedInfo().Config
		if cfg.Replicas == n {
			continue
		}
		from := cfg.Replicas
		cfg.Replicas = n
		if _, err := b.js.UpdateStream(ctx, cfg); err != nil {
			return changes, fmt.Errorf("stream %s: set %d replicas: %w", name, n, replicasHint(err, n))
		}
		b.log.Info("stream replication changed", "stream", name, "from", from, "to", n)
		changes = append(changes, ReplicasChange{Stream: name, From: from, To: n})
	}
	return changes, nil
}

// NamedIndexers returns the names of the indexes (Options.IndexerName) that
// have a durable consumer on the tagged stream, sorted: the lumen serve of a
// scale-out deployment, for a check run without a name of its own.
func (b *Bus) NamedIndexers(ctx context.Context) ([]string, error) {
	s, err := b.js.Stream(ctx, StreamTagged)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", StreamTagged, err)
	}
	var names []string
	l := s.ConsumerNames(ctx)
	for n := range l.Name() {
		if name, ok := strings.CutPrefix(n, ConsumerIndexer+"-"); ok {
			names = append(names, name)
		}
	}
	if err := l.Err(); err != nil {
		return nil, fmt.Errorf("consumers of %s: %w", StreamTagged, err)
	}
	slices.Sort(names)
	return names, nil
}

// IndexerConsumers returns the durable consumers of the index named name on
// the tagged and reviews streams.
func IndexerConsumers(name string) (tagged, reviews string) { return indexerConsumers(name) }
