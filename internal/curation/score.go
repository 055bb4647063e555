package curation

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/lumen-research/lumen"
)

// ByClaim groups decisions by claim, each claim's oldest first.
func ByClaim(all []lumen.ReviewDecision) map[string][]lumen.ReviewDecision {
	out := map[string][]lumen.ReviewDecision{}
	for _, d := range all {
		out[d.ClaimID] = append(out[d.ClaimID], d)
	}
	for _, ds := range out {
		slices.SortFunc(ds, func(a, b lumen.ReviewDecision) int { return cmp.Compare(a.Version, b.Version) })
	}
	return out
}

// FieldAgreement counts how often the tagger's value of one field equals
// the curated one.
type FieldAgreement struct {
	Agree int     `json:"agree"`
	Total int     `json:"total"`
	Rate  float64 `json:"rate"`
}

func (f *FieldAgreement) add(ok bool) {
	f.Total++
	if ok {
		f.Agree++
	}
	f.Rate = float64(f.Agree) / float64(f.Total)
}

// Score is the tagger measured against curators' decisions.
type Score struct {
	Reviewed int `json:"reviewed"` // claims accepted, rejected or corrected
	// Of those, the ones the tagger still states (same sentence, same id).
	Present int `json:"present"`
	// Precision of the tagger's claims: a claim rejected as not_a_claim or
	// duplicate is a false positive; every other reviewed claim it states
	// is a true claim (its fields are scored below).
	TruePositives  int     `json:"true_positives"`
	FalsePositives int     `json:"false_positives"`
	Precision      float64 `json:"precision"`
	// Confirmed claims (accepted or corrected) the tagger no longer states.
	Missed    int            `json:"missed"`
	Recall    float64        `json:"recall"` // of confirmed claims
	Concepts  FieldAgreement `json:"concepts"`
	Relation  FieldAgreement `json:"relation"`
	Negated   FieldAgreement `json:"negated"`
	Hedged    FieldAgreement `json:"hedged"`
	Rejected  map[string]int `json:"rejected_by_reason"`
	Unchanged int            `json:"unchanged"` // tagger output still what the curator saw
}

// falseClaim reports whether a rejection says the sentence is no claim of its own.
func falseClaim(reason string) bool {
	return reason == lumen.ReasonNotAClaim || reason == lumen.ReasonDuplicate
}

// ScoreTagger scores the tagger's current output (claims by id, from
// tagging the reviewed claims' articles again) against every claim in
// effect accepted, rejected or corrected. Fields are scored on the claims
// the tagger states whose curated values are known (accepted, corrected).
func ScoreTagger(decisions map[string][]lumen.ReviewDecision, current map[string]lumen.Claim) Score {
	sc := Score{Rejected: map[string]int{}}
	confirmed, found := 0, 0
	for id, ds := range decisions {
		_, d := lumen.ReviewState(ds)
		if d == nil {
			continue
		}
		sc.Reviewed++
		if d.Status == lumen.StatusRejected {
			sc.Rejected[d.Reason]++
		} else {
			confirmed++
		}
		c, ok := current[id]
		if !ok {
			if d.Status != lumen.StatusRejected {
				sc.Missed++
			}
			continue
		}
		sc.Present++
		if c.Assertion().Hash() == d.SeenHash {
			sc.Unchanged++
		}
		if d.Status == lumen.StatusRejected && falseClaim(d.Reason) {
			sc.FalsePositives++
			continue
		}
		sc.TruePositives++
		if d.Status == lumen.StatusRejected {
			continue // the right values are not known
		}
		found++
		want, got := lumen.Curate(d.Seen, ds), c.Assertion()
		sc.Concepts.add(lumen.Assertion{Concepts: want.Concepts}.Equal(lumen.Assertion{Concepts: got.Concepts}))
		sc.Relation.add(want.Relation == got.Relation)
		sc.Negated.add(want.Negated == got.Negated)
		sc.Hedged.add(want.Hedged == got.Hedged)
	}
	if n := sc.TruePositives + sc.FalsePositives; n > 0 {
		sc.Precision = float64(sc.TruePositives) / float64(n)
	}
	if confirmed > 0 {
		sc.Recall = float64(found) / float64(confirmed)
	}
	return sc
}

// CuratedPairs returns the relation pairs curators confirmed, by claim:
// those of every claim accepted or corrected in effect (the pairs shown
// when accepted, the curated ones when corrected). A claim whose pairs are
// unknown (decided before pairs existed) is left out, so that it is not
// taken for a claim the curator said relates nothing.
func CuratedPairs(decisions map[string][]lumen.ReviewDecision) map[string][]lumen.Relation {
	out := map[string][]lumen.Relation{}
	for id, ds := range decisions {
		_, d := lumen.ReviewState(ds)
		if d == nil || d.Status == lumen.StatusRejected {
			continue
		}
		if cur := lumen.Curate(d.Seen, ds); len(cur.Relations) > 0 {
			out[id] = cur.Relations
		}
	}
	return out
}

// goldSentence and goldLabel are the rows of a gold set (the format of the
// development gold set: docs/DOC.txt, sentences.jsonl, labels.jsonl).
type goldSentence struct {
	Doc   string `json:"doc"`
	I     int    `json:"i"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type goldLabel struct {
	Doc      string   `json:"doc"`
	I        int      `json:"i"`
	Concepts []string `json:"concepts"`
	Claim    bool     `json:"claim"`
	Negated  bool     `json:"negated"`
	Hedged   bool     `json:"hedged"`
	Note     string   `json:"note"`
}

// goldPairs is a row of pairs.jsonl: the relation pairs of a claim
// sentence (docs/ANNOTATION.md, "Files").
type goldPairs struct {
	Doc       string           `json:"doc"`
	I         int              `json:"i"`
	Relations []lumen.Relation `json:"relations"`
}

// GoldStats says what WriteGold wrote and left out.
type GoldStats struct {
	Documents int `json:"documents"`
	Sentences int `json:"sentences"`
	Claims    int `json:"claims"`
	// Pairs counts the claims whose relation pairs were written (pairs.jsonl).
	Pairs   int            `json:"pairs"`
	Skipped map[string]int `json:"skipped"`
}

// WriteGold writes the reviewed claims as a gold set in dir: the articles'
// texts (docs/ID.txt), one sentence row per reviewed claim and its label.
// An accepted or corrected claim is a claim with its curated concepts and
// flags; one rejected as not_a_claim or duplicate is a sentence that is no
// claim (its concepts as the tagger saw them). Claims rejected for a wrong
// field (the right value is unknown), undone to pending, or whose sentence
// left its article (sentence_gone) are left out and counted; a sentence
// that only moved is written at its place in the current text.
func WriteGold(dir string, decisions map[string][]lumen.ReviewDecision, articles map[string]lumen.Article) (GoldStats, error) {
	st := GoldStats{Skipped: map[string]int{}}
	type row struct {
		s     goldSentence
		l     goldLabel
		pairs []lumen.Relation
	}
	curated := CuratedPairs(decisions)
	byDoc := map[string][]row{}
	for _, ds := range decisions {
		_, d := lumen.ReviewState(ds)
		switch {
		case d == nil:
			st.Skipped["pending"]++
			continue
		case d.Status == lumen.StatusRejected && !falseClaim(d.Reason):
			st.Skipped["rejected_"+d.Reason]++
			continue
		}
		a, ok := articles[d.ArticleID]
		if !ok {
			st.Skipped["article_missing"]++
			continue
		}
		// The decision recorded where its sentence was; text added or
		// removed above it since only moves it.
		start := d.Start
		if start < 0 || d.End > len(a.Text) || start >= d.End || a.Text[start:d.End] != d.Text {
			var ok bool
			if start, ok = lumen.FindSentence(a.ID, d.ClaimID, d.Text, a.Text); !ok {
				st.Skipped["sentence_gone"]++
				continue
			}
		}
		cur := lumen.Curate(d.Seen, ds)
		l := goldLabel{Doc: a.ID, Concepts: slices.Clone(cur.Concepts), Claim: d.Status != lumen.StatusRejected,
			Note: "reviewed by " + d.Curator + " (" + d.Status + ")"}
		if l.Claim {
			l.Negated, l.Hedged = cur.Negated, cur.Hedged
		}
		if l.Concepts == nil {
			l.Concepts = []string{}
		}
		slices.Sort(l.Concepts)
		r := row{s: goldSentence{Doc: a.ID, Start: start, End: start + len(d.Text), Text: d.Text}, l: l}
		if l.Claim {
			r.pairs = curated[d.ClaimID]
		}
		byDoc[a.ID] = append(byDoc[a.ID], r)
	}
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	sf, err := os.Create(filepath.Join(dir, "sentences.jsonl"))
	if err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	defer sf.Close()
	lf, err := os.Create(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	defer lf.Close()
	pf, err := os.Create(filepath.Join(dir, "pairs.jsonl"))
	if err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	defer pf.Close()
	sw, lw, pw := bufio.NewWriter(sf), bufio.NewWriter(lf), bufio.NewWriter(pf)
	se, le, pe := json.NewEncoder(sw), json.NewEncoder(lw), json.NewEncoder(pw)
	se.SetEscapeHTML(false)
	le.SetEscapeHTML(false)
	pe.SetEscapeHTML(false)
	docs := make([]string, 0, len(byDoc))
	for id := range byDoc {
		docs = append(docs, id)
	}
	slices.Sort(docs)
	for _, id := range docs {
		rows := byDoc[id]
		slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(a.s.Start, b.s.Start) })
		if err := os.WriteFile(filepath.Join(dir, "docs", id+".txt"), []byte(articles[id].Text), 0o644); err != nil {
			return st, fmt.Errorf("export gold: %w", err)
		}
		st.Documents++
		for i, r := range rows {
			r.s.I, r.l.I = i, i
			if err := se.Encode(r.s); err != nil {
				return st, fmt.Errorf("export gold: %w", err)
			}
			if err := le.Encode(r.l); err != nil {
				return st, fmt.Errorf("export gold: %w", err)
			}
			st.Sentences++
			if r.l.Claim {
				st.Claims++
			}
			if len(r.pairs) > 0 {
				if err := pe.Encode(goldPairs{Doc: id, I: i, Relations: r.pairs}); err != nil {
					return st, fmt.Errorf("export gold: %w", err)
				}
				st.Pairs++
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	if err := lw.Flush(); err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	if err := pw.Flush(); err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	if err := pf.Close(); err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	if err := sf.Close(); err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	if err := lf.Close(); err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	readme := fmt.Sprintf(`# Gold set exported from curators' decisions

Written by lumen export-gold in the format of the development gold set:
docs/DOC.txt (the article's text), sentences.jsonl (doc, i, start, end, text;
byte offsets into docs/DOC.txt), labels.jsonl (doc, i, concepts, claim,
negated, hedged, note) and pairs.jsonl (doc, i, relations: the relation pairs
of a claim, docs/ANNOTATION.md). Only reviewed sentences are listed.

- accepted or corrected claims: claim true, with the curated concepts and flags,
  and their relation pairs (those shown when accepted, the curated ones when
  corrected; none for a claim decided before pairs existed);
- claims rejected as not_a_claim or duplicate: claim false, with the concepts the
  tagger saw;
- left out: claims rejected for a wrong field (the right value is unknown), undone
  to pending, or whose sentence left its article (a sentence that only moved is
  written at its current offsets).

%d documents, %d sentences, %d claims (%d with pairs); left out: %v
`, st.Documents, st.Sentences, st.Claims, st.Pairs, st.Skipped)
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte(readme), 0o644); err != nil {
		return st, fmt.Errorf("export gold: %w", err)
	}
	return st, nil
}
