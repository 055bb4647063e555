package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/metrics"
	"github.com/lumen-research/lumen/internal/vocab"
)

// TestAuthorsThroughAPI: an article's author parts travel from the event
// through the index to the article API and the CSL-JSON export; an
// old-shape article (display names only) reads and exports as before.
func TestAuthorsThroughAPI(t *testing.T) {
	ix := openIndex(t)
	ix.SetVocabulary(vocab.New(richTaxonomy))
	ad, pro := "condition/atopic-dermatitis", "intervention/probiotics"
	structured := taggedArticle("https://pubmed.ncbi.nlm.nih.gov/90000001/", "Probiotics in atopic dermatitis", time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC),
		lumen.EvidenceRCT, "10.1000/authors.1", "", sentence{"Probiotics reduced the severity of atopic dermatitis.", []string{ad, pro}, lumen.RelationDecreases, ""})
	structured.Article.SetAuthors([]lumen.Author{
		{Literal: "Society for Gut and Skin Research Working Group"},
		{Family: "Smith", Given: "Bob", Suffix: "Jr"},
		{Family: "Li", Initials: "X"},
	})
	old := taggedArticle("https://example.org/old", "Old shape", time.Date(2023, 2, 1, 0, 0, 0, 0, time.UTC),
		lumen.EvidenceCohort, "10.1000/authors.2", "", sentence{"Probiotics were linked to less atopic dermatitis.", []string{ad, pro}, lumen.RelationAssociated, ""})
	old.Article.Authors = []string{"Jane Q. Smith", "MetaHIT Consortium"}
	if _, err := ix.Apply(context.Background(), []lumen.ArticleTagged{structured, old}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: ix, Runs: fakeRuns{}, Taxonomy: richTaxonomy, Metrics: metrics.New()}))
	t.Cleanup(srv.Close)

	var d struct {
		Authors       []string       `json:"authors"`
		AuthorDetails []lumen.Author `json:"author_details"`
	}
	if code := get(t, srv, "/api/v1/articles/"+structured.Article.ID, &d); code != 200 {
		t.Fatalf("GET article = %d", code)
	}
	if !slices.Equal(d.Authors, []string{"Society for Gut and Skin Research Working Group", "Bob Smith Jr", "X Li"}) ||
		!slices.Equal(d.AuthorDetails, structured.Article.AuthorDetails) {
		t.Errorf("article authors = %q, details %+v", d.Authors, d.AuthorDetails)
	}

	res, err := http.Get(srv.URL + "/api/v1/articles/export?format=csljson&concept=" + ad)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var items []struct {
		Title  string              `json:"title"`
		Author []map[string]string `json:"author"`
	}
	if err := json.Unmarshal(body, &items); err != nil || res.StatusCode != 200 || len(items) != 2 {
		t.Fatalf("CSL-JSON export = %d %v\n%s", res.StatusCode, err, body)
	}
	want := map[string]string{
		"Probiotics in atopic dermatitis": `[{"literal":"Society for Gut and Skin Research Working Group"},{"family":"Smith","given":"Bob","suffix":"Jr"},{"family":"Li","given":"X."}]`,
		// Split by rule, as before details existed.
		"Old shape": `[{"family":"Smith","given":"Jane Q."},{"family":"Consortium","given":"MetaHIT"}]`,
	}
	for _, it := range items {
		got, _ := json.Marshal(it.Author)
		if string(got) != want[it.Title] {
			t.Errorf("CSL authors of %q = %s, want %s", it.Title, got, want[it.Title])
		}
	}
}
