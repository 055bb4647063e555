package worker_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/bus/bustest"
	"github.com/lumen-research/lumen/internal/tagger"
	"github.com/lumen-research/lumen/worker"
)

func realTagger(t *testing.T) *tagger.Tagger {
	t.Helper()
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tagger.New(tax)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func article(text string) lumen.Article {
	a := lumen.Article{ID: lumen.NewID("url:https://example.org/" + text[:10]), URL: "https://example.org/", Title: "T", Text: text, FetchedAt: time.Now()}
	a.ContentHash = a.ComputeContentHash()
	return a
}

func TestHandlePublishesTaggedArticle(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	w := worker.New(realTagger(t), b, nil, nil)
	// The same claim twice in one article: two claims with different ids.
	text := "Probiotics reduced acne lesions in the trial. Leaky gut may worsen psoriasis. Probiotics reduced acne lesions in the trial."
	a := article(text)
	if err := w.Handle(ctx, lumen.ArticleFetched{Article: a}); err != nil {
		t.Fatal(err)
	}
	var got []lumen.ArticleTagged
	if err := b.ReplayTagged(ctx, func(ev lumen.ArticleTagged) error { got = append(got, ev); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d tagged events, want 1", len(got))
	}
	ev := got[0]
	if ev.Article.ID != a.ID || ev.TaxonomyVersion == "" || len(ev.Claims) != 3 || len(ev.Concepts) == 0 {
		t.Fatalf("tagged event = %+v", ev)
	}
	ids := map[string]bool{}
	for _, c := range ev.Claims {
		if c.ArticleID != a.ID || !lumen.ValidID(c.ID) || text[c.Start:c.End] != c.Text {
			t.Errorf("claim = %+v", c)
		}
		ids[c.ID] = true
	}
	if len(ids) != 3 {
		t.Errorf("claim ids not distinct: %v", ids)
	}
	// Tagging again gives the same ids (stable across re-tags).
	again, err := w.Tag(a)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range again.Claims {
		if c.ID != ev.Claims[i].ID {
			t.Errorf("claim %d id changed on re-tag: %s != %s", i, c.ID, ev.Claims[i].ID)
		}
	}
	// Handling the same event again is harmless (the bus drops the duplicate).
	if err := w.Handle(ctx, lumen.ArticleFetched{Article: a}); err != nil {
		t.Fatal(err)
	}
}

type panicky struct{}

func (panicky) Tag(tagger.Document) tagger.Result { panic("tagger bug") }
func (panicky) Version() string                   { return "x" }

type failingPublisher struct{}

func (failingPublisher) PublishTagged(context.Context, lumen.ArticleTagged) error {
	return errors.New("nats: timeout")
}

func TestHandleErrors(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	a := article("Probiotics reduced acne lesions in the trial.")

	// A tagger panic: the event can never be tagged; not retried.
	err := worker.New(panicky{}, b, nil, nil).Handle(ctx, lumen.ArticleFetched{Article: a})
	if !errors.Is(err, lumen.ErrInvalid) || !strings.Contains(err.Error(), "tagger bug") {
		t.Errorf("panicking tagger: %v, want ErrInvalid", err)
	}
	// An invalid article id: never retried.
	bad := a
	bad.ID = "../../etc"
	if err := worker.New(realTagger(t), b, nil, nil).Handle(ctx, lumen.ArticleFetched{Article: bad}); !errors.Is(err, lumen.ErrInvalid) {
		t.Errorf("invalid id: %v, want ErrInvalid", err)
	}
	// A publishing failure: returned as is, for redelivery.
	err = worker.New(realTagger(t), failingPublisher{}, nil, nil).Handle(ctx, lumen.ArticleFetched{Article: a})
	if err == nil || errors.Is(err, lumen.ErrInvalid) {
		t.Errorf("publish failure: %v, want a retryable error", err)
	}
}
