package tagger

import (
	"slices"
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/lexicon"
)

// englishVerbForms is the English inflection the tagger once wrote in Go,
// kept here to check that the lexicon's verb-inflections table makes the
// same forms in the same order.
func englishVerbForms(b string) []string {
	out := []string{b, b + "s"}
	switch {
	case strings.HasSuffix(b, "e"):
		out = append(out, b+"d", b[:len(b)-1]+"ing")
	case strings.HasSuffix(b, "y") && len(b) > 2 && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
		out = append(out, b[:len(b)-1]+"ied", b+"ing", b[:len(b)-1]+"ies")
	default:
		out = append(out, b+"ed", b+"ing")
		n := len(b)
		isVowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
		if n >= 3 {
			c, v, p := b[n-1], b[n-2], b[n-3]
			if c == 'l' && isVowel(v) ||
				!isVowel(c) && strings.IndexByte("wxy", c) < 0 && c >= 'a' && c <= 'z' && isVowel(v) && !isVowel(p) {
				out = append(out, b+b[n-1:]+"ed", b+b[n-1:]+"ing")
			}
		}
	}
	if strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "ss") {
		out = append(out, b+"es")
	}
	return out
}

func TestVerbInflectionsAsData(t *testing.T) {
	tg := mustTagger(t)
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	// Every verb of the lexicon, and words of every shape the rules tell
	// apart (two-letter words ending in a consonant and "y" are the one
	// shape the table reads differently; no verb has it).
	words := []string{"reduce", "modify", "delay", "spur", "stop", "fuel", "signal", "boost", "push", "reach",
		"relax", "suppress", "help", "fix", "show", "buy", "cry", "see", "free", "agree", "occur", "exacerbate", "hamper"}
	for _, l := range tax.Vocabulary {
		if meta, _ := lexicon.LookupList(l.Name); meta.Kind == lexicon.Verbs {
			words = append(words, l.Words...)
		}
	}
	for _, w := range words {
		b, rest, _ := strings.Cut(w, " ")
		if len(b) <= 2 && strings.HasSuffix(b, "y") {
			t.Errorf("verb %q: a two-letter verb in -y inflects differently from the old Go rules; check verb-inflections", w)
			continue
		}
		var want []string
		for _, f := range englishVerbForms(b) {
			if rest != "" {
				f += " " + rest
			}
			want = append(want, f)
		}
		if got := tg.verbForms(w); !slices.Equal(got, want) {
			t.Errorf("verbForms(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestMorphologyLists checks how the tagger takes the language's
// morphology lists: a rule it cannot read is an error naming the list's
// file and line; a lexicon without them still builds and says which lists
// it lacks.
func TestMorphologyLists(t *testing.T) {
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	without := func(names ...string) lumen.Taxonomy {
		out := tax
		out.Vocabulary = nil
		for _, l := range tax.Vocabulary {
			if !slices.Contains(names, l.Name) {
				out.Vocabulary = append(out.Vocabulary, l)
			}
		}
		return out
	}

	bad := without(lexicon.ListPluralStems)
	bad.Vocabulary = append(bad.Vocabulary, lumen.WordList{Name: lexicon.ListPluralStems, Words: []string{"s 0 [us"}, Source: "bad.yaml:7"})
	_, err = New(bad)
	if want := `vocabulary bad.yaml:7: plural stem "s 0 [us" has a condition "[us" with an unclosed [`; err == nil || err.Error() != want {
		t.Errorf("New(bad plural-stems) error = %v, want %q", err, want)
	}

	morph := []string{lexicon.ListVerbInflections, lexicon.ListPluralStems, lexicon.ListAbbreviations, lexicon.ListAdverbEndings}
	tg, err := New(without(morph...))
	if err != nil {
		t.Fatalf("New(without %v) error: %v", morph, err)
	}
	warned := strings.Join(tg.Warnings(), "\n")
	for _, name := range morph {
		if !strings.Contains(warned, name) {
			t.Errorf("New(without %v).Warnings() = %q, want %s named", morph, warned, name)
		}
	}
	if got := tg.verbForms("reduce"); !slices.Equal(got, []string{"reduce"}) {
		t.Errorf("verbForms(reduce) without verb-inflections = %q, want the base only", got)
	}
	if got := string(tg.norm(nil, "lesions")); got != "lesions" {
		t.Errorf("norm(lesions) without plural-stems = %q, want it kept", got)
	}
}
