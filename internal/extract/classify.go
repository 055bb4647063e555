package extract

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Layout is the structure of a page, measured while it is extracted, that
// tells an article from a hub (a page that lists other pages) or from a
// page that is neither (an error page served with 200, a cookie wall).
// Classify decides from it; word counts are of whitespace-separated words.
type Layout struct {
	// The whole page: the text of the body (outside scripts and styles)
	// and how much of it is link text; the distinct links.
	Words, LinkWords, Links int

	// The readable content, as extract.HTML renders it, counting the
	// blocks it drops as link lists too.
	MainWords, MainLinkWords int
	// ProseBlocks are blocks of running text (at least six words, little
	// of it link text, ending like a sentence or long); ProseWords their
	// words; LongestProse the longest; Sentences the sentences they hold.
	ProseBlocks, ProseWords, LongestProse, Sentences int
	// HeadlineLinks are blocks that are mostly one link of at least three
	// words: the headlines of a list of pages. TrailingHeadlines are those
	// after the last prose block (related stories, recent posts, a tag
	// cloud under an article), and TrailingWords their words.
	HeadlineLinks, TrailingHeadlines, TrailingWords int
	// LinkBlocks are all the blocks that are mostly link text, headlines
	// or not ("Home", "Acne", "Next page").
	LinkBlocks int
	// AnnotatedLinks are blocks of which a third to a half is one link of
	// at least three words: a list of links, each with a line about it.
	AnnotatedLinks int
	// Teasers are short prose blocks right under a headline link: the
	// summaries of a list of stories.
	Teasers int
	// Readerable is Readability's own test of whether a page holds
	// readable content: the sum, over prose blocks of more than 140
	// characters, of the square root of their excess length.
	Readerable float64

	// What the page says about itself.
	OGType       string   // og:type, lower case
	SchemaTypes  []string // JSON-LD @type values, lower case
	Scholarly    bool     // citation_* tags
	Paginated    bool     // rel=next or rel=prev
	ArticleElems int      // <article> elements
	// PasswordInput is set when the page asks for a password.
	PasswordInput bool
	DocTitle, H1  string
}

func (l *Layout) addSchemaType(t any) {
	switch t := t.(type) {
	case string:
		if len(l.SchemaTypes) < 16 {
			l.SchemaTypes = append(l.SchemaTypes, strings.ToLower(t))
		}
	case []any:
		for _, e := range t {
			l.addSchemaType(e)
		}
	}
}

// contentLayout is the part of Layout the renderer measures.
type contentLayout struct {
	words, linkWords                                 int
	proseBlocks, proseWords, longestProse, sentences int
	headlineLinks, teasers, annotated, linkBlocks    int
	// trailing counts the headline links (and their words) since the last
	// prose block.
	trailing, trailingWords int
	readerable              float64
	// lastLink is set while the last block that was not a date was a
	// headline link, so that the next prose block is its teaser.
	lastLink bool
}

// block records one rendered block of text s: its words, how many of them
// are link text, and whether it is a heading.
func (c *contentLayout) block(s string, words, linkWords int, heading bool) {
	c.words += words
	c.linkWords += linkWords
	switch {
	case words == 0:
	case linkWords*2 > words:
		c.linkBlocks++
		if words >= 3 {
			c.headlineLinks++
			c.trailing++
			c.trailingWords += words
			c.lastLink = true
		}
	case dateOnly(s, words):
		// A date under a headline or a teaser belongs to the same item.
	case linkWords >= 3 && linkWords*10 >= words*3:
		c.annotated++
		c.lastLink = false
	case words >= 6 && linkWords*10 < words*3 && (words >= 15 || endsSentence(s)):
		c.trailing, c.trailingWords = 0, 0
		c.proseBlocks++
		c.proseWords += words
		c.longestProse = max(c.longestProse, words)
		c.sentences += sentenceCount(s)
		if n := utf8.RuneCountInString(s); n > 140 {
			c.readerable += math.Sqrt(float64(n - 140))
		}
		if c.lastLink && words <= 60 {
			c.teasers++
		}
		c.lastLink = false
	case heading || words >= 6:
		// A heading of its own, or anything longer than a byline, a
		// source or a date line, between a headline link and a paragraph
		// makes the paragraph no teaser.
		c.lastLink = false
	}
}

func (c *contentLayout) into(l *Layout) {
	l.MainWords, l.MainLinkWords = c.words, c.linkWords
	l.ProseBlocks, l.ProseWords, l.LongestProse, l.Sentences = c.proseBlocks, c.proseWords, c.longestProse, c.sentences
	l.HeadlineLinks, l.Teasers, l.Readerable = c.headlineLinks, c.teasers, c.readerable
	l.TrailingHeadlines, l.TrailingWords, l.AnnotatedLinks = c.trailing, c.trailingWords, c.annotated
	l.LinkBlocks = c.linkBlocks
}

// endsSentence reports whether s ends like a sentence: a full stop,
// question or exclamation mark, possibly followed by a closing quote or
// bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)]»")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '。' || r == '！' || r == '？'
}

// sentenceCount counts the sentence ends in s: a terminal mark followed
// by a space and an upper-case letter or a digit, and the end of s.
func sentenceCount(s string) int {
	n := 0
	if endsSentence(s) {
		n++
	}
	for i := 0; i+2 < len(s); i++ {
		switch s[i] {
		case '.', '!', '?':
			if s[i+1] == ' ' {
				r, _ := utf8.DecodeRuneInString(s[i+2:])
				if unicode.IsUpper(r) || unicode.IsDigit(r) {
					n++
				}
			}
		}
	}
	return n
}

var monthWord = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}`)

// dateOnly reports whether a short block is only a date ("4 March 2025",
// "2025-03-04", "Posted 3 days ago").
func dateOnly(s string, words int) bool {
	if words > 6 {
		return false
	}
	digits := strings.IndexFunc(s, unicode.IsDigit) >= 0
	return digits && monthWord.MatchString(s) || strings.HasSuffix(strings.ToLower(s), " ago")
}

// countWords counts the words of s without allocating: runs of
// characters between white space, where two characters of a script
// written without spaces (Chinese, Japanese) count as one word.
func countWords(s string) int {
	n, in, cjk := 0, false, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			space := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
			if !space && !in {
				n++
			}
			in = !space
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isCJK(r) {
			cjk++
			in = false
			continue
		}
		if !in && !unicode.IsSpace(r) {
			n++
		}
		in = !unicode.IsSpace(r)
	}
	return n + (cjk+1)/2
}

// fieldWords is countWords for a run of text without white space.
func fieldWords(f string) int {
	for i := 0; i < len(f); i++ {
		if f[i] >= utf8.RuneSelf {
			return max(countWords(f), 1)
		}
	}
	return 1
}

// isCJK reports whether r belongs to a script written without spaces
// between words (Korean puts spaces between words).
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// Classes of page.
const (
	// ClassArticle is a page whose text is worth keeping: a news story, a
	// brief of two sentences, a paper's abstract, a blog post.
	ClassArticle = "article"
	// ClassHub is a page that lists other pages (a section front, a tag
	// page, an archive, search results, a table of contents): its links
	// are followed, its text is not kept.
	ClassHub = "hub"
	// The pages that are neither, skipped with their class as the reason.
	ClassErrorPage   = "error_page"   // "Page not found", served with 200
	ClassConsentWall = "consent_wall" // a cookie or consent wall instead of the page
	ClassLoginWall   = "login_wall"   // a sign-in or subscription wall
	ClassNoContent   = "no_content"   // no text to speak of (an app shell, a stub)
)

// Verdict is what Classify says about a page.
type Verdict struct {
	Class string
	// Score weighs the evidence for an article (positive) against a hub
	// (negative); Why lists the evidence that counted.
	Score float64
	Why   []string
}

// Classify decides, from its layout, whether p is an article, a hub or
// neither. It weighs what the page says about itself (og:type, JSON-LD,
// citation_* tags), the prose of its readable content, and the signs of a
// list of pages: headline links, teasers under them, link text that
// outweighs prose, collection types, pagination. It does not count words
// against a minimum: two sentences that make a claim are an article, and
// three hundred numbered links are not.
func Classify(p *Page) Verdict {
	l := &p.Layout
	var v Verdict
	add := func(w float64, why string) {
		v.Score += w
		v.Why = append(v.Why, why)
	}
	if c := neither(p); c != "" {
		v.Class = c
		return v
	}

	// What the page says it is.
	articleMeta := false
	switch {
	case l.Scholarly:
		add(3, "citation tags")
		articleMeta = true
	case schemaArticle(l.SchemaTypes):
		add(2, "schema.org article")
		articleMeta = true
	case l.OGType == "article":
		add(1.5, "og:type article")
		articleMeta = true
	}
	if schemaCollection(l.SchemaTypes) {
		add(-3, "schema.org collection")
	}
	if !p.Published.IsZero() {
		add(0.5, "publication date")
	}
	if l.ArticleElems >= 3 {
		add(-2, "several <article> elements")
	}
	if l.Paginated && !articleMeta {
		add(-1, "paginated")
	}
	if hubPath(p.Canonical) {
		add(-1.5, "listing URL")
	}

	// Prose.
	add(min(float64(l.ProseWords)/50, 4), "prose")
	if l.LongestProse >= 20 {
		add(1, "a paragraph of running text")
	}
	if l.Readerable > 20 {
		add(1, "readerable")
	}

	// A list of pages. Headlines among or before the prose make a list;
	// those after it are an article's furniture (related stories, recent
	// posts), unless they outweigh the text.
	if lead := l.HeadlineLinks - l.TrailingHeadlines; lead >= 4 {
		ratio := float64(lead) / (float64(l.ProseBlocks+1) + float64(l.ProseWords)/40)
		add(-3*min(ratio, 2), "headline links")
	}
	if l.TrailingHeadlines >= 10 && l.TrailingWords > 3*l.ProseWords {
		add(-3, "a list that outweighs the text")
	} else if l.TrailingHeadlines > 0 {
		add(-0.1*min(float64(l.TrailingHeadlines), 10), "links after the text")
	}
	if l.ProseWords < 8 {
		add(-3, "links and no text")
	}
	if l.Teasers >= 3 && l.Teasers*2 >= l.ProseBlocks {
		add(-4, "teasers under headlines")
	}
	if l.AnnotatedLinks >= 5 && l.AnnotatedLinks >= l.ProseBlocks {
		add(-3, "annotated links")
	}
	if l.MainWords > 0 && l.MainLinkWords*10 > l.MainWords*6 && l.TrailingHeadlines < l.HeadlineLinks {
		add(-2, "mostly link text")
	}

	v.Class = ClassArticle
	if v.Score < 0 {
		v.Class = ClassHub
	}
	return v
}

var (
	// errorCue finds what an error page says in its title or heading. A
	// status code counts only next to an error word: "500 patients" is a
	// headline.
	errorCue = regexp.MustCompile(`(?i)\b[45]\d\d\W{0,3}(error|not found|forbidden|gone|unavailable)\b|\b(error|http)\W{0,3}[45]\d\d\b|` +
		`\b(page|file|article|content|document)\b.{0,30}\b(not found|can.?t be found|cannot be found|could not be found|no longer (available|exists)|(does not|doesn.?t) exist|unavailable|has been removed)|` +
		`^\W*not found\b|can.?t find (that|this|the) page|access denied|service unavailable|internal server error|^\W*oops\b`)
	consentCue = regexp.MustCompile(`(?i)\b(cookies?|consent|privacy|partners|personali[sz]ed|advertising|ads|preferences|tracking|gdpr|legitimate interest|accept|reject)\b`)
	loginCue   = regexp.MustCompile(`(?i)\b(sign[ -]?in|log[ -]?in|subscribe|subscribers?|subscription|create an account|register|password|institutional (access|login|account)|members only)\b`)
)

// neither returns the class of a page that is neither an article nor a
// hub, or "".
func neither(p *Page) string {
	l := &p.Layout
	if l.ProseWords < 8 {
		switch {
		case errorTitle(l):
			return ClassErrorPage
		case l.LinkBlocks == 0:
			return ClassNoContent
		}
		return "" // links and no text: a hub
	}
	if l.ProseWords >= 150 || l.HeadlineLinks >= 5 {
		return ""
	}
	if errorTitle(l) {
		return ClassErrorPage
	}
	text := p.Text
	if n := len(consentCue.FindAllStringIndex(text, 64)); n >= 5 && n*100 >= l.MainWords*5 {
		return ClassConsentWall
	}
	if n := len(loginCue.FindAllStringIndex(text, 32)); l.ProseWords < 80 && (l.PasswordInput && n >= 1 || n >= 3) {
		return ClassLoginWall
	}
	return ""
}

// errorTitle reports whether a short title or main heading says the page
// is an error: a headline about errors is longer than eight words, or
// says nothing an error page says.
func errorTitle(l *Layout) bool {
	for _, t := range []string{l.DocTitle, l.H1} {
		t, _, _ = strings.Cut(t, " | ") // the site's name
		if t != "" && countWords(t) <= 8 && errorCue.MatchString(t) {
			return true
		}
	}
	return false
}

func schemaArticle(types []string) bool {
	for _, t := range types {
		if strings.Contains(t, "article") || strings.Contains(t, "posting") || t == "report" || t == "medicalwebpage" ||
			t == "scholarlyarticle" || t == "newsarticle" || t == "blogposting" || t == "review" || t == "recipe" {
			return true
		}
	}
	return false
}

func schemaCollection(types []string) bool {
	for _, t := range types {
		switch t {
		case "collectionpage", "itemlist", "searchresultspage", "website", "profilepage", "siteNavigationElement":
			return true
		}
	}
	return false
}

var hubPathPattern = regexp.MustCompile(`(?i)/(tags?|category|categories|topics?|archives?|authors?|search|page/\d+|sections?|index)(/|$|\.)|[?&](page|p|s|q|query|tag|category)=`)

// hubPath reports whether a URL looks like a listing: a tag, category,
// archive, author or search page, or a page of a pagination.
func hubPath(u string) bool { return u != "" && hubPathPattern.MatchString(u) }

// regionLayout measures the page's main region as a reader sees it: the
// <main> element (or role=main) if there is one, else the body, without
// navigation, headers, footers, sidebars and forms. Readability drops
// link-heavy lists from its content, so for a page that is mostly links
// its content says little; this says what the page is.
func regionLayout(doc *html.Node) contentLayout {
	root := findMain(doc, 0)
	if root == nil {
		root = doc
	}
	r := renderer{skipChrome: true, stats: &contentLayout{}}
	r.walk(root)
	r.endBlock()
	return *r.stats
}

func findMain(n *html.Node, depth int) *html.Node {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main")) {
		return n
	}
	if depth > maxDepth {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := findMain(c, depth+1); m != nil {
			return m
		}
	}
	return nil
}

var chromeClass = regexp.MustCompile(`(?i)(^|[-_ ])(nav|navbar|navigation|menu|breadcrumbs?|sidebar|widget-area|masthead|site-header|site-footer|footer|header|toplinks|cookie-banner)([-_ ]|$)`)

// chrome reports whether n is page furniture: navigation, a header or
// footer, a sidebar, a form.
func chrome(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form:
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar":
		return true
	}
	return chromeClass.MatchString(attr(n, "class")) || chromeClass.MatchString(attr(n, "id"))
}
