package indexer

import (
	"context"
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/lumen-research/lumen"
)

// checkEvery is how many documents a scan reads between looks at its context.
const checkEvery = 1024

// scan calls fn with every document the query matches, unscored, in index
// order, on one snapshot of the index. fn gets the reader to look the
// document up. It stops at the first error of fn or when ctx is done.
func (ix *Index) scan(ctx context.Context, cq *compiled, fn func(r index.IndexReader, d *search.DocumentMatch) error) error {
	adv, err := ix.idx.Advanced()
	if err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	defer r.Close()
	q := cq.query
	if cq.scanQuery != nil {
		q = cq.scanQuery
	}
	s, err := q.Searcher(ctx, r, ix.idx.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return lumen.Invalidf("q", "%v", err)
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for n := 0; ; n++ {
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		d, err := s.Next(sctx)
		if err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		if d == nil {
			return nil
		}
		if err := fn(r, d); err != nil {
			return err
		}
		sctx.DocumentMatchPool.Put(d)
	}
}

// EvidenceMap counts the claims q.Claims selects by a concept of kind
// q.Rows and one of kind q.Cols (and every broader concept of the same
// kinds): see lumen.EvidenceMap. Rows and columns come with their ids and
// claim counts, most claims first; labels and the hierarchy are the
// caller's to add.
func (ix *Index) EvidenceMap(ctx context.Context, q lumen.MapQuery) (lumen.EvidenceMap, error) {
	var out lumen.EvidenceMap
	for _, k := range []struct{ name, kind string }{{"rows", q.Rows}, {"cols", q.Cols}} {
		switch k.kind {
		case lumen.KindCondition, lumen.KindMechanism, lumen.KindIntervention:
		default:
			return out, lumen.Invalidf(k.name, "%q is not one of condition, mechanism, intervention", k.kind)
		}
	}
	if q.Rows == q.Cols {
		return out, lumen.Invalidf("cols", "must be another kind than rows")
	}
	cq := q.Claims
	cq.Kinds = append(slices.Clone(cq.Kinds), q.Rows, q.Cols)
	c, err := ix.compile(cq)
	if err != nil {
		return out, err
	}
	if c.empty {
		return emptyMap(), nil
	}
	m := newMapper(ix.vocabulary(), q.Rows, q.Cols)
	err = ix.scan(ctx, c, func(r index.IndexReader, d *search.DocumentMatch) error {
		if m.dvr == nil {
			var err error
			if m.dvr, err = r.DocValueReader([]string{"mk"}); err != nil {
				return fmt.Errorf("evidence map: %w", err)
			}
		}
		return m.dvr.VisitDocValues(d.IndexInternalID, m.visit)
	})
	if err != nil {
		return out, err
	}
	return m.result(), nil
}

func emptyMap() lumen.EvidenceMap {
	return lumen.EvidenceMap{Rows: []lumen.MapAxis{}, Cols: []lumen.MapAxis{}, Cells: []lumen.MapCell{}}
}

// mapper accumulates an evidence map, one claim at a time. It runs once per
// matching claim (100,000 of them for a map of everything), so it works
// out what a combination of attributes, or of concepts, means once (there
// are a few hundred of each), interns article ids as small integers, keys
// cells by a pair of concept indexes, and keeps each cell's distinct
// articles in a bitset.
type mapper struct {
	vocab      Vocabulary
	rows, cols string
	dvr        index.DocValueReader

	ids      map[string]int32 // concept id -> index into concepts
	concepts []mapConcept
	attrs    map[string]*attrInfo   // attrs part of a map key -> meaning
	combos   map[string]*conceptSet // concepts part of a map key -> rows and columns
	vals     []string               // relation and evidence values, by index
	valIdx   map[string]int
	arts     map[string]int32 // article id prefix -> index
	cells    map[uint64]*cellAgg
	seenArt  []uint64 // articles with a claim on the map
	claims   int
}

type mapConcept struct {
	id      string
	kind    byte    // 'r' row kind, 'c' column kind, 0 other
	lineage []int32 // itself and its broader concepts of the same kind
	claims  int
}

// attrInfo is what a combination of relation, flags, evidence and status
// adds to a cell.
type attrInfo struct {
	mapAttrs
	rel, ev              int // indexes into vals (-1: none)
	accepted, rejected   bool
	supports, contradict bool
}

// conceptSet is the row and column concepts a combination of concepts
// counts in (with their broader concepts), and the cells of their pairs.
type conceptSet struct {
	rs, cs []int32
	cells  []*cellAgg
}

type cellAgg struct {
	lumen.MapCell
	articles  []uint64 // bitset over article indexes
	relations [32]int  // by index into mapper.vals
	evidence  [32]int
}

func newMapper(v Vocabulary, rows, cols string) *mapper {
	return &mapper{vocab: v, rows: rows, cols: cols, ids: map[string]int32{}, attrs: map[string]*attrInfo{},
		combos: map[string]*conceptSet{}, valIdx: map[string]int{}, arts: map[string]int32{}, cells: map[uint64]*cellAgg{}}
}

// concept interns a concept id, working out its kind and lineage once.
func (m *mapper) concept(id string) int32 {
	if i, ok := m.ids[id]; ok {
		return i
	}
	i := int32(len(m.concepts))
	m.ids[id] = i
	c := mapConcept{id: id}
	switch lumen.ConceptKind(id) {
	case m.rows:
		c.kind = 'r'
	case m.cols:
		c.kind = 'c'
	}
	m.concepts = append(m.concepts, c)
	if c.kind != 0 {
		lineage := []int32{i}
		if m.vocab != nil {
			for _, a := range m.vocab.Ancestors(id) {
				if lumen.ConceptKind(a) == lumen.ConceptKind(id) {
					lineage = append(lineage, m.concept(a))
				}
			}
		}
		m.concepts[i].lineage = lineage
	}
	return i
}

func (m *mapper) combo(b []byte) *conceptSet {
	if cs, ok := m.combos[string(b)]; ok {
		return cs
	}
	set := &conceptSet{}
	for _, c := range strings.Split(string(b), ",") {
		if c == "" {
			continue
		}
		k := m.concept(c)
		switch m.concepts[k].kind {
		case 'r':
			set.rs = appendNew(set.rs, m.concepts[k].lineage...)
		case 'c':
			set.cs = appendNew(set.cs, m.concepts[k].lineage...)
		}
	}
	for _, r := range set.rs {
		for _, c := range set.cs {
			k := uint64(r)<<32 | uint64(c)
			cell := m.cells[k]
			if cell == nil {
				cell = &cellAgg{MapCell: lumen.MapCell{Row: m.concepts[r].id, Col: m.concepts[c].id}}
				m.cells[k] = cell
			}
			set.cells = append(set.cells, cell)
		}
	}
	m.combos[string(b)] = set
	return set
}

// val indexes a relation or evidence value; a cell counts the first 32
// (there are 15); more would mean a malformed index and are not counted.
func (m *mapper) val(v string) int {
	if v == "" {
		return -1
	}
	if i, ok := m.valIdx[v]; ok {
		return i
	}
	i := len(m.vals)
	m.vals = append(m.vals, v)
	m.valIdx[v] = i
	return i
}

func (m *mapper) attr(b []byte) *attrInfo {
	if a, ok := m.attrs[string(b)]; ok {
		return a
	}
	ma, ok := parseMapAttrs(string(b))
	if !ok {
		m.attrs[string(b)] = nil
		return nil
	}
	a := &attrInfo{mapAttrs: ma, rel: m.val(ma.relation), ev: m.val(ma.evidence),
		accepted: ma.status == lumen.StatusAccepted || ma.status == lumen.StatusCorrected,
		rejected: ma.status == lumen.StatusRejected}
	a.contradict = ma.negated || ma.relation == lumen.RelationNoEffect
	a.supports = !a.contradict && ma.relation != ""
	m.attrs[string(b)] = a
	return a
}

func (m *mapper) article(b []byte) int32 {
	if i, ok := m.arts[string(b)]; ok {
		return i
	}
	i := int32(len(m.arts))
	m.arts[string(b)] = i
	return i
}

func setBit(bs []uint64, i int32) ([]uint64, bool) {
	w := int(i >> 6)
	if w >= len(bs) {
		bs = append(bs, make([]uint64, w+1-len(bs))...)
	}
	bit := uint64(1) << (i & 63)
	if bs[w]&bit != 0 {
		return bs, false
	}
	bs[w] |= bit
	return bs, true
}

// visit counts one claim, from its map key (see mapKey).
func (m *mapper) visit(field string, term []byte) {
	ab, artb, cb, ok := splitMapKey(term)
	if !ok {
		return
	}
	set := m.combo(cb)
	if len(set.rs) == 0 || len(set.cs) == 0 {
		return
	}
	a := m.attr(ab)
	if a == nil {
		return
	}
	art := m.article(artb)
	m.claims++
	m.seenArt, _ = setBit(m.seenArt, art)
	for _, r := range set.rs {
		m.concepts[r].claims++
	}
	for _, c := range set.cs {
		m.concepts[c].claims++
	}
	for _, cell := range set.cells {
		cell.Claims++
		var fresh bool
		if cell.articles, fresh = setBit(cell.articles, art); fresh {
			cell.Articles++
		}
		if a.rel >= 0 && a.rel < len(cell.relations) {
			cell.relations[a.rel]++
		}
		if a.contradict {
			cell.Contradicts++
		} else if a.supports {
			cell.Supports++
		}
		if a.negated {
			cell.Negated++
		}
		if a.hedged {
			cell.Hedged++
		}
		if a.ev >= 0 && a.ev < len(cell.evidence) {
			cell.evidence[a.ev]++
		}
		if a.accepted {
			cell.Accepted++
		} else if a.rejected {
			cell.Rejected++
		}
	}
}

func appendNew(s []int32, vs ...int32) []int32 {
	for _, v := range vs {
		if !slices.Contains(s, v) {
			s = append(s, v)
		}
	}
	return s
}

func (m *mapper) result() lumen.EvidenceMap {
	out := lumen.EvidenceMap{Claims: m.claims}
	for _, w := range m.seenArt {
		out.Articles += bits.OnesCount64(w)
	}
	out.Rows, out.Cols = []lumen.MapAxis{}, []lumen.MapAxis{}
	for _, c := range m.concepts {
		if c.claims == 0 {
			continue
		}
		a := lumen.MapAxis{ID: c.id, Claims: c.claims}
		if c.kind == 'r' {
			out.Rows = append(out.Rows, a)
		} else {
			out.Cols = append(out.Cols, a)
		}
	}
	byClaims := func(x, y lumen.MapAxis) int {
		if x.Claims != y.Claims {
			return y.Claims - x.Claims
		}
		return strings.Compare(x.ID, y.ID)
	}
	slices.SortFunc(out.Rows, byClaims)
	slices.SortFunc(out.Cols, byClaims)
	out.Cells = make([]lumen.MapCell, 0, len(m.cells))
	for _, c := range m.cells {
		if c.Claims == 0 {
			continue // a malformed key's cell
		}
		c.Relations, c.Evidence = map[string]int{}, map[string]int{}
		for i, n := range c.relations {
			if n > 0 {
				c.Relations[m.vals[i]] = n
			}
		}
		for i, n := range c.evidence {
			if n > 0 {
				c.Evidence[m.vals[i]] = n
			}
		}
		for _, e := range lumen.EvidenceStrength {
			if c.Evidence[e] > 0 {
				c.Strongest = e
				break
			}
		}
		out.Cells = append(out.Cells, c.MapCell)
	}
	slices.SortFunc(out.Cells, func(a, b lumen.MapCell) int {
		if c := strings.Compare(a.Row, b.Row); c != 0 {
			return c
		}
		return strings.Compare(a.Col, b.Col)
	})
	return out
}
