package crawler

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"93.184.216.34", true},
		{"2606:4700::6810:85e5", true},
		{"127.0.0.1", false},
		{"127.1.2.3", false},
		{"::1", false},
		{"10.0.0.1", false},
		{"172.16.5.4", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fd00:ec2::254", false},   // AWS metadata over IPv6
		{"fe80::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"100.64.0.1", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:10.1.2.3", false},
		{"64:ff9b::a00:1", false}, // NAT64 of 10.0.0.1
	}
	for _, tt := range tests {
		if got := publicAddr(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("publicAddr(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}

func TestCheckHost(t *testing.T) {
	for _, h := range []string{"localhost", "LOCALHOST.", "foo.localhost", "127.0.0.1", "[::1]", "metadata.google.internal", "169.254.169.254"} {
		if err := checkHost(h); !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("checkHost(%q) = %v, want ErrPrivateAddress", h, err)
		}
	}
	for _, h := range []string{"example.org", "93.184.216.34", "pubmed.ncbi.nlm.nih.gov"} {
		if err := checkHost(h); err != nil {
			t.Errorf("checkHost(%q) = %v, want nil", h, err)
		}
	}
}

// A source that does not allow private addresses cannot reach a loopback
// server, whether named directly or reached by a redirect, and the dialer
// refuses the address even when the name check is bypassed.
func TestSSRFGuard(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	s.html("/", articleHTML("Secret", lorem("Secret")))
	run := h.run(lumen.Source{Name: "guarded", Kind: lumen.SourceWeb, URLs: []string{s.URL + "/"}})
	if run.Failed["private_address"] != 1 || s.hits("/") != 0 || s.hits("/robots.txt") != 0 {
		t.Errorf("run = %+v, hits %d; want the loopback URL refused before any request", run, s.hits("/"))
	}

	// The dialer's check, below the name check: the transport alone.
	client := &http.Client{Transport: newTransport(false, time.Second)}
	_, err := client.Get(s.URL + "/")
	if !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("guarded transport GET %s: %v, want ErrPrivateAddress", s.URL, err)
	}

	// A redirect to a private address is refused.
	if err := checkRedirectTarget(mustURL(t, "http://169.254.169.254/latest/meta-data/"), false); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("redirect to metadata address: %v, want ErrPrivateAddress", err)
	}
	if err := checkRedirectTarget(mustURL(t, "file:///etc/passwd"), true); err == nil {
		t.Error("redirect to file:// allowed")
	}
}

// The size cap applies after decompression, and fails loudly.
func TestLimitTransport(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Repeat("x", 2000))
	}))
	defer srv.Close()
	c := &http.Client{Transport: &limitTransport{base: http.DefaultTransport, max: 1000}}
	res, err := c.Get(srv.URL)
	if err == nil {
		_, err = readAll(res)
	}
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("reading 2000 bytes with a 1000 cap: %v, want ErrTooLarge", err)
	}
	c = &http.Client{Transport: &limitTransport{base: http.DefaultTransport, max: 5000}}
	res, err = c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := readAll(res); err != nil || len(b) != 2000 {
		t.Errorf("reading 2000 bytes with a 5000 cap: %d bytes, %v", len(b), err)
	}
}

func readAll(res *http.Response) ([]byte, error) {
	defer res.Body.Close()
	var b strings.Builder
	buf := make([]byte, 512)
	for {
		n, err := res.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			if err.Error() == "EOF" {
				return []byte(b.String()), nil
			}
			return []byte(b.String()), err
		}
	}
}

func TestCanonicalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTP://Example.ORG", "http://example.org/"},
		{"https://example.org:443/a#frag", "https://example.org/a"},
		{"http://example.org:80/a/./b/../c", "http://example.org/a/c"},
		{"http://example.org:8080/a/", "http://example.org:8080/a/"},
		{"https://example.org/p?utm_source=x&b=2&a=1&fbclid=y&utm_medium=z", "https://example.org/p?a=1&b=2"},
		{"https://example.org/p?b=2&b=1", "https://example.org/p?b=1&b=2"},
		{"https://example.org/p?utm_source=x", "https://example.org/p"},
		{"https://bücher.example/", "https://xn--bcher-kva.example/"},
		{"https://example.org./x", "https://example.org/x"},
	}
	for _, tt := range tests {
		got, err := Canonicalize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Canonicalize(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"ftp://example.org/", "javascript:alert(1)", "http:///nohost", "https://user:pw@example.org/", "::::"} {
		if got, err := Canonicalize(bad); err == nil {
			t.Errorf("Canonicalize(%q) = %q, want an error", bad, got)
		}
	}
}

func TestTruncateText(t *testing.T) {
	text := strings.Repeat("Para one is here. ", 10) + "\n\n" + strings.Repeat("Two. ", 10) + "é"
	got, cut := truncateText(text, 200)
	if !cut || len(got) > 200 || !strings.HasSuffix(got, ".") {
		t.Errorf("truncateText = %q (%d bytes), %v", got, len(got), cut)
	}
	if got, cut := truncateText("short", 100); cut || got != "short" {
		t.Errorf("truncateText(short) = %q, %v", got, cut)
	}
	// Never in the middle of a rune.
	got, _ = truncateText(strings.Repeat("é", 100), 51)
	if !strings.HasPrefix(strings.Repeat("é", 100), got) || len(got) != 50 {
		t.Errorf("truncateText(é...) = %d bytes", len(got))
	}
}

const base2 = "The trial was funded by a university grant, and the probiotic capsules were donated by the manufacturer, which had no role in the design or analysis. Participants were told to keep their usual diet and skincare routine, and dermatologists who did not know which capsule each person took counted the lesions from standardised photographs at the start, after six weeks and at the end. Side effects were mild and similar in both groups, mostly bloating in the first week. The authors note that the sample was small, mostly young women, and that longer trials in more diverse groups are needed before probiotics can be recommended for acne."

func TestSimhashNearDuplicates(t *testing.T) {
	base := "Probiotic supplements were given to one hundred adults with moderate acne for twelve weeks, and the number of inflammatory lesions fell by a third compared with placebo, while the gut microbiome of the treated group showed more Lactobacillus and Bifidobacterium and fewer markers of systemic inflammation, which the authors suggest may explain part of the effect on the skin."
	h1, n := simhash(base)
	if n < 50 {
		t.Fatalf("simhash counted %d words", n)
	}
	// A syndicated copy: the same article with a different sign-off.
	base = base + " " + base2
	h1, _ = simhash(base)
	h2, _ := simhash(strings.Replace(base, "one hundred", "a hundred", 1) + " Read more.")
	h3, _ := simhash("Sleep and hydration are discussed in a completely different article about skin care routines, moisturizers, sunscreen, retinoids and the marketing of cosmetics to teenagers, with no mention of the gut at all; it covers prices, packaging, influencers and the regulation of claims made on labels in several countries over the last decade.")
	if d := popcount(h1 ^ h2); d > maxSimDistance {
		t.Errorf("near-duplicate distance %d, want <= %d", d, maxSimDistance)
	}
	if d := popcount(h1 ^ h3); d <= maxSimDistance {
		t.Errorf("different texts at distance %d, want > %d", d, maxSimDistance)
	}
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}
