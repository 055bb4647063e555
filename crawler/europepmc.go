package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/extract"
)

// Europe PMC REST search (resultType=core, JSON) with cursorMark paging. The
// date window (CREATION_DATE, when the record entered Europe PMC, since the
// last successful run with a day of overlap) is added to the source's query.
const europePMCBase = "https://www.ebi.ac.uk/europepmc/webservices/rest/"

type epmcResponse struct {
	HitCount       *int   `json:"hitCount"`
	NextCursorMark string `json:"nextCursorMark"`
	ResultList     *struct {
		Result []epmcRecord `json:"result"`
	} `json:"resultList"`
	// An error answer: Europe PMC's REST API reports a bad query or a
	// failure of its own with these instead of a result list.
	ErrCode any    `json:"errCode"`
	ErrMsg  string `json:"errMsg"`
}

// parseEuropePMC parses a search answer, telling an error answer and a
// truncated or foreign document from a result list.
func parseEuropePMC(b []byte) (epmcResponse, error) {
	var res epmcResponse
	if err := json.Unmarshal(b, &res); err != nil {
		return res, fmt.Errorf("europepmc search: %w", err)
	}
	if res.ErrMsg != "" || res.ErrCode != nil {
		return res, fmt.Errorf("europepmc search: %v %s: %w", res.ErrCode, res.ErrMsg, errAPI)
	}
	if res.HitCount == nil || res.ResultList == nil {
		return res, errors.New("europepmc search: no hitCount or resultList in the answer")
	}
	return res, nil
}

type epmcRecord struct {
	ID           string `json:"id"`
	Source       string `json:"source"`
	PMID         string `json:"pmid"`
	PMCID        string `json:"pmcid"`
	DOI          string `json:"doi"`
	Title        string `json:"title"`
	AuthorString string `json:"authorString"`
	AuthorList   struct {
		Author []struct {
			FullName       string `json:"fullName"`
			FirstName      string `json:"firstName"`
			LastName       string `json:"lastName"`
			Initials       string `json:"initials"`
			CollectiveName string `json:"collectiveName"`
		} `json:"author"`
	} `json:"authorList"`
	JournalInfo struct {
		Journal struct {
			Title string `json:"title"`
		} `json:"journal"`
		PrintPublicationDate string `json:"printPublicationDate"`
	} `json:"journalInfo"`
	BookOrReportDetails struct {
		Publisher string `json:"publisher"`
	} `json:"bookOrReportDetails"`
	PubYear                   string `json:"pubYear"`
	AbstractText              string `json:"abstractText"`
	Language                  string `json:"language"`
	FirstPublicationDate      string `json:"firstPublicationDate"`
	ElectronicPublicationDate string `json:"electronicPublicationDate"`
	PubTypeList               struct {
		PubType []string `json:"pubType"`
	} `json:"pubTypeList"`
	MeshHeadingList struct {
		MeshHeading []struct {
			DescriptorName string `json:"descriptorName"`
		} `json:"meshHeading"`
	} `json:"meshHeadingList"`
}

func (c *Crawler) runEuropePMC(ctx context.Context, r *run) error {
	base := apiBase(r.src, europePMCBase)
	cur, err := c.apiCursor(ctx, r)
	if err != nil {
		return err
	}
	query := "(" + r.src.Query + ")"
	if !cur.From.IsZero() {
		query += fmt.Sprintf(" AND (CREATION_DATE:[%s TO %s])", cur.From.Format("2006-01-02"), cur.To.Format("2006-01-02"))
	}
	if cur.Mark == "" {
		cur.Mark = "*"
	}
	exhausted := false
	for r.pagesLeft() > 0 {
		if ctx.Err() != nil {
			return nil
		}
		q := url.Values{
			"query":      {query},
			"format":     {"json"},
			"resultType": {"core"},
			"pageSize":   {strconv.Itoa(min(c.apiBatch, r.pagesLeft()+cur.Skip))},
			"cursorMark": {cur.Mark},
		}
		if c.o.Contact != "" {
			q.Set("email", c.o.Contact)
		}
		var res epmcResponse
		if _, ok := c.apiFetch(ctx, r, base+"search?"+q.Encode(), "application/json", func(b []byte) (err error) {
			res, err = parseEuropePMC(b)
			return err
		}); !ok {
			return c.apiDone(ctx, r, cur, false)
		}
		if cur.Offset == 0 && cur.Mark == "*" {
			cur.Hits = *res.HitCount
			c.log.Info("europepmc search", "source", r.src.Name, "count", *res.HitCount, "from", cur.From, "to", cur.To)
		}
		results := res.ResultList.Result
		for i, rec := range results {
			if i < cur.Skip {
				continue // done before the run was interrupted
			}
			a, ok := europePMCArticle(rec)
			if !ok {
				r.count(c.o.Metrics, "skipped", "no_text")
				r.takePage()
			} else if err := c.publishRecord(ctx, r, a); err != nil {
				return err
			}
			cur.Offset++
			cur.Skip = i + 1
			if i+1 < len(results) {
				if err := c.saveCursor(ctx, r, cur); err != nil {
					return err
				}
			}
			if r.pagesLeft() <= 0 && i+1 < len(results) {
				break
			}
		}
		if cur.Skip < len(results) {
			// The budget ran out within the page: the next run reads it again.
			break
		}
		exhausted = len(results) == 0 || res.NextCursorMark == "" || res.NextCursorMark == cur.Mark ||
			cur.Offset >= *res.HitCount
		if res.NextCursorMark != "" {
			cur.Mark, cur.Skip = res.NextCursorMark, 0
		}
		if err := c.saveCursor(ctx, r, cur); err != nil {
			return err
		}
		if exhausted {
			break
		}
	}
	return c.apiDone(ctx, r, cur, exhausted)
}

// europePMCArticle maps one core result; ok is false when it has neither
// title nor abstract.
func europePMCArticle(rec epmcRecord) (lumen.Article, bool) {
	a := lumen.Article{
		Kind:    lumen.ArticleAbstract,
		Title:   strings.TrimSpace(htmlText(rec.Title)),
		DOI:     extract.NormalizeDOI(rec.DOI),
		PMID:    strings.TrimSpace(rec.PMID),
		PMCID:   strings.ToUpper(strings.TrimSpace(rec.PMCID)),
		Journal: strings.TrimSpace(rec.JournalInfo.Journal.Title),
	}
	if a.Journal == "" {
		a.Journal = strings.TrimSpace(rec.BookOrReportDetails.Publisher)
	}
	if rec.Source != "" && rec.ID != "" {
		a.URL = "https://europepmc.org/article/" + url.PathEscape(rec.Source) + "/" + url.PathEscape(rec.ID)
	}
	var authors []lumen.Author
	for _, au := range rec.AuthorList.Author {
		switch {
		case strings.TrimSpace(au.LastName) != "":
			p := personName(au.LastName, au.FirstName, au.Initials, "")
			if p.Given == "" {
				p.Name = oneSpace(au.FullName) // "Jones R", as Europe PMC shows it
			}
			authors = append(authors, p)
		case strings.TrimSpace(au.CollectiveName) != "":
			authors = append(authors, lumen.Author{Literal: oneSpace(au.CollectiveName)})
		case strings.TrimSpace(au.FullName) != "":
			authors = append(authors, lumen.Author{Name: oneSpace(au.FullName)})
		}
	}
	if len(authors) == 0 && rec.AuthorString != "" {
		// The short list ("Jones R, Pitman J.") gives display names only.
		for _, n := range strings.Split(strings.TrimSuffix(rec.AuthorString, "."), ",") {
			if n = oneSpace(n); n != "" {
				authors = append(authors, lumen.Author{Name: n})
			}
		}
	}
	a.SetAuthors(authors)
	for _, d := range []string{rec.ElectronicPublicationDate, rec.FirstPublicationDate, rec.JournalInfo.PrintPublicationDate} {
		if t, err := time.Parse("2006-01-02", strings.TrimSpace(d)); err == nil {
			a.Published = t
			break
		}
	}
	if a.Published.IsZero() && rec.PubYear != "" {
		a.Published = ymd(rec.PubYear, "", "")
	}
	a.Language = languageTag(rec.Language)
	a.PublicationTypes = epmcTypes(rec.PubTypeList.PubType)
	for _, m := range rec.MeshHeadingList.MeshHeading {
		if m.DescriptorName != "" {
			a.MeSH = append(a.MeSH, m.DescriptorName)
		}
	}
	abstract := abstractBlocks(rec.AbstractText)
	if a.Title == "" && abstract == "" {
		return a, false
	}
	a.Text = strings.TrimSpace(a.Title + "\n\n" + abstract)
	return a, true
}

// abstractBlocks renders Europe PMC's abstract HTML (structured abstracts
// come as <h4>Label</h4> followed by the section) as blocks, each section
// starting with its label as in PubMed ("RESULTS: ...").
func abstractBlocks(s string) string {
	text := htmlText(s)
	if !strings.Contains(s, "<h4>") {
		return text
	}
	blocks := strings.Split(text, "\n\n")
	var out []string
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if len(b) < 40 && !strings.HasSuffix(b, ".") && i+1 < len(blocks) {
			out = append(out, strings.ToUpper(strings.TrimSuffix(b, ":"))+": "+blocks[i+1])
			i++
			continue
		}
		out = append(out, b)
	}
	return strings.Join(out, "\n\n")
}

// jatsTypes maps the JATS article types Europe PMC lists for full-text
// records (research-article, review-article ...) to PubMed's publication
// types, the one vocabulary the tagger reads evidence from.
var jatsTypes = map[string]string{
	"research-article":            "Journal Article",
	"review-article":              "Review",
	"systematic-review":           "Systematic Review",
	"meta-analysis":               "Meta-Analysis",
	"case-report":                 "Case Reports",
	"clinical-trial":              "Clinical Trial",
	"randomized-controlled-trial": "Randomized Controlled Trial",
	"editorial":                   "Editorial",
	"letter":                      "Letter",
	"article-commentary":          "Comment",
	"discussion":                  "Comment",
	"reply":                       "Comment",
	"correction":                  "Published Erratum",
	"retraction":                  "Retraction of Publication",
	"news":                        "News",
	"brief-report":                "Journal Article",
	"rapid-communication":         "Journal Article",
	"preprint":                    "Preprint",
	"practice-guideline":          "Practice Guideline",
	"guideline":                   "Guideline",
}

// epmcTypes returns a record's publication types in PubMed's vocabulary,
// without duplicates; types it does not know are kept as they are.
func epmcTypes(types []string) []string {
	var out []string
	for _, t := range types {
		t = strings.TrimSpace(t)
		if m, ok := jatsTypes[strings.ToLower(t)]; ok {
			t = m
		}
		if t != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, t) }) {
			out = append(out, t)
		}
	}
	return out
}
