package httpapi

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/curation"
)

//go:embed static
var staticFS embed.FS

func (s *server) handleStatic() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A file that is not there (or a directory) is the API's 404,
		// like every other error, not the file server's text.
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if st, err := fs.Stat(sub, name); name == "" || err != nil || st.IsDir() {
			s.writeError(w, r, fmt.Errorf("no file %s: %w", r.URL.Path, lumen.ErrNotFound))
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=300")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	})
}

// readPage guards a page that reads: when reads need a token, a visitor
// who is not signed in is sent to the sign-in page.
func (s *server) readPage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.RequireTokenForReads && identityOf(r).p.Name == "" {
			redirectToSignIn(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func redirectToSignIn(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
}

// localPath returns next if it is a path on this site, else fallback (an
// open redirect would let a link sign a curator in and send them elsewhere).
func localPath(next, fallback string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return fallback
	}
	return next
}

type signInPage struct {
	Next  string
	Error string
	Who   lumen.Principal
}

func (s *server) handleSignInPage() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		render(w, http.StatusOK, "signin.html", signInPage{Next: localPath(r.URL.Query().Get("next"), "/review"), Who: identityOf(r).p})
	})
}

// crossSite reports whether the browser says a request comes from another
// site (Sec-Fetch-Site, sent by every current browser): a form posted from
// elsewhere must not sign anyone in.
// secure reports whether the session cookie is to be Secure: always when
// configured so, else when the browser reached Lumen over HTTPS: the
// request came over TLS, or through a trusted proxy that says
// X-Forwarded-Proto: https. Only a trusted proxy's header is believed:
// anyone can send one.
func (s *server) secure(r *http.Request) bool {
	if s.SecureCookies || r.TLS != nil {
		return true
	}
	if len(s.TrustedProxies) == 0 {
		return false
	}
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	from := ap.Addr().Unmap()
	for _, p := range s.TrustedProxies {
		if p.Contains(from) {
			proto, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
			return strings.EqualFold(strings.TrimSpace(proto), "https")
		}
	}
	return false
}

func crossSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return false
	}
	return true
}

func (s *server) handleSignIn() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if crossSite(r) {
			s.writeError(w, r, fmt.Errorf("sign in from another site: %w", lumen.ErrForbidden))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
		next := localPath(r.PostFormValue("next"), "/review")
		if s.Sessions == nil {
			render(w, http.StatusServiceUnavailable, "signin.html", signInPage{Next: next, Error: "Signing in is not available on this server."})
			return
		}
		sess, _, err := s.Sessions.SignIn(r.Context(), strings.TrimSpace(r.PostFormValue("token")))
		if err != nil {
			status, msg := http.StatusUnauthorized, "That token is not valid (unknown, revoked or mistyped)."
			if !errors.Is(err, lumen.ErrUnauthorized) {
				s.Logger.Error("sign in", "err", err)
				status, msg = http.StatusServiceUnavailable, "Signing in failed; try again."
			}
			render(w, status, "signin.html", signInPage{Next: next, Error: msg})
			return
		}
		http.SetCookie(w, &http.Cookie{
			Name: sessionCookie, Value: sess.ID, Path: "/", Expires: sess.Expires,
			HttpOnly: true, Secure: s.secure(r), SameSite: http.SameSiteStrictMode,
		})
		http.Redirect(w, r, next, http.StatusSeeOther)
	})
}

func (s *server) handleSignOut() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := identityOf(r)
		if id.session != nil {
			if !id.session.CheckCSRF(r.PostFormValue("csrf")) {
				s.writeError(w, r, fmt.Errorf("sign out: the form's CSRF token is wrong: %w", lumen.ErrForbidden))
				return
			}
			if err := s.Sessions.SignOut(r.Context(), id.session.ID); err != nil {
				s.Logger.Warn("sign out", "err", err)
			}
		}
		http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
			HttpOnly: true, Secure: s.secure(r), SameSite: http.SameSiteStrictMode})
		http.Redirect(w, r, "/", http.StatusSeeOther)
	})
}

// segment is a piece of a claim's sentence: plain text, or a concept mention.
type segment struct {
	Text    string
	Concept string
	Label   string
}

type reviewPageData struct {
	Who       lumen.Principal
	CSRF      string
	Claim     *lumen.ClaimHit
	ETag      string
	Segments  []segment
	Before    string
	After     string
	Back      string // the queue's filters, as a query string
	Flash     string
	UndoID    string
	UndoETag  string
	Error     string
	Concepts  []lumen.Concept
	Labels    map[string]lumen.Concept
	Reasons   []string
	Relations []string
	LeaseMin  int
	Filters   url.Values
	// Sent is what the curator sent in a decision that failed, shown
	// again in its form so that nothing typed is lost.
	Sent sentForm
}

// sentForm is a decision form as the curator sent it.
type sentForm struct {
	Action, Reason, Note string
	Concepts             []string
	Relation             string
	Negated, Hedged      bool
}

// queueFilters are the parameters of /review that filter the queue (the
// search page's filters); the others are the page's own.
func queueFilters(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		switch k {
		case "claim", "done", "last", "etag", "from", "size", "sort", "cursor", "status", "flagged", "retracted":
			continue
		}
		out[k] = vs
	}
	return out
}

// handleReviewPage shows one claim to decide: the next one from the queue
// (leased to the curator), or the one named by ?claim=.
func (s *server) handleReviewPage() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := identityOf(r)
		if id.session == nil || s.Curation == nil {
			if s.Curation == nil {
				render(w, http.StatusServiceUnavailable, "review.html", reviewPageData{Error: "Reviewing is not available on this server."})
				return
			}
			redirectToSignIn(w, r)
			return
		}
		v := r.URL.Query()
		p := s.newReviewPage(id, queueFilters(v))
		if !id.p.Can(lumen.RoleCurator) {
			p.Error = fmt.Sprintf("Reviewing needs a curator token; %s is a %s.", id.p.Name, id.p.Role)
			render(w, http.StatusForbidden, "review.html", p)
			return
		}
		if done, last := v.Get("done"), v.Get("last"); done != "" && lumen.ValidID(last) {
			p.Flash, p.UndoID, p.UndoETag = flashFor(done), last, v.Get("etag")
		}
		status := http.StatusOK
		var c lumen.ClaimHit
		var err error
		if cid := v.Get("claim"); cid != "" {
			c, p.ETag, err = s.Curation.Get(r.Context(), cid)
		} else {
			var q lumen.ClaimQuery
			q, err = s.parseClaimQuery(r.Context(), p.Filters)
			if err == nil {
				var hits []lumen.ClaimHit
				hits, err = s.Curation.Queue(r.Context(), id.p, q, 1)
				if err == nil && len(hits) > 0 {
					c, p.ETag = hits[0], curation.ETag(hits[0])
				}
			}
		}
		switch {
		case err != nil:
			var inv *lumen.InvalidError
			switch {
			case errors.As(err, &inv):
				status, p.Error = http.StatusBadRequest, inv.Error()
			case errors.Is(err, lumen.ErrNotFound):
				status, p.Error = http.StatusNotFound, "No such claim."
			case errors.Is(err, lumen.ErrInvalid):
				status, p.Error = http.StatusBadRequest, err.Error()
			case errors.Is(err, lumen.ErrUnavailable):
				status, p.Error = http.StatusServiceUnavailable, "The search index is not available right now (it may be rebuilding); try again in a minute."
			default:
				s.Logger.Error("review page", "err", err)
				status, p.Error = http.StatusInternalServerError, "The queue could not be read; try again."
			}
		case c.ID != "":
			s.showClaim(r.Context(), &p, c, p.ETag)
		}
		render(w, status, "review.html", p)
	})
}

func flashFor(done string) string {
	switch done {
	case lumen.ActionAccept:
		return "Accepted."
	case lumen.ActionReject:
		return "Rejected."
	case lumen.ActionCorrect:
		return "Corrected."
	case "skip":
		return "Skipped."
	}
	return ""
}

// segments splits a claim's sentence at its concept mentions.
func (s *server) segments(c lumen.ClaimHit) []segment {
	var out []segment
	pos := 0
	text := c.Text
	for _, m := range c.Mentions {
		a, b := m.Start-c.Start, m.End-c.Start
		if a < pos || b > len(text) || a >= b || !utf8.ValidString(text[a:b]) {
			continue
		}
		if a > pos {
			out = append(out, segment{Text: text[pos:a]})
		}
		out = append(out, segment{Text: text[a:b], Concept: m.Concept, Label: conceptLabel(s.concepts, m.Concept)})
		pos = b
	}
	if pos < len(text) {
		out = append(out, segment{Text: text[pos:]})
	}
	return out
}

// contextAround returns the sentence before [start, end) and the one after,
// as far as simple sentence ends tell (at most ~400 bytes each).
func contextAround(text string, start, end int) (before, after string) {
	if start < 0 || end > len(text) || start > end {
		return "", ""
	}
	const span = 400
	b := text[max(0, start-span):start]
	b = strings.TrimRight(b, " \n\t")
	if i := lastSentenceEnd(b); i >= 0 {
		b = b[i:]
	}
	a := text[end:min(len(text), end+span)]
	a = strings.TrimLeft(a, " \n\t")
	if i := firstSentenceEnd(a); i >= 0 {
		a = a[:i]
	}
	return strings.ToValidUTF8(strings.TrimSpace(b), ""), strings.ToValidUTF8(strings.TrimSpace(a), "")
}

// lastSentenceEnd returns where the last sentence of s starts.
func lastSentenceEnd(s string) int {
	best := -1
	for _, sep := range []string{". ", "? ", "! ", "\n\n"} {
		if i := strings.LastIndex(s, sep); i >= 0 && i+len(sep) > best {
			best = i + len(sep)
		}
	}
	return best
}

// firstSentenceEnd returns where the first sentence of s ends.
func firstSentenceEnd(s string) int {
	best := -1
	for _, sep := range []string{". ", "? ", "! ", "\n\n"} {
		if i := strings.Index(s, sep); i >= 0 && (best < 0 || i+1 < best) {
			best = i + 1
		}
	}
	return best
}

// handleReviewForm takes a decision from the review page's forms.
func (s *server) handleReviewForm() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := identityOf(r)
		if id.session == nil {
			// Back, once signed in, to the page the form was on (this
			// route takes only the form's POST): the claim is shown again
			// to decide, since the decision sent was not recorded.
			next := "/review?claim=" + url.QueryEscape(r.PathValue("id"))
			http.Redirect(w, r, "/signin?next="+url.QueryEscape(next), http.StatusSeeOther)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxReviewBody)
		if err := r.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			if !errors.As(err, &tooBig) {
				err = lumen.Invalidf("body", "not a form: %v", err)
			}
			if wantsHTML(r) {
				s.reviewFormError(w, r, id, url.Values{}, r.PathValue("id"), sentForm{}, err)
				return
			}
			s.writeError(w, r, err)
			return
		}
		if !id.session.CheckCSRF(r.PostForm.Get("csrf")) {
			s.writeError(w, r, fmt.Errorf("the form's CSRF token is wrong (reload the page): %w", lumen.ErrForbidden))
			return
		}
		if s.Curation == nil {
			s.writeError(w, r, fmt.Errorf("review: %w", lumen.ErrUnavailable))
			return
		}
		claimID := r.PathValue("id")
		back, _ := url.ParseQuery(r.PostForm.Get("back"))
		back = queueFilters(back)
		f := r.PostForm
		action := f.Get("action")
		sent := sentForm{Action: action, Reason: f.Get("reason"), Note: f.Get("note"),
			Concepts: slices.DeleteFunc(slices.Clone(f["concepts"]), func(s string) bool { return s == "" }),
			Relation: f.Get("relation"), Negated: f.Get("negated") != "", Hedged: f.Get("hedged") != ""}
		switch action {
		case lumen.ActionAccept, lumen.ActionReject, lumen.ActionCorrect, lumen.ActionUndo, "skip":
		case "":
			s.reviewFormError(w, r, id, back, claimID, sent, lumen.Invalidf("action", "missing; one of accept, reject, correct, undo, skip"))
			return
		default:
			s.reviewFormError(w, r, id, back, claimID, sent, lumen.Invalidf("action", "%q is not one of accept, reject, correct, undo, skip", action))
			return
		}
		if action == "skip" {
			if err := s.Curation.Skip(r.Context(), id.p, claimID); err != nil {
				s.writeError(w, r, err)
				return
			}
			back.Set("done", "skip")
			http.Redirect(w, r, "/review?"+back.Encode(), http.StatusSeeOther)
			return
		}
		req := curation.Request{Action: action, Reason: f.Get("reason"), Note: strings.TrimSpace(f.Get("note"))}
		if action != lumen.ActionReject {
			req.Reason = ""
		}
		if action == lumen.ActionCorrect {
			concepts, rel, neg, hedged := sent.Concepts, sent.Relation, sent.Negated, sent.Hedged
			req.Concepts, req.Relation, req.Negated, req.Hedged = &concepts, &rel, &neg, &hedged
		}
		c, etag, err := s.Curation.Decide(r.Context(), id.p, claimID, f.Get("etag"), req)
		if err != nil {
			s.reviewFormError(w, r, id, back, claimID, sent, err)
			return
		}
		if action == lumen.ActionUndo {
			// Show the claim again, as the undo left it, to decide anew.
			back.Set("claim", c.ID)
		} else {
			back.Set("done", action)
			back.Set("last", c.ID)
			back.Set("etag", etag)
		}
		http.Redirect(w, r, "/review?"+back.Encode(), http.StatusSeeOther)
	})
}

// reviewFormError shows the claim again with what went wrong: a stale
// version (someone else decided it) or an invalid correction. The forms
// keep what the curator sent (on a conflict, beside the claim as it now
// stands, whose version the forms then carry).
func (s *server) reviewFormError(w http.ResponseWriter, r *http.Request, id identity, back url.Values, claimID string, sent sentForm, err error) {
	p := s.newReviewPage(id, back)
	p.Sent = sent
	var (
		status   int
		inv      *lumen.InvalidError
		conflict *curation.ConflictError
		tooBig   *http.MaxBytesError
	)
	switch {
	case errors.As(err, &tooBig):
		status, p.Error = http.StatusRequestEntityTooLarge, fmt.Sprintf("The form was too large (at most %d bytes: shorten the note); the decision was not recorded.", tooBig.Limit)
	case errors.As(err, &conflict) && conflict.Current.Review.Curator == id.p.Name:
		// Most often the same form sent twice (a double click, Back).
		status, p.Error = http.StatusConflict, "You decided this claim since this page was loaded (the form was sent twice?); here it is as it now stands."
	case errors.As(err, &conflict):
		status, p.Error = http.StatusConflict, "This claim was decided by someone else in the meantime; here it is as it now stands."
	case errors.Is(err, lumen.ErrPreconditionRequired):
		status, p.Error = http.StatusPreconditionRequired, "The form did not say which version of the claim you saw (its etag field): reload the page and decide again."
	case errors.Is(err, lumen.ErrUnavailable):
		status, p.Error = http.StatusServiceUnavailable, "The search index is not available right now (it may be rebuilding); try again in a minute."
	case errors.As(err, &inv):
		status, p.Error = http.StatusBadRequest, inv.Error()
	case errors.Is(err, lumen.ErrForbidden):
		status, p.Error = http.StatusForbidden, "Reviewing needs a curator token."
	case errors.Is(err, lumen.ErrNotFound):
		status, p.Error = http.StatusNotFound, "No such claim."
	default:
		s.Logger.Error("review form", "claim", claimID, "err", err)
		status, p.Error = http.StatusInternalServerError, "The decision was not recorded; try again."
	}
	if c, etag, gerr := s.Curation.Get(r.Context(), claimID); gerr == nil {
		s.showClaim(r.Context(), &p, c, etag)
	}
	render(w, status, "review.html", p)
}

// newReviewPage is the review page of a signed-in curator, with the
// queue's filters.
func (s *server) newReviewPage(id identity, filters url.Values) reviewPageData {
	return reviewPageData{Who: id.p, CSRF: id.session.CSRF, Concepts: s.Taxonomy.Concepts, Labels: s.concepts,
		Reasons: lumen.RejectReasons, Relations: lumen.Relations, LeaseMin: int(s.LeaseTTL / time.Minute),
		Filters: filters, Back: filters.Encode()}
}

// showClaim puts a claim on the page: its sentence with the mentions
// marked, and the sentences around it (none for a retracted claim, whose
// offsets refer to an earlier text).
func (s *server) showClaim(ctx context.Context, p *reviewPageData, c lumen.ClaimHit, etag string) {
	p.Claim, p.ETag, p.Segments = &c, etag, s.segments(c)
	if c.Review.Retracted {
		return
	}
	if t, ok := s.Searcher.(ArticleTexter); ok {
		if text, err := t.ArticleText(ctx, c.ArticleID); err == nil {
			p.Before, p.After = contextAround(text, c.Start, c.End)
		}
		return
	}
	if d, err := s.Searcher.Article(ctx, c.ArticleID); err == nil {
		p.Before, p.After = contextAround(d.Text, c.Start, c.End)
	}
}
