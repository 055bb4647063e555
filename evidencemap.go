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

// EvidenceMap is who-affects-what across the claims a query selects: for
// every pair of a row concept and a column concept mentioned together by
// at least one claim, what those claims say. A claim counts in the cells of
// its concepts and of every broader concept above them (once per cell), so
// that a broader row holds what its narrower rows hold.
type EvidenceMap struct {
	Rows  []MapAxis `json:"rows"`
	Cols  []MapAxis `json:"cols"`
	Cells []MapCell `json:"cells"`
	// Claims and Articles count the claims (and their articles) that fall
	// in at least one cell.
	Claims   int `json:"claims"`
	Articles int `json:"articles"`
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

// MapCell is what the claims relating a row concept to a column concept say.
type MapCell struct {
	Row      string `json:"row"`
	Col      string `json:"col"`
	Claims   int    `json:"claims"`
	Articles int    `json:"articles"`
	// Relations counts the claims by relation (increases, decreases,
	// associated, no_effect).
	Relations map[string]int `json:"relations"`
	// Supports counts the claims that assert a relation between the two,
	// in either direction or without one (increases, decreases or
	// associated, not negated): that they are related, not which way;
	// Relations says which way. Contradicts counts those that deny one
	// (negated, or no effect).
	Supports    int `json:"supports" doc:"claims asserting a relation between the row and column concepts, in either direction or none (increases, decreases or associated, not negated): that they are related, not which way (see relations); 5 claims that X increases Y and 5 that it decreases Y make supports 10"`
	Contradicts int `json:"contradicts" doc:"claims denying a relation between the two (negated, or no_effect)"`
	Negated     int `json:"negated"`
	Hedged      int `json:"hedged"`
	// Evidence counts the claims by evidence type; Strongest is the
	// strongest type among them (EvidenceStrength).
	Evidence  map[string]int `json:"evidence"`
	Strongest string         `json:"strongest_evidence,omitempty"`
	// Accepted counts the claims curators accepted (as they are, or
	// corrected); Rejected those they rejected.
	Accepted int `json:"accepted"`
	Rejected int `json:"rejected"`
}
