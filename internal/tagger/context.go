package tagger

// applyContextRules adjusts the phrase matches with what the words around
// them say, inside one sentence, one rule family after the other. The rules
// name no concept and no word: they act on the concepts that play a role
// (internal/lexicon) and read their words from the vocabulary's lists,
// named in comments by list name.
//   - senses.go: a mention read in another sense is dropped or moved:
//     broad synonyms where a sense-override phrase appears, antimicrobials
//     in resistance testing, general wording that only classifies a named
//     condition, systemic inflammation placed in lesions, symptoms listed
//     as outcomes; it also places community words, taxa and given taxa by
//     site (sites.go).
//   - sites.go: where microbes live: the primary site (the community
//     role), the secondary site (community-alt) or another site (no
//     concept); coordinated sites name both communities.
//   - bare.go: bare words that name a concept only in context (microbes,
//     diversity, toxins, barrier, permeability, antibodies, flares, spots,
//     adjectives of the secondary site, producers of a metabolite).
//   - imbalance.go: modifiers of the community that make it an imbalance
//     or a transfer, and a diversity that is lost.
//   - local.go: the predicates of the secondary site's local conditions;
//   - sites.go again: a taxon's mention takes its species name and strain
//     codes ("<Genus> <species> <CODE1>"), and the code used alone later
//     names what the full name names;
//   - codes.go: a product's code after its concept's name, used alone later.
func (t *Tagger) applyContextRules(s *scratch, text string, override bool) {
	n := len(s.ments)
	conditionDoc := t.senses(s, text, override)
	t.indexMentions(s)
	t.coordinatedSites(s, n)
	t.bareWords(s, text, conditionDoc)
	t.indexMentions(s)
	n = len(s.ments)
	t.communityModifiers(s)
	t.lostDiversity(s, n)
	t.extendTaxa(s, text)
	t.strainsAlone(s, text)
	t.productCodes(s, text)
}

func idOr0(id int32) int32 {
	if id < 0 {
		return 0
	}
	return id
}

// add appends a rule-made mention of concept c over token k.
func (s *scratch) add(k int, toks []token, c int32) { s.addFlagged(k, toks, c, 0) }

// addFlagged appends a rule-made mention with flags that say what made it.
func (s *scratch) addFlagged(k int, toks []token, c int32, flags uint16) {
	s.addSpan(k, k+1, toks, c, flags)
}

// addSpan appends a rule-made mention over tokens [a, b).
func (s *scratch) addSpan(a, b int, toks []token, c int32, flags uint16) {
	s.ments = append(s.ments, mention{
		tokStart: int32(a), tokEnd: int32(b),
		start: toks[a].start, end: toks[b-1].end, concept: c, flags: flags | entRule,
	})
}

func (t *Tagger) hasClass(tk token, cls uint64) bool {
	return tk.id >= 0 && t.class[tk.id]&cls != 0
}

func (t *Tagger) hasClass2(tk token, cls uint64) bool {
	return tk.id >= 0 && t.class2[tk.id]&cls != 0
}

// hasClass3 reports whether token tk is a word of the third table's class cls.
func (t *Tagger) hasClass3(tk token, cls uint64) bool {
	return tk.id >= 0 && t.class3[tk.id]&cls != 0
}

// plainWord reports whether token tk is in no word list of the
// vocabulary: unknown to it, or known only from a concept's synonyms
// ("based" of "alcohol-based"), so that what a rule makes of it does not
// depend on which synonyms the taxonomy lists.
func (t *Tagger) plainWord(tk token) bool {
	return tk.id < 0 || !t.lexical[tk.id]
}

// hasClass4 reports whether token tk is a word of the fourth table's class cls.
func (t *Tagger) hasClass4(tk token, cls uint64) bool {
	return tk.id >= 0 && t.class4[tk.id]&cls != 0
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
