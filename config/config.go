// Package config reads Lumen's configuration: built-in defaults, then a YAML
// file, then LUMEN_* environment variables (command-line flags are applied
// last, by cmd/lumen). It also holds the shipped default configuration and
// taxonomy. It is the only package that imports a YAML library, and it wires
// nothing: cmd/lumen turns a Config into the options of each role.
package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/lumen-research/lumen"
)

// Config is the whole configuration of a Lumen process.
type Config struct {
	// Data is the directory holding the JetStream store (articles, crawl
	// state, decisions) and the search index.
	Data string `yaml:"data"`
	// Addr is the HTTP API's listen address.
	Addr     string `yaml:"addr"`
	LogLevel string `yaml:"log_level"` // debug, info, warn, error
	// MemoryLimit is a soft limit on the Go heap ("256MiB"): the garbage
	// collector works harder as the heap nears it, which keeps the resident
	// set in bounds. "0" means none; GOMEMLIMIT, when set, wins.
	MemoryLimit string `yaml:"memory_limit"`
	// Taxonomy is the path of a taxonomy YAML file; empty means the built-in one.
	Taxonomy string         `yaml:"taxonomy"`
	NATS     NATS           `yaml:"nats"`
	Crawler  Crawler        `yaml:"crawler"`
	Worker   Worker         `yaml:"worker"`
	Indexer  Indexer        `yaml:"indexer"`
	Check    Check          `yaml:"check"`
	Review   Review         `yaml:"review"`
	Sources  []lumen.Source `yaml:"sources"`
}

// Review configures the curators' side: who may read, sessions, leases.
type Review struct {
	// RequireTokenForReads makes every read of the API and the pages need a
	// token (reads are open by default; writes always need one).
	RequireTokenForReads bool `yaml:"require_token_for_reads"`
	// SessionTTL is how long a page sign-in lasts.
	SessionTTL time.Duration `yaml:"session_ttl"`
	// Lease is how long the review queue keeps a claim for the curator it
	// handed it to.
	Lease time.Duration `yaml:"lease"`
	// BatchWait is how long decisions are collected before the index
	// applies them (they are visible in search after about this long).
	BatchWait time.Duration `yaml:"batch_wait"`
	// SecureCookies marks the session cookie Secure on every response:
	// for a Lumen reached only over HTTPS (through a proxy that terminates
	// TLS). Without it, the cookie is Secure when the request came over
	// TLS, or from a trusted proxy with X-Forwarded-Proto: https.
	SecureCookies bool `yaml:"secure_cookies"`
	// TrustedProxies are the addresses (IPs or CIDRs) of the reverse
	// proxies whose X-Forwarded-Proto header is believed.
	TrustedProxies []string `yaml:"trusted_proxies"`
}

// Proxies parses TrustedProxies (Validate has checked them).
func (r Review) Proxies() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range r.TrustedProxies {
		if p, err := parseProxy(s); err == nil {
			out = append(out, p)
		}
	}
	return out
}

// parseProxy reads an IP (one address) or a CIDR.
func parseProxy(s string) (netip.Prefix, error) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		return p.Masked(), err
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	a = a.Unmap()
	return netip.PrefixFrom(a, a.BitLen()), nil
}

// NATS says where the message bus is.
type NATS struct {
	// URL of an external NATS server with JetStream. Empty means an embedded
	// server storing under Data.
	URL string `yaml:"url"`
	// Listen, for the embedded server, is a "host:port" where other Lumen
	// processes may connect; empty means in-process only.
	Listen string `yaml:"listen"`
	// Replicas is how many servers of a NATS cluster keep a copy of every
	// stream and key-value bucket: 1, or 3 on a cluster of three or more.
	Replicas int `yaml:"replicas"`
}

// Crawler configures fetching.
type Crawler struct {
	// UserAgent identifies Lumen to the sites it crawls; include a contact.
	UserAgent string `yaml:"user_agent"`
	// Contact (an email address) is sent as the From header and as the
	// "email" parameter of NCBI E-utilities requests.
	Contact      string        `yaml:"contact"`
	Timeout      time.Duration `yaml:"timeout"`        // per request
	MaxBodyBytes int64         `yaml:"max_body_bytes"` // after decompression
	MaxTextBytes int           `yaml:"max_text_bytes"` // main text kept per article
	MaxPages     int           `yaml:"max_pages"`      // per run of a source, unless the source sets its own
	MaxDepth     int           `yaml:"max_depth"`      // link depth for web sources, unless the source sets its own
	MaxRedirects int           `yaml:"max_redirects"`
	Retries      int           `yaml:"retries"` // after the first attempt, for timeouts, 429 and 5xx
	Concurrency  int           `yaml:"concurrency"`
	// HostConcurrency and HostDelay apply per host: at most this many requests
	// in flight, and at least this long between the starts of two requests
	// (a robots.txt Crawl-delay that asks for more wins).
	HostConcurrency int           `yaml:"host_concurrency"`
	HostDelay       time.Duration `yaml:"host_delay"`
	RobotsTTL       time.Duration `yaml:"robots_ttl"`
	Recrawl         time.Duration `yaml:"recrawl"` // default for sources that set none
	// NCBIAPIKey raises the PubMed rate limit from 3 to 10 requests/s.
	NCBIAPIKey string `yaml:"ncbi_api_key"`
	// FailureBackoff is how long a URL that failed for a lasting reason
	// (404, 410, too large, a redirect loop, not HTML ...) is left alone,
	// doubling with each failure in a row up to FailureBackoffMax.
	FailureBackoff    time.Duration `yaml:"failure_backoff"`
	FailureBackoffMax time.Duration `yaml:"failure_backoff_max"`
	// HostTimeouts is how many timeouts in a row pause a host for the rest
	// of a run.
	HostTimeouts int `yaml:"host_timeouts"`
	// MaxHosts bounds the hosts whose politeness state and robots.txt are
	// kept in memory; MetricHosts the hosts named in metrics (the others
	// are "other"); SimhashCache the recent articles near duplicates are
	// looked for among.
	MaxHosts     int `yaml:"max_hosts"`
	MetricHosts  int `yaml:"metric_hosts"`
	SimhashCache int `yaml:"simhash_cache"`
}

// Worker configures the tagging workers.
type Worker struct {
	Concurrency int `yaml:"concurrency"` // 0 = number of CPUs
}

// Indexer configures the index writer.
type Indexer struct {
	// Name names this process's index when several lumen serve share one
	// NATS, each with an index of its own: each name has its own durable
	// consumers, so every index receives every article and decision.
	// Empty: the one index of a single-index deployment.
	Name      string        `yaml:"name"`
	BatchSize int           `yaml:"batch_size"`
	BatchWait time.Duration `yaml:"batch_wait"`
	// MinFreeBytes ("64MiB") is the free space on the data directory's
	// file system below which the index takes no more batches (they wait
	// in JetStream) and crawl --once stops; "0" turns the guard off.
	MinFreeBytes string `yaml:"min_free_bytes"`
}

// Bounds of values that are surely mistakes beyond them.
const (
	MinMemoryLimit     = 64 << 20 // memory_limit other than 0
	MaxConcurrency     = 1024     // crawler.concurrency
	MaxHostConcurrency = 64       // crawler.host_concurrency
)

// MinCheckInterval is the shortest check.interval other than 0: each check
// reads every stream to its end.
const MinCheckInterval = time.Minute

// Check configures the integrity check of serve and run.
type Check struct {
	// Interval between checks after the one at start; 0 checks at start
	// only; otherwise at least MinCheckInterval.
	Interval time.Duration `yaml:"interval"`
	// Repair: repair what the checks find (as lumen check --repair does).
	Repair bool `yaml:"repair"`
}

// indexerNameRE is what indexer.name may be: it becomes part of the names
// of durable consumers (internal/bus checks the same).
var indexerNameRE = regexp.MustCompile(`^[A-Za-z0-9_-]{0,48}$`)

// Defaults returns the configuration used where nothing else is said. It has
// no sources: a configuration file lists its own.
func Defaults() Config {
	return Config{
		Data:        "./data",
		Addr:        "127.0.0.1:8080",
		LogLevel:    "info",
		MemoryLimit: "256MiB",
		Crawler: Crawler{
			UserAgent:       "LumenBot/0.1 (+https://github.com/lumen-research/lumen)",
			Timeout:         30 * time.Second,
			MaxBodyBytes:    10 << 20,
			MaxTextBytes:    256 << 10,
			MaxPages:        500,
			MaxDepth:        2,
			MaxRedirects:    5,
			Retries:         3,
			Concurrency:     8,
			HostConcurrency: 2,
			HostDelay:       time.Second,
			RobotsTTL:       24 * time.Hour,
			Recrawl:         20 * time.Hour,

			FailureBackoff:    24 * time.Hour,
			FailureBackoffMax: 30 * 24 * time.Hour,
			HostTimeouts:      3,
			MaxHosts:          10_000,
			MetricHosts:       500,
			SimhashCache:      100_000,
		},
		NATS:    NATS{Replicas: 1},
		Indexer: Indexer{BatchSize: 256, BatchWait: 500 * time.Millisecond, MinFreeBytes: "64MiB"},
		Check:   Check{Interval: 15 * time.Minute, Repair: true},
		Review:  Review{SessionTTL: 12 * time.Hour, Lease: 5 * time.Minute, BatchWait: 100 * time.Millisecond},
	}
}

//go:embed default.yaml
var defaultYAML []byte

// Default returns the shipped configuration: Defaults plus the real public
// gut-skin sources of default.yaml.
func Default() (Config, error) {
	cfg := Defaults()
	if err := decode(bytes.NewReader(defaultYAML), &cfg); err != nil {
		return Config{}, fmt.Errorf("built-in default.yaml: %w", err)
	}
	return cfg, nil
}

// DefaultYAML returns the text of the shipped configuration file.
func DefaultYAML() []byte { return bytes.Clone(defaultYAML) }

// Load returns the configuration from path (or the shipped default when path
// is empty) with LUMEN_* variables from getenv applied. It does not validate:
// call Validate after applying flags.
func Load(path string, getenv func(string) string) (Config, error) {
	var (
		cfg Config
		err error
	)
	if path == "" {
		cfg, err = Default()
		if err != nil {
			return Config{}, err
		}
	} else {
		cfg = Defaults()
		f, err := os.Open(path)
		if err != nil {
			return Config{}, fmt.Errorf("config: %w", err)
		}
		defer f.Close()
		if err := decode(f, &cfg); err != nil {
			return Config{}, fmt.Errorf("config %s: %w", path, err)
		}
	}
	if err := cfg.applyEnv(getenv); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// decode reads YAML into cfg. Unknown keys, values of the wrong type and
// bare numbers where a duration belongs are errors that name the key
// (*lumen.InvalidError), with the line.
func decode(r io.Reader, cfg *Config) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err // syntax: the message has the line
	}
	if len(doc.Content) == 0 { // empty file
		return nil
	}
	zeroed := map[int]bool{}
	errs := checkTypes(&doc, reflect.TypeOf(cfg), "", zeroed)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err = dec.Decode(cfg)
	if errors.Is(err, io.EOF) {
		err = nil
	}
	if err = dropZeroDurations(err, zeroed); err == nil && len(zeroed) > 0 && len(errs) == 0 {
		// The bare zeros the text decoder refused, from the document
		// where they read "0s" (unknown keys were checked above).
		err = doc.Decode(cfg)
	}
	if err != nil {
		// Every error once: a field checkTypes reported, the decoder
		// reports again less clearly.
		seen := map[string]bool{}
		for _, e := range errs {
			var inv *lumen.InvalidError
			if errors.As(e, &inv) {
				seen[inv.Field] = true
			}
		}
		for _, e := range unjoin(namedErrors(err, &doc)) {
			var inv *lumen.InvalidError
			if !errors.As(e, &inv) || !seen[inv.Field] {
				errs = append(errs, e)
			}
		}
	}
	return errors.Join(errs...)
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func (c *Config) applyEnv(getenv func(string) string) error {
	if getenv == nil {
		return nil
	}
	for name, dst := range map[string]*string{
		"LUMEN_DATA":         &c.Data,
		"LUMEN_ADDR":         &c.Addr,
		"LUMEN_NATS_URL":     &c.NATS.URL,
		"LUMEN_NATS_LISTEN":  &c.NATS.Listen,
		"LUMEN_LOG_LEVEL":    &c.LogLevel,
		"LUMEN_TAXONOMY":     &c.Taxonomy,
		"LUMEN_USER_AGENT":   &c.Crawler.UserAgent,
		"LUMEN_CONTACT":      &c.Crawler.Contact,
		"LUMEN_NCBI_API_KEY": &c.Crawler.NCBIAPIKey,
		"LUMEN_MEMORY_LIMIT": &c.MemoryLimit,
		"LUMEN_INDEXER_NAME": &c.Indexer.Name,
	} {
		if v := getenv(name); v != "" {
			*dst = v
		}
	}
	for name, dst := range map[string]*int{
		"LUMEN_WORKER_CONCURRENCY": &c.Worker.Concurrency,
		"LUMEN_NATS_REPLICAS":      &c.NATS.Replicas,
	} {
		if v := getenv(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return lumen.Invalidf(name, "%q is not a number", v)
			}
			*dst = n
		}
	}
	return nil
}

// Validate checks the configuration; errors name the offending field.
func (c *Config) Validate() error {
	var errs []error
	check := func(ok bool, field, format string, args ...any) {
		if !ok {
			errs = append(errs, lumen.Invalidf(field, format, args...))
		}
	}
	check(strings.TrimSpace(c.Data) != "", "data", "must not be empty")
	if _, port, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, lumen.Invalidf("addr", "%q is not host:port: %v", c.Addr, err))
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		if _, lerr := net.LookupPort("tcp", port); lerr != nil {
			errs = append(errs, lumen.Invalidf("addr", "%q: port %q is not a port (0-65535)", c.Addr, port))
		}
	}
	if n, err := ParseSize(c.MemoryLimit); err != nil {
		errs = append(errs, lumen.Invalidf("memory_limit", "%v", err))
	} else if n != 0 && n < MinMemoryLimit {
		// 1KiB was accepted, and an idle serve then spent 11-16% of a
		// CPU collecting garbage (qa4).
		errs = append(errs, lumen.Invalidf("memory_limit", "%s: must be 0 (no limit) or at least 64MiB (below, the garbage collector runs without pause)", c.MemoryLimit))
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.LogLevel)); err != nil {
		errs = append(errs, lumen.Invalidf("log_level", "%q is not one of debug, info, warn, error", c.LogLevel))
	}
	if c.NATS.URL != "" {
		if err := validNATSURLs(c.NATS.URL); err != nil {
			errs = append(errs, lumen.Invalidf("nats.url", "%v", err))
		}
	}
	if c.NATS.Listen != "" {
		if _, _, err := net.SplitHostPort(c.NATS.Listen); err != nil {
			errs = append(errs, lumen.Invalidf("nats.listen", "%q is not host:port: %v", c.NATS.Listen, err))
		}
	}
	check(c.NATS.Replicas >= 1 && c.NATS.Replicas <= 5, "nats.replicas", "%d: must be 1 (a single server) or 3 (a cluster of three or more); at most 5", c.NATS.Replicas)
	check(c.NATS.Replicas <= 1 || c.NATS.URL != "", "nats.replicas", "%d needs an external NATS cluster (nats.url); the embedded server is a single one", c.NATS.Replicas)
	cr := &c.Crawler
	check(strings.TrimSpace(cr.UserAgent) != "", "crawler.user_agent", "must not be empty")
	check(cr.Timeout >= time.Second && cr.Timeout <= time.Hour, "crawler.timeout", "%s: must be between 1s and 1h (per request)", cr.Timeout)
	check(cr.MaxBodyBytes > 0, "crawler.max_body_bytes", "must be positive")
	check(cr.MaxTextBytes > 0, "crawler.max_text_bytes", "must be positive")
	check(cr.MaxPages > 0, "crawler.max_pages", "must be positive")
	check(cr.MaxDepth >= 0, "crawler.max_depth", "must not be negative")
	check(cr.MaxRedirects >= 0, "crawler.max_redirects", "must not be negative")
	check(cr.Retries >= 0, "crawler.retries", "must not be negative")
	check(cr.Concurrency > 0 && cr.Concurrency <= MaxConcurrency, "crawler.concurrency", "%d: must be between 1 and %d", cr.Concurrency, MaxConcurrency)
	check(cr.HostConcurrency > 0 && cr.HostConcurrency <= MaxHostConcurrency, "crawler.host_concurrency",
		"%d: must be between 1 and %d (requests in flight to one host; more is no polite crawler's)", cr.HostConcurrency, MaxHostConcurrency)
	check(cr.HostDelay >= 0, "crawler.host_delay", "must not be negative")
	check(cr.RobotsTTL > 0, "crawler.robots_ttl", "must be positive")
	check(cr.Recrawl >= 0, "crawler.recrawl", "must not be negative")
	check(cr.FailureBackoff > 0, "crawler.failure_backoff", "must be positive")
	check(cr.FailureBackoffMax >= cr.FailureBackoff, "crawler.failure_backoff_max", "must not be shorter than crawler.failure_backoff")
	check(cr.HostTimeouts > 0, "crawler.host_timeouts", "must be positive")
	check(cr.MaxHosts > 0, "crawler.max_hosts", "must be positive")
	check(cr.MetricHosts > 0, "crawler.metric_hosts", "must be positive")
	check(cr.SimhashCache > 0, "crawler.simhash_cache", "must be positive")
	check(c.Worker.Concurrency >= 0, "worker.concurrency", "must not be negative")
	check(indexerNameRE.MatchString(c.Indexer.Name), "indexer.name", "must be empty or 1 to 48 letters, digits, '-' or '_' (it names NATS consumers)")
	check(c.Indexer.BatchSize > 0, "indexer.batch_size", "must be positive")
	check(c.Indexer.BatchWait > 0, "indexer.batch_wait", "must be positive")
	if _, err := ParseSize(c.Indexer.MinFreeBytes); err != nil {
		errs = append(errs, lumen.Invalidf("indexer.min_free_bytes", "%v", err))
	}
	// A data check reads every stream to its end: an interval of 1ns (or
	// 15ns typed for 15m) keeps a core busy for nothing.
	check(c.Check.Interval == 0 || c.Check.Interval >= MinCheckInterval, "check.interval",
		"%s: must be 0 (at start only) or at least %s", c.Check.Interval, MinCheckInterval)
	check(c.Review.SessionTTL >= time.Minute, "review.session_ttl", "must be at least a minute")
	check(c.Review.Lease >= 10*time.Second, "review.lease", "must be at least 10s")
	check(c.Review.BatchWait > 0 && c.Review.BatchWait <= time.Second, "review.batch_wait", "must be between 1ns and 1s")
	for i, p := range c.Review.TrustedProxies {
		if _, err := parseProxy(p); err != nil {
			errs = append(errs, lumen.Invalidf(fmt.Sprintf("review.trusted_proxies[%d]", i), "%q is not an IP address or a CIDR such as 10.0.0.0/8", p))
		}
	}
	seen := map[string]int{}
	for i, s := range c.Sources {
		prefix := fmt.Sprintf("sources[%d]", i)
		if err := s.Validate(prefix); err != nil {
			errs = append(errs, err)
		}
		if j, dup := seen[s.Name]; dup {
			errs = append(errs, lumen.Invalidf(prefix+".name", "%q is also the name of sources[%d]", s.Name, j))
		}
		seen[s.Name] = i
	}
	return errors.Join(errs...)
}

// Source returns the configured source with the given name.
func (c *Config) Source(name string) (lumen.Source, bool) {
	for _, s := range c.Sources {
		if s.Name == name {
			return s, true
		}
	}
	return lumen.Source{}, false
}

// ParseSize reads a size in bytes: a number with an optional unit (B, KB,
// MB, GB, TB, KiB, MiB, GiB, TiB), "256MiB"; "0" or "" is 0.
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := s, ""
	if i >= 0 {
		num, unit = s[:i], strings.TrimSpace(s[i:])
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("%q is not a size such as 256MiB", s)
	}
	mult := map[string]float64{"": 1, "B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
		"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("%q: unknown unit %q (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)", s, unit)
	}
	return int64(v * mult), nil
}

// validNATSURLs checks a comma-separated list of NATS server URLs: each
// names a host, with a scheme the NATS client speaks. A wrong one would
// otherwise be retried for minutes (the client treats every failure to
// connect as a server not up yet).
func validNATSURLs(list string) error {
	for _, raw := range strings.Split(list, ",") {
		raw = strings.TrimSpace(raw)
		if !strings.Contains(raw, "://") {
			return fmt.Errorf("%q is not a URL such as nats://host:4222", raw)
		}
		u, err := url.Parse(raw)
		if err != nil {
			return fmt.Errorf("%q: %v", raw, err)
		}
		switch u.Scheme {
		case "nats", "tls", "ws", "wss":
		default:
			return fmt.Errorf("%q: scheme %q is not one of nats, tls, ws, wss (a NATS server's client URL, such as nats://host:4222)", raw, u.Scheme)
		}
		if u.Hostname() == "" {
			return fmt.Errorf("%q names no host (nats://host:4222)", raw)
		}
	}
	return nil
}
