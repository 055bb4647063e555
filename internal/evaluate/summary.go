package evaluate

import (
	"fmt"
	"io"
	"strings"
)

// Named is the report of one gold set and the name it is shown by.
type Named struct {
	Name   string `json:"set"`
	Report Report `json:"report"`
}

// Pooled sums the counts of several reports (micro-averages): what the
// tagger gets right over all their sentences together, so a large set
// weighs more than a small one. Mean is the plain mean of each set's
// figures, where every set weighs the same.
type Pooled struct {
	Sets      int `json:"sets"`
	Docs      int `json:"docs"`
	Sentences int `json:"sentences"`
	Concepts  PRF `json:"concepts"`
	Claims    PRF `json:"claims"`
	// Matched claims and the agreement of their flags.
	MatchedClaims int     `json:"matched_claims"`
	NegationOK    int     `json:"negation_correct"`
	HedgeOK       int     `json:"hedge_correct"`
	Negation      float64 `json:"negation_accuracy"`
	Hedge         float64 `json:"hedge_accuracy"`
	// Pairs, over the sets that label them.
	PairSets int `json:"pair_sets"`
	Pairs    PRF `json:"pairs"`
	// PairsAll also counts the pairs of false claims (PairReport.AllClaims).
	PairsAll PRF     `json:"pairs_all_claims"`
	Matched  int     `json:"pairs_matched"`
	EffectOK int     `json:"effect_correct"`
	Effect   float64 `json:"effect_accuracy"`
	Mean     Means   `json:"mean"`
}

// Means are the unweighted means of the sets' figures (pairs and effect
// over the sets that label pairs).
type Means struct {
	ConceptF1 float64 `json:"concept_f1"`
	ClaimF1   float64 `json:"claim_f1"`
	PairF1    float64 `json:"pair_f1"`
	Effect    float64 `json:"effect_accuracy"`
	Negation  float64 `json:"negation_accuracy"`
	Hedge     float64 `json:"hedge_accuracy"`
}

// Pool sums the reports' counts and averages their figures.
func Pool(reports []Named) Pooled {
	var p Pooled
	for _, n := range reports {
		r := n.Report
		p.Sets++
		p.Docs += r.Docs
		p.Sentences += r.Sentences
		add(&p.Concepts, r.Concepts)
		add(&p.Claims, r.Claims)
		p.MatchedClaims += r.MatchedClaims
		p.NegationOK += r.NegationOK
		p.HedgeOK += r.HedgeOK
		p.Mean.ConceptF1 += r.Concepts.F1
		p.Mean.ClaimF1 += r.Claims.F1
		p.Mean.Negation += r.Negation
		p.Mean.Hedge += r.Hedge
		if r.Pairs != nil {
			p.PairSets++
			add(&p.Pairs, r.Pairs.PRF)
			add(&p.PairsAll, r.Pairs.AllClaims)
			p.Matched += r.Pairs.Matched
			p.EffectOK += r.Pairs.EffectOK
			p.Mean.PairF1 += r.Pairs.F1
			p.Mean.Effect += r.Pairs.Effect
		}
	}
	p.Concepts.finish()
	p.Claims.finish()
	p.Pairs.finish()
	p.PairsAll.finish()
	p.Negation = ratio(p.NegationOK, p.MatchedClaims)
	p.Hedge = ratio(p.HedgeOK, p.MatchedClaims)
	p.Effect = ratio(p.EffectOK, p.Matched)
	if p.Sets > 0 {
		k := float64(p.Sets)
		p.Mean.ConceptF1 /= k
		p.Mean.ClaimF1 /= k
		p.Mean.Negation /= k
		p.Mean.Hedge /= k
	}
	if p.PairSets > 0 {
		p.Mean.PairF1 /= float64(p.PairSets)
		p.Mean.Effect /= float64(p.PairSets)
	}
	return p
}

func add(sum *PRF, p PRF) {
	sum.TP += p.TP
	sum.FP += p.FP
	sum.FN += p.FN
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// WriteSummary writes one line per set and the pooled and mean figures
// of them all: what "lumen eval" prints for more than one gold set.
func WriteSummary(w io.Writer, version string, reports []Named) error {
	var b strings.Builder
	fmt.Fprintf(&b, "tagger %s: %d sets\n\n", version, len(reports))
	fmt.Fprintf(&b, "%-24s %9s %9s %9s %9s %9s %9s\n", "set", "concepts", "claims", "pairs", "effect", "negation", "hedging")
	pairs := func(r Report) (string, string) {
		if r.Pairs == nil {
			return "-", "-"
		}
		return fmt.Sprintf("%.3f", r.Pairs.F1), fmt.Sprintf("%.3f", r.Pairs.Effect)
	}
	for _, n := range reports {
		pf, ef := pairs(n.Report)
		fmt.Fprintf(&b, "%-24s %9.3f %9.3f %9s %9s %9.3f %9.3f\n", n.Name, n.Report.Concepts.F1, n.Report.Claims.F1, pf, ef, n.Report.Negation, n.Report.Hedge)
	}
	p := Pool(reports)
	fmt.Fprintf(&b, "\n%-24s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f\n", "pooled", p.Concepts.F1, p.Claims.F1, p.Pairs.F1, p.Effect, p.Negation, p.Hedge)
	fmt.Fprintf(&b, "%-24s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f\n", "mean of sets", p.Mean.ConceptF1, p.Mean.ClaimF1, p.Mean.PairF1, p.Mean.Effect, p.Mean.Negation, p.Mean.Hedge)
	fmt.Fprintf(&b, "\npooled counts: concepts TP %d FP %d FN %d; claims TP %d FP %d FN %d; pairs TP %d FP %d FN %d (%d of %d sets label pairs), effect %d/%d; negation %d/%d, hedging %d/%d on matched claims\n",
		p.Concepts.TP, p.Concepts.FP, p.Concepts.FN, p.Claims.TP, p.Claims.FP, p.Claims.FN,
		p.Pairs.TP, p.Pairs.FP, p.Pairs.FN, p.PairSets, p.Sets, p.EffectOK, p.Matched,
		p.NegationOK, p.MatchedClaims, p.HedgeOK, p.MatchedClaims)
	fmt.Fprintf(&b, "pairs counting those of the sentences read as claims that the labels call none: TP %d FP %d FN %d, F1 %.3f\n",
		p.PairsAll.TP, p.PairsAll.FP, p.PairsAll.FN, p.PairsAll.F1)
	_, err := io.WriteString(w, b.String())
	return err
}
