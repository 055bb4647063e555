package tagger

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
)

// Tagger finds concept mentions and claims in text. Build it once with New;
// Tag is safe for concurrent use by many goroutines.
type Tagger struct {
	version  string
	concepts []conceptInfo
	byID     map[string]int32

	vocab   *vocabulary
	phrases *trie   // synonyms and stop phrases
	entries []entry // payloads of phrases
	cues    *trie   // cue phrases of claims
	cueBits []uint32
	evid    *trie    // wordings of study designs; payload is the evidence code
	class   []uint64 // word classes per vocabulary id
	class2  []uint64 // more word classes (wordClasses2) per vocabulary id

	// abbrevs maps a short form listed in the taxonomy to its concepts; it
	// only counts where a document defines the short form.
	abbrevs map[string][]int32

	// Concepts the context rules refer to, or -1 when the taxonomy lacks them.
	cGut, cSkinMicrobiome, cDysbiosis, cDiversity, cEndotoxemia, cSkinBarrier,
	cPermeability, cSkinHealth, cProbiotics, cFMT, cAntibiotics, cSystemic, cSkinInflammation,
	cAcne, cImmune, cSleep, cSCFA, cDrySkin int32

	// Words the rules look for one by one: "to" (a purpose clause ends a
	// negation's scope), "oral" (right before a taxon: taken by mouth),
	// "diverse" (needs its microbes right after it), "skin" (the object of
	// "improves" is skin health), "have" (patients with acne have ...).
	idTo, idOral, idDiverse, idVaried, idSkin, idHave, idHas, idHad, idGut, idDry, idBe, idProducing int32
	// "which" opens a comment clause ("..., which may reflect ...").
	idWhich, idWhether int32
	// "inflamed" with spots, papules or lesions puts inflammation on the skin.
	idInflamed int32

	pool sync.Pool // *scratch
}

type conceptInfo struct {
	id   string
	kind int8
}

// Kind indexes.
const (
	kindCondition int8 = iota
	kindMechanism
	kindIntervention
)

func kindIndex(kind string) int8 {
	switch kind {
	case lumen.KindCondition:
		return kindCondition
	case lumen.KindMechanism:
		return kindMechanism
	case lumen.KindIntervention:
		return kindIntervention
	}
	return -1
}

// entry is what a phrase of the trie stands for.
type entry struct {
	concept int32    // index into Tagger.concepts; -1 for a stop phrase
	cased   []string // per token, the exact spelling required ("" = any case); nil if none
	flags   uint8
	text    string // the synonym as written in the taxonomy, for errors
}

// Entry flags.
const (
	entBareMicrobiome uint8 = 1 << iota
	entProbioticTaxon
	entBareEczema
	entContactSense
	entTaxon
	entGeneralSkin
)

// Document is one text to tag with what is known about it.
type Document struct {
	// Text is plain text; blocks (title, headings, paragraphs, abstract
	// sections like "BACKGROUND: ...") are separated by blank lines.
	Text string
	// Title is optional; it also helps to tell the evidence type.
	Title string
	// PublicationTypes are PubMed publication types when known, e.g.
	// "Randomized Controlled Trial", "Review", "Meta-Analysis".
	PublicationTypes []string
	// MeSH are MeSH headings when known.
	MeSH []string
	// Web is set for a web page rather than a scholarly record.
	Web bool
}

// Result is what Tag found in a Document.
type Result struct {
	Text      string          // the document's text; offsets point into it
	Mentions  []lumen.Mention // byte offsets into Text, sorted by Start
	Sentences []Span          // every sentence, byte offsets into Text
	// Claims have Start, End, Text, Concepts (sorted, distinct), Relation,
	// Negated, Hedged, Evidence and Section filled; ID and ArticleID are left
	// to the caller.
	Claims   []lumen.Claim
	Concepts []string // distinct concept ids mentioned anywhere, sorted
	Evidence string   // the document's evidence type (lumen.Evidence*) or ""
}

var conceptIDPattern = regexp.MustCompile(`^(condition|mechanism|intervention)/[a-z0-9]+(-[a-z0-9]+)*$`)

// New builds a tagger from a taxonomy. Errors say which concept and which
// synonym are wrong.
func New(tax lumen.Taxonomy) (*Tagger, error) {
	if strings.TrimSpace(tax.Version) == "" {
		return nil, fmt.Errorf("taxonomy: missing version")
	}
	if len(tax.Concepts) == 0 {
		return nil, fmt.Errorf("taxonomy %s: no concepts", tax.Version)
	}
	t := &Tagger{
		byID:    make(map[string]int32, len(tax.Concepts)),
		vocab:   newVocabulary(),
		phrases: newTrie(),
		cues:    newTrie(),
		evid:    newTrie(),
		abbrevs: make(map[string][]int32),
	}
	for i, c := range tax.Concepts {
		where := fmt.Sprintf("taxonomy: concept %d (%s)", i+1, c.ID)
		if !conceptIDPattern.MatchString(c.ID) {
			return nil, fmt.Errorf("%s: id must be kind/slug with kind condition, mechanism or intervention and a lower-case slug", where)
		}
		if c.Kind != lumen.ConceptKind(c.ID) {
			return nil, fmt.Errorf("%s: kind %q does not match the id's kind %q", where, c.Kind, lumen.ConceptKind(c.ID))
		}
		if _, dup := t.byID[c.ID]; dup {
			return nil, fmt.Errorf("%s: duplicate id", where)
		}
		t.byID[c.ID] = int32(i)
		t.concepts = append(t.concepts, conceptInfo{id: c.ID, kind: kindIndex(c.Kind)})
	}
	for i, c := range tax.Concepts {
		if c.Broader != "" {
			if _, ok := t.byID[c.Broader]; !ok {
				return nil, fmt.Errorf("taxonomy: concept %d (%s): unknown broader concept %q", i+1, c.ID, c.Broader)
			}
		}
	}

	// Stop phrases first: a taxonomy synonym that equals one overrides it.
	contact := map[string]bool{}
	for _, p := range contactSense {
		contact[normPhrase(p)] = true
	}
	for _, p := range stopPhrases {
		var flags uint8
		if contact[normPhrase(p)] {
			flags |= entContactSense
		}
		if err := t.addPhrase(p, entry{concept: -1, flags: flags, text: p}); err != nil {
			return nil, fmt.Errorf("tagger rules: stop phrase %q: %w", p, err)
		}
	}
	bareMicro := normSet(bareMicrobiome)
	probWords := normSet(probioticWords)
	bareEcz := normSet(bareEczema)
	generalSkin := normSet(generalSkinInflammation)
	for i, c := range tax.Concepts {
		if len(c.Synonyms) == 0 {
			return nil, fmt.Errorf("taxonomy: concept %d (%s): no synonyms", i+1, c.ID)
		}
		for _, syn := range c.Synonyms {
			n := normPhrase(syn)
			var flags uint8
			switch {
			case c.ID == "mechanism/gut-microbiome" && bareMicro[n]:
				flags |= entBareMicrobiome
			case c.ID == "mechanism/gut-microbiome" && startsUpper(syn):
				// A named taxon: gut by default, the skin's or another
				// site's when the words around it say so.
				flags |= entTaxon
			case c.ID == "intervention/probiotics" && !probWords[n]:
				flags |= entProbioticTaxon
			case c.ID == "condition/atopic-dermatitis" && bareEcz[n]:
				flags |= entBareEczema
			case c.ID == "condition/skin-inflammation" && generalSkin[n]:
				flags |= entGeneralSkin
			}
			if err := t.addPhrase(syn, entry{concept: int32(i), flags: flags, text: syn}); err != nil {
				return nil, fmt.Errorf("taxonomy: concept %d (%s): synonym %q: %w", i+1, c.ID, syn, err)
			}
		}
		for _, a := range c.Abbreviations {
			a = strings.TrimSpace(a)
			if a == "" || strings.ContainsAny(a, " \t\n") {
				return nil, fmt.Errorf("taxonomy: concept %d (%s): abbreviation %q must be one word", i+1, c.ID, a)
			}
			base := abbrevBase(a)
			if !slices.Contains(t.abbrevs[base], int32(i)) {
				t.abbrevs[base] = append(t.abbrevs[base], int32(i))
			}
		}
	}
	for kind, phrases := range cuePhrases {
		for _, p := range phrases {
			if err := t.addCue(p, uint32(kind)); err != nil {
				return nil, fmt.Errorf("tagger rules: cue %q: %w", p, err)
			}
			// "we review" also reads "we also review", "we then review".
			if rest, ok := strings.CutPrefix(p, "we "); ok && kind == cueAim {
				for _, adv := range weAdverbs {
					if err := t.addCue("we "+adv+" "+rest, uint32(kind)); err != nil {
						return nil, fmt.Errorf("tagger rules: cue %q: %w", p, err)
					}
				}
			}
		}
	}
	for code, phrases := range evidencePhrases {
		for _, p := range phrases {
			vs, err := t.variants(p)
			if err != nil {
				return nil, fmt.Errorf("tagger rules: evidence phrase %q: %w", p, err)
			}
			for _, v := range vs {
				node := t.evid.insert(v.ids)
				if old := t.evid.payload[node]; old < 0 || int32(code) < old {
					t.evid.payload[node] = int32(code)
				}
			}
		}
	}
	var buf []byte
	classOf := map[int32]uint64{}
	for cls, words := range wordClasses {
		for _, w := range words {
			buf = appendNorm(buf[:0], w)
			classOf[t.vocab.id(string(buf))] |= uint64(cls)
		}
	}
	t.idTo = t.vocab.id("to")
	t.idOral = t.vocab.id("oral")
	t.idDiverse = t.vocab.id("diverse")
	t.idGut = t.vocab.id("gut")
	t.idDry = t.vocab.id("dry")
	t.idBe = t.vocab.id("been")
	t.idProducing = t.vocab.id("producing")
	t.idVaried = t.vocab.id("varied")
	t.idSkin = t.vocab.id("skin")
	t.idHave = t.vocab.id("have")
	t.idHas = t.vocab.id("has")
	t.idHad = t.vocab.id("had")
	t.idWhich = t.vocab.id("which")
	t.idWhether = t.vocab.id("whether")
	t.idInflamed = t.vocab.id("inflamed")
	classOf2 := map[int32]uint64{}
	for cls, words := range wordClasses2 {
		for _, w := range words {
			buf = appendNorm(buf[:0], w)
			classOf2[t.vocab.id(string(buf))] |= cls
		}
	}
	t.class = make([]uint64, len(t.vocab.ids))
	for id, cls := range classOf {
		t.class[id] = cls
	}
	t.class2 = make([]uint64, len(t.vocab.ids))
	for id, cls := range classOf2 {
		t.class2[id] = cls
	}
	t.phrases.freeze(len(t.vocab.ids))
	t.cues.freeze(len(t.vocab.ids))
	t.evid.freeze(len(t.vocab.ids))
	look := func(id string) int32 {
		if i, ok := t.byID[id]; ok {
			return i
		}
		return -1
	}
	t.cGut = look("mechanism/gut-microbiome")
	t.cSkinMicrobiome = look("mechanism/skin-microbiome")
	t.cDysbiosis = look("mechanism/dysbiosis")
	t.cDiversity = look("mechanism/microbial-diversity")
	t.cEndotoxemia = look("mechanism/endotoxemia")
	t.cSkinBarrier = look("mechanism/skin-barrier")
	t.cPermeability = look("mechanism/intestinal-permeability")
	t.cSkinHealth = look("condition/skin-health")
	t.cProbiotics = look("intervention/probiotics")
	t.cFMT = look("intervention/fecal-microbiota-transplant")
	t.cAntibiotics = look("intervention/antibiotics")
	t.cSystemic = look("mechanism/systemic-inflammation")
	t.cSkinInflammation = look("condition/skin-inflammation")
	t.cAcne = look("condition/acne")
	t.cDrySkin = look("condition/dry-skin")
	t.cImmune = look("mechanism/immune-modulation")
	t.cSleep = look("intervention/sleep")
	t.cSCFA = look("mechanism/short-chain-fatty-acids")
	t.version = tax.Version + "+" + rulesRevision + "." + fingerprint(tax)
	t.pool.New = func() any { return new(scratch) }
	return t, nil
}

// Version identifies the taxonomy and the rules, e.g.
// "gutskin-2026.11+r1.0c9f3a2b": the taxonomy's version, the rules'
// revision and a fingerprint of the taxonomy's content, so that it changes
// whenever either changes, even if someone edits a taxonomy and forgets to
// bump its version.
func (t *Tagger) Version() string { return t.version }

func fingerprint(tax lumen.Taxonomy) string {
	h := sha256.New()
	for _, c := range tax.Concepts {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00", c.ID, c.Kind, c.Label, c.MeSH, c.Broader)
		for _, s := range c.Synonyms {
			fmt.Fprintf(h, "s%s\x00", s)
		}
		for _, s := range c.Abbreviations {
			fmt.Fprintf(h, "a%s\x00", s)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// normPhrase returns the normalised words of a phrase joined by spaces.
func normPhrase(p string) string {
	toks := tokenize(nil, p)
	var b []byte
	for i, tk := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNorm(b, p[tk.start:tk.end])
	}
	return string(b)
}

func normSet(phrases []string) map[string]bool {
	m := make(map[string]bool, len(phrases))
	for _, p := range phrases {
		m[normPhrase(p)] = true
	}
	return m
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// abbrevBase strips a plural "s" from an upper-case short form ("ADs" -> "AD").
func abbrevBase(s string) string {
	if n := len(s); n >= 3 && s[n-1] == 's' && 'A' <= s[n-2] && s[n-2] <= 'Z' {
		return s[:n-1]
	}
	return s
}

// phraseVariant is one way a phrase is written, as vocabulary ids.
type phraseVariant struct {
	ids   []int32
	cased []string
}

// variants returns the token ids of p, and of its closed form when it has
// hyphenated parts ("pro-inflammatory" -> "proinflammatory").
func (t *Tagger) variants(p string) ([]phraseVariant, error) {
	toks := tokenize(nil, p)
	if len(toks) == 0 {
		return nil, fmt.Errorf("has no words")
	}
	var (
		buf     []byte
		plain   phraseVariant
		anyCase bool
		hyphen  bool
	)
	for i, tk := range toks {
		if i > 0 && tk.flags&flagHard != 0 {
			return nil, fmt.Errorf("punctuation inside a phrase never matches")
		}
		w := p[tk.start:tk.end]
		buf = appendNorm(buf[:0], w)
		if len(buf) == 0 {
			return nil, fmt.Errorf("word %q normalises to nothing", w)
		}
		plain.ids = append(plain.ids, t.vocab.id(string(buf)))
		c := ""
		if tk.flags&flagInnerUpper != 0 {
			c = abbrevBase(w)
			anyCase = true
		}
		plain.cased = append(plain.cased, c)
		if i > 0 && onlyHyphens(p[toks[i-1].end:tk.start]) {
			hyphen = true
		}
	}
	if !anyCase {
		plain.cased = nil
	}
	out := []phraseVariant{plain}
	if hyphen && !anyCase {
		var closed phraseVariant
		var raw []byte
		for i, tk := range toks {
			raw = append(raw, p[tk.start:tk.end]...)
			if i+1 < len(toks) && onlyHyphens(p[tk.end:toks[i+1].start]) {
				continue
			}
			buf = appendNorm(buf[:0], string(raw))
			closed.ids = append(closed.ids, t.vocab.id(string(buf)))
			raw = raw[:0]
		}
		out = append(out, closed)
	}
	return out, nil
}

func onlyHyphens(gap string) bool {
	if gap == "" {
		return false
	}
	for _, r := range gap {
		if r == '/' || !softHyphen(r) {
			return false
		}
	}
	return true
}

// addPhrase inserts a synonym or stop phrase into the phrase trie.
func (t *Tagger) addPhrase(p string, e entry) error {
	vs, err := t.variants(p)
	if err != nil {
		return err
	}
	for _, v := range vs {
		node := t.phrases.insert(v.ids)
		e := e
		e.cased = v.cased
		old := t.phrases.payload[node]
		if old < 0 {
			t.phrases.payload[node] = int32(len(t.entries))
			t.entries = append(t.entries, e)
			continue
		}
		prev := &t.entries[old]
		switch {
		case prev.concept < 0 && e.concept >= 0:
			// A taxonomy synonym overrides a built-in stop phrase.
			*prev = e
		case prev.concept == e.concept:
			if prev.cased != nil && e.cased == nil {
				prev.cased = nil
			}
			prev.flags |= e.flags
		case e.concept < 0:
			// A stop phrase never overrides a synonym.
		default:
			return fmt.Errorf("reads the same as %q of %s", prev.text, t.concepts[prev.concept].id)
		}
	}
	return nil
}

// addCue inserts a cue phrase with its kinds into the cue trie.
func (t *Tagger) addCue(p string, kinds uint32) error {
	vs, err := t.variants(p)
	if err != nil {
		return err
	}
	for _, v := range vs {
		node := t.cues.insert(v.ids)
		if i := t.cues.payload[node]; i >= 0 {
			t.cueBits[i] |= kinds
			continue
		}
		t.cues.payload[node] = int32(len(t.cueBits))
		t.cueBits = append(t.cueBits, kinds)
	}
	return nil
}

// scratch holds the buffers of one Tag call, reused through a pool.
type scratch struct {
	toks    []token
	tokSent []int32 // sentence index per token, -1 outside sentences
	tokMent []int32 // mention index covering a token, -1 if none
	stopTok []bool  // tokens covered by a stop phrase ("blood-brain barrier")
	sents   []sentence
	ments   []mention
	norm    []byte
	abbr    map[string]int32
	defTok  map[int32]bool
	abbrAt  map[string]int32 // token of each short form's definition
	// implicitBases are the short forms read from a long form alone.
	implicitBases []string
	set           []int32
	cueHits       []cueHit
	segs          []int32 // clause starts of the sentence being analysed, in tokens
	seen          []bool  // per concept
	titleToks     []token
}

// mention is a concept mention during tagging, in tokens and bytes.
type mention struct {
	tokStart, tokEnd int32 // token range [tokStart, tokEnd)
	start, end       int32 // bytes
	concept          int32
	flags            uint8 // entry flags of the synonym, 0 for rule-made mentions
	dropped          bool
}

// Tag finds the mentions, sentences and claims of a document. It never
// panics, whatever the input (invalid UTF-8, binary data, one huge
// sentence), and its time is linear in the length of the text.
func (t *Tagger) Tag(doc Document) Result {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	text := doc.Text
	res := Result{Text: text}

	s.toks = tokenize(s.toks[:0], text)
	for i := range s.toks {
		tk := &s.toks[i]
		s.norm = appendNorm(s.norm[:0], text[tk.start:tk.end])
		tk.id = t.vocab.lookup(s.norm)
	}
	s.sents = splitSentences(s.sents[:0], text)
	s.tokSent = s.tokSent[:0]
	si := 0
	for _, tk := range s.toks {
		for si < len(s.sents) && int(tk.start) >= s.sents[si].end {
			si++
		}
		if si < len(s.sents) && int(tk.start) >= s.sents[si].start {
			s.tokSent = append(s.tokSent, int32(si))
		} else {
			s.tokSent = append(s.tokSent, -1)
		}
	}

	res.Evidence = t.evidence(doc, s)

	contact := t.match(s, text)
	t.applyAbbreviations(s, text)
	t.applyContextRules(s, text, contact)

	// Collect the surviving mentions in text order.
	ments := s.ments[:0]
	for _, m := range s.ments {
		if !m.dropped {
			ments = append(ments, m)
		}
	}
	slices.SortFunc(ments, func(a, b mention) int {
		if a.start != b.start {
			return int(a.start - b.start)
		}
		if a.end != b.end {
			return int(a.end - b.end)
		}
		return int(a.concept - b.concept)
	})
	ments = slices.CompactFunc(ments, func(a, b mention) bool {
		return a.start == b.start && a.concept == b.concept
	})
	s.ments = ments
	t.indexMentions(s) // the claims read mentions by token
	if len(ments) > 0 {
		res.Mentions = make([]lumen.Mention, len(ments))
		if cap(s.seen) < len(t.concepts) {
			s.seen = make([]bool, len(t.concepts))
		}
		seen := s.seen[:len(t.concepts)]
		clear(seen)
		for i, m := range ments {
			res.Mentions[i] = lumen.Mention{
				Concept: t.concepts[m.concept].id,
				Start:   int(m.start),
				End:     int(m.end),
				Text:    text[m.start:m.end],
			}
			if !seen[m.concept] {
				seen[m.concept] = true
				res.Concepts = append(res.Concepts, t.concepts[m.concept].id)
			}
		}
		slices.Sort(res.Concepts)
	}
	res.Sentences = make([]Span, len(s.sents))
	for i, se := range s.sents {
		res.Sentences[i] = Span{Start: se.start, End: se.end}
	}
	res.Claims = t.claims(s, text, res.Evidence)
	return res
}

// match walks the phrase trie from every token and records the longest
// match. It reports whether a stop phrase that sets the contact-eczema sense
// was seen.
func (t *Tagger) match(s *scratch, text string) (contact bool) {
	toks := s.toks
	s.ments = s.ments[:0]
	s.stopTok = s.stopTok[:0]
	for range toks {
		s.stopTok = append(s.stopTok, false)
	}
	for i := 0; i < len(toks); {
		node := int32(0)
		best, bestEnd := int32(-1), i
		for j := i; j < len(toks); j++ {
			if j > i && toks[j].flags&flagHard != 0 {
				break
			}
			node = t.phrases.next(node, toks[j].id)
			if node < 0 {
				break
			}
			if e := t.phrases.payload[node]; e >= 0 && t.casedOK(&t.entries[e], text, toks[i:j+1]) {
				best, bestEnd = e, j+1
			}
		}
		if best < 0 {
			i++
			continue
		}
		e := &t.entries[best]
		if e.concept < 0 {
			if e.flags&entContactSense != 0 {
				contact = true
			}
			for k := i; k < bestEnd; k++ {
				s.stopTok[k] = true
			}
		} else {
			s.ments = append(s.ments, mention{
				tokStart: int32(i), tokEnd: int32(bestEnd),
				start: toks[i].start, end: toks[bestEnd-1].end,
				concept: e.concept, flags: e.flags,
			})
		}
		i = bestEnd
	}
	return contact
}

// casedOK checks the spelling of the words of a phrase that must keep their
// case ("LPS", "IgE"); a plural "s" is allowed.
func (t *Tagger) casedOK(e *entry, text string, toks []token) bool {
	if e.cased == nil {
		return true
	}
	for k, c := range e.cased {
		if c == "" {
			continue
		}
		w := text[toks[k].start:toks[k].end]
		if w != c && !(len(w) == len(c)+1 && w[len(c)] == 's' && w[:len(c)] == c) {
			return false
		}
	}
	return true
}
