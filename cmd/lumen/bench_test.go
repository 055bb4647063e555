package main

import (
	"encoding/json"
	"testing"
)

// TestBenchSearch runs lumen bench search on a tiny corpus: every part
// runs and reports a figure (the figures themselves are not checked: they
// are measurements, not test outcomes).
func TestBenchSearch(t *testing.T) {
	out, stderr, err := lumenCmd(t, "", "bench", "search", "--claims", "400", "--queries", "3", "--rounds", "1",
		"--duration", "100ms", "--clients", "2", "--json", "--dir", t.TempDir())
	if err != nil {
		t.Fatalf("bench search: %v\n%s", err, stderr)
	}
	var res struct {
		Claims  int
		Results []struct {
			Name      string
			TargetMet *bool `json:"target_met"`
			Requests  int
			Items     int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("bench search --json: %v\n%s", err, out)
	}
	if res.Claims < 400 || len(res.Results) != 7 {
		t.Fatalf("bench search reported %d claims, %d results:\n%s", res.Claims, len(res.Results), out)
	}
	for _, r := range res.Results {
		if r.TargetMet == nil {
			t.Errorf("%s has no target", r.Name)
		}
	}
}
