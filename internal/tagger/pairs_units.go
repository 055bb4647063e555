package tagger

import (
	"slices"
	"sort"
	"strings"
)

// This file makes the arguments of relations (pairs.go): units, the
// concept mentions with what their phrase says of them (a less-word, an
// arm given or withheld, a noun of change after them), and groups, the
// units joined into lists.

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

// dropDeficientSettings drops the people without X ("a trial in
// zinc-deficient children found lower Y after zinc") when X itself is
// named later in the sentence, neither withheld nor given to an arm: the
// people are the setting, X what was given. (Not "mice without X had more
// Y than mice given X": two arms.)
func (t *Tagger) dropDeficientSettings(s *scratch) {
	p := &s.pairs
	if len(p.later) < len(t.concepts) {
		p.later = make([]bool, len(t.concepts))
	}
	clear(p.later)
	for i := len(p.units) - 1; i >= 0; i-- {
		u := &p.units[i]
		if u.withheld && u.given && p.later[u.concept] {
			u.concept = -1 // dropped below
			continue
		}
		if !u.withheld && !u.given {
			p.later[u.concept] = true
		}
	}
	p.units = slices.DeleteFunc(p.units, func(u pairUnit) bool { return u.concept < 0 })
}

// sourceOf reports whether tokens [b, a) between a unit ending at b and a
// mention starting at a say where the unit came from: up to two plain
// nouns, a participle of source and its preposition ("<microbe> strains
// isolated from X", "a <microbe> derived from X").
func (t *Tagger) sourceOf(s *scratch, b, a int32, from int) bool {
	toks := s.toks
	if a-b < 2 || a-b > 5 || int(b) < from || !t.hasClass3(toks[a-1], cl3SourcePrep) || !t.hasClass3(toks[a-2], cl3SourceParticiple) {
		return false
	}
	for k := b; k < a; k++ {
		if toks[k].flags&flagHard != 0 || s.tokMent[k] >= 0 || k < a-2 && (t.onCue(s.cueHits, k) || toks[k].flags&flagLetter == 0) {
			return false
		}
	}
	return true
}

// sameCommunity reports whether unit u is the community and v an imbalance
// or a diversity that took in a mention of it (a transfer moves the
// community, it is no property of it), or of the primary site's
// community: a property of the community is no second argument ("a less
// diverse <community>, with fewer <taxon>", "the <community> became more
// diverse").
func (t *Tagger) sameCommunity(u, v pairUnit) bool {
	return v.absorbed >= 0 && u.concept == v.absorbed && v.concept != t.transfer ||
		u.concept == t.community && (v.concept == t.imbalance || v.concept == t.diversity)
}

// pairUnits collects the sentence's mentions as units. A mention of the
// community next to an imbalance, a diversity or a transfer of it is part
// of that phrase ("altered <community>", "<community> diversity",
// "transferring <community>"): the imbalance, the diversity or the
// transfer is the argument. An imbalance read from a lost
// diversity stays the diversity.
func (t *Tagger) pairUnits(s *scratch, from, to, firstMent int, hits []cueHit) {
	p := &s.pairs
	p.units = p.units[:0]
	p.defined = p.defined[:0]
	for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
		if m := s.ments[j]; !m.dropped && m.flags&entLostDiversity == 0 {
			if n := len(p.units); n > 0 && p.units[n-1].concept == m.concept && m.tokStart-p.units[n-1].b <= 1 &&
				(s.defTok[m.tokStart] || m.tokStart == p.units[n-1].b && t.bracketed(s, &m)) {
				// "insulin-like growth factor 1 (IGF-1)": the short form
				// defined is its long form's unit, and ends it ("<Y> (<y>)
				// and serum <Z>" lists Z after the brackets)
				p.units[n-1].b = max(p.units[n-1].b, m.tokEnd)
				continue
			}
			if t.covariate(s, hits, m.tokStart, from) {
				p.covariates = true
				continue
			}
			if n := len(p.units); n > 0 && t.sourceOf(s, p.units[n-1].b, m.tokStart, from) {
				continue // "<microbe> isolated from X": X is where the microbe came from, no argument
			}
			if n := len(p.units); n > 0 && p.units[n-1].concept == m.concept && t.definingAppositive(s, p.units[n-1].b, &m) {
				p.defined = append(p.defined, [2]int32{p.units[n-1].b, m.tokEnd})
				continue // "C-reactive protein, a marker of inflammation in the blood, fell": the same thing defined
			}
			if (m.concept == t.localInfl || m.concept == t.generalCond) && m.concept >= 0 && t.classifies(s, int(m.tokStart)) {
				p.defined = append(p.defined, [2]int32{m.tokStart, m.tokEnd})
				continue // "Rosacea is a chronic inflammatory skin condition": Y's class, no argument
			}
			if t.classifyingAppositive(s, &m, from) {
				p.defined = append(p.defined, [2]int32{m.tokStart, m.tokEnd})
				continue // "Rosacea, a chronic inflammatory skin condition, has been linked to X": Y's class, no argument
			}
			p.units = append(p.units, t.pairUnit(s, m, from, to, hits))
		}
	}
	t.absorbUnits(s, hits)
	slices.SortStableFunc(p.units, func(x, y pairUnit) int { return int(x.a - y.a) })
	for i := 1; i < len(p.units); i++ {
		if u := &p.units[i]; p.units[i-1].more && p.units[i-1].b == u.a && s.toks[u.a].flags&flagHard == 0 {
			u.more = true // "more severe <Y>-like <Z>": one item
		}
	}
	t.dropDeficientSettings(s)
	// A synonym that ends in a hyphenated relation word before another
	// concept ("<X>-related <Y>") is that concept's cause, not an item
	// of a list: the relation word is a predicate of its own.
	for i := range p.units {
		u := &p.units[i]
		for _, h := range hits {
			if h.end == u.b && h.tok > u.a && t.hyphenTail(s, h) {
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
			// (not the verb of a relative clause whose subject the unit
			// is: "the bacteria that antibiotics deplete")
			relVerb := u.a > 0 && t.hasClass2(s.toks[u.a-1], cl2Relative) && !t.hasClass2(s.toks[u.a-1], cl2Population) &&
				!t.nounEnding(s.text[s.toks[h.tok].start:s.toks[h.tok].end]) && !t.ingForm(s, h.tok) // ("in which fibre-rich feeding ...")
			if h.tok == u.b && h.bits&relationBits != 0 && s.toks[h.tok].flags&flagHard == 0 && !relVerb && t.nounAfterUnit(s, h, to) {
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
	u.riskNoun = int(m.tokEnd) < to && toks[m.tokEnd].flags&flagHard == 0 && t.hasClass3(toks[m.tokEnd], cl3RiskNoun)
	if m.flags&entModifier != 0 && !t.postModifier(s, m) {
		// An imbalance read from a verb ("X disrupts the <community>")
		// stands where the community does, after the verb.
		for _, h := range hits {
			if h.tok == u.a && h.bits&relationBits != 0 && h.end < u.b &&
				(int(h.tok) <= from || !t.hasClass(toks[h.tok-1], clsArticle|clsDeterminer)) {
				// ("the altered <community>" is an adjective: the
				// imbalance keeps its word)
				// "have altered <community>" is a state, not a making
				// ("linked to changes in <community>": a noun after a
				// preposition is no making either)
				caused := false // "led to changes in <community>"
				for _, g := range hits {
					caused = caused || g.end == h.tok && g.bits&(cueInc|cueDec) != 0
				}
				u.a, u.made = h.end, h.tok == 0 || !t.hasClass2(toks[h.tok-1], cl2Have) && !t.hasClass(toks[h.tok-1], clsCopula) &&
					(caused || !t.hasClass2(toks[h.tok-1], cl2PairObjectPrep|cl2RelPrep|cl2PairOf|cl2FindingPrep))
			}
		}
	}
	if k := int(m.tokStart) - 1; k >= from && toks[m.tokStart].flags&flagHard == 0 {
		// The mentions are in text order: look back only at those that
		// start inside the unit, and let the earliest-starting (longest)
		// community phrase win.
		for j := sort.Search(len(s.ments), func(i int) bool { return s.ments[i].tokStart >= m.tokStart }) - 1; j >= 0 && int(s.ments[j].tokStart) > from; j-- {
			if c := s.ments[j]; c.concept == t.community && c.tokEnd == m.tokStart && toks[c.tokStart].flags&flagHard == 0 {
				k = int(c.tokStart) - 1 // "reduced <community> <diversity>": the community's words qualify the diversity
			}
		}
		u.less = t.hasClass(toks[k], clsLess)
	}
	if k := m.tokStart - 1; int(k) > from+1 && toks[m.tokStart].flags&flagHard == 0 {
		if s.tokMent[k] < 0 && toks[k].flags&(flagHard|flagLetter) == flagLetter && !t.hasClass(toks[k], clsComparative|clsLess|clsConj) && !t.onCue(hits, k) {
			k-- // ("and more severe <Y>": an adjective between)
		}
		u.more = int(k) > from && t.hasClass(toks[k], clsComparative) && !t.hasClass(toks[k], clsLess) && s.tokMent[k] < 0 &&
			t.hasClass(toks[k-1], clsConj) && toks[k].flags&flagHard == 0 && toks[k+1].flags&flagHard == 0
		// "... and a leakier gut": a list item whose mention opens with
		// its own comparative
		if !u.more && m.tokEnd-m.tokStart > 1 && (t.ending(s, m.tokStart, t.comparativeEnd) || t.hasClass4(toks[m.tokStart], cl4MentionComparative)) {
			j := m.tokStart // the item's first word, past an article
			if int(j)-1 > from && t.hasClass(toks[j-1], clsArticle) && toks[j].flags&flagHard == 0 {
				j--
			}
			u.more = int(j)-1 > from && (t.hasClass(toks[j-1], clsConj) || toks[j].flags&flagClause != 0 && strings.Contains(s.text[toks[j-1].end:toks[j].start], ","))
		}
	}
	if k, e := int(m.tokStart)-1, int(m.tokEnd); k >= from && e < to && toks[m.tokStart].flags&flagHard == 0 && toks[e].flags&flagHard == 0 {
		if d := t.riskAround[[2]int32{toks[k].id, toks[e].id}]; d != 0 {
			u.risk, u.less = d, false // "a lower <Y> risk": the comparative is the risk's
		}
	}
	if k := m.tokStart - 1; int(k) >= from && toks[m.tokStart].flags&flagHard == 0 && t.edForm(s, k) && !u.less {
		for _, h := range hits {
			if h.tok == k && h.end == k+1 && h.bits&(cueHelp|cueHarm) != 0 && h.bits&(cueHelp|cueHarm) != cueHelp|cueHarm {
				u.quality = h.bits & (cueHelp | cueHarm) // "worsened <Y>", "improved <Y>"
			}
		}
	}
	if k := int(m.tokEnd); k < to && t.hasClass(toks[k], clsLess) && toks[k].flags&flagHard == 0 {
		// "<community> depletion"; not the particle of a verb split
		// around its object ("keeps Y low"), which is the verb's
		particle := slices.ContainsFunc(s.particles, func(pt [2]int32) bool { return int(pt[0]) <= k && k < int(pt[1]) })
		u.less = !particle
		// a noun of lack ("<barrier> defect"), not a verb ("<Y> decreased")
		// nor a comparative of a gapped copula ("Y was higher and <Z>
		// lower in ...")
		comparative := slices.ContainsFunc(hits, func(h cueHit) bool { return int(h.tok) == k && int(h.end) == k+1 && h.bits&cueCompar != 0 })
		u.lessTail = !t.edForm(s, int32(k)) && !t.ingForm(s, int32(k)) && !comparative && !particle
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
	{
		k := int(m.tokStart) - 1
		for n := 0; n < 2 && k > from+2 && s.tokMent[k] < 0 && toks[k+1].flags&flagHard == 0 && !t.onCue(hits, int32(k)) &&
			toks[k].flags&flagLetter != 0 && t.hasClass(toks[k-1], clsArticle|clsDeterminer); n++ {
			k-- // "mice lacking a normal <X>": a plain word after the article
		}
		if k > from+1 && t.hasClass(toks[k], clsArticle|clsDeterminer) && t.hasClass(toks[k-1], clsLess) &&
			t.hasClass2(toks[k-2], cl2Population) || k > from && t.hasClass(toks[k], clsLess) && t.hasClass2(toks[k-1], cl2Population) ||
			k > from+1 && t.hasClass2(toks[k], cl2PairOf) && t.hasClass(toks[k-1], clsLess) && t.hasClass2(toks[k-2], cl2Population) {
			// ("volunteers deprived of X")
			u.withheld = true // "mice lacking (a) X": what they have without it
		}
	}
	if t.avoided(s, m.tokStart, m.tokEnd, from, to) || t.splitLowered(s, hits, m, from) || t.helpedAway(s, hits, m, from) ||
		t.openingLowering(s, hits, m, from) || t.keptLow(s, m, from, to) {
		u.withheld = true // "cutting out X", "lowering Y", "X withdrawal", "after X was stopped", "strengthening the <barrier>"
	}
	if e := t.freeTail(s, m.tokEnd); e > m.tokEnd && int(e) < to && t.concepts[m.concept].kind == kindIntervention && s.tokMent[e] < 0 &&
		(t.hasClass2(toks[e], cl2Population|cl2Arm) || t.sampleWord(s, e)) {
		u.given, u.withheld = true, true // "fibre-free mice", "the fibre-free group": the arm not given X
	}
	if t.concepts[m.concept].kind != kindIntervention {
		// "mice fed <X>", "rats treated with <X>": people or animals given
		// a mechanism's substance make it an intervention of the study
		k := int(m.tokStart) - 1
		if k > from && t.hasClass2(toks[k], cl2PairBy|cl2PairCausePrep|cl2PairObjectPrep) {
			k-- // ("with", "to")
		}
		p := k - 1
		if p > from+1 && t.hasClass2(toks[p], cl2PassiveAux) && t.hasClass2(toks[p-1], cl2Relative) && toks[p].flags&flagHard == 0 {
			p -= 2 // "mice that were fed <X>"
		}
		u.given = k > from && p >= from && t.hasClass2(toks[k], cl2Exposure) && t.hasClass2(toks[p], cl2Population) &&
			toks[k].flags&flagHard == 0 && toks[k+1].flags&flagHard == 0 && toks[m.tokStart].flags&flagHard == 0 && toks[p+1].flags&flagHard == 0
		if e := int(m.tokEnd); !u.given && e+1 < to && toks[e].flags&flagHard == 0 && toks[e+1].flags&flagHard == 0 &&
			t.edForm(s, int32(e)) && t.hasClass2(toks[e], cl2Exposure) && t.hasClass2(toks[e+1], cl2Population) && s.text[toks[e-1].end:toks[e].start] == "-" {
			u.given = true // "butyrate-treated mice": the arm given the substance
		}
	}
	if e := int(m.tokEnd); t.concepts[m.concept].kind == kindIntervention && e+1 < to &&
		t.hasClass2(toks[e], cl2PassiveAux) && t.hasClass2(toks[e+1], cl2Exposure) && t.edForm(s, int32(e+1)) &&
		toks[e].flags&flagHard == 0 && toks[e+1].flags&flagHard == 0 {
		j := int(m.tokStart) - 1
		if j > from && t.hasClass(toks[j], clsArticle|clsDeterminer) {
			j--
		}
		u.given = u.given || j >= from && t.hasClass(toks[j], clsTimeClause) // "when (the) <X> was given": a time of the result
	}
	if t.concepts[m.concept].kind == kindIntervention {
		start, reach := int(m.tokStart), 3
		if d := t.doseBefore(s, hits, m.tokStart, from); d > int32(from)+1 && t.hasClass2(toks[d-1], cl2Exposure) && toks[d].flags&flagHard == 0 &&
			(!t.hasClass(toks[d], clsArticle) || t.hasClass(toks[d-1], clsConsumption)) {
			// "taking 6 g of X", "who ate a pot of X": the verb right before
			// the dose gives X (not at the head of the sentence: "Given 10
			// g of X ..."; an article opens a dose only after a verb of
			// eating or drinking: not "followed a cohort of X users")
			start, reach = int(d), 1
		} else if c := t.countBefore(s, int32(start), from); c < int32(start) {
			start, reach = int(c), 1 // "who had received three or more antibiotic courses"
		}
		for k := start - 1; k >= from && k >= start-reach && toks[k+1].flags&(flagHard|flagClause) == 0; k-- {
			if t.hasClass2(toks[k], cl2Exposure) {
				u.given = true
				u.withheld = u.withheld || t.negatorBefore(s, hits, int32(k), int32(from))
				u.consumed = t.hasClass(toks[k], clsConsumption) && !t.armNamed(s, from, to) && !t.trialBefore(s, int32(k), from)
			}
		}
		k := int(m.tokStart) - 1
		if k > from && t.hasClass(toks[k], clsArticle|clsDeterminer) {
			k--
		}
		if k > from && t.hasClass(toks[k], clsNegWord) && t.hasClass2(toks[k-1], cl2Population) && toks[k].flags&flagHard == 0 {
			u.given, u.withheld = true, true // "mice without (the) X"
		}
		if t.contentLeftOut(s, m.tokStart, from) && !(int(m.tokEnd) < to && t.hasClass2(toks[m.tokEnd], cl2Arm|cl2Population) && toks[m.tokEnd].flags&flagHard == 0) {
			// (not "Y was low in the <X> arm": the arm given X)
			u.withheld = true // "a diet low in <X>": the diet leaves X out
		}
		if t.withoutInSubject(s, hits, &m, from) {
			u.withheld = true // "a few days without proper X makes Y worse": the lack of X is the subject
		}
		if n := int(m.tokStart) - 1; n >= from && t.hasClass(toks[n], clsNegWord) && t.ingForm(s, m.tokStart) && toks[m.tokStart].flags&flagHard == 0 &&
			(n == from || toks[n].flags&flagClause != 0 || t.hasClass2(toks[n-1], cl2PairBy|cl2PairCausePrep|cl2PairObjectPrep)) {
			u.withheld = true // "Not drinking enough water causes Y": a gerund denied names the lack of X
		}
		// ("on" is a determiner word too: the article skip above may have
		// passed it)
		j := int(m.tokStart) - 1
		if j > from && !t.hasClass3(toks[j], cl3RegimenPrep) && t.hasClass(toks[j], clsArticle|clsDeterminer) {
			j--
		}
		if j > from && t.hasClass3(toks[j], cl3RegimenPrep) && t.hasClass2(toks[j-1], cl2Population) && toks[j].flags&flagHard == 0 {
			u.given = true // "participants on the X diet", "patients on X"
		}
		if t.trialOfBefore(s, m.tokStart, from) && !t.controlArmAfter(s, m.tokEnd, to) && !t.avoidedItem(s, m, from, to) &&
			(int(m.tokEnd) >= to || !t.hasClass(toks[m.tokEnd], clsAvoid)) {
			// "trials of X reported fewer Y": what the trials gave (not
			// when the result is the control arm's, "... in the placebo
			// group", nor for a trial of X's removal, "a trial of dairy
			// elimination")
			u.given = true
		}

		// a cause of time that opens the sentence: "After <X>, patients
		// had fewer Y" compares the same people before and after X
		if j := from + 1; int(m.tokStart) <= j+1 && int(m.tokStart) >= j && int(m.tokEnd) < to && toks[m.tokEnd].flags&flagClause != 0 &&
			t.hasClass2(toks[from], cl2PairCausePrep) && !t.hasClass2(toks[from], cl2PairObjectPrep) &&
			(int(m.tokStart) == j || t.hasClass(toks[j], clsArticle|clsDeterminer)) {
			u.given = true
		}
		if t.startedBefore(s, m.tokStart, from) {
			u.given, u.consumed = true, false // "Since I started (taking) X, ...": before and after X
		}
		// the arm of a trial: "the <X> arm", "<X>-treated <animals>"
		if e := int(m.tokEnd); e < to && toks[e].flags&flagHard == 0 {
			u.given = u.given || t.hasClass2(toks[e], cl2Arm) ||
				e+1 < to && t.edForm(s, int32(e)) && t.hasClass2(toks[e+1], cl2Population) ||
				t.edForm(s, int32(e-1)) && t.hasClass2(toks[e], cl2Population) ||
				// "FO mice": the short form of what the animals were fed
				shortFormAt(s, m.tokStart, m.tokEnd) && t.hasClass2(toks[e], cl2Population)
		}
		if m.tokEnd-m.tokStart > 1 && t.hasClass2(toks[m.tokEnd-1], cl2Arm) {
			u.given = true // a name that ends in its arm: "the dairy-free group"
		}
		if (!u.given || u.consumed) && t.controlArmCompared(s, m, from, to) {
			// "men who switched to X had fewer Y than those who kept
			// eating as usual", "fewer Y with X than with placebo": the
			// arm of a trial, whatever verb names what it took
			u.given, u.consumed = true, false
		}
	}
	return u
}

// startedBefore reports whether a verb of starting stands before the
// mention at token a in a clause that opens the sentence with a start
// opener ("Since I started (taking) X", "After we began X"): what
// follows compares the same people before and after X.
func (t *Tagger) startedBefore(s *scratch, a int32, from int) bool {
	toks := s.toks
	if int(a) <= from+1 || !t.hasClass4(toks[from], cl4StartOpener) {
		return false
	}
	for k := a - 1; k > int32(from); k-- {
		if toks[k+1].flags&flagHard != 0 || toks[k+1].flags&flagClause != 0 && k+1 != a {
			return false
		}
		if t.hasClass4(toks[k], cl4StartVerb) {
			return a-k <= 3
		}
	}
	return false
}

// controlArmCompared reports whether intervention mention m names what
// one arm took and a comparison after it names the control arm: m stands
// in a relative clause of people ("men who switched to <m>") or right
// after "with" ("with <m> than with sham"), and "than" follows, with a
// word of a trial's control arm within eight words of it in the clause: a
// placebo word, a trial-control word ("waiting list"), or a control word
// before a control head ("the control group", "usual care").
func (t *Tagger) controlArmCompared(s *scratch, m mention, from, to int) bool {
	toks := s.toks
	k := int32(-1)
	for j := m.tokEnd; int(j) < to && j <= m.tokEnd+20; j++ {
		if t.hasClass2(toks[j], cl2Than) {
			k = j
			break
		}
		if toks[j].flags&flagClause != 0 && t.onCueBits(s.cueHits, j, cueClauseBreak|cueContrast) {
			return false
		}
	}
	if k < 0 {
		return false
	}
	control := false
	for j := k + 1; int(j) < to && j <= k+8 && (j == k+1 || toks[j].flags&flagHard == 0); j++ {
		if s.tokMent[j] >= 0 && s.ments[s.tokMent[j]].concept == m.concept {
			return false // ("than those who ate less X": a dose, no control)
		}
		control = control || t.hasClass3(toks[j], cl3PlaceboWord) || t.hasClass4(toks[j], cl4TrialControl) ||
			t.hasClass4(toks[j], cl4ControlWord) && (int(j)+1 < to && t.hasClass4(toks[j+1], cl4ControlHead) && toks[j+1].flags&flagHard == 0 ||
				j > k+1 && t.hasClass(toks[j-1], clsTimeClause)) // ("than those who kept eating as usual")
	}
	if !control {
		return false // (nor "healthy controls", "nonusers", "than usual": people compared by what they chose)
	}
	a := m.tokStart
	p := a - 1
	if int(p) > from && t.hasClass(toks[p], clsArticle) && toks[a].flags&flagHard == 0 {
		p--
	}
	if int(p) > from && t.hasClass2(toks[p], cl2PairObjectPrep) && toks[p+1].flags&flagHard == 0 && m.tokEnd+2 >= k &&
		int(k)+1 < to && toks[k+1].id == toks[p].id && !t.hasClass2(toks[p-1], cl2Population) {
		return true // "with (a) <m> than with placebo" (not "patients with <m> than controls")
	}
	for r := a - 1; int(r) > from && r >= a-10; r-- {
		if t.hasClass2(toks[r], cl2PairObjectPrep) && t.hasClass2(toks[r], cl2PairCausePrep) {
			return false // ("who attended a daycare with a <m> programme": what the place had)
		}
		if !t.hasClass2(toks[r], cl2Relative) {
			continue
		}
		for q := r - 1; int(q) >= from && q >= r-4; q-- {
			if t.hasClass2(toks[q], cl2Population) && toks[q+1].flags&flagHard == 0 && !joinedByHyphen(s, q+1) &&
				(q == r-1 || t.hasClass2(toks[q+1], cl2PairObjectPrep)) {
				return true // "men who switched to <m>", "women with Y who took <m>"
			}
		}
		return false
	}
	return false
}

// keptLow reports whether mention m is an intake held low by a verb of
// keeping around it ("Keep sugar low to reduce acne", "Keeping sugar
// intake low may help Y"): what the sentence says of it is what its
// lowering does (keptIntake: no relation of its own).
func (t *Tagger) keptLow(s *scratch, m mention, from, to int) bool {
	toks := s.toks
	for k := int(m.tokStart) - 1; k >= from && k >= int(m.tokStart)-3; k-- {
		if toks[k+1].flags&flagHard != 0 {
			return false
		}
		if bits, pa, _ := t.splitAt(toks, k, to); bits != 0 && pa > int(m.tokStart) {
			return t.keptIntake(s, k, pa) && t.hasClass(toks[pa], clsLess)
		}
	}
	return false
}

// openingLowering reports whether mention m follows a noun of lowering
// that opens the sentence ("A reduction in stress led to fewer flares",
// "Reduction of stress improved Y"): what the sentence says of it is what
// its lowering does, as for "lowering Y".
func (t *Tagger) openingLowering(s *scratch, hits []cueHit, m mention, from int) bool {
	toks := s.toks
	k := m.tokStart - 1
	if int(k) <= from || !t.hasClass2(toks[k], cl2PairOf|cl2FindingPrep) || toks[k].flags&flagHard != 0 || toks[m.tokStart].flags&flagHard != 0 {
		return false
	}
	j := k - 1
	if dir, end := t.changeNoun(s, hits, j); dir >= 0 || end != k && end != k+1 {
		return false
	}
	if int(j) > from && t.hasClass(toks[j-1], clsArticle) {
		j--
	}
	return int(j) == from
}

// splitLowered reports whether mention m is the object of a gerund of
// lowering whose particle follows it ("Bringing <X> levels down through
// ..."): what the sentence says of it is what its lowering does.
func (t *Tagger) splitLowered(s *scratch, hits []cueHit, m mention, from int) bool {
	k := m.tokStart - 1
	if int(k) > from && t.hasClass(s.toks[k], clsArticle|clsDeterminer) {
		k--
	}
	if int(k) < from || !t.ingForm(s, k) || !t.onCueBits(hits, k, cueDec) || t.onCueBits(hits, k, cueInc) {
		return false
	}
	for _, pt := range s.particles {
		if pt[0] >= m.tokEnd && pt[0] <= m.tokEnd+2 {
			return true
		}
	}
	return false
}

// helpedAway reports whether mention m is of a mechanism that is no good
// to have, after a gerund of help that opens its clause ("Strengthening
// the gut barrier improved Y", "Healing the gut lining clears Y"): helping
// what it names lowers the concept, so the sentence says what lowering it
// does, as "lowering intestinal permeability improved Y" does.
func (t *Tagger) helpedAway(s *scratch, hits []cueHit, m mention, from int) bool {
	c := t.concepts[m.concept]
	if c.kind != kindMechanism || c.beneficial || c.harmful {
		// (what helping names goes up; it lowers a concept that is no
		// good, named inversely or not; a harmful one named by its
		// system, "supporting the gut-brain axis", is helped, not lowered)
		return false
	}
	k := m.tokStart - 1
	if int(k) > from && t.hasClass(s.toks[k], clsArticle|clsDeterminer) {
		k--
	}
	if int(k) < from || s.toks[k+1].flags&flagHard != 0 || !t.ingForm(s, k) || !t.onCueBits(hits, k, cueHelp) || t.onCueBits(hits, k, cueHarm) {
		return false
	}
	return int(k) == from || s.toks[k].flags&flagClause != 0
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
		if t.hasClass(toks[b], clsAvoid) && !t.ingForm(s, b) && !t.edForm(s, b) && toks[b].start == toks[b-1].end+1 &&
			!t.compoundNoun(s, b+1, to) && !(int(b)+1 < to && t.hasClass4(toks[b+1], cl4CompoundHead) && t.removalAgent(s, a) && t.onCueBits(s.cueHits, b, cueDec)) {
			// (nor "an antibiotic eradication regimen": an agent of
			// removal names the means of its regimen, not what it removes)
			// (not "<X> eradication therapy": a therapy named after what
			// it removes; not "correcting (any underlying) <X>
			// deficiency": the lack removed gives X; not "children with
			// <X> deficiency": the people, whose setting it is)
			remedy := func(j int32) bool {
				return t.hasClass(toks[j], clsAvoid) || t.hasClass4(toks[j], cl4RemedyVerb) || t.onCueBits(s.cueHits, j, cueDec|cueHelp)
			}
			j := a - 1
			for n := 0; n < 3 && j > int32(from) && toks[j+1].flags&flagHard == 0 && s.tokMent[j] < 0 && !remedy(j) &&
				(t.hasClass(toks[j], clsArticle|clsDeterminer|clsAdjective) || t.adjectiveWord(s, j) || t.ingForm(s, j)); n++ {
				j-- // ("correcting any underlying <X> deficiency")
			}
			if j < int32(from) || toks[j+1].flags&flagHard != 0 {
				return true
			}
			return !remedy(j) && !(j > int32(from) && t.hasClass2(toks[j], cl2PairObjectPrep|cl2FindingPrep) && t.hasClass2(toks[j-1], cl2Population))
		}
		if int(b)+1 < to && t.hasClass2(toks[b], cl2PassiveAux) && t.hasClass(toks[b+1], clsAvoidParticiple) {
			return true
		}
	}
	sawGerund := false
	for k := a - 1; k >= int32(from) && k >= a-4; k-- {
		if toks[k+1].flags&flagHard != 0 && !(toks[k].flags&flagDigit != 0 && strings.TrimSpace(s.text[toks[k].end:toks[k+1].start]) == "%") {
			return false // (a percentage is none: "replacing 10% of X")
		}
		if t.hasClass(toks[k], clsAvoid) && !(sawGerund && t.hasClass(toks[k], clsLess)) {
			// (not "<Y>-lowering X": a compound adjective; not "<Y>
			// deficiency taking X": a lack before a gerund names who takes
			// X, while "deficiencies of X" lack X; not "treating with X",
			// "<Y> eradication with (by) X": the means of the removal)
			return !(k > int32(from) && joinedByHyphen(s, k)) && !t.hasClass2(toks[k+1], cl2PairCausePrep|cl2PairBy)
		}
		if t.hasClass4(toks[k], cl4ImperativeAvoid) && (int(k) == from || toks[k].flags&flagClause != 0) {
			return true // "Cut (down on) X to reduce Y": an imperative that opens its clause
		}
		if k+1 < a && t.phrasalAvoidance(s, k) {
			// "who cut back on X", "cut out X" (not "don't give up on X",
			// a prohibition too: X is kept)
			return !slices.ContainsFunc(s.cueHits, func(h cueHit) bool {
				return h.bits&cueNeg != 0 && h.bits&cuePseudo == 0 && h.tok >= int32(from) && (h.end == k || h.end == k-1)
			})
		}
		if k > int32(from) && !sawGerund && t.hasClass(toks[k], clsConj) && s.tokMent[k-1] >= 0 &&
			(toks[k].flags&flagClause == 0 || t.serialItem(s, s.ments[s.tokMent[k-1]], from)) &&
			t.avoidedItem(s, s.ments[s.tokMent[k-1]], from, to) {
			// (", and" opens a clause, "I cut back on sugar, and
			// probiotics helped", unless a list comma comes before the item
			// before it: "avoiding X, Y, and Z")
			return true // "cutting out X and processed <X>": the list is avoided (not "... and adding W")
		}
		// an -ing verb of taking right before it may stand between:
		// "stopped eating X"
		gerund := k == a-1 && t.ingForm(s, k) && !t.onCue(s.cueHits, k)
		sawGerund = sawGerund || gerund
		if sawGerund && k == a-2 && t.hasClass4(toks[k], cl4StopVerb) {
			return true // "when I stop taking X"
		}
		if !gerund && !t.hasClass(toks[k], clsAvoidParticle|clsArticle|clsDeterminer|clsAdjective) && !t.hasClass2(toks[k], cl2PairOf) &&
			toks[k].flags&flagLetter != 0 && // ("replacing 10% of X": a share of it)
			!(k == a-1 && s.tokMent[k] < 0 && !t.onCue(s.cueHits, k) && t.adjectiveWord(s, k)) {
			return false // ("avoiding unnecessary X": an adjective right before it)
		}
	}
	return false
}

// avoidedItem reports whether mention m is avoided itself or names an
// avoidance ("cutting out dairy"), as the first item of a list; an item
// after a list comma looks at the item before it when both name the same
// concept ("cut back on sweets, sugary drinks and processed snacks").
func (t *Tagger) avoidedItem(s *scratch, m mention, from, to int) bool {
	toks := s.toks
	for n := 0; n < 4; n++ {
		for k := m.tokStart; k < m.tokEnd; k++ {
			if t.hasClass(toks[k], clsAvoid) {
				return true
			}
		}
		k := m.tokStart - 1
		for k >= int32(from) && k >= m.tokStart-3 && t.hasClass(toks[k], clsAvoidParticle|clsArticle|clsDeterminer|clsAdjective) {
			k--
		}
		if k >= int32(from) && toks[k+1].flags&flagHard == 0 {
			if t.hasClass(toks[k], clsAvoid) {
				return true
			}
			if k+1 < m.tokStart && t.phrasalAvoidance(s, k) {
				return true // "cut back on <X>"
			}
		}
		p := m.tokStart - 1
		if p < int32(from) || toks[m.tokStart].flags&flagClause == 0 || s.text[toks[p].end:toks[m.tokStart].start] != ", " || s.tokMent[p] < 0 ||
			s.ments[s.tokMent[p]].concept != m.concept {
			return false // (an item of another concept: "After cutting out sugar, probiotics and zinc ...")
		}
		m = s.ments[s.tokMent[p]] // the list item before the comma, of the same concept
	}
	return false
}

// controlArmAfter reports whether a preposition of finding and a word of
// the placebo or of a control group (placebo-words, control-words), maybe
// an article between, follow token a ("fewer flares in the placebo
// group"): the result named is the control arm's.
func (t *Tagger) controlArmAfter(s *scratch, a int32, to int) bool {
	toks := s.toks
	for k := a; int(k)+1 < to; k++ {
		if !t.hasClass2(toks[k], cl2FindingPrep) {
			continue
		}
		j := k + 1
		if int(j)+1 < to && t.hasClass(toks[j], clsArticle|clsDeterminer) {
			j++
		}
		if toks[j].flags&flagHard == 0 && (t.controlWord(toks[j])) {
			return true
		}
	}
	return false
}

// controlWord reports whether tk names the control arm: a placebo word or
// a control word (placebo-words, control-words).
func (t *Tagger) controlWord(tk token) bool {
	return t.hasClass3(tk, cl3PlaceboWord) || t.hasClass4(tk, cl4ControlWord)
}

// serialItem reports whether mention m follows a list comma after another
// mention ("X, <m>, and Z"): a comma before the conjunction after it is a
// serial comma, not a clause's.
func (t *Tagger) serialItem(s *scratch, m mention, from int) bool {
	p := m.tokStart - 1
	return p >= int32(from) && s.toks[m.tokStart].flags&flagClause != 0 && s.text[s.toks[p].end:s.toks[m.tokStart].start] == ", " &&
		s.tokMent[p] >= 0
}

// phrasalAvoidance reports whether token k is a verb that avoids what
// follows with the particle after it: "cut back on", "cut out" (any
// avoidance particle), "give up" (only "up").
func (t *Tagger) phrasalAvoidance(s *scratch, k int32) bool {
	toks := s.toks
	if int(k)+1 >= len(toks) || toks[k+1].flags&flagHard != 0 {
		return false
	}
	return t.hasClass3(toks[k], cl3PhrasalAvoidance) && t.hasClass(toks[k+1], clsAvoidParticle) ||
		t.hasClass4(toks[k], cl4UpAvoidance) && t.hasClass4(toks[k+1], cl4UpParticle)
}

// compoundNoun reports whether token k continues a noun phrase with a
// plain noun ("eradication therapy"): a word that is no mention, no cue, no
// function word and no break.
func (t *Tagger) compoundNoun(s *scratch, k int32, to int) bool {
	toks := s.toks
	if int(k) >= to || toks[k].flags&(flagHard|flagClause|flagDigit) != 0 || toks[k].flags&flagLetter == 0 || s.tokMent[k] >= 0 {
		return false
	}
	if t.hasClass(toks[k], clsGiven) {
		return true // "eradication therapy", "elimination diet"
	}
	if t.onCue(s.cueHits, k) {
		return false
	}
	return !t.hasClass(toks[k], clsConj|clsCopula|clsArticle|clsDeterminer) &&
		!t.hasClass2(toks[k], cl2PassiveAux|cl2Modal|cl2Have|cl2PairOf|cl2PairObjectPrep|cl2PairCausePrep|cl2PairBy|cl2FindingPrep|cl2Relative|cl2EllipsisAux) &&
		!t.edForm(s, k) && !t.ingForm(s, k) && !t.verbForm3s(s, k)
}

// negatorBefore reports whether a negator ends right before token k, or
// one word before it ("did not receive", "were never given").
func (t *Tagger) negatorBefore(s *scratch, hits []cueHit, k, from int32) bool {
	for _, h := range hits {
		if h.bits&cueNeg != 0 && h.bits&cuePseudo == 0 && h.tok >= from && (h.end == k || h.end == k-1) {
			return !t.prohibition(s, h, k, from)
		}
	}
	return false
}

// prohibition reports whether negator h opens its clause, maybe after an
// auxiliary, before the base form of the verb of exposure at token k
// ("Don't take X ...", "Do not take X for Y"): advice, not a group of
// people who went without X ("Never given X, these infants ..." is one).
func (t *Tagger) prohibition(s *scratch, h cueHit, k, from int32) bool {
	toks := s.toks
	opens := func(j int32) bool { return j <= from || toks[j].flags&flagClause != 0 }
	if t.edForm(s, k) || t.ingForm(s, k) {
		return false
	}
	return opens(h.tok) || h.tok-1 >= from && opens(h.tok-1) && t.auxiliary(toks[h.tok-1])
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
			if j == i || v.concept != t.imbalance && v.concept != t.diversity && v.concept != t.transfer || v.concept == -1 {
				continue
			}
			gap := max(v.a-u.b, u.a-v.b)
			said := t.diverseSubject(s, hits, *u, *v) // "the <community> of patients with Y was less diverse"
			if !said && (gap > 3 || t.cueBetween(hits, min(u.b, v.b), max(u.a, v.a)) || v.a >= u.b && t.clauseOpenerBetween(s, hits, u.b, v.a)) ||
				v.concept == t.transfer && (u.a < v.a || u.b > v.b || !t.otherKind(s, i, t.concepts[v.concept].kind)) {
				// (a transfer takes in only the community it names, and
				// not when nothing else of another kind than its own is
				// left to relate it to)
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

// diverseSubject reports whether diversity unit v is said of community
// u by a copula after it ("the <community> of patients with Y was less
// diverse"), with no other verb and no clause break between.
func (t *Tagger) diverseSubject(s *scratch, hits []cueHit, u, v pairUnit) bool {
	toks := s.toks
	if v.concept != t.diversity || v.a <= u.b || v.a-u.b > 9 || v.b-v.a != 1 || !t.hasClass2(toks[v.a], cl2DiverseAdj) {
		return false
	}
	cop := t.diverseCopula(s, v.a) // past a comparative and adverbs ("was also less diverse")
	if cop < u.b || t.cueBetween(hits, u.b, cop) {
		return false
	}
	for k := u.b; k <= cop; k++ {
		if toks[k].flags&(flagClause|flagHard) != 0 {
			return false
		}
	}
	return true
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
	if t.hasClass2(s.toks[h.tok], cl2EllipsisAux|cl2PassiveAux|cl2Modal) || t.hasClass(s.toks[h.tok], clsCopula) {
		return false // a verb phrase: "whereas <Z> did not differ"
	}
	if e < to && t.hasClass2(s.toks[e], cl2PurposeTo) && !t.nounEnding(s.text[s.toks[h.tok].start:s.toks[h.tok].end]) {
		return false // a verb with "to": "X, Y and <Z> contribute to W"
	}
	return e >= to || s.toks[e].flags&flagHard != 0 || t.hasClass(s.toks[e], clsConj) || t.hasClass2(s.toks[e], cl2Than) ||
		h.end-h.tok == 1 && !t.ending(s, h.tok, t.pluralEnd) && !t.edForm(s, h.tok) && !t.ingForm(s, h.tok) &&
			!t.hasClass2(s.toks[h.tok], cl2OutcomeVerb|cl2IrregularPast) &&
			t.hasClass2(s.toks[e], cl2PairOf|cl2PairObjectPrep) && !t.hasClass2(s.toks[e], cl2PairCausePrep)
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
	if u.a == g.b+1 && toks[g.b].flags&(flagHard|flagClause) == 0 && toks[u.a].flags&(flagHard|flagClause) == 0 && t.hasClass(toks[g.b], clsArticle) {
		return false // "in children with <Y> a <X> lowered Z": an article opens a new phrase, no item
	}
	if u.a > g.b && g.b+2 >= u.a && t.onCueBits(hits, u.a-1, cueNegRel) && s.tokMent[u.a-1] < 0 && t.hasClass(toks[g.b], clsConj) &&
		g.a > 0 && (t.hasClass(toks[g.a-1], clsComparative|clsLess) || t.onCueBits(hits, g.a-1, cueInc|cueDec)) {
		// "lower X and unchanged Y": a word of no change opens an item
		// of its own
		return false
	}
	if t.gerundItems(s, hits, g, u) {
		return true // "Cutting back on <X> and eating more <Z> may lower Y": gerunds listed as subjects
	}
	if t.concepts[last.concept].kind != t.concepts[u.concept].kind && (t.peopleWith(s, g.a) || t.inOpeningPhrase(s, g.a)) &&
		strings.TrimSpace(s.text[toks[u.a-1].end:toks[u.a].start]) != "," && u.a > g.b && toks[g.b].flags&flagClause != 0 {
		// "in adults with <condition>, oral X, ...": the people's
		// condition ends a phrase of setting; the subject starts anew
		return false
	}
	if u.a > g.b && t.concepts[last.concept].kind != t.concepts[u.concept].kind && t.exampleLeadBefore(s, u.a, g.b-1) >= g.b {
		// "interventions that tighten <Y>, such as <X>": examples of
		// another kind are no examples of Y
		return false
	}
	if u.a == g.b || u.a == g.b+1 && toks[u.a].flags&flagClause != 0 && t.headNoun(s, hits, g.b) {
		// ("<X> symptoms, <Y> and <Z>": an item may end with a plain
		// noun of its own)
		// "X, Y and Z": a comma alone joins names of one kind
		// ("<condition>, <condition>"), not "... without X, Y did not ...".
		gap := strings.TrimSpace(s.text[toks[u.a-1].end:toks[u.a].start])
		if gap != "," && gap != "-," || g.a > 0 && t.cueEndsAt(hits, g.a, 3) && t.verbAfter(s, hits, u.b, 3) {
			return false // ("-,": hanging prefixes listed, "pre-, pro- and synbiotics")
		}
		// Names of two kinds join when the list is what an association
		// relates ("acne, gut microbiota and inflammation are linked").
		return t.concepts[last.concept].kind == t.concepts[u.concept].kind ||
			!(g.a > 0 && t.hasClass2(toks[g.a-1], cl2FindingPrep|cl2PairObjectPrep|cl2RelPrep|cl2PairCausePrep)) && t.associatedList(s, hits, u) ||
			t.subjectList(s, hits, g, u) || gap == "," && t.objectSeries(s, hits, g, u)
	}
	if u.a == g.b+1 && g.last-g.first == 1 && g.a >= 2 && s.tokSent[g.a-2] == s.tokSent[g.a] && t.hasClass3(toks[g.a-1], cl3RangePrep) &&
		t.hasClass3(toks[g.a-2], cl3RangeOpener) && t.hasClass3(toks[g.b], cl3RangeEnd) && toks[g.b].flags&flagHard == 0 &&
		toks[g.a-1].flags&flagHard == 0 && toks[g.a].flags&flagHard == 0 &&
		t.concepts[last.concept].kind == t.concepts[u.concept].kind {
		return true // "everything from <X> to <Y>": the ends of a range are a list
	}
	if u.a == g.b+2 && t.hasClass3(toks[g.b], cl3Combination) && t.hasClass2(toks[g.b+1], cl2PairCausePrep) &&
		(toks[g.b].flags&flagHard == 0 || t.asideClosed(s, g.b, u.b, u.concept)) && toks[g.b+1].flags&flagHard == 0 && toks[u.a].flags&flagHard == 0 &&
		t.concepts[last.concept].kind == kindIntervention && t.concepts[u.concept].kind == kindIntervention {
		return true // "<X> combined with <Y> reduced Z", "<X>, together with <Y>, feeds Z": both act
	}
	if t.gappedSize(s, hits, g, u) {
		return true // "reduced <Y> by 5.9 points and <Z> by 2.1 points": the verb gapped
	}
	if c := t.contentBefore(s, u.a, 0); c > g.b && t.contentBefore(s, s.pairs.units[g.first].a, 0) >= 0 &&
		t.onlyWordsBetween(s, g.b, c, func(k int32) bool { return t.hasClass(toks[k], clsConj) }) {
		return true // "a diet low in <X> and rich in <Z>": the contents of one noun
	}
	if t.measureOfItem(s, hits, g.b, u.a) {
		return true // "reduced <Y> and the abundance of <Z>"
	}
	if t.coordinatedPeople(s, hits, g, u) {
		return true // "patients with <Y> and (to a lesser degree) those with <Z> have ...": one finding of both
	}
	if e := t.statisticsEnd(s, g.b, u.a); e > g.b && e < u.a && t.hasClass(toks[e], clsConj) &&
		t.repeatedLead(s, g, e+1, u.a, t.concepts[last.concept].kind == t.concepts[u.concept].kind) &&
		!(int(u.b) < len(toks) && t.onCueBits(hits, u.b, relationBits|cueVerb|cueHedge)) {
		return true // "higher <Y> (2.9 vs 1.8, p < 0.001) and <Z> (...)": the statistics of an item
	}
	if e := t.statisticsEnd(s, g.b, u.a); e > g.b && e < u.a && t.hasClass(toks[e], clsConj) && u.a-e <= 3 &&
		strings.TrimSpace(s.text[toks[e-1].end:toks[e].start]) == ")" &&
		t.onlyWordsBetween(s, e+1, u.a, func(k int32) bool {
			return s.tokMent[k] < 0 && !t.onCue(hits, k) && toks[k].flags&(flagHard|flagDigit) == 0 &&
				!t.hasClass(toks[k], clsCopula|clsConj) && !t.hasClass2(toks[k], cl2Have|cl2Modal|cl2PassiveAux|cl2Pronoun|cl2Relative)
		}) && !(int(u.b) < len(toks) && t.onCueBits(hits, u.b, relationBits|cueVerb|cueHedge)) {
		return true // "did not reduce <Y> (RR 0.93, 95% CI ...) or total <Z>": the statistics of the first item
	}
	if e := t.statisticsEnd(s, g.b, u.a); e > g.b && e <= u.a && toks[e].flags&flagClause != 0 &&
		t.concepts[last.concept].kind == t.concepts[u.concept].kind && (t.plainItemBetween(s, hits, e, u.a) || e == u.a && (t.listGoesOn(s, u) || t.statisticsGoOn(s, u))) &&
		!(int(u.b) < len(toks) && t.onCueBits(hits, u.b, relationBits|cueVerb|cueHedge)) {
		// "higher <Y> (median 0.48 vs 0.31), <Z> and <W>", "..., LBP and
		// <Z>": a list goes on after an item's statistics, maybe with an
		// item outside the taxonomy
		return true
	}
	if e := t.sitePhraseEnd(s, hits, g.b, u.a); e > g.b && e < u.a && t.hasClass(toks[e], clsConj) && g.a > 0 &&
		t.hasClass(toks[g.a-1], clsLess|clsComparative) && t.concepts[last.concept].kind == t.concepts[u.concept].kind &&
		t.onlyWordsBetween(s, e+1, u.a, func(k int32) bool { return t.hasClass(toks[k], clsArticle|clsLess|clsComparative) }) {
		return true // "less <Y> in their stool and a less diverse <Z>": the first item's site, then the series goes on
	}
	if t.parallelSetting(s, hits, g, u) && t.concepts[last.concept].kind == t.concepts[u.concept].kind {
		return true // "lowered <Y> in three trials and <Z> in two", "with less <Y> in children and with less <Z> in adults"
	}
	if u.a-g.b > 4 || u.a-g.b < 1 {
		return false
	}
	// "<X> face <Y>": a compound that names two things of one kind
	if u.a == g.b+1 && toks[g.b].flags&(flagHard|flagClause|flagDigit) == 0 && toks[u.a].flags&flagHard == 0 &&
		s.tokMent[g.b] < 0 && !t.onCue(hits, g.b) && (t.plainWord(toks[g.b]) || t.hasClass(toks[g.b], clsSitePrimary|clsSiteSecondary) &&
		!t.hasClass2(toks[g.b], cl2PairCausePrep|cl2PairObjectPrep|cl2PairOf|cl2PairBy|cl2RelPrep)) &&
		t.concepts[last.concept].kind == t.concepts[u.concept].kind {
		return true
	}
	// "X, effective Y": a comma and an adjective; "X, impaired Y and Z":
	// a participle as an adjective, when the list goes on after Y
	if (u.a == g.b+1 || u.a == g.b+2 && t.sampleWord(s, g.b+1)) && strings.TrimSpace(s.text[toks[g.b-1].end:toks[g.b].start]) == "," &&
		(t.adjectiveWord(s, g.b) || t.edForm(s, g.b) && (t.listGoesOn(s, u) || t.associatedBefore(s, u.b, 0) ||
			g.a > 1 && (t.edForm(s, g.a-1) || t.hasClass(toks[g.a-1], clsLess|clsComparative)) &&
				(t.hasClass2(toks[g.a-2], cl2Have) || t.hasClass(toks[g.a-2], clsCopula|clsArticle|clsDeterminer)))) &&
		t.concepts[last.concept].kind == t.concepts[u.concept].kind {
		// ("X, elevated serum Y and Z": a sample word between; "increased
		// X, elevated Y": participles in a series; "associated with X,
		// reduced Y and a higher risk of Z": what an association relates)
		return true
	}
	if g.b+1 < u.a && u.a <= g.b+3 && g.a > 1 && strings.TrimSpace(s.text[toks[g.b-1].end:toks[g.b].start]) == "," &&
		toks[g.b].flags&flagHard != 0 && t.hasClass(toks[g.b], clsArticle) && t.comparativeAt(s, hits, g.b+1) != 0 &&
		(u.a == g.b+2 || t.sampleWord(s, g.b+2) || t.hasClass(toks[g.b+2], clsSitePrimary|clsSiteSecondary)) &&
		t.concepts[last.concept].kind == t.concepts[u.concept].kind &&
		(t.comparativeAt(s, hits, g.a-1) != 0 || t.sampleWord(s, g.a-1) && t.comparativeAt(s, hits, g.a-2) != 0) &&
		!t.inOpeningPhrase(s, g.a) && !t.prepositionBefore(s, g.a) {
		// (not "In patients with higher <Y>, a lower <W> predicted ...")
		// "higher plasma <Y> and <Z>, a lower faecal <W> and ...":
		// comparatives in a series, each with its article
		return true
	}
	if t.mixedListItem(s, hits, g, u) {
		return true // "high stress, poor sleep or frequent sugary snacks": a list of three or more
	}
	if u.a == g.b+1 && g.b > 0 && strings.TrimSpace(s.text[toks[g.b-1].end:toks[g.b].start]) == "," &&
		(t.adjectiveWord(s, g.b) || t.hasClass(toks[g.b], clsLess|clsComparative)) && t.subjectList(s, hits, g, u) {
		return true // "Stress, poor sleep and <Z> worsen <Y>"
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
	if t.plainItemBetween(s, hits, g.b, u.a) && (t.concepts[last.concept].kind == t.concepts[u.concept].kind || t.openingSubjects(s, hits, g, u)) {
		return true // "fibre intake, fruit consumption and water intake": an item outside the taxonomy in the list
	}
	correlative := g.a > 0 && s.tokSent[g.a-1] == s.tokSent[g.a] && t.hasClass2(toks[g.a-1], cl2PairCoordinator) &&
		!t.hasClass(toks[g.a-1], clsConj|clsArticle) ||
		g.a > 1 && s.tokSent[g.a-2] == s.tokSent[g.a] && t.hasClass(toks[g.a-1], clsArticle) && t.hasClass2(toks[g.a-2], cl2PairCoordinator) &&
			!t.hasClass(toks[g.a-2], clsConj|clsArticle) // "both the X arm and ..."
	between := t.betweenBefore(s, g.a) // "between <X> use and <Y>"
	// "intakes of X and of (long-chain) Y", "linked both to an altered X
	// and to raised circulating Y": the preposition repeated after the
	// conjunction, then plain words of the item (or a participle of
	// change when the preposition is a relation's)
	prep := g.a - 1
	if prep > 0 && t.hasClass(toks[prep], clsArticle) {
		prep--
	}
	repeatedOf := g.b+1 < u.a && prep >= 0 && t.hasClass(toks[g.b], clsConj) && toks[g.b+1].flags&flagHard == 0 &&
		(t.hasClass2(toks[g.b+1], cl2PairOf) && t.hasClass2(toks[g.a-1], cl2PairOf) ||
			t.hasClass2(toks[g.b+1], cl2PairObjectPrep) && toks[g.b+1].id == toks[prep].id)
	for k := g.b + 2; repeatedOf && k < u.a; k++ {
		repeatedOf = s.tokMent[k] < 0 && toks[k].flags&(flagHard|flagDigit) == 0 &&
			(!t.onCue(hits, k) || k == g.b+2 && t.hasClass2(toks[g.b+1], cl2PairObjectPrep) && t.edForm(s, k))
	}
	// two modifiers after the conjunction: "<X> and too little <Y>",
	// "<X> and very poor <Y>"
	run := u.a-g.b == 3 && t.hasClass(toks[g.b], clsConj) && toks[g.b].flags&(flagHard|flagClause) != flagHard &&
		toks[g.b+1].flags&flagHard == 0 && toks[g.b+2].flags&flagHard == 0 &&
		!t.onCue(hits, g.b+1) && !t.onCue(hits, g.b+2) &&
		(t.adjectiveWord(s, g.b+1) || t.hasClass(toks[g.b+1], clsLess|clsComparative)) &&
		(t.adjectiveWord(s, g.b+2) || t.hasClass(toks[g.b+2], clsLess|clsComparative))
	// a comparative and a sample word after the conjunction, in a list
	// that opens its clause: "increased <X> and higher serum <Y>
	// correlated with Z"
	run = run || u.a-g.b == 3 && t.hasClass(toks[g.b], clsConj) && toks[g.b].flags&flagHard == 0 &&
		toks[g.b+1].flags&flagHard == 0 && toks[g.b+2].flags&flagHard == 0 &&
		(t.onCueBits(hits, g.b+1, cueCompar) || t.hasClass(toks[g.b+1], clsLess|clsComparative)) && t.sampleWord(s, g.b+2) &&
		t.listOpensClause(s, hits, g.a)
	// "<X>, lack of <Y> and <Z>": an item of a list that goes on
	commaLack := u.a-g.b == 2 && toks[g.b].flags&flagClause != 0 && t.hasClass(toks[g.b], clsLess) &&
		t.hasClass2(toks[g.b+1], cl2PairOf) && int(u.b) < len(toks) && t.hasClass(toks[u.b], clsConj)
	for k := g.b; k < u.a && !repeatedOf && !run && !commaLack; k++ {
		// a modifier right before the concept, after the conjunction
		// (and an article): "<X> and total <Y>", "<X> or the clinical <Y>";
		// a comparative too in a list that opens the sentence ("Stress
		// reduction and better <Y> could help Z")
		modifier := k == u.a-1 && k > g.b && (t.hasClass(toks[k-1], clsConj) || k-2 >= g.b && t.hasClass(toks[k-1], clsArticle) && t.hasClass(toks[k-2], clsConj) ||
			k >= 3 && t.asWellAs(s, k-3)) &&
			toks[k].flags&(flagHard|flagDigit) == 0 &&
			(!t.onCue(hits, k) || t.nounCueBefore(s, int(k)-1, 0) || t.edForm(s, k) && (t.hadBefore(s, k-1, 0) || t.associatedBefore(s, k-1, 0) || t.listAdjectiveAt(s, hits, k)) ||
				u.less && t.hasClass(toks[k], clsLess|clsComparative) && t.comparativeBefore(s, hits, g.a) ||
				t.onCueBits(hits, k, cueCompar) && t.listOpensClause(s, hits, g.a) && t.hasClass(toks[k-1], clsConj))
		// the item's own head noun before the conjunction: "<Y> severity and <Z>"
		// (there a noun by its form: a plural or a noun ending, or a
		// noun of measure, "<Y> load and <Z>"; not "<X>'s neurological
		// and <Y> benefits")
		head := k == g.b && k+1 < u.a && (t.hasClass(toks[k+1], clsConj) || t.asWellAs(s, k+1)) && t.headNoun(s, hits, k) &&
			(t.nounForm(s, k) || t.hasClass3(toks[k], cl3MeasureNoun) || t.hasClass4(toks[k], cl4ItemHead) || correlative || between) // ("neither <X> intake nor <Y>": a correlative opens the list; "a high-fibre diet and <Z>")
		// a noun of lack and "of" before the item: "<X> and (a) lack of <Y>"
		lack := k == u.a-2 && k > g.b && t.hasClass(toks[k], clsLess|clsAdjective) && t.hasClass2(toks[k+1], cl2PairOf) && t.hasClass(toks[k-1], clsConj|clsArticle) ||
			k == u.a-1 && k-1 > g.b && t.hasClass2(toks[k], cl2PairOf) && t.hasClass(toks[k-1], clsLess|clsAdjective)
		// ("and plenty of <Y>": a quantity of the item, as "and a lack of <Y>")
		// a compound adjective right before the item, after the
		// conjunction: "<X> use nor self-reported <Y> intake"
		compound := (k == u.a-2 || k == u.a-1) && u.a-3 >= g.b && joinedByHyphen(s, u.a-1) &&
			toks[u.a-2].flags&(flagHard|flagDigit) == 0 && s.tokMent[u.a-2] < 0 && s.tokMent[u.a-1] < 0 &&
			(t.hasClass(toks[u.a-3], clsConj) || t.hasClass2(toks[u.a-3], cl2PairCoordinator)) && !clauseBetween(toks, int(g.b), int(u.a))
		if !t.hasClass2(toks[k], cl2PairCoordinator) && !t.hasClass(toks[k], clsConj|clsArticle) &&
			!(k == u.a-1 && t.adjectiveWord(s, k) && (!t.onCue(hits, k) || k > g.b && t.hasClass(toks[k-1], clsArticle|clsConj))) && !modifier && !head && !lack &&
			!compound {
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
		if h.bits&(relationBits&^cueNegRel) == 0 || h.end > g.a || g.a-h.end > 3 || joinedByHyphen(s, h.tok) && h.end == g.a {
			continue // ("<X>-producing <Y> and Z": a modifier of the item's own)
		}
		opens := h.tok == 0 || s.tokSent[h.tok-1] != s.tokSent[h.tok] || t.clauseOpener(s, hits, h.tok)
		gerund := t.ingForm(s, h.tok) && (opens || toks[h.tok].flags&flagClause != 0 || t.hasClass2(toks[h.tok-1], cl2Relative|cl2PairBy))
		if !gerund && !(opens && (h.bits&relationBits == cueCompar || h.end-h.tok == 1 && t.edForm(s, h.tok))) {
			// (not "Higher intake of X and Y was associated with Z",
			// "Impaired X and Y may contribute to Z": a comparative or a
			// participle that opens the sentence qualifies its subject;
			// nor "(that) cutting down on X and Y helps Z": the list is
			// the object of a gerund that opens its clause)
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
			!(h.tok > u.b && (t.hasClass(toks[h.tok-1], clsConj) || t.onCueBits(hits, h.tok-1, cueContrast))) &&
			!t.hasClass2(toks[h.tok], cl2Than) { // ("... <Y> and <Z> than in healthy people": the comparison's other end)
			// ("X reduced Y and Z and raised W", "... Z but did not
			// affect W": a verb after a conjunction is coordinated with
			// the one before, not Z's)
			after = true
		}
	}
	if before && after && g.last-g.first == 1 && t.betweenBefore(s, g.a) {
		// "The association between X and Y was attenuated": the list
		// after "between" is one argument; the verb after it speaks of
		// the association (pairFlags)
		return true
	}
	comma := false
	for k := g.b; k <= u.a; k++ {
		comma = comma || toks[k].flags&flagClause != 0
	}
	// "..., and <Z> have been proposed to act ...": an auxiliary right
	// after Z opens its clause
	verbAfter := int(u.b) < len(toks) && toks[u.b].flags&flagHard == 0 && t.onCueBits(hits, u.b, cueVerb|cueHedge|cueCould)
	if comma && (after || verbAfter || t.outcomeVerbAhead(s, hits, u.b)) && g.last-g.first == 1 && t.concepts[last.concept].kind != t.concepts[u.concept].kind {
		return false // (", and <Z> expression in the skin fell": Z opens an outcome clause)
	}
	return !(before && after)
}

// listOpensClause reports whether a list whose first item starts at token
// a, maybe after a word that qualifies it ("higher", "reduced"), opens its
// sentence or the sentence's own clause after a lead-in (clauseOpener).
func (t *Tagger) listOpensClause(s *scratch, hits []cueHit, a int32) bool {
	toks := s.toks
	opens := func(k int32) bool { return k == 0 || s.tokSent[k-1] != s.tokSent[k] || t.clauseOpener(s, hits, k) }
	if opens(a) {
		return true
	}
	k := a - 1
	return s.tokSent[k] == s.tokSent[a] && s.tokMent[k] < 0 && toks[a].flags&flagHard == 0 &&
		(t.hasClass(toks[k], clsLess|clsComparative) || t.onCueBits(hits, k, cueCompar) || t.edForm(s, k) || t.adjectiveWord(s, k)) && opens(k)
}

// clauseOpener reports whether token k opens a clause that is the
// sentence's own after a lead-in: after the comma of an opening phrase that
// relates nothing ("In this study of 212 adults, higher X and Y were ...")
// or after "that" after a verb of finding or saying ("These findings
// suggest that increased X and Y are features of Z").
func (t *Tagger) clauseOpener(s *scratch, hits []cueHit, k int32) bool {
	toks := s.toks
	if k < 1 || s.tokSent[k-1] != s.tokSent[k] {
		return false
	}
	if toks[k].flags&flagClause != 0 && strings.TrimSpace(s.text[toks[k-1].end:toks[k].start]) == "," {
		for j := k - 1; j >= 0 && s.tokSent[j] == s.tokSent[k]; j-- {
			// (a comma inside a number, "1,024", opens nothing)
			if t.onCueBits(hits, j, relationBits|cueVerb) || toks[j].flags&flagClause != 0 && j < k-1 && toks[j].flags&flagDigit == 0 {
				return false
			}
		}
		return true
	}
	return k >= 2 && s.tokSent[k-2] == s.tokSent[k] && t.hasClass2(toks[k-1], cl2Relative) && s.tokMent[k-2] < 0 && toks[k-1].flags&flagHard == 0 &&
		(t.onCueBits(hits, k-2, cueHedge|cueVerb) || t.edForm(s, k-2))
}

// gappedSize reports whether group g and unit u each end with a size of
// change after "by", joined by a conjunction: "reduced <Y> by a mean of
// 5.9 points and <Z> by 2.1 points" (the verb is gapped before Z).
func (t *Tagger) gappedSize(s *scratch, hits []cueHit, g *pairGroup, u pairUnit) bool {
	toks := s.toks
	if t.concepts[u.concept].kind == kindIntervention && t.concepts[s.pairs.units[g.last-1].concept].kind != kindIntervention {
		return false // "X reduced <Y> by 30% and <Z> by 45%": an intervention Z is a gapped subject, no object
	}
	if int(u.b) >= len(toks) || !t.hasClass2(toks[g.b], cl2PairBy) || !t.hasClass2(toks[u.b], cl2PairBy) ||
		toks[u.b].flags&flagHard != 0 || s.tokSent[u.b] != s.tokSent[g.b] {
		return false
	}
	digit := false
	for k := g.b + 1; k < u.a; k++ {
		tk := toks[k]
		switch {
		case tk.flags&flagHard != 0 && !(tk.flags&flagDigit != 0 && toks[k-1].flags&flagDigit != 0) &&
			strings.TrimSpace(s.text[toks[k-1].end:tk.start]) != "%" || s.tokMent[k] >= 0 || t.onCue(hits, k):
			return false // (a decimal number is split at its point; "by 30% and")
		case t.hasClass(tk, clsConj):
			return digit && (k+1 == u.a || k+2 == u.a && t.hasClass(toks[k+1], clsArticle))
		case tk.flags&flagDigit != 0:
			digit = true
		}
		if k > g.b+8 {
			return false
		}
	}
	return false
}

// repeatedLead reports whether tokens [k, a) may lead the next item of
// group g after a conjunction: nothing, an article, or the preposition
// that leads g repeated, after an adverb of its own ("with <X> (r =
// 0.38) and inversely with <Y>", "a risk of <X> (HR 1.3) and of <Y>").
// Items of two kinds need the preposition repeated.
func (t *Tagger) repeatedLead(s *scratch, g *pairGroup, k, a int32, sameKind bool) bool {
	toks := s.toks
	if k < a && toks[k].flags&flagHard == 0 && t.ending(s, k, t.adverbEnd) && s.tokMent[k] < 0 {
		k++
	}
	if prep := g.a - 1; k < a && prep > 0 {
		if t.hasClass(toks[prep], clsArticle) {
			prep--
		}
		if toks[k].flags&flagHard == 0 && (toks[k].id >= 0 && toks[k].id == toks[prep].id &&
			t.hasClass2(toks[k], cl2PairObjectPrep|cl2FindingPrep|cl2RelPrep|cl2PairCausePrep) ||
			t.hasClass2(toks[k], cl2PairOf) && t.hasClass2(toks[prep], cl2PairOf)) {
			k++
			sameKind = true
		}
	}
	if k < a && t.hasClass(toks[k], clsArticle) {
		k++
	}
	return k == a && sameKind
}

// outcomeVerbAhead reports whether an outcome verb follows token k within
// five plain words of the same clause, no concept or other cue between:
// "<Z> expression in lesional skin fell".
func (t *Tagger) outcomeVerbAhead(s *scratch, hits []cueHit, k int32) bool {
	toks := s.toks
	for j := k; int(j) < len(toks) && j < k+6; j++ {
		if s.tokSent[j] != s.tokSent[k-1] || toks[j].flags&(flagHard|flagClause) != 0 || s.tokMent[j] >= 0 {
			return false
		}
		if t.onCue(hits, j) {
			return t.hasClass2(toks[j], cl2OutcomeVerb) && t.onCueBits(hits, j, cueInc|cueDec)
		}
	}
	return false
}

// betweenBefore reports whether "between" stands right before token a or
// before at most two words that modify what follows ("between infant <X>").
func (t *Tagger) betweenBefore(s *scratch, a int32) bool {
	for k := a - 1; k >= 0 && k >= a-3 && s.tokSent[k] == s.tokSent[a]; k-- {
		tk := s.toks[k]
		if t.hasClass2(tk, cl2PairBetween) {
			return true
		}
		if tk.flags&(flagHard|flagClause) != 0 || s.tokMent[k] >= 0 || t.hasClass(tk, clsConj) {
			return false
		}
	}
	return false
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

// pluralAt reports whether token k is a plural by its form ("models").
func (t *Tagger) pluralAt(s *scratch, k int32) bool {
	return t.morph.plural([]byte(strings.ToLower(s.text[s.toks[k].start:s.toks[k].end])))
}

// subjectList reports whether group g and unit u after its comma open a
// list of causes of more than one kind that is the subject of the verb
// after it ("Stress, poor sleep and a high-sugar diet can all worsen
// <Y>"): the list opens its sentence, closes with a conjunction and a
// last item, and a relation follows within a few words. A condition in
// it makes no such list ("zinc, acne and ...").
func (t *Tagger) subjectList(s *scratch, hits []cueHit, g *pairGroup, u pairUnit) bool {
	toks := s.toks
	units := s.pairs.units
	from := g.a
	for from > 0 && s.tokSent[from-1] == s.tokSent[g.a] {
		from--
	}
	if g.a-from > 2 || t.cueStartsAfter(hits, from, g.a-from) {
		return false
	}
	for i := g.first; i < g.last; i++ {
		if t.concepts[units[i].concept].kind == kindCondition {
			return false
		}
	}
	if t.concepts[u.concept].kind == kindCondition {
		return false
	}
	i, _ := slices.BinarySearchFunc(units, u.a, func(v pairUnit, k int32) int { return int(v.a - k) })
	if i >= len(units) || units[i].a != u.a {
		return false
	}
	if e := t.plainLastItem(s, hits, u.b); e > u.b {
		return t.cueStartsAfter(hits, e, 4) // "Stress, poor sleep and alcohol are triggers of Y": a last item outside the taxonomy
	}
	if i+1 >= len(units) {
		return false
	}
	v := units[i+1]
	if t.concepts[v.concept].kind == kindCondition || v.a-u.b < 1 || v.a-u.b > 3 || !t.hasClass(toks[u.b], clsConj) ||
		strings.Trim(s.text[toks[u.b-1].end:toks[u.b].start], " ,") != "" {
		return false
	}
	for k := u.b + 1; k < v.a; k++ {
		if toks[k].flags&flagHard != 0 || !t.hasClass(toks[k], clsArticle|clsDeterminer|clsLess|clsComparative) && !t.adjectiveWord(s, k) {
			return false
		}
	}
	return t.cueStartsAfter(hits, v.b, 4)
}

// plainLastItem returns the token after a last list item outside the
// taxonomy that starts at token k: a conjunction and one or two plain
// words, no concept or cue ("and alcohol are ..."), else k.
func (t *Tagger) plainLastItem(s *scratch, hits []cueHit, k int32) int32 {
	toks := s.toks
	if int(k)+1 >= len(toks) || !t.hasClass(toks[k], clsConj) || toks[k].flags&flagHard != 0 {
		return k
	}
	e := k + 1
	for e < k+3 && int(e) < len(toks) && s.tokMent[e] < 0 && !t.onCue(hits, e) && toks[e].flags&(flagHard|flagClause|flagLetter) == flagLetter &&
		!t.hasClass(toks[e], clsConj|clsCopula) && !t.hasClass2(toks[e], cl2Modal) {
		e++
	}
	if e == k+1 {
		return k
	}
	return e
}

// openingSubjects reports whether group g and unit u, the last item of a
// list, are the subjects that open the sentence: g starts within two
// words of it, neither names a condition, and a relation cue starts within
// four words after u ("Stress, alcohol and sugar (all) raise <Y>").
func (t *Tagger) openingSubjects(s *scratch, hits []cueHit, g *pairGroup, u pairUnit) bool {
	from := g.a
	for from > 0 && s.tokSent[from-1] == s.tokSent[g.a] {
		from--
	}
	if g.a-from > 2 || t.cueStartsAfter(hits, from, g.a-from) || t.concepts[u.concept].kind == kindCondition {
		return false
	}
	for i := g.first; i < g.last; i++ {
		if t.concepts[s.pairs.units[i].concept].kind == kindCondition {
			return false
		}
	}
	return t.cueStartsAfter(hits, u.b, 4)
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
	for j := k; int(j) < len(toks) && j < k+4; j++ {
		if m := s.tokMent[j]; m >= 0 {
			// (items of two kinds in what an association relates: "linked
			// to X, increased Y and low W")
			return t.concepts[s.ments[m].concept].kind == t.concepts[u.concept].kind || t.associatedBefore(s, u.b, 0)
		}
		if !t.hasClass(toks[j], clsConj|clsArticle|clsAdjective|clsLess|clsComparative) && !t.adjectiveWord(s, j) &&
			!(t.edForm(s, j) && t.hasClass(toks[j-1], clsConj)) && !(j > k+1 && t.sampleWord(s, j) && int(j)+1 < len(toks) && s.tokMent[j+1] >= 0) && j > k {
			return false // ("<Y> and elevated <Z>": a participle of the last item; "and low serum <Z>")
		}
	}
	return false
}

// statisticsGoOn reports whether unit u ends with statistics of its own
// and a comma or a conjunction after them: "<Y> (SMD -0.88), <Z> (SMD
// -0.47) and <W>" goes on past Z's statistics.
func (t *Tagger) statisticsGoOn(s *scratch, u pairUnit) bool {
	e := t.statisticsEnd(s, u.b, int32(len(s.toks)))
	return e > u.b && int(e) < len(s.toks) && (t.hasClass(s.toks[e], clsConj) || s.toks[e].flags&flagClause != 0)
}

// verbAfter reports whether a relation cue starts within n tokens after
// token k that opens a clause of its own: not one that opens with "than"
// ("<Y>, <Z> and <W> than controls" is the other end of a comparison).
func (t *Tagger) verbAfter(s *scratch, hits []cueHit, k, n int32) bool {
	for _, h := range hits {
		if h.bits&relationBits != 0 && h.tok >= k && h.tok-k < n {
			return !t.hasClass2(s.toks[h.tok], cl2Than)
		}
	}
	return false
}

// objectSeries reports whether unit u, after a comma, goes on a series of
// outcomes of any kind that group g opens right after a verb of change or
// a comparative and that a conjunction closes ("lowered <Y>, <Z> and
// <W>", "had higher <Y>, <Z> and <W> than controls"): a verb's objects in
// a series.
func (t *Tagger) objectSeries(s *scratch, hits []cueHit, g *pairGroup, u pairUnit) bool {
	toks := s.toks
	k := g.a - 1
	for n := 0; n < 2 && k > 0 && t.hasClass(toks[k], clsArticle|clsDeterminer) && toks[k+1].flags&flagHard == 0; n++ {
		k--
	}
	const change = cueInc | cueDec | cueHelp | cueHarm | cueCompar
	// (or an association and its preposition: "X correlated with <Y>, <Z>
	// and <W>")
	prep := k > 0 && t.hasClass2(toks[k], cl2PairObjectPrep|cl2RelPrep) && toks[k].flags&flagHard == 0
	if k < 0 || toks[k+1].flags&flagHard != 0 || t.onCueBits(hits, k, cueNeg|cueNegRel) ||
		!slices.ContainsFunc(hits, func(h cueHit) bool {
			return h.end == k+1 && h.bits&change != 0 || prep && h.bits&cueAssoc != 0 && h.bits&cueTopic == 0 && (h.end == k || h.end == k+1)
		}) {
		return false
	}
	e := u.b
	if int(e) >= len(toks) || s.tokSent[e] != s.tokSent[u.a] || !t.hasClass(toks[e], clsConj) {
		return false // (the series is closed by "and" right after this item)
	}
	for j := e + 1; int(j) < len(toks) && j <= e+2; j++ {
		if m := s.tokMent[j]; m >= 0 {
			// the closing item has no verb of its own ("Probiotics
			// helped Y, <Z> and <W> did nothing" is a clause of its own)
			end := s.ments[m].tokEnd
			return toks[j].flags&flagHard == 0 && !t.verbAfter(s, hits, end, 3)
		}
		if !t.hasClass(toks[j], clsArticle|clsAdjective) {
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
// it: maybe a noun of the first item's phrase, a conjunction (or "as well
// as"), an article,
// one or two plain words and "of", maybe one more plain word ("<Y>
// (composition) and the levels of faecal <Z>"). Without the article the
// two nouns share the "of" ("the diversity and composition of <Z>").
func (t *Tagger) measureOfItem(s *scratch, hits []cueHit, a, b int32) bool {
	toks := s.toks
	if b-a >= 4 && s.tokMent[a] < 0 && !t.onCue(hits, a) && toks[a].flags&(flagHard|flagDigit) == 0 && toks[a].flags&flagLetter != 0 &&
		t.hasClass(toks[a+1], clsConj) {
		a++ // "<Y> composition and the levels of <Z>"
	}
	conj := t.hasClass(toks[a], clsConj)
	if !conj && b-a >= 6 && t.asWellAs(s, a) {
		a, conj = a+2, true // "<Y> as well as the abundance of <Z>"
	}
	if b-a < 4 || b-a > 6 || !conj || toks[a].flags&flagHard != 0 && toks[a].flags&flagClause == 0 ||
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
	if a := s.ments[s.tokMent[k-2]].tokStart; t.ofListStart(s, a, from) && !slices.ContainsFunc(hits[:i], func(g cueHit) bool {
		return int(g.tok) >= from && g.tok < a && g.bits&relationBits != 0 && s.tokMent[g.tok] < 0
	}) {
		return true // "reports of altered <X> and reduced <Y> in patients with Z": a list after "of", no verb before it
	}
	for _, g := range hits[:i] {
		if int(g.tok) >= from && g.bits&(relationBits|cueVerb) != 0 && s.tokMent[g.tok] < 0 {
			return false // (a cue inside a mention, "altered gut microbiota", is none)
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

// ofListStart reports whether the list item that starts at token a (maybe
// after an adjective or a participle) follows "of" after a plain noun
// ("reports of altered <X>", "signs of <X>"): the list is that noun's.
func (t *Tagger) ofListStart(s *scratch, a int32, from int) bool {
	toks := s.toks
	k := a - 1
	if k > int32(from) && s.tokMent[k] < 0 && toks[k+1].flags&flagHard == 0 && (t.edForm(s, k) || t.adjectiveWord(s, k)) {
		k--
	}
	if k <= int32(from) || toks[k+1].flags&flagHard != 0 || !t.hasClass2(toks[k], cl2PairOf) {
		return false
	}
	n := k - 1
	return s.tokMent[n] < 0 && toks[k].flags&flagHard == 0 && toks[n].flags&(flagLetter|flagDigit) == flagLetter && t.nounForm(s, n) &&
		!t.onCueBits(s.cueHits, n, relationBits) && !t.hasClass(toks[n], clsLess|clsComparative|clsArticle)
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

// inUnit reports whether token k lies inside a unit (a noun its phrase took).
func (t *Tagger) inUnit(s *scratch, k int32) bool {
	for _, u := range s.pairs.units {
		if k >= u.a && k < u.b {
			return true
		}
	}
	for _, d := range s.pairs.defined {
		if k >= d[0] && k < d[1] {
			return true // (an appositive that defines the unit before it is the unit's)
		}
	}
	return false
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

// groupHasCommunity reports whether group g names the community (or the
// secondary site's), its imbalance or its diversity.
func (t *Tagger) groupHasCommunity(s *scratch, g int) bool {
	p := &s.pairs
	for u := p.groups[g].first; u < p.groups[g].last; u++ {
		if c := p.units[u].concept; c == t.community || c == t.communityAlt || c == t.imbalance || c == t.diversity {
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

// predBetween reports whether a predicate that is no hyphenated modifier
// starts in tokens [a, b).
func (p *pairScratch) predBetween(a, b int32) bool {
	for _, pr := range p.preds {
		if pr.tok >= a && pr.tok < b && !pr.hyphen {
			return true
		}
	}
	return false
}

// covariate reports whether the mention that starts at token a is a
// covariate of the sentence's relation ("irrespective of their antibiotic
// use", "after adjustment for age and X"): a covariate word and "of" or
// "for" before it, with only a list of names between. Such a concept is
// no argument of any pair. "Independent of" after a copula is a denial
// of its own, not a covariate.
func (t *Tagger) covariate(s *scratch, hits []cueHit, a int32, from int) bool {
	toks := s.toks
	if t.accountedFor(s, a, from) {
		return true
	}
	for k := a - 1; k > int32(from) && k >= a-8; k-- {
		tk := toks[k]
		if tk.flags&flagHard != 0 || t.onCueBits(hits, k, relationBits) {
			return false
		}
		if t.hasClass2(tk, cl2PairOf|cl2Purpose) && t.hasClass(toks[k-1], clsCovariate) && toks[k].flags&flagClause == 0 {
			return k-1 == int32(from) || !t.hasClass(toks[k-2], clsCopula)
		}
		if toks[k+1].flags&flagHard != 0 {
			return false
		}
	}
	return false
}

// accountedFor reports whether the mention that starts at token a opens a
// clause of time that takes it into account ("..., once insulin resistance
// was taken into account", "when X was accounted for"): a time-clause
// opener (and an article) right before it, a passive auxiliary right after
// it, and a covariate word or noun within three words.
func (t *Tagger) accountedFor(s *scratch, a int32, from int) bool {
	toks := s.toks
	k := a - 1
	if k > int32(from) && t.hasClass(toks[k], clsArticle) {
		k--
	}
	m := s.tokMent[a]
	if k <= int32(from) || m < 0 || !t.hasClass(toks[k], clsTimeClause) || toks[a].flags&flagHard != 0 {
		return false
	}
	e := s.ments[m].tokEnd
	if int(e) >= len(toks) || s.tokSent[e] != s.tokSent[a] || toks[e].flags&flagHard != 0 || !t.hasClass2(toks[e], cl2PassiveAux) {
		return false
	}
	for j := e + 1; int(j) < len(toks) && j <= e+3 && s.tokSent[j] == s.tokSent[a] && toks[j].flags&flagHard == 0; j++ {
		if t.hasClass(toks[j], clsCovariate) || t.hasClass3(toks[j], cl3CovariateNoun) {
			return true
		}
	}
	return false
}

// armNamed reports whether a word of a trial's arms ("group", "arm",
// "placebo") stands in tokens [from, to).
func (t *Tagger) armNamed(s *scratch, from, to int) bool {
	for k := from; k < to; k++ {
		if t.hasClass2(s.toks[k], cl2Arm) || t.hasClass3(s.toks[k], cl3PlaceboWord) {
			return true
		}
	}
	return false
}

// trialBefore reports whether a word of a trial (trial-words) stands
// before token k, in the sentence's opening phrase after a preposition of
// finding ("In one ten-week trial, adults who ate X ...") or in k's own
// clause ("a trial in which people who ate X ..."): the people were
// assigned what they ate. A trial named elsewhere ("..., but trials are
// needed", "No trial has tested it, but people who eat X ...") sets no
// arm.
func (t *Tagger) trialBefore(s *scratch, k int32, from int) bool {
	toks := s.toks
	for j := int32(from); j < k; j++ {
		if !t.hasClass4(toks[j], cl4Trial) || t.onCue(s.cueHits, j) {
			continue
		}
		opening := false
		for i := j - 1; i >= int32(from) && i >= j-5; i-- {
			if t.hasClass2(toks[i], cl2FindingPrep) {
				opening = i == int32(from)
				break
			}
			if toks[i+1].flags&flagHard != 0 {
				break
			}
		}
		if opening {
			return true
		}
		sameClause := true
		for i := j + 1; i <= k; i++ {
			sameClause = sameClause && toks[i].flags&(flagHard|flagClause) == 0
		}
		if sameClause {
			return true
		}
	}
	return false
}

// trialOfBefore reports whether a word of a trial (trial-words) stands
// before "of" and at most three adjectives, articles or words of another
// mention right before token a ("trials of X", "a small trial of topical
// X"): X is what the trial gave, and what it found is X's effect.
func (t *Tagger) trialOfBefore(s *scratch, a int32, from int) bool {
	toks := s.toks
	k := a - 1
	for n := 0; n < 3 && k > int32(from) && toks[k+1].flags&flagHard == 0 && !t.hasClass2(toks[k], cl2PairOf) &&
		(s.tokMent[k] >= 0 || t.hasClass(toks[k], clsArticle|clsAdjective) || t.adjectiveWord(s, k)); n++ {
		k-- // ("trials of topical <X>": a mention before it in the phrase)
	}
	if k <= int32(from) || !t.hasClass2(toks[k], cl2PairOf) || toks[k].flags&flagHard != 0 || toks[k+1].flags&flagHard != 0 ||
		!t.hasClass4(toks[k-1], cl4Trial) {
		return false
	}
	return true
}

// countBefore returns where a count of courses or doses right before
// token a starts ("three or more", "two to four", "5 or more"): number
// words and digits joined by a conjunction, "more", "fewer" or "than", with
// a number among them; a when there is none.
func (t *Tagger) countBefore(s *scratch, a int32, from int) int32 {
	toks := s.toks
	start, number := a, false
	for k := a - 1; k >= int32(from) && a-k <= 4 && toks[k+1].flags&flagHard == 0 && s.tokMent[k] < 0; k-- {
		if t.hasClass4(toks[k], cl4Number) || toks[k].flags&(flagDigit|flagLetter) == flagDigit {
			number, start = true, k
			continue
		}
		if !t.hasClass(toks[k], clsConj|clsComparative|clsLess) && !t.hasClass2(toks[k], cl2Than) {
			break
		}
	}
	if !number {
		return a
	}
	return start
}

// doseBefore returns the first token of a dose right before the mention
// that starts at token a, "6 g of", "1,500 mg of decaffeinated", "a pot
// of", "two capsules of": a number or an article, at most two words of
// unit, and "of", with at most two adjectives or articles after it; else
// -1. A verb of exposure before the dose gives the mention.
func (t *Tagger) doseBefore(s *scratch, hits []cueHit, a int32, from int) int32 {
	toks := s.toks
	k := a - 1
	for n := 0; n < 2 && k > int32(from) && s.tokMent[k] < 0 && toks[k+1].flags&flagHard == 0 && !t.onCue(hits, k) &&
		!t.hasClass2(toks[k], cl2PairOf) && (t.hasClass(toks[k], clsArticle) || t.adjectiveWord(s, k)); n++ {
		k--
	}
	if k <= int32(from) || !t.hasClass2(toks[k], cl2PairOf) || toks[k+1].flags&flagHard != 0 || toks[k].flags&flagHard != 0 {
		return -1
	}
	j := k - 1
	for n := 0; n < 2 && j > int32(from) && s.tokMent[j] < 0 && toks[j].flags&flagLetter != 0 && toks[j].flags&(flagDigit|flagHard) == 0 &&
		!t.hasClass4(toks[j], cl4Number) && !t.hasClass(toks[j], clsArticle) && !t.onCue(hits, j); n++ {
		j--
	}
	if toks[j+1].flags&flagHard != 0 && j+1 != k {
		return -1
	}
	switch {
	case toks[j].flags&flagDigit != 0:
		for j > int32(from) && toks[j-1].flags&flagDigit != 0 && toks[j].flags&flagDigit != 0 && toks[j-1].end+1 == toks[j].start &&
			(s.text[toks[j-1].end] == ',' || s.text[toks[j-1].end] == '.') {
			j-- // "1,500", "2.5": one number, though the tokens break at the mark
		}
		return j
	case t.hasClass4(toks[j], cl4Number), t.hasClass(toks[j], clsArticle) && j+1 < k:
		return j
	}
	if c := t.countBefore(s, j+1, from); c <= j {
		return c // "four or more courses of X"
	}
	return -1
}

// otherKind reports whether a unit other than unit i names a concept of
// another kind than kind.
func (t *Tagger) otherKind(s *scratch, i int, kind int8) bool {
	for j, w := range s.pairs.units {
		if j != i && w.concept >= 0 && t.concepts[w.concept].kind != kind {
			return true
		}
	}
	return false
}

// plainItemBetween reports whether tokens [a, b) are a list item outside
// the taxonomy between two items: a comma, one or two plain words, and a
// conjunction ("<X> intake, fruit consumption and <Z> intake").
func (t *Tagger) plainItemBetween(s *scratch, hits []cueHit, a, b int32) bool {
	toks := s.toks
	n := b - a
	if n < 2 || n > 3 || toks[a].flags&flagClause == 0 || !t.hasClass(toks[b-1], clsConj) || toks[b-1].flags&flagClause != 0 {
		return false
	}
	for k := a; k < b-1; k++ {
		if s.tokMent[k] >= 0 || t.onCue(hits, k) || toks[k].flags&flagLetter == 0 ||
			k > a && toks[k].flags&(flagHard|flagClause) != 0 || t.hasClass(toks[k], clsConj|clsArticle) {
			return false
		}
	}
	return true
}

// inOpeningPhrase reports whether token a stands in a phrase of setting
// that opens its sentence with "in" or "among" ("In mouse models of <Y>
// and <Z>, oral X ..."), before any clause punctuation.
func (t *Tagger) inOpeningPhrase(s *scratch, a int32) bool {
	toks := s.toks
	for k := a - 1; k >= 0 && k >= a-6; k-- {
		if toks[k+1].flags&(flagHard|flagClause) != 0 || s.tokSent[k] != s.tokSent[a] || s.tokMent[k] >= 0 || t.onCue(s.cueHits, k) {
			return false
		}
		if k == 0 || s.tokSent[k-1] != s.tokSent[k] {
			return t.hasClass2(toks[k], cl2FindingPrep) && !t.hasClass2(toks[k], cl2PairCausePrep)
		}
	}
	return false
}

// coordinatedPeople reports whether unit u, a condition of people named
// after a conjunction ("and those with <Z>", "and people with <Z>", maybe
// after an aside of a few words), follows group g, the condition of people
// named before ("patients with <Y>"): the two groups of people share what
// the sentence says of them.
func (t *Tagger) coordinatedPeople(s *scratch, hits []cueHit, g *pairGroup, u pairUnit) bool {
	toks := s.toks
	last := s.pairs.units[g.last-1]
	if t.concepts[last.concept].kind != kindCondition || t.concepts[u.concept].kind != kindCondition ||
		u.a-g.b < 3 || u.a-g.b > 9 || !t.peopleWith(s, g.a) || !t.peopleWith(s, u.a) || !t.hasClass(toks[g.b], clsConj) {
		return false
	}
	for k := g.b; k < u.a; k++ {
		if s.tokMent[k] >= 0 || t.onCue(hits, k) {
			return false
		}
	}
	return true
}

// gerundItems reports whether unit u is the object of a gerund after a
// conjunction that ends group g, the object of a gerund that opens the
// sentence: "Cutting back on <X> and eating more <Z> may lower Y" lists
// two subjects. Between the conjunction and u only the gerund, and a
// particle, a preposition or a word of more or less.
func (t *Tagger) gerundItems(s *scratch, hits []cueHit, g *pairGroup, u pairUnit) bool {
	toks := s.toks
	c := g.b
	if int(c)+1 < len(toks) && s.tokMent[c] < 0 && toks[c].flags&flagHard == 0 && !t.hasClass(toks[c], clsConj) && !t.onCue(hits, c) &&
		(t.headNoun(s, hits, c) || t.hasClass(toks[c], clsLess) && !t.adjectiveWord(s, c)) && (t.hasClass(toks[c+1], clsConj) || toks[c+1].flags&flagClause != 0) {
		c++ // the item's own head noun ("correcting <X> deficiency, restoring ...")
	}
	gerund := c + 1 // after a conjunction, or right after a comma ("X-ing A, Y-ing B and Z-ing C")
	if int(c) < len(toks) && !t.hasClass(toks[c], clsConj) && toks[c].flags&flagClause != 0 && strings.Contains(s.text[toks[c-1].end:toks[c].start], ",") {
		gerund = c
	} else if !t.hasClass(toks[c], clsConj) || toks[c].flags&flagHard != 0 {
		return false
	}
	if u.a-gerund < 1 || u.a-gerund > 3 || !t.ingForm(s, gerund) || s.tokMent[gerund] >= 0 {
		return false
	}
	for k := gerund + 1; k < u.a; k++ {
		if s.tokMent[k] >= 0 || toks[k].flags&flagHard != 0 ||
			!(t.hasClass(toks[k], clsLess|clsComparative|clsAvoidParticle|clsArticle) || t.hasClass2(toks[k], cl2PairObjectPrep) ||
				k == u.a-1 && t.adjectiveWord(s, k)) {
			return false
		}
	}
	// the first item: a gerund that opens the sentence or a clause ("...
	// suggests that cutting back on <X> and ..."), at most four words
	// before g
	for k := g.a - 1; k >= 0 && k >= g.a-4 && s.tokSent[k] == s.tokSent[g.a]; k-- {
		if s.tokMent[k] >= 0 || k < g.a-1 && toks[k+1].flags&flagHard != 0 {
			return false
		}
		if t.ingForm(s, k) {
			opens := k == 0 || s.tokSent[k-1] != s.tokSent[k] || toks[k].flags&flagClause != 0 || t.hasClass2(toks[k-1], cl2Relative)
			return opens && t.cueStartsAfter(hits, u.b, 4)
		}
	}
	return false
}

// asWellAs reports whether "as well as" starts at token k: a comparative
// word that is also a coordinator ("as"), another coordinator ("well")
// and the first word again.
func (t *Tagger) asWellAs(s *scratch, k int32) bool {
	toks := s.toks
	return int(k)+2 < len(toks) && toks[k].id >= 0 && toks[k].id == toks[k+2].id && toks[k].id != toks[k+1].id &&
		t.hasClass(toks[k], clsComparative) && t.hasClass2(toks[k], cl2PairCoordinator) && t.hasClass2(toks[k+1], cl2PairCoordinator) &&
		toks[k+1].flags&flagHard == 0 && toks[k+2].flags&flagHard == 0
}

// mixedListItem reports whether unit u is the next item of a list of
// three or more after group g, whatever their kinds: after g (and its
// head noun) a comma and at most two plain words (adjectives: "poor",
// "perceived"), and after u (and its head noun) a comma or a conjunction
// and, within three words, another concept ("stress, poor sleep or
// sugary snacks", "sleep duration, perceived stress and fibre intake").
func (t *Tagger) mixedListItem(s *scratch, hits []cueHit, g *pairGroup, u pairUnit) bool {
	toks := s.toks
	k := g.b
	if k < u.a && t.headNoun(s, hits, k) && toks[k].flags&flagClause == 0 {
		k++
	}
	if k >= u.a || k == 0 || strings.TrimSpace(s.text[toks[k-1].end:toks[k].start]) != "," || u.a-k > 2 {
		return false
	}
	for j := k; j < u.a; j++ {
		if s.tokMent[j] >= 0 || t.onCue(hits, j) || toks[j].flags&flagDigit != 0 || j > k && toks[j].flags&flagHard != 0 || toks[j].flags&flagLetter == 0 ||
			!(t.adjectiveWord(s, j) || t.edForm(s, j) || t.hasClass(toks[j], clsLess|clsComparative)) || t.hasClass(toks[j], clsArticle) {
			return false // (adjectives only: "poor", "perceived", "high"; not "which make")
		}
	}
	e := u.b
	if int(e)+1 < len(toks) && t.headNoun(s, hits, e) && toks[e].flags&flagClause == 0 {
		e++
	}
	if int(e) >= len(toks) || !(toks[e].flags&flagClause != 0 || t.hasClass(toks[e], clsConj)) {
		return false
	}
	for j := e; int(j) < len(toks) && j < e+4 && s.tokSent[j] == s.tokSent[e]; j++ {
		if s.tokMent[j] >= 0 {
			return true
		}
		if j > e && (t.onCue(hits, j) || toks[j].flags&flagHard != 0) {
			return false
		}
	}
	return false
}

// parallelSetting reports whether the items of group g and unit u each
// end in a setting of their own, "<Y> in three trials and <Z> in two":
// a finding preposition and plain words before the conjunction, and
// another finding preposition after u.
func (t *Tagger) parallelSetting(s *scratch, hits []cueHit, g *pairGroup, u pairUnit) bool {
	toks := s.toks
	if u.a-g.b < 3 || int(u.b) >= len(toks) || !t.hasClass2(toks[g.b], cl2FindingPrep) ||
		!t.hasClass2(toks[u.b], cl2FindingPrep) || toks[u.b].flags&flagHard != 0 || s.tokSent[u.b] != s.tokSent[g.b] {
		return false
	}
	c := g.b + 1 // the conjunction after the setting
	for c < u.a && !t.hasClass(toks[c], clsConj) {
		c++
	}
	if c >= u.a || c-g.b > 5 {
		return false
	}
	for k := g.b; k < c; k++ {
		if s.tokMent[k] >= 0 || t.onCue(hits, k) || toks[k].flags&flagHard != 0 {
			return false
		}
	}
	// "with a lower risk of <Y> in children and with less severe <Z> in
	// adults": the item's preposition repeated, and up to two words that
	// qualify it (a comparative only as the item's own less-word after a
	// first item with one, "with less <Y> ... and with less <Z>"; "less
	// severe" is a predicate of its own, and "a lower risk of <Y> ... and
	// with less <Z>" says no risk of Z)
	k := c + 1
	if k < u.a && t.hasClass2(toks[k], cl2RelPrep|cl2PairObjectPrep) {
		k++
	}
	first := s.pairs.units[g.first]
	for n := 0; n < 2 && k < u.a; n++ {
		if s.tokMent[k] >= 0 || toks[k].flags&flagHard != 0 || t.onCue(hits, k) && !(k == u.a-1 && u.less && first.less) ||
			!t.hasClass(toks[k], clsArticle|clsAdjective|clsLess|clsComparative) && !t.adjectiveWord(s, k) {
			return false
		}
		k++
	}
	return k == u.a && toks[u.a].flags&flagHard == 0
}

// withoutInSubject reports whether the intervention of mention m follows
// "without" (maybe a word between) after a plain word, before any
// relation of its sentence: "(a few) days without (proper) X raised Y"
// names the lack of X as the subject.
func (t *Tagger) withoutInSubject(s *scratch, hits []cueHit, m *mention, from int) bool {
	toks := s.toks
	k := int(m.tokStart) - 1
	if k > from && s.tokMent[k] < 0 && toks[k+1].flags&flagHard == 0 && !t.hasClass(toks[k], clsWithout) && !t.onCue(hits, int32(k)) {
		k-- // ("without proper sleep")
	}
	if k <= from || !t.hasClass(toks[k], clsWithout) || toks[k].flags&flagHard != 0 || toks[k+1].flags&flagHard != 0 ||
		s.tokMent[k-1] >= 0 || toks[k-1].flags&(flagLetter|flagDigit) != flagLetter || t.edForm(s, int32(k-1)) || t.ingForm(s, int32(k-1)) ||
		t.onCue(hits, int32(k-1)) || t.hasClass2(toks[k-1], cl2Population|cl2Modal) || t.hasClass(toks[k-1], clsCopula|clsConj|clsArticle) {
		return false
	}
	for _, h := range hits {
		if int(h.tok) >= from && int(h.tok) < k && h.bits&relationBits != 0 {
			return false // ("X improved Y without Z": a setting of the verb before)
		}
	}
	return true
}

// classifyingAppositive reports whether mention m is a general condition
// (local inflammation or the general condition) inside an appositive on
// the condition that opens the sentence, closed by a comma and no
// conjunction: "<condition> (<short form>), a chronic inflammatory skin
// disease of the scalp, has been linked to X" says what kind of condition
// it is; the named condition takes the pairs. (Its tokens are recorded in
// p.defined, so the verb after it keeps the subject before it.)
func (t *Tagger) classifyingAppositive(s *scratch, m *mention, from int) bool {
	if m.concept != t.localInfl && m.concept != t.generalCond || m.concept < 0 {
		return false
	}
	toks := s.toks
	for k := int(m.tokStart); k > from && k >= int(m.tokStart)-6; k-- {
		if toks[k].flags&flagClause == 0 {
			if k < int(m.tokStart) && (s.tokMent[k] >= 0 || toks[k].flags&flagHard != 0) {
				return false
			}
			continue
		}
		if !strings.Contains(s.text[toks[k-1].end:toks[k].start], ",") || !t.hasClass(toks[k], clsArticle|clsDeterminer) {
			return false // (an appositive opens with an article: ", a chronic ...")
		}
		j := k - 1
		if n := s.tokMent[j]; n >= 0 && s.ments[n].flags&entShortForm != 0 && j > from && s.tokMent[j-1] >= 0 {
			j-- // "<condition> (<short form>), ..."
		}
		n := s.tokMent[j]
		if n < 0 || s.ments[n].dropped || s.ments[n].concept == m.concept || t.concepts[s.ments[n].concept].kind != kindCondition {
			return false
		}
		for q := int(s.ments[n].tokStart) - 1; q >= from; q-- {
			if toks[q+1].flags&flagClause != 0 {
				break // (after an opening phrase: "In adults taking X, rosacea, a ... condition, ...")
			}
			if o := s.tokMent[q]; o >= 0 && !s.ments[o].dropped && s.ments[o].concept != s.ments[n].concept {
				return false // (the named condition opens its clause: its subject, not an object with an aside)
			}
		}
		// the appositive closes with a comma before the verb
		e := t.appositiveClose(s, m, 6)
		return e >= 0 && !t.hasClass(toks[e], clsConj)
	}
	return false
}

// definingAppositive reports whether mention m lies in an appositive that
// opens after token b (the end of the unit before it, a mention of the
// same concept) with a comma and an article and closes with a comma,
// with only plain words before m: "<Y>, a blood marker of <y>, fell"
// defines Y; m is no unit of its own.
func (t *Tagger) definingAppositive(s *scratch, b int32, m *mention) bool {
	toks := s.toks
	if int(b) >= len(toks) || b >= m.tokStart || toks[b].flags&flagClause == 0 || !strings.Contains(s.text[toks[b-1].end:toks[b].start], ",") ||
		!t.hasClass(toks[b], clsArticle) || m.tokStart-b > 5 {
		return false
	}
	for k := b + 1; k < m.tokStart; k++ {
		if s.tokMent[k] >= 0 || toks[k].flags&flagHard != 0 {
			return false
		}
	}
	return t.appositiveClose(s, m, 4) >= 0
}

// appositiveClose returns the token that closes an appositive holding
// mention m: the first clause boundary within span words after m, in its
// sentence, with a comma before it and no other mention or hard break on
// the way; else -1.
func (t *Tagger) appositiveClose(s *scratch, m *mention, span int) int {
	toks := s.toks
	for e := int(m.tokEnd); e < len(toks) && e <= int(m.tokEnd)+span && s.tokSent[e] == s.tokSent[m.tokStart]; e++ {
		if toks[e].flags&flagClause != 0 {
			if strings.Contains(s.text[toks[e-1].end:toks[e].start], ",") {
				return e
			}
			return -1
		}
		if s.tokMent[e] >= 0 || toks[e].flags&flagHard != 0 {
			return -1
		}
	}
	return -1
}

// contentBefore returns the adjective of content that a unit starting at
// token a is the content of ("a diet rich in <X>", "low in added <X>", "a
// drink packed with <X>", "free of <X>"): a noun, the adjective, a
// preposition ("in", "with", "of", "by"), then at most two plain words
// before the unit; else -1.
func (t *Tagger) contentBefore(s *scratch, a int32, from int) int32 {
	toks := s.toks
	k := a - 1
	for n := 0; n < 2 && k > int32(from) && s.tokMent[k] < 0 && toks[k+1].flags&flagHard == 0 && !t.onCue(s.cueHits, k) &&
		!t.hasClass2(toks[k], cl2FindingPrep|cl2PairCausePrep|cl2PairBy|cl2PairOf) && toks[k].flags&flagLetter != 0; n++ {
		k-- // ("low in added <X>")
	}
	if k <= int32(from)+1 || toks[k+1].flags&flagHard != 0 || toks[k].flags&flagHard != 0 ||
		!t.hasClass2(toks[k], cl2FindingPrep|cl2PairCausePrep|cl2PairBy|cl2PairOf) || !t.hasClass3(toks[k-1], cl3Content) || s.tokMent[k-1] >= 0 {
		return -1
	}
	// the noun right before the adjective ("a diet low in"), not a
	// copula, an adverb or people ("children who were low in <X>", "are
	// high in <X>": a property said of a subject)
	n := k - 2
	if toks[k-1].flags&flagHard != 0 || t.hasClass(toks[n], clsCopula|clsArticle) || t.hasClass2(toks[n], cl2Modal|cl2Population|cl2PassiveAux) ||
		t.ending(s, n, t.adverbEnd) || t.hasClass3(toks[n], cl3PlainAdverb) || t.edForm(s, n) || t.ingForm(s, n) || toks[n].flags&flagLetter == 0 {
		return -1
	}
	return k - 1
}

// contentLeftOut reports whether a unit starting at token a is content
// that its noun leaves out ("a diet low in <X>", "free of <X>"), or an
// item of a list of such content ("low in <X> and <Z>"), not one with a
// content word of its own ("low in <X> and rich in <Z>").
func (t *Tagger) contentLeftOut(s *scratch, a int32, from int) bool {
	toks := s.toks
	for n := 0; n < 4; n++ {
		if c := t.contentBefore(s, a, from); c >= 0 {
			return t.hasClass(toks[c], clsLess|clsNegWord)
		}
		// an item after a conjunction: the item before it decides
		k := a - 1
		for k > int32(from) && s.tokMent[k] < 0 && toks[k+1].flags&flagHard == 0 && t.hasClass(toks[k], clsArticle|clsAdjective) {
			k--
		}
		if k <= int32(from) || !(t.hasClass(toks[k], clsConj) || toks[k+1].flags&flagClause != 0 && s.tokMent[k] >= 0) {
			return false
		}
		if t.hasClass(toks[k], clsConj) {
			k--
		}
		m := s.tokMent[k]
		if m < 0 || toks[k+1].flags&flagHard != 0 && toks[k+1].flags&flagClause == 0 {
			return false
		}
		a = s.ments[m].tokStart
	}
	return false
}

// bracketed reports whether mention m stands alone in brackets right after
// the text before it ("insulin-like growth factor 1 (IGF-1)"): another
// name of the unit before it, not an item of its own.
func (t *Tagger) bracketed(s *scratch, m *mention) bool {
	toks := s.toks
	a, b := m.tokStart, m.tokEnd
	if a == 0 || int(b) > len(toks) {
		return false
	}
	before := strings.TrimSpace(s.text[toks[a-1].end:toks[a].start])
	if before != "(" && before != "[" {
		return false
	}
	if int(b) == len(toks) {
		return strings.HasPrefix(strings.TrimSpace(s.text[toks[b-1].end:]), ")")
	}
	return strings.HasPrefix(strings.TrimSpace(s.text[toks[b-1].end:toks[b].start]), ")")
}

// asideClosed reports whether a comma alone opens token k and another
// closes the phrase within six words after token e, with no concept but
// the aside's own (concept) between: "<X>, together with <Y> from oats
// and beans, feeds Z" sets Y aside in commas, and X goes on to the verb.
func (t *Tagger) asideClosed(s *scratch, k, e int32, concept int32) bool {
	toks := s.toks
	if k == 0 || strings.TrimSpace(s.text[toks[k-1].end:toks[k].start]) != "," {
		return false
	}
	for j := e; int(j) < len(toks) && j <= e+6 && s.tokSent[j] == s.tokSent[k]; j++ {
		if m := s.tokMent[j]; m >= 0 && s.ments[m].concept != concept {
			return false
		}
		if toks[j].flags&flagHard != 0 {
			return strings.TrimSpace(s.text[toks[j-1].end:toks[j].start]) == ","
		}
	}
	return false
}

// clauseOpenerBetween reports whether a word that opens a clause (a
// contrast, a subordinator, or a conjunction after a comma) stands in
// tokens [a, b): "<taxon>, whereas alpha diversity ..." names two things
// ("more <taxon> and a more diverse <community>" stays one).
func (t *Tagger) clauseOpenerBetween(s *scratch, hits []cueHit, a, b int32) bool {
	return t.conjunctionBetween(s, a, b) || slices.ContainsFunc(hits, func(h cueHit) bool {
		return h.tok >= a && h.tok < b && h.bits&(cueContrast|cueClauseBreak) != 0
	})
}

// removalAgent reports whether the mention at token a names the
// antimicrobial of the taxonomy (role antimicrobial): before a noun of
// removal it is the means of the removal ("antibiotic eradication").
func (t *Tagger) removalAgent(s *scratch, a int32) bool {
	m := s.tokMent[a]
	return m >= 0 && t.antimicrobial >= 0 && s.ments[m].concept == t.antimicrobial
}

// prepositionBefore reports whether a preposition stands before the
// comparative (and its sample word) that opens the phrase at token a
// ("patients with higher (serum) <Y>"): the phrase names people, it lists
// no finding.
func (t *Tagger) prepositionBefore(s *scratch, a int32) bool {
	toks := s.toks
	for k := a - 1; k > 0 && k >= a-3; k-- {
		if t.hasClass2(toks[k], cl2PairObjectPrep|cl2FindingPrep|cl2PairOf) {
			return true
		}
		if t.comparativeAt(s, s.cueHits, k) != 0 {
			return t.hasClass2(toks[k-1], cl2PairObjectPrep|cl2FindingPrep|cl2PairOf)
		}
	}
	return false
}
