// Package tagger turns plain text into concept mentions and claims for
// Lumen's gut-skin taxonomy. It is pure: text in, claims out, no I/O, no
// logging, no global state; the worker that feeds it from NATS and `lumen
// tag` are thin adapters around it.
//
// A Tagger is built once from a lumen.Taxonomy (see config.DefaultTaxonomy)
// and is safe for concurrent use. Tag does one pass of tokenisation and
// Unicode normalisation, splits sentences, matches every synonym at once with
// a token trie (longest match wins), resolves abbreviations that the document
// defines ("atopic dermatitis (AD)", "AD (atopic dermatitis)") from their
// definition on, or that the taxonomy lists for a condition the document has
// named in full ("hidradenitis suppurativa ... HS"), applies context rules
// for ambiguous words (body sites of microbes, technical "stress"), and turns
// sentences that relate concepts of two different kinds by a stated
// relationship into claims flagged for negation and hedging, with the
// article's evidence type. Negation is scoped: to its clause, to the concept
// it sets aside ("dairy, not probiotics, cleared my acne"), and not to
// pseudo-negations ("not only", "not inferior", "cannot be ruled out"); so
// is hedging: a hedge in a trailing comment that names no concept ("...,
// which may reflect the short trial") does not hedge the claim.
//
// It is not a parser or a statistical model: its rules are word lists and
// windows (rules.go), readable and versioned with Tagger.Version. It does not
// fetch, store or index anything, and it does not read configuration files:
// the caller passes the taxonomy in.
package tagger
