package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/lumen-research/lumen"
)

// ArticleWriter writes articles one at a time.
type ArticleWriter interface {
	Write(lumen.ArticleMeta) error
	Close() error
}

// NewArticleWriter returns a writer of articles in format (ris, bibtex or
// csljson).
func NewArticleWriter(w io.Writer, format string) (ArticleWriter, error) {
	bw := bufio.NewWriterSize(w, 32<<10)
	switch format {
	case RIS:
		return &risWriter{w: bw}, nil
	case BibTeX:
		return &bibWriter{w: bw, keys: map[string]int{}, used: map[string]bool{}}, nil
	case CSLJSON:
		return &cslWriter{w: bw}, nil
	}
	return nil, lumen.Invalidf("format", "%q is not ris, bibtex or csljson", format)
}

// scholarly reports whether an article is a journal record rather than a web page.
func scholarly(a lumen.ArticleMeta) bool {
	return a.Journal != "" || a.DOI != "" || a.PMID != "" || a.PMCID != ""
}

// keywords are an article's concepts and MeSH headings.
func keywords(a lumen.ArticleMeta) []string {
	out := make([]string, 0, len(a.Concepts)+len(a.MeSH))
	out = append(out, a.Concepts...)
	return append(out, a.MeSH...)
}

// oneLine makes a value fit on one line of a line-based format.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' || unicode.IsControl(r) }), " ")
}

// risWriter writes RIS (the Research Information Systems tagged format):
// each record starts with "TY  - " and ends with "ER  - "; each line is a
// two-character tag, two spaces, a hyphen, a space and the value; lines end
// with CR LF.
type risWriter struct{ w *bufio.Writer }

func (r *risWriter) line(tag, v string) {
	v = strings.TrimSpace(oneLine(v))
	if v == "" && tag != "ER" {
		return
	}
	r.w.WriteString(tag)
	r.w.WriteString("  - ")
	r.w.WriteString(v)
	r.w.WriteString("\r\n")
}

func (r *risWriter) Write(a lumen.ArticleMeta) error {
	ty := "ELEC"
	if scholarly(a) {
		ty = "JOUR"
	}
	r.line("TY", ty)
	r.line("ID", a.ID)
	r.line("TI", a.Title)
	// "Family, Given, Suffix", as RIS asks; a corporate name as it is.
	for _, n := range refNames(a) {
		if n.literal != "" {
			r.line("AU", n.literal)
			continue
		}
		r.line("AU", strings.Join(nonEmpty(n.family, n.given, n.suffix), ", "))
	}
	if !a.Published.IsZero() {
		r.line("PY", strconv.Itoa(a.Published.Year()))
		r.line("DA", a.Published.Format("2006/01/02")) // the date as written, not its UTC day
	}
	if a.Journal != "" {
		r.line("JO", a.Journal)
		r.line("T2", a.Journal)
	} else if a.SiteName != "" {
		r.line("T2", a.SiteName)
	}
	r.line("DO", a.DOI)
	if a.PMID != "" {
		r.line("AN", "PMID:"+a.PMID)
	}
	r.line("C2", a.PMCID)
	r.line("UR", a.URL)
	r.line("LA", a.Language)
	for _, k := range keywords(a) {
		r.line("KW", k)
	}
	if a.Evidence != "" {
		r.line("N1", "Evidence type (Lumen): "+a.Evidence)
	}
	r.line("DB", "Lumen")
	r.line("ER", "")
	r.w.WriteString("\r\n")
	return nil
}

func (r *risWriter) Close() error { return r.w.Flush() }

// bibWriter writes BibTeX: @article for journal records, @misc for web
// pages; values in braces with BibTeX's special characters escaped.
type bibWriter struct {
	w    *bufio.Writer
	keys map[string]int  // base -> repeats so far
	used map[string]bool // keys written
}

func (b *bibWriter) Write(a lumen.ArticleMeta) error {
	typ := "misc"
	if scholarly(a) {
		typ = "article"
	}
	key := b.key(a)
	fmt.Fprintf(b.w, "@%s{%s,\n", typ, key)
	field := func(name, v string) {
		if v = strings.TrimSpace(oneLine(v)); v != "" {
			fmt.Fprintf(b.w, "  %s = {%s},\n", name, bibEscape(v))
		}
	}
	// url and doi are read verbatim (the url package): no escapes, but
	// braces and backslashes, which would unbalance the entry, are
	// percent-encoded.
	verbatim := func(name, v string) {
		if v = strings.TrimSpace(oneLine(v)); v != "" {
			v = strings.NewReplacer("{", "%7B", "}", "%7D", "\\", "%5C").Replace(v)
			fmt.Fprintf(b.w, "  %s = {%s},\n", name, v)
		}
	}
	field("title", a.Title)
	if names := refNames(a); len(names) > 0 {
		// Each name is escaped on its own: a corporate name is braced whole
		// so that BibTeX neither splits it at an "and" nor reads a family
		// name out of it; a person is "Family, Suffix, Given".
		out := make([]string, 0, len(names))
		for _, n := range names {
			switch {
			case n.literal != "":
				out = append(out, "{"+bibEscape(n.literal)+"}")
			case n.suffix != "":
				out = append(out, bibNamePart(n.family)+", "+bibNamePart(n.suffix)+", "+bibNamePart(n.given))
			case n.given != "":
				out = append(out, bibNamePart(n.family)+", "+bibNamePart(n.given))
			default:
				out = append(out, bibNamePart(n.family))
			}
		}
		fmt.Fprintf(b.w, "  author = {%s},\n", strings.Join(out, " and "))
	}
	field("journal", a.Journal)
	if a.Journal == "" {
		field("howpublished", a.SiteName)
	}
	if !a.Published.IsZero() {
		field("year", strconv.Itoa(a.Published.Year()))
		field("month", strings.ToLower(a.Published.Month().String()[:3]))
	}
	verbatim("doi", a.DOI)
	field("pmid", a.PMID)
	field("pmcid", a.PMCID)
	verbatim("url", a.URL)
	field("language", a.Language)
	field("keywords", strings.Join(keywords(a), ", "))
	if a.Evidence != "" {
		field("note", "Evidence type (Lumen): "+a.Evidence)
	}
	b.w.WriteString("}\n\n")
	return nil
}

func (b *bibWriter) Close() error { return b.w.Flush() }

// key is a citation key, unique in the file: the first author's family
// name (transliterated to ASCII), the year and letters for repeats
// ("smith2024", "smith2024a", ... "smith2024z", "smith2024aa"); lumen +
// the year, or a short id, when there is no author.
func (b *bibWriter) key(a lumen.ArticleMeta) string {
	base := "lumen"
	if names := refNames(a); len(names) > 0 {
		family := names[0].family
		if family == "" {
			family = names[0].literal
		}
		if k := asciiKey(family); k != "" {
			base = k
			if len(base) > 20 {
				base = base[:20]
			}
		}
	}
	if !a.Published.IsZero() {
		base += strconv.Itoa(a.Published.Year())
	} else if len(a.ID) >= 8 {
		base += a.ID[:8]
	}
	// Keys are looked up, not only counted: a base plus suffix can equal
	// another base (an undated "smith" + id "2024abcd" against the many
	// repeats of a dated "smith2024").
	for n := b.keys[base]; ; n++ {
		k := base + keySuffix(n)
		if !b.used[k] {
			b.keys[base] = n + 1
			b.used[k] = true
			return k
		}
	}
}

// keySuffix is "" for 0, then a to z, aa to az, ba, ... (bijective base 26).
func keySuffix(n int) string {
	var out []byte
	for ; n > 0; n = (n - 1) / 26 {
		out = append([]byte{byte('a' + (n-1)%26)}, out...)
	}
	return string(out)
}

// foldLetters are Latin letters that Unicode does not decompose into an
// ASCII letter and a mark.
var foldLetters = strings.NewReplacer("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i")

// asciiKey is name in lower-case ASCII letters and digits: accents are
// dropped ("Ñúñez" -> "nunez", "Müller" -> "muller"), letters without an
// ASCII form left out.
func asciiKey(name string) string {
	name = foldLetters.Replace(strings.ToLower(name))
	var k strings.Builder
	for _, r := range norm.NFD.String(name) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			k.WriteRune(r)
		}
	}
	return k.String()
}

// bibEscape escapes BibTeX's special characters; braces are escaped too so
// that every value stays balanced.
func bibEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{', '}', '%', '&', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cslWriter writes CSL-JSON: one array of items, streamed.
type cslWriter struct {
	w *bufio.Writer
	n int
}

// cslItem holds the CSL-JSON variables Lumen fills (csl-data.json).
type cslItem struct {
	ID             string      `json:"id"`
	Type           string      `json:"type"`
	Title          string      `json:"title,omitempty"`
	Author         []cslName   `json:"author,omitempty"`
	ContainerTitle string      `json:"container-title,omitempty"`
	Issued         *cslDate    `json:"issued,omitempty"`
	DOI            string      `json:"DOI,omitempty"`
	PMID           string      `json:"PMID,omitempty"`
	PMCID          string      `json:"PMCID,omitempty"`
	URL            string      `json:"URL,omitempty"`
	Language       string      `json:"language,omitempty"`
	Keyword        string      `json:"keyword,omitempty"`
	Note           string      `json:"note,omitempty"`
	Source         string      `json:"source,omitempty"`
	Custom         *cslCustoms `json:"custom,omitempty"`
}

type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Suffix  string `json:"suffix,omitempty"`
	Literal string `json:"literal,omitempty"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

type cslCustoms struct {
	Evidence string   `json:"lumen-evidence,omitempty"`
	Concepts []string `json:"lumen-concepts,omitempty"`
}

func (c *cslWriter) Write(a lumen.ArticleMeta) error {
	it := cslItem{ID: a.ID, Type: "webpage", Title: a.Title, DOI: a.DOI, PMID: a.PMID, PMCID: a.PMCID, URL: a.URL,
		Language: a.Language, Keyword: strings.Join(keywords(a), ", "), Source: "Lumen"}
	if scholarly(a) {
		it.Type = "article-journal"
		it.ContainerTitle = a.Journal
	} else {
		it.ContainerTitle = a.SiteName
	}
	for _, n := range refNames(a) {
		it.Author = append(it.Author, cslName{Family: n.family, Given: n.given, Suffix: n.suffix, Literal: n.literal})
	}
	if !a.Published.IsZero() {
		t := a.Published // the date as written, not its UTC day
		it.Issued = &cslDate{DateParts: [][]int{{t.Year(), int(t.Month()), t.Day()}}}
	}
	if a.Evidence != "" || len(a.Concepts) > 0 {
		it.Custom = &cslCustoms{Evidence: a.Evidence, Concepts: a.Concepts}
	}
	b, err := json.Marshal(it)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if c.n == 0 {
		c.w.WriteString("[\n")
	} else {
		c.w.WriteString(",\n")
	}
	c.n++
	c.w.Write(b)
	return nil
}

func (c *cslWriter) Close() error {
	if c.n == 0 {
		c.w.WriteString("[")
	}
	c.w.WriteString("\n]\n")
	return c.w.Flush()
}

// refName is an author as the reference formats write it: a person's
// family and given names and suffix, or a literal name that is never split
// (a consortium, an organisation, a one-word name).
type refName struct {
	family, given, suffix string
	literal               string
}

// refNames are an article's authors for a reference format: from the
// parts its source gave (Article.AuthorDetails) where it gave them, else
// guessed from the display name (splitName), as for articles stored
// before the parts were kept.
func refNames(a lumen.ArticleMeta) []refName {
	var out []refName
	for _, au := range lumen.AuthorList(a.Authors, a.AuthorDetails) {
		var n refName
		switch {
		case au.Literal != "":
			n.literal = strings.TrimSpace(oneLine(au.Literal))
		case au.Family != "":
			n.family, n.given, n.suffix = strings.TrimSpace(oneLine(au.Family)), strings.TrimSpace(oneLine(au.Given)), strings.TrimSpace(oneLine(au.Suffix))
			if n.given == "" {
				n.given = dotInitials(strings.TrimSpace(oneLine(au.Initials)))
			}
		default:
			n.family, n.given = splitName(au.Name)
			if n.given == "" {
				n.literal, n.family = n.family, ""
			}
		}
		if n.literal != "" || n.family != "" {
			out = append(out, n)
		}
	}
	return out
}

// dotInitials writes initials as a given name: "JQ" is "J. Q.", as
// reference managers abbreviate; anything but capital letters is left as it is.
func dotInitials(s string) string {
	if s == "" || !initials(s) || strings.ContainsRune(s, '.') {
		return s
	}
	parts := make([]string, 0, len(s))
	for _, r := range s {
		parts = append(parts, string(r)+".")
	}
	return strings.Join(parts, " ")
}

// bibNamePart escapes one part of a person's name; a part with a comma or
// a word "and" in it is braced, or BibTeX would split the name there.
func bibNamePart(s string) string {
	e := bibEscape(s)
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if w == "and" {
			return "{" + e + "}"
		}
	}
	if strings.Contains(s, ",") {
		return "{" + e + "}"
	}
	return e
}

func nonEmpty(ss ...string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// splitName splits an author as the crawler records it ("Jane Q. Smith",
// "Smith JQ", "Smith, Jane") into family and given names; a name it cannot
// split (an organisation, one word) is all family.
func splitName(s string) (family, given string) {
	s = strings.TrimSpace(oneLine(s))
	if f, g, ok := strings.Cut(s, ","); ok {
		return strings.TrimSpace(f), strings.TrimSpace(g)
	}
	words := strings.Fields(s)
	switch {
	case len(words) < 2:
		return s, ""
	case len(words) > 5:
		return s, "" // a collective name
	}
	last := words[len(words)-1]
	if initials(last) { // "Smith JQ"
		return strings.Join(words[:len(words)-1], " "), last
	}
	// Particles belong to the family name: "Ludwig van Beethoven".
	i := len(words) - 1
	for i > 1 && isParticle(words[i-1]) {
		i--
	}
	return strings.Join(words[i:], " "), strings.Join(words[:i], " ")
}

func initials(w string) bool {
	if len(w) > 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isParticle(w string) bool {
	switch strings.ToLower(w) {
	case "van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le", "ter", "ten", "dos", "das":
		return true
	}
	return false
}
