package tagger

import (
	"slices"
	"strings"
)

// This file reads the sentence's relation cues as predicates (pairs.go):
// which cues relate concepts and which are adjectives or nouns of a
// concept's phrase, the direction a cue takes from what surrounds it
// ("prevented the increase in Y", "less likely to develop Y"), and the
// predicates a sentence states without a cue ("X has anti-<Y> effects",
// "Y was reported in patients with <condition>").

// changeNounBefore returns the direction bits of a noun of change
// ("reduction in", "improvement in", "increase in") that comes before the
// comparative of hits[i] in its clause, as the subject it compares ("the
// mean reduction in Y was 83% greater in the X group"), or 0. A
// comparative that is itself a noun with its preposition compares nothing
// before it ("a fall in <W> and a loss of <Y>": two changes listed).
func (t *Tagger) changeNounBefore(s *scratch, text string, hits []cueHit, i int) uint32 {
	toks := s.toks
	h := hits[i]
	if h.end-h.tok >= 2 && t.hasClass2(toks[h.end-1], cl2PairOf|cl2FindingPrep) {
		return 0
	}
	for j := i - 1; j >= 0; j-- {
		g := hits[j]
		if int(h.tok)-int(g.end) > 12 || clauseBetween(toks, int(g.end), int(h.tok)) || g.bits&cueClauseBreak != 0 {
			return 0
		}
		if g.bits&(cueInc|cueDec) == 0 || s.tokMent[g.tok] >= 0 {
			continue // (nor a cue inside a concept's name: "anti-" of "the anti-inflammatory diet")
		}
		if w := text[toks[g.tok].start:toks[g.tok].end]; t.nounEnding(w) || g.tok > 0 && t.hasClass(toks[g.tok-1], clsArticle) {
			return g.bits & (cueInc | cueDec | cueHarm | cueHelp)
		}
		return 0
	}
	return 0
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
		if slices.Contains(s.noMoreAt, h.tok) {
			continue // ("no more than placebo": the verb before it is denied, noMoreThanDenials)
		}
		if h.tok == s.lackAt && h.bits&(cueNeg|cueNegRel) == 0 {
			continue // ("the evidence ... is still thin": said of the evidence, no verb)
		}
		if slices.ContainsFunc(p.defined, func(d [2]int32) bool { return h.tok >= d[0] && h.tok < d[1] }) {
			continue // "<Y>, a marker of <y>,": a definition, no relation
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
		inside = inside && !t.hyphenTail(s, h)
		if t.inStatistics(s, h.tok, to) {
			continue // "(mean difference -1.4; 95% CI ...)": a statistic's name
		}
		if inside || t.adjective(s, text, h, from) || t.populationParticiple(s, text, h, from) || t.inUnit(s, h.tok) ||
			t.armParticiple(s, h) {
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
		if h.end-h.tok == 1 && int(h.end) < to && t.offBalance(s, int(h.end)) {
			continue // "the <community> can fall out of balance": the verb makes the imbalance, it relates nothing
		}
		if h.end-h.tok == 1 && int(h.tok) > from && t.hasClass(toks[h.tok], clsComposition) && toks[h.tok].flags&flagHard == 0 &&
			(t.hasClass2(toks[h.tok-1], cl2PairOf) || t.hasClass(toks[h.tok-1], clsAvoidParticle)) {
			continue // "knocks Y out of balance", "off balance": the noun, no verb of help ("back into balance" helps)
		}
		if h.end-h.tok == 1 && int(h.tok) > from && int(h.end) < to && joinedByHyphen(s, h.tok) && s.tokMent[h.tok-1] >= 0 && s.tokMent[h.tok] < 0 &&
			t.hasClass(toks[h.tok], clsLess) && t.edForm(s, h.tok) && t.hasClass2(toks[h.end], cl2Population) && toks[h.end].flags&flagHard == 0 {
			continue // "in sleep-deprived mice": the animals named by what they lack, no relation
		}
		if h.end-h.tok == 1 && t.hasClass2(toks[h.tok], cl2AdditionWord) && t.addedToSetting(s, hits, i, to) {
			continue // "add X to <Y> for Z", "may add some benefit": what is added to a setting, or a benefit noun's
		}
		if h.end-h.tok == 1 && i > 0 && hits[i-1].end == h.tok && t.hasClass4(toks[h.tok], cl4Frequency) && t.frequencyAfterEvent(s, hits[i-1], from) != 0 {
			continue // "Y flared less frequently after X": the adverb completes the comparative of frequency
		}
		if h.end-h.tok == 1 && i+1 < len(hits) && hits[i+1].tok >= h.end && hits[i+1].tok <= h.end+3 && t.hasClass4(toks[h.tok], cl4EventVerb) &&
			t.frequencyAfterEvent(s, hits[i+1], from) != 0 {
			continue // "Y flared less often after X": the comparative of frequency relates, the event verb names what happened
		}
		if t.hasClass2(toks[h.tok], cl2Than) && h.bits&(relationBits&^cueCompar) == 0 {
			continue // "than in controls" completes a comparative; it relates nothing itself
		}
		if h.bits&relationBits == cueCompar && h.end-h.tok == 1 && (int(h.end) >= to || s.tokMent[h.end] < 0) && t.thanBefore(s, h.tok, from) {
			continue // "than those in the lowest (tertile)": the group compared with, no relation
		}
		if h.end-h.tok == 1 && h.bits&(cueInc|cueDec) == 0 && int(h.tok) > from &&
			(t.hasClass2(toks[h.tok-1], cl2Than) || i > 0 && hits[i-1].end == h.tok && hits[i-1].end-hits[i-1].tok > 1 && hits[i-1].bits&cueSignif != 0) {
			continue // "compared with controls", "versus controls": the group compared, a noun
		}
		// ("Among people with Y, higher <X> tracked with Z": a comparative
		// that opens the clause after an opening phrase)
		opensAfterPhrase := h.bits&relationBits == cueCompar && toks[h.tok].flags&flagClause != 0 &&
			!slices.ContainsFunc(hits[:i], func(g cueHit) bool { return int(g.tok) >= from && g.bits&relationBits != 0 })
		if h.end-h.tok == 1 && int(h.end) < to && (t.hasClass(toks[h.tok], clsLess|clsComparative) || opensAfterPhrase) && !t.edForm(s, h.tok) && !t.verbForm3s(s, h.tok) && s.tokMent[h.end] >= 0 &&
			(int(h.tok) == from || toks[h.tok].flags&flagClause != 0 || t.hasClass(toks[h.tok-1], clsArticle|clsDeterminer|clsConj) ||
				t.hasClass2(toks[h.tok-1], cl2PairCausePrep|cl2PairObjectPrep|cl2PairOf)) &&
			!(int(h.tok) > from+1 && t.hasClass2(toks[h.tok-1], cl2PurposeTo) && t.hasClass2(toks[h.tok-2], cl2Raising) &&
				!t.onCue(hits, h.tok-2)) &&
			!(int(h.tok) > from+1 && t.hasClass(toks[h.tok-1], clsArticle) && t.hasClass2(toks[h.tok-2], cl2Have) && toks[h.tok-1].flags&flagHard == 0) &&
			!t.comparativeSeries(s, hits[:i], h) {
			// ("patients have a less diverse <X>": what the people have)
			// ("known to lower <X>", "able to lower <X>": an infinitive)
			continue // "Lower <X> correlated with higher <Y>": adjectives of the concepts
		}
		if k := h.tok - 1; h.end-h.tok == 1 && int(k) > from && t.hasClass2(toks[k], cl2Via) && h.bits&(cueInc|cueDec) == 0 &&
			(t.hasClass(toks[h.tok], clsComparative) || h.bits&cueCompar != 0) && (int(h.end) >= to || s.tokMent[h.end] < 0) {
			continue // "through greater fermentation of Z": an adjective of the path's noun
		}
		if t.peopleAtRisk(s, h, from) {
			continue // "for infants at high risk of Y": who the people are
		}
		if t.formNoun(s, h, from, to) {
			continue // "probiotic drops are ...": the form it is sold in
		}
		if t.listAdjective(s, hits, i, from, to) {
			continue // "<X> and increased <Y> were found in ...": a list of two nouns
		}
		if i > 0 && hits[i-1].end == h.tok && hits[i-1].bits&cueInstead != 0 {
			continue // "X prevented, rather than caused, Y": the verb set aside
		}
		if h.end-h.tok == 1 && int(h.tok) > from+1 && i > 0 && (t.hasClass(toks[h.tok], clsLess|clsComparative) || h.bits&cueCompar != 0) &&
			t.hasClass2(toks[h.tok-1], cl2PairObjectPrep) && hits[i-1].end == h.tok-1 && hits[i-1].bits&cueAssoc != 0 &&
			hits[i-1].bits&(cueInc|cueDec) == 0 {
			continue // "associated with lower levels of Y", "with worse Y": an adjective of the association's object
		}
		if prev := i - 1; h.end-h.tok == 1 && i > 0 && hits[prev].end == h.tok && hits[prev].bits&(cueInc|cueDec) != 0 && hits[prev].bits&cueNegRel == 0 &&
			(hits[prev].end-hits[prev].tok > 1 || t.edForm(s, hits[prev].tok) || hits[prev].bits&cueVerb != 0 ||
				int(hits[prev].tok) > from && t.inUnit(s, hits[prev].tok-1) && !t.inUnit(s, hits[prev].tok) || int(hits[prev].tok) > from && t.hasClass2(toks[hits[prev].tok-1], cl2Modal|cl2PurposeTo)) &&
			t.edForm(s, h.tok) && int(h.end) < to && s.tokMent[h.end] >= 0 && toks[h.end].flags&flagHard == 0 {
			// "take the edge off inflamed <Y>", "soothes irritated <Y>",
			// "may calm inflamed <Y>": an adjective of the object
			continue
		}
		if h.end-h.tok == 1 && int(h.tok) > from+1 && (h.bits&cueCompar != 0 && h.bits&(cueHelp|cueHarm) != 0 ||
			t.hasClass(toks[h.tok], clsLess|clsComparative) && !t.edForm(s, h.tok)) &&
			t.hasClass(toks[h.tok-1], clsConj) && t.associatedBefore(s, h.tok-1, from) {
			continue // "associated with elevated X and worse (lower) Y": the list goes on
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
		if n := len(p.preds); n > 0 && h.end-h.tok == 1 && t.hasClass2(toks[h.tok], cl2PairObjectPrep) && t.peopleBetween(s, hits, p.preds[n-1], h.tok) {
			// "X may protect stressed <animals> against Y": the people protected
			// stand between the verb and its preposition
			p.preds[n-1].end = h.end
			continue
		}
		if h.end-h.tok == 1 && int(h.tok) > from && int(h.end) < to && t.hasClass(toks[h.tok-1], clsArticle) &&
			t.adjectiveEnding(text[toks[h.tok].start:toks[h.tok].end]) && s.tokMent[h.end] < 0 && !t.onCue(hits, h.end) &&
			toks[h.end].flags&flagHard == 0 {
			continue // "the therapeutic use of X": an adjective of a noun outside the taxonomy
		}
		pr := predicate{tok: h.tok, end: h.end, bits: h.bits, subj: -1, obj: -1, obj2: -1, within: -1, via: -1, collect: -1}
		pr.risk = t.riskCue(s, &pr)
		if k := int(h.tok); k > from && toks[k].flags&flagHard == 0 && joinedByHyphen(s, int32(k)) {
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
		// "Y rose less (steeply) in the X group": the smaller change is
		// X's effect, the other way; "less" relates nothing of its own
		if nx := i + 1; nx < len(hits) && h.end-h.tok <= 2 && h.bits&(cueInc|cueDec) != 0 && h.bits&(cueInc|cueDec) != cueInc|cueDec &&
			hits[nx].tok == h.end && hits[nx].end-hits[nx].tok == 1 && hits[nx].bits&relationBits == cueCompar &&
			t.hasClass(toks[h.end], clsLess) && s.tokMent[h.end] < 0 && t.lessEndsVerb(s, h.end+1, to) &&
			toks[h.end].flags&flagHard == 0 && t.armAfterLess(s, int(h.end)+1, to) && !t.controlGroupAfter(s, int(h.end)+1, to) {
			pr.bits = flipDirection(pr.bits)
			skip = h.end
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
		// "Y relapsed (came, flared) less often with (after) X": a
		// comparative of frequency after a verb of a condition happening
		// gives the relation its direction
		if dir := t.frequencyAfterEvent(s, h, from); dir != 0 {
			pr.compare, pr.howOften = false, true
			if dir < 0 {
				pr.bits = pr.bits&^(cueCompar|cueInc) | cueDec
			} else {
				pr.bits = pr.bits&^(cueCompar|cueDec) | cueInc
			}
		}
		// "more likely to have Y", "less prone to develop Y": a
		// comparative of likelihood before an infinitive
		pr.likely = h.bits&cueCompar != 0 && h.end-h.tok >= 2 && h.end-h.tok <= 3 && int(h.end)+1 < to && t.hasClass2(toks[h.end], cl2PurposeTo) &&
			s.tokMent[h.end-1] < 0 ||
			// "a 1.7-fold greater likelihood of Y": a comparative before a risk noun and "of"
			h.bits&cueCompar != 0 && h.end-h.tok == 1 && int(h.end)+1 < to && t.hasClass3(toks[h.end], cl3RiskNoun) &&
				t.hasClass2(toks[h.end+1], cl2PairOf) && toks[h.end].flags&flagHard == 0
		pr.less = t.hasClass(toks[h.tok], clsLess) || h.end-h.tok == 2 && h.bits&cueCompar != 0 && t.hasClass(toks[h.end-1], clsLess) // "reported less"
		if prev := i - 1; i > 0 && h.bits&relationBits == cueAssoc && h.end-h.tok == 2 && hits[prev].end == h.tok && hits[prev].end-hits[prev].tok == 1 &&
			hits[prev].bits&cueCompar != 0 && hits[prev].bits&relationBits&^(cueCompar|cueInc|cueDec) == 0 && t.hasClass3(toks[h.tok], cl3RiskNoun) && t.hasClass2(toks[h.end-1], cl2PairOf) {
			// "associated with a higher prevalence of Y": the comparative
			// before a noun of frequency is a likelihood, as "a greater
			// likelihood of Y" is
			pr.likely, pr.frequency, pr.less = true, true, t.hasClass(toks[hits[prev].tok], clsLess) || hits[prev].bits&(cueInc|cueDec) == cueDec
		}
		if h.bits&cueCompar != 0 {
			pr.noun = t.changeNounBefore(s, text, hits, i)
			if prev := i - 1; prev >= 0 && hits[prev].end == h.tok && hits[prev].end-hits[prev].tok == 1 &&
				hits[prev].bits&cueCompar != 0 && h.bits&(cueInc|cueDec) != 0 && h.end-h.tok >= 2 &&
				t.hasClass2(toks[h.end-1], cl2PairOf|cl2FindingPrep) {
				// "had greater (smaller) reductions in Y": the noun of change
				// gives the direction, a smaller one the other way
				pr.noun = h.bits & (cueInc | cueDec)
				pr.less = t.hasClass(toks[hits[prev].tok], clsLess)
				k := hits[prev].tok
				p.preds = slices.DeleteFunc(p.preds, func(q predicate) bool { return q.tok == k })
			}
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
		if _, _, ok := t.invertedElision(s, hits, i, to); ok {
			continue // "..., and neither did Z": Z takes the denied clause's place (setAsideSpans)
		}
		if h.bits&cueSimilar != 0 && h.bits&(cueInc|cueDec|cueAssoc) == 0 && t.similarInGroups(s, h, to) {
			pr.denial = true // "Z levels were similar in the two groups": no difference
		}
		if h.bits&cueNegRel != 0 {
			// A denial relates by itself unless a relation follows it in
			// its clause ("failed to improve").
			pr.denial = true
			for _, g := range hits[i+1:] {
				if int(g.tok) >= int(h.end)+negScope || clauseBetween(toks, int(h.end), int(g.tok)) || g.bits&cueClauseBreak != 0 {
					break
				}
				if g.tok == h.end+1 && g.end-g.tok == 1 && int(h.end) < to && t.hasClass2(toks[h.end], cl2PairObjectPrep) &&
					(t.hasClass(toks[g.tok], clsLess|clsComparative) || g.bits&cueCompar != 0) && g.bits&cueTopic == 0 {
					continue // "not associated with lower Y": an adjective of the denied association's object
				}
				if t.conceptThenConj(s, h.end, g.tok) {
					break // "did not improve Y and may raise Z": the denial has its own object
				}
				if g.bits&(relationBits&^cueNegRel) != 0 && !t.foundParticiple(s, g.tok, g.end, g.bits) && !t.inUnit(s, g.tok) {
					// (a noun that ends the object's unit, "did not improve
					// <Y> recovery", is the denied verb's object)
					// (not "did not reduce the Y seen in Z": that
					// describes the denied verb's object)
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
	// "X intake was inversely associated with Y": an exposure that goes
	// with less Y (not "correlated inversely", two measures that vary
	// together)
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.bits&cueAssoc == 0 || pr.bits&(cueInc|cueDec) != 0 || int(pr.tok) <= from || !t.hasClass3(toks[pr.tok], cl3AssociatedWord) {
			continue
		}
		if k := pr.tok - 1; t.hasClass2(toks[k], cl2InverseAdverb) || k > int32(from) && t.hasClass2(toks[k-1], cl2InverseAdverb) && t.ending(s, k, t.adverbEnd) {
			pr.inversely = true
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
		if og < 0 || p.groups[og].a > h.end+4 && !(p.groups[og].a <= h.end+8 && t.peopleWith(s, p.groups[og].a)) || !t.groupHasKind(s, og, kindCondition) {
			continue // ("detected in the blood of patients with Y")
		}
		sa, _ := segment(s, h.tok)
		sg := p.groupBefore(h.tok, sa)
		if sg < 0 || t.groupHasKind(s, sg, kindCondition) {
			continue
		}
		taken := false
		for _, pr := range p.preds {
			taken = taken || pr.tok >= p.groups[sg].b && pr.tok < p.groups[og].a ||
				pr.tok >= sa && pr.tok < p.groups[sg].a && pr.bits&(cueHelp|cueHarm) != 0 // ("Hair regrowth after X has been reported in ...")
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

// peopleAtRisk reports whether risk cue h names people by their risk:
// "infants at (high, familial) risk of Y", the preposition of risk and
// up to two modifiers before it, and people before the preposition.
func (t *Tagger) peopleAtRisk(s *scratch, h cueHit, from int) bool {
	toks := s.toks
	if !t.hasClass3(toks[h.end-1], cl3RiskNoun) && !(h.end-h.tok > 1 && t.hasClass3(toks[h.end-2], cl3RiskNoun)) {
		return false
	}
	if !t.hasClass3(toks[h.tok], cl3RiskNoun) {
		return false // "at higher risk of Y": the cue's comparative makes it a finding
	}
	k := h.tok - 1
	for n := 0; n < 2 && k > int32(from) && s.tokMent[k] < 0 && toks[k].flags&flagHard == 0 && !t.hasClass3(toks[k], cl3RiskPrep); n++ {
		if t.hasClass(toks[k], clsComparative|clsLess) || t.onCueBits(s.cueHits, k, cueCompar) {
			return false // "mark children at higher risk of Y": a finding
		}
		k-- // "at high familial risk"
	}
	return k > int32(from) && t.hasClass3(toks[k], cl3RiskPrep) && t.hasClass2(toks[k-1], cl2Population) && toks[k].flags&flagHard == 0
}

// comparativeSeries reports whether comparative h continues, after a comma
// or a conjunction, a series of comparatives that a form of "have" opens
// ("had higher Y, lower Z and fewer W than controls"): each is the
// series' verb, not an adjective of its concept.
func (t *Tagger) comparativeSeries(s *scratch, before []cueHit, h cueHit) bool {
	toks := s.toks
	if h.tok < 1 || toks[h.tok].flags&flagClause == 0 && !t.hasClass(toks[h.tok-1], clsConj) {
		return false
	}
	for j := len(before) - 1; j >= 0; j-- {
		g := before[j]
		if g.bits&cueCompar == 0 || g.end-g.tok != 1 {
			return false // (another cue between: a clause of its own)
		}
		if g.tok > 0 && t.hasClass2(toks[g.tok-1], cl2Have) && s.tokSent[g.tok-1] == s.tokSent[h.tok] {
			return true
		}
	}
	return false
}

// propertyPredicates adds a predicate for "X has <Y-adjective> effects"
// ("zinc has anti-inflammatory effects", "X exerts pro-inflammatory
// actions", "X helps Z owing to its anti-inflammatory properties", X the
// subject the pronoun's clause opens with): the property's concept is what X
// moves, in the direction its wording gives (an "anti-" word lowers it),
// and a verb after it ("... and may improve Z", "... that could help in
// Z") shares X.
func (t *Tagger) propertyPredicates(s *scratch, from, to int) {
	p := &s.pairs
	toks := s.toks
	for k := from + 1; k+2 < to; k++ {
		// "owing to its anti-inflammatory properties": a pronoun owns the
		// property for the subject of its clause (below)
		pronoun := t.hasClass2(toks[k], cl2Anaphora)
		if !pronoun && (!t.hasClass2(toks[k], cl2Have) || s.tokMent[k-1] < 0 && !t.hasClass(toks[k-1], clsEffectNoun|clsAdjective) && !t.hasClass2(toks[k-1], cl2Modal|cl2Relative)) {
			// (a relative pronoun too: "X and Y, both of which have <Z-adjective> properties")
			continue
		}
		a := int(t.skipFillers(s, int32(k+1), int32(to), 2))
		if a >= to {
			continue // (the fillers ran to the end of the text)
		}
		m := s.tokMent[a]
		if m < 0 || s.ments[m].dropped || int(s.ments[m].tokStart) != a {
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
		if pronoun {
			// the subject the pronoun's clause opens with ("..., whereas
			// X is valued for its <Y> properties"), else the sentence's
			owner = -1
			sa, _ := segment(s, int32(k))
			if g := p.groupAfter(max(sa, int32(from)), int32(k)); g >= 0 && !t.groupHasKind(s, g, kindCondition) {
				owner = g
			}
		}
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
		if pronoun {
			pr.owner = owner + 1
		}
		i, _ := slices.BinarySearchFunc(p.preds, pr.tok, func(q predicate, tok int32) int { return int(q.tok - tok) })
		p.preds = slices.Insert(p.preds, i, pr)
	}
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
	// a cue of one word, or of a verb and its article ("stopped the")
	withArticle := h.end-h.tok == 2 && t.hasClass(toks[h.end-1], clsArticle)
	if h.end-h.tok != 1 && !withArticle || h.bits&cueDec == 0 || h.bits&(cueInc|cueNegRel) != 0 {
		return -1, 0
	}
	k := h.end
	if !withArticle && int(k) < to && toks[k].flags&flagHard == 0 && t.hasClass(toks[k], clsArticle) {
		k++
	}
	// a participle joined to the word before it ("attenuated the
	// exercise-induced rise in <Y>", "blunts stress-related increases in")
	if int(k)+2 < to && toks[k].flags&flagHard == 0 && toks[k+1].flags&flagHard == 0 && joinedByHyphen(s, k+1) &&
		t.edForm(s, k+1) && s.tokMent[k+1] < 0 && (s.tokMent[k] < 0 || s.ments[s.tokMent[k]].tokEnd == k+1) {
		k += 2
	}
	if k == h.end && !withArticle || int(k) >= to || toks[k].flags&flagHard != 0 ||
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

// givenToPeopleBefore reports whether an intervention and a phrase of the
// people it was given to end right before token v: "X in athletes", "X
// in preterm infants", "X in patients with <condition>" (up to six words
// after "in" or "among", with a word of people among them and no other
// intervention).
func (t *Tagger) givenToPeopleBefore(s *scratch, v int32, from int) bool {
	toks := s.toks
	people := false
	for j := v - 1; j > int32(from) && v-j <= 6 && toks[j+1].flags&flagHard == 0; j-- {
		switch {
		case t.hasClass2(toks[j], cl2FindingPrep) && s.tokMent[j] < 0:
			h := j - 1
			if h > int32(from) && s.tokMent[h] < 0 && toks[h].flags&(flagHard|flagDigit|flagLetter) == flagLetter && !t.onCue(s.cueHits, h) {
				h-- // a head noun after the intervention ("X supplementation in children")
			}
			return people && j < v-1 && t.unitKindAt(s, h) == kindIntervention && toks[j].flags&flagHard == 0
		case t.hasClass2(toks[j], cl2Population) && s.tokMent[j] < 0:
			people = true
		case s.tokMent[j] >= 0 && t.concepts[s.ments[s.tokMent[j]].concept].kind == kindIntervention,
			toks[j].flags&flagClause != 0:
			return false
		}
	}
	return false
}

// loweredChangeBefore reads the passive of loweredChange: "the increase in
// <Y> was prevented by": it returns the noun's token and its direction.
func (t *Tagger) loweredChangeBefore(s *scratch, hits []cueHit, i, from, to int) (int32, int) {
	toks := s.toks
	h := hits[i]
	if h.end-h.tok != 1 || h.bits&cueDec == 0 || h.bits&(cueInc|cueNegRel) != 0 || int(h.tok)-3 < from ||
		int(h.end) >= to || !t.hasClass2(toks[h.end], cl2PairBy|cl2FindingPrep) || !t.edForm(s, h.tok) {
		return -1, 0 // ("was attenuated in mice given X": the arm is the agent)
	}
	// the auxiliary, past a negator or a modal ("was not prevented by")
	v := h.tok - 1
	for v > int32(from)+1 && h.tok-v < 3 && (t.hasClass2(toks[v], cl2Modal) || t.ending(s, v, t.adverbEnd) || t.hasClass3(toks[v], cl3PlainAdverb)) &&
		toks[v].flags&flagHard == 0 {
		v-- // ("was largely prevented by")
	}
	if !t.hasClass(toks[v], clsCopula) && !t.hasClass2(toks[v], cl2PassiveAux) {
		return -1, 0
	}
	m := s.tokMent[v-1]
	if m < 0 {
		// "the rise in <Y> seen in controls (during exams) was prevented
		// by": a reduced relative of finding, or a phrase of time or
		// place, between the noun and its verb
		for j := v - 3; j > int32(from) && j >= v-8; j-- {
			if toks[j+1].flags&(flagHard|flagClause) != 0 {
				break
			}
			if n := s.tokMent[j]; n >= 0 {
				e := s.ments[n].tokEnd
				if e+1 < v && (t.edForm(s, e) && t.hasClass2(toks[e+1], cl2FindingPrep|cl2PairCausePrep) || t.hasClass2(toks[e], cl2FindingPrep|cl2PairCausePrep)) &&
					!slices.Contains(s.tokMent[e:v], n) && !slices.ContainsFunc(s.tokMent[e:v], func(x int32) bool { return x >= 0 }) {
					m = n
				}
				break
			}
		}
	} else if s.ments[m].tokEnd != v {
		return -1, 0
	}
	if m < 0 {
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
	if h.end-h.tok == 1 && t.edForm(s, h.tok) && int(h.end)+1 < to && t.hasClass(toks[h.end], clsTimeClause) && !t.hasClass2(toks[h.end], cl2PairCausePrep) {
		// a passive change in a clause of time with people acting: "was
		// reduced when patients took X"
		if k := t.skipFillers(s, h.end+1, int32(to), 2); int(k) < to && (s.tokMent[k] < 0 && t.hasClass2(toks[k], cl2Population|cl2Anaphora) || t.givenAt(s, k)) {
			return false
		}
	}
	if h.end-h.tok == 1 && int(h.end) < to && t.hasClass2(toks[h.end], cl2PairCausePrep) && !t.hasClass2(toks[h.end], cl2PairObjectPrep) &&
		t.edForm(s, h.tok) || t.timeCauseAfter(s, h.tok, h.end, to) >= 0 {
		// a change with its cause: "was reduced following X", "was
		// lower after X" (the same people before and after)
		return false
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
	if h.end-h.tok == 2 && t.hasClass(toks[h.tok], clsCopula) && t.hasClass4(toks[h.end-1], cl4Degree) {
		return true // "Y was low in the X group": the copula opens the comparison
	}
	k := int32(h.tok) - 1
	for k > int32(from) && (t.hasClass2(toks[k], cl2Modal) || t.ending(s, k, t.adverbEnd)) && s.tokMent[k] < 0 {
		k-- // "X significantly reduced Y compared with placebo"
	}
	if k >= int32(from) && t.inUnit(s, k) {
		return false // a verb right after its subject: "X reduced Y more than Z"
	}
	if k+1 == h.tok && toks[h.tok].flags&flagClause != 0 && t.relativeHead(s, s.cueHits, h.tok, from) >= 0 {
		return false // ... or after a relative clause on it: "X, which has Y properties, reduced Z ..."
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
		if int(h.end) >= to || toks[h.end].flags&flagHard != 0 || hv > int32(from) && t.unitKindAt(s, hv-1) == kindIntervention ||
			hv > int32(from)+1 && t.hasClass(toks[hv-1], clsGiven) && s.tokMent[hv-1] < 0 && t.unitKindAt(s, hv-2) == kindIntervention || // ("X supplements have reduced Y")
			t.givenToPeopleBefore(s, hv, from) || // ("X in (preterm) infants has reduced Y", "X in patients with <condition> has")
			t.hasClass(toks[h.end], clsArticle|clsDeterminer) { // ("strains have reduced the Y": a verb and its object)
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

// givenAt reports whether token k starts a unit given in the study.
func (t *Tagger) givenAt(s *scratch, k int32) bool {
	for _, u := range s.pairs.units {
		if u.a == k {
			return u.given
		}
	}
	return false
}

// timeCauseAfter returns the token of a preposition of cause that follows
// the comparative [a, e) (maybe after its adjective: "less severe after")
// and introduces an intervention ("lower after X", "less frequent during
// the X weeks"), or -1.
func (t *Tagger) timeCauseAfter(s *scratch, a, e int32, to int) int32 {
	toks := s.toks
	if e-a > 2 {
		return -1
	}
	c := e
	if int(c)+1 < to && s.tokMent[c] < 0 && !t.onCue(s.cueHits, c) && toks[c].flags&(flagHard|flagClause|flagDigit) == 0 &&
		!t.hasClass2(toks[c], cl2PairCausePrep|cl2PairObjectPrep|cl2Than) {
		c++ // "less severe after"
	}
	if int(c)+1 >= to || toks[c].flags&flagHard != 0 || !t.hasClass2(toks[c], cl2PairCausePrep) || t.hasClass2(toks[c], cl2FindingPrep) {
		return -1 // ("lower with X" and "on X" too; "lower in X" compares groups)
	}
	k := c + 1
	if int(k)+3 < to && toks[k].flags&flagDigit != 0 && s.tokMent[k+1] < 0 && t.hasClass2(toks[k+2], cl2PairOf) {
		k += 3 // "lower after 12 weeks of X"
	}
	if int(k)+1 < to && t.hasClass(toks[k], clsArticle|clsDeterminer) {
		k++
	}
	if int(k)+1 < to && s.tokMent[k] < 0 && t.hasClass(toks[k], clsLess|clsAdjective|clsComparative) && toks[k+1].flags&flagHard == 0 {
		k++ // "worse after poor sleep"
	}
	if kd := t.unitKindAt(s, k); kd != kindIntervention && kd != kindMechanism {
		return -1 // (a mechanism too: "acne was worse after stress")
	}
	return c
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

// populationParticiple reports whether cue h is a participle of exposure
// that qualifies people or animals ("adolescents treated for <condition>"),
// not a relation between concepts.
func (t *Tagger) populationParticiple(s *scratch, text string, h cueHit, from int) bool {
	k := int(h.tok) - 1
	w := text[s.toks[h.tok].start:s.toks[h.tok].end]
	return k >= from && endsIn(w, t.pastEnd) && t.hasClass2(s.toks[k], cl2Population) && s.toks[h.tok].flags&flagHard == 0 &&
		(t.hasClass2(s.toks[h.tok], cl2Exposure) ||
			// "rats deprived of X": the arm without X (pairUnits)
			t.hasClass(s.toks[h.tok], clsLess) && int(h.end) < len(s.toks) && t.hasClass2(s.toks[h.end], cl2PairOf))
}

// afterAppositive reports whether token k follows the closing comma of an
// appositive after a concept ("X, a poorly absorbed antibiotic, reduced
// Y"): an article after the concept and a comma, then up to five words
// with no clause punctuation, or up to eleven when a relative clause is
// among them ("X, a fatty acid that strengthens the gut barrier, reduced
// Y").
func (t *Tagger) afterAppositive(s *scratch, k int32, from int) bool {
	toks := s.toks
	reach := k - 6
	for j := k - 1; j > int32(from) && j >= reach; j-- {
		if toks[j].flags&flagClause == 0 {
			if toks[j].flags&flagHard != 0 {
				return false
			}
			if t.hasClass2(toks[j], cl2Relative) {
				reach = k - 12
			}
			continue
		}
		return j < k-1 && t.appositiveOpens(s, j)
	}
	return false
}

// appositiveOpens reports whether an appositive opens at token j: an
// article after a concept and a comma ("X, a fatty acid ...").
func (t *Tagger) appositiveOpens(s *scratch, j int32) bool {
	return j > 0 && t.hasClass(s.toks[j], clsArticle) && s.tokMent[j-1] >= 0 && t.commaBefore(s, j)
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
	if toks[h.tok].flags&flagClause != 0 && (t.relativeHead(s, s.cueHits, h.tok, from) >= 0 || t.afterExamples(s, h.tok, from) ||
		t.afterAppositive(s, h.tok, from)) {
		// "X, which lowers Y, improved Z": the verb after the relative
		// clause; "Interventions ..., such as X or Y, reduced Z": after
		// the examples
		return false
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
	// ("<X> loss increased Y": a less-word that ends a concept's name is
	// the subject's)
	return k < from || toks[k+1].flags&flagClause != 0 || t.hasClass(toks[k], clsArticle|clsDeterminer) ||
		t.hasClass(toks[k], clsLess) && s.tokMent[k] < 0 ||
		t.hasClass2(toks[k], cl2RelPrep|cl2PairCausePrep|cl2PairObjectPrep|cl2Via) // "via increased <Y>"
}

// afterExamples reports whether the comma before token k closes a list of
// examples that a comma and an example lead opened ("..., such as X or Y,
// reduced Z"), within twelve words.
func (t *Tagger) afterExamples(s *scratch, k int32, from int) bool {
	toks := s.toks
	for j := k - 1; j > int32(from) && j >= k-12; j-- {
		if toks[j].flags&flagClause == 0 {
			continue
		}
		for e := j + 1; e <= j+3 && e < k; e++ {
			if lead := t.exampleLeadBefore(s, e, j-1); lead == j {
				return true
			}
		}
		if t.hasClass(toks[j], clsConj) || s.tokMent[j] >= 0 {
			continue // ("X, Y and Z": the list's own commas)
		}
		return false
	}
	return false
}

// thanBefore reports whether "than" or "versus" stands at most four words
// before token k in its clause, with no concept between.
func (t *Tagger) thanBefore(s *scratch, k int32, from int) bool {
	for j := k - 1; j >= int32(from) && j >= k-4; j-- {
		if s.tokMent[j] >= 0 || s.toks[j+1].flags&flagHard != 0 {
			return false
		}
		if t.hasClass2(s.toks[j], cl2Than) {
			return true
		}
	}
	return false
}

// hadBefore reports whether the concept that ends right before token k
// is the object of a verb of having ("had <Y>", "exhibited (a) <Y>") or of
// a finding ("have reported an altered <Y>").
func (t *Tagger) hadBefore(s *scratch, k int32, from int) bool {
	toks := s.toks
	j, ok := mentionBefore(s, k, from)
	if !ok {
		return false
	}
	for j >= int32(from) && j >= k-8 && (t.hasClass(toks[j], clsArticle|clsDeterminer|clsAdjective|clsLess|clsComparative) || t.onCue(s.cueHits, j) && t.edForm(s, j)) {
		j--
	}
	// ("have reported an altered X and reduced Y": what was found counts
	// as what they had)
	return j >= int32(from) && (t.hasClass2(toks[j], cl2Have) || t.onCueBits(s.cueHits, j, cueFound))
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
		t.hasClass2(toks[j], cl2PairCoordinator) || t.onCue(s.cueHits, j) && t.edForm(s, j) || t.onCueBits(s.cueHits, j, cueCompar) ||
		s.tokMent[j] >= 0 && (toks[j+1].flags&flagHard == 0 || t.commaBefore(s, j+1))) {
		j-- // "both", "higher", "elevated", "better"; an item before ("linked to X, increased Y and elevated Z")
	}
	if j <= int32(from) || !t.hasClass2(toks[j], cl2PairObjectPrep) {
		return false
	}
	for _, g := range s.cueHits {
		// ("linked to": the cue may end with the preposition)
		if (g.end == j || g.end == j+1 && g.tok < j) && g.bits&cueAssoc != 0 && g.bits&(cueInc|cueDec) == 0 {
			// (not an aside after a comma: "Zinc, associated with Y, reduced Z")
			return s.toks[g.tok].flags&flagClause == 0 || t.hasClass2(s.toks[g.tok], cl2Have|cl2PassiveAux)
		}
	}
	return false
}

// nounCueBefore reports whether the relation cue nearest before token k in
// its clause is a noun of change ending in a preposition ("a loss of",
// "a rise in"): what follows the conjunction at k continues its list; not
// when a lowering verb takes the noun as its object ("X prevented the
// rise in Y and lowered Z").
func (t *Tagger) nounCueBefore(s *scratch, k, from int) bool {
	for i := len(s.cueHits) - 1; i >= 0; i-- {
		h := s.cueHits[i]
		if int(h.end) > k || h.bits&relationBits == 0 || joinedByHyphen(s, h.tok) {
			continue // not a hyphenated modifier ("<X>-producing")
		}
		if int(h.tok) < from || clauseBetween(s.toks, int(h.end), k) {
			return false
		}
		if i > 0 {
			if n, dir := t.loweredChange(s, s.cueHits, i-1, k); dir != 0 && n == h.tok {
				// "X prevented the rise in Y and lowered Z": the noun is
				// the object of a verb, which the next verb follows
				return false
			}
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
			return t.hasClass(s.toks[j-1], clsConj) || t.onCueBits(s.cueHits, j, cueContrast|cueNeg|cueInstead) ||
				s.tokMent[j-1] >= 0 && t.plainAside(s, j, k)
		}
	}
	// "oral probiotics, notably L. plantarum and Bifidobacterium strains,
	// reduced Y": examples set aside between the subject and its verb
	for j := k - 1; j > int32(from) && j >= k-9; j-- {
		if t.onCueBits(s.cueHits, j, relationBits) {
			return false
		}
		if s.toks[j].flags&flagClause != 0 {
			return s.tokMent[j-1] >= 0 && t.hasClass2(s.toks[j], cl2PairCoordinator) && !t.hasClass(s.toks[j], clsConj|clsArticle)
		}
	}
	return false
}

// plainAside reports whether tokens [a, b) are words that name no concept
// and no relation: "X, by contrast, worsened Y" sets an adverb aside
// between a subject and its verb.
func (t *Tagger) plainAside(s *scratch, a, b int32) bool {
	if b-a > 3 {
		return false
	}
	for j := a; j < b; j++ {
		if s.tokMent[j] >= 0 || t.onCueBits(s.cueHits, j, relationBits|cueHedge|cueNeg) || s.toks[j].flags&flagLetter == 0 {
			return false
		}
	}
	return true
}

// verbForm3s reports whether token k is a verb's third-person form of a
// less-word or a comparative ("and lowers <Y>"), which an adjective never
// is: it ends like a plural, and its stem is the word of the class.
func (t *Tagger) verbForm3s(s *scratch, k int32) bool {
	if !t.ending(s, k, t.pluralEnd) {
		return false
	}
	w := strings.ToLower(s.text[s.toks[k].start:s.toks[k].end])
	for _, e := range t.pluralEnd {
		if stem, ok := strings.CutSuffix(w, e); ok && stem != "" && t.wordHasClass(stem, clsLess|clsComparative) {
			return true
		}
	}
	return false
}

// formNoun reports whether the one-word cue h, a plural form right after
// an intervention's mention, is followed by a copula or a modal: a plural
// noun, the form the intervention comes in ("probiotic drops are unlikely
// to ...", "vitamin D drops may ..."), not a verb, which would take an
// object or a place ("CRP drops after ..."). A short phrase opened by a
// preposition may come between ("probiotic drops on their own are").
func (t *Tagger) formNoun(s *scratch, h cueHit, from, to int) bool {
	k := h.tok - 1
	if h.end-h.tok != 1 || int(k) < from || int(h.end) >= to || !t.ending(s, h.tok, t.pluralEnd) || s.tokMent[h.tok] >= 0 {
		return false
	}
	m := s.tokMent[k]
	if m < 0 || s.ments[m].tokEnd != h.tok || t.concepts[s.ments[m].concept].kind != kindIntervention {
		return false
	}
	// (a short phrase opened by a preposition may come between:
	// "probiotic drops on their own are"; not a clause of its own:
	// "X helps because it is ...")
	for j := int(h.end); j < to && j <= int(h.end)+4; j++ {
		if t.hasClass(s.toks[j], clsCopula) || t.hasClass2(s.toks[j], cl2Modal) && !t.hasClass2(s.toks[j], cl2Have) {
			return true
		}
		if s.tokMent[j] >= 0 || s.toks[j].flags&(flagHard|flagClause|flagDigit) != 0 || t.hasClass2(s.toks[j], cl2Pronoun|cl2Relative) ||
			t.hasClass3(s.toks[j], cl3CauseConj) || t.onCue(s.cueHits, int32(j)) ||
			j == int(h.end) && !t.hasClass2(s.toks[j], cl2PairObjectPrep|cl2PairCausePrep|cl2FindingPrep|cl2PairBy|cl2PairOf) && !t.hasClass3(s.toks[j], cl3RegimenPrep) {
			return false
		}
	}
	return false
}

// wordHasClass reports whether word, looked up as the tagger normalises
// it, belongs to a class of cls.
func (t *Tagger) wordHasClass(word string, cls uint64) bool {
	id := t.vocab.lookup(t.norm(nil, word))
	return id >= 0 && t.class[id]&cls != 0
}

// inStatistics reports whether token k lies in a parenthesis of statistics
// that opens at most three words before it: no concept inside, a number.
func (t *Tagger) inStatistics(s *scratch, k int32, to int) bool {
	toks := s.toks
	for j := k; j >= 1 && j >= k-3; j-- {
		if e := t.statisticsEnd(s, j, int32(to)); e > k {
			for d := j; d < e; d++ {
				if toks[d].flags&flagDigit != 0 {
					return true
				}
			}
			return false
		}
		if toks[j].flags&flagClause != 0 {
			return false
		}
	}
	return false
}

// peopleBetween reports whether a short phrase ending in a population
// word, with no cue or clause break in it, stands between the verb of
// pr (helping, lowering, raising or harming) and token k ("protect
// stressed <animals> against").
func (t *Tagger) peopleBetween(s *scratch, hits []cueHit, pr predicate, k int32) bool {
	toks := s.toks
	if pr.bits&(cueHelp|cueDec|cueInc|cueHarm) == 0 || pr.hyphen || k-pr.end < 1 || k-pr.end > 4 ||
		!t.hasClass2(toks[k-1], cl2Population) && !(k-pr.end == 1 && t.hasClass2(toks[k-1], cl2Pronoun|cl2Anaphora)) { // ("protected them from")
		return false
	}
	for j := pr.end; j < k; j++ {
		if toks[j].flags&(flagClause|flagHard) != 0 || t.onCue(hits, j) {
			return false
		}
	}
	return true
}

// conceptThenConj reports whether a concept and then a conjunction stand
// in tokens [a, b): what comes before b has an object of its own.
func (t *Tagger) conceptThenConj(s *scratch, a, b int32) bool {
	seen := false
	for k := a; k < b; k++ {
		if s.tokMent[k] >= 0 {
			seen = true
		} else if seen && t.hasClass(s.toks[k], clsConj) {
			return true
		}
	}
	return false
}

// conceptOrChangeAt reports whether a concept or a noun of change (a cue
// of change) starts at token k, past articles, determiners and
// adjectives, or a noun of a concept's ("was followed by a marked
// improvement in <Y>", "... by flares of <Y>").
func (t *Tagger) conceptOrChangeAt(s *scratch, hits []cueHit, k int32, to int) bool {
	j := t.skipFillers(s, k, int32(to), 3)
	if int(j) >= to {
		return false
	}
	if s.tokMent[j] >= 0 || t.onCueBits(hits, j, cueInc|cueDec) || int(j)+1 < to && s.tokMent[j+1] >= 0 && s.toks[j+1].flags&flagHard == 0 {
		return true // (past one word of the concept's: "colonic <bacteria>")
	}
	// "followed by flares of <Y>": a noun and its "of", then the concept
	n := j + 1
	if int(n)+1 >= to || !t.hasClass2(s.toks[n], cl2PairOf|cl2FindingPrep) || s.toks[n].flags&flagHard != 0 {
		return false
	}
	m := t.skipFillers(s, n+1, int32(to), 2)
	return int(m) < to && s.tokMent[m] >= 0
}

// similarInGroups reports whether similarity cue h says the groups did not
// differ: a group word within three words after it, in its clause ("were
// similar in the two groups", "comparable between arms"), with no word of
// the time before the trial opening the clause or after "at" ("at
// baseline").
func (t *Tagger) similarInGroups(s *scratch, h cueHit, to int) bool {
	sa, sb := segment(s, h.tok)
	for k := sa; k < sb && int(k) < to; k++ {
		if t.hasClass3(s.toks[k], cl3Baseline) && (k == sa || t.hasClass3(s.toks[k-1], cl3RiskPrep)) {
			// "Baseline severity was similar in both groups", "... at
			// baseline", "At entry, ...": alike before the trial ("the
			// change from baseline was similar" is a result)
			return false
		}
	}
	for k := int(h.end); k < to && k <= int(h.end)+3; k++ {
		if s.toks[k].flags&flagClause != 0 || s.tokMent[k] >= 0 {
			return false
		}
		if t.hasClass(s.toks[k], clsGroup) && t.hasClass2(s.toks[k], cl2Arm) {
			return true
		}
	}
	return false
}

// frequencyAfterEvent reads a comparative of frequency right after a verb
// of a condition happening (event-verbs), maybe with adverbs between
// ("Y relapsed less often with X", "Y occurred far less often in the X
// group"), and no "than" after it in the clause. It returns -1 for a
// less-word, 1 for another comparative, 0 when the hit is no such
// comparative.
func (t *Tagger) frequencyAfterEvent(s *scratch, h cueHit, from int) int {
	toks := s.toks
	if h.end-h.tok != 1 || h.bits&relationBits != cueCompar || int(h.end) >= len(toks) || s.tokSent[h.end] != s.tokSent[h.tok] ||
		toks[h.end].flags&flagHard != 0 || !t.hasClass4(toks[h.end], cl4Frequency) ||
		!t.hasClass(toks[h.tok], clsLess|clsComparative) {
		return 0
	}
	k := int(h.tok) - 1
	for k > from && k >= int(h.tok)-3 && s.tokMent[k] < 0 && toks[k+1].flags&flagHard == 0 && !t.hasClass4(toks[k], cl4EventVerb) &&
		(t.ending(s, int32(k), t.adverbEnd) || t.hasClass3(toks[k], cl3PlainAdverb) || t.hasClass4(toks[k], cl4Intensifier)) {
		k-- // "far", "much", "noticeably"
	}
	if k < from || toks[k+1].flags&flagHard != 0 || !t.hasClass4(toks[k], cl4EventVerb) || s.tokMent[k] >= 0 {
		return 0 // (not "made <Y> flares less often": the noun of a mention)
	}
	for j := int(h.end) + 1; j < len(toks) && j <= int(h.end)+8 && s.tokSent[j] == s.tokSent[h.tok] && toks[j].flags&flagHard == 0; j++ {
		if t.hasClass2(toks[j], cl2Than) {
			return 0 // "less often with placebo than with X": the groups compared, read as a comparison
		}
	}
	if t.hasClass(toks[h.tok], clsLess) {
		return -1
	}
	return 1
}

// lessEndsVerb reports whether the less-word before token k ends the verb
// phrase it follows ("rose less (steeply) in", "fell less than"): the
// sentence or its clause ends at k, or an adverb, a preposition or
// "than" follows; not an adjective of an object ("feed less friendly
// bacteria").
func (t *Tagger) lessEndsVerb(s *scratch, k int32, to int) bool {
	toks := s.toks
	if int(k) >= to || toks[k].flags&(flagHard|flagClause) != 0 {
		return true
	}
	if s.tokMent[k] >= 0 {
		return false
	}
	if t.hasClass2(toks[k], cl2Than|cl2PairObjectPrep|cl2FindingPrep|cl2PairCausePrep) {
		return true
	}
	// an adverb, and after it what may follow the verb ("rose less
	// steeply in"), not a noun ("less friendly bacteria")
	return (t.ending(s, k, t.adverbEnd) || t.hasClass4(toks[k], cl4Frequency)) && (int(k)+1 >= to || toks[k+1].flags&(flagHard|flagClause) != 0 ||
		s.tokMent[k+1] < 0 && t.hasClass2(toks[k+1], cl2Than|cl2PairObjectPrep|cl2FindingPrep|cl2PairCausePrep))
}

// armAfterLess reports whether an arm follows "less" within six words of
// token k in its clause: a group word, an intervention right before
// people, or "with" and a concept ("rose less (steeply) in the X group",
// "in X-treated mice", "with X"), or a control after "than" ("rose less than in the
// control arm"); not "rose less in women than in men", and not when an
// intervention follows "than" (an active comparator).
func (t *Tagger) armAfterLess(s *scratch, k, to int) bool {
	toks := s.toks
	arm := false
	for j := k; j < to && j < k+6 && (j == k || toks[j].flags&flagClause == 0); j++ {
		switch {
		case t.hasClass2(toks[j], cl2Than):
			// after "than": a control makes the arm the clause's own
			// ("In the X arm, Y rose less than in the control arm"), an
			// intervention is an active comparator, whose smaller
			// change says nothing of X
			for n := j + 1; n < to && n <= j+4 && toks[n].flags&flagClause == 0; n++ {
				if m := s.tokMent[n]; m >= 0 && t.concepts[s.ments[m].concept].kind == kindIntervention {
					return false
				}
				if t.controlWord(toks[n]) {
					return true
				}
			}
			return arm
		case t.hasClass(toks[j], clsGroup) || t.hasClass4(toks[j], cl4ControlWord) || s.tokMent[j] >= 0 && j > k && t.hasClass2(toks[j-1], cl2PairCausePrep) ||
			s.tokMent[j] >= 0 && j > k+1 && t.hasClass(toks[j-1], clsArticle) && t.hasClass2(toks[j-2], cl2PairCausePrep): // ("with the X")
			arm = true
		case s.tokMent[j] >= 0 && t.concepts[s.ments[s.tokMent[j]].concept].kind == kindIntervention && j+1 < to && t.hasClass2(toks[j+1], cl2Population):
			arm = true // ("in probiotic-treated mice")
		}
	}
	return arm
}

// controlGroupAfter reports whether a control or placebo group is named in
// the clause within four words of k, before any "than" ("fell less in the
// placebo group"): the smaller change is then the control's, and the verb
// keeps its direction for the arm compared with it ("rose less than in
// the control arm" names the control as the comparison).
func (t *Tagger) controlGroupAfter(s *scratch, k, to int) bool {
	toks := s.toks
	for j := k; j < to && j < k+4 && (j == k || toks[j].flags&flagClause == 0) && !t.hasClass2(toks[j], cl2Than); j++ {
		if t.controlWord(toks[j]) {
			return true
		}
	}
	return false
}

// addedToSetting reports whether the verb of adding at hits[i] adds what
// follows to an intervention ("Doctors add metronidazole to topical
// creams for rosacea": the creams are the setting, addedToGroup) or adds
// a noun of relation ("fish oil may add some benefit"): either way the
// verb raises nothing itself.
func (t *Tagger) addedToSetting(s *scratch, hits []cueHit, i, to int) bool {
	toks := s.toks
	h := hits[i]
	if i+1 < len(hits) {
		if n := hits[i+1]; n.tok <= h.end+2 && n.bits&relationBits != 0 && (int(n.end) >= to || s.tokMent[n.end] < 0) {
			return true // (not "add beneficial <microbes>": an adjective of what is added)
		}
	}
	for j := h.end; int(j)+1 < to && j <= h.end+6 && toks[j].flags&flagHard == 0; j++ {
		if !t.hasClass2(toks[j], cl2PurposeTo) {
			continue
		}
		for k := j + 1; int(k) < to && k <= j+3; k++ {
			if m := s.tokMent[k]; m >= 0 {
				return t.concepts[s.ments[m].concept].kind == kindIntervention
			}
		}
		return false
	}
	return false
}
