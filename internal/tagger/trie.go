package tagger

// vocabulary numbers the normalised words that synonyms, stop phrases, cues
// and rule words use. Text words outside it get id -1 and match nothing,
// which is what keeps the per-token cost at one map lookup.
type vocabulary struct {
	ids map[string]int32
}

func newVocabulary() *vocabulary { return &vocabulary{ids: make(map[string]int32)} }

// id returns the id of the normalised word w, adding it when new.
func (v *vocabulary) id(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.ids))
	v.ids[w] = id
	return id
}

// lookup returns the id of the normalised word in b, or -1. It does not
// allocate.
func (v *vocabulary) lookup(b []byte) int32 {
	if id, ok := v.ids[string(b)]; ok {
		return id
	}
	return -1
}

// trie is a token trie: each edge is a vocabulary id, each node may carry a
// payload. Walking it from every token gives longest-match phrase lookup in
// one pass over the text, whatever the number of phrases.
type trie struct {
	edges   map[uint64]int32 // node<<32 | word id -> child node
	payload []int32          // per node; -1 = none
	// root holds the children of the root by word id once freeze has
	// run: most words start no phrase, and a slice index is cheaper than a
	// map lookup for each token of the text.
	root []int32
}

func newTrie() *trie {
	return &trie{edges: make(map[uint64]int32), payload: []int32{-1}}
}

func edgeKey(node, id int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(id)) }

// insert adds the path of ids and returns its end node.
func (t *trie) insert(ids []int32) int32 {
	t.root = nil // freeze again after inserting
	node := int32(0)
	for _, id := range ids {
		k := edgeKey(node, id)
		child, ok := t.edges[k]
		if !ok {
			child = int32(len(t.payload))
			t.payload = append(t.payload, -1)
			t.edges[k] = child
		}
		node = child
	}
	return node
}

// freeze indexes the children of the root for words of ids below words.
// Call it when no more phrases will be inserted.
func (t *trie) freeze(words int) {
	t.root = make([]int32, words)
	for i := range t.root {
		t.root[i] = -1
	}
	for k, child := range t.edges {
		if k>>32 == 0 && int(uint32(k)) < words {
			t.root[uint32(k)] = child
		}
	}
}

// next returns the child of node along id, or -1.
func (t *trie) next(node, id int32) int32 {
	if id < 0 {
		return -1
	}
	if node == 0 && t.root != nil {
		if int(id) < len(t.root) {
			return t.root[id]
		}
		return -1
	}
	if child, ok := t.edges[edgeKey(node, id)]; ok {
		return child
	}
	return -1
}

// longest walks the trie along toks from token i and returns the payload of
// the longest phrase that starts there, ends before token end and that
// accept takes (nil takes any), with the token after it; -1 and i when
// there is none. A phrase never runs across hard punctuation (flagHard).
// It is the one longest-match walk of the tagger: synonyms, cue phrases and
// study designs are all found with it.
func (t *trie) longest(toks []token, i, end int, accept func(payload int32, next int) bool) (int32, int) {
	node := int32(0)
	best, bestEnd := int32(-1), i
	for j := i; j < end; j++ {
		if j > i && toks[j].flags&flagHard != 0 {
			break
		}
		node = t.next(node, toks[j].id)
		if node < 0 {
			break
		}
		if p := t.payload[node]; p >= 0 && (accept == nil || accept(p, j+1)) {
			best, bestEnd = p, j+1
		}
	}
	return best, bestEnd
}
