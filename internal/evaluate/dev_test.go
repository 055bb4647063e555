package evaluate

import (
	"os"
	"strings"
	"sync"
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

// mustTagger returns the tagger over the built-in taxonomy, built once per
// test binary (it is safe for concurrent use and never changes): building
// it, pair model and all, for each of the hundreds of sets the guards
// score took minutes under -race.
func mustTagger(tb testing.TB) *tagger.Tagger {
	tb.Helper()
	tg, err := builtTagger()
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

var builtTagger = sync.OnceValues(func() (*tagger.Tagger, error) {
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		return nil, err
	}
	return tagger.New(tax)
})
