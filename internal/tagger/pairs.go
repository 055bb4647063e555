package tagger

import (
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
)

// This file turns a claim sentence into relation pairs: which concept the
// sentence says has which effect on which other one. It reads the
// sentence's relation cues as predicates and finds, for each, its subject
// and its object among the concept mentions, as a reader would: the
// nearest mention before the predicate and the first after it in its
// clause, with the mentions listed with them (pair-coordinators), and with
// the common turns of phrase: "a link between X and Y", "the effect of X
// on Y", "Y was reduced by X", "Y is due to X", "Y improved after X", "X
// reduced Y and improved Z", "X raised Y, which lowered Z", "X worsens Y,
// whereas W may improve it". docs/ANNOTATION.md states the conventions the
// rules follow.

// pairUnit is a concept mention that can be an argument of a relation.
type pairUnit struct {
	a, b     int32 // tokens [a, b)
	concept  int32
	inverse  bool   // the wording names the lack of a beneficial concept
	less     bool   // a less-word stands right before it ("reduced diversity")
	given    bool   // an intervention given to a group: an exposure verb just before it ("treated with X")
	absorbed int32  // for an imbalance or a diversity, the community whose mention it took in, else -1
	made     bool   // an imbalance read from the verb before the community ("X altered the <community>")
	neutral  bool   // a word of change with no direction right before or after it ("modulated <Y>", "<Y> modulation")
	withheld bool   // the arm not given it ("mice that did not receive X", "rats without X")
	tail     uint32 // the direction bits of a noun of change the unit ends with ("<Y> eradication")
}

// pairGroup is a list of units joined by coordinators: one argument.
type pairGroup struct {
	a, b        int32 // tokens from the first unit's start to the last unit's end
	first, last int   // units [first, last)
}

// predicate is a relation cue of the sentence with its arguments.
type predicate struct {
	tok, end   int32
	bits       uint32
	denial     bool // a denied relation in itself ("no effect on", "unrelated to")
	hyphen     bool // a modifier joined by a hyphen to the concept before it ("X-induced")
	compare    bool // a comparison between groups ("was lower in", "had fewer ... than"): an association
	population bool // the subject names people by their condition or state ("patients with <state> showed ..."): an association
	relative   bool // a reduced relative clause ("<Y> caused by <X>"): Y heads the phrase
	less       bool // the cue is a less-word ("lower", "fewer")
	headless   bool // the subject is a noun outside the taxonomy ("pathogens that cause Y")
	outside    bool // verbs that share a subject outside the taxonomy ("Supplements improved X and reduced Y")
	obj2       int  // a second object joined by "of" ("flares of <condition>"), else -1
	subj, obj  int  // groups, -1 when none
	within     int  // a group whose units it relates to each other ("between X and Y"), else -1
	via        int  // a group the relation goes through ("X eased Y via Z"), else -1
	viaHedged  bool // a hedge opens the path ("X eased Y, possibly via Z")
	negated    bool
	hedged     bool
	collect    int32  // the quantifier of "all of which" before it, else -1: every concept named before is a subject
	contrast   bool   // denied by a negator after "but" in a sentence that is not denied as a whole
	noun       uint32 // for a comparison, the direction bits of the change noun it compares ("the reduction in Y was greater")
	adjective  bool   // a one-word comparative or less-word ("lower", "higher")
	anaphoric  bool   // its object is a noun of change that stands for one named before ("X prevented the rise")
	owner      int    // for a noun of effect after a property ("X has <Y> effects on Z"), X's group + 1; else 0
}

// pairScratch holds the buffers of pair extraction and what it learnt
// about the last sentence, for the claim's confidence.
type pairScratch struct {
	units  []pairUnit
	groups []pairGroup
	preds  []predicate
	spans  [][2]int32 // set aside by "not" or "rather than"
	elided [][2]int32 // those of spans whose verb is elided ("X reduced Y, whereas Z did not"): Z stands for the subject
	arms   [][2]int32 // arms of a trial set aside by "but not" after another arm (armAside)
	out    []lumen.Relation
	seen   [][2]int32 // the unordered concept pairs of out

	fallback   bool    // no predicate gave a pair: the nearest concepts were paired
	meansHedge bool    // every hedge of the sentence opens a means or a path after the first predicate ("possibly via Z")
	armsOnly   bool    // no pair: the only concepts of two kinds name the arms compared ("the X + Y group")
	strength   float64 // how plainly the strongest predicate that gave a pair states a relation
	distance   int32   // the largest distance in tokens between the two units of a pair
}

const relationBits = cueInc | cueDec | cueAssoc | cueCompar | cueNegRel | cueSimilar | cueRole

// pairs returns the relation pairs of the claim sentence made of tokens
// [from, to), whose first mention is s.ments[firstMent]; negated and hedged
// are the sentence's flags, relation its summary relation before pairs.
// Each family of wordings adds its pairs in turn, one pair per unordered
// concept pair (the first wins). When none gives a pair, the nearest
// concepts of two kinds are paired with the summary relation
// (s.pairs.fallback records it).
func (t *Tagger) pairs(s *scratch, text string, hits []cueHit, from, to, firstMent int, negated, hedged bool, relation string) []lumen.Relation {
	p := &s.pairs
	p.fallback, p.strength, p.distance, p.armsOnly = false, 0, 0, false
	p.out, p.seen = p.out[:0], p.seen[:0]
	t.pairUnits(s, from, to, firstMent, hits)
	if len(p.units) < 2 {
		return nil
	}
	t.pairGroups(s, hits)
	t.predicates(s, text, hits, from, to)
	t.setAsideSpans(s, text, hits, from, to)
	t.arguments(s, hits, from, to)
	t.pairFlags(s, text, hits, from, to, firstMent, negated, hedged)

	t.armPairs(s)
	t.armComparatives(s, hits, from)
	t.mediatorPairs(s)
	t.predicatePairs(s)
	if !negated {
		t.treatmentPairs(s, from, to)
	}
	t.collectivePairs(s)
	t.pathPairs(s)
	t.setAsidePairs(s)
	t.armDifferences(s)
	if len(p.out) > 0 {
		return slices.Clone(p.out)
	}
	return t.nearestPair(s, negated, hedged, relation)
}

// addPair adds the pair of subject su and object ob that predicate pr
// states, unless the sentence already relates the two concepts.
func (t *Tagger) addPair(s *scratch, su, ob pairUnit, pr *predicate) {
	p := &s.pairs
	if su.concept == ob.concept || t.sameCommunity(su, ob) || t.sameCommunity(ob, su) {
		return
	}
	k := [2]int32{min(su.concept, ob.concept), max(su.concept, ob.concept)}
	if slices.Contains(p.seen, k) {
		return
	}
	p.seen = append(p.seen, k)
	if pr.compare && ob.given && !su.given {
		su, ob = ob, su // "Y was lower in the X group": the arm given X is the subject
	}
	effect := t.effect(pr, su, ob)
	if su.withheld {
		// "Mice that did not receive X had higher Y": X keeps Y down
		switch effect {
		case lumen.RelationIncreases:
			effect = lumen.RelationDecreases
		case lumen.RelationDecreases:
			effect = lumen.RelationIncreases
		}
	}
	if (effect == lumen.RelationAssociated || effect == lumen.RelationNoEffect) && t.kindOrder(ob.concept) > t.kindOrder(su.concept) {
		su, ob = ob, su // no direction: the intervention first ("butyrate did not differ between the X and placebo groups")
	}
	r := lumen.Relation{Subject: t.concepts[su.concept].id, Object: t.concepts[ob.concept].id,
		Effect: effect, Negated: pr.negated, Hedged: pr.hedged}
	if r.Negated || r.Effect == lumen.RelationNoEffect || t.unitSetAside(s, su) || t.unitSetAside(s, ob) {
		r.Negated, r.Effect = true, lumen.RelationNoEffect
	}
	p.out = append(p.out, r)
	p.strength = max(p.strength, t.strength(pr))
	p.distance = max(p.distance, max(su.a, ob.a)-min(su.b, ob.b))
}

// addGroups adds the pairs of every unit of group sg with every unit of
// group og.
func (t *Tagger) addGroups(s *scratch, sg, og int, pr *predicate) {
	p := &s.pairs
	for a := p.groups[sg].first; a < p.groups[sg].last; a++ {
		for b := p.groups[og].first; b < p.groups[og].last; b++ {
			t.addPair(s, p.units[a], p.units[b], pr)
		}
	}
}

// predicatePairs adds the pairs of each predicate: its subject with its
// objects, or the members of the group it relates to each other ("a link
// between X and Y").
func (t *Tagger) predicatePairs(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.within >= 0 {
			g := p.groups[pr.within]
			for a := g.first; a < g.last; a++ {
				for b := a + 1; b < g.last; b++ {
					t.addPair(s, p.units[a], p.units[b], pr)
				}
			}
			if pr.obj >= 0 {
				// "the interaction between X and Y in <condition>": each
				// goes with the condition it is found in
				cp := *pr
				cp.bits = cueAssoc
				t.addGroups(s, pr.within, pr.obj, &cp)
			}
			continue
		}
		if pr.subj < 0 || pr.obj < 0 || pr.headless {
			continue
		}
		h := t.populationOf(s, pr.subj)
		for _, o := range [2]int{pr.obj, pr.obj2} {
			if o < 0 {
				continue
			}
			t.addGroups(s, pr.subj, o, pr)
			if h >= 0 && h != o && !pr.negated && !pr.denial {
				// "The gut microbiota of <condition> patients showed
				// lower Y": what the population's community shows is
				// associated with the population's condition, and so is
				// the community.
				cp := *pr
				cp.compare = true
				t.addGroups(s, h, o, &cp)
				t.addGroups(s, h, pr.subj, &cp)
			}
		}
	}
}

// populationOf returns the group that names the condition of the people
// or animals to which subject group g belongs ("the gut microbiota of
// <condition> patients", "... of patients with <condition>"), or -1.
func (t *Tagger) populationOf(s *scratch, g int) int {
	p := &s.pairs
	toks := s.toks
	k := p.groups[g].b
	if int(k) >= len(toks) || !t.hasClass2(toks[k], cl2PairOf) || toks[k].flags&flagHard != 0 {
		return -1
	}
	h := p.groupAfter(k+1, int32(len(toks)))
	if h < 0 || p.groups[h].a > k+4 || !t.populationGroup(s, h) {
		return -1
	}
	for j := k + 1; j < p.groups[h].a; j++ {
		if !t.hasClass2(toks[j], cl2Population|cl2RelPrep) && !t.hasClass(toks[j], clsArticle|clsAdjective) {
			return -1
		}
	}
	return h
}

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
// they were given). Each concept of the arm's clause before it takes the
// first comparative after it, or else the one before it; the first
// statement wins ("more <Y> ... in the <X> group, while <W> decreased").
func (t *Tagger) armComparatives(s *scratch, hits []cueHit, from int) {
	p := &s.pairs
	toks := s.toks
	for _, arm := range p.units {
		if !arm.given || t.concepts[arm.concept].kind != kindIntervention || int(arm.b) >= len(toks) ||
			!t.hasClass2(toks[arm.b], cl2Arm) {
			continue
		}
		k := int(arm.a) - 1
		if k > from && t.hasClass(toks[k], clsArticle|clsDeterminer) {
			k--
		}
		if k <= from || !t.hasClass2(toks[k], cl2FindingPrep|cl2PairOf) {
			continue
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
			dir := 0
			for j := u.b; j < int32(k) && dir == 0; j++ {
				dir = t.comparativeAt(s, hits, j)
			}
			for j := u.a - 1; j >= start && dir == 0; j-- {
				dir = t.comparativeAt(s, hits, j)
			}
			if dir == 0 {
				continue
			}
			pr := predicate{bits: cueInc, subj: -1, obj: -1, obj2: -1, within: -1, via: -1, collect: -1}
			if dir < 0 {
				pr.bits = cueDec
			}
			t.addPair(s, arm, u, &pr)
		}
	}
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
		if (h.end == a || h.end == u.a) && h.bits&(cueInc|cueDec) != 0 {
			return true
		}
	}
	return false
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
	for _, h := range hits {
		if h.tok == j && h.bits&cueCompar != 0 {
			// a verb of help that compares ("enriched in the X group")
			// says more, whatever it helps
			if h.bits&cueDec != 0 && h.bits&cueHelp == 0 {
				return -1
			}
			return 1
		}
	}
	return 0
}

// mediatorPairs adds "M1, M2 and M3 may mediate the effects of X on Y":
// each concept named before the verb is the path of X's effect (X > M
// associated, as after "via"), whatever Y is.
func (t *Tagger) mediatorPairs(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		h := &p.preds[i]
		if !t.hasClass2(s.toks[h.tok], cl2Mediation) {
			continue
		}
		var e *predicate
		for j := i + 1; j < len(p.preds); j++ {
			if q := &p.preds[j]; q.tok-h.end <= 3 {
				e = q
				break
			}
		}
		if e == nil {
			continue
		}
		x := e.subj
		if int(e.end) < len(s.toks) && t.hasClass2(s.toks[e.end], cl2PairOf) {
			// "the effects of <X>": X is the cause, whatever the
			// predicate took as its subject
			if g := p.groupAfter(e.end+1, int32(len(s.toks))); g >= 0 && p.groups[g].a <= e.end+2 {
				x = g
			}
		}
		if x < 0 {
			continue
		}
		// the mediators are not related to each other
		h.within = -1
		path := predicate{bits: cueAssoc, negated: h.negated || e.negated, hedged: h.hedged || e.hedged,
			subj: x, obj: -1, obj2: -1, within: -1, via: -1, collect: -1}
		for g := range p.groups {
			if p.groups[g].b <= h.tok && g != x && !t.groupHasKind(s, g, kindIntervention) {
				t.addGroups(s, x, g, &path)
			}
		}
	}
}

// treatmentPairs adds "courses of X for <condition>", "X for <mechanism>":
// a treatment of what follows "for". The caller skips it in a denied
// sentence, where it is only the background of what is denied ("courses
// of X for <condition> were not linked to Y").
func (t *Tagger) treatmentPairs(s *scratch, from, to int) {
	p := &s.pairs
	for f := int32(from); f < int32(to); f++ {
		if !t.hasClass2(s.toks[f], cl2Purpose) {
			continue
		}
		sg, og := p.groupBefore(f+1, int32(from)), p.groupAfter(f+1, int32(to))
		if sg < 0 || og < 0 || p.groups[sg].b != f || p.groups[og].a != t.skipFillers(s, f+1, int32(to), 3) ||
			!t.groupHasKind(s, sg, kindIntervention) || t.groupHasKind(s, og, kindIntervention) {
			continue
		}
		treat := predicate{bits: cueDec | cueHelp, subj: sg, obj: og, obj2: -1, within: -1, via: -1, collect: -1}
		if len(p.preds) > 0 {
			treat.hedged = p.preds[0].hedged
		}
		t.addGroups(s, sg, og, &treat)
	}
}

// collectivePairs adds "X, Y and Z, all of which improve W": the concepts
// named before the quantifier, or, when they are the objects of verbs with
// a subject of their own, those objects ("S regulates X and supports Y,
// all of which ..."); a list that is a subject stays the subject ("X and
// Y feed Z, all of which ...").
func (t *Tagger) collectivePairs(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.collect < 0 || pr.obj < 0 {
			continue
		}
		subjUnits, subjGroups := 0, 0
		for g := range p.groups {
			if p.groups[g].b <= pr.collect && p.isSubject(g, i) {
				subjUnits += p.groups[g].last - p.groups[g].first
				subjGroups++
			}
		}
		useSubj := subjUnits >= 2 && subjGroups == 1
		for g := range p.groups {
			if p.groups[g].b <= pr.collect && p.isSubject(g, i) == useSubj {
				t.addGroups(s, g, pr.obj, pr)
			}
		}
	}
}

// pathPairs adds "X eased Y via Z": X goes with Z.
func (t *Tagger) pathPairs(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.via < 0 || pr.subj < 0 || pr.headless {
			continue
		}
		path := predicate{bits: cueAssoc, negated: pr.negated, hedged: pr.hedged || pr.viaHedged, subj: pr.subj, obj: pr.via, obj2: -1, within: -1, via: -1, collect: -1}
		t.addGroups(s, pr.subj, pr.via, &path)
	}
}

// setAsidePairs adds "X reduced Y, but not Z" and "W, not Z, cleared Y":
// Z takes Y's place (or X's, W's, by its kind) in a denied pair of the
// predicate before the phrase set aside, or else of the one after it.
func (t *Tagger) setAsidePairs(s *scratch) {
	p := &s.pairs
	for _, sp := range p.spans {
		var pr *predicate
		for i := range p.preds {
			if q := &p.preds[i]; q.end <= sp[0] && q.subj >= 0 && q.obj >= 0 {
				pr = q
			}
		}
		for i := range p.preds {
			if q := &p.preds[i]; pr == nil && q.tok >= sp[1] && q.subj >= 0 && q.obj >= 0 {
				pr = q
			}
		}
		if pr == nil {
			continue
		}
		og, sg := p.groups[pr.obj], p.groups[pr.subj]
		for _, u := range p.units {
			if u.a < sp[0] || u.a >= sp[1] {
				continue
			}
			denied := *pr
			denied.negated = true
			switch kind := t.concepts[u.concept].kind; {
			case kind == t.concepts[p.units[og.first].concept].kind:
				for a := sg.first; a < sg.last; a++ {
					t.addPair(s, p.units[a], u, &denied)
				}
			case kind == t.concepts[p.units[sg.first].concept].kind:
				for b := og.first; b < og.last; b++ {
					t.addPair(s, u, p.units[b], &denied)
				}
			case slices.Contains(p.elided, sp):
				// "X correlated with Y, whereas Z did not": Z stands
				// where the subject stood
				for b := og.first; b < og.last; b++ {
					t.addPair(s, u, p.units[b], &denied)
				}
			case sp[0] >= pr.end:
				// "X reduced Y but not Z", Z of a third kind: after
				// the predicate, Z stands where its object stood
				for a := sg.first; a < sg.last; a++ {
					t.addPair(s, p.units[a], u, &denied)
				}
			}
		}
	}
}

// nearestPair pairs the nearest concepts of two kinds, for a sentence
// whose predicates gave no pair, with the sentence's summary relation.
func (t *Tagger) nearestPair(s *scratch, negated, hedged bool, relation string) []lumen.Relation {
	p := &s.pairs
	// Rather not a concept that names where something was measured ("in
	// <condition> patients").
	best, bi, bj := int32(-1), -1, -1
	population, arms := false, false
	for i, u := range p.units {
		for j := i + 1; j < len(p.units); j++ {
			v := p.units[j]
			if t.concepts[u.concept].kind == t.concepts[v.concept].kind {
				continue
			}
			if t.armNames(s, i, j) {
				arms = true
				continue
			}
			d := v.a - u.b
			pop := t.populationSpan(s, u.a, u.b) || t.populationSpan(s, v.a, v.b)
			if pop || t.addedToUnit(s, i) || t.addedToUnit(s, j) {
				d += 1 << 20 // rather not a setting ("an adjunct to <Y>")
			}
			if best < 0 || d < best {
				best, bi, bj, population = d, i, j, pop
			}
		}
	}
	if bi < 0 {
		p.armsOnly = arms
		return nil
	}
	// The sentence relates its concepts to something outside the taxonomy
	// ("Supplements improved X and reduced Y", "X lowered the pH in <Y>
	// patients"): they only go together.
	// Nor do groups compared ("Y was elevated in <condition>").
	outside := population
	for _, pr := range p.preds {
		outside = outside || pr.outside || pr.compare
	}
	if relation == "" || negated || outside {
		relation = lumen.RelationAssociated
	}
	best &= 1<<20 - 1
	p.fallback, p.distance = true, best
	var out []lumen.Relation
	pair := func(su, ob pairUnit) {
		if t.kindOrder(ob.concept) > t.kindOrder(su.concept) {
			su, ob = ob, su
		}
		k := [2]int32{min(su.concept, ob.concept), max(su.concept, ob.concept)}
		if su.concept == ob.concept || slices.Contains(p.seen, k) {
			return
		}
		p.seen = append(p.seen, k)
		effect := relation
		// A helping or harming verb moves a beneficial concept the other
		// way ("X improved the <beneficial concept>").
		if effect != lumen.RelationAssociated {
			for i := range p.preds {
				if pr := &p.preds[i]; pr.bits&(cueInc|cueDec) != 0 && !pr.denial && pr.tok > p.units[0].a {
					effect = t.effect(pr, su, ob)
					break
				}
			}
		}
		if negated {
			effect = lumen.RelationNoEffect
		}
		out = append(out, lumen.Relation{Subject: t.concepts[su.concept].id, Object: t.concepts[ob.concept].id,
			Effect: effect, Negated: negated, Hedged: hedged})
	}
	pair(p.units[bi], p.units[bj])
	// The nearest concepts stand for their lists ("nutrients such as X, Y
	// and Z seem to have <W>-lowering effects"): every member of one
	// goes with every member of the other, across the two kinds.
	gi, gj := p.groupOf(bi), p.groupOf(bj)
	if gi >= 0 && gj >= 0 && gi != gj && !population {
		for a := p.groups[gi].first; a < p.groups[gi].last; a++ {
			for b := p.groups[gj].first; b < p.groups[gj].last; b++ {
				if t.concepts[p.units[a].concept].kind != t.concepts[p.units[b].concept].kind &&
					(a == bi || t.listed(s, gi, a)) && (b == bj || t.listed(s, gj, b)) {
					pair(p.units[a], p.units[b])
				}
			}
		}
	}
	return out
}

// listed reports whether unit u of group g is an item of a list: a comma
// or a conjunction separates it from a neighbour in the group, not "of"
// or a plain juxtaposition ("flares of <condition>", "<X> flares").
func (t *Tagger) listed(s *scratch, g, u int) bool {
	p := &s.pairs
	sep := func(v, w int) bool { // units v < w
		for k := p.units[v].b; k <= p.units[w].a && int(k) < len(s.toks); k++ {
			if s.toks[k].flags&flagClause != 0 || k < p.units[w].a && t.hasClass(s.toks[k], clsConj) {
				return true
			}
		}
		return false
	}
	gr := p.groups[g]
	return u > gr.first && p.units[u-1].b <= p.units[u].a && sep(u-1, u) ||
		u+1 < gr.last && p.units[u].b <= p.units[u+1].a && sep(u, u+1)
}

// groupOf returns the group that holds unit u, or -1.
func (p *pairScratch) groupOf(u int) int {
	for g, gr := range p.groups {
		if gr.first <= u && u < gr.last {
			return g
		}
	}
	return -1
}

// sameCommunity reports whether unit u is the community and v an imbalance
// or a diversity that took in a mention of it, or of the primary site's
// community: a property of the community is no second argument ("a less
// diverse <community>, with fewer <taxon>", "the <community> became more
// diverse").
func (t *Tagger) sameCommunity(u, v pairUnit) bool {
	return v.absorbed >= 0 && u.concept == v.absorbed ||
		u.concept == t.community && (v.concept == t.imbalance || v.concept == t.diversity)
}

// changeNounBefore returns the direction bits of a noun of change
// ("reduction in", "improvement in", "increase in") that comes before the
// comparative of hits[i] in its clause, as the subject it compares ("the
// mean reduction in Y was 83% greater in the X group"), or 0.
func (t *Tagger) changeNounBefore(s *scratch, text string, hits []cueHit, i int) uint32 {
	toks := s.toks
	h := hits[i]
	for j := i - 1; j >= 0; j-- {
		g := hits[j]
		if int(h.tok)-int(g.end) > 12 || clauseBetween(toks, int(g.end), int(h.tok)) || g.bits&cueClauseBreak != 0 {
			return 0
		}
		if g.bits&(cueInc|cueDec) == 0 {
			continue
		}
		if w := text[toks[g.tok].start:toks[g.tok].end]; t.nounEnding(w) || g.tok > 0 && t.hasClass(toks[g.tok-1], clsArticle) {
			return g.bits & (cueInc | cueDec | cueHarm | cueHelp)
		}
		return 0
	}
	return 0
}

// strength says how plainly predicate pr states a relation: a verb that
// gives a direction most, a verb of association or a denial less, a
// comparison, a noun ("the effect of", "a role in") or "have" least.
func (t *Tagger) strength(pr *predicate) float64 {
	switch {
	case pr.hyphen:
		return 0.8
	case pr.compare:
		return 0.8
	case pr.bits&cueTopic != 0 || pr.bits&cueRole != 0:
		return 0.75
	case pr.bits&(cueInc|cueDec) != 0:
		return 1
	case pr.denial:
		return 0.95
	case pr.bits&cueAssoc != 0:
		return 0.9
	}
	return 0.7
}

// kindOrder ranks kinds for the subject of an association: an
// intervention before a mechanism before a condition.
func (t *Tagger) kindOrder(c int32) int {
	switch t.concepts[c].kind {
	case kindIntervention:
		return 2
	case kindMechanism:
		return 1
	}
	return 0
}

// pairUnits collects the sentence's mentions as units. A mention of the
// community next to an imbalance or a diversity of it is part of that
// phrase ("altered <community>", "<community> diversity"): the imbalance
// or the diversity is the argument. An imbalance read from a lost
// diversity stays the diversity.
func (t *Tagger) pairUnits(s *scratch, from, to, firstMent int, hits []cueHit) {
	p := &s.pairs
	p.units = p.units[:0]
	for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
		if m := s.ments[j]; !m.dropped && m.flags&entLostDiversity == 0 {
			p.units = append(p.units, t.pairUnit(s, m, from, to, hits))
		}
	}
	t.absorbUnits(s, hits)
	slices.SortStableFunc(p.units, func(x, y pairUnit) int { return int(x.a - y.a) })
	// A synonym that ends in a hyphenated relation word before another
	// concept ("<X>-related <Y>") is that concept's cause, not an item
	// of a list: the relation word is a predicate of its own.
	for i := range p.units {
		u := &p.units[i]
		for _, h := range hits {
			if h.end == u.b && h.tok > u.a && t.hyphenTail(s, s.text, h) {
				u.b = h.tok
			}
		}
	}
	// A relation word right after a unit and before a conjunction or the
	// end of the clause is a noun of the unit's phrase ("<barrier> repair
	// and <health>"): the unit takes it.
	for i := range p.units {
		u := &p.units[i]
		for _, h := range hits {
			if h.tok == u.b && h.bits&relationBits != 0 && s.toks[h.tok].flags&flagHard == 0 && t.nounAfterUnit(s, h, to) {
				u.b = h.end
				if h.bits&cueNegRel == 0 {
					u.tail = h.bits & (cueInc | cueDec | cueHelp | cueHarm)
				}
			}
		}
	}
}

// pairUnit makes mention m a unit: where it stands, whether a less-word
// qualifies it, whether it was given to a group (an exposure verb before
// it, the arm of a trial) and whether a verb before it made an imbalance
// of it.
func (t *Tagger) pairUnit(s *scratch, m mention, from, to int, hits []cueHit) pairUnit {
	toks := s.toks
	u := pairUnit{a: m.tokStart, b: m.tokEnd, concept: m.concept, inverse: m.flags&entInverse != 0, absorbed: -1}
	if m.flags&entModifier != 0 && !t.postModifier(s, m) {
		// An imbalance read from a verb ("X disrupts the <community>")
		// stands where the community does, after the verb.
		for _, h := range hits {
			if h.tok == u.a && h.bits&relationBits != 0 && h.end < u.b &&
				(int(h.tok) <= from || !t.hasClass(toks[h.tok-1], clsArticle|clsDeterminer)) {
				// ("the altered <community>" is an adjective: the
				// imbalance keeps its word)
				// "have altered <community>" is a state, not a making
				u.a, u.made = h.end, h.tok == 0 || !t.hasClass2(toks[h.tok-1], cl2Have) && !t.hasClass(toks[h.tok-1], clsCopula)
			}
		}
	}
	if k := int(m.tokStart) - 1; k >= from && t.hasClass(toks[k], clsLess) && toks[m.tokStart].flags&flagHard == 0 {
		u.less = true
	}
	if k := int(m.tokEnd); k < to && t.hasClass(toks[k], clsLess) && toks[k].flags&flagHard == 0 {
		u.less = true // "<community> depletion"
	}
	if e := int(m.tokEnd); e < to && toks[e].flags&flagHard == 0 && t.hasClass2(toks[e], cl2NeutralChange) {
		u.neutral = true // "<Y> modulation"
	}
	k := int(m.tokStart) - 1
	if k > from && t.hasClass(toks[k], clsArticle|clsDeterminer) {
		k--
	}
	if k >= from && t.hasClass2(toks[k], cl2NeutralChange) {
		u.neutral = true // "modulated (the) <Y>"
	}
	if k > from && t.hasClass2(toks[k], cl2PairOf|cl2FindingPrep) && t.hasClass2(toks[k-1], cl2NeutralChange) &&
		toks[k].flags&flagHard == 0 {
		u.neutral = true // "the variation of (the) <Y>"
	}
	if t.avoided(s, m.tokStart, m.tokEnd, from, to) {
		u.withheld = true // "cutting out X", "lowering Y", "X withdrawal", "after X was stopped"
	}
	if t.concepts[m.concept].kind == kindIntervention {
		for k := int(m.tokStart) - 1; k >= from && k >= int(m.tokStart)-3; k-- {
			if t.hasClass2(toks[k], cl2Exposure) {
				u.given = true
				u.withheld = u.withheld || t.negatorBefore(hits, int32(k), int32(from))
			}
		}
		k := int(m.tokStart) - 1
		if k > from && t.hasClass(toks[k], clsArticle|clsDeterminer) {
			k--
		}
		if k > from && t.hasClass(toks[k], clsNegWord) && t.hasClass2(toks[k-1], cl2Population) && toks[k].flags&flagHard == 0 {
			u.given, u.withheld = true, true // "mice without (the) X"
		}

		// the arm of a trial: "the <X> arm", "<X>-treated <animals>"
		if e := int(m.tokEnd); e < to && toks[e].flags&flagHard == 0 {
			u.given = u.given || t.hasClass2(toks[e], cl2Arm) ||
				e+1 < to && t.edForm(s, int32(e)) && t.hasClass2(toks[e+1], cl2Population) ||
				t.edForm(s, int32(e-1)) && t.hasClass2(toks[e], cl2Population)
		}
	}
	return u
}

// avoided reports whether a word of avoidance or stopping stands before
// the mention of tokens [a, b), past particles, articles and adjectives
// ("cutting back on X", "avoiding processed X", "the elimination of X"),
// or after it ("X withdrawal", "after X was stopped"): what the sentence
// says of it is what X's absence does, as for an arm not given X
// (docs/ANNOTATION.md).
func (t *Tagger) avoided(s *scratch, a, b int32, from, to int) bool {
	toks := s.toks
	if int(b) < to && toks[b].flags&flagHard == 0 {
		// after it: "<X> withdrawal", "<X> was discontinued"
		if t.hasClass(toks[b], clsAvoid) && !t.ingForm(s, b) && !t.edForm(s, b) && toks[b].start == toks[b-1].end+1 {
			return true
		}
		if int(b)+1 < to && t.hasClass2(toks[b], cl2PassiveAux) && t.hasClass(toks[b+1], clsAvoidParticiple) {
			return true
		}
	}
	for k := a - 1; k >= int32(from) && k >= a-4; k-- {
		if toks[k+1].flags&flagHard != 0 {
			return false
		}
		if t.hasClass(toks[k], clsAvoid) {
			return true
		}
		if !t.hasClass(toks[k], clsAvoidParticle|clsArticle|clsDeterminer|clsAdjective) && !t.hasClass2(toks[k], cl2PairOf) {
			return false
		}
	}
	return false
}

// negatorBefore reports whether a negator ends right before token k, or
// one word before it ("did not receive", "were never given").
func (t *Tagger) negatorBefore(hits []cueHit, k, from int32) bool {
	for _, h := range hits {
		if h.bits&cueNeg != 0 && h.bits&cuePseudo == 0 && h.tok >= from && (h.end == k || h.end == k-1) {
			return true
		}
	}
	return false
}

// absorbUnits drops the units that are part of another's phrase: a
// metabolite that names its producers ("<metabolite> producers",
// "<metabolite>-producing <microbes>"), and a community whose imbalance or
// diversity is named with it ("the richness of the <community>"), which
// takes the community's span.
func (t *Tagger) absorbUnits(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	if t.community < 0 {
		return
	}
	if t.metabolite >= 0 {
		for i := range p.units {
			u := &p.units[i]
			if u.concept != t.metabolite {
				continue
			}
			for j := range p.units {
				if v := p.units[j]; v.concept == t.community && v.a >= u.b && v.a <= u.b+1 &&
					(t.hasClass(toks[v.a], clsProducing) || v.a > u.b && t.hasClass(toks[u.b], clsProducing)) {
					u.concept = -1
				}
			}
		}
	}
	for i := range p.units {
		u := &p.units[i]
		if u.concept != t.community && u.concept != t.communityAlt {
			continue
		}
		for j := range p.units {
			v := &p.units[j]
			if j == i || v.concept != t.imbalance && v.concept != t.diversity || v.concept == -1 {
				continue
			}
			gap := max(v.a-u.b, u.a-v.b)
			if gap > 3 || t.cueBetween(hits, min(u.b, v.b), max(u.a, v.a)) {
				continue
			}
			v.a, v.b = min(v.a, u.a), max(v.b, u.b)
			v.absorbed = u.concept
			u.concept = -1 // absorbed
			break
		}
	}
	p.units = slices.DeleteFunc(p.units, func(u pairUnit) bool { return u.concept < 0 })
}

// postModifier reports whether imbalance mention m starts with a
// participle right after a mention of the community ("a <community>
// depleted of ..."): it qualifies that community, no verb.
func (t *Tagger) postModifier(s *scratch, m mention) bool {
	k := m.tokStart - 1
	if k < 0 || !t.edForm(s, m.tokStart) {
		return false
	}
	n := s.tokMent[k]
	return n >= 0 && !s.ments[n].dropped && s.ments[n].tokEnd == m.tokStart &&
		(s.ments[n].concept == t.community || s.ments[n].concept == t.communityAlt)
}

// nounAfterUnit reports whether cue h, right after a unit, ends its phrase:
// a conjunction, clause punctuation, a preposition ("<barrier> damage in
// rats") or the sentence's end follows it.
func (t *Tagger) nounAfterUnit(s *scratch, h cueHit, to int) bool {
	e := int(h.end)
	if h.end-h.tok == 1 && (t.edForm(s, h.tok) || t.hasClass2(s.toks[h.tok], cl2IrregularPast)) {
		return false // a verb in the past: "<Y> increased and <Z> fell"
	}
	return e >= to || s.toks[e].flags&flagHard != 0 || t.hasClass(s.toks[e], clsConj) || t.hasClass2(s.toks[e], cl2Than) ||
		h.end-h.tok == 1 && !t.ending(s, h.tok, t.pluralEnd) && !t.edForm(s, h.tok) && !t.ingForm(s, h.tok) &&
			!t.hasClass2(s.toks[h.tok], cl2OutcomeVerb|cl2IrregularPast) &&
			t.hasClass2(s.toks[e], cl2PairOf|cl2PairObjectPrep) && !t.hasClass2(s.toks[e], cl2PairCausePrep)
}

// cueBetween reports whether a relation cue starts in tokens [a, b).
func (t *Tagger) cueBetween(hits []cueHit, a, b int32) bool {
	for _, h := range hits {
		if h.tok >= a && h.tok < b && h.bits&relationBits != 0 {
			return true
		}
	}
	return false
}

// onCue reports whether a relation cue starts at token k.
func (t *Tagger) onCue(hits []cueHit, k int32) bool {
	for _, h := range hits {
		if h.tok == k && h.bits&relationBits != 0 {
			return true
		}
	}
	return false
}

// pairGroups joins consecutive units into groups: overlapping or adjacent
// ones, and those with only coordinators between ("X, Y and Z", "X as well
// as Y"), unless the second is the subject of a relation that follows it
// while the first is the object of one before it ("X reduced Y and Z
// improved W").
func (t *Tagger) pairGroups(s *scratch, hits []cueHit) {
	p := &s.pairs
	p.groups = p.groups[:0]
	toks := s.toks
	for i, u := range p.units {
		if n := len(p.groups); n > 0 {
			g := &p.groups[n-1]
			if u.a < g.b || u.a == g.b && toks[u.a].flags&flagHard == 0 || t.coordinated(s, hits, g, u) {
				g.b = max(g.b, u.b)
				g.last = i + 1
				continue
			}
		}
		p.groups = append(p.groups, pairGroup{a: u.a, b: u.b, first: i, last: i + 1})
	}
}

func (t *Tagger) coordinated(s *scratch, hits []cueHit, g *pairGroup, u pairUnit) bool {
	toks := s.toks
	last := s.pairs.units[g.last-1]
	if u.a == g.b || u.a == g.b+1 && toks[u.a].flags&flagClause != 0 && t.headNoun(s, hits, g.b) {
		// ("<X> symptoms, <Y> and <Z>": an item may end with a plain
		// noun of its own)
		// "X, Y and Z": a comma alone joins names of one kind
		// ("<condition>, <condition>"), not "... without X, Y did not ...".
		gap := strings.TrimSpace(s.text[toks[u.a-1].end:toks[u.a].start])
		if gap != "," && gap != "-," || g.a > 0 && t.cueEndsAt(hits, g.a, 3) && t.cueStartsAfter(hits, u.b, 3) {
			return false // ("-,": hanging prefixes listed, "pre-, pro- and synbiotics")
		}
		// Names of two kinds join when the list is what an association
		// relates ("acne, gut microbiota and inflammation are linked").
		return t.concepts[last.concept].kind == t.concepts[u.concept].kind ||
			!(g.a > 0 && t.hasClass2(toks[g.a-1], cl2FindingPrep|cl2PairObjectPrep|cl2RelPrep|cl2PairCausePrep)) && t.associatedList(s, hits, u)
	}
	if t.measureOfItem(s, hits, g.b, u.a) {
		return true // "reduced <Y> and the abundance of <Z>"
	}
	if u.a-g.b > 4 || u.a-g.b < 1 {
		return false
	}
	// "<X> face <Y>": a compound that names two things of one kind
	if u.a == g.b+1 && toks[g.b].flags&(flagHard|flagClause|flagDigit) == 0 && toks[u.a].flags&flagHard == 0 &&
		s.tokMent[g.b] < 0 && !t.onCue(hits, g.b) && (toks[g.b].id < 0 || t.hasClass(toks[g.b], clsSitePrimary|clsSiteSecondary) &&
		!t.hasClass2(toks[g.b], cl2PairCausePrep|cl2PairObjectPrep|cl2PairOf|cl2PairBy|cl2RelPrep)) &&
		t.concepts[last.concept].kind == t.concepts[u.concept].kind {
		return true
	}
	// "X, effective Y": a comma and an adjective; "X, impaired Y and Z":
	// a participle as an adjective, when the list goes on after Y
	if (u.a == g.b+1 || u.a == g.b+2 && t.sampleWord(s, g.b+1)) && strings.TrimSpace(s.text[toks[g.b-1].end:toks[g.b].start]) == "," &&
		(t.adjectiveWord(s, g.b) || t.edForm(s, g.b) && (t.listGoesOn(s, u) ||
			g.a > 1 && (t.edForm(s, g.a-1) || t.hasClass(toks[g.a-1], clsLess|clsComparative)) &&
				(t.hasClass2(toks[g.a-2], cl2Have) || t.hasClass(toks[g.a-2], clsCopula|clsArticle|clsDeterminer)))) &&
		t.concepts[last.concept].kind == t.concepts[u.concept].kind {
		// ("X, elevated serum Y and Z": a sample word between; "increased
		// X, elevated Y": participles in a series)
		return true
	}
	// "flares of <condition>": two names of one thing.
	if t.hasClass2(toks[g.b], cl2PairOf) && t.concepts[last.concept].kind == t.concepts[u.concept].kind {
		ok := true
		for k := g.b + 1; k < u.a; k++ {
			if !t.hasClass(toks[k], clsArticle) {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	for k := g.b; k < u.a; k++ {
		// a modifier right before the concept, after the conjunction:
		// "<X> and total <Y>"
		modifier := k == u.a-1 && k > g.b && t.hasClass(toks[k-1], clsConj) && toks[k].flags&(flagHard|flagDigit) == 0 &&
			(!t.onCue(hits, k) || t.nounCueBefore(s, int(k)-1, 0) || t.edForm(s, k) && (t.hadBefore(s, k-1, 0) || t.associatedBefore(s, k-1, 0) || t.listAdjectiveAt(s, hits, k)) ||
				u.less && t.hasClass(toks[k], clsLess|clsComparative) && t.comparativeBefore(s, hits, g.a))
		// the item's own head noun before the conjunction: "<Y> severity and <Z>"
		// (there a noun by its form: a plural or a noun ending, not
		// "<X>'s neurological and <Y> benefits")
		head := k == g.b && k+1 < u.a && t.hasClass(toks[k+1], clsConj) && t.headNoun(s, hits, k) && t.nounForm(s, k)
		if !t.hasClass2(toks[k], cl2PairCoordinator) && !t.hasClass(toks[k], clsConj|clsArticle) &&
			!(k == u.a-1 && t.adjectiveWord(s, k) && (!t.onCue(hits, k) || k > g.b && t.hasClass(toks[k-1], clsArticle|clsConj))) && !modifier && !head {
			return false
		}
		if toks[k].flags&flagHard != 0 && toks[k].flags&flagClause == 0 {
			return false
		}
	}
	if toks[u.a].flags&flagHard != 0 && toks[u.a].flags&flagClause == 0 {
		return false
	}
	// "X reduced Y and Z improved W": Z starts a clause of its own; so
	// does "<one concept>, and Z is reduced by ...", a comma and a
	// conjunction between concepts of two kinds.
	before := false // a relation before the list; a negator ("neither X nor Y") is none
	for _, h := range hits {
		if h.bits&(relationBits&^cueNegRel) != 0 && h.end <= g.a && g.a-h.end <= 3 {
			before = true
		}
	}
	after := false // a verb of Z's own, in its clause or a relative clause after it
	// A relative clause after a list of one kind speaks of the whole list;
	// after a list that mixes kinds, of its last item.
	mixed := false
	for i := g.first; i < g.last; i++ {
		mixed = mixed || t.concepts[s.pairs.units[i].concept].kind != t.concepts[u.concept].kind
	}
	rel := mixed && int(u.b) < len(toks) && t.hasClass2(toks[u.b], cl2Relative)
	for _, h := range hits {
		if h.bits&relationBits != 0 && h.tok >= u.b && h.tok-u.b < 3 && (rel || !clauseBetween(toks, int(u.b), int(h.tok))) &&
			!(h.tok > u.b && (t.hasClass(toks[h.tok-1], clsConj) || t.onCueBits(hits, h.tok-1, cueContrast))) {
			// ("X reduced Y and Z and raised W", "... Z but did not
			// affect W": a verb after a conjunction is coordinated with
			// the one before, not Z's)
			after = true
		}
	}
	comma := false
	for k := g.b; k <= u.a; k++ {
		comma = comma || toks[k].flags&flagClause != 0
	}
	if comma && after && g.last-g.first == 1 && t.concepts[last.concept].kind != t.concepts[u.concept].kind {
		return false
	}
	return !(before && after)
}

// headNoun reports whether token k, right after a concept, is a plain
// noun that ends its phrase ("<Y> symptoms"): a word outside the
// taxonomy and the cues, no adjective, connective, preposition,
// population word or word of change ("<Y> modulation" names a change of
// Y, no item).
func (t *Tagger) headNoun(s *scratch, hits []cueHit, k int32) bool {
	tk := s.toks[k]
	return s.tokMent[k] < 0 && !t.onCue(hits, k) && !t.adjectiveEnding(s.text[tk.start:tk.end]) && tk.flags&(flagHard|flagDigit|flagClause) == 0 && tk.flags&flagLetter != 0 &&
		!t.hasClass(tk, clsConj|clsArticle|clsDeterminer|clsLess|clsComparative|clsChange) &&
		!t.hasClass2(tk, cl2NeutralChange|cl2PairCoordinator|cl2Population|cl2PairOf|cl2PairBy|cl2PairObjectPrep|cl2PairCausePrep|cl2RelPrep|cl2Relative|cl2Modal|cl2Than)
}

// nounForm reports whether token k looks like a noun by its form: a
// plural ("scores") or a noun ending ("severity").
func (t *Tagger) nounForm(s *scratch, k int32) bool {
	w := strings.ToLower(s.text[s.toks[k].start:s.toks[k].end])
	return t.nounEnding(w) || t.morph.plural([]byte(w))
}

// listGoesOn reports whether unit u is followed by a comma or a
// conjunction and another concept of its kind ("..., impaired <Y> and
// <Z>"): u is an item in the middle of a list.
func (t *Tagger) listGoesOn(s *scratch, u pairUnit) bool {
	toks := s.toks
	k := u.b
	if int(k)+1 < len(toks) && t.headNoun(s, s.cueHits, k) {
		k++ // "<Y> function and <Z>"
	}
	if int(k) >= len(toks) || !(toks[k].flags&flagClause != 0 || t.hasClass(toks[k], clsConj)) {
		return false
	}
	for j := k; int(j) < len(toks) && j < k+3; j++ {
		if m := s.tokMent[j]; m >= 0 {
			return t.concepts[s.ments[m].concept].kind == t.concepts[u.concept].kind
		}
		if !t.hasClass(toks[j], clsConj|clsArticle|clsAdjective) && j > k {
			return false
		}
	}
	return false
}

// associatedList reports whether unit u, after a comma, heads the rest of a
// list closed by "and" or "or" whose items an association cue right after
// relates among themselves ("<X>, <Y>, and <Z> may be interrelated").
func (t *Tagger) associatedList(s *scratch, hits []cueHit, u pairUnit) bool {
	toks := s.toks
	end := u.b
	closed := false
	units := s.pairs.units
	first, _ := slices.BinarySearchFunc(units, end, func(v pairUnit, k int32) int { return int(v.a - k) })
	// A list of more than a dozen names is no such list, and the bound
	// keeps a sentence of endless commas linear.
list:
	for _, v := range units[first:min(len(units), first+12)] {
		switch {
		case v.a == end && strings.TrimSpace(s.text[toks[end-1].end:toks[v.a].start]) == ",":
			end = v.b
		case v.a == end+1 && t.hasClass(toks[end], clsConj) &&
			strings.TrimSpace(s.text[toks[end].end:toks[v.a].start]) == "" &&
			strings.Trim(s.text[toks[end-1].end:toks[end].start], " ,") == "":
			// the closing conjunction, maybe after a comma
			end, closed = v.b, true
			break list
		default:
			break list
		}
	}
	if !closed {
		return false
	}
	for _, h := range hits {
		if h.bits&cueAssoc != 0 && h.tok >= end && h.tok-end <= 3 {
			return true
		}
	}
	return false
}

// measureOfItem reports whether tokens [a, b) between two concepts join
// them as items of one list whose second item is named by a measure of
// it: maybe a noun of the first item's phrase, a conjunction, an article,
// one or two plain words and "of", maybe one more plain word ("<Y>
// (composition) and the levels of faecal <Z>"). Without the article the
// two nouns share the "of" ("the diversity and composition of <Z>").
func (t *Tagger) measureOfItem(s *scratch, hits []cueHit, a, b int32) bool {
	toks := s.toks
	if b-a >= 4 && s.tokMent[a] < 0 && !t.onCue(hits, a) && toks[a].flags&(flagHard|flagDigit) == 0 && toks[a].flags&flagLetter != 0 &&
		t.hasClass(toks[a+1], clsConj) {
		a++ // "<Y> composition and the levels of <Z>"
	}
	if b-a < 4 || b-a > 6 || !t.hasClass(toks[a], clsConj) || toks[a].flags&flagHard != 0 && toks[a].flags&flagClause == 0 ||
		!t.hasClass(toks[a+1], clsArticle|clsDeterminer) {
		return false
	}
	k := a + 2
	of := int32(-1)
	for j := k; j < b; j++ {
		if s.tokMent[j] >= 0 || t.onCue(hits, j) || toks[j].flags&(flagHard|flagDigit) != 0 || toks[j].flags&flagLetter == 0 {
			return false
		}
		if of < 0 && t.hasClass2(toks[j], cl2PairOf) {
			of = j
		}
	}
	return of > k && of-k <= 2 && b-of <= 2
}

// cueEndsAt reports whether a relation cue ends within n tokens before
// token k.
func (t *Tagger) cueEndsAt(hits []cueHit, k int32, n int32) bool {
	for _, h := range hits {
		if h.bits&relationBits != 0 && h.end <= k && k-h.end <= n {
			return true
		}
	}
	return false
}

// cueStartsAfter reports whether a relation cue starts within n tokens
// from token k.
func (t *Tagger) cueStartsAfter(hits []cueHit, k int32, n int32) bool {
	for _, h := range hits {
		if h.bits&relationBits != 0 && h.tok >= k && h.tok-k < n {
			return true
		}
	}
	return false
}

// predicates picks the relation cues that state a relation between
// concepts: not a cue inside a synonym ("anti-" of a diet's name), not an
// adjective before its noun ("reduced diversity is linked to ..."), not a
// denial that only qualifies the relation after it ("failed to improve").
func (t *Tagger) predicates(s *scratch, text string, hits []cueHit, from, to int) {
	p := &s.pairs
	p.preds = p.preds[:0]
	toks := s.toks
	skip := int32(-1) // a noun of change a lowering verb took ("prevented the increase in")
	for i, h := range hits {
		if h.bits&relationBits == 0 || h.bits&cueNeutral != 0 || h.tok == skip {
			continue
		}
		if h.bits&cueRole != 0 && h.bits&(relationBits&^cueRole) == 0 &&
			!t.roleIsRelation(s, int(h.tok), from) && !t.topicUsedAsVerb(s, h, from, to) {
			continue
		}
		inside := false
		for k := h.tok; k < h.end; k++ {
			if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped && s.ments[m].flags&(entModifier|entRule) == 0 {
				inside = true
			}
		}
		inside = inside && !t.hyphenTail(s, text, h)
		if inside || t.adjective(s, text, h, from) || t.populationParticiple(s, text, h, from) || t.inUnit(s, h.tok) ||
			t.armParticiple(s, text, h) {
			continue
		}
		if i+1 < len(hits) && hits[i+1].tok == h.end && hits[i+1].bits&cueTopic != 0 && h.bits&(cueInc|cueDec) != 0 &&
			hits[i+1].bits&(cueInc|cueDec) == 0 {
			continue // "a protective effect": the noun takes the adjective's direction
		}
		if i+1 < len(hits) && hits[i+1].tok == h.end && hits[i+1].bits&relationBits != 0 && h.end-h.tok == 1 &&
			int(h.tok) > from && t.hasClass(toks[h.tok-1], clsArticle) {
			continue // "a clear benefit": a word between an article and its noun is no verb
		}
		if t.hasClass2(toks[h.tok], cl2Than) && h.bits&(relationBits&^cueCompar) == 0 {
			continue // "than in controls" completes a comparative; it relates nothing itself
		}
		if h.end-h.tok == 1 && h.bits&(cueInc|cueDec) == 0 && int(h.tok) > from &&
			(t.hasClass2(toks[h.tok-1], cl2Than) || i > 0 && hits[i-1].end == h.tok && hits[i-1].end-hits[i-1].tok > 1 && hits[i-1].bits&cueSignif != 0) {
			continue // "compared with controls", "versus controls": the group compared, a noun
		}
		if h.end-h.tok == 1 && int(h.end) < to && t.hasClass(toks[h.tok], clsLess|clsComparative) && !t.edForm(s, h.tok) && s.tokMent[h.end] >= 0 &&
			(int(h.tok) == from || toks[h.tok].flags&flagClause != 0 || t.hasClass(toks[h.tok-1], clsArticle|clsDeterminer|clsConj) ||
				t.hasClass2(toks[h.tok-1], cl2PairCausePrep|cl2PairObjectPrep|cl2PairOf)) &&
			!(int(h.tok) > from+1 && t.hasClass2(toks[h.tok-1], cl2PurposeTo) && t.hasClass2(toks[h.tok-2], cl2Raising) &&
				!t.onCue(hits, h.tok-2)) {
			// ("known to lower <X>", "able to lower <X>": an infinitive)
			continue // "Lower <X> correlated with higher <Y>": adjectives of the concepts
		}
		if t.listAdjective(s, hits, i, from, to) {
			continue // "<X> and increased <Y> were found in ...": a list of two nouns
		}
		if h.end-h.tok == 1 && int(h.tok) > from+1 && i > 0 && t.hasClass(toks[h.tok], clsLess|clsComparative) &&
			t.hasClass2(toks[h.tok-1], cl2PairObjectPrep) && hits[i-1].end == h.tok-1 && hits[i-1].bits&cueAssoc != 0 &&
			hits[i-1].bits&(cueInc|cueDec) == 0 {
			continue // "associated with lower levels of Y": an adjective of the association's object
		}
		if n := len(p.preds); n > 0 && h.end-h.tok == 1 && p.preds[n-1].end == h.tok && t.hasClass2(toks[h.tok], cl2PairObjectPrep) &&
			p.preds[n-1].bits&(cueHelp|cueDec|cueInc|cueHarm) != 0 && !p.preds[n-1].hyphen {
			prev := &p.preds[n-1]
			prev.end = h.end // "protect against": the verb's preposition, no cue of its own
			if k, dir := t.loweredChange(s, hits, i, to); dir != 0 {
				// "protected against the increase in Y"
				skip = k
				prev.anaphoric = t.clauseEndsAt(s, k+1, to)
				if dir < 0 {
					prev.bits = prev.bits&^(cueDec|cueHelp) | cueInc
				}
			}
			continue
		}
		if h.end-h.tok == 1 && int(h.tok) > from && int(h.end) < to && t.hasClass(toks[h.tok-1], clsArticle) &&
			t.adjectiveEnding(text[toks[h.tok].start:toks[h.tok].end]) && s.tokMent[h.end] < 0 && !t.onCue(hits, h.end) &&
			toks[h.end].flags&flagHard == 0 {
			continue // "the therapeutic use of X": an adjective of a noun outside the taxonomy
		}
		pr := predicate{tok: h.tok, end: h.end, bits: h.bits, subj: -1, obj: -1, obj2: -1, within: -1, via: -1, collect: -1}
		if k := int(h.tok); k > from && toks[k].flags&flagHard == 0 && toks[k].start > toks[k-1].end &&
			text[toks[k].start-1] == '-' {
			// "<X>-induced <Y>": X before the hyphen, Y after the cue.
			pr.hyphen = true
		}
		// "X prevented/attenuated the increase in Y": the verb lowers Y and
		// the noun of change is its object's head; "X prevented the loss
		// of Y" raises Y.
		if k, dir := t.loweredChange(s, hits, i, to); dir != 0 {
			skip = k
			pr.anaphoric = t.clauseEndsAt(s, k+1, to)
			if dir < 0 {
				pr.bits = pr.bits&^(cueDec|cueHelp) | cueInc
			}
		} else if k, dir := t.loweredChangeBefore(s, hits, i, from, to); dir != 0 {
			p.preds = slices.DeleteFunc(p.preds, func(q predicate) bool { return q.tok == k })
			if dir < 0 {
				pr.bits = pr.bits&^(cueDec|cueHelp) | cueInc
			}
		}
		// "less likely to develop <Y>": the comparative of likelihood
		// before the verb gives it its direction, and the verb relates
		if k := int(h.tok) - 1; i > 0 && k > from && hits[i-1].end == h.tok-1 && hits[i-1].bits&cueCompar != 0 &&
			t.hasClass2(toks[k], cl2PurposeTo) && h.bits&(cueInc|cueDec) != 0 {
			prev := hits[i-1].tok
			p.preds = slices.DeleteFunc(p.preds, func(q predicate) bool { return q.tok == prev })
			if t.hasClass(toks[prev], clsLess) {
				pr.bits = flipDirection(pr.bits)
			}
		}
		// "beneficially alters <Y>", "adversely affects <Y>": an adverb
		// gives a verb of change without direction the sense of helping
		// or of harming; not before a preposition ("positively
		// associated with <Y>" stays an association).
		if k := int(h.tok) - 1; k >= from && h.bits&(cueInc|cueDec) == 0 && h.bits&cueAssoc != 0 &&
			(int(h.end) >= to || !t.hasClass2(toks[h.end], cl2PairObjectPrep|cl2PairBy|cl2RelPrep)) {
			switch {
			case t.hasClass2(toks[k], cl2HelpAdverb):
				pr.bits = pr.bits&^cueAssoc | cueDec | cueHelp
			case t.hasClass2(toks[k], cl2HarmAdverb):
				pr.bits = pr.bits&^cueAssoc | cueInc | cueHarm
			}
		}
		pr.compare = h.bits&cueCompar != 0 && t.comparison(s, h, from, to)
		pr.less = t.hasClass(toks[h.tok], clsLess)
		if h.bits&cueCompar != 0 {
			pr.noun = t.changeNounBefore(s, text, hits, i)
		}
		pr.adjective = h.end-h.tok == 1 && t.hasClass(toks[h.tok], clsLess|clsComparative)
		if pr.adjective && t.edForm(s, h.tok) && int(h.tok) > from {
			k := h.tok - 1
			for k > int32(from) && t.ending(s, k, t.adverbEnd) && s.tokMent[k] < 0 {
				k--
			}
			if int(h.end) < to && !t.hasClass2(toks[h.end], cl2FindingPrep|cl2PairBy) && toks[h.tok].flags&flagClause == 0 &&
				!t.hasClass(toks[k], clsCopula|clsArticle|clsDeterminer|clsConj) &&
				!t.hasClass2(toks[k], cl2PassiveAux|cl2Have|cl2PairObjectPrep|cl2PairCausePrep|cl2FindingPrep|cl2PairOf|cl2PairBy|cl2Modal) {
				pr.adjective = false // "X (significantly) reduced Y": a finite verb after its subject
			}
		}
		// "a protective effect of X on Y": the adjective gives the noun its
		// direction.
		if h.bits&cueTopic != 0 && i > 0 && hits[i-1].end == h.tok && hits[i-1].bits&(cueInc|cueDec) != 0 {
			pr.bits |= hits[i-1].bits & (cueInc | cueDec | cueHarm | cueHelp)
		}
		if h.bits&cueNegRel != 0 {
			// A denial relates by itself unless a relation follows it in
			// its clause ("failed to improve").
			pr.denial = true
			for _, g := range hits[i+1:] {
				if int(g.tok) >= int(h.end)+negScope || clauseBetween(toks, int(h.end), int(g.tok)) || g.bits&cueClauseBreak != 0 {
					break
				}
				if g.bits&(relationBits&^cueNegRel) != 0 {
					pr.denial = false
					break
				}
			}
			if !pr.denial {
				continue
			}
		}
		p.preds = append(p.preds, pr)
	}
	// "X was inversely associated with the risk of Y": the adverb turns
	// the risk down.
	for i := 1; i < len(p.preds); i++ {
		pr, prev := &p.preds[i], &p.preds[i-1]
		if pr.bits&cueTopic == 0 || pr.bits&(cueInc|cueDec) != cueInc || prev.bits&cueAssoc == 0 || prev.bits&(cueInc|cueDec) != 0 ||
			pr.tok-prev.end > 3 || int(prev.tok) <= from {
			continue
		}
		if k := prev.tok - 1; t.hasClass2(toks[k], cl2InverseAdverb) || k > int32(from) && t.hasClass2(toks[k-1], cl2InverseAdverb) && t.ending(s, k, t.adverbEnd) {
			pr.bits = pr.bits&^(cueInc|cueHarm) | cueDec
		}
	}
	// "patients with X had Y"
	if len(p.preds) == 0 && t.possession(s, from, to) {
		for k := from + 1; k < to; k++ {
			if t.hasClass2(toks[k], cl2Have) {
				p.preds = append(p.preds, predicate{tok: int32(k), end: int32(k + 1), bits: cueAssoc, subj: -1, obj: -1, obj2: -1, within: -1, via: -1, collect: -1})
				break
			}
		}
	} else if len(p.preds) == 0 {
		// "The X-treated group had (exhibited) Y": what the arm given an
		// intervention has is the intervention's effect.
		for k := from + 1; k < to; k++ {
			if t.hasClass2(toks[k], cl2Have) {
				if t.givenArmBefore(s, int32(k), from) {
					p.preds = append(p.preds, predicate{tok: int32(k), end: int32(k + 1), bits: cueInc, subj: -1, obj: -1, obj2: -1, within: -1, via: -1, collect: -1})
				}
				break
			}
		}
	}
	t.propertyPredicates(s, from, to)
	t.findingPredicates(s, hits, from, to)
}

// findingPredicates adds a predicate for a finding in people named by
// their condition ("..., and reduced <Y> levels have been reported in
// patients with <condition>"): Y is associated with the condition, as the
// nearest concepts would be paired in a sentence that says nothing else.
func (t *Tagger) findingPredicates(s *scratch, hits []cueHit, from, to int) {
	p := &s.pairs
	toks := s.toks
	for _, h := range hits {
		if h.bits&cueFound == 0 || h.bits&relationBits != 0 || h.end-h.tok != 1 || int(h.end)+1 >= to ||
			!t.hasClass2(toks[h.end], cl2FindingPrep) {
			continue
		}
		og := p.groupAfter(h.end+1, int32(to))
		if og < 0 || p.groups[og].a > h.end+4 || !t.groupHasKind(s, og, kindCondition) {
			continue
		}
		sa, _ := segment(s, h.tok)
		sg := p.groupBefore(h.tok, sa)
		if sg < 0 || t.groupHasKind(s, sg, kindCondition) {
			continue
		}
		taken := false
		for _, pr := range p.preds {
			taken = taken || pr.tok >= p.groups[sg].b && pr.tok < p.groups[og].a
		}
		if taken {
			continue
		}
		pr := predicate{tok: h.tok, end: h.end, bits: cueAssoc, compare: true, population: true, subj: -1, obj: -1, obj2: -1, within: -1, via: -1, collect: -1}
		i, _ := slices.BinarySearchFunc(p.preds, pr.tok, func(q predicate, tok int32) int { return int(q.tok - tok) })
		p.preds = slices.Insert(p.preds, i, pr)
	}
}

// ownedEffectAt returns the predicate of the noun of effect at token k
// that belongs to a property's owner (propertyPredicates), else -1.
func (t *Tagger) ownedEffectAt(s *scratch, k int32) int {
	for q, pr := range s.pairs.preds {
		if pr.tok == k && pr.owner > 0 {
			return q
		}
	}
	return -1
}

// listAdjective reports whether cue hit i is a participle used as the
// adjective of the second item of a list that opens its clause ("<X> and
// increased <Y> were found in ..."): no relation or verb comes before it.
func (t *Tagger) listAdjective(s *scratch, hits []cueHit, i, from, to int) bool {
	toks := s.toks
	h := hits[i]
	k := int(h.tok)
	if h.end-h.tok != 1 || k < from+2 || int(h.end) >= to || !t.edForm(s, h.tok) || !t.hasClass(toks[k-1], clsConj) ||
		s.tokMent[k-2] < 0 || s.tokMent[h.end] < 0 || toks[k].flags&flagHard != 0 {
		return false
	}
	for _, g := range hits[:i] {
		if int(g.tok) >= from && g.bits&(relationBits|cueVerb) != 0 {
			return false
		}
	}
	// the list is the subject of a verb after it
	for _, g := range hits[i+1:] {
		if int(g.tok) < to && g.bits&(relationBits|cueVerb|cueFound) != 0 {
			return true
		}
	}
	return false
}

// particleEnd returns the end of the split cue's particle that starts at
// token k ("in check" of "keeps <Y> in check"), else k.
func particleEnd(s *scratch, k int32) int32 {
	for _, p := range s.particles {
		if p[0] == k {
			return p[1]
		}
	}
	return k
}

// listAdjectiveAt is listAdjective for the cue hit at token k, in the
// sentence of k.
func (t *Tagger) listAdjectiveAt(s *scratch, hits []cueHit, k int32) bool {
	from, to := int(k), int(k)
	for from > 0 && s.tokSent[from-1] == s.tokSent[k] {
		from--
	}
	for to < len(s.toks) && s.tokSent[to] == s.tokSent[k] {
		to++
	}
	for i, h := range hits {
		if h.tok == k {
			return t.listAdjective(s, hits, i, from, to)
		}
	}
	return false
}

// propertyPredicates adds a predicate for "X has <Y-adjective> effects"
// ("zinc has anti-inflammatory effects", "X exerts pro-inflammatory
// actions"): the property's concept is what X moves, in the direction
// its wording gives (an "anti-" word lowers it), and a verb after it
// ("... and may improve Z", "... that could help in Z") shares X.
func (t *Tagger) propertyPredicates(s *scratch, from, to int) {
	p := &s.pairs
	toks := s.toks
	for k := from + 1; k+2 < to; k++ {
		if !t.hasClass2(toks[k], cl2Have) || s.tokMent[k-1] < 0 && !t.hasClass(toks[k-1], clsEffectNoun|clsAdjective) && !t.hasClass2(toks[k-1], cl2Modal) {
			continue
		}
		a := int(t.skipFillers(s, int32(k+1), int32(to), 2))
		m := s.tokMent[a]
		if a >= to || m < 0 || s.ments[m].dropped || int(s.ments[m].tokStart) != a {
			continue
		}
		e := int(s.ments[m].tokEnd)
		if e >= to || !t.hasClass(toks[e], clsEffectNoun) || toks[e].flags&flagHard != 0 {
			continue
		}
		taken := false
		for _, pr := range p.preds {
			taken = taken || pr.tok < int32(e) && pr.end > int32(k)
		}
		owner := p.groupBefore(int32(k), int32(from))
		if taken || owner < 0 {
			continue
		}
		for i := range p.preds {
			if p.preds[i].tok == int32(e) {
				p.preds[i].owner = owner + 1 // "effects on Z", "effects that help Z": X's
			}
		}
		bits := uint32(cueInc)
		for _, h := range s.cueHits {
			if int(h.tok) >= a && int(h.end) <= e && h.bits&cueDec != 0 && h.bits&cueInc == 0 {
				bits = cueDec // "anti-inflammatory"
			}
		}
		pr := predicate{tok: int32(k), end: int32(k + 1), bits: bits, subj: -1, obj: -1, obj2: -1, within: -1, via: -1, collect: -1}
		i, _ := slices.BinarySearchFunc(p.preds, pr.tok, func(q predicate, tok int32) int { return int(q.tok - tok) })
		p.preds = slices.Insert(p.preds, i, pr)
	}
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
}

// conversionProducts reads a verb of conversion with its product ("gut
// bacteria ferment <X> into <Z>", "<X> is fermented by <Y> into <Z>"):
// the product after "into" is what the verb raises, and the substance
// converted raises it too.
func (t *Tagger) conversionProducts(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	n := len(p.preds)
	for i := 0; i < n; i++ {
		pr := &p.preds[i]
		if pr.hyphen || pr.subj < 0 || pr.bits&cueInc == 0 || !t.conversionVerb(s, pr) {
			continue
		}
		product := -1
		k := pr.end
		if t.hasClass(toks[k-1], clsProductPrep) {
			k-- // "fermented into <Z> by <Y>"
		}
		for ; int(k) < to && k < pr.end+8; k++ {
			if k > pr.end && toks[k].flags&flagClause != 0 {
				break
			}
			if t.hasClass(toks[k], clsProductPrep) {
				if g := p.groupAfter(k+1, int32(to)); g >= 0 && p.groups[g].a == t.skipFillers(s, k+1, int32(to), 3) {
					product = g
				}
				break
			}
		}
		if product < 0 || product == pr.subj || product == pr.obj {
			continue
		}
		substrate := pr.obj
		pr.obj = product
		if substrate >= 0 && p.groups[substrate].b <= k && substrate != pr.subj {
			cp := *pr
			cp.subj = substrate
			p.preds = append(p.preds, cp)
			pr = &p.preds[i]
		}
	}
}

// conversionVerb reports whether predicate pr is a verb of conversion.
func (t *Tagger) conversionVerb(s *scratch, pr *predicate) bool {
	for k := pr.tok; k < pr.end; k++ {
		if t.hasClass(s.toks[k], clsConversion) {
			return true
		}
	}
	return false
}

// flipDirection turns the direction bits of a cue the other way: up for
// down, helping for harming.
func flipDirection(bits uint32) uint32 {
	out := bits &^ (cueInc | cueDec | cueHelp | cueHarm)
	if bits&cueInc != 0 {
		out |= cueDec
	}
	if bits&cueDec != 0 {
		out |= cueInc
	}
	if bits&cueHelp != 0 {
		out |= cueHarm
	}
	if bits&cueHarm != 0 {
		out |= cueHelp
	}
	return out
}

// loweredChange reads a verb that lowers its object followed by a noun of
// change and its preposition ("prevented the increase in", "attenuated
// the rise of", "counteracted the loss of"): it returns the noun's token
// and +1 for a noun of rise (the verb lowers the object, as it would
// alone), -1 for a noun of fall (the verb keeps the object up), else 0.
func (t *Tagger) loweredChange(s *scratch, hits []cueHit, i, to int) (int32, int) {
	toks := s.toks
	h := hits[i]
	if h.end-h.tok != 1 || h.bits&cueDec == 0 || h.bits&(cueInc|cueNegRel) != 0 {
		return -1, 0
	}
	k := h.end
	if int(k) < to && toks[k].flags&flagHard == 0 && t.hasClass(toks[k], clsArticle) {
		k++
	}
	if k == h.end || int(k) >= to || toks[k].flags&flagHard != 0 ||
		s.tokMent[k] >= 0 && s.ments[s.tokMent[k]].flags&entLostDiversity == 0 {
		return -1, 0
	}
	dir, end := t.changeNoun(s, hits, k)
	if dir == 0 {
		return -1, 0
	}
	// The noun's preposition: in the cue ("increase in") or right after it;
	// or none at the end of the clause ("Y rose, and X prevented the
	// rise": the noun stands for the change named before).
	if !t.hasClass2(toks[end-1], cl2PairOf|cl2FindingPrep) {
		if t.clauseEndsAt(s, end, to) {
			return k, dir
		}
		if int(end) >= to || toks[end].flags&flagHard != 0 || !t.hasClass2(toks[end], cl2PairOf|cl2FindingPrep) {
			return -1, 0
		}
	}
	return k, dir
}

// clauseEndsAt reports whether the clause ends before token k (the
// sentence ends, or a new clause opens).
func (t *Tagger) clauseEndsAt(s *scratch, k int32, to int) bool {
	return int(k) >= to || s.toks[k].flags&flagClause != 0 || t.onCueBits(s.cueHits, k, cueClauseBreak|cueContrast)
}

// changeNoun reads token k as a noun of change: +1 for a rise ("increase
// in", "rise in"), -1 for a fall ("reduction in", "loss of"), else 0; and
// the end of its cue.
func (t *Tagger) changeNoun(s *scratch, hits []cueHit, k int32) (int, int32) {
	toks := s.toks
	w := s.text[toks[k].start:toks[k].end]
	dir, end := 0, k+1
	phrase := false // a comparison phrase starts at k ("loss of", "rise in")
	for _, g := range hits {
		if g.tok > k {
			break
		}
		if g.tok == k && g.bits&(cueHarm|cueHelp|cueNegRel) == 0 {
			switch {
			case g.bits&cueInc != 0 && g.bits&cueDec == 0:
				dir, end = 1, g.end
			case g.bits&cueDec != 0 && g.bits&cueInc == 0:
				dir, end = -1, g.end
			case g.bits&(cueInc|cueDec) == 0 && g.bits&cueCompar != 0:
				dir, end = t.comparativeAt(s, hits, k), g.end // "rise in"
				phrase = g.end > k+1
			}
		}
	}
	if dir == 0 && t.hasClass(toks[k], clsLess) && (t.nounEnding(w) || phrase) {
		dir = -1 // "the depletion of"; a less-word heading a phrase: "the loss of"
	}
	if t.edForm(s, k) || t.ingForm(s, k) {
		return 0, end
	}
	return dir, end
}

// loweredChangeBefore reads the passive of loweredChange: "the increase in
// <Y> was prevented by": it returns the noun's token and its direction.
func (t *Tagger) loweredChangeBefore(s *scratch, hits []cueHit, i, from, to int) (int32, int) {
	toks := s.toks
	h := hits[i]
	if h.end-h.tok != 1 || h.bits&cueDec == 0 || h.bits&(cueInc|cueNegRel) != 0 || int(h.tok)-3 < from ||
		int(h.end) >= to || !t.hasClass2(toks[h.end], cl2PairBy) || !t.edForm(s, h.tok) {
		return -1, 0
	}
	// the auxiliary, past a negator or a modal ("was not prevented by")
	v := h.tok - 1
	for v > int32(from)+1 && h.tok-v < 3 && t.hasClass2(toks[v], cl2Modal) && toks[v].flags&flagHard == 0 {
		v--
	}
	if !t.hasClass(toks[v], clsCopula) && !t.hasClass2(toks[v], cl2PassiveAux) {
		return -1, 0
	}
	m := s.tokMent[v-1]
	if m < 0 || s.ments[m].tokEnd != v {
		return -1, 0
	}
	a := s.ments[m].tokStart
	if s.ments[m].flags&entLostDiversity != 0 {
		// "the loss of <diversity>": the imbalance spans the noun
		if dir, _ := t.changeNoun(s, hits, a); dir != 0 && (int(a) == from || t.hasClass(toks[a-1], clsArticle)) {
			return a, dir
		}
		return -1, 0
	}
	if int(a)-1 > from && t.sampleWord(s, a-1) && t.hasClass2(toks[a-2], cl2PairOf|cl2FindingPrep) {
		a-- // "the increase in serum <Y> was prevented by"
	}
	for _, g := range hits[:i] {
		k := g.tok
		if g.end != a && !(g.end == a-1 && t.hasClass2(toks[a-1], cl2PairOf|cl2FindingPrep)) ||
			!(int(k) == from || t.hasClass(toks[k-1], clsArticle) || t.hyphenBefore(s, k)) {
			continue
		}
		if dir, end := t.changeNoun(s, hits, k); dir != 0 && (end == a || t.hasClass2(toks[end-1], cl2PairOf|cl2FindingPrep) || end == a-1) {
			return k, dir
		}
	}
	return -1, 0
}

// comparison reports whether comparative cue h compares groups rather than
// stating a change: a copula, a passive auxiliary or "have" before it ("was
// lower", "had fewer"), or "than", "versus" or "compared" after it in its
// clause.
func (t *Tagger) comparison(s *scratch, h cueHit, from, to int) bool {
	toks := s.toks
	if int(h.end) < to && t.hasClass2(toks[h.end], cl2PairBy) {
		return false // a passive verb: "was reduced by X"
	}
	if h.end-h.tok == 1 && int(h.end) < to && t.edForm(s, h.tok) && t.hasClass2(toks[h.end], cl2PairCausePrep) &&
		!t.hasClass2(toks[h.end], cl2PairObjectPrep) {
		return false // a change with its cause: "was reduced following X"
	}
	if h.end-h.tok == 1 && t.edForm(s, h.tok) {
		// ... after a short adjunct of time or place: "was reduced on
		// day 35 following X"
		for k := int(h.end) + 1; k < to && k <= int(h.end)+4; k++ {
			if s.tokMent[k] >= 0 || toks[k].flags&flagHard != 0 || t.onCue(s.cueHits, int32(k)) || t.hasClass2(toks[k], cl2Than) {
				break
			}
			if t.hasClass2(toks[k], cl2PairCausePrep) && !t.hasClass2(toks[k], cl2PairObjectPrep) {
				return false
			}
		}
	}
	if t.hasClass2(toks[h.tok], cl2Have) {
		return true // "had more X"
	}
	k := int32(h.tok) - 1
	for k > int32(from) && (t.hasClass2(toks[k], cl2Modal) || t.ending(s, k, t.adverbEnd)) && s.tokMent[k] < 0 {
		k-- // "X significantly reduced Y compared with placebo"
	}
	if k >= int32(from) && t.inUnit(s, k) {
		return false // a verb right after its subject: "X reduced Y more than Z"
	}
	if k := int(h.tok) - 1; k > from && h.end-h.tok == 1 && t.edForm(s, h.tok) && t.hasClass(toks[k], clsConj) &&
		t.inUnit(s, int32(k-1)) {
		return false // a verb in a series: "X increased Y and decreased Z compared with placebo"
	}
	if hv := t.perfectBefore(s, h, from); hv >= 0 {
		// "Y had decreased.", "X had reduced Y": a past perfect, no
		// comparison, when nothing follows the participle in its clause
		// or an intervention is its subject ("patients had reduced Y"
		// describes a group).
		if int(h.end) >= to || toks[h.end].flags&flagHard != 0 || hv > int32(from) && t.unitKindAt(s, hv-1) == kindIntervention {
			return false
		}
	}
	for k := int(h.tok) - 1; k >= from && k >= int(h.tok)-2; k-- {
		if t.hasClass(toks[k], clsCopula) || t.hasClass2(toks[k], cl2PassiveAux|cl2Have) {
			return true
		}
	}
	for k := int(h.end); k < to && k < int(h.end)+8; k++ {
		if k > int(h.end) && toks[k].flags&flagHard != 0 && toks[k].flags&flagClause == 0 {
			break
		}
		if t.hasClass2(toks[k], cl2Than) {
			return true
		}
	}
	return false
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

// perfectBefore returns the token of a form of "have" right before the
// -ed participle of cue h, maybe with an adverb between ("had all
// decreased", "has significantly reduced"), or -1.
func (t *Tagger) perfectBefore(s *scratch, h cueHit, from int) int32 {
	if h.end-h.tok != 1 || !t.edForm(s, h.tok) {
		return -1
	}
	for k := h.tok - 1; k >= int32(from) && k >= h.tok-2; k-- {
		if t.hasClass2(s.toks[k], cl2Have) && !t.edForm(s, k) {
			return k // ("exhibited reduced Y" is no perfect)
		}
		if s.tokMent[k] >= 0 || s.toks[k].flags&flagHard != 0 {
			return -1
		}
	}
	return -1
}

// unitKindAt returns the kind of the concept of the unit that holds token
// k, or -1.
func (t *Tagger) unitKindAt(s *scratch, k int32) int8 {
	for _, u := range s.pairs.units {
		if k >= u.a && k < u.b {
			return t.concepts[u.concept].kind
		}
	}
	return -1
}

// populationParticiple reports whether cue h is a participle of exposure
// that qualifies people or animals ("adolescents treated for <condition>"),
// not a relation between concepts.
func (t *Tagger) populationParticiple(s *scratch, text string, h cueHit, from int) bool {
	k := int(h.tok) - 1
	w := text[s.toks[h.tok].start:s.toks[h.tok].end]
	return k >= from && endsIn(w, t.pastEnd) && t.hasClass2(s.toks[k], cl2Population) &&
		t.hasClass2(s.toks[h.tok], cl2Exposure) && s.toks[h.tok].flags&flagHard == 0
}

// inUnit reports whether token k lies inside a unit (a noun its phrase took).
func (t *Tagger) inUnit(s *scratch, k int32) bool {
	for _, u := range s.pairs.units {
		if k >= u.a && k < u.b {
			return true
		}
	}
	return false
}

// adjective reports whether directional cue h is an adjective before the
// concept it qualifies ("reduced diversity", "elevated insulin") rather than
// a verb: it ends in -ed, a mention follows it, and nothing that could be
// its subject comes before it in its clause.
func (t *Tagger) adjective(s *scratch, text string, h cueHit, from int) bool {
	toks := s.toks
	if h.bits&(cueInc|cueDec|cueCompar) == 0 || h.end-h.tok != 1 || int(h.end) >= len(toks) {
		return false
	}
	w := text[toks[h.tok].start:toks[h.tok].end]
	if toks[h.end].flags&flagHard != 0 {
		return false
	}
	if !endsIn(w, t.pastEnd) {
		// "..., effective <concept>", "a beneficial <concept>": an
		// adjective right before the concept, after a comma or an article
		// or right after a verb ("starve beneficial <concept>")
		k := int(h.tok) - 1
		return t.adjectiveEnding(w) && s.tokMent[h.end] >= 0 &&
			(k < from || toks[h.tok].flags&flagClause != 0 || t.hasClass(toks[k], clsArticle|clsDeterminer|clsConj) ||
				t.cueEndsAt(s.cueHits, h.tok, 0))
	}
	// a mention follows, at the head of the noun phrase or a word or two
	// into it ("elevated fat and <concept> content")
	ment := false
	for k := int(h.end); k < len(toks) && k < int(h.end)+3 && (k == int(h.end) || toks[k].flags&flagHard == 0); k++ {
		if s.tokMent[k] >= 0 {
			ment = true
			break
		}
		if t.hasClass(toks[k], clsArticle|clsDeterminer) || t.hasClass2(toks[k], cl2PairBy|cl2PairOf|cl2PairObjectPrep|cl2PairCausePrep|cl2RelPrep) {
			break // "cleared my <concept>", "induced by <concept>": a verb
		}
	}
	if !ment {
		return false
	}
	for _, g := range s.cueHits {
		if g.bits&cuePseudo != 0 && g.end == h.tok {
			return false // "X not only increased Y but also ...": a verb
		}
	}
	if toks[h.tok].flags&flagClause != 0 && t.afterAside(s, h.tok, from) {
		return false // "X raised Y and, within weeks, calmed Z": a verb
	}
	if toks[h.tok].flags&flagClause != 0 && t.finiteVerbBefore(s, h, from) {
		return false // "X increased Y (p < 0.01), decreased Z": verbs in a series
	}
	if k := int(h.tok) - 1; k > from && t.hasClass(toks[k], clsConj) && t.nounCueBefore(s, k, from) {
		return true // "a loss of X and increased Y": a list of changes
	}
	if k := int32(h.tok) - 1; k > int32(from) && t.hasClass(toks[k], clsConj) && (t.hadBefore(s, k, from) || t.associatedBefore(s, k, from)) {
		// "patients with X had Y and elevated Z": what they had; "Y was
		// associated with both X and increased Z": what it goes with
		return true
	}
	k := int(h.tok) - 1
	if k >= from && t.hasClass2(toks[k], cl2Modal) && toks[k+1].flags&flagClause == 0 {
		// an adverb: "..., significantly increased X" is a verb, "with
		// significantly reduced X" an adjective
		if toks[k].flags&flagClause != 0 {
			return false
		}
		k--
	}
	return k < from || toks[k+1].flags&flagClause != 0 || t.hasClass(toks[k], clsArticle|clsDeterminer|clsLess) ||
		t.hasClass2(toks[k], cl2RelPrep|cl2PairCausePrep|cl2PairObjectPrep|cl2Via) // "via increased <Y>"
}

// mentionBefore returns the token before the mentions that end right
// before token k, not before from; false when no mention ends there.
func mentionBefore(s *scratch, k int32, from int) (int32, bool) {
	j := k - 1
	if j < int32(from) || s.tokMent[j] < 0 {
		return j, false
	}
	for j >= int32(from) && s.tokMent[j] >= 0 {
		j--
	}
	return j, true
}

// hadBefore reports whether the concept that ends right before token k
// is the object of a verb of having ("had <Y>", "exhibited (a) <Y>").
func (t *Tagger) hadBefore(s *scratch, k int32, from int) bool {
	toks := s.toks
	j, ok := mentionBefore(s, k, from)
	if !ok {
		return false
	}
	for j >= int32(from) && j >= k-8 && (t.hasClass(toks[j], clsArticle|clsDeterminer|clsAdjective|clsLess|clsComparative) || t.onCue(s.cueHits, j) && t.edForm(s, j)) {
		j--
	}
	return j >= int32(from) && t.hasClass2(toks[j], cl2Have)
}

// associatedBefore reports whether the concept that ends right before
// token k is the object of an association ("associated with (both) X",
// "linked to X"): a list of what goes together follows.
func (t *Tagger) associatedBefore(s *scratch, k int32, from int) bool {
	toks := s.toks
	j, ok := mentionBefore(s, k, from)
	if !ok {
		return false
	}
	for j >= int32(from) && j >= k-8 && (t.hasClass(toks[j], clsArticle|clsDeterminer|clsAdjective|clsLess|clsComparative) ||
		t.hasClass2(toks[j], cl2PairCoordinator)) {
		j-- // "both", "higher"
	}
	if j <= int32(from) || !t.hasClass2(toks[j], cl2PairObjectPrep) {
		return false
	}
	for _, g := range s.cueHits {
		if g.end == j && g.bits&cueAssoc != 0 && g.bits&(cueInc|cueDec) == 0 {
			return true
		}
	}
	return false
}

// nounCueBefore reports whether the relation cue nearest before token k in
// its clause is a noun of change ending in a preposition ("a loss of",
// "a rise in"): what follows the conjunction at k continues its list.
func (t *Tagger) nounCueBefore(s *scratch, k, from int) bool {
	for i := len(s.cueHits) - 1; i >= 0; i-- {
		h := s.cueHits[i]
		if int(h.end) > k || h.bits&relationBits == 0 || s.toks[h.tok].start > 0 && s.text[s.toks[h.tok].start-1] == '-' {
			continue // not a hyphenated modifier ("<X>-producing")
		}
		if int(h.tok) < from || clauseBetween(s.toks, int(h.end), k) {
			return false
		}
		return h.end-h.tok > 1 && t.hasClass2(s.toks[h.end-1], cl2PairOf|cl2PairObjectPrep)
	}
	return false
}

// afterAside reports whether token k, after clause punctuation, ends an
// aside of at most four words that opens after a conjunction ("and,
// within weeks, <k>") or with a contrast or a negator ("X, but not Y,
// <k>").
func (t *Tagger) afterAside(s *scratch, k int32, from int) bool {
	for j := k - 1; j > int32(from) && j >= k-4; j-- {
		if s.toks[j].flags&flagClause != 0 {
			return t.hasClass(s.toks[j-1], clsConj) || t.onCueBits(s.cueHits, j, cueContrast|cueNeg|cueInstead)
		}
	}
	return false
}

// adjectiveWord reports whether token k is an adjective filler or ends
// like an adjective.
func (t *Tagger) adjectiveWord(s *scratch, k int32) bool {
	return t.hasClass(s.toks[k], clsAdjective) || t.adjectiveEnding(s.text[s.toks[k].start:s.toks[k].end])
}

// nounEnding reports whether word w ends like a noun of action or state
// ("prevention", "improvement"; noun-endings).
func (t *Tagger) nounEnding(w string) bool {
	for _, e := range t.nounEndings {
		if len(w) > len(e)+2 && strings.EqualFold(w[len(w)-len(e):], e) {
			return true
		}
	}
	return false
}

// adjectiveEnding reports whether word w ends like an adjective
// (adjective-endings).
func (t *Tagger) adjectiveEnding(w string) bool {
	for _, e := range t.adjectiveEndings {
		if len(w) > len(e)+2 && strings.EqualFold(w[len(w)-len(e):], e) {
			return true
		}
	}
	return false
}

// segment returns the clause segment [a, b) (s.segs) that holds token k.
func segment(s *scratch, k int32) (int32, int32) {
	for c := 0; c+1 < len(s.segs); c++ {
		if s.segs[c] <= k && k < s.segs[c+1] {
			return s.segs[c], s.segs[c+1]
		}
	}
	return k, k + 1
}

// groupBefore returns the last group that ends by token k and starts at or
// after token lo, or -1.
func (p *pairScratch) groupBefore(k, lo int32) int {
	for g := len(p.groups) - 1; g >= 0; g-- {
		if p.groups[g].b <= k {
			if p.groups[g].a >= lo {
				return g
			}
			return -1
		}
	}
	return -1
}

// groupAfter returns the first group that starts at or after token k and
// before token hi, or -1.
func (p *pairScratch) groupAfter(k, hi int32) int {
	for g, gr := range p.groups {
		if gr.a >= k {
			if gr.a < hi {
				return g
			}
			return -1
		}
	}
	return -1
}

// skipTo returns the first token from k that is not an article, a
// determiner, an adjective filler or a modal, within n tokens.
func (t *Tagger) skipFillers(s *scratch, k, to, n int32) int32 {
	for j := k; j < to && j < k+n; j++ {
		if !t.hasClass(s.toks[j], clsArticle|clsDeterminer|clsAdjective) && !t.hasClass2(s.toks[j], cl2Modal) {
			return j
		}
	}
	return min(k+n, to)
}

// listLeadIn reports whether tokens [a, b) are the first items of a comma
// list whose later items are concepts: plain words, each after a comma
// or a conjunction but the first ("improve mood, anxiety, stress and
// sleep"). A verb followed by such a list has an object.
func (t *Tagger) listLeadIn(s *scratch, a, b int32) bool {
	toks := s.toks
	if b <= a || b-a > 5 || int(b) >= len(toks) || toks[b].flags&flagClause == 0 && !t.hasClass(toks[b-1], clsConj) ||
		t.hasClass(toks[a], clsConj) {
		return false // "<Y> rose and <Z> fell": a conjunction alone leads no list in
	}
	for j := a; j < b; j++ {
		// an adverb after the verb is no item: "Y increased
		// significantly, and Z dropped" starts a clause
		if s.tokMent[j] >= 0 || toks[j].flags&flagLetter == 0 || t.hasClass2(toks[j], cl2Modal) {
			return false
		}
		if j > a && toks[j].flags&flagClause == 0 && !t.hasClass(toks[j-1], clsConj) && !t.hasClass(toks[j], clsConj) {
			return false
		}
	}
	return true
}

// arguments finds the subject and the object of each predicate: by the
// predicate's own wording first (verbArguments), then by the noun phrases
// around it (objectPhrase) and by the clauses it shares with the other
// predicates (clauseArguments); last come the objects that a verb reaches
// through a noun outside the taxonomy (causedObjects).
func (t *Tagger) arguments(s *scratch, hits []cueHit, from, to int) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.hyphen {
			// "<X>-induced <Y>", "<X>-induced increase in (serum) <Y>"
			for g := range p.groups {
				if p.groups[g].b == pr.tok {
					pr.subj = g
				}
				if pr.obj < 0 && p.groups[g].a == pr.end {
					pr.obj = g
				}
				if a := p.groups[g].a; pr.obj < 0 && a > pr.end && (t.changeOfBefore(s, pr.end, a) ||
					a-1 > pr.end && t.hasClass(s.toks[a-1], clsArticle|clsDeterminer) && t.changeOfBefore(s, pr.end, a-1)) {
					pr.obj = g
					if dir, _ := t.changeNoun(s, hits, pr.end); dir < 0 {
						// "<X>-induced decrease in <Y>" lowers Y
						pr.bits = pr.bits&^(cueInc|cueHelp|cueHarm) | cueDec
					}
				}
			}
			continue
		}
		sa, sb := segment(s, pr.tok)
		left := t.leftGroup(s, pr.tok, sa)
		armCause, done := t.verbArguments(s, i, left, sb, from, to)
		if done {
			continue
		}
		if pr.subj >= 0 && pr.subj == left && t.populationGroup(s, pr.subj) && pr.bits&(cueInc|cueDec|cueHarm|cueHelp) != 0 {
			// "Patients with <condition> showed reduced Y": the state of a
			// population, an association
			pr.compare, pr.population = true, true
		}
		t.objectPhrase(s, hits, i, left, armCause, sb, from, to)
		t.clauseArguments(s, hits, i, armCause, sb, from, to)
		if pr.owner > 0 {
			pr.subj = pr.owner - 1
		}
	}
	t.conversionProducts(s, to)
	t.quantifiedArms(s, from, to)
	t.causedObjects(s)
	t.exampleObjects(s)
	t.hyphenHeads(s)
	t.inducedChangeSubjects(s, hits)
	t.titleRoles(s, hits, from, to)
	t.coordinatedNouns(s)
	t.accompanyingResults(s)
	t.relatedChanges(s, from)
	t.sharedCauses(s)
	t.contrastedOutcomes(s)
	t.frontedMeans(s, from)
	t.changeAgents(s, to)
	t.changeNounAgents(s, hits, from, to)
	t.linkedObjects(s, to)
	t.repeatedPrepositionObjects(s, hits, to)
	t.causedList(s, hits)
	t.loweredChangeItems(s, hits)
	t.attributeTreatments(s, hits, from, to)
	t.viaChanges(s, hits, from)
}

// viaChanges reads "X eased Y through the production of Z" and "X eased Y
// via a reduction in Z": a noun of change with a direction after "via" or
// "through" is the means of the subject before, as a gerund is ("by
// lowering Z"): X moves Z in the noun's direction. Its "of" made the
// nearest concept before it its subject.
func (t *Tagger) viaChanges(s *scratch, hits []cueHit, from int) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr, prev := &p.preds[i], &p.preds[i-1]
		k := pr.tok - 1
		if k > int32(from) && t.hasClass(toks[k], clsArticle) {
			k--
		}
		if k <= int32(from) || !t.hasClass2(toks[k], cl2Via) || toks[k].flags&flagHard != 0 && !t.commaBefore(s, k) ||
			pr.obj < 0 || pr.hyphen || !t.changeOfNoun(s, hits, pr) ||
			prev.subj < 0 || prev.hyphen || prev.end > k || prev.subj == pr.obj || pr.subj >= 0 && pr.subj != prev.obj {
			continue
		}
		pr.subj = prev.subj
	}
}

// attributeTreatments reads "X may be a useful adjunct for Y" and "X is
// an effective option for Y": a noun outside the taxonomy, qualified by a
// word of help after a copula and an article, names what the subject is
// for the concept after "for": X treats Y, as the helping word says.
func (t *Tagger) attributeTreatments(s *scratch, hits []cueHit, from, to int) {
	p := &s.pairs
	toks := s.toks
	added := false
	for _, h := range hits {
		k := h.tok
		if h.end-h.tok != 1 || h.bits&cueHelp == 0 || h.bits&(cueInc|cueNegRel) != 0 || int(k)-2 <= from || int(h.end)+2 >= to ||
			!t.hasClass(toks[k-1], clsArticle) || !t.hasClass(toks[k-2], clsCopula) && !t.hasClass2(toks[k-2], cl2PassiveAux) {
			continue
		}
		// the noun, then "for"
		n := h.end
		if s.tokMent[n] >= 0 || t.onCue(hits, n) || toks[n].flags&(flagHard|flagLetter) != flagLetter ||
			!t.hasClass2(toks[n+1], cl2Purpose) || toks[n+1].flags&flagHard != 0 {
			continue
		}
		og := p.groupAfter(n+2, int32(to))
		if og < 0 || p.groups[og].a > n+5 || t.groupHasKind(s, og, kindIntervention) {
			continue
		}
		ok := true
		for j := n + 2; j < p.groups[og].a; j++ {
			ok = ok && s.tokMent[j] < 0 && !t.onCue(hits, j) && toks[j].flags&flagHard == 0
		}
		// the subject before the copula, past modals ("may be")
		v := k - 2
		for v > int32(from) && v > k-4 && t.hasClass2(toks[v-1], cl2Modal) {
			v--
		}
		sg := p.groupBefore(v, int32(from))
		if !ok || sg < 0 || p.groups[sg].b != v || !t.groupHasKind(s, sg, kindIntervention) {
			continue
		}
		for i := range p.preds {
			// "..., perhaps by correcting Z": the means is the subject's
			if q := &p.preds[i]; q.tok > p.groups[og].b && q.tok > 0 && t.ingForm(s, q.tok) &&
				t.hasClass2(toks[q.tok-1], cl2PairBy|cl2Via) && (q.subj < 0 || q.subj == og) {
				q.subj = sg
			}
		}
		p.preds = append(p.preds, predicate{tok: k, end: h.end, bits: h.bits, subj: sg, obj: og, obj2: -1, within: -1, via: -1, collect: -1})
		added = true
	}
	if added {
		slices.SortStableFunc(p.preds, func(a, b predicate) int { return int(a.tok - b.tok) })
	}
}

// loweredChangeItems reads "X reduced Y and the rise in Z" and "X
// alleviated <Y>-induced itch and elevation in Z": a noun of change
// coordinated with the object of a lowering verb is a second object of
// that verb, which acts on the change it names, as in "X prevented the
// increase in Z" (Z decreases) and "X prevented the loss of Z" (Z
// increases); the noun relates nothing itself.
func (t *Tagger) loweredChangeItems(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	var added []predicate
	for i := 1; i < len(p.preds); i++ {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.hyphen || pr.denial || pr.within >= 0 || !t.nounOfChange(s, pr) {
			continue
		}
		dir, _ := t.changeNoun(s, hits, pr.tok)
		if dir == 0 {
			continue
		}
		// the verb: the last predicate before that is no hyphenated
		// modifier inside its object ("<Y>-induced")
		j := i - 1
		for j > 0 && p.preds[j].hyphen {
			j--
		}
		a := &p.preds[j]
		if a.hyphen || a.subj < 0 || a.obj < 0 || a.denial || a.within >= 0 || a.end-a.tok != 1 || p.groups[a.obj].a < a.end {
			continue
		}
		var bits uint32
		for _, h := range hits {
			if h.tok == a.tok && h.end == a.end {
				bits = h.bits
			}
		}
		if bits&cueDec == 0 || bits&(cueInc|cueNegRel) != 0 {
			continue // no lowering verb
		}
		// between the verb's object and the noun: plain words of the
		// object's phrase, then a conjunction and maybe an article
		k := pr.tok - 1
		if k > 0 && t.hasClass(toks[k], clsArticle) {
			k--
		}
		lo := p.groups[a.obj].b
		if k < lo || !t.hasClass(toks[k], clsConj) || k-lo > 4 {
			continue
		}
		ok := true
		for m := lo; m < k; m++ {
			if s.tokMent[m] >= 0 || t.hasClass(toks[m], clsConj) || toks[m].flags&flagHard != 0 && !t.commaBefore(s, m) {
				ok = false
			}
			for _, q := range p.preds {
				if q.tok <= m && m < q.end && !q.hyphen {
					ok = false
				}
			}
		}
		// no verb of its own after it: "X reduced Y, and the rise in Z
		// followed" is a clause
		if e := p.groups[pr.obj].b; int(e) < len(toks) && toks[e].flags&flagHard == 0 {
			if s.tokMent[e] < 0 && !t.onCue(hits, e) && int(e)+1 < len(toks) && toks[e+1].flags&flagHard == 0 {
				e++ // "<Z> levels"
			}
			ok = ok && !t.onCue(hits, e) && !t.edForm(s, e) && !t.hasClass(toks[e], clsCopula) && !t.hasClass2(toks[e], cl2Modal|cl2PassiveAux)
		}
		if !ok {
			continue
		}
		orig := *pr
		pr.subj, pr.compare, pr.adjective, pr.noun = a.subj, false, false, 0
		if dir > 0 {
			pr.bits = bits
		} else {
			pr.bits = bits&^(cueDec|cueHelp) | cueInc
		}
		if h := &p.preds[i-1]; orig.subj >= 0 && orig.subj != a.subj && h.hyphen && h.subj == orig.subj {
			// "alleviated <X>-induced itch and elevation in Z": X also
			// raised Z
			added = append(added, orig)
		}
	}
	if len(added) > 0 {
		p.preds = append(p.preds, added...)
		slices.SortStableFunc(p.preds, func(a, b predicate) int { return int(a.tok - b.tok) })
	}
}

// repeatedPrepositionObjects reads a second object that repeats the
// preposition of the first after a conjunction ("correlated positively
// with X and negatively with Z", "linked to X and to Z"): the predicate
// relates its subject to both.
func (t *Tagger) repeatedPrepositionObjects(s *scratch, hits []cueHit, to int) {
	p := &s.pairs
	toks := s.toks
	n := len(p.preds)
	for i := 0; i < n; i++ {
		pr := p.preds[i]
		if pr.subj < 0 || pr.obj < 0 || pr.hyphen || pr.within >= 0 || p.groups[pr.obj].a <= pr.end {
			continue
		}
		// the first object's preposition
		prep := int32(-1)
		for j := p.groups[pr.obj].a - 1; j >= pr.end && j >= p.groups[pr.obj].a-3; j-- {
			if t.hasClass2(toks[j], cl2PairObjectPrep) {
				prep = j
				break
			}
		}
		if prep < 0 {
			continue
		}
		j := p.groups[pr.obj].b
		if int(j) >= to || !t.hasClass(toks[j], clsConj) || toks[j].flags&flagHard != 0 {
			continue
		}
		j++
		for c := 0; c < 2 && int(j) < to && t.ending(s, j, t.adverbEnd) && s.tokMent[j] < 0; c++ {
			j++ // "and negatively with"
		}
		if int(j)+1 >= to || toks[j].id != toks[prep].id || toks[j].flags&flagHard != 0 {
			continue
		}
		g := p.groupAfter(j+1, int32(to))
		if g < 0 || g == pr.subj {
			continue
		}
		a := t.skipFillers(s, j+1, int32(to), 3)
		if a+1 == p.groups[g].a && (t.hasClass(toks[a], clsLess|clsComparative) || t.onCueBits(hits, a, cueCompar)) {
			a++ // a qualifier: "and with lower Z"
		}
		if p.groups[g].a != a || t.cueBetween(hits, p.groups[pr.obj].b, j+1) {
			continue
		}
		cp := pr
		cp.obj = g
		p.preds = append(p.preds, cp)
	}
}

// causedList reads "X resulted in lower Y, higher Z and reduced W": a
// causing verb followed by a list of concepts, each maybe qualified by a
// comparative, a less-word or a participle, causes every item, in the
// direction of its qualifier (a less-word lowers, as in "led to reduced
// <Y>"). The comparatives and participles inside the list relate
// nothing themselves.
func (t *Tagger) causedList(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	const dir = cueInc | cueDec | cueHarm | cueHelp | cueCompar | cueAssoc | cueNegRel
	n := len(p.preds)
	for i := 0; i < n; i++ {
		pr := &p.preds[i]
		if pr.subj < 0 || pr.bits&dir != cueInc || pr.bits&cueReverse != 0 || pr.hyphen || pr.relative || pr.headless || pr.within >= 0 || pr.denial ||
			p.groups[pr.subj].b > pr.tok {
			continue // (the subject comes first: not "Y is due to X", not a passive)
		}
		_, sb := segment(s, pr.tok)
		k, first := pr.end, true
		if pr.obj >= 0 && p.groups[pr.obj].a >= pr.end {
			k, first = p.groups[pr.obj].b, false
		}
		subj := pr.subj
		for items := 0; items < 12; items++ {
			g := p.groupAfter(k, sb)
			if g < 0 || t.opensClause(s, k, g) {
				break // "X raised Y, and Z blunted ...": Z is no item
			}
			a := p.groups[g].a
			q := -1 // the predicate of the item's qualifier
			if a-1 >= k {
				for j := i + 1; j < n; j++ {
					if p.preds[j].tok == a-1 && p.preds[j].end == a {
						q = j
					}
				}
			}
			if q >= 0 {
				// only a qualifier opens an item: "higher", "lower",
				// "reduced"; "fuelling Z" is a clause of its own
				if qp := &p.preds[q]; qp.bits&(cueCompar|cueInc|cueDec) == 0 || qp.denial || qp.hyphen ||
					!(qp.bits&cueCompar != 0 || t.hasClass(toks[qp.tok], clsLess|clsComparative) || t.edForm(s, qp.tok)) {
					break
				}
			}
			open := a
			if q >= 0 || a-1 >= k && t.hasClass(toks[a-1], clsLess|clsComparative) {
				open = a - 1
			}
			if first && open != t.skipFillers(s, k, sb, 2) || !first && !t.itemGap(s, k, open) {
				break
			}
			// no other relation inside the item
			clean := true
			for j := i + 1; j < n; j++ {
				if qj := &p.preds[j]; j != q && qj.tok >= k && qj.tok < p.groups[g].b && !(qj.end-qj.tok == 1 && t.listVerb(s, qj)) {
					clean = false
				}
			}
			if !clean {
				break
			}
			for j := i + 1; j < n; j++ {
				if qj := &p.preds[j]; j != q && qj.tok >= k && qj.tok < p.groups[g].b {
					qj.headless = true // "and reduced W" inside an item
				}
			}
			bits := uint32(cueInc)
			if open < a && t.hasClass(toks[open], clsLess) {
				bits = cueDec // "fewer <Y> flares": the qualifier lowers the whole item
			}
			if q >= 0 {
				qp := &p.preds[q]
				if t.hasClass(toks[qp.tok], clsLess) || qp.bits&cueDec != 0 && qp.bits&cueInc == 0 {
					bits = cueDec
				}
				qp.subj, qp.obj, qp.bits, qp.compare, qp.adjective, qp.headless = subj, g, bits, false, false, false
			} else if !first || pr.obj != g {
				p.preds = append(p.preds, predicate{tok: open, end: a, bits: bits, subj: subj, obj: g, obj2: -1, within: -1, via: -1, collect: -1})
			}
			first = false
			k = p.groups[g].b
		}
	}
	if len(p.preds) > n {
		slices.SortStableFunc(p.preds, func(a, b predicate) int { return int(a.tok - b.tok) })
	}
}

// listVerb reports whether predicate q is a participle of change used as
// an adjective in a list of results ("and reduced W"): one word, -ed,
// right after a comma or a conjunction.
func (t *Tagger) listVerb(s *scratch, q *predicate) bool {
	return q.end-q.tok == 1 && t.edForm(s, q.tok) && q.tok > 0 &&
		(s.toks[q.tok].flags&flagClause != 0 || t.hasClass(s.toks[q.tok-1], clsConj))
}

// itemGap reports whether tokens [a, b) close one item of a list and open
// the next: at most two plain words ("levels"), then a comma or a
// conjunction.
func (t *Tagger) itemGap(s *scratch, a, b int32) bool {
	toks := s.toks
	if b == a {
		return toks[b].flags&flagClause != 0 // "<Y>, higher <Z>"
	}
	if b < a || b-a > 4 {
		return false
	}
	sep := toks[b].flags&flagClause != 0
	for j := a; j < b; j++ {
		switch {
		case t.hasClass(toks[j], clsConj):
			sep = true
		case s.tokMent[j] >= 0 || toks[j].flags&(flagHard|flagDigit) != 0 && toks[j].flags&flagClause == 0:
			return false
		}
		sep = sep || j > a && toks[j].flags&flagClause != 0
	}
	return sep
}

// linkedObjects reads "Evidence links X, Y and Z to (the pathogenesis of)
// W": a verb of association whose subject is outside the taxonomy
// relates its object to the concept after "to" or "with".
func (t *Tagger) linkedObjects(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj >= 0 || pr.obj < 0 || pr.within >= 0 || pr.denial || pr.bits&cueAssoc == 0 || pr.bits&(cueInc|cueDec) != 0 ||
			p.groups[pr.obj].a < pr.end {
			continue
		}
		k := p.groups[pr.obj].b
		if int(k)+1 >= to || !t.hasClass2(toks[k], cl2PairObjectPrep) || !t.hasClass2(toks[k], cl2RelPrep) {
			continue
		}
		g := p.groupAfter(k+1, int32(to))
		if g < 0 || p.groups[g].a > k+5 {
			continue
		}
		ok := true
		for j := k + 1; j < p.groups[g].a; j++ {
			// "to the pathogenesis of W": plain words and "of"
			ok = ok && s.tokMent[j] < 0 && toks[j].flags&(flagHard|flagClause) == 0
		}
		if ok {
			pr.subj, pr.obj = pr.obj, g
		}
	}
}

// changeAgents reads "modulation of the <Y> by X", "<Y> modulation by X",
// "modulation of <Y> through X" and "the variation of <Y> induced by X":
// a change without direction named by a noun, with its agent after "by",
// "via" or "through" or a causing participle and "by", relates X to Y
// (associated), whatever the sentence says of the change. The change may
// name a list before its agent ("modulation of <Y>, oxidative stress and
// <Z> through X", "the variation of <Y> and its metabolites induced by
// X"): X is the agent of each concept of the list.
func (t *Tagger) changeAgents(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	added := false
	for ui, u := range p.units {
		if !u.neutral {
			continue
		}
		og := p.groupOf(ui)
		if og < 0 {
			continue
		}
		k := p.groups[og].b
		// Only a noun of change before the concept ("the variation of
		// <Y>") heads a list and takes a participle's agent; "<Y>
		// modulates Z induced by X" is a verb.
		j := u.a - 1
		if j > 0 && t.hasClass(toks[j], clsArticle) {
			j--
		}
		head := j > 0 && t.hasClass2(toks[j], cl2PairOf|cl2FindingPrep) && t.hasClass2(toks[j-1], cl2NeutralChange)
		if int(k) < to && toks[k].flags&flagHard == 0 && t.hasClass2(toks[k], cl2NeutralChange) {
			k++ // "<Y> modulation by X"
			head = false
		}
		last := og // the last group of the changed list
		for j := k; head && int(j) < to && j < k+8; j++ {
			// the rest of the list: other concepts and plain words, with
			// commas and conjunctions, up to the agent's preposition
			if t.agentAt(s, j, to) > j {
				k = j
				break
			}
			if toks[j].flags&flagHard != 0 && !t.commaBefore(s, j) || t.onCue(s.cueHits, j) {
				break
			}
			if g := p.groupAfter(j, j+1); g > last && p.groups[g].b <= k+8 {
				last = g
				j = p.groups[g].b - 1
				continue
			}
			if m := s.tokMent[j]; m >= 0 && !s.ments[m].dropped || t.hasClass2(toks[j], cl2Relative) {
				break
			}
		}
		a := t.agentAt(s, k, to)
		if a <= k {
			continue
		}
		g := p.groupAfter(a, int32(to))
		if g < 0 || p.groups[g].a > a+1 || !t.groupHasKind(s, g, kindIntervention) || g <= last {
			continue
		}
		for o := og; o <= last; o++ {
			for sg := g; sg <= t.agentsEnd(s, g); sg++ {
				p.preds = append(p.preds, predicate{tok: k, end: a, bits: cueAssoc, subj: sg, obj: o, obj2: -1, within: -1, via: -1, collect: -1})
			}
		}
		added = true
	}
	if added {
		// in text order, for the flags' scopes and the first statement
		slices.SortStableFunc(p.preds, func(a, b predicate) int { return int(a.tok - b.tok) })
	}
}

// effectOn reports whether predicate nx is a noun of association whose
// "of" names group g and whose object follows g after "on" ("the effects
// of <S> on <Y>").
func (t *Tagger) effectOn(s *scratch, nx *predicate, g int, sb int32) bool {
	p := &s.pairs
	toks := s.toks
	e := p.groups[g].b
	if nx.bits&cueAssoc == 0 || nx.bits&(cueInc|cueDec) != 0 || e >= sb || toks[e].flags&flagHard != 0 ||
		!t.hasClass2(toks[e], cl2PairObjectPrep) || t.hasClass2(toks[e], cl2FindingPrep) {
		return false
	}
	o := p.groupAfter(e+1, sb)
	return o >= 0 && p.groups[o].a <= t.skipFillers(s, e+1, sb, 3)
}

// changeOfNoun reports whether predicate pr is a noun of change with a
// direction followed by its preposition ("the production of", "a
// reduction in").
func (t *Tagger) changeOfNoun(s *scratch, hits []cueHit, pr *predicate) bool {
	dir, end := t.changeNoun(s, hits, pr.tok)
	if dir == 0 || pr.end != end {
		return false
	}
	return t.hasClass2(s.toks[end-1], cl2PairOf|cl2FindingPrep) ||
		int(end) < len(s.toks) && s.toks[end].flags&flagHard == 0 && t.hasClass2(s.toks[end], cl2PairOf|cl2FindingPrep)
}

// exposedPopulation reports whether the people or animals named before
// token a were exposed to what starts at a ("mice subjected to <S>",
// "rats exposed to chronic <S>"): what they were exposed to names them,
// as their condition does.
func (t *Tagger) exposedPopulation(s *scratch, a int32) bool {
	toks := s.toks
	exposed := false
	for j := a - 1; j >= 1 && j >= a-5; j-- {
		switch {
		case t.hasClass2(toks[j], cl2Population):
			return exposed
		case t.hasClass2(toks[j], cl2Exposure) && t.edForm(s, j):
			exposed = true
		case t.hasClass2(toks[j], cl2RelPrep) || t.hasClass(toks[j], clsArticle|clsAdjective) || toks[j].flags&flagHard == 0 && s.tokMent[j] < 0 && j > a-3 && !t.onCue(s.cueHits, j):
		default:
			return false
		}
		if toks[j].flags&flagHard != 0 {
			return false
		}
	}
	return false
}

// armParticiple reports whether cue h is a participle of exposure joined
// by a hyphen to the word before it and followed by people or animals
// ("<X>-treated mice", "vehicle-treated rats"): it names an arm of the
// study, no relation of its own.
func (t *Tagger) armParticiple(s *scratch, text string, h cueHit) bool {
	toks := s.toks
	k := h.tok
	return h.end-h.tok == 1 && int(h.end) < len(toks) && toks[k].start > 0 && text[toks[k].start-1] == '-' &&
		toks[k].flags&flagHard == 0 && t.edForm(s, k) && t.hasClass2(toks[k], cl2Exposure) &&
		t.hasClass2(toks[h.end], cl2Population) && toks[h.end].flags&flagHard == 0
}

// pathPhrase reports whether tokens [a, b) after "via" or "through" are
// a noun phrase of plain words that ends in a preposition of its object
// and names the concept after it as the path ("through alterations in
// the composition and function of <Z>", "through action on <Z>"): no
// concept, no relation and no clause break inside.
func (t *Tagger) pathPhrase(s *scratch, a, b int32) bool {
	if b-a < 2 || b-a > 8 || !t.hasClass2(s.toks[b-1], cl2PairOf|cl2FindingPrep|cl2PairObjectPrep) {
		return false
	}
	for k := a; k < b; k++ {
		if s.tokMent[k] >= 0 || s.toks[k].flags&flagHard != 0 || k > a && t.onCue(s.cueHits, k) {
			return false
		}
	}
	return true
}

// commaBefore reports whether only a comma and spaces separate token k
// from the one before.
func (t *Tagger) commaBefore(s *scratch, k int32) bool {
	if k == 0 || s.toks[k].flags&flagClause == 0 {
		return false
	}
	return strings.Trim(s.text[s.toks[k-1].end:s.toks[k].start], " ") == ","
}

// changeNounAgents reads "depletion of the <Y> by X", "reduction of <Y>
// via X" and "the increase in <Y> caused by X": a noun of change with a
// direction before a concept, with its agent after "by", "via" or a
// causing participle, says that X moves Y in the noun's direction,
// whatever the sentence says of the change.
func (t *Tagger) changeNounAgents(s *scratch, hits []cueHit, from, to int) {
	p := &s.pairs
	toks := s.toks
	added := false
	for ui, u := range p.units {
		og := p.groupOf(ui)
		if og < 0 || p.groups[og].first != ui {
			continue
		}
		// the noun and its preposition right before the concept
		j := u.a - 1
		if j > int32(from) && t.hasClass(toks[j], clsArticle) {
			j--
		}
		if j <= int32(from) || !t.hasClass2(toks[j], cl2PairOf|cl2FindingPrep) || toks[j].flags&flagHard != 0 {
			continue
		}
		n := j - 1
		if n > int32(from) && t.hasClass(toks[n-1], clsArticle) {
			// "the increase in": the article opens the phrase
		} else if n > int32(from) && toks[n].flags&flagClause == 0 && !t.hasClass(toks[n-1], clsConj) {
			continue // the noun opens its phrase: not "X caused depletion of Y"
		}
		dir, end := t.changeNoun(s, hits, n)
		if dir == 0 || end > j+1 || s.tokMent[n] >= 0 && s.ments[s.tokMent[n]].flags&entLostDiversity == 0 {
			continue
		}
		k := p.groups[og].b
		a := t.agentAt(s, k, to)
		if a <= k {
			continue
		}
		g := p.groupAfter(a, int32(to))
		if g < 0 || p.groups[g].a > a+1 || !t.groupHasKind(s, g, kindIntervention) {
			continue
		}
		bits := uint32(cueInc)
		if dir < 0 {
			bits = cueDec
		}
		for q := range p.preds {
			if p.preds[q].tok == n && p.preds[q].subj < 0 {
				p.preds[q].headless = true // the noun relates nothing else
			}
		}
		for sg := g; sg <= t.agentsEnd(s, g); sg++ {
			p.preds = append(p.preds, predicate{tok: n, end: j + 1, bits: bits, subj: sg, obj: og, obj2: -1, within: -1, via: -1, collect: -1})
		}
		added = true
	}
	if added {
		slices.SortStableFunc(p.preds, func(a, b predicate) int { return int(a.tok - b.tok) })
	}
}

// agentsEnd returns the last group of the agents that start with group g:
// the groups joined to it by a conjunction alone ("by X or Y treatment",
// which the verb after them split into two groups).
func (t *Tagger) agentsEnd(s *scratch, g int) int {
	p := &s.pairs
	for g+1 < len(p.groups) {
		k := p.groups[g].b
		if p.groups[g+1].a != k+1 || !t.hasClass(s.toks[k], clsConj) || s.toks[k].flags&flagHard != 0 ||
			!t.groupHasKind(s, g+1, kindIntervention) {
			break
		}
		g++
	}
	return g
}

// agentAt returns the token after the preposition of an agent that starts
// at token k ("by", "via", "through", "induced by", "caused by"), or k
// when none does.
func (t *Tagger) agentAt(s *scratch, k int32, to int) int32 {
	toks := s.toks
	if int(k) >= to || toks[k].flags&flagHard != 0 {
		return k
	}
	if t.hasClass2(toks[k], cl2PairBy|cl2Via) {
		return k + 1
	}
	if int(k)+1 < to && t.edForm(s, k) && t.onCueBits(s.cueHits, k, cueInc) && t.hasClass2(toks[k+1], cl2PairBy) &&
		toks[k+1].flags&flagHard == 0 {
		return k + 2
	}
	return k
}

// frontedMeans reads "By lowering Y, X may improve Z": a gerund after "by"
// that opens the sentence is the means of the main clause's subject, X >
// Y.
func (t *Tagger) frontedMeans(s *scratch, from int) {
	p := &s.pairs
	toks := s.toks
	if len(p.preds) < 2 {
		return
	}
	pr := &p.preds[0]
	if pr.subj >= 0 || pr.obj < 0 || int(pr.tok) != from+1 || !t.hasClass2(toks[from], cl2PairBy) || !t.ingForm(s, pr.tok) {
		return
	}
	for i := 1; i < len(p.preds); i++ {
		if nx := &p.preds[i]; nx.subj >= 0 && nx.subj != pr.obj && p.groups[nx.subj].a >= p.groups[pr.obj].b && !nx.hyphen {
			if t.groupHasKind(s, nx.subj, kindIntervention) {
				pr.subj = nx.subj
				pr.hedged = pr.hedged || nx.hedged
			}
			return
		}
	}
}

// contrastedOutcomes reads "X reduced Y, whereas Z remained unchanged",
// "X lowered Y, while Z improved" and "X lowered Y, and Z decreased
// accordingly": an outcome clause after a contrast or a comma and "and",
// with no cause of its own, speaks of the intervention that is the
// subject of the clause before. Its subject is the outcome (Z), which
// the intervention leaves unchanged (denied) or moves.
func (t *Tagger) contrastedOutcomes(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr, prev := &p.preds[i], &p.preds[i-1]
		if pr.subj < 0 || pr.obj >= 0 || pr.within >= 0 || pr.hyphen || pr.headless || pr.relative ||
			!(pr.denial || t.hasClass2(toks[pr.tok], cl2OutcomeVerb)) ||
			prev.subj < 0 || prev.obj < 0 || prev.within >= 0 || prev.denial || prev.negated ||
			!t.groupHasKind(s, prev.subj, kindIntervention) || t.groupHasKind(s, pr.subj, kindIntervention) {
			continue
		}
		g := p.groups[pr.subj]
		if g.a < p.groups[prev.obj].b || g.b > pr.tok || pr.tok-g.b > 4 {
			continue
		}
		// a contrast opens the clause, right before its outcome
		// (or ", and": "X lowered Y, and Z decreased accordingly")
		contrast, comma, conj := false, false, false
		for k := p.groups[prev.obj].b; k < g.a; k++ {
			contrast = contrast || t.onCueBits(s.cueHits, k, cueClauseBreak|cueContrast)
			comma = comma || toks[k].flags&flagClause != 0
			conj = conj || comma && t.hasClass(toks[k], clsConj)
		}
		contrast = contrast || conj
		if !contrast {
			continue
		}
		// nothing after the verb in its clause names where or in whom
		// ("whereas Z worsened in controls")
		_, sb := segment(s, pr.tok)
		own := false
		for k := pr.end; k < sb && int(k) < len(toks); k++ {
			own = own || s.tokMent[k] >= 0 || t.hasClass2(toks[k], cl2PairCausePrep|cl2FindingPrep|cl2PairBy)
		}
		if !own {
			pr.subj, pr.obj = prev.subj, pr.subj
		}
	}
}

// sharedCauses reads "Y was reduced, and Z increased after X": outcome
// clauses joined by a conjunction share the cause named once, at the end
// of the last. A clause takes it only when nothing but the conjunction
// (and a word or two: "while", an article) separates its verb from the
// next clause's outcome, so a clause with an arm or a cause of its own
// ("Y fell in the placebo group, and Z rose after X") keeps it.
func (t *Tagger) sharedCauses(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := len(p.preds) - 2; i >= 0; i-- {
		pr, nx := &p.preds[i], &p.preds[i+1]
		obj := pr.obj
		if obj < 0 && pr.subj >= 0 && t.hasClass2(toks[pr.tok], cl2OutcomeVerb) && p.groups[pr.subj].b <= pr.tok {
			obj = pr.subj // "<Y> counts rose": the outcome verb's subject is its outcome
		} else if pr.subj >= 0 {
			continue
		}
		if obj < 0 || pr.within >= 0 || pr.hyphen || pr.headless || pr.denial ||
			nx.subj < 0 || nx.obj < 0 || nx.hyphen || nx.headless || nx.denial ||
			p.groups[nx.subj].a < nx.end || p.groups[nx.obj].a < pr.end || p.groups[nx.obj].b > nx.tok ||
			p.groups[obj].b > pr.tok || p.groups[nx.obj].a-pr.end > 4 {
			continue
		}
		conj := false
		for k := pr.end; k < p.groups[nx.obj].a; k++ {
			if t.hasClass2(toks[k], cl2PairBy|cl2PairCausePrep|cl2FindingPrep|cl2PairObjectPrep) || s.tokMent[k] >= 0 {
				conj = false
				break
			}
			conj = conj || t.hasClass(toks[k], clsConj) || t.onCueBits(s.cueHits, k, cueContrast|cueClauseBreak)
		}
		if conj {
			pr.subj, pr.obj = nx.subj, obj
			if pr.adjective && pr.tok > 0 && (t.hasClass2(toks[pr.tok-1], cl2PassiveAux) || t.hasClass(toks[pr.tok-1], clsCopula)) {
				pr.adjective = false // "Y was reduced": a passive, no comparative adjective
			}
		}
	}
}

// relatedChanges reads "Y increased after X, which was related to Z": an
// association in a relative clause after a change and its cause speaks of
// the change, so Y is its subject, not the cause named last.
func (t *Tagger) relatedChanges(s *scratch, from int) {
	p := &s.pairs
	for i := 1; i < len(p.preds); i++ {
		pr, prev := &p.preds[i], &p.preds[i-1]
		if pr.bits&(cueInc|cueDec) != 0 || pr.subj < 0 || pr.subj != prev.subj || prev.obj < 0 ||
			p.groups[prev.obj].b > prev.tok || p.groups[prev.subj].a < prev.end {
			continue
		}
		for j := pr.tok - 1; j >= int32(from) && j >= pr.tok-4 && j >= p.groups[prev.subj].b; j-- {
			if t.hasClass2(s.toks[j], cl2Relative) {
				pr.subj = prev.obj
				break
			}
			if !t.hasClass2(s.toks[j], cl2Modal|cl2PassiveAux) && !t.hasClass(s.toks[j], clsCopula) && !t.ending(s, j, t.adverbEnd) {
				break
			}
		}
	}
}

// accompanyingResults gives a comparative in a phrase that opens with a
// comma and "with" (a preposition both of cause and of object) after the
// first relation ("X-treated mice displayed
// milder erythema, with a 45% lower PASI score") the first relation's
// subject: the phrase adds a result of the same cause.
func (t *Tagger) accompanyingResults(s *scratch) {
	p := &s.pairs
	toks := s.toks
	if len(p.preds) < 2 || p.preds[0].subj < 0 {
		return
	}
	for i := 1; i < len(p.preds); i++ {
		pr := &p.preds[i]
		if !pr.adjective || pr.subj == p.preds[0].subj {
			continue
		}
		for j := pr.tok - 1; j > p.preds[i-1].end && j >= pr.tok-4; j-- {
			if toks[j].flags&flagClause != 0 && t.hasClass2(toks[j], cl2PairCausePrep) && t.hasClass2(toks[j], cl2PairObjectPrep) {
				pr.subj = p.preds[0].subj
				break
			}
			if s.tokMent[j] >= 0 {
				break
			}
		}
	}
}

// coordinatedNouns gives a noun of change coordinated with the noun a
// causing verb takes ("X resulted in eradication of Y and (in) marked
// improvement of Z") the verb's subject: Z's cause is X, not Y.
func (t *Tagger) coordinatedNouns(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := 0; i+2 < len(p.preds); i++ {
		pr, nx, nn := &p.preds[i], &p.preds[i+1], &p.preds[i+2]
		if pr.subj < 0 || pr.obj < 0 || !nx.headless || nn.obj < 0 || nn.subj == pr.subj || nn.bits&(cueInc|cueDec) == 0 {
			continue
		}
		// The conjunction may follow a short phrase of its own ("of SIBO
		// in 71% of patients and in ...").
		k := p.groups[pr.obj].b
		for k < nn.tok && k-p.groups[pr.obj].b < 6 && !t.hasClass(toks[k], clsConj) &&
			s.tokMent[k] < 0 && toks[k].flags&flagClause == 0 {
			k++
		}
		if k >= nn.tok || nn.tok-k > 4 || !t.hasClass(toks[k], clsConj) || toks[k].flags&flagClause != 0 {
			continue
		}
		ok := true
		for j := k + 1; j < nn.tok; j++ {
			if s.tokMent[j] >= 0 || toks[j].flags&flagHard != 0 {
				ok = false
			}
		}
		if ok {
			nn.subj = pr.subj
		}
	}
}

// verbArguments reads the arguments that the wording of predicate i gives
// ("a link between X and Y", "the effect of X on Y", "Y was reduced by
// X", "Y is due to X", "Y improved after X", "restore Y with X", "X
// reduced Y"). It reports whether the subject names the arm of a trial
// ("Y fell in the X group") and whether the arguments are complete.
func (t *Tagger) verbArguments(s *scratch, i, left int, sb int32, from, to int) (armCause, done bool) {
	p := &s.pairs
	toks := s.toks
	pr := &p.preds[i]
	next := int32(to)
	for j := i + 1; j < len(p.preds); j++ {
		// a hyphenated modifier ("the <X>-induced <Y>") is part of the
		// noun phrase after the verb
		if !p.preds[j].hyphen {
			next = p.preds[j].tok
			break
		}
	}
	next = min(next, sb)
	k := t.skipFillers(s, pr.end, int32(to), 4)
	if pr.end < int32(to) && t.hasClass2(toks[pr.end], cl2PairOf) {
		k = pr.end // "of" is also a filler between a verb and its object
	}
	if pr.end-pr.tok > 1 && t.hasClass2(toks[pr.end-1], cl2PairBetween) {
		k = pr.end - 1 // the cue ends with it: "the main link between X and Y"
	}
	// "a link between X and Y"
	if k < int32(to) && t.hasClass2(toks[k], cl2PairBetween) {
		if g := p.groupAfter(k+1, sb); g >= 0 && p.groups[g].last-p.groups[g].first > 1 {
			if left >= 0 && t.armsNamed(s, g) {
				// "Y differed between the A group and the X + A group":
				// the arms are compared on Y (armDifferences)
				pr.obj = left
				return false, true
			}
			pr.within = g
			pr.obj = t.settingAfter(s, g, sb)
			return false, true
		}
	}
	right := p.groupAfter(pr.end, next)
	if k < int32(to) && t.hasClass2(toks[k], cl2PairOf) {
		if t.ofPhrase(s, pr, k, sb, left) {
			return false, true
		}
		if pr.bits&cueTopic != 0 {
			return false, true // a noun whose "of" names nothing of the taxonomy
		}
	}
	switch {
	case t.passive(s, pr, from):
		// "Y was reduced by X", "Y caused by X"
		pr.obj = left
		pr.relative = !t.auxBefore(s, pr, from)
		if g := t.causeAfter(s, pr.end, sb, false); g >= 0 {
			pr.subj = g
		} else if pr.end < int32(to) && t.hasClass2(toks[pr.end], cl2PairBy) {
			// "Y is depleted by <something outside the taxonomy>"
			pr.outside = true
		} else if g := t.causeBefore(s, left, from); g >= 0 {
			pr.subj = g // "After X, Y was eradicated"
			armCause = t.frontedArm(s, g, from)
		}
	case pr.bits&cueReverse != 0:
		pr.subj, pr.obj = right, left
	case t.hasClass2(toks[pr.tok], cl2OutcomeVerb) &&
		(right < 0 || p.groups[right].a != pr.end && p.groups[right].a != t.skipFillers(s, pr.end, int32(to), 3) &&
			!t.listLeadIn(s, pr.end, p.groups[right].a)):
		// "Y improved after X", "Y fell in the X group"
		pr.obj = left
		if left < 0 && right >= 0 && p.groups[right].a == pr.end+1 && t.hasClass2(toks[pr.end], cl2PairObjectPrep) &&
			t.nounEnding(s.text[toks[pr.tok].start:toks[pr.tok].end]) {
			// "Improvement in Y was seen after X": the noun's object
			// follows it.
			pr.obj = right
		}
		if g := t.causeAfter(s, pr.end, sb, true); g >= 0 && left >= 0 &&
			t.groupHasKind(s, left, kindIntervention) && !t.groupHasKind(s, g, kindIntervention) {
			// "X brings no lasting relief from Y": the outcome is a noun
			// of what X does, and Y its object, not its cause.
			pr.subj, pr.obj = left, g
		} else if g >= 0 {
			pr.subj, armCause = g, true
			if t.covaries(s, g) {
				// "Y rose with <Z> severity": they vary together
				pr.bits = pr.bits&^(cueInc|cueDec|cueHelp|cueHarm) | cueAssoc
			}
		} else if g := t.causeBefore(s, left, from); g >= 0 {
			pr.subj = g // "After X, Y improved"
			armCause = t.frontedArm(s, g, from)
		} else if left >= 0 && right >= 0 && t.groupHasKind(s, right, kindIntervention) && !t.groupHasKind(s, left, kindIntervention) &&
			!t.breakBetween(s.cueHits, pr.end, p.groups[right].a) && !t.opensClause(s, pr.end, right) {
			// "Y decreased in response to X": an intervention after an
			// outcome verb that takes no object is its cause
			pr.subj, pr.obj = right, left
		} else if left >= 0 && right >= 0 && t.opensClause(s, pr.end, right) {
			// "Y rose, and X ...": X opens a clause of its own
			pr.subj, pr.obj = -1, left
		} else {
			pr.subj, pr.obj = left, right
		}
	case right >= 0 && left >= 0 && t.instrument(s, right) && !t.groupHasKind(s, left, kindIntervention):
		// "restore <balance> with X": X is the agent.
		pr.subj, pr.obj = right, left
	case left < 0 && right >= 0 && t.ingForm(s, pr.tok) && right+1 < len(p.groups) && p.groups[right+1].a < sb &&
		t.instrument(s, right+1) && !t.groupHasKind(s, right, kindIntervention):
		// "Modulating <Y> with X ...": a gerund that opens the sentence
		// has X, its instrument, as agent.
		pr.subj, pr.obj = right+1, right
	default:
		pr.subj, pr.obj = left, right
	}
	return armCause, false
}

// objectPhrase corrects the arguments of predicate i by the noun phrases
// around them: a cause after the object ("<someone> developed Y after
// X"), a noun that passes on its "of" ("decreased the production of X"),
// people or animals named after what they took, a participle about a
// noun outside the taxonomy, the head of "the <X>-induced <Y>" and a
// second object joined by "of" ("flares of <condition>").
func (t *Tagger) objectPhrase(s *scratch, hits []cueHit, i, left int, armCause bool, sb int32, from, to int) {
	p := &s.pairs
	toks := s.toks
	pr := &p.preds[i]
	// "<someone> developed Y after X": a person is the subject, the
	// cause comes after the object.
	if pr.subj < 0 && pr.obj >= 0 && pr.bits&(cueInc|cueDec) != 0 {
		if g := t.causeAfter(s, p.groups[pr.obj].b, sb, true); g >= 0 && g != pr.obj {
			pr.subj = g
		}
	}
	// "decreased the production of X": the noun after the verb passes
	// the object of its "of" on; it relates nothing by itself.
	if pr.obj < 0 && i+1 < len(p.preds) && pr.bits&(cueInc|cueDec) != 0 {
		nx := &p.preds[i+1]
		of := nx.end // the "of" after the noun, or ending it ("the risk of")
		if !t.hasClass2(toks[nx.end-1], cl2PairOf) {
			of++
		}
		if k := t.skipFillers(s, pr.end, int32(to), 3); k == nx.tok && of-1 < int32(to) && t.hasClass2(toks[of-1], cl2PairOf) {
			if g := p.groupAfter(of, sb); g >= 0 && p.groups[g].a <= of+2 {
				pr.obj = g
				// "buffered the effects of <S> on <Y>": a noun of
				// association with an object of its own still relates
				// S to Y
				nx.headless = !t.effectOn(s, nx, g, sb)
				// "led to remission of X", "resulted in improvement of
				// X": a causing verb takes the direction of the noun it
				// causes.
				const dir = cueInc | cueDec | cueHelp | cueHarm
				if pr.bits&dir == cueInc && nx.bits&(cueInc|cueDec) != 0 && nx.bits&cueNegRel == 0 {
					pr.bits = pr.bits&^dir | nx.bits&dir
				} else if d, _ := t.changeNoun(s, hits, nx.tok); pr.bits&dir == cueInc && d < 0 && nx.bits&cueNegRel == 0 {
					// "caused depletion of X": a noun of loss
					pr.bits = pr.bits&^dir | cueDec
				}
			}
		}
	}
	// A group of people or animals named after what they took
	// ("<intervention>-treated mice") is no argument.
	if pr.obj >= 0 && (t.populationAfter(s, pr.obj) || t.populationPlace(s, pr.obj)) {
		pr.obj = -1
	}
	if pr.subj >= 0 && !armCause && t.populationAfter(s, pr.subj) && pr.subj != left {
		pr.subj = -1
	}
	// "behaviours induced by X": a participle about a noun outside the
	// taxonomy.
	if pr.relative && pr.tok > int32(from) && !t.inUnit(s, pr.tok-1) {
		pr.headless = true
	}
	// "reversed the <X>-induced <Y>": Y heads the noun phrase.
	// So does a concept after a noun of change and its preposition
	// ("alleviated the <X>-induced elevation in <Y>"), which is the
	// hyphenated cause's object too.
	if pr.obj >= 0 {
		for j := i + 1; j < len(p.preds); j++ {
			h := &p.preds[j]
			if h.hyphen && h.tok == p.groups[pr.obj].b {
				for g := pr.obj + 1; g < len(p.groups); g++ {
					if p.groups[g].a == h.end {
						pr.obj = g
					} else if t.changeOfBefore(s, h.end, p.groups[g].a) {
						pr.obj = g
						if h.obj < 0 {
							h.obj = g
							if dir, _ := t.changeNoun(s, hits, h.end); dir < 0 {
								h.bits = h.bits&^(cueInc|cueHelp|cueHarm) | cueDec // "<X>-induced decrease in <Y>"
							}
						}
						// "prevented the <X>-induced decrease in <Y>"
						// keeps Y up, as "prevented the decrease in Y"
						if dir, _ := t.changeNoun(s, hits, h.end); dir < 0 && pr.bits&cueDec != 0 && pr.bits&cueInc == 0 {
							pr.bits = pr.bits&^(cueDec|cueHelp) | cueInc
						}
					}
				}
			}
		}
	}
	// "Y was lower in the X group": the arm after a comparison is what it
	// compares.
	if pr.compare && pr.obj < 0 {
		for g := range p.groups {
			if gr := p.groups[g]; gr.a >= pr.end && gr.a < sb && g != pr.subj && p.units[gr.first].given {
				pr.obj = g
				break
			}
		}
	}
	// "A reduction in Y was observed in the X group": a change named by a
	// noun, found in an arm given an intervention, is its effect.
	if pr.subj < 0 && pr.obj >= 0 && pr.bits&(cueInc|cueDec) != 0 && !pr.compare && !pr.relative {
		for g := pr.obj + 1; g < len(p.groups) && p.groups[g].a < sb; g++ {
			a := p.groups[g].a
			if a > int32(from) && t.hasClass(toks[a-1], clsArticle|clsDeterminer) {
				a--
			}
			if p.units[p.groups[g].first].given && t.groupHasKind(s, g, kindIntervention) && a > int32(from) &&
				t.hasClass2(toks[a-1], cl2FindingPrep) && t.armAfter(s, g) {
				pr.subj = g
				break
			}
		}
	}
	// "led to <Y> eradication": a causing verb takes the direction of the
	// noun of change its object ends with.
	if pr.obj >= 0 && pr.bits&(cueInc|cueDec|cueHelp|cueHarm) == cueInc {
		if u := p.units[p.groups[pr.obj].first]; u.tail&(cueInc|cueDec) != 0 {
			pr.bits = pr.bits&^(cueInc|cueDec|cueHelp|cueHarm) | u.tail
		}
	}
	// "reduced flares of <condition>": the condition is an object too.
	if pr.obj >= 0 {
		e := p.groups[pr.obj].b
		if e < int32(to) && t.hasClass2(toks[e], cl2PairOf) {
			if g := p.groupAfter(e+1, sb); g >= 0 && p.groups[g].a <= e+3 && g != pr.subj {
				pr.obj2 = g
			}
		}
	}
}

// clauseArguments gives predicate i what it shares with the other
// predicates of the sentence: a subject shared by verbs in a series, none
// for a gerund in a list, the means or path after "via", the subjects of
// "all of which", an object passed on by a relative clause about a noun
// outside the taxonomy, what an anaphora stands for, and a list related
// within itself ("X and Y are associated").
func (t *Tagger) clauseArguments(s *scratch, hits []cueHit, i int, armCause bool, sb int32, from, to int) {
	p := &s.pairs
	toks := s.toks
	pr := &p.preds[i]
	if !armCause {
		t.sharedSubject(s, hits, i, from)
	}
	// "X, Y and avoiding Z": a gerund that is an item of a list has
	// no subject in it.
	if pr.tok > 1 && t.ingForm(s, pr.tok) && t.hasClass(toks[pr.tok-1], clsConj) {
		for gi, g := range p.groups {
			if g.b != pr.tok-1 {
				continue
			}
			if prev := i - 1; prev >= 0 && p.preds[prev].obj == gi && p.preds[prev].subj >= 0 && t.ingForm(s, p.preds[prev].tok) {
				// "..., promoting Y and worsening Z": a participle
				// coordinated with the one before shares its subject
				pr.subj = p.preds[prev].subj
			} else {
				pr.subj = -1
			}
		}
	}
	t.viaGroup(s, pr, sb)
	// "X protects against pathogens that cause Y": the relative clause
	// speaks of a noun outside the taxonomy; its object is what the
	// verb before it acts on.
	if k := t.relativeBefore(s, pr.tok, from); k > int32(from)+1 && t.hasClass2(toks[k-1], cl2PairOf) && t.hasClass2(toks[k-2], cl2Collective) {
		// "X, Y and Z, all of which improve W"
		pr.collect, pr.subj = k-2, -1
	} else if q := t.ownedEffectAt(s, k-1); k > int32(from) && q >= 0 {
		pr.subj = p.preds[q].owner - 1 // "X has <Y> effects that help Z"
	} else if k > int32(from) && s.tokMent[k-1] < 0 && !t.inUnit(s, k-1) {
		pr.headless = true
		if i > 0 && p.preds[i-1].obj < 0 && pr.obj >= 0 {
			p.preds[i-1].obj = pr.obj
		}
	}
	if pr.subj < 0 && i > 0 && t.anaphoraNear(s, pr.tok-1, -1, 3, from, to) {
		pr.subj = p.preds[i-1].subj // "..., but they may help Y"
	} else if i > 0 && pr.subj >= 0 && p.preds[i-1].subj >= 0 && p.preds[i-1].subj != pr.obj && t.pronounSubject(s, pr, p.groups[pr.subj].b) {
		pr.subj = p.preds[i-1].subj // "Although X reduced Y, they had no effect on Z"
	}
	if i > 0 && p.preds[i-1].subj >= 0 && p.preds[i-1].subj != pr.subj && p.groups[p.preds[i-1].subj].last-p.groups[p.preds[i-1].subj].first > 1 &&
		(pr.subj < 0 || p.groups[pr.subj].b < pr.tok) {
		// "Neither X nor Y improved Z, although both lowered W": a
		// quantifier alone as the subject of a clause stands for the
		// list before
		k := pr.tok - 1
		for k > int32(from) && t.hasClass2(toks[k], cl2Modal) {
			k--
		}
		if k > int32(from) && t.hasClass2(toks[k], cl2Collective) && s.tokMent[k] < 0 &&
			(toks[k].flags&flagClause != 0 || t.hasClass(toks[k-1], clsConj) || t.onCueBits(hits, k-1, cueClauseBreak|cueContrast)) {
			pr.subj = p.preds[i-1].subj
		}
	}
	if pr.obj < 0 && (pr.anaphoric || t.anaphoraNear(s, pr.end, 1, 3, from, to)) {
		// "whereas W may improve it", "have not reduced its severity"
		switch {
		case i > 0 && p.preds[i-1].obj >= 0 && p.preds[i-1].obj != pr.subj:
			pr.obj = p.preds[i-1].obj
		default:
			for g := p.groupBefore(pr.tok, int32(from)); g >= 0; g-- {
				if g != pr.subj && p.groups[g].b <= pr.tok {
					pr.obj = g
					break
				}
			}
		}
	}
	// "Y did not change in the placebo group, whereas it fell (but fell)
	// in the X group": the pronoun before an outcome verb whose cause is
	// an arm, or the subject it shares with the verb before, is the
	// outcome named before.
	if pr.obj < 0 && pr.subj >= 0 && i > 0 && t.hasClass2(toks[pr.tok], cl2OutcomeVerb) &&
		t.groupHasKind(s, pr.subj, kindIntervention) &&
		(t.anaphoraNear(s, pr.tok-1, -1, 3, from, to) || t.hasClass(toks[pr.tok-1], clsConj) || t.onCueBits(hits, pr.tok-1, cueClauseBreak|cueContrast)) {
		for _, g := range [2]int{p.preds[i-1].subj, p.preds[i-1].obj} {
			if g >= 0 && g != pr.subj && !t.groupHasKind(s, g, kindIntervention) {
				pr.obj = g
				break
			}
		}
	}
	// No object after the verb and a list before it: "X and Y are
	// associated".
	if pr.obj < 0 && pr.subj >= 0 && pr.bits&(cueInc|cueDec) == 0 &&
		p.groups[pr.subj].last-p.groups[pr.subj].first > 1 {
		pr.within, pr.subj = pr.subj, -1
	}
}

// titleRoles reads "X eases Y: the role of Z" ("a role for Z"), a title whose second part
// names the role of Z in what the first states: Z is the path of the
// relation before the colon (X > Z associated), not the verb's object.
func (t *Tagger) titleRoles(s *scratch, hits []cueHit, from, to int) {
	p := &s.pairs
	toks := s.toks
	for k := int32(from) + 1; k < int32(to); k++ {
		if toks[k].flags&flagClause == 0 || !strings.Contains(s.text[toks[k-1].end:toks[k].start], ":") {
			continue
		}
		j := k
		if t.hasClass(toks[j], clsArticle) {
			j++
		}
		if !t.onCueBits(hits, j, cueRole) || int(j)+1 >= to || !t.hasClass2(toks[j+1], cl2PairOf|cl2Purpose) {
			return
		}
		g := p.groupAfter(j+2, int32(to))
		if g < 0 || p.groups[g].a > j+4 {
			return
		}
		for i := range p.preds {
			pr := &p.preds[i]
			if pr.tok >= k {
				break
			}
			if pr.subj >= 0 && pr.via < 0 && !pr.headless && pr.within < 0 && p.groups[pr.subj].b <= k && pr.subj != g {
				if pr.obj == g {
					pr.obj = -1
				}
				pr.via = g
				return
			}
		}
		return
	}
}

// hyphenHeads reads "worsening of Y by X-induced Z": a cause found after
// the verb that is the hyphenated modifier of a concept stands for the
// head of its phrase, Z, as an object does ("reversed the X-induced Z").
func (t *Tagger) hyphenHeads(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.hyphen || pr.subj < 0 || p.groups[pr.subj].a < pr.end {
			continue
		}
		for j := range p.preds {
			h := &p.preds[j]
			if h.hyphen && h.subj == pr.subj && h.obj >= 0 && h.obj != pr.subj && h.obj != pr.obj && p.groups[h.obj].a == h.end {
				pr.subj = h.obj
				break
			}
		}
	}
}

// inducedChangeSubjects reads "X-induced <Y> depletion improved Z" and
// "X-induced depletion of <Y> lowered Z": the subject is a change of Y
// that X brought about, so X is the subject of the verb, as a gerund's
// agent is ("clearing Y with X was followed by ..."); Y goes with X only,
// through the hyphenated cause. A concept that is itself the change
// ("X-induced <imbalance> worsened Z") stays the subject.
func (t *Tagger) inducedChangeSubjects(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.hyphen || pr.subj < 0 || pr.relative || pr.within >= 0 {
			continue
		}
		g := p.groups[pr.subj]
		behind := g.a >= pr.end // the cause of a passive: "Y was lowered by X-induced <Z> depletion"
		if !behind && (g.b > pr.tok || pr.tok-g.b > 4) {
			continue
		}
		for j := range p.preds {
			h := &p.preds[j]
			if !h.hyphen || h.subj < 0 || h.subj == pr.subj || h.end > g.a || !t.groupHasKind(s, h.subj, kindIntervention) {
				continue
			}
			a := g.a
			if a > h.end && t.hasClass(toks[a-1], clsArticle|clsDeterminer) {
				a--
			}
			after := int(g.b) < len(toks) && (behind || g.b < pr.tok) && toks[g.b].flags&flagHard == 0
			if after {
				dir, _ := t.changeNoun(s, hits, g.b)
				after = dir != 0 || t.hasClass2(toks[g.b], cl2NeutralChange)
			}
			if a == h.end && after || a > h.end && t.changeOfBefore(s, h.end, a) {
				pr.subj = h.subj
			}
		}
	}
}

// exampleReach bounds the noun phrase between a verb and the examples of
// its object ("improved several markers altered by the drug, such as").
const exampleReach = 12

// exampleObjects reads "X improved several markers altered by the drug,
// such as Y and Z": a verb whose object is a noun outside the taxonomy
// acts on the concepts listed as examples of it (pair-examples). Only a
// participle about that noun may stand between the verb and the list.
func (t *Tagger) exampleObjects(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj < 0 || pr.obj >= 0 || pr.within >= 0 || pr.denial || pr.relative || pr.headless || pr.collect >= 0 {
			continue
		}
		_, sb := segment(s, pr.tok)
		g := p.groupAfter(pr.end, sb)
		if g < 0 || g == pr.subj || p.groups[g].a-pr.end > exampleReach {
			continue
		}
		lead := t.exampleLeadBefore(s, p.groups[g].a, pr.end)
		if lead <= pr.end {
			continue
		}
		ok := true
		for j := i + 1; j < len(p.preds) && p.preds[j].tok < lead; j++ {
			ok = ok && p.preds[j].relative
		}
		if ok {
			pr.obj = g
		}
	}
}

// exampleLeadBefore returns the first token of a pair-examples phrase
// that ends right before token a, maybe followed by an article or a
// determiner ("including the"), or -1. The phrase starts after token lo.
func (t *Tagger) exampleLeadBefore(s *scratch, a, lo int32) int32 {
	toks := s.toks
	for n := 0; n < 2 && a-1 > lo && t.hasClass(toks[a-1], clsArticle|clsDeterminer); n++ {
		a--
	}
	for _, ph := range t.exampleLeads {
		k := a - int32(len(ph))
		if k <= lo {
			continue
		}
		match := true
		for j, id := range ph {
			if toks[k+int32(j)].id != id || j > 0 && toks[k+int32(j)].flags&flagHard != 0 {
				match = false
				break
			}
		}
		if match {
			return k
		}
	}
	return -1
}

// causedObjects reads "X eased the deficits induced by Y": the verb acts
// on what Y caused, a noun outside the taxonomy; Y is its object.
func (t *Tagger) causedObjects(s *scratch) {
	p := &s.pairs
	for i := 0; i+1 < len(p.preds); i++ {
		pr, nx := &p.preds[i], &p.preds[i+1]
		if pr.obj < 0 && pr.subj >= 0 && pr.bits&(cueInc|cueDec) != 0 && nx.relative && nx.headless && nx.subj >= 0 &&
			nx.subj != pr.subj && nx.tok-pr.end <= 4 && !clauseBetween(s.toks, int(pr.end), int(nx.tok)) {
			pr.obj = nx.subj
		}
	}
}

// viaGroup reads the group after "via" or "through" that follows
// predicate pr in its clause: an intervention is the means, the subject
// when the predicate has none ("Y was eased through <X>", "Y improved
// through <X>"); another concept
// is the path, which the subject is associated with ("X eased Y via <Z>").
// A reduced relative clause ("<Y> induced by X via Z") has no path of its
// own.
func (t *Tagger) viaGroup(s *scratch, pr *predicate, sb int32) {
	p := &s.pairs
	if pr.hyphen || pr.relative {
		return
	}
	toks := s.toks
	k := pr.end
	if pr.obj >= 0 {
		k = max(k, p.groups[pr.obj].b)
	}
	if pr.obj >= 0 && pr.bits&(cueInc|cueDec) != 0 {
		// "X lessened <symptom> through the modulation of Z": an object found
		// after "via" is the path, the verb's own object being a noun
		// outside the taxonomy, however long its phrase ("caused poor
		// memory and synaptic loss through Z", "eased the toxicity of
		// lead, possibly through Z"), up to another relation.
		for j := pr.end; j < p.groups[pr.obj].a && j < pr.end+12; j++ {
			if t.hasClass2(toks[j], cl2Via) && s.tokMent[j] < 0 {
				pr.obj, k = -1, pr.end
				break
			}
			if t.onCue(s.cueHits, j) || s.tokMent[j] >= 0 && !s.ments[s.tokMent[j]].dropped {
				break
			}
		}
	}
	for j := k; j < sb && j < k+12; j++ {
		if !t.hasClass2(toks[j], cl2Via) {
			continue
		}
		g := p.groupAfter(j+1, sb)
		if g < 0 || g == pr.obj || g == pr.subj {
			return
		}
		if p.groups[g].a > j+3 {
			// "via changes in (the) Z", "through modulation of Z": a
			// noun of change passes its object on
			b := p.groups[g].a
			if t.hasClass(toks[b-1], clsArticle|clsDeterminer) {
				b--
			}
			a := j + 1
			if t.hasClass(toks[a], clsArticle|clsDeterminer) {
				a++ // "through the modulation of Z"
			}
			if !t.changeOfBefore(s, a, b) && !t.pathPhrase(s, a, b) {
				return
			}
			for q := range p.preds {
				if p.preds[q].tok == a {
					p.preds[q].headless = true // the noun relates nothing itself
				}
			}
		}
		switch {
		case t.groupHasKind(s, g, kindIntervention):
			switch {
			case pr.subj < 0:
				pr.subj = g
			case pr.obj < 0: // "Y improved through X"
				pr.subj, pr.obj = g, pr.subj
			}
		case pr.subj >= 0:
			pr.via = g
		}
		return
	}
}

// settingAfter returns the group of conditions that a relation between
// the members of group g is found in ("between X and Y in <condition>",
// "... in <kind of> diseases such as <condition> or <condition>"), or
// -1; people named by it ("in patients with <condition>") are a
// population, no setting.
func (t *Tagger) settingAfter(s *scratch, g int, sb int32) int {
	p := &s.pairs
	toks := s.toks
	k := p.groups[g].b
	if k >= sb || !t.hasClass2(toks[k], cl2FindingPrep) {
		return -1
	}
	h := p.groupAfter(k+1, sb)
	if h < 0 || p.groups[h].a > k+7 || !t.groupHasKind(s, h, kindCondition) || t.populationGroup(s, h) {
		return -1
	}
	for j := k + 1; j < p.groups[h].a; j++ {
		if t.hasClass2(toks[j], cl2Population) || t.onCueBits(s.cueHits, j, relationBits) {
			return -1
		}
	}
	// a condition named as the kind of the list ("<condition>
	// diseases such as ...") gives way to the list
	if n := h + 1; n < len(p.groups) && p.groups[n].a < sb && p.groups[n].a <= p.groups[h].b+4 && t.groupHasKind(s, n, kindCondition) &&
		t.exampleLeadBefore(s, p.groups[n].a, p.groups[h].b-1) >= 0 {
		return n
	}
	return h
}

// populationAfter reports whether group g is named by people or animals
// right after it ("<X>-treated mice", "<condition> patients").
func (t *Tagger) populationAfter(s *scratch, g int) bool {
	e := s.pairs.groups[g].b
	return int(e) < len(s.toks) && t.hasClass2(s.toks[e], cl2Population) && s.toks[e].flags&flagHard == 0 &&
		!t.groupHasKind(s, g, kindCondition)
}

// populationPlace reports whether group g names the people or animals in
// which something was measured ("in the feces of <condition> mice", "in
// <condition> patients"): a population word after it and a preposition
// before it.
func (t *Tagger) populationPlace(s *scratch, g int) bool {
	return t.populationSpan(s, s.pairs.groups[g].a, s.pairs.groups[g].b)
}

// populationSpan reports whether tokens [a, e) name a population after a
// preposition (populationPlace).
func (t *Tagger) populationSpan(s *scratch, a, e int32) bool {
	toks := s.toks
	if int(e) >= len(toks) || !t.hasClass2(toks[e], cl2Population) || toks[e].flags&flagHard != 0 {
		return false
	}
	for k := a - 1; k >= 0 && k >= a-3; k-- {
		if t.hasClass2(toks[k], cl2PairOf|cl2PairObjectPrep) {
			return true
		}
		if !t.hasClass(toks[k], clsArticle|clsDeterminer|clsAdjective) {
			return false
		}
	}
	return false
}

// relativeBefore returns the relative pronoun right before token k (past
// modals), or -1.
func (t *Tagger) relativeBefore(s *scratch, k int32, from int) int32 {
	for j := k - 1; j >= int32(from) && j >= k-3; j-- {
		if t.hasClass2(s.toks[j], cl2Relative) {
			return j
		}
		if !t.hasClass2(s.toks[j], cl2Modal) && !t.ending(s, j, t.adverbEnd) {
			return -1
		}
	}
	return -1
}

// leftGroup returns the subject group before token k in the segment from
// sa: the nearest one, unless it only qualifies people ("microbiota from
// <condition> patients", "children who have <condition>") and another group
// stands before it.
func (t *Tagger) leftGroup(s *scratch, k, sa int32) int {
	p := &s.pairs
	g := p.groupBefore(k, sa)
	if g <= 0 || !t.populationGroup(s, g) && !t.purposeGroup(s, g) && !t.adjunctGroup(s, g) && !t.groupSetAside(s, g) && !t.addedToGroup(s, g) &&
		!t.donorGroup(s, g) {
		return g
	}
	lo := sa
	if t.groupSetAside(s, g) {
		lo = 0 // "W, but not X, cleared Y": W stands before the contrast
	}
	if h := p.groupBefore(p.groups[g].a, lo); h >= 0 {
		return h
	}
	return g
}

// covaries reports whether group g, the cause of an outcome verb, follows
// a word that is both a cause and an object preposition ("with") and names
// no intervention: "Y rose with <Z>" says that Y and Z vary together.
func (t *Tagger) covaries(s *scratch, g int) bool {
	if t.groupHasKind(s, g, kindIntervention) {
		return false
	}
	for j := s.pairs.groups[g].a - 1; j >= 0 && j >= s.pairs.groups[g].a-3; j-- {
		if t.hasClass2(s.toks[j], cl2PairCausePrep) && t.hasClass2(s.toks[j], cl2PairObjectPrep) {
			return true
		}
		if !t.hasClass(s.toks[j], clsArticle|clsDeterminer|clsAdjective) {
			return false
		}
	}
	return false
}

// donorGroup reports whether group g names, by what they were given, the
// people or animals something comes from ("FMT from <X>-fed donors"): a
// source, not the subject.
func (t *Tagger) donorGroup(s *scratch, g int) bool {
	a := s.pairs.groups[g].a
	for j := a - 1; j >= 0 && j >= a-3; j-- {
		if t.hasClass2(s.toks[j], cl2PairCausePrep) {
			if j == 0 || s.tokMent[j-1] < 0 {
				return false
			}
			e := int(s.pairs.groups[g].b)
			if e+1 < len(s.toks) && t.hasClass(s.toks[e], clsGiven) {
				e++ // "<X>-fed donors"
			}
			return e < len(s.toks) && t.hasClass2(s.toks[e], cl2Population) && !t.groupHasKind(s, g, kindCondition)
		}
		if !t.hasClass(s.toks[j], clsArticle|clsDeterminer|clsAdjective) {
			return false
		}
	}
	return false
}

// addedToGroup reports whether group g names what something else is added
// to ("adding X to <Y>", "X added to <Y>", "an adjunct to <Y>"): the
// setting of the relation, not its subject.
func (t *Tagger) addedToGroup(s *scratch, g int) bool {
	p := &s.pairs
	toks := s.toks
	// "to" up to four words before it ("to the high-fat, <high-sugar diet>")
	a := p.groups[g].a
	j := a - 1
	for j > 0 && j >= a-4 && !t.hasClass2(toks[j], cl2PurposeTo) && (g == 0 || j >= p.groups[g-1].b) {
		j--
	}
	if j < 1 || !t.hasClass2(toks[j], cl2PurposeTo) || g > 0 && j < p.groups[g-1].b {
		return false
	}
	if t.hasClass2(toks[j-1], cl2AdditionWord) {
		return true // "X added to <Y>", "an adjunct to <Y>"
	}
	h := p.groupBefore(j, 0)
	if h < 0 || p.groups[h].b != int32(j) {
		return false
	}
	for k := p.groups[h].a - 1; k >= 0 && k >= p.groups[h].a-3; k-- {
		if t.hasClass2(toks[k], cl2AdditionWord) {
			return true // "adding X to <Y>"
		}
		if !t.hasClass(toks[k], clsArticle|clsDeterminer|clsAdjective) {
			return false
		}
	}
	return false
}

// addedToUnit reports whether unit u belongs to a group that names what
// something else is added to (addedToGroup).
func (t *Tagger) addedToUnit(s *scratch, u int) bool {
	g := s.pairs.groupOf(u)
	return g >= 0 && t.addedToGroup(s, g)
}

// adjunctGroup reports whether group g follows an adjunct word ("X
// alongside <Y>"), past articles and determiners.
func (t *Tagger) adjunctGroup(s *scratch, g int) bool {
	for j := s.pairs.groups[g].a - 1; j >= 0 && j >= s.pairs.groups[g].a-3; j-- {
		if t.hasClass2(s.toks[j], cl2Adjunct) {
			return true
		}
		if !t.hasClass(s.toks[j], clsArticle|clsDeterminer|clsAdjective) {
			return false
		}
	}
	return false
}

// purposeGroup reports whether group g is the purpose of something named
// before it ("courses of X for <condition>").
func (t *Tagger) purposeGroup(s *scratch, g int) bool {
	a := s.pairs.groups[g].a
	return a > 0 && t.hasClass2(s.toks[a-1], cl2Purpose) && t.groupHasKind(s, g, kindCondition)
}

// populationGroup reports whether group g names the condition of people or
// animals: a population word right after it ("<condition> patients") or,
// within three words before it, one followed by "with" or "have"
// ("patients with <condition>", "children who already have <condition>").
// The concept that is also an outcome names a state people have as a
// condition does ("individuals with chronic insomnia"), unless it was
// given.
func (t *Tagger) populationGroup(s *scratch, g int) bool {
	p := &s.pairs
	toks := s.toks
	gr := p.groups[g]
	if !t.groupHasKind(s, g, kindCondition) && !t.groupHasState(s, g) {
		return !t.groupHasKind(s, g, kindIntervention) && t.exposedPopulation(s, gr.a)
	}
	if int(gr.b) < len(toks) && t.hasClass2(toks[gr.b], cl2Population) && toks[gr.b].flags&flagHard == 0 {
		return true
	}
	for j := gr.a - 1; j >= 0 && j >= gr.a-4; j-- {
		if t.hasClass2(toks[j], cl2Population) {
			return true
		}
		// "patients with (severe, poor) <condition>"
		if !t.hasClass2(toks[j], cl2Have|cl2RelPrep|cl2Relative|cl2Modal) && !t.hasClass(toks[j], clsArticle|clsAdjective|clsLess) {
			return false
		}
	}
	return false
}

// ofPhrase reads a relation noun followed by "of" at token k: "the effect
// of X on Y" (a relation noun: X is the subject), "the eradication of Y
// with X", "improvement of Y after X" (an action: Y is the object, the
// agent follows or precedes). It reports whether it set the arguments.
func (t *Tagger) ofPhrase(s *scratch, pr *predicate, k, sb int32, left int) bool {
	p := &s.pairs
	toks := s.toks
	g1 := p.groupAfter(k+1, sb)
	if g1 < 0 || p.groups[g1].a > k+5 || s.pairs.cueOrBreak(t, s, k+1, p.groups[g1].a) {
		return false
	}
	e := p.groups[g1].b
	var g2 int = -1
	prep := int32(-1)
	if e < sb && t.hasClass2(toks[e], cl2PairObjectPrep|cl2PairCausePrep|cl2PairBy) {
		prep = e
		if g := p.groupAfter(e+1, sb); g >= 0 && p.groups[g].a <= e+4 {
			g2 = g
		}
	}
	if pr.bits&cueTopic != 0 && pr.bits&(cueInc|cueDec) == 0 || pr.bits&cueAssoc != 0 && pr.bits&(cueInc|cueDec) == 0 {
		if g2 < 0 || !t.hasClass2(toks[prep], cl2PairObjectPrep) {
			return false
		}
		pr.subj, pr.obj = g1, g2
		return true
	}
	// An action: "<noun> of Y with/by/after X"; but an intervention after
	// "of" is what acts ("a benefit of X on Y").
	pr.obj = g1
	switch {
	case g2 >= 0 && t.groupHasKind(s, g1, kindIntervention) && !t.groupHasKind(s, g2, kindIntervention):
		pr.subj, pr.obj = g1, g2
	case pr.bits&(cueTopic|cueHelp|cueHarm) != 0 && t.groupHasKind(s, g1, kindIntervention):
		// "a beneficial effect of X against ...": X acts; what it acts on
		// comes with the words after it
		pr.subj, pr.obj = g1, -1
	case g2 >= 0:
		pr.subj = g2
	default:
		if g := t.causeAfter(s, e, sb, true); g >= 0 {
			pr.subj = g
		} else if q := t.seriesBefore(s, pr, left); q >= 0 {
			pr.subj = p.preds[q].subj // "X led to a reduction in Y and a worsening of Z"
		} else if left >= 0 {
			pr.subj = left
		}
	}
	return true
}

// seriesBefore returns the predicate whose object is group left when noun
// of change pr follows that object in a series ("a reduction in <left> and
// a worsening of Z"): pr shares its subject. Else -1.
func (t *Tagger) seriesBefore(s *scratch, pr *predicate, left int) int {
	p := &s.pairs
	toks := s.toks
	if left < 0 || !t.nounOfChange(s, pr) {
		return -1
	}
	e := p.groups[left].b
	if pr.tok != e+2 || !t.hasClass(toks[e], clsConj) || !t.hasClass(toks[e+1], clsArticle) {
		return -1
	}
	for q := range p.preds {
		if qp := &p.preds[q]; qp.tok < pr.tok && qp.obj == left && qp.subj >= 0 && qp.subj != left {
			return q
		}
	}
	return -1
}

// cueOrBreak reports whether tokens [a, b) hold a relation cue or a
// clause break: words that cannot stand inside the noun phrase after "of"
// ("the effect of <XYZ> and <concept>").
func (p *pairScratch) cueOrBreak(t *Tagger, s *scratch, a, b int32) bool {
	for j := a; j < b; j++ {
		if s.toks[j].flags&flagHard != 0 || t.onCue(s.cueHits, j) {
			return true
		}
	}
	return false
}

// instrument reports whether group g comes right after "with" or "by"
// and names an intervention: the agent of the verb before it.
func (t *Tagger) instrument(s *scratch, g int) bool {
	p := &s.pairs
	a := p.groups[g].a
	for j := a - 1; j >= 0 && j >= a-3; j-- {
		if t.hasClass2(s.toks[j], cl2PairBy) || t.hasClass2(s.toks[j], cl2PairCausePrep) && t.hasClass2(s.toks[j], cl2PairObjectPrep) {
			return t.groupHasKind(s, g, kindIntervention)
		}
		if !t.hasClass(s.toks[j], clsArticle|clsAdjective|clsDeterminer) {
			return false
		}
	}
	return false
}

// sharedSubject gives predicate i the subject that its wording shares with
// an earlier one: a verb joined by a conjunction or a contrast ("X reduced
// Y and improved Z", "X reduced Y but did not change Z"), an action after
// "by" or "through" ("X eased Y, possibly by shaping Z"), and a participle
// after a comma ("X restored Y, benefiting Z"); a participle of
// consequence chains from the object before it instead ("X triggers Y,
// leading to Z").
func (t *Tagger) sharedSubject(s *scratch, hits []cueHit, i, from int) {
	p := &s.pairs
	j := i - 1
	for j >= 0 && p.preds[j].hyphen {
		j-- // a hyphenated modifier ("<X>-induced") lies inside a noun phrase
	}
	if j < 0 || p.preds[i].hyphen {
		return
	}
	pr, prev := &p.preds[i], &p.preds[j]
	toks := s.toks
	k := pr.tok - 1
	for k > int32(from) && t.hasClass(toks[k], clsArticle|clsDeterminer) {
		k--
	}
	switch {
	case prev.compare && pr.bits&cueCompar != 0 && pr.tok > int32(from) && t.hasClass(toks[pr.tok-1], clsConj):
		// "the X arm had fewer Y and lower Z": comparatives in a series
		// compare the same groups.
		pr.subj, pr.compare = prev.subj, true
	case prev.relative && prev.obj >= 0 && pr.subj == prev.subj:
		// "<Y> caused by <X> precedes <Z>": Y heads the subject.
		pr.subj = prev.obj
	case k >= int32(from) && (t.hasClass2(toks[k], cl2PairBy) || t.hasClass2(toks[k], cl2Via) && t.ingForm(s, pr.tok)):
		// "X eased Y by lowering Z", "X eased Y via modulating Z": the
		// gerund is the means of the subject before.
		if prev.subj >= 0 {
			pr.subj = prev.subj
		}
	case k == pr.tok-1 && k >= int32(from) && t.ingForm(s, pr.tok) && t.onCueBits(hits, k, cueClauseBreak) && prev.subj >= 0:
		// "X may prevent Y while regulating Z": a gerund after a
		// subordinator has the subject of the clause before
		pr.subj = prev.subj
	case t.participleAfterComma(s, pr):
		if pr.bits&cueInc != 0 && pr.bits&cueHarm == 0 {
			if prev.obj >= 0 {
				pr.subj = prev.obj
			}
		} else if p.preds[0].subj >= 0 {
			pr.subj = p.preds[0].subj
		}
	case t.coordinatedVerb(s, hits, prev, pr):
		// The subject is shared, even when it is no concept
		// ("Supplements improved X and reduced Y"), and so is a
		// population's finding ("<condition> patients had lower Y and
		// higher Z").
		pr.subj = prev.subj
		if prev.population && pr.subj >= 0 {
			pr.compare, pr.population = true, true
		}
		if prev.subj < 0 && prev.obj >= 0 {
			prev.outside, pr.outside = true, true
		}
	}
}

// participleAfterComma reports whether predicate pr is an -ing form right
// after clause punctuation, with at most an adverb or a hedge between.
func (t *Tagger) participleAfterComma(s *scratch, pr *predicate) bool {
	toks := s.toks
	w := toks[pr.tok]
	if w.end-w.start < 5 || w.id < 0 {
		return false
	}
	k := pr.tok
	for k > 0 && toks[k].flags&flagClause == 0 && pr.tok-k < 2 {
		k--
	}
	return toks[k].flags&flagClause != 0 && t.ingForm(s, pr.tok)
}

// passive reports whether predicate pr is a passive verb: "was reduced",
// "is caused by", and the reduced relative "<Y> caused by <X>" (an -ed form
// followed by "by").
func (t *Tagger) passive(s *scratch, pr *predicate, from int) bool {
	toks := s.toks
	if pr.bits&(cueInc|cueDec) == 0 {
		return false // "X is associated with Y" has no direction to reverse
	}
	if e := int(pr.end); e < len(toks) && t.hasClass2(toks[e], cl2PairBy) && t.edForm(s, pr.end-1) {
		// "fell by 11 points" is no passive
		return e+1 >= len(toks) || toks[e+1].flags&flagDigit == 0
	}
	for k := pr.tok - 1; k >= int32(from) && k >= pr.tok-3; k-- {
		if t.hasClass2(toks[k], cl2PassiveAux) {
			return t.edForm(s, pr.tok)
		}
		if !t.hasClass2(toks[k], cl2Modal) && !t.hasClass(toks[k], clsComparative) {
			return false
		}
	}
	return false
}

// causeBefore returns an intervention group that a cause preposition
// introduces before group obj in the sentence ("After a course of X, Y
// improved"), or -1.
func (t *Tagger) causeBefore(s *scratch, obj, from int) int {
	p := &s.pairs
	if obj < 0 {
		return -1
	}
	for g := obj - 1; g >= 0; g-- {
		a := p.groups[g].a
		if !t.groupHasKind(s, g, kindIntervention) {
			continue
		}
		for j := a - 1; j >= int32(from) && j >= a-7; j-- {
			if t.hasClass2(s.toks[j], cl2PairCausePrep) && !t.hasClass2(s.toks[j], cl2PairObjectPrep) {
				return g
			}
		}
		if t.frontedArm(s, g, from) {
			return g // "In the X group, Y fell"
		}
	}
	return -1
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
	if k < int32(from) || !t.hasClass2(toks[k], cl2FindingPrep) || !t.armAfter(s, g) {
		return false
	}
	return k == int32(from) || toks[k].flags&flagClause != 0
}

// auxBefore reports whether a passive auxiliary stands within three tokens
// before predicate pr.
func (t *Tagger) auxBefore(s *scratch, pr *predicate, from int) bool {
	for k := pr.tok - 1; k >= int32(from) && k >= pr.tok-3; k-- {
		if t.hasClass2(s.toks[k], cl2PassiveAux) {
			return true
		}
	}
	return false
}

// causeAfter returns the group after a "by" or a cause preposition that
// follows token k within its segment (up to hi): the subject of a passive
// or of an outcome verb. With inIntervention, "in", "via" and "through"
// also introduce a cause when what follows is an intervention ("fell in
// the X group", "improved through X").
func (t *Tagger) causeAfter(s *scratch, k, hi int32, inIntervention bool) int {
	p := &s.pairs
	toks := s.toks
	for j := k; j < hi && j < k+10; j++ {
		if j > 0 && t.hasClass2(toks[j-1], cl2Population) && t.hasClass2(toks[j], cl2PairObjectPrep) {
			// "patients with X" are a population, and what follows them
			// ("..., perhaps correlated with Z") is another phrase's
			return -1
		}
		cause := t.hasClass2(toks[j], cl2PairBy|cl2PairCausePrep)
		if !cause && !(inIntervention && t.hasClass2(toks[j], cl2PairObjectPrep|cl2Via)) {
			continue
		}
		limit := j + 4
		if j+1 < hi && toks[j+1].flags&flagDigit != 0 {
			limit = j + 6 // a duration first: "after 8 weeks of a gluten-free diet"
		}
		g := p.groupAfter(j+1, hi)
		if g < 0 || p.groups[g].a > limit || t.opensClause(s, j+1, g) {
			continue // "rose within two weeks, and X ...": X opens a clause of its own
		}
		if !cause && !t.groupHasKind(s, g, kindIntervention) {
			continue
		}
		if !cause && !t.hasClass2(toks[j], cl2Via) && !t.armAfter(s, g) && !p.units[p.groups[g].first].given {
			continue // "protects against X": X is no cause ("in children given X" is)
		}
		return g
	}
	return -1
}

// armAfter reports whether a group word or a population follows group g:
// it names an arm of a trial ("in the X group", "in X-fed mice").
func (t *Tagger) armAfter(s *scratch, g int) bool {
	e := s.pairs.groups[g].b
	return int(e) < len(s.toks) && s.toks[e].flags&flagHard == 0 &&
		(t.hasClass(s.toks[e], clsGroup) || t.hasClass2(s.toks[e], cl2Population) || t.edForm(s, e))
}

// groupHasState reports whether group g names the concept that is also an
// outcome (a state of people, such as sleep), not given to them.
func (t *Tagger) groupHasState(s *scratch, g int) bool {
	p := &s.pairs
	if t.alsoOutcome < 0 {
		return false
	}
	for u := p.groups[g].first; u < p.groups[g].last; u++ {
		if p.units[u].concept == t.alsoOutcome && !p.units[u].given {
			return true
		}
	}
	return false
}

func (t *Tagger) groupHasKind(s *scratch, g int, kind int8) bool {
	p := &s.pairs
	for u := p.groups[g].first; u < p.groups[g].last; u++ {
		if t.concepts[p.units[u].concept].kind == kind {
			return true
		}
	}
	return false
}

// coordinatedVerb reports whether predicate b is joined to predicate a by
// a conjunction or a contrast only, with modals and negators
// ("X reduced Y and improved Z", "X reduced Y but did not change Z"), not
// by a relative pronoun ("X raised Y, which lowered Z") or a subject of
// its own.
func (t *Tagger) coordinatedVerb(s *scratch, hits []cueHit, a, b *predicate) bool {
	p := &s.pairs
	toks := s.toks
	k := a.end
	if a.obj >= 0 {
		k = max(k, p.groups[a.obj].b)
	}
	if a.obj2 >= 0 {
		k = max(k, p.groups[a.obj2].b)
	}
	for _, h := range p.preds {
		if h.hyphen && h.tok == k {
			// "X reduced <Y>-induced <noun phrase>, ...": the object's
			// noun phrase runs to the comma
			for j := k + 1; j < b.tok && j < k+8; j++ {
				if toks[j].flags&flagClause != 0 {
					k = j
					break
				}
			}
		}
	}
	// "X reduced the ratio of <Y> to <Z> and decreased W": the object's
	// phrase runs to the last group before the verb when no cue lies
	// between.
	// So does a population named after it ("X improved Y in patients
	// with <condition> and increased W").
	for g := range p.groups {
		if gr := p.groups[g]; gr.a >= k && gr.b <= b.tok && !t.cueBetween(hits, k, gr.a) && (gr.a-k <= 2 || gr.a-k <= 4 && t.populationGroup(s, g)) {
			k = gr.b
		}
	}
	if k > b.tok {
		return false
	}
	conj, comma := false, toks[b.tok].flags&flagClause != 0
	nouns := 0 // words after the object that end its noun phrase ("X raised <Y> abundance and ...")
	items := 0 // words of a last item outside the taxonomy ("X lowered <Y> and <noun> scores, and raised Z")
	for j := k; j < b.tok; j++ {
		if e := t.statisticsEnd(s, j, b.tok); e > j {
			// "X reduced Y (p = 0.02), increased Z (p < 0.01) and ...":
			// the statistics of a result are no words of the clause
			comma = true
			j, k = e-1, e
			continue
		}
		if e := particleEnd(s, j); !conj && e > j {
			// "X keeps Y in check and ...": the split cue's particle
			j, k = e-1, e
			continue
		}
		if !conj && t.hasClass2(toks[j], cl2PairBy) && j+1 < b.tok && toks[j+1].flags&flagDigit != 0 {
			// "X lowered Y by 8 points and reduced Z": the size of the
			// change, and its unit
			e := j + 2
			if e < b.tok && s.tokMent[e] < 0 && !t.onCue(hits, e) && toks[e].flags&(flagHard|flagClause|flagDigit) == 0 &&
				!t.hasClass(toks[e], clsConj) {
				e++
			}
			j, k = e-1, e
			continue
		}
		if conj && toks[j].flags&flagClause != 0 {
			// "X reduced Y and, over time, improved Z": an aside between
			// commas
			if e := t.asideEnd(s, hits, j, b.tok); e > j {
				j = e - 1
				continue
			}
		}
		switch {
		case t.hasClass(toks[j], clsConj) || t.onCueBits(hits, j, cueClauseBreak|cueContrast):
			conj = true
		case t.hasClass2(toks[j], cl2Modal|cl2Exposure) || t.hasClass(toks[j], clsComparative) ||
			t.onCueBits(hits, j, cueNeg|cueNegRel|cueHedge|cueCould|cueVerb):
		case (conj || toks[j].flags&flagClause != 0) && j == b.tok-1 && t.hasClass(toks[j], clsArticle) && t.nounOfChange(s, b):
			// "showed an increase in Y and a decrease in Z", "a reduction
			// in Y, a decrease in Z, and ...": nouns of change in a series
			// share the subject
		case t.ending(s, j, t.adverbEnd) && j > k:
			// an adverb between the comma and the verb: "..., significantly increased"
		case conj && !comma && items < 3 && s.tokMent[j] < 0 && !t.onCue(hits, j) && toks[j].flags&(flagHard|flagDigit) == 0 &&
			toks[j].flags&flagLetter != 0 && t.clauseAhead(s, j+1, b.tok):
			// the object list ends with an item outside the taxonomy and
			// a comma before the next verb: "X lowered <Y> and <noun>
			// scores, and raised Z"
			items++
			continue
		case conj && !comma && items < 2 && s.tokMent[j] < 0 && !t.onCue(hits, j) && toks[j].flags&(flagHard|flagDigit) == 0 &&
			toks[j].flags&flagLetter != 0 && j+1 < b.tok && t.hasClass(toks[b.tok-1], clsConj) && toks[b.tok].flags&flagHard == 0:
			// or with a second conjunction right before the verb: "X
			// dampened <Y> and scaling and cut Z"
			items++
			continue
		case !conj && !comma && j == k+int32(nouns) && (a.obj >= 0 && nouns < 2 || a.obj < 0 && a.subj >= 0 && nouns < 3) &&
			!t.onCue(hits, j) && toks[j].flags&(flagHard|flagClause) == 0 && s.tokMent[j] < 0:
			// (with no object in the taxonomy, the words of one outside
			// it: "X might not only improve motor deficits, but also
			// relieve Y")
			nouns++
			continue
		default:
			return false
		}
		comma = comma || toks[j].flags&flagClause != 0
	}
	return conj || comma && b.tok-k <= 2
}

// clauseAhead reports whether clause punctuation precedes a token in
// [a, b], with no mention between.
func (t *Tagger) clauseAhead(s *scratch, a, b int32) bool {
	for j := a; j <= b && int(j) < len(s.toks); j++ {
		if s.toks[j].flags&flagClause != 0 {
			return true
		}
		if s.tokMent[j] >= 0 {
			return false
		}
	}
	return false
}

// asideEnd returns the token after an aside that starts at token j after
// clause punctuation and ends with clause punctuation right before token
// end: at most four words, no concept and no cue. Else it returns -1.
func (t *Tagger) asideEnd(s *scratch, hits []cueHit, j, end int32) int32 {
	if end-j > 4 || s.toks[end].flags&flagClause == 0 {
		return -1
	}
	for k := j; k < end; k++ {
		if s.tokMent[k] >= 0 || t.onCue(hits, k) || k > j && s.toks[k].flags&(flagHard|flagClause) != 0 {
			return -1
		}
	}
	return end
}

// onCueBits reports whether token k lies inside a cue hit with any of bits.
func (t *Tagger) onCueBits(hits []cueHit, k int32, bits uint32) bool {
	for _, h := range hits {
		if k >= h.tok && k < h.end && h.bits&bits != 0 {
			return true
		}
	}
	return false
}

// edForm reports whether token k ends in "-ed" or is an irregular past
// ("fell", "rose").
func (t *Tagger) edForm(s *scratch, k int32) bool {
	return t.ending(s, k, t.pastEnd) || t.ending(s, k, t.participleEnd) || t.hasClass2(s.toks[k], cl2IrregularPast)
}

// ingForm reports whether token k ends in "-ing".
func (t *Tagger) ingForm(s *scratch, k int32) bool { return t.ending(s, k, t.gerundEnd) }

func (t *Tagger) suffix(s *scratch, k int32, suf string) bool {
	tk := s.toks[k]
	n := int(tk.end - tk.start)
	if n <= len(suf)+1 {
		return false
	}
	w := s.text[tk.start:tk.end]
	return strings.EqualFold(w[len(w)-len(suf):], suf)
}

// opensClause reports whether group g, after token a, is the subject of a
// clause of its own: a conjunction after a comma stands between, and a
// predicate follows it ("Y rose, and X prevented ...").
func (t *Tagger) opensClause(s *scratch, a int32, g int) bool {
	p := &s.pairs
	gr := p.groups[g]
	if !t.conjunctionBetween(s, a, gr.a) {
		return false
	}
	for _, pr := range p.preds {
		if pr.tok >= gr.b && pr.tok <= gr.b+3 {
			return true
		}
	}
	return false
}

// conjunctionBetween reports whether a conjunction after a comma lies in
// tokens [a, b): what follows it opens a clause of its own ("Y rose, and
// X ...").
func (t *Tagger) conjunctionBetween(s *scratch, a, b int32) bool {
	toks := s.toks
	for k := max(a, 1); k < b; k++ {
		if t.hasClass(toks[k], clsConj) && (toks[k].flags&flagClause != 0 || strings.ContainsRune(s.text[toks[k-1].end:toks[k].start], ',')) {
			return true
		}
	}
	return false
}

// pronounSubject reports whether a pronoun that opens a clause after token
// e stands right before predicate pr as its subject ("..., they had no
// effect on Z").
func (t *Tagger) pronounSubject(s *scratch, pr *predicate, e int32) bool {
	toks := s.toks
	for k := pr.tok - 1; k >= e && k >= pr.tok-3; k-- {
		if t.hasClass2(toks[k], cl2Pronoun) && s.tokMent[k] < 0 {
			// "..., they", "and it", "nor did it"
			return toks[k].flags&flagClause != 0 || k > 0 && t.hasClass(toks[k-1], clsConj) ||
				k > 1 && t.onCueBits(s.cueHits, k-1, cueVerb) && s.tokMent[k-1] < 0 && (t.hasClass(toks[k-2], clsConj) || toks[k-1].flags&flagClause != 0)
		}
		if !t.hasClass2(toks[k], cl2Modal) && !t.ending(s, k, t.adverbEnd) && !t.onCueBits(s.cueHits, k, cueNeg|cueVerb) {
			return false
		}
	}
	return false
}

// anaphoraNear reports whether an anaphora word lies within n tokens from k
// in direction dir (1 after, -1 before), inside [from, to).
func (t *Tagger) anaphoraNear(s *scratch, k int32, dir, n int32, from, to int) bool {
	for j, c := k, int32(0); j >= int32(from) && j < int32(to) && c < n; j, c = j+dir, c+1 {
		if t.hasClass2(s.toks[j], cl2Anaphora) {
			return true
		}
	}
	return false
}

// pairFlags scopes the sentence's negation and hedging to its predicates.
// A denying cue denies the predicates from it to the end of its clause;
// a predicate that is a denial in itself is denied; "it is a myth that"
// reverses what follows. A hedge hedges the predicates of its clause, or
// all of them when it comes before the first ("These data suggest that
// ..."). When the sentence is denied or hedged and no predicate takes the
// flag, all do; when it is not, none does, except the concepts set aside
// by "not" or "rather than" (unitSetAside).
func (t *Tagger) pairFlags(s *scratch, text string, hits []cueHit, from, to, firstMent int, negated, hedged bool) {
	p := &s.pairs
	anyNeg, anyHedge := false, false
	p.meansHedge = false
	hedges, means, meansAt := 0, 0, int32(-1)
	first, lastHedge := int32(to), int32(from)
	if len(p.preds) > 0 {
		first = p.preds[0].tok
	}
	for i, h := range hits {
		if h.bits&cueNeg != 0 && h.bits&cueNegRel == 0 {
			if _, _, ok := t.ellipsis(s, text, hits, i, from, to); ok {
				continue // it sets a concept aside (setAsideSpans)
			}
		}
		if !negated && h.bits&cueNeg != 0 && h.bits&cuePseudo == 0 && t.contrastBefore(hits, i) {
			// "X reduced Y, but it did not ease Z": the sentence states a
			// relation; the negator denies the verb right after it.
			for j := range p.preds {
				if pr := &p.preds[j]; pr.tok >= h.end && pr.tok-h.end <= 2 && j > 0 {
					pr.contrast = true
				}
			}
		}
		if negated && h.bits&(cueNeg|cueNegRel|cueSimilar) != 0 && t.denies(s, text, hits, i, from, to, firstMent) {
			_, sb := segment(s, h.tok)
			for _, g := range hits[i+1:] {
				if g.tok >= sb {
					break
				}
				if g.bits&cueClauseBreak != 0 && g.tok > h.end {
					sb = g.tok // "Y did not change in controls but fell in the X group"
					break
				}
			}
			toks := s.toks
			for k := h.end + 1; k+1 < sb; k++ {
				if toks[k].flags&flagClause != 0 && t.hasClass(toks[k], clsConj) && t.hasClass2(toks[k+1], cl2Pronoun) {
					sb = k // "X does not harm Y, and it may reduce Z": a clause of its own
					break
				}
			}
			for j := range p.preds {
				if pr := &p.preds[j]; pr.tok >= h.tok && pr.tok < sb || pr.tok < h.tok && pr.end > h.tok {
					pr.negated, anyNeg = true, true
				}
			}
		}
		if hedged && t.hedges(s, text, hits, i, from, to, firstMent) {
			// A hedge before the first relation frames them all ("These data
			// suggest that ..."); else it hedges the relations after it in
			// its clause, or, when none follows, those before it.
			_, sb := segment(s, h.tok)
			hedges++
			switch {
			case h.tok > first && t.opensMeans(s, h, sb):
				means++
				meansAt = sb
				for j := range p.preds {
					if pr := &p.preds[j]; pr.via >= 0 && pr.tok < h.tok && p.groups[pr.via].a > h.tok {
						pr.viaHedged = true
					}
				}
			case h.tok < meansAt:
				means++ // a hedge inside the means ("possibly via Z-ing the potential of W")
			}
			after := false
			for j := range p.preds {
				if pr := &p.preds[j]; h.tok <= first || pr.tok >= h.tok && pr.tok < sb {
					pr.hedged, anyHedge, after = true, true, true
				}
			}
			if !after {
				// back to the hedge before it, which covers what comes
				// before itself ("X eased Y possibly via Z-ing the
				// potential of W": "potential" adds nothing to Y)
				sa, _ := segment(s, h.tok)
				sa = max(sa, lastHedge)
				for j := range p.preds {
					if pr := &p.preds[j]; pr.tok >= sa && pr.tok < h.tok {
						pr.hedged, anyHedge = true, true
					}
				}
			}
			lastHedge = h.tok
		}
	}
	p.meansHedge = hedges > 0 && means == hedges
	// "Modulating Y with X may ...": a gerund that opens the sentence is
	// the subject of the hedged verb after it.
	if len(p.preds) > 1 && p.preds[0].tok == int32(from) && !p.preds[0].hedged && t.ingForm(s, p.preds[0].tok) {
		for _, pr := range p.preds[1:] {
			if pr.hedged && !pr.hyphen {
				p.preds[0].hedged = true
				break
			}
		}
	}
	// "X might not only improve Y but also relieve Z": the hedge before
	// the first verb frames the second.
	for j := 1; j < len(p.preds); j++ {
		if pr, prev := &p.preds[j], &p.preds[j-1]; prev.hedged && !pr.hedged && t.notOnlyButAlso(s, hits, prev, pr) {
			pr.hedged = true
		}
	}
	flip := false
	for j := range p.preds {
		pr := &p.preds[j]
		for _, h := range hits {
			if h.bits&cueFlip != 0 && h.tok < pr.tok {
				flip = true
			}
		}
		if pr.denial && negated {
			pr.negated, anyNeg = true, true
		}
		if flip {
			pr.negated = !pr.negated
			anyNeg = anyNeg || pr.negated
		}
	}
	if negated {
		// A denial with no pair of its own after the relation it denies
		// ("Protective effects of X on Y were not observed": "not
		// observed" has no object) denies the relation whose object
		// phrase it follows.
		for j := range p.preds {
			d := &p.preds[j]
			if !d.negated || d.subj >= 0 && d.obj >= 0 || d.within >= 0 {
				continue
			}
			for k := range p.preds[:j] {
				pr := &p.preds[k]
				if pr.subj < 0 || pr.obj < 0 {
					continue
				}
				if e := p.groups[pr.obj].b; e <= d.tok && d.tok-e <= 3 && !clauseBetween(s.toks, int(e), int(d.tok)) {
					pr.negated = true
				}
			}
		}
	}
	for j := range p.preds {
		pr := &p.preds[j]
		if negated && !anyNeg {
			pr.negated = true
		}
		if !negated {
			pr.negated = pr.contrast
		}
		if hedged && !anyHedge {
			pr.hedged = true
		}
	}
}

// hyphenTail reports whether relation cue h is the last word of a
// synonym, joined to it by a hyphen, right before another concept's
// mention ("stress-related <Y>"): a hyphenated cause.
func (t *Tagger) hyphenTail(s *scratch, text string, h cueHit) bool {
	toks := s.toks
	if h.end-h.tok != 1 || h.bits&relationBits == 0 || int(h.end) >= len(toks) || toks[h.tok].start == 0 ||
		text[toks[h.tok].start-1] != '-' {
		return false
	}
	m, n := s.tokMent[h.tok], s.tokMent[h.end]
	return m >= 0 && n >= 0 && m != n && s.ments[m].tokEnd == h.end && s.ments[m].tokStart < h.tok &&
		toks[h.end].flags&flagHard == 0
}

// hyphenBefore reports whether a participle joined by a hyphen to the
// word before it stands right before token k ("<X>-induced increase").
func (t *Tagger) hyphenBefore(s *scratch, k int32) bool {
	j := k - 1
	return j > 0 && s.toks[j].start > 0 && s.text[s.toks[j].start-1] == '-' && t.edForm(s, j)
}

// comparativeBefore reports whether a comparative or a less-word stands
// right before token a, or before one plain word before it ("higher
// (serum) <X>").
func (t *Tagger) comparativeBefore(s *scratch, hits []cueHit, a int32) bool {
	toks := s.toks
	lo := a - 2
	if a >= 3 && t.hasClass2(toks[a-1], cl2PairOf) && toks[a-1].flags&flagHard == 0 && s.tokMent[a-2] < 0 && !t.onCue(hits, a-2) &&
		toks[a-2].flags&(flagHard|flagDigit) == 0 && toks[a-2].flags&flagLetter != 0 {
		a, lo = a-2, a-4 // "higher levels of <Y>": the measure's noun and "of"
	}
	for j := a - 1; j >= 0 && j >= lo; j-- {
		if t.comparativeAt(s, hits, j) != 0 {
			return true
		}
		if !t.sampleWord(s, j) {
			return false
		}
	}
	return false
}

// finiteVerbBefore reports whether a past-tense relation verb right after
// a concept ("X increased ...") comes before cue h in its sentence: a
// participle after a comma then continues the series of verbs.
func (t *Tagger) finiteVerbBefore(s *scratch, h cueHit, from int) bool {
	for _, g := range s.cueHits {
		if g.tok >= h.tok {
			break
		}
		if int(g.tok) > from && g.end-g.tok == 1 && g.bits&(cueInc|cueDec) != 0 && t.edForm(s, g.tok) &&
			s.tokMent[g.tok-1] >= 0 && s.toks[g.tok].flags&flagHard == 0 {
			return true
		}
	}
	return false
}

// statisticsEnd returns the token after a bracketed aside that starts at
// token j and closes before token hi ("(p = 0.02)", "(95% CI 1.2-3.4)"),
// or -1: the aside holds no concept.
func (t *Tagger) statisticsEnd(s *scratch, j, hi int32) int32 {
	toks := s.toks
	if j == 0 || !strings.Contains(s.text[toks[j-1].end:toks[j].start], "(") {
		return -1
	}
	for e := j + 1; e <= hi && e-j < 16; e++ {
		if s.tokMent[e-1] >= 0 {
			return -1
		}
		if strings.Contains(s.text[toks[e-1].end:toks[min(e, int32(len(toks)-1))].start], ")") {
			return e
		}
	}
	return -1
}

// breakBetween reports whether a clause-break cue ("despite", "but")
// starts in tokens [a, b).
func (t *Tagger) breakBetween(hits []cueHit, a, b int32) bool {
	for _, h := range hits {
		if h.tok >= a && h.tok < b && h.bits&cueClauseBreak != 0 {
			return true
		}
	}
	return false
}

// nounOfChange reports whether predicate pr is a noun of change with its
// preposition ("increase in", "reduction of").
func (t *Tagger) nounOfChange(s *scratch, pr *predicate) bool {
	toks := s.toks
	if pr.end-pr.tok >= 2 && pr.bits&(cueInc|cueDec|cueHelp|cueHarm) != 0 && t.hasClass2(toks[pr.end-1], cl2PairOf|cl2FindingPrep) {
		return true
	}
	// "an improvement in Z", "a worsening of Z": after an article, a noun
	// of helping or harming, then its preposition
	return pr.end-pr.tok == 1 && pr.bits&(cueInc|cueDec|cueHelp|cueHarm) != 0 && int(pr.end) < len(toks) &&
		t.hasClass2(toks[pr.end], cl2PairOf|cl2FindingPrep) && toks[pr.end].flags&flagHard == 0 &&
		pr.tok > 0 && t.hasClass(toks[pr.tok-1], clsArticle) && !t.edForm(s, pr.tok) &&
		(t.ingForm(s, pr.tok) || t.nounEnding(s.text[toks[pr.tok].start:toks[pr.tok].end]))
}

// sampleWord reports whether token k is a plain lower-case word right
// before a concept, no mention, cue or function word: the place it was
// measured ("serum", "faecal") or another modifier of its name.
func (t *Tagger) sampleWord(s *scratch, k int32) bool {
	tk := s.toks[k]
	if s.tokMent[k] >= 0 || tk.flags&(flagHard|flagClause|flagDigit) != 0 || tk.flags&flagLetter == 0 ||
		t.hasClass(tk, clsArticle|clsDeterminer|clsConj|clsNegWord|clsLess|clsComparative|clsCopula) ||
		t.hasClass2(tk, cl2PairOf|cl2FindingPrep|cl2PairCausePrep|cl2PairObjectPrep|cl2PairBy|cl2Modal|cl2PassiveAux) {
		return false
	}
	c := s.text[tk.start]
	return c >= 'a' && c <= 'z'
}

// notOnlyButAlso reports whether predicates a and b are joined by "not
// only a ... but also b": a pseudo-negation right before a, a contrast
// and an adverb right before b.
func (t *Tagger) notOnlyButAlso(s *scratch, hits []cueHit, a, b *predicate) bool {
	if b.tok < 2 || !t.hasClass2(s.toks[b.tok-1], cl2Modal) || !t.onCueBits(hits, b.tok-2, cueClauseBreak|cueContrast) {
		return false
	}
	for _, h := range hits {
		if h.bits&cuePseudo != 0 && (h.end == a.tok || h.end+1 == a.tok) {
			return true
		}
	}
	return false
}

// opensMeans reports whether hedge h opens the means or the path of the
// relation before it: "via" or "through" right after it ("possibly via
// Z"), or "by" and a gerund ("perhaps by lowering Z").
func (t *Tagger) opensMeans(s *scratch, h cueHit, sb int32) bool {
	toks := s.toks
	k := h.end
	if k < sb && t.hasClass2(toks[k], cl2Via) {
		return true
	}
	return k+1 < sb && t.hasClass2(toks[k], cl2PairBy) && t.ingForm(s, k+1)
}

// isSubject reports whether group g is the subject of a predicate before
// predicate i.
func (p *pairScratch) isSubject(g, i int) bool {
	for j := range p.preds[:i] {
		if p.preds[j].subj == g {
			return true
		}
	}
	return false
}

// contrastBefore reports whether a contrast ("but", "yet") comes before
// cue hit i in the sentence.
func (t *Tagger) contrastBefore(hits []cueHit, i int) bool {
	for _, h := range hits[:i] {
		if h.bits&cueContrast != 0 {
			return true
		}
	}
	return false
}

// setAsideSpans records the phrases that "rather than" or an elliptic
// "not" set aside ("W, not X, cleared Y", "X reduced Y, but not Z").
func (t *Tagger) setAsideSpans(s *scratch, text string, hits []cueHit, from, to int) {
	p := &s.pairs
	p.spans, p.arms, p.elided = p.spans[:0], p.arms[:0], p.elided[:0]
	for i, h := range hits {
		if a, b, ok := t.elidedVerb(s, hits, i, from, to); ok {
			p.spans = append(p.spans, [2]int32{int32(a), int32(b)})
			p.elided = append(p.elided, [2]int32{int32(a), int32(b)})
			continue
		}
		switch {
		case h.bits&cueInstead != 0:
			a, b := t.insteadSpan(s, int(h.end), to)
			p.spans = append(p.spans, [2]int32{int32(a), int32(b)})
		case h.bits&cueNeg != 0 && h.bits&cueNegRel == 0:
			if a, b, ok := t.armAside(s, text, int(h.tok), from, to); ok {
				p.arms = append(p.arms, [2]int32{int32(a), int32(b)})
				continue
			}
			if a, b, ok := t.ellipsis(s, text, hits, i, from, to); ok {
				p.spans = append(p.spans, [2]int32{int32(a), int32(b)})
			}
		}
	}
}

// elidedVerb returns the phrase of a clause whose verb is elided after a
// contrast, when negator hit i ends it: "X lowered Y, whereas Z did not",
// "... but Z was not". Z is denied what the clause before says.
func (t *Tagger) elidedVerb(s *scratch, hits []cueHit, i, from, to int) (a, b int, ok bool) {
	toks := s.toks
	h := hits[i]
	k := int(h.tok)
	if h.bits&cueNeg == 0 || h.bits&cueNegRel != 0 || h.end-h.tok != 1 || !t.hasClass2(toks[k], cl2EllipsisNot) ||
		k-2 < from || !t.hasClass2(toks[k-1], cl2EllipsisAux) {
		return 0, 0, false
	}
	if k+1 < to && toks[k+1].flags&flagClause == 0 && !t.onCueBits(hits, int32(k+1), cueClauseBreak) {
		return 0, 0, false // the verb follows ("whereas Z did not change Y")
	}
	b = k - 1
	for j := b - 1; j >= from && j >= b-5; j-- {
		if t.onCueBits(hits, int32(j), cueContrast|cueClauseBreak) {
			if j+1 == b {
				return 0, 0, false
			}
			return j + 1, b, true
		}
		if toks[j].flags&flagClause != 0 {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// groupSetAside reports whether every unit of group g is set aside ("W,
// but not <X>, cleared Y": W is the subject).
func (t *Tagger) groupSetAside(s *scratch, g int) bool {
	p := &s.pairs
	for u := p.groups[g].first; u < p.groups[g].last; u++ {
		if !t.unitSetAside(s, p.units[u]) {
			return false
		}
	}
	return true
}

// unitSetAside reports whether unit u lies in a phrase set aside by "not" or
// "rather than": its relations are denied ("W, not X, cleared Y").
func (t *Tagger) unitSetAside(s *scratch, u pairUnit) bool {
	for _, sp := range s.pairs.spans {
		if u.a >= sp[0] && u.a < sp[1] {
			return true
		}
	}
	return false
}

// effect is the direction in which predicate pr moves object ob (see
// lumen.Relation): up for a raising or causing relation, down for a
// lowering one; a harming relation lowers a beneficial object and a
// helping one raises it; an object worded as reduced ("led to reduced X")
// goes down, and one worded as the lack of its concept ("worsened skin
// problems") moves the concept the other way.
func (t *Tagger) effect(pr *predicate, su, ob pairUnit) string {
	good := t.concepts[ob.concept].beneficial != ob.inverse // what the words name is good
	// a comparative word said of a group given something compares groups
	// ("<X>-treated mice showed less Y")
	compare := pr.compare || su.given && pr.bits&cueCompar != 0 && pr.bits&(cueInc|cueDec) == 0
	if compare && !su.given && pr.noun == 0 && pr.bits&(cueInc|cueDec) != 0 && !pr.adjective &&
		t.concepts[su.concept].kind == kindIntervention && !pr.population {
		// "Treatment with X resulted in a reduction in Y compared with
		// placebo": an intervention compared with its control changes
		// Y in the direction of its verb or noun; a comparative
		// adjective ("Y was lower in people taking X") compares groups.
		compare = false
	}
	var up bool
	switch {
	case pr.denial:
		return lumen.RelationNoEffect
	case compare && !su.given:
		// Groups compared by what they have or do are associated; groups
		// compared by what they were given ("plants treated with X had
		// less Y than ...") show the intervention's effect.
		return lumen.RelationAssociated
	case compare && pr.noun == 0 && ob.tail != 0 && pr.end-pr.tok == 1 && pr.bits&cueCompar != 0 && !pr.less:
		// "showed greater <Y> improvement than": a comparative of the
		// noun of change the object ends with
		if ob.tail&cueInc != 0 {
			up = !(ob.tail&cueHarm != 0 && good)
		} else {
			up = ob.tail&cueHelp != 0 && good
		}
	case compare && pr.noun != 0:
		// "The reduction in Y was greater in the X group": the groups
		// compare a change, which gives the direction; a smaller
		// change reverses it.
		if pr.noun&cueInc != 0 {
			up = !(pr.noun&cueHarm != 0 && good)
		} else {
			up = pr.noun&cueHelp != 0 && good
		}
		if pr.less {
			up = !up
		}
	case compare:
		// "had higher X and lower Y": the less-word of Y's own
		up = !pr.less && !(ob.less && ob.a-1 != pr.tok)
	case pr.bits&cueInc != 0 && ob.neutral && pr.bits&(cueHarm|cueHelp) == 0:
		// "<X>-induced <Y> modulation", "modulated <Y> caused by X": X
		// causes a change of Y with no direction.
		return lumen.RelationAssociated
	case pr.bits&cueInc != 0:
		up = !(pr.bits&cueHarm != 0 && good)
		if pr.bits&cueHarm == 0 && ob.less {
			up = false
		}
	case pr.bits&cueDec != 0:
		up = pr.bits&cueHelp != 0 && good
	case ob.made:
		// "X altered the <community>": X makes the imbalance
		up = true
	default:
		return lumen.RelationAssociated
	}
	if ob.inverse {
		up = !up
	}
	if up {
		return lumen.RelationIncreases
	}
	return lumen.RelationDecreases
}
