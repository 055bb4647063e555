package bus_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
	"github.com/nats-io/nats.go"
)

func article(n int, text string) lumen.Article {
	a := lumen.Article{ID: lumen.NewID(fmt.Sprintf("url:https://example.org/%d", n)), URL: fmt.Sprintf("https://example.org/%d", n), Text: text,
		FetchedAt: time.Now().UTC()}
	a.ContentHash = a.ComputeContentHash()
	return a
}

// waitFor polls cond until it holds or the test times out.
func waitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPublishDeduplicates(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	a := article(1, "text")
	dup, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: a})
	if err != nil || dup {
		t.Fatalf("first PublishFetched = %v, %v; want not duplicate", dup, err)
	}
	dup, err = b.PublishFetched(ctx, lumen.ArticleFetched{Article: a})
	if err != nil || !dup {
		t.Fatalf("second PublishFetched = %v, %v; want duplicate", dup, err)
	}
	if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: lumen.Article{ID: "bad id"}}); !errors.Is(err, lumen.ErrInvalid) {
		t.Errorf("PublishFetched(bad id) error = %v, want ErrInvalid", err)
	}
	got, err := b.LastFetched(ctx, a.ID)
	if err != nil || got.Article.Text != "text" {
		t.Errorf("LastFetched = %+v, %v", got, err)
	}
	if _, err := b.LastFetched(ctx, lumen.NewID("none")); !errors.Is(err, lumen.ErrNotFound) {
		t.Errorf("LastFetched(unknown) error = %v, want ErrNotFound", err)
	}
}

func TestPublishTooLarge(t *testing.T) {
	b := bustest.Start(t)
	a := article(1, string(make([]byte, bus.MaxPayload+1)))
	if _, err := b.PublishFetched(context.Background(), lumen.ArticleFetched{Article: a}); !errors.Is(err, lumen.ErrInvalid) {
		t.Errorf("PublishFetched(huge) error = %v, want ErrInvalid", err)
	}
}

// The stream keeps the latest version of each article only.
func TestReplayKeepsLatestPerArticle(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	for i := range 3 {
		for v := range 3 {
			if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: article(i, fmt.Sprintf("v%d", v))}); err != nil {
				t.Fatal(err)
			}
		}
	}
	var got []string
	if err := b.ReplayArticles(ctx, func(ev lumen.ArticleFetched) error {
		got = append(got, ev.Article.Text)
		return nil
	}); err != nil {
		t.Fatalf("ReplayArticles: %v", err)
	}
	if len(got) != 3 || got[0] != "v2" || got[1] != "v2" || got[2] != "v2" {
		t.Errorf("ReplayArticles saw %v, want the latest of 3 articles", got)
	}
	// An empty stream replays nothing and returns.
	if err := b.ReplayTagged(ctx, func(lumen.ArticleTagged) error { t.Error("unexpected event"); return nil }); err != nil {
		t.Errorf("ReplayTagged(empty): %v", err)
	}
}

// A failed handler's message is redelivered; an invalid one is terminated;
// nothing is acknowledged before its handler returned nil.
func TestConsumeFetchedAckRules(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := bustest.Start(t)
	if err := b.EnsureConsumers(ctx); err != nil {
		t.Fatal(err)
	}
	good, flaky, poison := article(1, "good"), article(2, "flaky"), article(3, "poison")
	for _, a := range []lumen.Article{good, flaky, poison} {
		if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: a}); err != nil {
			t.Fatal(err)
		}
	}
	var (
		mu    sync.Mutex
		calls = map[string]int{}
		done  = map[string]bool{}
	)
	errc := make(chan error, 1)
	go func() {
		errc <- b.ConsumeFetched(ctx, 2, func(ctx context.Context, ev lumen.ArticleFetched) error {
			mu.Lock()
			defer mu.Unlock()
			calls[ev.Article.Text]++
			switch {
			case ev.Article.Text == "poison":
				return fmt.Errorf("cannot: %w", lumen.ErrInvalid)
			case ev.Article.Text == "flaky" && calls["flaky"] == 1:
				return errors.New("transient")
			}
			done[ev.Article.Text] = true
			return nil
		})
	}()
	waitFor(t, "good and flaky handled", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return done["good"] && done["flaky"]
	})
	waitFor(t, "nothing pending", func() bool {
		n, err := b.Pending(ctx, bus.StreamArticles, bus.ConsumerTagger)
		return err == nil && n == 0
	})
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("ConsumeFetched returned %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if calls["flaky"] != 2 || calls["poison"] != 1 || calls["good"] != 1 {
		t.Errorf("handler calls = %v, want good 1, flaky 2, poison 1", calls)
	}
}

// Shutdown lets a handler that is running finish, and acks its message.
func TestConsumeFinishesInFlightOnShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	b := bustest.Start(t)
	if _, err := b.PublishFetched(context.Background(), lumen.ArticleFetched{Article: article(1, "slow")}); err != nil {
		t.Fatal(err)
	}
	started, finished := make(chan struct{}), atomic.Bool{}
	errc := make(chan error, 1)
	go func() {
		errc <- b.ConsumeFetched(ctx, 1, func(hctx context.Context, ev lumen.ArticleFetched) error {
			close(started)
			time.Sleep(200 * time.Millisecond)
			if hctx.Err() != nil {
				return hctx.Err()
			}
			finished.Store(true)
			return nil
		})
	}()
	<-started
	cancel()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if !finished.Load() {
		t.Fatal("in-flight handler did not finish")
	}
	// The server applies an ack some time after it has it: wait for it.
	deadline := time.Now().Add(10 * time.Second)
	for {
		n, err := b.Pending(context.Background(), bus.StreamArticles, bus.ConsumerTagger)
		if err == nil && n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Pending after shutdown = %d, %v; want 0 (acked)", n, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestConsumeTaggedBatches(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := bustest.Start(t)
	const n = 25
	for i := range n {
		if err := b.PublishTagged(ctx, lumen.ArticleTagged{Article: article(i, "x"), TaxonomyVersion: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	var (
		mu      sync.Mutex
		sizes   []int
		total   int
		failed  bool
		applied = map[string]int{}
	)
	go b.ConsumeTaggedBatches(ctx, 10, 50*time.Millisecond, func(ctx context.Context, evs []lumen.ArticleTagged, _ []uint64) []error {
		mu.Lock()
		defer mu.Unlock()
		if !failed { // the first batch fails and must come back
			failed = true
			errs := make([]error, len(evs))
			for i := range errs {
				errs[i] = errors.New("disk full")
			}
			return errs
		}
		sizes = append(sizes, len(evs))
		for _, ev := range evs {
			applied[ev.Article.ID]++
		}
		total += len(evs)
		return nil
	})
	waitFor(t, "all events applied", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(applied) == n
	})
	waitFor(t, "nothing pending", func() bool {
		p, err := b.Pending(ctx, bus.StreamTagged, bus.ConsumerIndexer)
		return err == nil && p == 0
	})
	mu.Lock()
	defer mu.Unlock()
	for _, s := range sizes {
		if s > 10 {
			t.Errorf("batch of %d events, want at most 10", s)
		}
	}
	sort.Ints(sizes)
	if sizes[len(sizes)-1] < 2 {
		t.Errorf("batch sizes %v: events were not batched", sizes)
	}
}

func TestKV(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	kv, err := b.KV(ctx, "test_bucket")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := kv.Get(ctx, "a.1"); !errors.Is(err, lumen.ErrNotFound) {
		t.Errorf("Get(missing) error = %v, want ErrNotFound", err)
	}
	rev, err := kv.Update(ctx, "a.1", []byte("one"), 0)
	if err != nil {
		t.Fatalf("Update(create): %v", err)
	}
	if _, err := kv.Update(ctx, "a.1", []byte("again"), 0); !errors.Is(err, lumen.ErrConflict) {
		t.Errorf("Update(create existing) error = %v, want ErrConflict", err)
	}
	if _, err := kv.Update(ctx, "a.1", []byte("stale"), rev+5); !errors.Is(err, lumen.ErrConflict) {
		t.Errorf("Update(stale revision) error = %v, want ErrConflict", err)
	}
	if _, err := kv.Update(ctx, "a.1", []byte("two"), rev); err != nil {
		t.Errorf("Update(current revision): %v", err)
	}
	for _, k := range []string{"a.2", "b.1"} {
		if _, err := kv.Put(ctx, k, []byte(k)); err != nil {
			t.Fatal(err)
		}
	}
	if err := kv.Delete(ctx, "a.2"); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	if err := kv.Each(ctx, "a.", func(k string, v []byte) error { got[k] = string(v); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["a.1"] != "two" {
		t.Errorf("Each(a.) = %v, want a.1=two only", got)
	}
	// Each on an empty prefix returns at once.
	if err := kv.Each(ctx, "zzz.", func(string, []byte) error { t.Error("unexpected key"); return nil }); err != nil {
		t.Fatal(err)
	}
}

// busWithAPICopies starts a server and a bus on it, and a subscription on
// a second connection that sees every JetStream API request, in the order
// the server took them from the bus's connection.
func busWithAPICopies(t *testing.T) (*bus.Bus, *nats.Subscription) {
	t.Helper()
	srv := bustest.StartServer(t, t.TempDir())
	b := bustest.Connect(t, srv)
	nc := bustest.JetStream(t, srv).Conn()
	api, err := nc.SubscribeSync("$JS.API.>")
	if err != nil {
		t.Fatal(err)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	return b, api
}

// A Get of a bucket opened with ReadFromLeader reads from its leader
// through the JetStream API, never by a direct get, which a replica that
// is still catching up may answer with an older value (a revoked token
// still there); the same bucket opened without it reads by direct gets.
func TestKVGetReadsFromTheLeader(t *testing.T) {
	ctx := context.Background()
	b, api := busWithAPICopies(t)
	kv, err := b.KV(ctx, "tokens_test", bus.ReadFromLeader())
	if err != nil {
		t.Fatal(err)
	}
	rev, err := kv.Put(ctx, "t.abc", []byte("v1"))
	if err != nil {
		t.Fatal(err)
	}
	if v, r, err := kv.Get(ctx, "t.abc"); err != nil || string(v) != "v1" || r != rev {
		t.Errorf("Get = %q, %d, %v; want v1, %d", v, r, err, rev)
	}
	if err := kv.Delete(ctx, "t.abc"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := kv.Get(ctx, "t.abc"); !errors.Is(err, lumen.ErrNotFound) {
		t.Errorf("Get(deleted) error = %v, want ErrNotFound", err)
	}
	// A wildcard would read another key by subject: refused, and not as
	// "not found".
	for _, key := range []string{"t.*", "t.>", "", ".t", "t..a", "t a"} {
		if _, _, err := kv.Get(ctx, key); err == nil || errors.Is(err, lumen.ErrNotFound) {
			t.Errorf("Get(%q) error = %v, want an invalid key", key, err)
		}
	}

	plain, err := b.KV(ctx, "tokens_test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plain.Put(ctx, "t.def", []byte("v2")); err != nil {
		t.Fatal(err)
	}
	if v, _, err := plain.Get(ctx, "t.def"); err != nil || string(v) != "v2" {
		t.Errorf("Get without ReadFromLeader = %q, %v", v, err)
	}

	// The copies reach nc some time after b had its answers (a Flush of
	// nc does not wait for them), but in order: read up to the direct get
	// of the plain bucket and count the gets before it.
	var fromLeader, direct int
	for {
		m, err := api.NextMsg(10 * time.Second)
		if err != nil {
			t.Fatalf("waiting for the direct get of t.def: %v (gets from the leader so far %d, direct %d)", err, fromLeader, direct)
		}
		switch {
		case m.Subject == "$JS.API.STREAM.MSG.GET.KV_tokens_test":
			fromLeader++
		case strings.HasPrefix(m.Subject, "$JS.API.DIRECT.GET.KV_tokens_test."):
			if strings.HasSuffix(m.Subject, ".t.def") {
				// at least 2: a get that timed out under load is asked again
				if direct != 0 || fromLeader < 2 {
					t.Errorf("with ReadFromLeader: direct gets %d, gets from the leader %d; want 0 and 2", direct, fromLeader)
				}
				return
			}
			direct++
		}
	}
}

// Each and Keys of a bucket opened with ReadFromLeader read the same keys
// and values as a watcher does (the last value of each, deleted keys left
// out, in the order they were written), from the leader: one request per
// key and one more, and no consumer, which the server may place on a
// lagging replica.
func TestKVEachReadsFromTheLeader(t *testing.T) {
	ctx := context.Background()
	b, api := busWithAPICopies(t)
	leader, err := b.KV(ctx, "each_test", bus.ReadFromLeader())
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{{"token.a", "1"}, {"token.b", "2"}, {"session.x", "3"}, {"token.c", "4"}, {"token.a", "5"}} {
		if _, err := leader.Put(ctx, kv[0], []byte(kv[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := leader.Delete(ctx, "token.c"); err != nil {
		t.Fatal(err)
	}
	each := func(kv *bus.KV, prefix string) string {
		var got []string
		if err := kv.Each(ctx, prefix, func(key string, value []byte) error {
			got = append(got, key+"="+string(value))
			return nil
		}); err != nil {
			t.Fatalf("Each(%q): %v", prefix, err)
		}
		return strings.Join(got, " ")
	}
	fromLeader := each(leader, "token.") + " | " + each(leader, "")
	keys, err := leader.Keys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := leader.Each(ctx, "token", func(string, []byte) error { return nil }); err == nil {
		t.Error(`Each("token") with no closing dot: no error`)
	}
	stop := errors.New("stop")
	if err := leader.Each(ctx, "", func(string, []byte) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Each with fn failing = %v, want fn's error", err)
	}

	plain, err := b.KV(ctx, "each_test")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := plain.Get(ctx, "token.b"); err != nil {
		t.Fatal(err)
	}
	// Up to the plain bucket's direct get (see TestKVGetReadsFromTheLeader),
	// a get from the leader for each key's last message (a deleted key's
	// marker too) and one more, for Each twice, Keys and the Each whose fn
	// fails: 4 + 5 + 5 + 5; and no consumer.
	gets, consumers := 0, 0
	for counting := true; counting; {
		m, err := api.NextMsg(10 * time.Second)
		if err != nil {
			t.Fatalf("waiting for the direct get of token.b: %v", err)
		}
		switch {
		case m.Subject == "$JS.API.STREAM.MSG.GET.KV_each_test":
			gets++
		case strings.HasPrefix(m.Subject, "$JS.API.CONSUMER.") && strings.Contains(m.Subject, "KV_each_test"):
			consumers++
		case strings.HasPrefix(m.Subject, "$JS.API.DIRECT.GET.KV_each_test."):
			counting = false
		}
	}
	if gets < 19 || consumers != 0 { // more gets only if one timed out under load and was asked again
		t.Errorf("with ReadFromLeader: %d gets from the leader and %d consumer requests, want 19 and 0", gets, consumers)
	}
	if want := each(plain, "token.") + " | " + each(plain, ""); fromLeader != want || fromLeader != "token.b=2 token.a=5 | token.b=2 session.x=3 token.a=5" {
		t.Errorf("Each from the leader: %s; through a watcher: %s", fromLeader, want)
	}
	if got := strings.Join(keys, " "); got != "token.b session.x token.a" {
		t.Errorf("Keys from the leader = %s", got)
	}
}

// Keys from the leader gives every key once, and ends, while keys are
// rewritten without pause: each write moves its key to the end of the
// stream, and the read goes past the end it started from by as many
// messages as the bucket held at most (from a review of 43c2bcb, where 4
// writers on 200 keys kept one unbounded read going for 75,781 messages;
// here the writers are slower and the bound is only checked, not reached).
func TestKVEachFromTheLeaderEndsUnderWrites(t *testing.T) {
	ctx := context.Background()
	srv := bustest.StartServer(t, t.TempDir())
	b := bustest.Connect(t, srv)
	gets, err := bustest.JetStream(t, srv).Conn().SubscribeSync("$JS.API.STREAM.MSG.GET.KV_busy_test")
	if err != nil {
		t.Fatal(err)
	}
	kv, err := b.KV(ctx, "busy_test", bus.ReadFromLeader())
	if err != nil {
		t.Fatal(err)
	}
	const n = 200
	for i := range n {
		if _, err := kv.Put(ctx, fmt.Sprintf("k.%03d", i), []byte("v")); err != nil {
			t.Fatal(err)
		}
	}
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; wctx.Err() == nil; i++ {
				if _, err := kv.Put(wctx, fmt.Sprintf("k.%03d", w), []byte(fmt.Sprint(i))); err != nil && wctx.Err() == nil {
					t.Errorf("Put: %v", err)
					return
				}
			}
		}()
	}
	const reads = 3
	for range reads {
		keys, err := kv.Keys(ctx)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(keys)
		if len(keys) != n || keys[0] != "k.000" || keys[n-1] != fmt.Sprintf("k.%03d", n-1) {
			t.Errorf("Keys while 8 keys are rewritten = %d keys %v", len(keys), keys)
		}
	}
	stop()
	wg.Wait()
	// at most the n messages there and n more, and the one that says
	// there is no more, per read (copies still on their way only lower it)
	if got, _, _ := gets.Pending(); got > reads*(2*n+1) {
		t.Errorf("%d gets from the leader for %d reads of %d keys, want at most %d", got, reads, n, reads*(2*n+1))
	}
}

// What was published survives a restart of the embedded server.
func TestDurableAcrossRestart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	srv := bustest.StartServer(t, dir)
	b := bustest.Connect(t, srv)
	a := article(7, "kept")
	if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: a}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	srv.Shutdown()
	b2 := bustest.Connect(t, bustest.StartServer(t, dir))
	got, err := b2.LastFetched(ctx, a.ID)
	if err != nil || got.Article.Text != "kept" {
		t.Errorf("after restart LastFetched = %+v, %v", got.Article.Text, err)
	}
}

// Two versions of one article tagged concurrently, in any order: the stream
// keeps the newer, so that reindex does not roll the article back.
func TestPublishTaggedKeepsTheNewestVersion(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	base := article(1, "first version")
	versions := make([]lumen.ArticleTagged, 8)
	for i := range versions {
		a := base
		a.Text = fmt.Sprintf("version %d", i)
		a.FetchedAt = base.FetchedAt.Add(time.Duration(i) * time.Millisecond)
		a.ContentHash = a.ComputeContentHash()
		versions[i] = lumen.ArticleTagged{Article: a, TaxonomyVersion: "t"}
	}
	var wg sync.WaitGroup
	for _, i := range []int{7, 0, 3, 6, 1, 5, 2, 4} { // newest first, then the rest at once
		wg.Go(func() {
			if err := b.PublishTagged(ctx, versions[i]); err != nil {
				t.Errorf("PublishTagged(version %d): %v", i, err)
			}
		})
		if i == 7 {
			wg.Wait()
		}
	}
	wg.Wait()
	// An older version published afterwards is dropped too.
	if err := b.PublishTagged(ctx, versions[0]); err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := b.ReplayTagged(ctx, func(ev lumen.ArticleTagged) error {
		got = append(got, ev.Article.Text)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "version 7" {
		t.Errorf("stored = %q, want [version 7]", got)
	}

	// Re-tagging the same version under a new taxonomy replaces it.
	retag := versions[7]
	retag.TaxonomyVersion = "t2"
	if err := b.PublishTagged(ctx, retag); err != nil {
		t.Fatal(err)
	}
	var tv string
	if err := b.ReplayTagged(ctx, func(ev lumen.ArticleTagged) error { tv = ev.TaxonomyVersion; return nil }); err != nil {
		t.Fatal(err)
	}
	if tv != "t2" {
		t.Errorf("taxonomy version after retag = %q, want t2", tv)
	}
}

// A consumer whose durable is deleted under it reports an error instead of
// idling: the process must not look healthy while consuming nothing.
func TestConsumeReportsALostConsumer(t *testing.T) {
	srv := bustest.StartServer(t, t.TempDir())
	b := bustest.Connect(t, srv)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		errc <- b.ConsumeFetched(ctx, 2, func(context.Context, lumen.ArticleFetched) error { return nil })
	}()
	js := bustest.JetStream(t, srv)
	waitFor(t, "the tagger consumer", func() bool {
		_, err := js.Consumer(ctx, bus.StreamArticles, bus.ConsumerTagger)
		return err == nil
	})
	time.Sleep(200 * time.Millisecond) // let the consumer start pulling
	if err := js.DeleteConsumer(ctx, bus.StreamArticles, bus.ConsumerTagger); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errc:
		if !errors.Is(err, lumen.ErrUnavailable) {
			t.Errorf("ConsumeFetched = %v, want an error wrapping ErrUnavailable", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("ConsumeFetched went on after its consumer was deleted")
	}
}
