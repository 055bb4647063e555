package lumen

import (
	"slices"
	"strings"
)

// Author is one author of an article with the parts of the name its source
// gives: a person's Family and Given names (or only Initials), a Suffix
// ("Jr", "III"), or, for a consortium, working group or organisation,
// Literal, the whole name, which is never split. Name is the name as shown
// (the article's Authors entry). Any part may be empty: an author known
// only as a display name has just Name.
type Author struct {
	Name     string `json:"name" doc:"the name as shown, equal to the article's authors entry at the same position"`
	Family   string `json:"family,omitempty"`
	Given    string `json:"given,omitempty"`
	Initials string `json:"initials,omitempty" doc:"initials of the given names, without dots, e.g. JQ"`
	Suffix   string `json:"suffix,omitempty" doc:"e.g. Jr, III"`
	Literal  string `json:"literal,omitempty" doc:"a collective or corporate name (consortium, working group), never split"`
}

// Structured reports whether the source gave the name's parts (a family
// name or a literal), so that nothing needs guessing from Name.
func (au Author) Structured() bool {
	return au.Family != "" || au.Literal != ""
}

// DisplayName is how Lumen shows an author: the literal name, else the
// given names (or initials), the family name and the suffix ("Bob Smith
// Jr", "X Li"), else Name.
func (au Author) DisplayName() string {
	if au.Literal != "" {
		return au.Literal
	}
	if au.Family == "" {
		return au.Name
	}
	given := au.Given
	if given == "" {
		given = au.Initials
	}
	return strings.Join(strings.Fields(given+" "+au.Family+" "+au.Suffix), " ")
}

// AuthorList pairs an article's display names (Authors) with the
// structured names its source gave (AuthorDetails): the details when they
// describe the same authors (one per name, in order), else one Author per
// name with only Name set. Articles stored before AuthorDetails existed
// therefore read as unstructured names, as they always did.
func AuthorList(names []string, details []Author) []Author {
	if len(details) == len(names) && len(details) > 0 {
		return details
	}
	out := make([]Author, len(names))
	for i, n := range names {
		out[i] = Author{Name: n}
	}
	return out
}

// SetAuthors sets both Authors and AuthorDetails from a source's names,
// filling each one's Name with its DisplayName when empty, so that the two
// lists always agree. AuthorDetails stays empty when no name has parts.
func (a *Article) SetAuthors(authors []Author) {
	a.Authors, a.AuthorDetails = nil, nil
	for _, au := range authors {
		if au.Name == "" {
			au.Name = au.DisplayName()
		}
		if au.Name == "" {
			continue
		}
		a.Authors = append(a.Authors, au.Name)
		a.AuthorDetails = append(a.AuthorDetails, au)
	}
	if !slices.ContainsFunc(a.AuthorDetails, Author.Structured) {
		a.AuthorDetails = nil // display names only: Authors says it all
	}
}
