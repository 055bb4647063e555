package indexer

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
)

// derive fills the fields of a claim document that follow from the others:
// kinds, year, cid and the evidence map's key. Whatever writes a claim
// document (indexing, a curator's decision) calls it last.
func (d *claimDoc) derive(id string) {
	d.Kinds = d.Kinds[:0]
	for _, c := range d.Concepts {
		if k := lumen.ConceptKind(c); !slices.Contains(d.Kinds, k) {
			d.Kinds = append(d.Kinds, k)
		}
	}
	d.Year = ""
	if d.Published != nil {
		d.Year = strconv.Itoa(d.Published.Year())
	}
	d.CID = id
	d.MK = mapKey(d)
}

// mapKey packs what the evidence map counts of a claim into one keyword, so
// that the map reads one doc value per claim instead of seven (doc values
// are read a compressed chunk at a time: one field costs what seven would
// not): "1|relation|flags|evidence|status|article|concept,concept".
func mapKey(d *claimDoc) string {
	var b strings.Builder
	b.WriteString("1|")
	b.WriteString(d.Relation)
	b.WriteByte('|')
	if d.Negated {
		b.WriteByte('n')
	}
	if d.Hedged {
		b.WriteByte('h')
	}
	b.WriteByte('|')
	b.WriteString(d.Evidence)
	b.WriteByte('|')
	b.WriteString(d.Status)
	b.WriteByte('|')
	b.WriteString(d.ArticleID)
	b.WriteByte('|')
	b.WriteString(strings.Join(d.Concepts, ","))
	return b.String()
}

// mapEntry is a decoded map key.
type mapEntry struct {
	relation, evidence, status, article string
	negated, hedged                     bool
	concepts                            []string
}

func parseMapKey(k []byte, e *mapEntry) bool {
	s := string(k)
	parts := [7]string{}
	for i := range 6 {
		j := strings.IndexByte(s, '|')
		if j < 0 {
			return false
		}
		parts[i], s = s[:j], s[j+1:]
	}
	parts[6] = s
	if parts[0] != "1" {
		return false
	}
	e.relation, e.evidence, e.status, e.article = parts[1], parts[3], parts[4], parts[5]
	e.negated = strings.IndexByte(parts[2], 'n') >= 0
	e.hedged = strings.IndexByte(parts[2], 'h') >= 0
	e.concepts = e.concepts[:0]
	for c := range strings.SplitSeq(parts[6], ",") {
		if c != "" {
			e.concepts = append(e.concepts, c)
		}
	}
	return true
}

// definedAbbreviations finds the abbreviations a text defines, the way
// papers do: a long form followed by its short form in parentheses ("atopic
// dermatitis (AD)"), or the reverse ("AD (atopic dermatitis)"). A short form
// is one word of 2 to 10 characters with at least one upper-case letter
// (and at least two letters); the long form must hold words starting with
// the short form's first letter, close before it. It returns the short forms
// upper-cased, sorted, without repeats.
func definedAbbreviations(text string) []string {
	var out []string
	for i := 0; i < len(text); i++ {
		if text[i] != '(' {
			continue
		}
		if j := strings.IndexAny(text[i+1:], ");,"); j >= 0 && j <= 12 {
			short := strings.TrimSpace(text[i+1 : i+1+j])
			if shortForm(short) && longFormBefore(text[:i], short) {
				out = append(out, strings.ToUpper(short))
				continue
			}
		}
		// Reverse: "AD (atopic dermatitis)": the word before the parenthesis.
		before := strings.TrimRight(text[:i], " ")
		k := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
		word := before[k+1:]
		if shortForm(word) {
			end := strings.IndexByte(text[i+1:], ')')
			if end > 0 && end < 120 && startsWithLetter(text[i+1:i+1+end], word) {
				out = append(out, strings.ToUpper(word))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func shortForm(s string) bool {
	if len(s) < 2 || len(s) > 10 || strings.ContainsAny(s, " \t\n") {
		return false
	}
	upper, digits := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r) || r == '-':
		default:
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && (upper >= 2 || upper == 1 && digits > 0)
}

// longFormBefore reports whether one of the few words before a short form
// starts with the short form's first letter (Schwartz and Hearst's test,
// loosened).
func longFormBefore(before, short string) bool {
	words := strings.FieldsFunc(before, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	n := min(len(short)+5, 2*len(short))
	if len(words) > n {
		words = words[len(words)-n:]
	}
	for _, w := range words {
		if startsWithLetter(w, short) {
			return true
		}
	}
	return false
}

func startsWithLetter(long, short string) bool {
	l, _ := utf8.DecodeRuneInString(strings.TrimSpace(long))
	s, _ := utf8.DecodeRuneInString(short)
	return unicode.ToLower(l) == unicode.ToLower(s)
}
