package tagger

import (
	"slices"
	"sort"
)

// communityModifiers reads the words that modify a community mention
// (imbalance-words, change-words with composition-words, transfer-words)
// as the imbalance or the transfer of the community; an imbalance word
// before the primary site's own noun ("an unhealthy <site>") is the
// imbalance too. A word that modifies one named taxon makes nothing.
func (t *Tagger) communityModifiers(s *scratch) {
	if t.community < 0 {
		return
	}
	s.sentHarm = s.sentHarm[:0] // read again for this document (harmfulChange)
	toks := s.toks
	// "can leave your <community> out of balance", "knock a baby's
	// <community> off balance": the community said to be off its balance,
	// whatever the verb, is its imbalance
	if t.imbalance >= 0 {
		for i, n := 0, len(s.ments); i < n; i++ {
			if m := s.ments[i]; m.concept == t.community && !m.dropped && m.flags&entModifier == 0 && t.offBalance(s, int(m.tokEnd)) &&
				!t.namedTaxon(s, s.text, int32(i)) && !t.near(s, int(m.tokStart), int(m.tokEnd), 4, 0, clsNegWord) {
				s.addSpan(int(m.tokStart), int(m.tokEnd), toks, t.imbalance, entModifier)
			}
		}
	}
	for k, tk := range toks {
		if tk.id < 0 {
			continue
		}
		cls := t.class[tk.id]
		if t.transfer >= 0 && s.tokMent[k] < 0 && (cls&clsTransfer != 0 || t.hasClass3(tk, cl3Receiving)) && t.transferred(s, k) {
			continue
		}
		if t.hasClass3(tk, cl3ImbalanceVerb) && s.tokMent[k] < 0 && t.imbalance >= 0 {
			// "stress alters the gut flora": the community after the verb
			if c := t.modifiesCommunity(s, k); c >= 0 && int(s.ments[c].tokStart) > k && !t.namedTaxon(s, s.text, c) && t.harmfulActor(s, k) &&
				!t.near(s, k, k+1, 3, 0, clsNegWord) { // ("antibiotics did not alter": no imbalance)
				s.addSpan(k, int(s.ments[c].tokEnd), toks, t.imbalance, entModifier)
			}
			continue
		}
		if cls&(clsImbalance|clsChange|clsTransfer) == 0 || s.tokMent[k] >= 0 {
			continue
		}
		c := t.modifiesCommunity(s, k)
		if c >= 0 && t.namedTaxon(s, s.text, c) && (s.ments[c].tokStart == int32(k+1) || s.ments[c].tokEnd <= int32(k)) {
			// "depleted Firmicutes", "Faecalibacterium was depleted",
			// "Akkermansia altered the gut microbiota": a change of one
			// taxon is no imbalance of the community ("a flora depleted
			// of <taxon>" still is one).
			continue
		}
		if c < 0 {
			if cls&clsImbalance != 0 && t.imbalance >= 0 && t.unhealthySite(s, k) {
				s.addSpan(k, k+2, toks, t.imbalance, entModifier)
			}
			continue
		}
		if cls&(clsImbalance|clsLess) == clsImbalance|clsLess && t.depletingVerb(s, k, c) {
			continue // "antibiotics depleted the gut bacteria": a verb that lowers the community
		}
		if e := int(s.ments[c].tokEnd); cls&clsTransfer == 0 && int(s.ments[c].tokStart) > k && e < len(toks) &&
			toks[e].flags&flagHard == 0 && (t.hasClass(toks[e], clsDiversity) || s.tokMent[e] >= 0 && s.ments[s.tokMent[e]].concept == t.diversity) {
			continue // "altered gut microbial diversity": the word changes the diversity
		}
		// The imbalance or the transfer spans the modifier and the
		// community it modifies: "altered <community>", "<community>
		// alterations".
		a, b := min(k, int(s.ments[c].tokStart)), max(k+1, int(s.ments[c].tokEnd))
		if e := int(s.ments[c].tokEnd); e < k && slices.ContainsFunc(s.tokMent[e:k], func(m int32) bool { return m >= 0 }) {
			a, b = int(s.ments[c].tokStart), e // ("the <community> of people with Y is altered": the community's own words)
		}
		switch {
		case cls&clsImbalance != 0 && t.imbalance >= 0 && t.hasClass2(tk, cl2NeutralImbalance) && t.benignChange(s, k, c):
			// "probiotics altered the gut microbiota": a change the
			// intervention made, not an imbalance
		case cls&clsImbalance != 0 && t.imbalance >= 0:
			s.addSpan(a, b, toks, t.imbalance, entModifier)
		case cls&clsChange != 0 && t.imbalance >= 0 && t.benignChange(s, k, c):
			// "probiotics changed the gut microbiota composition",
			// "favourable changes in the gut microbiota"
		case cls&clsChange != 0 && t.imbalance >= 0 && (t.near(s, k, k+1, 6, 4, clsComposition) || t.harmfulChange(s, k) ||
			b > k+1 && t.balanceAfter(s, b)) &&
			!t.near(s, k, k+1, 3, 0, clsNegWord):
			// "did not change the composition of the <community>" is
			// no imbalance.
			if k < int(s.ments[c].tokStart) && b > k+1 && t.balanceAfter(s, b) {
				a = int(s.ments[c].tokStart) // "throw <community> off balance": the verb stays a verb
			}
			s.addSpan(a, b, toks, t.imbalance, entModifier)
		case cls&clsTransfer != 0 && t.transfer >= 0:
			s.addSpan(a, b, toks, t.transfer, 0)
		}
	}
}

// transferred reads a word of transfer or receiving at token k followed,
// within five words, by the community it moves or a donor material, with
// the donors named: their condition before it ("mice that received HS
// microbiota": the word is the transfer, the community stays named) or
// "from" after it ("colonised with pooled stool from patients with Y":
// the material is the transfer). A community received with no donor
// ("newborns are colonised with maternal gut bacteria", "received stool
// collection kits") and a host colonised "by" microbes are none. It
// reports whether it made one.
func (t *Tagger) transferred(s *scratch, k int) bool {
	toks := s.toks
	sent := s.tokSent[k]
	if k+1 < len(toks) && t.hasClass2(toks[k+1], cl2PairBy) {
		return false // "the gut is first colonised by bacteria"
	}
	if t.hasClass(toks[k], clsTransfer) && t.modifiesCommunity(s, k) >= 0 {
		return false // "transfer of faecal microbiota": the transfer of the loop below
	}
	plain, donors := 0, false
	// a donor named after the material: "... stool from patients with Y"
	donorAfter := func(e int) bool {
		for n := e; n < len(toks) && n <= e+2 && s.tokSent[n] == sent && toks[n].flags&flagHard == 0; n++ {
			if t.hasClass3(toks[n], cl3RangePrep) {
				return true
			}
		}
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+5; j++ {
		if s.tokSent[j] != sent || toks[j].flags&(flagClause|flagHard) != 0 {
			return false
		}
		if m := s.tokMent[j]; m >= 0 {
			c := s.ments[m].concept
			switch {
			case s.ments[m].dropped:
				return false
			case c == t.community && !t.namedTaxon(s, s.text, m) && (donors || donorAfter(int(s.ments[m].tokEnd))):
				s.addSpan(k, k+1, toks, t.transfer, 0)
				return true
			case c >= 0 && t.concepts[c].kind == kindCondition && int(s.ments[m].tokEnd) < len(toks) && s.tokMent[s.ments[m].tokEnd] >= 0:
				j = int(s.ments[m].tokEnd) - 1 // "HS microbiota": the donors' condition
				donors = true
				continue
			}
			return false
		}
		if t.hasClass3(toks[j], cl3DonorMaterial) && (donors || donorAfter(j+1)) {
			s.addSpan(j, j+1, toks, t.transfer, 0) // (the verb stays a verb: "received faecal material" may be a method)
			return true
		}
		if t.hasClass(toks[j], clsBridgeBefore) || t.hasClass2(toks[j], cl2PairBy|cl2PairCausePrep) {
			continue
		}
		if plain++; plain > 1 || t.onCue(s.cueHits, int32(j)) || toks[j].flags&flagLetter == 0 {
			return false
		}
	}
	return false
}

// depletingVerb reports whether the imbalance word at token k, a word of
// less, is the verb of an intervention named right before it (maybe
// with a form of "have" between) whose object is community mention c
// after it, maybe after an article: "antibiotics (have) depleted the gut
// bacteria" lowers the community; "a depleted gut microbiota" and
// "patients had depleted gut bacteria" are imbalances.
func (t *Tagger) depletingVerb(s *scratch, k int, c int32) bool {
	toks := s.toks
	a := int(s.ments[c].tokStart)
	if a <= k || a > k+2 || a == k+2 && !t.hasClass(toks[k+1], clsArticle|clsDeterminer) || toks[k].flags&flagHard != 0 {
		return false
	}
	j := k - 1
	if j > 0 && t.hasClass2(toks[j], cl2Have) && toks[j].flags&flagHard == 0 {
		j--
	}
	if j < 0 || s.tokMent[j] < 0 || s.tokSent[j] != s.tokSent[k] || toks[j+1].flags&flagHard != 0 {
		return false
	}
	m := s.ments[s.tokMent[j]]
	if b := int(m.tokStart) - 1; b >= 0 && s.tokSent[b] == s.tokSent[k] &&
		(t.hasClass2(toks[b], cl2Exposure|cl2Relative|cl2PairObjectPrep|cl2PairCausePrep|cl2PairOf) || t.hasClass(toks[b], clsArticle|clsDeterminer)) {
		return false // "patients who took X had depleted <community>": X is no subject of the verb
	}
	return !m.dropped && m.concept >= 0 && t.concepts[m.concept].kind == kindIntervention
}

// offBalance reports whether tokens from e say "off balance" or "out of
// balance": one or two particles or "of", then a composition word.
func (t *Tagger) offBalance(s *scratch, e int) bool {
	toks := s.toks
	// the community's place and a verb of becoming may come first: "the
	// microbes in your gut can fall out of balance"
	for e < len(toks) && e < len(toks)-1 && toks[e].flags&flagHard == 0 && s.tokSent[e] == s.tokSent[e-1] && s.tokMent[e] < 0 &&
		!t.hasClass(toks[e], clsAvoidParticle) && (t.hasClass(toks[e], clsCopula|clsDeterminer|clsArticle|clsSitePrimary) ||
		t.hasClass2(toks[e], cl2Modal|cl2FindingPrep) || t.hasClass3(toks[e], cl3GenericPossessive) || t.hasClass4(toks[e], cl4Linking)) {
		e++
	}
	k := e
	for k < len(toks) && k < e+2 && toks[k].flags&flagHard == 0 && s.tokSent[k] == s.tokSent[e-1] &&
		(t.hasClass(toks[k], clsAvoidParticle) || k > e && t.hasClass2(toks[k], cl2PairOf)) {
		k++
	}
	return k > e && k < len(toks) && toks[k].flags&flagHard == 0 && s.tokSent[k] == s.tokSent[e-1] && t.hasClass(toks[k], clsComposition)
}

// balanceAfter reports whether a composition word follows token b within
// three words that are neither conjunctions nor concepts: "throw your
// <community> off balance".
func (t *Tagger) balanceAfter(s *scratch, b int) bool {
	for k := b; k < len(s.toks) && k < b+3 && s.tokSent[k] == s.tokSent[b-1]; k++ {
		switch {
		case t.hasClass(s.toks[k], clsComposition):
			return true
		case s.tokMent[k] >= 0 || t.hasClass(s.toks[k], clsConj) || s.toks[k].flags&flagHard != 0:
			return false
		}
	}
	return false
}

// harmfulChange reports whether the change word at token k is said in a
// sentence about a harmful exposure or a named condition ("<antimicrobial>
// induced changes in the gut microbiota", "changes in the gut microbiota
// of patients with <condition>"): a change there is an imbalance, unless
// an intervention that is not harmful is there to make it. What each
// sentence names is read once per document (sentHarm), so that a text of
// endless changes stays linear.
func (t *Tagger) harmfulChange(s *scratch, k int) bool {
	sent := s.tokSent[k]
	if sent < 0 {
		return false
	}
	if len(s.sentHarm) != len(s.sents) {
		s.sentHarm = s.sentHarm[:0]
		for range s.sents {
			s.sentHarm = append(s.sentHarm, 0)
		}
		for _, m := range s.ments {
			if m.dropped || m.concept < 0 || s.tokSent[m.tokStart] < 0 {
				continue
			}
			h := &s.sentHarm[s.tokSent[m.tokStart]]
			switch {
			case t.harmfulConcept(m.concept):
				*h |= sentHarmful
			case t.concepts[m.concept].kind == kindCondition && m.concept != t.generalCond:
				*h |= sentCondition
			case t.concepts[m.concept].kind == kindIntervention:
				*h |= sentHelp // "<intervention> changed the gut microbiota in <condition>"
			}
		}
	}
	h := s.sentHarm[sent]
	return h&sentHarmful != 0 || h&sentCondition != 0 && h&sentHelp == 0
}

// What a sentence names, for harmfulChange.
const (
	sentHarmful   uint8 = 1 << iota // a harmful exposure
	sentCondition                   // a named condition
	sentHelp                        // an intervention that is not harmful
)

// harmfulConcept reports whether concept c is a harmful exposure: marked
// harmful in the taxonomy, or the antimicrobial.
func (t *Tagger) harmfulConcept(c int32) bool {
	return c >= 0 && (t.concepts[c].harmful || c == t.antimicrobial)
}

// benignChange reports whether the change word at token k, which
// modifies the community mention c, names only a change of the community:
// an intervention that is not harmful makes it (helpfulChange), a
// favourable word stands right before it ("favourable changes"), or it is
// found after such an intervention ("alterations in the gut microbiota
// after fibre intake").
func (t *Tagger) benignChange(s *scratch, k int, c int32) bool {
	toks := s.toks
	if k > 0 && s.tokSent[k-1] == s.tokSent[k] && toks[k].flags&flagHard == 0 && t.hasClass2(toks[k-1], cl2FavourableChange) {
		return true
	}
	if t.helpfulChange(s, k) {
		return true
	}
	// The cause after the change and its community: a cause preposition
	// within three words of their end, then the intervention within three
	// words ("after interventions with <intervention>").
	end := max(k+1, int(s.ments[c].tokEnd))
	for j := end; j < len(toks) && j <= end+3 && s.tokSent[j] == s.tokSent[k]; j++ {
		if s.tokMent[j] >= 0 || toks[j].flags&flagClause != 0 {
			return false
		}
		if !t.hasClass2(toks[j], cl2PairCausePrep|cl2PairBy) {
			continue
		}
		for i := j + 1; i < len(toks) && i <= j+3 && s.tokSent[i] == s.tokSent[k]; i++ {
			if m := s.tokMent[i]; m >= 0 {
				mc := s.ments[m].concept
				return mc >= 0 && t.concepts[mc].kind == kindIntervention && !t.harmfulConcept(mc)
			}
			if toks[i].flags&flagClause != 0 {
				return false
			}
		}
		return false
	}
	return false
}

// actorBefore returns the token right before the verb at token k past at
// most a modal or an adverb ("fibre can significantly alter"), in its
// sentence and with no hard punctuation between, or -1.
func (t *Tagger) actorBefore(s *scratch, k int) int {
	toks := s.toks
	j := k - 1
	for j >= 0 && j >= k-3 && s.tokMent[j] < 0 && (t.hasClass2(toks[j], cl2Modal) || t.ending(s, int32(j), t.adverbEnd)) {
		j--
	}
	if j < 0 || s.tokSent[j] != s.tokSent[k] || toks[j+1].flags&flagHard != 0 {
		return -1
	}
	return j
}

// harmfulActor reports whether the verb at token k has as its subject,
// named right before it with at most a modal or an adverb between, a
// harmful exposure or a condition ("antibiotics alter", "stress can
// alter", "psoriasis may alter"), or, after a conjunction, whose
// sentence's first concept is one ("X promotes Y and may alter").
func (t *Tagger) harmfulActor(s *scratch, k int) bool {
	j := t.actorBefore(s, k)
	if j < 0 {
		return false
	}
	m := s.tokMent[j]
	if m < 0 && t.hasClass(s.toks[j], clsConj) {
		// "X promotes Y and may alter the <community>": a verb in series
		// has the sentence's first concept as its subject (found by
		// binary search: the mentions are in text order, so a document
		// of endless "and may alter" stays linear)
		sent := s.tokSent[k]
		i := sort.Search(len(s.ments), func(i int) bool { return s.tokSent[s.ments[i].tokStart] >= sent })
		for ; i < len(s.ments) && int(s.ments[i].tokStart) < j; i++ {
			if !s.ments[i].dropped {
				m = int32(i)
				break
			}
		}
	} else if m >= 0 && (s.ments[m].tokEnd != int32(j+1) || s.ments[m].dropped) {
		m = -1
	}
	if m < 0 {
		return false
	}
	c := s.ments[m].concept
	return c >= 0 && (t.harmfulConcept(c) || t.concepts[c].kind == kindCondition)
}

// helpfulChange reports whether the change word at token k is what an
// intervention that is not harmful does, named right before it with at
// most a modal or an adverb between ("probiotics altered", "fibre can
// significantly alter").
func (t *Tagger) helpfulChange(s *scratch, k int) bool {
	j := t.actorBefore(s, k)
	if j < 0 {
		return false
	}
	m := s.tokMent[j]
	if m < 0 || s.ments[m].tokEnd != int32(j+1) {
		return false
	}
	c := s.ments[m].concept
	return c >= 0 && t.concepts[c].kind == kindIntervention && !t.harmfulConcept(c)
}

// lostDiversity reads the diversity mentions among the first n: a
// diversity at the secondary site is that site's community, one at another
// site names nothing, and the primary site's diversity that is lower,
// reduced or lost is its imbalance.
func (t *Tagger) lostDiversity(s *scratch, n int) {
	if t.imbalance < 0 || t.diversity < 0 {
		return
	}
	toks := s.toks
	for i := 0; i < n; i++ {
		m := s.ments[i]
		if m.dropped || m.concept != t.diversity {
			continue
		}
		a, b := int(m.tokStart), int(m.tokEnd)
		switch t.diversitySite(s, a, b) {
		case siteSecondary:
			if t.communityAlt >= 0 && !t.nearConcept(s, a, 5, 5, t.communityAlt) {
				s.add(a, toks, t.communityAlt)
			}
			continue
		case siteOther:
			s.ments[i].dropped = true
			continue
		}
		if l := t.lessened(s, a, b); l >= 0 {
			// "lower <diversity>" spans both; "<diversity> was lower" the
			// diversity's words.
			s.addSpan(min(a, l), b, toks, t.imbalance, entLostDiversity)
		}
	}
}

// namedTaxon reports whether mention i names one taxon rather than the
// community: a taxon synonym of the community or of the given microbes, or
// an unlisted genus or family name.
func (t *Tagger) namedTaxon(s *scratch, text string, i int32) bool {
	m := s.ments[i]
	if m.flags&(entTaxon|entGivenTaxon) != 0 {
		return true
	}
	tk := s.toks[m.tokStart]
	return m.flags&entRule != 0 && tk.flags&flagCapital != 0 && t.taxonName(text[tk.start:tk.end])
}

// modifiesCommunity returns the mention of the community that the word at
// token k qualifies, or -1: before it with only modifier-bridge-before
// words between ("altered <community>", "perturbations in the composition
// of the <community>"), or after it with only modifier-bridge-after words
// between ("the <community> becomes imbalanced").
func (t *Tagger) modifiesCommunity(s *scratch, k int) int32 {
	toks := s.toks
	sent := s.tokSent[k]
	for j := k + 1; j < len(toks) && j <= k+6; j++ {
		if s.tokSent[j] != sent || toks[j].flags&flagClause != 0 {
			break
		}
		if m := s.tokMent[j]; m >= 0 {
			if s.ments[m].concept == t.community && !s.ments[m].dropped {
				return m
			}
			if e := int(s.ments[m].tokEnd); s.ments[m].concept == t.diversity && e < len(toks) && e <= k+4 &&
				t.hasClass(toks[e], clsConj) && toks[e].flags&flagHard == 0 {
				// "disturbed diversity and composition of the
				// <community>": the modifier is shared by both nouns
				j = e
				continue
			}
			break
		}
		if !t.hasClass(toks[j], clsBridgeBefore) && !(t.possessiveAt(s, j) && toks[j].flags&flagHard == 0) {
			break // (a possessive is whose the community is: "perturb the newborn's <community>")
		}
	}
	reach := k - 4
	for j := k - 1; j >= 0 && j >= reach; j-- {
		if s.tokSent[j] != sent || toks[j+1].flags&flagClause != 0 {
			break
		}
		if m := s.tokMent[j]; m >= 0 {
			if s.ments[m].concept == t.community && !s.ments[m].dropped {
				return m
			}
			if o := t.peopleWithBefore(s, s.ments[m]); o >= 0 && reach == k-4 && t.hasClass(toks[k], clsImbalance) {
				// "the gut microbiota of people with Y is altered": the
				// people the community belongs to stand between
				j, reach = o, o-4
				continue
			}
			break
		}
		if !t.hasClass(toks[j], clsBridgeAfter) {
			break
		}
	}
	return -1
}

// peopleWithBefore returns the token of "of" that opens a phrase of people
// with the condition of mention m ("of (the) patients with Y"), or -1.
func (t *Tagger) peopleWithBefore(s *scratch, m mention) int {
	toks := s.toks
	j := int(m.tokStart) - 1
	if m.concept < 0 || t.concepts[m.concept].kind != kindCondition || j < 2 || !t.hasClass2(toks[j], cl2PairObjectPrep) {
		return -1
	}
	j--
	if !t.hasClass2(toks[j], cl2Population) || s.tokMent[j] >= 0 {
		return -1
	}
	j--
	if t.hasClass(toks[j], clsArticle) && j > 0 {
		j--
	}
	if !t.hasClass2(toks[j], cl2PairOf) || toks[j+1].flags&flagHard != 0 {
		return -1
	}
	return j
}

// unhealthySite reports whether the imbalance word at token k qualifies
// the primary site's own noun, which heads its phrase: the sentence or
// the clause ends after it, or a copula or modal follows ("an unhealthy
// <site> can ...").
func (t *Tagger) unhealthySite(s *scratch, k int) bool {
	toks := s.toks
	g := k + 1
	if g >= len(toks) || s.tokSent[g] != s.tokSent[k] || toks[g].flags&flagHard != 0 ||
		s.tokMent[g] >= 0 || !t.hasClass2(toks[g], cl2SitePrimaryNoun) {
		return false
	}
	n := g + 1
	return n >= len(toks) || s.tokSent[n] != s.tokSent[k] || toks[n].flags&flagHard != 0 ||
		t.hasClass(toks[n], clsCopula) || t.hasClass2(toks[n], cl2Modal|cl2Have)
}

// lessened returns the less-word that makes the diversity mentioned over
// tokens [a, b) lower, reduced or lost (before it across microbe, site and
// bridge words, or after it across bridge words), or -1.
func (t *Tagger) lessened(s *scratch, a, b int) int {
	toks := s.toks
	sent := s.tokSent[a]
	for j := a - 1; j >= 0 && j >= a-4 && s.tokSent[j] == sent; j-- {
		if t.hasClass(toks[j], clsLess) {
			return j
		}
		if toks[j+1].flags&flagHard != 0 || !t.hasClass(toks[j], clsMicrobe|clsSitePrimary|clsBridgeBefore) {
			break
		}
	}
	// The words of the community named after it, and its "of the", are
	// skipped: "<diversity> of the faecal microbiota was (significantly)
	// lower".
	skipped := 0
	for j := b; j < len(toks) && j < b+4+2*min(skipped, 1)+skipped && s.tokSent[j] == sent; j++ {
		if toks[j].flags&flagHard != 0 {
			break
		}
		if t.hasClass(toks[j], clsLess) {
			return j
		}
		if m := s.tokMent[j]; m >= 0 && skipped == 0 && j > b && t.hasClass(toks[j-1], clsBridgeAfter) &&
			s.ments[m].concept == t.community && s.ments[m].tokStart == int32(j) {
			e := int(s.ments[m].tokEnd)
			skipped = e - j
			j = e - 1
			continue
		}
		if !t.hasClass(toks[j], clsBridgeAfter) {
			break
		}
	}
	return -1
}
