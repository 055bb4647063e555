package tagger

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/lumen-research/lumen/internal/lexicon"
)

// greek spells out the Greek letters that biomedical text uses inside names
// (TNF-α, IL-1β, α-diversity), so that "TNF-α" and "TNF-alpha" read the same.
var greek = map[rune]string{
	'α': "alpha", 'β': "beta", 'γ': "gamma", 'δ': "delta", 'ε': "epsilon",
	'κ': "kappa", 'λ': "lambda", 'μ': "mu", 'ω': "omega",
	'Α': "alpha", 'Β': "beta", 'Γ': "gamma", 'Δ': "delta", 'Κ': "kappa",
}

// isApostrophe reports whether r is one of the apostrophes that join a word
// ("don't", "body’s").
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘'
}

// possessiveApostrophe reports whether r is an apostrophe that a short
// form's possessive is written with ("AD's", "AD’s").
func possessiveApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// appendNorm appends the normalised form of word, one token as tokenize cuts
// it, to dst: lower case, diacritics and compatibility forms folded (NFKD
// without combining marks), Greek letters spelled out, apostrophes dropped, a
// possessive removed and a plural folded by stem, as the lexicon's
// possessive-endings and plural-stems say (m, built by newMorphology). Text
// and synonyms go through the same function, so they meet in the middle.
func appendNorm(dst []byte, word string, m *morphology) []byte {
	from := len(dst)
	ascii := true
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(word); i++ {
			c := word[i]
			if c == '\'' {
				if m.possessive(word[i+1:]) {
					break
				}
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		if n := len(dst); n-from >= m.stemMin && m.stemLast[dst[n-1]] {
			return m.stem(dst, from) // the few words a rule may change
		}
		return dst
	}
	for i := 0; i < len(word); {
		r, size := utf8.DecodeRuneInString(word[i:])
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == '\'' {
				if m.possessive(word[i+size:]) {
					i = len(word)
					continue
				}
			} else {
				dst = append(dst, c)
			}
		case isApostrophe(r):
			if m.possessive(word[i+size:]) {
				i = len(word)
				continue
			}
		case r == utf8.RuneError && size == 1:
			// Invalid byte: keep a marker so that it never matches a word.
			dst = append(dst, 0xff)
		default:
			if g, ok := greek[r]; ok {
				dst = append(dst, g...)
				break
			}
			d := norm.NFKD.PropertiesString(word[i:]).Decomposition()
			if d == nil {
				dst = appendLower(dst, r)
				break
			}
			for len(d) > 0 {
				dr, ds := utf8.DecodeRune(d)
				d = d[ds:]
				if unicode.Is(unicode.Mn, dr) {
					continue
				}
				if g, ok := greek[dr]; ok {
					dst = append(dst, g...)
					continue
				}
				dst = appendLower(dst, dr)
			}
		}
		i += size
	}
	if n := len(dst); n-from >= m.stemMin && m.stemLast[dst[n-1]] {
		return m.stem(dst, from)
	}
	return dst
}

func appendLower(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		c := byte(r)
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return append(dst, c)
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// morphology is what normalisation reads of the language's morphology:
// the lexicon's possessive-endings and plural-stems, and the plurals the
// vocabulary keeps (keep-plural).
type morphology struct {
	keep        plurals
	possessives []string        // lower case
	stems       []lexicon.Affix // the first that matches applies
	stemMin     int             // the fewest bytes of a word a stem rule changes, 1 at least
	stemLast    [256]bool       // the bytes a word a stem rule changes may end in
}

func newMorphology(keep plurals, possessives []string, stems []lexicon.Affix) morphology {
	m := morphology{keep: keep, possessives: possessives, stems: stems}
	for i := range stems {
		a := &stems[i]
		if a.Strip == "" && a.Add == "" && !a.Double {
			continue // keeps what it matches: no need to look
		}
		if m.stemMin == 0 || a.MinLen() < m.stemMin {
			m.stemMin = a.MinLen()
		}
		a.LastBytes(&m.stemLast)
	}
	m.stemMin = max(m.stemMin, 1) // an empty word ends in no byte
	return m
}

// possessive reports whether rest, what follows an apostrophe to the end
// of a word, makes it a possessive ("s" in "body's"), without ASCII case.
func (m *morphology) possessive(rest string) bool {
	if rest == "" {
		return false
	}
next:
	for _, p := range m.possessives {
		if len(p) != len(rest) {
			continue
		}
		for i := 0; i < len(p); i++ {
			if lowerByte(rest[i]) != p[i] {
				continue next
			}
		}
		return true
	}
	return false
}

// stem folds a plural in b[from:] in place by the first plural-stems rule
// that matches it, unless the vocabulary keeps that plural. It is applied
// to text and synonyms alike, so it only has to be consistent, not
// linguistically right. Most words are too short for a rule or end in no
// byte a rule looks for (stemMin, stemLast): appendNorm checks that itself
// and calls stem for the others only.
func (m *morphology) stem(b []byte, from int) []byte {
	w := b[from:]
	if m.keep[string(w)] {
		return b
	}
	for i := range m.stems {
		if m.stems[i].Matches(w) {
			return m.stems[i].Rewrite(b, from)
		}
	}
	return b
}

// plural reports whether the lower-case word w is a plural by the form the
// plural-stems rules read: the first rule that matches it strips an
// ending ("scores", "diseases"), not one that keeps it ("stress",
// "various").
func (m *morphology) plural(w []byte) bool {
	for i := range m.stems {
		if m.stems[i].Matches(w) {
			return m.stems[i].Strip != ""
		}
	}
	return false
}

// plurals are plurals whose singular names something else: the
// vocabulary's keep-plural list.
type plurals map[string]bool
