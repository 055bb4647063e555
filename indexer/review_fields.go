package indexer

import (
	"slices"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lumen-research/lumen"
)

// reviewFilters returns the filter clauses of q's review fields: status
// (any of), flagged, and retracted when asked for.
func reviewFilters(q lumen.ClaimQuery) []query.Query {
	var out []query.Query
	if len(q.Status) > 0 {
		out = append(out, anyTerm("status", q.Status))
	}
	if q.Flagged != nil {
		out = append(out, boolQuery("flagged", *q.Flagged))
	}
	if wantRetracted(q) {
		out = append(out, boolQuery("retracted", true))
	}
	return out
}

// wantRetracted: a retracted claim is kept for its decisions but left out
// unless asked for. Leaving them out is a must-not clause on the few
// retracted claims (see compile): a filter on the claims that are not
// retracted (nearly all) would be advanced through for every hit.
func wantRetracted(q lumen.ClaimQuery) bool { return q.Retracted != nil && *q.Retracted }

// wantRejected: a claim a curator rejected is no evidence, so it is left
// out of searches, exports and the map unless its status is asked for
// (status=rejected), as a retracted claim is.
func wantRejected(q lumen.ClaimQuery) bool { return slices.Contains(q.Status, lumen.StatusRejected) }

// withoutAny wraps q so that it leaves out what any of not matches.
func withoutAny(q query.Query, not []query.Query) query.Query {
	if len(not) == 0 {
		return q
	}
	if b, ok := q.(*query.BooleanQuery); ok {
		b.AddMustNot(not...)
		return b
	}
	return query.NewBooleanQuery([]query.Query{q}, nil, not)
}

func boolQuery(field string, v bool) *query.BoolFieldQuery {
	b := query.NewBoolFieldQuery(v)
	b.SetField(field)
	return b
}

// anyTerm matches documents with any of the terms in field.
func anyTerm(field string, terms []string) query.Query {
	if len(terms) == 1 {
		return termQuery(field, terms[0])
	}
	qs := make([]query.Query, len(terms))
	for i, t := range terms {
		qs[i] = termQuery(field, t)
	}
	return query.NewDisjunctionQuery(qs)
}
