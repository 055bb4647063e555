package indexer

import (
	"fmt"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// Claim and article documents are built field by field and given to bleve
// whole (Batch.IndexAdvanced), not walked by bleve's reflection over the
// structs: indexing costs per field of every document (segment building,
// stored fields, doc sizes), and reflection adds a field for every struct
// member, empty or not, with array positions for every list. Here a field
// without a value is left out (an empty string, a nil time, a zero review
// version), and lists carry no array positions (nothing reads them).
// Booleans, the status and the confidence are always there, since queries
// select on false (negated:false) and sort on the confidence.
//
// The mapping (newMapping) stays the one description of each field: the
// builder takes each field's options and analyser from it, and a field the
// mapping does not have is an error.

// fieldSpec is how a field of one document type is indexed.
type fieldSpec struct {
	typ      string // "text", "number", "datetime", "boolean"
	options  index.FieldIndexingOptions
	analyzer analysis.Analyzer
}

// mappedFields are the fields of each document type of newMapping.
var mappedFields = sync.OnceValue(func() map[string]map[string]fieldSpec {
	m := newMapping().(*mapping.IndexMappingImpl)
	out := map[string]map[string]fieldSpec{}
	for typ, dm := range m.TypeMapping {
		fields := map[string]fieldSpec{}
		for name, prop := range dm.Properties {
			if len(prop.Fields) != 1 {
				continue // _all, disabled
			}
			fm := prop.Fields[0]
			an := fm.Analyzer
			if an == "" {
				an = m.DefaultAnalyzer
			}
			fields[name] = fieldSpec{typ: fm.Type, options: fm.Options(), analyzer: m.AnalyzerNamed(an)}
		}
		out[typ] = fields
	}
	return out
})

// docBuilder builds one document; the first error (a field the mapping
// does not have, or of another type) is kept for doc.
type docBuilder struct {
	doc    *document.Document
	typ    string
	fields map[string]fieldSpec
	err    error
}

func newDocBuilder(typ, id string) *docBuilder {
	return &docBuilder{doc: document.NewDocument(id), typ: typ, fields: mappedFields()[typ]}
}

func (b *docBuilder) spec(name, typ string) (fieldSpec, bool) {
	s, ok := b.fields[name]
	if !ok || s.typ != typ {
		if b.err == nil {
			b.err = fmt.Errorf("indexer: %s field %q is not mapped as %s", b.typ, name, typ)
		}
		return s, false
	}
	return s, true
}

// str adds a text or keyword value; an empty one is left out.
func (b *docBuilder) str(name, v string) {
	if v == "" {
		return
	}
	if s, ok := b.spec(name, "text"); ok {
		b.doc.AddField(document.NewTextFieldCustom(name, nil, []byte(v), s.options, s.analyzer))
	}
}

func (b *docBuilder) strs(name string, vs []string) {
	for _, v := range vs {
		b.str(name, v)
	}
}

func (b *docBuilder) num(name string, v float64) {
	if s, ok := b.spec(name, "number"); ok {
		b.doc.AddField(document.NewNumericFieldWithIndexingOptions(name, nil, v, s.options))
	}
}

func (b *docBuilder) boolean(name string, v bool) {
	if s, ok := b.spec(name, "boolean"); ok {
		b.doc.AddField(document.NewBooleanFieldWithIndexingOptions(name, nil, v, s.options))
	}
}

// date adds a time; nil is left out. RFC 3339 is the layout bleve's
// mapping gives a time.Time.
func (b *docBuilder) date(name string, t *time.Time) {
	if t == nil {
		return
	}
	if s, ok := b.spec(name, "datetime"); ok {
		f, err := document.NewDateTimeFieldWithIndexingOptions(name, nil, *t, time.RFC3339, s.options)
		if err != nil {
			if b.err == nil {
				b.err = fmt.Errorf("indexer: %s field %q: %w", b.typ, name, err)
			}
			return
		}
		b.doc.AddField(f)
	}
}

func (b *docBuilder) done() (*document.Document, error) {
	if b.err != nil {
		return nil, b.err
	}
	b.doc.SetIndexed()
	return b.doc, nil
}

// writtenClock gives the publication date to index and the offset to store
// beside it. A publisher's date is the calendar date it wrote:
// "2023-12-31T22:00:00-05:00" was published on 31 December 2023, although
// it is 1 January 2024 in UTC. bleve keeps a date as an instant, so the
// indexed published field holds the time as written read as UTC (its wall
// clock): the year facet, the date filters (whose bounds are UTC days) and
// the sort then see the written date. The offset ("-05:00"; empty for UTC)
// is stored only, so that readers (publishedField) give back the time as
// written. An index built before this field keeps UTC instants without an
// offset, which read as they did.
func writtenClock(t *time.Time) (*time.Time, string) {
	if t == nil {
		return nil, ""
	}
	_, off := t.Zone()
	w := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	if off == 0 {
		return &w, ""
	}
	return &w, t.Format("-07:00")
}

// publishedField reads the publication date of stored fields (published
// and published_zone, see writtenClock) back as written.
func publishedField(f map[string]any) time.Time {
	t := timeField(f["published"])
	zone, _ := f["published_zone"].(string)
	if t.IsZero() || zone == "" {
		return t
	}
	z, err := time.Parse("-07:00", zone)
	if err != nil {
		return t
	}
	_, off := z.Zone()
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone("", off))
}

// date adds the publication date as written (see writtenClock).
func (b *docBuilder) published(t *time.Time) {
	w, zone := writtenClock(t)
	b.date("published", w)
	b.str("published_zone", zone)
}

// document is the claim's bleve document.
func (d *claimDoc) document(id string) (*document.Document, error) {
	b := newDocBuilder(typeClaim, id)
	b.str("type", typeClaim)
	b.str("text", d.Text)
	b.strs("concepts", d.Concepts)
	b.strs("kinds", d.Kinds)
	b.str("relation", d.Relation)
	b.boolean("negated", d.Negated)
	b.boolean("hedged", d.Hedged)
	b.str("evidence", d.Evidence)
	b.str("section", d.Section)
	b.str("article_id", d.ArticleID)
	b.str("article_title", d.ArticleTitle)
	b.str("article_url", d.ArticleURL)
	b.published(d.Published)
	b.str("source", d.Source)
	if d.Start != 0 {
		b.num("start", float64(d.Start))
	}
	if d.End != 0 {
		b.num("end", float64(d.End))
	}
	b.str("taxonomy_version", d.TaxonomyVersion)
	b.num("confidence", d.Confidence)
	b.str("status", d.Status)
	b.boolean("flagged", d.Flagged)
	b.boolean("retracted", d.Retracted)
	b.str("curator", d.Curator)
	b.date("reviewed_at", d.ReviewedAt)
	b.str("reason", d.Reason)
	b.str("review_note", d.ReviewNote)
	if d.ReviewVersion != 0 { // selected on >= 1 only (reviewedClaims)
		b.num("review_version", float64(d.ReviewVersion))
	}
	b.str("machine", d.Machine)
	b.str("review_log", d.ReviewLog)
	b.strs("pair_keys", d.PairKeys)
	b.str("relations_json", d.RelationsJSON)
	b.str("claim_evidence", d.ClaimEvidence)
	b.strs("abbrevs", d.Abbrevs)
	b.str("year", d.Year)
	b.str("cid", d.CID)
	b.str("mk", d.MK)
	b.strs("hidden", d.Hidden)
	return b.done()
}

// document is the article's bleve document.
func (d *articleDoc) document(id string) (*document.Document, error) {
	b := newDocBuilder(typeArticle, id)
	b.str("type", typeArticle)
	b.str("title", d.Title)
	b.str("text", d.Text)
	b.str("url", d.URL)
	b.strs("urls", d.URLs)
	b.str("source", d.Source)
	b.strs("authors", d.Authors)
	b.str("author_details", d.AuthorDetails)
	b.str("journal", d.Journal)
	b.str("site_name", d.SiteName)
	b.str("language", d.Language)
	b.published(d.Published)
	b.str("doi", d.DOI)
	b.str("pmid", d.PMID)
	b.str("pmcid", d.PMCID)
	b.strs("mesh", d.MeSH)
	b.strs("publication_types", d.PublicationTypes)
	b.str("evidence", d.Evidence)
	b.strs("concepts", d.Concepts)
	b.strs("claim_ids", d.ClaimIDs)
	b.num("claim_count", float64(d.ClaimCount))
	if d.Truncated {
		b.boolean("truncated", true)
	}
	b.str("content_hash", d.ContentHash)
	b.date("fetched_at", d.FetchedAt)
	b.date("tagged_at", d.TaggedAt)
	b.str("taxonomy_version", d.TaxonomyVersion)
	return b.done()
}

// indexable is a document Lumen builds (claimDoc, articleDoc).
type indexable interface {
	document(id string) (*document.Document, error)
}

// indexDoc adds d to the batch under id.
func indexDoc(b *bleve.Batch, id string, d indexable) error {
	doc, err := d.document(id)
	if err != nil {
		return err
	}
	return b.IndexAdvanced(doc)
}
