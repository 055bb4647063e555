package tagger

import "strings"

// hedged reports whether the sentence states its relationship with
// uncertainty: may, might, could, suggest, likely, is thought to, promising.
// "could not" is not a hedge, nor is "more likely" (a comparison of risks),
// nor "May" the month. A hedge in a comment clause that names no concept
// hedges the comment, not the relation: "X did not reduce Y,
// which may reflect the short trial."
func (t *Tagger) hedged(s *scratch, text string, hits []cueHit, from, to, firstMent int) bool {
	for i := range hits {
		if t.hedges(s, text, hits, i, from, to, firstMent) {
			return true
		}
	}
	return false
}

// hedges reports whether cue hits[i] hedges the relation of the sentence
// made of tokens [from, to) (see hedged).
func (t *Tagger) hedges(s *scratch, text string, hits []cueHit, i, from, to, firstMent int) bool {
	toks := s.toks
	h := hits[i]
	if h.bits&(cueHedge|cueCould|cueLikely) == 0 {
		return false
	}
	if s.lackAt >= 0 && h.tok <= s.lackAt && s.lackAt < h.end {
		return false // "the evidence that X helps Y is thin": the lacking-word denies, it does not doubt
	}
	if (t.commentClause(s, text, int(h.tok), from, to) || t.bareClause(s, int(h.tok), to, firstMent)) &&
		(!t.pronounAround(s, int(h.tok), from, to) || t.hedgedReason(s, h, to)) && !t.trailingFrame(s, h, to) {
		return false
	}
	if t.hedgedReason(s, h, to) && t.reasonNamesNothingNew(s, h, from, to) {
		return false
	}
	if h.end-h.tok >= 2 && int(h.end) < to && t.hasClass3(toks[h.end-1], cl3Confirming) && t.hasClass2(toks[h.end], cl2PairBy) &&
		!t.studiesAfter(s, h.end+1, to) {
		return false // "if confirmed by breath testing": a condition of diagnosis, no doubt ("if confirmed by larger trials" doubts)
	}
	switch {
	case h.bits&cueHedge != 0:
		// A capitalised hedge word before a number is a month: "May 2020".
		return !(toks[h.tok].flags&flagCapital != 0 && h.end-h.tok == 1 && int(h.tok) > from &&
			int(h.end) < len(toks) && toks[h.end].flags&flagDigit != 0) &&
			!t.hedgedAdjective(s, text, h, to)
	case h.bits&cueCould != 0:
		return !(i+1 < len(hits) && hits[i+1].tok == h.end && hits[i+1].bits&(cueNeg|cueNegRel) != 0) &&
			!(i > 0 && hits[i-1].bits&(cueNeg|cueNegRel) != 0 && h.tok-hits[i-1].end <= 1 && hits[i-1].end-hits[i-1].tok == 1) &&
			!t.reportedAbility(s, hits, i, from) // (nor a one-word negator and at most one word before it, "neither brand could show": a denial, as "could not")
	default: // cueLikely
		k := int(h.tok) - 1
		return !(k >= from && t.hasClass(toks[k], clsComparative))
	}
}

// hedgedReason reports whether hedge h opens a reason ("perhaps because",
// "possibly since"): in a comment that names no concept it doubts the
// reason, not the relation, even with a pronoun for the subject ("X was not
// associated with Y, perhaps because it was uniformly low").
func (t *Tagger) hedgedReason(s *scratch, h cueHit, to int) bool {
	return h.end-h.tok == 1 && int(h.end) < to && t.hasClass3(s.toks[h.end], cl3CauseConj)
}

// reasonNamesNothingNew reports whether the reason hedge h opens after a
// comma names only concepts the sentence [from, to) named before it: "X had
// no effect on Y, perhaps because few participants had Y at baseline"
// doubts why, not what was found. A reason with a concept of its own ("...,
// possibly because it lowers Z") is a claim, hedged.
func (t *Tagger) reasonNamesNothingNew(s *scratch, h cueHit, from, to int) bool {
	k := int(h.tok)
	if k <= from || !strings.Contains(s.text[s.toks[k-1].end:s.toks[k].start], ",") {
		return false
	}
	for _, g := range s.cueHits {
		if g.tok >= h.end && int(g.tok) < to && g.bits&relationBits != 0 {
			return false // "..., possibly because inflammation drives acne": a relation of its own
		}
	}
	for j := int(h.end); j < to; j++ {
		m := s.tokMent[j]
		if m < 0 || s.ments[m].dropped {
			continue
		}
		named := false
		for i := from; i < k && !named; i++ {
			n := s.tokMent[i]
			named = n >= 0 && !s.ments[n].dropped && s.ments[n].concept == s.ments[m].concept
		}
		if !named {
			return false
		}
	}
	return true
}

// trailingFrame reports whether hedge h is the verb of a reporting frame
// that ends the sentence after a comma, with only plain words before it
// in its clause ("X keeps Y at bay, a new study suggests"): it frames the
// statement before it, as "A new study suggests that X ..." does.
func (t *Tagger) trailingFrame(s *scratch, h cueHit, to int) bool {
	toks := s.toks
	if int(h.end) != to {
		return false
	}
	for k := h.tok - 1; k > 0 && k >= h.tok-5 && s.tokSent[k] == s.tokSent[h.tok]; k-- {
		if s.tokMent[k] >= 0 || t.onCue(s.cueHits, k) || toks[k].flags&flagHard != 0 && toks[k].flags&flagClause == 0 {
			return false
		}
		if toks[k].flags&flagClause != 0 {
			return strings.Contains(s.text[toks[k-1].end:toks[k].start], ",")
		}
	}
	return false
}

// reportedAbility reports whether "could" at hits[i] is the past of "can"
// in a result reported by a finding verb in the past, before it in the
// sentence and followed by "that" ("Our study showed that X could
// alleviate Y", "it was found that ..."): what was shown, not a
// possibility. A finding verb that hedges ("suggested") still hedges.
func (t *Tagger) reportedAbility(s *scratch, hits []cueHit, i, from int) bool {
	for _, g := range hits[:i] {
		if int(g.tok) < from || g.bits&cueFinding == 0 || g.bits&(cueHedge|cueLikely) != 0 || int(g.end) >= len(s.toks) ||
			!t.hasClass2(s.toks[g.end], cl2Relative) {
			continue
		}
		k := g.end - 1
		if t.edForm(s, k) || t.ending(s, k, t.reportedEnd) {
			return true // showed, demonstrated, shown, found
		}
	}
	return false
}

// hedgedAdjective reports whether hedge h is an adverb that qualifies the
// adjective of a concept's mention ("the elevated abundance of potentially
// beneficial bacteria after X"): it hedges what the microbes are, not the
// relation.
func (t *Tagger) hedgedAdjective(s *scratch, text string, h cueHit, to int) bool {
	toks := s.toks
	a := int(h.end)
	if h.end-h.tok != 1 || a+1 >= to || toks[a].flags&flagHard != 0 || toks[a+1].flags&flagHard != 0 ||
		!endsIn(text[toks[h.tok].start:toks[h.tok].end], t.adverbEnd) ||
		!t.adjectiveEnding(text[toks[a].start:toks[a].end]) {
		return false
	}
	return s.tokMent[a] >= 0 || s.tokMent[a+1] >= 0
}

// pronounAround reports whether the clause of token k (from the clause
// punctuation before it to the end of the sentence [from, to)) holds "it"
// or "they", which still speak of the concepts: "..., but they may help".
func (t *Tagger) pronounAround(s *scratch, k, from, to int) bool {
	c := from
	for j := k; j > from; j-- {
		if s.toks[j].flags&flagClause != 0 {
			c = j
			break
		}
	}
	for j := c; j < to; j++ {
		if t.hasClass2(s.toks[j], cl2Pronoun) {
			return true
		}
	}
	return false
}

// commentClause reports whether token k lies in a clause that comments on
// what was said before it (", which ...", ", although ...", "; this ...",
// ", a finding that ...") and runs to the end of the sentence [from, to)
// without naming a concept.
func (t *Tagger) commentClause(s *scratch, text string, k, from, to int) bool {
	c := -1
	for j := k; j > from; j-- {
		if s.toks[j].flags&flagClause != 0 {
			c = j
			break
		}
	}
	if c >= 0 && c+1 < to && t.hasClass(s.toks[c], clsConj) && t.hasClass2(s.toks[c+1], cl2CommentOpen) {
		c++ // ", and this may ...": the conjunction before the comment's opener
	}
	if c < 0 || !t.hasClass2(s.toks[c], cl2CommentOpen) ||
		strings.IndexAny(text[s.toks[c-1].end:s.toks[c].start], ",;") < 0 && !t.hasClass(s.toks[c-1], clsConj) {
		return false // a colon opens a subtitle, not a comment
	}
	for j := c; j < to; j++ {
		if m := s.tokMent[j]; m >= 0 && !s.ments[m].dropped {
			return false
		}
	}
	return true
}

// studiesAfter reports whether a noun of studies or evidence, or a noun
// of people, stands within three words from token k: "(if confirmed) by
// larger trials (other groups)".
func (t *Tagger) studiesAfter(s *scratch, k int32, to int) bool {
	for j := k; int(j) < to && j < k+3 && s.toks[j].flags&flagHard == 0; j++ {
		if t.hasClass3(s.toks[j], cl3StudyNoun|cl3EvidenceNoun) || t.hasClass2(s.toks[j], cl2Population) {
			return true
		}
	}
	return false
}
