package indexer

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/benchcorpus"
	"github.com/lumen-research/lumen/internal/cpuclock"
	"github.com/lumen-research/lumen/internal/vocab"
)

// benchIndex indexes a generated corpus of n claims; lumen bench search
// measures the same at 100,000 claims through the HTTP API, against plain
// bleve.
func benchIndex(b *testing.B, n int) (*Index, *benchcorpus.Corpus) {
	b.Helper()
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	c, err := benchcorpus.Generate(tax, benchcorpus.Options{Claims: n})
	if err != nil {
		b.Fatal(err)
	}
	ix := MustOpen(b)
	ix.SetVocabulary(vocab.New(tax))
	for i := 0; i < len(c.Articles); i += 256 {
		if _, err := ix.Apply(context.Background(), c.Articles[i:min(i+256, len(c.Articles))]); err != nil {
			b.Fatal(err)
		}
	}
	return ix, c
}

func BenchmarkSearch(b *testing.B) {
	ix, c := benchIndex(b, 20_000)
	for _, kind := range []string{benchcorpus.OneTerm, benchcorpus.TwoTerm, benchcorpus.Phrase} {
		qs := c.Queries(kind, 100, 9)
		b.Run(kind, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if _, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{Q: qs[i%len(qs)]}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("browse with a facet", func(b *testing.B) {
		for b.Loop() {
			if _, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{Facets: []string{"concepts"}}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			if _, err := ix.EvidenceMap(context.Background(), lumen.MapQuery{Rows: "condition", Cols: "mechanism"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("export", func(b *testing.B) {
		n := 0
		for b.Loop() {
			n = 0
			if err := ix.ExportClaims(context.Background(), lumen.ClaimQuery{}, func(lumen.ClaimRecord) error { n++; return nil }); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/claim")
	})
}

// BenchmarkIndexing builds an index of 20,000 generated claims the way a
// rebuild does (Builder, unsafe batches) and with bleve alone (BareIndex);
// lumen bench ingest measures the whole pipeline at 100,000 claims.
func BenchmarkIndexing(b *testing.B) {
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	c, err := benchcorpus.Generate(tax, benchcorpus.Options{Claims: 20_000})
	if err != nil {
		b.Fatal(err)
	}
	source := func(ctx context.Context, bd *Builder) error {
		for i, ev := range c.Articles {
			if err := bd.AddTagged(ctx, ev, uint64(i+1)); err != nil {
				return err
			}
		}
		return bd.Flush(ctx)
	}
	b.Run("rebuild", func(b *testing.B) {
		cpu := cpuclock.Process()
		for b.Loop() {
			dir := filepath.Join(b.TempDir(), "index")
			if _, err := Rebuild(context.Background(), dir, RebuildOptions{Sources: []Source{source}, BatchSize: 256}); err != nil {
				b.Fatal(err)
			}
		}
		reportIndexing(b, cpu, c.Claims)
	})
	b.Run("bleve alone", func(b *testing.B) {
		cpu := cpuclock.Process()
		for b.Loop() {
			if _, err := BareIndex(context.Background(), filepath.Join(b.TempDir(), "bare"), c.Articles, 256); err != nil {
				b.Fatal(err)
			}
		}
		reportIndexing(b, cpu, c.Claims)
	})
}

// reportIndexing reports wall and CPU time per claim: CPU time includes
// bleve's background persister and merger, and varies less with the
// machine's load.
func reportIndexing(b *testing.B, cpuStart time.Duration, claims int) {
	n := float64(b.N) * float64(claims)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/claim")
	b.ReportMetric(float64((cpuclock.Process()-cpuStart).Nanoseconds())/n, "cpu-ns/claim")
}
