package tagger

import (
	"strings"

	"github.com/lumen-research/lumen"
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

// evidencePhrases are the wordings of study designs.
var evidencePhrases = map[int][]string{
	evMeta:        {"meta-analysis", "meta-analyses", "metaanalysis", "meta analysis", "pooled analysis", "network meta-analysis"},
	evSR:          {"systematic review", "systematic reviews", "systematic literature review", "scoping review", "umbrella review"},
	evRCT:         {"randomized controlled trial", "randomised controlled trial", "randomized trial", "randomised trial", "randomized clinical trial", "randomised clinical trial", "randomly assigned", "randomly allocated", "randomized", "randomised", "placebo-controlled", "double-blind", "double-blinded", "crossover trial"},
	evCohort:      {"cohort", "cohort study", "prospective study", "longitudinal study", "birth cohort", "follow-up study", "prospectively", "prospective cohort", "retrospective cohort"},
	evCaseControl: {"case-control", "case control", "case-controlled"},
	evCross:       {"cross-sectional", "cross sectional", "cross-sectionally"},
	evCaseReport:  {"case report", "case reports", "we report a case", "we describe a case", "we present a case", "year-old", "case presentation", "case series"},
	evAnimal:      {"mice", "mouse", "murine", "rats", "rat model", "rodent", "rodents", "piglets", "zebrafish", "animal model", "animal models", "germ-free mice", "in vivo"},
	evInVitro:     {"in vitro", "cell line", "cell lines", "cultured cells", "Caco-2", "HaCaT", "keratinocytes", "organoids"},
	evNarrative:   {"review", "narrative review", "overview", "literature review", "mini-review", "minireview", "mini review", "perspective", "commentary"},
	evSelf + evMeta: {"this meta-analysis", "we performed a meta-analysis", "we conducted a meta-analysis",
		"meta-analysis was performed", "meta-analysis was conducted", "pooled estimates", "random-effects model"},
	evSelf + evSR: {"this systematic review", "we performed a systematic review", "we conducted a systematic review",
		"systematic search", "systematically searched", "literature search was", "were searched", "PRISMA"},
	evSelf + evNarrative: {"this review", "in this review", "we review", "this narrative review", "the present review",
		"the current review", "this article reviews", "this mini-review", "we summarize", "we summarise",
		"this paper reviews", "our review"},
}

// pubTypeEvidence maps PubMed publication types to evidence codes.
var pubTypeEvidence = map[string]int{
	"meta-analysis":                           evMeta,
	"network meta-analysis":                   evMeta,
	"systematic review":                       evSR,
	"randomized controlled trial":             evRCT,
	"randomized controlled trial, veterinary": evRCT,
	"controlled clinical trial":               evRCT,
	"pragmatic clinical trial":                evRCT,
	"equivalence trial":                       evRCT,
	"clinical trial":                          evRCT,
	"clinical trial, phase i":                 evRCT,
	"clinical trial, phase ii":                evRCT,
	"clinical trial, phase iii":               evRCT,
	"clinical trial, phase iv":                evRCT,
	"observational study":                     evCohort,
	"case reports":                            evCaseReport,
	"review":                                  evNarrative,
	"scoping review":                          evSR,
	"in vitro techniques":                     evInVitro,
}

// meshEvidence maps MeSH headings that name a design to evidence codes.
var meshEvidence = map[string]int{
	"cohort studies":          evCohort,
	"case-control studies":    evCaseControl,
	"cross-sectional studies": evCross,
	"in vitro techniques":     evInVitro,
	"cells, cultured":         evInVitro,
	"cell line":               evInVitro,
}

// meshTimeEvidence maps the MeSH headings of a study's time frame, which
// count as a cohort only when no heading names the design: a nested
// case-control study is indexed Case-Control Studies and Prospective
// Studies.
var meshTimeEvidence = map[string]int{
	"prospective studies":   evCohort,
	"longitudinal studies":  evCohort,
	"follow-up studies":     evCohort,
	"retrospective studies": evCohort,
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
	// "Observational Study" says only that the study is not a trial; a
	// MeSH heading may say which design it is.
	observational := false
	for _, pt := range doc.PublicationTypes {
		better(lookupFold(pubTypeEvidence, pt))
		observational = observational || strings.EqualFold(strings.TrimSpace(pt), "observational study")
	}
	generic := observational && best == evCohort
	if best != evNone && best != evNarrative && !generic {
		return evidenceNames[best]
	}
	if generic {
		best = evNone
	}
	if best == evNone {
		animals, humans := false, false
		timeFrame := evNone
		for _, m := range doc.MeSH {
			m = strings.TrimSpace(m)
			better(lookupFold(meshEvidence, m))
			if c := lookupFold(meshTimeEvidence, m); c != evNone {
				timeFrame = c
			}
			switch {
			case strings.EqualFold(m, "animals"), strings.EqualFold(m, "mice"), strings.EqualFold(m, "rats"),
				strings.EqualFold(m, "disease models, animal"):
				animals = true
			case strings.EqualFold(m, "humans"):
				humans = true
			}
		}
		if best == evNone {
			better(timeFrame)
		}
		if best == evNone && generic {
			best = evCohort
		}
		if best == evNone && animals && !humans {
			best = evAnimal
		}
	}
	if best != evNone {
		return evidenceNames[best]
	}
	if doc.Web {
		return lumen.EvidenceWebArticle
	}

	// Wording. The title says what the article is; the body may also cite
	// other designs, so there only self-references count for reviews.
	title := doc.Title
	if title == "" && len(s.sents) > 1 && s.sents[0].heading && s.sents[1].block > 0 {
		title = doc.Text[s.sents[0].start:s.sents[0].end]
	}
	if title != "" {
		var tt [evCount + evSelf]bool
		s.titleToks = tokenize(s.titleToks[:0], title)
		for i := range s.titleToks {
			tk := &s.titleToks[i]
			s.norm = appendNorm(s.norm[:0], title[tk.start:tk.end])
			tk.id = t.vocab.lookup(s.norm)
		}
		t.scanEvidence(s.titleToks, &tt)
		for _, c := range []int{evMeta, evSR, evNarrative} {
			if tt[c] || tt[evSelf+c] {
				return evidenceNames[c]
			}
		}
		for c := evRCT; c < evNarrative; c++ {
			if tt[c] {
				return evidenceNames[c]
			}
		}
	}
	var seen [evCount + evSelf]bool
	t.scanEvidence(s.toks, &seen)
	for _, c := range []int{evMeta, evSR, evNarrative} {
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
// vocabulary ids.
func (t *Tagger) scanEvidence(toks []token, seen *[evCount + evSelf]bool) {
	for i := 0; i < len(toks); {
		node := int32(0)
		best, bestEnd := int32(-1), i
		for j := i; j < len(toks); j++ {
			if j > i && toks[j].flags&flagHard != 0 {
				break
			}
			node = t.evid.next(node, toks[j].id)
			if node < 0 {
				break
			}
			if p := t.evid.payload[node]; p >= 0 {
				best, bestEnd = p, j+1
			}
		}
		if best < 0 {
			i++
			continue
		}
		seen[best] = true
		i = bestEnd
	}
}

// lookupFold looks a heading up in m, whose keys are lower case, ignoring
// case and without allocating (the maps are small).
func lookupFold(m map[string]int, s string) int {
	s = strings.TrimSpace(s)
	if v, ok := m[s]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, s) {
			return v
		}
	}
	return 0
}
