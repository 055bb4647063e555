package indexer

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// Every field a document builder writes is in the mapping, as the type it
// is written as: documents are built field by field, not walked by bleve.
func TestDocumentsFollowTheMapping(t *testing.T) {
	ev := tagged("https://example.org/a", time.Now(), "Probiotics reduce acne (AD) lesions.", "Diet may affect acne.")
	ev.Article.URLs = []string{ev.Article.URL}
	ev.Article.Authors, ev.Article.MeSH, ev.Article.PublicationTypes = []string{"A. Author"}, []string{"Acne"}, []string{"Review"}
	ev.Article.DOI, ev.Article.PMID, ev.Article.PMCID, ev.Article.Journal = "10.1/x", "1", "PMC1", "J"
	ev.Article.SiteName, ev.Article.Language, ev.Article.Truncated = "Site", "en", true
	log := []lumen.ReviewDecision{{ClaimID: ev.Claims[0].ID, Version: 1, Status: lumen.StatusAccepted, Curator: "c", Reason: "r", Note: "n", At: time.Now()}}
	docs, ids, err := buildDocs(&ev, map[string]reviewedClaim{ev.Claims[0].ID: {log: log}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs.claims {
		if _, err := docs.claims[i].document(claimDocID(ids[i])); err != nil {
			t.Errorf("claim document: %v", err)
		}
	}
	if _, err := docs.article.document(articleDocID(ev.Article.ID)); err != nil {
		t.Errorf("article document: %v", err)
	}
	b := newDocBuilder(typeClaim, "c-x")
	b.num("text", 1)
	if _, err := b.done(); err == nil {
		t.Errorf("a number in a text field: no error")
	}
	b = newDocBuilder(typeClaim, "c-x")
	b.str("no_such_field", "x")
	if _, err := b.done(); err == nil {
		t.Errorf("an unmapped field: no error")
	}
}

// A claim document leaves out the fields without a value, and its stored
// fields read back as they were written.
func TestClaimDocumentFields(t *testing.T) {
	ev := tagged("https://example.org/b", time.Now(), "Probiotics reduce acne lesions.")
	docs, ids, err := buildDocs(&ev, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := docs.claims[0].document(claimDocID(ids[0]))
	if err != nil {
		t.Fatal(err)
	}
	f := storedFields(doc)
	for _, name := range []string{"curator", "reason", "review_note", "review_log", "reviewed_at", "review_version", "start"} {
		if v, ok := f[name]; ok {
			t.Errorf("field %s = %v, want it left out", name, v)
		}
	}
	for name, want := range map[string]any{"negated": false, "hedged": false, "flagged": false, "retracted": false,
		"status": lumen.StatusPending, "text": "Probiotics reduce acne lesions.", "article_title": ev.Article.Title} {
		if got := f[name]; got != want {
			t.Errorf("field %s = %v, want %v", name, got, want)
		}
	}
	if got := stringsField(f["concepts"]); !slices.Equal(got, ev.Claims[0].Concepts) {
		t.Errorf("concepts = %v, want %v", got, ev.Claims[0].Concepts)
	}
	if _, ok := f["pair_keys"]; ok {
		t.Errorf("pair_keys stored; nothing reads them")
	}
}

// Words without a field search the sentence and the article's title, as
// terms and as phrases; a field names one of them.
func TestDefaultFieldsSentenceAndTitle(t *testing.T) {
	ix := MustOpen(t)
	// Two claims, each with the title.
	ev := tagged("https://example.org/c", time.Now(), "Probiotics reduce acne lesions.", "Diet matters.")
	ev.Article.Title = "Gut microbiota in dermatology"
	if _, err := ix.Apply(context.Background(), []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    string
		want uint64
	}{
		{"lesions", 1}, {"microbiota", 2}, {`"gut microbiota"`, 2}, {`"acne lesions"`, 1},
		{"+microbiota +lesions", 1}, {"text:microbiota", 0}, {"article_title:microbiota", 2},
		{`article_title:"gut microbiota"`, 2}, {"article_title:lesions", 0}, {"-microbiota", 0},
		{"derma*", 2}, {"lesiom~1", 1}, {"diet -lesions", 1},
	} {
		res, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{Q: tt.q})
		if err != nil {
			t.Errorf("SearchClaims(%q): %v", tt.q, err)
			continue
		}
		if res.Total != tt.want {
			t.Errorf("SearchClaims(%q).Total = %d, want %d", tt.q, res.Total, tt.want)
		}
	}
}

// An index built with another mapping version is not opened: it gives
// ErrOutdated, which the commands answer by rebuilding it from the streams.
func TestOpenOutdatedMapping(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.idx.SetInternal([]byte(internalMappingVersion), []byte("4")); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); !errors.Is(err, ErrOutdated) {
		t.Fatalf("Open of an index of mapping 4 = %v, want ErrOutdated", err)
	}
}
