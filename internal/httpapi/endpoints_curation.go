package httpapi

import (
	"net/http"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/curation"
)

// The curators' and operators' routes (review, sign-in, crawl requests),
// declared like the others so that the strict reader checks them and
// openapi.json describes them.
var (
	epClaim = &endpoint{
		Method: "GET", Path: "/api/v1/claims/{id}", ID: "claim", Summary: "A claim with its review state",
		Doc: "The claim as indexed (curated values and relation pairs when a curator decided it; the tagger's in " +
			"review.machine, with not_a_claim when a re-tag no longer reads its sentence, still in the article, as a " +
			"claim: the claim then stays, flagged) and its version in the ETag header, for If-Match.", Access: accessRead,
		Response: claimWithETag{}, Errors: []int{401, 404, 503},
	}
	epClaimHistory = &endpoint{
		Method: "GET", Path: "/api/v1/claims/{id}/history", ID: "claim_history", Summary: "Every decision on a claim, oldest first",
		Access: accessRead, Response: claimHistory{}, Errors: []int{401, 404, 503},
	}
	epClaimReview = &endpoint{
		Method: "POST", Path: "/api/v1/claims/{id}/review", ID: "claim_review", Summary: "Decide a claim: accept, reject, correct or undo",
		Doc: "Needs a curator token (or a signed-in session with its X-CSRF-Token) and If-Match: the ETag the curator " +
			"saw, as given (a weak W/ tag never matches: 400); a stale one is a 409 with the claim as it now stands, none a 428. " +
			"A correction sets concepts, relation, negated, hedged and relations (the pairs); fields left out keep the " +
			"values shown, and pairs left out follow the correction: pairs of removed concepts go, a changed relation, " +
			"negation or hedge applies to the pairs kept, an added concept is related to the others, cause first. " +
			"Search's subject, object and effect filters, the map and the exports use the corrected values.",
		Access: accessCurator, Body: curation.Request{}, Response: claimWithETag{},
		Errors: []int{401, 403, 404, 409, 413, 428, 503},
	}
	epReviewQueue = &endpoint{
		Method: "GET", Path: "/api/v1/review/queue", ID: "review_queue", Summary: "The next claims to review, leased to the curator",
		Doc:    "Flagged claims first, then the tagger's least sure; the claim filters narrow the queue.",
		Access: accessCurator, Response: queueResponse{}, Errors: []int{401, 403, 503},
		Params: withFilters(param{Name: "size", Type: "integer", Min: 1, Max: 50, Default: "1", Doc: "claims to lease"},
			searchOnly(sortParam), searchOnly(fromParam), searchOnly(cursorParam)),
	}
	epReviewStats = &endpoint{
		Method: "GET", Path: "/api/v1/review/stats", ID: "review_stats", Summary: "Decisions by status, reason and curator, and agreement",
		Access: accessRead, Response: curation.Stats{}, Errors: []int{401, 503},
	}
	epCrawlStart = &endpoint{
		Method: "POST", Path: "/api/v1/crawls", ID: "crawl_start", Summary: "Ask for a crawl now",
		Doc:    `{"source": NAME} or {"seed": URL, "max_pages": N, "max_depth": N, "allow_private": B}; needs an admin token.`,
		Access: accessAdmin, Body: crawlRequestBody{}, Response: lumen.CrawlRequestState{}, Status: http.StatusAccepted,
		Errors: []int{401, 403, 413, 503},
	}
	epCrawl = &endpoint{
		Method: "GET", Path: "/api/v1/crawls/{run}", ID: "crawl", Summary: "Where a crawl request stands",
		Doc: "Needs an admin token, as starting one does: a request names who asked and its seed, which may be " +
			"an internal host (allow_private).",
		Access: accessAdmin, Response: lumen.CrawlRequestState{}, Errors: []int{401, 403, 404, 503},
	}
	epReviewPage = &endpoint{
		Method: "GET", Path: "/review", ID: "review_page", Summary: "The review page: one claim to decide at a time",
		Doc: "For signed-in curators; the claim filters narrow the queue.", Page: true, ContentTypes: []string{"text/html"},
		Params: withFilters(
			param{Name: "claim", Type: "string", Pattern: idPattern, Doc: "review this claim instead of the queue's next"},
			param{Name: "done", Type: "string", Doc: "the decision just made (for the page's message)"},
			param{Name: "last", Type: "string", Pattern: idPattern, Doc: "the claim just decided (to undo)"},
			param{Name: "etag", Type: "string", Doc: "its version after the decision"},
			searchOnly(sortParam), searchOnly(fromParam), searchOnly(sizeParam), searchOnly(cursorParam),
		),
		Errors: []int{400, 403, 404, 503},
	}
	epReviewForm = &endpoint{
		Method: "POST", Path: "/review/{id}", ID: "review_decide", Summary: "The review page's decision form",
		Form: true, Page: true, ContentTypes: []string{"text/html"}, Errors: []int{400, 403, 404, 409, 428, 503},
	}
	epSignInPage = &endpoint{
		Method: "GET", Path: "/signin", ID: "signin_page", Summary: "The sign-in page",
		Params: []param{{Name: "next", Type: "string", Doc: "a path on this site to go to after signing in"}},
		Page:   true, ContentTypes: []string{"text/html"},
	}
	epSignIn = &endpoint{
		Method: "POST", Path: "/signin", ID: "signin", Summary: "Sign in with a token (form)",
		Form: true, Page: true, ContentTypes: []string{"text/html"}, Errors: []int{401, 403},
	}
	epSignOut = &endpoint{
		Method: "POST", Path: "/signout", ID: "signout", Summary: "Sign out (form)",
		Form: true, Page: true, ContentTypes: []string{"text/html"}, Errors: []int{403},
	}
	epStatic = &endpoint{
		Method: "GET", Path: "/static/{file...}", ID: "static", Summary: "The pages' static files",
		ContentTypes: []string{"text/javascript", "text/css"}, Errors: []int{404},
	}
)

// searchOnly is a search parameter that a route taking the search's filters
// accepts and ignores, so that a search's URL (the search page's form sends
// sort and size always) narrows the review queue as it is.
func searchOnly(p param) param {
	p.Doc = "ignored (the search's own " + p.Name + ", accepted so that a search's URL works here)"
	p.Default = ""
	return p
}

// claimHistory is the body of GET /api/v1/claims/{id}/history.
type claimHistory struct {
	ClaimID   string                 `json:"claim_id"`
	Decisions []lumen.ReviewDecision `json:"decisions"`
}

// queueResponse is the body of GET /api/v1/review/queue.
type queueResponse struct {
	Claims       []claimWithETag `json:"claims"`
	LeaseSeconds int             `json:"lease_seconds"`
}

// crawlRequestBody is the body of POST /api/v1/crawls.
type crawlRequestBody struct {
	Source       string `json:"source,omitempty"`
	Seed         string `json:"seed,omitempty"`
	MaxPages     int    `json:"max_pages,omitempty"`
	MaxDepth     *int   `json:"max_depth,omitempty"`
	AllowPrivate bool   `json:"allow_private,omitempty"`
}
