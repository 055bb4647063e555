package tagger

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// pubmedQA reads PubMedQA abstracts (title, blank line, abstract) from a
// file in the format of ori_pqal.json.
func pubmedQA(tb testing.TB, path string) []Document {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("corpus not available: %v", err)
	}
	var raw map[string]struct {
		QUESTION    string
		CONTEXTS    []string
		LABELS      []string
		MESHES      []string
		LONG_ANSWER string `json:"LONG_ANSWER"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	ids := make([]string, 0, len(raw))
	for id := range raw {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	docs := make([]Document, 0, len(ids))
	for _, id := range ids {
		d := raw[id]
		var text strings.Builder
		text.WriteString(d.QUESTION)
		for i, c := range d.CONTEXTS {
			text.WriteString("\n\n")
			if i < len(d.LABELS) && d.LABELS[i] != "" {
				text.WriteString(d.LABELS[i] + ": ")
			}
			text.WriteString(c)
		}
		if d.LONG_ANSWER != "" {
			text.WriteString("\n\nCONCLUSIONS: " + d.LONG_ANSWER)
		}
		docs = append(docs, Document{Text: text.String(), Title: d.QUESTION, MeSH: d.MESHES})
	}
	return docs
}

// benchCorpus is the full PubMedQA set when the shared corpus is next to the
// repository (../shared/corpus, or $LUMEN_CORPUS), else the sample in
// testdata.
func benchCorpus(b *testing.B) ([]Document, string) {
	dir := os.Getenv("LUMEN_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	path := filepath.Join(dir, "bulk", "pubmedqa_pqal", "ori_pqal.json")
	if _, err := os.Stat(path); err != nil {
		path = filepath.Join("testdata", "pubmedqa_sample.json")
	}
	return pubmedQA(b, path), path
}

// BenchmarkTag tags real PubMed abstracts one after another on one
// goroutine and reports throughput (MB/s), allocations per MB of text, and
// the speed of a strings.Fields pass over the same text as a baseline.
//
//	go test -run '^$' -bench BenchmarkTag -cpu 1 ./internal/tagger
func BenchmarkTag(b *testing.B) {
	docs, path := benchCorpus(b)
	tg := mustTagger(b)
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	b.Logf("%d documents, %.2f MB from %s", len(docs), float64(total)/1e6, path)

	// Baseline: splitting the same text into fields.
	start := time.Now()
	rounds := 0
	for time.Since(start) < 200*time.Millisecond {
		for _, d := range docs {
			_ = len(strings.Fields(d.Text))
		}
		rounds++
	}
	fieldsMBs := float64(total*rounds) / 1e6 / time.Since(start).Seconds()

	b.SetBytes(int64(total))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			tg.Tag(d)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	mb := float64(total) * float64(b.N) / 1e6
	mbs := mb / b.Elapsed().Seconds()
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/mb, "allocs/MB")
	b.ReportMetric(fieldsMBs, "fields-MB/s")
	b.ReportMetric(fieldsMBs/mbs, "x-slower-than-fields")
}

// BenchmarkTagParallel tags the same corpus from GOMAXPROCS goroutines.
func BenchmarkTagParallel(b *testing.B) {
	docs, _ := benchCorpus(b)
	tg := mustTagger(b)
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, d := range docs {
				tg.Tag(d)
			}
		}
	})
}

// BenchmarkNew measures building a tagger from the built-in taxonomy.
func BenchmarkNew(b *testing.B) {
	tax := mustTagger(b) // warm the config decoding once
	_ = tax
	for b.Loop() {
		mustNewDefault(b)
	}
}

// BenchmarkTagPathological tags inputs built to hurt (one sentence of 1 MB,
// one word repeated, dots, brackets, junk) at 1 MiB and 4 MiB and reports
// the time per byte of the larger over the smaller: linear time gives about
// 1, quadratic about 4. Not an assertion: read it.
func BenchmarkTagPathological(b *testing.B) {
	tg := mustTagger(b)
	words := strings.Fields("probiotics reduced acne and stress worsens psoriasis while the gut microbiome may influence eczema")
	inputs := map[string]func(n int) string{
		"sentence": func(n int) string {
			var s strings.Builder
			for i := 0; s.Len() < n; i++ {
				s.WriteString(words[i*7%len(words)])
				s.WriteByte(' ')
			}
			return s.String()
		},
		"one-word": func(n int) string { return strings.Repeat("acne ", n/5) },
		"dots":     func(n int) string { return strings.Repeat("a.", n/2) },
		"brackets": func(n int) string { return strings.Repeat("atopic dermatitis (AD) ", n/23) },
		// words that refer back to the microbes named before them
		"these-microbes": func(n int) string { return strings.Repeat("gut microbiota these bacteria ", n/30) },
		// nouns that refer back, and verbs whose particle follows their
		// object, with no concept to find ("the transplants ... up")
		// the forms of round r11b: species named in full, then by their
		// genus's initial, groups glued inside words ("25(OH)D"), hanging
		// prefixes, barrier proteins placed by the sentence's barrier
		"r11b-forms": func(n int) string {
			return strings.Repeat("Akkermansia muciniphila and A. muciniphila with 25(OH)D, pre- and probiotics, tight junction proteins of the blood-brain barrier ", n/125)
		},
		"strain-codes": func(n int) string {
			return strings.Repeat("Lactobacillus plantarum PS128 and Bifidobacterium breve 207-1 were given; PS128 and 207-1 helped. ", n/98)
		},
		// the wordings of round r12: examples after a participle,
		// items with a head noun, a shared cause, a contrast, a title's
		// role, each a claim sentence
		"r12-series": func(n int) string {
			return strings.Repeat("zinc improved several markers altered by stress, such as IL-6, acne severity and zonulin, and lowered cortisol, "+
				"whereas eczema scores remained unchanged after antibiotic-induced microbiome depletion: the role of the gut microbiota. ", n/230)
		},
		// the wordings of rules r13 in one endless sentence: elided verbs,
		// settings, conversions, properties, series of nouns of change,
		// causatives and clause-opening pronouns
		"r13-wordings": func(n int) string {
			return strings.Repeat("zonulin correlated with acne, whereas IL-6 did not, adding inulin to a western diet lowered permeability, "+
				"gut bacteria ferment fibre into butyrate, zinc has anti-inflammatory effects that could help, a reduction in SCORAD, "+
				"a decrease in IgE, and an increase in butyrate, and it lets endotoxins in and makes eczema worse ", n/330)
		},
		// the wordings of rules r14 in one endless sentence: co-changes,
		// lowered gerunds and relatives, "without" gerunds, series
		// across sizes, contrasts with no subject, favoured arms
		"r14-wordings": func(n int) string {
			return strings.Repeat("the fall in SCORAD mirrored the rise in butyrate, probiotics lowered zonulin, which may improve acne, "+
				"and protected mice from developing eczema without changing IL-6, lowered CRP from 62 to 41 mg and raised butyrate by 35% "+
				"but did not lower IgE, the reduction in PASI favoured zinc, and a modest but significant improvement in acne ", n/380)
		},
		// the wordings of rules r15 in one endless sentence: verb series
		// after a head noun, an appositive participle clause, a relative
		// clause on an avoided item, a modifier before a relative, a
		// covariate, people without a concept, a comparison in a series
		"r15-wordings": func(n int) string {
			return strings.Repeat("the fibre-rich diet increased butyrate, lowered CRP, and improved acne relative to placebo and raised IL-10, "+
				"butyrate, produced when gut bacteria ferment fibre, dampens inflammation, avoid sugar, which spikes insulin and worsens acne, "+
				"the inflammatory burden that drives psoriasis, irrespective of antibiotic use, in patients without SIBO, ", n/420)
		},
		// the wordings of rules r16 in one endless sentence: questions and
		// asides after a statement, "clear" after an auxiliary, risks
		// around their outcome, additions to care, treatments named by a
		// copula, transferred communities, "worse after"
		"r16-wordings": func(n int) string {
			return strings.Repeat("zinc did not clear acne, but whether it helps rosacea is unknown, so ask whether probiotics make sense, "+
				"and trials of diets are warranted, tied to a higher eczema risk, sleep may be a simple, cheap addition to acne care, "+
				"what helps acne is zinc, transferring faecal microbiota worsened psoriasis, eczema gets worse after poor sleep, ", n/460)
		},
		// rules r17: an association's verb after "between", doses in
		// parentheses, asides between a subject and its verb, repeated
		// prepositions past statistics, clauses of their own after ", and",
		// arms by "-free", collective subjects
		"r17-wordings": func(n int) string {
			return strings.Repeat("the association between fibre and acne was attenuated, zinc (30 mg/day) lowered IL-6 and acne, "+
				"sugar, by contrast, worsened psoriasis, zonulin correlated with PASI (rho = 0.4) and with IL-6 (rho = 0.3) "+
				"and a later trial found that kefir reduced eczema, in fibre-free mice butyrate fell, ", n/400)
		},
		// rules r18 in one endless sentence: bare flares of the document's
		// condition, lists across kinds past adjectives, "as well as",
		// lost diversity of patients, findings in people with a
		// condition, statistics in parentheses, "did not, however,"
		"r18-wordings": func(n int) string {
			return strings.Repeat("hidradenitis suppurativa flares, fewer flares, high stress, poor sleep or sugary snacks and fibre as well as "+
				"poor sleep, patients with acne had a less diverse gut microbiota, studies reported an altered gut microbiota and reduced "+
				"butyrate in patients with chronic urticaria (mean difference -1.4; 95% CI 0.2), it did not, however, lower IL-6. ", n/420)
		},
		// the rules r19 read without a full stop: arms not named, a chain
		// adverb, significance taken back, a pronoun after "because",
		// nouns of change in a series, arm counts, a gerund's list
		"r19-wordings": func(n int) string {
			return strings.Repeat("butyrate increased with the synbiotic, whereas IgE did not change in either arm and the difference was "+
				"not significant, probiotics lower IL-6 and thereby ease acne because it repairs the barrier and an enrichment of "+
				"Ruminococcus in 19 of 93 infants given probiotics and 33 of 91 given placebo, cutting down on sugar and white bread helps ", n/400)
		},
		// the rules r20 read without a full stop: evidence said to be
		// lacking, relative clauses and examples before a verb, agents of
		// a change, a community that makes a metabolite, coordinated
		// people and gerunds, toxins listed as examples, a result with the
		// time it came, statistics in parentheses
		"r20-wordings": func(n int) string {
			return "Evidence for probiotics in acne " + strings.Repeat("and prebiotics, which feed gut bacteria, such as fibre or zinc, "+
				"may help prevent eczema, disruption of the gut microbiome by antibiotics, diets or stress, the gut bacteria that make "+
				"butyrate, patients with acne and those with psoriasis, cutting back on sugar and eating more fibre, neurotoxins, such "+
				"as lead and selenium, eczema was reduced by 22% when probiotics were given to mice fed butyrate (rho = 0.1, p = 0.2) ", n/420) +
				"is lacking."
		},
		// the wordings of rules r21 in one endless sentence: places before
		// relatives, lists with modifiers, efficacy comparisons, method
		// asides, hyphenated participles, questions and reporting frames
		"r21-wordings": func(n int) string {
			return "Dermatologists say the evidence for probiotics in acne " + strings.Repeat("and inflammation throughout the body, which "+
				"then worsens acne, stress and too little sleep, lack of sleep and cold weather, zinc is less effective than antibiotics, "+
				"fibre intake, assessed by questionnaire, butyrate-promoting prebiotics, replacing 10% of sugar, both of which have "+
				"anti-inflammatory properties, the question of whether stress alters the gut flora and thereby harms the skin barrier, "+
				"stress is common and may alter the gut microbiota ", n/570) +
				"is thin."
		},
		// the wordings of rules r22, in sentences short enough to be
		// analysed as claims: arms without "group", evidence lacking after
		// a contrast, appositives, ranges, sources, topic gerunds,
		// correlated changes, flares with their cause after them,
		// comparisons in people
		"r22-wordings": func(n int) string {
			return strings.Repeat("Still, the evidence for probiotics in acne is thin, but erythema was lower in probiotic-fed than "+
				"in control mice and FO mice had lower IL-17, although the evidence behind it is thin. Butyrate, a fatty acid that "+
				"strengthens the gut barrier, reduced everything from acne to eczema, and strains isolated from kefir fuelled "+
				"interest in restoring the gut microbiota. The reduction in EASI did not correlate with the rise in zinc, eczema "+
				"flares up every time stress rises, and higher zonulin and LPS were found in patients with psoriasis than in "+
				"healthy controls. ", n/720)
		},
		// the wordings of rules r23, in sentences short enough to be
		// analysed as claims
		"r23-wordings": func(n int) string {
			return strings.Repeat("Probiotics taken during a course of antibiotics prevented eczema, and HOMA-IR correlated "+
				"positively with PASI (r = 0.38) and inversely with microbial diversity (r = -0.29), but there is no good "+
				"evidence for this. A yoghurt containing probiotics lowered SCORAD by 5.9 points and IgE by 15%, whereas zinc "+
				"had no significant effect. Those who cut back on sugar were associated with 18% fewer flares, and patients "+
				"had higher zonulin, LPS and CRP than controls. ", n/457)
		},
		// the wordings of rules r29 (lost effects, falls after "no longer",
		// affirmed elisions, retracted claims, evidence that is thin or
		// found somewhere), one paragraph repeated
		// the wordings of rules r43 and r44 in one endless sentence: arms
		// that did not change, lists after "no", denials before a clause
		// of their own, relations set aside with their concept, the means
		// of a removal, smaller changes in an arm
		"r44-wordings": func(n int) string {
			return strings.Repeat("IL-6 fell in the vitamin D arm but did not change in the probiotic arm, no vitamin, oil or probiotic "+
				"has been shown to clear eczema, my acne stayed the same for months, then zinc cleared it until probiotics "+
				"cleared eczema, low vitamin D is a marker rather than a cause of eczema, SIBO eradication with rifaximin "+
				"improved rosacea and cortisol rose less steeply in the probiotic group, but no trial has shown this yet ", n/420)
		},
		// denials in themselves, lists after "no" and claims denied by "no
		// trial has shown this" in one sentence with no punctuation at all
		"r47-denials": func(n int) string {
			return strings.Repeat("my acne stayed the same until zinc cleared it and no vitamin oil or probiotic has been shown "+
				"to clear eczema but no trial has shown this yet and we found that fibre fell flat and eczema "+
				"did not change in the probiotic arm ", n/220)
		},
		// verbs in series with passives, denials and asides, in one
		// sentence with no full stop (rules r48-r49)
		"r49-series": func(n int) string {
			return strings.Repeat("eczema was worsened by sugar and eased by fibre and zonulin decreased with the probiotic but "+
				"did not change with placebo, and faecal butyrate rose by 29% and zinc reduced acne but not rosacea, and "+
				"lowered IL-6 and a trial of a high-fibre diet in psoriasis found no benefit and the probiotic group had lower "+
				"SCORAD and unchanged IL-6, a lower faecal Shannon index and more IL-6 ", n/420)
		},
		// clauses of people, series of comparatives with articles and
		// relative clauses after lists (rules r51)
		"r51-clauses": func(n int) string {
			return strings.Repeat("butyrate calms inflammation, and studies show that people with acne have a less diverse gut "+
				"microbiome and a lower abundance of bifidobacteria, fibre deprivation aggravates dermatitis, cut back on "+
				"processed meats, sugary drinks and fast food, which tend to fuel inflammation, in psoriasis studies found "+
				"lower butyrate ", n/380)
		},
		// verbs after a conjunction across the adjuncts of their object,
		// arms compared with control arms, lists of findings in people,
		// bare outcome clauses, trials called for, shared modifiers and
		// Candida placed by site (rules r55-r60), run together with no full
		// stop so each rule's scan meets a sentence of any length
		"r55-r60": func(n int) string {
			return strings.Repeat("rifaximin eradicated SIBO in 68% of treated patients and led to a clinically meaningful "+
				"reduction in rosacea, men who switched to a low-glycaemic diet had fewer pimples than those on a waiting "+
				"list, studies reported reduced alpha diversity and an expansion of Proteobacteria in patients with vitiligo, "+
				"butyrate fell in the synbiotic group, and zonulin rose, randomised trials that follow children are needed "+
				"before probiotics can be recommended to prevent eczema, isoflavones improved skin elasticity and hydration "+
				"and Candida in the stool of patients with psoriasis lets endotoxin leak and trigger inflammation ", n/560)
		},
		// condition head nouns that refer back to the condition named
		// before ("radiation dermatitis ... dermatitis"), others of the
		// same head that reset it, thresholds, "stopped the loss of", and
		// comparatives of frequency after event verbs (rules r63-r64), run
		// together with no full stop
		"r63-r64": func(n int) string {
			return strings.Repeat("radiation dermatitis and grade 2 or higher dermatitis occurred less often with the probiotic, "+
				"contact dermatitis and the dermatitis of the hands, fibre stopped the loss of gut taxa and other gut taxa, "+
				"inositol lowered the free androgen index while skin toxicity and moist desquamation were rare and "+
				"eczema developed less often in infants given the probiotic ", n/398)
		},
		// lists after lead-ins with comparatives of their own, gapped
		// comparisons, chained relatives, harm to a good concept, "keeps Y
		// high (low)", "low in", an opening question before a contrast,
		// examples after a relative clause and "no more than" a control's
		// people (rules r66-r70), run together with no full stop
		"r66-r70": func(n int) string {
			return strings.Repeat("overall, reduced microbial diversity and elevated zonulin, higher serum LPS and poorer sleep quality were low in "+
				"patients with eczema, zonulin was lower, butyrate higher and CRP lower in women taking the probiotic than in those given placebo, "+
				"fibre feeds gut bacteria, which produce butyrate, which calms inflammation, cortisol weakens the skin barrier, which worsens "+
				"eczema, sugar keeps insulin high and fibre keeps inflammation low, whether probiotics help acne is unclear, but they reduce "+
				"inflammation, interventions that tighten the gut barrier, such as fibre or probiotics, improved eczema no more than in those "+
				"given dummy pills ", n/635)
		},
		// "out of balance" and "back into balance" with relatives, starts
		// and frequency, imperatives with their own clauses and
		// appositives, the skin's own community, "among" people, study
		// nouns' relatives and lists with their own comparatives (rules
		// r76-r84), run together with no full stop
		"r76-r84": func(n int) string {
			return strings.Repeat("antibiotics knock the gut flora out of balance, which can trigger eczema, probiotics put the gut microbiome back "+
				"into balance after antibiotics, since I started taking probiotics my eczema flared far less often, cut sugar, since it worsens "+
				"acne, ditch sugary sodas, the worst offenders for acne, your skin has its own microbiome, probiotic use was more frequent "+
				"among patients with acne and rosacea, trials that reported fewer acne lesions with probiotics, mice given antibiotics had "+
				"lower butyrate and more severe psoriasis-like inflammation, the strain restored ZO-1, lowered LPS and reduced lesions ", n/780)
		},
		"r29-wordings": func(n int) string {
			return strings.Repeat("In Ffar2 knockout mice, butyrate no longer accelerated the healing of skin wounds. After zinc, "+
				"acne no longer flared. The high-fibre diet did not reduce eczema, whereas oral butyrate did. Probiotics reduced "+
				"eczema in one trial, but no larger trial has confirmed this. For acne, the evidence that zinc supplements help is "+
				"thin. The best evidence for topical probiotics comes from eczema. ", n/387)
		},
		// the wordings of rules r28 (fed taxa, denied findings with long
		// subjects, compared risks, steady arms, prevention, clauses of
		// time on people, relatives of the lowered, shown pronouns), one
		// paragraph repeated
		"r28-wordings": func(n int) string {
			return strings.Repeat("Human milk oligosaccharides feed bifidobacteria in the infant gut. We did not find that a "+
				"high glycaemic load was associated with acne once insulin resistance was taken into account. The risk of "+
				"eczema was lower in infants given probiotics, and IL-6 rose in the placebo group but remained stable in the "+
				"probiotic group. Breathing exercises keep cortisol from spiking. Rosacea improved in patients whose SIBO was "+
				"eradicated. Butyrate reduces Th17 cells, which promote psoriasis. Probiotics have been proposed, but trials "+
				"have not shown they prevent eczema. ", n/556)
		},
		// the wordings of rules r27 (fronted set-asides, references, sizes
		// in order, arms named together, retracted claims, comparatives
		// after a verb of making), one paragraph repeated
		"r27-wordings": func(n int) string {
			return strings.Repeat("Unlike sugary drinks, plain water does not trigger acne. Fibre is fermented into short-chain "+
				"fatty acids, and these fatty acids keep the gut lining sealed and may even help calm redness. The probiotic "+
				"increased skin hydration by 10.8% and 8.2%, respectively, and reduced transepidermal water loss. Clearance of "+
				"rosacea was achieved by 46% and 12% of patients in the rifaximin and placebo arms, respectively. Greasy food is "+
				"said to cause acne, but studies have not confirmed this, and the science behind that idea is thin. Probiotics "+
				"made eczema flares less frequent, but they have not been shown to help acne. ", n/610)
		},
		// the wordings of rules r26 (hedges of reasons and frames, denials
		// of evidence, contents of a noun, appositives, transfers, shared
		// arms, the skin as a subject), one paragraph repeated
		"r26-wordings": func(n int) string {
			return strings.Repeat("Rosacea, a chronic inflammatory skin condition, has been linked to SIBO, increased intestinal "+
				"permeability and low serum vitamin D, perhaps because it was rarely measured. An anti-inflammatory diet low "+
				"in sugar and rich in fibre reduced acne, a new study suggests, but the research simply isn't there yet. "+
				"Mice that received psoriasis microbiota from patients developed worse dermatitis. PASI fell by 48% in the "+
				"probiotic group and by 19% in the placebo group, and serum zonulin decreased by 22% versus 3%. My skin "+
				"cleared up after cutting out sugar, and neither brand could show us any evidence. ", n/597)
		},
		// the wordings of rules r25 (passive conversions, substances given
		// during something, making and leaving, a changed bare diversity),
		// one paragraph repeated
		"r25-wordings": func(n int) string {
			return strings.Repeat("Dietary fibre is fermented in the colon into short-chain fatty acids, which help maintain the intestinal "+
				"barrier. Butyrate given during antibiotic exposure restored regulatory T cells, and sugar can make the "+
				"gut lining leakier. Repeated courses of antibiotics can leave the gut flora less diverse, and two trials "+
				"reported a rise in diversity with probiotics. ", n/359)
		},
		// the wordings of rules r24 (object series past statistics, brackets
		// and measure nouns, subjects before a clause of time, relatives,
		// off balance), one paragraph repeated
		"r24-wordings": func(n int) string {
			return strings.Repeat("A high-fat diet raised circulating lipopolysaccharide (LPS) and serum TNF-α and IL-6, and antibiotics "+
				"reduced C. acnes load and skin microbial diversity. Serum zinc was lower in patients with alopecia areata "+
				"(SMD -0.88), vitiligo (SMD -0.47) and acne (SMD -0.62) than in healthy controls. Eating fibre while "+
				"you're on antibiotics may help your gut bacteria, but neither trial measured the gut microbiota. Mice "+
				"develop dysbiosis, which is partly reversed by probiotics, and stress can leave your gut flora out of "+
				"balance. ", n/522)
		},
		// one sentence of about 1.6 kB: items with statistics of their own
		// ("<Y> (SMD -0.88), <Z> (SMD -0.47) and ..."), each a list that
		// goes on past its statistics
		"r24-statistics": func(n int) string {
			return strings.Repeat("Zinc was lower in "+strings.Repeat("acne (SMD -0.62), vitiligo (SMD -0.47), ", 38)+
				"and psoriasis than in controls. ", n/1570)
		},
		// a series of outcomes after a verb of change, in sentences of the
		// most a claim is analysed
		"r23-series": func(n int) string {
			return strings.Repeat(strings.Repeat("lowered acne, zonulin, eczema, LPS, psoriasis and IL-6, ", 30)+"done. ", n/1686)
		},
		// comparatives of many outcomes in many arms named without "group",
		// one sentence each of about 1.9 kB: the most a claim is analysed
		"r22-arms": func(n int) string {
			return strings.Repeat(strings.Repeat("lower acne and eczema and psoriasis and zonulin in mice fed probiotics, ", 27)+"done. ", n/1950)
		},
		// a taxonomy modifier before endless nouns, and favourable changes
		// of the community after an intervention
		"modifiers": func(n int) string {
			return strings.Repeat("fermented wheat germ fermented fermented by favourable changes in gut microbiota after inulin ", n/92)
		},
		// the forms of the lead's round r11: one endless comma list of
		// names of two kinds, product codes after a concept and used
		// alone, the community of a population
		"r11-lists": func(n int) string {
			return strings.Repeat("acne, probiotics, acne, probiotic QX-12, the gut microbiota of psoriasis patients, QX-12, ", n/89)
		},
		// plain changes of the community, judged by the concepts of their
		// sentence
		"codes": func(n int) string {
			return "the probiotic QX-12 was given. " + strings.Repeat("QX-12-QX-12-", n/12)
		},
		"changes": func(n int) string {
			return strings.Repeat("changes in the gut microbiota of acne patients ", n/48)
		},
		// short forms that are synonyms and abbreviations, defined as
		// something else in both orders, and synonym short forms after
		// long forms the taxonomy lacks (rules r111)
		"short-form-synonyms": func(n int) string {
			return strings.Repeat("HS (heparan sulfate) and heparan sulfate (HS) with HS, NOD-like receptor protein 3 (NLRP3) and NLRP3. ", n/101)
		},
		"refer-split": func(n int) string {
			return strings.Repeat("the transplants the overgrowth brought it down push up ", n/55)
		},
		"junk": func(n int) string {
			junk := make([]byte, n)
			for i := range junk {
				junk[i] = byte(i*131 + i>>7)
			}
			return string(junk)
		},
	}
	for _, name := range slices.Sorted(maps.Keys(inputs)) {
		b.Run(name, func(b *testing.B) {
			small, large := inputs[name](1<<20), inputs[name](4<<20)
			var ts, tl time.Duration
			for b.Loop() {
				start := time.Now()
				tg.Tag(Document{Text: small})
				ts += time.Since(start)
				start = time.Now()
				tg.Tag(Document{Text: large})
				tl += time.Since(start)
			}
			perByteSmall := float64(ts) / float64(len(small))
			perByteLarge := float64(tl) / float64(len(large))
			b.ReportMetric(perByteLarge/perByteSmall, "4MiB/1MiB-per-byte")
			b.ReportMetric(float64(len(large))/1e6/(tl.Seconds()/float64(b.N)), "MB/s-at-4MiB")
		})
	}
}
