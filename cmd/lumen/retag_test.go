//go:build unix

package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/syncbuf"
)

// retagSite serves one article whose first finding names its mechanism by
// the synonym "leaky gut" alone.
func retagSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head>
<body><main><h1>Notes</h1><p>Articles on the gut and the skin.</p><ul><li><a href="/articles/a.html">The gut and acne</a></li></ul></main></body></html>`))
	})
	mux.HandleFunc("GET /articles/a.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The gut and acne</title>
<meta property="article:published_time" content="2025-02-20T00:00:00Z"></head>
<body><main><article><h1>The gut and acne</h1>
<p>Researchers have long asked how the digestive system and the skin talk to each other, and what that means for patients.</p>
<p>Leaky gut worsens acne, according to a cohort study. Probiotics reduced acne lesions in a randomised trial of adolescents.</p>
<p>More work is needed before doctors change what they advise, the authors of both studies wrote in their conclusions.</p>
</article></main></body></html>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// QA2, through the commands: a curator accepts a claim and corrects
// another; lumen reindex --retag with a taxonomy that no longer knows
// "leaky gut" keeps the accepted claim (its sentence is still in the
// article) searchable, accepted and flagged, not retracted; the correction's
// pairs are what the pair filters and the map find, before and after.
func TestRetagKeepsAcceptedClaimTheTaggerDrops(t *testing.T) {
	site := retagSite(t)
	data := t.TempDir()
	if _, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--data", data, "--log-level", "warn"); err != nil {
		t.Fatalf("crawl --once: %v\n%s", err, stderr)
	}
	curator := createToken(t, data, "alice", lumen.RoleCurator)

	stdout, stop := background(t, "serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn")
	base := waitURL(t, stdout)
	find := func(q string) lumen.ClaimHit {
		t.Helper()
		var res claimsResponse
		getJSON(t, base+"/api/v1/claims?q="+url.QueryEscape(q), &res)
		if res.Total != 1 {
			t.Fatalf("q=%s: %d claims, want 1", q, res.Total)
		}
		return res.Hits[0]
	}
	leaky, pro := find(`"worsens acne"`), find(`"reduced acne lesions"`)
	var c reviewed
	call(t, "GET", base+"/api/v1/claims/"+leaky.ID, "", "", "", &c)
	if code := call(t, "POST", base+"/api/v1/claims/"+leaky.ID+"/review", curator, "W/"+c.ETag, `{"action":"accept"}`, nil); code != 400 {
		t.Errorf("decision with a weak If-Match = %d, want 400", code)
	}
	if code := call(t, "POST", base+"/api/v1/claims/"+leaky.ID+"/review", curator, c.ETag, `{"action":"accept"}`, &c); code != 200 {
		t.Fatalf("accept = %d %+v", code, c)
	}
	call(t, "GET", base+"/api/v1/claims/"+pro.ID, "", "", "", &c)
	body := `{"action":"correct","concepts":["intervention/probiotics","condition/psoriasis"],"relation":"increases"}`
	if code := call(t, "POST", base+"/api/v1/claims/"+pro.ID+"/review", curator, c.ETag, body, &c); code != 200 {
		t.Fatalf("correct = %d %+v", code, c)
	}
	want := lumen.Relation{Subject: "intervention/probiotics", Object: "condition/psoriasis", Effect: lumen.RelationIncreases}
	if len(c.Relations) != 1 || c.Relations[0] != want {
		t.Errorf("correction answered pairs %+v, want %+v", c.Relations, want)
	}
	waitStatus(t, base, map[string]uint64{lumen.StatusAccepted: 1, lumen.StatusCorrected: 1})
	pairs := func(base string) {
		t.Helper()
		var res claimsResponse
		getJSON(t, base+"/api/v1/claims?subject=intervention/probiotics&object=condition/psoriasis&effect=increases", &res)
		if res.Total != 1 || res.Hits[0].ID != pro.ID {
			t.Errorf("pair filter on the corrected pair: %d claims, want the corrected one", res.Total)
		}
		getJSON(t, base+"/api/v1/claims?subject=intervention/probiotics&effect=decreases", &res)
		if res.Total != 0 {
			t.Errorf("pair filter on the tagger's pair: %d claims, want none", res.Total)
		}
		var m lumen.EvidenceMap
		getJSON(t, base+"/api/v1/map?rows=intervention&cols=condition", &m)
		found := false
		for _, cell := range m.Cells {
			if cell.Row == want.Subject && cell.Col == "condition/acne" {
				t.Errorf("map cell %s x %s = %+v: the corrected claim left that concept", cell.Row, cell.Col, cell)
			}
			found = found || cell.Row == want.Subject && cell.Col == want.Object && cell.Relations[lumen.RelationIncreases] == 1
		}
		if !found {
			t.Errorf("map has no cell %s x %s with the corrected relation", want.Subject, want.Object)
		}
	}
	pairs(base)
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	// A taxonomy release drops the synonym "leaky gut".
	tax := strings.Replace(string(config.DefaultTaxonomyYAML()), "\n      - leaky gut\n", "\n", 1)
	tax = strings.Replace(tax, "\nversion: ", "\nversion: test-no-leaky-gut-", 1)
	taxPath := filepath.Join(t.TempDir(), "taxonomy.yaml")
	if err := os.WriteFile(taxPath, []byte(tax), 0o644); err != nil {
		t.Fatal(err)
	}
	env := envOf("LUMEN_TAXONOMY", taxPath)
	var out, errOut syncbuf.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := run(ctx, []string{"reindex", "--retag", "--data", data, "--log-level", "warn"}, env, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("reindex --retag: %v\n%s\n%s", err, out.String(), errOut.String())
	}
	stdout, stop = background(t, "serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn")
	defer stop()
	base = waitURL(t, stdout)
	waitStatus(t, base, map[string]uint64{lumen.StatusAccepted: 1, lumen.StatusCorrected: 1})
	kept := find(`"worsens acne"`)
	call(t, "GET", base+"/api/v1/claims/"+leaky.ID, "", "", "", &c)
	if kept.ID != leaky.ID || c.Review.Status != lumen.StatusAccepted || c.Review.Retracted || !c.Review.Flagged ||
		c.Review.Machine == nil || !c.Review.Machine.NotAClaim || len(c.Concepts) != 2 {
		t.Errorf("accepted claim after the re-tag = %v %+v; want it accepted with its concepts, flagged, not retracted, the tagger's not a claim beside it", c.Concepts, c.Review)
	}
	var flagged claimsResponse
	getJSON(t, base+"/api/v1/claims?flagged=true", &flagged)
	if flagged.Total != 1 || flagged.Hits[0].ID != leaky.ID {
		t.Errorf("flagged=true: %d claims, want the accepted one the tagger dropped", flagged.Total)
	}
	pairs(base)
	var a lumen.ArticleDetail
	getJSON(t, base+"/api/v1/articles/"+leaky.ArticleID, &a)
	if len(a.RetractedClaims) != 0 || len(a.Claims) != 2 {
		t.Errorf("article: %d claims, %d retracted; want 2 and 0", len(a.Claims), len(a.RetractedClaims))
	}
}
