package indexer

import (
	"encoding/json"
	"slices"

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

// pairQuery selects the claims with a pair that has the subject, object
// and effect of q that are given; nil when none is.
func pairQuery(q lumen.ClaimQuery) query.Query {
	if q.Subject == "" && q.Object == "" && q.Effect == "" {
		return nil
	}
	return termQuery("pair_keys", pairKey(q.Subject, q.Object, q.Effect))
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
