// Package indexer keeps the search index of claims and articles in bleve. The
// index is derived data: it is built from the ArticleTagged events in
// JetStream and can be rebuilt from them at any time (lumen reindex). It is the
// only package that imports bleve.
package indexer

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/lumen-research/lumen"
)

// Index is a bleve index of claims and articles. Apply is safe to call from one
// goroutine at a time (it owns the batch); searches may run concurrently.
// The bleve index is held behind a guard (see store): panics in bleve and
// the storage below it become errors, damage found while in use is
// reported (Damaged), and Rebuild swaps a rebuilt index in while the Index
// stays in use.
type Index struct {
	idx      *store
	path     string
	readOnly bool // OpenReadOnly: Close writes no manifest

	mu sync.Mutex // serialises Apply and Rebuild: one goroutine owns a batch

	vocab vocabHolder // see SetVocabulary

	progress atomic.Int64 // articles applied by a rebuild in progress
}

const (
	internalMappingVersion = "lumen_mapping_version"
	// internalTaggedSeq holds the highest sequence of the tagged stream
	// applied to the index: where a lost indexer consumer resumes.
	internalTaggedSeq = "lumen_tagged_seq"
)

// Errors of opening and using an index.
var (
	// ErrLocked means another process has the index open.
	ErrLocked = errors.New("index is in use by another lumen process (stop it, or give this one another --data directory)")
	// ErrDamaged means the index files are damaged: it must be rebuilt from
	// the streams. A *DamageError says which file.
	ErrDamaged = errors.New("index damaged")
	// ErrOutdated means the index was built by a Lumen with another
	// mapping: it must be rebuilt.
	ErrOutdated = errors.New("index built with another mapping")
)

// Open opens the index in dir, creating it if it does not exist. It
// verifies the files first (see Verify), and recovers a panic of bleve or
// bolt while opening; both give an error wrapping ErrDamaged that names the
// file. An index of another mapping version gives ErrOutdated.
func Open(dir string) (*Index, error) {
	return open(dir, false)
}

// OpenReadOnly opens the existing index in dir for reading only (lumen
// export of a data directory on a read-only file system: a snapshot, a
// backup): nothing is written, no segment is merged or persisted. Apply
// and the other writes fail.
func OpenReadOnly(dir string) (*Index, error) {
	return open(dir, true)
}

// open opens (or, writable, creates) the index in dir.
func open(dir string, readOnly bool) (*Index, error) {
	path, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("index dir: %w", err)
	}
	var idx bleve.Index
	if readOnly {
		if !Exists(path) {
			return nil, fmt.Errorf("open index %s: %w", path, os.ErrNotExist)
		}
		idx, err = openBleveWith(path, map[string]any{"bolt_timeout": "2s", "read_only": true})
	} else {
		idx, err = openBleve(path)
	}
	if err != nil {
		return nil, err
	}
	st, err := newStore(path, idx)
	if err != nil {
		idx.Close()
		return nil, err
	}
	st.readOnly = readOnly
	return &Index{idx: st, path: path, readOnly: readOnly}, nil
}

// Exists reports whether dir holds an index (damaged or not).
func Exists(dir string) bool {
	_, err := os.Stat(dir)
	return err == nil
}

// Existed reports whether an index was ever closed or rebuilt at dir: its
// manifest is there (the index itself may be gone). A data directory
// without one is new.
func Existed(dir string) bool {
	_, ok := readManifest(dir)
	return ok
}

// Unavailable returns an Index for dir with no index open, in state
// rebuilding for reason: it answers searches with errors wrapping
// lumen.ErrUnavailable until Rebuild swaps an index in.
func Unavailable(dir string, reason error) (*Index, error) {
	path, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("index dir: %w", err)
	}
	st, err := newStore(path, nil)
	if err != nil {
		return nil, err
	}
	st.reason = reason
	return &Index{idx: st, path: path}, nil
}

// openBleve opens (or creates) the bleve index at path.
func openBleve(path string) (bleve.Index, error) {
	if !Exists(path) {
		return createBleve(path, nil)
	}
	return openBleveWith(path, map[string]any{"bolt_timeout": "2s"})
}

// openBleveWith opens the existing index at path with the given scorch
// options, verified first.
func openBleveWith(path string, config map[string]any) (bleve.Index, error) {
	if err := Verify(path); err != nil {
		if errors.Is(err, ErrLocked) {
			return nil, fmt.Errorf("open index %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	idx, err := openGuarded(path, config)
	switch {
	case err != nil && strings.Contains(err.Error(), "timeout"):
		return nil, fmt.Errorf("open index %s: %w", path, ErrLocked)
	case err != nil:
		var de *DamageError
		if !errors.As(err, &de) {
			err = &DamageError{Op: "open", Err: err}
		}
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	v, err := getInternalGuarded(idx, internalMappingVersion)
	switch {
	case err != nil:
		idx.Close()
		return nil, fmt.Errorf("open index %s: %w", path, &DamageError{Op: "open", Err: err})
	case len(v) == 0:
		// bleve falls back to an older or empty snapshot when it cannot
		// load the latest: the mapping is gone with it.
		idx.Close()
		return nil, fmt.Errorf("open index %s: %w", path, &DamageError{File: "store/root.bolt", Op: "open", Err: errors.New("no loadable snapshot")})
	case string(v) != mappingVersion:
		idx.Close()
		return nil, fmt.Errorf("open index %s: built with mapping version %q, this lumen needs %q: %w", path, v, mappingVersion, ErrOutdated)
	}
	return idx, nil
}

// createBleve creates an empty index at path with the given scorch options.
func createBleve(path string, config map[string]any) (bleve.Index, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create index dir: %w", err)
	}
	idx, err := bleve.NewUsing(path, newMapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, config)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	if err := idx.SetInternal([]byte(internalMappingVersion), []byte(mappingVersion)); err != nil {
		idx.Close()
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	return idx, nil
}

func openGuarded(path string, runtime map[string]any) (idx bleve.Index, err error) {
	defer func() {
		if p := recover(); p != nil {
			idx, err = nil, &DamageError{Op: "open", Err: fmt.Errorf("panic: %v", p), Stack: string(debug.Stack())}
		}
	}()
	return bleve.OpenUsing(path, runtime)
}

func getInternalGuarded(idx bleve.Index, key string) (v []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			v, err = nil, fmt.Errorf("read %s: panic: %v", key, p)
		}
	}()
	return idx.GetInternal([]byte(key))
}

// Close records the index's counts beside it (see WriteManifest) and
// closes it.
func (ix *Index) Close() error {
	if !ix.readOnly {
		_ = ix.WriteManifest(context.Background()) // best effort: a manifest is evidence, not state
	}
	if err := ix.idx.Close(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	return nil
}

// Dir is the index directory.
func (ix *Index) Dir() string { return ix.path }

// Ready reports nil when the index answers queries, and otherwise why not:
// rebuilding, or damaged and what.
func (ix *Index) Ready(ctx context.Context) error {
	state, reason := ix.idx.status()
	switch state {
	case StateOK:
	case StateRebuilding:
		msg := "index rebuilding"
		if n := ix.progress.Load(); n > 0 {
			msg += fmt.Sprintf(" (%d articles so far)", n)
		}
		if reason != nil {
			msg += ": " + reason.Error()
		}
		return fmt.Errorf("%s: %w", msg, lumen.ErrUnavailable)
	default:
		return fmt.Errorf("index %s: %w: %w", state, lumen.ErrUnavailable, reason)
	}
	if _, err := ix.idx.DocCount(); err != nil {
		return fmt.Errorf("index: %w: %w", lumen.ErrUnavailable, err)
	}
	return nil
}

// State returns the index's state (StateOK, StateRebuilding, StateDamaged)
// and, unless ok, why.
func (ix *Index) State() (string, error) { return ix.idx.status() }

// Damaged is signalled when the index is found damaged while in use; its
// owner should Rebuild it.
func (ix *Index) Damaged() <-chan struct{} { return ix.idx.damaged }

// VerifyLive checks the files of the index in use that are complete (see
// Verify); damage marks the index damaged.
func (ix *Index) VerifyLive() error {
	if state, _ := ix.idx.status(); state != StateOK {
		return nil
	}
	if err := verifyFiles(ix.path, liveMinAge); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = &DamageError{Op: "verify", Err: fmt.Errorf("the index directory %s is gone", ix.path)}
		}
		return ix.idx.markDamaged(err)
	}
	return nil
}

// HighWater returns the highest tagged-stream sequence applied to the index
// (0 if unknown).
func (ix *Index) HighWater() (uint64, error) {
	v, err := ix.idx.GetInternal([]byte(internalTaggedSeq))
	if err != nil {
		return 0, fmt.Errorf("index high-water mark: %w", err)
	}
	if len(v) != 8 {
		return 0, nil
	}
	return binary.BigEndian.Uint64(v), nil
}

// claimDoc and articleDoc are what bleve indexes (see document.go); their
// json tags are the field names of newMapping.
type claimDoc struct {
	Type            string     `json:"type"`
	Text            string     `json:"text"`
	Concepts        []string   `json:"concepts"`
	Kinds           []string   `json:"kinds"`
	Relation        string     `json:"relation,omitempty"`
	Negated         bool       `json:"negated"`
	Hedged          bool       `json:"hedged"`
	Evidence        string     `json:"evidence,omitempty"`
	Section         string     `json:"section,omitempty"`
	ArticleID       string     `json:"article_id"`
	ArticleTitle    string     `json:"article_title"`
	ArticleURL      string     `json:"article_url"`
	Published       *time.Time `json:"published,omitempty"`
	Source          string     `json:"source"`
	Start           int        `json:"start"`
	End             int        `json:"end"`
	TaxonomyVersion string     `json:"taxonomy_version"`
	Confidence      float64    `json:"confidence"`

	// Review state, derived from ReviewLog (see review.go).
	Status        string     `json:"status"`
	Flagged       bool       `json:"flagged"`
	Retracted     bool       `json:"retracted"`
	Curator       string     `json:"curator,omitempty"`
	ReviewedAt    *time.Time `json:"reviewed_at,omitempty"`
	Reason        string     `json:"reason,omitempty"`
	ReviewNote    string     `json:"review_note,omitempty"`
	ReviewVersion int        `json:"review_version"`
	// Machine is the tagger's claim as JSON, and ReviewLog the curators'
	// decisions on it as JSON: what the document is rebuilt from when a
	// decision or a re-tag arrives.
	Machine   string `json:"machine"`
	ReviewLog string `json:"review_log,omitempty"`

	// The claim's relation pairs (pairs.go) and its own evidence.
	PairKeys      []string `json:"pair_keys,omitempty"`
	RelationsJSON string   `json:"relations_json,omitempty"`
	ClaimEvidence string   `json:"claim_evidence,omitempty"`
	// pairs are the pairs PairKeys and RelationsJSON hold, for the map's
	// key (derive).
	pairs []lumen.Relation

	// Abbrevs are the abbreviations the claim's article defines (search
	// matches an abbreviation of a concept only in such articles).
	Abbrevs []string `json:"abbrevs,omitempty"`
	// Derived fields (see derive): the publication year, the claim id, and
	// the evidence map's key.
	Year string `json:"year,omitempty"`
	CID  string `json:"cid"`
	MK   string `json:"mk"`
	// Hidden says why search leaves the claim out unless asked for.
	Hidden []string `json:"hidden,omitempty"`
}

type articleDoc struct {
	Type    string   `json:"type"`
	Title   string   `json:"title"`
	Text    string   `json:"text"`
	URL     string   `json:"url"`
	URLs    []string `json:"urls,omitempty"`
	Source  string   `json:"source"`
	Authors []string `json:"authors,omitempty"`
	// AuthorDetails is the article's AuthorDetails as JSON (stored only:
	// shown and exported, never searched).
	AuthorDetails    string     `json:"author_details,omitempty"`
	Journal          string     `json:"journal,omitempty"`
	SiteName         string     `json:"site_name,omitempty"`
	Language         string     `json:"language,omitempty"`
	Published        *time.Time `json:"published,omitempty"`
	DOI              string     `json:"doi,omitempty"`
	PMID             string     `json:"pmid,omitempty"`
	PMCID            string     `json:"pmcid,omitempty"`
	MeSH             []string   `json:"mesh,omitempty"`
	PublicationTypes []string   `json:"publication_types,omitempty"`
	Evidence         string     `json:"evidence,omitempty"`
	Concepts         []string   `json:"concepts,omitempty"`
	ClaimIDs         []string   `json:"claim_ids,omitempty"`
	ClaimCount       int        `json:"claim_count"`
	Truncated        bool       `json:"truncated,omitempty"`
	ContentHash      string     `json:"content_hash"`
	FetchedAt        *time.Time `json:"fetched_at,omitempty"`
	TaggedAt         *time.Time `json:"tagged_at,omitempty"`
	TaxonomyVersion  string     `json:"taxonomy_version"`
}

func articleDocID(id string) string { return "a-" + id }
func claimDocID(id string) string   { return "c-" + id }

// timePtr returns a pointer to t, nil for the zero time. The zone is kept:
// a publication date's offset says its calendar date (see writtenClock).
func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// ApplyStats says what one Apply did.
type ApplyStats struct {
	Articles int // articles indexed: new ones and new versions
	// Rewritten counts events of the very version indexed already (same
	// content and taxonomy: a redelivery after a crash), written again
	// but not counted in Articles and Claims.
	Rewritten     int
	Stale         int // events skipped because a newer version is indexed
	Claims        int // claims indexed
	ClaimsRemoved int // claims of earlier versions deleted
	// ClaimsRetracted counts claims of earlier versions kept, marked
	// retracted, because a curator decided them and their sentence left
	// the article.
	ClaimsRetracted int
	// ClaimsKept counts claims a curator decided that the tagger no longer
	// gives although their sentence is still in the article: kept, with
	// their decisions, beside the tagger's "not a claim".
	ClaimsKept int
	Invalid    int // events skipped because their article id is invalid
	Decisions  int // curators' decisions applied (by Rebuild)
}

// Apply indexes a batch of ArticleTagged events in one bleve batch and returns
// once the batch is persisted. It is idempotent: applying the same events
// again leaves the index as it was. For each article the claims of the
// version indexed before are replaced; an event older (by fetch time) than the
// version already indexed is skipped, so a late redelivery cannot roll an
// article back.
func (ix *Index) Apply(ctx context.Context, events []lumen.ArticleTagged) (ApplyStats, error) {
	return ix.ApplySeqs(ctx, events, nil)
}

// ApplySeqs is Apply for events read from the tagged stream at the given
// sequences: the highest becomes the index's high-water mark, in the same
// batch.
func (ix *Index) ApplySeqs(ctx context.Context, events []lumen.ArticleTagged, seqs []uint64) (ApplyStats, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.apply(ctx, events, seqs, false)
}

// apply is Apply; fresh skips reading what is indexed already, for an index
// being built where each article comes once.
func (ix *Index) apply(ctx context.Context, events []lumen.ArticleTagged, seqs []uint64, fresh bool) (ApplyStats, error) {
	return ix.applyBatch(ctx, events, seqs, fresh, nil)
}

// applyBatch is apply; persisted, when set, is called once the batch is
// persisted (right away when there is nothing to write), for indexes built
// with unsafe batches.
func (ix *Index) applyBatch(ctx context.Context, events []lumen.ArticleTagged, seqs []uint64, fresh bool, persisted func(error)) (st ApplyStats, err error) {
	called := false
	if persisted != nil {
		defer func() {
			if !called {
				persisted(nil)
			}
		}()
	}
	if len(events) == 0 {
		return st, nil
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	// Latest event per article within the batch.
	latest := map[string]*lumen.ArticleTagged{}
	order := []string{}
	for i := range events {
		ev := &events[i]
		id := ev.Article.ID
		if !lumen.ValidID(id) {
			st.Invalid++ // cannot be indexed, now or ever
			continue
		}
		if prev, ok := latest[id]; ok {
			st.Stale++
			if ev.Article.FetchedAt.Before(prev.Article.FetchedAt) {
				continue
			}
		} else {
			order = append(order, id)
		}
		latest[id] = ev
	}
	existing := map[string]indexedVersion{}
	reviewed := map[string]reviewedClaim{}
	if !fresh { // an index being built has neither yet (decisions come after)
		if existing, err = ix.indexedVersions(ctx, order); err != nil {
			return st, err
		}
		if reviewed, err = ix.reviewedClaims(ctx, order); err != nil {
			return st, err
		}
	}
	b := ix.idx.NewBatch()
	for _, id := range order {
		ev := latest[id]
		if prev, ok := existing[id]; ok && prev.fetchedAt.After(ev.Article.FetchedAt) {
			st.Stale++
			continue
		}
		docs, claimIDs, err := buildDocs(ev, reviewed)
		if err != nil {
			return st, err
		}
		keep := make(map[string]bool, len(claimIDs))
		for _, cid := range claimIDs {
			keep[cid] = true
		}
		for _, old := range existing[id].claimIDs {
			if keep[old] {
				continue
			}
			if _, ok := reviewed[old]; !ok {
				b.Delete(claimDocID(old))
				st.ClaimsRemoved++
			}
		}
		// Every decided claim of the article the tagger no longer gives
		// (retracted ones too: their sentence may be back) keeps its
		// decisions. Its sentence decides the rest: still in the text, the
		// claim stays with its curated values, the tagger's "not a claim"
		// beside them (so flagged, unless a curator said it is none); gone
		// from the text, it is retracted.
		for _, old := range decidedOf(reviewed, id) {
			if keep[old] {
				continue
			}
			rc := reviewed[old]
			if start, ok := lumen.FindSentence(id, old, rc.machine.Text, ev.Article.Text); ok {
				m := lumen.NotAClaimAt(rc.machine, start)
				m.Evidence = ev.Evidence
				doc, err := newClaimDoc(m, refOf(&ev.Article), ev.TaxonomyVersion, rc.log, false)
				if err != nil {
					return st, err
				}
				doc.Abbrevs = docs.abbrevs
				if err := indexDoc(b, claimDocID(old), &doc); err != nil {
					return st, fmt.Errorf("index claim %s: %w", old, err)
				}
				docs.article.ClaimIDs = append(docs.article.ClaimIDs, old)
				docs.article.ClaimCount++
				st.ClaimsKept++
				continue
			}
			if !rc.retracted {
				doc, err := newClaimDoc(rc.machine, refOf(&ev.Article), ev.TaxonomyVersion, rc.log, true)
				if err != nil {
					return st, err
				}
				doc.Abbrevs = rc.abbrevs
				if err := indexDoc(b, claimDocID(old), &doc); err != nil {
					return st, fmt.Errorf("index claim %s: %w", old, err)
				}
				st.ClaimsRetracted++
			}
		}
		for i := range docs.claims {
			if err := indexDoc(b, claimDocID(claimIDs[i]), &docs.claims[i]); err != nil {
				return st, fmt.Errorf("index claim %s: %w", claimIDs[i], err)
			}
		}
		if err := indexDoc(b, articleDocID(id), &docs.article); err != nil {
			return st, fmt.Errorf("index article %s: %w", id, err)
		}
		if prev, ok := existing[id]; ok && prev.hash != "" && prev.hash == ev.Article.ContentHash && prev.taxonomy == ev.TaxonomyVersion {
			// The version indexed already, again (a redelivery, a
			// repair): written again, harmlessly, but not new.
			st.Rewritten++
		} else {
			st.Articles++
			st.Claims += len(docs.claims)
		}
	}
	if b.Size() == 0 {
		return st, nil
	}
	if hw := slices.Max(append([]uint64{0}, seqs...)); hw > 0 {
		cur, err := ix.HighWater()
		if err != nil {
			return st, err
		}
		if hw > cur {
			var v [8]byte
			binary.BigEndian.PutUint64(v[:], hw)
			b.SetInternal([]byte(internalTaggedSeq), v[:])
		}
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if persisted != nil {
		b.SetPersistedCallback(persisted)
	}
	if err := ix.idx.Batch(b); err != nil {
		return st, fmt.Errorf("commit index batch: %w", err)
	}
	called = true
	return st, nil
}

type builtDocs struct {
	article articleDoc
	claims  []claimDoc
	abbrevs []string // the abbreviations the article defines
}

// decidedOf returns the ids of the decided claims of an article, in order.
func decidedOf(reviewed map[string]reviewedClaim, articleID string) []string {
	var out []string
	for id, rc := range reviewed {
		if rc.ref.ID == articleID {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// buildDocs builds the documents of an article and its claims; the claims a
// curator decided keep their decisions (reviewed, by claim id).
func buildDocs(ev *lumen.ArticleTagged, reviewed map[string]reviewedClaim) (builtDocs, []string, error) {
	a := &ev.Article
	var d builtDocs
	ids := make([]string, 0, len(ev.Claims))
	seen := map[string]bool{}
	ref := refOf(a)
	abbrevs := definedAbbreviations(a.Text)
	d.abbrevs = abbrevs
	for _, c := range ev.Claims {
		id := c.ID
		if !lumen.ValidID(id) || seen[id] {
			continue
		}
		seen[id] = true
		c.ArticleID = a.ID
		doc, err := newClaimDoc(c, ref, ev.TaxonomyVersion, reviewed[id].log, false)
		if err != nil {
			return d, nil, err
		}
		doc.Abbrevs = abbrevs
		d.claims = append(d.claims, doc)
		ids = append(ids, id)
	}
	d.article = articleDoc{
		Type: typeArticle, Title: a.Title, Text: a.Text, URL: a.URL, URLs: a.URLs, Source: a.Source,
		Authors: a.Authors, AuthorDetails: authorDetailsJSON(a.Authors, a.AuthorDetails), Journal: a.Journal, SiteName: a.SiteName, Language: a.Language,
		Published: timePtr(a.Published), DOI: a.DOI, PMID: a.PMID, PMCID: a.PMCID, MeSH: a.MeSH,
		PublicationTypes: a.PublicationTypes, Evidence: ev.Evidence, Concepts: ev.Concepts,
		ClaimIDs: ids, ClaimCount: len(ids), Truncated: a.Truncated, ContentHash: a.ContentHash,
		FetchedAt: timePtr(a.FetchedAt), TaggedAt: timePtr(ev.TaggedAt), TaxonomyVersion: ev.TaxonomyVersion,
	}
	return d, ids, nil
}

type indexedVersion struct {
	fetchedAt      time.Time
	claimIDs       []string
	hash, taxonomy string
}

// indexedVersions reads the fetch time and claim ids of the articles already
// indexed, in one query.
func (ix *Index) indexedVersions(ctx context.Context, ids []string) (map[string]indexedVersion, error) {
	docIDs := make([]string, len(ids))
	for i, id := range ids {
		docIDs[i] = articleDocID(id)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(docIDs), len(docIDs), 0, false)
	req.Fields = []string{"fetched_at", "claim_ids", "content_hash", "taxonomy_version"}
	res, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("read indexed versions: %w", err)
	}
	out := make(map[string]indexedVersion, len(res.Hits))
	for _, h := range res.Hits {
		id := strings.TrimPrefix(h.ID, "a-")
		var v indexedVersion
		if s, ok := h.Fields["fetched_at"].(string); ok {
			v.fetchedAt, _ = time.Parse(time.RFC3339Nano, s)
		}
		v.claimIDs = stringsField(h.Fields["claim_ids"])
		v.hash, _ = h.Fields["content_hash"].(string)
		v.taxonomy, _ = h.Fields["taxonomy_version"].(string)
		out[id] = v
	}
	return out, nil
}

// stringsField normalises a stored field that bleve returns as a string (one
// value) or a []any (several).
// authorDetailsJSON encodes an article's author details for its stored
// field; "" when it has none, or none that match its authors.
func authorDetailsJSON(names []string, details []lumen.Author) string {
	if len(details) == 0 || len(details) != len(names) {
		return ""
	}
	b, err := json.Marshal(details)
	if err != nil {
		return "" // plain strings always encode
	}
	return string(b)
}

// authorDetailsField decodes a stored author_details field. Articles
// indexed before it existed have none, and a value that does not decode
// or does not match the authors is dropped: their exports fall back to the
// display names.
func authorDetailsField(v any, names []string) []lumen.Author {
	s, _ := v.(string)
	if s == "" {
		return nil
	}
	var out []lumen.Author
	if err := json.Unmarshal([]byte(s), &out); err != nil || len(out) != len(names) {
		return nil
	}
	return out
}

func stringsField(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// Counts returns the number of articles and claims in the index.
func (ix *Index) Counts(ctx context.Context) (articles, claims uint64, err error) {
	for _, t := range []string{typeArticle, typeClaim} {
		q := query.NewTermQuery(t)
		q.SetField("type")
		res, err := ix.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return 0, 0, fmt.Errorf("count %ss: %w", t, err)
		}
		if t == typeArticle {
			articles = res.Total
		} else {
			claims = res.Total
		}
	}
	return articles, claims, nil
}
