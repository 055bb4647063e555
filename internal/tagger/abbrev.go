package tagger

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// applyAbbreviations finds short forms defined in the document, as in
// "long form words (LFW)", and tags their later uses. A short form means a
// concept when the words before the parenthesis end with a mention of it
// and spell the short form (Schwartz and Hearst's rule), or when the
// taxonomy lists it as an abbreviation of that concept. A short form
// defined as something else (a disease outside the taxonomy with the same
// initials) silences a synonym spelled the same way in that document only.
func (t *Tagger) applyAbbreviations(s *scratch, text string) {
	if s.abbr == nil {
		s.abbr = make(map[string]int32)
		s.defTok = make(map[int32]bool)
		s.abbrAt = make(map[string]int32)
		s.abbrAlt = make(map[string]bool)
		s.abbrInv = make(map[string]bool)
		s.abbrLater = make(map[string][]abbrDef)
	}
	clear(s.abbr)
	clear(s.defTok)
	clear(s.abbrAt)
	clear(s.abbrAlt)
	clear(s.abbrInv)
	clear(s.abbrLater)
	t.indexMentions(s)
	for k := range s.toks {
		base, ok := t.shortFormCandidate(s, text, k)
		switch {
		case !ok:
		case s.defined(base):
			t.redefineShortForm(s, text, k, base)
		default:
			t.defineShortForm(s, text, k, base)
		}
	}
	t.implicitAbbreviations(s, text)
	if len(s.abbr) == 0 {
		return
	}
	closeDefinitions(s, text)
	t.silenceRedefined(s, text)
	t.tagShortForms(s, text)
	t.indexMentions(s)
}

// closeDefinitions makes the brackets of a short form's definition
// transparent to the word right after them: in "oral epigallocatechin
// gallate (EGCG) attenuated Y" the verb follows its subject as it would
// without the brackets, no clause opened by a bracket. A comma or another
// mark after the bracket keeps its break, and so does a concept right
// after it: "In patients with small intestinal bacterial overgrowth (SIBO)
// rifaximin improved Y" has a phrase of setting with no comma, and the
// concept after the bracket opens the clause.
func closeDefinitions(s *scratch, text string) {
	toks := s.toks
	for k := range s.defTok {
		if int(k)+1 >= len(toks) || s.tokMent[k+1] >= 0 {
			continue
		}
		gap := strings.TrimSpace(text[toks[k].end:toks[k+1].start])
		if gap == ")" || gap == "]" {
			toks[k+1].flags &^= flagClause | flagHard
		}
	}
}

// shortFormAt reports whether token k is a short form the document
// defines, where it is defined or used after ("nitric oxide (NO)"): a
// name, whatever word it spells ("NO" is no negator).
func (t *Tagger) shortFormAt(s *scratch, k int) bool {
	tk := s.toks[k]
	if tk.flags&flagInnerUpper == 0 || len(s.abbr) == 0 {
		return false
	}
	if s.defTok[int32(k)] {
		return true
	}
	base := t.shortForm(s.text[tk.start:tk.end])
	_, ok := s.abbr[base]
	return ok && int32(k) >= s.abbrAt[base]
}

// shortFormCandidate reports whether token k may be a short form being
// defined, and its base: a capitalised word of 2 to 10 characters with an
// inner capital or a digit, in parentheses, after words that introduce a
// short form or before a long form in parentheses (defined before or not:
// redefineShortForm reads a second definition).
func (t *Tagger) shortFormCandidate(s *scratch, text string, k int) (string, bool) {
	toks := s.toks
	tk := toks[k]
	if tk.flags&(flagCapital|flagInnerUpper) == 0 || tk.flags&flagLetter == 0 {
		return "", false
	}
	sf := text[tk.start:tk.end]
	if len(sf) < 2 || len(sf) > 10 {
		return "", false
	}
	if tk.flags&flagInnerUpper == 0 && !hasDigit(sf) {
		// "(Table)" or "(Wales)": one capital is not a short form.
		return "", false
	}
	// Most capitals are neither in parentheses, nor after words that
	// introduce a short form, nor before a long form in parentheses.
	if !(k > 0 && (byteBefore(text, int(tk.start)) == '(' || byteBefore(text, int(tk.start)) == '[' ||
		t.hasClass2(toks[k-1], cl2AbbrIntro)) || byteAfter(text, int(tk.end)) == '(') {
		return "", false
	}
	return t.abbrevBase(sf), true
}

// abbrDef is one definition of a short form: from token at on, it stands
// for concept (-1: something the taxonomy lacks).
type abbrDef struct {
	at       int32
	concept  int32
	alt, inv bool // as abbrAlt and abbrInv
}

// defined reports whether the document defined short form base before.
func (s *scratch) defined(base string) bool {
	_, ok := s.abbr[base]
	return ok
}

// abbrDefAt returns the definition of short form base in force at token k:
// the last one at or before k, the first one before any.
func (s *scratch) abbrDefAt(base string, k int32) (abbrDef, bool) {
	c, ok := s.abbr[base]
	if !ok {
		return abbrDef{}, false
	}
	d := abbrDef{at: s.abbrAt[base], concept: c, alt: s.abbrAlt[base], inv: s.abbrInv[base]}
	for _, l := range s.abbrLater[base] {
		if l.at > k {
			break
		}
		d = l
	}
	return d, true
}

// redefineShortForm reads a second definition of a short form the
// document defined before: when it stands for something else ("heparan
// sulfate (HS)" then "hidradenitis suppurativa (HS)", "acne vulgaris (AV)"
// then "allergic vasculitis (AV)"), the uses after it take the new
// meaning, and the uses before it keep the first.
func (t *Tagger) redefineShortForm(s *scratch, text string, k int, base string) {
	prev, _ := s.abbrDefAt(base, int32(k))
	first := abbrDef{at: s.abbrAt[base], concept: s.abbr[base], alt: s.abbrAlt[base], inv: s.abbrInv[base]}
	nments := len(s.ments)
	wasDef := s.defTok[int32(k)]
	// Read as a first definition, then put the first back.
	delete(s.abbr, base)
	s.abbrAlt[base], s.abbrInv[base] = false, false
	t.defineShortForm(s, text, k, base)
	c, ok := s.abbr[base]
	d := abbrDef{at: s.abbrAt[base], concept: c, alt: s.abbrAlt[base], inv: s.abbrInv[base]}
	s.abbr[base], s.abbrAt[base], s.abbrAlt[base], s.abbrInv[base] = first.concept, first.at, first.alt, first.inv
	switch {
	case !ok || d.at != int32(k):
		// no definition here
	case d.concept < 0 && !otherLongForm(s, text, k, int(first.at), base):
		// A long form that names nothing of the taxonomy redefines the
		// short form only before its parenthesis, spelling it by the
		// initials of the words next to it in its sentence, unlike the
		// first definition's words: "(AD; 132)" after "In 913
		// children", "patients with HS (hospital sample)" and a misspelt
		// repeat, "atopic dermatits (AD)", redefine nothing.
	case d.concept == prev.concept:
		return // the same again: a definition, nothing new
	default:
		s.abbrLater[base] = append(s.abbrLater[base], d)
		return
	}
	// Undo what the reading left: the short form here is a use.
	s.ments = s.ments[:nments]
	if !wasDef {
		delete(s.defTok, int32(k))
	}
}

// otherLongForm reports whether the words before the parenthesis of the
// short form at token k spell it by their initials, in its sentence, and
// differ from the words before its first definition at token first: one
// word at least does not begin as the first definition's word in its
// place does ("allergic vasculitis" after "acne vulgaris"; not "atopic
// dermatits" after "atopic dermatitis").
func otherLongForm(s *scratch, text string, k, first int, base string) bool {
	words, ok := initialWords(s, text, k, base)
	if !ok {
		return false
	}
	before, ok := initialWords(s, text, first, base)
	if !ok {
		before, ok = wordsInParens(s, text, first, len(words))
	}
	if !ok {
		return true // the first definition's long form is not spelt by initials
	}
	for i := range words {
		a, b := s.toks[words[i]], s.toks[before[i]]
		if !strings.EqualFold(prefix(text[a.start:a.end], 4), prefix(text[b.start:b.end], 4)) {
			return true
		}
	}
	return false
}

// initialWords returns the tokens of the words right before the
// parenthesis of the short form at token k, in its sentence, when their
// initials spell it: "allergic vasculitis (AV)". A short form before its
// parenthesis ("HS (...)") has none.
func initialWords(s *scratch, text string, k int, base string) ([]int, bool) {
	var letters []byte
	for i := 0; i < len(base); i++ {
		if c := lowerByte(base[i]); isAlnum(c) {
			letters = append(letters, c)
		}
	}
	n := len(letters)
	toks := s.toks
	if n < 2 || k >= len(toks) || byteAfter(text, int(toks[k].end)) == '(' {
		return nil, false
	}
	var words []int
	for j := k - 1; j >= 0 && len(words) < n && s.tokSent[j] == s.tokSent[k]; j-- {
		words = append(words, j)
	}
	if len(words) != n {
		return nil, false
	}
	slices.Reverse(words)
	for i, j := range words {
		if lowerByte(text[toks[j].start]) != letters[i] {
			return nil, false
		}
	}
	return words, true
}

// wordsInParens returns the first n words in the parentheses right after
// the short form at token k, in its sentence: the long form of "AD (atopic
// dermatitis)".
func wordsInParens(s *scratch, text string, k, n int) ([]int, bool) {
	toks := s.toks
	if k >= len(toks) || byteAfter(text, int(toks[k].end)) != '(' {
		return nil, false
	}
	var words []int
	for j := k + 1; j < len(toks) && len(words) < n && s.tokSent[j] == s.tokSent[k]; j++ {
		words = append(words, j)
	}
	return words, len(words) == n
}

// prefix returns the first n bytes of w, or w.
func prefix(w string, n int) string {
	if len(w) > n {
		return w[:n]
	}
	return w
}

// defineShortForm reads the definition of the short form at token k:
// "long form (LF)", "(or LF)", "long form, also called LF," (or "LF (long
// form)" by reverseDefinition), and records the concept it stands for.
func (t *Tagger) defineShortForm(s *scratch, text string, k int, base string) {
	toks := s.toks
	tk := toks[k]
	if k == 0 {
		t.reverseDefinition(s, text, k, base)
		return
	}
	// The long form ends before the short form, or before words that
	// introduce it: "long form (LF)", "(or LF)", "(also known as LF)",
	// "long form, also called LF,".
	e := k
	for e > 1 && k-e < 4 && t.hasClass2(toks[e-1], cl2AbbrIntro) && toks[e].flags&flagClause == 0 {
		e--
	}
	gap := text[toks[e-1].end:toks[e].start]
	switch {
	case openParenBefore(text, int(toks[e-1].end), int(toks[e].start)) && closeAfter(text, int(tk.end)):
	case e < k && strings.TrimSpace(gap) == ",":
	default:
		t.reverseDefinition(s, text, k, base)
		return
	}
	// The candidate long form: up to min(|sf|+5, 2|sf|) words back.
	maxWords := min(len(base)+5, 2*len(base))
	lo := e - 1
	for lo > 0 && e-lo < maxWords && toks[lo].flags&flagClause == 0 {
		lo--
	}
	lfStart, ok := longFormStart(base, text[toks[lo].start:toks[e-1].end])
	if !ok && lo > 0 && toks[lo].flags&flagClause != 0 && strings.TrimSpace(text[toks[lo-1].end:toks[lo].start]) == "," {
		// "high-fat, high-sucrose (HFHS)": the long form may list a
		// hyphenated modifier before a comma
		lo2 := lo - 1
		for lo2 > 0 && (toks[lo2-1].end == toks[lo2].start || text[toks[lo2-1].end:toks[lo2].start] == "-") {
			lo2-- // back over the parts of one hyphenated word
		}
		if w := text[toks[lo2].start:toks[lo-1].end]; strings.Contains(w, "-") {
			if st, ok2 := longFormStart(base, text[toks[lo2].start:toks[e-1].end]); ok2 && st == 0 {
				lo, lfStart, ok = lo2, st, true
			}
		}
	}
	if ok && t.negatedLongForm(s, text, int(toks[lo].start)+lfStart, e) {
		// "subjects without the condition (SWC)" are its opposite.
		s.abbr[base] = -1
		s.abbrAt[base] = int32(k)
		return
	}
	concept := int32(-1)
	// The mention may end before words the long form still spells: a
	// taxon's species and strain code, which join its mention later
	// ("Lactobacillus rhamnosus GG (LGG)").
	me := e
	for me-1 > lo && e-me < 3 && s.tokMent[me-1] < 0 && toks[me-1].flags&flagHard == 0 &&
		(toks[me-1].flags&(flagInnerUpper|flagDigit) != 0 || toks[me-1].flags&(flagCapital|flagLetter) == flagLetter) {
		me--
	}
	if me < e && (s.tokMent[me-1] < 0 || s.ments[s.tokMent[me-1]].flags&(entTaxon|entGivenTaxon) == 0) {
		me = e // only a taxon takes words after it
	}
	// A word of lack after the mention ("dietary fiber deficiency (FD)")
	// is read as a modifier on a subject is, literally: the short form
	// names the concept, and its letters may start inside the mention. A
	// noun that may stand for the concept may close the long form after
	// its mention too: "the fish-oil diet (FO)", "a kefir supplement (KS)".
	lack := false
	if me == e && e-2 >= lo && s.tokMent[e-1] < 0 && toks[e-1].flags&flagHard == 0 {
		less := t.hasClass(toks[e-1], clsLess)
		if m := s.tokMent[e-2]; m >= 0 && s.ments[m].tokEnd == int32(e-1) && (less || t.hasClass2(toks[e-1], cl2Referring)) {
			me, lack = e-1, less
		}
	}
	if m := s.tokMent[me-1]; m >= 0 && s.ments[m].tokEnd == int32(me) {
		mm := s.ments[m]
		switch {
		case ok && int(toks[lo].start)+lfStart <= int(mm.start),
			ok && lack && int(toks[lo].start)+lfStart < int(mm.end):
			concept = mm.concept
			s.abbrAlt[base] = mm.flags&entAltTaxon != 0 // placed as its long form is, use by use
			s.abbrInv[base] = mm.flags&entInverse != 0  // and its opposite stays its opposite
		case listed(t.abbrevs[base], mm.concept):
			concept, ok = mm.concept, true
		}
	}
	if ok && concept < 0 {
		concept = t.modifierListConcept(s, int(toks[lo].start)+lfStart, e)
	}
	if m := s.tokMent[k]; ok && concept < 0 && m >= 0 && s.ments[m].tokStart == int32(k) && s.ments[m].tokEnd == int32(k+1) {
		// a short form that is a synonym keeps its concept after the long
		// form its letters spell ("NOD-like receptor protein 3 (NLRP3)"),
		// even a shorter one inside the mention ("Global Acne Grading
		// System (GAGS)": "Grading System"); one the taxonomy also lists
		// as an abbreviation ("HS") only when the long form names the
		// concept ("Seborrhoeic Dermatitis Area and Severity Index
		// (SDASI)"): after words that name something else ("heparan
		// sulfate (HS)") it is defined as that
		if c := s.ments[m].concept; !listed(t.abbrevs[base], c) || mentionsConcept(s, int(toks[lo].start)+lfStart, e, c) {
			concept = c
		}
	}
	if !ok {
		return
	}
	s.abbr[base] = concept
	s.abbrAt[base] = int32(k)
	s.defTok[int32(k)] = true
	if concept >= 0 && s.tokMent[k] < 0 {
		// The short form names its concept where it is defined too.
		var flags uint16
		if s.abbrAlt[base] {
			flags = entAltTaxon
		}
		if s.abbrInv[base] {
			flags |= entInverse
		}
		s.ments = append(s.ments, mention{tokStart: int32(k), tokEnd: int32(k + 1),
			start: tk.start, end: tk.end, concept: concept, flags: flags})
	} else if m := s.tokMent[k]; concept >= 0 && m >= 0 && s.ments[m].tokStart == int32(k) {
		// A short form that is a synonym too names what its long form
		// names; the words around it no longer place it.
		s.ments[m].concept = concept
		s.ments[m].flags &^= entGivenTaxon | entTaxon | entUnplaced
	}
}

// silenceRedefined drops the one-word synonyms that the document defines
// as a short form of something else.
func (t *Tagger) silenceRedefined(s *scratch, text string) {
	toks := s.toks
	for i := range s.ments {
		m := &s.ments[i]
		if m.tokEnd-m.tokStart != 1 {
			continue
		}
		tk := toks[m.tokStart]
		if tk.flags&flagInnerUpper == 0 {
			continue
		}
		if d, ok := s.abbrDefAt(t.abbrevBase(text[tk.start:tk.end]), m.tokStart); ok && d.concept != m.concept {
			m.dropped = true
		}
	}
}

// tagShortForms tags the uses of the defined short forms.
func (t *Tagger) tagShortForms(s *scratch, text string) {
	toks := s.toks
	for k, tk := range toks {
		if tk.flags&(flagCapital|flagInnerUpper) == 0 || s.defTok[int32(k)] {
			continue
		}
		if m := s.tokMent[k]; m >= 0 && !s.ments[m].dropped {
			continue
		}
		if len(s.implicitBases) > 0 && implicitBlocked(toks, text, k) {
			// A short form the document never defines is only read as a
			// word of running text, not in parentheses or next to numbers
			// ("mean (SD)", "SD 1.2").
			if base := t.shortForm(text[tk.start:tk.end]); s.abbrImplicit(base) {
				continue
			}
		}
		// A short form means its concept from its definition on, in the
		// same and the later sentences: "LF" before "long form (LF)" may
		// still be something else.
		base := t.shortForm(text[tk.start:tk.end])
		d, ok := s.abbrDefAt(base, int32(k))
		if !ok || d.concept < 0 || int32(k) < d.at || statisticLabel(text, int(tk.start), int(tk.end)) {
			continue
		}
		flags := entShortForm
		if s.abbrImplicit(base) {
			flags |= entImplicit
		}
		if d.alt {
			flags |= entAltTaxon
		}
		if d.inv {
			flags |= entInverse
		}
		s.ments = append(s.ments, mention{
			tokStart: int32(k), tokEnd: int32(k + 1),
			start: tk.start, end: tk.end, concept: d.concept, flags: flags,
		})
	}
}

// reverseDefinition defines the short form at token k when a long form in
// parentheses follows it, "LF (long form)": the mention must fill
// the parentheses and spell the short form, or the taxonomy must list the
// short form for its concept. The short form itself is then a use.
func (t *Tagger) reverseDefinition(s *scratch, text string, k int, base string) bool {
	toks := s.toks
	if k+1 >= len(toks) || toks[k].flags&flagCapital == 0 || !openParenBefore(text, int(toks[k].end), int(toks[k+1].start)) {
		return false
	}
	if k > 0 && strings.TrimSpace(text[toks[k-1].end:toks[k].start]) != "" {
		return false // "interleukin-17A (IL-17A)": part of a word
	}
	m := s.tokMent[k+1]
	if m < 0 || int(s.ments[m].tokStart) != k+1 {
		return t.reverseOther(s, text, k, base)
	}
	mm := s.ments[m]
	if !closeAfter(text, int(mm.end)) || text[skipSpaces(text, int(mm.end))] != ')' {
		return false
	}
	if _, ok := longFormStart(base, text[mm.start:mm.end]); !ok && !listed(t.abbrevs[base], mm.concept) {
		return false
	}
	s.abbr[base] = mm.concept
	s.abbrAt[base] = int32(k)
	return true
}

// reverseOther reads "HS (heparan sulfate)": a short form that is a
// synonym and an abbreviation of its concept, followed by words in
// parentheses that spell it and name nothing, is defined as something
// else, which silences it in the document (silenceRedefined).
func (t *Tagger) reverseOther(s *scratch, text string, k int, base string) bool {
	m := s.tokMent[k]
	if m < 0 || s.ments[m].tokStart != int32(k) || s.ments[m].tokEnd != int32(k+1) || !listed(t.abbrevs[base], s.ments[m].concept) {
		return false
	}
	open := strings.IndexByte(text[s.toks[k].end:], '(')
	if open < 0 {
		return false
	}
	from := int(s.toks[k].end) + open + 1
	n := strings.IndexAny(text[from:min(from+80, len(text))], "()")
	if n < 0 || text[from+n] != ')' {
		return false
	}
	for j := k + 1; j < len(s.toks) && int(s.toks[j].start) < from+n; j++ {
		if s.tokMent[j] >= 0 {
			return false // words that name a concept: reverseDefinition's
		}
	}
	if _, ok := longFormStart(base, text[from:from+n]); !ok {
		return false
	}
	s.abbr[base] = -1
	s.abbrAt[base] = int32(k)
	return true
}

// byteBefore returns the last byte before position i that is not a space,
// or 0.
func byteBefore(text string, i int) byte {
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	if i == 0 {
		return 0
	}
	return text[i-1]
}

// byteAfter returns the first byte from position i that is not a space, or
// 0.
func byteAfter(text string, i int) byte {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) {
		return 0
	}
	return text[i]
}

func skipSpaces(text string, i int) int {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) {
		return len(text) - 1
	}
	return i
}

// shortForm is the key of a short form as used in running text: without a
// possessive ("AD's": possessive-endings) or a plural ("ADs").
func (t *Tagger) shortForm(w string) string {
	for _, p := range t.possessiveEnd {
		if b, ok := strings.CutSuffix(w, p); ok {
			if r, size := utf8.DecodeLastRuneInString(b); possessiveApostrophe(r) && len(b) > size {
				w = b[:len(b)-size]
				break
			}
		}
	}
	return t.abbrevBase(w)
}

// negatedLongForm reports whether the long form that starts at byte from and
// ends before token k holds a negation ("without", "non", "free").
func (t *Tagger) negatedLongForm(s *scratch, text string, from, k int) bool {
	for j := k - 1; j >= 0 && int(s.toks[j].start) >= from; j-- {
		// A negation word inside a concept's name ("gluten-free diet")
		// is part of what the short form stands for.
		if s.tokMent[j] < 0 && t.hasClass(s.toks[j], clsNegWord) && !prefixOfPlainWord(s, text, j) {
			return true
		}
	}
	return false
}

// prefixOfPlainWord reports whether token j is a prefix joined by a hyphen
// to a word that names no concept ("non-caloric artificial sweeteners"):
// it denies that word, not the concept the long form ends with.
func prefixOfPlainWord(s *scratch, text string, j int) bool {
	return j+1 < len(s.toks) && text[s.toks[j].end:s.toks[j+1].start] == "-" && s.tokMent[j+1] < 0
}

// indexMentions records, per token, the mention that covers it.
func (t *Tagger) indexMentions(s *scratch) {
	s.tokMent = s.tokMent[:0]
	for range s.toks {
		s.tokMent = append(s.tokMent, -1)
	}
	for i, m := range s.ments {
		if m.dropped {
			continue
		}
		for k := m.tokStart; k < m.tokEnd; k++ {
			if s.tokMent[k] < 0 {
				s.tokMent[k] = int32(i)
			}
		}
	}
}

func listed(ids []int32, c int32) bool {
	for _, id := range ids {
		if id == c {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// openParenBefore reports whether the gap text[from:to] is an opening
// parenthesis with optional spaces.
func openParenBefore(text string, from, to int) bool {
	g := strings.TrimSpace(text[from:to])
	return g == "(" || g == "["
}

// closeAfter reports whether a closing parenthesis, a semicolon or a comma
// follows position i.
func closeAfter(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i < len(text) && (text[i] == ')' || text[i] == ']' || text[i] == ';' || text[i] == ',')
}

// longFormStart applies Schwartz and Hearst's algorithm: the letters of the
// short form must appear in order in the long form, the first one at the
// start of a word. It returns the byte offset in lf where the long form
// begins.
func longFormStart(sf, lf string) (int, bool) {
	si := len(sf) - 1
	li := len(lf) - 1
	for si >= 0 {
		c := lowerByte(sf[si])
		if !isAlnum(c) {
			si--
			continue
		}
		for li >= 0 {
			lc := lowerByte(lf[li])
			if lc == c && (si > 0 || li == 0 || !isAlnum(lowerByte(lf[li-1]))) {
				break
			}
			li--
		}
		if li < 0 {
			return 0, false
		}
		li--
		si--
	}
	start := li + 1
	// Back to the start of the word.
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(lf[:start])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		start -= size
	}
	return start, true
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}

// statisticLabel reports whether the word at text[start:end] is used as the
// label of a statistic ("95% CI", "mean ± SD", "OR = 1.4", "CI: 1.1-1.9"), which a
// short form defined as a concept ("chronic illness (CI)") is not.
func statisticLabel(text string, start, end int) bool {
	i := start
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '(') {
		i--
	}
	if i > 0 {
		c := text[i-1]
		if c == '%' || strings.HasSuffix(text[:i], "±") {
			return true
		}
	}
	j := end
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j >= len(text) {
		return false
	}
	switch text[j] {
	case '=', '<', '>':
		return true
	case ':':
		k := j + 1
		for k < len(text) && text[k] == ' ' {
			k++
		}
		return k < len(text) && '0' <= text[k] && text[k] <= '9'
	}
	return false
}

// implicitAbbreviations lets a document use, without defining it, a short
// form that the taxonomy lists for a condition once the document has named
// that condition in full with words whose initials spell it: "long form"
// then "LF". A short form defined in the document, as that condition or as
// something else, keeps its definition.
func (t *Tagger) implicitAbbreviations(s *scratch, text string) {
	s.implicitBases = s.implicitBases[:0]
	toks := s.toks
	var buf [8]byte
	for i := range s.ments {
		m := s.ments[i]
		n := int(m.tokEnd - m.tokStart)
		if m.dropped || n < 2 || n > len(buf) || m.concept < 0 || t.concepts[m.concept].kind != kindCondition {
			continue
		}
		ini := buf[:0]
		for k := m.tokStart; k < m.tokEnd; k++ {
			c := text[toks[k].start]
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			if c < 'A' || c > 'Z' {
				ini = nil
				break
			}
			ini = append(ini, c)
		}
		if ini == nil || !listed(t.abbrevs[string(ini)], m.concept) {
			continue
		}
		base := string(ini)
		if _, seen := s.abbr[base]; seen {
			continue
		}
		s.abbr[base] = m.concept
		s.abbrAt[base] = m.tokEnd
		s.implicitBases = append(s.implicitBases, base)
	}
}

// abbrImplicit reports whether short form base was read from a long form
// alone, not from a definition.
func (s *scratch) abbrImplicit(base string) bool {
	for _, b := range s.implicitBases {
		if b == base {
			return true
		}
	}
	return false
}

// implicitBlocked reports whether the short form at token k stands in
// parentheses or next to a number.
func implicitBlocked(toks []token, text string, k int) bool {
	tk := toks[k]
	if c := byteBefore(text, int(tk.start)); c == '(' || c == '[' {
		return true
	}
	if c := byteAfter(text, int(tk.end)); c == ')' || c == ']' {
		return true
	}
	if k > 0 && toks[k-1].flags&flagDigit != 0 && toks[k].flags&flagHard == 0 {
		return true
	}
	if k+1 < len(toks) && toks[k+1].flags&flagDigit != 0 && toks[k+1].flags&flagHard == 0 {
		return true
	}
	return false
}

// modifierListConcept reads a long form made only of hyphenated modifiers
// of the noun after the short form, "high-sugar, high-fat (HSHF) diet":
// the one concept mentioned inside it is what the short form names, even
// when the long form does not end with it. It returns -1 otherwise.
func (t *Tagger) modifierListConcept(s *scratch, start, e int) int32 {
	toks := s.toks
	concept := int32(-1)
	words := 0
	if e < 2 || !joinedByHyphen(s, int32(e-1)) {
		return -1 // the last word is the second part of a hyphenated one ("high-fat feeding (HFF)" is not)
	}
	for k := e - 1; k >= 0 && int(toks[k].end) > start; k-- {
		if m := s.tokMent[k]; m >= 0 {
			if concept >= 0 && s.ments[m].concept != concept {
				return -1
			}
			concept = s.ments[m].concept
		}
		if toks[k].flags&flagLetter == 0 {
			return -1
		}
		if joinedByHyphen(s, int32(k)) {
			continue // the parts of one hyphenated word
		}
		if k+1 < e && !joinedByHyphen(s, int32(k+1)) {
			return -1 // a word that is not hyphenated
		}
		words++
	}
	if words < 2 {
		return -1
	}
	return concept
}

// mentionsConcept reports whether a mention of concept covers a token of
// the long form that starts at byte start and ends before token e.
func mentionsConcept(s *scratch, start, e int, concept int32) bool {
	for j := e - 1; j >= 0 && int(s.toks[j].start) >= start; j-- {
		if m := s.tokMent[j]; m >= 0 && s.ments[m].concept == concept {
			return true
		}
	}
	return false
}
