package httpapi

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"

	"github.com/lumen-research/lumen"
)

// DeadLetterLister lists the messages no consumer could handle.
type DeadLetterLister interface {
	DeadLetters(ctx context.Context) ([]lumen.DeadLetter, error)
}

// requireAdmin lets a request through only with "Authorization: Bearer
// <AdminToken>"; without an AdminToken the admin endpoints are closed.
func (s *server) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.AdminToken == "" {
			s.writeError(w, r, fmt.Errorf("admin endpoints are closed: set api.admin_token (LUMEN_ADMIN_TOKEN): %w", lumen.ErrUnauthorized))
			return
		}
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(token), []byte(s.AdminToken)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="lumen admin"`)
			s.writeError(w, r, fmt.Errorf("an admin token is required (Authorization: Bearer <token>): %w", lumen.ErrUnauthorized))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// handleDeadLetters lists the dead letters: GET /api/v1/deadletters (admin).
func (s *server) handleDeadLetters() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.DeadLetters == nil {
			s.writeError(w, r, fmt.Errorf("dead letters: %w (this process has no connection to them)", lumen.ErrUnavailable))
			return
		}
		dls, err := s.DeadLetters.DeadLetters(r.Context())
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if dls == nil {
			dls = []lumen.DeadLetter{}
		}
		writeJSON(w, http.StatusOK, map[string]any{"dead_letters": dls,
			"replay": "lumen deadletters replay ID (after fixing what made them fail)"})
	})
}
