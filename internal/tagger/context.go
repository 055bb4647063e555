package tagger

import "strings"

// applyContextRules adjusts the phrase matches with what the nearby words
// say, inside one sentence:
//   - bare "eczema" in a document about contact dermatitis is not atopic;
//   - antibiotics named in a resistance or susceptibility test are not taken;
//   - a bare "microbiota" of the mouth or vagina is not the gut's, one "in
//     the skin" is the skin's, and "skin and gut microbiota" names both;
//   - a probiotic genus counted in stool ("Lactobacillus abundance") is a gut
//     taxon, not a supplement;
//   - bare "bacteria", "diversity", "toxins" and "barrier" need a gut,
//     microbial, blood or skin context;
//   - "imbalanced", "disrupted", "altered" next to the gut microbiome add
//     dysbiosis, and "transplanting" it adds fecal microbiota transplantation;
//   - "the skin" as the object of "affects", "improves", "reflects on" is
//     skin health.
func (t *Tagger) applyContextRules(s *scratch, text string, contact bool) {
	toks := s.toks
	n := len(s.ments)
	for i := 0; i < n; i++ {
		m := &s.ments[i]
		if m.dropped {
			continue
		}
		switch {
		case m.flags&entBareEczema != 0 && contact:
			m.dropped = true
		case m.concept == t.cAntibiotics && t.near(s, int(m.tokStart), int(m.tokEnd), 3, 2, clsResist):
			m.dropped = true
		case m.concept == t.cSkinHealth && (t.classifies(s, int(m.tokStart)) || t.apposition(s, int(m.tokEnd))):
			m.dropped = true
		case m.concept == t.cSystemic && t.cSkinInflammation >= 0 && m.tokEnd-m.tokStart == 1 &&
			(t.classifies(s, int(m.tokStart)) || t.onSkin(s, int(m.tokEnd))):
			// "Rosacea is a chronic inflammatory disease": the skin's inflammation.
			m.concept = t.cSkinInflammation
		case m.flags&(entBareMicrobiome|entTaxon) != 0:
			t.locateMicrobiome(s, i)
		case m.flags&entProbioticTaxon != 0 && t.cGut >= 0:
			if t.residentTaxon(s, text, i) {
				m.concept = t.cGut
			}
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
		case t.cGut:
			other, want = t.cSkinMicrobiome, clsSkin
		case t.cSkinMicrobiome:
			other, want = t.cGut, clsGut
		default:
			continue
		}
		first := toks[m.tokStart]
		if other < 0 || t.class[idOr0(first.id)]&(clsGut|clsSkin) == 0 || first.flags&flagHard != 0 {
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

	// Bare words that need a context, and modifiers of microbiome mentions.
	for k, tk := range toks {
		if s.tokMent[k] >= 0 || tk.id < 0 {
			continue
		}
		cls := t.class[tk.id]
		if cls == 0 {
			continue
		}
		switch {
		case cls&clsBacteria != 0 && t.cGut >= 0:
			if t.near(s, k, k+1, 6, 6, clsGut) && !t.near(s, k, k+1, 1, 0, clsSkin|clsNonGutSite) {
				s.add(k, toks, t.cGut)
			}
		case cls&clsDiversity != 0 && t.cDiversity >= 0:
			// "diversity" and "richness" of microbes nearby; "diverse" only
			// right before them ("a diverse gut microbiome") or after a
			// copula ("the microbiome is less diverse").
			before, after := 4, 4
			if cls&clsDiverseAdj != 0 {
				before, after = 0, 3
				if k >= 2 && t.hasClass(toks[k-1], clsCopula|clsComparative) || k >= 3 && t.hasClass(toks[k-2], clsCopula) {
					before = 5
				}
			}
			if t.near(s, k, k+1, before, after, clsMicrobe) || t.nearConcept(s, k, before, after, t.cGut) {
				s.add(k, toks, t.cDiversity)
			}
		case cls&clsToxin != 0 && t.cEndotoxemia >= 0:
			if t.near(s, k, k+1, 6, 8, clsBlood) || t.near(s, k, k+1, 2, 2, clsBloodWord) {
				s.add(k, toks, t.cEndotoxemia)
			}
		case cls&clsBarrier != 0:
			if t.cPermeability >= 0 && t.near(s, k, k+1, 3, 2, clsGut) {
				s.add(k, toks, t.cPermeability)
			} else if t.cSkinBarrier >= 0 && t.near(s, k, k+1, 6, 2, clsSkin) {
				s.add(k, toks, t.cSkinBarrier)
			}
		case cls&clsSkinWord != 0 && t.cSkinHealth >= 0:
			j := k - 1
			for j >= 0 && k-j <= 3 && t.hasClass(toks[j], clsDeterminer) && toks[j+1].flags&flagHard == 0 {
				j--
			}
			if j >= 0 && j < k-1 && t.hasClass(toks[j], clsSkinVerb) && toks[j+1].flags&flagHard == 0 &&
				s.tokSent[j] == s.tokSent[k] && (k+1 >= len(toks) || toks[k+1].flags&flagHard != 0 || s.tokMent[k+1] < 0) {
				s.add(k, toks, t.cSkinHealth)
			}
		}
		if cls&(clsDysbiosis|clsChange|clsTransplant) != 0 && t.cGut >= 0 && t.modifies(s, k) {
			switch {
			case cls&clsDysbiosis != 0 && t.cDysbiosis >= 0:
				s.add(k, toks, t.cDysbiosis)
			case cls&clsChange != 0 && t.cDysbiosis >= 0 && t.near(s, k, k+1, 4, 4, clsComposition):
				s.add(k, toks, t.cDysbiosis)
			case cls&clsTransplant != 0 && t.cFMT >= 0:
				s.add(k, toks, t.cFMT)
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
		t.hasClass(toks[k], clsNonGutSite) {
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
		case t.hasClass(toks[k], clsGut):
			gut = true
		case t.hasClass(toks[k], clsSkin):
			skin = true
			if skinTok < 0 {
				skinTok = k
			}
		case t.hasClass(toks[k], clsNonGutSite):
			other = true
		}
	}
	switch {
	case skin && t.cSkinMicrobiome >= 0:
		if !gut {
			m.concept = t.cSkinMicrobiome
			return
		}
		s.add(skinTok, toks, t.cSkinMicrobiome)
	case other && !gut:
		m.dropped = true
	}
}

// residentTaxon decides whether a probiotic genus or species (Lactobacillus,
// Bifidobacterium) names microbes counted in the gut rather than a
// supplement given: it is given when the words around it say so (supplement,
// administration, strain, a strain code such as "GG" or "NS8"); it is
// counted when they speak of abundance or list it among other gut taxa.
func (t *Tagger) residentTaxon(s *scratch, text string, i int) bool {
	m := s.ments[i]
	from, to := int(m.tokStart), int(m.tokEnd)
	if t.near(s, from, to, 5, 5, clsSupplement) || strainCodeAfter(s.toks, text, to) {
		return false
	}
	if t.near(s, from, to, 4, 4, clsAbundance) {
		return true
	}
	// Listed with other gut taxa: "Bacteroides, Lactobacillus and Prevotella".
	sent := s.tokSent[from]
	for j := max(0, from-4); j < len(s.toks) && j < to+4; j++ {
		if j >= from && j < to || s.tokSent[j] != sent {
			continue
		}
		if k := s.tokMent[j]; k >= 0 && k != int32(i) {
			if c := s.ments[k]; c.concept == t.cGut && !c.dropped && c.flags&entBareMicrobiome == 0 {
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
			if s.ments[m].concept == t.cGut && !s.ments[m].dropped {
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
			if s.ments[m].concept == t.cGut && !s.ments[m].dropped {
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
			return !s.ments[m].dropped && c != t.cSkinHealth && t.concepts[c].kind == kindCondition
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
	return c != t.cSkinHealth && t.concepts[c].kind == kindCondition
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
