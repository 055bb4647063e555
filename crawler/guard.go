package crawler

import (
	"compress/flate"
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
	// ErrURLTooLong: a URL (a link, a listing's entry, a redirect's
	// target) is longer than 4,096 bytes; it is not fetched.
	ErrURLTooLong = errors.New("URL longer than 4096 bytes")
	// ErrBadEncoding: the response's Content-Encoding (gzip, deflate)
	// could not be decoded; asking again gives the same bytes.
	ErrBadEncoding = errors.New("response body's encoding is corrupt")
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

// truncateKey carries fetchRequest.Truncate in a request's context.
type truncateKey struct{}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	truncate, _ := req.Context().Value(truncateKey{}).(int64)
	if truncate > 0 {
		// Whatever its length, only the first bytes are read.
		if isGzip(req, res) && !res.Uncompressed {
			zr, err := gzip.NewReader(io.LimitReader(res.Body, t.max))
			if err != nil {
				res.Body.Close()
				return nil, fmt.Errorf("%s: gzip: %w: %w", req.URL.Redacted(), ErrBadEncoding, err)
			}
			res.Body = &gzipBody{zr: zr, c: res.Body}
			res.Header.Del("Content-Encoding")
			res.Uncompressed = true
		}
		res.Body = &truncatedBody{r: io.LimitReader(res.Body, min(truncate, t.max)), c: res.Body}
		res.Header.Del("Content-Length")
		res.ContentLength = -1
		return res, nil
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
			return nil, fmt.Errorf("%s: gzip: %w: %w", req.URL.Redacted(), ErrBadEncoding, err)
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

// truncatedBody reads the first bytes of a body and closes all of it.
type truncatedBody struct {
	r io.Reader
	c io.Closer
}

func (b *truncatedBody) Read(p []byte) (int, error) { return b.r.Read(p) }
func (b *truncatedBody) Close() error               { return b.c.Close() }

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
	if corruptEncoding(err) {
		err = fmt.Errorf("%w: %w", ErrBadEncoding, err)
	}
	return n, err
}

// corruptEncoding reports whether err says a compressed body is corrupt
// (a bad gzip header or checksum, invalid deflate data), as opposed to cut
// short by the connection (io.ErrUnexpectedEOF), which may pass.
func corruptEncoding(err error) bool {
	var flateErr flate.CorruptInputError
	return errors.Is(err, gzip.ErrHeader) || errors.Is(err, gzip.ErrChecksum) || errors.As(err, &flateErr)
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
