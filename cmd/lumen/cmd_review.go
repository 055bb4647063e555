package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/auth"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/curation"
	"github.com/lumen-research/lumen/internal/evaluate"
	"github.com/lumen-research/lumen/worker"
)

// Key-value buckets of the curators' side.
const (
	bucketTokens   = "lumen_tokens"
	bucketSessions = "lumen_sessions"
	bucketLeases   = "lumen_review_leases"
)

var (
	_ curation.DecisionLog = (*bus.Bus)(nil)
	_ curation.ClaimReader = (*indexer.Index)(nil)
	_ curation.LeaseStore  = (*bus.KV)(nil)
	_ auth.Store           = (*bus.KV)(nil)
)

// openCuration opens what the curators' routes need: tokens, sessions,
// leases, and the curation service over the index and the reviews stream.
func (a *app) openCuration(ctx context.Context) error {
	tokens, err := a.bus.KV(ctx, bucketTokens, bus.ReadFromLeader())
	if err != nil {
		return err
	}
	// A session bucket entry lives as long as the session (plus a margin).
	sessions, err := a.bus.KVWithTTL(ctx, bucketSessions, a.cfg.Review.SessionTTL+time.Hour, bus.ReadFromLeader())
	if err != nil {
		return err
	}
	leases, err := a.bus.KVWithTTL(ctx, bucketLeases, a.cfg.Review.Lease, bus.ReadFromLeader())
	if err != nil {
		return err
	}
	a.tokens = auth.NewTokens(tokens)
	a.sessions = auth.NewSessions(sessions, a.tokens, a.cfg.Review.SessionTTL)
	a.curation = curation.New(a.index, a.bus, curation.NewLeases(leases, a.cfg.Review.Lease), a.tax)
	if a.requests, err = a.crawlRequests(ctx); err != nil {
		return err
	}
	return a.bus.EnsureReviewConsumer(ctx)
}

// runReviewIndexer applies curators' decisions to the index until ctx is
// done; each batch is acknowledged once bleve has persisted it.
func (a *app) runReviewIndexer(ctx context.Context) error {
	w := indexer.NewWriter(a.index, a.metrics, a.log.With("component", "review-indexer"))
	return a.bus.ConsumeReviewBatches(ctx, a.cfg.Indexer.BatchSize, a.cfg.Review.BatchWait, holdForSpace(ctx, a.space, w.HandleReviews))
}

// cmdToken creates, lists and revokes API tokens.
func cmdToken(ctx context.Context, e *env, args []string) error {
	const synopsis = "token create NAME --role reader|curator|admin | token list | token revoke NAME   [--data DIR | --nats URL]"
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(e.stderr, "Usage: lumen %s\n", synopsis)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			return nil
		}
		return usageError("lumen token needs a subcommand: create, list or revoke")
	}
	sub := args[0]
	fs, c := newFlags(e, "token "+sub, synopsis, false)
	c.hide("addr")
	role := fs.String("role", "", "the token's `role`: reader (read when reads need a token), curator (review claims), admin (also start crawls)")
	if sub != "create" {
		c.hide("role") // list and revoke refuse it; their help leaves it out
	}
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if c.addrGiven() {
		return usageError("lumen token serves nothing (--addr)")
	}
	switch sub {
	case "create":
		if len(pos) != 1 {
			return usageError("lumen token create takes one NAME")
		}
		if *role == "" {
			return usageError("lumen token create needs --role reader, curator or admin")
		}
	case "revoke":
		if len(pos) != 1 {
			return usageError("lumen token revoke takes one NAME")
		}
	case "list":
		if len(pos) != 0 {
			return usageError("lumen token list takes no arguments")
		}
	default:
		return usageError("unknown subcommand lumen token %s (create, list, revoke)", sub)
	}
	if *role != "" && sub != "create" {
		return usageError("--role goes with lumen token create")
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	a := newApp(cfg, c.logger(e, cfg))
	defer a.close()
	// A token may be created before the first lumen serve or run: then the
	// data directory is new, and the operator is told which it is.
	a.oneShot, a.newDataOK, a.readOnly = true, sub == "create", sub == "list"
	if sub == "create" {
		if err := a.requireData("nats"); err != nil {
			fmt.Fprintf(e.stderr, "lumen: note: %s holds no Lumen data yet; the token is stored there, for the lumen that will run with --data %s\n", cfg.Data, cfg.Data)
		}
	}
	if err := a.openBus(ctx, "token"); err != nil {
		if cfg.NATS.URL == "" && strings.Contains(err.Error(), "in use by another lumen process") {
			return fmt.Errorf("%w\nwhile it runs, reach its NATS instead: lumen token %s ... --nats nats://HOST:PORT (its nats.listen, or the URL lumen demo prints)", err, sub)
		}
		return err
	}
	kv, err := a.bus.KV(ctx, bucketTokens, bus.ReadFromLeader())
	if err != nil {
		return err
	}
	tokens := auth.NewTokens(kv)
	switch sub {
	case "create":
		tok, err := tokens.Create(ctx, pos[0], *role)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Created %s token %q. It is shown this once; store it now.\n", *role, pos[0])
		fmt.Fprintf(e.stdout, "Use it as \"Authorization: Bearer TOKEN\", or sign in at /signin.\n%s\n", tok)
	case "revoke":
		err := tokens.Revoke(ctx, pos[0])
		if errors.Is(err, auth.ErrRevoked) {
			// Nothing left to do: said, and not a failure.
			fmt.Fprintln(e.stdout, strings.TrimSuffix(err.Error(), ": "+auth.ErrRevoked.Error())+".")
			return nil
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Revoked token %q.\n", pos[0])
	case "list":
		list, err := tokens.List(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tROLE\tCREATED\tSTATE")
		for _, t := range list {
			state := "active"
			if t.Revoked {
				state = "revoked " + t.RevokedAt.Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.Name, t.Role, t.Created.Format(time.RFC3339), state)
		}
		return tw.Flush()
	}
	return nil
}

// reviewedData reads every decision and the articles they concern, and
// tags those articles again with the current tagger.
type reviewedData struct {
	decisions map[string][]lumen.ReviewDecision
	articles  map[string]lumen.Article
	current   map[string]lumen.Claim // the current tagger's claims, by id
}

func (a *app) readReviewed(ctx context.Context, retag bool) (reviewedData, error) {
	var all []lumen.ReviewDecision
	if err := a.bus.ReplayReviews(ctx, func(d lumen.ReviewDecision) error {
		all = append(all, d)
		return nil
	}); err != nil {
		return reviewedData{}, err
	}
	rd := reviewedData{decisions: curation.ByClaim(all), articles: map[string]lumen.Article{}, current: map[string]lumen.Claim{}}
	var ids []string
	for _, ds := range rd.decisions {
		if id := ds[0].ArticleID; !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	var w *worker.Worker
	if retag {
		w = worker.New(a.tagger, nil, a.log, nil)
	}
	for _, id := range ids {
		ev, err := a.bus.LastFetched(ctx, id)
		if err != nil {
			a.log.Warn("reviewed article not in the articles stream", "article", id, "err", err)
			continue
		}
		rd.articles[id] = ev.Article
		if w == nil {
			continue
		}
		tagged, err := w.Tag(ev.Article)
		if err != nil {
			a.log.Warn("article not tagged", "article", id, "err", err)
			continue
		}
		for _, c := range tagged.Claims {
			rd.current[c.ID] = c
		}
	}
	return rd, nil
}

// cmdEvalReviews scores the current tagger against curators' decisions.
func cmdEvalReviews(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "eval --reviews", "eval --reviews [--json] [--data DIR | --nats URL]", false)
	c.hide("addr")
	fs.Bool("reviews", true, "score the tagger against every accepted, rejected and corrected claim")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageError("lumen eval --reviews takes no GOLD_DIR: it reads the decisions from the data directory or NATS")
	}
	a, err := c.openOneShot(ctx, e, "eval", true, true)
	if err != nil {
		return err
	}
	defer a.close()
	rd, err := a.readReviewed(ctx, true)
	if err != nil {
		return err
	}
	sc := curation.ScoreTagger(rd.decisions, rd.current)
	pairs := scoreReviewedPairs(rd)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"tagger_version": a.tagger.Version(), "score": sc, "pairs": pairs})
	}
	writeReviewScore(e.stdout, a.tagger.Version(), sc)
	if pairs != nil {
		fmt.Fprintf(e.stdout, "relation pairs of accepted and corrected claims (as lumen eval scores a gold set's):")
		pairs.WriteText(e.stdout)
	} else {
		fmt.Fprintln(e.stdout, "relation pairs: no accepted or corrected claim with known pairs")
	}
	return nil
}

// scoreReviewedPairs scores the current tagger's relation pairs against the
// pairs curators confirmed, as lumen eval scores a gold set's pairs: a
// confirmed claim the tagger no longer states loses all its pairs.
func scoreReviewedPairs(rd reviewedData) *evaluate.PairReport {
	curated := curation.CuratedPairs(rd.decisions)
	ids := make([]string, 0, len(curated))
	for id := range curated {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	cases := make([]evaluate.PairCase, 0, len(ids))
	for _, id := range ids {
		pc := evaluate.PairCase{Gold: curated[id]}
		if c, ok := rd.current[id]; ok {
			pc.Pred = &c
		}
		cases = append(cases, pc)
	}
	return evaluate.ScorePairs(cases)
}

func writeReviewScore(w io.Writer, version string, sc curation.Score) {
	fmt.Fprintf(w, "tagger %s against curators' decisions\n", version)
	fmt.Fprintf(w, "reviewed claims      %d (the tagger still states %d; %d unchanged since decided)\n", sc.Reviewed, sc.Present, sc.Unchanged)
	fmt.Fprintf(w, "claim precision      %.3f (%d true, %d rejected as not a claim or duplicate)\n", sc.Precision, sc.TruePositives, sc.FalsePositives)
	fmt.Fprintf(w, "confirmed recall     %.3f (%d accepted or corrected claims no longer stated)\n", sc.Recall, sc.Missed)
	fmt.Fprintln(w, "field agreement on accepted and corrected claims:")
	for _, f := range []struct {
		name string
		a    curation.FieldAgreement
	}{{"concepts", sc.Concepts}, {"relation", sc.Relation}, {"negated", sc.Negated}, {"hedged", sc.Hedged}} {
		fmt.Fprintf(w, "  %-9s %.3f (%d/%d)\n", f.name, f.a.Rate, f.a.Agree, f.a.Total)
	}
	if len(sc.Rejected) > 0 {
		fmt.Fprintf(w, "rejections by reason %s\n", joinReasons(sc.Rejected))
	}
}

// cmdExportGold writes the reviewed claims as a gold set.
func cmdExportGold(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "export-gold", "export-gold DIR [--data DIR | --nats URL]", false)
	c.hide("addr")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("lumen export-gold takes one output DIR")
	}
	if c.addrGiven() {
		return usageError("lumen export-gold serves nothing (--addr)")
	}
	a, err := c.openOneShot(ctx, e, "export-gold", false, true)
	if err != nil {
		return err
	}
	defer a.close()
	rd, err := a.readReviewed(ctx, false)
	if err != nil {
		return err
	}
	dir, err := filepath.Abs(pos[0])
	if err != nil {
		return fmt.Errorf("export-gold: %w", err)
	}
	st, err := curation.WriteGold(dir, rd.decisions, rd.articles)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %s, %s (%s, %d with relation pairs); left out: %s\n", dir, plural(st.Documents, "document", "documents"),
		plural(st.Sentences, "sentence", "sentences"), plural(st.Claims, "claim", "claims"), st.Pairs, orNone(joinReasons(st.Skipped)))
	fmt.Fprintf(e.stdout, "score the tagger on it: lumen eval %s\n", dir)
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
