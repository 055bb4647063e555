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
// The rules of a table are independent: each one that matches makes a
// form, in the order of the table, so a table that must choose between
// endings gives its rules conditions that exclude each other.
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
}

func (c class) accepts(r rune) bool { return strings.ContainsRune(c.runes, r) != c.neg }

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
			a.cond = append(a.cond, class{neg: true})
			i += size
		case r == '[':
			end := strings.IndexByte(cond[i:], ']')
			if end < 0 {
				return Affix{}, fmt.Errorf("has a condition %q with an unclosed [", cond)
			}
			c := class{runes: cond[i+1 : i+end]}
			if rest, ok := strings.CutPrefix(c.runes, "^"); ok {
				c.neg, c.runes = true, rest
			}
			if c.runes == "" || strings.ContainsFunc(c.runes, func(r rune) bool { return !unicode.IsLetter(r) }) {
				return Affix{}, fmt.Errorf("has a condition %q with a class that is not letters", cond)
			}
			a.cond = append(a.cond, c)
			i += end + 1
		case unicode.IsLetter(r):
			a.cond = append(a.cond, class{runes: string(r)})
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
func (a Affix) Apply(word string) (string, bool) {
	w := word
	for k := len(a.cond) - 1; k >= 0; k-- {
		r, size := utf8.DecodeLastRuneInString(w)
		if size == 0 || !a.cond[k].accepts(r) {
			return "", false
		}
		w = w[:len(w)-size]
	}
	stem, ok := strings.CutSuffix(word, a.Strip)
	if !ok {
		return "", false
	}
	if a.Double {
		r, size := utf8.DecodeLastRuneInString(stem)
		if size == 0 {
			return "", false
		}
		return stem + string(r) + a.Add, true
	}
	return stem + a.Add, true
}
