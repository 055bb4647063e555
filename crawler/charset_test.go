package crawler

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/lumen-research/lumen"
)

// Pages and listings whose declared charset is wrong keep their text
// (QA2: a page declaring UTF-8 in windows-1252 came out as U+FFFD soup):
// the declaration is weighed against the bytes once, by extract.ToUTF8,
// and not first taken at its word by colly; a page read against its
// declaration is counted (repaired: charset_mismatch).
func TestWrongCharsets(t *testing.T) {
	h := newHarness(t, nil)
	s := newSite(t)
	cp1252 := func(t *testing.T, s string) string {
		t.Helper()
		out, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	const title = "“Quoted” café title"
	const sentence = "“Probiotics reduced acne severity in naïve adolescents,” the investigators reported – a randomized trial."
	// Each page has its own text besides the two lines checked, or the
	// copies would be near duplicates of one another.
	page := func(meta, topic string) string {
		return `<!doctype html><html><head>` + meta + `<title>` + title + `</title></head><body><article><h1>` + title + `</h1><p>` +
			sentence + `</p>` + lorem(topic) + lorem(topic+" again") + `</article></body></html>`
	}
	// Declares UTF-8 in a <meta>, is windows-1252 (a misconfigured CMS).
	s.handle("/mis1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, cp1252(t, page(`<meta charset="utf-8">`, "Meta charset")))
	})
	// Declares UTF-8 in its header, is windows-1252.
	s.handle("/mis2", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		fmt.Fprint(w, cp1252(t, page("", "Header charset, a second topic")))
	})
	// The server's default label on a UTF-8 page: colly must not decode
	// it as Latin-1 before the extractor sees it.
	s.handle("/lying-latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		fmt.Fprint(w, page("", "Server default label, third"))
	})
	// A feed whose charset only its header gives; its item's page is gone,
	// so the abstract is what is published.
	abstract := strings.Repeat("Naïve adolescents given probiotics had fewer acne lesions, the café study found. ", 4)
	s.handle("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=windows-1252")
		fmt.Fprint(w, cp1252(t, fmt.Sprintf(`<rss version="2.0"><channel><title>T</title><item><title>Café study</title><link>%s/gone</link><description>%s</description></item></channel></rss>`, s.URL, abstract)))
	})
	src := lumen.Source{Name: "charsets", Kind: lumen.SourceWeb, AllowPrivate: true, MaxDepth: lumen.Depth(0),
		URLs: []string{s.URL + "/mis1", s.URL + "/mis2", s.URL + "/lying-latin1"}}
	run := h.run(src)
	arts := h.articles()
	for _, p := range []string{"/mis1", "/mis2", "/lying-latin1"} {
		a, ok := arts[s.URL+p]
		if !ok {
			t.Errorf("%s not published (run %+v)", p, run)
			continue
		}
		if a.Title != title || !strings.Contains(a.Text, sentence) || strings.ContainsRune(a.Text, utf8.RuneError) || strings.Contains(a.Text, "Ã") {
			t.Errorf("%s: title %q, text %.200q; want %q and %q, no U+FFFD or mojibake", p, a.Title, a.Text, title, sentence)
		}
	}
	if got := run.Repaired["charset_mismatch"]; got != 2 {
		t.Errorf("run.Repaired = %v, want charset_mismatch=2 (the two pages declaring UTF-8; not the server default)", run.Repaired)
	}

	run = h.run(lumen.Source{Name: "feed", Kind: lumen.SourceFeed, URLs: []string{s.URL + "/feed.rss"}, AllowPrivate: true})
	a, ok := h.articles()[s.URL+"/gone"]
	if !ok || a.Title != "Café study" || !strings.Contains(a.Text, "Naïve adolescents") {
		t.Errorf("feed item = %q, %.100q (run %+v); want the abstract in its header's charset", a.Title, a.Text, run)
	}
}
