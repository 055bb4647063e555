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
