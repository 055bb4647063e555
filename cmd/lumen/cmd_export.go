package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/indexer"
	"github.com/lumen-research/lumen/internal/export"
	"github.com/lumen-research/lumen/internal/httpapi"
	"github.com/lumen-research/lumen/internal/vocab"
)

// cmdExport writes every claim (jsonl, csv) or every article (ris, bibtex,
// csljson) that the filters select, from a running server (--url) or from
// the index in the data directory.
func cmdExport(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "export", "export [--format F] [--url URL | --data DIR] [-o FILE] [FILTERS]", false)
	c.hide("addr", "nats")
	format := fs.String("format", "jsonl", "jsonl or csv (claims); ris, bibtex or csljson (the articles behind them)")
	server := fs.String("url", "", "export from a running lumen at `URL` (e.g. http://127.0.0.1:8080) instead of opening the index")
	out := fs.String("o", "", "write to `file` instead of standard output")
	token := fs.String("token", "", "with --url, send this API `token` (a server with require_token_for_reads needs one; default $LUMEN_TOKEN)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: lumen export [--format F] [--url URL | --data DIR] [-o FILE] [FILTERS]

FILTERS are the search filters of the API, as a query string:
  lumen export --format csv 'concept=condition/acne&concept=mechanism/dysbiosis&evidence=rct&status=accepted'
  lumen export --format ris --url http://127.0.0.1:8080 'q=probiotics'
With --url, a server whose reads need a token (review.require_token_for_reads) gets the
one in --token or, better (it stays out of the process list), in LUMEN_TOKEN.
Without --url the index in the data directory is read (stop the lumen serving it, or use --url).

`)
		c.printDefaults()
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageError("lumen export takes one argument, the filters as one query string (quote it)")
	}
	if c.addrGiven() || c.natsURL != "" {
		return usageError("lumen export serves nothing and needs no NATS (--addr, --nats)")
	}
	claims := slices.Contains([]string{export.JSONL, export.CSV}, *format)
	if !claims && !slices.Contains([]string{export.RIS, export.BibTeX, export.CSLJSON}, *format) {
		return usageError("--format %q: want jsonl, csv, ris, bibtex or csljson", *format)
	}
	filters := ""
	if len(pos) == 1 {
		filters = strings.TrimPrefix(pos[0], "?")
	}
	var w io.Writer = e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		w = f
	}
	if *server != "" {
		if c.data != "" {
			return usageError("give --url or --data, not both")
		}
		tok := *token
		if tok == "" {
			tok = e.getenv("LUMEN_TOKEN")
		}
		return exportFrom(ctx, *server, *format, claims, filters, strings.TrimSpace(tok), w)
	}
	if *token != "" {
		return usageError("--token goes with --url (the index in --data is read without one)")
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	tax, err := loadTaxonomy(cfg.Taxonomy)
	if err != nil {
		return fmt.Errorf("%w: %w", err, lumen.ErrInvalid)
	}
	// A mistyped --data must not be created empty and exported from.
	if _, err := os.Stat(filepath.Join(cfg.Data, "index")); err != nil {
		return usageError("no index in %s: give the data directory of lumen serve or run (--data DIR), or export from a running lumen (--url)", cfg.Data)
	}
	// Export only reads: a data directory on a read-only file system (a
	// snapshot, a backup) is opened read-only (qa4).
	unlock, readOnly, err := lockDataRead(cfg.Data)
	if err != nil {
		return fmt.Errorf("%w (export from the running lumen with --url)", err)
	}
	defer unlock()
	open := indexer.Open
	if readOnly {
		open = indexer.OpenReadOnly
	}
	ix, err := open(filepath.Join(cfg.Data, "index"))
	if err != nil {
		return err
	}
	defer ix.Close()
	ix.SetVocabulary(vocab.New(tax))
	// Read with the index, so that a concept the taxonomy lost since its
	// claims were tagged finds them, as through the API.
	q, err := httpapi.ParseFilters(ctx, tax, filters, ix)
	if err != nil {
		return fmt.Errorf("filters: %w", err)
	}
	if claims {
		cw, err := export.NewClaimWriter(w, *format)
		if err != nil {
			return err
		}
		if err := ix.ExportClaims(ctx, q, cw.Write); err != nil {
			return err
		}
		return cw.Close()
	}
	aw, err := export.NewArticleWriter(w, *format)
	if err != nil {
		return err
	}
	if err := ix.ExportArticles(ctx, q, aw.Write); err != nil {
		return err
	}
	return aw.Close()
}

// exportFrom streams an export from a running server's API.
// A token is sent as a bearer token and never written anywhere.
func exportFrom(ctx context.Context, base, format string, claims bool, filters, token string, w io.Writer) error {
	u, err := url.Parse(strings.TrimSuffix(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usageError("--url %q: want http://host:port", base)
	}
	path := "/api/v1/articles/export"
	if claims {
		path = "/api/v1/claims/export"
	}
	v, err := url.ParseQuery(filters)
	if err != nil {
		return usageError("filters: %v", err)
	}
	v.Set("format", format)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String()+path+"?"+v.Encode(), nil)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		var apiErr struct{ Code, Message, Field string }
		body, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
		if json.Unmarshal(body, &apiErr) == nil && apiErr.Message != "" {
			err := fmt.Errorf("%s: %s", res.Status, apiErr.Message)
			if res.StatusCode == http.StatusUnauthorized {
				if token == "" {
					err = fmt.Errorf("%w (give a token: --token or LUMEN_TOKEN)", err)
				} else {
					err = fmt.Errorf("%w (the token given was refused: unknown, revoked or mistyped)", err)
				}
			}
			if res.StatusCode == http.StatusBadRequest {
				return fmt.Errorf("%w: %w", err, lumen.ErrInvalid)
			}
			return err
		}
		return fmt.Errorf("export: %s", res.Status)
	}
	if _, err := io.Copy(w, res.Body); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
