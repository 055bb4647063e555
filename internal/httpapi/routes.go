package httpapi

import "net/http"

// routes lists every route. Each is registered through the router with its
// endpoint (endpoints.go, endpoints_curation.go), so that openapi.json
// describes it, the strict reader checks its parameters, and its access
// rule applies: reads are open unless the deployment asks for a token,
// writes need a token with the role named.
func (s *server) routes(r *router) {
	// A process that serves no index (lumen crawl, lumen work: their
	// health endpoints) has no searches, articles, map, exports, pages or
	// curation: those routes are not there (404), rather than forever
	// unavailable (503).
	if s.Searcher != nil {
		r.api(epClaims, s.handleClaims)
		r.api(epClaimsExport, s.handleClaimsExport)
		r.api(epMap, s.handleMap)
		r.handle(epClaim, s.handleClaim())
		r.handle(epClaimHistory, s.handleClaimHistory())
		r.handle(epClaimReview, s.handleReview())
		r.api(epReviewQueue, s.handleQueue)
		r.handle(epReviewStats, s.handleReviewStats())
		r.api(epArticlesExport, s.handleArticlesExport)
		r.api(epArticle, s.handleArticle)
		r.api(epStatus, s.handleStatus)
	}
	r.api(epConcepts, s.handleConcepts)
	r.api(epCrawls, s.handleCrawls)
	r.api(epDeadLetters, s.handleDeadLetters)
	r.handle(epCrawlStart, s.handleStartCrawl())
	r.handle(epCrawl, s.handleCrawl())
	r.api(epOpenAPI, s.handleOpenAPI)
	r.api(epHealthz, s.handleHealthz)
	r.api(epReadyz, s.handleReadyz)
	if s.Metrics != nil {
		r.api(epMetrics, func(w http.ResponseWriter, req *http.Request, _ values) { s.Metrics.Handler().ServeHTTP(w, req) })
	}
	if s.Searcher == nil {
		return
	}
	r.page(epSearchPage, s.handleSearchPage)
	r.page(epMapPage, s.handleMapPage)
	r.page(epArticlePage, s.handleArticlePage)
	r.handle(epReviewPage, s.handleReviewPage())
	r.handle(epReviewForm, s.handleReviewForm())
	r.handle(epSignInPage, s.handleSignInPage())
	r.handle(epSignIn, s.handleSignIn())
	r.handle(epSignOut, s.handleSignOut())
	r.handle(epStatic, s.handleStatic())
}
