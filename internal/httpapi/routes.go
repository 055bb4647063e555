package httpapi

import "net/http"

// routes lists every route. Each is registered through the router with its
// endpoint (endpoints.go), so that openapi.json describes it and the strict
// reader checks its parameters.
func (s *server) routes(r *router) {
	r.api(epClaims, s.handleClaims)
	r.api(epClaimsExport, s.handleClaimsExport)
	r.api(epMap, s.handleMap)
	r.api(epArticlesExport, s.handleArticlesExport)
	r.api(epArticle, s.handleArticle)
	r.api(epConcepts, s.handleConcepts)
	r.api(epCrawls, s.handleCrawls)
	r.api(epOpenAPI, s.handleOpenAPI)
	r.api(epHealthz, s.handleHealthz)
	r.api(epReadyz, s.handleReadyz)
	if s.Metrics != nil {
		r.api(epMetrics, func(w http.ResponseWriter, req *http.Request, _ values) { s.Metrics.Handler().ServeHTTP(w, req) })
	}
	r.page(epSearchPage, s.handleSearchPage)
	r.page(epMapPage, s.handleMapPage)
	r.page(epArticlePage, s.handleArticlePage)
}
