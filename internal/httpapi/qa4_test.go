package httpapi_test

import (
	"html"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Each cell of the map page links to the claims it counts: the pair
// filters of its cause and its other concept find as many claims as the
// cell shows (qa4: the link searched the co-mentioned concepts).
func TestMapPageCellLinksFindTheirCount(t *testing.T) {
	srv, _ := richFixture(t)
	cell := regexp.MustCompile(`data-claims="(\d+)"[^>]*><a href="([^"]+)"`)
	for _, page := range []string{"/map?rows=condition&cols=mechanism", "/map?rows=intervention&cols=condition",
		"/map?rows=condition&cols=intervention&effect=no_effect", "/map?rows=condition&cols=mechanism&object=condition/skin-health"} {
		res, err := http.Get(srv.URL + page)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		cells := cell.FindAllStringSubmatch(string(body), -1)
		if res.StatusCode != 200 || len(cells) == 0 {
			t.Fatalf("GET %s = %d with %d cells", page, res.StatusCode, len(cells))
		}
		for _, c := range cells {
			want, _ := strconv.Atoi(c[1])
			link := html.UnescapeString(c[2])
			if !strings.Contains(link, "subject=") || !strings.Contains(link, "object=") {
				t.Errorf("%s: cell link %s has no pair filters", page, link)
			}
			var b claimsBody
			if code := get(t, srv, "/api/v1/claims"+strings.TrimPrefix(link, "/"), &b); code != 200 || b.Total != uint64(want) {
				t.Errorf("%s: cell of %d claims links to %s, which finds %d (%d)", page, want, link, b.Total, code)
			}
		}
	}
}

// subject= and object= take what concept= takes (a kind, a broader
// concept, a|b) and refuse what it refuses.
func TestPairFiltersTakeConceptForms(t *testing.T) {
	srv, _ := richFixture(t)
	for _, tt := range []struct {
		query string
		want  uint64
	}{
		{"object=condition/acne", 2},
		{"object=condition/skin-health", 5},
		{"object=condition", 6},
		{"object=condition/acne|condition/psoriasis", 3},
		{"subject=intervention&object=condition/skin-health&effect=decreases", 1},
		{"subject=intervention&object=condition/skin-health&effect=decreases&status=rejected", 1},
	} {
		var b claimsBody
		if code := get(t, srv, "/api/v1/claims?"+tt.query, &b); code != 200 || b.Total != tt.want {
			t.Errorf("GET claims?%s = %d, %d claims; want %d", tt.query, code, b.Total, tt.want)
		}
	}
	for _, tt := range []struct{ query, says string }{
		{"object=condition/nothing", `unknown concept "condition/nothing"`},
		{"subject=colour", `unknown concept "colour"`},
		{"object=condition/acne|", "empty alternative"},
		{"object=condition/acne,condition/psoriasis", "alternatives separated by |"},
	} {
		var e errBody
		if code := get(t, srv, "/api/v1/claims?"+tt.query, &e); code != 400 || e.Code != "invalid" || !strings.Contains(e.Message, tt.says) {
			t.Errorf("GET claims?%s = %d %+v, want 400 invalid saying %q", tt.query, code, e, tt.says)
		}
	}
}
