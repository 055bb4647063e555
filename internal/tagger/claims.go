package tagger

import (
	"slices"
	"strings"
	"unicode"

	"github.com/lumen-research/lumen"
)

// maxClaimBytes caps the length of a claim: a longer "sentence" is a table,
// a reference list or junk without full stops, not a statement a curator can
// check.
const maxClaimBytes = 2000

// titleWords: a sentence of at most this many words that names relations
// only with nouns and has no verb reads as a title.
const titleWords = 20

// negScope is how many words after a negator it can deny.
const negScope = 6

// cueHit is one cue phrase found in a sentence.
type cueHit struct {
	tok, end int32 // token range
	bits     uint32
}

// claims turns the sentences that relate concepts of two kinds by a stated
// relationship into claims.
func (t *Tagger) claims(s *scratch, text, evidence string) []lumen.Claim {
	var out []lumen.Claim
	section := ""
	mi := 0
	tk := 0
	for si, se := range s.sents {
		if se.label != "" {
			section = se.label
		}
		// Concepts mentioned in the sentence.
		s.set = s.set[:0]
		for mi < len(s.ments) && int(s.ments[mi].start) < se.start {
			mi++
		}
		var kinds [3]bool
		for j := mi; j < len(s.ments) && int(s.ments[j].start) < se.end; j++ {
			c := s.ments[j].concept
			if !slices.Contains(s.set, c) {
				s.set = append(s.set, c)
			}
			if k := t.concepts[c].kind; k >= 0 {
				kinds[k] = true
			}
		}
		// Tokens of the sentence.
		for tk < len(s.toks) && s.tokSent[tk] < int32(si) {
			tk++
		}
		te := tk
		for te < len(s.toks) && s.tokSent[te] == int32(si) {
			te++
		}
		nk := 0
		for _, k := range kinds {
			if k {
				nk++
			}
		}
		if nk >= 2 && se.end-se.start <= maxClaimBytes && !isQuestion(text[se.start:se.end]) {
			// A title or heading names topics with nouns ("Effects of X on
			// Y", "X and Y: the role of Z"); only a verb or an evaluative
			// word makes it a claim.
			title := se.heading || se.block == 0 && (si+1 < len(s.sents) && s.sents[si+1].block > 0) && (si == 0 || s.sents[si-1].block != 0)
			if c, ok := t.analyse(s, text, tk, te, mi, title); ok {
				c.Start, c.End = se.start, se.end
				c.Text = text[se.start:se.end]
				c.Evidence = evidence
				c.Section = section
				c.Concepts = make([]string, len(s.set))
				for i, id := range s.set {
					c.Concepts[i] = t.concepts[id].id
				}
				slices.Sort(c.Concepts)
				out = append(out, c)
			}
		}
		if se.heading && se.block > 0 {
			section = headingText(text[se.start:se.end])
		}
	}
	return out
}

// isQuestion reports whether a sentence ends with a question mark.
func isQuestion(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '”' || r == ')' || r == '*'
	})
	return strings.HasSuffix(s, "?")
}

// headingText cleans a heading for Claim.Section: no list number, bullet,
// markdown emphasis or final colon.
func headingText(h string) string {
	h = strings.TrimSpace(h)
	h = strings.TrimLeft(h, "0123456789.)•*#- \t")
	h = strings.TrimRight(h, ": \t*#")
	h = strings.Trim(h, "*")
	return strings.TrimSpace(h)
}

// analyse reads the cues of the sentence made of tokens [from, to) and
// decides whether it states a relationship, and how.
func (t *Tagger) analyse(s *scratch, text string, from, to, firstMent int, title bool) (lumen.Claim, bool) {
	toks := s.toks
	hits := s.cueHits[:0]
	for i := from; i < to; {
		node := int32(0)
		best, bestEnd := int32(-1), i
		for j := i; j < to; j++ {
			if j > i && toks[j].flags&flagHard != 0 {
				break
			}
			node = t.cues.next(node, toks[j].id)
			if node < 0 {
				break
			}
			if p := t.cues.payload[node]; p >= 0 {
				best, bestEnd = p, j+1
			}
		}
		if best < 0 {
			i++
			continue
		}
		hits = append(hits, cueHit{tok: int32(i), end: int32(bestEnd), bits: t.cueBits[best]})
		i = bestEnd
	}
	s.cueHits = hits

	const relBits = cueInc | cueDec | cueAssoc | cueCompar | cueNegRel | cueSimilar
	rel := false
	topicOnly, verb := false, false
	for _, h := range hits {
		if h.bits&(cueVerb|cueHedge|cueCould|cueNeg|cueNegRel|cueFinding|cueFound) != 0 ||
			h.bits&(cueInc|cueDec|cueAssoc) != 0 && h.bits&cueTopic == 0 {
			verb = true
		}
		if h.bits&cueTopic != 0 && !t.topicUsedAsVerb(s, h, from, to) {
			// "A role for SIBO in rosacea cannot be ruled out": a role
			// named as a topic, stated by a verb.
			if !title && h.bits&(relBits|cueRole) != 0 {
				topicOnly = true
			}
			continue
		}
		if h.bits&relBits != 0 && !t.untaggedSubject(s, hits, h, from) ||
			h.bits&cueRole != 0 && t.roleIsRelation(s, int(h.tok), from) {
			rel = true
		}
	}
	// "Effects of probiotics on acne: a randomized trial" names a relation
	// without stating it; a verb makes it a statement.
	rel = rel || topicOnly && (verb || to-from > titleWords) || t.possession(s, from, to)
	if !rel {
		return lumen.Claim{}, false
	}
	// Aims, methods and scope statements are not claims unless a finding
	// follows them ("To test whether ..., we ... and found that ..."), or
	// they stand in a clause of their own that names no concept while
	// another clause relates two kinds ("X reduced Y; possible
	// explanations are discussed").
	t.clauses(s, text, hits, from, to)
	for i, h := range hits {
		if h.bits&(cueAim|cueMethod|cueScope|cueOpen) != 0 && t.bareClause(s, int(h.tok), to, firstMent) {
			continue
		}
		var need uint32
		switch {
		case h.bits&cueAim != 0:
			need = cueFinding
		case h.bits&cueMethod != 0:
			need = cueFinding | cueSignif
		case h.bits&cueScope != 0:
			need = cueFinding
		case h.bits&cueOpen != 0 && (t.hasClass2(toks[from], cl2Whether) ||
			int(h.end) < to && t.hasClass2(toks[h.end], cl2Whether)):
			// "Whether fibre protects ... remains to be determined", "it
			// remains to be seen whether ...": an open question.
			need = cueFinding
		default:
			continue
		}
		found := false
		for _, g := range hits[i+1:] {
			// A method is followed by its result when a relation verb in
			// the past tense comes after it: "When the SIBO was treated
			// with rifaximin, their rosacea improved."
			if g.bits&need != 0 || h.bits&cueMethod != 0 && g.bits&(cueInc|cueDec) != 0 && t.pastVerb(s, text, g) {
				found = true
				break
			}
		}
		if !found {
			return lumen.Claim{}, false
		}
	}

	var c lumen.Claim
	c.Negated = t.negated(s, text, hits, from, to, firstMent)
	c.Hedged = t.hedged(s, text, hits, from, to, firstMent)
	switch {
	case c.Negated:
		c.Relation = lumen.RelationNoEffect
	default:
		c.Relation = t.relation(s, text, hits, firstMent)
		if c.Relation == "" {
			c.Relation = lumen.RelationAssociated // "patients with acne had dysbiosis"
		}
	}
	return c, true
}

// possession reports whether the sentence says that people with a
// condition have something of another kind: "PsO patients had dysbiosis",
// "people with eczema often have low vitamin D".
func (t *Tagger) possession(s *scratch, from, to int) bool {
	toks := s.toks
	for k := from + 1; k < to; k++ {
		if !t.hasClass2(toks[k], cl2Have) {
			continue
		}
		cond := false
		for j := k - 1; j >= from && j >= k-6; j-- {
			if m := s.tokMent[j]; m >= 0 {
				c := s.ments[m].concept
				cond = t.concepts[c].kind == kindCondition && c != t.generalCond
				break
			}
			if toks[j+1].flags&flagClause != 0 ||
				!t.hasClass2(toks[j], cl2PurposeTo|cl2Population|cl2Modal|cl2NeutralSubject|cl2Raising) {
				break
			}
		}
		if !cond {
			continue
		}
		for j := k + 1; j < to && j <= k+4; j++ {
			if toks[j].flags&flagClause != 0 {
				break
			}
			if m := s.tokMent[j]; m >= 0 {
				if t.concepts[s.ments[m].concept].kind != kindCondition {
					return true
				}
				break
			}
			if !t.hasClass(toks[j], clsArticle|clsAdjective|clsLess) && !t.hasClass2(toks[j], cl2NeutralSubject) {
				break
			}
		}
	}
	return false
}

// pastVerb reports whether cue hit g is a verb in the past tense
// ("improved", "worsened", "fell"), not a noun or an adjective before a
// noun ("improved skin").
func (t *Tagger) pastVerb(s *scratch, text string, g cueHit) bool {
	toks := s.toks
	if g.end-g.tok != 1 {
		return false
	}
	w := text[toks[g.tok].start:toks[g.tok].end]
	if !strings.HasSuffix(w, "ed") && !t.hasClass2(toks[g.tok], cl2IrregularPast) {
		return false
	}
	e := int(g.end)
	return e >= len(toks) || s.tokSent[e] != s.tokSent[g.tok] || toks[e].flags&flagHard != 0 ||
		t.hasClass(toks[e], clsArticle|clsDeterminer) || t.hasClass2(toks[e], cl2RelPrep) || s.tokMent[e] >= 0
}

// topicUsedAsVerb reports whether a word that is usually a topic noun
// ("influence", "impact", "link", "role") is used as a verb or with one.
// "role" needs "play" before it. The others are nouns after an article or an
// adjective ("the influence", "a strong link") or before "of" and "between",
// and verbs when a concept or an article follows ("studies link dysbiosis
// with acne", "probiotics influence the microbiome").
func (t *Tagger) topicUsedAsVerb(s *scratch, h cueHit, from, to int) bool {
	k := int(h.tok)
	if h.bits&cueRole != 0 {
		for j := k - 1; j >= from && j >= k-3; j-- {
			if t.hasClass(s.toks[j], clsPlay) {
				return true
			}
		}
		return false
	}
	if k <= from || int(h.end) >= to || int(h.end)-k > 1 {
		return false
	}
	if t.hasClass(s.toks[k-1], clsDeterminer|clsAdjective) {
		return false
	}
	e := int(h.end)
	if s.toks[e].flags&flagHard != 0 {
		return false
	}
	if m := s.tokMent[e]; m >= 0 && !s.ments[m].dropped {
		return true
	}
	return t.hasClass(s.toks[e], clsArticle)
}

// roleIsRelation reports whether "role" at token k is a stated relation:
// "plays a role", "a key role", "an important role".
func (t *Tagger) roleIsRelation(s *scratch, k, from int) bool {
	for j := k - 1; j >= from && j >= k-3; j-- {
		if t.hasClass(s.toks[j], clsRoleQualifier) {
			return true
		}
	}
	return false
}

// negated applies NegEx-style rules: a denied relationship ("no
// association", "failed to", "did not differ", "did nothing for") negates
// the claim; a bare negator ("not", "no", "n't") does when a relation or
// result word follows within its scope, which ends at a clause break or at
// a purpose clause ("don't skip meals to support your gut"), and which is
// longer after "none of" (the verb follows a noun phrase); pseudo-negations
// ("not only", "not inferior", "cannot be ruled out") do not; "similar" and
// "comparable" do when they compare groups or rates. A negation confined to
// a clause that relates no two kinds of concept, while another clause does,
// denies nothing about the claim ("No pill cures acne, but fibre helps the
// skin"). "Not X" and "rather than X" set concept X aside: the claim is
// denied only when nothing related is left ("dairy, not probiotics, cleared
// my acne"). "It is not true that" and "it is a myth that" reverse the
// result.
func (t *Tagger) negated(s *scratch, text string, hits []cueHit, from, to, firstMent int) bool {
	flip, denied := false, false
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
// after a noun phrase ("None of the 30 patients with acne improved").
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
	if h.bits&cueNeg != 0 && h.bits&cueNegRel == 0 {
		if a, b, ok := t.ellipsis(s, text, hits, i, from, to); ok {
			return t.setAside(s, a, b, to, firstMent) == asideDenies
		}
	}
	if !t.clauseRelates(s, int(h.tok), to, firstMent) || t.reaffirmed(s, hits, i, to, firstMent) {
		return false
	}
	switch {
	case h.bits&cueNegRel != 0:
		return true
	case h.bits&cueSimilar != 0:
		// "similar in both groups", "rates were comparable"
		for k := int(h.end); k < to && k < int(h.end)+6; k++ {
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
		if h.bits&cueNegLong != 0 {
			limit = int(h.end) + negScopeLong
		}
		for j := i + 1; j < len(hits); j++ {
			g := hits[j]
			if int(g.tok) >= limit || g.bits&(cueClauseBreak|cuePseudo) != 0 {
				break
			}
			if clauseBetween(toks, int(h.end), int(g.tok)) || t.purposeBetween(s, hits, i, j) {
				break
			}
			if g.bits&scopeBits != 0 || g.bits&cueRole != 0 {
				return true
			}
		}
	}
	return false
}

// exposureNegated reports whether a negator ending before token k denies an
// exposure that defines a group rather than the relation: "patients who
// did not take probiotics had more eczema", "children not given
// antibiotics".
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
// cue hits[a] and hits[b]: "do not smoke to support your gut" denies the
// smoking, not the support. "Not found to", "not able to", "don't expect
// probiotics to" keep the negation.
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
		if t.hasClass2(toks[k], cl2PurposeTo) && k > int(hits[a].end) {
			return true
		}
	}
	return false
}

// ellipsis recognises a negator that sets a phrase aside without a verb of
// its own: "X, not Y, cleared acne", "acne, but not eczema", "not Y but X".
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
	for b < to && b-a <= 4 {
		if b > a && toks[b].flags&flagClause != 0 {
			break
		}
		if next < len(hits) && int(hits[next].tok) == b {
			if hits[next].bits&cueClauseBreak != 0 {
				break
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
			// "not probiotics and not diet" ends here; "not eggs or milk" does not.
			if b+1 < to && t.hasClass2(toks[b+1], cl2EllipsisNot) {
				break
			}
		}
		b++
	}
	if b == a || b-a > 4 {
		return 0, 0, false
	}
	if b < to && toks[b].flags&flagClause == 0 && !(next < len(hits) && int(hits[next].tok) == b && hits[next].bits&cueClauseBreak != 0) {
		return 0, 0, false
	}
	return a, b, true
}

// insteadSpan returns the phrase after "rather than" or "instead of": the
// concept mentions that follow, with articles and verbs of taking before
// them ("rather than taking probiotics").
func (t *Tagger) insteadSpan(s *scratch, a, to int) (int, int) {
	b := a
	for b < to && (s.tokMent[b] >= 0 || t.hasClass(s.toks[b], clsArticle) || t.hasClass2(s.toks[b], cl2InsteadFiller)) {
		if b > a && s.toks[b].flags&flagClause != 0 {
			break
		}
		b++
	}
	return a, b
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

// clauses records in s.segs where the clauses of the sentence [from, to)
// start: at "but", "whereas", "although" and other clause breaks, and after
// a semicolon.
func (t *Tagger) clauses(s *scratch, text string, hits []cueHit, from, to int) {
	s.segs = append(s.segs[:0], int32(from))
	hi := 0
	for k := from + 1; k < to; k++ {
		for hi < len(hits) && int(hits[hi].tok) < k {
			hi++
		}
		brk := hi < len(hits) && int(hits[hi].tok) == k && hits[hi].bits&cueClauseBreak != 0
		if !brk && s.toks[k].flags&flagClause != 0 &&
			strings.IndexByte(text[s.toks[k-1].end:s.toks[k].start], ';') >= 0 {
			brk = true
		}
		if brk {
			s.segs = append(s.segs, int32(k))
		}
	}
	s.segs = append(s.segs, int32(to))
}

// reaffirmed reports whether a clause after the one of hits[i], opened by
// "but" or "yet", states a relation again without naming any concept and
// without a negation: "Probiotics aren't a miracle cure for acne, but they
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
				rel = true
			}
		}
		if !opened || !rel {
			continue
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

// clauseRelates reports whether the clause holding token k relates
// concepts of two kinds, or no clause of the sentence does on its own (then
// the sentence as a whole carries the relation).
func (t *Tagger) clauseRelates(s *scratch, k, to, firstMent int) bool {
	if len(s.segs) <= 2 {
		return true
	}
	mine, other := false, false
	for c := 0; c+1 < len(s.segs); c++ {
		a, b := int(s.segs[c]), int(s.segs[c+1])
		var kinds [3]bool
		n := 0
		for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
			m := s.ments[j]
			if int(m.tokStart) < a || int(m.tokStart) >= b {
				continue
			}
			if kd := t.concepts[m.concept].kind; kd >= 0 && !kinds[kd] {
				kinds[kd] = true
				n++
			}
		}
		if k >= a && k < b {
			mine = n >= 2
		} else if n >= 2 {
			other = true
		}
	}
	return mine || !other
}

// untaggedSubject reports whether relation hit h is a verb such as
// "correlated" or "was associated" whose subject, before it in its clause,
// is a word outside the inventory and names no concept ("Joint pain
// correlated with zonulin in psoriatic arthritis"): the relation it states
// is not between the sentence's concepts. Population words ("patients"),
// measures of a condition ("severity", "lesions") and pronouns are not such
// subjects.
func (t *Tagger) untaggedSubject(s *scratch, hits []cueHit, h cueHit, from int) bool {
	toks := s.toks
	if !t.hasClass2(toks[h.tok], cl2Intrans) {
		return false
	}
	// "had increased levels" is an adjective; "increased with age" a verb.
	if e := int(h.end); e < len(toks) && s.tokSent[e] == s.tokSent[h.tok] && toks[e].flags&flagClause == 0 &&
		e-int(h.tok) == 1 && !t.hasClass2(toks[e], cl2RelPrep) {
		return false
	}
	content := false
	hi := 0
	for k := from; k < int(h.tok); k++ {
		if s.tokMent[k] >= 0 || t.hasClass2(toks[k], cl2Measure) {
			return false
		}
		for hi < len(hits) && int(hits[hi].end) <= k {
			hi++
		}
		if hi < len(hits) && int(hits[hi].tok) <= k {
			continue
		}
		if toks[k].flags&flagDigit == 0 && !t.hasClass2(toks[k], cl2NeutralSubject) {
			content = true
		}
	}
	return content
}

// clauseBetween reports whether clause punctuation separates tokens a and b.
func clauseBetween(toks []token, a, b int) bool {
	for k := a; k <= b && k < len(toks); k++ {
		if toks[k].flags&flagClause != 0 {
			return true
		}
	}
	return false
}

// hedged reports whether the sentence states its relationship with
// uncertainty: may, might, could, suggest, likely, is thought to, promising.
// "could not" is not a hedge, nor is "more likely" (a comparison of risks),
// nor "May" the month. A hedge in a comment clause that names no concept
// hedges the comment, not the relation: "Probiotics did not reduce acne,
// which may reflect the short trial."
func (t *Tagger) hedged(s *scratch, text string, hits []cueHit, from, to, firstMent int) bool {
	toks := s.toks
	for i, h := range hits {
		if h.bits&(cueHedge|cueCould|cueLikely) != 0 && (t.commentClause(s, text, int(h.tok), from, to) ||
			t.bareClause(s, int(h.tok), to, firstMent)) && !t.pronounAround(s, int(h.tok), from, to) {
			continue
		}
		switch {
		case h.bits&cueHedge != 0:
			if toks[h.tok].flags&flagCapital != 0 && h.end-h.tok == 1 && int(h.tok) > from && int(h.end) < len(toks) && toks[h.end].flags&flagDigit != 0 {
				continue // May 2020
			}
			return true
		case h.bits&cueCould != 0:
			if i+1 < len(hits) && hits[i+1].tok == h.end && hits[i+1].bits&(cueNeg|cueNegRel) != 0 {
				continue
			}
			return true
		case h.bits&cueLikely != 0:
			if k := int(h.tok) - 1; k >= from && t.hasClass(toks[k], clsComparative) {
				continue
			}
			return true
		}
	}
	return false
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

// bareClause reports whether token k lies in a clause (see clauses) that
// names no concept while another clause relates concepts of two kinds.
func (t *Tagger) bareClause(s *scratch, k, to, firstMent int) bool {
	if len(s.segs) <= 2 {
		return false
	}
	for c := 0; c+1 < len(s.segs); c++ {
		a, b := int(s.segs[c]), int(s.segs[c+1])
		if k < a || k >= b {
			continue
		}
		for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
			if m := int(s.ments[j].tokStart); m >= a && m < b && !s.ments[j].dropped {
				return false
			}
		}
		return !t.clauseRelates(s, k, to, firstMent)
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
	if c < 0 || !t.hasClass2(s.toks[c], cl2CommentOpen) ||
		strings.IndexAny(text[s.toks[c-1].end:s.toks[c].start], ",;") < 0 {
		return false // a colon opens a subtitle, not a comment
	}
	for j := c; j < to; j++ {
		if m := s.tokMent[j]; m >= 0 && !s.ments[m].dropped {
			return false
		}
	}
	return true
}

// relation picks the stated relation: the first directional verb that has a
// concept before it (so that "reduced diversity is associated with eczema"
// reads as an association), else an association.
func (t *Tagger) relation(s *scratch, text string, hits []cueHit, firstMent int) string {
	firstStart := int32(-1)
	if firstMent < len(s.ments) {
		firstStart = s.ments[firstMent].start
	}
	assoc := false
	for _, h := range hits {
		if h.bits&(cueInc|cueDec) != 0 && s.toks[h.tok].flags&flagHard == 0 && h.tok > 0 &&
			s.toks[h.tok].start > s.toks[h.tok-1].end && text[s.toks[h.tok].start-1] == '-' {
			continue // "stress-induced", "diet-related": a modifier, not the relation
		}
		if h.bits&(cueInc|cueDec) != 0 && (firstStart >= 0 && firstStart < s.toks[h.tok].start ||
			int(h.end) < len(s.toks) && t.hasClass(s.toks[h.end], clsEffectNoun)) {
			if h.bits&cueInc != 0 {
				return lumen.RelationIncreases
			}
			return lumen.RelationDecreases
		}
		if h.bits&(cueAssoc|cueCompar|cueRole|cueInc|cueDec) != 0 {
			assoc = true
		}
	}
	if assoc {
		return lumen.RelationAssociated
	}
	return ""
}
