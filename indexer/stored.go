package indexer

import (
	"context"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	index "github.com/blevesearch/bleve_index_api"
)

// Reading a hit's stored fields through bleve (SearchRequest.Fields, or
// IndexReader.Document) first finds the document by its id in every
// segment of the index; the hit already names its document by number. The
// search's own snapshot is kept (scorch's AddRef) through the search, so
// that the numbers stay valid, and the fields are read from the segment
// directly. Where the index is not scorch, Document(id) is the fallback.

// storedReader reads stored fields by internal document number on one
// scorch snapshot.
type storedReader struct {
	snap    *scorch.IndexSnapshot
	segs    []*scorch.SegmentSnapshot
	offsets []uint64 // first global document number of each segment
}

func newStoredReader(r index.IndexReader) *storedReader {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil
	}
	sr := &storedReader{snap: snap, segs: snap.Segments()}
	var running uint64
	for _, s := range sr.segs {
		sr.offsets = append(sr.offsets, running)
		running += s.Segment().Count()
	}
	return sr
}

// document reads the stored fields of the document numbered by id, and
// its external id; nil when the number is outside the snapshot.
func (sr *storedReader) document(id index.IndexInternalID) (*document.Document, error) {
	num := id.Value()
	i := sort.Search(len(sr.offsets), func(x int) bool { return sr.offsets[x] > num }) - 1
	if i < 0 {
		return nil, nil
	}
	var fields []document.Field
	var extID string
	err := sr.segs[i].VisitDocument(num-sr.offsets[i], func(name string, typ byte, val []byte, pos []uint64) bool {
		if name == "_id" {
			extID = string(val)
			return true
		}
		value := append([]byte(nil), val...)
		arrayPos := append([]uint64(nil), pos...)
		switch typ {
		case 't':
			fields = append(fields, document.NewTextField(name, arrayPos, value))
		case 'n':
			fields = append(fields, document.NewNumericFieldFromBytes(name, arrayPos, value))
		case 'd':
			fields = append(fields, document.NewDateTimeFieldFromBytes(name, arrayPos, value))
		case 'b':
			fields = append(fields, document.NewBooleanFieldFromBytes(name, arrayPos, value))
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	doc := document.NewDocument(extID)
	for _, f := range fields {
		doc.AddField(f)
	}
	return doc, nil
}

// searchWithFields runs req (whose Fields it clears) and fills each hit's
// Fields with the stored fields named, read from the snapshot the search
// ran on. collect, when not nil, collects the hits instead of bleve's
// top-N handler (relevancePage).
func (ix *Index) searchWithFields(ctx context.Context, req *bleve.SearchRequest, fields []string, collect search.MakeDocumentMatchHandler) (*bleve.SearchResult, error) {
	var sr *storedReader
	if collect == nil {
		collect = collector.MakeTopNDocumentMatchHandler
	}
	maker := search.MakeDocumentMatchHandler(func(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		if sr == nil {
			if s := newStoredReader(sctx.IndexReader); s != nil {
				s.snap.AddRef() // keep it past the search
				sr = s
			}
		}
		return collect(sctx)
	})
	req.Fields = nil
	res, err := ix.run(context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, maker), req)
	if sr != nil {
		defer sr.snap.DecRef()
	}
	if err != nil {
		return nil, err
	}
	want := make(map[string]bool, len(fields))
	for _, f := range fields {
		want[f] = true
	}
	var fallback index.IndexReader
	for _, h := range res.Hits {
		var doc index.Document
		if sr != nil && h.IndexInternalID != nil {
			d, err := sr.document(h.IndexInternalID)
			if err != nil {
				return nil, err
			}
			if d != nil && d.ID() == h.ID {
				doc = d
			}
		}
		if doc == nil {
			if fallback == nil {
				adv, err := ix.idx.Advanced()
				if err != nil {
					return nil, err
				}
				if fallback, err = adv.Reader(); err != nil {
					return nil, err
				}
				defer fallback.Close()
			}
			if doc, err = fallback.Document(h.ID); err != nil {
				return nil, err
			}
		}
		if doc == nil {
			continue
		}
		f := storedFields(doc)
		for k := range f {
			if !want[k] {
				delete(f, k)
			}
		}
		h.Fields = f
	}
	return res, nil
}
