package indexer

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/benchcorpus"
	"github.com/lumen-research/lumen/internal/vocab"
)

var testTaxonomy = lumen.Taxonomy{Version: "t1", Concepts: []lumen.Concept{
	{ID: "condition/skin-health", Kind: "condition", Label: "Skin health", Synonyms: []string{"skin health"}},
	{ID: "condition/acne", Kind: "condition", Label: "Acne", Broader: "condition/skin-health", Synonyms: []string{"acne", "pimples"}},
	{ID: "condition/atopic-dermatitis", Kind: "condition", Label: "Atopic dermatitis", Broader: "condition/skin-health",
		Synonyms: []string{"atopic dermatitis", "eczema"}, Abbreviations: []string{"AD"}},
	{ID: "mechanism/gut-microbiome", Kind: "mechanism", Label: "Gut microbiome", Synonyms: []string{"gut microbiota"}},
	{ID: "mechanism/dysbiosis", Kind: "mechanism", Label: "Dysbiosis", Broader: "mechanism/gut-microbiome", Synonyms: []string{"dysbiosis"}},
	{ID: "intervention/probiotics", Kind: "intervention", Label: "Probiotics", Synonyms: []string{"probiotic"}},
}}

// claim is a claim of a test article: its sentence and what it says.
type claim struct {
	text     string
	concepts []string
	relation string
	negated  bool
	status   string
}

// article builds a tagged article whose text is its claims' sentences,
// after a preamble.
func article(url string, published time.Time, evidence, preamble string, claims ...claim) lumen.ArticleTagged {
	a := lumen.Article{ID: lumen.NewID("url:" + url), URL: url, Source: "test", Title: "Title of " + url,
		Published: published, FetchedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), DOI: "10.1/" + url[len(url)-1:],
		Authors: []string{"Jane Smith", "Ravi Kumar"}, Journal: "J Test"}
	text := preamble
	ev := lumen.ArticleTagged{Evidence: evidence, TaxonomyVersion: "t1+r1", TaggedAt: a.FetchedAt}
	for _, c := range claims {
		if text != "" {
			text += " "
		}
		cl := lumen.Claim{ID: lumen.ClaimID(a.ID, c.text, 0), ArticleID: a.ID, Start: len(text), Text: c.text,
			Concepts: c.concepts, Relation: c.relation, Negated: c.negated, Evidence: evidence, Review: lumen.Review{Status: c.status},
			Relations: naivePairs(c.concepts, c.relation, c.negated)}
		text += c.text
		cl.End = len(text)
		ev.Claims = append(ev.Claims, cl)
	}
	a.Text = text
	a.ContentHash = a.ComputeContentHash()
	ev.Article = a
	return ev
}

// naivePairs relates each concept to each concept of another kind, the
// cause first, with the claim's relation, as a tagger does for a claim of
// one relation.
func naivePairs(concepts []string, relation string, negated bool) []lumen.Relation {
	return lumen.DerivePairs(nil, lumen.Assertion{NotAClaim: true}, lumen.Assertion{Concepts: concepts, Relation: relation, Negated: negated})
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// mustOpenConcepts is an index of three small articles about eczema and acne,
// with the test taxonomy's vocabulary.
func mustOpenConcepts(tb testing.TB) *Index {
	tb.Helper()
	ix := MustOpen(tb)
	ix.SetVocabulary(vocab.New(testTaxonomy))
	ad, acne := "condition/atopic-dermatitis", "condition/acne"
	dys, pro := "mechanism/dysbiosis", "intervention/probiotics"
	evs := []lumen.ArticleTagged{
		article("https://example.org/1", day(2021, 5, 1), lumen.EvidenceRCT, "We studied atopic dermatitis (AD) in children.",
			claim{"Probiotics reduced the severity of atopic dermatitis.", []string{ad, pro}, lumen.RelationDecreases, false, lumen.StatusAccepted},
			claim{"In AD, dysbiosis preceded flares.", []string{ad, dys}, lumen.RelationAssociated, false, ""}),
		article("https://example.org/2", day(2023, 2, 1), lumen.EvidenceCohort, "",
			claim{"Eczema was linked to gut dysbiosis.", []string{ad, dys}, lumen.RelationAssociated, false, lumen.StatusCorrected},
			claim{"Probiotics did not reduce acne.", []string{acne, pro}, lumen.RelationNoEffect, true, ""}),
		article("https://example.org/3", day(2024, 9, 1), lumen.EvidenceWebArticle, "",
			claim{"Dysbiosis may worsen acne lesions.", []string{acne, dys}, lumen.RelationIncreases, false, ""},
			claim{"AD stands for many things, and here the claim is about eczema and probiotics.", []string{ad, pro}, lumen.RelationDecreases, false, ""}),
	}
	if _, err := ix.Apply(context.Background(), evs); err != nil {
		tb.Fatalf("Apply: %v", err)
	}
	applyStatuses(tb, ix, evs)
	return ix
}

// applyStatuses records a curator's decision for each claim of evs whose
// Review.Status says one was made.
func applyStatuses(tb testing.TB, ix *Index, evs []lumen.ArticleTagged) {
	tb.Helper()
	var ds []lumen.ReviewDecision
	for _, ev := range evs {
		for _, c := range ev.Claims {
			if d, ok := benchcorpus.Decision(c); ok {
				ds = append(ds, d)
			}
		}
	}
	if _, err := ix.ApplyReviews(context.Background(), ds); err != nil {
		tb.Fatalf("ApplyReviews: %v", err)
	}
}

func texts(hits []lumen.ClaimHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Text)
	}
	slices.Sort(out)
	return out
}

func TestConceptAwareSearch(t *testing.T) {
	ix := mustOpenConcepts(t)
	ctx := context.Background()
	tests := []struct {
		name string
		q    lumen.ClaimQuery
		want []string
	}{
		// Three claims are about atopic dermatitis; two never say so.
		{"unquoted words naming a concept", lumen.ClaimQuery{Q: "atopic dermatitis"}, []string{
			"AD stands for many things, and here the claim is about eczema and probiotics.",
			"Eczema was linked to gut dysbiosis.",
			"In AD, dysbiosis preceded flares.",
			"Probiotics reduced the severity of atopic dermatitis."}},
		{"phrase naming a concept", lumen.ClaimQuery{Q: `"atopic dermatitis"`, Concepts: []string{"mechanism/dysbiosis"}}, []string{
			"Eczema was linked to gut dysbiosis.", "In AD, dysbiosis preceded flares."}},
		{"must words", lumen.ClaimQuery{Q: "+eczema +probiotics"}, []string{
			"AD stands for many things, and here the claim is about eczema and probiotics.",
			"Probiotics reduced the severity of atopic dermatitis."}},
		{"must not", lumen.ClaimQuery{Q: "-eczema"}, []string{"Dysbiosis may worsen acne lesions.", "Probiotics did not reduce acne."}},
		// PubMed's operators mean what they say (qa2: they were read as words).
		{"NOT", lumen.ClaimQuery{Q: "acne NOT probiotics"}, []string{"Dysbiosis may worsen acne lesions."}},
		{"NOT alone", lumen.ClaimQuery{Q: "NOT eczema"}, []string{"Dysbiosis may worsen acne lesions.", "Probiotics did not reduce acne."}},
		{"AND", lumen.ClaimQuery{Q: "eczema AND probiotics"}, []string{
			"AD stands for many things, and here the claim is about eczema and probiotics.",
			"Probiotics reduced the severity of atopic dermatitis."}},
		{"AND across words naming a concept", lumen.ClaimQuery{Q: "atopic dermatitis AND dysbiosis"}, []string{
			"Eczema was linked to gut dysbiosis.", "In AD, dysbiosis preceded flares."}},
		{"OR", lumen.ClaimQuery{Q: "pimples OR dysbiosis", Status: []string{lumen.StatusPending}}, []string{
			"Dysbiosis may worsen acne lesions.", "In AD, dysbiosis preceded flares.", "Probiotics did not reduce acne."}},
		// A slash separates words as a space does (qa4: it found nothing).
		{"slash", lumen.ClaimQuery{Q: "pimples/dysbiosis", Status: []string{lumen.StatusPending}}, []string{
			"Dysbiosis may worsen acne lesions.", "In AD, dysbiosis preceded flares.", "Probiotics did not reduce acne."}},
		// An abbreviation names its concept only in an article that defines it.
		{"abbreviation", lumen.ClaimQuery{Q: "AD", Concepts: []string{"intervention/probiotics"}}, []string{
			"AD stands for many things, and here the claim is about eczema and probiotics.",
			"Probiotics reduced the severity of atopic dermatitis."}},
		{"narrower concept", lumen.ClaimQuery{Concepts: []string{"condition/skin-health"}, Relation: lumen.RelationIncreases},
			[]string{"Dysbiosis may worsen acne lesions."}},
		{"concept words name narrower ones too", lumen.ClaimQuery{Q: `"skin health"`, Negated: ptr(true)},
			[]string{"Probiotics did not reduce acne."}},
		{"any of", lumen.ClaimQuery{AnyConcepts: [][]string{{"condition/acne", "mechanism/gut-microbiome"}}, Status: []string{lumen.StatusPending}},
			[]string{"Dysbiosis may worsen acne lesions.", "In AD, dysbiosis preceded flares.", "Probiotics did not reduce acne."}},
		{"kinds: an intervention decreases a condition", lumen.ClaimQuery{Kinds: []string{"intervention", "condition"}, Relation: lumen.RelationDecreases},
			[]string{"AD stands for many things, and here the claim is about eczema and probiotics.", "Probiotics reduced the severity of atopic dermatitis."}},
		{"status", lumen.ClaimQuery{Status: []string{lumen.StatusAccepted, lumen.StatusCorrected}},
			[]string{"Eczema was linked to gut dysbiosis.", "Probiotics reduced the severity of atopic dermatitis."}},
		{"field date", lumen.ClaimQuery{Q: "published:2023"}, []string{"Eczema was linked to gut dysbiosis.", "Probiotics did not reduce acne."}},
		{"field range", lumen.ClaimQuery{Q: "+published:>=2024-01-01 +acne"}, []string{"Dysbiosis may worsen acne lesions."}},
		// Dates bleve cannot hold (before 1678, after 2262) are clamped, not
		// refused naming q (qa2): 9999-12-31 is how people say "no end".
		{"open end", lumen.ClaimQuery{PublishedFrom: day(2024, 1, 1), PublishedTo: day(9999, 12, 31)},
			[]string{"AD stands for many things, and here the claim is about eczema and probiotics.", "Dysbiosis may worsen acne lesions."}},
		{"open start", lumen.ClaimQuery{PublishedFrom: day(1500, 1, 1), PublishedTo: day(2021, 12, 31)},
			[]string{"In AD, dysbiosis preceded flares.", "Probiotics reduced the severity of atopic dermatitis."}},
		{"field range beyond", lumen.ClaimQuery{Q: "+published:<9999-01-01 +published:>1000 +acne"}, []string{"Dysbiosis may worsen acne lesions.", "Probiotics did not reduce acne."}},
		{"keyword wildcard", lumen.ClaimQuery{Q: "concepts:intervention/*", Negated: ptr(true)}, []string{"Probiotics did not reduce acne."}},
		{"stop words only", lumen.ClaimQuery{Q: "the of"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.SearchClaims(ctx, tt.q)
			if err != nil {
				t.Fatalf("SearchClaims(%+v): %v", tt.q, err)
			}
			if got := texts(res.Hits); !slices.Equal(got, tt.want) {
				t.Errorf("SearchClaims(%+v) = %q, want %q", tt.q, got, tt.want)
			}
			if int(res.Total) != len(tt.want) {
				t.Errorf("SearchClaims(%+v).Total = %d, want %d", tt.q, res.Total, len(tt.want))
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestMatched(t *testing.T) {
	ix := mustOpenConcepts(t)
	res, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{Q: "atopic dermatitis", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	why := map[string][]lumen.Match{}
	for _, h := range res.Hits {
		why[h.Text] = h.Matched
	}
	eczema := why["Eczema was linked to gut dysbiosis."]
	if len(eczema) != 1 || eczema[0] != (lumen.Match{Query: "atopic dermatitis", Via: lumen.MatchConcept, Concept: "condition/atopic-dermatitis"}) {
		t.Errorf("Matched of the eczema claim = %+v, want the concept", eczema)
	}
	both := why["Probiotics reduced the severity of atopic dermatitis."]
	if len(both) < 2 || both[0].Via != lumen.MatchText {
		t.Errorf("Matched of the claim saying atopic dermatitis = %+v, want text and concept", both)
	}
	if res.Hits[0].Text != "Probiotics reduced the severity of atopic dermatitis." {
		t.Errorf("first hit = %q: the claim that says the words and has the concept should rank first", res.Hits[0].Text)
	}
	res, err = ix.SearchClaims(context.Background(), lumen.ClaimQuery{Q: "AD", Concepts: []string{"mechanism/dysbiosis"}})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("SearchClaims(AD) = %+v, %v", res, err)
	}
	h := res.Hits[0]
	if h.Highlight != "In <mark>AD</mark>, dysbiosis preceded flares." {
		t.Errorf("Highlight = %q", h.Highlight)
	}
	if !slices.ContainsFunc(h.Matched, func(m lumen.Match) bool { return m.Via == lumen.MatchAbbreviation }) {
		t.Errorf("Matched = %+v, want the abbreviation", h.Matched)
	}
	res, _ = ix.SearchClaims(context.Background(), lumen.ClaimQuery{Q: "dysbios*"})
	for _, h := range res.Hits {
		if !strings.Contains(h.Highlight, "<mark>") {
			t.Errorf("wildcard not highlighted in %q", h.Highlight)
		}
	}
}

func TestQueryErrors(t *testing.T) {
	ix := mustOpenConcepts(t)
	tests := []struct {
		q    string
		want string
	}{
		{"title:gut", `unknown field "title" at character 1`},
		{"acne article:x", `unknown field "article" at character 6`},
		{`acne "gut`, "unterminated phrase starting at character 6"},
		{"negated:maybe", "negated takes true or false"},
		{"published:yesterday", "not a date"},
		{"confidence:>high", "not a number"},
		{"text:>5", "a range needs a date or number field"},
		{"a*", "too broad"},
		{"*acne", "may not start with"},
		{"/a(/", "bad regular expression"},
		{"/[a/", "missing closing ]: `[a`"}, // the user's expression, not a rewrite of it
		// Go's regexp takes these; bleve's automata do not, and say so
		// only when they meet the terms of a real index.
		{"/acne$/", "zero width assertions not allowed"},
		{`/\bacne/`, "word boundaries are not allowed"},
		{"text:/^gut/", "leave out ^, $"},
		{"/" + strings.Repeat("a", 201) + "/", "longer than 200 bytes"},
		// Values no claim can have, as the same parameters would say.
		{"relation:bogus", `relation takes one of increases, decreases, associated, no_effect, not "bogus"`},
		{"acne -status:done", `status takes one of`},
		{`evidence:"case study"`, `evidence takes one of`},
		{"concepts:condition/nope", `unknown concept "condition/nope"`},
		{"kinds:planet", `unknown kind of concept "planet"`},
		{"acne AND probiotics OR diet", "AND and OR in one query need parentheses"},
	}
	for _, tt := range tests {
		_, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{Q: tt.q})
		var inv *lumen.InvalidError
		if !errors.As(err, &inv) || inv.Field != "q" || !strings.Contains(inv.Reason, tt.want) {
			t.Errorf("SearchClaims(q=%q) error = %v, want field q saying %q", tt.q, err, tt.want)
		}
	}
	// Enumerated values are matched regardless of case.
	res, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{Q: "relation:No_Effect"})
	if err != nil || res.Total != 1 {
		t.Errorf("SearchClaims(q=relation:No_Effect) = %d hits, %v; want the one claim with no effect", res.Total, err)
	}
	if state, reason := ix.State(); state != StateOK {
		t.Errorf("after the bad queries the index is %s (%v), want ok: a query's fault is not damage", state, reason)
	}
}

func TestFacetsOnRequest(t *testing.T) {
	ix := mustOpenConcepts(t)
	res, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{})
	if err != nil || res.Facets != nil {
		t.Fatalf("facets not asked for: %+v, %v", res.Facets, err)
	}
	res, err = ix.SearchClaims(context.Background(), lumen.ClaimQuery{Facets: []string{"year", "status", "evidence"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []lumen.FacetCount{{Value: "2024", Count: 2}, {Value: "2023", Count: 2}, {Value: "2021", Count: 2}}
	if !slices.Equal(res.Facets["year"], want) {
		t.Errorf("year facet = %+v, want %+v", res.Facets["year"], want)
	}
	if len(res.Facets["status"]) != 3 || len(res.Facets["evidence"]) != 3 || res.Facets["concepts"] != nil {
		t.Errorf("facets = %+v", res.Facets)
	}
	if _, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{Facets: []string{"colour"}}); !errors.Is(err, lumen.ErrInvalid) {
		t.Errorf("unknown facet: %v", err)
	}
}

// manyClaims indexes n claims in articles of 7, half of them saying
// "probiotics" (many of them with the same score), with dates spread over
// years.
func manyClaims(tb testing.TB, n int) *Index {
	tb.Helper()
	ix := MustOpen(tb)
	var evs []lumen.ArticleTagged
	for a := 0; a*7 < n; a++ {
		var cs []claim
		for i := a * 7; i < min(n, a*7+7); i++ {
			text := fmt.Sprintf("Claim %d: dysbiosis was linked to acne.", i)
			if i%2 == 0 {
				text = fmt.Sprintf("Claim %d: probiotics reduced acne.", i)
			}
			cs = append(cs, claim{text: text, concepts: []string{"condition/acne", "mechanism/dysbiosis"}, relation: lumen.RelationAssociated})
		}
		evs = append(evs, article(fmt.Sprintf("https://example.org/many/%d", a), day(2000+a%20, 1+a%12, 1), lumen.EvidenceCohort, "", cs...))
	}
	for i := 0; i < len(evs); i += 50 {
		if _, err := ix.Apply(context.Background(), evs[i:min(i+50, len(evs))]); err != nil {
			tb.Fatal(err)
		}
	}
	return ix
}

// walk pages through q with cursors and returns the claim ids in order.
func walk(t *testing.T, ix *Index, q lumen.ClaimQuery) []string {
	t.Helper()
	var ids []string
	for page := 0; ; page++ {
		res, err := ix.SearchClaims(context.Background(), q)
		if err != nil {
			t.Fatalf("page %d of %+v: %v", page, q, err)
		}
		if want := len(ids) + q.From; res.Offset != want {
			t.Fatalf("page %d: offset %d, want %d", page, res.Offset, want)
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if res.NextCursor == "" {
			if uint64(len(ids)+q.From) != res.Total {
				t.Fatalf("walked %d hits of %d", len(ids), res.Total)
			}
			return ids
		}
		if len(res.Hits) == 0 || page > 1000 {
			t.Fatalf("page %d: a cursor but no hits", page)
		}
		q.Cursor = res.NextCursor
		if q.From > 0 {
			ids = append(make([]string, q.From), ids...) // count the skipped ones once
			q.From = 0
		}
	}
}

func TestCursorWalksToTheEnd(t *testing.T) {
	ix := manyClaims(t, 257)
	for _, q := range []lumen.ClaimQuery{
		{Size: 10},                                   // every claim, all tied
		{Q: "probiotics acne", Size: 7},              // scores with many ties
		{Q: "probiotics", Size: 100},                 // big pages
		{Sort: "-published", Size: 25},               // by date, ties on the day
		{Sort: "published", Q: "dysbiosis", Size: 9}, // by date with a query
		{Size: 10, From: 30},                         // from a page reached by offset
	} {
		t.Run(fmt.Sprintf("%+v", q), func(t *testing.T) {
			ids := walk(t, ix, q)
			ids = ids[q.From:]
			seen := map[string]bool{}
			for _, id := range ids {
				if seen[id] {
					t.Fatalf("claim %s twice", id)
				}
				seen[id] = true
			}
			all, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{Q: q.Q, Sort: q.Sort, Size: max(q.From, 1)})
			if err != nil {
				t.Fatal(err)
			}
			if q.From > 0 {
				for _, h := range all.Hits { // the claims before the first page
					if seen[h.ID] {
						t.Fatalf("claim %s of the first %d came again after them", h.ID, q.From)
					}
				}
			}
			if want := int(all.Total) - q.From; len(ids) != want {
				t.Errorf("walked %d claims, want %d", len(ids), want)
			}
		})
	}
}

// QA4: under relevance, pages reached by from and by cursor are in one
// total order, ties (many claims score the same here) included: walking
// every page with from, with cursors, or with from and then the cursor of
// any page, gives the same sequence.
func TestFromAndCursorPagesAgree(t *testing.T) {
	ix := manyClaims(t, 120)
	ctx := context.Background()
	for _, q := range []lumen.ClaimQuery{
		{Q: "probiotics acne", Size: 7},                                    // scores with many ties
		{Q: "claim probiotics dysbiosis", Size: 9},                         // more distinct scores, ties still
		{Q: "10 11 12 13 14 15 16 17 probiotics^0.5 dysbiosis^2", Size: 5}, // pages of several scores, then ties
		{Size: 10},                                // no query: every claim ties
		{Q: "concepts:condition/acne", Size: 8},   // a field term: ties throughout
		{PublishedFrom: day(2010, 1, 1), Size: 4}, // a filter alone: unscored, half the claims
		{PublishedFrom: day(2016, 1, 1), Size: 3}, // a fifth: too few hits among the ids to walk them
		{Sort: "-published", Size: 11},            // by date, ties on the day
		{Q: "probiotics", Sort: "published", Size: 6},
	} {
		t.Run(fmt.Sprintf("q=%s,sort=%s", q.Q, q.Sort), func(t *testing.T) {
			byCursor := walk(t, ix, q)
			var byFrom []string
			for from := 0; ; from += q.Size {
				pq := q
				pq.From = from
				res, err := ix.SearchClaims(ctx, pq)
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range res.Hits {
					byFrom = append(byFrom, h.ID)
				}
				if len(res.Hits) < q.Size {
					break
				}
			}
			if !slices.Equal(byFrom, byCursor) {
				t.Fatalf("pages by from (%d claims) and by cursor (%d) differ:\nfrom:   %v\ncursor: %v", len(byFrom), len(byCursor), byFrom, byCursor)
			}
			// Switching from offsets to the API's cursor at any page.
			for k := 1; (k+1)*q.Size < len(byFrom); k += 3 { // pages a cursor follows
				pq := q
				pq.From = k * q.Size
				if got := walk(t, ix, pq)[pq.From:]; !slices.Equal(got, byFrom[pq.From:]) {
					t.Fatalf("from=%d then cursors = %v, want %v", pq.From, got, byFrom[pq.From:])
				}
			}
		})
	}
}

// TestCursorFacetsBetweenPages: asking for facets on some pages only does
// not change the order the cursor follows.
func TestCursorFacetsBetweenPages(t *testing.T) {
	ix := manyClaims(t, 95)
	seen := map[string]bool{}
	q := lumen.ClaimQuery{Size: 10}
	for page := 0; page < 20; page++ {
		if page%2 == 1 {
			q.Facets = []string{"concepts"}
		} else {
			q.Facets = nil
		}
		res, err := ix.SearchClaims(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Fatalf("page %d: claim %s again", page, h.ID)
			}
			seen[h.ID] = true
		}
		if res.NextCursor == "" {
			break
		}
		q.Cursor = res.NextCursor
	}
	if len(seen) != 95 {
		t.Errorf("walked %d claims, want 95", len(seen))
	}
}

func TestCursorErrors(t *testing.T) {
	ix := manyClaims(t, 30)
	res, err := ix.SearchClaims(context.Background(), lumen.ClaimQuery{Q: "probiotics", Size: 5})
	if err != nil || res.NextCursor == "" {
		t.Fatalf("first page: %+v, %v", res, err)
	}
	// Crafted with the right query's fingerprint but no page behind it.
	fp := fingerprint(lumen.ClaimQuery{Q: "probiotics"})
	crafted := func(c cursor) string { c.Query = fp; return encodeCursor(c) }
	for _, q := range []lumen.ClaimQuery{
		{Q: "probiotics", Cursor: crafted(cursor{})},                                                                        // follows no page
		{Q: "probiotics", Cursor: crafted(cursor{N: 5})},                                                                    // continues after nothing
		{Q: "probiotics", Cursor: crafted(cursor{N: 5, After: []string{"a", "b", "c"}})},                                    // too many sort values
		{Q: "probiotics", Cursor: crafted(cursor{N: 5, After: []string{"a", "b"}})},                                         // sort values of another order
		{Q: "probiotics", Cursor: base64.RawURLEncoding.EncodeToString([]byte(`{"v":1,"q":"` + fp + `","a":["x"],"n":5}`))}, // an earlier server's
		{Q: "acne", Cursor: res.NextCursor},                                                                                 // another query
		{Q: "probiotics", Cursor: "bm9wZQ"},                                                                                 // not a cursor
		{Q: "probiotics", Cursor: "!!!"},                                                                                    // not base64
		{Q: "probiotics", Cursor: res.NextCursor, From: 5},                                                                  // both
	} {
		if _, err := ix.SearchClaims(context.Background(), q); !errors.Is(err, lumen.ErrInvalid) {
			t.Errorf("SearchClaims(%+v) = %v, want ErrInvalid", q, err)
		}
	}
}

func TestEvidenceMap(t *testing.T) {
	ix := mustOpenConcepts(t)
	m, err := ix.EvidenceMap(context.Background(), lumen.MapQuery{Rows: "condition", Cols: "mechanism"})
	if err != nil {
		t.Fatal(err)
	}
	cells := map[[2]string]lumen.MapCell{}
	for _, c := range m.Cells {
		cells[[2]string{c.Row, c.Col}] = c
	}
	ad := cells[[2]string{"condition/atopic-dermatitis", "mechanism/dysbiosis"}]
	if ad.Claims != 2 || ad.Articles != 2 || ad.Relations[lumen.RelationAssociated] != 2 || ad.Supports != 2 ||
		ad.Accepted != 1 || ad.Strongest != lumen.EvidenceRCT || ad.Evidence[lumen.EvidenceCohort] != 1 {
		t.Errorf("AD x dysbiosis = %+v", ad)
	}
	// Broader rows and columns hold their narrower ones.
	top := cells[[2]string{"condition/skin-health", "mechanism/gut-microbiome"}]
	if top.Claims != 3 || top.Articles != 3 {
		t.Errorf("skin health x gut microbiome = %+v, want 3 claims from 3 articles", top)
	}
	if m.Claims != 3 || m.Articles != 3 {
		t.Errorf("map covers %d claims, %d articles; want 3, 3", m.Claims, m.Articles)
	}
	// Filters apply: accepted claims relating a condition to an intervention.
	m, err = ix.EvidenceMap(context.Background(), lumen.MapQuery{Rows: "condition", Cols: "intervention",
		Claims: lumen.ClaimQuery{Status: []string{lumen.StatusAccepted}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Cells) != 2 || m.Claims != 1 || m.Cells[0].Accepted != 1 {
		t.Errorf("accepted map = %+v", m)
	}
	m, err = ix.EvidenceMap(context.Background(), lumen.MapQuery{Rows: "condition", Cols: "intervention", Claims: lumen.ClaimQuery{Q: "acne"}})
	if err != nil || m.Claims != 1 || cells == nil {
		t.Fatalf("map of q=acne = %+v, %v", m, err)
	}
	for _, c := range m.Cells {
		if c.Contradicts != 1 || c.Negated != 1 || c.Relations[lumen.RelationNoEffect] != 1 {
			t.Errorf("negated no-effect cell = %+v", c)
		}
	}
	for _, bad := range []lumen.MapQuery{{Rows: "condition", Cols: "condition"}, {Rows: "colour", Cols: "mechanism"}} {
		if _, err := ix.EvidenceMap(context.Background(), bad); !errors.Is(err, lumen.ErrInvalid) {
			t.Errorf("EvidenceMap(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}

func TestExport(t *testing.T) {
	ix := mustOpenConcepts(t)
	var recs []lumen.ClaimRecord
	err := ix.ExportClaims(context.Background(), lumen.ClaimQuery{Concepts: []string{"condition/atopic-dermatitis"}}, func(r lumen.ClaimRecord) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil || len(recs) != 4 {
		t.Fatalf("ExportClaims = %d records, %v", len(recs), err)
	}
	for _, r := range recs {
		if r.Article.DOI == "" || r.Article.Title == "" || r.TaggerVersion != "t1+r1" || r.TaxonomyVersion != "t1" ||
			r.Review.Status == "" || len(r.Concepts) != 2 || r.Text == "" || r.Article.Published.IsZero() {
			t.Errorf("record = %+v", r)
		}
	}
	var arts []lumen.ArticleMeta
	err = ix.ExportArticles(context.Background(), lumen.ClaimQuery{Q: "dysbiosis"}, func(a lumen.ArticleMeta) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil || len(arts) != 3 {
		t.Fatalf("ExportArticles = %+v, %v", arts, err)
	}
	if a := arts[0]; len(a.Authors) != 2 || a.Journal != "J Test" || a.ClaimCount != 2 || len(a.Concepts) != 0 && a.Evidence == "" {
		t.Errorf("article = %+v", a)
	}
	// An export stops when its consumer fails or its context ends.
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err = ix.ExportClaims(ctx, lumen.ClaimQuery{}, func(lumen.ClaimRecord) error {
		n++
		cancel()
		return nil
	})
	if n == 0 || n > checkEvery || (err != nil && !errors.Is(err, context.Canceled)) {
		t.Errorf("cancelled export: %d records, %v", n, err)
	}
	stop := errors.New("disk full")
	if err := ix.ExportClaims(context.Background(), lumen.ClaimQuery{}, func(lumen.ClaimRecord) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("failing consumer: %v", err)
	}
}

func TestDefinedAbbreviations(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Children with atopic dermatitis (AD) and AD-like rashes.", []string{"AD"}},
		{"short-chain fatty acids (SCFAs; mostly butyrate)", []string{"SCFAS"}},
		{"AD (atopic dermatitis) is common.", []string{"AD"}},
		{"the dose (10 mg) and the group (n=5)", nil},
		{"a note (see Table 2) and (Smith) here", nil},
		{"Irritable bowel syndrome (IBS), inflammatory bowel disease (IBD).", []string{"IBD", "IBS"}},
		{"(", nil},
	}
	for _, tt := range tests {
		if got := definedAbbreviations(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("definedAbbreviations(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestStoredFieldsByNumber: fields read by document number on the search's
// own snapshot are those bleve reads by id.
func TestStoredFieldsByNumber(t *testing.T) {
	ix := mustOpenConcepts(t)
	adv, err := ix.idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if newStoredReader(r) == nil {
		t.Fatal("the index is not scorch: stored fields go the slow way")
	}
	q := termQuery("type", typeClaim)
	req := bleve.NewSearchRequestOptions(q, 100, 0, false)
	req.Fields = claimFields
	want, err := ix.run(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ix.searchWithFields(context.Background(), bleve.NewSearchRequestOptions(q, 100, 0, false), claimFields, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Hits) != len(want.Hits) || len(got.Hits) < 6 {
		t.Fatalf("%d hits, want %d", len(got.Hits), len(want.Hits))
	}
	for i := range want.Hits {
		if !reflect.DeepEqual(got.Hits[i].Fields, want.Hits[i].Fields) {
			t.Errorf("hit %s: fields\n%v\nwant\n%v", want.Hits[i].ID, got.Hits[i].Fields, want.Hits[i].Fields)
		}
	}
}

// The index holds stems: a wildcard or fuzzy query that starts with a
// whole word finds at least what the word finds.
func TestWildcardAndFuzzyOverStems(t *testing.T) {
	ix := mustOpenConcepts(t)
	ctx := context.Background()
	for _, word := range []string{"probiotics", "severity", "dermatitis"} {
		plain, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: "text:" + word})
		if err != nil || plain.Total == 0 {
			t.Fatalf("%s: %+v, %v", word, plain, err)
		}
		for _, q := range []string{word + "*", word + "~1"} {
			res, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: q})
			if err != nil || res.Total < plain.Total {
				t.Errorf("q=%s: %d hits (%v), want at least the %d of %s", q, res.Total, err, plain.Total, word)
			}
		}
	}
	res, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: "probiotics*"})
	if err != nil || len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Highlight, "<mark>Probiotics</mark>") {
		t.Errorf("probiotics* highlight: %+v, %v", res.Hits, err)
	}
}

// q=retracted:true finds the retracted claims, as retracted=true does,
// rather than nothing (qa2: they were left out before q applied); year:
// takes a year, as confidence: takes a number.
func TestQueryStringRetractedAndYear(t *testing.T) {
	ctx := context.Background()
	ix := MustOpen(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s1, s2 := "Probiotics reduced acne lesions.", "Fiber did nothing for acne."
	v1 := tagged("https://example.org/x", t0, s1, s2)
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{v1}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.ApplyReviews(ctx, []lumen.ReviewDecision{decide(v1.Claims[1], 0, lumen.ActionAccept, lumen.StatusAccepted)}); err != nil {
		t.Fatal(err)
	}
	// The decided sentence leaves the article: its claim is kept, retracted.
	if _, err := ix.Apply(ctx, []lumen.ArticleTagged{tagged("https://example.org/x", t0.Add(time.Hour), s1)}); err != nil {
		t.Fatal(err)
	}
	yes := true
	for _, tt := range []struct {
		q    lumen.ClaimQuery
		want []string
	}{
		{lumen.ClaimQuery{}, []string{s1}},
		{lumen.ClaimQuery{Retracted: &yes}, []string{s2}},
		{lumen.ClaimQuery{Q: "retracted:true"}, []string{s2}},
		{lumen.ClaimQuery{Q: "+acne +retracted:true"}, []string{s2}},
		{lumen.ClaimQuery{Q: "acne -retracted:true"}, []string{s1}},
		{lumen.ClaimQuery{Q: "retracted:false"}, []string{s1}},
		{lumen.ClaimQuery{Q: "year:2024"}, []string{s1}},
		{lumen.ClaimQuery{Q: "year:>=2020"}, []string{s1}},
	} {
		res, err := ix.SearchClaims(ctx, tt.q)
		if err != nil {
			t.Errorf("SearchClaims(%+v): %v", tt.q, err)
			continue
		}
		if got := texts(res.Hits); !slices.Equal(got, tt.want) {
			t.Errorf("SearchClaims(q=%q, retracted=%v) = %q, want %q", tt.q.Q, tt.q.Retracted, got, tt.want)
		}
	}
	for _, q := range []string{"year:abc", "year:>=twenty", "year:20245"} {
		_, err := ix.SearchClaims(ctx, lumen.ClaimQuery{Q: q})
		var inv *lumen.InvalidError
		if !errors.As(err, &inv) || inv.Field != "q" || !strings.Contains(inv.Reason, "year takes a year") {
			t.Errorf("SearchClaims(q=%q) = %v, want a 400 saying year takes a year", q, err)
		}
	}
}

// TaggedWith answers from the index, not the vocabulary: a concept the
// taxonomy lost still tags the claims indexed before (qa5).
func TestTaggedWith(t *testing.T) {
	ix := manyClaims(t, 7)
	ix.SetVocabulary(vocab.New(lumen.Taxonomy{Version: "t2", Concepts: []lumen.Concept{{ID: "condition/acne", Kind: "condition", Label: "Acne"}}}))
	for _, tt := range []struct {
		id   string
		want bool
	}{{"condition/acne", true}, {"mechanism/dysbiosis", true}, {"mechanism/nonexistent", false}} {
		if got, err := ix.TaggedWith(context.Background(), tt.id); err != nil || got != tt.want {
			t.Errorf("TaggedWith(%q) = %v, %v, want %v", tt.id, got, err, tt.want)
		}
	}
}
