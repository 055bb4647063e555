package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/lumen-research/lumen"
)

// Evidence map formats (besides the API's JSON).
const (
	// MapCSV is one row per cell with every figure the map has.
	MapCSV = "csv"
	// MapMatrixCSV is the map as a table: a row per row concept, a column
	// per column concept, the number of claims in each cell.
	MapMatrixCSV = "csv_matrix"
)

// MapCSVHeader names the columns of a MapCSV export: the row and column
// concepts, the cell's claims and articles, its claims by relation,
// direction, flag and evidence type (strongest first), the strongest
// evidence, the curators' verdicts, and the claims relating the two only
// the other way (reverse) with the claims by the effect of such pairs.
var MapCSVHeader = func() []string {
	h := []string{"row", "row_label", "col", "col_label", "claims", "articles"}
	for _, r := range lumen.Relations {
		h = append(h, r)
	}
	h = append(h, "supports", "contradicts", "negated", "hedged", "strongest_evidence")
	for _, e := range lumen.EvidenceStrength {
		h = append(h, "evidence_"+e)
	}
	h = append(h, "accepted", "rejected", "reverse")
	for _, r := range lumen.Relations {
		h = append(h, "reverse_"+r)
	}
	return h
}()

// WriteMap writes an evidence map in format (MapCSV or MapMatrixCSV), rows
// and columns in the map's order; labels fall back to the concept ids.
func WriteMap(w io.Writer, m lumen.EvidenceMap, format string) error {
	cw := csv.NewWriter(w)
	labels := map[string]string{}
	for _, a := range append(append([]lumen.MapAxis{}, m.Rows...), m.Cols...) {
		labels[a.ID] = a.Label
		if a.Label == "" {
			labels[a.ID] = a.ID
		}
	}
	safe := func(row []string) []string {
		for i, v := range row {
			row[i] = csvSafe(v)
		}
		return row
	}
	switch format {
	case MapCSV:
		if err := cw.Write(MapCSVHeader); err != nil {
			return fmt.Errorf("export map: %w", err)
		}
		order := map[string]int{}
		for i, a := range m.Rows {
			order["r"+a.ID] = i
		}
		for i, a := range m.Cols {
			order["c"+a.ID] = i
		}
		cells := make([]lumen.MapCell, len(m.Cells))
		copy(cells, m.Cells)
		sortCells(cells, order)
		for _, c := range cells {
			row := []string{c.Row, labels[c.Row], c.Col, labels[c.Col], strconv.Itoa(c.Claims), strconv.Itoa(c.Articles)}
			for _, r := range lumen.Relations {
				row = append(row, strconv.Itoa(c.Relations[r]))
			}
			row = append(row, strconv.Itoa(c.Supports), strconv.Itoa(c.Contradicts), strconv.Itoa(c.Negated),
				strconv.Itoa(c.Hedged), c.Strongest)
			for _, e := range lumen.EvidenceStrength {
				row = append(row, strconv.Itoa(c.Evidence[e]))
			}
			row = append(row, strconv.Itoa(c.Accepted), strconv.Itoa(c.Rejected), strconv.Itoa(c.Reverse))
			for _, r := range lumen.Relations {
				row = append(row, strconv.Itoa(c.ReverseRelations[r]))
			}
			if err := cw.Write(safe(row)); err != nil {
				return fmt.Errorf("export map: %w", err)
			}
		}
	case MapMatrixCSV:
		claims := map[[2]string]int{}
		for _, c := range m.Cells {
			claims[[2]string{c.Row, c.Col}] = c.Claims
		}
		head := []string{""}
		for _, col := range m.Cols {
			head = append(head, labels[col.ID])
		}
		if err := cw.Write(safe(head)); err != nil {
			return fmt.Errorf("export map: %w", err)
		}
		for _, r := range m.Rows {
			row := []string{labels[r.ID]}
			for _, col := range m.Cols {
				n := ""
				if v, ok := claims[[2]string{r.ID, col.ID}]; ok {
					n = strconv.Itoa(v)
				}
				row = append(row, n)
			}
			if err := cw.Write(safe(row)); err != nil {
				return fmt.Errorf("export map: %w", err)
			}
		}
	default:
		return lumen.Invalidf("format", "%q is not json, %s or %s", format, MapCSV, MapMatrixCSV)
	}
	cw.Flush()
	return cw.Error()
}

// sortCells orders cells by their row's place, then their column's.
func sortCells(cells []lumen.MapCell, order map[string]int) {
	key := func(c lumen.MapCell) (int, int) {
		r, ok := order["r"+c.Row]
		if !ok {
			r = len(order)
		}
		k, ok := order["c"+c.Col]
		if !ok {
			k = len(order)
		}
		return r, k
	}
	slices.SortStableFunc(cells, func(a, b lumen.MapCell) int {
		ar, ac := key(a)
		br, bc := key(b)
		if ar != br {
			return ar - br
		}
		return ac - bc
	})
}
