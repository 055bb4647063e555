package indexer

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
)

// derive fills the fields of a claim document that follow from the others:
// kinds, year, cid, the evidence map's key and why search hides it. Whatever writes a claim
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
	d.Hidden = d.Hidden[:0]
	if d.Retracted {
		d.Hidden = append(d.Hidden, hiddenRetracted)
	}
	if d.Status == lumen.StatusRejected {
		d.Hidden = append(d.Hidden, hiddenRejected)
	}
	if len(d.Hidden) > 0 {
		d.Hidden = append(d.Hidden, hiddenAny)
	}
}

// Values of a claim's hidden field: why search leaves it out unless asked
// (retracted, rejected), and hiddenAny when it has either reason, so that
// leaving both out is one must-not term.
const (
	hiddenRetracted = "retracted"
	hiddenRejected  = "rejected"
	hiddenAny       = "any"
)

// mapKey packs what the evidence map counts of a claim into one short
// keyword, so that the map reads one doc value per claim instead of
// several fields (doc values are decompressed a chunk at a time: every
// byte here costs at each map): "3|attrs|article|concepts|pairs|effects",
// where attrs is the evidence type and the status's code, comma-separated;
// article the first 12 hex digits of the article id (enough to count
// distinct articles); concepts the claim's concepts, comma-separated;
// pairs its relation pairs (the effective ones, after curators'
// corrections), comma-separated, each "S>O" (indexes into concepts); and
// effects each pair's effect code and flags (n negated, h hedged),
// comma-separated in the same order: "1>0,1>2|nn,d". The map counts pairs,
// not co-mentioned concepts (map.go); it works out what the concepts and
// pairs mean once per combination, and reads the effects (a few bytes) at
// each claim, so that the combinations stay few.
func mapKey(d *claimDoc) string {
	var b, effects strings.Builder
	b.WriteString("3|")
	b.WriteString(d.Evidence)
	b.WriteByte(',')
	b.WriteString(code(d.Status, statusCodes))
	b.WriteByte('|')
	b.WriteString(d.ArticleID[:min(mapArticleLen, len(d.ArticleID))])
	b.WriteByte('|')
	b.WriteString(strings.Join(d.Concepts, ","))
	b.WriteByte('|')
	n := 0
	for _, r := range d.pairs {
		s, o := slices.Index(d.Concepts, r.Subject), slices.Index(d.Concepts, r.Object)
		e, ok := relationCodes[r.Effect]
		if s < 0 || o < 0 || !ok {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
			effects.WriteByte(',')
		}
		n++
		b.WriteString(strconv.Itoa(s))
		b.WriteByte('>')
		b.WriteString(strconv.Itoa(o))
		effects.WriteString(e)
		if r.Negated {
			effects.WriteByte('n')
		}
		if r.Hedged {
			effects.WriteByte('h')
		}
	}
	b.WriteByte('|')
	b.WriteString(effects.String())
	return b.String()
}

const mapArticleLen = 12

var (
	relationCodes = map[string]string{lumen.RelationIncreases: "i", lumen.RelationDecreases: "d",
		lumen.RelationAssociated: "a", lumen.RelationNoEffect: "n"}
	statusCodes = map[string]string{lumen.StatusPending: "p", lumen.StatusAccepted: "a",
		lumen.StatusRejected: "r", lumen.StatusCorrected: "c"}
)

// code shortens a known value to its one-letter code; others stay whole
// (and so are longer than one letter).
func code(v string, codes map[string]string) string {
	if c, ok := codes[v]; ok {
		return c
	}
	return v
}

func uncode(c string, codes map[string]string) string {
	if len(c) != 1 {
		return c
	}
	for v, k := range codes {
		if k == c {
			return v
		}
	}
	return c
}

// mapAttrs are the decoded attributes of a map key.
type mapAttrs struct {
	evidence, status string
}

func parseMapAttrs(s string) (mapAttrs, bool) {
	ev, st, ok := strings.Cut(s, ",")
	if !ok || strings.IndexByte(st, ',') >= 0 {
		return mapAttrs{}, false
	}
	return mapAttrs{evidence: ev, status: uncode(st, statusCodes)}, true
}

// parseMapPairs decodes the pairs part of a map key into the subject and
// object of each pair (indexes into the key's concepts); ok is false when
// it is malformed.
func parseMapPairs(s string) (pairs [][2]int, ok bool) {
	if s == "" {
		return nil, true
	}
	for _, p := range strings.Split(s, ",") {
		sub, obj, ok := strings.Cut(p, ">")
		if !ok {
			return nil, false
		}
		si, err1 := strconv.Atoi(sub)
		oi, err2 := strconv.Atoi(obj)
		if err1 != nil || err2 != nil || si < 0 || oi < 0 {
			return nil, false
		}
		pairs = append(pairs, [2]int{si, oi})
	}
	return pairs, true
}

// mapEffect is one pair's effect and flags, from a map key's effects.
type mapEffect struct {
	effect          int8 // index into lumen.Relations, -1 unknown
	negated, hedged bool
}

// parseMapEffects decodes the effects part of a map key into out (reused);
// ok is false when it is malformed.
func parseMapEffects(b []byte, out []mapEffect) ([]mapEffect, bool) {
	out = out[:0]
	if len(b) == 0 {
		return out, true
	}
	e := mapEffect{effect: -1}
	fresh := true
	for _, c := range b {
		switch {
		case c == ',':
			if fresh {
				return out, false
			}
			out = append(out, e)
			e, fresh = mapEffect{effect: -1}, true
		case fresh:
			e.effect, fresh = effectIndex(c), false
		case c == 'n':
			e.negated = true
		case c == 'h':
			e.hedged = true
		default:
			return out, false
		}
	}
	if fresh {
		return out, false
	}
	return append(out, e), true
}

// effectIndex is the index into lumen.Relations of an effect's code.
func effectIndex(c byte) int8 {
	switch c {
	case 'i':
		return 0
	case 'd':
		return 1
	case 'a':
		return 2
	case 'n':
		return 3
	}
	return -1
}

// splitMapKey splits a map key into its attributes, its article, its
// combination of concepts and pairs ("concepts|pairs", see mapKey) and its
// pairs' effects.
func splitMapKey(k []byte) (attrs, article, combo, effects []byte, ok bool) {
	if len(k) < 2 || k[0] != '3' || k[1] != '|' {
		return nil, nil, nil, nil, false
	}
	k = k[2:]
	i := bytes.IndexByte(k, '|')
	if i < 0 {
		return nil, nil, nil, nil, false
	}
	attrs, k = k[:i], k[i+1:]
	if i = bytes.IndexByte(k, '|'); i < 0 {
		return nil, nil, nil, nil, false
	}
	article, k = k[:i], k[i+1:]
	if i = bytes.LastIndexByte(k, '|'); i < 0 || bytes.IndexByte(k[:i], '|') < 0 {
		return nil, nil, nil, nil, false
	}
	return attrs, article, k[:i], k[i+1:], true
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
