package httpapi_test

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
	"github.com/lumen-research/lumen/internal/httpapi"
)

type deadLetters []lumen.DeadLetter

func (d deadLetters) DeadLetters(context.Context) ([]lumen.DeadLetter, error) { return d, nil }

type noSearch struct{}

func (noSearch) SearchClaims(context.Context, lumen.ClaimQuery) (lumen.ClaimResults, error) {
	return lumen.ClaimResults{}, nil
}

func (noSearch) Article(context.Context, string) (lumen.ArticleDetail, error) {
	return lumen.ArticleDetail{}, lumen.ErrNotFound
}

func TestDeadLettersAreForAdmins(t *testing.T) {
	dls := deadLetters{{ID: 7, Stream: "LUMEN_ARTICLES", Consumer: "tagger", Subject: "lumen.articles.fetched.x", Seq: 3,
		Error: "undecodable message", Attempts: 1, At: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}}
	get := func(h http.Handler, token string) (int, map[string]any) {
		req := httptest.NewRequest("GET", "/api/v1/deadletters", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var body map[string]any
		decodeJSON(t, rec.Body.Bytes(), &body)
		return rec.Code, body
	}
	closed := httpapi.NewServer(httpapi.Deps{Searcher: noSearch{}, DeadLetters: dls})
	if code, body := get(closed, "anything"); code != 401 || body["code"] != "unauthorized" {
		t.Errorf("without an admin token configured: %d %v", code, body)
	}
	open := httpapi.NewServer(httpapi.Deps{Searcher: noSearch{}, DeadLetters: dls, AdminToken: "s3cret"})
	for _, tok := range []string{"", "wrong"} {
		if code, body := get(open, tok); code != 401 || body["code"] != "unauthorized" {
			t.Errorf("token %q: %d %v", tok, code, body)
		}
	}
	code, body := get(open, "s3cret")
	list, _ := body["dead_letters"].([]any)
	if code != 200 || len(list) != 1 || fmt.Sprint(list[0].(map[string]any)["id"]) != "7" {
		t.Errorf("admin: %d %v", code, body)
	}
}

// /readyz names the check that fails and why (the index rebuilding, damage
// in the data).
func TestReadyzSaysWhy(t *testing.T) {
	h := httpapi.NewServer(httpapi.Deps{Searcher: noSearch{}, Ready: []httpapi.Check{
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
	decodeJSON(t, rec.Body.Bytes(), &body)
	if rec.Code != 503 || body.Checks["nats"] != "ok" || body.Checks["index"] == "" || body.Checks["data"] != "data damaged: article_lost LUMEN_ARTICLES: 3" {
		t.Errorf("readyz = %d %+v", rec.Code, body)
	}
}

func decodeJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("not JSON: %v: %s", err, b)
	}
}
