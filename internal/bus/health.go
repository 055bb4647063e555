package bus

import (
	"context"
	"encoding/json"
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
// leader, reads through a consumer on the leader, ends at that last
// sequence rather than when its consumer has nothing pending, and when its
// consumer stalls (or none could be placed on the leader) reads on from the
// leader directly, then starts over on a new consumer from where it got to.
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
		n      uint64
		seen   = max(from, 1) - 1
		fnErr  error
		leader = leaderOf(info)
		// the last stall's deadline, and how far the scan had got then
		deadline = time.Now().Add(scanFor)
		progress = seen
	)
	// visit hands a message on, from a consumer or from the leader.
	visit := func(r Record) error {
		n++
		seen = r.Seq
		fnErr = fn(r)
		return fnErr
	}
	for {
		done, err := b.scanFrom(ctx, stream, headersOnly, seen+1, last, leader, trustPending, visit)
		switch {
		case fnErr != nil:
			return n, fnErr
		case done:
			return n, nil
		case ctx.Err() != nil:
			return n, ctx.Err()
		}
		// Stalled. The leader first: a new one may have been elected.
		info, ierr := b.leaderInfo(ctx, stream)
		if ierr == nil {
			leader = leaderOf(info)
			if info.State.LastSeq <= seen {
				return n, nil // the stream's tail went away meanwhile
			}
		}
		if seen > progress {
			progress, deadline = seen, time.Now().Add(scanFor) // it got on
		}
		if !trustPending {
			// No consumer could be placed on the leader, it changed, or a
			// message went missing on its way. The leader holds the whole
			// stream: read on from it, a few messages at a time, and start
			// over on a new consumer after them. Nothing more up to last
			// there, and the scan is done. (The leader cannot tell a
			// message it cannot read from one that is not there: damage
			// to the leader's own store ends the scan there, as a stalled
			// scan of a replicated stream ended before.)
			more, lerr := b.scanLeader(ctx, stream, headersOnly, seen+1, last, visit)
			switch {
			case fnErr != nil:
				return n, fnErr
			case lerr == nil && !more:
				return n, nil
			case lerr == nil:
				progress, deadline = seen, time.Now().Add(scanFor)
				b.log.Debug("scan stalled; read on from the stream leader", "stream", stream, "seen", seen, "last", last, "err", err)
				continue
			case ctx.Err() != nil:
				return n, ctx.Err()
			}
			err = errors.Join(err, lerr)
		}
		// A stream on one server whose consumer stalls short of its last
		// message (an unreadable block, say) keeps being tried, and fails
		// when the stalls last scanFor: the check reports it.
		if time.Now().After(deadline) {
			return n, fmt.Errorf("scan %s: read %d messages, up to sequence %d of %d: %w", stream, n, seen, last, err)
		}
		b.log.Debug("scan stalled; starting over on a new consumer", "stream", stream, "seen", seen, "last", last, "err", err)
	}
}

// leaderOf names the server that leads a stream ("" if none does, or it
// is not on a cluster).
func leaderOf(info *jetstream.StreamInfo) string {
	if info.Cluster == nil {
		return ""
	}
	return info.Cluster.Leader
}

// scanLeaderBatch is how many messages a stalled scan reads from the
// stream's leader, one request each, before it tries a consumer again.
const scanLeaderBatch = 64

// scanLeader calls fn for the messages of a stream from sequence from on,
// up to last, as the stream's leader gives them, scanLeaderBatch at most;
// more reports whether any is left.
func (b *Bus) scanLeader(ctx context.Context, stream string, headersOnly bool, from, last uint64, fn func(Record) error) (more bool, err error) {
	for range scanLeaderBatch {
		r, ok, err := b.leaderNext(ctx, stream, from)
		if err != nil {
			return true, err
		}
		if !ok || r.Seq > last {
			return false, nil
		}
		if headersOnly {
			r.Data = nil
		}
		if err := fn(r); err != nil {
			return true, err
		}
		if r.Seq >= last {
			return false, nil
		}
		from = r.Seq + 1
	}
	return true, nil
}

// apiPrefix is the prefix of the JetStream API's subjects, as the
// JetStream context uses it.
func (b *Bus) apiPrefix() string {
	o := b.js.Options()
	switch {
	case o.Domain != "":
		return "$JS." + o.Domain + ".API."
	case o.APIPrefix != "":
		return strings.TrimSuffix(o.APIPrefix, ".") + "."
	}
	return jetstream.DefaultAPIPrefix
}

// leaderNext returns a stream's first message at sequence from or after,
// as its leader holds it, and false if there is none.
func (b *Bus) leaderNext(ctx context.Context, stream string, from uint64) (Record, bool, error) {
	r, ok, err := b.leaderGet(ctx, stream, struct {
		Seq     uint64 `json:"seq"`
		NextFor string `json:"next_by_subj"`
	}{from, ">"})
	if err != nil {
		return Record{}, false, fmt.Errorf("stream %s from sequence %d on its leader: %w", stream, from, err)
	}
	return r, ok, nil
}

// leaderGet asks for one message of a stream through the JetStream API
// (STREAM.MSG.GET with the request req), which only the stream's leader
// answers, never a direct get, which a replica still catching up may
// answer. It returns false if the leader has no such message.
func (b *Bus) leaderGet(ctx context.Context, stream string, req any) (Record, bool, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return Record{}, false, err
	}
	var resp struct {
		Error   *jetstream.APIError `json:"error"`
		Message *struct {
			Subject string `json:"subject"`
			Seq     uint64 `json:"seq"`
			Header  []byte `json:"hdrs"`
			Data    []byte `json:"data"`
		} `json:"message"`
	}
	_, err = retry(ctx, func(ctx context.Context) (struct{}, error) {
		resp.Error, resp.Message = nil, nil
		msg, err := b.nc.RequestWithContext(ctx, b.apiPrefix()+"STREAM.MSG.GET."+stream, body)
		if err != nil {
			return struct{}{}, err
		}
		if err := json.Unmarshal(msg.Data, &resp); err != nil {
			return struct{}{}, fmt.Errorf("decode the leader's answer: %w", err)
		}
		if resp.Error != nil && resp.Error.ErrorCode != jetstream.JSErrCodeMessageNotFound {
			return struct{}{}, resp.Error
		}
		return struct{}{}, nil
	})
	if err != nil {
		return Record{}, false, err
	}
	if resp.Error != nil || resp.Message == nil {
		return Record{}, false, nil
	}
	m := resp.Message
	r := Record{Subject: m.Subject, Seq: m.Seq, Data: m.Data}
	if len(m.Header) > 0 {
		if r.Header, err = nats.DecodeHeadersMsg(m.Header); err != nil {
			return Record{}, false, fmt.Errorf("stream %s sequence %d: headers: %w", stream, m.Seq, err)
		}
	}
	return r, true, nil
}

// errLagging: the consumer of a scan has nothing more, short of where the
// scan goes.
var errLagging = errors.New("the scan's consumer has nothing more to deliver")

// scanFrom reads from sequence from up to last through a consumer; it
// reports done when it got there (or, with trustPending, when the consumer
// has nothing pending), or the error that stalled it. A replicated
// stream's consumer lives on its leader (leader names it; see
// leaderConsumer).
func (b *Bus) scanFrom(ctx context.Context, stream string, headersOnly bool, from, last uint64, leader string, trustPending bool, fn func(Record) error) (bool, error) {
	var it jetstream.MessagesContext
	if trustPending {
		cfg := jetstream.OrderedConsumerConfig{DeliverPolicy: jetstream.DeliverAllPolicy, HeadersOnly: headersOnly}
		if from > 1 {
			cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, from
		}
		c, err := b.js.OrderedConsumer(ctx, stream, cfg)
		if err != nil {
			return false, fmt.Errorf("scan %s: %w", stream, err)
		}
		if it, err = c.Messages(); err != nil {
			return false, fmt.Errorf("scan %s: %w", stream, err)
		}
	} else {
		c, err := b.leaderConsumer(ctx, stream, headersOnly, from, leader)
		if err != nil {
			return false, err
		}
		defer func() {
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			_ = b.js.DeleteConsumer(dctx, stream, c.CachedInfo().Name) // else gone when inactive
		}()
		if it, err = c.Messages(); err != nil {
			return false, fmt.Errorf("scan %s: %w", stream, err)
		}
	}
	defer it.Stop()
	var delivered uint64
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
		// An ordered consumer starts over by itself when a message goes
		// missing on the way; this one does not redeliver (no acks).
		if delivered++; !trustPending && md.Sequence.Consumer != delivered {
			return false, errMissed
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

// errMissed: a message on its way from the scan's consumer went missing.
var errMissed = errors.New("a message of the scan went missing on its way")

// errMisplaced: the server would not place the scan's consumer on the
// stream's leader.
var errMisplaced = errors.New("no consumer on the stream's leader")

// placeTries bounds how many consumers leaderConsumer creates to get one on
// the stream's leader (a variable for the tests).
var placeTries = 8

// leaderConsumer creates the consumer a scan of a replicated stream reads
// through, from sequence from on, on the stream's leader (the server named
// leader). A replica may hold less than the leader (one restoring a lost
// store), and while it replays the messages it missed it delivers some the
// leader has since replaced: a scan through it would miss some messages
// and see others twice. The server places a consumer of one replica on any
// of the stream's servers, so one placed elsewhere is deleted and another
// created, placeTries times at most (errMisplaced).
func (b *Bus) leaderConsumer(ctx context.Context, stream string, headersOnly bool, from uint64, leader string) (jetstream.Consumer, error) {
	cfg := jetstream.ConsumerConfig{
		DeliverPolicy:     jetstream.DeliverAllPolicy,
		AckPolicy:         jetstream.AckNonePolicy,
		HeadersOnly:       headersOnly,
		MemoryStorage:     true,
		Replicas:          1,
		InactiveThreshold: 30 * time.Second,
	}
	if from > 1 {
		cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, from
	}
	for range placeTries {
		c, err := b.js.CreateConsumer(ctx, stream, cfg)
		if err != nil {
			return nil, fmt.Errorf("scan %s: %w", stream, err)
		}
		info := c.CachedInfo()
		if info.Cluster == nil || leader != "" && info.Cluster.Leader == leader {
			return c, nil // not on a cluster, or on the leader
		}
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		err = b.js.DeleteConsumer(dctx, stream, info.Name)
		cancel()
		if err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
			return nil, fmt.Errorf("scan %s: %w", stream, err)
		}
	}
	return nil, errMisplaced
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
