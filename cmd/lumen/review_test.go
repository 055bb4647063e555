//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/demo"
	"github.com/lumen-research/lumen/internal/syncbuf"
)

// crawledData crawls the sample site into a new data directory.
func crawledData(t *testing.T) string {
	t.Helper()
	site := httptest.NewServer(demo.Handler())
	t.Cleanup(site.Close)
	data := t.TempDir()
	if _, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", site.URL+"/", "--allow-private", "--data", data, "--log-level", "warn"); err != nil {
		t.Fatalf("crawl --once: %v\n%s", err, stderr)
	}
	return data
}

// createToken runs lumen token create and returns the token (its last line):
// on the NATS of the data directory data, or, data empty, on where more
// says (--nats URL).
func createToken(t *testing.T, data, name, role string, more ...string) string {
	t.Helper()
	args := []string{"token", "create", name, "--role", role}
	if data != "" {
		args = append(args, "--data", data)
	}
	out, stderr, err := lumenCmd(t, "", append(args, more...)...)
	if err != nil {
		t.Fatalf("token create: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	tok := lines[len(lines)-1]
	if !strings.HasPrefix(tok, "lumen."+name+".") {
		t.Fatalf("token create printed %q", out)
	}
	return tok
}

type reviewed struct {
	lumen.ClaimHit
	ETag string `json:"etag"`
	Code string `json:"code"`
}

// call sends a JSON request with a token and decodes the answer.
func call(t *testing.T, method, url, token, ifMatch, body string, v any) int {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if v != nil && json.Unmarshal(data, v) != nil {
		t.Fatalf("%s %s: not JSON: %s", method, url, data)
	}
	return res.StatusCode
}

// statusCounts returns how many claims search finds in each review state.
func statusCounts(t *testing.T, base string) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	for _, s := range lumen.Statuses {
		var c claimsResponse
		getJSON(t, base+"/api/v1/claims?size=1&status="+s, &c)
		out[s] = c.Total
	}
	return out
}

func waitStatus(t *testing.T, base string, want map[string]uint64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got := statusCounts(t, base)
		ok := true
		for k, v := range want {
			ok = ok && got[k] == v
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("status counts = %v, want %v", got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A curator's whole round through the commands: tokens, the queue, three
// decisions, then reindex --retag, which leaves every decision in place;
// the decisions measure the tagger and export as a gold set.
func TestCurationThroughTheCommands(t *testing.T) {
	data := crawledData(t)
	curator := createToken(t, data, "alice", lumen.RoleCurator)
	reader := createToken(t, data, "rita", lumen.RoleReader)
	if out, _, err := lumenCmd(t, "", "token", "list", "--data", data); err != nil ||
		!strings.Contains(out, "alice  curator") || !strings.Contains(out, "rita   reader") {
		t.Errorf("token list: %v\n%s", err, out)
	}
	if _, _, err := lumenCmd(t, "", "token", "create", "eve", "--role", "root", "--data", data); exitCode(err) != 2 {
		t.Errorf("token create with an unknown role: %v (exit %d)", err, exitCode(err))
	}

	stdout, stop := background(t, "serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn")
	base := waitURL(t, stdout)
	var q struct{ Claims []reviewed }
	if code := call(t, "GET", base+"/api/v1/review/queue?size=3", curator, "", "", &q); code != 200 || len(q.Claims) != 3 {
		t.Fatalf("queue = %d, %d claims", code, len(q.Claims))
	}
	var e reviewed
	if code := call(t, "POST", base+"/api/v1/claims/"+q.Claims[0].ID+"/review", reader, q.Claims[0].ETag, `{"action":"accept"}`, &e); code != 403 {
		t.Errorf("a reader's decision = %d", code)
	}
	bodies := []string{`{"action":"accept"}`, `{"action":"reject","reason":"not_a_claim"}`,
		`{"action":"correct","concepts":["condition/acne","intervention/probiotics"],"relation":"decreases","hedged":true}`}
	ids := make([]string, 3)
	for i, c := range q.Claims {
		var r reviewed
		if code := call(t, "POST", base+"/api/v1/claims/"+c.ID+"/review", curator, c.ETag, bodies[i], &r); code != 200 {
			t.Fatalf("decision %d = %d %+v", i, code, r)
		}
		ids[i] = c.ID
	}
	want := map[string]uint64{lumen.StatusAccepted: 1, lumen.StatusRejected: 1, lumen.StatusCorrected: 1}
	waitStatus(t, base, want)
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	out, stderr, err := lumenCmd(t, "", "reindex", "--retag", "--data", data, "--log-level", "warn")
	if err != nil || !strings.Contains(out, "3 curator decisions") {
		t.Fatalf("reindex --retag: %v\n%s\n%s", err, out, stderr)
	}
	stdout, stop = background(t, "serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn")
	base = waitURL(t, stdout)
	waitStatus(t, base, want)
	var c reviewed
	call(t, "GET", base+"/api/v1/claims/"+ids[2], "", "", "", &c)
	if c.Review.Status != lumen.StatusCorrected || c.Review.Curator != "alice" || !c.Hedged || c.Relation != lumen.RelationDecreases {
		t.Errorf("corrected claim after reindex --retag = %+v", c.Claim)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	out, stderr, err = lumenCmd(t, "", "eval", "--reviews", "--data", data)
	if err != nil || !strings.Contains(out, "reviewed claims      3") || !strings.Contains(out, "claim precision      0.667") {
		t.Errorf("eval --reviews: %v\n%s\n%s", err, out, stderr)
	}
	// QA4: the curators' pairs are scored as lumen eval scores a gold set's.
	if !strings.Contains(out, "relation pairs of accepted and corrected claims") || !strings.Contains(out, "effect accuracy on matched pairs") {
		t.Errorf("eval --reviews does not score the pairs:\n%s", out)
	}
	gold := t.TempDir()
	out, stderr, err = lumenCmd(t, "", "export-gold", gold, "--data", data)
	if err != nil || !strings.Contains(out, "3 sentences (2 claims, 2 with relation pairs)") {
		t.Fatalf("export-gold: %v\n%s\n%s", err, out, stderr)
	}
	// The corrected claim's pairs: probiotics lower acne, hedged.
	if b, err := os.ReadFile(filepath.Join(gold, "pairs.jsonl")); err != nil ||
		!strings.Contains(string(b), `{"subject":"intervention/probiotics","object":"condition/acne","effect":"decreases","negated":false,"hedged":true}`) {
		t.Errorf("pairs.jsonl = %v\n%s", err, b)
	}
	if out, stderr, err := lumenCmd(t, "", "eval", gold); err != nil || !strings.Contains(out, "effect accuracy on matched pairs") {
		t.Errorf("eval of the exported gold set does not score its pairs: %v\n%s\n%s", err, out, stderr)
	}
	if out, stderr, err := lumenCmd(t, "", "eval", gold); err != nil || !strings.Contains(out, "claims") {
		t.Errorf("eval of the exported gold set: %v\n%s\n%s", err, out, stderr)
	}

	if _, _, err := lumenCmd(t, "", "token", "revoke", "alice", "--data", data); err != nil {
		t.Fatal(err)
	}
	stdout, _ = background(t, "serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn")
	base = waitURL(t, stdout)
	if code := call(t, "GET", base+"/api/v1/review/queue", curator, "", "", &e); code != 401 {
		t.Errorf("revoked token = %d, want 401", code)
	}
}

// A decision answered with 200 survives a SIGKILL of the server right after.
func TestDecisionSurvivesKill(t *testing.T) {
	data := crawledData(t)
	curator := createToken(t, data, "alice", lumen.RoleCurator)
	args := []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn"}
	child := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	child.Env = append(os.Environ(), "LUMEN_TEST_MAIN=1")
	var out syncbuf.Buffer
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { child.Process.Kill(); child.Wait() }()
	base := waitURL(t, &out)
	var q struct{ Claims []reviewed }
	if code := call(t, "GET", base+"/api/v1/review/queue", curator, "", "", &q); code != 200 || len(q.Claims) != 1 {
		t.Fatalf("queue = %d %+v", code, q)
	}
	id := q.Claims[0].ID
	var r reviewed
	if code := call(t, "POST", base+"/api/v1/claims/"+id+"/review", curator, q.Claims[0].ETag, `{"action":"reject","reason":"duplicate"}`, &r); code != 200 {
		t.Fatalf("decision = %d %+v", code, r)
	}
	if err := child.Process.Kill(); err != nil { // SIGKILL, at once
		t.Fatal(err)
	}
	child.Wait()

	stdout, _ := background(t, args...)
	base = waitURL(t, stdout)
	var c reviewed
	if code := call(t, "GET", base+"/api/v1/claims/"+id, "", "", "", &c); code != 200 || c.Review.Status != lumen.StatusRejected || c.Review.Reason != lumen.ReasonDuplicate {
		t.Fatalf("after the kill: %d %+v\n%s", code, c.Review, out.String())
	}
	waitStatus(t, base, map[string]uint64{lumen.StatusRejected: 1})
	if bytes.Contains([]byte(out.String()), []byte("panic")) {
		t.Errorf("the killed server panicked:\n%s", out.String())
	}
}
