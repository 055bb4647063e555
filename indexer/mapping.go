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
// 5: no composite _all field (a query's default fields are searched each);
// doc values only for the fields that are sorted, faceted or read as doc
// values; fields no query names are stored only; pair keys are not stored.
// 6: the evidence map's key (mk) holds the claim's relation pairs, which
// the map counts instead of its co-mentioned concepts and its one
// relation (an index of mapping 5 has keys the map cannot read); claims
// get hidden (retracted, rejected: what search leaves out unless asked).
//
// A new stored-only article field (author_details) needs no new version:
// documents are built from this mapping's fields (see docBuilder), an index
// built before keeps what it stores, and readers treat the field as
// optional, so existing indexes need no rebuild. Likewise published_zone
// (claims and articles): the offset a publication date was written with,
// beside published, which now holds the date as written (see writtenClock).
// Documents indexed before keep a UTC instant and no offset, and read as
// they did; re-indexing them from articles that carry the offset gives the
// written date.
const mappingVersion = "6"

// Which fields need what. Indexing cost grows with every field a document
// has and every term it indexes, so each field has only what a reader of
// it needs:
//
//   - indexed: a query, filter or facet names it (query.go, qFields,
//     filters, hidden; pairs.go; review.go; inventory.go);
//   - doc values: sorted (cursor.go sortOrder: published, confidence, cid;
//     inventory.go: type), faceted (search.go facetSizes: concepts,
//     evidence, relation, status, source, year; inventory.go: article_id)
//     or read as doc values (map.go: mk; export.go: article_id);
//   - stored: shown or rebuilt from (search.go claimFields, review.go
//     reviewedFields, export.go).
//
// Term vectors (positions) are kept on the analysed text only, for phrase
// queries; highlighting does not read them (see highlight.go).
func newMapping() mapping.IndexMapping {
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = true
		f.IncludeTermVectors = true // positions, for phrase queries
		f.IncludeInAll = false
		f.DocValues = false // nothing sorts or facets on analysed text
		return f
	}
	// kw is a keyword field that is filtered on and stored, without doc
	// values.
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	// facet is a keyword field that is also faceted or sorted on.
	facet := func() *mapping.FieldMapping {
		f := kw()
		f.DocValues = true
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
	num := func(index, docValues bool) *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Index = index
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	boolean := func() *mapping.FieldMapping {
		f := bleve.NewBooleanFieldMapping()
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	date := func(index, docValues bool) *mapping.FieldMapping {
		f := bleve.NewDateTimeFieldMapping()
		f.Index = index
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	notStored := func(f *mapping.FieldMapping) *mapping.FieldMapping { f.Store = false; return f }

	// Fields nothing reads back are indexed, not stored: every stored field
	// is decoded for each hit a search returns.
	claim := bleve.NewDocumentStaticMapping()
	claim.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	claim.AddFieldMappingsAt("type", notStored(facet())) // sorted by inventory.go
	claim.AddFieldMappingsAt("text", text())
	claim.AddFieldMappingsAt("concepts", facet())
	claim.AddFieldMappingsAt("kinds", notStored(kw()))
	claim.AddFieldMappingsAt("relation", facet())
	claim.AddFieldMappingsAt("negated", boolean())
	claim.AddFieldMappingsAt("hedged", boolean())
	claim.AddFieldMappingsAt("evidence", facet())
	claim.AddFieldMappingsAt("section", kw())
	claim.AddFieldMappingsAt("article_id", facet())
	claim.AddFieldMappingsAt("article_title", text())
	claim.AddFieldMappingsAt("article_url", storedOnly())
	claim.AddFieldMappingsAt("published", date(true, true))
	claim.AddFieldMappingsAt("published_zone", storedOnly())
	claim.AddFieldMappingsAt("source", facet()) // stored: a decision rebuilds the claim's document from it
	claim.AddFieldMappingsAt("start", num(false, false))
	claim.AddFieldMappingsAt("end", num(false, false))
	claim.AddFieldMappingsAt("taxonomy_version", storedOnly())
	claim.AddFieldMappingsAt("confidence", num(true, true))
	claim.AddFieldMappingsAt("year", notStored(facet()))
	claim.AddFieldMappingsAt("abbrevs", kw())
	claim.AddFieldMappingsAt("cid", notStored(facet()))
	claim.AddFieldMappingsAt("mk", notStored(facet()))
	claim.AddFieldMappingsAt("hidden", notStored(kw()))
	claim.AddFieldMappingsAt("status", facet())
	claim.AddFieldMappingsAt("flagged", boolean())
	claim.AddFieldMappingsAt("retracted", boolean())
	claim.AddFieldMappingsAt("curator", storedOnly())
	claim.AddFieldMappingsAt("reviewed_at", date(false, false))
	claim.AddFieldMappingsAt("reason", storedOnly())
	claim.AddFieldMappingsAt("review_note", storedOnly())
	claim.AddFieldMappingsAt("review_version", num(true, false))
	claim.AddFieldMappingsAt("machine", storedOnly())
	claim.AddFieldMappingsAt("review_log", storedOnly())
	addPairFields(claim, kw, storedOnly)

	// Article documents are only ever fetched by id (and their identifiers
	// looked up), so their other fields are stored, not indexed: the
	// fields they share with claims (concepts, evidence, source,
	// published) then hold claims only, which keeps filters, facets and
	// doc values free of articles.
	article := bleve.NewDocumentStaticMapping()
	article.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	article.AddFieldMappingsAt("type", facet())
	for _, f := range []string{"url", "urls", "doi", "pmid", "pmcid"} {
		article.AddFieldMappingsAt(f, kw())
	}
	for _, f := range []string{"title", "text", "source", "authors", "author_details", "journal", "site_name", "language", "mesh", "published_zone",
		"publication_types", "evidence", "concepts", "claim_ids", "content_hash", "taxonomy_version"} {
		article.AddFieldMappingsAt(f, storedOnly())
	}
	for _, f := range []string{"published", "fetched_at", "tagged_at"} {
		article.AddFieldMappingsAt(f, date(false, false))
	}
	article.AddFieldMappingsAt("claim_count", num(false, false))
	tr := boolean()
	tr.Index = false
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
	keys := kw()
	keys.Store = false // selected on, never shown (relations_json is)
	claim.AddFieldMappingsAt("pair_keys", keys)
	claim.AddFieldMappingsAt("relations_json", storedOnly())
	claim.AddFieldMappingsAt("claim_evidence", storedOnly())
}
