package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/evaluate"
	"github.com/lumen-research/lumen/internal/extract"
	"github.com/lumen-research/lumen/internal/tagger"
)

// maxTagInput bounds what lumen tag reads: its JSON (every mention and
// claim, with offsets) takes about 14 times the input, and the process
// about 65 times it at its peak. A paper's full text is well under 1 MiB
// (the crawler keeps at most crawler.max_text_bytes of a page).
const maxTagInput = 8 << 20

// tagOutput is what lumen tag prints. Offsets are bytes into Text: the input
// itself for plain text, the extracted main text for HTML.
type tagOutput struct {
	Text     string          `json:"text"`
	Title    string          `json:"title,omitempty"`
	Mentions []lumen.Mention `json:"mentions"`
	Claims   []tagClaim      `json:"claims"`
	Concepts []string        `json:"concepts"`
	Evidence string          `json:"evidence,omitempty"`
	Kind     string          `json:"kind,omitempty"`
	// TaggerVersion is the tagger's version (taxonomy, rules, fingerprint:
	// "gutskin-2026.12.25+r12.418f2bbb"), as claims carry it;
	// TaxonomyVersion the taxonomy's own ("gutskin-2026.12.25"). Before
	// qa4, taxonomy_version held the tagger's version.
	TaggerVersion   string `json:"tagger_version"`
	TaxonomyVersion string `json:"taxonomy_version"`
	// Skipped says why the input was not tagged (binary input).
	Skipped string `json:"skipped,omitempty"`
}

type tagClaim struct {
	Start         int              `json:"start"`
	End           int              `json:"end"`
	Text          string           `json:"text"`
	Concepts      []string         `json:"concepts"`
	Relations     []lumen.Relation `json:"relations"`
	Relation      string           `json:"relation,omitempty"`
	Negated       bool             `json:"negated"`
	Hedged        bool             `json:"hedged"`
	Evidence      string           `json:"evidence,omitempty"`
	ClaimEvidence string           `json:"claim_evidence,omitempty"`
	Confidence    float64          `json:"confidence"`
	Section       string           `json:"section,omitempty"`
}

// cmdTag tags a text or HTML file and prints JSON.
func cmdTag(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("lumen tag", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "auto", "input `format`: auto (HTML if it looks like HTML), text or html")
	kind := fs.String("kind", "", "what the input is: abstract, fulltext or web `kind` (default: web for HTML, read from the wording for text)")
	taxPath := fs.String("taxonomy", "", "taxonomy YAML `file` (default: the built-in one; also LUMEN_TAXONOMY)")
	compact := fs.Bool("compact", false, "print the JSON on one line")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: lumen tag [flags] [FILE|-]\n\nTags FILE (or standard input) and prints the mentions and claims, with their\nrelation pairs, as JSON.")
		fs.PrintDefaults()
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageError("lumen tag takes one file")
	}
	in, name := e.stdin, "-"
	if len(pos) == 1 && pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return fmt.Errorf("tag: %w", err)
		}
		defer f.Close()
		in, name = f, pos[0]
	}
	data, err := io.ReadAll(io.LimitReader(in, maxTagInput+1))
	if err != nil {
		return fmt.Errorf("tag: read %s: %w", name, err)
	}
	if len(data) > maxTagInput {
		return fmt.Errorf("tag: %s is larger than %d MiB (split it into documents): %w", name, maxTagInput>>20, lumen.ErrInvalid)
	}
	t, tax, err := taggerAndTaxonomy(e, *taxPath)
	if err != nil {
		return err
	}
	out, err := tagInput(t, data, *format, *kind, name)
	if err != nil {
		return err
	}
	out.TaxonomyVersion = tax.Version
	enc := json.NewEncoder(e.stdout)
	if !*compact {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(out)
}

func tagInput(t *tagger.Tagger, data []byte, format, kind, name string) (tagOutput, error) {
	out := tagOutput{Mentions: []lumen.Mention{}, Claims: []tagClaim{}, Concepts: []string{}, TaggerVersion: t.Version()}
	isHTML := false
	switch format {
	case "html":
		isHTML = true
	case "text":
	case "auto":
		ext := strings.ToLower(filepath.Ext(name))
		isHTML = ext == ".html" || ext == ".htm" || ext == ".xhtml" || looksLikeHTML(data)
	default:
		return out, usageError("--format %q: want auto, text or html", format)
	}
	switch kind {
	case "":
		if isHTML {
			kind = lumen.ArticleWeb
		}
	case lumen.ArticleAbstract, lumen.ArticleFullText, lumen.ArticleWeb:
	default:
		return out, usageError("--kind %q: want abstract, fulltext or web", kind)
	}
	out.Kind = kind
	doc := tagger.Document{Kind: kind}
	if isHTML {
		page, err := extract.HTML(data, "text/html", nil)
		if err != nil && !errors.Is(err, extract.ErrNoText) {
			return out, fmt.Errorf("tag: extract %s: %w", name, err)
		}
		doc.Text, doc.Title = page.Text, page.Title
		out.Title = page.Title
	} else {
		if text, ok := extract.UTF16Text(data); ok {
			data = text // UTF-16 from a Windows tool; offsets are into the UTF-8 printed
		}
		if extract.Binary(data) {
			out.Skipped = "binary input: not tagged"
			return out, nil
		}
		if !utf8.Valid(data) && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
			// Text in a legacy charset (ISO-8859-1, windows-1252 ...):
			// read as the bytes show, as a crawled page is, rather than
			// each accented letter printed as U+FFFD. Text that is
			// UTF-8 but for a stray byte stays UTF-8; what looks like a
			// UTF-16 byte order mark was not UTF-16 (see UTF16Text).
			if text, err := extract.ToUTF8(data, "text/plain"); err == nil {
				data = text
			}
		}
		// Offsets are into the text printed, and JSON prints each invalid
		// byte as U+FFFD: tag the text as it will be printed.
		doc.Text = strings.ToValidUTF8(string(data), "\uFFFD")
	}
	res := t.Tag(doc)
	out.Text = res.Text
	if res.Mentions != nil {
		out.Mentions = res.Mentions
	}
	if res.Concepts != nil {
		out.Concepts = res.Concepts
	}
	out.Evidence = res.Evidence
	for _, c := range res.Claims {
		rels := c.Relations
		if rels == nil {
			rels = []lumen.Relation{}
		}
		out.Claims = append(out.Claims, tagClaim{Start: c.Start, End: c.End, Text: c.Text, Concepts: c.Concepts,
			Relations: rels, Relation: c.Relation, Negated: c.Negated, Hedged: c.Hedged, Evidence: c.Evidence,
			ClaimEvidence: c.ClaimEvidence, Confidence: c.Confidence, Section: c.Section})
	}
	return out, nil
}

func looksLikeHTML(b []byte) bool {
	head := strings.ToLower(strings.TrimSpace(string(b[:min(len(b), 512)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.Contains(head, "<head>") || strings.Contains(head, "<body")
}

// cmdEval scores the tagger on a gold set.
func cmdEval(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("lumen eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	taxPath := fs.String("taxonomy", "", "taxonomy YAML `file` (default: the built-in one; also LUMEN_TAXONOMY)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	showErrors := fs.Bool("errors", false, "also list the sentences the tagger got wrong")
	labels := fs.String("labels", "", "a `directory` with more labels for the gold set: pairs.jsonl (relation pairs and claim evidence) and docs.jsonl (kind and evidence of documents)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: lumen eval [flags] GOLD_DIR [GOLD_DIR...]\n       lumen eval --reviews [--json] [--data DIR | --nats URL]\n\nScores the tagger on a gold set in the format of shared/corpus/gold-dev (docs/, sentences.jsonl,\nlabels.jsonl): concepts, claims, negation and hedging, and, where the set labels them\n(pairs.jsonl, docs.jsonl; docs/ANNOTATION.md), relation pairs and evidence.\nWith more than one GOLD_DIR, one line per set and the pooled counts and mean figures of them all.\nWith --reviews, against every claim the curators accepted, rejected or corrected instead\n(lumen eval --reviews -h for its flags).")
		fs.PrintDefaults()
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return usageError("lumen eval takes a GOLD_DIR")
	}
	if len(pos) > 1 && *labels != "" {
		return usageError("lumen eval: --labels goes with one GOLD_DIR")
	}
	t, tax, err := taggerAndTaxonomy(e, *taxPath)
	if err != nil {
		return err
	}
	var extra []string
	if *labels != "" {
		extra = append(extra, *labels)
	}
	known := map[string]bool{}
	for _, c := range tax.Concepts {
		known[c.ID] = true
	}
	score := func(dir string) (evaluate.Report, error) {
		g, err := evaluate.Load(dir, extra...)
		if err != nil {
			return evaluate.Report{}, fmt.Errorf("eval: %w: %w", err, lumen.ErrInvalid)
		}
		if err := g.CheckConcepts(func(id string) bool { return known[id] }); err != nil {
			return evaluate.Report{}, fmt.Errorf("eval: %s: %w (taxonomy %s; another one with --taxonomy): %w", dir, err, tax.Version, lumen.ErrInvalid)
		}
		return evaluate.Score(t, g), nil
	}
	if len(pos) > 1 {
		return evalSets(ctx, e, pos, score, *asJSON, *showErrors)
	}
	rep, err := score(pos[0])
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if err := rep.WriteText(e.stdout); err != nil {
		return err
	}
	if *showErrors {
		return rep.WriteErrors(e.stdout)
	}
	return nil
}

// evalSets scores several gold sets and prints one line per set and their
// pooled and mean figures (--json: every report and the pooled figures;
// --errors: each set's errors after the table). A set is named by its
// directory's base name, or by the path given when two share one.
func evalSets(ctx context.Context, e *env, dirs []string, score func(string) (evaluate.Report, error), asJSON, showErrors bool) error {
	names := map[string]int{}
	for _, d := range dirs {
		names[filepath.Base(filepath.Clean(d))]++
	}
	sets := make([]evaluate.Named, 0, len(dirs))
	for _, d := range dirs {
		if err := ctx.Err(); err != nil {
			return err
		}
		rep, err := score(d)
		if err != nil {
			return err
		}
		name := filepath.Base(filepath.Clean(d))
		if names[name] > 1 {
			name = d
		}
		sets = append(sets, evaluate.Named{Name: name, Report: rep})
	}
	version := sets[0].Report.TaggerVersion
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			TaggerVersion string           `json:"tagger_version"`
			Sets          []evaluate.Named `json:"sets"`
			Pooled        evaluate.Pooled  `json:"pooled"`
		}{version, sets, evaluate.Pool(sets)})
	}
	if err := evaluate.WriteSummary(e.stdout, version, sets); err != nil {
		return err
	}
	if showErrors {
		for _, n := range sets {
			if _, err := fmt.Fprintf(e.stdout, "\n== %s\n", n.Name); err != nil {
				return err
			}
			if err := n.Report.WriteErrors(e.stdout); err != nil {
				return err
			}
		}
	}
	return nil
}

// newTagger builds the tagger of lumen tag and lumen eval and prints its
// warnings (roles no concept plays, lists the vocabulary lacks) on stderr.
func newTagger(e *env, tax lumen.Taxonomy) (*tagger.Tagger, error) {
	t, err := tagger.New(tax)
	if err != nil {
		return nil, fmt.Errorf("taxonomy: %w: %w", err, lumen.ErrInvalid)
	}
	for _, w := range t.Warnings() {
		fmt.Fprintf(e.stderr, "lumen: warning: taxonomy: %s\n", w)
	}
	return t, nil
}

// taggerFrom is the tagger of lumen tag and lumen eval: the taxonomy at
// path (--taxonomy), else LUMEN_TAXONOMY, else the shipped one.
func taggerFrom(e *env, path string) (*tagger.Tagger, error) {
	t, _, err := taggerAndTaxonomy(e, path)
	return t, err
}

// taggerAndTaxonomy is taggerFrom with the taxonomy it was built from.
func taggerAndTaxonomy(e *env, path string) (*tagger.Tagger, lumen.Taxonomy, error) {
	if path == "" {
		path = e.getenv("LUMEN_TAXONOMY")
	}
	tax, err := loadTaxonomy(path)
	if err != nil {
		return nil, tax, fmt.Errorf("%w: %w", err, lumen.ErrInvalid)
	}
	t, err := newTagger(e, tax)
	return t, tax, err
}
