package indexer

import (
	"context"
	"fmt"
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

// mapper accumulates an evidence map, one claim at a time.
type mapper struct {
	vocab      Vocabulary
	rows, cols string
	dvr        index.DocValueReader
	entry      mapEntry
	up         map[string][]string // concept -> itself and its broader concepts of the same kind
	cells      map[[2]string]*cellAgg
	rowClaims  map[string]int
	colClaims  map[string]int
	articles   map[string]struct{}
	claims     int
	rs, cs     []string
}

type cellAgg struct {
	lumen.MapCell
	articles map[string]struct{}
}

func newMapper(v Vocabulary, rows, cols string) *mapper {
	return &mapper{vocab: v, rows: rows, cols: cols, up: map[string][]string{}, cells: map[[2]string]*cellAgg{},
		rowClaims: map[string]int{}, colClaims: map[string]int{}, articles: map[string]struct{}{}}
}

// lineage returns the concept and its broader concepts of the same kind.
func (m *mapper) lineage(id string) []string {
	if l, ok := m.up[id]; ok {
		return l
	}
	l := []string{id}
	if m.vocab != nil {
		for _, a := range m.vocab.Ancestors(id) {
			if lumen.ConceptKind(a) == lumen.ConceptKind(id) {
				l = append(l, a)
			}
		}
	}
	m.up[id] = l
	return l
}

func (m *mapper) visit(field string, term []byte) {
	e := &m.entry
	if !parseMapKey(term, e) {
		return
	}
	m.rs, m.cs = m.rs[:0], m.cs[:0]
	for _, c := range e.concepts {
		switch lumen.ConceptKind(c) {
		case m.rows:
			m.rs = appendNew(m.rs, m.lineage(c)...)
		case m.cols:
			m.cs = appendNew(m.cs, m.lineage(c)...)
		}
	}
	if len(m.rs) == 0 || len(m.cs) == 0 {
		return
	}
	m.claims++
	m.articles[e.article] = struct{}{}
	for _, r := range m.rs {
		m.rowClaims[r]++
	}
	for _, c := range m.cs {
		m.colClaims[c]++
	}
	accepted := e.status == lumen.StatusAccepted || e.status == lumen.StatusCorrected
	for _, r := range m.rs {
		for _, c := range m.cs {
			k := [2]string{r, c}
			cell := m.cells[k]
			if cell == nil {
				cell = &cellAgg{MapCell: lumen.MapCell{Row: r, Col: c, Relations: map[string]int{}, Evidence: map[string]int{}},
					articles: map[string]struct{}{}}
				m.cells[k] = cell
			}
			cell.Claims++
			cell.articles[e.article] = struct{}{}
			if e.relation != "" {
				cell.Relations[e.relation]++
			}
			if e.negated || e.relation == lumen.RelationNoEffect {
				cell.Contradicts++
			} else if e.relation != "" {
				cell.Supports++
			}
			if e.negated {
				cell.Negated++
			}
			if e.hedged {
				cell.Hedged++
			}
			if e.evidence != "" {
				cell.Evidence[e.evidence]++
			}
			if accepted {
				cell.Accepted++
			} else if e.status == lumen.StatusRejected {
				cell.Rejected++
			}
		}
	}
}

func appendNew(s []string, vs ...string) []string {
	for _, v := range vs {
		if !slices.Contains(s, v) {
			s = append(s, v)
		}
	}
	return s
}

func (m *mapper) result() lumen.EvidenceMap {
	out := lumen.EvidenceMap{Claims: m.claims, Articles: len(m.articles)}
	axis := func(counts map[string]int) []lumen.MapAxis {
		a := make([]lumen.MapAxis, 0, len(counts))
		for id, n := range counts {
			a = append(a, lumen.MapAxis{ID: id, Claims: n})
		}
		slices.SortFunc(a, func(x, y lumen.MapAxis) int {
			if x.Claims != y.Claims {
				return y.Claims - x.Claims
			}
			return strings.Compare(x.ID, y.ID)
		})
		return a
	}
	out.Rows, out.Cols = axis(m.rowClaims), axis(m.colClaims)
	out.Cells = make([]lumen.MapCell, 0, len(m.cells))
	for _, c := range m.cells {
		c.Articles = len(c.articles)
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
