// Package extract turns an HTML page into the main text and metadata of an
// article: title, authors, publication date, language, DOI, canonical URL.
// It wraps go-readability (the only package that imports it) and renders the
// readable content as plain text with one block (heading, paragraph, list
// item) per paragraph, separated by blank lines, so the tagger's sentence
// splitter sees headings and list items as units.
//
// It does not fetch anything and does not decide what to crawl.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// Page is what was extracted from one HTML document.
type Page struct {
	Title     string
	Authors   []string
	SiteName  string
	Language  string
	Published time.Time
	DOI       string
	PMID      string
	// Canonical is the absolute URL of <link rel="canonical">, if any.
	Canonical string
	// Text is the main text: blocks separated by blank lines, the title first.
	Text string
	// Links are the absolute http(s) URLs of the page's <a href> elements,
	// in document order, without duplicates.
	Links []string
	// NoIndex and NoFollow reflect <meta name="robots"> directives.
	NoIndex, NoFollow bool
}

// ErrNoText means the page has no extractable main text.
var ErrNoText = errors.New("no main text found")

// maxElements bounds the work spent on one page; bigger pages are refused.
const maxElements = 200_000

// HTML extracts the article from an HTML document. contentType is the
// response's Content-Type header (its charset is honoured; without one the
// charset is sniffed from <meta> and the bytes). pageURL resolves relative links.
func HTML(body []byte, contentType string, pageURL *url.URL) (Page, error) {
	var p Page
	utf8Body, err := ToUTF8(body, contentType)
	if err != nil {
		return p, err
	}
	doc, err := html.Parse(bytes.NewReader(utf8Body))
	if err != nil {
		// x/net/html refuses pathological trees (more than 512 open
		// elements); keep the text anyway, without readability's selection.
		return tokenPage(utf8Body, pageURL)
	}
	meta := readMeta(doc, pageURL)
	p.Canonical, p.DOI, p.PMID, p.Links = meta.canonical, meta.doi, meta.pmid, meta.links
	p.NoIndex, p.NoFollow = meta.noIndex, meta.noFollow
	p.Language = meta.lang
	p.Authors = meta.authors

	parser := readability.NewParser()
	parser.MaxElemsToParse = maxElements
	art, err := parser.ParseDocument(doc, pageURL)
	if err != nil {
		return p, fmt.Errorf("readability: %w", err)
	}
	p.Title = clean(art.Title)
	if meta.title != "" {
		p.Title = meta.title
	}
	p.SiteName = clean(art.SiteName)
	if p.Language == "" {
		p.Language = art.Language
	}
	if len(p.Authors) == 0 && art.Byline != "" {
		p.Authors = splitByline(art.Byline)
	}
	switch {
	case !meta.published.IsZero():
		p.Published = meta.published
	case art.PublishedTime != nil:
		p.Published = art.PublishedTime.UTC()
	}
	var root *html.Node
	if art.Node != nil {
		// go-readability returns the first child of the article container;
		// its parent holds the whole readable content.
		root = art.Node.Parent
	}
	var text string
	if root != nil {
		text = Text(root)
	} else if art.Content != "" {
		frag, err := html.Parse(strings.NewReader(art.Content))
		if err == nil {
			text = Text(frag)
		}
	}
	if text == "" {
		return p, ErrNoText
	}
	if p.Title != "" && !strings.HasPrefix(text, p.Title) {
		text = p.Title + "\n\n" + text
	}
	p.Text = text
	return p, nil
}

// ToUTF8 converts an HTML or XML body to UTF-8. The charset comes from the
// Content-Type header when it names one; otherwise a body that is valid
// UTF-8 is taken as such, and anything else is sniffed (<meta charset>, byte
// patterns) with windows-1252 as the last resort. Bytes that do not decode
// become U+FFFD.
func ToUTF8(body []byte, contentType string) ([]byte, error) {
	_, params, _ := mime.ParseMediaType(contentType)
	declared := params["charset"]
	if declared == "" && utf8.Valid(body) {
		return body, nil
	}
	var enc encoding.Encoding
	if declared != "" {
		enc, _ = charset.Lookup(declared)
	}
	if enc == nil {
		enc, _, _ = charset.DetermineEncoding(body, contentType)
	}
	out, err := io.ReadAll(transform.NewReader(bytes.NewReader(body), enc.NewDecoder()))
	if err != nil {
		return nil, fmt.Errorf("decode charset: %w", err)
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, nil
}

type metadata struct {
	title, canonical, doi, pmid, lang string
	authors                           []string
	published                         time.Time
	links                             []string
	noIndex, noFollow                 bool
}

var doiPattern = regexp.MustCompile(`\b(10\.\d{4,9}/[^\s"'<>]+[^\s"'<>.,;:)\]])`)

// readMeta collects what readability does not give: scholarly citation_*
// metadata, the canonical URL, robots directives and the links.
func readMeta(doc *html.Node, base *url.URL) metadata {
	var m metadata
	seen := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = strings.TrimSpace(attr(n, "lang"))
			case atom.Meta:
				name := strings.ToLower(attr(n, "name"))
				if name == "" {
					name = strings.ToLower(attr(n, "property"))
				}
				content := strings.TrimSpace(attr(n, "content"))
				switch name {
				case "citation_title", "dc.title":
					if m.title == "" {
						m.title = clean(content)
					}
				case "citation_author", "dc.creator":
					if c := clean(content); c != "" {
						m.authors = append(m.authors, c)
					}
				case "citation_doi", "dc.identifier", "prism.doi":
					if m.doi == "" {
						m.doi = NormalizeDOI(content)
					}
				case "citation_pmid":
					if m.pmid == "" {
						m.pmid = strings.TrimSpace(content)
					}
				case "citation_publication_date", "citation_date", "article:published_time", "dc.date", "datepublished":
					if m.published.IsZero() {
						m.published = ParseDate(content)
					}
				case "robots":
					for _, d := range strings.Split(strings.ToLower(content), ",") {
						switch strings.TrimSpace(d) {
						case "noindex", "none":
							m.noIndex = true
						}
						switch strings.TrimSpace(d) {
						case "nofollow", "none":
							m.noFollow = true
						}
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					if u := resolve(base, attr(n, "href")); u != "" {
						m.canonical = u
					}
				}
			case atom.A:
				if strings.Contains(strings.ToLower(attr(n, "rel")), "nofollow") {
					break
				}
				if u := resolve(base, attr(n, "href")); u != "" && !seen[u] {
					seen[u] = true
					m.links = append(m.links, u)
				}
			case atom.Script, atom.Style, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// resolve returns href as an absolute http(s) URL without its fragment, or "".
func resolve(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	u.RawFragment = ""
	return u.String()
}

// NormalizeDOI returns the bare lower-case DOI ("10.1000/xyz") found in s
// (a DOI, a doi: URI or a doi.org URL), or "".
func NormalizeDOI(s string) string {
	s = strings.TrimSpace(s)
	if m := doiPattern.FindString(s); m != "" {
		if u, err := url.PathUnescape(m); err == nil {
			m = u
		}
		return strings.ToLower(m)
	}
	return ""
}

var dateLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05",
	"2006-01-02", "2006/01/02", "2006/1/2", "2006-01", "2006", time.RFC1123Z, time.RFC1123,
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "02 Jan 2006",
}

// ParseDate parses the date formats found in HTML metadata, or returns the
// zero time.
func ParseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

var bylineSep = regexp.MustCompile(`\s*(?:,|;|\band\b|&)\s*`)

func splitByline(b string) []string {
	b = clean(b)
	b = strings.TrimPrefix(b, "By ")
	b = strings.TrimPrefix(b, "by ")
	parts := bylineSep.Split(b, -1)
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && len(p) < 100 {
			out = append(out, p)
		}
	}
	return out
}

// clean collapses white space.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// tokenPage extracts a page with the tokenizer alone, for documents the
// parser refuses: the title, the links, and the text with block elements as
// block boundaries.
func tokenPage(body []byte, base *url.URL) (Page, error) {
	var (
		p        Page
		r        renderer
		seen     = map[string]bool{}
		skip     int // depth inside script, style ...
		inTitle  bool
		titleBuf strings.Builder
	)
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			r.endBlock()
			p.Title = clean(titleBuf.String())
			p.Text = strings.Join(r.blocks, "\n\n")
			if p.Text == "" {
				return p, ErrNoText
			}
			if p.Title != "" && !strings.HasPrefix(p.Text, p.Title) {
				p.Text = p.Title + "\n\n" + p.Text
			}
			return p, nil
		case html.TextToken:
			switch {
			case inTitle:
				titleBuf.Write(z.Text())
			case skip == 0:
				r.text(string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.Title:
				inTitle = tt == html.StartTagToken
			case atom.A:
				for hasAttr && tt != html.EndTagToken {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" {
						if u := resolve(base, string(v)); u != "" && !seen[u] {
							seen[u] = true
							p.Links = append(p.Links, u)
						}
					}
				}
			default:
				if isBlock(a) {
					r.endBlock()
				}
			}
		}
	}
}
