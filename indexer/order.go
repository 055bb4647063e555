package indexer

import (
	"cmp"
	"container/heap"
	"math/bits"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	index "github.com/blevesearch/bleve_index_api"
)

// Pages in relevance order are ordered by score, highest first, then by
// document id ("c-" and the claim id), whether reached by from= or by a
// cursor (see cursor). bleve can sort by [-_score, _id] itself, but it
// then reads the id of every hit: at 100,000 claims (lumen bench search)
// the p50 of a one-term search went from 2.9-3.1x bleve's to 4.6-5.0x, of
// two terms to 5.1-5.3x, of browsing with a facet from 1.6x to 2.4x, past
// every target. relevancePage reads ids only where they decide something
// (3.5-3.7x, 2.7-3.0x and 1.6-1.7x in the same runs; docs/PERFORMANCE.md):
//
//   - scored hits are kept in a heap of the best from+size so far by score
//     alone, and the hits tied with the lowest score kept are noted by
//     document number; at the end, only the ids of that tie (and of hits
//     tied with a cursor's score) are read, to choose among it;
//   - unscored hits (every hit ties) are noted by document number only; the
//     page is then the first hits in the index's dictionary of ids (in id
//     order, after the cursor's), or, where too few of the ids there are
//     hits (a narrow filter), the smallest ids among the hits, read.
//
// It is a document-match handler (bleve's MakeDocumentMatchHandler hook):
// bleve still counts the total and the facets over every hit; the page's
// hits are handed to bleve's own top-N store at the end, numbered in this
// order (HitNumber breaks ties there), so that bleve applies from and
// reads them as usual.
type relevancePage struct {
	k       int       // hits to keep: from + size
	byScore bool      // false: every hit ties (unscored)
	after   *orderKey // a cursor's last hit: keep only hits after it

	sctx  *search.SearchContext
	inner search.DocumentMatchHandler
	err   error

	best hitHeap  // byScore: the best k so far by score alone, worst first
	tied []uint64 // byScore: document numbers of other hits with the lowest score in best

	nums   []uint64 // !byScore: the hits' document numbers, a bitset
	hits   int
	score  float64 // !byScore: the score every hit has
	scored bool    // score is set
}

// orderKey is a hit's place in relevance order.
type orderKey struct {
	score float64
	id    string // document id
}

// maker makes the page's document-match handler (a
// search.MakeDocumentMatchHandler, for searchWithFields), around bleve's
// top-N handler, which it hands the page at the end.
func (p *relevancePage) maker(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
	inner, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
	if err != nil || inner == nil {
		return inner, loadID, err
	}
	p.sctx, p.inner = sctx, inner
	p.best.less = func(a, b *search.DocumentMatch) bool { // worse by score, then later
		if a.Score != b.Score {
			return a.Score < b.Score
		}
		return a.HitNumber > b.HitNumber
	}
	return p.handle, false, nil
}

func (p *relevancePage) handle(d *search.DocumentMatch) error {
	if p.err != nil {
		return p.err
	}
	if d == nil {
		return p.finish()
	}
	if p.byScore {
		p.addScored(d)
	} else {
		p.addUnscored(d)
	}
	return p.err
}

// id reads a hit's document id, once.
func (p *relevancePage) id(d *search.DocumentMatch) string {
	if d.ID == "" && p.err == nil {
		d.ID, p.err = p.sctx.IndexReader.ExternalID(d.IndexInternalID)
	}
	return d.ID
}

// worse reports whether a comes after b in relevance order.
func (p *relevancePage) worse(a, b *search.DocumentMatch) bool {
	if a.Score != b.Score {
		return a.Score < b.Score
	}
	return p.id(a) > p.id(b)
}

// addScored keeps the k best hits by score alone (bleve's order: the
// earlier hit first among equals), and the other hits with the lowest
// score kept (tied), by document number, for finish to choose among by id.
func (p *relevancePage) addScored(d *search.DocumentMatch) {
	if a := p.after; a != nil && d.Score >= a.score && (d.Score > a.score || p.id(d) <= a.id) {
		p.sctx.DocumentMatchPool.Put(d) // on an earlier page
		return
	}
	if len(p.best.hits) < p.k {
		heap.Push(&p.best, d)
		return
	}
	low := p.best.hits[0].Score
	switch {
	case d.Score < low:
		p.sctx.DocumentMatchPool.Put(d)
	case d.Score == low:
		p.tied = append(p.tied, d.IndexInternalID.Value())
		p.sctx.DocumentMatchPool.Put(d)
	default:
		out := p.best.hits[0]
		p.best.hits[0] = d
		heap.Fix(&p.best, 0)
		if p.best.hits[0].Score > low {
			p.tied = p.tied[:0] // the tie is out of the page
		} else {
			p.tied = append(p.tied, out.IndexInternalID.Value())
		}
		p.sctx.DocumentMatchPool.Put(out)
	}
}

// finishScored orders the kept hits by score and id: the hits with the
// lowest score kept tie with those set aside (tied), and the smallest ids
// among them all take their places.
func (p *relevancePage) finishScored() []*search.DocumentMatch {
	hits := p.best.hits
	if len(hits) == 0 {
		return nil
	}
	low := hits[0].Score
	var above, at []*search.DocumentMatch
	for _, d := range hits {
		if d.Score > low {
			above = append(above, d)
		} else {
			at = append(at, d)
		}
	}
	places := len(at)
	for _, num := range p.tied {
		d := p.sctx.DocumentMatchPool.Get()
		d.IndexInternalID = index.NewIndexInternalID(d.IndexInternalID, num)
		d.Score = low
		at = append(at, d)
	}
	for _, d := range at {
		p.id(d)
	}
	if p.err != nil {
		return nil
	}
	slices.SortFunc(at, func(a, b *search.DocumentMatch) int { return strings.Compare(a.ID, b.ID) })
	for _, d := range at[places:] {
		p.sctx.DocumentMatchPool.Put(d)
	}
	slices.SortFunc(above, func(a, b *search.DocumentMatch) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return strings.Compare(p.id(a), p.id(b))
	})
	return append(above, at[:places]...)
}

func (p *relevancePage) addUnscored(d *search.DocumentMatch) {
	n := d.IndexInternalID.Value()
	for uint64(len(p.nums))*64 <= n {
		p.nums = append(p.nums, 0)
	}
	p.nums[n/64] |= 1 << (n % 64)
	p.hits++
	if !p.scored {
		p.score, p.scored = d.Score, true
	}
	p.sctx.DocumentMatchPool.Put(d)
}

func (p *relevancePage) isHit(n uint64) bool {
	return n/64 < uint64(len(p.nums)) && p.nums[n/64]&(1<<(n%64)) != 0
}

// finish hands the page's hits to bleve's store, in order.
func (p *relevancePage) finish() error {
	var ordered []*search.DocumentMatch
	if p.byScore {
		ordered = p.finishScored()
	} else {
		ordered = p.firstUnscored()
	}
	if p.err != nil {
		return p.err
	}
	for i, d := range ordered {
		d.HitNumber = uint64(i + 1)
		if err := p.inner(d); err != nil {
			return err
		}
	}
	return p.inner(nil)
}

// dictionaryWalk bounds the ids looked up in the dictionary, per hit
// wanted, before the hits' own ids are read instead: a lookup costs a few
// reads of an id, and a walk that meets few hits (a narrow filter) would
// look up many ids for each.
const dictionaryWalk = 4

// firstUnscored returns the k hits with the smallest ids (after the
// cursor's), each hit tied with every other.
func (p *relevancePage) firstUnscored() []*search.DocumentMatch {
	if p.hits == 0 {
		return nil
	}
	r := p.sctx.IndexReader
	newHit := func(num uint64, id string) *search.DocumentMatch {
		d := p.sctx.DocumentMatchPool.Get()
		d.IndexInternalID = index.NewIndexInternalID(d.IndexInternalID, num)
		d.ID, d.Score = id, p.score
		return d
	}
	// The walk is worth it when hits are dense among the claims: budget
	// the lookups by what reading every hit's id would cost.
	if budget := p.hits / dictionaryWalk; budget >= p.k {
		start := []byte(claimDocID(""))
		if p.after != nil {
			start = []byte(p.after.id)
		}
		if out, ok := p.walk(r, start, budget, newHit); ok || p.err != nil {
			return out
		}
	}
	// Read the id of every hit after the cursor; keep the k smallest.
	h := hitHeap{less: p.worse}
	for w, word := range p.nums {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &^= 1 << b
			num := uint64(w)*64 + uint64(b)
			id, err := r.ExternalID(index.NewIndexInternalID(nil, num))
			if err != nil {
				p.err = err
				return nil
			}
			if p.after != nil && id <= p.after.id {
				continue
			}
			if len(h.hits) < p.k {
				heap.Push(&h, newHit(num, id))
			} else if id < h.hits[0].ID {
				h.hits[0].ID = id
				h.hits[0].IndexInternalID = index.NewIndexInternalID(h.hits[0].IndexInternalID, num)
				heap.Fix(&h, 0)
			}
		}
	}
	best := make([]*search.DocumentMatch, len(h.hits))
	for i := len(best) - 1; i >= 0; i-- {
		best[i] = heap.Pop(&h).(*search.DocumentMatch)
	}
	return best
}

// walk goes through the claims' ids in order from start (excluded) and
// keeps the first k hits, looking up at most budget ids; ok is false when
// the budget ran out first.
func (p *relevancePage) walk(r index.IndexReader, start []byte, budget int, newHit func(uint64, string) *search.DocumentMatch) (out []*search.DocumentMatch, ok bool) {
	dict, err := r.FieldDictRange("_id", start, []byte(claimDocID("\xff")))
	if err != nil {
		p.err = err
		return nil, false
	}
	defer dict.Close()
	var got []*search.DocumentMatch
	drop := func() {
		for _, d := range got {
			p.sctx.DocumentMatchPool.Put(d)
		}
	}
	for looked := 0; len(got) < p.k; looked++ {
		e, err := dict.Next()
		if err != nil {
			drop()
			p.err = err
			return nil, false
		}
		if e == nil {
			if looked == 0 && len(got) == 0 {
				return nil, false // no dictionary to walk (or nothing in it): read the hits
			}
			return got, true // every claim after start was looked at
		}
		if p.after != nil && e.Term == p.after.id {
			continue
		}
		if looked >= budget {
			drop()
			return nil, false
		}
		iid, err := r.InternalID(e.Term)
		if err != nil {
			drop()
			p.err = err
			return nil, false
		}
		if iid == nil || !p.isHit(iid.Value()) {
			continue
		}
		got = append(got, newHit(iid.Value(), e.Term))
	}
	return got, true
}

// hitHeap holds hits worst first.
type hitHeap struct {
	less func(a, b *search.DocumentMatch) bool // a is worse than b
	hits []*search.DocumentMatch
}

func (h *hitHeap) Len() int           { return len(h.hits) }
func (h *hitHeap) Less(i, j int) bool { return h.less(h.hits[i], h.hits[j]) }
func (h *hitHeap) Swap(i, j int)      { h.hits[i], h.hits[j] = h.hits[j], h.hits[i] }
func (h *hitHeap) Push(x any)         { h.hits = append(h.hits, x.(*search.DocumentMatch)) }
func (h *hitHeap) Pop() any {
	d := h.hits[len(h.hits)-1]
	h.hits = h.hits[:len(h.hits)-1]
	return d
}
