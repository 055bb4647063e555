package httpapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/export"
)

func (s *server) exporter() (Exporter, error) {
	if e, ok := s.Searcher.(Exporter); ok {
		return e, nil
	}
	return nil, fmt.Errorf("export: %w (this process does not hold the index)", lumen.ErrUnavailable)
}

// exportTimeout bounds an export, which outlives the request timeout of
// searches: 100,000 claims stream in seconds, a slow client may take longer.
const exportTimeout = 30 * time.Minute

// handleClaimsExport streams every claim the filters select. Errors before
// the first byte are JSON errors; after it, the stream stops (a truncated
// CSV or JSON Lines file is visible as such: the status was 200, but the
// connection closes without the chunked end).
func (s *server) handleClaimsExport(w http.ResponseWriter, r *http.Request, v values) {
	streamExport(s, w, r, v, "claims", export.NewClaimWriter, Exporter.ExportClaims)
}

// handleArticlesExport streams the articles behind the claims the filters
// select, as handleClaimsExport.
func (s *server) handleArticlesExport(w http.ResponseWriter, r *http.Request, v values) {
	streamExport(s, w, r, v, "articles", export.NewArticleWriter, Exporter.ExportArticles)
}

// recordWriter is an export.ClaimWriter or export.ArticleWriter.
type recordWriter[T any] interface {
	Write(T) error
	Close() error
}

// streamExport writes, as a download named what, every record run gives
// for the request's filters, in the format's writer.
func streamExport[T any, W recordWriter[T]](s *server, w http.ResponseWriter, r *http.Request, v values, what string,
	newWriter func(io.Writer, string) (W, error), run func(Exporter, context.Context, lumen.ClaimQuery, func(T) error) error) {
	q, err := s.claimQuery(r.Context(), v)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	format := v.str("format")
	ex, err := s.exporter()
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	longWrite(w)
	sw := &startWriter{w: w, start: func() { setDownload(w, format, what) }}
	rw, err := newWriter(sw, format)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	err = run(ex, r.Context(), q, rw.Write)
	if err == nil {
		err = rw.Close()
	}
	s.endStream(w, r, sw, err)
}

// longWrite lets an export write for as long as its timeout, beyond the
// server's write timeout (meant for ordinary responses).
func longWrite(w http.ResponseWriter) {
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(exportTimeout))
}

func setDownload(w http.ResponseWriter, format, what string) {
	w.Header().Set("Content-Type", export.ContentType(format))
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="lumen-%s%s"`, what, export.Extension(format)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
}

// endStream reports an export's error: as a JSON error when nothing was
// written yet, else by logging it (the client sees the stream cut short).
func (s *server) endStream(w http.ResponseWriter, r *http.Request, sw *startWriter, err error) {
	switch {
	case err == nil && !sw.started:
		sw.begin() // an empty export is an empty file with its header
	case err == nil:
	case !sw.started:
		s.writeError(w, r, err)
	case r.Context().Err() != nil:
		// The client went away: nothing to tell anyone.
	default:
		s.Logger.Error("export stopped", "path", r.URL.Path, "err", err)
		panic(http.ErrAbortHandler) // cut the stream so the client sees it is incomplete
	}
}

// startWriter sets the response headers on the first write, so that an
// error before any output can still be a JSON error.
type startWriter struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

func (s *startWriter) begin() {
	if !s.started {
		s.started = true
		s.start()
		s.w.WriteHeader(http.StatusOK)
	}
}

func (s *startWriter) Write(p []byte) (int, error) {
	s.begin()
	return s.w.Write(p)
}
