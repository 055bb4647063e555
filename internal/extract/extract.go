// Package extract turns an HTML page into the main text and metadata of an
// article: title, authors, publication date, language, DOI, canonical URL.
// It wraps go-readability (codeberg.org/readeck/go-readability/v2, the
// maintained successor of go-shiori's; this is the only package that imports it) and renders the
// readable content as plain text with one block (heading, paragraph, list
// item) per paragraph, separated by blank lines, so the tagger's sentence
// splitter sees headings and list items as units. Blocks that are mostly
// link text (related stories, tables of contents) are dropped. The metadata
// is read here, from citation_* tags, JSON-LD, Open Graph, <time> and the
// URL, with readability's as a fallback.
//
// go-readability was chosen over go-trafilatura by measurement: see
// testdata/compare, which runs both on the same pages, and corpus_test.go.
//
// Classify tells an article (worth keeping, however short) from a hub (a
// page that lists other pages) and from pages that are neither (an error
// page served with 200, a cookie or sign-in wall), by the structure HTML
// measured: see Layout.
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
	"strings"
	"time"
	stdunicode "unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/saintfish/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/lumen-research/lumen"
)

// Page is what was extracted from one HTML document.
type Page struct {
	Title   string
	Authors []string
	// AuthorDetails are the Authors' family and given names when the page
	// gives them apart (citation_author "Smith, Jane"), one per name; nil
	// otherwise.
	AuthorDetails []lumen.Author
	SiteName      string
	// Journal is the journal's name (citation_journal_title,
	// prism.publicationName) of a page that is a paper's.
	Journal   string
	Language  string
	Published time.Time
	DOI       string
	PMID      string
	// Canonical is the absolute URL of <link rel="canonical">, if any.
	Canonical string
	// Feeds are the RSS, Atom and JSON feeds the page links to with
	// <link rel="alternate">.
	Feeds []string
	// Text is the main text: blocks separated by blank lines, the title first.
	Text string
	// Links are the absolute http(s) URLs of the page's <a href> elements,
	// in document order, without duplicates.
	Links []string
	// NoIndex and NoFollow reflect <meta name="robots"> directives.
	NoIndex, NoFollow bool
	// CharsetMismatch is set when the charset the page declared (in its
	// Content-Type or a <meta>) could not be right, and says what the text
	// was read as instead ("declared utf-8, read as windows-1252").
	CharsetMismatch string
	// Layout is the page's structure, for Classify.
	Layout Layout
}

// Conditions a caller may want to tell apart. ErrBinary wraps ErrNoText,
// so a caller that only checks ErrNoText skips those pages too.
var (
	// ErrNoText means the page has no extractable main text.
	ErrNoText = errors.New("no main text found")
	// ErrBinary means the body is not text at all (an image, a PDF, a
	// compressed stream) whatever its Content-Type said.
	ErrBinary = fmt.Errorf("binary content: %w", ErrNoText)
)

// maxFeedLinks bounds the feeds read from one page's <link> elements.
const maxFeedLinks = 64

// isFeedType reports whether a <link type> names a feed.
func isFeedType(t string) bool {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json+feed", "application/rdf+xml":
		return true
	}
	return false
}

// maxElements bounds the work readability spends on one page; a bigger
// page is read without it (tokenPage).
const maxElements = 200_000

// HTML extracts the article from an HTML document. contentType is the
// response's Content-Type header (its charset is honoured; without one the
// charset is sniffed from <meta> and the bytes). pageURL resolves relative
// links and may be nil.
//
// The main text comes from go-readability; the metadata from the page's
// scholarly citation_* tags, JSON-LD, Open Graph and <meta> tags, <time>
// elements and the URL, with readability's findings as a fallback.
func HTML(body []byte, contentType string, pageURL *url.URL) (Page, error) {
	p, err := extractHTML(body, contentType, pageURL, true)
	p.bound()
	return p, err
}

// Bounds of a page's metadata: a page may say anything in its <title> or
// its citation_author tags, and each search hit repeats its article's
// title and authors.
const (
	maxTitleBytes   = 1000
	maxNameBytes    = 300 // an author, the site's or the journal's name
	maxAuthors      = 100
	maxTitleElision = "…"
)

// bound cuts the metadata to its bounds (the text is bounded by its
// caller, the crawler's max_text_bytes).
func (p *Page) bound() {
	p.Title = cut(p.Title, maxTitleBytes)
	p.SiteName = cut(p.SiteName, maxNameBytes)
	p.Journal = cut(p.Journal, maxNameBytes)
	if len(p.Authors) > maxAuthors {
		p.Authors = p.Authors[:maxAuthors]
	}
	for i, a := range p.Authors {
		p.Authors[i] = cut(a, maxNameBytes)
	}
	if len(p.AuthorDetails) > len(p.Authors) {
		p.AuthorDetails = p.AuthorDetails[:len(p.Authors)]
	}
	for i := range p.AuthorDetails {
		d := &p.AuthorDetails[i]
		d.Name, d.Family, d.Given, d.Suffix = p.Authors[i], cut(d.Family, maxNameBytes), cut(d.Given, maxNameBytes), cut(d.Suffix, maxNameBytes)
	}
}

// cut shortens s to at most n bytes at a rune boundary, marking the cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n - len(maxTitleElision)
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return strings.TrimSpace(s[:i]) + maxTitleElision
}

// extractHTML is HTML; measure says whether to measure the page's Layout
// (BenchmarkClassifyCost weighs what that costs).
func extractHTML(body []byte, contentType string, pageURL *url.URL, measure bool) (Page, error) {
	if isBinary(body, contentType) {
		return Page{}, ErrBinary
	}
	utf8Body, mismatch, err := toUTF8(body, contentType)
	if err != nil {
		return Page{}, err
	}
	doc, err := html.Parse(bytes.NewReader(utf8Body))
	if err != nil {
		// x/net/html refuses pathological trees (more than 512 open
		// elements); keep the text anyway, without readability's selection.
		tp, err := tokenPage(utf8Body, pageURL)
		tp.CharsetMismatch = mismatch
		return tp, err
	}
	meta := readMeta(doc, pageURL, measure)
	p := Page{
		CharsetMismatch: mismatch, Canonical: meta.canonical, DOI: meta.doi, PMID: meta.pmid, Links: meta.links, Feeds: meta.feeds,
		NoIndex: meta.noIndex, NoFollow: meta.noFollow, Language: meta.lang, Layout: meta.layout,
	}

	// A page that is mostly links is measured before readability, which
	// strips link lists from the document.
	var region *contentLayout
	if l := &meta.layout; measure && l.Words > 0 && l.LinkWords*10 >= l.Words*4 {
		rl := regionLayout(doc)
		region = &rl
	}

	parser := readability.NewParser()
	parser.MaxElemsToParse = maxElements
	// Class names tell text for screen readers only from the rest.
	parser.KeepClasses = true
	// readMeta has read what it needs from doc, so readability may change
	// it in place instead of working on a copy.
	art, err := parser.ParseAndMutate(doc, pageURL)
	if err != nil {
		if strings.Contains(err.Error(), "too large") {
			// Too big for readability (a hub of a hundred thousand
			// links, say): keep its text, links and layout without
			// readability's selection.
			tp, err := tokenPage(utf8Body, pageURL)
			tp.Canonical, tp.DOI, tp.PMID, tp.Feeds = p.Canonical, p.DOI, p.PMID, p.Feeds
			tp.NoIndex, tp.NoFollow, tp.Language, tp.Journal = p.NoIndex, p.NoFollow, p.Language, meta.journal
			if meta.citeTitle != "" {
				tp.Title = meta.citeTitle
			}
			return tp, err
		}
		return p, fmt.Errorf("readability: %w", err)
	}

	p.SiteName = clean(art.SiteName())
	if p.SiteName == "" {
		p.SiteName = meta.siteName
	}
	p.Journal = meta.journal
	host := ""
	if u, err := url.Parse(p.Canonical); err == nil && u.Host != "" {
		host = u.Hostname()
	} else if pageURL != nil {
		host = pageURL.Hostname()
	}
	p.Title = meta.citeTitle
	if p.Title == "" {
		p.Title = cleanTitle(clean(art.Title()), p.SiteName, host)
	}
	if p.Language == "" {
		p.Language = strings.TrimSpace(art.Language())
	}
	switch {
	case len(meta.citeAuth) > 0:
		p.Authors = dedupe(meta.citeAuth)
		p.AuthorDetails = citationNames(p.Authors)
	case len(meta.authors) > 0:
		p.Authors = meta.authors
	case len(meta.domAuthors) > 0:
		p.Authors = meta.domAuthors
	case art.Byline() != "":
		p.Authors = cleanAuthors(art.Byline())
	}
	if t, err := art.PublishedTime(); err == nil && (meta.publishedRank == 0 || meta.publishedRank > rankReadability) && plausible(t) {
		meta.published = t
	}
	if !meta.published.IsZero() {
		p.Published = WrittenZone(meta.published)
	}
	if p.DOI == "" {
		p.DOI = doiURL(p.Canonical)
	}

	var content *html.Node
	if art.Node != nil {
		// go-readability returns the first child of the article container;
		// its parent holds the whole readable content.
		content = art.Node
		if art.Node.Parent != nil {
			content = art.Node.Parent
		}
	}
	if content == nil {
		return p, ErrNoText
	}
	text, cl := mainTextStats(content, measure)
	if region != nil && cl.proseWords < 40 && region.words > 2*cl.words {
		// Readability found no article here, and left out most of the
		// page: the region says what the page is.
		cl = *region
	}
	cl.into(&p.Layout)
	if text == "" {
		// A hub page is all links: keep them as its text, so that the
		// crawler sees a short page to follow, not a page without text.
		text = Text(content)
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

// Plain extracts a text/plain document: its first line is the title and
// blank lines separate its blocks. contentType's charset is honoured as in
// HTML. The Layout is measured as for a page whose readable content is
// the whole text.
func Plain(body []byte, contentType string) (Page, error) {
	if Binary(body) {
		return Page{}, ErrBinary
	}
	b, mismatch, err := toUTF8(body, contentType)
	if err != nil {
		return Page{}, err
	}
	text := strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n"))
	if text == "" {
		return Page{}, ErrNoText
	}
	title, _, _ := strings.Cut(text, "\n")
	p := Page{Title: strings.TrimSpace(title), Text: text, CharsetMismatch: mismatch}
	p.bound()
	var c contentLayout
	for _, block := range strings.Split(text, "\n\n") {
		if block = clean(block); block != "" {
			c.block(block, countWords(block), 0, false)
		}
	}
	c.into(&p.Layout)
	p.Layout.Words, p.Layout.DocTitle = c.words, p.Title
	return p, nil
}

// doiURL is the DOI of a doi.org URL, or "".
func doiURL(u string) string {
	if strings.Contains(u, "doi.org/") {
		return NormalizeDOI(u)
	}
	return ""
}

// isBinary reports whether body is not text: a known binary signature, or
// control bytes that no HTML has. UTF-16, which has NULs, is recognised by
// its byte order mark or its declared charset.
func isBinary(body []byte, contentType string) bool {
	head := body[:min(len(body), 1024)]
	if enc, _ := bomEncoding(head); enc != nil {
		return false
	}
	if _, params, _ := mime.ParseMediaType(contentType); strings.HasPrefix(strings.ToLower(params["charset"]), "utf-16") {
		return false
	}
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(head, sig) {
			return true
		}
	}
	n := 0
	for _, c := range head {
		if c < 0x09 || c > 0x0d && c < 0x20 && c != 0x1b {
			n++
		}
	}
	return n > 8 && n*20 > len(head) || n > 64
}

var binarySignatures = [][]byte{
	[]byte("%PDF-"), []byte("\x89PNG"), []byte("GIF8"), {0xff, 0xd8, 0xff}, []byte("PK\x03\x04"),
	{0x1f, 0x8b}, []byte("BZh"), {0x28, 0xb5, 0x2f, 0xfd}, []byte("\x00\x00\x00"), []byte("RIFF"), []byte("OggS"),
	[]byte("\x7fELF"), []byte("ID3"),
}

// Binary reports whether the start of b holds control bytes that text
// never has (more than 8 in the first KiB), so that b is not worth reading
// as text.
func Binary(b []byte) bool {
	n := 0
	for _, c := range b[:min(len(b), 1024)] {
		if c < 0x09 || c > 0x0d && c < 0x20 && c != 0x1b {
			n++
		}
	}
	return n > 8
}

// UTF16Text returns b as UTF-8 when it is UTF-16 text: a byte order mark,
// then mostly characters of the first 256 code points (every other byte
// NUL), as Windows tools write. Otherwise it returns b and false: two bytes
// that happen to look like a byte order mark do not make text UTF-16.
func UTF16Text(b []byte) ([]byte, bool) {
	enc, n := bomEncoding(b)
	if enc == nil || n != 2 || len(b) < 4 {
		return b, false
	}
	high := 2 // where the high byte of each code unit is: first in big endian
	if b[0] == 0xff {
		high = 3
	}
	units, nuls := 0, 0
	for i := high; i < len(b) && units < 512; i += 2 {
		units++
		if b[i] == 0 {
			nuls++
		}
	}
	if nuls*2 < units {
		return b, false
	}
	out, err := decode(b[n:], enc)
	if err != nil {
		return b, false
	}
	return out, true
}

// ToUTF8 converts an HTML or XML body to UTF-8, as a browser would, with
// three deviations for the web as crawled: a body that is UTF-8 (valid, or
// nearly so: a stray byte in a page of accented UTF-8 text) is taken as
// UTF-8 even when the header names a legacy charset, since servers default
// to "ISO-8859-1"; a body declared UTF-8 that is not (a CMS that says
// UTF-8 and stores windows-1252) is read in the legacy charset its bytes
// show (see sniffLegacy), not turned into U+FFFD; and <meta charset> is
// honoured anywhere in the <head>, not only in its first 1024 bytes. The
// order is: byte order mark; a UTF-8 body; the Content-Type charset;
// <meta charset> or http-equiv; the sniffed charset (windows-1252, which
// browsers use for ISO-8859-1 too, when the bytes say nothing clearer).
func ToUTF8(body []byte, contentType string) ([]byte, error) {
	out, _, err := toUTF8(body, contentType)
	return out, err
}

// toUTF8 is ToUTF8; mismatch says, when the declared charset was
// overruled, what it was and what the body was read as.
func toUTF8(body []byte, contentType string) (out []byte, mismatch string, err error) {
	if enc, n := bomEncoding(body); enc != nil {
		out, err = decode(body[n:], enc)
		return out, "", err
	}
	var enc encoding.Encoding
	var name string
	if _, params, _ := mime.ParseMediaType(contentType); params["charset"] != "" {
		enc, name = charset.Lookup(params["charset"])
	}
	if enc != nil && !asciiCompatible(name) {
		out, err = decode(body, enc)
		return out, "", err
	}
	// ISO-2022-JP is 7-bit, so valid UTF-8: its escape byte tells it apart.
	if bytes.IndexByte(body, 0x1b) < 0 {
		if utf8.Valid(body) {
			return body, "", nil
		}
		if mostlyUTF8(body) {
			return bytes.ToValidUTF8(body, []byte("\uFFFD")), "", nil
		}
	}
	if enc == nil {
		enc, name = metaCharset(body)
		if enc != nil && !asciiCompatible(name) {
			// A <meta> readable as ASCII cannot declare UTF-16 truthfully.
			enc = nil
		}
	}
	if name == "utf-8" {
		// Declared UTF-8, and not UTF-8 (checked above): the declaration
		// is wrong, and decoding by it would turn every non-ASCII
		// character into U+FFFD.
		enc, name = sniffLegacy(body)
		out, err = decode(body, enc)
		return out, "declared utf-8, read as " + name, err
	}
	if enc == nil {
		if utf8.Valid(body) {
			return body, "", nil
		}
		enc, _ = sniffLegacy(body)
	}
	out, err = decode(body, enc)
	return out, "", err
}

// sniffLegacy guesses the legacy charset of a body that is not UTF-8 from
// its bytes (chardet's statistics, as colly and browsers' detectors use),
// and falls back to windows-1252 when the guess is not confident: short
// Western text with a few accented letters is what most mislabelled pages
// are, and windows-1252 decodes every byte.
func sniffLegacy(body []byte) (encoding.Encoding, string) {
	const minConfidence = 50
	sample := body[:min(len(body), 64<<10)]
	if results, err := chardet.NewHtmlDetector().DetectAll(sample); err == nil {
		for _, r := range results {
			if r.Confidence < minConfidence {
				break
			}
			if enc, name := charset.Lookup(r.Charset); enc != nil && name != "utf-8" && asciiCompatible(name) {
				return enc, name
			}
		}
	}
	return charmap.Windows1252, "windows-1252"
}

// mostlyUTF8 reports whether b has many more valid multi-byte UTF-8
// sequences than bytes that are not (twice as many). Text in a legacy charset
// almost never forms a valid sequence (é then t is 0xE9 0x74), so a page
// with some is UTF-8 with a few broken bytes.
func mostlyUTF8(b []byte) bool {
	var valid, invalid int
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		b = b[n:]
	}
	return valid > 2*invalid
}

func decode(body []byte, enc encoding.Encoding) ([]byte, error) {
	out, err := io.ReadAll(transform.NewReader(bytes.NewReader(body), enc.NewDecoder()))
	if err != nil {
		return nil, fmt.Errorf("decode charset: %w", err)
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, nil
}

// bomEncoding returns the encoding a byte order mark names, and the BOM's
// length.
func bomEncoding(b []byte) (encoding.Encoding, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		return unicode.UTF8, 3
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2
	}
	return nil, 0
}

// asciiCompatible reports whether the WHATWG encoding name keeps ASCII
// bytes as ASCII, so that a <meta> could be read before it was known.
func asciiCompatible(name string) bool {
	switch name {
	case "utf-16be", "utf-16le", "iso-2022-jp", "replacement":
		return false
	}
	return true
}

// maxPrescan bounds the search for <meta charset>: past the <head> or this
// many bytes, the page has not declared one.
const maxPrescan = 256 << 10

// metaCharset finds the charset a <meta charset> or <meta http-equiv=
// "Content-Type"> in the head declares.
func metaCharset(body []byte) (encoding.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(body[:min(len(body), maxPrescan)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return nil, ""
			case atom.Meta:
				var label, httpEquiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "charset":
						label = string(v)
					case "http-equiv":
						httpEquiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
				}
				if label == "" && httpEquiv == "content-type" {
					if _, params, err := mime.ParseMediaType(content); err == nil {
						label = params["charset"]
					}
				}
				if label != "" {
					if enc, name := charset.Lookup(label); enc != nil {
						return enc, name
					}
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return nil, ""
			}
		}
	}
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
	if strings.Contains(s, "%") {
		if u, err := url.PathUnescape(s); err == nil {
			if strings.IndexFunc(u, stdunicode.IsSpace) >= 0 && strings.IndexFunc(s, stdunicode.IsSpace) < 0 ||
				strings.IndexFunc(u, stdunicode.IsControl) >= 0 {
				// An escaped space or control character in one token:
				// the DOI would end there, cut short, and a DOI cut
				// short may be another paper's (articles are merged
				// by DOI). No DOI is better than a wrong one.
				return ""
			}
			s = u
		}
	}
	if m := doiPattern.FindString(s); m != "" {
		if u, err := url.PathUnescape(m); err == nil {
			m = u
		}
		return strings.ToLower(m)
	}
	return ""
}

var dateLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 MST", "2006-01-02 15:04:05", "2006-01-02 15:04",
	"2006-01-02", "2006/01/02", "2006/1/2", "2006-01", "2006", "20060102", "20060102150405",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006", "Mon, 2 Jan 2006", "Monday, January 2, 2006", "Monday, 2 January 2006",
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006",
	"02 Jan 2006", "January 2006", "02.01.2006", "2.1.2006",
	"January 2, 2006 3:04 PM", "Jan 2, 2006 3:04 PM", "January 2, 2006, 3:04 PM",
}

// ParseDate parses the date formats found in HTML metadata and feeds, or
// returns the zero time. Times without a zone are taken as UTC; a time with
// an offset keeps it (see WrittenZone).
func ParseDate(s string) time.Time {
	s = clean(s)
	if s == "" || len(s) > 64 {
		return time.Time{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return WrittenZone(t)
		}
	}
	// "Sept. 4, 2015", "4th July 2015": a second chance without the noise.
	if s2 := dateNoise.Replace(s); s2 != s {
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, s2); err == nil {
				return WrittenZone(t)
			}
		}
	}
	return time.Time{}
}

// WrittenZone returns t in a fixed zone of its own offset (UTC for none),
// never converted: a publication date is the calendar date the publisher
// wrote, and "2023-12-31T22:00:00-05:00" was published on 31 December
// 2023, although it is 1 January in UTC. Keeping the offset keeps both the
// instant and that date (t.Year, t.Day), and the JSON that carries the
// article over NATS keeps it too. A fixed zone rather than the location
// time.Parse may pick (Local, when the offset is the machine's) makes the
// result the same on every machine.
func WrittenZone(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	_, off := t.Zone()
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", off))
}

var dateNoise = strings.NewReplacer("Sept.", "Sep", "Sept ", "Sep ", "1st", "1", "2nd", "2", "3rd", "3", "th ", " ", ".", "", "am", "AM", "pm", "PM")

// tokenPage extracts a page with the tokenizer alone, for documents the
// parser refuses: the title, the links, and the text with block elements as
// block boundaries.
func tokenPage(body []byte, base *url.URL) (Page, error) {
	var (
		p        Page
		r        = renderer{stats: &contentLayout{}}
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
			r.stats.into(&p.Layout)
			p.Layout.Links = len(p.Links)
			p.Layout.DocTitle = clean(titleBuf.String())
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
				switch {
				case tt == html.EndTagToken && r.inLink > 0:
					r.inLink--
				case tt == html.StartTagToken && hasAttr:
					r.inLink++
				}
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
