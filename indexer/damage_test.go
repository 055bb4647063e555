package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lumen-research/lumen"
)

// sampleEvents are n articles of three claims each.
func sampleEvents(n int) []lumen.ArticleTagged {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	evs := make([]lumen.ArticleTagged, n)
	for i := range evs {
		evs[i] = tagged(fmt.Sprintf("https://example.org/%d", i), t0,
			fmt.Sprintf("Probiotics reduced acne lesions in cohort %d.", i),
			fmt.Sprintf("Leaky gut may worsen psoriasis in group %d.", i),
			fmt.Sprintf("Zinc had no effect on eczema in trial %d.", i))
	}
	return evs
}

func replaySource(evs []lumen.ArticleTagged) Source {
	return TaggedSource(func(ctx context.Context, fn func(lumen.ArticleTagged, uint64) error) error {
		for i, ev := range evs {
			if err := fn(ev, uint64(i+1)); err != nil {
				return err
			}
		}
		return nil
	})
}

// builtIndex builds an index of n sample articles in a fresh directory,
// closed, and returns the directory.
func builtIndex(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := ix.Apply(context.Background(), sampleEvents(n)); err != nil {
		tb.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		tb.Fatal(err)
	}
	return dir
}

func garble(tb testing.TB, path string, off, n int64) {
	tb.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	if off < 0 {
		off = info.Size() / 2
	}
	n = min(n, info.Size()-off)
	buf := make([]byte, n)
	if _, err := f.ReadAt(buf, off); err != nil {
		tb.Fatal(err)
	}
	for i := range buf {
		buf[i] = ^buf[i] ^ byte(i*31)
	}
	if _, err := f.WriteAt(buf, off); err != nil {
		tb.Fatal(err)
	}
}

func segments(tb testing.TB, dir string) []string {
	tb.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil || len(m) == 0 {
		tb.Fatalf("no segments in %s", dir)
	}
	return m
}

// Every damage to the files gives Open an error wrapping ErrDamaged that
// names the file: never a panic, never an index that opens with less in it.
func TestOpenDamaged(t *testing.T) {
	tests := []struct {
		name   string
		damage func(tb testing.TB, dir string)
		file   string
	}{
		// Garbled pages that bolt does not use are harmless, and which it
		// uses varies: garble every page past the first two (meta pages).
		{"root.bolt meta pages garbled", func(tb testing.TB, dir string) { garble(tb, filepath.Join(dir, "store", "root.bolt"), 0, 8192) }, "root.bolt"},
		{"root.bolt data pages garbled", func(tb testing.TB, dir string) {
			garble(tb, filepath.Join(dir, "store", "root.bolt"), 8192, 1<<30)
		}, "root.bolt"},
		{"root.bolt truncated", func(tb testing.TB, dir string) { os.Truncate(filepath.Join(dir, "store", "root.bolt"), 12288) }, "root.bolt"},
		{"root.bolt deleted", func(tb testing.TB, dir string) { os.Remove(filepath.Join(dir, "store", "root.bolt")) }, "root.bolt"},
		{"segment truncated", func(tb testing.TB, dir string) {
			seg := segments(tb, dir)[0]
			info, _ := os.Stat(seg)
			os.Truncate(seg, info.Size()/2)
		}, ".zap"},
		{"segment garbled", func(tb testing.TB, dir string) { garble(tb, segments(tb, dir)[0], -1, 4096) }, ".zap"},
		{"index_meta.json garbled", func(tb testing.TB, dir string) {
			os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte("\x00{{"), 0o644)
		}, "index_meta.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := builtIndex(t, 40)
			tt.damage(t, dir)
			ix, err := Open(dir)
			if err == nil {
				ix.Close()
				t.Fatal("Open of a damaged index succeeded")
			}
			var de *DamageError
			if !errors.Is(err, ErrDamaged) || !errors.As(err, &de) || !strings.Contains(err.Error(), tt.file) {
				t.Errorf("Open = %v, want an error wrapping ErrDamaged naming %s", err, tt.file)
			}
		})
	}
}

// The damaged index is rebuilt from the stream in a new directory and
// swapped in, the damaged one kept aside.
func TestRebuildReplacesADamagedIndex(t *testing.T) {
	ctx := context.Background()
	dir := builtIndex(t, 30)
	garble(t, filepath.Join(dir, "store", "root.bolt"), 8192, 1<<30)
	_, err := Open(dir)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open = %v, want ErrDamaged", err)
	}
	ix, err := Unavailable(dir, err)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Ready(ctx); !errors.Is(err, lumen.ErrUnavailable) || !strings.Contains(err.Error(), "rebuilding") {
		t.Errorf("Ready while rebuilding = %v", err)
	}
	if _, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: "acne"}); !errors.Is(err, lumen.ErrUnavailable) {
		t.Errorf("SearchClaims while rebuilding = %v, want ErrUnavailable", err)
	}
	st, err := ix.Rebuild(ctx, RebuildOptions{Sources: []Source{replaySource(sampleEvents(30))}})
	if err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	if st.Kept != dir+".damaged" || st.Articles != 30 {
		t.Errorf("Rebuild = %+v", st)
	}
	if err := ix.Ready(ctx); err != nil {
		t.Errorf("Ready after the rebuild = %v", err)
	}
	res, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: "acne"})
	if err != nil || res.Total != 30 {
		t.Errorf("SearchClaims after the rebuild = %d, %v; want 30", res.Total, err)
	}
	// Applying goes on in the swapped-in index.
	if _, err := ix.Apply(ctx, sampleEvents(31)[30:]); err != nil {
		t.Fatal(err)
	}
	if a, _, _ := ix.Counts(ctx); a != 31 {
		t.Errorf("articles after apply = %d, want 31", a)
	}
}

// A segment garbled under an index in use is found by the live check: the
// index reports itself damaged (readiness, the Damaged signal) and answers
// with "unavailable" instead of wrong results or 500s.
func TestLiveDamage(t *testing.T) {
	ctx := context.Background()
	dir := builtIndex(t, 30)
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.VerifyLive(); err != nil {
		t.Fatalf("VerifyLive of a sound index: %v", err)
	}
	seg := segments(t, dir)[0]
	garble(t, seg, -1, 4096)
	old := time.Now().Add(-time.Hour) // complete, not being written
	os.Chtimes(seg, old, old)
	if err := ix.VerifyLive(); !errors.Is(err, ErrDamaged) || !errors.Is(err, lumen.ErrUnavailable) {
		t.Errorf("VerifyLive = %v, want ErrDamaged", err)
	}
	select {
	case <-ix.Damaged():
	default:
		t.Error("Damaged not signalled")
	}
	if err := ix.Ready(ctx); err == nil || !strings.Contains(err.Error(), filepath.Base(seg)) {
		t.Errorf("Ready = %v, want it to name %s", err, filepath.Base(seg))
	}
	if _, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: "acne"}); !errors.Is(err, lumen.ErrUnavailable) {
		t.Errorf("SearchClaims on a damaged index = %v, want ErrUnavailable", err)
	}
	if _, err := ix.Rebuild(ctx, RebuildOptions{Sources: []Source{replaySource(sampleEvents(30))}}); err != nil {
		t.Fatal(err)
	}
	if res, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: "acne"}); err != nil || res.Total != 30 {
		t.Errorf("after the rebuild: %d, %v", res.Total, err)
	}
}

// An error a query gets from the index data is reported as damage
// (unavailable), while a bad query stays the query's fault.
func TestSearchErrorsAreTold(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	if _, err := ix.Apply(ctx, sampleEvents(3)); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: "/[a-/"}); !errors.Is(err, lumen.ErrInvalid) {
		t.Errorf("bad regexp = %v, want ErrInvalid", err)
	}
	if state, _ := ix.State(); state != StateOK {
		t.Errorf("a bad query marked the index %s", state)
	}
	// A query that fails only against real terms (bleve builds a regular
	// expression's automaton when it meets a term dictionary), sent past
	// the query checks: the files verify, so it is the query's fault.
	re := query.NewRegexpQuery("acne$")
	re.SetField("text")
	if _, err := ix.idx.SearchInContext(ctx, bleve.NewSearchRequest(re)); !errors.Is(err, lumen.ErrInvalid) {
		t.Errorf("a regexp only real terms refuse = %v, want ErrInvalid", err)
	}
	if state, reason := ix.State(); state != StateOK {
		t.Errorf("a query refused by real terms marked the index %s (%v)", state, reason)
	}
}

func TestInventory(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	evs := sampleEvents(5)
	if _, err := ix.ApplySeqs(ctx, evs, []uint64{3, 9, 4, 1, 2}); err != nil {
		t.Fatal(err)
	}
	if hw, _ := ix.HighWater(); hw != 9 {
		t.Errorf("HighWater = %d, want 9", hw)
	}
	got := map[string]ArticleVersion{}
	if err := ix.Versions(ctx, func(v ArticleVersion) error { got[v.ID] = v; return nil }); err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		v := got[ev.Article.ID]
		if v.ContentHash != ev.Article.ContentHash || v.TaxonomyVersion != "t1" || v.Claims != 3 || !v.FetchedAt.Equal(ev.Article.FetchedAt) {
			t.Errorf("version of %s = %+v", ev.Article.ID, v)
		}
	}
	byArticle, err := ix.ClaimsByArticle(ctx, len(evs))
	if err != nil || len(byArticle) != 5 || byArticle[evs[0].Article.ID] != 3 {
		t.Errorf("ClaimsByArticle = %v, %v", byArticle, err)
	}
	if err := ix.Deindex(ctx, []string{evs[0].Article.ID}); err != nil {
		t.Fatal(err)
	}
	if a, c, _ := ix.Counts(ctx); a != 4 || c != 12 {
		t.Errorf("after Deindex: %d articles, %d claims", a, c)
	}
}

// A claim document lost from the index shows in the per-article counts.
func TestArticleClaims(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	evs := sampleEvents(2)
	if _, err := ix.Apply(ctx, evs); err != nil {
		t.Fatal(err)
	}
	v, n, found, err := ix.ArticleClaims(ctx, evs[0].Article.ID)
	if err != nil || !found || n != 3 || v.Claims != 3 || v.ContentHash != evs[0].Article.ContentHash {
		t.Fatalf("ArticleClaims = %+v, %d, %v, %v", v, n, found, err)
	}
	if err := ix.idx.Delete(claimDocID(evs[0].Claims[1].ID)); err != nil {
		t.Fatal(err)
	}
	if _, n, _, _ := ix.ArticleClaims(ctx, evs[0].Article.ID); n != 2 {
		t.Errorf("after a claim was lost: %d claims, want 2", n)
	}
	if by, _ := ix.ClaimsByArticle(ctx, 2); by[evs[0].Article.ID] != 2 || by[evs[1].Article.ID] != 3 {
		t.Errorf("ClaimsByArticle = %v", by)
	}
	if err := ix.ReapplyClaims(ctx, evs[:1]); err != nil {
		t.Fatal(err)
	}
	if _, n, _, _ := ix.ArticleClaims(ctx, evs[0].Article.ID); n != 3 {
		t.Errorf("after ReapplyClaims: %d claims, want 3", n)
	}
	if _, n, found, _ := ix.ArticleClaims(ctx, lumen.NewID("none")); found || n != 0 {
		t.Errorf("ArticleClaims(unknown) = %d, %v", n, found)
	}
}
