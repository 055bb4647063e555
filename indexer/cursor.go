package indexer

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
)

// A cursor continues a search after a page: bleve's search_after, with the
// sort values of the page's last hit, so that paging costs the same at any
// depth and walks a result set to its end.
//
// Pages sorted by relevance are ordered by score, ties broken by claim id.
// The first page is the exception: it skips the tie-break (reading every
// hit's claim id costs more than the search), so its cursor lists the
// claims it returned with the last hit's score; the next pages, in the full
// order, leave those out until the score falls below it. Pages sorted by
// publication date are ordered by date and claim id throughout.
type cursor struct {
	V     int      `json:"v"`
	Query string   `json:"q"`           // fingerprint of the query it belongs to
	After []string `json:"a"`           // sort values of the last hit returned
	Score float64  `json:"s,omitempty"` // score of the last hit (relevance)
	Seen  []string `json:"x,omitempty"` // claim ids (prefixes) returned with score Score on pages in score order only
	Tied  float64  `json:"t,omitempty"` // the score the Seen claims have
	N     int      `json:"n"`           // hits returned before the next page
}

const cursorVersion = 1

// seenPrefix is how much of a claim id a cursor keeps to leave it out.
const seenPrefix = 12

func encodeCursor(c cursor) string {
	c.V = cursorVersion
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s, fingerprint string) (cursor, error) {
	var c cursor
	if len(s) > 8192 {
		return c, lumen.Invalidf("cursor", "too long")
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.V != cursorVersion || !c.wellFormed() {
		return c, lumen.Invalidf("cursor", "not a cursor this server gave out (use next_cursor from the previous page)")
	}
	if c.Query != fingerprint {
		return c, lumen.Invalidf("cursor", "belongs to another query: keep every other parameter as it was on the previous page")
	}
	return c, nil
}

// wellFormed reports whether c has the shape of a cursor searchPage gives
// out: it follows a page (N >= 1) and continues after sort values or past
// the first page's tied claims.
func (c *cursor) wellFormed() bool {
	if c.N < 1 || (len(c.After) == 0 && len(c.Seen) == 0) || len(c.After) > 2 || len(c.Seen) > maxSeen {
		return false
	}
	for _, id := range c.Seen {
		if id == "" || len(id) > seenPrefix {
			return false
		}
	}
	return !math.IsNaN(c.Score) && !math.IsInf(c.Score, 0) && !math.IsNaN(c.Tied) && !math.IsInf(c.Tied, 0)
}

// fingerprint identifies what a cursor's pages select and in what order:
// everything but the page size, the facets and the cursor itself.
func fingerprint(q lumen.ClaimQuery) string {
	var b strings.Builder
	w := func(k string, v ...string) {
		b.WriteString(k)
		for _, s := range v {
			b.WriteByte(0)
			b.WriteString(s)
		}
		b.WriteByte(1)
	}
	opt := func(p *bool) string {
		if p == nil {
			return ""
		}
		return strconv.FormatBool(*p)
	}
	w("q", strings.TrimSpace(q.Q))
	w("concepts", q.Concepts...)
	for _, g := range q.AnyConcepts {
		w("any", g...)
	}
	w("kinds", q.Kinds...)
	w("evidence", q.Evidence...)
	w("relation", q.Relation)
	w("pair", q.Subject, q.Object, q.Effect)
	w("negated", opt(q.Negated))
	w("hedged", opt(q.Hedged))
	w("article", q.ArticleID)
	w("source", q.Source)
	w("status", q.Status...)
	w("flagged", opt(q.Flagged))
	w("retracted", opt(q.Retracted))
	w("from", q.PublishedFrom.Format(time.RFC3339Nano))
	w("to", q.PublishedTo.Format(time.RFC3339Nano))
	w("sort", sortName(q.Sort))
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:6])
}

func sortName(s string) string {
	if s == "" {
		return "relevance"
	}
	return s
}

// sortOrder is the order of the pages of a sort, tie-break included.
func sortOrder(s string) []string {
	switch s {
	case "published":
		return []string{"published", "cid"}
	case "-published":
		return []string{"-published", "cid"}
	case "confidence": // least sure first: the review queue's order
		return []string{"confidence", "cid"}
	default:
		return []string{"-_score", "cid"}
	}
}

func scoreString(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// packSeen keeps the claim ids a cursor must leave out, short.
func packSeen(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, id[:min(seenPrefix, len(id))])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (c *cursor) seen(id string) bool {
	_, ok := slices.BinarySearch(c.Seen, id[:min(seenPrefix, len(id))])
	return ok
}
