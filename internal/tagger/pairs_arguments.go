package tagger

import (
	"slices"
	"strings"
)

// This file finds each predicate's arguments (pairs.go): its subject and
// its object among the groups of the clause, through passives, outcome
// verbs ("Y improved after X"), "of" phrases, populations and settings that
// are no argument ("patients with <condition>", "adding X to <Y>", "FMT
// from <X>-fed donors"), verbs in a series that share a subject, and
// pronouns that stand for one.

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
			if pr.subj >= 0 && pr.obj >= 0 && pr.end-pr.tok == 1 && t.ingForm(s, pr.tok) {
				// "<X>-promoting <Y>", "<X>-lowering <Y>": an active
				// participle; the noun after it acts on X
				pr.subj, pr.obj = pr.obj, pr.subj
			}
			continue
		}
		sa, sb := segment(s, pr.tok)
		left := t.adjunctHead(s, t.participleHead(s, hits, t.leftGroup(s, pr.tok, sa), sa), sa)
		if g := t.complementAdjective(s, hits, left, pr.tok, sa); g >= 0 {
			left = g // "Zinc may be a useful anti-inflammatory adjuvant in Y": the adjective qualifies the copula's complement
		}
		rh := t.relativeHead(s, hits, pr.tok, from)
		if rh >= 0 {
			left, pr.afterRel = rh, true // "X, which feeds Y, may prevent Z": the verb after the relative clause is X's
		}
		if left >= 0 && rh < 0 && t.ownSubjectClause(s, hits, p.groups[left].b, pr.end, false) < pr.end {
			left = -1 // "..., and several studies link X to Y": a subject of its own, outside the taxonomy
		}
		if left >= 0 && i > 0 && p.preds[i-1].subj >= 0 && t.pronounSubjectAt(s, hits, p.groups[left].b, pr.tok) {
			// "X is the cornerstone of Y care, because it repairs Z": a
			// pronoun after a subordinator is the subject before
			left = p.preds[i-1].subj
		}
		if left >= 0 && i > 0 && p.preds[i-1].obj == left && p.preds[i-1].subj >= 0 && t.listedChangeNoun(s, &p.preds[i-1], pr) {
			// "X showed a fall in <W> and a marked loss of <Y>": changes
			// listed after one verb are X's
			left = p.preds[i-1].subj
		}
		if left > 0 && rh < 0 && t.purposeOfGiven(s, left, pr.tok) {
			// "Mice given X to wipe out their <W> were protected from Y":
			// W is the purpose's object; the mice given X are the subject
			left--
		}
		if left >= 0 && rh < 0 {
			if g := t.coordinatedCopulaSubject(s, left, pr.tok, sa); g >= 0 {
				left = g // "X has anti-inflammatory properties and is used as an adjunct in Y": X
			}
		}
		if left >= 0 && rh < 0 {
			if g := t.subordinateSubject(s, hits, left, pr.tok, int32(from)); g >= 0 {
				left = g // "Eating X while you're on W may help Y": X acts, W is when
			}
		}
		if left >= 0 && rh < 0 && t.peopleWithout(s, left) {
			// "Patients with <W> who did not have <Y> did not improve": Y
			// only names who they are; their condition W is what the verb
			// says of them
			if left > 0 && p.groups[left-1].a >= sa && t.groupHasKind(s, left-1, kindCondition) && t.peopleWith(s, p.groups[left-1].a) {
				left--
			} else {
				left = -1
			}
		}
		if left >= 0 && rh < 0 && t.peopleRelativeBetween(s, p.groups[left].b, pr.tok) {
			left = -1 // "X is an adjunct in Y for patients who wish to limit W": the people's verb
		}
		if left < 0 {
			left = t.asideSubject(s, hits, sa, from, pr.tok) // "X, but not W, was more common in Y"
		}
		if left < 0 && i == 0 {
			left = t.copulaSubjectBefore(s, hits, pr.tok, from) // "X was safe but did not improve Y"
		}
		if left > 0 && p.groups[left-1].a >= sa && t.recipients(s, left) && t.groupHasKind(s, left-1, kindIntervention) {
			left-- // "FMT from untreated donors into antibiotic-treated pups prevented Y": the pups receive it
		}
		if pr.denial && pr.end-pr.tok == 1 && int(pr.end) < to && t.edForm(s, pr.end) && s.toks[pr.end].flags&flagHard == 0 &&
			(pr.tok == int32(from) || s.toks[pr.tok].flags&flagClause != 0 || t.onCueBits(hits, pr.tok-1, cueContrast|cueClauseBreak)) {
			// "..., but neither measured the gut microbiota": the denial is
			// the subject of a verb of its own (the studies named before),
			// no concept's
			pr.headless = true
		}
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
		if g := p.groupBefore(pr.tok, sa); pr.obj < 0 && g > 0 && (pr.subj == g-1 || pr.subj == g) && t.settingOfIntervention(s, g) &&
			(pr.denial || pr.bits&(cueDec|cueHelp) != 0 && pr.bits&(cueCompar|cueInc|cueHarm) == 0) {
			// "trials of X in Y reported fewer spots (found no
			// benefit)": what the studies of X found in Y, with no
			// outcome of the taxonomy named, is X's effect on Y
			pr.subj, pr.obj = g-1, g
		} else if g > 0 && pr.subj == g && pr.obj >= 0 && p.units[p.groups[pr.obj].first].concept == p.units[p.groups[g].first].concept &&
			t.settingOfIntervention(s, g) {
			pr.subj, pr.compare = g-1, false // "studies of X in Y reported fewer <Y> lesions": the studies' finding, X's effect
		}

		if pr.owner > 0 {
			pr.subj = pr.owner - 1
		}
	}
	t.frontedConditionFindings(s)
	t.associatedLosses(s, hits)
	t.riskInPeople(s, to)
	t.subordinateCauses(s, hits, to)
	t.equalComparisons(s)
	t.conversionProducts(s, to)
	t.quantifiedArms(s, from, to)
	t.unnamedArms(s, to)
	t.causedObjects(s)
	t.exampleObjects(s)
	t.exampleSubjects(s)
	t.restrictiveObjectRelatives(s)
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
	t.additionTreatments(s, hits, from, to)
	t.copulaSubjects(s, from, to)
	t.frontedCauseOutcomes(s, from)
	t.viaChanges(s, hits, from)
	t.coChanges(s, hits, to)
	t.loweredGerunds(s)
	t.contrastedHelp(s, to)
	t.repeatedAssociations(s, to)
	t.repeatedPrepositions(s, from)
	t.associatedAdjectiveItems(s, hits)
	t.hyphenCauseObjects(s)
	t.helpedPronouns(s)
	t.gerundAgents(s)
	t.comparedItems(s)
	t.effectObjects(s)
	t.tailNounFindings(s)
	t.elidedRiskObjects(s, to)
	t.madeComparatives(s, from)
	t.causedComparatives(s, hits, from, to)
	wrong, right, at := -1, -1, int32(-1)
	for i := range p.preds {
		// "X, produced when Y ferment Z, dampens W and helps V": the
		// subject is the phrase the participle clause describes, not a
		// concept inside it, for the verbs in series after it too
		pr := &p.preds[i]
		if pr.hyphen || pr.subj < 0 {
			continue
		}
		if g := t.appositiveSubject(s, hits, pr.tok, from); g >= 0 && g < pr.subj && p.groups[pr.subj].b <= pr.tok {
			wrong, right, at = pr.subj, g, pr.tok
			pr.subj = g
		} else if pr.subj == wrong && pr.tok > at {
			pr.subj = right
		}
	}
	t.correlatedChanges(s)
	t.comparedInPeople(s)
	t.favouredArms(s)
	t.withoutGerunds(s, from)
	t.withDenials(s, from)
	t.loweredRelatives(s)
	t.comparedSeries(s, to)
	t.objectRelatives(s)
	t.contrastedPassives(s)
	for i := range p.preds {
		// a subject found by a later rule ("X linked Y to Z through W")
		// may have a path after its object too
		if pr := &p.preds[i]; pr.via < 0 && pr.subj >= 0 && pr.obj >= 0 && t.associationOnly(pr) {
			_, sb := segment(s, pr.tok)
			t.viaGroup(s, pr, sb)
		}
	}
	t.coordinatedChangeNouns(s)
	t.chainAdverbVerbs(s, from)
	t.efficacyComparisons(s, from, to)
	t.associatedRisks(s)
	t.propertySubjects(s)
	t.settingObjects(s)
	t.agentsOfChange(s, hits, to)
	t.favourableShifts(s, to)
	t.communityMakes(s, hits, to)
	t.contrastedEffects(s, hits, to)
	t.sizedComparatives(s, hits)
	t.openingChangeNouns(s, from)
	t.shownPronounSubjects(s, hits, from)
	t.comparedRisks(s, hits)
	t.steadyArms(s, hits, to)
	t.unchangedArms(s, hits, to)
	t.affirmedElisions(s, hits, to)
	t.denialsBeforeVerbs(s, hits)
	t.findingsInPopulation(s, to)
	t.treatedPopulations(s, to)
}

// plainModifier reports whether token k is a plain word that may qualify
// the concept right after it ("higher faecal butyrate"): a letter word, no
// concept, no cue, no preposition, article or conjunction.
func (t *Tagger) plainModifier(s *scratch, hits []cueHit, k int32) bool {
	tk := s.toks[k]
	return s.tokMent[k] < 0 && tk.flags&(flagHard|flagLetter|flagDigit) == flagLetter && !t.onCue(hits, k) &&
		!t.hasClass(tk, clsArticle|clsDeterminer|clsConj) && !t.hasClass2(tk, cl2PairObjectPrep|cl2PairCausePrep|cl2FindingPrep|cl2PairOf|cl2Than)
}

// changeNounAfter reports whether a cue of change or a word joined by a
// hyphen stands at token k, in the same phrase, or a plain noun after a
// name that ends in a compound adjective: the concept before it qualifies
// that noun ("less stress-related worsening", "less stress-related
// itch").
func (t *Tagger) changeNounAfter(s *scratch, hits []cueHit, k int32) bool {
	toks := s.toks
	if int(k) >= len(toks) || toks[k].flags&flagHard != 0 {
		return false
	}
	if joinedByHyphen(s, k) || t.onCueBits(hits, k, cueInc|cueDec) {
		return true
	}
	// "less stress-related itch": a compound adjective that ends the
	// concept's name, before a plain noun
	return k >= 2 && joinedByHyphen(s, k-1) && s.tokMent[k] < 0 && toks[k].flags&flagLetter != 0 &&
		!t.hasClass2(toks[k], cl2PairObjectPrep|cl2PairCausePrep|cl2FindingPrep|cl2PairOf|cl2Than) && !t.hasClass(toks[k], clsConj)
}

// treatedPopulations reads "Patients with <condition> had lower Y after
// X": a comparative said of people with a condition, whose object a
// preposition of cause and an intervention follow within five words
// ("after eight weeks of X"), is X's effect on Y, as "Patients had lower
// Y after X" is; the people's condition only says who they are.
func (t *Tagger) treatedPopulations(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if !pr.population || pr.hyphen || pr.subj < 0 || pr.obj < 0 || p.groups[pr.subj].b > pr.tok || p.groups[pr.obj].a < pr.end ||
			!t.groupHasKind(s, pr.subj, kindCondition) || t.groupHasKind(s, pr.obj, kindIntervention) {
			continue
		}
		_, sb := segment(s, pr.tok)
		e := p.groups[pr.obj].b
		if int(e) >= to || toks[e].flags&flagHard != 0 || !t.hasClass2(toks[e], cl2PairCausePrep) {
			continue
		}
		c := p.groupAfter(e+1, sb)
		if c < 0 || p.groups[c].a > e+5 || !t.groupHasKind(s, c, kindIntervention) {
			continue
		}
		pr.subj, pr.population, pr.compare = c, false, false
	}
}

// findingsInPopulation reads "studies reported reduced <Y> and an
// expansion of Z in patients with <condition>": the findings of a list
// whose verbs have no subject, and a noun of change in the list after the
// first item (which is no cause of it), are compared in the people named
// right after the list, so each is associated with their condition.
func (t *Tagger) findingsInPopulation(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	var items []int
	end := int32(-1)
	for i := range p.preds {
		pr := &p.preds[i]
		switch {
		case pr.hyphen || pr.obj < 0 || pr.negated || pr.within >= 0:
			continue
		case pr.subj < 0 && len(items) == 0:
		case len(items) > 0 && pr.subj >= 0 && t.findingItem(s, pr, pr.subj) && p.groups[pr.subj].b == end:
		default:
			continue
		}
		items = append(items, i)
		end = p.groups[pr.obj].b
	}
	if len(items) < 2 || int(end)+3 >= to || !t.hasClass2(toks[end], cl2FindingPrep) || !t.hasClass2(toks[end+1], cl2Population) ||
		toks[end].flags&flagHard != 0 || toks[end+1].flags&flagHard != 0 {
		return
	}
	// the list is reported, not caused: a verb of finding or of a state
	// right before the first item ("reported reduced <Y>", not "Treatment
	// caused reduced <Y>")
	if v := p.preds[items[0]].tok - 1; v < 0 || !t.hasClass4(toks[v], cl4StateVerb) && !t.onCueBits(s.cueHits, v, cueFound) {
		return
	}
	c := p.groupAfter(end+2, int32(to))
	if c < 0 || !t.groupHasKind(s, c, kindCondition) || !t.peopleWith(s, p.groups[c].a) || p.groups[c].a > end+5 {
		return
	}
	// the people are no arm and the clause ends with them ("in patients
	// with <Y> after (given) X", "..., but not in those with W" keep their
	// readings)
	if e := p.groups[c].b; int(e) < to && (toks[e].flags&flagClause == 0 || t.onCueBits(s.cueHits, e, cueNeg) ||
		int(e)+1 < to && t.onCueBits(s.cueHits, e+1, cueNeg)) {
		return // (", although the taxa differ" is a clause of its own)
	}
	for _, i := range items {
		pr := &p.preds[i]
		pr.subj, pr.compare, pr.population = c, true, true
	}
}

// frontedConditionFindings reads "In <condition>, studies found lower
// Y": a comparative whose subject is the condition of a phrase of
// setting that opens the sentence, before its comma, compares the people
// with it, an association.
func (t *Tagger) frontedConditionFindings(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		g := pr.subj
		if g < 0 || pr.obj < 0 || pr.hyphen || pr.denial || pr.bits&cueCompar == 0 || pr.bits&(cueHelp|cueHarm) != 0 ||
			!t.groupHasKind(s, g, kindCondition) || t.groupHasKind(s, pr.obj, kindCondition) {
			continue
		}
		gr := p.groups[g]
		if int(gr.b) >= len(s.toks) || s.toks[gr.b].flags&flagClause == 0 || gr.b > pr.tok || !t.inOpeningPhrase(s, gr.a) {
			continue
		}
		_, sb := segment(s, pr.tok)
		later := false
		for h := range p.groups {
			later = later || p.groups[h].a > pr.tok && p.groups[h].a < sb && t.groupHasKind(s, h, kindIntervention)
		}
		if later {
			continue // ("In psoriasis, studies found lower IL-6 after fibre": the intervention's effect)
		}
		pr.compare, pr.population = true, true
	}
}

// associatedLosses reads "X has been linked to (was associated with) a
// lasting loss of Y": a noun of loss that only compares, right after a
// verb of association whose subject is an intervention, with at most an
// article and an adjective between, lowers Y (as "a reduction in Y"
// does).
func (t *Tagger) associatedLosses(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr, q := &p.preds[i], &p.preds[i-1]
		if pr.bits&relationBits != cueCompar || pr.obj < 0 || q.bits&cueAssoc == 0 || q.bits&(cueInc|cueDec) != 0 || q.subj < 0 ||
			q.inversely || pr.subj != q.subj || !t.groupHasKind(s, q.subj, kindIntervention) || p.groups[pr.obj].a > pr.end+2 ||
			!t.plainLossObject(s, pr.obj) {
			continue
		}
		if dir, _ := t.changeNoun(s, hits, pr.tok); dir >= 0 || !t.hasClass2(toks[pr.end-1], cl2PairOf) {
			continue // (a noun and its "of": not "predicted fewer Y")
		}
		k := q.end
		if k < pr.tok && t.hasClass2(toks[k], cl2RelPrep|cl2PairObjectPrep) {
			k++ // "with", "to"
		}
		if k < pr.tok && t.hasClass(toks[k], clsArticle) {
			k++
		}
		if k < pr.tok && (t.adjectiveWord(s, k) || t.ingForm(s, k)) && s.tokMent[k] < 0 {
			k++
		}
		if k == pr.tok && !clauseBetween(toks, int(q.end), int(pr.tok)) {
			pr.bits |= cueDec
		}
	}
}

// plainLossObject reports whether group g, after "a loss of", is one
// mechanism (or a short list of it) named in its ordinary sense (no inverse wording, not "loss
// of barrier function" nor "loss of microbial balance"), with no noun of
// its own after it and no other concept later in the sentence ("a loss
// of diversity and increased inflammation", "..., which in turn promotes
// eczema").
func (t *Tagger) plainLossObject(s *scratch, g int) bool {
	p := &s.pairs
	gr := p.groups[g]
	u := p.units[gr.first]
	if u.inverse || t.concepts[u.concept].kind != kindMechanism {
		return false
	}
	// a list of the one mechanism counts as one ("a loss of
	// bifidobacteria and other key gut taxa")
	same := func(h int) bool {
		for i := p.groups[h].first; i < p.groups[h].last; i++ {
			if p.units[i].concept != u.concept || p.units[i].inverse {
				return false
			}
		}
		return true
	}
	if !same(g) {
		return false
	}
	e := gr.b
	for h := g + 1; h < len(p.groups); h++ {
		if !same(h) || p.groups[h].a > e+4 || s.tokSent[p.groups[h].a] != s.tokSent[gr.a] {
			return false
		}
		e = p.groups[h].b
	}
	return int(e) >= len(s.toks) || s.tokSent[e] != s.tokSent[gr.a] || s.toks[e].flags&(flagHard|flagClause) != 0 ||
		t.hasClass(s.toks[e], clsConj) || t.hasClass2(s.toks[e], cl2FindingPrep|cl2PairObjectPrep|cl2PairOf)
}

// denialsBeforeVerbs keeps a denial in itself in its own clause: a denial
// whose object lies past a clause break (a comma, a conjunction, "until")
// and is an argument of a later verb of change that relates the denial's
// own subject ("My acne stayed the same for months, then zinc cleared
// it") loses that object; the later verb relates it.
func (t *Tagger) denialsBeforeVerbs(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if !pr.denial || pr.bits&cueNegRel == 0 || pr.obj < 0 || p.groups[pr.obj].a <= pr.end {
			continue // (not "Y was similar in both groups, and X lowered Z": the groups compared name X)
		}
		a := p.groups[pr.obj].a
		broken := false
		for k := pr.end; k <= a && !broken; k++ {
			broken = toks[k].flags&flagClause != 0 || t.hasClass(toks[k], clsConj) || t.onCueBits(hits, k, cueClauseBreak)
		}
		if !broken {
			continue
		}
		for j := range p.preds {
			q := &p.preds[j]
			if j == i || q.denial || q.tok <= pr.end || q.bits&(cueInc|cueDec|cueHelp|cueHarm) == 0 || q.subj != pr.obj && q.obj != pr.obj {
				continue
			}
			other := q.obj
			if q.obj == pr.obj {
				other = q.subj
			}
			if pr.subj < 0 || other >= 0 && p.units[p.groups[other].first].concept == p.units[p.groups[pr.subj].first].concept ||
				other < 0 && q.subj == pr.obj {
				// ("Y did not change with placebo, and Z rose": Z is the
				// subject of a verb of its own, with no other argument)
				pr.obj = -1 // (not "Y stayed the same in both groups, and X raised Z": X's arms kept Y the same)
				break
			}
		}
	}
}

// affirmedElisions reads "X did not reduce Y, whereas Z (still) did": an
// auxiliary that ends the clause after a contrast and an intervention or
// a mechanism stands for the denied verb before, said of Z and not denied
// (the contrast ends the denial's reach).
func (t *Tagger) affirmedElisions(s *scratch, hits []cueHit, to int) {
	p := &s.pairs
	toks := s.toks
	n := len(p.preds)
	for _, h := range hits {
		if h.bits&(cueContrast|cueClauseBreak) == 0 || toks[h.tok].flags&flagClause == 0 || int(h.end) >= to {
			continue
		}
		z := p.groupAfter(h.end, int32(to))
		if z < 0 || p.groups[z].a > h.end+2 || t.groupHasKind(s, z, kindCondition) {
			continue
		}
		k := p.groups[z].b
		for int(k) < to && t.hasClass3(toks[k], cl3PlainAdverb) && toks[k].flags&flagHard == 0 {
			k++ // "whereas Z still did"
		}
		if int(k) >= to || !t.hasClass2(toks[k], cl2EllipsisAux) || toks[k].flags&flagHard != 0 ||
			int(k)+1 < to && toks[k+1].flags&flagHard == 0 {
			continue // (the clause must end at the auxiliary, not "whereas Z did not")
		}
		var pr *predicate
		bits := uint32(0)
		for i := 0; i < n; i++ {
			q := &p.preds[i]
			if q.tok >= h.tok || q.subj < 0 || q.obj < 0 || q.hyphen {
				continue
			}
			switch {
			case q.bits&(cueInc|cueDec) != 0 && t.negatorBefore(s, hits, q.tok, q.tok-4):
				pr, bits = q, q.bits
			case q.denial && q.end-q.tok >= 2:
				// "did not reduce": the verb of the denial phrase
				if c, _ := t.cues.longest(toks, int(q.end)-1, int(q.end), nil); c >= 0 && t.cueBits[c]&(cueInc|cueDec) != 0 {
					pr, bits = q, t.cueBits[c]&(cueInc|cueDec|cueHelp|cueHarm)
				}
			}
		}
		if pr == nil || pr.subj == z {
			continue
		}
		q := *pr
		q.tok, q.end, q.subj, q.bits, q.denial = k, k+1, z, bits, false
		p.preds = append(p.preds, q)
	}
}

// comparedRisks reads "The risk of Y (Y risk) was lower in infants given
// X": a risk noun that is the subject of a copula and a comparative, with
// an intervention after the comparative, is that intervention's effect
// on Y, in the comparative's direction.
func (t *Tagger) comparedRisks(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	for i := 0; i+1 < len(p.preds); i++ {
		r, c := &p.preds[i], &p.preds[i+1]
		if r.hyphen || c.hyphen || !t.riskCue(s, r) || r.denial || c.denial {
			continue
		}
		y, end := r.obj, int32(-1)
		switch {
		case y >= 0 && p.groups[y].a >= r.end:
			end = p.groups[y].b // "the risk of Y was lower"
		case r.subj >= 0 && p.groups[r.subj].b == r.tok:
			y, end = r.subj, r.end // "Y risk was lower"
		default:
			continue
		}
		k := end
		if int(k) >= len(toks) || !t.hasClass(toks[k], clsCopula) || toks[k].flags&flagHard != 0 {
			continue
		}
		k++
		for k < c.tok && t.ending(s, k, t.adverbEnd) && s.tokMent[k] < 0 {
			k++
		}
		dir := t.comparativeAt(s, hits, c.tok)
		if k != c.tok || c.end-c.tok != 1 || dir == 0 {
			continue
		}
		x := -1
		for _, g := range [2]int{c.obj, c.subj} {
			if g >= 0 && g != y && p.groups[g].a > c.tok && t.groupHasKind(s, g, kindIntervention) {
				x = g
				break
			}
		}
		if x < 0 {
			continue
		}
		r.subj, r.obj, r.bits, r.compare = x, y, r.bits&^(cueInc|cueDec|cueHelp|cueHarm|cueAssoc)|directionBits(dir), false
		c.subj, c.obj = -1, -1
	}
}

// shownPronounSubjects reads "X has been proposed, but trials have not
// shown (that) they prevent Y": a pronoun right before a verb that has no
// subject, in a clause of finding after a contrast, stands for the one
// intervention named before the contrast.
func (t *Tagger) shownPronounSubjects(s *scratch, hits []cueHit, from int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj >= 0 || pr.obj < 0 || pr.hyphen || p.groups[pr.obj].a < pr.end {
			continue
		}
		j := pr.tok - 1
		for j > int32(from) && (t.hasClass2(toks[j], cl2Modal) || t.ending(s, j, t.adverbEnd)) {
			j--
		}
		if j <= int32(from)+1 || !t.hasClass2(toks[j], cl2Pronoun) || s.tokMent[j] >= 0 {
			continue
		}
		f := j - 1
		if t.hasClass2(toks[f], cl2Relative) {
			f-- // "shown that they"
		}
		if f <= int32(from) || !t.onCueBits(hits, f, cueFinding|cueNegRel) { // ("no trial has yet shown they ...")
			continue
		}
		contrast, subj := int32(-1), -1
		for _, h := range hits {
			if h.tok < f && int(h.tok) > from && h.bits&(cueContrast|cueClauseBreak) != 0 {
				contrast = h.tok
			}
		}
		for g := range p.groups {
			if contrast >= 0 && p.groups[g].b <= contrast && t.groupHasKind(s, g, kindIntervention) {
				if subj >= 0 {
					subj = -2 // more than one: no telling which
					break
				}
				subj = g
			}
		}
		if subj >= 0 {
			pr.subj = subj
			// a denied finding ("nobody has yet shown that they ...")
			// denies the verb, whatever the clause before states
			pr.contrast = t.onCueBits(hits, f, cueNegRel) || f > int32(from)+1 && t.onCueBits(hits, f-1, cueNeg) ||
				f > int32(from)+2 && t.onCueBits(hits, f-2, cueNeg)
		}
	}
}

// openingChangeNouns drops the subject of a noun of change that opens the
// sentence ("Eradication of X was followed by improvement of Y") when it
// lies after the noun's object with a verb of change between whose
// subject is that object: the change named by the noun is that verb's
// subject, not an effect of Y.
func (t *Tagger) openingChangeNouns(s *scratch, from int) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.tok != int32(from) || pr.subj < 0 || pr.obj < 0 || pr.hyphen || p.groups[pr.subj].a < p.groups[pr.obj].b {
			continue
		}
		a, b := p.groups[pr.obj].b, p.groups[pr.subj].a
		if slices.ContainsFunc(p.preds, func(q predicate) bool {
			return q.tok >= a && q.tok < b && !q.hyphen && q.bits&(cueInc|cueDec) != 0 && q.subj == pr.obj
		}) {
			pr.subj = -1
		}
	}
}

// causedComparatives reads "X led to more severe Y", "X caused less
// frequent Y", "X resulted in greater Y severity": a comparative that
// opens the object of a plain verb of causing (a cue of raising with no
// sense of helping or harming, maybe an article between), one word right
// before the object or "more"/"less" and an adjective of severity
// (severity-adjectives) before it, says which way X moved Y, lower for a
// less-word, higher otherwise; it compares no groups. Not when a noun of
// change follows the object ("greater Y improvement": the comparative is
// the change's size, read elsewhere).
func (t *Tagger) causedComparatives(s *scratch, hits []cueHit, from, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.bits&relationBits != cueCompar || pr.end-pr.tok > 2 || pr.subj < 0 || pr.obj < 0 || toks[pr.tok].flags&flagHard != 0 {
			continue
		}
		e := int(pr.end)
		if e >= to || toks[e].flags&flagHard != 0 {
			continue
		}
		switch {
		case pr.end-pr.tok == 2:
			if !t.hasClass(toks[pr.tok], clsComparative|clsLess) || !t.hasClass3(toks[pr.tok+1], cl3Severity) || toks[pr.tok+1].flags&flagHard != 0 {
				continue // ("had more": not how bad or how often Y is)
			}
		case s.tokMent[e] < 0:
			if e+1 >= to || !t.hasClass3(toks[e], cl3Severity) || s.tokMent[e+1] < 0 || toks[e+1].flags&flagHard != 0 {
				continue // ("feed less friendly <community>": the comparative of another adjective)
			}
			e++
		}
		if m := s.tokMent[e]; m >= 0 {
			if end := s.ments[m].tokEnd; int(end) < to && t.onCueBits(hits, end, cueInc|cueDec|cueHelp|cueHarm) {
				continue // ("led to greater <Y> improvement")
			}
		}
		k := pr.tok
		if int(k) > from+1 && t.hasClass(toks[k-1], clsArticle) && toks[k-1].flags&flagHard == 0 {
			k--
		}
		caused := false
		for _, h := range hits {
			if h.end == k && int(h.tok) > from && h.bits&(cueInc|cueDec|cueHelp|cueHarm|cueCompar|cueNeg|cueNegRel|cueAssoc) == cueInc {
				caused = true
				break
			}
		}
		if !caused || p.groups[pr.subj].b > k {
			continue
		}
		pr.bits &^= cueCompar
		if t.hasClass(toks[pr.tok], clsLess) {
			pr.bits |= cueDec
		} else {
			pr.bits |= cueInc
		}
		pr.compare, pr.likely, pr.less, pr.adjective = false, false, false, false
	}
}

// madeComparatives reads "X made Y less severe (more frequent, worse)": a
// comparative right after the object of a plain verb of making, alone or
// before an adjective of severity (severity-adjectives), moves the
// object, lower for a less-word, higher otherwise; the subject is the
// group before the verb.
func (t *Tagger) madeComparatives(s *scratch, from int) {
	p := &s.pairs
	toks := s.toks
	var made []int32 // the verbs of making read
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.bits&relationBits != cueCompar || pr.end-pr.tok != 1 || pr.subj < 0 || pr.obj >= 0 || toks[pr.tok].flags&flagHard != 0 {
			continue
		}
		if b := p.groups[pr.subj].b; b != pr.tok && !(b+1 == pr.tok && s.tokMent[b] < 0 && !t.onCue(s.cueHits, b) &&
			toks[b].flags&(flagHard|flagDigit) == 0 && toks[b].flags&flagLetter != 0) {
			continue // (one plain noun may end the object: "made Y flares less frequent")
		}
		if e := int(pr.end); e < len(toks) && toks[e].flags&(flagHard|flagDigit) == 0 && toks[e].flags&flagLetter != 0 && s.tokMent[e] < 0 &&
			!t.hasClass(toks[e], clsConj) && !t.hasClass2(toks[e], cl2FindingPrep|cl2PairObjectPrep|cl2PairCausePrep|cl2PairBy|cl2Than) &&
			!t.hasClass3(toks[e], cl3Severity) {
			continue // ("made my Y less manageable": not how bad Y is)
		}
		v := p.groups[pr.subj].a - 1 // the verb, past a possessive or an article ("made my Y less severe")
		if v > int32(from) && t.hasClass(toks[v], clsArticle|clsDeterminer) || v > int32(from) && t.hasClass3(toks[v], cl3GenericPossessive) {
			v--
		}
		if v <= int32(from) || !t.hasClass3(toks[v], cl3MakingVerb) || toks[v+1].flags&flagHard != 0 {
			continue
		}
		sb := p.groupBefore(v, int32(from))
		if sb < 0 {
			continue
		}
		pr.obj, pr.subj, pr.compare, pr.likely, pr.less = pr.subj, sb, false, false, false
		for u := p.groups[pr.obj].first; u < p.groups[pr.obj].last; u++ {
			p.units[u].less, p.units[u].lessTail = false, false // (the less-word is the verb's, no "Y depletion")
		}
		if t.hasClass(toks[pr.tok], clsLess) {
			pr.bits = pr.bits&^cueCompar | cueDec
		} else {
			pr.bits = pr.bits&^cueCompar | cueInc
		}
		made = append(made, v)
	}
	if len(made) > 0 {
		// the verb of making is no relation of its own ("made Y flares
		// less frequent" does not make Y)
		p.preds = slices.DeleteFunc(p.preds, func(q predicate) bool { return slices.Contains(made, q.tok) })
	}
}

// contrastedEffects reads "X lowered Y, whereas Z had no significant
// effect", "..., but Z had no effect": an effect noun under a denial, or
// a denial, with a subject and no object of its own, ending its clause
// after a contrast, speaks of what the nearest verb before it acted on
// (the object is elided).
func (t *Tagger) contrastedEffects(s *scratch, hits []cueHit, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		// (a verb of help or change too, under a negator before it: "...,
		// whereas Z has not been shown to help")
		verb := pr.bits&(cueInc|cueDec) != 0 && pr.bits&cueTopic == 0 && pr.end-pr.tok == 1 && !t.nounForm(s, pr.tok) &&
			pr.subj >= 0 && t.groupHasKind(s, pr.subj, kindIntervention) && !t.hasClass2(toks[pr.tok], cl2OutcomeVerb) // (not "whereas Y has not been shown to improve")
		if pr.subj < 0 || pr.obj >= 0 || pr.within >= 0 || pr.hyphen ||
			!(pr.bits&cueTopic != 0 && pr.end-pr.tok == 1 || pr.bits&^(cueNeg|cueNegRel) == 0 || verb) ||
			int(pr.end) < to && toks[pr.end].flags&(flagHard|flagClause) == 0 {
			continue
		}
		a := p.groups[pr.subj].a
		denied := pr.bits&^(cueNeg|cueNegRel) == 0 || slices.ContainsFunc(hits, func(h cueHit) bool {
			return h.tok >= p.groups[pr.subj].b && h.tok < pr.tok && h.bits&(cueNeg|cueNegRel) != 0
		})
		if !denied {
			continue // ("..., whereas Z had the opposite effect")
		}
		// the nearest verb before the subject, a contrast between them
		for j := i - 1; j >= 0; j-- {
			q := &p.preds[j]
			if q.hyphen || q.tok >= a {
				continue
			}
			contrast := slices.ContainsFunc(hits, func(h cueHit) bool {
				return h.tok >= q.end && h.tok < a && h.bits&(cueContrast|cueClauseBreak) != 0 && toks[h.tok].flags&flagClause != 0
			})
			if contrast && q.subj >= 0 && q.obj >= 0 && q.subj != pr.subj && q.bits&(cueInc|cueDec|cueHelp|cueHarm) != 0 && !q.negated &&
				s.tokSent[q.tok] == s.tokSent[pr.tok] {
				pr.obj = q.obj
				if verb {
					pr.denial, pr.contrast = true, true // denied in its own clause, whatever the sentence's other clause says
				}
			}
			break
		}
	}
}

// settingObjects reads "later trials of X in Y found no clear benefit": a
// verb with no object of its own whose subject is an intervention given in
// a condition (settingOfIntervention) acts on that condition.
func (t *Tagger) settingObjects(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj < 0 || pr.obj >= 0 || pr.within >= 0 || pr.hyphen || pr.headless || pr.subj+1 >= len(p.groups) {
			continue
		}
		if g := pr.subj + 1; p.groups[g].b <= pr.tok && t.settingOfIntervention(s, g) {
			pr.obj = g
		}
	}
}

// propertyOwnerAt returns the owner of the property whose noun of effect
// stands at token e ("X has <Y-adjective> properties"): the subject of
// the "have" predicate whose object is the group right before e, or -1.
func (t *Tagger) propertyOwnerAt(s *scratch, e int32) int {
	p := &s.pairs
	if e < 1 || !t.hasClass(s.toks[e], clsEffectNoun) {
		return -1
	}
	for _, q := range p.preds {
		if q.obj >= 0 && q.subj >= 0 && p.groups[q.obj].b == e && t.hasClass2(s.toks[q.tok], cl2Have) {
			return q.subj
		}
	}
	return -1
}

// propertySubjects reads "Probiotics that have anti-inflammatory effects
// reduce Y": a verb right after a property's noun of effect (past modals
// and adverbs) has the property's owner as its subject, not the
// property's concept.
func (t *Tagger) propertySubjects(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj < 0 || pr.hyphen || pr.bits&(cueInc|cueDec|cueAssoc) == 0 {
			continue
		}
		g := p.groups[pr.subj]
		if g.b >= pr.tok || !t.hasClass(toks[g.b], clsEffectNoun) {
			continue
		}
		k := g.b + 1
		for k < pr.tok && s.tokMent[k] < 0 && toks[k].flags&flagHard == 0 && (t.hasClass2(toks[k], cl2Modal) || t.ending(s, k, t.adverbEnd)) {
			k++
		}
		if k != pr.tok || toks[pr.tok].flags&flagHard != 0 {
			continue
		}
		if o := t.propertyOwnerAt(s, g.b); o >= 0 && o != pr.subj {
			pr.subj = o
		}
	}
}

// associatedRisks reads "X disrupts Y and has been associated with a
// higher risk of Z": a risk right after a verb of association with no
// object of its own is the association's object, so its subject is the
// association's; and an association that relates the risk's own pair
// ("have linked X to a higher risk of Y") leaves the pair to the risk.
func (t *Tagger) associatedRisks(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.end < 1 || !t.hasClass3(toks[pr.end-1], cl3RiskNoun) &&
			!(pr.end >= 2 && t.hasClass2(toks[pr.end-1], cl2PairOf) && t.hasClass3(toks[pr.end-2], cl3RiskNoun)) { // ("a lower risk of")
			continue
		}
		for j := range p.preds {
			if q := &p.preds[j]; j != i && q.subj == pr.subj && q.obj == pr.obj && q.tok < pr.tok && t.associationOnly(q) && pr.subj >= 0 {
				q.headless = true // "Studies have linked X to a higher risk of Y": the risk says how
			}
		}
		for j := range p.preds {
			q := &p.preds[j]
			if q.subj < 0 || q.subj == pr.subj || q.end >= pr.tok || pr.tok-q.end > 3 || !t.associationOnly(q) || q.obj >= 0 && q.obj != pr.obj ||
				!t.onlyWordsBetween(s, q.end, pr.tok, func(k int32) bool {
					return t.hasClass2(toks[k], cl2PairObjectPrep|cl2RelPrep) || t.hasClass(toks[k], clsArticle)
				}) {
				continue
			}
			pr.subj = q.subj
			break
		}
		for j := range p.preds {
			// "X was associated with Y and a higher risk of Z": a risk
			// after the association's object and a conjunction is an
			// item of its object, not Y's risk
			q := &p.preds[j]
			if q.subj < 0 || q.obj < 0 || q.obj != pr.subj || q.tok >= pr.tok || !t.associationOnly(q) {
				continue
			}
			if e := p.groups[q.obj].b; e < pr.tok && pr.tok-e <= 3 && t.onlyWordsBetween(s, e, pr.tok, func(k int32) bool {
				return t.hasClass(toks[k], clsConj|clsArticle)
			}) && t.hasClass(toks[e], clsConj) {
				pr.subj = q.subj
				break
			}
		}
	}
}

// sizedComparatives reads "X was associated with 18% fewer Y": a
// comparative with a size in digits right before it, after an association
// verb, names how much the outcome moves with the exposure, as "a 40%
// reduction in Y" does, and takes its direction.
func (t *Tagger) sizedComparatives(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.bits != cueCompar || pr.end-pr.tok != 1 || pr.subj < 0 || pr.obj < 0 || pr.compare || pr.tok < 2 ||
			p.groups[pr.obj].a < pr.end || p.groups[pr.obj].a > pr.end+1 {
			continue
		}
		if d := pr.tok - 1; toks[d].flags&flagDigit == 0 && !(joinedByHyphen(s, d) && toks[d-1].flags&flagDigit != 0 && s.tokMent[d] < 0) {
			continue // ("18% fewer", "2.5-fold more")
		}
		dir := t.comparativeAt(s, hits, pr.tok)
		if dir == 0 {
			continue
		}
		for j := i - 1; j >= 0 && pr.tok-p.preds[j].end <= 4; j-- {
			if q := &p.preds[j]; q.tok < pr.tok && q.subj == pr.subj && t.associationOnly(q) && !q.hyphen {
				pr.bits |= directionBits(dir)
				break
			}
		}
	}
}

// efficacyComparisons reads "X reduces Y, although it is less effective
// than Z" ("works less well than Z", "is as effective as Z", "reduced Y
// almost as well as Z"): a comparative, a word of efficacy and "than" or
// "as" before an intervention compare the effect of the statement before
// them with Z's, so Z has the same effect on the same object, and no pair
// with X. A statement after the comparison is X's as well as Z's ("X was
// less effective than Z in reducing Y": X > Y and Z > Y), and so is an
// object between the word of efficacy and "than" ("X was less effective
// against Y than Z").
func (t *Tagger) efficacyComparisons(s *scratch, from, to int) {
	p := &s.pairs
	toks := s.toks
	for k := int32(from) + 2; int(k)+1 < to; k++ {
		// ("less effective than Z", "as effective as Z"; not "more
		// effective than Z", which says nothing of Z's own effect, nor "as
		// well as", which joins, unless an adverb of nearness makes it a
		// comparison: "cleared Y almost as well as Z")
		if !t.hasClass3(toks[k], cl3EfficacyWord) || toks[k].flags&flagHard != 0 || toks[k+1].flags&flagHard != 0 {
			continue
		}
		less := t.hasClass(toks[k-1], clsLess) && t.hasClass2(toks[k+1], cl2Than)
		same := t.hasClass(toks[k-1], clsComparative) && !t.hasClass(toks[k-1], clsLess) && t.hasClass(toks[k+1], clsComparative) &&
			!t.hasClass2(toks[k+1], cl2Than) && (!t.asWellAs(s, k-1) || t.hasClass4(toks[k-2], cl4NearAdverb) && toks[k-1].flags&flagHard == 0)
		if !less && !same {
			if t.hasClass(toks[k-1], clsLess) {
				t.efficacyAgainst(s, k, to)
			}
			continue
		}
		z := p.groupAfter(k+2, int32(to))
		if z < 0 || p.groups[z].a > k+5 || !t.groupHasKind(s, z, kindIntervention) || clauseBetween(toks, int(k+1), int(p.groups[z].a)) {
			continue // (Z in the comparison's own words: not "as effectively as before, while Z ...")
		}
		if t.negatedComparison(s, k) {
			continue // "though not as effectively as Z": Z did better, no denial of Z
		}
		q := -1 // the statement compared: the last predicate before the comparative with a direction
		for i := range p.preds {
			pr := &p.preds[i]
			if pr.end <= k-1 && pr.subj >= 0 && pr.obj >= 0 && pr.obj != z && pr.subj != z && !pr.hyphen && !pr.headless && !pr.negated &&
				pr.bits&(cueInc|cueDec|cueHelp) != 0 && (q < 0 || pr.tok > p.preds[q].tok) {
				q = i
			}
		}
		if q < 0 {
			t.efficacyStatementAfter(s, k, z)
			continue
		}
		if !t.groupHasKind(s, p.preds[q].subj, kindIntervention) && (!same || clauseBetween(toks, int(p.preds[q].end), int(k)-1)) {
			// ("butyrate suppressed IL-8 as effectively as Z": an equal
			// comparison on the statement's own verb compares a subject
			// of any kind; not a statement of another clause)
			continue
		}
		for i := range p.preds {
			if pr := &p.preds[i]; pr.obj == z && pr.tok >= p.preds[q].end {
				pr.headless = true // "less effective than Z" relates X to no Z
			}
		}
		cp := p.preds[q]
		cp.subj, cp.tok, cp.end = z, k, k+1
		p.preds = append(p.preds, cp)
	}
}

// efficacyStatementAfter reads "X was less effective than Z in reducing
// Y" ("as effective as Z at lowering Y"), the word of efficacy at token k
// and Z group z: the verb within two words after Z (or after the examples
// that follow Z), with no punctuation between, states X's effect too.
func (t *Tagger) efficacyStatementAfter(s *scratch, k int32, z int) {
	p := &s.pairs
	x := -1
	for i := range p.preds {
		if pr := &p.preds[i]; pr.tok == k && pr.subj >= 0 && pr.subj != z && p.groups[pr.subj].b <= k && t.groupHasKind(s, pr.subj, kindIntervention) {
			x = pr.subj
			pr.headless = true // (X is compared with Z, not acting on it)
		}
	}
	if x < 0 {
		return
	}
	for i, n := 0, len(p.preds); i < n; i++ {
		pr := &p.preds[i]
		if pr.subj < z || pr.obj < 0 || pr.obj == x || p.groups[pr.subj].a > p.groups[z].b+4 || pr.tok < p.groups[pr.subj].b || pr.tok > p.groups[pr.subj].b+2 ||
			pr.negated || pr.hyphen || pr.bits&(cueInc|cueDec|cueHelp) == 0 || t.groupHasKind(s, pr.obj, kindIntervention) ||
			clauseBetween(s.toks, int(p.groups[z].b), int(pr.tok)) {
			continue // (Z's verb, with no clause between: not "..., but Z caused W")
		}
		cp := *pr
		cp.subj = x
		p.preds = append(p.preds, cp)
		return
	}
}

// efficacyAgainst reads "X was less effective against Y than Z": the less-
// word and the word of efficacy at token k state X's effect on Y, and Z,
// starting within four words after the "than" that ends Y, has the same
// effect.
func (t *Tagger) efficacyAgainst(s *scratch, k int32, to int) {
	p := &s.pairs
	toks := s.toks
	for i, n := 0, len(p.preds); i < n; i++ {
		pr := &p.preds[i]
		if pr.tok != k || pr.subj < 0 || pr.obj < 0 || p.groups[pr.obj].a <= k || p.groups[pr.obj].a > k+3 || pr.negated ||
			!t.groupHasKind(s, pr.subj, kindIntervention) {
			continue
		}
		b := p.groups[pr.obj].b
		if int(b) >= to || !t.hasClass2(toks[b], cl2Than) || toks[b].flags&flagHard != 0 {
			continue
		}
		z := p.groupAfter(b+1, int32(to))
		if z < 0 || p.groups[z].a > b+4 || !t.groupHasKind(s, z, kindIntervention) {
			continue
		}
		cp := *pr
		cp.subj, cp.compare = z, false
		p.preds = append(p.preds, cp)
		return
	}
}

// negatedComparison reports whether a negator stands right before the
// comparative before the word of efficacy at token k, maybe with an
// adverb of nearness between ("not as effectively as Z", "not nearly as
// well as Z"): Z did better, which no copy of the statement may deny.
func (t *Tagger) negatedComparison(s *scratch, k int32) bool {
	j := k - 2
	if j >= 0 && t.hasClass4(s.toks[j], cl4NearAdverb) {
		j--
	}
	return j >= 0 && t.onCueBits(s.cueHits, j, cueNeg)
}

// communityMakes reads "the gut bacteria that make Z": a plain verb of
// making in a relative clause on the community produces its object, as
// "that produce Z" does.
func (t *Tagger) communityMakes(s *scratch, hits []cueHit, to int) {
	p := &s.pairs
	toks := s.toks
	for g := range p.groups {
		u := p.units[p.groups[g].last-1]
		r := p.groups[g].b
		if u.concept != t.community && u.concept != t.communityAlt || int(r)+2 >= to || !t.hasClass2(toks[r], cl2Relative) ||
			!t.hasClass3(toks[r+1], cl3MakingVerb) || t.onCue(hits, r+1) || toks[r+1].flags&flagHard != 0 {
			continue
		}
		o := p.groupAfter(r+2, int32(to))
		if o < 0 || p.groups[o].a != t.skipFillers(s, r+2, int32(to), 2) || p.units[p.groups[o].first].concept == u.concept {
			continue
		}
		quantified := false // "that make little butyrate", "that make no butyrate"
		for k := r + 2; k < p.groups[o].a; k++ {
			quantified = quantified || t.hasClass(toks[k], clsLess|clsNegWord)
		}
		if quantified {
			continue
		}
		p.preds = append(p.preds, predicate{tok: r + 1, end: r + 2, bits: cueInc, subj: g, obj: o, obj2: -1, within: -1, via: -1, collect: -1})
	}
}

// favourableShifts reads a change without direction whose object is
// shifted towards a favourable state ("X shifts the <community> towards a
// healthier composition"): X raises its object.
func (t *Tagger) favourableShifts(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.bits&(cueInc|cueDec|cueHelp|cueHarm) != 0 || pr.bits&cueAssoc == 0 || pr.negated {
			continue
		}
		k := p.groups[pr.obj].b
		if int(k)+2 >= to || !t.hasClass2(toks[k], cl2PairObjectPrep) || toks[k].flags&flagHard != 0 {
			continue
		}
		j := k + 1
		if t.hasClass(toks[j], clsArticle|clsDeterminer) {
			j++
		}
		if int(j) < to && t.hasClass2(toks[j], cl2FavourableChange) && toks[j].flags&flagHard == 0 && t.hasClass3(toks[k], cl3Towards) {
			pr.bits = pr.bits&^cueAssoc | cueInc | cueHelp
		}
	}
}

// participleHead returns the head of the noun phrase that group g ends
// when g is the agent of a participle after that head ("<SCFA> made by
// <gut bacteria> calm Y": SCFA are the subject) or what the head contains
// ("a <cream> containing <commensals> improved Y"), else g.
func (t *Tagger) participleHead(s *scratch, hits []cueHit, g int, sa int32) int {
	p := &s.pairs
	if g <= 0 {
		return g
	}
	a := p.groups[g].a
	for c, n := a-1, 0; c > sa && n < 4 && s.toks[c+1].flags&flagHard == 0 && s.tokMent[c] < 0 && !t.onCue(hits, c) &&
		!t.hasClass3(s.toks[c], cl3Containing) && s.toks[c].flags&flagLetter != 0; c, n = c-1, n+1 {
		a = c // ("containing these commensals", "containing a harmless strain of <Y>", "a phylotype II <Y> strain")
	}
	if c := a - 1; c > sa && t.hasClass3(s.toks[c], cl3Containing) && p.groups[g-1].b == c && s.toks[c].flags&flagHard == 0 &&
		s.toks[a].flags&flagHard == 0 && !p.predBetween(p.groups[g-1].a, p.groups[g].b) {
		return g - 1 // "<X> containing <Y> lowered Z": the head acts
	}
	if h := t.contentHead(s, g, sa); h >= 0 {
		return h // "an <X> diet low in <Y> (and rich in <Z>) reduced W": the head acts
	}
	a = p.groups[g].a
	if a-2 < sa || !t.hasClass2(s.toks[a-1], cl2PairBy) || !t.edForm(s, a-2) || t.onCue(hits, a-2) ||
		s.toks[a-2].flags&flagHard != 0 || s.toks[a-1].flags&flagHard != 0 || p.groups[g-1].b != a-2 {
		return t.describedHead(s, hits, g, sa)
	}
	return g - 1
}

// contentHead returns the group that names the noun whose content group
// g leaves out ("an anti-inflammatory diet low in <Y>"): the group ends
// right before the adjective of content, or one plain noun before it;
// else -1. A content the noun is rich in stays the subject ("yogurt high
// in sugar worsened Y").
func (t *Tagger) contentHead(s *scratch, g int, sa int32) int {
	p := &s.pairs
	toks := s.toks
	c := t.contentBefore(s, p.units[p.groups[g].first].a, int(sa))
	if c < 0 || !t.contentLeftOut(s, p.units[p.groups[g].first].a, int(sa)) {
		return -1 // (what a noun is rich in may be the point: "yogurt high in sugar worsened Y")
	}
	for h := g - 1; h >= 0 && p.groups[h].b <= c; h-- {
		e := p.groups[h].b
		if p.groups[h].a < sa {
			return -1
		}
		if e == c || e+1 == c && s.tokMent[e] < 0 && toks[e].flags&(flagHard|flagLetter) == flagLetter && !t.onCue(s.cueHits, e) &&
			!t.hasClass(toks[e], clsConj|clsArticle|clsDeterminer|clsCopula) && !t.hasClass2(toks[e], cl2Modal|cl2PassiveAux) {
			if p.predBetween(p.groups[h].a, p.groups[g].b) {
				return -1
			}
			return h
		}
		if t.contentBefore(s, p.units[p.groups[h].first].a, int(sa)) < 0 {
			return -1 // (only the contents of one noun may stand between)
		}
	}
	return -1
}

// describedHead returns the group that a participle and "by" after it
// describe when the phrase after "by" names what it is described by in
// plain words before group g ("<X> characterised by an excess of <W> and a
// loss of <Y> has been found in Z": X is the subject), else g. The words
// between are articles, determiners, conjunctions, "of" and other
// prepositions of a noun phrase, plain nouns and adjectives, and other
// groups, up to twelve tokens, with no clause break.
func (t *Tagger) describedHead(s *scratch, hits []cueHit, g int, sa int32) int {
	p := &s.pairs
	toks := s.toks
	a := p.groups[g].a
	for k := a - 1; k > sa+1 && k >= a-12; k-- {
		if toks[k+1].flags&flagHard != 0 {
			return g
		}
		if t.hasClass2(toks[k], cl2PairBy) {
			e := k - 1
			if !t.edForm(s, e) || t.onCue(hits, e) && !t.onCueBits(hits, e, cueAssoc) || toks[k].flags&flagHard != 0 || toks[e].flags&flagHard != 0 {
				return g // (a participle of association may describe: "characterised by")
			}
			for h := g - 1; h >= 0; h-- {
				if p.groups[h].b == e {
					return h
				}
				if p.groups[h].b < e {
					break
				}
			}
			return g
		}
		if s.tokMent[k] >= 0 || t.hasClass(toks[k], clsArticle|clsDeterminer|clsConj|clsAdjective|clsLess|clsComparative) ||
			t.hasClass2(toks[k], cl2PairOf|cl2FindingPrep|cl2PairObjectPrep) {
			continue
		}
		if toks[k].flags&(flagDigit|flagClause) != 0 || toks[k].flags&flagLetter == 0 || t.edForm(s, k) || t.verbForm3s(s, k) ||
			t.hasClass(toks[k], clsCopula) || t.hasClass2(toks[k], cl2Have|cl2Modal|cl2PassiveAux|cl2Relative) {
			return g
		}
	}
	return g
}

// appositiveSubject returns the group before a participle clause set off
// by commas that ends right before the verb at token k ("Short-chain
// fatty acids such as butyrate, produced when gut bacteria ferment
// fibre, dampen inflammation"), or -1: the verb's subject is the phrase
// the clause describes, not the last concept inside the clause.
func (t *Tagger) appositiveSubject(s *scratch, hits []cueHit, k int32, from int) int {
	p := &s.pairs
	toks := s.toks
	v := t.skipModalsBack(s, k, from) // "..., may dampen"
	if v <= int32(from)+2 || toks[v].flags&flagClause == 0 || toks[v].flags&flagHard != 0 && !t.commaBefore(s, v) ||
		!t.commaBefore(s, v) {
		return -1
	}
	for j := v - 1; j > int32(from) && j >= v-14; j-- {
		if toks[j].flags&flagHard != 0 && !t.commaBefore(s, j) {
			return -1
		}
		if toks[j].flags&flagClause == 0 {
			continue
		}
		// the clause opens with a participle after a comma
		if !t.commaBefore(s, j) || !t.edForm(s, j) || s.tokMent[j] >= 0 {
			return -1
		}
		for g := len(p.groups) - 1; g >= 0; g-- {
			if gr := p.groups[g]; gr.b == j && gr.a >= int32(from) {
				return g
			}
		}
		return -1
	}
	return -1
}

// adjunctHead returns the intervention group before group g when g is
// the object of a cause preposition right after it ("Taking X during Y
// treatment may prevent Z", "X with Y lowered Z"): the verb's subject is
// the head, not the adjunct. Else it returns g.
func (t *Tagger) adjunctHead(s *scratch, g int, sa int32) int {
	p := &s.pairs
	toks := s.toks
	if g <= 0 {
		return g
	}
	a := p.groups[g].a
	// a measure of what was given ("during a course of Y")
	if a-3 > sa && t.hasClass2(toks[a-1], cl2PairOf) && s.tokMent[a-2] < 0 && toks[a-1].flags&flagHard == 0 &&
		toks[a-2].flags&flagHard == 0 && !t.onCue(s.cueHits, a-2) && t.hasClass(toks[a-3], clsArticle) {
		a -= 2
	}
	if a > sa && t.hasClass(toks[a-1], clsArticle|clsDeterminer) {
		a--
	}
	if a-1 <= sa || !t.hasClass2(toks[a-1], cl2PairCausePrep) || toks[a-1].flags&flagHard != 0 || toks[a].flags&flagHard != 0 {
		return g
	}
	head, from := a-1, sa
	// a participle of giving before the preposition ("X taken during Y
	// reduced Z"), unless it combines ("X combined with Y": both act);
	// a verb before X does not matter ("No trial has shown that X taken
	// during Y prevents Z")
	// a substance given is the subject too ("butyrate given during Y"),
	// not the community or a condition ("gut bacteria exposed during Y")
	given := false
	if v := a - 2; v > sa && p.groups[g-1].b == v && t.edForm(s, v) && !t.hasClass3(toks[v], cl3Combination) &&
		toks[v].flags&flagHard == 0 && !t.onCue(s.cueHits, v) && s.tokMent[v] < 0 {
		head, from = v, p.groups[g-1].a
		given = t.hasClass2(toks[v], cl2Exposure) && t.groupHasKind(s, g-1, kindMechanism) && !t.groupHasCommunity(s, g-1)
	}
	if p.groups[g-1].b != head || p.groups[g-1].a < sa || !given && !t.groupHasKind(s, g-1, kindIntervention) || p.predBetween(from, p.groups[g].b) {
		return g
	}
	return g - 1
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
	if pr.denial && pr.tok > int32(from) && t.hasClass(toks[pr.tok-1], clsArticle) {
		// "The lack of any effect on Y suggests that X ...": a denial
		// named by a noun ends with its phrase
		for _, h := range s.cueHits {
			if h.tok >= pr.end && h.tok < next && h.bits&(cueHedge|cueFinding|cueVerb) != 0 {
				next = h.tok
				break
			}
		}
	}
	for j := pr.end; j+1 < next; j++ {
		if toks[j+1].flags&flagClause != 0 && t.hasClass2(toks[j+1], cl2Relative) {
			next = j + 1 // "..., which <X> reversed": a relative clause of its own
			break
		}
	}
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
			if left >= 0 && t.peopleWith(s, p.groups[g].a) {
				// "X use was more frequent among patients with Y and Z
				// than ...": the people after "among" are no members
				// of a link; their conditions are the object
				pr.obj = g
				return false, true
			}
			pr.within = g
			pr.obj = t.settingAfter(s, g, sb)
			return false, true
		}
	}
	right := p.groupAfter(pr.end, next)
	if right >= 0 && pr.bits&(cueInc|cueDec) != 0 && t.afterThan(s, p.groups[right].a, pr.end+1) {
		right = -1 // "X reduced lesions more than Y did": Y is compared, not acted on
	}
	if h := t.armInSubject(s, left, from); h >= 0 && left >= 0 && p.groups[left].b <= pr.tok {
		if right < 0 {
			// "Y in X-treated patients fell": the arm is named inside
			// the subject's phrase
			pr.subj, pr.obj = left, h
			if dir := t.comparativeAt(s, s.cueHits, pr.tok); pr.bits&(cueInc|cueDec) == 0 && dir != 0 {
				pr.bits |= directionBits(dir)
			}
			return true, true
		}
		// "W in X-treated mice did not change Y": the animals named
		// after what they took are where W acted
		left = h
	}
	if k < int32(to) && t.hasClass2(toks[k], cl2PairOf) {
		if t.ofPhrase(s, pr, k, sb, left) {
			return false, true
		}
		if pr.bits&cueTopic != 0 {
			return false, true // a noun whose "of" names nothing of the taxonomy
		}
	}
	switch {
	case pr.bits&cueHelp != 0 && left >= 0 && p.groupAfter(pr.end, sb) >= 0 && int(pr.end) < to && t.hasClass2(toks[pr.end], cl2PairCausePrep) &&
		!t.hasClass2(toks[pr.end], cl2PairBy|cl2PairObjectPrep) && t.groupHasKind(s, left, kindIntervention) && t.passive(s, pr, from):
		// "Mice treated with X were protected from (developing) Y": the
		// people given X are its subject, what follows "from" its object
		pr.subj, pr.obj = left, p.groupAfter(pr.end, sb)
	case t.passive(s, pr, from):
		// "Y was reduced by X", "Y caused by X"
		pr.obj = left
		pr.relative = !t.auxBefore(s, pr, from)
		if g := t.causeAfter(s, pr.end, sb, false); g >= 0 {
			pr.subj = g
		} else if g := t.causeAfter(s, pr.end, sb, true); g >= 0 && g != pr.obj && t.groupHasKind(s, g, kindIntervention) {
			pr.subj, armCause = g, true // "Y was restored in X-treated mice", "... with X"
		} else if pr.end < int32(to) && t.hasClass2(toks[pr.end], cl2PairBy) && !t.amountAfter(s, pr.end+1, to) {
			// "Y is depleted by <something outside the taxonomy>" (not "Y
			// fell by a median of 22%": how much)
			pr.outside = true
		} else if g := t.causeBefore(s, left, from); g >= 0 {
			pr.subj = g // "After X, Y was eradicated"
			armCause = t.frontedArm(s, g, from)
		} else if g := t.conditionFoundIn(s, pr.end, sb); g >= 0 && left >= 0 && !t.groupHasKind(s, left, kindCondition) {
			// "<X> was raised in <Y>": a finding in people with the
			// condition, a comparison of groups as "elevated in <Y>" is
			pr.subj, pr.compare = g, true
		}
	case pr.bits&cueReverse != 0:
		pr.subj, pr.obj = right, left
		if pr.bits&cueHelp != 0 && (left >= 0 && !t.groupHasKind(s, left, kindCondition) || right >= 0 && !t.groupHasKind(s, right, kindIntervention)) {
			// "the gut microbiota responds to sleep loss", "acne
			// responds to hormonal changes": only a condition's response
			// to an intervention is relief
			pr.bits = pr.bits&^(cueDec|cueHelp) | cueAssoc
		}
	case (t.hasClass2(toks[pr.tok], cl2OutcomeVerb) || t.linkedComparative(s, pr) || t.comparedAfterCause(s, pr, from, to)) &&
		(right < 0 || p.groups[right].a != pr.end && p.groups[right].a != t.skipFillers(s, pr.end, int32(to), 3) &&
			!t.listLeadIn(s, pr.end, p.groups[right].a)):
		// "Y improved after X", "Y fell in the X group"
		pr.obj = left
		if dir := t.comparativeAt(s, s.cueHits, pr.tok); pr.bits&(cueInc|cueDec) == 0 && dir != 0 {
			pr.bits |= directionBits(dir) // "Y was less severe after X": the comparative's direction
		}
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
		} else if g := t.sharedOutcomeCause(s, i, left); g >= 0 && (right < 0 || t.opensClause(s, pr.end, right)) {
			pr.subj = g // "Y increased with X, and Z fell": the outcomes share their cause
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
	case (left < 0 || pr.tok > int32(from) && (t.hasClass(toks[pr.tok-1], clsConj) || toks[pr.tok].flags&flagClause != 0)) &&
		right >= 0 && t.ingForm(s, pr.tok) && right+1 < len(p.groups) && p.groups[right+1].a < sb &&
		t.instrument(s, right+1) && !t.groupHasKind(s, right, kindIntervention):
		// "Modulating <Y> with X ...": a gerund that opens the sentence
		// (or a clause: "..., and clearing <Y> with X ...") has X, its
		// instrument, as agent.
		pr.subj, pr.obj = right+1, right
	default:
		pr.subj, pr.obj = left, right
	}
	return armCause, false
}

// linkedComparative reports whether predicate pr is a linking verb and a
// comparative, a cue of two words ("got better", "getting worse"): an
// outcome verb, whose subject is the outcome.
func (t *Tagger) linkedComparative(s *scratch, pr *predicate) bool {
	if pr.end-pr.tok != 2 || pr.bits&(cueInc|cueDec) == 0 || !t.hasClass4(s.toks[pr.tok], cl4Linking) {
		return false
	}
	c, end := t.cues.longest(s.toks, int(pr.tok)+1, int(pr.end), nil)
	return c >= 0 && end == int(pr.end) && t.cueBits[c]&cueCompar != 0 // (not "turns into")
}

// amountAfter reports whether an amount follows from token k, before any
// mention, within five words: a number, in digits or words, or a word of
// amounts ("by a median of 22%", "by two thirds", "by about half").
func (t *Tagger) amountAfter(s *scratch, k int32, to int) bool {
	toks := s.toks
	for j := k; int(j) < to && j < k+5 && s.tokMent[j] < 0 && (j == k || toks[j].flags&flagHard == 0); j++ {
		if toks[j].flags&flagDigit != 0 || t.hasClass4(toks[j], cl4Number|cl4Amount) {
			return true
		}
	}
	return false
}

// comparedAfterCause reports whether predicate pr is a comparative after
// a copula followed by a cause of time ("Y was (also) lower after X"): an
// outcome word, whose subject is the outcome.
func (t *Tagger) comparedAfterCause(s *scratch, pr *predicate, from, to int) bool {
	toks := s.toks
	if pr.bits&cueCompar == 0 || pr.compare || t.timeCauseAfter(s, pr.tok, pr.end, to) < 0 {
		return false
	}
	k := pr.tok - 1
	for n := 0; n < 4 && k > int32(from) && (toks[k].flags&flagDigit != 0 ||
		toks[k-1].flags&flagDigit != 0 && joinedByHyphen(s, k)); n++ {
		k-- // "was 2.3-fold higher": the size of the difference
	}
	if k > int32(from) && !t.hasClass(toks[k], clsCopula) && s.tokMent[k] < 0 && !t.onCue(s.cueHits, k) &&
		toks[k].flags&(flagHard|flagClause) == 0 {
		k-- // "was also lower", "was significantly lower", "was 2.3-fold higher"
	}
	return k >= int32(from) && t.hasClass(toks[k], clsCopula)
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
	// "People with <C> report fewer flares after switching to X": the
	// people's condition is what X moved, in the comparative's direction.
	if pr.subj >= 0 && pr.bits&(cueInc|cueDec|cueCompar) == cueCompar && pr.end-pr.tok <= 2 && p.groups[pr.subj].b <= pr.tok &&
		t.populationGroup(s, pr.subj) && t.groupHasKind(s, pr.subj, kindCondition) {
		dir := t.comparativeAt(s, hits, pr.end-1) // ("report fewer": the comparative ends the cue)
		if dir == 0 {
			dir = t.comparativeAt(s, hits, pr.tok)
		}
		if g := t.causeAfter(s, pr.end, sb, true); dir != 0 && g >= 0 && g != pr.subj && t.groupHasKind(s, g, kindIntervention) {
			// "Patients with <C> had higher Y after X", "higher faecal Y
			// with X than with placebo": the concept right after the
			// comparative, maybe past a plain word, is what X moved; else
			// the people's condition ("less Y-related worsening" with a
			// noun of change after Y, "fewer facial flares with X")
			if pr.obj < 0 || pr.obj == pr.subj || pr.obj == g || t.changeNounAfter(s, hits, p.groups[pr.obj].b) ||
				p.groups[pr.obj].a != pr.end && !(p.groups[pr.obj].a == pr.end+1 && t.plainModifier(s, hits, pr.end) &&
					!t.groupHasKind(s, pr.obj, kindCondition)) {
				pr.obj = pr.subj
			}
			pr.subj, pr.caused = g, true
			pr.bits |= directionBits(dir)
		}
	}
	if pr.subj < 0 && pr.obj >= 0 && (pr.bits&(cueInc|cueDec) != 0 || pr.bits&cueCompar != 0 && pr.end-pr.tok <= 2) {
		dir := 0
		if pr.bits&(cueInc|cueDec) == 0 && !t.changeOfNoun(s, hits, pr) { // (a noun of change, "the loss of Y", is not one)
			// "reported fewer Y within six months of starting X"
			if dir = t.comparativeAt(s, hits, pr.tok); dir == 0 {
				dir = t.comparativeAt(s, hits, pr.end-1)
			}
		}
		if g := t.causeAfter(s, p.groups[pr.obj].b, sb, true); g >= 0 && g != pr.obj && dir != 0 && t.groupHasKind(s, g, kindIntervention) {
			pr.subj, pr.caused = g, true
			pr.bits |= directionBits(dir)
		} else if g >= 0 && g != pr.obj && pr.bits&(cueInc|cueDec) != 0 {
			pr.subj, pr.caused = g, true
		}
	}
	// "decreased the production of X": the noun after the verb passes
	// the object of its "of" on; it relates nothing by itself.
	if pr.obj < 0 && i+1 < len(p.preds) && pr.bits&(cueInc|cueDec) != 0 {
		nx := &p.preds[i+1]
		of := nx.end // the "of" after the noun, or ending it ("the risk of")
		if !t.hasClass2(toks[nx.end-1], cl2PairOf) && !(nx.bits&(cueInc|cueDec) != 0 && t.hasClass2(toks[nx.end-1], cl2FindingPrep)) {
			of++ // ("caused an increase in X": a noun of change ends with its "in")
		}
		k := t.skipFillers(s, pr.end, int32(to), 3)
		for n := 0; n < 2 && k < nx.tok && s.tokMent[k] < 0 && !t.onCue(hits, k) && toks[k].flags&flagHard == 0; n++ {
			// "led to a clinically meaningful reduction in X", "led to a
			// 14% reduction in X": an adverb of the adjective, or the
			// size of the change
			if t.ending(s, k, t.adverbEnd) && k+1 < nx.tok ||
				toks[k].flags&(flagDigit|flagLetter) == flagDigit && k+1 == nx.tok && strings.TrimSpace(s.text[toks[k].end:toks[nx.tok].start]) == "%" {
				k++
				continue
			}
			break
		}
		if k+1 == nx.tok && s.tokMent[k] < 0 && !t.onCue(hits, k) && toks[k].flags&(flagHard|flagClause|flagDigit) == 0 && toks[k].flags&flagLetter != 0 {
			k++ // an adjective of its own: "by boosting microbial production of X"
		}
		if k == nx.tok && of-1 < int32(to) && (t.hasClass2(toks[of-1], cl2PairOf) || of == nx.end && t.hasClass2(toks[of-1], cl2FindingPrep)) {
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
				} else if nx.bits&cueAssoc != 0 && pr.bits&dir == cueInc {
					// "increased the odds of remission of X": a noun of
					// likelihood, then a noun of change before X's "of",
					// whose direction the verb raises
					for j := i + 2; j < len(p.preds); j++ {
						if q := &p.preds[j]; q.tok == of && q.end < p.groups[g].a+1 && q.bits&cueNegRel == 0 && q.bits&(cueInc|cueDec) != 0 {
							pr.bits = pr.bits&^dir | q.bits&dir
						}
					}
				}
			}
		}
	}
	// "had fewer markers of Y": a comparative before a noun of
	// association and its "of" compares Y; the noun relates nothing by
	// itself
	if pr.obj < 0 && i+1 < len(p.preds) && pr.bits&relationBits == cueCompar && pr.end-pr.tok == 1 {
		if nx := &p.preds[i+1]; nx.tok == pr.end && nx.bits&relationBits == cueAssoc && nx.end-nx.tok >= 2 && t.hasClass2(toks[nx.end-1], cl2PairOf) {
			if g := p.groupAfter(nx.end, sb); g >= 0 && p.groups[g].a <= nx.end+1 {
				pr.obj, nx.headless = g, true
			}
		}
	}
	// A group of people or animals named after what they took
	// ("<intervention>-treated mice") is no argument, nor what is given
	// alongside ("may help when used alongside a moisturiser").
	if pr.obj >= 0 && (t.populationAfter(s, pr.obj) || t.populationPlace(s, pr.obj) || t.peopleWithout(s, pr.obj) || t.adjunctGroup(s, pr.obj)) {
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
	// "<X> scores were higher in the <Y> group and correlated with Z":
	// the condition of the people compared is the comparison's object
	if pr.compare && pr.obj < 0 && pr.subj >= 0 && p.groups[pr.subj].b <= pr.tok && int(pr.end) < len(toks) {
		if g := t.conditionFoundIn(s, pr.end, sb); g >= 0 && g != pr.subj && !t.groupHasKind(s, pr.subj, kindCondition) {
			pr.obj = g
		}
	}
	// "Zonulin and LPS were elevated in the rosacea group (in patients
	// with rosacea)": the condition of the people compared is associated
	// with what the subject list names.
	if pr.compare && pr.subj < 0 && pr.obj >= 0 && p.groups[pr.obj].b <= pr.tok {
		if g := p.groupAfter(pr.end, sb); g >= 0 && g != pr.obj && p.groups[g].a <= pr.end+5 && t.groupHasKind(s, g, kindCondition) &&
			int(pr.end) < len(toks) && t.hasClass2(toks[pr.end], cl2FindingPrep) {
			pr.subj = g
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
	if !armCause && !pr.afterRel {
		t.sharedSubject(s, hits, i, from)
	}
	if k := pr.tok; k-2 >= int32(from) && t.ingForm(s, k) && t.hasClass3(toks[k-2], cl3TopicHead) && s.tokMent[k-2] < 0 &&
		t.hasClass2(toks[k-1], cl2FindingPrep|cl2PairOf|cl2PairObjectPrep) && toks[k-1].flags&flagHard == 0 && toks[k].flags&flagHard == 0 {
		pr.subj = -1 // "fuelling interest in restoring X": the gerund names a topic, done by no one named
	}
	if g := t.gerundMeansSubject(s, i, from); g >= 0 {
		pr.subj = g // "X works on Y partly by calming Z": the means is the subject's
	}
	// "X, Y and avoiding Z": a gerund that is an item of a list has
	// no subject in it.
	if pr.tok > 1 && t.ingForm(s, pr.tok) && t.hasClass(toks[pr.tok-1], clsConj) &&
		(pr.subj < 0 || p.groups[pr.subj].a < pr.tok) { // (not "and clearing Y with X": X is its agent)
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
	} else if g := t.propertyOwnerAt(s, k-1); k > int32(from) && g >= 0 {
		pr.subj = g // "X has <Y> properties that may help in Z"
	} else if g := t.adjectiveHeadGroup(s, hits, k, from); g >= 0 {
		pr.subj = g // "the inflammatory burden that drives Y": the burden is the concept's
	} else if g := t.measuredBefore(s, k, from); g >= 0 {
		pr.subj = g // "raise <X> levels, which may worsen Y": the levels are the concept's
	} else if g := t.offBalanceBefore(s, k, from); g >= 0 {
		pr.subj = g // "knock <X> out of balance, which may trigger Y": the imbalance of the concept
	} else if g := t.placedBefore(s, hits, k, from); g >= 0 {
		pr.subj = g // "fuel <X> throughout the body, which then worsens Y": the place is the concept's
	} else if g := t.appositiveBefore(s, hits, k, from); g >= 0 {
		pr.subj = g // "<X>, a fatty acid that strengthens Y": the appositive names the concept
	} else if k > int32(from) && s.tokMent[k-1] < 0 && !t.inUnit(s, k-1) && !(t.hasClass3(toks[k-1], cl3StudyNoun) && pr.subj >= 0 && p.groups[pr.subj].a > pr.tok) {
		// (not "trials that reported fewer Y with X": what the studies
		// found, with its own arm after the verb)
		pr.headless = true
		if i > 0 && p.preds[i-1].obj < 0 && pr.obj >= 0 {
			p.preds[i-1].obj = pr.obj
		}
	}
	if pr.subj < 0 && i > 0 && pr.obj >= 0 && pr.bits&cueTopic != 0 && pr.tok > int32(from)+1 && t.hasClass(toks[pr.tok-1], clsArticle) &&
		t.onCueBits(hits, pr.tok-2, cueContrast|cueClauseBreak) && p.preds[i-1].subj >= 0 && p.preds[i-1].bits&(cueInc|cueDec) != 0 {
		// "X reduced Y, but the effect on Z did not reach significance":
		// the effect is the subject's before the contrast, and a
		// significance denied right after it denies it
		pr.subj = p.preds[i-1].subj
		for k := p.groups[pr.obj].b; int(k) < to && k < p.groups[pr.obj].b+5 && toks[k].flags&flagHard == 0; k++ {
			if t.onCueBits(hits, k, cueNeg) {
				for j := k + 1; int(j) < to && j < k+4; j++ {
					if t.onCueBits(hits, j, cueSignif) {
						pr.denial, pr.contrast = true, true
					}
				}
				break
			}
		}
	}
	if pr.subj < 0 && i == 0 && s.lackAt >= 0 && pr.tok >= s.lackSpan[0] && pr.tok < s.lackSpan[1] && len(p.groups) > 0 &&
		p.groups[0].a <= int32(from)+1 && t.anaphoraNear(s, pr.tok-1, -1, 3, from, to) {
		pr.subj = 0 // "X and Y are suggested, but the evidence that they ease Z is thin": the sentence's subject
	} else if pr.subj < 0 && i > 0 && t.anaphoraNear(s, pr.tok-1, -1, 3, from, to) {
		pr.subj = p.subjectBefore(i) // "..., but they may help Y"
	} else if i > 0 && p.preds[i-1].subj >= 0 && p.preds[i-1].subj != pr.obj && !pr.afterRel &&
		(pr.subj >= 0 && t.pronounSubject(s, pr, p.groups[pr.subj].b) || pr.subj < 0 && t.pronounSubject(s, pr, p.preds[i-1].end)) &&
		!t.peopleBeforePronoun(s, pr) {
		// "Although X reduced Y, they had no effect on Z", "..., although
		// it did not significantly alter Z"; past a verb whose subject
		// is the object of the verb before ("X may help Y recover, but
		// they did not prevent Z": X)
		pr.subj = p.subjectBefore(i)
		if t.shownToDenied(s, pr) {
			// "X clears Y, but they have not been shown to reduce Z": the
			// clause denies on its own, whatever the one before says
			pr.denial, pr.contrast = true, true
		}
	} else if pr.subj < 0 && i == 0 && len(p.groups) > 0 && p.groups[0].a <= int32(from)+1 && p.groups[0].b < pr.tok && p.groupOf(0) == 0 &&
		pr.obj != 0 && t.pronounSubject(s, pr, p.groups[0].b) {
		// "X works on Y, but they also wipe out Z": no verb of the
		// taxonomy before, the pronoun stands for the sentence's subject
		pr.subj = 0
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
		c := k - 1 // the conjunction, past an inverted auxiliary ("nor did either change W")
		for c > int32(from)+1 && t.hasClass2(toks[c], cl2Modal) && !t.hasClass(toks[c], clsConj) && toks[c+1].flags&flagClause == 0 {
			c--
		}
		if k > int32(from) && t.hasClass2(toks[k], cl2Collective) && s.tokMent[k] < 0 &&
			(toks[k].flags&flagClause != 0 || t.hasClass(toks[c], clsConj) || t.onCueBits(hits, c, cueClauseBreak|cueContrast)) {
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
		p.groups[pr.subj].last-p.groups[pr.subj].first > 1 && !p.predBetween(p.groups[pr.subj].b, pr.tok) &&
		!(int(pr.end) < to && t.hasClass2(toks[pr.end], cl2PairObjectPrep) && p.predBetween(pr.end, pr.end+3)) {
		// ("with a lower risk of Z": an article before the comparison too)
		// (nor "X and Y were each associated with more severe Z": the
		// object comes with the comparison after the preposition)
		// (not "X and Y lowered Z and were accompanied by ...": the
		// list is the subject of the verb before)
		if t.outsideArgument(s, pr.end, to) || pr.end-pr.tok > 1 && t.outsideArgument(s, pr.end-1, to) ||
			pr.bits&(cueNegRel|cueSimilar) != 0 && t.groupsAfter(s, pr.end, to) || // ("Y and Z did not differ between the groups": the groups are compared)
			pr.end-pr.tok > 1 && t.hasClass2(toks[pr.end-1], cl2FindingPrep) && !t.mentionAfter(s, pr.end, to) {
			// ("both of which were common in the cohort": where they are
			// found names no concept)
			// "X and Y, both of which are shaped by diet": each goes with
			// something outside the taxonomy, not with the other
			pr.outside = true
			return
		}
		pr.within, pr.subj = pr.subj, -1
	}
}

// groupsAfter reports whether groups compared follow token k within four
// words, with no mention before them: "between" or a collective word
// ("both", "all") and a group word ("between the groups", "in both arms";
// not "in this cohort").
func (t *Tagger) groupsAfter(s *scratch, k int32, to int) bool {
	toks := s.toks
	compared := false
	for j := k; int(j) < to && j < k+4 && s.tokMent[j] < 0 && (j == k || toks[j].flags&flagHard == 0); j++ {
		compared = compared || t.hasClass2(toks[j], cl2PairBetween|cl2Collective)
		if compared && t.hasClass(toks[j], clsGroup) && !t.hasClass2(toks[j], cl2PairBetween|cl2Collective) {
			return true
		}
	}
	return false
}

// subordinateSubject returns the group before a clause opened by a
// subordinator ("while", "although": a clause break that is no contrast)
// inside the subject of the verb at token k, when group left, the verb's
// nearest group, stands in that clause: "Eating X while you're on W may help Y" (X is the subject, W
// when). No verb may come before the subordinator (it stands inside the
// subject), which must follow the group within four words and open a
// clause (no concept, article or adjective right after it: not "despite
// probiotic supplementation"), and no clause punctuation may stand between
// it and the verb. Else -1.
func (t *Tagger) subordinateSubject(s *scratch, hits []cueHit, left int, k, from int32) int {
	p := &s.pairs
	toks := s.toks
	for _, h := range hits {
		if h.bits&(relationBits|cueVerb) != 0 && h.bits&cueClauseBreak == 0 && h.tok < p.groups[left].a {
			return -1 // a verb before: the clause is no part of the subject ("X worsened Y while ...")
		}
		if h.bits&cueClauseBreak == 0 || h.tok <= from || h.tok >= p.groups[left].a || h.end-h.tok != 1 || h.bits&cueContrast != 0 {
			continue
		}
		if n := h.end; s.tokMent[n] >= 0 || t.hasClass(toks[n], clsArticle|clsDeterminer|clsAdjective) {
			continue // a phrase, no clause: "X despite probiotic supplementation"
		}
		for j := h.tok; j <= k; j++ {
			if toks[j].flags&(flagHard|flagClause) != 0 {
				return -1
			}
		}
		g := p.groupBefore(h.tok, from)
		if g < 0 || g >= left || h.tok-p.groups[g].b > 4 {
			return -1
		}
		return g
	}
	return -1
}

// denialBefore reports whether a negator or a denial ends right before
// token k or one word before it ("found no (significant) benefit").
func (t *Tagger) denialBefore(hits []cueHit, k int32) bool {
	for _, h := range hits {
		if h.bits&(cueNeg|cueNegRel) != 0 && h.bits&cuePseudo == 0 && (h.end == k || h.end == k-1) {
			return true
		}
	}
	return false
}

// coordinatedCopulaSubject returns the subject of a clause whose second
// verb phrase, after "and" and a copula or an auxiliary, holds the
// predicate at token k: "X has anti-inflammatory properties and is widely
// used as an adjunct in Y", "X weakens W and is a trigger of Y" (the
// first group of the segment from sa, right before a verb of having, a
// copula or a verb of change, and before group left, which is only the
// first verb's object). After a verb of containing, a modal or the
// predicate itself may follow the conjunction: "X contains W and may
// improve Y", "X supplies W and improves Y". Else -1.
func (t *Tagger) coordinatedCopulaSubject(s *scratch, left int, k, sa int32) int {
	p := &s.pairs
	toks := s.toks
	first := p.groupAfter(sa, k)
	if first < 0 || first >= left || int(p.groups[first].b) >= len(toks) {
		return -1
	}
	v := toks[p.groups[first].b]
	holds := t.hasClass4(v, cl4ContainingVerb)
	if v.flags&flagHard != 0 || !holds && !t.hasClass2(v, cl2Have) && !t.hasClass(v, clsCopula) &&
		!slices.ContainsFunc(p.preds, func(q predicate) bool {
			// ("X weakens Y and is a common trigger of Z": a verb of change
			// right after X, with Y its object)
			return q.tok == p.groups[first].b && q.end <= p.groups[left].a && !q.hyphen && q.bits&(cueInc|cueDec) != 0 &&
				q.subj == first && q.obj == left
		}) {
		return -1
	}
	// left is the first verb's object: no conjunction and no other copula
	// between them ("Zinc is a mineral and acne is common and is linked to
	// Y": acne has a clause of its own)
	for j := p.groups[first].b + 1; j < p.groups[left].a; j++ {
		if t.hasClass(toks[j], clsCopula|clsConj) || t.hasClass2(toks[j], cl2Have) {
			return -1
		}
	}
	for j := p.groups[left].b; j+1 <= k; j++ {
		if s.tokMent[j] >= 0 || toks[j].flags&flagHard != 0 && toks[j].flags&flagClause == 0 {
			return -1
		}
		if t.hasClass(toks[j], clsConj) && (t.hasClass(toks[j+1], clsCopula) || t.hasClass2(toks[j+1], cl2PassiveAux|cl2Have) ||
			holds && (j+1 == k || t.hasClass2(toks[j+1], cl2Modal))) {
			// ("X contains Y and may improve Z", "X supplies Y and
			// improves Z": what X holds is no subject of the verb after)
			return first
		}
		if t.hasClass(toks[j], clsCopula) || t.hasClass2(toks[j], cl2Have|cl2PassiveAux) {
			return -1 // (a verb of left's own before the conjunction)
		}
	}
	return -1
}

// peopleRelativeBetween reports whether a population word and a relative
// pronoun after it ("patients who", "people that") stand in tokens [a,
// b), with at most three plain words after them and no concept, copula or
// auxiliary: a verb there is the people's,
// whatever concept comes before ("an adjunct in <Y> for patients who wish
// to limit <W>").
func (t *Tagger) peopleRelativeBetween(s *scratch, a, b int32) bool {
	toks := s.toks
	for k := a; k+1 < b; k++ {
		if s.tokMent[k] >= 0 || toks[k+1].flags&flagHard != 0 && toks[k+1].flags&flagClause == 0 {
			return false
		}
		if t.hasClass2(toks[k], cl2Population) && t.hasClass2(toks[k+1], cl2Relative) && toks[k].flags&flagHard == 0 {
			if b-(k+2) > 3 {
				return false // ("the group who drank the formula had fewer Y": the main verb after the relative clause)
			}
			for j := k + 2; j < b; j++ {
				if s.tokMent[j] >= 0 || toks[j].flags&flagHard != 0 || t.hasClass(toks[j], clsCopula) || t.hasClass2(toks[j], cl2Have|cl2PassiveAux) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// outsideArgument reports whether an agent or an object preposition at
// token k, not one of place, is followed by a phrase that names no
// concept within three words ("shaped by diet", "linked to obesity").
func (t *Tagger) outsideArgument(s *scratch, k int32, to int) bool {
	toks := s.toks
	if int(k) >= to || toks[k].flags&flagHard != 0 || !t.hasClass2(toks[k], cl2PairBy|cl2PairObjectPrep) || t.hasClass2(toks[k], cl2FindingPrep) {
		return false
	}
	g := s.pairs.groupAfter(k, int32(to))
	return g < 0 || s.pairs.groups[g].a > k+3
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

// verbBetween reports whether a predicate in tokens [a, b) is a finite
// verb: not a noun ("after the eradication of Z"), not a gerund right
// at a ("improved by reducing Z": the means), not a word after an
// article.
func (t *Tagger) verbBetween(s *scratch, a, b int32) bool {
	toks := s.toks
	for _, q := range s.pairs.preds {
		if q.tok < a || q.tok >= b || q.hyphen {
			continue
		}
		if q.tok == a && t.ingForm(s, q.tok) || t.nounForm(s, q.tok) ||
			q.tok > 0 && t.hasClass(toks[q.tok-1], clsArticle|clsDeterminer) {
			continue
		}
		return true
	}
	return false
}

// gerundMeansSubject returns the intervention group that opens the
// clause of predicate i when i is a gerund after "by" (past an adverb)
// and no predicate comes before it: "X works on Y partly by calming Z"
// names X's means even when the verb before it is no relation word. Else
// it returns -1.
func (t *Tagger) gerundMeansSubject(s *scratch, i, from int) int {
	p := &s.pairs
	toks := s.toks
	pr := &p.preds[i]
	for j := range p.preds[:i] {
		if !p.preds[j].hyphen {
			return -1
		}
	}
	k := pr.tok - 1
	if k > int32(from) && t.ending(s, k, t.adverbEnd) {
		k--
	}
	if k <= int32(from) || !t.hasClass2(toks[k], cl2PairBy) || !t.ingForm(s, pr.tok) || toks[pr.tok].flags&flagHard != 0 {
		return -1
	}
	sa, _ := segment(s, pr.tok)
	for g, gr := range p.groups {
		if gr.b > k {
			break
		}
		if gr.a >= sa && g != pr.obj && t.groupHasKind(s, g, kindIntervention) {
			return g
		}
	}
	return -1
}

// adjectiveHeadGroup returns the group that ends, as a modifier, right
// before the singular head noun that a relative pronoun at token k
// follows ("the inflammatory burden that drives Y", "an inflammatory
// response that worsens Y"), or -1.
func (t *Tagger) adjectiveHeadGroup(s *scratch, hits []cueHit, k int32, from int) int {
	p := &s.pairs
	if k < int32(from)+2 || s.tokMent[k-1] >= 0 || s.tokMent[k-2] < 0 || !t.headNoun(s, hits, k-1) ||
		t.pluralAt(s, k-1) {
		return -1
	}
	for g, gr := range p.groups {
		if gr.b == k-1 {
			return g
		}
	}
	return -1
}

// sizeWordEnd returns the token after a size of change in words that
// starts at "by" at token j ("by almost half", "by a third"), before hi,
// or -1.
func (t *Tagger) sizeWordEnd(s *scratch, hits []cueHit, j, hi int32) int32 {
	toks := s.toks
	if !t.hasClass2(toks[j], cl2PairBy) {
		return -1
	}
	for e := j + 1; e < hi && e <= j+4; e++ {
		if s.tokMent[e] >= 0 || t.onCue(hits, e) || toks[e].flags&(flagHard|flagClause) != 0 ||
			t.hasClass(toks[e], clsArticle) && !t.hasClass2(toks[e], cl2Indefinite) {
			return -1 // (not "by the third week": an ordinal)
		}
		if t.hasClass3(toks[e], cl3SizeWord) {
			return e + 1
		}
	}
	return -1
}

// conditionFoundIn returns the group of conditions right after a finding
// preposition at token k ("in psoriasis", "in patients with psoriasis"),
// or -1.
func (t *Tagger) conditionFoundIn(s *scratch, k, sb int32) int {
	p := &s.pairs
	if k >= sb || !t.hasClass2(s.toks[k], cl2FindingPrep) || s.toks[k].flags&flagHard != 0 {
		return -1
	}
	g := p.groupAfter(k+1, sb)
	if g < 0 || p.groups[g].a > k+4 || !t.groupHasKind(s, g, kindCondition) || t.groupHasKind(s, g, kindIntervention) ||
		p.cueOrBreak(t, s, k+1, p.groups[g].a) {
		return -1
	}
	return g
}

// measuredBefore returns the group that ends right before a count noun
// ("levels", "concentrations") or another head noun of its phrase
// ("responses") at token k - 1, the relative pronoun at k speaking of the
// concept ("<X> levels, which ...", "the <X> responses that ..."),
// or -1.
func (t *Tagger) measuredBefore(s *scratch, k int32, from int) int {
	p := &s.pairs
	toks := s.toks
	if k < int32(from)+2 || toks[k-1].flags&(flagHard|flagClause) != 0 || t.hasClass2(toks[k-1], cl2Population) ||
		!t.hasClass2(toks[k-1], cl2CountNoun) && !(t.headNoun(s, s.cueHits, k-1) && t.nounForm(s, k-1)) {
		return -1
	}
	if g := p.groupBefore(k-1, int32(from)); g >= 0 && p.groups[g].b == k-1 && p.groups[g].last-p.groups[g].first == 1 {
		return g
	}
	return -1
}

// offBalanceBefore returns the group said to be off (or back in) its
// balance right before the relative pronoun at token k ("<X> out of
// balance, which ...", "<X> back into balance, which ..."): a composition
// word after up to three particles and prepositions, maybe after a copula,
// a modal or a linking verb ("<X> is out of balance, which ..."), or -1.
func (t *Tagger) offBalanceBefore(s *scratch, k int32, from int) int {
	toks := s.toks
	if k < int32(from)+2 || !t.hasClass(toks[k-1], clsComposition) {
		return -1
	}
	b := k - 1
	for b > int32(from) && k-1-b < 3 && toks[b-1].flags&flagHard == 0 && t.balancePrep(toks[b-1]) {
		b--
	}
	if b == k-1 {
		return -1
	}
	p := &s.pairs
	if g := p.groupBefore(b, int32(from)); g >= 0 && p.groups[g].b == b {
		return g
	}
	// "The gut flora is (can fall) out of balance, which may trigger Y":
	// a copula, a modal or a linking verb between the concept and its
	// imbalance
	e := b
	for e > int32(from) && b-e < 3 && toks[e].flags&flagHard == 0 && s.tokMent[e-1] < 0 &&
		(t.hasClass(toks[e-1], clsCopula) || t.hasClass2(toks[e-1], cl2Modal) || t.hasClass4(toks[e-1], cl4Linking)) {
		e--
	}
	if g := p.groupBefore(e, int32(from)); e < b && g >= 0 && p.groups[g].b == e {
		return g
	}
	return -1
}

// balancePrep reports whether token tk is a particle or preposition that
// makes the composition word after it a noun ("out of balance", "off
// balance", "back into balance", "in balance").
func (t *Tagger) balancePrep(tk token) bool {
	return t.hasClass2(tk, cl2PairOf|cl2FindingPrep) || t.hasClass(tk, clsAvoidParticle) || t.hasClass3(tk, cl3PlacePrep)
}

// placedBefore returns the group whose place phrase ends right before the
// relative pronoun at token k ("<X> throughout the body, which ...", "<X>
// in the gut that ..."): a place or finding preposition right after the
// group, then up to four plain words, no people among them ("bacteria in
// patients who ..."), or -1.
func (t *Tagger) placedBefore(s *scratch, hits []cueHit, k int32, from int) int {
	return t.phraseBefore(s, hits, k, from, 5, func(b int32) bool {
		return t.hasClass2(s.toks[b], cl2FindingPrep) || t.hasClass3(s.toks[b], cl3PlacePrep)
	})
}

// phraseBefore returns the group right before a phrase that ends at the
// relative pronoun at token k: the phrase starts right after the group
// with a word that opens accepts, at most gap words before k, and goes on
// with plain words, no people among them; else -1 (placedBefore,
// appositiveBefore).
func (t *Tagger) phraseBefore(s *scratch, hits []cueHit, k int32, from int, gap int32, opens func(b int32) bool) int {
	toks := s.toks
	if k < int32(from)+3 {
		return -1
	}
	g := s.pairs.groupBefore(k-1, int32(from))
	if g < 0 {
		return -1
	}
	b := s.pairs.groups[g].b
	if b >= k-1 || k-b > gap || !opens(b) || !t.onlyWordsBetween(s, b+1, k, func(j int32) bool {
		return s.tokMent[j] < 0 && !t.onCue(hits, j) && toks[j].flags&(flagDigit|flagLetter) == flagLetter &&
			!t.hasClass2(toks[j], cl2Population|cl2Relative)
	}) {
		return -1
	}
	return g
}

// comparedInPeople reads "found higher X and Y in patients with Z (than
// in controls)": a comparative adjective right before its objects, with no
// subject, and a condition found in people right after them compare the
// people with others; each object is associated with the condition.
func (t *Tagger) comparedInPeople(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj >= 0 || pr.obj < 0 || pr.bits&^cueCompar != 0 || pr.end-pr.tok != 1 || p.groups[pr.obj].a > pr.end+2 {
			continue
		}
		_, sb := segment(s, pr.tok)
		if g := t.conditionFoundIn(s, p.groups[pr.obj].b, sb); g >= 0 && g != pr.obj {
			pr.subj, pr.compare = g, true
		}
	}
}

// correlatedChanges reads "The reduction in Y (did not) correlate(d) with
// the rise in X": a noun of change whose object is the subject of a verb
// of association right after it names what the verb relates; it makes no
// pair of its own.
func (t *Tagger) correlatedChanges(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.end-pr.tok < 2 || pr.bits&(cueInc|cueDec) == 0 || !t.hasClass2(toks[pr.end-1], cl2FindingPrep|cl2PairOf) ||
			p.groups[pr.obj].a != pr.end {
			continue
		}
		for j := i + 1; j < len(p.preds); j++ {
			q := &p.preds[j]
			if q.tok < p.groups[pr.obj].b {
				continue
			}
			if q.tok-p.groups[pr.obj].b > 4 {
				break
			}
			if t.associationOnly(q) && q.subj == pr.obj && q.obj >= 0 && !t.hasClass2(toks[q.end-1], cl2FindingPrep) {
				pr.headless = true
			}
			break
		}
	}
}

// appositiveBefore returns the group right before an appositive that ends
// at the relative pronoun at token k ("<X>, a fatty acid that ...", "<X>,
// the main fuel of colon cells, which ..."): a comma after the group,
// then an article and up to five plain words, or -1.
func (t *Tagger) appositiveBefore(s *scratch, hits []cueHit, k int32, from int) int {
	return t.phraseBefore(s, hits, k, from, 6, func(b int32) bool { return t.appositiveOpens(s, b) })
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
// stands before it; none when the nearest is the sentence's first group
// and set aside ("Unlike X, plain water did not trigger Y").
func (t *Tagger) leftGroup(s *scratch, k, sa int32) int {
	p := &s.pairs
	g := p.groupBefore(k, sa)
	if g == 0 && t.groupSetAside(s, g) {
		return -1 // "Unlike X, Z did not trigger Y", "Not X but Z ...": the verb's subject is not X
	}
	if g <= 0 || !t.populationGroup(s, g) && !t.purposeGroup(s, g) && !t.adjunctGroup(s, g) && !t.groupSetAside(s, g) && !t.addedToGroup(s, g) &&
		!t.donorGroup(s, g) && !t.settingOfIntervention(s, g) {
		return g
	}
	lo := sa
	if t.groupSetAside(s, g) {
		lo = 0 // "W, but not X, cleared Y": W stands before the contrast
	}
	if h := p.groupBefore(p.groups[g].a, lo); h >= 0 {
		if t.populationGroup(s, g) && t.clauseBetweenGroups(s, p.groups[h].b, p.groups[g].a) && !t.peopleInSetting(s, p.groups[g].a) {
			// "X calms Y, and (studies show that) people with <Z> have
			// less W": the people open a clause of their own
			return g
		}
		return h
	}
	return g
}

// peopleInSetting reports whether the people whose condition starts at
// token a follow a preposition of finding ("in people with <Y>"): a
// setting, no subject.
func (t *Tagger) peopleInSetting(s *scratch, a int32) bool {
	toks := s.toks
	for k := a - 1; k > 0 && k >= a-5; k-- {
		if t.hasClass2(toks[k], cl2Population) {
			j := k - 1
			for j > 0 && (t.hasClass(toks[j], clsArticle|clsDeterminer) || t.adjectiveWord(s, j)) && toks[j+1].flags&flagHard == 0 {
				j--
			}
			return t.hasClass2(toks[j], cl2FindingPrep) && toks[j+1].flags&flagHard == 0
		}
	}
	return false
}

// clauseBetweenGroups reports whether a clause opens in tokens [a, b): a
// contrast, a subordinator, a conjunction after a comma, or a verb of
// finding ("show that").
func (t *Tagger) clauseBetweenGroups(s *scratch, a, b int32) bool {
	return slices.ContainsFunc(s.cueHits, func(h cueHit) bool { return h.tok >= a && h.tok < b && h.bits&cueFinding != 0 }) ||
		t.clauseOpenerBetween(s, s.cueHits, a, b)
}

// settingOfIntervention reports whether group g, a condition, follows
// "in" and an intervention that studies were of ("trials of X in Y have
// reported ..."): the setting where X was given, no subject of the verb after it.
func (t *Tagger) settingOfIntervention(s *scratch, g int) bool {
	p := &s.pairs
	a := p.groups[g].a
	if g == 0 || a < 2 || !t.groupHasKind(s, g, kindCondition) || !t.hasClass2(s.toks[a-1], cl2FindingPrep) || s.toks[a-1].flags&flagHard != 0 {
		return false
	}
	h := p.groups[g-1]
	if h.b < a-3 || !t.groupHasKind(s, g-1, kindIntervention) ||
		!t.onlyWordsBetween(s, h.b, a-1, func(k int32) bool {
			return s.tokMent[k] < 0 && !t.onCue(s.cueHits, k) && s.toks[k].flags&flagLetter != 0
		}) {
		return false // (its head noun may follow: "a high-fibre diet in Y")
	}
	// the intervention is what studies were of: "trials of (oral) X in Y"
	k := h.a - 1
	for k > 0 && s.tokMent[k] < 0 && (t.adjectiveWord(s, k) || k == h.a-1 && t.hasClass(s.toks[k], clsArticle) && !t.hasClass2(s.toks[k], cl2PairOf)) && s.toks[k].flags&flagHard == 0 {
		k--
	}
	return k > 0 && t.hasClass2(s.toks[k], cl2PairOf) && t.hasClass3(s.toks[k-1], cl3StudyNoun)
}

// relativeHead returns the group whose non-restrictive relative clause
// ends right before the verb at token k ("X, which feeds Y in the gut,
// might help prevent Z": up to eight words of no concept between the
// closing comma and the verb), or -1. The clause holds no comma of its
// own.
func (t *Tagger) relativeHead(s *scratch, hits []cueHit, k int32, from int) int {
	g := t.relativeHeadAt(s, hits, k, from)
	// "X, which is produced by W, which ferments F, lowers Z": a head
	// inside an earlier relative clause of its own is that clause's, and
	// the verb after both is the first head's
	for n := 0; g >= 0 && n < 3; n++ {
		r := t.relativeBeforeGroup(s, g, from)
		if r < 0 {
			break
		}
		h := s.pairs.groupBefore(r, int32(from))
		if h < 0 || h == g || s.pairs.groups[h].b != r {
			break
		}
		g = h
	}
	return g
}

// restrictiveObjectRelatives reads a restrictive relative clause whose
// verb has no object after it: "the good bacteria that antibiotics knock
// back" says X (antibiotics) acts on the head before "that" (the
// bacteria); the verb right after the clause is the head's ("The gut
// bacteria that fibre feeds produce butyrate").
func (t *Tagger) restrictiveObjectRelatives(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.hyphen || pr.denial || pr.within >= 0 || pr.tok == 0 {
			continue
		}
		_, sb := segment(s, pr.tok)
		// no object of its own after it: none, or another verb first
		if o := pr.obj; o >= 0 && p.groups[o].a >= pr.end && !(p.groups[o].a > pr.end && p.predBetween(pr.end, p.groups[o].a)) {
			continue
		}
		k := t.skipModalsBack(s, pr.tok, 0)
		x := p.groupBefore(k, 0)
		if x < 0 || p.groups[x].b != k || p.groups[x].last-p.groups[x].first != 1 {
			continue
		}
		r := p.groups[x].a - 1
		if r < 1 || !t.hasClass2(toks[r], cl2Relative) || t.hasClass2(toks[r], cl2Population) || toks[r].flags&flagClause != 0 ||
			toks[p.groups[x].a].flags&flagHard != 0 {
			continue
		}
		y := p.groupBefore(r, 0)
		if y < 0 || y == x || p.groups[y].b != r || p.groups[y].b > sb {
			continue
		}
		pr.subj, pr.obj, pr.relative, pr.headless, pr.outside = x, y, false, false, false
		// the verb after the clause is the head's
		for j := i + 1; j < len(p.preds); j++ {
			if q := &p.preds[j]; q.subj == x && q.tok >= pr.end && q.tok <= pr.end+2 {
				q.subj = y
			}
		}
	}
}

// purposeOfGiven reports whether group g is the object of a purpose
// infinitive right after an intervention given (group g-1: "mice given X
// to wipe out their W"), and the verb at token k follows g with only
// auxiliaries between ("were protected"): the verb is the people's.
func (t *Tagger) purposeOfGiven(s *scratch, g int, k int32) bool {
	p := &s.pairs
	toks := s.toks
	prev, gr := p.groups[g-1], p.groups[g]
	if !t.groupHasKind(s, g-1, kindIntervention) || !p.units[prev.first].given || gr.b > k ||
		prev.b >= gr.a || gr.a-prev.b > 5 || !t.hasClass2(toks[prev.b], cl2PurposeTo) {
		return false
	}
	for j := prev.b; j < k; j++ {
		if toks[j].flags&flagHard != 0 {
			return false
		}
	}
	for j := gr.b; j < k; j++ {
		if !t.hasClass(toks[j], clsCopula) && !t.hasClass2(toks[j], cl2PassiveAux|cl2Modal|cl2Have) {
			return false
		}
	}
	return true
}

// relativeBeforeGroup returns the relative pronoun after a comma that
// opens the clause group g stands in ("..., which is produced by <g>"),
// when only plain words lie between, or -1.
func (t *Tagger) relativeBeforeGroup(s *scratch, g int, from int) int32 {
	toks := s.toks
	a := s.pairs.groups[g].a
	for r := a - 1; r > int32(from) && r >= a-8; r-- {
		if s.tokMent[r] >= 0 || toks[r].flags&flagHard != 0 && toks[r].flags&flagClause == 0 {
			return -1
		}
		if toks[r].flags&flagClause != 0 {
			if t.hasClass2(toks[r], cl2Relative) && t.commaBefore(s, r) {
				return r
			}
			return -1
		}
	}
	return -1
}

// relativeHeadAt is relativeHead for one relative clause.
func (t *Tagger) relativeHeadAt(s *scratch, hits []cueHit, k int32, from int) int {
	toks := s.toks
	j := k
	for n := 0; n < 8 && j > int32(from) && toks[j].flags&flagClause == 0; n++ {
		// (verbs in a chain too: "might help prevent or treat Z"; the
		// words of a copula's complement: "has been proposed as an
		// alternative maintenance therapy for Z")
		if s.tokMent[j-1] >= 0 || toks[j-1].flags&(flagDigit|flagLetter) != flagLetter {
			return -1
		}
		j--
	}
	if j <= int32(from) || !t.commaBefore(s, j) || t.hasClass2(toks[j], cl2Relative) {
		// (", which V1 Y, which V2 Z": a relative clause of its own
		// after the first, about Y; no verb after the first)
		return -1
	}
	for r := j - 1; r > int32(from) && r >= j-20; r-- {
		if toks[r].flags&flagClause == 0 {
			continue
		}
		if r+2 < j && t.hasClass2(toks[r], cl2Collective) && t.hasClass2(toks[r+1], cl2PairOf) && t.hasClass2(toks[r+2], cl2Relative) &&
			t.commaBefore(s, r) {
			// "X and Y, both of which have Z, may reduce W"
		} else if !t.hasClass2(toks[r], cl2Relative) || !t.commaBefore(s, r) {
			return -1
		}
		for _, u := range s.pairs.units {
			if u.a > r && u.b <= j && u.given {
				return -1 // "Children with Y, who were given X, had less Z": the people's arm acts
			}
		}
		// the group right before "which", or before a phrase of plain
		// words that a preposition opens ("X from green tea and cocoa,
		// which ...")
		for g := len(s.pairs.groups) - 1; g >= 0; g-- {
			b := s.pairs.groups[g].b
			if b > r {
				continue
			}
			if t.peopleWith(s, s.pairs.groups[g].a) {
				return -1 // the condition of the people the clause is about
			}
			if b == r {
				return g
			}
			if r-b > 6 || !t.hasClass2(toks[b], cl2PairCausePrep|cl2PairObjectPrep|cl2PairOf) && !t.hasClass3(toks[b], cl3PlacePrep) {
				return -1
			}
			for q := b; q < r; q++ {
				if s.tokMent[q] >= 0 || t.onCue(hits, q) || q > b && toks[q].flags&(flagHard|flagClause) != 0 {
					return -1
				}
			}
			return g
		}
		return -1
	}
	return -1
}

// covaries reports whether group g, the cause of an outcome verb, follows
// a word that is both a cause and an object preposition ("with") and names
// no intervention: "Y rose with <Z>" says that Y and Z vary together.
func (t *Tagger) covaries(s *scratch, g int) bool {
	if t.groupHasKind(s, g, kindIntervention) {
		return false
	}
	j := t.wordBefore(s, s.pairs.groups[g].a, 3)
	return j >= 0 && t.hasClass2(s.toks[j], cl2PairCausePrep) && t.hasClass2(s.toks[j], cl2PairObjectPrep)
}

// donorGroup reports whether group g names, by what they were given, the
// people or animals something comes from ("FMT from <X>-fed donors"): a
// source, not the subject.
func (t *Tagger) donorGroup(s *scratch, g int) bool {
	j := t.wordBefore(s, s.pairs.groups[g].a, 3)
	if j <= 0 || !t.hasClass2(s.toks[j], cl2PairCausePrep) || s.tokMent[j-1] < 0 {
		return false
	}
	e := int(s.pairs.groups[g].b)
	if e+1 < len(s.toks) && t.hasClass(s.toks[e], clsGiven) {
		e++ // "<X>-fed donors"
	}
	return e < len(s.toks) && t.hasClass2(s.toks[e], cl2Population) && !t.groupHasKind(s, g, kindCondition)
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
	if h < 0 || p.groups[h].b != int32(j) && !(p.groups[h].b == int32(j)-1 && s.tokMent[j-1] < 0 && !t.onCue(s.cueHits, int32(j)-1) &&
		toks[j-1].flags&(flagHard|flagDigit) == 0 && toks[j-1].flags&flagLetter != 0) {
		return false // ("adding Lactobacillus strains to <Y>": the added item's head noun)
	}
	a = p.groups[h].a
	for a > 1 && s.tokMent[a-1] < 0 && joinedByHyphen(s, a-1) {
		a -= 2 // "adding a two-strain X to <Y>": a compound modifier
	}
	k := t.wordBefore(s, a, 3)
	return k >= 0 && t.hasClass2(toks[k], cl2AdditionWord) // "adding X to <Y>"
}

// addedToUnit reports whether unit u belongs to a group that names what
// something else is added to (addedToGroup).
func (t *Tagger) addedToUnit(s *scratch, u int) bool {
	g := s.pairs.groupOf(u)
	return g >= 0 && t.addedToGroup(s, g)
}

// adjunctGroup reports whether group g follows an adjunct word ("X
// alongside <Y>", "X given without <Y>"), past articles and determiners.
func (t *Tagger) adjunctGroup(s *scratch, g int) bool {
	a := s.pairs.groups[g].a
	for j := a - 1; j >= 0 && j >= a-4; j-- {
		switch {
		case t.hasClass2(s.toks[j], cl2Adjunct):
			return true
		case j > 0 && t.hasClass(s.toks[j], clsWithout) && s.tokMent[j-1] < 0 && (t.edForm(s, j-1) || t.hasClass2(s.toks[j-1], cl2Exposure)):
			return true // "X given without <Y>": what was not given with it
		case s.toks[j+1].flags&flagHard != 0 || s.tokMent[j] >= 0 || t.onCue(s.cueHits, j):
			return false
		case !t.hasClass(s.toks[j], clsArticle|clsDeterminer|clsAdjective) && !t.sampleWord(s, j):
			return false // ("alongside their usual face wash": words of its phrase)
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
	if t.peopleWithout(s, g) {
		return true // "(no benefit was seen) in patients without <Y>": who they are
	}
	if !t.groupHasKind(s, g, kindCondition) && !t.groupHasState(s, g) {
		return !t.groupHasKind(s, g, kindIntervention) && t.exposedPopulation(s, gr.a)
	}
	if int(gr.b) < len(toks) && t.hasClass2(toks[gr.b], cl2Population) && toks[gr.b].flags&flagHard == 0 {
		return true
	}
	for j := gr.a - 1; j >= 0 && j >= gr.a-4; j-- {
		if toks[j+1].flags&(flagHard|flagClause) != 0 {
			return false // "In the X group, <condition> improved": the people end their phrase
		}
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

// peopleWithout reports whether group g names people by what they lack
// ("patients without <Y>", "patients (with <W>) who did not have <Y>",
// "people who had no <Y>"): who they are, no argument. An intervention
// there is an arm not given it (withheld), not a population.
func (t *Tagger) peopleWithout(s *scratch, g int) bool {
	toks := s.toks
	k := s.pairs.groups[g].a - 1
	if t.groupHasKind(s, g, kindIntervention) {
		return false
	}
	if k > 0 && t.hasClass(toks[k], clsNegWord) && t.hasClass2(toks[k-1], cl2Population) && toks[k].flags&flagHard == 0 {
		return true
	}
	// "patients (with <W>) who did not have <Y>", "people who had no <Y>"
	neg := false
	for j := k; j > 0 && j >= k-4; j-- {
		if toks[j+1].flags&flagHard != 0 || s.tokMent[j] >= 0 {
			return false
		}
		switch {
		case t.hasClass(toks[j], clsNegWord) || t.onCueBits(s.cueHits, j, cueNeg):
			neg = true
		case t.hasClass2(toks[j], cl2Have|cl2EllipsisAux):
		case t.hasClass2(toks[j], cl2Relative):
			// (the people may be named by a condition of theirs:
			// "patients with <W> who did not have <Y>")
			m := s.tokMent[j-1]
			return neg && toks[j].flags&flagHard == 0 && (t.hasClass2(toks[j-1], cl2Population) || m >= 0 && t.peopleWith(s, s.ments[m].tokStart))
		default:
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
	if e < sb && t.hasClass2(toks[e], cl2PairObjectPrep|cl2PairCausePrep|cl2PairBy) &&
		!(t.hasClass2(toks[e], cl2FindingPrep) && !t.hasClass2(toks[e], cl2PairCausePrep|cl2PairBy)) {
		// (not "in <condition>": where it is found, no agent)
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
		if pr.bits&(cueHelp|cueHarm) != 0 && e < sb && t.hasClass2(toks[e], cl2FindingPrep) && toks[e].flags&flagHard == 0 {
			// "the benefit of X in <condition>": the condition helped
			if g := p.groupAfter(e+1, sb); g >= 0 && p.groups[g].a <= e+3 && t.groupHasKind(s, g, kindCondition) &&
				!t.groupHasKind(s, g, kindIntervention) && !t.peopleWith(s, p.groups[g].a) {
				pr.obj = g
			}
		}
	case g2 >= 0:
		pr.subj = g2
	default:
		if g := t.causeAfter(s, e, sb, true); g >= 0 && !(e < sb && t.hasClass(toks[e], clsConj)) {
			// (not "... a higher risk of Y and with elevated Z": a
			// preposition repeated after a conjunction adds an object)
			pr.subj = g
		} else if q := t.seriesBefore(s, pr, left); q >= 0 {
			pr.subj = p.preds[q].subj // "X led to a reduction in Y and a worsening of Z"
		} else if left >= 0 {
			pr.subj = left
		}
	}
	return true
}

// findingItem reports whether noun of change pr follows group left in a
// list of findings that a verb with no subject in the taxonomy reports
// ("studies reported reduced <left> and an expansion of Z in patients
// with Y"): the noun is an item of the list, left no cause of it.
func (t *Tagger) findingItem(s *scratch, pr *predicate, left int) bool {
	p := &s.pairs
	toks := s.toks
	if !t.changePhrase(s, pr) {
		return false // (or a comparison phrase: "an expansion of")
	}
	if !t.itemAfter(s, pr, left) || toks[pr.tok-1].flags&flagHard != 0 {
		return false
	}
	for q := range p.preds {
		if qp := &p.preds[q]; qp.tok < pr.tok && qp.obj == left && qp.subj < 0 && !qp.hyphen {
			return true
		}
	}
	return false
}

// seriesBefore returns the predicate whose object is group left when noun
// of change pr follows that object in a series ("a reduction in <left> and
// a worsening of Z"): pr shares its subject. Else -1.
func (t *Tagger) seriesBefore(s *scratch, pr *predicate, left int) int {
	p := &s.pairs
	if left < 0 || !t.nounOfChange(s, pr) || !t.itemAfter(s, pr, left) {
		return -1
	}
	for q := range p.preds {
		if qp := &p.preds[q]; qp.tok < pr.tok && qp.obj == left && qp.subj >= 0 && qp.subj != left {
			return q
		}
	}
	return -1
}

// itemAfter reports whether predicate pr, a noun, is the next item of a
// list after group left (and its head noun): a conjunction, maybe an
// article and plain words stand between ("<left> and a worsening of Z",
// "<left> load and a marked loss of Z").
func (t *Tagger) itemAfter(s *scratch, pr *predicate, left int) bool {
	toks := s.toks
	e := s.pairs.groups[left].b
	if e+1 < pr.tok && t.sampleWord(s, e) && !t.onCue(s.cueHits, e) && t.hasClass(toks[e+1], clsConj) {
		e++ // the head noun: "a fall in <W> load and ..."
	}
	if e >= pr.tok || !t.hasClass(toks[e], clsConj) || toks[e].flags&flagHard != 0 && toks[e].flags&flagClause == 0 {
		return false
	}
	for k := e + 1; k < pr.tok; k++ {
		if s.tokMent[k] >= 0 || t.onCue(s.cueHits, k) || toks[k].flags&flagHard != 0 || !t.hasClass(toks[k], clsArticle) && !t.sampleWord(s, k) {
			return false
		}
	}
	return true
}

// changePhrase reports whether predicate pr is a noun of change or a
// comparison phrase with its preposition ("a worsening of", "a loss of",
// "an expansion of").
func (t *Tagger) changePhrase(s *scratch, pr *predicate) bool {
	return t.nounOfChange(s, pr) || pr.bits&cueCompar != 0 && pr.end-pr.tok >= 2 && t.hasClass2(s.toks[pr.end-1], cl2PairOf|cl2FindingPrep)
}

// instrument reports whether group g comes right after "with" or "by"
// and names an intervention: the agent of the verb before it.
func (t *Tagger) instrument(s *scratch, g int) bool {
	p := &s.pairs
	a := p.groups[g].a
	measure := false // "with a course of X", "with daily doses of X": one measure of X
	for j := a - 1; j >= 0 && j >= a-5; j-- {
		if t.hasClass2(s.toks[j], cl2PairBy) || t.hasClass2(s.toks[j], cl2PairCausePrep) && t.hasClass2(s.toks[j], cl2PairObjectPrep) {
			return t.groupHasKind(s, g, kindIntervention)
		}
		if !measure && j == a-1 && j >= 2 && t.hasClass2(s.toks[j], cl2PairOf) && s.tokMent[j-1] < 0 &&
			!t.onCue(s.cueHits, j-1) && s.toks[j-1].flags&(flagHard|flagClause|flagDigit) == 0 && s.toks[j].flags&flagHard == 0 {
			measure = true
			j-- // the measure's noun
			continue
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
	for j >= 0 {
		if p.preds[j].hyphen {
			j-- // a hyphenated modifier ("<X>-induced") lies inside a noun phrase
			continue
		}
		if j > 0 && p.preds[j-1].hyphen && p.preds[j-1].end == p.preds[j].tok && j-1 > 0 && t.nounOfChange(s, &p.preds[j]) {
			// and so does the noun it qualifies: "X prevented the
			// <Y>-induced rise in Z, lowered W and ..." (the verbs share
			// X)
			j -= 2
			continue
		}
		break
	}
	if j < 0 || p.preds[i].hyphen {
		return
	}
	pr, prev := &p.preds[i], &p.preds[j]
	toks := s.toks
	if pr.subj >= 0 && prev.obj >= 0 && t.agentAfterBy(s, pr) && (t.byAfter(s, prev) || t.passive(s, prev, from)) && (prev.subj < 0 || p.groups[prev.subj].b < pr.tok) &&
		p.groups[prev.obj].b <= prev.tok && t.conjBeforeVerb(s, pr.tok, from) {
		// "Y is worsened by A and eased by B": passives in a series
		// share the object before them, each with its own agent (the
		// second is no reduced relative clause)
		// ("was not affected by W or improved by X" keeps the denial)
		pr.obj, pr.relative, pr.headless = prev.obj, false, false
		pr.ownAgent = !t.hasClass4(toks[t.skipModalsBack(s, pr.tok, from)-1], cl4Disjunction)
		return
	}
	if (pr.subj < 0 || pr.subj == prev.obj) && pr.obj >= 0 && p.groups[pr.obj].a >= pr.end && prev.subj < 0 && prev.obj >= 0 && p.groups[prev.obj].b <= prev.tok &&
		prev.end+1 == t.skipModalsBack(s, pr.tok, from) && t.hasClass(toks[prev.end], clsConj) && toks[prev.end].flags&flagHard == 0 &&
		t.passive(s, prev, from) && !t.byAfter(s, prev) {
		// "Zonulin was raised and correlated with PASI": the subject of
		// a passive with no agent is the subject of the active verb
		// coordinated with it
		pr.subj, pr.outside = prev.obj, false
		return
	}
	if prev.obj < 0 && prev.within < 0 {
		// the verb before relates nothing ("in 68% of treated patients",
		// "to a similar degree"): the subject comes from the one before it
		if d := t.adjunctCoordinated(s, hits, i, from); d >= 0 {
			pr.subj = p.preds[d].subj
			if p.preds[d].population {
				pr.compare, pr.population = true, true
			}
			return
		}
	}
	if c := t.skipModalsBack(s, pr.tok, from); pr.subj >= 0 && toks[c].flags&flagClause != 0 && t.afterExamples(s, c, from) {
		return // "Interventions that tighten Y, such as X, (may) reduce Z": the examples act
	}
	for d := j; d >= 0; d-- {
		// "X reduced Y among affected infants, but did not lower W":
		// the last verb with a direction gives its subject
		if q := &p.preds[d]; !q.hyphen && !t.associationOnly(q) {
			if q.subj >= 0 && t.bareContrastedVerb(s, hits, q, pr) {
				pr.subj = q.subj
				return
			}
			break
		}
	}
	if g := pr.subj; g >= 0 && prev.subj >= 0 && prev.subj != g && p.groups[prev.subj].b <= prev.tok && t.populationAfter(s, g) {
		// "X prevented ... in stressed mice and restored Z": animals
		// named by a mechanism, in the place phrase of the verb before,
		// are no subject of the verb after the conjunction
		gr := p.groups[g]
		a := gr.a - 1
		if a > int32(from) && t.hasClass(toks[a], clsArticle|clsDeterminer) {
			a--
		}
		if a >= int32(from) && t.hasClass2(toks[a], cl2FindingPrep) && gr.b+2 == pr.tok && t.hasClass(toks[gr.b+1], clsConj) &&
			toks[gr.b+1].flags&flagHard == 0 && toks[pr.tok].flags&flagHard == 0 {
			pr.subj = prev.subj
			return
		}
	}
	if pr.subj < 0 && t.denialBefore(hits, pr.tok) && pr.obj >= 0 && prev.subj >= 0 && t.groupHasKind(s, prev.subj, kindIntervention) &&
		p.groups[pr.obj].a > pr.tok {
		// "Trials of X have reported reductions in Y, but a
		// meta-analysis found no benefit in Z": a denied effect with no
		// subject of its own, after a contrast, is the intervention's
		for k := prev.end; k < pr.tok; k++ {
			if s.tokMent[k] >= 0 && p.groups[prev.subj].b <= k && (prev.obj < 0 || k >= p.groups[prev.obj].b) {
				break // (a concept of its own between)
			}
			if t.onCueBits(hits, k, cueContrast) {
				pr.subj = prev.subj
				return
			}
		}
	}
	if w := pr.tok - 1; pr.bits&relationBits == cueCompar && w-1 > int32(from) && t.hasClass2(toks[w], cl2RelPrep|cl2PairObjectPrep) &&
		t.hasClass(toks[w-1], clsConj) && toks[w].flags&flagHard == 0 && toks[pr.tok].flags&flagHard == 0 {
		// "X was associated with a lower risk of Y in children and with
		// less severe Z in adults": a comparative after the preposition
		// of an earlier verb, repeated, has that verb's subject
		for d := j; d >= 0; d-- {
			if q := &p.preds[d]; q.subj >= 0 && !q.hyphen && int(q.end) < len(toks) && toks[q.end].id == toks[w].id && q.end < w-1 {
				pr.subj = q.subj
				return
			}
		}
	}
	k := pr.tok - 1
	for k > int32(from) && t.hasClass(toks[k], clsArticle|clsDeterminer) {
		k--
	}
	switch {
	case prev.subj >= 0 && prev.obj < 0 && prev.bits&cueHelp != 0 && !prev.denial && pr.obj >= 0 && p.groups[pr.obj].a >= pr.end &&
		(pr.tok == prev.end || pr.tok == prev.end+1 && t.hasClass2(toks[prev.end], cl2PurposeTo)):
		// "X helped (to) manage Y": the verb of help takes a verb, and
		// they share the subject
		pr.subj = prev.subj
	case prev.compare && pr.bits&cueCompar != 0 && pr.tok > int32(from) && (t.conjBeforeVerb(s, pr.tok, from) || toks[pr.tok].flags&flagClause != 0 ||
		pr.tok-2 > int32(from) && t.hasClass(toks[pr.tok-1], clsArticle) && t.hasClass(toks[pr.tok-2], clsConj) && toks[pr.tok-1].flags&flagHard == 0 &&
			toks[pr.tok-2].flags&flagHard == 0):
		// ("had lower Y and a lower abundance of Z": an article after the
		// conjunction)
		// "the X arm had fewer Y and lower Z", "had higher Y than ...
		// and were more likely to have Z": comparatives in a series
		// compare the same groups.
		pr.subj, pr.compare = prev.subj, true
	case prev.compare && prev.subj >= 0 && pr.bits&cueAssoc != 0 && pr.tok-3 > int32(from) && t.onCueBits(hits, pr.tok-1, cueCompar) &&
		t.hasClass(toks[pr.tok-2], clsArticle) && t.hasClass(toks[pr.tok-3], clsConj) && toks[pr.tok-2].flags&flagHard == 0:
		// "had a less diverse Y and a higher prevalence of Z": a noun of
		// frequency after a comparative in the series
		pr.subj, pr.compare = prev.subj, true
	case prev.relative && prev.obj >= 0 && pr.subj == prev.subj:
		// "<Y> caused by <X> precedes <Z>": Y heads the subject.
		pr.subj = prev.obj
	case k >= int32(from) && (t.hasClass2(toks[k], cl2PairBy) || t.hasClass2(toks[k], cl2Via) && (t.ingForm(s, pr.tok) || t.nounForm(s, pr.tok))):
		// "X eased Y by lowering Z", "X eased Y via modulating Z",
		// "X is associated with Y, possibly via effects on Z": the
		// gerund or the noun is the means of the subject before.
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
	default:
		if d := t.adjunctCoordinated(s, hits, i, from); d >= 0 {
			// the same across the adjuncts of the object ("X cleared Y in
			// most patients and led to ...")
			pr.subj = p.preds[d].subj
			if p.preds[d].population {
				pr.compare, pr.population = true, true
			}
		}
	}
}

// placedIn reports whether token k follows a preposition of finding,
// maybe with an article between ("in (the) placebo group").
func (t *Tagger) placedIn(s *scratch, k int32) bool {
	j := k - 1
	if j > 0 && t.hasClass(s.toks[j], clsArticle) && s.toks[k].flags&flagHard == 0 {
		j--
	}
	return j >= 0 && t.hasClass2(s.toks[j], cl2FindingPrep) && s.toks[j+1].flags&flagHard == 0
}

// byAfter reports whether predicate pr is followed by "by" and no number:
// the agent of a passive comes next ("eased by X"), not a size.
func (t *Tagger) byAfter(s *scratch, pr *predicate) bool {
	e := pr.end
	return int(e)+1 < len(s.toks) && t.hasClass2(s.toks[e], cl2PairBy) && s.toks[e+1].flags&flagDigit == 0
}

// agentAfterBy reports whether the subject of predicate pr is the agent
// right after its "by" ("eased by (the) X").
func (t *Tagger) agentAfterBy(s *scratch, pr *predicate) bool {
	a := s.pairs.groups[pr.subj].a
	return t.byAfter(s, pr) && a > pr.end && a <= pr.end+2
}

// onlyWordsBetween reports whether every token in [a, b) satisfies ok and
// none is hard punctuation.
func (t *Tagger) onlyWordsBetween(s *scratch, a, b int32, ok func(int32) bool) bool {
	for k := a; k < b; k++ {
		if s.toks[k].flags&flagHard != 0 || !ok(k) {
			return false
		}
	}
	return true
}

// conjBeforeVerb reports whether a conjunction stands right before token
// k, maybe with a copula or a form of "have" between ("and were more
// likely to").
func (t *Tagger) conjBeforeVerb(s *scratch, k int32, from int) bool {
	toks := s.toks
	j := k - 1
	if j > int32(from) && (t.hasClass(toks[j], clsCopula) || t.hasClass2(toks[j], cl2Have)) && toks[j].flags&flagHard == 0 {
		j--
	}
	return j >= int32(from) && t.hasClass(toks[j], clsConj)
}

// skipModalsBack returns the first of the modal words and adverbs right
// before token k (k itself when there are none), not before from.
func (t *Tagger) skipModalsBack(s *scratch, k int32, from int) int32 {
	for k > int32(from) && s.toks[k].flags&flagClause == 0 && s.tokMent[k-1] < 0 &&
		(t.hasClass2(s.toks[k-1], cl2Modal) || t.ending(s, k-1, t.adverbEnd)) {
		k--
	}
	return k
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
	if pr.bits&cueHelp != 0 && pr.end-pr.tok > 1 && t.hasClass2(toks[pr.end-1], cl2Purpose) {
		return false // "X cannot be recommended for Y": X is what would treat Y
	}
	if e := int(pr.end); e < len(toks) && t.hasClass2(toks[e], cl2PairBy) && t.edForm(s, pr.end-1) &&
		!t.amountAfter(s, int32(e+1), len(toks)) {
		return true // ("dropped by 11 points (two thirds)" is no passive; "was reduced by 22%" is, by its auxiliary)
	}
	for k := pr.tok - 1; k >= int32(from) && k >= pr.tok-3; k-- {
		if t.hasClass2(toks[k], cl2PassiveAux) {
			// (an irregular participle too, with "by" after its cue: "can
			// be set off by X", "was brought on by X")
			return t.edForm(s, pr.tok) || int(pr.end) < len(toks) && pr.end-pr.tok > 1 && t.hasClass2(toks[pr.end], cl2PairBy)
		}
		if !t.hasClass2(toks[k], cl2Modal) && !t.hasClass(toks[k], clsComparative) &&
			!(t.hasClass3(toks[k], cl3PlainAdverb) || t.ending(s, k, t.adverbEnd)) || t.onCueBits(s.cueHits, k, cueNeg) {
			return false // ("is often raised in Y", "was significantly reduced by X")
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
			if t.hasClass2(s.toks[j], cl2PairCausePrep) && (!t.hasClass2(s.toks[j], cl2PairObjectPrep) ||
				j == int32(from) && int(p.groups[g].b) < len(s.toks) && s.toks[p.groups[g].b].flags&flagClause != 0) {
				return g // (a fronted "With X," too)
			}
		}
		if t.frontedArm(s, g, from) {
			return g // "In the X group, Y fell"
		}
	}
	return -1
}

// sharedOutcomeCause returns the cause of the outcome verb before
// predicate i when the outcome clause of group left follows it after a
// conjunction ("Y increased with X, and Z fell"), or -1.
func (t *Tagger) sharedOutcomeCause(s *scratch, i, left int) int {
	p := &s.pairs
	toks := s.toks
	if left < 0 || i == 0 {
		return -1
	}
	a := p.groups[left].a
	for n := 0; n < 2 && a > 1 && s.tokMent[a-1] < 0 && !t.onCue(s.cueHits, a-1) && toks[a].flags&(flagHard|flagClause) == 0 &&
		toks[a-1].flags&flagLetter != 0 && !t.controlWord(toks[a-1]) && !t.hasClass2(toks[a-1], cl2Modal) && !t.hasClass3(toks[a-1], cl3PlainAdverb) &&
		!t.ending(s, a-1, t.adverbEnd) && t.hasClass(toks[a-2], clsConj|clsArticle); n++ {
		// its article or a word that qualifies it ("..., and faecal Z
		// rose"; not "and placebo Z", "and then Z")
		a--
	}
	pr := &p.preds[i]
	for k := pr.end; int(k) < len(toks) && k < pr.end+8 && s.tokSent[k] == s.tokSent[pr.tok] && toks[k].flags&flagClause == 0 &&
		!t.hasClass2(toks[k], cl2Than); k++ {
		// (not "rose more than in controls": the arm compared with)
		if (t.hasClass(toks[k], clsGroup) || t.controlWord(toks[k])) && t.placedIn(s, k) {
			return -1 // "..., and Z rose in both groups (in the control arm)": no arm's effect
		}
	}
	if a == 0 || !t.hasClass(toks[a-1], clsConj) || t.groupHasKind(s, left, kindIntervention) {
		return -1 // (not "..., and <intervention> may improve it": a cause of its own)
	}
	q := &p.preds[i-1]
	for d := i - 2; d >= 0 && q.denial && (q.obj < 0 || q.obj == left); d-- {
		// past "but did not change with placebo": no concept of its own
		// (the outcome after it is no object of the denial)
		q = &p.preds[d]
	}
	if q.subj < 0 || q.obj < 0 || q.end > a || !t.hasClass2(toks[q.tok], cl2OutcomeVerb) || !t.groupHasKind(s, q.subj, kindIntervention) ||
		t.groupHasKind(s, q.obj, kindIntervention) {
		return -1
	}
	return q.subj
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
	assoc := hi
	for q := range p.preds {
		// "Improvement in Y coincided with a rise in Z": what follows a
		// verb of association is its object, no cause of the change
		// (an intervention still is: "Y improved in parallel with X
		// intake").
		if qp := &p.preds[q]; qp.tok >= k && qp.tok < assoc && !qp.hyphen && t.associationOnly(qp) &&
			!t.hasClass2(toks[qp.end-1], cl2FindingPrep) {
			// ("was seen in 40% of patients after X" places the finding)
			assoc = qp.tok
		}
	}
	for _, h := range s.cueHits {
		// "The rise in Y was not correlated with the change in Z": a
		// denied association that is no predicate of its own ends the
		// phrase of the change as a verb of association does
		if h.tok >= k && h.tok < assoc && h.bits&cueNegRel != 0 && h.bits&(cueInc|cueDec|cueHelp|cueHarm) == 0 &&
			!slices.ContainsFunc(p.preds, func(q predicate) bool { return q.tok <= h.tok && h.tok < q.end }) {
			assoc = h.tok
		}
	}
	window := k + 10
	for j := k; j < hi && j < window; j++ {
		if e := t.statisticsEnd(s, j, hi); e > j {
			// "fell by 1.1 points (95% CI 0.6 to 1.6) on the X diet": the
			// statistics of the result are no words of the clause
			window += e - j
			j = e - 1
			continue
		}
		if toks[j].flags&flagClause != 0 && t.hasClass2(toks[j], cl2Relative) {
			// "develop Y, which is reversed by X": the agent after a
			// relative clause on the object is its verb's
			return -1
		}
		if j > 0 && t.hasClass2(toks[j-1], cl2Population) && t.hasClass2(toks[j], cl2PairObjectPrep) {
			// "patients with X" are a population, and what follows them
			// ("..., perhaps correlated with Z") is another phrase's
			return -1
		}
		if j > k && t.hasClass(toks[j], clsConj) && slices.ContainsFunc(p.preds, func(q predicate) bool {
			return q.tok == j+1 && int(q.end) < len(toks) && t.hasClass2(toks[q.end], cl2PairBy)
		}) {
			return -1 // "was aggravated by W and improved by X": X is the agent of the verb after
		}
		cause := t.hasClass2(toks[j], cl2PairBy|cl2PairCausePrep) &&
			!(t.hasClass2(toks[j], cl2PairBy) && j+1 < hi && toks[j+1].flags&flagDigit != 0) // ("fell by 21%": a size, no agent)
		// "was reduced when <X> was given", "when mice were fed <X>": a
		// clause of time names the cause when what it names was given
		timeGiven := !cause && t.hasClass(toks[j], clsTimeClause)
		cause = cause || timeGiven
		if j > k && t.hasClass2(toks[j-1], cl2Than) {
			continue // "than with X alone": the arm compared with, no cause
		}
		if t.hasClass2(toks[j], cl2PurposeTo) && j+1 < hi && s.tokMent[j+1] < 0 && !t.hasClass(toks[j+1], clsArticle|clsDeterminer) {
			continue // "more likely to have low X": an infinitive, no cause
		}
		if !cause && !(inIntervention && t.hasClass2(toks[j], cl2PairObjectPrep|cl2Via)) {
			continue
		}
		limit := j + 4
		if j+1 < hi && toks[j+1].flags&flagDigit != 0 {
			limit = j + 6 // a duration first: "after 8 weeks of a gluten-free diet"
		}
		if j+2 < hi && t.hasClass2(toks[j+1], cl2Population) && t.hasClass2(toks[j+2], cl2Relative) {
			limit = j + 6 // "in mice that were fed X"
		}
		for o := j + 2; o < hi && o <= j+3; o++ {
			// "within six weeks of going gluten-free": a duration in words
			if t.hasClass2(toks[o], cl2PairOf) && toks[o].flags&flagHard == 0 && s.tokMent[o-1] < 0 && s.tokMent[o-2] < 0 {
				limit = max(limit, o+3)
				break
			}
		}
		g := p.groupAfter(j+1, hi)
		if g < 0 || p.groups[g].a > limit || t.opensClause(s, j+1, g) {
			continue // "rose within two weeks, and X ...": X opens a clause of its own
		}
		if timeGiven && !p.units[p.groups[g].first].given {
			continue
		}
		if !timeGiven && t.verbBetween(s, j+1, p.groups[g].a) {
			continue // "lowering Y with <agent> improved Z": Z is the verb's
		}
		if !cause && !t.groupHasKind(s, g, kindIntervention) && !p.units[p.groups[g].first].given {
			continue // ("in mice fed <X>": a mechanism given is an intervention of the study)
		}
		if j >= assoc && !t.groupHasKind(s, g, kindIntervention) {
			return -1
		}
		if !cause && !t.hasClass2(toks[j], cl2Via) && !t.armAfter(s, g) && !p.units[p.groups[g].first].given {
			continue // "protects against X": X is no cause ("in children given X" is)
		}
		return g
	}
	return -1
}

// bareContrastedVerb reports whether predicate b opens a contrasted clause
// with no subject of its own right after "but" or "yet" ("X reduced Y
// among affected infants, as measured by Z, but did not lower W"): only
// negators, modals and adverbs between the contrast and the verb, and no
// other predicate between a and b. Such a clause shares a's subject.
func (t *Tagger) bareContrastedVerb(s *scratch, hits []cueHit, a, b *predicate) bool {
	toks := s.toks
	k := b.tok - 1
	for k > a.end && (t.hasClass2(toks[k], cl2Modal|cl2PassiveAux|cl2Have|cl2EllipsisAux) || t.hasClass(toks[k], clsCopula) ||
		t.onCueBits(hits, k, cueNeg|cueNegRel|cueHedge|cueCould) || t.ending(s, k, t.adverbEnd)) && s.tokMent[k] < 0 {
		k--
	}
	if k <= a.end || !t.onCueBits(hits, k, cueContrast) || b.obj < 0 {
		return false
	}
	for j := b.end; j < s.pairs.groups[b.obj].a; j++ {
		if toks[j].flags&(flagHard|flagClause) != 0 {
			return false // the object lies in another clause ("..., suggesting that Z ...")
		}
	}
	for i := range s.pairs.preds {
		if q := &s.pairs.preds[i]; q.tok >= a.end && q.tok < k && !q.hyphen && !t.associationOnly(q) {
			return false // (an association between, "affected infants", says nothing of the subject)
		}
	}
	return true
}

// rangeEnd returns the end of "from <number> to <number> [unit]" at token
// j, or -1: the values a result changed between.
func (t *Tagger) rangeEnd(s *scratch, hits []cueHit, j, to int32) int32 {
	toks := s.toks
	if j+3 >= to || !t.hasClass2(toks[j], cl2PairCausePrep) || toks[j+1].flags&flagDigit == 0 {
		return -1
	}
	k := j + 2
	for k < to && k < j+5 && toks[k].flags&flagDigit != 0 {
		k++ // "62.5" may be two numbers' tokens
	}
	if k+1 >= to || !t.hasClass2(toks[k], cl2PairObjectPrep) || toks[k+1].flags&flagDigit == 0 {
		return -1
	}
	e := k + 2
	for e < to && e < k+4 && toks[e].flags&flagDigit != 0 {
		e++
	}
	for u := e; u < to && u < e+2; u++ {
		// the unit: "µg/g", "mg/L", "points"
		if s.tokMent[u] >= 0 || t.onCue(hits, u) || toks[u].flags&(flagHard|flagClause) != 0 || t.hasClass(toks[u], clsConj) {
			break
		}
		e = u + 1
	}
	return e
}

// sizeDigit returns the number of a change's size after "by" at token j
// ("by 8 points", "by up to 50%", "by a mean of 3.1 points"): the digit
// within four words that are no cue, no mention and no break, or -1.
func (t *Tagger) sizeDigit(s *scratch, hits []cueHit, j, to int32) int32 {
	for d := j + 1; d < to && d <= j+4; d++ { // ("by a mean of 3.1 points")
		tk := s.toks[d]
		if tk.flags&flagDigit != 0 {
			return d
		}
		if s.tokMent[d] >= 0 || t.onCue(hits, d) || tk.flags&(flagHard|flagClause) != 0 || tk.flags&flagLetter == 0 {
			return -1
		}
	}
	return -1
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
		if e := t.asideAfter(s, hits, j, b.tok); !conj && e > j {
			// "X reduced Y but not Z, and raised W": the concept set
			// aside after the object
			j, k = e-1, e
			continue
		}
		if e := t.placePhraseEnd(s, hits, j, b.tok); !conj && e > j {
			// "X restored Y in the colon and reduced Z": where the
			// first verb acted
			j, k = e-1, e
			continue
		}
		if e := t.sitePhraseEnd(s, hits, j, b.tok); !conj && e > j {
			// "X loosens the tight junctions of the intestine and raises
			// Z", "X reduces Y on the scalp and clears Z": the body site
			// of the object
			j, k = e-1, e
			continue
		}
		if e := particleEnd(s, j); !conj && e > j {
			// "X keeps Y in check and ...": the split cue's particle
			j, k = e-1, e
			continue
		}
		if e := t.rangeEnd(s, hits, j, b.tok); !conj && e > j {
			// "X lowered Y from 62 to 41 µg/g and raised Z": the values
			// before and after, and their unit
			j, k = e-1, e
			continue
		}
		if e := t.sizeWordEnd(s, hits, j, b.tok); !conj && e > j {
			// "X lowered Y by almost half and reduced Z"
			j, k = e-1, e
			continue
		}
		if d := t.sizeDigit(s, hits, j, b.tok); !conj && d > j && (t.hasClass2(toks[j], cl2PairBy) || s.tokMent[j] < 0 &&
			!t.onCue(hits, j) && toks[j].flags&(flagHard|flagClause) == 0 && toks[j].flags&flagLetter != 0) {
			// "X lowered Y by 8 points and reduced Z", "by up to 50%":
			// the size of the change, and its unit
			e := d + 1
			if se := t.statisticsEnd(s, e, b.tok); se > e {
				// "at week 12 (+6.8 vs +1.2 units, p = 0.002) and ...":
				// a time and its statistics
				comma = true
				j, k = se-1, se
				continue
			}
			for e < b.tok && toks[e].flags&flagDigit != 0 && toks[e].flags&flagLetter == 0 {
				e++ // the decimals of "1.2"
			}
			for n := 0; n < 2 && e < b.tok && s.tokMent[e] < 0 && !t.onCue(hits, e) && toks[e].flags&(flagHard|flagClause|flagDigit) == 0 &&
				!t.hasClass(toks[e], clsConj) && !t.hasClass2(toks[e], cl2Than) && !t.hasClass3(toks[e], cl3Respective); n++ {
				e++ // its unit, of one or two words ("points", "log units")
			}
			e = t.sizeTail(s, hits, e, b.tok)
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
			t.onCueBits(hits, j, cueNeg|cueNegRel|cueHedge|cueCould|cueVerb) ||
			conj && j > k && (t.hasClass(toks[j], clsCopula) || t.hasClass2(toks[j], cl2PassiveAux|cl2Have)):
			// ("had more Y and were less likely to develop Z", "disrupts Y
			// and has been associated with Z")
		case (conj || toks[j].flags&flagClause != 0) && j == b.tok-1 && t.hasClass(toks[j], clsArticle) && t.nounOfChange(s, b):
			// "showed an increase in Y and a decrease in Z", "a reduction
			// in Y, a decrease in Z, and ...": nouns of change in a series
			// share the subject
		case conj && j == b.tok-1 && t.hasClass2(toks[j], cl2PurposeTo):
			// "shown to cut Y and to calm Z": infinitives in a series
		case (t.ending(s, j, t.adverbEnd) || conj && t.hasClass3(toks[j], cl3PlainAdverb)) && j > k:
			// an adverb between the comma and the verb: "..., significantly increased",
			// "... and may even help Z"
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
		case !conj && j == k && nouns == 0 && a.obj >= 0 && toks[j].flags&flagHard == 0 && joinedByHyphen(s, j) &&
			s.tokMent[j] < 0 && !t.onCue(hits, j):
			// "X aggravated <Y>-like skin lesions and ...": a suffix of
			// the object's word, no noun of its own
			k++
			continue
		case !conj && j == k && nouns == 0 && a.obj < 0 && a.subj >= 0 && j == a.end && t.hasClass(toks[j], clsArticle) && toks[j].flags&flagHard == 0:
			// "X thins the mucus layer and raises Z": the article of an
			// object outside the taxonomy
			k++
			continue
		case !conj && j == k+int32(nouns) && (a.obj >= 0 && nouns < 2 || a.obj < 0 && a.subj >= 0 && nouns < 3) &&
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
	return conj || comma && b.tok-k-int32(nouns) <= 2
}

// adjunctCoordinated returns the predicate whose subject predicate i
// shares across the adjuncts of its object, or -1: the verb follows a
// conjunction or contrast right before it (past modals, auxiliaries,
// negators and adverbs), and between the earlier verb's object and the
// conjunction stand only phrases that relate nothing and open no clause
// ("X eradicated Y in 68% of treated patients and led to ...", "X lowered
// Y to a similar degree but had no effect on Z", "X lowered Y counts on
// the skin of patients with <condition> and improved Z"). The subject i
// read before, if any, is a concept of those phrases.
func (t *Tagger) adjunctCoordinated(s *scratch, hits []cueHit, i, from int) int {
	p := &s.pairs
	toks := s.toks
	pr := &p.preds[i]
	if pr.hyphen || pr.subj >= 0 && p.groups[pr.subj].b > pr.tok {
		return -1
	}
	// the conjunction, with only the verb's auxiliaries between
	if pr.bits&cueSimilar != 0 {
		return -1 // "and a similar pathway may operate in Z": the relation before, repeated
	}
	c, plain, aux, article := int32(-1), 0, false, false
	for k := pr.tok - 1; k > int32(from) && k >= pr.tok-6; k-- {
		tk := toks[k]
		if t.hasClass(tk, clsConj) || t.onCueBits(hits, k, cueContrast) {
			c = k
			break
		}
		if s.tokMent[k] >= 0 || tk.flags&flagHard != 0 && k+1 < pr.tok || toks[k+1].flags&flagHard != 0 {
			return -1
		}
		switch {
		case t.hasClass4(tk, cl4NegPronoun):
			return -1 // "but none has shown Z"
		case t.hasClass(tk, clsArticle|clsDeterminer):
			if aux {
				return -1 // "and these may calm Z": a subject of its own
			}
			article = true
		case t.hasClass2(tk, cl2Modal|cl2Have|cl2PassiveAux) || t.hasClass(tk, clsCopula) ||
			t.onCueBits(hits, k, cueNeg|cueNegRel|cueHedge|cueCould) || t.ending(s, k, t.adverbEnd) || t.hasClass3(tk, cl3PlainAdverb):
			aux, article = true, false
		case t.onCue(hits, k):
			return -1 // another cue: a verb of its own
		case tk.flags&(flagDigit) == 0 && tk.flags&flagLetter != 0 && plain < 2:
			plain++ // "had no measurable effect on"
		default:
			return -1
		}
	}
	if c < 0 || article && !t.hasClass(toks[c], clsConj) || plain > 0 && !t.onCueBits(hits, c+1, cueNeg|cueNegRel) && !t.hasClass2(toks[c+1], cl2Have) {
		// ("but the evidence for Z is sparse": an article right after a
		// contrast opens a clause of its own; "and a delayed maturation
		// of Z" goes on with the objects)
		return -1
	}
	// the earlier verb: its subject before it and its object after it;
	// the predicates between relate nothing
	for d := i - 1; d >= 0; d-- {
		q := &p.preds[d]
		if q.tok >= c {
			return -1
		}
		if q.hyphen || q.obj < 0 && q.within < 0 {
			continue
		}
		if q.subj < 0 || q.obj < 0 || q.relative || q.compare || q.within >= 0 || p.groups[q.subj].b > q.tok ||
			p.groups[q.obj].a < q.end || pr.subj >= 0 && (p.groups[pr.subj].a < p.groups[q.obj].a || q.subj == pr.subj) {
			return -1
		}
		e := max(q.end, p.groups[q.obj].b)
		if c-e > 30 {
			return -1
		}
		if o := p.groups[q.obj].b; t.hasClass4(toks[q.tok], cl4BareInfinitive) && o < c && s.tokMent[o] < 0 && !t.onCue(hits, o) &&
			toks[o].flags&(flagHard|flagDigit) == 0 && toks[o].flags&flagLetter != 0 && !t.hasClass(toks[o], clsArticle|clsDeterminer|clsConj) &&
			!t.hasClass2(toks[o], cl2FindingPrep|cl2PairObjectPrep|cl2PairCausePrep|cl2PairBy|cl2PurposeTo) &&
			!(t.ending(s, q.tok, t.pluralEnd) && t.ending(s, pr.tok, t.pluralEnd)) {
			// "X lets Y leak into the circulation ... and trigger Z": Y's
			// infinitive goes on (but "X helps Y make W and supports Z"
			// agrees with X)
			return -1
		}
		if toks[p.groups[q.obj].a].flags&flagClause != 0 {
			return -1 // ("X fall out of balance, inflammation can spread ... and surface as Z": no object of X)
		}
		for b := d + 1; b < i; b++ {
			if g := p.preds[b].subj; g >= 0 && p.groups[g].a >= e {
				return -1 // "..., and Y in turn revs up ...": a clause with a subject of its own
			}
			if p.preds[b].hyphen && t.nounOfChange(s, pr) {
				return -1 // "alleviated <Y>-induced itch and elevation in Z": the modifier goes on
			}
		}
		for k := e; k <= c; k++ {
			if k > e && strings.ContainsAny(s.text[toks[k-1].end:toks[k].start], ";:") {
				return -1
			}
			if k == c {
				break
			}
			if t.hasClass2(toks[k], cl2Relative) || t.hasClass(toks[k], clsCopula) || t.onCueBits(hits, k, cueClauseBreak) ||
				t.hasClass3(toks[k], cl3CauseConj) || toks[k].flags&flagClause != 0 && t.ingForm(s, k) ||
				t.hasClass2(toks[k], cl2PurposeTo) && k+1 < c && s.tokMent[k+1] < 0 && !t.hasClass(toks[k+1], clsArticle|clsDeterminer) && toks[k+1].flags&flagDigit == 0 {
				// (", allowing Y to reach ... and aggravate Z", "allowed Y
				// to reach ... and aggravate Z": the infinitive's subject
				// goes on)
				return -1
			}
			if t.hasClass(toks[k], clsConj) || t.onCueBits(hits, k, cueContrast) {
				// only a list of objects goes on ("in A and B"); "send Y
				// soaring, and Y in turn revs up ..." opens a clause
				n := k + 1
				if n < c && t.hasClass(toks[n], clsArticle|clsDeterminer) {
					n++
				}
				if n >= c || s.tokMent[n] < 0 {
					return -1
				}
			}
		}
		return d
	}
	return -1
}

// asideAfter returns the end of a phrase set aside by "not" that the
// conjunction and negator at token j open ("but not Z"), when it ends
// before token end; else j.
func (t *Tagger) asideAfter(s *scratch, hits []cueHit, j, end int32) int32 {
	for _, sp := range s.pairs.spans {
		if sp[0] <= j || sp[0] > j+2 || sp[1] > end {
			continue
		}
		for k := j; k < sp[0]; k++ {
			if !t.hasClass(s.toks[k], clsConj) && !t.onCueBits(hits, k, cueNeg|cueContrast) {
				return j
			}
		}
		return sp[1]
	}
	return j
}

// sizeTail returns the token after what may follow the size of a change
// at token e, before token end: more sizes in the order of the items
// before and the word that closes them ("by 10.8% and 8.2%,
// respectively"), and the control arm's size ("versus 1.2 points with
// placebo"); e when nothing does.
func (t *Tagger) sizeTail(s *scratch, hits []cueHit, e, end int32) int32 {
	toks := s.toks
	for e < end {
		hard := toks[e].flags&flagHard != 0 && !afterPercent(s, e) // ("10% and": the sign is the size's)
		switch {
		case t.hasClass3(toks[e], cl3Respective) && (!hard || toks[e].flags&flagClause != 0):
			e++ // (after its comma: "by 10% and 8%, respectively")
		case hard:
			return e
		case e+1 < end && toks[e+1].flags&flagDigit != 0 && toks[e+1].flags&flagHard == 0 &&
			(t.hasClass(toks[e], clsConj) || t.hasClass2(toks[e], cl2Than)):
			e += 2
			for e < end && toks[e].flags&flagDigit != 0 && toks[e].flags&flagLetter == 0 && toks[e].flags&flagClause == 0 {
				e++ // the decimals ("1.2": after its point)
			}
			for n := 0; n < 2 && e < end && s.tokMent[e] < 0 && !t.onCue(hits, e) && toks[e].flags&(flagHard|flagClause|flagDigit) == 0 &&
				!t.hasClass(toks[e], clsConj) && !t.hasClass3(toks[e], cl3Respective) && !t.hasClass2(toks[e], cl2FindingPrep|cl2PairObjectPrep); n++ {
				e++ // its unit
			}
		case e+1 < end && t.hasClass2(toks[e], cl2PairObjectPrep|cl2FindingPrep) && t.hasClass3(toks[e+1], cl3PlaceboWord) &&
			toks[e+1].flags&(flagHard|flagClause) == 0 && e > 0 && (toks[e-1].flags&flagLetter != 0 || afterPercent(s, e)):
			e += 2 // "with placebo", after a size
		default:
			return e
		}
	}
	return e
}

// afterPercent reports whether only a percent sign, maybe with a comma,
// and spaces separate token e from the one before ("10%, respectively").
func afterPercent(s *scratch, e int32) bool {
	if e == 0 {
		return false
	}
	gap := s.text[s.toks[e-1].end:s.toks[e].start]
	if !strings.HasPrefix(gap, "%") {
		return false
	}
	return strings.Trim(gap[1:], " ,") == ""
}

// sitePhraseEnd returns the token after a body site that qualifies the
// noun before it, starting at token j before a conjunction that comes
// before token end ("of the intestine and", "on the scalp and", "in your
// gut and"): a preposition, an article or determiner, at most one plain
// word, then the site's word. Else -1.
func (t *Tagger) sitePhraseEnd(s *scratch, hits []cueHit, j, end int32) int32 {
	toks := s.toks
	if toks[j].flags&flagHard != 0 || !t.hasClass2(toks[j], cl2PairOf|cl2PairObjectPrep|cl2FindingPrep) && !t.hasClass3(toks[j], cl3PlacePrep) {
		return -1
	}
	words := 0
	for e := j + 1; e+1 < end && e < j+5; e++ {
		switch {
		case s.tokMent[e] >= 0 || t.onCue(hits, e) || toks[e].flags&(flagHard|flagClause|flagDigit) != 0 || toks[e].flags&flagLetter == 0:
			return -1
		case t.hasClass(toks[e], clsSitePrimary|clsSiteSecondary|clsSiteOther):
			if t.hasClass(toks[e+1], clsConj) {
				return e + 1
			}
			return -1
		case t.hasClass(toks[e], clsArticle|clsDeterminer) || t.hasClass2(toks[e], cl2Anaphora):
		case words == 0:
			words++
		default:
			return -1
		}
	}
	return -1
}

// placePhraseEnd returns the token after a phrase of place that starts
// at token j, before a conjunction that comes before token end ("in the
// colon and", "in the skin of mice and") or before the comma that opens
// token end ("in mice, increased Z"): a preposition of finding, an
// article, at most three plain words and no concept or cue. Else -1.
func (t *Tagger) placePhraseEnd(s *scratch, hits []cueHit, j, end int32) int32 {
	toks := s.toks
	if toks[j].flags&flagHard != 0 {
		return -1
	}
	start := j + 1
	switch {
	case t.hasClass2(toks[j], cl2FindingPrep|cl2Than) || t.hasClass3(toks[j], cl3PlacePrep):
		// "in the colon", "versus placebo", "into the blood"
	case j+2 < end && s.tokMent[j] < 0 && !t.onCue(hits, j) && toks[j].flags&flagLetter != 0 &&
		t.hasClass2(toks[j+1], cl2PairObjectPrep|cl2PurposeTo) && toks[j+1].flags&flagHard == 0 &&
		(t.hasClass(toks[j+2], clsGroup) || t.hasClass(toks[j+2], clsArticle) && j+3 < end && t.hasClass(toks[j+3], clsGroup)):
		start = j + 2 // "relative to placebo", "compared with the control group"
	default:
		return -1
	}
	words := 0
	for e := start; e < end && e < start+5; e++ {
		switch {
		case t.hasClass(toks[e], clsConj):
			if words == 0 || toks[e].flags&flagHard != 0 && toks[e].flags&flagClause == 0 {
				return -1
			}
			return e
		case t.hasClass(toks[e], clsArticle|clsDeterminer) || t.hasClass2(toks[e], cl2PairOf):
		case s.tokMent[e] < 0 && !t.onCue(hits, e) && toks[e].flags&(flagHard|flagClause|flagDigit) == 0 && toks[e].flags&flagLetter != 0 &&
			(!t.hasClass2(toks[e], cl2Population) || e+1 < end && (t.hasClass(toks[e+1], clsConj) || t.hasClass2(toks[e+1], cl2Population)) ||
				e+1 == end && toks[end].flags&flagClause != 0) && words < 3:
			// (people only right before the conjunction or the comma: "in
			// BALB/c mice and", "in adult mice and", "in mice, raised Z")
			if e == start || !joinedByHyphen(s, e) {
				words++ // (the parts of "skin-draining" are one word)
			}
		default:
			return -1
		}
		if e+1 == end && words > 0 && int(end)+1 < len(toks) && toks[end].flags&flagClause != 0 && toks[end].flags&flagHard != 0 &&
			strings.TrimSpace(s.text[toks[e].end:toks[end].start]) == "," && t.objectAfterVerb(s, end+1) {
			return end // (the verb after the comma, with its object: "X reduced Y in mice, increased Z and ...")
		}
	}
	return -1
}

// objectAfterVerb reports whether the verb before token k has an object:
// no preposition right after it ("elevated in Y" is a phrase of its own),
// and a concept within four words ("increased Z", "raised circulating Z",
// "increased the levels of Z").
func (t *Tagger) objectAfterVerb(s *scratch, k int32) bool {
	toks := s.toks
	if int(k) >= len(toks) || t.hasClass2(toks[k], cl2FindingPrep|cl2PairBy|cl2PairObjectPrep|cl2PairCausePrep) {
		return false
	}
	for j := k; j <= k+3 && int(j) < len(toks); j++ {
		if toks[j].flags&flagHard != 0 && j > k {
			return false
		}
		if s.tokMent[j] >= 0 {
			return true
		}
	}
	return false
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

// listedChangeNoun reports whether predicates a and b are nouns of change
// with their prepositions ("a fall in", "a loss of") listed one after the
// other (itemAfter).
func (t *Tagger) listedChangeNoun(s *scratch, a, b *predicate) bool {
	return !a.hyphen && !b.hyphen && t.changePhrase(s, a) && t.changePhrase(s, b) && t.itemAfter(s, b, a.obj)
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
	for k := pr.tok - 1; k >= e && k >= pr.tok-7; k-- {
		if k < pr.tok-4 && !t.hasClass2(toks[pr.tok-1], cl2PurposeTo) {
			break // (past four words only through "shown to": "they have not been shown to help Y")
		}
		if t.hasClass2(toks[k], cl2Pronoun) && s.tokMent[k] < 0 {
			// "..., they", "and it", "whereas it", "nor did it"
			if toks[k].flags&flagClause != 0 || k > 0 && (t.hasClass(toks[k-1], clsConj) || t.onCueBits(s.cueHits, k-1, cueClauseBreak|cueContrast)) ||
				k > 1 && t.onCueBits(s.cueHits, k-1, cueVerb) && s.tokMent[k-1] < 0 && (t.hasClass(toks[k-2], clsConj) || toks[k-1].flags&flagClause != 0) {
				return true
			}
			// "and at that dose it ...": a short phrase between the
			// conjunction and the pronoun
			for j := k - 1; j >= e && j >= k-4; j-- {
				if s.tokMent[j] >= 0 || t.onCueBits(s.cueHits, j, relationBits) {
					return false
				}
				if t.hasClass(toks[j], clsConj) || t.onCueBits(s.cueHits, j, cueClauseBreak|cueContrast) {
					return j < k-1
				}
			}
			return false
		}
		if !t.hasClass2(toks[k], cl2Modal|cl2EllipsisAux) && !t.ending(s, k, t.adverbEnd) && !t.hasClass3(toks[k], cl3PlainAdverb) &&
			!t.onCueBits(s.cueHits, k, cueNeg|cueVerb) && !(k == pr.tok-1 && t.hasClass2(toks[k], cl2PurposeTo) || k == pr.tok-2 && t.onCueBits(s.cueHits, k, cueFinding)) {
			return false // (an adverb may stand between: "but they also wipe out Y"; "they were not shown to help Y")
		}
	}
	return false
}

// shownToDenied reports whether the verb of predicate pr follows a denied
// verb of finding and "to" in its clause ("have not been shown to reduce
// Y", "was never proven to help Y").
func (t *Tagger) shownToDenied(s *scratch, pr *predicate) bool {
	toks := s.toks
	k := pr.tok - 2
	if k < 1 || !t.hasClass2(toks[pr.tok-1], cl2PurposeTo) || !t.onCueBits(s.cueHits, k, cueFinding) {
		return false
	}
	for _, h := range s.cueHits {
		if h.tok < k && h.tok >= k-4 && h.bits&(cueNeg|cueNegRel) != 0 && !clauseBetween(toks, int(h.tok), int(k)) {
			return true
		}
	}
	return false
}

// peopleBeforePronoun reports whether people are named right before the
// conjunction that opens the clause of predicate pr's plural
// pronoun subject ("X worsens Y in children, but they have not been shown
// to ...": the pronoun stands for the children).
func (t *Tagger) peopleBeforePronoun(s *scratch, pr *predicate) bool {
	toks := s.toks
	for k := pr.tok - 1; k > 0 && k >= pr.tok-7; k-- {
		if !t.hasClass2(toks[k], cl2Pronoun) || s.tokMent[k] >= 0 {
			continue
		}
		if !t.hasClass3(toks[k], cl3PluralPronoun) {
			return false // ("Zinc cleared Y in teenagers, but it ...": "it" is zinc)
		}
		j := k - 1
		for j > 0 && (t.hasClass(toks[j], clsConj) || t.onCueBits(s.cueHits, j, cueContrast|cueClauseBreak)) {
			j--
		}
		return j >= 0 && t.hasClass2(toks[j], cl2Population) && s.tokMent[j] < 0
	}
	return false
}

// subjectBefore returns the subject of the predicate before predicate i,
// or of the one before that when it is that predicate's object ("X may
// help Y recover, but they ...": X), for a pronoun that opens a clause.
func (p *pairScratch) subjectBefore(i int) int {
	j := i - 1
	for j > 0 && p.preds[j-1].subj >= 0 && (p.preds[j-1].obj >= 0 && p.preds[j-1].obj == p.preds[j].subj || p.preds[j-1].subj == p.preds[j].subj) {
		j-- // (past the verbs in series of that subject: "help Y recover faster")
	}
	return p.preds[j].subj
}

// pronounSubjectAt reports whether a pronoun that stands for a concept
// ("it", "they") is the subject of the verb at token k, right after a
// subordinator that opens its clause ("because it repairs", "possibly
// because they upset"), with no concept between it and token a.
func (t *Tagger) pronounSubjectAt(s *scratch, hits []cueHit, a, k int32) bool {
	toks := s.toks
	j := k - 1
	for j > a && (t.hasClass2(toks[j], cl2Modal) || t.ending(s, j, t.adverbEnd)) {
		j--
	}
	if j <= a || !t.hasClass2(toks[j], cl2Pronoun) || s.tokMent[j] >= 0 {
		return false
	}
	for m := a; m < j; m++ {
		if s.tokMent[m] >= 0 {
			return false
		}
	}
	return t.hasClass3(toks[j-1], cl3CauseConj) || t.onCueBits(hits, j-1, cueClauseBreak)
}

// anaphoraNear reports whether an anaphora word lies within n tokens from k
// in direction dir (1 after, -1 before), inside [from, to).
func (t *Tagger) anaphoraNear(s *scratch, k int32, dir, n int32, from, to int) bool {
	for j, c := k, int32(0); j >= int32(from) && j < int32(to) && c < n; j, c = j+dir, c+1 {
		if t.hasClass2(s.toks[j], cl2Anaphora) && !(j > 0 && t.hasClass2(s.toks[j-1], cl2Than) && t.hasClass2(s.toks[j], cl2Population)) {
			return true // ("more than those on placebo": another group, no concept named before)
		}
	}
	return false
}

// asideSubject returns the group right before an aside of denial that
// opens the segment of predicate tok at sa ("SIBO, but not H. pylori
// infection, was more common in rosacea"): the subject before the aside
// is the verb's, when the aside closes with a comma and names no subject
// after it; else -1.
func (t *Tagger) asideSubject(s *scratch, hits []cueHit, sa int32, from int, tok int32) int {
	p := &s.pairs
	toks := s.toks
	if sa <= int32(from) || toks[sa].flags&flagClause == 0 ||
		!t.onCueBits(hits, sa, cueNeg|cueInstead) && !(sa+1 < tok && t.onCueBits(hits, sa+1, cueNeg|cueInstead)) {
		return -1
	}
	end := int32(-1) // the aside's closing comma
	for k := sa + 1; k < tok; k++ {
		if t.onCueBits(hits, k, relationBits) {
			return -1
		}
		if toks[k].flags&flagClause != 0 {
			end = k
			break
		}
	}
	if end < 0 || end > sa+7 {
		return -1
	}
	for g := range p.groups {
		if p.groups[g].a >= end && p.groups[g].a < tok {
			return -1 // the clause has a subject of its own
		}
	}
	for g := range p.groups {
		if p.groups[g].b == sa {
			return g
		}
	}
	return -1
}

// recipients reports whether group g names the people or animals
// something is given to: after a preposition, and followed by a
// participle of exposure joined by a hyphen and a population word
// ("into antibiotic-treated pups", "to germ-free, antibiotic-fed mice").
func (t *Tagger) recipients(s *scratch, g int) bool {
	toks := s.toks
	a, e := s.pairs.groups[g].a, s.pairs.groups[g].b
	if a == 0 || int(e)+1 >= len(toks) || !t.hasClass2(toks[a-1], cl2PurposeTo|cl2FindingPrep|cl2PairObjectPrep) && !t.hasClass(toks[a-1], clsProductPrep) {
		return false // ("into antibiotic-treated pups")
	}
	if joinedByHyphen(s, e) && t.hasClass2(toks[e], cl2Exposure) {
		return t.hasClass2(toks[e+1], cl2Population)
	}
	// the mention took in its participle ("antibiotic-treated")
	return e-1 > a && t.hasClass2(toks[e-1], cl2Exposure) && t.hasClass2(toks[e], cl2Population)
}

// complementAdjective returns the subject of the copula whose complement
// group g qualifies as an adjective right before the noun at token k ("X
// may be a useful <Y-adjective> adjuvant in Z"): an article and at most two
// plain words before g, then a copula (past modals) right after the
// subject's group. Else -1.
func (t *Tagger) complementAdjective(s *scratch, hits []cueHit, g int, k, sa int32) int {
	p := &s.pairs
	toks := s.toks
	if g < 1 || p.groups[g].b != k || p.groups[g].last-p.groups[g].first != 1 || !t.groupHasKind(s, g, kindMechanism) {
		return -1 // (a mechanism's adjective: "an anti-inflammatory adjuvant")
	}
	j := p.groups[g].a - 1
	for n := 0; n < 2 && j > sa && s.tokMent[j] < 0 && (!t.onCue(hits, j) || t.adjectiveWord(s, j)) && toks[j+1].flags&flagHard == 0 && !t.hasClass(toks[j], clsArticle|clsCopula); n++ {
		j--
	}
	if j <= sa || !t.hasClass(toks[j], clsArticle) || toks[j+1].flags&flagHard != 0 {
		return -1
	}
	j--
	if j <= sa || !t.hasClass(toks[j], clsCopula) && !t.hasClass2(toks[j], cl2PassiveAux) {
		return -1
	}
	for j > sa && (t.hasClass(toks[j], clsCopula) || t.hasClass2(toks[j], cl2PassiveAux|cl2Modal)) {
		j--
	}
	if p.groups[g-1].b == j+1 {
		return g - 1
	}
	return -1
}

// copulaSubjectBefore reads "X was safe but did not improve Y": a verb
// whose subject is elided after a conjunction or a contrast (past
// auxiliaries, negators and modals) shares the subject of the copula
// clause before it, whose complement is a few words outside the taxonomy.
// It returns that subject's group, or -1.
func (t *Tagger) copulaSubjectBefore(s *scratch, hits []cueHit, k int32, from int) int {
	p := &s.pairs
	toks := s.toks
	c := k - 1
	for c > int32(from) && (t.hasClass2(toks[c], cl2Modal|cl2EllipsisAux) || t.onCueBits(hits, c, cueNeg)) {
		c--
	}
	if c <= int32(from) || !t.hasClass(toks[c], clsConj) && !t.onCueBits(hits, c, cueContrast) {
		return -1
	}
	j := c - 1
	for n := 0; n < 3 && j > int32(from) && s.tokMent[j] < 0 && !t.onCue(hits, j) && toks[j].flags&(flagHard|flagDigit) == 0 &&
		toks[j].flags&flagLetter != 0 && !t.hasClass(toks[j], clsCopula); n++ {
		j--
	}
	if j <= int32(from) || j == c-1 || !t.hasClass(toks[j], clsCopula) {
		return -1
	}
	for g := range p.groups {
		if p.groups[g].b == j {
			return g
		}
	}
	return -1
}

// afterThan reports whether "than" (or "versus") stands before token a,
// past articles, determiners and adjectives, at token lo or after it: what
// follows is compared.
func (t *Tagger) afterThan(s *scratch, a, lo int32) bool {
	toks := s.toks
	k := a - 1
	for k > lo && t.hasClass(toks[k], clsArticle|clsDeterminer|clsAdjective) {
		k--
	}
	return k >= lo && t.hasClass2(toks[k], cl2Than)
}

// riskInPeople reads "a higher risk of Y in people with X": the people's
// state is the exposure that raises (or lowers) Y.
func (t *Tagger) riskInPeople(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.bits&(cueInc|cueDec) == 0 || !t.riskCue(s, pr) ||
			pr.subj >= 0 && p.units[p.groups[pr.subj].first].concept != p.units[p.groups[pr.obj].first].concept {
			continue // (a subject that names the object again is none: "Y has been linked to ..., and ... a higher risk of Y")
		}
		if e := p.groups[pr.obj].b; int(e) < to && t.hasClass2(toks[e], cl2FindingPrep) {
			if g := p.groupAfter(e, int32(to)); g >= 0 && p.groups[g].a <= e+5 && t.peopleWith(s, p.groups[g].a) {
				pr.subj = g
			}
		}
	}
}

// riskCue reports whether predicate pr names a risk ("higher risk of",
// "increased odds").
func (t *Tagger) riskCue(s *scratch, pr *predicate) bool {
	for k := pr.tok; k < pr.end; k++ {
		if t.hasClass3(s.toks[k], cl3RiskNoun) {
			return true
		}
	}
	return false
}

// eventCause reads "After I started X, my flares came less often" and
// "Y flared less often in the X group": a comparative of frequency after
// a verb of a condition happening, with no object of its own, takes as
// its cause the arm given an intervention in its own clause after it, or
// else the intervention given in the clause that opens the sentence
// (before and after X, the same people).
func (t *Tagger) eventCause(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if !pr.howOften || pr.obj >= 0 || pr.subj < 0 || pr.hyphen || !t.groupHasKind(s, pr.subj, kindCondition) {
			continue
		}
		if g := t.armInClause(s, pr); g >= 0 {
			pr.obj = g
			continue
		}
		sa := p.groups[pr.subj].a
		for g := range pr.subj {
			u := p.units[p.groups[g].first]
			if !u.given || u.withheld || t.concepts[u.concept].kind != kindIntervention ||
				!slices.ContainsFunc(s.toks[p.groups[g].b:sa+1], func(tk token) bool { return tk.flags&flagClause != 0 }) {
				continue
			}
			pr.obj = g
			break
		}
	}
}

// armInClause returns the first group after predicate pr in its clause
// that is an arm given an intervention ("less often in the X group"), or
// -1.
func (t *Tagger) armInClause(s *scratch, pr *predicate) int {
	p := &s.pairs
	toks := s.toks
	for g := pr.subj + 1; g < len(p.groups); g++ {
		gr := p.groups[g]
		if gr.a < pr.end {
			continue
		}
		if s.tokSent[gr.a] != s.tokSent[pr.tok] || slices.ContainsFunc(toks[pr.end:gr.a+1], func(tk token) bool { return tk.flags&(flagClause|flagHard) != 0 }) {
			return -1
		}
		if u := p.units[gr.first]; u.given && !u.withheld && t.concepts[u.concept].kind == kindIntervention {
			return g
		}
	}
	return -1
}

// balanceArguments reads "X puts (brings, nudges) Y back into balance
// (after Z)": the composition word after its preposition helps Y, the
// group right before the phrase, and the subject is the group before Y;
// what follows ("after antibiotics") is when, no object.
func (t *Tagger) balanceArguments(s *scratch, from int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		k := pr.tok
		if pr.end-pr.tok != 1 || int(k) <= from+1 || !t.hasClass(toks[k], clsComposition) || !t.balancePrep(toks[k-1]) {
			continue
		}
		b := k - 1
		for b > int32(from) && k-b < 3 && t.balancePrep(toks[b-1]) && toks[b].flags&flagHard == 0 {
			b-- // "back into"
		}
		g := p.groupBefore(b, int32(from))
		if g < 0 || b-p.groups[g].b > 3 || clauseBetween(toks, int(p.groups[g].b), int(k)) {
			continue
		}
		pr.obj, pr.obj2, pr.subj = g, -1, -1
		if h := g - 1; h >= 0 && p.groups[h].a >= int32(from) && !clauseBetween(toks, int(p.groups[h].b), int(p.groups[g].a)) {
			pr.subj = h
		}
	}
}

// avoidedRelatives reads "Avoiding foods that trigger Y helped Z": a
// relative clause right after a name that opens with a word of avoidance
// speaks of the things avoided, not of their avoidance, so its verb
// relates nothing.
func (t *Tagger) avoidedRelatives(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj < 0 || pr.hyphen {
			continue
		}
		g := p.groups[pr.subj]
		if int(g.b) >= len(toks) || g.b >= pr.tok || pr.tok-g.b > 4 || !t.hasClass(toks[g.a], clsAvoid) ||
			!t.hasClass2(toks[g.b], cl2Relative) || toks[g.b].flags&flagHard != 0 {
			continue
		}
		pr.headless = true
		if i+1 < len(p.preds) && pr.obj >= 0 && p.preds[i+1].subj == pr.obj {
			p.preds[i+1].subj = pr.subj // the main verb after the clause: "... helped Z"
		}
	}
}
