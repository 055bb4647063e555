// Package extracttest holds what the tests of package extract and the
// comparison with other extractors (extract/testdata/compare) share: the
// corpus of real pages with Mozilla Readability's extraction of each, the
// bag-of-words similarity that scores an extracted text against it, and the
// metadata agreement check.
//
// It is for tests and measurements only; nothing on the crawl path imports it.
package extracttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/lumen-research/lumen/internal/extract"
	"golang.org/x/net/html"
)

// Page is one page of the corpus: the page as fetched, the text Mozilla
// Readability extracts from it, and the metadata it reports.
type Page struct {
	Name   string
	Source []byte
	// Want is extract.Text of expected.html: Readability's main content
	// rendered the way extract renders its own.
	Want string
	Meta Meta
}

// Meta is expected-metadata.json; its null fields are "".
type Meta struct {
	Title         string `json:"title"`
	Byline        string `json:"byline"`
	Lang          string `json:"lang"`
	SiteName      string `json:"siteName"`
	PublishedTime string `json:"publishedTime"`
}

// LoadCorpus reads every dir/NAME/{source.html,expected.html,
// expected-metadata.json}, in name order.
func LoadCorpus(tb testing.TB, dir string) []Page {
	tb.Helper()
	srcs, err := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(srcs) == 0 {
		tb.Fatalf("no pages in %s", dir)
	}
	sort.Strings(srcs)
	pages := make([]Page, 0, len(srcs))
	for _, src := range srcs {
		pageDir := filepath.Dir(src)
		p := Page{Name: filepath.Base(pageDir)}
		if p.Source, err = os.ReadFile(src); err != nil {
			tb.Fatal(err)
		}
		exp, err := os.ReadFile(filepath.Join(pageDir, "expected.html"))
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := html.Parse(bytes.NewReader(exp))
		if err != nil {
			tb.Fatalf("parse %s/expected.html: %v", p.Name, err)
		}
		p.Want = extract.Text(doc)
		b, err := os.ReadFile(filepath.Join(pageDir, "expected-metadata.json"))
		if err != nil && !os.IsNotExist(err) {
			tb.Fatal(err)
		}
		if err == nil {
			if err := json.Unmarshal(b, &p.Meta); err != nil {
				tb.Fatalf("%s/expected-metadata.json: %v", p.Name, err)
			}
		}
		pages = append(pages, p)
	}
	return pages
}

// Score compares an extracted text with a reference text.
type Score struct {
	Precision, Recall, F1 float64
}

func (s Score) String() string {
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f", s.Precision, s.Recall, s.F1)
}

// Similarity compares got with want as multisets of words (maximal runs of
// letters and digits, lower-cased): token-level precision, recall and F1.
//
// Precision is the share of got's words that want has: boilerplate (menus,
// author bios, "related stories") lowers it, and downstream it becomes
// false claims. Recall is the share of want's words that got has: lost
// paragraphs lower it, and they are lost claims. Each occurrence counts, so
// a paragraph extracted twice costs precision. Word order is ignored on
// purpose: both extractors keep document order, and a bag of words does not
// punish a caption moved by one block the way an edit distance would, while
// still seeing every word gained or lost.
func Similarity(got, want string) Score {
	g, w := words(got), words(want)
	var ng, nw, common int
	for _, n := range g {
		ng += n
	}
	for word, n := range w {
		nw += n
		common += min(n, g[word])
	}
	var s Score
	if ng > 0 {
		s.Precision = float64(common) / float64(ng)
	}
	if nw > 0 {
		s.Recall = float64(common) / float64(nw)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Diff lists the words got has more of than want (extra) and fewer of
// (missing), for a failure message.
func Diff(got, want string) (extra, missing []string) {
	g, w := words(got), words(want)
	for word, n := range g {
		if d := n - w[word]; d > 0 {
			extra = append(extra, fmt.Sprintf("%s×%d", word, d))
		}
	}
	for word, n := range w {
		if d := n - g[word]; d > 0 {
			missing = append(missing, fmt.Sprintf("%s×%d", word, d))
		}
	}
	sort.Strings(extra)
	sort.Strings(missing)
	return extra, missing
}

func words(s string) map[string]int {
	m := map[string]int{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		m[strings.ToLower(f)]++
	}
	return m
}

// Mean averages scores field by field (a macro average: every page weighs
// the same, however long).
func Mean(scores []Score) Score {
	var m Score
	if len(scores) == 0 {
		return m
	}
	for _, s := range scores {
		m.Precision += s.Precision
		m.Recall += s.Recall
		m.F1 += s.F1
	}
	n := float64(len(scores))
	m.Precision /= n
	m.Recall /= n
	m.F1 /= n
	return m
}

// Body is p.Text without the title block extract.HTML puts first:
// Readability's content has no title, so the comparison measures the body.
func Body(p extract.Page) string {
	if p.Title != "" {
		if rest, ok := strings.CutPrefix(p.Text, p.Title+"\n\n"); ok {
			return rest
		}
	}
	return p.Text
}

// Metadata fields compared by CompareMeta.
const (
	FieldTitle     = "title"
	FieldAuthors   = "authors"
	FieldLanguage  = "lang"
	FieldPublished = "published"
	FieldSiteName  = "site"
)

// Fields lists the metadata fields in report order.
var Fields = []string{FieldTitle, FieldAuthors, FieldLanguage, FieldPublished, FieldSiteName}

// CompareMeta says, for each field the reference has, whether got agrees:
// the title equal after white space is collapsed; every author named in the
// reference byline (case-insensitively) and at least one author; the
// language tag equal case-insensitively; the published time the same
// instant; the site name equal case-insensitively.
func CompareMeta(got extract.Page, want Meta) map[string]bool {
	agree := map[string]bool{}
	if want.Title != "" {
		agree[FieldTitle] = clean(got.Title) == clean(want.Title)
	}
	if want.Byline != "" {
		byline := strings.ToLower(clean(want.Byline))
		ok := len(got.Authors) > 0
		for _, a := range got.Authors {
			ok = ok && a != "" && strings.Contains(byline, strings.ToLower(clean(a)))
		}
		agree[FieldAuthors] = ok
	}
	if want.Lang != "" {
		agree[FieldLanguage] = strings.EqualFold(got.Language, want.Lang)
	}
	if want.PublishedTime != "" {
		t, err := time.Parse(time.RFC3339Nano, want.PublishedTime)
		agree[FieldPublished] = err == nil && t.Equal(got.Published)
	}
	if want.SiteName != "" {
		agree[FieldSiteName] = strings.EqualFold(clean(got.SiteName), clean(want.SiteName))
	}
	return agree
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
