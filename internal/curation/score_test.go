package curation_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/curation"
	"github.com/lumen-research/lumen/internal/evaluate"
)

// QA2: a decision whose sentence only moved (text added above it) is
// written at its place in the current text; only a sentence that left the
// article is left out.
func TestWriteGoldFollowsMovedSentences(t *testing.T) {
	ev := article(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 3, lumen.RelationDecreases)
	c := ev.Claims
	dec := func(cl lumen.Claim, status string) lumen.ReviewDecision {
		seen := cl.Assertion()
		d := lumen.ReviewDecision{ClaimID: cl.ID, ArticleID: cl.ArticleID, Action: lumen.ActionAccept, Status: status,
			Curator: "alice", Seen: seen, SeenHash: seen.Hash(), Text: cl.Text, Start: cl.Start, End: cl.End}
		if status == lumen.StatusCorrected {
			d.Action = lumen.ActionCorrect
			d.Correction = &lumen.Assertion{Concepts: []string{"condition/psoriasis", "intervention/probiotics"}, Relation: lumen.RelationDecreases, Hedged: true}
		}
		return d
	}
	decisions := curation.ByClaim([]lumen.ReviewDecision{dec(c[0], lumen.StatusAccepted), dec(c[1], lumen.StatusCorrected), dec(c[2], lumen.StatusAccepted)})
	// Now: a paragraph above, the first two sentences moved, the third gone.
	a := ev.Article
	a.Text = "An update added above the findings. " + c[0].Text + " " + c[1].Text
	dir := t.TempDir()
	st, err := curation.WriteGold(dir, decisions, map[string]lumen.Article{a.ID: a})
	if err != nil {
		t.Fatal(err)
	}
	if st.Sentences != 2 || st.Claims != 2 || st.Skipped["sentence_gone"] != 1 || len(st.Skipped) != 1 {
		t.Errorf("WriteGold = %+v, want 2 sentences, 2 claims, 1 sentence_gone", st)
	}
	f, err := os.Open(filepath.Join(dir, "sentences.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var s struct {
			Start, End int
			Text       string
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		if a.Text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %q at %d-%d, where the text has %q", s.Text, s.Start, s.End, a.Text[s.Start:s.End])
		}
		n++
	}
	if n != 2 {
		t.Errorf("%d sentences written, want 2", n)
	}
	labels, err := os.ReadFile(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(labels), []byte("\n"))
	var l struct {
		Concepts []string
		Hedged   bool
	}
	if len(lines) != 2 || json.Unmarshal(lines[1], &l) != nil || len(l.Concepts) != 2 || l.Concepts[0] != "condition/psoriasis" || !l.Hedged {
		t.Errorf("label of the corrected claim = %+v (%d labels); want its curated concepts and hedge", l, len(lines))
	}
}

// QA4: the curators' relation pairs go into the gold set (pairs.jsonl, the
// format lumen eval reads): the pairs shown for an accepted claim, the
// curated ones for a corrected claim, none for a claim whose pairs are
// unknown or for a sentence rejected as no claim.
func TestWriteGoldWritesPairs(t *testing.T) {
	ev := article(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 4, lumen.RelationDecreases)
	c := ev.Claims
	shown := []lumen.Relation{{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases}}
	curated := []lumen.Relation{{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationNoEffect, Negated: true}}
	dec := func(cl lumen.Claim, action, status string, pairs []lumen.Relation) lumen.ReviewDecision {
		cl.Relations = pairs
		seen := cl.Assertion()
		d := lumen.ReviewDecision{ClaimID: cl.ID, ArticleID: cl.ArticleID, Action: action, Status: status,
			Curator: "alice", Seen: seen, SeenHash: seen.Hash(), Text: cl.Text, Start: cl.Start, End: cl.End}
		switch status {
		case lumen.StatusCorrected:
			corr := seen
			corr.Relation, corr.Negated, corr.Relations = lumen.RelationNoEffect, true, curated
			d.Correction = &corr
		case lumen.StatusRejected:
			d.Reason = lumen.ReasonNotAClaim
		}
		return d
	}
	decisions := curation.ByClaim([]lumen.ReviewDecision{
		dec(c[0], lumen.ActionAccept, lumen.StatusAccepted, shown),
		dec(c[1], lumen.ActionCorrect, lumen.StatusCorrected, shown),
		dec(c[2], lumen.ActionReject, lumen.StatusRejected, shown),
		dec(c[3], lumen.ActionAccept, lumen.StatusAccepted, nil), // decided before pairs existed
	})
	dir := t.TempDir()
	st, err := curation.WriteGold(dir, decisions, map[string]lumen.Article{ev.Article.ID: ev.Article})
	if err != nil {
		t.Fatal(err)
	}
	if st.Sentences != 4 || st.Claims != 3 || st.Pairs != 2 {
		t.Errorf("WriteGold = %+v, want 4 sentences, 3 claims, 2 with pairs", st)
	}
	g, err := evaluate.Load(dir)
	if err != nil {
		t.Fatalf("lumen eval cannot read the exported set: %v", err)
	}
	got := map[string][]lumen.Relation{}
	for _, d := range g.Docs {
		for _, s := range d.Sentences {
			if s.PairsLabelled {
				got[s.Text] = s.Relations
			}
		}
	}
	want := map[string][]lumen.Relation{c[0].Text: shown, c[1].Text: curated}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pairs read back = %+v, want %+v", got, want)
	}
}
