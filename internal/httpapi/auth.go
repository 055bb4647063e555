package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/auth"
)

// Authenticator tells who a bearer token belongs to.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (lumen.Principal, error)
}

// Sessions keeps the pages' sign-ins.
type Sessions interface {
	SignIn(ctx context.Context, token string) (auth.Session, lumen.Principal, error)
	Get(ctx context.Context, id string) (auth.Session, lumen.Principal, error)
	SignOut(ctx context.Context, id string) error
}

// sessionCookie names the pages' session cookie.
const sessionCookie = "lumen_session"

// csrfHeader carries the CSRF token of a session-authenticated API write
// (forms carry it in the "csrf" field).
const csrfHeader = "X-CSRF-Token"

type identity struct {
	p       lumen.Principal
	session *auth.Session // when signed in through the pages
}

type identityKey struct{}

func identityOf(r *http.Request) identity {
	id, _ := r.Context().Value(identityKey{}).(identity)
	return id
}

// identify finds who the request acts for: a bearer token, else the
// session cookie. A bearer token that is malformed, unknown or revoked is a
// 401 even where anonymous requests are allowed: the caller meant to be
// someone. An unusable session cookie is ignored (the pages sign in again).
func (s *server) identify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var id identity
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, token, _ := strings.Cut(h, " ")
			if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
				s.writeError(w, r, fmt.Errorf("the Authorization header must be \"Bearer TOKEN\": %w", lumen.ErrUnauthorized))
				return
			}
			if s.Auth == nil {
				s.writeError(w, r, fmt.Errorf("tokens: %w (this process keeps none)", lumen.ErrUnavailable))
				return
			}
			p, err := s.Auth.Authenticate(r.Context(), strings.TrimSpace(token))
			if err != nil {
				s.writeError(w, r, err)
				return
			}
			id.p = p
		} else if c, err := r.Cookie(sessionCookie); err == nil && s.Sessions != nil {
			if sess, p, err := s.Sessions.Get(r.Context(), c.Value); err == nil {
				id.p, id.session = p, &sess
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), identityKey{}, id)))
	})
}

// read guards a route that reads: open to all unless reads need a token.
func (s *server) read(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.RequireTokenForReads && identityOf(r).p.Name == "" {
			s.writeError(w, r, fmt.Errorf("reading needs a token (Authorization: Bearer TOKEN): %w", lumen.ErrUnauthorized))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// write guards a route that changes something: it needs a token with role
// (or a signed-in session whose request carries the session's CSRF token).
func (s *server) write(role string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := identityOf(r)
		if id.p.Name == "" {
			s.writeError(w, r, fmt.Errorf("this needs a token (Authorization: Bearer TOKEN): %w", lumen.ErrUnauthorized))
			return
		}
		if id.session != nil && unsafeMethod(r.Method) && !id.session.CheckCSRF(r.Header.Get(csrfHeader)) {
			s.writeError(w, r, fmt.Errorf("a signed-in request that changes something must carry the session's %s header: %w", csrfHeader, lumen.ErrForbidden))
			return
		}
		if !id.p.Can(role) {
			s.writeError(w, r, fmt.Errorf("this needs the %s role; %s is a %s: %w", role, id.p.Name, id.p.Role, lumen.ErrForbidden))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}
