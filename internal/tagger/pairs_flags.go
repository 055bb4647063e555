package tagger

import (
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
)

// This file scopes negation and hedging to the predicates (pairs.go), and
// reads the phrases a sentence sets aside ("X reduced Y, but not Z", "W,
// rather than Z, cleared Y", "whereas Z did not").

// setAsidePairs adds "X reduced Y, but not Z" and "W, not Z, cleared Y":
// Z takes Y's place (or X's, W's, by its kind) in a denied pair of the
// predicate before the phrase set aside, or else of the one after it.
func (t *Tagger) setAsidePairs(s *scratch) {
	p := &s.pairs
	for _, sp := range p.spans {
		var pr *predicate
		for i := range p.preds {
			if q := &p.preds[i]; q.end <= sp[0] && q.subj >= 0 && q.obj >= 0 {
				pr = q
			}
		}
		after := pr == nil
		for i := range p.preds {
			if q := &p.preds[i]; pr == nil && q.tok >= sp[1] && q.subj >= 0 && q.obj >= 0 {
				pr = q
			}
		}
		if pr == nil || after && pr.negated {
			// ("Unlike X, Z did not change Y", "In contrast to the X group,
			// the placebo group showed no change in Y": what is set
			// against a denial is no denial; the sentence does not say
			// what X did)
			continue
		}
		og, sg := p.groups[pr.obj], p.groups[pr.subj]
		for _, u := range p.units {
			if u.a < sp[0] || u.a >= sp[1] {
				continue
			}
			denied := *pr
			denied.negated = true
			switch kind := t.concepts[u.concept].kind; {
			case sp[0] >= sg.b && sp[1] <= pr.tok && og.a >= pr.end:
				// "X, rather than Y, drives Z": set aside between the
				// subject and the verb, Y stands where the subject stood
				for b := og.first; b < og.last; b++ {
					t.addPair(s, u, p.units[b], &denied)
				}
			case kind == t.concepts[p.units[og.first].concept].kind:
				for a := sg.first; a < sg.last; a++ {
					t.addPair(s, p.units[a], u, &denied)
				}
			case kind == t.concepts[p.units[sg.first].concept].kind:
				for b := og.first; b < og.last; b++ {
					t.addPair(s, u, p.units[b], &denied)
				}
			case slices.Contains(p.elided, sp):
				// "X correlated with Y, whereas Z did not": Z stands
				// where the subject stood
				for b := og.first; b < og.last; b++ {
					t.addPair(s, u, p.units[b], &denied)
				}
			case sp[0] >= pr.end:
				// "X reduced Y but not Z", Z of a third kind: after
				// the predicate, Z stands where its object stood
				for a := sg.first; a < sg.last; a++ {
					t.addPair(s, p.units[a], u, &denied)
				}
			}
		}
	}
}

// pairFlags scopes the sentence's negation and hedging to its predicates.
// A denying cue denies the predicates from it to the end of its clause;
// a predicate that is a denial in itself is denied; "it is a myth that"
// reverses what follows. A hedge hedges the predicates of its clause, or
// all of them when it comes before the first ("These data suggest that
// ..."). When the sentence is denied or hedged and no predicate takes the
// flag, all do; when it is not, none does, except the concepts set aside
// by "not" or "rather than" (unitSetAside).
func (t *Tagger) pairFlags(s *scratch, text string, hits []cueHit, from, to, firstMent int, negated, hedged bool) {
	p := &s.pairs
	anyNeg, anyHedge := false, false
	p.meansHedge = false
	hedges, means, meansAt := 0, 0, int32(-1)
	first, lastHedge := int32(to), int32(from)
	if len(p.preds) > 0 {
		first = p.preds[0].tok
	}
	for i, h := range hits {
		if slices.Contains(s.noMoreAt, h.tok) {
			// "X reduced Y no more than placebo": noMoreThanDenials
			// denies the verb before it, and nothing else is denied
			anyNeg = true
			continue
		}
		if h.bits&cueNeg != 0 && h.bits&cueNegRel == 0 {
			if _, _, ok := t.ellipsis(s, text, hits, i, from, to); ok {
				continue // it sets a concept aside (setAsideSpans)
			}
		}
		if !negated && h.bits&(cueNeg|cueNegRel) != 0 && h.bits&cuePseudo == 0 && t.contrastBefore(hits, i) {
			// "X reduced Y, but it did not ease Z": the sentence states a
			// relation; the negator denies the verb right after it.
			for j := range p.preds {
				if pr := &p.preds[j]; pr.tok >= h.end && (pr.tok-h.end <= 2 || pr.tok-h.end <= 4 && t.thatClauseTo(s, h.end, pr.tok)) && j > 0 {
					pr.contrast = true
				}
			}
		}
		if negated && t.retractedSignificance(s, hits, i, from) {
			// "X lowered Y, but the difference was not significant": the
			// results of the clause before are denied
			lo := t.clauseBefore(s, h.tok, from)
			if last := p.predBefore(h.tok); last >= 0 && p.preds[last].tok > lo {
				// "Y was higher in Z and correlated weakly with W, a trend
				// that did not reach significance": the verb in series
				// right before it is the result retracted
				k := p.preds[last].tok - 1
				if int(k) > from && t.ending(s, k, t.adverbEnd) {
					k--
				}
				if int(k) > from && t.hasClass(s.toks[k], clsConj) && s.tokMent[k-1] < 0 {
					lo = k
				}
			}
			for j := range p.preds {
				if pr := &p.preds[j]; pr.tok >= lo && pr.tok < h.tok {
					pr.negated, anyNeg = true, true
				}
			}
			continue
		}
		if s.lackAt >= 0 && h.tok == s.lackNeg {
			continue // the "not" of "is not sufficient", which lackAt reads
		}
		if negated && s.lackingDenial(h) {
			// "..., but the evidence that X treats Y is thin": the
			// evidence's clause, or the claim before "the evidence
			// behind it"
			for j := range p.preds {
				if pr := &p.preds[j]; pr.tok >= s.lackSpan[0] && pr.tok < s.lackSpan[1] {
					pr.negated, anyNeg = true, true
				}
			}
			continue
		}
		if negated && h.bits&(cueNeg|cueNegRel|cueSimilar) != 0 && t.denies(s, text, hits, i, from, to, firstMent) {
			_, sb := segment(s, h.tok)
			for _, g := range hits[i+1:] {
				if g.tok >= sb {
					break
				}
				if g.bits&cueClauseBreak != 0 && g.tok > h.end {
					sb = g.tok // "Y did not change in controls but fell in the X group"
					break
				}
				if h.bits&cueNegRel != 0 && h.tok > int32(from) && t.hasClass(s.toks[h.tok-1], clsArticle) &&
					g.bits&(cueHedge|cueFinding|cueVerb) != 0 && g.tok > h.end {
					// "The lack of any effect on Y suggests that X acts on
					// Z": a denial named by a noun ends with its phrase,
					// before the verb it is the subject of
					sb = g.tok
					break
				}
			}
			// "X does not harm Y, and it may reduce Z", "..., and some
			// small studies link X to Z": a clause of its own
			sb = t.ownSubjectClause(s, hits, h.end+1, sb, true)
			sb = t.relativeClauseAt(s, h, sb)
			if h.bits&cueNegRel != 0 {
				// "did not improve Y and may raise Z": a verb after the
				// denial's object and a conjunction is not denied
				sb = t.verbAfterObject(s, hits, h.end, sb)
				sb = t.subjectClauseAfter(s, h.end, sb)
			}
			for j := range p.preds {
				if pr := &p.preds[j]; pr.ownAgent && pr.tok > h.end && pr.tok < sb {
					sb = pr.tok // "Y was not affected by W and improved by X"
				}
			}
			governed := false
			for j := range p.preds {
				pr := &p.preds[j]
				if governed && t.foundParticiple(s, pr.tok, pr.end, pr.bits) {
					continue // "does not treat the Y seen in Z": the Y of Z is given, not denied
				}
				if pr.within >= 0 && pr.bits&cueTopic != 0 && j > 0 && p.preds[j-1].tok >= h.tok && p.preds[j-1].negated &&
					p.preds[j-1].bits&(cueHelp|cueInc) == 0 && p.preds[j-1].obj < 0 {
					// "did not modify (abolish) the association between X
					// and Y": the verb is denied, the association stands
					continue
				}
				if pr.tok >= h.tok && pr.tok < sb || pr.tok < h.tok && pr.end > h.tok {
					pr.negated, anyNeg, governed = true, true, true
				}
			}
		}
		if hedged && h.tok >= p.question[0] && h.tok < p.question[1] {
			anyHedge = true // "..., but whether X reduces Y is unknown": it doubts the question
			continue
		}
		if hedged && t.hedges(s, text, hits, i, from, to, firstMent) {
			// A hedge before the first relation frames them all ("These data
			// suggest that ..."); else it hedges the relations after it in
			// its clause, or, when none follows, those before it.
			_, sb := segment(s, h.tok)
			hedges++
			path := false // the hedge opens the means or the path
			switch {
			case h.tok > first && t.opensMeans(s, h, sb):
				path = true
				means++
				meansAt = sb
				for j := range p.preds {
					if pr := &p.preds[j]; pr.via >= 0 && pr.tok < h.tok && p.groups[pr.via].a > h.tok {
						pr.viaHedged = true
					}
				}
			case h.tok < meansAt:
				means++ // a hedge inside the means ("possibly via Z-ing the potential of W")
			}
			// ("X may seem harmless, but it worsens Y": a hedge in a clause
			// of its own before a contrast frames nothing after it)
			frames := h.tok <= first && !t.breakBetween(hits, h.end, first)
			// ("X may help Y, and one trial found that X reduced Z": a
			// finding of its own after clause punctuation)
			stop := t.findingClauseAfter(s, hits, h.end, to)
			stop = t.ownSubjectClause(s, hits, h.end+1, stop, false)
			stop = t.contrastClause(s, hits, h.end+1, stop)
			if c := colonAfter(s, h.end, stop); c < stop && !t.hasClass4(s.toks[c-1], cl4ForwardWord) && t.moreThanHeading(s, hits, from, c) &&
				!slices.ContainsFunc(p.preds, func(pr predicate) bool {
					return pr.tok >= h.tok && pr.tok < c && pr.subj >= 0 && pr.obj >= 0
				}) {
				// "Diet may matter as much as any cream: several studies
				// have tied X to Y", "Diet is a plausible link: X raises
				// Y": what follows the colon is stated, not the hedged
				// claim before it, which holds no pair (not after a word
				// that points to what follows, "suggest the following:",
				// nor a heading with no verb, "Possible mechanism:")
				stop = c
			}
			cs := int32(from) // the start of the hedge's own clause
			for k := h.tok; k > int32(from); k-- {
				if s.toks[k].flags&flagClause != 0 {
					cs = k
					break
				}
			}
			if rc := t.reasonClause(s, h.end+1, stop); rc < stop && !slices.ContainsFunc(p.preds, func(pr predicate) bool {
				return pr.tok < rc && pr.tok >= cs && pr.subj >= 0 && pr.obj >= 0
			}) {
				stop = rc // ("What probably matters more is X, since Y goes with Z": no pair before the reason)
			}
			after := false
			for j := range p.preds {
				if pr := &p.preds[j]; pr.tok < stop && (frames || pr.tok >= h.tok && pr.tok < sb) {
					pr.hedged, anyHedge, after = true, true, true
				}
			}
			if h.tok <= first && !frames {
				anyHedge, after = true, true
			}
			if frames && !after && stop < int32(to) && stop > h.tok {
				// "X may alter W, and eradicating X with Z cleared Y": the
				// hedge doubts its own clause, which holds no pair; the
				// clause of its own after it stands
				anyHedge, after = true, true
			}
			if path {
				// "X reduced Y, possibly via Z": the hedge covers the
				// path only, not the statement before it
				anyHedge, after = true, true
			}
			if !after {
				// back to the hedge before it, which covers what comes
				// before itself ("X eased Y possibly via Z-ing the
				// potential of W": "potential" adds nothing to Y)
				sa, _ := segment(s, h.tok)
				if c := t.consequenceBefore(s, h.tok, sa); c > sa {
					// "..., so I might stop": the hedge doubts its own
					// clause, which holds no pair
					sa, anyHedge = c, true
				} else if c := t.ownClauseBefore(s, hits, h.tok, sa); c >= sa && c > 0 {
					// "..., and confounding cannot be ruled out", "...,
					// but it could not rule out other factors": so does a
					// clause with a subject of its own
					sa, anyHedge = c, true
				}
				sa = max(sa, lastHedge)
				for j := range p.preds {
					if pr := &p.preds[j]; pr.tok >= sa && pr.tok < h.tok {
						pr.hedged, anyHedge = true, true
					}
				}
			}
			lastHedge = h.tok
		}
	}
	p.meansHedge = hedges > 0 && means == hedges
	// "Modulating Y with X may ...": a gerund that opens the sentence is
	// the subject of the hedged verb after it.
	if len(p.preds) > 1 && p.preds[0].tok == int32(from) && !p.preds[0].hedged && t.ingForm(s, p.preds[0].tok) {
		for _, pr := range p.preds[1:] {
			if !pr.hyphen {
				// the hedged verb is the gerund's own, the first after it
				// (not one in "..., suggesting that" at the end)
				p.preds[0].hedged = pr.hedged
				break
			}
		}
	}
	// "X might not only improve Y but also relieve Z": the hedge before
	// the first verb frames the second.
	for j := 1; j < len(p.preds); j++ {
		if pr, prev := &p.preds[j], &p.preds[j-1]; prev.hedged && !pr.hedged && t.notOnlyButAlso(s, hits, prev, pr) {
			pr.hedged = true
		}
	}
	flip := false
	myth := t.mythHeading(s, text, from, to)
	for j := range p.preds {
		pr := &p.preds[j]
		if myth >= 0 && pr.tok >= myth {
			flip = true
		}
		for _, h := range hits {
			if h.bits&cueFlip != 0 && h.tok < pr.tok {
				flip = true
			}
		}
		if pr.denial && negated {
			pr.negated, anyNeg = true, true
		}
		switch {
		case flip && pr.denial && !pr.negated:
			// "Myth 1: X has nothing to do with Y": the denial reversed
			// relates X and Y
			pr.denial, pr.fixed = false, lumen.RelationAssociated
		case flip:
			pr.negated = !pr.negated
			anyNeg = anyNeg || pr.negated
		}
	}
	if negated {
		// A denial with no pair of its own after the relation it denies
		// ("Protective effects of X on Y were not observed": "not
		// observed" has no object) denies the relation whose object
		// phrase it follows.
		for j := range p.preds {
			d := &p.preds[j]
			if d.negated && d.within >= 0 && d.bits&(cueAssoc|cueSimilar|cueInc|cueDec) == 0 {
				// "An association between X and Y was not observed": the
				// denial speaks of the association named before it ("did
				// not differ by Z", "was not attenuated" leave it standing)
				for k := range p.preds[:j] {
					if pr := &p.preds[k]; pr.within == d.within && pr.bits&cueTopic != 0 {
						pr.negated = true
					}
				}
			}
			if !d.negated || d.subj >= 0 && d.obj >= 0 || d.within >= 0 {
				continue
			}
			for k := range p.preds[:j] {
				pr := &p.preds[k]
				if pr.subj < 0 || pr.obj < 0 || pr.hyphen {
					continue // (a hyphenated modifier, "<X>-related Y", is named, not stated)
				}
				if e := p.groups[pr.obj].b; e <= d.tok && (d.tok-e <= 3 || d.tok-e <= 8 && t.plainPhrase(s, e, d.tok) &&
					!clauseBetween(s.toks, int(p.groups[pr.obj].a)+1, int(e)-1)) &&
					!clauseBetween(s.toks, int(e), int(d.tok)) {
					pr.negated = true // ("Use of X to prevent Y in infants at average risk is not supported")
				}
			}
		}
	}
	for j := range p.preds {
		pr := &p.preds[j]
		if negated && !anyNeg {
			pr.negated = true
		}
		if !negated {
			pr.negated = pr.contrast
		}
		if hedged && !anyHedge {
			pr.hedged = true
		}
	}
}

// relativeClauseAt returns the first relative pronoun after a concept and
// a comma, among the tokens after negator h and before b, that a predicate
// follows within three tokens, when the denied verb stands before it; else
// b. "X did not correlate with Y, which was strongly associated with Z"
// states what Y goes with, and the denial does not reach it; in "no
// evidence that X, which feeds W, reduces Y" the denied verb comes after
// the pronoun, and the denial goes on.
func (t *Tagger) relativeClauseAt(s *scratch, h cueHit, b int32) int32 {
	p := &s.pairs
	toks := s.toks
	for k := h.end + 1; k < b; k++ {
		if toks[k].flags&flagClause == 0 || !t.hasClass2(toks[k], cl2Relative) || s.tokMent[k-1] < 0 ||
			!strings.Contains(s.text[toks[k-1].end:toks[k].start], ",") {
			continue
		}
		// the denied verb stands before the pronoun ("did not reduce Y,
		// which ..."), not a denial that opens a clause with "that" whose
		// verb comes after it ("no evidence that X, which ..., reduces Y")
		denied := false
		for _, q := range p.preds {
			opens := int(q.end) < len(toks) && t.hasClass2(toks[q.end], cl2Relative) && toks[q.end].flags&flagClause == 0
			denied = denied || q.tok >= h.tok && q.tok < k && !q.hyphen && !opens
		}
		if !denied {
			continue
		}
		for _, pr := range p.preds {
			if pr.tok > k && pr.tok <= k+3 {
				return k
			}
		}
	}
	return b
}

// notOnlyButAlso reports whether predicates a and b are joined by "not
// only a ... but also b": a pseudo-negation right before a, a contrast
// and an adverb right before b.
func (t *Tagger) notOnlyButAlso(s *scratch, hits []cueHit, a, b *predicate) bool {
	if b.tok < 2 || !t.hasClass2(s.toks[b.tok-1], cl2Modal) || !t.onCueBits(hits, b.tok-2, cueClauseBreak|cueContrast) {
		return false
	}
	for _, h := range hits {
		if h.bits&cuePseudo != 0 && (h.end == a.tok || h.end+1 == a.tok) {
			return true
		}
	}
	return false
}

// consequenceBefore returns the start of the clause that holds token k when
// a colon or a comma and a word of consequence ("..., so I might stop the
// capsules") opens it after token sa, else sa: a hedge in such a clause
// doubts what it says, not the statement before it.
func (t *Tagger) consequenceBefore(s *scratch, k, sa int32) int32 {
	toks := s.toks
	for j := k; j > sa; j-- {
		if toks[j].flags&flagClause == 0 {
			continue
		}
		gap := s.text[toks[j-1].end:toks[j].start]
		if strings.Contains(gap, ":") || strings.Contains(gap, ",") && t.hasClass(toks[j], clsConsequence) {
			return j
		}
	}
	return sa
}

// opensMeans reports whether hedge h opens the means or the path of the
// relation before it: "via" or "through" right after it ("possibly via
// Z"), or "by" and a gerund ("perhaps by lowering Z").
func (t *Tagger) opensMeans(s *scratch, h cueHit, sb int32) bool {
	toks := s.toks
	k := h.end
	if k < sb && t.hasClass2(toks[k], cl2Via) {
		return true
	}
	return k+1 < sb && t.hasClass2(toks[k], cl2PairBy) && t.ingForm(s, k+1)
}

// isSubject reports whether group g is the subject of a predicate before
// predicate i.
func (p *pairScratch) isSubject(g, i int) bool {
	for j := range p.preds[:i] {
		if p.preds[j].subj == g {
			return true
		}
	}
	return false
}

// contrastBefore reports whether a contrast ("but", "yet") comes before
// cue hit i in the sentence.
func (t *Tagger) contrastBefore(hits []cueHit, i int) bool {
	for _, h := range hits[:i] {
		if h.bits&(cueContrast|cueClauseBreak) != 0 {
			return true
		}
	}
	return false
}

// setAsideSpans records the phrases that "rather than" or an elliptic
// "not" set aside ("W, not X, cleared Y", "X reduced Y, but not Z").
func (t *Tagger) setAsideSpans(s *scratch, text string, hits []cueHit, from, to int) {
	p := &s.pairs
	p.spans, p.arms, p.elided, p.fronted = p.spans[:0], p.arms[:0], p.elided[:0], p.fronted[:0]
	for i, h := range hits {
		if a, b, ok := t.elidedVerb(s, hits, i, from, to); ok {
			p.spans = append(p.spans, [2]int32{int32(a), int32(b)})
			p.elided = append(p.elided, [2]int32{int32(a), int32(b)})
			continue
		}
		switch {
		case h.bits&cueInstead != 0:
			a, b := t.insteadSpan(s, int(h.end), to)
			p.spans = append(p.spans, [2]int32{int32(a), int32(b)})
			if int(h.tok) == from {
				p.fronted = append(p.fronted, [2]int32{int32(a), int32(b)})
			}
		case h.bits&cueNeg != 0 && h.bits&cueNegRel == 0:
			if a, b, ok := t.armAside(s, text, int(h.tok), from, to); ok {
				p.arms = append(p.arms, [2]int32{int32(a), int32(b)})
				continue
			}
			if a, b, ok := t.ellipsis(s, text, hits, i, from, to); ok {
				p.spans = append(p.spans, [2]int32{int32(a), int32(b)})
			}
		}
	}
}

// elidedVerb returns the phrase of a clause whose verb is elided after a
// contrast, when negator hit i ends it: "X lowered Y, whereas Z did not",
// "... but Z was not", or opens it inverted ("..., and neither did Z").
// Z is denied what the clause before says.
func (t *Tagger) elidedVerb(s *scratch, hits []cueHit, i, from, to int) (a, b int, ok bool) {
	if a, b, ok := t.invertedElision(s, hits, i, to); ok {
		return a, b, true
	}
	toks := s.toks
	h := hits[i]
	k := int(h.tok)
	if h.bits&cueNeg == 0 || h.bits&cueNegRel != 0 || h.end-h.tok != 1 || !t.hasClass2(toks[k], cl2EllipsisNot) ||
		k-2 < from || !t.hasClass2(toks[k-1], cl2EllipsisAux) {
		return 0, 0, false
	}
	if k+1 < to && toks[k+1].flags&flagClause == 0 && !t.onCueBits(hits, int32(k+1), cueClauseBreak) {
		return 0, 0, false // the verb follows ("whereas Z did not change Y")
	}
	b = k - 1
	for j := b - 1; j >= from && j >= b-5; j-- {
		if t.onCueBits(hits, int32(j), cueContrast|cueClauseBreak) {
			if j+1 == b {
				return 0, 0, false
			}
			return j + 1, b, true
		}
		if toks[j].flags&flagClause != 0 {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// invertedElision reads the inverted form of an elided verb: "X did not
// alter Y, and neither did Z", "..., nor did Z". Negator hit i, a
// conjunction or a comma before it and an auxiliary after it; Z runs to
// the end of the clause. It returns Z's phrase.
func (t *Tagger) invertedElision(s *scratch, hits []cueHit, i, to int) (a, b int, ok bool) {
	toks := s.toks
	h := hits[i]
	k := int(h.tok)
	if h.bits&(cueNeg|cueNegRel) == 0 || h.end-h.tok != 1 || k == 0 || k+2 >= to ||
		!(toks[k].flags&flagClause != 0 || t.hasClass(toks[k-1], clsConj)) || !t.hasClass2(toks[k+1], cl2EllipsisAux) {
		return 0, 0, false
	}
	e := k + 2
	ment := false
	for e < to && e < k+9 && toks[e].flags&flagClause == 0 {
		if t.onCueBits(hits, int32(e), relationBits) || t.edForm(s, int32(e)) || t.ingForm(s, int32(e)) ||
			t.hasClass2(toks[e], cl2PurposeTo|cl2Modal) {
			return 0, 0, false // "neither did Z change Y", "neither is thought to act": a verb of its own
		}
		ment = ment || s.tokMent[e] >= 0
		e++
	}
	if e == k+2 || e == k+9 || !ment {
		return 0, 0, false
	}
	return k + 2, e, true
}

// groupSetAside reports whether every unit of group g is set aside ("W,
// but not <X>, cleared Y": W is the subject).
func (t *Tagger) groupSetAside(s *scratch, g int) bool {
	p := &s.pairs
	for u := p.groups[g].first; u < p.groups[g].last; u++ {
		if !t.unitSetAside(s, p.units[u]) {
			return false
		}
	}
	return true
}

// unitSetAside reports whether unit u lies in a phrase set aside by "not" or
// "rather than": its relations are denied ("W, not X, cleared Y").
func (t *Tagger) unitSetAside(s *scratch, u pairUnit) bool {
	return inSpans(s.pairs.spans, u)
}

// inSpans reports whether unit u starts in one of the token spans.
func inSpans(spans [][2]int32, u pairUnit) bool {
	for _, sp := range spans {
		if u.a >= sp[0] && u.a < sp[1] {
			return true
		}
	}
	return false
}

// foundParticiple reports whether a relation cue at tokens [a, b) with
// bits is a participle of association right after a concept (or its head
// noun), before a preposition of finding ("the Y seen in Z", "the Y
// defect observed in Z"): a reduced relative that describes its concept.
func (t *Tagger) foundParticiple(s *scratch, a, b int32, bits uint32) bool {
	toks := s.toks
	if a < 2 || b-a != 2 || !t.edForm(s, a) || bits&(cueInc|cueDec|cueHelp|cueHarm) != 0 || bits&cueAssoc == 0 ||
		!t.hasClass2(toks[b-1], cl2FindingPrep) || toks[a].flags&flagHard != 0 {
		return false
	}
	return s.tokMent[a-1] >= 0 || s.tokMent[a-2] >= 0 && s.tokMent[a-1] < 0 && toks[a-1].flags&(flagHard|flagClause|flagDigit) == 0 &&
		!t.onCue(s.cueHits, a-1)
}

// thatClauseTo reports whether tokens [a, b) open a "that" clause whose verb
// is at b with only a pronoun, modals and adverbs between ("no good evidence
// that this then improves Y").
func (t *Tagger) thatClauseTo(s *scratch, a, b int32) bool {
	if a >= b || !t.hasClass2(s.toks[a], cl2Relative) {
		return false
	}
	for k := a + 1; k < b; k++ {
		if s.tokMent[k] >= 0 || !t.hasClass2(s.toks[k], cl2Pronoun|cl2Anaphora|cl2Modal) && !t.ending(s, k, t.adverbEnd) && !t.hasClass(s.toks[k], clsDeterminer) {
			return false
		}
	}
	return true
}

// colonAfter returns the first token in (a, b) that follows a colon with
// a space or a line end after it (not a ratio or a time, "2:1", "8:30"),
// or b.
func colonAfter(s *scratch, a, b int32) int32 {
	for k := a + 1; k < b; k++ {
		gap := s.text[s.toks[k-1].end:s.toks[k].start]
		if i := strings.IndexByte(gap, ':'); i >= 0 && i+1 < len(gap) {
			return k
		}
	}
	return b
}

// moreThanHeading reports whether tokens [from, c) are more than a heading:
// more than four words, or a copula, a modal or a cue of a verb among
// them ("Diet may matter:", "Diet is a plausible link:", "Animal work
// offers a plausible mechanism:"), not "Possible mechanism:".
func (t *Tagger) moreThanHeading(s *scratch, hits []cueHit, from int, c int32) bool {
	if c-int32(from) > 4 {
		return true // (a heading is short; "Animal work offers a plausible mechanism:" has its verb)
	}
	for k := int32(from); k < c; k++ {
		if t.hasClass(s.toks[k], clsCopula) || t.hasClass2(s.toks[k], cl2Modal) || t.onCueBits(hits, k, cueVerb) {
			return true
		}
	}
	return false
}

// findingClauseAfter returns the first verb of finding after token a that
// opens a clause of its own after clause punctuation ("..., and one small
// trial found that ..."), or a denial of finding after clause punctuation
// and a conjunction ("..., and no randomised trial has yet shown", "...,
// and the one cohort that examined X found no association"), or to when
// there is none.
func (t *Tagger) findingClauseAfter(s *scratch, hits []cueHit, a int32, to int) int32 {
	for _, h := range hits {
		if h.tok <= a || h.bits&cueHedge != 0 {
			continue
		}
		if h.bits&cueFinding == 0 {
			if h.bits&(cueNeg|cueNegRel) == 0 || h.end-h.tok < 2 || !t.conjClauseBefore(s, a, h.tok) {
				continue
			}
			return h.tok
		}
		for k := a; k < h.tok; k++ {
			if s.toks[k].flags&flagClause != 0 {
				return h.tok
			}
		}
	}
	return int32(to)
}

// reasonClause returns the first cause conjunction in [a, b) after clause
// punctuation ("..., since diets rich in X go with Y"), else b: a reason
// states its own relation, which a hedge in a clause with no pair before
// it does not doubt (pairFlags).
func (t *Tagger) reasonClause(s *scratch, a, b int32) int32 {
	for k := a; k < b; k++ {
		if s.toks[k].flags&flagClause != 0 && t.hasClass3(s.toks[k], cl3CauseConj) {
			return k
		}
	}
	return b
}

// conjClauseBefore reports whether the last clause punctuation in [a, k)
// is followed by a conjunction: token k lies in a clause of its own after
// ", and".
func (t *Tagger) conjClauseBefore(s *scratch, a, k int32) bool {
	for j := k - 1; j >= a; j-- {
		if s.toks[j].flags&flagClause != 0 {
			return t.hasClass(s.toks[j], clsConj)
		}
	}
	return false
}

// plainSubjectAt reports whether the words from token a are a subject
// outside the taxonomy and then a verb: one to four plain words (no
// mention, no relation), a noun among them, then perhaps adverbs or
// modals, then a relation or finding verb before b ("some small studies
// even link", "researchers found").
func (t *Tagger) plainSubjectAt(s *scratch, hits []cueHit, a, b int32) bool {
	toks := s.toks
	if a < b && t.hasClass2(toks[a], cl2Collective|cl2Anaphora) {
		return false // "..., and both nutrients modulate Y": the words stand for what was named before
	}
	k := a
	noun := false
	for k < b && k < a+4 && s.tokMent[k] < 0 && toks[k].flags&(flagHard|flagClause) == 0 && toks[k].flags&flagLetter != 0 &&
		!t.onCueBits(hits, k, relationBits|cueFinding|cueHedge|cueNeg) && !t.hasClass2(toks[k], cl2Pronoun) && !t.hasClass(toks[k], clsConj) &&
		(k > a || !t.hasClass2(toks[k], cl2Modal)) {
		// a noun by its form, or the head of the phrase ("a later trial")
		noun = noun || t.nounForm(s, k) || k > a && !t.hasClass2(toks[k], cl2Modal) && !t.ending(s, k, t.adverbEnd) &&
			!t.adjectiveWord(s, k) && t.hasClass(toks[a], clsArticle|clsDeterminer)
		k++
	}
	if k == a || !noun {
		return false
	}
	for k < b && (t.hasClass2(toks[k], cl2Modal|cl2Have) || t.ending(s, k, t.adverbEnd)) && s.tokMent[k] < 0 {
		k++ // ("..., and a few small trials have linked X to Y")
	}
	return k < b && s.tokMent[k] < 0 && t.onCueBits(hits, k, relationBits|cueFinding)
}

// pastClauseAt reports whether a concept at token a (after an article)
// opens a clause whose verb is a past form (the past tense, a perfect or
// a passive: "zinc lowered Z", "zinc has been shown to lower Z", "zinc is
// linked to Z"), which a modal before cannot govern ("X may help Y, and
// zinc lowered Z"). A modal of the clause's own makes it none.
func (t *Tagger) pastClauseAt(s *scratch, hits []cueHit, a, b int32) bool {
	v := t.conceptVerbAt(s, hits, a, b)
	if v < 0 {
		return false
	}
	past := t.edForm(s, v)
	for k := v - 1; k >= a && s.tokMent[k] < 0; k-- {
		if t.hasClass2(s.toks[k], cl2Modal) && !t.hasClass2(s.toks[k], cl2Have) {
			return false // ("..., and X could lower Z" has a modal of its own)
		}
		past = past || t.hasClass2(s.toks[k], cl2Have) || t.edForm(s, k) // ("has been shown to reduce")
	}
	return past
}

// ownSubjectClause returns the first conjunction in [a, b) after clause
// punctuation that opens a clause with a subject of its own: plain words
// outside the taxonomy and their verb (plainSubjectAt), and with any also
// a pronoun or a concept and its verb (conceptSubjectAt), without it a
// concept and a verb in the past (pastClauseAt); else b.
func (t *Tagger) ownSubjectClause(s *scratch, hits []cueHit, a, b int32, any bool) int32 {
	toks := s.toks
	for k := a; k+1 < b; k++ {
		if toks[k].flags&flagClause != 0 && t.hasClass(toks[k], clsConj) && (t.plainSubjectAt(s, hits, k+1, b) ||
			any && (t.hasClass2(toks[k+1], cl2Pronoun) || t.conceptSubjectAt(s, hits, k+1, b)) ||
			!any && (t.pastClauseAt(s, hits, k+1, b) || t.gerundPastAt(s, hits, k+1, b))) {
			return k
		}
	}
	return b
}

// subjectClauseAfter returns the start of the subject of a later verb of
// change when clause punctuation or "until" (until-words) stands between
// token a and that subject, with no participle after it
// ("My acne stayed the same for months, then zinc cleared it"; not past
// "that", "No trial has shown, though, that X ..."), or the conjunction
// right before such a verb after a group word ("Y stayed the same in the
// placebo group and fell in the X group"), else b: a denial in itself reaches no
// clause with a subject or a verb of its own.
func (t *Tagger) subjectClauseAfter(s *scratch, a, b int32) int32 {
	p := &s.pairs
	for _, q := range p.preds {
		if q.tok <= a || q.tok >= b || q.subj < 0 || q.denial || q.bits&(cueInc|cueDec|cueHelp|cueHarm) == 0 {
			continue
		}
		if k := q.tok - 1; k > a+1 && t.hasClass(s.toks[k], clsConj) && t.hasClass(s.toks[k-1], clsGroup) && s.toks[q.tok].flags&flagHard == 0 &&
			!t.controlAfter(s, q.end, b) {
			return k // "Y stayed the same in the placebo group and fell in the X group" (not "... and fell in the placebo group")
		}
		g := p.groups[q.subj]
		if g.a <= a || g.b > q.tok {
			continue
		}
		broken := false
		for k := a; k < g.a; k++ {
			switch {
			case t.hasClass4(s.toks[k], cl4EvidenceComplement):
				broken = false // ("No trial has shown, though, that X ...": what is denied follows)
				k = g.a
			case (s.toks[k].flags&flagClause != 0 || t.hasClass4(s.toks[k], cl4Until)) && !t.edForm(s, k) && !t.ingForm(s, k):
				broken = true
			case t.edForm(s, k) || t.ingForm(s, k):
				broken = false // (", measured as X recovered from ...": a participle's phrase, no clause)
			}
		}
		if broken {
			return g.a
		}
	}
	return b
}

// controlAfter reports whether a placebo or control word stands in
// tokens [a, b) before clause punctuation.
func (t *Tagger) controlAfter(s *scratch, a, b int32) bool {
	for k := a; k < b && (k == a || s.toks[k].flags&flagClause == 0); k++ {
		if t.controlWord(s.toks[k]) {
			return true
		}
	}
	return false
}

// gerundPastAt reports whether a gerund opens a clause at token a and a
// verb of relation in the past follows within eight words before b, with
// no modal and no clause punctuation between: "..., and eradicating the
// overgrowth with X cleared the lesions" is a finding of its own.
func (t *Tagger) gerundPastAt(s *scratch, hits []cueHit, a, b int32) bool {
	toks := s.toks
	if a >= b || !t.ingForm(s, a) || s.tokMent[a] >= 0 {
		return false
	}
	for k := a + 1; k < b && k <= a+8; k++ {
		if toks[k].flags&(flagHard|flagClause) != 0 || t.hasClass2(toks[k], cl2Modal) || t.onCueBits(hits, k, cueHedge|cueCould) {
			return false
		}
		if s.tokMent[k] < 0 && t.edForm(s, k) && t.onCueBits(hits, k, cueInc|cueDec) {
			return true
		}
	}
	return false
}

// contrastClause returns the first contrast in [a, b) after clause
// punctuation that opens a clause with a subject of its own, a pronoun,
// an anaphora or "there" ("X may help some people, but there is little
// proof that they clear Y", "..., but they do not clear Y"), else b: a
// hedge before it hedges its own clause only.
func (t *Tagger) contrastClause(s *scratch, hits []cueHit, a, b int32) int32 {
	toks := s.toks
	for k := a; k+1 < b; k++ {
		if toks[k].flags&flagClause != 0 && t.onCueBits(hits, k, cueContrast) && !t.onCueBits(hits, k+1, cueHedge) &&
			(t.hasClass2(toks[k+1], cl2Pronoun|cl2Anaphora) || t.hasClass3(toks[k+1], cl3Expletive)) {
			return k
		}
		if toks[k].flags&flagClause != 0 && t.onCueBits(hits, k, cueContrast|cueClauseBreak) && t.deniedSubjectAt(s, hits, k+1, b) {
			return k // ", whereas Z cannot yet be recommended for Y": a denial of its own
		}
		if toks[k].flags&flagClause != 0 && t.onCueBits(hits, k, cueContrast) && s.lackAt > k && s.lackAt < b && s.lackSpan[0] > k {
			return k // ", yet evidence that X restores Y is lacking": the evidence's own denial
		}
	}
	return b
}

// deniedSubjectAt reports whether a concept (or a list of them) opens a
// clause at token a and a negator follows it within four words, before
// b, with no hedge between: the clause denies on its own ("whereas
// prebiotics and fish oil cannot yet be recommended").
func (t *Tagger) deniedSubjectAt(s *scratch, hits []cueHit, a, b int32) bool {
	toks := s.toks
	k := a
	if k < b && t.hasClass(toks[k], clsArticle|clsDeterminer) {
		k++
	}
	if k >= b || s.tokMent[k] < 0 {
		return false
	}
	for k < b && (s.tokMent[k] >= 0 || t.hasClass(toks[k], clsConj|clsArticle)) && toks[k].flags&flagClause == 0 {
		k++ // the list of subjects
	}
	for n := 0; k < b && n < 4; n, k = n+1, k+1 {
		if toks[k].flags&(flagHard|flagClause) != 0 || t.onCueBits(hits, k, cueHedge|cueCould) || s.tokMent[k] >= 0 {
			return false
		}
		if t.onCueBits(hits, k, cueNeg|cueNegRel) {
			return true
		}
	}
	return false
}

// ownClauseBefore returns the token that opens the clause of the hedge at
// token k when that clause follows a semicolon, or clause punctuation and
// a conjunction or a contrast, and holds no relation before the hedge
// ("..., and confounding by infection cannot be ruled out", "...; longer
// synbiotic trials may be worth doing"); else -1.
func (t *Tagger) ownClauseBefore(s *scratch, hits []cueHit, k, sa int32) int32 {
	toks := s.toks
	for j := k - 1; j >= sa && j > 0; j-- {
		if t.onCue(hits, j) {
			return -1 // the clause relates something: the hedge is its own
		}
		if toks[j].flags&flagClause != 0 {
			if (t.hasClass(toks[j], clsConj) || t.onCueBits(hits, j, cueContrast|cueClauseBreak)) && j+1 < k ||
				byteBefore(s.text, int(toks[j].start)) == ';' {
				return j // ("...; longer trials may be worth testing")
			}
			return -1
		}
	}
	return -1
}

// conceptSubjectAt reports whether a concept opens a clause at token a
// (after an article) and a relation follows it within five words before
// b: "..., and stress is a far more common trigger" is a clause of its
// own, which a denial before it does not reach.
func (t *Tagger) conceptSubjectAt(s *scratch, hits []cueHit, a, b int32) bool {
	return t.conceptVerbAt(s, hits, a, b) >= 0
}

// conceptVerbAt returns the relation cue's token for conceptSubjectAt, or
// -1.
func (t *Tagger) conceptVerbAt(s *scratch, hits []cueHit, a, b int32) int32 {
	toks := s.toks
	k := a
	if k < b && t.hasClass(toks[k], clsArticle|clsDeterminer) {
		k++
	}
	if k >= b || s.tokMent[k] < 0 || s.ments[s.tokMent[k]].tokStart != k {
		return -1
	}
	k = s.ments[s.tokMent[k]].tokEnd
	for n := 0; k < b && n < 5 && s.tokMent[k] < 0 && !t.onCueBits(hits, k, relationBits); n++ {
		if toks[k].flags&(flagHard|flagClause) != 0 || t.hasClass(toks[k], clsConj) || t.onCueBits(hits, k, cueNeg|cueNegRel) {
			return -1 // (a list goes on, or a denial of its own)
		}
		k++
	}
	if k < b && s.tokMent[k] < 0 && t.onCueBits(hits, k, relationBits) && !t.onCueBits(hits, k, cueNegRel) {
		return k
	}
	return -1
}

// verbAfterObject returns the conjunction that follows a concept after
// token a and comes right before a modal that no negator follows ("did
// not improve Y and may raise Z"), before b; else b. A verb with no modal
// after the conjunction goes on with the denial ("did not reduce Y or
// improve Z"; "had no effect on Y and reduced Z" is left to it as well).
func (t *Tagger) verbAfterObject(s *scratch, hits []cueHit, a, b int32) int32 {
	toks := s.toks
	seen := false
	for k := a; k+1 < b; k++ {
		switch {
		case s.tokMent[k] >= 0:
			seen = true
		case seen && t.hasClass(toks[k], clsConj) && toks[k+1].flags&flagHard == 0 &&
			(t.hasClass2(toks[k+1], cl2Modal) || t.onCueBits(hits, k+1, cueHedge|cueCould)) && !t.onCueBits(hits, k+2, cueNeg|cueNegRel):
			return k
		}
	}
	return b
}

// clauseBefore returns the first token of the clause before the one of
// token k: the punctuation that opens k's clause, then the one before it
// (or from).
func (t *Tagger) clauseBefore(s *scratch, k int32, from int) int32 {
	toks := s.toks
	j := k
	for j > int32(from) && toks[j].flags&flagClause == 0 {
		j-- // the start of k's own clause
	}
	for j--; j > int32(from) && (toks[j].flags&flagClause == 0 || inParentheses(s.text, int(toks[j].start))); j-- {
		// (a comma inside statistics in parentheses ends no clause)
	}
	return max(j, int32(from))
}

// inParentheses reports whether byte offset i of text lies inside an
// open parenthesis within the 80 bytes before it: "(rho = 0.18, p = 0.08)".
func inParentheses(text string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-80; k-- {
		switch text[k] {
		case ')', ';':
			return false
		case '(':
			return true
		}
	}
	return false
}

// plainPhrase reports whether tokens [a, b) name no concept and hold no
// cue but a copula, an auxiliary, a modal or a risk noun, and no relative
// pronoun or pronoun: the rest of a noun phrase ("in infants at average
// risk is currently").
func (t *Tagger) plainPhrase(s *scratch, a, b int32) bool {
	for k := a; k < b; k++ {
		tk := s.toks[k]
		if s.tokMent[k] >= 0 || tk.flags&flagHard != 0 || t.hasClass2(tk, cl2Relative|cl2Pronoun) {
			return false // ("in patients whose Z did not change": a clause of its own)
		}
		if t.onCue(s.cueHits, k) && !t.hasClass3(tk, cl3RiskNoun) && !t.hasClass(tk, clsCopula) && !t.hasClass2(tk, cl2PassiveAux|cl2Have|cl2Modal) {
			return false
		}
		if slices.ContainsFunc(s.cueHits, func(h cueHit) bool {
			return h.tok <= k && k < h.end && h.bits&(cueNeg|cueNegRel|cueContrast|cueClauseBreak) != 0
		}) {
			// another denial between ("did not differ between high-risk
			// ..."), or a contrast ("lowered Y on the hands but did not
			// improve Z": a clause of its own)
			return false
		}
	}
	return true
}
