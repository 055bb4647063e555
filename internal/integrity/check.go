package integrity

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/bus"
)

// Streams reads the streams of the system of record.
type Streams interface {
	StreamStates(ctx context.Context) ([]bus.StreamState, error)
	Scan(ctx context.Context, stream string, headersOnly bool, fn func(bus.Record) error) (uint64, error)
	// Notes is the damage the bus found while connecting.
	Notes() []bus.Note
}

// Consumers reads and recreates the durable consumers.
type Consumers interface {
	// Consumers lists the durable consumers this process depends on: one
	// per stream it reads (the taggers', and its own index's).
	Consumers() []bus.ConsumerSpec
	ConsumerState(ctx context.Context, stream, durable string) (bus.ConsumerState, error)
	// EnsureConsumer creates a consumer that was never there.
	EnsureConsumer(ctx context.Context, stream, durable string) error
	RecreateConsumer(ctx context.Context, stream, durable string, startSeq uint64) error
	DeadLetters(ctx context.Context) ([]bus.DeadLetter, error)
}

// Articles reads the stored events of an article and publishes them again.
type Articles interface {
	LastFetched(ctx context.Context, id string) (lumen.ArticleFetched, error)
	LastTagged(ctx context.Context, id string) (lumen.ArticleTagged, error)
	RepublishFetched(ctx context.Context, ev lumen.ArticleFetched) error
	RepublishTagged(ctx context.Context, ev lumen.ArticleTagged) error
}

// Index is what the check reads of the search index and how it repairs it.
type Index interface {
	State() (string, error)
	HighWater() (uint64, error)
	VerifyLive() error
	Versions(ctx context.Context, fn func(indexer.ArticleVersion) error) error
	ClaimsByArticle(ctx context.Context, articles int) (map[string]int, error)
	ArticleClaims(ctx context.Context, id string) (v indexer.ArticleVersion, claims int, found bool, err error)
	Article(ctx context.Context, id string) (lumen.ArticleDetail, error)
	Apply(ctx context.Context, events []lumen.ArticleTagged) (indexer.ApplyStats, error)
	ReapplyClaims(ctx context.Context, events []lumen.ArticleTagged) error
	// ReviewLogs calls fn with the decisions held on each decided claim.
	ReviewLogs(ctx context.Context, fn func(claimID string, log []lumen.ReviewDecision) error) error
	ApplyReviews(ctx context.Context, decisions []lumen.ReviewDecision) (indexer.ReviewStats, error)
}

// CrawlState is what the crawler remembers of the articles it published.
type CrawlState interface {
	// ArticleRefs calls fn for each URL state that names an article.
	ArticleRefs(ctx context.Context, fn func(key, articleID string) error) error
	// IdentityRefs calls fn for each identifier that names an article.
	IdentityRefs(ctx context.Context, fn func(key, kind, articleID string) error) error
	// Forget drops URL states, so the next crawl fetches them again.
	Forget(ctx context.Context, keys []string) error
	// ForgetIdentities drops identifier keys.
	ForgetIdentities(ctx context.Context, keys []string) error
	// ResetAPIWindows makes API sources search from the beginning again.
	ResetAPIWindows(ctx context.Context) (int, error)
}

// Tagger tags an article again (the worker's Tag).
type Tagger interface {
	Tag(a lumen.Article) (lumen.ArticleTagged, error)
}

// Deps are what a Checker checks. Index, Crawl, Tagger and Decisions may be nil: the
// process has no index, no crawl state, or no tagger (missing taggings are
// then repaired by publishing the fetched article again for the workers).
type Deps struct {
	Streams   Streams
	Consumers Consumers
	Articles  Articles
	Index     Index
	Crawl     CrawlState
	Tagger    Tagger
	// Decisions, when set, restores curators' decisions the reviews
	// stream lost from the index's copy.
	Decisions Decisions
	Logger    *slog.Logger
}

// Checker runs checks. Run is safe to call from one goroutine at a time.
type Checker struct {
	d   Deps
	log *slog.Logger

	mu        sync.Mutex
	notesSeen int // notes of the bus already reported
}

// New returns a Checker.
func New(d Deps) *Checker {
	log := d.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Checker{d: d, log: log.With("component", "check")}
}

// Kinds of Problem.
const (
	KindServerDamage      = "server_damage"        // the NATS server reported damage loading its store
	KindConsumerRecreated = "consumer_recreated"   // a consumer's state was lost and it was recreated
	KindStreamLost        = "stream_lost"          // the server reports lost messages
	KindStreamUnreadable  = "stream_unreadable"    // not every message of a stream could be read
	KindStreamTruncated   = "stream_truncated"     // a consumer acknowledged past the stream's end
	KindReplicaOffline    = "replica_offline"      // a replica of a clustered stream is offline (a warning)
	KindConsumerMissing   = "consumer_missing"     // a durable consumer of the pipeline is gone
	KindArticleLost       = "article_lost"         // an article the tagged stream or the index has is missing from the articles stream
	KindTaggedMissing     = "tagged_missing"       // an article tagged (acknowledged) has no tagging of its version
	KindNotIndexed        = "not_indexed"          // an article indexed (acknowledged) is missing from the index, or stale
	KindClaimsMismatch    = "claims_mismatch"      // the index's claims disagree with its articles
	KindCrawlDangling     = "crawl_state_dangling" // crawl state points at articles no copy has left
	KindIdentityDangling  = "identity_dangling"    // identifiers point at articles no copy has left
	KindIndexDamaged      = "index_damaged"        // the index files are damaged
	KindIndexRebuilding   = "index_rebuilding"     // the index is being rebuilt (a warning)
	KindDeadLetters       = "dead_letters"         // messages no consumer could handle (a warning)
	KindJunk              = "junk"                 // messages that are no article or decision of Lumen's, left out of the checks (a warning)
	KindCheckFailed       = "check_failed"         // a part of the check could not run
)

// Kinds lists every kind of Problem, so that a clean check can report each
// as 0 (lumen_integrity_problems) rather than as absent.
var Kinds = []string{
	KindServerDamage, KindConsumerRecreated, KindStreamLost, KindStreamUnreadable, KindStreamTruncated,
	KindReplicaOffline, KindConsumerMissing, KindArticleLost, KindTaggedMissing, KindNotIndexed,
	KindClaimsMismatch, KindCrawlDangling, KindIdentityDangling, KindIndexDamaged, KindIndexRebuilding,
	KindDeadLetters, KindJunk, KindCheckFailed, KindDecisionUnindexed, KindDecisionLost,
}

// Problem is one kind of damage (or, when Warning, something to look at).
type Problem struct {
	Kind     string   `json:"kind"`
	Subject  string   `json:"subject"` // a stream, consumer, bucket or the index
	Count    int      `json:"count"`
	Detail   string   `json:"detail"`
	Examples []string `json:"examples,omitempty"` // article ids, keys
	// Repair says what --repair does about it, or did (with Repaired).
	Repair   string `json:"repair,omitempty"`
	Repaired int    `json:"repaired,omitempty"`
	// RepairErr says why the repair failed.
	RepairErr string `json:"repair_error,omitempty"`
	Warning   bool   `json:"warning,omitempty"`
}

func (p Problem) String() string {
	var b strings.Builder
	level := "DAMAGE "
	if p.Warning {
		level = "warning"
	}
	fmt.Fprintf(&b, "%s %-20s %s: %s", level, p.Kind, p.Subject, p.Detail)
	if len(p.Examples) > 0 {
		fmt.Fprintf(&b, " (e.g. %s)", strings.Join(p.Examples, ", "))
	}
	switch {
	case p.RepairErr != "":
		fmt.Fprintf(&b, "\n        repair failed: %s", p.RepairErr)
	case p.Repaired > 0:
		fmt.Fprintf(&b, "\n        repaired %d: %s", p.Repaired, p.Repair)
	case p.Repair != "":
		fmt.Fprintf(&b, "\n        --repair: %s", p.Repair)
	}
	return b.String()
}

// Report is what a check found.
type Report struct {
	Started time.Time     `json:"started"`
	Took    time.Duration `json:"-"`
	// TookMS is Took in milliseconds, as the HTTP API gives durations.
	TookMS int64 `json:"took_ms"`
	// Articles in the articles stream, in the tagged stream, in the index;
	// Claims in the index (by its articles' counts). -1: not checked.
	Articles     int `json:"articles"`
	Tagged       int `json:"tagged"`
	Indexed      int `json:"indexed"`
	Claims       int `json:"claims"`
	PendingTag   int `json:"pending_tag"`   // fetched, not yet tagged
	PendingIndex int `json:"pending_index"` // tagged, not yet indexed
	DeadLetters  int `json:"dead_letters"`
	// Indexes, for a check without an index name of its own against a
	// deployment of named indexes (lumen check --nats), is what each of
	// them has still to read; PendingIndex is then not measured.
	Indexes  []IndexPending `json:"indexes,omitempty"`
	Problems []Problem      `json:"problems"`
	Repaired bool           `json:"repaired"` // repairs were attempted
}

// IndexPending is what a named index's consumers have not yet acknowledged.
type IndexPending struct {
	Name             string `json:"name"`
	PendingIndex     uint64 `json:"pending_index"`
	PendingDecisions uint64 `json:"pending_decisions"`
}

// Damaged reports whether the check found damage (warnings aside).
func (r *Report) Damaged() bool { return len(r.Damage()) > 0 }

// Damage returns the problems that are damage (not warnings).
func (r *Report) Damage() []Problem {
	var out []Problem
	for _, p := range r.Problems {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Unrepaired returns the damage a repair did not (fully) fix.
func (r *Report) Unrepaired() []Problem {
	var out []Problem
	for _, p := range r.Damage() {
		if p.RepairErr != "" || p.Repaired < p.Count {
			out = append(out, p)
		}
	}
	return out
}

// Counts returns the number of damage problems by kind (for metrics).
func (r *Report) Counts() map[string]int {
	m := map[string]int{}
	for _, p := range r.Damage() {
		m[p.Kind] += max(p.Count, 1)
	}
	return m
}

// Summary is one line: what is wrong, for /readyz and the log.
func (r *Report) Summary() string {
	var parts []string
	for _, p := range r.Damage() {
		s := fmt.Sprintf("%s %s: %d", p.Kind, p.Subject, max(p.Count, 1))
		if p.Repaired > 0 {
			s += fmt.Sprintf(" (%d repaired)", p.Repaired)
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "ok"
	}
	return strings.Join(parts, "; ")
}

func (r *Report) add(p Problem) *Problem {
	if len(p.Examples) > 5 {
		p.Examples = p.Examples[:5]
	}
	r.Problems = append(r.Problems, p)
	return &r.Problems[len(r.Problems)-1]
}

// version is what a stream message or the index says of an article.
type version struct {
	seq       uint64
	hash      string
	taxonomy  string
	fetchedAt time.Time
}

// stale reports whether the index's version of an article (i) is older
// than the tagged stream's (t): another content or taxonomy, fetched
// earlier. The index keeps fetch times to the second.
func stale(i, t version) bool {
	if t.hash != "" && i.hash == t.hash && (t.taxonomy == "" || i.taxonomy == t.taxonomy) {
		return false
	}
	return !i.fetchedAt.After(t.fetchedAt.Truncate(time.Second))
}

// Run checks, and with repair repairs what it can; the report says what it
// found and, per problem, what it repaired. An error means the check
// itself could not run (the bus is gone, say).
func (c *Checker) Run(ctx context.Context, repair bool) (Report, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := Report{Started: time.Now().UTC(), Articles: -1, Tagged: -1, Indexed: -1, Claims: -1, Repaired: repair}
	err := c.run(ctx, &r, repair)
	r.Took = time.Since(r.Started)
	r.TookMS = r.Took.Milliseconds()
	return r, err
}

func (c *Checker) run(ctx context.Context, r *Report, repair bool) error {
	c.checkNotes(r)
	states, err := c.d.Streams.StreamStates(ctx)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	lastSeq := map[string]uint64{}
	for _, st := range states {
		lastSeq[st.Name] = st.LastSeq
		if st.LostMsgs > 0 {
			r.add(Problem{Kind: KindStreamLost, Subject: st.Name, Count: st.LostMsgs,
				Detail: fmt.Sprintf("the server reports %d messages (%d bytes) lost", st.LostMsgs, st.LostBytes),
				Repair: "articles are restored from their other copies (see the problems below)"})
		}
		if st.Offline > 0 {
			r.add(Problem{Kind: KindReplicaOffline, Subject: st.Name, Count: st.Offline, Warning: true,
				Detail: fmt.Sprintf("%d of %d replicas offline", st.Offline, st.Replicas)})
		}
	}
	floors := c.checkConsumers(ctx, r, lastSeq, repair)
	deadTag, deadIndex := c.checkDeadLetters(ctx, r)

	// Read every message of the streams the article checks do not read in
	// full: the buckets and the dead letters.
	for _, st := range states {
		if st.Name == bus.StreamArticles || st.Name == bus.StreamTagged {
			continue
		}
		c.readAll(ctx, r, st)
	}
	// What a live pipeline writes flows crawl state <- articles -> tagged ->
	// index: an article reaches each only after the one before. Reading
	// them against the flow (crawl state, index, tagged, articles) means an
	// article found downstream and missing upstream is lost, not merely
	// published while the check ran.
	var refs *crawlRefs
	if c.d.Crawl != nil {
		refs = c.readCrawl(ctx, r)
	}
	var hw uint64
	if c.d.Index != nil {
		hw, _ = c.d.Index.HighWater()
	}
	indexed, claims := c.readIndex(ctx, r, repair)
	tagged, ok := c.scanArticles(ctx, r, bus.StreamTagged, states)
	if !ok {
		return nil
	}
	fetched, ok := c.scanArticles(ctx, r, bus.StreamArticles, states)
	if !ok {
		return nil
	}
	r.Articles, r.Tagged = len(fetched), len(tagged)
	for _, v := range fetched {
		if f, ok := floors[bus.StreamArticles]; !ok || v.seq > f {
			r.PendingTag++
		}
	}
	if indexed != nil {
		r.Indexed = len(indexed)
		r.Claims = 0
		for _, v := range claims {
			r.Claims += v
		}
	}
	if f, ok := floors[bus.StreamTagged]; indexed != nil || ok {
		for _, v := range tagged {
			if !ok || v.seq > f {
				r.PendingIndex++
			}
		}
	}

	present := map[string]bool{}
	for id := range fetched {
		present[id] = true
	}
	c.checkLost(ctx, r, fetched, tagged, indexed, present, repair)
	if f, ok := floors[bus.StreamArticles]; ok {
		c.checkTagged(ctx, r, fetched, tagged, f, deadTag, repair)
	}
	if indexed != nil {
		floor, ok := floors[bus.StreamTagged]
		if !ok {
			floor = hw
		}
		c.checkIndexed(ctx, r, tagged, indexed, floor, deadIndex, repair)
		c.checkClaims(ctx, r, indexed, claims, repair)
		rf, ok := floors[bus.StreamReviews]
		c.checkReviews(ctx, r, rf, ok, repair)
	}
	// Crawl state naming an article no stream has is dangling only if the
	// index has not got it either. Without the index (lumen check --nats,
	// where the index is another process's), it is damage all the same
	// (the streams lost the article, whether or not the index kept a copy),
	// but it is not forgotten: the index may be the one copy left, to
	// restore from.
	switch {
	case refs != nil && indexed != nil:
		c.checkCrawl(ctx, r, refs, present, repair)
	case refs != nil:
		c.checkUnaccounted(r, refs, present, repair)
	}
	return nil
}

func (c *Checker) checkNotes(r *Report) {
	notes := c.d.Streams.Notes()
	if c.notesSeen > len(notes) {
		c.notesSeen = 0
	}
	fresh := notes[c.notesSeen:]
	c.notesSeen = len(notes)
	byKind := map[string][]bus.Note{}
	for _, n := range fresh {
		byKind[n.Kind] = append(byKind[n.Kind], n)
	}
	if ns := byKind[bus.NoteServerDamage]; len(ns) > 0 {
		var ex []string
		for _, n := range ns {
			ex = append(ex, truncate(n.Detail, 160))
		}
		r.add(Problem{Kind: KindServerDamage, Subject: "nats", Count: len(ns), Examples: ex,
			Detail: "the NATS server found damage while loading its store", Repaired: len(ns),
			Repair: "reported; what it cost is checked and restored below"})
	}
	for _, n := range byKind[bus.NoteConsumerRecreated] {
		r.add(Problem{Kind: KindConsumerRecreated, Subject: n.Consumer, Count: 1, Repaired: 1, Detail: n.Detail,
			Repair: "recreated from the high-water mark of what it feeds"})
	}
}

// checkConsumers returns the acknowledgement floor of each consumer there
// is, by the stream it reads.
func (c *Checker) checkConsumers(ctx context.Context, r *Report, lastSeq map[string]uint64, repair bool) map[string]uint64 {
	floors := map[string]uint64{}
	for _, spec := range c.d.Consumers.Consumers() {
		st, err := c.d.Consumers.ConsumerState(ctx, spec.Stream, spec.Durable)
		if errors.Is(err, lumen.ErrNotFound) && c.consumerNotYet(spec, lastSeq) {
			// Setup, not damage: its role has not run yet on a new store,
			// or a new index has nothing to resume from. Only a repair
			// creates it: a check that looks changes nothing (a consumer
			// nobody reads would pile up every message for good).
			if !repair {
				continue
			}
			if err := c.d.Consumers.EnsureConsumer(ctx, spec.Stream, spec.Durable); err != nil {
				r.add(Problem{Kind: KindCheckFailed, Subject: spec.Durable, Count: 1, Detail: err.Error()})
			} else if st, err = c.d.Consumers.ConsumerState(ctx, spec.Stream, spec.Durable); err == nil {
				floors[spec.Stream] = st.AckFloor
			}
			continue
		}
		if errors.Is(err, lumen.ErrNotFound) || err != nil && strings.Contains(err.Error(), "store") {
			p := r.add(Problem{Kind: KindConsumerMissing, Subject: spec.Durable, Count: 1,
				Detail: fmt.Sprintf("the durable consumer %s on %s is missing or cannot be loaded: %v", spec.Durable, spec.Stream, err),
				Repair: "recreate it from the high-water mark of what it feeds"})
			if repair {
				if err := c.d.Consumers.RecreateConsumer(ctx, spec.Stream, spec.Durable, 0); err != nil {
					p.RepairErr = err.Error()
				} else {
					p.Repaired = 1
				}
			}
			continue
		}
		if err != nil {
			r.add(Problem{Kind: KindCheckFailed, Subject: spec.Durable, Count: 1, Detail: err.Error()})
			continue
		}
		floors[spec.Stream] = st.AckFloor
		if last, ok := lastSeq[spec.Stream]; ok && st.AckFloor > last {
			p := r.add(Problem{Kind: KindStreamTruncated, Subject: spec.Stream, Count: int(st.AckFloor - last),
				Detail: fmt.Sprintf("consumer %s acknowledged up to sequence %d, but the stream ends at %d: its last messages are lost", spec.Durable, st.AckFloor, last),
				Repair: "what they held is restored from other copies (see the problems below)"})
			if repair {
				p.Repaired = p.Count
			}
		}
	}
	return floors
}

// consumerNotYet reports whether a missing consumer was most likely never
// created rather than lost: its stream has never held a message, or it is
// this process's index consumer and the index holds nothing to resume
// from (a new index, or one being built from the streams: it reads them
// from their start anyway).
func (c *Checker) consumerNotYet(spec bus.ConsumerSpec, lastSeq map[string]uint64) bool {
	switch {
	case lastSeq[spec.Stream] == 0:
		return true
	case spec.Stream == bus.StreamArticles:
		// No tagger has run yet (lumen crawl before any lumen work).
		return lastSeq[bus.StreamTagged] == 0
	case spec.Stream != bus.StreamTagged || c.d.Index == nil:
		return false
	}
	if state, _ := c.d.Index.State(); state != indexer.StateOK {
		return true // being built from the streams: from their start
	}
	hw, err := c.d.Index.HighWater()
	return err == nil && hw == 0
}

// checkDeadLetters returns the article ids dead-lettered by the tagger and
// by the indexer: those are not expected downstream.
func (c *Checker) checkDeadLetters(ctx context.Context, r *Report) (tag, index map[string]bool) {
	tag, index = map[string]bool{}, map[string]bool{}
	dls, err := c.d.Consumers.DeadLetters(ctx)
	if err != nil {
		r.add(Problem{Kind: KindCheckFailed, Subject: bus.StreamDead, Count: 1, Detail: err.Error()})
		return tag, index
	}
	r.DeadLetters = len(dls)
	mine := map[bus.ConsumerSpec]bool{}
	for _, spec := range c.d.Consumers.Consumers() {
		mine[spec] = true
	}
	var ex []string
	for _, d := range dls {
		id := d.Subject[strings.LastIndexByte(d.Subject, '.')+1:]
		// Another index's dead letters say nothing of this one.
		if mine[bus.ConsumerSpec{Stream: d.Stream, Durable: d.Consumer}] {
			switch d.Stream {
			case bus.StreamArticles:
				tag[id] = true
			case bus.StreamTagged:
				index[id] = true
			}
		}
		ex = append(ex, fmt.Sprintf("%d %s: %s", d.ID, d.Subject, truncate(d.Error, 80)))
	}
	if len(dls) > 0 {
		r.add(Problem{Kind: KindDeadLetters, Subject: bus.StreamDead, Count: len(dls), Warning: true, Examples: ex,
			Detail: "messages no consumer could handle; after a fix, `lumen deadletters replay`"})
	}
	return tag, index
}

// readAll reads every message of a stream (headers only) and reports one
// the server cannot read to its end.
func (c *Checker) readAll(ctx context.Context, r *Report, st bus.StreamState) {
	n, err := c.d.Streams.Scan(ctx, st.Name, true, func(bus.Record) error { return nil })
	if err != nil && ctx.Err() == nil {
		r.add(Problem{Kind: KindStreamUnreadable, Subject: st.Name, Count: int(st.Msgs - min(n, st.Msgs)),
			Detail: fmt.Sprintf("read %d of %d messages: %v", n, st.Msgs, err)})
	}
}

// scanArticles reads an article stream's headers: the latest version of
// each article.
func (c *Checker) scanArticles(ctx context.Context, r *Report, stream string, states []bus.StreamState) (map[string]version, bool) {
	out := map[string]version{}
	var msgs uint64
	for _, st := range states {
		if st.Name == stream {
			msgs = st.Msgs
		}
	}
	junk := 0
	n, err := c.d.Streams.Scan(ctx, stream, true, func(rec bus.Record) error {
		if !lumen.ValidID(rec.Key()) {
			junk++ // no article's subject: published by something else
			return nil
		}
		out[rec.Key()] = version{seq: rec.Seq, hash: rec.ContentHash(), taxonomy: rec.Taxonomy(), fetchedAt: rec.FetchedAt()}
		return nil
	})
	if junk > 0 {
		r.add(Problem{Kind: KindJunk, Subject: stream, Count: junk, Warning: true,
			Detail: fmt.Sprintf("%d messages under subjects that name no article (not published by Lumen); their consumers dead-letter them", junk)})
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, false
		}
		r.add(Problem{Kind: KindStreamUnreadable, Subject: stream, Count: int(msgs - min(n, msgs)),
			Detail: fmt.Sprintf("read %d of %d messages: %v", n, msgs, err)})
		return nil, false
	}
	return out, true
}

// readIndex returns what the index holds (nil when there is no usable
// index here) and each article's claims by the index's own count.
func (c *Checker) readIndex(ctx context.Context, r *Report, repair bool) (map[string]version, map[string]int) {
	if c.d.Index == nil {
		return nil, nil
	}
	if err := c.d.Index.VerifyLive(); err != nil {
		r.add(Problem{Kind: KindIndexDamaged, Subject: "index", Count: 1, Detail: err.Error(),
			Repair: "rebuild the index from the streams (serve and run do it by themselves; lumen reindex)"})
		return nil, nil
	}
	if state, reason := c.d.Index.State(); state != indexer.StateOK {
		p := Problem{Kind: KindIndexDamaged, Subject: "index", Count: 1, Detail: fmt.Sprintf("%s: %v", state, reason),
			Repair: "rebuild the index from the streams"}
		if state == indexer.StateRebuilding {
			p.Kind, p.Warning = KindIndexRebuilding, true
		}
		r.add(p)
		return nil, nil
	}
	out := map[string]version{}
	claims := map[string]int{}
	err := c.d.Index.Versions(ctx, func(v indexer.ArticleVersion) error {
		out[v.ID] = version{hash: v.ContentHash, taxonomy: v.TaxonomyVersion, fetchedAt: v.FetchedAt}
		claims[v.ID] = v.Claims
		return nil
	})
	if err != nil {
		r.add(Problem{Kind: KindIndexDamaged, Subject: "index", Count: 1, Detail: err.Error(),
			Repair: "rebuild the index from the streams"})
		return nil, nil
	}
	return out, claims
}

// checkLost finds articles the tagged stream or the index has and the
// articles stream lost, and restores them from those copies.
func (c *Checker) checkLost(ctx context.Context, r *Report, fetched, tagged, indexed map[string]version, present map[string]bool, repair bool) {
	var lost []string
	for id := range tagged {
		if _, ok := fetched[id]; !ok {
			lost = append(lost, id)
		}
	}
	for id := range indexed {
		if _, ok := fetched[id]; !ok {
			if _, ok := tagged[id]; !ok {
				lost = append(lost, id)
			}
		}
	}
	if len(lost) == 0 {
		return
	}
	slices.Sort(lost)
	for _, id := range lost {
		present[id] = true // a copy is left: the crawl state pointing at it is right
	}
	p := r.add(Problem{Kind: KindArticleLost, Subject: bus.StreamArticles, Count: len(lost), Examples: lost,
		Detail: fmt.Sprintf("%d articles in %s or the index are missing from %s", len(lost), bus.StreamTagged, bus.StreamArticles),
		Repair: "publish them again from their copy in " + bus.StreamTagged + " or the index"})
	if !repair {
		return
	}
	var errs []error
	for _, id := range lost {
		var a lumen.Article
		_, inTagged := tagged[id]
		if inTagged {
			ev, err := c.d.Articles.LastTagged(ctx, id)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			a = ev.Article
		} else {
			d, err := c.d.Index.Article(ctx, id)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			a = d.Article
		}
		if err := c.d.Articles.RepublishFetched(ctx, lumen.ArticleFetched{Article: a}); err != nil {
			errs = append(errs, err)
			continue
		}
		if !inTagged && c.d.Tagger != nil {
			// The tagged stream lost it too: tag it now rather than wait
			// for a worker.
			if ev, err := c.d.Tagger.Tag(a); err == nil {
				if err := c.d.Articles.RepublishTagged(ctx, ev); err != nil {
					errs = append(errs, err)
				}
			}
		}
		p.Repaired++
	}
	if len(errs) > 0 {
		p.RepairErr = errors.Join(errs...).Error()
	}
}

// checkTagged finds articles the tagger acknowledged whose tagging of that
// version is missing from the tagged stream, and tags them again.
func (c *Checker) checkTagged(ctx context.Context, r *Report, fetched, tagged map[string]version, floor uint64, dead map[string]bool, repair bool) {
	var missing []string
	for id, f := range fetched {
		if f.seq > floor || dead[id] {
			continue
		}
		if t, ok := tagged[id]; !ok || (t.hash != f.hash || f.hash == "") && t.fetchedAt.Before(f.fetchedAt) {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return
	}
	slices.Sort(missing)
	how := "tag them again"
	if c.d.Tagger == nil {
		how = "publish the fetched articles again for the workers to tag"
	}
	p := r.add(Problem{Kind: KindTaggedMissing, Subject: bus.StreamTagged, Count: len(missing), Examples: missing,
		Detail: fmt.Sprintf("%d articles were tagged but their tagging is missing from %s", len(missing), bus.StreamTagged),
		Repair: how})
	if !repair {
		return
	}
	var errs []error
	for _, id := range missing {
		ev, err := c.d.Articles.LastFetched(ctx, id)
		if err == nil && c.d.Tagger != nil {
			var t lumen.ArticleTagged
			if t, err = c.d.Tagger.Tag(ev.Article); err == nil {
				err = c.d.Articles.RepublishTagged(ctx, t)
			}
		} else if err == nil {
			err = c.d.Articles.RepublishFetched(ctx, ev)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p.Repaired++
	}
	if len(errs) > 0 {
		p.RepairErr = errors.Join(errs...).Error()
	}
}

// checkIndexed finds articles the indexer acknowledged that the index lacks
// (or holds in an older version), and indexes them again.
func (c *Checker) checkIndexed(ctx context.Context, r *Report, tagged, indexed map[string]version, floor uint64, dead map[string]bool, repair bool) {
	var missing []string
	for id, t := range tagged {
		if t.seq > floor || dead[id] {
			continue
		}
		if i, ok := indexed[id]; !ok || stale(i, t) {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return
	}
	slices.Sort(missing)
	p := r.add(Problem{Kind: KindNotIndexed, Subject: "index", Count: len(missing), Examples: missing,
		Detail: fmt.Sprintf("%d articles of %s are missing from the index or stale there", len(missing), bus.StreamTagged),
		Repair: "index them again from " + bus.StreamTagged})
	if !repair {
		return
	}
	var errs []error
	for chunk := range slices.Chunk(missing, 256) {
		var evs []lumen.ArticleTagged
		for _, id := range chunk {
			ev, err := c.d.Articles.LastTagged(ctx, id)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			evs = append(evs, ev)
		}
		if _, err := c.d.Index.Apply(ctx, evs); err != nil {
			errs = append(errs, err)
			continue
		}
		p.Repaired += len(evs)
	}
	if len(errs) > 0 {
		p.RepairErr = errors.Join(errs...).Error()
	}
}

// checkClaims compares, per article, the claims the index holds with the
// claims its article says it has.
func (c *Checker) checkClaims(ctx context.Context, r *Report, indexed map[string]version, claims map[string]int, repair bool) {
	got, err := c.d.Index.ClaimsByArticle(ctx, len(indexed))
	if err != nil {
		r.add(Problem{Kind: KindCheckFailed, Subject: "index", Count: 1, Detail: err.Error()})
		return
	}
	var bad []string
	for id, want := range claims {
		if got[id] != want {
			bad = append(bad, id)
		}
	}
	for id := range got {
		if _, ok := claims[id]; !ok {
			bad = append(bad, id) // claims of an article the index does not have
		}
	}
	// The two reads above are not one snapshot of a live index: look again
	// at each suspect in one read, and keep those that disagree with
	// themselves, or that changed in no way since.
	bad = slices.DeleteFunc(bad, func(id string) bool {
		v, n, found, err := c.d.Index.ArticleClaims(ctx, id)
		if err != nil {
			return false
		}
		before, had := indexed[id]
		switch {
		case !found:
			return n == 0 // an orphan only if claims remain
		case !had || v.ContentHash != before.hash || v.TaxonomyVersion != before.taxonomy:
			return true // indexed or replaced since: in flux, not damage
		default:
			return n == v.Claims
		}
	})
	if len(bad) == 0 {
		return
	}
	slices.Sort(bad)
	p := r.add(Problem{Kind: KindClaimsMismatch, Subject: "index", Count: len(bad), Examples: bad,
		Detail: fmt.Sprintf("the claims of %d articles in the index disagree with their article", len(bad)),
		Repair: "index their claims again from " + bus.StreamTagged})
	if !repair {
		return
	}
	var evs []lumen.ArticleTagged
	var errs []error
	for _, id := range bad {
		ev, err := c.d.Articles.LastTagged(ctx, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		evs = append(evs, ev)
	}
	if len(evs) > 0 {
		if err := c.d.Index.ReapplyClaims(ctx, evs); err != nil {
			errs = append(errs, err)
		} else {
			p.Repaired = len(evs)
		}
	}
	if len(errs) > 0 {
		p.RepairErr = errors.Join(errs...).Error()
	}
}

// crawlRefs is what the crawl state says of articles.
type crawlRefs struct {
	state map[string]string // URL state key -> article id
	ids   []identityRef     // API identifiers
}

type identityRef struct{ key, id string }

func (c *Checker) readCrawl(ctx context.Context, r *Report) *crawlRefs {
	refs := &crawlRefs{state: map[string]string{}}
	err := c.d.Crawl.ArticleRefs(ctx, func(key, id string) error {
		refs.state[key] = id
		return nil
	})
	if err == nil {
		err = c.d.Crawl.IdentityRefs(ctx, func(key, kind, id string) error {
			switch kind {
			case "pmid", "pmcid", "doi":
				refs.ids = append(refs.ids, identityRef{key, id})
			}
			return nil
		})
	}
	if err != nil {
		r.add(Problem{Kind: KindCheckFailed, Subject: "crawl state", Count: 1, Detail: err.Error()})
		return nil
	}
	return refs
}

// checkCrawl finds crawl state and identifiers naming articles that no copy
// has left, and makes the crawler fetch them again.
func (c *Checker) checkCrawl(ctx context.Context, r *Report, refs *crawlRefs, present map[string]bool, repair bool) {
	var keys, examples []string
	referenced := map[string]bool{}
	for key, id := range refs.state {
		referenced[id] = true
		if !present[id] {
			keys = append(keys, key)
			if len(examples) < 5 {
				examples = append(examples, id)
			}
		}
	}
	if len(keys) > 0 {
		slices.Sort(keys)
		p := r.add(Problem{Kind: KindCrawlDangling, Subject: "crawl state", Count: len(keys), Examples: examples,
			Detail: fmt.Sprintf("%d URLs are recorded as giving articles that no stream or index has", len(keys)),
			Repair: "forget their crawl state, so the next crawl fetches them again"})
		if repair {
			if err := c.d.Crawl.Forget(ctx, keys); err != nil {
				p.RepairErr = err.Error()
			} else {
				p.Repaired = len(keys)
			}
		}
	}
	var apiLost, idKeys []string
	for _, ref := range refs.ids {
		if !present[ref.id] && !referenced[ref.id] {
			idKeys = append(idKeys, ref.key)
			if !slices.Contains(apiLost, ref.id) {
				apiLost = append(apiLost, ref.id)
			}
		}
	}
	if len(apiLost) > 0 {
		p := r.add(Problem{Kind: KindIdentityDangling, Subject: "identifiers", Count: len(apiLost), Examples: apiLost,
			Detail: fmt.Sprintf("%d articles found through PubMed or Europe PMC are gone from every copy", len(apiLost)),
			Repair: "make the next run of each API source search from the beginning"})
		if repair {
			// The identifiers go too, so that the reset is not asked
			// again before the sources have run; the ids they give are
			// derived from the identifiers, so the articles keep them.
			_, err := c.d.Crawl.ResetAPIWindows(ctx)
			if err == nil {
				err = c.d.Crawl.ForgetIdentities(ctx, idKeys)
			}
			if err != nil {
				p.RepairErr = err.Error()
			} else {
				p.Repaired = len(apiLost)
			}
		}
	}
}

// checkUnaccounted reports the articles the crawl state names that no
// stream has, when the index could not be read: the streams lost them, and
// only a check where the index is (or a crawl) can say whether a copy is
// left. It repairs nothing.
func (c *Checker) checkUnaccounted(r *Report, refs *crawlRefs, present map[string]bool, repair bool) {
	missing := map[string]bool{}
	for _, id := range refs.state {
		if !present[id] {
			missing[id] = true
		}
	}
	for _, ref := range refs.ids {
		if !present[ref.id] {
			missing[ref.id] = true
		}
	}
	if len(missing) == 0 {
		return
	}
	ids := slices.Sorted(maps.Keys(missing))
	how := "none from here: run `lumen check --repair` where the index lives (with the data directory of the process that serves it), " +
		"which restores them from the index's copy, or has the crawler fetch them again if the index has none"
	if c.d.Index != nil {
		how = "none until the index is whole again (see the index problem): then `lumen check --repair` restores them from the index's copy, " +
			"or has the crawler fetch them again"
	}
	p := r.add(Problem{Kind: KindArticleLost, Subject: "streams", Count: len(ids), Examples: ids,
		Detail: fmt.Sprintf("%d articles the crawl state names are in neither %s nor %s, and the index was not checked", len(ids), bus.StreamArticles, bus.StreamTagged),
		Repair: how})
	if repair {
		p.RepairErr = "not repaired: no readable index here to restore them from, and their crawl state is kept until one is checked"
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
