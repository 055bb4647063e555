package httpapi_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/metrics"
)

// TestClaimPairs searches claims by the subject, object and effect of
// their relation pairs and checks that hits carry the pairs.
func TestClaimPairs(t *testing.T) {
	ix := openIndex(t)
	a := lumen.Article{ID: lumen.NewID("url:https://example.org/pairs"), URL: "https://example.org/pairs", Title: "Pairs",
		Source: "test", FetchedAt: time.Now(), Text: "Probiotics reduced acne. A leaky gut worsens psoriasis."}
	a.ContentHash = a.ComputeContentHash()
	claims := []lumen.Claim{
		{Start: 0, End: 24, Text: "Probiotics reduced acne.", Concepts: []string{"condition/acne", "intervention/probiotics"},
			Relation: lumen.RelationDecreases, Confidence: 0.95, Relations: []lumen.Relation{
				{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases}}},
		{Start: 25, End: 55, Text: "A leaky gut worsens psoriasis.", Concepts: []string{"condition/psoriasis", "mechanism/intestinal-permeability"},
			Relation: lumen.RelationIncreases, Relations: []lumen.Relation{
				{Subject: "mechanism/intestinal-permeability", Object: "condition/psoriasis", Effect: lumen.RelationIncreases}}},
	}
	for i := range claims {
		claims[i].ArticleID = a.ID
		claims[i].ID = lumen.ClaimID(a.ID, claims[i].Text, 0)
	}
	if _, err := ix.Apply(context.Background(), []lumen.ArticleTagged{{Article: a, Claims: claims, TaxonomyVersion: "test-1"}}); err != nil {
		t.Fatal(err)
	}
	srv := newTestServer(t, ix)
	tests := []struct {
		query string
		want  []string
	}{
		{"subject=intervention/probiotics", []string{"Probiotics reduced acne."}},
		{"object=condition/psoriasis&effect=increases", []string{"A leaky gut worsens psoriasis."}},
		{"subject=intervention/probiotics&effect=increases", nil},
		{"effect=decreases", []string{"Probiotics reduced acne."}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var res lumen.ClaimResults
			if code := get(t, srv, "/api/v1/claims?"+tt.query, &res); code != 200 {
				t.Fatalf("GET claims?%s = %d", tt.query, code)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Text)
				if len(h.Relations) != 1 {
					t.Errorf("GET claims?%s hit %q relations = %+v, want its pair", tt.query, h.Text, h.Relations)
				}
			}
			if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
				t.Errorf("GET claims?%s = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
	for _, tt := range []struct{ query, field string }{
		{"subject=condition/unknown", "subject"},
		{"object=nope", "object"},
		{"effect=causes", "effect"},
	} {
		var e errBody
		if code := get(t, srv, "/api/v1/claims?"+tt.query, &e); code != 400 || e.Field != tt.field {
			t.Errorf("GET claims?%s = %d %+v, want 400 on field %s", tt.query, code, e, tt.field)
		}
	}
}

// openIndex opens an empty index in a temporary directory, closed when the
// test ends.
func openIndex(t *testing.T) *indexer.Index {
	t.Helper()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func newTestServer(t *testing.T, ix *indexer.Index) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: ix, Runs: fakeRuns{}, Taxonomy: taxonomy, Metrics: metrics.New()}))
	t.Cleanup(srv.Close)
	return srv
}
