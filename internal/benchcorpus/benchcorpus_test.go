package benchcorpus

import (
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
)

func TestGenerate(t *testing.T) {
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	a, err := Generate(tax, Options{Claims: 2000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(tax, Options{Claims: 2000, Seed: 3})
	if a.Claims < 2000 || a.Claims != b.Claims || len(a.Articles) != len(b.Articles) || a.Sentences[100] != b.Sentences[100] {
		t.Fatalf("Generate is not deterministic: %d/%d claims", a.Claims, b.Claims)
	}
	kinds := map[string]bool{}
	for _, ev := range a.Articles {
		if !lumen.ValidID(ev.Article.ID) || ev.Article.ContentHash != ev.Article.ComputeContentHash() {
			t.Fatalf("article %+v", ev.Article.ID)
		}
		for _, c := range ev.Claims {
			if !lumen.ValidID(c.ID) || c.ArticleID != ev.Article.ID || ev.Article.Text[c.Start:c.End] != c.Text {
				t.Fatalf("claim %q does not sit at [%d,%d) of its article", c.Text, c.Start, c.End)
			}
			if len(c.Concepts) < 2 || lumen.ConceptKind(c.Concepts[0]) != lumen.KindCondition {
				t.Fatalf("claim %q relates %v", c.Text, c.Concepts)
			}
			for _, id := range c.Concepts {
				kinds[lumen.ConceptKind(id)] = true
			}
		}
	}
	if len(kinds) != 3 {
		t.Errorf("claims relate kinds %v, want all three", kinds)
	}
	for _, kind := range []string{OneTerm, TwoTerm, Phrase} {
		qs := a.Queries(kind, 50, 1)
		if len(qs) != 50 {
			t.Fatalf("Queries(%s) = %d queries", kind, len(qs))
		}
		for _, q := range qs {
			words := len(strings.Fields(q))
			if kind == OneTerm && words != 1 || kind != OneTerm && words != 2 || kind == Phrase && !strings.HasPrefix(q, `"`) {
				t.Errorf("Queries(%s) gave %q", kind, q)
			}
		}
	}
}
