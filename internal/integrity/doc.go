// Package integrity checks Lumen's data against itself: the streams and
// key-value buckets of the system of record (as the NATS server reports
// them, and by reading every message), the durable consumers, the articles
// and claims in the streams against the search index, and the crawl state
// against the articles it names. It repairs what can be repaired from the
// copies the system keeps of each article (the fetched article travels in
// its tagged event, and the index stores it too): lost articles are
// published again, missing taggings re-tagged, missing or stale index
// entries re-indexed, broken consumers recreated, and crawl state that
// points at articles no copy has left is forgotten, so the crawler fetches
// them again.
//
// It is what `lumen check [--repair]` runs, and what serve and run run at
// start and periodically. It knows the stores through small interfaces and
// imports neither NATS nor bleve.
package integrity
