package integrity_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
	"github.com/lumen-research/lumen/internal/integrity"
	"github.com/nats-io/nats.go/jetstream"
)

// fakeCrawl is crawl state naming one URL per article.
type fakeCrawl struct {
	mu        sync.Mutex
	refs      map[string]string // key -> article id
	ids       map[string]string // identifier key -> article id
	forgotten []string
	resets    int
}

func (f *fakeCrawl) ArticleRefs(_ context.Context, fn func(key, id string) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for k, id := range f.refs {
		if err := fn(k, id); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeCrawl) IdentityRefs(_ context.Context, fn func(key, kind, id string) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for k, id := range f.ids {
		if err := fn(k, "pmid", id); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeCrawl) Forget(_ context.Context, keys []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, k := range keys {
		delete(f.refs, k)
		f.forgotten = append(f.forgotten, k)
	}
	return nil
}

func (f *fakeCrawl) ForgetIdentities(_ context.Context, keys []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, k := range keys {
		delete(f.ids, k)
	}
	return nil
}

func (f *fakeCrawl) ResetAPIWindows(context.Context) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.resets++
	return 1, nil
}

// fakeTagger finds one claim per article.
type fakeTagger struct{}

func (fakeTagger) Tag(a lumen.Article) (lumen.ArticleTagged, error) {
	return lumen.ArticleTagged{Article: a, TaxonomyVersion: "t1", TaggedAt: a.FetchedAt, Claims: []lumen.Claim{{
		ID: lumen.ClaimID(a.ID, a.Text, 0), ArticleID: a.ID, Text: a.Text, End: len(a.Text),
		Concepts: []string{"condition/acne", "intervention/probiotics"}, Relation: lumen.RelationDecreases,
	}}}, nil
}

func article(i int) lumen.Article {
	a := lumen.Article{ID: lumen.NewID(fmt.Sprintf("url:https://example.org/%d", i)), URL: fmt.Sprintf("https://example.org/%d", i),
		Title: fmt.Sprintf("Article %d", i), Text: fmt.Sprintf("Probiotics reduced acne in study %d.", i), Source: "test",
		FetchedAt: time.Date(2026, 1, 1, 0, 0, i, 0, time.UTC)}
	a.ContentHash = a.ComputeContentHash()
	return a
}

func kinds(r integrity.Report) []string {
	var out []string
	for _, p := range r.Damage() {
		out = append(out, p.Kind)
	}
	slices.Sort(out)
	return out
}

// The pipeline's data checked against itself: clean when whole; each kind
// of loss found, and repaired from the copies that are left; crawl state
// naming articles no copy has left is forgotten.
func TestCheckAndRepair(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := bustest.StartServer(t, t.TempDir())
	b := bustest.Connect(t, srv)
	js := bustest.JetStream(t, srv)
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	crawl := &fakeCrawl{refs: map[string]string{}, ids: map[string]string{}}
	const n = 6
	var arts []lumen.Article
	for i := range n {
		a := article(i)
		arts = append(arts, a)
		if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: a}); err != nil {
			t.Fatal(err)
		}
		ev, _ := fakeTagger{}.Tag(a)
		if err := b.PublishTagged(ctx, ev); err != nil {
			t.Fatal(err)
		}
		crawl.refs[fmt.Sprintf("u.%d", i)] = a.ID
	}
	crawl.ids["pmid.99"] = lumen.NewID("pmid:99") // an API article that never made it anywhere
	// The consumers work through everything.
	if err := b.EnsureConsumers(ctx); err != nil {
		t.Fatal(err)
	}
	cctx, ccancel := context.WithCancel(ctx)
	go b.ConsumeFetched(cctx, 2, func(context.Context, lumen.ArticleFetched) error { return nil })
	go b.ConsumeTaggedBatches(cctx, 10, 20*time.Millisecond, indexer.NewWriter(ix, nil, nil).Handle)
	waitIdle(t, b)
	ccancel()

	c := integrity.New(integrity.Deps{Streams: b, Consumers: b, Articles: b, Index: ix, Crawl: crawl, Tagger: fakeTagger{}})
	r, err := c.Run(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != n || r.Tagged != n || r.Indexed != n || r.Claims != n || !slices.Equal(kinds(r), []string{integrity.KindIdentityDangling}) {
		t.Fatalf("check of whole data = %+v", r)
	}

	// The damage.
	del := func(stream, prefix string, a lumen.Article) {
		s, err := js.Stream(ctx, stream)
		if err != nil {
			t.Fatal(err)
		}
		m, err := s.GetLastMsgForSubject(ctx, prefix+"."+a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteMsg(ctx, m.Sequence); err != nil {
			t.Fatal(err)
		}
	}
	del(bus.StreamArticles, bus.SubjectFetched, arts[0])          // lost from the articles stream
	del(bus.StreamTagged, bus.SubjectTagged, arts[1])             // its tagging lost
	if err := ix.Deindex(ctx, []string{arts[2].ID}); err != nil { // lost from the index
		t.Fatal(err)
	}
	del(bus.StreamArticles, bus.SubjectFetched, arts[3]) // lost everywhere
	del(bus.StreamTagged, bus.SubjectTagged, arts[3])
	if err := ix.Deindex(ctx, []string{arts[3].ID}); err != nil {
		t.Fatal(err)
	}
	del(bus.StreamArticles, bus.SubjectFetched, arts[4]) // only the index has it
	del(bus.StreamTagged, bus.SubjectTagged, arts[4])

	r, err = c.Run(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{integrity.KindArticleLost, integrity.KindCrawlDangling, integrity.KindIdentityDangling, integrity.KindNotIndexed, integrity.KindTaggedMissing}
	if !slices.Equal(kinds(r), want) {
		t.Fatalf("kinds = %v, want %v\n%+v", kinds(r), want, r.Problems)
	}
	for _, p := range r.Damage() {
		switch p.Kind {
		case integrity.KindArticleLost:
			if p.Count != 2 {
				t.Errorf("lost = %+v, want articles 0 and 4", p)
			}
		case integrity.KindCrawlDangling:
			if p.Count != 1 || p.Examples[0] != arts[3].ID {
				t.Errorf("dangling = %+v, want article 3's state only", p)
			}
		case integrity.KindNotIndexed, integrity.KindTaggedMissing:
			if p.Count != 1 {
				t.Errorf("%s = %+v, want 1", p.Kind, p)
			}
		}
	}
	if len(crawl.forgotten) != 0 {
		t.Error("a check without repair forgot crawl state")
	}

	r, err = c.Run(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if u := r.Unrepaired(); len(u) != 0 {
		t.Errorf("unrepaired: %+v", u)
	}
	if !slices.Equal(crawl.forgotten, []string{"u.3"}) || crawl.resets != 1 {
		t.Errorf("forgotten %v, %d resets; want u.3 and one reset of the API windows", crawl.forgotten, crawl.resets)
	}
	r, err = c.Run(ctx, false)
	if err != nil || r.Damaged() {
		t.Fatalf("check after the repair = %v, %+v", err, r.Problems)
	}
	if r.Articles != n-1 || r.Tagged != n-1 {
		t.Errorf("after the repair: %d articles, %d tagged; want %d (article 3 is for the crawler to fetch again)", r.Articles, r.Tagged, n-1)
	}
	if _, err := b.LastFetched(ctx, arts[4].ID); err != nil {
		t.Errorf("the article only the index had was not restored: %v", err)
	}
}

// A consumer that is gone is reported and recreated from its resume point.
func TestMissingConsumer(t *testing.T) {
	ctx := context.Background()
	srv := bustest.StartServer(t, t.TempDir())
	b := bustest.Connect(t, srv)
	// On a new store, consumers not there yet are no damage: their roles
	// have not run. A check creates nothing; a repair creates them.
	c := integrity.New(integrity.Deps{Streams: b, Consumers: b, Articles: b})
	if r, err := c.Run(ctx, false); err != nil || len(r.Problems) != 0 {
		t.Fatalf("check of a new store = %v, %+v", err, r.Problems)
	}
	if _, err := b.ConsumerState(ctx, bus.StreamTagged, bus.ConsumerIndexer); !errors.Is(err, lumen.ErrNotFound) {
		t.Errorf("a check without repair created a consumer: %v", err)
	}
	if r, err := c.Run(ctx, true); err != nil || len(r.Problems) != 0 {
		t.Fatalf("repair of a new store = %v, %+v", err, r.Problems)
	}
	if _, err := b.ConsumerState(ctx, bus.StreamTagged, bus.ConsumerIndexer); err != nil {
		t.Errorf("consumer not created on a new store: %v", err)
	}
	if len(b.Notes()) != 0 {
		t.Errorf("a new store's consumers noted as damage: %+v", b.Notes())
	}
	// Lost while its stream holds messages: damage, repaired.
	ev, _ := fakeTagger{}.Tag(article(1))
	if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: ev.Article}); err != nil {
		t.Fatal(err)
	}
	if err := b.PublishTagged(ctx, ev); err != nil {
		t.Fatal(err)
	}
	if err := bustest.JetStream(t, srv).DeleteConsumer(ctx, bus.StreamTagged, bus.ConsumerIndexer); err != nil {
		t.Fatal(err)
	}
	r, err := c.Run(ctx, true)
	if err != nil || !slices.Equal(kinds(r), []string{integrity.KindConsumerMissing}) || len(r.Unrepaired()) != 0 {
		t.Fatalf("Run = %v, %+v", err, r.Problems)
	}
	if _, err := b.ConsumerState(ctx, bus.StreamTagged, bus.ConsumerIndexer); err != nil {
		t.Errorf("consumer not recreated: %v", err)
	}
}

func waitIdle(t *testing.T, b *bus.Bus) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		p1, err1 := b.Pending(context.Background(), bus.StreamArticles, bus.ConsumerTagger)
		p2, err2 := b.Pending(context.Background(), bus.StreamTagged, bus.ConsumerIndexer)
		if err1 == nil && err2 == nil && p1 == 0 && p2 == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("pending %d, %d (%v, %v)", p1, p2, err1, err2)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Curators' decisions checked between the reviews stream and the index: one
// acknowledged without reaching the index (as a dead-lettered one) is
// applied; decisions the stream lost are published again from the index.
func TestCheckReviews(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := bustest.Start(t)
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var evs []lumen.ArticleTagged
	for i := range 2 {
		a := article(i)
		if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: a}); err != nil {
			t.Fatal(err)
		}
		ev, _ := fakeTagger{}.Tag(a)
		if err := b.PublishTagged(ctx, ev); err != nil {
			t.Fatal(err)
		}
		evs = append(evs, ev)
	}
	if err := b.EnsureConsumers(ctx); err != nil {
		t.Fatal(err)
	}
	decision := func(ev lumen.ArticleTagged, v uint64, action, status string) lumen.ReviewDecision {
		cl := ev.Claims[0]
		return lumen.ReviewDecision{ClaimID: cl.ID, ArticleID: ev.Article.ID, Action: action, Status: status,
			Curator: "alice", Role: lumen.RoleCurator, At: time.Date(2026, 2, 1, 0, 0, int(v), 0, time.UTC), Version: v,
			Seen: cl.Assertion(), SeenHash: cl.Assertion().Hash(), Text: cl.Text}
	}
	// In the stream, acknowledged by the index's consumer, never applied.
	unapplied := decision(evs[0], 0, lumen.ActionAccept, lumen.StatusAccepted)
	if _, err := b.PublishDecision(ctx, unapplied, 0); err != nil {
		t.Fatal(err)
	}
	cctx, ccancel := context.WithCancel(ctx)
	go b.ConsumeFetched(cctx, 2, func(context.Context, lumen.ArticleFetched) error { return nil })
	go b.ConsumeTaggedBatches(cctx, 10, 20*time.Millisecond, indexer.NewWriter(ix, nil, nil).Handle)
	go b.ConsumeReviewBatches(cctx, 10, 20*time.Millisecond, func(_ context.Context, ds []lumen.ReviewDecision, _ []uint64) []error { return nil })
	waitIdle(t, b)
	deadline := time.Now().Add(20 * time.Second)
	for p, _ := b.Pending(ctx, bus.StreamReviews, b.ReviewIndexerConsumer()); p > 0; p, _ = b.Pending(ctx, bus.StreamReviews, b.ReviewIndexerConsumer()) {
		if time.Now().After(deadline) {
			t.Fatal("the reviews consumer did not settle")
		}
		time.Sleep(10 * time.Millisecond)
	}
	ccancel()
	// In the index only: the stream lost them.
	lost := []lumen.ReviewDecision{
		decision(evs[1], 0, lumen.ActionAccept, lumen.StatusAccepted),
		decision(evs[1], 1, lumen.ActionReject, lumen.StatusRejected),
	}
	lost[1].Reason = lumen.ReasonNotAClaim
	if _, err := ix.ApplyReviews(ctx, lost); err != nil {
		t.Fatal(err)
	}

	c := integrity.New(integrity.Deps{Streams: b, Consumers: b, Articles: b, Index: ix, Decisions: b})
	r, err := c.Run(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{integrity.KindDecisionLost, integrity.KindDecisionUnindexed}; !slices.Equal(kinds(r), want) {
		t.Fatalf("kinds = %v, want %v\n%+v", kinds(r), want, r.Problems)
	}
	for _, p := range r.Damage() {
		if want := map[string]int{integrity.KindDecisionLost: 2, integrity.KindDecisionUnindexed: 1}[p.Kind]; p.Count != want {
			t.Errorf("%s: count %d, want %d", p.Kind, p.Count, want)
		}
	}
	if r, err = c.Run(ctx, true); err != nil || len(r.Unrepaired()) != 0 {
		t.Fatalf("repair = %v, %+v", err, r.Unrepaired())
	}
	if h, err := ix.Claim(ctx, unapplied.ClaimID); err != nil || h.Review.Status != lumen.StatusAccepted {
		t.Errorf("the unapplied decision: %+v, %v", h.Review, err)
	}
	ds, _, err := b.Decisions(ctx, lost[0].ClaimID)
	if err != nil || len(ds) != 2 || ds[0].Version != 0 || ds[1].Status != lumen.StatusRejected {
		t.Errorf("restored history = %+v, %v", ds, err)
	}
	if r, err = c.Run(ctx, false); err != nil || r.Damaged() {
		t.Fatalf("check after the repair = %v, %+v", err, r.Problems)
	}
}

// Messages that are no article or decision of Lumen's (a buggy or foreign
// producer) are left out of the checks with a warning: the reviews stream
// refuses deletes, so counting them as damage would leave the deployment
// not ready for good.
func TestCheckIgnoresJunk(t *testing.T) {
	ctx := context.Background()
	srv := bustest.StartServer(t, t.TempDir())
	b := bustest.Connect(t, srv)
	js := bustest.JetStream(t, srv)
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := b.EnsureConsumers(ctx); err != nil {
		t.Fatal(err)
	}
	for subject, data := range map[string]string{
		bus.SubjectTagged + ".junk4":   `[]`,
		bus.SubjectFetched + ".junk5":  `{"article":{}}`,
		bus.SubjectReviews + ".junkcl": `{"claim_id":"junkcl","action":"explode"}`,
	} {
		if _, err := js.Publish(ctx, subject, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	c := integrity.New(integrity.Deps{Streams: b, Consumers: b, Articles: b, Index: ix, Decisions: b})
	r, err := c.Run(ctx, true)
	if err != nil || r.Damaged() {
		t.Fatalf("check with junk = %v, %+v", err, r.Problems)
	}
	junk := 0
	for _, p := range r.Problems {
		if p.Kind == integrity.KindJunk {
			junk += p.Count
		}
	}
	if junk != 3 || r.Articles != 0 || r.Tagged != 0 {
		t.Errorf("junk counted %d (want 3), articles %d, tagged %d (want 0): %+v", junk, r.Articles, r.Tagged, r.Problems)
	}
}

// Without the index (lumen check --nats, where the index is another
// process's), crawl state naming articles that neither stream has is still
// damage: the streams lost them. It is reported, not repaired, and the
// crawl state is kept (the index may hold the one copy left).
func TestCheckWithoutIndexReportsLostArticles(t *testing.T) {
	ctx := context.Background()
	srv := bustest.StartServer(t, t.TempDir())
	b := bustest.Connect(t, srv)
	js := bustest.JetStream(t, srv)
	crawl := &fakeCrawl{refs: map[string]string{}, ids: map[string]string{}}
	const n = 4
	for i := range n {
		a := article(i)
		if _, err := b.PublishFetched(ctx, lumen.ArticleFetched{Article: a}); err != nil {
			t.Fatal(err)
		}
		ev, _ := fakeTagger{}.Tag(a)
		if err := b.PublishTagged(ctx, ev); err != nil {
			t.Fatal(err)
		}
		crawl.refs[fmt.Sprintf("u.%d", i)] = a.ID
	}
	if err := b.EnsureConsumers(ctx); err != nil {
		t.Fatal(err)
	}
	c := integrity.New(integrity.Deps{Streams: b, Consumers: b, Articles: b, Crawl: crawl})
	r, err := c.Run(ctx, false)
	if err != nil || r.Damaged() {
		t.Fatalf("check of whole streams without an index = %v, %+v", err, r.Problems)
	}

	// Both streams purged down to their last message, as the QA report did
	// with $JS.API.STREAM.PURGE {"keep":1}.
	for _, name := range []string{bus.StreamArticles, bus.StreamTagged} {
		s, err := js.Stream(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Purge(ctx, jetstream.WithPurgeKeep(1)); err != nil {
			t.Fatal(err)
		}
	}
	r, err = c.Run(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(kinds(r), []string{integrity.KindArticleLost}) || r.Damage()[0].Count != n-1 {
		t.Fatalf("check without an index after losing %d articles = %+v, want article_lost of %d", n-1, r.Problems, n-1)
	}
	if p := r.Damage()[0]; !strings.Contains(p.Detail, "index was not checked") || !strings.Contains(p.Repair, "where the index lives") {
		t.Errorf("problem = %q / %q, want it to say the index was not checked and where to repair", p.Detail, p.Repair)
	}
	r, err = c.Run(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if u := r.Unrepaired(); len(u) != 1 || u[0].RepairErr == "" {
		t.Errorf("repair without an index: unrepaired %+v, want the lost articles, with why", u)
	}
	if len(crawl.forgotten) != 0 {
		t.Errorf("repair without an index forgot crawl state %v: the index may hold the last copy", crawl.forgotten)
	}
}
