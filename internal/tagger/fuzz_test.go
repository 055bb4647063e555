package tagger

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
)

// fuzzSeeds are the seed corpus of the fuzz targets: real sentences, the
// shapes the splitter and the abbreviation rules care about, and junk.
func fuzzSeeds(tb testing.TB) []string {
	seeds := []string{
		"",
		" ",
		"\n\n\n",
		"Probiotics did not reduce acne severity.",
		"Atopic dermatitis (AD) is common. AD patients itch. Alzheimer's disease (AD) differs.",
		"Fig. 2 shows e.g. the data (Smith et al. 2019). The p-value was 0.05 vs. 0.01.",
		"1. Eat a Gut-Friendly Diet\n    Focus on fiber-rich vegetables.\n\n2. Incorporate Probiotics",
		"BACKGROUND: Stress worsens psoriasis.\n\nRESULTS: No significant difference was found.",
		"TNF-α, IL-1β and IFN-γ rose; the skin’s barrier and the gut–brain axis.",
		"Is the gut microbiome linked to rosacea? It may be!",
		"L. plantarum CCFM8661 improved acne in mice…",
		"Séborrhéic dermatitis and psoriasis: a review",
		"\xff\xfe\x00binary\x80\x81 acne \xc3\x28 probiotics",
		"a.a.a.a.a.a.a.a.a.a. B.",
		"(((((AD))))) (GM) gut microbiota (GM",
		"Probiotika können Akne verbessern. 益生菌可以改善痤疮。",
		strings.Repeat("probiotics reduce acne and ", 50),
	}
	if b, err := os.ReadFile("testdata/pubmedqa_sample.json"); err == nil {
		var raw map[string]struct{ CONTEXTS []string }
		if json.Unmarshal(b, &raw) == nil {
			n := 0
			for _, d := range raw {
				if n >= 8 {
					break
				}
				seeds = append(seeds, strings.Join(d.CONTEXTS, "\n\n"))
				n++
			}
		}
	}
	return seeds
}

// onBoundary reports whether offset i of text is a rune boundary; only
// meaningful for valid UTF-8.
func onBoundary(text string, i int) bool {
	return i == 0 || i == len(text) || utf8.RuneStart(text[i])
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	morph := &mustTagger(f).morph
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize(nil, text)
		valid := utf8.ValidString(text)
		prev := 0
		var buf []byte
		for i, tk := range toks {
			s, e := int(tk.start), int(tk.end)
			if s < prev || s >= e || e > len(text) {
				t.Fatalf("tokenize(%q): token %d = [%d,%d), previous ended at %d", text, i, s, e, prev)
			}
			if valid && (!onBoundary(text, s) || !onBoundary(text, e)) {
				t.Fatalf("tokenize(%q): token %d = [%d,%d) not on rune boundaries", text, i, s, e)
			}
			buf = appendNorm(buf[:0], text[s:e], morph) // must not panic; may be empty (a lone mark)
			prev = e
		}
	})
}

func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	sr := &mustTagger(f).sentRules
	f.Fuzz(func(t *testing.T, text string) {
		checkSentences(t, text, sr.split(nil, text))
	})
}

func checkSentences(t *testing.T, text string, sents []sentence) {
	t.Helper()
	valid := utf8.ValidString(text)
	prev, block := 0, 0
	for i, se := range sents {
		if se.start < prev || se.start >= se.end || se.end > len(text) {
			t.Fatalf("split(%q): sentence %d = [%d,%d), previous ended at %d", text, i, se.start, se.end, prev)
		}
		if se.block < block {
			t.Fatalf("split(%q): sentence %d in block %d after block %d", text, i, se.block, block)
		}
		if valid && (!onBoundary(text, se.start) || !onBoundary(text, se.end)) {
			t.Fatalf("split(%q): sentence %d = [%d,%d) not on rune boundaries", text, i, se.start, se.end)
		}
		prev, block = se.end, se.block
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, "")
	}
	f.Add("Probiotics reduced acne.", "Randomized Controlled Trial")
	tg := mustTagger(f)
	f.Fuzz(func(t *testing.T, text, pubType string) {
		doc := Document{Text: text, Title: pubType, PublicationTypes: []string{pubType}}
		checkResult(t, tg, doc, tg.Tag(doc))
	})
}

// checkResult checks the invariants of a Result: offsets inside the text
// and (for valid UTF-8) on rune boundaries, sorted mentions and sentences,
// claims that are sentences relating two kinds of concept.
func checkResult(t testing.TB, tg *Tagger, doc Document, res Result) {
	t.Helper()
	text := doc.Text
	if res.Text != text {
		t.Fatalf("Tag(%.60q).Text differs from the input", text)
	}
	valid := utf8.ValidString(text)
	span := func(what string, i, s, e int) {
		if s < 0 || s >= e || e > len(text) {
			t.Fatalf("Tag(%.60q): %s %d = [%d,%d) outside the text (%d bytes)", text, what, i, s, e, len(text))
		}
		if valid && (!onBoundary(text, s) || !onBoundary(text, e)) {
			t.Fatalf("Tag(%.60q): %s %d = [%d,%d) not on rune boundaries", text, what, i, s, e)
		}
	}
	for i, m := range res.Mentions {
		span("mention", i, m.Start, m.End)
		if i > 0 && m.Start < res.Mentions[i-1].Start {
			t.Fatalf("Tag(%.60q): mentions not sorted by start at %d", text, i)
		}
		if m.Text != text[m.Start:m.End] {
			t.Fatalf("Tag(%.60q): mention %d text %q, want %q", text, i, m.Text, text[m.Start:m.End])
		}
		if _, ok := tg.byID[m.Concept]; !ok {
			t.Fatalf("Tag(%.60q): mention %d has unknown concept %q", text, i, m.Concept)
		}
	}
	prev := 0
	for i, s := range res.Sentences {
		span("sentence", i, s.Start, s.End)
		if s.Start < prev {
			t.Fatalf("Tag(%.60q): sentence %d overlaps the previous one", text, i)
		}
		prev = s.End
	}
	if !slices.IsSorted(res.Concepts) || len(slices.Compact(slices.Clone(res.Concepts))) != len(res.Concepts) {
		t.Fatalf("Tag(%.60q).Concepts = %v, want sorted and distinct", text, res.Concepts)
	}
	for i, c := range res.Claims {
		span("claim", i, c.Start, c.End)
		if c.Text != text[c.Start:c.End] {
			t.Fatalf("Tag(%.60q): claim %d text differs from its span", text, i)
		}
		if c.End-c.Start > maxClaimBytes {
			t.Fatalf("Tag(%.60q): claim %d is %d bytes long", text, i, c.End-c.Start)
		}
		if !slices.IsSorted(c.Concepts) || len(slices.Compact(slices.Clone(c.Concepts))) != len(c.Concepts) {
			t.Fatalf("Tag(%.60q): claim %d concepts %v not sorted and distinct", text, i, c.Concepts)
		}
		kinds := map[string]bool{}
		for _, id := range c.Concepts {
			kinds[lumen.ConceptKind(id)] = true
		}
		if len(kinds) < 2 {
			t.Fatalf("Tag(%.60q): claim %d relates only %v", text, i, c.Concepts)
		}
		if c.Negated && c.Relation != lumen.RelationNoEffect {
			t.Fatalf("Tag(%.60q): claim %d negated with relation %q", text, i, c.Relation)
		}
		if i > 0 && c.Start < res.Claims[i-1].Start {
			t.Fatalf("Tag(%.60q): claims not in text order at %d", text, i)
		}
		// The summary follows the pairs: the effect of the first pair not
		// denied (a sentence denied as a whole has none).
		if j := slices.IndexFunc(c.Relations, func(r lumen.Relation) bool { return !r.Negated }); j >= 0 && (c.Negated || c.Relation != c.Relations[j].Effect) {
			t.Fatalf("Tag(%.60q): claim %d relation %q, negated %v, over pairs %+v", text, i, c.Relation, c.Negated, c.Relations)
		}
		checkPairs(t, text, i, c)
		if c.Confidence < 0 || c.Confidence > 1 || c.Confidence != c.Confidence {
			t.Fatalf("Tag(%.60q): claim %d confidence %v outside [0, 1]", text, i, c.Confidence)
		}
		found := false
		for _, s := range res.Sentences {
			if s.Start == c.Start && s.End == c.End {
				found = true
			}
		}
		if !found {
			t.Fatalf("Tag(%.60q): claim %d [%d,%d) is not a sentence", text, i, c.Start, c.End)
		}
	}
}

// checkPairs checks the relation pairs of claim i: each relates two
// different concepts of the claim, once, with a known effect; a denied
// pair has the effect no_effect and only a denied pair has it.
func checkPairs(t testing.TB, text string, i int, c lumen.Claim) {
	t.Helper()
	if len(c.Relations) == 0 {
		t.Fatalf("Tag(%.60q): claim %d has no relation pairs", text, i)
	}
	seen := map[[2]string]bool{}
	for _, r := range c.Relations {
		if r.Subject == r.Object || !slices.Contains(c.Concepts, r.Subject) || !slices.Contains(c.Concepts, r.Object) {
			t.Fatalf("Tag(%.60q): claim %d pair %+v does not relate two of its concepts %v", text, i, r, c.Concepts)
		}
		k := [2]string{min(r.Subject, r.Object), max(r.Subject, r.Object)}
		if seen[k] {
			t.Fatalf("Tag(%.60q): claim %d relates %v twice", text, i, k)
		}
		seen[k] = true
		switch r.Effect {
		case lumen.RelationIncreases, lumen.RelationDecreases, lumen.RelationAssociated, lumen.RelationNoEffect:
		default:
			t.Fatalf("Tag(%.60q): claim %d pair %+v has an unknown effect", text, i, r)
		}
		if r.Negated != (r.Effect == lumen.RelationNoEffect) {
			t.Fatalf("Tag(%.60q): claim %d pair %+v: negated and no_effect disagree", text, i, r)
		}
	}
}

// pairSeeds are sentences from the probes whose pairs are labelled.
func pairSeeds(tb testing.TB) []string {
	tg := mustTagger(tb)
	var out []string
	for _, c := range loadProbes(tb, tg, "testdata/probes.txt") {
		if c.pairsSet || c.claimEvidence != nil {
			out = append(out, c.text)
		}
	}
	return out
}

// FuzzPairs tags sentences that relate concepts and checks every claim's
// pairs (checkResult, checkPairs). Its seeds are the relation probes and
// splices of them, so that the pair rules meet lists, clauses, negators
// and hedges they were not written for.
func FuzzPairs(f *testing.F) {
	seeds := pairSeeds(f)
	for i, s := range seeds {
		f.Add(s, seeds[(i+7)%len(seeds)])
	}
	f.Add("Probiotics, prebiotics and fibre reduced acne, eczema and psoriasis, but not rosacea.", "")
	f.Add("It is a myth that sugar does not worsen acne, which may improve it.", "its them it")
	f.Add("between between of of by by with probiotics acne", "")
	tg := mustTagger(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		// Splice the two sentences at a word boundary of the first.
		text := a
		if i := strings.IndexByte(a, ' '); i >= 0 && b != "" {
			text = a[:i] + " " + b
		}
		doc := Document{Text: text}
		checkResult(t, tg, doc, tg.Tag(doc))
	})
}
