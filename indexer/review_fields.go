package indexer

import (
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lumen-research/lumen"
)

// The review fields of a claim document and their query clauses, kept
// apart so that the curation work can take them over: status (a keyword,
// "pending" until a curator decides), flagged and retracted (booleans).

func addReviewFields(claim *mapping.DocumentMapping, kw, boolean func() *mapping.FieldMapping) {
	claim.AddFieldMappingsAt("status", kw())
	claim.AddFieldMappingsAt("flagged", boolean())
	claim.AddFieldMappingsAt("retracted", boolean())
}

// reviewStatus is the status a claim is indexed with.
func reviewStatus(r lumen.Review) string {
	if r.Status == "" {
		return lumen.StatusPending
	}
	return r.Status
}

// reviewFilters returns the filter clauses of q's review fields.
func reviewFilters(q lumen.ClaimQuery) []query.Query {
	var out []query.Query
	if len(q.Status) > 0 {
		out = append(out, anyTerm("status", q.Status))
	}
	if q.Flagged != nil {
		out = append(out, boolQuery("flagged", *q.Flagged))
	}
	if q.Retracted != nil {
		out = append(out, boolQuery("retracted", *q.Retracted))
	}
	return out
}

func boolQuery(field string, v bool) query.Query {
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
