package crawler

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/lumen-research/lumen"
)

// scope decides which discovered URLs a run follows.
type scope struct {
	sites    map[string]bool // web sources: the seeds' sites
	allow    []*regexp.Regexp
	deny     []*regexp.Regexp
	sameSite bool
}

func newScope(src lumen.Source) (*scope, error) {
	s := &scope{sites: map[string]bool{}, sameSite: src.Kind == lumen.SourceWeb}
	for _, raw := range src.URLs {
		u, err := url.Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", src.Name, err)
		}
		s.sites[siteKey(u.Hostname())] = true
	}
	for _, p := range src.Allow {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("source %s: allow %q: %w", src.Name, p, err)
		}
		s.allow = append(s.allow, re)
	}
	for _, p := range src.Deny {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("source %s: deny %q: %w", src.Name, p, err)
		}
		s.deny = append(s.deny, re)
	}
	return s, nil
}

func (s *scope) inSite(u *url.URL) bool { return s.sites[siteKey(u.Hostname())] }

// inSiteURL reports whether raw is in one of the seeds' sites (for the
// sitemaps and feeds a web crawl discovers: the allow and deny patterns
// are for pages).
func (s *scope) inSiteURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (!s.sameSite || s.inSite(u))
}

// follows reports whether a discovered link (canonical) is in scope.
func (s *scope) follows(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	if s.sameSite && !s.inSite(u) {
		return false
	}
	for _, re := range s.deny {
		if re.MatchString(raw) {
			return false
		}
	}
	if len(s.allow) == 0 {
		return true
	}
	for _, re := range s.allow {
		if re.MatchString(raw) {
			return true
		}
	}
	return false
}

// skippedExt are links to files that are never articles; they are not even
// fetched (a PDF linked from a page is a link, not a page to parse).
var skippedExt = []string{".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".ico", ".css", ".js", ".zip",
	".gz", ".tar", ".mp3", ".mp4", ".mov", ".avi", ".woff", ".woff2", ".ttf", ".exe", ".dmg", ".pdf",
	".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".epub"}

func skippedLink(u string) bool {
	p, _, _ := strings.Cut(u, "?")
	p = strings.ToLower(p)
	for _, e := range skippedExt {
		if strings.HasSuffix(p, e) {
			return true
		}
	}
	return false
}
