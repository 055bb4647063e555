package tagger

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lumen-research/lumen/config"
)

// TestBadInput tags inputs a crawler may deliver by mistake and checks that
// nothing panics, every offset is sound and no claim is invented. It asserts
// no wall time: linear behaviour is checked by the fuzz targets' time
// budget and by BenchmarkTag; here the inputs only have to complete.
func TestBadInput(t *testing.T) {
	tg := mustTagger(t)
	rng := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 1<<20)
	for i := range junk {
		junk[i] = byte(rng.UintN(256))
	}
	// One 1 MB "sentence" of real words, concept words included, with no
	// full stop anywhere.
	var sentence strings.Builder
	words := strings.Fields("probiotics reduced acne and stress worsens psoriasis while the gut microbiome may influence eczema")
	for sentence.Len() < 1<<20 {
		sentence.WriteString(words[rng.IntN(len(words))])
		sentence.WriteByte(' ')
	}
	tests := []struct {
		name   string
		text   string
		claims int
	}{
		{"empty", "", 0},
		{"spaces", strings.Repeat(" \n\t", 1000), 0},
		{"binary junk", string(junk), 0},
		// Real claims survive invalid bytes around their words.
		{"invalid UTF-8", "Probiotics \xff\xfe reduced \xc3\x28 acne\x80. Stress \xed\xa0\x80 worsens psoriasis", 2},
		{"invalid UTF-8 only", "\xff\xfe\xfd\xc3\x28\xed\xa0\x80\xf4\x90\x80\x80", 0},
		{"NUL bytes", strings.Repeat("\x00", 4096) + "acne\x00probiotics", 0},
		{"1 MB sentence", sentence.String(), 0},
		{"1 MB of one word", strings.Repeat("acne", 1<<18), 0},
		{"1 MB of dots", strings.Repeat("a.", 1<<19), 0},
		{"1 MB of brackets", strings.Repeat("(AD) ", 1<<18), 0},
		{"German", "Probiotika können die Akne verbessern. Stress verschlimmert die Psoriasis. Die Darmflora beeinflusst die Haut.", 0},
		{"French", "Les probiotiques améliorent l'acné. Le stress aggrave le psoriasis.", 0},
		{"Chinese", "益生菌可以改善痤疮。压力会加重银屑病。肠道菌群影响皮肤健康。", 0},
		{"Russian", "Пробиотики уменьшают акне. Стресс ухудшает псориаз.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Document{Text: tt.text}
			res := tg.Tag(doc)
			checkResult(t, tg, doc, res)
			if len(res.Claims) != tt.claims {
				t.Errorf("Tag(%.40q) claims = %d, want %d", tt.text, len(res.Claims), tt.claims)
			}
		})
	}
}

// TestTagConcurrent runs Tag from several goroutines on the same tagger;
// with -race it checks that Tag shares no mutable state.
func TestTagConcurrent(t *testing.T) {
	tg := mustTagger(t)
	texts := []string{
		"Atopic dermatitis (AD) is common. AD improved with probiotics.",
		"Alzheimer's disease (AD) is common. AD patients were given probiotics.",
		"Stress worsens psoriasis.",
	}
	want := make([]Result, len(texts))
	for i, tx := range texts {
		want[i] = tg.Tag(Document{Text: tx})
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for n := 0; n < 50; n++ {
				i := n % len(texts)
				got := tg.Tag(Document{Text: texts[i]})
				if len(got.Mentions) != len(want[i].Mentions) || len(got.Claims) != len(want[i].Claims) {
					done <- &mismatch{texts[i]}
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

type mismatch struct{ text string }

func (m *mismatch) Error() string { return "concurrent Tag(" + m.text + ") differs from a serial one" }

// TestTagIndependentOfOrder tags each text alone and again after other
// texts: the tagger keeps scratch space between documents, and nothing in
// it may leak from one document into the next (r85: the cue hits of the
// document before were read while placing communities and dryness).
func TestTagIndependentOfOrder(t *testing.T) {
	tg := mustTagger(t)
	texts := []string{
		"Your skin has its own microbiome.",
		"Many women notice their skin becoming thinner, drier and itchier.",
		"Antibiotics can leave your gut bacteria out of balance, and faecal transplants restored them.",
		"Probiotics reduce acne, and stress worsens psoriasis while the gut microbiome may influence eczema.",
	}
	alone := make([]Result, len(texts))
	for i, text := range texts {
		alone[i] = tg.Tag(Document{Text: text})
	}
	for round := range 3 {
		for i := range texts {
			j := (i + round) % len(texts)
			got := tg.Tag(Document{Text: texts[j]})
			if !reflect.DeepEqual(got, alone[j]) {
				t.Errorf("round %d: Tag(%q) after other texts differs from tagging it alone:\n got %+v\nwant %+v", round, texts[j], got, alone[j])
			}
		}
	}
}

// TestTagIndependentOfUnrelatedSynonyms checks that a synonym added to one
// concept does not change what the rules make of a text that does not
// name it: words that a synonym makes known to the vocabulary ("based",
// "despite") are still read as the plain words they were.
func TestTagIndependentOfUnrelatedSynonyms(t *testing.T) {
	texts := []string{
		"Interventions including mindfulness-based stress reduction, cognitive behavioural therapy, sleep hygiene and fermented foods have shown encouraging effects on psoriasis severity.",
		"Disruption of the gut microbiome by antibiotics despite probiotic supplementation may contribute to eczema.",
	}
	before := mustTagger(t)
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	tax.Concepts[0].Synonyms = append(slices.Clip(tax.Concepts[0].Synonyms), "zinc-based despite widget", "therapy hygiene gadget")
	after, err := New(tax)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		want, got := before.Tag(Document{Text: text}), after.Tag(Document{Text: text})
		if !reflect.DeepEqual(got.Claims, want.Claims) || !reflect.DeepEqual(got.Mentions, want.Mentions) {
			t.Errorf("Tag(%q) with an unrelated synonym added:\n got %+v\nwant %+v", text, got.Claims, want.Claims)
		}
	}
}
