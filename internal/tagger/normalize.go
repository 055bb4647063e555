package tagger

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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

// appendNorm appends the normalised form of word, one token as tokenize cuts
// it, to dst: lower case, diacritics and compatibility forms folded (NFKD
// without combining marks), Greek letters spelled out, apostrophes dropped, a
// possessive "'s" removed and a plural folded by stem. Text and synonyms go
// through the same function, so they meet in the middle.
func appendNorm(dst []byte, word string, keep plurals) []byte {
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
				if i+2 == len(word) && (word[i+1] == 's' || word[i+1] == 'S') {
					break // possessive
				}
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return stem(dst, from, keep)
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
				if possessiveAt(word, i+size) {
					i = len(word)
					continue
				}
			} else {
				dst = append(dst, c)
			}
		case isApostrophe(r):
			if possessiveAt(word, i+size) {
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
	return stem(dst, from, keep)
}

func possessiveAt(word string, i int) bool {
	return i+1 == len(word) && (word[i] == 's' || word[i] == 'S')
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

// stem folds a plural in b[from:] in place, after Harman's S-stemmer: "-ies" ->
// "-y", "-es" -> "-e", "-s" -> "" except after "u" and "s" and in short words.
// It is applied to text and synonyms alike, so it only has to be consistent,
// not linguistically right. Plurals that change the meaning are kept.
func stem(b []byte, from int, keep plurals) []byte {
	w := b[from:]
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return b
	}
	if keep[string(w)] {
		return b
	}
	switch {
	case w[n-3] == 'i' && w[n-2] == 'e' && w[n-4] != 'e' && w[n-4] != 'a':
		w[n-3] = 'y'
		return b[:len(b)-2]
	case w[n-2] == 'e' && w[n-3] != 'a' && w[n-3] != 'e' && w[n-3] != 'o':
		return b[:len(b)-1]
	case w[n-2] == 'u' || w[n-2] == 's':
		return b
	}
	return b[:len(b)-1]
}

// plurals are plurals whose singular names something else: the
// vocabulary's keep-plural list.
type plurals map[string]bool
