package httpapi

import (
	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/export"
)

// The endpoints of the API and the pages: what each route reads and
// answers. routes.go registers each with its handler; openapi.json is
// generated from them; the strict reader refuses what they do not declare.
var (
	epClaims = &endpoint{
		Access: accessRead,
		Method: "GET", Path: "/api/v1/claims", ID: "claims", Summary: "Search claims",
		Doc: "One page of the claims matching the filters, best first (or by date), with the facets asked for " +
			"and next_cursor while more hits remain.",
		Params:   withFilters(sortParam, fromParam, sizeParam, cursorParam, facetsParam),
		Response: claimsResponse{}, Errors: []int{400, 503},
	}
	epClaimsExport = &endpoint{
		Access: accessRead,
		Method: "GET", Path: "/api/v1/claims/export", ID: "claims_export", Summary: "Export every matching claim",
		Doc: "Streams every claim the filters select (not a page), with its article and identifiers (DOI, PMID, " +
			"PMCID, URL), its relation pairs, its review (status, curator, time, reason, note, flagged, retracted), " +
			"and the tagger and taxonomy versions: JSON Lines (one claim per line) or CSV (a header row, then one " +
			"row per claim; lists joined with \"; \", a pair as \"SUBJECT EFFECT OBJECT\").",
		Params:       withFilters(param{Name: "format", Type: "string", Enum: []string{"jsonl", "csv"}, Default: "jsonl", Doc: "jsonl or csv"}),
		ContentTypes: []string{"application/x-ndjson", "text/csv"}, Response: lumen.ClaimRecord{}, Errors: []int{400, 503},
		Timeout: exportTimeout,
	}
	epMap = &endpoint{
		Access: accessRead,
		Method: "GET", Path: "/api/v1/map", ID: "map", Summary: "Evidence map",
		Doc: "Who affects what: for every pair of a row concept and a column concept that a relation pair of the " +
			"selected claims relates (a claim that only mentions both is not counted), the claims, distinct articles, " +
			"counts by the pairs' effect, the strongest evidence and the curators' verdicts. A cell counts the pairs " +
			"from its concept of subject_kind (intervention before mechanism before condition) to the other, which " +
			"subject=, object= and effect= find; pairs the other way are counted apart (reverse, reverse_relations). " +
			"The pair filters narrow the pairs counted. Rejected claims count only under status=rejected. " +
			"Rows and columns follow the taxonomy's hierarchy. format=csv downloads it " +
			"as CSV, one row per cell with every figure (row, row_label, col, col_label, claims, articles, a column " +
			"per relation, supports, contradicts, negated, hedged, strongest_evidence, a column per evidence type, " +
			"accepted, rejected, reverse, a reverse_ column per relation); format=csv_matrix as a table of claim " +
			"counts, a row per row concept and a column per column concept.",
		Params: withFilters(kindParam("rows", "kind of the row concepts"), kindParam("cols", "kind of the column concepts"),
			param{Name: "format", Type: "string", Enum: []string{"json", export.MapCSV, export.MapMatrixCSV}, Default: "json",
				Doc: "json, csv (one row per cell) or csv_matrix (rows x columns of claim counts); the CSVs are downloads"}),
		ContentTypes: []string{"application/json", "text/csv"},
		Response:     lumen.EvidenceMap{}, Errors: []int{400, 503},
	}
	epArticlesExport = &endpoint{
		Access: accessRead,
		Method: "GET", Path: "/api/v1/articles/export", ID: "articles_export", Summary: "Export the articles behind a search",
		Doc: "The articles of the claims the filters select, for reference managers: RIS, BibTeX or CSL-JSON.",
		Params: withFilters(param{Name: "format", Type: "string", Enum: []string{"ris", "bibtex", "csljson"},
			Required: true, Doc: "ris, bibtex or csljson"}),
		ContentTypes: []string{"application/x-research-info-systems", "application/x-bibtex", "application/vnd.citationstyles.csl+json"},
		Errors:       []int{400, 503}, Timeout: exportTimeout,
	}
	epArticle = &endpoint{
		Access: accessRead,
		Method: "GET", Path: "/api/v1/articles/{id}", ID: "article", Summary: "An article with its claims",
		Doc:      "The article (metadata, text, identifiers, evidence type) with its claims in text order.",
		Response: lumen.ArticleDetail{}, Errors: []int{404, 503},
	}
	epConcepts = &endpoint{
		Access: accessRead,
		Method: "GET", Path: "/api/v1/concepts", ID: "concepts", Summary: "The taxonomy",
		Doc:      "Every concept: id, kind, label, MeSH id, broader concept, synonyms, abbreviations; and the taxonomy's version.",
		Response: conceptsResponse{},
	}
	epCrawls = &endpoint{
		Access: accessRead,
		Method: "GET", Path: "/api/v1/crawls", ID: "crawls", Summary: "Crawl runs, newest first",
		Params: []param{
			{Name: "source", Type: "string", Pattern: sourcePattern, Doc: "a source name (letters, digits, - and _)"},
			{Name: "limit", Type: "integer", Min: 1, Max: 1000, Default: "50", Doc: "runs to list"},
		},
		Response: crawlsResponse{}, Errors: []int{400, 503},
	}
	epStatus = &endpoint{
		Access: accessRead,
		Method: "GET", Path: "/api/v1/status", ID: "status", Summary: "The tagger version and how the index stands against it",
		Doc: "tagger_version and taxonomy_version are this server's; tags counts the indexed articles and those another " +
			"tagger version tagged (stale_articles, by version): after an upgrade, unchanged articles keep their old tags " +
			"until lumen reindex --retag, and retag_due says so. Counted at most every 5 minutes.",
		Response: statusResponseV1{},
	}
	epOpenAPI = &endpoint{
		Method: "GET", Path: "/api/v1/openapi.json", ID: "openapi", Summary: "This description of the API (OpenAPI 3.1)",
		Response: map[string]any{},
	}
	epHealthz = &endpoint{
		Method: "GET", Path: "/healthz", ID: "healthz", Summary: "Liveness: 200 while the process runs",
		Response: statusResponse{},
	}
	epReadyz = &endpoint{
		Method: "GET", Path: "/readyz", ID: "readyz", Summary: "Readiness: 200 when NATS, the streams and the index are open (status \"degraded\", still 200, when only NATS is away from a process that serves its index)",
		Doc: "503 with the failing check otherwise.", Response: readyResponse{}, Errors: []int{503},
	}
	epMetrics = &endpoint{
		Method: "GET", Path: "/metrics", ID: "metrics", Summary: "Prometheus metrics",
		ContentTypes: []string{"text/plain"},
	}
	epSearchPage = &endpoint{
		Access: accessReadPage,
		Method: "GET", Path: "/{$}", ID: "search_page", Summary: "The search page",
		Doc:    "Every filter of GET /api/v1/claims, facets that narrow the search, result ranges with previous and next.",
		Params: withFilters(sortParam, fromParam, sizeParam, cursorParam), Page: true, ContentTypes: []string{"text/html"},
		Errors: []int{400},
	}
	epMapPage = &endpoint{
		Access: accessReadPage,
		Method: "GET", Path: "/map", ID: "map_page", Summary: "The evidence map as a heat-map table",
		Params: withFilters(
			param{Name: "rows", Type: "string", Enum: []string{lumen.KindCondition, lumen.KindMechanism, lumen.KindIntervention}, Default: lumen.KindCondition, Doc: "kind of the row concepts"},
			param{Name: "cols", Type: "string", Enum: []string{lumen.KindCondition, lumen.KindMechanism, lumen.KindIntervention}, Default: lumen.KindMechanism, Doc: "kind of the column concepts"},
			param{Name: "collapse", Type: "string", Multi: true, Pattern: conceptPattern, Doc: "broader concepts shown collapsed (their narrower rows or columns hidden)"},
		),
		Page: true, ContentTypes: []string{"text/html"}, Errors: []int{400},
	}
	epArticlePage = &endpoint{
		Access: accessReadPage,
		Method: "GET", Path: "/articles/{id}", ID: "article_page", Summary: "An article with its claims highlighted in place",
		Doc:  "Each claim's sentence is marked in the text with an anchor (#claim-ID).",
		Page: true, ContentTypes: []string{"text/html"}, Errors: []int{404},
	}
)

// conceptsResponse is the body of GET /api/v1/concepts.
type conceptsResponse struct {
	Version  string          `json:"version"`
	Concepts []lumen.Concept `json:"concepts"`
}

// crawlsResponse is the body of GET /api/v1/crawls.
type crawlsResponse struct {
	Crawls []lumen.CrawlRun `json:"crawls"`
}

// statusResponse is the body of GET /healthz.
type statusResponse struct {
	Status string `json:"status"`
}

// readyResponse is the body of GET /readyz.
type readyResponse struct {
	Status string            `json:"status"`
	Checks map[string]string `json:"checks"`
}
