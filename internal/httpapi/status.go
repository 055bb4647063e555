package httpapi

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/lumen-research/lumen"
)

// TagVersioner counts the indexed articles by the tagger version that
// tagged them (*indexer.Index is one).
type TagVersioner interface {
	TaggerVersions(ctx context.Context) (map[string]int, error)
}

// StaleTags says how much of the index another tagger version tagged than
// the one this server runs: after an upgrade, unchanged articles keep the
// old tags (their content hash did not change) until lumen reindex --retag.
type StaleTags struct {
	Current  string `json:"tagger_version"`
	Articles int    `json:"articles"`
	Stale    int    `json:"stale_articles"`
	// Versions are the other versions with their article counts, most first.
	Versions []VersionCount `json:"stale_versions"`
}

// VersionCount is one tagger version and the articles it tagged.
type VersionCount struct {
	Version  string `json:"version"`
	Articles int    `json:"articles"`
}

// CountStale sorts counts into a StaleTags against current.
func CountStale(current string, counts map[string]int) StaleTags {
	st := StaleTags{Current: current, Versions: []VersionCount{}}
	for v, n := range counts {
		st.Articles += n
		if v != current {
			st.Stale += n
			st.Versions = append(st.Versions, VersionCount{Version: v, Articles: n})
		}
	}
	slices.SortFunc(st.Versions, func(a, b VersionCount) int {
		if a.Articles != b.Articles {
			return b.Articles - a.Articles
		}
		if a.Version < b.Version {
			return -1
		}
		return 1
	})
	return st
}

// statusResponseV1 is the body of GET /api/v1/status.
type statusResponseV1 struct {
	TaggerVersion   string `json:"tagger_version"`
	TaxonomyVersion string `json:"taxonomy_version"`
	// Tags is how the index's articles stand against TaggerVersion
	// (absent when this server cannot tell).
	Tags *StaleTags `json:"tags,omitempty"`
	// RetagDue is true when some articles were tagged by another tagger
	// version: run lumen reindex --retag.
	RetagDue bool   `json:"retag_due"`
	Advice   string `json:"advice,omitempty"`
}

// staleCacheTTL is how long a count of tagger versions is reused (it reads
// every article).
const staleCacheTTL = 5 * time.Minute

// tagCache keeps the last count of tagger versions.
type tagCache struct {
	counting sync.Mutex // held while counting
	mu       sync.Mutex // guards at and current
	at       time.Time
	current  *StaleTags
}

func (c *tagCache) last() (*StaleTags, time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.current, c.at
}

// tagStatus returns how the index's articles stand against the server's
// tagger version (nil when it cannot tell), counted at most every
// staleCacheTTL; while another request counts, the last count is used.
func (s *server) tagStatus(ctx context.Context) *StaleTags {
	tv, ok := s.Searcher.(TagVersioner)
	if !ok || s.TaggerVersion == "" {
		return nil
	}
	c := &s.tags
	cur, at := c.last()
	if cur != nil && time.Since(at) < staleCacheTTL {
		return cur
	}
	if !c.counting.TryLock() {
		return cur
	}
	defer c.counting.Unlock()
	counts, err := tv.TaggerVersions(ctx)
	if err != nil {
		s.Logger.Warn("count tagger versions", "err", err)
		return cur
	}
	st := CountStale(s.TaggerVersion, counts)
	c.mu.Lock()
	c.current, c.at = &st, time.Now()
	c.mu.Unlock()
	return &st
}

// staleTags is tagStatus when part of the index is stale, else nil.
func (s *server) staleTags(ctx context.Context) *StaleTags {
	if st := s.tagStatus(ctx); st != nil && st.Stale > 0 {
		return st
	}
	return nil
}

func (s *server) handleStatus(w http.ResponseWriter, r *http.Request, _ values) {
	out := statusResponseV1{TaggerVersion: s.TaggerVersion, TaxonomyVersion: lumen.TaxonomyOf(s.TaggerVersion), Tags: s.tagStatus(r.Context())}
	if out.Tags != nil && out.Tags.Stale > 0 {
		out.RetagDue = true
		out.Advice = "some articles were tagged by another tagger version than this server's: run lumen reindex --retag (curators' decisions are kept)"
	}
	writeJSON(w, http.StatusOK, out)
}
