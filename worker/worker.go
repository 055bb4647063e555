// Package worker is the tagging role: a thin adapter that takes each
// ArticleFetched event, runs the pure tagger over the article, and publishes
// an ArticleTagged event with the claims. It holds no state: delivery is at
// least once, and tagging the same article twice publishes the same event
// (claim IDs derive from the article and the sentence, and the bus
// de-duplicates on the article's content hash and the taxonomy version).
package worker

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"sort"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/metrics"
	"github.com/lumen-research/lumen/internal/tagger"
)

// Tagger finds claims in text.
type Tagger interface {
	Tag(doc tagger.Document) tagger.Result
	Version() string
}

// Publisher publishes tagged articles.
type Publisher interface {
	PublishTagged(ctx context.Context, ev lumen.ArticleTagged) error
}

// Worker tags articles.
type Worker struct {
	tagger  Tagger
	pub     Publisher
	log     *slog.Logger
	metrics *metrics.Metrics
	now     func() time.Time
}

// New returns a Worker. m may be nil.
func New(t Tagger, p Publisher, log *slog.Logger, m *metrics.Metrics) *Worker {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Worker{tagger: t, pub: p, log: log.With("component", "worker"), metrics: m, now: time.Now}
}

// Handle tags one fetched article and publishes the result. An event that
// can never be tagged (no valid article id, or a tagger panic on its text)
// gives an error wrapping lumen.ErrInvalid, so the bus does not redeliver it;
// a failure to publish is returned as is, for redelivery.
func (w *Worker) Handle(ctx context.Context, ev lumen.ArticleFetched) error {
	a := ev.Article
	if !lumen.ValidID(a.ID) {
		w.metrics.Error(metrics.StageTag, "invalid_event")
		return fmt.Errorf("tag article %q: %w", a.ID, lumen.Invalidf("article.id", "not a valid article id"))
	}
	start := w.now()
	tagged, err := w.Tag(a)
	if err != nil {
		w.metrics.Error(metrics.StageTag, "panic")
		return err
	}
	took := w.now().Sub(start)
	if err := w.pub.PublishTagged(ctx, tagged); err != nil {
		w.metrics.Error(metrics.StagePublish, "tagged")
		return fmt.Errorf("tag article %s: %w", a.ID, err)
	}
	w.metrics.Tagged(len(tagged.Claims), took)
	w.log.Debug("article tagged", "article", a.ID, "claims", len(tagged.Claims), "took", took)
	return nil
}

// Tag runs the tagger over an article and builds its ArticleTagged event.
// A panic in the tagger is turned into an error wrapping lumen.ErrInvalid.
func (w *Worker) Tag(a lumen.Article) (ev lumen.ArticleTagged, err error) {
	defer func() {
		if p := recover(); p != nil {
			w.log.Error("tagger panic", "article", a.ID, "panic", p, "stack", string(debug.Stack()))
			err = fmt.Errorf("tag article %s: tagger panic: %v: %w", a.ID, p, lumen.ErrInvalid)
		}
	}()
	res := w.tagger.Tag(tagger.Document{
		Text:             a.Text,
		Title:            a.Title,
		PublicationTypes: a.PublicationTypes,
		MeSH:             a.MeSH,
		Kind:             articleKind(a),
	})
	ev = lumen.ArticleTagged{
		Article:         a,
		Concepts:        res.Concepts,
		Evidence:        res.Evidence,
		TaxonomyVersion: w.tagger.Version(),
		TaggedAt:        w.now().UTC(),
		Claims:          make([]lumen.Claim, 0, len(res.Claims)),
	}
	seen := map[string]int{}
	for _, c := range res.Claims {
		c.Mentions = mentionsIn(res.Mentions, c.Start, c.End)
		n := seen[c.Text]
		seen[c.Text]++
		c.ID = lumen.ClaimID(a.ID, c.Text, n)
		c.ArticleID = a.ID
		ev.Claims = append(ev.Claims, c)
	}
	return ev, nil
}

// articleKind is what the article's text is, as its source said; for
// events stored before sources said it, a page without a scholarly
// identifier is a web page and the rest is left to the tagger's reading.
func articleKind(a lumen.Article) string {
	switch {
	case a.Kind != "":
		return a.Kind
	case a.PMID == "" && a.PMCID == "" && a.DOI == "":
		return lumen.ArticleWeb
	}
	return ""
}

// mentionsIn returns the mentions (sorted by Start) that start inside [start, end).
func mentionsIn(ms []lumen.Mention, start, end int) []lumen.Mention {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= start })
	j := i
	for j < len(ms) && ms[j].Start < end {
		j++
	}
	if i == j {
		return nil
	}
	return slices.Clone(ms[i:j])
}
