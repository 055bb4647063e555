package crawler

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/extract"
)

// PubMed E-utilities. A run searches the Entrez dates (edat) of its window
// with esearch, which lists the PMIDs of up to pubmedMaxHits records, and
// fetches those records with efetch (PubmedArticleSet XML) in batches of
// apiBatch, by PMID. E-utilities page through at most 10,000 records of a
// search (past that, retstart is answered with an error body), so a window
// with more hits is split in two by date until each part has fewer. Asking
// by PMID shows which records efetch left out: they are asked once more,
// then counted (missing_record) and passed over, so that one record PubMed
// cannot serve does not hold the window open. NCBI asks for at most 3
// requests/s without an API key and 10 with one; the host gate enforces it.
const (
	pubmedBase     = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
	apiBatch       = 200 // records per efetch or Europe PMC page
	pubmedTool     = "lumen"
	pubmedDelay    = 334 * time.Millisecond // 3/s
	pubmedDelayKey = 100 * time.Millisecond // 10/s
	windowOverlap  = 24 * time.Hour
	pubmedMaxHits  = 9999
)

// pubmedEpoch is where splitting a search of all time starts: before the
// oldest Entrez dates.
var pubmedEpoch = time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC)

type esearchResult struct {
	XMLName  xml.Name
	Count    *int     `xml:"Count"`
	ErrorMsg string   `xml:"ERROR"`
	IDs      []string `xml:"IdList>Id"`
	// PhraseNotFound and OutputMessage explain an empty answer.
	NotFound []string `xml:"ErrorList>PhraseNotFound"`
	Messages []string `xml:"WarningList>OutputMessage"`
}

func parseESearch(b []byte) (esearchResult, error) {
	var es esearchResult
	if err := xml.Unmarshal(b, &es); err != nil {
		return es, fmt.Errorf("esearch: %w", err)
	}
	if msg := strings.TrimSpace(es.ErrorMsg); msg != "" {
		return es, fmt.Errorf("esearch: %s: %w", msg, errAPI)
	}
	if es.XMLName.Local != "eSearchResult" || es.Count == nil {
		return es, fmt.Errorf("esearch: <%s> without a Count", es.XMLName.Local)
	}
	return es, nil
}

func (c *Crawler) runPubMed(ctx context.Context, r *run) error {
	base := apiBase(r.src, pubmedBase)
	bu, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("pubmed base %q: %w", base, err)
	}
	delay := pubmedDelay
	if c.o.NCBIAPIKey != "" {
		delay = pubmedDelayKey
	}
	c.gate.pin(bu.Host, delay)
	cur, err := c.apiCursor(ctx, r)
	if err != nil {
		return err
	}
	if len(cur.Parts) == 0 && cur.Offset == 0 {
		cur.Parts = []apiWindow{{From: cur.From, To: cur.To}}
	}
	common := url.Values{"db": {"pubmed"}, "tool": {pubmedTool}}
	if c.o.Contact != "" {
		common.Set("email", c.o.Contact)
	}
	if c.o.NCBIAPIKey != "" {
		common.Set("api_key", c.o.NCBIAPIKey)
	}
	for len(cur.Parts) > 0 && r.pagesLeft() > 0 {
		if ctx.Err() != nil {
			return nil
		}
		part := cur.Parts[0]
		q := cloneValues(common)
		q.Set("term", r.src.Query)
		q.Set("retmax", strconv.Itoa(c.pubmedMaxHits))
		if !part.From.IsZero() {
			q.Set("datetype", "edat")
			q.Set("mindate", part.From.Format("2006/01/02"))
			q.Set("maxdate", part.To.Format("2006/01/02"))
		}
		var es esearchResult
		if _, ok := c.apiFetch(ctx, r, base+"esearch.fcgi?"+q.Encode(), "application/xml", func(b []byte) (err error) {
			es, err = parseESearch(b)
			return err
		}); !ok {
			return c.apiDone(ctx, r, cur, false)
		}
		count := *es.Count
		c.log.Info("pubmed search", "source", r.src.Name, "count", count, "from", part.From, "to", part.To, "offset", cur.Offset)
		if count == 0 && len(es.NotFound)+len(es.Messages) > 0 {
			c.log.Info("pubmed search found nothing", "source", r.src.Name, "not_found", es.NotFound, "messages", es.Messages)
		}
		if count > c.pubmedMaxHits && cur.Offset == 0 {
			if left, right, ok := splitWindow(part); ok {
				cur.Parts = append([]apiWindow{left, right}, cur.Parts[1:]...)
				if err := c.saveCursor(ctx, r, cur); err != nil {
					return err
				}
				continue
			}
			// One day of more hits than E-utilities page through.
			r.countN(c.o.Metrics, "skipped", "api_limit", count-c.pubmedMaxHits)
			c.log.Warn("pubmed: more hits in one day than E-utilities return", "source", r.src.Name, "day", part.From, "count", count)
		}
		// PMIDs grow with time: in ascending order, records entering the
		// window while a run is interrupted go to the end of the list, and
		// the offset of a resumed run still points where it stopped.
		ids := sortPMIDs(es.IDs)
		if cur.Offset == 0 {
			cur.Hits += len(ids)
		}
		for cur.Offset < len(ids) && r.pagesLeft() > 0 {
			if ctx.Err() != nil {
				return nil
			}
			batch := ids[cur.Offset:min(cur.Offset+c.apiBatch, len(ids), cur.Offset+r.pagesLeft())]
			recs, ok := c.pubmedFetch(ctx, r, base, common, batch)
			if !ok {
				return c.apiDone(ctx, r, cur, false)
			}
			for _, id := range batch {
				if a, ok := recs[id]; ok {
					if err := c.publishRecord(ctx, r, a); err != nil {
						return err
					}
				} else {
					c.log.Warn("pubmed record not served by efetch; passed over", "source", r.src.Name, "pmid", id)
					r.count(c.o.Metrics, "skipped", "missing_record")
					r.takePage()
				}
				cur.Offset++
				if err := c.saveCursor(ctx, r, cur); err != nil {
					return err
				}
			}
		}
		if cur.Offset >= len(ids) {
			cur.Parts, cur.Offset = cur.Parts[1:], 0
			if err := c.saveCursor(ctx, r, cur); err != nil {
				return err
			}
		}
	}
	return c.apiDone(ctx, r, cur, len(cur.Parts) == 0)
}

// pubmedFetch fetches the records of ids with efetch; records efetch left
// out are asked for once more. It returns the records by PMID.
func (c *Crawler) pubmedFetch(ctx context.Context, r *run, base string, common url.Values, ids []string) (map[string]lumen.Article, bool) {
	recs := map[string]lumen.Article{}
	want := ids
	for round := 0; round < 2 && len(want) > 0; round++ {
		f := cloneValues(common)
		f.Set("id", strings.Join(want, ","))
		f.Set("retmode", "xml")
		var arts []lumen.Article
		if _, ok := c.apiFetch(ctx, r, base+"efetch.fcgi?"+f.Encode(), "application/xml", func(b []byte) (err error) {
			arts, err = parseEFetch(b)
			return err
		}); !ok {
			return nil, false
		}
		for _, a := range arts {
			recs[a.PMID] = a
		}
		var missing []string
		for _, id := range want {
			if _, ok := recs[id]; !ok {
				missing = append(missing, id)
			}
		}
		if len(missing) > 0 && round == 0 {
			c.log.Info("efetch left records out; asking for them again", "source", r.src.Name, "missing", len(missing), "asked", len(want))
		}
		want = missing
	}
	return recs, true
}

// parseEFetch parses an efetch answer, telling an error body (HTTP 200 with
// <ERROR>, as E-utilities answer a retstart past 10,000 or an expired
// history) and a truncated document from an answer.
func parseEFetch(b []byte) ([]lumen.Article, error) {
	var head struct {
		XMLName xml.Name
		Error   string `xml:"ERROR"`
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&head); err != nil {
		return nil, fmt.Errorf("efetch: %w", err)
	}
	if msg := strings.TrimSpace(head.Error); msg != "" {
		return nil, fmt.Errorf("efetch: %s: %w", msg, errAPI)
	}
	if head.XMLName.Local != "PubmedArticleSet" {
		return nil, fmt.Errorf("efetch: <%s> is not a PubmedArticleSet", head.XMLName.Local)
	}
	return ParsePubMed(b)
}

// splitWindow splits a window into two halves by day; ok is false for a
// single day.
func splitWindow(w apiWindow) (left, right apiWindow, ok bool) {
	from := w.From
	if from.IsZero() {
		from = pubmedEpoch
	}
	from = from.Truncate(24 * time.Hour)
	to := w.To.Truncate(24 * time.Hour)
	days := int(to.Sub(from).Hours() / 24)
	if days < 1 {
		return w, w, false
	}
	mid := from.AddDate(0, 0, days/2)
	return apiWindow{From: from, To: mid}, apiWindow{From: mid.AddDate(0, 0, 1), To: w.To}, true
}

// sortPMIDs returns the PMIDs in numeric order, without duplicates or
// anything that is not a PMID.
func sortPMIDs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && isDigits(id) && !slices.Contains(out[max(len(out)-1, 0):], id) {
			out = append(out, id)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(out)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// PubmedArticleSet, the parts Lumen maps.
type pubmedSet struct {
	Articles []pubmedArticle `xml:"PubmedArticle"`
}

type pubmedArticle struct {
	PMID    string `xml:"MedlineCitation>PMID"`
	Article struct {
		Journal struct {
			Title   string `xml:"Title"`
			PubDate struct {
				Year        string `xml:"Year"`
				Month       string `xml:"Month"`
				Day         string `xml:"Day"`
				Season      string `xml:"Season"`
				MedlineDate string `xml:"MedlineDate"`
			} `xml:"JournalIssue>PubDate"`
		} `xml:"Journal"`
		Title    innerXML       `xml:"ArticleTitle"`
		Abstract []abstractText `xml:"Abstract>AbstractText"`
		Authors  []struct {
			LastName   string   `xml:"LastName"`
			ForeName   string   `xml:"ForeName"`
			Initials   string   `xml:"Initials"`
			Suffix     string   `xml:"Suffix"`
			Collective innerXML `xml:"CollectiveName"`
		} `xml:"AuthorList>Author"`
		Language   []string `xml:"Language"`
		PubTypes   []string `xml:"PublicationTypeList>PublicationType"`
		ELocations []struct {
			Type  string `xml:"EIdType,attr"`
			Value string `xml:",chardata"`
		} `xml:"ELocationID"`
		ArticleDate []struct {
			Year  string `xml:"Year"`
			Month string `xml:"Month"`
			Day   string `xml:"Day"`
		} `xml:"ArticleDate"`
	} `xml:"MedlineCitation>Article"`
	MeSH       []string `xml:"MedlineCitation>MeshHeadingList>MeshHeading>DescriptorName"`
	ArticleIDs []struct {
		Type  string `xml:"IdType,attr"`
		Value string `xml:",chardata"`
	} `xml:"PubmedData>ArticleIdList>ArticleId"`
}

// innerXML is element content with inline markup (<i>, <sup> ...) removed
// and MathML rendered as text (see mathText).
type innerXML string

func (t *innerXML) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tk := tok.(type) {
		case xml.CharData:
			b.Write(tk)
		case xml.StartElement:
			if tk.Name.Local == "math" {
				m, err := readMath(d, tk)
				if err != nil {
					return err
				}
				b.WriteString(m.text())
			}
		case xml.EndElement:
			if tk.Name == start.Name {
				*t = innerXML(strings.Join(strings.Fields(b.String()), " "))
				return nil
			}
		}
	}
}

// mathNode is a MathML element: its name and children, or a leaf's text.
type mathNode struct {
	name string
	data string
	kids []*mathNode
}

// readMath reads a MathML element whose start tag was just read.
func readMath(d *xml.Decoder, start xml.StartElement) (*mathNode, error) {
	n := &mathNode{name: start.Name.Local}
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			k, err := readMath(d, tk)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, k)
		case xml.CharData:
			// The indentation between MathML elements is not text.
			n.data += strings.TrimSpace(string(tk))
		case xml.EndElement:
			return n, nil
		}
	}
}

// combining marks for the accents MathML puts over a letter (V̇ for a rate).
var mathAccents = map[string]string{".": "\u0307", "˙": "\u0307", "·": "\u0307", "¨": "\u0308", "^": "\u0302", "ˆ": "\u0302",
	"~": "\u0303", "˜": "\u0303", "¯": "\u0304", "‾": "\u0305", "→": "\u20d7"}

// text renders MathML as it reads in running text: V̇O2max, not
// "V . O 2 m a x". Subscripts and superscripts follow their base (a
// superscript after "^" unless it is a sign or a digit run), fractions are
// written with a slash and roots with √.
func (n *mathNode) text() string {
	kid := func(i int) string {
		if i < len(n.kids) {
			return n.kids[i].text()
		}
		return ""
	}
	switch n.name {
	case "mi", "mn", "mo", "mtext", "ms":
		return n.data
	case "mover":
		if acc, ok := mathAccents[kid(1)]; ok {
			return kid(0) + acc
		}
		return kid(0) + kid(1)
	case "msup":
		sup := kid(1)
		if sup == "" {
			return kid(0)
		}
		return kid(0) + "^" + sup
	case "mfrac":
		return kid(0) + "/" + kid(1)
	case "msqrt":
		return "√(" + n.join() + ")"
	case "mroot":
		return kid(1) + "√(" + kid(0) + ")"
	case "annotation", "annotation-xml":
		return ""
	case "semantics":
		return kid(0)
	}
	return n.data + n.join()
}

func (n *mathNode) join() string {
	var b strings.Builder
	for _, k := range n.kids {
		b.WriteString(k.text())
	}
	return b.String()
}

// abstractText is one (possibly labelled) section of an abstract.
type abstractText struct {
	Label string
	Text  string
}

func (a *abstractText) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	for _, at := range start.Attr {
		if at.Name.Local == "Label" {
			a.Label = at.Value
		}
	}
	var t innerXML
	if err := t.UnmarshalXML(d, start); err != nil {
		return err
	}
	a.Text = string(t)
	return nil
}

var months = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// seasons map a journal issue's season to the month it starts with, as
// citation tools do.
var seasons = map[string]time.Month{"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

// month reads a month as a number, a name or an abbreviation, or a season;
// 0 when it is none of these.
func month(m string) time.Month {
	m = strings.ToLower(strings.TrimSpace(m))
	if n, err := strconv.Atoi(m); err == nil && n >= 1 && n <= 12 {
		return time.Month(n)
	}
	if mm, ok := seasons[m]; ok {
		return mm
	}
	return months[m[:min(len(m), 3)]]
}

func ymd(y, m, d string) time.Time {
	year, err := strconv.Atoi(strings.TrimSpace(y))
	if err != nil || year < 1000 {
		return time.Time{}
	}
	mm := month(m)
	if mm == 0 {
		mm = time.January
	}
	day, err := strconv.Atoi(strings.TrimSpace(d))
	if err != nil || day < 1 || day > 31 {
		day = 1
	}
	return time.Date(year, mm, day, 0, 0, 0, 0, time.UTC)
}

var medlineDate = regexp.MustCompile(`\b(1[89]\d\d|2\d\d\d)\b(?:\s+([A-Za-z]+))?(?:\s+(\d{1,2})\b)?`)

// parseMedlineDate reads the start of a MedlineDate, the free-form date of
// an issue: "1998 Dec-1999 Jan", "2000 Spring-Summer", "1976 Aug 28-Sep 4".
func parseMedlineDate(s string) time.Time {
	m := medlineDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}
	}
	if month(m[2]) == 0 {
		return ymd(m[1], "", "")
	}
	return ymd(m[1], m[2], m[3])
}

// ParsePubMed maps a PubmedArticleSet (efetch retmode=xml) to articles. The
// text is the title, a blank line, then the abstract; the sections of a
// structured abstract are kept as blocks starting with their label
// ("RESULTS: ...").
func ParsePubMed(b []byte) ([]lumen.Article, error) {
	var set pubmedSet
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&set); err != nil {
		return nil, fmt.Errorf("parse PubmedArticleSet: %w", err)
	}
	out := make([]lumen.Article, 0, len(set.Articles))
	for _, p := range set.Articles {
		pmid := strings.TrimSpace(p.PMID)
		if pmid == "" {
			continue
		}
		art := &p.Article
		a := lumen.Article{
			Kind:    lumen.ArticleAbstract,
			URL:     "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/",
			PMID:    pmid,
			Title:   strings.TrimSpace(string(art.Title)),
			Journal: strings.TrimSpace(art.Journal.Title),
			MeSH:    trimAll(p.MeSH),
		}
		a.PublicationTypes = trimAll(art.PubTypes)
		var authors []lumen.Author
		for _, au := range art.Authors {
			switch {
			case strings.TrimSpace(string(au.Collective)) != "":
				authors = append(authors, lumen.Author{Literal: oneSpace(string(au.Collective))})
			case strings.TrimSpace(au.LastName) != "":
				authors = append(authors, personName(au.LastName, au.ForeName, au.Initials, au.Suffix))
			}
		}
		a.SetAuthors(authors)
		if len(art.Language) > 0 {
			a.Language = languageTag(art.Language[0])
		}
		for _, e := range art.ELocations {
			if strings.EqualFold(e.Type, "doi") && a.DOI == "" {
				a.DOI = extract.NormalizeDOI(e.Value)
			}
		}
		for _, id := range p.ArticleIDs {
			switch strings.ToLower(id.Type) {
			case "doi":
				if a.DOI == "" {
					a.DOI = extract.NormalizeDOI(id.Value)
				}
			case "pmc":
				a.PMCID = strings.ToUpper(strings.TrimSpace(id.Value))
			}
		}
		pd := art.Journal.PubDate
		switch {
		case len(art.ArticleDate) > 0:
			d := art.ArticleDate[0]
			a.Published = ymd(d.Year, d.Month, d.Day)
		case pd.Year != "":
			m := pd.Month
			if m == "" {
				m = pd.Season
			}
			a.Published = ymd(pd.Year, m, pd.Day)
		case pd.MedlineDate != "":
			a.Published = parseMedlineDate(pd.MedlineDate)
		}
		blocks := []string{}
		if a.Title != "" {
			blocks = append(blocks, a.Title)
		}
		for _, s := range art.Abstract {
			t := strings.TrimSpace(s.Text)
			if t == "" {
				continue
			}
			if l := strings.TrimSpace(s.Label); l != "" && !strings.EqualFold(l, "UNLABELLED") {
				t = strings.ToUpper(l) + ": " + t
			}
			blocks = append(blocks, t)
		}
		a.Text = strings.Join(blocks, "\n\n")
		out = append(out, a)
	}
	return out, nil
}
