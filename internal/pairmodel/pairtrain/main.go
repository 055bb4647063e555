// Command pairtrain trains the pair model (package pairmodel) on labelled
// sets and measures it on others, against the tagger's rules alone:
//
//	go run ./internal/pairmodel/pairtrain -test internal/evaluate/testdata/kept-unread.txt internal/evaluate/testdata/*/
//
// Sets named in the -test file are only measured; the rest train. It
// prints pairs precision, recall and F1 and effect accuracy on the
// measured sets' claim sentences, as lumen eval counts them: with the
// rules alone, then with the model's pairs added, then its effects, then
// its drops of the rules' pairs, then the claims it reads where the rules
// read none (and how many of those are no claim); -out writes the model.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/evaluate"
	"github.com/lumen-research/lumen/internal/pairmodel"
	"github.com/lumen-research/lumen/internal/tagger"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pairtrain:", err)
		os.Exit(1)
	}
}

// sentence is a gold sentence with the tagger's claim over it, or the
// sentence the rules read as no claim.
type sentence struct {
	gold      evaluate.Sentence
	claim     *lumen.Claim // nil: the tagger read no claim there
	unclaimed *lumen.Claim // with claim nil, the tagger's sentence there that names two kinds, as a claim with no pairs
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("pairtrain", flag.ContinueOnError)
	testList := fs.String("test", "", "file naming the sets to measure on, not train on")
	out := fs.String("out", "", "write the model here")
	threshold := fs.Float64("threshold", 0.5, "the adder's threshold")
	version := fs.String("version", "pairs-dev", "the written model's version")
	minCount := fs.Int("min-count", 20, "the adder, keep and promote models learn only the features seen in at least this many examples")
	relabel := fs.Bool("relabel", true, "the written model also names the effect of the rules' pairs it does not deny")
	effectMinCount := fs.Int("effect-min-count", 5, "the effect classifier learns only the features seen in at least this many examples")
	margin := fs.Float64("relabel-margin", 0.2, "rename a rule pair's effect only when the classifier gives the new one at least this much more probability than the rules'")
	promoteAt := fs.Float64("promote", 0.6, "read a claim in a sentence the rules read as none when a pair of its concepts reaches this (0: never)")
	keep := fs.Float64("keep", 0.2, "drop the rules' pairs the keep model gives less than this (0: keep them all)")
	prune := fs.Float64("prune", 0.01, "leave out of the written model the weights smaller than this, and round the rest to 4 decimals")
	if err := fs.Parse(args); err != nil {
		return err
	}
	test := map[string]bool{}
	if *testList != "" {
		b, err := os.ReadFile(*testList)
		if err != nil {
			return err
		}
		for line := range strings.Lines(string(b)) {
			if strings.HasPrefix(line, "#") {
				continue
			}
			for _, s := range strings.Fields(line) {
				test[s] = true
			}
		}
	}
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		return err
	}
	tax.PairModel = nil // the rules alone: the model reads what they leave
	t, err := tagger.New(tax)
	if err != nil {
		return err
	}
	unseen := maps.Clone(test)
	var train, measure []sentence
	for _, dir := range fs.Args() {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		name := filepath.Base(filepath.Clean(dir))
		if name == "probes" || exists(filepath.Join(dir, "taxonomy.yaml")) || !exists(filepath.Join(dir, "sentences.jsonl")) {
			continue // the probes, a set of another taxonomy, or no gold set
		}
		g, err := evaluate.Load(dir)
		if err != nil {
			return err
		}
		delete(unseen, name)
		ss := read(t, g)
		if test[name] {
			measure = append(measure, ss...)
		} else {
			train = append(train, ss...)
		}
	}
	if len(unseen) > 0 {
		// a set to measure on that is not there might be trained on
		// under another name: stop rather than report without it
		return fmt.Errorf("sets named in %s but not given: %s", *testList, strings.Join(slices.Sorted(maps.Keys(unseen)), ", "))
	}
	m := &pairmodel.Model{Version: *version, Threshold: *threshold}
	var add, keepEx []pairmodel.Example
	effects := make([][]pairmodel.Example, len(pairmodel.Effects))
	var promote []pairmodel.Example
	for _, s := range train {
		if s.unclaimed != nil && (s.gold.PairsLabelled || !s.gold.Claim) {
			for _, p := range pairmodel.Candidates(s.unclaimed) {
				promote = append(promote, pairmodel.Example{Features: pairmodel.Features(s.unclaimed, p.A, p.B), Positive: s.gold.Claim && goldPair(s.gold, p) != nil})
			}
		}
		if s.claim == nil || !s.gold.PairsLabelled {
			continue
		}
		for _, p := range pairmodel.Candidates(s.claim) {
			add = append(add, pairmodel.Example{Features: pairmodel.Features(s.claim, p.A, p.B), Positive: goldPair(s.gold, p) != nil})
		}
		if s.gold.Claim {
			for _, r := range s.claim.Relations {
				keepEx = append(keepEx, pairmodel.Example{Features: pairmodel.KeepFeatures(s.claim, r), Positive: goldPair(s.gold, pairmodel.Pair{A: r.Subject, B: r.Object}) != nil})
			}
		}
		effects = effectExamples(effects, s.gold, s.claim)
	}
	m.Add = pairmodel.Train(add, pairmodel.TrainOptions{Seed: 1, MinCount: *minCount})
	for i := range effects {
		m.Effect = append(m.Effect, pairmodel.Train(effects[i], pairmodel.TrainOptions{Epochs: 6, Seed: 2, MinCount: *effectMinCount}))
	}
	fmt.Fprintf(stdout, "trained on %d sentences: %d pair candidates, %d gold pairs for effects, %d rule pairs to keep or drop\n", len(train), len(add), len(effects[0]), len(keepEx))
	report(stdout, "rules", measure, nil)
	report(stdout, "+pairs", measure, m)
	m.RelabelRules, m.RelabelMargin = *relabel, *margin
	if *keep > 0 {
		report(stdout, "+effects", measure, m)
		m.Keep = pairmodel.Train(keepEx, pairmodel.TrainOptions{Seed: 3, MinCount: *minCount})
		m.KeepThreshold = *keep
	}
	report(stdout, "rules+model", measure, m)
	if *promoteAt > 0 {
		m.Promote = pairmodel.Train(promote, pairmodel.TrainOptions{Seed: 4, MinCount: *minCount})
		m.PromoteThreshold = *promoteAt
		report(stdout, "+promoted", measure, m)
	}
	if *out != "" {
		m.Add = m.Add.Pruned(*prune)
		m.Keep = m.Keep.Pruned(*prune)
		m.Promote = m.Promote.Pruned(*prune)
		for i := range m.Effect {
			m.Effect[i] = m.Effect[i].Pruned(*prune)
		}
		report(stdout, "pruned", measure, m)
		b, err := json.MarshalIndent(m, "", "")
		if err != nil {
			return err
		}
		return os.WriteFile(*out, b, 0o644)
	}
	return nil
}

// read tags a gold set's documents and pairs each sentence (a claim only if
// its pairs are labelled) with the claim lumen eval pairs it with
// (evaluate.ClaimOver), or else with the sentence the rules read as no
// claim there (Result.Unclaimed), its mentions filled in.
func read(t *tagger.Tagger, g *evaluate.Gold) []sentence {
	var out []sentence
	for _, d := range g.Docs {
		res := t.Tag(tagger.Document{Text: d.Text, Kind: d.Kind})
		unclaimed := res.Unclaimed
		for _, s := range d.Sentences {
			if s.Claim && !s.PairsLabelled {
				continue
			}
			ss := sentence{gold: s}
			if best := evaluate.ClaimOver(res.Claims, s); best >= 0 {
				ss.claim = withMentions(res.Claims[best], res.Mentions)
			} else if u := evaluate.ClaimOver(unclaimed, s); u >= 0 {
				ss.unclaimed = withMentions(unclaimed[u], res.Mentions)
			}
			out = append(out, ss)
		}
	}
	return out
}

// effectExamples adds to each of the effect classifiers' examples the gold
// pairs of s whose concepts claim c names, read from c.
func effectExamples(effects [][]pairmodel.Example, s evaluate.Sentence, c *lumen.Claim) [][]pairmodel.Example {
	ids := concepts(c)
	for _, r := range s.Relations {
		if !slices.Contains(ids, r.Subject) || !slices.Contains(ids, r.Object) {
			continue
		}
		f := pairmodel.EffectFeatures(c, r.Subject, r.Object)
		for i, e := range pairmodel.Effects {
			effects[i] = append(effects[i], pairmodel.Example{Features: f, Positive: r.Effect == e})
		}
	}
	return effects
}

// withMentions returns a copy of c with the mentions inside it.
func withMentions(c lumen.Claim, ments []lumen.Mention) *lumen.Claim {
	c.Mentions = nil
	for _, m := range ments {
		if m.Start >= c.Start && m.End <= c.End {
			c.Mentions = append(c.Mentions, m)
		}
	}
	return &c
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func concepts(c *lumen.Claim) []string {
	var ids []string
	for _, m := range c.Mentions {
		ids = append(ids, m.Concept)
	}
	return ids
}

func goldPair(s evaluate.Sentence, p pairmodel.Pair) *lumen.Relation {
	for i, r := range s.Relations {
		if r.Subject == p.A && r.Object == p.B || r.Subject == p.B && r.Object == p.A {
			return &s.Relations[i]
		}
	}
	return nil
}

// report prints pairs P/R/F1 and effect accuracy on the gold claim
// sentences, as lumen eval counts them (evaluate.ScorePairs), with the
// model's reading when m is not nil.
func report(w io.Writer, name string, ss []sentence, m *pairmodel.Model) {
	var cases []evaluate.PairCase
	promoted, promotedWrong := 0, 0
	for _, s := range ss {
		var pred *lumen.Claim
		switch {
		case s.claim != nil:
			c := *s.claim
			c.Relations = slices.Clone(c.Relations)
			if m != nil {
				m.Read(&c)
			}
			pred = &c
		case s.unclaimed != nil && m != nil:
			c := *s.unclaimed
			if m.ReadUnclaimed(&c) > 0 {
				pred = &c
				promoted++
				if !s.gold.Claim {
					promotedWrong++
				}
			}
		}
		if s.gold.Claim {
			cases = append(cases, evaluate.PairCase{Gold: s.gold.Relations, Pred: pred})
		}
	}
	r := evaluate.ScorePairs(cases)
	if r == nil {
		r = &evaluate.PairReport{}
	}
	fmt.Fprintf(w, "%-12s pairs TP %d FP %d FN %d  P %.3f R %.3f F1 %.3f  effect %.3f", name, r.TP, r.FP, r.FN, r.Precision, r.Recall, r.F1, r.Effect)
	if promoted > 0 {
		fmt.Fprintf(w, "  (claims read where the rules read none: %d, %d of them no claim)", promoted, promotedWrong)
	}
	fmt.Fprintln(w)
}
