package lumen

import "strconv"

// Mention is one occurrence of a concept in a text. Start and End are byte
// offsets into the text (End exclusive).
type Mention struct {
	Concept string `json:"concept"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// Relations a claim can state between its concepts.
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

// Claim is a sentence that relates concepts of two different kinds. Start and
// End are byte offsets into the article's Text.
type Claim struct {
	ID        string   `json:"id"`
	ArticleID string   `json:"article_id"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
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
	// Confidence is how sure the tagger is of the claim, in [0, 1]; curators
	// review the least sure first.
	Confidence float64 `json:"confidence,omitempty"`
	// Review is the claim's review state. The tagger leaves it empty; the
	// index and the API fill it in (every claim they return has a status).
	Review Review `json:"review,omitzero"`
}

// ClaimID derives a claim's identifier from its article and sentence text, so
// that a re-crawl or re-tag of an unchanged sentence keeps the claim's identity
// (and the curator decisions attached to it). occurrence tells apart identical
// sentences within one article (0 for the first).
func ClaimID(articleID, sentence string, occurrence int) string {
	return NewID("claim:" + articleID + "\x00" + sentence + "\x00" + strconv.Itoa(occurrence))
}
