package crawler

import (
	"context"
	"net/url"
	"sync"
	"time"
)

// Kinds of frontier item.
const (
	itemPage    = "page"
	itemSitemap = "sitemap"
	itemFeed    = "feed"
)

// item is one URL to visit in a run.
type item struct {
	URL   string `json:"url"` // canonical
	Depth int    `json:"depth"`
	Kind  string `json:"kind"`
	Hint  *hint  `json:"hint,omitempty"`
	// Nest counts the sitemap indexes above a sitemap.
	Nest int `json:"nest,omitempty"`
	// File marks a page a listing names whose URL is a file's (a PDF
	// ...): not fetched; see visitFile.
	File bool `json:"file,omitempty"`
	// Charged is set, and persisted, before the item's fetch is charged to
	// the run's budget; Done once it was processed, with what its visit
	// counted in Tally. A run that resumes after a crash rebuilds its
	// budget and counters from them.
	Charged bool   `json:"charged,omitempty"`
	Done    bool   `json:"done,omitempty"`
	Tally   *tally `json:"tally,omitempty"`
}

// hint is what a sitemap or feed said about a page before it is fetched.
type hint struct {
	LastMod   time.Time `json:"lastmod,omitzero"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Authors   []string  `json:"authors,omitempty"`
	Summary   string    `json:"summary,omitempty"`
	DOI       string    `json:"doi,omitempty"`
}

func (it item) host() string {
	u, err := url.Parse(it.URL)
	if err != nil {
		return ""
	}
	return u.Host
}

// frontier holds the URLs of a run waiting to be visited, one queue per host,
// and hands them out so that no worker waits on a host's politeness delay
// while another host has work ready: next picks, round robin, a host whose
// gate is open, and otherwise sleeps until the earliest one opens.
type frontier struct {
	gate *hostGate
	// skip, if set, names hosts whose items are handed out at once,
	// without waiting for the gate: they will not be fetched (a host
	// paused for the rest of the run).
	skip func(host string) bool

	mu       sync.Mutex
	queues   map[string][]item
	hosts    []string
	rr       int
	queued   int
	charged  int // queued items already charged to the budget
	inflight int
	seenSet  map[string]bool
	closed   bool
	wake     chan struct{}
}

func newFrontier(gate *hostGate) *frontier {
	return &frontier{gate: gate, queues: map[string][]item{}, seenSet: map[string]bool{}, wake: make(chan struct{})}
}

// markSeen records url as visited or queued without queueing it; it reports
// whether it was new.
func (f *frontier) markSeen(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seenSet[u] {
		return false
	}
	f.seenSet[u] = true
	return true
}

// push queues it unless its URL was seen before or the frontier is closed;
// it reports whether it did.
func (f *frontier) push(it item) bool {
	ok, _ := f.reserve(it.URL)
	if ok {
		f.add(it)
	}
	return ok
}

// reserve marks u as queued in this run, unless it was seen before or the
// frontier is closed, without handing it to any worker yet: the caller
// records the item durably first and then adds it. Were the item handed
// out first, a worker could charge it (and persist the charge) before the
// caller's record of the uncharged item overwrote that charge, and a run
// resumed after a crash would not count the page it fetched.
func (f *frontier) reserve(u string) (ok, closed bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seenSet[u] {
		return false, false
	}
	if f.closed {
		return false, true
	}
	f.seenSet[u] = true
	return true, false
}

// add queues an item reserved before.
func (f *frontier) add(it item) {
	f.mu.Lock()
	defer f.mu.Unlock()
	h := it.host()
	if _, ok := f.queues[h]; !ok {
		f.hosts = append(f.hosts, h)
	}
	if it.Charged {
		// Paid for before a crash: first in line, and handed out even
		// once the budget is spent (see next).
		f.queues[h] = append([]item{it}, f.queues[h]...)
		f.charged++
	} else {
		f.queues[h] = append(f.queues[h], it)
	}
	f.queued++
	f.signal()
}

// seen reports whether u was queued or visited in this run.
func (f *frontier) seen(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seenSet[u]
}

// isClosed reports whether close was called.
func (f *frontier) isClosed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closed
}

// seenCount is how many URLs the run has queued so far.
func (f *frontier) seenCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.seenSet)
}

func (f *frontier) signal() {
	close(f.wake)
	f.wake = make(chan struct{})
}

// next returns the next item to visit; ok is false when the frontier is
// closed (and holds no item charged before), or empty with nothing in
// flight (nothing more can arrive).
func (f *frontier) next(ctx context.Context) (it item, ok bool) {
	for {
		f.mu.Lock()
		if f.closed && f.charged == 0 || f.queued == 0 && f.inflight == 0 {
			f.mu.Unlock()
			return item{}, false
		}
		var earliest time.Time
		now := time.Now()
		for range len(f.hosts) {
			f.rr = (f.rr + 1) % len(f.hosts)
			h := f.hosts[f.rr]
			q := f.queues[h]
			if len(q) == 0 || f.closed && !q[0].Charged {
				continue
			}
			at := f.gate.readyAt(h)
			if f.skip != nil && f.skip(h) {
				at = time.Time{}
			}
			if !at.After(now) {
				it = q[0]
				q[0] = item{}
				f.queues[h] = q[1:]
				f.queued--
				f.inflight++
				if it.Charged {
					f.charged--
				}
				f.mu.Unlock()
				return it, true
			}
			if earliest.IsZero() || at.Before(earliest) {
				earliest = at
			}
		}
		wake := f.wake
		f.mu.Unlock()
		var (
			t     *time.Timer
			timer <-chan time.Time
		)
		if !earliest.IsZero() {
			t = time.NewTimer(time.Until(earliest))
			timer = t.C
		}
		select {
		case <-ctx.Done():
		case <-wake:
		case <-timer:
		}
		if t != nil {
			t.Stop()
		}
		if ctx.Err() != nil {
			return item{}, false
		}
	}
}

// done marks an item handed out by next as finished.
func (f *frontier) done() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inflight--
	f.signal()
}

// close stops handing out items that are not charged to the budget yet
// (the budget is spent).
func (f *frontier) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	f.signal()
}

// size returns the number of queued and in-flight items.
func (f *frontier) size() (queued, inflight int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.queued, f.inflight
}
