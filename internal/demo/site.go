// Package demo serves a small sample site for `lumen demo` and for tests: the
// three seed articles on the gut-skin connection as HTML pages with site
// chrome (navigation, footer) for the extractor to see through, an index page
// linking them, a robots.txt that disallows a private section, and a sitemap.
// It needs no network beyond loopback.
package demo

import (
	"bufio"
	"embed"
	"fmt"
	"html"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed seeds/*.txt
var seedFS embed.FS

// Page is one article of the sample site.
type Page struct {
	Slug      string
	Title     string
	Published time.Time
	Text      string // the seed text as it is in the corpus
}

var pageMeta = []struct {
	file, slug, title string
	published         time.Time
}{
	{"seeds/000_8aeaec9aa6759c52.txt", "gut-skin-connection", "The Gut-Skin Connection Is Real", time.Date(2024, 5, 14, 0, 0, 0, 0, time.UTC)},
	{"seeds/001_ca5b053eae16d6c9.txt", "internal-harmony", "Unveiling the Gut-Skin Connection: Your Internal Harmony Reflects on Your Skin", time.Date(2023, 11, 2, 0, 0, 0, 0, time.UTC)},
	{"seeds/002_db8f5e1faf9c99c0.txt", "gut-skin-axis", "The Gut-Skin Axis: Unlocking the Connection Between Digestion and Dermatology", time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC)},
}

// Pages returns the sample site's articles.
func Pages() []Page {
	out := make([]Page, 0, len(pageMeta))
	for _, m := range pageMeta {
		b, err := seedFS.ReadFile(m.file)
		if err != nil {
			panic(fmt.Sprintf("demo: embedded %s: %v", m.file, err)) // cannot happen: embedded at build time
		}
		out = append(out, Page{Slug: m.slug, Title: m.title, Published: m.published, Text: string(b)})
	}
	return out
}

// Handler serves the sample site.
func Handler() http.Handler {
	pages := Pages()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\n\nSitemap: %s/sitemap.xml\n", base(r))
	})
	mux.HandleFunc("GET /sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		fmt.Fprintln(w, `<?xml version="1.0" encoding="UTF-8"?>`)
		fmt.Fprintln(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for _, p := range pages {
			fmt.Fprintf(w, "  <url><loc>%s/articles/%s.html</loc><lastmod>%s</lastmod></url>\n", base(r), p.Slug, p.Published.Format("2006-01-02"))
		}
		fmt.Fprintln(w, `</urlset>`)
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString("<h1>Gut &amp; Skin Notes</h1>\n<p>Articles on the gut-skin connection.</p>\n<ul>\n")
		for _, p := range pages {
			fmt.Fprintf(&b, "<li><a href=\"/articles/%s.html\">%s</a></li>\n", p.Slug, html.EscapeString(p.Title))
		}
		b.WriteString("</ul>\n<p><a href=\"/private/drafts.html\">Drafts</a></p>\n")
		writePage(w, "Gut & Skin Notes", time.Time{}, b.String())
	})
	mux.HandleFunc("GET /articles/{file}", func(w http.ResponseWriter, r *http.Request) {
		slug := strings.TrimSuffix(path.Base(r.PathValue("file")), ".html")
		for _, p := range pages {
			if p.Slug == slug {
				writePage(w, p.Title, p.Published, "<article>\n<h1>"+html.EscapeString(p.Title)+"</h1>\n"+
					fmt.Sprintf("<p class=\"byline\">Published <time datetime=\"%s\">%s</time></p>\n", p.Published.Format("2006-01-02"), p.Published.Format("2 January 2006"))+
					Render(p.Text, p.Title)+"</article>\n")
				return
			}
		}
		http.NotFound(w, r)
	})
	mux.HandleFunc("GET /private/", func(w http.ResponseWriter, r *http.Request) {
		writePage(w, "Drafts", time.Time{}, "<p>Unpublished drafts: crawlers must not index this page.</p>")
	})
	return mux
}

func base(r *http.Request) string { return "http://" + r.Host }

func writePage(w http.ResponseWriter, title string, published time.Time, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	meta := ""
	if !published.IsZero() {
		meta = fmt.Sprintf("<meta property=\"article:published_time\" content=\"%s\">\n", published.Format(time.RFC3339))
	}
	fmt.Fprintf(w, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>%s</title>
%s</head>
<body>
<nav><a href="/">Home</a> | <a href="/sitemap.xml">Sitemap</a> | Subscribe to our newsletter</nav>
<main>
%s
</main>
<footer><p>Sample site bundled with Lumen for its demo. Texts: the seed articles of the Lumen corpus.</p></footer>
</body>
</html>
`, html.EscapeString(title), meta, body)
}

// Render turns a seed text into HTML: blank-line or line-separated
// paragraphs, short lines without final punctuation as headings, "1. **x:**"
// list markers as list items. A first line equal to the title is left out.
func Render(text, title string) string {
	var b strings.Builder
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if first && line == title {
			first = false
			continue
		}
		first = false
		line = strings.ReplaceAll(line, "**", "")
		esc := html.EscapeString(line)
		switch {
		case isListMarker(line):
			fmt.Fprintf(&b, "<h3>%s</h3>\n", html.EscapeString(strings.TrimSpace(line[strings.IndexByte(line, '.')+1:])))
		case len(line) < 90 && !strings.ContainsAny(line[len(line)-1:], ".!?"):
			fmt.Fprintf(&b, "<h2>%s</h2>\n", esc)
		default:
			fmt.Fprintf(&b, "<p>%s</p>\n", esc)
		}
	}
	return b.String()
}

func isListMarker(line string) bool {
	i := strings.IndexByte(line, '.')
	if i < 1 || i > 3 {
		return false
	}
	for _, c := range line[:i] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(line) < 90
}
