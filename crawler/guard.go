package crawler

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Errors that classify why a fetch failed; see reasonOf.
var (
	// ErrPrivateAddress: the URL's host is, or resolves to, a loopback,
	// private, link-local, metadata or otherwise non-public address.
	ErrPrivateAddress = errors.New("refused: non-public address")
	// ErrTooLarge: the response body (after decompression) exceeds the cap.
	ErrTooLarge = errors.New("response body exceeds the size cap")
	// ErrTooManyRedirects: the redirect limit was reached.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrRedirectLoop: a redirect led back to a URL of the same chain.
	ErrRedirectLoop = errors.New("redirect loop")
)

// errBadRedirect: a redirect to something other than an http(s) URL.
var errBadRedirect = errors.New("not an http(s) URL")

// nonPublic lists address ranges that are never fetched unless a source
// allows private addresses. Loopback, private, link-local (which holds the
// cloud metadata endpoints 169.254.169.254 and fd00:ec2::254 is in fc00::/7),
// unspecified and multicast are checked with netip's predicates.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64 can reach IPv4 private space
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
}

// publicAddr reports whether ip may be fetched from without AllowPrivate.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// checkHost refuses a URL host that is a non-public IP literal or a name that
// is non-public by definition, before any DNS lookup. Names that resolve to
// non-public addresses are caught at dial time.
func checkHost(host string) error {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || h == "metadata.google.internal" {
		return fmt.Errorf("%s: %w", host, ErrPrivateAddress)
	}
	if ip, err := netip.ParseAddr(strings.Trim(h, "[]")); err == nil && !publicAddr(ip) {
		return fmt.Errorf("%s: %w", host, ErrPrivateAddress)
	}
	return nil
}

// newTransport returns an HTTP transport whose dialer refuses non-public
// addresses (unless allowPrivate) after DNS resolution, for every connection,
// so redirects and DNS rebinding cannot reach them either. It ignores proxy
// environment variables: a proxy would resolve names where the guard cannot
// see them.
func newTransport(allowPrivate bool, timeout time.Duration) *http.Transport {
	dialer := &net.Dialer{
		Timeout:   min(timeout, 15*time.Second),
		KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			if allowPrivate {
				return nil
			}
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
			}
			if !publicAddr(ap.Addr()) {
				return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
			}
			return nil
		},
	}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   min(timeout, 15*time.Second),
		ResponseHeaderTimeout: timeout,
		ExpectContinueTimeout: time.Second,
	}
}

// limitTransport caps every response body at max bytes after decompression:
// reading past the cap fails with ErrTooLarge instead of silently truncating.
// It also decompresses gzip bodies the standard transport leaves compressed
// (a .gz URL, Content-Type application/gzip) so that the cap applies to what
// is decompressed; callers then see plain bytes.
type limitTransport struct {
	base http.RoundTripper
	max  int64
}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if res.ContentLength > t.max {
		res.Body.Close()
		return nil, fmt.Errorf("%s: Content-Length %d: %w", req.URL.Redacted(), res.ContentLength, ErrTooLarge)
	}
	body := res.Body
	if !res.Uncompressed && isGzip(req, res) {
		zr, err := gzip.NewReader(io.LimitReader(body, t.max))
		if err != nil {
			body.Close()
			return nil, fmt.Errorf("%s: gzip: %w", req.URL.Redacted(), err)
		}
		body = &gzipBody{zr: zr, c: body}
		res.Header.Del("Content-Encoding")
		res.Header.Del("Content-Length")
		res.ContentLength = -1
		res.Uncompressed = true
	}
	res.Body = &limitedBody{r: body, left: t.max}
	return res, nil
}

func isGzip(req *http.Request, res *http.Response) bool {
	ce := strings.ToLower(res.Header.Get("Content-Encoding"))
	ct := strings.ToLower(res.Header.Get("Content-Type"))
	return strings.Contains(ce, "gzip") ||
		ce == "" && (strings.Contains(ct, "application/gzip") || strings.Contains(ct, "application/x-gzip") ||
			strings.HasSuffix(strings.ToLower(req.URL.Path), ".gz"))
}

type gzipBody struct {
	zr *gzip.Reader
	c  io.Closer
}

func (g *gzipBody) Read(p []byte) (int, error) { return g.zr.Read(p) }
func (g *gzipBody) Close() error {
	g.zr.Close()
	return g.c.Close()
}

type limitedBody struct {
	r    io.ReadCloser
	left int64
}

func (l *limitedBody) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, ErrTooLarge
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, ErrTooLarge
	}
	return n, err
}

func (l *limitedBody) Close() error { return l.r.Close() }

// checkRedirectTarget keeps redirects on http(s) and applies the host check
// to every hop (the dialer checks the resolved addresses).
func checkRedirectTarget(u *url.URL, allowPrivate bool) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", u.Redacted(), errBadRedirect)
	}
	if u.Hostname() == "" || u.User != nil {
		return fmt.Errorf("redirect to %s: %w", u.Redacted(), errBadRedirect)
	}
	if !allowPrivate {
		if err := checkHost(u.Hostname()); err != nil {
			return err
		}
	}
	return nil
}
