package lumen

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention is one occurrence of a concept in a text. Start and End are UTF-8
// byte offsets into the text (End exclusive).
type Mention struct {
	Concept string `json:"concept"`
	Start   int    `json:"start" doc:"UTF-8 byte offset into the article text (not a character or UTF-16 index: convert before slicing a JavaScript string)"`
	End     int    `json:"end" doc:"UTF-8 byte offset into the article text, exclusive"`
	Text    string `json:"text"`
}

// Relations a claim can state between its concepts: the Effect of a
// Relation and the summary Claim.Relation.
const (
	RelationIncreases  = "increases"  // increases, worsens, causes, triggers
	RelationDecreases  = "decreases"  // decreases, improves, alleviates, protects
	RelationAssociated = "associated" // linked, correlated, associated
	RelationNoEffect   = "no_effect"  // explicitly no effect or no association
)

// Evidence types of an article, from its publication types or its wording.
const (
	EvidenceMetaAnalysis     = "meta-analysis"
	EvidenceSystematicReview = "systematic-review"
	EvidenceRCT              = "rct"
	EvidenceCohort           = "cohort"
	EvidenceCaseControl      = "case-control"
	EvidenceCrossSectional   = "cross-sectional"
	EvidenceCaseReport       = "case-report"
	EvidenceAnimal           = "animal"
	EvidenceInVitro          = "in-vitro"
	EvidenceNarrativeReview  = "narrative-review"
	EvidenceWebArticle       = "web-article"
)

// Relation is one pair of concepts that a claim relates: the Subject (the
// exposure, cause, intervention or upstream mechanism) has the Effect on the
// Object (the outcome, condition or downstream mechanism). Effect is one of
// the Relation* constants: increases and decreases say which way the object
// moves ("probiotics reduced acne": decreases; "fibre feeds beneficial
// bacteria": increases), associated states a link without a direction, and
// no_effect a denied relation, which also sets Negated. Negated and Hedged
// are scoped to the pair: "did not reduce X but improved Y" gives one denied
// and one plain pair. docs/ANNOTATION.md has the conventions.
type Relation struct {
	Subject string `json:"subject"`
	Object  string `json:"object"`
	Effect  string `json:"effect"`
	Negated bool   `json:"negated"`
	Hedged  bool   `json:"hedged"`
}

// Claim is a sentence that relates concepts of two different kinds. Start and
// End are UTF-8 byte offsets into the article's Text.
//
// Relations are the concept pairs the sentence relates; Relation, Negated
// and Hedged summarise them for the sentence as a whole (no_effect and
// Negated when its relation is denied). Claims stored before pairs existed
// have none; they still decode and index.
type Claim struct {
	ID        string   `json:"id"`
	ArticleID string   `json:"article_id"`
	Start     int      `json:"start" doc:"UTF-8 byte offset into the article text (not a character or UTF-16 index: convert before slicing a JavaScript string)"`
	End       int      `json:"end" doc:"UTF-8 byte offset into the article text, exclusive"`
	Text      string   `json:"text"`
	Concepts  []string `json:"concepts"`
	Relation  string   `json:"relation,omitempty"`
	Negated   bool     `json:"negated"`
	Hedged    bool     `json:"hedged"`
	Evidence  string   `json:"evidence,omitempty"`
	// Section is the heading or abstract label the sentence falls under, when known.
	Section string `json:"section,omitempty"`
	// Mentions are the concept mentions inside the sentence (offsets into
	// the article's Text, like Start and End).
	Mentions []Mention `json:"mentions,omitempty"`

	// Relations are the concept pairs the sentence relates.
	Relations []Relation `json:"relations,omitempty"`
	// ClaimEvidence is the design the sentence itself names for its claim
	// when it is not the article's own: the sentence cites other work ("a
	// meta-analysis found", "in several cross-sectional studies") or
	// another model ("in mice"). Evidence stays the article's design;
	// EffectiveEvidence gives the one that applies.
	ClaimEvidence string `json:"claim_evidence,omitempty"`
	// Confidence in [0, 1] is how sure the tagger is that the sentence is
	// a claim relating these concepts in this way: weak or ambiguous cues,
	// short forms, concepts read from context, hedges and far-apart
	// concepts lower it. Curators review the least sure claims first.
	// Claims stored before it existed read 0.
	Confidence float64 `json:"confidence"`
	// Review is the claim's review state. The tagger leaves it empty; the
	// index and the API fill it in (every claim they return has a status).
	Review Review `json:"review,omitzero"`
}

// EffectiveEvidence is the evidence a claim rests on: the one its sentence
// names (ClaimEvidence), else its article's.
func (c *Claim) EffectiveEvidence() string {
	if c.ClaimEvidence != "" {
		return c.ClaimEvidence
	}
	return c.Evidence
}

// ClaimID derives a claim's identifier from its article and sentence text, so
// that a re-crawl or re-tag of an unchanged sentence keeps the claim's identity
// (and the curator decisions attached to it). occurrence tells apart identical
// sentences within one article (0 for the first).
func ClaimID(articleID, sentence string, occurrence int) string {
	return NewID("claim:" + articleID + "\x00" + sentence + "\x00" + strconv.Itoa(occurrence))
}

// FindSentence returns where the sentence of claim id (of article
// articleID, whose sentence was sentence) now starts in the article's
// text: the occurrence, standing on its own rather than inside a longer run
// of words, whose ClaimID is id. ok is false when the sentence has left the
// text. A curator's decision follows its sentence with this when the
// sentence only moved, whether or not the tagger still reads it as a claim.
func FindSentence(articleID, id, sentence, text string) (start int, ok bool) {
	if sentence == "" {
		return 0, false
	}
	n := 0
	for off := 0; off <= len(text); {
		i := strings.Index(text[off:], sentence)
		if i < 0 {
			return 0, false
		}
		i += off
		end := i + len(sentence)
		off = end
		if !wordBoundary(text, i) || !wordBoundary(text, end) {
			continue
		}
		if ClaimID(articleID, sentence, n) == id {
			return i, true
		}
		n++
	}
	return 0, false
}

// wordBoundary reports whether no word runs across position i of text.
func wordBoundary(text string, i int) bool {
	if i == 0 || i == len(text) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i:])
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return !word(before) || !word(after)
}
