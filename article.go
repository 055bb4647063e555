package lumen

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Article is one document Lumen has fetched: a web page, a feed item or a
// scholarly record. Its ID is stable across re-crawls so that everything derived
// from it (claims, curator decisions) stays attached.
type Article struct {
	ID     string   `json:"id"`
	URL    string   `json:"url"`            // canonical URL
	URLs   []string `json:"urls,omitempty"` // every URL the article was seen under, canonical first
	Source string   `json:"source"`         // name of the configured source that found it
	// Kind says what the text is (ArticleAbstract, ArticleFullText,
	// ArticleWeb), as the source knows it; empty in events stored before
	// it existed.
	Kind string `json:"kind,omitempty"`

	Title string `json:"title"`
	// Authors are the authors' names as shown and searched ("Jane Q.
	// Smith", "MetaHIT Consortium").
	Authors []string `json:"authors,omitempty"`
	// AuthorDetails are the same authors, one per name and in the same
	// order, with the parts of each name the source gave (family, given,
	// initials, suffix, or a collective name), for reference managers.
	// Empty when the source gave only display names, and in articles
	// stored before it existed: AuthorList reads either shape.
	AuthorDetails []Author  `json:"author_details,omitempty" doc:"the authors again, one per authors entry and in order, with the name parts the source gave; absent when it gave display names only"`
	Journal       string    `json:"journal,omitempty"`
	SiteName      string    `json:"site_name,omitempty"`
	Published     time.Time `json:"published,omitzero"`
	Language      string    `json:"language,omitempty"` // BCP 47 tag when known, e.g. "en"

	// Scholarly identifiers, when known. They link one paper found through
	// several sources (PubMed, Europe PMC, the publisher's page).
	DOI   string `json:"doi,omitempty"`
	PMID  string `json:"pmid,omitempty"`
	PMCID string `json:"pmcid,omitempty"`

	MeSH             []string `json:"mesh,omitempty"`              // MeSH descriptor names
	PublicationTypes []string `json:"publication_types,omitempty"` // PubMed publication types

	// Text is the main text as plain text: blocks (headings, paragraphs, list
	// items, abstract sections) separated by blank lines. Claim offsets are
	// byte offsets into Text.
	Text      string `json:"text"`
	Truncated bool   `json:"truncated,omitempty"` // Text was cut to the configured size cap

	ContentHash string    `json:"content_hash"` // hash of Text and the metadata that matters
	FetchedAt   time.Time `json:"fetched_at"`
}

// Kinds of article text, set by the crawler from the source: the tagger
// reads a web page, a scholarly abstract and a full paper differently (a web
// page's evidence is "web-article"; an abstract's comes from its wording).
const (
	ArticleAbstract = "abstract" // a title and abstract from a scholarly record or a journal feed
	ArticleFullText = "fulltext" // the full text of a paper
	ArticleWeb      = "web"      // a web page
)

// NewID derives a stable, subject-safe identifier (32 lower-case hex digits)
// from a key such as "url:https://example.org/a" or "doi:10.1000/xyz".
func NewID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

// ValidID reports whether id has the form NewID produces. IDs travel in NATS
// subjects and URLs, so anything else is refused at the edges.
func ValidID(id string) bool {
	if len(id) != 32 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Hash returns a short content hash of the parts given, joined unambiguously.
func Hash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// ComputeContentHash hashes what makes a new version of an article worth
// publishing again: its text, the metadata shown with its claims, and the
// URLs it is known under.
func (a *Article) ComputeContentHash() string {
	parts := []string{a.Text, a.Title, strings.Join(a.Authors, ";"), a.Published.UTC().Format(time.RFC3339),
		a.DOI, a.PMID, a.PMCID, a.Journal, strings.Join(a.PublicationTypes, ";"), strings.Join(a.MeSH, ";"),
		a.URL, strings.Join(a.URLs, " ")}
	// Author details count only when there are any, so that an article
	// without them keeps the hash it had before they existed (and is not
	// published again for nothing).
	if len(a.AuthorDetails) > 0 {
		var b strings.Builder
		for _, au := range a.AuthorDetails {
			b.WriteString(strings.Join([]string{au.Name, au.Family, au.Given, au.Initials, au.Suffix, au.Literal}, "\x1f"))
			b.WriteByte(';')
		}
		parts = append(parts, b.String())
	}
	return Hash(parts...)
}
