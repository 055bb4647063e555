package tagger

import (
	"slices"
	"sync"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
)

var (
	sharedOnce   sync.Once
	sharedTagger *Tagger
	sharedErr    error
)

// mustTagger returns a tagger over the built-in taxonomy, built once per
// test binary.
func mustTagger(tb testing.TB) *Tagger {
	tb.Helper()
	sharedOnce.Do(func() {
		tax, err := config.DefaultTaxonomy()
		if err != nil {
			sharedErr = err
			return
		}
		sharedTagger, sharedErr = New(tax)
	})
	if sharedErr != nil {
		tb.Fatal(sharedErr)
	}
	return sharedTagger
}

func concepts(ms []lumen.Mention) []string {
	var out []string
	for _, m := range ms {
		if !slices.Contains(out, m.Concept) {
			out = append(out, m.Concept)
		}
	}
	slices.Sort(out)
	return out
}

func mustNewDefault(tb testing.TB) *Tagger {
	tb.Helper()
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		tb.Fatal(err)
	}
	tg, err := New(tax)
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

func TestAbbreviationStatistics(t *testing.T) {
	tg := mustTagger(t)
	text := "Chronic insomnia (CI) is common. CI worsened eczema (95% CI 1.1-2.0; OR = 1.4, CI: 1.1-1.9)."
	res := tg.Tag(Document{Text: text})
	n := 0
	for _, m := range res.Mentions {
		if m.Concept == "intervention/sleep" {
			n++
		}
	}
	if n != 3 { // "insomnia", the short form where it is defined and its one real use
		t.Errorf("Tag(%q) sleep mentions = %d, want 3: %v", text, n, res.Mentions)
	}
}

// TestAbbreviationsStayInDocument checks that a short form defined in one
// document means nothing in the next one the same tagger tags.
func TestAbbreviationsStayInDocument(t *testing.T) {
	tg := mustTagger(t)
	tg.Tag(Document{Text: "Atopic dermatitis (AD) is common."})
	if got := concepts(tg.Tag(Document{Text: "AD is common in the elderly."}).Mentions); got != nil {
		t.Errorf("Tag(AD without definition) = %v, want none", got)
	}
}
