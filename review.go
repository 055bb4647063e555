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
type Assertion struct {
	Concepts []string `json:"concepts"`
	Relation string   `json:"relation,omitempty"`
	Negated  bool     `json:"negated"`
	Hedged   bool     `json:"hedged"`
}

// Assertion returns what c asserts.
func (c Claim) Assertion() Assertion {
	return Assertion{Concepts: c.Concepts, Relation: c.Relation, Negated: c.Negated, Hedged: c.Hedged}
}

// Equal reports whether a and b assert the same thing (concepts in any order).
func (a Assertion) Equal(b Assertion) bool {
	if a.Relation != b.Relation || a.Negated != b.Negated || a.Hedged != b.Hedged || len(a.Concepts) != len(b.Concepts) {
		return false
	}
	x, y := slices.Clone(a.Concepts), slices.Clone(b.Concepts)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// Hash is a short fingerprint of the assertion (concepts in any order). A
// curator's decision records the hash of the machine output it was made
// against, so that a later re-tag that changes it can be noticed.
func (a Assertion) Hash() string {
	cs := slices.Clone(a.Concepts)
	slices.Sort(cs)
	return Hash(strings.Join(cs, ","), a.Relation, boolString(a.Negated), boolString(a.Hedged))[:8]
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
	// Correction holds the curated values of a "correct" decision.
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
	var stack []int // indexes of the decisions in effect
	for i := range decisions {
		if decisions[i].Action == ActionUndo {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		stack = append(stack, i)
	}
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
