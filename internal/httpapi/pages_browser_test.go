package httpapi_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"image"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/benchcorpus"
	"github.com/lumen-research/lumen/internal/browsertest"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/metrics"
	"github.com/lumen-research/lumen/internal/vocab"
)

// The checks of each page take the browser and the server's base URL, so
// that they run against any server and harness that serves the pages.

// openNoScript opens url in a new tab with JavaScript disabled: the search,
// map and article pages must work without it.
func openNoScript(t *testing.T, b *browsertest.Browser, url string) *browsertest.Page {
	t.Helper()
	p := b.NewPage(t)
	p.NoScript()
	p.Go(url)
	return p
}

// rangeOf reads "Claims 21–40 of 312" from a search page.
func rangeOf(t *testing.T, p *browsertest.Page) (first, last, total int) {
	t.Helper()
	s := p.Text("#range")
	m := regexp.MustCompile(`Claims (\d+)–(\d+) of (\d+)`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("range %q is not 'Claims a–b of n'", s)
	}
	first, _ = strconv.Atoi(m[1])
	last, _ = strconv.Atoi(m[2])
	total, _ = strconv.Atoi(m[3])
	return first, last, total
}

// checkSearchPage: every filter of the API is on the form, the page has no
// scripts, the JSON and export links carry the query, the result range
// pages forward and back, and a facet narrows the search.
func checkSearchPage(t *testing.T, b *browsertest.Browser, base string) {
	p := openNoScript(t, b, base+"/?q=probiotics+dysbiosis+acne&size=2")
	if n := p.Count("script"); n != 0 {
		t.Errorf("search page has %d scripts; it must work without JavaScript", n)
	}
	for _, name := range []string{"q", "concept", "evidence", "relation", "negated", "hedged", "status", "flagged", "retracted",
		"source", "published_from", "published_to", "sort", "size"} {
		if p.Count(`form.filters [name="`+name+`"]`) == 0 {
			t.Errorf("search form has no %s filter", name)
		}
	}
	first, last, total := rangeOf(t, p)
	if first != 1 || last != 2 || total < 4 {
		t.Fatalf("first page range = %d–%d of %d", first, last, total)
	}
	saveScreenshot(p, "search.png")
	if h := p.Attr("#json-link", "href"); !strings.Contains(h, "q=probiotics+dysbiosis+acne") || !strings.Contains(h, "size=2") {
		t.Errorf("JSON link %q drops the query", h)
	}
	for _, h := range browsertest.Eval[[]string](p, `Array.from(document.querySelectorAll("a.export")).map(a => a.getAttribute("href"))`) {
		if !strings.Contains(h, "q=probiotics+dysbiosis+acne") || strings.Contains(h, "size=") || !strings.Contains(h, "format=") {
			t.Errorf("export link %q: want the filters and a format, not the paging", h)
		}
	}
	p.Follow(`a[rel="next"]`)
	if f, l, _ := rangeOf(t, p); f != 3 || l != 4 {
		t.Errorf("next page range = %d–%d, want 3–4", f, l)
	}
	p.Follow(`a[rel="prev"]`)
	if f, _, _ := rangeOf(t, p); f != 1 {
		t.Errorf("previous page starts at %d, want 1", f)
	}
	// A facet narrows the search.
	p.Follow(`ul[data-facet="evidence"] a`)
	if !strings.Contains(p.URL(), "evidence=") {
		t.Errorf("after clicking an evidence facet the URL is %s", p.URL())
	}
	if _, _, narrowed := rangeOf(t, p); narrowed >= total {
		t.Errorf("the evidence facet did not narrow the search: %d of %d", narrowed, total)
	}
	// The form's filters submit with the button, without scripts.
	p.Go(base + "/?q=probiotics")
	p.Check(`input[name="status"][value="rejected"]`, true)
	p.Follow(`form.filters button[type="submit"]`)
	if u := p.URL(); !strings.Contains(u, "status=rejected") {
		t.Errorf("submitted form URL = %s", u)
	}
}

// checkArticlePage: each claim is marked in the text with its anchor, and
// the one the link points at stands out.
func checkArticlePage(t *testing.T, b *browsertest.Browser, base string, a lumen.ArticleTagged) {
	target := a.Claims[len(a.Claims)-1]
	p := openNoScript(t, b, base+"/articles/"+a.Article.ID+"#claim-"+target.ID)
	saveScreenshot(p, "article.png")
	if got := p.Count("#text mark.claim"); got != len(a.Claims) {
		t.Errorf("article text marks %d claims, want %d", got, len(a.Claims))
	}
	if got := p.Text("#claim-" + target.ID); got != target.Text {
		t.Errorf("anchor #claim-%s marks %q, want %q", target.ID, got, target.Text)
	}
	bg := browsertest.Eval[[]string](p, `Array.from(document.querySelectorAll("#text mark.claim")).map(m => getComputedStyle(m).backgroundColor)`)
	if len(bg) < 2 || bg[len(bg)-1] == bg[0] {
		t.Errorf("the linked claim does not stand out: backgrounds %v", bg)
	}
	if n := p.Count(`a[href="#claim-` + target.ID + `"]`); n == 0 {
		t.Errorf("the claims list does not link to the claim's anchor")
	}
}

// checkMapPage: the heat map's rows follow the hierarchy and collapse,
// darker cells hold more claims (a screenshot), and a cell opens its claims.
func checkMapPage(t *testing.T, b *browsertest.Browser, base string, row, col, claimText string) {
	p := openNoScript(t, b, base+"/map?rows=condition&cols=mechanism")
	rows := browsertest.Eval[[]string](p, `Array.from(document.querySelectorAll("#map tbody th")).map(th => th.dataset.id)`)
	if len(rows) < 2 || rows[0] != "condition/skin-health" {
		t.Fatalf("map rows = %v, want skin health first, then the conditions under it", rows)
	}
	// The screenshot: the cell with the most claims is darker than the one
	// with the fewest.
	png := p.ScreenshotOf("#map")
	if dir := os.Getenv("LUMEN_SCREENSHOT_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, "map.png"), png, 0o644)
	}
	saveScreenshot(p, "map-page.png")
	img := browsertest.DecodePNG(t, png)
	type cellBox struct {
		Claims int
		Box    browsertest.Box
	}
	boxes := p.Boxes("#map td[data-claims]", "#map")
	claims := browsertest.Eval[[]int](p, `Array.from(document.querySelectorAll("#map td[data-claims]")).map(td => +td.dataset.claims)`)
	if len(boxes) < 2 || len(boxes) != len(claims) {
		t.Fatalf("%d cells with claims, %d boxes", len(claims), len(boxes))
	}
	hi, lo := 0, 0
	for i, n := range claims {
		if n > claims[hi] {
			hi = i
		}
		if n < claims[lo] {
			lo = i
		}
	}
	scale := float64(img.Bounds().Dx()) / browsertest.Eval[float64](p, `document.querySelector("#map").getBoundingClientRect().width`)
	if claims[hi] > claims[lo] && luminance(img, boxes[hi], scale) >= luminance(img, boxes[lo], scale) {
		t.Errorf("the cell with %d claims is not darker than the one with %d in the screenshot", claims[hi], claims[lo])
	}
	// Collapsing the broader row hides the rows under it.
	p.Follow(`#map tbody th[data-id="condition/skin-health"] a.toggle`)
	if after := p.Count("#map tbody th"); after >= len(rows) {
		t.Errorf("collapsing skin health left %d rows of %d", after, len(rows))
	}
	p.Follow(`#map tbody th[data-id="condition/skin-health"] a.toggle`)
	// A cell opens its claims: those with a relation pair between its
	// concepts (the mechanism acting on the condition).
	p.Follow(fmt.Sprintf(`#map td[data-row=%q][data-col=%q] a`, row, col))
	u := p.URL()
	if !strings.Contains(u, "object="+url.QueryEscape(row)) || !strings.Contains(u, "subject="+url.QueryEscape(col)) {
		t.Errorf("the cell opened %s", u)
	}
	if claimText != "" && !strings.Contains(p.Text("main"), claimText) {
		t.Errorf("the cell's claims do not include %q", claimText)
	}
}

// saveScreenshot keeps a picture of the page in LUMEN_SCREENSHOT_DIR, when
// set, for people to look at (CI keeps them as artifacts).
func saveScreenshot(p *browsertest.Page, name string) {
	if dir := os.Getenv("LUMEN_SCREENSHOT_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, name), p.Screenshot(), 0o644)
	}
}

// luminance is the mean luminance (0-255) of a box's top left corner,
// inside its border and clear of its number.
func luminance(img image.Image, b browsertest.Box, scale float64) float64 {
	x0, y0 := int((b.X+3)*scale), int((b.Y+3)*scale)
	sum, n := 0.0, 0
	for x := x0; x < x0+4; x++ {
		for y := y0; y < y0+4; y++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			sum += (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(bl)) / 257
			n++
		}
	}
	return sum / float64(n)
}

func TestPagesInBrowser(t *testing.T) {
	b := browsertest.Start(t)
	srv, evs := richFixture(t)
	t.Run("search", func(t *testing.T) { checkSearchPage(t, b, srv.URL) })
	t.Run("article", func(t *testing.T) { checkArticlePage(t, b, srv.URL, evs[0]) })
	t.Run("map", func(t *testing.T) {
		checkMapPage(t, b, srv.URL, "condition/acne", "mechanism/dysbiosis", "Dysbiosis may worsen acne.")
	})
}

// TestResearcherFlow is the "done when": open the map, click the
// acne x gut dysbiosis cell, narrow to RCTs and accepted claims, page
// through every hit, and download them as CSV and the articles as RIS.
func TestResearcherFlow(t *testing.T) {
	b := browsertest.Start(t)
	tax, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	corpus, err := benchcorpus.Generate(tax, benchcorpus.Options{Claims: 3000, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.SetVocabulary(vocab.New(tax))
	if _, err := ix.Apply(context.Background(), corpus.Articles); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.ApplyReviews(context.Background(), corpus.Decisions()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Deps{Searcher: ix, Taxonomy: tax, Metrics: metrics.New()}))
	defer srv.Close()

	p := openNoScript(t, b, srv.URL+"/map")
	p.Follow(`#map td[data-row="condition/acne"][data-col="mechanism/dysbiosis"] a`)
	_, _, inCell := rangeOf(t, p)
	p.Check(`input[name="evidence"][value="rct"]`, true)
	p.Check(`input[name="status"][value="accepted"]`, true)
	p.Follow(`form.filters button[type="submit"]`)
	first, last, total := rangeOf(t, p)
	if total == 0 || total >= inCell {
		t.Fatalf("narrowing %d claims to accepted RCTs left %d", inCell, total)
	}
	seen := map[string]bool{}
	for page := 0; ; page++ {
		for _, href := range browsertest.Eval[[]string](p, `Array.from(document.querySelectorAll("main .hit a[href^='/articles/']")).map(a => a.getAttribute("href"))`) {
			if seen[href] {
				t.Fatalf("claim %s on two pages", href)
			}
			seen[href] = true
		}
		if last == total || page > 100 {
			break
		}
		p.Follow(`a[rel="next"]`)
		if f, l, _ := rangeOf(t, p); f != last+1 {
			t.Fatalf("page %d starts at %d after %d", page+1, f, last)
		} else {
			last = l
		}
	}
	if len(seen) != total || first != 1 {
		t.Errorf("paged through %d claims of %d", len(seen), total)
	}
	csvHref := p.Attr(`a.export[href*="format=csv"]`, "href")
	risHref := p.Attr(`a.export[href*="format=ris"]`, "href")
	res, err := http.Get(srv.URL + csvHref)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(res.Body).ReadAll()
	res.Body.Close()
	if err != nil || len(rows)-1 != total {
		t.Errorf("CSV download (%s) has %d claims, want %d (%v)", csvHref, len(rows)-1, total, err)
	}
	articles := map[string]bool{}
	for _, r := range rows[1:] {
		articles[r[14]] = true
		if r[6] != "rct" || r[9] != "accepted" {
			t.Errorf("CSV row %v is not an accepted RCT claim", r[:10])
		}
	}
	res, err = http.Get(srv.URL + risHref)
	if err != nil {
		t.Fatal(err)
	}
	ris, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if n := strings.Count(string(ris), "TY  - "); n != len(articles) {
		t.Errorf("RIS download has %d records, want the %d articles behind the claims", n, len(articles))
	}
}
