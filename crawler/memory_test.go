package crawler

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/bus/bustest"
)

// The per-host gate forgets idle hosts past its bound, but not the rate
// limits pinned for API hosts.
func TestHostGateBounded(t *testing.T) {
	g := newHostGate(1, 0, 10)
	g.pin("api.example:443", 300*time.Millisecond)
	for i := range 200 {
		release, err := g.acquire(t.Context(), fmt.Sprintf("h%d.example:80", i))
		if err != nil {
			t.Fatal(err)
		}
		release()
		if n := g.size(); n > 20 {
			t.Fatalf("gate keeps %d hosts after %d, want at most 20 (twice its bound of 10)", n, i+1)
		}
	}
	g.mu.Lock()
	d := g.state("api.example:443").delay
	g.mu.Unlock()
	if d != 300*time.Millisecond {
		t.Errorf("pinned delay = %v after the gate forgot idle hosts, want 300ms", d)
	}
}

// Simhashes are kept for the most recent articles only: an evicted
// article is no longer a near-duplicate candidate, and the band index
// shrinks with the LRU.
func TestIdentitySimhashesBounded(t *testing.T) {
	id := newIdentity(nil, 3)
	id.loaded = true
	ids := []string{lumen.NewID("a"), lumen.NewID("b"), lumen.NewID("c"), lumen.NewID("d")}
	hashes := []uint64{0x1111_0000_0000_0001, 0x2222_0000_0000_0002, 0x3333_0000_0000_0003, 0x4444_0000_0000_0004}
	id.mu.Lock()
	for i := range ids {
		id.addSimLocked(ids[i], hashes[i])
	}
	id.mu.Unlock()
	if n := id.size(); n != 3 {
		t.Fatalf("%d simhashes kept, want 3", n)
	}
	if _, ok := id.nearest(hashes[0]); ok {
		t.Error("the evicted oldest article is still a candidate")
	}
	if got, ok := id.nearest(hashes[3] ^ 1); !ok || got != ids[3] {
		t.Errorf("nearest(a near copy of d) = %q, %v; want %s", got, ok, ids[3])
	}
	entries := 0
	for i := range id.bands {
		for _, l := range id.bands[i] {
			entries += len(l)
		}
	}
	if entries != 4*3 {
		t.Errorf("band index holds %d entries, want 12 (4 bands x 3 articles)", entries)
	}
}

// soakHosts is how many host names the soak test spreads its site over
// (-soak.hosts; the default keeps go test short, the benchmark uses more).
var (
	soakHosts = flag.Int("soak.hosts", 300, "host names TestSoak crawls, in rounds of a hundred")
	soakBound = flag.Int("soak.bound", 1000, "BenchmarkSoak's bound on hosts and simhashes kept in memory")
)

// TestSoak crawls a loopback site spread over many host names in rounds,
// as lumen run does over weeks, with small memory bounds, and checks that
// the per-host state (gate, robots cache, metric labels) and the simhash
// set stay within their bounds while the hosts keep coming. It logs the
// heap and the resident memory after each round; BenchmarkSoak measures
// them over a longer run.
func TestSoak(t *testing.T) {
	const bound = 50
	s := newSoakSite(t)
	h := newHarness(t, func(o *Options) {
		o.MaxHosts, o.MetricHosts, o.SimhashCache = bound, bound, bound
		o.HostDelay, o.Concurrency, o.HostConcurrency = 0, 8, 1
	})
	per := 100
	for round := range max(*soakHosts/per, 1) {
		run := s.crawlRound(t, h.c, round, per)
		if run.New != per {
			t.Fatalf("round %d = %+v, want %d new", round, run, per)
		}
		gate, robots, sims := h.c.gate.size(), h.c.robots.size(), h.c.ident.size()
		h.c.mu.Lock()
		labels := len(h.c.hostLabels)
		h.c.mu.Unlock()
		heap, rss := memory()
		t.Logf("round %d: %d hosts so far; gate %d, robots %d, simhashes %d, metric hosts %d; heap %.1f MB, rss %.1f MB",
			round, (round+1)*per, gate, robots, sims, labels, heap, rss)
		if gate > 2*bound || robots > bound || sims > bound || labels > bound {
			t.Errorf("round %d: gate %d (bound %d, swept at twice), robots %d, simhashes %d, metric hosts %d: past the bound %d",
				round, gate, bound, robots, sims, labels, bound)
		}
	}
}

// BenchmarkSoak crawls -soak.hosts host names (set it to thousands) in
// rounds of 500, with bounds of -soak.bound hosts and simhashes (1,000),
// and reports the heap and resident memory after the second round and
// after the last, and their ratio. Run it again with a bound past the
// hosts crawled to see what the bounds save; what grows with both is the
// system of record (the embedded nats-server indexes every key and
// article subject it stores).
//
//	go test ./crawler -run '^$' -bench BenchmarkSoak -benchtime 1x -soak.hosts 20000
//	go test ./crawler -run '^$' -bench BenchmarkSoak -benchtime 1x -soak.hosts 20000 -soak.bound 1000000
//
// SOAK_HEAP_PROFILE=file writes a heap profile after the last round.
func BenchmarkSoak(b *testing.B) {
	const per = 500
	bound := *soakBound
	// Sample allocations finely enough to attribute the heap (crawlerHeap).
	defer func(rate int) { runtime.MemProfileRate = rate }(runtime.MemProfileRate)
	runtime.MemProfileRate = 2048
	for range b.N {
		s := newSoakSite(b)
		h := newHarnessOn(b, bustest.Start(b), func(o *Options) {
			o.MaxHosts, o.SimhashCache, o.MetricHosts = bound, bound, bound
			o.HostDelay, o.Concurrency, o.HostConcurrency = 0, 8, 1
		})
		rounds := max(*soakHosts/per, 3)
		var heap2, rss2, own2, heapN, rssN, ownN float64
		for round := range rounds {
			if run := s.crawlRound(b, h.c, round, per); run.New != per {
				b.Fatalf("round %d = %+v", round, run)
			}
			heap, rss := memory()
			own := crawlerHeap()
			b.Logf("round %d: %d hosts; heap %.1f MB (held by Lumen's code %.2f MB), rss %.1f MB; gate %d robots %d simhashes %d",
				round, (round+1)*per, heap, own, rss, h.c.gate.size(), h.c.robots.size(), h.c.ident.size())
			if round == 1 {
				heap2, rss2, own2 = heap, rss, own
			}
			heapN, rssN, ownN = heap, rss, own
		}
		if f := os.Getenv("SOAK_HEAP_PROFILE"); f != "" {
			// What holds the heap at the end, before the harness stops.
			out, err := os.Create(f)
			if err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			pprof.WriteHeapProfile(out)
			out.Close()
		}
		b.ReportMetric(float64(rounds*per), "hosts")
		b.ReportMetric(heap2, "heap_MB_at_1000_hosts")
		b.ReportMetric(heapN, "heap_MB_at_end")
		b.ReportMetric(heapN/heap2, "heap_ratio")
		b.ReportMetric(own2, "lumen_heap_MB_at_1000_hosts")
		b.ReportMetric(ownN, "lumen_heap_MB_at_end")
		b.ReportMetric(ownN/own2, "lumen_heap_ratio")
		b.ReportMetric(rss2, "rss_MB_at_1000_hosts")
		b.ReportMetric(rssN, "rss_MB_at_end")
		b.ReportMetric(rssN/rss2, "rss_ratio")
	}
}

// crawlerHeap estimates, from the allocation profile, the heap in use held
// by allocations made from Lumen's own code (the crawler, extract, the bus
// client) rather than from the embedded nats-server, in MB. The process
// heap of an in-process test holds both; the server's share grows with the
// keys and subjects it stores, the system of record, by design.
func crawlerHeap() float64 {
	runtime.GC()
	var recs []runtime.MemProfileRecord
	n, _ := runtime.MemProfile(nil, true)
	for {
		recs = make([]runtime.MemProfileRecord, n+50)
		var ok bool
		if n, ok = runtime.MemProfile(recs, true); ok {
			recs = recs[:n]
			break
		}
	}
	rate := float64(runtime.MemProfileRate)
	var total float64
	for _, r := range recs {
		if r.InUseBytes() == 0 {
			continue
		}
		ours := false
		frames := runtime.CallersFrames(r.Stack())
		for {
			f, more := frames.Next()
			if strings.Contains(f.Function, "nats-io/nats-server") {
				ours = false
				break
			}
			if strings.Contains(f.Function, "lumen-research/lumen") {
				ours = true
			}
			if !more {
				break
			}
		}
		if !ours {
			continue
		}
		// Undo the sampling, as pprof does.
		avg := float64(r.AllocBytes) / float64(max(r.AllocObjects, 1))
		total += float64(r.InUseBytes()) / (1 - math.Exp(-avg/rate))
	}
	return total / (1 << 20)
}

// memory returns the heap in use after a collection and the resident set
// size, in MB.
func memory() (heap, rss float64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heap = float64(ms.HeapInuse) / (1 << 20)
	if b, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 1 {
			pages, _ := strconv.ParseFloat(f[1], 64)
			rss = pages * float64(os.Getpagesize()) / (1 << 20)
		}
	}
	return heap, rss
}

// soakSite serves one article per host name of 127.0.0.0/8, a robots.txt
// for each, and a sitemap per round listing that round's hosts. It listens
// on every interface (the only way to answer for all of 127/8 from one
// socket) and closes at once any connection that is not from loopback.
type soakSite struct {
	port int
}

func newSoakSite(tb testing.TB) *soakSite {
	tb.Helper()
	ln, err := net.Listen("tcp4", "0.0.0.0:0")
	if err != nil {
		tb.Fatal(err)
	}
	s := &soakSite{port: ln.Addr().(*net.TCPAddr).Port}
	srv := &http.Server{Handler: http.HandlerFunc(s.serve), ReadHeaderTimeout: 5 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		srv.Serve(loopbackOnly{ln})
	}()
	tb.Cleanup(func() {
		srv.Close()
		<-done
	})
	return s
}

// loopbackOnly accepts connections from loopback addresses only.
type loopbackOnly struct{ net.Listener }

func (l loopbackOnly) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if a, ok := c.RemoteAddr().(*net.TCPAddr); ok && a.IP.IsLoopback() {
			return c, nil
		}
		c.Close()
	}
}

// host is the i-th host name: 127.1.0.1, 127.1.0.2 ... (250 to a third
// octet).
func (s *soakSite) host(i int) string {
	return fmt.Sprintf("127.%d.%d.%d:%d", 1+i/62500, i/250%250, i%250+1, s.port)
}

func (s *soakSite) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/robots.txt":
		io.WriteString(w, "User-agent: *\nAllow: /\n")
	case strings.HasPrefix(r.URL.Path, "/sitemap-"):
		round, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/sitemap-"), ".xml"))
		per, _ := strconv.Atoi(r.URL.Query().Get("per"))
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := round * per; i < (round+1)*per; i++ {
			fmt.Fprintf(&b, "<url><loc>http://%s/a</loc></url>", s.host(i))
		}
		b.WriteString("</urlset>")
		w.Header().Set("Content-Type", "application/xml")
		io.WriteString(w, b.String())
	case r.URL.Path == "/a":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, articleHTML("News from "+r.Host, lorem("Host "+r.Host)+"<p>"+words(r.Host, 80)+"</p>"))
	default:
		http.NotFound(w, r)
	}
}

// crawlRound crawls round's hosts through a sitemap source.
func (s *soakSite) crawlRound(tb testing.TB, c *Crawler, round, per int) lumen.CrawlRun {
	tb.Helper()
	src := lumen.Source{Name: "soak", Kind: lumen.SourceSitemap, AllowPrivate: true, MaxPages: per + 10,
		URLs: []string{fmt.Sprintf("http://127.0.0.1:%d/sitemap-%d.xml?per=%d", s.port, round, per)}}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	run, err := c.Run(ctx, src)
	if err != nil && !errors.Is(err, context.Canceled) {
		tb.Fatalf("round %d: %v", round, err)
	}
	return run
}

// words is n words drawn from a vocabulary by a generator seeded with
// seed: text distinct enough per seed that no two pages are near
// duplicates.
func words(seed string, n int) string {
	vocab := strings.Fields(`gut skin axis microbiota diet fibre barrier immune cells cytokines sebum follicles
		keratinocytes patients cohort trial placebo weeks dose capsule yoghurt fermented foods zinc vitamin omega
		fatty acids stress sleep sugar dairy milk whey insulin growth factor hormones antibiotics retinoids
		inflammation lesions comedones papules pustules scarring quality life questionnaire eczema psoriasis rosacea`)
	x := fnvString(seed) | 1
	out := make([]string, n)
	for i := range out {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		out[i] = vocab[x%uint64(len(vocab))]
	}
	return strings.Join(out, " ") + "."
}
