package metrics

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// integrity holds the collectors of the data checks and the index's health.
type integrity struct {
	problems    *prometheus.GaugeVec
	checks      *prometheus.CounterVec
	repairs     *prometheus.CounterVec
	indexState  *prometheus.GaugeVec
	rebuilds    *prometheus.CounterVec
	deadLetters *deadLetters

	mu    sync.Mutex
	kinds []string // of problems, reported as 0 when a check finds none
}

// deadLetters is lumen_dead_letters: read from the stream when scraped,
// when the process can (CountDeadLetters); else, or when the read fails,
// the count of the last data check.
type deadLetters struct {
	desc *prometheus.Desc
	mu   sync.Mutex
	last float64
	read func() (int, error)
}

func (d *deadLetters) Describe(ch chan<- *prometheus.Desc) { ch <- d.desc }

func (d *deadLetters) Collect(ch chan<- prometheus.Metric) {
	d.mu.Lock()
	read := d.read
	d.mu.Unlock()
	if read != nil {
		if n, err := read(); err == nil {
			d.set(float64(n))
		}
	}
	d.mu.Lock()
	v := d.last
	d.mu.Unlock()
	ch <- prometheus.MustNewConstMetric(d.desc, prometheus.GaugeValue, v)
}

func (d *deadLetters) set(v float64) {
	d.mu.Lock()
	d.last = v
	d.mu.Unlock()
}

// Index states for IndexState.
var indexStates = []string{"ok", "rebuilding", "damaged"}

func newIntegrity(reg *prometheus.Registry) *integrity {
	i := &integrity{
		problems: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lumen_integrity_problems", Help: "Damage found by the last data check, by kind (0 when the check was clean).",
		}, []string{"kind"}),
		checks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lumen_integrity_checks_total", Help: "Data checks run, by result (clean, damaged, failed).",
		}, []string{"result"}),
		repairs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lumen_integrity_repairs_total", Help: "Items repaired by data checks, by kind.",
		}, []string{"kind"}),
		indexState: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lumen_index_state", Help: "1 for the state the search index is in (ok, rebuilding, damaged).",
		}, []string{"state"}),
		rebuilds: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lumen_index_rebuilds_total", Help: "Rebuilds of the search index from the streams, by result (ok, failed).",
		}, []string{"result"}),
		deadLetters: &deadLetters{desc: prometheus.NewDesc("lumen_dead_letters",
			"Messages in the dead-letter stream (read when scraped; else as of the last data check).", nil, nil)},
	}
	reg.MustRegister(i.problems, i.checks, i.repairs, i.indexState, i.rebuilds, i.deadLetters)
	for _, s := range indexStates {
		i.indexState.WithLabelValues(s)
	}
	for _, r := range []string{"clean", "damaged", "failed"} {
		i.checks.WithLabelValues(r)
	}
	for _, r := range []string{"ok", "failed"} {
		i.rebuilds.WithLabelValues(r)
	}
	return i
}

// Checked records a data check: its result (clean, damaged, failed), the
// damage by kind, what was repaired by kind, and the dead letters.
func (m *Metrics) Checked(result string, damage, repaired map[string]int, deadLetters int) {
	if m == nil {
		return
	}
	m.integ.checks.WithLabelValues(result).Inc()
	if result == "failed" {
		return
	}
	m.integ.problems.Reset()
	m.integ.mu.Lock()
	for _, k := range m.integ.kinds {
		m.integ.problems.WithLabelValues(k).Set(0)
	}
	m.integ.mu.Unlock()
	for k, n := range damage {
		m.integ.problems.WithLabelValues(k).Set(float64(n))
	}
	for k, n := range repaired {
		m.integ.repairs.WithLabelValues(k).Add(float64(n))
	}
	m.integ.deadLetters.set(float64(deadLetters))
}

// IntegrityKinds names the kinds of problems a data check can find: a check
// that does not find one exports it as 0, so that an alert tells "clean"
// (0) from "never checked" (no series).
func (m *Metrics) IntegrityKinds(kinds []string) {
	if m == nil {
		return
	}
	m.integ.mu.Lock()
	m.integ.kinds = append([]string(nil), kinds...)
	m.integ.mu.Unlock()
}

// CountDeadLetters makes lumen_dead_letters read the dead-letter stream
// with count whenever it is scraped, so that an alert on it fires when a
// letter is written, not at the next data check. count should answer
// quickly (a stream's message count, with a timeout).
func (m *Metrics) CountDeadLetters(count func() (int, error)) {
	if m == nil {
		return
	}
	m.integ.deadLetters.mu.Lock()
	m.integ.deadLetters.read = count
	m.integ.deadLetters.mu.Unlock()
}

// IndexState records the state of the search index.
func (m *Metrics) IndexState(state string) {
	if m == nil {
		return
	}
	for _, s := range indexStates {
		v := 0.0
		if s == state {
			v = 1
		}
		m.integ.indexState.WithLabelValues(s).Set(v)
	}
}

// Rebuilt records a rebuild of the index (result ok or failed).
func (m *Metrics) Rebuilt(result string) {
	if m == nil {
		return
	}
	m.integ.rebuilds.WithLabelValues(result).Inc()
}
