package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
)

type deadLetters []lumen.DeadLetter

func (d deadLetters) DeadLetters(context.Context) ([]lumen.DeadLetter, error) { return d, nil }

// readerAuth knows an admin and a reader.
type readerAuth struct{ stub }

func (readerAuth) Authenticate(_ context.Context, token string) (lumen.Principal, error) {
	switch token {
	case "admin":
		return lumen.Principal{Name: "root", Role: lumen.RoleAdmin}, nil
	case "reader":
		return lumen.Principal{Name: "ann", Role: lumen.RoleReader}, nil
	}
	return lumen.Principal{}, lumen.ErrUnauthorized
}

func TestDeadLettersAreForAdmins(t *testing.T) {
	dls := deadLetters{{ID: 7, Stream: "LUMEN_ARTICLES", Consumer: "tagger", Subject: "lumen.articles.fetched.x", Seq: 3,
		Error: "undecodable message", Attempts: 1, At: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}}
	h := NewServer(Deps{Searcher: stub{}, Auth: readerAuth{}, DeadLetters: dls})
	get := func(token string) (int, map[string]any) {
		req := httptest.NewRequest("GET", "/api/v1/deadletters", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("not JSON: %s", rec.Body.Bytes())
		}
		return rec.Code, body
	}
	for _, tt := range []struct {
		token string
		code  int
	}{{"", 401}, {"wrong", 401}, {"reader", 403}} {
		if code, body := get(tt.token); code != tt.code {
			t.Errorf("token %q: %d %v, want %d", tt.token, code, body, tt.code)
		}
	}
	code, body := get("admin")
	list, _ := body["dead_letters"].([]any)
	if code != 200 || len(list) != 1 || fmt.Sprint(list[0].(map[string]any)["id"]) != "7" {
		t.Errorf("admin: %d %v", code, body)
	}
}

// /readyz names the check that fails and why (the index rebuilding, damage
// in the data).
func TestReadyzSaysWhy(t *testing.T) {
	h := NewServer(Deps{Searcher: stub{}, Ready: []Check{
		{Name: "index", Check: func(context.Context) error {
			return fmt.Errorf("index rebuilding (120 articles so far): %w", lumen.ErrUnavailable)
		}},
		{Name: "data", Check: func(context.Context) error { return errors.New("data damaged: article_lost LUMEN_ARTICLES: 3") }},
		{Name: "nats", Check: func(context.Context) error { return nil }},
	}})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	var body struct {
		Status string
		Checks map[string]string
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	if rec.Code != http.StatusServiceUnavailable || body.Checks["nats"] != "ok" || body.Checks["index"] == "" ||
		body.Checks["data"] != "data damaged: article_lost LUMEN_ARTICLES: 3" {
		t.Errorf("readyz = %d %+v", rec.Code, body)
	}
}

// A failing check that only degrades the server keeps /readyz at 200,
// status "degraded"; with a hard failure beside it, it is 503.
func TestReadyzDegraded(t *testing.T) {
	natsDown := Check{Name: "nats", Degrades: true, Check: func(context.Context) error {
		return fmt.Errorf("nats RECONNECTING: %w", lumen.ErrUnavailable)
	}}
	indexOK := Check{Name: "index", Check: func(context.Context) error { return nil }}
	rebuilding := Check{Name: "index", Check: func(context.Context) error { return errors.New("index rebuilding") }}
	for _, tc := range []struct {
		name       string
		checks     []Check
		code       int
		status     string
		natsDetail string
	}{
		{"nats down", []Check{natsDown, indexOK}, 200, "degraded", "degraded: nats RECONNECTING: unavailable"},
		{"nats down, index rebuilding", []Check{natsDown, rebuilding}, 503, "not ready", "degraded: nats RECONNECTING: unavailable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			NewServer(Deps{Searcher: stub{}, Ready: tc.checks}).ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
			var body struct {
				Status string
				Checks map[string]string
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			if rec.Code != tc.code || body.Status != tc.status || body.Checks["nats"] != tc.natsDetail {
				t.Errorf("readyz = %d %+v, want %d %s, nats %q", rec.Code, body, tc.code, tc.status, tc.natsDetail)
			}
		})
	}
}
