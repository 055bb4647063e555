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
const mappingVersion = "3" // 2: review state; 3: relation pairs and claim evidence of claims

func newMapping() mapping.IndexMapping {
	text := func(includeInAll bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = true
		f.IncludeTermVectors = true // for highlighting
		f.IncludeInAll = includeInAll
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

	claim := bleve.NewDocumentStaticMapping()
	claim.AddFieldMappingsAt("type", kw())
	claim.AddFieldMappingsAt("text", text(true))
	claim.AddFieldMappingsAt("concepts", kw())
	claim.AddFieldMappingsAt("kinds", kw())
	claim.AddFieldMappingsAt("relation", kw())
	claim.AddFieldMappingsAt("negated", boolean())
	claim.AddFieldMappingsAt("hedged", boolean())
	claim.AddFieldMappingsAt("evidence", kw())
	claim.AddFieldMappingsAt("section", kw())
	claim.AddFieldMappingsAt("article_id", kw())
	claim.AddFieldMappingsAt("article_title", text(true))
	claim.AddFieldMappingsAt("article_url", storedOnly())
	claim.AddFieldMappingsAt("published", date())
	claim.AddFieldMappingsAt("source", kw())
	claim.AddFieldMappingsAt("start", num(false))
	claim.AddFieldMappingsAt("end", num(false))
	claim.AddFieldMappingsAt("taxonomy_version", kw())
	claim.AddFieldMappingsAt("confidence", num(true))
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

	article := bleve.NewDocumentStaticMapping()
	article.AddFieldMappingsAt("type", kw())
	article.AddFieldMappingsAt("title", text(false))
	article.AddFieldMappingsAt("text", text(false))
	article.AddFieldMappingsAt("url", kw())
	article.AddFieldMappingsAt("urls", kw())
	article.AddFieldMappingsAt("source", kw())
	article.AddFieldMappingsAt("authors", text(false))
	article.AddFieldMappingsAt("journal", kw())
	article.AddFieldMappingsAt("site_name", storedOnly())
	article.AddFieldMappingsAt("language", kw())
	article.AddFieldMappingsAt("published", date())
	article.AddFieldMappingsAt("doi", kw())
	article.AddFieldMappingsAt("pmid", kw())
	article.AddFieldMappingsAt("pmcid", kw())
	article.AddFieldMappingsAt("mesh", kw())
	article.AddFieldMappingsAt("publication_types", kw())
	article.AddFieldMappingsAt("evidence", kw())
	article.AddFieldMappingsAt("concepts", kw())
	article.AddFieldMappingsAt("claim_ids", storedOnly())
	article.AddFieldMappingsAt("claim_count", num(true))
	article.AddFieldMappingsAt("truncated", boolean())
	article.AddFieldMappingsAt("content_hash", storedOnly())
	article.AddFieldMappingsAt("fetched_at", date())
	article.AddFieldMappingsAt("tagged_at", date())
	article.AddFieldMappingsAt("taxonomy_version", kw())

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
