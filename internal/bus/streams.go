package bus

import (
	"context"
	"errors"
	"fmt"
	"regexp"
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
// replication of Options.Replicas: a stream added here is replicated like the
// others without more code.
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
			if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
				s, err = b.js.UpdateStream(ctx, cfg)
			}
			return s, err
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

// replicasHint explains the server's refusal of a replicated stream on a
// server that is not part of a large enough cluster.
func replicasHint(err error, replicas int) error {
	if replicas > 1 && (strings.Contains(err.Error(), "replicas > 1 not supported") || strings.Contains(err.Error(), "insufficient resources")) {
		return fmt.Errorf("%w (nats.replicas is %d: that needs a NATS cluster of at least %d servers with JetStream)", err, replicas, replicas)
	}
	return err
}
