package bus_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
)

// The durable consumers' acknowledgement deadline is short enough that
// what a killed process held is redelivered within 5 s.
func TestAckWaitIsShort(t *testing.T) {
	srv := bustest.StartServer(t, t.TempDir())
	b := bustest.Connect(t, srv)
	if err := b.EnsureConsumers(t.Context()); err != nil {
		t.Fatal(err)
	}
	js := bustest.JetStream(t, srv)
	for _, c := range b.Consumers() {
		cons, err := js.Consumer(t.Context(), c.Stream, c.Durable)
		if err != nil {
			t.Fatal(err)
		}
		if w := cons.CachedInfo().Config.AckWait; w > 5*time.Second || w <= 0 {
			t.Errorf("consumer %s AckWait = %s, want at most 5s", c.Durable, w)
		}
	}
}

// A handler slower than AckWait keeps its message: it signals progress, so
// the message is delivered once. (AckWait is shortened to keep the test
// quick; the handler takes four of them.)
func TestProgressKeepsSlowMessages(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const ackWait = time.Second // the progress every quarter of it must get the CPU in time on a loaded machine
	b := bustest.ConnectWith(t, bus.Options{Server: bustest.StartServer(t, t.TempDir()), AckWait: ackWait})
	if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: article(1, "slow")}); err != nil {
		t.Fatal(err)
	}
	if err := b.PublishTagged(ctx, lumen.ArticleTagged{Article: article(2, "slow"), TaxonomyVersion: "t"}); err != nil {
		t.Fatal(err)
	}
	var tagCalls, indexCalls atomic.Int32
	go b.ConsumeFetched(ctx, 2, func(ctx context.Context, ev lumen.ArticleFetched) error {
		tagCalls.Add(1)
		time.Sleep(4 * ackWait)
		return nil
	})
	go b.ConsumeTaggedBatches(ctx, 10, 20*time.Millisecond, func(ctx context.Context, evs []lumen.ArticleTagged, _ []uint64) []error {
		indexCalls.Add(int32(len(evs)))
		time.Sleep(4 * ackWait)
		return nil
	})
	waitFor(t, "both messages acknowledged", func() bool {
		p1, err1 := b.Pending(ctx, bus.StreamArticles, bus.ConsumerTagger)
		p2, err2 := b.Pending(ctx, bus.StreamTagged, bus.ConsumerIndexer)
		return err1 == nil && err2 == nil && p1 == 0 && p2 == 0 && tagCalls.Load() > 0 && indexCalls.Load() > 0
	})
	if n := tagCalls.Load(); n != 1 {
		t.Errorf("tagger handler ran %d times for one message, want 1", n)
	}
	if n := indexCalls.Load(); n != 1 {
		t.Errorf("indexer handler got %d events for one message, want 1", n)
	}
}

// The batch consumer pulls the next batch while the handler works on the
// current one, and keeps what it pulled ahead: nothing is acknowledged
// before its batch is handled, and a batch that waits longer than AckWait
// for its turn is not redelivered meanwhile (it is reported in progress
// from the moment it is read).
func TestBatchPulledAheadIsKept(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const ackWait = time.Second // the progress every quarter of it must get the CPU in time on a loaded machine
	b := bustest.ConnectWith(t, bus.Options{Server: bustest.StartServer(t, t.TempDir()), AckWait: ackWait})
	const n = 20
	for i := range n {
		if err := b.PublishTagged(ctx, lumen.ArticleTagged{Article: article(i, "ahead"), TaxonomyVersion: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	var (
		mu      sync.Mutex
		batches int
		seen    = map[string]int{}
		ahead   bool // the second batch was delivered while the first was handled
		acked   uint64
	)
	go b.ConsumeTaggedBatches(ctx, 10, 20*time.Millisecond, func(ctx context.Context, evs []lumen.ArticleTagged, _ []uint64) []error {
		mu.Lock()
		batches++
		first := batches == 1
		for _, ev := range evs {
			seen[ev.Article.ID]++
		}
		mu.Unlock()
		if !first {
			return nil
		}
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			st, err := b.ConsumerState(ctx, bus.StreamTagged, bus.ConsumerIndexer)
			if err == nil && st.Delivered == n {
				mu.Lock()
				ahead, acked = true, st.AckFloor
				mu.Unlock()
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(4 * ackWait) // the batch pulled ahead waits past AckWait
		return nil
	})
	waitFor(t, "every event handled and acknowledged", func() bool {
		p, err := b.Pending(ctx, bus.StreamTagged, bus.ConsumerIndexer)
		mu.Lock()
		defer mu.Unlock()
		return err == nil && p == 0 && len(seen) == n
	})
	mu.Lock()
	defer mu.Unlock()
	if !ahead {
		t.Errorf("the second batch was not pulled while the first was handled")
	}
	if acked != 0 {
		t.Errorf("ack floor %d while the first batch was handled, want 0 (nothing acknowledged before its batch is done)", acked)
	}
	for id, c := range seen {
		if c != 1 {
			t.Errorf("event %s handled %d times, want 1", id, c)
		}
	}
}

// What a killed process held (its connection gone, nothing acknowledged) is
// redelivered to another process.
func TestKilledConsumerIsRedelivered(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := bus.StartServer(bus.ServerOptions{Dir: t.TempDir(), Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	opts := bus.Options{URL: srv.ClientURL(), AckWait: 300 * time.Millisecond}
	victim := bustest.ConnectWith(t, opts)
	if _, err := victim.PublishFetched(ctx, lumen.ArticleFetched{Article: article(1, "held")}); err != nil {
		t.Fatal(err)
	}
	holding := make(chan struct{})
	vctx, vcancel := context.WithCancel(ctx)
	defer vcancel()
	go victim.ConsumeFetched(vctx, 1, func(ctx context.Context, ev lumen.ArticleFetched) error {
		close(holding)
		<-vctx.Done()
		return errors.New("killed")
	})
	<-holding
	bus.Kill(victim) // the process dies: no ack, no nak, no progress
	rescuer := bustest.ConnectWith(t, opts)
	got := make(chan lumen.ArticleFetched, 1)
	go rescuer.ConsumeFetched(ctx, 1, func(ctx context.Context, ev lumen.ArticleFetched) error {
		got <- ev
		return nil
	})
	select {
	case ev := <-got:
		if ev.Article.Text != "held" {
			t.Errorf("redelivered %q", ev.Article.Text)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the message a killed consumer held was not redelivered")
	}
}

// A message that can never succeed goes to the dead letters with its error
// and attempt count, without holding back the others; replay re-queues it.
func TestDeadLetters(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := bustest.StartServer(t, t.TempDir())
	b := bustest.Connect(t, srv)
	js := bustest.JetStream(t, srv)
	good, poison, panicky, stale := article(1, "good"), article(2, "poison"), article(3, "panic"), article(4, "old")
	for _, a := range []lumen.Article{good, poison, panicky, stale} {
		if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: a}); err != nil {
			t.Fatal(err)
		}
	}
	garbage := lumen.NewID("garbage")
	if _, err := js.Publish(ctx, bus.SubjectFetched+"."+garbage, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		fixed bool
		done  = map[string]int{}
	)
	go b.ConsumeFetched(ctx, 2, func(ctx context.Context, ev lumen.ArticleFetched) error {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case ev.Article.Text == "poison" && !fixed:
			return fmt.Errorf("cannot tag: %w", lumen.ErrInvalid)
		case ev.Article.Text == "panic" && !fixed:
			panic("tagger bug")
		case ev.Article.Text == "old":
			return fmt.Errorf("never: %w", lumen.ErrInvalid)
		}
		done[ev.Article.Text]++
		return nil
	})
	var dls []bus.DeadLetter
	waitFor(t, "four dead letters", func() bool {
		var err error
		dls, err = b.DeadLetters(ctx)
		return err == nil && len(dls) == 4
	})
	waitFor(t, "nothing pending", func() bool {
		n, err := b.Pending(ctx, bus.StreamArticles, bus.ConsumerTagger)
		return err == nil && n == 0
	})
	mu.Lock()
	if done["good"] != 1 {
		t.Errorf("good handled %d times, want 1 (dead letters must not hold it back)", done["good"])
	}
	fixed = true
	mu.Unlock()
	bySubject := map[string]bus.DeadLetter{}
	for _, d := range dls {
		bySubject[d.Subject] = d
		if d.Stream != bus.StreamArticles || d.Consumer != bus.ConsumerTagger || d.Attempts != 1 || d.Seq == 0 || d.Error == "" || d.At.IsZero() {
			t.Errorf("dead letter = %+v", d)
		}
	}
	if d := bySubject[bus.SubjectFetched+"."+poison.ID]; !strings.Contains(d.Error, "cannot tag") {
		t.Errorf("poison dead letter error = %q", d.Error)
	}
	if d := bySubject[bus.SubjectFetched+"."+panicky.ID]; !strings.Contains(d.Error, "tagger bug") {
		t.Errorf("panic dead letter error = %q", d.Error)
	}
	if d := bySubject[bus.SubjectFetched+"."+garbage]; !strings.Contains(d.Error, "undecodable") {
		t.Errorf("garbage dead letter error = %q", d.Error)
	}

	// A newer version of the "old" article replaces the one that failed:
	// replaying its dead letter re-queues nothing.
	newer := stale
	newer.Text, newer.FetchedAt = "new", stale.FetchedAt.Add(time.Second)
	newer.ContentHash = newer.ComputeContentHash()
	if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: newer}); err != nil {
		t.Fatal(err)
	}
	for _, subj := range []string{poison.ID, panicky.ID, stale.ID} {
		d := bySubject[bus.SubjectFetched+"."+subj]
		out, err := b.ReplayDeadLetter(ctx, d.ID)
		want := bus.Requeued
		if subj == stale.ID {
			want = bus.Superseded
		}
		if err != nil || out != want {
			t.Errorf("ReplayDeadLetter(%s) = %q, %v; want %q", subj, out, err, want)
		}
	}
	waitFor(t, "the replayed messages handled", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return done["poison"] == 1 && done["panic"] == 1 && done["new"] == 1
	})
	if _, err := b.ReplayDeadLetter(ctx, bySubject[bus.SubjectFetched+"."+poison.ID].ID); !errors.Is(err, lumen.ErrNotFound) {
		t.Errorf("replay of a replayed dead letter: %v, want ErrNotFound", err)
	}
	left, err := b.DeadLetters(ctx)
	if err != nil || len(left) != 1 || left[0].Subject != bus.SubjectFetched+"."+garbage {
		t.Errorf("dead letters left = %+v, %v; want the garbage one", left, err)
	}
	if err := b.DeleteDeadLetter(ctx, left[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := b.DeleteDeadLetter(ctx, left[0].ID); !errors.Is(err, lumen.ErrNotFound) {
		t.Errorf("delete of a deleted dead letter: %v, want ErrNotFound", err)
	}
}

// Replication is asked of every stream and bucket: a single server refuses
// three replicas, and the error says what nats.replicas needs.
func TestReplicasNeedACluster(t *testing.T) {
	_, err := bus.Connect(t.Context(), bus.Options{Server: bustest.StartServer(t, t.TempDir()), Replicas: 3})
	if err == nil || !strings.Contains(err.Error(), "nats.replicas is 3") {
		t.Errorf("Connect(replicas 3) on one server = %v, want an error about nats.replicas", err)
	}
}

// A consumer whose state file is garbled is recreated where its resume
// function says, and the repair is noted; damage the server finds in a
// stream while loading it is noted too.
func TestBrokenConsumerIsRecreated(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	srv := bustest.StartServer(t, dir)
	b := bustest.Connect(t, srv)
	var ids []string
	for i := range 6 {
		a := article(i, fmt.Sprintf("text %d", i))
		ids = append(ids, a.ID)
		if err := b.PublishTagged(ctx, lumen.ArticleTagged{Article: a, TaxonomyVersion: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.EnsureConsumers(ctx); err != nil {
		t.Fatal(err)
	}
	b.Close()
	srv.Shutdown()
	store := filepath.Join(dir, "jetstream", "$G", "streams", bus.StreamTagged)
	if err := os.WriteFile(filepath.Join(store, "obs", bus.ConsumerIndexer, "o.dat"), []byte("\xff\x31garbage!"), 0o644); err != nil {
		t.Fatal(err)
	}

	srv = bustest.StartServer(t, dir)
	b = bustest.Connect(t, srv)
	b.SetResume(bus.StreamTagged, bus.ConsumerIndexer, func(context.Context) (uint64, error) { return 5, nil })
	if err := b.EnsureConsumers(ctx); err != nil {
		t.Fatalf("EnsureConsumers with a garbled consumer state: %v", err)
	}
	st, err := b.ConsumerState(ctx, bus.StreamTagged, bus.ConsumerIndexer)
	if err != nil || st.Pending != 2 {
		t.Errorf("recreated consumer = %+v, %v; want it to start at sequence 5 (2 pending)", st, err)
	}
	kinds := map[string]bool{}
	for _, n := range b.Notes() {
		kinds[n.Kind] = true
	}
	if !kinds[bus.NoteConsumerRecreated] || !kinds[bus.NoteServerDamage] {
		t.Errorf("notes = %+v, want the recreation and the server's report", b.Notes())
	}
	got := 0
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()
	var mu sync.Mutex
	go b.ConsumeTaggedBatches(ctx2, 10, 20*time.Millisecond, func(_ context.Context, evs []lumen.ArticleTagged, seqs []uint64) []error {
		mu.Lock()
		defer mu.Unlock()
		for i := range evs {
			if seqs[i] < 5 {
				t.Errorf("event at sequence %d delivered, want 5 and later", seqs[i])
			}
		}
		got += len(evs)
		return nil
	})
	waitFor(t, "the consumer to catch up", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return got == 2
	})
}

// Garbage in the middle of a stream's block is reported by the server while
// loading it, and Scan reads what is left.
func TestStreamDamageIsNoted(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	srv := bustest.StartServer(t, dir)
	b := bustest.Connect(t, srv)
	for i := range 40 {
		if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: article(i, strings.Repeat(fmt.Sprintf("text %d ", i), 50))}); err != nil {
			t.Fatal(err)
		}
	}
	b.Close()
	srv.Shutdown()
	blk := filepath.Join(dir, "jetstream", "$G", "streams", bus.StreamArticles, "msgs", "1.blk")
	data, err := os.ReadFile(blk)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(data) / 2; i < len(data)/2+4096 && i < len(data); i++ {
		data[i] ^= 0x5a
	}
	if err := os.WriteFile(blk, data, 0o644); err != nil {
		t.Fatal(err)
	}
	b = bustest.Connect(t, bustest.StartServer(t, dir))
	damaged := false
	for _, n := range b.Notes() {
		damaged = damaged || n.Kind == bus.NoteServerDamage
	}
	if !damaged {
		t.Errorf("notes = %+v, want the server's report of the damage", b.Notes())
	}
	n, err := b.Scan(ctx, bus.StreamArticles, true, func(r bus.Record) error {
		if !lumen.ValidID(r.Key()) || r.FetchedAt().IsZero() || !strings.HasPrefix(r.MsgID(), r.Key()+".") {
			t.Errorf("record %+v", r)
		}
		return nil
	})
	if err != nil || n == 0 || n >= 40 {
		t.Errorf("Scan = %d, %v; want some but not all of the 40 messages", n, err)
	}
}

// A decision the index could not apply is dead-lettered like any message,
// but replaying it publishes nothing (the reviews stream keeps it for good):
// the dead letter goes, and the decision stays in the stream once.
func TestReviewDeadLetter(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := bustest.Start(t)
	d := lumen.ReviewDecision{ClaimID: lumen.NewID("claim"), ArticleID: lumen.NewID("article"), Action: lumen.ActionAccept,
		Status: lumen.StatusAccepted, Curator: "alice", At: time.Now().UTC()}
	if _, err := b.PublishDecision(ctx, d, 0); err != nil {
		t.Fatal(err)
	}
	go b.ConsumeReviewBatches(ctx, 10, 10*time.Millisecond, func(_ context.Context, ds []lumen.ReviewDecision, _ []uint64) []error {
		errs := make([]error, len(ds))
		for i := range errs {
			errs[i] = fmt.Errorf("index refuses it: %w", lumen.ErrInvalid)
		}
		return errs
	})
	var dls []bus.DeadLetter
	waitFor(t, "the decision dead-lettered", func() bool {
		var err error
		dls, err = b.DeadLetters(ctx)
		return err == nil && len(dls) == 1
	})
	if dls[0].Stream != bus.StreamReviews || dls[0].Consumer != b.ReviewIndexerConsumer() {
		t.Fatalf("dead letter = %+v", dls[0])
	}
	out, err := b.ReplayDeadLetter(ctx, dls[0].ID)
	if err != nil || out != bus.LeftToCheck {
		t.Fatalf("ReplayDeadLetter = %q, %v; want %q", out, err, bus.LeftToCheck)
	}
	if left, err := b.DeadLetters(ctx); err != nil || len(left) != 0 {
		t.Errorf("dead letters left: %+v, %v", left, err)
	}
	if ds, _, err := b.Decisions(ctx, d.ClaimID); err != nil || len(ds) != 1 {
		t.Errorf("the claim's history = %+v, %v; want the one decision", ds, err)
	}
}
