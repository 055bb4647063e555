package tagger

import (
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/lexicon"
)

// Evidence codes, best first: when an article shows several designs, the
// strongest one it states about itself wins.
const (
	evNone = iota
	evMeta
	evSR
	evRCT
	evCohort
	evCaseControl
	evCross
	evCaseReport
	evAnimal
	evInVitro
	evNarrative
	evCount
	// Self-references ("this review", "we conducted a meta-analysis") count
	// in the body text; bare mentions of reviews there may cite others.
	evSelf = 16
	// A trial cited in a sentence ("in one small trial", "trials found"):
	// a randomised trial for the claim, never for the article.
	evCitedTrial = evSelf - 1
)

var evidenceNames = [evCount]string{
	evMeta:        lumen.EvidenceMetaAnalysis,
	evSR:          lumen.EvidenceSystematicReview,
	evRCT:         lumen.EvidenceRCT,
	evCohort:      lumen.EvidenceCohort,
	evCaseControl: lumen.EvidenceCaseControl,
	evCross:       lumen.EvidenceCrossSectional,
	evCaseReport:  lumen.EvidenceCaseReport,
	evAnimal:      lumen.EvidenceAnimal,
	evInVitro:     lumen.EvidenceInVitro,
	evNarrative:   lumen.EvidenceNarrativeReview,
}

// designLists ties each study design to the lists of its wordings, of an
// article saying it is one, of its PubMed publication types and of its MeSH
// headings ("" where there is none).
var designLists = []struct {
	code                         int
	phrases, self, pubType, mesh string
}{
	{evMeta, lexicon.ListDesignMetaAnalysis, lexicon.ListSelfMetaAnalysis, lexicon.ListPubtypeMetaAnalysis, ""},
	{evSR, lexicon.ListDesignSystematicReview, lexicon.ListSelfSystematicReview, lexicon.ListPubtypeSystematicReview, ""},
	{evRCT, lexicon.ListDesignRCT, "", lexicon.ListPubtypeRCT, ""},
	{evCohort, lexicon.ListDesignCohort, "", lexicon.ListPubtypeCohort, lexicon.ListMeshCohort},
	{evCaseControl, lexicon.ListDesignCaseControl, "", "", lexicon.ListMeshCaseControl},
	{evCross, lexicon.ListDesignCrossSectional, "", "", lexicon.ListMeshCrossSectional},
	{evCaseReport, lexicon.ListDesignCaseReport, "", lexicon.ListPubtypeCaseReport, ""},
	{evAnimal, lexicon.ListDesignAnimal, "", "", ""},
	{evInVitro, lexicon.ListDesignInVitro, "", lexicon.ListPubtypeInVitro, lexicon.ListMeshInVitro},
	{evNarrative, lexicon.ListDesignNarrativeReview, lexicon.ListSelfNarrativeReview, lexicon.ListPubtypeNarrativeReview, ""},
}

// evidence returns the document's evidence type: from PubMed publication
// types and MeSH headings when present, "web-article" for a web page, else
// from the wording of the title and the text.
func (t *Tagger) evidence(doc Document, s *scratch) string {
	best := evNone
	better := func(code int) {
		if code != evNone && (best == evNone || code < best) {
			best = code
		}
	}
	// A generic type ("Observational Study") says only that the study is
	// not a trial; a MeSH heading may say which design it is.
	generic := false
	for _, pt := range doc.PublicationTypes {
		better(lookupFold(t.pubTypes, pt))
		generic = generic || lookupFoldSet(t.pubGeneric, pt)
	}
	generic = generic && best != evNone && !slices.ContainsFunc(doc.PublicationTypes, func(pt string) bool {
		return !lookupFoldSet(t.pubGeneric, pt) && lookupFold(t.pubTypes, pt) == best
	})
	if best != evNone && best != evNarrative && !generic {
		return evidenceNames[best]
	}
	genericBest := evNone
	if generic {
		best, genericBest = evNone, best
	}
	if best == evNone {
		animals, humans := false, false
		timeFrame := false
		for _, m := range doc.MeSH {
			better(lookupFold(t.meshDesigns, m))
			timeFrame = timeFrame || lookupFoldSet(t.meshTimeFrame, m)
			switch {
			case lookupFoldSet(t.meshAnimals, m):
				animals = true
			case lookupFoldSet(t.meshHumans, m):
				humans = true
			}
		}
		if best == evNone && timeFrame {
			best = evCohort
		}
		if best == evNone {
			best = genericBest
		}
		if best == evNone && animals && !humans {
			best = evAnimal
		}
	}
	if best != evNone {
		return evidenceNames[best]
	}
	if doc.Kind == lumen.ArticleWeb {
		return lumen.EvidenceWebArticle
	}

	// Wording. The title says what the article is; the body may also cite
	// other designs, so there only self-references count for reviews.
	title := doc.Title
	// Without one, a heading alone in the first block is the title, and
	// so is an abstract's first block of one sentence ("...: A Review.").
	if title == "" && len(s.sents) > 1 && (s.sents[0].heading || doc.Kind == lumen.ArticleAbstract) &&
		(s.sents[1].block > 0 || byteAfter(doc.Text, s.sents[0].end) == '\n' || byteAfter(doc.Text, s.sents[0].end) == '\r') {
		// (a first sentence on a line of its own: "...: a narrative
		// review.\nAtopic dermatitis is ...")
		title = doc.Text[s.sents[0].start:s.sents[0].end]
	}
	if title == "" && doc.Kind == lumen.ArticleAbstract && len(s.sents) > 2 && s.sents[1].block == 0 && s.sents[2].block > 0 &&
		strings.HasSuffix(strings.TrimSpace(doc.Text[s.sents[0].start:s.sents[0].end]), "?") && s.sents[1].end-s.sents[1].start <= 60 {
		// a question and a short subtitle on the abstract's first line:
		// "Do X change Y? A prospective cohort study"
		title = doc.Text[s.sents[0].start:s.sents[1].end]
	}
	// A review that says so in its body ("this review") is one even when
	// its title names a model ("from mouse to man").
	var tt, seen [evCount + evSelf]bool
	if title != "" {
		s.titleToks = tokenize(s.titleToks[:0], title)
		for i := range s.titleToks {
			tk := &s.titleToks[i]
			s.norm = t.norm(s.norm[:0], title[tk.start:tk.end])
			tk.id = t.vocab.lookup(s.norm)
		}
		t.scanEvidence(title, s.titleToks, &tt, false, false)
		for _, c := range []int{evMeta, evSR, evNarrative} {
			if tt[c] || tt[evSelf+c] {
				return evidenceNames[c]
			}
		}
	}
	t.scanEvidence(s.text, s.toks, &seen, false, doc.Kind == lumen.ArticleFullText)
	for _, c := range []int{evMeta, evSR, evNarrative} {
		if seen[evSelf+c] {
			return evidenceNames[c]
		}
	}
	for c := evRCT; c < evNarrative; c++ {
		if tt[c] {
			return evidenceNames[c]
		}
	}
	// What the article says it is outweighs the designs it cites.
	for c := evRCT; c < evNarrative; c++ {
		if seen[evSelf+c] {
			return evidenceNames[c]
		}
	}
	for c := evRCT; c < evNarrative; c++ {
		if seen[c] {
			return evidenceNames[c]
		}
	}
	return ""
}

// scanEvidence marks the evidence phrases found in toks, tokens with their
// vocabulary ids. A primary design up to four words after a word of the
// article's own ("in this cross-sectional survey", "we conducted a
// randomised trial", "we therefore conducted a cross-sectional study") is
// also marked as a self-reference. A design cited as another article's
// ("earlier trials") counts only for a claim's own evidence (claim).
// text is the text toks were cut from.
func (t *Tagger) scanEvidence(text string, toks []token, seen *[evCount + evSelf]bool, claim, fulltext bool) {
	for best, span := range t.designPhrases(toks, 0, len(toks)) {
		i, bestEnd := span[0], span[1]
		cited, denied := false, false // "earlier cross-sectional studies", "a later trial": another article's design
		for j := i - 1; j >= 0 && j >= i-2 && toks[j+1].flags&flagHard == 0; j-- {
			cited = cited || t.hasClass(toks[j], clsCitedDesign)
			denied = denied || t.hasClass(toks[j], clsNegWord) // "no controlled trial has confirmed", "was not randomised"
		}
		if denied || best == evCaseReport && t.hasClass3(toks[i], cl3AgeNoun) && !t.ageAfterNumber(text, toks, i) {
			// ("toddlers over a year old": no one person's age)
			continue
		}
		// For the article, a bare noun of a design ("cohort") names the
		// sample, not how the study was done: "in our <design>" is no
		// self-reference that outranks "in this cross-sectional study", and
		// in the plural ("in <condition> <designs> from two countries") it is other
		// studies'.
		bare := bestEnd-i == 1 && best == evCohort && !claim
		if fulltext && best >= evRCT && best < evAnimal && t.classBefore(toks, i, 3, cl2Indefinite) && !t.classBefore(toks, i, 6, cl2SelfDesign) &&
			!t.methodBefore(toks, i) {
			// in the body of a paper, "in a small randomised trial" cites
			// another study; the paper's own is "this", "our" or "we"
			continue
		}
		if t.lackingAfter(text, toks, i, bestEnd) {
			// "randomised evidence that X restores Y is lacking",
			// "evidence from randomised trials is still lacking": a
			// design said to be lacking is no design of the article, nor
			// of a claim
			continue
		}
		if !claim && t.designToCome(toks, i, bestEnd) {
			// "a hypothesis that a randomised trial could test": a
			// design to come is no design of the article
			continue
		}
		if t.calledFor(text, toks, i, bestEnd) {
			// "Further animal studies or randomised trials are needed": a
			// design called for is no design of the article, nor of a
			// claim ("X could contribute to Y, a hypothesis that
			// prospective studies now need to test")
			continue
		}
		if !claim && best >= evRCT && best < evNarrative && (best < evAnimal || bestEnd-i > 1) && t.pluralDesign(text, toks, i, bestEnd) &&
			!t.classBefore(toks, i, 4, cl2SelfDesign) {
			// (a bare animal word keeps its plural: "in mice")
			// in the plural ("in survey studies", "evidence from birth
			// cohorts", "randomised trials have shown") it is other
			// studies' design, not the article's
			continue
		}
		if !cited || claim {
			seen[best] = true // ("Earlier trials have shown that X ...": the claim's)
		}
		if best >= evRCT && best < evNarrative && !bare {
			if !cited && !claim && i > 0 && bestEnd < len(toks) && toks[bestEnd].flags&flagHard == 0 && t.hasClass3(toks[bestEnd], cl3DesignNoun) &&
				t.hasClass(toks[i-1], clsArticle) && toks[i].flags&flagHard == 0 && !t.hasClass2(toks[i-1], cl2Indefinite) {
				seen[evSelf+best] = true // "the cross-sectional design (of this study)": the article's own
			}
			if t.hasClass2(toks[i], cl2SelfDesign) && !cited {
				seen[evSelf+best] = true // "we describe a man with ...": the phrase says it is the article's own
			}
			for j := i - 1; j >= 0 && j >= i-4 && toks[j+1].flags&flagHard == 0 && !t.hasClass(toks[j], clsCitedDesign); j-- {
				if t.hasClass2(toks[j], cl2SelfDesign) { // (not "our previous survey")
					seen[evSelf+best] = true
					break
				}
			}
		}
	}
}

// designPhrases yields the design phrases of toks[a:b] from the left, the
// longest at each start: its evidence code and its tokens [i, end).
func (t *Tagger) designPhrases(toks []token, a, b int) iter.Seq2[int, [2]int] {
	return func(yield func(int, [2]int) bool) {
		for i := a; i < b; {
			best, end := t.evid.longest(toks, i, b, nil)
			if best < 0 {
				i++
				continue
			}
			if !yield(int(best), [2]int{i, end}) {
				return
			}
			i = end
		}
	}
}

// lackingAfter reports whether the design phrase of tokens [i, e) is said
// to be lacking: as a qualifier of the evidence ("randomised evidence that
// X restores Y is lacking") or after the evidence ("evidence from
// randomised trials is still lacking"), with a copula, maybe an adverb,
// and a lacking-word that ends its clause. A design the article says is
// its own is not ("our randomised trial ... was weak").
func (t *Tagger) lackingAfter(text string, toks []token, i, e int) bool {
	if e >= len(toks) || t.classBefore(toks, i, 4, cl2SelfDesign) {
		return false
	}
	lacking := func(j int) bool { // a lacking-word after a copula that ends its clause
		return t.hasClass3(toks[j], cl3LackingWord) && t.afterCopula(text, toks, j, e) &&
			(j+1 >= len(toks) || toks[j+1].flags&flagHard != 0 || t.hasClass(toks[j+1], clsConj))
	}
	if t.hasClass3(toks[e], cl3EvidenceNoun) && toks[e].flags&flagHard == 0 {
		if e+1 >= len(toks) || !t.hasClass2(toks[e+1], cl2Relative|cl2PairOf|cl2PairObjectPrep|cl2PairCausePrep) {
			return false // ("randomised evidence shows that ...": the evidence is a verb's subject)
		}
		for j := e + 2; j < len(toks) && j < e+14 && toks[j].flags&flagHard == 0; j++ {
			if lacking(j) {
				return true
			}
		}
		return false
	}
	evidence := false // the evidence before the design ("evidence from randomised trials")
	for j := i - 1; j >= 0 && j >= i-3 && toks[j+1].flags&flagHard == 0 && !evidence; j-- {
		evidence = t.hasClass3(toks[j], cl3EvidenceNoun)
	}
	if !evidence {
		return false
	}
	for j := e + 1; j < len(toks) && j <= e+2 && toks[j].flags&flagHard == 0; j++ {
		if lacking(j) {
			return true
		}
	}
	return false
}

// afterCopula reports whether a copula stands right before token j, or
// before an adverb right before it ("is lacking", "is still lacking",
// "is now warranted", "are clearly needed"), at or after token lo.
func (t *Tagger) afterCopula(text string, toks []token, j, lo int) bool {
	if j-1 < lo || toks[j].flags&flagHard != 0 {
		return false
	}
	if t.hasClass(toks[j-1], clsCopula) {
		return true
	}
	a := toks[j-1]
	return j-2 >= lo && t.hasClass(toks[j-2], clsCopula) && a.flags&flagHard == 0 &&
		(t.hasClass3(a, cl3PlainAdverb) || endsAfterStem(text[a.start:a.end], t.adverbEnd, 3))
}

// ageAfterNumber reports whether the noun of age at token i follows a
// number: in digits ("45-year-old", "3 year old") or a word joined to it
// by a hyphen ("six-year-old").
func (t *Tagger) ageAfterNumber(text string, toks []token, i int) bool {
	if i == 0 {
		return false
	}
	return toks[i-1].flags&flagDigit != 0 || text[toks[i-1].end:toks[i].start] == "-"
}

// placeBefore reports whether tokens [e, j) are a short phrase of place
// or people after a design ("in adults"): a preposition, then at most two
// words, none of them a relative pronoun.
func (t *Tagger) placeBefore(toks []token, e, j int) bool {
	if j-e < 2 || j-e > 3 || !t.hasClass2(toks[e], cl2FindingPrep|cl2PairObjectPrep|cl2PairCausePrep) {
		return false
	}
	for k := e; k < j; k++ {
		if toks[k].flags&flagHard != 0 || t.hasClass2(toks[k], cl2Relative) {
			return false
		}
	}
	return true
}

// calledFor reports whether a wording that calls for work ("are needed",
// "is warranted") follows the design phrase of tokens [i, e) in its
// sentence, within six words, before any verb of finding, hedging or
// relation ("this pilot trial suggests that larger trials are needed" is
// the pilot's own), and no word of the article's own stands before the
// phrase.
func (t *Tagger) calledFor(text string, toks []token, i, e int) bool {
	if t.classBefore(toks, i, 4, cl2SelfDesign) {
		return false
	}
	for j := e; j < len(toks) && j < e+6; j++ {
		if j > 0 && strings.ContainsAny(text[toks[j-1].end:toks[j].start], ".;:?!") {
			return false
		}
		if c, _ := t.cues.longest(toks, j, len(toks), nil); c >= 0 {
			if t.cueBits[c]&cueOpen != 0 {
				return true
			}
			if t.cueBits[c]&(cueHedge|cueFinding|cueFound|relationBits) != 0 {
				return false
			}
		}
		if j > e && t.hasClass3(toks[j], cl3CalledFor) && t.afterCopula(text, toks, j, e) {
			return true // "... trials are needed", "a trial of the combination is now warranted"
		}
		if t.hasClass3(toks[j], cl3CalledFor) && j+1 < len(toks) && toks[j+1].flags&flagHard == 0 && t.hasClass2(toks[j+1], cl2PurposeTo) &&
			(j == e || j == e+1 && (endsAfterStem(text[toks[j-1].start:toks[j-1].end], t.adverbEnd, 3) || t.hasClass3(toks[j-1], cl3PlainAdverb)) || t.placeBefore(toks, e, j)) {
			return true // "prospective studies (now) need to test", "a trial in adults needs to confirm": the design is the subject of "need"
		}
	}
	return false
}

// designToCome reports whether a modal stands within two words after the
// design phrase of tokens [i, e), before a verb that no negator precedes,
// and no word of the article's own before the phrase: "a randomised trial
// could test this" speaks of a study to come ("this trial could not show
// ..." is the article's own).
func (t *Tagger) designToCome(toks []token, i, e int) bool {
	if t.classBefore(toks, i, 4, cl2SelfDesign) {
		return false
	}
	for j := e; j < len(toks)-1 && j <= e+2 && toks[j].flags&flagHard == 0; j++ {
		if t.hasClass2(toks[j], cl2Modal) {
			return toks[j+1].flags&flagHard == 0 && toks[j+1].flags&flagLetter != 0 && !t.hasClass(toks[j+1], clsNegWord)
		}
	}
	return false
}

// pluralDesign reports whether the design phrase of tokens [i, e) is in
// the plural ("birth cohorts"), or is followed by a noun of studies in the
// plural ("cross-sectional surveys", "in cross-sectional studies") with
// no indefinite article before it ("a cross-sectional analysis").
func (t *Tagger) pluralDesign(text string, toks []token, i, e int) bool {
	plural := func(k int) bool {
		return t.morph.plural([]byte(strings.ToLower(text[toks[k].start:toks[k].end])))
	}
	return plural(e-1) || e < len(toks) && toks[e].flags&flagHard == 0 && t.hasClass3(toks[e], cl3StudyNoun) && plural(e) &&
		!t.classBefore(toks, i, 3, cl2Indefinite)
}

// methodBefore reports whether a wording of methods ends within four
// words before token i ("were enrolled in a randomised trial"): the
// design is where the article's people were.
func (t *Tagger) methodBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4 && toks[j+1].flags&flagHard == 0; j-- {
		if c, end := t.cues.longest(toks, j, i, nil); c >= 0 && end >= i-2 && t.cueBits[c]&cueMethod != 0 {
			return true
		}
	}
	return false
}

// classBefore reports whether a word of the second table's class cls
// stands up to n words before token i, in its phrase ("our two cohorts",
// "a small randomised trial").
func (t *Tagger) classBefore(toks []token, i, n int, cls uint64) bool {
	for j := i - 1; j >= 0 && j >= i-n && toks[j+1].flags&flagHard == 0; j-- {
		if t.hasClass2(toks[j], cls) {
			return true
		}
	}
	return false
}

// lookupFoldSet reports whether heading s is in m, whose keys are lower
// case, ignoring case.
func lookupFoldSet(m map[string]bool, s string) bool {
	var buf [64]byte
	return m[string(foldKey(buf[:0], s))]
}

// lookupFold looks a heading up in m, whose keys are lower case, ignoring
// case; 0 when it is not there.
func lookupFold(m map[string]int, s string) int {
	var buf [64]byte
	return m[string(foldKey(buf[:0], s))]
}

// foldKey appends s, trimmed and in lower case, to dst: a map key that
// does not allocate for short ASCII headings.
func foldKey(dst []byte, s string) []byte {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(dst[:0], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// claimEvidence returns the study design that the sentence made of tokens
// [from, to) names for its own claim when it is not the article's
// (evidence): the sentence cites other work ("a meta-analysis found",
// "several cross-sectional studies reported") or another model ("in
// mice", "in keratinocytes"). The strongest design it names wins. An
// article's words about itself ("in this review") do not count, nor does a
// bare review unless the sentence reports what it found.
func (t *Tagger) claimEvidence(s *scratch, from, to int, evidence string) string {
	var seen [evCount + evSelf]bool
	scan := from
	for _, h := range s.cueHits {
		if int(h.tok) >= from && int(h.tok) <= from+2 && h.bits&cueInstead != 0 {
			// "Unlike an earlier cohort, we found ...": the design set
			// against the claim is not its evidence
			for j := int(h.end); j < to; j++ {
				if s.toks[j].flags&flagClause != 0 {
					scan = j
					break
				}
			}
		}
	}
	for _, h := range s.cueHits {
		if int(h.tok) > scan && int(h.tok) < to && h.bits&(cueAim|cueOpen) != 0 {
			// "..., but longitudinal studies are needed": a design called
			// for in a clause of its own is no evidence
			if sa, _ := segment(s, h.tok); int(sa) > scan && int(sa) < to {
				to = int(sa)
			}
			break
		}
	}
	for a := scan; a < to; {
		b, next := t.deniedDesignFrom(s, a, to)
		t.scanEvidence(s.text, s.toks[a:b], &seen, true, false)
		a = next
	}
	found := false
	for _, h := range s.cueHits {
		if h.bits&cueFinding != 0 {
			found = true
		}
	}
	for c := evMeta; c < evCount; c++ {
		if !seen[c] || seen[evSelf+c] || c == evNarrative && !found {
			continue
		}
		if name := evidenceNames[c]; name != evidence {
			return name
		}
		return ""
	}
	if seen[evCitedTrial] && t.trialCitedIn(s, from, to) && evidence != lumen.EvidenceRCT {
		return lumen.EvidenceRCT
	}
	return ""
}

// deniedDesignFrom splits tokens [a, to) at the first clause that says
// designs are lacking ("..., but evidence from randomised trials is
// still lacking") or denies a finding ("X has not been shown to reduce Y
// in controlled trials"): a design named there is none the claim rests
// on. It returns the end of the part to scan from a, and where to go on
// after the clause.
func (t *Tagger) deniedDesignFrom(s *scratch, a, to int) (end, next int) {
	toks := s.toks
	for k := a; k < to; {
		sa, sb := segment(s, int32(k))
		lo, hi := max(int(sa), a), min(int(sb), to)
		if hi <= k {
			hi = k + 1
		}
		evidence := -1 // the clause's first noun of evidence
		for j := lo; j < hi; j++ {
			if evidence < 0 && t.hasClass3(toks[j], cl3EvidenceNoun) {
				evidence = j
			}
			if evidence >= 0 && j > evidence+1 && t.hasClass3(toks[j], cl3LackingWord) && t.afterCopula(s.text, toks, j, evidence+1) {
				return lo, j + 1 // the clause of the evidence lacking, to its lacking word
			}
		}
		for _, h := range s.cueHits {
			if int(h.tok) < lo || int(h.tok) >= hi || h.bits&cueNeg == 0 {
				continue
			}
			for _, g := range s.cueHits {
				if g.tok <= h.tok || g.tok > h.end+3 || int(g.tok) >= hi {
					continue
				}
				if g.bits&relationBits != 0 {
					break // ("has not consistently improved established Y": the relation is denied, not a finding)
				}
				if g.bits&(cueFinding|cueFound) != 0 && t.pluralDesignsOnly(s, int(h.end), hi) {
					return int(h.tok), hi // from the negator of the finding to the clause's end
				}
			}
		}
		k = hi
	}
	return to, to
}

// headAfterDesign reports whether a plain noun follows the design phrase
// that ends at token e: the design only qualifies it ("trial
// participants", "trial sites").
func (t *Tagger) headAfterDesign(s *scratch, e int) bool {
	toks := s.toks
	if e >= len(toks) || toks[e].flags&(flagHard|flagDigit) != 0 || toks[e].flags&flagLetter == 0 || s.tokMent[e] >= 0 || t.onCue(s.cueHits, int32(e)) {
		return false
	}
	return !t.hasClass2(toks[e], cl2FindingPrep|cl2PairOf|cl2PairObjectPrep|cl2Have|cl2Modal|cl2PassiveAux|cl2Relative) &&
		!t.hasClass(toks[e], clsCopula|clsConj) && !t.hasClass3(toks[e], cl3PlainAdverb) && !t.ending(s, int32(e), t.adverbEnd)
}

// pluralDesignsOnly reports whether every design phrase in tokens [a, b)
// is in the plural (pluralDesign), with no indefinite article before it
// ("in controlled trials", not "in a randomised trial of 200 adults": a
// trial that found no effect is the evidence of the denial).
func (t *Tagger) pluralDesignsOnly(s *scratch, a, b int) bool {
	toks := s.toks
	for _, span := range t.designPhrases(toks, a, b) {
		if i := span[0]; !t.pluralDesign(s.text, toks, i, span[1]) || t.classBefore(toks, i, 3, cl2Indefinite) {
			return false
		}
	}
	return true
}

// trialCitedIn reports whether a trial is cited in tokens [from, to) as
// the place of a result ("in one small trial, X reduced Y"), or as the
// subject of a verb of reporting ("trials suggest", "two trials
// reported").
func (t *Tagger) trialCitedIn(s *scratch, from, to int) bool {
	toks := s.toks
	for best, span := range t.designPhrases(toks, from, to) {
		i, end := span[0], span[1]
		if best == evCitedTrial {
			// "in (a few small) trials", the place of the result
			for j := i - 1; j >= from && j >= i-6; j-- { // ("in the single fermented-food trial")
				if t.hasClass2(toks[j], cl2FindingPrep) {
					return true
				}
				if t.hasClass3(toks[j], cl3PlacePrep) && t.hasClass2(toks[j], cl2PairCausePrep) && j > from && !t.hasClass2(toks[j-1], cl2Population) {
					return true // "comes mainly from a single trial", "data from two trials": the source of the result
				}
				if j > from && t.hasClass2(toks[j], cl2PurposeTo) && t.hasClass3(toks[j-1], cl3SourceWord) && toks[j].flags&flagHard == 0 {
					return true // "according to a new trial"
				}
				if toks[j+1].flags&flagClause != 0 {
					break
				}
			}
			// "trials (of X) (have) found", the subject of a reporting verb
			reach := end + 4
			if end < to && t.hasClass2(toks[end], cl2PairOf) {
				reach = end + 8 // "trials of mindfulness-based stress reduction have reported"
			}
			for _, h := range s.cueHits {
				if int(h.tok) >= end && int(h.tok) <= reach && h.bits&^cueVerb != 0 && (h.bits&(cueHedge|cueFinding|cueFound|cueNegRel) != 0 ||
					h.bits&cueCompar != 0 && h.end-h.tok > 1 && t.edForm(s, h.tok) && !t.headAfterDesign(s, end)) && // ("two trials (in adults) have reported less itching", not "trial participants reported less")
					!clauseBetween(toks, end-1, int(h.tok)) && !t.hasClass2(toks[h.tok-1], cl2PurposeTo) {
					return true // (not "trials are needed to show"; "trials found no benefit" too)
				}
			}
		}
	}
	return false
}
