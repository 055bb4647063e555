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
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/lumen-research/lumen/internal/metrics"
)

// fetcher performs single HTTP GETs through colly. The crawler makes two at
// construction, one whose transport refuses non-public addresses and one
// for sources that allow them, and reuses them (and their connection pools)
// across runs; they must not share a pool, or a connection dialled for a
// private source could serve a public one. Each request clones the
// collector (colly's way to share its HTTP backend) to give it the caller's
// context.
//
// colly is used as the HTTP engine only: the crawler keeps its own
// frontier, robots.txt cache and per-host gate, and follows redirects
// itself (so that every hop is checked and waits its turn at the host's
// gate), because colly's visited set marks a URL before the fetch (a
// failure would never be retried), its robots.txt cache never expires, its
// LimitRule counts per rule rather than per host, and its MaxBodySize
// truncates silently.
type fetcher struct {
	base *colly.Collector
	ua   string
	from string
}

func newFetcher(o *Options, allowPrivate bool) *fetcher {
	c := colly.NewCollector(
		colly.UserAgent(o.UserAgent),
		colly.AllowURLRevisit(),
		colly.IgnoreRobotsTxt(),
		colly.ParseHTTPErrorResponse(),
		colly.MaxBodySize(0), // limitTransport enforces the cap, with an error
	)
	c.DisableCookies()
	c.WithTransport(&limitTransport{base: newTransport(allowPrivate, o.Timeout), max: o.MaxBodyBytes})
	c.SetRequestTimeout(o.Timeout)
	// Redirects come back as responses; Crawler.get follows them.
	c.SetRedirectHandler(func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse })
	return &fetcher{base: c, ua: o.UserAgent, from: o.Contact}
}

type fetchRequest struct {
	URL          string
	Accept       string
	ETag         string // If-None-Match
	LastModified string // If-Modified-Since
	// Truncate, if positive, reads at most that many bytes of the body
	// and drops the rest, instead of failing a body over the size cap
	// (robots.txt, whose first 500 KiB are what RFC 9309 asks to read).
	Truncate int64
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

// get performs one attempt, without following redirects.
func (f *fetcher) get(ctx context.Context, rq fetchRequest) (*fetchResponse, error) {
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
	c := f.base.Clone()
	if rq.Truncate > 0 {
		ctx = context.WithValue(ctx, truncateKey{}, rq.Truncate)
	}
	c.Context = ctx
	var r *colly.Response
	c.OnResponseHeaders(func(res *colly.Response) {
		// colly converts a body whose Content-Type names a charset other
		// than UTF-8, trusting the label, before anyone sees it: a UTF-8
		// page under a server's default "ISO-8859-1" would become
		// mojibake that no later step can tell from text. The label is
		// hidden from colly and given back below; extract.ToUTF8, which
		// weighs it against the bytes, decides.
		if ct := res.Headers.Get("Content-Type"); strings.Contains(strings.ToLower(ct), "charset") {
			base, _, _ := strings.Cut(ct, ";")
			res.Headers.Set(labelHeader, ct)
			res.Headers.Set("Content-Type", strings.TrimSpace(base))
		}
	})
	c.OnResponse(func(res *colly.Response) { r = res })
	if err := c.Request(http.MethodGet, rq.URL, nil, nil, hdr); err != nil {
		return nil, err
	}
	if r == nil {
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
	if ct := resp.Header.Get(labelHeader); ct != "" {
		resp.Header = resp.Header.Clone()
		resp.Header.Set("Content-Type", ct)
		resp.Header.Del(labelHeader)
	}
	return resp, nil
}

// labelHeader keeps a response's Content-Type while colly must not see its
// charset (see get).
const labelHeader = "X-Lumen-Content-Type"

// retryable reports whether a failed attempt may succeed if repeated.
func retryable(status int, err error) bool {
	if err != nil {
		if errors.Is(err, ErrPrivateAddress) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrTooManyRedirects) ||
			errors.Is(err, ErrRedirectLoop) || errors.Is(err, ErrBadEncoding) ||
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
	case errors.Is(err, ErrRedirectLoop):
		return "redirect_loop"
	case errors.Is(err, ErrBadEncoding):
		return "bad_encoding"
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
	detail  string // for people, optional: "robots.txt answered 503 ..."
}

// describe is the reason, with its detail when there is one.
func (m *miss) describe() string {
	if m.detail == "" {
		return m.reason
	}
	return m.reason + " (" + m.detail + ")"
}

// isRedirect reports whether status is a redirect the crawler follows.
func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect,
		http.StatusPermanentRedirect:
		return true
	}
	return false
}

// get fetches rq for run r and follows its redirects. Each hop gets the SSRF
// pre-check, robots.txt (unless apiRequest) and its turn at its host's
// gate, and is retried on its own (see attempt); a chain that comes back
// to one of its URLs fails as redirect_loop, one longer than MaxRedirects
// as too_many_redirects. It returns the final response, with any status
// (its URL says where it came from), or why there is none.
func (c *Crawler) get(ctx context.Context, r *task, rq fetchRequest, apiRequest bool) (*fetchResponse, *miss) {
	u, err := url.Parse(rq.URL)
	if err != nil || u.Host == "" {
		return nil, &miss{"failed", "bad_url", ""}
	}
	chain := []string{u.String()}
	for hops := 0; ; hops++ {
		if r.paused(u.Host) {
			return nil, &miss{"skipped", "host_paused", ""}
		}
		if !r.src.AllowPrivate {
			if err := checkHost(u.Hostname()); err != nil {
				c.log.Info("fetch refused", "source", r.src.Name, "url", redactKey(u.String()), "reason", "private_address")
				return nil, &miss{"failed", "private_address", ""}
			}
		}
		if !apiRequest {
			if m := c.robotsAllow(ctx, r, u); m != nil {
				return nil, m
			}
		}
		rq.URL = u.String()
		resp, m := c.attempt(ctx, r, rq, u)
		if m != nil || !isRedirect(resp.Status) {
			return resp, m
		}
		loc := strings.TrimSpace(resp.Header.Get("Location"))
		if loc == "" {
			return resp, nil // a 3xx without a target: the caller sees the status
		}
		next, err := u.Parse(loc)
		if err == nil && len(next.String()) > maxURLBytes {
			err = ErrURLTooLong
			loc = loc[:min(len(loc), 200)] + "..."
		}
		if err == nil {
			next.Fragment, next.RawFragment = "", ""
			err = checkRedirectTarget(next, r.src.AllowPrivate)
		}
		var reason string
		switch {
		case errors.Is(err, ErrPrivateAddress):
			reason = "private_address"
		case errors.Is(err, ErrURLTooLong):
			reason = "url_too_long"
		case err != nil:
			reason = "bad_redirect"
		case slices.Contains(chain, next.String()):
			reason = reasonOf(0, ErrRedirectLoop)
		case hops+1 > c.o.MaxRedirects:
			reason = reasonOf(0, ErrTooManyRedirects)
		}
		if reason != "" {
			c.o.Metrics.Error(metrics.StageFetch, reason)
			c.log.Info("fetch failed", "source", r.src.Name, "url", redactKey(chain[0]), "reason", reason,
				"redirects", hops+1, "to", redactKey(loc))
			return nil, &miss{"failed", reason, ""}
		}
		chain = append(chain, next.String())
		u = next
		// Validators belong to the URL they came from.
		rq.ETag, rq.LastModified = "", ""
	}
}

// robotsAllow checks u against its host's robots.txt.
func (c *Crawler) robotsAllow(ctx context.Context, r *task, u *url.URL) *miss {
	v, network, err := c.robots.check(ctx, u, func(ctx context.Context, ru string) (int, []byte, error) {
		return c.fetchRobots(ctx, r, ru)
	})
	switch {
	case err != nil:
		return &miss{"failed", reasonOf(0, err), "robots.txt could not be fetched"}
	case v == robotsDisallowed:
		return &miss{"skipped", "robots", "robots.txt disallows it"}
	case v == robotsUnavailable && network != "":
		return &miss{"failed", network, "robots.txt could not be fetched"}
	case v == robotsUnavailable:
		return &miss{"skipped", "robots_unavailable", "robots.txt answered " + c.robots.status(u) +
			", so nothing on the host is fetched; it is asked again after a backoff of a minute to an hour"}
	}
	return nil
}

// attempt fetches one URL (no redirects) with retries: exponential backoff
// with jitter, honouring Retry-After. A timeout is retried once at most: a
// server that did not answer within the timeout twice is not waited for a
// third time. A host whose URLs time out (after that retry) HostTimeouts
// times in a row, with no answer in between, is paused for the rest of the
// run.
func (c *Crawler) attempt(ctx context.Context, r *task, rq fetchRequest, u *url.URL) (*fetchResponse, *miss) {
	// The time spent in requests, every attempt's: not the waits at the
	// host's gate (its politeness delay) nor the backoff between attempts,
	// which measure Lumen's own queue, not the site.
	var took time.Duration
	for attempt := 0; ; attempt++ {
		release, err := c.gate.acquire(ctx, u.Host)
		if err != nil {
			return nil, &miss{"failed", "canceled", ""}
		}
		if r.paused(u.Host) { // while this request waited at the gate
			release()
			return nil, &miss{"skipped", "host_paused", ""}
		}
		start := time.Now()
		resp, err := r.fetch.get(ctx, rq)
		took += time.Since(start)
		reason := reasonOf(0, err)
		final := attempt >= c.o.Retries || reason == "timeout" && attempt >= 1
		// A URL that timed out for good counts toward its host's breaker,
		// before the gate lets the next request to the host go.
		pausedNow := reason == "timeout" && final && r.timedOut(u.Host, c.o.HostTimeouts)
		if resp != nil {
			r.answered(u.Host)
		}
		release()
		status := 0
		if resp != nil {
			status = resp.Status
			resp.Attempts = attempt + 1
			c.o.Metrics.Fetched(r.src.Name, c.hostLabel(u.Host), status, len(resp.Body), took)
			c.log.Debug("fetched", "source", r.src.Name, "url", redactKey(rq.URL), "status", status, "bytes", len(resp.Body),
				"took", took.Round(time.Millisecond), "attempt", attempt+1)
			r.fetched()
		}
		if ctx.Err() != nil {
			return nil, &miss{"failed", "canceled", ""}
		}
		reason = reasonOf(status, err)
		last := final
		if pausedNow {
			c.log.Warn("host paused for the rest of the run: it timed out repeatedly", "source", r.src.Name,
				"host", u.Host, "timeouts", c.o.HostTimeouts)
			c.o.Metrics.Error(metrics.StageFetch, "host_paused")
			last = true
		}
		if !retryable(status, err) || last {
			if err != nil {
				c.o.Metrics.Error(metrics.StageFetch, reason)
				c.log.Info("fetch failed", "source", r.src.Name, "url", redactKey(rq.URL), "reason", reason, "attempts", attempt+1, "err", redactKey(err.Error()))
				return nil, &miss{"failed", reason, ""}
			}
			return resp, nil
		}
		delay := backoffDelay(c.o.RetryBase, attempt)
		if resp != nil {
			if ra, ok := retryAfter(resp.Header, time.Now()); ok {
				if ra > maxRetryAfter {
					c.log.Info("fetch rate limited", "source", r.src.Name, "url", redactKey(rq.URL), "retry_after", ra)
					c.gate.pause(u.Host, time.Now().Add(ra))
					return nil, &miss{"failed", "rate_limited", ""}
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
			return nil, &miss{"failed", "canceled", ""}
		case <-t.C:
		}
	}
}

// maxRobotsRedirects is how many redirects a robots.txt fetch follows (RFC
// 9309 asks for at least five); a robots.txt that cannot be reached through
// them counts as absent.
const maxRobotsRedirects = 5

// fetchRobots fetches a robots.txt, following redirects hop by hop through
// the host gate.
func (c *Crawler) fetchRobots(ctx context.Context, r *task, u string) (int, []byte, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return 0, nil, err
	}
	for hops := 0; ; hops++ {
		release, err := c.gate.acquire(ctx, pu.Host)
		if err != nil {
			return 0, nil, err
		}
		resp, err := r.fetch.get(ctx, fetchRequest{URL: pu.String(), Accept: "text/plain,*/*;q=0.5", Truncate: robotsMaxBytes})
		release()
		if err != nil {
			c.log.Info("robots.txt unavailable", "source", r.src.Name, "url", pu.String(), "reason", reasonOf(0, err))
			return 0, nil, err
		}
		c.o.Metrics.Fetched(r.src.Name, c.hostLabel(pu.Host), resp.Status, len(resp.Body), 0)
		if isRedirect(resp.Status) {
			next, err := pu.Parse(strings.TrimSpace(resp.Header.Get("Location")))
			if err != nil || hops >= maxRobotsRedirects || checkRedirectTarget(next, r.src.AllowPrivate) != nil {
				return http.StatusNotFound, nil, nil
			}
			pu = next
			continue
		}
		if resp.Status >= 500 {
			c.log.Info("robots.txt unavailable", "source", r.src.Name, "url", pu.String(), "status", resp.Status)
		}
		return resp.Status, resp.Body, nil
	}
}
