package crawler

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/lumen-research/lumen"
)

// Identity links the identifiers of an article to its stable ID, so that one
// paper found through PubMed, Europe PMC and its publisher's page, or one web
// article published under two URLs, is one article. Keys in the ids store:
//
//	doi.<hash>     pmid.<n>     pmcid.<PMCn>     url.<hash>     text.<hash>
//	sim.<article id>  -> the simhash of its text, for near-duplicate detection
//
// Exact duplicates (text.<hash>, see exactKey) are matched whatever their
// length: a crawler trap that serves one short page under many query
// strings, or a brief syndicated under two URLs, is one article. Near
// duplicates (the simhash) are looked for among texts of minNearWords or
// more only: short pages (error pages, stubs) that look alike are not the
// same article.
//
// The simhashes live in the store (sim.<id>); near duplicates are looked for
// among the most recent maxSims of them, kept in memory in an LRU with an
// index of their four 16-bit bands, so that memory stays bounded in a long
// run. An article older than that is still found by its identifiers and by
// its exact text (text.<hash>), only no longer by similarity.
type identity struct {
	store   Store
	maxSims int

	mu     sync.Mutex
	loaded bool
	sims   *simplelru.LRU[articleKey, uint64]
	bands  [4]map[uint16][]articleKey
}

// articleKey is an article id (32 hex digits) in 16 bytes.
type articleKey [16]byte

func keyOf(id string) (articleKey, bool) {
	var k articleKey
	if len(id) != 32 {
		return k, false
	}
	_, err := hex.Decode(k[:], []byte(id))
	return k, err == nil
}

func (k articleKey) String() string { return hex.EncodeToString(k[:]) }

const (
	// Texts shorter than this are not matched as near duplicates (the
	// simhash): short pages (error pages, stubs) look alike without being
	// the same article. Exact copies are matched at any length.
	minNearWords = 60
	// maxSimDistance is the largest Hamming distance between the 64-bit
	// simhashes of two texts taken as near duplicates.
	maxSimDistance = 3
)

func newIdentity(s Store, maxSims int) *identity {
	id := &identity{store: s, maxSims: max(maxSims, 1)}
	for i := range id.bands {
		id.bands[i] = map[uint16][]articleKey{}
	}
	// Evicting the oldest simhash takes it out of the band index too.
	id.sims, _ = simplelru.NewLRU(id.maxSims, func(k articleKey, h uint64) { id.unindexLocked(k, h) })
	return id
}

// size is the number of simhashes kept in memory.
func (id *identity) size() int {
	id.mu.Lock()
	defer id.mu.Unlock()
	return id.sims.Len()
}

func (id *identity) load(ctx context.Context) error {
	id.mu.Lock()
	defer id.mu.Unlock()
	if id.loaded {
		return nil
	}
	// In the store's order, oldest first: the LRU keeps the most recent.
	err := id.store.Each(ctx, "sim.", func(key string, value []byte) error {
		h, err := strconv.ParseUint(string(value), 16, 64)
		if err == nil {
			id.addSimLocked(strings.TrimPrefix(key, "sim."), h)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("load simhashes: %w", err)
	}
	id.loaded = true
	return nil
}

func (id *identity) addSimLocked(articleID string, h uint64) {
	k, ok := keyOf(articleID)
	if !ok {
		return
	}
	if old, ok := id.sims.Peek(k); ok {
		id.sims.Remove(k) // unindexes it
		_ = old
	}
	id.sims.Add(k, h) // may evict the oldest, which unindexes it
	for i := range id.bands {
		b := uint16(h >> (16 * i))
		id.bands[i][b] = append(id.bands[i][b], k)
	}
}

// unindexLocked takes k out of the band index.
func (id *identity) unindexLocked(k articleKey, h uint64) {
	for i := range id.bands {
		b := uint16(h >> (16 * i))
		list := id.bands[i][b]
		for j, e := range list {
			if e == k {
				list = append(list[:j], list[j+1:]...)
				break
			}
		}
		if len(list) == 0 {
			delete(id.bands[i], b)
		} else {
			id.bands[i][b] = list
		}
	}
}

// keys returns the identifier keys of a, strongest first.
func identityKeys(a *lumen.Article) []string {
	var keys []string
	if a.DOI != "" {
		keys = append(keys, "doi."+lumen.Hash(strings.ToLower(a.DOI)))
	}
	if a.PMID != "" {
		keys = append(keys, "pmid."+a.PMID)
	}
	if a.PMCID != "" {
		keys = append(keys, "pmcid."+strings.ToUpper(a.PMCID))
	}
	for _, u := range a.URLs {
		keys = append(keys, "url."+lumen.Hash(u))
	}
	return keys
}

// newArticleID derives the ID of an article seen for the first time from its
// strongest identifier.
func newArticleID(a *lumen.Article) string {
	switch {
	case a.DOI != "":
		return lumen.NewID("doi:" + strings.ToLower(a.DOI))
	case a.PMID != "":
		return lumen.NewID("pmid:" + a.PMID)
	case a.PMCID != "":
		return lumen.NewID("pmcid:" + strings.ToUpper(a.PMCID))
	}
	return lumen.NewID("url:" + a.URL)
}

// match is how an article was recognised.
type match struct {
	ID  string
	Via string // doi, pmid, pmcid, url, text, simhash; "" for a new article
}

// resolve finds the ID of the article a is a version or copy of, or derives a
// new one.
func (id *identity) resolve(ctx context.Context, a *lumen.Article, sim uint64, words int) (match, error) {
	for _, k := range identityKeys(a) {
		v, _, err := id.store.Get(ctx, k)
		if errors.Is(err, lumen.ErrNotFound) {
			continue
		}
		if err != nil {
			return match{}, err
		}
		via, _, _ := strings.Cut(k, ".")
		return match{ID: string(v), Via: via}, nil
	}
	for _, k := range textKeys(a, words) {
		v, _, err := id.store.Get(ctx, k)
		if err == nil {
			return match{ID: string(v), Via: "text"}, nil
		}
		if !errors.Is(err, lumen.ErrNotFound) {
			return match{}, err
		}
	}
	if words >= minNearWords {
		if err := id.load(ctx); err != nil {
			return match{}, err
		}
		if other, ok := id.nearest(sim); ok {
			return match{ID: other, Via: "simhash"}, nil
		}
	}
	return match{ID: newArticleID(a)}, nil
}

// textKeys are the keys a's text is matched by as an exact copy, the one
// recorded first. Exact means the same main text once runs of white space
// are collapsed (letter case and punctuation count); a text under
// minNearWords words must have the same title too, since two different
// short pages can share a line ("Page not found", one sentence under two
// headlines). The second key, for texts of minNearWords or more, is the
// one stores written before white space was collapsed hold (the raw text's
// hash), so that their articles are still found. A text without words has
// none.
func textKeys(a *lumen.Article, words int) []string {
	if words == 0 {
		return nil
	}
	norm := strings.Join(strings.Fields(a.Text), " ")
	if words < minNearWords {
		return []string{"text." + lumen.Hash(strings.Join(strings.Fields(a.Title), " ")+"\x00"+norm)}
	}
	keys := []string{"text." + lumen.Hash(norm)}
	if legacy := "text." + lumen.Hash(a.Text); legacy != keys[0] {
		keys = append(keys, legacy)
	}
	return keys
}

func (id *identity) nearest(h uint64) (string, bool) {
	id.mu.Lock()
	defer id.mu.Unlock()
	var best articleKey
	found, bestD := false, maxSimDistance+1
	for i := range id.bands {
		for _, cand := range id.bands[i][uint16(h>>(16*i))] {
			ch, _ := id.sims.Peek(cand)
			if d := bits.OnesCount64(h ^ ch); d < bestD {
				best, bestD, found = cand, d, true
			}
		}
	}
	if !found {
		return "", false
	}
	return best.String(), true
}

// record links every identifier of a (with ID set) to its ID.
func (id *identity) record(ctx context.Context, a *lumen.Article, sim uint64, words int) error {
	keys := identityKeys(a)
	if tk := textKeys(a, words); len(tk) > 0 {
		keys = append(keys, tk[0])
	}
	for _, k := range keys {
		v, _, err := id.store.Get(ctx, k)
		if err == nil && string(v) == a.ID {
			continue
		}
		if _, err := id.store.Put(ctx, k, []byte(a.ID)); err != nil {
			return err
		}
	}
	if words >= minNearWords {
		if _, err := id.store.Put(ctx, "sim."+a.ID, []byte(strconv.FormatUint(sim, 16))); err != nil {
			return err
		}
		id.mu.Lock()
		if id.loaded {
			id.addSimLocked(a.ID, sim)
		}
		id.mu.Unlock()
	}
	return nil
}

// simhash is Charikar's simhash over word 3-shingles of the text, with the
// number of words it saw.
func simhash(text string) (uint64, int) {
	var (
		votes [64]int
		w     [3]uint64
		n     int
	)
	h := fnv.New64a()
	for word := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		h.Reset()
		h.Write([]byte(strings.ToLower(word)))
		w[0], w[1], w[2] = w[1], w[2], h.Sum64()
		n++
		if n < 3 {
			continue
		}
		s := w[0]*0x9E3779B97F4A7C15 ^ w[1]*0xC2B2AE3D27D4EB4F ^ w[2]
		for b := range 64 {
			if s&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var out uint64
	for b := range 64 {
		if votes[b] > 0 {
			out |= 1 << b
		}
	}
	return out, n
}
