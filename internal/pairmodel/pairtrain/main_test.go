package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lumen-research/lumen/internal/pairmodel"
)

// Trained on one gold set and measured on another, it reports both
// readings and writes a model that decodes.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "test.txt")
	if err := os.WriteFile(list, []byte("# measured only\nheldout301\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "model.json")
	var stdout bytes.Buffer
	td := "../../evaluate/testdata/"
	if err := run(context.Background(), []string{"-test", list, "-out", out, td + "heldout300", td + "heldout301"}, &stdout); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"trained on ", "rules        pairs TP ", "+effects     pairs TP ", "rules+model  pairs TP "} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var m pairmodel.Model
	if err := json.Unmarshal(b, &m); err != nil || len(m.Add) == 0 || len(m.Effect) != len(pairmodel.Effects) || m.Threshold != 0.5 {
		t.Errorf("model: %d adder weights, %d effect models, threshold %v, %v", len(m.Add), len(m.Effect), m.Threshold, err)
	}
}
