package httpapi

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
)

// apiHandler serves a request whose query parameters the router checked.
type apiHandler func(w http.ResponseWriter, r *http.Request, v values)

// router registers routes with their endpoints and answers, in JSON, what
// no route takes: 404 for an unknown path, 405 for a known path with
// another method.
type router struct {
	s   *server
	mux *http.ServeMux
	eps []*endpoint
}

func newRouter(s *server) *router { return &router{s: s, mux: http.NewServeMux()} }

// api registers an API route: its parameters are checked before h runs,
// and a bad one is a 400 naming it.
func (rt *router) api(ep *endpoint, h apiHandler) {
	rt.register(ep, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := readParams(ep, r)
		if err != nil {
			rt.s.paramError(w, r, ep, err)
			return
		}
		h(w, r, v)
	}))
}

// handle registers a route whose handler reads what it needs itself (a
// body, a form, a path value): its query parameters are checked first all
// the same.
func (rt *router) handle(ep *endpoint, h http.Handler) {
	rt.register(ep, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := readParams(ep, r); err != nil {
			rt.s.paramError(w, r, ep, err)
			return
		}
		h.ServeHTTP(w, r)
	}))
}

// page registers a page for people that reads its own parameters, to show
// what is wrong with them in the page.
func (rt *router) page(ep *endpoint, h http.HandlerFunc) { rt.register(ep, h) }

func (rt *router) register(ep *endpoint, h http.Handler) {
	if slices.Contains(rt.eps, ep) {
		panic("httpapi: route registered twice: " + ep.pattern())
	}
	rt.eps = append(rt.eps, ep)
	rt.mux.Handle(ep.pattern(), rt.s.instrument(ep, rt.s.guard(ep, h)))
}

// guard applies the endpoint's access rule before h.
func (s *server) guard(ep *endpoint, h http.Handler) http.Handler {
	switch ep.Access {
	case accessRead:
		return s.read(h)
	case accessReadPage:
		return s.readPage(h)
	case accessCurator:
		return s.write(lumen.RoleCurator, h)
	case accessAdmin:
		return s.write(lumen.RoleAdmin, h)
	}
	return h
}

// paramError answers a request whose parameters are wrong: the error shape,
// or for a browser asking for a page, a page that says so.
func (s *server) paramError(w http.ResponseWriter, r *http.Request, ep *endpoint, err error) {
	if ep.Page && wantsHTML(r) {
		_, msg := s.pageError(r, err)
		renderMessage(w, http.StatusBadRequest, "Bad request", msg)
		return
	}
	s.writeError(w, r, err)
}

// methods a route may have, for the Allow header of a 405.
var methods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, pattern := rt.mux.Handler(r); pattern != "" {
		rt.mux.ServeHTTP(w, r)
		return
	}
	var allowed []string
	for _, m := range methods {
		if m == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, p := rt.mux.Handler(probe); p != "" {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) > 0 {
		rt.s.Metrics.HTTPRequest("unknown", http.StatusMethodNotAllowed, 0)
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		msg := fmt.Sprintf("%s %s is not allowed; this route takes %s", r.Method, r.URL.Path, strings.Join(allowed, ", "))
		if wantsHTML(r) {
			renderMessage(w, http.StatusMethodNotAllowed, "Not here", msg)
			return
		}
		writeJSON(w, http.StatusMethodNotAllowed, errorBody{Code: "method_not_allowed", Message: msg})
		return
	}
	rt.s.Metrics.HTTPRequest("unknown", http.StatusNotFound, 0)
	err := fmt.Errorf("no route %s %s: %w", r.Method, r.URL.Path, lumen.ErrNotFound)
	if rt.s.Searcher == nil {
		err = fmt.Errorf("no route %s %s (this process serves no index; lumen serve or lumen run answers searches and pages): %w", r.Method, r.URL.Path, lumen.ErrNotFound)
	}
	rt.s.writeError(w, r, err)
}
