// Package curation is the curators' workflow: deciding claims (accept,
// reject with a reason, correct, undo), the version check that lets exactly
// one of two concurrent decisions win, the review queue with its leases, and
// the figures drawn from the decisions (per-curator counts, agreement, the
// tagger scored against what curators decided).
//
// Decisions are events in the system of record (a DecisionLog: the reviews
// stream); a claim's review state is derived from them. The search index
// applies them too, but it lags by up to a second, so everything here that
// must be exact reads the log. The package knows nothing of HTTP, NATS or
// bleve: it works on the small interfaces below.
package curation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lumen-research/lumen"
)

// ClaimReader reads claims from the index.
type ClaimReader interface {
	Claim(ctx context.Context, id string) (lumen.ClaimHit, error)
	SearchClaims(ctx context.Context, q lumen.ClaimQuery) (lumen.ClaimResults, error)
}

// DecisionLog is the durable history of decisions, one sequence per claim.
type DecisionLog interface {
	// Decisions returns a claim's decisions, oldest first, and the log
	// position of the latest (0: none).
	Decisions(ctx context.Context, claimID string) ([]lumen.ReviewDecision, uint64, error)
	// PublishDecision stores d if the claim's latest decision is still at
	// position last, and fails with lumen.ErrConflict otherwise.
	PublishDecision(ctx context.Context, d lumen.ReviewDecision, last uint64) (uint64, error)
	// ReplayReviewsFrom calls fn with every decision from the log position
	// from on, in the order made, and returns the position of the last one
	// there is (lower than from when the log was emptied since).
	ReplayReviewsFrom(ctx context.Context, from uint64, fn func(seq uint64, d lumen.ReviewDecision) error) (uint64, error)
}

// Service decides claims.
type Service struct {
	claims   ClaimReader
	log      DecisionLog
	leases   *Leases
	concepts map[string]bool
	now      func() time.Time

	pop struct { // concept counts for the queue's order, reused for a minute
		sync.Mutex
		at     time.Time
		counts map[string]int
	}
	stats statsCache
}

// New returns a Service; leases may be nil (no queue).
func New(claims ClaimReader, log DecisionLog, leases *Leases, tax lumen.Taxonomy) *Service {
	s := &Service{claims: claims, log: log, leases: leases, concepts: map[string]bool{}, now: time.Now}
	for _, c := range tax.Concepts {
		s.concepts[c.ID] = true
	}
	return s
}

// Request is the body of a decision. Fields beyond Action are read as the
// action needs: Reason for reject; Concepts, Relation, Negated, Hedged and
// Relations for correct (those left out keep the claim's current values;
// pairs left out are derived from the ones shown, see lumen.DerivePairs).
type Request struct {
	Action    string            `json:"action"`
	Reason    string            `json:"reason,omitempty"`
	Concepts  *[]string         `json:"concepts,omitempty"`
	Relation  *string           `json:"relation,omitempty"`
	Negated   *bool             `json:"negated,omitempty"`
	Hedged    *bool             `json:"hedged,omitempty"`
	Relations *[]lumen.Relation `json:"relations,omitempty"`
	Note      string            `json:"note,omitempty"`
}

// MaxNote bounds a decision's note.
const MaxNote = 4000

// validate checks the request against the taxonomy and the allowed values.
func (s *Service) validate(r *Request) error {
	switch r.Action {
	case lumen.ActionAccept, lumen.ActionUndo:
		if r.Reason != "" {
			return lumen.Invalidf("reason", "only a rejection has a reason")
		}
	case lumen.ActionReject:
		if r.Reason == "" {
			return lumen.Invalidf("reason", "a rejection needs a reason: one of %s", strings.Join(lumen.RejectReasons, ", "))
		}
		if !slices.Contains(lumen.RejectReasons, r.Reason) {
			return lumen.Invalidf("reason", "%q is not one of %s", r.Reason, strings.Join(lumen.RejectReasons, ", "))
		}
	case lumen.ActionCorrect:
		if r.Reason != "" {
			return lumen.Invalidf("reason", "only a rejection has a reason")
		}
		if r.Concepts == nil && r.Relation == nil && r.Negated == nil && r.Hedged == nil && r.Relations == nil {
			return lumen.Invalidf("concepts", "a correction sets at least one of concepts, relation, negated, hedged, relations")
		}
	case "":
		return lumen.Invalidf("action", "missing; one of accept, reject, correct, undo")
	default:
		return lumen.Invalidf("action", "%q is not one of accept, reject, correct, undo", r.Action)
	}
	if r.Action != lumen.ActionCorrect && (r.Concepts != nil || r.Relation != nil || r.Negated != nil || r.Hedged != nil || r.Relations != nil) {
		field := "concepts"
		switch {
		case r.Relation != nil:
			field = "relation"
		case r.Negated != nil:
			field = "negated"
		case r.Hedged != nil:
			field = "hedged"
		case r.Relations != nil:
			field = "relations"
		}
		return lumen.Invalidf(field, "only a correction sets %s (action %q)", field, r.Action)
	}
	if r.Relation != nil && *r.Relation != "" && !slices.Contains(lumen.Relations, *r.Relation) {
		return lumen.Invalidf("relation", "%q is not one of %s", *r.Relation, strings.Join(lumen.Relations, ", "))
	}
	if r.Concepts != nil {
		cs := *r.Concepts
		if len(cs) == 0 {
			return lumen.Invalidf("concepts", "a claim names at least one concept")
		}
		seen := map[string]bool{}
		for _, c := range cs {
			if !s.concepts[c] {
				return lumen.Invalidf("concepts", "unknown concept %q (see GET /api/v1/concepts)", c)
			}
			if seen[c] {
				return lumen.Invalidf("concepts", "%q is listed twice", c)
			}
			seen[c] = true
		}
	}
	if r.Relations != nil {
		if len(*r.Relations) > maxPairs {
			return lumen.Invalidf("relations", "more than %d pairs", maxPairs)
		}
		for i, p := range *r.Relations {
			if !s.concepts[p.Subject] || !s.concepts[p.Object] {
				return lumen.Invalidf("relations", "pair %d: unknown concept %q or %q (see GET /api/v1/concepts)", i+1, p.Subject, p.Object)
			}
			if p.Subject == p.Object {
				return lumen.Invalidf("relations", "pair %d relates %s to itself", i+1, p.Subject)
			}
			if !slices.Contains(lumen.Relations, p.Effect) {
				return lumen.Invalidf("relations", "pair %d: effect %q is not one of %s", i+1, p.Effect, strings.Join(lumen.Relations, ", "))
			}
			// A denied pair is no_effect and no_effect is a denial
			// (docs/ANNOTATION.md): either alone would count as
			// evidence one way in the map and the other way in the
			// filters.
			if (p.Effect == lumen.RelationNoEffect) != p.Negated {
				if p.Negated {
					return lumen.Invalidf("relations", "pair %d (%s, %s) is negated with effect %q: a denied pair's effect is no_effect", i+1, p.Subject, p.Object, p.Effect)
				}
				return lumen.Invalidf("relations", "pair %d (%s, %s) has effect no_effect with negated false: no_effect is a denial, send \"negated\": true", i+1, p.Subject, p.Object)
			}
			for j, q := range (*r.Relations)[:i] {
				if q.Subject == p.Subject && q.Object == p.Object || q.Subject == p.Object && q.Object == p.Subject {
					return lumen.Invalidf("relations", "pairs %d and %d both relate %s and %s: give one pair per pair of concepts (the first statement, docs/ANNOTATION.md)", j+1, i+1, p.Subject, p.Object)
				}
			}
		}
	}
	if len(r.Note) > MaxNote {
		return lumen.Invalidf("note", "longer than %d bytes", MaxNote)
	}
	return nil
}

// maxPairs bounds the pairs a correction may give.
const maxPairs = 100

// validCorrection checks a correction as the claim it makes: a claim
// relates concepts of two kinds (one concept, or concepts of one kind, is
// no claim: reject it as not_a_claim instead), no_effect is a denial, and
// its pairs relate only its concepts.
func validCorrection(a lumen.Assertion) error {
	kinds := map[string]bool{}
	for _, c := range a.Concepts {
		kinds[lumen.ConceptKind(c)] = true
	}
	if len(kinds) < 2 {
		return lumen.Invalidf("concepts", "a claim relates concepts of two different kinds (condition, mechanism, intervention), and %s has %s; "+
			"if the sentence states no such relation, reject it as %s", strings.Join(a.Concepts, ", "),
			map[bool]string{true: "one", false: "one kind only"}[len(a.Concepts) == 1], lumen.ReasonNotAClaim)
	}
	if a.Relation == lumen.RelationNoEffect && !a.Negated {
		return lumen.Invalidf("negated", "relation no_effect with negated false: no_effect is a denial, so mark the claim negated too (\"negated\": true)")
	}
	for i, p := range a.Relations {
		if !slices.Contains(a.Concepts, p.Subject) || !slices.Contains(a.Concepts, p.Object) {
			return lumen.Invalidf("relations", "pair %d (%s, %s) names a concept the claim does not have: %s", i+1, p.Subject, p.Object, strings.Join(a.Concepts, ", "))
		}
	}
	return nil
}

// ETag is a claim version as an HTTP entity tag: the number of decisions
// and a fingerprint of the tagger's output, so that it changes with every
// decision and every re-tag that changes the claim.
func ETag(c lumen.ClaimHit) string {
	return `"` + strconv.FormatUint(c.Review.Version, 10) + "." + machineOf(c).Assertion().Hash() + `"`
}

// parseETag reads an If-Match value made by ETag. A weak entity tag
// (W/"...") is refused: If-Match compares strongly (RFC 9110, 13.1.1), so
// a weak tag never matches, and this API never sends one.
func parseETag(v string) (version uint64, hash string, err error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "W/") {
		return 0, "", lumen.Invalidf("If-Match", "%q is a weak entity tag, which If-Match never matches (RFC 9110); send the claim's ETag as given", v)
	}
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return 0, "", lumen.Invalidf("If-Match", "%q is not an entity tag from this claim's ETag", v)
	}
	num, hash, ok := strings.Cut(v[1:len(v)-1], ".")
	n, err := strconv.ParseUint(num, 10, 64)
	if !ok || err != nil || hash == "" {
		return 0, "", lumen.Invalidf("If-Match", "%q is not an entity tag from this claim's ETag", v)
	}
	return n, hash, nil
}

// machineOf returns the tagger's own claim behind a hit (the hit carries
// the curated values of a decided claim).
func machineOf(c lumen.ClaimHit) lumen.Claim {
	m := c.Claim
	if c.Review.Machine != nil {
		m.Assert(*c.Review.Machine)
	}
	m.Review = lumen.Review{}
	return m
}

// Reviewed returns the claim m (the tagger's output) as the decisions leave
// it: the curated values of the decision in effect, the review state, and
// the tagger's output beside them.
func Reviewed(m lumen.Claim, decisions []lumen.ReviewDecision, retracted bool) lumen.Claim {
	c := m
	r, d := lumen.ReviewState(decisions)
	c.Assert(lumen.Curate(m.Assertion(), decisions))
	r.Flagged = lumen.NeedsReReview(d, m.Assertion())
	r.Retracted = retracted
	if r.Version > 0 {
		a := m.Assertion()
		r.Machine = &a
	}
	c.Review = r
	return c
}

// Get returns a claim with its review state read from the decision log
// (exact, where the index may lag), and its ETag.
func (s *Service) Get(ctx context.Context, id string) (lumen.ClaimHit, string, error) {
	hit, err := s.claims.Claim(ctx, id)
	if err != nil {
		return hit, "", err
	}
	decisions, _, err := s.log.Decisions(ctx, id)
	if err != nil {
		return hit, "", err
	}
	hit = withDecisions(hit, decisions)
	return hit, ETag(hit), nil
}

func withDecisions(hit lumen.ClaimHit, decisions []lumen.ReviewDecision) lumen.ClaimHit {
	hit.Claim = Reviewed(machineOf(hit), decisions, hit.Review.Retracted)
	return hit
}

// History returns every decision on a claim, oldest first.
func (s *Service) History(ctx context.Context, id string) ([]lumen.ReviewDecision, error) {
	if _, err := s.claims.Claim(ctx, id); err != nil {
		if !errors.Is(err, lumen.ErrNotFound) {
			return nil, err
		}
		// A claim the index does not hold may still have a history.
		d, _, err := s.log.Decisions(ctx, id)
		if err != nil {
			return nil, err
		}
		if len(d) == 0 {
			return nil, fmt.Errorf("claim %s: %w", id, lumen.ErrNotFound)
		}
		return d, nil
	}
	d, _, err := s.log.Decisions(ctx, id)
	return d, err
}

// ConflictError is a decision refused because the claim changed since the
// version it was based on. It unwraps to lumen.ErrConflict and carries the
// claim's current state.
type ConflictError struct {
	Current lumen.ClaimHit
	ETag    string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("claim %s was decided since: its version is now %s", e.Current.ID, e.ETag)
}

// Unwrap lets errors.Is(err, lumen.ErrConflict) match.
func (e *ConflictError) Unwrap() error { return lumen.ErrConflict }

// Decide records a curator's decision on a claim, based on the version
// ifMatch (the claim's ETag as the curator saw it), and returns the claim as
// it now stands with its new ETag. It returns once the decision is durable.
// A missing ifMatch gives lumen.ErrPreconditionRequired; a stale one, or a
// decision that lost a race with another, a *ConflictError. A decision based
// on the current version whose claim a re-tag changed in the meantime is
// still recorded, against what the curator saw, and the claim is flagged.
func (s *Service) Decide(ctx context.Context, p lumen.Principal, id, ifMatch string, r Request) (lumen.ClaimHit, string, error) {
	if !p.Can(lumen.RoleCurator) {
		return lumen.ClaimHit{}, "", fmt.Errorf("deciding claims needs the curator role (%s is a %s): %w", p.Name, p.Role, lumen.ErrForbidden)
	}
	if err := s.validate(&r); err != nil {
		return lumen.ClaimHit{}, "", err
	}
	if strings.TrimSpace(ifMatch) == "" {
		return lumen.ClaimHit{}, "", fmt.Errorf("send the claim's ETag in If-Match (GET /api/v1/claims/%s): %w", id, lumen.ErrPreconditionRequired)
	}
	version, seenHash, err := parseETag(ifMatch)
	if err != nil {
		return lumen.ClaimHit{}, "", err
	}
	hit, err := s.claims.Claim(ctx, id)
	if err != nil {
		return hit, "", err
	}
	decisions, last, err := s.log.Decisions(ctx, id)
	if err != nil {
		return hit, "", err
	}
	current := withDecisions(hit, decisions)
	if current.Review.Version != version {
		return hit, "", &ConflictError{Current: current, ETag: ETag(current)}
	}
	machine := machineOf(hit)
	seen := machine.Assertion()
	d := lumen.ReviewDecision{
		ClaimID: id, ArticleID: hit.ArticleID, Action: r.Action, Reason: r.Reason, Note: r.Note,
		Curator: p.Name, Role: p.Role, At: s.now().UTC(), Version: version,
		Seen: seen, SeenHash: seenHash, Stale: seenHash != seen.Hash(),
		TaggerVersion: hit.TaggerVersion, TaxonomyVersion: lumen.TaxonomyOf(hit.TaggerVersion), Confidence: hit.Confidence,
		Text: hit.Text, Start: hit.Start, End: hit.End, Section: hit.Section,
	}
	switch r.Action {
	case lumen.ActionAccept:
		d.Status = lumen.StatusAccepted
		if seen.NotAClaim {
			// The tagger reads no claim here: what is accepted is the
			// claim as shown (the values kept from earlier decisions).
			kept := current.Claim.Assertion()
			d.Correction = &kept
		}
	case lumen.ActionReject:
		d.Status = lumen.StatusRejected
	case lumen.ActionCorrect:
		d.Status = lumen.StatusCorrected
		base := current.Claim.Assertion() // what the curator sees now
		corr := lumen.Assertion{Concepts: slices.Clone(base.Concepts), Relation: base.Relation, Negated: base.Negated, Hedged: base.Hedged}
		if r.Concepts != nil {
			corr.Concepts = slices.Clone(*r.Concepts)
			slices.Sort(corr.Concepts)
		}
		if r.Relation != nil {
			corr.Relation = *r.Relation
		}
		if r.Negated != nil {
			corr.Negated = *r.Negated
		}
		if r.Hedged != nil {
			corr.Hedged = *r.Hedged
		}
		// The pairs go with the correction, so that the pair filters say
		// what the corrected claim says: the curator's own, or the pairs
		// shown, brought in line with it.
		if r.Relations != nil {
			corr.Relations = slices.Clone(*r.Relations)
		} else {
			corr.Relations = lumen.DerivePairs(base.Relations, base, corr)
		}
		if err := validCorrection(corr); err != nil {
			return hit, "", err
		}
		if sameAssertion(base, corr) {
			// A "correction" that is the claim as shown would count as a
			// correction in the stats, the evaluation and the gold set.
			return hit, "", lumen.Invalidf("concepts", "the correction changes nothing: it is the claim as it stands (to agree with it, accept it)")
		}
		d.Correction = &corr
	case lumen.ActionUndo:
		if _, inEffect := lumen.ReviewState(decisions); inEffect == nil {
			return hit, "", lumen.Invalidf("action", "claim %s has no decision in effect to undo", id)
		}
		after, _ := lumen.ReviewState(append(slices.Clone(decisions), d))
		d.Status = after.Status
		d.Undoes = undone(decisions)
	}
	if _, err := s.log.PublishDecision(ctx, d, last); err != nil {
		if errors.Is(err, lumen.ErrConflict) {
			if fresh, etag, gerr := s.Get(ctx, id); gerr == nil {
				return hit, "", &ConflictError{Current: fresh, ETag: etag}
			}
		}
		return hit, "", err
	}
	if s.leases != nil {
		s.leases.Done(ctx, id, p.Name)
	}
	now := withDecisions(hit, append(decisions, d))
	return now, ETag(now), nil
}

// sameAssertion reports whether two assertions say the same: the same
// concepts (in any order), relation, negation, hedge and pairs (in any order).
func sameAssertion(a, b lumen.Assertion) bool {
	sorted := func(xs []string) []string { xs = slices.Clone(xs); slices.Sort(xs); return xs }
	pairs := func(rs []lumen.Relation) []string {
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = fmt.Sprintf("%s|%s|%s|%t|%t", r.Subject, r.Effect, r.Object, r.Negated, r.Hedged)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(sorted(a.Concepts), sorted(b.Concepts)) && a.Relation == b.Relation &&
		a.Negated == b.Negated && a.Hedged == b.Hedged && slices.Equal(pairs(a.Relations), pairs(b.Relations))
}

// undone returns the version of the decision an undo appended to decisions
// would revert (the latest still in effect).
func undone(decisions []lumen.ReviewDecision) uint64 {
	var stack []uint64
	for _, d := range decisions {
		if d.Action == lumen.ActionUndo {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		stack = append(stack, d.Version+1)
	}
	if len(stack) == 0 {
		return 0
	}
	return stack[len(stack)-1]
}
