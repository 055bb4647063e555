package vocab

import (
	"reflect"
	"testing"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
)

var tax = lumen.Taxonomy{Version: "t1", Concepts: []lumen.Concept{
	{ID: "condition/skin-health", Kind: "condition", Label: "Skin health", Synonyms: []string{"skin health"}},
	{ID: "condition/skin-inflammation", Kind: "condition", Label: "Skin inflammation", Broader: "condition/skin-health", Synonyms: []string{"skin inflammation"}},
	{ID: "condition/acne", Kind: "condition", Label: "Acne", Broader: "condition/skin-health", Synonyms: []string{"acne", "pimples"}},
	{ID: "condition/atopic-dermatitis", Kind: "condition", Label: "Atopic dermatitis (eczema)", Broader: "condition/skin-inflammation",
		Synonyms: []string{"atopic dermatitis", "eczema"}, Abbreviations: []string{"AD"}},
	{ID: "mechanism/gut-microbiome", Kind: "mechanism", Label: "Gut microbiome", Synonyms: []string{"gut microbiota"}},
	{ID: "mechanism/dysbiosis", Kind: "mechanism", Label: "Dysbiosis", Broader: "mechanism/gut-microbiome", Synonyms: []string{"dysbiosis"}},
	{ID: "intervention/probiotics", Kind: "intervention", Label: "Probiotics", Synonyms: []string{"probiotic"}},
}}

func TestNamed(t *testing.T) {
	v := New(tax)
	tests := []struct {
		phrase string
		want   []string
	}{
		{"eczema", []string{"condition/atopic-dermatitis"}},
		{"Atopic  Dermatitis", []string{"condition/atopic-dermatitis"}},
		{"atopic-dermatitis", []string{"condition/atopic-dermatitis"}},
		{"Atopic dermatitis (eczema)", []string{"condition/atopic-dermatitis"}},
		{"probiotics", []string{"intervention/probiotics"}},
		{"Pimples", []string{"condition/acne"}},
		{"gut microbiota's", []string{"mechanism/gut-microbiome"}},
		{"AD", nil},
		{"dermatitis", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := v.Named(tt.phrase); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Named(%q) = %v, want %v", tt.phrase, got, tt.want)
		}
	}
	if got := v.Abbreviated("ad"); !reflect.DeepEqual(got, []string{"condition/atopic-dermatitis"}) {
		t.Errorf("Abbreviated(ad) = %v", got)
	}
	if v.MaxWords() != 3 { // "atopic dermatitis eczema", the whole label
		t.Errorf("MaxWords() = %d, want 3", v.MaxWords())
	}
}

func TestHierarchy(t *testing.T) {
	v := New(tax)
	if got, want := v.Narrower("condition/skin-health"), []string{"condition/skin-health", "condition/skin-inflammation",
		"condition/atopic-dermatitis", "condition/acne"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Narrower(skin-health) = %v, want %v", got, want)
	}
	if got, want := v.Ancestors("condition/atopic-dermatitis"), []string{"condition/skin-inflammation", "condition/skin-health"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Ancestors(atopic-dermatitis) = %v, want %v", got, want)
	}
	if got, want := v.OfKind("condition"), []string{"condition/skin-health", "condition/skin-inflammation",
		"condition/atopic-dermatitis", "condition/acne"}; !reflect.DeepEqual(got, want) {
		t.Errorf("OfKind(condition) = %v, want %v", got, want)
	}
	if v.Depth("condition/atopic-dermatitis") != 2 || v.Depth("condition/skin-health") != 0 {
		t.Errorf("Depth = %d, %d", v.Depth("condition/atopic-dermatitis"), v.Depth("condition/skin-health"))
	}
	if !v.IsKind("mechanism") || v.IsKind("condition/acne") {
		t.Error("IsKind wrong")
	}
	if got := v.Narrower("condition/unknown"); !reflect.DeepEqual(got, []string{"condition/unknown"}) {
		t.Errorf("Narrower(unknown) = %v", got)
	}
}

// TestDefaultTaxonomy checks that every synonym and label of the shipped
// taxonomy names its concept.
func TestDefaultTaxonomy(t *testing.T) {
	tx, err := config.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	v := New(tx)
	for _, c := range tx.Concepts {
		for _, s := range append([]string{c.Label}, c.Synonyms...) {
			if got := v.Named(s); len(got) != 1 || got[0] != c.ID {
				t.Errorf("Named(%q) = %v, want [%s]", s, got, c.ID)
			}
		}
		if len(v.OfKind(c.Kind)) == 0 {
			t.Errorf("OfKind(%s) is empty", c.Kind)
		}
	}
	if got := v.Narrower("condition/skin-health"); len(got) < 3 {
		t.Errorf("Narrower(condition/skin-health) = %v: the acne claims must be under it", got)
	}
}
