// This file lists the names of the word lists; keep it in step with the
// vocabulary files under config/vocabulary and with the tagger's tables.

package lexicon

// Names of the word lists of a vocabulary file. The tagger reads each list
// by its name; a vocabulary file may leave any of them out.
const (
	ListCueNegation               = "cue-negation"                // negators whose scope decides what they deny
	ListCueDenial                 = "cue-denial"                  // wordings that deny a relation in themselves ("no effect", "failed to", "did not differ")
	ListCueNegationLong           = "cue-negation-long"           // negators whose verb comes after a noun phrase ("none of the patients ... improved"): a longer scope
	ListCueFlip                   = "cue-flip"                    // wordings that reverse what follows ("it is a myth that")
	ListCueIncreaseSplit          = "cue-increase-split"          // verbs with a particle that may follow their object ("push insulin up"), that raise it
	ListCueDecreaseSplit          = "cue-decrease-split"          // verbs with a particle that may follow their object ("bring CRP down"), that lower it
	ListCueHelpSplit              = "cue-help-split"              // verbs with a word that may follow their object ("keep the barrier intact"), that help it
	ListCueHarmSplit              = "cue-harm-split"              // verbs with a word that may follow their object ("make the gut lining leakier"), that harm it: a beneficial object goes down, the others up
	ListCueDenialSplit            = "cue-denial-split"            // verbs with a word that may follow their object ("left IgE unchanged"), that deny a relation
	ListCueIncreaseAround         = "cue-increase-around"         // risks around the outcome they raise ("a higher eczema risk")
	ListCueDecreaseAround         = "cue-decrease-around"         // risks around the outcome they lower ("lower acne odds")
	ListCueInstead                = "cue-instead"                 // wordings that set a concept aside ("rather than")
	ListCueContrast               = "cue-contrast"                // words that open a clause that may take a negation back ("but", "yet")
	ListCuePseudoNegation         = "cue-pseudo-negation"         // negation words that deny nothing ("not only", "cannot be ruled out")
	ListCueHedge                  = "cue-hedge"                   // wordings of uncertainty; the open questions (cue-open-question) hedge too
	ListCueHedgeVerbs             = "cue-hedge-verbs"             // verbs of uncertainty, with all their forms
	ListCueLikely                 = "cue-likely"                  // "likely": a hedge unless a comparative stands before it ("more likely")
	ListCueCould                  = "cue-could"                   // "could": a hedge unless a negator follows
	ListCueOpenQuestion           = "cue-open-question"           // open questions: an aim next to "whether", a hedge elsewhere
	ListCueVerb                   = "cue-verb"                    // finite verbs: a sentence that names relations with nouns only and has none of them reads as a title
	ListCueIncrease               = "cue-increase"                // relations that raise, worsen or cause their object
	ListCueFeeding                = "cue-feeding"                 // "food for your": raise the mechanism right after them
	ListCueFlipOwn                = "cue-flip-own"                // "argue against the idea that": reverses what follows after "our data"
	ListOwnEvidenceNouns          = "own-evidence-nouns"          // "findings": "our findings argue against the idea that"
	ListCompoundHeads             = "compound-heads"              // "plan": "an eczema treatment plan" names no treatment of it
	ListAuthorWords               = "author-words"                // "we": "Using X, we treated ..." is a method
	ListUntilWords                = "until-words"                 // "until": a denial in itself does not reach the clause it opens
	ListStopVerbs                 = "stop-verbs"                  // "stop": before a gerund of taking, it avoids what the gerund takes
	ListDisjunctions              = "disjunctions"                // "or": a denial before a passive reaches the one after it
	ListOutcomeHarmVerbs          = "outcome-harm-verbs"          // verbs of which the also-outcome role is the harmed object
	ListNegatingPronouns          = "negating-pronouns"           // "none": "but none has shown Z" has a subject of its own
	ListBareInfinitiveVerbs       = "bare-infinitive-verbs"       // "lets": "X lets Y leak ... and trigger Z": Y triggers Z
	ListEventVerbs                = "event-verbs"                 // "relapsed": "Y relapsed less often after X" lowers Y
	ListFrequencyAdverbs          = "frequency-adverbs"           // "often": "less often", "more frequently" compare how often Y happens
	ListDegreeAdjectives          = "degree-adjectives"           // "low", "high": "Y is low in Z" compares only before "in"
	ListNotGerunds                = "not-gerunds"                 // "bring", "morning": words ending in "-ing" that are no gerund
	ListStartVerbs                = "start-verbs"                 // "started": "Since I started X, Y came less often" compares before and after X
	ListStartOpeners              = "start-openers"               // "since", "after": open the clause of a start
	ListIntensifiers              = "intensifiers"                // "far", "much": before a comparative ("flared far less often")
	ListSuperlatives              = "superlatives"                // "best": "X is the best <condition> treatment" treats it
	ListItemHeads                 = "item-heads"                  // "diet": "a high-fibre diet and probiotics" ends an item of a list
	ListImperativeAvoidance       = "imperative-avoidance"        // "cut": "Cut sugar to reduce acne" avoids what follows
	ListScarcityAdverbs           = "scarcity-adverbs"            // "barely": "Y has barely flared since X" lowers Y
	ListLinkingVerbs              = "linking-verbs"               // "becoming": "the skin becoming thinner, drier" says what the skin is
	ListSiteVerbParticles         = "site-verb-particles"         // "out": "dries out the skin" makes the dryness adjective a verb whose object is the site
	ListResultVerbs               = "result-verbs"                // "pat": "pat the skin dry" says how it is left on purpose, no dryness
	ListAmountWords               = "amount-words"                // "median": after "by", an amount ("fell by a median of 22%"), no agent
	ListAskingVerbs               = "asking-verbs"                // "asked": "asked her dermatologist if X ..." asks a question
	ListQuestionWords             = "question-words"              // "if", "whether": after an asking verb and the people asked, a question
	ListMentionComparatives       = "mention-comparatives"        // "clearer", "smoother": a comparative that opens a mention ("had clearer skin")
	ListContainingVerbs           = "containing-verbs"            // "contains", "supplies": "X contains Y and may improve Z" (X improves Z)
	ListTrialControlWords         = "trial-control-words"         // "waiting": "than those on a waiting list" names a trial's control arm
	ListControlHeads              = "control-heads"               // "group": "than the control group" names a trial's control arm
	ListStateVerbs                = "state-verbs"                 // "report": "studies of <condition> report reduced Y" is a finding, an association
	ListCueIncreaseVerbs          = "cue-increase-verbs"          // verbs that raise, worsen or cause their object, with all their forms
	ListCueDecrease               = "cue-decrease"                // relations that lower, relieve or protect against their object
	ListCueDecreaseVerbs          = "cue-decrease-verbs"          // verbs that lower, relieve or protect against their object, with all their forms
	ListCueAssociation            = "cue-association"             // relations without a direction
	ListCueAssociationVerbs       = "cue-association-verbs"       // verbs of relations without a direction, with all their forms
	ListCueComparison             = "cue-comparison"              // comparatives that state an association ("higher", "more likely")
	ListCueRole                   = "cue-role"                    // "role": a relation after "play" or a qualifier (role-qualifiers)
	ListCueNeutral                = "cue-neutral"                 // wordings that are neither a relation nor a negation of it (safety outcomes, hypotheses, study controls)
	ListCueTopic                  = "cue-topic"                   // relations named as a topic ("effects of", "role of"): a claim only with a verb
	ListCueAim                    = "cue-aim"                     // aims, questions and scope statements: no claim unless a finding follows
	ListCueMethod                 = "cue-method"                  // methods: no claim unless a finding follows
	ListCueScope                  = "cue-scope"                   // "this review", "here we": scope statements
	ListCueFinding                = "cue-finding"                 // words after which a result follows ("found", "showed")
	ListCueFindingVerbs           = "cue-finding-verbs"           // verbs after which a result follows, with all their forms
	ListCueFound                  = "cue-found"                   // result words a negator can deny ("was not observed")
	ListCueSimilar                = "cue-similar"                 // "similar", "comparable": no difference when a group word (group-words) is near
	ListCueClauseBreak            = "cue-clause-break"            // words that end a negation's scope and open a clause ("but", "whereas")
	ListCueSignificance           = "cue-significance"            // result words inside a negation's scope ("significant", "compared with")
	ListAimAdverbs                = "aim-adverbs"                 // adverbs that may stand between "we" and the verb of an aim ("we then review")
	ListDesignMetaAnalysis        = "design-meta-analysis"        // wordings of a meta-analysis
	ListDesignSystematicReview    = "design-systematic-review"    // wordings of a systematic review
	ListDesignRCT                 = "design-rct"                  // wordings of a randomised controlled trial
	ListDesignCohort              = "design-cohort"               // wordings of a cohort study
	ListDesignCaseControl         = "design-case-control"         // wordings of a case-control study
	ListDesignCrossSectional      = "design-cross-sectional"      // wordings of a cross-sectional study
	ListDesignCaseReport          = "design-case-report"          // wordings of a case report
	ListDesignAnimal              = "design-animal"               // wordings of an animal study
	ListDesignInVitro             = "design-in-vitro"             // wordings of an in-vitro study
	ListDesignNarrativeReview     = "design-narrative-review"     // wordings of a narrative review
	ListCitedTrial                = "cited-trial"                 // a trial a sentence cites for its claim ("in one small trial")
	ListSelfMetaAnalysis          = "self-meta-analysis"          // an article saying it is a meta-analysis
	ListSelfSystematicReview      = "self-systematic-review"      // an article saying it is a systematic review
	ListSelfNarrativeReview       = "self-narrative-review"       // an article saying it is a review
	ListPubtypeMetaAnalysis       = "pubtype-meta-analysis"       // PubMed publication types of a meta-analysis
	ListPubtypeSystematicReview   = "pubtype-systematic-review"   // PubMed publication types of a systematic review
	ListPubtypeRCT                = "pubtype-rct"                 // PubMed publication types of a trial
	ListPubtypeCohort             = "pubtype-cohort"              // PubMed publication types of an observational study
	ListPubtypeCaseReport         = "pubtype-case-report"         // PubMed publication types of a case report
	ListPubtypeNarrativeReview    = "pubtype-narrative-review"    // PubMed publication types of a review
	ListPubtypeInVitro            = "pubtype-in-vitro"            // PubMed publication types of an in-vitro study
	ListMeshCohort                = "mesh-cohort"                 // MeSH headings of a cohort study
	ListMeshCaseControl           = "mesh-case-control"           // MeSH headings of a case-control study
	ListMeshCrossSectional        = "mesh-cross-sectional"        // MeSH headings of a cross-sectional study
	ListMeshInVitro               = "mesh-in-vitro"               // MeSH headings of an in-vitro study
	ListMeshAnimals               = "mesh-animals"                // MeSH headings of animal subjects: without mesh-humans the article is an animal study
	ListMeshHumans                = "mesh-humans"                 // MeSH headings of human subjects
	ListPubtypeGeneric            = "pubtype-generic"             // publication types that say only what a study is not ("Observational Study"): a MeSH heading naming the design wins
	ListMeshTimeFrame             = "mesh-time-frame"             // MeSH headings of a study's time frame: a cohort only when no heading names the design
	ListDeterminers               = "determiners"                 // determiners and prepositions between a verb and its object ("affects your skin")
	ListGroupWords                = "group-words"                 // group words that turn "similar" into no difference ("similar in both groups")
	ListComparativeWords          = "comparative-words"           // words before "likely" that make it a comparison, not a hedge
	ListRoleQualifiers            = "role-qualifiers"             // words that make "role" a relation ("a key role")
	ListConjunctions              = "conjunctions"                // "and", "or"
	ListNegatingWords             = "negating-words"              // words that make a long form deny its concept ("without", "non")
	ListEffectNouns               = "effect-nouns"                // nouns after a directional word that state a direction ("protective effect")
	ListCopulas                   = "copulas"                     // "is", "are": "X is a disease"
	ListFillerAdjectives          = "filler-adjectives"           // adjectives between an article and a noun ("a chronic inflammatory disease")
	ListArticles                  = "articles"                    // articles and possessives
	ListPlayVerbs                 = "play-verbs"                  // "play": "plays a role"
	ListLessWords                 = "less-words"                  // words of less: a lost diversity, a reduced count
	ListAbbreviationIntro         = "abbreviation-intro"          // words that introduce a short form ("also known as")
	ListPopulationWords           = "population-words"            // people and animals: "patients with X had Y"
	ListInsteadFillers            = "instead-fillers"             // words between "rather than" and the concept it sets aside ("rather than taking")
	ListRelationPrepositions      = "relation-prepositions"       // words after a relation participle that make it a verb ("correlated with")
	ListIntransitiveRelationVerbs = "intransitive-relation-verbs" // relation verbs whose subject comes before them ("correlated", "associated")
	ListNeutralSubjectWords       = "neutral-subject-words"       // words before a relation verb that are not its subject
	ListRaisingWords              = "raising-words"               // words that keep a negation across "to" ("not found to")
	ListModalWords                = "modal-words"                 // words between a subject and the verb it acts by ("may", "also")
	ListTreatmentVerbs            = "treatment-verbs"             // verbs of something given acting as a treatment ("reduced", "alleviates")
	ListExposureVerbs             = "exposure-verbs"              // verbs of exposure: a negated one defines a group, it denies no relation ("did not take")
	ListCommentOpeners            = "comment-openers"             // words that open a comment on what was said ("which", "although")
	ListPronouns                  = "pronouns"                    // "it", "they": a clause with one still speaks of the concepts
	ListPurposeMarker             = "purpose-marker"              // the infinitive marker: a purpose clause ends a negation's scope
	ListHaveVerbs                 = "have-verbs"                  // forms of "have" and verbs of having: "patients with X have (exhibit) Y"
	ListPerfectAuxiliary          = "perfect-auxiliary"           // "been" between a negator and an exposure verb
	ListWhether                   = "whether"                     // "whether": an open question next to it is an aim
	ListEllipsisNot               = "ellipsis-not"                // "not" that sets a phrase aside without a verb ("X, not Y, cleared it")
	ListEllipsisAuxiliaries       = "ellipsis-auxiliaries"        // auxiliaries that stand for an elided verb ("whereas Z did not")
	ListAdditionWords             = "addition-words"              // "adding X to Y", "an adjunct to Y": Y is the setting, not the subject
	ListSelfDesignWords           = "self-design-words"           // "in this cross-sectional survey": a design right after them is the article's own
	ListCitedDesignWords          = "cited-design-words"          // "our previous survey": a design right after them is cited, not the article's own
	ListConversionVerbs           = "conversion-verbs"            // verbs of conversion: "bacteria ferment X into Z"
	ListProductPrepositions       = "product-prepositions"        // "into": the product of a conversion
	ListAvoidanceWords            = "avoidance-words"             // "cutting out X", "avoiding X": what follows is X's absence
	ListAvoidanceParticles        = "avoidance-particles"         // "cutting back on X": particles between the word and X
	ListAvoidanceParticiples      = "avoidance-participles"       // "X was discontinued": stopping after a passive auxiliary
	ListQuestionOpeners           = "question-openers"            // words that open a question: a heading they open asks it
	ListTimeClauseOpeners         = "time-clause-openers"         // "Y cleared when X was corrected": a clause of time whose change causes Y's
	ListFavourVerbs               = "favour-verbs"                // "the reduction in Y favoured X": a result in favour of an intervention is its effect
	ListConsequenceOpeners        = "consequence-openers"         // "..., so I might stop": after a comma, a clause of consequence whose hedge doubts only itself
	ListWithoutWords              = "without-words"               // "X reduced Y without changing Z": a denial of what X does to Z
	ListCovariateWords            = "covariate-words"             // "irrespective of X", "adjusted for X": X is a covariate of the relation, no argument of it
	ListMythHeadings              = "myth-headings"               // "Myth 2: X causes Y": a word that opens a sentence, before a colon, and reverses what follows
	ListConsumptionVerbs          = "consumption-verbs"           // "students who ate X reported fewer Y": people who consume X by choice are compared, no arm given X
	ListIrregularPast             = "irregular-past"              // past tenses without "-ed" that report a result ("fell", "rose")
	ListStopPhrases               = "stop-phrases"                // phrases that name no concept and keep their words from a sense they do not have here
	ListSenseOverridePhrases      = "sense-override-phrases"      // stop phrases that, once seen in a document, mean its broad synonyms (broad-synonyms) name another condition
	ListBroadSynonyms             = "broad-synonyms"              // synonyms that also name other conditions than their concept
	ListGeneralLesionSynonyms     = "general-lesion-synonyms"     // general synonyms that, in apposition to a named condition, name that condition only
	ListCommunityUnplaced         = "community-unplaced"          // synonyms of the community role that do not say where it lives: the words around decide
	ListCommunityAltContextTaxa   = "community-alt-context-taxa"  // taxa of the community-alt role also found away from its site: placed by the words around and the document
	ListCommunitySiteTaxa         = "community-site-taxa"         // taxa of the community role also found in infections and at other sites: the community only where a site word places them
	ListGivenMicrobesProducts     = "given-microbes-products"     // synonyms of the given-microbes role that name the product itself; its other synonyms are taxa that may also be resident
	ListTaxonSuffixes             = "taxon-suffixes"              // endings of the names of microbial genera and families
	ListKeepPlural                = "keep-plural"                 // plurals whose singular names something else, kept plural
	ListSitePrimary               = "site-primary"                // the primary site (of the community role) as a place
	ListSiteSecondary             = "site-secondary"              // the secondary site (of the community-alt role) as a place
	ListSiteOther                 = "site-other"                  // other sites and habitats of microbes
	ListSiteWhole                 = "site-whole"                  // the whole host as the place of a community ("the human microbiome"): no one site
	ListSitePrimaryNoun           = "site-primary-noun"           // the noun of the primary site ("an unhealthy gut")
	ListSiteSecondaryNoun         = "site-secondary-noun"         // the noun of the secondary site
	ListDiseaseNouns              = "disease-nouns"               // nouns of disease whose list of organs names the diseases of each ("diseases of the gut, skin and lungs")
	ListMicrobeWords              = "microbe-words"               // microbes in general
	ListMicrobeBare               = "microbe-bare"                // bare microbe words that need a site to name a community
	ListReferringNouns            = "referring-nouns"             // nouns that, after "the" or a demonstrative, stand for the concept named just before whose synonym ends in them ("the overgrowth")
	ListConditionHeads            = "condition-heads"             // nouns that, bare, stand for the condition named earlier in the document whose synonym of several words ends in them ("radiation dermatitis ... grade 2 dermatitis")
	ListMicrobeAnaphora           = "microbe-anaphora"            // microbe nouns that, after "these", stand for the microbes named just before ("these strains")
	ListHabitatWords              = "habitat-words"               // words that make a site word a habitat of microbes ("cavity", "swab")
	ListSitePath                  = "site-path"                   // words that link microbes to the place they live ("in the", "living on")
	ListCirculationWords          = "circulation-words"           // the circulation
	ListBloodWords                = "blood-words"                 // "blood": the circulation only right next to a toxin
	ListToxinWords                = "toxin-words"                 // toxins
	ListDiversityWords            = "diversity-words"             // diversity and richness
	ListDiverseAdjective          = "diverse-adjective"           // "diverse": diversity only right before its microbes or after a copula
	ListVariedAdjective           = "varied-adjective"            // "varied", "variety": diversity only as an adjective, or a noun right before its microbes
	ListIndefiniteArticles        = "indefinite-articles"         // "a", "an": "a variety of X" names many kinds of X, no diversity
	ListBarrierWords              = "barrier-words"               // "barrier": the primary or the secondary site's
	ListPermeabilityWords         = "permeability-words"          // bare permeability: the primary site's barrier unless another site is named
	ListBarrierSiteOther          = "barrier-site-other"          // sites whose permeability is not the primary site's
	ListBarrierUnplaced           = "barrier-unplaced"            // synonyms of the barrier role that every barrier has: the sentence's barrier decides
	ListImbalanceWords            = "imbalance-words"             // words that make a community mention an imbalance
	ListChangeWords               = "change-words"                // words of change: an imbalance only with composition words
	ListNeutralImbalanceWords     = "neutral-imbalance-words"     // imbalance words that are only a change when a helpful intervention makes it
	ListImbalanceVerbs            = "imbalance-verbs"             // "alter": the community after it is an imbalance when a harmful exposure or a condition is named before
	ListFavourableChangeWords     = "favourable-change-words"     // words before a change that make it no imbalance ("favourable changes")
	ListSubspeciesWords           = "subspecies-words"            // words after a species that introduce its subspecies ("subsp.")
	ListCompositionWords          = "composition-words"           // composition and balance
	ListTransferWords             = "transfer-words"              // transfer of a community
	ListReceivingWords            = "receiving-words"             // "mice that received HS microbiota": a community received is transferred
	ListDonorMaterial             = "donor-material"              // "colonised with pooled stool": the material a community is transferred in
	ListModifierBridgeBefore      = "modifier-bridge-before"      // words between a modifier and the community it modifies
	ListModifierBridgeAfter       = "modifier-bridge-after"       // words between a community and a modifier after it
	ListAbundanceWords            = "abundance-words"             // a taxon counted, not given
	ListCountNouns                = "count-nouns"                 // a taxon counted, right after it ("counts")
	ListTaxonNouns                = "taxon-nouns"                 // a taxon named as such ("species", "strain")
	ListGivenWords                = "given-words"                 // something given or taken
	ListByMouth                   = "by-mouth"                    // "oral" right before a taxon: taken by mouth
	ListResistanceWords           = "resistance-words"            // resistance and susceptibility testing: an antimicrobial tested, not taken
	ListProducingWords            = "producing-words"             // "producing": metabolite producers live at the primary site
	ListProducingParticiple       = "producing-participle"        // the participle itself among producing-words
	ListColonisedWords            = "colonised-words"             // colonisation: "mice colonised with bacteria"
	ListAntibodyWords             = "antibody-words"              // antibodies: an immune response unless a reagent
	ListReagentWords              = "reagent-words"               // antibodies used as reagents or drugs
	ListSiteSecondaryVerbs        = "site-secondary-verbs"        // verbs whose object, the secondary site's noun, means its general condition ("improves your skin")
	ListSiteSecondaryAdjectives   = "site-secondary-adjectives"   // adjectives listed before the secondary site's noun ("dry, itchy skin")
	ListDrynessAdjective          = "dryness-adjective"           // the adjective of the dryness-condition role
	ListLesionWords               = "lesion-words"                // lesions: inflammatory ones are local
	ListFlareWords                = "flare-words"                 // flares: local inflammation in a document about a condition
	ListOffSiteDiseases           = "off-site-diseases"           // diseases whose flares are not local
	ListSpotWords                 = "spot-words"                  // spots: the lesion-condition role on the secondary site
	ListSpotOnSite                = "spot-on-site"                // words that put spots on the secondary site
	ListSpotNotLesion             = "spot-not-lesion"             // words that make spots something else ("age spots")
	ListInflamedAdjectives        = "inflamed-adjectives"         // adjectives of inflamed lesions ("red", "angry")
	ListInflamedParticiple        = "inflamed-participle"         // "inflamed": local inflammation of lesions
	ListLocalWords                = "local-words"                 // lesions and the secondary site: an inflammation placed on them is local
	ListLocalPrepositions         = "local-prepositions"          // prepositions that place an inflammation ("behind the spots")
	ListOutcomeWords              = "outcome-words"               // symptoms: the also-outcome role listed with them is an outcome
	ListMeasureWords              = "measure-words"               // measures of a condition: not an unknown subject of a relation
	ListCueHarm                   = "cue-harm"                    // wordings that harm or worsen their object: a beneficial object goes down, the others up
	ListCueHarmVerbs              = "cue-harm-verbs"              // verbs that harm or worsen their object, with all their forms
	ListCueHelp                   = "cue-help"                    // wordings that help or relieve their object: a beneficial object goes up, the others down
	ListCueHelpAfterAuxiliary     = "cue-help-after-auxiliary"    // verbs of help whose base form is also an adjective: a verb only after an auxiliary or "to" ("did not clear Y")
	ListCueHelpVerbs              = "cue-help-verbs"              // verbs that help or relieve their object, with all their forms
	ListCueReverse                = "cue-reverse"                 // relations whose subject comes after them ("X is due to Y"): Y raises or causes X
	ListCueHelpReverse            = "cue-help-reverse"            // relations of relief whose subject comes after them ("Y responds to X"): X relieves Y
	ListPairCoordinators          = "pair-coordinators"           // words that join a list of concepts into one argument of a relation
	ListPairBetween               = "pair-between"                // words after a relation noun that introduce the two concepts it relates
	ListPairOf                    = "pair-of"                     // "of" after a relation noun introduces its subject ("the effect of X on Y")
	ListPairBy                    = "pair-by"                     // "by" after a passive verb introduces its subject
	ListPairObjectPrepositions    = "pair-object-prepositions"    // prepositions that introduce the object of a relation noun
	ListPairCausePrepositions     = "pair-cause-prepositions"     // prepositions that introduce the cause after an outcome verb ("improved after X")
	ListRelativePronouns          = "relative-pronouns"           // the relation after them has the concept before them as its subject
	ListPassiveAuxiliaries        = "passive-auxiliaries"         // auxiliaries of a passive verb
	ListOutcomeVerbs              = "outcome-verbs"               // outcome verbs and nouns whose subject is the outcome when no object follows them
	ListAnaphoraWords             = "anaphora-words"              // words that stand for a concept named before them ("improve it")
	ListInverseSynonyms           = "inverse-synonyms"            // synonyms that name the opposite of their concept ("skin problems", "skin hydration"): what raises them lowers the concept
	ListPairComparison            = "pair-comparison"             // "than", "versus": a comparative before them compares groups, an association
	ListPairPurpose               = "pair-purpose"                // "for": a condition after it is the purpose of what is named before ("X for acne"), not an argument
	ListPairVia                   = "pair-via"                    // "via", "through": the means or the path of a relation ("X eased Y via Z")
	ListFindingPrepositions       = "finding-prepositions"        // prepositions after a finding that name the people it was found in ("described X in patients with Y")
	ListPlacePrepositions         = "place-prepositions"          // prepositions of a place or path a noun phrase ends with ("leakage into the blood")
	ListAssociatedWords           = "associated-words"            // participles of association that an inverse adverb gives a direction ("inversely associated with Y")
	ListRiskNouns                 = "risk-nouns"                  // nouns of risk: "a higher risk of Y in people with X" makes X the exposure
	ListChainAdverbs              = "chain-adverbs"               // adverbs before a verb whose subject is the object before ("upset Y and thereby aggravate Z")
	ListSizeWords                 = "size-words"                  // words of a size of change without digits ("by almost half", "by a third")
	ListRegimenPrepositions       = "regimen-prepositions"        // "on": people on an intervention were given it ("patients on omega-3")
	ListCauseConjunctions         = "cause-conjunctions"          // "because", "since": a pronoun right after them stands for the subject before; after a question, a reason that states
	ListSourceWords               = "source-words"                // "according": the study after "to" is the source of the result ("according to a new trial")
	ListResultNouns               = "result-nouns"                // "trend": a noun that names the result just stated ("..., a trend that did not reach significance")
	ListCalledForWords            = "called-for-words"            // "needed", "warranted": after a copula (or "need" before "to"), the design named before is called for, not the article's
	ListTowardsPrepositions       = "towards-prepositions"        // "towards": the state a change without direction moves its object to ("shift Y towards a healthier composition")
	ListEvidenceNouns             = "evidence-nouns"              // "evidence", "data": the subject of "... is lacking", a denial of what it is for
	ListLackingWords              = "lacking-words"               // "lacking", "thin": after a copula, said of the evidence that opens the sentence, a denial
	ListSufficiencyWords          = "sufficiency-words"           // "sufficient": after a copula and a negator, said of the evidence that opens the sentence, a denial ("is not sufficient to recommend X")
	ListRolePrepositions          = "role-prepositions"           // "as": before a noun of treatment in a title, the role it is studied in ("X as adjuvant therapy for Y")
	ListAbsolutePrepositions      = "absolute-prepositions"       // "with": after a comma, a phrase whose denial is of the subject before ("X reduced Y, with no effect on Z")
	ListMakingVerbs               = "making-verbs"                // "make": in a relative clause on the community, it produces its object ("the gut bacteria that make butyrate")
	ListEfficacyWords             = "efficacy-words"              // "effective": after a comparative and before "than", compares the subject's effect with an intervention's
	ListPlaceboWords              = "placebo-words"               // "placebo": people compared with those given it are an arm of a trial
	ListRiskPrepositions          = "risk-prepositions"           // "at": "infants at high risk of Y" names the people, not a relation
	ListRangeOpeners              = "range-openers"               // "everything": "everything from X to Y" lists X and Y
	ListRangePrepositions         = "range-prepositions"          // "from": opens the range "from X to Y"
	ListRangeEnds                 = "range-ends"                  // "to": closes the range "from X to Y"
	ListCombinationParticiples    = "combination-participles"     // "combined": "X combined with Y" makes Y a subject too, not an adjunct of X
	ListPhrasalAvoidance          = "phrasal-avoidance-verbs"     // "cut": with an avoidance particle after it, an avoidance of what follows ("cut back on X")
	ListContainingWords           = "containing-words"            // "containing": "<X> containing <Y> reduced Z" has X as its subject
	ListPlainAdverbs              = "plain-adverbs"               // "often", "also": adverbs without an adverb ending that may stand between an auxiliary and its verb
	ListMeasureNouns              = "measure-nouns"               // "level", "load": singular nouns of measure that end an item of a list ("<Y> load and <Z>")
	ListSusceptibilityWords       = "susceptibility-words"        // "prone": right after people or animals, names who they are ("mice prone to Y"), no relation
	ListAgeNouns                  = "age-nouns"                   // "year": in a case report's "45-year-old", only after a number
	ListClearingVerbs             = "clearing-verbs"              // "my skin cleared up": the site's trouble clears
	ListContentAdjectives         = "content-adjectives"          // "a diet rich in X": what the noun before contains
	ListRespectiveWords           = "respective-words"            // "by 10% and 8%, respectively": sizes given in order
	ListConfirmingVerbs           = "confirming-verbs"            // "but studies have not confirmed this": the claim before is denied
	ListClaimNouns                = "claim-nouns"                 // "but the science behind that idea is thin": nouns that stand for the claim before
	ListPluralPronouns            = "plural-pronouns"             // "they": may stand for people named right before them
	ListSeverityAdjectives        = "severity-adjectives"         // "made Y less severe": adjectives of how bad or how often a condition is
	ListFeedingWords              = "feeding-words"               // "feeds": the taxon after it (or after "growth of") lives in the community
	ListPossessiveRelatives       = "possessive-relatives"        // "whose": people named by what happened to them
	ListNumberArmPrepositions     = "number-arm-prepositions"     // "with": after a percentage, the arm given what follows ("5.7% with X versus 9.7% with placebo")
	ListCovariateNouns            = "covariate-nouns"             // "account": "once X was taken into account" makes X a covariate
	ListHoldingVerbs              = "holding-verbs"               // "keep": "X keeps Y from rising" prevents the change
	ListSteadyWords               = "steady-words"                // "stable": "Y rose on placebo but remained stable with X" kept Y from the change
	ListDesignNouns               = "design-nouns"                // "design": "the cross-sectional design" is the article's own
	ListBaselineWords             = "baseline-words"              // "baseline": groups alike at baseline deny no result
	ListLostEffectWords           = "lost-effect-words"           // "longer": "X no longer accelerated Y" denies X's effect
	ListMeasuringVerbs            = "measuring-verbs"             // "measured": "but neither measured Z" reports a method
	ListControlWords              = "control-words"               // "controls": the comparison group, not the intervention's
	ListEntryWords                = "entry-words"                 // "into": "Y slips into the bloodstream" moves Y into a body compartment
	ListEntryVerbs                = "entry-verbs"                 // "reach": "Y reaches the circulation"
	ListNumberWords               = "number-words"                // "two": counts a dose ("two capsules of X")
	ListTrialWords                = "trial-words"                 // "trial": people who ate X in a trial were given it
	ListPersonPronouns            = "person-pronouns"             // "I": "Y cleared when I cut out X" names a person acting on X
	ListEvidenceTimeWords         = "evidence-time-words"         // "yet": "no good evidence yet that X helps Y"
	ListEvidenceComplements       = "evidence-complements"        // "that", "showing": after lacking evidence, what it would show
	ListUpAvoidanceVerbs          = "up-avoidance-verbs"          // "give": "giving up X" avoids X
	ListUpParticles               = "up-particles"                // "up": the particle of up-avoidance-verbs
	ListNoDeterminers             = "no-determiners"              // "no": a negator before a noun ("no good evidence that")
	ListEvidenceTimeLeads         = "evidence-time-leads"         // "to": "no study to date has shown that"
	ListForwardWords              = "forward-words"               // "following": "suggest the following:" points to what the colon opens
	ListRemedyVerbs               = "remedy-verbs"                // "correcting": "correcting a X deficiency" gives X
	ListNearAdverbs               = "near-adverbs"                // "almost": "almost as well as Z" compares efficacy
	ListTreatmentNouns            = "treatment-nouns"             // "treatment": "a proven <condition> treatment" treats it
	ListAdjunctNouns              = "adjunct-nouns"               // "adjunct": "an adjunct to <treatment> in <condition>" treats the condition
	ListContinuingVerbs           = "continuing-verbs"            // "keep": "keep using the creams" names the treatment
	ListSourceParticiples         = "source-participles"          // "isolated": "<microbe> isolated from X" names where it came from
	ListSourcePrepositions        = "source-prepositions"         // "from": after a participle of source
	ListTopicHeads                = "topic-heads"                 // "interest": "interest in restoring X" names a topic
	ListGenericPossessives        = "generic-possessives"         // "your": "your diet" is the reader's, no diet named before
	ListExpletiveSubjects         = "expletive-subjects"          // "there": after a contrast, opens a clause of its own that a hedge before it does not reach
	ListReportingVerbs            = "reporting-verbs"             // "say": the statement after them is the sentence's own
	ListMicrobeProductNouns       = "microbe-product-nouns"       // "products": after a microbe word, toxins in the circulation
	ListRangeNouns                = "range-nouns"                 // "range", "mix": after a breadth adjective and before "of" microbes, their diversity
	ListBreadthAdjectives         = "breadth-adjectives"          // "wider", "richer": before a range noun, the breadth of a range of kinds
	ListStudyNouns                = "study-nouns"                 // "studies", "surveys": after a design word, in the plural, other studies' design ("in cross-sectional studies")
	ListArmWords                  = "arm-words"                   // words after an intervention that name the arm of a trial given it ("the X arm"): its comparisons are effects
	ListMediationWords            = "mediation-words"             // verbs whose subject carries the effect named after them ("M mediates the effect of X on Y")
	ListNeutralChangeWords        = "neutral-change-words"        // words of a change with no direction next to a concept ("<Y> modulation"): its cause is associated with it
	ListPairCollective            = "pair-collective"             // "all", "both" before "of which": the relation after it has every concept named before as its subject
	ListInverseAdverbs            = "inverse-adverbs"             // adverbs before an association verb that turn the risk after it down ("inversely associated with the risk of Y")
	ListHelpAdverbs               = "help-adverbs"                // adverbs that make a verb of change without direction a helping one ("beneficially alters")
	ListHarmAdverbs               = "harm-adverbs"                // adverbs that make a verb of change without direction a harming one ("adversely affects")
	ListPairExamples              = "pair-examples"               // "such as", "including" after a noun outside the taxonomy: the examples after them are what the verb before acts on
	ListPairAdjunct               = "pair-adjunct"                // "alongside", "besides": what follows them goes with the subject before them and is no subject itself
	ListNounEndings               = "noun-endings"                // endings of nouns of action or state: a title whose relations are such nouns names a topic ("the prevention of Y: a trial")
	ListAdjectiveEndings          = "adjective-endings"           // endings of adjectives: a relation word with one right before a concept qualifies it ("effective stress management")
	ListAdverbEndings             = "adverb-endings"              // endings of adverbs ("significantly")
	ListComparativeEndings        = "comparative-endings"         // endings of comparative adjectives that no noun shares ("leakier", "drier")
	ListPastEndings               = "past-endings"                // the ending of regular past tenses and participles ("reduced")
	ListParticipleEndings         = "participle-endings"          // endings of other past participles ("taken"); with past-endings and irregular-past, the past forms
	ListReportedEndings           = "reported-endings"            // endings of the participles of finding verbs that have no past-endings ending ("shown", "found")
	ListGerundEndings             = "gerund-endings"              // the ending of gerunds and present participles ("taking")
	ListPluralEndings             = "plural-endings"              // the ending of regular plurals and third persons ("improves", "lesions")
	ListEpithetEndings            = "epithet-endings"             // endings of the Latin epithets of species ("muciniphila"): a lower-case word after a genus with one names its species
	ListVerbInflections           = "verb-inflections"            // the rules that make the forms of the base verbs of the *-verbs and *-split lists
	ListPluralStems               = "plural-stems"                // the rules that fold a plural to its stem, in text and synonyms alike; the first that matches applies
	ListPossessiveEndings         = "possessive-endings"          // what follows an apostrophe at the end of a possessive ("body's"): dropped
	ListAbbreviations             = "abbreviations"               // abbreviations whose full stop rarely ends a sentence ("et al.", "e.g.", "Fig.")
	ListSectionLabels             = "section-labels"              // labels of the sections of an abstract ("Results:"): a label in mixed case opens a section only if listed
)

// lists describes every list name: its kind and what the rules do with it.
var lists = []List{
	{ListCueNegation, Phrases, "en", `negators whose scope decides what they deny`},
	{ListCueDenial, Phrases, "en", `wordings that deny a relation in themselves ("no effect", "failed to", "did not differ")`},
	{ListCueNegationLong, Phrases, "en", `negators whose verb comes after a noun phrase ("none of the patients ... improved"): a longer scope`},
	{ListCueFlip, Phrases, "en", `wordings that reverse what follows ("it is a myth that")`},
	{ListCueIncreaseSplit, Verbs, "en", `verbs with a particle that may follow their object ("push insulin up"), that raise it`},
	{ListCueDecreaseSplit, Verbs, "en", `verbs with a particle that may follow their object ("bring CRP down"), that lower it`},
	{ListCueHelpSplit, Verbs, "en", `verbs with a word that may follow their object ("keep the barrier intact"), that help it`},
	{ListCueHarmSplit, Verbs, "en", `verbs with a word that may follow their object ("make the gut lining leakier"), that harm it: a beneficial object goes down, the others up`},
	{ListCueDenialSplit, Verbs, "en", `verbs with a word that may follow their object ("left IgE unchanged"), that deny a relation`},
	{ListCueIncreaseAround, Phrases, "en", `a comparative and a risk noun around the outcome they raise ("a higher eczema risk"): a comparative and a noun of one word each`},
	{ListCueDecreaseAround, Phrases, "en", `a comparative and a risk noun around the outcome they lower ("lower acne odds"): a comparative and a noun of one word each`},
	{ListCueInstead, Phrases, "en", `wordings that set a concept aside ("rather than")`},
	{ListCueContrast, Phrases, "en", `words that open a clause that may take a negation back ("but", "yet")`},
	{ListCuePseudoNegation, Phrases, "en", `negation words that deny nothing ("not only", "cannot be ruled out")`},
	{ListCueHedge, Phrases, "en", `wordings of uncertainty; the open questions (cue-open-question) hedge too`},
	{ListCueHedgeVerbs, Verbs, "en", `verbs of uncertainty, with all their forms`},
	{ListCueLikely, Phrases, "en", `"likely": a hedge unless a comparative stands before it ("more likely")`},
	{ListCueCould, Phrases, "en", `"could": a hedge unless a negator follows`},
	{ListCueOpenQuestion, Phrases, "en", `open questions: an aim next to "whether", a hedge elsewhere`},
	{ListCueVerb, Phrases, "en", `finite verbs: a sentence that names relations with nouns only and has none of them reads as a title`},
	{ListCueIncrease, Phrases, "en", `relations that raise, worsen or cause their object`},
	{ListCueFlipOwn, Phrases, "en", `wordings that reverse what follows when the article's own data say them ("our data (these findings) argue against the idea that X ..."): others who argue, or a softened argument ("few would argue against the idea that"), reverse nothing`},
	{ListOwnEvidenceNouns, Words, "en", `nouns of the article's own evidence that, within four words before it and after "our", "these", "this" or "the" (maybe one word between), say a reversal of cue-flip-own ("our data strongly argue against the idea that ...", "this study argues against ...")`},
	{ListCompoundHeads, Words, "en", `head nouns after "treatment" that make "a <condition> treatment" a compound naming something else ("an eczema treatment plan", "a psoriasis treatment centre"), no treatment of the condition`},
	{ListStateVerbs, Words, "en", `verbs of having, showing or reporting a state, before a less-word or comparative and what it qualifies ("studies of <condition> report reduced Y", "patients have raised Y"): a condition's finding, an association, not an effect of the condition`},
	{ListTrialControlWords, Words, "en", `words that alone name a trial's control arm after "than" ("than those on a waiting list", "than untreated mice"): people who took an intervention compared with it are the trial's arm`},
	{ListControlHeads, Words, "en", `nouns after a control word that make it a trial's control arm ("than the control group", "than usual care"), where "healthy controls", "nonusers" and "than usual" compare people by what they chose`},
	{ListEventVerbs, Words, "en", `verbs of a condition happening, in all their forms ("came", "flared", "relapsed", "developed", "occurred"): before a frequency comparative with no "than" after it ("Y relapsed less often with X", "Y developed less often in infants given X") the comparative gives the arm's effect its direction`},
	{ListFrequencyAdverbs, Words, "en", `adverbs of how often ("often", "frequently") that make "less" and "more" before them a comparative of frequency`},
	{ListStartVerbs, Words, "en", `verbs of starting something ("started", "began"): in a clause that opens the sentence with a start opener ("Since I started X, ...") X is given, and the same people are compared before and after it, not people by what they chose`},
	{ListAskingVerbs, Words, "en", `verbs of asking: with the people asked and a word of question-words after them ("asked her dermatologist if X ...", "ask the nurse whether ..."), a question, no claim`},
	{ListQuestionWords, Words, "en", `words that open an indirect question after a verb of asking-verbs and the people asked ("if", "whether")`},
	{ListContainingVerbs, Words, "en", `verbs of containing or supplying: after the subject at the head of a clause, their object is what the subject holds, and a verb after a conjunction is the subject's ("X contains Y and may improve Z": X improves Z)`},
	{ListMentionComparatives, Words, "en", `comparatives that may open a mention ("clearer skin", "smoother skin"): after a verb of state-verbs they compare, as "had more <Y>" does ("students who took X had clearer skin")`},
	{ListAmountWords, Words, "en", `words of amounts besides numbers: after "by" and before any concept they say how much a change was ("fell by a median of 22%", "dropped by two thirds", "rose by about half"), not what caused it`},
	{ListResultVerbs, Words, "en", `verbs after which "<site noun> <adjective>" says how the site is left on purpose, no condition ("pat the skin dry", "let your skin dry before ...")`},
	{ListSiteVerbParticles, Words, "en", `particles that make the dryness adjective a verb whose object is the secondary site's noun ("alcohol dries out the skin", "dry the skin out")`},
	{ListLinkingVerbs, Words, "en", `verbs that link a subject to an adjective that says what it is or becomes ("the skin becoming thinner, drier and itchier", "skin gets drier"), besides copulas and passive auxiliaries`},
	{ListScarcityAdverbs, Words, "en", `adverbs of scarcity ("barely", "hardly", "rarely") that, right before an event verb of a condition ("Y has barely flared since X", "Y rarely flares on X"), say it happens less: the verb lowers Y`},
	{ListImperativeAvoidance, Words, "en", `verbs of lowering or leaving out in their base form that, opening a sentence or clause as an imperative, avoid what follows ("Cut sugar to reduce acne", "Limit dairy if you have acne"): what the sentence says of it is what its absence does, as after avoidance-words; elsewhere the base form is a verb with its own subject ("probiotics reduce Y")`},
	{ListItemHeads, Words, "gutskin", `nouns that head an intervention named by a word before them and end its item in a list ("a high-fibre diet and probiotics help Y": both items are the subject)`},
	{ListSuperlatives, Words, "en", `superlatives and words of rank that, after "the", make a treatment noun after a condition say what treats it ("X is the best (cheapest, standard) <condition> treatment"), as "a" does ("X is an <condition> treatment")`},
	{ListIntensifiers, Words, "en", `words without an adverb ending that intensify a comparative after them ("far", "much": "Y flared far less often with X")`},
	{ListStartOpeners, Words, "en", `words that open a clause of a start ("since", "after", "once", "when"): "Since I started X, Y came less often"`},
	{ListNotGerunds, Words, "en", `words that end in a gerund ending but are no gerund or present participle ("bring", "spring", "thing", "morning", "during"): "bring the gut flora back" lowers nothing`},
	{ListDegreeAdjectives, Words, "en", `adjectives of degree ("low", "high") whose comparison cues after a copula ("is low") compare only before a preposition of finding, not hyphen-joined ("Y is low in Z", not "are low-risk", "was low for")`},
	{ListBareInfinitiveVerbs, Words, "en", `verbs whose object is the subject of a bare infinitive after it ("X lets Y leak into the circulation and trigger Z"): a verb after the conjunction goes on with the infinitive, whose subject is Y, not X`},
	{ListOutcomeHarmVerbs, Words, "gutskin", `verbs (and "during") of which the also-outcome role is the harmed object or the time: after a subject outside the taxonomy ("itching that disturbs <outcome>", "scratching during <outcome>") the outcome is measured, not the intervention; after a concept ("eczema disturbs <outcome>") it is the concept`},
	{ListNegatingPronouns, Words, "en", `pronouns that deny as subjects ("but none has yet shown a benefit for Y"): the verb after them has a subject of its own, not the one of the verb before the conjunction`},
	{ListDisjunctions, Words, "en", `conjunctions of alternatives: a denial before the first of two passives joined by one reaches the second ("was not affected by W or improved by X"), where "and" gives the second its own statement`},
	{ListStopVerbs, Words, "en", `verbs of stopping that avoid what a gerund right after them takes ("when I stop taking X": what the sentence says then is what X's absence does); "X stops Y from spreading" prevents Y`},
	{ListUntilWords, Words, "en", `subordinators that open a clause with a subject of its own, which a denial in itself (cue-denial) does not reach ("Everything I tried fell flat until probiotics cleared my eczema")`},
	{ListAuthorWords, Words, "en", `words of the authors that, opening the clause after "Using X,", make the gerund their method ("Using a probiotic, we treated 40 patients"); other subjects ("you", "patients") are X's users`},
	{ListCueFeeding, Phrases, "en", `wordings of feeding or topping up that raise a mechanism named within two words after them ("X is food for your gut bacteria", "X tops up the friendly bacteria"); before anything else they are no cue ("food for thought", "Food for the Skin", "top up your vitamin D")`},
	{ListCueIncreaseVerbs, Verbs, "en", `verbs that raise, worsen or cause their object, with all their forms`},
	{ListCueDecrease, Phrases, "en", `relations that lower, relieve or protect against their object`},
	{ListCueDecreaseVerbs, Verbs, "en", `verbs that lower, relieve or protect against their object, with all their forms`},
	{ListCueAssociation, Phrases, "en", `relations without a direction`},
	{ListCueAssociationVerbs, Verbs, "en", `verbs of relations without a direction, with all their forms`},
	{ListCueComparison, Phrases, "en", `comparatives that state an association ("higher", "more likely")`},
	{ListCueRole, Phrases, "en", `"role": a relation after "play" or a qualifier (role-qualifiers)`},
	{ListCueNeutral, Phrases, "en", `wordings that are neither a relation nor a negation of it (safety outcomes, hypotheses, study controls)`},
	{ListCueTopic, Phrases, "en", `relations named as a topic ("effects of", "role of"): a claim only with a verb`},
	{ListCueAim, Phrases, "en", `aims, questions and scope statements: no claim unless a finding follows`},
	{ListCueMethod, Phrases, "en", `methods: no claim unless a finding follows`},
	{ListCueScope, Phrases, "en", `"this review", "here we": scope statements`},
	{ListCueFinding, Phrases, "en", `words after which a result follows ("found", "showed")`},
	{ListCueFindingVerbs, Verbs, "en", `verbs after which a result follows, with all their forms`},
	{ListCueFound, Phrases, "en", `result words a negator can deny ("was not observed")`},
	{ListCueSimilar, Phrases, "en", `"similar", "comparable": no difference when a group word (group-words) is near`},
	{ListCueClauseBreak, Phrases, "en", `words that end a negation's scope and open a clause ("but", "whereas")`},
	{ListCueSignificance, Phrases, "en", `result words inside a negation's scope ("significant", "compared with")`},
	{ListAimAdverbs, Words, "en", `adverbs that may stand between "we" and the verb of an aim ("we then review")`},
	{ListDesignMetaAnalysis, Phrases, "en", `wordings of a meta-analysis`},
	{ListDesignSystematicReview, Phrases, "en", `wordings of a systematic review`},
	{ListDesignRCT, Phrases, "en", `wordings of a randomised controlled trial`},
	{ListDesignCohort, Phrases, "en", `wordings of a cohort study`},
	{ListDesignCaseControl, Phrases, "en", `wordings of a case-control study`},
	{ListDesignCrossSectional, Phrases, "en", `wordings of a cross-sectional study`},
	{ListDesignCaseReport, Phrases, "en", `wordings of a case report`},
	{ListDesignAnimal, Phrases, "en", `wordings of an animal study`},
	{ListDesignInVitro, Phrases, "en", `wordings of an in-vitro study`},
	{ListDesignNarrativeReview, Phrases, "en", `wordings of a narrative review`},
	{ListCitedTrial, Phrases, "en", `a trial a sentence cites for its claim ("in one small trial")`},
	{ListSelfMetaAnalysis, Phrases, "en", `an article saying it is a meta-analysis`},
	{ListSelfSystematicReview, Phrases, "en", `an article saying it is a systematic review`},
	{ListSelfNarrativeReview, Phrases, "en", `an article saying it is a review`},
	{ListPubtypeMetaAnalysis, Labels, "en", `PubMed publication types of a meta-analysis`},
	{ListPubtypeSystematicReview, Labels, "en", `PubMed publication types of a systematic review`},
	{ListPubtypeRCT, Labels, "en", `PubMed publication types of a trial`},
	{ListPubtypeCohort, Labels, "en", `PubMed publication types of an observational study`},
	{ListPubtypeCaseReport, Labels, "en", `PubMed publication types of a case report`},
	{ListPubtypeNarrativeReview, Labels, "en", `PubMed publication types of a review`},
	{ListPubtypeInVitro, Labels, "en", `PubMed publication types of an in-vitro study`},
	{ListMeshCohort, Labels, "en", `MeSH headings of a cohort study`},
	{ListMeshCaseControl, Labels, "en", `MeSH headings of a case-control study`},
	{ListMeshCrossSectional, Labels, "en", `MeSH headings of a cross-sectional study`},
	{ListMeshInVitro, Labels, "en", `MeSH headings of an in-vitro study`},
	{ListMeshAnimals, Labels, "en", `MeSH headings of animal subjects: without mesh-humans the article is an animal study`},
	{ListMeshHumans, Labels, "en", `MeSH headings of human subjects`},
	{ListPubtypeGeneric, Labels, "en", `publication types that say only what a study is not ("Observational Study"): a MeSH heading that names the design wins`},
	{ListMeshTimeFrame, Labels, "en", `MeSH headings of a study's time frame: a cohort only when no heading names the design (a nested case-control study is indexed Case-Control Studies and Prospective Studies)`},
	{ListDeterminers, Words, "en", `determiners and prepositions between a verb and its object ("affects your skin")`},
	{ListGroupWords, Words, "en", `group words that turn "similar" into no difference ("similar in both groups")`},
	{ListComparativeWords, Words, "en", `words before "likely" that make it a comparison, not a hedge`},
	{ListRoleQualifiers, Words, "en", `words that make "role" a relation ("a key role")`},
	{ListConjunctions, Words, "en", `"and", "or"`},
	{ListNegatingWords, Words, "en", `words that make a long form deny its concept ("without", "non")`},
	{ListEffectNouns, Words, "en", `nouns after a directional word that state a direction ("protective effect")`},
	{ListCopulas, Words, "en", `"is", "are": "X is a disease"`},
	{ListFillerAdjectives, Words, "en", `adjectives between an article and a noun ("a chronic inflammatory disease")`},
	{ListArticles, Words, "en", `articles and possessives`},
	{ListPlayVerbs, Words, "en", `"play": "plays a role"`},
	{ListLessWords, Words, "en", `words of less: a lost diversity, a reduced count`},
	{ListAbbreviationIntro, Words, "en", `words that introduce a short form ("also known as")`},
	{ListPopulationWords, Words, "en", `people and animals: "patients with X had Y"`},
	{ListInsteadFillers, Words, "en", `words between "rather than" and the concept it sets aside ("rather than taking")`},
	{ListRelationPrepositions, Words, "en", `words after a relation participle that make it a verb ("correlated with")`},
	{ListIntransitiveRelationVerbs, Words, "en", `relation verbs whose subject comes before them ("correlated", "associated")`},
	{ListNeutralSubjectWords, Words, "en", `words before a relation verb that are not its subject`},
	{ListRaisingWords, Words, "en", `words that keep a negation across "to" ("not found to")`},
	{ListModalWords, Words, "en", `words between a subject and the verb it acts by ("may", "also")`},
	{ListTreatmentVerbs, Words, "en", `verbs of something given acting as a treatment ("reduced", "alleviates")`},
	{ListExposureVerbs, Words, "en", `verbs of exposure: a negated one defines a group, it denies no relation ("did not take")`},
	{ListCommentOpeners, Words, "en", `words that open a comment on what was said ("which", "although")`},
	{ListPronouns, Words, "en", `"it", "they": a clause with one still speaks of the concepts`},
	{ListPurposeMarker, Words, "en", `the infinitive marker: a purpose clause ends a negation's scope`},
	{ListHaveVerbs, Words, "en", `forms of "have", and verbs that say what people have ("exhibit", "display"): "patients with X have Y"`},
	{ListPerfectAuxiliary, Words, "en", `"been" between a negator and an exposure verb`},
	{ListWhether, Words, "en", `"whether": an open question next to it is an aim`},
	{ListEllipsisNot, Words, "en", `"not" that sets a phrase aside without a verb ("X, not Y, cleared it")`},
	{ListEllipsisAuxiliaries, Words, "en", `auxiliaries that stand for an elided verb ("whereas Z did not")`},
	{ListAdditionWords, Words, "en", `"adding X to Y", "an adjunct to Y": Y is the setting, not the subject`},
	{ListSelfDesignWords, Words, "en", `"in this cross-sectional survey", "we conducted a randomised trial": a design right after them is the article's own`},
	{ListCitedDesignWords, Words, "en", `"our previous cross-sectional survey", "an earlier trial": a design right after them is cited, not the article's own`},
	{ListConversionVerbs, Words, "en", `verbs of conversion: "bacteria ferment X into Z"`},
	{ListProductPrepositions, Words, "en", `"into": the product of a conversion`},
	{ListAvoidanceWords, Words, "en", `"cutting out X", "avoiding X": what follows is X's absence`},
	{ListAvoidanceParticles, Words, "en", `"cutting back on X": particles between the word and X`},
	{ListAvoidanceParticiples, Words, "en", `"X was discontinued": stopping after a passive auxiliary`},
	{ListQuestionOpeners, Words, "en", `words that open a question: a heading they open asks it`},
	{ListTimeClauseOpeners, Words, "en", `"Y cleared when X was corrected": a clause of time whose change causes Y's`},
	{ListFavourVerbs, Words, "en", `"the reduction in Y favoured X": a result in favour of an intervention is its effect`},
	{ListConsequenceOpeners, Words, "en", `"..., so I might stop": after a comma, a clause of consequence whose hedge doubts only itself`},
	{ListWithoutWords, Words, "en", `"X reduced Y without changing Z": a denial of what X does to Z`},
	{ListCovariateWords, Words, "en", `"irrespective of X", "adjusted for X": X is a covariate of the relation, no argument of it`},
	{ListMythHeadings, Words, "en", `"Myth 2: X causes Y": a word that opens a sentence, before a colon, and reverses what follows`},
	{ListConsumptionVerbs, Words, "en", `"students who ate X reported fewer Y": people who consume X by choice are compared, no arm given X`},
	{ListIrregularPast, Words, "en", `past tenses without "-ed" that report a result ("fell", "rose")`},
	{ListStopPhrases, Phrases, "gutskin", `phrases that name no concept and keep their words from a sense they do not have here`},
	{ListSenseOverridePhrases, Phrases, "gutskin", `stop phrases that, once seen in a document, mean its broad synonyms (broad-synonyms) name another condition`},
	{ListBroadSynonyms, Phrases, "gutskin", `synonyms that also name other conditions than their concept`},
	{ListGeneralLesionSynonyms, Phrases, "gutskin", `general synonyms that, in apposition to a named condition, name that condition only`},
	{ListCommunityUnplaced, Phrases, "gutskin", `synonyms of the community role that do not say where it lives: the words around decide`},
	{ListCommunitySiteTaxa, Phrases, "gutskin", `synonyms of the community role that are taxa also found in infections and at many sites (nails, mouth, blood, skin folds): they name a community only where a site word places them, and none after a hyphenated prefix ("anti-Candida")`},
	{ListCommunityAltContextTaxa, Phrases, "gutskin", `synonyms of the community-alt role that are taxa also found away from its site: they name the community only where it is placed at its site or the document names a condition`},
	{ListGivenMicrobesProducts, Phrases, "gutskin", `synonyms of the given-microbes role that name the product itself; its other synonyms are taxa that may also be resident`},
	{ListTaxonSuffixes, Suffixes, "gutskin", `endings of the names of microbial genera and families`},
	{ListKeepPlural, Words, "gutskin", `plurals whose singular names something else, kept plural`},
	{ListSitePrimary, Words, "gutskin", `the primary site (of the community role) as a place`},
	{ListSiteSecondary, Words, "gutskin", `the secondary site (of the community-alt role) as a place`},
	{ListSiteOther, Words, "gutskin", `other sites and habitats of microbes`},
	{ListSiteWhole, Words, "gutskin", `the whole host as the place of a community right before its unplaced synonym ("the human microbiome", "the host microbiota"): no one site, so no concept unless a site follows`},
	{ListSitePrimaryNoun, Words, "gutskin", `the noun of the primary site ("an unhealthy gut")`},
	{ListSiteSecondaryNoun, Words, "gutskin", `the noun of the secondary site`},
	{ListDiseaseNouns, Words, "en", `nouns of disease whose list of organs names the diseases of each: the secondary site's noun in such a list ("diseases entailing the gut, skin and immune system", "skin and gut disorders") is the general condition; after "the", in the singular, the general wording it ends refers back to the condition named just before ("people with Y ... those with the skin condition")`},
	{ListMicrobeWords, Words, "gutskin", `microbes in general`},
	{ListMicrobeBare, Words, "gutskin", `bare microbe words that need a site to name a community`},
	{ListConditionHeads, Words, "gutskin", `head nouns of conditions that, bare (at the start of a phrase, after an article, a determiner, a conjunction, a preposition, a number, a comparative, a severity adjective, a verb in -ed or a cue), stand for the condition named last in the document whose synonym of several words ends in them ("radiation dermatitis ... grade 2 or higher dermatitis", "atopic dermatitis ... did not reduce dermatitis"); another word before them ("diaper dermatitis") makes another condition, after which a bare head stands for none`},
	{ListReferringNouns, Words, "gutskin", `nouns that, after "the" or a demonstrative, stand for the concept named in the sentence or the one before whose synonym ends in them ("the overgrowth" after "small intestinal bacterial overgrowth" or its short form)`},
	{ListMicrobeAnaphora, Words, "gutskin", `microbe nouns that, after a demonstrative ("these strains"), stand for the microbes named just before`},
	{ListHabitatWords, Words, "gutskin", `words that make a site word a habitat of microbes ("cavity", "swab")`},
	{ListSitePath, Words, "gutskin", `words that link microbes to the place they live ("in the", "living on")`},
	{ListCirculationWords, Words, "gutskin", `the circulation`},
	{ListBloodWords, Words, "gutskin", `"blood": the circulation only right next to a toxin`},
	{ListToxinWords, Words, "gutskin", `toxins`},
	{ListDiversityWords, Words, "gutskin", `diversity and richness`},
	{ListDiverseAdjective, Words, "gutskin", `"diverse": diversity only right before its microbes or after a copula`},
	{ListVariedAdjective, Words, "gutskin", `"varied", "variety": diversity only as an adjective, or a noun right before its microbes ("the variety of bacteria in the gut")`},
	{ListIndefiniteArticles, Words, "en", `"a", "an": "a variety of X", "a diversity of X" name many kinds of X, no diversity`},
	{ListBarrierWords, Words, "gutskin", `"barrier": the primary or the secondary site's`},
	{ListPermeabilityWords, Words, "gutskin", `bare permeability: the primary site's barrier unless another site is named`},
	{ListBarrierSiteOther, Words, "gutskin", `sites whose permeability is not the primary site's`},
	{ListBarrierUnplaced, Phrases, "gutskin", `synonyms of the barrier role that every barrier has: the sentence's barrier decides`},
	{ListImbalanceWords, Words, "gutskin", `words that make a community mention an imbalance`},
	{ListChangeWords, Words, "gutskin", `words of change: an imbalance only with composition words`},
	{ListNeutralImbalanceWords, Words, "gutskin", `imbalance words that are only a change when a helpful intervention makes it`},
	{ListImbalanceVerbs, Words, "gutskin", `verbs that make the community after them its imbalance when what is named right before them is a harmful exposure or a condition ("stress alters the gut flora"), a change otherwise`},
	{ListFavourableChangeWords, Words, "gutskin", `words before a change that make it no imbalance ("favourable changes")`},
	{ListSubspeciesWords, Words, "gutskin", `words after a species that introduce its subspecies ("subsp.")`},
	{ListCompositionWords, Words, "gutskin", `composition and balance`},
	{ListTransferWords, Words, "gutskin", `transfer of a community`},
	{ListReceivingWords, Words, "gutskin", `words of receiving or colonising that, a few words before the community (maybe with the donors' condition or a plain word between: "mice that received HS microbiota", "recipients of control microbiota") or before a donor material, make its transfer`},
	{ListDonorMaterial, Words, "gutskin", `the material a community is transferred in, after a word of transfer or receiving ("colonised with pooled stool", "transplanted faeces")`},
	{ListModifierBridgeBefore, Words, "gutskin", `words between a modifier and the community it modifies`},
	{ListModifierBridgeAfter, Words, "gutskin", `words between a community and a modifier after it`},
	{ListAbundanceWords, Words, "gutskin", `a taxon counted, not given`},
	{ListCountNouns, Words, "gutskin", `a taxon counted, right after it ("counts")`},
	{ListTaxonNouns, Words, "gutskin", `a taxon named as such ("species", "strain")`},
	{ListGivenWords, Words, "gutskin", `something given or taken`},
	{ListByMouth, Words, "gutskin", `"oral" right before a taxon: taken by mouth`},
	{ListResistanceWords, Words, "gutskin", `resistance and susceptibility testing: an antimicrobial tested, not taken`},
	{ListProducingWords, Words, "gutskin", `"producing": metabolite producers live at the primary site`},
	{ListProducingParticiple, Words, "gutskin", `the participle itself among producing-words`},
	{ListColonisedWords, Words, "gutskin", `colonisation: "mice colonised with bacteria"`},
	{ListAntibodyWords, Words, "gutskin", `antibodies: an immune response unless a reagent`},
	{ListReagentWords, Words, "gutskin", `antibodies used as reagents or drugs`},
	{ListSiteSecondaryVerbs, Words, "gutskin", `verbs whose object, the secondary site's noun, means its general condition ("improves your skin")`},
	{ListSiteSecondaryAdjectives, Words, "gutskin", `adjectives listed before the secondary site's noun ("dry, itchy skin")`},
	{ListDrynessAdjective, Words, "gutskin", `the adjective of the dryness-condition role`},
	{ListLesionWords, Words, "gutskin", `lesions: inflammatory ones are local`},
	{ListFlareWords, Words, "gutskin", `flares: local inflammation in a document about a condition`},
	{ListOffSiteDiseases, Words, "gutskin", `diseases whose flares are not local`},
	{ListSpotWords, Words, "gutskin", `spots: the lesion-condition role on the secondary site`},
	{ListSpotOnSite, Words, "gutskin", `words that put spots on the secondary site`},
	{ListSpotNotLesion, Words, "gutskin", `words that make spots something else ("age spots")`},
	{ListInflamedAdjectives, Words, "gutskin", `adjectives of inflamed lesions ("red", "angry")`},
	{ListInflamedParticiple, Words, "gutskin", `"inflamed": local inflammation of lesions`},
	{ListLocalWords, Words, "gutskin", `lesions and the secondary site: an inflammation placed on them is local`},
	{ListLocalPrepositions, Words, "gutskin", `prepositions that place an inflammation ("behind the spots")`},
	{ListOutcomeWords, Words, "gutskin", `symptoms: the also-outcome role listed with them is an outcome`},
	{ListMeasureWords, Words, "gutskin", `measures of a condition: not an unknown subject of a relation`},
	{ListCueHarm, Phrases, "en", `wordings that harm or worsen their object: a beneficial object goes down, the others up`},
	{ListCueHarmVerbs, Verbs, "en", `verbs that harm or worsen their object, with all their forms`},
	{ListCueHelp, Phrases, "en", `wordings that help or relieve their object: a beneficial object goes up, the others down`},
	{ListCueHelpAfterAuxiliary, Words, "en", `verbs of help whose base form is also an adjective: a verb only after an auxiliary or "to" ("did not clear Y", "can clear Y"), not after a copula ("is not clear")`},
	{ListCueHelpVerbs, Verbs, "en", `verbs that help or relieve their object, with all their forms`},
	{ListCueReverse, Phrases, "en", `relations whose subject comes after them ("X is due to Y"): Y raises or causes X`},
	{ListCueHelpReverse, Phrases, "en", `relations of relief whose subject comes after them ("Y responds to X"): X relieves Y`},
	{ListPairCoordinators, Words, "en", `words that join a list of concepts into one argument of a relation`},
	{ListPairBetween, Words, "en", `words after a relation noun that introduce the two concepts it relates`},
	{ListPairOf, Words, "en", `"of" after a relation noun introduces its subject ("the effect of X on Y")`},
	{ListPairBy, Words, "en", `"by" after a passive verb introduces its subject`},
	{ListPairObjectPrepositions, Words, "en", `prepositions that introduce the object of a relation noun`},
	{ListPairCausePrepositions, Words, "en", `prepositions that introduce the cause after an outcome verb ("improved after X")`},
	{ListRelativePronouns, Words, "en", `the relation after them has the concept before them as its subject`},
	{ListPassiveAuxiliaries, Words, "en", `auxiliaries of a passive verb`},
	{ListOutcomeVerbs, Words, "en", `outcome verbs and nouns whose subject is the outcome when no object follows them`},
	{ListAnaphoraWords, Words, "en", `words that stand for a concept named before them ("improve it")`},
	{ListInverseSynonyms, Phrases, "gutskin", `synonyms that name the opposite of their concept ("skin problems", "skin hydration"): what raises them lowers the concept`},
	{ListPairComparison, Words, "en", `"than", "versus": a comparative before them compares groups, an association`},
	{ListPairPurpose, Words, "en", `"for": a condition after it is the purpose of what is named before, not an argument`},
	{ListPairVia, Words, "en", `"via", "through": the means (an intervention) or the path (another concept) of a relation`},
	{ListFindingPrepositions, Words, "en", `prepositions after a finding that name the people it was found in ("X has been described in patients with Y"): an association`},
	{ListAssociatedWords, Words, "en", `participles of association that an inverse adverb before them turns into a lowering, for an exposure ("fibre intake was inversely associated with acne severity"); "correlated" is not one`},
	{ListRiskNouns, Words, "en", `nouns of risk: "a higher risk of Y in people with X" makes X the exposure that raises Y`},
	{ListChainAdverbs, Words, "en", `adverbs before a second verb that make the first verb's object its cause ("X could upset Y and thereby aggravate Z")`},
	{ListSizeWords, Words, "en", `words of the size of a change without digits ("lowered Y by almost half and reduced Z"): the size ends the first verb's phrase`},
	{ListRegimenPrepositions, Words, "en", `prepositions between people and an intervention they were given ("patients on omega-3 had lower CRP"): an arm`},
	{ListCauseConjunctions, Words, "en", `conjunctions of a reason: a pronoun right after them is the subject of the clause before ("X eases Y because it repairs Z"); after a comma that follows a question or an aim, they open a statement of its own ("... ask whether Z matters, since X has been tied to Y")`},
	{ListSourceWords, Words, "en", `words before "to" that make the study after it the source of a result ("..., according to a new trial")`},
	{ListResultNouns, Words, "en", `nouns that name the result just stated ("X correlated with Y, a trend that did not reach significance")`},
	{ListCalledForWords, Words, "en", `words that, after a copula or before "to", call for the design named before them ("animal studies or randomised trials are needed", "prospective studies now need to test it"): no design of the article`},
	{ListTowardsPrepositions, Words, "en", `prepositions of the state a change without direction moves its object to ("X shifts Y towards a healthier composition": X raises Y)`},
	{ListEvidenceNouns, Words, "en", `nouns of evidence that open a sentence whose predicate says they are lacking ("Evidence for X in Y is lacking"): a denial`},
	{ListLackingWords, Words, "en", `words that, after a copula, say the evidence that opens the sentence is lacking ("The evidence that X treats Y is thin"): a denial; and a design said to be lacking ("randomised evidence that X helps Y is lacking", "evidence from randomised trials is still lacking") is no design of the article or of a claim`},
	{ListSufficiencyWords, Words, "en", `words of enough evidence that, after a copula and a negator, say the evidence that opens the sentence is lacking ("Evidence for X in Y is not sufficient to recommend it", "The evidence that X helps Y is not strong enough"): a denial, as the lacking-words are`},
	{ListRolePrepositions, Words, "en", `words before a noun of treatment that name the role an intervention is studied in ("Probiotics as adjuvant therapy for acne: a systematic review"): in a title, what follows names a topic, no result`},
	{ListAbsolutePrepositions, Words, "en", `words that, after a comma, open a phrase whose denial speaks of the subject of the verb before ("X reduced Y, with no effect on Z": X > Z is denied, not Y > Z)`},
	{ListMakingVerbs, Words, "en", `plain verbs of making that, in a relative clause on the community, produce their object ("the gut bacteria that make butyrate")`},
	{ListRangeNouns, Words, "en", `nouns of a range of kinds that, after a breadth adjective and before "of" and microbes, name the microbes' diversity ("a wider range of gut bacteria")`},
	{ListBreadthAdjectives, Words, "en", `adjectives of breadth before a range noun ("a richer mix of gut microbes", "a narrower range of bacteria")`},
	{ListMicrobeProductNouns, Words, "gutskin", `nouns of products that are toxins only right after a microbe word ("bacterial products reach the circulation")`},
	{ListReportingVerbs, Words, "en", `verbs that report what someone says ("Dermatologists say the evidence for X is thin"): the statement after them is the sentence's own`},
	{ListExpletiveSubjects, Words, "en", `words that stand as the subject of a clause that names its subject later ("..., but there is little proof that X clears Y"): after a contrast, a clause of its own that a hedge before the contrast does not reach`},
	{ListRiskPrepositions, Words, "en", `prepositions of people's risk: "infants at (high) risk of Y" names the people, not a relation`},
	{ListRangeOpeners, Words, "en", `words before a range "from X to Y" that make its ends a list ("blamed for everything from X to Y")`},
	{ListRangePrepositions, Words, "en", `the preposition that opens a range "from X to Y" (range-openers)`},
	{ListRangeEnds, Words, "en", `the preposition that closes a range "from X to Y" (range-openers)`},
	{ListPhrasalAvoidance, Words, "en", `verbs that, with an avoidance particle right after them, avoid what follows ("cut back on X", "cut out X", "cut down on X"); alone they lower their object ("cut acne by half")`},
	{ListContainingWords, Words, "en", `participles of containing: in "<X> containing <Y> reduced Z" the verb's subject is the head X, not what it contains`},
	{ListPlainAdverbs, Words, "en", `adverbs without an adverb ending (adverb-endings) that may stand between an auxiliary and its participle ("Y is often raised in Z", "Y was also reduced by X"), between a conjunction and a verb in series ("and may even help Z"), and between a copula and a word that calls for work or says the evidence is lacking ("is now warranted", "is still thin")`},
	{ListPluralPronouns, Words, "en", `pronouns in the plural: after people named right before a conjunction ("X worsens Y in children, but they have not been shown to ..."), they stand for the people, not for the subject before`},
	{ListFeedingWords, Words, "gutskin", `words of feeding, growth or loss right before a taxon, or before "of" and the taxon ("inulin feeds bifidobacteria", "stimulates the growth of Lactobacillus", "the synbiotic raised bifidobacteria", "a loss of bifidobacteria"): the taxon is a member of the community fed or lost, not microbes given`},
	{ListPossessiveRelatives, Words, "en", `possessive relative pronouns: "<Y> improved in patients whose <X> was eradicated" reads the relative clause on the people as a clause of time, whose change is the cause`},
	{ListNumberArmPrepositions, Words, "en", `prepositions that, right after a percentage, name the arm given the intervention or the placebo after them ("an incidence of 5.7% with X versus 9.7% with placebo"): the numbers are the arms'`},
	{ListCovariateNouns, Words, "en", `nouns that, a few words after a concept in a clause of time and a passive auxiliary, make it a covariate of the relation ("..., once X was taken into account"), as covariate-words do with "accounted for"`},
	{ListHoldingVerbs, Words, "en", `verbs that, with "from" and an -ing verb a few words after them, prevent what follows ("X keeps Y from spiking", "X stopped Y from spreading"): a verb of lowering, as "prevent" is`},
	{ListSteadyWords, Words, "en", `words of no change said of an outcome in the arm given an intervention, after a contrast with the placebo arm's change ("Y rose in the placebo group but remained stable in the X group"): X kept Y from the change, so it moves Y the other way`},
	{ListDesignNouns, Words, "en", `nouns right after a design that, with "the" before the design, name the article's own design ("the cross-sectional design prevents causal inference", "a limitation is the case-control design")`},
	{ListBaselineWords, Words, "en", `words of the time before an intervention: groups said to be similar then ("severity was similar in both groups at baseline") were alike before the trial, which denies no result`},
	{ListEntryWords, Words, "en", `words of moving into a place ("into"): after a verb of motion and before a circulation or blood word they say that the concept before them got there ("bacterial toxins slip into the bloodstream"), and it is the subject of the verb of change that follows ("... and stir up inflammation"); right after the concept ("lets Y into the bloodstream and stirs up Z") the next verb is the letting one's`},
	{ListEvidenceTimeWords, Words, "en", `words of time right after a noun of evidence or of a study under a negator ("no good evidence yet that X helps Y"): the denial reaches past them`},
	{ListUpAvoidanceVerbs, Words, "en", `verbs that avoid what follows only with a particle of up-particles right after them ("giving up processed food cleared my acne"; not "give off butyrate"); a negator before them keeps X taken ("don't give up on X")`},
	{ListEvidenceTimeLeads, Words, "en", `first words of a word of time of two words, whose second is in evidence-time-words ("to date", "so far", "thus far", "as yet"): after a negated noun of evidence or of a study the denial reaches past them ("no study to date has shown that X ...")`},
	{ListForwardWords, Words, "en", `words that, right before a colon, point to what the colon opens ("we suggest the following:", "in several ways:", "for three reasons:"): a hedge before them frames what follows the colon`},
	{ListAdjunctNouns, Words, "en", `nouns and verbs of adding to a treatment ("a useful adjunct to emollients in <condition>", "an addition to <condition> care", "could complement topical treatment in <condition>", the verb only after a modal): the treatment added to is no object; the condition after it, in the same clause, is; "in addition to" is a connective`},
	{ListContinuingVerbs, Words, "en", `verbs of going on that, before "using" and a treatment, name the treatment the reader goes on with when a relation follows in the same clause ("keep using the creams that control your redness"); not verbs of stopping`},
	{ListTreatmentNouns, Words, "en", `nouns of treatment that, right after a condition that an article opens (maybe with two words between: "not a proven <condition> treatment", "as an <condition> treatment"), name a treatment of it, as "therapy" does; "during <condition> treatment" names a time`},
	{ListNearAdverbs, Words, "en", `adverbs of nearness before "as well as" ("cleared Y about (almost, nearly) as well as Z"): a comparison of efficacy, so Z has the statement's effect on Y, and no list joined by "as well as"`},
	{ListRemedyVerbs, Words, "en", `verbs that remove a lack ("correcting (any underlying) X deficiency", "addressing X deficiency"): X then is given, not withheld`},
	{ListNoDeterminers, Words, "en", `negators that are determiners of the noun after them: before at most two words and a noun of evidence or of a study and what the evidence would show ("no proper trial showing that X ...") they deny it; a verb's negator ("should not ignore the evidence that") does not`},
	{ListUpParticles, Words, "en", `the particle that makes a verb of up-avoidance-verbs an avoidance ("give up")`},
	{ListEvidenceComplements, Words, "en", `words that, after a negator, at most two words and a noun of evidence or of a study (evidence-nouns, study-nouns), open what the missing evidence would show ("no randomised trial showing that X ...", "no good evidence that X ..."): the negator and the noun are a denial of it, as the listed phrases of cue-denial are`},
	{ListPersonPronouns, Words, "en", `personal pronouns of people who act in a clause of time after an outcome ("my acne cleared when I cut out X", "it settled when we stopped X"): what they do to X is the cause of the outcome, as for "they" (anaphora-words)`},
	{ListTrialWords, Words, "en", `words of an experiment that assigns what people take: named in the sentence's opening phrase after a preposition of finding ("In one ten-week trial, adults who ate X had less Y") or in the eaters' own clause ("a trial in which people who ate X ..."), people who ate or drank X were given it, and what they have is X's effect, not an association of what they chose to eat`},
	{ListNumberWords, Words, "en", `number words that count a dose after a verb of exposure ("took two capsules of X", "ate six servings of X"): the verb gives what follows "of", as a dose in digits does ("taking 6 g of X")`},
	{ListEntryVerbs, Words, "en", `verbs of getting into a place ("reach", "enter"): before a circulation or blood word, the concept right before them got there and is the subject of the verb of change that follows`},
	{ListControlWords, Words, "en", `words of the comparison group: a denied clause after a contrast that names it ("..., whereas the control diet did not change Z", "..., but Z did not improve in controls") speaks of that group, not of the intervention before the contrast`},
	{ListMeasuringVerbs, Words, "en", `forms of verbs of measuring and studying that, in a denied clause after a contrast ("..., but neither trial measured Z", "..., whereas Z was not assessed"), say what was not looked at rather than that nothing changed: no denied pair`},
	{ListLostEffectWords, Words, "en", `the second word of a pseudo-negation that, between a concept and a verb of change with an object ("in germ-free mice, X no longer accelerated Y"), says the effect was lost: a denial`},
	{ListSeverityAdjectives, Words, "en", `adjectives of how bad or how often a condition is, after "less" or "more" following the object of a verb of making ("X made Y less severe (more frequent)"): Y moves the comparative's way; with other adjectives ("less manageable") the reading is not taken`},
	{ListClaimNouns, Words, "en", `nouns that, after an article or a demonstrative, stand for the claim before a contrast in the evidence said to be lacking ("..., but the science behind that idea is thin", "the evidence for this claim is weak"): the claim is denied`},
	{ListConfirmingVerbs, Words, "en", `verbs of confirming that, under a negator in a clause of contrast that names no concept, with "this" (or a clause-final "it") for the claim before as their subject, or as their object with studies or evidence as the subject ("..., but this has not been confirmed", "..., but studies have not confirmed this (borne this out)"), deny that claim; "not replicated" leaves it standing, and "it was not confirmed whether ..." names no claim`},
	{ListRespectiveWords, Words, "en", `words that close a list of sizes given in the order of the items before ("increased Y at the face and forearm by 10.8% and 8.2%, respectively, and reduced Z"): no words of the clause`},
	{ListContentAdjectives, Words, "en", `adjectives of content that, before "in", "with" or "of" after a noun, say what the noun contains ("a diet rich in fibre", "a drink packed with probiotics"): the noun, when it names a concept, is the subject, not what it contains; a less-word among them ("low", "poor") leaves the content out ("a diet low in sugar" avoids sugar)`},
	{ListClearingVerbs, Words, "en", `verbs of clearing: the secondary site's noun as their subject ("my skin cleared up") names the site's trouble, which clears, so the site's state gets better`},
	{ListAgeNouns, Words, "en", `nouns of age that open a case report's wording ("45-year-old"): only after a number in digits, or a written number joined by a hyphen ("six-year-old"), do they give one person's age ("babies under a year old" reports no case)`},
	{ListSusceptibilityWords, Words, "en", `adjectives of susceptibility that, right after a word for people or animals, name who they are ("mice prone to Y", "patients susceptible to Y"), not what a subject raises ("X leaves the gut prone to Y")`},
	{ListMeasureNouns, Words, "en", `singular nouns of measure without a noun ending (noun-endings) that may end an item of a list before its conjunction ("reduced <Y> load and <Z>", "the IgE level and <Z>")`},
	{ListCombinationParticiples, Words, "en", `participles that join what follows them to the subject as a second subject ("X combined with Y reduced Z"); after other participles of giving ("X taken with Y", "X given during Y") Y is an adjunct, no subject`},
	{ListSourceParticiples, Words, "en", `participles that, with a source preposition, say where the concept before came from: "<microbe> strains isolated from X" (X is no argument)`},
	{ListSourcePrepositions, Words, "en", `prepositions of source after a participle of source (source-participles)`},
	{ListTopicHeads, Words, "en", `nouns after which a preposition and a gerund name a topic, not an act of the sentence's subject ("fuelling interest in restoring X")`},
	{ListGenericPossessives, Words, "en", `possessives of the reader: before a referring noun ("your diet") they name the reader's own thing, not the concept named before`},
	{ListPlaceboWords, Words, "en", `words of the dummy treatment of a trial: people compared with those given it are an arm, whatever verb names what they took ("women who drank X had fewer Y than women given a placebo drink")`},
	{ListEfficacyWords, Words, "en", `words of efficacy that, after a comparative and before "than" or "as", compare the subject's effect with an intervention's ("X reduces Y, although it is less effective than Z": Z has the same effect on Y)`},
	{ListStudyNouns, Words, "en", `nouns of studies that, in the plural after a design word, name other studies ("in cross-sectional studies", "cross-sectional surveys")`},
	{ListPlacePrepositions, Words, "en", `prepositions of a place or path that end an object's noun phrase ("X limited <Y> leakage into the blood and eased Z"): no argument of their own`},
	{ListArmWords, Words, "en", `words after an intervention that name the arm of a trial given it ("the X arm", "the X group"): its comparisons are effects`},
	{ListMediationWords, Words, "en", `verbs whose subject carries the effect named after them ("M mediates the effect of X on Y"): the subject is the path of that effect, associated with X`},
	{ListNeutralChangeWords, Words, "en", `words of a change with no direction next to a concept ("<X>-induced <Y> modulation", "modulated <Y> caused by X"): what causes the change is associated with the concept`},
	{ListPairCollective, Words, "en", `"all", "both" before "of which": the relation after it has every concept named before it as its subject ("X, Y and Z, all of which improve W")`},
	{ListInverseAdverbs, Words, "en", `adverbs before an association verb that turn a risk or odds after it down ("inversely associated with the risk of Y": decreases)`},
	{ListHelpAdverbs, Words, "en", `adverbs before a verb of change without direction that make it help its object ("beneficially alters Y", "favourably modulated Y"): a beneficial object goes up, a harmful one down`},
	{ListHarmAdverbs, Words, "en", `adverbs before a verb of change without direction that make it harm its object ("adversely affects Y", "negatively impacted Y"): a beneficial object goes down, a harmful one up`},
	{ListPairExamples, Phrases, "en", `"such as", "including" after a noun outside the taxonomy: the concepts they list are what the verb before the noun acts on ("X improved several markers, such as Y and Z")`},
	{ListPairAdjunct, Words, "en", `"alongside", "besides": what follows them goes with the subject before them and is no subject itself ("X given alongside Y reduced Z")`},
	{ListNounEndings, Suffixes, "en", `endings of nouns of action or state: a title whose relations are only such nouns and adjectives, with a design after its colon, names the topic of a study ("the prevention of Y: a randomised trial")`},
	{ListAdjectiveEndings, Suffixes, "en", `endings of adjectives: a relation word with one, right before a concept and after a comma or an article, qualifies it`},
	{ListComparativeEndings, Suffixes, "en", `endings of comparative adjectives that no common noun shares ("leakier", "drier", "oilier"): a list item whose mention opens with one has a comparative of its own ("had a less varied microbiota and a leakier gut")`},
	{ListAdverbEndings, Suffixes, "en", `endings of adverbs ("significantly"): adverbs may stand between a subject and its verb, a negator and what it denies, a hedge and its adjective`},
	{ListPastEndings, Suffixes, "en", `the ending of regular past tenses and participles ("reduced"): a verb of exposure, a passive, a reported finding`},
	{ListParticipleEndings, Suffixes, "en", `endings of other past participles ("taken"); with past-endings and irregular-past they make the past forms`},
	{ListReportedEndings, Suffixes, "en", `endings of the participles of finding verbs that have no past-endings ending ("shown", "found"): "was shown to alleviate" reports what was shown`},
	{ListGerundEndings, Suffixes, "en", `the ending of gerunds and present participles ("taking")`},
	{ListPluralEndings, Suffixes, "en", `the ending of regular plurals and of third persons ("lesions", "improves")`},
	{ListEpithetEndings, Suffixes, "en", `endings of the Latin epithets of species, as science written in the language has them ("muciniphila", "acnes"): a lower-case word after a genus with one, and no past-endings or gerund-endings ending, names its species`},
	{ListVerbInflections, Inflections, "en", `the rules that make the forms of the base verbs of the lists of kind verbs, in the order they are tried; each matching rule makes one form`},
	{ListPluralStems, Inflections, "en", `the rules that fold a plural to its stem, in text and synonyms alike ("allergies" -> "allergy"); the first rule that matches applies, none keeps the word, and keep-plural lists the plurals to keep`},
	{ListPossessiveEndings, Suffixes, "en", `what follows an apostrophe at the end of a possessive ("body's", "AD's"): dropped from the word`},
	{ListAbbreviations, Abbreviations, "en", `abbreviations whose full stop rarely ends a sentence ("et al.", "e.g.", "Fig."), without their final full stop`},
	{ListSectionLabels, Labels, "en", `labels of the sections of an abstract ("Results:"); a label in capitals of five letters or more opens a section anyway`},
}
