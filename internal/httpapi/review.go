package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/curation"
)

// maxReviewBody bounds a decision's body.
const maxReviewBody = 64 << 10

// claimWithETag is a claim in a curator's response, with its version.
type claimWithETag struct {
	lumen.ClaimHit
	ETag string `json:"etag"`
}

func (s *server) curation(w http.ResponseWriter, r *http.Request) bool {
	if s.Curation == nil {
		s.writeError(w, r, fmt.Errorf("review: %w (this process does not serve the curators)", lumen.ErrUnavailable))
		return false
	}
	return true
}

func (s *server) handleClaim() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.curation(w, r) {
			return
		}
		c, etag, err := s.Curation.Get(r.Context(), r.PathValue("id"))
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		w.Header().Set("ETag", etag)
		writeJSON(w, http.StatusOK, claimWithETag{c, etag})
	})
}

func (s *server) handleClaimHistory() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.curation(w, r) {
			return
		}
		id := r.PathValue("id")
		ds, err := s.Curation.History(r.Context(), id)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if ds == nil {
			ds = []lumen.ReviewDecision{}
		}
		writeJSON(w, http.StatusOK, claimHistory{ClaimID: id, Decisions: ds})
	})
}

// reviewBody is what POST /api/v1/claims/{id}/review reads: the request,
// and fields a client may send that are ignored (the curator's name comes
// from the token, the time from the server).
type reviewBody struct {
	curation.Request
	Curator json.RawMessage `json:"curator,omitempty"`
	At      json.RawMessage `json:"at,omitempty"`
}

var unknownField = regexp.MustCompile(`unknown field "([^"]*)"`)

// decodeReview reads a decision body: JSON, at most maxReviewBody bytes,
// no fields but the request's.
func decodeReview(w http.ResponseWriter, r *http.Request) (curation.Request, error) {
	var b reviewBody
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxReviewBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		var tooBig *http.MaxBytesError
		var typeErr *json.UnmarshalTypeError
		switch {
		case errors.As(err, &tooBig):
			return b.Request, err
		case errors.As(err, &typeErr):
			return b.Request, typeError(typeErr, strings.TrimPrefix(typeErr.Field, "Request."))
		case unknownField.MatchString(err.Error()):
			f := unknownField.FindStringSubmatch(err.Error())[1]
			return b.Request, lumen.Invalidf(f, "unknown field (known: action, reason, concepts, relation, negated, hedged, note)")
		case errors.Is(err, io.EOF):
			return b.Request, lumen.Invalidf("action", "the body is empty; send JSON such as {\"action\": \"accept\"}")
		default:
			return b.Request, lumen.Invalidf("body", "not valid JSON: %v", err)
		}
	}
	if dec.More() {
		return b.Request, lumen.Invalidf("body", "one JSON object only")
	}
	return b.Request, nil
}

func (s *server) handleReview() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.curation(w, r) {
			return
		}
		req, err := decodeReview(w, r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		c, etag, err := s.Curation.Decide(r.Context(), identityOf(r).p, r.PathValue("id"), r.Header.Get("If-Match"), req)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		w.Header().Set("ETag", etag)
		writeJSON(w, http.StatusOK, claimWithETag{c, etag})
	})
}

func (s *server) handleQueue(w http.ResponseWriter, r *http.Request, v values) {
	if !s.curation(w, r) {
		return
	}
	q, err := s.claimQuery(r.Context(), v)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	hits, err := s.Curation.Queue(r.Context(), identityOf(r).p, q, v.integer("size"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := make([]claimWithETag, len(hits))
	for i, h := range hits {
		out[i] = claimWithETag{h, curation.ETag(h)}
	}
	writeJSON(w, http.StatusOK, queueResponse{Claims: out, LeaseSeconds: int(s.LeaseTTL / time.Second)})
}

func (s *server) handleReviewStats() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.curation(w, r) {
			return
		}
		st, err := s.Curation.Stats(r.Context())
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if st.Curators == nil {
			st.Curators = []curation.CuratorCount{}
		}
		writeJSON(w, http.StatusOK, st)
	})
}
