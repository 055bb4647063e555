package crawler

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/bus/bustest"
	"github.com/lumen-research/lumen/internal/cpuclock"
	"github.com/lumen-research/lumen/internal/extract"
)

// benchPages is the size of the benchmark's fixture site.
const benchPages = 2000

// benchSite serves benchPages real-looking article pages (site chrome, a
// 600-word article assembled from gut-skin sentences, related links), each
// linking to the next ones so that the crawl is a breadth-first walk.
type benchSite struct {
	*httptest.Server
	pages map[string][]byte
}

var benchSentences = strings.Split(`The gut microbiome shapes the immune system in ways that researchers are only beginning to map.
An imbalanced gut flora has been linked to inflammatory skin conditions such as acne, eczema and psoriasis.
Several small trials found that probiotic supplements reduced the severity of acne lesions.
Other trials reported no significant difference compared with placebo after twelve weeks.
Fermented foods and dietary fiber feed beneficial bacteria that produce short-chain fatty acids.
Short-chain fatty acids help maintain the intestinal barrier and calm systemic inflammation.
Dermatologists caution that most of the evidence comes from observational studies.
Stress raises cortisol, which can alter gut permeability and aggravate rosacea flare-ups.
Antibiotic courses disturb the microbial community for weeks after the last dose.
A diet rich in processed food and sugar is associated with more frequent breakouts.
Vitamin D and zinc are often discussed as supporting skin barrier repair.
Sleep deprivation changes hormone levels that influence sebum production.
Case reports describe improvement in hidradenitis suppurativa after dietary changes.
Fecal microbiota transplantation has been proposed but not tested for skin disease.
Researchers measured transepidermal water loss before and after the intervention.
Participants kept food diaries and photographed their skin every week.
The authors call for larger randomized controlled trials with longer follow-up.
Mouse studies suggest that lipopolysaccharide from gut bacteria can reach the skin.
Urticaria patients showed lower microbial diversity than healthy controls.
Hydration alone did not change redness scores in the small pilot study.`, "\n")

func benchPage(i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gut and skin, part %d | Example Health</title>
<meta name="description" content="Part %d of our series on the gut-skin axis."><meta property="article:published_time" content="2025-%02d-%02dT08:00:00Z">
<link rel="stylesheet" href="/style.css"><script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script></head><body>
<header><nav><a href="/">Home</a> <a href="/topics/">Topics</a> <a href="/about/">About</a> <a href="/newsletter/">Newsletter</a></nav></header>
<aside class="ad">Advertisement: buy our supplements today, with free shipping on orders over $50.</aside>
<main><article><h1>Gut and skin, part %d</h1><p class="byline">By Staff Writer</p>`, i, i, i%12+1, i%28+1, i)
	seed := uint64(i)*2654435761 + 12345
	for p := range 12 {
		b.WriteString("<p>")
		for s := range 5 {
			seed = seed*6364136223846793005 + 1442695040888963407
			fmt.Fprintf(&b, "%s (%d.%d) ", benchSentences[(seed>>33)%uint64(len(benchSentences))], i, p*5+s)
		}
		b.WriteString("</p>\n")
		if p == 5 {
			fmt.Fprintf(&b, "<h2>What the studies of part %d say</h2>\n", i)
		}
	}
	b.WriteString("</article><section class=\"related\"><h3>Related</h3><ul>")
	for _, j := range []int{2*i + 1, 2*i + 2, i + 7} {
		if j < benchPages {
			fmt.Fprintf(&b, `<li><a href="/articles/%d.html">Gut and skin, part %d</a></li>`, j, j)
		}
	}
	b.WriteString(`</ul></section></main><footer><p>© Example Health. Cookie settings. Privacy. Terms.</p></footer></body></html>`)
	return []byte(b.String())
}

func newBenchSite(b *testing.B) *benchSite {
	s := &benchSite{pages: make(map[string][]byte, benchPages)}
	for i := range benchPages {
		s.pages[fmt.Sprintf("/articles/%d.html", i)] = benchPage(i)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			io.WriteString(w, "User-agent: *\nAllow: /\n")
			return
		}
		p, ok := s.pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(p)
	}))
	b.Cleanup(s.Close)
	return s
}

// BenchmarkCrawlSite crawls the whole fixture site with politeness off:
// fetch (colly), robots, extraction, identity and change detection,
// publishing to JetStream and the crawl state, all on an embedded NATS. It
// reports pages/s, and, measured in the same run, the pages/s of bare
// concurrent GETs of the same pages, as the baseline the crawl is a
// fraction of.
func BenchmarkCrawlSite(b *testing.B) {
	site := newBenchSite(b)
	const workers = 8
	var crawled, elapsed, cpu float64
	for range b.N {
		b.StopTimer()
		h := newHarnessOn(b, bustest.Start(b), func(o *Options) {
			o.Concurrency, o.HostConcurrency, o.HostDelay = workers, workers, 0
			o.MaxPages = benchPages + 10
		}).c
		src := lumen.Source{Name: "bench", Kind: lumen.SourceWeb, URLs: []string{site.URL + "/articles/0.html"},
			AllowPrivate: true, MaxPages: benchPages + 10, MaxDepth: lumen.Depth(100)}
		b.StartTimer()
		start, cpu0 := time.Now(), cpuclock.Process()
		run, err := h.Run(context.Background(), src)
		elapsed += time.Since(start).Seconds()
		cpu += (cpuclock.Process() - cpu0).Seconds()
		if err != nil {
			b.Fatal(err)
		}
		if run.New < benchPages*9/10 {
			b.Fatalf("crawled %d new pages of %d: %+v", run.New, benchPages, run)
		}
		crawled += float64(run.Fetched)
	}
	b.StopTimer()
	base := fetchBaseline(b, site, workers)
	pps := crawled / elapsed
	b.ReportMetric(pps, "pages/s")
	b.ReportMetric(base, "baseline_pages/s")
	b.ReportMetric(pps/base, "ratio")
	// CPU time of the whole process (crawler, site, nats-server) per page:
	// less sensitive than pages/s to other processes on a shared machine.
	b.ReportMetric(cpu/crawled*1e3, "cpu_ms/page")
}

// fetchBaseline GETs every page of the site with workers goroutines and a
// plain net/http client, and returns pages/s.
func fetchBaseline(b *testing.B, site *benchSite, workers int) float64 {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
	paths := make(chan string, len(site.pages))
	for p := range site.pages {
		paths <- p
	}
	close(paths)
	var wg sync.WaitGroup
	var n atomic.Int64
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for p := range paths {
				res, err := client.Get(site.URL + p)
				if err != nil {
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				n.Add(1)
			}
		})
	}
	wg.Wait()
	return float64(n.Load()) / time.Since(start).Seconds()
}

// BenchmarkExtractPage is the extraction step alone, on the same pages.
func BenchmarkExtractPage(b *testing.B) {
	pages := make([][]byte, 64)
	var size int
	for i := range pages {
		pages[i] = benchPage(i * 31)
		size += len(pages[i])
	}
	u, _ := url.Parse("http://example.org/articles/1.html")
	b.SetBytes(int64(size / len(pages)))
	b.ResetTimer()
	for i := range b.N {
		if _, err := extract.HTML(pages[i%len(pages)], "text/html; charset=utf-8", u); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
