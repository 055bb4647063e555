package tagger

// communityModifiers reads the words that modify a community mention
// (imbalance-words, change-words with composition-words, transfer-words)
// as the imbalance or the transfer of the community; an imbalance word
// before the primary site's own noun ("an unhealthy <site>") is the
// imbalance too.
func (t *Tagger) communityModifiers(s *scratch) {
	if t.community < 0 {
		return
	}
	toks := s.toks
	for k, tk := range toks {
		if tk.id < 0 {
			continue
		}
		cls := t.class[tk.id]
		if cls&(clsImbalance|clsChange|clsTransfer) == 0 || s.tokMent[k] >= 0 {
			continue
		}
		if !t.modifiesCommunity(s, k) {
			if cls&clsImbalance != 0 && t.imbalance >= 0 && t.unhealthySite(s, k) {
				s.add(k, toks, t.imbalance)
			}
			continue
		}
		switch {
		case cls&clsImbalance != 0 && t.imbalance >= 0:
			s.addFlagged(k, toks, t.imbalance, entModifier)
		case cls&clsChange != 0 && t.imbalance >= 0 && t.near(s, k, k+1, 6, 4, clsComposition):
			s.addFlagged(k, toks, t.imbalance, entModifier)
		case cls&clsTransfer != 0 && t.transfer >= 0:
			s.add(k, toks, t.transfer)
		}
	}
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
		if t.lessened(s, a, b) {
			s.addFlagged(a, toks, t.imbalance, entLostDiversity)
		}
	}
}

// modifiesCommunity reports whether the word at token k qualifies a
// mention of the community: before it with only modifier-bridge-before
// words between ("altered <community>", "perturbations in the composition
// of the <community>"), or after it with only modifier-bridge-after words
// between ("the <community> becomes imbalanced").
func (t *Tagger) modifiesCommunity(s *scratch, k int) bool {
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
		t.hasClass(toks[n], clsCopula) || t.hasClass2(toks[n], cl2Modal)
}

// lessened reports whether the diversity mentioned over tokens [a, b) is
// lower, reduced or lost (less-words before it across microbe, site and
// bridge words, or after it across bridge words).
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
