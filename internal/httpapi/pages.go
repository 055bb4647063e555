package httpapi

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/lumen-research/lumen"
)

//go:embed templates/*.html
var templateFS embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	// mark trusts the search highlight, which the index builds from escaped
	// text with only <mark> added.
	"mark":  func(s string) template.HTML { return template.HTML(s) },
	"label": func(m map[string]lumen.Concept, id string) string { return conceptLabel(m, id) },
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	},
	"pageURL": func(v url.Values, from int) string {
		c := url.Values{}
		for k, vs := range v {
			c[k] = vs
		}
		c.Set("from", strconv.Itoa(from))
		return "/?" + c.Encode()
	},
	"add":  func(a, b int) int { return a + b },
	"has":  func(list []string, v string) bool { return slices.Contains(list, v) },
	"more": func(total uint64, from, size int) bool { return total > uint64(from+size) },
	"withLabels": func(labels map[string]lumen.Concept, c lumen.Claim) claimView {
		return claimView{Claim: c, Labels: labels}
	},
}).ParseFS(templateFS, "templates/*.html"))

func conceptLabel(m map[string]lumen.Concept, id string) string {
	if c, ok := m[id]; ok {
		return c.Label
	}
	return id
}

type claimView struct {
	Claim  lumen.Claim
	Labels map[string]lumen.Concept
}

type searchPage struct {
	Query    url.Values
	Q        string
	Concept  string
	Negated  string
	Hedged   string
	Sort     string
	Status   string
	Statuses []string
	Concepts []lumen.Concept
	Labels   map[string]lumen.Concept
	Results  *lumen.ClaimResults
	From     int
	Size     int
	Error    string
}

func (s *server) handleSearchPage() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := r.URL.Query()
		p := searchPage{Query: v, Q: v.Get("q"), Concept: v.Get("concept"), Negated: v.Get("negated"),
			Hedged: v.Get("hedged"), Sort: v.Get("sort"), Status: v.Get("status"), Statuses: lumen.Statuses,
			Concepts: s.Taxonomy.Concepts, Labels: s.concepts}
		q, err := s.parseClaimQuery(v)
		status := http.StatusOK
		if err == nil {
			var res lumen.ClaimResults
			res, err = s.Searcher.SearchClaims(r.Context(), q)
			if err == nil {
				p.Results, p.From, p.Size = &res, q.From, q.Size
			}
		}
		if err != nil {
			var inv *lumen.InvalidError
			if errors.As(err, &inv) {
				status, p.Error = http.StatusBadRequest, inv.Error()
			} else {
				s.Logger.Error("search page", "err", err)
				status, p.Error = http.StatusInternalServerError, "The search failed; try again."
			}
		}
		render(w, status, "search.html", p)
	})
}

type articlePage struct {
	Article lumen.ArticleDetail
	Labels  map[string]lumen.Concept
}

func (s *server) handleArticlePage() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := s.Searcher.Article(r.Context(), r.PathValue("id"))
		if errors.Is(err, lumen.ErrNotFound) {
			http.Error(w, "article not found", http.StatusNotFound)
			return
		}
		if err != nil {
			s.Logger.Error("article page", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		render(w, http.StatusOK, "article.html", articlePage{Article: d, Labels: s.concepts})
	})
}

func render(w http.ResponseWriter, status int, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	w.Header().Set("Referrer-Policy", "same-origin")
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, name, data); err != nil {
		fmt.Fprintf(w, "<p>template error</p>")
	}
}
