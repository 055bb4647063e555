package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// writeOne writes one article in format.
func writeOne(t *testing.T, format string, a lumen.ArticleMeta) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewArticleWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(a); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// risAuthors are the AU values of a RIS record.
func risAuthors(ris string) []string {
	var out []string
	for _, l := range strings.Split(ris, "\r\n") {
		if v, ok := strings.CutPrefix(l, "AU  - "); ok {
			out = append(out, v)
		}
	}
	return out
}

// bibAuthors splits a BibTeX author field at its top-level " and "s, as
// BibTeX does (an "and" inside braces does not split).
func bibAuthors(field string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(field); i++ {
		switch field[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
		case ' ':
			if depth == 0 && strings.HasPrefix(field[i:], " and ") {
				out = append(out, field[start:i])
				start = i + len(" and ")
				i += len(" and ") - 1
			}
		}
	}
	return append(out, field[start:])
}

// TestStructuredAuthors: the parts a source gave are written as they are
// (the names of the QA report: a consortium with "&" and braces in it, a
// working group with "and", a suffixed name, an initials-only author),
// never guessed back from the display name.
func TestStructuredAuthors(t *testing.T) {
	details := []lumen.Author{
		{Name: "The GUT-SKIN {Consortium} & Friends", Literal: "The GUT-SKIN {Consortium} & Friends"},
		{Name: "Society for Gut and Skin Research Working Group", Literal: "Society for Gut and Skin Research Working Group"},
		{Name: "MetaHIT Consortium", Literal: "MetaHIT Consortium"},
		{Name: "Bob Smith Jr.", Family: "Smith", Given: "Bob", Initials: "B", Suffix: "Jr."},
		{Name: "X Li", Family: "Li", Initials: "X"},
		{Name: "JQ Doe", Family: "Doe", Initials: "JQ"},
		{Name: "Ludwig van Beethoven", Family: "van Beethoven", Given: "Ludwig"},
	}
	a := lumen.ArticleMeta{ID: "33333333333333333333333333333333", Title: "Structured", URL: "https://pubmed.ncbi.nlm.nih.gov/90000001/",
		PMID: "90000001", Journal: "J Test", Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), AuthorDetails: details}
	for _, d := range details {
		a.Authors = append(a.Authors, d.Name)
	}

	wantRIS := []string{"The GUT-SKIN {Consortium} & Friends", "Society for Gut and Skin Research Working Group", "MetaHIT Consortium",
		"Smith, Bob, Jr.", "Li, X.", "Doe, J. Q.", "van Beethoven, Ludwig"}
	if got := risAuthors(writeOne(t, RIS, a)); !slices.Equal(got, wantRIS) {
		t.Errorf("RIS AU = %q, want %q", got, wantRIS)
	}

	entries := parseBibTeX(t, writeOne(t, BibTeX, a))
	if len(entries) != 1 {
		t.Fatalf("%d BibTeX entries, want 1", len(entries))
	}
	wantBib := []string{`{The GUT-SKIN \{Consortium\} \& Friends}`, `{Society for Gut and Skin Research Working Group}`, `{MetaHIT Consortium}`,
		`Smith, Jr., Bob`, `Li, X.`, `Doe, J. Q.`, `van Beethoven, Ludwig`}
	if got := bibAuthors(entries[0].fields["author"]); !slices.Equal(got, wantBib) {
		t.Errorf("BibTeX authors = %q, want %q", got, wantBib)
	}
	if entries[0].key != "thegutskinconsortium2024" {
		t.Errorf("BibTeX key = %q, want thegutskinconsortium2024", entries[0].key)
	}

	var items []struct {
		Author []map[string]string `json:"author"`
	}
	if err := json.Unmarshal([]byte(writeOne(t, CSLJSON, a)), &items); err != nil || len(items) != 1 {
		t.Fatalf("CSL-JSON: %v, %d items", err, len(items))
	}
	wantCSL := []map[string]string{
		{"literal": "The GUT-SKIN {Consortium} & Friends"},
		{"literal": "Society for Gut and Skin Research Working Group"},
		{"literal": "MetaHIT Consortium"},
		{"family": "Smith", "given": "Bob", "suffix": "Jr."},
		{"family": "Li", "given": "X."},
		{"family": "Doe", "given": "J. Q."},
		{"family": "van Beethoven", "given": "Ludwig"},
	}
	if got := items[0].Author; len(got) != len(wantCSL) {
		t.Fatalf("CSL authors = %v, want %v", got, wantCSL)
	}
	for i, w := range wantCSL {
		got := items[0].Author[i]
		if len(got) != len(w) {
			t.Errorf("CSL author %d = %v, want %v", i, got, w)
			continue
		}
		for k, v := range w {
			if got[k] != v {
				t.Errorf("CSL author %d = %v, want %v", i, got, w)
				break
			}
		}
	}
}

// TestOldShapeAuthors: an article stored before author details existed
// (flat names only), decoded from its JSON, exports as it always did, and
// details that do not match the names (a copy merged from elsewhere) are
// ignored rather than misattributed.
func TestOldShapeAuthors(t *testing.T) {
	const old = `{"id":"af41f9620400845f20448a3fa0362745","title":"Probiotics for acne","url":"https://pubmed.ncbi.nlm.nih.gov/30000001/",` +
		`"source":"pubmed","authors":["Jane Q. Smith","Kumar R","Ludwig van Beethoven","Plato"],"journal":"J","pmid":"30000001","claim_count":0}`
	var a lumen.ArticleMeta
	if err := json.Unmarshal([]byte(old), &a); err != nil {
		t.Fatal(err)
	}
	if a.AuthorDetails != nil {
		t.Fatalf("old shape decoded with details %v", a.AuthorDetails)
	}
	want := []string{"Smith, Jane Q.", "Kumar, R", "van Beethoven, Ludwig", "Plato"}
	if got := risAuthors(writeOne(t, RIS, a)); !slices.Equal(got, want) {
		t.Errorf("RIS AU = %q, want %q", got, want)
	}
	mismatched := a
	mismatched.AuthorDetails = []lumen.Author{{Name: "Someone Else", Family: "Else", Given: "Someone"}}
	if got := risAuthors(writeOne(t, RIS, mismatched)); !slices.Equal(got, want) {
		t.Errorf("RIS AU with mismatched details = %q, want %q", got, want)
	}
	// Re-encoding the old shape writes no author_details key: the JSON a
	// consumer stored reads back the same.
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "author_details") {
		t.Errorf("old shape re-encoded with author_details: %s", b)
	}
}
