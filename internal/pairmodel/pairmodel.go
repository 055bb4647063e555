// Package pairmodel is a learned second reading of a claim's relation
// pairs: after the tagger's rules have paired what they can, a logistic
// regression over the sentence's surface (the two concepts and their kinds,
// the words between and around their mentions, the rule pairs already
// there, the claim's relation and flags) adds the pairs the rules missed,
// four more name the effects, one drops the rules' pairs it is nearly sure
// the sentence does not relate, and a last one reads claims in sentences
// the rules read as none (ReadUnclaimed).
//
// Everything a feature reads is in a lumen.Claim (its text, mentions,
// relations, relation and flags), so the model runs after the tagger, on
// its output. Its weights are data, trained on labelled sets by Train; the
// package knows no domain.
//
// The tagger reads a claim with the model its taxonomy names (Read), after
// its rules. The command pairtrain trains the model on the gold sets the
// rules were written from and measures it on the kept-unread ones.
package pairmodel

import (
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/lumen-research/lumen"
)

// Effects are the effect labels, in the order of Model.Effect.
var Effects = []string{lumen.RelationIncreases, lumen.RelationDecreases, lumen.RelationAssociated, lumen.RelationNoEffect}

// Model holds the weights of the pair adder, the effect classifier, the
// keep model (drops) and the promote model (claims where the rules read
// none).
type Model struct {
	Version string `json:"version"`
	// Threshold is the adder's probability at or above which a pair is added.
	Threshold float64 `json:"threshold"`
	// Add weighs the features of an unpaired concept pair: is it a pair?
	Add Weights `json:"add"`
	// Effect weighs, for each of Effects, whether a pair has that effect.
	Effect []Weights `json:"effect"`
	// RelabelRules: the classifier also names the effect of the rules' pairs
	// that are not denied (Read), when it gives its effect a probability at
	// least RelabelMargin above the rules' effect.
	RelabelRules  bool    `json:"relabel_rules"`
	RelabelMargin float64 `json:"relabel_margin,omitempty"`
	// Keep weighs a rule pair's features: is it a pair the sentence
	// relates? A rule pair below KeepThreshold is dropped (Read). No
	// weights: every rule pair is kept.
	Keep          Weights `json:"keep,omitempty"`
	KeepThreshold float64 `json:"keep_threshold,omitempty"`
	// Promote weighs a concept pair of a sentence the rules did not read as
	// a claim, with the adder's features: does the sentence claim it? A
	// sentence with a pair at or above PromoteThreshold is a claim of the
	// pairs that are (ReadUnclaimed). No weights: no sentence is promoted.
	Promote          Weights `json:"promote,omitempty"`
	PromoteThreshold float64 `json:"promote_threshold,omitempty"`
}

// Decode reads a model from its JSON form and checks it. The last model
// decoded is kept, so the taxonomy's loader and the tagger, which both
// read it at start-up, decode its megabyte once; a model is only read once
// decoded, so they may share it.
func Decode(data []byte) (*Model, error) {
	sum := sha256.Sum256(data)
	lastDecoded.Lock()
	defer lastDecoded.Unlock()
	if lastDecoded.m != nil && lastDecoded.sum == sum {
		return lastDecoded.m, nil
	}
	m := new(Model)
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("not a pair model: %w", err)
	}
	if err := m.Check(); err != nil {
		return nil, err
	}
	lastDecoded.sum, lastDecoded.m = sum, m
	return m, nil
}

var lastDecoded struct {
	sync.Mutex
	sum [sha256.Size]byte
	m   *Model
}

// Check reports whether the model can be used.
func (m *Model) Check() error {
	switch {
	case m.Version == "":
		return fmt.Errorf("pair model: no version")
	case !(m.Threshold > 0 && m.Threshold <= 1):
		return fmt.Errorf("pair model %s: threshold %v, want one in (0, 1]", m.Version, m.Threshold)
	case len(m.Add) == 0:
		return fmt.Errorf("pair model %s: no weights for adding pairs", m.Version)
	case len(m.Effect) != len(Effects):
		return fmt.Errorf("pair model %s: %d effect models, want %d (%s)", m.Version, len(m.Effect), len(Effects), strings.Join(Effects, ", "))
	case !(m.RelabelMargin >= 0 && m.RelabelMargin < 1):
		return fmt.Errorf("pair model %s: relabel margin %v, want one in [0, 1)", m.Version, m.RelabelMargin)
	case len(m.Keep) > 0 && !(m.KeepThreshold > 0 && m.KeepThreshold < 1):
		return fmt.Errorf("pair model %s: keep threshold %v, want one in (0, 1)", m.Version, m.KeepThreshold)
	case len(m.Promote) > 0 && !(m.PromoteThreshold > 0 && m.PromoteThreshold < 1):
		return fmt.Errorf("pair model %s: promote threshold %v, want one in (0, 1)", m.Version, m.PromoteThreshold)
	}
	return nil
}

// Weights are the weights of one logistic regression, by feature.
type Weights map[string]float64

// Prob is the regression's probability for a set of features.
func (w Weights) Prob(feats []string) float64 {
	z := 0.0
	for _, f := range feats {
		z += w[f]
	}
	return 1 / (1 + math.Exp(-max(-30, min(30, z))))
}

// Pruned returns the weights of at least min in size, rounded to four
// decimals: a smaller model file that reads the same.
func (w Weights) Pruned(min float64) Weights {
	out := Weights{}
	for f, v := range w {
		if math.Abs(v) >= min {
			out[f] = math.Round(v*1e4) / 1e4
		}
	}
	return out
}

// Pair is an unordered pair of the concepts of a claim that its relations
// do not join.
type Pair struct{ A, B string }

// Candidates returns a claim's concept pairs that no relation joins, in a
// stable order.
func Candidates(c *lumen.Claim) []Pair {
	ids := conceptsOf(c)
	have := map[Pair]bool{}
	for _, r := range c.Relations {
		have[pairOf(r.Subject, r.Object)] = true
	}
	var out []Pair
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			p := Pair{ids[i], ids[j]}
			if !have[p] {
				out = append(out, p)
			}
		}
	}
	return out
}

func pairOf(a, b string) Pair {
	if a > b {
		a, b = b, a
	}
	return Pair{a, b}
}

func conceptsOf(c *lumen.Claim) []string {
	var ids []string
	for _, m := range c.Mentions {
		if m.Start >= c.Start && m.End <= c.End {
			ids = append(ids, m.Concept)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// snapshot is a copy of the claim whose pairs no change to the claim's
// reaches.
func snapshot(c *lumen.Claim) *lumen.Claim {
	s := *c
	s.Relations = slices.Clone(c.Relations)
	return &s
}

// additions are the pairs the adder is sure enough of (pairsAbove).
func (m *Model) additions(c *lumen.Claim) []lumen.Relation {
	rels, _ := m.pairsAbove(c, m.Add, m.Threshold)
	return rels
}

// pairsAbove returns the candidate pairs of c that weights w give at least
// threshold, and the highest probability among them (0 when none): each
// with the effect the classifier gives it (negated when that is
// no_effect), oriented from the kind that acts (intervention, then
// mechanism, then condition; text order within a kind), and hedged as the
// claim is.
func (m *Model) pairsAbove(c *lumen.Claim, w Weights, threshold float64) ([]lumen.Relation, float64) {
	var rels []lumen.Relation
	best := 0.0
	for _, p := range Candidates(c) {
		prob := w.Prob(Features(c, p.A, p.B))
		if prob < threshold {
			continue
		}
		best = max(best, prob)
		s, o := orient(c, p.A, p.B)
		e := m.effect(c, p.A, p.B)
		rels = append(rels, lumen.Relation{
			Subject: s, Object: o, Effect: e,
			Negated: e == lumen.RelationNoEffect, // a denied pair has no effect, and only a denied one
			Hedged:  c.Hedged,
		})
	}
	return rels, best
}

// Read applies the model to a claim: the pairs it adds, the rules' pairs
// it drops (Keep; a claim keeps one pair at least, and one not denied if
// the rules read it undenied) and, when the model says so (RelabelRules),
// the effects of the rules' pairs it does not deny. Each is read against
// the claim as it came, with none of the others added, dropped or renamed
// (as the model was trained). It reports whether the claim's pairs
// changed; the claim's summary (Relation, Negated, Hedged) is the
// caller's.
func (m *Model) Read(c *lumen.Claim) bool {
	rules := snapshot(c)
	added := m.additions(rules)
	changed := len(added) > 0
	if m.RelabelRules {
		for i, r := range rules.Relations {
			if e, ok := m.relabel(rules, r); ok {
				c.Relations[i].Effect = e
				changed = true
			}
		}
	}
	if len(m.Keep) > 0 && len(c.Relations) > 0 {
		// A claim keeps one pair at least, and one not denied when the
		// rules read it undenied and gave one: when the model would drop
		// them all and add none, the one it doubts least stays, so that
		// the drops never turn the rules' reading of the sentence.
		keep := make([]bool, len(c.Relations))
		probs := make([]float64, len(c.Relations))
		for i, r := range rules.Relations {
			probs[i] = m.Keep.Prob(KeepFeatures(rules, r))
			keep[i] = probs[i] >= m.KeepThreshold
		}
		least := func(ok func(lumen.Relation) bool) {
			best := -1
			for i, r := range rules.Relations {
				if keep[i] && ok(r) {
					return
				}
				if ok(r) && (best < 0 || probs[i] > probs[best]) {
					best = i
				}
			}
			if best >= 0 && !slices.ContainsFunc(added, ok) {
				keep[best] = true
			}
		}
		if !c.Negated {
			least(func(r lumen.Relation) bool { return !r.Negated })
		}
		least(func(lumen.Relation) bool { return true })
		kept := make([]lumen.Relation, 0, len(c.Relations))
		for i, r := range c.Relations {
			if keep[i] {
				kept = append(kept, r)
			}
		}
		changed = changed || len(kept) < len(c.Relations)
		c.Relations = kept
	}
	c.Relations = append(c.Relations, added...)
	return changed
}

// ReadUnclaimed reads a sentence the rules did not read as a claim, given as a
// claim with its text, offsets, mentions and the rules' reading of its
// denial and hedging, and no pairs: it sets the pairs the sentence claims,
// as the adder's (oriented from the kind that acts, effect by the
// classifier, denied when that is no_effect, hedged as the sentence is),
// and returns the highest probability among them, or 0 when the sentence
// claims none.
func (m *Model) ReadUnclaimed(c *lumen.Claim) float64 {
	if len(m.Promote) == 0 {
		return 0
	}
	// The rules' reading of a denial is a feature, not the pairs': in a
	// sentence they read as no claim, the denial is often another
	// clause's ("X improved Y, whereas no study examined Z").
	rels, best := m.pairsAbove(c, m.Promote, m.PromoteThreshold)
	c.Relations = rels
	return best
}

// KeepFeatures are the features of a rule pair r of claim c: the effect
// classifier's, with r's effect, flags and orientation.
func KeepFeatures(c *lumen.Claim, r lumen.Relation) []string {
	f := EffectFeatures(c, r.Subject, r.Object)
	s, _ := orient(c, r.Subject, r.Object)
	return append(f, "eff="+r.Effect, fmt.Sprintf("rneg=%t", r.Negated), fmt.Sprintf("agree=%t", s == r.Subject),
		"rso="+kindOf(r.Subject)+">"+kindOf(r.Object))
}

// relabel returns the effect the classifier reads for the rules' pair r,
// and whether it differs from r's: among increases, decreases and
// associated, in the pair's own orientation (denial stays the rules' to
// say; the classifier was trained on the labelled pairs in theirs), and
// only when its probability is RelabelMargin above that of r's effect.
func (m *Model) relabel(c *lumen.Claim, r lumen.Relation) (string, bool) {
	if r.Effect == lumen.RelationNoEffect {
		return "", false
	}
	e, p := m.effectOf(c, r.Subject, r.Object, false)
	if e == r.Effect || p[slices.Index(Effects, e)]-p[slices.Index(Effects, r.Effect)] < m.RelabelMargin {
		return "", false
	}
	return e, true
}

func (m *Model) effect(c *lumen.Claim, a, b string) string {
	e, _ := m.effectOf(c, a, b, true)
	return e
}

// effectOf returns the classifier's effect for the pair a, b (no_effect
// only if denial) and its probability for each of Effects.
func (m *Model) effectOf(c *lumen.Claim, a, b string, denial bool) (string, []float64) {
	feats := EffectFeatures(c, a, b)
	best, bestP := lumen.RelationAssociated, -1.0
	probs := make([]float64, len(Effects))
	for i, w := range m.Effect {
		probs[i] = w.Prob(feats)
		if Effects[i] == lumen.RelationNoEffect && !denial {
			continue
		}
		if probs[i] > bestP {
			best, bestP = Effects[i], probs[i]
		}
	}
	return best, probs
}

// kindRank orders the kinds from the one that acts.
func kindRank(concept string) int {
	switch kindOf(concept) {
	case lumen.KindIntervention:
		return 0
	case lumen.KindMechanism:
		return 1
	}
	return 2
}

// orient returns the pair as subject and object: the kind that acts first,
// then the one mentioned first.
func orient(c *lumen.Claim, a, b string) (string, string) {
	fa, fb := firstAt(c, a), firstAt(c, b)
	if cmp.Or(cmp.Compare(kindRank(a), kindRank(b)), cmp.Compare(fa, fb)) <= 0 {
		return a, b
	}
	return b, a
}

func firstAt(c *lumen.Claim, concept string) int {
	for _, m := range c.Mentions {
		if m.Concept == concept {
			return m.Start
		}
	}
	return -1
}

var tokenRE = regexp.MustCompile(`[A-Za-z][A-Za-z'-]*|\d+(?:\.\d+)?|[^\sA-Za-z\d]`)

func words(s string) []string {
	ws := tokenRE.FindAllString(s, -1)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return ws
}

// marks are the words and signs between two mentions that get a feature
// of their own.
var marks = []string{",", ";", ":", "(", ")", "whereas", "but", "while", "although", "and", "or", "than", "versus", "vs"}

// Features are the adder's features of the pair a, b of claim c: read
// between the closest mentions of the two.
func Features(c *lumen.Claim, a, b string) []string {
	first, second, ok := closest(c, a, b)
	if !ok {
		return nil
	}
	text := c.Text
	rel := func(off int) int { return min(max(off-c.Start, 0), len(text)) }
	k1, k2 := kindOf(first.Concept), kindOf(second.Concept)
	lo, hi := sorted2(a, b)
	f := []string{"kp=" + k1 + "_" + k2, "cc=" + lo + "|" + hi, "bias"}
	between := words(text[rel(first.End):rel(max(second.Start, first.End))])
	n := len(between)
	if n < 8 {
		f = append(f, fmt.Sprintf("dist=%d", n))
	} else {
		f = append(f, fmt.Sprintf("dist=%d", min(n, 40)/8*8))
	}
	bw := between
	if n > 10 {
		bw = append(slices.Clone(between[:4]), between[n-4:]...)
	}
	seen := map[string]bool{}
	for _, w := range bw {
		if seen[w] {
			continue
		}
		seen[w] = true
		f = append(f, "bw="+w, "bwk="+k1+"_"+k2+":"+w)
	}
	if n > 0 {
		f = append(f, "bfirst="+between[0], "blast="+between[n-1])
	} else {
		f = append(f, "bempty")
	}
	for _, m := range marks {
		if slices.Contains(between, m) {
			f = append(f, "has="+m)
		}
	}
	inside := 0
	for _, m := range c.Mentions {
		if m.Start >= first.End && m.End <= second.Start && m.Concept != a && m.Concept != b {
			inside++
		}
	}
	f = append(f, fmt.Sprintf("inb=%d", min(inside, 4)))
	pre := words(text[:rel(first.Start)])
	pre = pre[max(len(pre)-3, 0):]
	post := words(text[rel(second.End):])
	post = post[:min(len(post), 3)]
	for _, w := range pre {
		f = append(f, "pre="+w)
	}
	for _, w := range post {
		f = append(f, "post="+w)
	}
	if len(pre) > 0 {
		f = append(f, "pre1="+pre[len(pre)-1])
	}
	if len(post) > 0 {
		f = append(f, "post1="+post[0])
	}
	partners := map[string]map[string]bool{}
	link := func(x, y string) {
		if partners[x] == nil {
			partners[x] = map[string]bool{}
		}
		partners[x][y] = true
	}
	for _, r := range c.Relations {
		link(r.Subject, r.Object)
		link(r.Object, r.Subject)
	}
	f = append(f, fmt.Sprintf("ap=%d_bp=%d", b2i(partners[a] != nil), b2i(partners[b] != nil)))
	for x := range partners[a] {
		if partners[b][x] {
			f = append(f, "share")
			break
		}
	}
	f = append(f, fmt.Sprintf("nc=%d", min(len(conceptsOf(c)), 7)), fmt.Sprintf("np=%d", min(len(c.Relations), 5)))
	f = append(f, "rel="+c.Relation, fmt.Sprintf("neg=%t", c.Negated), fmt.Sprintf("hed=%t", c.Hedged))
	f = append(f, fmt.Sprintf("len=%d", min(len(text)/60, 6)))
	return f
}

// EffectFeatures are the effect classifier's features of the pair a, b:
// the adder's, the effects of the rule pairs, and the pair's orientation.
func EffectFeatures(c *lumen.Claim, a, b string) []string {
	f := Features(c, a, b)
	s, o := orient(c, a, b)
	for _, r := range c.Relations {
		if r.Subject == a || r.Subject == b || r.Object == a || r.Object == b {
			f = append(f, "reff="+r.Effect)
			if other, here, ok := sharedPair(r, a, b); ok {
				// The other pair of the shared concept, and whether a
				// contrast stands between its other concept and this
				// pair's: "did not reduce Y but lowered Z".
				f = append(f, fmt.Sprintf("share_%s_neg=%t_contrast=%t", r.Effect, r.Negated, contrastBetween(c, other, here)))
			}
		}
		f = append(f, "anyeff="+r.Effect)
	}
	return append(f, "so="+kindOf(s)+">"+kindOf(o), "obj="+o)
}

// sharedPair reports, for a relation r that shares one concept with the
// pair a, b, r's other concept and the pair's.
func sharedPair(r lumen.Relation, a, b string) (other, here string, ok bool) {
	switch {
	case r.Subject == a && r.Object != b:
		return r.Object, b, true
	case r.Subject == b && r.Object != a:
		return r.Object, a, true
	case r.Object == a && r.Subject != b:
		return r.Subject, b, true
	case r.Object == b && r.Subject != a:
		return r.Subject, a, true
	}
	return "", "", false
}

// contrasts are the marks of a contrast between two clauses.
var contrasts = []string{";", "whereas", "but", "while", "although", "yet", "however"}

// contrastBetween reports whether a contrast stands between the closest
// mentions of concepts x and y.
func contrastBetween(c *lumen.Claim, x, y string) bool {
	first, second, ok := closest(c, x, y)
	if !ok {
		return false
	}
	lo, hi := min(max(first.End-c.Start, 0), len(c.Text)), min(max(second.Start-c.Start, 0), len(c.Text))
	if lo >= hi {
		return false
	}
	for _, w := range words(c.Text[lo:hi]) {
		if slices.Contains(contrasts, w) {
			return true
		}
	}
	return false
}

// closest returns the mentions of a and b (in text order) nearest each other.
func closest(c *lumen.Claim, a, b string) (first, second lumen.Mention, ok bool) {
	best := math.MaxInt
	for _, x := range c.Mentions {
		if x.Concept != a || x.Start < c.Start || x.End > c.End {
			continue
		}
		for _, y := range c.Mentions {
			if y.Concept != b || y.Start < c.Start || y.End > c.End {
				continue
			}
			p, q := x, y
			if q.Start < p.Start {
				p, q = q, p
			}
			if d := abs(q.Start - p.End); d < best {
				best, first, second, ok = d, p, q, true
			}
		}
	}
	return first, second, ok
}

func sorted2(a, b string) (string, string) {
	if a > b {
		return b, a
	}
	return a, b
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Example is one training example: features and whether it is positive.
type Example struct {
	Features []string
	Positive bool
}

// TrainOptions set the regression's training.
type TrainOptions struct {
	Epochs int     // passes over the examples (default 8)
	L2     float64 // L2 penalty (default 1e-5)
	Rate   float64 // AdaGrad rate (default 0.2)
	Seed   uint64  // shuffling seed
	// MinCount leaves out the features seen in fewer examples (default 1:
	// none left out).
	MinCount int
}

// Train fits a logistic regression by AdaGrad; the result depends only on
// the examples and the options.
func Train(examples []Example, o TrainOptions) Weights {
	o.Epochs = cmp.Or(o.Epochs, 8)
	o.L2 = cmp.Or(o.L2, 1e-5)
	o.Rate = cmp.Or(o.Rate, 0.2)
	w, g2 := Weights{}, map[string]float64{}
	if o.MinCount > 1 {
		seen := map[string]int{}
		for _, ex := range examples {
			for _, f := range ex.Features {
				seen[f]++
			}
		}
		kept := make([]Example, len(examples))
		for i, ex := range examples {
			kept[i] = Example{Positive: ex.Positive, Features: slices.DeleteFunc(slices.Clone(ex.Features), func(f string) bool { return seen[f] < o.MinCount })}
		}
		examples = kept
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.Seed, 1))
	for range o.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ex := examples[i]
			grad := w.Prob(ex.Features)
			if ex.Positive {
				grad--
			}
			for _, f := range ex.Features {
				g := grad + o.L2*w[f]
				g2[f] += g * g
				w[f] -= o.Rate * g / math.Sqrt(g2[f]+1e-8)
			}
		}
	}
	return w
}

// kindOf is the kind of a concept id ("condition/acne": condition).
func kindOf(concept string) string {
	kind, _, _ := strings.Cut(concept, "/")
	return kind
}
