package crawler

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// authorsOf is an article's author details in a form a failure message
// shows well.
func authorsOf(a lumen.Article) []lumen.Author { return lumen.AuthorList(a.Authors, a.AuthorDetails) }

// TestPubMedAuthorParts: efetch's name parts reach the published article
// as they are: the real record's CollectiveName (pubmed7.xml) is a literal
// name, its people have family, given and initials; and the names of the
// QA report, in a record built from a real one with its AuthorList
// replaced (a Suffix element, a suffix written into LastName, an
// initials-only author, a collective name with "&" and "and").
func TestPubMedAuthorParts(t *testing.T) {
	day := time.Now().AddDate(0, 0, -3)
	recs := realRecords(t, day, "api/pubmed7.xml")
	built := pubmedRecords(t, "api/pubmed1.xml")[0]
	built = regexp.MustCompile(`(?s)<AuthorList.*?</AuthorList>`).ReplaceAllString(built, `<AuthorList CompleteYN="Y">`+
		`<Author ValidYN="Y"><CollectiveName>The GUT-SKIN {Consortium} &amp; Friends</CollectiveName></Author>`+
		`<Author ValidYN="Y"><CollectiveName>Society for Gut and Skin Research
			Working Group</CollectiveName></Author>`+
		`<Author ValidYN="Y"><LastName>Smith</LastName><ForeName>Bob</ForeName><Initials>B</Initials><Suffix>Jr</Suffix></Author>`+
		`<Author ValidYN="Y"><LastName>Smith, Jr.</LastName><ForeName>Robert</ForeName><Initials>R</Initials></Author>`+
		`<Author ValidYN="Y"><LastName>Li</LastName><Initials>X</Initials></Author>`+
		`<Author ValidYN="N"><LastName>de la Cruz</LastName><ForeName>María José</ForeName><Initials>MJ</Initials></Author>`+
		`</AuthorList>`)
	m := pmidRE.FindStringSubmatch(built)
	recs = append(recs, pmRecord{pmid: m[2], xml: built, edat: day})

	h := newHarness(t, nil)
	e := newEutils(t, recs)
	if run := h.run(pubmedSource(e, "pm")); run.New != 2 || run.Error != "" {
		t.Fatalf("run = %+v, want 2 new", run)
	}
	arts := h.articles()
	real := arts["https://pubmed.ncbi.nlm.nih.gov/"+recs[0].pmid+"/"]
	if n := len(real.Authors); n == 0 || len(real.AuthorDetails) != n {
		t.Fatalf("pubmed7: Authors %q, AuthorDetails %+v", real.Authors, real.AuthorDetails)
	}
	if got, want := real.AuthorDetails[len(real.AuthorDetails)-1], (lumen.Author{Name: "Canadian Respiratory Research Network",
		Literal: "Canadian Respiratory Research Network"}); got != want {
		t.Errorf("pubmed7 collective author = %+v, want %+v", got, want)
	}
	if !slices.Contains(real.AuthorDetails, lumen.Author{Name: "David G McCormack", Family: "McCormack", Given: "David G", Initials: "DG"}) {
		t.Errorf("pubmed7 authors = %+v, want McCormack's parts", real.AuthorDetails)
	}

	got := authorsOf(arts["https://pubmed.ncbi.nlm.nih.gov/"+m[2]+"/"])
	want := []lumen.Author{
		{Name: "The GUT-SKIN {Consortium} & Friends", Literal: "The GUT-SKIN {Consortium} & Friends"},
		{Name: "Society for Gut and Skin Research Working Group", Literal: "Society for Gut and Skin Research Working Group"},
		{Name: "Bob Smith Jr", Family: "Smith", Given: "Bob", Initials: "B", Suffix: "Jr"},
		{Name: "Robert Smith Jr.", Family: "Smith", Given: "Robert", Initials: "R", Suffix: "Jr."},
		{Name: "X Li", Family: "Li", Initials: "X"},
		{Name: "María José de la Cruz", Family: "de la Cruz", Given: "María José", Initials: "MJ"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("authors =\n%+v\nwant\n%+v", got, want)
	}
}

func TestCutNameSuffix(t *testing.T) {
	for _, tt := range []struct{ in, family, suffix string }{
		{"Smith, Jr.", "Smith", "Jr."},
		{"Smith Jr", "Smith", "Jr"},
		{"Gates III", "Gates", "III"},
		{"Smith", "Smith", ""},
		{"Jr", "Jr", ""},
		{"van der Berg", "van der Berg", ""},
		{"Ii", "Ii", ""},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if f, s := cutNameSuffix(tt.in); f != tt.family || s != tt.suffix {
				t.Errorf("cutNameSuffix(%q) = %q, %q, want %q, %q", tt.in, f, s, tt.family, tt.suffix)
			}
		})
	}
}

// TestEuropePMCAuthorParts: Europe PMC's authorList gives each person's
// first and last names and initials (the real core record), and a
// collective name apart; a record with only authorString keeps display
// names.
func TestEuropePMCAuthorParts(t *testing.T) {
	rec := coreRecord(t)
	withGroup := coreRecord(t)
	withGroup["id"], withGroup["pmid"], withGroup["pmcid"], withGroup["doi"] = "201", "201", "PMC201", "10.9999/test.201"
	withGroup["title"] = "Record with a group author"
	withGroup["authorList"] = map[string]any{"author": []any{
		map[string]any{"collectiveName": "MetaHIT Consortium"},
		map[string]any{"fullName": "Li X", "lastName": "Li", "initials": "X"},
		map[string]any{"fullName": "Smith B Jr", "firstName": "Bob", "lastName": "Smith Jr", "initials": "B"},
	}}
	shortOnly := coreRecord(t)
	shortOnly["id"], shortOnly["pmid"], shortOnly["pmcid"], shortOnly["doi"] = "202", "202", "PMC202", "10.9999/test.202"
	shortOnly["title"] = "Record with authorString only"
	delete(shortOnly, "authorList")

	h := newHarness(t, nil)
	s := europePMCServer(t, []map[string]any{rec, withGroup, shortOnly}, 10)
	src := lumen.Source{Name: "epmc", Kind: lumen.SourceEuropePMC, Query: "q", URLs: []string{s.URL + "/rest"}, AllowPrivate: true}
	if run := h.run(src); run.New != 3 || run.Error != "" {
		t.Fatalf("run = %+v, want 3 new", run)
	}
	arts := h.articles()
	real := arts["https://europepmc.org/article/MED/21999661"]
	if len(real.AuthorDetails) != 7 || real.AuthorDetails[2] != (lumen.Author{Name: "Peter Murray-Rust", Family: "Murray-Rust", Given: "Peter", Initials: "P"}) {
		t.Errorf("real record's authors = %+v", real.AuthorDetails)
	}
	if got, want := authorsOf(arts["https://europepmc.org/article/MED/201"]), []lumen.Author{
		{Name: "MetaHIT Consortium", Literal: "MetaHIT Consortium"},
		{Name: "Li X", Family: "Li", Initials: "X"},
		{Name: "Bob Smith Jr", Family: "Smith", Given: "Bob", Initials: "B", Suffix: "Jr"},
	}; !slices.Equal(got, want) {
		t.Errorf("authors = %+v, want %+v", got, want)
	}
	short := arts["https://europepmc.org/article/MED/202"]
	if short.AuthorDetails != nil || len(short.Authors) != 7 || short.Authors[0] != "Jones R" {
		t.Errorf("authorString only: Authors %q, AuthorDetails %+v", short.Authors, short.AuthorDetails)
	}
}

// TestCitationAuthorParts: a page's citation_author tags in the "Last,
// First" form Google Scholar asks for are split there (the page is the
// team's, written to the Highwire Press tag conventions: no recorded page in
// the corpus has the tags); other forms stay display names.
func TestCitationAuthorParts(t *testing.T) {
	s := newSite(t)
	s.html("/", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Probiotics and acne</title>
<meta name="citation_title" content="Probiotics and acne: a pilot trial">
<meta name="citation_author" content="Smith, Jane Q.">
<meta name="citation_author" content="Gates, William, III">
<meta name="citation_author" content="Society for Gut and Skin Research">
<meta name="citation_journal_title" content="Journal of Gut and Skin Research">
<meta name="citation_publication_date" content="2024/11/02">
</head><body><article><h1>Probiotics and acne: a pilot trial</h1>`+lorem("Citation authors")+`</article></body></html>`)
	h := newHarness(t, nil)
	if run := h.run(webSource("cite", s, func(src *lumen.Source) { src.MaxDepth = lumen.Depth(0) })); run.New != 1 {
		t.Fatalf("run = %+v, want 1 new", run)
	}
	var a lumen.Article
	for _, v := range h.articles() {
		a = v
	}
	want := []lumen.Author{
		{Name: "Smith, Jane Q.", Family: "Smith", Given: "Jane Q."},
		{Name: "Gates, William, III", Family: "Gates", Given: "William", Suffix: "III"},
		{Name: "Society for Gut and Skin Research"},
	}
	if got := authorsOf(a); !slices.Equal(got, want) || len(a.AuthorDetails) != 3 {
		t.Errorf("authors = %s, want %+v", fmt.Sprintf("%+v", got), want)
	}
}
