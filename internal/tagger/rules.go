package tagger

import "strings"

// This file holds the tagger's rules as data: phrases that are never
// concepts, the word classes the context rules look for, and the cue
// phrases of claims (relations, negation, hedging, aims and methods). Change
// rulesRevision when you change anything here or in the logic that reads it.

// rulesRevision identifies the rules; it is part of Tagger.Version.
const rulesRevision = "r4"

// Stop phrases win the longest match like synonyms but name no concept: they
// keep a common word from being read in a sense it does not have here.
var stopPhrases = []string{
	// "stress" that is not psychological stress
	"oxidative stress", "nitrosative stress", "ER stress", "endoplasmic reticulum stress",
	"cellular stress", "metabolic stress", "heat stress", "cold stress", "osmotic stress",
	"acid stress", "genotoxic stress", "mechanical stress", "shear stress", "replication stress",
	"proteotoxic stress", "thermal stress", "environmental stress", "nutritional stress",
	"stress granules", "stress fibers", "stress urinary incontinence", "stress fracture",
	"stress fractures", "stress test", "stress testing", "stress response genes",
	"stress-strain", "stress strain", "residual stress", "tensile stress", "compressive stress",
	"stress analysis", "stress distribution", "stress concentration", "wall stress", "hemodynamic stress",
	"haemodynamic stress", "hypoxic stress", "salt stress", "drought stress", "stress echocardiography",
	"stress ulcer", "stress ulcers", "stress hyperglycemia", "stress hyperglycaemia", "stress relaxation",
	"inflammatory stress", "replicative stress", "stress tests", "pharmacological stress", "exercise stress",
	// "fiber" that is not food
	"nerve fiber", "nerve fibre", "muscle fiber", "muscle fibre", "collagen fiber",
	"collagen fibre", "elastic fiber", "elastic fibre", "optic fiber", "fiber optic",
	"mossy fiber", "Purkinje fiber", "sensory fiber", "afferent fiber", "efferent fiber",
	"C fiber", "C-fibre", "fiber tract", "fiber photometry", "stress fiber",
	"elastin fiber", "elastin fibre", "keratin fiber", "reticular fiber", "hair fiber", "cotton fiber",
	"carbon fiber", "glass fiber", "optical fiber", "fiber-optic", "fibre-optic",
	// "sugar" that is not food
	"blood sugar", "sugar levels", "sugar alcohol", "amino sugar", "nucleotide sugar",
	"sugar beet", "sugar moieties",
	// dryness, redness and irritation elsewhere than the skin
	"vaginal dryness", "dry eye", "eye dryness", "ocular dryness", "dry mouth", "mouth dryness",
	"dryness of the mouth", "dryness of the eyes", "dryness of the eye", "dryness of the vagina",
	"oral dryness", "nasal dryness", "dry eyes", "dry cough",
	"eye redness", "ocular redness", "gastric irritation", "bowel irritation", "eye irritation",
	"throat irritation", "bladder irritation", "irritation of the eyes", "irritation of the eye",
	"irritation of the throat", "irritation of the airways", "airway irritation", "nasal irritation",
	"rash decision", "rash decisions", "flushing the toilet", "toilet flushing",
	// barriers that are not the skin's or the gut's
	"blood-brain barrier", "blood brain barrier", "placental barrier", "language barrier",
	"language barriers", "barriers to care", "barriers to treatment",
	// eczema that is not atopic dermatitis
	"contact dermatitis", "contact eczema", "hand eczema", "dyshidrotic eczema",
	"nummular eczema", "varicose eczema", "stasis dermatitis", "occupational dermatitis",
	"allergic contact", "contact allergy", "eczema herpeticum",
	// not a treatment given or taken
	"antibiotic resistance", "antibiotic resistant", "antibiotic-resistant", "antibiotic susceptibility",
	"antimicrobial resistance", "antibiotic resistance genes", "probiotic colonies",
	"zinc finger", "zinc fingers", "zinc oxide", "key takeaways", "key takeaway", "vitamin D receptor", "serum vitamin D",
	"ice cream", "ice creams", "sour cream", "whipped cream",
	// "topical" as a figure of speech
	"topical issue", "topical question", "topical subject",
	// irritants applied to the skin to induce a disease model, not skincare
	"topical imiquimod", "topical IMQ", "topical application of imiquimod",
	"topical application of IMQ", "topical application with imiquimod", "topical application with IMQ",
	"topically applied imiquimod", "topically applied IMQ", "imiquimod cream", "IMQ cream",
	"topical DNCB", "topical DNFB", "topical oxazolone", "topical application of DNCB",
	"topical application of DNFB", "topical application of oxazolone", "topical application of MC903",
	"topical MC903", "topical TPA", "topical application of TPA",
	// "immune" in off-inventory disease names
	"immune thrombocytopenia", "immune deficiency", "immunodeficiency",
	// "immune-mediated" classifying a disease, not an immune mechanism
	"immune-mediated disease", "immune-mediated disorder", "immune-mediated condition",
	"immune-mediated inflammatory disease", "immune-mediated inflammatory disorder",
	"immune-mediated skin disease", "immune-mediated skin disorder", "immune-mediated dermatosis",
	"immune-mediated inflammatory skin disease", "immune-mediated chronic inflammatory disease",
	// "hormone" in a drug or lab sense
	"growth hormone-releasing", "insulin pump", "insulin pen", "serotonin syndrome",
	"serotonin reuptake inhibitor", "serotonin reuptake inhibitors",
	// drugs named after the molecule they block: biologics, not the body's
	// inflammation or immune response
	"immune checkpoint inhibitor", "immune checkpoint inhibitors", "checkpoint inhibitor",
	"checkpoint inhibitors", "anti-TNF", "anti-TNF-α", "anti-TNF-alpha", "TNF inhibitor",
	"TNF inhibitors", "TNF-α inhibitor", "TNF-α inhibitors", "TNF-alpha inhibitor",
	"TNF-alpha inhibitors", "TNF blocker", "TNF blockers", "TNF antagonist", "TNF antagonists",
	"anti-IL-17", "anti-IL-17A", "anti-IL-23", "anti-IL-12/23", "IL-17 inhibitor", "IL-17 inhibitors",
	"IL-17A inhibitor", "IL-17A inhibitors", "IL-23 inhibitor", "IL-23 inhibitors", "IL-17 antibody",
	"IL-17A antibody", "IL-23 antibody", "IL-17 blocker", "IL-17 blockers", "IL-6 inhibitor",
	"IL-6 inhibitors", "anti-IgE", "IL-17 antagonist", "IL-17 antagonists",
	// inflammation that names an off-inventory disease
	"inflammatory bowel disease", "inflammatory bowel diseases", "pelvic inflammatory disease",
	"inflammatory breast cancer", "chronic inflammatory demyelinating polyneuropathy",
	// flushing that is not the skin's
	"hot flushes", "hot flashes", "hot flush", "hot flash", "flushing of the catheter",
	"flushing out", "flushing of", "catheter flushing", "saline flushing", "flushing solution",
	"line flushing", "flushing with",
	// sleep as a lab state
	"sleep apnea", "sleep apnoea", "sleep mode", "sleep timer",
	// retinol as vitamin A in the body, not a skincare product
	"retinol metabolism", "serum retinol", "plasma retinol", "retinol binding", "retinol-binding",
	// drinking water as the vehicle of a drug, not hydration
	"via drinking water", "in drinking water", "in the drinking water", "via the drinking water",
	"to the drinking water", "in their drinking water", "drinking water supply",
	// lactulose as a test sugar, not a prebiotic
	"lactulose breath test", "lactulose hydrogen breath test", "glucose breath test",
	"hydrogen breath test", "lactulose breath testing", "breath testing with lactulose",
	"breath test with lactulose", "breath tests with lactulose", "breath test using lactulose",
	// "stressed" cells and tissues
	"heat stressed", "heat-stressed", "oxidatively stressed", "stressed cells", "stressed skin",
	"stressed-out skin",
}

// contactSense are stop phrases that, once seen in a document, mean its
// bare "eczema" is contact eczema rather than atopic dermatitis.
var contactSense = []string{
	"contact dermatitis", "contact eczema", "hand eczema", "occupational dermatitis",
	"allergic contact", "contact allergy",
}

// bareEczema are synonyms of atopic dermatitis that also name other eczemas.
var bareEczema = []string{"eczema", "eczematous"}

// generalSkinInflammation are skin-inflammation synonyms that also classify
// a named disease: in apposition to one ("dermatitis herpetiformis, an
// itchy rash") they name that disease only.
var generalSkinInflammation = []string{"rash", "skin rash", "skin eruption", "eruption"}

// bareMicrobiome are gut-microbiome synonyms that do not say where the
// microbes live: the words around them decide (gut by default).
var bareMicrobiome = []string{"microbiome", "microbiota", "microflora", "microbial community"}

// probioticWords are probiotics synonyms that name the intervention itself;
// the others (taxa such as Lactobacillus) may name resident gut microbes.
var probioticWords = []string{"probiotic", "pro biotic", "probiotic supplement",
	"probiotic supplementation", "probiotic bacteria", "probiotic strain", "live culture",
	"live and active culture"}

// Word classes the context rules look for, by class.
const (
	clsGut              = 1 << iota // the gut as a place
	clsSkin                         // the skin as a place
	clsMicrobe                      // microbes in general
	clsNonGutSite                   // other body sites and habitats of microbes
	clsBlood                        // the circulation
	clsToxin                        // toxins
	clsDiversity                    // diversity and richness
	clsBarrier                      // barrier
	clsBacteria                     // bare microbes that need a gut context
	clsDysbiosis                    // words that make a microbiome mention dysbiosis
	clsChange                       // change, shift (dysbiosis only with composition)
	clsComposition                  // composition, taxonomic
	clsTransplant                   // transplantation of a microbiome
	clsAbundance                    // a taxon counted, not given
	clsSupplement                   // something given or taken
	clsResist                       // antibiotic resistance or susceptibility
	clsSkinVerb                     // verbs whose object "skin" means skin health
	clsDeterminer                   // the, your, our, on
	clsGroup                        // group words that turn "similar" into no difference
	clsComparative                  // more, less, as, equally before "likely"
	clsPlayRole                     // words that make "role" a relation
	clsConj                         // and, or
	clsNegWord                      // without, non, free: a long form that denies its concept
	clsEffectNoun                   // effect, role: "protective effect" states a direction
	clsBridgeBefore                 // words between a modifier and the microbiome it modifies
	clsBridgeAfter                  // words between a microbiome and a modifier after it
	clsCopula                       // is, are: "X is a skin disease"
	clsLesion                       // lesions, papules: "inflammatory lesions" are on the skin
	clsAdjective                    // adjectives between an article and a noun: "a chronic inflammatory disease"
	clsArticle                      // the, a, an, your
	clsPlay                         // play, plays: "plays a role"
	clsOfLike                       // of, on, between: a topic noun, not a verb, comes before them
	clsBloodWord                    // "blood": the circulation only right next to a toxin
	clsLess                         // less, lower, reduced: a diversity that is lost is dysbiosis
	clsPermeability                 // bare "permeability": the gut's unless another site is named
	clsOtherBarrierSite             // vascular, blood-brain, membrane: permeability that is not the gut's
	clsAntibody                     // antibodies: an immune response unless a lab reagent
	clsReagent                      // monoclonal, staining: antibodies used as reagents
	clsFlare                        // flare, flares: a skin flare in a document about the skin
	clsOffSkinDisease               // lupus, colitis: flares that are not the skin's
	clsSpots                        // spots: acne on the skin
	clsSpotSkin                     // words that put spots on the skin (red, chin, teenage)
	clsNotSpot                      // dark, age, blind: spots that are not acne
	clsOutcome                      // itch, redness, symptoms: "sleep" listed with them is an outcome
	clsLocal                        // spots, pimples, lesions: inflammation on the skin
	clsSkinPrep                     // in, behind, around: "inflammation behind the spots"
	clsInflamedAdj                  // red, angry, inflamed: spots that are inflamed
	clsHabitat                      // cavity, swab, tract: a site named as a habitat of microbes
	clsSitePath                     // of, in, on the: words that link microbes to the place they live
	clsProducing                    // producing: "butyrate-producing bacteria" live in the gut
	clsColonised                    // colonised: "mice colonised with bacteria"
)

var wordClasses = map[uint64][]string{
	clsGut: {"gut", "guts", "intestine", "intestinal", "bowel", "colon", "colonic", "digestive",
		"gastrointestinal", "fecal", "faecal", "feces", "faeces", "stool", "enteric", "ileal", "cecal",
		"caecal", "cecum", "caecum", "belly", "tummy", "digestion", "germfree", "gnotobiotic"},
	clsSkin: {"skin", "cutaneous", "epidermal", "dermal", "epidermis", "dermis", "scalp", "facial", "face"},
	clsMicrobe: {"microbial", "microbiome", "microbiota", "bacterial", "bacteria", "flora", "taxa",
		"community", "communities", "microbes", "microorganisms", "gut", "fungal", "species"},
	clsNonGutSite: {"oral", "vaginal", "nasal", "lung", "lungs", "airway", "respiratory", "placental",
		"placenta", "milk", "soil", "rumen", "root", "plant", "environmental", "salivary", "urinary",
		"ocular", "conjunctival", "breast", "tumor", "tumour", "intratumoral", "water", "sputum",
		"nasopharyngeal", "vagina", "mouth", "urine", "bladder", "seminal", "uterine", "endometrial",
		"cervical", "brain", "hospital", "wastewater", "marine", "ocean", "lake", "sediment"},
	clsBlood:     {"bloodstream", "circulation", "systemic", "plasma", "serum", "circulating"},
	clsBloodWord: {"blood"},
	clsToxin:     {"toxin", "toxins", "neurotoxin", "neurotoxins"},
	clsDiversity: {"diversity", "diverse", "varied", "richness", "evenness"},
	clsBarrier:   {"barrier"},
	clsBacteria:  {"bacteria", "bacterial", "microbes", "microorganisms", "microbe", "bugs"},
	clsDysbiosis: {"imbalance", "imbalanced", "unbalanced", "disrupt", "disrupts", "disrupted",
		"disrupting", "disruption", "disruptions", "disturb", "disturbs", "disturbed", "disturbance",
		"disturbances", "perturb", "perturbed", "perturbation", "perturbations", "abnormal",
		"abnormalities", "aberrant", "altered", "alteration", "alterations", "dysregulated",
		"dysregulation", "devastate", "devastates", "devastated", "depleted", "impaired", "damaged",
		"unhealthy"},
	clsChange: {"change", "changes", "changed", "changing", "shift", "shifts", "shifted", "shifting",
		"different", "upset", "upsets", "upsetting", "tip", "tips", "tipped", "tipping", "skew",
		"skews", "skewed", "distort", "distorts", "distorted", "thrown", "throw", "throws", "threw"},
	clsComposition: {"composition", "compositional", "taxonomic", "balance", "mix", "makeup",
		"make", "profile", "profiles"},
	clsTransplant: {"transplant", "transplants", "transplanting", "transplantation", "transplanted",
		"transfer", "transferred", "transferring"},
	clsAbundance: {"abundance", "abundances", "enriched", "enrichment", "depleted", "depletion",
		"level", "levels", "proportion", "proportions", "relative", "genus", "genera", "species",
		"taxa", "spp", "count", "counts", "colonization", "colonisation", "reduction", "reductions",
		"load", "population", "populations", "ratio", "phylum", "phyla", "family", "decreased",
		"increased", "higher", "lower", "detected", "presence", "dominated", "dominant", "number",
		"numbers", "increase", "decrease", "abundant", "elevated", "reduced", "depletion",
		"taxon", "otu", "otus", "asv", "asvs", "sequencing", "signature", "biomarker", "biomarkers",
		"decreases", "increases", "enrichment", "organisms", "bacterium", "g", "colonised",
		"colonized", "colonising", "colonizing", "colonises", "colonizes", "fewer", "more", "less",
		"scarce", "absent", "lacking", "lacked", "harbour", "harbor", "harboured", "harbored",
		"carried", "dominated", "dominance"},
	clsSupplement: {"supplement", "supplements", "supplementation", "supplemented", "administration",
		"administered", "administering", "treatment", "treated", "intake",
		"ingestion", "capsule", "capsules", "given", "fed", "feeding", "strain", "strains", "dose",
		"orally",
		"doses", "cfu", "consumption", "consume", "consumed", "probiotic", "probiotics", "gavage",
		"live", "inactivated", "heat-killed", "mixture", "formulation", "product", "intervention",
		"therapy", "containing", "contains", "contained", "contain", "drink", "drinks", "tablet", "tablets",
		"sachet", "sachets", "powder", "taking", "took", "take", "received", "receiving", "trial",
		"randomised", "randomized", "placebo", "daily"},
	clsResist: {"susceptible", "susceptibility", "resistant", "resistance", "resistances", "mic",
		"mics", "tested", "isolates", "sensitive", "sensitivity"},
	clsSkinVerb: {"affect", "affects", "affected", "affecting", "impact", "impacts", "impacting",
		"benefit", "benefits", "benefiting", "improve", "improves", "improving", "nourish",
		"nourishes", "support", "supports", "reflect", "reflects", "damage", "damages", "harm",
		"harms", "heal", "heals", "protect", "protects", "transform", "transforms", "clear", "clears",
		"rejuvenate", "rejuvenates", "help", "helps", "helped", "boost", "boosts", "cleared", "improved", "transformed", "damaged", "harmed",
		"healed", "protected", "nourished", "supported", "benefited", "calm", "calms", "calmed",
		"soothe", "soothes", "soothed"},
	clsDeterminer: {"the", "your", "our", "their", "his", "her", "on", "a", "of", "my"},
	clsGroup: {"between", "both", "groups", "group", "placebo", "control", "controls", "rates",
		"rate", "levels", "incidence", "scores", "outcomes", "prevalence", "arms", "arm",
		"across", "among", "cohorts"},
	clsComparative: {"more", "less", "as", "equally", "twice", "times", "most", "least", "fold"},
	clsPlayRole: {"play", "plays", "played", "playing", "key", "pivotal", "important", "major",
		"crucial", "central", "causal", "critical", "essential", "significant", "protective",
		"causative", "contributory", "vital", "decisive", "potential", "possible", "putative",
		"role"},
	clsConj:    {"and", "or"},
	clsLesion:  {"lesion", "lesions", "papules", "pustules", "nodules", "papule", "pustule", "nodule", "dermatosis", "dermatoses", "plaques", "eruptions", "eruption", "lesional", "comedones"},
	clsArticle: {"the", "a", "an", "your", "our", "their", "its", "this", "these", "that", "those", "his", "her"},
	clsAdjective: {"chronic", "common", "relapsing", "recurrent", "inflammatory", "autoimmune",
		"multifactorial", "systemic", "complex", "frequent", "prevalent", "serious", "severe",
		"immune-mediated", "mediated", "skin", "cutaneous", "long-term", "lifelong", "debilitating",
		"persistent", "very", "highly", "most", "widespread", "disfiguring", "noncontagious",
		"non-contagious", "contagious", "genetic", "progressive", "heterogeneous", "frequently",
		"strong", "clear", "possible", "potential", "causal", "direct", "close", "important", "key",
		"major", "significant", "positive", "negative", "beneficial", "protective", "any", "no",
		"some", "such", "strongest", "bidirectional", "two-way", "complicated", "intricate", "new",
		"emerging", "growing", "novel", "overall", "main", "primary", "pivotal", "crucial", "central",
		"critical", "essential", "great", "greater", "large", "small", "little", "modest", "weak",
		"the", "a", "an"},
	clsPlay:   {"play", "plays", "played", "playing"},
	clsOfLike: {"of", "on", "between", "in", "for", "to", "with", "and", "or"},
	clsCopula: {"is", "are", "was", "were", "remains", "represents", "constitutes"},
	clsBridgeBefore: {"the", "a", "an", "of", "in", "to", "your", "our", "their", "its", "his", "her",
		"this", "these", "that", "composition", "compositional", "normal", "healthy", "host",
		"resident", "commensal", "overall", "whole", "human", "patients", "patient", "and",
		"functional", "structural", "structure", "significant", "substantial", "marked", "balance",
		"mix", "makeup", "make", "up", "profile", "population", "populations", "variety", "types",
		"kinds", "delicate", "natural", "healthy"},
	clsBridgeAfter: {"is", "was", "were", "are", "be", "been", "being", "becomes", "become",
		"became", "gets", "get", "got", "significantly", "highly", "markedly", "strongly", "also",
		"composition", "compositional", "profile", "profiles", "structure", "community",
		"communities", "the", "of", "in", "can", "may", "might", "could"},
	clsEffectNoun: {"effect", "effects", "role", "roles", "impact", "influence", "action", "actions", "properties", "potential"},
	clsNegWord:    {"without", "non", "free", "no", "not", "absence", "lacking", "negative"},
	clsLess: {"less", "lower", "low", "reduced", "reduction", "decreased", "decrease", "diminished",
		"loss", "lost", "poor", "poorer", "depleted", "lack", "lacking", "limited", "narrower",
		"impoverished", "fewer", "declining", "decline", "restricted", "lowest"},
	clsPermeability: {"permeability", "hyperpermeability", "leakiness", "permeable"},
	clsOtherBarrierSite: {"brain", "bbb", "vascular", "microvascular", "endothelial", "membrane",
		"membranes", "cell", "cellular", "capillary", "pulmonary", "lung", "alveolar", "airway",
		"renal", "glomerular", "kidney", "placental", "mitochondrial", "tumor", "tumour", "skin",
		"epidermal", "cutaneous", "dermal", "corneum", "vessel", "vessels", "retinal", "ocular",
		"corneal", "nasal", "oral", "bladder", "urothelial", "hydraulic", "soil", "gas", "drug",
		"drugs", "dentin", "enamel", "bone", "root", "leaf", "seed", "film", "films", "matrix"},
	clsAntibody: {"antibody", "antibodies"},
	clsReagent: {"monoclonal", "polyclonal", "primary", "secondary", "stained", "staining", "stain",
		"conjugated", "labeled", "labelled", "using", "anti", "chimeric", "humanized", "humanised",
		"recombinant", "receptor", "immunohistochemistry", "immunohistochemical", "immunostaining",
		"immunofluorescence", "western", "blot", "blocking", "neutralizing", "neutralising", "mab",
		"biologic", "biologics", "binding", "utilizing", "utilising", "incubated", "incubation", "probed",
		"il", "tnf", // "an IL-17 antibody" is a drug
	},
	clsFlare:          {"flare", "flares", "flared", "flaring", "flareup", "flareups"},
	clsOffSkinDisease: {"lupus", "colitis", "crohn", "crohns", "ibd", "gout", "asthma", "migraine", "sclerosis", "copd", "uveitis", "bowel", "pancreatitis", "diverticulitis", "arthritis", "disease"},
	clsSpots:          {"spot", "spots", "spotty"},
	clsSpotSkin: {"red", "angry", "inflamed", "painful", "sore", "teenage", "pus", "chin", "forehead",
		"cheeks", "cheek", "jawline", "nose", "face", "facial", "skin", "shoulders", "squeeze",
		"squeezing", "picking", "popping", "oily", "hormonal", "stubborn", "my", "your", "his", "her"},
	clsNotSpot: {"dark", "brown", "age", "sun", "liver", "white", "blind", "hot", "cold", "bald",
		"black", "blood", "purple", "pigmented", "pigment", "cafe", "ink", "coffee", "mongolian",
		"rose", "koplik", "cotton", "wool", "grey", "gray", "bright", "light", "hyperpigmented",
		"yellow", "blue", "beauty", "top", "two", "three", "several", "few", "parking", "vacant"},
	clsOutcome: {"itch", "itching", "itchiness", "pruritus", "redness", "scaling", "pain", "mood",
		"appetite", "symptoms", "symptom", "fatigue", "quality", "scores", "score", "severity",
		"anxiety", "depression", "wellbeing", "dryness", "burning", "stinging", "concentration",
		"energy", "scratching", "flaking", "oozing", "swelling", "lesions", "rash"},
	clsHabitat: {"cavity", "swab", "swabs", "tract", "mucosa", "secretions", "samples", "sample",
		"fluid", "epithelium", "isolates", "flora", "microflora"},
	clsSitePath: {"the", "a", "an", "of", "in", "on", "from", "within", "inside", "their", "your",
		"his", "her", "its", "our", "my", "own", "living", "that", "live", "lives", "found",
		"residing", "resident", "colonizing", "colonising", "dwelling", "human", "patients",
		"mouse", "mice"},
	clsProducing:   {"producing", "producer", "producers", "forming", "generating"},
	clsColonised:   {"colonised", "colonized", "colonization", "colonisation", "inoculated", "recolonized", "recolonised"},
	clsInflamedAdj: {"red", "angry", "inflamed", "sore", "swollen", "painful", "irritated"},
	clsLocal: {"spots", "spot", "pimples", "pimple", "lesions", "lesion", "papules", "pustules", "hair",
		"blemishes", "breakouts", "bumps", "plaques", "patches", "redness", "skin", "face", "facial",
		"cheeks", "scalp", "rash", "zits", "nodules", "cysts", "pores", "follicles", "follicle",
		"epidermis", "dermis", "acne"},
	clsSkinPrep: {"in", "of", "on", "behind", "around", "under", "beneath", "within", "underlying",
		"causing", "driving"},
}

// More word classes, in a second table: the first holds 64.
const (
	cl2AbbrIntro      uint64 = 1 << iota // or, also known as: words that introduce a short form
	cl2Population                        // patients, children, people: "patients with acne had dysbiosis"
	cl2CountNoun                         // abundance, counts, spp: a taxon counted, right after it
	cl2Gerund                            // taking, using: "rather than taking probiotics"
	cl2RelPrep                           // with, to, in: after "correlated" it is a verb, not an adjective
	cl2Intrans                           // correlated, associated: relation verbs whose subject comes first
	cl2Measure                           // severity, lesions: an untagged subject that measures a condition
	cl2NeutralSubject                    // words before a relation verb that are not its subject
	cl2Raising                           // appear, seem, found: "not ... found to" keeps the negation
	cl2Modal                             // may, can, also: between a taxon and the verb it acts by
	cl2Acts                              // verbs of a taxon given as a treatment ("L. casei reduced ...")
	cl2TaxonNoun                         // species, spp, genus: a taxon named as such, given or counted
	cl2SleepHarm                         // disturbs, disrupts: sleep as the object of a symptom is an outcome
	cl2SkinAdj                           // dry, itchy, red: adjectives listed before "skin"
	cl2Exposure                          // receive, take, eat: "patients who did not take probiotics" is a group
	cl2CommentOpen                       // which, although, this: words that open a comment on what was said
	cl2Pronoun                           // it, they: a clause with one still speaks of the concepts
)

var wordClasses2 = map[uint64][]string{
	cl2AbbrIntro: {"or", "also", "known", "as", "called", "aka", "hereafter", "henceforth", "referred",
		"to", "ie", "termed", "abbreviated", "shortened", "commonly"},
	cl2Population: {"patients", "patient", "people", "persons", "individuals", "subjects", "participants",
		"children", "infants", "adults", "women", "men", "mice", "rats", "volunteers", "cases",
		"teenagers", "adolescents", "sufferers", "those", "who", "they", "group", "groups", "cohort"},
	cl2CountNoun: {"abundance", "abundances", "counts", "count", "levels", "level", "population",
		"populations", "colonization", "colonisation", "proportion", "proportions", "load", "loads",
		"numbers", "number", "ratio", "enrichment", "depletion", "overgrowth", "dominance", "reads",
		"copies", "sequences"},
	cl2Gerund: {"taking", "using", "eating", "drinking", "avoiding", "cutting", "adding", "applying",
		"getting", "having", "just", "only", "oral", "daily", "a", "the"},
	cl2RelPrep: {"with", "to", "in", "among", "after", "following", "on", "by", "during", "across",
		"between", "when", "significantly", "positively", "negatively", "inversely", "strongly",
		"weakly", "only", "also", "over", "under", "within", "whenever", "if"},
	cl2Intrans: {"correlated", "correlates", "correlate", "correlating", "associated", "related",
		"linked", "connected", "tied", "improved", "worsened", "increased", "decreased", "declined",
		"differed", "changed", "rose", "fell"},
	cl2Measure: {"severity", "activity", "lesions", "lesion", "plaques", "symptoms", "symptom",
		"scores", "score", "itch", "itching", "pruritus", "scaling", "index", "pasi", "scorad",
		"easi", "extent", "grade", "flares", "outbreaks", "eruption", "eruptions", "spots", "skin"},
	cl2NeutralSubject: {"the", "a", "an", "this", "these", "that", "those", "it", "its", "they",
		"their", "them", "such", "both", "all", "each", "also", "further", "furthermore", "moreover",
		"additionally", "however", "in", "of", "with", "among", "amongst", "for", "on", "at", "by",
		"from", "and", "or", "but", "overall", "finally", "interestingly", "notably", "importantly",
		"similarly", "likewise", "conversely", "thus", "therefore", "hence", "consequently",
		"accordingly", "indeed", "specifically", "only", "which", "who", "whose", "patients",
		"patient", "people", "persons", "person", "individuals", "subjects", "participants",
		"children", "infants", "adults", "women", "men", "mice", "rats", "animals", "volunteers",
		"cases", "controls", "groups", "group", "cohort", "population", "teenagers", "adolescents",
		"users", "sufferers", "we", "our", "i", "you", "your", "my", "he", "she", "his", "her",
		"there", "here", "is", "are", "was", "were", "be", "been", "had", "has", "have", "did",
		"does", "do", "levels", "level", "mean", "serum", "plasma", "blood", "fecal", "faecal",
		"stool", "gut", "skin", "strongly", "positively", "negatively", "inversely",
		"directly", "closely", "independently", "study", "studies", "results", "data", "analysis",
		"research", "researchers", "scientists", "evidence", "trials", "trial", "experts",
		"dermatologists", "doctors", "many", "some", "most", "several", "often", "frequently",
		"commonly", "usually", "generally", "partly", "largely", "daily", "regular", "regularly",
		"taking", "eating", "using", "intake", "consumption", "use", "supplementation",
		"treatment", "changes", "change", "increase", "decrease", "reduction", "abundance",
		"relative", "total", "concentrations", "concentration", "counts", "count", "presence",
		"high", "low", "elevated", "reduced", "increased", "decreased", "higher", "lower",
		"greater", "more", "less", "fewer", "not", "no", "after", "before", "during", "when",
		"then", "both", "either", "neither", "than", "as", "well", "those", "ones", "one", "who",
		"whom"},
	cl2Raising: {"appear", "appears", "appeared", "seem", "seems", "seemed", "found", "shown", "known",
		"likely", "able", "enough", "sufficient", "tend", "tends", "tended", "expected", "proven",
		"proved", "thought", "believed", "going", "designed", "intended", "meant", "used",
		"sufficiently", "powerful", "reported", "observed", "needed", "required", "due", "related",
		"linked", "sure", "certain", "expect", "expected", "expecting"},
	cl2Modal: {"may", "might", "can", "could", "also", "significantly", "further", "markedly",
		"effectively", "partially", "partly", "strongly", "clearly", "substantially", "would", "will",
		"did", "does", "do", "not", "nt"},
	cl2Acts: {"reduced", "reduces", "reduce", "improved", "improves", "improve", "alleviated",
		"alleviates", "ameliorated", "ameliorates", "attenuated", "attenuates", "prevented",
		"prevents", "protected", "protects", "suppressed", "suppresses", "relieved", "relieves",
		"eased", "eases", "inhibited", "inhibits", "restored", "restores", "enhanced", "enhances",
		"strengthened", "strengthens", "modulated", "modulates", "lowered", "lowers", "soothed",
		"soothes", "calmed", "calms", "treated", "treats", "healed", "heals", "benefited",
		"benefits", "helped", "helps", "boosted", "boosts", "promoted", "promotes", "regulated",
		"regulates", "normalized", "normalised", "reversed", "reverses", "mitigated", "mitigates",
		"repaired", "repairs", "cleared", "clears", "cured", "cures", "shortened", "eases", "ease",
		"soothe", "calm", "prevent", "protect", "relieve", "treat", "heal", "help", "boost",
		"alleviate", "ameliorate", "attenuate", "restore", "strengthen", "lower", "suppress", "inhibit"},
	cl2SkinAdj: {"dry", "itchy", "scaly", "cracked", "flaky", "rough", "sore", "sensitive", "tight",
		"patchy", "bumpy", "oily", "red", "inflamed", "irritated", "angry", "swollen", "painful", "dull",
		"blotchy", "crusty", "weeping", "raw", "chapped", "very", "extremely", "and", "or", "itching",
		"reddened", "dehydrated"},
	cl2Exposure: {"receive", "received", "receiving", "take", "took", "taking", "taken", "use", "used",
		"using", "eat", "ate", "eating", "eaten", "consume", "consumed", "consuming", "given", "undergo",
		"underwent", "undergoing", "drink", "drank", "drinking", "exposed", "treated", "supplemented",
		"randomised", "randomized", "allocated", "assigned", "prescribed", "smoke", "smoking", "smoked"},
	cl2CommentOpen: {"which", "although", "though", "while", "whilst", "whereas", "a", "an", "this",
		"these", "that", "possibly", "perhaps", "probably", "likely", "as", "presumably", "potentially"},
	cl2Pronoun:   {"it", "they", "them", "itself", "themselves"},
	cl2TaxonNoun: {"spp", "species", "genus", "genera", "taxa", "taxon", "otu", "otus", "asv", "asvs", "strain", "strains"},
	cl2SleepHarm: {"disturb", "disturbs", "disturbing", "disrupt", "disrupts", "disrupting", "interrupt",
		"interrupts", "interrupting", "impair", "impairs", "impairing", "ruin", "ruins", "ruining",
		"worsen", "worsens", "worsening", "affect", "affects", "affecting", "improve", "improves",
		"improving", "improved", "during", "ruined", "interrupted"},
}

// Cue kinds found in sentences.
const (
	cueNeg         = 1 << iota // a negator whose scope decides (not, no, never)
	cueNegRel                  // a denied relationship in itself (no effect, failed to, did not differ)
	cuePseudo                  // looks like negation but is not (not only, no longer)
	cueHedge                   // uncertainty (may, suggest, likely)
	cueInc                     // increases, worsens, causes
	cueDec                     // decreases, improves, protects
	cueAssoc                   // associated, linked, affects
	cueCompar                  // comparatives that state an association (higher, less)
	cueRole                    // "role", a relation only after play/key/important
	cueAim                     // aims, questions and scope statements
	cueMethod                  // methods
	cueScope                   // "this review", "this article"
	cueFinding                 // found, showed, demonstrated: a result follows
	cueFound                   // observed, found, detected after a negator ("was not observed")
	cueSimilar                 // similar, comparable: no difference when a group word follows
	cueLikely                  // likely: hedge unless comparative
	cueClauseBreak             // but, however, whereas: ends a negation scope
	cueSignif                  // significant(ly), a result word inside a negation scope
	cueCould                   // could: a hedge unless "could not"
	cueTopic                   // a relation named as a topic ("effects of", "role of"): not enough in a title
	cueVerb                    // a finite verb: a sentence with only topic nouns and no verb is a title
	cueNeutral                 // safety wording ("no adverse effects"): no relation, no negation
	cueNegLong                 // "none of", "not one of": a negator whose verb comes after a noun phrase
	cueFlip                    // "it is not true that", "it is a myth that": reverses what follows
	cueInstead                 // "rather than", "instead of": sets a concept aside
	cueContrast                // "but", "yet": a clause that may take back a negation
	cueOpen                    // "remains to be determined": an open question after or before "whether"
)

// weAdverbs may stand between "we" and the verb of an aim ("we then review").
var weAdverbs = []string{"also", "then", "further", "first", "briefly", "next", "additionally",
	"finally", "therefore", "now", "systematically", "critically", "comprehensively", "here"}

// verbForms expands base verbs to their inflections: "reduce" -> reduce,
// reduces, reduced, reducing. Plurals are folded by stem anyway; the list is
// generous because unused forms cost nothing.
func verbForms(bases ...string) []string {
	var out []string
	for _, b := range bases {
		out = append(out, b, b+"s")
		switch {
		case strings.HasSuffix(b, "e"):
			out = append(out, b+"d", b[:len(b)-1]+"ing")
		case strings.HasSuffix(b, "y") && len(b) > 2 && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
			out = append(out, b[:len(b)-1]+"ied", b+"ing", b[:len(b)-1]+"ies")
		default:
			out = append(out, b+"ed", b+"ing")
		}
	}
	return out
}

func join(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// openQuestion are wordings of an open question: an aim after or before
// "whether", else a hedge ("the benefit remains to be established").
var openQuestion = []string{"remains to be determined", "remain to be determined",
	"remains to be established", "remain to be established", "remains to be elucidated",
	"remain to be elucidated", "remains to be clarified", "remain to be clarified",
	"remains to be seen", "remain to be seen", "remains to be investigated",
	"remain to be investigated", "remains to be explored", "remain to be explored",
	"is yet to be determined", "are yet to be determined", "has yet to be determined",
	"have yet to be determined", "is still unclear", "remains open", "is an open question",
	"remains an open question"}

// cuePhrases lists the cue phrases by kind. A phrase may carry several kinds.
var cuePhrases = map[int][]string{
	cueNeg: {"not", "no", "never", "nor", "cannot", "none", "nothing", "nobody", "no one",
		"none of", "not one of", "not a single", "not one", "neither of",
		"doesnt", "dont", "didnt", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt",
		"cant", "couldnt", "wont", "wouldnt", "shouldnt"},
	cueNegRel: {"no effect", "no effects", "no significant", "no significantly", "no difference",
		"no differences", "no association", "no associations", "no correlation", "no relationship",
		"no link", "no evidence", "no impact", "no influence", "no benefit", "no improvement",
		"no change", "no changes", "no reduction", "no increase", "no role", "no protective",
		"no clinical benefit", "no beneficial", "no clear", "no consistent", "no major",
		"did not differ", "do not differ", "does not differ", "did not change", "was not changed",
		"were not changed", "failed to", "fail to", "fails to", "unable to", "not associated",
		"not linked", "not related", "not correlated", "not significant", "not significantly",
		"not statistically", "non significant", "nonsignificant", "insignificant",
		"not effective", "ineffective", "not beneficial", "lack of effect", "lack of association",
		"lack of efficacy", "lack of benefit", "lack of improvement", "lacked efficacy",
		"little evidence", "little or no", "unchanged", "unaffected", "unrelated", "uncorrelated",
		"negligible", "no meaningful", "no appreciable", "no detectable", "no measurable", "did not affect",
		"did not alter", "not altered", "no longer significant", "neither",
		"was not observed", "were not observed", "was not found", "were not found",
		"not influence", "not affect", "not improve", "not reduce", "not increase",
		"showed no", "found no", "no more likely", "did nothing", "does nothing", "do nothing",
		"done nothing", "doing nothing", "nothing for", "nothing to do with", "made no difference",
		"makes no difference", "make no difference", "no difference to", "did not work",
		"does not work", "do not work", "didnt work", "doesnt work", "dont work", "not work",
		"not help", "not helped", "no good for", "not fall", "not drop", "not rise", "not lower",
		"not elevated", "not higher", "not lower", "not reduced", "not increased", "not decreased",
		"was normal in", "were normal in", "was normal among", "were normal among", "remained normal",
		"was within normal", "were within normal", "within the normal range", "no bearing",
		"was independent of", "were independent of", "is independent of", "are independent of",
		"did not hold", "does not hold", "do not hold", "did not persist", "did not survive",
		"disappeared after adjustment", "disappeared after adjusting", "disappeared after controlling",
		"was lost after adjustment", "were lost after adjustment", "vanished after adjustment"},
	cueNegLong: {"none of", "not one of", "not a single", "not one", "no one", "nobody", "neither of"},
	cueFlip: {"not true that", "not the case that", "untrue that", "not true", "isnt true", "is untrue",
		"a myth that", "myth that", "is a myth", "false that", "a misconception that",
		"misconception that", "is a misconception"},
	cueInstead:  {"rather than", "instead of", "as opposed to"},
	cueOpen:     openQuestion,
	cueContrast: {"but", "yet"},
	cuePseudo: {"not only", "not just", "not merely", "not simply", "not solely", "not necessarily",
		"not fully", "not well", "not yet", "not clear", "not known", "not understood",
		"not limited", "not all", "not always", "no longer", "no doubt", "no matter", "whether or not",
		"if not", "not surprisingly", "doesnt just", "isnt just", "dont just", "arent just",
		"doesnt only", "nothing but", "not to mention", "not the only", "no less",
		"no more than", "not uncommon", "not unusual", "not exclusively", "not entirely",
		"dont forget", "do not forget", "never forget", "dont underestimate", "do not underestimate",
		"never underestimate", "dont ignore", "do not ignore", "cannot be overstated", "cant be overstated",
		"never fail", "never fails", "never failed", "never failing",
		"no wonder", "no surprise", "not surprising", "no secret", "no coincidence", "no exception",
		"not complete without", "no mistake",
		"not completely", "not every", "not everyone", "not everybody", "not proven", "not yet proven", "not inferior", "non inferior", "noninferior", "non inferiority",
		"noninferiority", "no less effective", "not less effective", "no less efficacious",
		"no less likely", "not the only", "cannot be ruled out", "can not be ruled out",
		"could not be ruled out", "cannot be excluded", "can not be excluded", "could not be excluded",
		"cant be ruled out", "cannot rule out", "cant rule out", "could not rule out", "not rule out",
		"not be ruled out", "not be excluded", "not be dismissed", "cannot be dismissed",
		"cannot be discounted", "not be discounted"},
	cueHedge: join([]string{"may", "might", "possibly", "possible", "possibility", "potential",
		"potentially", "hypothesis", "hypotheses", "hypothetical", "hypothesize", "hypothesized",
		"hypothesise", "hypothesised", "appear to", "appears to", "appeared to", "seem to",
		"seems to", "seemed to", "seemingly", "is thought to", "are thought to", "thought to",
		"believed to", "is believed", "are believed", "unlikely", "promising", "promise",
		"preliminary", "perhaps", "presumably", "presumed", "putative", "plausible", "plausibly",
		"probable", "probably", "uncertain", "unclear", "speculate", "speculated", "speculative",
		"proposed", "tentative", "tentatively", "conceivably", "conceivable",
		"suspected to", "suspected of", "is suspected", "are suspected", "was suspected", "were suspected",
		"assumed to", "is assumed", "are assumed", "suggestive", "reportedly", "allegedly", "purportedly", "supposedly",
		"claimed to", "limited evidence", "insufficient evidence", "low-quality evidence",
		"weak evidence", "evidence is limited", "evidence is scarce", "scarce evidence", "controversial", "controversy", "debated", "debatable",
		"inconclusive", "conflicting", "may help", "cannot be ruled out", "can not be ruled out",
		"could not be ruled out", "cannot be excluded", "can not be excluded", "could not be excluded",
		"cant be ruled out", "cannot rule out", "cant rule out", "could not rule out", "not rule out",
		"not be ruled out", "not be excluded", "not be dismissed", "cannot be dismissed",
		"cannot be discounted", "not be discounted", "hint", "hints", "hinted", "hinting",
		"still weak", "evidence is weak", "is weak", "remains weak", "evidence is mixed", "is mixed",
		"mixed evidence", "unproven", "not proven", "not yet proven", "yet to be proven",
		"remains to be", "remain to be", "it is possible", "could potentially", "imply", "implies",
		"implied"}, verbForms("suggest"), openQuestion),
	cueLikely: {"likely"},
	cueVerb: {"is", "are", "was", "were", "be", "been", "has", "have", "had", "can", "may", "might",
		"could", "would", "will", "should", "must", "does", "do", "did", "remains", "remain",
		"remained", "seems", "seem", "appears", "appear", "showed", "shows", "found", "demonstrated",
		"revealed", "suggests", "suggest", "suggested", "indicates", "indicated", "isnt", "arent",
		"wasnt", "werent", "doesnt", "dont", "didnt", "cannot", "cant", "hasnt", "havent", "refers",
		"involves", "represents", "exists", "lies", "occurs", "exist", "occur", "provides",
		"includes", "reveals", "highlights", "emphasizes", "explains", "reflects", "becomes",
		"plays", "play", "exerts", "exert", "exerted", "holds", "hold", "underlies"},
	cueCould: {"could"},
	cueInc: join(verbForms("increase", "elevate", "raise", "worsen", "exacerbate", "aggravate",
		"trigger", "cause", "induce", "provoke", "promote", "drive", "disrupt", "damage",
		"devastate", "impair", "compromise", "enhance", "boost", "accelerate", "amplify",
		"stimulate", "intensify", "fuel", "weaken", "harm", "upregulate", "activate", "facilitate",
		"predispose", "contribute", "precipitate", "perpetuate", "spur", "heighten", "deteriorate", "double", "triple", "quadruple", "multiply",
		"blame", "inflame", "irritate", "aggravate", "spark", "set off", "disturb", "upset", "spike",
		"interfere", "hasten"),
		[]string{"feed", "feeds", "spread", "spreads", "spreading", "ferment", "ferments",
			"fermenting", "fermented into", "fermented by", "turn into", "turns into", "turned into",
			"turning into", "convert into", "converts", "converted into", "break down into",
			"convert", "converting",
			"breaks down", "broken down into", "to blame", "is behind", "are behind", "be behind", "was behind",
			"were behind", "rise", "rises", "rose", "risen", "rising", "went up", "go up", "goes up",
			"flare up", "flares up", "flared up", "flaring up", "flares when", "flare when",
			"flared when", "flares whenever", "flare whenever", "flared whenever", "sets off",
			"set off", "flared", "speeds", "sped", "speed up", "speeds up", "sped up", "speeding up",
			"ramp up", "ramps up", "ramped up", "ramping up", "pave the way", "paves the way",
			"paved the way", "paving the way",
			"encourages the growth", "encourage the growth", "encouraged the growth",
			"encourages growth", "encourage growth", "wreak havoc", "wreaks havoc", "wreaked havoc",
			"wreaking havoc", "takes a toll", "take a toll", "took a toll", "taking a toll",
			"throw off", "throws off", "threw off", "throwing off", "mess with", "messes with",
			"messing with", "bad for", "terrible for"},
		[]string{"lead to", "leads to", "led to", "leading to", "result in", "results in",
			"resulted in", "resulting in", "risk factor", "risk factors", "risk of", "higher risk",
			"increased risk", "elevated", "enhancement", "enhancements", "induction", "detrimental",
			"harmful", "aggravation", "exacerbation", "worse", "trigger for", "culprit",
			"contributor", "driver", "drivers", "shows up on", "show up on", "showing up on",
			"appear on", "appears on", "appear as", "manifest as", "manifests as", "manifest on"}),
	cueDec: join(verbForms("decrease", "reduce", "lower", "improve", "alleviate", "ameliorate",
		"attenuate", "suppress", "inhibit", "prevent", "protect", "relieve", "benefit", "help",
		"restore", "strengthen", "support", "heal", "repair", "soothe", "calm", "mitigate",
		"lessen", "counteract", "fight", "combat", "buffer", "nourish", "treat", "resolve",
		"normalize", "normalise", "rebalance", "maintain", "diminish", "downregulate",
		"relieve", "remedy", "cure", "reverse", "block", "limit", "curb", "modify", "optimize", "halve",
		"optimise", "nurture", "cultivate", "enrich", "ease", "tame", "quell", "settle", "dampen",
		"banish", "tackle", "fade", "shrink", "shorten", "drop", "fix", "kill", "destroy", "deplete",
		"subside", "abate", "regress", "recede", "wane",
		"decimate", "eliminate", "eradicate", "strip"),
		[]string{"cut", "cuts", "cutting", "slash", "slashes", "slashed", "halved"},
		[]string{"fall", "falls", "fell", "fallen", "falling", "went down", "go down", "goes down",
			"clear up", "clears up", "cleared up", "clearing up", "keep at bay", "keeps at bay",
			"ward off", "wards off", "warded off", "stave off", "staves off", "fend off",
			"fends off", "guard against", "guards against", "do wonders for", "does wonders for",
			"did wonders for", "work wonders for", "works wonders for", "good for", "great for",
			"wipe out", "wipes out", "wiped out", "wiping out", "may help", "balances", "went away",
			"prescribed for", "recommended for", "indicated for", "magic bullet", "silver bullet",
			"miracle cure", "thrive on", "thrives on", "thrived on", "gives you", "give you", "gave you",
			"go away", "goes away", "disappeared", "disappear", "disappears", "vanished"},
		[]string{"reduction", "reductions", "improvement", "improvements", "relief", "protective",
			"protection", "beneficial", "benefits", "beneficially", "ameliorative", "therapeutic",
			"therapy", "therapies", "treatment of", "treatment for", "effective", "effectively",
			"efficacy", "efficacious", "essential for", "vital for", "crucial for", "important for",
			"necessary for", "prevention", "remission", "recovery", "decline", "declined",
			"alleviation", "attenuation", "inhibition", "suppression", "ensures", "ensure",
			"clears", "cleared", "clearing", "clearance",
			"promotes a healthy", "keep in check", "in check", "anti", "against", "helped", "helps", "helpful",
			"useful", "alternative option", "option for", "paths to", "path to", "way to",
			"flourish"}),
	cueAssoc: join(verbForms("associate", "link", "correlate", "relate", "connect", "affect", "explain",
		"influence", "impact", "modulate", "regulate", "alter", "shape", "mediate", "depend",
		"determine", "predict", "reflect", "interact", "change", "differ", "characterize", "precede", "dominate",
		"accompany",
		"characterise", "involve", "implicate", "underlie", "govern", "control", "dictate"),
		[]string{"association", "associations", "correlation", "correlations", "relationship",
			"relationships", "relation", "connection", "connections", "link between", "links between",
			"linkage", "interplay", "crosstalk", "cross-talk", "in common", "effect", "effects",
			"interaction", "interactions", "bidirectional",
			"impact on", "influence on", "consequences for", "consequence of", "responsible for",
			"involved in", "implicated in", "contribution", "predictor",
			"predictors", "odds", "odds ratio", "hazard ratio", "relative risk", "predictive", "prognostic", "dependent on",
			"different", "difference", "differences", "mediator", "mediators", "was characterized by",
			"were characterized by", "is characterized by", "are characterized by", "was characterised by",
			"is characterised by", "are characterised by", "were characterised by", "marker of",
			"hallmark", "underlying", "communication", "linked with", "tied to", "attributed to",
			"due to", "because of", "begins from", "begins with", "starts in", "from within",
			"feature of", "features of", "frequently", "commonly seen", "prevalent in", "found in",
			"observed in", "seen in", "present in", "evidence for", "evidence supporting",
			"evidence linking", "risk", "risks", "common in", "common among", "frequent in", "frequent among",
			"widespread in", "behind", "is key to", "are key to", "was key to",
			"were key to", "is the key to", "are the key to", "hold the key",
			"holds the key", "hold key", "holds key", "held the key", "make or break",
			"makes or breaks", "hand in hand", "appeared in", "appear in", "appears in",
			"developed in", "occurred in", "occurs in", "occur in", "more common in",
			"do anything for", "does anything for", "did anything for", "do much for",
			"does much for", "did much for", "done anything for", "play a part", "plays a part",
			"played a part", "stems from", "stem from", "stemming from", "stemmed from", "comes from",
			"come from", "originates in", "originate in", "rooted in", "root cause", "respond to",
			"responds to", "responded to", "responding to", "respond well to", "responded well to",
			"go together", "goes together", "coexist", "coexists", "co-occur", "co-occurs",
			"mirror", "mirrors", "mirrored", "at the root of", "the root of", "coincide", "coincides",
			"coincided", "coinciding", "accompanied by", "preceded by", "track with", "tracks with",
			"tracked with", "tracking with", "tracked closely with", "results from", "result from",
			"resulted from", "resulting from", "arises from", "arise from", "arose from", "arising from",
			"distinct from"}),
	cueCompar: {"less", "lower", "higher", "fewer", "greater", "more likely", "less likely",
		"more often", "more frequent", "more frequently", "more common", "more prevalent",
		"more severe", "faster", "slower", "more quickly", "than controls", "than healthy",
		"than in controls", "than in healthy", "than those without", "than people without",
		"than non", "than the general population", "than matched controls", "no less likely",
		"had more", "have more", "has more", "having more", "with more", "showed more",
		"reported more", "experienced more", "develop more", "developed more", "saw more",
		"get more", "got more", "suffer more", "suffered more",
		"not inferior", "non inferior", "noninferior", "non inferiority", "noninferiority",
		"no less effective", "not less effective", "no less efficacious",
		"superior", "inferior", "better", "worse", "outperformed", "outperform",
		"richer", "poorer", "reduced", "increased", "decreased", "elevated", "depleted", "enriched",
		"distinct"},
	cueRole: {"role", "roles"},
	// Safety outcomes are not the relation between the concepts, and "no
	// adverse effects" denies nothing about it.
	cueNeutral: {"adverse effects", "adverse effect", "adverse events", "adverse event",
		"side effects", "side effect", "adverse reactions", "no harm", "causes no harm", "no adverse effects", "no adverse events",
		"no side effects", "no serious adverse", "no adverse", "no serious", "no safety",
		"safety concerns", "no safety concerns", "well tolerated", "well-tolerated",
		"contrary to our hypothesis", "contrary to the hypothesis", "contrary to our hypotheses",
		"contrary to hypothesis", "contrary to our expectations", "contrary to expectations",
		"contrary to what we had expected", "contrary to what we expected", "as hypothesized",
		"as hypothesised", "as we hypothesized", "as we hypothesised", "as expected", "as predicted",
		"confirming our hypothesis", "consistent with our hypothesis", "in line with our hypothesis",
		"supporting our hypothesis", "supporting the hypothesis", "against our hypothesis",
		"our hypothesis", "the null hypothesis", "in turn", "turned out", "turns out", "turn out",
		"to test positive", "test positive", "tested positive", "testing positive", "to test negative",
		"test negative", "tested negative", "cut off", "cutoff", "cut point", "cut points",
		"cutting edge", "case control", "case controlled", "placebo controlled", "vehicle controlled",
		"sham controlled", "randomized controlled", "randomised controlled", "controlled trial",
		"controlled study", "controlled clinical", "control group", "control arm", "control mice",
		"control subject", "control participant", "control diet", "control condition", "matched control"},
	cueTopic: {"relation", "risk of", "risk factor", "risk factors", "higher risk", "increased risk", "relationship", "relationships", "association", "associations", "link",
		"link between", "links between", "connection", "connections", "interplay",
		"crosstalk", "cross-talk", "effect", "effects", "role", "roles", "impact", "impact on",
		"influence", "influence on", "in relation to", "therapeutic", "therapy", "therapies",
		"treatment of", "treatment for", "efficacy", "consequences for", "communication",
		"implications", "relevance", "contribution", "interaction", "interactions", "interactions between",
		"correlation", "correlations", "dependent on", "mediator", "mediators", "difference", "differences",
		"evidence for", "evidence supporting", "evidence linking", "risk", "risks"},
	cueAim: {"aim", "aims", "aimed", "objective", "objectives", "purpose", "goal",
		"to investigate", "to determine", "to evaluate", "to assess", "to examine", "to explore",
		"to test", "to compare", "to clarify", "to elucidate", "to identify", "to characterize",
		"to characterise", "to analyze", "to analyse", "to study", "to measure", "to review",
		"to summarize", "to summarise", "to describe", "to understand", "to establish",
		"to quantify", "to estimate", "to address", "to investigate whether", "investigated whether", "investigate whether",
		"examined whether", "examine whether", "determine whether", "determined whether",
		"assessed whether", "assess whether", "tested whether", "test whether", "explored whether",
		"explore whether", "evaluated whether", "evaluate whether", "asked whether", "ask whether",
		"know whether", "studied whether", "analyzed whether", "analysed whether", "clarify whether",
		"understand whether", "establish whether", "address whether", "unknown whether",
		"not known whether", "investigating whether", "examining whether", "assessing whether",
		"we investigated",
		"we investigate", "we examined", "we examine", "we evaluated", "we evaluate",
		"we assessed", "we assess", "we explored", "we explore", "we studied", "we study",
		"we analyzed", "we analysed", "we analyze", "we analyse", "we compared", "we compare",
		"we measured", "we measure", "we sought", "we aimed", "we aim", "we tested", "we test",
		"we performed", "we conducted", "we enrolled", "we recruited", "we randomized",
		"we randomised", "we collected", "we used", "we use", "we review", "we reviewed",
		"we discuss", "we summarize", "we summarise", "we describe", "we determined",
		"we characterized", "we characterised", "we focus", "we focused", "we highlight",
		"we present", "we provide", "we hope", "we plan", "we intend", "we will",
		"we searched", "we surveyed", "we screened", "we included",
		"we designed", "we developed", "we applied", "we set out", "we asked", "we addressed",
		"we outline", "we introduce", "assessment of", "evaluation of", "investigation of",
		"investigating", "exploring", "evaluating", "assessing", "examining", "test the hypothesis", "tests the hypothesis",
		"tested the hypothesis", "testing the hypothesis", "we delve", "we consider", "we detail",
		"been reviewed", "are reviewed", "is reviewed", "were reviewed", "are discussed",
		"is discussed", "are summarized", "is summarized", "are summarised", "is summarised",
		"are highlighted", "is highlighted", "are also highlighted", "are also discussed",
		"are presented", "is presented", "will be discussed", "are explored", "is explored", "research question",
		"remains unknown", "remain unknown", "is unknown", "are unknown", "is not known",
		"are not known", "little is known", "poorly understood", "not been studied", "not been investigated", "not been examined", "not been evaluated", "not been explored", "not been addressed", "little explored", "been little", "largely unexplored", "unexplored",
		"understudied", "should explore", "should investigate", "should examine", "should evaluate",
		"should assess", "should address", "should determine", "should clarify", "should focus",
		"should be explored", "should be investigated", "should be examined", "should be evaluated",
		"should be assessed", "should be addressed", "should be studied", "warrant", "warrants",
		"warranted", "should be investigated", "encourages"},
	cueMethod: {"were randomized", "were randomised", "randomly assigned", "randomly allocated",
		"randomly divided", "were assigned", "were allocated", "were enrolled", "were recruited",
		"were included", "was assessed", "were assessed", "was measured", "were measured",
		"was evaluated", "were evaluated", "was analyzed", "were analyzed", "was analysed",
		"were analysed", "was recorded", "were recorded", "were collected", "was collected",
		"were compared", "was compared", "was determined", "were determined", "were screened",
		"was performed", "were performed", "was conducted", "were conducted", "was calculated",
		"were calculated", "were obtained", "was obtained", "was administered",
		"were administered", "received either", "were given", "were fed", "were treated",
		"was treated", "were exposed", "were divided", "were grouped", "was used", "were used",
		"were examined", "was examined", "were investigated", "was investigated",
		"were studied", "was studied", "were selected", "were followed", "were followed up",
		"were interviewed", "were surveyed", "were asked", "were instructed", "were tested",
		"was tested", "were sequenced", "was sequenced", "was characterized", "were characterized",
		"was characterised", "were characterised", "was profiled", "were profiled", "were quantified", "was quantified",
		"were identified using", "was defined", "were defined", "were categorized",
		"were stratified", "were matched", "were retrieved", "were searched", "were extracted",
		"were pooled", "was pooled", "were sampled", "were pretreated", "was pretreated",
		"were pre treated", "were inoculated", "were gavaged", "were housed", "inclusion criteria", "exclusion criteria",
		"this study was", "a total of", "questionnaire", "using a", "using the", "by means of",
		"we report a case", "case of a",
		"systematic search", "literature search", "search was performed", "independently screened",
		"extracted the data", "data were extracted", "been investigated", "been studied",
		"been examined", "been explored", "been evaluated", "been assessed", "were searched for"},
	cueScope: {"this review", "this literature review", "this scoping review", "this critical review",
		"this comprehensive review", "this mini review", "this updated review", "this integrative review",
		"the present article", "the present paper", "this manuscript", "this editorial", "the present review", "the current review", "this article",
		"this paper", "this chapter", "this narrative review", "this overview",
		"this systematic review", "this mini-review", "this minireview", "our review",
		"this commentary", "this perspective", "the review", "here we"},
	cueFinding: join(verbForms("show", "demonstrate", "reveal", "indicate", "confirm",
		"conclude", "observe", "uncover", "prove", "discover"), []string{"finds"},
		[]string{"found", "shown", "showed", "demonstrated", "revealed", "indicated", "suggests",
			"suggested", "proven", "noted", "led to", "resulted in"}),
	cueFound: {"found", "observed", "detected", "seen", "confirmed", "demonstrated", "shown",
		"supported", "established", "evident", "apparent", "noted", "identified", "significant"},
	cueSimilar:     {"similar", "comparable", "equivalent", "identical", "did not differ"},
	cueClauseBreak: {"but", "however", "whereas", "although", "though", "while", "yet", "except", "unlike", "despite", "whilst"},
	cueSignif: {"significant", "significantly", "statistically", "statistical", "significance",
		"meaningful", "meaningfully",
		"detectable", "measurable", "appreciable", "compared with", "compared to",
		"versus", "odds ratio"},
}
