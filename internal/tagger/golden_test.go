package tagger

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden tags the PubMedQA sample of testdata and compares mentions and
// claims with testdata/golden.jsonl, so that every change of the rules or
// the taxonomy shows up as a readable diff. Regenerate with
//
//	go test ./internal/tagger -run TestGolden -update
func TestGolden(t *testing.T) {
	docs := pubmedQA(t, filepath.Join("testdata", "pubmedqa_sample.json"))
	tg := mustTagger(t)
	var buf bytes.Buffer
	type claim struct {
		Text          string   `json:"text"`
		Concepts      []string `json:"concepts"`
		Pairs         []string `json:"pairs,omitempty"`
		Relation      string   `json:"relation,omitempty"`
		Negated       bool     `json:"negated,omitempty"`
		Hedged        bool     `json:"hedged,omitempty"`
		ClaimEvidence string   `json:"claim_evidence,omitempty"`
		Section       string   `json:"section,omitempty"`
	}
	for _, d := range docs {
		res := tg.Tag(d)
		var mentions []string
		for _, m := range res.Mentions {
			mentions = append(mentions, m.Concept+"="+m.Text)
		}
		var claims []claim
		for _, c := range res.Claims {
			var pairs []string
			for _, r := range c.Relations {
				pairs = append(pairs, pairString(r))
			}
			claims = append(claims, claim{c.Text, c.Concepts, pairs, c.Relation, c.Negated, c.Hedged, c.ClaimEvidence, c.Section})
		}
		line, err := json.Marshal(struct {
			Title    string   `json:"title"`
			Evidence string   `json:"evidence,omitempty"`
			Mentions []string `json:"mentions,omitempty"`
			Claims   []claim  `json:"claims,omitempty"`
		}{d.Title, res.Evidence, mentions, claims})
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	path := filepath.Join("testdata", "golden.jsonl")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		got := bytes.Split(buf.Bytes(), []byte("\n"))
		exp := bytes.Split(want, []byte("\n"))
		for i := 0; i < len(got) && i < len(exp); i++ {
			if !bytes.Equal(got[i], exp[i]) {
				t.Errorf("golden line %d differs:\n got  %s\n want %s", i+1, got[i], exp[i])
			}
		}
		if len(got) != len(exp) {
			t.Errorf("golden has %d lines, got %d", len(exp), len(got))
		}
		t.Log("run go test ./internal/tagger -run TestGolden -update if the change is intended")
	}
}
