package lumen

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Kinds of source.
const (
	SourceWeb       = "web"       // seed pages and same-site links
	SourceSitemap   = "sitemap"   // sitemaps and sitemap indexes
	SourceFeed      = "feed"      // RSS 2.0 and Atom feeds
	SourcePubMed    = "pubmed"    // PubMed E-utilities (esearch + efetch)
	SourceEuropePMC = "europepmc" // Europe PMC REST search
)

// DefaultSchedule is the cron spec used when a source sets none: nightly at 02:00
// in the local time zone.
const DefaultSchedule = "0 2 * * *"

// Source is one configured place to crawl, with its own schedule.
type Source struct {
	Name string `json:"name" yaml:"name"`
	Kind string `json:"kind" yaml:"kind"`
	// URLs are the seeds (web), sitemap URLs (sitemap), feed URLs (feed), or an
	// optional base URL of the API (pubmed, europepmc).
	URLs []string `json:"urls,omitempty" yaml:"urls,omitempty"`
	// Schedule is a standard 5-field cron spec, optionally prefixed with
	// CRON_TZ=Zone, or a descriptor such as @daily. Empty means DefaultSchedule.
	Schedule string `json:"schedule,omitempty" yaml:"schedule,omitempty"`
	// Query is the search term for pubmed and europepmc sources.
	Query string `json:"query,omitempty" yaml:"query,omitempty"`

	MaxPages int `json:"max_pages,omitempty" yaml:"max_pages,omitempty"` // 0 = crawler default
	// MaxDepth is how many links deep a web crawl goes from the seeds (0:
	// the seeds only); nil means the crawler's default.
	MaxDepth *int     `json:"max_depth,omitempty" yaml:"max_depth,omitempty"`
	Allow    []string `json:"allow,omitempty" yaml:"allow,omitempty"` // URL regexps to follow; empty = all of the site
	Deny     []string `json:"deny,omitempty" yaml:"deny,omitempty"`   // URL regexps never to follow
	// Recrawl is the minimum time before an already fetched URL is fetched again.
	Recrawl time.Duration `json:"recrawl,omitempty" yaml:"recrawl,omitempty"`
	// AllowPrivate permits loopback, private and link-local addresses, which
	// are refused by default.
	AllowPrivate bool `json:"allow_private,omitempty" yaml:"allow_private,omitempty"`
}

var sourceName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// Validate checks the source and reports every problem it has, joined;
// errors name the field under the given prefix, e.g. "sources[2]".
func (s *Source) Validate(prefix string) error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, Invalidf(prefix+field, format, args...))
	}
	if !sourceName.MatchString(s.Name) {
		bad(".name", "%q must be 1-64 letters, digits, '-' or '_'", s.Name)
	}
	switch s.Kind {
	case SourceWeb, SourceSitemap, SourceFeed:
		if len(s.URLs) == 0 {
			bad(".urls", "a %s source needs at least one URL", s.Kind)
		}
	case SourcePubMed, SourceEuropePMC:
		if strings.TrimSpace(s.Query) == "" {
			bad(".query", "a %s source needs a query", s.Kind)
		}
	case "":
		bad(".kind", "missing; one of web, sitemap, feed, pubmed, europepmc")
	default:
		bad(".kind", "%q is not one of web, sitemap, feed, pubmed, europepmc", s.Kind)
	}
	for i, u := range s.URLs {
		if err := CheckHTTPURL(u); err != nil {
			bad(fmt.Sprintf(".urls[%d]", i), "%v", err)
		}
	}
	for i, p := range s.Allow {
		if _, err := regexp.Compile(p); err != nil {
			bad(fmt.Sprintf(".allow[%d]", i), "bad pattern: %v", err)
		}
	}
	for i, p := range s.Deny {
		if _, err := regexp.Compile(p); err != nil {
			bad(fmt.Sprintf(".deny[%d]", i), "bad pattern: %v", err)
		}
	}
	if s.MaxPages < 0 {
		bad(".max_pages", "must not be negative")
	}
	if s.MaxDepth != nil && *s.MaxDepth < 0 {
		bad(".max_depth", "must not be negative")
	}
	if s.Recrawl < 0 {
		bad(".recrawl", "must not be negative")
	}
	return errors.Join(errs...)
}

// Depth returns a pointer to n, for Source.MaxDepth.
func Depth(n int) *int { return &n }

// CheckHTTPURL reports why raw is not an absolute http or https URL with a host.
func CheckHTTPURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q: scheme must be http or https", raw)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%q has no host", raw)
	}
	if u.User != nil {
		return fmt.Errorf("%q: credentials in URLs are not allowed", raw)
	}
	return nil
}
