package extract

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/lumen-research/lumen"
)

// metadata is what one walk over the document finds outside the main text.
type metadata struct {
	// scholarly: citation_* and Dublin Core, which outrank everything else.
	citeTitle string
	citeAuth  []string

	siteName, lang    string
	journal           string
	canonical, ogURL  string
	doi, pmid         string
	authors           []string // <meta name=author> and the like
	domAuthors        []string // <a rel=author>, itemprop=author
	published         time.Time
	publishedRank     int // lower is more trustworthy; 0 = none yet
	links             []string
	noIndex, noFollow bool
	feeds             []string // <link rel=alternate> RSS, Atom and JSON feeds
	layout            Layout   // the page-wide part
}

// Where a publication date came from, most trustworthy first.
const (
	rankScholarly   = iota + 1 // citation_publication_date, dc.date
	rankJSONLD                 // JSON-LD datePublished
	rankMeta                   // article:published_time, itemprop=datePublished
	rankTimeElem               // <time itemprop=datePublished> or <time pubdate>
	rankLooseMeta              // <meta name=date>, pdate ...
	rankReadability            // whatever go-readability found
	rankTime                   // the first <time datetime> outside navigation
	rankURL                    // /2015/03/18/ in the canonical URL
	rankText                   // "July 24, 2015" in an element whose class says date
)

func (m *metadata) setPublished(rank int, s string) {
	if m.publishedRank != 0 && m.publishedRank <= rank {
		return
	}
	if t := ParseDate(s); plausible(t) {
		m.published, m.publishedRank = t, rank
	}
}

// plausible rejects dates no web page or paper was published on: before
// printing presses mattered to PubMed, or more than a day in the future.
func plausible(t time.Time) bool {
	return !t.IsZero() && t.Year() >= 1800 && t.Before(time.Now().Add(24*time.Hour))
}

var doiPattern = regexp.MustCompile(`\b(10\.\d{4,9}/[^\s"'<>]+[^\s"'<>.,;:)\]])`)

// readMeta collects what readability does not give, or gives less well:
// scholarly citation_* metadata, JSON-LD, dates, the canonical URL, robots
// directives and the links.
func readMeta(doc *html.Node, base *url.URL, measure bool) metadata {
	var m metadata
	seen := map[string]bool{}
	// aside is set below navigation, sidebars, footers and lists, whose
	// times and authors belong to other stories or to comments.
	// inTable is set inside tables, whose dates are data (an infobox's
	// "Founded 1998-02-28"), not the page's.
	// inLink is set inside <a href>, whose words count as link text.
	var walk func(n *html.Node, depth int, aside, inTable, inLink bool)
	walk = func(n *html.Node, depth int, aside, inTable, inLink bool) {
		if n.Type == html.TextNode {
			if !measure {
				return
			}
			w := countWords(n.Data)
			m.layout.Words += w
			if inLink {
				m.layout.LinkWords += w
			}
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if m.lang == "" {
					m.lang = strings.TrimSpace(attr(n, "lang"))
				}
			case atom.Meta:
				m.meta(n)
			case atom.Link:
				rel := attr(n, "rel")
				switch {
				case hasToken(rel, "canonical") && m.canonical == "":
					m.canonical = resolve(base, attr(n, "href"))
				case hasToken(rel, "alternate") && isFeedType(attr(n, "type")) && len(m.feeds) < maxFeedLinks:
					if u := resolve(base, attr(n, "href")); u != "" {
						m.feeds = append(m.feeds, u)
					}
				case hasToken(rel, "next") || hasToken(rel, "prev"):
					m.layout.Paginated = true
				}
			case atom.Title:
				if m.layout.DocTitle == "" {
					m.layout.DocTitle = clean(textOf(n))
				}
			case atom.H1:
				if m.layout.H1 == "" {
					m.layout.H1 = clean(textOf(n))
				}
			case atom.Article:
				m.layout.ArticleElems++
			case atom.Input:
				if strings.EqualFold(attr(n, "type"), "password") {
					m.layout.PasswordInput = true
				}
			case atom.Noscript:
				return // text for browsers without JavaScript, not the page's
			case atom.A:
				if hasToken(attr(n, "rel"), "author") && !aside && len(m.domAuthors) < 5 {
					m.domAuthors = append(m.domAuthors, cleanAuthors(textOf(n))...)
				}
				if hasAttr(n, "href") {
					inLink = true
				}
				if hasToken(attr(n, "rel"), "nofollow") {
					break
				}
				if u := resolve(base, attr(n, "href")); u != "" && !seen[u] {
					seen[u] = true
					m.links = append(m.links, u)
				}
				if hasToken(attr(n, "rel"), "next") || hasToken(attr(n, "rel"), "prev") {
					m.layout.Paginated = true
				}
			case atom.Time:
				dt := attr(n, "datetime")
				switch {
				case dt == "":
				case strings.EqualFold(attr(n, "itemprop"), "datePublished"), hasAttr(n, "pubdate"):
					m.setPublished(rankTimeElem, dt)
				case !aside:
					m.setPublished(rankTime, dt)
				}
			case atom.Nav, atom.Aside, atom.Footer, atom.Li:
				aside = true
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					m.jsonLD(n.FirstChild.Data)
				}
				return
			case atom.Style, atom.Template:
				return
			}
			if n.DataAtom == atom.Table {
				inTable = true
			}
			if !aside && !inTable && m.publishedRank == 0 {
				if dateClass.MatchString(attr(n, "class") + " " + attr(n, "id")) {
					if t := textDate(textOf(n)); !t.IsZero() {
						m.setPublished(rankText, t.Format(time.DateOnly))
					}
				}
			}
			switch itemprop := attr(n, "itemprop"); {
			case strings.EqualFold(itemprop, "datePublished") && n.DataAtom != atom.Time:
				m.setPublished(rankMeta, attr(n, "content"))
			case hasToken(itemprop, "author") && !aside && n.DataAtom != atom.Meta && n.DataAtom != atom.Link && len(m.domAuthors) < 5:
				name := n
				if c := findItemprop(n, "name"); c != nil {
					name = c
				}
				if c := attr(name, "content"); c != "" {
					m.domAuthors = append(m.domAuthors, cleanAuthors(c)...)
				} else {
					m.domAuthors = append(m.domAuthors, cleanAuthors(textOf(name))...)
				}
			}
		}
		if depth > maxDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1, aside, inTable, inLink)
		}
	}
	walk(doc, 0, false, false, false)
	m.layout.Links = len(m.links)
	m.domAuthors = dedupe(m.domAuthors)
	for _, u := range []string{m.canonical, m.ogURL} {
		if d := urlDate(u); !d.IsZero() {
			m.setPublished(rankURL, d.Format(time.DateOnly))
		}
	}
	if base != nil {
		if d := urlDate(base.String()); !d.IsZero() {
			m.setPublished(rankURL, d.Format(time.DateOnly))
		}
	}
	return m
}

// maxDepth stops the metadata walk on pathological trees; html.Parse
// already refuses more than 512 open elements.
const maxDepth = 1024

func (m *metadata) meta(n *html.Node) {
	key := strings.ToLower(strings.TrimSpace(attr(n, "name")))
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(attr(n, "property")))
	}
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(attr(n, "http-equiv")))
	}
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	switch key {
	case "citation_title", "dc.title", "dcterms.title":
		if m.citeTitle == "" {
			m.citeTitle = clean(content)
		}
		if key == "citation_title" {
			m.layout.Scholarly = true
		}
	case "citation_author", "dc.creator", "dcterms.creator":
		if c := clean(content); c != "" {
			m.citeAuth = append(m.citeAuth, c)
		}
	case "citation_doi", "prism.doi", "bepress_citation_doi", "dc.identifier.doi",
		"dc.identifier", "dcterms.identifier", "citation_id":
		if m.doi == "" {
			m.doi = NormalizeDOI(content)
		}
	case "citation_pmid":
		if m.pmid == "" && isDigits(content) {
			m.pmid = content
		}
	case "citation_publication_date", "citation_date", "citation_online_date", "dc.date", "dc.date.issued",
		"dcterms.issued", "dcterms.date", "prism.publicationdate", "bepress_citation_date":
		m.setPublished(rankScholarly, content)
	case "article:published_time", "article:published", "og:article:published_time", "og:published_time",
		"datepublished", "parsely-pub-date", "sailthru.date", "publish-date", "publishdate", "pubdate":
		m.setPublished(rankMeta, content)
	case "date", "dc.date.created", "pdate", "displaydate", "dat":
		m.setPublished(rankLooseMeta, content)
	case "author", "byl", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.contributor":
		if !strings.Contains(content, "://") && len(m.authors) == 0 {
			m.authors = cleanAuthors(content)
		}
	case "og:site_name", "application-name":
		if m.siteName == "" {
			m.siteName = clean(content)
		}
	case "og:type":
		if m.layout.OGType == "" {
			m.layout.OGType = strings.ToLower(content)
		}
	case "citation_journal_title", "prism.publicationname", "citation_conference_title":
		if m.journal == "" {
			m.journal = clean(content)
		}
		if key == "citation_journal_title" {
			m.layout.Scholarly = true
		}
	case "citation_abstract_html_url", "citation_pdf_url", "citation_firstpage":
		m.layout.Scholarly = true
	case "og:url":
		if m.ogURL == "" {
			m.ogURL = content
		}
	case "content-language", "dc.language", "og:locale":
		if m.lang == "" {
			m.lang = strings.ReplaceAll(strings.TrimSpace(strings.Split(content, ",")[0]), "_", "-")
		}
	case "robots":
		for _, d := range strings.Split(strings.ToLower(content), ",") {
			switch strings.TrimSpace(d) {
			case "noindex":
				m.noIndex = true
			case "nofollow":
				m.noFollow = true
			case "none":
				m.noIndex, m.noFollow = true, true
			}
		}
	}
}

// maxJSONLD bounds the JSON-LD block read; real ones are a few kilobytes.
const maxJSONLD = 1 << 20

// jsonLD reads schema.org metadata: the first object that looks like the
// page's article gives the headline, authors, date, publisher and DOI.
func (m *metadata) jsonLD(raw string) {
	raw = strings.TrimSpace(raw)
	if len(raw) > maxJSONLD {
		return
	}
	// Some sites wrap the block in CDATA markers or HTML comments.
	for _, cut := range []string{"//<![CDATA[", "<![CDATA[", "<!--"} {
		raw = strings.TrimSpace(strings.TrimPrefix(raw, cut))
	}
	for _, cut := range []string{"//]]>", "]]>", "-->"} {
		raw = strings.TrimSpace(strings.TrimSuffix(raw, cut))
	}
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return
	}
	var objs []map[string]any
	var collect func(v any, depth int)
	collect = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				collect(e, depth+1)
			}
		case map[string]any:
			objs = append(objs, v)
			collect(v["@graph"], depth+1)
		}
	}
	collect(v, 0)
	for _, o := range objs {
		m.layout.addSchemaType(o["@type"])
	}
	for _, o := range objs {
		if !isArticleType(o["@type"]) {
			continue
		}
		if s, ok := o["datePublished"].(string); ok {
			m.setPublished(rankJSONLD, s)
		} else if s, ok := o["dateCreated"].(string); ok {
			m.setPublished(rankJSONLD, s)
		}
		if len(m.authors) == 0 {
			m.authors = ldNames(o["author"])
		}
		if m.siteName == "" {
			if names := ldNames(o["publisher"]); len(names) > 0 {
				m.siteName = names[0]
			}
		}
		if m.lang == "" {
			if s, ok := o["inLanguage"].(string); ok {
				m.lang = strings.TrimSpace(s)
			}
		}
		if m.doi == "" {
			for _, k := range []string{"doi", "identifier", "sameAs", "@id", "url"} {
				if d := ldDOI(o[k]); d != "" {
					m.doi = d
					break
				}
			}
		}
		return
	}
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		t = strings.ToLower(t)
		return strings.Contains(t, "article") || strings.Contains(t, "posting") || t == "report" ||
			t == "medicalwebpage" || t == "webpage" || t == "creativework" || t == "thesis" || t == "book" || t == "chapter"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldNames reads a schema.org author or publisher: a name, an object with
// a name, or a list of either. People come before organisations.
func ldNames(v any) []string {
	var people, orgs []string
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch v := v.(type) {
		case string:
			people = append(people, cleanAuthors(v)...)
		case []any:
			for _, e := range v {
				add(e, depth+1)
			}
		case map[string]any:
			name, _ := v["name"].(string)
			if name == "" || strings.Contains(name, "://") {
				return
			}
			if t, _ := v["@type"].(string); strings.EqualFold(t, "Organization") || strings.HasSuffix(t, "Organization") {
				orgs = append(orgs, clean(name))
			} else {
				people = append(people, cleanAuthors(name)...)
			}
		}
	}
	add(v, 0)
	if len(people) > 0 {
		return dedupe(people)
	}
	return dedupe(orgs)
}

func ldDOI(v any) string {
	switch v := v.(type) {
	case string:
		if strings.Contains(v, "doi") || strings.HasPrefix(v, "10.") {
			return NormalizeDOI(v)
		}
	case []any:
		for _, e := range v {
			if d := ldDOI(e); d != "" {
				return d
			}
		}
	case map[string]any:
		if p, _ := v["propertyID"].(string); strings.EqualFold(p, "doi") {
			if s, ok := v["value"].(string); ok {
				return NormalizeDOI(s)
			}
		}
	}
	return ""
}

var urlDatePattern = regexp.MustCompile(`/((?:19|20)\d\d)[/-]([01]?\d|[a-z]{3})[/-]([0-3]?\d)(?:/|[-_.]|$)|/((?:19|20)\d\d)([01]\d)([0-3]\d)/`)

// urlDate finds a /2015/03/18/, /2019/jan/03/ or /20150318/ date in a URL
// path, as news sites put it there.
func urlDate(raw string) time.Time {
	if raw == "" {
		return time.Time{}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return time.Time{}
	}
	g := urlDatePattern.FindStringSubmatch(strings.ToLower(u.Path))
	if g == nil {
		return time.Time{}
	}
	var y, mo, d string
	if g[1] != "" {
		y, mo, d = g[1], g[2], g[3]
	} else {
		y, mo, d = g[4], g[5], g[6]
	}
	for _, layout := range []string{"2006/1/2", "2006/Jan/2"} {
		if t, err := time.Parse(layout, y+"/"+mo+"/"+d); err == nil {
			return t
		}
	}
	return time.Time{}
}

var (
	dateClass = regexp.MustCompile(`(?i)date|time|publish|posted|dateline|byline|entry-meta|post-meta|article-meta`)
	months    = `(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`
	textDates = []*regexp.Regexp{
		regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`),
		regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b`),
		regexp.MustCompile(`(?i)\b` + months + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`),
		regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+` + months + `,?\s+((?:19|20)\d\d)\b`),
	}
)

// textDate finds a date written out in a short text ("Posted on July 24th,
// 2015", "24.01.2022 11:38"), in ISO, European numeric or English form;
// slash dates are left alone, as 03/04/2015 reads both ways.
func textDate(s string) time.Time {
	if len(s) > 200 {
		return time.Time{}
	}
	for i, re := range textDates {
		g := re.FindStringSubmatch(s)
		if g == nil {
			continue
		}
		var y, mo, d string
		switch i {
		case 0:
			y, mo, d = g[1], g[2], g[3]
		case 1:
			d, mo, y = g[1], g[2], g[3]
		case 2:
			mo, d, y = g[1], g[2], g[3]
		case 3:
			d, mo, y = g[1], g[2], g[3]
		}
		layout := "2006/1/2"
		if i >= 2 {
			layout = "2006/Jan/2" // month names match in any case
		}
		if t, err := time.Parse(layout, y+"/"+mo+"/"+d); err == nil {
			return t
		}
	}
	return time.Time{}
}

var (
	bylineSep    = regexp.MustCompile(`\s*(?:,|;|\band\b|\bund\b|&|\|)\s*`)
	bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:written|posted|reviewed|edited|reported)\s+)?(?:by|von|par|por|author:|authors:|autor:)\s+`)
	bylineTail   = regexp.MustCompile(`\s+[-–—•|]\s+.*$|\s+(?:on|updated|published)\s+.*\d.*$`)
	credentials  = map[string]bool{
		"ma": true, "md": true, "phd": true, "rn": true, "mph": true, "do": true, "ms": true, "msc": true, "bsc": true,
		"mba": true, "facp": true, "rd": true, "ld": true, "np": true, "dnp": true, "pharmd": true, "dds": true, "dvm": true,
		"jd": true, "faan": true, "ibclc": true, "cde": true, "mbbs": true, "frcp": true, "lmft": true, "lcsw": true,
		"psyd": true, "mda": true, "cnm": true, "aprn": true, "facc": true, "mbchb": true,
	}
	notNames = map[string]bool{"posted": true, "updated": true, "published": true, "written": true, "by": true, "admin": true, "anonymous": true}
)

// citationNames reads the "Last, First" form that citation_author and
// dc.creator use (Highwire Press tags, as Google Scholar asks): "Smith,
// Jane Q." is family Smith, given Jane Q.; "Smith, Jane, Jr." has suffix
// Jr. A name in another form ("Jane Smith", "WHO Working Group") stays a
// display name only. It returns nil when no name has parts.
func citationNames(names []string) []lumen.Author {
	out := make([]lumen.Author, len(names))
	structured := false
	for i, n := range names {
		out[i].Name = n
		parts := strings.Split(n, ",")
		for j := range parts {
			parts[j] = strings.TrimSpace(parts[j])
		}
		if len(parts) == 3 && nameSuffix(parts[2]) {
			out[i].Suffix = parts[2]
			parts = parts[:2]
		}
		// An affiliation or a corporate name with a comma is not a name in
		// this form: its parts are longer than names are.
		if len(parts) != 2 || parts[0] == "" || parts[1] == "" ||
			len(strings.Fields(parts[0])) > 4 || len(strings.Fields(parts[1])) > 4 || strings.ContainsAny(n, "0123456789") {
			out[i].Suffix = ""
			continue
		}
		if nameSuffix(parts[1]) { // "Smith, Jr" is not a given name
			out[i].Suffix = ""
			continue
		}
		out[i].Family, out[i].Given = parts[0], parts[1]
		structured = true
	}
	if !structured {
		return nil
	}
	return out
}

// nameSuffix reports whether s is a generational or ordinal suffix ("Jr.", "III").
func nameSuffix(s string) bool {
	switch strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), ".")) {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// cleanAuthors turns a byline into author names: "By Brenda  Goodman, MA\n
// WebMD Health News" is ["Brenda Goodman"], "Dan Goodin - Apr 16 2015
// 8:02 pm UTC" is ["Dan Goodin"], "By JEFFREY GETTLEMAN" is ["Jeffrey
// Gettleman"].
func cleanAuthors(b string) []string {
	b = strings.TrimSpace(b)
	if i := strings.IndexAny(b, "\n\r"); i >= 0 {
		b = b[:i] // what follows the first line is a desk or a date
	}
	b = clean(b)
	b = bylinePrefix.ReplaceAllString(b, "")
	b = bylineTail.ReplaceAllString(b, "")
	var out []string
	for _, p := range bylineSep.Split(b, -1) {
		p = strings.Trim(p, " .:-–—")
		p = bylinePrefix.ReplaceAllString(p, "")
		if !isName(p) {
			continue
		}
		out = append(out, titleCase(p))
	}
	return dedupe(out)
}

// isName rejects what bylines carry besides names: credentials, dates,
// e-mail addresses, URLs, whole sentences.
func isName(s string) bool {
	if s == "" || len(s) > 80 || strings.ContainsAny(s, "@/<>{}=") || len(strings.Fields(s)) > 6 {
		return false
	}
	if k := strings.ToLower(strings.ReplaceAll(s, ".", "")); credentials[k] || notNames[k] {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 2
}

// titleCase rewrites an all-capitals name ("JEFFREY GETTLEMAN") in the
// usual case; other names are kept as written ("danah boyd", "McNeil").
func titleCase(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		k := strings.ToLower(s)
		if s != "" && !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

var titleSeps = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / "}

// cleanTitle removes a site name from the start or end of a title ("Mozilla
// - Wikipedia", "BBC News - Obama admits ..."): the part cut must be the
// site name or the name of the host, so "Ebola: What is it? - Part 2" keeps
// its tail.
func cleanTitle(title, siteName, host string) string {
	names := []string{squash(siteName), squash(hostLabel(host))}
	isSite := func(s string) bool {
		s = squash(s)
		if s == "" {
			return false
		}
		for _, n := range names {
			if n != "" && (s == n || len(n) >= 3 && strings.HasPrefix(s, n) && len(s) <= len(n)+8) {
				return true
			}
		}
		return false
	}
	for _, sep := range titleSeps {
		if i := strings.LastIndex(title, sep); i > 0 && isSite(title[i+len(sep):]) {
			if rest := strings.TrimSpace(title[:i]); rest != "" {
				return rest
			}
		}
		if i := strings.Index(title, sep); i > 0 && isSite(title[:i]) {
			if rest := strings.TrimSpace(title[i+len(sep):]); rest != "" {
				return rest
			}
		}
	}
	return title
}

// squash lower-cases s and keeps its letters and digits: "The Guardian"
// and "theguardian" compare equal.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	s = b.String()
	return strings.TrimPrefix(s, "the")
}

// hostLabel is the label before the public suffix, roughly: "wikipedia"
// for en.wikipedia.org, "bbc" for www.bbc.co.uk.
func hostLabel(host string) string {
	labels := strings.Split(strings.TrimSuffix(strings.ToLower(host), "."), ".")
	if len(labels) < 2 {
		return ""
	}
	i := len(labels) - 2
	if i > 0 && len(labels[i]) <= 3 && len(labels[len(labels)-1]) == 2 {
		i-- // bbc.co.uk, abc.net.au
	}
	return labels[i]
}

// findItemprop returns the first element under n with the itemprop prop.
func findItemprop(n *html.Node, prop string) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if hasToken(attr(c, "itemprop"), prop) {
			return c
		}
		if f := findItemprop(c, prop); f != nil {
			return f
		}
	}
	return nil
}

// textOf is the text under n, up to a few hundred bytes: enough for a name.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && b.Len() < 300; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if c.DataAtom == atom.Br {
					b.WriteByte('\n')
				} else if c.DataAtom != atom.Script && c.DataAtom != atom.Style {
					walk(c)
				}
			}
		}
	}
	walk(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasToken reports whether the space-separated list s holds tok.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// clean collapses white space.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
