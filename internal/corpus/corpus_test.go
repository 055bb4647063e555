package corpus

import (
	"strings"
	"testing"
)

func TestArticles(t *testing.T) {
	c := New(func(s string) bool { return strings.Contains(s, "gut") })
	if len(Abstracts()) != 150 || c.ClaimSentences() == 0 {
		t.Fatalf("%d abstracts, %d claim sentences", len(Abstracts()), c.ClaimSentences())
	}
	a, b := c.Article(7), c.Article(7)
	if a != b || a.Text == c.Article(8).Text || len(Sentences(a.Text)) < 15 {
		t.Errorf("Article(7) = %+v", a)
	}
}

func TestSentences(t *testing.T) {
	got := Sentences("One two. Three four? 5 six! e.g. seven. Eight\n\nNine.")
	want := []string{"One two.", "Three four?", "5 six! e.g. seven.", "Eight", "Nine."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}
