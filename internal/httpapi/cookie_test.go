package httpapi_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/auth"
	"github.com/lumen-research/lumen/internal/bus/bustest"
	"github.com/lumen-research/lumen/internal/httpapi"
)

// The session cookie is Secure when the browser reached Lumen over HTTPS:
// TLS, or a trusted proxy's X-Forwarded-Proto: https, or always when
// configured so (qa2: it never was, as Lumen has no TLS listener).
func TestSessionCookieSecure(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	kv, _ := b.KV(ctx, "tokens")
	skv, _ := b.KVWithTTL(ctx, "sessions", time.Hour)
	tokens := auth.NewTokens(kv)
	token, err := tokens.Create(ctx, "alice", lumen.RoleCurator)
	if err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t)
	local := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	other := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	tests := []struct {
		name    string
		secure  bool
		proxies []netip.Prefix
		tls     bool
		proto   string
		want    bool
	}{
		{"plain HTTP", false, nil, false, "", false},
		{"a header nobody is trusted to send", false, nil, false, "https", false},
		{"a header from a proxy not trusted", false, other, false, "https", false},
		{"a trusted proxy over HTTPS", false, local, false, "https", true},
		{"a trusted proxy over HTTPS, several hops", false, local, false, "HTTPS, http", true},
		{"a trusted proxy over HTTP", false, local, false, "http", false},
		{"a trusted proxy without the header", false, local, false, "", false},
		{"TLS", false, nil, true, "", true},
		{"secure_cookies", true, nil, false, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := httpapi.NewServer(httpapi.Deps{Searcher: ix, Runs: fakeRuns{}, Taxonomy: taxonomy, Auth: tokens, Sessions: auth.NewSessions(skv, tokens, time.Hour),
				SecureCookies: tt.secure, TrustedProxies: tt.proxies})
			srv := httptest.NewUnstartedServer(h)
			if tt.tls {
				srv.StartTLS()
			} else {
				srv.Start()
			}
			defer srv.Close()
			client := srv.Client()
			client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
			req, _ := http.NewRequest("POST", srv.URL+"/signin", strings.NewReader(url.Values{"token": {token}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tt.proto != "" {
				req.Header.Set("X-Forwarded-Proto", tt.proto)
			}
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			var c *http.Cookie
			for _, rc := range res.Cookies() {
				if rc.Name == "lumen_session" {
					c = rc
				}
			}
			if res.StatusCode != http.StatusSeeOther || c == nil {
				t.Fatalf("sign-in = %d with cookies %v, want 303 and a session", res.StatusCode, res.Cookies())
			}
			if c.Secure != tt.want {
				t.Errorf("session cookie Secure = %v, want %v (%s)", c.Secure, tt.want, res.Header.Get("Set-Cookie"))
			}
		})
	}
}
