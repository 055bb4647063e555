package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// errKilled is what every store and the bus answer once the process is
// "killed": nothing more it does is durable, as after a SIGKILL.
var errKilled = errors.New("process killed")

// mortal wraps a crawler's stores and publisher so that a test can kill
// the process at an arbitrary point: from then on, every write and read
// fails, and what was not durable before is lost.
type mortal struct {
	dead      atomic.Bool
	donePuts  atomic.Int32 // frontier items marked done
	killAt    int32        // kill when this many items are done
	published atomic.Int32
	killAtPub int32 // or when this many articles are published
	recorded  atomic.Int32
	killAtRec int32 // or when this many articles' identities are recorded (after their publish)
}

type mortalStore struct {
	m        *mortal
	s        Store
	frontier bool
	ids      bool
}

func (ms mortalStore) Get(ctx context.Context, key string) ([]byte, uint64, error) {
	if ms.m.dead.Load() {
		return nil, 0, errKilled
	}
	return ms.s.Get(ctx, key)
}

func (ms mortalStore) Put(ctx context.Context, key string, value []byte) (uint64, error) {
	if ms.m.dead.Load() {
		return 0, errKilled
	}
	rev, err := ms.s.Put(ctx, key, value)
	if ms.frontier && err == nil && containsDone(value) && ms.m.donePuts.Add(1) >= ms.m.killAt {
		ms.m.dead.Store(true)
	}
	// An identity's simhash is the last thing recorded of an article.
	if ms.ids && err == nil && strings.HasPrefix(key, "sim.") && ms.m.killAtRec > 0 && ms.m.recorded.Add(1) >= ms.m.killAtRec {
		ms.m.dead.Store(true)
	}
	return rev, err
}

func containsDone(v []byte) bool {
	for i := 0; i+6 < len(v); i++ {
		if string(v[i:i+7]) == `"done":` {
			return true
		}
	}
	return false
}

func (ms mortalStore) Delete(ctx context.Context, key string) error {
	if ms.m.dead.Load() {
		return errKilled
	}
	return ms.s.Delete(ctx, key)
}

func (ms mortalStore) Each(ctx context.Context, prefix string, fn func(string, []byte) error) error {
	if ms.m.dead.Load() {
		return errKilled
	}
	return ms.s.Each(ctx, prefix, fn)
}

type mortalBus struct {
	m *mortal
	p Publisher
	a ArticleReader
}

func (mb mortalBus) PublishFetched(ctx context.Context, ev lumen.ArticleFetched) (bool, error) {
	if mb.m.dead.Load() {
		return false, errKilled
	}
	dup, err := mb.p.PublishFetched(ctx, ev)
	if err == nil && mb.m.killAtPub > 0 && mb.m.published.Add(1) >= mb.m.killAtPub {
		mb.m.dead.Store(true)
	}
	return dup, err
}

func (mb mortalBus) LastFetched(ctx context.Context, id string) (lumen.ArticleFetched, error) {
	if mb.m.dead.Load() {
		return lumen.ArticleFetched{}, errKilled
	}
	return mb.a.LastFetched(ctx, id)
}

// A crawl killed mid-way (nothing it does after the kill is durable) and
// resumed by a new crawler on the same stores spends exactly its page
// budget, counted from what was done before the kill and after, not from
// a checkpoint: no page is charged twice, none is fetched without being
// charged, and the run's counters add up to what was published.
func TestBudgetExactAcrossCrash(t *testing.T) {
	for _, killAt := range []int32{1, 5, 9, 14} {
		t.Run(fmt.Sprintf("kill after %d done", killAt), func(t *testing.T) { testBudgetExactAcrossCrash(t, &mortal{killAt: killAt}) })
	}
	// Killed right after a publish, or after the article's identity is
	// recorded, before the visit is: the resumed run fetches the page
	// again, finds its own version and counts it as that publish did.
	for _, killAt := range []int32{1, 6} {
		t.Run(fmt.Sprintf("kill after publish %d", killAt), func(t *testing.T) {
			testBudgetExactAcrossCrash(t, &mortal{killAt: 1 << 30, killAtPub: killAt})
		})
		t.Run(fmt.Sprintf("kill after identity %d", killAt), func(t *testing.T) {
			testBudgetExactAcrossCrash(t, &mortal{killAt: 1 << 30, killAtRec: killAt})
		})
	}
}

func testBudgetExactAcrossCrash(t *testing.T, m *mortal) {
	const (
		pages  = 60
		budget = 25
	)
	healthy := newHarness(t, func(o *Options) { o.Concurrency = 4; o.HostConcurrency = 4 })
	s := newSite(t)
	var links []string
	var mu sync.Mutex
	fetched := map[string]int{}
	for i := range pages {
		p := fmt.Sprintf("/a%02d", i)
		links = append(links, p)
		s.handle(p, func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			fetched[p]++
			mu.Unlock()
			time.Sleep(5 * time.Millisecond)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, articleHTML("Page "+p, lorem(p)))
		})
	}
	s.html("/", articleHTML("Index", "<p>Short.</p>", links...))
	src := webSource("exact", s, func(src *lumen.Source) { src.MaxPages = budget })

	d := healthy.d
	d.State, d.IDs = mortalStore{m: m, s: d.State}, mortalStore{m: m, s: d.IDs, ids: true}
	d.Frontier, d.Runs = mortalStore{m: m, s: d.Frontier, frontier: true}, mortalStore{m: m, s: d.Runs}
	d.Publisher, d.Articles = mortalBus{m: m, p: d.Publisher, a: d.Articles}, mortalBus{m: m, p: d.Publisher, a: d.Articles}
	o := healthy.o
	o.Concurrency, o.HostConcurrency = 4, 4
	doomed, err := New(o, d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := doomed.Run(t.Context(), src); !errors.Is(err, errKilled) {
		t.Fatalf("killed run: error %v, want errKilled", err)
	}
	mu.Lock()
	before := len(fetched)
	mu.Unlock()
	if before >= budget-1 {
		t.Fatalf("the killed run fetched %d pages; kill it earlier", before)
	}

	resumed := healthy.run(src)
	mu.Lock()
	distinct := len(fetched)
	mu.Unlock()
	if distinct != budget-1 {
		t.Errorf("%d distinct article pages fetched, want %d (the budget of %d, less the index)", distinct, budget-1, budget)
	}
	arts := healthy.articles()
	if len(arts) != budget-1 {
		t.Errorf("%d articles published, want %d", len(arts), budget-1)
	}
	// Every article published is counted once, as new, even when the kill
	// fell between its publication and the record of its visit.
	if resumed.New != budget-1 || resumed.Unchanged != 0 {
		t.Errorf("resumed run = %+v, want %d new, none unchanged", resumed, budget-1)
	}
	if got := resumed.Skipped["max_pages"]; got != pages-(budget-1) {
		t.Errorf("skipped[max_pages] = %d, want %d (the pages left out)", got, pages-(budget-1))
	}
	if resumed.Skipped["hub"] != 1 {
		t.Errorf("resumed run = %+v, want the index counted once", resumed)
	}
}

// An API run killed mid-batch resumes at the record after the last one it
// checkpointed: the budget is spent exactly, and the records published
// before the kill are not asked for again.
func TestAPIExactAcrossCrash(t *testing.T) {
	healthy := newHarness(t, fast)
	healthy.c.apiBatch = 3
	start := time.Now().UTC().AddDate(0, 0, -20)
	e := newEutils(t, copies(t, "api/pubmed5.xml", 920001, 8, start))
	src := pubmedSource(e, "pmcrash")
	src.MaxPages = 6

	m := &mortal{killAtPub: 4}
	d := healthy.d
	d.State, d.IDs = mortalStore{m: m, s: d.State}, mortalStore{m: m, s: d.IDs, ids: true}
	d.Frontier, d.Runs = mortalStore{m: m, s: d.Frontier}, mortalStore{m: m, s: d.Runs}
	d.Publisher, d.Articles = mortalBus{m: m, p: d.Publisher, a: d.Articles}, mortalBus{m: m, p: d.Publisher, a: d.Articles}
	doomed, err := New(healthy.o, d)
	if err != nil {
		t.Fatal(err)
	}
	doomed.apiBatch = 3
	if _, err := doomed.Run(t.Context(), src); !errors.Is(err, errKilled) {
		t.Fatalf("killed run: error %v, want errKilled", err)
	}
	resumed := healthy.run(src)
	if got := len(healthy.articles()); got != 6 {
		t.Errorf("%d articles published, want the budget of 6", got)
	}
	if resumed.New+resumed.Unchanged != 6 || resumed.New < 5 {
		t.Errorf("resumed run = %+v, want 6 records counted (new, or unchanged for the one published at the kill)", resumed)
	}
	var asked []string
	for _, r := range e.requestsTo("/eutils/efetch.fcgi") {
		asked = append(asked, strings.Split(r.URL.Query().Get("id"), ",")...)
	}
	seen := map[string]int{}
	for _, id := range asked {
		seen[id]++
	}
	for id, n := range seen {
		if n > 2 {
			t.Errorf("PMID %s asked for %d times", id, n)
		}
	}
	if len(seen) != 6 {
		t.Errorf("%d PMIDs asked for, want the 6 of the budget: %v", len(seen), asked)
	}
}

// chargeWatch is a frontier store that remembers which items were recorded
// as charged and reports a later write that records one of them as not
// charged: a charge lost that way lets a resumed run fetch past its budget.
// Writes of uncharged items are slowed, which opens the window a worker
// needs to take and charge an item before its queueing is recorded.
type chargeWatch struct {
	Store
	mu      sync.Mutex
	charged map[string]bool
	lost    []string
}

func (cw *chargeWatch) Put(ctx context.Context, key string, value []byte) (uint64, error) {
	var it item
	if err := json.Unmarshal(value, &it); err != nil {
		return 0, err
	}
	if !it.Charged {
		time.Sleep(3 * time.Millisecond)
	}
	cw.mu.Lock()
	defer cw.mu.Unlock()
	if it.Charged {
		cw.charged[key] = true
	} else if cw.charged[key] {
		cw.lost = append(cw.lost, it.URL)
	}
	return cw.Store.Put(ctx, key, value)
}

// An item is recorded in the frontier before a worker can take it, so
// that the worker's record of its charge is never overwritten by the
// record of its queueing (seen once in CI as a resumed run that fetched
// one page past its budget).
func TestChargeNeverOverwritten(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Concurrency = 4; o.HostConcurrency = 4 })
	s := newSite(t)
	var links []string
	for i := range 30 {
		p := fmt.Sprintf("/a%02d", i)
		links = append(links, p)
		s.html(p, articleHTML("Page "+p, lorem(p)))
	}
	s.html("/", articleHTML("Index", "<p>Short.</p>", links...))
	cw := &chargeWatch{Store: h.d.Frontier, charged: map[string]bool{}}
	h.d.Frontier = cw
	c, err := New(h.o, h.d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(t.Context(), webSource("watch", s, func(src *lumen.Source) { src.MaxPages = 20 })); err != nil {
		t.Fatal(err)
	}
	cw.mu.Lock()
	defer cw.mu.Unlock()
	if len(cw.charged) == 0 {
		t.Fatal("no charge recorded")
	}
	if len(cw.lost) > 0 {
		t.Errorf("charges overwritten by an uncharged record: %v", cw.lost)
	}
}
