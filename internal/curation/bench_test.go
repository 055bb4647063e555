package curation_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/bus/bustest"
	"github.com/lumen-research/lumen/internal/curation"
)

var benchClaims = flag.Int("bench.claims", 100000, "claims in the index of BenchmarkReviewWrite")

// BenchmarkReviewWrite measures a curator's decision at scale: an index of
// -bench.claims claims (100k by default), decisions through the service
// (read the claim and its history, publish durably to the reviews stream),
// and the time until search shows the new state (through the consumer that
// applies decisions to the index, as in lumen serve). The baseline, in the
// same run, is a bare durable JetStream publish of the same decision.
//
//	go test -run '^$' -bench BenchmarkReviewWrite -benchtime 300x ./internal/curation
func BenchmarkReviewWrite(b *testing.B) {
	ctx := context.Background()
	// The index is built once per process: the benchmark runs more than
	// once (b.N = 1 first).
	benchIndex.once.Do(func() {
		dir, err := os.MkdirTemp("", "lumen-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchIndex.dir = dir
		ix, err := indexer.Open(filepath.Join(dir, "index"))
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		benchIndex.ids = fillIndex(b, ix, *benchClaims)
		b.Logf("indexed %d claims in %s", len(benchIndex.ids), time.Since(start).Round(time.Millisecond))
		benchIndex.ix = ix
	})
	ix, claimIDs := benchIndex.ix, benchIndex.ids
	if ix == nil {
		b.Fatal("no index")
	}
	bs := bustest.Start(b)
	leases, _ := bs.KVWithTTL(ctx, "leases", time.Minute)
	svc := curation.New(ix, bs, curation.NewLeases(leases, time.Minute), tax)
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		bs.ConsumeReviewBatches(cctx, 256, 100*time.Millisecond, indexer.NewWriter(ix, nil, nil).HandleReviews)
	}()
	defer func() { cancel(); <-done }()

	p := lumen.Principal{Name: "bench", Role: lumen.RoleCurator}
	rng := rand.New(rand.NewPCG(1, 2))
	var writes, bare, visible []time.Duration
	b.ResetTimer()
	for i := range b.N {
		id := claimIDs[rng.IntN(len(claimIDs))]
		c, etag, err := svc.Get(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		req := curation.Request{Action: lumen.ActionAccept}
		if c.Review.Status == lumen.StatusAccepted {
			req = curation.Request{Action: lumen.ActionReject, Reason: lumen.ReasonOther}
		}
		t0 := time.Now()
		got, _, err := svc.Decide(ctx, p, id, etag, req)
		if err != nil {
			b.Fatal(err)
		}
		writes = append(writes, time.Since(t0))
		// Until search shows it.
		for {
			res, err := ix.SearchClaims(ctx, lumen.ClaimQuery{ArticleID: got.ArticleID, Status: []string{got.Review.Status}, Size: 100})
			if err != nil {
				b.Fatal(err)
			}
			if slices.ContainsFunc(res.Hits, func(h lumen.ClaimHit) bool { return h.ID == id && h.Review.Version == got.Review.Version }) {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		visible = append(visible, time.Since(t0))
		// Baseline: the durable write alone, a decision on a claim of its own.
		d := lumen.ReviewDecision{ClaimID: lumen.NewID(fmt.Sprint("bare", i)), ArticleID: got.ArticleID, Action: "accept",
			Status: "accepted", Curator: "bench", At: time.Now(), Text: got.Text}
		t1 := time.Now()
		if _, err := bs.PublishDecision(ctx, d, 0); err != nil {
			b.Fatal(err)
		}
		bare = append(bare, time.Since(t1))
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	wp50, wp99 := pct(writes, 50), pct(writes, 99)
	b.ReportMetric(ms(wp50), "write-p50-ms")
	b.ReportMetric(ms(wp99), "write-p99-ms")
	b.ReportMetric(ms(pct(visible, 99)), "visible-p99-ms")
	b.ReportMetric(ms(pct(bare, 99)), "bare-publish-p99-ms")
	b.ReportMetric(float64(wp99)/float64(max(pct(bare, 99), 1)), "write/bare-p99")
	b.ReportMetric(float64(len(claimIDs)), "claims")
}

var benchIndex struct {
	once sync.Once
	dir  string
	ix   *indexer.Index
	ids  []string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchIndex.ix != nil {
		benchIndex.ix.Close()
		os.RemoveAll(benchIndex.dir)
	}
	os.Exit(code)
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// fillIndex indexes n claims in articles of seven, and returns their ids.
func fillIndex(tb testing.TB, ix *indexer.Index, n int) []string {
	tb.Helper()
	words := strings.Fields(`probiotics reduced acne lesions gut microbiome dysbiosis psoriasis eczema fiber
		butyrate barrier inflammation cytokines patients trial placebo weeks supplementation diet sugar dairy
		zinc vitamin omega stress sleep antibiotics isotretinoin rosacea permeability endotoxin lactobacillus`)
	concepts := [][]string{{"condition/acne", "intervention/probiotics"}, {"condition/psoriasis", "mechanism/dysbiosis"},
		{"condition/acne", "mechanism/dysbiosis"}, {"condition/psoriasis", "intervention/probiotics"}}
	rng := rand.New(rand.NewPCG(7, 11))
	var ids []string
	var batch []lumen.ArticleTagged
	flush := func() {
		if _, err := ix.Apply(context.Background(), batch); err != nil {
			tb.Fatal(err)
		}
		batch = batch[:0]
	}
	for a := 0; len(ids) < n; a++ {
		art := lumen.Article{ID: lumen.NewID(fmt.Sprint("bench-article-", a)), URL: fmt.Sprintf("https://example.org/%d", a),
			Title: "Article " + fmt.Sprint(a), Source: "bench", FetchedAt: time.Unix(1700000000, 0).UTC(),
			Published: time.Date(2000+a%25, time.Month(1+a%12), 1, 0, 0, 0, 0, time.UTC)}
		ev := lumen.ArticleTagged{TaxonomyVersion: "t+r1.x", Evidence: lumen.EvidenceRCT}
		var text strings.Builder
		for range min(7, n-len(ids)) {
			var s strings.Builder
			for w := range 18 {
				if w > 0 {
					s.WriteByte(' ')
				}
				s.WriteString(words[rng.IntN(len(words))])
			}
			s.WriteByte('.')
			start := text.Len()
			text.WriteString(s.String() + " ")
			c := lumen.Claim{ID: lumen.ClaimID(art.ID, s.String(), 0), ArticleID: art.ID, Text: s.String(), Start: start,
				End: start + s.Len(), Concepts: concepts[rng.IntN(len(concepts))], Relation: lumen.RelationDecreases,
				Evidence: lumen.EvidenceRCT, Confidence: rng.Float64()}
			ev.Claims = append(ev.Claims, c)
			ids = append(ids, c.ID)
		}
		art.Text = text.String()
		art.ContentHash = art.ComputeContentHash()
		ev.Article = art
		batch = append(batch, ev)
		if len(batch) == 256 {
			flush()
		}
	}
	flush()
	return ids
}
