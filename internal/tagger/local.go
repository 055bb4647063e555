package tagger

import "strings"

// This file holds the predicates of the secondary site's local conditions
// (the general condition, local inflammation, lesions, dryness) and of
// symptoms measured as outcomes.

// classifies reports whether a mention at token k only classifies a
// specific condition named before it across a copula ("<condition> is a
// common <general wording>"): the specific condition is what is meant.
func (t *Tagger) classifies(s *scratch, k int) bool {
	sent := s.tokSent[k]
	// Back over articles and adjectives to the copula.
	j := k - 1
	for j >= 0 && j >= k-4 && s.tokSent[j] == sent && t.hasClass(s.toks[j], clsDeterminer|clsAdjective) {
		j--
	}
	if j < 0 || s.tokSent[j] != sent || !t.hasClass(s.toks[j], clsCopula) {
		return false
	}
	for i := j - 1; i >= 0 && i >= j-6; i-- {
		if s.tokSent[i] != sent {
			return false
		}
		if m := s.tokMent[i]; m >= 0 {
			c := s.ments[m].concept
			return !s.ments[m].dropped && c != t.generalCond && t.concepts[c].kind == kindCondition
		}
	}
	return false
}

// apposition reports whether a specific condition directly follows a
// general-condition mention ending before token k ("the <general wording>
// <condition>"): the specific condition is what is meant.
func (t *Tagger) apposition(s *scratch, k int) bool {
	if k >= len(s.toks) || s.toks[k].flags&flagHard != 0 || s.tokSent[k] != s.tokSent[k-1] {
		return false
	}
	m := s.tokMent[k]
	if m < 0 {
		return false
	}
	c := s.ments[m].concept
	return c != t.generalCond && t.concepts[c].kind == kindCondition
}

// onSite reports whether the word at token k, right after an inflammation
// word, puts the inflammation on the secondary site: a lesion word or a
// condition ("inflammatory lesions", "inflammatory <condition>").
func (t *Tagger) onSite(s *scratch, k int) bool {
	if k >= len(s.toks) || s.toks[k].flags&flagHard != 0 || s.tokSent[k] != s.tokSent[k-1] {
		return false
	}
	if t.hasClass(s.toks[k], clsLesion) {
		return true
	}
	if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped {
		return t.concepts[s.ments[m].concept].kind == kindCondition
	}
	return false
}

// refersToCondition returns the specific condition that the general
// wording at token a refers back to, or -1: the wording ends in a
// singular noun of disease ("the skin condition"; "these skin conditions"
// are several) after "the", and the condition is the last one named
// before it in its sentence or the one before ("tested people with
// rosacea and found that those with the skin condition ...").
func (t *Tagger) refersToCondition(s *scratch, a int) int32 {
	toks := s.toks
	if a == 0 || s.tokSent[a-1] != s.tokSent[a] || toks[a].flags&flagHard != 0 ||
		!t.hasClass(toks[a-1], clsArticle) || t.hasClass2(toks[a-1], cl2Indefinite) || t.hasClass3(toks[a-1], cl3GenericPossessive) {
		return -1
	}
	sent := s.tokSent[a]
	for j := a - 2; j >= 0 && j >= a-60; j-- {
		if ss := s.tokSent[j]; ss != sent && ss != sent-1 {
			break
		}
		if m := s.tokMent[j]; m >= 0 && !s.ments[m].dropped {
			if c := s.ments[m].concept; c >= 0 && c != t.generalCond && c != t.localInfl && t.concepts[c].kind == kindCondition {
				return c
			}
		}
	}
	return -1
}

// siteBefore reports whether a word of the secondary site stands right
// before token a, in its sentence: "sebocyte (follicular, dermal)
// inflammation" is local.
func (t *Tagger) siteBefore(s *scratch, a int) bool {
	return a > 0 && s.tokSent[a-1] == s.tokSent[a] && s.toks[a].flags&flagHard == 0 && s.tokMent[a-1] < 0 &&
		t.hasClass(s.toks[a-1], clsSiteSecondary)
}

// circulating reports whether a circulation word ("circulating")
// stands right before token a: what follows is in the circulation, not on
// the secondary site.
func (t *Tagger) circulating(s *scratch, a int) bool {
	return a > 0 && s.tokSent[a-1] == s.tokSent[a] && s.toks[a].flags&flagHard == 0 && t.hasClass(s.toks[a-1], clsCirculation)
}

// localInflammation reports whether the words from token k put an
// inflammation on the secondary site: a local preposition, then articles,
// determiners or inflamed adjectives, then a local word ("the inflammation
// behind angry <lesions>"); the primary site or the circulation named
// first keeps it systemic.
func (t *Tagger) localInflammation(s *scratch, k int) bool {
	toks := s.toks
	if k >= len(toks) || s.tokSent[k] != s.tokSent[k-1] || toks[k].flags&flagHard != 0 || !t.hasClass(toks[k], clsLocalPrep) {
		return false
	}
	plain := 0 // one plain word may come before the site ("in human sebocytes")
	for j := k + 1; j < len(toks) && j < k+5 && s.tokSent[j] == s.tokSent[k]; j++ {
		if toks[j].flags&flagClause != 0 || t.hasClass(toks[j], clsSitePrimary|clsCirculation) {
			return false
		}
		if t.hasClass(toks[j], clsLocal) || t.hasClass(toks[j], clsSiteSecondary) && s.tokMent[j] < 0 {
			return true
		}
		if s.tokMent[j] >= 0 || toks[j].flags&(flagHard|flagLetter) != flagLetter {
			return false
		}
		if !t.hasClass(toks[j], clsArticle|clsInflamedAdj|clsDeterminer) {
			if plain++; plain > 1 {
				return false
			}
		}
	}
	return false
}

// appositionAfter reports whether a general lesion synonym starting at
// token k stands in apposition to a condition named before it ("<condition>,
// an itchy blistering <lesion>"): it names that condition only.
func (t *Tagger) appositionAfter(s *scratch, k int) bool {
	toks := s.toks
	for j := k; j > 0 && k-j <= 5; j-- {
		if s.tokSent[j-1] != s.tokSent[k] {
			return false
		}
		if toks[j].flags&flagClause != 0 {
			m := s.tokMent[j-1]
			if m < 0 || s.ments[m].dropped || int(s.ments[m].tokEnd) != j {
				return false
			}
			c := s.ments[m].concept
			return t.concepts[c].kind == kindCondition && c != t.generalCond && c != t.localInfl
		}
		if j < k && (s.tokMent[j] >= 0 || toks[j].flags&flagHard != 0) {
			return false
		}
	}
	return false
}

// listedOutcome reports whether the also-outcome mention over tokens [a, b)
// is listed with outcome-words ("improved itch, <outcome> and redness") or
// follows an outcome-harm word whose subject is outside the taxonomy
// ("itching that disturbs <outcome>", "scratching during <outcome>"): an
// outcome measured, not the intervention. After a concept ("eczema
// (itself) disturbs <outcome>", "inflamed skin clearly disrupts
// <outcome>") it is the concept, which the labellers tag and pair.
func (t *Tagger) listedOutcome(s *scratch, a, b int) bool {
	toks := s.toks
	sent := s.tokSent[a]
	if a > 1 && s.tokSent[a-2] == sent && toks[a].flags&flagHard == 0 && t.hasClass2(toks[a-1], cl2OutcomeHarm) {
		k := a - 2
		for n := 0; n < 4 && k > 0 && s.tokSent[k-1] == sent && toks[k+1].flags&flagHard == 0 &&
			(t.hasClass2(toks[k], cl2Modal|cl2Pronoun|cl2Raising|cl2PurposeTo|cl2PassiveAux) || t.hasClass(toks[k], clsCopula) ||
				t.ending(s, int32(k), t.adverbEnd)); n++ {
			k-- // "<condition> itself (clearly, can) disturbs <outcome>", "<Y> is known to disturb <outcome>"
		}
		m := s.tokMent[a]
		inverse := m >= 0 && s.ments[m].flags&entInverse != 0 // ("given during sleep deprivation": the arm's state)
		if !inverse && !t.conceptSubjectBefore(s, k) {
			return true
		}
	}
	if a > 0 && s.tokSent[a-1] == sent {
		j := a - 1
		if toks[a].flags&flagClause == 0 && t.hasClass(toks[j], clsConj) {
			j--
		}
		if j >= 0 && j < a-1 || toks[a].flags&flagClause != 0 {
			if j >= 0 && s.tokSent[j] == sent && t.hasClass(toks[j], clsOutcome) {
				return true
			}
		}
	}
	if b < len(toks) && s.tokSent[b] == sent {
		j := b
		if toks[b].flags&flagClause == 0 {
			if !t.hasClass(toks[b], clsConj) {
				return false
			}
			j++
		}
		if j < len(toks) && s.tokSent[j] == sent && t.hasClass(toks[j], clsOutcome) {
			return true
		}
	}
	return false
}

// conceptSubjectBefore reports whether the subject that ends at token k
// (before a verb of harm or "during") names a concept: a mention within
// six words before, in the same clause, with no past form between
// ("Eczema in infants disrupts <outcome>", "Psoriasis of the scalp can
// disturb <outcome>"); after a relative pronoun, its antecedent ("itching
// that disturbs <outcome>": none).
func (t *Tagger) conceptSubjectBefore(s *scratch, k int) bool {
	toks := s.toks
	sent := s.tokSent[k]
	if t.hasClass2(toks[k], cl2Relative) {
		return k > 0 && s.tokSent[k-1] == sent && s.tokMent[k-1] >= 0 && toks[k].flags&flagHard == 0
	}
	for j := k; j >= 0 && j > k-6 && s.tokSent[j] == sent; j-- {
		if m := s.tokMent[j]; m >= 0 {
			if !t.namesPeople(s, s.ments[m]) {
				return true
			}
			j = int(s.ments[m].tokStart) // ("Scratching in children with eczema disrupts <outcome>": who scratches)
			continue
		}
		if toks[j].flags&flagHard != 0 || t.knownAt(toks, j) || j < k && (t.edForm(s, int32(j)) || t.hasClass3(toks[j], cl3ReportingVerb)) {
			// ("Probiotics reduce(d) itch disturbing <outcome>", "Gut
			// bacteria produce melatonin during <outcome>", "patients
			// say the itch disturbs <outcome>": the verb's own subject is
			// outside)
			return false
		}
	}
	return false
}

// namesPeople reports whether mention m names people by their condition
// ("children with <Y>", "<Y> sufferers"), not a subject that acts.
func (t *Tagger) namesPeople(s *scratch, m mention) bool {
	toks := s.toks
	a, b := int(m.tokStart), int(m.tokEnd)
	if b < len(toks) && s.tokSent[b] == s.tokSent[a] && toks[b].flags&flagHard == 0 && t.hasClass2(toks[b], cl2Population) {
		return true
	}
	return a > 1 && t.hasClass2(toks[a-1], cl2PairObjectPrep|cl2FindingPrep) && toks[a].flags&flagHard == 0 &&
		(t.hasClass2(toks[a-2], cl2Population) || t.hasClass(toks[a-2], clsAdjective) && a > 2 && t.hasClass2(toks[a-3], cl2Population))
}

// siteSentence reports whether the sentence of token k is about the
// secondary site and not the primary one: it names the site or a condition
// and no primary or other barrier site ("impaired barrier function
// precedes <condition>").
//
// The answer is the same for every token of the sentence, so it is read
// once per sentence: a text of one endless sentence stays linear.
func (t *Tagger) siteSentence(s *scratch, k int) bool {
	sent := s.tokSent[k]
	if sent >= 0 && int(sent) < len(s.siteSents) && s.siteSents[sent] != 0 {
		return s.siteSents[sent] == 1
	}
	site := t.readSiteSentence(s, k)
	if sent >= 0 && int(sent) < len(s.siteSents) {
		s.siteSents[sent] = 2
		if site {
			s.siteSents[sent] = 1
		}
	}
	return site
}

func (t *Tagger) readSiteSentence(s *scratch, k int) bool {
	sent := s.tokSent[k]
	site := false
	for j := k; j >= 0 && s.tokSent[j] == sent; j-- {
		if t.hasClass(s.toks[j], clsSitePrimary|clsBarrierSiteOther) && !t.hasClass(s.toks[j], clsSiteSecondary) {
			return false
		}
		site = site || t.siteWord(s, j)
	}
	for j := k + 1; j < len(s.toks) && s.tokSent[j] == sent; j++ {
		if t.hasClass(s.toks[j], clsSitePrimary|clsBarrierSiteOther) && !t.hasClass(s.toks[j], clsSiteSecondary) {
			return false
		}
		site = site || t.siteWord(s, j)
	}
	return site
}

// siteWord reports whether token j is the secondary site's noun or part
// of a condition's mention.
func (t *Tagger) siteWord(s *scratch, j int) bool {
	if m := s.tokMent[j]; m >= 0 && !s.ments[m].dropped {
		if c := s.ments[m].concept; c >= 0 && t.concepts[c].kind == kindCondition {
			return true
		}
	}
	return t.hasClass2(s.toks[j], cl2SiteSecondaryNoun)
}

// inflamedLesion reports whether the inflamed participle at token k
// describes lesions: right before them, or after a copula that follows
// them ("the lesions were less inflamed"). Inflamed spots are the lesion
// condition's spots only (spots), no local inflammation.
func (t *Tagger) inflamedLesion(s *scratch, k int) bool {
	toks := s.toks
	sent := s.tokSent[k]
	if j := k + 1; j < len(toks) && s.tokSent[j] == sent && toks[j].flags&flagHard == 0 &&
		t.hasClass(toks[j], clsLesion|clsSpot) {
		// ("inflamed spots" are the lesion condition's spots only)
		return !t.hasClass(toks[j], clsSpot)
	}
	for j := k - 1; j >= 0 && j >= k-4 && s.tokSent[j] == sent; j-- {
		if toks[j+1].flags&flagClause != 0 {
			return false
		}
		if t.hasClass(toks[j], clsLesion|clsSpot) {
			return j < k-1 && t.hasClass(toks[j+1], clsCopula) && !t.hasClass(toks[j], clsSpot)
		}
		if !t.hasClass(toks[j], clsCopula|clsComparative|clsLess) {
			return false
		}
	}
	return false
}

// adjectiveOfSite reports whether the adjective at token k is one of a
// list of site adjectives before the secondary site's noun ("dry, itchy
// <site>"), which may end in a mention that ends with the noun.
func (t *Tagger) adjectiveOfSite(s *scratch, text string, k int) bool {
	toks := s.toks
	// after the noun, as its predicate: "leaves the <noun> dry", "<noun> is dry"
	// (not "pat the <noun> dry": left so on purpose)
	for j := k - 1; j >= 0 && j >= k-2 && s.tokSent[j] == s.tokSent[k] && toks[j+1].flags&flagHard == 0; j-- {
		if t.hasClass2(toks[j], cl2SiteSecondaryNoun) && s.tokMent[j] < 0 {
			return !t.resultVerbBefore(s, j)
		}
		if !t.hasClass(toks[j], clsCopula) && !t.hasClass2(toks[j], cl2PassiveAux) {
			break
		}
	}
	// (the dryness adjective only after a linking verb: "the <noun> is
	// weeping, crusted or painful" lists signs of infection)
	if t.hasClass2(toks[k], cl2DrynessAdj) && t.linkedToSite(s, text, k) {
		return true
	}
	for j := k + 1; j < len(toks) && j <= k+5 && s.tokSent[j] == s.tokSent[k]; j++ {
		if toks[j].flags&flagHard != 0 && strings.TrimSpace(text[toks[j-1].end:toks[j].start]) != "," {
			return false
		}
		if t.hasClass2(toks[j], cl2SiteSecondaryNoun) {
			// (not the head of a compound after it: "a tight skin barrier")
			m := s.tokMent[j]
			return m < 0 || s.ments[m].tokEnd == int32(j)+1
		}
		if m := s.tokMent[j]; m >= 0 {
			e := s.ments[m].tokEnd - 1
			return t.hasClass2(toks[e], cl2SiteSecondaryNoun)
		}
		if !t.hasClass2(toks[j], cl2SiteAdj) {
			return false
		}
	}
	return false
}

// afterCondition reports whether the mention starting at token a comes
// right after the name of a specific condition, directly or through a
// hyphenated word ("<condition>-like", "<condition>-associated").
func (t *Tagger) afterCondition(s *scratch, a int) bool {
	toks := s.toks
	j := a - 1
	if j < 0 || s.tokSent[j] != s.tokSent[a] || toks[a].flags&flagHard != 0 {
		return false
	}
	if j > 0 && s.tokMent[j] < 0 && joinedByHyphen(s, int32(j)) && toks[j].flags&flagHard == 0 {
		j--
	}
	m := s.tokMent[j]
	if m < 0 || s.ments[m].dropped {
		return false
	}
	c := s.ments[m].concept
	return t.concepts[c].kind == kindCondition && c != t.generalCond && c != t.localInfl
}

// resultVerbBefore reports whether a verb of result-verbs stands right
// before the noun at token k, past a determiner or a possessive ("pat the
// skin", "let your skin").
func (t *Tagger) resultVerbBefore(s *scratch, k int) bool {
	toks := s.toks
	j := k - 1
	for j >= 0 && k-j <= 2 && s.tokSent[j] == s.tokSent[k] && toks[j+1].flags&flagHard == 0 &&
		(t.hasClass(toks[j], clsDeterminer|clsArticle) || t.hasClass3(toks[j], cl3GenericPossessive)) {
		j--
	}
	return j >= 0 && s.tokSent[j] == s.tokSent[k] && toks[j+1].flags&flagHard == 0 && t.hasClass4(toks[j], cl4ResultVerb)
}

// linkedToSite reports whether the adjective at token k says what the
// secondary site's noun before it is or becomes, through a linking verb
// and maybe the list's other adjectives: "<noun> becomes thinner, drier
// and ...", "my <noun> has got noticeably drier". (No cue hits yet: words
// are read before relations.)
func (t *Tagger) linkedToSite(s *scratch, text string, k int) bool {
	toks := s.toks
	linked := false
	for j := k - 1; j >= 0 && j >= k-6 && s.tokSent[j] == s.tokSent[k]; j-- {
		if toks[j+1].flags&flagHard != 0 && strings.TrimSpace(text[toks[j].end:toks[j+1].start]) != "," {
			return false
		}
		switch {
		case t.hasClass2(toks[j], cl2SiteSecondaryNoun) && s.tokMent[j] < 0:
			return linked
		case t.hasClass(toks[j], clsCopula) || t.hasClass2(toks[j], cl2PassiveAux) || t.hasClass4(toks[j], cl4Linking):
			linked = true
		case linked && t.hasClass2(toks[j], cl2Modal|cl2Have):
			// "my <noun> has become drier", "can feel drier"
		case linked || s.tokMent[j] >= 0 || toks[j].flags&flagLetter == 0 || t.ingForm(s, int32(j)) || t.verbForm3s(s, int32(j)) ||
			t.edForm(s, int32(j)) && !t.hasClass(toks[j], clsComparative|clsLess):
			return false
		}
	}
	return false
}
