// Package compare measures extract.HTML (go-readability) against
// go-trafilatura on the same pages. It is a module of its own, inside
// testdata so that the go command ignores it from the main module, so that
// trafilatura and its dependencies stay out of Lumen's go.mod.
//
// From this directory:
//
//	go test -run 'Mozilla|Eval' -v .          # similarity and metadata tables
//	go test -run '^$' -bench . -benchtime 20x # speed, both in one run
//
// TestEval reads go-trafilatura's own evaluation set (983 annotated pages,
// with/without snippets) from the module cache; -short skips it;
// EVAL_DEBUG=file lists what each extractor got wrong.
package compare

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen/internal/extract"
	"github.com/lumen-research/lumen/internal/extract/extracttest"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// extractor is one way to turn a page into an extract.Page.
type extractor struct {
	name string
	fn   func(body []byte, pageURL *url.URL) (extract.Page, error)
}

var extractors = []extractor{
	{"readability", func(b []byte, u *url.URL) (extract.Page, error) { return extract.HTML(b, "text/html", u) }},
	{"trafilatura", trafilaturaPage},
}

// trafilaturaPage is what HTML would be on go-trafilatura: the same charset
// handling and block renderer, trafilatura's content and metadata.
func trafilaturaPage(body []byte, pageURL *url.URL) (extract.Page, error) {
	var p extract.Page
	b, err := extract.ToUTF8(body, "text/html")
	if err != nil {
		return p, err
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return p, err
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{OriginalURL: pageURL, ExcludeComments: true})
	if err != nil {
		return p, err
	}
	m := res.Metadata
	p.Title, p.Language, p.SiteName, p.Published = m.Title, m.Language, m.Sitename, m.Date
	for _, a := range strings.Split(m.Author, ";") {
		if a = strings.TrimSpace(a); a != "" {
			p.Authors = append(p.Authors, a)
		}
	}
	if res.ContentNode != nil {
		p.Text = extract.Text(res.ContentNode)
	}
	if p.Title != "" && !strings.HasPrefix(p.Text, p.Title) {
		p.Text = p.Title + "\n\n" + p.Text
	}
	return p, nil
}

var corpusURL = &url.URL{Scheme: "http", Host: "fakehost", Path: "/test/page.html"}

func TestMozilla(t *testing.T) {
	pages := extracttest.LoadCorpus(t, filepath.Join("..", "corpus"))
	for _, ex := range extractors {
		var scores []extracttest.Score
		agree, total := map[string]int{}, map[string]int{}
		for _, pg := range pages {
			got, err := ex.fn(pg.Source, corpusURL)
			if err != nil {
				t.Errorf("%s %s: %v", ex.name, pg.Name, err)
			}
			s := extracttest.Similarity(extracttest.Body(got), pg.Want)
			scores = append(scores, s)
			var disagree []string
			for f, ok := range extracttest.CompareMeta(got, pg.Meta) {
				total[f]++
				if ok {
					agree[f]++
				} else {
					disagree = append(disagree, f)
				}
			}
			t.Logf("%-12s %-17s %s  meta-disagree=%v title=%q authors=%q lang=%q published=%s site=%q",
				ex.name, pg.Name, s, disagree, got.Title, got.Authors, got.Language, got.Published.Format(time.RFC3339), got.SiteName)
		}
		t.Logf("%-12s %-17s %s", ex.name, "MEAN", extracttest.Mean(scores))
		for _, f := range extracttest.Fields {
			t.Logf("%-12s metadata %-9s %d/%d", ex.name, f, agree[f], total[f])
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	pages := extracttest.LoadCorpus(b, filepath.Join("..", "corpus"))
	var size int64
	for _, pg := range pages {
		size += int64(len(pg.Source))
	}
	for _, ex := range extractors {
		b.Run(ex.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, pg := range pages {
					if _, err := ex.fn(pg.Source, corpusURL); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// evalPage is one entry of go-trafilatura's scripts/comparison/data.go.
type evalPage struct {
	url, file, title, date string
	authors, with, without []string
}

func TestEval(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 983 pages")
	}
	// EVAL_DEBUG=file lists every snippet missed or leaked, and every date
	// and author that differs, for a look at what each extractor gets wrong.
	var debugEval *os.File
	if name := os.Getenv("EVAL_DEBUG"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		debugEval = f
	}
	dir := moduleDir(t, "github.com/markusmobius/go-trafilatura")
	entries := readEvalData(t, filepath.Join(dir, "scripts", "comparison", "data.go"))
	type tally struct {
		tp, fn, fp, tn         int
		title, date, author    int
		nTitle, nDate, nAuthor int
		failed                 int
		elapsed                time.Duration
		bytes                  int64
	}
	for _, ex := range extractors {
		var c tally
		for _, e := range entries {
			body, err := os.ReadFile(filepath.Join(dir, "test-files", "comparison", e.file))
			if err != nil {
				body, err = os.ReadFile(filepath.Join(dir, "test-files", "mock", e.file))
			}
			if err != nil {
				continue
			}
			u, _ := url.Parse(e.url)
			start := time.Now()
			got, err := ex.fn(body, u)
			c.elapsed += time.Since(start)
			c.bytes += int64(len(body))
			if err != nil {
				c.failed++
			}
			// The snippets are single-spaced; so is Text, within a block.
			text := strings.Join(strings.Fields(got.Text), " ")
			for _, s := range e.with {
				if strings.Contains(text, strings.Join(strings.Fields(s), " ")) {
					c.tp++
				} else {
					if debugEval != nil {
						fmt.Fprintf(debugEval, "%s FN %s %q\n", ex.name, e.file, s)
					}
					c.fn++
				}
			}
			for _, s := range e.without {
				if strings.Contains(text, strings.Join(strings.Fields(s), " ")) {
					if debugEval != nil {
						fmt.Fprintf(debugEval, "%s FP %s %q\n", ex.name, e.file, s)
					}
					c.fp++
				} else {
					c.tn++
				}
			}
			if e.title != "" {
				c.nTitle++
				if strings.Join(strings.Fields(got.Title), " ") == strings.Join(strings.Fields(e.title), " ") {
					c.title++
				} else if debugEval != nil {
					fmt.Fprintf(debugEval, "%s TITLE %s want %q got %q\n", ex.name, e.file, e.title, got.Title)
				}
			}
			if e.date != "" {
				c.nDate++
				if !got.Published.IsZero() && got.Published.Format("2006-01-02") == e.date {
					c.date++
				} else if debugEval != nil {
					fmt.Fprintf(debugEval, "%s DATE %s want %s got %s\n", ex.name, e.file, e.date, got.Published.Format("2006-01-02"))
				}
			}
			if len(e.authors) > 0 {
				c.nAuthor++
				if strings.EqualFold(strings.Join(got.Authors, "; "), strings.Join(e.authors, "; ")) {
					c.author++
				} else if debugEval != nil {
					fmt.Fprintf(debugEval, "%s AUTHOR %s want %q got %q\n", ex.name, e.file, e.authors, got.Authors)
				}
			}
		}
		p := float64(c.tp) / float64(c.tp+c.fp)
		r := float64(c.tp) / float64(c.tp+c.fn)
		acc := float64(c.tp+c.tn) / float64(c.tp+c.tn+c.fp+c.fn)
		t.Logf("%-12s pages=%d errors=%d precision=%.3f recall=%.3f accuracy=%.3f F1=%.3f  title=%d/%d date=%d/%d authors=%d/%d  %.1f MB/s",
			ex.name, len(entries), c.failed, p, r, acc, 2*p*r/(p+r), c.title, c.nTitle, c.date, c.nDate, c.author, c.nAuthor,
			float64(c.bytes)/1e6/c.elapsed.Seconds())
	}
}

func moduleDir(tb testing.TB, path string) string {
	tb.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", path).Output()
	if err != nil {
		tb.Fatalf("go list -m %s: %v", path, err)
	}
	return strings.TrimSpace(string(out))
}

// readEvalData reads the map literal of data.go without compiling it (it
// is a main package).
func readEvalData(tb testing.TB, file string) []evalPage {
	tb.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		tb.Fatal(err)
	}
	str := func(e ast.Expr) string {
		if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, _ := strconv.Unquote(lit.Value)
			return s
		}
		return ""
	}
	strs := func(e ast.Expr) []string {
		var out []string
		if cl, ok := e.(*ast.CompositeLit); ok {
			for _, el := range cl.Elts {
				out = append(out, str(el))
			}
		}
		return out
	}
	var pages []evalPage
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		cl, ok := kv.Value.(*ast.CompositeLit)
		key := str(kv.Key)
		if !ok || !strings.HasPrefix(key, "http") {
			return true
		}
		p := evalPage{url: key}
		for _, el := range cl.Elts {
			fkv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch id, _ := fkv.Key.(*ast.Ident); id.Name {
			case "File":
				p.file = str(fkv.Value)
			case "Title":
				p.title = str(fkv.Value)
			case "Date":
				p.date = str(fkv.Value)
			case "Authors":
				p.authors = strs(fkv.Value)
			case "With":
				p.with = strs(fkv.Value)
			case "Without":
				p.without = strs(fkv.Value)
			}
		}
		pages = append(pages, p)
		return false
	})
	if len(pages) == 0 {
		tb.Fatalf("no entries in %s", file)
	}
	return pages
}

// TestClassifyReal runs extract.Classify on real pages nobody labelled for
// Lumen, all of them pages with content: Mozilla Readability's test pages
// (from go-readability's module) and go-trafilatura's evaluation set. It
// reports how many come out as articles; the others are listed with why.
func TestClassifyReal(t *testing.T) {
	if testing.Short() {
		t.Skip("reads about 1,100 pages")
	}
	readability := moduleDir(t, "codeberg.org/readeck/go-readability/v2")
	rpages, _ := filepath.Glob(filepath.Join(readability, "test-pages", "*", "source.html"))
	trafilatura := moduleDir(t, "github.com/markusmobius/go-trafilatura")
	tpages, _ := filepath.Glob(filepath.Join(trafilatura, "test-files", "comparison", "*.html"))
	for _, set := range []struct {
		name  string
		files []string
	}{{"readability test pages", rpages}, {"trafilatura evaluation pages", tpages}} {
		counts := map[string]int{}
		for _, f := range set.files {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse("http://fakehost/test/page.html")
			p, err := extract.HTML(body, "text/html", u)
			if err != nil {
				counts["extraction failed"]++
				continue
			}
			v := extract.Classify(&p)
			counts[v.Class]++
			if v.Class != extract.ClassArticle {
				t.Logf("%s: %s (%.1f %v)", strings.TrimPrefix(f, filepath.Dir(filepath.Dir(f))+"/"), v.Class, v.Score, v.Why)
			}
		}
		t.Logf("%s: %d pages, %v", set.name, len(set.files), counts)
	}
}
