package lumen

import "time"

// ClaimQuery selects claims from the index.
type ClaimQuery struct {
	// Q is a bleve query string over the claim's sentence and its article's
	// title ("probiotics acne", "+leaky -gut", "\"gut barrier\""); empty
	// matches every claim.
	Q         string
	Concepts  []string // claims mentioning all of these concept ids
	Evidence  []string // claims whose evidence type is any of these
	Relation  string   // claims stating this relation
	Negated   *bool
	Hedged    *bool
	ArticleID string
	Source    string
	// Status: claims in any of these review states.
	Status []string
	// Flagged filters on the re-review flag (nil: either).
	Flagged *bool
	// Retracted: claims whose sentence left their article are kept for
	// their decisions but excluded unless asked for (nil or false: excluded;
	// true: only those).
	Retracted *bool
	// Published bounds (inclusive, zero = open) on the article's publication date.
	PublishedFrom, PublishedTo time.Time
	// Sort is "relevance" (default), "published" (oldest first),
	// "confidence" (the tagger's least sure first) or
	// "-published" (newest first).
	Sort string
	From int // offset of the first hit
	Size int // hits per page

	// Subject, Object and Effect select claims with a relation pair that
	// matches all of those given: Subject and Object are concept ids,
	// Effect a Relation* constant.
	Subject, Object, Effect string
}

// ArticleRef is the part of an article shown with each of its claims.
type ArticleRef struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Published time.Time `json:"published,omitzero"`
}

// ClaimHit is one claim found by a search.
type ClaimHit struct {
	Claim
	Score float64 `json:"score"`
	// Highlight is the sentence as HTML, escaped, with the matched terms in <mark>.
	Highlight string     `json:"highlight"`
	Article   ArticleRef `json:"article"`
	// TaggerVersion is the tagger (and taxonomy) version the claim was
	// tagged with, e.g. "gutskin-2026.12.1+r4.0c9f3a2b".
	TaggerVersion string `json:"tagger_version,omitempty"`
}

// FacetCount is how many hits carry one value of a field.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// ClaimResults is one page of claims.
type ClaimResults struct {
	Total  uint64                  `json:"total"`
	Hits   []ClaimHit              `json:"hits"`
	Facets map[string][]FacetCount `json:"facets,omitempty"`
}

// ArticleDetail is an indexed article with its claims.
type ArticleDetail struct {
	Article
	Evidence        string   `json:"evidence,omitempty"`
	Concepts        []string `json:"concepts,omitempty"`
	TaxonomyVersion string   `json:"taxonomy_version,omitempty"`
	Claims          []Claim  `json:"claims"`
	// RetractedClaims are claims curators decided whose sentence is no
	// longer in the article (their offsets refer to an earlier text).
	RetractedClaims []Claim `json:"retracted_claims,omitempty"`
}
