package httpapi

import "net/http"

// routes lists every route.
func (s *server) routes(mux *http.ServeMux) {
	mux.Handle("GET /api/v1/claims", s.instrument("claims", s.handleClaims()))
	mux.Handle("GET /api/v1/articles/{id}", s.instrument("article", s.handleArticle()))
	mux.Handle("GET /api/v1/concepts", s.instrument("concepts", s.handleConcepts()))
	mux.Handle("GET /api/v1/crawls", s.instrument("crawls", s.handleCrawls()))
	mux.Handle("GET /api/v1/deadletters", s.instrument("deadletters", s.requireAdmin(s.handleDeadLetters())))
	mux.Handle("GET /api/v1/", s.instrument("unknown", s.handleNotFound()))
	mux.Handle("GET /healthz", s.handleHealthz())
	mux.Handle("GET /readyz", s.handleReadyz())
	if s.Metrics != nil {
		mux.Handle("GET /metrics", s.Metrics.Handler())
	}
	mux.Handle("GET /{$}", s.instrument("search_page", s.handleSearchPage()))
	mux.Handle("GET /articles/{id}", s.instrument("article_page", s.handleArticlePage()))
}
