package indexer

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

// TestPublishedAsWritten: a publication date with an offset is the calendar
// date the publisher wrote, for the year facet, the date filters, the
// sort, and what search, the article and the exports give back (qa4 BUG 3:
// 2023-12-31T22:00:00-05:00 was cited as 2024).
func TestPublishedAsWritten(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ny := time.FixedZone("", -5*3600)
	tokyo := time.FixedZone("", 9*3600)
	pages := []struct {
		url       string
		published time.Time
	}{
		{"https://example.org/tz7", time.Date(2023, 12, 31, 22, 0, 0, 0, ny)},  // 2024-01-01 in UTC
		{"https://example.org/tz2", time.Date(2023, 6, 7, 0, 30, 0, 0, tokyo)}, // 2023-06-06 in UTC
		{"https://example.org/utc", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	var evs []lumen.ArticleTagged
	for _, p := range pages {
		ev := tagged(p.url, t0, "Probiotics reduced acne lesions in "+p.url[len("https://example.org/"):]+".")
		ev.Article.Published = p.published
		evs = append(evs, ev)
	}
	if _, err := ix.Apply(ctx, evs); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	endOf := func(t time.Time) time.Time { return t.Add(24*time.Hour - time.Nanosecond) }
	filters := []struct {
		name string
		q    lumen.ClaimQuery
		want []string
	}{
		{"from 2024-01-01", lumen.ClaimQuery{PublishedFrom: day(2024, 1, 1)}, []string{"utc"}},
		{"to 2023-12-31", lumen.ClaimQuery{PublishedTo: endOf(day(2023, 12, 31))}, []string{"tz2", "tz7"}},
		{"on 2023-06-07", lumen.ClaimQuery{PublishedFrom: day(2023, 6, 7), PublishedTo: endOf(day(2023, 6, 7))}, []string{"tz2"}},
		{"on 2023-06-06", lumen.ClaimQuery{PublishedFrom: day(2023, 6, 6), PublishedTo: endOf(day(2023, 6, 6))}, nil},
		{"q published:2023", lumen.ClaimQuery{Q: "published:2023"}, []string{"tz2", "tz7"}},
	}
	for _, tt := range filters {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.SearchClaims(ctx, tt.q)
			if err != nil {
				t.Fatalf("SearchClaims: %v", err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Article.URL[len("https://example.org/"):])
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("SearchClaims(%+v) = %q, want %q", tt.q, got, tt.want)
			}
		})
	}

	res, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Facets: []string{"year"}, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	wantYears := []lumen.FacetCount{{Value: "2024", Count: 1}, {Value: "2023", Count: 2}}
	if !slices.Equal(res.Facets["year"], wantYears) {
		t.Errorf("year facet = %+v, want %+v", res.Facets["year"], wantYears)
	}
	for _, h := range res.Hits {
		for _, p := range pages {
			if h.Article.URL == p.url && h.Article.Published.Format(time.RFC3339) != p.published.Format(time.RFC3339) {
				t.Errorf("hit %s published = %s, want %s", p.url, h.Article.Published.Format(time.RFC3339), p.published.Format(time.RFC3339))
			}
		}
	}

	got := map[string]time.Time{}
	err = ix.ExportArticles(ctx, lumen.ClaimQuery{}, func(a lumen.ArticleMeta) error {
		got[a.URL] = a.Published
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if g := got[p.url]; g.Format(time.RFC3339) != p.published.Format(time.RFC3339) {
			t.Errorf("ExportArticles %s published = %s, want %s", p.url, g.Format(time.RFC3339), p.published.Format(time.RFC3339))
		}
		d, err := ix.Article(ctx, lumen.NewID("url:"+p.url))
		if err != nil {
			t.Fatal(err)
		}
		if d.Published.Format(time.RFC3339) != p.published.Format(time.RFC3339) {
			t.Errorf("Article(%s).Published = %s, want %s", p.url, d.Published.Format(time.RFC3339), p.published.Format(time.RFC3339))
		}
	}
}

// OpenReadOnly reads an index without writing a byte to its directory
// (lumen export of a snapshot mounted read-only, qa4): searches and exports
// work, writes fail, and no file changes.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{tagged("https://example.org/ro", t0, "Probiotics reduced acne lesions.")}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	before := snapshotDir(t, dir)
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	res, err := ro.SearchClaims(ctx, lumen.ClaimQuery{Q: "acne"})
	if err != nil || res.Total != 1 {
		t.Errorf("search of a read-only index = %d hits, %v; want 1", res.Total, err)
	}
	n := 0
	if err := ro.ExportArticles(ctx, lumen.ClaimQuery{}, func(lumen.ArticleMeta) error { n++; return nil }); err != nil || n != 1 {
		t.Errorf("export of a read-only index = %d articles, %v; want 1", n, err)
	}
	if _, err := ro.Apply(ctx, []lumen.ArticleTagged{tagged("https://example.org/ro2", t0, "Diet changed nothing.")}); err == nil {
		t.Error("Apply on a read-only index succeeded")
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	if after := snapshotDir(t, dir); !maps.Equal(before, after) {
		t.Errorf("a read-only open changed the index directory:\nbefore %v\nafter  %v", before, after)
	}
	if _, err := OpenReadOnly(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("OpenReadOnly of a missing index succeeded (it must not create one)")
	}
}

// snapshotDir maps every file under dir (and the manifest beside it) to
// its size and modification time.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, root := range []string{dir, filepath.Dir(dir)} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			out[p] = fmt.Sprintf("%d %s", info.Size(), info.ModTime().Format(time.RFC3339Nano))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}
