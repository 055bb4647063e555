package crawler

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/lumen-research/lumen/internal/metrics"
)

// fetcher performs single HTTP GETs through colly. One is made per crawl run,
// bound to the run's context and to whether the source allows private
// addresses. colly is used as the HTTP engine only: the crawler keeps its own
// frontier, robots.txt cache and per-host gate, because colly's visited set
// marks a URL before the fetch (a failure would never be retried), its
// robots.txt cache never expires, its LimitRule counts per rule rather than
// per host, and its MaxBodySize truncates silently.
type fetcher struct {
	c    *colly.Collector
	ua   string
	from string
}

func newFetcher(ctx context.Context, o *Options, allowPrivate bool) *fetcher {
	c := colly.NewCollector(
		colly.StdlibContext(ctx),
		colly.UserAgent(o.UserAgent),
		colly.AllowURLRevisit(),
		colly.IgnoreRobotsTxt(),
		colly.ParseHTTPErrorResponse(),
		colly.MaxBodySize(0), // limitTransport enforces the cap, with an error
	)
	c.DisableCookies()
	c.WithTransport(&limitTransport{base: newTransport(allowPrivate, o.Timeout), max: o.MaxBodyBytes})
	c.SetRequestTimeout(o.Timeout)
	c.SetRedirectHandler(checkRedirect(o.MaxRedirects, allowPrivate))
	c.OnResponse(func(r *colly.Response) { r.Ctx.Put("response", r) })
	return &fetcher{c: c, ua: o.UserAgent, from: o.Contact}
}

type fetchRequest struct {
	URL          string
	Accept       string
	ETag         string // If-None-Match
	LastModified string // If-Modified-Since
}

type fetchResponse struct {
	URL      string // after redirects
	Status   int
	Header   http.Header
	Body     []byte
	Attempts int
}

// ContentType returns the media type without parameters, lower case.
func (r *fetchResponse) ContentType() string {
	ct, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
	return strings.ToLower(strings.TrimSpace(ct))
}

// get performs one attempt.
func (f *fetcher) get(rq fetchRequest) (*fetchResponse, error) {
	hdr := http.Header{}
	hdr.Set("User-Agent", f.ua)
	if f.from != "" {
		hdr.Set("From", f.from)
	}
	accept := rq.Accept
	if accept == "" {
		accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
	}
	hdr.Set("Accept", accept)
	if rq.ETag != "" {
		hdr.Set("If-None-Match", rq.ETag)
	}
	if rq.LastModified != "" {
		hdr.Set("If-Modified-Since", rq.LastModified)
	}
	cctx := colly.NewContext()
	if err := f.c.Request(http.MethodGet, rq.URL, nil, cctx, hdr); err != nil {
		return nil, err
	}
	r, ok := cctx.GetAny("response").(*colly.Response)
	if !ok {
		return nil, fmt.Errorf("get %s: no response", rq.URL)
	}
	resp := &fetchResponse{URL: rq.URL, Status: r.StatusCode, Body: r.Body}
	if r.Request != nil && r.Request.URL != nil {
		resp.URL = r.Request.URL.String()
	}
	if r.Headers != nil {
		resp.Header = *r.Headers
	} else {
		resp.Header = http.Header{}
	}
	// colly converts a body whose Content-Type names a charset to UTF-8;
	// say so, so that the extractor does not decode it a second time.
	if ct := resp.Header.Get("Content-Type"); strings.Contains(strings.ToLower(ct), "charset=") {
		base, _, _ := strings.Cut(ct, ";")
		resp.Header.Set("Content-Type", base+"; charset=utf-8")
	}
	return resp, nil
}

// retryable reports whether a failed attempt may succeed if repeated.
func retryable(status int, err error) bool {
	if err != nil {
		if errors.Is(err, ErrPrivateAddress) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrTooManyRedirects) ||
			errors.Is(err, context.Canceled) {
			return false
		}
		var dnsErr *net.DNSError
		if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
			return false
		}
		var uerr *url.Error
		if errors.As(err, &uerr) && strings.Contains(uerr.Err.Error(), "scheme not allowed") {
			return false
		}
		return true
	}
	switch status {
	case http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryAfter parses a Retry-After header (seconds or an HTTP date).
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// backoffDelay is exponential with full jitter: a random duration in
// [base*2^attempt/2, base*2^attempt], capped at maxBackoff.
func backoffDelay(base time.Duration, attempt int) time.Duration {
	d := min(base<<min(attempt, 10), maxBackoff)
	return d/2 + rand.N(d/2+1)
}

const (
	maxBackoff = time.Minute
	// maxRetryAfter is the longest Retry-After the crawler waits for within a
	// run; a longer one fails the URL for this run (reason rate_limited).
	maxRetryAfter = 5 * time.Minute
)

// reasonOf names why a fetch failed, for run records and metrics.
func reasonOf(status int, err error) string {
	if err == nil {
		if status >= 400 {
			return "http_" + strconv.Itoa(status)
		}
		return ""
	}
	var dnsErr *net.DNSError
	var opErr *net.OpError
	switch {
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, ErrPrivateAddress):
		return "private_address"
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrTooManyRedirects):
		return "too_many_redirects"
	case errors.As(err, &dnsErr):
		return "dns"
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) || isTimeout(err):
		return "timeout"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection_refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection_reset"
	case strings.Contains(err.Error(), "tls:") || strings.Contains(err.Error(), "x509:"):
		return "tls"
	case errors.As(err, &opErr):
		return "network"
	case strings.Contains(err.Error(), "EOF"):
		return "connection_closed"
	}
	return "error"
}

func isTimeout(err error) bool {
	var te interface{ Timeout() bool }
	return errors.As(err, &te) && te.Timeout()
}

// result of get when there is no response to work with.
type miss struct {
	outcome string // skipped or failed
	reason  string
}

// get fetches rq for run r: the SSRF pre-check, robots.txt (unless
// apiRequest), the per-host gate, and retries with exponential backoff and
// jitter that honour Retry-After. It returns a response with any status, or
// why there is none.
func (c *Crawler) get(ctx context.Context, r *run, rq fetchRequest, apiRequest bool) (*fetchResponse, *miss) {
	u, err := url.Parse(rq.URL)
	if err != nil {
		return nil, &miss{"failed", "bad_url"}
	}
	if !r.src.AllowPrivate {
		if err := checkHost(u.Hostname()); err != nil {
			c.log.Info("fetch refused", "source", r.src.Name, "url", rq.URL, "reason", "private_address")
			return nil, &miss{"failed", "private_address"}
		}
	}
	if !apiRequest {
		v, network, err := c.robots.check(ctx, u, func(ctx context.Context, ru string) (int, []byte, error) {
			return c.fetchRobots(ctx, r, ru)
		})
		switch {
		case err != nil:
			return nil, &miss{"failed", reasonOf(0, err)}
		case v == robotsDisallowed:
			return nil, &miss{"skipped", "robots"}
		case v == robotsUnavailable && network != "":
			return nil, &miss{"failed", network}
		case v == robotsUnavailable:
			return nil, &miss{"skipped", "robots_unavailable"}
		}
	}
	start := time.Now()
	for attempt := 0; ; attempt++ {
		release, err := c.gate.acquire(ctx, u.Host)
		if err != nil {
			return nil, &miss{"failed", "canceled"}
		}
		resp, err := r.fetch.get(rq)
		release()
		status := 0
		if resp != nil {
			status = resp.Status
			resp.Attempts = attempt + 1
			c.o.Metrics.Fetched(r.src.Name, u.Host, status, len(resp.Body), time.Since(start))
			r.fetched()
		}
		if ctx.Err() != nil {
			return nil, &miss{"failed", "canceled"}
		}
		if !retryable(status, err) || attempt >= c.o.Retries {
			if err != nil {
				reason := reasonOf(status, err)
				c.o.Metrics.Error(metrics.StageFetch, reason)
				c.log.Info("fetch failed", "source", r.src.Name, "url", redactKey(rq.URL), "reason", reason, "attempts", attempt+1, "err", redactKey(err.Error()))
				return nil, &miss{"failed", reason}
			}
			return resp, nil
		}
		delay := backoffDelay(c.o.RetryBase, attempt)
		if resp != nil {
			if ra, ok := retryAfter(resp.Header, time.Now()); ok {
				if ra > maxRetryAfter {
					c.log.Info("fetch rate limited", "source", r.src.Name, "url", redactKey(rq.URL), "retry_after", ra)
					c.gate.pause(u.Host, time.Now().Add(ra))
					return nil, &miss{"failed", "rate_limited"}
				}
				delay = max(delay, ra)
				c.gate.pause(u.Host, time.Now().Add(ra))
			}
		}
		errText := ""
		if err != nil {
			errText = redactKey(err.Error())
		}
		c.log.Debug("fetch retry", "source", r.src.Name, "url", redactKey(rq.URL), "status", status, "err", errText, "delay", delay)
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, &miss{"failed", "canceled"}
		case <-t.C:
		}
	}
}

func (c *Crawler) fetchRobots(ctx context.Context, r *run, u string) (int, []byte, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return 0, nil, err
	}
	release, err := c.gate.acquire(ctx, pu.Host)
	if err != nil {
		return 0, nil, err
	}
	defer release()
	resp, err := r.fetch.get(fetchRequest{URL: u, Accept: "text/plain,*/*;q=0.5"})
	if err != nil {
		c.log.Info("robots.txt unavailable", "source", r.src.Name, "url", u, "reason", reasonOf(0, err))
		return 0, nil, err
	}
	c.o.Metrics.Fetched(r.src.Name, pu.Host, resp.Status, len(resp.Body), 0)
	if resp.Status >= 500 {
		c.log.Info("robots.txt unavailable", "source", r.src.Name, "url", u, "status", resp.Status)
	}
	return resp.Status, resp.Body, nil
}
