package tagger

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/lumen-research/lumen"
)

// armResult is a result stated as the numbers of a trial's arms: "the
// incidence of Y was 15% vs. 28% in the placebo group" said of "the X
// group", "15% in the X group and 28% in the placebo group".
type armResult struct {
	concept int32 // the intervention whose arm it is
	dir     int   // +1: its arm's number is the higher, -1 the lower, 0 equal
	// incidence: the arms are the subjects of the verb that follows them
	// ("36 (18.7%) in the X group and 59 (30.1%) in the placebo group
	// developed Y"): the verb says what the people did, the numbers say
	// what the intervention did.
	incidence bool
	// inverse: concepts the sentence names by a synonym of their opposite
	// ("PASI-75 was reached by 67% in the X group": more relief, less
	// psoriasis); their pairs take the other direction
	inverse []int32
}

// armNumbers reads a result stated as the numbers of trial arms in the
// sentence of tokens [from, to): an intervention named as an arm ("the X
// group") and either two numbers compared by a comparison word ("15% vs.
// 28%", "-7.7 ± 5.9 versus -1.8 ± 4.1": the number before a "±" is the
// mean) or, with two arms named, a percentage for each ("15% in the X
// group and 28% in the Y group", in the order of the arms). The numbers
// are the arms' in the order the arms are named. ok is false when the
// sentence states no such result.
func (t *Tagger) armNumbers(s *scratch, text string, from, to int) (r armResult, ok bool) {
	toks := s.toks
	given, nth, arms := -1, -1, 0
	paired := false  // two arms named in one phrase ("in the X and placebo arms")
	var armAt [2]int // where the first two arms' phrases start
	for k := from + 1; k < to; k++ {
		regimen := t.hasClass3(toks[k], cl3RegimenPrep) && (t.hasClass2(toks[k-1], cl2Population) || toks[k-1].flags&flagDigit != 0) || // "those on X", "21 of 58 on placebo"
			t.hasClass3(toks[k], cl3NumberArm) && toks[k-1].flags&flagDigit != 0 && byteBefore(text, int(toks[k].start)-1) == '%' // "5.7% with X"
		if (regimen || t.hasClass2(toks[k], cl2Exposure) && !t.hasClass(toks[k], clsConsumption)) && k+1 < to && toks[k+1].flags&flagHard == 0 {
			// "in 19 of 93 infants given X and in 33 of 91 given
			// placebo": people named by what they were given (not by
			// what they chose to eat or drink)
			j := k + 1
			if j+1 < to && t.hasClass(toks[j], clsArticle) {
				j++
			}
			m := s.tokMent[j]
			switch {
			case m >= 0 && !s.ments[m].dropped && t.concepts[s.ments[m].concept].kind == kindIntervention:
				if given < 0 {
					given, nth, r.concept = k, arms, s.ments[m].concept
				}
			case m < 0 && t.hasClass(toks[j], clsGroup):
			default:
				continue
			}
			if arms < 2 {
				armAt[arms] = k
			}
			arms++
			continue
		}
		if !t.hasClass2(toks[k], cl2Arm) {
			continue
		}
		if t.pairedArms(s, k, from) {
			paired = true
			// "46% and 12% in the X and placebo arms, respectively": two
			// arms in one phrase, in the order of the numbers
			for i, e := range [2]int{k - 3, k - 1} {
				if m := s.tokMent[e]; given < 0 && m >= 0 && t.concepts[s.ments[m].concept].kind == kindIntervention {
					given, nth, r.concept = e, arms+i, s.ments[m].concept
				}
				if arms+i < 2 {
					armAt[arms+i] = e
				}
			}
			arms += 2
			continue
		}
		start := k
		if toks[k].flags&flagHard == 0 && (s.tokMent[k-1] >= 0 || !t.hasClass(toks[k-1], clsArticle|clsDeterminer)) {
			start = k - 1
		}
		if m := s.tokMent[k-1]; given < 0 && m >= 0 && !s.ments[m].dropped && toks[k].flags&flagHard == 0 &&
			t.concepts[s.ments[m].concept].kind == kindIntervention {
			given, nth, r.concept = k, arms, s.ments[m].concept
			start = int(s.ments[m].tokStart)
		}
		if arms < 2 {
			armAt[arms] = start
		}
		arms++
	}
	if given < 0 {
		return r, false
	}
	var nums [2]float64
	found := false
	for k := from + 1; k+1 < to && !found; k++ {
		if !t.hasClass2(toks[k], cl2Than) || toks[k-1].flags&flagDigit == 0 {
			continue
		}
		for j := k + 1; j < to && j <= k+2; j++ {
			if toks[j].flags&flagDigit != 0 {
				a, okA := numberBefore(text, int(toks[k].start))
				b, okB := numberAt(text, int(toks[j].start))
				if okA && okB {
					nums, found = [2]float64{a, b}, true
					if given > k {
						nth = 1
					} else {
						nth = 0
					}
				}
				break
			}
		}
	}
	sizes := false // the numbers are sizes of a change ("fell by 13.2 points in the X group")
	if !found && arms >= 2 && nth <= 1 {
		// "3.9 in the X group versus 3.2 in the Y group": the number
		// right before each arm's phrase, past a preposition and an
		// article.
		found = true
		for i, a := range armAt {
			v, by, okV := t.numberBeforeArm(s, text, a, from)
			if !okV {
				found = false
				break
			}
			nums[i] = v
			sizes = sizes || by
		}
	}
	if !found {
		// "15% of infants in the X group versus 28% in the Y group":
		// the first two percentages, in the order of the arms.
		if arms < 2 || nth > 1 {
			return r, false
		}
		n := 0
		for k := from; k < to && (n < 2 || paired); k++ {
			if paired && k >= armAt[0] {
				break // ("12% and 25% of the X and placebo groups": the last two before the arms, past "(52% boys)")
			}
			if e := int(toks[k].end); toks[k].flags&flagDigit != 0 && e < len(text) && text[e] == '%' {
				v, okV := numberAt(text, int(toks[k].start))
				if !okV {
					return r, false
				}
				if n == 2 {
					nums[0], n = nums[1], 1
				}
				nums[n] = v
				n++
			}
		}
		if n < 2 {
			return r, false
		}
	}
	own, other := nums[nth], nums[1-nth]
	if arms >= 2 {
		// ("18% of infants given X developed Y, compared with 31% of those
		// given placebo": the verb after the first arm is the arms' too)
		r.incidence = t.incidenceAfter(s, armAt[1], from, to) || t.incidenceAfter(s, armAt[0], from, armAt[1])
	}
	switch {
	case own > other:
		r.dir = 1
	case own < other:
		r.dir = -1
	}
	if sizes && t.fallBefore(s, armAt[0], from) {
		// "SCORAD fell by 13.2 points in the X group and by 6.9 in the
		// placebo group": the larger fall is the X arm's
		r.dir = -r.dir
	}
	for k := from; k < to; k++ {
		m := s.tokMent[k]
		if m < 0 || s.ments[m].tokStart != int32(k) {
			continue
		}
		if (s.ments[m].flags&entInverse != 0 || t.reliefNounBefore(s, int32(k), from)) && !slices.Contains(r.inverse, s.ments[m].concept) {
			// ("clearance of Y was achieved by 46% and 12% of the X and
			// placebo arms": more relief, less Y; once for each concept)
			r.inverse = append(r.inverse, s.ments[m].concept)
		}
	}
	return r, true
}

// pairedArms reports whether the noun of arms at token k ends a phrase
// that names two arms of one word each, joined by a conjunction ("the X
// and placebo arms", "the placebo and X groups"): tokens k-3 and k-1, one
// of them a mention.
func (t *Tagger) pairedArms(s *scratch, k, from int) bool {
	toks := s.toks
	if k-3 < from || toks[k].flags&flagHard != 0 || toks[k-1].flags&flagHard != 0 || toks[k-2].flags&flagHard != 0 || !t.hasClass(toks[k-2], clsConj) {
		return false
	}
	if m := s.tokMent[k-1]; m >= 0 && s.ments[m].tokStart != int32(k-1) {
		return false // (one mention that holds the conjunction)
	}
	plain := func(j int) bool { // a name that is no mention: "placebo", "control"
		return s.tokMent[j] < 0 && toks[j].flags&(flagDigit|flagLetter) == flagLetter && !t.onCue(s.cueHits, int32(j)) &&
			!t.hasClass(toks[j], clsArticle|clsDeterminer|clsConj)
	}
	named := s.tokMent[k-1] >= 0 || s.tokMent[k-3] >= 0
	return named && (s.tokMent[k-1] >= 0 || plain(k-1)) && (s.tokMent[k-3] >= 0 || plain(k-3))
}

// reliefNounBefore reports whether a noun of change before the mention at
// token k turns the arms' numbers: a noun of lowering ("clearance of Y",
// "control of Y", "a reduction in Y", "loss of Y"), or a noun of help said
// of what is not beneficial ("improvement of Y", "resolution of Y"):
// more of it is less of Y.
func (t *Tagger) reliefNounBefore(s *scratch, k int32, from int) bool {
	toks := s.toks
	if k-2 < int32(from) || !t.hasClass2(toks[k-1], cl2PairOf|cl2FindingPrep) || toks[k].flags&flagHard != 0 || toks[k-1].flags&flagHard != 0 {
		return false
	}
	m := s.tokMent[k]
	good := m >= 0 && t.concepts[s.ments[m].concept].beneficial
	for _, h := range s.cueHits {
		// (the cue may hold the preposition: "control of Y", "reduction in Y")
		noun := h.end == k-1 && t.nounForm(s, h.end-1) || h.end == k && h.end-h.tok >= 2
		if !noun || h.bits&cueDec == 0 || h.bits&(cueInc|cueHarm) != 0 {
			continue
		}
		if h.bits&cueHelp == 0 || !good {
			return true
		}
	}
	return false
}

// fallBefore reports whether a verb of lowering comes before token a in
// its sentence ("had fallen by ...").
func (t *Tagger) fallBefore(s *scratch, a, from int) bool {
	for _, h := range s.cueHits {
		if int(h.tok) >= from && int(h.tok) < a && h.bits&cueDec != 0 && h.bits&(cueInc|cueHelp) == 0 {
			return true
		}
	}
	return false
}

// incidenceAfter reports whether the first relation cue of the sentence
// comes after the second arm's phrase, which starts at token a, and
// raises its object without being a verb of change said of the outcome
// ("developed Y", not "Y fell"), or, with no cue, whether a verb of
// having stands right before a concept ("had Y"): the arms did what it
// says.
func (t *Tagger) incidenceAfter(s *scratch, a, from, to int) bool {
	for _, h := range s.cueHits {
		if int(h.tok) < from || h.bits&relationBits == 0 {
			continue
		}
		if int(h.tok) >= to {
			break
		}
		if int(h.tok) < a {
			return false
		}
		return h.bits&(cueInc|cueDec|cueHelp|cueHarm) == cueInc && h.end-h.tok == 1 && !t.hasClass2(s.toks[h.tok], cl2OutcomeVerb)
	}
	// no cue: "9% of infants in the X group had Y, compared with ...": a
	// verb of having right before the outcome
	for k := max(a, from); k+1 < to; k++ {
		if t.hasClass2(s.toks[k], cl2Have) && s.tokMent[k+1] >= 0 && s.toks[k+1].flags&flagHard == 0 {
			return true
		}
	}
	return false
}

// numberBeforeArm parses the number that comes at most three words before
// the arm phrase starting at token a ("15% in the X group"), or reports
// false.
// by reports that "by" stands right before the number ("fell by 13.2
// points in the X group"): the number is the size of a change. A unit
// word may stand between the number and the arm.
func (t *Tagger) numberBeforeArm(s *scratch, text string, a, from int) (v float64, by, ok bool) {
	toks := s.toks
	for j := a - 1; j >= from && j >= a-4; j-- {
		if toks[j].flags&flagDigit != 0 {
			v, ok = numberAt(text, int(toks[j].start))
			if ok && j-2 >= from && t.hasClass2(toks[j-1], cl2PairOf) && toks[j-2].flags&flagDigit != 0 && toks[j-1].flags&flagHard == 0 {
				// "19 of 93 infants in the X group": a count of its
				// arm, compared as a proportion
				if n, okN := numberAt(text, int(toks[j-2].start)); okN && v > 0 {
					return n / v, false, true
				}
			}
			// "by 13.2", "by a mean of 13.2" (a decimal may be two tokens)
			if j-1 >= from && toks[j-1].flags&flagDigit != 0 && toks[j].start == toks[j-1].end+1 && text[toks[j-1].end] == '.' {
				j--
			}
			for k := j - 1; k >= from && k >= j-4 && !by; k-- {
				by = t.hasClass2(toks[k], cl2PairBy)
				if !by && (s.tokMent[k] >= 0 || t.onCue(s.cueHits, int32(k)) || toks[k].flags&(flagHard|flagDigit) != 0 || toks[k].flags&flagLetter == 0) {
					break
				}
			}
			if e := nextWord(toks, j, a); by && e < a && t.hasClass2(toks[e], cl2PairOf) {
				by = false // ("achieved by 27% of patients on X": a share of the people, no size of a change)
			}
			return v, by, ok
		}
		if s.tokMent[j] >= 0 || toks[j+1].flags&flagClause != 0 || j == a-4 && !t.sampleWord(s, int32(j)) {
			break
		}
	}
	return 0, false, false
}

// nextWord returns the token after the number at token j and its
// decimals ("27", "1.2"), before token a.
func nextWord(toks []token, j, a int) int {
	e := j + 1
	for e < a && toks[e].flags&flagDigit != 0 && toks[e].flags&flagLetter == 0 && toks[e].flags&flagClause == 0 {
		e++
	}
	return e
}

// applyArmResult gives the pairs whose subject is the arm's intervention,
// and that no cue gave a direction, the direction of the arm's numbers.
func (t *Tagger) applyArmResult(rels []lumen.Relation, r armResult) {
	if r.dir == 0 {
		return
	}
	id := t.concepts[r.concept].id
	for i := range rels {
		if rels[i].Subject != id || rels[i].Negated ||
			rels[i].Effect != lumen.RelationAssociated && !(r.incidence && rels[i].Effect == lumen.RelationIncreases) {
			continue
		}
		up := r.dir > 0
		for _, c := range r.inverse {
			if t.concepts[c].id == rels[i].Object {
				up = !up
			}
		}
		if up {
			rels[i].Effect = lumen.RelationIncreases
		} else {
			rels[i].Effect = lumen.RelationDecreases
		}
	}
}

// numberAt parses the number that starts at byte i of text, with a sign
// written right before it ("-7.74", "−1.2", "+1.15") and its decimals.
func numberAt(text string, i int) (float64, bool) {
	start := i
	for start > 0 && text[start-1] == '.' && start > 1 && isDigit(text[start-2]) { // "0.5" split at the dot
		start -= 2
		for start > 0 && isDigit(text[start-1]) {
			start--
		}
	}
	e := i
	for e < len(text) && (isDigit(text[e]) || text[e] == '.' && e+1 < len(text) && isDigit(text[e+1])) {
		e++
	}
	v, err := strconv.ParseFloat(text[start:e], 64)
	if err != nil {
		return 0, false
	}
	switch r, _ := utf8.DecodeLastRuneInString(text[:start]); r {
	case '-', '−', '–':
		v = -v
	}
	return v, true
}

// numberBefore parses the number that ends just before byte i of text,
// past spaces and a percent sign; after "±" it is the number before it
// (the mean, not its spread).
func numberBefore(text string, i int) (float64, bool) {
	e := skipBack(text, i, " %")
	start := e
	for start > 0 && (isDigit(text[start-1]) || text[start-1] == '.') {
		start--
	}
	if start == e {
		return 0, false
	}
	if j := skipBack(text, start, " "); j >= len("±") && text[j-len("±"):j] == "±" {
		if v, ok := numberBefore(text, j-len("±")); ok {
			return v, true
		}
	}
	return numberAt(text, start)
}

// skipBack moves i back over the bytes of set.
func skipBack(text string, i int, set string) int {
	for i > 0 {
		c := text[i-1]
		in := false
		for j := 0; j < len(set); j++ {
			in = in || set[j] == c
		}
		if !in {
			break
		}
		i--
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
