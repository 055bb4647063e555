package tagger

import (
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
)

// This file reads the arms of a trial (pairs.go): "Y fell in the placebo
// group but not in the <X> group", groups compared on a measure, arms
// named by treatments joined by "+", and a comparative that quantifies an
// arm's people ("Fewer patients in the X group ...").

// armPairs adds "Y fell in the placebo group but not in the <X> group"
// and "S raised Y in the placebo group, but not in the <X> group": the
// intervention of the arm set aside kept Y from the change, so it moves Y
// the other way. Y is the predicate's object, or its subject when the verb
// has no object outside the arms.
func (t *Tagger) armPairs(s *scratch) {
	p := &s.pairs
	for _, sp := range p.arms {
		var pr *predicate
		for i := range p.preds {
			q := &p.preds[i]
			if q.bits&(cueInc|cueDec) != 0 && !q.denial && (pr == nil || q.tok < sp[0] || pr.tok < sp[0]) {
				pr = q
				if q.tok >= sp[1] {
					break
				}
			}
		}
		if pr == nil {
			continue
		}
		ob := -1
		for _, g := range [2]int{pr.obj, pr.subj} {
			if g >= 0 && !t.groupHasKind(s, g, kindIntervention) && (p.groups[g].b <= sp[0] || p.groups[g].a >= sp[1]) {
				ob = g
				break
			}
		}
		for g := range p.groups {
			if ob < 0 && p.groups[g].b <= sp[0] && !t.groupHasKind(s, g, kindIntervention) {
				ob = g // "the diversity of the placebo group but not the <X> group fell"
			}
		}
		if ob < 0 {
			continue
		}
		for _, u := range p.units {
			if u.a < sp[0] || u.a >= sp[1] || t.concepts[u.concept].kind != kindIntervention {
				continue
			}
			for b := p.groups[ob].first; b < p.groups[ob].last; b++ {
				n := len(p.out)
				t.addPair(s, u, p.units[b], pr)
				if len(p.out) > n {
					switch r := &p.out[n]; r.Effect {
					case lumen.RelationIncreases:
						r.Effect = lumen.RelationDecreases
					case lumen.RelationDecreases:
						r.Effect = lumen.RelationIncreases
					}
				}
			}
		}
	}
}

// armComparatives adds "More <Y> were found in the <X> group" and "<Y>
// was more abundant and <Z> was higher in the <X> group": a comparative
// said of a concept in the arm given an intervention, with "in" or "of"
// before the arm, is the intervention's effect (the arms compare what
// they were given). The arm may be named without "group" (armNoun:
// "<X>-fed mice", "FO mice", "lower in <X>-fed than in control mice") or
// by people given it ("in mice fed <X>"); the arm compared with ("than in
// rats fed <X> alone") is none. Each concept of the arm's clause before
// it takes the first comparative after it, or else the one before it,
// within armReach tokens; the first statement wins ("more <Y> ... in the
// <X> group, while <W> decreased").
func (t *Tagger) armComparatives(s *scratch, hits []cueHit, from, to int) {
	p := &s.pairs
	toks := s.toks
	for _, arm := range p.units {
		if t.concepts[arm.concept].kind != kindIntervention {
			continue
		}
		end, named := t.armNoun(s, arm, to)
		k := int(arm.a) - 1
		if end < 0 && arm.given && k-1 > from && t.hasClass2(toks[k], cl2Exposure) &&
			t.hasClass2(toks[k-1], cl2Population) && toks[k].flags&flagHard == 0 && toks[arm.a].flags&flagHard == 0 {
			end, k = int(arm.b)-1, k-2 // "in mice fed <X>"
		} else if end < 0 || !arm.given && !named {
			continue
		}
		for k > from && joinedByHyphen(s, int32(k+1)) {
			k-- // "the high-sugar group": a modifier joined to the concept
		}
		if k > from && t.hasClass(toks[k], clsArticle|clsDeterminer) {
			k--
		}
		if k == from && t.hasClass2(toks[k], cl2FindingPrep) && end+1 < len(toks) && toks[end+1].flags&flagClause != 0 {
			t.frontedArmComparatives(s, hits, arm, to)
			continue
		}
		if k <= from || !t.hasClass2(toks[k], cl2FindingPrep|cl2PairOf) || t.hasClass2(toks[k-1], cl2Than) {
			continue // (the arm compared with: "than in rats fed <X> alone")
		}
		start := int32(from)
		for _, h := range hits {
			if h.bits&cueClauseBreak != 0 && h.tok < arm.a {
				start = h.end
			}
		}
		for _, u := range p.units {
			if u.a < start || u.b > int32(k) || t.concepts[u.concept].kind == kindIntervention || t.changedBefore(s, hits, u) {
				continue
			}
			dir, at := 0, int32(-1)
			for j := u.b; j < int32(k) && j < u.b+armReach && dir == 0; j++ {
				if t.onCueBits(hits, j, cueNeg|cueNegRel) {
					break // "Y did not improve more in the X group": the denied verb's own pair says it
				}
				if j > u.b && t.onCueBits(hits, j-1, cueInc|cueDec|cueHelp|cueHarm) && !t.onCueBits(hits, j, cueInc|cueDec) {
					break // "Y improved more in the X group": a degree of the verb, whose own pair says it
				}
				if s.tokMent[j] >= 0 || t.hasClass(toks[j], clsConj) && t.mentionWithin(s, j+1, int32(k), 3) {
					break // ("More <Y> and less <Z> were found in the X group": "less" is Z's; not "38% and 45% lower")
				}
				dir, at = t.comparativeAt(s, hits, j), j
			}
			for j := at + 1; dir != 0 && at >= u.b && j+1 < int32(k); j++ {
				// "Y was low in the placebo group and high in the X group":
				// the comparative after the conjunction is the arm's own
				if toks[j].flags&flagHard == 0 && t.hasClass(toks[j], clsConj) && !t.mentionWithin(s, at, j, j-at) {
					d := t.comparativeAt(s, hits, j+1)
					if d == 0 && t.hasClass4(toks[j+1], cl4Degree) {
						d = 1 // ("... and high in the X group": a degree without its copula)
					}
					if d != 0 {
						dir, at = d, j+1
					}
				}
			}
			denied := slices.ContainsFunc(hits, func(h cueHit) bool { return h.tok >= start && h.tok < u.b && h.bits&(cueNeg|cueNegRel) != 0 })
			for j := u.b - 1; j > u.a && dir == 0 && s.tokMent[j] < 0 && !denied; j-- {
				// a comparative the unit ends with ("Zonulin was lower and
				// butyrate higher in the X group"): Z's own (not "Y was not
				// lower, nor Z higher": the denial's pairs say it)
				if d := t.comparativeAt(s, hits, j); d != 0 {
					dir, at = d, j
				}
			}
			for j := u.a - 1; j >= start && j >= u.a-armReach && dir == 0; j-- {
				if s.tokMent[j] >= 0 {
					break // ("lower levels of W such as <Y>": the comparative is W's)
				}
				dir, at = t.comparativeAt(s, hits, j), j
			}
			if dir != 0 {
				t.addArmPair(s, arm, u, dir, at)
			}
		}
	}
}

// mentionWithin reports whether a mention starts within n tokens from
// token a, before token b.
func (t *Tagger) mentionWithin(s *scratch, a, b int32, n int32) bool {
	for j := a; j < b && j < a+n; j++ {
		if s.tokMent[j] >= 0 {
			return true
		}
	}
	return false
}

// shortFormAt reports whether tokens [a, b) are one word with an inner
// capital, as a short form is ("FO", "GOS"): what the arm was given,
// named before the animals ("FO mice").
func shortFormAt(s *scratch, a, b int32) bool {
	return b-a == 1 && s.toks[a].flags&flagInnerUpper != 0
}

// armReach is how far, in tokens, the comparative of an arm's outcome
// may stand from the outcome ("<Y> was 1.7-fold higher in ...").
const armReach = 12

// armNoun returns the token of the word that names the arm given
// intervention unit arm right after it: "the <X> group", "<X>-treated
// mice", "<X> mice" (a short form of the diet the mice were fed), or
// "than" when the arm's noun is left to the arm it is compared with
// ("lower in <X>-fed than in control mice"), or -1. named reports whether
// those words alone make the unit an arm given the intervention.
func (t *Tagger) armNoun(s *scratch, arm pairUnit, to int) (end int, named bool) {
	toks := s.toks
	e := int(arm.b)
	if e < to && t.edForm(s, int32(e)) && joinedByHyphen(s, int32(e)) && toks[e].flags&flagHard == 0 {
		e++ // "<X>-fed"
	}
	switch {
	case e >= to || toks[e].flags&flagHard != 0 || s.tokMent[e] >= 0:
		return -1, false
	case t.hasClass2(toks[e], cl2Arm) && e == int(arm.b):
		return e, false
	case t.hasClass2(toks[e], cl2Population) && (e > int(arm.b) || shortFormAt(s, arm.a, arm.b)):
		return e, true
	case t.hasClass2(toks[e], cl2Than) && (e > int(arm.b) || shortFormAt(s, arm.a, arm.b)):
		for j := e + 1; j < to && j <= e+4 && toks[j].flags&flagHard == 0; j++ {
			if t.hasClass2(toks[j], cl2Population|cl2Arm) {
				return e, true
			}
		}
	}
	return -1, false
}

// addArmPair adds the pair of an arm given an intervention and an outcome
// that the comparative at token at, of direction dir (+1 up, -1 down),
// says it moved; the comparative's predicate lends its denial and hedge
// ("Y was not lower in the X group", "Y fell in the X group, but the
// change did not reach significance").
func (t *Tagger) addArmPair(s *scratch, arm, u pairUnit, dir int, at int32) {
	pr := predicate{bits: directionBits(dir), subj: -1, obj: -1, obj2: -1, within: -1, via: -1, collect: -1}
	for i := range s.pairs.preds {
		if q := &s.pairs.preds[i]; q.tok <= at && at < max(q.end, q.tok+1) {
			pr.negated, pr.hedged = q.negated, q.hedged
			break
		}
	}
	t.addPair(s, arm, u, &pr)
}

// plusJoined reports whether units u and v, v right after u, are joined by
// a plus sign: the treatments of one arm ("the X + Y group").
func (t *Tagger) plusJoined(s *scratch, u, v pairUnit) bool {
	return v.a == u.b && strings.TrimSpace(s.text[s.toks[u.b-1].end:s.toks[v.a].start]) == "+"
}

// armChain returns the units [i, j) of the arm name that unit i starts:
// units joined by plus signs and followed by an arm word ("the X + Y
// group"), or j == i when unit i starts none.
func (t *Tagger) armChain(s *scratch, i int) int {
	p := &s.pairs
	j := i + 1
	for j < len(p.units) && t.plusJoined(s, p.units[j-1], p.units[j]) {
		j++
	}
	if e := p.units[j-1].b; int(e) >= len(s.toks) || s.toks[e].flags&flagHard != 0 || !t.hasClass2(s.toks[e], cl2Arm) {
		return i
	}
	return j
}

// armNames reports whether units i and j both name arms, one of them with
// two treatments ("the X + Y group", "the Y group and the X + Y group"):
// what arms were given relates neither to the other.
func (t *Tagger) armNames(s *scratch, i, j int) bool {
	in := func(k int) int { // the length of the arm chain unit k is in, or 0
		a := k
		for a > 0 && t.plusJoined(s, s.pairs.units[a-1], s.pairs.units[a]) {
			a--
		}
		if e := t.armChain(s, a); e > k {
			return e - a
		}
		return 0
	}
	ni, nj := in(i), in(j)
	return ni > 0 && nj > 0 && max(ni, nj) > 1
}

// armsNamed reports whether group g holds the name of an arm with two
// treatments ("the X + Y group").
func (t *Tagger) armsNamed(s *scratch, g int) bool {
	p := &s.pairs
	for i := p.groups[g].first; i < p.groups[g].last; i++ {
		if t.armChain(s, i) > i+1 {
			return true
		}
	}
	return false
}

// armDifferences adds "differences in Y between the A group and the X + A
// group" (also "of the ... groups"): a predicate with an object and no
// subject, followed by the names of two or more arms, relates Y to the
// interventions that some arms were given and others not; what every arm
// was given relates nothing.
func (t *Tagger) armDifferences(s *scratch) {
	p := &s.pairs
	for pi := range p.preds {
		pr := &p.preds[pi]
		y := pr.obj
		if y < 0 && pr.subj >= 0 && pr.bits&(cueInc|cueDec) == 0 && !t.groupHasKind(s, pr.subj, kindIntervention) {
			y = pr.subj // "Y differed between the ... groups"
		} else if pr.subj >= 0 {
			continue
		}
		if y < 0 || pr.within >= 0 || pr.headless {
			continue
		}
		_, sb := segment(s, pr.tok)
		var chains [][2]int
		start := max(pr.end, p.groups[y].b)
		for i := 0; i < len(p.units) && p.units[i].a < sb; {
			if p.units[i].a < start {
				i++
				continue
			}
			if j := t.armChain(s, i); j > i {
				chains = append(chains, [2]int{i, j})
				i = j
				continue
			}
			i++
		}
		if len(chains) < 2 {
			continue
		}
		for _, c := range chains {
			for k := c[0]; k < c[1]; k++ {
				u := p.units[k]
				if t.concepts[u.concept].kind != kindIntervention {
					continue
				}
				every := true
				for _, d := range chains {
					in := false
					for m := d[0]; m < d[1]; m++ {
						in = in || p.units[m].concept == u.concept
					}
					every = every && in
				}
				if every {
					continue
				}
				for b := p.groups[y].first; b < p.groups[y].last; b++ {
					t.addPair(s, u, p.units[b], pr)
				}
			}
		}
	}
}

// changedBefore reports whether a word of change stands right before unit
// u ("the reduction in <Y> was greater in the X group"): the arms compare
// a change, which the predicates read (effect).
func (t *Tagger) changedBefore(s *scratch, hits []cueHit, u pairUnit) bool {
	a := u.a
	if a > 0 && t.hasClass(s.toks[a-1], clsArticle|clsDeterminer) {
		a--
	}
	for _, h := range hits {
		if (h.end == a || h.end == u.a) && h.bits&(cueInc|cueDec) != 0 && !t.leadingComparative(s, h) {
			return true
		}
	}
	return false
}

// leadingComparative reports whether cue hit h is a one-word comparative
// that opens its sentence or clause or follows a conjunction ("Lower <Y>
// and higher <Z> were seen in the X group"): an adjective of the concept
// after it, no verb.
func (t *Tagger) leadingComparative(s *scratch, h cueHit) bool {
	if h.end-h.tok != 1 || h.bits&cueCompar == 0 {
		return false
	}
	k := h.tok
	return k == 0 || s.tokSent[k-1] != s.tokSent[k] || s.toks[k].flags&flagClause != 0 || t.hasClass(s.toks[k-1], clsConj)
}

// changeOfBefore reports whether tokens [a, b) are a noun of change and
// its preposition ("elevation in", "loss of"): a word and the
// preposition, or a noun of action or state, a word and the preposition;
// no mention.
func (t *Tagger) changeOfBefore(s *scratch, a, b int32) bool {
	if b-a >= 3 && b-a <= 4 && t.sampleWord(s, b-1) && t.hasClass2(s.toks[b-2], cl2PairOf|cl2FindingPrep) {
		b-- // "the increase in serum <Y>": a plain word of where it was measured
	}
	if b-a < 2 || b-a > 3 {
		return false
	}
	for k := a; k < b; k++ {
		// (a lost diversity spans its noun of change: "decrease in <diversity>")
		if m := s.tokMent[k]; m >= 0 && s.ments[m].flags&entLostDiversity == 0 || k > a && s.toks[k].flags&flagClause != 0 {
			return false
		}
	}
	last, first := s.toks[b-1], s.toks[a]
	if !t.hasClass2(last, cl2PairOf|cl2FindingPrep) || t.hasClass(first, clsArticle|clsDeterminer|clsConj) {
		return false
	}
	return b-a == 2 || t.nounEnding(s.text[first.start:first.end])
}

// comparativeAt returns +1 when token j is a comparative of more ("more",
// "higher", "enriched"), -1 for one of less ("fewer", "lower",
// "depleted"), else 0.
func (t *Tagger) comparativeAt(s *scratch, hits []cueHit, j int32) int {
	tk := s.toks[j]
	switch {
	case t.hasClass(tk, clsLess):
		return -1
	case t.hasClass(tk, clsComparative) && s.tokMent[j] < 0:
		return 1
	}
	i, _ := slices.BinarySearchFunc(hits, j, func(h cueHit, j int32) int { return int(h.tok - j) })
	for _, h := range hits[i:] {
		if h.tok != j {
			break
		}
		if h.bits&cueCompar != 0 {
			// a verb of help that compares ("enriched in the X group")
			// says more, whatever it helps; a copula and a less-word ("was
			// low in the X group") says less
			if h.bits&cueDec != 0 && h.bits&cueHelp == 0 || h.end-h.tok >= 2 && t.hasClass(s.toks[h.end-1], clsLess) {
				return -1
			}
			return 1
		}
	}
	return 0
}

// quantifiedArms reads a comparative that quantifies the people of an arm
// at the head of a sentence ("Fewer patients in the X group experienced
// Y", "More children given X developed Y"): the arm given X is the
// subject, what they had the object, and the comparative the direction.
func (t *Tagger) quantifiedArms(s *scratch, from, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj >= 0 || pr.bits&cueCompar == 0 || int(pr.tok) != from || int(pr.end) >= to ||
			!t.hasClass2(toks[pr.end], cl2Population) {
			continue
		}
		arm := p.groupAfter(pr.end+1, int32(to))
		if arm < 0 || p.groups[arm].a > pr.end+4 || !p.units[p.groups[arm].first].given {
			continue
		}
		obj := p.groupAfter(p.groups[arm].b, int32(to))
		if obj < 0 || t.groupHasKind(s, obj, kindIntervention) {
			continue
		}
		pr.subj, pr.obj, pr.compare = arm, obj, true
	}
	// "No patient (None of the children) given X developed Y": none of
	// the arm had it, X kept Y away
	if a, ok := t.noneOfArm(s, from, to); ok {
		arm := p.groupAfter(a, int32(to))
		if arm >= 0 && p.groups[arm].a <= a+4 && t.givenUnitAfter(s, a, to) {
			if obj := p.groupAfter(p.groups[arm].b, int32(to)); obj >= 0 && !t.groupHasKind(s, obj, kindIntervention) {
				pr := predicate{tok: int32(from), end: a, bits: cueDec, subj: arm, obj: obj, obj2: -1, within: -1, via: -1, collect: -1}
				p.preds = slices.Insert(p.preds, 0, pr)
			}
		}
	}
}

// unnamedArms reads "Y was higher in infants given X, whereas Z did not
// differ between the groups" (or "did not change in either arm"): a
// denied difference between arms that it does not name is between the
// arms named before it in the sentence, so the one intervention given
// there has no effect on Z.
func (t *Tagger) unnamedArms(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.bits&cueNegRel == 0 || pr.subj < 0 || pr.obj >= 0 {
			continue
		}
		k := pr.end + 1
		switch {
		case int(pr.end) >= to || toks[pr.end].flags&flagHard != 0:
			if !t.contrastOpens(s, pr.subj) {
				continue
			}
			k = -1 // "Y fell in the X arm, whereas Z did not change": the same arm
		case int(pr.end)+1 >= to:
			continue
		case t.hasClass2(toks[pr.end], cl2PairBetween):
			if t.hasClass(toks[k], clsArticle|clsDeterminer) && int(k)+1 < to {
				k++
			}
		case t.hasClass2(toks[pr.end], cl2FindingPrep) && int(k)+1 < to && t.hasClass2(toks[k], cl2Collective):
			k++ // "did not change in either arm"
		default:
			continue
		}
		if k >= 0 && (s.tokMent[k] >= 0 || !t.hasClass(toks[k], clsGroup) && !t.hasClass2(toks[k], cl2Arm)) {
			continue
		}
		arm := -1
		for g := range p.groups {
			// an arm given X, or the subject of a result before ("Y
			// increased with X")
			if p.groups[g].b > p.groups[pr.subj].a || !p.units[p.groups[g].first].given && !p.acting(g, pr.tok) || !t.groupHasKind(s, g, kindIntervention) {
				continue
			}
			if arm >= 0 && p.units[p.groups[arm].first].concept != p.units[p.groups[g].first].concept {
				arm = -2 // two arms named: which one is meant is not said
				break
			}
			arm = g
		}
		if arm >= 0 && !t.groupHasKind(s, pr.subj, kindIntervention) {
			pr.obj = pr.subj
			pr.subj = arm
		}
	}
}

// acting reports whether group g is the subject of a result, not denied,
// stated before token k.
func (p *pairScratch) acting(g int, k int32) bool {
	for _, q := range p.preds {
		if q.subj == g && q.obj >= 0 && q.tok < k && !q.negated {
			return true
		}
	}
	return false
}

// contrastOpens reports whether a word of contrast ("whereas", "but")
// stands right before group g, past an article: g opens a clause set
// against the one before.
func (t *Tagger) contrastOpens(s *scratch, g int) bool {
	k := s.pairs.groups[g].a - 1
	if k > 0 && t.hasClass(s.toks[k], clsArticle|clsDeterminer) {
		k--
	}
	return k > 0 && t.onCueBits(s.cueHits, k, cueClauseBreak)
}

// noneOfArm reports whether the sentence [from, to) opens with a negator
// that quantifies people ("No patient", "None of the children"), and
// returns the token after the people's word.
func (t *Tagger) noneOfArm(s *scratch, from, to int) (int32, bool) {
	toks := s.toks
	if from+2 >= to {
		return 0, false
	}
	neg := false
	for _, h := range s.cueHits {
		if int(h.tok) == from && h.bits&cueNeg != 0 && h.bits&cuePseudo == 0 {
			neg = true
		}
	}
	if !neg {
		return 0, false
	}
	for k := from + 1; k < to && k <= from+4; k++ {
		if t.hasClass2(toks[k], cl2Population) {
			return int32(k + 1), true
		}
		if !t.hasClass(toks[k], clsArticle|clsDeterminer) && !t.hasClass2(toks[k], cl2PairOf) {
			return 0, false
		}
	}
	return 0, false
}

// givenArmBefore reports whether the subject right before token k is an
// intervention given to a group, maybe named by a group or population
// word after it ("the X-treated group", "mice given X").
func (t *Tagger) givenArmBefore(s *scratch, k int32, from int) bool {
	j := k - 1
	for n := 0; n < 2 && j > int32(from) && s.tokMent[j] < 0 && (t.hasClass2(s.toks[j], cl2Arm|cl2Population|cl2Modal) || t.hasClass(s.toks[j], clsGroup)); n++ {
		j--
	}
	if j < int32(from) || s.tokMent[j] < 0 {
		return false
	}
	for _, u := range s.pairs.units {
		if j >= u.a && j < u.b {
			return u.given && t.concepts[u.concept].kind == kindIntervention
		}
	}
	return false
}

// armParticiple reports whether cue h is a participle of exposure joined
// by a hyphen to the word before it and followed by people or animals
// ("<X>-treated mice", "vehicle-treated rats"): it names an arm of the
// study, no relation of its own.
func (t *Tagger) armParticiple(s *scratch, h cueHit) bool {
	toks := s.toks
	k := h.tok
	return h.end-h.tok == 1 && int(h.end) < len(toks) && joinedByHyphen(s, k) &&
		toks[k].flags&flagHard == 0 && t.edForm(s, k) && t.hasClass2(toks[k], cl2Exposure) &&
		t.hasClass2(toks[h.end], cl2Population) && toks[h.end].flags&flagHard == 0
}

// frontedArm reports whether group g is the arm of a trial named at the
// head of its clause by a finding preposition ("In the X group, ...",
// "Among X-treated mice, ..."): what changes in the clause after it is
// the arm's result.
func (t *Tagger) frontedArm(s *scratch, g, from int) bool {
	toks := s.toks
	a := s.pairs.groups[g].a
	k := a - 1
	if k > int32(from) && t.hasClass(toks[k], clsArticle|clsDeterminer) {
		k--
	}
	if k >= int32(from)+2 && t.hasClass2(toks[k], cl2Exposure) && t.hasClass2(toks[k-1], cl2Population) &&
		t.hasClass2(toks[k-2], cl2FindingPrep) && (k-2 == int32(from) || toks[k-2].flags&flagClause != 0) {
		// "In mice fed (a) X, Y rose": people or animals named by what
		// they were given, at the head of the clause
		e := t.freeTail(s, s.pairs.groups[g].b)
		if int(e)+1 < len(toks) && toks[e].flags&(flagClause|flagHard) == 0 && s.tokMent[e] < 0 && toks[e].flags&flagLetter != 0 &&
			toks[e+1].flags&flagClause != 0 {
			e++ // "In mice fed a fibre-free diet, ...", "a high-fibre diet": a head noun before the comma
		}
		return int(e) < len(toks) && toks[e].flags&flagClause != 0
	}
	if k < int32(from) || !t.hasClass2(toks[k], cl2FindingPrep) || !t.armAfter(s, g) {
		return false
	}
	return k == int32(from) || toks[k].flags&flagClause != 0
}

// armAfter reports whether a group word or a population follows group g:
// it names an arm of a trial ("in the X group", "in X-fed mice").
func (t *Tagger) armAfter(s *scratch, g int) bool {
	e := t.freeTail(s, s.pairs.groups[g].b) // ("in fibre-free mice")
	return int(e) < len(s.toks) && s.toks[e].flags&flagHard == 0 &&
		(t.hasClass(s.toks[e], clsGroup) || t.hasClass2(s.toks[e], cl2Population) || t.edForm(s, e))
}

// freeTail returns the token after "-free" when it follows token e - 1
// right after a hyphen ("fibre-free"), else e.
func (t *Tagger) freeTail(s *scratch, e int32) int32 {
	toks := s.toks
	if int(e) < len(toks) && t.hasClass(toks[e], clsNegWord) && joinedByHyphen(s, e) {
		return e + 1
	}
	return e
}

// armInSubject returns the group before group g when g names an arm inside
// the subject's phrase, "Y in <X>-treated patients (fell)": an
// intervention given, after a preposition (populationSpan) and before a
// population word, past a participle joined to it by a hyphen. Else -1.
func (t *Tagger) armInSubject(s *scratch, g, from int) int {
	p := &s.pairs
	if g <= 0 || !p.units[p.groups[g].first].given {
		return -1
	}
	e := p.groups[g].b
	if int(e)+1 < len(s.toks) && t.hyphenBefore(s, e+1) {
		e++ // "<X>-treated patients": the participle joins its concept
	}
	if !t.populationSpan(s, p.groups[g].a, e) {
		return -1
	}
	h := p.groupBefore(p.groups[g].a, int32(from))
	if h < 0 || t.groupHasKind(s, h, kindIntervention) || t.verbBetween(s, p.groups[h].b, p.groups[g].a) ||
		p.groups[g].a-p.groups[h].b > 3 {
		return -1
	}
	return h
}

// frontedArmComparatives reads an arm named at the head of the sentence,
// "In the X group, Y scores were 45% lower than in the placebo group":
// each outcome with a comparative after it, before "than", is the arm's
// effect in the comparative's direction.
func (t *Tagger) frontedArmComparatives(s *scratch, hits []cueHit, arm pairUnit, to int) {
	p := &s.pairs
	toks := s.toks
	for _, u := range p.units {
		if u.a <= arm.b || t.concepts[u.concept].kind == kindIntervention || u.given || t.changedBefore(s, hits, u) {
			continue
		}
		dir, at := 0, int32(-1)
		for j := u.a - 1; j > arm.b && j >= u.a-2 && dir == 0 && toks[j+1].flags&flagClause == 0; j-- {
			dir, at = t.comparativeAt(s, hits, j), j // "showed higher <Y>, ... and more fine <Z>"
		}
		for j := u.b; int(j) < to && j < u.b+8 && dir == 0; j++ {
			if j > u.b && toks[j].flags&flagClause != 0 || s.tokMent[j] >= 0 || t.hasClass2(toks[j], cl2Than) || t.hasClass(toks[j], clsConj) {
				break
			}
			if t.onCueBits(hits, j, relationBits) && !t.onCueBits(hits, j, cueCompar) {
				break // a verb of its own: its pair says it
			}
			dir, at = t.comparativeAt(s, hits, j), j
		}
		if dir != 0 {
			t.addArmPair(s, arm, u, dir, at)
		}
	}
}

// sharedArm reads the outcome clauses after an arm's result that compare
// numbers without naming the arm again ("Y fell by 48% in the X group and
// by 19% in the placebo group, and Z decreased by 22% versus 3%"): an
// outcome verb whose subject is an outcome, with no object, and a
// comparison of its own after it ("versus", "than") has the arm of the
// result before it as its subject and its outcome as its object.
func (t *Tagger) sharedArm(s *scratch) {
	p := &s.pairs
	toks := s.toks
	arm := -1
	for j := range p.preds {
		q := &p.preds[j]
		if arm >= 0 && slices.ContainsFunc(s.cueHits, func(h cueHit) bool {
			return h.bits&(cueContrast|cueClauseBreak) != 0 && h.tok > p.preds[j-1].tok && h.tok < q.tok
		}) {
			arm = -1 // ("..., while in another trial Y improved more than Z": another finding)
		}
		if q.subj >= 0 && q.obj >= 0 && t.groupGiven(s, q.subj) && !t.groupGiven(s, q.obj) {
			arm = q.subj // ("... fell in the X group")
			continue
		}
		if q.compare && q.subj >= 0 && q.obj >= 0 && t.groupGiven(s, q.obj) && !t.groupGiven(s, q.subj) && !q.negated {
			arm = q.obj // ("Y was lower in infants given X than in those given placebo")
			continue
		}
		y := q.subj // the outcome before the verb: its subject, or its object already
		if q.subj < 0 {
			y = q.obj
		} else if q.obj >= 0 {
			continue
		}
		if arm < 0 || y < 0 || q.bits&(cueInc|cueDec) == 0 || q.end-q.tok != 1 ||
			!t.hasClass2(toks[q.tok], cl2OutcomeVerb) || t.groupHasKind(s, y, kindIntervention) || p.groups[y].b > q.tok {
			continue
		}
		sized := int(q.end) < len(toks) && toks[q.end].flags&flagClause == 0 && s.tokMent[q.end] < 0 && t.hasClass2(toks[q.end], cl2PairBy)
		compared, control, digits := false, false, false
		for k := q.end; int(k) < len(toks) && k < q.end+8 && toks[k].flags&flagClause == 0 && s.tokMent[k] < 0; k++ {
			compared = compared || t.hasClass2(toks[k], cl2Than)
			control = control || t.controlWord(toks[k]) || t.hasClass2(toks[k], cl2Collective) // ("rose by 12% in both groups")
			digits = digits || toks[k].flags&flagDigit != 0
		}
		for k := q.tok - 1; sized && k > p.preds[j-1].end; k-- {
			control = control || t.controlWord(toks[k]) || t.hasClass2(toks[k], cl2Collective) // ("..., and in the placebo group (in both groups) Z rose by 15%")
			if toks[k].flags&flagClause != 0 || t.hasClass(toks[k], clsConj) {
				break // (its own clause: not "fell in the X group compared with placebo, and Z fell by 20%")
			}
		}
		own := j > 0 && (p.preds[j-1].subj == arm || p.preds[j-1].obj == arm) && !t.controlResultBetween(s, p.preds[j-1].end, p.groups[y].a)
		if digits && (compared || sized && !control) || !digits && !compared && !control && own && t.bareOutcomeClause(s, j, y) {
			// ("..., and Z rose by 29%": the size of a change in the
			// arm's report, not another arm's; "..., and Z increased":
			// a bare outcome after the arm's result)
			q.obj, q.subj = y, arm
		}
	}
}

// controlResultBetween reports whether tokens [a, b) name a control arm
// outside a comparison ("... and in the placebo group, and Z rose", "...
// and rose in the placebo group, and Z rose"): a control word with no
// "than" within four words before it. The result right before then is
// the control arm's too.
func (t *Tagger) controlResultBetween(s *scratch, a, b int32) bool {
	toks := s.toks
	for k := a; k < b; k++ {
		if !t.controlWord(toks[k]) {
			continue
		}
		than := false
		for j := k - 1; j >= a && j >= k-4; j-- {
			than = than || t.hasClass2(toks[j], cl2Than)
		}
		if !than {
			return true
		}
	}
	return false
}

// bareOutcomeClause reports whether predicate j closes a clause of its
// outcome alone right after the result before it: a conjunction, maybe
// with a comma, then the outcome's words (a word that qualifies it, an
// article) and the verb with at most "had" or "also" before it, and
// nothing after the verb but the end of the sentence ("..., and faecal
// bifidobacteria increased", "..., and Bifidobacterium counts had
// tripled"). "... and Z rose in both groups" names its own arms.
func (t *Tagger) bareOutcomeClause(s *scratch, j, y int) bool {
	p := &s.pairs
	toks := s.toks
	q := &p.preds[j]
	if j == 0 || y < 0 || p.groups[y].b > q.tok {
		return false
	}
	e := int(q.end)
	if e < len(toks) && s.tokSent[e] == s.tokSent[q.tok] {
		return false // words after the verb: a place, an arm or a time of its own
	}
	k := q.tok - 1
	for n := 0; n < 2 && k > p.groups[y].b-1 && (t.hasClass2(toks[k], cl2Have|cl2Modal) || t.hasClass3(toks[k], cl3PlainAdverb)); n++ {
		k--
	}
	if k == p.groups[y].b && s.tokMent[k] < 0 && !t.onCue(s.cueHits, k) && toks[k].flags&(flagHard|flagDigit) == 0 && toks[k].flags&flagLetter != 0 &&
		!t.hasClass(toks[k], clsConj|clsArticle|clsDeterminer) {
		k-- // "<Z> counts had tripled": the outcome's noun
	}
	if k != p.groups[y].b-1 {
		return false
	}
	c := p.groups[y].a - 1
	if c > p.preds[j-1].end && t.sampleWord(s, c) && !t.controlWord(toks[c]) && toks[c+1].flags&flagHard == 0 {
		c-- // "and faecal <Z>"
	}
	if c > p.preds[j-1].end && t.hasClass(toks[c], clsArticle) && toks[c+1].flags&flagHard == 0 {
		c-- // "and the <Z>"
	}
	return c > p.preds[j-1].end && t.hasClass(toks[c], clsConj) && toks[c+1].flags&flagHard == 0
}

// groupGiven reports whether a unit of group g names what an arm was given.
func (t *Tagger) groupGiven(s *scratch, g int) bool {
	p := &s.pairs
	for i := p.groups[g].first; i < p.groups[g].last; i++ {
		if p.units[i].given {
			return true
		}
	}
	return false
}

// steadyArms reads "Y rose in the placebo group but remained stable in
// the X group (among children given X)": after a change of Y in the
// placebo arm, a contrast and a word of no change (steady-words, with only
// verbs and adverbs before it) before the arm given an intervention, past
// a phrase of time, say that X kept Y from the change, so X moves Y the
// other way.
func (t *Tagger) steadyArms(s *scratch, hits []cueHit, to int) {
	p := &s.pairs
	toks := s.toks
	n := len(p.preds)
	for i := 0; i < n; i++ {
		pr := &p.preds[i]
		if pr.hyphen || pr.obj >= 0 || pr.subj < 0 || p.groups[pr.subj].b > pr.tok || pr.bits&(cueInc|cueDec) == 0 ||
			pr.bits&(cueInc|cueDec) == cueInc|cueDec || t.groupHasKind(s, pr.subj, kindIntervention) {
			continue
		}
		placebo := int32(-1)
		for k := pr.end; int(k) < to && k <= pr.end+5 && s.tokMent[k] < 0 && toks[k].flags&flagHard == 0; k++ {
			if t.hasClass3(toks[k], cl3PlaceboWord) {
				placebo = k
				break
			}
		}
		if placebo < 0 {
			continue
		}
		c := int32(-1)
		for _, h := range hits {
			if h.tok > placebo && h.tok <= placebo+3 && h.bits&(cueContrast|cueClauseBreak) != 0 {
				c = h.end
				break
			}
		}
		if c < 0 {
			continue
		}
		steady := int32(-1)
		for k := c; int(k) < to && k <= c+3 && s.tokMent[k] < 0 && toks[k].flags&flagHard == 0; k++ {
			if t.hasClass3(toks[k], cl3Steady) {
				steady = k
				break
			}
			if !t.hasClass(toks[k], clsCopula) && !t.hasClass2(toks[k], cl2PassiveAux|cl2Modal) && !t.edForm(s, k) && !t.ending(s, k, t.adverbEnd) {
				break // ("but weight remained stable": another noun is what stayed)
			}
		}
		if steady < 0 || steady == c && int(steady)+2 < to && (t.hasClass(toks[steady+2], clsCopula) || t.hasClass2(toks[steady+2], cl2PassiveAux)) {
			continue // ("but stable weight was maintained": the word qualifies another noun)
		}
		arm := p.groupAfter(steady+1, int32(to))
		if arm < 0 || p.groups[arm].a > steady+8 || !t.groupHasKind(s, arm, kindIntervention) {
			continue // ("remained stable over 12 weeks in the X group": past a phrase of time)
		}
		q := predicate{tok: steady, end: steady + 1, subj: arm, obj: pr.subj, obj2: -1, within: -1, via: -1, collect: -1}
		q.bits = cueDec
		if pr.bits&cueDec != 0 {
			q.bits = cueInc
		}
		p.preds = append(p.preds, q)
	}
}

// unchangedArms reads "Y fell in the X arm but did not change (remained
// unchanged) in the Z arm", "..., whereas it was unchanged in the Z arm":
// after a change of Y said of an arm given X, a contrast or a clause
// break, maybe a pronoun for Y, and a denial of change (with only a
// copula, a plain verb such as "remained", a pronoun or adverbs before it) whose next concept, within five words, is another
// intervention: Z did not change Y. The denial takes Z as its subject and
// Y as its object.
func (t *Tagger) unchangedArms(s *scratch, hits []cueHit, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.hyphen || pr.denial || pr.negated || pr.obj < 0 || pr.subj < 0 || p.groups[pr.obj].b > pr.tok || p.groups[pr.subj].a < pr.end ||
			pr.bits&(cueInc|cueDec) == 0 || pr.bits&(cueInc|cueDec) == cueInc|cueDec ||
			!t.groupHasKind(s, pr.subj, kindIntervention) || t.groupHasKind(s, pr.obj, kindIntervention) {
			continue
		}
		e := p.groups[pr.subj].b
		c := int32(-1)
		for _, h := range hits {
			if h.tok >= e && h.tok <= e+3 && h.bits&(cueContrast|cueClauseBreak) != 0 {
				c = h.end
				break
			}
		}
		if c < 0 {
			continue
		}
		for j := range p.preds {
			q := &p.preds[j]
			if !q.denial || q.tok < c || q.tok > c+3 || q.negated {
				continue
			}
			plain := true
			for k := c; k < q.tok; k++ {
				plain = plain && s.tokMent[k] < 0 && toks[k].flags&flagHard == 0 &&
					(t.hasClass2(toks[k], cl2Anaphora|cl2PassiveAux) || t.hasClass(toks[k], clsCopula) || t.ending(s, k, t.adverbEnd) ||
						t.onCueBits(hits, k, cueVerb) && !t.onCueBits(hits, k, relationBits))
			}
			arm := p.groupAfter(q.end, int32(to))
			if !plain || arm < 0 || arm == pr.subj || p.groups[arm].a > q.end+5 || !t.groupHasKind(s, arm, kindIntervention) ||
				t.groupHasKind(s, arm, kindMechanism) || p.units[p.groups[arm].first].concept == p.units[p.groups[pr.subj].first].concept {
				break // (another intervention than X's)
			}
			for k := q.end; k < p.groups[arm].a; k++ {
				if toks[k].flags&flagHard != 0 || s.tokMent[k] >= 0 {
					plain = false
				}
			}
			if plain {
				q.subj, q.obj = arm, pr.obj
			}
			break
		}
	}
}

// gappedComparisons reads "Y was lower and Z higher in women taking X than
// in those given placebo" (also "Y was lower, Z higher and W lower ..."): a
// comparison between arms whose copula is gapped before the other items.
// Each comparative after an item is a predicate of its own with the item
// as its subject, and all compare the arm given X named after the last
// item, or the people with a condition named there ("... in patients
// with <condition> than in controls": each item goes with the condition).
func (t *Tagger) gappedComparisons(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	// comparative returns the direction of the comparative that unit u
	// ends with, the unit's last word past its mention, or 0
	comparative := func(u pairUnit) (int32, int) {
		c := u.b - 1
		if c <= u.a || s.tokMent[c] >= 0 || toks[c].flags&flagHard != 0 || t.comparativeAt(s, hits, c-1) != 0 {
			return -1, 0
		}
		return c, t.comparativeAt(s, hits, c)
	}
	// joined reports whether an item starting at token a follows token e
	// after a conjunction or a comma alone
	joined := func(e, a int32) bool {
		return a == e+1 && t.hasClass(toks[e], clsConj) && toks[e].flags&flagHard == 0 ||
			a == e && toks[a].flags&flagClause != 0 && strings.TrimSpace(s.text[toks[a-1].end:toks[a].start]) == ","
	}
	for i, n := 0, len(p.preds); i < n; i++ {
		pr := &p.preds[i]
		if !pr.compare || pr.end-pr.tok != 1 || pr.subj < 0 || pr.obj < 0 || int(pr.end) >= len(toks) {
			continue
		}
		g := p.groups[pr.obj]
		if !joined(pr.end, g.a) {
			continue
		}
		// the items: every unit of the group, each with its comparative
		type item struct {
			unit int
			c    int32
			dir  int
		}
		var items []item
		last := pr.obj // the last group of items
		for gi := pr.obj; gi < len(p.groups); gi++ {
			gr := p.groups[gi]
			if gi > pr.obj {
				// a further group of items: after a comma or a
				// conjunction right after the last ("..., Z higher and W
				// lower in ...")
				if !joined(p.groups[gi-1].b, gr.a) {
					break
				}
			}
			var its []item
			for u := gr.first; u < gr.last; u++ {
				c, dir := comparative(p.units[u])
				if dir == 0 {
					its = nil
					break
				}
				its = append(its, item{u, c, dir})
			}
			if len(its) == 0 {
				break
			}
			items, last = append(items, its...), gi
		}
		if len(items) == 0 {
			continue
		}
		g = p.groups[last]
		_, sb := segment(s, pr.tok)
		target := -1
		for a := last + 1; a < len(p.groups) && p.groups[a].a <= g.b+6; a++ {
			if p.units[p.groups[a].first].given && t.groupHasKind(s, a, kindIntervention) {
				target = a
				break
			}
		}
		if target < 0 {
			target = t.conditionFoundIn(s, g.b, sb)
		}
		if target < 0 {
			continue
		}
		pr.obj = target
		for _, it := range items {
			q := *pr
			q.tok, q.end, q.obj = it.c, it.c+1, target
			// each item is a subject of its own: a group of its one unit
			// when the list made one group of them
			q.subj = p.groupOf(it.unit)
			if g := p.groups[q.subj]; g.last-g.first > 1 {
				u := p.units[it.unit]
				p.groups = append(p.groups, pairGroup{a: u.a, b: u.b, first: it.unit, last: it.unit + 1})
				q.subj = len(p.groups) - 1
			}
			q.less = it.dir < 0
			q.bits = cueCompar
			for _, h := range hits {
				if h.tok == it.c && h.end == it.c+1 {
					q.bits = h.bits
				}
			}
			p.preds = append(p.preds, q)
			pr = &p.preds[i]
		}
	}
}
