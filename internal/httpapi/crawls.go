package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/lumen-research/lumen"
)

// Crawls takes operators' requests for a crawl now and tells where they stand.
type Crawls interface {
	RequestCrawl(ctx context.Context, p lumen.Principal, req lumen.CrawlRequest) (lumen.CrawlRequestState, error)
	CrawlRequest(ctx context.Context, id string) (lumen.CrawlRequestState, error)
}

func (s *server) crawls(w http.ResponseWriter, r *http.Request) bool {
	if s.Crawls == nil {
		s.writeError(w, r, fmt.Errorf("crawl requests: %w (this process does not take them)", lumen.ErrUnavailable))
		return false
	}
	return true
}

// handleStartCrawl takes POST /api/v1/crawls: {"source": NAME} or
// {"seed": URL, "max_pages": N, "max_depth": N, "allow_private": B}.
func (s *server) handleStartCrawl() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.crawls(w, r) {
			return
		}
		var body struct {
			Source       string `json:"source"`
			Seed         string `json:"seed"`
			MaxPages     int    `json:"max_pages"`
			MaxDepth     *int   `json:"max_depth"`
			AllowPrivate bool   `json:"allow_private"`
		}
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&body); err != nil {
			var tooBig *http.MaxBytesError
			var typeErr *json.UnmarshalTypeError
			switch {
			case errors.As(err, &tooBig):
				s.writeError(w, r, err)
			case errors.As(err, &typeErr):
				s.writeError(w, r, typeError(typeErr, typeErr.Field))
			case unknownField.MatchString(err.Error()):
				s.writeError(w, r, lumen.Invalidf(unknownField.FindStringSubmatch(err.Error())[1], "unknown field (known: source, seed, max_pages, max_depth, allow_private)"))
			default:
				s.writeError(w, r, lumen.Invalidf("body", "send JSON such as {\"source\": \"pubmed\"} or {\"seed\": \"https://...\"}: %v", err))
			}
			return
		}
		st, err := s.Crawls.RequestCrawl(r.Context(), identityOf(r).p, lumen.CrawlRequest{
			Source: body.Source, Seed: body.Seed, MaxPages: body.MaxPages, MaxDepth: body.MaxDepth, AllowPrivate: body.AllowPrivate,
		})
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		w.Header().Set("Location", "/api/v1/crawls/"+st.Request.ID)
		writeJSON(w, http.StatusAccepted, st)
	})
}

func (s *server) handleCrawl() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.crawls(w, r) {
			return
		}
		st, err := s.Crawls.CrawlRequest(r.Context(), r.PathValue("run"))
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, st)
	})
}
