package indexer

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

func MustOpen(tb testing.TB) *Index {
	tb.Helper()
	ix, err := Open(filepath.Join(tb.TempDir(), "index"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

// tagged builds an event for an article with one claim per sentence.
func tagged(url string, fetched time.Time, sentences ...string) lumen.ArticleTagged {
	a := lumen.Article{
		ID: lumen.NewID("url:" + url), URL: url, Source: "test", Title: "Title of " + url,
		Text: strings.Join(sentences, " "), FetchedAt: fetched,
		Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
	}
	a.ContentHash = a.ComputeContentHash()
	ev := lumen.ArticleTagged{Article: a, TaxonomyVersion: "t1", TaggedAt: fetched, Evidence: lumen.EvidenceWebArticle,
		Concepts: []string{"condition/acne", "intervention/probiotics"}}
	pos := 0
	for i, s := range sentences {
		ev.Claims = append(ev.Claims, lumen.Claim{
			ID: lumen.ClaimID(a.ID, s, 0), ArticleID: a.ID, Start: pos, End: pos + len(s), Text: s,
			Concepts: []string{"condition/acne", "intervention/probiotics"}, Hedged: i%2 == 1,
			Relation: lumen.RelationDecreases, Evidence: lumen.EvidenceWebArticle,
		})
		pos += len(s) + 1
	}
	return ev
}

func TestApplyIsIdempotentAndReplacesClaims(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	v1 := tagged("https://example.org/a", t0, "Probiotics reduced acne lesions.", "Probiotics may improve acne.")
	for i := range 2 { // applying twice must not duplicate
		st, err := ix.Apply(ctx, []lumen.ArticleTagged{v1})
		if err != nil {
			t.Fatalf("Apply: %v", err)
		}
		// A redelivery is written again but is no new article (the
		// lumen_articles_indexed_total counter, qa3).
		if want := (ApplyStats{Articles: 1, Claims: 2}); i == 0 && st != want {
			t.Errorf("Apply(v1) = %+v, want %+v", st, want)
		}
		if want := (ApplyStats{Rewritten: 1}); i == 1 && st != want {
			t.Errorf("Apply(v1) again = %+v, want %+v", st, want)
		}
	}
	if a, c, _ := ix.Counts(ctx); a != 1 || c != 2 {
		t.Fatalf("Counts() = %d articles, %d claims, want 1, 2", a, c)
	}

	v2 := tagged("https://example.org/a", t0.Add(time.Hour), "Probiotics reduced acne lesions.", "Fermented foods did nothing for acne.")
	st, err := ix.Apply(ctx, []lumen.ArticleTagged{v2})
	if err != nil {
		t.Fatalf("Apply v2: %v", err)
	}
	if st.ClaimsRemoved != 1 || st.Articles != 1 || st.Claims != 2 || st.Rewritten != 0 {
		t.Errorf("Apply v2 = %+v, want 1 article, 2 claims, 1 claim removed", st)
	}
	// A late redelivery of v1 must not roll the article back.
	st, err = ix.Apply(ctx, []lumen.ArticleTagged{v1})
	if err != nil {
		t.Fatalf("Apply stale: %v", err)
	}
	if st.Stale != 1 || st.Articles != 0 {
		t.Errorf("Apply stale = %+v, want 1 stale, 0 articles", st)
	}
	d, err := ix.Article(ctx, v1.Article.ID)
	if err != nil {
		t.Fatalf("Article: %v", err)
	}
	if len(d.Claims) != 2 || d.Claims[1].Text != "Fermented foods did nothing for acne." {
		t.Errorf("Article claims = %+v, want v2's claims", d.Claims)
	}
	if !d.FetchedAt.Equal(t0.Add(time.Hour)) || !d.Published.Equal(v1.Article.Published) {
		t.Errorf("Article times = fetched %v published %v", d.FetchedAt, d.Published)
	}
	if text, err := ix.ArticleText(ctx, v1.Article.ID); err != nil || text != d.Text {
		t.Errorf("ArticleText = %q, %v; want the article's text %q", text, err, d.Text)
	}
	for _, id := range []string{lumen.NewID("url:https://example.org/none"), "../x"} {
		if _, err := ix.ArticleText(ctx, id); !errors.Is(err, lumen.ErrNotFound) {
			t.Errorf("ArticleText(%q) error = %v, want not found", id, err)
		}
	}
	// Within one batch the newest version wins whatever the order.
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{tagged("https://example.org/b", t0.Add(2*time.Hour), "New."), tagged("https://example.org/b", t0, "Old.")}); err != nil {
		t.Fatalf("Apply batch: %v", err)
	}
	d, err = ix.Article(ctx, lumen.NewID("url:https://example.org/b"))
	if err != nil || len(d.Claims) != 1 || d.Claims[0].Text != "New." {
		t.Errorf("Article(b) = %+v, %v; want the newer version", d.Claims, err)
	}
}

func TestSearchClaims(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	t0 := time.Now()
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{
		tagged("https://example.org/a", t0, "Probiotics reduced acne lesions.", "Probiotics may improve acne & skin."),
		tagged("https://example.org/b", t0, "Leaky gut worsens psoriasis."),
	}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	yes := true
	tests := []struct {
		name string
		q    lumen.ClaimQuery
		want int
	}{
		{"all", lumen.ClaimQuery{}, 3},
		{"stemmed term", lumen.ClaimQuery{Q: "probiotic"}, 2},
		{"phrase", lumen.ClaimQuery{Q: `"leaky gut"`}, 1},
		{"concept filter", lumen.ClaimQuery{Concepts: []string{"condition/acne"}}, 3},
		{"unknown concept", lumen.ClaimQuery{Concepts: []string{"condition/none"}}, 0},
		{"hedged", lumen.ClaimQuery{Hedged: &yes}, 1},
		{"article", lumen.ClaimQuery{ArticleID: lumen.NewID("url:https://example.org/b")}, 1},
		{"evidence", lumen.ClaimQuery{Evidence: []string{lumen.EvidenceRCT, lumen.EvidenceWebArticle}}, 3},
		{"published range", lumen.ClaimQuery{PublishedFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, 3},
		{"published before", lumen.ClaimQuery{PublishedTo: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.SearchClaims(ctx, tt.q)
			if err != nil {
				t.Fatalf("SearchClaims(%+v): %v", tt.q, err)
			}
			if int(res.Total) != tt.want {
				t.Errorf("SearchClaims(%+v).Total = %d, want %d", tt.q, res.Total, tt.want)
			}
		})
	}

	res, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: "improve", Facets: []string{"concepts"}})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("SearchClaims(improve) = %+v, %v", res, err)
	}
	h := res.Hits[0]
	if want := "Probiotics may <mark>improve</mark> acne &amp; skin."; h.Highlight != want {
		t.Errorf("Highlight = %q, want %q", h.Highlight, want)
	}
	if h.Article.Title != "Title of https://example.org/a" || h.Article.URL != "https://example.org/a" || !h.Hedged {
		t.Errorf("hit = %+v", h)
	}
	if len(res.Facets["concepts"]) != 2 {
		t.Errorf("concept facets = %+v", res.Facets["concepts"])
	}
}

func TestSearchClaimsInvalid(t *testing.T) {
	ix := MustOpen(t)
	for _, q := range []lumen.ClaimQuery{
		{Q: "text:"},
		{Q: "+"},
		{Q: "/[/"},
		{Q: "a^x"},
		{Q: `"unterminated`},
		{Q: "("}, // q has no grouping (qa4: it matched nothing, silently)
		{Q: "acne)"},
		{Q: strings.Repeat("a ", MaxQueryLength)},
		{Size: MaxPageSize + 1},
		{From: -1},
		{Sort: "title"},
	} {
		if _, err := ix.SearchClaims(context.Background(), q); !errors.Is(err, lumen.ErrInvalid) {
			t.Errorf("SearchClaims(%+v) error = %v, want ErrInvalid", q, err)
		}
	}
}

func TestOpenLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := Open(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open error = %v, want ErrLocked", err)
	}
}

func TestRebuild(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	events := []lumen.ArticleTagged{
		tagged("https://example.org/a", time.Now(), "One.", "Two."),
		tagged("https://example.org/b", time.Now(), "Three."),
	}
	replay := func(events []lumen.ArticleTagged) Source {
		return TaggedSource(func(ctx context.Context, fn func(lumen.ArticleTagged, uint64) error) error {
			for i, ev := range events {
				if err := fn(ev, uint64(i+1)); err != nil {
					return err
				}
			}
			return nil
		})
	}
	for range 2 { // the second run replaces the first index
		st, err := Rebuild(ctx, dir, RebuildOptions{Sources: []Source{replay(events)}, BatchSize: 1})
		if err != nil {
			t.Fatalf("Rebuild: %v", err)
		}
		if st.Articles != 2 || st.Claims != 3 {
			t.Errorf("Rebuild stats = %+v", st)
		}
	}
	// A stream that lost an article does not replace the index, unless forced.
	_, err := Rebuild(ctx, dir, RebuildOptions{Sources: []Source{replay(events[:1])}})
	var se *SmallerError
	if !errors.As(err, &se) || se.Articles != 1 || se.Before != 2 {
		t.Errorf("Rebuild from a shrunk stream = %v, want a SmallerError 1 < 2", err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if a, c, _ := ix.Counts(ctx); a != 2 || c != 3 {
		t.Errorf("Counts after rebuild = %d, %d", a, c)
	}
	if hw, err := ix.HighWater(); err != nil || hw != 2 {
		t.Errorf("HighWater = %d, %v; want 2", hw, err)
	}
	ix.Close()
	if _, err := Rebuild(ctx, dir, RebuildOptions{Sources: []Source{replay(events[:1])}, Force: true}); err != nil {
		t.Errorf("Rebuild --force: %v", err)
	}
	// What a rebuild leaves beside the index: its manifest, nothing else.
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "*"))
	for _, p := range left {
		if b := filepath.Base(p); b != "index" && b != "index.manifest.json" {
			t.Errorf("rebuild left %s behind", b)
		}
	}
}
