package extract

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestCleanAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Dan Goodin - Apr 16 2015 8:02 pm UTC", []string{"Dan Goodin"}},
		{"By Brenda  Goodman, MA\n    WebMD Health News", []string{"Brenda Goodman"}},
		{"By JEFFREY GETTLEMAN", []string{"Jeffrey Gettleman"}},
		{"by Ana Sandoiu and Jane Doe", []string{"Ana Sandoiu", "Jane Doe"}},
		{"Written by Kelli Miller, MD, PhD", []string{"Kelli Miller"}},
		{"Erin Cunningham | Updated March 18, 2015", []string{"Erin Cunningham"}},
		{"Eleanor Ainge Roy", []string{"Eleanor Ainge Roy"}},
		{"Von Max Mustermann und Erika Musterfrau", []string{"Max Mustermann", "Erika Musterfrau"}},
		{"danah boyd", []string{"danah boyd"}},
		{"Posted on 2015-03-18", nil},
		{"editor@example.org", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := cleanAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("cleanAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct {
		title, site, host, want string
	}{
		{"Mozilla - Wikipedia", "", "en.wikipedia.org", "Mozilla"},
		{"Obama admits US gun laws are his 'biggest frustration' - BBC News", "BBC News", "www.bbc.com", "Obama admits US gun laws are his 'biggest frustration'"},
		{"BBC News - Obama admits", "", "www.bbc.co.uk", "Obama admits"},
		{"Probiotics and eczema | Medical News Today", "", "www.medicalnewstoday.com", "Probiotics and eczema"},
		{"What is the sea telling us? | Eleanor Ainge Roy", "the Guardian", "www.theguardian.com", "What is the sea telling us? | Eleanor Ainge Roy"},
		{"Ebola: What is it? - Part 2", "Health Site", "health.example.com", "Ebola: What is it? - Part 2"},
		{"Wikipedia", "Wikipedia", "en.wikipedia.org", "Wikipedia"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.title, tt.site, tt.host); got != tt.want {
			t.Errorf("cleanTitle(%q, %q, %q) = %q, want %q", tt.title, tt.site, tt.host, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// The offset as written: the publisher's calendar date, not UTC's.
		{"2015-07-24T05:36:09+01:00", "2015-07-24T05:36:09+01:00"},
		{"2019-01-03T02:00:02-0500", "2019-01-03T02:00:02-05:00"},
		{"2023-12-31T22:00:00-05:00", "2023-12-31T22:00:00-05:00"},
		{"2023-06-07T00:30:00+09:00", "2023-06-07T00:30:00+09:00"},
		{"2023-06-06T23:30:00-05:00", "2023-06-06T23:30:00-05:00"},
		{"2015-03-17T16:27:40.294Z", "2015-03-17T16:27:40.294Z"},
		{"2017-07-27", "2017-07-27T00:00:00Z"},
		{"2017/07/27", "2017-07-27T00:00:00Z"},
		{"Jan. 13, 2017", "2017-01-13T00:00:00Z"},
		{"January 13, 2017", "2017-01-13T00:00:00Z"},
		{"13 January 2017", "2017-01-13T00:00:00Z"},
		{"Sept. 4, 2015", "2015-09-04T00:00:00Z"},
		{"Thu, 03 Jan 2019 07:00:02 GMT", "2019-01-03T07:00:02Z"},
		{"20170113", "2017-01-13T00:00:00Z"},
		{"24.01.2022", "2022-01-24T00:00:00Z"},
		{"not a date", "0001-01-01T00:00:00Z"},
		{"", "0001-01-01T00:00:00Z"},
	}
	for _, tt := range tests {
		if got := ParseDate(tt.in).Format(time.RFC3339Nano); got != tt.want {
			t.Errorf("ParseDate(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestURLDateAndTextDate(t *testing.T) {
	urls := map[string]string{
		"http://www.washingtonpost.com/world/gunmen/2015/03/18/00202e76_story.html": "2015-03-18",
		"https://www.theguardian.com/environment/2019/jan/03/what-is-the-sea":       "2019-01-03",
		"http://www.webmd.com/allergies/news/20150220/child-peanut-allergy":         "2015-02-20",
		"https://example.org/2015-07-24-gut-skin":                                   "2015-07-24",
		"https://arstechnica.com/information-technology/2015/04/minecraft/":         "",
		"https://example.org/articles/318674.php":                                   "",
		"https://example.org/2015/13/45/x":                                          "",
	}
	for u, want := range urls {
		got := urlDate(u)
		if got.IsZero() && want != "" || !got.IsZero() && got.Format(time.DateOnly) != want {
			t.Errorf("urlDate(%q) = %v, want %q", u, got, want)
		}
	}
	texts := map[string]string{
		"Posted on July 24th, 2015 by Ana": "2015-07-24",
		"24.01.2022 11:38":                 "2022-01-24",
		"Published 3 Jan 2019":             "2019-01-03",
		"Updated: 2020-02-29":              "2020-02-29",
		"03/04/2015":                       "",
		"Thursday":                         "",
	}
	for s, want := range texts {
		got := textDate(s)
		if got.IsZero() && want != "" || !got.IsZero() && got.Format(time.DateOnly) != want {
			t.Errorf("textDate(%q) = %v, want %q", s, got, want)
		}
	}
}

func TestNormalizeDOI(t *testing.T) {
	tests := map[string]string{
		"10.1016/j.jaci.2020.01.002":                    "10.1016/j.jaci.2020.01.002",
		"doi:10.1111/BJD.18088":                         "10.1111/bjd.18088",
		"https://doi.org/10.3389/fmicb.2018.01459.":     "10.3389/fmicb.2018.01459",
		"https://doi.org/10.1002%2F%28SICI%291097-4636": "10.1002/(sici)1097-4636",
		"no doi here": "",
		// An escaped character is part of the DOI: decoded, not cut.
		"10.1234/abc%7B1%7D_x": "10.1234/abc{1}_x",
		// An escaped space or control character inside the value would
		// leave a DOI cut short, which may be another paper's: refused.
		"10.1234/abc{1}_%20x":   "",
		"10.1234/abc%0Ax":       "",
		"doi:10.1234/abc%09def": "",
		// Text after a DOI written with a space is not part of it.
		"doi:10.1234/abc (print)": "10.1234/abc",
	}
	for in, want := range tests {
		if got := NormalizeDOI(in); got != want {
			t.Errorf("NormalizeDOI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name string
		head string
		want Page // only the metadata fields are compared
	}{
		{
			name: "scholarly citation tags win",
			head: `<meta name="citation_title" content="Gut microbiota in atopic dermatitis">
				<meta name="citation_author" content="Smith, Jane"><meta name="citation_author" content="Doe, John">
				<meta name="citation_doi" content="10.1111/bjd.18088"><meta name="citation_pmid" content="31095739">
				<meta name="citation_publication_date" content="2019/05/15">
				<meta property="article:published_time" content="2020-01-01T00:00:00Z">
				<meta name="author" content="Web Editor">`,
			want: Page{Title: "Gut microbiota in atopic dermatitis", Authors: []string{"Smith, Jane", "Doe, John"},
				DOI: "10.1111/bjd.18088", PMID: "31095739", Published: time.Date(2019, 5, 15, 0, 0, 0, 0, time.UTC), Language: "en"},
		},
		{
			name: "json-ld",
			head: `<script type="application/ld+json">//<![CDATA[
				{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
				{"@type":"NewsArticle","headline":"H","datePublished":"2021-05-06T10:00:00+02:00",
				 "author":[{"@type":"Person","name":"Ana Sandoiu"},{"@type":"Organization","name":"MNT"}],
				 "publisher":{"@type":"Organization","name":"Medical News Today"},"inLanguage":"en-GB",
				 "sameAs":"https://doi.org/10.1000/ABC"}]}
				//]]></script>`,
			want: Page{Title: "Gut and skin", Authors: []string{"Ana Sandoiu"}, SiteName: "Medical News Today",
				Published: time.Date(2021, 5, 6, 10, 0, 0, 0, time.FixedZone("", 2*3600)), Language: "en", DOI: "10.1000/abc"},
		},
		{
			// The publisher's date, 31 December, although it is 1 January in UTC.
			name: "published_time with an offset",
			head: `<meta property="article:published_time" content="2023-12-31T22:00:00-05:00">`,
			want: Page{Title: "Gut and skin", Published: time.Date(2023, 12, 31, 22, 0, 0, 0, time.FixedZone("", -5*3600)), Language: "en"},
		},
		{
			name: "time element, then the URL",
			head: `<meta property="og:site_name" content="Example News">`,
			want: Page{Title: "Gut and skin", SiteName: "Example News", Published: time.Date(2021, 5, 6, 0, 0, 0, 0, time.UTC), Language: "en"},
		},
		{
			name: "robots none",
			head: `<meta name="robots" content="NONE">`,
			want: Page{Title: "Gut and skin", Published: time.Date(2021, 5, 6, 0, 0, 0, 0, time.UTC), Language: "en", NoIndex: true, NoFollow: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := HTML([]byte(article(tt.head, para, para)), "text/html", testURL)
			if err != nil {
				t.Fatalf("HTML() error = %v", err)
			}
			checkPage(t, p)
			got := Page{Title: p.Title, Authors: p.Authors, SiteName: p.SiteName, Language: p.Language, Published: p.Published,
				DOI: p.DOI, PMID: p.PMID, NoIndex: p.NoIndex, NoFollow: p.NoFollow}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("HTML() metadata = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestHTMLDropsLinkLists(t *testing.T) {
	body := article("", para,
		`A study in <a href="/jaad">JAAD</a> found the same effect in adults with psoriasis and rosacea alike.`,
		para) + "" // the related list goes inside the article
	body = strings.Replace(body, "</article>", `<h3>Related stories</h3><ul>
		<li><a href="/a">Probiotics cure eczema, scientists say</a></li>
		<li><a href="/b">Yogurt and acne: the full story</a></li></ul>
		<p>Read more: <a href="/c">Why your gut decides how your skin looks in winter</a></p></article>`, 1)
	p, err := HTML([]byte(body), "text/html", testURL)
	if err != nil {
		t.Fatalf("HTML() error = %v", err)
	}
	checkPage(t, p)
	for _, bad := range []string{"Related stories", "Probiotics cure eczema", "Yogurt and acne", "Read more"} {
		if strings.Contains(p.Text, bad) {
			t.Errorf("HTML().Text = %q, want no %q", p.Text, bad)
		}
	}
	if !strings.Contains(p.Text, "A study in JAAD found") {
		t.Errorf("HTML().Text = %q, want the paragraph with a link kept", p.Text)
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"<h1>Title</h1><p>One <b>two</b>\n three.</p><ul><li>a</li><li>b</li></ul>", "Title\n\nOne two three.\n\na\n\nb"},
		{"<p>line one<br>line two<br><br>next paragraph</p>", "line one line two\n\nnext paragraph"},
		{"<div>text<script>var x=1</script><style>p{}</style> more</div>", "text more"},
		{"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"<p>a&nbsp;b\u200bc</p>", "a b c"},
		{"", ""},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := Text(doc); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTextHandBuiltTree covers trees whose elements have Data but no
// DataAtom, as other extractors build them.
func TestTextHandBuiltTree(t *testing.T) {
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, s := range []string{"first", "second"} {
		li := &html.Node{Type: html.ElementNode, Data: "li"}
		li.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		root.AppendChild(li)
	}
	if got, want := Text(root), "first\n\nsecond"; got != want {
		t.Errorf("Text(hand-built) = %q, want %q", got, want)
	}
}

// TestHTMLHubPage checks that a page of links alone keeps them as its
// text: the crawler follows a short page, and skips one without text.
func TestHTMLHubPage(t *testing.T) {
	body := `<html><body><h1>Index</h1><a href="/a">Gut and skin</a> <a href="/b">Probiotics</a></body></html>`
	p, err := HTML([]byte(body), "text/html", testURL)
	if err != nil {
		t.Fatalf("HTML(hub) error = %v", err)
	}
	checkPage(t, p)
	if !strings.Contains(p.Text, "Probiotics") || len(p.Links) != 2 {
		t.Errorf("HTML(hub) = Text %q, Links %q; want the link text and 2 links", p.Text, p.Links)
	}
}

// A paper's page names its journal; a page's metadata stays within bounds
// whatever it says (a search hit repeats its article's title and authors).
func TestHTMLJournalAndBounds(t *testing.T) {
	long := strings.Repeat("Gut microbiota ", 20000)
	var authors strings.Builder
	for i := range 500 {
		authors.WriteString(`<meta name="citation_author" content="Author ` + strings.Repeat("x", i) + `">`)
	}
	page := `<html><head><title>` + long + `</title>
<meta name="citation_title" content="` + long + `">
<meta name="citation_journal_title" content="Journal of Investigative Dermatology">` + authors.String() + `
</head><body><article><h1>A paper</h1><p>` + strings.Repeat("Probiotics reduced acne lesions in adults. ", 40) + `</p></article></body></html>`
	p, err := HTML([]byte(page), "text/html", nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Journal != "Journal of Investigative Dermatology" {
		t.Errorf("Journal = %q", p.Journal)
	}
	if len(p.Title) > maxTitleBytes || !strings.HasSuffix(p.Title, "…") || !strings.HasPrefix(p.Title, "Gut microbiota") {
		t.Errorf("Title of %d bytes: %q...", len(p.Title), p.Title[:min(len(p.Title), 40)])
	}
	if len(p.Authors) != maxAuthors {
		t.Errorf("%d authors, want %d", len(p.Authors), maxAuthors)
	}
	for _, a := range p.Authors {
		if len(a) > maxNameBytes {
			t.Fatalf("an author of %d bytes", len(a))
		}
	}
}
