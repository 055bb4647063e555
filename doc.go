// Package lumen holds the domain vocabulary of Lumen, a tool that turns research
// literature into searchable, reviewed claims: articles, the claims and concept
// mentions the tagger finds in them, the taxonomy of concepts, the sources that
// are crawled, the events that travel between the roles over NATS, and the
// sentinel errors callers tell apart.
//
// The package imports nothing from the project and no third-party library. The
// roles live in sub-packages: crawler (fetching), worker (tagging), indexer
// (search index), internal/httpapi (HTTP API) and cmd/lumen (wiring).
package lumen
