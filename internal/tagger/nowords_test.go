package tagger

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestNoWordsInCode keeps the language and the domain out of the tagger's
// Go code: a string or rune literal with a letter in it is a word the
// tagger matches, which belongs in a vocabulary file (config/vocabulary)
// under a list internal/lexicon names. Messages for people (errors,
// warnings) and the few literals below are not words of the text.
func TestNoWordsInCode(t *testing.T) {
	// allowed are literals with letters that name no word of a language,
	// by file, with why.
	allowed := map[string]map[string]string{
		"*": {
			// The bounds of ASCII letter ranges: case folding and the shape
			// of a token (capital, lower case, acronym), not words.
			"'a'": "ASCII range", "'z'": "ASCII range", "'A'": "ASCII range", "'Z'": "ASCII range",
		},
		"rules.go": {`"r122"`: "the rules' revision, part of the tagger's version"},
		"normalize.go": {
			// Script, not language: Greek letters inside biomedical names
			// (TNF-α, IL-1β) are spelled with their international names in
			// every language that writes such names in Latin letters
			// ("TNF-alpha"); normalising them is Unicode folding like NFKD.
			`"alpha"`: "Greek letter", `"beta"`: "Greek letter", `"gamma"`: "Greek letter", `"delta"`: "Greek letter",
			`"epsilon"`: "Greek letter", `"kappa"`: "Greek letter", `"lambda"`: "Greek letter", `"mu"`: "Greek letter",
			`"omega"`: "Greek letter", "'α'": "Greek letter", "'β'": "Greek letter", "'γ'": "Greek letter", "'δ'": "Greek letter",
			"'ε'": "Greek letter", "'κ'": "Greek letter", "'λ'": "Greek letter", "'μ'": "Greek letter", "'ω'": "Greek letter",
			"'Α'": "Greek letter", "'Β'": "Greek letter", "'Γ'": "Greek letter", "'Δ'": "Greek letter", "'Κ'": "Greek letter",
			"'ʼ'": "an apostrophe (modifier letter), punctuation",
		},
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		messages := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			// The format of fmt.Errorf, fmt.Sprintf and errors.New is a
			// message for people.
			if c, ok := n.(*ast.CallExpr); ok {
				if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
					if pkg, ok := sel.X.(*ast.Ident); ok && (pkg.Name == "fmt" || pkg.Name == "errors") {
						for _, a := range c.Args {
							if lit, ok := a.(*ast.BasicLit); ok {
								messages[lit] = true
							}
						}
					}
				}
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				return false
			case *ast.Field:
				if n.Tag != nil {
					messages[n.Tag] = true // a struct tag
				}
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != gotoken.STRING && lit.Kind != gotoken.CHAR || messages[lit] {
				return true
			}
			text, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.ContainsFunc(text, unicode.IsLetter) {
				return true
			}
			if _, ok := allowed["*"][lit.Value]; ok {
				return true
			}
			if _, ok := allowed[name][lit.Value]; ok {
				return true
			}
			t.Errorf("%s: literal %s in the tagger's code: put the words it matches in a vocabulary list (config/vocabulary, internal/lexicon)", fset.Position(lit.Pos()), lit.Value)
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("checked %d files, want the tagger's sources", checked)
	}
}
