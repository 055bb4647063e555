package tagger

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of the text: a run of letters, digits and combining
// marks, with apostrophes inside it ("don't", "skin’s"). Hyphens, spaces and
// punctuation separate tokens.
type token struct {
	start, end int32 // byte offsets into the text
	id         int32 // vocabulary id of the normalised form; -1 when unknown
	flags      uint16
}

// Token flags.
const (
	// flagHard: something other than spaces, one line break, hyphens, a
	// slash or an initial's full stop separates this token from the one
	// before, so no phrase runs across the gap.
	flagHard        uint16 = 1 << iota
	flagCapital            // first letter upper case
	flagInnerUpper         // an upper-case letter after the first rune ("LPS", "IgE")
	flagDigit              // contains a digit
	flagLetter             // contains a letter
	flagSingleUpper        // one upper-case letter, e.g. the "L" of "L. plantarum"
	flagClause             // a comma, semicolon, colon, dash or bracket precedes it
)

// wordRune reports whether r belongs inside a token.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))
}

// softHyphen reports whether r joins the parts of a compound ("gut-brain",
// "gut–skin") rather than separating clauses.
func softHyphen(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '/':
		return true
	}
	return false
}

// tokenize appends the tokens of text to dst and returns it. Offsets fall on
// rune boundaries of valid UTF-8; an invalid byte separates tokens. It does
// one pass over the text and allocates only to grow dst.
func tokenize(dst []token, text string) []token {
	var (
		prevSingle   = false // previous token was one upper-case letter
		hard         = true  // gap since the previous token is hard
		clause       = false // gap holds clause punctuation
		newlines     = 0
		dotsInGap    = 0
		inTok        = false
		tok          token
		runesInToken = 0
	)
	i := 0
	for i < len(text) {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if wordRune(r) {
			if !inTok {
				inTok = true
				tok = token{start: int32(i), id: -1}
				runesInToken = 0
				if hard || newlines > 1 || dotsInGap > 1 || dotsInGap == 1 && !prevSingle {
					tok.flags |= flagHard
				}
				if clause {
					tok.flags |= flagClause
				}
			}
			if unicode.IsUpper(r) {
				if runesInToken == 0 {
					tok.flags |= flagCapital
				} else {
					tok.flags |= flagInnerUpper
				}
			}
			if r < utf8.RuneSelf && '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r) {
				tok.flags |= flagDigit
			} else {
				tok.flags |= flagLetter
			}
			runesInToken++
			i += size
			continue
		}
		if inTok && isApostrophe(r) && i+size < len(text) {
			// An apostrophe between word runes stays in the token.
			nr, _ := utf8.DecodeRuneInString(text[i+size:])
			if wordRune(nr) {
				i += size
				continue
			}
		}
		if inTok {
			tok.end = int32(i)
			if runesInToken == 1 && tok.flags&flagCapital != 0 {
				tok.flags |= flagSingleUpper
			}
			prevSingle = tok.flags&flagSingleUpper != 0
			dst = append(dst, tok)
			inTok = false
			hard, clause, newlines, dotsInGap = false, false, 0, 0
		}
		switch {
		case r == '\n':
			newlines++
		case r == ' ' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r):
		case softHyphen(r):
		case r == '.':
			dotsInGap++
		case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '[' || r == ']' || r == '—':
			hard, clause = true, true
		default:
			hard = true
		}
		i += size
	}
	if inTok {
		tok.end = int32(len(text))
		if runesInToken == 1 && tok.flags&flagCapital != 0 {
			tok.flags |= flagSingleUpper
		}
		dst = append(dst, tok)
	}
	return dst
}
