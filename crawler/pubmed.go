package crawler

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/extract"
)

// PubMed E-utilities: esearch with the source's query and a date window
// (Entrez date since the last successful run, with a day of overlap) and
// usehistory=y, then efetch of PubmedArticleSet XML in batches from the
// history server. NCBI asks for at most 3 requests/s without an API key and
// 10 with one; the host gate enforces it.
const (
	pubmedBase     = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
	apiBatch       = 200 // records per efetch or Europe PMC page
	pubmedTool     = "lumen"
	pubmedDelay    = 334 * time.Millisecond // 3/s
	pubmedDelayKey = 100 * time.Millisecond // 10/s
	windowOverlap  = 24 * time.Hour
)

type esearchResult struct {
	Count    int      `xml:"Count"`
	QueryKey string   `xml:"QueryKey"`
	WebEnv   string   `xml:"WebEnv"`
	ErrorMsg string   `xml:"ERROR"`
	IDs      []string `xml:"IdList>Id"`
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
	c.gate.setDelay(bu.Host, delay)
	cur, err := c.apiCursor(ctx, r)
	if err != nil {
		return err
	}
	common := url.Values{"db": {"pubmed"}, "tool": {pubmedTool}}
	if c.o.Contact != "" {
		common.Set("email", c.o.Contact)
	}
	if c.o.NCBIAPIKey != "" {
		common.Set("api_key", c.o.NCBIAPIKey)
	}
	q := cloneValues(common)
	q.Set("term", r.src.Query)
	q.Set("usehistory", "y")
	q.Set("retmax", "0")
	if !cur.From.IsZero() {
		q.Set("datetype", "edat")
		q.Set("mindate", cur.From.Format("2006/01/02"))
		q.Set("maxdate", cur.To.Format("2006/01/02"))
	}
	body, ok := c.apiGet(ctx, r, base+"esearch.fcgi?"+q.Encode(), "application/xml")
	if !ok {
		return nil
	}
	var es esearchResult
	if err := xml.Unmarshal(body, &es); err != nil {
		r.count(c.o.Metrics, "failed", "bad_response")
		r.fail("esearch: " + err.Error())
		return nil
	}
	if es.ErrorMsg != "" || es.WebEnv == "" {
		r.count(c.o.Metrics, "failed", "api_error")
		r.fail("esearch: " + firstNonEmpty(es.ErrorMsg, "no WebEnv in response"))
		return nil
	}
	c.log.Info("pubmed search", "source", r.src.Name, "count", es.Count, "offset", cur.Offset, "from", cur.From, "to", cur.To)
	for cur.Offset < es.Count && r.pagesLeft() > 0 {
		if ctx.Err() != nil {
			return nil
		}
		f := cloneValues(common)
		f.Set("query_key", es.QueryKey)
		f.Set("WebEnv", es.WebEnv)
		f.Set("retstart", strconv.Itoa(cur.Offset))
		f.Set("retmax", strconv.Itoa(min(c.apiBatch, es.Count-cur.Offset, r.pagesLeft())))
		f.Set("retmode", "xml")
		body, ok := c.apiGet(ctx, r, base+"efetch.fcgi?"+f.Encode(), "application/xml")
		if !ok {
			return nil
		}
		arts, err := ParsePubMed(body)
		if err != nil {
			r.count(c.o.Metrics, "failed", "bad_response")
			r.fail("efetch: " + err.Error())
			return nil
		}
		if len(arts) == 0 {
			break
		}
		for _, a := range arts {
			if err := c.publishRecord(ctx, r, a); err != nil {
				return err
			}
			cur.Offset++
			if err := c.saveCursor(ctx, r, cur); err != nil {
				return err
			}
		}
	}
	return c.apiDone(ctx, r, cur, cur.Offset >= es.Count)
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
				MedlineDate string `xml:"MedlineDate"`
			} `xml:"JournalIssue>PubDate"`
		} `xml:"Journal"`
		Title    innerXML       `xml:"ArticleTitle"`
		Abstract []abstractText `xml:"Abstract>AbstractText"`
		Authors  []struct {
			LastName   string `xml:"LastName"`
			ForeName   string `xml:"ForeName"`
			Initials   string `xml:"Initials"`
			Collective string `xml:"CollectiveName"`
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

// innerXML is element content with inline markup (<i>, <sup> ...) removed.
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
		case xml.EndElement:
			if tk.Name == start.Name {
				*t = innerXML(strings.Join(strings.Fields(b.String()), " "))
				return nil
			}
		}
	}
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

// abstractText is one (possibly labelled) section of an abstract.
type abstractText struct {
	Label string
	Text  string
}

var months = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

func ymd(y, m, d string) time.Time {
	year, err := strconv.Atoi(strings.TrimSpace(y))
	if err != nil || year < 1000 {
		return time.Time{}
	}
	month := time.January
	m = strings.TrimSpace(m)
	if n, err := strconv.Atoi(m); err == nil && n >= 1 && n <= 12 {
		month = time.Month(n)
	} else if mm, ok := months[strings.ToLower(m[:min(len(m), 3)])]; ok {
		month = mm
	}
	day, err := strconv.Atoi(strings.TrimSpace(d))
	if err != nil || day < 1 || day > 31 {
		day = 1
	}
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

var yearPattern = regexp.MustCompile(`\b(1[89]\d\d|2\d\d\d)\b`)

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
			URL:     "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/",
			PMID:    pmid,
			Title:   strings.TrimSpace(string(art.Title)),
			Journal: strings.TrimSpace(art.Journal.Title),
			MeSH:    trimAll(p.MeSH),
		}
		a.PublicationTypes = trimAll(art.PubTypes)
		for _, au := range art.Authors {
			switch {
			case au.Collective != "":
				a.Authors = append(a.Authors, strings.TrimSpace(au.Collective))
			case au.LastName != "":
				a.Authors = append(a.Authors, strings.TrimSpace(strings.TrimSpace(au.ForeName)+" "+au.LastName))
			}
		}
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
			a.Published = ymd(pd.Year, pd.Month, pd.Day)
		case pd.MedlineDate != "":
			if y := yearPattern.FindString(pd.MedlineDate); y != "" {
				a.Published = ymd(y, "", "")
			}
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
