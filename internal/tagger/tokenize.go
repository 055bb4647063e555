package tagger

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of the text: a run of letters, digits and combining
// marks, with apostrophes inside it ("don't", "body’s"). Hyphens, spaces and
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
	flagInnerUpper         // an upper-case letter after the first rune ("ABC", "AbC")
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

// softHyphen reports whether r joins the parts of a compound ("mind-body",
// "mind–body", and the minus signs that some publishers' titles carry in
// its place: "gut−brain", "Gut⁻Brain") rather than separating clauses.
func softHyphen(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\u207B', '/':
		return true
	}
	return false
}

// ASCII byte classes for the tokenizer's fast path.
const (
	bOther   uint8 = iota // hard separator
	bLower                // a-z
	bUpper                // A-Z
	bDigit                // 0-9
	bSpace                // space, tab, CR
	bNewline              // \n
	bHyphen               // '-' and '/'
	bDot                  // '.'
	bClause               // , ; : ( ) [ ]
	bApos                 // '
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = bLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = bUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = bDigit
	}
	t[' '], t['\t'], t['\r'], t['\v'], t['\f'] = bSpace, bSpace, bSpace, bSpace, bSpace
	t['\n'] = bNewline
	t['-'], t['/'] = bHyphen, bHyphen
	t['.'] = bDot
	for _, c := range ",;:()[]" {
		t[c] = bClause
	}
	t['\''] = bApos
	return t
}()

// tokenize appends the tokens of text to dst and returns it. Offsets fall on
// rune boundaries of valid UTF-8; an invalid byte separates tokens. It does
// one pass over the text and allocates only to grow dst.
func tokenize(dst []token, text string) []token {
	var (
		prevSingle = false // previous token was one upper-case letter
		hard       = true  // gap since the previous token is hard
		clause     = false // gap holds clause punctuation
		newlines   = 0
		dotsInGap  = 0
		softClose  = -1 // the closing parenthesis of a group inside a word
	)
	n := len(text)
	i := 0
	for i < n {
		// Gap: skip separators and note what they are.
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case bLower, bUpper, bDigit:
				goto word
			case bSpace, bHyphen:
			case bNewline:
				newlines++
			case bDot:
				dotsInGap++
			case bClause:
				switch {
				case c == '(' && innerParen(text, i) > 0:
					// "25(OH)D": a short group glued to the word on both
					// sides belongs to the word, as a hyphen would.
					softClose = i + innerParen(text, i)
				case c == ')' && i == softClose:
				default:
					hard, clause = true, true
				}
			default:
				if c == '\'' && locantPrime(text, i, 1) {
					i++ // "2'-FL": a locant's prime, as a hyphen would
					continue
				}
				if c == '<' {
					if m := inlineTag(text[i:]); m > 0 {
						i += m // "<i>Lactobacillus</i> species" reads as plain words
						continue
					}
				}
				hard = true
			}
			i++
			continue
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if wordRune(r) {
				goto word
			}
			switch {
			case unicode.IsSpace(r), softHyphen(r):
			case (r == '\u2032' || r == '\u2019') && locantPrime(text, i, size):
				// "2′-FL", "2’-FL": a locant's prime
			case r == '—':
				hard, clause = true, true
			default:
				hard = true
			}
			i += size
			continue
		}
	word:
		{
			tok := token{start: int32(i), id: -1}
			if hard || newlines > 1 || dotsInGap > 1 || dotsInGap == 1 && !prevSingle {
				tok.flags |= flagHard
			}
			if clause {
				tok.flags |= flagClause
			}
			runes := 0
			for i < n {
				c := text[i]
				if c < utf8.RuneSelf {
					switch asciiClass[c] {
					case bLower:
						tok.flags |= flagLetter
					case bUpper:
						if runes == 0 {
							tok.flags |= flagCapital
						} else {
							tok.flags |= flagInnerUpper
						}
						tok.flags |= flagLetter
					case bDigit:
						tok.flags |= flagDigit
					case bApos:
						if i+1 < n && wordStart(text[i+1:]) {
							i++
							continue
						}
						goto done
					default:
						goto done
					}
					runes++
					i++
					continue
				}
				r, size := utf8.DecodeRuneInString(text[i:])
				if !wordRune(r) {
					if isApostrophe(r) && i+size < n && wordStart(text[i+size:]) {
						i += size
						continue
					}
					goto done
				}
				if unicode.IsUpper(r) {
					if runes == 0 {
						tok.flags |= flagCapital
					} else {
						tok.flags |= flagInnerUpper
					}
				}
				if unicode.IsDigit(r) {
					tok.flags |= flagDigit
				} else {
					tok.flags |= flagLetter
				}
				runes++
				i += size
			}
		done:
			tok.end = int32(i)
			if runes == 1 && tok.flags&flagCapital != 0 {
				tok.flags |= flagSingleUpper
			}
			prevSingle = tok.flags&flagSingleUpper != 0
			dst = append(dst, tok)
			hard, clause, newlines, dotsInGap = false, false, 0, 0
		}
	}
	return dst
}

// locantPrime reports whether the prime of size bytes at i marks a
// locant in a chemical name: right after a digit and right before a hyphen
// ("2'-fucosyllactose", "3′-sialyllactose"). It then joins the digit to
// what follows as a hyphen does.
func locantPrime(text string, i, size int) bool {
	return i > 0 && '0' <= text[i-1] && text[i-1] <= '9' && i+size < len(text) && text[i+size] == '-'
}

// innerParen returns the offset from i of the closing parenthesis of a
// group that sits inside a word ("25(OH)D", "1,25(OH)2D3"): the opening one
// at i right after a letter or digit, up to seven letters or digits, and a
// letter or digit right after the closing one. It returns 0 for any other
// parenthesis.
func innerParen(text string, i int) int {
	if i == 0 || !asciiAlnum(text[i-1]) {
		return 0
	}
	j := i + 1
	for j < len(text) && j-i <= 8 && asciiAlnum(text[j]) {
		j++
	}
	if j == i+1 || j-i > 8 || j+1 >= len(text) || text[j] != ')' || !asciiAlnum(text[j+1]) {
		return 0
	}
	return j - i
}

func asciiAlnum(c byte) bool {
	return c < utf8.RuneSelf && (asciiClass[c] == bLower || asciiClass[c] == bUpper || asciiClass[c] == bDigit)
}

// wordStart reports whether s begins with a rune that belongs in a token.
func wordStart(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		cl := asciiClass[s[0]]
		return cl == bLower || cl == bUpper || cl == bDigit
	}
	r, _ := utf8.DecodeRuneInString(s)
	return wordRune(r)
}

// inlineTag returns the length of the inline markup tag that text starts
// with ("<i>", "</sup>": up to six letters between angle brackets, with an
// optional slash), or 0. Abstracts keep such tags around species names and
// units; they separate nothing.
func inlineTag(text string) int {
	j := 1
	if j < len(text) && text[j] == '/' {
		j++
	}
	k := j
	for k < len(text) && k-j < 7 && ('a' <= text[k] && text[k] <= 'z' || 'A' <= text[k] && text[k] <= 'Z') {
		k++
	}
	if k == j || k-j > 6 || k >= len(text) || text[k] != '>' {
		return 0
	}
	return k + 1
}
