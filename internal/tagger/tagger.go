package tagger

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/lexicon"
	"github.com/lumen-research/lumen/internal/pairmodel"
)

// Tagger finds concept mentions and claims in text. Build it once with New;
// Tag is safe for concurrent use by many goroutines.
type Tagger struct {
	version  string
	learned  *pairmodel.Model // nil: the rules' pairs alone
	concepts []conceptInfo
	byID     map[string]int32
	warnings []string

	vocab   *vocabulary
	morph   morphology // plurals and possessives
	phrases *trie      // synonyms and stop phrases
	entries []entry    // payloads of phrases
	cues    *trie      // cue phrases of claims
	cueBits []uint32
	// split holds, by the vocabulary id of a verb form, the particles
	// that may follow its object ("bring CRP down") and the cue kinds
	// the verb then has.
	split map[int32][]splitCue
	// riskAround holds, by the vocabulary ids of a comparative and of a
	// risk noun, the direction (+1, -1) of a risk worded around its
	// outcome ("a higher <Y> risk").
	riskAround map[[2]int32]int8
	// afterAux holds the vocabulary ids of verbs of help that are verbs
	// only after an auxiliary or "to" ("did not clear Y").
	afterAux map[int32]bool
	// referTo holds, by the vocabulary id of a referring noun, the
	// concepts with a synonym of several words that ends in it.
	referTo map[int32][]int32
	// referMid holds, by the vocabulary id of a referring noun, the ids
	// of the words just before it in those synonyms of three words or
	// more: "these fatty acids" refers as "these acids" does.
	referMid map[int32][]int32
	// headOf holds, by the vocabulary id of a condition head noun
	// (cl4ConditionHead), the conditions with a synonym of several words
	// that ends in it: bare, the noun stands for the one named last.
	headOf map[int32][]int32
	evid   *trie    // wordings of study designs; payload is the evidence code
	class  []uint64 // word classes per vocabulary id
	class2 []uint64 // more word classes (class2Lists) per vocabulary id
	class3 []uint64 // more word classes (class3Lists) per vocabulary id
	class4 []uint64 // and more (class4Lists)
	// lexical: per vocabulary id, whether the word is in a word list of
	// the vocabulary (in any of a verb's forms), not only in a concept's
	// synonyms; see plainWord
	lexical []bool

	// Study designs by PubMed publication type and MeSH heading, lower case.
	pubTypes, meshDesigns map[string]int
	meshAnimals           map[string]bool
	meshHumans            map[string]bool
	pubGeneric            map[string]bool
	meshTimeFrame         map[string]bool
	taxonSuffixes         []string
	adjectiveEndings      []string
	nounEndings           []string
	exampleLeads          [][]int32 // token ids of each pair-examples phrase ("such as")

	// The language's morphology, read once from the lexicon: its word
	// endings (the *-endings lists) and its verb inflections.
	adverbEnd, pastEnd, participleEnd, reportedEnd  []string
	comparativeEnd                                  []string
	gerundEnd, pluralEnd, epithetEnd, possessiveEnd []string

	inflections []lexicon.Affix
	sentRules   sentenceRules // the sentence splitter's abbreviations and section labels

	// abbrevs maps a short form listed in the taxonomy to its concepts; it
	// only counts where a document defines the short form.
	abbrevs map[string][]int32
	// modifierOf maps the vocabulary id of a taxonomy modifier word to its
	// concept (the word and the noun after it name that concept) while the
	// taxonomy is read (nil after New); modifierFor holds the same by id,
	// -1 for the other words, for the per-token test.
	modifierOf  map[int32]int32
	modifierFor []int32

	// The concepts that play the roles of the context rules
	// (internal/lexicon), or -1 when no concept of the taxonomy does.
	community, communityAlt, imbalance, diversity, transfer, metabolite,
	givenMicrobes, antimicrobial, toxin, barrier, barrierAlt, systemic,
	localInfl, immune, generalCond, lesionCond, drynessCond, alsoOutcome int32

	pool sync.Pool // *scratch
}

// roleFields ties each role to the field that holds its concept.
func (t *Tagger) roleFields() []struct {
	name string
	dst  *int32
} {
	return []struct {
		name string
		dst  *int32
	}{
		{lexicon.RoleCommunity, &t.community},
		{lexicon.RoleCommunityAlt, &t.communityAlt},
		{lexicon.RoleImbalance, &t.imbalance},
		{lexicon.RoleDiversity, &t.diversity},
		{lexicon.RoleCommunityTransfer, &t.transfer},
		{lexicon.RoleCommunityMetabolite, &t.metabolite},
		{lexicon.RoleGivenMicrobes, &t.givenMicrobes},
		{lexicon.RoleAntimicrobial, &t.antimicrobial},
		{lexicon.RoleCirculatingToxin, &t.toxin},
		{lexicon.RoleBarrier, &t.barrier},
		{lexicon.RoleBarrierAlt, &t.barrierAlt},
		{lexicon.RoleSystemicInflammation, &t.systemic},
		{lexicon.RoleLocalInflammation, &t.localInfl},
		{lexicon.RoleImmuneResponse, &t.immune},
		{lexicon.RoleGeneralCondition, &t.generalCond},
		{lexicon.RoleLesionCondition, &t.lesionCond},
		{lexicon.RoleDrynessCondition, &t.drynessCond},
		{lexicon.RoleAlsoOutcome, &t.alsoOutcome},
	}
}

type conceptInfo struct {
	id         string
	kind       int8
	beneficial bool
	harmful    bool   // an exposure whose plain changes of a community are its imbalance
	broader    string // id of the broader concept, "" for none
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
	flags   uint16
	text    string // the synonym as written in the taxonomy, for errors
}

// Entry and mention flags.
const (
	entUnplaced        uint16 = 1 << iota // a community synonym that names no site
	entGivenTaxon                         // a given-microbes synonym that is a taxon
	entBroad                              // a synonym that also names other conditions
	entSenseOverride                      // a stop phrase that gives broad synonyms another sense
	entTaxon                              // a community synonym that is a named taxon
	entGeneralLesion                      // a general synonym that a named condition may stand for
	entInverse                            // a synonym that names the opposite of its concept
	entModifier                           // rule-made: an imbalance read from a word that modifies the community
	entLostDiversity                      // rule-made: an imbalance read from a diversity that is lost
	entRule                               // rule-made: read from the words around, not a synonym
	entShortForm                          // a use of a short form the document defines
	entImplicit                           // a use of a short form the document never defines
	entBarrierUnplaced                    // a barrier synonym that every barrier has
	entAltTaxon                           // a community-alt synonym that is a named taxon
	entSiteTaxon                          // a named taxon of the community found at many sites: the community only where a site word places it
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
	// Kind says what the text is: lumen.ArticleAbstract, ArticleFullText or
	// ArticleWeb; empty when unknown. A web page's evidence is
	// "web-article"; the others' comes from their publication types, MeSH
	// headings and wording.
	Kind string
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
	// Unclaimed are the sentences that name concepts of two kinds or more
	// and that the rules analysed but read as no claim (aims, methods,
	// background; not questions, headings that ask, or sentences over
	// 2,000 bytes, which they do not analyse), as claims with no concepts
	// or pairs: Start, End, Text, Section, Evidence, ClaimEvidence, and the
	// rules' reading of their denial and hedging. The taxonomy's pair model
	// may still read a claim in some (they are then in Claims too).
	Unclaimed []lumen.Claim
}

// New builds a tagger from a taxonomy and its vocabulary. It expects a
// taxonomy that config.LoadTaxonomy has validated (ids, kinds, broader
// concepts, roles, list names); it rejects only what its own reading of
// the words reveals: two synonyms that read the same, a phrase that cannot
// match. Errors say which concept or list and which phrase. A role that no
// concept plays turns off the rules that need it; Warnings says which.
func New(tax lumen.Taxonomy) (*Tagger, error) {
	if strings.TrimSpace(tax.Version) == "" {
		return nil, fmt.Errorf("taxonomy: missing version")
	}
	if len(tax.Concepts) == 0 {
		return nil, fmt.Errorf("taxonomy %s: no concepts", tax.Version)
	}
	t := &Tagger{
		byID:       make(map[string]int32, len(tax.Concepts)),
		vocab:      newVocabulary(),
		phrases:    newTrie(),
		cues:       newTrie(),
		evid:       newTrie(),
		abbrevs:    make(map[string][]int32),
		modifierOf: make(map[int32]int32),
	}
	lists := mergeLists(tax.Vocabulary)
	// The morphology must be known before any phrase is normalised and
	// any verb is read.
	if err := t.loadMorphology(lists); err != nil {
		return nil, err
	}
	if err := t.loadConcepts(tax); err != nil {
		return nil, err
	}
	t.checkLists(lists)
	if err := t.loadPhrases(tax, lists); err != nil {
		return nil, err
	}
	if err := t.loadSplit(lists); err != nil {
		return nil, err
	}
	if err := t.loadAround(lists); err != nil {
		return nil, err
	}
	if err := t.loadCues(lists); err != nil {
		return nil, err
	}
	if err := t.loadDesigns(lists); err != nil {
		return nil, err
	}
	t.loadClasses(lists)
	t.loadReferring(tax)
	t.loadLexical(lists)
	t.modifierFor = make([]int32, len(t.vocab.ids))
	for i := range t.modifierFor {
		t.modifierFor[i] = -1
	}
	for id, c := range t.modifierOf {
		t.modifierFor[id] = c
	}
	t.modifierOf = nil // read while loading only
	t.phrases.freeze(len(t.vocab.ids))
	t.cues.freeze(len(t.vocab.ids))
	t.evid.freeze(len(t.vocab.ids))
	if len(tax.PairModel) > 0 {
		m, err := pairmodel.Decode(tax.PairModel)
		if err != nil {
			return nil, fmt.Errorf("taxonomy %s: %w", tax.Version, err)
		}
		t.learned = m
	}
	t.version = tax.Version + "+" + rulesRevision + "." + fingerprint(tax)
	t.pool.New = func() any { return new(scratch) }
	return t, nil
}

// loadLexical marks the vocabulary ids of the words that the word lists
// hold, with the forms the inflection rules make of a verb list's verbs.
// It runs last: it only looks words up.
func (t *Tagger) loadLexical(lists vocabLists) {
	t.lexical = make([]bool, len(t.vocab.ids))
	var buf []byte
	for name, l := range lists {
		words := l.Words
		if d, ok := lexicon.LookupList(name); ok {
			switch d.Kind {
			case lexicon.Verbs:
				words = t.verbForms(words...)
			case lexicon.Words, lexicon.Phrases:
			default:
				continue // (endings, labels, rules: no words of a text)
			}
		}
		for _, w := range words {
			for _, tk := range tokenize(nil, w) {
				buf = t.norm(buf[:0], w[tk.start:tk.end])
				if id := t.vocab.lookup(buf); id >= 0 {
					t.lexical[id] = true
				}
			}
		}
	}
}

// vocabLists holds the taxonomy's word lists by name; a list named in
// several files is their union.
type vocabLists map[string]lumen.WordList

func mergeLists(ls []lumen.WordList) vocabLists {
	lists := vocabLists{}
	for _, l := range ls {
		if old, ok := lists[l.Name]; ok {
			old.Words = append(slices.Clip(old.Words), l.Words...)
			lists[l.Name] = old
			continue
		}
		lists[l.Name] = l
	}
	return lists
}

func (v vocabLists) words(name string) []string { return v[name].Words }

// where names the file a list comes from, for errors.
func (v vocabLists) where(name string) string {
	if src := v[name].Source; src != "" {
		return src
	}
	return name
}

// loadConcepts records the concepts and the roles they play in the rules;
// a role no concept plays turns its rules off with a warning.
func (t *Tagger) loadConcepts(tax lumen.Taxonomy) error {
	roleOf := map[string]*int32{}
	for _, f := range t.roleFields() {
		*f.dst = -1
		roleOf[f.name] = f.dst
	}
	for i, c := range tax.Concepts {
		t.byID[c.ID] = int32(i)
		t.concepts = append(t.concepts, conceptInfo{id: c.ID, kind: kindIndex(lumen.ConceptKind(c.ID)), beneficial: c.Beneficial, harmful: c.Harmful, broader: c.Broader})
		for _, r := range c.Roles {
			dst, ok := roleOf[r]
			if !ok {
				return fmt.Errorf("taxonomy: concept %s: unknown role %q", c.ID, r)
			}
			*dst = int32(i)
		}
	}
	for _, r := range lexicon.Roles() {
		if *roleOf[r.Name] < 0 {
			t.warnings = append(t.warnings, fmt.Sprintf("no concept has the role %q (%s), so these rules are off: %s", r.Name, r.Doc, r.Rules))
		}
	}
	return nil
}

// checkLists warns of the lists the rules read that the vocabulary lacks.
func (t *Tagger) checkLists(lists vocabLists) {
	var missing []string
	for _, l := range lexicon.Lists() {
		if _, ok := lists[l.Name]; !ok {
			missing = append(missing, l.Name)
		}
	}
	if len(missing) > 0 {
		t.warnings = append(t.warnings, fmt.Sprintf("the vocabulary has no list %s: the rules that read them see no words", strings.Join(missing, ", ")))
	}
}

// loadPhrases puts the stop phrases, then the concepts' synonyms, into the
// phrase trie, and records the abbreviations.
func (t *Tagger) loadPhrases(tax lumen.Taxonomy, lists vocabLists) error {
	// Stop phrases first: a taxonomy synonym that equals one overrides it.
	override := t.normSet(lists.words(lexicon.ListSenseOverridePhrases))
	for _, p := range lists.words(lexicon.ListStopPhrases) {
		var flags uint16
		if override[t.normPhrase(p)] {
			flags |= entSenseOverride
		}
		if err := t.addPhrase(p, entry{concept: -1, flags: flags, text: p}); err != nil {
			return fmt.Errorf("vocabulary %s: stop phrase %q: %w", lists.where(lexicon.ListStopPhrases), p, err)
		}
	}
	unplaced := t.normSet(lists.words(lexicon.ListCommunityUnplaced))
	altContext := t.normSet(lists.words(lexicon.ListCommunityAltContextTaxa))
	siteTaxa := t.normSet(lists.words(lexicon.ListCommunitySiteTaxa))
	products := t.normSet(lists.words(lexicon.ListGivenMicrobesProducts))
	broad := t.normSet(lists.words(lexicon.ListBroadSynonyms))
	general := t.normSet(lists.words(lexicon.ListGeneralLesionSynonyms))
	inverse := t.normSet(lists.words(lexicon.ListInverseSynonyms))
	barrierUnplaced := t.normSet(lists.words(lexicon.ListBarrierUnplaced))
	for i, c := range tax.Concepts {
		if len(c.Synonyms) == 0 {
			return fmt.Errorf("taxonomy: concept %d (%s): no synonyms", i+1, c.ID)
		}
		for _, syn := range c.Synonyms {
			n := t.normPhrase(syn)
			var flags uint16
			if inverse[n] {
				flags |= entInverse
			}
			switch {
			case int32(i) == t.community && unplaced[n]:
				flags |= entUnplaced
			case int32(i) == t.community && startsUpper(syn):
				// A named taxon: the primary site's by default, another
				// site's when the words around it say so; one found at
				// many sites (community-site-taxa) only where a site word
				// places it.
				flags |= entTaxon
				if siteTaxa[n] {
					flags |= entSiteTaxon
				}
			case int32(i) == t.communityAlt && altContext[n]:
				// A taxon of the secondary site also found away from it
				// (community-alt-context-taxa): dropped at another site,
				// next to words of resistance, and in a document that
				// names no condition unless the site is named next to it
				// (an isolate of an infection, not a member of the
				// community).
				flags |= entAltTaxon
			case int32(i) == t.barrier && barrierUnplaced[n]:
				flags |= entBarrierUnplaced
			case int32(i) == t.givenMicrobes && !products[n]:
				flags |= entGivenTaxon
			case broad[n]:
				flags |= entBroad
			case general[n]:
				flags |= entGeneralLesion
			}
			if err := t.addPhrase(syn, entry{concept: int32(i), flags: flags, text: syn}); err != nil {
				return fmt.Errorf("taxonomy: concept %d (%s): synonym %q: %w", i+1, c.ID, syn, err)
			}
		}
		for _, w := range c.Modifiers {
			n := t.normPhrase(w)
			if n == "" || strings.Contains(n, " ") {
				return fmt.Errorf("taxonomy: concept %d (%s): modifier %q must be one word", i+1, c.ID, w)
			}
			id := t.vocab.id(n)
			if _, ok := t.modifierOf[id]; !ok {
				t.modifierOf[id] = int32(i)
			}
		}
		for _, a := range c.Abbreviations {
			a = strings.TrimSpace(a)
			if a == "" || strings.ContainsAny(a, " \t\n") {
				return fmt.Errorf("taxonomy: concept %d (%s): abbreviation %q must be one word", i+1, c.ID, a)
			}
			base := t.abbrevBase(a)
			if !slices.Contains(t.abbrevs[base], int32(i)) {
				t.abbrevs[base] = append(t.abbrevs[base], int32(i))
			}
		}
	}
	return nil
}

// splitCue is a verb whose particle may follow its object.
type splitCue struct {
	particle []int32 // the particle's words ("down"; "at bay")
	bits     uint32
}

// splitLists ties the lists of verbs with a separable particle to their
// cue kinds.
var splitLists = []struct {
	list string
	bits uint32
}{
	{lexicon.ListCueIncreaseSplit, cueInc},
	{lexicon.ListCueDecreaseSplit, cueDec},
	{lexicon.ListCueHelpSplit, cueDec | cueHelp},
	{lexicon.ListCueHarmSplit, cueInc | cueHarm},
	{lexicon.ListCueDenialSplit, cueNegRel},
}

// loadAround reads the comparatives and risk nouns worded around an
// outcome ("a higher <Y> risk") and the verbs of help that are verbs only
// after an auxiliary ("did not clear Y").
func (t *Tagger) loadAround(lists vocabLists) error {
	t.riskAround = map[[2]int32]int8{}
	for _, rl := range []struct {
		list string
		dir  int8
	}{{lexicon.ListCueIncreaseAround, 1}, {lexicon.ListCueDecreaseAround, -1}} {
		for _, p := range lists.words(rl.list) {
			vs, err := t.variants(p)
			if err != nil {
				return fmt.Errorf("vocabulary %s: risk %q: %w", lists.where(rl.list), p, err)
			}
			for _, v := range vs {
				if len(v.ids) != 2 {
					return fmt.Errorf("vocabulary %s: risk %q: want a comparative and a noun of one word each", lists.where(rl.list), p)
				}
				t.riskAround[[2]int32{v.ids[0], v.ids[1]}] = rl.dir
			}
		}
	}
	t.afterAux = map[int32]bool{}
	for _, w := range lists.words(lexicon.ListCueHelpAfterAuxiliary) {
		t.afterAux[t.vocab.id(string(t.norm(nil, w)))] = true
	}
	return nil
}

// loadSplit reads the verbs whose particle may follow their object: each
// entry is a verb and a particle of one or two words ("keep at bay").
func (t *Tagger) loadSplit(lists vocabLists) error {
	t.split = map[int32][]splitCue{}
	for _, sl := range splitLists {
		for _, p := range t.verbForms(lists.words(sl.list)...) {
			vs, err := t.variants(p)
			if err != nil {
				return fmt.Errorf("vocabulary %s: cue %q: %w", lists.where(sl.list), p, err)
			}
			for _, v := range vs {
				if len(v.ids) < 2 || len(v.ids) > 3 {
					return fmt.Errorf("vocabulary %s: cue %q: want a verb and a particle of one or two words", lists.where(sl.list), p)
				}
				t.split[v.ids[0]] = append(t.split[v.ids[0]], splitCue{particle: v.ids[1:], bits: sl.bits})
			}
		}
	}
	return nil
}

// splitAt reads a verb at token i whose particle follows its object, one
// to four words later within the same phrase ("brought CRP down", "keeps
// inflammation at bay"). It returns the verb's cue kinds, or 0, and where
// its particle starts and ends.
func (t *Tagger) splitAt(toks []token, i, to int) (bits uint32, pa, pb int) {
	cs := t.split[toks[i].id]
	if len(cs) == 0 {
		return 0, 0, 0
	}
	for j := i + 2; j < to && j <= i+5; j++ {
		if toks[j].flags&flagHard != 0 {
			return 0, 0, 0
		}
	next:
		for _, c := range cs {
			if j+len(c.particle) > to {
				continue
			}
			for k, id := range c.particle {
				if toks[j+k].id != id || k > 0 && toks[j+k].flags&flagHard != 0 {
					continue next
				}
			}
			return c.bits, j, j + len(c.particle)
		}
	}
	return 0, 0, 0
}

// loadCues puts the cue lists into the cue trie, verbs with their forms.
func (t *Tagger) loadCues(lists vocabLists) error {
	adverbs := lists.words(lexicon.ListAimAdverbs)
	for _, cl := range cueLists {
		phrases := lists.words(cl.list)
		if meta, _ := lexicon.LookupList(cl.list); meta.Kind == lexicon.Verbs {
			phrases = t.verbForms(phrases...)
		}
		for _, p := range phrases {
			if err := t.addCue(p, cl.bits); err != nil {
				return fmt.Errorf("vocabulary %s: cue %q: %w", lists.where(cl.list), p, err)
			}
			// "we review" also reads "we also review", "this study
			// evaluated" "this study also evaluated", "to investigate"
			// "to further investigate": an adverb after an aim's first word.
			if first, rest, ok := strings.Cut(p, " "); ok && cl.bits&cueAim != 0 {
				for _, adv := range adverbs {
					if err := t.addCue(first+" "+adv+" "+rest, cl.bits); err != nil {
						return fmt.Errorf("vocabulary %s: cue %q: %w", lists.where(cl.list), p, err)
					}
				}
			}
		}
	}
	return nil
}

// loadDesigns reads the wordings of study designs into the evidence trie,
// and the publication types and MeSH headings that name designs.
func (t *Tagger) loadDesigns(lists vocabLists) error {
	t.pubTypes, t.meshDesigns = map[string]int{}, map[string]int{}
	for _, d := range designLists {
		for _, e := range []struct {
			list string
			code int
		}{{d.phrases, d.code}, {d.self, evSelf + d.code}} {
			if e.list == "" {
				continue
			}
			for _, p := range lists.words(e.list) {
				vs, err := t.variants(p)
				if err != nil {
					return fmt.Errorf("vocabulary %s: design wording %q: %w", lists.where(e.list), p, err)
				}
				for _, v := range vs {
					node := t.evid.insert(v.ids)
					if old := t.evid.payload[node]; old < 0 || int32(e.code) < old {
						t.evid.payload[node] = int32(e.code)
					}
				}
			}
		}
		for _, l := range lists.words(d.pubType) {
			t.pubTypes[strings.ToLower(l)] = d.code
		}
		for _, l := range lists.words(d.mesh) {
			t.meshDesigns[strings.ToLower(l)] = d.code
		}
	}
	for _, p := range lists.words(lexicon.ListCitedTrial) {
		vs, err := t.variants(p)
		if err != nil {
			return fmt.Errorf("vocabulary %s: design wording %q: %w", lists.where(lexicon.ListCitedTrial), p, err)
		}
		for _, v := range vs {
			if node := t.evid.insert(v.ids); t.evid.payload[node] < 0 {
				t.evid.payload[node] = evCitedTrial
			}
		}
	}
	t.meshAnimals = lowerSet(lists.words(lexicon.ListMeshAnimals))
	t.meshHumans = lowerSet(lists.words(lexicon.ListMeshHumans))
	t.pubGeneric = lowerSet(lists.words(lexicon.ListPubtypeGeneric))
	t.meshTimeFrame = lowerSet(lists.words(lexicon.ListMeshTimeFrame))
	return nil
}

// loadMorphology reads the language's word endings, plural stems,
// possessives and verb inflections, the plurals the vocabulary keeps, and
// the sentence splitter's abbreviations and section labels. A list the
// vocabulary lacks leaves its rules without words, as for any list
// (checkLists warns): no ending matches, no plural folds, a verb matches
// only its base form, every full stop before a capital ends a sentence.
func (t *Tagger) loadMorphology(lists vocabLists) error {
	for _, e := range []struct {
		list string
		dst  *[]string
	}{
		{lexicon.ListAdverbEndings, &t.adverbEnd},
		{lexicon.ListComparativeEndings, &t.comparativeEnd},
		{lexicon.ListPastEndings, &t.pastEnd},
		{lexicon.ListParticipleEndings, &t.participleEnd},
		{lexicon.ListReportedEndings, &t.reportedEnd},
		{lexicon.ListGerundEndings, &t.gerundEnd},
		{lexicon.ListPluralEndings, &t.pluralEnd},
		{lexicon.ListEpithetEndings, &t.epithetEnd},
		{lexicon.ListPossessiveEndings, &t.possessiveEnd},
	} {
		for _, w := range lists.words(e.list) {
			*e.dst = append(*e.dst, strings.ToLower(w))
		}
	}
	for _, r := range lists.words(lexicon.ListVerbInflections) {
		a, err := lexicon.ParseAffix(r)
		if err != nil {
			return fmt.Errorf("vocabulary %s: inflection %q %w", lists.where(lexicon.ListVerbInflections), r, err)
		}
		t.inflections = append(t.inflections, a)
	}
	var stems []lexicon.Affix
	for _, r := range lists.words(lexicon.ListPluralStems) {
		a, err := lexicon.ParseAffix(r)
		if err != nil {
			return fmt.Errorf("vocabulary %s: plural stem %q %w", lists.where(lexicon.ListPluralStems), r, err)
		}
		stems = append(stems, a)
	}
	keep := plurals{}
	for _, w := range lists.words(lexicon.ListKeepPlural) {
		keep[strings.ToLower(w)] = true
	}
	t.morph = newMorphology(keep, t.possessiveEnd, stems)
	t.sentRules = newSentenceRules(lists.words(lexicon.ListAbbreviations), lists.words(lexicon.ListSectionLabels))
	return nil
}

// loadClasses gives each word of the class lists its class bits, and
// reads the suffix lists.
func (t *Tagger) loadClasses(lists vocabLists) {
	for _, suf := range lists.words(lexicon.ListTaxonSuffixes) {
		t.taxonSuffixes = append(t.taxonSuffixes, strings.ToLower(suf))
	}
	for _, suf := range lists.words(lexicon.ListAdjectiveEndings) {
		t.adjectiveEndings = append(t.adjectiveEndings, strings.ToLower(suf))
	}
	for _, suf := range lists.words(lexicon.ListNounEndings) {
		t.nounEndings = append(t.nounEndings, strings.ToLower(suf))
	}
	var buf []byte
	for _, ph := range lists.words(lexicon.ListPairExamples) {
		var ids []int32
		for _, tk := range tokenize(nil, ph) {
			buf = t.norm(buf[:0], ph[tk.start:tk.end])
			ids = append(ids, t.vocab.id(string(buf)))
		}
		if len(ids) > 0 {
			t.exampleLeads = append(t.exampleLeads, ids)
		}
	}
	// (every word is given its id before the tables are sized)
	classOf := t.classesOf(lists, classLists)
	classOf2 := t.classesOf(lists, class2Lists)
	classOf3 := t.classesOf(lists, class3Lists)
	classOf4 := t.classesOf(lists, class4Lists)
	t.class = classTable(classOf, len(t.vocab.ids))
	t.class2 = classTable(classOf2, len(t.vocab.ids))
	t.class3 = classTable(classOf3, len(t.vocab.ids))
	t.class4 = classTable(classOf4, len(t.vocab.ids))
}

// classesOf returns the classes of each vocabulary id that the word lists
// of defs give it.
func (t *Tagger) classesOf(lists vocabLists, defs []classList) map[int32]uint64 {
	var buf []byte
	classOf := map[int32]uint64{}
	for _, cl := range defs {
		for _, w := range lists.words(cl.list) {
			buf = t.norm(buf[:0], w)
			classOf[t.vocab.id(string(buf))] |= cl.cls
		}
	}
	return classOf
}

// classTable lays the classes of each id out as a table of n ids.
func classTable(classOf map[int32]uint64, n int) []uint64 {
	tab := make([]uint64, n)
	for id, cls := range classOf {
		tab[id] = cls
	}
	return tab
}

// loadReferring ties each referring noun (cl2Referring) to the concepts
// with a synonym of several words that ends in it: "overgrowth" stands for
// the concept of "small intestinal bacterial overgrowth".
func (t *Tagger) loadReferring(tax lumen.Taxonomy) {
	t.referTo = map[int32][]int32{}
	t.referMid = map[int32][]int32{}
	t.headOf = map[int32][]int32{}
	var buf []byte
	for i, c := range tax.Concepts {
		for _, syn := range c.Synonyms {
			f := strings.Fields(syn)
			if len(f) < 2 {
				continue
			}
			buf = t.norm(buf[:0], f[len(f)-1])
			id := t.vocab.lookup(buf)
			if id >= 0 && int(id) < len(t.class4) && t.class4[id]&cl4ConditionHead != 0 && c.Kind == lumen.KindCondition &&
				!slices.Contains(t.headOf[id], int32(i)) {
				t.headOf[id] = append(t.headOf[id], int32(i))
			}
			if id < 0 || int(id) >= len(t.class2) || t.class2[id]&cl2Referring == 0 {
				continue
			}
			if len(f) > 2 {
				buf = t.norm(buf[:0], f[len(f)-2])
				if mid := t.vocab.lookup(buf); mid >= 0 && !slices.Contains(t.referMid[id], mid) {
					t.referMid[id] = append(t.referMid[id], mid)
				}
			}
			if !slices.Contains(t.referTo[id], int32(i)) {
				t.referTo[id] = append(t.referTo[id], int32(i))
			}
		}
	}
}

// lowerSet is the set of the lower-cased words.
func lowerSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

// Warnings lists what the tagger cannot do with its taxonomy and
// vocabulary: roles that no concept plays (their rules are off) and lists
// the vocabulary lacks. Callers log them when they build the tagger.
func (t *Tagger) Warnings() []string { return slices.Clone(t.warnings) }

// Version identifies the taxonomy and the rules, e.g.
// "tax-2026.11+r5.0c9f3a2b": the taxonomy's version, the rules'
// revision and a fingerprint of the taxonomy's content, so that it changes
// whenever either changes, even if someone edits a taxonomy and forgets to
// bump its version.
func (t *Tagger) Version() string { return t.version }

func fingerprint(tax lumen.Taxonomy) string {
	h := sha256.New()
	for _, c := range tax.Concepts {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%v\x00%v\x00", c.ID, c.Kind, c.Label, c.MeSH, c.Broader, c.Beneficial, c.Harmful)
		for _, s := range c.Synonyms {
			fmt.Fprintf(h, "s%s\x00", s)
		}
		for _, s := range c.Abbreviations {
			fmt.Fprintf(h, "a%s\x00", s)
		}
		for _, s := range c.Roles {
			fmt.Fprintf(h, "r%s\x00", s)
		}
	}
	if len(tax.PairModel) > 0 {
		fmt.Fprintf(h, "m%d\x00", len(tax.PairModel))
		h.Write(tax.PairModel)
	}
	for _, l := range tax.Vocabulary {
		fmt.Fprintf(h, "l%s\x00", l.Name)
		for _, w := range l.Words {
			fmt.Fprintf(h, "w%s\x00", w)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// norm appends the normalised form of word to dst (appendNorm with the
// lexicon's morphology).
func (t *Tagger) norm(dst []byte, word string) []byte { return appendNorm(dst, word, &t.morph) }

// normPhrase returns the normalised words of a phrase joined by spaces.
func (t *Tagger) normPhrase(p string) string {
	toks := tokenize(nil, p)
	var b []byte
	for i, tk := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = t.norm(b, p[tk.start:tk.end])
	}
	return string(b)
}

func (t *Tagger) normSet(phrases []string) map[string]bool {
	m := make(map[string]bool, len(phrases))
	for _, p := range phrases {
		m[t.normPhrase(p)] = true
	}
	return m
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// abbrevBase strips a plural ending (plural-endings) from an upper-case
// short form ("ADs" -> "AD").
func (t *Tagger) abbrevBase(s string) string {
	for _, e := range t.pluralEnd {
		if b, ok := strings.CutSuffix(s, e); ok && len(b) >= 2 && 'A' <= b[len(b)-1] && b[len(b)-1] <= 'Z' {
			return b
		}
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
		buf = t.norm(buf[:0], w)
		if len(buf) == 0 {
			return nil, fmt.Errorf("word %q normalises to nothing", w)
		}
		plain.ids = append(plain.ids, t.vocab.id(string(buf)))
		c := ""
		if tk.flags&flagInnerUpper != 0 {
			c = t.abbrevBase(w)
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
			buf = t.norm(buf[:0], string(raw))
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
	abbrAlt map[string]bool  // short forms of a named taxon of the secondary site (entAltTaxon)
	abbrInv map[string]bool  // short forms of a synonym that names its concept's opposite (entInverse: "minimal erythema dose (MED)")
	// abbrLater holds each short form's definitions after its first that
	// change what it stands for, in text order: "heparan sulfate (HS)",
	// then "hidradenitis suppurativa (HS)".
	abbrLater map[string][]abbrDef
	// implicitBases are the short forms read from a long form alone.
	implicitBases []string
	set           []int32
	unclaimed     []lumen.Claim // Result.Unclaimed, as claims reads them
	confBase      float64       // the last claim's confidence before the doubts that follow its pairs (confidence)
	claimConf     []float64     // confBase of each claim claims returns, in order
	claimSegs     []int32       // the byte offsets where the claims' later clauses start, claimSegAt[i] on for claim i
	claimSegAt    []int         // per claim, its first entry in claimSegs
	cueHits       []cueHit
	particles     [][2]int32 // the particles of the sentence's split cues ("keeps <X> in check")
	segs          []int32    // clause starts of the sentence being analysed, in tokens
	siteSents     []int8     // per sentence, siteSentence's answer once read: 0 not yet, 1 yes, 2 no
	altTaxa       []int32    // senses: named taxa of the secondary site, kept only where the document names a condition
	heads         []headRef  // bareWords: the condition named last by a name ending in each head noun
	seen          []bool     // per concept
	titleToks     []token
	pairs         pairScratch
	text          string  // the text being tagged
	sentHarm      []uint8 // per sentence, what harmfulChange reads (imbalance.go)
	flareSent     []int32 // per sentence: the one flaring condition it names, -1 none, -2 several (bareWords)
	noMoreAt      []int32 // the "no more than" of a result no larger than the control arm's (noMoreThanControl)
	// lackAt is the lacking-word of evidence said to be lacking
	// (evidenceLacking) in the sentence being analysed, -1 none; it denies
	// the predicates in lackSpan.
	lackAt   int32
	lackSpan [2]int32
	// lackNeg is the negator of a word of enough evidence said to be
	// lacking ("is not sufficient"), -1 none: lackAt's, not a denial of
	// its own.
	lackNeg int32
}

// mention is a concept mention during tagging, in tokens and bytes.
type mention struct {
	tokStart, tokEnd int32 // token range [tokStart, tokEnd)
	start, end       int32 // bytes
	concept          int32
	flags            uint16 // entry flags of the synonym; for rule-made mentions, what made them
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
	s.text = text
	s.lackAt, s.lackNeg = -1, -1
	s.cueHits = s.cueHits[:0] // (read per sentence by the claims; none from the document before)
	defer func() { s.text = "" }()

	s.toks = tokenize(s.toks[:0], text)
	for i := range s.toks {
		tk := &s.toks[i]
		s.norm = t.norm(s.norm[:0], text[tk.start:tk.end])
		tk.id = t.vocab.lookup(s.norm)
	}
	s.sents = t.sentRules.split(s.sents[:0], text)
	s.siteSents = slices.Grow(s.siteSents[:0], len(s.sents)+1)[:len(s.sents)+1]
	clear(s.siteSents)
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

	override := t.match(s, text)
	t.applyAbbreviations(s, text)
	t.applyContextRules(s, text, override)

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
	res.Unclaimed = slices.Clone(s.unclaimed)
	if t.learned != nil {
		t.addLearnedPairs(&res, s)
		t.promote(&res)
	}
	return res
}

// promote adds the claims the taxonomy's pair model reads in the sentences
// the rules read as none (pairmodel.Model.ReadUnclaimed): with the pairs it
// reads, hedged as the rules read the sentence, denied as a whole when
// every pair is, the sentence's evidence and section, and a confidence of
// half the model's probability, so that curators see them among the least
// sure.
func (t *Tagger) promote(res *Result) {
	var added []lumen.Claim
	for _, c := range res.Unclaimed {
		ments := mentionsIn(res.Mentions, c.Start, c.End)
		c.Mentions = ments
		p := t.learned.ReadUnclaimed(&c)
		if p == 0 {
			continue
		}
		c.Mentions = nil
		for _, m := range ments {
			c.Concepts = append(c.Concepts, m.Concept)
		}
		slices.Sort(c.Concepts)
		c.Concepts = slices.Compact(c.Concepts)
		// The summary of its pairs: the effect of the first not denied,
		// or denied as a whole.
		c.Negated, c.Relation = true, lumen.RelationNoEffect
		if i := slices.IndexFunc(c.Relations, undenied); i >= 0 {
			c.Negated, c.Relation = false, c.Relations[i].Effect
		}
		c.Confidence = math.Round(p*50) / 100
		added = append(added, c)
	}
	if len(added) > 0 {
		res.Claims = append(res.Claims, added...)
		slices.SortStableFunc(res.Claims, func(a, b lumen.Claim) int { return a.Start - b.Start })
	}
}

// addLearnedPairs adds to each claim the pairs the taxonomy's pair model
// reads where the rules gave none, drops the rules' pairs it reads as
// unrelated, and lets it name the effects of the rules' pairs if it is made
// to (package pairmodel).
func (t *Tagger) addLearnedPairs(res *Result, s *scratch) {
	confBase := s.claimConf
	for i := range res.Claims {
		c := &res.Claims[i]
		ments := mentionsIn(res.Mentions, c.Start, c.End)
		if len(ments) < 2 {
			continue
		}
		read := *c // Read changes its pairs only when it reports a change
		read.Mentions = ments
		if !t.learned.Read(&read) {
			continue
		}
		// The model adds no pair across clauses that each relate their
		// own concepts ("A high-fat diet worsened psoriasis, whereas
		// propionate reduced IL-17A": no diet > IL-17A).
		segs := s.claimSegs[s.claimSegAt[i]:]
		if i+1 < len(s.claimSegAt) {
			segs = s.claimSegs[s.claimSegAt[i]:s.claimSegAt[i+1]]
		}
		if len(segs) > 0 {
			read.Relations = slices.DeleteFunc(read.Relations, func(r lumen.Relation) bool {
				return !slices.ContainsFunc(c.Relations, func(k lumen.Relation) bool { return samePair(k, r) }) &&
					acrossClauses(ments, segs, c.Relations, r)
			})
		}
		undeniedBefore := slices.ContainsFunc(c.Relations, undenied)
		dropped := slices.ContainsFunc(c.Relations, func(r lumen.Relation) bool {
			return !slices.ContainsFunc(read.Relations, func(k lumen.Relation) bool { return k.Subject == r.Subject && k.Object == r.Object })
		})
		c.Relations = read.Relations
		// The summary of the pairs, as the rules make it: the effect of
		// the first pair not denied, or denied as a whole when every pair
		// is; but a sentence the rules read as undenied over pairs all
		// denied already stays so ("it is not the case that X has no
		// effect on Y"). A claim that lost pairs is hedged as its pairs
		// are.
		switch i := slices.IndexFunc(c.Relations, undenied); {
		case i >= 0:
			c.Negated, c.Relation = false, c.Relations[i].Effect
		case c.Negated || undeniedBefore:
			c.Negated, c.Relation = true, lumen.RelationNoEffect
		}
		if dropped {
			c.Hedged = t.hedgedClaim(c.Relations)
		}
		// the doubts that follow the pairs, as the new pairs say
		c.Confidence = withPairs(confBase[i], allRelated(c.Concepts, c.Relations), c.Hedged, c.Negated)
	}
}

func undenied(r lumen.Relation) bool { return !r.Negated }

// samePair reports whether relations a and b join the same two concepts.
func samePair(a, b lumen.Relation) bool {
	return a.Subject == b.Subject && a.Object == b.Object || a.Subject == b.Object && a.Object == b.Subject
}

// acrossClauses reports whether no clause of the claim (later clauses
// start at segs, byte offsets) names both concepts of r, while each of
// them is related by a rules' pair to a concept of its own clause.
func acrossClauses(ments []lumen.Mention, segs []int32, rules []lumen.Relation, r lumen.Relation) bool {
	clauseOf := func(at int) int {
		n := 0
		for _, b := range segs {
			if int(b) <= at {
				n++
			}
		}
		return n
	}
	// A clause names a concept by a mention of it, or by the same words
	// as a mention of it elsewhere that the rules read otherwise ("in the
	// S. boulardii group, but S. boulardii failed to lower IgE").
	named := func(clause int, concept string) bool {
		return slices.ContainsFunc(ments, func(m lumen.Mention) bool {
			if clauseOf(m.Start) != clause {
				return false
			}
			return m.Concept == concept || slices.ContainsFunc(ments, func(o lumen.Mention) bool {
				return o.Concept == concept && strings.EqualFold(o.Text, m.Text)
			})
		})
	}
	for c := 0; c <= len(segs); c++ {
		if named(c, r.Subject) && named(c, r.Object) {
			return false
		}
	}
	ownPair := func(concept string) bool {
		for _, k := range rules {
			other := ""
			switch concept {
			case k.Subject:
				other = k.Object
			case k.Object:
				other = k.Subject
			default:
				continue
			}
			for c := 0; c <= len(segs); c++ {
				if named(c, concept) && named(c, other) {
					return true
				}
			}
		}
		return false
	}
	return ownPair(r.Subject) && ownPair(r.Object)
}

// mentionsIn returns the mentions (sorted by start) that start in
// [start, end).
func mentionsIn(ments []lumen.Mention, start, end int) []lumen.Mention {
	byStart := func(m lumen.Mention, at int) int { return m.Start - at }
	from, _ := slices.BinarySearchFunc(ments, start, byStart)
	to, _ := slices.BinarySearchFunc(ments, end, byStart)
	return ments[from:to]
}

// match walks the phrase trie from every token and records the longest
// match. It reports whether a stop phrase that overrides the sense of
// broad synonyms (sense-override-phrases) was seen.
func (t *Tagger) match(s *scratch, text string) (override bool) {
	toks := s.toks
	s.ments = s.ments[:0]
	s.stopTok = s.stopTok[:0]
	for range toks {
		s.stopTok = append(s.stopTok, false)
	}
	for i := 0; i < len(toks); {
		best, bestEnd := t.phrases.longest(toks, i, len(toks), func(e int32, next int) bool {
			return t.casedOK(&t.entries[e], text, toks[i:next])
		})
		if p, end := t.sharedModifier(s, text, i); p >= 0 && end == i+1 && end >= bestEnd &&
			(best < 0 || t.entries[p].concept != t.entries[best].concept && t.entries[best].flags&(entBarrierUnplaced|entUnplaced) == 0) {
			// "skin elasticity and hydration": the modifier of the item
			// before the conjunction is this item's too (skin hydration);
			// only a one-word item, and one that names the same concept
			// alone, or a word the site rules place, keeps its own reading
			// ("skin hydration and barrier function")
			best, bestEnd = p, end
		}
		if best < 0 {
			e, ok := t.sharedHead(text, toks, i)
			if !ok {
				e, ok = t.suspendedPrefix(text, toks, i)
			}
			if !ok {
				if c, end := t.modifierHead(s, text, i); end > i {
					s.ments = append(s.ments, mention{
						tokStart: int32(i), tokEnd: int32(end),
						start: toks[i].start, end: toks[end-1].end,
						concept: c, flags: entRule,
					})
					i = end
					continue
				}
			}
			if ok {
				s.ments = append(s.ments, mention{
					tokStart: int32(i), tokEnd: int32(i + 1),
					start: toks[i].start, end: toks[i].end,
					concept: e.concept, flags: e.flags,
				})
			}
			i++
			continue
		}
		e := &t.entries[best]
		if e.concept < 0 {
			if e.flags&entSenseOverride != 0 {
				override = true
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
	return override
}

// sharedModifier reads the item after a conjunction whose first word the
// mention before it shares ("skin elasticity and hydration", "skin
// elasticity, firmness and hydration"): the mention before the
// conjunction starts with a word that, put before the words at token i,
// makes a phrase of the taxonomy of its own. It returns that phrase's
// entry and end, or -1.
func (t *Tagger) sharedModifier(s *scratch, text string, i int) (int32, int) {
	toks := s.toks
	n := len(s.ments)
	if i < 3 || n == 0 || !t.hasClass(toks[i-1], clsConj) || toks[i].flags&flagHard != 0 || toks[i-1].flags&flagHard != 0 {
		return -1, i
	}
	prev := s.ments[n-1]
	if int(prev.tokEnd) < i-2 || int(prev.tokEnd) > i-1 || prev.tokEnd-prev.tokStart < 2 || prev.concept < 0 {
		return -1, i // (the mention right before the conjunction, or before one more item)
	}
	m := prev.tokStart
	if toks[i].flags&flagLetter == 0 || t.hasClass(toks[i], clsArticle|clsDeterminer|clsConj) || toks[i].id == toks[m+1].id || t.ingForm(s, m) {
		return -1, i // ("vitamin A and a probiotic": an article; the same phrase again; a verb, "excluding dairy or brewer's yeast")
	}
	node := t.phrases.next(0, toks[m].id)
	if node < 0 {
		return -1, i
	}
	best, bestEnd := int32(-1), i
	for j := i; j < len(toks) && j < i+4; j++ {
		if j > i && toks[j].flags&flagHard != 0 {
			break
		}
		if node = t.phrases.next(node, toks[j].id); node < 0 {
			break
		}
		if p := t.phrases.payload[node]; p >= 0 && t.entries[p].concept >= 0 && t.entries[p].cased == nil &&
			!(t.concepts[prev.concept].kind == kindIntervention && t.concepts[t.entries[p].concept].kind != kindIntervention) {
			// (not from an intervention to another kind: "skin care and
			// hydration" is care and drinking water)
			best, bestEnd = p, j+1
		}
	}
	if best >= 0 && bestEnd < len(toks) && s.tokSent[bestEnd] == s.tokSent[i] && toks[bestEnd].flags&flagHard == 0 &&
		toks[bestEnd].id >= 0 && toks[bestEnd].flags&flagLetter != 0 && t.class[toks[bestEnd].id] == 0 && t.class2[toks[bestEnd].id] == 0 &&
		!t.knownAt(toks, bestEnd) {
		return -1, i // ("hydration advice": the item is a modifier of a noun of its own)
	}
	return best, bestEnd
}

// modifierHead reads a taxonomy modifier and the noun after it
// ("fermented wheat germ"): the modifier at token i, not after a verb's
// auxiliary ("were fermented"), then a word in the same sentence, one
// space away, that is no function word ("fermented by bacteria" names
// nothing), then up to two more words that start no cue, no phrase and
// belong to no word class (the rest of the noun: "wheat germ"). It returns the concept and the end
// of the mention, or an end of i when there is none.
func (t *Tagger) modifierHead(s *scratch, text string, i int) (int32, int) {
	toks := s.toks
	id := toks[i].id
	if id < 0 || t.modifierFor[id] < 0 || i+1 >= len(toks) || s.tokSent[i+1] != s.tokSent[i] {
		return -1, i
	}
	c := t.modifierFor[id]
	if i > 0 && s.tokSent[i-1] == s.tokSent[i] && toks[i].flags&flagHard == 0 &&
		(t.hasClass(toks[i-1], clsCopula) || t.hasClass2(toks[i-1], cl2PassiveAux|cl2Have|cl2Been|cl2Modal|cl2Relative)) {
		return -1, i // "fibres are fermented ...": a verb
	}
	end := i + 1
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		tk := toks[k]
		if tk.flags&flagHard != 0 || tk.flags&flagLetter == 0 || text[toks[k-1].end:tk.start] != " " || s.tokSent[k] != s.tokSent[i] {
			break
		}
		if k > i+1 && tk.id >= 0 && (t.class[tk.id] != 0 || t.class2[tk.id] != 0 || t.knownAt(toks, k)) {
			break // the noun ends before a word of the rules, a cue or a concept
		}
		if tk.id >= 0 && (t.hasClass(tk, clsDeterminer|clsArticle|clsConj|clsCopula) ||
			t.hasClass2(tk, cl2PairBy|cl2PairOf|cl2PairObjectPrep|cl2PairCausePrep|cl2Relative|cl2PassiveAux|cl2Modal|
				cl2PurposeTo|cl2Purpose|cl2Via|cl2Than|cl2FindingPrep|cl2Have|cl2Adjunct)) {
			break // "fermented by gut bacteria", "fermented in the colon"
		}
		end = k + 1
	}
	if end == i+1 {
		return -1, i
	}
	return c, end
}

// knownAt reports whether a cue or a phrase matches at token k.
func (t *Tagger) knownAt(toks []token, k int) bool {
	end := min(len(toks), k+8)
	if p, _ := t.phrases.longest(toks, k, end, nil); p >= 0 {
		return true
	}
	p, _ := t.cues.longest(toks, k, end, nil)
	return p >= 0
}

// sharedHead reads a modifier that shares its head noun with the next one
// ("gut and blood-brain barrier", "gut or skin microbiome"): the word at
// token i, then "and" or "or", then up to three words ending in a head that
// makes a two-word synonym with it ("gut barrier"). The word alone names
// that synonym's concept.
func (t *Tagger) sharedHead(text string, toks []token, i int) (*entry, bool) {
	if i+3 >= len(toks) || !t.hasClass(toks[i+1], clsConj) || toks[i+1].flags&flagHard != 0 {
		return nil, false
	}
	if i > 0 && toks[i].flags&flagHard == 0 && !t.hasClass(toks[i-1], clsArticle|clsDeterminer) &&
		!t.hasClass2(toks[i-1], cl2PairObjectPrep|cl2PairCausePrep|cl2PairOf) {
		return nil, false // "thicker skin and better barrier": the word is a noun of its own
	}
	node := t.phrases.next(0, toks[i].id)
	if node < 0 {
		return nil, false
	}
	suspended := text[toks[i].end:toks[i+1].start] == "- "
	for h := i + 3; h < len(toks) && h <= i+5; h++ {
		k := h - 1
		if toks[h].flags&flagHard != 0 || t.hasClass(toks[k], clsComparative|clsLess|clsArticle|clsDeterminer) ||
			k > i+2 && text[toks[k-1].end:toks[k].start] != "-" {
			break // "thicker skin and better barrier function": no shared head; "blood-brain" is one modifier
		}
		if p, _ := t.phrases.longest(toks, h, len(toks), nil); p >= 0 {
			break // "skin and better barrier function": the head phrase names a concept of its own
		}
		// The head may be more than one word after a hanging hyphen:
		// "enteric- and central nervous system".
		n, span := node, 1
		if suspended {
			span = 3
		}
		for j := h; j < len(toks) && j < h+span; j++ {
			if j > h && toks[j].flags&flagHard != 0 {
				break
			}
			if n = t.phrases.next(n, toks[j].id); n < 0 {
				break
			}
			// A community keeps its own rules for shared sites ("gut and
			// oral microbiota", sites.go).
			if p := t.phrases.payload[n]; p >= 0 && t.entries[p].concept >= 0 && t.entries[p].cased == nil &&
				t.entries[p].concept != t.community {
				return &t.entries[p], true
			}
		}
	}
	return nil, false
}

// suspendedPrefix reads a prefix left hanging before "and" or "or" that
// takes the stem of the next word ("pre- and probiotics", "pro- or
// postbiotics"): the word at token i, a hyphen and a space, the
// conjunction, then one word whose ending after its own prefix makes a
// one-word synonym with it ("pre" + "biotics"). The prefix alone names
// that synonym's concept.
func (t *Tagger) suspendedPrefix(text string, toks []token, i int) (*entry, bool) {
	// Other hanging prefixes may stand between, each after a comma:
	// "pre-, pro- and synbiotics" (and "pro-and", a space lost).
	j := i
	for j+1 < len(toks) && j < i+3 && text[toks[j].end:toks[j+1].start] == "-, " {
		j++
	}
	if j+2 >= len(toks) || !t.hasClass(toks[j+1], clsConj) || toks[j+1].flags&flagHard != 0 || toks[j+2].flags&flagHard != 0 {
		return nil, false
	}
	if gap := text[toks[j].end:toks[j+1].start]; gap != "- " && gap != "-" {
		return nil, false
	}
	x, w := text[toks[i].start:toks[i].end], text[toks[j+2].start:toks[j+2].end]
	if len(x) < 2 || len(x) > 6 || toks[i].flags&flagDigit != 0 {
		return nil, false
	}
	var buf []byte
	for cut := 2; cut <= 5 && cut+3 < len(w); cut++ {
		buf = t.norm(buf[:0], x+w[cut:])
		n := t.phrases.next(0, t.vocab.lookup(buf))
		if n < 0 {
			continue
		}
		if p := t.phrases.payload[n]; p >= 0 && t.entries[p].concept >= 0 && t.entries[p].cased == nil {
			return &t.entries[p], true
		}
	}
	return nil, false
}

// casedOK checks the spelling of the words of a phrase that must keep their
// case (acronyms such as "ABC", "AbC"); a plural ending (plural-endings)
// is allowed.
func (t *Tagger) casedOK(e *entry, text string, toks []token) bool {
	if e.cased == nil {
		return true
	}
	for k, c := range e.cased {
		if c == "" {
			continue
		}
		w := text[toks[k].start:toks[k].end]
		if w != c && !(len(w) > len(c) && w[:len(c)] == c && slices.Contains(t.pluralEnd, w[len(c):])) {
			return false
		}
	}
	return true
}
