package indexer

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/lumen-research/lumen"
)

// setPairFields fills what a claim document holds of its relation pairs
// (the effective ones: a curator's correction changes them, see
// lumen.Curate): one keyword per combination of subject, object and effect
// that a pair has (pairKeys), so that subject=, object= and effect= select
// claims with one pair that has all of them; the pairs themselves as
// stored JSON; the claim's own evidence. A pair whose concept is not on the
// claim (d.Concepts are the effective ones) is left out.
func setPairFields(d *claimDoc, pairs []lumen.Relation, claimEvidence string) {
	d.ClaimEvidence = claimEvidence
	var rels []lumen.Relation
	for _, r := range pairs {
		if slices.Contains(d.Concepts, r.Subject) && slices.Contains(d.Concepts, r.Object) {
			rels = append(rels, r)
		}
	}
	seen := map[string]bool{}
	for _, r := range rels {
		for _, k := range pairKeys(r.Subject, r.Object, r.Effect) {
			if !seen[k] {
				seen[k] = true
				d.PairKeys = append(d.PairKeys, k)
			}
		}
	}
	d.pairs = rels
	if len(rels) > 0 {
		if b, err := json.Marshal(rels); err == nil {
			d.RelationsJSON = string(b)
		}
	}
}

// pairKeys returns the keys of a pair: every combination of its subject
// (s:), object (o:) and effect (e:) that a query may ask for.
func pairKeys(subject, object, effect string) []string {
	var out []string
	for mask := 1; mask < 8; mask++ {
		out = append(out, pairKey(pick(mask&1 != 0, subject), pick(mask&2 != 0, object), pick(mask&4 != 0, effect)))
	}
	return out
}

func pick(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

// pairKey is the keyword of one combination; empty parts are left out.
func pairKey(subject, object, effect string) string {
	return "s:" + subject + "|o:" + object + "|e:" + effect
}

// pairFilter is the pair filters of a query with their concepts expanded:
// a pair passes when its subject is one of subjects (nil: any), its
// object one of objects and its effect is effect (empty: any).
type pairFilter struct {
	subjects, objects map[string]bool
	effect            string
}

// matchConcepts reports whether a pair's subject and object pass the
// filter (its effect is the caller's to check); a nil filter passes every
// pair.
func (f *pairFilter) matchConcepts(subject, object string) bool {
	if f == nil {
		return true
	}
	return (f.subjects == nil || f.subjects[subject]) && (f.objects == nil || f.objects[object])
}

// maxPairTerms bounds the pair keys one pair filter may ask for (a kind
// as subject and another as object is a few hundred with the shipped
// taxonomy).
const maxPairTerms = 4096

// pairFilter expands q's pair filters: Subject and Object are each a
// concept id or a kind, or alternatives of them separated by "|", and
// each stands for itself and every narrower concept (a kind for its
// concepts), as concept= does. nil when q has none.
func (c *compiler) pairFilter(q lumen.ClaimQuery) (*pairFilter, error) {
	if q.Subject == "" && q.Object == "" && q.Effect == "" {
		return nil, nil
	}
	f := &pairFilter{effect: q.Effect}
	var err error
	if f.subjects, err = c.pairConcepts("subject", q.Subject); err != nil {
		return nil, err
	}
	if f.objects, err = c.pairConcepts("object", q.Object); err != nil {
		return nil, err
	}
	if len(f.subjects)*max(1, len(f.objects)) > maxPairTerms || len(f.objects) > maxPairTerms {
		return nil, lumen.Invalidf("subject", "subject and object stand for too many pairs of concepts (more than %d): narrow them", maxPairTerms)
	}
	return f, nil
}

func (c *compiler) pairConcepts(field, v string) (map[string]bool, error) {
	if v == "" {
		return nil, nil
	}
	out := map[string]bool{}
	for _, alt := range strings.Split(v, "|") {
		alt = strings.TrimSpace(alt)
		if alt == "" {
			return nil, lumen.Invalidf(field, "%q has an empty alternative (a|b is any of a and b)", v)
		}
		var ids []string
		switch {
		case c.vocab != nil && c.vocab.IsKind(alt):
			ids = c.vocab.OfKind(alt)
		case c.vocab != nil:
			ids = c.vocab.Narrower(alt)
		default:
			ids = []string{alt}
		}
		for _, id := range ids {
			out[id] = true
		}
	}
	return out, nil
}

// query selects the claims with a pair that passes the filter: one pair
// key per combination of the filter's subjects and objects (see pairKeys).
func (f *pairFilter) query() query.Query {
	subjects, objects := sortedKeys(f.subjects), sortedKeys(f.objects)
	if subjects == nil {
		subjects = []string{""}
	}
	if objects == nil {
		objects = []string{""}
	}
	var keys []string
	for _, s := range subjects {
		for _, o := range objects {
			keys = append(keys, pairKey(s, o, f.effect))
		}
	}
	return anyTerm("pair_keys", keys)
}

// sortedKeys returns the keys of a set in order; nil for a nil set, an
// empty slice for an empty one.
func sortedKeys(m map[string]bool) []string {
	if m == nil {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// hitPairs fills the pair fields of a claim from a search hit's stored
// fields; claims indexed before pairs existed have none.
func hitPairs(f map[string]any, c *lumen.Claim) {
	if s, ok := f["relations_json"].(string); ok && s != "" {
		var rs []lumen.Relation
		if json.Unmarshal([]byte(s), &rs) == nil {
			c.Relations = rs
		}
	}
	c.ClaimEvidence, _ = f["claim_evidence"].(string)
}
