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

	// AnyConcepts: claims that, for every group, mention at least one of
	// the group's concepts. A concept also matches the concepts narrower
	// than it, here and in Concepts.
	AnyConcepts [][]string
	// Kinds: claims relating concepts of all these kinds ("condition", ...).
	Kinds []string
	// Cursor continues a search after the page it came from
	// (ClaimResults.NextCursor); From must be 0 with it.
	Cursor string
	// Facets names the facets to count over every hit: any of FacetNames.
	// None are counted unless asked for.
	Facets []string
	// Subject, Object and Effect select claims with a relation pair that
	// matches all of those given: Subject and Object are concept ids,
	// Effect a Relation* constant.
	Subject, Object, Effect string
}

// FacetNames lists the facets a search can count; "year" is the
// publication-year histogram.
var FacetNames = []string{"concepts", "evidence", "relation", "status", "source", "year"}

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
	// Matched says why the claim matched the query's words: which words
	// matched its text or title, which named one of its concepts.
	Matched []Match `json:"matched,omitempty"`
}

// Ways a query word can match a claim.
const (
	MatchText         = "text"         // the words are in the sentence
	MatchTitle        = "title"        // the words are in the article's title
	MatchConcept      = "concept"      // the words name one of the claim's concepts (or a broader one)
	MatchAbbreviation = "abbreviation" // an abbreviation the article defines for one of the claim's concepts
)

// Match is one reason a claim matched: the query words and how.
type Match struct {
	Query   string `json:"query"`
	Via     string `json:"via"`
	Concept string `json:"concept,omitempty"`
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
	// NextCursor continues after this page while more hits remain.
	NextCursor string `json:"next_cursor,omitempty"`
	// Offset is the number of hits before this page (From, or what the
	// cursor's earlier pages held).
	Offset int `json:"-"`
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
