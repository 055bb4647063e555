// Package benchcorpus builds claim-rich articles at any scale from real
// PubMed sentences, for `lumen bench search` and the search benchmarks: the
// sentences of 334 PubMedQA abstracts (embedded, MIT; see data/SOURCES.txt)
// are cut at a comma or mid-way and recombined around a clause that names
// two concepts of the taxonomy with a relation, so that the index sees real
// biomedical vocabulary, real sentence lengths and a realistic spread of
// concepts, evidence types and review states. The same seed gives the same
// corpus. It is not a test fixture for the tagger: the claims are built, not
// tagged.
package benchcorpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/lumen-research/lumen"
)

//go:embed data/pubmedqa-sample.txt.gz
var sampleGz []byte

// abstract is one real abstract of the sample.
type abstract struct {
	pmid, title string
	year        int
	sentences   []string
}

func loadSample() ([]abstract, error) {
	zr, err := gzip.NewReader(bytes.NewReader(sampleGz))
	if err != nil {
		return nil, fmt.Errorf("bench corpus: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("bench corpus: %w", err)
	}
	var out []abstract
	var cur *abstract
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		tag, val, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		switch tag {
		case "P":
			out = append(out, abstract{pmid: val})
			cur = &out[len(out)-1]
		case "T":
			cur.title = val
		case "Y":
			cur.year, _ = strconv.Atoi(val)
		case "S":
			cur.sentences = append(cur.sentences, val)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("bench corpus: empty sample")
	}
	return out, sc.Err()
}

// Corpus is a generated set of tagged articles.
type Corpus struct {
	Articles []lumen.ArticleTagged
	Claims   int
	// Sentences are the claim texts, in the order of the articles.
	Sentences []string
}

// Options shape a corpus.
type Options struct {
	Claims int    // about this many claims (default 100,000)
	Seed   uint64 // default 1
	// ClaimsPerArticle is the mean number of claims per article (default 7).
	ClaimsPerArticle int
}

var (
	evidenceWeights = []weighted{
		{lumen.EvidenceMetaAnalysis, 3}, {lumen.EvidenceSystematicReview, 4}, {lumen.EvidenceRCT, 10},
		{lumen.EvidenceCohort, 10}, {lumen.EvidenceCaseControl, 6}, {lumen.EvidenceCrossSectional, 8},
		{lumen.EvidenceCaseReport, 3}, {lumen.EvidenceAnimal, 14}, {lumen.EvidenceInVitro, 6},
		{lumen.EvidenceNarrativeReview, 16}, {lumen.EvidenceWebArticle, 20},
	}
	relationWeights = []weighted{
		{lumen.RelationDecreases, 35}, {lumen.RelationIncreases, 25}, {lumen.RelationAssociated, 30}, {lumen.RelationNoEffect, 10},
	}
	statusWeights = []weighted{
		{lumen.StatusPending, 90}, {lumen.StatusAccepted, 7}, {lumen.StatusRejected, 2}, {lumen.StatusCorrected, 1},
	}
	verbs = map[string][]string{
		lumen.RelationDecreases:  {"reduced", "improved", "alleviated", "lowered the severity of", "protected against"},
		lumen.RelationIncreases:  {"worsened", "increased", "aggravated", "was followed by more", "triggered"},
		lumen.RelationAssociated: {"was associated with", "correlated with", "was linked to", "co-occurred with"},
		lumen.RelationNoEffect:   {"had no effect on", "did not change", "was not associated with"},
	}
	sources = []weighted{{"pubmed", 50}, {"europepmc", 25}, {"blog", 15}, {"journal-feed", 10}}
)

type weighted struct {
	v string
	w int
}

func pick(r *rand.Rand, ws []weighted) string {
	total := 0
	for _, w := range ws {
		total += w.w
	}
	n := r.IntN(total)
	for _, w := range ws {
		if n < w.w {
			return w.v
		}
		n -= w.w
	}
	return ws[len(ws)-1].v
}

// zipf picks an index in [0, n) with weight 1/(i+1), so that a few concepts
// carry most claims, as in the literature.
func zipf(r *rand.Rand, n int) int {
	total := 0.0
	for i := range n {
		total += 1 / float64(i+1)
	}
	x := r.Float64() * total
	for i := range n {
		x -= 1 / float64(i+1)
		if x <= 0 {
			return i
		}
	}
	return n - 1
}

// Generate builds a corpus over the concepts of tax.
func Generate(tax lumen.Taxonomy, o Options) (*Corpus, error) {
	if o.Claims <= 0 {
		o.Claims = 100_000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.ClaimsPerArticle <= 0 {
		o.ClaimsPerArticle = 7
	}
	abs, err := loadSample()
	if err != nil {
		return nil, err
	}
	byKind := map[string][]lumen.Concept{}
	for _, c := range tax.Concepts {
		if len(c.Synonyms) > 0 {
			byKind[c.Kind] = append(byKind[c.Kind], c)
		}
	}
	if len(byKind[lumen.KindCondition]) == 0 || len(byKind[lumen.KindMechanism])+len(byKind[lumen.KindIntervention]) == 0 {
		return nil, fmt.Errorf("bench corpus: the taxonomy needs conditions and mechanisms or interventions")
	}
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	c := &Corpus{}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := 0; c.Claims < o.Claims; n++ {
		src := abs[r.IntN(len(abs))]
		ev := c.article(r, n, src, abs, byKind, o, base)
		c.Articles = append(c.Articles, ev)
		c.Claims += len(ev.Claims)
	}
	return c, nil
}

func (c *Corpus) article(r *rand.Rand, n int, src abstract, abs []abstract, byKind map[string][]lumen.Concept, o Options, base time.Time) lumen.ArticleTagged {
	source := pick(r, sources)
	a := lumen.Article{
		URL:    fmt.Sprintf("https://bench.example.org/%s/%d", source, n),
		Source: source,
		Title:  src.title,
		Authors: []string{fmt.Sprintf("Author%d Alpha", r.IntN(5000)), fmt.Sprintf("Author%d Beta", r.IntN(5000)),
			fmt.Sprintf("Author%d Gamma", r.IntN(5000))},
		Journal:   fmt.Sprintf("Journal of Studies %d", r.IntN(300)),
		Published: time.Date(max(src.year, 1990)+r.IntN(8), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC),
		FetchedAt: base.Add(time.Duration(n) * time.Second),
		Language:  "en",
	}
	if source == "pubmed" || source == "europepmc" {
		a.PMID = strconv.Itoa(30_000_000 + n)
		a.DOI = fmt.Sprintf("10.5555/bench.%d", n)
		if r.IntN(3) == 0 {
			a.PMCID = fmt.Sprintf("PMC%d", 9_000_000+n)
		}
	}
	a.ID = lumen.NewID("bench:" + strconv.Itoa(n))
	evidence := pick(r, evidenceWeights)
	if source == "blog" {
		evidence = lumen.EvidenceWebArticle
	}
	ev := lumen.ArticleTagged{Evidence: evidence, TaxonomyVersion: "bench+1", TaggedAt: a.FetchedAt}
	var text strings.Builder
	conceptSet := map[string]bool{}
	claims := 1 + r.IntN(2*o.ClaimsPerArticle-1)
	// Some articles define an abbreviation of their main condition.
	cond := byKind[lumen.KindCondition][zipf(r, len(byKind[lumen.KindCondition]))]
	if len(cond.Abbreviations) > 0 && r.IntN(4) == 0 {
		fmt.Fprintf(&text, "We studied %s (%s) in %s. ", cond.Synonyms[0], cond.Abbreviations[0], lowerFirst(fragment(r, abs, false)))
	}
	seen := map[string]int{}
	for i := 0; i < claims; i++ {
		// Filler sentences between claims, as in a real abstract.
		for range r.IntN(2) {
			text.WriteString(realSentence(r, abs))
			text.WriteString(" ")
		}
		if i > 0 && r.IntN(3) == 0 {
			cond = byKind[lumen.KindCondition][zipf(r, len(byKind[lumen.KindCondition]))]
		}
		kind := lumen.KindMechanism
		if len(byKind[kind]) == 0 || (len(byKind[lumen.KindIntervention]) > 0 && r.IntN(2) == 0) {
			kind = lumen.KindIntervention
		}
		other := byKind[kind][zipf(r, len(byKind[kind]))]
		concepts := []string{cond.ID, other.ID}
		rel := pick(r, relationWeights)
		claim := lumen.Claim{
			Relation: rel, Negated: r.IntN(10) == 0, Hedged: r.IntN(4) == 0, Evidence: evidence,
			Confidence: 0.5 + r.Float64()/2,
		}
		sent := c.sentence(r, abs, other, cond, rel, claim.Negated, claim.Hedged)
		if r.IntN(5) == 0 { // a third concept now and then
			k2 := lumen.KindIntervention
			if kind == k2 {
				k2 = lumen.KindMechanism
			}
			if len(byKind[k2]) > 0 {
				third := byKind[k2][zipf(r, len(byKind[k2]))]
				concepts = append(concepts, third.ID)
				sent = strings.TrimSuffix(sent, ".") + ", through " + third.Synonyms[r.IntN(len(third.Synonyms))] + "."
			}
		}
		claim.Concepts = dedupe(concepts)
		claim.Relations = benchPairs(claim, other.ID, cond.ID)
		claim.Start = text.Len()
		text.WriteString(sent)
		claim.End = text.Len()
		text.WriteString(" ")
		claim.Text = sent
		claim.ID = lumen.ClaimID(a.ID, sent, seen[sent])
		seen[sent]++
		claim.ArticleID = a.ID
		if st := pick(r, statusWeights); st != lumen.StatusPending {
			claim.Review = lumen.Review{Status: st, Curator: "curator" + strconv.Itoa(r.IntN(5)), Version: 1,
				At: a.FetchedAt.Add(time.Hour)}
		}
		for _, id := range claim.Concepts {
			conceptSet[id] = true
		}
		ev.Claims = append(ev.Claims, claim)
		c.Sentences = append(c.Sentences, sent)
	}
	a.Text = strings.TrimSpace(text.String())
	a.ContentHash = a.ComputeContentHash()
	ev.Article = a
	for id := range conceptSet {
		ev.Concepts = append(ev.Concepts, id)
	}
	return ev
}

func dedupe(ids []string) []string {
	out := ids[:0]
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// sentence recombines the first part of one real sentence with a clause
// relating two concepts and the end of another real sentence.
func (c *Corpus) sentence(r *rand.Rand, abs []abstract, subj, obj lumen.Concept, rel string, negated, hedged bool) string {
	s := subj.Synonyms[r.IntN(len(subj.Synonyms))]
	o := obj.Synonyms[r.IntN(len(obj.Synonyms))]
	v := verbs[rel][r.IntN(len(verbs[rel]))]
	switch {
	case negated && rel != lumen.RelationNoEffect:
		v = "did not show that it " + v
	case hedged:
		v = "may have " + v
	}
	clause := s + " " + v + " " + o
	head := strings.TrimRight(fragment(r, abs, true), ",;: ")
	tail := fragment(r, abs, false)
	return upperFirst(head) + ", " + clause + ", and " + lowerFirst(tail)
}

// fragment returns the first (head) or the last part of a real sentence,
// cut at a comma or near the middle at a word boundary.
func fragment(r *rand.Rand, abs []abstract, head bool) string {
	s := realSentence(r, abs)
	cut := strings.IndexByte(s, ',')
	if cut < 15 || cut > len(s)-15 {
		mid := len(s) / 2
		if sp := strings.IndexByte(s[mid:], ' '); sp >= 0 {
			cut = mid + sp
		} else {
			cut = mid
		}
	}
	if head {
		return strings.TrimSpace(s[:cut])
	}
	tail := strings.TrimSpace(strings.TrimLeft(s[cut:], ", "))
	if !strings.HasSuffix(tail, ".") {
		tail += "."
	}
	return tail
}

func realSentence(r *rand.Rand, abs []abstract) string {
	a := abs[r.IntN(len(abs))]
	return a.sentences[r.IntN(len(a.sentences))]
}

func upperFirst(s string) string {
	for i, ch := range s {
		return string(unicode.ToUpper(ch)) + s[i+len(string(ch)):]
	}
	return s
}

func lowerFirst(s string) string {
	if len(s) > 1 && unicode.IsUpper(rune(s[0])) && unicode.IsUpper(rune(s[1])) {
		return s // an abbreviation
	}
	for i, ch := range s {
		return string(unicode.ToLower(ch)) + s[i+len(string(ch)):]
	}
	return s
}

// Decisions returns a curator's decision for every claim the corpus gives a
// review status other than pending: what the index learns review states
// from (lumen.ReviewDecision events, applied after the articles).
func (c *Corpus) Decisions() []lumen.ReviewDecision {
	var out []lumen.ReviewDecision
	for _, ev := range c.Articles {
		for _, cl := range ev.Claims {
			if d, ok := Decision(cl); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

// Decision is the decision that gives a claim its Review.Status (accepted,
// rejected, corrected), made against the claim as tagged; false for a
// pending claim.
func Decision(c lumen.Claim) (lumen.ReviewDecision, bool) {
	action := map[string]string{lumen.StatusAccepted: lumen.ActionAccept, lumen.StatusRejected: lumen.ActionReject,
		lumen.StatusCorrected: lumen.ActionCorrect}[c.Review.Status]
	if action == "" {
		return lumen.ReviewDecision{}, false
	}
	seen := c.Assertion()
	d := lumen.ReviewDecision{ClaimID: c.ID, ArticleID: c.ArticleID, Action: action, Status: c.Review.Status,
		Curator: c.Review.Curator, At: c.Review.At, Seen: seen, SeenHash: seen.Hash(), Text: c.Text, Start: c.Start, End: c.End}
	if d.Curator == "" {
		d.Curator = "curator"
	}
	switch action {
	case lumen.ActionReject:
		d.Reason = lumen.ReasonNotAClaim
	case lumen.ActionCorrect:
		corrected := seen
		corrected.Hedged = !corrected.Hedged
		d.Correction = &corrected
	}
	return d, true
}

// Query kinds.
const (
	OneTerm = "one term"
	TwoTerm = "two terms"
	Phrase  = "phrase"
)

// stop lists words nobody searches for alone.
var stop = stopwords()

func stopwords() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`about after also among and are been before being between both but
		can could did does during each from had has have into its may might more most not only other over
		such than that the their them then there these they this those through under upon very was were
		what when where which while who whom will with within without would patients study studies
		results group groups were using used use significantly significant compared`) {
		m[w] = true
	}
	return m
}

// Queries returns n queries of a kind ("one term", "two terms", "phrase")
// drawn from the corpus's sentences the way people would type them: words
// of four letters or more that are not function words, picked with the
// frequency they have in the text.
func (c *Corpus) Queries(kind string, n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, seed+1))
	var out []string
	for len(out) < n {
		words := strings.FieldsFunc(c.Sentences[r.IntN(len(c.Sentences))], func(r rune) bool {
			return !unicode.IsLetter(r) && r != '-'
		})
		var ok []int
		for i, w := range words {
			lw := strings.ToLower(w)
			if len(lw) >= 4 && !stop[lw] && !strings.Contains(lw, "-") {
				ok = append(ok, i)
			}
		}
		if len(ok) < 2 {
			continue
		}
		switch kind {
		case OneTerm:
			out = append(out, strings.ToLower(words[ok[r.IntN(len(ok))]]))
		case TwoTerm:
			i, j := ok[r.IntN(len(ok))], ok[r.IntN(len(ok))]
			if i == j {
				continue
			}
			out = append(out, strings.ToLower(words[i])+" "+strings.ToLower(words[j]))
		case Phrase:
			k := r.IntN(len(ok))
			i := ok[k]
			if i+1 >= len(words) || len(words[i+1]) < 3 || stop[strings.ToLower(words[i+1])] {
				continue
			}
			out = append(out, `"`+strings.ToLower(words[i]+" "+words[i+1])+`"`)
		default:
			panic("benchcorpus: unknown query kind " + kind)
		}
	}
	return out
}

// benchPairs are the relation pairs of a generated claim, as the tagger
// writes them: the intervention or mechanism acts on the condition (a
// denial as no_effect), and a third concept named "through" is the path
// (associated with the first).
func benchPairs(c lumen.Claim, other, cond string) []lumen.Relation {
	main := lumen.Relation{Subject: other, Object: cond, Effect: c.Relation, Negated: c.Negated, Hedged: c.Hedged}
	if c.Negated {
		main.Effect = lumen.RelationNoEffect
	}
	out := []lumen.Relation{main}
	for _, id := range c.Concepts {
		if id != other && id != cond {
			out = append(out, lumen.Relation{Subject: other, Object: id, Effect: lumen.RelationAssociated, Hedged: c.Hedged})
		}
	}
	return out
}
