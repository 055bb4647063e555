package extract

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

var testURL = &url.URL{Scheme: "https", Host: "news.example.org", Path: "/health/2021/05/06/story.html"}

// article wraps paragraphs in a page readability accepts.
func article(head string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html lang=\"en\"><head>" + head + "<title>Gut and skin</title></head><body>")
	b.WriteString("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Gut and skin</h1>")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString("</article><footer>© Example</footer></body></html>")
	return b.String()
}

const para = "The gut microbiome shapes inflammation in the skin through immune signalling, " +
	"and several trials have tested whether probiotics change the course of atopic dermatitis in children."

// checkPage asserts what every successful extraction must hold.
func checkPage(tb testing.TB, p Page) {
	tb.Helper()
	for name, s := range map[string]string{"Text": p.Text, "Title": p.Title, "SiteName": p.SiteName, "Language": p.Language} {
		if !utf8.ValidString(s) {
			tb.Errorf("%s is not valid UTF-8: %q", name, s)
		}
	}
	for _, a := range p.Authors {
		if !utf8.ValidString(a) || a == "" {
			tb.Errorf("author %q is empty or not valid UTF-8", a)
		}
	}
	if p.Text == "" {
		tb.Errorf("Text is empty without an error")
	}
	if strings.Contains(p.Text, "\n\n\n") {
		tb.Errorf("Text has an empty block: %q", p.Text)
	}
	for _, b := range strings.Split(p.Text, "\n\n") {
		if b == "" || strings.TrimSpace(b) != b || strings.Contains(b, "\n") {
			tb.Errorf("Text block %q is empty, untrimmed or spans lines", b)
		}
	}
	if p.Title != "" && !strings.HasPrefix(p.Text, p.Title+"\n\n") && p.Text != p.Title {
		tb.Errorf("Text does not start with the title %q: %.80q", p.Title, p.Text)
	}
}

func TestHTMLRobust(t *testing.T) {
	deep := strings.Repeat("<div>", 600) + "<p>" + para + "</p>" + strings.Repeat("</div>", 600)
	rng := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(rng.UintN(256))
	}
	tests := []struct {
		name        string
		body        []byte
		contentType string
		wantErr     error  // nil: success
		wantText    string // a substring of Text
	}{
		{"empty body", nil, "text/html", ErrNoText, ""},
		{"white space", []byte(" \n\t "), "text/html", ErrNoText, ""},
		{"empty document", []byte("<html><head></head><body></body></html>"), "text/html", ErrNoText, ""},
		{"malformed", []byte("<html><body><article><p>" + para + "<p>Unclosed <b>bold <i>and italic</p></b>" +
			"<div>stray</span></td></table><p>" + para + "</div></article><!-- unterminated"), "text/html", nil, "probiotics change"},
		// The rest of the page is an attribute value: there is no text.
		{"unclosed attribute", []byte(`<html><body><p class="x>` + para + `</p></body></html>`), "text/html", ErrNoText, ""},
		{"deeper than 512", []byte("<html><head><title>Deep</title></head><body>" + deep + "</body></html>"), "text/html", nil, "probiotics change"},
		{"binary junk", junk, "text/html", ErrBinary, ""},
		{"png served as html", append([]byte("\x89PNG\r\n\x1a\n"), junk[:100]...), "text/html", ErrBinary, ""},
		{"gzip served as html", append([]byte{0x1f, 0x8b, 8, 0}, junk[:100]...), "text/html", ErrBinary, ""},
		{"invalid utf-8", []byte(article("", para, "Broken \xff\xfe bytes in a café text: naïve, façade, déjà vu, “quoted”.", para)), "text/html", nil, "café text: naïve, façade, déjà vu"},
		{"nul bytes", []byte(article("", para, "a\x00b", para)), "text/html", nil, "probiotics"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := HTML(tt.body, tt.contentType, testURL)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("HTML() error = %v, want %v", err, tt.wantErr)
				}
				if !errors.Is(err, ErrNoText) {
					t.Errorf("HTML() error = %v, want it to wrap ErrNoText", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("HTML() error = %v", err)
			}
			checkPage(t, p)
			if !strings.Contains(p.Text, tt.wantText) {
				t.Errorf("HTML().Text = %q, want it to contain %q", p.Text, tt.wantText)
			}
		})
	}
}

func TestHTMLDeepKeepsTitleAndLinks(t *testing.T) {
	deep := strings.Repeat("<div>", 700) + `<p>` + para + ` <a href="/study">study</a></p>` + strings.Repeat("</div>", 700)
	p, err := HTML([]byte("<html><head><title>Deep page</title><script>var x = '<p>no</p>';</script></head><body>"+deep+"</body></html>"), "text/html", testURL)
	if err != nil {
		t.Fatalf("HTML() error = %v", err)
	}
	checkPage(t, p)
	if p.Title != "Deep page" {
		t.Errorf("Title = %q, want %q", p.Title, "Deep page")
	}
	if want := "https://news.example.org/study"; len(p.Links) != 1 || p.Links[0] != want {
		t.Errorf("Links = %q, want [%q]", p.Links, want)
	}
	if strings.Contains(p.Text, "no") && strings.Contains(p.Text, "var x") {
		t.Errorf("Text has the script: %q", p.Text)
	}
}

func TestHTMLCharsets(t *testing.T) {
	const want = "Café “déjà vu” – naïve façade"
	latin, err := charmap.Windows1252.NewEncoder().String(want)
	if err != nil {
		t.Fatal(err)
	}
	cyrillic := "Кишечник и кожа связаны"
	cp1251, err := charmap.Windows1251.NewEncoder().String(cyrillic)
	if err != nil {
		t.Fatal(err)
	}
	iso1, err := charmap.ISO8859_1.NewEncoder().String("Café naïve façade")
	if err != nil {
		t.Fatal(err)
	}
	filler := "<!-- " + strings.Repeat("padding ", 200) + "-->" // pushes <meta> past 1024 bytes
	tests := []struct {
		name, body, contentType, want string
	}{
		{"windows-1252 header", article("", latin+" "+para), "text/html; charset=windows-1252", want},
		{"windows-1252 no header no meta", article("", latin+" "+para), "text/html", want},
		{"windows-1252 meta", article(`<meta charset="windows-1252">`, latin+" "+para), "text/html", want},
		{"iso-8859-1 header", article("", iso1+" "+para), "text/html; charset=ISO-8859-1", "Café naïve façade"},
		{"iso-8859-1 http-equiv", article(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, iso1+" "+para), "", "Café naïve façade"},
		{"meta beyond 1024 bytes", article(filler+`<meta charset="windows-1251">`, cp1251+". "+para), "text/html", cyrillic},
		{"utf-8 with lying header", article("", want+" "+para), "text/html; charset=iso-8859-1", want},
		{"utf-8 bom", "\xef\xbb\xbf" + article("", want+" "+para), "text/html; charset=windows-1252", want},
		{"unknown charset label", article("", want+" "+para), "text/html; charset=x-bogus", want},
		{"meta utf-8, is windows-1252", article(`<meta charset="utf-8">`, latin+" "+para), "text/html", want},
		{"header utf-8, is windows-1252", article("", latin+" "+para), "text/html; charset=utf-8", want},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := HTML([]byte(tt.body), tt.contentType, testURL)
			if err != nil {
				t.Fatalf("HTML() error = %v", err)
			}
			checkPage(t, p)
			if !strings.Contains(p.Text, tt.want) {
				t.Errorf("HTML().Text = %.200q, want it to contain %q", p.Text, tt.want)
			}
		})
	}
}

// A page whose declared charset is wrong (a CMS that declares UTF-8 and
// stores windows-1252 or Shift_JIS) is read in the charset its bytes show,
// and says so; a page that tells the truth says nothing.
func TestHTMLCharsetMismatch(t *testing.T) {
	const western = "“Quoted” café title: “Probiotics reduced acne severity in naïve adolescents,” the investigators reported."
	cp1252, err := charmap.Windows1252.NewEncoder().String(western)
	if err != nil {
		t.Fatal(err)
	}
	const japaneseText = "プロバイオティクスはニキビの重症度を下げた。腸内細菌叢の乱れは皮膚の炎症と関連している。"
	sjis, err := japanese.ShiftJIS.NewEncoder().String(japaneseText)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body, contentType, want, mismatch string
	}{
		{"meta utf-8, windows-1252", article(`<meta charset="utf-8">`, cp1252+" "+para), "text/html", western, "declared utf-8, read as windows-1252"},
		{"header utf-8, windows-1252", article("", cp1252+" "+para), "text/html; charset=UTF-8", western, "declared utf-8, read as windows-1252"},
		{"meta utf-8, shift_jis", article(`<meta charset="utf-8">`, sjis+" "+para), "text/html", japaneseText, "declared utf-8, read as shift_jis"},
		{"meta utf-8, utf-8", article(`<meta charset="utf-8">`, western+" "+para), "text/html", western, ""},
		{"no declaration, windows-1252", article("", cp1252+" "+para), "text/html", western, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := HTML([]byte(tt.body), tt.contentType, testURL)
			if err != nil {
				t.Fatalf("HTML() error = %v", err)
			}
			if !strings.Contains(p.Text, tt.want) || strings.ContainsRune(p.Text, utf8.RuneError) {
				t.Errorf("HTML().Text = %.300q, want it to contain %q and no U+FFFD", p.Text, tt.want)
			}
			if p.CharsetMismatch != tt.mismatch {
				t.Errorf("HTML().CharsetMismatch = %q, want %q", p.CharsetMismatch, tt.mismatch)
			}
		})
	}
	p, err := Plain([]byte("Caf\xe9 na\xefve\n\nProbiotics reduced acne."), "text/plain; charset=utf-8")
	if err != nil || !strings.Contains(p.Text, "Café naïve") || p.CharsetMismatch == "" {
		t.Errorf("Plain(windows-1252 declared utf-8) = %q, %q, %v; want Café naïve and a mismatch", p.Text, p.CharsetMismatch, err)
	}
}

func TestToUTF8(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "<p>Hé</p>" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	tests := []struct {
		name, body, contentType, want string
	}{
		{"ascii", "<p>plain</p>", "", "<p>plain</p>"},
		{"latin1 fallback", "<p>caf\xe9</p>", "", "<p>café</p>"},
		{"utf-16 bom", string(utf16), "", "<p>Hé</p>"},
		{"mostly utf-8", strings.Repeat("café ", 20) + "\xff", "", strings.Repeat("café ", 20) + "\uFFFD"},
		{"declared utf-8, is windows-1252", "caf\xe9", "text/html; charset=utf-8", "café"},
		{"xml feed label", "<t>caf\xe9</t>", "text/xml; charset=iso-8859-1", "<t>café</t>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToUTF8([]byte(tt.body), tt.contentType)
			if err != nil {
				t.Fatalf("ToUTF8() error = %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("ToUTF8(%q, %q) = %q, want %q", tt.body, tt.contentType, got, tt.want)
			}
		})
	}
}

// FuzzHTML checks that no input panics HTML and that whatever it returns
// is valid UTF-8 in the block format. The seed corpus is the test pages and
// the robustness cases; plain go test runs it once.
func FuzzHTML(f *testing.F) {
	srcs, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*", "source.html"))
	for _, src := range srcs {
		b, err := os.ReadFile(src)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "text/html")
	}
	for _, s := range []string{
		"", "<", "<html", "<p>x", "\xff\xfe<\x00p\x00>\x00", "\xef\xbb\xbf<p>é</p>",
		strings.Repeat("<div>", 600) + "x",
		article(`<meta charset="koi8-r">`, "\xeb\xc9\xdb\xc5\xde\xce\xc9\xcb "+para),
		article(`<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"A B"},"datePublished":"2020-01-02"}</script>`, para),
		article(`<meta name="citation_doi" content="10.1000/xyz"><meta name="citation_author" content="Smith, J">`, para),
		"<p>" + strings.Repeat("<br>", 3) + "a<br><br>b</p>",
	} {
		f.Add([]byte(s), "text/html")
	}
	f.Add([]byte(article("", para)), "text/html; charset=utf-16le")
	f.Add([]byte(article("", para)), "text/html; charset=shift_jis")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		p, err := HTML(body, contentType, testURL)
		if err != nil {
			if p.Text != "" {
				t.Errorf("HTML() = error %v with Text %q", err, p.Text)
			}
			return
		}
		checkPage(t, p)
		if u, err := ToUTF8(body, contentType); err == nil && !utf8.Valid(u) {
			t.Errorf("ToUTF8() is not valid UTF-8")
		}
		if bytes.Contains([]byte(p.Text), []byte{0}) && !bytes.Contains(body, []byte{0}) {
			t.Errorf("Text has a NUL the body has not")
		}
	})
}
