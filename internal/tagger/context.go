package tagger

import "strings"

// applyContextRules adjusts the phrase matches with what the nearby words
// say, inside one sentence:
//   - bare "eczema" in a document about contact dermatitis is not atopic;
//   - antibiotics named in a resistance or susceptibility test are not taken;
//   - a bare "microbiota" of the mouth or vagina is not the gut's, one "in
//     the skin" is the skin's, and "skin and gut microbiota" names both;
//   - a probiotic genus is a supplement when it is given or acts on
//     something ("L. casei reduced acne"), a gut taxon when it is counted in
//     stool ("Lactobacillus abundance", "fewer Bifidobacterium in their
//     stool"), and no gut taxon at all in the vagina, mouth or on the skin;
//   - bare "bacteria", "diversity", "toxins", "barrier", "permeability" and
//     "antibodies" need a gut, microbial, skin, blood or immune context;
//   - "imbalanced", "disrupted", "altered" next to the gut microbiome add
//     dysbiosis, as do "a different mix" or "upset the balance" of it and a
//     diversity that is lower or lost; "transplanting" it adds fecal
//     microbiota transplantation;
//   - "the skin" as the object of "affects", "improves", "reflects on" is
//     skin health;
//   - "flares" in a document about the skin, and "spots" on the skin, are
//     skin inflammation and acne; "inflammation behind the spots" is the
//     skin's; "rash" in apposition to a named disease is that disease;
//   - "sleep" listed among symptoms ("itch, sleep and redness") is an
//     outcome, not the sleep intervention.
func (t *Tagger) applyContextRules(s *scratch, text string, contact bool) {
	toks := s.toks
	n := len(s.ments)
	skinDoc := false // the document names a skin condition
	for i := 0; i < n; i++ {
		m := &s.ments[i]
		if m.dropped {
			continue
		}
		switch {
		case m.concept == t.localInfl && m.tokEnd-m.tokStart == 1 && t.offSkin(s, int(m.tokStart), int(m.tokEnd)):
			// "irritation of the bowel", "vaginal irritation": not the skin's.
			m.dropped = true
		case m.concept == t.imbalance && m.tokEnd-m.tokStart == 1:
			// "vaginal dysbiosis", "a dysbiotic oral microbiota" are not the
			// gut's; "skin dysbiosis" is the skin microbiome's.
			switch t.dysbiosisSite(s, int(m.tokStart), int(m.tokEnd)) {
			case siteOther:
				m.dropped = true
			case siteSkin:
				if t.communityAlt >= 0 {
					m.concept = t.communityAlt
				}
			}
		case m.flags&entBroad != 0 && contact:
			m.dropped = true
		case m.concept == t.antimicrobial && t.near(s, int(m.tokStart), int(m.tokEnd), 3, 2, clsResistance):
			m.dropped = true
		case m.concept == t.generalCond && (t.classifies(s, int(m.tokStart)) || t.apposition(s, int(m.tokEnd))):
			m.dropped = true
		case m.concept == t.systemic && t.localInfl >= 0 && m.tokEnd-m.tokStart == 1 &&
			(t.classifies(s, int(m.tokStart)) || t.onSkin(s, int(m.tokEnd)) || t.localInflammation(s, int(m.tokEnd))):
			// "Rosacea is a chronic inflammatory disease", "the inflammation
			// behind red spots": the skin's inflammation.
			m.concept = t.localInfl
		case m.flags&entGeneralLesion != 0 && t.appositionAfter(s, int(m.tokStart)):
			// "dermatitis herpetiformis, an itchy blistering rash"
			m.dropped = true
		case m.concept == t.alsoOutcome && t.listedOutcome(s, int(m.tokStart), int(m.tokEnd)):
			m.dropped = true
		case m.flags&entUnplaced != 0:
			t.locateMicrobiome(s, i)
		case m.flags&entTaxon != 0:
			t.locateTaxon(s, i, t.community)
		case m.flags&entGivenTaxon != 0 && t.community >= 0:
			t.placeProbioticTaxon(s, text, i)
		}
		if !m.dropped && m.concept >= 0 && t.concepts[m.concept].kind == kindCondition && m.concept != t.generalCond {
			skinDoc = true
		}
	}
	t.indexMentions(s)

	// Coordinated sites: "skin and gut microbiota", "gut-skin microbiota".
	for i := 0; i < n; i++ {
		m := s.ments[i]
		if m.dropped || m.tokStart < 2 {
			continue
		}
		var other int32
		var want uint64
		switch m.concept {
		case t.community:
			other, want = t.communityAlt, clsSiteSecondary
		case t.communityAlt:
			other, want = t.community, clsSitePrimary
		default:
			continue
		}
		first := toks[m.tokStart]
		if other < 0 || t.class[idOr0(first.id)]&(clsSitePrimary|clsSiteSecondary) == 0 || first.flags&flagHard != 0 {
			continue
		}
		k := int(m.tokStart) - 1
		if t.hasClass(toks[k], clsConj) && toks[k].flags&flagHard == 0 {
			k--
		}
		if k >= 0 && k < int(m.tokStart) && s.tokMent[k] < 0 && t.hasClass(toks[k], want) &&
			s.tokSent[k] == s.tokSent[m.tokStart] {
			s.add(k, toks, other)
		}
	}

	// Bare words that need a context.
	for k, tk := range toks {
		if s.tokMent[k] >= 0 || s.stopTok[k] {
			continue // a stop phrase keeps its words from a bare-word sense too
		}
		if tk.id < 0 {
			// A genus or family the taxonomy does not list, in the gut:
			// "stool harboured more Acidaminococcus".
			if tk.flags&flagCapital != 0 && t.community >= 0 && t.taxonName(text[tk.start:tk.end]) && t.gutTaxon(s, text, k) {
				s.add(k, toks, t.community)
			}
			continue
		}
		cls := t.class[tk.id]
		if cls == 0 && !t.hasClass2(tk, cl2DrynessAdj) {
			continue
		}
		switch {
		case cls&clsMicrobeBare != 0 && t.community >= 0:
			t.placeBacteria(s, k)
		case cls&clsDiversity != 0 && t.diversity >= 0:
			// "diversity" and "richness" of microbes nearby; "diverse" only
			// right before them ("a diverse gut microbiome") or after a
			// copula ("the microbiome is less diverse").
			before, after := 4, 4
			if t.hasClass2(tk, cl2VariedAdj) && (k == 0 || !t.hasClass(toks[k-1], clsComparative|clsArticle|clsCopula)) {
				break // "the effect varied across taxa" is a verb
			}
			if t.hasClass2(tk, cl2DiverseAdj|cl2VariedAdj) {
				before, after = 0, 3
				if k >= 2 && t.hasClass(toks[k-1], clsCopula|clsComparative) || k >= 3 && t.hasClass(toks[k-2], clsCopula) {
					before = 5
				}
			}
			if t.near(s, k, k+1, before, after, clsMicrobe) || t.nearConcept(s, k, before, after, t.community) {
				s.add(k, toks, t.diversity)
			}
		case cls&clsToxin != 0 && t.toxin >= 0:
			if t.near(s, k, k+1, 6, 8, clsCirculation) || t.near(s, k, k+1, 2, 4, clsBloodWord) {
				s.add(k, toks, t.toxin)
			}
		case cls&clsBarrier != 0:
			if t.barrier >= 0 && t.near(s, k, k+1, 3, 4, clsSitePrimary) {
				s.add(k, toks, t.barrier)
			} else if t.barrierAlt >= 0 && (t.near(s, k, k+1, 6, 2, clsSiteSecondary) || t.skinSentence(s, k)) {
				s.add(k, toks, t.barrierAlt)
			}
		case cls&clsPermeability != 0 && t.barrier >= 0:
			// "markers of permeability": the gut's, unless a vessel, a
			// membrane, the brain or the skin is named with it.
			if t.near(s, k, k+1, 4, 3, clsSitePrimary) || !t.near(s, k, k+1, 4, 3, clsBarrierSiteOther) {
				s.add(k, toks, t.barrier)
			}
		case cls&clsAntibody != 0 && t.immune >= 0:
			// Antibodies the body makes, not antibodies used to stain.
			if !t.near(s, k, k+1, 3, 2, clsReagent) {
				s.add(k, toks, t.immune)
			}
		case cls&clsFlare != 0 && t.localInfl >= 0:
			if (skinDoc || t.near(s, k, k+1, 3, 3, clsSiteSecondary)) && !t.nearUncovered(s, k, 6, 6, clsOffSiteDisease) {
				s.add(k, toks, t.localInfl)
			}
		case cls&clsSpot != 0 && t.lesionCond >= 0:
			// "spots" are pimples on the skin, not age spots or blind spots.
			if k > 0 && t.hasClass(toks[k-1], clsSpotNot) && s.tokSent[k-1] == s.tokSent[k] {
				break
			}
			if t.near(s, k, k+1, 3, 4, clsSpotOnSite) || t.near(s, k, k+1, 3, 0, clsInflamedAdj) || skinDoc && t.docHas(s, t.lesionCond) {
				s.add(k, toks, t.lesionCond)
				if t.near(s, k, k+1, 3, 0, clsInflamedAdj) && t.localInfl >= 0 {
					s.add(k, toks, t.localInfl)
				}
			}
		case (t.hasClass2(tk, cl2DrynessAdj) || cls&clsInflamedAdj != 0) && t.adjectiveOfSkin(s, text, k):
			// "dry, itchy skin", "red, scaly skin"
			if t.hasClass2(tk, cl2DrynessAdj) && t.drynessCond >= 0 {
				s.add(k, toks, t.drynessCond)
			} else if !t.hasClass2(tk, cl2DrynessAdj) && t.localInfl >= 0 {
				s.add(k, toks, t.localInfl)
			}
		case t.hasClass2(tk, cl2InflamedParticiple) && t.localInfl >= 0 && t.inflamedLesion(s, k):
			// "inflamed papules", "the lesions were less inflamed"
			s.add(k, toks, t.localInfl)
		case cls&clsProducing != 0 && t.metabolite >= 0 && t.community >= 0 && t.nearConcept(s, k, 2, 0, t.metabolite):
			// "butyrate-producing species", "SCFA producers" live in the gut.
			if j := k + 1; j < len(toks) && s.tokSent[j] == s.tokSent[k] && s.tokMent[j] < 0 &&
				(t.hasClass(toks[j], clsMicrobeBare|clsMicrobe) || t.hasClass2(toks[j], cl2TaxonNoun)) {
				s.add(j, toks, t.community)
			} else if !t.hasClass2(toks[k], cl2ProducingParticiple) {
				s.add(k, toks, t.community)
			}
		case t.hasClass2(tk, cl2SiteSecondaryNoun) && t.generalCond >= 0:
			j := k - 1
			for j >= 0 && k-j <= 3 && t.hasClass(toks[j], clsDeterminer) && toks[j+1].flags&flagHard == 0 {
				j--
			}
			if j >= 0 && j < k-1 && t.hasClass(toks[j], clsSiteVerb) && toks[j+1].flags&flagHard == 0 &&
				s.tokSent[j] == s.tokSent[k] && (k+1 >= len(toks) || toks[k+1].flags&flagHard != 0 || s.tokMent[k+1] < 0) {
				s.add(k, toks, t.generalCond)
			}
		}
	}
	t.indexMentions(s)

	// Modifiers of microbiome and diversity mentions, now that the bare
	// words have theirs.
	n = len(s.ments)
	for k, tk := range toks {
		if tk.id < 0 || t.community < 0 {
			continue
		}
		cls := t.class[tk.id]
		if cls&(clsImbalance|clsChange|clsTransfer) == 0 || s.tokMent[k] >= 0 {
			continue
		}
		if !t.modifies(s, k) {
			// "an unhealthy gut", "an imbalanced gut can trigger acne"
			if cls&clsImbalance != 0 && t.imbalance >= 0 && t.unhealthyGut(s, k) {
				s.add(k, toks, t.imbalance)
			}
			continue
		}
		switch {
		case cls&clsImbalance != 0 && t.imbalance >= 0:
			s.add(k, toks, t.imbalance)
		case cls&clsChange != 0 && t.imbalance >= 0 && t.near(s, k, k+1, 6, 4, clsComposition):
			s.add(k, toks, t.imbalance)
		case cls&clsTransfer != 0 && t.transfer >= 0:
			s.add(k, toks, t.transfer)
		}
	}
	// A diversity that is lower, reduced or lost is dysbiosis.
	if t.imbalance >= 0 && t.diversity >= 0 {
		for i := 0; i < n; i++ {
			m := s.ments[i]
			if m.dropped || m.concept != t.diversity {
				continue
			}
			// The skin's diversity is the skin microbiome's, another site's
			// names no concept; only the gut's lost diversity is dysbiosis.
			switch t.diversitySite(s, int(m.tokStart), int(m.tokEnd)) {
			case siteSkin:
				if t.communityAlt >= 0 && !t.nearConcept(s, int(m.tokStart), 5, 5, t.communityAlt) {
					s.add(int(m.tokStart), toks, t.communityAlt)
				}
				continue
			case siteOther:
				s.ments[i].dropped = true
				continue
			}
			if t.lessened(s, int(m.tokStart), int(m.tokEnd)) {
				s.add(int(m.tokStart), toks, t.imbalance)
			}
		}
	}
}

func idOr0(id int32) int32 {
	if id < 0 {
		return 0
	}
	return id
}

// add appends a rule-made mention of concept c over token k.
func (s *scratch) add(k int, toks []token, c int32) {
	s.ments = append(s.ments, mention{
		tokStart: int32(k), tokEnd: int32(k + 1),
		start: toks[k].start, end: toks[k].end, concept: c,
	})
}

func (t *Tagger) hasClass(tk token, cls uint64) bool {
	return tk.id >= 0 && t.class[tk.id]&cls != 0
}

func (t *Tagger) hasClass2(tk token, cls uint64) bool {
	return tk.id >= 0 && t.class2[tk.id]&cls != 0
}

// near reports whether a word of class cls lies within before tokens before
// [from, to) or after tokens after it, in the same sentence.
func (t *Tagger) near(s *scratch, from, to, before, after int, cls uint64) bool {
	sent := s.tokSent[from]
	for k := max(0, from-before); k < from; k++ {
		if s.tokSent[k] == sent && t.hasClass(s.toks[k], cls) {
			return true
		}
	}
	for k := to; k < len(s.toks) && k < to+after; k++ {
		if s.tokSent[k] != sent {
			break
		}
		if t.hasClass(s.toks[k], cls) {
			return true
		}
	}
	return false
}

// nearConcept reports whether a mention of concept c covers a token within
// before tokens before k or after tokens after it, in the same sentence.
func (t *Tagger) nearConcept(s *scratch, k, before, after int, c int32) bool {
	sent := s.tokSent[k]
	for j := max(0, k-before); j < len(s.toks) && j <= k+after; j++ {
		if j == k || s.tokSent[j] != sent {
			continue
		}
		if m := s.tokMent[j]; m >= 0 && s.ments[m].concept == c && !s.ments[m].dropped {
			return true
		}
	}
	return false
}

// locateMicrobiome decides where a bare "microbiota" lives from the words
// around it: another site drops it, the skin makes it the skin's (or both
// when the gut is named too), otherwise it stays the gut's.
func (t *Tagger) locateMicrobiome(s *scratch, i int) {
	m := &s.ments[i]
	toks := s.toks
	if k := int(m.tokStart) - 1; k >= 0 && toks[m.tokStart].flags&flagHard == 0 &&
		t.hasClass(toks[k], clsSiteOther) {
		m.dropped = true
		return
	}
	sent := s.tokSent[m.tokStart]
	gut, skin, other := false, false, false
	skinTok := -1
	for k := int(m.tokEnd); k < len(toks) && k < int(m.tokEnd)+6; k++ {
		if s.tokSent[k] != sent || toks[k].flags&flagClause != 0 {
			break
		}
		switch {
		case t.hasClass(toks[k], clsSitePrimary):
			gut = true
		case t.hasClass(toks[k], clsSiteSecondary):
			skin = true
			if skinTok < 0 {
				skinTok = k
			}
		case t.hasClass(toks[k], clsSiteOther):
			other = true
		}
	}
	switch {
	case skin && t.communityAlt >= 0:
		if !gut {
			m.concept = t.communityAlt
			return
		}
		s.add(skinTok, toks, t.communityAlt)
	case other && !gut:
		m.dropped = true
	}
}

// residentTaxon reports whether a probiotic taxon with no place named
// near it is counted rather than given: abundance wording around it
// ("Lactobacillus abundance", "colonised by Bifidobacterium") or a list of
// other gut taxa ("Bacteroides, Lactobacillus and Prevotella").
func (t *Tagger) residentTaxon(s *scratch, i int) bool {
	m := s.ments[i]
	from, to := int(m.tokStart), int(m.tokEnd)
	if t.near(s, from, to, 4, 4, clsAbundance) {
		return true
	}
	sent := s.tokSent[from]
	for j := max(0, from-4); j < len(s.toks) && j < to+4; j++ {
		if j >= from && j < to || s.tokSent[j] != sent {
			continue
		}
		if k := s.tokMent[j]; k >= 0 && k != int32(i) {
			if c := s.ments[k]; c.concept == t.community && !c.dropped && c.flags&entUnplaced == 0 {
				return true
			}
		}
	}
	return false
}

// strainCodeAfter reports whether one of the two tokens after position k is
// a strain designation: all capitals or letters with digits ("GG", "NS8",
// "CCFM8661", "R0052").
func strainCodeAfter(toks []token, text string, k int) bool {
	for j := k; j < len(toks) && j < k+2; j++ {
		if j > k && toks[j].flags&flagHard != 0 {
			return false
		}
		tk := toks[j]
		w := text[tk.start:tk.end]
		if tk.flags&flagDigit != 0 && tk.flags&flagLetter != 0 {
			return true
		}
		if len(w) >= 2 && tk.flags&flagInnerUpper != 0 && tk.flags&flagCapital != 0 && strings.ToUpper(w) == w {
			return true
		}
	}
	return false
}

// modifies reports whether the word at token k qualifies a gut-microbiome
// mention: before it with only articles, prepositions and "composition"
// between ("altered gut microbiota", "perturbations in the composition of
// the gut microbiota"), or after it with only a copula between ("the gut
// microbiota becomes imbalanced", "gut microbiome alterations").
func (t *Tagger) modifies(s *scratch, k int) bool {
	toks := s.toks
	sent := s.tokSent[k]
	for j := k + 1; j < len(toks) && j <= k+6; j++ {
		if s.tokSent[j] != sent || toks[j].flags&flagClause != 0 {
			break
		}
		if m := s.tokMent[j]; m >= 0 {
			if s.ments[m].concept == t.community && !s.ments[m].dropped {
				return true
			}
			break
		}
		if !t.hasClass(toks[j], clsBridgeBefore) {
			break
		}
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if s.tokSent[j] != sent || toks[j+1].flags&flagClause != 0 {
			break
		}
		if m := s.tokMent[j]; m >= 0 {
			if s.ments[m].concept == t.community && !s.ments[m].dropped {
				return true
			}
			break
		}
		if !t.hasClass(toks[j], clsBridgeAfter) {
			break
		}
	}
	return false
}

// classifies reports whether a general skin-health mention at token k only
// classifies a specific condition named before it ("Psoriasis is a common
// skin disease"), in which case the specific condition is what is meant.
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
// general skin-health mention ending before token k: "the skin condition
// eczema" names eczema.
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

// onSkin reports whether the word at token k, right after "inflammatory",
// puts the inflammation on the skin: a lesion word ("inflammatory lesions",
// "inflammatory papules") or a skin condition ("inflammatory acne").
func (t *Tagger) onSkin(s *scratch, k int) bool {
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

// Places a microbe may live, for nearestSite.
const (
	siteNone = iota
	siteGut
	siteSkin
	siteOther
)

// nearestSite returns the place named nearest to tokens [from, to) within
// before tokens before and after tokens after them, in the same sentence.
// The gut and the skin count when they are linked to the microbes by
// prepositions and articles only, within four words ("faecal
// Bifidobacterium", "Bifidobacterium in their stool", "bacteria on the
// skin"), so that "L. casei reshaped the gut microbiota" names no place for
// L. casei; a skin word of another concept ("skin barrier") does not
// count. Another site (mouth, vagina) counts within three words, or further
// when it names a habitat of microbes ("the vaginal microbiota of these
// women was depleted of Lactobacillus").
func (t *Tagger) nearestSite(s *scratch, from, to, before, after int) int {
	toks := s.toks
	sent := s.tokSent[from]
	site := func(k, d int, path func() bool) int {
		if k < 0 || k >= len(toks) || s.tokSent[k] != sent {
			return siteNone
		}
		switch {
		case t.hasClass(toks[k], clsSiteOther):
			if d <= 3 || k+1 < len(toks) && s.tokSent[k+1] == sent && t.hasClass(toks[k+1], clsMicrobe|clsHabitat) {
				return siteOther
			}
		case t.hasClass(toks[k], clsSitePrimary):
			if d <= 4 && path() {
				return siteGut
			}
		case t.hasClass(toks[k], clsSiteSecondary):
			if m := s.tokMent[k]; m >= 0 && s.ments[m].concept != t.communityAlt {
				return siteNone
			}
			if d <= 4 && path() {
				return siteSkin
			}
		}
		return siteNone
	}
	tight := func(a, b int) bool {
		for j := a; j < b; j++ {
			if !t.hasClass(toks[j], clsSitePath) {
				return false
			}
		}
		return true
	}
	for d := 1; d <= max(before, after); d++ {
		if d <= before {
			k := from - d
			if st := site(k, d, func() bool { return tight(k+1, from) }); st != siteNone {
				return st
			}
		}
		if d <= after {
			k := to - 1 + d
			if st := site(k, d, func() bool { return tight(to, k) }); st != siteNone {
				return st
			}
		}
	}
	return siteNone
}

// placeBacteria tags a bare "bacteria" or "microbes" at token k by the
// place named nearest to it: the gut ("bacteria in the gut", also
// "butyrate-producing bacteria" and germ-free mice colonised with them),
// the skin ("bacteria on the skin", "the skin's own bacteria") or elsewhere
// (the mouth, the soil), which names no concept. "Bacterial toxins" are
// toxins.
func (t *Tagger) placeBacteria(s *scratch, k int) {
	toks := s.toks
	if k+1 < len(toks) && s.tokSent[k+1] == s.tokSent[k] && (t.hasClass(toks[k+1], clsToxin) ||
		s.tokMent[k+1] >= 0 && s.ments[s.tokMent[k+1]].concept == t.toxin) {
		return // "bacterial lipopolysaccharide"
	}
	if t.near(s, k, k+1, 6, 6, clsSitePrimary) && !t.near(s, k, k+1, 1, 0, clsSiteSecondary|clsSiteOther) {
		s.add(k, toks, t.community)
		return
	}
	switch t.nearestSite(s, k, k+1, 6, 6) {
	case siteSkin:
		if t.communityAlt >= 0 {
			s.add(k, toks, t.communityAlt)
		}
	case siteNone:
		// "butyrate-producing bacteria", "mice colonised with bacteria"
		if k > 0 && s.tokSent[k-1] == s.tokSent[k] &&
			(t.hasClass(toks[k-1], clsProducing) && t.metabolite >= 0 && t.nearConcept(s, k-1, 2, 0, t.metabolite) ||
				t.near(s, k, k+1, 2, 0, clsColonised)) {
			s.add(k, toks, t.community)
		}
	}
}

// locateTaxon moves a named gut taxon to the skin microbiome when the skin
// is the place named nearest to it, and drops it when another site is
// ("Prevotella dominated the vaginal flora").
func (t *Tagger) locateTaxon(s *scratch, i int, gut int32) {
	m := &s.ments[i]
	switch t.nearestSite(s, int(m.tokStart), int(m.tokEnd), 10, 10) {
	case siteOther:
		m.dropped = true
	case siteSkin:
		if t.communityAlt >= 0 {
			m.concept = t.communityAlt
		}
	default:
		m.concept = gut
	}
}

// placeProbioticTaxon decides what a probiotic genus or species
// (Lactobacillus, Bifidobacterium) names, in this order:
//   - "oral Lactobacillus" is taken by mouth: a supplement;
//   - in the vagina or the mouth it names nothing, on the skin a skin
//     microbe, unless it is given there ("vaginal Lactobacillus capsules");
//   - counted right before or after ("increased Lactobacillus", "faecal
//     Bifidobacterium", "Lactobacillus counts") it is a gut taxon;
//   - acting on something ("L. casei reduced acne") or given (supplement,
//     capsule, a drink containing it, a strain code such as "GG") it is a
//     supplement;
//   - in the gut ("Bifidobacterium in their stool"), with abundance wording
//     nearby or among other gut taxa it is a gut taxon;
//   - otherwise it stays a supplement.
func (t *Tagger) placeProbioticTaxon(s *scratch, text string, i int) {
	m := &s.ments[i]
	toks := s.toks
	from, to := int(m.tokStart), int(m.tokEnd)
	sent := s.tokSent[from]
	before := from > 0 && s.tokSent[from-1] == sent && toks[from].flags&flagHard == 0
	after := to < len(toks) && s.tokSent[to] == sent && toks[to].flags&flagHard == 0
	if before && t.hasClass2(toks[from-1], cl2ByMouth) {
		return
	}
	given := t.near(s, from, to, 5, 5, clsGiven) || strainCodeAfter(toks, text, to)
	site := t.nearestSite(s, from, to, 10, 10)
	switch {
	case site == siteOther && !given:
		m.dropped = true
		return
	case site == siteSkin && !given:
		if t.communityAlt >= 0 {
			m.concept = t.communityAlt
		}
		return
	case before && t.hasClass(toks[from-1], clsAbundance|clsLess|clsSitePrimary) && !t.hasClass(toks[from-1], clsGiven):
		m.concept = t.community
		return
	case t.actsOn(s, text, to):
		return
	case after && t.hasClass2(toks[to], cl2CountNoun):
		m.concept = t.community
		return
	case given:
		return
	case site == siteGut || after && t.hasClass2(toks[to], cl2TaxonNoun) || t.residentTaxon(s, i):
		m.concept = t.community
	}
}

// actsOn reports whether the words after a taxon ending before token k make
// it the subject of a treatment verb: "Lactobacillus rhamnosus reduced",
// "B. breve may alleviate".
func (t *Tagger) actsOn(s *scratch, text string, k int) bool {
	toks := s.toks
	if k >= len(toks) || k == 0 || s.tokSent[k] != s.tokSent[k-1] {
		return false
	}
	j := k
	// A species name after the genus ("Lactobacillus rhamnosus"), a strain code.
	if j < len(toks) && (toks[j].id < 0 || t.class[toks[j].id] == 0) && toks[j].flags&(flagCapital|flagHard) == 0 && toks[j].flags&flagLetter != 0 {
		j++
	}
	for j < len(toks) && j < k+3 && strainCodeAfter(toks, text, j) && toks[j].flags&flagHard == 0 {
		j++
	}
	for n := 0; j < len(toks) && n < 3 && t.hasClass2(toks[j], cl2Modal) && toks[j].flags&flagHard == 0; n++ {
		j++
	}
	return j < len(toks) && s.tokSent[j] == s.tokSent[k-1] && toks[j].flags&flagHard == 0 && t.hasClass2(toks[j], cl2Acts)
}

// localInflammation reports whether the words from token k put an
// inflammation on the skin: a preposition and then spots, pimples, lesions
// or the skin ("the inflammation behind angry spots", "inflammation of the
// skin").
func (t *Tagger) localInflammation(s *scratch, k int) bool {
	toks := s.toks
	if k >= len(toks) || s.tokSent[k] != s.tokSent[k-1] || toks[k].flags&flagHard != 0 || !t.hasClass(toks[k], clsLocalPrep) {
		return false
	}
	for j := k + 1; j < len(toks) && j < k+5 && s.tokSent[j] == s.tokSent[k]; j++ {
		if toks[j].flags&flagClause != 0 || t.hasClass(toks[j], clsSitePrimary|clsCirculation) {
			return false
		}
		if t.hasClass(toks[j], clsLocal) {
			return true
		}
		if s.tokMent[j] >= 0 || !t.hasClass(toks[j], clsArticle|clsInflamedAdj|clsDeterminer) {
			return false
		}
	}
	return false
}

// appositionAfter reports whether a general word for skin inflammation
// starting at token k stands in apposition to a named skin disease before
// it: "dermatitis herpetiformis, an itchy blistering rash" names the
// disease only.
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

// listedOutcome reports whether a sleep mention over tokens [a, b) is
// listed with symptoms ("improved itch, sleep and redness") or is the
// object of one ("itching that disturbs sleep"): an outcome measured, not
// sleep as something done.
func (t *Tagger) listedOutcome(s *scratch, a, b int) bool {
	toks := s.toks
	sent := s.tokSent[a]
	if a > 1 && s.tokSent[a-2] == sent && toks[a].flags&flagHard == 0 && t.hasClass2(toks[a-1], cl2OutcomeHarm) {
		return true
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

// diversitySite returns the body site of the diversity mentioned over
// tokens [a, b): the gut when it is named within eight words in its clause,
// else the nearest site word or microbiome mention within five ("skin microbial diversity", "diversity on
// lesional skin", "salivary microbiota diversity").
func (t *Tagger) diversitySite(s *scratch, a, b int) int {
	toks := s.toks
	sent := s.tokSent[a]
	site := func(k int) int {
		if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped {
			switch s.ments[m].concept {
			case t.communityAlt:
				return siteSkin
			case t.community, t.imbalance:
				return siteGut
			}
			if t.concepts[s.ments[m].concept].kind == kindCondition {
				return siteNone // "skin" inside a condition's name
			}
		}
		switch {
		case t.hasClass(toks[k], clsSitePrimary):
			return siteGut
		case t.hasClass(toks[k], clsSiteSecondary):
			return siteSkin
		case t.hasClass(toks[k], clsSiteOther) && k+1 < len(toks) && s.tokSent[k+1] == sent &&
			t.hasClass(toks[k+1], clsMicrobe|clsHabitat):
			return siteOther // "oral microbiota", "the oral cavity"
		}
		return siteNone
	}
	// The gut anywhere near wins ("diversity in the mouth and the gut");
	// else the nearest site.
	found := siteNone
	for d := 0; d <= 8; d++ {
		for _, k := range [2]int{a - d, b - 1 + d} {
			if k < 0 || k >= len(toks) || s.tokSent[k] != sent {
				continue
			}
			if k < a && clauseBetween(toks, k+1, a) || k >= b && clauseBetween(toks, b, k) {
				continue
			}
			switch st := site(k); {
			case st == siteGut:
				return siteGut
			case st != siteNone && found == siteNone && d <= 5:
				found = st
			}
		}
	}
	return found
}

// offSkin reports whether the word over tokens [a, b) is placed in the
// gut or at another site than the skin, as dysbiosisSite reads places.
func (t *Tagger) offSkin(s *scratch, a, b int) bool {
	st := t.dysbiosisSite(s, a, b)
	return st == siteGut || st == siteOther
}

// dysbiosisSite returns the site of a bare word such as "dysbiosis" or
// "irritation" over tokens [a, b):
// the word right before it ("vaginal dysbiosis", "gut microbial
// dysbiosis"), else the first word after it past "of", "the", "in"
// ("dysbiosis of the oral cavity", "a dysbiotic skin microbiome").
func (t *Tagger) dysbiosisSite(s *scratch, a, b int) int {
	toks := s.toks
	sent := s.tokSent[a]
	site := func(k int) int {
		if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped {
			switch s.ments[m].concept {
			case t.communityAlt:
				return siteSkin
			case t.community:
				return siteGut
			}
		}
		switch {
		case t.hasClass(toks[k], clsSitePrimary):
			return siteGut
		case t.hasClass(toks[k], clsSiteSecondary):
			return siteSkin
		case t.hasClass(toks[k], clsSiteOther):
			return siteOther
		}
		return siteNone
	}
	if k := a - 1; k >= 0 && s.tokSent[k] == sent && toks[a].flags&flagHard == 0 {
		if st := site(k); st != siteNone {
			return st
		}
	}
	for k := b; k < len(toks) && k < b+3 && s.tokSent[k] == sent && toks[k].flags&flagHard == 0; k++ {
		if st := site(k); st != siteNone {
			return st
		}
		if !t.hasClass(toks[k], clsSitePath) {
			break
		}
	}
	return siteNone
}

// taxonName reports whether w looks like the name of a microbial genus or
// family: a capitalised Latin word of at least seven letters with an
// ending of the vocabulary's taxon-suffixes.
func (t *Tagger) taxonName(w string) bool {
	if len(w) < 7 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	for _, suf := range t.taxonSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// gutTaxon reports whether an unlisted taxon at token k lives in the gut:
// the gut is named in its clause and no other site or the skin nearer, or
// it is listed with gut taxa the taxonomy knows.
func (t *Tagger) gutTaxon(s *scratch, text string, k int) bool {
	if t.near(s, k, k+1, 4, 4, clsSiteSecondary|clsSiteOther) {
		return false
	}
	// A strain with its code, or one that acts, is given, not counted:
	// "Komagataella pastoris KM71H mitigates ...".
	if strainCodeAfter(s.toks, text, k+1) || t.actsOn(s, text, k+1) {
		return false
	}
	if t.nearConcept(s, k, 3, 3, t.community) {
		return true
	}
	return t.near(s, k, k+1, 8, 8, clsSitePrimary)
}

// skinSentence reports whether the sentence of token k is about the skin
// and not the gut: it names the skin or a skin condition and no gut word
// ("impaired barrier function precedes eczema", "the skin is the body's
// outermost protective barrier").
func (t *Tagger) skinSentence(s *scratch, k int) bool {
	sent := s.tokSent[k]
	skin := false
	for j := k; j >= 0 && s.tokSent[j] == sent; j-- {
		if t.hasClass(s.toks[j], clsSitePrimary|clsBarrierSiteOther) && !t.hasClass(s.toks[j], clsSiteSecondary) {
			return false
		}
		skin = skin || t.skinWord(s, j)
	}
	for j := k + 1; j < len(s.toks) && s.tokSent[j] == sent; j++ {
		if t.hasClass(s.toks[j], clsSitePrimary|clsBarrierSiteOther) && !t.hasClass(s.toks[j], clsSiteSecondary) {
			return false
		}
		skin = skin || t.skinWord(s, j)
	}
	return skin
}

// skinWord reports whether token j is the skin or part of a skin
// condition's mention.
func (t *Tagger) skinWord(s *scratch, j int) bool {
	if m := s.tokMent[j]; m >= 0 && !s.ments[m].dropped {
		if c := s.ments[m].concept; c >= 0 && t.concepts[c].kind == kindCondition {
			return true
		}
	}
	return t.hasClass2(s.toks[j], cl2SiteSecondaryNoun)
}

// inflamedLesion reports whether "inflamed" at token k describes spots,
// papules or lesions: right before them ("inflamed papules") or after a
// copula that follows them ("the lesions were less inflamed").
func (t *Tagger) inflamedLesion(s *scratch, k int) bool {
	toks := s.toks
	sent := s.tokSent[k]
	if j := k + 1; j < len(toks) && s.tokSent[j] == sent && toks[j].flags&flagHard == 0 &&
		t.hasClass(toks[j], clsLesion|clsSpot) {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-4 && s.tokSent[j] == sent; j-- {
		if toks[j+1].flags&flagClause != 0 {
			return false
		}
		if t.hasClass(toks[j], clsLesion|clsSpot) {
			return j < k-1 && t.hasClass(toks[j+1], clsCopula)
		}
		if !t.hasClass(toks[j], clsCopula|clsComparative|clsLess) {
			return false
		}
	}
	return false
}

// lessened reports whether the diversity mentioned over tokens [a, b) is
// lower, reduced or lost: "lower microbial diversity", "loss of gut
// diversity", "diversity was reduced".
func (t *Tagger) lessened(s *scratch, a, b int) bool {
	toks := s.toks
	sent := s.tokSent[a]
	for j := a - 1; j >= 0 && j >= a-4 && s.tokSent[j] == sent; j-- {
		if t.hasClass(toks[j], clsLess) {
			return true
		}
		if toks[j+1].flags&flagHard != 0 || !t.hasClass(toks[j], clsMicrobe|clsSitePrimary|clsBridgeBefore) {
			break
		}
	}
	for j := b; j < len(toks) && j < b+4 && s.tokSent[j] == sent; j++ {
		if toks[j].flags&flagHard != 0 {
			break
		}
		if t.hasClass(toks[j], clsLess) {
			return true
		}
		if !t.hasClass(toks[j], clsBridgeAfter) {
			break
		}
	}
	return false
}

// adjectiveOfSkin reports whether the adjective at token k is one of a
// list of adjectives before the word "skin": "dry, itchy skin", "red,
// cracked and sore skin".
func (t *Tagger) adjectiveOfSkin(s *scratch, text string, k int) bool {
	toks := s.toks
	for j := k + 1; j < len(toks) && j <= k+5 && s.tokSent[j] == s.tokSent[k]; j++ {
		if toks[j].flags&flagHard != 0 && strings.TrimSpace(text[toks[j-1].end:toks[j].start]) != "," {
			return false
		}
		if t.hasClass2(toks[j], cl2SiteSecondaryNoun) {
			return true
		}
		if m := s.tokMent[j]; m >= 0 {
			// "dry, cracked and inflamed skin": the list ends in a mention.
			e := s.ments[m].tokEnd - 1
			return t.hasClass2(toks[e], cl2SiteSecondaryNoun)
		}
		if !t.hasClass2(toks[j], cl2SiteAdj) {
			return false
		}
	}
	return false
}

// unhealthyGut reports whether the dysbiosis word at token k qualifies
// the gut itself, with no microbiome word after it: "an unhealthy gut",
// "an imbalanced gut can trigger acne".
func (t *Tagger) unhealthyGut(s *scratch, k int) bool {
	toks := s.toks
	g := k + 1
	if g >= len(toks) || s.tokSent[g] != s.tokSent[k] || toks[g].flags&flagHard != 0 ||
		s.tokMent[g] >= 0 || !t.hasClass2(toks[g], cl2SitePrimaryNoun) {
		return false
	}
	// The gut is the head of its phrase: the sentence or the clause ends
	// after it, or its verb follows ("an unhealthy gut can").
	n := g + 1
	return n >= len(toks) || s.tokSent[n] != s.tokSent[k] || toks[n].flags&flagHard != 0 ||
		t.hasClass(toks[n], clsCopula) || t.hasClass2(toks[n], cl2Modal)
}

// nearUncovered is near for words that no mention covers.
func (t *Tagger) nearUncovered(s *scratch, k, before, after int, cls uint64) bool {
	sent := s.tokSent[k]
	for j := max(0, k-before); j < len(s.toks) && j <= k+after; j++ {
		if j == k || s.tokSent[j] != sent || s.tokMent[j] >= 0 {
			continue
		}
		if t.hasClass(s.toks[j], cls) {
			return true
		}
	}
	return false
}

// docHas reports whether the document mentions concept c.
func (t *Tagger) docHas(s *scratch, c int32) bool {
	for _, m := range s.ments {
		if m.concept == c && !m.dropped {
			return true
		}
	}
	return false
}
