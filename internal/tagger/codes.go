package tagger

// productCodes tags the later uses of a product's code that the name of
// its concept introduced ("the probiotic NVP-1704 ... NVP-1704 lowered
// IL-6"): papers name a product by its code once they have said what it
// is, as they name a strain (strainsAlone). The code follows the mention
// after one space and is a word, or words joined by hyphens, with a
// capital first and a digit ("NVP-1704", "BF839"); a code that follows the
// mentions of two concepts names neither.
func (t *Tagger) productCodes(s *scratch, text string) {
	toks := s.toks
	n := len(s.ments)
	var codes map[string]int32 // code -> concept, -1 when two concepts claim it
	for i := range n {
		m := s.ments[i]
		if m.dropped || m.concept < 0 || int(m.tokEnd) >= len(toks) || s.tokMent[m.tokEnd] >= 0 {
			continue
		}
		k := int(m.tokEnd)
		if text[m.end:toks[k].start] != " " {
			continue
		}
		if k+1 < len(toks) && t.hasClass(toks[k], clsGiven) && toks[k].flags&flagCapital == 0 &&
			text[toks[k].end:toks[k+1].start] == " " {
			k++ // "<species> strain K21"
		}
		end, code := productCodeAt(toks, text, k)
		if code == "" {
			continue
		}
		if codes == nil {
			codes = make(map[string]int32)
		}
		add := func(code string) {
			if c, seen := codes[code]; seen && c != m.concept {
				codes[code] = -1
			} else if !seen {
				codes[code] = m.concept
			}
		}
		add(code)
		// "... K21 (HK-K21)": a short form of the code in brackets names
		// the same product
		if end < len(toks) && text[toks[end-1].end:toks[end].start] == " (" {
			if e2, code2 := productCodeAt(toks, text, end); code2 != "" && int(toks[e2-1].end) < len(text) && text[toks[e2-1].end] == ')' {
				add(code2)
			}
		}
	}
	if len(codes) == 0 {
		return
	}
	for k := 0; k < len(toks); k++ {
		if s.tokMent[k] >= 0 || toks[k].flags&flagCapital == 0 {
			continue
		}
		end, code := productCodeAt(toks, text, k)
		c, ok := codes[code]
		if !ok || c < 0 || productCodeFollows(s, toks, text, k) {
			continue
		}
		s.addSpan(k, end, toks, c, entShortForm)
		k = end - 1
	}
	if len(s.ments) > n {
		t.indexMentions(s)
	}
}

// productCodeAt reads a product code at token k: the token, and those
// joined to it by a hyphen alone, 3 to 12 bytes with a capital first and a
// digit. It returns the token after the code and the code, or "".
func productCodeAt(toks []token, text string, k int) (int, string) {
	if toks[k].flags&flagCapital == 0 {
		return k, ""
	}
	j := k
	for j+1 < len(toks) && toks[j+1].end-toks[k].start <= 12 && text[toks[j].end:toks[j+1].start] == "-" {
		j++ // (a code is short: the walk stops within 12 bytes)
	}
	code := text[toks[k].start:toks[j].end]
	if len(code) < 3 || len(code) > 12 || !hasDigit(code) {
		return k, ""
	}
	return j + 1, code
}

// productCodeFollows reports whether the code at token k is where a
// mention introduces it (its concept is named there already).
func productCodeFollows(s *scratch, toks []token, text string, k int) bool {
	if k == 0 {
		return false
	}
	m := s.tokMent[k-1]
	return m >= 0 && s.ments[m].tokEnd == int32(k) && text[toks[k-1].end:toks[k].start] == " "
}
