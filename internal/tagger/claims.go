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
			if !title && (h.bits&relBits != 0 || h.bits&cueRole != 0 && t.roleIsRelation(s, int(h.tok), from)) {
				topicOnly = true
			}
			continue
		}
		if h.bits&relBits != 0 || h.bits&cueRole != 0 && t.roleIsRelation(s, int(h.tok), from) {
			rel = true
		}
	}
	// "Effects of probiotics on acne: a randomized trial" names a relation
	// without stating it; a verb makes it a statement.
	rel = rel || topicOnly && (verb || to-from > titleWords)
	if !rel {
		return lumen.Claim{}, false
	}
	// Aims, methods and scope statements are not claims unless a finding
	// follows them ("To test whether ..., we ... and found that ...").
	for i, h := range hits {
		var need uint32
		switch {
		case h.bits&cueAim != 0:
			need = cueFinding
		case h.bits&cueMethod != 0:
			need = cueFinding | cueSignif
		case h.bits&cueScope != 0:
			need = cueFinding
		default:
			continue
		}
		found := false
		for _, g := range hits[i+1:] {
			if g.bits&need != 0 {
				found = true
				break
			}
		}
		if !found {
			return lumen.Claim{}, false
		}
	}

	var c lumen.Claim
	c.Negated = t.negated(s, hits, from, to)
	c.Hedged = t.hedged(s, text, hits, from)
	switch {
	case c.Negated:
		c.Relation = lumen.RelationNoEffect
	default:
		c.Relation = t.relation(s, text, hits, firstMent)
	}
	return c, true
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
		if t.hasClass(s.toks[j], clsPlayRole) {
			return true
		}
	}
	return false
}

// negated applies NegEx-style rules: a denied relationship ("no
// association", "failed to", "did not differ") negates the claim; a bare
// negator ("not", "no", "n't") does when a relation or result word follows
// within its scope, which ends at a clause break; pseudo-negations ("not
// only", "no longer") do not; "similar" and "comparable" do when they
// compare groups or rates.
func (t *Tagger) negated(s *scratch, hits []cueHit, from, to int) bool {
	const scopeBits = cueInc | cueDec | cueAssoc | cueCompar | cueSignif | cueFound | cueNegRel
	toks := s.toks
	for i, h := range hits {
		switch {
		case h.bits&cuePseudo != 0:
			continue
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
			limit := int(h.end) + negScope
			for _, g := range hits[i+1:] {
				if int(g.tok) >= limit || g.bits&(cueClauseBreak|cuePseudo) != 0 {
					break
				}
				if clauseBetween(toks, int(h.end), int(g.tok)) {
					break
				}
				if g.bits&scopeBits != 0 || g.bits&cueRole != 0 {
					return true
				}
			}
		}
	}
	return false
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
// nor "May" the month.
func (t *Tagger) hedged(s *scratch, text string, hits []cueHit, from int) bool {
	toks := s.toks
	for i, h := range hits {
		switch {
		case h.bits&cueHedge != 0:
			w := text[toks[h.tok].start:toks[h.tok].end]
			if w == "May" && int(h.tok) > from && int(h.end) < len(toks) && toks[h.end].flags&flagDigit != 0 {
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
