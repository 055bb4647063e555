package indexer

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Document types in the index, told apart by the "type" field.
const (
	typeClaim   = "claim"
	typeArticle = "article"
)

// mappingVersion is stored in the index; an index built with another mapping
// must be rebuilt (lumen reindex).
//
// 2: claims get their review state (status, flagged, retracted, curator,
// ...), confidence, and the tagger's claim and its decisions as JSON.
// 3: claims get their relation pairs and their own evidence.
// 4: claims get year, abbrevs, cid and mk (see claimDoc); text fields keep
// no doc values; an article's fields are stored, not indexed, but for its
// type and identifiers.
const mappingVersion = "4"

func newMapping() mapping.IndexMapping {
	text := func(includeInAll bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = true
		f.IncludeTermVectors = true // positions, for phrase queries
		f.IncludeInAll = includeInAll
		f.DocValues = false // nothing sorts or facets on analysed text
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Index = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	num := func(index bool) *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Index = index
		f.IncludeInAll = false
		f.DocValues = index
		return f
	}
	boolean := func() *mapping.FieldMapping {
		f := bleve.NewBooleanFieldMapping()
		f.IncludeInAll = false
		return f
	}
	date := func() *mapping.FieldMapping {
		f := bleve.NewDateTimeFieldMapping()
		f.IncludeInAll = false
		return f
	}
	// indexOnly is a keyword field for filters, sorts and facets that is
	// never shown, so not stored.
	indexOnly := func() *mapping.FieldMapping {
		f := kw()
		f.Store = false
		return f
	}

	// Fields nothing reads back are indexed, not stored: every stored field
	// is decoded for each hit a search returns.
	notStored := func(f *mapping.FieldMapping) *mapping.FieldMapping { f.Store = false; return f }
	claim := bleve.NewDocumentStaticMapping()
	claim.AddFieldMappingsAt("type", notStored(kw()))
	claim.AddFieldMappingsAt("text", text(true))
	claim.AddFieldMappingsAt("concepts", kw())
	claim.AddFieldMappingsAt("kinds", notStored(kw()))
	claim.AddFieldMappingsAt("relation", kw())
	claim.AddFieldMappingsAt("negated", boolean())
	claim.AddFieldMappingsAt("hedged", boolean())
	claim.AddFieldMappingsAt("evidence", kw())
	claim.AddFieldMappingsAt("section", kw())
	claim.AddFieldMappingsAt("article_id", kw())
	claim.AddFieldMappingsAt("article_title", text(true))
	claim.AddFieldMappingsAt("article_url", storedOnly())
	claim.AddFieldMappingsAt("published", date())
	claim.AddFieldMappingsAt("source", kw()) // stored: a decision rebuilds the claim's document from it
	claim.AddFieldMappingsAt("start", num(false))
	claim.AddFieldMappingsAt("end", num(false))
	claim.AddFieldMappingsAt("taxonomy_version", kw())
	claim.AddFieldMappingsAt("confidence", num(true))
	claim.AddFieldMappingsAt("year", indexOnly())
	claim.AddFieldMappingsAt("abbrevs", kw())
	claim.AddFieldMappingsAt("cid", indexOnly())
	claim.AddFieldMappingsAt("mk", indexOnly())
	claim.AddFieldMappingsAt("status", kw())
	claim.AddFieldMappingsAt("flagged", boolean())
	claim.AddFieldMappingsAt("retracted", boolean())
	claim.AddFieldMappingsAt("curator", kw())
	claim.AddFieldMappingsAt("reviewed_at", date())
	claim.AddFieldMappingsAt("reason", kw())
	claim.AddFieldMappingsAt("review_note", storedOnly())
	claim.AddFieldMappingsAt("review_version", num(true))
	claim.AddFieldMappingsAt("machine", storedOnly())
	claim.AddFieldMappingsAt("review_log", storedOnly())
	addPairFields(claim, kw, storedOnly)

	// Article documents are only ever fetched by id (and their identifiers
	// looked up), so their other fields are stored, not indexed: the
	// fields they share with claims (concepts, evidence, source,
	// published) then hold claims only, which keeps filters, facets and
	// doc values free of articles.
	article := bleve.NewDocumentStaticMapping()
	article.AddFieldMappingsAt("type", kw())
	for _, f := range []string{"url", "urls", "doi", "pmid", "pmcid"} {
		id := kw()
		id.DocValues = false
		article.AddFieldMappingsAt(f, id)
	}
	for _, f := range []string{"title", "text", "source", "authors", "journal", "site_name", "language", "mesh",
		"publication_types", "evidence", "concepts", "claim_ids", "content_hash", "taxonomy_version"} {
		article.AddFieldMappingsAt(f, storedOnly())
	}
	for _, f := range []string{"published", "fetched_at", "tagged_at"} {
		d := date()
		d.Index, d.DocValues = false, false
		article.AddFieldMappingsAt(f, d)
	}
	cc := num(false)
	article.AddFieldMappingsAt("claim_count", cc)
	tr := boolean()
	tr.Index, tr.DocValues = false, false
	article.AddFieldMappingsAt("truncated", tr)

	m := bleve.NewIndexMapping()
	m.TypeField = "type"
	m.DefaultAnalyzer = en.AnalyzerName
	m.AddDocumentMapping(typeClaim, claim)
	m.AddDocumentMapping(typeArticle, article)
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	return m
}

// addPairFields maps the fields of a claim's relation pairs (pairKeys) and
// its own evidence.
func addPairFields(claim *mapping.DocumentMapping, kw, storedOnly func() *mapping.FieldMapping) {
	claim.AddFieldMappingsAt("pair_keys", kw())
	claim.AddFieldMappingsAt("relations_json", storedOnly())
	claim.AddFieldMappingsAt("claim_evidence", kw())
}
