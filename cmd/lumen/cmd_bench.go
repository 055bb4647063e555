package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/benchcorpus"
	"github.com/lumen-research/lumen/internal/httpapi"
	lumenmetrics "github.com/lumen-research/lumen/internal/metrics"
	"github.com/lumen-research/lumen/internal/vocab"
)

// cmdBench runs benchmarks: `lumen bench search`.
func cmdBench(ctx context.Context, e *env, args []string) error {
	benches := map[string]func(context.Context, *env, []string) error{"search": benchSearch, "ingest": benchIngest}
	if len(args) == 0 || benches[args[0]] == nil {
		fmt.Fprintln(e.stderr, "Usage: lumen bench search [flags] | lumen bench ingest [flags]")
		return usageError("lumen bench: which benchmark? (search, ingest)")
	}
	return benches[args[0]](ctx, e, args[1:])
}

type benchOptions struct {
	claims   int
	queries  int
	rounds   int
	clients  int
	duration time.Duration
	dir      string
	seed     uint64
	cpuprof  string
	jsonOut  bool
	only     string
}

// benchSearch builds a Lumen index and a plain bleve index of the same
// sentences, serves Lumen's HTTP API on loopback, and measures both on the
// same queries in the same run.
func benchSearch(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("lumen bench search", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var o benchOptions
	fs.IntVar(&o.claims, "claims", 100_000, "claims to generate (about 7 per article)")
	fs.IntVar(&o.queries, "queries", 200, "distinct queries of each kind")
	fs.IntVar(&o.rounds, "rounds", 3, "times each query is run on each side")
	fs.IntVar(&o.clients, "clients", 8, "concurrent clients for the throughput figure")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "how long the throughput figure runs")
	fs.StringVar(&o.dir, "dir", "", "keep the indexes in `directory` and reuse them on the next run (default: a temporary directory)")
	var seed uint
	fs.UintVar(&seed, "seed", 1, "corpus seed")
	fs.StringVar(&o.cpuprof, "cpuprofile", "", "write a CPU profile of the Lumen measurements to `file`")
	fs.BoolVar(&o.jsonOut, "json", false, "print the figures as JSON")
	fs.StringVar(&o.only, "only", "", "run only these parts, comma-separated: queries, browse, map, throughput, export")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: lumen bench search [flags]\n\nBuilds an index of claim-rich articles from real PubMed sentences and measures Lumen's\nHTTP API against a plain bleve index of the same sentences, same queries, same run.\n\n")
		fs.PrintDefaults()
	}
	if _, err := parse(fs, args); err != nil {
		return err
	}
	o.seed = uint64(seed)
	for _, part := range strings.Split(o.only, ",") {
		if part != "" && !slices.Contains([]string{"queries", "browse", "map", "throughput", "export"}, part) {
			return usageError("lumen bench search --only: %q is not one of queries, browse, map, throughput, export", part)
		}
	}
	if o.claims < 100 || o.queries < 1 || o.rounds < 1 || o.clients < 1 {
		return usageError("lumen bench search: --claims >= 100, --queries, --rounds and --clients >= 1")
	}
	tax, err := loadTaxonomy("")
	if err != nil {
		return err
	}
	b, err := newBench(ctx, e, tax, o)
	if err != nil {
		return err
	}
	defer b.close()
	return b.run(ctx)
}

type bench struct {
	e        *env
	o        benchOptions
	tax      lumen.Taxonomy
	corpus   *benchcorpus.Corpus
	ix       *indexer.Index
	base     *indexer.Baseline
	srv      *http.Server
	url      string
	client   *http.Client
	tmp      string
	results  []benchResult
	progress io.Writer
}

type benchResult struct {
	Name      string  `json:"name"`
	LumenP50  float64 `json:"lumen_p50_ms"`
	LumenP99  float64 `json:"lumen_p99_ms"`
	BleveP50  float64 `json:"bleve_p50_ms,omitempty"`
	BleveP99  float64 `json:"bleve_p99_ms,omitempty"`
	Ratio     float64 `json:"p50_ratio,omitempty"`
	Note      string  `json:"note,omitempty"`
	Requests  int     `json:"requests"`
	QPS       float64 `json:"lumen_qps,omitempty"`
	BleveQPS  float64 `json:"bleve_qps,omitempty"`
	Items     int     `json:"items,omitempty"`
	Seconds   float64 `json:"seconds,omitempty"`
	Flat      bool    `json:"flat_memory,omitempty"`
	Target    string  `json:"target,omitempty"`
	TargetMet *bool   `json:"target_met,omitempty"`
}

func newBench(ctx context.Context, e *env, tax lumen.Taxonomy, o benchOptions) (*bench, error) {
	b := &bench{e: e, o: o, tax: tax, progress: e.stderr}
	dir := o.dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "lumen-bench-")
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		b.tmp, dir = tmp, tmp
	}
	b.logf("generating %d claims from real PubMed sentences (seed %d)", o.claims, o.seed)
	c, err := benchcorpus.Generate(tax, benchcorpus.Options{Claims: o.claims, Seed: o.seed})
	if err != nil {
		return nil, err
	}
	b.corpus = c
	marker := filepath.Join(dir, "corpus")
	want := fmt.Sprintf("claims=%d seed=%d articles=%d", c.Claims, o.seed, len(c.Articles))
	have, _ := os.ReadFile(marker)
	fresh := string(have) != want
	clear := func() error {
		for _, sub := range []string{"lumen", "bleve", "corpus"} {
			if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
				return fmt.Errorf("bench: %w", err)
			}
		}
		return nil
	}
	if fresh {
		if err := clear(); err != nil {
			return nil, err
		}
	}
	b.ix, err = indexer.Open(filepath.Join(dir, "lumen"))
	if errors.Is(err, indexer.ErrOutdated) {
		// Kept by a Lumen with another mapping: build both again.
		b.logf("the kept index has another mapping: building the indexes again")
		if err := clear(); err != nil {
			return nil, err
		}
		fresh = true
		b.ix, err = indexer.Open(filepath.Join(dir, "lumen"))
	}
	if err != nil {
		return nil, err
	}
	b.ix.SetVocabulary(vocab.New(tax))
	if fresh {
		start := time.Now()
		b.logf("indexing %d articles, %d claims into Lumen's index", len(c.Articles), c.Claims)
		for i := 0; i < len(c.Articles); i += 256 {
			if _, err := b.ix.Apply(ctx, c.Articles[i:min(i+256, len(c.Articles))]); err != nil {
				return nil, err
			}
		}
		// The review states are curators' decisions.
		ds := c.Decisions()
		for i := 0; i < len(ds); i += 1000 {
			if _, err := b.ix.ApplyReviews(ctx, ds[i:min(i+1000, len(ds))]); err != nil {
				return nil, err
			}
		}
		b.logf("  took %s", time.Since(start).Round(time.Second))
		start = time.Now()
		b.logf("indexing the same %d sentences into a plain bleve index", c.Claims)
		b.base, err = indexer.OpenBaseline(filepath.Join(dir, "bleve"))
		if err != nil {
			return nil, err
		}
		concepts := make([]string, 0, c.Claims)
		for _, a := range c.Articles {
			for _, cl := range a.Claims {
				concepts = append(concepts, cl.Concepts[0])
			}
		}
		if err := b.base.Add(ctx, c.Sentences, concepts); err != nil {
			return nil, err
		}
		b.logf("  took %s", time.Since(start).Round(time.Second))
		if err := os.WriteFile(marker, []byte(want), 0o644); err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
	} else {
		b.logf("reusing the indexes in %s", dir)
		b.base, err = indexer.ReopenBaseline(filepath.Join(dir, "bleve"))
		if err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	h := httpapi.NewServer(httpapi.Deps{Searcher: b.ix, Taxonomy: tax, Metrics: lumenmetrics.New()})
	b.srv = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go b.srv.Serve(ln)
	b.url = "http://" + ln.Addr().String()
	b.client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
	return b, nil
}

func (b *bench) logf(format string, args ...any) {
	if !b.o.jsonOut {
		fmt.Fprintf(b.progress, format+"\n", args...)
	}
}

func (b *bench) close() {
	if b.srv != nil {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		b.srv.Shutdown(sctx)
		cancel()
	}
	if b.ix != nil {
		b.ix.Close()
	}
	if b.base != nil {
		b.base.Close()
	}
	if b.tmp != "" {
		os.RemoveAll(b.tmp)
	}
}

func (b *bench) want(part string) bool {
	if b.o.only == "" {
		return true
	}
	return slices.Contains(strings.Split(b.o.only, ","), part)
}

func (b *bench) run(ctx context.Context) error {
	if b.o.cpuprof != "" {
		f, err := os.Create(b.o.cpuprof)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	kinds := []string{benchcorpus.OneTerm, benchcorpus.TwoTerm, benchcorpus.Phrase}
	if b.want("queries") {
		for i, kind := range kinds {
			qs := b.corpus.Queries(kind, b.o.queries, uint64(100+i))
			if err := b.compare(ctx, kind, qs, false); err != nil {
				return err
			}
		}
	}
	if b.want("browse") {
		qs := make([]string, max(b.o.queries/4, 10))
		if err := b.compare(ctx, "match-all browsing (both: 1 facet)", qs, true); err != nil {
			return err
		}
	}
	if b.want("map") {
		if err := b.mapLatency(ctx); err != nil {
			return err
		}
	}
	if b.want("throughput") {
		if err := b.throughput(ctx, b.corpus.Queries(benchcorpus.OneTerm, b.o.queries, 100)); err != nil {
			return err
		}
	}
	if b.want("export") {
		if err := b.exportAll(ctx); err != nil {
			return err
		}
	}
	b.judge()
	return b.report()
}

// Targets of issue 10, at about 100,000 claims.
const (
	targetP50Ratio    = 4.0
	targetP99         = 20.0 // ms, single client, one-term, two-term and phrase queries
	targetBrowseRatio = 2.0
	targetMapP99      = 100.0 // ms
	targetQPS         = 400.0 // one-term queries/s with 8 clients
	targetExport      = 10.0  // s for 100,000 claims
)

// judge marks each figure against its target.
func (b *bench) judge() {
	met := func(ok bool) *bool { return &ok }
	for i := range b.results {
		r := &b.results[i]
		switch r.Name {
		case benchcorpus.OneTerm, benchcorpus.TwoTerm, benchcorpus.Phrase:
			r.Target = fmt.Sprintf("p50 <= %.0fx, p99 <= %.0f ms", targetP50Ratio, targetP99)
			r.TargetMet = met(r.Ratio <= targetP50Ratio && r.LumenP99 <= targetP99)
		case "match-all browsing (both: 1 facet)":
			r.Target = fmt.Sprintf("p50 <= %.0fx", targetBrowseRatio)
			r.TargetMet = met(r.Ratio <= targetBrowseRatio)
		case "evidence map":
			r.Target = fmt.Sprintf("p99 <= %.0f ms", targetMapP99)
			r.TargetMet = met(r.LumenP99 <= targetMapP99)
		case "throughput, one term":
			r.Target = fmt.Sprintf(">= %.0f q/s", targetQPS)
			r.TargetMet = met(r.QPS >= targetQPS)
		case "export, every claim (CSV)":
			scaled := r.Seconds * 100_000 / float64(max(r.Items, 1))
			r.Target = fmt.Sprintf("<= %.0f s per 100k claims, flat memory", targetExport)
			r.TargetMet = met(scaled <= targetExport && r.Flat)
		}
	}
}

// mapLatency draws evidence maps of every pair of kinds under a few filters.
func (b *bench) mapLatency(ctx context.Context) error {
	terms := b.corpus.Queries(benchcorpus.OneTerm, 4, 7)
	filters := []string{"", "evidence=rct", "status=accepted", "published_from=2015-01-01", "concept=condition%2Fskin-health",
		"q=" + url.QueryEscape(terms[0]), "q=" + url.QueryEscape(terms[1]), "negated=false&hedged=false"}
	pairs := [][2]string{{"condition", "mechanism"}, {"condition", "intervention"}, {"mechanism", "intervention"}}
	var paths []string
	for _, p := range pairs {
		for _, f := range filters {
			path := "/api/v1/map?rows=" + p[0] + "&cols=" + p[1]
			if f != "" {
				path += "&" + f
			}
			paths = append(paths, path)
		}
	}
	b.logf("measuring the evidence map: %d maps x %d rounds", len(paths), b.o.rounds)
	for _, p := range paths { // warm up
		if _, err := b.lumenGet(ctx, p); err != nil {
			return err
		}
	}
	var lt []time.Duration
	for range b.o.rounds {
		for _, p := range paths {
			start := time.Now()
			if _, err := b.lumenGet(ctx, p); err != nil {
				return err
			}
			lt = append(lt, time.Since(start))
		}
	}
	b.results = append(b.results, benchResult{Name: "evidence map", Requests: len(lt), LumenP50: ms(pct(lt, 50)), LumenP99: ms(pct(lt, 99))})
	return nil
}

// throughput runs clients that each send one-term queries back to back
// for the duration, on Lumen and then on the plain index.
func (b *bench) throughput(ctx context.Context, qs []string) error {
	b.logf("measuring throughput: %d clients for %s on each side", b.o.clients, b.o.duration)
	run := func(do func(ctx context.Context, q string) error) (float64, error) {
		ctx, cancel := context.WithTimeout(ctx, b.o.duration)
		defer cancel()
		var n atomic.Int64
		var wg sync.WaitGroup
		errc := make(chan error, b.o.clients)
		start := time.Now()
		for c := range b.o.clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := c; ctx.Err() == nil; i++ {
					if err := do(ctx, qs[i%len(qs)]); err != nil {
						if ctx.Err() == nil {
							errc <- err
						}
						return
					}
					n.Add(1)
				}
			}()
		}
		wg.Wait()
		close(errc)
		if err := <-errc; err != nil {
			return 0, err
		}
		return float64(n.Load()) / time.Since(start).Seconds(), nil
	}
	lq, err := run(func(ctx context.Context, q string) error {
		_, err := b.lumenGet(ctx, claimsPath(q, false))
		return err
	})
	if err != nil {
		return err
	}
	bq, err := run(func(ctx context.Context, q string) error {
		_, err := b.base.Search(ctx, q, 20, false)
		return err
	})
	if err != nil {
		return err
	}
	b.results = append(b.results, benchResult{Name: "throughput, one term", QPS: lq, BleveQPS: bq,
		Note: fmt.Sprintf("%.0f q/s (%d clients)", lq, b.o.clients)})
	return nil
}

// exportAll downloads every claim as CSV through the API, timed; then
// every claim and a tenth of them again with the heap sampled: flat memory
// means the peak does not grow with the size of the export. The sampled
// passes force a collection before each sample (every 100 ms), so that a
// sample is what the export holds, not garbage not yet collected; they are
// not timed.
func (b *bench) exportAll(ctx context.Context) error {
	b.logf("measuring the export of every claim as CSV")
	get := func(filters string) (int, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.url+"/api/v1/claims/export?format=csv"+filters, nil)
		if err != nil {
			return 0, err
		}
		res, err := b.client.Do(req)
		if err != nil {
			return 0, err
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("bench: export: %s", res.Status)
		}
		n, err := countLines(res.Body)
		return n - 1, err
	}
	// Every claim: rejected ones are left out unless their status is
	// asked for, so every status is.
	every := "&status=" + strings.Join(lumen.Statuses, ",")
	start := time.Now()
	rows, err := get(every)
	if err != nil {
		return err
	}
	seconds := time.Since(start).Seconds()
	if rows != b.corpus.Claims {
		return fmt.Errorf("bench: the export has %d claims, the index %d", rows, b.corpus.Claims)
	}
	// sampled returns the median and the largest of the samples: a sample
	// can still catch what another goroutine allocated since the
	// collection, so the median says what the export holds.
	sampled := func(filters string) (int, uint64, uint64, error) {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		var mu sync.Mutex
		var samples []uint64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(100 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					runtime.GC()
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					mu.Lock()
					samples = append(samples, max(m.HeapAlloc, base)-base)
					mu.Unlock()
				}
			}
		}()
		n, err := get(filters)
		close(stop)
		wg.Wait()
		if len(samples) == 0 {
			return n, 0, 0, err
		}
		slices.Sort(samples)
		return n, samples[len(samples)/2], samples[len(samples)-1], err
	}
	_, allMed, allMax, err := sampled(every)
	if err != nil {
		return err
	}
	tenthRows, tenthMed, _, err := sampled("&evidence=rct")
	if err != nil {
		return err
	}
	// Flat: what an export of every claim holds is within 2x (plus 4 MiB)
	// of what an export of a tenth of them holds.
	flat := allMed <= 2*tenthMed+4<<20
	mib := func(n uint64) float64 { return float64(n) / (1 << 20) }
	b.results = append(b.results, benchResult{Name: "export, every claim (CSV)", Items: rows, Seconds: seconds, Flat: flat,
		Note: fmt.Sprintf("%d claims in %.1f s; heap held +%.1f MiB, at most +%.1f (+%.1f MiB for %d claims)", rows, seconds,
			mib(allMed), mib(allMax), mib(tenthMed), tenthRows)})
	return nil
}

func countLines(r io.Reader) (int, error) {
	buf := make([]byte, 64<<10)
	n := 0
	for {
		k, err := r.Read(buf)
		for _, c := range buf[:k] {
			if c == '\n' {
				n++
			}
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// lumenGet fetches a path from Lumen's API and returns the body size.
func (b *bench) lumenGet(ctx context.Context, path string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.url+path, nil)
	if err != nil {
		return 0, err
	}
	res, err := b.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err != nil {
		return n, err
	}
	if res.StatusCode != http.StatusOK {
		return n, fmt.Errorf("GET %s: %s", path, res.Status)
	}
	return n, nil
}

func claimsPath(q string, facets bool) string {
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	v.Set("size", "20")
	if facets {
		v.Set("facets", "concepts")
	}
	return "/api/v1/claims?" + v.Encode()
}

// compare runs each query on Lumen (through HTTP) and on the plain index,
// alternating, rounds times.
func (b *bench) compare(ctx context.Context, name string, qs []string, facets bool) error {
	b.logf("measuring %s: %d queries x %d rounds on each side", name, len(qs), b.o.rounds)
	// Warm both up: the first query of a kind opens segments and caches.
	for _, q := range qs {
		if _, err := b.lumenGet(ctx, claimsPath(q, facets)); err != nil {
			return err
		}
		if _, err := b.base.Search(ctx, q, 20, facets); err != nil {
			return err
		}
	}
	var lt, bt []time.Duration
	for range b.o.rounds {
		for _, q := range qs {
			start := time.Now()
			if _, err := b.lumenGet(ctx, claimsPath(q, facets)); err != nil {
				return err
			}
			lt = append(lt, time.Since(start))
			start = time.Now()
			if _, err := b.base.Search(ctx, q, 20, facets); err != nil {
				return err
			}
			bt = append(bt, time.Since(start))
		}
	}
	r := benchResult{Name: name, Requests: len(lt), LumenP50: ms(pct(lt, 50)), LumenP99: ms(pct(lt, 99)),
		BleveP50: ms(pct(bt, 50)), BleveP99: ms(pct(bt, 99))}
	r.Ratio = r.LumenP50 / r.BleveP50
	b.results = append(b.results, r)
	return nil
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[min(max(i-1, 0), len(s)-1)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func (b *bench) report() error {
	if b.o.jsonOut {
		enc := json.NewEncoder(b.e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"claims": b.corpus.Claims, "articles": len(b.corpus.Articles),
			"cpus": runtime.NumCPU(), "results": b.results})
	}
	fmt.Fprintf(b.e.stdout, "\n%d claims from %d articles, %d CPUs; Lumen through its HTTP API, bleve in-process; both top 20, highlighted\n\n",
		b.corpus.Claims, len(b.corpus.Articles), runtime.NumCPU())
	tw := tabwriter.NewWriter(b.e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "measurement\tLumen p50 / p99 ms\tbleve p50 / p99 ms\tratio\ttarget\tmet")
	for _, r := range b.results {
		bl, ratio := "", ""
		if r.BleveP50 > 0 {
			bl = fmt.Sprintf("%.2f / %.2f", r.BleveP50, r.BleveP99)
			ratio = fmt.Sprintf("%.1fx", r.Ratio)
		}
		if r.BleveQPS > 0 {
			bl = fmt.Sprintf("%.0f q/s", r.BleveQPS)
			ratio = fmt.Sprintf("%.2fx", r.QPS/r.BleveQPS)
		}
		met := ""
		if r.TargetMet != nil {
			met = map[bool]string{true: "yes", false: "NO"}[*r.TargetMet]
		}
		lm := fmt.Sprintf("%.2f / %.2f", r.LumenP50, r.LumenP99)
		if r.Note != "" {
			lm = r.Note
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, lm, bl, ratio, r.Target, met)
	}
	return tw.Flush()
}
