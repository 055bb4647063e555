package tagger

import "strings"

// This file holds the word-level tests the pair rules share (pairs.go):
// cues at or between tokens, word forms, clause segments, fillers and
// statistics.

// cueBetween reports whether a relation cue starts in tokens [a, b).
func (t *Tagger) cueBetween(hits []cueHit, a, b int32) bool {
	for _, h := range hits {
		if h.tok >= a && h.tok < b && h.bits&relationBits != 0 {
			return true
		}
	}
	return false
}

// onCue reports whether a relation cue starts at token k.
func (t *Tagger) onCue(hits []cueHit, k int32) bool {
	for _, h := range hits {
		if h.tok == k && h.bits&relationBits != 0 {
			return true
		}
	}
	return false
}

// cueEndsAt reports whether a relation cue ends within n tokens before
// token k.
func (t *Tagger) cueEndsAt(hits []cueHit, k int32, n int32) bool {
	for _, h := range hits {
		if h.bits&relationBits != 0 && h.end <= k && k-h.end <= n {
			return true
		}
	}
	return false
}

// cueStartsAfter reports whether a relation cue starts within n tokens
// from token k.
func (t *Tagger) cueStartsAfter(hits []cueHit, k int32, n int32) bool {
	for _, h := range hits {
		if h.bits&relationBits != 0 && h.tok >= k && h.tok-k < n {
			return true
		}
	}
	return false
}

// mentionBefore returns the token before the mentions that end right
// before token k, not before from; false when no mention ends there.
func mentionBefore(s *scratch, k int32, from int) (int32, bool) {
	j := k - 1
	if j < int32(from) || s.tokMent[j] < 0 {
		return j, false
	}
	for j >= int32(from) && s.tokMent[j] >= 0 {
		j--
	}
	return j, true
}

// adjectiveWord reports whether token k is an adjective filler or ends
// like an adjective.
func (t *Tagger) adjectiveWord(s *scratch, k int32) bool {
	return t.hasClass(s.toks[k], clsAdjective) || t.adjectiveEnding(s.text[s.toks[k].start:s.toks[k].end])
}

// nounEnding reports whether word w ends like a noun of action or state
// ("prevention", "improvement"; noun-endings).
func (t *Tagger) nounEnding(w string) bool {
	for _, e := range t.nounEndings {
		if len(w) > len(e)+2 && strings.EqualFold(w[len(w)-len(e):], e) {
			return true
		}
	}
	return false
}

// adjectiveEnding reports whether word w ends like an adjective
// (adjective-endings).
func (t *Tagger) adjectiveEnding(w string) bool {
	for _, e := range t.adjectiveEndings {
		if len(w) > len(e)+2 && strings.EqualFold(w[len(w)-len(e):], e) {
			return true
		}
	}
	return false
}

// segment returns the clause segment [a, b) (s.segs) that holds token k.
func segment(s *scratch, k int32) (int32, int32) {
	for c := 0; c+1 < len(s.segs); c++ {
		if s.segs[c] <= k && k < s.segs[c+1] {
			return s.segs[c], s.segs[c+1]
		}
	}
	return k, k + 1
}

// skipFillers returns the first token from k that is not an article, a
// determiner, an adjective filler, a modal or a coordinator before an
// article ("both the"), within n tokens.
func (t *Tagger) skipFillers(s *scratch, k, to, n int32) int32 {
	for j := k; j < to && j < k+n; j++ {
		if !t.hasClass(s.toks[j], clsArticle|clsDeterminer|clsAdjective) && !t.hasClass2(s.toks[j], cl2Modal) &&
			!(t.hasClass2(s.toks[j], cl2PairCoordinator) && !t.hasClass(s.toks[j], clsNegWord|clsConj) && j+1 < to &&
				t.hasClass(s.toks[j+1], clsArticle)) { // ("prevented both the rise in Y and ...")
			return j
		}
	}
	return min(k+n, to)
}

// cueOrBreak reports whether tokens [a, b) hold a relation cue or a
// clause break: words that cannot stand inside the noun phrase after "of"
// ("the effect of <XYZ> and <concept>").
func (p *pairScratch) cueOrBreak(t *Tagger, s *scratch, a, b int32) bool {
	for j := a; j < b; j++ {
		if s.toks[j].flags&flagHard != 0 || t.onCue(s.cueHits, j) {
			return true
		}
	}
	return false
}

// directionBits is the cue bit of a direction: cueInc for up (dir > 0),
// cueDec for down.
func directionBits(dir int) uint32 {
	if dir < 0 {
		return cueDec
	}
	return cueInc
}

// associationOnly reports whether predicate pr relates without a
// direction ("coincided with", "mirrored", "linked to").
func (t *Tagger) associationOnly(pr *predicate) bool {
	return pr.bits&cueAssoc != 0 && pr.bits&(cueInc|cueDec|cueHelp|cueHarm|cueNegRel) == 0
}

// onCueBits reports whether token k lies inside a cue hit with any of bits.
func (t *Tagger) onCueBits(hits []cueHit, k int32, bits uint32) bool {
	for _, h := range hits {
		if k >= h.tok && k < h.end && h.bits&bits != 0 {
			return true
		}
	}
	return false
}

// edForm reports whether token k ends in "-ed" or is an irregular past
// ("fell", "rose").
func (t *Tagger) edForm(s *scratch, k int32) bool {
	return t.ending(s, k, t.pastEnd) || t.ending(s, k, t.participleEnd) || t.hasClass2(s.toks[k], cl2IrregularPast)
}

// ingForm reports whether token k ends in "-ing".
func (t *Tagger) ingForm(s *scratch, k int32) bool {
	return t.ending(s, k, t.gerundEnd) && !t.hasClass4(s.toks[k], cl4NotGerund)
}

// hyphenTail reports whether relation cue h is the last word of a
// synonym, joined to it by a hyphen, right before another concept's
// mention ("stress-related <Y>"): a hyphenated cause.
func (t *Tagger) hyphenTail(s *scratch, h cueHit) bool {
	toks := s.toks
	if h.end-h.tok != 1 || h.bits&relationBits == 0 || int(h.end) >= len(toks) || !joinedByHyphen(s, h.tok) {
		return false
	}
	m, n := s.tokMent[h.tok], s.tokMent[h.end]
	return m >= 0 && n >= 0 && m != n && s.ments[m].tokEnd == h.end && s.ments[m].tokStart < h.tok &&
		toks[h.end].flags&flagHard == 0
}

// joinedByHyphen reports whether token k is joined to the token before it
// by a hyphen (or another joining dash: onlyHyphens), as in "fibre-free".
func joinedByHyphen(s *scratch, k int32) bool {
	return k > 0 && int(k) < len(s.toks) && onlyHyphens(s.text[s.toks[k-1].end:s.toks[k].start])
}

// hyphenBefore reports whether a participle joined by a hyphen to the
// word before it stands right before token k ("<X>-induced increase").
func (t *Tagger) hyphenBefore(s *scratch, k int32) bool {
	j := k - 1
	return j > 0 && joinedByHyphen(s, j) && t.edForm(s, j)
}

// comparativeBefore reports whether a comparative or a less-word stands
// right before token a, or before one plain word before it ("higher
// (serum) <X>").
func (t *Tagger) comparativeBefore(s *scratch, hits []cueHit, a int32) bool {
	toks := s.toks
	lo := a - 2
	if a >= 3 && t.hasClass2(toks[a-1], cl2PairOf) && toks[a-1].flags&flagHard == 0 && s.tokMent[a-2] < 0 && !t.onCue(hits, a-2) &&
		toks[a-2].flags&(flagHard|flagDigit) == 0 && toks[a-2].flags&flagLetter != 0 {
		a, lo = a-2, a-4 // "higher levels of <Y>": the measure's noun and "of"
	}
	for j := a - 1; j >= 0 && j >= lo; j-- {
		if t.comparativeAt(s, hits, j) != 0 {
			return true
		}
		if !t.sampleWord(s, j) {
			return false
		}
	}
	return false
}

// finiteVerbBefore reports whether a past-tense relation verb right after
// a concept ("X increased ...", "X consumption increased ...") comes
// before cue h in its sentence: a participle after a comma then continues
// the series of verbs.
func (t *Tagger) finiteVerbBefore(s *scratch, h cueHit, from int) bool {
	for _, g := range s.cueHits {
		if g.tok >= h.tok {
			break
		}
		if int(g.tok) <= from || g.end-g.tok != 1 || g.bits&(cueInc|cueDec) == 0 || !t.edForm(s, g.tok) || s.toks[g.tok].flags&flagHard != 0 {
			continue
		}
		k := g.tok - 1
		if s.tokMent[k] < 0 && int(k) > from && t.headNoun(s, s.cueHits, k) && !t.edForm(s, k) && !t.verbForm3s(s, k) && !t.ingForm(s, k) {
			k-- // the concept's head noun: "<X> consumption increased", "the fibre-rich diet increased"
		}
		if s.tokMent[k] >= 0 {
			return true
		}
		if t.plainSubjectBefore(s, g.tok, from) {
			return true // "The (herbal) strain restored <Y>, lowered <Z> and ...": the subject opens the sentence, outside the taxonomy
		}
	}
	return false
}

// statisticsEnd returns the token after a bracketed aside that starts at
// token j and closes before token hi ("(p = 0.02)", "(95% CI 1.2-3.4)"),
// or -1: the aside holds no concept.
func (t *Tagger) statisticsEnd(s *scratch, j, hi int32) int32 {
	toks := s.toks
	if j == 0 || int(j) >= len(toks) || !strings.Contains(s.text[toks[j-1].end:toks[j].start], "(") {
		return -1 // (an item that ends the text has no statistics after it)
	}
	for e := j + 1; e <= hi && e-j < 16; e++ {
		if s.tokMent[e-1] >= 0 && !s.defTok[e-1] {
			return -1 // (a short form defined there is none: "<Y> (TEWL)")
		}
		next := len(s.text) // the end of the text after the last token
		if int(e) < len(toks) {
			next = int(toks[e].start)
		}
		if strings.Contains(s.text[toks[e-1].end:next], ")") {
			return e
		}
	}
	return -1
}

// breakBetween reports whether a clause-break cue ("despite", "but")
// starts in tokens [a, b).
func (t *Tagger) breakBetween(hits []cueHit, a, b int32) bool {
	for _, h := range hits {
		if h.tok >= a && h.tok < b && h.bits&cueClauseBreak != 0 {
			return true
		}
	}
	return false
}

// nounOfChange reports whether predicate pr is a noun of change with its
// preposition ("increase in", "reduction of").
func (t *Tagger) nounOfChange(s *scratch, pr *predicate) bool {
	toks := s.toks
	if pr.end-pr.tok >= 2 && pr.bits&(cueInc|cueDec|cueHelp|cueHarm) != 0 && t.hasClass2(toks[pr.end-1], cl2PairOf|cl2FindingPrep) {
		return true
	}
	// "an improvement in Z", "a worsening of Z": after an article, a noun
	// of helping or harming, then its preposition
	return pr.end-pr.tok == 1 && pr.bits&(cueInc|cueDec|cueHelp|cueHarm) != 0 && int(pr.end) < len(toks) &&
		t.hasClass2(toks[pr.end], cl2PairOf|cl2FindingPrep) && toks[pr.end].flags&flagHard == 0 &&
		pr.tok > 0 && t.hasClass(toks[pr.tok-1], clsArticle) && !t.edForm(s, pr.tok) &&
		(t.ingForm(s, pr.tok) || t.nounEnding(s.text[toks[pr.tok].start:toks[pr.tok].end]))
}

// sampleWord reports whether token k is a plain lower-case word right
// before a concept, no mention, cue or function word: the place it was
// measured ("serum", "faecal") or another modifier of its name.
func (t *Tagger) sampleWord(s *scratch, k int32) bool {
	tk := s.toks[k]
	if s.tokMent[k] >= 0 || tk.flags&(flagHard|flagClause|flagDigit) != 0 || tk.flags&flagLetter == 0 ||
		t.hasClass(tk, clsArticle|clsDeterminer|clsConj|clsNegWord|clsLess|clsComparative|clsCopula) ||
		t.hasClass2(tk, cl2PairOf|cl2FindingPrep|cl2PairCausePrep|cl2PairObjectPrep|cl2PairBy|cl2Modal|cl2PassiveAux) {
		return false
	}
	c := s.text[tk.start]
	return c >= 'a' && c <= 'z'
}

// wordBefore returns the first token before token a that is no article,
// determiner or filler adjective, looking back n tokens at most; else -1.
func (t *Tagger) wordBefore(s *scratch, a, n int32) int32 {
	for j := a - 1; j >= 0 && j >= a-n; j-- {
		if !t.hasClass(s.toks[j], clsArticle|clsDeterminer|clsAdjective) {
			return j
		}
	}
	return -1
}

// plainSubjectBefore reports whether the words from the start of the
// sentence to the verb at token v are a short noun phrase outside the
// taxonomy ("The strain", "The herbal blend", "Akkermansia"): up to four
// plain words, the last neither a participle nor a gerund, with no
// concept, cue or punctuation among them.
func (t *Tagger) plainSubjectBefore(s *scratch, v int32, from int) bool {
	toks := s.toks
	k := v - 1
	if int(k) < from || int(v)-from > 4 || t.edForm(s, k) || t.ingForm(s, k) || t.hasClass(toks[k], clsArticle|clsDeterminer|clsConj) {
		return false
	}
	for j := int32(from); j < v; j++ {
		if s.tokMent[j] >= 0 || toks[j].flags&flagLetter == 0 || j > int32(from) && toks[j].flags&flagHard != 0 || t.onCue(s.cueHits, j) ||
			t.hasClass(toks[j], clsConj) {
			return false
		}
	}
	return true
}
