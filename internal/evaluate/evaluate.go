// Package evaluate scores the tagger against a hand-labelled gold set in the
// format of Lumen's development set: docs/DOC.txt, sentences.jsonl (doc, i,
// start, end, text) and labels.jsonl (doc, i, concepts, claim, negated,
// hedged, note). It backs `lumen eval` and the tagger's regression guards.
//
// Relation pairs and evidence are scored when the set labels them (the
// conventions are in docs/ANNOTATION.md): pairs.jsonl (doc, i, relations,
// claim_evidence) for claim sentences, docs.jsonl (doc, kind, evidence) for
// documents. Both may sit in the gold set's directory or in another one
// passed to Load, so that labels can be added to a read-only set; a
// labels.jsonl row may also carry relations and claim_evidence itself.
//
// It is not a training tool and has no opinion on what the labels should be:
// it applies the scoring rule of the gold set's README exactly.
package evaluate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/tagger"
)

// Gold is a loaded gold set.
type Gold struct {
	Docs []Doc
}

// Doc is one document of a gold set with its labelled sentences.
type Doc struct {
	ID        string
	Text      string
	Sentences []Sentence
	// Kind is what the text is (abstract, fulltext, web), passed to the
	// tagger; Evidence the document's study design, "" when not labelled.
	Kind     string
	Evidence string
}

// Sentence is one labelled sentence. Start and End are byte offsets into the
// document's text.
type Sentence struct {
	Doc      string   `json:"doc"`
	I        int      `json:"i"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Concepts []string `json:"concepts"`
	Claim    bool     `json:"claim"`
	Negated  bool     `json:"negated"`
	Hedged   bool     `json:"hedged"`
	Note     string   `json:"note,omitempty"`
	// Relations are the claim's relation pairs; PairsLabelled says whether
	// the set labels them for this sentence.
	Relations     []lumen.Relation `json:"relations,omitempty"`
	PairsLabelled bool             `json:"-"`
	// ClaimEvidence is the design the sentence itself names for its claim,
	// "" when none (docs/ANNOTATION.md).
	ClaimEvidence string `json:"claim_evidence,omitempty"`
}

// pairRow is a row of pairs.jsonl; labels.jsonl rows may carry the same
// fields.
type pairRow struct {
	Doc           string            `json:"doc"`
	I             int               `json:"i"`
	Relations     *[]lumen.Relation `json:"relations"`
	ClaimEvidence string            `json:"claim_evidence"`
}

// docRow is a row of docs.jsonl.
type docRow struct {
	Doc      string `json:"doc"`
	Kind     string `json:"kind"`
	Evidence string `json:"evidence"`
}

type sentenceRow struct {
	Doc   string `json:"doc"`
	I     int    `json:"i"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// labelRow is a row of labels.jsonl; concepts and claim are required (a
// copy of sentences.jsonl is no labels file).
type labelRow struct {
	Doc           string            `json:"doc"`
	I             int               `json:"i"`
	Concepts      *[]string         `json:"concepts"`
	Claim         *bool             `json:"claim"`
	Negated       bool              `json:"negated"`
	Hedged        bool              `json:"hedged"`
	Note          string            `json:"note"`
	Relations     *[]lumen.Relation `json:"relations"`
	ClaimEvidence string            `json:"claim_evidence"`
}

type key struct {
	doc string
	i   int
}

// Load reads a gold set from dir (docs/, sentences.jsonl, labels.jsonl,
// and pairs.jsonl and docs.jsonl when present), with more pair and document
// labels from the directories in extra. It checks that every sentence has a
// label with concepts and claim, that its offsets give its text, that each
// directory in extra holds pairs.jsonl or docs.jsonl, and that pair and
// document labels name sentences and documents of the set.
func Load(dir string, extra ...string) (*Gold, error) {
	var sents []sentenceRow
	if err := readJSONL(filepath.Join(dir, "sentences.jsonl"), func() any {
		sents = append(sents, sentenceRow{})
		return &sents[len(sents)-1]
	}); err != nil {
		return nil, err
	}
	var labels []labelRow
	if err := readJSONL(filepath.Join(dir, "labels.jsonl"), func() any {
		labels = append(labels, labelRow{})
		return &labels[len(labels)-1]
	}); err != nil {
		return nil, err
	}
	byKey := make(map[key]labelRow, len(labels))
	for i, l := range labels {
		if l.Concepts == nil || l.Claim == nil {
			return nil, fmt.Errorf("gold %s: labels.jsonl:%d: %s sentence %d has no \"concepts\" or no \"claim\" (every label needs both)", dir, i+1, l.Doc, l.I)
		}
		k := key{l.Doc, l.I}
		if _, dup := byKey[k]; dup {
			return nil, fmt.Errorf("gold %s: labels.jsonl:%d: duplicate label for %s sentence %d", dir, i+1, l.Doc, l.I)
		}
		byKey[k] = l
	}
	if len(labels) != len(sents) {
		return nil, fmt.Errorf("gold %s: %d sentences but %d labels", dir, len(sents), len(labels))
	}
	g := &Gold{}
	docIndex := map[string]int{}
	for n, s := range sents {
		where := fmt.Sprintf("gold %s: sentences.jsonl:%d", dir, n+1)
		l, ok := byKey[key{s.Doc, s.I}]
		if !ok {
			return nil, fmt.Errorf("%s: no label for %s sentence %d", where, s.Doc, s.I)
		}
		di, ok := docIndex[s.Doc]
		if !ok {
			if strings.ContainsAny(s.Doc, `/\`) || s.Doc == "" || s.Doc[0] == '.' {
				return nil, fmt.Errorf("%s: bad document name %q", where, s.Doc)
			}
			b, err := os.ReadFile(filepath.Join(dir, "docs", s.Doc+".txt"))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			di = len(g.Docs)
			docIndex[s.Doc] = di
			g.Docs = append(g.Docs, Doc{ID: s.Doc, Text: string(b)})
		}
		d := &g.Docs[di]
		if s.Start < 0 || s.End < s.Start || s.End > len(d.Text) || d.Text[s.Start:s.End] != s.Text {
			return nil, fmt.Errorf("%s: offsets [%d,%d) do not give the sentence's text in docs/%s.txt", where, s.Start, s.End, s.Doc)
		}
		se := Sentence{
			Doc: s.Doc, I: s.I, Start: s.Start, End: s.End, Text: s.Text,
			Concepts: *l.Concepts, Claim: *l.Claim, Negated: l.Negated, Hedged: l.Hedged, Note: l.Note,
			ClaimEvidence: l.ClaimEvidence,
		}
		if l.Relations != nil {
			se.Relations, se.PairsLabelled = *l.Relations, true
		}
		d.Sentences = append(d.Sentences, se)
	}
	// A directory of more labels that holds none is a typo in its name,
	// which would silently turn pair and evidence scoring off.
	for _, dd := range extra {
		if _, err := os.Stat(dd); err != nil {
			return nil, fmt.Errorf("gold labels: %w", err)
		}
		pairs, errP := os.Stat(filepath.Join(dd, "pairs.jsonl"))
		docs, errD := os.Stat(filepath.Join(dd, "docs.jsonl"))
		if (errP != nil || pairs.IsDir()) && (errD != nil || docs.IsDir()) {
			return nil, fmt.Errorf("gold labels %s: neither pairs.jsonl nor docs.jsonl is there", dd)
		}
	}
	for _, dd := range append([]string{dir}, extra...) {
		if err := g.addLabels(dd); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// CheckConcepts checks that every concept id the labels name (concepts and
// the subjects and objects of relation pairs) is one known reports true
// for: an id the taxonomy lacks can never be predicted, and would silently
// count as a miss.
func (g *Gold) CheckConcepts(known func(id string) bool) error {
	var bad []string
	seen := map[string]bool{}
	note := func(d Doc, se Sentence, id string) {
		if known(id) || seen[id] {
			return
		}
		seen[id] = true
		bad = append(bad, fmt.Sprintf("%q (document %s sentence %d)", id, d.ID, se.I))
	}
	for _, d := range g.Docs {
		for _, se := range d.Sentences {
			for _, id := range se.Concepts {
				note(d, se, id)
			}
			for _, r := range se.Relations {
				note(d, se, r.Subject)
				note(d, se, r.Object)
			}
		}
	}
	switch {
	case len(bad) == 0:
		return nil
	case len(bad) > 5:
		return fmt.Errorf("gold: %d concept ids are not in the taxonomy: %s, ...", len(bad), strings.Join(bad[:5], ", "))
	}
	return fmt.Errorf("gold: concept ids not in the taxonomy: %s", strings.Join(bad, ", "))
}

// addLabels reads pairs.jsonl and docs.jsonl from dir when they are there.
func (g *Gold) addLabels(dir string) error {
	sent := map[key]*Sentence{}
	docs := map[string]*Doc{}
	for di := range g.Docs {
		d := &g.Docs[di]
		docs[d.ID] = d
		for si := range d.Sentences {
			sent[key{d.ID, d.Sentences[si].I}] = &d.Sentences[si]
		}
	}
	var pairs []pairRow
	path := filepath.Join(dir, "pairs.jsonl")
	if err := readJSONL(path, func() any {
		pairs = append(pairs, pairRow{})
		return &pairs[len(pairs)-1]
	}); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for n, p := range pairs {
		se, ok := sent[key{p.Doc, p.I}]
		if !ok {
			return fmt.Errorf("gold: %s:%d: no sentence %d in document %s", path, n+1, p.I, p.Doc)
		}
		if p.Relations != nil {
			for _, r := range *p.Relations {
				if err := checkRelation(r); err != nil {
					return fmt.Errorf("gold: %s:%d: %w", path, n+1, err)
				}
			}
			se.Relations, se.PairsLabelled = *p.Relations, true
		}
		se.ClaimEvidence = p.ClaimEvidence
	}
	var rows []docRow
	path = filepath.Join(dir, "docs.jsonl")
	if err := readJSONL(path, func() any {
		rows = append(rows, docRow{})
		return &rows[len(rows)-1]
	}); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for n, r := range rows {
		d, ok := docs[r.Doc]
		if !ok {
			return fmt.Errorf("gold: %s:%d: no document %s", path, n+1, r.Doc)
		}
		switch r.Kind {
		case "", lumen.ArticleAbstract, lumen.ArticleFullText, lumen.ArticleWeb:
		default:
			return fmt.Errorf("gold: %s:%d: kind %q is not abstract, fulltext or web", path, n+1, r.Kind)
		}
		d.Kind, d.Evidence = r.Kind, r.Evidence
	}
	return nil
}

// checkRelation says what is wrong with a labelled relation pair.
func checkRelation(r lumen.Relation) error {
	switch {
	case r.Subject == "" || r.Object == "":
		return fmt.Errorf("relation %+v: subject and object are required", r)
	case r.Subject == r.Object:
		return fmt.Errorf("relation %+v: subject and object are the same concept", r)
	}
	switch r.Effect {
	case lumen.RelationIncreases, lumen.RelationDecreases, lumen.RelationAssociated, lumen.RelationNoEffect:
	default:
		return fmt.Errorf("relation %+v: effect %q is not increases, decreases, associated or no_effect", r, r.Effect)
	}
	return nil
}

func readJSONL(path string, next func() any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("gold: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), next()); err != nil {
			return fmt.Errorf("gold: %s:%d: %w", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gold: %s: %w", path, err)
	}
	return nil
}

// PRF holds counts and precision, recall and F1.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (p *PRF) finish() {
	if p.TP+p.FP > 0 {
		p.Precision = float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.Recall = float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Report is the outcome of Score. It marshals to JSON as it is.
type Report struct {
	TaggerVersion string         `json:"tagger_version"`
	Docs          int            `json:"docs"`
	Sentences     int            `json:"sentences"`
	Concepts      PRF            `json:"concepts"`          // micro-averaged over (sentence, concept) pairs
	ByKind        map[string]PRF `json:"by_kind"`           // condition, mechanism, intervention
	ByConcept     map[string]PRF `json:"by_concept"`        // per concept id
	Claims        PRF            `json:"claims"`            // over sentences
	MatchedClaims int            `json:"matched_claims"`    // gold claims predicted as claims
	NegationOK    int            `json:"negation_correct"`  // matched claims whose negated flag agrees
	HedgeOK       int            `json:"hedge_correct"`     // matched claims whose hedged flag agrees
	Negation      float64        `json:"negation_accuracy"` // NegationOK / MatchedClaims
	Hedge         float64        `json:"hedge_accuracy"`    // HedgeOK / MatchedClaims
	// Flag errors on matched claims, by direction: a negation or hedge
	// predicted where the gold has none (FP) or missed (FN).
	NegationFP  int `json:"negation_fp"`
	NegationFN  int `json:"negation_fn"`
	HedgeFP     int `json:"hedge_fp"`
	HedgeFN     int `json:"hedge_fn"`
	GoldClaims  int `json:"gold_claims"`  // sentences labelled claim
	GoldNegated int `json:"gold_negated"` // of which negated
	GoldHedged  int `json:"gold_hedged"`  // of which hedged

	// Pairs scores relation pairs on the gold claim sentences whose pairs
	// are labelled (nil when none are); Evidence scores study designs
	// (nil when no document is labelled).
	Pairs    *PairReport     `json:"pairs,omitempty"`
	Evidence *EvidenceReport `json:"evidence,omitempty"`
	// Confidence is the tagger's mean confidence on its right claims
	// (predicted claims of gold claim sentences) and on its wrong ones
	// (predicted on sentences that are no claim): a useful confidence is
	// lower on the wrong ones.
	ConfidenceRight float64 `json:"confidence_right"`
	ConfidenceWrong float64 `json:"confidence_wrong"`
	errors          []SentenceError
}

// SentenceError is a gold sentence the tagger got wrong in some way.
type SentenceError struct {
	Doc         string   `json:"doc"`
	I           int      `json:"i"`
	Text        string   `json:"text"`
	Missing     []string `json:"missing,omitempty"` // gold concepts not predicted (false negatives)
	Extra       []string `json:"extra,omitempty"`   // predicted concepts not in the gold (false positives)
	GoldClaim   bool     `json:"gold_claim"`
	PredClaim   bool     `json:"pred_claim"`
	GoldNegated bool     `json:"gold_negated"`
	PredNegated bool     `json:"pred_negated"`
	GoldHedged  bool     `json:"gold_hedged"`
	PredHedged  bool     `json:"pred_hedged"`
	Note        string   `json:"note,omitempty"` // the labeller's note
	// Pairs the tagger missed, added, or got with another effect, direction
	// or flag ("subject > object effect [negated] [hedged]").
	MissingPairs []string `json:"missing_pairs,omitempty"`
	ExtraPairs   []string `json:"extra_pairs,omitempty"`
	WrongPairs   []string `json:"wrong_pairs,omitempty"` // "gold ... / predicted ..."
	// Evidence the claim rests on when it differs from the gold.
	GoldEvidence string `json:"gold_evidence,omitempty"`
	PredEvidence string `json:"pred_evidence,omitempty"`
}

// Score tags every document of g with t and scores the result by the gold
// set's rule: a sentence's predicted concepts are those of the mentions that
// start inside it; concept precision, recall and F1 are micro-averaged over
// (sentence, concept) pairs, overall and per kind; a gold sentence is a
// predicted claim when a predicted claim's span covers more than half of it,
// and on gold claims predicted as claims the negated and hedged flags are
// compared.
func Score(t *tagger.Tagger, g *Gold) Report {
	r := Report{
		TaggerVersion: t.Version(),
		ByKind:        map[string]PRF{},
		ByConcept:     map[string]PRF{},
	}
	for _, k := range []string{lumen.KindCondition, lumen.KindMechanism, lumen.KindIntervention} {
		r.ByKind[k] = PRF{}
	}
	count := func(m map[string]PRF, k string, tp, fp, fn int) {
		p := m[k]
		p.TP += tp
		p.FP += fp
		p.FN += fn
		m[k] = p
	}
	var pairs pairScorer
	var ev evidenceScorer
	var confRight, confWrong float64
	for _, d := range g.Docs {
		r.Docs++
		res := t.Tag(tagger.Document{Text: d.Text, Kind: d.Kind})
		ev.article(d, res.Evidence)
		// the document's pairs are labelled when its claims' are
		docPairs := slices.ContainsFunc(d.Sentences, func(s Sentence) bool { return s.PairsLabelled })
		for _, s := range d.Sentences {
			r.Sentences++
			var pred []string
			for _, m := range res.Mentions {
				if m.Start >= s.Start && m.Start < s.End && !slices.Contains(pred, m.Concept) {
					pred = append(pred, m.Concept)
				}
			}
			e := SentenceError{Doc: s.Doc, I: s.I, Text: s.Text, GoldClaim: s.Claim,
				GoldNegated: s.Negated, GoldHedged: s.Hedged, Note: s.Note}
			gold := dedupe(s.Concepts)
			for _, c := range pred {
				if slices.Contains(gold, c) {
					r.Concepts.TP++
					count(r.ByKind, lumen.ConceptKind(c), 1, 0, 0)
					count(r.ByConcept, c, 1, 0, 0)
				} else {
					r.Concepts.FP++
					count(r.ByKind, lumen.ConceptKind(c), 0, 1, 0)
					count(r.ByConcept, c, 0, 1, 0)
					e.Extra = append(e.Extra, c)
				}
			}
			for _, c := range gold {
				if !slices.Contains(pred, c) {
					r.Concepts.FN++
					count(r.ByKind, lumen.ConceptKind(c), 0, 0, 1)
					count(r.ByConcept, c, 0, 0, 1)
					e.Missing = append(e.Missing, c)
				}
			}
			best := ClaimOver(res.Claims, s)
			predClaim := best >= 0
			e.PredClaim = predClaim
			if s.Claim {
				r.GoldClaims++
				if s.Negated {
					r.GoldNegated++
				}
				if s.Hedged {
					r.GoldHedged++
				}
			}
			switch {
			case s.Claim && predClaim:
				r.Claims.TP++
				r.MatchedClaims++
				c := res.Claims[best]
				ev.claim(d, s, c, &e)
				confRight += c.Confidence
				e.PredNegated, e.PredHedged = c.Negated, c.Hedged
				switch {
				case c.Negated == s.Negated:
					r.NegationOK++
				case c.Negated:
					r.NegationFP++
				default:
					r.NegationFN++
				}
				switch {
				case c.Hedged == s.Hedged:
					r.HedgeOK++
				case c.Hedged:
					r.HedgeFP++
				default:
					r.HedgeFN++
				}
			case s.Claim:
				r.Claims.FN++
			case predClaim:
				r.Claims.FP++
				c := res.Claims[best]
				confWrong += c.Confidence
				e.PredNegated, e.PredHedged = c.Negated, c.Hedged
				if docPairs {
					pairs.falseClaim(c.Relations)
				}
			}
			if s.Claim && s.PairsLabelled {
				var pred, naive []lumen.Relation
				if predClaim {
					pred = res.Claims[best].Relations
					naive = naivePairs(res.Claims[best])
				}
				pairs.sentence(s.Relations, pred, naive, &e)
			}
			if len(e.Missing)+len(e.Extra) > 0 || e.GoldClaim != e.PredClaim ||
				e.GoldClaim && e.PredClaim && (e.GoldNegated != e.PredNegated || e.GoldHedged != e.PredHedged) ||
				len(e.MissingPairs)+len(e.ExtraPairs)+len(e.WrongPairs) > 0 || e.GoldEvidence != e.PredEvidence {
				slices.Sort(e.Missing)
				slices.Sort(e.Extra)
				r.errors = append(r.errors, e)
			}
		}
	}
	r.Concepts.finish()
	r.Claims.finish()
	for k, p := range r.ByKind {
		p.finish()
		r.ByKind[k] = p
	}
	for k, p := range r.ByConcept {
		p.finish()
		r.ByConcept[k] = p
	}
	if r.MatchedClaims > 0 {
		r.Negation = float64(r.NegationOK) / float64(r.MatchedClaims)
		r.Hedge = float64(r.HedgeOK) / float64(r.MatchedClaims)
	}
	r.Pairs = pairs.report()
	r.Evidence = ev.report()
	if r.Claims.TP > 0 {
		r.ConfidenceRight = confRight / float64(r.Claims.TP)
	}
	if r.Claims.FP > 0 {
		r.ConfidenceWrong = confWrong / float64(r.Claims.FP)
	}
	return r
}

// ClaimOver returns the index of the predicted claim covering most of the
// gold sentence s, if it covers more than half of it; -1 if none does.
func ClaimOver(claims []lumen.Claim, s Sentence) int {
	best, bestOverlap := -1, 0
	for i, c := range claims {
		if ov := min(c.End, s.End) - max(c.Start, s.Start); ov > bestOverlap {
			best, bestOverlap = i, ov
		}
	}
	if best < 0 || 2*bestOverlap <= s.End-s.Start {
		return -1
	}
	return best
}

func dedupe(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// Errors lists the gold sentences with a wrong concept, claim, negation or
// hedge, in gold order, for development (`lumen eval --errors`).
func (r Report) Errors() []SentenceError { return slices.Clone(r.errors) }

// WriteText writes the report as a human-readable table.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "tagger %s: %d documents, %d sentences\n\n", r.TaggerVersion, r.Docs, r.Sentences)
	fmt.Fprintf(&b, "%-14s %9s %9s %9s %6s %6s %6s\n", "concepts", "precision", "recall", "F1", "TP", "FP", "FN")
	row := func(name string, p PRF) {
		fmt.Fprintf(&b, "%-14s %9.3f %9.3f %9.3f %6d %6d %6d\n", name, p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
	}
	for _, k := range []string{lumen.KindCondition, lumen.KindMechanism, lumen.KindIntervention} {
		row(k, r.ByKind[k])
	}
	row("overall", r.Concepts)
	fmt.Fprintf(&b, "\n%-14s %9s %9s %9s %6s %6s %6s\n", "", "precision", "recall", "F1", "TP", "FP", "FN")
	row("claims", r.Claims)
	fmt.Fprintf(&b, "\ngold claims %d (negated %d, hedged %d); matched %d\n", r.GoldClaims, r.GoldNegated, r.GoldHedged, r.MatchedClaims)
	fmt.Fprintf(&b, "negation accuracy on matched claims %.3f (%d/%d; %d false, %d missed)\n", r.Negation, r.NegationOK, r.MatchedClaims, r.NegationFP, r.NegationFN)
	fmt.Fprintf(&b, "hedge accuracy on matched claims    %.3f (%d/%d; %d false, %d missed)\n", r.Hedge, r.HedgeOK, r.MatchedClaims, r.HedgeFP, r.HedgeFN)
	fmt.Fprintf(&b, "mean confidence: right claims %.2f, wrong claims %.2f\n", r.ConfidenceRight, r.ConfidenceWrong)
	if r.Pairs != nil {
		r.Pairs.writeText(&b)
	}
	if r.Evidence != nil {
		r.Evidence.writeText(&b)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteConcepts writes precision, recall and F1 per concept, worst F1 first.
func (r Report) WriteConcepts(w io.Writer) error {
	ids := make([]string, 0, len(r.ByConcept))
	for id := range r.ByConcept {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		pa, pb := r.ByConcept[a], r.ByConcept[b]
		if pa.F1 != pb.F1 {
			if pa.F1 < pb.F1 {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	var b strings.Builder
	for _, id := range ids {
		p := r.ByConcept[id]
		fmt.Fprintf(&b, "%-40s %6.3f %6.3f %6.3f %4d %4d %4d\n", id, p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteErrors writes the errors of Errors, one block per sentence.
func (r Report) WriteErrors(w io.Writer) error {
	var b strings.Builder
	for _, e := range r.errors {
		fmt.Fprintf(&b, "%s %d: %s\n", e.Doc, e.I, e.Text)
		if len(e.Missing) > 0 {
			fmt.Fprintf(&b, "  missing %s\n", strings.Join(e.Missing, " "))
		}
		if len(e.Extra) > 0 {
			fmt.Fprintf(&b, "  extra   %s\n", strings.Join(e.Extra, " "))
		}
		if e.GoldClaim != e.PredClaim {
			fmt.Fprintf(&b, "  claim   gold %v, predicted %v\n", e.GoldClaim, e.PredClaim)
		} else if e.GoldClaim {
			if e.GoldNegated != e.PredNegated {
				fmt.Fprintf(&b, "  negated gold %v, predicted %v\n", e.GoldNegated, e.PredNegated)
			}
			if e.GoldHedged != e.PredHedged {
				fmt.Fprintf(&b, "  hedged  gold %v, predicted %v\n", e.GoldHedged, e.PredHedged)
			}
		}
		for _, p := range e.MissingPairs {
			fmt.Fprintf(&b, "  missing pair %s\n", p)
		}
		for _, p := range e.ExtraPairs {
			fmt.Fprintf(&b, "  extra pair   %s\n", p)
		}
		for _, p := range e.WrongPairs {
			fmt.Fprintf(&b, "  wrong pair   %s\n", p)
		}
		if e.GoldEvidence != e.PredEvidence {
			fmt.Fprintf(&b, "  evidence gold %q, predicted %q\n", e.GoldEvidence, e.PredEvidence)
		}
		if e.Note != "" {
			fmt.Fprintf(&b, "  note    %s\n", e.Note)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
