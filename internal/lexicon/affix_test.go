package lexicon

import (
	"strings"
	"testing"
)

func TestAffixApply(t *testing.T) {
	tests := []struct {
		rule, word string
		want       string // "" when the rule does not apply
	}{
		{"0 s .", "reduce", "reduces"},
		{"0 d e", "reduce", "reduced"},
		{"0 d e", "help", ""},
		{"e ing e", "reduce", "reducing"},
		{"y ied .[^aeiou]y", "modify", "modified"},
		{"y ied .[^aeiou]y", "delay", ""},
		{"y ied .[^aeiou]y", "by", ""}, // too short for the condition
		{"0 ed [aeiou]y", "delay", "delayed"},
		{"0 =ed [^aeiou][aeiou][bcdfghjkmnpqrstvz]", "spur", "spurred"},
		{"0 =ing [^aeiou][aeiou][bcdfghjkmnpqrstvz]", "stop", "stopping"},
		{"0 =ed [^aeiou][aeiou][bcdfghjkmnpqrstvz]", "boost", ""},
		{"0 =ed .[aeiou]l", "fuel", "fuelled"},
		{"0 es [sc]h", "reach", "reaches"},
		{"0 0 .", "go", "go"},
		{"ä 0 [äö]", "ä", ""},                // the condition needs no more letters than the word has
		{"0 n [^aeiou]e", "störe", "stören"}, // letters beyond ASCII
	}
	for _, tt := range tests {
		a, err := ParseAffix(tt.rule)
		if err != nil {
			t.Fatalf("ParseAffix(%q) error: %v", tt.rule, err)
		}
		got, ok := a.Apply(tt.word)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("ParseAffix(%q).Apply(%q) = %q, want %q", tt.rule, tt.word, got, tt.want)
		}
	}
}

func TestParseAffixErrors(t *testing.T) {
	tests := []struct{ rule, want string }{
		{"0 s", `is not a rule "strip add condition"`},
		{"0 s . x", `is not a rule "strip add condition"`},
		{"0 s1 .", `add part "s1" that is not letters`},
		{"- s .", `strip part "-" that is not letters`},
		{"0 s [ae", "unclosed ["},
		{"0 s []", "class that is not letters"},
		{"0 s [^]", "class that is not letters"},
		{"0 s a-", `with '-', which is not a letter`},
		{"ies y s", `strips "ies", which its condition "s" does not end in`},
		{"e ing [^e]", `strips "e", which its condition "[^e]" does not end in`},
	}
	for _, tt := range tests {
		_, err := ParseAffix(tt.rule)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseAffix(%q) error = %v, want one containing %q", tt.rule, err, tt.want)
		}
	}
}
