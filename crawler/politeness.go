package crawler

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/temoto/robotstxt"
	"golang.org/x/sync/singleflight"
)

// hostGate enforces per-host politeness: at most perHost requests in flight
// to one host, and at least the host's delay between the starts of two
// requests. colly's LimitRule cannot do this (its Parallelism counts per rule,
// not per host), so the crawler keeps its own gate and gives colly none.
//
// It keeps a host's state only while the host is busy or waiting out its
// delay: past maxHosts hosts, the idle ones are forgotten (an idle host's
// state is the default one again, but for the delays pinned for API hosts
// and the Crawl-delay the robots cache applies on every check), so that a
// long run over many hosts does not grow without bound.
type hostGate struct {
	perHost      int
	defaultDelay time.Duration
	maxHosts     int
	now          func() time.Time
	// onAcquire, if set (tests), sees every slot handed out.
	onAcquire func(host string, at time.Time)

	mu      sync.Mutex
	hosts   map[string]*hostState
	pinned  map[string]time.Duration // API hosts' rate limits, never forgotten
	sweepAt int                      // sweep idle hosts past this many
}

type hostState struct {
	inflight int
	next     time.Time     // earliest start of the next request
	delay    time.Duration // between request starts
	free     chan struct{} // closed when a slot frees up
}

func newHostGate(perHost int, delay time.Duration, maxHosts int) *hostGate {
	return &hostGate{perHost: max(perHost, 1), defaultDelay: delay, maxHosts: max(maxHosts, 1), sweepAt: max(maxHosts, 1),
		now: time.Now, hosts: map[string]*hostState{}, pinned: map[string]time.Duration{}}
}

func (g *hostGate) state(host string) *hostState {
	h, ok := g.hosts[host]
	if !ok {
		if len(g.hosts) >= g.sweepAt {
			g.sweep()
		}
		h = &hostState{delay: g.defaultDelay, free: make(chan struct{})}
		if d, ok := g.pinned[host]; ok {
			h.delay = d
		}
		g.hosts[host] = h
	}
	return h
}

// sweep forgets the hosts with nothing in flight whose delay has passed.
// When most hosts are busy, the next sweep waits until there are twice as
// many, so that sweeping stays linear in the hosts added.
func (g *hostGate) sweep() {
	now := g.now()
	for host, h := range g.hosts {
		if h.inflight == 0 && !now.Before(h.next) {
			delete(g.hosts, host)
		}
	}
	g.sweepAt = max(g.maxHosts, 2*len(g.hosts))
}

// size is the number of hosts whose state the gate keeps.
func (g *hostGate) size() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.hosts)
}

// pin sets host's delay for good: an API's documented rate limit, which
// replaces the default delay meant for web sites.
func (g *hostGate) pin(host string, d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.pinned[host] = d
	g.state(host).delay = d
}

// acquire waits for a slot on host and returns the function that frees it.
func (g *hostGate) acquire(ctx context.Context, host string) (release func(), err error) {
	for {
		g.mu.Lock()
		h := g.state(host)
		now := g.now()
		var wait <-chan time.Time
		var timer *time.Timer
		if h.inflight < g.perHost {
			if !now.Before(h.next) {
				h.inflight++
				h.next = now.Add(h.delay)
				if g.onAcquire != nil {
					g.onAcquire(host, now)
				}
				g.mu.Unlock()
				var once sync.Once
				return func() { once.Do(func() { g.release(host) }) }, nil
			}
			timer = time.NewTimer(h.next.Sub(now))
			wait = timer.C
		}
		free := h.free
		g.mu.Unlock()
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return nil, ctx.Err()
		case <-wait:
		case <-free:
			if timer != nil {
				timer.Stop()
			}
		}
	}
}

func (g *hostGate) release(host string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	h := g.state(host)
	h.inflight--
	close(h.free)
	h.free = make(chan struct{})
}

// setDelay raises host's delay to d (never below the default).
func (g *hostGate) setDelay(host string, d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.state(host).delay = max(g.defaultDelay, d)
}

// pause keeps every request to host waiting until t (a Retry-After).
func (g *hostGate) pause(host string, t time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if h := g.state(host); t.After(h.next) {
		h.next = t
	}
}

// readyAt returns when host may take its next request; the zero time means now.
func (g *hostGate) readyAt(host string) time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	h, ok := g.hosts[host]
	if !ok {
		return time.Time{}
	}
	if h.inflight >= g.perHost {
		return g.now().Add(10 * time.Millisecond) // busy: look again soon
	}
	return h.next
}

// Robots: a robots.txt is cached per scheme and host for ttl. A 4xx means no
// restrictions; a 5xx or network failure means the host is unavailable for
// now: its URLs are deferred and robots.txt is asked again after a backoff
// that grows with each failure (robotsRetryMin doubling up to robotsRetryMax),
// so a host is never banned for good.
const (
	robotsMaxBytes  = 512 << 10 // RFC 9309 asks crawlers to parse at least 500 KiB
	robotsRetryMin  = time.Minute
	robotsRetryMax  = time.Hour
	maxCrawlDelay   = 60 * time.Second
	robotsUserAgent = "LumenBot"
)

type robotsEntry struct {
	group       *robotstxt.Group // nil when unavailable
	expires     time.Time
	failures    int
	unavailable bool
	// network is why robots.txt could not be fetched at all (dns,
	// timeout ...); empty for an HTTP answer, whose status is kept.
	network string
	status  int
	// sitemaps are its Sitemap lines, at most maxRobotsSitemaps, and how
	// many more there were.
	sitemaps     []string
	moreSitemaps int
	crawlDelay   time.Duration
}

// maxRobotsSitemaps bounds the Sitemap lines of one robots.txt that a
// crawl reads; the others are counted (robots_sitemaps).
const maxRobotsSitemaps = 10

// sitemaps returns the Sitemap lines of the cached robots.txt of u's host
// and how many more it had, if it is cached.
func (rc *robotsCache) sitemaps(u *url.URL) ([]string, int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e, ok := rc.entries.Peek(u.Scheme + "://" + u.Host)
	if !ok {
		return nil, 0
	}
	return e.sitemaps, e.moreSitemaps
}

// status says what the robots.txt of u's host answered when it was last
// asked for, for messages ("HTTP 503").
func (rc *robotsCache) status(u *url.URL) string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e, ok := rc.entries.Peek(u.Scheme + "://" + u.Host)
	switch {
	case !ok:
		return "nothing"
	case e.network != "":
		return e.network
	}
	return "HTTP " + strconv.Itoa(e.status)
}

// robotsCache keeps the robots.txt of at most a bounded number of hosts,
// the least recently used forgotten first (and fetched again when needed).
type robotsCache struct {
	ttl   time.Duration
	agent string
	now   func() time.Time
	gate  *hostGate

	sf      singleflight.Group
	mu      sync.Mutex
	entries *simplelru.LRU[string, *robotsEntry]
}

// robotsVerdict is what robots.txt says about one URL.
type robotsVerdict int

const (
	robotsAllowed robotsVerdict = iota
	robotsDisallowed
	robotsUnavailable // robots.txt could not be read; try the URL later
)

// robotsFetch gets a robots.txt (following redirects) and returns its status
// and body; a non-nil error means there was no HTTP response.
type robotsFetch func(ctx context.Context, url string) (int, []byte, error)

func newRobotsCache(ttl time.Duration, userAgent string, gate *hostGate, maxHosts int) *robotsCache {
	agent := robotsUserAgent
	if tok, _, _ := strings.Cut(userAgent, "/"); strings.TrimSpace(tok) != "" {
		agent = strings.TrimSpace(tok)
	}
	entries, _ := simplelru.NewLRU[string, *robotsEntry](max(maxHosts, 1), nil)
	return &robotsCache{ttl: ttl, agent: agent, now: time.Now, gate: gate, entries: entries}
}

// size is the number of hosts whose robots.txt the cache keeps.
func (rc *robotsCache) size() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.entries.Len()
}

// check says whether u may be fetched; it fetches robots.txt with fetch when
// the cached copy is missing or expired. When robots.txt could not be
// fetched at all, network says why (the URL itself would fail the same way).
func (rc *robotsCache) check(ctx context.Context, u *url.URL, fetch robotsFetch) (v robotsVerdict, network string, err error) {
	key := u.Scheme + "://" + u.Host
	rc.mu.Lock()
	e, _ := rc.entries.Get(key)
	rc.mu.Unlock()
	if e == nil || rc.now().After(e.expires) {
		v, err, _ := rc.sf.Do(key, func() (any, error) { return rc.refresh(ctx, key, e, fetch) })
		if err != nil {
			return robotsUnavailable, "", err
		}
		e = v.(*robotsEntry)
	}
	if e.unavailable {
		return robotsUnavailable, e.network, nil
	}
	if e.crawlDelay > 0 {
		// The gate may have forgotten the host since robots.txt was read.
		rc.gate.setDelay(u.Host, e.crawlDelay)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if e.group.Test(path) {
		return robotsAllowed, "", nil
	}
	return robotsDisallowed, "", nil
}

func (rc *robotsCache) refresh(ctx context.Context, key string, prev *robotsEntry, fetch robotsFetch) (*robotsEntry, error) {
	status, body, err := fetch(ctx, key+"/robots.txt")
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	e := &robotsEntry{expires: rc.now().Add(rc.ttl), status: status}
	switch {
	case err != nil || status >= 500 || status == http.StatusTooManyRequests:
		e.unavailable = true
		e.failures = 1
		if prev != nil && prev.unavailable {
			e.failures = prev.failures + 1
		}
		backoff := robotsRetryMin << min(e.failures-1, 6)
		e.expires = rc.now().Add(min(backoff, robotsRetryMax))
		if err != nil {
			e.network = reasonOf(0, err)
		}
	case status >= 400:
		data, _ := robotstxt.FromStatusAndBytes(status, nil)
		e.group = data.FindGroup(rc.agent)
	default:
		// fetchRobots reads at most robotsMaxBytes; a longer file is
		// cut there, at the end of its last whole line (a rule cut in
		// the middle could say something else).
		if len(body) >= robotsMaxBytes {
			if i := bytes.LastIndexByte(body[:robotsMaxBytes], '\n'); i >= 0 {
				body = body[:i+1]
			}
		}
		data, perr := robotstxt.FromStatusAndBytes(200, body)
		if perr != nil { // unparseable: treat as no restrictions, as browsers and Google do
			data, _ = robotstxt.FromStatusAndBytes(404, nil)
		}
		e.group = data.FindGroup(rc.agent)
		for _, sm := range data.Sitemaps {
			if len(e.sitemaps) == maxRobotsSitemaps {
				e.moreSitemaps++
				continue
			}
			e.sitemaps = append(e.sitemaps, strings.TrimSpace(sm))
		}
		if d := e.group.CrawlDelay; d > 0 {
			e.crawlDelay = min(d, maxCrawlDelay)
		}
	}
	rc.mu.Lock()
	rc.entries.Add(key, e)
	rc.mu.Unlock()
	return e, nil
}

// String is for logs.
func (v robotsVerdict) String() string {
	return [...]string{"allowed", "disallowed", "unavailable"}[v]
}
