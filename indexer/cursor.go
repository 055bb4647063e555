package indexer

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
)

// A cursor continues a search after a page: bleve's search_after, with the
// sort values of the page's last hit, so that paging costs the same at any
// depth and walks a result set to its end.
//
// Every page of a sort, whether reached by from= or by a cursor, is in one
// total order, ties broken by claim id (sortOrder): pages sorted by
// relevance are ordered by score, then claim id, so that walking a result
// set with from and with cursors gives the same sequence, and a walk may
// switch from one to the other at any page.
type cursor struct {
	V     int      `json:"v"`
	Query string   `json:"q"`           // fingerprint of the query it belongs to
	After []string `json:"a"`           // sort values of the last hit returned (the score apart)
	Score float64  `json:"s,omitempty"` // score of the last hit (relevance)
	N     int      `json:"n"`           // hits returned before the next page
}

// cursorVersion 2: every page in the full order (version 1's first page
// was in score order alone, and its cursor listed the tied claims it had
// returned).
const cursorVersion = 2

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
	if err == nil && c.V > 0 && c.V < cursorVersion {
		return c, lumen.Invalidf("cursor", "from an earlier version of this server, whose pages were in another order: start again from the first page")
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
// out: it follows a page (N >= 1) and continues after its sort values.
func (c *cursor) wellFormed() bool {
	if c.N < 1 || len(c.After) == 0 || len(c.After) > 2 {
		return false
	}
	return !math.IsNaN(c.Score) && !math.IsInf(c.Score, 0)
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

// sortOrder is the order of the pages of a sort, tie-break included: the
// claim id (the document id, "c-" and the claim id, under relevance, whose
// pages relevancePage collects).
func sortOrder(s string) []string {
	switch s {
	case "published":
		return []string{"published", "cid"}
	case "-published":
		return []string{"-published", "cid"}
	case "confidence": // least sure first: the review queue's order
		return []string{"confidence", "cid"}
	default:
		return []string{"-_score", "_id"}
	}
}

func scoreString(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
