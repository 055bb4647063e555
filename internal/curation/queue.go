package curation

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/lumen-research/lumen"
)

// LeaseStore is a key-value bucket whose entries expire after the lease
// time (bus.KV on a bucket with a TTL satisfies it).
type LeaseStore interface {
	Get(ctx context.Context, key string) ([]byte, uint64, error)
	Update(ctx context.Context, key string, value []byte, rev uint64) (uint64, error)
	Put(ctx context.Context, key string, value []byte) (uint64, error)
}

// Leases hand each claim of the queue to one curator at a time: a lease
// lasts until the bucket expires it (its TTL), or until the curator decides
// or skips the claim, after which nobody is handed it again before the
// index shows the decision.
type Leases struct {
	store LeaseStore
	ttl   time.Duration
	now   func() time.Time
}

// NewLeases returns leases kept in store, lasting ttl (the store's TTL).
func NewLeases(store LeaseStore, ttl time.Duration) *Leases {
	return &Leases{store: store, ttl: ttl, now: time.Now}
}

type lease struct {
	Curator string    `json:"curator"`
	At      time.Time `json:"at"`
	// Done: the curator decided or skipped the claim; nobody gets it from
	// the queue until the lease expires (by then the index shows the
	// decision).
	Done bool `json:"done,omitempty"`
}

func leaseKey(claimID string) string { return "lease." + claimID }

// take leases the claim to curator, or renews the curator's own lease. It
// reports false when someone else holds it, or it is done.
func (l *Leases) take(ctx context.Context, claimID, curator string) (bool, error) {
	data, _ := json.Marshal(lease{Curator: curator, At: l.now().UTC()})
	_, err := l.store.Update(ctx, leaseKey(claimID), data, 0)
	if err == nil {
		return true, nil
	}
	if !errors.Is(err, lumen.ErrConflict) {
		return false, err
	}
	old, rev, err := l.store.Get(ctx, leaseKey(claimID))
	if errors.Is(err, lumen.ErrNotFound) {
		return false, nil // expired just now: the next request gets it
	}
	if err != nil {
		return false, err
	}
	var cur lease
	if json.Unmarshal(old, &cur) != nil || cur.Curator != curator || cur.Done {
		return false, nil
	}
	if _, err := l.store.Update(ctx, leaseKey(claimID), data, rev); err != nil {
		if errors.Is(err, lumen.ErrConflict) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// Done marks the claim decided (or skipped) by curator. Failing to is
// harmless (the lease expires), so errors are not returned.
func (l *Leases) Done(ctx context.Context, claimID, curator string) {
	data, _ := json.Marshal(lease{Curator: curator, At: l.now().UTC(), Done: true})
	_, _ = l.store.Put(ctx, leaseKey(claimID), data)
}

// TTL is how long a lease lasts.
func (l *Leases) TTL() time.Duration { return l.ttl }

// MaxQueue bounds how many claims one queue request leases.
const MaxQueue = 50

// queueScan bounds how many candidates one queue request looks at.
const queueScan = 2000

// Queue returns up to n claims that most need a human, each leased to the
// curator: first the claims flagged for re-review, then pending claims the
// tagger is least sure of, and among equally sure ones those whose concepts
// are the most cited. Claims leased to another curator are passed over. q
// holds the search filters (concept, source, evidence, dates...); its
// status, sort and paging are the queue's own.
func (s *Service) Queue(ctx context.Context, p lumen.Principal, q lumen.ClaimQuery, n int) ([]lumen.ClaimHit, error) {
	if !p.Can(lumen.RoleCurator) {
		return nil, fmt.Errorf("the review queue needs the curator role (%s is a %s): %w", p.Name, p.Role, lumen.ErrForbidden)
	}
	if s.leases == nil {
		return nil, fmt.Errorf("review queue: %w (no lease bucket)", lumen.ErrUnavailable)
	}
	if n < 1 || n > MaxQueue {
		return nil, lumen.Invalidf("size", "must be between 1 and %d", MaxQueue)
	}
	popular, err := s.popularity(ctx)
	if err != nil {
		return nil, err
	}
	flagged, pending := true, false
	stages := []lumen.ClaimQuery{q, q}
	stages[0].Flagged, stages[0].Status = &flagged, lumen.Statuses // a flagged claim in any state, rejected ones too
	stages[1].Flagged, stages[1].Status = &pending, []string{lumen.StatusPending}
	var out []lumen.ClaimHit
	scanned := 0
	for _, sq := range stages {
		sq.Sort, sq.Q = "confidence", q.Q
		const page = 100
		for from := 0; len(out) < n && scanned < queueScan; from += page {
			sq.From, sq.Size = from, page
			res, err := s.claims.SearchClaims(ctx, sq)
			if err != nil {
				return nil, err
			}
			hits := res.Hits
			rankByPopularity(hits, popular)
			for _, h := range hits {
				scanned++
				ok, err := s.leases.take(ctx, h.ID, p.Name)
				if err != nil {
					return nil, fmt.Errorf("lease claim %s: %w", h.ID, err)
				}
				if !ok {
					continue
				}
				out = append(out, h)
				if len(out) == n {
					return out, nil
				}
			}
			if len(hits) < page {
				break
			}
		}
	}
	return out, nil
}

// Skip passes a leased claim over: nobody is handed it from the queue until
// its lease expires.
func (s *Service) Skip(ctx context.Context, p lumen.Principal, id string) error {
	if !p.Can(lumen.RoleCurator) {
		return fmt.Errorf("the review queue needs the curator role: %w", lumen.ErrForbidden)
	}
	if s.leases != nil {
		s.leases.Done(ctx, id, p.Name)
	}
	return nil
}

// rankByPopularity orders hits of equal confidence (to two decimals) by the
// number of claims citing their most cited concept, most first; the order
// of the index (least sure first) stays between groups.
func rankByPopularity(hits []lumen.ClaimHit, popular map[string]int) {
	score := func(h lumen.ClaimHit) int {
		best := 0
		for _, c := range h.Concepts {
			best = max(best, popular[c])
		}
		return best
	}
	bucket := func(h lumen.ClaimHit) int { return int(h.Confidence*100 + 0.5) }
	slices.SortStableFunc(hits, func(a, b lumen.ClaimHit) int {
		if c := cmp.Compare(bucket(a), bucket(b)); c != 0 {
			return c
		}
		return cmp.Compare(score(b), score(a))
	})
}

// popularityTTL is how long the concept counts are reused.
const popularityTTL = time.Minute

// popularity counts the claims citing each concept (cached for a minute).
func (s *Service) popularity(ctx context.Context) (map[string]int, error) {
	s.pop.Lock()
	defer s.pop.Unlock()
	if s.pop.counts != nil && s.now().Sub(s.pop.at) < popularityTTL {
		return s.pop.counts, nil
	}
	res, err := s.claims.SearchClaims(ctx, lumen.ClaimQuery{Size: 1, Facets: []string{"concepts"}}) // facets are counted only when asked
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, f := range res.Facets["concepts"] {
		counts[f.Value] = f.Count
	}
	s.pop.at, s.pop.counts = s.now(), counts
	return counts, nil
}
