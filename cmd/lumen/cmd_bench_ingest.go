package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/corpus"
	"github.com/lumen-research/lumen/internal/cpuclock"
	"github.com/lumen-research/lumen/internal/tagger"
	"github.com/lumen-research/lumen/worker"
)

// ingestReport is what bench ingest measures.
type ingestReport struct {
	Articles     int     `json:"articles"`
	Claims       int     `json:"claims"`
	CPUs         int     `json:"cpus"`
	PublishSecs  float64 `json:"publish_seconds"` // loading the articles stream (not part of the figures below)
	IngestSecs   float64 `json:"ingest_seconds"`  // articles stream -> tagged -> indexed, searchable
	IngestArtsPS float64 `json:"ingest_articles_per_second"`
	IngestClmPS  float64 `json:"ingest_claims_per_second"`
	IngestRSSMB  float64 `json:"ingest_peak_rss_mb"`
	ReindexSecs  float64 `json:"reindex_seconds"` // lumen reindex: the index rebuilt from the tagged stream
	ReindexClmPS float64 `json:"reindex_claims_per_second"`
	ReindexRSSMB float64 `json:"reindex_peak_rss_mb"`
	RetagSecs    float64 `json:"reindex_retag_seconds"` // lumen reindex --retag
	RetagRSSMB   float64 `json:"reindex_retag_peak_rss_mb"`
	BareSecs     float64 `json:"bare_bleve_seconds"` // bleve alone indexing the same documents from memory
	BareClmPS    float64 `json:"bare_bleve_claims_per_second"`
	IndexRatio   float64 `json:"indexing_vs_bare_bleve"` // reindex claims/s / bare bleve claims/s
	IndexBytes   int64   `json:"index_bytes"`
	StreamBytes  int64   `json:"stream_bytes"` // articles and tagged streams
	IndexBPC     float64 `json:"index_bytes_per_claim"`
	DiskBPC      float64 `json:"disk_bytes_per_claim"` // index and streams
	PeakRSSMB    float64 `json:"peak_rss_mb"`          // the largest of the phases' peaks
	PeakAnonMB   float64 `json:"peak_anon_rss_mb"`     // of which anonymous memory (the heap), sampled
	// CPU seconds (user+system) of each phase: less sensitive than wall
	// time to other work on a shared machine.
	IngestCPU   float64 `json:"ingest_cpu_seconds"`
	ReindexCPU  float64 `json:"reindex_cpu_seconds"`
	RetagCPU    float64 `json:"reindex_retag_cpu_seconds"`
	BareCPU     float64 `json:"bare_bleve_cpu_seconds"`
	CPURatio    float64 `json:"indexing_vs_bare_bleve_cpu"` // bare bleve CPU / reindex CPU
	LoadAverage string  `json:"load_average"`               // of the machine when the run ended
}

// phase measures a part of the benchmark: wall and CPU time, and the peak
// resident set (Linux) with its anonymous part sampled.
type phase struct {
	start    time.Time
	cpu      time.Duration
	stop     chan struct{}
	done     chan struct{}
	peakAnon float64
}

func startPhase() *phase {
	resetPeakRSS()
	p := &phase{start: time.Now(), cpu: cpuclock.Process(), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			p.peakAnon = max(p.peakAnon, rssField("RssAnon:"))
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

// end returns the wall seconds, CPU seconds, peak RSS and peak anonymous RSS
// (MB) of the phase.
func (p *phase) end() (wall, cpu, peak, anon float64) {
	close(p.stop)
	<-p.done
	return time.Since(p.start).Seconds(), (cpuclock.Process() - p.cpu).Seconds(), rssField("VmHWM:"), p.peakAnon
}

// Targets of issue 13 for 100k claims on the 2-core development machine.
const (
	targetClaimsPerSec = 5000
	targetRetagSecs    = 15
	targetPeakRSSMB    = 400
	targetBareRatio    = 0.8
)

func benchIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("lumen bench ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	n := fs.Int("articles", 15000, "articles to feed through the pipeline (about 7 claims each)")
	dir := fs.String("dir", "", "keep the data here (default: a temporary directory, removed afterwards)")
	batch := fs.Int("batch-size", config.Defaults().Indexer.BatchSize, "events per index batch")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	logLevel := fs.String("log-level", "warn", "log `level`")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to `file`")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the end-to-end phase to `file`")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: lumen bench ingest [flags]\n\nFeeds articles built from real abstracts through the pipeline (articles stream -> tagger -> tagged\nstream -> index), then rebuilds the index (reindex, reindex --retag), and indexes the same documents\nwith bleve alone, reporting each rate, bytes per claim on disk and peak RSS.")
		fs.PrintDefaults()
	}
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *n < 1 || *batch < 1 {
		return usageError("--articles and --batch-size must be at least 1")
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*logLevel)); err != nil {
		return usageError("--log-level %q: %v", *logLevel, err)
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: lvl}))
	root := *dir
	if root == "" {
		d, err := os.MkdirTemp("", "lumen-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		root = d
	} else if entries, err := os.ReadDir(root); err == nil && len(entries) > 0 {
		return usageError("--dir %s is not empty", root)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	setMemoryLimit(config.Defaults(), e.getenv) // as lumen's commands do
	rep := ingestReport{Articles: *n, CPUs: runtime.GOMAXPROCS(0)}
	progress := func(format string, a ...any) {
		if !*asJSON {
			fmt.Fprintf(e.stderr, format+"\n", a...)
		}
	}

	tax, err := config.DefaultTaxonomy()
	if err != nil {
		return err
	}
	tg, err := tagger.New(tax)
	if err != nil {
		return err
	}
	c := corpus.New(func(s string) bool { return len(tg.Tag(tagger.Document{Text: s}).Claims) > 0 })
	srv, err := bus.StartServer(bus.ServerOptions{Dir: filepath.Join(root, "nats")})
	if err != nil {
		return err
	}
	defer srv.Shutdown()
	b, err := bus.Connect(ctx, bus.Options{Server: srv, Name: "lumen-bench", Logger: log})
	if err != nil {
		return err
	}
	defer b.Close()

	progress("publishing %d articles built from %d real abstracts and %d claim sentences...", *n, len(corpus.Abstracts()), c.ClaimSentences())
	start := time.Now()
	fetchedAt := time.Now().UTC()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for i := range *n {
		g.Go(func() error {
			ga := c.Article(i)
			a := lumen.Article{ID: lumen.NewID(fmt.Sprintf("bench:%d", i)), URL: fmt.Sprintf("https://bench.invalid/articles/%d", i),
				URLs: []string{fmt.Sprintf("https://bench.invalid/articles/%d", i)}, Source: "bench", Title: ga.Title, Text: ga.Text,
				Published: ga.Published, FetchedAt: fetchedAt, Language: "en"}
			a.ContentHash = a.ComputeContentHash()
			_, err := b.PublishFetched(gctx, lumen.ArticleFetched{Article: a, Run: "bench"})
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	rep.PublishSecs = time.Since(start).Seconds()

	// End to end: from the articles stream to searchable.
	indexDir := filepath.Join(root, "index")
	ix, err := indexer.Open(indexDir)
	if err != nil {
		return err
	}
	if err := b.EnsureConsumers(ctx); err != nil {
		return err
	}
	progress("tagging and indexing...")
	ph := startPhase()
	cctx, cancel := context.WithCancel(ctx)
	w := worker.New(tg, b, log, nil)
	cg, _ := errgroup.WithContext(cctx)
	cg.Go(func() error {
		return b.ConsumeFetched(cctx, (&app{cfg: config.Defaults()}).workerConcurrency(), w.Handle)
	})
	cg.Go(func() error {
		return b.ConsumeTaggedBatches(cctx, *batch, config.Defaults().Indexer.BatchWait, indexer.NewWriter(ix, nil, log).Handle)
	})
	err = waitIdle(ctx, b)
	if *memProfile != "" {
		if f, ferr := os.Create(*memProfile); ferr == nil {
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
	}
	var anon float64
	rep.IngestSecs, rep.IngestCPU, rep.IngestRSSMB, anon = ph.end()
	rep.PeakAnonMB = max(rep.PeakAnonMB, anon)
	cancel()
	if werr := cg.Wait(); err == nil {
		err = werr
	}
	if err != nil {
		ix.Close()
		return fmt.Errorf("ingest: %w", err)
	}
	arts, claims, err := ix.Counts(ctx)
	if err != nil {
		return err
	}
	if err := ix.Close(); err != nil {
		return err
	}
	if int(arts) != *n {
		return fmt.Errorf("ingest: %d articles indexed, want %d", arts, *n)
	}
	rep.Claims = int(claims)
	rep.IngestArtsPS = float64(arts) / rep.IngestSecs
	rep.IngestClmPS = float64(claims) / rep.IngestSecs
	rep.IndexBytes = dirSize(indexDir)
	for _, s := range []string{bus.StreamArticles, bus.StreamTagged} {
		rep.StreamBytes += dirSize(filepath.Join(root, "nats", "jetstream", "$G", "streams", s))
	}
	rep.IndexBPC = float64(rep.IndexBytes) / float64(claims)
	rep.DiskBPC = float64(rep.IndexBytes+rep.StreamBytes) / float64(claims)

	// lumen reindex, and lumen reindex --retag, the way the commands do it.
	a := &app{cfg: config.Defaults(), log: log, bus: b}
	a.cfg.Indexer.BatchSize = *batch
	rebuild := func() (indexer.RebuildStats, error) {
		return indexer.Rebuild(ctx, indexDir, indexer.RebuildOptions{Sources: a.rebuildSources(), BatchSize: *batch, Logger: log})
	}
	progress("reindex...")
	ph = startPhase()
	st, err := rebuild()
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	rep.ReindexSecs, rep.ReindexCPU, rep.ReindexRSSMB, anon = ph.end()
	rep.PeakAnonMB = max(rep.PeakAnonMB, anon)
	rep.ReindexClmPS = float64(st.Claims) / rep.ReindexSecs

	progress("reindex --retag...")
	a.tagger = tg
	ph = startPhase()
	var retagged atomic.Int64
	sources := a.rebuildSources()
	sources[0] = a.retagSource(&retagged)
	if _, err := indexer.Rebuild(ctx, indexDir, indexer.RebuildOptions{Sources: sources, BatchSize: *batch, Logger: log}); err != nil {
		return fmt.Errorf("reindex --retag: %w", err)
	}
	rep.RetagSecs, rep.RetagCPU, rep.RetagRSSMB, anon = ph.end()
	rep.PeakAnonMB = max(rep.PeakAnonMB, anon)

	// bleve alone, on the same documents, from memory.
	progress("bare bleve...")
	var events []lumen.ArticleTagged
	if err := b.ReplayTagged(ctx, func(ev lumen.ArticleTagged) error { events = append(events, ev); return nil }); err != nil {
		return err
	}
	// The events are held in memory for bleve alone: lift the heap limit,
	// which would make its collector run on every allocation.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	ph = startPhase()
	bare, err := indexer.BareIndex(ctx, filepath.Join(root, "bare"), events, *batch)
	if err != nil {
		return err
	}
	rep.BareSecs, rep.BareCPU, _, _ = ph.end()
	rep.BareClmPS = float64(bare) / rep.BareSecs
	rep.IndexRatio = rep.ReindexClmPS / rep.BareClmPS
	rep.CPURatio = rep.BareCPU / rep.ReindexCPU
	rep.PeakRSSMB = max(rep.IngestRSSMB, rep.ReindexRSSMB, rep.RetagRSSMB)
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		rep.LoadAverage = strings.Join(strings.Fields(string(b))[:3], " ")
	}

	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printIngest(e.stdout, rep)
	return nil
}

func printIngest(w io.Writer, r ingestReport) {
	verdict := func(ok bool) string {
		if ok {
			return "meets the target"
		}
		return "MISSES the target"
	}
	per100k := func(v float64) float64 { return v * 100000 / float64(r.Claims) }
	fmt.Fprintf(w, "lumen bench ingest: %d articles, %d claims (%.1f per article), %d CPUs, load average %s at the end\n\n",
		r.Articles, r.Claims, float64(r.Claims)/float64(r.Articles), r.CPUs, r.LoadAverage)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "phase\twall\tCPU\trate\ttarget\t")
	fmt.Fprintf(tw, "end to end: stream to searchable\t%.1f s\t%.1f s\t%.0f claims/s (%.0f articles/s)\t%s (>= %d claims/s)\t\n", r.IngestSecs, r.IngestCPU,
		r.IngestClmPS, r.IngestArtsPS, verdict(r.IngestClmPS >= targetClaimsPerSec), targetClaimsPerSec)
	fmt.Fprintf(tw, "reindex\t%.1f s\t%.1f s\t%.0f claims/s\t\t\n", r.ReindexSecs, r.ReindexCPU, r.ReindexClmPS)
	fmt.Fprintf(tw, "reindex --retag\t%.1f s\t%.1f s\t%.1f s per 100k claims\t%s (<= %d s)\t\n", r.RetagSecs, r.RetagCPU, per100k(r.RetagSecs),
		verdict(per100k(r.RetagSecs) <= targetRetagSecs), targetRetagSecs)
	fmt.Fprintf(tw, "bleve alone, same documents\t%.1f s\t%.1f s\t%.0f claims/s\t\t\n", r.BareSecs, r.BareCPU, r.BareClmPS)
	fmt.Fprintf(tw, "indexing (reindex) vs bleve alone\t%.2fx\t%.2fx\t\t%s (>= %.1fx)\t\n", r.IndexRatio, r.CPURatio, verdict(r.IndexRatio >= targetBareRatio), targetBareRatio)
	tw.Flush()
	fmt.Fprintf(w, "\npeak RSS %.0f MB (ingest %.0f, reindex %.0f, retag %.0f; anonymous at most %.0f, the rest mapped index files): %s (<= %d MB)\n",
		r.PeakRSSMB, r.IngestRSSMB, r.ReindexRSSMB, r.RetagRSSMB, r.PeakAnonMB, verdict(r.PeakRSSMB <= targetPeakRSSMB), targetPeakRSSMB)
	fmt.Fprintf(w, "on disk %.0f bytes per claim: index %.0f, articles and tagged streams %.0f\n", r.DiskBPC, r.IndexBPC, float64(r.StreamBytes)/float64(r.Claims))
	fmt.Fprintf(w, "(loading the articles stream first took %.1f s, not counted. A shared machine: compare the ratios, measured in the same run.)\n", r.PublishSecs)
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// resetPeakRSS resets the kernel's record of the process's peak resident
// set (Linux; elsewhere a no-op), so that each phase reports its own peak.
func resetPeakRSS() {
	runtime.GC()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// rssField reads a field of /proc/self/status in kB (VmHWM:, RssAnon:) as
// MB; 0 where /proc is missing.
func rssField(name string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}
