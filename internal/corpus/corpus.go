// Package corpus builds articles of any number from real text, for
// benchmarks and tests at scale: PubMed abstracts (a sample of PubMedQA in
// testdata) and the sentences of the three seed articles, recombined. It is
// not for anything a user sees.
package corpus

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/lumen-research/lumen/internal/demo"
)

//go:embed testdata/abstracts.json
var abstractsJSON []byte

// Abstract is a PubMed title and abstract.
type Abstract struct {
	PMID  string `json:"pmid"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Year  string `json:"year"`
}

// Abstracts returns the sample of real abstracts.
func Abstracts() []Abstract {
	var out []Abstract
	if err := json.Unmarshal(abstractsJSON, &out); err != nil {
		panic(fmt.Sprintf("corpus: embedded abstracts: %v", err)) // cannot happen: embedded at build time
	}
	return out
}

// Corpus recombines real sentences into articles.
type Corpus struct {
	abstracts []Abstract
	claims    []string // sentences that state a relation
	others    []string
}

// New splits the abstracts and the seed articles into sentences; isClaim
// says which state a relation (the tagger decides).
func New(isClaim func(sentence string) bool) *Corpus {
	c := &Corpus{abstracts: Abstracts()}
	texts := make([]string, 0, len(c.abstracts)+3)
	for _, a := range c.abstracts {
		texts = append(texts, a.Text)
	}
	for _, p := range demo.Pages() {
		texts = append(texts, p.Text)
	}
	seen := map[string]bool{}
	for _, t := range texts {
		for _, s := range Sentences(t) {
			if seen[s] || len(strings.Fields(s)) < 4 {
				continue
			}
			seen[s] = true
			if isClaim(s) {
				c.claims = append(c.claims, s)
			} else {
				c.others = append(c.others, s)
			}
		}
	}
	return c
}

// ClaimSentences is the number of distinct sentences stating a relation.
func (c *Corpus) ClaimSentences() int { return len(c.claims) }

// Article is a generated article.
type Article struct {
	Title     string
	Text      string
	Published time.Time
	PMID      string // of the abstract the title is from
}

// Article returns article i: the title of an abstract, and (shuffled) seven
// sentences that state relations and eleven that do not, drawn from the
// whole corpus; the same i gives the same article.
func (c *Corpus) Article(i int) Article {
	rng := rand.New(rand.NewPCG(uint64(i), uint64(i)*0x9e3779b97f4a7c15+1))
	a := c.abstracts[i%len(c.abstracts)]
	var sents []string
	pick := func(pool []string, n int) {
		if len(pool) == 0 {
			return
		}
		for _, j := range rng.Perm(len(pool))[:min(n, len(pool))] {
			sents = append(sents, pool[j])
		}
	}
	pick(c.claims, 7)
	pick(c.others, 11)
	rng.Shuffle(len(sents), func(x, y int) { sents[x], sents[y] = sents[y], sents[x] })
	year := 2000 + i%25
	return Article{
		Title:     fmt.Sprintf("%s (%d)", a.Title, i),
		Text:      strings.Join(sents, " "),
		Published: time.Date(year, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
		PMID:      a.PMID,
	}
}

// Sentences splits text into sentences at ". ", "? " and "! " followed by a
// capital letter or a digit, and at blank lines.
func Sentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		start := 0
		for i := 0; i+2 < len(para); i++ {
			switch para[i] {
			case '.', '?', '!':
				if para[i+1] == ' ' {
					n := para[i+2]
					if n >= 'A' && n <= 'Z' || n >= '0' && n <= '9' {
						out = append(out, para[start:i+1])
						start = i + 2
					}
				}
			}
		}
		if s := strings.TrimSpace(para[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}
