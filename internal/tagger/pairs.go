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
	less     bool   // a less-word stands right before it ("reduced diversity") or after it
	more     bool   // an item of a list with a comparative of more of its own ("lower X and more severe <Y>")
	lessTail bool   // a less-word right after it names its lack ("<barrier> defect", "<community> depletion")
	given    bool   // an intervention given to a group: an exposure verb just before it ("treated with X")
	absorbed int32  // for an imbalance or a diversity, the community whose mention it took in, else -1
	made     bool   // an imbalance read from the verb before the community ("X altered the <community>")
	neutral  bool   // a word of change with no direction right before or after it ("modulated <Y>", "<Y> modulation")
	withheld bool   // the arm not given it ("mice that did not receive X", "rats without X")
	tail     uint32 // the direction bits of a noun of change the unit ends with ("<Y> eradication")
	quality  uint32 // cueHelp or cueHarm: a participle of help or harm right before it ("worsened <Y>", "improved <Y>")
	consumed bool   // consumed by choice by the people compared ("students who ate X"), no trial arm named
	risk     int8   // +1 or -1: a comparative and a risk noun around it ("a higher <Y> risk"), a risk with its direction
	riskNoun bool   // a risk noun right after it ("<Y> risk"): its risk, whatever its direction
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
	afterRel   bool // the verb after a relative clause of its subject ("X, which feeds Y, may prevent Z")
	timeJoined bool // its effect joins a change in a clause of time with the one before, the withholding read already
	likely     bool // a comparative of likelihood ("more likely to have Y"): a risk, with its direction
	howOften   bool // a comparative of frequency after a verb of a condition happening ("Y relapsed less often with X")
	risk       bool // the cue names a risk ("higher odds of", "an increased risk of")
	frequency  bool // the likelihood is a comparative before a noun of frequency and "of" ("a higher prevalence of Y")
	inversely  bool // "X was inversely associated with Y": an exposure's inverse association lowers Y
	less       bool // the cue is a less-word ("lower", "fewer")
	headless   bool // the subject is a noun outside the taxonomy ("pathogens that cause Y")
	outside    bool // the verb relates its concepts to something outside the taxonomy: a shared subject ("Supplements improved X and reduced Y") or, with no object, an agent or object ("X and Y are linked to obesity")
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
	caused     bool   // the subject is a cause named after the object ("lower Y after X"): X's effect, no comparison
	fixed      string // the effect, when a rule read it from two changes ("Y cleared when X was corrected")
	lowered    bool   // its subject is what a verb before it lowered ("X lowers Y, which may ease Z"): Y's own effect is the other way
	ownAgent   bool   // a passive after a conjunction with an agent of its own ("Y was not affected by W and improved by X"): a denial before the series stops at it
}

// pairScratch holds the buffers of pair extraction and what it learnt
// about the last sentence, for the claim's confidence.
type pairScratch struct {
	units  []pairUnit
	later  []bool // per concept: named later in the sentence, neither withheld nor given (dropDeficientSettings)
	groups []pairGroup
	preds  []predicate
	spans  [][2]int32 // set aside by "not" or "rather than"
	elided [][2]int32 // those of spans whose verb is elided ("X reduced Y, whereas Z did not"): Z stands for the subject
	arms   [][2]int32 // arms of a trial set aside by "but not" after another arm (armAside)
	// fronted holds those of spans that open the sentence ("Unlike X, ...",
	// "In contrast to X, ..."): X is set against the clause, not its argument
	fronted [][2]int32
	// question: tokens of a question after a statement (dropQuestion),
	// whose hedges doubt only the question; [0, 0) when none
	question [2]int32
	// defined: the spans of appositives that define the unit before them
	// by another name of its concept ("<Y>, a marker of <y>,"); their
	// cues relate nothing
	defined [][2]int32
	out     []lumen.Relation
	seen    [][2]int32 // the unordered concept pairs of out

	fallback    bool    // no predicate gave a pair: the nearest concepts were paired
	meansHedge  bool    // every hedge of the sentence opens a means or a path after the first predicate ("possibly via Z")
	hedgeAside  bool    // every hedge stands in a clause of its own after the fallback pair (hedgeElsewhere)
	armsOnly    bool    // no pair: the only concepts of two kinds name the arms compared ("the X + Y group")
	objectsOnly bool    // no pair: the concepts are objects of a subject outside the taxonomy
	covariates  bool    // a concept was set aside as a covariate ("after adjustment for Y")
	strength    float64 // how plainly the strongest predicate that gave a pair states a relation
	distance    int32   // the largest distance in tokens between the two units of a pair
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
	p.fallback, p.strength, p.distance, p.armsOnly, p.covariates, p.objectsOnly, p.hedgeAside = false, 0, 0, false, false, false, false
	p.out, p.seen = p.out[:0], p.seen[:0]
	t.pairUnits(s, from, to, firstMent, hits)
	if len(p.units) < 2 {
		return nil
	}
	t.pairGroups(s, hits)
	t.predicates(s, text, hits, from, to)
	t.dropQuestion(s, from, to, firstMent)
	t.setAsideSpans(s, text, hits, from, to)
	t.arguments(s, hits, from, to)
	t.studyPopulation(s, to)
	t.adjunctObjects(s, to)
	t.eventCause(s)
	t.balanceArguments(s, from)
	t.avoidedRelatives(s)
	t.sharedArm(s)
	t.populationItems(s)
	t.foundInCondition(s)
	t.pairFlags(s, text, hits, from, to, firstMent, negated, hedged)
	t.noMoreThanDenials(s)
	t.gappedComparisons(s, hits)

	t.armPairs(s)
	t.armComparatives(s, hits, from, to)
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
	return t.nearestPair(s, from, negated, hedged, relation)
}

// populationItems reads the items of a list of findings in people with a
// condition ("Patients with Y had reduced X, fewer Z and raised W"): a
// change after a comma or "and" that shares the subject of a change read
// as the state of a population is one too, an association.
func (t *Tagger) populationItems(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		q := &p.preds[i]
		if !q.population || q.subj < 0 || !t.populationGroup(s, q.subj) || t.groupHasKind(s, q.subj, kindIntervention) {
			continue
		}
		for j := i + 1; j < len(p.preds); j++ {
			pr := &p.preds[j]
			if pr.subj != q.subj || pr.population || pr.negated || pr.bits&(cueInc|cueDec) == 0 || pr.end-pr.tok != 1 ||
				!t.edForm(s, pr.tok) && !t.hasClass(toks[pr.tok], clsLess|clsComparative) ||
				toks[pr.tok].flags&flagClause == 0 && !t.hasClass(toks[pr.tok-1], clsConj) {
				continue
			}
			pr.compare, pr.population = true, true
		}
	}
}

// foundInCondition reads a comparative whose object is a condition after
// "in" or "among", past the mention it qualifies ("Studies report lower
// butyrate and reduced microbial diversity in psoriasis"): the people with
// the condition are compared, an association, not a change of the
// condition.
func (t *Tagger) foundInCondition(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.compare || pr.obj < 0 || pr.bits&cueCompar == 0 || pr.end-pr.tok != 1 || !t.hasClass(toks[pr.tok], clsLess|clsComparative) && !t.edForm(s, pr.tok) {
			continue
		}
		a := p.groups[pr.obj].a
		if a <= pr.end || s.tokMent[pr.end] < 0 || clauseBetween(toks, int(pr.end), int(a)) {
			continue
		}
		if _, sb := segment(s, pr.tok); t.conditionFoundIn(s, a-1, sb) == pr.obj {
			pr.compare = true
		}
	}
}

// frontedAside reports whether unit u lies in a phrase set aside at the
// start of the sentence ("Unlike X, ...").
func (p *pairScratch) frontedAside(u pairUnit) bool {
	return inSpans(p.fronted, u)
}

// subjectOfVerb reports whether group g is the subject of a predicate
// after it that is no mere association: its members act together, they
// are not related to each other.
func (p *pairScratch) subjectOfVerb(t *Tagger, g int) bool {
	for i := range p.preds {
		if pr := &p.preds[i]; pr.subj == g && !pr.hyphen && !t.associationOnly(pr) && p.groups[g].b <= pr.tok {
			return true
		}
	}
	return false
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
	if pr.fixed != "" {
		effect = pr.fixed
	} else if t.conditionFinding(s, su, ob, pr) {
		effect = lumen.RelationAssociated
	}
	if su.withheld && !t.relativeOf(s, su, pr) && !pr.timeJoined && !t.ownClauseAfter(s, su, pr) {
		// "Mice that did not receive X had higher Y": X keeps Y down
		// (but "avoid X, which can aggravate Y" says what X does)
		switch effect {
		case lumen.RelationIncreases:
			effect = lumen.RelationDecreases
		case lumen.RelationDecreases:
			effect = lumen.RelationIncreases
		}
	}
	if su.given && t.controlBeforeThan(s, pr, su) {
		// "Y was lower in the placebo group than in the X group": the
		// control arm is the one compared first, so X moves Y the other
		// way
		switch effect {
		case lumen.RelationIncreases:
			effect = lumen.RelationDecreases
		case lumen.RelationDecreases:
			effect = lumen.RelationIncreases
		}
	}
	negated := pr.negated || effect == lumen.RelationNoEffect || t.unitSetAside(s, su) || t.unitSetAside(s, ob)
	if negated {
		effect = lumen.RelationNoEffect
	}
	if pr.howOften && (effect == lumen.RelationIncreases || effect == lumen.RelationDecreases) && t.kindOrder(ob.concept) > t.kindOrder(su.concept) &&
		t.concepts[su.concept].kind == kindCondition {
		su, ob = ob, su // "Y developed less often in infants given X": X lowers Y
	}
	if (effect == lumen.RelationAssociated || effect == lumen.RelationNoEffect) && t.kindOrder(ob.concept) > t.kindOrder(su.concept) {
		// no direction: the intervention first ("butyrate did not differ
		// between the X and placebo groups", "the change in Y did not
		// correlate with the rise in X")
		su, ob = ob, su
	}
	r := lumen.Relation{Subject: t.concepts[su.concept].id, Object: t.concepts[ob.concept].id,
		Effect: effect, Negated: negated, Hedged: pr.hedged}
	p.out = append(p.out, r)
	p.strength = max(p.strength, t.strength(pr))
	p.distance = max(p.distance, max(su.a, ob.a)-min(su.b, ob.b))
}

// controlBeforeThan reports whether a control arm is named after
// predicate pr and before "than", and arm unit su after it, with no
// concept between the predicate and "than": "Y flared less often in the
// placebo arm than in the X arm", "Y was lower in the placebo group than
// in the X group" (not a verb of change before the comparative, read as a
// comparison of the changes elsewhere).
func (t *Tagger) controlBeforeThan(s *scratch, pr *predicate, su pairUnit) bool {
	toks := s.toks
	if su.a <= pr.end || int(pr.end) >= len(toks) {
		return false
	}
	if pr.tok > 0 && t.onCueBits(s.cueHits, pr.tok-1, cueInc|cueDec) && !t.hasClass4(toks[pr.end], cl4Frequency) {
		return false // ("Y improved less in the placebo group than in the X group" is read as a comparison of changes)
	}
	control := false
	for j := pr.end; j < su.a; j++ {
		if j > pr.end && toks[j].flags&flagHard != 0 || s.tokMent[j] >= 0 {
			return false
		}
		if t.hasClass2(toks[j], cl2Than) {
			return control
		}
		control = control || t.controlWord(toks[j])
	}
	return false
}

// conditionFinding reports whether predicate pr is a less-word or a
// comparative right before object ob after a verb of having, showing or
// reporting a state (state-verbs), and subject su is a condition: "Case-
// control studies of <su> report reduced <ob>", "patients with <su> have
// raised <ob>" compare people with and without the condition, a finding,
// not the condition's effect.
func (t *Tagger) conditionFinding(s *scratch, su, ob pairUnit, pr *predicate) bool {
	toks := s.toks
	k := pr.tok - 1
	if t.concepts[su.concept].kind != kindCondition || t.concepts[ob.concept].kind == kindCondition || pr.end != ob.a || k < 0 ||
		pr.end-pr.tok != 1 || !t.hasClass(toks[pr.tok], clsLess|clsComparative) || toks[pr.tok].flags&flagHard != 0 {
		return false
	}
	if k > 0 && t.ending(s, k, t.adverbEnd) && toks[k].flags&flagHard == 0 {
		k-- // "consistently report reduced <Y>"
	}
	return t.hasClass4(toks[k], cl4StateVerb) && toks[k+1].flags&flagHard == 0
}

// relativeOf reports whether predicate pr is a verb of a relative clause
// about unit u ("X, which can aggravate Y", "X, which spike Y and worsen
// Z"): the relative pronoun stands right after u, and pr follows it past
// modals and adverbs only, or has u's group as its subject.
func (t *Tagger) relativeOf(s *scratch, u pairUnit, pr *predicate) bool {
	if t.relativeAt(s, u.b, pr) || t.appositiveAt(s, u.b, pr) {
		return true
	}
	// "cut back on X, Y and Z, which tend to fuel W": the list's relative
	// clause
	g := pr.subj
	if g < 0 || s.pairs.groups[g].a > u.a || u.b >= s.pairs.groups[g].b {
		return false
	}
	e := s.pairs.groups[g].b
	return !clauseBetween(s.toks, int(e)+1, int(pr.tok)) && t.relativeAt(s, e, pr) // (not the verb after the clause's closing comma)
}

// relativeCueEffect returns the direction of the first cue of increase or
// decrease in a relative clause that opens right after unit u after a
// comma ("Limit sugar, which is a known acne trigger"), or "" when there
// is none.
func (t *Tagger) relativeCueEffect(s *scratch, u pairUnit) string {
	toks := s.toks
	k := u.b
	if int(k) >= len(toks) || toks[k].flags&flagClause == 0 || !t.hasClass2(toks[k], cl2Relative) || s.tokSent[k] != s.tokSent[u.a] {
		return ""
	}
	for _, h := range s.cueHits {
		if h.tok <= k || s.tokSent[h.tok] != s.tokSent[k] || clauseBetween(toks, int(k)+1, int(h.tok)) {
			continue
		}
		switch h.bits & (cueInc | cueDec | cueNeg | cueNegRel) {
		case 0:
			continue
		case cueInc:
			return lumen.RelationIncreases
		case cueDec:
			return lumen.RelationDecreases
		}
		return "" // a denial, or both directions
	}
	return ""
}

// ownClauseAfter reports whether predicate pr lies in a clause of its own
// after the withheld unit u, one that says what the item itself does: a
// reason or contrast after a subordinator ("Cut stress, since it worsens
// Y"), a clause with a pronoun for it after a colon or semicolon ("Limit
// X: they wipe out Z"), or a relative clause ("Limit sugar, which ...").
func (t *Tagger) ownClauseAfter(s *scratch, u pairUnit, pr *predicate) bool {
	toks := s.toks
	if pr.tok <= u.b {
		return false
	}
	depth := 0
	for k := u.b; k < pr.tok && int(k) < len(toks); k++ {
		gap := s.text[toks[k-1].end:toks[k].start]
		depth += strings.Count(gap, "(") - strings.Count(gap, ")")
		if depth <= 0 && strings.ContainsAny(gap, ":;") && t.hasClass2(toks[k], cl2Pronoun) {
			// a pronoun that stands for the item after the colon ("Limit X:
			// they wipe out Z"; not "after X was stopped: Z recovered";
			// not a semicolon inside statistics)
			return true
		}
		if t.hasClass2(toks[k], cl2Relative) && t.hasClass2(toks[k-1], cl2PairOf) {
			continue // ("avoiding X, all of which ...": the list's items, the avoidance among them)
		}
		if t.hasClass3(toks[k], cl3CauseConj) && int(k)+1 < len(toks) && t.ingForm(s, k+1) {
			return false // ("Avoid X, because doing so calms Y": the avoidance acts)
		}
		if (t.hasClass2(toks[k], cl2Relative) && (toks[k].flags&flagClause != 0 || k > u.b) || t.hasClass3(toks[k], cl3CauseConj) ||
			t.onCueBits(s.cueHits, k, cueClauseBreak)) && !clauseBetween(toks, int(k)+1, int(pr.tok)) {
			return true // (not "Avoiding X, which are common in Z, reduced Y": the verb after the clause)
		}
	}
	return false
}

// appositiveAt reports whether predicate pr lies in an appositive that
// opens with an article after the comma at token e ("ditch refined sugar,
// the single biggest trigger of Y"): what the appositive says is said of
// the concept itself.
func (t *Tagger) appositiveAt(s *scratch, e int32, pr *predicate) bool {
	toks := s.toks
	for n := 0; n < 3 && e < pr.tok && int(e) < len(toks) && toks[e].flags&(flagHard|flagClause) == 0 && toks[e].flags&flagLetter != 0 &&
		!t.onCue(s.cueHits, e); n++ {
		e++ // past the item's other words: "sugary <sodas>", "refined <sugar> products"
	}
	if pr.tok <= e || int(e)+1 >= len(toks) || toks[e].flags&flagClause == 0 || strings.TrimSpace(s.text[toks[e-1].end:toks[e].start]) != "," ||
		!t.hasClass(toks[e], clsArticle) && !(t.hasClass4(toks[e], cl4Number) && t.hasClass2(toks[e+1], cl2PairOf)) {
		return false // ("..., one of the main causes of Y")
	}
	for k := e + 1; k <= pr.tok; k++ {
		if t.hasClass(toks[k], clsCopula) || t.hasClass2(toks[k], cl2Have|cl2Modal) || t.edForm(s, k) || t.verbForm3s(s, k) {
			return false // ("Never given X, these infants had less Y": the main clause)
		}
	}
	return !clauseBetween(toks, int(e)+1, int(pr.tok)+1) && pr.tok-e <= 6
}

// relativeAt reports whether predicate pr is the verb of a relative
// clause that opens at token e, with only modal words and adverbs
// between.
func (t *Tagger) relativeAt(s *scratch, e int32, pr *predicate) bool {
	toks := s.toks
	if pr.tok <= e || int(e) >= len(toks) || !t.hasClass2(toks[e], cl2Relative) {
		return false
	}
	near := pr.tok-e <= 4
	for k := e + 1; k < pr.tok; k++ {
		if toks[k].flags&flagHard != 0 {
			return false
		}
		near = near && (t.hasClass2(toks[k], cl2Modal) || t.ending(s, k, t.adverbEnd))
	}
	return near || pr.subj >= 0 && s.pairs.groups[pr.subj].b == e
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
			if n := t.examplesOf(s, o); n >= 0 && n != pr.subj {
				// "linked to inflammatory skin conditions such as Y and
				// Z": the examples of a concept are objects too
				t.addGroups(s, pr.subj, n, pr)
			}
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

// examplesOf returns the group of concepts of one kind listed as examples
// of the last unit of group g ("inflammatory skin conditions such as Y
// and Z"): a pair-examples lead-in after up to two plain words, or -1.
func (t *Tagger) examplesOf(s *scratch, g int) int {
	p := &s.pairs
	n := g + 1
	if n >= len(p.groups) || p.groups[n].a > p.groups[g].b+5 {
		return -1
	}
	lead := t.exampleLeadBefore(s, p.groups[n].a, p.groups[g].b-1)
	if lead < p.groups[g].b || lead > p.groups[g].b+2 {
		return -1
	}
	for j := p.groups[g].b; j < lead; j++ {
		if s.tokMent[j] >= 0 || s.toks[j].flags&(flagHard|flagDigit) != 0 || t.onCue(s.cueHits, j) {
			return -1
		}
	}
	kind := t.concepts[p.units[p.groups[g].last-1].concept].kind
	for i := p.groups[n].first; i < p.groups[n].last; i++ {
		if t.concepts[p.units[i].concept].kind != kind {
			return -1
		}
	}
	return n
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

// noMoreThanDenials reads "X improved Y no more than placebo (with
// placebo)": the "no more than" denies the statement that ends right
// before it; it makes no predicate of its own (predicates), so "..., and Z
// did even better" is no denial of Z.
func (t *Tagger) noMoreThanDenials(s *scratch) {
	p := &s.pairs
	for _, k := range s.noMoreAt {
		last := -1
		for i := range p.preds {
			pr := &p.preds[i]
			if pr.end <= k && k-pr.end <= 6 && (pr.subj >= 0 || pr.obj >= 0) && (last < 0 || pr.tok > p.preds[last].tok) {
				last = i
			}
		}
		if last >= 0 {
			p.preds[last].negated = true
		}
	}
}

// adjunctObjects reads "X may be a useful adjunct to emollients in
// <condition>" ("an addition to <treatment> for <condition>", "could
// complement topical treatment in <condition>"): the treatment X is added
// to is no object of X; the condition after it, within six words and with
// no punctuation, clause break or other verb between, is.
func (t *Tagger) adjunctObjects(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || !t.hasClass4(toks[pr.tok], cl4AdjunctNoun) || !t.groupHasKind(s, pr.obj, kindIntervention) || p.groups[pr.obj].a < pr.end {
			continue
		}
		o := -1
		for g := pr.obj + 1; g < len(p.groups) && int(p.groups[g].a) < to && p.groups[g].a <= p.groups[pr.obj].b+6; g++ {
			if t.breakBetween(s.cueHits, p.groups[pr.obj].b, p.groups[g].a) || clauseBetween(toks, int(p.groups[pr.obj].b), int(p.groups[g].a)-1) ||
				slices.ContainsFunc(p.preds, func(q predicate) bool { return q.tok >= p.groups[pr.obj].b && q.tok < p.groups[g].a }) {
				break // (in its clause: "X, an adjunct to Z, did not reduce Y" leaves Y to the verb)
			}
			if t.groupHasKind(s, g, kindCondition) {
				o = g
				break
			}
		}
		if o >= 0 {
			pr.obj = o
		} else {
			pr.headless = true // ("a useful adjunct to emollients": no condition named)
		}
	}
}

// treatedPopulation reports whether the words from token a (the end of a
// population's condition) to token b (an intervention) say how the people
// were treated, with no punctuation between: a participle of exposure,
// maybe "with" after it ("patients with rosacea treated with rifaximin",
// "mice with dermatitis given probiotics"); not "before any probiotic
// was given", nor ", of whom 20 took probiotics".
func (t *Tagger) treatedPopulation(s *scratch, a, b int32) bool {
	toks := s.toks
	if b-a > 4 || clauseBetween(toks, int(a), int(b)) {
		return false
	}
	for k := a; k < b; k++ {
		if t.hasClass2(toks[k], cl2Exposure) {
			return true
		}
	}
	return false
}

// studyPopulation reads "In this study of 84 adults with <Y> and 62
// controls, X and Z were higher in patients than in controls": a
// comparison said of the patients, with no object of its own, relates its
// subject to the condition that names people before it in the sentence
// ("adults with <Y>"), not its subject's items to each other; not when an
// intervention follows that condition ("patients with <Y> treated with
// X": the comparison is of X's arm).
func (t *Tagger) studyPopulation(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if !pr.compare || pr.subj < 0 || pr.obj >= 0 || pr.within >= 0 || pr.negated || pr.hyphen {
			continue
		}
		k := pr.end
		if int(k)+1 >= to || !t.hasClass2(toks[k], cl2FindingPrep) || !t.hasClass2(toks[k+1], cl2Population) ||
			toks[k].flags&flagHard != 0 || toks[k+1].flags&flagHard != 0 {
			continue // ("higher in patients": the people compared)
		}
		if int(k)+2 < to && t.hasClass2(toks[k+2], cl2PairObjectPrep) && toks[k+2].flags&flagHard == 0 {
			continue // ("in patients with ..." names them where it compares)
		}
		c := -1
		for g := 0; g < pr.subj; g++ {
			switch {
			case t.groupHasKind(s, g, kindCondition) && t.peopleWith(s, p.groups[g].a):
				c = g
			case c >= 0 && t.groupHasKind(s, g, kindIntervention) && t.treatedPopulation(s, p.groups[c].b, p.groups[g].a):
				c = -2 // "patients with <Y> treated with X": the arms are treated, no disease compared with health
			}
		}
		if c >= 0 {
			pr.obj = c
		}
	}
}

// peopleWith reports whether the concept at token a names the state of
// people or animals right before it ("patients with <condition>").
func (t *Tagger) peopleWith(s *scratch, a int32) bool {
	toks := s.toks
	for n := 0; n < 2 && a >= 3 && toks[a].flags&flagHard == 0 && s.tokMent[a-1] < 0 && toks[a-1].flags&(flagHard|flagClause|flagDigit) == 0 && toks[a-1].flags&flagLetter != 0 &&
		!t.onCue(s.cueHits, a-1) && !t.hasClass2(toks[a-1], cl2PairObjectPrep) && !t.hasClass(toks[a-1], clsArticle|clsDeterminer); n++ {
		a-- // "patients with chronic <Y>", "with moderate-to-severe <Y>"
	}
	return a >= 2 && t.hasClass2(toks[a-1], cl2PairObjectPrep) && t.hasClass2(toks[a-2], cl2Population) &&
		toks[a-1].flags&flagHard == 0
}

// directionElsewhere reports whether every predicate with a direction
// stands in a clause after a contrast past units i and j and relates
// nothing of the taxonomy ("<X> was reported in <Y>, but confounding limits
// causal inference"): the summary's direction is not the pair's.
func (t *Tagger) directionElsewhere(s *scratch, i, j int) bool {
	p := &s.pairs
	last := max(p.units[i].b, p.units[j].b)
	found := false
	for _, pr := range p.preds {
		if pr.bits&(cueInc|cueDec) == 0 {
			continue
		}
		if pr.tok < last || pr.subj >= 0 || pr.obj >= 0 || !t.breakBetween(s.cueHits, last, pr.tok) {
			return false
		}
		found = true
	}
	for _, h := range s.cueHits {
		if h.tok < last && h.bits&(cueInc|cueDec) != 0 {
			return false // a direction of the pair's own clause ("proposed as adjuncts to Y therapy, but ...")
		}
	}
	return found
}

// hedgeElsewhere reports whether every hedge stands in a clause of
// consequence or contrast after units i and j ("X ..., so your doctor may
// suggest trying it"), which holds neither of them.
func (t *Tagger) hedgeElsewhere(s *scratch, i, j int) bool {
	p := &s.pairs
	last := max(p.units[i].b, p.units[j].b)
	found := false
	for _, h := range s.cueHits {
		if h.bits&cueHedge == 0 {
			continue
		}
		if h.tok < last || !t.breakBetween(s.cueHits, last, h.tok) && t.consequenceBefore(s, h.tok, last-1) < last {
			return false
		}
		for _, u := range p.units {
			if u.a > h.tok && u.a-h.tok < 8 {
				return false // the hedged clause names a concept of its own
			}
		}
		found = true
	}
	return found
}

// onlyPeopleAtRisk reports whether every cue with a direction names
// people by their risk ("for infants at high risk of Y").
func (t *Tagger) onlyPeopleAtRisk(s *scratch, from int) bool {
	found := false
	for _, h := range s.cueHits {
		if h.bits&(cueInc|cueDec) == 0 {
			continue
		}
		if !t.peopleAtRisk(s, h, from) {
			return false
		}
		found = true
	}
	return found
}

// nearestPair pairs the nearest concepts of two kinds, for a sentence
// whose predicates gave no pair, with the sentence's summary relation.
func (t *Tagger) nearestPair(s *scratch, from int, negated, hedged bool, relation string) []lumen.Relation {
	p := &s.pairs
	// Rather not a concept that names where something was measured ("in
	// <condition> patients").
	best, bi, bj := int32(-1), -1, -1
	population, arms, aside := false, false, false
	si, sj := -1, -1 // the nearest pair inside a list that acts, when nothing else is left
	for i, u := range p.units {
		if p.frontedAside(u) {
			aside = true
			continue // ("Unlike X, plain water did not trigger Y": what the sentence says is not X's)
		}
		for j := i + 1; j < len(p.units); j++ {
			v := p.units[j]
			if p.frontedAside(v) {
				aside = true
				continue
			}
			if t.concepts[u.concept].kind == t.concepts[v.concept].kind {
				continue
			}
			if t.armNames(s, i, j) {
				arms = true
				continue
			}
			if g := p.groupOf(i); g >= 0 && g == p.groupOf(j) && p.subjectOfVerb(t, g) &&
				t.concepts[u.concept].kind != kindCondition && t.concepts[v.concept].kind != kindCondition {
				if si < 0 {
					si, sj = i, j
				}
				continue // "Sleep, stress and sugar show up on your skin": a list that acts is no pair
			}
			d := v.a - u.b
			pop := t.populationSpan(s, u.a, u.b) || t.populationSpan(s, v.a, v.b) || t.peopleWith(s, u.a) && !v.given || t.peopleWith(s, v.a) && !u.given
			if pop || t.addedToUnit(s, i) || t.addedToUnit(s, j) {
				d += 1 << 20 // rather not a setting ("an adjunct to <Y>")
			}
			if best < 0 || d < best {
				best, bi, bj, population = d, i, j, pop
			}
		}
	}
	if bi < 0 && si >= 0 {
		// a claim has a pair: when the list that acts holds the only
		// concepts of two kinds, they are the pair after all
		bi, bj, best = si, sj, p.units[sj].a-p.units[si].b
	}
	if bi < 0 {
		// (with a concept set aside at the start, the clause's subject
		// lies outside the taxonomy: no claim of the concepts named)
		p.armsOnly, p.objectsOnly = arms, p.objectsOnly || aside
		return nil
	}
	// The sentence relates its concepts to something outside the taxonomy
	// ("X lowered the pH in <Y> patients"): they only go together.
	// Nor do groups compared ("Y was elevated in <condition>").
	outside := population
	for _, pr := range p.preds {
		outside = outside || pr.outside || pr.compare
	}
	if !population && (t.coObjects(s, bi, bj) || t.comparedMeasures(s, bi, bj)) {
		// "No effect was seen on facial redness, sebum output or skin
		// microbiome diversity": items of one object list with no
		// subject are not related to each other
		p.objectsOnly = true
		return nil
	}
	if !population && !negated && (t.outsideObject(s, bi, from) && t.outsideObject(s, bj, from) || t.subjectlessObjects(s, bi, bj, from)) {
		// "Supplements improved X and reduced Y": the verbs' subject is
		// outside the taxonomy and X and Y are only its objects, which
		// the sentence does not relate to each other
		p.objectsOnly = true
		return nil
	}
	if negated {
		// "Y is rarely caused by food, and stress is a far more common
		// trigger": a relation that is not denied, said by a predicate
		// whose subject is one of the two, is the pair's; the denial
		// speaks of something outside the taxonomy
		gi, gj := p.groupOf(bi), p.groupOf(bj)
		for _, pr := range p.preds {
			if !pr.negated && !pr.denial && pr.subj >= 0 && (pr.subj == gi || pr.subj == gj) && pr.bits&(cueInc|cueDec) != 0 {
				negated = false
				break
			}
		}
		if !negated && relation == lumen.RelationNoEffect {
			relation = lumen.RelationIncreases // its direction comes from that predicate (pair)
		}
	}
	if hedged && t.hedgeElsewhere(s, bi, bj) {
		hedged, p.hedgeAside = false, true // "..., so your doctor may suggest trying it": the hedge doubts its own clause
	}
	if relation == "" || negated || outside || t.directionElsewhere(s, bi, bj) || t.onlyPeopleAtRisk(s, from) || t.directionInUnit(s, bi, bj) {
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
		if su.withheld {
			if e := t.relativeCueEffect(s, su); e != "" {
				effect = e // "Limit sugar, which is a known acne trigger": the clause says what the item does
			} else {
				// "In rats deprived of X, Y rose": X keeps Y down
				switch effect {
				case lumen.RelationIncreases:
					effect = lumen.RelationDecreases
				case lumen.RelationDecreases:
					effect = lumen.RelationIncreases
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
	if population && len(p.preds) == 0 {
		// "Studies have reported an altered <community> and reduced Z in
		// patients with <condition>": each finding before the people goes
		// with their condition
		last := len(p.units) - 1
		if c := p.units[last]; t.concepts[c.concept].kind == kindCondition && t.peopleWith(s, c.a) && (bi == last || bj == last) {
			for i := 0; i < last; i++ {
				if u := p.units[i]; t.concepts[u.concept].kind != kindCondition && !t.breakBetween(s.cueHits, u.b, c.a) {
					pair(u, c)
				}
			}
		}
	}
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
	compare := (pr.compare || su.given && pr.bits&cueCompar != 0 && pr.bits&(cueInc|cueDec) == 0) &&
		!(pr.caused && t.concepts[su.concept].kind == kindIntervention)
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
	case pr.inversely && (t.concepts[su.concept].kind == kindIntervention ||
		ob.riskNoun && t.concepts[su.concept].kind != kindCondition ||
		t.level(su.concept) && t.concepts[ob.concept].kind == kindCondition && pr.within < 0) && t.concepts[ob.concept].kind != kindIntervention:
		// "Fibre intake was inversely associated with acne severity",
		// "<X> was inversely associated with later <Y> risk", "the
		// abundance of <W> was inversely associated with later <Y>" (a
		// level of the community, its diversity or its metabolite; not
		// "W and Y were inversely associated", two measures)
		return lumen.RelationDecreases
	case su.consumed && (pr.bits&cueCompar != 0 && (pr.bits&(cueInc|cueDec) == 0 || pr.adjective) && !pr.likely || pr.frequency):
		// "Students who ate fruit reported fewer breakouts", "patients
		// who followed a diet had lower Y": people compared by what they
		// chose
		return lumen.RelationAssociated
	case ob.risk != 0 && pr.bits&(cueInc|cueDec) == 0 && !compare:
		// "tied to a higher <Y> risk": the risk goes the way of its
		// comparative, like "a higher risk of <Y>"
		up = ob.risk > 0
	case pr.likely && pr.bits&(cueInc|cueDec) == 0 && t.concepts[su.concept].kind != kindCondition && t.concepts[ob.concept].kind == kindCondition &&
		(!pr.frequency || ob.a == pr.end):
		// "Students reporting high stress were more likely to have Y":
		// a likelihood of a condition is a risk, with the direction of
		// its comparative ("people with rosacea are more likely to have
		// SIBO" compares who has what); a frequency only of the concept
		// after it ("a higher prevalence of W in people with Y" compares
		// groups)
		up = !pr.less
	case compare && !su.given && pr.risk && pr.bits&(cueInc|cueDec) != 0 && pr.bits&(cueInc|cueDec) != cueInc|cueDec && t.concepts[su.concept].kind != kindCondition:
		// "Women sleeping less than six hours had higher odds of Y": a
		// risk keeps its direction, whoever is compared
		up = pr.bits&cueInc != 0
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
	case compare && !pr.adjective && !pr.less && pr.bits&(cueInc|cueDec) == cueDec:
		// "the X arm had a drop in Y": a noun of falling
		up = false
	case compare:
		// "had higher X and lower Y": the less-word of Y's own; "had
		// lower X and more severe Y": the comparative of Y's own
		up = !pr.less && !(ob.less && ob.a-1 != pr.tok) || pr.less && ob.more
	case pr.bits&cueInc != 0 && ob.neutral && pr.bits&(cueHarm|cueHelp) == 0:
		// "<X>-induced <Y> modulation", "modulated <Y> caused by X": X
		// causes a change of Y with no direction.
		return lumen.RelationAssociated
	case pr.bits&cueInc != 0 && pr.bits&(cueHarm|cueHelp) == 0 && ob.quality != 0:
		// "led to worsened <Y>", "resulted in improved <Y>": the
		// participle says which way the cause moved Y
		up = ob.quality&cueHelp != 0 == good
	case pr.bits&cueInc != 0:
		up = !(pr.bits&cueHarm != 0 && good)
		if pr.bits&cueHarm == 0 && ob.less {
			up = false
		}
	case pr.bits&cueDec != 0:
		up = pr.bits&cueHelp != 0 && good
		if pr.bits&cueHelp == 0 && ob.lessTail && pr.tok != ob.b {
			// (not "<Y> eradication with X": the noun of lack is the
			// predicate itself)
			// "abolished the <barrier> defect", "reversed <community>
			// depletion": lowering the lack of Y raises Y
			up = true
		}
	case ob.made:
		// "X altered the <community>": X makes the imbalance
		up = true
	default:
		return lumen.RelationAssociated
	}
	if pr.lowered {
		up = !up
	}
	if ob.inverse {
		up = !up
	}
	if up {
		return lumen.RelationIncreases
	}
	return lumen.RelationDecreases
}

// level reports whether concept c is one the rules read as a level that
// protects when it is high: the community, its diversity, its metabolite
// or a barrier (taxonomy roles).
func (t *Tagger) level(c int32) bool {
	return c >= 0 && (c == t.community || c == t.communityAlt || c == t.diversity || c == t.metabolite || c == t.barrier || c == t.barrierAlt)
}

// dropQuestion removes the predicates of a question that follows a
// statement in a clause of its own ("X blunts Y, but whether it reduces Z
// is unknown"), or that opens the sentence before one ("Whether X helps Y
// is unclear, but X lowers Z"): it asserts nothing.
func (t *Tagger) dropQuestion(s *scratch, from, to, firstMent int) {
	p := &s.pairs
	p.question = [2]int32{}
	if t.hasClass2(s.toks[from], cl2Whether) {
		// "Whether X helps Y is unclear, but X lowers Z": the question
		// that opens the sentence and names concepts, before the clause
		// that states
		_, end := segment(s, int32(from))
		for k := int32(from) + 1; k < end; k++ {
			if gap := s.text[s.toks[k-1].end:s.toks[k].start]; strings.ContainsAny(gap, ":;") {
				end = k // ("Whether X ... is uncertain: two trials found ...": the colon ends it)
				break
			}
		}
		if int(end) < to && slices.ContainsFunc(p.preds, func(pr predicate) bool { return pr.tok < end }) &&
			slices.ContainsFunc(s.tokMent[from:end], func(m int32) bool { return m >= 0 }) {
			p.preds = slices.DeleteFunc(p.preds, func(pr predicate) bool { return pr.tok < end })
			p.question = [2]int32{int32(from), end}
			return
		}
	}
	for k := from + 1; k < to; k++ {
		if !t.hasClass2(s.toks[k], cl2Whether) {
			continue
		}
		if t.questionAfterStatement(s, k, to, firstMent) == k {
			_, end := segment(s, int32(k))
			p.preds = slices.DeleteFunc(p.preds, func(pr predicate) bool { return pr.tok > int32(k) && pr.tok < end })
			p.question = [2]int32{int32(k), end}
			for _, h := range s.cueHits {
				if h.end == int32(k) && h.bits&cueOpen != 0 {
					p.question[0] = h.tok // "..., which raises the question of whether ...": the question's own words
				}
			}
		}
		return // the first "whether" only
	}
}

// directionInUnit reports whether every directional cue of the sentence
// lies inside a unit (a mention made of a modifier and its community)
// and one of units i and j is a condition after a preposition of finding:
// "Gut bacteria were depleted in psoriasis" is the imbalance found in
// psoriasis, whose direction is the mention's own, not the pair's.
func (t *Tagger) directionInUnit(s *scratch, i, j int) bool {
	p := &s.pairs
	found := false
	for _, u := range []pairUnit{p.units[i], p.units[j]} {
		found = found || t.concepts[u.concept].kind == kindCondition && u.a > 0 && t.hasClass2(s.toks[u.a-1], cl2FindingPrep)
	}
	if !found {
		return false
	}
	dir := false
	for _, h := range s.cueHits {
		if h.bits&(cueInc|cueDec) == 0 {
			continue
		}
		if !t.inUnit(s, h.tok) {
			return false
		}
		dir = true
	}
	return dir
}

// coObjects reports whether units i < j are items of the object of one
// denial that has no subject ("no effect on"): i is in its object group, and j follows
// in the same clause with only list punctuation, conjunctions and plain
// words (an item outside the taxonomy) between, no relation cue.
func (t *Tagger) coObjects(s *scratch, i, j int) bool {
	p := &s.pairs
	if i > j {
		i, j = j, i
	}
	g := p.groupOf(i)
	if g < 0 {
		return false
	}
	ok := false
	for _, pr := range p.preds {
		if pr.obj == g && pr.subj < 0 && pr.collect < 0 && pr.tok < p.units[i].a && pr.bits&cueNegRel != 0 &&
			t.objectPrepBetween(s, pr.end, p.units[i].a) {
			ok = true
		}
		if pr.subj >= 0 {
			return false // a predicate with a subject relates something
		}
	}
	if !ok {
		return false
	}
	if p.units[i].given || p.units[j].given {
		return false
	}
	list := false
	for k := p.units[i].b; k < p.units[j].a; k++ {
		tk := s.toks[k]
		if s.tokMent[k] >= 0 || tk.flags&flagHard != 0 && tk.flags&flagClause == 0 || t.onCue(s.cueHits, k) ||
			tk.flags&flagClause != 0 && !strings.Contains(s.text[s.toks[k-1].end:tk.start], ",") ||
			t.hasClass(tk, clsLocalPrep|clsArticle|clsDeterminer) ||
			t.hasClass2(tk, cl2PairObjectPrep|cl2PairOf|cl2FindingPrep|cl2PairCausePrep|cl2PairBy|cl2PairBetween) {
			return false // ("no difference in Y between the X and placebo groups": a phrase of its own)
		}
		list = list || tk.flags&flagClause != 0 || t.hasClass(tk, clsConj)
	}
	return list
}

// comparedMeasures reports whether units i and j are measures listed
// together as the subject of a comparison of groups that found none
// ("GAGS scores and serum CRP did not differ between the groups", "Y and
// Z were similar in both groups"): no intervention is named, nothing
// follows but the groups, and the measures are not related to each
// other.
func (t *Tagger) comparedMeasures(s *scratch, i, j int) bool {
	p := &s.pairs
	toks := s.toks
	if i > j {
		i, j = j, i
	}
	ui, uj := p.units[i], p.units[j]
	for _, u := range p.units {
		if u.given || t.concepts[u.concept].kind == kindIntervention || u.a >= uj.b {
			return false
		}
	}
	list := false
	for k := ui.b; k < uj.a; k++ {
		if s.tokMent[k] >= 0 || t.onCue(s.cueHits, k) || toks[k].flags&flagHard != 0 && toks[k].flags&flagClause == 0 ||
			t.hasClass2(toks[k], cl2PairObjectPrep|cl2PairOf|cl2FindingPrep|cl2PairCausePrep|cl2PairBy|cl2PairBetween) {
			return false
		}
		list = list || toks[k].flags&flagClause != 0 || t.hasClass(toks[k], clsConj)
	}
	if !list {
		return false
	}
	for _, h := range s.cueHits {
		if h.tok < uj.b || s.tokSent[h.tok] != s.tokSent[uj.a] || h.bits&relationBits == 0 {
			continue
		}
		return h.bits&(cueNegRel|cueSimilar) != 0 && t.groupsAfter(s, h.end, len(toks)) // "between the groups", "in both groups"
	}
	return false
}

// objectPrepBetween reports whether a preposition of a relation noun's
// object ("on", "in") stands in [a, b), and no "between": "no effect was
// seen on X" names X as the object, "no association between X and Y" two
// arguments.
func (t *Tagger) objectPrepBetween(s *scratch, a, b int32) bool {
	found := false
	for k := a; k < b; k++ {
		if t.hasClass2(s.toks[k], cl2PairBetween) {
			return false
		}
		found = found || t.hasClass2(s.toks[k], cl2PairObjectPrep)
	}
	return found
}

// outsideObject reports whether unit u is the object of a predicate whose
// subject is outside the taxonomy ("Supplements improved X"), or in a list
// that goes with something outside it ("X and Y are linked to obesity"), not of a
// purpose ("limit X to keep Y under control" relates X to Y) or of a
// chain ("could upset X and thereby aggravate Y").
// subjectlessObjects reports whether units u and v are items of one object
// list of a verb of change whose clause names no concept before it
// ("Biologic therapy lowered CRP and PASI"): the verb's subject lies
// outside the taxonomy, and its objects are not related to each other.
func (t *Tagger) subjectlessObjects(s *scratch, u, v, from int) bool {
	p := &s.pairs
	g := p.groupOf(u)
	if g < 0 || g != p.groupOf(v) {
		return false
	}
	if u > v {
		u, v = v, u
	}
	if v != u+1 || p.units[v].a != p.units[u].b+1 || !t.hasClass(s.toks[p.units[u].b], clsConj) {
		return false // ("CRP and PASI": next to each other, joined by a conjunction only)
	}
	for _, pr := range p.preds {
		if pr.obj != g || pr.subj >= 0 || pr.hyphen || pr.bits&(cueInc|cueDec) == 0 || int(pr.tok) <= from ||
			pr.end > p.groups[g].a || p.groups[g].a-pr.end > 2 {
			continue
		}
		named := false
		for k := int32(from); k < pr.tok; k++ {
			named = named || s.tokMent[k] >= 0
		}
		return !named
	}
	return false
}

func (t *Tagger) outsideObject(s *scratch, u, from int) bool {
	p := &s.pairs
	g := p.groupOf(u)
	if g < 0 {
		return false
	}
	found := false
	for _, pr := range p.preds {
		if pr.outside && pr.subj == g && pr.obj < 0 && pr.within < 0 {
			found = true // "X and Y are linked to obesity": a list that goes with something outside
			continue
		}
		if !pr.outside || pr.obj != g {
			continue
		}
		if int(pr.tok) > from && (t.hasClass2(s.toks[pr.tok-1], cl2PurposeTo) || t.hasClass3(s.toks[pr.tok-1], cl3ChainAdverb)) {
			return false // (nor of a chain: "upset Y and thereby aggravate Z")
		}
		found = true
	}
	return found
}
