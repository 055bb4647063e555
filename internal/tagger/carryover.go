package tagger

import (
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
)

// deniedContrastOutcomes reads a denied clause after a contrast that names
// outcomes but no cause of its own: "X lowered Y, whereas Z did not
// change", "X eased Y but did not improve Z", "X helps Y, but there is no
// good evidence that it calms Z", "Y fell with X, but Z did not". The
// clause speaks of the one intervention whose pairs stand before the
// contrast, so each new outcome Z gets X > Z no_effect, denied. A pair the
// rules read from an outcome before the contrast to Z ("Y > Z no_effect")
// takes X as its subject instead. It runs after the pair rules, on what
// they found, whatever the clause's wording; it leaves the clause alone
// when it holds an intervention or a cause of its own (a pair between two
// of its concepts), asks an open question, calls for studies or describes
// a method ("whether this helps Z is unknown", "trials are needed before
// it can be recommended for Z", "Z was not measured"), or when the pairs
// before the contrast have several intervention subjects or none.
func (t *Tagger) deniedContrastOutcomes(s *scratch, hits []cueHit, rels []lumen.Relation, from, to, firstMent int) []lumen.Relation {
	c, open := t.contrastClauseStart(s, hits, from, to)
	if c < 0 {
		return rels
	}
	end := int32(to)
	for _, h := range hits {
		if h.tok >= open && h.tok < end && h.bits&cueClauseBreak != 0 && s.toks[h.tok].flags&flagClause != 0 {
			end = h.tok // the next clause of contrast ends this one (the hits need not be in order)
		}
	}
	denied := false
	for _, h := range hits {
		if h.tok < open || h.tok >= end {
			continue
		}
		if h.bits&(cueOpen|cueAim|cueMethod|cueFlip) != 0 {
			return rels // "whether it helps Z is unknown", "Z was not measured"
		}
		denied = denied || h.bits&(cueNeg|cueNegRel|cueNegLong) != 0 && h.bits&cuePseudo == 0
	}
	if !denied {
		return rels
	}
	// The clause states a relation: a verb or noun of change, association
	// or no effect, or it ends in an auxiliary that stands for the verb
	// before ("but Z did not"); "but it won't replace Y" states none.
	last := s.toks[end-1]
	if !slices.ContainsFunc(hits, func(h cueHit) bool {
		return h.tok >= open && h.tok < end && h.bits&(cueInc|cueDec|cueAssoc|cueNegRel) != 0
	}) && !t.hasClass2(last, cl2EllipsisAux|cl2EllipsisNot) {
		return rels
	}
	// "Y correlated with X but not with Z": the ellipsis speaks of the
	// sentence's first concept, which must then be the subject (below).
	ellipsis := open < end && t.hasClass2(s.toks[open], cl2EllipsisNot)
	changed, negSeen := false, false
	for k := open; k < end; k++ {
		tk := s.toks[k]
		if t.hasClass3(tk, cl3CalledFor|cl3PlaceboWord) || t.hasClass2(tk, cl2Whether) {
			return rels // "trials are needed before it can be recommended for Z", "whether", "whereas placebo did not lower Z" (an arm of its own)
		}
		if negSeen && !changed && t.hasClass3(tk, cl3Measuring) {
			// "but neither measured Z", "whereas Z was not assessed" (not
			// "improved Z as measured by"): nothing was found about Z, so
			// no denied pair reaches it from before the contrast
			return t.unmeasured(s, rels, c, open, end, from, to, firstMent)
		}
		if k == open+1 && t.hasClass2(s.toks[open], cl2Anaphora) && !t.verbLike(s, k) &&
			slices.ContainsFunc(hits, func(h cueHit) bool { return h.tok > k && h.tok < end && h.bits&cueAssoc != 0 }) {
			return rels // "but these changes did not correlate with Z": the changes', not the intervention's
		}
		changed = changed || slices.ContainsFunc(hits, func(h cueHit) bool {
			// a verb of change or association, plain or denied ("did not
			// reduce"); a one-word denial ("neither") is no verb
			return k >= h.tok && k < h.end && (h.bits&(cueInc|cueDec|cueAssoc) != 0 || h.bits&cueNegRel != 0 && h.end-h.tok > 1)
		})
		negSeen = negSeen || t.onCueBits(hits, k, cueNeg|cueNegRel|cueNegLong)
	}
	// The concepts before the contrast and in the clause; the clause must
	// name no intervention.
	var before, inside []string
	for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
		m := s.ments[j]
		if m.dropped || m.concept < 0 || int(m.tokStart) < from {
			continue
		}
		id := t.concepts[m.concept].id
		switch {
		case m.tokEnd <= c:
			if !slices.Contains(before, id) {
				before = append(before, id)
			}
		case m.tokStart >= open && m.tokStart < end:
			if t.concepts[m.concept].kind == kindIntervention {
				return rels
			}
			if t.hasClass(s.toks[m.tokStart], clsNegWord) || m.tokStart > 0 && t.hasClass(s.toks[m.tokStart-1], clsNegWord) && s.text[s.toks[m.tokStart-1].end:s.toks[m.tokStart].start] == "-" {
				continue // "non-inflammatory lesions": no mention of Z to deny
			}
			if !slices.Contains(inside, id) {
				inside = append(inside, id)
			}
		}
	}
	if len(inside) == 0 {
		return rels
	}
	// The one intervention whose pairs stand before the contrast.
	subj := ""
	for _, r := range rels {
		if !slices.Contains(before, r.Subject) || !slices.Contains(before, r.Object) || t.kindOf(r.Subject) != kindIntervention {
			continue
		}
		if subj != "" && subj != r.Subject {
			return rels
		}
		subj = r.Subject
	}
	if subj == "" || ellipsis && before[0] != subj {
		return rels
	}
	hedged := slices.ContainsFunc(hits, func(h cueHit) bool { return h.tok >= open && h.tok < end && h.bits&cueHedge != 0 })
	for _, z := range inside {
		if slices.Contains(before, z) || slices.ContainsFunc(inside, func(o string) bool { return t.broaderOf(o) == z }) || slices.ContainsFunc(rels, func(r lumen.Relation) bool {
			// already paired with the subject, or with a concept of its
			// own clause (the clause has a cause of its own)
			other, ok := partner(r, z)
			return ok && (other == subj || slices.Contains(inside, other))
		}) {
			continue
		}
		// "Y fell with X, but Z did not" read as Y > Z: the subject is X's
		moved := false
		for i, r := range rels {
			if r.Object == z && r.Negated && slices.Contains(before, r.Subject) && t.kindOf(r.Subject) != kindIntervention {
				rels[i].Subject, rels[i].Effect = subj, lumen.RelationNoEffect
				moved = true
				break
			}
		}
		if !moved {
			rels = append(rels, lumen.Relation{Subject: subj, Object: z, Effect: lumen.RelationNoEffect, Negated: true, Hedged: hedged})
		}
	}
	return rels
}

// contrastClauseStart finds the second clause of a sentence in [from,
// to): after the first word of contrast ("whereas", "but", "although")
// that follows a comma, or after a semicolon if that comes first. It
// returns the token the first clause ends before (the word of contrast, or
// the first word after the semicolon) and the clause's first token; -1, -1
// if there is none. A word that sets a concept aside ("unlike") opens none.
func (t *Tagger) contrastClauseStart(s *scratch, hits []cueHit, from, to int) (cut, open int32) {
	cut = -1
	for _, h := range hits {
		if int(h.tok) > from && int(h.tok) < to && h.bits&cueClauseBreak != 0 && h.bits&cueInstead == 0 && s.toks[h.tok].flags&flagClause != 0 {
			cut = h.tok
			break
		}
	}
	depth := 0 // brackets open before token k: "(RR 0.5; 95% CI ...)" opens no clause
	for k := int32(from) + 1; int(k) < to && (cut < 0 || k < cut); k++ {
		gap := s.text[s.toks[k-1].end:s.toks[k].start]
		depth += strings.Count(gap, "(") + strings.Count(gap, "[") - strings.Count(gap, ")") - strings.Count(gap, "]")
		if depth <= 0 && s.toks[k].flags&flagClause != 0 && strings.Contains(gap, ";") {
			return k, k // "X eased Y; Z did not improve"
		}
	}
	if cut < 0 {
		return -1, -1
	}
	return cut, cut + 1
}

// sameKindPairs drops the pairs between two conditions and between two
// interventions: a claim relates an exposure to an outcome, and lists or
// arms of one kind ("AD and psoriasis", "X alongside Y") give such pairs by
// mistake (in the labelled sets, 1 of about 9,500 pairs joins two
// conditions and 16 two interventions, nearly all with the also-outcome
// concept as the object, which stays). A claim whose pairs all join one
// kind keeps them.
func (t *Tagger) sameKindPairs(rels []lumen.Relation) []lumen.Relation {
	same := func(r lumen.Relation) bool {
		ks, ko := t.kindOf(r.Subject), t.kindOf(r.Object)
		switch {
		case ks != ko:
			return false
		case ks == kindCondition:
			return true
		}
		return ks == kindIntervention && (t.alsoOutcome < 0 || t.concepts[t.alsoOutcome].id != r.Object)
	}
	if !slices.ContainsFunc(rels, func(r lumen.Relation) bool { return !same(r) }) {
		return rels // every pair joins one kind: keep them rather than leave the claim without pairs
	}
	return slices.DeleteFunc(rels, same)
}

// partner returns the other end of relation r when id is one of its ends.
func partner(r lumen.Relation, id string) (string, bool) {
	switch id {
	case r.Subject:
		return r.Object, true
	case r.Object:
		return r.Subject, true
	}
	return "", false
}

// verbLike reports whether token k is a copula, a modal, an auxiliary, a
// form of "have" or a negator ("it has", "these were", "they may", "it
// did not"): no noun after an anaphor.
func (t *Tagger) verbLike(s *scratch, k int32) bool {
	tk := s.toks[k]
	return t.hasClass(tk, clsCopula) || t.hasClass2(tk, cl2Modal|cl2EllipsisAux|cl2Have|cl2EllipsisNot)
}

// unmeasured drops the denied pairs from a concept before token c to one
// named only in the clause [open, end) that says it was not measured.
func (t *Tagger) unmeasured(s *scratch, rels []lumen.Relation, c, open, end int32, from, to, firstMent int) []lumen.Relation {
	where := func(id string) (before, inside bool) {
		for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
			m := s.ments[j]
			if m.dropped || m.concept < 0 || int(m.tokStart) < from || t.concepts[m.concept].id != id {
				continue
			}
			before = before || m.tokEnd <= c
			inside = inside || m.tokStart >= open && m.tokStart < end
		}
		return before, inside
	}
	return slices.DeleteFunc(rels, func(r lumen.Relation) bool {
		if !r.Negated {
			return false
		}
		sb, _ := where(r.Subject)
		ob, oi := where(r.Object)
		return sb && oi && !ob
	})
}

// broaderOf returns the id of the concept's broader concept, "" if none
// ("the diversity of the gut microbiota did not change" is about the
// diversity).
func (t *Tagger) broaderOf(id string) string {
	if c, ok := t.byID[id]; ok {
		return t.concepts[c].broader
	}
	return ""
}

// kindOf returns the kind of the concept with this id, -1 if unknown.
func (t *Tagger) kindOf(id string) int8 {
	if c, ok := t.byID[id]; ok {
		return t.concepts[c].kind
	}
	return -1
}
