package lumen

// EvidenceStrength lists the evidence types from the strongest to the
// weakest, the order in which an evidence map picks a cell's strongest.
var EvidenceStrength = []string{
	EvidenceMetaAnalysis, EvidenceSystematicReview, EvidenceRCT, EvidenceCohort, EvidenceCaseControl,
	EvidenceCrossSectional, EvidenceCaseReport, EvidenceAnimal, EvidenceInVitro, EvidenceNarrativeReview,
	EvidenceWebArticle,
}

// MapQuery asks for an evidence map: the claims that Claims selects (its
// paging, sort, cursor and facets are ignored), counted by a concept of
// kind Rows and a concept of kind Cols.
type MapQuery struct {
	Claims     ClaimQuery
	Rows, Cols string // kinds: condition, mechanism, intervention
}

// CauseKind is which of two kinds of concept is the cause (the subject of
// a relation pair) when a pair relates the two: intervention before
// mechanism before condition, the order in which a correction's added
// pairs are written (DerivePairs).
func CauseKind(a, b string) string {
	if kindRank(b+"/") < kindRank(a+"/") {
		return b
	}
	return a
}

// EvidenceMap is who-affects-what across the claims a query selects: for
// every pair of a row concept and a column concept that a relation pair
// of at least one claim relates, what those pairs say. A claim counts in
// the cells of its pairs' concepts and of every broader concept above
// them (once per cell), so that a broader row holds what its narrower rows
// hold. A claim that mentions both concepts while its pairs relate others
// ("Probiotics improved skin barrier function in atopic dermatitis":
// probiotics and the skin barrier) does not count in their cell.
type EvidenceMap struct {
	Rows  []MapAxis `json:"rows"`
	Cols  []MapAxis `json:"cols"`
	Cells []MapCell `json:"cells"`
	// Claims and Articles count the claims (and their articles) that fall
	// in at least one cell.
	Claims   int `json:"claims"`
	Articles int `json:"articles"`
	// SubjectKind is the kind of the rows or the columns whose concepts are
	// the subjects (causes) of what a cell counts (CauseKind): a cell's
	// claims have a pair from its SubjectKind concept to the other one.
	SubjectKind string `json:"subject_kind"`
}

// MapAxis is one row or column of a map: a concept, where it sits in the
// taxonomy's hierarchy, and how many of the map's claims mention it.
type MapAxis struct {
	ID       string `json:"id"`
	Label    string `json:"label,omitempty"`
	Parent   string `json:"parent,omitempty"` // the broader concept, when it is on the same axis
	Depth    int    `json:"depth"`
	Children int    `json:"children"` // narrower concepts on the same axis
	Claims   int    `json:"claims"`
}

// MapCell is what the relation pairs from a cause concept to an outcome
// concept say, the cause being the row or the column concept as
// EvidenceMap.SubjectKind says. Every figure but Reverse and
// ReverseRelations counts claims with such a pair, each claim once per
// figure: the claims the pair filters subject=CAUSE&object=OUTCOME
// select (with effect=E, Relations[E]).
type MapCell struct {
	Row      string `json:"row"`
	Col      string `json:"col"`
	Claims   int    `json:"claims" doc:"claims with a relation pair from the cell's cause concept (subject_kind) to its other concept, or narrower ones"`
	Articles int    `json:"articles"`
	// Relations counts the claims by their pairs' effects (increases,
	// decreases, associated, no_effect); a claim with pairs of two effects
	// in the cell (under a broader concept) counts under both.
	Relations map[string]int `json:"relations" doc:"claims by the effect of their pairs in the cell (a claim whose pairs in the cell have two effects counts under both)"`
	// Supports counts the claims with a pair that asserts a relation
	// (increases, decreases or associated, not negated): that they are
	// related, not which way; Relations says which way. Contradicts counts
	// those with a pair that denies one (negated, or no effect).
	Supports    int `json:"supports" doc:"claims with a pair asserting a relation between the two, in either direction or none (increases, decreases or associated, not negated): that they are related, not which way (see relations); 5 claims that X increases Y and 5 that it decreases Y make supports 10"`
	Contradicts int `json:"contradicts" doc:"claims with a pair denying a relation between the two (negated, or no_effect)"`
	Negated     int `json:"negated" doc:"claims with a negated pair in the cell"`
	Hedged      int `json:"hedged" doc:"claims with a hedged pair in the cell"`
	// Reverse counts the claims whose only pairs in the cell go the other
	// way (the outcome's kind as the subject: "acne lowers sleep" in a
	// sleep x acne cell), outside every other figure; ReverseRelations
	// counts every claim with such a pair by effect.
	Reverse          int            `json:"reverse" doc:"claims relating the two only the other way (the non-cause concept as the pair's subject); counted in no other figure"`
	ReverseRelations map[string]int `json:"reverse_relations,omitempty" doc:"claims with a pair going the other way, by effect"`
	// Evidence counts the claims by evidence type; Strongest is the
	// strongest type among them (EvidenceStrength).
	Evidence  map[string]int `json:"evidence"`
	Strongest string         `json:"strongest_evidence,omitempty"`
	// Accepted counts the claims curators accepted (as they are, or
	// corrected); Rejected those they rejected.
	Accepted int `json:"accepted"`
	Rejected int `json:"rejected"`
}
