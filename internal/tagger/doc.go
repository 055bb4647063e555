// Package tagger turns plain text into concept mentions and claims for a
// taxonomy of conditions, mechanisms and interventions. It is pure: text
// in, claims out, no I/O, no logging, no global state; the worker that
// feeds it from NATS and `lumen tag` are thin adapters around it.
//
// A Tagger is built once from a lumen.Taxonomy (see config.LoadTaxonomy)
// and is safe for concurrent use. Its knowledge is data: the taxonomy's
// synonyms, abbreviations and roles, and the word lists of the vocabulary
// files the taxonomy names (internal/lexicon lists their names). The code
// names no concept, no domain word and no word of the language: a rule
// that needs a concept finds it by its role, and a taxonomy without the
// role runs without the rule (Warnings says so); the language's
// morphology (word endings, verb inflections, plural stems, possessives)
// and the sentence splitter's abbreviations and section labels are lists
// of the lexicon, read once in New. TestNoWordsInCode keeps it so.
//
// Tag does one pass of tokenisation and Unicode normalisation, splits
// sentences, and matches every synonym at once with a token trie (longest
// match wins; trie.longest is the one longest-match walk, shared with cue
// phrases and study designs). It resolves abbreviations that the document
// defines ("long form (LF)", "LF (long form)") from their definition on, or
// that the taxonomy lists for a condition the document has named in full,
// applies context rules for ambiguous words (context.go and the files of
// each rule family: senses, sites, bare words, imbalance, local
// conditions), and turns sentences that relate concepts of two different
// kinds by a stated relationship into claims flagged for negation and
// hedging, with the article's evidence type. Negation is scoped: to its
// clause, to the concept it sets aside ("W, not X, cleared Y"), and not to
// pseudo-negations ("not only", "not inferior", "cannot be ruled out"); so
// is hedging: a hedge in a trailing comment that names no concept ("...,
// which may reflect the short trial") does not hedge the claim.
//
// Each claim carries its relation pairs (pairs.go): the sentence's relation
// cues read as predicates, each with its subject and object among the
// concept mentions and the common turns of phrase around them (passives,
// "the effect of X on Y", "a link between X and Y", "Y improved after X",
// lists, verbs in a series, relative clauses and participles that chain,
// "X, not Y", the means and the path after "via", "all of which", "X for
// Y", the arms of a trial and groups compared), one family of wordings
// after another (pairs reads as that list), with an effect that is
// the direction the object moves (helping and harming verbs read the
// concept's beneficial flag; inverse wordings such as "water loss" flip
// it) and negation and hedging scoped to each predicate. docs/ANNOTATION.md
// states the conventions. A claim also carries the study design its
// sentence names for itself when that differs from the article's
// (evidence.go: "a meta-analysis found", "in mice"), and a Confidence
// (confidence.go) that says how sure the tagger is, from its own signals.
//
// It is not a parser or a statistical model: its rules are word lists and
// windows, readable and versioned with Tagger.Version. It does not fetch,
// store or index anything, and it does not read files: the caller passes
// the taxonomy and its vocabulary in.
package tagger
