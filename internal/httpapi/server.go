// Package httpapi serves Lumen's HTTP API (JSON under /api/v1), the search
// page for researchers, and the health, readiness and metrics endpoints. It
// declares the small interfaces it needs (Searcher, RunLister) and knows
// nothing of bleve or NATS.
package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"runtime/debug"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/curation"
	"github.com/lumen-research/lumen/internal/metrics"
	"github.com/lumen-research/lumen/internal/vocab"
)

// Searcher finds claims and articles.
type Searcher interface {
	SearchClaims(ctx context.Context, q lumen.ClaimQuery) (lumen.ClaimResults, error)
	Article(ctx context.Context, id string) (lumen.ArticleDetail, error)
}

// ConceptIndex tells whether claims in the index are tagged with a concept
// (one the taxonomy may lack, since a change removed it).
type ConceptIndex interface {
	TaggedWith(ctx context.Context, concept string) (bool, error)
}

// Mapper draws evidence maps.
type Mapper interface {
	EvidenceMap(ctx context.Context, q lumen.MapQuery) (lumen.EvidenceMap, error)
}

// Exporter streams every claim, or every article, that a query selects.
type Exporter interface {
	ExportClaims(ctx context.Context, q lumen.ClaimQuery, fn func(lumen.ClaimRecord) error) error
	ExportArticles(ctx context.Context, q lumen.ClaimQuery, fn func(lumen.ArticleMeta) error) error
}

// ArticleTexter reads an article's text alone; the review page uses it,
// when the Searcher has it, for the sentences around a claim instead of
// reading the whole article with its claims.
type ArticleTexter interface {
	ArticleText(ctx context.Context, id string) (string, error)
}

// RunLister lists crawl runs, newest first.
type RunLister interface {
	Runs(ctx context.Context, source string, limit int) ([]lumen.CrawlRun, error)
}

// Curator is the curators' workflow (curation.Service).
type Curator interface {
	Get(ctx context.Context, id string) (lumen.ClaimHit, string, error)
	History(ctx context.Context, id string) ([]lumen.ReviewDecision, error)
	Decide(ctx context.Context, p lumen.Principal, id, ifMatch string, r curation.Request) (lumen.ClaimHit, string, error)
	Queue(ctx context.Context, p lumen.Principal, q lumen.ClaimQuery, n int) ([]lumen.ClaimHit, error)
	Skip(ctx context.Context, p lumen.Principal, id string) error
	Stats(ctx context.Context) (curation.Stats, error)
}

// Check is a readiness check: nil when the dependency is ready.
type Check struct {
	Name  string
	Check func(ctx context.Context) error
	// Degrades: the server still answers what matters without the
	// dependency (an API server's searches come from its local index, not
	// NATS), so its failure leaves /readyz at 200 with status "degraded"
	// and the reason under checks, and a load balancer keeps the server.
	Degrades bool
}

// Deps are what the server serves from. When Searcher is also a Mapper and
// an Exporter (*indexer.Index is), the evidence map and the exports are
// served too, else they answer 503. A nil Searcher is a process that serves
// no index (the crawler's and the worker's health endpoints): the routes of
// searches, articles, the map, exports, pages and curation are then not
// served at all (404 naming lumen serve). A nil Runs makes
// /api/v1/crawls answer 503.
type Deps struct {
	Searcher Searcher
	Runs     RunLister
	Taxonomy lumen.Taxonomy
	Ready    []Check
	// Curation, Auth and Sessions serve the curators; nil makes their
	// routes answer 503.
	Curation Curator
	// Crawls takes operators' crawl requests (POST /api/v1/crawls).
	Crawls   Crawls
	Auth     Authenticator
	Sessions Sessions
	// RequireTokenForReads makes every read need a token (any role);
	// reads are open by default. Writes always need one.
	RequireTokenForReads bool
	// LeaseTTL is how long the review queue leases a claim (shown to curators).
	LeaseTTL time.Duration
	// SecureCookies marks the session cookie Secure always; otherwise it
	// is Secure when the request came over TLS, or from one of
	// TrustedProxies with X-Forwarded-Proto: https.
	SecureCookies  bool
	TrustedProxies []netip.Prefix
	// DeadLetters, if set, serves GET /api/v1/deadletters (admins).
	DeadLetters DeadLetterLister
	Metrics     *metrics.Metrics
	Logger      *slog.Logger
	// RequestTimeout bounds each request's work (default 15s).
	RequestTimeout time.Duration
	// TaggerVersion is the version of the tagger this deployment runs
	// (taxonomy+rules): when the Searcher is a TagVersioner, the search
	// page and GET /api/v1/status say how many articles another version
	// tagged (lumen reindex --retag is then due).
	TaggerVersion string
}

type server struct {
	Deps
	concepts map[string]lumen.Concept
	vocab    *vocab.Vocabulary
	eps      []*endpoint // every route, in registration order
	openapiCache
	tags tagCache
}

// NewServer returns the handler of every route (see routes.go).
func NewServer(d Deps) http.Handler {
	_, h := newServer(d)
	return h
}

func newServer(d Deps) (*server, http.Handler) {
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.RequestTimeout <= 0 {
		d.RequestTimeout = 15 * time.Second
	}
	s := &server{Deps: d, concepts: map[string]lumen.Concept{}, vocab: vocab.New(d.Taxonomy)}
	for _, c := range d.Taxonomy.Concepts {
		s.concepts[c.ID] = c
	}
	rt := newRouter(s)
	s.routes(rt)
	s.eps = rt.eps
	return s, s.recoverer(s.identify(rt))
}

// errorBody is every error response.
type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	// Claim and ETag: a decision refused as stale carries the claim as it
	// now stands.
	Claim *lumen.ClaimHit `json:"claim,omitempty"`
	ETag  string          `json:"etag,omitempty"`
}

// writeError is the one place that maps errors to HTTP status codes. Internal
// errors are logged here, once, and the client gets a generic message.
func (s *server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var (
		status   = http.StatusInternalServerError
		body     = errorBody{Code: "internal", Message: "internal error"}
		inv      *lumen.InvalidError
		conflict *curation.ConflictError
		tooBig   *http.MaxBytesError
	)
	switch {
	case errors.As(err, &conflict):
		status, body = http.StatusConflict, errorBody{Code: "conflict", Message: err.Error(), Claim: &conflict.Current, ETag: conflict.ETag}
		w.Header().Set("ETag", conflict.ETag)
	case errors.As(err, &tooBig):
		status, body = http.StatusRequestEntityTooLarge, errorBody{Code: "too_large", Message: fmt.Sprintf("the body is larger than %d bytes", tooBig.Limit)}
	case errors.As(err, &inv):
		status, body = http.StatusBadRequest, errorBody{Code: "invalid", Message: inv.Error(), Field: inv.Field}
	case errors.Is(err, lumen.ErrInvalid):
		status, body = http.StatusBadRequest, errorBody{Code: "invalid", Message: err.Error()}
	case errors.Is(err, lumen.ErrNotFound):
		status, body = http.StatusNotFound, errorBody{Code: "not_found", Message: err.Error()}
	case errors.Is(err, lumen.ErrConflict):
		status, body = http.StatusConflict, errorBody{Code: "conflict", Message: err.Error()}
	case errors.Is(err, lumen.ErrUnauthorized):
		status, body = http.StatusUnauthorized, errorBody{Code: "unauthorized", Message: err.Error()}
		w.Header().Set("WWW-Authenticate", `Bearer realm="lumen"`)
	case errors.Is(err, lumen.ErrForbidden):
		status, body = http.StatusForbidden, errorBody{Code: "forbidden", Message: err.Error()}
	case errors.Is(err, lumen.ErrPreconditionRequired):
		status, body = http.StatusPreconditionRequired, errorBody{Code: "precondition_required", Message: err.Error()}
	case errors.Is(err, lumen.ErrUnavailable):
		status, body = http.StatusServiceUnavailable, errorBody{Code: "unavailable", Message: err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		status, body = http.StatusServiceUnavailable, errorBody{Code: "timeout", Message: "the request took too long; narrow the query"}
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client went away
	default:
		s.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		s.Metrics.Error(metrics.StageAPI, "internal")
	}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // highlights carry <mark>; the body is JSON, served with nosniff
	// Compact: indenting cost a tenth of a search's time (pipe to jq to read it).
	_ = enc.Encode(v)
}

// recoverer turns a panic in a handler into a 500 and keeps serving.
func (s *server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.Logger.Error("handler panic", "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
				s.Metrics.Error(metrics.StageAPI, "panic")
				writeJSON(w, http.StatusInternalServerError, errorBody{Code: "internal", Message: "internal error"})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusWriter records the status code for metrics.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (to flush, or to
// extend the write deadline of a long export).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// instrument records the route's latency and status code, and bounds the
// request's work with the request timeout (or the endpoint's own).
func (s *server) instrument(ep *endpoint, h http.Handler) http.Handler {
	timeout := s.RequestTimeout
	if ep.Timeout > 0 {
		timeout = ep.Timeout
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r.WithContext(ctx))
		s.Metrics.HTTPRequest(ep.ID, sw.code, time.Since(start))
		s.Logger.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.code, "took", time.Since(start))
	})
}
