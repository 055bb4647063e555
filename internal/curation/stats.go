package curation

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"sync"

	"github.com/lumen-research/lumen"
)

// CuratorCount is what one curator decided.
type CuratorCount struct {
	Name      string `json:"name"`
	Decisions int    `json:"decisions"` // every decision, undos included
	Accepted  int    `json:"accepted"`
	Rejected  int    `json:"rejected"`
	Corrected int    `json:"corrected"`
	Undone    int    `json:"undone"`
	Claims    int    `json:"claims"` // distinct claims decided
}

// PairAgreement is how far two curators agree on the claims both decided.
type PairAgreement struct {
	A        string  `json:"a,omitempty"` // empty in the pooled agreement
	B        string  `json:"b,omitempty"`
	Claims   int     `json:"claims"`
	Observed float64 `json:"observed"` // share of claims with the same status
	// Kappa is Cohen's kappa over the statuses; nil (null) where it is
	// undefined: both always gave the same one status, so chance alone
	// explains their agreement.
	Kappa *float64 `json:"kappa"`
}

// Stats are the figures drawn from every decision.
type Stats struct {
	Decisions int            `json:"decisions"`
	Claims    int            `json:"claims"` // claims with at least one decision
	ByStatus  map[string]int `json:"by_status"`
	ByReason  map[string]int `json:"by_reason"`
	Curators  []CuratorCount `json:"curators"`
	// Agreement pools every pair of curators who decided the same claim
	// (each claim counted once per pair); Pairs breaks it down.
	Agreement *PairAgreement  `json:"agreement,omitempty"`
	Pairs     []PairAgreement `json:"pairs,omitempty"`
}

// ComputeStats derives the figures from every decision, in the order they
// were made. A curator's say on a claim is the latest of their decisions on
// it still in effect (an undo by them withdraws their latest).
func ComputeStats(all []lumen.ReviewDecision) Stats {
	st := Stats{ByStatus: map[string]int{}, ByReason: map[string]int{}}
	byClaim := map[string][]lumen.ReviewDecision{}
	counts := map[string]*CuratorCount{}
	claimsOf := map[string]map[string]bool{}
	for _, d := range all {
		st.Decisions++
		byClaim[d.ClaimID] = append(byClaim[d.ClaimID], d)
		c := counts[d.Curator]
		if c == nil {
			c = &CuratorCount{Name: d.Curator}
			counts[d.Curator] = c
			claimsOf[d.Curator] = map[string]bool{}
		}
		c.Decisions++
		claimsOf[d.Curator][d.ClaimID] = true
		switch d.Action {
		case lumen.ActionAccept:
			c.Accepted++
		case lumen.ActionReject:
			c.Rejected++
		case lumen.ActionCorrect:
			c.Corrected++
		case lumen.ActionUndo:
			c.Undone++
		}
	}
	for name, c := range counts {
		c.Claims = len(claimsOf[name])
		st.Curators = append(st.Curators, *c)
	}
	slices.SortFunc(st.Curators, func(a, b CuratorCount) int { return cmp.Compare(a.Name, b.Name) })
	st.Claims = len(byClaim)

	// Each curator's say per claim, and the claims' states.
	type pairKey struct{ a, b string }
	pairs := map[pairKey][][2]string{}
	var pooled [][2]string
	for _, ds := range byClaim {
		slices.SortFunc(ds, func(a, b lumen.ReviewDecision) int { return cmp.Compare(a.Version, b.Version) })
		r, d := lumen.ReviewState(ds)
		st.ByStatus[r.Status]++
		if d != nil && d.Reason != "" {
			st.ByReason[d.Reason]++
		}
		says := map[string]string{}
		stacks := map[string][]string{}
		for _, d := range ds {
			if d.Action == lumen.ActionUndo {
				if s := stacks[d.Curator]; len(s) > 0 {
					stacks[d.Curator] = s[:len(s)-1]
				}
				continue
			}
			stacks[d.Curator] = append(stacks[d.Curator], d.Status)
		}
		var names []string
		for name, s := range stacks {
			if len(s) > 0 {
				says[name] = s[len(s)-1]
				names = append(names, name)
			}
		}
		slices.Sort(names)
		for i := range names {
			for j := i + 1; j < len(names); j++ {
				item := [2]string{says[names[i]], says[names[j]]}
				k := pairKey{names[i], names[j]}
				pairs[k] = append(pairs[k], item)
				pooled = append(pooled, item)
			}
		}
	}
	for k, items := range pairs {
		po, kappa := cohen(items)
		st.Pairs = append(st.Pairs, PairAgreement{A: k.a, B: k.b, Claims: len(items), Observed: po, Kappa: kappa})
	}
	slices.SortFunc(st.Pairs, func(x, y PairAgreement) int {
		return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	if len(pooled) > 0 {
		po, kappa := cohen(pooled)
		st.Agreement = &PairAgreement{Claims: len(pooled), Observed: po, Kappa: kappa}
	}
	return st
}

// cohen returns the observed agreement and Cohen's kappa of two raters'
// labels. Kappa is nil where it is undefined: when chance agreement is
// total (both always say the same one label) or there are no items.
func cohen(items [][2]string) (po float64, kappa *float64) {
	n := float64(len(items))
	if n == 0 {
		return 0, nil
	}
	agree := 0.0
	pa, pb := map[string]float64{}, map[string]float64{}
	for _, it := range items {
		if it[0] == it[1] {
			agree++
		}
		pa[it[0]]++
		pb[it[1]]++
	}
	po = agree / n
	pe := 0.0
	for label, ca := range pa {
		pe += (ca / n) * (pb[label] / n)
	}
	if pe == 1 {
		return po, nil
	}
	k := (po - pe) / (1 - pe)
	return po, &k
}

// statsCache keeps what Stats needs of every decision read so far, so that
// each call reads only the decisions made since the last one.
type statsCache struct {
	sync.Mutex
	next uint64                 // the log position to read from
	all  []lumen.ReviewDecision // what ComputeStats reads of each decision
	st   *Stats                 // the figures of all, until more come
}

// Stats returns the figures drawn from every decision. It reads the
// decisions made since its last call (all of them the first time) and
// keeps of each only what the figures need.
func (s *Service) Stats(ctx context.Context) (Stats, error) {
	c := &s.stats
	c.Lock()
	defer c.Unlock()
	from := max(c.next, 1)
	var fresh []lumen.ReviewDecision
	read := func(_ uint64, d lumen.ReviewDecision) error {
		if !lumen.ValidID(d.ClaimID) || !slices.Contains(lumen.Actions, d.Action) {
			return nil // no curator's decision (junk on the stream)
		}
		fresh = append(fresh, forStats(d))
		return nil
	}
	last, err := s.log.ReplayReviewsFrom(ctx, from, read)
	if err == nil && last < from-1 {
		// The log is shorter than what was read of it: it was emptied or
		// recreated. Read it anew.
		c.all, c.st, fresh = nil, nil, nil
		last, err = s.log.ReplayReviewsFrom(ctx, 1, read)
	}
	if err != nil {
		return Stats{}, err
	}
	c.next = last + 1
	if len(fresh) > 0 || c.st == nil {
		c.all = append(c.all, fresh...)
		st := ComputeStats(c.all)
		c.st = &st
	}
	return c.st.clone(), nil
}

// forStats is what ComputeStats reads of a decision.
func forStats(d lumen.ReviewDecision) lumen.ReviewDecision {
	return lumen.ReviewDecision{ClaimID: d.ClaimID, Action: d.Action, Status: d.Status, Reason: d.Reason,
		Curator: d.Curator, Version: d.Version, Undoes: d.Undoes}
}

// clone returns a copy the caller may change.
func (st *Stats) clone() Stats {
	out := *st
	out.ByStatus = maps.Clone(st.ByStatus)
	out.ByReason = maps.Clone(st.ByReason)
	out.Curators = slices.Clone(st.Curators)
	out.Pairs = slices.Clone(st.Pairs)
	if st.Agreement != nil {
		a := *st.Agreement
		out.Agreement = &a
	}
	return out
}
