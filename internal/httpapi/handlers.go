package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
)

// claimsResponse is the body of GET /api/v1/claims.
type claimsResponse struct {
	Total  uint64                        `json:"total"`
	From   int                           `json:"from"`
	Size   int                           `json:"size"`
	Hits   []lumen.ClaimHit              `json:"hits"`
	Facets map[string][]lumen.FacetCount `json:"facets,omitempty"`
	TookMS int64                         `json:"took_ms"`
}

func (s *server) handleClaims() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		q, err := s.parseClaimQuery(r.URL.Query())
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
			Total: res.Total, From: q.From, Size: q.Size, Hits: res.Hits, Facets: res.Facets,
			TookMS: time.Since(start).Milliseconds(),
		})
	})
}

const defaultSize = 20

// parseClaimQuery reads the query parameters of GET /api/v1/claims:
//
//	q                 bleve query string over the sentence and the article title
//	concept           concept id; repeat (or separate with commas) for claims with all of them
//	evidence          evidence type; repeat for any of them
//	relation          increases, decreases, associated, no_effect
//	subject, object   concept ids; effect a relation: claims with one relation pair that has them all
//	negated, hedged   true or false
//	status            pending, accepted, rejected, corrected; repeat for any of them
//	flagged           true: claims a re-tag flagged for re-review
//	retracted         true: claims whose sentence left their article (excluded otherwise)
//	article, source   an article id; a source name
//	published_from, published_to   dates (YYYY-MM-DD), inclusive
//	sort              relevance (default), published, -published
//	from, size        paging (size 1-100, default 20)
func (s *server) parseClaimQuery(v url.Values) (lumen.ClaimQuery, error) {
	q := lumen.ClaimQuery{Q: v.Get("q"), Relation: v.Get("relation"), ArticleID: v.Get("article"),
		Source: v.Get("source"), Sort: v.Get("sort"), Size: defaultSize}
	for _, c := range splitList(v["concept"]) {
		if len(s.concepts) > 0 {
			if _, ok := s.concepts[c]; !ok {
				return q, lumen.Invalidf("concept", "unknown concept %q (see GET /api/v1/concepts)", c)
			}
		}
		q.Concepts = append(q.Concepts, c)
	}
	for _, st := range splitList(v["status"]) {
		if !slices.Contains(lumen.Statuses, st) {
			return q, lumen.Invalidf("status", "%q is not one of %s", st, strings.Join(lumen.Statuses, ", "))
		}
		q.Status = append(q.Status, st)
	}
	for _, e := range splitList(v["evidence"]) {
		if !validEvidence[e] {
			return q, lumen.Invalidf("evidence", "unknown evidence type %q", e)
		}
		q.Evidence = append(q.Evidence, e)
	}
	switch q.Relation {
	case "", lumen.RelationIncreases, lumen.RelationDecreases, lumen.RelationAssociated, lumen.RelationNoEffect:
	default:
		return q, lumen.Invalidf("relation", "%q is not one of increases, decreases, associated, no_effect", q.Relation)
	}
	if err := s.parsePairParams(v, &q); err != nil {
		return q, err
	}
	var err error
	if q.Negated, err = boolParam(v, "negated"); err != nil {
		return q, err
	}
	if q.Hedged, err = boolParam(v, "hedged"); err != nil {
		return q, err
	}
	if q.Flagged, err = boolParam(v, "flagged"); err != nil {
		return q, err
	}
	if q.Retracted, err = boolParam(v, "retracted"); err != nil {
		return q, err
	}
	if q.PublishedFrom, err = dateParam(v, "published_from", false); err != nil {
		return q, err
	}
	if q.PublishedTo, err = dateParam(v, "published_to", true); err != nil {
		return q, err
	}
	if q.From, err = intParam(v, "from", 0); err != nil {
		return q, err
	}
	if q.Size, err = intParam(v, "size", defaultSize); err != nil {
		return q, err
	}
	if q.Size < 1 {
		return q, lumen.Invalidf("size", "must be at least 1")
	}
	return q, nil
}

var validEvidence = map[string]bool{
	lumen.EvidenceMetaAnalysis: true, lumen.EvidenceSystematicReview: true, lumen.EvidenceRCT: true,
	lumen.EvidenceCohort: true, lumen.EvidenceCaseControl: true, lumen.EvidenceCrossSectional: true,
	lumen.EvidenceCaseReport: true, lumen.EvidenceAnimal: true, lumen.EvidenceInVitro: true,
	lumen.EvidenceNarrativeReview: true, lumen.EvidenceWebArticle: true,
}

func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func boolParam(v url.Values, name string) (*bool, error) {
	s := v.Get(name)
	if s == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return nil, lumen.Invalidf(name, "%q is not true or false", s)
	}
	return &b, nil
}

func intParam(v url.Values, name string, def int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, lumen.Invalidf(name, "%q is not a whole number", s)
	}
	return n, nil
}

// dateParam parses YYYY-MM-DD (or an RFC 3339 time); endOfDay makes a date
// include its whole day.
func dateParam(v url.Values, name string, endOfDay bool) (time.Time, error) {
	s := v.Get(name)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		if endOfDay {
			t = t.Add(24*time.Hour - time.Nanosecond)
		}
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, lumen.Invalidf(name, "%q is not a date (YYYY-MM-DD)", s)
}

func (s *server) handleArticle() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
	})
}

func (s *server) handleConcepts() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		concepts := s.Taxonomy.Concepts
		if concepts == nil {
			concepts = []lumen.Concept{}
		}
		writeJSON(w, http.StatusOK, map[string]any{"version": s.Taxonomy.Version, "concepts": concepts})
	})
}

func (s *server) handleCrawls() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.Runs == nil {
			s.writeError(w, r, fmt.Errorf("crawl records: %w (this process does not hold them)", lumen.ErrUnavailable))
			return
		}
		limit, err := intParam(r.URL.Query(), "limit", 50)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if limit < 1 || limit > 1000 {
			s.writeError(w, r, lumen.Invalidf("limit", "must be between 1 and 1000"))
			return
		}
		runs, err := s.Runs.Runs(r.Context(), r.URL.Query().Get("source"), limit)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if runs == nil {
			runs = []lumen.CrawlRun{}
		}
		writeJSON(w, http.StatusOK, map[string]any{"crawls": runs})
	})
}

func (s *server) handleNotFound() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, fmt.Errorf("no route %s %s: %w", r.Method, r.URL.Path, lumen.ErrNotFound))
	})
}

func (s *server) handleHealthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
}

// handleReadyz answers 200 only when every check passes: NATS connected, the
// streams present, the index open.
func (s *server) handleReadyz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		checks := map[string]string{}
		ready := true
		for _, c := range s.Ready {
			if err := c.Check(ctx); err != nil {
				checks[c.Name] = err.Error()
				ready = false
			} else {
				checks[c.Name] = "ok"
			}
		}
		status, code := "ready", http.StatusOK
		if !ready {
			status, code = "not ready", http.StatusServiceUnavailable
		}
		writeJSON(w, code, map[string]any{"status": status, "checks": checks})
	})
}

// parsePairParams reads subject, object and effect: claims with a relation
// pair that has the given subject, object and effect (all of those given,
// in one pair).
func (s *server) parsePairParams(v url.Values, q *lumen.ClaimQuery) error {
	q.Subject, q.Object, q.Effect = v.Get("subject"), v.Get("object"), v.Get("effect")
	for _, p := range []struct{ field, id string }{{"subject", q.Subject}, {"object", q.Object}} {
		if p.id == "" || len(s.concepts) == 0 {
			continue
		}
		if _, ok := s.concepts[p.id]; !ok {
			return lumen.Invalidf(p.field, "unknown concept %q (see GET /api/v1/concepts)", p.id)
		}
	}
	switch q.Effect {
	case "", lumen.RelationIncreases, lumen.RelationDecreases, lumen.RelationAssociated, lumen.RelationNoEffect:
	default:
		return lumen.Invalidf("effect", "%q is not one of increases, decreases, associated, no_effect", q.Effect)
	}
	return nil
}
