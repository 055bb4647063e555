package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/lumen-research/lumen"
)

// claimsResponse is the body of GET /api/v1/claims.
type claimsResponse struct {
	Total uint64           `json:"total"`
	From  int              `json:"from"`
	Size  int              `json:"size"`
	Hits  []lumen.ClaimHit `json:"hits"`
	// Facets holds the facets asked for (facets=...), value counts over
	// every hit; "year" is the publication-year histogram, newest first.
	Facets map[string][]lumen.FacetCount `json:"facets,omitempty"`
	// NextCursor continues after this page (cursor=...) while more hits remain.
	NextCursor string `json:"next_cursor,omitempty"`
	TookMS     int64  `json:"took_ms"`
}

func (s *server) handleClaims(w http.ResponseWriter, r *http.Request, v values) {
	start := time.Now()
	q, err := s.searchQuery(r.Context(), v)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.Searcher.SearchClaims(r.Context(), q)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if res.Hits == nil {
		res.Hits = []lumen.ClaimHit{}
	}
	writeJSON(w, http.StatusOK, claimsResponse{
		Total: res.Total, From: res.Offset, Size: q.Size, Hits: res.Hits, Facets: res.Facets,
		NextCursor: res.NextCursor, TookMS: time.Since(start).Milliseconds(),
	})
}

// searchQuery reads the parameters of a claim search (API or page).
func (s *server) searchQuery(ctx context.Context, v values) (lumen.ClaimQuery, error) {
	q, err := s.claimQuery(ctx, v)
	if err != nil {
		return q, err
	}
	q.Sort, q.From, q.Size, q.Cursor = v.str("sort"), v.integer("from"), v.integer("size"), v.str("cursor")
	if v.ep.param("facets") != nil {
		q.Facets = v.list("facets")
	}
	if q.Cursor != "" && v.given("from") {
		return q, lumen.Invalidf("from", "cannot be combined with cursor")
	}
	return q, nil
}

func (s *server) handleArticle(w http.ResponseWriter, r *http.Request, _ values) {
	id := r.PathValue("id")
	if !lumen.ValidID(id) {
		s.writeError(w, r, fmt.Errorf("article %q: %w", id, lumen.ErrNotFound))
		return
	}
	d, err := s.Searcher.Article(r.Context(), id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *server) handleConcepts(w http.ResponseWriter, r *http.Request, _ values) {
	concepts := s.Taxonomy.Concepts
	if concepts == nil {
		concepts = []lumen.Concept{}
	}
	writeJSON(w, http.StatusOK, conceptsResponse{Version: s.Taxonomy.Version, Concepts: concepts})
}

func (s *server) handleCrawls(w http.ResponseWriter, r *http.Request, v values) {
	if s.Runs == nil {
		s.writeError(w, r, fmt.Errorf("crawl records: %w (this process does not hold them)", lumen.ErrUnavailable))
		return
	}
	runs, err := s.Runs.Runs(r.Context(), v.str("source"), v.integer("limit"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if runs == nil {
		runs = []lumen.CrawlRun{}
	}
	writeJSON(w, http.StatusOK, crawlsResponse{Crawls: runs})
}

func (s *server) handleHealthz(w http.ResponseWriter, r *http.Request, _ values) {
	writeJSON(w, http.StatusOK, statusResponse{Status: "ok"})
}

// handleReadyz answers 200 when every check passes ("ready") or only checks
// that degrade the server fail ("degraded": NATS down under an API server
// that still searches its index), 503 otherwise ("not ready").
func (s *server) handleReadyz(w http.ResponseWriter, r *http.Request, _ values) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	checks := map[string]string{}
	ready, degraded := true, false
	for _, c := range s.Ready {
		switch err := c.Check(ctx); {
		case err == nil:
			checks[c.Name] = "ok"
		case c.Degrades:
			checks[c.Name] = "degraded: " + err.Error()
			degraded = true
		default:
			checks[c.Name] = err.Error()
			ready = false
		}
	}
	status, code := "ready", http.StatusOK
	switch {
	case !ready:
		status, code = "not ready", http.StatusServiceUnavailable
	case degraded:
		status = "degraded"
	}
	writeJSON(w, code, readyResponse{Status: status, Checks: checks})
}
