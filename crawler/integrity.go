package crawler

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// This file serves lumen check: what the crawler's stores say about
// articles, and how to make the crawler fetch again what the system of
// record lost.

// ArticleRefs calls fn for every URL whose crawl state names the article it
// gave: the state's key and the article id. While a URL's state names an
// article with the page's hash, the crawler does not publish the page again.
func ArticleRefs(ctx context.Context, state Store, fn func(key, articleID string) error) error {
	return state.Each(ctx, "u.", func(key string, value []byte) error {
		var st urlState
		if json.Unmarshal(value, &st) != nil || st.ArticleID == "" {
			return nil
		}
		return fn(key, st.ArticleID)
	})
}

// IdentityRefs calls fn for every identifier of the ids store (doi, pmid,
// pmcid, url, text, sim) with the article it names.
func IdentityRefs(ctx context.Context, ids Store, fn func(key, kind, articleID string) error) error {
	return ids.Each(ctx, "", func(key string, value []byte) error {
		kind, rest, _ := strings.Cut(key, ".")
		id := string(value)
		if kind == "sim" {
			id = rest
		}
		return fn(key, kind, id)
	})
}

// Forget deletes the crawl state of the given keys (from ArticleRefs), so
// that the next run fetches their URLs again and publishes what it finds.
func Forget(ctx context.Context, state Store, keys []string) error {
	for _, k := range keys {
		if !strings.HasPrefix(k, "u.") {
			return fmt.Errorf("forget crawl state %q: not a URL state key", k)
		}
		if err := state.Delete(ctx, k); err != nil {
			return fmt.Errorf("forget crawl state: %w", err)
		}
	}
	return nil
}

// ForgetIdentities deletes identifier keys (from IdentityRefs) of the ids
// store.
func ForgetIdentities(ctx context.Context, ids Store, keys []string) error {
	for _, k := range keys {
		if err := ids.Delete(ctx, k); err != nil {
			return fmt.Errorf("forget identifier: %w", err)
		}
	}
	return nil
}

// ResetAPIWindows makes the next run of every PubMed and Europe PMC source
// search its query from the beginning instead of since its last run, so
// that records whose articles were lost are fetched again. It returns how
// many sources it reset.
func ResetAPIWindows(ctx context.Context, runs Store) (int, error) {
	var keys []string
	for _, prefix := range []string{"success.", "backlog."} {
		if err := runs.Each(ctx, prefix, func(key string, _ []byte) error {
			keys = append(keys, key)
			return nil
		}); err != nil {
			return 0, fmt.Errorf("reset API windows: %w", err)
		}
	}
	n := 0
	for _, k := range keys {
		if err := runs.Delete(ctx, k); err != nil {
			return n, fmt.Errorf("reset API windows: %w", err)
		}
		if strings.HasPrefix(k, "success.") {
			n++
		}
	}
	return n, nil
}
