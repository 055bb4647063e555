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

// EvidenceMap counts, for each row concept (of kind q.Rows) and column
// concept (of kind q.Cols), the claims q.Claims selects that relate the
// two by a relation pair (and every broader concept of the same kinds):
// see lumen.EvidenceMap. A claim that only mentions both concepts, its
// pairs relating others, is not counted. Rows and columns come with their
// ids and claim counts, most claims first; labels and the hierarchy are
// the caller's to add.
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
		return emptyMap(q), nil
	}
	m := newMapper(ix.vocabulary(), q.Rows, q.Cols, c.pairs)
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

func emptyMap(q lumen.MapQuery) lumen.EvidenceMap {
	return lumen.EvidenceMap{Rows: []lumen.MapAxis{}, Cols: []lumen.MapAxis{}, Cells: []lumen.MapCell{},
		SubjectKind: lumen.CauseKind(q.Rows, q.Cols)}
}

// mapper accumulates an evidence map, one claim at a time. It runs once per
// matching claim (100,000 of them for a map of everything), so it works
// out what a combination of attributes, or of concepts and pairs, means
// once (there are a few hundred of each; the pairs' effects, which would
// multiply them, are read at each claim), interns article ids as small
// integers, keys cells by a pair of concept indexes, and keeps each cell's
// distinct articles in a bitset.
type mapper struct {
	vocab      Vocabulary
	rows, cols string
	cause      string // the kind whose concepts are the subjects of a cell's relations
	pf         *pairFilter
	effect     int8 // the pair filter's effect (index into lumen.Relations), -1 any
	dvr        index.DocValueReader

	ids      map[string]int32 // concept id -> index into concepts
	concepts []mapConcept
	attrs    map[string]*attrInfo   // attrs part of a map key -> meaning
	combos   map[string]*conceptSet // concepts and pairs of a map key -> what they add
	arts     map[string]int32       // article id prefix -> index
	cells    map[uint64]*cellAgg
	seenArt  []uint64 // articles with a claim on the map
	claims   int

	// Per claim, reused: its pairs' effects, what they add to each cell
	// of its combination, and a stamp that counts a row or column once.
	effects []mapEffect
	acc     []cellAdd
	stamp   int
}

type mapConcept struct {
	id      string
	kind    byte    // 'r' row kind, 'c' column kind, 0 other
	lineage []int32 // itself and its broader concepts of the same kind
	claims  int     // claims with a pair of the cause's direction in its row or column
	reverse int     // claims with pairs of the other direction only
	// fwd and rev are the last claim that counted in claims and reverse.
	fwd, rev int
}

// attrInfo is what a combination of evidence and status adds to a cell.
type attrInfo struct {
	ev                 int // index into lumen.EvidenceStrength (-1: none)
	accepted, rejected bool
}

// conceptSet is what a combination of concepts and pairs means on the
// map: for each pair, the cells it falls in (indexes into cells) and its
// row and column with their broader concepts; nil pairs for a pair the
// map does not count (within one kind, of a kind off the map, or left out
// by the query's subject or object).
type conceptSet struct {
	pairs []comboPair
	cells []*cellAgg
}

type comboPair struct {
	counted bool
	forward bool // from the cause's kind to the other
	cells   []int
	rs, cs  []int32
}

// cellAdd is what one claim's pairs add to one cell: the effects of its
// pairs from the cause's kind to the other (rel) and the other way (rev),
// as bitmasks over lumen.Relations, and their flags.
type cellAdd struct {
	rel, rev                               uint8
	supports, contradicts, negated, hedged bool
}

type cellAgg struct {
	lumen.MapCell
	articles  []uint64 // bitset over article indexes
	relations [4]int   // by index into lumen.Relations
	reverse   [4]int
	evidence  [16]int // by index into lumen.EvidenceStrength
}

func newMapper(v Vocabulary, rows, cols string, pf *pairFilter) *mapper {
	m := &mapper{vocab: v, rows: rows, cols: cols, cause: lumen.CauseKind(rows, cols), pf: pf, effect: -1, ids: map[string]int32{},
		attrs: map[string]*attrInfo{}, combos: map[string]*conceptSet{}, arts: map[string]int32{}, cells: map[uint64]*cellAgg{}}
	if pf != nil && pf.effect != "" {
		m.effect = int8(slices.Index(lumen.Relations, pf.effect))
		if m.effect < 0 {
			m.effect = 99 // no pair has it
		}
	}
	return m
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

func (m *mapper) cell(r, c int32) *cellAgg {
	k := uint64(r)<<32 | uint64(c)
	cell := m.cells[k]
	if cell == nil {
		cell = &cellAgg{MapCell: lumen.MapCell{Row: m.concepts[r].id, Col: m.concepts[c].id}}
		m.cells[k] = cell
	}
	return cell
}

// combo works out, once per combination of concepts and pairs, where each
// pair falls: a pair between a concept of the rows' kind and one of the
// columns' (that the query's subject and object filters let through)
// falls in the cell of the two and in those of their broader concepts.
func (m *mapper) combo(b []byte) *conceptSet {
	if cs, ok := m.combos[string(b)]; ok {
		return cs
	}
	set := &conceptSet{}
	m.combos[string(b)] = set
	cb, pb, ok := strings.Cut(string(b), "|")
	if !ok {
		return set
	}
	ids := strings.Split(cb, ",")
	pairs, ok := parseMapPairs(pb)
	if !ok {
		return set
	}
	byCell := map[*cellAgg]int{}
	set.pairs = make([]comboPair, len(pairs))
	for pi, p := range pairs {
		if p[0] >= len(ids) || p[1] >= len(ids) {
			continue
		}
		sid, oid := ids[p[0]], ids[p[1]]
		if !m.pf.matchConcepts(sid, oid) {
			continue
		}
		s, o := m.concept(sid), m.concept(oid)
		var r, c int32
		switch {
		case m.concepts[s].kind == 'r' && m.concepts[o].kind == 'c':
			r, c = s, o
		case m.concepts[s].kind == 'c' && m.concepts[o].kind == 'r':
			r, c = o, s
		default:
			continue // a pair within one kind, or of a kind off the map
		}
		cp := comboPair{counted: true, forward: lumen.ConceptKind(sid) == m.cause, rs: m.concepts[r].lineage, cs: m.concepts[c].lineage}
		for _, ri := range cp.rs {
			for _, ci := range cp.cs {
				cell := m.cell(ri, ci)
				i, seen := byCell[cell]
				if !seen {
					i = len(set.cells)
					byCell[cell] = i
					set.cells = append(set.cells, cell)
				}
				cp.cells = append(cp.cells, i)
			}
		}
		set.pairs[pi] = cp
	}
	return set
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
	a := &attrInfo{ev: slices.Index(lumen.EvidenceStrength, ma.evidence),
		accepted: ma.status == lumen.StatusAccepted || ma.status == lumen.StatusCorrected,
		rejected: ma.status == lumen.StatusRejected}
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
	ab, artb, cb, eb, ok := splitMapKey(term)
	if !ok {
		return
	}
	set := m.combo(cb)
	if len(set.cells) == 0 {
		return
	}
	if m.effects, ok = parseMapEffects(eb, m.effects); !ok || len(m.effects) != len(set.pairs) {
		return
	}
	a := m.attr(ab)
	if a == nil {
		return
	}
	m.acc = slices.Grow(m.acc[:0], len(set.cells))[:len(set.cells)]
	clear(m.acc)
	m.stamp++
	forward := false
	// Pairs of the cause's direction first: a row or column counts a
	// claim as reverse only when no such pair of it is there.
	for _, fwd := range []bool{true, false} {
		for i := range set.pairs {
			p, e := &set.pairs[i], m.effects[i]
			if !p.counted || p.forward != fwd || e.effect < 0 || m.effect >= 0 && e.effect != m.effect {
				continue
			}
			bit := uint8(1) << e.effect
			contradicts := e.negated || int(e.effect) == 3 // no_effect
			for _, ci := range p.cells {
				add := &m.acc[ci]
				if !fwd {
					add.rev |= bit
					continue
				}
				add.rel |= bit
				add.contradicts = add.contradicts || contradicts
				add.supports = add.supports || !contradicts
				add.negated = add.negated || e.negated
				add.hedged = add.hedged || e.hedged
			}
			for _, axis := range [][]int32{p.rs, p.cs} {
				for _, k := range axis {
					c := &m.concepts[k]
					switch {
					case fwd && c.fwd != m.stamp:
						c.fwd = m.stamp
						c.claims++
					case !fwd && c.fwd != m.stamp && c.rev != m.stamp:
						c.rev = m.stamp
						c.reverse++
					}
				}
			}
			forward = forward || fwd
		}
	}
	art := m.article(artb)
	if forward {
		m.claims++
		m.seenArt, _ = setBit(m.seenArt, art)
	}
	for i := range m.acc {
		add, cell := &m.acc[i], set.cells[i]
		for e := range 4 {
			if add.rev&(1<<e) != 0 {
				cell.reverse[e]++
			}
		}
		if add.rel == 0 {
			if add.rev != 0 {
				cell.Reverse++
			}
			continue
		}
		cell.Claims++
		var fresh bool
		if cell.articles, fresh = setBit(cell.articles, art); fresh {
			cell.Articles++
		}
		for e := range 4 {
			if add.rel&(1<<e) != 0 {
				cell.relations[e]++
			}
		}
		if add.contradicts {
			cell.Contradicts++
		}
		if add.supports {
			cell.Supports++
		}
		if add.negated {
			cell.Negated++
		}
		if add.hedged {
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
	out := lumen.EvidenceMap{Claims: m.claims, SubjectKind: m.cause}
	for _, w := range m.seenArt {
		out.Articles += bits.OnesCount64(w)
	}
	out.Rows, out.Cols = []lumen.MapAxis{}, []lumen.MapAxis{}
	for _, c := range m.concepts {
		if c.claims == 0 && c.reverse == 0 {
			continue
		}
		a := lumen.MapAxis{ID: c.id, Claims: c.claims}
		switch c.kind {
		case 'r':
			out.Rows = append(out.Rows, a)
		case 'c':
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
		if c.Claims == 0 && c.Reverse == 0 {
			continue // only pairs the query's pair filter left out
		}
		c.Relations, c.Evidence = map[string]int{}, map[string]int{}
		for i, n := range c.relations {
			if n > 0 {
				c.Relations[lumen.Relations[i]] = n
			}
		}
		for i, n := range c.reverse {
			if n > 0 {
				if c.ReverseRelations == nil {
					c.ReverseRelations = map[string]int{}
				}
				c.ReverseRelations[lumen.Relations[i]] = n
			}
		}
		for i, n := range c.evidence {
			if n > 0 {
				c.Evidence[lumen.EvidenceStrength[i]] = n
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
