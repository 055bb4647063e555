package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/lumen-research/lumen"
)

// Crawl requests: operators ask, through the API, for a crawl now; any
// process that crawls takes each request once.
const (
	StreamCrawlRequests   = "LUMEN_CRAWL_REQUESTS"
	SubjectCrawlRequests  = "lumen.crawl.requests"
	ConsumerCrawlRequests = "crawler"
)

func crawlRequestStreamConfig() jetstream.StreamConfig {
	return jetstream.StreamConfig{
		Name:        StreamCrawlRequests,
		Description: "operators' requests for a crawl now; each taken by one crawler",
		Subjects:    []string{SubjectCrawlRequests},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  dupeWindow,
		MaxMsgSize:  64 << 10,
	}
}

// PublishCrawlRequest queues a crawl request; it returns once JetStream has
// stored it.
func (b *Bus) PublishCrawlRequest(ctx context.Context, req lumen.CrawlRequest) error {
	data, err := json.Marshal(req)
	if err != nil {
		return fmt.Errorf("encode crawl request: %w", err)
	}
	msg := nats.NewMsg(SubjectCrawlRequests)
	msg.Data = data
	ctx, cancel := context.WithTimeout(ctx, publishTimout)
	defer cancel()
	if _, err := b.js.PublishMsg(ctx, msg, jetstream.WithMsgID("crawl-request."+req.ID)); err != nil {
		return fmt.Errorf("publish crawl request %s: %w", req.ID, err)
	}
	return nil
}

// ConsumeCrawlRequests runs handle for each crawl request, one at a time,
// until ctx is done. A request is acknowledged when handle returns nil (or
// an error wrapping lumen.ErrInvalid: it can never run), and redelivered
// otherwise; while handle runs, the server is told every few seconds that
// the request is in progress, so that a long crawl keeps it while a crashed
// process gives it back within ackWait (and the crawl, run again, resumes
// where it stopped).
func (b *Bus) ConsumeCrawlRequests(ctx context.Context, handle func(context.Context, lumen.CrawlRequest) error) error {
	c, err := b.consumer(ctx, StreamCrawlRequests, ConsumerCrawlRequests)
	if err != nil {
		return err
	}
	log := b.log.With("consumer", ConsumerCrawlRequests)
	for ctx.Err() == nil {
		msg, err := nextMsg(ctx, c)
		if err != nil {
			log.Warn("fetch crawl request", "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
			continue
		}
		if msg == nil {
			continue
		}
		var req lumen.CrawlRequest
		if err := decode(msg.Data(), &req); err != nil {
			log.Error("undecodable crawl request terminated", "err", err)
			_ = msg.Term()
			continue
		}
		err = withProgress(ctx, msg, b.ackWait/4, func() error { return handle(ctx, req) })
		if ctx.Err() != nil && err != nil {
			// Shutting down mid-crawl: give the request back, so that the
			// next crawler resumes the run.
			_ = msg.Nak()
			b.flush()
			return nil
		}
		b.settle(ctx, log, StreamCrawlRequests, ConsumerCrawlRequests, msg, err)
	}
	return nil
}

// nextMsg waits a few seconds for the consumer's next message: nil when
// none came (or ctx is done).
func nextMsg(ctx context.Context, c jetstream.Consumer) (jetstream.Msg, error) {
	fctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	batch, err := c.Fetch(1, jetstream.FetchContext(fctx))
	if err != nil {
		if fctx.Err() != nil || errors.Is(err, jetstream.ErrNoMessages) || errors.Is(err, nats.ErrTimeout) {
			return nil, nil
		}
		return nil, err
	}
	for msg := range batch.Messages() {
		return msg, nil
	}
	if err := batch.Error(); err != nil && fctx.Err() == nil && !errors.Is(err, jetstream.ErrNoMessages) && !errors.Is(err, nats.ErrTimeout) {
		return nil, err
	}
	return nil, nil
}

// withProgress runs fn and tells the server, every interval (a fraction of
// the ack wait), that msg is still being worked on.
func withProgress(ctx context.Context, msg jetstream.Msg, interval time.Duration, fn func() error) error {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(max(interval, 50*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				_ = msg.InProgress()
			}
		}
	})
	err := fn()
	close(done)
	wg.Wait()
	return err
}
