package evaluate

import (
	"os"
	"strings"
	"testing"

	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/tagger"
)

// TestGoldDir scores the tagger on the gold set named by LUMEN_GOLD_DIR and
// logs the report, for development:
//
//	LUMEN_GOLD_DIR=../shared/corpus/gold-dev LUMEN_GOLD_LABELS=$PWD/internal/evaluate/testdata/gold-dev-labels \
//	    go test -run TestGoldDir -v ./internal/evaluate
//
// LUMEN_GOLD_LABELS names a directory of more labels (pairs.jsonl,
// docs.jsonl); LUMEN_GOLD_ERRORS=1 also logs every sentence with an error.
func TestGoldDir(t *testing.T) {
	dir := os.Getenv("LUMEN_GOLD_DIR")
	if dir == "" {
		t.Skip("LUMEN_GOLD_DIR not set")
	}
	var extra []string
	if l := os.Getenv("LUMEN_GOLD_LABELS"); l != "" {
		extra = append(extra, l)
	}
	g, err := Load(dir, extra...)
	if err != nil {
		t.Fatal(err)
	}
	r := Score(mustTagger(t), g)
	var b strings.Builder
	r.WriteText(&b)
	if os.Getenv("LUMEN_GOLD_ERRORS") != "" {
		b.WriteString("\n")
		r.WriteConcepts(&b)
		b.WriteString("\n")
		r.WriteErrors(&b)
	}
	t.Log("\n" + b.String())
}

func mustTagger(tb testing.TB) *tagger.Tagger {
	tb.Helper()
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		tb.Fatal(err)
	}
	tg, err := tagger.New(tax)
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}
