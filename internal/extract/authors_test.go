package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
)

func TestCitationNames(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		want lumen.Author
	}{
		{"last, first", "Smith, Jane Q.", lumen.Author{Name: "Smith, Jane Q.", Family: "Smith", Given: "Jane Q."}},
		{"initial", "Smith, J", lumen.Author{Name: "Smith, J", Family: "Smith", Given: "J"}},
		{"particle", "van Beethoven, Ludwig", lumen.Author{Name: "van Beethoven, Ludwig", Family: "van Beethoven", Given: "Ludwig"}},
		{"suffix", "Gates, William, III", lumen.Author{Name: "Gates, William, III", Family: "Gates", Given: "William", Suffix: "III"}},
		{"suffix only", "Smith, Jr.", lumen.Author{Name: "Smith, Jr."}},
		{"first last", "Jane Smith", lumen.Author{Name: "Jane Smith"}},
		{"affiliation", "Department of Dermatology and Venereology, University Hospital of Basel", lumen.Author{Name: "Department of Dermatology and Venereology, University Hospital of Basel"}},
		{"address", "Gut Lab, 12 Main Street", lumen.Author{Name: "Gut Lab, 12 Main Street"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// A structured name beside it, so that the list is kept.
			got := citationNames([]string{tt.in, "Doe, John"})
			if len(got) != 2 || got[0] != tt.want {
				t.Errorf("citationNames(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
	if got := citationNames([]string{"Jane Smith", "WHO"}); got != nil {
		t.Errorf("citationNames(no parts) = %+v, want nil", got)
	}
}

// TestBoundAuthorDetails: cutting the authors to their bounds cuts the
// details with them, so that the two lists still agree.
func TestBoundAuthorDetails(t *testing.T) {
	var names []string
	for range maxAuthors + 5 {
		names = append(names, "Smith, "+strings.Repeat("J", maxNameBytes+10))
	}
	p := Page{Authors: names, AuthorDetails: citationNames(names)}
	p.bound()
	if len(p.Authors) != maxAuthors || len(p.AuthorDetails) != maxAuthors {
		t.Fatalf("bound: %d authors, %d details, want %d", len(p.Authors), len(p.AuthorDetails), maxAuthors)
	}
	d := p.AuthorDetails[0]
	if d.Name != p.Authors[0] || len(d.Given) > maxNameBytes+len(maxTitleElision) || d.Family != "Smith" {
		t.Errorf("bound detail = %+v (%d bytes given)", d, len(d.Given))
	}
	if !slices.Equal(lumen.AuthorList(p.Authors, p.AuthorDetails), p.AuthorDetails) {
		t.Error("bound details no longer match the authors")
	}
}
