package lumen

import (
	"slices"
	"strings"
	"time"
)

// Review states of a claim. A claim is pending until a curator decides.
const (
	StatusPending   = "pending"
	StatusAccepted  = "accepted"
	StatusRejected  = "rejected"
	StatusCorrected = "corrected"
)

// Actions lists every action a decision may take.
var Actions = []string{ActionAccept, ActionReject, ActionCorrect, ActionUndo}

// Statuses lists every review state, in the order pages show them.
var Statuses = []string{StatusPending, StatusAccepted, StatusRejected, StatusCorrected}

// Review actions a curator can take. Undo is a decision of its own: it
// restores the state before the latest decision still in effect, and the
// history keeps both.
const (
	ActionAccept  = "accept"
	ActionReject  = "reject"
	ActionCorrect = "correct"
	ActionUndo    = "undo"
)

// Reasons a curator gives for rejecting a claim.
const (
	ReasonNotAClaim     = "not_a_claim"
	ReasonWrongConcept  = "wrong_concept"
	ReasonWrongRelation = "wrong_relation"
	ReasonNegationWrong = "negation_wrong"
	ReasonHedgeWrong    = "hedge_wrong"
	ReasonDuplicate     = "duplicate"
	ReasonOther         = "other"
)

// RejectReasons lists every reason code a rejection may carry.
var RejectReasons = []string{ReasonNotAClaim, ReasonWrongConcept, ReasonWrongRelation,
	ReasonNegationWrong, ReasonHedgeWrong, ReasonDuplicate, ReasonOther}

// Relations lists the relations a claim can state.
var Relations = []string{RelationIncreases, RelationDecreases, RelationAssociated, RelationNoEffect}

// Assertion is what a claim asserts: the fields the tagger sets and a curator
// can correct.
//
// Equal and Hash compare the sentence-level values (concepts, relation,
// negated, hedged) and whether it is a claim at all, not the pairs: they
// are what a decision is checked against, and pairs are read from them
// when a correction does not give its own (DerivePairs).
type Assertion struct {
	Concepts []string `json:"concepts"`
	Relation string   `json:"relation,omitempty"`
	Negated  bool     `json:"negated"`
	Hedged   bool     `json:"hedged"`
	// Relations are the relation pairs (see Claim.Relations): the tagger's,
	// the ones a curator saw, or a correction's.
	Relations []Relation `json:"relations,omitempty"`
	// NotAClaim: the tagger no longer reads the sentence as a claim (it
	// stays in its article). Only the tagger's output (Review.Machine, a
	// decision's Seen) says so; such an assertion has no concepts.
	NotAClaim bool `json:"not_a_claim,omitempty"`
}

// Assertion returns what c asserts. A claim without concepts is the
// tagger's "not a claim" for a sentence a curator decided (see
// NotAClaimAt): a claim relates concepts of two kinds.
func (c Claim) Assertion() Assertion {
	return Assertion{Concepts: c.Concepts, Relation: c.Relation, Negated: c.Negated, Hedged: c.Hedged,
		Relations: c.Relations, NotAClaim: len(c.Concepts) == 0}
}

// Assert sets c's concepts, relation, flags and pairs to a's.
func (c *Claim) Assert(a Assertion) {
	c.Concepts, c.Relation, c.Negated, c.Hedged, c.Relations = a.Concepts, a.Relation, a.Negated, a.Hedged, a.Relations
}

// NotAClaimAt is the tagger's output for the sentence of claim prev once it
// no longer reads it as a claim, the sentence now starting at start of its
// article: the sentence, its section and its mentions (moved with it), no
// concepts, relation or pairs.
func NotAClaimAt(prev Claim, start int) Claim {
	m := Claim{ID: prev.ID, ArticleID: prev.ArticleID, Start: start, End: start + len(prev.Text), Text: prev.Text,
		Section: prev.Section, Evidence: prev.Evidence, Concepts: []string{}} // [] in JSON, as the API's schema says
	for _, mn := range prev.Mentions {
		mn.Start += start - prev.Start
		mn.End += start - prev.Start
		m.Mentions = append(m.Mentions, mn)
	}
	return m
}

// Equal reports whether a and b assert the same thing (concepts in any
// order; pairs are not compared).
func (a Assertion) Equal(b Assertion) bool {
	if a.NotAClaim != b.NotAClaim || a.Relation != b.Relation || a.Negated != b.Negated || a.Hedged != b.Hedged || len(a.Concepts) != len(b.Concepts) {
		return false
	}
	x, y := slices.Clone(a.Concepts), slices.Clone(b.Concepts)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// Hash is a short fingerprint of the assertion (concepts in any order,
// pairs left out, so that fingerprints recorded before pairs existed stay
// valid). A curator's decision records the hash of the machine output it
// was made against, so that a later re-tag that changes it can be noticed.
func (a Assertion) Hash() string {
	if a.NotAClaim {
		return Hash("not a claim")[:8]
	}
	cs := slices.Clone(a.Concepts)
	slices.Sort(cs)
	return Hash(strings.Join(cs, ","), a.Relation, boolString(a.Negated), boolString(a.Hedged))[:8]
}

// kindRank orders the kinds of concept from cause to outcome: a pair that
// a correction adds has the earlier kind as its subject.
func kindRank(id string) int {
	switch ConceptKind(id) {
	case KindIntervention:
		return 0
	case KindMechanism:
		return 1
	case KindCondition:
		return 2
	}
	return 3
}

// DerivePairs returns the relation pairs of a corrected claim: pairs are the
// pairs of the claim as it stood (from), to the correction to. A pair whose
// concept the correction removed is dropped; a relation, negation or hedge
// the correction changed is applied to every pair kept (a pair keeps what
// the correction did not change); and each concept the correction added
// (every concept, when no pair is left) is related with the corrected
// relation to each concept of another kind, the cause first (intervention,
// mechanism, condition). So the pairs say what the corrected claim says,
// and the pair filters, the map and the claim agree.
func DerivePairs(pairs []Relation, from, to Assertion) []Relation {
	effect := to.Relation // a pair always has an effect; a claim may have no relation
	if effect == "" {
		effect = RelationAssociated
	}
	var out []Relation
	for _, r := range pairs {
		if !slices.Contains(to.Concepts, r.Subject) || !slices.Contains(to.Concepts, r.Object) {
			continue
		}
		if to.Relation != from.Relation {
			r.Effect = effect
		}
		if to.Negated != from.Negated {
			r.Negated = to.Negated
			if !r.Negated && r.Effect == RelationNoEffect {
				r.Effect = effect
				if effect == RelationNoEffect {
					r.Effect = RelationAssociated
				}
			}
		}
		if r.Negated {
			r.Effect = RelationNoEffect // a denied pair has no effect (docs/ANNOTATION.md)
		}
		if to.Hedged != from.Hedged {
			r.Hedged = to.Hedged
		}
		out = append(out, r)
	}
	var loose []string
	for _, c := range to.Concepts {
		if !slices.Contains(from.Concepts, c) || len(out) == 0 && (len(pairs) > 0 || from.NotAClaim) {
			loose = append(loose, c)
		}
	}
	has := func(s, o string) bool {
		return slices.ContainsFunc(out, func(r Relation) bool { return r.Subject == s && r.Object == o })
	}
	for _, x := range loose {
		for _, y := range to.Concepts {
			if ConceptKind(x) == ConceptKind(y) {
				continue
			}
			s, o := x, y
			if kindRank(y) < kindRank(x) || kindRank(y) == kindRank(x) && y < x {
				s, o = y, x
			}
			if !has(s, o) {
				r := Relation{Subject: s, Object: o, Effect: effect, Negated: to.Negated, Hedged: to.Hedged}
				if r.Negated {
					r.Effect = RelationNoEffect
				}
				out = append(out, r)
			}
		}
	}
	return out
}

// Curate returns what a claim states under its decisions (oldest first),
// m being the tagger's latest output: the curated values of the decision in
// effect (a correction, or what an accepting curator saw), else m. Where
// the tagger no longer reads the sentence as a claim, the latest values the
// decisions record stand. Pairs come with the values: a decision recorded
// before pairs were kept with it gets them derived from m's (DerivePairs).
func Curate(m Assertion, decisions []ReviewDecision) Assertion {
	_, d := ReviewState(decisions)
	if d == nil || d.Status == StatusRejected {
		// Pending or rejected: the tagger's output, or, when it no longer
		// reads the sentence as a claim, what the curator last saw.
		if m.NotAClaim {
			if last, ok := lastAsserted(decisions); ok {
				return last
			}
		}
		return m
	}
	a := d.Curated()
	if a.NotAClaim { // accepted while the tagger read no claim: the values it kept
		if last, ok := lastAsserted(decisions); ok {
			a = last
		}
	}
	if a.Relations == nil {
		a.Relations = DerivePairs(m.Relations, m, a)
	}
	return a
}

// lastAsserted returns the latest claim values decisions record: of those in
// effect, a correction or a claim an accepting or rejecting curator saw;
// else any claim a curator saw.
func lastAsserted(decisions []ReviewDecision) (Assertion, bool) {
	for _, i := range slices.Backward(inEffect(decisions)) {
		if c := decisions[i].Correction; c != nil {
			return *c, true
		}
		if !decisions[i].Seen.NotAClaim && len(decisions[i].Seen.Concepts) > 0 {
			return decisions[i].Seen, true
		}
	}
	for _, d := range slices.Backward(decisions) {
		if !d.Seen.NotAClaim && len(d.Seen.Concepts) > 0 {
			return d.Seen, true
		}
	}
	return Assertion{}, false
}

func boolString(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// Review is the review state of a claim, derived from the curators'
// decisions (ReviewDecision events): the status and the decision that set it.
type Review struct {
	Status  string    `json:"status"`
	Curator string    `json:"curator,omitempty"`
	At      time.Time `json:"at,omitzero"`
	Reason  string    `json:"reason,omitempty"`
	Note    string    `json:"note,omitempty"`
	// Version counts the claim's decisions; it is the claim's ETag and
	// changes with every decision (an undo included).
	Version uint64 `json:"version"`
	// Flagged: the tagger's output changed since the decision was made and
	// now disagrees with it, so a curator should look again.
	Flagged bool `json:"flagged,omitempty"`
	// Retracted: the claim's sentence is no longer in its article. A
	// retracted claim keeps its decisions; it is not deleted.
	Retracted bool `json:"retracted,omitempty"`
	// Machine is the tagger's latest output, kept beside the curated values
	// of a decided claim (the claim's own fields hold the curated values).
	Machine *Assertion `json:"machine,omitempty"`
}

// ReviewDecision is one curator decision on a claim: an event in the
// reviews stream, one subject per claim, never deleted. A claim's review
// state is derived from its decisions in order.
type ReviewDecision struct {
	ClaimID   string `json:"claim_id"`
	ArticleID string `json:"article_id"`
	Action    string `json:"action"`
	// Status is the state the decision leaves the claim in (for an undo,
	// the state it restores).
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
	// Correction holds the curated values of a "correct" decision, and of
	// an "accept" made while the tagger read no claim in the sentence
	// (Seen.NotAClaim): the values shown, which the curator accepted.
	Correction *Assertion `json:"correction,omitempty"`
	Note       string     `json:"note,omitempty"`
	Curator    string     `json:"curator"`
	Role       string     `json:"role,omitempty"`
	At         time.Time  `json:"at"`
	// Undoes is the version (1-based position in the claim's history) of
	// the decision an undo reverts.
	Undoes uint64 `json:"undoes,omitempty"`
	// Version is the claim's review version the curator saw (the If-Match);
	// the decision is version Version+1.
	Version uint64 `json:"version"`
	// What the decision was made against: the tagger's output the curator
	// saw (Seen, SeenHash), and the tagger and taxonomy versions.
	Seen     Assertion `json:"seen"`
	SeenHash string    `json:"seen_hash"`
	// Stale: the tagger's output changed between what the curator saw
	// (SeenHash, from the If-Match) and the decision; Seen then holds the
	// output at the time of the decision, and the claim is flagged.
	Stale           bool   `json:"stale,omitempty"`
	TaggerVersion   string `json:"tagger_version,omitempty"`
	TaxonomyVersion string `json:"taxonomy_version,omitempty"`
	// Confidence is the tagger's confidence in the claim when decided, so
	// that a claim rebuilt from its decisions (retracted) keeps it.
	Confidence float64 `json:"confidence,omitempty"`
	// The claim as it was when decided, so that a claim whose sentence
	// later disappears can still be shown (retracted) with its history.
	Text    string `json:"text"`
	Start   int    `json:"start" doc:"UTF-8 byte offset into the article text (not a character or UTF-16 index: convert before slicing a JavaScript string)"`
	End     int    `json:"end" doc:"UTF-8 byte offset into the article text, exclusive"`
	Section string `json:"section,omitempty"`
}

// Curated is the assertion the decision stands for: the correction, or what
// the curator saw (accepted, rejected).
func (d *ReviewDecision) Curated() Assertion {
	if d.Correction != nil {
		return *d.Correction
	}
	return d.Seen
}

// TaxonomyOf returns the taxonomy part of a tagger version
// ("gutskin-2026.12.1+r4.0c9f3a2b" -> "gutskin-2026.12.1").
func TaxonomyOf(taggerVersion string) string {
	v, _, _ := strings.Cut(taggerVersion, "+")
	return v
}

// ReviewState derives a claim's review state from its decisions, oldest
// first (by Version): accept, reject and correct set the state; undo
// restores the state before the latest decision still in effect. It returns
// the decision the state stems from (nil when pending).
func ReviewState(decisions []ReviewDecision) (Review, *ReviewDecision) {
	stack := inEffect(decisions)
	r := Review{Status: StatusPending}
	if n := len(decisions); n > 0 {
		r.Version = decisions[n-1].Version + 1
	}
	if len(stack) == 0 {
		return r, nil
	}
	d := &decisions[stack[len(stack)-1]]
	r.Status, r.Reason, r.Note, r.Curator, r.At = d.Status, d.Reason, d.Note, d.Curator, d.At
	return r, d
}

// inEffect returns the indexes of the decisions still in effect, oldest
// first: each undo takes back the latest decision before it still in
// effect.
func inEffect(decisions []ReviewDecision) []int {
	var stack []int
	for i := range decisions {
		if decisions[i].Action == ActionUndo {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		stack = append(stack, i)
	}
	return stack
}

// NeedsReReview reports whether the tagger's current output disagrees with
// a decision made against another output: the machine changed since the
// decision and differs from what the curator settled on.
func NeedsReReview(d *ReviewDecision, machine Assertion) bool {
	if d == nil {
		return false
	}
	if d.Stale {
		return true
	}
	if machine.Hash() == d.SeenHash {
		return false
	}
	if machine.NotAClaim {
		// The tagger now agrees with a rejection as no claim of its own;
		// any other decision says the sentence is a claim.
		return d.Status != StatusRejected || (d.Reason != ReasonNotAClaim && d.Reason != ReasonDuplicate)
	}
	if d.Status == StatusRejected {
		return true
	}
	return !machine.Equal(d.Curated())
}

// Roles a token grants, each including the ones before it: a reader reads,
// a curator also reviews claims, an admin also runs crawls and manages.
const (
	RoleReader  = "reader"
	RoleCurator = "curator"
	RoleAdmin   = "admin"
)

// Roles lists the roles from least to most allowed.
var Roles = []string{RoleReader, RoleCurator, RoleAdmin}

// Principal is who a request acts for: the name and role of its token.
type Principal struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// Can reports whether p's role includes role.
func (p Principal) Can(role string) bool {
	return p.Name != "" && slices.Index(Roles, p.Role) >= slices.Index(Roles, role) && slices.Contains(Roles, role)
}
