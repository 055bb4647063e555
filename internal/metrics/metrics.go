// Package metrics exposes Lumen's Prometheus metrics. It is the only package
// that imports the Prometheus client; the roles call the nil-safe methods of
// *Metrics, so a nil *Metrics (in tests, in one-shot commands) records nothing.
package metrics

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Stages for Error.
const (
	StageFetch   = "fetch"
	StageExtract = "extract"
	StagePublish = "publish"
	StageTag     = "tag"
	StageIndex   = "index"
	StageAPI     = "api"
	StageCrawl   = "crawl"
)

// Metrics holds the collectors of one process.
type Metrics struct {
	reg *prometheus.Registry

	pagesFetched    *prometheus.CounterVec
	pageOutcomes    *prometheus.CounterVec
	pagesRepaired   *prometheus.CounterVec
	fetchBytes      *prometheus.CounterVec
	fetchSeconds    *prometheus.HistogramVec
	crawlRuns       *prometheus.CounterVec
	crawlRunning    *prometheus.GaugeVec
	articlesTagged  prometheus.Counter
	claimsTagged    prometheus.Counter
	tagSeconds      prometheus.Histogram
	articlesIndexed prometheus.Counter
	claimsIndexed   prometheus.Counter
	indexBatch      prometheus.Histogram
	indexSeconds    prometheus.Histogram
	errors          *prometheus.CounterVec
	httpRequests    *prometheus.CounterVec
	httpSeconds     *prometheus.HistogramVec
	dataFree        prometheus.Gauge
	indexPaused     prometheus.Gauge

	integ *integrity

	mu      sync.Mutex
	sources map[string]bool // the source label values in use (sourceLabel)
}

// maxSources bounds the values of the source label: sources seeded through
// the API are named after their host ("seed-<host>"), so a long-running
// server would otherwise add series for every host ever seeded.
const maxSources = 200

// sourceLabel is the source label of source: its name for the first
// maxSources sources, "other" after that.
func (m *Metrics) sourceLabel(source string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.sources[source] {
		return source
	}
	if len(m.sources) >= maxSources {
		return "other"
	}
	if m.sources == nil {
		m.sources = map[string]bool{}
	}
	m.sources[source] = true
	return source
}

// New creates the collectors in a registry of their own, with the Go runtime
// and process collectors.
func New() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	f := func(c prometheus.Collector) { m.reg.MustRegister(c) }
	f(collectors.NewGoCollector())
	f(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	m.pagesFetched = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "lumen_pages_fetched_total", Help: "HTTP responses received by the crawler, by source, host and status code class.",
	}, []string{"source", "host", "code"})
	m.pageOutcomes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "lumen_crawl_pages_total", Help: "Pages considered by the crawler, by source and outcome (new, changed, unchanged, skipped, failed; listing: a sitemap or feed read) and reason.",
	}, []string{"source", "outcome", "reason"})
	m.pagesRepaired = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "lumen_crawl_pages_repaired_total", Help: "Pages used although something about them was wrong and was worked around, by source and reason (charset_mismatch: the declared charset was wrong).",
	}, []string{"source", "reason"})
	m.fetchBytes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "lumen_fetch_bytes_total", Help: "Response body bytes received (after decompression), by source.",
	}, []string{"source"})
	m.fetchSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "lumen_fetch_seconds", Help: "Time spent fetching one URL (the requests of all attempts, not the waits for the host's politeness delay or between retries), by source.",
		Buckets: prometheus.ExponentialBuckets(0.01, 3, 9),
	}, []string{"source"})
	m.crawlRuns = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "lumen_crawl_runs_total", Help: "Crawl runs finished, by source and status (ok, failed, canceled, skipped).",
	}, []string{"source", "status"})
	m.crawlRunning = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "lumen_crawl_running", Help: "1 while a run of the source is in progress.",
	}, []string{"source"})
	m.articlesTagged = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "lumen_articles_tagged_total", Help: "Articles tagged by the worker.",
	})
	m.claimsTagged = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "lumen_claims_tagged_total", Help: "Claims found by the tagger.",
	})
	m.tagSeconds = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "lumen_tag_seconds", Help: "Time to tag one article.", Buckets: prometheus.ExponentialBuckets(0.0001, 4, 9),
	})
	m.articlesIndexed = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "lumen_articles_indexed_total", Help: "Articles indexed: new articles and new versions (a redelivered version indexed already is not counted again).",
	})
	m.claimsIndexed = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "lumen_claims_indexed_total", Help: "Claims indexed with new articles and new versions (not again for a redelivered version indexed already).",
	})
	m.indexBatch = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "lumen_index_batch_events", Help: "Events per committed index batch.", Buckets: prometheus.ExponentialBuckets(1, 2, 10),
	})
	m.indexSeconds = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "lumen_index_batch_seconds", Help: "Time to apply and persist one index batch.", Buckets: prometheus.ExponentialBuckets(0.001, 3, 10),
	})
	m.errors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "lumen_errors_total", Help: "Errors by stage (fetch, extract, publish, tag, index, api, crawl) and reason.",
	}, []string{"stage", "reason"})
	m.httpRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "lumen_http_requests_total", Help: "HTTP API requests by route and status code.",
	}, []string{"route", "code"})
	m.httpSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "lumen_http_request_seconds", Help: "HTTP API request latency by route.", Buckets: prometheus.DefBuckets,
	}, []string{"route"})
	m.dataFree = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "lumen_data_free_bytes", Help: "Bytes free on the file system of the data directory, as last read by the index's free-space guard.",
	})
	m.indexPaused = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "lumen_index_paused", Help: "1 while indexing waits for free space on the data directory (below indexer.min_free_bytes), else 0.",
	})
	f(m.dataFree)
	f(m.indexPaused)
	for _, c := range []prometheus.Collector{m.pagesFetched, m.pageOutcomes, m.pagesRepaired, m.fetchBytes, m.fetchSeconds, m.crawlRuns,
		m.crawlRunning, m.articlesTagged, m.claimsTagged, m.tagSeconds, m.articlesIndexed, m.claimsIndexed,
		m.indexBatch, m.indexSeconds, m.errors, m.httpRequests, m.httpSeconds} {
		f(c)
	}
	m.integ = newIntegrity(m.reg)
	// Stages appear with zero counts from the start, so dashboards and alerts
	// see them before the first error.
	for _, s := range []string{StageFetch, StageExtract, StagePublish, StageTag, StageIndex, StageAPI, StageCrawl} {
		m.errors.WithLabelValues(s, "none")
	}
	return m
}

// DiskSpace records a reading of the data directory's free space and
// whether indexing is paused for it.
func (m *Metrics) DiskSpace(free uint64, paused bool) {
	if m == nil {
		return
	}
	m.dataFree.Set(float64(free))
	v := 0.0
	if paused {
		v = 1
	}
	m.indexPaused.Set(v)
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Fetched records an HTTP response received from host.
func (m *Metrics) Fetched(source, host string, status, bytes int, took time.Duration) {
	if m == nil {
		return
	}
	source = m.sourceLabel(source)
	m.pagesFetched.WithLabelValues(source, host, strconv.Itoa(status/100)+"xx").Inc()
	m.fetchBytes.WithLabelValues(source).Add(float64(bytes))
	m.fetchSeconds.WithLabelValues(source).Observe(took.Seconds())
}

// PageRepaired records that a page of source was used although something
// about it was wrong and was worked around (reason: charset_mismatch ...):
// no error, and no outcome of its own (the page has one: new, changed ...).
func (m *Metrics) PageRepaired(source, reason string) {
	if m == nil {
		return
	}
	m.pagesRepaired.WithLabelValues(m.sourceLabel(source), reason).Inc()
}

// PageOutcome records what became of one page: outcome is new, changed,
// unchanged, skipped or failed; reason says why for the last two.
func (m *Metrics) PageOutcome(source, outcome, reason string) {
	if m == nil {
		return
	}
	m.pageOutcomes.WithLabelValues(m.sourceLabel(source), outcome, reason).Inc()
}

// CrawlStarted marks a run of source as in progress.
func (m *Metrics) CrawlStarted(source string) {
	if m == nil {
		return
	}
	m.crawlRunning.WithLabelValues(m.sourceLabel(source)).Set(1)
}

// CrawlFinished records the end of a run.
func (m *Metrics) CrawlFinished(source, status string) {
	if m == nil {
		return
	}
	source = m.sourceLabel(source)
	m.crawlRunning.WithLabelValues(source).Set(0)
	m.crawlRuns.WithLabelValues(source, status).Inc()
}

// Tagged records one tagged article.
func (m *Metrics) Tagged(claims int, took time.Duration) {
	if m == nil {
		return
	}
	m.articlesTagged.Inc()
	m.claimsTagged.Add(float64(claims))
	m.tagSeconds.Observe(took.Seconds())
}

// Indexed records one committed index batch.
func (m *Metrics) Indexed(events, articles, claims int, took time.Duration) {
	if m == nil {
		return
	}
	m.articlesIndexed.Add(float64(articles))
	m.claimsIndexed.Add(float64(claims))
	m.indexBatch.Observe(float64(events))
	m.indexSeconds.Observe(took.Seconds())
}

// Error counts an error at a stage.
func (m *Metrics) Error(stage, reason string) {
	if m == nil {
		return
	}
	m.errors.WithLabelValues(stage, reason).Inc()
}

// HTTPRequest records one API request.
func (m *Metrics) HTTPRequest(route string, code int, took time.Duration) {
	if m == nil {
		return
	}
	m.httpRequests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	m.httpSeconds.WithLabelValues(route).Observe(took.Seconds())
}
