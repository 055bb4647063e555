package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/crawler"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/httpapi"
)

// bucketCrawlRequests keeps where each operator's crawl request stands.
const bucketCrawlRequests = "lumen_crawl_requests"

// crawlRequestTTL is how long a request's state is kept.
const crawlRequestTTL = 30 * 24 * time.Hour

// Bounds of a requested crawl.
const (
	maxRequestPages = 100000
	maxRequestDepth = 10
)

var _ httpapi.Crawls = (*crawlRequests)(nil)

// crawlRequests takes operators' crawl requests (from the API), records
// their state, and runs them in the processes that crawl.
type crawlRequests struct {
	bus     *bus.Bus
	state   *bus.KV
	runs    *bus.KV
	sources []lumen.Source
	log     *slog.Logger
	now     func() time.Time
}

func (a *app) crawlRequests(ctx context.Context) (*crawlRequests, error) {
	state, err := a.bus.KVWithTTL(ctx, bucketCrawlRequests, crawlRequestTTL)
	if err != nil {
		return nil, err
	}
	runs, err := a.bus.KV(ctx, bucketCrawlRuns)
	if err != nil {
		return nil, err
	}
	return &crawlRequests{bus: a.bus, state: state, runs: runs, sources: a.cfg.Sources,
		log: a.log.With("component", "crawl-requests"), now: time.Now}, nil
}

func requestKey(id string) string { return "req." + id }

// source returns the source a request crawls.
func (c *crawlRequests) source(req lumen.CrawlRequest) (lumen.Source, error) {
	var src lumen.Source
	switch {
	case req.Source != "" && req.Seed != "":
		return src, lumen.Invalidf("seed", "give a source or a seed, not both")
	case req.Source != "":
		s, ok := sourceByName(c.sources, req.Source)
		if !ok {
			names := make([]string, len(c.sources))
			for i, s := range c.sources {
				names[i] = s.Name
			}
			return src, lumen.Invalidf("source", "no configured source %q (configured: %v)", req.Source, names)
		}
		if req.AllowPrivate {
			return src, lumen.Invalidf("allow_private", "applies to a seed only; set allow_private on the source in the configuration")
		}
		src = s
	case req.Seed != "":
		if err := lumen.CheckHTTPURL(req.Seed); err != nil {
			return src, lumen.Invalidf("seed", "%v", err)
		}
		s, err := seedSource(req.Seed, -1, req.AllowPrivate)
		if err != nil {
			return src, lumen.Invalidf("seed", "%v", err)
		}
		src = s
	default:
		return src, lumen.Invalidf("source", "give the name of a configured source, or a seed URL")
	}
	if req.MaxPages < 0 || req.MaxPages > maxRequestPages {
		return src, lumen.Invalidf("max_pages", "must be between 0 (the source's) and %d", maxRequestPages)
	}
	if req.MaxPages > 0 {
		src.MaxPages = req.MaxPages
	}
	if req.MaxDepth != nil {
		if *req.MaxDepth < 0 || *req.MaxDepth > maxRequestDepth {
			return src, lumen.Invalidf("max_depth", "must be between 0 and %d", maxRequestDepth)
		}
		src.MaxDepth = lumen.Depth(*req.MaxDepth)
	}
	return src, nil
}

func sourceByName(sources []lumen.Source, name string) (lumen.Source, bool) {
	for _, s := range sources {
		if s.Name == name {
			return s, true
		}
	}
	return lumen.Source{}, false
}

// RequestCrawl checks a request, records it as queued and hands it over
// NATS to whichever process crawls.
func (c *crawlRequests) RequestCrawl(ctx context.Context, p lumen.Principal, req lumen.CrawlRequest) (lumen.CrawlRequestState, error) {
	if !p.Can(lumen.RoleAdmin) {
		return lumen.CrawlRequestState{}, fmt.Errorf("starting a crawl needs the admin role: %w", lumen.ErrForbidden)
	}
	src, err := c.source(req)
	if err != nil {
		return lumen.CrawlRequestState{}, err
	}
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return lumen.CrawlRequestState{}, fmt.Errorf("crawl request: %w", err)
	}
	req.ID, req.RequestedBy, req.At = hex.EncodeToString(id), p.Name, c.now().UTC()
	st := lumen.CrawlRequestState{Request: req, Status: lumen.CrawlQueued, Source: src.Name, Updated: req.At}
	if err := c.save(ctx, st); err != nil {
		return st, err
	}
	if err := c.bus.PublishCrawlRequest(ctx, req); err != nil {
		return st, err
	}
	c.log.Info("crawl requested", "request", req.ID, "source", src.Name, "by", p.Name)
	return st, nil
}

func (c *crawlRequests) save(ctx context.Context, st lumen.CrawlRequestState) error {
	st.Run = nil
	data, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("crawl request %s: %w", st.Request.ID, err)
	}
	_, err = c.state.Put(ctx, requestKey(st.Request.ID), data)
	return err
}

// CrawlRequest returns where a request stands, with its run's record (the
// counts so far while it runs).
func (c *crawlRequests) CrawlRequest(ctx context.Context, id string) (lumen.CrawlRequestState, error) {
	var st lumen.CrawlRequestState
	if !lumen.ValidID(id) {
		return c.runByID(ctx, id)
	}
	data, _, err := c.state.Get(ctx, requestKey(id))
	if err != nil {
		return st, fmt.Errorf("crawl request %s: %w", id, err)
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return st, fmt.Errorf("crawl request %s: %w", id, err)
	}
	if st.Status == lumen.CrawlQueued {
		return st, nil
	}
	if r, ok := c.findRun(ctx, st.Source, st.RunID); ok {
		st.Run = &r
	}
	return st, nil
}

// findRun returns the run of a source with that id (with its counts so far
// while it runs).
func (c *crawlRequests) findRun(ctx context.Context, source, id string) (lumen.CrawlRun, bool) {
	if id == "" {
		return lumen.CrawlRun{}, false
	}
	runs, err := crawler.ListRuns(ctx, c.runs, source, 0)
	if err != nil {
		c.log.Warn("list runs", "source", source, "err", err)
		return lumen.CrawlRun{}, false
	}
	for _, r := range runs {
		if r.ID == id {
			return r, true
		}
	}
	return lumen.CrawlRun{}, false
}

// runByID shows a run that no request started (a scheduled one), by its id.
func (c *crawlRequests) runByID(ctx context.Context, id string) (lumen.CrawlRequestState, error) {
	runs, err := crawler.ListRuns(ctx, c.runs, "", 0)
	if err != nil {
		return lumen.CrawlRequestState{}, err
	}
	for _, r := range runs {
		if r.ID == id {
			st := lumen.CrawlRequestState{Status: lumen.CrawlRunning, Source: r.Source, RunID: r.ID, Run: &r, Updated: r.Started}
			if !r.Finished.IsZero() {
				st.Status, st.Updated, st.Error = finished(r)
			}
			return st, nil
		}
	}
	return lumen.CrawlRequestState{}, fmt.Errorf("crawl %q: %w", id, lumen.ErrNotFound)
}

// handle runs one request in this process's crawler.
func (c *crawlRequests) handle(cr *crawler.Crawler) func(context.Context, lumen.CrawlRequest) error {
	return func(ctx context.Context, req lumen.CrawlRequest) error {
		log := c.log.With("request", req.ID)
		st := lumen.CrawlRequestState{Request: req, Updated: c.now().UTC()}
		src, err := c.source(req)
		if err != nil {
			// Valid when asked, but the configuration of this crawler differs.
			st.Status, st.Error = lumen.CrawlFailed, err.Error()
			log.Error("crawl request refused", "err", err)
			return errors.Join(c.save(ctx, st), fmt.Errorf("crawl request %s: %w", req.ID, lumen.ErrInvalid))
		}
		// The run takes the request's id, so that it is found by it; a
		// redelivered request whose run already finished is done.
		if prev, ok := c.findRun(ctx, src.Name, req.ID); ok && !prev.Finished.IsZero() {
			st.Source, st.RunID = src.Name, req.ID
			st.Status, _, st.Error = finished(prev)
			return c.save(ctx, st)
		}
		st.Status, st.Source, st.RunID = lumen.CrawlRunning, src.Name, req.ID
		if err := c.save(ctx, st); err != nil {
			return err
		}
		rec, err := cr.Run(ctx, src, crawler.WithRunID(req.ID))
		if errors.Is(err, lumen.ErrConflict) {
			// An interrupted run of the source comes first: resume it.
			log.Info("crawl request resumes the source's interrupted run")
			rec, err = cr.Run(ctx, src)
		}
		st.Updated, st.RunID = c.now().UTC(), rec.ID
		switch {
		case ctx.Err() != nil:
			return ctx.Err() // given back: the next crawler resumes the run
		case errors.Is(err, crawler.ErrRunning):
			st.Status, st.Error = lumen.CrawlFailed, "a run of this source is already in progress; ask again when it is done"
		case err != nil:
			st.Status, st.Error = lumen.CrawlFailed, err.Error()
		default:
			st.Status, _, st.Error = finished(rec)
		}
		log.Info("crawl request done", "status", st.Status, "run", rec.ID)
		return c.save(context.WithoutCancel(ctx), st)
	}
}

// finished is the state of a request whose run r finished: failed when
// the run did (as lumen crawl --once would exit 1), done otherwise.
func finished(r lumen.CrawlRun) (status string, at time.Time, why string) {
	if why := runFailure(r); why != "" {
		return lumen.CrawlFailed, r.Finished, why
	}
	return lumen.CrawlDone, r.Finished, ""
}
