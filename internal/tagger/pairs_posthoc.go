package tagger

import (
	"iter"
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
)

// deniedContrastOutcomes reads each denied clause after a contrast or a
// semicolon that names outcomes but no cause of its own: "X lowered Y,
// whereas Z did not change", "X eased Y but did not improve Z", "X helps
// Y, but there is no good evidence that it calms Z", "Y fell with X, but
// Z did not", "X eased Y, but the evidence for X in Z is thin". The clause
// speaks of the one intervention whose pairs stand before it, so each new
// outcome Z gets X > Z no_effect, denied. A denied pair the rules read
// from an outcome before the clause to Z ("Y > Z no_effect") takes X as
// its subject instead, unless a pronoun after an association points back
// ("but Z was not related to them"). It runs after the pair rules, on what
// they found. It leaves the clause alone when the clause is not denied by
// its last word of relation, names an intervention other than X, the
// control group as subject or place, other people or baseline, has a
// cause of its own (a pair between two of its concepts), asks an open
// question, calls for studies, speaks of the change ("these changes did
// not correlate with Z") or describes a method ("Z was not measured": the
// rules' denied pairs to Z are dropped), or when the pairs before it have
// several intervention subjects or none (docs/ANNOTATION.md, rules r30 and
// r31).
func (t *Tagger) deniedContrastOutcomes(s *scratch, hits []cueHit, rels []lumen.Relation, from, to, firstMent int) []lumen.Relation {
	// Each clause after a contrast or a semicolon, up to the next one
	// ("X lowered Y; Z was unchanged; W did not improve").
	cuts := t.clauseCuts(s, hits, from, to)
	for i, b := range cuts {
		end := int32(to)
		if i+1 < len(cuts) {
			end = cuts[i+1].cut
		}
		rels = t.denyClause(s, hits, rels, b.cut, b.open, end, from, to, firstMent)
	}
	return rels
}

// denyClause reads the clause [open, end), which follows a contrast or a
// semicolon at token c (deniedContrastOutcomes).
func (t *Tagger) denyClause(s *scratch, hits []cueHit, rels []lumen.Relation, c, open, end int32, from, to, firstMent int) []lumen.Relation {
	if open >= end {
		return rels
	}
	for _, h := range hits {
		if h.tok >= open && h.tok < end && h.bits&(cueOpen|cueAim|cueMethod|cueFlip) != 0 {
			return rels // "whether it helps Z is unknown", "Z was not measured"
		}
	}
	// The clause's last word of relation (a verb or noun of change,
	// association or no effect) must be the denied one: a denial of its
	// own ("unchanged", "no association"), or a negator before it with no
	// comma between ("did not change", "there is no good evidence that it
	// calms Z"; not "Z, which had not responded, also improved"). Or the
	// clause ends in an auxiliary that stands for the verb before, with a
	// negator ("but Z did not"); "but it won't replace Y" states none.
	rel := -1
	for i, h := range hits {
		if h.tok >= open && h.tok < end && h.bits&(cueInc|cueDec|cueAssoc|cueNegRel) != 0 && (rel < 0 || h.tok > hits[rel].tok) {
			rel = i
		}
	}
	denied := false
	elided := false // "but Z did not": no verb of its own
	switch {
	case rel >= 0 && hits[rel].bits&cueNegRel != 0 && hits[rel].bits&cuePseudo == 0:
		denied = true
	case rel >= 0:
		for _, h := range hits {
			if h.tok < open || h.tok >= hits[rel].tok || h.bits&(cueNeg|cueNegRel|cueNegLong) == 0 || h.bits&cuePseudo != 0 {
				continue
			}
			clean := true
			for k := h.end; k <= hits[rel].tok; k++ {
				// a relative pronoun opens another clause, unless it follows
				// a noun of evidence ("no good evidence yet that it calms Z")
				relative := k < hits[rel].tok && t.hasClass2(s.toks[k], cl2Relative) &&
					!(k-1 >= h.tok && t.hasClass3(s.toks[k-1], cl3EvidenceNoun) || k-2 >= h.tok && t.hasClass3(s.toks[k-2], cl3EvidenceNoun))
				clean = clean && s.toks[k].flags&flagClause == 0 && !relative
			}
			denied = denied || clean
		}
	default:
		last := s.toks[end-1]
		elided = t.hasClass2(last, cl2EllipsisAux|cl2EllipsisNot)
		denied = elided && slices.ContainsFunc(hits, func(h cueHit) bool {
			return h.tok >= open && h.tok < end && h.bits&(cueNeg|cueNegLong) != 0 && h.bits&cuePseudo == 0
		})
	}
	// "but the evidence for X in Z is thin": a denial, not a hedge, when
	// the clause's last verb is not affirmed after it; X must be named
	// (or stand as a pronoun) in the noun's phrase when nothing else
	// denies (below)
	lackNoun, lackCop := t.lackingInClause(s, hits, open, end)
	lacking := lackNoun >= 0 && (rel < 0 || hits[rel].tok <= lackNoun || hits[rel].tok > lackCop || denied) // (the word of lack may be a cue itself: "thin")
	needX := !denied && lacking
	denied = denied || lacking
	if !denied {
		return rels
	}
	// "Y correlated with X but not with Z": the ellipsis speaks of the
	// sentence's first concept, which must then be the subject (below).
	ellipsis := open < end && t.hasClass2(s.toks[open], cl2EllipsisNot)
	for k := open; k < end; k++ {
		tk := s.toks[k]
		if t.hasClass3(tk, cl3CalledFor|cl3PlaceboWord) || t.hasClass2(tk, cl2Whether) {
			// "trials are needed before it can be recommended for Z",
			// "whether", "whereas placebo did not lower Z"
			return rels
		}
		if t.hasClass4(tk, cl4ControlWord) {
			// the control group as the clause's subject or where the
			// finding was ("whereas the control diet did not change Z",
			// "in controls", "in the control arm"), not what the
			// intervention was compared with ("compared with controls")
			j := k - 1
			for j >= open && t.hasClass(s.toks[j], clsArticle|clsDeterminer) {
				j--
			}
			if j < open || t.hasClass2(s.toks[j], cl2FindingPrep) {
				return rels
			}
		}
		if t.hasClass3(tk, cl3Baseline) && k > open && t.hasClass3(s.toks[k-1], cl3RiskPrep) {
			return rels // "no difference in Z at baseline" (not "did not change from baseline")
		}
		if t.hasClass2(tk, cl2FindingPrep) && t.peopleAfterPrep(s, k, end) {
			return rels // "but in children there was no difference in Z": other people
		}
		// a negation that starts right before the verb, or one word
		// before it and ends before it ("was not assessed", "neither
		// trial measured"; not "did not improve, as assessed")
		negAt := func(j int32) bool {
			return j >= open && slices.ContainsFunc(hits, func(h cueHit) bool {
				return h.tok == j && h.end <= k && h.bits&(cueNeg|cueNegRel|cueNegLong) != 0
			})
		}
		if t.hasClass4(tk, cl4Measuring) && (negAt(k-1) && (k+1 >= end || s.tokMent[k+1] < 0) || negAt(k-2) && !negAt(k-1)) {
			// "but neither measured Z", "neither trial measured Z",
			// "whereas Z was not assessed" (not "improved Z as measured
			// by", "neither Z nor measured CRP changed"): nothing was
			// found about Z, so no denied pair reaches it from before
			// the contrast
			return t.unmeasured(s, rels, c, open, end, from, to, firstMent)
		}
		assocAfter := func(k int32) bool {
			return slices.ContainsFunc(hits, func(h cueHit) bool { return h.tok > k && h.tok < end && h.bits&cueAssoc != 0 })
		}
		if k == open+1 && t.hasClass2(s.toks[open], cl2Anaphora) && !t.verbLike(s, k) && assocAfter(k) {
			return rels // "but these changes did not correlate with Z": the changes', not the intervention's
		}
		if k <= open+2 && s.tokMent[k] < 0 && (t.onCueBits(hits, k, cueInc|cueDec) && !t.onCueBits(hits, k, cueNeg|cueNegRel) || t.hasClass2(s.toks[k], cl2NeutralChange) || t.hasClass(s.toks[k], clsEffectNoun)) &&
			(k == open || t.hasClass(s.toks[k-1], clsArticle|clsDeterminer) || t.hasClass2(s.toks[k-1], cl2Anaphora)) && assocAfter(k) {
			return rels // "but the change (the rise) did not correlate with Z": the change's link
		}
	}
	// The concepts before the contrast and in the clause; the clause's
	// interventions are checked against X below.
	var before, inside, interventions []string
	for m := range t.claimMentions(s, from, to, firstMent) {
		id := t.concepts[m.concept].id
		switch {
		case m.tokEnd <= c:
			if !slices.Contains(before, id) {
				before = append(before, id)
			}
		case m.tokStart >= open && m.tokStart < end:
			if t.concepts[m.concept].kind == kindIntervention {
				interventions = append(interventions, id)
				continue
			}
			if t.hasClass(s.toks[m.tokStart], clsNegWord) || m.tokStart > 0 && t.hasClass(s.toks[m.tokStart-1], clsNegWord) && s.text[s.toks[m.tokStart-1].end:s.toks[m.tokStart].start] == "-" {
				continue // "non-inflammatory lesions": no mention of Z to deny
			}
			if m.tokStart >= 2 && t.hasClass3(s.toks[m.tokStart-1], cl3NumberArm) && t.hasClass2(s.toks[m.tokStart-2], cl2Population) {
				continue // "but patients with Z showed no such benefit": Z names the people
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
	if subj == "" || ellipsis && before[0] != subj || slices.ContainsFunc(interventions, func(id string) bool { return id != subj }) {
		return rels // (an intervention of its own: "whereas dietary fibre did not change Z"; X named again is X)
	}
	if needX && !t.namedBetween(s, subj, lackNoun, lackCop) && !slices.ContainsFunc(s.toks[lackNoun:lackCop], func(tk token) bool { return t.hasClass2(tk, cl2Anaphora) }) {
		return rels // "..., but data in Z are scarce": no relation of X's to deny
	}
	// a pronoun that ends the clause right after its word of association
	// points back before the contrast ("but Z was not related to them";
	// not "did not improve with them", "differ from those at entry")
	pronounObject := false
	if rel >= 0 && hits[rel].bits&(cueAssoc|cueNegRel) != 0 && !t.hasClass2(s.toks[hits[rel].end-1], cl2OutcomeVerb) && !slices.ContainsFunc(hits, func(h cueHit) bool {
		// no verb of change inside it ("did not improve with them")
		return h.bits&(cueInc|cueDec) != 0 && h.tok < hits[rel].end && h.end > hits[rel].tok
	}) {
		for k := hits[rel].end; k < end && k <= hits[rel].end+1; k++ {
			alone := k+1 >= end || s.toks[k+1].flags&(flagClause|flagHard) != 0
			pronounObject = pronounObject || t.hasClass2(s.toks[k], cl2Anaphora) && alone
		}
	}
	hedged := !lacking && slices.ContainsFunc(hits, func(h cueHit) bool { return h.tok >= open && h.tok < end && h.bits&cueHedge != 0 })
	for _, z := range inside {
		if slices.Contains(before, z) || slices.ContainsFunc(inside, func(o string) bool { return t.broaderOf(o) == z }) || slices.ContainsFunc(rels, func(r lumen.Relation) bool {
			// already paired with the subject, or with a concept of its
			// own clause (the clause has a cause of its own), or, when a
			// pronoun after the clause's verb points back, with a concept
			// before the contrast ("Probiotics lowered zonulin, but eczema
			// was not related to it": zonulin > eczema)
			other, ok := partner(r, z)
			return ok && (other == subj || slices.Contains(inside, other) || pronounObject && slices.Contains(before, other))
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

// clauseCut is where a clause opens: the first clause ends before token
// cut, and the new one starts at open (after a word of contrast, or at the
// first word after a semicolon, where cut == open).
type clauseCut struct{ cut, open int32 }

// clauseCuts returns, in order, the openings of the clauses of [from, to)
// after the first: at each word of contrast ("whereas", "but",
// "although") that follows a comma, and after each semicolon outside
// brackets ("(RR 0.5; 95% CI ...)" opens none). A word that sets a concept
// aside ("unlike") opens none.
func (t *Tagger) clauseCuts(s *scratch, hits []cueHit, from, to int) []clauseCut {
	var cuts []clauseCut
	depth := 0
	for k := int32(from) + 1; int(k) < to; k++ {
		gap := s.text[s.toks[k-1].end:s.toks[k].start]
		depth += strings.Count(gap, "(") + strings.Count(gap, "[") - strings.Count(gap, ")") - strings.Count(gap, "]")
		if s.toks[k].flags&flagClause == 0 {
			continue
		}
		switch {
		case depth <= 0 && strings.Contains(gap, ";"):
			cuts = append(cuts, clauseCut{k, k}) // "X eased Y; Z did not improve"
		case slices.ContainsFunc(hits, func(h cueHit) bool {
			return h.tok == k && h.bits&cueClauseBreak != 0 && h.bits&cueInstead == 0
		}):
			cuts = append(cuts, clauseCut{k, k + 1})
		}
	}
	return cuts
}

// sameKindPairs drops the pairs between two conditions and between two
// interventions when the claim has any other pair: a claim relates an
// exposure to an outcome, and lists or arms of one kind ("AD and
// psoriasis", "X alongside Y") give such pairs by mistake (in the labelled
// sets, 1 of about 9,500 pairs joins two conditions and 16 two
// interventions, nearly all with the also-outcome concept as the object,
// which stays). A claim whose pairs all join one kind keeps them.
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

// lackingInClause finds, in the clause [open, end), a noun of evidence
// whose predicate is a word of lack: a copula (maybe with adverbs) and the
// word, which ends its clause or is followed by a conjunction ("the
// evidence for X in Z is thin", "evidence in Z remains scarce"; not "data
// were missing for a third of them", "data showed a weak effect", "their
// data show that the skin is thin"). It returns the noun's and the
// copula's tokens, or -1, -1.
func (t *Tagger) lackingInClause(s *scratch, hits []cueHit, open, end int32) (noun, cop int32) {
	for n := open; n < end; n++ {
		if !t.hasClass3(s.toks[n], cl3EvidenceNoun) {
			continue
		}
		for k := n + 1; k < end; k++ {
			tk := s.toks[k]
			if tk.flags&(flagClause|flagHard) != 0 || slices.ContainsFunc(hits, func(h cueHit) bool {
				// a verb of its own after the noun ("data show that"); the
				// noun's own cue ("evidence for") is no verb
				return h.tok > n && k >= h.tok && k < h.end && h.bits&(cueFinding|cueInc|cueDec|cueAssoc) != 0
			}) {
				break
			}
			if !t.hasClass(tk, clsCopula) {
				continue
			}
			j := k + 1
			for j < end && (t.hasClass3(s.toks[j], cl3PlainAdverb) || t.ending(s, j, t.adverbEnd)) {
				j++
			}
			if j < end && t.hasClass3(s.toks[j], cl3LackingWord) &&
				(j+1 >= end || s.toks[j+1].flags&(flagClause|flagHard) != 0 || t.hasClass(s.toks[j+1], clsConj)) {
				return n, k
			}
			break
		}
	}
	return -1, -1
}

// namedBetween reports whether concept id has a mention that starts in
// tokens [a, b) and is not part of a longer word ("zinc-treated").
func (t *Tagger) namedBetween(s *scratch, id string, a, b int32) bool {
	for k := a; k < b; k++ {
		m := s.tokMent[k]
		if m < 0 || s.ments[m].dropped || s.ments[m].concept < 0 || s.ments[m].tokStart != k || t.concepts[s.ments[m].concept].id != id {
			continue
		}
		if e := s.ments[m].tokEnd; int(e) < len(s.toks) && s.text[s.toks[e-1].end:s.toks[e].start] == "-" {
			continue
		}
		return true
	}
	return false
}

// peopleAfterPrep reports whether people or animals follow the
// preposition at token k within three words before end, with no article,
// determiner or pronoun before them ("in children", "in TLR4-deficient
// mice"; not "in the treated patients", "in this cohort").
func (t *Tagger) peopleAfterPrep(s *scratch, k, end int32) bool {
	for j := k + 1; j < end && j <= k+3; j++ {
		tk := s.toks[j]
		if tk.flags&flagClause != 0 || t.hasClass(tk, clsArticle|clsDeterminer) || t.hasClass2(tk, cl2Anaphora) {
			return false // ("in the treated patients", "in this cohort": the study's own)
		}
		if t.hasClass2(tk, cl2Population) {
			return true
		}
	}
	return false
}

// claimMentions yields, in order, the live mentions of the claim (from
// firstMent on) that start in tokens [from, to).
func (t *Tagger) claimMentions(s *scratch, from, to, firstMent int) iter.Seq[*mention] {
	return func(yield func(*mention) bool) {
		for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
			if m := &s.ments[j]; !m.dropped && m.concept >= 0 && int(m.tokStart) >= from && !yield(m) {
				return
			}
		}
	}
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
		for m := range t.claimMentions(s, from, to, firstMent) {
			if t.concepts[m.concept].id != id {
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

// enteredAgents reads "X lets Y slip into the bloodstream and stir up Z"
// and "..., letting Y slip into the circulation, setting off Z": the
// concept Y that got into the circulation (a verb of motion, "into" and a
// circulation word; or "Y reaches the circulation") is the subject of the
// verb of change that comes right after the circulation word (after
// "and", "which", "then" or as a gerund), so a pair the rules read
// from a concept before Y to the concept Z that verb acts on takes Y as
// its subject (or goes, when Y > Z is there already); when no pair reads
// that verb, Y > Z is added with its direction, hedged as the pair that
// let Y in. Not read: Y let in without a verb of its own ("lets Y into
// the bloodstream and stirs up Z"), after "to" ("allowed Y to enter the
// circulation and worsened Z"), held back ("limited Y leakage into the
// blood"), fewer or less of it ("fewer toxins reached the blood"), at
// the end of a phrase ("produced by Y", "from Y"), in a relative clause
// set off by commas ("X, which lets Y into the blood, worsens Z"), or
// when the next verb does not agree with Y ("toxins slip into the
// bloodstream and is linked to Z", "... and worsens Z").
func (t *Tagger) enteredAgents(s *scratch, hits []cueHit, rels []lumen.Relation, from, to, firstMent int) []lumen.Relation {
	toks := s.toks
	for k := int32(from) + 1; int(k)+1 < to; k++ {
		if !t.hasClass4(toks[k], cl4EntryWord|cl4EntryVerb) {
			continue
		}
		// the circulation word within two words after the entry word
		// ("into the bloodstream", "reach the circulation")
		p := int32(-1)
		for j := k + 1; int(j) < to && j <= k+2; j++ {
			if t.hasClass(toks[j], clsCirculation|clsBloodWord) {
				p = j
				break
			}
			if !t.hasClass(toks[j], clsArticle|clsDeterminer) {
				break
			}
		}
		if p < 0 {
			continue
		}
		// Y: the nearest mention before the entry word, within six words
		// and no clause break, with a verb of motion between them unless
		// the entry word is a verb itself ("Y slip into", "Y reaches")
		var ym *mention
		for j := k - 1; j >= int32(from) && k-j <= 6; j-- {
			if m := s.tokMent[j]; m >= 0 && !s.ments[m].dropped && s.ments[m].concept >= 0 {
				ym = &s.ments[m]
				break
			}
			if toks[j].flags&flagClause != 0 {
				break
			}
		}
		if ym == nil || ym.tokEnd >= k && !t.hasClass4(toks[k], cl4EntryVerb) {
			continue
		}
		y, ya := t.concepts[ym.concept].id, ym.tokStart
		ends := false // Y ends a phrase: a preposition right before it or before its modifier
		for j := ya - 1; j >= int32(from) && j >= ya-2; j-- {
			ends = ends || t.hasClass2(toks[j], cl2PairBy|cl2PairOf|cl2PairObjectPrep|cl2FindingPrep) || t.hasClass3(toks[j], cl3SourcePrep)
		}
		if ends || ya > 0 && t.hasClass(toks[ya-1], clsLess) {
			continue // "produced by Y", "endotoxin from dysbiotic Y", "fewer Y reached the blood"
		}
		to2 := k - 1 // "to" before the entry word, past adverbs ("to pass directly into")
		for to2 > ya && (t.ending(s, to2, t.adverbEnd) || t.hasClass3(toks[to2], cl3PlainAdverb)) {
			to2--
		}
		if t.hasClass2(toks[to2], cl2PurposeTo) || to2 > ya && t.hasClass2(toks[to2-1], cl2PurposeTo) {
			continue // "allowed Y to enter the circulation and worsened Z": the allowing one's
		}
		// in a relative clause set off by commas ("X, which lets Y into
		// the bloodstream, worsens Z"), the next verb is X's
		relative := false
		for j := ya - 1; j > int32(from); j-- {
			if t.hasClass2(toks[j], cl2Relative) && toks[j].flags&flagClause != 0 {
				relative = true
				break
			}
			if toks[j].flags&flagClause != 0 {
				break
			}
		}
		if relative && int(p)+1 < to && toks[p+1].flags&flagClause != 0 {
			continue
		}
		// Y got in by itself or was let in ("lets Y into", "Y slips
		// into"), not held back ("limited Y leakage into the blood and
		// eased Z": the subject of the series eased Z)
		if slices.ContainsFunc(rels, func(q lumen.Relation) bool { return q.Object == y && q.Effect != lumen.RelationIncreases }) {
			continue
		}
		v := t.verbAfterCirculation(s, hits, p, int32(to))
		if v == nil {
			continue
		}
		// the verb agrees with Y: no copula or auxiliary ("and is linked
		// to Z"), and no third-person "-s" after a plural Y ("toxins ...
		// and worsens Z")
		if t.verbLike(s, v.tok) || t.ending(s, ym.tokEnd-1, t.pluralEnd) && t.ending(s, v.tok, t.pluralEnd) {
			continue
		}
		// Z: the first concept after the verb
		var zm *mention
		for m := range t.claimMentions(s, int(v.end), to, firstMent) {
			zm = m
			break
		}
		if zm == nil || zm.tokStart-v.end > 3 {
			continue
		}
		z := t.concepts[zm.concept].id
		if z == y {
			continue
		}
		firstAt := func(id string) int32 {
			for m := range t.claimMentions(s, from, to, firstMent) {
				if t.concepts[m.concept].id == id {
					return m.tokStart
				}
			}
			return -1
		}
		yz := slices.ContainsFunc(rels, func(q lumen.Relation) bool {
			return q.Subject == y && q.Object == z || q.Subject == z && q.Object == y
		})
		moved := false
		for i, r := range rels {
			if r.Object != z || r.Subject == y {
				continue
			}
			if sa := firstAt(r.Subject); sa < 0 || sa >= ya {
				continue
			}
			moved = true
			if yz {
				rels[i].Subject = "" // Y > Z is there already: the pair from before Y goes
				continue
			}
			rels[i].Subject, yz = y, true
		}
		rels = slices.DeleteFunc(rels, func(r lumen.Relation) bool { return r.Subject == "" })
		if moved || yz || slices.ContainsFunc(rels, func(q lumen.Relation) bool { return q.Object == z }) {
			continue
		}
		// No pair reads the verb: Y > Z with the verb's direction.
		good := t.concepts[zm.concept].beneficial
		up := v.bits&cueInc != 0 && !(v.bits&cueHarm != 0 && good) || v.bits&cueDec != 0 && v.bits&cueHelp != 0 && good
		effect := lumen.RelationDecreases
		if up {
			effect = lumen.RelationIncreases
		}
		hedged := slices.ContainsFunc(rels, func(q lumen.Relation) bool { return q.Object == y && q.Hedged })
		rels = append(rels, lumen.Relation{Subject: y, Object: z, Effect: effect, Hedged: hedged})
	}
	return rels
}

// verbAfterCirculation returns the verb of change that comes right after
// the circulation word at token p: next, or after a comma, "and",
// "which", "it" or "then" ("... into the bloodstream and stir up",
// ", setting off", ", which then sparks"), or nil when
// another word comes first (a clause with a subject of its own: "..., and
// antibiotics also worsen Z").
func (t *Tagger) verbAfterCirculation(s *scratch, hits []cueHit, p, to int32) *cueHit {
	for j := p + 1; j < to && j <= p+4; j++ {
		for hi := range hits {
			if h := &hits[hi]; h.tok == j && h.bits&(cueInc|cueDec|cueAssoc) != 0 && h.bits&(cueNeg|cueNegRel) == 0 {
				return h
			}
		}
		tk := s.toks[j]
		if s.tokMent[j] >= 0 || !(t.hasClass(tk, clsConj) || t.hasClass2(tk, cl2Relative|cl2Anaphora) || t.hasClass3(tk, cl3PlainAdverb) || t.hasClass3(tk, cl3PlacePrep)) {
			return nil
		}
	}
	return nil
}
