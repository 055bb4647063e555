package httpapi

import (
	"net/http"

	"github.com/lumen-research/lumen"
)

// routes lists every route. Reads are open unless the deployment asks for a
// token (s.read); writes need a token with the role named (s.write).
func (s *server) routes(mux *http.ServeMux) {
	mux.Handle("GET /api/v1/claims", s.instrument("claims", s.read(s.handleClaims())))
	mux.Handle("GET /api/v1/claims/{id}", s.instrument("claim", s.read(s.handleClaim())))
	mux.Handle("GET /api/v1/claims/{id}/history", s.instrument("claim_history", s.read(s.handleClaimHistory())))
	mux.Handle("POST /api/v1/claims/{id}/review", s.instrument("claim_review", s.write(lumen.RoleCurator, s.handleReview())))
	mux.Handle("GET /api/v1/review/queue", s.instrument("review_queue", s.write(lumen.RoleCurator, s.handleQueue())))
	mux.Handle("GET /api/v1/review/stats", s.instrument("review_stats", s.read(s.handleReviewStats())))
	mux.Handle("GET /api/v1/articles/{id}", s.instrument("article", s.read(s.handleArticle())))
	mux.Handle("GET /api/v1/concepts", s.instrument("concepts", s.read(s.handleConcepts())))
	mux.Handle("GET /api/v1/crawls", s.instrument("crawls", s.read(s.handleCrawls())))
	mux.Handle("POST /api/v1/crawls", s.instrument("crawl_start", s.write(lumen.RoleAdmin, s.handleStartCrawl())))
	mux.Handle("GET /api/v1/crawls/{run}", s.instrument("crawl", s.read(s.handleCrawl())))
	mux.Handle("GET /api/v1/", s.instrument("unknown", s.handleNotFound()))
	mux.Handle("GET /healthz", s.handleHealthz())
	mux.Handle("GET /readyz", s.handleReadyz())
	if s.Metrics != nil {
		mux.Handle("GET /metrics", s.Metrics.Handler())
	}
	mux.Handle("GET /{$}", s.instrument("search_page", s.readPage(s.handleSearchPage())))
	mux.Handle("GET /articles/{id}", s.instrument("article_page", s.readPage(s.handleArticlePage())))
	mux.Handle("GET /review", s.instrument("review_page", s.handleReviewPage()))
	mux.Handle("POST /review/{id}", s.instrument("review_decide", s.handleReviewForm()))
	mux.Handle("GET /signin", s.instrument("signin_page", s.handleSignInPage()))
	mux.Handle("POST /signin", s.instrument("signin", s.handleSignIn()))
	mux.Handle("POST /signout", s.instrument("signout", s.handleSignOut()))
	mux.Handle("GET /static/", s.handleStatic())
}
