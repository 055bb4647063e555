package evaluate

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
)

// effects are the relation effects in the order the tables show them.
var effects = []string{lumen.RelationIncreases, lumen.RelationDecreases, lumen.RelationAssociated, lumen.RelationNoEffect}

// PairReport scores relation pairs. A pair matches when its unordered
// concept pair is the gold's; on matched pairs the effect (a confusion
// table), the direction (the subject, for gold pairs with a directional
// effect) and the negated and hedged flags are compared. The pairs of a
// gold claim sentence that the tagger does not take for a claim are all
// missed.
type PairReport struct {
	Sentences int `json:"sentences"` // gold claim sentences with labelled pairs
	PRF
	Matched  int     `json:"matched"`
	EffectOK int     `json:"effect_correct"`
	Effect   float64 `json:"effect_accuracy"`
	// Confusion counts matched pairs by gold effect, then predicted effect.
	Confusion      map[string]map[string]int `json:"confusion"`
	Directional    int                       `json:"directional"` // matched pairs whose gold effect is not associated
	DirectionOK    int                       `json:"direction_correct"`
	Direction      float64                   `json:"direction_accuracy"`
	NegationOK     int                       `json:"negation_correct"`
	Negation       float64                   `json:"negation_accuracy"`
	HedgeOK        int                       `json:"hedge_correct"`
	Hedge          float64                   `json:"hedge_accuracy"`
	GoldPairs      int                       `json:"gold_pairs"`
	PredictedPairs int                       `json:"predicted_pairs"`
	// AllClaims scores the pairs over every sentence the tagger reads as a
	// claim: the pairs it reads in a sentence the labels call no claim
	// count as false positives too (the figures above leave them to the
	// claims' false positives).
	AllClaims PRF `json:"all_claims"`
	// Naive scores the reading the pairs replace, on the same sentences:
	// every pair of the predicted claim's concepts, each with the claim's
	// one sentence-level relation. It says what the pair extraction adds.
	Naive *NaiveReport `json:"naive,omitempty"`
}

// NaiveReport scores the naive reading of a claim as pairs.
type NaiveReport struct {
	PRF
	EffectOK int     `json:"effect_correct"`
	Effect   float64 `json:"effect_accuracy"`
}

type pairScorer struct {
	r     PairReport
	naive pairCounts
	// falsePairs counts the pairs of the claims read in sentences the
	// labels call no claim (falseClaim).
	falsePairs int
}

// falseClaim counts the pairs pred of a claim the tagger reads in a
// sentence that the labels call no claim.
func (p *pairScorer) falseClaim(pred []lumen.Relation) {
	p.falsePairs += len(dedupePairs(pred))
}

// pairCounts scores pairs without the details of PairReport.
type pairCounts struct {
	PRF
	effectOK int
}

// naivePairs reads claim c as every pair of its concepts, each with its
// sentence-level relation, negation and hedging.
func naivePairs(c lumen.Claim) []lumen.Relation {
	var out []lumen.Relation
	for i, a := range c.Concepts {
		for _, b := range c.Concepts[i+1:] {
			out = append(out, lumen.Relation{Subject: a, Object: b, Effect: c.Relation, Negated: c.Negated, Hedged: c.Hedged})
		}
	}
	return out
}

// count adds the pairs pred of one gold claim sentence to the counts.
func (n *pairCounts) count(gold, pred []lumen.Relation) {
	gold, pred = dedupePairs(gold), dedupePairs(pred)
	byKey := map[[2]string]lumen.Relation{}
	for _, q := range pred {
		byKey[pairKey(q)] = q
	}
	matched := 0
	for _, g := range gold {
		q, ok := byKey[pairKey(g)]
		if !ok {
			n.FN++
			continue
		}
		matched++
		if q.Effect == g.Effect {
			n.effectOK++
		}
	}
	n.TP += matched
	n.FP += len(pred) - matched
}

func pairKey(r lumen.Relation) [2]string {
	if r.Subject < r.Object {
		return [2]string{r.Subject, r.Object}
	}
	return [2]string{r.Object, r.Subject}
}

// PairString writes a pair as "subject > object effect [negated] [hedged]".
func PairString(r lumen.Relation) string {
	s := r.Subject + " > " + r.Object + " " + r.Effect
	if r.Negated {
		s += " negated"
	}
	if r.Hedged {
		s += " hedged"
	}
	return s
}

// dedupePairs keeps the first pair of each unordered concept pair.
func dedupePairs(rs []lumen.Relation) []lumen.Relation {
	var out []lumen.Relation
	seen := map[[2]string]bool{}
	for _, r := range rs {
		if k := pairKey(r); !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// sentence scores the pairs of one gold claim sentence; pred are the pairs
// of the predicted claim that covers it, nil when there is none, and naive
// its naive reading (naivePairs).
func (p *pairScorer) sentence(gold, pred, naive []lumen.Relation, e *SentenceError) {
	p.naive.count(gold, naive)
	r := &p.r
	if r.Confusion == nil {
		r.Confusion = map[string]map[string]int{}
	}
	r.Sentences++
	gold, pred = dedupePairs(gold), dedupePairs(pred)
	r.GoldPairs += len(gold)
	r.PredictedPairs += len(pred)
	byKey := map[[2]string]lumen.Relation{}
	for _, g := range pred {
		byKey[pairKey(g)] = g
	}
	matched := map[[2]string]bool{}
	for _, g := range gold {
		q, ok := byKey[pairKey(g)]
		if !ok {
			r.FN++
			e.MissingPairs = append(e.MissingPairs, PairString(g))
			continue
		}
		matched[pairKey(g)] = true
		r.TP++
		r.Matched++
		if r.Confusion[g.Effect] == nil {
			r.Confusion[g.Effect] = map[string]int{}
		}
		r.Confusion[g.Effect][q.Effect]++
		ok = true
		if q.Effect == g.Effect {
			r.EffectOK++
		} else {
			ok = false
		}
		if g.Effect != lumen.RelationAssociated {
			r.Directional++
			if q.Subject == g.Subject {
				r.DirectionOK++
			} else {
				ok = false
			}
		}
		if q.Negated == g.Negated {
			r.NegationOK++
		} else {
			ok = false
		}
		if q.Hedged == g.Hedged {
			r.HedgeOK++
		} else {
			ok = false
		}
		if !ok {
			e.WrongPairs = append(e.WrongPairs, PairString(g)+" / "+PairString(q))
		}
	}
	for _, q := range pred {
		if !matched[pairKey(q)] {
			r.FP++
			e.ExtraPairs = append(e.ExtraPairs, PairString(q))
		}
	}
}

func (p *pairScorer) report() *PairReport {
	r := p.r
	if r.Sentences == 0 {
		return nil
	}
	r.finish()
	r.AllClaims = PRF{TP: r.TP, FP: r.FP + p.falsePairs, FN: r.FN}
	r.AllClaims.finish()
	if r.Matched > 0 {
		r.Effect = float64(r.EffectOK) / float64(r.Matched)
		r.Negation = float64(r.NegationOK) / float64(r.Matched)
		r.Hedge = float64(r.HedgeOK) / float64(r.Matched)
	}
	if r.Directional > 0 {
		r.Direction = float64(r.DirectionOK) / float64(r.Directional)
	}
	n := &NaiveReport{PRF: p.naive.PRF, EffectOK: p.naive.effectOK}
	n.finish()
	if n.TP > 0 {
		n.Effect = float64(n.EffectOK) / float64(n.TP)
	}
	r.Naive = n
	return &r
}

func (r *PairReport) writeText(w io.Writer) {
	fmt.Fprintf(w, "\n%-14s %9s %9s %9s %6s %6s %6s\n", "", "precision", "recall", "F1", "TP", "FP", "FN")
	fmt.Fprintf(w, "%-14s %9.3f %9.3f %9.3f %6d %6d %6d\n", "pairs", r.Precision, r.Recall, r.F1, r.TP, r.FP, r.FN)
	fmt.Fprintf(w, "(unordered concept pairs on %d gold claim sentences: %d gold, %d predicted)\n", r.Sentences, r.GoldPairs, r.PredictedPairs)
	a := r.AllClaims
	fmt.Fprintf(w, "%-14s %9.3f %9.3f %9.3f %6d %6d %6d\n", "pairs, all", a.Precision, a.Recall, a.F1, a.TP, a.FP, a.FN)
	fmt.Fprintf(w, "(also the pairs of the sentences read as claims that the labels call none: %d)\n", a.FP-r.FP)
	fmt.Fprintf(w, "effect accuracy on matched pairs    %.3f (%d/%d)\n", r.Effect, r.EffectOK, r.Matched)
	fmt.Fprintf(w, "direction accuracy (directional)    %.3f (%d/%d)\n", r.Direction, r.DirectionOK, r.Directional)
	fmt.Fprintf(w, "negation accuracy on matched pairs  %.3f (%d/%d)\n", r.Negation, r.NegationOK, r.Matched)
	fmt.Fprintf(w, "hedge accuracy on matched pairs     %.3f (%d/%d)\n", r.Hedge, r.HedgeOK, r.Matched)
	if n := r.Naive; n != nil {
		fmt.Fprintf(w, "read naively (every pair of the claim's concepts, its one sentence-level relation):\n")
		fmt.Fprintf(w, "%-14s %9.3f %9.3f %9.3f %6d %6d %6d  effect accuracy %.3f (%d/%d)\n", "naive pairs", n.Precision, n.Recall, n.F1, n.TP, n.FP, n.FN, n.Effect, n.EffectOK, n.TP)
	}
	fmt.Fprintf(w, "\n%-16s", "gold \\ predicted")
	for _, e := range effects {
		fmt.Fprintf(w, " %10s", e)
	}
	fmt.Fprintln(w)
	for _, g := range effects {
		fmt.Fprintf(w, "%-16s", g)
		for _, q := range effects {
			fmt.Fprintf(w, " %10d", r.Confusion[g][q])
		}
		fmt.Fprintln(w)
	}
}

// EvidenceReport scores study designs: the article's, on documents with a
// labelled design, and each matched claim's own (its ClaimEvidence when
// the sentence names one, else the article's), against the sentence's
// labelled claim evidence or else the document's design.
type EvidenceReport struct {
	Articles  int                       `json:"articles"`
	ArticleOK int                       `json:"article_correct"`
	Article   float64                   `json:"article_accuracy"`
	ArticleBy map[string]map[string]int `json:"article_confusion"` // gold, then predicted
	Claims    int                       `json:"claims"`
	ClaimOK   int                       `json:"claim_correct"`
	Claim     float64                   `json:"claim_accuracy"`
	ClaimBy   map[string]map[string]int `json:"claim_confusion"`
	// CitedClaim scores the claims that name a design of their own, on
	// sentences whose pairs (and so claim evidence) are labelled.
	CitedClaim PRF `json:"cited"`
}

type evidenceScorer struct {
	r    EvidenceReport
	used bool
}

func count(m *map[string]map[string]int, g, p string) {
	if *m == nil {
		*m = map[string]map[string]int{}
	}
	if (*m)[g] == nil {
		(*m)[g] = map[string]int{}
	}
	(*m)[g][p]++
}

func (v *evidenceScorer) article(d Doc, pred string) {
	if d.Evidence == "" {
		return
	}
	v.used = true
	v.r.Articles++
	if pred == d.Evidence {
		v.r.ArticleOK++
	}
	count(&v.r.ArticleBy, d.Evidence, orNone(pred))
}

// claim scores the evidence of the predicted claim c that matches gold
// sentence s of document d.
func (v *evidenceScorer) claim(d Doc, s Sentence, c lumen.Claim, e *SentenceError) {
	gold := s.ClaimEvidence
	if gold == "" {
		gold = d.Evidence
	}
	if s.PairsLabelled { // the claim evidence is labelled with the pairs
		switch {
		case s.ClaimEvidence != "" && c.ClaimEvidence == s.ClaimEvidence:
			v.r.CitedClaim.TP++
		case s.ClaimEvidence != "" && c.ClaimEvidence != "":
			v.r.CitedClaim.FP++
			v.r.CitedClaim.FN++
		case s.ClaimEvidence != "":
			v.r.CitedClaim.FN++
		case c.ClaimEvidence != "":
			v.r.CitedClaim.FP++
		}
	}
	if gold == "" {
		return
	}
	v.used = true
	v.r.Claims++
	pred := c.EffectiveEvidence()
	if pred == gold {
		v.r.ClaimOK++
	} else {
		e.GoldEvidence, e.PredEvidence = gold, orNone(pred)
	}
	count(&v.r.ClaimBy, gold, orNone(pred))
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func (v *evidenceScorer) report() *EvidenceReport {
	if !v.used {
		return nil
	}
	r := v.r
	if r.Articles > 0 {
		r.Article = float64(r.ArticleOK) / float64(r.Articles)
	}
	if r.Claims > 0 {
		r.Claim = float64(r.ClaimOK) / float64(r.Claims)
	}
	r.CitedClaim.finish()
	return &r
}

func (r *EvidenceReport) writeText(w io.Writer) {
	fmt.Fprintf(w, "\nevidence of articles                %.3f (%d/%d labelled documents)\n", r.Article, r.ArticleOK, r.Articles)
	fmt.Fprintf(w, "evidence of matched claims          %.3f (%d/%d; the sentence's own design, else the article's)\n", r.Claim, r.ClaimOK, r.Claims)
	c := r.CitedClaim
	fmt.Fprintf(w, "claims naming a design of their own P %.3f R %.3f F1 %.3f (TP %d, FP %d, FN %d)\n", c.Precision, c.Recall, c.F1, c.TP, c.FP, c.FN)
	for _, t := range []struct {
		name string
		m    map[string]map[string]int
	}{{"articles", r.ArticleBy}, {"claims", r.ClaimBy}} {
		var wrong []string
		for g, row := range t.m {
			for p, n := range row {
				if g != p {
					wrong = append(wrong, fmt.Sprintf("%s as %s %d", g, p, n))
				}
			}
		}
		slices.Sort(wrong)
		if len(wrong) > 0 {
			fmt.Fprintf(w, "  %s misread: %s\n", t.name, strings.Join(wrong, "; "))
		}
	}
}

// PairCase is one gold claim's pairs and the predicted claim that covers
// it (nil when the tagger does not take the sentence for a claim).
type PairCase struct {
	Gold []lumen.Relation
	Pred *lumen.Claim
}

// ScorePairs scores predicted relation pairs against gold ones, as Score
// does on a gold set's labelled pairs (curators' pairs, for lumen eval
// --reviews); nil when there is no case.
func ScorePairs(cases []PairCase) *PairReport {
	var p pairScorer
	for _, c := range cases {
		var pred, naive []lumen.Relation
		if c.Pred != nil {
			pred, naive = c.Pred.Relations, naivePairs(*c.Pred)
		}
		p.sentence(c.Gold, pred, naive, &SentenceError{})
	}
	return p.report()
}

// WriteText writes the report as lumen eval prints it.
func (r *PairReport) WriteText(w io.Writer) { r.writeText(w) }
