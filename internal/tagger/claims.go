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

// cueHit is one cue phrase found in a sentence.
type cueHit struct {
	tok, end int32 // token range
	bits     uint32
}

// claims turns the sentences that relate concepts of two kinds by a stated
// relationship into claims.
func (t *Tagger) claims(s *scratch, text, evidence string) []lumen.Claim {
	var out []lumen.Claim
	s.unclaimed = s.unclaimed[:0]
	s.claimConf = s.claimConf[:0]
	s.claimSegs, s.claimSegAt = s.claimSegs[:0], s.claimSegAt[:0]
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
			title := se.heading || se.block == 0 && (si+1 < len(s.sents) && s.sents[si+1].block > 0) && (si == 0 || s.sents[si-1].block != 0) ||
				si == 0 && si+1 < len(s.sents) && strings.Contains(text[se.start:se.end], ":") && lineEndsAt(text, se.end) // "Topic: a cross-sectional study.\nText ..."

			if title && t.hasClass(s.toks[tk], clsQuestionOpener) {
				// "Why stress makes your eczema flare": a heading that asks
				// its question without a question mark
				continue
			}
			if c, ok := t.analyse(s, text, tk, te, mi, title); ok {
				c.Start, c.End = se.start, se.end
				c.Text = text[se.start:se.end]
				c.Evidence = evidence
				c.ClaimEvidence = t.claimEvidence(s, tk, te, evidence)
				c.Section = section
				c.Concepts = make([]string, len(s.set))
				for i, id := range s.set {
					c.Concepts[i] = t.concepts[id].id
				}
				slices.Sort(c.Concepts)
				out = append(out, c)
				s.claimConf = append(s.claimConf, s.confBase)
				s.claimSegAt = append(s.claimSegAt, len(s.claimSegs))
				for _, k := range s.segs[min(1, len(s.segs)):] {
					if int(k) < te {
						s.claimSegs = append(s.claimSegs, s.toks[k].start)
					}
				}
			} else {
				// The rules' reading of its denial, hedging and evidence,
				// for the pair model (promote): the cue hits are the
				// sentence's, and its clauses are read again (analyse may
				// stop before it reads them).
				t.clauses(s, text, s.cueHits, tk, te)
				s.unclaimed = append(s.unclaimed, lumen.Claim{Start: se.start, End: se.end, Text: text[se.start:se.end], Section: section,
					Negated: t.negated(s, text, s.cueHits, tk, te, mi), Hedged: t.hedged(s, text, s.cueHits, tk, te, mi),
					Evidence: evidence, ClaimEvidence: t.claimEvidence(s, tk, te, evidence)})
			}
		}
		if se.heading && se.block > 0 {
			section = headingText(text[se.start:se.end])
		}
	}
	return out
}

// whetherAfter reports whether "whether" follows token k, maybe after one
// word that names no concept ("find out whether", "determine whether").
func (t *Tagger) whetherAfter(s *scratch, k int32, to int) bool {
	for j := k; int(j) < to && j <= k+1; j++ {
		if t.hasClass2(s.toks[j], cl2Whether) {
			return true
		}
		if s.toks[j].flags&flagHard != 0 || s.tokMent[j] >= 0 {
			return false
		}
	}
	return false
}

// inSeriesAfterStatement reports whether aim cue h is a verb in series,
// or the object of one, right after a conjunction that follows a
// statement: two kinds and a relation before the conjunction. A cue with
// a direction may follow the conjunction itself ("X disturbs Y and
// encourages resistance"); any cue may follow one plain word after it
// ("X might contribute to Y and deserves (merits, warrants) further
// study").
func (t *Tagger) inSeriesAfterStatement(s *scratch, hits []cueHit, h cueHit, from, to, firstMent int) bool {
	toks := s.toks
	c := int(h.tok) - 1
	if !(h.bits&(cueInc|cueDec) != 0 && c >= from && t.hasClass(toks[c], clsConj)) {
		c-- // one plain word between
		if c <= from || !t.hasClass(toks[c], clsConj) || s.tokMent[c+1] >= 0 || t.onCue(hits, int32(c+1)) ||
			toks[c+1].flags&(flagHard|flagLetter) != flagLetter || toks[c].flags&flagHard != 0 {
			return false
		}
	}
	return t.kindsIn(s, 0, c, to, firstMent) >= 2 && relationBefore(s, int32(c))
}

// methodAside reports whether the method cue h stands in a participle
// aside between commas after the subject, and a relation cue follows it
// ("Fibre intake, estimated with a questionnaire, was not associated with
// Y"): how the subject was measured, not the sentence's statement.
func (t *Tagger) methodAside(s *scratch, hits []cueHit, h cueHit, from, to int) bool {
	toks := s.toks
	a := h.tok
	for a > int32(from) && a > h.tok-6 && toks[a].flags&flagClause == 0 {
		if toks[a].flags&flagHard != 0 {
			return false
		}
		a--
	}
	if a <= int32(from) || toks[a].flags&flagClause == 0 || !t.edForm(s, a) {
		return false
	}
	for k := h.end; int(k) < to && k < h.end+8; k++ {
		if toks[k].flags&flagHard != 0 && toks[k].flags&flagClause == 0 {
			return false
		}
		if toks[k].flags&flagClause == 0 {
			continue
		}
		for _, g := range hits {
			if g.tok >= k && g.tok < k+3 && g.bits&relationBits != 0 && g.bits&cueMethod == 0 {
				return true
			}
		}
		return false
	}
	return false
}

// lineEndsAt reports whether a line break follows byte end, past spaces.
func lineEndsAt(text string, end int) bool {
	for i := end; i < len(text); i++ {
		switch text[i] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return false
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
	s.particles = s.particles[:0]
	s.noMoreAt = s.noMoreAt[:0]
	particle, particleEnd := -1, -1
	for i := from; i < to; {
		// "Brought CRP down": a verb whose particle follows its object
		// is a cue of the verb alone, whatever the verb means without
		// it, and its particle is no cue of its own ("sent cortisol
		// soaring").
		if i == particle {
			i = particleEnd
			continue
		}
		if t.shortFormAt(s, i) {
			if b, e := t.cues.longest(toks, i, to, nil); b < 0 || e == i+1 {
				i++ // ("nitric oxide (NO)": a name, no negator; "NO evidence that" stays one)
				continue
			}
		}
		if t.hasClass3(toks[i], cl3Holding) {
			if g := t.fromGerundAfter(s, i, to); g >= 0 {
				// "X keeps Y from spiking": a verb of prevention, the
				// other way from the change it prevents ("keeps Y from
				// breaking down" raises Y, "from healing" harms it)
				bits := uint32(cueDec | cueVerb)
				if c, _ := t.cues.longest(toks, g, to, nil); c >= 0 {
					switch cb := t.cueBits[c]; {
					case cb&cueHelp != 0:
						bits = cueInc | cueHarm | cueVerb
					case cb&cueHarm != 0:
						bits = cueDec | cueHelp | cueVerb
					case cb&(cueInc|cueDec) == cueDec:
						bits = cueInc | cueVerb
					}
				}
				hits = append(hits, cueHit{tok: int32(i), end: int32(i + 1), bits: bits})
				i++
				continue
			}
		}
		if bits, pa, pb := t.splitAt(toks, i, to); bits != 0 && !t.keptIntake(s, i, pa) {
			if pb+1 < to && t.hasClass2(toks[pb], cl2PairOf) && toks[pb].flags&flagHard == 0 && bits&cueDec != 0 &&
				toks[pb+1].flags&flagDigit == 0 && !t.hasClass4(toks[pb+1], cl4Number) { // (not "clears Y in two out of three")
				// "knocks Y out of balance": the particle opens a phrase of
				// the imbalance it makes, no lowering
				bits = cueInc | cueVerb
			}
			hits = append(hits, cueHit{tok: int32(i), end: int32(i + 1), bits: bits})
			particle, particleEnd = pa, pb
			s.particles = append(s.particles, [2]int32{int32(pa), int32(pb)})
			i++
			continue
		}
		if i+1 < to && i > from && t.afterAux[toks[i+1].id] && toks[i+1].flags&flagHard == 0 && t.auxiliary(toks[i-1]) {
			// "did not clear Y": a negator and a verb, not the phrase
			// "not clear" of "it is not clear whether"
			if neg, _ := t.cues.longest(toks, i, i+1, nil); neg >= 0 && t.cueBits[neg]&cueNeg != 0 {
				hits = append(hits, cueHit{tok: int32(i), end: int32(i + 1), bits: t.cueBits[neg]},
					cueHit{tok: int32(i + 1), end: int32(i + 2), bits: cueDec | cueHelp | cueVerb})
				i += 2
				continue
			}
		}
		best, bestEnd := t.cues.longest(toks, i, to, nil)
		if best < 0 && i > from && t.hasClass4(toks[i], cl4AdjunctNoun) && toks[i].flags&flagHard == 0 &&
			(t.hasClass2(toks[i-1], cl2Modal) || i-1 > from && t.hasClass2(toks[i-2], cl2Modal) && t.ending(s, int32(i-1), t.adverbEnd) ||
				t.kindAfter(s, int32(i+1), to, 1, kindIntervention)) {
			// "X could complement topical treatment in <condition>", "X
			// complements antibiotics": the verb of adding to a treatment,
			// after a modal or before an intervention (not "activate
			// complement")
			hits = append(hits, cueHit{tok: int32(i), end: int32(i + 1), bits: cueDec | cueHelp})
			i++
			continue
		}
		if best >= 0 && i > from && t.hasClass4(toks[i], cl4AdjunctNoun) && t.hasClass2(toks[i-1], cl2FindingPrep) && toks[i].flags&flagHard == 0 &&
			i-1 == from {
			i = bestEnd // ("In addition to X, ...": a connective that opens the sentence, no treatment added)
			continue
		}
		if best < 0 && t.treatmentOfCondition(s, hits, i, from, to) {
			// "X is not a proven <condition> treatment": a noun of
			// treatment of the condition, as "therapy" is
			hits = append(hits, cueHit{tok: int32(i), end: int32(i + 1), bits: cueDec | cueHelp})
			i++
			continue
		}
		if q := t.askedQuestion(s, i, to); best < 0 && q > i {
			// "She asked her dermatologist if X ...": a question, as "ask
			// whether" is
			hits = append(hits, cueHit{tok: int32(i), end: int32(q + 1), bits: cueAim})
			i = q + 1
			continue
		}
		if best < 0 && t.comparativeOfMention(s, i, from, to) {
			// "people who eat X have a more diverse <Y>": the comparative
			// of the adjective that opens the mention compares, as "a less
			// diverse <Y>" does
			hits = append(hits, cueHit{tok: int32(i), end: int32(i + 1), bits: cueCompar})
			i++
			continue
		}
		if best < 0 {
			if t.afterAux[toks[i].id] && t.afterAuxiliary(s, hits, i, from) {
				hits = append(hits, cueHit{tok: int32(i), end: int32(i + 1), bits: cueDec | cueHelp | cueVerb})
			}
			i++
			continue
		}
		hits = append(hits, cueHit{tok: int32(i), end: int32(bestEnd), bits: t.cueBits[best]})
		i = bestEnd
	}
	for i := 0; i < len(hits); i++ {
		if h := hits[i]; h.bits&cueFlipOwn != 0 && !t.ownEvidenceBefore(s, hits, h.tok, from) {
			// "Few would argue against the idea that ...", "Some argue
			// against ...": only the article's own data reverse it
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.bits&cueFeeds != 0 && !t.kindAfter(s, h.end, to, 2, kindMechanism) {
			// "food for thought", "Food for the Skin", "top up your
			// vitamin D": feeding only a mechanism named right after it
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.bits&cueReverse != 0 && slices.ContainsFunc(hits[:i], func(g cueHit) bool {
			return g.tok >= h.tok-5 && g.end <= h.tok && t.hasClass3(toks[g.tok], cl3EvidenceNoun)
		}) {
			// "the best evidence for X comes from Y": where the evidence
			// is found, no cause
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.bits&cueReverse != 0 && h.end-h.tok == 2 && t.hasClass4(toks[h.tok], cl4EventVerb) &&
			t.hasClass2(toks[h.end-1], cl2PairObjectPrep|cl2FindingPrep|cl2PairCausePrep) && !t.timeNamesConcept(s, h.end, to) {
			// "Y flares during pregnancy were less frequent in the X
			// arm": the time of the flares names no concept, no cause
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.bits&cuePseudo != 0 && h.end-h.tok == 2 && t.hasClass3(toks[h.end-1], cl3LostEffect) && i+1 < len(hits) &&
			hits[i+1].tok == h.end && hits[i+1].end-hits[i+1].tok == 1 {
			v := hits[i+1]
			object := int(v.end) < to && toks[v.end].flags&flagHard == 0 && t.mentionAfter(s, v.end, to)
			switch {
			case int(h.tok) > from && s.tokMent[h.tok-1] >= 0 && !t.givenMention(s, h.tok-1, from) && v.bits&(cueInc|cueDec) != 0 &&
				t.edForm(s, v.tok) && object:
				// "In germ-free mice, X no longer accelerated Y": the
				// effect was lost, a denial ("Y no longer flared" is a
				// change of Y; "infants given X no longer developed Y" a
				// fall)
				hits[i].bits = hits[i].bits&^cuePseudo | cueNeg
			case v.bits&(cueInc|cueDec) == cueInc && !object:
				// "after X, Y no longer flared": Y stopped rising, a fall
				hits[i+1].bits = v.bits&^(cueInc|cueHarm) | cueDec
			}
		}
		if h := hits[i]; h.bits&cueNeg != 0 && h.end-h.tok == 2 && t.hasClass3(toks[h.tok], cl3CalledFor) && !t.studiesCalledFor(s, hits, h, from) {
			// "two weeks of X were needed before Y improved": a
			// precondition, no denial ("trials are needed before X can
			// be recommended" denies)
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.end-h.tok == 1 && h.bits&relationBits == cueCompar && int(h.end) < to && toks[h.end].flags&flagHard == 0 &&
			s.tokMent[h.end] < 0 && t.hasClass3(toks[h.end], cl3StudyNoun) {
			// "the largest trial", "larger studies": the size of a
			// study, no comparison of concepts
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.end-h.tok >= 3 && h.bits&cueInc != 0 && t.hasClass2(toks[h.end-1], cl2PairBy) && !t.conceptOrChangeAt(s, hits, h.end, to) {
			// "were followed by telephone", "was followed by a washout":
			// what follows is no concept, no result
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.end-h.tok == 1 && h.bits == cueAssoc && int(h.tok) > from+1 && s.tokMent[h.tok-1] < 0 &&
			(int(h.end) >= to || toks[h.end].flags&flagHard != 0) && i > 0 && hits[i-1].end == h.tok && hits[i-1].bits&cueCompar != 0 &&
			t.hasClass2(toks[hits[i-1].tok], cl2Than) {
			// "... than in healthy controls": the noun that ends a
			// comparison of groups, no verb
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.bits&(cueFinding|cueFound) != 0 && h.bits&relationBits == 0 && h.end-h.tok == 1 && int(h.tok) > from && joinedByHyphen(s, h.tok) &&
			s.tokMent[h.tok-1] < 0 {
			// "self-reported sleep quality": a compound adjective, no
			// finding verb
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.bits&cueInc != 0 && int(h.tok) > from && t.hasClass2(toks[h.tok-1], cl2Population) && toks[h.tok].flags&flagHard == 0 &&
			(t.hasClass3(toks[h.tok], cl3Susceptibility) || h.end-h.tok > 2 && t.hasClass3(toks[h.tok+1], cl3Susceptibility)) &&
			(int(h.tok)-1 == from || t.hasClass(toks[h.tok-2], clsArticle|clsDeterminer|clsAdjective) || t.hasClass2(toks[h.tok-2], cl2FindingPrep|cl2PairObjectPrep|cl2PairOf) ||
				toks[h.tok-2].flags&flagDigit != 0) {
			// "mice prone to Y", "patients more susceptible to Y": who the
			// people or animals are, no relation (when the people open a
			// noun phrase; "X made patients more prone to Y" keeps its cue)
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.bits&cueSimilar != 0 && int(h.tok) > from && int(h.end) < to && t.hasClass2(toks[h.tok-1], cl2Indefinite) &&
			t.hasClass(toks[h.end], clsGroup) && (t.endsPhrase(s, h.end+1, to) ||
			int(h.end)+2 < to && t.hasClass2(toks[h.end+1], cl2Purpose) && toks[h.end+2].flags&flagDigit != 0) {
			// "or an identical placebo (for 12 weeks)": what a group was
			// given, no comparison
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.bits&cueClauseBreak != 0 && h.end-h.tok == 1 && int(h.tok) > from && toks[h.tok].flags&flagHard == 0 &&
			(t.hasClass2(toks[h.tok-1], cl2Have|cl2PassiveAux) || t.hasClass(toks[h.tok-1], clsCopula)) {
			// "No X has yet been shown to ...", "is yet to": an adverb
			// after an auxiliary, no clause
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if h := hits[i]; h.bits&cueCompar != 0 && h.end-h.tok == 2 && t.hasClass4(toks[h.end-1], cl4Degree) &&
			(int(h.end) >= to || !t.hasClass2(toks[h.end], cl2FindingPrep) || joinedByHyphen(s, h.end) || !t.degreeFinding(s, int(h.end)+1, to)) {
			// "Y is low in Z" compares; "are low-risk measures", "was low
			// for zinc", "is high in oily fish" (what a food holds) do not
			hits = slices.Delete(hits, i, i+1)
			i--
			continue
		}
		if t.noMoreThanControl(s, hits, i, to) {
			// "Y improved no more than with placebo": a result no larger
			// than the control arm's, denied as "no better than" is; the
			// denial is the verb's before it (noMoreThanDenials), no
			// relation of its own
			hits[i].bits = cueNegRel
			s.noMoreAt = append(s.noMoreAt, hits[i].tok)
		}
		if h := hits[i]; int(h.tok) > from && t.hasClass4(toks[h.tok-1], cl4Scarcity) && t.hasClass4(toks[h.tok], cl4EventVerb) &&
			h.bits&(cueInc|cueDec) == cueInc && toks[h.tok].flags&flagHard == 0 {
			hits[i].bits = flipDirection(h.bits) // "Y has barely flared since X": it happened less
		}
		if hits[i].bits&cueClauseBreak != 0 && (t.adjectiveContrast(s, hits, i, from, to) || t.parentheticalBreak(s, hits, hits[i], to)) {
			// "a modest but significant improvement", "no evidence,
			// however, that ...": no clause
			hits = slices.Delete(hits, i, i+1)
			i--
		}
	}
	hits = t.lackingEvidence(s, hits, to)
	hits = t.heldComparatives(s, hits, from, to)
	s.cueHits = hits
	t.doseAsides(s, hits, from, to)
	if k := t.evidenceLacking(s, hits, from, to); k >= 0 {
		// "Evidence for X in Y is lacking": a denial of what the evidence
		// is for, among the hits in token order
		at, _ := slices.BinarySearchFunc(hits, k, func(h cueHit, k int32) int { return int(h.tok - k) })
		hits = slices.Insert(hits, at, cueHit{tok: k, end: k + 1, bits: cueNegRel})
		s.cueHits = hits
	}

	const relBits = cueInc | cueDec | cueAssoc | cueCompar | cueNegRel | cueSimilar
	rel := false
	topicOnly, verb := false, false
	for _, h := range hits {
		if title && h.bits&relBits != 0 && (t.titleNominal(s, h, from, to) || t.hasClass4(toks[h.tok], cl4AdjunctNoun)) {
			// "Prebiotics in Modulating Gut Microbiota", "Gut
			// Microbiota Changes in Y", "X as an Adjunct to Y in Z": in
			// a title a gerund or a noun names what the work is about.
			topicOnly = true
			continue
		}
		if h.bits&(cueVerb|cueHedge|cueCould|cueNeg|cueNegRel|cueFinding|cueFound) != 0 ||
			h.bits&(cueInc|cueDec|cueAssoc) != 0 && h.bits&cueTopic == 0 {
			verb = true
		}
		if h.bits&cueTopic != 0 && !t.topicUsedAsVerb(s, h, from, to) {
			// "A role for X in Y cannot be ruled out": a role
			// named as a topic, stated by a verb.
			if !title && h.bits&(relBits|cueRole) != 0 {
				topicOnly = true
			}
			continue
		}
		if h.bits&relBits != 0 && !t.untaggedSubject(s, hits, h, from) && !t.procedure(s, text, h, from) ||
			h.bits&cueRole != 0 && t.roleIsRelation(s, int(h.tok), from) {
			rel = true
		}
	}
	// "Effects of X on Y: a randomized trial" names a relation
	// without stating it; a verb makes it a statement.
	arm, armOK := t.armNumbers(s, text, from, to)
	rel = rel || topicOnly && (verb || to-from > titleWords) || t.possession(s, from, to) || t.foundIn(s, hits, from, to) || armOK
	if !rel || title && t.designTitle(s, text, hits, from, to) {
		return lumen.Claim{}, false
	}
	// Aims, methods and scope statements are not claims unless a finding
	// follows them ("To test whether ..., we ... and found that ..."), or
	// they stand in a clause of their own that relates no two kinds while
	// another clause does ("X reduced Y; possible explanations are
	// discussed").
	t.clauses(s, text, hits, from, to)
	if t.whetherSubject(s, hits, from, to) && !slices.ContainsFunc(hits, func(h cueHit) bool { return h.bits&cueFinding != 0 }) {
		// "Whether X alters Y cannot be determined (will need a trial)":
		// a question as the sentence's subject asserts nothing
		return lumen.Claim{}, false
	}
	if t.studiesNeeded(s, text, from, to) && !slices.ContainsFunc(hits, func(h cueHit) bool { return h.bits&cueFinding != 0 }) {
		// "Randomised trials of X in Y are needed": a call for work
		return lumen.Claim{}, false
	}
	for i, h := range hits {
		if h.bits&(cueAim|cueMethod|cueScope|cueOpen) != 0 && (t.bareClause(s, int(h.tok), to, firstMent) ||
			!t.clauseRelates(s, int(h.tok), to, firstMent)) {
			continue // an aside on a clause of its own: "X affects Y, but Z has not been studied"
		}
		if h.bits&(cueAim|cueOpen) != 0 && t.inSeriesAfterStatement(s, hits, h, from, to, firstMent) {
			continue // "X disturbs Y and encourages resistance": a verb in series after a statement, no call for research
		}
		if h.bits&(cueAim|cueOpen) != 0 && t.asideAfterStatement(s, int(h.tok), from, to, firstMent) {
			continue // "X went with Y, and trials of Z are warranted": an aside that relates nothing
		}
		if h.bits&(cueAim|cueOpen) != 0 && t.statementAfterQuestion(s, int(h.tok), to, firstMent) {
			continue // "... ask whether Z matters, since X has been tied to Y": the reason states
		}
		if h.bits&(cueAim|cueOpen) != 0 && t.questionAfterStatement(s, int(h.tok), to, firstMent) >= 0 {
			continue // a question after a statement: "X blunts Y, but whether it reduces Z is unknown"
		}
		if h.bits&cueMethod != 0 && int(h.tok) > from+1 && t.hasClass2(toks[h.tok-1], cl2Relative) && t.hasClass2(toks[h.tok-2], cl2Population) {
			continue // "in patients who were treated": who the people are, not a method
		}
		if h.bits&cueMethod != 0 && int(h.tok) > from && t.hasClass2(toks[h.tok-1], cl2Population) && toks[h.tok].flags&flagHard == 0 {
			continue // "women using the cream had less redness": who they are
		}
		if h.bits&cueAim != 0 && h.end-h.tok == 1 && int(h.tok) > from+1 && t.hasClass2(toks[h.tok-1], cl2Anaphora|cl2Relative) &&
			t.hasClass2(toks[h.tok-2], cl2Purpose) && toks[h.tok-1].flags&flagHard == 0 && toks[h.tok].flags&flagHard == 0 {
			continue // "a synbiotic designed for that purpose": the aim named before, no aim of the sentence
		}
		if h.bits&cueMethod != 0 && (t.usingIntervention(s, hits, h, from, to) || t.methodOfReason(s, hits, h, from)) {
			// "Using a moisturiser every day protects Y": the gerund names
			// an intervention; "Because X and Y were measured at the same
			// time, we cannot tell whether ...": the method is the reason
			// of a statement
			continue
		}
		if h.bits&cueMethod != 0 && t.methodAside(s, hits, h, from, to) {
			continue // "Fibre intake, assessed by questionnaire, was associated with Y": how the subject was measured
		}
		if h.bits&cueMethod != 0 && t.resultBeforeTime(s, text, hits[:i], h, from) {
			continue // "Y fell when X was given": the method is the time of the result before it
		}
		var need uint32
		switch {
		case h.bits&cueAim != 0 && h.bits&(cueInc|cueDec) != 0 && t.mentionAfter(s, h.end, to):
			// "X encourages breakouts": a verb of aims that is also a
			// relation verb relates the concept right after it.
			continue
		case h.bits&cueAim != 0 && t.hasClass2(toks[from], cl2Whether) && t.relationAfterContrast(s, hits, h.tok, to):
			// "Whether X helps Y is not known, but they lower Z": the
			// clause after the contrast states
			continue
		case h.bits&cueAim != 0:
			need = cueFinding
		case h.bits&cueMethod != 0:
			need = cueFinding | cueSignif
		case h.bits&cueScope != 0:
			need = cueFinding
		case h.bits&cueOpen != 0 && (t.hasClass2(toks[from], cl2Whether) ||
			int(h.end) < to && t.hasClass2(toks[h.end], cl2Whether)) && !t.relationAfterContrast(s, hits, h.tok, to):
			// "Whether X protects ... remains to be determined", "it
			// remains to be seen whether ...": an open question (not
			// "it remains to be seen whether X helps Y, but X lowers Z")
			need = cueFinding
		default:
			continue
		}
		found := false
		for _, g := range hits[i+1:] {
			// A method is followed by its result when a relation verb in
			// the past tense comes after it: "When X was treated with Y,
			// their Z improved."
			if g.bits&need != 0 && g.bits&cueFinding != 0 && t.whetherAfter(s, g.end, to) {
				continue // "aimed to find out whether X ...": a finding word that asks
			}
			if g.bits&need != 0 || h.bits&cueMethod != 0 && g.bits&(cueInc|cueDec) != 0 && t.pastVerb(s, text, g) ||
				h.bits&cueMethod != 0 && g.bits&cueNegRel != 0 && g.end-g.tok > 1 && t.hasClass2(toks[g.tok-1], cl2Relative) && t.studiesBefore(s, g.tok-1) {
				// ("X was tested in two trials, which found no benefit on Y":
				// the trials' denial is the method's result)
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
	c.Relation = t.relation(s, text, hits, firstMent)
	c.Relations = t.pairs(s, text, hits, from, to, firstMent, c.Negated, c.Hedged, c.Relation)
	if len(c.Relations) == 0 && (s.pairs.armsOnly || s.pairs.covariates || s.pairs.objectsOnly) {
		// "discriminated the X + Y group from the Y group"; "the
		// association persisted after adjustment for Y", Y the only
		// concept of its kind; "Supplements improved X and reduced Y"
		return lumen.Claim{}, false
	}
	if armOK {
		t.applyArmResult(c.Relations, arm)
	}
	c.Relations = t.lostDiversityTwins(s, c.Relations, to, firstMent)
	c.Relations = t.sameKindPairs(c.Relations)
	c.Relations = t.deniedContrastOutcomes(s, hits, c.Relations, from, to, firstMent)
	c.Relations = t.enteredAgents(s, hits, c.Relations, from, to, firstMent)
	// The sentence's relation summarises its pairs: the effect of the first
	// pair that is not denied.
	for _, r := range c.Relations {
		if !r.Negated {
			c.Relation = r.Effect
			if c.Hedged && !r.Hedged && (s.pairs.meansHedge || s.pairs.hedgeAside) {
				// "X reduced Y, possibly via Z": the hedge is the
				// means', not the statement's
				c.Hedged = false
			}
			break
		}
	}
	if c.Negated && len(c.Relations) > 0 && !s.pairs.fallback && !slices.ContainsFunc(c.Relations, func(r lumen.Relation) bool { return r.Negated }) {
		// the denial speaks of something no pair holds ("Y did not
		// change in the placebo group, whereas it fell in the X group")
		c.Negated = false
	}
	if c.Negated && len(c.Relations) > 0 && s.pairs.fallback && !slices.ContainsFunc(c.Relations, func(r lumen.Relation) bool { return r.Negated }) {
		c.Negated = false // the nearest pair's concept states a relation the denial does not reach (nearestPair)
	}
	if len(c.Relations) > 0 && !s.pairs.fallback {
		// The claim is denied as a whole only when every pair is, and
		// hedged when every pair that reaches a condition is (every
		// pair, when none does): "X reduced Y, possibly through Z"
		// states that X reduced Y; "S disrupts the microbiome, which may
		// worsen Y" is a hedged claim about Y. The pairs only take a
		// denial away: a sentence read as undenied stays so ("it is not
		// the case that X has no effect on Y" denies a denial).
		c.Negated = c.Negated && !slices.ContainsFunc(c.Relations, func(r lumen.Relation) bool { return !r.Negated })
		c.Hedged = t.hedgedClaim(c.Relations)
	}
	switch {
	case c.Negated:
		c.Relation = lumen.RelationNoEffect
	case c.Relation == "":
		c.Relation = lumen.RelationAssociated // "patients with X had Y"
	}
	c.Confidence = t.confidence(s, hits, from, to, firstMent, title, c)
	return c, true
}

// hedgedClaim reports whether every relation that reaches a condition is
// hedged, or every relation when none reaches one.
func (t *Tagger) hedgedClaim(rels []lumen.Relation) bool {
	cond := slices.ContainsFunc(rels, t.reachesCondition)
	for _, r := range rels {
		if !r.Hedged && (!cond || t.reachesCondition(r)) {
			return false
		}
	}
	return true
}

// reachesCondition reports whether relation r has a condition as an end.
func (t *Tagger) reachesCondition(r lumen.Relation) bool {
	return t.kindOf(r.Subject) == kindCondition || t.kindOf(r.Object) == kindCondition
}

// procedure reports whether relation hit h belongs to the description of
// what people or animals were given rather than to a finding: a
// participle of exposure before "with" after a comma or a population word
// ("a man with X, previously treated with Y, ..."), or the purpose of what
// a population received ("the animals received X to deplete Y").
func (t *Tagger) procedure(s *scratch, text string, h cueHit, from int) bool {
	toks := s.toks
	k := int(h.tok) - 1
	for k >= from && t.ending(s, int32(k), t.adverbEnd) {
		k--
	}
	if h.end-h.tok == 1 && int(h.end) < len(toks) && t.hasClass2(toks[h.tok], cl2Exposure) && t.ending(s, h.tok, t.pastEnd) &&
		t.hasClass2(toks[h.end], cl2PairCausePrep) && t.hasClass2(toks[h.end], cl2PairObjectPrep) &&
		(toks[k+1].flags&flagClause != 0 || k >= from && t.hasClass2(toks[k], cl2Population)) {
		return true
	}
	if int(h.tok) <= from || !t.hasClass2(toks[h.tok-1], cl2PurposeTo) {
		return false
	}
	for j := from; j+1 < int(h.tok); j++ {
		if t.hasClass2(toks[j], cl2Population) && t.hasClass2(toks[j+1], cl2Exposure) && t.edForm(s, int32(j+1)) {
			return true
		}
	}
	return false
}

// designTitle reports whether a title names the topic of a study: a study
// design after its last colon ("X and the prevention of Y: a randomised
// trial") and relations worded only by nouns and adjectives, no verb; a
// gerund, an infinitive of purpose, a prefix ("anti-") and a noun of
// purpose ("as adjunctive therapy for Y") name topics too.
func (t *Tagger) designTitle(s *scratch, text string, hits []cueHit, from, to int) bool {
	toks := s.toks
	colon := -1
	for k := from + 1; k < to; k++ {
		if strings.Contains(text[toks[k-1].end:toks[k].start], ":") {
			colon = k
		}
	}
	if colon < 0 {
		return false
	}
	design := false
	for k := colon; k < to && !design; k++ {
		best, _ := t.evid.longest(toks, k, to, nil)
		design = best >= 0
	}
	if !design {
		return false
	}
	// "Remission of Y after X: a case report" reports an outcome.
	for k := from; k < colon; k++ {
		if t.hasClass2(toks[k], cl2PairCausePrep) && !t.hasClass2(toks[k], cl2PairObjectPrep) && t.mentionAfter(s, int32(k+1), colon) {
			return false
		}
	}
	// A part after the colon that opens with the design ("...: a
	// cross-sectional study of 92 patients and 61 controls") is the
	// design's own words.
	d := colon
	if d+2 < to && s.tokMent[d] < 0 && t.hasClass3(toks[d+1], cl3PlacePrep) && toks[d+1].flags&flagHard == 0 {
		d += 2 // "...: results (findings, data) from a prospective cohort"
	}
	if d < to && t.hasClass(toks[d], clsArticle) {
		d++
	}
	for d+1 < to && toks[d].flags&flagDigit != 0 && toks[d].flags&flagLetter == 0 && joinedByHyphen(s, int32(d+1)) {
		d += 2 // its length: "...: a 10-week randomised trial"
	}
	designAfter := false
	if d < to {
		best, _ := t.evid.longest(toks, d, to, nil)
		designAfter = best >= 0
	}
	finite := t.titleStates(s, hits, from, colon)
	for _, h := range hits {
		if h.bits&(cueInc|cueDec|cueAssoc|cueCompar|cueNegRel) == 0 || h.bits&cueTopic != 0 || designAfter && int(h.tok) >= colon {
			continue
		}
		w := text[toks[h.end-1].start:toks[h.end-1].end]
		if h.end-h.tok == 1 && (t.adjectiveEnding(w) || t.nounEnding(w)) {
			continue
		}
		if h.end-h.tok == 1 && int(h.tok) > from && s.tokMent[h.tok-1] >= 0 && int(h.end) < to && t.hasClass2(toks[h.end], cl2FindingPrep|cl2PairOf) {
			continue // a noun after its concept: "Markers of gut barrier damage in Y: a cross-sectional study"
		}
		if h.end-h.tok == 1 && joinedByHyphen(s, h.tok) && toks[h.tok].flags&flagHard == 0 &&
			!t.onCue(hits, h.end) {
			// a compound adjective: "<X>-enriched formula", "heat-killed
			// <X>" (not "<X>-induced remission of Y")
			continue
		}
		if h.bits&(cueInc|cueDec) == 0 && h.end-h.tok == 2 && t.hasClass2(toks[h.end-1], cl2PairOf) {
			continue // a noun of association and its "of": "Markers of X in Y: a cross-sectional study"
		}
		if t.hasClass4(toks[h.tok], cl4AdjunctNoun) {
			continue // what the trial adds: "X as an adjunct to Y in Z: a randomised trial"
		}
		if int(h.tok) < colon && !finite && h.end-h.tok == 1 && joinedByHyphen(s, h.tok+1) && toks[h.tok+1].flags&flagHard == 0 {
			continue // a prefix: "An anti-inflammatory diet ...", "anti-TNF therapy"
		}
		if int(h.tok) < colon && !finite && h.end-h.tok == 1 && (t.ingForm(s, h.tok) || int(h.tok) > from && t.hasClass2(toks[h.tok-1], cl2PurposeTo)) {
			// a gerund or an infinitive of purpose names a topic, in a
			// title with no finite verb: "Zinc in wound healing and Y",
			// "X for preventing and treating Y", "Shaping X to prevent Y"
			continue
		}
		if int(h.end) <= colon && t.purposeNoun(s, h, colon) {
			continue // "X as adjunctive (adjuvant) therapy for Y: a systematic review" names what it is studied for
		}
		return false
	}
	return true
}

// purposeNoun reports whether cue h, in a title, is a noun of purpose:
// several words that end in "for" ("therapy for", "add-on treatment
// for"), or one word after "as" or an article with "for" within the two
// words after it ("as adjuvant therapy for"), all before token end. A
// verb before its object and "for" is no noun ("Probiotics reduce risk
// for eczema").
func (t *Tagger) purposeNoun(s *scratch, h cueHit, end int) bool {
	toks := s.toks
	if h.end-h.tok >= 2 {
		return int(h.end) <= end && t.hasClass2(toks[h.end-1], cl2Purpose)
	}
	if h.tok == 0 || !(t.hasClass(toks[h.tok-1], clsArticle) || t.hasClass4(toks[h.tok-1], cl4RoleAs)) {
		return false
	}
	for k := h.end; k < h.end+2 && int(k) < end; k++ {
		if toks[k].flags&flagHard != 0 || s.tokMent[k] >= 0 {
			return false
		}
		if t.hasClass2(toks[k], cl2Purpose) {
			return true
		}
	}
	return false
}

// titleStates reports whether the title between from and end states
// something with a finite verb: a copula or a modal ("Probiotics are
// effective in reducing Y", "were shown to prevent"), a verb or finding
// cue, a hedge before "to" ("appear to", "unlikely to") or a negator that
// is no determiner ("do not appear to prevent").
func (t *Tagger) titleStates(s *scratch, hits []cueHit, from, end int) bool {
	toks := s.toks
	for k := from; k < end; k++ {
		if t.hasClass2(toks[k], cl2Relative) {
			end = k // a relative clause qualifies a noun: "in infants who are at high risk"
			break
		}
	}
	for k := from; k < end; k++ {
		if t.hasClass(toks[k], clsCopula) || t.hasClass2(toks[k], cl2Modal) {
			return true
		}
	}
	for _, h := range hits {
		if int(h.tok) >= end {
			break
		}
		if h.bits&cueNeg != 0 && (t.hasClass(toks[h.tok], clsConj) || int(h.tok) > from && (t.hasClass(toks[h.tok-1], clsConj) || t.onCueBits(hits, h.tok-1, cueContrast))) {
			continue // "X and not Y for Z": a contrast of topics
		}
		switch {
		case h.bits&(cueVerb|cueFinding) != 0:
			return true
		case h.bits&cueHedge != 0 && (t.hasClass2(toks[h.end-1], cl2PurposeTo) || int(h.end) < end && t.hasClass2(toks[h.end], cl2PurposeTo)):
			return true
		case h.bits&cueNeg != 0 && !t.hasClass4(toks[h.tok], cl4NoDeterminer):
			return true
		}
	}
	return false
}

// neutralBefore reports whether a neutral wording that names no study
// design ("no adverse effects", "well tolerated") comes before token k:
// the finding at k reports it, no relation.
func (t *Tagger) neutralBefore(s *scratch, hits []cueHit, k int32, to int) bool {
	for _, h := range hits {
		if h.tok >= k {
			break
		}
		if h.bits&cueNeutral == 0 {
			continue
		}
		if d, _ := t.evid.longest(s.toks, int(h.tok), to, nil); d < 0 {
			return true // (a design is none: "case-control studies found ...")
		}
	}
	return false
}

// foundIn reports whether the sentence says that a concept was found in
// people with a condition of another kind: a finding word, the concept
// just before or after it, a finding preposition and the condition ("X has
// been described in patients with Y", "studies reported X among people
// with Y"). The nearest concepts are then associated.
func (t *Tagger) foundIn(s *scratch, hits []cueHit, from, to int) bool {
	toks := s.toks
	kindAt := func(k int) int8 {
		if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped {
			return t.concepts[s.ments[m].concept].kind
		}
		return -1
	}
	for _, h := range hits {
		if h.bits&(cueFound|cueFinding) == 0 || t.neutralBefore(s, hits, h.tok, to) {
			continue // ("no adverse effects were reported in ...")
		}
		var seen [3]bool // kinds of the concepts named next to the finding word
		for j, n := int(h.tok)-1, 0; j >= from && n < 4 && toks[j+1].flags&flagClause == 0; j-- {
			if k := kindAt(j); k >= 0 {
				seen[k] = true
				break
			}
			if !t.hasClass2(toks[j], cl2Have|cl2Been|cl2PassiveAux) && !t.ending(s, int32(j), t.adverbEnd) {
				n++ // ("have repeatedly been reported": auxiliaries and adverbs do not count)
			}
		}
		for j := int(h.end); j < to && j < int(h.end)+8; j++ {
			if j > int(h.end) && toks[j].flags&flagClause != 0 {
				break
			}
			if !t.hasClass2(toks[j], cl2FindingPrep) {
				if k := kindAt(j); k >= 0 {
					seen[k] = true
				} else if t.hasClass2(toks[j], cl2PairObjectPrep|cl2PairCausePrep|cl2PairBy) {
					break // the concept after another preposition is no finding
				}
				continue
			}
			for k, lim := j+1, j+4; k < to && k <= lim; k++ {
				if kindAt(k) == kindCondition && (seen[kindMechanism] || seen[kindIntervention]) {
					return true
				}
				if t.hasClass2(toks[k], cl2Population) && toks[k].flags&flagClause == 0 {
					lim = min(k+4, j+8) // "in the blood of patients with (active) Y"
				}
			}
			break
		}
	}
	return false
}

// mentionAfter reports whether a concept mention starts at token k, past
// articles, determiners and adjective fillers, before token to.
func (t *Tagger) mentionAfter(s *scratch, k int32, to int) bool {
	for j := int(k); j < to && j < int(k)+4; j++ {
		if s.tokMent[j] >= 0 {
			return true
		}
		if !t.hasClass(s.toks[j], clsArticle|clsDeterminer|clsAdjective) {
			return false
		}
	}
	return false
}

// possession reports whether the sentence says that people with a
// condition have something of another kind: "X patients had Y", "people
// with X often have low Y".
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

// resultBeforeTime reports whether method cue h stands in a clause of
// time ("when X was given", "once mice were fed X") after a relation verb
// in the past tense among hits, the cues before it: the result comes
// first ("Y fell when X was given").
func (t *Tagger) resultBeforeTime(s *scratch, text string, hits []cueHit, h cueHit, from int) bool {
	toks := s.toks
	for k := int(h.tok) - 1; k >= from && k >= int(h.tok)-6; k-- {
		if t.hasClass(toks[k], clsTimeClause) {
			return slices.ContainsFunc(hits, func(g cueHit) bool {
				return int(g.end) <= k && g.bits&(cueInc|cueDec) != 0 && t.pastVerb(s, text, g)
			})
		}
		if toks[k+1].flags&(flagHard|flagClause) != 0 {
			return false
		}
	}
	return false
}

// evidenceLacking returns the token of a lacking-word said, after a
// copula and maybe adverbs, of a noun of evidence that opens the sentence,
// maybe after an opening word or a reporting frame ("(The) evidence for X
// in Y is (currently) lacking", "the evidence that X treats Y is thin",
// "Still, the evidence ...", "Dermatologists say the evidence ..."), or
// that opens a clause of contrast ("..., but the evidence that X treats Y
// is thin", "X is said to cause Y, but the evidence behind it is thin"),
// or -1. The lacking-word ends its clause. It records in s.lackAt and
// s.lackSpan the lacking-word and the tokens whose relations it denies:
// from the evidence to the lacking-word, or, for "the evidence behind
// it", the claim before the contrast.
func (t *Tagger) evidenceLacking(s *scratch, hits []cueHit, from, to int) int32 {
	k := t.evidenceLackingSpan(s, hits, from, to)
	s.lackNeg = -1
	if k >= 0 && t.hasClass4(s.toks[k], cl4Sufficiency) {
		// "is not (yet) sufficient": the negator is the lacking-word's
		for j := k - 1; j > int32(from); j-- {
			if t.onCueBits(hits, j, cueNeg) {
				s.lackNeg = j
				break
			}
		}
	}
	return k
}

// evidenceLackingSpan is evidenceLacking without the negator of a word of
// enough evidence.
func (t *Tagger) evidenceLackingSpan(s *scratch, hits []cueHit, from, to int) int32 {
	s.lackAt = -1
	if k, _ := t.evidenceLackingAt(s, hits, from, to, false); k >= 0 {
		s.lackAt, s.lackSpan = k, [2]int32{int32(from), k}
		return k
	}
	for _, h := range hits {
		if h.bits&(cueContrast|cueClauseBreak) == 0 || int(h.tok) <= from || int(h.end) >= to || s.toks[h.tok].flags&flagClause == 0 {
			continue // ("..., although the evidence that X improves Y is thin")
		}
		k, behind := t.evidenceLackingAt(s, hits, int(h.end), to, true)
		if k < 0 {
			if k = t.noEvidenceForThis(s, hits, int(h.end), to); k >= 0 {
				behind = true
			} else if k = t.evidenceNotThere(s, hits, int(h.end), to); k >= 0 {
				behind = true
			} else if k = t.noStudyShowingThis(s, hits, int(h.end), to); k >= 0 {
				behind = true
			}
		}
		switch {
		case k < 0:
			continue
		case behind:
			s.lackAt, s.lackSpan = k, [2]int32{int32(from), h.tok}
		case slices.ContainsFunc(hits, func(g cueHit) bool {
			return g.tok > h.end && g.tok < k && g.bits&(cueInc|cueDec|cueAssoc|cueHelp|cueHarm) != 0
		}) || t.kindsIn(s, int(h.end), int(k), to, 0) >= 2:
			// (or the evidence names concepts of two kinds: "..., but
			// trials of X in Y are lacking")
			s.lackAt, s.lackSpan = k, [2]int32{h.end, k}
		default:
			continue // "..., but data in Y are scarce": no relation to deny
		}
		return k
	}
	return -1
}

// noEvidenceForThis returns the pronoun that ends a clause that starts at
// token from and says there is no evidence for what came before ("...,
// but there is no (good) evidence for this (of that)"), or -1: "(there
// is) <negator> [adjectives] <evidence> <for | of> <this | that | it>".
// Evidence against it, or a verb after the evidence ("little evidence
// supports it"), is not one.
func (t *Tagger) noEvidenceForThis(s *scratch, hits []cueHit, from, to int) int32 {
	toks := s.toks
	k := int32(from)
	if int(k) < to && t.hasClass3(toks[k], cl3Expletive) {
		k++
	}
	if int(k) < to && t.hasClass(toks[k], clsCopula) {
		k++
	}
	if int(k) >= to || !t.onCueBits(hits, k, cueNeg|cueNegRel) {
		return -1
	}
	for j := k + 1; int(j)+2 < to && j <= k+3; j++ {
		if s.tokMent[j] >= 0 || toks[j].flags&flagHard != 0 || toks[j].flags&flagLetter == 0 {
			return -1
		}
		if !t.hasClass3(toks[j], cl3EvidenceNoun) {
			continue
		}
		e := j + 2 // the pronoun after the preposition
		if toks[j+1].flags&flagHard != 0 || toks[e].flags&flagHard != 0 || !t.hasClass2(toks[j+1], cl2PairOf|cl2Purpose) ||
			!t.hasClass2(toks[e], cl2Anaphora|cl2Relative) {
			return -1 // ("no evidence against this", "no evidence disproving it")
		}
		if int(e)+1 < to && toks[e+1].flags&(flagHard|flagClause) == 0 {
			return -1 // ("no evidence for that claim in Y"; "for it to work")
		}
		return e
	}
	return -1
}

// lackingEvidence widens a negator before a noun of evidence or of a
// study, past at most three words before the noun and a word of time
// after it, into a denial when what the evidence would show follows ("no
// good evidence yet that X helps Y", "no randomised trial showing that X
// ...", "no proper trial showing"), as the listed phrases "no evidence
// that" and "no trial showing" are. The negator is a determiner
// (no-determiners), or a verb's before "have" ("we don't yet have
// evidence that"), not another verb's ("should not ignore the evidence
// that"); the words between are no relation, hedge or
// finding cues, no -ing forms but hyphenated ones ("long-running"),
// less-words or "of" ("no shortage of studies showing", "no denying the
// evidence": the evidence is there); design names ("no randomised
// controlled trials showing") and words of time ("yet", "to date", "so
// far") are passed, and a verb of finding may open what would be shown
// ("no study to date has shown that").
func (t *Tagger) lackingEvidence(s *scratch, hits []cueHit, to int) []cueHit {
	toks := s.toks
	// neutral hits: design names ("randomised controlled") and the word of
	// time, which the denial reaches past
	neutral := func(h cueHit) bool { return h.bits&(relationBits|cueHedge|cueFinding|cueNeg|cueNegRel) == 0 }
	for i := 0; i < len(hits); i++ {
		h := &hits[i]
		if h.bits&(cueNeg|cueNegRel) == 0 || h.bits&(cuePseudo|cueNegLong) != 0 {
			continue // ("None of the six trials that recorded Y found ...": a quantifier, read elsewhere)
		}
		k, noun := h.end, t.hasClass3(toks[h.end-1], cl3EvidenceNoun|cl3StudyNoun)
		if !noun && !t.hasClass4(toks[h.end-1], cl4NoDeterminer) {
			// a verb's negator denies only with "have" ("we don't (yet)
			// have evidence that"), not "should not ignore the evidence
			// that", "don't need another study proving"
			j := k
			if int(j) < to && t.hasClass4(toks[j], cl4EvidenceTime) {
				j++
			}
			if int(j) >= to || !t.hasClass2(toks[j], cl2Have) || toks[j].flags&flagHard != 0 {
				continue
			}
			k = j + 1
		}
		for n := 0; !noun && n < 4 && int(k) < to; n++ {
			if toks[k].flags&(flagHard|flagLetter) != flagLetter || s.tokMent[k] >= 0 ||
				t.onCueBits(hits, k, relationBits|cueHedge|cueFinding|cueNeg|cueNegRel) ||
				t.ingForm(s, k) && !joinedByHyphen(s, k) || t.hasClass(toks[k], clsLess) || t.hasClass2(toks[k], cl2PairOf) {
				break // ("no shortage of studies", "no denying the evidence": the evidence is there)
			}
			noun = t.hasClass3(toks[k], cl3EvidenceNoun|cl3StudyNoun)
			k++
		}
		if !noun || int(k) >= to || toks[k].flags&flagHard != 0 {
			continue
		}
		switch {
		case t.hasClass4(toks[k], cl4EvidenceTime) && int(k)+1 < to && toks[k+1].flags&flagHard == 0:
			k++ // "no good evidence yet that"
		case int(k)+2 < to && t.hasClass4(toks[k+1], cl4EvidenceTime) && t.hasClass4(toks[k], cl4EvidenceTimeLead) &&
			toks[k+1].flags&flagHard == 0 && toks[k+2].flags&flagHard == 0:
			k += 2 // "no study to date has shown that", "no trial so far"
		}
		complement := t.hasClass4(toks[k], cl4EvidenceComplement)
		if !complement {
			// "no study to date has shown that": a verb of finding, maybe
			// after an auxiliary
			f := k
			if int(f)+1 < to && t.hasClass2(toks[f], cl2Have) {
				f++
			}
			complement = f > h.end && t.onCueBits(hits, f, cueFinding) && int(f)+1 < to && t.hasClass4(toks[f+1], cl4EvidenceComplement)
		}
		if !complement {
			continue
		}
		j := i + 1 // the neutral hits it swallows
		for j < len(hits) && hits[j].tok < k && neutral(hits[j]) {
			j++
		}
		if j < len(hits) && hits[j].tok < k && hits[j].bits&cueFinding == 0 {
			continue // (another cue in between)
		}
		h.end, h.bits = k, h.bits|cueNegRel
		hits = slices.Delete(hits, i+1, j)
	}
	return hits
}

// evidenceNotThere returns the negator of a clause that starts at token
// from and says the evidence for what came before is not there ("...,
// but the research simply isn't there yet"), or -1: "<article>
// <evidence> [a copula, adverbs] <negator> <there> [one word]" to the end
// of the sentence.
func (t *Tagger) evidenceNotThere(s *scratch, hits []cueHit, from, to int) int32 {
	toks := s.toks
	k := from
	if k < to && t.hasClass(toks[k], clsArticle|clsDeterminer) {
		k++
	}
	if k >= to || !t.hasClass3(toks[k], cl3EvidenceNoun) || s.tokMent[k] >= 0 {
		return -1
	}
	i := -1
	for k++; k < to && k <= from+6 && i < 0; k++ {
		// a copula and adverbs before the negator ("simply isn't", "are
		// just not")
		if i = slices.IndexFunc(hits, func(h cueHit) bool { return int(h.tok) == k && h.bits&cueNeg != 0 }); i >= 0 {
			break
		}
		if s.tokMent[k] >= 0 || toks[k].flags&(flagHard|flagLetter) != flagLetter ||
			t.onCueBits(hits, int32(k), relationBits|cueHedge|cueFinding) && !t.hasClass(toks[k], clsCopula) {
			return -1
		}
	}
	if i < 0 {
		return -1
	}
	e := int(hits[i].end)
	if e >= to || !t.hasClass3(toks[e], cl3Expletive) || toks[e].flags&flagHard != 0 {
		return -1
	}
	for j := e + 1; j < to; j++ {
		if j > e+1 || s.tokMent[j] >= 0 || toks[j].flags&flagHard != 0 {
			return -1 // ("... isn't there in Y": more than a word after it)
		}
	}
	return hits[i].tok
}

// noStudyShowingThis returns the negator of a clause that starts at token
// from and says no study shows what came before ("..., but no trial has
// shown this", "but I haven't found a single study that shows this"), or
// -1: the negator within two words of the start, a noun of a study or of
// evidence within four words after it (not a cited one: "no previous
// trial"), and a pronoun ("this", "it", "that") within four words after
// the noun that ends the clause, maybe before words of time ("yet", "so
// far"), with no concept, relation or hedge after the negator and no
// modal after the noun (the trial "that would prove it" is not run: a
// hedge). A verb of finding must say what was not shown ("has tested
// this" says it is untested). Not when the article's own work comes
// before ("in our (this) trial", "we").
func (t *Tagger) noStudyShowingThis(s *scratch, hits []cueHit, from, to int) int32 {
	toks := s.toks
	i := -1
	for k := from; k < to && k <= from+2 && i < 0; k++ {
		i = slices.IndexFunc(hits, func(h cueHit) bool {
			return int(h.tok) == k && h.bits&(cueNeg|cueNegRel) != 0 && h.bits&cuePseudo == 0
		})
	}
	if i < 0 {
		return -1
	}
	neg := hits[i]
	noun := int32(-1)
	for j := neg.tok; int(j) < to && j <= neg.end+4 && noun < 0; j++ { // ("no trial has shown": the noun inside the negator)
		if t.hasClass(toks[j], clsCitedDesign) {
			return -1 // ("but no previous (other) trial has shown this": a new finding)
		}
		if t.hasClass3(toks[j], cl3StudyNoun|cl3EvidenceNoun) {
			noun = j
		}
	}
	if noun < 0 {
		return -1
	}
	for j := int32(from) - 1; j >= 0 && s.tokSent[j] == s.tokSent[neg.tok]; j-- {
		if t.hasClass2(toks[j], cl2SelfDesign) {
			return -1 // ("X reduced Y in our (this) trial, but no study has shown this": the article's own finding)
		}
	}
	e := int32(-1)
	for j := noun + 1; int(j) < to && j <= noun+4 && e < 0; j++ {
		if !t.hasClass2(toks[j], cl2Anaphora) && !t.hasClass4(toks[j], cl4EvidenceComplement) {
			continue
		}
		k := j + 1 // past words of time: "has shown this yet (so far, to date)"
		for n := 0; n < 2 && int(k) < to && toks[k].flags&(flagHard|flagClause) == 0 &&
			t.hasClass4(toks[k], cl4EvidenceTime|cl4EvidenceTimeLead); n++ {
			k++
		}
		if int(k) >= to || toks[k].flags&(flagHard|flagClause) != 0 {
			e = j
		}
	}
	if e < 0 {
		return -1
	}
	shown := neg.bits&cueNegRel != 0 // ("no trial has shown")
	for j := int32(from); j <= e; j++ {
		if s.tokMent[j] >= 0 || j > int32(from) && toks[j].flags&flagHard != 0 ||
			j >= neg.end && t.onCueBits(hits, j, relationBits|cueHedge) || j > noun && t.hasClass2(toks[j], cl2Modal) {
			return -1 // ("no study has shown this in Y", "no trial has tested whether it works", "the trial that would prove it")
		}
		shown = shown || j > noun && t.onCueBits(hits, j, cueFound|cueFinding)
	}
	if !shown {
		return -1 // ("no trial has tested this": untested, not denied)
	}
	return neg.tok
}

// lackingDenial reports whether cue hit h is the lacking-word that
// evidenceLacking found: it denies the relations of s.lackSpan.
func (s *scratch) lackingDenial(h cueHit) bool {
	return h.tok == s.lackAt && h.bits&(cueNeg|cueNegRel) != 0
}

// evidenceLackingAt is evidenceLacking for the clause that starts at
// token from; after a contrast, evidence for "it" or "this" is evidence
// for the claim before (behind reports it).
func (t *Tagger) evidenceLackingAt(s *scratch, hits []cueHit, from, to int, contrast bool) (lack int32, behind bool) {
	toks := s.toks
	k := from
	opened := false
	skipped := false // an opening phrase of setting stands before the evidence
	for n := 0; n < 2 && k+n+1 < to && s.tokMent[k+n] < 0 && toks[k+n].flags&flagLetter != 0; n++ {
		if toks[k+n+1].flags&flagClause != 0 {
			k, from, opened = k+n+1, k+n+1, true // past an opening word or two: "Still, the evidence ...", "In short, ..."
			skipped = n > 0                      // ("in adults, the evidence behind it": a setting)
			break
		}
	}
	if !opened {
		// past an opening phrase of setting, no relation in it: "For
		// children who already have Y, the evidence that X ...", "...,
		// but for people who test negative, the evidence ..."
		for j := k + 1; j < to && j < k+12; j++ {
			if toks[j].flags&flagHard != 0 && toks[j].flags&flagClause == 0 || t.onCueBits(hits, int32(j), relationBits) {
				break
			}
			if toks[j].flags&flagClause != 0 {
				if j+1 < to && t.hasClass(toks[j], clsArticle|clsDeterminer) && t.hasClass3(toks[j+1], cl3EvidenceNoun) ||
					t.hasClass3(toks[j], cl3EvidenceNoun) {
					k, from, skipped = j, j, true
				}
				break
			}
		}
	}
	for j := from; j < to && j < from+4; j++ {
		// past a reporting frame: "Dermatologists say (that) the evidence ..."
		if s.tokMent[j] >= 0 || toks[j].flags&flagHard != 0 && j > from {
			break
		}
		if t.hasClass3(toks[j], cl3ReportingVerb) && j > from {
			k = j + 1
			if k < to && t.hasClass2(toks[k], cl2Relative) {
				k++
			}
			break
		}
	}
	if k < to && t.hasClass(toks[k], clsArticle|clsDeterminer) {
		k++
	}
	for j := k; j < k+2 && j+1 < to; j++ {
		// words that qualify the evidence: "Clinical data on X in Y are scarce"
		if s.tokMent[j] >= 0 || toks[j+1].flags&flagHard != 0 || toks[j].flags&(flagLetter|flagDigit) != flagLetter ||
			t.onCueBits(hits, int32(j), ^uint32(cueNeutral)) { // ("Controlled trials of X in Y are lacking": a design's words name no relation)
			break
		}
		if t.hasClass3(toks[j+1], cl3EvidenceNoun) {
			k = j + 1
			break
		}
	}
	if k+3 < to && t.hasClass3(toks[k], cl3EvidenceNoun) && t.hasClass(toks[k+1], clsCopula) && t.hasClass3(toks[k+2], cl3LackingWord) &&
		t.hasClass2(toks[k+3], cl2PurposeTo) && toks[k+1].flags&flagHard == 0 && toks[k+3].flags&flagHard == 0 && k+5 < to &&
		toks[k+4].flags&flagHard == 0 && t.mentionAfter(s, int32(k+5), to) {
		return int32(k + 2), false // "Evidence is insufficient to recommend X for Y"
	}
	// after a contrast, the words that stand for the claim before, right
	// after the evidence and its preposition: "it" ("but the evidence
	// behind it is thin"), or a noun of the claim ("... behind that idea",
	// new list claim-nouns)
	ref := 0
	switch {
	case contrast && k+2 < to && t.hasClass2(toks[k+2], cl2Pronoun) && toks[k+2].flags&flagHard == 0:
		ref = 1
	case contrast && k+3 < to && (t.hasClass2(toks[k+2], cl2Anaphora) || t.hasClass(toks[k+2], clsDeterminer|clsArticle) && !t.hasClass2(toks[k+2], cl2Indefinite)) &&
		!t.hasClass2(toks[k+2], cl2Pronoun) && t.hasClass3(toks[k+3], cl3ClaimNoun) && s.tokMent[k+3] < 0 &&
		toks[k+2].flags&flagHard == 0 && toks[k+3].flags&flagHard == 0:
		ref = 2
	}
	if k+1 >= to || !t.hasClass3(toks[k], cl3EvidenceNoun) ||
		!t.hasClass2(toks[k+1], cl2PairObjectPrep|cl2PairOf|cl2Relative) && ref == 0 || toks[k+1].flags&flagHard != 0 {
		return -1, false // ("Evidence suggests that ...": the noun is a verb's subject)
	}
	for j := int32(k + 2); int(j) < to; j++ {
		if toks[j].flags&flagClause != 0 && (t.hasClass(toks[j], clsConj) ||
			t.onCueBits(hits, j, cueContrast|cueClauseBreak) && !(j+1 < int32(to) && toks[j+1].flags&flagClause != 0)) { // (not ", however, are lacking")
			// ("Research on X is growing, and its effect on Y is weak",
			// "Trials of X in Y have been positive, but trials of Z are
			// lacking": a clause of its own)
			break
		}
		adverb := func(c int32) bool {
			return (t.ending(s, c, t.adverbEnd) || t.hasClass3(toks[c], cl3PlainAdverb) || t.hasClass2(toks[c], cl2Modal) && !t.hasClass(toks[c], clsCopula)) &&
				!t.onCueBits(hits, c, cueNeg) // ("is not lacking" denies nothing)
		}
		je := j // the last word of the lacking-words
		c := j - 1
		switch {
		case t.hasClass3(toks[j], cl3LackingWord):
		case t.hasClass4(toks[j], cl4Sufficiency):
			// "is not sufficient", "is not (yet) strong enough": enough
			// evidence denied is evidence lacking
			for c > int32(k) && (adverb(c) || t.hasClass4(toks[c], cl4EvidenceTime)) { // ("not yet")
				c--
			}
			if c <= int32(k) || !t.onCueBits(hits, c, cueNeg) || toks[c].flags&flagHard != 0 || toks[j].flags&flagHard != 0 {
				continue
			}
			c--
			if int(je)+1 < to && t.hasClass4(toks[je+1], cl4Sufficiency) && toks[je+1].flags&flagHard == 0 {
				je++ // ("strong enough")
			}
		default:
			continue
		}
		for c > int32(k) && adverb(c) { // ("is still thin")
			c--
		}
		end := int(je)+1 >= to || toks[je+1].flags&(flagHard|flagClause) != 0 ||
			t.hasClass2(toks[je+1], cl2PurposeTo) // ("is insufficient to recommend X for Y")
		named := false // the evidence is for a concept ("Evidence for dietary approaches is scarce" denies nothing named)
		for m := k + 1; m < int(c); m++ {
			named = named || s.tokMent[m] >= 0
		}
		behind = ref > 0 && int(c) == k+2+ref
		if behind && skipped {
			return -1, false // ("..., while in adults, the evidence behind it is weak": another setting's evidence)
		}
		if behind {
			named = true // "but the evidence behind (for) it is thin"
		}
		finding := slices.ContainsFunc(hits, func(h cueHit) bool {
			return int(h.tok) > k && h.tok < c && h.bits&(cueFinding|cueFound|cueHedge) != 0 &&
				!(h.end-h.tok == 1 && int(h.end) < to && s.tokMent[h.end] >= 0 && t.edForm(s, h.tok)) // ("established eczema": an adjective)
		})
		if t.hasClass(toks[c], clsCopula) && end && named && !finding {
			return j, behind
		}
	}
	return -1, false
}

// studiesBefore reports whether a noun of studies or a design ends right
// before token k ("two trials, which ...", "cohort studies that ...").
func (t *Tagger) studiesBefore(s *scratch, k int32) bool {
	toks := s.toks
	ends := func(e int) bool { // a noun of studies or a design ends right before token e
		if e >= 1 && t.hasClass3(toks[e-1], cl3StudyNoun) {
			return true
		}
		for i := max(0, e-4); i < e; i++ {
			if best, end := t.evid.longest(toks, i, e, nil); best >= 0 && end == e {
				return true
			}
		}
		return false
	}
	if ends(int(k)) {
		return true
	}
	// past one phrase of people or size ("two trials in infants, which",
	// "two trials of 300 adults, which")
	for j := k - 1; j > 0 && j >= k-4 && (j == k-1 || toks[j+1].flags&flagHard == 0); j-- {
		if s.tokMent[j] >= 0 {
			return false
		}
		if t.hasClass2(toks[j], cl2FindingPrep|cl2PairOf) {
			return ends(int(j))
		}
	}
	return false
}

// pastVerb reports whether cue hit g is a verb in the past tense
// ("improved", "worsened", "fell"), not a noun or an adjective before a
// noun ("improved health").
func (t *Tagger) pastVerb(s *scratch, text string, g cueHit) bool {
	toks := s.toks
	if g.end-g.tok != 1 {
		return false
	}
	w := text[toks[g.tok].start:toks[g.tok].end]
	if !endsIn(w, t.pastEnd) && !t.hasClass2(toks[g.tok], cl2IrregularPast) {
		return false
	}
	e := int(g.end)
	if e >= len(toks) || s.tokSent[e] != s.tokSent[g.tok] || toks[e].flags&flagHard != 0 ||
		t.hasClass(toks[e], clsArticle|clsDeterminer) || t.hasClass2(toks[e], cl2RelPrep) || s.tokMent[e] >= 0 {
		return true
	}
	if b := g.tok - 1; b >= 0 && s.tokSent[b] == s.tokSent[g.tok] && toks[g.tok].flags&flagHard == 0 && s.tokMent[b] >= 0 {
		return true // "X lowered serum Y": right after a concept, the verb of its subject
	}
	// "X was given during Y and reduced anxiety-like behaviour": after
	// "and" that follows no other -ed word it is the second verb of the
	// subject, not an adjective.
	k := int(g.tok) - 1
	return k > 0 && s.tokSent[k-1] == s.tokSent[g.tok] && toks[g.tok].flags&flagHard == 0 && t.hasClass(toks[k], clsConj) &&
		!t.ending(s, int32(k-1), t.pastEnd)
}

// topicUsedAsVerb reports whether a word that is usually a topic noun
// ("influence", "impact", "link", "role") is used as a verb or with one.
// "role" needs "play" before it. The others are nouns after an article or an
// adjective ("the influence", "a strong link") or before "of" and "between",
// and verbs when a concept, maybe after a less-word or a comparative, or an
// article follows ("studies link X with Y", "link low X to Y", "X
// influences the Y").
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
	if e+1 < to && t.hasClass(s.toks[e], clsLess|clsComparative) && s.toks[e+1].flags&flagHard == 0 {
		// "studies link low X to Y", "link higher X with Y"
		if m := s.tokMent[e+1]; m >= 0 && !s.ments[m].dropped {
			return true
		}
	}
	return t.hasClass(s.toks[e], clsArticle) || t.topicVerbObject(s, e, to)
}

// timeNamesConcept reports whether the words after token k may name what
// a condition happened after or during: false only when a verb of being
// or an auxiliary comes within eight words with no mention before it
// ("flares during pregnancy were less frequent in the X arm": the
// flares are the subject of another verb), true for "flared after a week
// of poor <X>".
func (t *Tagger) timeNamesConcept(s *scratch, k int32, to int) bool {
	for j := int(k); j < to && j < int(k)+8; j++ {
		if s.tokMent[j] >= 0 || s.toks[j].flags&flagHard != 0 {
			return true
		}
		if t.hasClass(s.toks[j], clsCopula) || t.auxiliary(s.toks[j]) {
			return false
		}
	}
	return true
}

// heldComparatives adds a comparative cue right before a mention that
// opens with its own comparative ("clearer skin", "smoother skin") after a
// verb of having or reporting a state, maybe with an intensifier or an
// article between: "students who took X had clearer skin", "reported much
// smoother skin", "had a leakier gut" compare as "had more <Y>" does. A
// cue already on that word keeps its kinds and gains the comparison.
func (t *Tagger) heldComparatives(s *scratch, hits []cueHit, from, to int) []cueHit {
	toks := s.toks
	first, _ := slices.BinarySearchFunc(s.ments, int32(from+1), func(m mention, k int32) int { return int(m.tokStart - k) })
	for mi := first; mi < len(s.ments) && int(s.ments[mi].tokStart) < to; mi++ {
		m := s.ments[mi]
		if m.dropped || m.tokEnd-m.tokStart < 2 || toks[m.tokStart].flags&flagHard != 0 || !t.hasClass4(toks[m.tokStart], cl4MentionComparative) {
			continue
		}
		k := m.tokStart - 1
		v := k
		if int(k) > from && (t.hasClass4(toks[k], cl4Intensifier) || t.ending(s, k, t.adverbEnd) || t.hasClass(toks[k], clsArticle)) &&
			toks[k].flags&flagHard == 0 {
			v = k - 1 // "had much clearer skin", "had a leakier gut"
		}
		if int(v) < from || s.tokMent[k] >= 0 || s.tokMent[v] >= 0 || !t.hasClass4(toks[v], cl4StateVerb) || toks[k+1].flags&flagHard != 0 {
			continue
		}
		at, found := slices.BinarySearchFunc(hits, k, func(h cueHit, k int32) int { return int(h.tok - k) })
		switch {
		case found && hits[at].end == k+1:
			hits[at].bits |= cueCompar
		case !found:
			hits = slices.Insert(hits, at, cueHit{tok: k, end: k + 1, bits: cueCompar})
		}
	}
	return hits
}

// topicVerbObject reports whether a concept follows token e after up to
// two words that are neither concepts nor prepositions, and a preposition
// of a relation's object follows the concept, with a concept within six
// words after it: "studies link high X intake to Y", "link daily X with
// Y".
func (t *Tagger) topicVerbObject(s *scratch, e, to int) bool {
	toks := s.toks
	j := e
	for ; j < to && j < e+2 && s.tokMent[j] < 0; j++ {
		if toks[j].flags&(flagHard|flagClause) != 0 || t.hasClass2(toks[j], cl2PairObjectPrep|cl2PairOf|cl2Than) || t.hasClass(toks[j], clsConj) {
			return false
		}
	}
	if j >= to || s.tokMent[j] < 0 || s.ments[s.tokMent[j]].dropped {
		return false
	}
	m := s.tokMent[j]
	for j < to && s.tokMent[j] == m {
		j++
	}
	for k := j; k < to && k <= j+1; k++ {
		if toks[k].flags&flagHard != 0 {
			return false
		}
		if !t.hasClass2(toks[k], cl2PairObjectPrep) {
			continue
		}
		for n := k + 1; n < to && n <= k+6 && toks[n].flags&(flagHard|flagClause) == 0; n++ {
			if s.tokMent[n] >= 0 {
				return true // ("link X intake to the onset and severity of Y")
			}
		}
		return false
	}
	return false
}

// titleNominal reports whether relation hit h reads as a noun in a title:
// a gerund right after a preposition ("in modulating", "for improving", "by
// reducing") or a one-word cue ending in -s that a conjunction, a
// preposition or the end of the title follows ("Gut Microbiota Changes and
// Their Relationship with Y", "Microbiota Changes in Y"). Titles name what
// the work is about that way, not a stated relation.
func (t *Tagger) titleNominal(s *scratch, h cueHit, from, to int) bool {
	k := int(h.tok)
	if h.end-h.tok != 1 || k <= from {
		return false
	}
	toks := s.toks
	if t.ingForm(s, h.tok) && toks[k].flags&flagHard == 0 && t.hasClass2(toks[k-1], cl2PairObjectPrep|cl2PairBy|cl2PairOf) {
		return true
	}
	if !t.ending(s, h.tok, t.pluralEnd) || s.tokMent[k-1] < 0 {
		return false
	}
	e := int(h.end)
	return e >= to || toks[e].flags&flagHard != 0 || t.hasClass(toks[e], clsConj) ||
		t.hasClass2(toks[e], cl2PairObjectPrep|cl2PairOf|cl2PairCausePrep)
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

// untaggedSubject reports whether relation hit h is a verb such as
// "correlated" or "was associated" whose subject, before it in its clause,
// is a word outside the inventory and names no concept ("Joint pain
// correlated with X in Y"): the relation it states
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

// clauses records in s.segs where the clauses of the sentence [from, to)
// start: at "but", "whereas", "although" and other clause breaks, and after
// a semicolon.
func (t *Tagger) clauses(s *scratch, text string, hits []cueHit, from, to int) {
	s.segs = append(s.segs[:0], int32(from))
	hi := 0
	depth := 0 // brackets open: a semicolon inside them separates statistics ("(aOR 1.9; 95% CI 1.2-3.0)"), not clauses
	// A sentence that opens with a clause break and denies or hedges in
	// it ("Although X did not ..., they ...", "Although the mechanism is
	// unclear, X ...") ends that clause at its first comma after the
	// negator or the hedge: the denial or the doubt stays in it.
	opened := len(hits) > 0 && int(hits[0].tok) == from && hits[0].bits&cueClauseBreak != 0
	denied := false
	for k := from + 1; k < to; k++ {
		for hi < len(hits) && int(hits[hi].tok) < k {
			hi++
		}
		brk := hi < len(hits) && int(hits[hi].tok) == k && hits[hi].bits&cueClauseBreak != 0
		denied = denied || hi > 0 && hits[hi-1].bits&(cueNeg|cueNegRel|cueHedge) != 0 && hits[hi-1].bits&cuePseudo == 0
		if s.toks[k].flags&flagClause != 0 {
			for _, c := range []byte(text[s.toks[k-1].end:s.toks[k].start]) {
				switch c {
				case '(', '[':
					depth++
				case ')', ']':
					depth = max(depth-1, 0)
				case ';':
					brk = brk || depth == 0
				case ',':
					if opened && denied && depth == 0 {
						brk, opened = true, false
					}
				}
			}
		}
		if brk {
			s.segs = append(s.segs, int32(k))
		}
	}
	s.segs = append(s.segs, int32(to))
}

// adjectiveContrast reports whether the clause break hits[hi] joins two
// adjectives of one noun phrase ("a modest but significant improvement"):
// an article two words before it, no comma, and a plain word on either
// side.
func (t *Tagger) adjectiveContrast(s *scratch, hits []cueHit, hi, from, to int) bool {
	k := hits[hi].tok
	if int(k)-2 < from || int(k)+2 >= to || hits[hi].end != k+1 || s.toks[k].flags&flagClause != 0 ||
		!t.hasClass(s.toks[k-2], clsArticle|clsDeterminer) || s.tokMent[k-1] >= 0 || s.tokMent[k+1] >= 0 {
		return false
	}
	for _, h := range hits {
		if h.tok <= k+1 && h.end > k-1 && h.tok != k && h.bits&(relationBits|cueNeg|cueNegRel) != 0 &&
			!(h.tok == k+1 && h.end == k+2 && h.bits&(cueNeg|cueNegRel) == 0 && s.tokMent[k+2] < 0 && s.toks[k+2].flags&flagHard == 0 &&
				!t.onCue(hits, k+2)) {
			// a cue on either side: "the placebo but not ..." (an
			// adjective of help before a plain noun is none: "a modest
			// but useful adjunct")
			return false
		}
	}
	return true
}

// afterAuxiliary reports whether token i stands right after an auxiliary
// or "to", and so is a verb ("did not clear", "can clear", "to clear");
// not after a copula and a negator ("it is not clear whether", "it is also
// not clear"). hits are the cues found before token i.
func (t *Tagger) afterAuxiliary(s *scratch, hits []cueHit, i, from int) bool {
	toks := s.toks
	if i <= from || toks[i].flags&flagHard != 0 {
		return false
	}
	if t.hasClass2(toks[i-1], cl2PurposeTo) {
		return true
	}
	if n := len(hits); n > 0 && int(hits[n-1].end) == i && hits[n-1].bits&cueNeg != 0 {
		if h := hits[n-1]; h.end-h.tok > 1 {
			return t.auxiliary(toks[h.tok]) // "did not", "will not": the negator's own auxiliary
		}
		j := int(hits[n-1].tok) - 1
		return j >= from && t.auxiliary(toks[j])
	}
	return t.auxiliary(toks[i-1])
}

// auxiliary reports whether tk is an auxiliary that is no copula ("did",
// "can", "will"): the base form after it is a verb.
func (t *Tagger) auxiliary(tk token) bool {
	return t.hasClass2(tk, cl2EllipsisAux) && !t.hasClass(tk, clsCopula)
}

// parentheticalBreak reports whether clause-break cue h is an adverb set
// off by commas before a "that" clause ("There is no evidence, however,
// that X helps Y"): an aside inside the phrase, which it does not end.
func (t *Tagger) parentheticalBreak(s *scratch, hits []cueHit, h cueHit, to int) bool {
	k := int(h.end)
	if h.end-h.tok == 1 && h.tok > 0 && t.onCueBits(hits, h.tok-1, cueNeg) && t.breakAside(s, h.tok, h.end, to) {
		return true // "We did not, however, find ...": the negator's clause goes on
	}
	if h.end-h.tok == 1 && h.tok > 0 && s.tokSent[h.tok-1] == s.tokSent[h.tok] && t.hasClass2(s.toks[h.tok-1], cl2Modal) &&
		s.tokMent[h.tok-1] < 0 && t.breakAside(s, h.tok, h.end, to) &&
		t.onCueBits(hits, h.end, relationBits|cueHelp|cueHarm) {
		return true // "X did, however, increase Y": the verb's clause goes on
	}
	return k+1 < to && s.toks[h.tok].flags&flagClause != 0 && s.toks[k].flags&flagClause != 0 && t.hasClass2(s.toks[k], cl2Relative) &&
		s.tokMent[k] < 0
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

// questionAfterStatement returns where "whether" opens a question in the
// clause of token k when a clause before it relates concepts of two kinds
// ("X blunts Y, but whether it reduces Z is unknown"), else -1.
func (t *Tagger) questionAfterStatement(s *scratch, k, to, firstMent int) int {
	a, b := segment(s, int32(k))
	for j := a; j < b && int(j) < to; j++ {
		if !t.hasClass2(s.toks[j], cl2Whether) {
			continue
		}
		if j > a && t.relatedBefore(s, int(a), to, firstMent) {
			return int(j)
		}
		// or after a comma inside the clause: "X wipes out Y, so ask your
		// doctor whether Z makes sense"
		for c := j; c > a; c-- {
			if s.toks[c].flags&flagClause != 0 {
				if t.kindsIn(s, 0, int(c), to, firstMent) >= 2 && relationBefore(s, c) {
					return int(j)
				}
				break
			}
		}
		return -1
	}
	return -1
}

// statementAfterQuestion reports whether a clause of reason opened by a
// comma and a cause conjunction ("because", "since") follows the aim or
// open question at token k, which relates fewer than two kinds itself,
// and relates concepts of two kinds by a relation of its own:
// "Dermatologists ask whether these shifts matter, since acne has been
// tied to dysbiosis" states the reason.
func (t *Tagger) statementAfterQuestion(s *scratch, k, to, firstMent int) bool {
	for c := k + 1; c < to; c++ {
		if s.toks[c].flags&flagClause == 0 || !t.hasClass3(s.toks[c], cl3CauseConj) {
			continue
		}
		// (the question itself relates fewer than two kinds: "ask whether
		// X reduces Y, since ..." still asks)
		return t.kindsIn(s, k, c, to, firstMent) < 2 && t.kindsIn(s, c, to, to, firstMent) >= 2 && slices.ContainsFunc(s.cueHits, func(h cueHit) bool {
			return int(h.tok) > c && int(h.tok) < to && h.bits&relationBits != 0 && h.bits&(cueAim|cueMethod|cueOpen) == 0
		})
	}
	return false
}

// asideAfterStatement reports whether token k stands in a part of the
// sentence that a comma and a conjunction or "so" open after a statement (two
// kinds and a relation before the comma) and that names concepts of fewer
// than two kinds itself: "X went with Y, and trials of Z are warranted".
func (t *Tagger) asideAfterStatement(s *scratch, k, from, to, firstMent int) bool {
	toks := s.toks
	c := k
	for c > from && !(t.hasClass(toks[c], clsConj|clsConsequence) && toks[c].flags&flagClause != 0) &&
		!(t.hasClass2(toks[c], cl2CommentOpen) && toks[c].flags&flagClause != 0 && strings.Contains(s.text[toks[c-1].end:toks[c].start], ",")) {
		c-- // (or a comment after a comma: "X could contribute to Y, a hypothesis that trials now need to test")
	}
	return c > from && t.kindsIn(s, 0, c, to, firstMent) >= 2 && relationBefore(s, int32(c)) && t.kindsIn(s, c, to, to, firstMent) < 2
}

// relationBefore reports whether a relation cue that is no aim or method
// ends at or before token c.
func relationBefore(s *scratch, c int32) bool {
	return slices.ContainsFunc(s.cueHits, func(h cueHit) bool {
		return h.end <= c && h.bits&relationBits != 0 && h.bits&(cueAim|cueMethod) == 0
	})
}

// kindsIn counts the kinds of the concepts that the sentence (its
// mentions from firstMent, starting before token to) names in tokens
// [a, b).
func (t *Tagger) kindsIn(s *scratch, a, b, to, firstMent int) int {
	var kinds [3]bool
	n := 0
	for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < min(b, to); j++ {
		if m := s.ments[j]; !m.dropped && int(m.tokStart) >= a {
			if kd := t.concepts[m.concept].kind; kd >= 0 && !kinds[kd] {
				kinds[kd] = true
				n++
			}
		}
	}
	return n
}

// relatedBefore reports whether a clause that ends before token k relates
// concepts of two kinds.
func (t *Tagger) relatedBefore(s *scratch, k, to, firstMent int) bool {
	for c := 0; c+1 < len(s.segs) && int(s.segs[c+1]) <= k; c++ {
		if t.kindsIn(s, int(s.segs[c]), int(s.segs[c+1]), to, firstMent) >= 2 {
			return true
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

// relation picks the stated relation: the first directional verb that has a
// concept before it (so that "reduced X is associated with Y"
// reads as an association), else an association.
func (t *Tagger) relation(s *scratch, text string, hits []cueHit, firstMent int) string {
	firstStart := int32(-1)
	if firstMent < len(s.ments) {
		firstStart = s.ments[firstMent].start
	}
	assoc := false
	for _, h := range hits {
		if h.bits&(cueInc|cueDec) != 0 && s.toks[h.tok].flags&flagHard == 0 && h.tok > 0 &&
			joinedByHyphen(s, h.tok) {
			continue // "X-induced", "X-related": a modifier, not the relation
		}
		if h.bits&(cueInc|cueDec) != 0 && (firstStart >= 0 && firstStart < s.toks[h.tok].start ||
			h.bits&cueReverse != 0 && firstStart >= 0 && firstStart <= s.toks[h.tok].start || // ("my skin still flares when": the outcome is the cue's first word)
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

// whetherSubject reports whether the sentence of tokens [from, to) opens
// with a question that is its subject ("Whether X alters Y cannot be
// determined"): "whether" first, and its relation before any comma (not
// "Whether given early or late, X reduced Y"), and no relation in a clause
// after a contrast ("..., although X might lower Z").
func (t *Tagger) whetherSubject(s *scratch, hits []cueHit, from, to int) bool {
	toks := s.toks
	if !t.hasClass2(toks[from], cl2Whether) {
		return false
	}
	for _, h := range hits {
		if int(h.tok) <= from || int(h.tok) >= to || h.bits&relationBits == 0 {
			continue
		}
		for k := int32(from) + 1; k <= h.tok; k++ {
			if toks[k].flags&flagClause != 0 {
				return false
			}
		}
		// "Whether X helps Y is not known, although X might lower Z": a
		// clause after a contrast states its own relation
		return !t.relationAfterContrast(s, hits, h.tok, to)
	}
	return false
}

// keptIntake reports whether the verb at token i and its particle of
// degree at pa ("keep ... low", "kept ... high") hold an intervention or a
// dose between them ("kept the probiotic dose low", "keep sugar low"):
// what people take or are given, held at a level, not a level the verb
// raises or lowers.
func (t *Tagger) keptIntake(s *scratch, i, pa int) bool {
	if !t.hasClass4(s.toks[pa], cl4Degree) {
		return false
	}
	for j := i + 1; j < pa; j++ {
		if m := s.tokMent[j]; m >= 0 && t.concepts[s.ments[m].concept].kind == kindIntervention || t.hasClass2(s.toks[j], cl2Measure) {
			return true
		}
	}
	return false
}

// degreeFinding reports whether the words from token k, after "low in"
// or "high in", name a concept or where a level was found: people
// ("patients", "infants"), an arm, or a site ("the gut"), past at most
// three articles and modifiers; not a food outside the taxonomy that
// holds it ("high in oily fish").
func (t *Tagger) degreeFinding(s *scratch, k, to int) bool {
	toks := s.toks
	for j := k; j < to && j < k+4; j++ {
		if toks[j].flags&flagHard != 0 && j > k {
			// ("high in hunter-gatherers, who ...": people a relative
			// clause goes on about)
			return t.hasClass2(toks[j], cl2Population) && t.hasClass2(toks[j], cl2Relative)
		}
		if s.tokMent[j] >= 0 {
			// a concept: a condition, an arm ("the X group", "X-fed
			// mice"), or what a food holds that the sentence goes on
			// about ("the diet can be low in fibre and may shrink ...")
			return true
		}
		if t.hasClass2(toks[j], cl2Population) || t.hasClass(toks[j], clsGroup|clsSitePrimary|clsSiteSecondary) || t.hasClass2(toks[j], cl2Arm) {
			return true
		}
	}
	return false
}

// relationAfterContrast reports whether a contrast or a clause break
// after token k in the sentence ending before token to is followed by a
// relation cue and a concept: a clause that states a relation of its own
// (not "..., but yoga helped some patients": one concept, none referred
// back to).
func (t *Tagger) relationAfterContrast(s *scratch, hits []cueHit, k int32, to int) bool {
	brk := slices.IndexFunc(hits, func(g cueHit) bool {
		return g.tok > k && int(g.tok) < to && g.bits&(cueContrast|cueClauseBreak) != 0
	})
	if brk < 0 || !slices.ContainsFunc(hits[brk+1:], func(g cueHit) bool { return int(g.tok) < to && g.bits&relationBits != 0 }) {
		return false
	}
	// two concepts, or one and a word that refers back ("but they lower Z")
	n, back := 0, false
	for j := hits[brk].end; int(j) < to; j++ {
		if m := s.tokMent[j]; m >= 0 && (j == hits[brk].end || s.tokMent[j-1] != m) {
			n++
		}
		back = back || s.tokMent[j] < 0 && t.hasClass2(s.toks[j], cl2Anaphora)
	}
	return n >= 2 || n == 1 && back
}

// doseAsides makes a parenthesis right after a concept and right before
// its verb part of the clause: "Vitamin D (2000 IU/day) reduced Y and Z"
// states what vitamin D did, as it does without the dose. The parenthesis
// holds a digit and no concept or cue; its opening and the verb after it
// then separate nothing.
func (t *Tagger) doseAsides(s *scratch, hits []cueHit, from, to int) {
	toks := s.toks
	for _, h := range hits {
		k := int(h.tok)
		if h.bits&(cueInc|cueDec|cueAssoc|cueNegRel) == 0 || k-2 <= from || toks[k].flags&flagClause == 0 ||
			byteBefore(s.text, int(toks[k].start)) != ')' {
			continue
		}
		open, digit := -1, false
		for j := k - 1; j > from && j >= k-8; j-- {
			if s.tokMent[j] >= 0 || t.onCue(hits, int32(j)) {
				break
			}
			digit = digit || toks[j].flags&flagDigit != 0
			if byteBefore(s.text, int(toks[j].start)) == '(' {
				open = j
				break
			}
		}
		if open <= from || !digit || s.tokMent[open-1] < 0 {
			continue
		}
		toks[open].flags &^= flagHard | flagClause
		toks[k].flags &^= flagHard | flagClause
	}
}

// lostDiversityTwins adds, for each pair of a condition and a diversity
// that the sentence says is lower, reduced or lost (the imbalance
// lostDiversity read from it), the same pair of the imbalance: "a less
// diverse gut microbiota in people with Y" relates Y both to the diversity
// and to the imbalance (docs/ANNOTATION.md).
func (t *Tagger) lostDiversityTwins(s *scratch, rels []lumen.Relation, to, firstMent int) []lumen.Relation {
	if t.imbalance < 0 || t.diversity < 0 {
		return rels
	}
	lost := false
	for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
		lost = lost || !s.ments[j].dropped && s.ments[j].flags&entLostDiversity != 0
	}
	if !lost {
		return rels
	}
	div, imb := t.concepts[t.diversity].id, t.concepts[t.imbalance].id
	n := len(rels)
	for i := 0; i < n; i++ {
		r := rels[i]
		other := r.Object
		if other == div {
			other = r.Subject
		}
		if c, ok := t.byID[other]; !ok || t.concepts[c].kind != kindCondition {
			continue // ("X reduced diversity": the exposure's effect, no population's state)
		}
		flip := false
		switch div {
		case r.Subject:
			// "Lower diversity was associated with a higher risk of Y":
			// the subject's modifier is read literally, and more
			// imbalance raises Y as lower diversity does
			r.Subject = imb
		case r.Object:
			r.Object, flip = imb, true // "<condition> lowers diversity": it raises the imbalance
		default:
			continue
		}
		if r.Subject == r.Object || slices.ContainsFunc(rels, func(q lumen.Relation) bool {
			return q.Subject == r.Subject && q.Object == r.Object || q.Subject == r.Object && q.Object == r.Subject
		}) {
			continue
		}
		switch {
		case flip && r.Effect == lumen.RelationIncreases:
			r.Effect = lumen.RelationDecreases
		case flip && r.Effect == lumen.RelationDecreases:
			r.Effect = lumen.RelationIncreases
		}
		rels = append(rels, r)
	}
	return rels
}

// endsPhrase reports whether a noun phrase ends before token k: the text
// ends there, or a clause break or a conjunction comes ("an identical
// placebo, for 8 weeks", not "a similar rate of remission").
func (t *Tagger) endsPhrase(s *scratch, k int32, to int) bool {
	return int(k) >= to || s.toks[k].flags&(flagHard|flagClause) != 0 || t.hasClass(s.toks[k], clsConj)
}

// fromGerundAfter returns the -ing word after "from" that follows token i
// within six words, with a mention between and no break ("keeps cortisol
// from spiking", "stopped the rash from spreading"), else -1.
func (t *Tagger) fromGerundAfter(s *scratch, i, to int) int {
	toks := s.toks
	named := false
	for k := i + 1; k+1 < to && k <= i+6; k++ {
		if toks[k].flags&flagHard != 0 || !named && s.tokMent[k] < 0 && t.hasClass2(toks[k], cl2Population) {
			return -1 // ("kept patients with Y from sleeping": the people's condition is no object)
		}
		named = named || s.tokMent[k] >= 0
		if t.hasClass3(toks[k], cl3RangePrep) && s.tokMent[k] < 0 {
			if named && toks[k+1].flags&flagHard == 0 && t.ingForm(s, int32(k+1)) {
				return k + 1
			}
			return -1
		}
	}
	return -1
}

// studiesCalledFor reports whether a noun of studies or evidence stands in
// the clause before the words of need of negator h ("(a larger) trial is
// (still) needed before", "confirmation in larger trials is needed
// before"), within eight words, or opens the sentence whose verb they are.
func (t *Tagger) studiesCalledFor(s *scratch, hits []cueHit, h cueHit, from int) bool {
	toks := s.toks
	for k := h.tok - 1; k >= int32(from) && k >= h.tok-8; k-- {
		if toks[k+1].flags&flagClause != 0 {
			break
		}
		if t.hasClass3(toks[k], cl3StudyNoun|cl3EvidenceNoun) {
			return t.studiesSubject(s, hits, k, h)
		}
	}
	// "Randomised trials that start X in the third trimester and follow
	// children beyond infancy are needed before ...", "Trials of X,
	// ideally stratified by Y, are needed before ...": the noun opens the
	// sentence (or the clause after an opening phrase, "In children,
	// trials ..."), with at most two words before it
	start := int32(from)
	for k := start; k < h.tok && k < start+6; k++ {
		if k > start && toks[k].flags&flagClause != 0 {
			if t.hasClass2(toks[start], cl2FindingPrep|cl2PairObjectPrep|cl2PairCausePrep|cl2PairBy) {
				start = k // past an opening phrase
			}
			break
		}
	}
	for k := start; k < h.tok && k <= start+2; k++ {
		if s.tokMent[k] >= 0 || toks[k].flags&flagLetter == 0 ||
			t.hasClass2(toks[k], cl2FindingPrep|cl2PairObjectPrep|cl2PairCausePrep|cl2PairBy|cl2PairOf) {
			return false // ("In trials, twelve weeks of X were needed before Y improved": no subject)
		}
		if t.hasClass3(toks[k], cl3StudyNoun|cl3EvidenceNoun) {
			return t.studiesSubject(s, hits, k, h)
		}
	}
	return false
}

// studiesSubject reports whether the noun of studies at token k is the
// subject of the words of need of negator h: no contrast (but an aside
// between commas, ", however,"), no semicolon and no verb of finding of
// its own stand between ("Trials of X showed that a second course was
// required before Y cleared", "Studies show that weeks of X are needed
// before ..." report what had to come first). A verb of finding in a
// relative clause or as a participle describes the studies ("trials that
// confirm these findings", "trials showing a lasting benefit").
func (t *Tagger) studiesSubject(s *scratch, hits []cueHit, k int32, h cueHit) bool {
	toks := s.toks
	for j := k + 1; j < h.tok; j++ {
		aside := toks[j].flags&flagClause != 0 && j+1 < h.tok && toks[j+1].flags&flagClause != 0
		if !aside && t.onCueBits(hits, j, cueContrast|cueClauseBreak) || s.text[toks[j-1].end:toks[j].start] == "; " {
			return false
		}
		if t.onCueBits(hits, j, cueFinding|cueFound) && !t.ingForm(s, j) && !t.hasClass2(toks[j-1], cl2Relative) {
			return false
		}
	}
	return true
}

// studiesNeeded reports whether the sentence [from, to) calls for studies
// as a whole: a noun of a study within its first four words, with only
// words before it ("Larger, longer trials of X in Y"), and a called-for
// word after a copula that ends it ("... are
// (urgently) needed").
func (t *Tagger) studiesNeeded(s *scratch, text string, from, to int) bool {
	toks := s.toks
	e := to - 1
	if e <= from || !t.hasClass3(toks[e], cl3CalledFor) || !t.afterCopula(text, toks, e, from) {
		return false
	}
	noun := -1
	for k := from; k < to && k <= from+3 && noun < 0; k++ {
		if s.tokMent[k] >= 0 || toks[k].flags&flagLetter == 0 ||
			t.hasClass2(toks[k], cl2PairObjectPrep|cl2FindingPrep|cl2PairCausePrep|cl2PairBy|cl2PairOf) {
			return false // ("In the trial, X reduced Y, but higher doses were needed": no subject)
		}
		if t.hasClass3(toks[k], cl3StudyNoun) {
			noun = k
		}
	}
	if noun < 0 {
		return false
	}
	for k := noun + 1; k < e; k++ {
		if t.onCueBits(s.cueHits, int32(k), cueContrast) || t.edForm(s, int32(k)) && !joinedByHyphen(s, int32(k)) && s.tokMent[k] < 0 &&
			t.onCueBits(s.cueHits, int32(k), cueInc|cueDec|cueHelp|cueHarm) {
			return false // ("Trials of X reduced Y in infants, but longer follow-up is needed")
		}
	}
	return true
}

// givenMention reports whether the mention that covers token k is what a
// participle of giving right before it gives ("infants given X", "mice
// treated with X"): the people who received it, not X acting.
func (t *Tagger) givenMention(s *scratch, k int32, from int) bool {
	m := s.tokMent[k]
	if m < 0 {
		return false
	}
	a := s.ments[m].tokStart - 1
	if int(a) > from && t.hasClass2(s.toks[a], cl2PairCausePrep|cl2PairObjectPrep) {
		a-- // "treated with X"
	}
	return int(a) >= from && (t.hasClass(s.toks[a], clsGiven) || t.hasClass2(s.toks[a], cl2Exposure))
}

// noMoreThanControl reports whether hit i is "no more than" (a pseudo-
// negator of three words, the last "than") within four words after a cue
// of change (the verb and its object), before the control arm: a placebo
// or control word, maybe after "in" or "with", or an arm outside the
// taxonomy after "with" ("Y fell no more than with unfermented milk",
// "improved Y no more than placebo"); not an amount ("by no more than
// 10%", "for no more than a month").
func (t *Tagger) noMoreThanControl(s *scratch, hits []cueHit, i, to int) bool {
	toks := s.toks
	h := hits[i]
	if h.bits&cuePseudo == 0 || h.end-h.tok != 3 || int(h.end) >= to || i == 0 || !t.hasClass2(toks[h.end-1], cl2Than) ||
		!t.hasClass(toks[h.tok+1], clsComparative) || t.hasClass(toks[h.tok+1], clsLess) {
		return false
	}
	v := hits[i-1]
	if v.bits&(cueInc|cueDec) == 0 || h.tok-v.end > 4 {
		return false
	}
	for k := v.end; k <= h.tok+2; k++ {
		if toks[k].flags&flagHard != 0 || k < h.tok && toks[k].flags&flagDigit != 0 {
			return false
		}
	}
	j, with := h.end, false
	switch {
	case t.hasClass3(toks[j], cl3NumberArm):
		j, with = j+1, true
	case t.hasClass2(toks[j], cl2FindingPrep):
		j++
	}
	for int(j) < to && t.hasClass(toks[j], clsArticle|clsDeterminer) {
		j++
	}
	if int(j) >= to || toks[j].flags&flagHard != 0 {
		return false
	}
	if int(j)+1 < to && t.hasClass2(toks[j], cl2Population) && toks[j+1].flags&flagHard == 0 {
		j++ // "no more than in patients given placebo"
	}
	if int(j)+1 < to && j > 0 && (t.hasClass2(toks[j], cl2Exposure) || t.hasClass3(toks[j], cl3RegimenPrep)) &&
		(t.hasClass2(toks[j-1], cl2Population) || t.hasClass(toks[j-1], clsDeterminer)) && toks[j+1].flags&flagHard == 0 {
		// "no more than (in) those given placebo (dummy pills)": the
		// people of the control arm
		j++
		for int(j) < to && t.hasClass(toks[j], clsArticle|clsDeterminer) {
			j++
		}
		return int(j) < to && t.controlWord(toks[j])
	}
	// (after "in" only the control arm: "no more than in the placebo
	// group", not "in older children", "in previous trials"; after "with"
	// an arm outside the taxonomy: "with unfermented milk", not "with
	// inulin")
	return t.controlWord(toks[j]) ||
		with && s.tokMent[j] < 0 && toks[j].flags&flagDigit == 0 && !t.hasClass4(toks[j], cl4Number) &&
			!t.hasClass2(toks[j], cl2Population) && !t.hasClass(toks[j], clsTimeClause)
}

// comparativeOfMention reports whether token i is a comparative word that
// is no less-word ("more", "most") between an article and a mention that
// starts right after it ("have a more diverse <community>"): the
// comparative of the mention's opening adjective. An item of a list keeps
// the list's verb ("had more X and a more diverse Y").
func (t *Tagger) comparativeOfMention(s *scratch, i, from, to int) bool {
	toks := s.toks
	if i <= from || i+1 >= to || !t.hasClass(toks[i], clsComparative) || t.hasClass(toks[i], clsLess) || s.tokMent[i] >= 0 ||
		!t.hasClass(toks[i-1], clsArticle) || toks[i].flags&flagHard != 0 || toks[i+1].flags&flagHard != 0 ||
		toks[i-1].flags&flagClause != 0 || i-2 >= from && t.hasClass(toks[i-2], clsConj) {
		return false
	}
	m := s.tokMent[i+1]
	return m >= 0 && s.ments[m].tokStart == int32(i+1) && !s.ments[m].dropped
}

// askedQuestion returns the question word of an indirect question that a
// verb of asking at token i opens after the people asked, up to four
// words with no mention, no number and no clause break among them ("asked
// her dermatologist if", "ask the nurse whether"), or -1.
func (t *Tagger) askedQuestion(s *scratch, i, to int) int {
	toks := s.toks
	if !t.hasClass4(toks[i], cl4Asking) {
		return -1
	}
	for j := i + 1; j < to && j <= i+5 && toks[j].flags&(flagHard|flagClause) == 0 && s.tokMent[j] < 0; j++ {
		if t.hasClass4(toks[j], cl4QuestionWord) {
			if j == i+1 {
				return -1 // ("ask whether": the phrase of cue-aim)
			}
			return j
		}
		if toks[j].flags&flagDigit != 0 {
			return -1
		}
	}
	return -1
}

// treatmentOfCondition reports whether token i is a noun of treatment
// right after a mention of a condition that "a" or "an" opens, maybe with
// two words between, after a copula (maybe denied) or "as": "X is (not) a
// proven <condition> treatment", "as an <condition> treatment". Not
// "during <condition> treatment" (a time), "received an <condition>
// treatment" (what was given), nor a compound whose head comes after ("an
// <condition> treatment plan (centre, course)").
func (t *Tagger) treatmentOfCondition(s *scratch, hits []cueHit, i, from, to int) bool {
	toks := s.toks
	if i <= from || !t.hasClass4(toks[i], cl4TreatmentNoun) || toks[i].flags&flagHard != 0 {
		return false
	}
	if i+1 < to && toks[i+1].flags&flagHard == 0 && t.hasClass4(toks[i+1], cl4CompoundHead) {
		return false // ("an eczema treatment plan": the head noun follows)
	}
	m := s.tokMent[i-1]
	if m < 0 || s.ments[m].dropped || s.ments[m].concept < 0 || t.concepts[s.ments[m].concept].kind != kindCondition {
		return false
	}
	a := int(s.ments[m].tokStart) - 1
	for n := 0; n < 2 && a > from && !t.hasClass2(toks[a], cl2Indefinite) && s.tokMent[a] < 0 && toks[a+1].flags&flagHard == 0 &&
		toks[a].flags&(flagLetter|flagDigit) == flagLetter; n++ {
		a-- // ("a proven <condition> treatment", "a standard first-line")
	}
	// (an indefinite article: "won't replace the <condition> treatment
	// your doctor prescribed" names a treatment, it says nothing of it)
	for j := int(s.ments[m].tokStart) - 1; j > from+1 && j >= int(s.ments[m].tokStart)-2; j-- {
		if t.hasClass4(toks[j], cl4Superlative) && t.hasClass(toks[j-1], clsArticle) && toks[j].flags&flagHard == 0 {
			// "X is the best (cheapest, standard) <condition> treatment": a
			// superlative after "the" ranks what treats the condition
			a = j - 1
			break
		}
	}
	if a <= from || !t.hasClass2(toks[a], cl2Indefinite) && !t.hasClass4(toks[a+1], cl4Superlative) || toks[a+1].flags&flagHard != 0 || toks[a].flags&flagHard != 0 {
		return false
	}
	j := a - 1
	for _, g := range hits {
		if int(g.end) == a && g.bits&cueNeg != 0 && int(g.tok) > from {
			j = int(g.tok) - 1 // ("are not a proven <condition> treatment")
		}
	}
	return t.hasClass(toks[j], clsCopula) || t.hasClass(toks[j], clsComparative) && !t.hasClass(toks[j], clsLess) && t.hasClass2(toks[j], cl2PairCoordinator)
}

// usingIntervention reports whether method cue h opens with a gerund
// ("using a", "using the") whose object, within two words after the cue,
// is an intervention, and whose phrase is a subject or an object: it opens
// the sentence, with no "we" or "our" opening a clause after its comma
// ("Using a plain emollient every day helps Y"), or it follows a verb of
// going on, with a relation cue in its own clause ("keep using the creams
// that control your redness"). "Using a probiotic, we
// treated 40 patients" and "studied a protocol using a cleanser" keep the
// method; "stopped using X" is no use of X.
func (t *Tagger) usingIntervention(s *scratch, hits []cueHit, h cueHit, from, to int) bool {
	toks := s.toks
	if !t.ingForm(s, h.tok) {
		return false
	}
	going := int(h.tok) > from && t.hasClass4(toks[h.tok-1], cl4ContinuingVerb) && toks[h.tok].flags&flagHard == 0
	if int(h.tok) > from && !going {
		return false
	}
	obj := -1
	for k := int(h.end); k < to && k <= int(h.end)+2; k++ {
		if toks[k].flags&flagHard != 0 && k > int(h.end) {
			return false
		}
		if m := s.tokMent[k]; m >= 0 {
			if s.ments[m].dropped || s.ments[m].concept < 0 || t.concepts[s.ments[m].concept].kind != kindIntervention {
				return false
			}
			obj = int(s.ments[m].tokEnd)
			break
		}
	}
	if obj < 0 {
		return false
	}
	if going {
		// a relation cue after the object, in its clause
		for _, g := range hits {
			if int(g.tok) < obj || g.bits&(cueInc|cueDec|cueAssoc|cueCompar) == 0 {
				continue
			}
			return !clauseBetween(toks, obj, int(g.tok))
		}
		return false
	}
	for k := obj; k < to; k++ {
		if toks[k].flags&flagClause != 0 {
			// the first comma: "Using X (to treat Y), we ..." opens the
			// authors' clause, a method; "Using X daily, you can reduce Y"
			// states what X does for its users
			return !t.hasClass4(toks[k], cl4Authors)
		}
	}
	return true
}

// methodOfReason reports whether method cue h stands in a clause of reason
// that opens the sentence, before its first comma, and the clause after
// that comma states a relation or asks whether one holds ("Because
// exposure and outcome were measured at the same time, we cannot tell
// whether X precedes Y"); not "Because X was assessed cross-sectionally,
// causality cannot be inferred".
func (t *Tagger) methodOfReason(s *scratch, hits []cueHit, h cueHit, from int) bool {
	toks := s.toks
	if !t.hasClass3(toks[from], cl3CauseConj) {
		return false
	}
	comma := int32(-1)
	for k := from + 1; k < len(toks) && s.tokSent[k] == s.tokSent[from]; k++ {
		if toks[k].flags&flagClause != 0 {
			if k <= int(h.tok) {
				return false
			}
			comma = int32(k)
			break
		}
	}
	if comma < 0 {
		return false
	}
	return slices.ContainsFunc(hits, func(g cueHit) bool {
		return g.tok >= comma && (g.bits&(cueInc|cueDec|cueAssoc|cueCompar|cueNegRel) != 0 && g.bits&cueMethod == 0 ||
			g.bits&cueOpen != 0 || t.hasClass2(toks[g.end-1], cl2Whether) || int(g.end) < len(toks) && t.hasClass2(toks[g.end], cl2Whether))
	})
}

// kindAfter reports whether a mention of the given kind starts at token
// k or within n words after it, with no punctuation between but a
// quotation mark that may open the name: a mechanism after a feeding word
// ("food for your (friendly) gut bacteria", top up the "good bacteria"),
// an intervention after "complement" ("X complements antibiotics";
// "complements standard therapy" does not).
func (t *Tagger) kindAfter(s *scratch, k int32, to, n int, kind int8) bool {
	toks := s.toks
	for j := k; int(j) < to && j <= k+int32(n); j++ {
		if toks[j].flags&flagHard != 0 && (j > k || toks[j].flags&flagClause != 0) {
			return false
		}
		if m := s.tokMent[j]; m >= 0 {
			return !s.ments[m].dropped && s.ments[m].concept >= 0 && t.concepts[s.ments[m].concept].kind == kind
		}
	}
	return false
}

// ownEvidenceBefore reports whether the article's own evidence says the
// cue at token k: a noun of own evidence (data, findings, a study) within
// four words before it, opened by "our", "these", "the present" or "this",
// with only plain words and adverbs between ("Our data strongly argue",
// "These trial data therefore argue", "This study argues").
func (t *Tagger) ownEvidenceBefore(s *scratch, hits []cueHit, k int32, from int) bool {
	toks := s.toks
	for j := k - 1; j >= int32(from) && j >= k-4; j-- {
		if toks[j+1].flags&flagHard != 0 || s.tokMent[j] >= 0 || t.onCueBits(hits, j, cueNeg|cueHedge|cueCould) {
			return false
		}
		if t.hasClass4(toks[j], cl4OwnEvidence) {
			for d := j - 1; d >= int32(from) && d >= j-2; d-- {
				if t.hasClass(toks[d], clsArticle|clsDeterminer) || t.hasClass2(toks[d], cl2Anaphora) {
					return true
				}
			}
			return false
		}
	}
	return false
}
