package lumen

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAuthorDisplayName(t *testing.T) {
	for _, tt := range []struct {
		name string
		au   Author
		want string
	}{
		{"person", Author{Family: "Smith", Given: "Jane Q."}, "Jane Q. Smith"},
		{"suffix", Author{Family: "Smith", Given: "Bob", Suffix: "Jr"}, "Bob Smith Jr"},
		{"initials only", Author{Family: "Li", Initials: "X"}, "X Li"},
		{"family only", Author{Family: "Li"}, "Li"},
		{"collective", Author{Literal: "MetaHIT Consortium"}, "MetaHIT Consortium"},
		{"display name only", Author{Name: "Jones R"}, "Jones R"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.au.DisplayName(); got != tt.want {
				t.Errorf("DisplayName(%+v) = %q, want %q", tt.au, got, tt.want)
			}
		})
	}
}

func TestSetAuthors(t *testing.T) {
	var a Article
	a.SetAuthors([]Author{{Family: "Smith", Given: "Bob", Suffix: "Jr"}, {}, {Literal: "MetaHIT Consortium"}, {Name: "Jones R", Family: "Jones", Initials: "R"}})
	if want := []string{"Bob Smith Jr", "MetaHIT Consortium", "Jones R"}; !slices.Equal(a.Authors, want) {
		t.Errorf("Authors = %q, want %q", a.Authors, want)
	}
	if len(a.AuthorDetails) != 3 || a.AuthorDetails[0].Name != "Bob Smith Jr" || a.AuthorDetails[1].Literal != "MetaHIT Consortium" {
		t.Errorf("AuthorDetails = %+v", a.AuthorDetails)
	}
	// Display names only: nothing to keep besides Authors.
	a.SetAuthors([]Author{{Name: "Jones R"}, {Name: "Pitman J"}})
	if a.AuthorDetails != nil || !slices.Equal(a.Authors, []string{"Jones R", "Pitman J"}) {
		t.Errorf("display names only: Authors = %q, AuthorDetails = %+v", a.Authors, a.AuthorDetails)
	}
}

func TestAuthorList(t *testing.T) {
	names := []string{"Jane Smith", "WHO"}
	if got := AuthorList(names, nil); len(got) != 2 || got[0] != (Author{Name: "Jane Smith"}) || got[1] != (Author{Name: "WHO"}) {
		t.Errorf("AuthorList(old shape) = %+v", got)
	}
	details := []Author{{Name: "Jane Smith", Family: "Smith", Given: "Jane"}, {Name: "WHO", Literal: "WHO"}}
	if got := AuthorList(names, details); !slices.Equal(got, details) {
		t.Errorf("AuthorList(details) = %+v, want %+v", got, details)
	}
	if got := AuthorList(names, details[:1]); got[0] != (Author{Name: "Jane Smith"}) {
		t.Errorf("AuthorList(mismatched) = %+v, want the names alone", got)
	}
}

// TestArticleOldShape: an article event published before author details
// existed decodes with none, re-encodes without the key, and keeps its
// content hash, so that a re-crawl of an unchanged page without details
// is not published again.
func TestArticleOldShape(t *testing.T) {
	const old = `{"id":"0123456789abcdef0123456789abcdef","url":"https://example.org/a","source":"web","title":"T",` +
		`"authors":["Jane Smith","Smith, Jr., Bob"],"text":"Probiotics reduced acne.","content_hash":"x","fetched_at":"2025-01-02T03:04:05Z"}`
	var a Article
	if err := json.Unmarshal([]byte(old), &a); err != nil {
		t.Fatal(err)
	}
	if a.AuthorDetails != nil || len(a.Authors) != 2 {
		t.Fatalf("decoded Authors = %q, AuthorDetails = %+v", a.Authors, a.AuthorDetails)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "author_details") {
		t.Errorf("re-encoded with author_details: %s", b)
	}
	before := Hash(a.Text, a.Title, strings.Join(a.Authors, ";"), a.Published.UTC().Format(time.RFC3339),
		a.DOI, a.PMID, a.PMCID, a.Journal, strings.Join(a.PublicationTypes, ";"), strings.Join(a.MeSH, ";"),
		a.URL, strings.Join(a.URLs, " "))
	if got := a.ComputeContentHash(); got != before {
		t.Errorf("ComputeContentHash() = %s, want the hash it had before details existed, %s", got, before)
	}
	withParts := a
	withParts.AuthorDetails = []Author{{Name: "Jane Smith", Family: "Smith", Given: "Jane"}, {Name: "Smith, Jr., Bob"}}
	if withParts.ComputeContentHash() == before {
		t.Error("ComputeContentHash() ignores author details")
	}
}
