package tagger

import (
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
)

// This file reads what links several relations (pairs.go): chains and
// paths ("X raised Y, which lowered Z", "via Z", "M may mediate the effects
// of X on Y"), lists of results after a causing verb, examples after "such
// as", conversions ("ferment <X> into <Z>"), agents of nouns of change, and
// treatments ("X for <condition>").

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
		if sg > 0 && p.groups[sg-1].a >= int32(from) && t.addedToGroup(s, sg) && t.groupHasKind(s, sg-1, kindIntervention) {
			sg-- // "add X to <Y> for Z": Y is the setting, X what treats Z
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

// conversionProducts reads a verb of conversion with its product ("gut
// bacteria ferment <X> into <Z>", "<X> is fermented by <Y> into <Z>",
// "these taxa ferment <X> to <Z>"):
// the product after "into" is what the verb raises, and the substance
// converted raises it too.
func (t *Tagger) conversionProducts(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	n := len(p.preds)
	for i := 0; i < n; i++ {
		pr := &p.preds[i]
		// "<X> is fermented into <Z>": a passive with no agent has the
		// substance before it and the product after "into" (the cue
		// phrases take in a place: "fermented in the colon into")
		passive := pr.subj < 0 && pr.obj >= 0 && p.groups[pr.obj].b <= pr.tok
		// "Both taxa ferment <X> to <Z>": an agent outside the taxonomy
		agentless := pr.subj < 0 && pr.obj >= 0 && p.groups[pr.obj].a >= pr.end
		if pr.hyphen || pr.subj < 0 && !passive && !agentless || pr.bits&(cueInc|cueDec) == 0 || !t.conversionVerb(s, pr) {
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
			// ("ferment <X> to <Z>": "to" right after the substance)
			if t.hasClass(toks[k], clsProductPrep) || t.hasClass2(toks[k], cl2PurposeTo) && pr.obj >= 0 && p.groups[pr.obj].b == k && k > pr.end {
				if g := p.groupAfter(k+1, int32(to)); g >= 0 && p.groups[g].a == t.skipFillers(s, k+1, int32(to), 3) {
					product = g
				}
				break
			}
		}
		if (passive || agentless) && product < 0 {
			continue // ("<X> is fermented into gas": no product of the taxonomy)
		}
		if product < 0 && pr.obj >= 0 && t.groupHasKind(s, pr.obj, kindIntervention) && !t.groupHasKind(s, pr.subj, kindIntervention) {
			// "Roseburia, which ferment dietary fibre": fermenting the
			// substance changes nothing of it that the text states
			pr.obj = -1
			continue
		}
		if product < 0 || product == pr.subj || product == pr.obj {
			continue
		}
		pr.bits = pr.bits&^(cueDec|cueHelp) | cueInc // ("break down <X> into <Z>": what is broken down raises the product)
		if passive || agentless {
			pr.subj, pr.obj = pr.obj, product
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

// viaChanges reads "X eased Y through the production of Z" and "X eased Y
// via a reduction in Z": a noun of change with a direction after "via" or
// "through" is the means of the subject before, as a gerund is ("by
// lowering Z"): X moves Z in the noun's direction. Its "of" made the
// nearest concept before it its subject.
//
// A participle of direction before the noun ("through increased
// production of Z", "via reduced synthesis of Z") is its adjective: it
// relates nothing itself, and a less-word turns the noun's direction.
func (t *Tagger) viaChanges(s *scratch, hits []cueHit, from int) {
	p := &s.pairs
	toks := s.toks
	adjectives := int32(-1)
	for i := 1; i < len(p.preds); i++ {
		pr := &p.preds[i]
		k := pr.tok - 1
		if k > int32(from)+1 && s.tokMent[k] < 0 && !t.onCue(hits, k) && toks[k].flags&flagHard == 0 && t.adjectiveWord(s, k) &&
			t.hasClass2(toks[k-1], cl2Via) {
			k-- // "through microbial production of Z"
		}
		if k > int32(from) && t.hasClass(toks[k], clsArticle) {
			k--
		}
		j := i - 1
		adj := int32(-1)
		if k > int32(from)+1 && p.preds[j].tok == k && p.preds[j].end == pr.tok && t.hasClass2(toks[k-1], cl2Via) &&
			(t.hasClass(toks[k], clsLess|clsComparative) || t.edForm(s, k)) && toks[k].flags&flagHard == 0 && j > 0 {
			adj, k, j = k, k-1, j-1
		}
		prev := &p.preds[j]
		if k <= int32(from) || !t.hasClass2(toks[k], cl2Via) || toks[k].flags&flagHard != 0 && !t.commaBefore(s, k) ||
			pr.obj < 0 || pr.hyphen || !t.changeOfNoun(s, hits, pr) ||
			prev.subj < 0 || prev.hyphen || prev.end > k || prev.subj == pr.obj || pr.subj >= 0 && pr.subj != prev.obj {
			continue
		}
		pr.subj = prev.subj
		if adj >= 0 {
			if t.hasClass(toks[adj], clsLess) {
				pr.bits = flipDirection(pr.bits)
			}
			p.preds[i-1].tok = -1 // the adjective relates nothing itself
			pr.headless = false   // and the noun is no item of its phrase
			adjectives = 0
		}
	}
	if adjectives == 0 {
		p.preds = slices.DeleteFunc(p.preds, func(q predicate) bool { return q.tok < 0 })
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

// additionTreatments reads "X may be a simple, cheap addition to Y care":
// a noun of addition after a copula and an article, past adjectives, and
// before "to" or "for" and a concept that is no intervention, names what
// the subject does for that concept: X treats Y.
func (t *Tagger) additionTreatments(s *scratch, hits []cueHit, from, to int) {
	p := &s.pairs
	toks := s.toks
	for n := int32(from) + 3; int(n)+2 < to; n++ {
		if !t.hasClass2(toks[n], cl2AdditionWord) || t.edForm(s, n) || t.ingForm(s, n) || s.tokMent[n] >= 0 ||
			!t.hasClass2(toks[n+1], cl2Purpose|cl2PurposeTo) || toks[n+1].flags&flagHard != 0 {
			continue
		}
		og := p.groupAfter(n+2, int32(to))
		reach := n + 6 // ("an addition to the care of <Y>")
		if og >= 0 && p.groups[og].a <= n+6 && t.groupHasKind(s, og, kindIntervention) {
			// "an adjunct to emollient therapy in young children with
			// <Y>": what it is added to is a setting, the condition of
			// the people after it the object
			og = t.conditionFoundIn(s, p.groups[og].b, int32(to))
			reach = n + 8
		}
		if og < 0 || p.groups[og].a > reach || t.groupHasKind(s, og, kindIntervention) || p.predBetween(n, p.groups[og].a) ||
			hardBetween(s.toks, n+1, p.groups[og].a) {
			continue // ("an adjunct to X, although patients with Y ...": another clause)
		}
		// back over adjectives and commas to the article and the copula
		k := n - 1
		for k > int32(from) && k > n-6 && !t.hasClass(toks[k], clsArticle) && s.tokMent[k] < 0 &&
			(!t.onCue(hits, k) || t.onCueBits(hits, k, cueHelp)) && toks[k].flags&flagLetter != 0 { // ("a useful adjunct")
			k--
		}
		if !t.hasClass(toks[k], clsArticle) || k-1 <= int32(from) || !t.hasClass(toks[k-1], clsCopula) && !t.hasClass2(toks[k-1], cl2PassiveAux) {
			continue
		}
		v := k - 1
		for v > int32(from) && v > k-4 && t.hasClass2(toks[v-1], cl2Modal) {
			v--
		}
		sg := p.groupBefore(v, int32(from))
		if sg < 0 || p.groups[sg].b < v-2 || !t.groupHasKind(s, sg, kindIntervention) {
			continue
		}
		plain := true // ("improving sleep hygiene may be ...": the head noun of the subject's phrase)
		for j := p.groups[sg].b; j < v; j++ {
			plain = plain && s.tokMent[j] < 0 && !t.onCue(hits, j) && toks[j].flags&(flagHard|flagLetter) == flagLetter
		}
		if !plain {
			continue
		}
		taken := false
		for _, q := range p.preds {
			taken = taken || q.subj == sg && q.obj == og
		}
		if taken {
			continue
		}
		i, _ := slices.BinarySearchFunc(p.preds, n, func(q predicate, tok int32) int { return int(q.tok - tok) })
		p.preds = slices.Insert(p.preds, i, predicate{tok: n, end: n + 1, bits: cueDec | cueHelp, subj: sg, obj: og, obj2: -1, within: -1, via: -1, collect: -1})
	}
}

// hardBetween reports whether punctuation other than a hyphen or a slash
// separates two of the tokens [a, b].
func hardBetween(toks []token, a, b int32) bool {
	for k := a + 1; k <= b && int(k) < len(toks); k++ {
		if toks[k].flags&flagHard != 0 {
			return true
		}
	}
	return false
}

// copulaSubjects reads "What does help Y is X" and "The main treatment for
// Y is X": a relation that opens the sentence with no subject before it,
// whose object is followed by a copula (after at most three plain words,
// "What helps Y most is X"), has the intervention named after the copula
// as its subject.
func (t *Tagger) copulaSubjects(s *scratch, from, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj >= 0 || pr.obj < 0 || pr.hyphen || pr.bits&(cueInc|cueDec) == 0 || pr.tok > int32(from)+4 ||
			p.groups[pr.obj].a < pr.end || t.groupHasKind(s, pr.obj, kindIntervention) {
			continue
		}
		c := p.groups[pr.obj].b
		for c < p.groups[pr.obj].b+4 && int(c) < to && !t.hasClass(toks[c], clsCopula) && toks[c].flags&flagHard == 0 &&
			s.tokMent[c] < 0 && !t.onCue(s.cueHits, c) {
			c++ // "What helps Y most (day to day) is X"
		}
		if int(c) >= to || !t.hasClass(toks[c], clsCopula) {
			continue
		}
		g := p.groupAfter(c+1, int32(to))
		// (a list after the copula may name the intervention late: "The
		// main triggers of Y are hot drinks, spicy dishes and foods high
		// in sugar")
		if g < 0 || p.groups[g].a > c+14 || p.groups[g].a > c+8 && t.breakBetween(s.cueHits, c, p.groups[g].a) ||
			p.predBetween(c, p.groups[g].a) || !t.groupHasKind(s, g, kindIntervention) ||
			t.negatorBefore(s, s.cueHits, p.groups[g].a, c) {
			continue // (not "What helps Y is not X")
		}
		pr.subj = g
	}
}

// frontedCauseOutcomes reads "After X, Y was less severe": a comparative
// said of an outcome with no object, in a sentence opened by a cause of
// time (pairUnit marks its intervention given), has that cause as subject
// and moves the outcome in the comparative's direction.
func (t *Tagger) frontedCauseOutcomes(s *scratch, from int) {
	p := &s.pairs
	if len(p.groups) < 2 || p.groups[0].a > int32(from)+2 || !p.units[p.groups[0].first].given ||
		!t.groupHasKind(s, 0, kindIntervention) {
		return
	}
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj <= 0 || pr.obj >= 0 || pr.bits&cueCompar == 0 || p.groups[pr.subj].b > pr.tok {
			continue
		}
		if dir := t.comparativeAt(s, s.cueHits, pr.tok); dir != 0 || pr.bits&(cueInc|cueDec) != 0 {
			pr.subj, pr.obj, pr.compare = 0, pr.subj, false
			if pr.bits&(cueInc|cueDec) == 0 {
				pr.bits |= directionBits(dir)
			}
		}
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
		// (the verb's own object may lie outside the taxonomy, with
		// nouns of change without direction in it: "X prevented both the
		// microbial shift and the rise in Z")
		for j > 0 && p.preds[j].obj < 0 && t.associationOnly(&p.preds[j]) && p.preds[j].tok > p.preds[j-1].end && !p.preds[j].hyphen {
			j--
		}
		a := &p.preds[j]
		if a.hyphen || a.subj < 0 || a.denial || a.within >= 0 || a.end-a.tok != 1 || a.obj >= 0 && p.groups[a.obj].a < a.end {
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
		if int(a.end) < len(toks) && t.hasClass2(toks[a.end], cl2PairOf|cl2FindingPrep) {
			continue // a noun of change itself ("improvements in Y and reductions in Z")
		}
		// between the verb's object and the noun: plain words of the
		// object's phrase, then a conjunction and maybe an article
		k := pr.tok - 1
		if k > 0 && t.hasClass(toks[k], clsArticle) {
			k--
		}
		lo := a.end
		if a.obj >= 0 {
			lo = p.groups[a.obj].b
		}
		if k < lo || !t.hasClass(toks[k], clsConj) || k-lo > 5 {
			continue
		}
		ok := true
		for m := lo; m < k; m++ {
			if s.tokMent[m] >= 0 || t.hasClass(toks[m], clsConj) || toks[m].flags&flagHard != 0 && !t.commaBefore(s, m) {
				ok = false
			}
			for _, q := range p.preds {
				if q.tok <= m && m < q.end && !q.hyphen && !(a.obj < 0 && q.obj < 0 && t.associationOnly(&q)) {
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
			far := false // the qualifier stands before the item's adjectives: "and dampened allergic <Y>"
			for j := i + 1; j < n && q < 0 && a-2 >= k; j++ {
				if qj := &p.preds[j]; qj.tok >= k && qj.end-qj.tok == 1 && qj.end < a && qj.end >= a-2 && t.listVerb(s, qj) &&
					!t.cueBetween(hits, qj.end, a) && s.tokMent[qj.end] < 0 {
					q, far = j, true
				}
			}
			if q >= 0 {
				// only a qualifier opens an item: "higher", "lower",
				// "reduced"; "fuelling Z" is a clause of its own
				// (not the main verb after the relative clause the list
				// stands in: "X, which is made by W, which ferments F,
				// lowers Z")
				if qp := &p.preds[q]; qp.bits&(cueCompar|cueInc|cueDec) == 0 || qp.denial || qp.hyphen || qp.afterRel ||
					!(qp.bits&cueCompar != 0 || t.hasClass(toks[qp.tok], clsLess|clsComparative) || t.edForm(s, qp.tok)) {
					break
				}
			}
			open := a
			if q >= 0 || a-1 >= k && t.hasClass(toks[a-1], clsLess|clsComparative) {
				open = a - 1
			}
			if far {
				open = p.preds[q].tok
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
		(s.toks[q.tok].flags&flagClause != 0 || t.hasClass(s.toks[q.tok-1], clsConj)) &&
		!(int(q.end) < len(s.toks) && t.hasClass(s.toks[q.end], clsArticle)) // ("and impaired the <Y>": a verb and its object)
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
		case s.tokMent[j] >= 0 || toks[j].flags&(flagHard|flagDigit) != 0 && toks[j].flags&flagClause == 0 ||
			t.hasClass2(toks[j], cl2Relative|cl2Modal):
			return false // ("<X> levels, which may worsen <Z>": a relative clause, no item)
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
	if nx.bits&cueAssoc == 0 || nx.bits&(cueInc|cueDec) != 0 && nx.bits&cueTopic == 0 || e >= sb || toks[e].flags&flagHard != 0 ||
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
		if a <= k && int(k)+1 < to && toks[k].flags&flagHard == 0 && t.hasClass2(toks[k], cl2PairObjectPrep) && t.hasClass2(toks[k], cl2PairCausePrep) {
			a = k + 1 // "depletion of Y with X": the instrument of the change
		}
		if a <= k {
			continue
		}
		g := p.groupAfter(a, int32(to))
		if g < 0 || p.groups[g].a > a+1 || !t.groupHasKind(s, g, kindIntervention) {
			continue
		}
		bits := directionBits(dir)
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
		subj, within := pr.subj, pr.within
		if subj < 0 && within >= 0 && pr.denial && p.groups[within].b <= pr.tok {
			// "whereas Z and W did not differ from control": a list of two
			// kinds denied together is the outcomes, no relation within
			subj, within = within, -1
		}
		// (or the groups compared: "Zonulin was elevated in the rosacea
		// group, whereas CRP did not differ")
		if subj < 0 || pr.obj >= 0 || within >= 0 || pr.hyphen || pr.headless || pr.relative ||
			!(pr.denial || t.hasClass2(toks[pr.tok], cl2OutcomeVerb)) ||
			prev.subj < 0 || prev.obj < 0 || prev.within >= 0 || prev.denial || prev.negated ||
			!t.groupHasKind(s, prev.subj, kindIntervention) && !(prev.compare && pr.denial && t.groupHasKind(s, prev.subj, kindCondition)) ||
			t.groupHasKind(s, subj, kindIntervention) {
			continue
		}
		g := p.groups[subj]
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
			if t.hasClass2(toks[k], cl2FindingPrep) && !t.hasClass2(toks[k], cl2PairCausePrep|cl2PairBy) && t.treatedPeople(s, k+1, sb) {
				break // "and Z improved in most patients": the people treated
			}
			if pr.denial && k == pr.end && (t.comparedWithControl(s, k, sb) || pr.bits&cueSimilar != 0) {
				break // "whereas Z did not differ from placebo (between the groups)": the arms compared
			}
			own = own || s.tokMent[k] >= 0 || t.hasClass2(toks[k], cl2PairCausePrep|cl2FindingPrep|cl2PairBy)
		}
		if !own {
			pr.subj, pr.obj, pr.within = prev.subj, subj, -1
		}
	}
}

// comparedWithControl reports whether token k opens a phrase that names
// the arms a denial compares ("from placebo", "from control", "between
// the groups"): a preposition, maybe an article, then a group word, and
// nothing more in the clause.
func (t *Tagger) comparedWithControl(s *scratch, k, sb int32) bool {
	toks := s.toks
	if k+1 >= sb || toks[k].flags&flagHard != 0 || !t.hasClass2(toks[k], cl2PairCausePrep|cl2FindingPrep|cl2PairBetween) {
		return false
	}
	j := k + 1
	if j+1 < sb && t.hasClass(toks[j], clsArticle|clsDeterminer) {
		j++
	}
	if !t.hasClass(toks[j], clsGroup) && !t.hasClass3(toks[j], cl3PlaceboWord) || toks[j].flags&flagHard != 0 || s.tokMent[j] >= 0 {
		return false
	}
	for j++; j < sb; j++ {
		if s.tokMent[j] >= 0 || t.onCue(s.cueHits, j) {
			return false
		}
	}
	return true
}

// repeatedPrepositions reads "X was associated with Y and with a higher
// risk of Z": the verb's preposition repeated after a conjunction opens a
// second object of the same verb, whose subject is X, not the Y before.
func (t *Tagger) repeatedPrepositions(s *scratch, from int) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr, prev := &p.preds[i], &p.preds[i-1]
		k := pr.tok - 1
		for k > int32(from) && t.hasClass(toks[k], clsArticle|clsDeterminer) {
			k--
		}
		if prev.subj < 0 || prev.obj < 0 || pr.subj != prev.obj || pr.obj < 0 || k <= int32(from) || k >= pr.tok ||
			int(prev.end) >= len(toks) || !t.hasClass2(toks[k], cl2PairObjectPrep) || !t.hasClass(toks[k-1], clsConj) ||
			toks[k].id < 0 || toks[prev.end].id != toks[k].id && toks[prev.tok].id != toks[k].id || p.groups[prev.obj].b > k-1 {
			continue // (the cue may start with the preposition: "with more severe Y and with higher Z")
		}
		pr.subj = prev.subj
	}
}

// associatedAdjectiveItems reads "X was associated with elevated Y and
// worse Z": after the object of an association, a conjunction and a
// comparative adjective open a second object of the association, also
// when it is of another kind than the first.
func (t *Tagger) associatedAdjectiveItems(s *scratch, hits []cueHit) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.obj2 >= 0 || pr.subj < 0 || !t.associationOnly(pr) || pr.obj+1 >= len(p.groups) {
			continue
		}
		k := p.groups[pr.obj].b
		g := pr.obj + 1
		a := p.groups[g].a
		if a-k < 2 || a-k > 3 || a-k == 3 && !t.sampleWord(s, k+2) || int(a) >= len(toks) || !t.hasClass(toks[k], clsConj) || toks[k].flags&flagHard != 0 || toks[k+1].flags&flagHard != 0 ||
			!t.onCueBits(hits, k+1, cueCompar) && !(t.hasClass(toks[k+1], clsLess|clsComparative) && !t.edForm(s, k+1)) ||
			p.predBetween(k, a) || g == pr.subj {
			continue
		}
		pr.obj2 = g
	}
}

// crossedSubjects reads "H. eradication with X had no effect on Y": a
// noun of change whose object is the subject of the next predicate heads
// that predicate's subject; a concept after the next predicate is no
// subject of the noun.
func (t *Tagger) crossedSubjects(s *scratch) {
	p := &s.pairs
	for i := 0; i+1 < len(p.preds); i++ {
		pr, nx := &p.preds[i], &p.preds[i+1]
		if pr.subj < 0 || pr.obj < 0 || pr.hyphen || nx.hyphen || nx.subj != pr.obj || p.groups[pr.subj].a < nx.end ||
			p.groups[pr.obj].b > nx.tok {
			continue
		}
		pr.subj = -1
	}
}

// hyphenCauseObjects reads "X can cut the risk of Y-associated
// diarrhoea": a concept before a hyphenated word of association names
// what goes with the noun after it, and when that noun is outside the
// taxonomy the verb before acts on it, not on the concept. (A cause is
// different: "X eased the deficits induced by Y" acts on Y.)
func (t *Tagger) hyphenCauseObjects(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.hyphen || pr.obj < 0 {
			continue
		}
		for _, h := range p.preds {
			if h.hyphen && h.subj == pr.obj && h.obj < 0 && h.tok == p.groups[pr.obj].b && h.tok > pr.end && t.associationOnly(&h) &&
				t.plainHead(s, h.end) {
				pr.obj = -1
				break
			}
		}
	}
}

// plainHead reports whether token k is a noun outside the taxonomy that
// ends its phrase: no concept, no cue, and a break, a preposition or the
// end of the text after it.
func (t *Tagger) plainHead(s *scratch, k int32) bool {
	toks := s.toks
	if int(k) >= len(toks) || s.tokMent[k] >= 0 || t.onCue(s.cueHits, k) || toks[k].flags&(flagHard|flagClause|flagDigit) != 0 ||
		toks[k].flags&flagLetter == 0 {
		return false
	}
	e := k + 1
	return int(e) >= len(toks) || toks[e].flags&flagHard != 0 || s.tokSent[e] != s.tokSent[k] || s.tokMent[e] < 0 && !t.onCue(s.cueHits, e) &&
		(t.hasClass(toks[e], clsConj) || t.hasClass2(toks[e], cl2PairOf|cl2FindingPrep|cl2PairObjectPrep|cl2PairCausePrep))
}

// helpedPronouns reads "X feeds Y and helps them make Z": a verb of help
// with a pronoun as its object and a bare verb after it says that what
// the pronoun stands for (the object before) makes Z; X helps it do so.
func (t *Tagger) helpedPronouns(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr, prev := &p.preds[i], &p.preds[i-1]
		e := pr.end
		if pr.bits&cueHelp == 0 || pr.obj < 0 || prev.obj < 0 || prev.obj == pr.obj || int(e)+2 >= len(toks) ||
			!t.hasClass2(toks[e], cl2Pronoun) || s.tokMent[e] >= 0 || toks[e+1].flags&(flagHard|flagClause) != 0 ||
			s.tokMent[e+1] >= 0 || p.groups[pr.obj].a != e+2 && !(p.groups[pr.obj].a == e+3 && t.hasClass(toks[e+2], clsArticle|clsDeterminer)) {
			continue
		}
		pr.subj = prev.obj
	}
}

// gerundAgents reads "eradicating the overgrowth with rifaximin": a gerund
// whose object is followed by "with" and an intervention has that
// intervention as its subject (docs/ANNOTATION.md: a gerund phrase is its
// own subject's means).
func (t *Tagger) gerundAgents(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.hyphen || pr.denial || !t.ingForm(s, pr.tok) || p.groups[pr.obj].a < pr.end ||
			int(pr.end) < len(toks) && t.hasClass2(toks[pr.end], cl2PairOf) {
			continue // (not a noun: "worsening of Y by ...")
		}
		k := p.groups[pr.obj].b
		if int(k)+1 >= len(toks) || toks[k].flags&flagHard != 0 || !t.hasClass2(toks[k], cl2PairCausePrep) ||
			t.hasClass2(toks[k], cl2FindingPrep|cl2PairBy) {
			continue
		}
		g := p.groupAfter(k+1, int32(len(toks)))
		if g < 0 || g == pr.subj || p.groups[g].a > k+7 || !t.groupHasKind(s, g, kindIntervention) || p.predBetween(k+1, p.groups[g].a) {
			continue
		}
		ok := true
		for j := k + 1; j < p.groups[g].a; j++ {
			ok = ok && s.tokMent[j] < 0 && toks[j].flags&flagHard == 0 && !t.onCue(s.cueHits, j)
		}
		if ok {
			pr.subj = g
		}
	}
}

// treatedPeople reports whether tokens [a, b) name people with at most
// a quantifier, an article or a number before them ("most patients",
// "two of the children", "29"), and no group of their own: not
// "controls" or "the placebo group", whose change is no effect of the
// intervention.
func (t *Tagger) treatedPeople(s *scratch, a, b int32) bool {
	toks := s.toks
	for k := a; k < b && k < a+5; k++ {
		switch {
		case s.tokMent[k] >= 0 || t.hasClass(toks[k], clsGroup) || toks[k].flags&flagHard != 0 && k > a:
			return false
		case t.hasClass2(toks[k], cl2Population):
			return k+1 >= b || toks[k+1].flags&flagHard != 0
		case toks[k].flags&flagDigit != 0:
			if k+1 >= b || toks[k+1].flags&flagHard != 0 {
				return true // "improved in 29"
			}
		case !t.hasClass(toks[k], clsArticle|clsDeterminer) && !t.hasClass2(toks[k], cl2PairOf) && (!t.sampleWord(s, k) && !t.hasClass(toks[k], clsComparative) || t.onCue(s.cueHits, k)):
			return false // ("most", "the remaining": a word before the people)
		}
	}
	return false
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

// coChanges reads "The fall in Y mirrored the increase in Z" and
// "coincided with a rise in Z": two changes that go together are
// associated, and the second noun of change relates nothing by itself.
func (t *Tagger) coChanges(s *scratch, hits []cueHit, to int) {
	p := &s.pairs
	toks := s.toks
	for i := 0; i+1 < len(p.preds); i++ {
		pr, nx := &p.preds[i], &p.preds[i+1]
		if pr.obj >= 0 || pr.subj < 0 || pr.hyphen || nx.obj < 0 || nx.hyphen || !t.associationOnly(pr) ||
			!t.changeOfSubject(s, hits, i) {
			continue // "X use was associated with a decrease in Y" keeps its direction
		}
		k := pr.end
		if k < int32(to) && toks[k].flags&flagHard == 0 && t.hasClass2(toks[k], cl2PairObjectPrep|cl2PairCausePrep) {
			k++ // "coincided with", "went along with"
		}
		f := t.skipFillers(s, k, int32(to), 3)
		if f+1 == nx.tok && s.tokMent[f] < 0 && (t.hasClass(toks[f], clsComparative|clsLess) || t.onCueBits(hits, f, cueCompar)) {
			f++ // "tracked with larger falls in Z"
		}
		if f == nx.tok && (t.changeOfNoun(s, hits, nx) && t.changeNounPhrase(s, nx) || t.helpNounOf(s, nx) ||
			nx.bits&cueCompar != 0 && nx.end-nx.tok == 1 && p.units[p.groups[nx.obj].first].tail != 0) { // "... with larger PASI improvements"
			pr.obj, nx.headless = nx.obj, true
			for j := range p.preds {
				// and so does the subject's own noun of change ("The
				// improvement in Y did not correlate with the rise in Z")
				if q := &p.preds[j]; j != i && q.obj == pr.subj && q.end < p.groups[pr.subj].a && p.groups[pr.subj].a-q.end <= 2 &&
					t.hasClass2(toks[p.groups[pr.subj].a-1], cl2PairOf|cl2FindingPrep) {
					q.headless = true
				}
			}
		}
	}
}

// repeatedAssociations reads "X tracked with Y and with Z", "linked to Y
// and to Z": a verb of association whose preposition comes again after a
// conjunction relates its subject to a second object; what lies between
// that preposition and the second object ("and with higher levels of Z")
// relates nothing else.
func (t *Tagger) repeatedAssociations(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj < 0 || pr.obj < 0 || pr.obj2 >= 0 || pr.hyphen || !t.associationOnly(pr) {
			continue
		}
		prep := toks[pr.end-1]
		late := false
		e := pr.end
		for n := 0; n < 2 && int(e) < to && s.tokMent[e] < 0 && toks[e].flags&flagHard == 0 && t.ending(s, e, t.adverbEnd); n++ {
			e++ // "correlated positively with": an adverb before the preposition
		}
		if !t.hasClass2(prep, cl2PairObjectPrep) && int(e) < to && t.hasClass2(toks[e], cl2PairObjectPrep) {
			prep, late = toks[e], true // "correlated with": the cue is the verb alone
		}
		if !t.hasClass2(prep, cl2PairObjectPrep) {
			continue
		}
		k := p.groups[pr.obj].b
		if int(k)+1 < to && t.headNoun(s, s.cueHits, k) && byteBefore(s.text, int(toks[k+1].start)) == '(' {
			k++ // "with <Y> area (r = -0.63) and with Z"
		}
		k = t.afterParenthesis(s, k, to) // ("with Y (rho = 0.44) and with Z")
		if int(k)+1 < to && t.headNoun(s, s.cueHits, k) && t.hasClass(toks[k+1], clsConj) {
			k++ // "with <Y> levels and with Z"
		}
		if int(k)+2 >= to || !t.hasClass(toks[k], clsConj) || toks[k+1].flags&flagHard != 0 ||
			!strings.EqualFold(s.text[toks[k+1].start:toks[k+1].end], s.text[prep.start:prep.end]) {
			continue
		}
		g := p.groupAfter(k+2, int32(to))
		if g < 0 || p.groups[g].a > k+8 {
			continue
		}
		if late && p.predBetween(k+2, p.groups[g].a) {
			continue // ("... and with a higher risk of Z": the risk says how)
		}
		for j := k + 2; j < p.groups[g].a; j++ {
			if toks[j].flags&flagHard != 0 {
				g = -1
				break
			}
		}
		if g < 0 {
			continue
		}
		pr.obj2 = g
		for q := range p.preds {
			if qp := &p.preds[q]; qp.tok > k && qp.tok < p.groups[g].a {
				qp.headless = true
			}
		}
	}
}

// favouredArms reads "the (pooled) reduction in Y favoured X": a change
// whose result favours an intervention is the intervention's effect, X
// moves Y in the change's direction. The noun of change relates nothing
// itself.
func (t *Tagger) favouredArms(s *scratch) {
	p := &s.pairs
	for i := 1; i < len(p.preds); i++ {
		pr, q := &p.preds[i], &p.preds[i-1]
		if !t.hasClass(s.toks[pr.tok], clsFavour) || pr.obj < 0 || q.obj < 0 || q.obj != pr.subj || q.hyphen ||
			!t.groupHasKind(s, pr.obj, kindIntervention) {
			continue
		}
		dir, _ := t.changeNoun(s, s.cueHits, q.tok)
		if dir == 0 {
			continue
		}
		pr.subj, pr.obj, pr.bits = pr.obj, q.obj, pr.bits&^(cueInc|cueDec|cueHelp|cueHarm|cueAssoc)|directionBits(dir)
		q.headless = true
	}
}

// loweredRelatives reads "X lowers Y, which may ease Z" (or harms a Y
// that is good: "X weakens the barrier, which worsens Z"): the relative
// clause speaks of the lowering. X > Z takes the clause's verb, and Y > Z
// the other way (lowering Y eases Z: Y itself worsens it), as for
// "lowering Y improved Z" (docs/ANNOTATION.md). A verb that raises or
// causes right after the pronoun ("X lowers Y, which drives Z") speaks of
// Y itself: Y > Z takes the verb, and X > Z the other way.
func (t *Tagger) loweredRelatives(s *scratch) {
	p := &s.pairs
	toks := s.toks
	n := len(p.preds)
	for i := 1; i < n; i++ {
		pr := &p.preds[i]
		if pr.subj < 0 || pr.obj < 0 || pr.hyphen || pr.denial || pr.lowered || pr.bits&(cueInc|cueDec) == 0 {
			continue
		}
		q := &p.preds[i-1]
		if q.obj != pr.subj || q.subj < 0 || q.hyphen || q.denial {
			continue
		}
		// a lowering verb, or one that harms what is good ("X weakens
		// the <barrier>, which worsens Z"), whose relative clause then
		// speaks of the loss when its verb raises or harms ("which
		// worsens Z"; not "which protects against Z": what Y itself does)
		harmed := false
		if lowers := q.bits&cueDec != 0 && q.bits&(cueInc|cueHelp) == 0; !lowers {
			yu := p.units[p.groups[q.obj].first]
			// (harming the gut barrier, a synonym that names the opposite
			// of permeability, raises its concept)
			if q.bits&cueHarm == 0 || q.bits&(cueDec|cueHelp) != 0 || !t.concepts[yu.concept].beneficial || yu.inverse ||
				pr.bits&cueInc == 0 || pr.bits&(cueDec|cueHelp) != 0 {
				continue
			}
			harmed = true
		}
		e := p.groups[q.obj].b
		rel := false
		for k := e; k < pr.tok && k <= e+1; k++ {
			rel = rel || t.hasClass2(toks[k], cl2Relative) && toks[k].flags&flagClause != 0
		}
		// "X lowers Y, which drives Z": a verb that raises or causes,
		// right after the relative pronoun, says what Y itself does; X
		// lowers Z through it
		yu := p.units[p.groups[q.obj].first]
		// (lowering the diversity, the community or the barrier is a loss,
		// which "which drives Z" speaks of)
		good := t.concepts[yu.concept].beneficial != yu.inverse && slices.Contains([]int32{t.diversity, t.community, t.communityAlt, t.barrier, t.barrierAlt}, yu.concept)
		v := e + 1
		if int(v) < len(toks) && t.hasClass2(toks[v], cl2Relative) {
			v++
		}
		for v < pr.tok {
			if t.hasClass2(toks[v], cl2Modal) || t.ending(s, v, t.adverbEnd) || t.hasClass3(toks[v], cl3ChainAdverb|cl3PlainAdverb) {
				v++ // "which can (often) drive Z"
				continue
			}
			if v+2 <= pr.tok && t.hasClass2(toks[v], cl2Raising) && t.hasClass2(toks[v+1], cl2PurposeTo) {
				v += 2 // "which tend to drive Z"
				continue
			}
			if i := slices.IndexFunc(s.cueHits, func(h cueHit) bool { return h.tok == v && h.bits == cueNeutral }); i >= 0 {
				v = s.cueHits[i].end // "which in turn drive Z"
				continue
			}
			break
		}
		own := rel && !good && !harmed && pr.bits&cueInc != 0 && pr.bits&(cueDec|cueHelp) == 0 && !p.units[p.groups[pr.obj].first].less &&
			pr.tok == v
		// "..., leading to fewer Z", "..., resulting in less Z": a
		// participle of consequence after a comma speaks of the lowering
		// too
		rel = rel || pr.tok == e && toks[pr.tok].flags&flagClause != 0 && t.ingForm(s, pr.tok) && pr.bits&cueInc != 0
		if !rel {
			continue
		}
		pr.lowered = !own
		cp := *pr
		cp.subj, cp.lowered = q.subj, own
		p.preds = append(p.preds, cp)
	}
	if len(p.preds) > n {
		slices.SortStableFunc(p.preds, func(a, b predicate) int { return int(a.tok - b.tok) })
	}
}

// comparedSeries reads "X-treated mice carried more Y and more Z": a
// comparison whose comparative comes again after a conjunction compares a
// second object.
func (t *Tagger) comparedSeries(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.obj2 >= 0 || pr.subj < 0 || pr.bits&cueCompar == 0 || pr.hyphen {
			continue
		}
		k := p.groups[pr.obj].b
		if int(k)+2 >= to || !t.hasClass(toks[k], clsConj) || toks[k+1].flags&flagHard != 0 || !t.hasClass(toks[k+1], clsComparative) {
			continue
		}
		if g := p.groupAfter(k+2, int32(to)); g >= 0 && p.groups[g].a <= k+3 {
			pr.obj2 = g
		}
	}
}

// objectRelatives reads "Y, which X reversed": a relative clause whose
// pronoun is the object of its verb, with a subject of its own between
// them, takes the object of the clause before as its object.
func (t *Tagger) objectRelatives(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr := &p.preds[i]
		if pr.obj >= 0 || pr.subj < 0 || pr.hyphen {
			continue
		}
		a := p.groups[pr.subj].a
		if a < 1 || p.groups[pr.subj].b > pr.tok || !t.hasClass2(toks[a-1], cl2Relative) || toks[a-1].flags&flagClause == 0 {
			continue
		}
		for d := i - 1; d >= 0; d-- {
			if q := &p.preds[d]; !q.hyphen && q.obj >= 0 && p.groups[q.obj].b <= a-1 {
				pr.obj = q.obj
				break
			}
		}
	}
}

// contrastedPassives reads "X lowered Y, while Z was not affected": a
// passive with no agent in a clause of contrast speaks of what the subject
// before did to Z.
func (t *Tagger) contrastedPassives(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr := &p.preds[i]
		z := pr.subj // the passive's subject: the verb's subject, or the object an outcome verb took
		if pr.obj >= 0 {
			z = pr.obj
			if pr.subj >= 0 {
				continue
			}
		}
		if z < 0 || pr.hyphen || pr.bits&(cueInc|cueDec|cueAssoc) == 0 {
			continue
		}
		g := p.groups[z]
		if g.a == 0 || g.b > pr.tok || !t.onCueBits(s.cueHits, g.a-1, cueClauseBreak|cueContrast) {
			continue
		}
		passive := false
		for k := g.b; k < pr.tok; k++ {
			switch {
			case t.hasClass2(toks[k], cl2PassiveAux) || t.hasClass(toks[k], clsCopula):
				passive = true
			case t.onCueBits(s.cueHits, k, cueNeg|cueNegRel) || t.ending(s, k, t.adverbEnd):
			default:
				passive = false
				k = pr.tok
			}
		}
		if !passive || !t.edForm(s, pr.tok) || int(pr.end) < len(toks) && t.hasClass2(toks[pr.end], cl2PairBy) {
			continue
		}
		for d := i - 1; d >= 0; d-- {
			if q := &p.preds[d]; !q.hyphen && q.subj >= 0 && q.subj != z && q.bits&(cueInc|cueDec) != 0 {
				pr.subj, pr.obj = q.subj, z
				break
			}
		}
	}
}

// withoutGerunds reads "X reduced Y without changing Z": a verb of change
// in "-ing" after "without" denies what the subject of the verb before it
// does to Z. The sentence is not denied by it ("X raised Y without
// altering Z" states that X raised Y).
func (t *Tagger) withoutGerunds(s *scratch, from int) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr := &p.preds[i]
		w := pr.tok - 1
		if w > int32(from)+1 && t.ending(s, w, t.adverbEnd) && s.tokMent[w] < 0 && toks[w].flags&flagHard == 0 {
			w-- // "without substantially disturbing Z"
		}
		if w <= int32(from) || !t.hasClass(toks[w], clsWithout) || !t.ingForm(s, pr.tok) || pr.obj < 0 || pr.hyphen {
			continue
		}
		if subj := p.changeSubjectBefore(i, -1); subj >= 0 {
			pr.subj, pr.denial, pr.contrast = subj, true, true
		}
	}
}

// changeSubjectBefore returns the subject of the nearest verb of change
// before predicate i (no hyphenated modifier) whose subject is not skip,
// or -1.
func (p *pairScratch) changeSubjectBefore(i, skip int) int {
	for d := i - 1; d >= 0; d-- {
		if q := &p.preds[d]; !q.hyphen && q.bits&(cueInc|cueDec) != 0 && q.subj >= 0 && q.subj != skip {
			return q.subj
		}
	}
	return -1
}

// withDenials reads "X reduced Y, with no (detectable) effect on Z": a
// denial after a comma and "with" speaks of the subject of the verb
// before it, not of that verb's object.
func (t *Tagger) withDenials(s *scratch, from int) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr := &p.preds[i]
		w := pr.tok - 1
		for n := 0; n < 2 && w > int32(from) && t.onCueBits(s.cueHits, w, cueNeg|cueNegRel); n++ {
			w-- // ("with no detectable effect on Z")
		}
		if w <= int32(from) || pr.obj < 0 || pr.hyphen || pr.bits&cueNegRel == 0 && !t.onCueBits(s.cueHits, w+1, cueNeg|cueNegRel) ||
			!t.hasClass4(toks[w], cl4AbsoluteWith) ||
			!strings.Contains(s.text[toks[w-1].end:toks[w].start], ",") {
			continue
		}
		if pr.subj >= 0 && p.groups[pr.subj].a > w {
			continue // the phrase names its own subject: ", with no effect of X on Z"
		}
		if subj := p.changeSubjectBefore(i, pr.obj); subj >= 0 {
			pr.subj = subj
		}
	}
}

// loweredGerunds reads "X lowers the risk of developing Y" and "X
// protected them from developing Y": a lowering verb with no object of its
// own acts on what the raising gerund shortly after it names, and the
// gerund relates nothing by itself.
func (t *Tagger) loweredGerunds(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := 0; i+1 < len(p.preds); i++ {
		pr, nx := &p.preds[i], &p.preds[i+1]
		if pr.obj >= 0 || pr.subj < 0 || pr.hyphen || pr.denial || pr.bits&cueDec == 0 || pr.bits&cueInc != 0 ||
			nx.obj < 0 || nx.hyphen || nx.denial || nx.bits&cueInc == 0 || nx.bits&cueDec != 0 ||
			nx.subj >= 0 && nx.subj != pr.subj || !t.ingForm(s, nx.tok) || nx.tok-pr.end > 5 {
			continue
		}
		clear := true
		for k := pr.end; k < nx.tok; k++ {
			if toks[k].flags&(flagHard|flagClause) != 0 || s.tokMent[k] >= 0 || t.hasClass2(toks[k], cl2PairBy|cl2Via) {
				clear = false // "prevent Y by stimulating Z" names a means
			}
		}
		if clear && !strings.Contains(s.text[toks[pr.end-1].end:toks[nx.tok].start], ",") {
			pr.obj, nx.headless = nx.obj, true
		}
	}
}

// contrastedHelp reads "X is no cure for Y, but it may help" and "X
// aren't a miracle cure for Y, but they may help": a hedged helping verb
// with the same subject and no object after a contrast speaks of the
// object before it, and replaces the relation it qualifies.
func (t *Tagger) contrastedHelp(s *scratch, to int) {
	p := &s.pairs
	for i := 1; i < len(p.preds); i++ {
		pr, q := &p.preds[i], &p.preds[i-1]
		if pr.obj >= 0 || pr.subj < 0 || q.subj != pr.subj || q.obj < 0 || q.hyphen || pr.hyphen ||
			pr.bits&cueHedge == 0 && (pr.tok == 0 || !t.hasClass2(s.toks[pr.tok-1], cl2Modal)) || pr.bits&cueHelp == 0 || p.groupAfter(pr.end, int32(to)) >= 0 {
			continue
		}
		contrast := false
		for k := q.end; k < pr.tok; k++ {
			contrast = contrast || t.onCueBits(s.cueHits, k, cueClauseBreak|cueContrast)
		}
		if contrast {
			pr.obj, q.headless = q.obj, true
		}
	}
}

// changeOfSubject reports whether the subject of predicate i is the object
// of a noun of change before it ("the fall in Y", "improvement in Y").
func (t *Tagger) changeOfSubject(s *scratch, hits []cueHit, i int) bool {
	p := &s.pairs
	pr := &p.preds[i]
	for q := 0; q < i; q++ {
		if qp := &p.preds[q]; qp.obj == pr.subj && qp.tok < p.groups[pr.subj].a && t.changeNounPhrase(s, qp) {
			dir, _ := t.changeNoun(s, hits, qp.tok)
			return dir != 0 || qp.bits&(cueInc|cueDec) != 0 || t.helpNounOf(s, qp)
		}
		if qp := &p.preds[q]; qp.subj == pr.subj && qp.obj < 0 && qp.tok == p.groups[pr.subj].b && qp.end-qp.tok == 1 &&
			qp.bits&(cueInc|cueDec|cueHelp|cueHarm) != 0 && t.nounEnding(s.text[s.toks[qp.tok].start:s.toks[qp.tok].end]) {
			return true // "Acne improvement correlated with the fall in Y": a noun of change after its concept
		}
	}
	return false
}

// helpNounOf reports whether predicate pr is a noun of betterment or harm
// before its preposition ("the improvement in Y", "a worsening of Y").
func (t *Tagger) helpNounOf(s *scratch, pr *predicate) bool {
	toks := s.toks
	gerund := t.ingForm(s, pr.tok) && pr.tok > 0 && t.hasClass(toks[pr.tok-1], clsArticle) // "the worsening of Y"
	if pr.bits&(cueHelp|cueHarm) == 0 && !(gerund && pr.bits&(cueInc|cueDec) != 0) ||
		!t.nounEnding(s.text[toks[pr.tok].start:toks[pr.tok].end]) && !gerund {
		return false
	}
	e := pr.end
	if !t.hasClass2(toks[e-1], cl2PairOf|cl2FindingPrep) {
		if int(e) >= len(toks) || toks[e].flags&flagHard != 0 || !t.hasClass2(toks[e], cl2PairOf|cl2FindingPrep) {
			return false
		}
	}
	return true
}

// changeNounPhrase reports whether predicate pr is a noun of change ("the
// increase in", "a reduction of", "clearance of"), not a comparative before
// a noun of risk ("higher odds of", which has a direction of its own).
func (t *Tagger) changeNounPhrase(s *scratch, pr *predicate) bool {
	w := s.text[s.toks[pr.tok].start:s.toks[pr.tok].end]
	// (or a noun by its article: "the decline in", "a drop in")
	return pr.bits&cueCompar != 0 || t.nounEnding(w) ||
		pr.tok > 0 && t.hasClass(s.toks[pr.tok-1], clsArticle|clsDeterminer) && !t.edForm(s, pr.tok) && !t.ingForm(s, pr.tok) &&
			(pr.end-pr.tok == 1 || pr.end-pr.tok == 2 && t.hasClass2(s.toks[pr.end-1], cl2PairOf|cl2FindingPrep)) // (not "a lower risk of")
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
		// "Antibiotic depletion of the gut microbiota worsened Y": a noun
		// of lowering right after an intervention and before "of" makes
		// the intervention the agent, of the lowering and of the verb
		for j := range p.preds {
			h := &p.preds[j]
			if j == i || h.obj != pr.subj || h.subj < 0 || h.tok >= pr.tok || p.groups[h.subj].b != h.tok ||
				!t.groupHasKind(s, h.subj, kindIntervention) || !t.hasClass(toks[h.tok], clsLess) ||
				int(h.end) >= len(toks) || !t.hasClass2(toks[h.end-1], cl2PairOf) && !t.hasClass2(toks[h.end], cl2PairOf) {
				continue
			}
			if h.bits&(cueInc|cueDec) == 0 {
				h.bits = h.bits&^cueCompar | cueDec
			}
			old := pr.subj
			for k := i; k < len(p.preds); k++ {
				if q := &p.preds[k]; q.subj == old && q.tok >= pr.tok {
					q.subj = h.subj // the verbs in series after it too
				}
			}
			break
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

// exampleSubjects reads "interventions that tighten the <barrier>, such as
// X or W, ...": a relative clause about a noun outside the taxonomy says
// what the examples listed after its object do; X and W are its subjects.
func (t *Tagger) exampleSubjects(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i, n := 0, len(p.preds); i < n; i++ {
		pr := &p.preds[i]
		if pr.subj >= 0 && !pr.headless || pr.obj < 0 || pr.hyphen || pr.denial || pr.within >= 0 {
			continue
		}
		r := t.skipModalsBack(s, pr.tok, 0) - 1 // the relative pronoun
		if r < 1 || !t.hasClass2(toks[r], cl2Relative) || toks[r].flags&flagClause != 0 || s.tokMent[r-1] >= 0 ||
			toks[r-1].flags&(flagLetter|flagDigit) != flagLetter || p.groups[pr.obj].a < pr.end {
			continue
		}
		_, sb := segment(s, pr.tok)
		e := p.groups[pr.obj].b
		g := p.groupAfter(e, sb)
		if g < 0 || p.groups[g].a > e+4 || t.exampleLeadBefore(s, p.groups[g].a, e-1) < e {
			continue
		}
		only := true // examples of interventions only (not "butyrate-producing fibres": the modifier is no example)
		for u := p.groups[g].first; u < p.groups[g].last; u++ {
			only = only && t.concepts[p.units[u].concept].kind == kindIntervention
		}
		if !only {
			continue
		}
		cp := *pr
		cp.subj, cp.headless = g, false
		p.preds = append(p.preds, cp)
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

// comparedItems reads "Patients with Y had lower X and a less diverse Z
// than controls": an item of less after the object of a comparison, joined
// by a conjunction and with no predicate of its own, is compared too.
func (t *Tagger) comparedItems(s *scratch) {
	p := &s.pairs
	toks := s.toks
	n := len(p.preds)
	for i := 0; i < n; i++ {
		pr := &p.preds[i]
		if g := pr.subj; pr.compare && g > 0 && pr.obj > g && p.units[p.groups[g].first].less && p.groups[g].b < pr.tok &&
			pr.tok-p.groups[g].b <= 2 && t.hasClass(toks[pr.tok-1], clsConj) && t.populationGroup(s, g-1) {
			// "Adults with Y show a less diverse Z and lower X than
			// controls": the first item is compared too, and the people
			// are the subject of both
			q := *pr
			q.tok, q.end, q.subj, q.obj = p.groups[g].a, p.groups[g].a+1, g-1, g
			pr.subj = g - 1
			p.preds = append(p.preds, q)
		}
	}
	for i := 0; i < n; i++ {
		pr := p.preds[i]
		if !pr.compare || pr.subj < 0 || pr.obj < 0 || pr.obj+1 >= len(p.groups) {
			continue
		}
		g := pr.obj + 1
		if !p.units[p.groups[g].first].less || p.groups[g].a-p.groups[pr.obj].b > 4 {
			continue
		}
		joined, ok := false, true
		for k := p.groups[pr.obj].b; k < p.groups[g].a; k++ {
			switch {
			case t.hasClass(toks[k], clsConj):
				joined = true
			case t.hasClass(toks[k], clsArticle|clsLess|clsComparative) || s.tokMent[k] < 0 && t.adjectiveWord(s, k):
			default:
				ok = false
			}
		}
		used := false
		for _, q := range p.preds {
			used = used || q.obj == g || q.within == g || q.subj == g && q.obj >= 0
		}
		if !joined || !ok || used {
			continue
		}
		q := pr
		q.tok, q.end, q.obj = p.groups[g].a, p.groups[g].a+1, g
		p.preds = append(p.preds, q)
	}
	if len(p.preds) > n {
		slices.SortStableFunc(p.preds, func(a, b predicate) int { return int(a.tok - b.tok) })
	}
}

// effectObjects reads "X abolished (blocked, reversed) the protective
// effect of Y on Z", Y an intervention, and "X abolished the benefit of Y
// on Z", Y of any kind: the verb acts on the effect, which stands (Y > Z),
// not on Y; it gives no pair of X and Y. (A mechanism's
// effect lowered is the mechanism's: "Kefir reduced the impact of stress
// on acne" gives kefir > stress decreases.)
func (t *Tagger) effectObjects(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.bits&(cueInc|cueDec) == 0 || pr.bits&cueTopic != 0 || pr.hyphen {
			continue
		}
		for j := range p.preds {
			q := &p.preds[j]
			if j == i || q.tok < pr.end || q.end > p.groups[pr.obj].a || p.groups[pr.obj].a-q.end > 2 || q.subj != pr.obj {
				continue
			}
			// the protective effect (the benefit) of Y: of an intervention
			// or of any concept given, a benefit undone leaves it standing
			benefit := q.bits&cueHelp != 0 && q.end-q.tok == 1 && q.tok > 0 && (t.nounForm(s, q.tok) || t.hasClass(s.toks[q.tok-1], clsArticle))
			if q.bits&cueTopic != 0 && t.groupHasKind(s, pr.obj, kindIntervention) || benefit {
				pr.obj = -1
				q.headless = false // ("abolished the benefit of inulin on Z": inulin > Z stands)
				break
			}
		}
	}
}

// tailNounFindings reads "Reduced butyrate production has been documented
// in Y": a noun of change right after its concept is that concept's change,
// and a passive verb after it says where the change was found: the concept
// goes with Y (associated), it does not produce Y.
func (t *Tagger) tailNounFindings(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.subj < 0 || pr.obj < 0 || p.groups[pr.subj].b != pr.tok || pr.end-pr.tok != 1 || p.groups[pr.obj].a <= pr.end ||
			!t.nounEnding(s.text[toks[pr.tok].start:toks[pr.tok].end]) {
			continue
		}
		aux, other := false, false
		for k := pr.end; k < p.groups[pr.obj].a; k++ {
			aux = aux || t.hasClass2(toks[k], cl2PassiveAux)
			other = other || t.onCue(s.cueHits, k) || p.predBetween(k, k+1) // ("<Y> eradication was followed by ...")
		}
		if a := p.groups[pr.obj].a; aux && !other && t.hasClass2(toks[a-1], cl2FindingPrep) {
			pr.bits = pr.bits&^(cueInc|cueDec|cueHelp|cueHarm) | cueAssoc
		}
	}
}

// elidedRiskObjects reads "X was linked to a higher risk of Y, whereas Z
// was linked to a lower risk": a risk with no object of its own, at the
// end of its clause, is the risk of the object of the risk named before.
func (t *Tagger) elidedRiskObjects(s *scratch, to int) {
	p := &s.pairs
	toks := s.toks
	for i := 1; i < len(p.preds); i++ {
		pr := &p.preds[i]
		if pr.subj < 0 || pr.obj >= 0 || pr.bits&cueTopic == 0 || pr.bits&(cueInc|cueDec) == 0 ||
			int(pr.end) < to && toks[pr.end].flags&(flagHard|flagClause) == 0 {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if q := p.preds[j]; q.obj >= 0 && q.subj != pr.subj && q.bits&cueTopic != 0 && q.bits&(cueInc|cueDec) != 0 {
				pr.obj = q.obj
				break
			}
		}
	}
}

// equalAs reports whether predicate pr stands between two words "as" of
// an equal comparison ("as effective as"): the word of time after it is
// the comparison's second "as".
func (t *Tagger) equalAs(s *scratch, pr *predicate) bool {
	toks := s.toks
	return pr.tok > 0 && int(pr.end) < len(toks) && toks[pr.tok-1].id == toks[pr.end].id && t.hasClass(toks[pr.end], clsTimeClause)
}

// equalComparisons reads "X was as effective as Y in reducing Z": the
// standard Y is compared, not acted on; X takes the object of Y's verb.
// "X cut Z, although it works less well than Y": the intervention a
// treatment is compared with acts on Z as well, in the same direction.
func (t *Tagger) equalComparisons(s *scratch) {
	p := &s.pairs
	for i := range p.preds {
		pr := &p.preds[i]
		if !pr.compare || pr.negated || pr.subj < 0 || pr.obj < 0 || pr.bits&(cueInc|cueDec) != 0 || p.groups[pr.obj].a <= pr.end ||
			!t.groupHasKind(s, pr.subj, kindIntervention) || !t.groupHasKind(s, pr.obj, kindIntervention) {
			continue
		}
		if !t.afterThan(s, p.groups[pr.obj].a, pr.end) {
			continue
		}
		for j := range p.preds {
			if q := &p.preds[j]; j != i && q.subj == pr.subj && q.obj >= 0 && q.obj != pr.obj && !q.negated && q.bits&(cueInc|cueDec) != 0 &&
				!t.groupHasKind(s, q.obj, kindIntervention) {
				pr.subj, pr.obj, pr.bits, pr.compare = pr.obj, q.obj, q.bits, false
				break
			}
		}
	}
	for i := range p.preds {
		pr := &p.preds[i]
		if pr.obj < 0 || pr.subj < 0 || !t.equalAs(s, pr) || p.groups[pr.obj].a != pr.end+1 {
			continue
		}
		for j := i + 1; j < len(p.preds); j++ {
			if q := &p.preds[j]; q.subj == pr.obj && q.obj >= 0 && q.tok-p.groups[pr.obj].b <= 2 {
				pr.obj = q.obj
				break
			}
		}
	}
}

// subordinateCauses reads a change that follows another named in a
// clause of time ("Acne cleared when dysbiosis was corrected", "acne
// worsened as intestinal permeability increased"): the concept of the
// clause is the cause, and the pair's effect is up when both changes go
// the same way, down when they go opposite ways.
func (t *Tagger) subordinateCauses(s *scratch, hits []cueHit, to int) {
	p := &s.pairs
	toks := s.toks
	for i := 0; i < len(p.preds); i++ {
		pr := &p.preds[i]
		if pr.hyphen || pr.within >= 0 || int(pr.end)+1 >= to || t.equalAs(s, pr) {
			continue // ("X was as effective as Y in reducing Z": a comparison, no clause of time)
		}
		y, start := pr.subj, pr.end+1
		// a reason reads as a clause of time when it only changes a
		// concept or tells what people did ("acne cleared because (since)
		// I cut out sugar", "because dysbiosis was corrected"); one with a
		// relation of its own keeps it ("..., since fibre feeds the gut
		// bacteria")
		reason := !t.hasClass(toks[pr.end], clsTimeClause) && t.hasClass3(toks[pr.end], cl3CauseConj)
		if !t.hasClass(toks[pr.end], clsTimeClause) && !reason {
			if start = t.whoseClauseAfter(s, pr.end, to); start < 0 {
				continue
			}
			if y < 0 && pr.obj >= 0 && p.groups[pr.obj].b <= pr.tok {
				y = pr.obj // "<Y> scores dropped in patients whose ...": the outcome before its verb
			}
		}
		if y < 0 {
			continue
		}
		b := p.groupAfter(start, int32(to))
		if k := t.skipFillers(s, start, int32(to), 2); b >= 0 && p.groups[b].a != k && int(k) < to && start == pr.end+1 &&
			(t.hasClass2(toks[k], cl2Anaphora|cl2Population) || t.hasClass4(toks[k], cl4Person)) && s.tokMent[k] < 0 {
			// "<Y> cleared when they (I, we) cut out <X>": people acting
			// on a concept in the clause of time
			t.peopleActing(s, i, k, b)
			continue
		}
		if b < 0 || b == y || p.groups[b].a != t.skipFillers(s, start, int32(to), 2) {
			continue
		}
		for j := i + 1; j < len(p.preds); j++ {
			q := &p.preds[j]
			if q.tok < p.groups[b].b || q.tok > p.groups[b].b+3 || q.obj != b && q.subj != b || q.bits&(cueInc|cueDec|cueHelp|cueHarm) == 0 {
				continue
			}
			if reason && (q.subj >= 0 && q.obj >= 0) {
				break // a relation of its own
			}
			ua, ub := p.units[p.groups[y].first], p.units[p.groups[b].first]
			upA := t.effect(pr, ub, ua) == lumen.RelationIncreases
			upB := t.effect(q, ua, ub) == lumen.RelationIncreases
			fixed := lumen.RelationDecreases
			if upA == upB {
				fixed = lumen.RelationIncreases
			}
			cause := *pr
			cause.subj, cause.obj, cause.fixed, cause.bits = b, y, fixed, cueInc
			cause.headless = false  // (the cause is named: "<Y> scores dropped by half in ...")
			cause.timeJoined = true // ("when <X> was eradicated": the eradication is q's change)
			cause.negated, cause.hedged = pr.negated || q.negated, pr.hedged || q.hedged
			pr.obj, q.subj, q.obj = -1, -1, -1
			p.preds = slices.Insert(p.preds, i+1, cause) // (before the verbs after it: the first pair wins)
			break
		}
	}
}

// whoseClauseAfter returns the token after "whose" when the change ending
// at token k is said of people named by what happened to them ("<Y>
// improved (markedly, by half) in patients whose <X> was eradicated", "in
// 64% of those in whom <X> was eradicated"): a relative clause on the
// people, read as a clause of time. Else -1.
func (t *Tagger) whoseClauseAfter(s *scratch, k int32, to int) int32 {
	toks := s.toks
	if int(k) < to && t.ending(s, k, t.adverbEnd) && s.tokMent[k] < 0 {
		k++
	}
	if int(k) < to && t.hasClass2(toks[k], cl2PairBy) {
		// "dropped by (about) half in patients whose ..."
		j := k + 1
		for int(j) < to && j <= k+4 && s.tokMent[j] < 0 && toks[j].flags&flagHard == 0 &&
			(toks[j].flags&flagDigit != 0 || t.hasClass3(toks[j], cl3SizeWord) || t.hasClass(toks[j], clsArticle) || t.ending(s, j, t.adverbEnd)) {
			j++
		}
		k = j
	}
	pop := k + 1
	if int(k)+3 < to && toks[k+1].flags&flagDigit != 0 && s.tokMent[k+1] < 0 && t.hasClass2(toks[k+2], cl2PairOf) {
		pop = k + 3 // "cleared in 64% of those in whom ..." (the percent sign is no break)
	}
	if int(pop)+2 >= to || !t.hasClass2(toks[k], cl2PairObjectPrep) || s.tokMent[pop] >= 0 || !t.hasClass2(toks[pop], cl2Population) ||
		toks[pop].flags&flagHard != 0 {
		return -1
	}
	rel := pop + 1
	if t.hasClass2(toks[rel], cl2PairObjectPrep) && toks[rel].flags&flagHard == 0 {
		rel++ // "in patients in whom <X> was eradicated"
	}
	if int(rel)+1 >= to || !t.hasClass3(toks[rel], cl3Possessive) || toks[rel].flags&flagHard != 0 {
		return -1
	}
	return rel + 1
}

// afterParenthesis returns the token after a parenthesis that opens at
// token k ("(rho = 0.44, p < 0.001)"), within twelve tokens, or k.
func (t *Tagger) afterParenthesis(s *scratch, k int32, to int) int32 {
	toks := s.toks
	if int(k) >= to || byteBefore(s.text, int(toks[k].start)) != '(' {
		return k
	}
	for j := k + 1; int(j) < to && j <= k+12; j++ {
		if s.tokMent[j] >= 0 {
			return k
		}
		if byteBefore(s.text, int(toks[j].start)) == ')' {
			return j
		}
	}
	return k
}

// chainAdverbVerbs reads "X can activate Y and thereby aggravate Z": the
// verb after a conjunction and a chain adverb says what the change in Y
// does to Z, so Y is its subject, and the pair's effect joins the two
// changes (Y raised and Z raised: increases; one raised and the other
// lowered: decreases). X keeps its pair with Y only.
func (t *Tagger) chainAdverbVerbs(s *scratch, from int) {
	p := &s.pairs
	toks := s.toks
	for j := range p.preds {
		q := &p.preds[j]
		k := q.tok - 1
		for k > int32(from) && !t.hasClass3(toks[k], cl3ChainAdverb) && (t.hasClass2(toks[k], cl2Modal|cl2PurposeTo) ||
			t.onCueBits(s.cueHits, k, cueHelp) && k+2 >= q.tok) {
			k-- // "and could thereby aggravate", "and thereby may aggravate", "and could thereby help (to) prevent"
		}
		c := k - 1
		for c > int32(from) && t.hasClass2(toks[c], cl2Modal) {
			c-- // "and could thereby aggravate"
		}
		if k <= int32(from)+1 || !t.hasClass3(toks[k], cl3ChainAdverb) || !t.hasClass(toks[c], clsConj) ||
			q.obj < 0 || q.hyphen || q.bits&(cueInc|cueDec) == 0 {
			continue // (not "X, which lower Y, thereby ease Z": no verb in series)
		}
		i := p.predBefore(k) // (before the adverb: not the "help" of "thereby help prevent")
		if i < 0 {
			continue
		}
		pr := &p.preds[i]
		if pr.obj < 0 || pr.hyphen || pr.relative || p.groups[pr.obj].b > q.tok ||
			pr.subj >= 0 && q.subj >= 0 && pr.subj != q.subj && q.subj != pr.via || pr.negated || q.negated {
			continue // (the path is no subject of its own: "X strengthens Y through W and thereby ...")
		}
		y, z := p.units[p.groups[pr.obj].first], p.units[p.groups[q.obj].first]
		if pr.bits&(cueInc|cueDec) == 0 && y.concept != t.imbalance {
			continue // ("X altered <the community> and thereby ...": the imbalance it made)
		}
		su := pairUnit{concept: y.concept}
		if pr.subj >= 0 {
			su = p.units[p.groups[pr.subj].first]
		}
		q.subj = pr.obj
		q.fixed = joinedEffect(t.effect(pr, su, y), t.effect(q, y, z))
	}
}

// predBefore returns the predicate with the last start before token k
// (the predicates are not all in text order), or -1.
func (p *pairScratch) predBefore(k int32) int {
	best := -1
	for i, pr := range p.preds {
		if pr.tok < k && (best < 0 || pr.tok > p.preds[best].tok) {
			best = i
		}
	}
	return best
}

// joinedEffect is the effect of Y on Z when one change of Y (effect a)
// comes with one change of Z (effect b): both the same way, increases;
// opposite ways, decreases; a change with no direction, associated.
func joinedEffect(a, b string) string {
	dir := func(e string) int {
		switch e {
		case lumen.RelationIncreases:
			return 1
		case lumen.RelationDecreases:
			return -1
		}
		return 0
	}
	switch d := dir(a) * dir(b); {
	case d > 0:
		return lumen.RelationIncreases
	case d < 0:
		return lumen.RelationDecreases
	}
	return lumen.RelationAssociated
}

// coordinatedChangeNouns reads "Patients with Y show reduced X and an
// enrichment of Z": a noun of change after a conjunction and an article,
// right after the object of the predicate before it, is one more finding
// of that predicate's subject, not something its object does.
func (t *Tagger) coordinatedChangeNouns(s *scratch) {
	p := &s.pairs
	toks := s.toks
	for i := range p.preds {
		b := p.predBefore(p.preds[i].tok)
		if b < 0 {
			continue
		}
		q, prev := &p.preds[i], &p.preds[b]
		if q.tok < 2 || q.obj < 0 || prev.subj < 0 || prev.obj < 0 || q.subj != prev.obj || q.hyphen || prev.hyphen ||
			p.groups[prev.obj].b != q.tok-2 || !t.hasClass(toks[q.tok-2], clsConj) || !t.hasClass(toks[q.tok-1], clsArticle) ||
			!t.hasClass2(toks[q.end-1], cl2PairOf|cl2FindingPrep) || toks[q.tok-1].flags&flagHard != 0 || toks[q.tok-2].flags&flagHard != 0 {
			continue
		}
		q.subj, q.compare, q.population = prev.subj, prev.compare, prev.population
	}
}

// peopleActing reads a clause of time after predicate i whose people, at
// token k, act on group b ("<Y> cleared when they cut out <X>", "their
// <Y> settles when they cut back on <X>"): b is the cause of the
// outcome, up when both changes go the same way.
func (t *Tagger) peopleActing(s *scratch, i int, k int32, b int) {
	p := &s.pairs
	pr := &p.preds[i]
	out := pr.subj
	if pr.obj >= 0 && p.groups[pr.obj].b <= pr.tok {
		out = pr.obj // an outcome verb: "<Y> settles when ..."
	}
	if out < 0 || out == b {
		return
	}
	for j := i + 1; j < len(p.preds); j++ {
		q := &p.preds[j]
		if q.tok <= k || q.tok > k+3 || q.obj != b && q.subj != b || q.bits&(cueInc|cueDec|cueHelp|cueHarm) == 0 || q.hyphen {
			continue
		}
		ua, ub := p.units[p.groups[out].first], p.units[p.groups[b].first]
		cause := *pr
		cause.subj, cause.obj, cause.obj2, cause.bits = b, out, -1, cueInc
		cause.fixed = joinedEffect(t.effect(pr, ub, ua), t.effect(q, ua, ub))
		cause.timeJoined = true // (q's verb is the change: "cut back on <X>" withholds nothing more)
		cause.negated, cause.hedged = pr.negated || q.negated, pr.hedged || q.hedged
		pr.subj, pr.obj, q.subj, q.obj = -1, -1, -1, -1
		p.preds = append(p.preds, cause)
		return
	}
}

// agentsJoined reports whether tokens [a, b) join two items of a list:
// commas, conjunctions and at most two plain words of an item outside the
// taxonomy ("antibiotics, diets or stress").
func (t *Tagger) agentsJoined(s *scratch, hits []cueHit, a, b int32) bool {
	toks := s.toks
	plain := 0
	for k := a; k < b; k++ {
		switch {
		case t.hasClass(toks[k], clsConj) || s.tokMent[k] >= 0:
		case toks[k].flags&(flagHard|flagClause) == flagHard:
			return false
		case t.onCueBits(hits, k, ^uint32(0)) || t.hasClass2(toks[k], cl2PairObjectPrep|cl2PairCausePrep|cl2PairOf|cl2PairBy|cl2Relative):
			return false // a preposition, a verb, a contrast: no item
		default:
			plain++
		}
	}
	return plain <= 2
}

// agentsOfChange reads an imbalance named by a noun of change and the
// agents of that change after "by" ("Disruption of the <community> by X,
// W or Z may contribute to Y"): each agent raises the imbalance, and a
// verb after the agents has the imbalance as its subject, not the last
// agent.
func (t *Tagger) agentsOfChange(s *scratch, hits []cueHit, to int) {
	p := &s.pairs
	toks := s.toks
	if t.imbalance < 0 {
		return
	}
	for g0 := range p.groups {
		head := p.units[p.groups[g0].last-1]
		b := p.groups[g0].b
		if head.concept != t.imbalance || !t.hasClass(toks[head.a], clsImbalance|clsChange) || int(b)+1 >= to ||
			!t.hasClass2(toks[b], cl2PairBy) || toks[b].flags&flagHard != 0 {
			continue
		}
		// the agents: groups after "by", joined by commas, conjunctions
		// and plain words, up to the first predicate
		end := int32(to)
		for _, pr := range p.preds {
			if pr.tok > b && pr.tok < end && !pr.hyphen {
				end = pr.tok
			}
		}
		first, last := -1, -1
		for g := g0 + 1; g < len(p.groups) && p.groups[g].a < end && p.groups[g].a <= b+12; g++ {
			if t.groupHasKind(s, g, kindCondition) {
				break
			}
			if first < 0 {
				if p.groups[g].a > t.skipFillers(s, b+1, int32(to), 2) {
					break
				}
				first = g
			} else if !t.agentsJoined(s, hits, p.groups[last].b, p.groups[g].a) {
				break // ("by antibiotics despite probiotic supplementation": no item of the list)
			}
			last = g
		}
		if first < 0 {
			continue
		}
		for g := first; g <= last; g++ {
			p.preds = append(p.preds, predicate{tok: b, end: b + 1, bits: cueInc, subj: g, obj: g0, obj2: -1, within: -1, via: -1, collect: -1})
		}
		for i := range p.preds {
			if pr := &p.preds[i]; pr.tok >= end && pr.subj > g0 && p.groups[pr.subj].a > b && p.groups[pr.subj].b <= pr.tok &&
				pr.tok <= p.groups[pr.subj].b+3 {
				pr.subj = g0 // "..., or stress may contribute to Y": the disruption contributes
			}
		}
	}
}
