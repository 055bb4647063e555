package lumen

import "time"

// ArticleMeta is an article without its text: what exports and reference
// managers need.
type ArticleMeta struct {
	ID               string    `json:"id"`
	Title            string    `json:"title"`
	URL              string    `json:"url"`
	Source           string    `json:"source"`
	Authors          []string  `json:"authors,omitempty"`
	AuthorDetails    []Author  `json:"author_details,omitempty"` // see Article.AuthorDetails
	Journal          string    `json:"journal,omitempty"`
	SiteName         string    `json:"site_name,omitempty"`
	Language         string    `json:"language,omitempty"`
	Published        time.Time `json:"published,omitzero"`
	DOI              string    `json:"doi,omitempty"`
	PMID             string    `json:"pmid,omitempty"`
	PMCID            string    `json:"pmcid,omitempty"`
	MeSH             []string  `json:"mesh,omitempty"`
	PublicationTypes []string  `json:"publication_types,omitempty"`
	Evidence         string    `json:"evidence,omitempty"`
	Concepts         []string  `json:"concepts,omitempty"`
	ClaimCount       int       `json:"claim_count"`
}

// ClaimRecord is a claim as exported: the claim with its review status,
// its article's identifiers, and the tagger and taxonomy versions that
// produced it.
type ClaimRecord struct {
	Claim
	Article         ArticleMeta `json:"article"`
	TaggerVersion   string      `json:"tagger_version,omitempty"`
	TaxonomyVersion string      `json:"taxonomy_version,omitempty"`
}
