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

type renderer struct {
	blocks []string
	cur    strings.Builder
	space  bool // a space is pending before the next word
}

func (r *renderer) endBlock() {
	if s := strings.TrimSpace(r.cur.String()); s != "" {
		r.blocks = append(r.blocks, s)
	}
	r.cur.Reset()
	r.space = false
}

func (r *renderer) text(s string) {
	if s == "" {
		return
	}
	if first, _ := utf8.DecodeRuneInString(s); isSpace(first) {
		r.space = true
	}
	for i, f := range strings.FieldsFunc(s, isSpace) {
		if (i > 0 || r.space) && r.cur.Len() > 0 {
			r.cur.WriteByte(' ')
		}
		r.cur.WriteString(f)
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
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
			atom.Button, atom.Select, atom.Input, atom.Textarea, atom.Iframe, atom.Object, atom.Head:
			return
		case atom.Br:
			r.space = true
			return
		}
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		r.endBlock()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.endBlock()
	} else if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
		r.space = true
	}
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
