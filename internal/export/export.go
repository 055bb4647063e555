// Package export writes claims and articles in the formats researchers take
// them away in: claims as JSON Lines or CSV, articles as RIS, BibTeX or
// CSL-JSON for reference managers (Zotero, Mendeley, EndNote, JabRef). It
// writes one record at a time to an io.Writer and holds none, so an export
// of any size streams in constant memory. It is pure: no index, no HTTP.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
)

// Claim formats.
const (
	JSONL = "jsonl"
	CSV   = "csv"
)

// Article formats.
const (
	RIS     = "ris"
	BibTeX  = "bibtex"
	CSLJSON = "csljson"
)

// ContentType returns the media type of a format.
func ContentType(format string) string {
	switch format {
	case JSONL:
		return "application/x-ndjson; charset=utf-8"
	case CSV, MapMatrixCSV:
		return "text/csv; charset=utf-8; header=present"
	case RIS:
		return "application/x-research-info-systems; charset=utf-8"
	case BibTeX:
		return "application/x-bibtex; charset=utf-8"
	case CSLJSON:
		return "application/vnd.citationstyles.csl+json; charset=utf-8"
	}
	return "application/octet-stream"
}

// Extension returns the usual file extension of a format, with the dot.
func Extension(format string) string {
	switch format {
	case JSONL:
		return ".jsonl"
	case CSV, MapMatrixCSV:
		return ".csv"
	case RIS:
		return ".ris"
	case BibTeX:
		return ".bib"
	case CSLJSON:
		return ".json"
	}
	return ""
}

// ClaimWriter writes claims one at a time.
type ClaimWriter interface {
	Write(lumen.ClaimRecord) error
	// Close writes what the format needs at its end and flushes.
	Close() error
}

// NewClaimWriter returns a writer of claims in format (jsonl or csv).
func NewClaimWriter(w io.Writer, format string) (ClaimWriter, error) {
	switch format {
	case JSONL:
		bw := bufio.NewWriterSize(w, 32<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{bw: bw, enc: enc}, nil
	case CSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(CSVHeader); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		return &csvWriter{cw: cw}, nil
	}
	return nil, lumen.Invalidf("format", "%q is not jsonl or csv", format)
}

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (j *jsonlWriter) Write(r lumen.ClaimRecord) error {
	if r.Concepts == nil {
		r.Concepts = []string{}
	}
	return j.enc.Encode(r)
}

func (j *jsonlWriter) Close() error { return j.bw.Flush() }

// CSVHeader names the columns of a CSV export. Lists (concepts, relation
// pairs, authors) are joined with "; "; a pair reads "SUBJECT EFFECT
// OBJECT", with "(negated)" or "(hedged)" after it when it is. The review
// columns say why (reason, note) and whether the claim waits for another
// look (flagged) or its sentence left the article (retracted).
var CSVHeader = []string{
	"claim_id", "text", "concepts", "relation", "negated", "hedged", "evidence", "section", "confidence",
	"status", "curator", "reviewed_at", "start", "end",
	"article_id", "article_title", "authors", "journal", "published", "source", "url", "doi", "pmid", "pmcid",
	"tagger_version", "taxonomy_version",
	"relations", "reason", "note", "flagged", "retracted", // added last: columns keep their places
}

type csvWriter struct {
	cw  *csv.Writer
	row []string
}

func (c *csvWriter) Write(r lumen.ClaimRecord) error {
	a := r.Article
	c.row = append(c.row[:0],
		r.ID, r.Text, strings.Join(r.Concepts, "; "), r.Relation, strconv.FormatBool(r.Negated), strconv.FormatBool(r.Hedged),
		r.Evidence, r.Section, formatFloat(r.Confidence), status(r.Review), r.Review.Curator, formatTime(r.Review.At),
		strconv.Itoa(r.Start), strconv.Itoa(r.End),
		a.ID, a.Title, strings.Join(a.Authors, "; "), a.Journal, formatDate(a.Published), a.Source, a.URL, a.DOI, a.PMID, a.PMCID,
		r.TaggerVersion, r.TaxonomyVersion,
		pairs(r.Relations), r.Review.Reason, r.Review.Note, strconv.FormatBool(r.Review.Flagged), strconv.FormatBool(r.Review.Retracted))
	for i, v := range c.row {
		c.row[i] = csvSafe(v)
	}
	return c.cw.Write(c.row)
}

func (c *csvWriter) Close() error {
	c.cw.Flush()
	return c.cw.Error()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula (CSV
// injection): a text cell starting with =, +, -, @ or a tab gets a leading
// apostrophe. Numbers, dates and identifiers never start so.
func csvSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}

// pairs writes relation pairs for a CSV cell.
func pairs(rs []lumen.Relation) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Subject + " " + r.Effect + " " + r.Object
		if r.Negated {
			out[i] += " (negated)"
		}
		if r.Hedged {
			out[i] += " (hedged)"
		}
	}
	return strings.Join(out, "; ")
}

func status(r lumen.Review) string {
	if r.Status == "" {
		return lumen.StatusPending
	}
	return r.Status
}

func formatFloat(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// formatDate gives t's calendar date in its own zone: a publication date
// is the date the publisher wrote, not its UTC day.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
