package qsyntax

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want []Clause // Pos and End are checked separately
	}{
		{"", nil},
		{"   ", nil},
		{"probiotics", []Clause{{Kind: Term, Text: "probiotics"}}},
		{"probiotics acne", []Clause{{Kind: Term, Text: "probiotics"}, {Kind: Term, Text: "acne"}}},
		{`"leaky gut"`, []Clause{{Kind: Phrase, Text: "leaky gut"}}},
		{`+eczema -mice`, []Clause{{Occur: Must, Kind: Term, Text: "eczema"}, {Occur: MustNot, Kind: Term, Text: "mice"}}},
		{`text:butyr*`, []Clause{{Field: "text", Kind: Wildcard, Text: "butyr*"}}},
		{`article_title:"gut skin"^2`, []Clause{{Field: "article_title", Kind: Phrase, Text: "gut skin", Boost: 2}}},
		{`probiotcs~`, []Clause{{Kind: Fuzzy, Text: "probiotcs", Fuzziness: 1}}},
		{`probiotcs~2^1.5`, []Clause{{Kind: Fuzzy, Text: "probiotcs", Fuzziness: 2, Boost: 1.5}}},
		{`/inflamm.*/`, []Clause{{Kind: Regexp, Text: "inflamm.*"}}},
		{`/a\/b\d/`, []Clause{{Kind: Regexp, Text: `a/b\d`}}},
		{`published:>=2020-01-01`, []Clause{{Field: "published", Kind: Range, Op: ">=", Text: "2020-01-01"}}},
		{`confidence:<0.5`, []Clause{{Field: "confidence", Kind: Range, Op: "<", Text: "0.5"}}},
		{`published:<"2021-06-01"`, []Clause{{Field: "published", Kind: Range, Op: "<", Text: "2021-06-01"}}},
		{`anti-TNF IL-17`, []Clause{{Kind: Term, Text: "anti-TNF"}, {Kind: Term, Text: "IL-17"}}},
		{`a\:b c\"d`, []Clause{{Kind: Term, Text: "a:b"}, {Kind: Term, Text: `c"d`}}},
		{`"say \"no\""`, []Clause{{Kind: Phrase, Text: `say "no"`}}},
		{"ééé\tacné", []Clause{{Kind: Term, Text: "ééé"}, {Kind: Term, Text: "acné"}}},
		// Boolean operators, PubMed's way, read as the prefixes they stand for.
		{"acne NOT probiotics", []Clause{{Kind: Term, Text: "acne"}, {Occur: MustNot, Kind: Term, Text: "probiotics"}}},
		{"NOT acne", []Clause{{Occur: MustNot, Kind: Term, Text: "acne"}}},
		{"probiotics AND acne", []Clause{{Occur: Must, Kind: Term, Text: "probiotics"}, {Occur: Must, Kind: Term, Text: "acne"}}},
		{"acne && psoriasis", []Clause{{Occur: Must, Kind: Term, Text: "acne"}, {Occur: Must, Kind: Term, Text: "psoriasis"}}},
		{"acne OR rosacea || eczema", []Clause{{Kind: Term, Text: "acne"}, {Kind: Term, Text: "rosacea"}, {Kind: Term, Text: "eczema"}}},
		{"!acne", []Clause{{Occur: MustNot, Kind: Term, Text: "acne"}}},
		{"! acne", []Clause{{Occur: MustNot, Kind: Term, Text: "acne"}}},
		{"leaky gut AND acne", []Clause{{Occur: Must, Kind: Term, Text: "leaky"}, {Occur: Must, Kind: Term, Text: "gut"}, {Occur: Must, Kind: Term, Text: "acne"}}},
		{"acne AND NOT mice", []Clause{{Occur: Must, Kind: Term, Text: "acne"}, {Occur: MustNot, Kind: Term, Text: "mice"}}},
		{`"gut skin" AND -mice AND text:acne`, []Clause{{Occur: Must, Kind: Phrase, Text: "gut skin"}, {Occur: MustNot, Kind: Term, Text: "mice"}, {Occur: Must, Field: "text", Kind: Term, Text: "acne"}}},
		{"acne NOT probiotics AND diet", []Clause{{Occur: Must, Kind: Term, Text: "acne"}, {Occur: MustNot, Kind: Term, Text: "probiotics"}, {Occur: Must, Kind: Term, Text: "diet"}}},
		{"acne rosacea AND diet", []Clause{{Occur: Must, Kind: Term, Text: "acne"}, {Occur: Must, Kind: Term, Text: "rosacea"}, {Occur: Must, Kind: Term, Text: "diet"}}},
		// Lower case, escaped or quoted: words.
		{"acne and not probiotics", []Clause{{Kind: Term, Text: "acne"}, {Kind: Term, Text: "and"}, {Kind: Term, Text: "not"}, {Kind: Term, Text: "probiotics"}}},
		{`\AND "OR" ANDROGEN NOTCH1`, []Clause{{Kind: Term, Text: "AND"}, {Kind: Phrase, Text: "OR"}, {Kind: Term, Text: "ANDROGEN"}, {Kind: Term, Text: "NOTCH1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q) = %v", tt.in, err)
			}
			got := make([]Clause, len(q.Clauses))
			for i, c := range q.Clauses {
				if c.Pos < 0 || c.End > len(tt.in) || c.Pos >= c.End {
					t.Errorf("Parse(%q) clause %d at [%d,%d), outside the input", tt.in, i, c.Pos, c.End)
				}
				c.Pos, c.End = 0, 0
				got[i] = c
			}
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParsePositions(t *testing.T) {
	q, err := Parse(`  +acne  text:"leaky gut" -x`)
	if err != nil {
		t.Fatal(err)
	}
	var spans []string
	for _, c := range q.Clauses {
		spans = append(spans, q.Input()[c.Pos:c.End])
	}
	if want := []string{"+acne", `text:"leaky gut"`, "-x"}; !reflect.DeepEqual(spans, want) {
		t.Errorf("clause spans = %q, want %q", spans, want)
	}
}

// A slash between two words of the default fields separates them as a
// space does, the second sharing the first's + or -; a field's value, a
// phrase, an escaped slash and a regular expression keep theirs (qa4:
// acne/eczema found nothing). Balanced or escaped parentheses are no error.
func TestSlashesAndParentheses(t *testing.T) {
	tests := []struct {
		in   string
		want string // the canonical form
	}{
		{"acne/eczema", "acne eczema"},
		{"+acne/rosacea probiotics", "+acne +rosacea probiotics"},
		{"-mice/rats", "-mice -rats"},
		{"IL-17/IL-23", `IL-17 IL-23`},
		{"concepts:condition/acne", `concepts:condition\/acne`},
		{`acne\/eczema`, `acne\/eczema`},
		{`"acne/eczema"`, `"acne/eczema"`},
		{"/acne|eczema/", "/acne|eczema/"},
		{"acne/", `acne\/`},
		{"(acne)", `\(acne\)`},
		{`\(`, `\(`},
		{`"(acne"`, `"(acne"`},
		{"/(.*)x/", "/(.*)x/"},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q) = %v", tt.in, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
		}
		for _, c := range q.Clauses {
			if c.Pos < 0 || c.End > len(tt.in) || c.Pos >= c.End {
				t.Errorf("Parse(%q): clause %+v outside the input", tt.in, c)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in   string
		char int
		msg  string
	}{
		{`"unterminated`, 1, "unterminated phrase"},
		{`acne "leaky gut`, 6, "unterminated phrase"},
		{`/abc`, 1, "unterminated regular expression"},
		{`text:`, 1, "nothing after field"},
		{`text: acne`, 1, "nothing after field"},
		{`+`, 1, "nothing after"},
		{`acne -`, 6, "nothing after"},
		{`:acne`, 1, "field name must come before"},
		{`>5`, 1, "needs a field"},
		{`acne^`, 5, "boost"},
		{`acne^x`, 5, "boost"},
		{`acne~9`, 5, "fuzziness"},
		{`"a b"~2`, 6, "fuzzy"},
		{`acne"x"`, 5, "unexpected"},
		{`published:>`, 1, "nothing after"},
		{`//`, 1, "empty regular expression"},
		{`ééé "x`, 5, "unterminated phrase"},
		{strings.Repeat("a ", MaxClauses+1), 2*MaxClauses + 1, "more than"},
		{`+-acne`, 1, "one of + and -"},
		{`-+acne`, 1, "one of + and -"},
		{`AND acne`, 1, "AND needs a word or phrase before it"},
		{`acne OR`, 6, "OR needs a word or phrase after it"},
		{`acne AND OR rosacea`, 6, "AND needs a word or phrase after it"},
		{`acne NOT`, 6, "NOT needs a word or phrase after it"},
		{`NOT NOT acne`, 1, "NOT needs a word or phrase after it"},
		{`acne AND probiotics OR diet`, 21, "AND and OR in one query need parentheses"},
		{`acne OR probiotics AND diet`, 20, "AND and OR in one query need parentheses"},
		{`acne OR NOT probiotics`, 6, "OR NOT cannot be expressed"},
		{`acne NOT leaky gut`, 6, "NOT applies to one word or phrase"},
		{`acne NOT -mice`, 6, "NOT before a clause that has + or -"},
		// q has no grouping: an unbalanced parenthesis is an error, not a
		// term that matches nothing (qa4).
		{`(`, 1, "unbalanced '('"},
		{`)`, 1, "unbalanced ')'"},
		{`acne (rosacea`, 6, "unbalanced '('"},
		{`acne) rosacea`, 5, "unbalanced ')'"},
		{`(acne))`, 7, "unbalanced ')'"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var se *Error
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) = %v, want a syntax error", tt.in, err)
			continue
		}
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q): errors.Is(ErrSyntax) = false", tt.in)
		}
		if se.Char != tt.char || !strings.Contains(se.Msg, tt.msg) {
			t.Errorf("Parse(%q) = %q at %d, want %q at %d", tt.in, se.Msg, se.Char, tt.msg, tt.char)
		}
	}
}

// FuzzParse checks that Parse never panics, that clauses lie inside the
// input, and that the canonical form parses back to the same clauses.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"probiotics acne", `"leaky gut"`, `+eczema -mice`, `text:butyr*`,
		`published:>=2020-01-01`, `a\:b~2^3`, `/x\/y/`, `"a\"b"`, `+-a`, `--`, `a\`, "\\\"", `f:"x"^0.5`, "é\u00a0x",
		"acne NOT probiotics", "a AND b", `\AND \&& \!x`, "! x || y",
		"acne/rosacea", "+a/b^2", `a\/b`, "concepts:condition/acne", "(acne)", `\(`, "a/", "a//b", "/(x)/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || se.Char < 1 || se.Offset < 0 || se.Offset > len(s) {
				t.Fatalf("Parse(%q) = %v, want an *Error inside the input", s, err)
			}
			return
		}
		for _, c := range q.Clauses {
			if c.Pos < 0 || c.End > len(s) || c.Pos >= c.End {
				t.Fatalf("Parse(%q): clause %+v outside the input", s, c)
			}
		}
		canon := q.String()
		q2, err := Parse(canon)
		if err != nil {
			t.Fatalf("Parse(%q) ok, but its canonical form %q fails: %v", s, canon, err)
		}
		if len(q2.Clauses) != len(q.Clauses) {
			t.Fatalf("Parse(%q) has %d clauses, its canonical form %q %d", s, len(q.Clauses), canon, len(q2.Clauses))
		}
		for i := range q.Clauses {
			a, b := q.Clauses[i], q2.Clauses[i]
			a.Pos, a.End, b.Pos, b.End = 0, 0, 0, 0
			if a != b {
				t.Fatalf("Parse(%q) clause %d = %+v, canonical %q gives %+v", s, i, a, canon, b)
			}
		}
	})
}
