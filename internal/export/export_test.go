package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// articles are the fixtures: a PubMed record with every identifier, a web
// page, and titles and names with the characters formats must escape.
var articles = []lumen.ArticleMeta{
	{ID: "af41f9620400845f20448a3fa0362745", Title: "Probiotics for acne: a randomised trial",
		URL: "https://pubmed.ncbi.nlm.nih.gov/30000001/", Source: "pubmed", Authors: []string{"Jane Q. Smith", "Kumar R", "Ludwig van Beethoven"},
		Journal: "Journal of Skin & Gut Research", Published: time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC), DOI: "10.1000/jsgr.2024_15",
		PMID: "30000001", PMCID: "PMC9000001", MeSH: []string{"Acne Vulgaris", "Probiotics"}, Evidence: lumen.EvidenceRCT,
		Concepts: []string{"condition/acne", "intervention/probiotics"}, Language: "en", ClaimCount: 3},
	{ID: "0c0c9f2d4a1b2c3d4e5f60718293a4b5", Title: "The gut-skin axis: 100% {natural}? #wellness $ \\ ~ ^",
		URL: "https://example.org/blog/gut-skin?x=1&y=2", Source: "blog", Authors: []string{"World Health Organization Working Group on Skin"},
		SiteName: "Example Blog", Published: time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC), Evidence: lumen.EvidenceWebArticle},
	{ID: "11111111111111111111111111111111", Title: "Smith again, same year", Authors: []string{"Smith, Jane"},
		Journal: "J Test", Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), URL: "https://example.org/2"},
	{ID: "22222222222222222222222222222222", Title: "No authors, no date\nacross lines", URL: "https://example.org/3"},
}

func writeArticles(t *testing.T, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewArticleWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		if err := w.Write(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	golden(t, "articles"+Extension(format), buf.Bytes())
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff):\n%s", name, got)
	}
}

// risTypes are the reference types of the RIS specification.
var risTypes = strings.Fields(`ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER CTLG DATA DBASE
	DICT EBOOK ECHAP EDBOOK EJOUR ELEC ENCYC EQUA FIGURE GEN GOVDOC GRANT HEAR ICOMM INPR JFULL JOUR LEGAL MANSCPT MAP MGZN
	MPCT MULTI MUSIC NEWS PAMP PAT PCOMM RPRT SER SLIDE SOUND STAND STAT THES UNBILL UNPB VIDEO`)

// TestRIS checks the file against the RIS format: records of tagged lines
// ("XX  - value", CR LF), each starting with TY (a known type) and ending
// with ER, dates as YYYY/MM/DD, one author per AU line.
func TestRIS(t *testing.T) {
	out := string(writeArticles(t, RIS))
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatal("RIS lines must end with CR LF")
	}
	line := regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)
	var records [][][2]string
	var cur [][2]string
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if l == "" {
			continue
		}
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("line %q is not a RIS tag line", l)
		}
		cur = append(cur, [2]string{m[1], m[2]})
		if m[1] == "ER" {
			records = append(records, cur)
			cur = nil
		}
	}
	if cur != nil || len(records) != len(articles) {
		t.Fatalf("%d complete records (and %d lines left over), want %d", len(records), len(cur), len(articles))
	}
	for i, rec := range records {
		if rec[0][0] != "TY" || !slices.Contains(risTypes, rec[0][1]) {
			t.Errorf("record %d starts with %v, want TY and a RIS type", i, rec[0])
		}
		fields := map[string][]string{}
		for _, f := range rec[1:] {
			if f[0] == "TY" {
				t.Errorf("record %d has a second TY", i)
			}
			fields[f[0]] = append(fields[f[0]], f[1])
		}
		for _, d := range fields["DA"] {
			if !regexp.MustCompile(`^\d{4}/\d{2}/\d{2}$`).MatchString(d) {
				t.Errorf("record %d: DA %q is not YYYY/MM/DD", i, d)
			}
		}
		for _, y := range fields["PY"] {
			if !regexp.MustCompile(`^\d{4}$`).MatchString(y) {
				t.Errorf("record %d: PY %q is not a year", i, y)
			}
		}
		if len(fields["TI"]) != 1 {
			t.Errorf("record %d: %d titles", i, len(fields["TI"]))
		}
	}
	first := map[string][]string{}
	for _, f := range records[0] {
		first[f[0]] = append(first[f[0]], f[1])
	}
	if !slices.Equal(first["AU"], []string{"Smith, Jane Q.", "Kumar, R", "van Beethoven, Ludwig"}) || first["DO"][0] != "10.1000/jsgr.2024_15" ||
		first["AN"][0] != "PMID:30000001" || first["C2"][0] != "PMC9000001" || records[0][0][1] != "JOUR" || records[1][0][1] != "ELEC" {
		t.Errorf("first record = %v", first)
	}
}

// bibEntry is one parsed BibTeX entry.
type bibEntry struct {
	typ, key string
	fields   map[string]string
}

// parseBibTeX is a strict reader of the BibTeX Lumen writes: @type{key,
// name = {value}, ...}, values with balanced braces and no unescaped
// special characters.
func parseBibTeX(t *testing.T, s string) []bibEntry {
	t.Helper()
	var out []bibEntry
	i := 0
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
			i++
		}
	}
	ident := func() string {
		start := i
		for i < len(s) && (s[i] == '_' || s[i] == '-' || s[i] == ':' || 'a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z' || '0' <= s[i] && s[i] <= '9') {
			i++
		}
		return s[start:i]
	}
	expect := func(c byte) {
		skip()
		if i >= len(s) || s[i] != c {
			t.Fatalf("BibTeX: want %q at byte %d: %q", c, i, s[i:min(len(s), i+40)])
		}
		i++
	}
	for skip(); i < len(s); skip() {
		expect('@')
		e := bibEntry{typ: ident(), fields: map[string]string{}}
		expect('{')
		e.key = ident()
		expect(',')
		for {
			skip()
			if s[i] == '}' {
				i++
				break
			}
			name := ident()
			expect('=')
			expect('{')
			depth, start := 1, i
			for ; depth > 0; i++ {
				if i >= len(s) {
					t.Fatalf("BibTeX: unbalanced braces in %s.%s", e.key, name)
				}
				switch s[i] {
				case '\\':
					i++ // an escaped character
				case '{':
					depth++
				case '}':
					depth--
				case '%', '&', '$', '#', '_':
					if name != "url" && name != "doi" { // read verbatim
						t.Errorf("BibTeX: unescaped %q in %s.%s", s[i], e.key, name)
					}
				}
			}
			e.fields[name] = s[start : i-1]
			expect(',')
		}
		out = append(out, e)
	}
	return out
}

// TestBibTeX checks the file against BibTeX's rules: known entry types,
// unique keys, the fields @article requires (author, title, journal, year),
// authors joined with "and", special characters escaped, braces balanced.
func TestBibTeX(t *testing.T) {
	entries := parseBibTeX(t, string(writeArticles(t, BibTeX)))
	if len(entries) != len(articles) {
		t.Fatalf("%d entries, want %d", len(entries), len(articles))
	}
	keys := map[string]bool{}
	for _, e := range entries {
		if keys[e.key] {
			t.Errorf("key %q twice", e.key)
		}
		keys[e.key] = true
		switch e.typ {
		case "article":
			for _, f := range []string{"author", "title", "journal", "year"} {
				if e.fields[f] == "" {
					t.Errorf("@article %s lacks %s", e.key, f)
				}
			}
		case "misc":
		default:
			t.Errorf("entry type %q", e.typ)
		}
	}
	a := entries[0]
	if a.key != "smith2024" || a.fields["author"] != "Smith, Jane Q. and Kumar, R and van Beethoven, Ludwig" ||
		a.fields["journal"] != `Journal of Skin \& Gut Research` || a.fields["doi"] != `10.1000/jsgr.2024_15` || a.fields["month"] != "mar" {
		t.Errorf("first entry = %+v", a)
	}
	if entries[2].key != "smith2024a" {
		t.Errorf("second Smith 2024 key = %q, want smith2024a", entries[2].key)
	}
	if entries[1].fields["url"] != "https://example.org/blog/gut-skin?x=1&y=2" {
		t.Errorf("url = %q, want it verbatim", entries[1].fields["url"])
	}
	if want := `The gut-skin axis: 100\% \{natural\}? \#wellness \$ \textbackslash{} \textasciitilde{} \textasciicircum{}`; entries[1].fields["title"] != want {
		t.Errorf("escaped title = %q, want %q", entries[1].fields["title"], want)
	}
}

// cslTypes and cslKeys are from the CSL-JSON schema (csl-data.json): an
// item's type must be one of the types, and it may have no other keys.
var (
	cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book broadcast chapter classic
		collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview legal_case
		legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance periodical
		personal_communication post post-weblog regulation report review review-book software song speech standard thesis
		treaty webpage`)
	cslStringKeys = strings.Fields(`id title container-title DOI PMID PMCID URL language keyword note source abstract
		publisher journalAbbreviation shortTitle`)
	cslNameKeys = []string{"family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix"}
)

// TestCSLJSON checks the file against the CSL-JSON schema: an array of
// items, each with an id and a known type, only the schema's variables,
// names as family/given or literal, dates as date-parts of one to three
// numbers.
func TestCSLJSON(t *testing.T) {
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(writeArticles(t, CSLJSON), &items); err != nil {
		t.Fatalf("not a JSON array of objects: %v", err)
	}
	if len(items) != len(articles) {
		t.Fatalf("%d items, want %d", len(items), len(articles))
	}
	for i, it := range items {
		var typ string
		if err := json.Unmarshal(it["type"], &typ); err != nil || !slices.Contains(cslTypes, typ) {
			t.Errorf("item %d: type %s", i, it["type"])
		}
		if _, ok := it["id"]; !ok {
			t.Errorf("item %d has no id", i)
		}
		for k, v := range it {
			switch {
			case k == "type":
			case slices.Contains(cslStringKeys, k):
				var s string
				if err := json.Unmarshal(v, &s); err != nil {
					t.Errorf("item %d: %s is not a string: %s", i, k, v)
				}
			case k == "author":
				var names []map[string]any
				if err := json.Unmarshal(v, &names); err != nil || len(names) == 0 {
					t.Errorf("item %d: author %s", i, v)
				}
				for _, n := range names {
					for nk, nv := range n {
						if _, ok := nv.(string); !ok || !slices.Contains(cslNameKeys, nk) {
							t.Errorf("item %d: name part %s = %v", i, nk, nv)
						}
					}
					if n["literal"] == nil && n["family"] == nil {
						t.Errorf("item %d: name %v has neither family nor literal", i, n)
					}
				}
			case k == "issued":
				var d map[string][][]any
				if err := json.Unmarshal(v, &d); err != nil || len(d) != 1 || len(d["date-parts"]) < 1 || len(d["date-parts"]) > 2 {
					t.Errorf("item %d: issued %s", i, v)
					continue
				}
				for _, part := range d["date-parts"] {
					if len(part) < 1 || len(part) > 3 {
						t.Errorf("item %d: date-parts %v", i, part)
					}
					for _, n := range part {
						if _, ok := n.(float64); !ok {
							t.Errorf("item %d: date part %v is not a number", i, n)
						}
					}
				}
			case k == "custom":
				var m map[string]any
				if err := json.Unmarshal(v, &m); err != nil {
					t.Errorf("item %d: custom is not an object: %s", i, v)
				}
			default:
				t.Errorf("item %d: %q is not a CSL-JSON variable", i, k)
			}
		}
	}
	var first struct {
		Type   string
		Issued struct {
			DateParts [][]int `json:"date-parts"`
		}
		Author []cslName
		PMCID  string
	}
	json.Unmarshal(mustMarshal(items[0]), &first)
	if first.Type != "article-journal" || !slices.Equal(first.Issued.DateParts[0], []int{2024, 3, 7}) ||
		first.Author[0] != (cslName{Family: "Smith", Given: "Jane Q."}) || first.PMCID != "PMC9000001" {
		t.Errorf("first item = %+v", first)
	}
}

func mustMarshal(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func claimRecords() []lumen.ClaimRecord {
	return []lumen.ClaimRecord{
		{Claim: lumen.Claim{ID: "88f8ddd50c274ec59d0e02ccd20a83b7", ArticleID: articles[0].ID, Start: 0, End: 33,
			Text: "Probiotics reduced acne, \"a lot\".", Concepts: []string{"condition/acne", "intervention/probiotics"},
			Relation: lumen.RelationDecreases, Evidence: lumen.EvidenceRCT, Confidence: 0.9,
			Relations: []lumen.Relation{{Subject: "intervention/probiotics", Object: "condition/acne", Effect: lumen.RelationDecreases, Hedged: true}},
			Review: lumen.Review{Status: lumen.StatusRejected, Reason: lumen.ReasonOther, Note: "=a heading, not a finding",
				Curator: "ana", At: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Flagged: true}},
			Article: articles[0], TaggerVersion: "gutskin-1+r4", TaxonomyVersion: "gutskin-1"},
		{Claim: lumen.Claim{ID: "99f8ddd50c274ec59d0e02ccd20a83b7", ArticleID: articles[1].ID, Start: 5, End: 30,
			Text: "=HYPERLINK(\"x\") may worsen\nacne.", Concepts: []string{"condition/acne"}, Hedged: true},
			Article: articles[1]},
	}
}

func TestClaimsCSV(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewClaimWriter(&buf, CSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range claimRecords() {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	golden(t, "claims.csv", buf.Bytes())
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("not CSV (RFC 4180): %v", err)
	}
	if len(rows) != 3 || !slices.Equal(rows[0], CSVHeader) {
		t.Fatalf("rows = %q", rows)
	}
	col := func(row []string, name string) string { return row[slices.Index(CSVHeader, name)] }
	if r := rows[1]; col(r, "reason") != "other" || col(r, "note") != "'=a heading, not a finding" || col(r, "flagged") != "true" ||
		col(r, "retracted") != "false" || col(r, "relations") != "intervention/probiotics decreases condition/acne (hedged)" {
		t.Errorf("row 1 = %q: want the rejection's reason and note, flagged, not retracted, its pairs", r)
	}
	if r := rows[1]; col(r, "status") != "rejected" || col(r, "doi") != "10.1000/jsgr.2024_15" || col(r, "pmcid") != "PMC9000001" ||
		col(r, "concepts") != "condition/acne; intervention/probiotics" || col(r, "text") != "Probiotics reduced acne, \"a lot\"." ||
		col(r, "tagger_version") != "gutskin-1+r4" || col(r, "published") != "2024-03-07" || col(r, "reviewed_at") != "2026-01-02T03:04:05Z" {
		t.Errorf("row 1 = %q", r)
	}
	if r := rows[2]; !strings.HasPrefix(col(r, "text"), "'=") || col(r, "status") != "pending" {
		t.Errorf("row 2 = %q: a formula-like cell must be defused, an unreviewed claim pending", r)
	}
}

func TestClaimsJSONL(t *testing.T) {
	var buf bytes.Buffer
	w, _ := NewClaimWriter(&buf, JSONL)
	for _, r := range claimRecords() {
		w.Write(r)
	}
	w.Close()
	golden(t, "claims.jsonl", buf.Bytes())
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	for i, l := range lines {
		var r lumen.ClaimRecord
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if r.ID != claimRecords()[i].ID || r.Article.ID == "" {
			t.Errorf("line %d = %+v", i, r)
		}
	}
	if !strings.Contains(lines[0], `"doi":"10.1000/jsgr.2024_15"`) || !strings.Contains(lines[0], `"status":"rejected"`) {
		t.Errorf("line 0 lacks the identifiers or the status: %s", lines[0])
	}
}

func TestFormats(t *testing.T) {
	if _, err := NewClaimWriter(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("NewClaimWriter(xml) succeeded")
	}
	if _, err := NewArticleWriter(&bytes.Buffer{}, "csv"); err == nil {
		t.Error("NewArticleWriter(csv) succeeded")
	}
	var buf bytes.Buffer
	w, _ := NewArticleWriter(&buf, CSLJSON)
	w.Close()
	var v []any
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil || len(v) != 0 {
		t.Errorf("empty CSL-JSON = %q", buf.String())
	}
}

func TestSplitName(t *testing.T) {
	for _, tt := range []struct{ in, family, given string }{
		{"Jane Smith", "Smith", "Jane"},
		{"Smith JQ", "Smith", "JQ"},
		{"Smith, Jane Q.", "Smith", "Jane Q."},
		{"Ludwig van Beethoven", "van Beethoven", "Ludwig"},
		{"Plato", "Plato", ""},
		{"The Cochrane Skin Group Collaboration Team", "The Cochrane Skin Group Collaboration Team", ""},
	} {
		if f, g := splitName(tt.in); f != tt.family || g != tt.given {
			t.Errorf("splitName(%q) = %q, %q; want %q, %q", tt.in, f, g, tt.family, tt.given)
		}
	}
}

// Citation keys stay unique however many articles share a base (qa2: the
// 27th authorless web page of a year repeated "lumen2024z"), and letters
// outside ASCII are transliterated, not dropped.
func TestBibTeXKeys(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewArticleWriter(&buf, BibTeX)
	if err != nil {
		t.Fatal(err)
	}
	published := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	const n = 60
	for i := range n {
		if err := w.Write(lumen.ArticleMeta{ID: fmt.Sprintf("%032x", i), Title: "Page", URL: "https://example.org/p", Published: published}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"Ana Ñúñez", "Jörg Müller", "Søren Østergaard", "Wei Straße"} {
		if err := w.Write(lumen.ArticleMeta{ID: "x", Title: "T", Authors: []string{name}, Published: published}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	entries := parseBibTeX(t, buf.String())
	seen := map[string]bool{}
	for _, e := range entries {
		if seen[e.key] {
			t.Errorf("key %q twice", e.key)
		}
		seen[e.key] = true
	}
	for _, want := range []string{"lumen2024", "lumen2024a", "lumen2024z", "lumen2024aa", "lumen2024bg",
		"nunez2024", "muller2024", "ostergaard2024", "strasse2024"} {
		if !seen[want] {
			t.Errorf("no key %q among %d entries", want, len(entries))
		}
	}
}

// TestDateAsWritten: a publication date with an offset is cited on the
// calendar date the publisher wrote, not its UTC day (qa4 BUG 3).
func TestDateAsWritten(t *testing.T) {
	a := lumen.ArticleMeta{ID: fmt.Sprintf("%032x", 7), Title: "Late news", URL: "https://example.org/tz7",
		Published: time.Date(2023, 12, 31, 22, 0, 0, 0, time.FixedZone("", -5*3600))} // 2024-01-01 03:00 UTC
	for _, tt := range []struct{ format, want string }{
		{RIS, "PY  - 2023"},
		{RIS, "DA  - 2023/12/31"},
		{BibTeX, "year = {2023}"},
		{BibTeX, "month = {dec}"},
		{CSLJSON, `[[2023,12,31]]`},
	} {
		if got := writeOne(t, tt.format, a); !strings.Contains(got, tt.want) {
			t.Errorf("%s of %s = %s, want it to hold %q", tt.format, a.Published, got, tt.want)
		}
	}
	var buf bytes.Buffer
	w, err := NewClaimWriter(&buf, "csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(lumen.ClaimRecord{Claim: lumen.Claim{ID: "c1", Text: "Probiotics reduced acne."}, Article: a}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), ",2023-12-31,") {
		t.Errorf("claims CSV = %s, want the published date 2023-12-31", buf.String())
	}
}
