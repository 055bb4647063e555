package bus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/lumen-research/lumen"
)

// Kinds of Note.
const (
	// NoteServerDamage: the embedded server reported damage it found in its
	// store while loading it (a corrupt record or block, lost data).
	NoteServerDamage = "server_damage"
	// NoteConsumerRecreated: a consumer whose state could not be loaded
	// was recreated.
	NoteConsumerRecreated = "consumer_recreated"
)

// Note records damage the bus found, and what it did about it.
type Note struct {
	Kind     string    `json:"kind"`
	Stream   string    `json:"stream,omitempty"`
	Consumer string    `json:"consumer,omitempty"`
	Detail   string    `json:"detail"`
	At       time.Time `json:"at"`
}

func (b *Bus) note(n Note) {
	n.At = time.Now().UTC()
	b.log.Error("nats store damage", "kind", n.Kind, "stream", n.Stream, "consumer", n.Consumer, "detail", n.Detail)
	b.mu.Lock()
	b.notes = append(b.notes, n)
	b.mu.Unlock()
}

// Notes returns the damage found since the connection was made, and, with
// the embedded server, what the server reported while loading its store.
func (b *Bus) Notes() []Note {
	var out []Note
	if b.server != nil {
		out = append(out, b.server.notes()...)
	}
	b.mu.Lock()
	out = append(out, b.notes...)
	b.mu.Unlock()
	return out
}

// StreamState is what the server reports of a stream (key-value buckets are
// streams named KV_<bucket>).
type StreamState struct {
	Name     string `json:"name"`
	Msgs     uint64 `json:"msgs"`
	Bytes    uint64 `json:"bytes"`
	FirstSeq uint64 `json:"first_seq"`
	LastSeq  uint64 `json:"last_seq"`
	Subjects uint64 `json:"subjects"`
	Deleted  int    `json:"deleted"`
	// LostMsgs and LostBytes: what the server says it lost (file store
	// corruption).
	LostMsgs  int    `json:"lost_msgs,omitempty"`
	LostBytes uint64 `json:"lost_bytes,omitempty"`
	Replicas  int    `json:"replicas"`
	// Offline replicas of a clustered stream.
	Offline int `json:"offline,omitempty"`
}

// StreamStates returns the state of every stream of the account.
func (b *Bus) StreamStates(ctx context.Context) ([]StreamState, error) {
	var out []StreamState
	l := b.js.ListStreams(ctx)
	for info := range l.Info() {
		st := StreamState{
			Name: info.Config.Name, Msgs: info.State.Msgs, Bytes: info.State.Bytes, FirstSeq: info.State.FirstSeq,
			LastSeq: info.State.LastSeq, Subjects: info.State.NumSubjects, Deleted: info.State.NumDeleted,
			Replicas: info.Config.Replicas,
		}
		if lost := info.State.Lost; lost != nil {
			st.LostMsgs, st.LostBytes = len(lost.Msgs), lost.Bytes
		}
		if info.Cluster != nil {
			for _, r := range info.Cluster.Replicas {
				if r.Offline {
					st.Offline++
				}
			}
		}
		out = append(out, st)
	}
	if err := l.Err(); err != nil {
		return out, fmt.Errorf("list streams: %w", err)
	}
	return out, nil
}

// ConsumerState is where a durable consumer is.
type ConsumerState struct {
	Stream     string `json:"stream"`
	Durable    string `json:"durable"`
	AckFloor   uint64 `json:"ack_floor"` // every message up to this stream sequence is acknowledged
	Delivered  uint64 `json:"delivered"` // highest stream sequence delivered
	Pending    uint64 `json:"pending"`
	AckPending int    `json:"ack_pending"`
}

// ConsumerState returns the state of a durable consumer; an error wrapping
// lumen.ErrNotFound when there is none.
func (b *Bus) ConsumerState(ctx context.Context, stream, durable string) (ConsumerState, error) {
	st := ConsumerState{Stream: stream, Durable: durable}
	c, err := b.js.Consumer(ctx, stream, durable)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		return st, fmt.Errorf("consumer %s on %s: %w", durable, stream, lumen.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("consumer %s on %s: %w", durable, stream, err)
	}
	info := c.CachedInfo()
	st.AckFloor, st.Delivered = info.AckFloor.Stream, info.Delivered.Stream
	st.Pending, st.AckPending = info.NumPending, info.NumAckPending
	return st, nil
}

// Record is a message read by Scan.
type Record struct {
	Subject string
	Seq     uint64
	Header  nats.Header
	Data    []byte // nil when scanning headers only
}

// Key is the last token of the subject: the article id of the article
// streams.
func (r Record) Key() string { return r.Subject[strings.LastIndexByte(r.Subject, '.')+1:] }

// FetchedAt is the fetch time of the article the message carries (zero if
// the header is absent).
func (r Record) FetchedAt() time.Time {
	t, _ := time.Parse(time.RFC3339Nano, r.Header.Get(headerFetchedAt))
	return t
}

// MsgID is the message's de-duplication id.
func (r Record) MsgID() string { return r.Header.Get(jetstream.MsgIDHeader) }

// ContentHash is the content hash of the article the message carries.
func (r Record) ContentHash() string {
	if h := r.Header.Get(headerContentHash); h != "" {
		return h
	}
	// Published before the header existed: the message id is the article
	// id, the content hash and (tagged) the taxonomy version, by dots.
	parts := strings.SplitN(r.MsgID(), ".", 3)
	if len(parts) > 1 {
		return parts[1]
	}
	return ""
}

// Taxonomy is the taxonomy version of the tagged article the message
// carries ("" if unknown).
func (r Record) Taxonomy() string {
	if t := r.Header.Get(headerTaxonomy); t != "" {
		return t
	}
	parts := strings.SplitN(r.MsgID(), ".", 3)
	if len(parts) > 2 && strings.HasPrefix(r.Subject, SubjectTagged+".") {
		return parts[2]
	}
	return ""
}

// scanWait bounds the wait for the next message of a scan before the scan
// starts over from there on a new consumer; scanFor bounds a scan's
// stalls altogether.
const (
	scanWait = 3 * time.Second
	scanFor  = 30 * time.Second
)

// Scan calls fn for every message of a stream in order (the message data
// too unless headersOnly), up to the last message there was when it began,
// and returns how many it saw. Reading every message makes the server load,
// and so check, every block of the stream.
//
// On a cluster, what a stream's replicas say is not all the same while one
// catches up (after its store was lost, say): a stream without a leader may
// be described by a replica that holds nothing, and a consumer may be
// placed on a replica that lags. So Scan takes the stream's extent from its
// leader, ends at that last sequence rather than when its consumer has
// nothing pending, and starts over on a new consumer from where it got to
// when one stalls.
func (b *Bus) Scan(ctx context.Context, stream string, headersOnly bool, fn func(Record) error) (uint64, error) {
	return b.ScanFrom(ctx, stream, headersOnly, 1, fn)
}

// ScanFrom is Scan from the stream sequence from on.
func (b *Bus) ScanFrom(ctx context.Context, stream string, headersOnly bool, from uint64, fn func(Record) error) (uint64, error) {
	info, err := b.leaderInfo(ctx, stream)
	if err != nil {
		return 0, err
	}
	last := info.State.LastSeq
	if info.State.Msgs == 0 || from > last {
		return 0, nil
	}
	// A stream on one server is described by the server that serves the
	// consumer: when that says nothing is pending, the scan is done, even
	// short of last (its tail lost to damage, which the check reports).
	trustPending := info.Config.Replicas <= 1
	var (
		n              uint64
		seen           = max(from, 1) - 1
		fnErr          error
		stalledCurrent bool
	)
	deadline := time.Now().Add(scanFor)
	for {
		done, err := b.scanFrom(ctx, stream, headersOnly, seen+1, last, trustPending, func(r Record) error {
			n++
			seen = r.Seq
			fnErr = fn(r)
			return fnErr
		})
		switch {
		case fnErr != nil:
			return n, fnErr
		case done:
			return n, nil
		case ctx.Err() != nil:
			return n, ctx.Err()
		}
		// Stalled: finished if the stream's tail went away meanwhile (a
		// deleted message), or if it stalls again while every replica is
		// current (what the consumer does not find is not there); otherwise
		// start over from here.
		info, ierr := b.leaderInfo(ctx, stream)
		if ierr == nil && info.State.LastSeq <= seen {
			return n, nil
		}
		current := ierr == nil && replicasCurrent(info)
		if current && stalledCurrent {
			return n, nil
		}
		stalledCurrent = current
		if time.Now().After(deadline) {
			return n, fmt.Errorf("scan %s: read %d messages, up to sequence %d of %d: %w", stream, n, seen, last, err)
		}
		b.log.Debug("scan stalled; starting over on a new consumer", "stream", stream, "seen", seen, "last", last, "err", err)
	}
}

// errLagging: the consumer of a scan has nothing more, short of where the
// scan goes.
var errLagging = errors.New("the scan's consumer has nothing more to deliver")

// replicasCurrent reports whether every replica of a replicated stream is
// current with its leader.
func replicasCurrent(info *jetstream.StreamInfo) bool {
	if info.Cluster == nil || info.Cluster.Leader == "" {
		return false
	}
	for _, r := range info.Cluster.Replicas {
		if !r.Current || r.Offline || r.Lag > 0 {
			return false
		}
	}
	return true
}

// scanFrom reads from sequence from up to last with an ordered consumer; it
// reports done when it got there (or, with trustPending, when the consumer
// has nothing pending), or the error that stalled it.
func (b *Bus) scanFrom(ctx context.Context, stream string, headersOnly bool, from, last uint64, trustPending bool, fn func(Record) error) (bool, error) {
	cfg := jetstream.OrderedConsumerConfig{DeliverPolicy: jetstream.DeliverAllPolicy, HeadersOnly: headersOnly}
	if from > 1 {
		cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, from
	}
	c, err := b.js.OrderedConsumer(ctx, stream, cfg)
	if err != nil {
		return false, fmt.Errorf("scan %s: %w", stream, err)
	}
	it, err := c.Messages()
	if err != nil {
		return false, fmt.Errorf("scan %s: %w", stream, err)
	}
	defer it.Stop()
	for {
		nctx, cancel := context.WithTimeout(ctx, scanWait)
		msg, err := it.Next(jetstream.NextContext(nctx))
		cancel()
		if err != nil {
			return false, err
		}
		md, err := msg.Metadata()
		if err != nil {
			return false, err
		}
		if md.Sequence.Stream > last {
			return true, nil // published after the scan began
		}
		r := Record{Subject: msg.Subject(), Seq: md.Sequence.Stream, Header: msg.Headers()}
		if !headersOnly {
			r.Data = msg.Data()
		}
		if err := fn(r); err != nil {
			return true, err
		}
		if md.Sequence.Stream >= last {
			return true, nil
		}
		if md.NumPending == 0 {
			if trustPending {
				return true, nil
			}
			return false, errLagging
		}
	}
}

// leaderInfo returns a stream's info as its leader gives it, waiting
// through an election (a replicated stream without a leader may be
// described by a replica that holds nothing yet).
func (b *Bus) leaderInfo(ctx context.Context, stream string) (*jetstream.StreamInfo, error) {
	deadline := time.Now().Add(retryFor)
	for {
		info, err := retry(ctx, func(ctx context.Context) (*jetstream.StreamInfo, error) {
			s, err := b.js.Stream(ctx, stream)
			if err != nil {
				return nil, err
			}
			return s.Info(ctx)
		})
		if err != nil {
			return nil, fmt.Errorf("stream %s: %w", stream, err)
		}
		if info.Cluster == nil || info.Config.Replicas <= 1 || info.Cluster.Leader != "" {
			return info, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("stream %s has no leader: %w", stream, lumen.ErrUnavailable)
		}
		if !sleep(ctx, 100*time.Millisecond) {
			return nil, ctx.Err()
		}
	}
}

// LastTagged returns the stored ArticleTagged of an article.
func (b *Bus) LastTagged(ctx context.Context, id string) (lumen.ArticleTagged, error) {
	var ev lumen.ArticleTagged
	err := b.last(ctx, StreamTagged, SubjectTagged, id, &ev)
	return ev, err
}

func (b *Bus) last(ctx context.Context, stream, prefix, id string, v any) error {
	if !lumen.ValidID(id) {
		return fmt.Errorf("article %q: %w", id, lumen.ErrNotFound)
	}
	m, err := retry(ctx, func(ctx context.Context) (*jetstream.RawStreamMsg, error) {
		s, err := b.js.Stream(ctx, stream)
		if err != nil {
			return nil, err
		}
		return s.GetLastMsgForSubject(ctx, prefix+"."+id)
	})
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return fmt.Errorf("article %s in %s: %w", id, stream, lumen.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("article %s in %s: %w", id, stream, err)
	}
	if err := decode(m.Data, v); err != nil {
		return fmt.Errorf("decode article %s in %s: %w", id, stream, err)
	}
	return nil
}

// RepublishFetched publishes ev again, past the de-duplication window's
// memory of the original (a repair: the stored copy was lost, or the
// consumer must see it again).
func (b *Bus) RepublishFetched(ctx context.Context, ev lumen.ArticleFetched) error {
	a := &ev.Article
	_, err := b.publish(ctx, SubjectFetched, a.ID, fmt.Sprintf("%s.%s.repair.%d", a.ID, a.ContentHash, time.Now().UnixNano()), versionOf(a, ""), ev)
	return err
}
