package httpapi

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/export"
)

func (s *server) mapper() (Mapper, error) {
	if m, ok := s.Searcher.(Mapper); ok {
		return m, nil
	}
	return nil, fmt.Errorf("evidence map: %w (this process does not hold the index)", lumen.ErrUnavailable)
}

func (s *server) handleMap(w http.ResponseWriter, r *http.Request, v values) {
	m, err := s.evidenceMap(r, v)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	switch format := v.str("format"); format {
	case "", "json":
		writeJSON(w, http.StatusOK, m)
	default:
		// The map is built whole before a byte is written: an error is
		// still a JSON error.
		var b bytes.Buffer
		if err := export.WriteMap(&b, m, format); err != nil {
			s.writeError(w, r, err)
			return
		}
		name := "map"
		if format == export.MapMatrixCSV {
			name = "map-matrix"
		}
		setDownload(w, format, name)
		w.WriteHeader(http.StatusOK)
		w.Write(b.Bytes())
	}
}

// evidenceMap reads a map request and draws the map, rows and columns in
// the taxonomy's order with their labels and hierarchy.
func (s *server) evidenceMap(r *http.Request, v values) (lumen.EvidenceMap, error) {
	q, err := s.claimQuery(r.Context(), v)
	if err != nil {
		return lumen.EvidenceMap{}, err
	}
	mq := lumen.MapQuery{Claims: q, Rows: v.str("rows"), Cols: v.str("cols")}
	if mq.Rows == mq.Cols && !v.given("cols") {
		// The map page's default columns (mechanism) with mechanism rows:
		// draw conditions, as its form then shows (the API requires both).
		mq.Cols = lumen.KindCondition
	}
	if mq.Rows == mq.Cols {
		return lumen.EvidenceMap{}, lumen.Invalidf("cols", "must be another kind than rows (%s)", mq.Rows)
	}
	mp, err := s.mapper()
	if err != nil {
		return lumen.EvidenceMap{}, err
	}
	m, err := mp.EvidenceMap(r.Context(), mq)
	if err != nil {
		return m, err
	}
	m.Rows = s.axis(mq.Rows, m.Rows)
	m.Cols = s.axis(mq.Cols, m.Cols)
	if m.Cells == nil {
		m.Cells = []lumen.MapCell{}
	}
	return m, nil
}

// axis orders a map's rows or columns as the taxonomy nests them (each
// broader concept before its narrower ones) and fills in their labels and
// places in the hierarchy. Concepts the taxonomy lacks come last.
func (s *server) axis(kind string, in []lumen.MapAxis) []lumen.MapAxis {
	byID := make(map[string]lumen.MapAxis, len(in))
	for _, a := range in {
		byID[a.ID] = a
	}
	out := make([]lumen.MapAxis, 0, len(in))
	for _, id := range s.vocab.OfKind(kind) {
		a, ok := byID[id]
		if !ok {
			continue
		}
		delete(byID, id)
		c, _ := s.vocab.Concept(id)
		a.Label = c.Label
		if _, on := s.concepts[c.Broader]; on && lumen.ConceptKind(c.Broader) == kind {
			a.Parent = c.Broader
		}
		a.Depth = s.vocab.Depth(id)
		out = append(out, a)
	}
	for _, a := range in {
		if _, left := byID[a.ID]; left {
			a.Label = a.ID
			out = append(out, a)
		}
	}
	for i := range out {
		for j := range out {
			if out[j].Parent == out[i].ID {
				out[i].Children++
			}
		}
	}
	return out
}
