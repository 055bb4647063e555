package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// sentence is one sentence found by sentenceRules.split.
type sentence struct {
	start, end int
	block      int    // index of the block (blank-line separated) it is in
	heading    bool   // the whole block is one short line without final punctuation
	label      string // abstract section label that opens it ("RESULTS"), if any
}

// split appends the sentences of text to dst. Blocks are separated by
// blank lines; inside a block a line break ends a sentence after final
// punctuation, after a heading-like line and before a list item, and is a
// space otherwise (hard-wrapped text). Inside a line a sentence ends at '.',
// '!', '?' or '…' (and any closing inline tags) followed by space and a
// capital, a digit, a Greek letter, a mixed-case term or an opening quote,
// except after known abbreviations (et al., e.g., vs., Fig.), list numbers
// ("1. Eat") and inside decimals. One pass, linear in the text.
func (sr *sentenceRules) split(dst []sentence, text string) []sentence {
	block := 0
	pos := 0
	for pos < len(text) {
		// Find the end of the block: a line that is blank.
		end, next := blockEnd(text, pos)
		if hasVisible(text[pos:end]) {
			n := len(dst)
			dst = sr.splitBlock(dst, text, pos, end, block)
			if len(dst) == n+1 && isHeadingLine(text[dst[n].start:dst[n].end]) {
				dst[n].heading = true
			}
			block++
		}
		pos = next
	}
	return dst
}

// blockEnd returns the end of the block starting at pos (before the blank
// line) and where the next block may start.
func blockEnd(text string, pos int) (end, next int) {
	i := pos
	for i < len(text) {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			return len(text), len(text)
		}
		lineEnd := i + nl
		// Is the following line blank?
		j := lineEnd + 1
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
			k++
		}
		if k >= len(text) || text[k] == '\n' {
			return lineEnd, k
		}
		if text[k] >= utf8.RuneSelf {
			// A line of non-breaking or other Unicode spaces is blank too.
			m := k
			for m < len(text) {
				r, size := utf8.DecodeRuneInString(text[m:])
				if r == '\n' || !unicode.IsSpace(r) {
					break
				}
				m += size
			}
			if m >= len(text) || text[m] == '\n' {
				return lineEnd, m
			}
		}
		i = j
	}
	return len(text), len(text)
}

func hasVisible(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

// splitBlock splits text[start:end], one block, into lines and sentences.
func (sr *sentenceRules) splitBlock(dst []sentence, text string, start, end, block int) []sentence {
	segStart := start
	i := start
	for i < end {
		nl := strings.IndexByte(text[i:end], '\n')
		if nl < 0 {
			break
		}
		lineEnd := i + nl
		next := lineEnd + 1
		if lineBreakEndsSentence(text[segStart:lineEnd], text[i:lineEnd], text[next:end]) {
			dst = sr.splitSegment(dst, text, segStart, lineEnd, block)
			segStart = next
		}
		i = next
	}
	return sr.splitSegment(dst, text, segStart, end, block)
}

// lineBreakEndsSentence decides whether the line break after line (the last
// line of seg) ends a sentence, given the rest of the block.
func lineBreakEndsSentence(seg, line, rest string) bool {
	line = strings.TrimRightFunc(line, unicode.IsSpace)
	nextLine := strings.TrimLeftFunc(rest, unicode.IsSpace)
	if line == "" || nextLine == "" {
		return true
	}
	if startsListItem(nextLine) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', '!', '?', ':', '…', ';':
		return true
	}
	first, _ := utf8.DecodeRuneInString(nextLine)
	if !(unicode.IsUpper(first) || unicode.IsDigit(first) || first == '"' || first == '“') {
		return false
	}
	// A short line without final punctuation before a capital is a heading,
	// a title or a menu entry.
	return fewWords(seg, 12)
}

// fewWords reports whether s has at most max space-separated words; it
// stops counting early so that long segments cost nothing.
func fewWords(s string, max int) bool {
	words := 0
	inWord := false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		if !space && !inWord {
			words++
			if words > max {
				return false
			}
		}
		inWord = !space
	}
	return true
}

// startsListItem reports whether s begins with a bullet or a list number.
func startsListItem(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '◦', '▪', '‣', '●', '*', '·':
		return true
	case '-', '–', '—':
		return size < len(s) && s[size] == ' '
	}
	n := 0
	for n < len(s) && n < 3 && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n > 0 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && s[n+1] == ' '
}

// isHeadingLine reports whether s, a whole block, reads as a heading: one
// short line without final punctuation (or ending in a colon).
func isHeadingLine(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsRune(s, '\n') || len(s) > 120 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', '!', '?', ';', ',':
		return false
	}
	return fewWords(s, 15)
}

// splitSegment splits text[start:end], a run of lines that read as running
// text, into sentences and appends them to dst.
func (sr *sentenceRules) splitSegment(dst []sentence, text string, start, end, block int) []sentence {
	start = skipSpace(text, start, end)
	if start >= end {
		return dst
	}
	label := ""
	if l, after := sr.sectionLabel(text[start:end]); l != "" {
		label = l
		start = skipSpace(text, start+after, end)
		if start >= end {
			return append(dst, sentence{start: start - after, end: end, block: block, label: label})
		}
	}
	sentStart := start
	i := start
	listNumber := startsListNumber(text[start:end])
	for i < end {
		c := text[i]
		if c != '.' && c != '!' && c != '?' && c != 0xe2 { // 0xe2 starts '…'
			i++
			continue
		}
		size := 1
		if c == 0xe2 {
			if !strings.HasPrefix(text[i:end], "…") {
				i++
				continue
			}
			size = len("…")
		}
		term := i
		j := i + size
		// Runs of terminators, closing quotes and brackets stay with the sentence.
		for j < end {
			r, sz := utf8.DecodeRuneInString(text[j:end])
			if r == '.' || r == '!' || r == '?' || r == '…' || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' {
				j += sz
				continue
			}
			if r == '<' && j+1 < end && text[j+1] == '/' {
				if n := inlineTag(text[j:end]); n > 0 { // "in <i>Klebsiella.</i> This"
					j += n
					continue
				}
			}
			break
		}
		if j >= end {
			break
		}
		r, _ := utf8.DecodeRuneInString(text[j:end])
		if !unicode.IsSpace(r) {
			if c == '.' && j == term+1 && sr.missingSpace(text[sentStart:term], text[j:end]) {
				// "...in both outcomes.This article summarises": a
				// space lost in the source.
				dst = append(dst, sentence{start: sentStart, end: j, block: block, label: label})
				label = ""
				sentStart = j
				listNumber = false
				i = j
				continue
			}
			i = j
			continue
		}
		k := skipSpace(text, j, end)
		if k >= end {
			break
		}
		if !opensSentence(text[k:end]) {
			i = j
			continue
		}
		if c == '.' && size == 1 && j == term+1 {
			if listNumber && onlyListNumberBefore(text[sentStart:term]) {
				i = j
				continue
			}
			if sr.abbreviationBefore(text[sentStart:term]) {
				i = j
				continue
			}
		}
		dst = append(dst, sentence{start: sentStart, end: j, block: block, label: label})
		label = ""
		sentStart = k
		if l, after := sr.sectionLabel(text[k:end]); l != "" {
			label = l
			sentStart = skipSpace(text, k+after, end)
		}
		listNumber = startsListNumber(text[sentStart:end])
		i = sentStart
	}
	e := end
	for e > sentStart {
		r, size := utf8.DecodeLastRuneInString(text[sentStart:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	if e > sentStart {
		dst = append(dst, sentence{start: sentStart, end: e, block: block, label: label})
	}
	return dst
}

func skipSpace(text string, i, end int) int {
	for i < end {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// opensSentence reports whether s (after the space that follows a full
// stop) can begin a new sentence.
// Inline markup that abstracts keep (PubMed's "<i>Lactobacillus</i>") is
// skipped: the word after it decides. A lower-case opening that is a
// symbol or a mixed-case term, which has no capital to start a sentence
// with, opens one too: a Greek letter ("α-diversity"), "mRNA", "pH"; so
// does a quote, a bracket or a percent sign before a capital ("%Tregs").
func opensSentence(s string) bool {
	s = skipInlineTags(s)
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsUpper(r) || unicode.IsDigit(r):
		return true
	case unicode.IsLower(r) && unicode.Is(unicode.Greek, r):
		return true
	case 'a' <= r && r <= 'z':
		return mixedCaseWord(s)
	case r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '[' || r == '•' || r == '%':
		r2, _ := utf8.DecodeRuneInString(skipInlineTags(s[size:]))
		return unicode.IsUpper(r2) || unicode.IsDigit(r2)
	}
	return false
}

func skipInlineTags(s string) string {
	for len(s) > 0 && s[0] == '<' {
		n := inlineTag(s)
		if n == 0 {
			break
		}
		s = s[n:]
	}
	return s
}

// mixedCaseWord reports whether s opens with a word of ASCII letters that
// starts lower-case and has a capital after its first letter ("mRNA",
// "pH", "iNOS").
func mixedCaseWord(s string) bool {
	for i := 1; i < len(s) && i < 12; i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			return true
		case 'a' <= c && c <= 'z':
		default:
			return false
		}
	}
	return false
}

// missingSpace reports whether a full stop between before and after, with
// no space after it, still ends a sentence: a lower-case word of three
// letters or more that is no known abbreviation before it, and a capital
// and a lower-case letter after it ("outcomes.This"), which neither a
// decimal, an initial ("L.plantarum"), a domain name nor a unit has.
func (sr *sentenceRules) missingSpace(before, after string) bool {
	if len(after) < 2 || after[0] < 'A' || after[0] > 'Z' || after[1] < 'a' || after[1] > 'z' {
		return false
	}
	n := 0
	for n < len(before) && n < 40 {
		c := before[len(before)-1-n]
		if c < 'a' || c > 'z' {
			break
		}
		n++
	}
	if n < 3 {
		return false
	}
	if n < len(before) {
		if c := before[len(before)-1-n]; c != ' ' && c != '(' && c != '"' {
			return false // inside a longer token: "sub.domain.Example"
		}
	}
	w := 1
	for w < len(after) && ('a' <= after[w] && after[w] <= 'z') {
		w++
	}
	if w+1 < len(after) && after[w] == '.' && after[w+1] != ' ' {
		return false // a domain name: "www.Example.org"
	}
	return !sr.abbreviationBefore(before)
}

// startsListNumber reports whether s opens with "1." or "12." and a space.
func startsListNumber(s string) bool {
	n := 0
	for n < len(s) && n < 3 && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n > 0 && n+1 < len(s) && s[n] == '.' && s[n+1] == ' '
}

func onlyListNumberBefore(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sentenceRules are the wordings the sentence splitter reads: the
// lexicon's abbreviations and section labels.
type sentenceRules struct {
	abbrevs   map[string]bool // lower case, without the final full stop
	maxAbbrev int             // the longest abbreviation, in bytes
	labels    map[string]bool // lower case
}

func newSentenceRules(abbrevs, labels []string) sentenceRules {
	sr := sentenceRules{abbrevs: make(map[string]bool, len(abbrevs)), labels: make(map[string]bool, len(labels))}
	for _, a := range abbrevs {
		a = strings.ToLower(a)
		sr.abbrevs[a] = true
		sr.maxAbbrev = max(sr.maxAbbrev, len(a))
	}
	for _, l := range labels {
		sr.labels[strings.ToLower(strings.Join(strings.Fields(l), " "))] = true
	}
	return sr
}

// abbreviationBefore reports whether the word just before a full stop at the
// end of s is a known abbreviation.
func (sr *sentenceRules) abbreviationBefore(s string) bool {
	i := len(s)
	for i > 0 && len(s)-i <= sr.maxAbbrev {
		c := s[i-1]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '.' {
			i--
			continue
		}
		break
	}
	w := s[i:]
	if w == "" || len(w) > sr.maxAbbrev {
		return false
	}
	var buf [16]byte
	b := buf[:0]
	for j := 0; j < len(w); j++ {
		c := w[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return sr.abbrevs[string(b)]
}

// sectionLabel recognises an abstract section label such as "BACKGROUND:",
// "RESULTS:" or "Conclusions:" at the start of s and returns it and the
// offset after the colon.
func (sr *sentenceRules) sectionLabel(s string) (string, int) {
	i := 0
	words := 0
	upper := true
	for i < len(s) && i < 40 {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
		case 'a' <= c && c <= 'z':
			upper = false
		case c == ' ' || c == '&' || c == '/':
			if i > 0 && s[i-1] != ' ' {
				words++
			}
		case c == ':':
			if i == 0 {
				return "", 0
			}
			label := strings.TrimSpace(s[:i])
			if upper && len(label) >= 5 || sr.labels[strings.ToLower(label)] {
				return label, i + 1
			}
			return "", 0
		default:
			return "", 0
		}
		if words > 3 {
			return "", 0
		}
		i++
	}
	return "", 0
}
