package main

import (
	"context"
	"encoding/csv"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/syncbuf"
	"github.com/lumen-research/lumen/internal/vocab"
)

// exportData writes an index of two articles into data/index.
func exportData(t *testing.T, data string) *indexer.Index {
	t.Helper()
	ix, err := indexer.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	var evs []lumen.ArticleTagged
	for i, s := range []string{"Probiotics reduced acne lesions.", "Dysbiosis may worsen eczema."} {
		a := lumen.Article{ID: lumen.NewID("export:" + s), URL: "https://example.org/" + string(rune('a'+i)), Title: "Article " + s,
			Text: s, Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), FetchedAt: time.Now(), DOI: "10.1/x" + string(rune('a'+i)), Source: "test"}
		concepts := []string{"condition/acne", "intervention/probiotics"}
		if i == 1 {
			concepts = []string{"condition/atopic-dermatitis", "mechanism/dysbiosis"}
		}
		evs = append(evs, lumen.ArticleTagged{Article: a, TaxonomyVersion: "gutskin+r1", Evidence: lumen.EvidenceRCT, Claims: []lumen.Claim{{
			ID: lumen.ClaimID(a.ID, s, 0), ArticleID: a.ID, Text: s, End: len(s), Concepts: concepts, Relation: lumen.RelationDecreases}}})
	}
	if _, err := ix.Apply(context.Background(), evs); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestExportCommand(t *testing.T) {
	data := t.TempDir()
	ix := exportData(t, data)
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	ix.SetVocabulary(vocab.New(tax))
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: ix, Taxonomy: tax}))
	// From a running server.
	out, stderr, err := lumenCmd(t, "", "export", "--url", srv.URL, "--format", "csv", "concept=condition/skin-health")
	if err != nil {
		t.Fatalf("export --url: %v\n%s", err, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 || rows[0][0] != "claim_id" {
		t.Errorf("export --url csv = %q, %v", out, err)
	}
	_, _, err = lumenCmd(t, "", "export", "--url", srv.URL, "concepts=condition/acne")
	if !errors.Is(err, lumen.ErrInvalid) || !strings.Contains(err.Error(), `unknown parameter "concepts"`) {
		t.Errorf("export --url with a bad filter: %v", err)
	}
	srv.Close()
	ix.Close()

	// From the index in the data directory, the same filters.
	out, stderr, err = lumenCmd(t, "", "export", "--data", data, "--format", "ris", "q=eczema")
	if err != nil {
		t.Fatalf("export --data: %v\n%s", err, stderr)
	}
	if strings.Count(out, "TY  - JOUR") != 1 || !strings.Contains(out, "DO  - 10.1/xb") {
		t.Errorf("export --data ris =\n%s", out)
	}
	file := filepath.Join(t.TempDir(), "claims.jsonl")
	if _, _, err := lumenCmd(t, "", "export", "--data", data, "-o", file); err != nil {
		t.Errorf("export -o: %v", err)
	}
	for _, bad := range [][]string{
		{"export", "--data", data, "--format", "xml"},
		{"export", "--data", data, "concept=condition/nothing"},
		{"export", "--data", data, "a=1", "b=2"},
		{"export", "--url", "ftp://x", "q=a"},
	} {
		if _, _, err := lumenCmd(t, "", bad...); exitCode(err) != 2 {
			t.Errorf("lumen %v = %v (exit %d), want a usage error", bad, err, exitCode(err))
		}
	}
}

// tokenAuth knows one reader token.
type tokenAuth string

func (a tokenAuth) Authenticate(_ context.Context, token string) (lumen.Principal, error) {
	if token != string(a) {
		return lumen.Principal{}, lumen.ErrUnauthorized
	}
	return lumen.Principal{Name: "reader", Role: lumen.RoleReader}, nil
}

// A server whose reads need a token exports to --token or LUMEN_TOKEN, and
// the token is never echoed.
func TestExportToken(t *testing.T) {
	data := t.TempDir()
	ix := exportData(t, data)
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	ix.SetVocabulary(vocab.New(tax))
	const tok = "lumen.reader.s3cret"
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: ix, Taxonomy: tax, Auth: tokenAuth(tok), RequireTokenForReads: true}))
	defer srv.Close()
	run1 := func(env func(string) string, args ...string) (string, string, error) {
		var out, errOut syncbuf.Buffer
		err := run(context.Background(), append([]string{"export", "--url", srv.URL, "--format", "csv"}, args...), env, strings.NewReader(""), &out, &errOut)
		return out.String(), errOut.String(), err
	}
	if _, _, err := run1(envOf()); err == nil || !strings.Contains(err.Error(), "LUMEN_TOKEN") {
		t.Errorf("export without a token: %v, want a 401 that names --token and LUMEN_TOKEN", err)
	}
	out, stderr, err := run1(envOf("LUMEN_TOKEN", tok))
	if err != nil || strings.Count(out, "\n") != 3 {
		t.Errorf("export with LUMEN_TOKEN = %q, %v", out, err)
	}
	out, _, err = run1(envOf(), "--token", tok)
	if err != nil || strings.Count(out, "\n") != 3 {
		t.Errorf("export --token = %q, %v", out, err)
	}
	_, stderr2, err := run1(envOf(), "--token", tok+"x")
	if err == nil || strings.Contains(err.Error()+stderr+stderr2, "s3cret") {
		t.Errorf("export with a wrong token: %v (stderr %q): want a refusal that does not echo the token", err, stderr2)
	}
	if _, _, err := lumenCmd(t, "", "export", "--data", data, "--token", tok); err == nil {
		t.Error("export --data --token: want a usage error")
	}
}

// lumen export --data takes a concept the taxonomy lost while claims in
// the index are still tagged with it, as the API does (qa5), and still
// refuses one no claim has.
func TestExportRetiredConcept(t *testing.T) {
	data := t.TempDir()
	ix := exportData(t, data)
	s := "Probiotics tightened the old barrier."
	a := lumen.Article{ID: lumen.NewID("export:retired"), URL: "https://example.org/retired", Title: "Retired", Text: s,
		FetchedAt: time.Now(), Source: "test"}
	ev := lumen.ArticleTagged{Article: a, TaxonomyVersion: "gutskin+r1", Claims: []lumen.Claim{{ID: lumen.ClaimID(a.ID, s, 0),
		ArticleID: a.ID, Text: s, End: len(s), Concepts: []string{"intervention/probiotics", "mechanism/old-barrier"}, Relation: lumen.RelationIncreases}}}
	if _, err := ix.Apply(context.Background(), []lumen.ArticleTagged{ev}); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	out, stderr, err := lumenCmd(t, "", "export", "--data", data, "--format", "csv", "concept=mechanism/old-barrier")
	if err != nil {
		t.Fatalf("export of a retired concept: %v\n%s", err, stderr)
	}
	if rows, err := csv.NewReader(strings.NewReader(out)).ReadAll(); err != nil || len(rows) != 2 || !strings.Contains(out, s) {
		t.Errorf("export of a retired concept = %q, %v; want its one claim", out, err)
	}
	if _, _, err := lumenCmd(t, "", "export", "--data", data, "concept=mechanism/never-was"); exitCode(err) != 2 {
		t.Errorf("export of a concept no claim has = %v (exit %d), want a usage error", err, exitCode(err))
	}
}
