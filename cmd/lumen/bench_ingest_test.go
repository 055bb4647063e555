package main

import (
	"encoding/json"
	"testing"
)

// lumen bench ingest runs the whole pipeline on a few articles and reports
// every figure (the figures themselves are for the benchmark runs, not for
// a test to judge).
func TestBenchIngest(t *testing.T) {
	out, stderr, err := lumenCmd(t, "", "bench", "ingest", "--articles", "40", "--batch-size", "16", "--json", "--dir", t.TempDir())
	if err != nil {
		t.Fatalf("bench ingest: %v\n%s", err, stderr)
	}
	var r ingestReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Articles != 40 || r.Claims < 40 || r.IngestClmPS <= 0 || r.ReindexClmPS <= 0 || r.RetagSecs <= 0 || r.BareClmPS <= 0 ||
		r.IndexRatio <= 0 || r.DiskBPC <= 0 || r.IndexBPC <= 0 {
		t.Errorf("report = %+v", r)
	}
	for _, args := range [][]string{{"bench"}, {"bench", "ingest", "--articles", "0"}} {
		if _, _, err := lumenCmd(t, "", args...); exitCode(err) != exitUsage {
			t.Errorf("lumen %v: %v, want a usage error", args, err)
		}
	}
}
