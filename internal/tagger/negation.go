package tagger

import (
	"slices"
	"strings"
)

// negScope is how many words after a negator it can deny.
const negScope = 6

// negated applies NegEx-style rules: a denied relationship ("no
// association", "failed to", "did not differ", "did nothing for") negates
// the claim; a bare negator ("not", "no", "n't") does when a relation or
// result word follows within its scope, which ends at a clause break or at
// a purpose clause ("don't skip meals to support your X"), and which is
// longer after "none of" (the verb follows a noun phrase); pseudo-negations
// ("not only", "not inferior", "cannot be ruled out") do not; "similar" and
// "comparable" do when they compare groups or rates. A negation confined to
// a clause that relates no two kinds of concept, while another clause does,
// denies nothing about the claim ("No pill cures X, but Y helps Z"). "Not
// X" and "rather than X" set concept X aside: the claim is denied only
// when nothing related is left ("W, not X, cleared my Y"). "It is not true that" and "it is a myth that" reverse the
// result.
func (t *Tagger) negated(s *scratch, text string, hits []cueHit, from, to, firstMent int) bool {
	flip, denied := t.mythHeading(s, text, from, to) >= 0, false
	for i, h := range hits {
		if h.bits&cueFlip != 0 {
			flip = !flip
			continue
		}
		if !denied && t.denies(s, text, hits, i, from, to, firstMent) {
			denied = true
		}
	}
	return denied != flip
}

// negScopeLong is the scope of "none of" and "not one of", whose verb comes
// after a noun phrase ("None of the 30 patients with X improved").
const negScopeLong = 14

// denies reports whether cue hits[i] denies the relationship of the
// sentence made of tokens [from, to).
func (t *Tagger) denies(s *scratch, text string, hits []cueHit, i, from, to, firstMent int) bool {
	const scopeBits = cueInc | cueDec | cueAssoc | cueCompar | cueSignif | cueFound | cueNegRel
	toks := s.toks
	h := hits[i]
	switch {
	case h.bits&cuePseudo != 0:
		return false
	case h.bits&cueInstead != 0:
		a, b := t.insteadSpan(s, int(h.end), to)
		return t.setAside(s, a, b, to, firstMent) == asideDenies
	case h.bits&(cueNeg|cueNegRel|cueSimilar) == 0:
		return false
	}
	if t.retractedSignificance(s, hits, i, from) {
		return true // "X lowered Y, but the difference was not significant"
	}
	if s.lackingDenial(h) {
		return true // "X causes Y, but the evidence behind it is thin"
	}
	if h.bits&cueNeg != 0 && h.bits&cueNegRel == 0 {
		if _, _, ok := t.armAside(s, text, int(h.tok), from, to); ok {
			return false // the arm contrasts with another: a result, not a denial
		}
		if a, b, ok := t.ellipsis(s, text, hits, i, from, to); ok {
			return t.setAside(s, a, b, to, firstMent) == asideDenies
		}
	}
	if !t.clauseRelates(s, int(h.tok), to, firstMent) || t.reaffirmed(s, hits, i, to, firstMent) || t.bareDenial(s, hits, h, to) ||
		t.describesPopulation(s, h, from) || t.qualifiedAssociation(s, hits, i, to) || t.attributiveDenial(s, h, to) {
		return false
	}
	if int(h.tok) == from {
		if a, ok := t.noneOfArm(s, from, to); ok && t.givenUnitAfter(s, a, to) {
			return false // "No patient given X developed Y": X's effect, no denial
		}
	}
	switch {
	case h.bits&cueNegRel != 0:
		return !t.emptyDenialPhrase(s, hits, h, from, to) && !t.denialBeforeClause(s, hits, h, to)
	case h.bits&cueSimilar != 0:
		// "similar in both groups", "similar in patients with X and
		// healthy controls", "rates were comparable"
		for k := int(h.end); k < to && k < int(h.end)+8; k++ {
			if toks[k].flags&flagClause != 0 {
				break
			}
			if t.hasClass(toks[k], clsGroup) {
				return true
			}
		}
		// "rates were similar": a group word, then a copula right before.
		if k := int(h.tok) - 1; k > from && t.hasClass(toks[k], clsCopula) && toks[h.tok].flags&flagHard == 0 {
			for j := k - 1; j >= from && j >= k-4; j-- {
				if t.hasClass(toks[j], clsGroup) {
					return true
				}
				if toks[j+1].flags&flagClause != 0 {
					break
				}
			}
		}
	case h.bits&cueNeg != 0:
		if t.exposureNegated(s, int(h.end), to) {
			return false
		}
		limit := int(h.end) + negScope
		if h.bits&cueNegLong != 0 || int(h.tok) == from && h.end-h.tok == 1 {
			// ("No gut bacterial taxon showed a causal effect on Y": a
			// negator that opens the sentence denies the verb after its
			// noun phrase)
			limit = int(h.end) + negScopeLong
		}
		if i+1 < len(hits) && hits[i+1].bits&cueFinding != 0 && hits[i+1].tok <= h.end+1 && int(hits[i+1].end) < to &&
			t.hasClass2(toks[hits[i+1].end], cl2Relative) {
			// "we did not find that <a long subject> was associated
			// with Y": the negator denies the clause the finding verb
			// opens
			limit = max(limit, int(hits[i+1].end)+negScopeLong)
		}
		if int(h.end)+1 < to && s.tokMent[h.end] < 0 && !t.onCue(hits, h.end) && toks[h.end].flags&flagLetter != 0 &&
			t.hasClass(toks[h.end+1], clsTimeClause) && toks[h.end+1].flags&flagHard == 0 {
			return false // "Don't stop when Y settles: X helps ...": the negator denies its own plain verb
		}
		start := int(h.end)
		if t.breakAside(s, h.end, h.end+1, to) {
			start += 2 // "did not, however, find": the aside is no clause
			limit += 2
		}
		if int(h.tok) == from || h.end-h.tok == 1 && t.hasClass4(toks[h.tok], cl4NoDeterminer) &&
			(toks[h.tok].flags&flagClause != 0 || t.hasClass4(toks[h.tok-1], cl4EvidenceComplement)) {
			// (the subject of a clause: "..., that no X, Y or Z has been
			// shown to ..."; not "Compared with no exposure, five or more
			// X courses ..." nor an object, "Children had no Y, W or Z at
			// baseline, and X reduced Y")
			if e := t.listSubjectEnd(s, hits, int(h.end), to); e > start {
				start = e // "No vitamin, oil or probiotic has been shown to ...": the list is one subject
				limit += e - int(h.end)
			}
		}
		rel := [2]int{-1, -1}
		if int(h.tok) == from {
			// "Nor was X, which was lower in Z, related to Y": a negator
			// that opens the sentence reaches past a relative clause on
			// its subject
			rel = t.relativeAside(s, int(h.end), to)
			limit += rel[1] - rel[0]
		}
		for j := i + 1; j < len(hits); j++ {
			g := hits[j]
			if int(g.tok) >= limit || g.bits&(cueClauseBreak|cuePseudo) != 0 {
				break
			}
			if int(g.tok) >= rel[0] && int(g.tok) < rel[1] {
				continue
			}
			if int(g.tok) >= rel[1] && rel[1] > 0 {
				start = rel[1] + 1
			}
			if clauseBetween(toks, start, int(g.tok)) || t.purposeBetween(s, hits, i, j) {
				break
			}
			if g.bits&scopeBits != 0 || g.bits&cueRole != 0 {
				return true
			}
		}
	}
	return false
}

// denialBeforeClause reports whether denial hit h has no intervention
// before it in its clause, names no concept after it before its clause
// ends (at clause punctuation, "until", or "and" after a group word; not
// at a contrast, read elsewhere) and a verb of change follows in the next
// clause, and that clause names the concept the denial is said of (or a
// pronoun for it) and no control arm:
// "Everything I tried fell flat until probiotics cleared my eczema", "My
// acne stayed the same for months, then zinc cleared it", "Y stayed the
// same in the placebo group and fell in the X group". The later clause
// states the sentence's relation.
func (t *Tagger) denialBeforeClause(s *scratch, hits []cueHit, h cueHit, to int) bool {
	toks := s.toks
	subject := int32(-1) // the concept the denial is said of, before it in its clause
	for k := int(h.tok) - 1; k >= 0 && s.tokSent[k] == s.tokSent[h.tok] && toks[k+1].flags&flagClause == 0; k-- {
		if m := s.tokMent[k]; m >= 0 {
			if t.concepts[s.ments[m].concept].kind == kindIntervention {
				return false // ("the only X trial found no benefit, and ..."): the denial has its subject
			}
			subject = s.ments[m].concept
		}
	}
	e, elided := -1, false
	for k := int(h.end); k < to && e < 0; k++ {
		switch {
		case s.tokMent[k] >= 0 || t.hasClass4(toks[k], cl4EvidenceComplement):
			return false // ("stayed the same after X", "no trial has shown that ...")
		case t.onCueBits(hits, int32(k), cueClauseBreak|cueContrast):
			return false // ("Y did not change in either group, although ...": the contrast is read elsewhere)
		case t.hasClass(toks[k], clsConj) && k > int(h.end) && t.hasClass(toks[k-1], clsGroup):
			e, elided = k, true // "... in the placebo group and fell": the same subject
		case toks[k].flags&flagClause != 0 || t.hasClass4(toks[k], cl4Until):
			e = k
		}
	}
	if e < 0 || t.onCueBits(hits, int32(e), cueClauseBreak|cueContrast) || e+1 < to && t.onCueBits(hits, int32(e+1), cueClauseBreak|cueContrast) ||
		t.hasClass2(toks[e], cl2Relative) {
		return false // (", which argues against ...": a relative clause on the denial)
	}
	named := subject < 0 || elided
	for k := e + 1; k < to && toks[k].flags&flagClause == 0; k++ {
		if t.controlWord(toks[k]) {
			return false // ("Y stayed the same in the X group and fell in the placebo group")
		}
		named = named || s.tokMent[k] >= 0 && s.ments[s.tokMent[k]].concept == subject || t.hasClass2(toks[k], cl2Anaphora)
	}
	if !named {
		return false // ("Y stayed the same in both groups, and X increased Z": another outcome)
	}
	for _, g := range hits {
		if int(g.tok) > e && int(g.tok) < to && g.bits&(cueInc|cueDec|cueHelp|cueHarm) != 0 && g.bits&(cueNeg|cueNegRel) == 0 {
			return !clauseBetween(toks, e+1, int(g.tok))
		}
	}
	return false
}

// listSubjectEnd returns the first token of the next cue after token k
// when only a list of words stands between (commas and a conjunction, at
// most eight words, no number, a concept among them): "No vitamin, oil or probiotic
// has been shown ..." names one subject, whose commas are no clause
// breaks. Else -1.
func (t *Tagger) listSubjectEnd(s *scratch, hits []cueHit, k, to int) int {
	toks := s.toks
	next := slices.IndexFunc(hits, func(h cueHit) bool { return int(h.tok) >= k })
	if next < 0 || int(hits[next].tok) <= k+2 || int(hits[next].tok) > k+8 || int(hits[next].tok) >= to {
		return -1
	}
	e := int(hits[next].tok)
	conj, comma, concept := false, false, false
	for j := k; j < e; j++ {
		if toks[j].flags&flagLetter == 0 || j > k && toks[j].flags&flagHard != 0 && toks[j].flags&flagClause == 0 {
			return -1
		}
		comma = comma || j > k && toks[j].flags&flagClause != 0
		if t.hasClass4(toks[j], cl4Number) {
			return -1 // ("no exposure, five or more X courses")
		}
		conj = conj || t.hasClass(toks[j], clsConj)
		concept = concept || s.tokMent[j] >= 0
	}
	if !comma || !conj || !concept || toks[e].flags&flagClause != 0 {
		return -1
	}
	return e
}

// breakAside reports whether the one word between tokens k and e is a
// word that breaks clauses, set off by commas: "did not, however, find"
// keeps the negator's clause going.
func (t *Tagger) breakAside(s *scratch, k, e int32, to int) bool {
	toks := s.toks
	if int(e) >= to || e != k+1 || toks[k].flags&flagClause == 0 || toks[e].flags&flagClause == 0 || s.tokMent[k] >= 0 {
		return false
	}
	best, _ := t.cues.longest(toks, int(k), int(e), nil)
	return best >= 0 && t.cueBits[best]&cueClauseBreak != 0
}

// exposureNegated reports whether a negator ending before token k denies an
// exposure that defines a group rather than the relation: "patients who
// did not take X had more Y", "children not given X".
func (t *Tagger) exposureNegated(s *scratch, k, to int) bool {
	for j := k; j < to && j < k+2; j++ {
		if t.hasClass2(s.toks[j], cl2Exposure) {
			return true
		}
		if !t.hasClass2(s.toks[j], cl2Been|cl2Modal) {
			return false
		}
	}
	return false
}

// purposeBetween reports whether an infinitive of purpose stands between
// cue hits[a] and hits[b]: "do not smoke to support your X" denies the
// smoking, not the support. "Not found to", "not able to", "don't expect
// X to" keep the negation, and so does "not yet enough evidence to".
func (t *Tagger) purposeBetween(s *scratch, hits []cueHit, a, b int) bool {
	toks := s.toks
	next := a + 1
	for k := int(hits[a].end); k < int(hits[b].tok); k++ {
		if t.hasClass2(toks[k], cl2Raising) {
			return false
		}
		for next < b && int(hits[next].end) <= k {
			next++
		}
		if next < b && int(hits[next].tok) <= k {
			continue // inside a cue
		}
		if t.hasClass2(toks[k], cl2PurposeTo) && k > int(hits[a].end) && !t.hasClass3(toks[k-1], cl3EvidenceNoun) {
			return true // (not "not yet enough evidence to recommend X for Y": what the evidence would support)
		}
	}
	return false
}

// ellipsis recognises a negator that sets a phrase aside without a verb of
// its own: "X, not Y, cleared Z", "Z, but not W", "not Y but X".
// It returns the token range of the phrase.
func (t *Tagger) ellipsis(s *scratch, text string, hits []cueHit, i, from, to int) (a, b int, ok bool) {
	toks := s.toks
	h := hits[i]
	k := int(h.tok)
	if h.end-h.tok != 1 || !t.hasClass2(toks[k], cl2EllipsisNot) {
		return 0, 0, false
	}
	if !(k == from || toks[k].flags&flagClause != 0 || t.hasClass(toks[k-1], clsConj) ||
		i > 0 && hits[i-1].end == h.tok && hits[i-1].bits&cueClauseBreak != 0) {
		return 0, 0, false
	}
	a = k + 1
	b = a
	next := i + 1
	extra := 0 // words that do not count: those of a concept's name past its first, a noun of change and its preposition
	for b < to && b-a <= 4+extra {
		if b > a && toks[b].flags&flagClause != 0 {
			break
		}
		if m := s.tokMent[b]; m >= 0 && int(s.ments[m].tokStart) == b && int(s.ments[m].tokEnd) > b+1 {
			extra += int(s.ments[m].tokEnd) - b - 1
		}
		if next < len(hits) && int(hits[next].tok) == b {
			if hits[next].bits&cueClauseBreak != 0 {
				break
			}
			if e := int(hits[next].end); b > a && e < to && hits[next].bits&(cueInc|cueDec|cueAssoc) != 0 && hits[next].bits&cueVerb == 0 &&
				!t.edForm(s, int32(b)) && !t.ingForm(s, int32(b)) && t.hasClass2(toks[e], cl2PairOf|cl2FindingPrep) && s.tokMent[e] < 0 {
				// "..., but not with changes in Z": a noun of change
				// names what the elided verb relates
				extra += e - b + 1
				b = e + 1
				next++
				continue
			}
			if hits[next].bits&^(cueCompar|cueVerb) != 0 {
				return 0, 0, false // a verb or a relation word of its own: a clause, not an ellipsis
			}
			// "worse, not better": a comparative alone is still an ellipsis.
			b = int(hits[next].end)
			next++
			continue
		}
		if t.hasClass(toks[b], clsConj) && b > a {
			// "not X and not Y" ends here; "not X or Y" does not.
			if b+1 < to && t.hasClass2(toks[b+1], cl2EllipsisNot) {
				break
			}
		}
		b++
	}
	if b == a || b-a > 4+extra {
		return 0, 0, false
	}
	if b < to && toks[b].flags&flagClause == 0 && !(next < len(hits) && int(hits[next].tok) == b && hits[next].bits&cueClauseBreak != 0) {
		return 0, 0, false
	}
	return a, b, true
}

// armAside reports whether the negator at token k, after "but" and a
// word naming an arm of a trial, sets aside the arm given an intervention
// ("the placebo group but not the <X> group decreased", "in water-treated
// mice, but not (in) <X>-treated mice"): the change happened in the other
// arm only, which is the intervention's effect, not a denial. It returns
// the phrase of the arm set aside.
func (t *Tagger) armAside(s *scratch, text string, k, from, to int) (a, b int, ok bool) {
	toks := s.toks
	if k+1 >= to || !t.hasClass2(toks[k], cl2EllipsisNot) {
		return 0, 0, false
	}
	// the other arm, up to four words back, past a bracketed statistic
	// ("the placebo group (P < 0.05) but not ...")
	other, depth, n := false, 0, 0
	for j := k - 1; j >= from && n < 4; j-- {
		gap := text[toks[j].end:toks[j+1].start]
		depth += strings.Count(gap, ")") - strings.Count(gap, "(")
		if depth > 0 {
			continue
		}
		n++
		if t.hasClass(toks[j], clsGroup) || t.hasClass2(toks[j], cl2Arm|cl2Population) {
			other = true
			break
		}
	}
	if !other {
		return 0, 0, false
	}
	a = k + 1
	j := a
	for j < to && j-a < 3 && s.tokMent[j] < 0 {
		j++ // "in", "the"
	}
	if j >= to || s.tokMent[j] < 0 {
		return 0, 0, false
	}
	m := s.ments[s.tokMent[j]]
	if m.dropped || t.concepts[m.concept].kind != kindIntervention {
		return 0, 0, false
	}
	e := int(m.tokEnd)
	switch {
	case e < to && toks[e].flags&flagHard == 0 && t.hasClass2(toks[e], cl2Arm):
		return a, e + 1, true
	case e+1 < to && toks[e].flags&flagHard == 0 && t.edForm(s, int32(e)) && t.hasClass2(toks[e+1], cl2Population):
		return a, e + 2, true
	}
	return 0, 0, false
}

// insteadSpan returns the phrase after "rather than" or "instead of": the
// concept mentions that follow, with articles and verbs of taking before
// them ("rather than taking X").
func (t *Tagger) insteadSpan(s *scratch, a, to int) (int, int) {
	b := a
	for b < to {
		if e := t.relationNounBefore(s, b, to); e > b && (b == a || s.tokMent[b-1] < 0) {
			b = e // "a marker of W rather than a cause of Y": the relation set aside with its concept
			continue
		}
		if !(s.tokMent[b] >= 0 || t.hasClass(s.toks[b], clsArticle) || t.hasClass2(s.toks[b], cl2InsteadFiller) ||
			(t.hasClass(s.toks[b], clsLess|clsAdjective|clsComparative) || t.edForm(s, int32(b))) && b+1 < to && s.tokMent[b+1] >= 0) {
			break
		}
		// ("rather than poor sleep", "rather than increased permeability")
		if b > a && s.toks[b].flags&flagClause != 0 {
			break
		}
		b++
	}
	return a, b
}

// relationNounBefore returns the end of a cue of relation that starts at
// token k and ends in "of" or another preposition right before a concept
// ("cause of Y", "trigger for Y"), or is an -ing form right before it
// ("lowering Y"), with no clause break in it, else -1. Not a noun of help
// ("an adjunct rather than a treatment for Y" says X helps), and not
// when "rather than" opens the sentence.
func (t *Tagger) relationNounBefore(s *scratch, k, to int) int {
	for _, h := range s.cueHits {
		if int(h.tok) != k || h.bits&(cueInc|cueDec|cueAssoc) == 0 || h.bits&(cueHelp|cueHarm) != 0 || int(h.end) >= to || s.tokMent[h.end] < 0 ||
			k < 3 || s.tokSent[k-3] != s.tokSent[k] || // ("Rather than reducing Y, X made it worse": fronted, read elsewhere)
			!t.hasClass2(s.toks[h.end-1], cl2PairOf|cl2PairObjectPrep) && !(h.end-h.tok == 1 && t.ingForm(s, h.tok)) {
			continue
		}
		for j := h.tok + 1; j <= h.end; j++ {
			if s.toks[j].flags&(flagHard|flagClause) != 0 {
				return -1
			}
		}
		return int(h.end)
	}
	return -1
}

// Outcomes of setAside.
const (
	asideNone     = iota // the phrase names no concept
	asideAffirmed        // concepts of two kinds remain related
	asideDenies          // what the phrase names was the only relation
)

// setAside looks at the concepts of the sentence ending before token to
// whose mentions start in tokens [a, b), set aside by "not" or "rather
// than", and at the others.
func (t *Tagger) setAside(s *scratch, a, b, to, firstMent int) int {
	var rest [3]bool
	aside := false
	for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
		m := s.ments[j]
		k := t.concepts[m.concept].kind
		if int(m.tokStart) >= a && int(m.tokStart) < b {
			aside = true
			continue
		}
		if k >= 0 {
			rest[k] = true
		}
	}
	n := 0
	for _, r := range rest {
		if r {
			n++
		}
	}
	switch {
	case !aside:
		return asideNone
	case n >= 2:
		return asideAffirmed
	}
	return asideDenies
}

// reaffirmed reports whether a clause after the one of hits[i], opened by
// "but" or "yet", states a relation again without naming any concept, an
// object of its own or a negation: "X isn't a miracle cure for Y, but it
// may help" affirms what it qualifies.
func (t *Tagger) reaffirmed(s *scratch, hits []cueHit, i, to, firstMent int) bool {
	const relBits = cueInc | cueDec | cueAssoc | cueCompar
	c := 0
	for c+1 < len(s.segs) && int(s.segs[c+1]) <= int(hits[i].tok) {
		c++
	}
	for c++; c+1 < len(s.segs); c++ {
		a, b := int(s.segs[c]), int(s.segs[c+1])
		rel, opened := false, false
		relEnd := -1
		for _, g := range hits[i+1:] {
			if int(g.tok) < a || int(g.tok) >= b {
				continue
			}
			if int(g.tok) == a && g.bits&cueContrast != 0 {
				opened = true
			}
			if g.bits&(cueNeg|cueNegRel) != 0 {
				return false
			}
			if g.bits&relBits != 0 {
				rel, relEnd = true, int(g.end)
			}
		}
		if !opened || !rel {
			continue
		}
		if t.objectAfter(s, relEnd, b) {
			// "X did not change Y but reduced itching": the clause
			// relates another outcome, outside the taxonomy.
			return false
		}
		for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
			if k := int(s.ments[j].tokStart); k >= a && k < b {
				return false
			}
		}
		return true
	}
	return false
}

// objectAfter reports whether a relation verb ending at token k, before
// the end b of its clause, has an object of its own: a word right after
// it that is no pronoun, quantifier, person or modal ("reduced itching",
// "reduced the itch"; not "may help", "may help some people").
func (t *Tagger) objectAfter(s *scratch, k, b int) bool {
	if k < 0 || k >= b || k >= len(s.toks) {
		return false
	}
	tk := s.toks[k]
	if tk.flags&(flagHard|flagClause) != 0 || tk.flags&flagLetter == 0 {
		return false
	}
	if t.hasClass(tk, clsDeterminer) {
		// "reduced the itch", "eased the urge to scratch": a noun after
		// the determiner is an object ("helped the patients" is none)
		j := k + 1
		return j < b && s.toks[j].flags&(flagHard|flagClause) == 0 && s.toks[j].flags&flagLetter != 0 &&
			!t.hasClass2(s.toks[j], cl2Pronoun|cl2Population|cl2Modal|cl2Measure) && !t.hasClass(s.toks[j], clsDeterminer) // ("reduce the severity": the condition's own)
	}
	if t.hasClass2(tk, cl2Pronoun|cl2Population|cl2Modal) {
		return false
	}
	if j := k + 1; j < b && s.toks[j].flags&(flagHard|flagClause) == 0 && t.hasClass2(s.toks[j], cl2Population) {
		return false // "may help some people"
	}
	return !t.ending(s, int32(k), t.adverbEnd)
}

// bareDenial reports whether negator h denies a phrase that names no
// concept, closed by a comma and a conjunction that open a clause with a
// subject of its own ("We found no evidence of harm, and X reduced Y").
func (t *Tagger) bareDenial(s *scratch, hits []cueHit, h cueHit, to int) bool {
	toks := s.toks
	for k := int(h.end); k < to; k++ {
		if s.tokMent[k] >= 0 {
			return false
		}
		if toks[k].flags&flagClause != 0 {
			if !t.hasClass(toks[k], clsConj) || k+1 >= to {
				return false
			}
			for j := k + 1; j < to && j < k+4; j++ {
				if m := s.tokMent[j]; m >= 0 {
					e := int32(s.ments[m].tokEnd)
					for _, g := range hits {
						if g.tok >= e && g.tok < e+3 && g.bits&relationBits != 0 {
							return true
						}
					}
					return false
				}
			}
			return false
		}
	}
	return false
}

// attributiveDenial reports whether denial h is a one-word participle
// before a noun ("than unaffected skin", "for unrelated infections"): an
// adjective that says which thing is meant, no denial of a relation.
func (t *Tagger) attributiveDenial(s *scratch, h cueHit, to int) bool {
	toks := s.toks
	k := h.end
	if h.end-h.tok != 1 || h.bits&cueNegRel == 0 || !t.edForm(s, h.tok) || int(k) >= to ||
		toks[k].flags&(flagHard|flagClause|flagDigit) != 0 || toks[k].flags&flagLetter == 0 {
		return false
	}
	if s.tokMent[k] >= 0 {
		return true // "unaffected skin"
	}
	return !t.onCue(s.cueHits, k) && !t.hasClass(toks[k], clsConj|clsArticle|clsDeterminer|clsCopula) &&
		!t.hasClass2(toks[k], cl2PairOf|cl2PairObjectPrep|cl2PairCausePrep|cl2PairBy|cl2FindingPrep|cl2Relative|cl2Modal|cl2Than|cl2PassiveAux) &&
		!t.ending(s, k, t.adverbEnd)
}

// qualifiedAssociation reports whether denial hits[i] says of an
// association named before it that it does not depend on something outside
// the taxonomy ("the association between X and Y was independent of body
// mass index"): the denial ends in a preposition, no concept follows it in
// its clause, and a noun of association comes before it. The association
// stands.
func (t *Tagger) qualifiedAssociation(s *scratch, hits []cueHit, i, to int) bool {
	toks := s.toks
	h := hits[i]
	if h.bits&cueNegRel == 0 || h.end-h.tok < 2 || !t.hasClass2(toks[h.end-1], cl2PairOf|cl2PairObjectPrep) {
		return false
	}
	for k := int(h.end); k < to && toks[k].flags&flagClause == 0; k++ {
		if s.tokMent[k] >= 0 {
			return false
		}
	}
	for _, g := range hits[:i] {
		if g.bits&cueAssoc != 0 && g.bits&(cueInc|cueDec|cueNeg|cueNegRel) == 0 && t.nounEnding(s.text[toks[g.tok].start:toks[g.end-1].end]) {
			return true
		}
	}
	return false
}

// describesPopulation reports whether negator h stands in a relative
// clause about people or animals ("in patients who had not responded to
// X", "mice that did not receive X"): it says who they are, and denies no
// relation of the sentence.
func (t *Tagger) describesPopulation(s *scratch, h cueHit, from int) bool {
	toks := s.toks
	for k := int(h.tok) - 1; k > from && k >= int(h.tok)-3; k-- {
		if t.hasClass2(toks[k], cl2Relative) {
			return t.hasClass2(toks[k-1], cl2Population)
		}
		if !t.hasClass2(toks[k], cl2Modal|cl2Have|cl2PassiveAux) && !t.onCueBits(s.cueHits, int32(k), cueVerb) {
			return false
		}
	}
	return false
}

// givenUnitAfter reports whether a mention of an intervention given to
// people starts within four tokens after token a ("... in the X group",
// "... given X").
func (t *Tagger) givenUnitAfter(s *scratch, a int32, to int) bool {
	toks := s.toks
	for k := int(a); k < to && k < int(a)+4; k++ {
		if m := s.tokMent[k]; m >= 0 {
			if t.concepts[s.ments[m].concept].kind != kindIntervention {
				return false
			}
			e := int(s.ments[m].tokEnd)
			j := k - 1
			if j > 0 && t.hasClass(toks[j], clsArticle) {
				j--
			}
			// "given X", "on (the) X", "the X group"
			return j >= 0 && t.hasClass2(toks[j], cl2Exposure|cl2PairObjectPrep) || e < to && t.hasClass2(toks[e], cl2Arm)
		}
	}
	return false
}

// mythHeading returns the token after the colon of a heading that opens
// the sentence of tokens [from, to) with a word that reverses what
// follows ("Myth 2: greasy food gives you acne"), or -1.
func (t *Tagger) mythHeading(s *scratch, text string, from, to int) int32 {
	toks := s.toks
	if to-from < 3 || !t.hasClass(toks[from], clsMythHeading) {
		return -1
	}
	k := int32(from) + 1
	if toks[k].flags&flagDigit != 0 && toks[k].flags&flagHard == 0 {
		k++ // "Myth 2:"
	}
	if int(k) >= to || !strings.Contains(text[toks[k-1].end:toks[k].start], ":") {
		return -1
	}
	return k
}

// emptyDenialPhrase reports whether denial h is a noun ("the lack of any
// effect on sensitisation") whose phrase names no concept before the verb
// it is the subject of ("... suggests that X acts on Z"): it denies
// nothing the claim relates.
func (t *Tagger) emptyDenialPhrase(s *scratch, hits []cueHit, h cueHit, from, to int) bool {
	toks := s.toks
	if int(h.tok) <= from || !t.hasClass(toks[h.tok-1], clsArticle) {
		return false
	}
	for _, g := range hits {
		if g.tok < h.end || int(g.tok) >= to {
			continue
		}
		if g.bits&(cueHedge|cueFinding|cueVerb) == 0 {
			continue
		}
		for k := h.end; k < g.tok; k++ {
			if s.tokMent[k] >= 0 {
				return false
			}
		}
		return true
	}
	return false
}

// retractedSignificance reports whether negator hits[i] denies the
// significance of a change named before it, in a clause of its own whose
// subject is that change and no concept ("X lowered Y, but the difference
// was not significant", "..., a difference that was not statistically
// significant", "but the change did not reach significance", "although
// this was not significant"), or a denied verb of confirming said of the
// claim before (retractedByConfirming: "..., but studies have not
// confirmed this"): the result before it is denied ("no significant
// difference", GUIDELINES).
func (t *Tagger) retractedSignificance(s *scratch, hits []cueHit, i, from int) bool {
	h := hits[i]
	if h.bits&(cueNeg|cueNegRel) == 0 || h.bits&cuePseudo != 0 {
		return false
	}
	sig := false
	if h.end-h.tok >= 2 {
		// "not significant": a denial phrase that ends with a word of
		// significance
		if c, _ := t.cues.longest(s.toks, int(h.end)-1, int(h.end), nil); c >= 0 && t.cueBits[c]&cueSignif != 0 {
			sig = true
		}
	}
	for _, g := range hits[i+1:] {
		if g.tok > h.end+2 {
			break
		}
		sig = sig || g.bits&cueSignif != 0
	}
	if !sig {
		return t.retractedByConfirming(s, h, from) || t.retractedByLackOfEvidence(s, h, from)
	}
	sa, _ := segment(s, h.tok)
	for k := h.tok; k > sa && k > int32(from); k-- {
		if s.toks[k].flags&flagClause != 0 && !t.hasClass2(s.toks[k], cl2Relative) {
			sa = k // "..., a difference that was not significant": an appositive of its own
			break
		}
	}
	if int(sa) <= from {
		return false
	}
	change := false
	for k := sa; k < h.tok; k++ {
		if s.tokMent[k] >= 0 {
			return false
		}
		change = change || t.onCue(hits, k) || t.hasClass3(s.toks[k], cl3ResultNoun) // "the difference", "the change", "this reduction", "a trend"
		// ("..., although this (it) was not significant": a pronoun for the result)
		change = change || k > sa && t.hasClass2(s.toks[k], cl2Anaphora|cl2Pronoun) && (k+1 == h.tok || t.hasClass(s.toks[k+1], clsCopula))
	}
	if !change && h.tok == sa {
		// "..., but neither difference reached significance": the negator
		// opens the clause and the result's noun follows it
		for k := h.end; k < h.end+2 && int(k) < len(s.toks) && s.tokMent[k] < 0 && s.toks[k].flags&flagHard == 0; k++ {
			if t.hasClass3(s.toks[k], cl3ResultNoun) || t.onCue(hits, k) && !t.onCueBits(hits, k, cueSignif) {
				return true
			}
		}
	}
	return change
}

// retractedByLackOfEvidence reports whether negator hit h denies the
// evidence for what a pronoun does, in a clause of contrast after the
// first that names no concept ("X is sold for Y, but there is no good
// evidence that it helps"): the claim before is denied.
func (t *Tagger) retractedByLackOfEvidence(s *scratch, h cueHit, from int) bool {
	toks := s.toks
	sa, sb := segment(s, h.tok)
	if int(sa) <= from || !t.onCueBits(s.cueHits, sa, cueContrast|cueClauseBreak) {
		return false
	}
	evidence := false
	for k := sa; k < sb; k++ {
		if s.tokMent[k] >= 0 {
			return false
		}
		evidence = evidence || k >= h.tok && k <= h.end && t.hasClass3(toks[k], cl3EvidenceNoun)
	}
	if !evidence {
		return false
	}
	// "that" (or nothing), a pronoun, maybe a modal, and a verb of help
	k := h.end
	if int(k) < int(sb) && t.hasClass4(toks[k], cl4EvidenceComplement) {
		k++
	}
	if int(k) >= int(sb) || !t.hasClass2(toks[k], cl2Pronoun) {
		return false
	}
	for n := k + 1; n < sb && n <= k+3; n++ {
		if t.onCueBits(s.cueHits, n, cueDec|cueInc) {
			// the verb ends the clause ("that they help"; not "that they
			// prevent food allergy": an object of its own)
			return n+1 >= sb || toks[n+1].flags&flagHard != 0
		}
		if !t.hasClass2(toks[n], cl2Modal) && !t.ending(s, n, t.adverbEnd) {
			return false
		}
	}
	return false
}

// retractedByConfirming reports whether negator hit h opens a denied verb
// of confirming in a clause of contrast after the first that names no
// concept, with "this" or "it" for the claim before: as the verb's
// subject, maybe with a place after the verb ("X causes Y, but this has
// not been confirmed (in a larger trial)"), or
// as its object with studies or evidence as the subject ("..., but
// studies have not confirmed this (borne this out)"). The claim before is
// denied, as "the evidence behind it is thin" denies it; "it was not
// confirmed whether ..." and "parents could not confirm it" do not.
func (t *Tagger) retractedByConfirming(s *scratch, h cueHit, from int) bool {
	toks := s.toks
	v := int32(-1)
	for k := h.tok + 1; int(k) < len(toks) && k < h.end+6 && s.tokSent[k] == s.tokSent[h.tok] && toks[k].flags&flagHard == 0; k++ {
		if t.hasClass3(toks[k], cl3Confirming) {
			v = k
			break
		}
	}
	if v < 0 {
		return false
	}
	sa, sb := segment(s, h.tok)
	if int(sa) <= from || !t.onCueBits(s.cueHits, sa, cueContrast|cueClauseBreak) {
		return false
	}
	for k := sa; k < sb; k++ {
		if s.tokMent[k] >= 0 {
			return false // (a concept of its own: "but studies have not confirmed that X lowers Z")
		}
	}
	// what follows the verb: nothing, a particle, or the reference and a particle
	e := v + 1
	obj := e < sb && t.hasClass2(toks[e], cl2Anaphora) && toks[e].flags&flagHard == 0
	if obj {
		e++
	} else if e+1 < sb && t.hasClass(toks[e], clsArticle) && t.hasClass3(toks[e+1], cl3ClaimNoun) && s.tokMent[e+1] < 0 &&
		toks[e+1].flags&flagHard == 0 {
		obj, e = true, e+2 // "failed to confirm the benefit"
	}
	for e < sb && e <= v+3 && toks[e].flags&flagHard == 0 && !t.hasClass2(toks[e], cl2Whether|cl2Relative) && s.tokMent[e] < 0 &&
		!t.onCue(s.cueHits, e) && (t.hasClass(toks[e], clsAvoidParticle) || t.hasClass3(toks[e], cl3PlainAdverb)) {
		e++ // "borne this out", "confirmed this yet"
	}
	if e < sb && toks[e].flags&flagHard == 0 && (obj || e == v+1 && t.hasClass2(toks[e], cl2Whether|cl2Relative) ||
		!t.hasClass2(toks[e], cl2FindingPrep|cl2PairBy|cl2PairObjectPrep|cl2PairCausePrep)) {
		// ("it was not confirmed whether ...", "did not verify it for every
		// sample"; "this was not confirmed in a larger trial" still denies)
		return false
	}
	if obj {
		for k := sa + 1; k < v; k++ {
			if t.hasClass3(toks[k], cl3StudyNoun|cl3EvidenceNoun) {
				return true // "studies have not confirmed this", "no controlled trial has confirmed this"
			}
		}
		return false
	}
	for k := sa + 1; k < h.tok; k++ {
		if t.hasClass2(toks[k], cl2Anaphora) && (k+1 == h.tok || t.hasClass(toks[k+1], clsCopula) || t.hasClass2(toks[k+1], cl2Have|cl2PassiveAux|cl2Modal)) {
			return true // "this has not been confirmed"
		}
	}
	return false
}

// relativeAside returns the tokens [a, b) of a relative clause on a
// subject, between commas, that starts within five tokens after token k
// ("Nor was faecal butyrate, which was lower in patients, related to
// Y"): a is the relative pronoun, b the token after the closing comma;
// else {-1, -1}.
func (t *Tagger) relativeAside(s *scratch, k, to int) [2]int {
	toks := s.toks
	for a := k; a < to && a <= k+5; a++ {
		if toks[a].flags&flagHard != 0 && toks[a].flags&flagClause == 0 {
			break
		}
		if toks[a].flags&flagClause == 0 {
			continue
		}
		if !t.hasClass2(toks[a], cl2Relative) || t.hasClass2(toks[a], cl2Whether) || strings.IndexByte(s.text[toks[a-1].end:toks[a].start], ',') < 0 {
			break
		}
		for b := a + 1; b < to && b <= a+14; b++ {
			if toks[b].flags&flagClause != 0 {
				if strings.IndexByte(s.text[toks[b-1].end:toks[b].start], ',') < 0 {
					break
				}
				return [2]int{a, b}
			}
			if toks[b].flags&flagHard != 0 {
				break
			}
		}
		break
	}
	return [2]int{-1, -1}
}
