package tagger

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// This file holds the rules of where microbes live: the primary site
// (site-primary words; its community plays the community role), the
// secondary site (site-secondary; community-alt) or another site
// (site-other), which names no concept.

// Sites a microbe may live at.
const (
	siteNone = iota
	sitePrimary
	siteSecondary
	siteOther
)

// nearestSite returns the site named nearest to tokens [from, to) within
// before tokens before and after tokens after them, in the same sentence.
// The primary and the secondary site count when site-path words alone link
// them to the microbes, within four words ("<taxon> in their <site>"), so
// that a taxon that acts on the community names no site for itself; a
// secondary-site word inside another concept's mention does not count.
// Another site counts within three words, or further when a microbe or
// habitat word follows it ("the <other site> <community word> of these
// women was depleted of <taxon>"), unless it is a word of another concept's
// name.
func (t *Tagger) nearestSite(s *scratch, from, to, before, after int) int {
	toks := s.toks
	sent := s.tokSent[from]
	site := func(k, d int, path func() bool) int {
		if k < 0 || k >= len(toks) || s.tokSent[k] != sent {
			return siteNone
		}
		switch {
		case t.hasClass(toks[k], clsSiteOther):
			if m := s.tokMent[k]; m >= 0 && (int(s.ments[m].tokEnd) <= from || int(s.ments[m].tokStart) >= to) {
				return siteNone // a word of another concept's name ("human milk oligosaccharides")
			}
			if d <= 3 || k+1 < len(toks) && s.tokSent[k+1] == sent && t.hasClass(toks[k+1], clsMicrobe|clsHabitat) {
				return siteOther
			}
		case t.hasClass(toks[k], clsSitePrimary):
			if d <= 5 && path() {
				return sitePrimary
			}
		case t.hasClass(toks[k], clsSiteSecondary):
			if m := s.tokMent[k]; m >= 0 && s.ments[m].concept != t.communityAlt {
				return siteNone
			}
			if d <= 5 && path() {
				return siteSecondary
			}
		}
		return siteNone
	}
	tight := func(a, b int) bool {
		for j := a; j < b; j++ {
			if !t.hasClass(toks[j], clsSitePath) {
				return false
			}
		}
		return true
	}
	for d := 1; d <= max(before, after); d++ {
		if d <= before {
			k := from - d
			if st := site(k, d, func() bool { return tight(k+1, from) }); st != siteNone {
				return st
			}
		}
		if d <= after {
			k := to - 1 + d
			if st := site(k, d, func() bool { return tight(to, k) }); st != siteNone {
				return st
			}
		}
	}
	return siteNone
}

// placeCommunity decides where an unplaced community word lives from the
// words around it: another site right before it drops it, unless the
// primary site is coordinated with that site ("<primary> and <other>
// <community word>": the mention then spans the phrase); the secondary
// site after it makes it that site's community (or adds that one when the
// primary site is named too); another site after it drops it; otherwise it
// stays the primary site's.
func (t *Tagger) placeCommunity(s *scratch, i int) {
	m := &s.ments[i]
	toks := s.toks
	if k := int(m.tokStart) - 1; k >= 0 && toks[m.tokStart].flags&flagHard == 0 &&
		t.hasClass(toks[k], clsSiteOther) {
		// "<primary> and <other site> <community word>": the primary
		// site's community is named too.
		if g := k - 2; g >= 0 && t.hasClass(toks[k-1], clsConj) && t.hasClass(toks[g], clsSitePrimary) &&
			s.tokSent[g] == s.tokSent[k] && toks[k].flags&flagHard == 0 && toks[k-1].flags&flagHard == 0 {
			m.tokStart, m.start = int32(g), toks[g].start
			return
		}
		m.dropped = true
		return
	}
	if k := int(m.tokStart) - 1; k >= 0 && toks[m.tokStart].flags&flagHard == 0 && t.hasClass(toks[k], clsSiteSecondary) && t.communityAlt >= 0 &&
		s.tokMent[k] < 0 {
		// "a more balanced scalp microbiota": the secondary site's
		m.concept, m.tokStart, m.start = t.communityAlt, int32(k), toks[k].start
		return
	}
	// "A culture from the genital tract revealed pathological microflora":
	// another site named as a habitat earlier in the clause, and the
	// primary site nowhere near.
	if from, to := int(m.tokStart), int(m.tokEnd); t.nearestSite(s, from, to, 8, 0) == siteOther &&
		!t.near(s, from, to, 8, 6, clsSitePrimary) {
		m.dropped = true
		return
	}
	sent := s.tokSent[m.tokStart]
	// "The human microbiome", "host microbiota": the whole host, no one
	// site, unless a site follows.
	whole := m.tokStart > 0 && toks[m.tokStart].flags&flagHard == 0 && t.hasClass2(toks[m.tokStart-1], cl2SiteWhole) &&
		m.tokEnd-m.tokStart == 1 // ("the body's good bacteria" are the gut's, as they were before placement)
	primary, secondary, other := false, false, false
	secondTok := -1
	for k := int(m.tokEnd); k < len(toks) && k < int(m.tokEnd)+6; k++ {
		// A site after a verb belongs to its object, not to the
		// community: "the <community> reduced <secondary site> thickening".
		if s.tokSent[k] != sent || toks[k].flags&flagClause != 0 || t.hasClass2(toks[k], cl2Acts|cl2Modal) || t.hasClass(toks[k], clsCopula) {
			break
		}
		switch {
		case t.hasClass(toks[k], clsSitePrimary):
			primary = true
		case t.hasClass(toks[k], clsSiteSecondary):
			secondary = true
			if secondTok < 0 {
				secondTok = k
			}
		case t.hasClass(toks[k], clsSiteOther):
			other = true
		}
	}
	switch {
	case secondary && t.communityAlt >= 0:
		if !primary {
			m.concept = t.communityAlt
			return
		}
		s.add(secondTok, toks, t.communityAlt)
	case other && !primary, whole && !primary:
		m.dropped = true
	case !primary && t.communityAlt >= 0 && t.habitatBefore(s, int(m.tokStart)):
		// "Your skin has its own microbiome", "the skin's own population
		// of friendly bacteria": the secondary site holds the community
		m.concept = t.communityAlt
	}
}

// habitatBefore reports whether the secondary site's noun, as a possessive
// or the subject of "has" (or of a copula, with "of" right before the
// community), stands at most five plain words before token a in its
// clause ("skin has its own", "the skin's own population of"), with no
// concept, participle, verb, preposition of an object or primary site
// between and none of the primary site before it in the sentence. (No cue
// hits yet: places are read before relations.)
func (t *Tagger) habitatBefore(s *scratch, a int) bool {
	toks := s.toks
	for k := a - 1; k >= 0 && k >= a-6 && s.tokSent[k] == s.tokSent[a]; k-- {
		if toks[k+1].flags&(flagHard|flagClause) != 0 || s.tokMent[k] >= 0 ||
			t.hasClass(toks[k], clsSitePrimary|clsSiteOther|clsTimeClause) || t.edForm(s, int32(k)) || t.verbForm3s(s, int32(k)) ||
			t.hasClass2(toks[k], cl2PairObjectPrep|cl2Relative) {
			return false // (not "the skin is affected when the microbiota ...", "the skin's response to the microbiota")
		}
		if t.hasClass(toks[k], clsSiteSecondary) {
			if !t.possessiveAt(s, k) && !(k+1 < a && t.hasClass2(toks[k+1], cl2Have)) && !(k+2 < a && t.hasClass(toks[k+1], clsCopula) && t.hasClass2(toks[a-1], cl2PairOf)) {
				return false // (not "skin outcomes after the microbiota ...": a modifier of another noun)
			}
			for j := k - 1; j >= 0 && s.tokSent[j] == s.tokSent[a]; j-- {
				if t.hasClass(toks[j], clsSitePrimary) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// placeMicrobes tags a bare microbe word at token k by the site named
// nearest to it: the primary site (also producers of the community's
// metabolite and microbes that colonise a host), the secondary site, or
// another site, which names no concept. Microbes followed by a toxin word
// name the toxin, not a community, and microbes before an imbalance name
// the imbalance's community, which the imbalance already is.
func (t *Tagger) placeMicrobes(s *scratch, k int) {
	toks := s.toks
	if k+1 < len(toks) && s.tokSent[k+1] == s.tokSent[k] && (t.hasClass(toks[k+1], clsToxin) ||
		s.tokMent[k+1] >= 0 && s.ments[s.tokMent[k+1]].concept == t.toxin) {
		return
	}
	// A microbe word that qualifies an imbalance ("bacterial dysbiosis")
	// says whose imbalance it is; it is no second mention of the community.
	if m := s.tokMent[min(k+1, len(toks)-1)]; k+1 < len(toks) && m >= 0 && s.tokSent[k+1] == s.tokSent[k] &&
		toks[k+1].flags&flagHard == 0 && s.ments[m].concept == t.imbalance && !s.ments[m].dropped && s.ments[m].tokStart == int32(k+1) {
		s.ments[m].tokStart, s.ments[m].start = int32(k), toks[k].start
		return
	}
	if t.near(s, k, k+1, 6, 6, clsSitePrimary) && !t.near(s, k, k+1, 1, 0, clsSiteSecondary|clsSiteOther) {
		s.add(k, toks, t.community)
		return
	}
	switch t.nearestSite(s, k, k+1, 6, 6) {
	case siteSecondary:
		if t.communityAlt >= 0 {
			s.add(k, toks, t.communityAlt)
		}
	case siteNone:
		if k > 0 && s.tokSent[k-1] == s.tokSent[k] &&
			(t.hasClass(toks[k-1], clsProducing) && t.metabolite >= 0 && t.nearConcept(s, k-1, 2, 0, t.metabolite) ||
				t.near(s, k, k+1, 2, 0, clsColonised)) {
			s.add(k, toks, t.community)
		}
	}
}

// placeBarrier places a synonym of the barrier that every barrier has
// (barrier-unplaced: "tight junction proteins") by the barrier its sentence
// is about: another site's ("the blood-brain barrier": a barrier word after
// a barrier-site-other word) drops it, the secondary site's moves it to the
// secondary site's barrier; the primary site named in the sentence (within
// 40 words), or no other barrier, keeps it. Another site named right after
// it ("in the hippocampus") drops it first.
func (t *Tagger) placeBarrier(s *scratch, i int) {
	m := &s.ments[i]
	toks := s.toks
	sent := s.tokSent[m.tokStart]
	// The place named right after it comes first: "tight junction proteins
	// in the hippocampus" are the brain's whatever else the sentence says.
	j := int(m.tokEnd)
	for n := 0; j < len(toks) && n < 3 && s.tokSent[j] == sent && toks[j].flags&flagHard == 0 &&
		t.hasClass(toks[j], clsLocalPrep|clsArticle); n++ {
		j++
	}
	if j > int(m.tokEnd) && j < len(toks) && s.tokSent[j] == sent && toks[j].flags&flagHard == 0 &&
		t.hasClass(toks[j], clsBarrierSiteOther) && !t.hasClass(toks[j], clsSitePrimary|clsSiteSecondary) {
		m.dropped = true
		return
	}
	other, secondary := false, false
	// Within 40 words either way: a sentence of any length costs the same.
	for k := int(m.tokStart) - 1; k >= 0 && k >= int(m.tokStart)-40 && s.tokSent[k] == sent; k-- {
		if t.hasClass(toks[k], clsSitePrimary) {
			return
		}
		other = other || t.hasClass(toks[k], clsBarrier) && k > 0 && s.tokSent[k-1] == sent && t.hasClass(toks[k-1], clsBarrierSiteOther)
		secondary = secondary || t.hasClass(toks[k], clsSiteSecondary)
	}
	for k := int(m.tokEnd); k < len(toks) && k < int(m.tokEnd)+40 && s.tokSent[k] == sent; k++ {
		if t.hasClass(toks[k], clsSitePrimary) {
			return
		}
		other = other || t.hasClass(toks[k], clsBarrier) && t.hasClass(toks[k-1], clsBarrierSiteOther)
		secondary = secondary || t.hasClass(toks[k], clsSiteSecondary)
	}
	switch {
	case secondary && t.barrierAlt >= 0:
		m.concept = t.barrierAlt
	case other:
		m.dropped = true
	}
}

// placeTaxon moves a named taxon of the community to the secondary site's
// community when that site is named nearest to it, and drops it when
// another site is or when it is tested for resistance away from any site.
func (t *Tagger) placeTaxon(s *scratch, i int) {
	m := &s.ments[i]
	if from, to := int(m.tokStart), int(m.tokEnd); t.nearPlain(s, from, to, 4, 3, clsResistance) && !t.near(s, from, to, 8, 8, clsSitePrimary) {
		// "resistance rates of <taxon> to <drug>": an isolate tested in
		// the laboratory, not a member of a community.
		m.dropped = true
		return
	}
	if t.givenMicrobes >= 0 && t.taxonGivenHere(s, int(m.tokStart), int(m.tokEnd)) {
		// "<taxon> supplementation", "supplementation with <taxon>": the
		// taxon is given, whatever community it comes from.
		m.concept = t.givenMicrobes
		return
	}
	site := t.nearestSite(s, int(m.tokStart), int(m.tokEnd), 10, 10)
	if m.flags&entSiteTaxon != 0 && site == siteNone {
		// A taxon found at many sites names a community only where a
		// site word of the clause places it ("Candida in the stool of
		// patients", "intestinal colonisation with Candida"); "Candida on
		// the nails", "Candida infections" name none.
		from, to := int(m.tokStart), int(m.tokEnd)
		switch {
		case t.near(s, from, to, 16, 16, clsSitePrimary) || t.communityInSentence(s, i, t.community):
			site = sitePrimary // ("Candida abundance correlated with Y in our analysis of faecal samples", "the mycobiome ... Candida")
		case t.near(s, from, to, 16, 16, clsSiteSecondary) || t.communityInSentence(s, i, t.communityAlt):
			site = siteSecondary
		}
	}
	if m.flags&entSiteTaxon != 0 && (site == siteNone || m.tokStart > 0 && joinedByHyphen(s, m.tokStart)) {
		m.dropped = true // (and "an anti-Candida diet": no community)
		return
	}
	switch site {
	case siteOther:
		m.dropped = true
	case siteSecondary:
		if t.communityAlt >= 0 {
			m.concept = t.communityAlt
		}
	default:
		m.concept = t.community
	}
}

// communityInSentence reports whether another mention of the sentence of
// mention i names community c (a placed community word: "the mycobiome of
// patients ... Candida").
func (t *Tagger) communityInSentence(s *scratch, i int, c int32) bool {
	if c < 0 {
		return false
	}
	sent := s.tokSent[s.ments[i].tokStart]
	for j := range s.ments {
		if o := &s.ments[j]; j != i && !o.dropped && o.concept == c && o.flags&entSiteTaxon == 0 && s.tokSent[o.tokStart] == sent {
			return true
		}
	}
	return false
}

// nearPlain is near for words outside every mention: the resistance of
// "insulin resistance" is no drug resistance.
func (t *Tagger) nearPlain(s *scratch, from, to, before, after int, cls uint64) bool {
	sent := s.tokSent[from]
	for k := max(0, from-before); k < len(s.toks) && k < to+after; k++ {
		if k >= from && k < to {
			continue
		}
		if s.tokSent[k] == sent && s.tokMent[k] < 0 && t.hasClass(s.toks[k], cls) {
			return true
		}
	}
	return false
}

// taxonGivenHere reports whether the taxon over tokens [from, to) is what a
// given-word right next to it gives: "<taxon> supplementation",
// "supplementation of <taxon>", "supplemented with <taxon>".
func (t *Tagger) taxonGivenHere(s *scratch, from, to int) bool {
	toks := s.toks
	sent := s.tokSent[from]
	if to < len(toks) && s.tokSent[to] == sent && toks[to].flags&flagHard == 0 && t.hasClass(toks[to], clsGiven) &&
		!t.hasClass2(toks[to], cl2TaxonNoun) {
		return true
	}
	return from >= 2 && s.tokSent[from-2] == sent && toks[from].flags&flagHard == 0 && toks[from-1].flags&flagHard == 0 &&
		t.hasClass2(toks[from-1], cl2PairOf|cl2PairObjectPrep) && t.hasClass(toks[from-2], clsGiven)
}

// placeGivenTaxon decides what a taxon synonym of the given-microbes role
// names, in this order:
//   - right after the by-mouth word it is taken: given microbes;
//   - at another site it names nothing, at the secondary site that site's
//     community, unless it is given there (given-words near it);
//   - counted right before (abundance-words, less-words, the primary site)
//     or fed (feeding-words, right before it or before "of") it is the
//     community;
//   - acting on something (a treatment verb after it) it is given;
//   - counted right after (count-nouns) it is the community;
//   - given-words a few words away weigh less than the primary site or the
//     community's taxa around it;
//   - given (given-words near it, a strain code after it) it is given;
//   - at the primary site, named as a taxon (taxon-nouns), with abundance
//     words near it or among the community's other taxa it is the
//     community;
//   - otherwise it stays given.
func (t *Tagger) placeGivenTaxon(s *scratch, text string, i int) {
	m := &s.ments[i]
	toks := s.toks
	from, to := int(m.tokStart), int(m.tokEnd)
	sent := s.tokSent[from]
	before := from > 0 && s.tokSent[from-1] == sent && toks[from].flags&flagHard == 0
	after := to < len(toks) && s.tokSent[to] == sent && toks[to].flags&flagHard == 0
	if before && t.hasClass2(toks[from-1], cl2ByMouth) {
		return
	}
	if after && t.hasClass2(toks[to], cl2Arm) {
		return // "the Bifidobacterium group": the arm given the taxon
	}
	givenClose := t.near(s, from, to, 2, 2, clsGiven) || strainCodeAfter(toks, text, to)
	given := givenClose || t.near(s, from, to, 5, 5, clsGiven)
	site := t.nearestSite(s, from, to, 10, 10)
	switch {
	case site == siteOther && !given:
		m.dropped = true
		return
	case site == siteSecondary && !given:
		if t.communityAlt >= 0 {
			m.concept = t.communityAlt
		}
		return
	case before && t.hasClass(toks[from-1], clsAbundance|clsLess|clsSitePrimary) && !t.hasClass(toks[from-1], clsGiven),
		before && t.fedTaxon(s, from) && !givenClose:
		m.concept = t.community
		return
	case t.actsOn(s, text, to):
		return
	case after && t.hasClass2(toks[to], cl2CountNoun):
		m.concept = t.community
		return
	case given && !givenClose && (site == sitePrimary || t.listedWithCommunity(s, i)):
		// A given-word a few words away is outweighed by the primary site or
		// by the community's taxa around it ("after treatment with X, the
		// <taxon>, <taxon> and <taxon> were abundant in the <site>").
		m.concept = t.community
	case given:
		return
	case site == sitePrimary || after && t.hasClass2(toks[to], cl2TaxonNoun) || t.residentTaxon(s, i):
		m.concept = t.community
	}
}

// residentTaxon reports whether a given-microbes taxon with no site named
// near it is counted rather than given: abundance-words around it, or
// other taxa of the community listed with it.
func (t *Tagger) residentTaxon(s *scratch, i int) bool {
	m := s.ments[i]
	from, to := int(m.tokStart), int(m.tokEnd)
	return t.near(s, from, to, 4, 4, clsAbundance) || t.listedWithCommunity(s, i)
}

// listedWithCommunity reports whether other taxa of the community stand
// within four words of mention i.
func (t *Tagger) listedWithCommunity(s *scratch, i int) bool {
	m := s.ments[i]
	from, to := int(m.tokStart), int(m.tokEnd)
	sent := s.tokSent[from]
	for j := max(0, from-4); j < len(s.toks) && j < to+4; j++ {
		if j >= from && j < to || s.tokSent[j] != sent {
			continue
		}
		if k := s.tokMent[j]; k >= 0 && k != int32(i) {
			if c := s.ments[k]; c.concept == t.community && !c.dropped && c.flags&entUnplaced == 0 {
				return true
			}
		}
	}
	return false
}

// strainCodeAfter reports whether one of the two tokens after position k is
// a strain designation: all capitals, or letters with digits.
func strainCodeAfter(toks []token, text string, k int) bool {
	for j := k; j < len(toks) && j < k+2; j++ {
		if j > k && toks[j].flags&flagHard != 0 {
			return false
		}
		tk := toks[j]
		w := text[tk.start:tk.end]
		if tk.flags&flagDigit != 0 && tk.flags&flagLetter != 0 {
			return true
		}
		if len(w) >= 2 && tk.flags&flagInnerUpper != 0 && tk.flags&flagCapital != 0 && strings.ToUpper(w) == w {
			return true
		}
	}
	return false
}

// actsOn reports whether the words after a taxon ending before token k make
// it the subject of a treatment verb: a species name and strain codes,
// modal words, then a treatment-verbs word.
func (t *Tagger) actsOn(s *scratch, text string, k int) bool {
	toks := s.toks
	if k >= len(toks) || k == 0 || s.tokSent[k] != s.tokSent[k-1] {
		return false
	}
	j := k
	// A species name after the genus, strain codes; a treatment verb right
	// after the taxon is its verb, not its species ("B. adolescentis
	// reshaped ...").
	if j < len(toks) && (toks[j].id < 0 || t.class[toks[j].id] == 0) && toks[j].flags&(flagCapital|flagHard) == 0 && toks[j].flags&flagLetter != 0 &&
		!t.hasClass2(toks[j], cl2Acts) {
		j++
	}
	for j < len(toks) && j < k+3 && strainCodeAfter(toks, text, j) && toks[j].flags&flagHard == 0 {
		j++
	}
	for n := 0; j < len(toks) && n < 3 && t.hasClass2(toks[j], cl2Modal) && toks[j].flags&flagHard == 0; n++ {
		j++
	}
	return j < len(toks) && s.tokSent[j] == s.tokSent[k-1] && toks[j].flags&flagHard == 0 && t.hasClass2(toks[j], cl2Acts)
}

// taxonName reports whether w looks like the name of a microbial genus or
// family: a capitalised Latin word of at least seven letters with an
// ending of the vocabulary's taxon-suffixes.
func (t *Tagger) taxonName(w string) bool {
	if len(w) < 7 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	for _, suf := range t.taxonSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// residentUnlistedTaxon reports whether a taxon name the taxonomy does not
// list, at token k, belongs to the primary site's community: the site is
// named in its clause and no other site nearer, or it is listed with taxa
// of the community; a taxon with a strain code or acting on something is
// given, not resident.
func (t *Tagger) residentUnlistedTaxon(s *scratch, text string, k int) bool {
	if t.near(s, k, k+1, 4, 4, clsSiteSecondary|clsSiteOther) {
		return false
	}
	if strainCodeAfter(s.toks, text, k+1) || t.actsOn(s, text, k+1) {
		return false
	}
	if t.nearConcept(s, k, 3, 3, t.community) {
		return true
	}
	return t.near(s, k, k+1, 8, 8, clsSitePrimary)
}

// diversitySite returns the site of the diversity mentioned over tokens
// [a, b): the primary site when it (or its community or imbalance) is named
// within eight words in the clause, else the nearest site word or
// community mention within five; a site word inside a condition's mention
// does not count, another site only before a microbe or habitat word.
func (t *Tagger) diversitySite(s *scratch, a, b int) int {
	toks := s.toks
	sent := s.tokSent[a]
	site := func(k int) int {
		if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped {
			switch s.ments[m].concept {
			case t.communityAlt:
				return siteSecondary
			case t.community, t.imbalance:
				return sitePrimary
			}
			if t.concepts[s.ments[m].concept].kind == kindCondition {
				return siteNone
			}
		}
		switch {
		case t.hasClass(toks[k], clsSitePrimary):
			return sitePrimary
		case t.hasClass(toks[k], clsSiteSecondary):
			return siteSecondary
		case t.hasClass(toks[k], clsSiteOther) && k+1 < len(toks) && s.tokSent[k+1] == sent &&
			t.hasClass(toks[k+1], clsMicrobe|clsHabitat):
			return siteOther
		}
		return siteNone
	}
	// The primary site anywhere near wins; else the nearest site.
	found := siteNone
	for d := 0; d <= 8; d++ {
		for _, k := range [2]int{a - d, b - 1 + d} {
			if k < 0 || k >= len(toks) || s.tokSent[k] != sent {
				continue
			}
			if k < a && clauseBetween(toks, k+1, a) || k >= b && clauseBetween(toks, b, k) {
				continue
			}
			switch st := site(k); {
			case st == sitePrimary:
				return sitePrimary
			case st != siteNone && found == siteNone && d <= 5:
				found = st
			}
		}
	}
	return found
}

// offSite reports whether the word over tokens [a, b) is placed at the
// primary or another site rather than the secondary one, as wordSite reads
// sites.
func (t *Tagger) offSite(s *scratch, a, b int) bool {
	st := t.wordSite(s, a, b)
	return st == sitePrimary || st == siteOther
}

// wordSite returns the site of a one-word mention over tokens [a, b) (an
// imbalance, an irritation): the word right before it, else the first
// site word after it past site-path words.
func (t *Tagger) wordSite(s *scratch, a, b int) int {
	toks := s.toks
	sent := s.tokSent[a]
	site := func(k int) int {
		if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped {
			switch s.ments[m].concept {
			case t.communityAlt:
				return siteSecondary
			case t.community:
				return sitePrimary
			}
		}
		switch {
		case t.hasClass(toks[k], clsSitePrimary):
			return sitePrimary
		case t.hasClass(toks[k], clsSiteSecondary):
			return siteSecondary
		case t.hasClass(toks[k], clsSiteOther):
			return siteOther
		}
		return siteNone
	}
	if k := a - 1; k >= 0 && s.tokSent[k] == sent && toks[a].flags&flagHard == 0 {
		if st := site(k); st != siteNone {
			return st
		}
	}
	for k := b; k < len(toks) && k < b+3 && s.tokSent[k] == sent && toks[k].flags&flagHard == 0; k++ {
		if st := site(k); st != siteNone {
			return st
		}
		if !t.hasClass(toks[k], clsSitePath) {
			break
		}
	}
	return siteNone
}

// coordinatedSites adds the other community where two site words share a
// community mention among the first n: "<secondary> and <primary>
// <community>", "<primary>-<secondary> <community>".
func (t *Tagger) coordinatedSites(s *scratch, n int) {
	toks := s.toks
	for i := 0; i < n; i++ {
		m := s.ments[i]
		if m.dropped || m.tokStart < 2 {
			continue
		}
		var other int32
		var want uint64
		switch m.concept {
		case t.community:
			other, want = t.communityAlt, clsSiteSecondary
		case t.communityAlt:
			other, want = t.community, clsSitePrimary
		default:
			continue
		}
		first := toks[m.tokStart]
		if other < 0 || t.class[idOr0(first.id)]&(clsSitePrimary|clsSiteSecondary) == 0 || first.flags&flagHard != 0 {
			continue
		}
		k := int(m.tokStart) - 1
		if t.hasClass(toks[k], clsConj) && toks[k].flags&flagHard == 0 {
			k--
		}
		if k >= 0 && k < int(m.tokStart) && s.tokMent[k] < 0 && t.hasClass(toks[k], want) &&
			s.tokSent[k] == s.tokSent[m.tokStart] {
			s.add(k, toks, other)
		}
	}
}

// extendTaxa lets the mention of a named taxon (a taxon synonym of the
// community or of the given microbes, or an unlisted genus) take the
// species name after a genus and the strain codes after it, so that the
// mention spans the organism's full name ("<Genus> <species> <CODE1>",
// "<G>. <species> subsp. <subspecies> <CODE2>").
func (t *Tagger) extendTaxa(s *scratch, text string) {
	toks := s.toks
	for i := range s.ments {
		m := &s.ments[i]
		if m.dropped || m.flags&(entTaxon|entGivenTaxon) == 0 && !(m.flags&entRule != 0 && m.tokEnd-m.tokStart == 1 &&
			toks[m.tokStart].flags&flagCapital != 0 && t.taxonName(text[toks[m.tokStart].start:toks[m.tokStart].end])) {
			continue
		}
		j := int(m.tokEnd)
		sent := s.tokSent[m.tokStart]
		ok := func(j int) bool {
			return j < len(toks) && s.tokSent[j] == sent && toks[j].flags&flagHard == 0 && s.tokMent[j] < 0
		}
		// the subspecies after a subspecies word ("subsp.": its full stop
		// is no boundary)
		subspecies := func(j int) bool {
			if j >= len(toks) || s.tokSent[j] != sent || s.tokMent[j] >= 0 {
				return false
			}
			gap := text[toks[j-1].end:toks[j].start]
			return toks[j].flags&flagHard == 0 || strings.HasPrefix(gap, ".") && !strings.ContainsAny(gap[1:], ".,;:()[]")
		}
		last := text[toks[j-1].start:toks[j-1].end]
		if m.tokEnd-m.tokStart == 1 && genusName(last) && ok(j) && t.speciesName(text, toks[j]) {
			j++
		}
		for n := 0; n < 2 && ok(j) && toks[j].flags&flagDigit == 0 && t.hasClass2(toks[j], cl2Subspecies) && subspecies(j+1); n++ {
			j += 2
		}
		species := j
		for n := 0; n < 2 && ok(j) && strainCodeAfter(toks, text, j) && strainCode(toks[j], text); n++ {
			j++
			// a collection's number after its letters ("DSM 17938"), or
			// joined to them by a hyphen ("ME-3")
			if ok(j) && toks[j].flags&(flagDigit|flagLetter) == flagDigit && toks[j-1].flags&flagDigit == 0 &&
				(toks[j].end-toks[j].start >= 3 || text[toks[j-1].end:toks[j].start] == "-") {
				j++
			}
		}
		// a strain numbered without letters right after its species
		// ("<Genus> <species> 1714", "<G>. <species> 207-1")
		if j == species && j-int(m.tokStart) >= 2 && t.speciesName(text, toks[j-1]) && ok(j) && t.numberedStrain(toks, text, j, sent, s.tokSent) {
			j++
			if ok(j) && text[toks[j-1].end:toks[j].start] == "-" && toks[j].flags&(flagDigit|flagLetter) == flagDigit {
				j++
			}
		}
		// a strain the taxonomy lists by its code right after the species
		// ("<Genus> <species> <CODE-12>") is one mention with it
		if j < len(toks) && s.tokSent[j] == sent && toks[j].flags&flagHard == 0 {
			if k := s.tokMent[j]; k >= 0 && int(k) != i && !s.ments[k].dropped && s.ments[k].concept == m.concept &&
				s.ments[k].tokStart == int32(j) && s.ments[k].tokEnd-s.ments[k].tokStart <= 3 {
				s.ments[k].dropped = true
				for ; j < int(s.ments[k].tokEnd); j++ {
					s.tokMent[j] = int32(i)
				}
			}
		}
		if j > int(m.tokEnd) {
			m.tokEnd, m.end = int32(j), toks[j-1].end
		}
	}
}

// genusName reports whether w is written like a genus: a capital then
// lower-case letters only, three letters or more (not an acronym).
func genusName(w string) bool {
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// speciesName reports whether token tk looks like a species epithet: a
// lower-case Latin word of four letters or more that no word class and no
// one-word cue of the vocabulary holds, with an ending of the lexicon's
// epithet-endings and none of a past or a gerund ("halved", "growing").
func (t *Tagger) speciesName(text string, tk token) bool {
	w := text[tk.start:tk.end]
	if len(w) < 4 || tk.id >= 0 && (t.class[tk.id] != 0 || t.class2[tk.id] != 0) {
		return false
	}
	// A relation cue of one word is an English verb or noun ("Lactobacillus
	// produce lactate"), not an epithet.
	if n := t.cues.next(0, tk.id); n >= 0 && t.cues.payload[n] >= 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	if endsIn(w, t.pastEnd) || endsIn(w, t.gerundEnd) {
		return false
	}
	return endsIn(w, t.epithetEnd)
}

// numberedStrain reports whether token k, right after a species name, is
// a strain's number: three digits or more joined by a hyphen to another
// number ("207-1"), or four digits or more that are no decimal and no
// amount.
func (t *Tagger) numberedStrain(toks []token, text string, k int, sent int32, tokSent []int32) bool {
	tk := toks[k]
	if tk.flags&(flagDigit|flagLetter) != flagDigit || tk.end-tk.start < 3 {
		return false
	}
	for i := tk.start; i < tk.end; i++ {
		if text[i] < '0' || text[i] > '9' {
			return false
		}
	}
	if int(tk.end) < len(text) && (text[tk.end] == '.' || text[tk.end] == ',') && int(tk.end)+1 < len(text) &&
		text[tk.end+1] >= '0' && text[tk.end+1] <= '9' {
		return false
	}
	n := k + 1
	if n < len(toks) && tokSent[n] == sent && text[tk.end:toks[n].start] == "-" && toks[n].flags&(flagDigit|flagLetter) == flagDigit {
		return true // "207-1": no amount is written so
	}
	// A bare number is a strain's when it has four digits or more and no
	// unit follows it: a short word of letters that no word class knows
	// ("1000 mg", not "1714 for four weeks").
	if tk.end-tk.start < 4 {
		return false
	}
	if n >= len(toks) || tokSent[n] != sent || toks[n].flags&flagHard != 0 ||
		toks[n].flags&(flagDigit|flagLetter) != flagLetter || toks[n].end-toks[n].start > 3 {
		return true
	}
	id := toks[n].id
	return id >= 0 && (t.class[id] != 0 || t.class2[id] != 0)
}

// strainCode reports whether token tk is itself a strain designation: all
// capitals, or letters with digits.
func strainCode(tk token, text string) bool {
	w := text[tk.start:tk.end]
	if tk.flags&flagDigit != 0 && tk.flags&flagLetter != 0 {
		return true
	}
	return len(w) >= 2 && tk.flags&flagInnerUpper != 0 && tk.flags&flagCapital != 0 && strings.ToUpper(w) == w
}

// abbreviatedSpecies tags a species written with its genus's initial
// ("A. muciniphila", "C. butyricum") after the document has named it in
// full ("Akkermansia muciniphila"): it names what the full name names, at
// the same site. A species never named in full, or named at a site that
// names nothing, stays untagged.
func (t *Tagger) abbreviatedSpecies(s *scratch, text string) {
	toks := s.toks
	candidate := func(k int) bool {
		tk := toks[k]
		return tk.flags&flagSingleUpper != 0 && k+1 < len(toks) && text[tk.end] == '.' && s.tokMent[k] < 0 &&
			s.tokMent[k+1] < 0 && s.tokSent[k] >= 0 && s.tokSent[k+1] == s.tokSent[k] && t.speciesName(text, toks[k+1])
	}
	first := -1 // the first candidate, to skip the common case cheaply
	for k := 1; k+1 < len(toks); k++ {
		if candidate(k) {
			first = k
			break
		}
	}
	if first < 0 {
		return
	}
	// The species named in full, in text order: a genus and its epithet.
	var named []int32
	for i, m := range s.ments {
		if m.dropped || m.concept < 0 || m.tokEnd-m.tokStart < 2 || int(m.tokStart) >= len(toks)-1 {
			continue
		}
		if g := toks[m.tokStart]; genusName(text[g.start:g.end]) && toks[m.tokStart+1].flags&flagCapital == 0 {
			named = append(named, int32(i))
		}
	}
	if len(named) == 0 {
		return
	}
	slices.SortFunc(named, func(a, b int32) int { return int(s.ments[a].tokStart - s.ments[b].tokStart) })
	// latest holds, by initial and epithet, the last species named in full
	// before the token being read: one pass over the text.
	latest := map[string]int32{}
	key := func(initial byte, epithet string) string { return string(initial) + " " + epithet }
	n := len(s.ments)
	next := 0
	for k := first; k+1 < len(toks); k++ {
		for next < len(named) && int(s.ments[named[next]].tokStart) < k {
			m := s.ments[named[next]]
			e := toks[m.tokStart+1]
			latest[key(text[toks[m.tokStart].start], text[e.start:e.end])] = named[next]
			next++
		}
		if !candidate(k) {
			continue
		}
		full, ok := latest[key(text[toks[k].start], text[toks[k+1].start:toks[k+1].end])]
		if !ok {
			continue
		}
		m := s.ments[full]
		s.addSpan(k, k+2, toks, m.concept, m.flags&(entTaxon|entGivenTaxon)|entShortForm)
		s.tokMent[k], s.tokMent[k+1] = int32(len(s.ments)-1), int32(len(s.ments)-1)
	}
	if len(s.ments) > n {
		t.indexMentions(s)
	}
}

// strainsAlone tags the species written with the genus's initial
// (abbreviatedSpecies), then the later uses of a strain code on its own
// ("<Genus> <species> AB12 ... AB12 reduced <Y>"): papers name the strain
// by its code once they have spelled it out. Only a code that codeStart
// accepts counts (letters and digits with a capital, a number of four
// digits or more, or two parts joined by a hyphen: a unit such as "10mg"
// is none), it must end a taxon's mention, and a code that ends the
// mentions of two concepts names neither.
func (t *Tagger) strainsAlone(s *scratch, text string) {
	// The species written with its genus's initial first: its mention
	// ends in no code, and a code used alone may follow it.
	t.abbreviatedSpecies(s, text)
	toks := s.toks
	first := -1 // the first mention whose code is read, to skip the common case cheaply
	for i := range s.ments {
		if m := s.ments[i]; !m.dropped && m.concept >= 0 && m.tokEnd-m.tokStart >= 2 && codeStart(toks, text, m) >= 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	t.indexMentions(s)
	// One pass over the mentions gathers the codes (a code that ends the
	// mentions of two concepts names neither), one pass over the tokens
	// tags their later uses: linear in the text however many strains it
	// repeats.
	type strain struct {
		concept  int32
		from     int32 // the uses after the first taxon mention ending in the code
		w        int   // the code's tokens: one, or two joined by a hyphen
		conflict bool
	}
	codes := make(map[string]*strain)
	n := len(s.ments)
	for i := first; i < n; i++ {
		m := s.ments[i]
		if m.dropped || m.concept < 0 || m.tokEnd-m.tokStart < 2 {
			continue
		}
		c := codeStart(toks, text, m)
		if c < 0 {
			continue
		}
		code := text[toks[c].start:toks[m.tokEnd-1].end]
		taxon := m.flags&(entTaxon|entGivenTaxon) != 0
		st, ok := codes[code]
		switch {
		case !ok:
			from := int32(len(toks)) // no use until a taxon mention defines it
			if taxon {
				from = m.tokEnd
			}
			codes[code] = &strain{concept: m.concept, from: from, w: int(m.tokEnd) - c}
		case st.concept != m.concept:
			st.conflict = true
		case taxon && m.tokEnd < st.from:
			st.from = m.tokEnd
		}
	}
	for i := 0; i < first; i++ {
		// mentions before the first coded one end in no code, but a
		// conflict is read from every mention
		m := s.ments[i]
		if m.dropped || m.concept < 0 || m.tokEnd-m.tokStart < 2 {
			continue
		}
		if c := codeStart(toks, text, m); c >= 0 {
			if st, ok := codes[text[toks[c].start:toks[m.tokEnd-1].end]]; ok && st.concept != m.concept {
				st.conflict = true
			}
		}
	}
	for k := 0; k < len(toks); k++ {
		if s.tokMent[k] >= 0 {
			continue
		}
		for w := 2; w >= 1; w-- {
			e := k + w - 1
			if e >= len(toks) || toks[e].flags&flagDigit == 0 ||
				w == 2 && (s.tokMent[e] >= 0 || s.tokSent[e] != s.tokSent[k] || text[toks[k].end:toks[e].start] != "-") {
				continue
			}
			st, ok := codes[text[toks[k].start:toks[e].end]]
			if !ok || st.conflict || st.w != w || int32(k) < st.from {
				continue
			}
			s.addSpan(k, k+w, toks, st.concept, entShortForm)
			for j := k; j <= e; j++ {
				s.tokMent[j] = int32(len(s.ments) - 1)
			}
			break
		}
	}
}

// codeStart returns the first token of the strain code that ends mention
// m and can stand for its strain alone, or -1: one token of letters and
// digits with a capital ("NS9"), a number of four digits or more ("1714"),
// or two tokens joined by a hyphen, the second a number ("ME-3", "207-1").
func codeStart(toks []token, text string, m mention) int {
	e := int(m.tokEnd) - 1
	last := toks[e]
	if strainCodeAlone(last, text) {
		return e
	}
	if last.flags&(flagDigit|flagLetter) != flagDigit {
		return -1
	}
	if e-1 > int(m.tokStart) && text[toks[e-1].end:last.start] == "-" && toks[e-1].flags&(flagDigit|flagInnerUpper) != 0 &&
		toks[e-1].flags&flagHard == 0 && last.flags&flagHard == 0 {
		return e - 1
	}
	if last.end-last.start >= 4 && toks[e-1].flags&flagDigit == 0 {
		return e
	}
	return -1
}

// strainCodeAlone reports whether token tk is a strain code that can stand
// for its strain alone: letters and digits, with a capital ("NS9", "HN001").
func strainCodeAlone(tk token, text string) bool {
	if tk.flags&flagDigit == 0 || tk.flags&flagLetter == 0 || tk.end-tk.start < 3 || tk.end-tk.start > 10 {
		return false
	}
	w := text[tk.start:tk.end]
	return strings.IndexFunc(w, func(r rune) bool { return 'A' <= r && r <= 'Z' }) >= 0
}

// fedTaxon reports whether the taxon starting at token from is what a
// feeding-word right before it feeds, or the growth of which a
// feeding-word before "of" (or a noun's "in") names: "inulin feeds
// bifidobacteria", "the growth of Lactobacillus", "a rise in
// Bifidobacterium".
func (t *Tagger) fedTaxon(s *scratch, from int) bool {
	toks := s.toks
	k := from - 1
	if k >= 1 && s.tokSent[k-1] == s.tokSent[from] && (t.hasClass2(toks[k], cl2PairOf) || t.hasClass2(toks[k], cl2FindingPrep) && t.hasClass3(toks[k-1], cl3Feeding)) &&
		toks[k].flags&flagHard == 0 {
		k-- // ("a loss of <taxon>", "a rise in <taxon>")
	}
	return t.hasClass3(toks[k], cl3Feeding) && s.tokMent[k] < 0
}

// possessiveAt reports whether token k is written as a possessive ("the
// skin's"): an apostrophe and a possessive ending, as the normaliser reads
// them (morphology.possessive).
func (t *Tagger) possessiveAt(s *scratch, k int) bool {
	w := s.text[s.toks[k].start:s.toks[k].end]
	for i := len(w); i > 0; {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		if possessiveApostrophe(r) {
			return t.morph.possessive(w[i:])
		}
		i -= size
	}
	return false
}
