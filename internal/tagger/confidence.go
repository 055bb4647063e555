package tagger

import (
	"math"
	"slices"

	"github.com/lumen-research/lumen"
)

// confidence is how sure the tagger is that the sentence made of tokens
// [from, to) is a claim that relates these concepts in this way, in [0, 1].
// It starts at 1 and each reason for doubt multiplies it by a factor below
// 1, so that the claims a curator should check first come first when
// sorted by it:
//   - the relation: the strongest cue that gave a pair is a verb with a
//     direction (1), a denial (0.95), a verb of association (0.9), a
//     comparison or an "X-induced" modifier (0.8), a noun such as "effect"
//     or "role" (0.75); no cue gave a pair and the nearest concepts were
//     paired (0.55);
//   - the concepts: one of them is read from context rather than from a
//     synonym (a bare word placed by the words around it, 0.85), is a
//     short form (0.9), or a short form the document never defines (0.75);
//     a concept of the claim that no pair relates (0.9; when the pair model
//     changes the pairs, the tagger weighs this doubt and those of hedging
//     and denial again on its pairs and the claim's new flags: withPairs);
//   - the wording: a hedge (0.9), a denial, whose scope is easy to misread
//     (0.9), aims or methods in the sentence (0.85), a title or heading
//     (0.85), related concepts far apart (more than 12 words: 0.9, more
//     than 25: 0.8), a long sentence (more than 45 words: 0.9).
//
// The factors are set by hand, not fitted: they order claims by doubt,
// they are not probabilities.
func (t *Tagger) confidence(s *scratch, hits []cueHit, from, to, firstMent int, title bool, c lumen.Claim) float64 {
	p := &s.pairs
	conf := 1.0
	switch {
	case len(c.Relations) == 0 || p.fallback:
		conf *= 0.55
	default:
		conf *= p.strength
	}
	ruleMade, short, implicit := false, false, false
	for j := firstMent; j < len(s.ments) && int(s.ments[j].tokStart) < to; j++ {
		m := s.ments[j]
		if m.dropped {
			continue
		}
		switch {
		case m.flags&entImplicit != 0:
			implicit = true
		case m.flags&entShortForm != 0:
			short = true
		case m.flags&(entRule|entUnplaced) != 0:
			ruleMade = true
		}
	}
	if ruleMade {
		conf *= 0.85
	}
	if implicit {
		conf *= 0.75
	} else if short {
		conf *= 0.9
	}
	// c.Concepts is filled in after; s.set holds the claim's concepts
	related := map[string]bool{}
	for _, r := range c.Relations {
		related[r.Subject], related[r.Object] = true, true
	}
	unrelated := len(related) < len(s.set)
	for _, h := range hits {
		if h.bits&(cueAim|cueMethod|cueScope) != 0 {
			conf *= 0.85
			break
		}
	}
	if title {
		conf *= 0.85
	}
	switch {
	case p.distance > 25:
		conf *= 0.8
	case p.distance > 12:
		conf *= 0.9
	}
	if to-from > 45 {
		conf *= 0.9
	}
	// The doubts that follow the pairs last, so that a reading of the
	// pairs after the rules can weigh them again (withPairs).
	s.confBase = conf
	return withPairs(conf, !unrelated, c.Hedged, c.Negated)
}

// withPairs is a confidence conf (unrounded, without the doubts that
// follow the claim's pairs) with those doubts, rounded to two decimals: a
// concept of the claim that no pair relates (unless related), a hedge, a
// denial.
func withPairs(conf float64, related, hedged, negated bool) float64 {
	if !related {
		conf *= unrelatedFactor
	}
	if hedged {
		conf *= 0.9
	}
	if negated {
		conf *= 0.9
	}
	return math.Round(conf*100) / 100
}

// unrelatedFactor is the doubt a concept of the claim that no pair relates
// puts on the claim.
const unrelatedFactor = 0.9

// allRelated reports whether some pair relates each of concepts.
func allRelated(concepts []string, rels []lumen.Relation) bool {
	for _, id := range concepts {
		if !slices.ContainsFunc(rels, func(r lumen.Relation) bool { return r.Subject == id || r.Object == id }) {
			return false
		}
	}
	return true
}
