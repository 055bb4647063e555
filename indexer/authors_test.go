package indexer

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// TestAuthorDetails: an article's author details are stored with it and
// come back from Article and the article export, also after its document
// is written again for a review (listClaims); an article in the old shape
// (display names only, as the stream and older indexes hold them) comes
// back with none, so that exports guess from the names as before.
func TestAuthorDetails(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	details := []lumen.Author{
		{Name: "The GUT-SKIN {Consortium} & Friends", Literal: "The GUT-SKIN {Consortium} & Friends"},
		{Name: "Bob Smith Jr", Family: "Smith", Given: "Bob", Initials: "B", Suffix: "Jr"},
		{Name: "X Li", Family: "Li", Initials: "X"},
	}
	structured := tagged("https://example.org/structured", t0, "Probiotics reduced acne lesions.")
	structured.Article.SetAuthors(details)
	structured.Article.ContentHash = structured.Article.ComputeContentHash()
	old := tagged("https://example.org/old", t0, "Probiotics may improve acne.")
	old.Article.Authors = []string{"Jane Q. Smith", "MetaHIT Consortium"}
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{structured, old}); err != nil {
		t.Fatal(err)
	}

	check := func(when string) {
		t.Helper()
		d, err := ix.Article(ctx, structured.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(d.Article.AuthorDetails, details) || !slices.Equal(d.Article.Authors, []string{"The GUT-SKIN {Consortium} & Friends", "Bob Smith Jr", "X Li"}) {
			t.Errorf("%s: Article authors = %q, details %+v, want %+v", when, d.Article.Authors, d.Article.AuthorDetails, details)
		}
		o, err := ix.Article(ctx, old.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if o.Article.AuthorDetails != nil || !slices.Equal(o.Article.Authors, old.Article.Authors) {
			t.Errorf("%s: old-shape Article authors = %q, details %+v", when, o.Article.Authors, o.Article.AuthorDetails)
		}
		metas := map[string]lumen.ArticleMeta{}
		if err := ix.ExportArticles(ctx, lumen.ClaimQuery{}, func(a lumen.ArticleMeta) error {
			metas[a.ID] = a
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if m := metas[structured.Article.ID]; !slices.Equal(m.AuthorDetails, details) {
			t.Errorf("%s: exported details = %+v, want %+v", when, m.AuthorDetails, details)
		}
		if m := metas[old.Article.ID]; m.AuthorDetails != nil || !slices.Equal(m.Authors, old.Article.Authors) {
			t.Errorf("%s: old-shape export = %q, %+v", when, m.Authors, m.AuthorDetails)
		}
	}
	check("indexed")

	// The article's document written again from its stored fields.
	b := ix.idx.NewBatch()
	if err := ix.listClaims(ctx, b, structured.Article.ID, []string{structured.Claims[0].ID}); err != nil {
		t.Fatal(err)
	}
	if err := ix.idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	check("rewritten")

	// At-least-once: the same event again changes nothing.
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{structured, old}); err != nil {
		t.Fatal(err)
	}
	check("redelivered")
}

func TestAuthorDetailsField(t *testing.T) {
	names := []string{"A B", "C"}
	for _, tt := range []struct {
		name string
		v    any
		want []lumen.Author
	}{
		{"absent", nil, nil},
		{"not json", "{oops", nil},
		{"other count", `[{"name":"A B","family":"B","given":"A"}]`, nil},
		{"matching", `[{"name":"A B","family":"B","given":"A"},{"name":"C","literal":"C"}]`,
			[]lumen.Author{{Name: "A B", Family: "B", Given: "A"}, {Name: "C", Literal: "C"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := authorDetailsField(tt.v, names); !slices.Equal(got, tt.want) {
				t.Errorf("authorDetailsField(%v) = %+v, want %+v", tt.v, got, tt.want)
			}
		})
	}
}
