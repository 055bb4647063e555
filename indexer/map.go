package indexer

import (
	"bytes"
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
	s, err := cq.query.Searcher(ctx, r, ix.idx.Mapping(), search.SearcherOptions{Score: "none"})
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
// matching claim (100,000 of them for a map of everything), so it interns
// concept and article ids as small integers, keys cells by a pair of them,
// and keeps each cell's distinct articles in a bitset.
type mapper struct {
	vocab      Vocabulary
	rows, cols string
	dvr        index.DocValueReader

	ids      map[string]int32 // concept id -> index into concepts
	concepts []mapConcept
	words    map[string]int // relation, evidence and status values -> index into vals
	vals     []string
	arts     map[string]int32 // article id -> index
	cells    map[uint64]*cellAgg
	seenArt  []uint64 // articles with a claim on the map
	claims   int
	rs, cs   []int32
	parts    [7][]byte
}

type mapConcept struct {
	id      string
	kind    byte    // 'r' row kind, 'c' column kind, 0 other
	lineage []int32 // itself and its broader concepts of the same kind
	claims  int
}

type cellAgg struct {
	lumen.MapCell
	articles  []uint64 // bitset over article indexes
	relations [32]int  // by index into mapper.vals
	evidence  [32]int
}

func newMapper(v Vocabulary, rows, cols string) *mapper {
	return &mapper{vocab: v, rows: rows, cols: cols, ids: map[string]int32{}, words: map[string]int{},
		arts: map[string]int32{}, cells: map[uint64]*cellAgg{}}
}

// concept interns a concept id, working out its kind and lineage once.
func (m *mapper) concept(b []byte) int32 {
	if i, ok := m.ids[string(b)]; ok {
		return i
	}
	id := string(b)
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
					lineage = append(lineage, m.concept([]byte(a)))
				}
			}
		}
		m.concepts[i].lineage = lineage
	}
	return i
}

// word interns a relation, evidence type or status. A cell counts the
// first 32 values seen (there are 20 in all); more would mean a malformed
// index and are not counted.
func (m *mapper) word(b []byte) int {
	if w, ok := m.words[string(b)]; ok {
		return w
	}
	w := len(m.vals)
	m.vals = append(m.vals, string(b))
	m.words[string(b)] = w
	return w
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

// visit counts one claim, from its map key
// ("1|relation|flags|evidence|status|article|concept,concept").
func (m *mapper) visit(field string, term []byte) {
	rest := term
	for i := range 6 {
		j := bytes.IndexByte(rest, '|')
		if j < 0 {
			return
		}
		m.parts[i], rest = rest[:j], rest[j+1:]
	}
	m.parts[6] = rest
	if len(m.parts[0]) != 1 || m.parts[0][0] != '1' {
		return
	}
	m.rs, m.cs = m.rs[:0], m.cs[:0]
	for c := range bytes.SplitSeq(m.parts[6], []byte{','}) {
		if len(c) == 0 {
			continue
		}
		k := m.concept(c)
		switch m.concepts[k].kind {
		case 'r':
			m.rs = appendNew(m.rs, m.concepts[k].lineage...)
		case 'c':
			m.cs = appendNew(m.cs, m.concepts[k].lineage...)
		}
	}
	if len(m.rs) == 0 || len(m.cs) == 0 {
		return
	}
	rel, ev := m.word(m.parts[1]), m.word(m.parts[3])
	relation, status := m.vals[rel], m.vals[m.word(m.parts[4])]
	negated := bytes.IndexByte(m.parts[2], 'n') >= 0
	hedged := bytes.IndexByte(m.parts[2], 'h') >= 0
	art := m.article(m.parts[5])
	m.claims++
	m.seenArt, _ = setBit(m.seenArt, art)
	for _, r := range m.rs {
		m.concepts[r].claims++
	}
	for _, c := range m.cs {
		m.concepts[c].claims++
	}
	accepted := status == lumen.StatusAccepted || status == lumen.StatusCorrected
	for _, r := range m.rs {
		for _, c := range m.cs {
			k := uint64(r)<<32 | uint64(c)
			cell := m.cells[k]
			if cell == nil {
				cell = &cellAgg{MapCell: lumen.MapCell{Row: m.concepts[r].id, Col: m.concepts[c].id}}
				m.cells[k] = cell
			}
			cell.Claims++
			var fresh bool
			if cell.articles, fresh = setBit(cell.articles, art); fresh {
				cell.Articles++
			}
			if relation != "" && rel < len(cell.relations) {
				cell.relations[rel]++
			}
			if negated || relation == lumen.RelationNoEffect {
				cell.Contradicts++
			} else if relation != "" {
				cell.Supports++
			}
			if negated {
				cell.Negated++
			}
			if hedged {
				cell.Hedged++
			}
			if ev < len(cell.evidence) && m.vals[ev] != "" {
				cell.evidence[ev]++
			}
			if accepted {
				cell.Accepted++
			} else if status == lumen.StatusRejected {
				cell.Rejected++
			}
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
