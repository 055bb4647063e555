package lexicon

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Affix is one rule of an inflection table (the Inflections kind of list),
// written as in Hunspell's affix files: "strip add condition". A rule
// makes one form of every word whose ending matches its condition: it
// strips the letters strip from the end and adds add. "0" stands for no
// letters. The condition is read at the end of the word, one element per
// letter: a letter, "." (any), "[abc]" (one of them) or "[^abc]" (any
// but them); the word must have at least as many letters as the
// condition has elements. An add that starts with "=" repeats the last
// letter left after stripping ("0 =ed [^aeiou][aeiou]r": spur -> spurred).
//
// How the rules of a table combine is the list's to say: verb-inflections
// makes a form with every rule that matches, in the order of the table (so
// rules that choose between endings have conditions that exclude each
// other); plural-stems uses the first rule that matches.
type Affix struct {
	Strip  string
	Add    string
	Double bool // repeat the last letter of the stripped word before Add
	cond   []class
	text   string
}

// class is one element of a condition: the letters it accepts, or those it
// refuses (neg); a neg class without letters accepts any letter.
type class struct {
	neg   bool
	runes string
	ascii [2]uint64 // which ASCII bytes it accepts, for words in ASCII
}

func newClass(neg bool, runes string) class {
	c := class{neg: neg, runes: runes}
	for b := range utf8.RuneSelf {
		if c.accepts(rune(b)) {
			c.ascii[b>>6] |= 1 << (b & 63)
		}
	}
	return c
}

func (c *class) accepts(r rune) bool { return strings.ContainsRune(c.runes, r) != c.neg }

// ParseAffix reads one rule of an inflection table.
func ParseAffix(s string) (Affix, error) {
	f := strings.Fields(s)
	if len(f) != 3 {
		return Affix{}, errors.New("is not a rule \"strip add condition\"")
	}
	a := Affix{text: strings.Join(f, " ")}
	if f[0] != "0" {
		a.Strip = f[0]
	}
	if f[1] != "0" {
		a.Add = f[1]
	}
	if rest, ok := strings.CutPrefix(a.Add, "="); ok {
		a.Double, a.Add = true, rest
	}
	for _, p := range []struct{ what, s string }{{"strip", a.Strip}, {"add", a.Add}} {
		if strings.ContainsFunc(p.s, func(r rune) bool { return !unicode.IsLetter(r) }) {
			return Affix{}, fmt.Errorf("has a %s part %q that is not letters", p.what, p.s)
		}
	}
	cond := f[2]
	for i := 0; i < len(cond); {
		r, size := utf8.DecodeRuneInString(cond[i:])
		switch {
		case r == '.':
			a.cond = append(a.cond, newClass(true, ""))
			i += size
		case r == '[':
			end := strings.IndexByte(cond[i:], ']')
			if end < 0 {
				return Affix{}, fmt.Errorf("has a condition %q with an unclosed [", cond)
			}
			runes, neg := strings.CutPrefix(cond[i+1:i+end], "^")
			if runes == "" || strings.ContainsFunc(runes, func(r rune) bool { return !unicode.IsLetter(r) }) {
				return Affix{}, fmt.Errorf("has a condition %q with a class that is not letters", cond)
			}
			a.cond = append(a.cond, newClass(neg, runes))
			i += end + 1
		case unicode.IsLetter(r):
			a.cond = append(a.cond, newClass(false, string(r)))
			i += size
		default:
			return Affix{}, fmt.Errorf("has a condition %q with %q, which is not a letter, \".\" or a class", cond, r)
		}
	}
	// The letters stripped must be letters the condition accepts, or the
	// rule could never apply.
	k := len(a.cond)
	for s := a.Strip; s != ""; {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		if k--; k < 0 || !a.cond[k].accepts(r) {
			return Affix{}, fmt.Errorf("strips %q, which its condition %q does not end in", a.Strip, cond)
		}
	}
	return a, nil
}

// String is the rule as written.
func (a Affix) String() string { return a.text }

// Apply returns the form the rule makes of word, if its condition matches.
func (a *Affix) Apply(word string) (string, bool) {
	b := []byte(word)
	if !a.Matches(b) {
		return "", false
	}
	return string(a.Rewrite(b, 0)), true
}

// Matches reports whether the rule applies to w: its condition matches the
// end of w, w ends in the letters it strips, and a letter is left to repeat
// when the rule doubles one.
func (a *Affix) Matches(w []byte) bool {
	// The condition first: a few table look-ups turn most words away.
	n := len(w)
	for k := len(a.cond) - 1; k >= 0; k-- {
		if n == 0 {
			return false
		}
		c := &a.cond[k]
		if b := w[n-1]; b < utf8.RuneSelf {
			if c.ascii[b>>6]&(1<<(b&63)) == 0 {
				return false
			}
			n--
			continue
		}
		r, size := utf8.DecodeLastRune(w[:n])
		if !c.accepts(r) {
			return false
		}
		n -= size
	}
	if len(w) < len(a.Strip) || a.Double && len(w) == len(a.Strip) {
		return false
	}
	for i, j := len(a.Strip)-1, len(w)-1; i >= 0; i, j = i-1, j-1 {
		if a.Strip[i] != w[j] {
			return false
		}
	}
	return true
}

// Rewrite applies the rule, which must match b[from:], in place: it strips
// and adds at the end of b and returns it.
func (a *Affix) Rewrite(b []byte, from int) []byte {
	b = b[:len(b)-len(a.Strip)]
	if a.Double {
		r, _ := utf8.DecodeLastRune(b[from:])
		b = utf8.AppendRune(b, r)
	}
	return append(b, a.Add...)
}

// MinLen is the fewest bytes a word the rule matches has.
func (a *Affix) MinLen() int { return len(a.cond) }

// LastBytes marks in last every byte that may end a word the rule matches.
func (a *Affix) LastBytes(last *[256]bool) {
	if len(a.cond) == 0 {
		for i := range last {
			last[i] = true
		}
		return
	}
	c := a.cond[len(a.cond)-1]
	for i := range 256 {
		if i >= utf8.RuneSelf {
			// A byte of a longer letter: mark them all rather than
			// decode.
			last[i] = last[i] || c.neg || strings.ContainsFunc(c.runes, func(r rune) bool { return r >= utf8.RuneSelf })
			continue
		}
		last[i] = last[i] || c.accepts(rune(i))
	}
}
