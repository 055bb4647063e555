package crawler

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
)

// One paper seen by PubMed and Europe PMC is merged field by field: each
// field comes from the copy best placed to give it, whichever copy was
// seen last, so that the article does not flip between the two.
func TestMergeArticle(t *testing.T) {
	pubmed := lumen.Article{ID: "p", URL: "https://pubmed.ncbi.nlm.nih.gov/1/", URLs: []string{"https://pubmed.ncbi.nlm.nih.gov/1/"},
		Source: "pubmed", Title: "T", PMID: "1", Text: "Title\n\nAbstract.", MeSH: []string{"Acne Vulgaris", "Humans"},
		PublicationTypes: []string{"Journal Article", "Randomized Controlled Trial"}, Journal: "J Derm"}
	epmc := lumen.Article{URL: "https://europepmc.org/article/MED/1", URLs: []string{"https://europepmc.org/article/MED/1"},
		Source: "europepmc", Title: "T.", PMID: "1", PMCID: "PMC9", DOI: "10.1/x", Text: "Title\n\nAbstract!",
		PublicationTypes: []string{"Journal Article"}, Journal: "Journal of Dermatology", Authors: []string{"A B"}}

	m, prov := mergeArticle(pubmed, epmc, nil)
	if m.ID != "p" || m.Source != "pubmed" || m.PMCID != "PMC9" || m.DOI != "10.1/x" || len(m.URLs) != 2 {
		t.Errorf("identity of the merge = %+v", m)
	}
	if m.Text != pubmed.Text || m.Title != "T" || m.Journal != "J Derm" {
		t.Errorf("Europe PMC's copy replaced PubMed's text, title or journal: %+v", m)
	}
	if !slices.Equal(m.MeSH, pubmed.MeSH) || !slices.Equal(m.PublicationTypes, pubmed.PublicationTypes) {
		t.Errorf("MeSH %v, types %v: want PubMed's kept", m.MeSH, m.PublicationTypes)
	}
	if !slices.Equal(m.Authors, epmc.Authors) {
		t.Errorf("authors = %v, want Europe PMC's filling the gap", m.Authors)
	}
	// Seen again, in either order, the article stays the same.
	m.ContentHash = m.ComputeContentHash()
	again, prov := mergeArticle(m, epmc, prov)
	again2, _ := mergeArticle(again, pubmed, prov)
	if again.ComputeContentHash() != m.ContentHash || again2.ComputeContentHash() != m.ContentHash {
		t.Errorf("merging the same copies again changed the article:\n%+v\n%+v\n%+v", m, again, again2)
	}

	// A much longer text (a full text) replaces an abstract.
	full := epmc
	full.Text = strings.Repeat("Full text. ", 100)
	if m, _ := mergeArticle(pubmed, full, nil); m.Text != full.Text {
		t.Errorf("a much longer copy did not replace the text")
	}
	// The copy a field came from updates it: PubMed re-indexed the paper.
	updated := pubmed
	updated.MeSH = []string{"Acne Vulgaris", "Probiotics"}
	updated.Text = "Title\n\nA corrected abstract."
	updated.URLs = nil
	if m, _ := mergeArticle(pubmed, updated, nil); m.Text != updated.Text || !slices.Equal(m.MeSH, updated.MeSH) || len(m.URLs) != 1 {
		t.Errorf("a new version of the same record = %+v, want its text and MeSH", m)
	}
}

// A page whose content goes back, within the bus's de-duplication window,
// to a version published minutes before is dropped by JetStream as a
// duplicate while the stream holds another version: the crawler says so
// (failed: publish_deduplicated) instead of counting it changed, and
// offers it again on the next run.
func TestPublishDeduplicated(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	version := "A"
	s.handle("/p", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("P", lorem("version "+version)))
	})
	src := webSource("dedup", s, func(src *lumen.Source) { src.URLs = []string{s.URL + "/p"}; src.Recrawl = 0 })
	h.run(src)
	version = "B"
	if run := h.run(src); run.Changed != 1 {
		t.Fatalf("run with version B = %+v", run)
	}
	version = "A" // back to A, seconds later
	run := h.run(src)
	if run.Failed["publish_deduplicated"] != 1 || run.Changed != 0 {
		t.Errorf("run back to version A = %+v, want it reported as publish_deduplicated", run)
	}
	st, _ := h.c.loadState(t.Context(), s.URL+"/p")
	if run := h.run(src); run.Failed["publish_deduplicated"] != 1 || st.PageHash == "" {
		t.Errorf("next run = %+v (page hash %q), want version A offered again", run, st.PageHash)
	}
}
