package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text renders the text under n as plain text: each block element (heading,
// paragraph, list item, table cell, quote ...) becomes one block, blocks are
// separated by a blank line, and white space inside a block is collapsed.
// Scripts, styles and other non-content elements are skipped.
func Text(n *html.Node) string {
	var r renderer
	r.walk(n)
	r.endBlock()
	return strings.Join(r.blocks, "\n\n")
}

// mainText is Text for an extractor's main content: it also drops the
// blocks that are mostly link text (lists of related stories, "Read more:"
// lines, tag lists), which readability keeps when they sit inside the
// article and which downstream would become claims the page never made.
func mainText(n *html.Node) string {
	text, _ := mainTextStats(n, false)
	return text
}

// mainTextStats is mainText with the layout of the content it rendered,
// the dropped link blocks included, if measure is set.
func mainTextStats(n *html.Node, measure bool) (string, contentLayout) {
	r := renderer{dropLinkBlocks: true}
	if measure {
		r.stats = &contentLayout{}
	}
	r.walk(n)
	r.endBlock()
	if !measure {
		return strings.Join(r.blocks, "\n\n"), contentLayout{}
	}
	return strings.Join(r.blocks, "\n\n"), *r.stats
}

type renderer struct {
	blocks []string
	cur    strings.Builder
	space  bool // a space is pending before the next word
	brs    int  // <br> elements since the last word

	dropLinkBlocks bool
	inLink         int  // depth inside <a href>
	linkBytes      int  // bytes of the current block written inside <a href>
	skipChrome     bool // skip navigation, headers, footers, sidebars (regionLayout)
	words          int  // words of the current block
	linkWords      int  // of which inside <a href>
	stats          *contentLayout
	inHeading      bool // the current block is a heading
	lastHeading    bool // the last block kept is a heading
}

// maxLinkShare is the share of a block's text in links above which
// mainText drops the block.
const maxLinkShare = 0.5

func (r *renderer) endBlock() {
	s := strings.TrimSpace(r.cur.String())
	if r.stats != nil && s != "" {
		r.stats.block(s, r.words, r.linkWords, r.inHeading)
	}
	r.words, r.linkWords = 0, 0
	switch {
	case s == "":
	case r.dropLinkBlocks && float64(r.linkBytes) > maxLinkShare*float64(len(s)):
		// The heading of a link list ("Related stories", "See also")
		// goes with it.
		if r.lastHeading {
			r.blocks = r.blocks[:len(r.blocks)-1]
			r.lastHeading = false
		}
	default:
		r.blocks = append(r.blocks, s)
		r.lastHeading = r.inHeading
	}
	r.cur.Reset()
	r.space = false
	r.brs = 0
	r.linkBytes = 0
}

func (r *renderer) text(s string) {
	if s == "" {
		return
	}
	if first, _ := utf8.DecodeRuneInString(s); isSpace(first) {
		r.space = true
	}
	for i, f := range strings.FieldsFunc(s, isSpace) {
		r.brs = 0
		if (i > 0 || r.space) && r.cur.Len() > 0 {
			r.cur.WriteByte(' ')
		}
		r.cur.WriteString(f)
		if r.stats != nil {
			w := fieldWords(f)
			r.words += w
			if r.inLink > 0 {
				r.linkWords += w
			}
		}
		if r.inLink > 0 {
			r.linkBytes += len(f)
		}
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	r.space = isSpace(last)
}

func isSpace(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u2028', '\u2029', '\u200b':
		return true
	}
	return false
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		switch elemAtom(n) {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
			atom.Button, atom.Select, atom.Input, atom.Textarea, atom.Iframe, atom.Object, atom.Head:
			return
		case atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Div, atom.Section, atom.Td, atom.Table, atom.Ul, atom.Ol:
			if r.skipChrome && chrome(n) {
				return
			}
		case atom.Figure:
			// A figure whose picture, video or table the extractor removed
			// (an embedded player it does not keep) leaves a caption
			// describing something the text does not have.
			if r.dropLinkBlocks && !hasMedia(n) {
				return
			}
		case atom.Br:
			// One <br> breaks a line; two in a row are how old pages
			// separate paragraphs.
			r.space = true
			if r.brs++; r.brs == 2 {
				r.endBlock()
			}
			return
		}
	}
	if n.Type == html.ElementNode && r.dropLinkBlocks && isHeading(elemAtom(n)) && visuallyHidden(n) {
		// A heading for screen readers only labels the page's regions
		// ("What's Next", "Related"); inline labels ("Credit") stay, as
		// part of the sentence they introduce.
		return
	}
	block := n.Type == html.ElementNode && isBlock(elemAtom(n))
	if block {
		r.endBlock()
		r.inHeading = isHeading(elemAtom(n))
	}
	link := n.Type == html.ElementNode && elemAtom(n) == atom.A && hasAttr(n, "href")
	if link {
		r.inLink++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if link {
		r.inLink--
	}
	if block {
		r.endBlock()
		r.inHeading = false
	} else if a := elemAtom(n); n.Type == html.ElementNode && (a == atom.Td || a == atom.Th) {
		r.space = true
	}
}

// hasMedia reports whether n holds an image, a video, a table or other
// content a caption can describe.
func hasMedia(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch elemAtom(c) {
		case atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Iframe, atom.Embed, atom.Object, atom.Svg,
			atom.Canvas, atom.Table, atom.Pre, atom.Math, atom.Blockquote:
			return true
		}
		if hasMedia(c) {
			return true
		}
	}
	return false
}

// visuallyHidden reports whether n is text for screen readers only, by the
// class names sites use for it.
func visuallyHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for _, c := range strings.Fields(a.Val) {
			switch strings.ToLower(c) {
			case "off-screen", "offscreen", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
				"screen-reader-only", "screenreader-only", "a11y-hidden", "u-hidden-visually", "element-invisible":
				return true
			}
		}
	}
	return false
}

// elemAtom is n's atom; trees built by hand (not by html.Parse) may leave
// DataAtom zero and set only Data.
func elemAtom(n *html.Node) atom.Atom {
	if n.DataAtom == 0 {
		return atom.Lookup([]byte(strings.ToLower(n.Data)))
	}
	return n.DataAtom
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Aside,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Dt, atom.Dd, atom.Blockquote,
		atom.Pre, atom.Figcaption, atom.Figure, atom.Tr, atom.Table, atom.Ul, atom.Ol, atom.Dl,
		atom.Hr, atom.Address, atom.Details, atom.Summary, atom.Caption, atom.Nav, atom.Form, atom.Fieldset,
		atom.Legend, atom.Body, atom.Html:
		return true
	}
	return false
}
