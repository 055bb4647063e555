package tagger

import (
	"slices"
	"strings"
)

// bareWords tags the words that name a concept only in context, each by the
// first of these rules that fits it:
//   - an unlisted taxon name at the primary site is its community;
//   - bare microbe words are placed by site (placeMicrobes);
//   - diversity words near microbes are diversity ("diverse" only right
//     before them or after a copula);
//   - toxin words near the circulation are circulating toxins;
//   - barrier words near the primary site are its barrier, near the
//     secondary site or in a sentence about it the secondary site's;
//   - permeability words are the primary site's barrier unless another
//     barrier site is named;
//   - antibody words are an immune response unless used as reagents;
//   - flares in a document about a condition, or near the secondary site,
//     are local inflammation, unless an off-site disease is named;
//   - spots on the secondary site, or inflamed ones, are the lesion
//     condition, not when another word makes them something else;
//   - the dryness adjective or a red adjective listed before the secondary
//     site's noun is the dryness condition or local inflammation;
//   - "inflamed" lesions are local inflammation;
//   - producers of the community's metabolite are the community;
//   - the secondary site's noun as the object of a site verb is the
//     general condition;
//   - a condition's head noun standing bare is the condition named last
//     whose name of several words ends in it ("radiation dermatitis ...
//     grade 2 or higher dermatitis").
//
// A stop phrase keeps its words from any bare-word sense.
func (t *Tagger) bareWords(s *scratch, text string, conditionDoc bool) {
	toks := s.toks
	divDoc := 0 // whether the document names diversity by a synonym: 0 not yet known, 1 yes, -1 no
	// the last condition named so far: a bare flare is the document's
	// condition (flareCondition); and the conditions of each sentence
	last := int32(-1)
	// the barrier named last by a synonym: a bare barrier word with no
	// site near is that barrier ("skin barrier repair ... barrier
	// recovery")
	lastBarrier := int32(-1)
	// the condition named last by a name that ends in each head noun
	heads := s.heads[:0]
	t.flaringPerSentence(s)
	for k, tk := range toks {
		if m := s.tokMent[k]; m >= 0 && tk.id >= 0 && len(t.headOf[tk.id]) > 0 {
			if mm := s.ments[m]; !mm.dropped && mm.tokEnd == int32(k+1) && mm.tokStart < int32(k) && slices.Contains(t.headOf[tk.id], mm.concept) {
				heads = setHead(heads, tk.id, mm.concept)
			}
		} else if m < 0 && tk.id >= 0 && t.hasClass4(tk, cl4ConditionHead) && (s.stopTok[k] || !t.headOpens(s, k)) {
			// another condition of the same head ("contact dermatitis",
			// "diaper dermatitis"): a bare head after it refers to none
			heads = setHead(heads, tk.id, -1)
		}
		if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped && t.flaringCondition(s.ments[m].concept) {
			last = s.ments[m].concept
		}
		if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped && s.ments[m].flags&entRule == 0 &&
			(s.ments[m].concept == t.barrier && t.barrier >= 0 || s.ments[m].concept == t.barrierAlt && t.barrierAlt >= 0) {
			lastBarrier = s.ments[m].concept
		}
		if s.tokMent[k] >= 0 || s.stopTok[k] {
			continue
		}
		if tk.id >= 0 && t.hasClass4(tk, cl4ConditionHead) {
			if c := headFor(heads, tk.id); c >= 0 && t.headOpens(s, k) {
				s.add(k, toks, c)
				continue
			}
		}
		if k > 0 && t.hasClass2(tk, cl2MicrobeAnaphora) && t.hasClass2(toks[k-1], cl2Anaphora) && s.tokSent[k-1] == s.tokSent[k] {
			if c := t.microbesBefore(s, k); c >= 0 {
				s.addSpan(k-1, k+1, toks, c, 0)
				continue
			}
		}
		if k > 0 && t.hasClass2(tk, cl2Referring) && t.referringStart(s, k) && s.tokSent[k-1] == s.tokSent[k] &&
			!(k > 1 && t.hasClass3(toks[k-2], cl3RangePrep) && s.tokSent[k-2] == s.tokSent[k] && t.avoidanceBefore(s, k-2)) { // ("cutting X from the diet": where X is cut from, no reference)
			if c := t.referredBefore(s, k); c >= 0 {
				s.addSpan(k, k+1, toks, c, 0)
				// a reference names the concept for the next sentence's
				// ("an elimination diet ... on the diet ... on the diet")
				s.tokMent[k] = int32(len(s.ments) - 1)
				continue
			}
		}
		if tk.id < 0 {
			if tk.flags&flagCapital != 0 && t.community >= 0 && t.taxonName(text[tk.start:tk.end]) && t.residentUnlistedTaxon(s, text, k) {
				s.add(k, toks, t.community)
			}
			continue
		}
		if t.toxin >= 0 && t.hasClass3(tk, cl3MicrobeProduct) && k > 0 && t.hasClass(toks[k-1], clsMicrobe) && s.tokMent[k-1] < 0 && toks[k].flags&flagHard == 0 &&
			(t.near(s, k, k+1, 6, 8, clsCirculation) || t.near(s, k, k+1, 2, 4, clsBloodWord)) {
			for i := len(s.ments) - 1; i >= 0 && s.ments[i].tokStart >= int32(k-1); i-- {
				if m := &s.ments[i]; m.tokStart == int32(k-1) && m.tokEnd == int32(k) {
					m.dropped = true // the microbe word is part of the toxin's name, no community of its own
				}
			}
			s.addSpan(k-1, k+1, toks, t.toxin, 0) // "bacterial products ... reach the circulation"
			continue
		}
		if t.diversity >= 0 && t.hasClass3(tk, cl3RangeNoun) && t.microbeRange(s, k) {
			s.addSpan(k, k+1, toks, t.diversity, 0) // "a wider range of gut bacteria": the comparative stays its modifier
			continue
		}
		if t.lesionCond >= 0 && t.hasClass(tk, clsLesion) && k+1 < len(toks) && s.tokSent[k+1] == s.tokSent[k] && toks[k+1].flags&flagHard == 0 &&
			s.tokMent[k+1] < 0 && t.hasClass2(toks[k+1], cl2CountNoun) && last == t.lesionCond && t.flareCondition(s, k, last) == last {
			// "lesion counts fell" after the lesion condition was the last
			// named, with no other condition near: its lesions, counted
			s.addSpan(k, k+2, toks, t.lesionCond, 0)
			continue
		}
		cls := t.class[tk.id]
		if cls == 0 && !t.hasClass2(tk, cl2DrynessAdj) {
			continue
		}
		switch {
		case cls&clsMicrobeBare != 0 && t.community >= 0:
			t.placeMicrobes(s, k)
		case cls&clsDiversity != 0 && t.diversity >= 0:
			if divDoc == 0 {
				divDoc = -1
				if t.docHas(s, t.diversity) {
					divDoc = 1
				} else if t.community >= 0 && t.docHas(s, t.community) {
					divDoc = 2
				}
			}
			t.bareDiversity(s, k, divDoc)
		case cls&clsToxin != 0 && t.toxin >= 0:
			if t.near(s, k, k+1, 6, 8, clsCirculation) || t.near(s, k, k+1, 2, 4, clsBloodWord) {
				s.add(k, toks, t.toxin)
			}
		case cls&clsBarrier != 0:
			if t.barrier >= 0 && t.near(s, k, k+1, 3, 4, clsSitePrimary) {
				t.addBarrier(s, k, t.barrier)
			} else if t.barrierAlt >= 0 && (t.near(s, k, k+1, 6, 2, clsSiteSecondary) || t.siteSentence(s, k)) {
				t.addBarrier(s, k, t.barrierAlt)
			} else if lastBarrier >= 0 && !t.near(s, k, k+1, 4, 3, clsBarrierSiteOther|clsSitePrimary|clsSiteSecondary) &&
				!t.obstacle(s, k) && !(tk.flags&flagCapital != 0 && k > 0 && s.tokSent[k-1] == s.tokSent[k]) {
				// (not an obstacle, nor "our Barrier Balance serum": a
				// name)
				t.addBarrier(s, k, lastBarrier)
			}
		case cls&clsPermeability != 0 && t.barrier >= 0:
			if t.near(s, k, k+1, 4, 3, clsSitePrimary) || !t.near(s, k, k+1, 4, 3, clsBarrierSiteOther) {
				s.add(k, toks, t.barrier)
			}
		case cls&clsAntibody != 0 && t.immune >= 0:
			if !t.near(s, k, k+1, 3, 2, clsReagent) {
				s.add(k, toks, t.immune)
			}
		case cls&clsFlare != 0 && t.localInfl >= 0:
			// A flare of a named condition is that condition's ("eczema
			// flares", "a plan for flares" in a document about eczema):
			// only flares placed on the skin are its local inflammation.
			if t.near(s, k, k+1, 3, 3, clsSiteSecondary) && !t.nearUncovered(s, k, 6, 6, clsOffSiteDisease) {
				s.add(k, toks, t.localInfl)
			} else if c := t.flareCondition(s, k, last); c >= 0 {
				s.add(k, toks, c)
			}
		case cls&clsSpot != 0 && t.lesionCond >= 0:
			t.spots(s, k, conditionDoc)
		case (t.hasClass2(tk, cl2DrynessAdj) || cls&clsInflamedAdj != 0) && t.adjectiveOfSite(s, text, k):
			if t.hasClass2(tk, cl2DrynessAdj) && t.drynessCond >= 0 {
				s.add(k, toks, t.drynessCond)
			} else if !t.hasClass2(tk, cl2DrynessAdj) && t.localInfl >= 0 {
				s.add(k, toks, t.localInfl)
			}
		case t.hasClass2(tk, cl2InflamedParticiple) && t.localInfl >= 0 && t.inflamedLesion(s, k):
			s.add(k, toks, t.localInfl)
		case cls&clsProducing != 0 && t.metabolite >= 0 && t.community >= 0 && t.nearConcept(s, k, 2, 0, t.metabolite):
			t.producers(s, k)
		case t.hasClass2(tk, cl2SiteSecondaryNoun) && t.drynessCond >= 0 && t.driedSite(s, k):
			s.add(k, toks, t.drynessCond) // "alcohol dries out the skin": what it does to the skin is dryness
		case t.hasClass2(tk, cl2SiteSecondaryNoun) && t.generalCond >= 0:
			if v := t.subjectOfOutcomeVerb(s, k); v > k && t.verbObjectAfter(s, v) {
				// "the skin cleared the bacteria": a verb with an object of its own
			} else if v > k && t.hasClass3(toks[v], cl3Clearing) {
				s.addFlagged(k, toks, t.generalCond, entInverse) // "my skin cleared up": its trouble cleared
			} else if v > k || t.objectOfSiteVerb(s, k) {
				s.add(k, toks, t.generalCond)
			} else if t.siteInDiseaseList(s, k) {
				s.addFlagged(k, toks, t.generalCond, entInverse) // it names the organ's diseases
			}
		}
	}
	s.heads = heads
}

// bareDiversity tags a diversity word at token k when microbes or the
// community are near it: "diversity" and "richness" within four words,
// "diverse" only right before them ("a diverse community") or after a
// copula ("the community is less diverse"), "varied" only as an adjective
// and "variety" only as a noun right before them ("the variety of bacteria
// in the gut"); "a variety of" names many kinds, no diversity.
// In a document that names diversity by a synonym ("alpha diversity"),
// the noun alone refers to it ("no differences in diversity"); in one that
// names the community (doc 2), the noun said to change does ("lower
// diversity preceded Y", "a rise in diversity", "X increased diversity").
func (t *Tagger) bareDiversity(s *scratch, k int, doc int) {
	toks := s.toks
	tk := toks[k]
	before, after := 4, 4
	if t.hasClass2(tk, cl2VariedAdj) && (k == 0 || !t.hasClass(toks[k-1], clsComparative|clsArticle|clsCopula)) {
		return // a verb: "the effect varied across taxa"
	}
	if k > 0 && k+1 < len(toks) && s.tokSent[k-1] == s.tokSent[k] && t.hasClass2(toks[k-1], cl2Indefinite) && t.hasClass2(toks[k+1], cl2PairOf) {
		return // "a variety (diversity) of bacteria": many kinds of them
	}
	if k+2 < len(toks) && t.hasClass(toks[k+1], clsConj) && t.hasClass(toks[k+2], clsComposition) &&
		toks[k+1].flags&flagHard == 0 {
		after += 2 // "the diversity and composition of the <community>" share their "of"
	}
	if t.hasClass2(tk, cl2DiverseAdj|cl2VariedAdj) {
		before, after = 0, 3
		cop := t.diverseCopula(s, int32(k))
		if k >= 2 && t.hasClass(toks[k-1], clsCopula|clsComparative) || cop >= 1 {
			before = 5
			if cop >= 1 {
				// the copula's subject, past its people: "the gut
				// <community> of patients with <Y> was less diverse"
				before = 9 + (k - 1 - int(cop))
			}
		}
	}
	noun := !t.hasClass2(tk, cl2DiverseAdj|cl2VariedAdj)
	if t.near(s, k, k+1, before, after, clsMicrobe) || t.nearConcept(s, k, before, after, t.community) ||
		doc == 1 && noun || doc == 2 && noun && t.changedDiversity(s, k) {
		s.add(k, toks, t.diversity)
	}
}

// diverseCopula returns the copula before the diversity adjective at
// token k, past a comparative and adverbs ("was less diverse", "was also
// less diverse", "is consistently less diverse"), within three words, or
// -1.
func (t *Tagger) diverseCopula(s *scratch, k int32) int32 {
	toks := s.toks
	cop := k - 1
	for cop > 0 && k-cop <= 3 && (t.hasClass(toks[cop], clsComparative|clsLess) || t.hasClass3(toks[cop], cl3PlainAdverb) || t.ending(s, cop, t.adverbEnd)) {
		cop--
	}
	if cop >= 0 && k-cop <= 3 && s.tokSent[cop] == s.tokSent[k] && t.hasClass(toks[cop], clsCopula) {
		return cop
	}
	return -1
}

// changedDiversity reports whether the diversity noun at token k, in a
// document about the community, is said to change or differ: a comparative
// or a less-word right before it ("lower diversity preceded Y", "linked to
// reduced diversity"), or a cue of change ending right before it ("a rise
// in diversity", "increased diversity") or right after it ("diversity
// fell"); and after a preposition only people or a concept
// ("lower diversity in patients with Y"; not "greater diversity of foods",
// "more diversity in meals").
func (t *Tagger) changedDiversity(s *scratch, k int) bool {
	toks := s.toks
	if k == 0 || s.tokSent[k-1] != s.tokSent[k] || toks[k].flags&flagHard != 0 || s.tokMent[k-1] >= 0 {
		return false
	}
	if j := k + 1; j < len(toks) && s.tokSent[j] == s.tokSent[k] && toks[j].flags&flagHard == 0 &&
		t.hasClass2(toks[j], cl2PairOf|cl2PairObjectPrep|cl2FindingPrep) {
		// after a preposition only people or a concept: "lower
		// diversity in patients with Y", not "more diversity in meals"
		j++
		if j < len(toks) && t.hasClass(toks[j], clsArticle|clsDeterminer) {
			j++
		}
		if j >= len(toks) || s.tokSent[j] != s.tokSent[k] || !t.hasClass2(toks[j], cl2Population) && s.tokMent[j] < 0 {
			return false
		}
	}
	if t.hasClass(toks[k-1], clsComparative|clsLess) {
		return true
	}
	// a verb or a noun of change right before it ("increased diversity",
	// "a rise in diversity") or a verb of change right after it
	// ("diversity fell")
	change := func(j, end int) bool {
		c, e := t.cues.longest(toks, j, end, nil)
		return c >= 0 && e == end && t.cueBits[c]&(cueInc|cueDec) != 0 && t.cueBits[c]&(cueNeg|cueNegRel) == 0
	}
	if j := k + 1; j+1 < len(toks) && s.tokSent[j+1] == s.tokSent[k] && toks[j].flags&flagHard == 0 &&
		t.hasClass2(toks[j], cl2PairObjectPrep|cl2FindingPrep) && (t.hasClass2(toks[j+1], cl2Population) ||
		j+2 < len(toks) && t.hasClass(toks[j+1], clsArticle|clsDeterminer) && t.hasClass2(toks[j+2], cl2Population)) {
		return false // (a cue of change with people after it: "increased diversity among participants")
	}
	for j := k - 1; j >= 0 && j >= k-3 && s.tokSent[j] == s.tokSent[k]; j-- {
		if change(j, k) {
			return true
		}
	}
	// a verb after it only when the noun opens its phrase ("the diversity
	// fell", not "food diversity increased")
	return k+1 < len(toks) && s.tokSent[k+1] == s.tokSent[k] && toks[k+1].flags&flagHard == 0 &&
		t.hasClass(toks[k-1], clsArticle|clsDeterminer) && change(k+1, k+2)
}

// microbeRange reports whether the range noun at token k has a breadth
// adjective right before it and "of" and microbes right after it ("a
// wider range of gut bacteria", "a richer mix of microbes in the gut"):
// the microbes' diversity.
func (t *Tagger) microbeRange(s *scratch, k int) bool {
	toks := s.toks
	if k < 1 || k+2 >= len(toks) || !t.hasClass3(toks[k-1], cl3BreadthAdj) || !t.hasClass2(toks[k+1], cl2PairOf) ||
		toks[k].flags&flagHard != 0 || toks[k+1].flags&flagHard != 0 || s.tokMent[k-1] >= 0 || s.tokMent[k] >= 0 {
		return false
	}
	return t.near(s, k+1, k+2, 0, 3, clsMicrobe) || t.nearConcept(s, k+1, 0, 3, t.community)
}

// spots tags spot words at token k as the lesion condition when the words
// around put them on the secondary site, call them inflamed, or the
// document is about the condition; not when a spot-not-lesion word comes
// right before them ("age spots").
func (t *Tagger) spots(s *scratch, k int, conditionDoc bool) {
	toks := s.toks
	if k > 0 && t.hasClass(toks[k-1], clsSpotNot) && s.tokSent[k-1] == s.tokSent[k] {
		return
	}
	inflamed := t.near(s, k, k+1, 3, 0, clsInflamedAdj)
	if t.near(s, k, k+1, 3, 4, clsSpotOnSite) || inflamed || conditionDoc && t.docHas(s, t.lesionCond) {
		// ("inflamed spots", "angry spots" are the condition's lesions
		// only: every labeller of such a sentence read them so)
		s.add(k, toks, t.lesionCond)
	}
}

// producers tags the producers of the community's metabolite ("<metabolite>-
// producing species", "<metabolite> producers") at token k as the
// community: on the microbe word after "producing", else on the producer
// word itself.
func (t *Tagger) producers(s *scratch, k int) {
	toks := s.toks
	if j := k + 1; j < len(toks) && s.tokSent[j] == s.tokSent[k] && s.tokMent[j] < 0 &&
		(t.hasClass(toks[j], clsMicrobeBare|clsMicrobe) || t.hasClass2(toks[j], cl2TaxonNoun)) {
		s.add(j, toks, t.community)
	} else if !t.hasClass2(toks[k], cl2ProducingParticiple) {
		s.add(k, toks, t.community)
	}
}

// objectOfSiteVerb reports whether the secondary site's noun at token k is
// the object of a site verb, with determiners only between ("improves your
// <site noun>"), and ends its phrase.
func (t *Tagger) objectOfSiteVerb(s *scratch, k int) bool {
	toks := s.toks
	j := k - 1
	for j >= 0 && k-j <= 3 && t.hasClass(toks[j], clsDeterminer) && toks[j+1].flags&flagHard == 0 {
		j--
	}
	return j >= 0 && j < k-1 && t.hasClass(toks[j], clsSiteVerb) && toks[j+1].flags&flagHard == 0 &&
		s.tokSent[j] == s.tokSent[k] && (k+1 >= len(toks) || toks[k+1].flags&flagHard != 0 || s.tokMent[k+1] < 0)
}

// driedSite reports whether the secondary site's noun at token k is the
// object of the dryness adjective used as a verb with a particle, before
// the object or after it ("dries out the skin", "dry the skin out"), past
// a determiner or a possessive. Without the particle the verb may be
// towelling ("gently dry the skin"), and the adjective right before the
// noun ("dried skin") is the adjective's own.
func (t *Tagger) driedSite(s *scratch, k int) bool {
	toks := s.toks
	sent := s.tokSent[k]
	j := k - 1
	for ; j >= 0 && k-j <= 2 && s.tokSent[j] == sent && toks[j+1].flags&flagHard == 0 &&
		(t.hasClass(toks[j], clsDeterminer|clsArticle) || t.hasClass3(toks[j], cl3GenericPossessive)); j-- {
	}
	if j < 0 || s.tokSent[j] != sent || toks[j+1].flags&flagHard != 0 || s.tokMent[j] >= 0 {
		return false
	}
	if t.hasClass4(toks[j], cl4SiteVerbParticle) {
		j-- // "dries out the skin"
		if j < 0 || s.tokSent[j] != sent || toks[j+1].flags&flagHard != 0 || s.tokMent[j] >= 0 {
			return false
		}
	} else if e := k + 1; j == k-1 || e >= len(toks) || s.tokSent[e] != sent || toks[e].flags&flagHard != 0 || !t.hasClass4(toks[e], cl4SiteVerbParticle) {
		// ("dry the skin out"; not "dried skin"); a verb of the third
		// person says what a thing does ("isotretinoin dries the skin"),
		// not when "with" follows ("dries the skin with a towel")
		return j < k-1 && t.endsIn3s(s, j) && (e >= len(toks) || s.tokSent[e] != sent || !t.hasClass2(toks[e], cl2PairBy|cl2PairCausePrep)) &&
			t.hasClass2(toks[j], cl2DrynessAdj)
	}
	return t.hasClass2(toks[j], cl2DrynessAdj)
}

// endsIn3s reports whether the word at token k ends as a verb of the third
// person singular does ("dries", "makes").
func (t *Tagger) endsIn3s(s *scratch, k int) bool {
	return t.ending(s, int32(k), t.pluralEnd)
}

// subjectOfOutcomeVerb returns the outcome verb whose subject is the
// secondary site's noun at token k, after a determiner or a possessive,
// right after it or after an adverb ("my skin cleared up after X", "her
// skin improved on Y", "their skin only calmed down once ..."): the site's
// state is what changed; else -1.
func (t *Tagger) subjectOfOutcomeVerb(s *scratch, k int) int {
	toks := s.toks
	if k == 0 || s.tokSent[k-1] != s.tokSent[k] || toks[k].flags&flagHard != 0 || !t.hasClass(toks[k-1], clsDeterminer|clsArticle) {
		return -1
	}
	if p := k - 2; p >= 0 && s.tokSent[p] == s.tokSent[k] && toks[k-1].flags&flagHard == 0 && (t.hasClass(toks[p], clsLocalPrep) ||
		t.hasClass2(toks[p], cl2PairObjectPrep|cl2PairOf|cl2FindingPrep|cl2PairCausePrep|cl2PairBy)) {
		return -1 // ("blood flow to the skin rises": the noun ends a phrase of place)
	}
	j := k + 1
	if j < len(toks) && s.tokSent[j] == s.tokSent[k] && toks[j].flags&flagHard == 0 && s.tokMent[j] < 0 &&
		t.ending(s, int32(j), t.adverbEnd) {
		j++ // ("only", "finally", "really")
	}
	if j < len(toks) && s.tokSent[j] == s.tokSent[k] && toks[j].flags&flagHard == 0 && s.tokMent[j] < 0 &&
		t.hasClass2(toks[j], cl2OutcomeVerb) && !t.hasClass2(toks[j], cl2NeutralChange) {
		return j
	}
	return -1
}

// verbObjectAfter reports whether an object follows the verb at token v
// right after it: a mention, or an article and a mention ("the skin
// cleared the bacteria", not "my skin cleared up after X", "improved on
// Y", "cleared a month after Y").
func (t *Tagger) verbObjectAfter(s *scratch, v int) bool {
	toks := s.toks
	j := v + 1
	if j >= len(toks) || s.tokSent[j] != s.tokSent[v] || toks[j].flags&flagHard != 0 {
		return false
	}
	if s.tokMent[j] >= 0 {
		return true
	}
	// ("cleared the bacteria", not "cleared a month after X")
	return t.hasClass(toks[j], clsArticle) && j+1 < len(toks) && toks[j+1].flags&flagHard == 0 && s.tokMent[j+1] >= 0
}

// microbesBefore returns the microbes (the community, the secondary site's
// community or the given microbes) named last before token k in its
// sentence or the sentence before, within microbesBack tokens, which
// "these <microbes>" at k stands for, or -1. The window keeps the time
// linear in a text that repeats them.
func (t *Tagger) microbesBefore(s *scratch, k int) int32 {
	sent := s.tokSent[k]
	for j := k - 2; j >= 0 && j >= k-microbesBack; j-- {
		if ss := s.tokSent[j]; ss != sent && ss != sent-1 {
			break
		}
		if m := s.tokMent[j]; m >= 0 && !s.ments[m].dropped {
			if c := s.ments[m].concept; c >= 0 && (c == t.community || c == t.communityAlt || c == t.givenMicrobes) {
				return c
			}
		}
	}
	return -1
}

// obstacle reports whether the barrier word at token k names an obstacle
// or a role rather than a tissue: a preposition right after it ("a
// barrier to colonisation", "against pathogens", "for patients",
// "between them") or a copula before it ("Cost was the main barrier").
func (t *Tagger) obstacle(s *scratch, k int) bool {
	toks := s.toks
	if k+1 < len(toks) && toks[k+1].flags&flagHard == 0 && s.tokSent[k+1] == s.tokSent[k] &&
		(t.hasClass2(toks[k+1], cl2PurposeTo|cl2PairObjectPrep|cl2PairBetween) && !t.hasClass2(toks[k+1], cl2FindingPrep)) {
		return true
	}
	j := k - 1
	for j >= 0 && k-j <= 3 && s.tokSent[j] == s.tokSent[k] && t.hasClass(toks[j], clsArticle|clsDeterminer|clsAdjective) {
		j--
	}
	return j >= 0 && s.tokSent[j] == s.tokSent[k] && t.hasClass(toks[j], clsCopula)
}

// avoidanceBefore reports whether a word of avoidance stands within five
// tokens before token k in its sentence ("eliminating sugar from ...").
func (t *Tagger) avoidanceBefore(s *scratch, k int) bool {
	for j := k - 1; j >= 0 && j >= k-5 && s.tokSent[j] == s.tokSent[k]; j-- {
		if t.hasClass(s.toks[j], clsAvoid) || t.hasClass3(s.toks[j], cl3PhrasalAvoidance) {
			return true
		}
	}
	return false
}

// referredBefore returns the concept a referring noun at token k stands
// for: the last concept named in its sentence or the one before by a
// mention that ends in the noun, else the last that has a synonym ending
// in it ("SIBO ... the overgrowth"), or -1.
func (t *Tagger) referredBefore(s *scratch, k int) int32 {
	cs := t.referTo[s.toks[k].id]
	sent := s.tokSent[k]
	// A mention that itself ends in the noun comes first ("an
	// anti-inflammatory diet ... The diet was low in sugar and
	// ultra-processed food ... those on the diet": not the processed
	// food, whose synonyms also end in it).
	for j := k - 2; j >= 0 && j >= k-microbesBack; j-- {
		if ss := s.tokSent[j]; ss != sent && ss != sent-1 {
			break
		}
		if m := s.tokMent[j]; m >= 0 && !s.ments[m].dropped && s.ments[m].tokEnd == int32(j+1) && s.toks[j].id == s.toks[k].id &&
			slices.Contains(cs, s.ments[m].concept) {
			return s.ments[m].concept
		}
	}
	for j := k - 2; j >= 0 && j >= k-microbesBack; j-- {
		if ss := s.tokSent[j]; ss != sent && ss != sent-1 {
			break
		}
		m := s.tokMent[j]
		if m < 0 || s.ments[m].dropped {
			continue
		}
		if slices.Contains(cs, s.ments[m].concept) {
			return s.ments[m].concept
		}
		// "a Lactobacillus strain ... the strain", "a prebiotic-supplemented
		// formula ... the formula": an intervention named with the noun
		// right after it
		if c := s.ments[m].concept; c >= 0 && t.concepts[c].kind == kindIntervention {
			for e := int(s.ments[m].tokEnd); e < len(s.toks) && e <= int(s.ments[m].tokEnd)+1 && e < k-1; e++ {
				if s.toks[e].id == s.toks[k].id {
					return c
				}
			}
		}
	}
	return -1
}

// referringStart reports whether the referring noun at token k follows an
// article, a demonstrative or a quantifier ("the strain", "neither
// supplement"), maybe with one participle between ("the supplemented
// formula"), or a demonstrative with the word before the noun in the
// synonym ("these fatty acids").
func (t *Tagger) referringStart(s *scratch, k int) bool {
	toks := s.toks
	opens := func(j int) bool {
		// ("a balanced diet" is a new one, not "the diet" named before)
		// ("your diet" is the reader's, whatever diet the page named)
		return t.hasClass(toks[j], clsArticle|clsDeterminer) && !t.hasClass2(toks[j], cl2Indefinite) && !t.hasClass3(toks[j], cl3GenericPossessive) ||
			t.hasClass2(toks[j], cl2Anaphora|cl2Collective)
	}
	if opens(k-1) || k > 1 && s.tokMent[k-1] < 0 && opens(k-2) && t.edForm(s, int32(k-1)) {
		return true
	}
	// "these fatty acids": a demonstrative and the synonym's own last two
	// words, with no place after them ("the fatty acids of the skin" are
	// others)
	located := k+2 < len(toks) && toks[k+1].flags&flagHard == 0 && t.hasClass2(toks[k+1], cl2FindingPrep|cl2PairOf|cl2PairObjectPrep) &&
		t.hasClass(toks[k+2], clsArticle|clsDeterminer) // ("of the skin"; "in turn" places nothing)
	return k > 1 && s.tokMent[k-1] < 0 && t.hasClass2(toks[k-2], cl2Anaphora) && !t.hasClass2(toks[k-2], cl2Pronoun) && !located &&
		toks[k-1].id >= 0 && slices.Contains(t.referMid[toks[k].id], toks[k-1].id)
}

// headRef is a condition head noun and the condition named last by a
// name that ends in it.
type headRef struct{ id, concept int32 }

// setHead records concept c as the last named by a name ending in head
// noun id.
func setHead(heads []headRef, id, c int32) []headRef {
	for i := range heads {
		if heads[i].id == id {
			heads[i].concept = c
			return heads
		}
	}
	return append(heads, headRef{id, c})
}

// headFor returns the condition named last by a name ending in head noun
// id, or -1 (none, or another condition of that head named since).
func headFor(heads []headRef, id int32) int32 {
	for _, h := range heads {
		if h.id == id {
			return h.concept
		}
	}
	return -1
}

// headOpens reports whether the head noun at token k stands bare: first in
// its phrase, or after an article, a determiner, a conjunction, a
// preposition, a number, a comparative, a severity adjective, a verb in
// -ed or a cue ("the dermatitis", "grade 2 or higher dermatitis", "more
// severe dermatitis", "did not reduce dermatitis").
// Another word before it makes another condition ("diaper dermatitis"),
// and a plural and "of" before it the kind in general ("mouse models of
// dermatitis").
func (t *Tagger) headOpens(s *scratch, k int) bool {
	toks := s.toks
	if k == 0 || s.tokSent[k-1] != s.tokSent[k] || toks[k].flags&(flagHard|flagClause) != 0 {
		return true
	}
	p := toks[k-1]
	if t.hasClass2(p, cl2PairOf) && k > 1 && s.tokSent[k-2] == s.tokSent[k] && s.tokMent[k-2] < 0 && t.pluralAt(s, int32(k-2)) {
		return false // "models of dermatitis": the kind in general
	}
	if p.flags&flagDigit != 0 || p.flags&flagLetter == 0 ||
		t.hasClass(p, clsArticle|clsDeterminer|clsConj|clsComparative|clsLess) || t.hasClass3(p, cl3Severity) ||
		t.hasClass2(p, cl2FindingPrep|cl2PairOf|cl2PairObjectPrep) {
		return true
	}
	if t.edForm(s, int32(k-1)) {
		return true // "developed dermatitis"
	}
	for j := max(k-3, 0); j < k; j++ { // "did not reduce dermatitis", "grade 2 or higher dermatitis"
		if c, end := t.cues.longest(toks, j, k, nil); c >= 0 && end == k {
			return true
		}
	}
	return false
}

// microbesBack is how far back, in tokens, "these <microbes>" looks for the
// microbes it stands for.
const microbesBack = 80

// siteInDiseaseList reports whether the secondary site's noun at token k
// is an item of a list of organs that a disease noun governs: after it
// ("diseases entailing the GIT tract, skin, immune system", "disorders of
// the gut and skin") or ending it ("skin and gut disorders"). Each item
// then names the diseases of that organ.
func (t *Tagger) siteInDiseaseList(s *scratch, k int) bool {
	toks := s.toks
	sent := s.tokSent[k]
	listItem := func(j int) bool { // a word of the list between the disease noun and the site
		return s.tokSent[j] == sent && s.tokMent[j] < 0 && toks[j].flags&flagLetter != 0 &&
			(toks[j].flags&flagHard == 0 || toks[j].flags&flagClause != 0 && !t.hasClass2(toks[j], cl2DiseaseNoun))
	}
	joined := func(j int) bool { // a comma or a conjunction joins token j to the one before
		return toks[j].flags&flagClause != 0 || j > 0 && t.hasClass(toks[j-1], clsConj|clsArticle)
	}
	// Before: the disease noun, a preposition or a participle that opens
	// the list ("of", "entailing"), then items joined by commas and
	// conjunctions.
	for j := k - 1; j >= 0 && j >= k-10 && s.tokSent[j] == sent; j-- {
		if t.hasClass2(toks[j], cl2DiseaseNoun) {
			o := j + 1
			if !t.ending(s, int32(j), t.pluralEnd) {
				return false // "a disease of the skin" classifies a named condition
			}
			return o < k && joined(k) && toks[o].flags&flagClause == 0 &&
				(t.hasClass2(toks[o], cl2PairOf|cl2PairObjectPrep|cl2FindingPrep) || t.ending(s, int32(o), t.gerundEnd))
		}
		if !listItem(j) || strings.ContainsRune(s.text[toks[j].end:toks[j+1].start], ';') {
			break
		}
	}
	// After: "skin and gut disorders", "skin, lung and gut diseases".
	if k+1 < len(toks) && s.tokSent[k+1] == sent && (toks[k+1].flags&flagClause != 0 || t.hasClass(toks[k+1], clsConj)) {
		for j := k + 1; j < len(toks) && j <= k+6 && s.tokSent[j] == sent; j++ {
			if t.hasClass2(toks[j], cl2DiseaseNoun) && toks[j].flags&flagHard == 0 && t.ending(s, int32(j), t.pluralEnd) {
				return t.hasClass(toks[j-1], clsSitePrimary|clsSiteSecondary|clsSiteOther)
			}
			if !listItem(j) {
				break
			}
		}
	}
	return false
}

// flaringCondition reports whether concept c is a condition that flares:
// a condition other than the general, the dryness and the local
// inflammation ones.
func (t *Tagger) flaringCondition(c int32) bool {
	return c >= 0 && t.concepts[c].kind == kindCondition && c != t.generalCond && c != t.drynessCond && c != t.localInfl
}

// flaringPerSentence records in s.flareSent, for each sentence, the one
// flaring condition it names (-1 none, -2 several): one pass over the
// mentions.
func (t *Tagger) flaringPerSentence(s *scratch) {
	s.flareSent = s.flareSent[:0]
	for k := range s.toks {
		si := s.tokSent[k]
		if si < 0 {
			continue
		}
		for int(si) >= len(s.flareSent) {
			s.flareSent = append(s.flareSent, -1)
		}
		m := s.tokMent[k]
		if m < 0 || s.ments[m].dropped || !t.flaringCondition(s.ments[m].concept) {
			continue
		}
		switch c := s.ments[m].concept; s.flareSent[si] {
		case -1:
			s.flareSent[si] = c
		case c, -2:
		default:
			s.flareSent[si] = -2
		}
	}
}

// flareCondition returns the condition a bare flare word at token k names
// ("fewer flares", "flare-ups" in a document about HS): the last
// condition named before it in the document, when no other is named in
// the same or the previous sentence, none stands right before or after it
// ("eczema flares", "flares of HS" are read with that condition) and no
// disease outside the taxonomy is near. Else -1.
func (t *Tagger) flareCondition(s *scratch, k int, last int32) int32 {
	if last < 0 || t.nearUncovered(s, k, 6, 6, clsOffSiteDisease) {
		return -1
	}
	for si := s.tokSent[k]; si >= 0 && si >= s.tokSent[k]-1 && int(si) < len(s.flareSent); si-- {
		if c := s.flareSent[si]; c != -1 && c != last {
			return -1 // another condition (or several) near: no one document condition
		}
	}
	for j := max(k-2, 0); j < len(s.toks) && j <= k+3; j++ {
		if m := s.tokMent[j]; m >= 0 && j != k && s.ments[m].concept >= 0 && t.concepts[s.ments[m].concept].kind == kindCondition && s.tokSent[j] == s.tokSent[k] {
			return -1
		}
	}
	return last
}

// addBarrier tags the bare barrier word at token k as barrier concept c,
// as naming its opposite when c is not beneficial: the barrier of a
// concept named by its failure ("permeability") is that concept's
// opposite, as its synonyms "gut barrier" and "gut lining" are
// (inverse-synonyms), so that "lost colonic barrier integrity" raises
// it.
func (t *Tagger) addBarrier(s *scratch, k int, c int32) {
	if t.concepts[c].beneficial {
		s.add(k, s.toks, c)
		return
	}
	s.addFlagged(k, s.toks, c, entInverse)
}
