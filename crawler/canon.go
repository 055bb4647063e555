package crawler

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"golang.org/x/net/idna"
)

// trackingParams are query parameters that identify a campaign or a click,
// never the content; they are dropped from canonical URLs.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
	"_hsenc": true, "_hsmi": true, "mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true,
	"vero_id": true, "wickedid": true, "spm": true, "scid": true, "ncid": true, "cmpid": true,
	"s_cid": true, "icid": true,
}

// Canonicalize returns the canonical form of an absolute http(s) URL: scheme
// and host lower-cased (IDN hosts in punycode), default port and fragment
// dropped, dot segments resolved, tracking parameters (utm_*, fbclid, gclid
// ...) removed and the remaining query parameters sorted.
func Canonicalize(raw string) (string, error) {
	if len(raw) > maxURLBytes {
		return "", fmt.Errorf("canonicalize %.60q... (%d bytes): %w", raw, len(raw), ErrURLTooLong)
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonicalize %q: %w", raw, err)
	}
	return canonicalURL(u)
}

func canonicalURL(u *url.URL) (string, error) {
	c := *u
	c.Scheme = strings.ToLower(c.Scheme)
	if c.Scheme != "http" && c.Scheme != "https" {
		return "", fmt.Errorf("canonicalize %q: scheme must be http or https", u.Redacted())
	}
	if c.User != nil {
		return "", fmt.Errorf("canonicalize %q: credentials in URLs are not allowed", u.Redacted())
	}
	host := strings.TrimSuffix(strings.ToLower(c.Hostname()), ".")
	if host == "" {
		return "", fmt.Errorf("canonicalize %q: no host", u.Redacted())
	}
	if a, err := idna.Lookup.ToASCII(host); err == nil {
		host = a
	}
	port := c.Port()
	if port == "80" && c.Scheme == "http" || port == "443" && c.Scheme == "https" {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	c.Host = host
	c.Fragment, c.RawFragment = "", ""
	p := c.Path
	if p == "" {
		p = "/"
	}
	if strings.Contains(p, "/.") {
		clean := path.Clean(p)
		if strings.HasSuffix(p, "/") && clean != "/" {
			clean += "/"
		}
		p = clean
	}
	c.Path, c.RawPath = p, ""
	if c.RawQuery != "" {
		q := c.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
				delete(q, k)
			}
		}
		c.RawQuery = encodeSorted(q)
	}
	c.ForceQuery = false
	out := c.String()
	if len(out) > maxURLBytes {
		return "", fmt.Errorf("canonicalize %.60q... (%d bytes): %w", out, len(out), ErrURLTooLong)
	}
	return out, nil
}

// maxURLBytes bounds the URLs the crawler queues and fetches. The sitemap
// protocol caps URLs at 2,048 characters and servers commonly refuse
// request lines past 8 KiB (414); a link longer than this is a trap or
// junk, and each one queued is persisted with the run.
const maxURLBytes = 4096

// encodeSorted is url.Values.Encode with the values of one key sorted too,
// so that the same parameters in any order give one URL.
func encodeSorted(q url.Values) string {
	for _, vs := range q {
		sort.Strings(vs)
	}
	return q.Encode()
}

// siteKey is the host without a leading "www.", so that example.org and
// www.example.org count as one site.
func siteKey(host string) string {
	h := strings.ToLower(host)
	return strings.TrimPrefix(h, "www.")
}
