package tagger

import "strings"

// senses decides, mention by mention, what the context says a synonym
// means, and reports whether the document names a condition other than
// the general one (flares and spots then read as its lesions):
//   - a one-word local inflammation placed elsewhere than the secondary
//     site ("irritation of the bowel") is dropped;
//   - a one-word imbalance at another site is dropped, at the secondary
//     site it names that site's community;
//   - a broad synonym in a document with a sense-override phrase is
//     dropped;
//   - an antimicrobial near resistance-words, or listed after one ("resistant
//     to <drug> and <drug>"), is tested, not taken;
//   - general-condition wording that classifies a named condition ("X is a
//     common <general wording>"), stands in apposition to one or follows
//     its name ("<condition>-like <general wording>") is dropped;
//   - one-word systemic inflammation naming a kind of a condition named
//     right after it ("inflammatory acne lesions") is dropped;
//   - one-word systemic inflammation that classifies a condition, sits in
//     lesions or follows a condition's name ("<condition>-like
//     inflammation") is local inflammation;
//   - a general lesion synonym in apposition to a named condition is
//     dropped;
//   - the also-outcome concept listed among symptoms is dropped;
//   - community words, taxa and given taxa are placed by site, and so are
//     the parts every barrier has (sites.go).
func (t *Tagger) senses(s *scratch, text string, override bool) (conditionDoc bool) {
	n := len(s.ments)
	altTaxa := s.altTaxa[:0]
	for i := 0; i < n; i++ {
		m := &s.ments[i]
		if m.dropped {
			continue
		}
		a, b := int(m.tokStart), int(m.tokEnd)
		named := int32(-1) // the condition a general disease noun refers back to
		if m.concept == t.generalCond && b-a >= 2 && t.hasClass2(s.toks[b-1], cl2DiseaseNoun) && !t.ending(s, int32(b-1), t.pluralEnd) {
			named = t.refersToCondition(s, a)
		}
		switch {
		case m.concept == t.localInfl && b-a == 1 && t.offSite(s, a, b):
			m.dropped = true
		case m.concept == t.imbalance && b-a == 1:
			switch t.wordSite(s, a, b) {
			case siteOther:
				m.dropped = true
			case siteSecondary:
				if t.communityAlt >= 0 {
					m.concept = t.communityAlt
				}
			}
		case m.flags&entBroad != 0 && override:
			m.dropped = true
		case m.concept == t.antimicrobial && (t.near(s, a, b, 3, 2, clsResistance) || t.resistanceList(s, a)):
			m.dropped = true
		case t.concepts[m.concept].kind == kindIntervention && t.toxinExample(s, a):
			m.dropped = true // "neurotoxins, such as lead, mercury and <X>": a toxin, not what is given
		case m.concept == t.generalCond && (t.classifies(s, a) || t.apposition(s, b) || t.afterCondition(s, a)):
			m.dropped = true
		case named >= 0:
			m.concept = named // "those with the skin condition": the condition named before
		case m.concept == t.systemic && b-a == 1 && (t.typeOfCondition(s, b) || t.lesionsOfCondition(s, b)) &&
			!(joinedByHyphen(s, int32(a)) && t.hasClass(s.toks[a-1], clsNegWord)):
			// "inflammatory <Y> lesions", "inflammatory lesion counts
			// in <Y>": a kind of the condition's lesions, no
			// inflammation of its own ("non-inflammatory comedones" is
			// a negated mention, which counts)
			m.dropped = true
		case m.concept == t.systemic && t.localInfl >= 0 && b-a == 1 && !t.circulating(s, a) &&
			(t.classifies(s, a) || t.onSite(s, b) || t.localInflammation(s, b) || t.afterCondition(s, a) || t.siteBefore(s, a)):
			m.concept = t.localInfl
		case m.flags&entGeneralLesion != 0 && t.appositionAfter(s, a):
			m.dropped = true
		case m.concept == t.alsoOutcome && t.listedOutcome(s, a, b):
			m.dropped = true
		case m.flags&entBarrierUnplaced != 0:
			t.placeBarrier(s, i)
		case m.flags&entUnplaced != 0:
			t.placeCommunity(s, i)
		case m.flags&entTaxon != 0:
			t.placeTaxon(s, i)
		case m.flags&entGivenTaxon != 0 && t.community >= 0:
			t.placeGivenTaxon(s, text, i)
		case m.flags&entAltTaxon != 0:
			if t.nearestSite(s, a, b, 10, 10) == siteOther || t.nearPlain(s, a, b, 4, 3, clsResistance) && !t.near(s, a, b, 8, 8, clsSiteSecondary) {
				// (an isolate tested in the laboratory: "methicillin-
				// susceptible S. aureus")
				m.dropped = true
			} else {
				altTaxa = append(altTaxa, int32(i))
			}
		}
		if !m.dropped && m.concept >= 0 && t.concepts[m.concept].kind == kindCondition && m.concept != t.generalCond {
			conditionDoc = true
		}
	}
	if !conditionDoc {
		for _, i := range altTaxa {
			if m := &s.ments[i]; !t.near(s, int(m.tokStart), int(m.tokEnd), 8, 8, clsSiteSecondary) {
				m.dropped = true // "S. aureus bacteraemia": no community
			}
		}
	}
	s.altTaxa = altTaxa
	return conditionDoc
}

// resistanceList reports whether the antimicrobial mention at token a ends
// a list of antimicrobials that a resistance word opens: "resistant to
// <drug>, <drug> and <drug>".
func (t *Tagger) resistanceList(s *scratch, a int) bool {
	toks := s.toks
	for j := a - 1; j >= 0 && j >= a-10 && s.tokSent[j] == s.tokSent[a]; j-- {
		if t.hasClass(toks[j], clsResistance) {
			return true
		}
		m := s.tokMent[j]
		if !(m >= 0 && s.ments[m].concept == t.antimicrobial) && !t.hasClass(toks[j], clsConj|clsArticle) &&
			!t.hasClass2(toks[j], cl2PurposeTo) {
			return false
		}
	}
	return false
}

// typeOfCondition reports whether a mention of a specific condition starts
// at token b, right after the word before it: that word names a kind of
// the condition ("inflammatory acne").
func (t *Tagger) typeOfCondition(s *scratch, b int) bool {
	if !t.apposition(s, b) {
		return false
	}
	m := s.ments[s.tokMent[b]]
	return !m.dropped && int(m.tokStart) == b && m.concept != t.localInfl
}

// lesionsOfCondition reports whether lesion words (and a count noun)
// from token b are said of a condition named right after "in" or "of"
// ("inflammatory lesion counts in <Y>", "inflammatory lesions of <Y>").
func (t *Tagger) lesionsOfCondition(s *scratch, b int) bool {
	toks := s.toks
	k := b
	for k < len(toks) && k < b+2 && s.tokSent[k] == s.tokSent[b] && toks[k].flags&flagHard == 0 && s.tokMent[k] < 0 &&
		(t.hasClass(toks[k], clsLesion) || k > b && t.hasClass2(toks[k], cl2CountNoun)) {
		k++
	}
	if k == b || k+1 >= len(toks) || s.tokSent[k] != s.tokSent[b] || toks[k].flags&flagHard != 0 || !t.hasClass2(toks[k], cl2FindingPrep|cl2PairOf) {
		return false
	}
	j := k + 1
	if j+1 < len(toks) && t.hasClass(toks[j], clsArticle) {
		j++
	}
	mi := s.tokMent[j]
	if mi < 0 || s.tokSent[j] != s.tokSent[b] {
		return false
	}
	m := s.ments[mi]
	return !m.dropped && int(m.tokStart) == j && t.concepts[m.concept].kind == kindCondition && m.concept != t.localInfl && m.concept != t.generalCond
}

// toxinExample reports whether the mention at token a is an item of a
// list of examples of toxins ("neurotoxins, such as aluminium, lead,
// <X> and ..."): back from it over the list's items, commas and
// conjunctions only, within twelve words of its sentence, an example
// lead right after a toxin word.
func (t *Tagger) toxinExample(s *scratch, a int) bool {
	if t.toxin < 0 {
		return false
	}
	toks := s.toks
	for k := int32(a); k > 0 && k >= int32(a)-12 && s.tokSent[k-1] == s.tokSent[a]; k-- {
		if e := t.exampleLeadBefore(s, k, max(k-5, -1)); e > 0 && s.tokSent[e-1] == s.tokSent[a] && t.hasClass(toks[e-1], clsToxin) {
			return true
		}
		if gap := strings.TrimSpace(s.text[toks[k-1].end:toks[k].start]); gap != "" && gap != "," {
			return false // (";", a bracket: another phrase)
		}
		if j := k - 1; s.tokMent[j] < 0 && !t.hasClass(toks[j], clsConj) {
			if c, _ := t.cues.longest(toks, int(j), int(j)+1, nil); c >= 0 {
				return false // a verb: the list has ended ("... are harmful; X eases Y")
			}
		}
	}
	return false
}
