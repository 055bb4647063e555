package tagger

import (
	"strings"

	"github.com/lumen-research/lumen/internal/lexicon"
)

// This file names what the rules read from the vocabulary: word classes,
// cue kinds and the lists of study designs, each tied to the name of its
// list (internal/lexicon). The words themselves live in the vocabulary
// files beside the taxonomy. Change rulesRevision when you change the
// logic that reads them.

// rulesRevision identifies the rules' logic; the vocabulary's and the
// taxonomy's content enter Tagger.Version through its fingerprint.
const rulesRevision = "r122"

// Word classes the rules look for, by class: one bit each in Tagger.class.
const (
	clsSitePrimary      = 1 << iota // the primary site as a place
	clsSiteSecondary                // the secondary site as a place
	clsMicrobe                      // microbes in general
	clsSiteOther                    // other sites and habitats of microbes
	clsCirculation                  // the circulation
	clsToxin                        // toxins
	clsDiversity                    // diversity and richness
	clsBarrier                      // barrier
	clsMicrobeBare                  // bare microbes that need a site
	clsImbalance                    // words that make a community mention an imbalance
	clsChange                       // words of change (an imbalance only with composition)
	clsComposition                  // composition
	clsTransfer                     // transfer of a community
	clsAbundance                    // a taxon counted, not given
	clsGiven                        // something given or taken
	clsResistance                   // resistance and susceptibility testing
	clsSiteVerb                     // verbs whose object, the secondary site, is its general condition
	clsDeterminer                   // determiners and prepositions between a verb and its object
	clsGroup                        // group words that turn "similar" into no difference
	clsComparative                  // comparatives before "likely"
	clsRoleQualifier                // words that make "role" a relation
	clsConj                         // and, or
	clsNegWord                      // a long form that denies its concept
	clsEffectNoun                   // a directional word before it states a direction
	clsBridgeBefore                 // words between a modifier and the community it modifies
	clsBridgeAfter                  // words between a community and a modifier after it
	clsCopula                       // is, are
	clsLesion                       // lesions
	clsAdjective                    // adjectives between an article and a noun
	clsArticle                      // articles and possessives
	clsPlay                         // "play" of "plays a role"
	clsBloodWord                    // the circulation only right next to a toxin
	clsLess                         // less, lower, lost
	clsPermeability                 // bare permeability
	clsBarrierSiteOther             // sites whose permeability is not the primary site's
	clsAntibody                     // antibodies
	clsReagent                      // antibodies used as reagents or drugs
	clsFlare                        // flares
	clsOffSiteDisease               // diseases whose flares are not local
	clsSpot                         // spots
	clsSpotOnSite                   // words that put spots on the secondary site
	clsSpotNot                      // words that make spots something else
	clsOutcome                      // symptoms measured as outcomes
	clsLocal                        // lesions and the secondary site: an inflammation placed on them is local
	clsLocalPrep                    // prepositions that place an inflammation
	clsInflamedAdj                  // adjectives of inflamed lesions
	clsHabitat                      // a site word named as a habitat of microbes
	clsSitePath                     // words that link microbes to the place they live
	clsProducing                    // producers of a metabolite
	clsColonised                    // colonisation
	clsConversion                   // verbs of conversion: "ferment <X> into <Z>"
	clsProductPrep                  // "into": the product of a conversion
	clsAvoid                        // words of avoidance and stopping: "cutting out X", "avoiding X"
	clsAvoidParticle                // particles after them: "cutting back on X"
	clsAvoidParticiple              // participles of stopping after a passive auxiliary: "X was discontinued"
	clsQuestionOpener               // words that open a question: a heading they open asks it ("Why X ...")
	clsTimeClause                   // "when", "as": a clause of time whose change causes the one before
	clsFavour                       // "favoured": a result that favours an intervention is its effect
	clsConsequence                  // "so", "hence" after a comma: a clause of consequence
	clsWithout                      // "without": "X reduced Y without changing Z" denies X > Z
	clsCovariate                    // "irrespective", "adjusted": the concept after "of"/"for" is a covariate, no argument
	clsMythHeading                  // "Myth 2: X causes Y": a heading word that reverses the statement after its colon
	clsConsumption                  // "ate", "drinking": people who consume X by choice, no arm given X
	clsCitedDesign                  // "previous", "earlier": a study design right after them is cited, not the article's own
)

// More word classes, in a second table: the first holds 64.
const (
	cl2AbbrIntro           uint64 = 1 << iota // words that introduce a short form
	cl2Population                             // people and animals: "patients with X had Y"
	cl2CountNoun                              // a taxon counted, right after it
	cl2InsteadFiller                          // words between "rather than" and the concept it sets aside
	cl2RelPrep                                // after a relation participle, it is a verb
	cl2Intrans                                // relation verbs whose subject comes first
	cl2Measure                                // an untagged subject that measures a condition
	cl2NeutralSubject                         // words before a relation verb that are not its subject
	cl2Raising                                // "not ... found to" keeps the negation
	cl2Modal                                  // between a subject and the verb it acts by
	cl2Acts                                   // verbs of something given acting as a treatment
	cl2TaxonNoun                              // a taxon named as such
	cl2SiteAdj                                // adjectives listed before the secondary site's noun
	cl2Exposure                               // a negated exposure defines a group
	cl2CommentOpen                            // words that open a comment on what was said
	cl2OutcomeHarm                            // verbs (and "during") of which an outcome is the harmed object or the time
	cl2Pronoun                                // a clause with one still speaks of the concepts
	cl2PurposeTo                              // the infinitive marker: a purpose clause ends a negation's scope
	cl2Have                                   // forms of "have"
	cl2Been                                   // "been" between a negator and an exposure
	cl2Whether                                // "whether"
	cl2EllipsisNot                            // the negator of an ellipsis
	cl2IrregularPast                          // past tenses that report a result without "-ed"
	cl2SitePrimaryNoun                        // the primary site's noun
	cl2SiteSecondaryNoun                      // the secondary site's noun
	cl2DiverseAdj                             // "diverse"
	cl2VariedAdj                              // "varied", "variety"
	cl2ByMouth                                // "oral": a taxon taken by mouth
	cl2ProducingParticiple                    // "producing"
	cl2DrynessAdj                             // the adjective of the dryness condition
	cl2InflamedParticiple                     // "inflamed"
	cl2PairCoordinator                        // words that join a list of concepts into one argument
	cl2PairBetween                            // "a link between X and Y"
	cl2PairOf                                 // "the effect of X on Y"
	cl2PairBy                                 // "reduced by X"
	cl2PairObjectPrep                         // prepositions of a relation noun's object
	cl2PairCausePrep                          // prepositions of an outcome verb's cause ("after X")
	cl2Relative                               // relative pronouns
	cl2PassiveAux                             // auxiliaries of a passive verb
	cl2OutcomeVerb                            // outcome verbs whose subject is the outcome
	cl2Anaphora                               // words that stand for a concept named before
	cl2Than                                   // "than", "versus": a comparison between groups
	cl2Purpose                                // "for": the purpose of what is named before it
	cl2Via                                    // "via", "through": the means or the path of a relation
	cl2Adjunct                                // "alongside": what follows goes with the subject before it
	cl2Arm                                    // "arm", "group" after an intervention: the arm of a trial
	cl2FindingPrep                            // "in", "among" after a finding: the people it was found in
	cl2Collective                             // "all" of "all of which": every concept named before is the subject
	cl2MicrobeAnaphora                        // microbe nouns that, after "these", stand for the microbes named before
	cl2Referring                              // nouns that, after "the", stand for the concept named before whose synonym ends in them
	cl2SiteWhole                              // the whole host as a community's place ("the human microbiome")
	cl2NeutralChange                          // a change with no direction next to a concept ("<Y> modulation")
	cl2Mediation                              // "mediate": its subject is the path of the effect after it
	cl2DiseaseNoun                            // "diseases", "disorders": a list of organs after or before them names diseases
	cl2NeutralImbalance                       // imbalance words that are only a change when a helpful intervention makes it ("altered")
	cl2Subspecies                             // words after a species that introduce its subspecies ("subsp.")
	cl2FavourableChange                       // words before a change that make it no imbalance ("favourable changes")
	cl2HelpAdverb                             // "beneficially": a verb of change without direction after it helps its object
	cl2InverseAdverb                          // "inversely": the risk after the association verb it qualifies goes down
	cl2HarmAdverb                             // "adversely": a verb of change without direction after it harms its object
	cl2EllipsisAux                            // auxiliaries that stand for an elided verb ("whereas Z did not")
	cl2AdditionWord                           // "adding", "adjunct": what follows "to" after them is a setting
	cl2SelfDesign                             // "this", "our": a study design right after them is the article's own
	cl2Indefinite                             // "a", "an"
)

// classList ties a word class (one bit of a table) to the list that fills it.
type classList struct {
	cls  uint64
	list string
}

// classLists ties each word class to the list that fills it.
var classLists = []classList{
	{clsSitePrimary, lexicon.ListSitePrimary},
	{clsSiteSecondary, lexicon.ListSiteSecondary},
	{clsMicrobe, lexicon.ListMicrobeWords},
	{clsSiteOther, lexicon.ListSiteOther},
	{clsCirculation, lexicon.ListCirculationWords},
	{clsToxin, lexicon.ListToxinWords},
	{clsDiversity, lexicon.ListDiversityWords},
	{clsBarrier, lexicon.ListBarrierWords},
	{clsMicrobeBare, lexicon.ListMicrobeBare},
	{clsImbalance, lexicon.ListImbalanceWords},
	{clsChange, lexicon.ListChangeWords},
	{clsComposition, lexicon.ListCompositionWords},
	{clsTransfer, lexicon.ListTransferWords},
	{clsAbundance, lexicon.ListAbundanceWords},
	{clsGiven, lexicon.ListGivenWords},
	{clsResistance, lexicon.ListResistanceWords},
	{clsSiteVerb, lexicon.ListSiteSecondaryVerbs},
	{clsDeterminer, lexicon.ListDeterminers},
	{clsGroup, lexicon.ListGroupWords},
	{clsComparative, lexicon.ListComparativeWords},
	{clsRoleQualifier, lexicon.ListRoleQualifiers},
	{clsConj, lexicon.ListConjunctions},
	{clsNegWord, lexicon.ListNegatingWords},
	{clsEffectNoun, lexicon.ListEffectNouns},
	{clsBridgeBefore, lexicon.ListModifierBridgeBefore},
	{clsBridgeAfter, lexicon.ListModifierBridgeAfter},
	{clsCopula, lexicon.ListCopulas},
	{clsLesion, lexicon.ListLesionWords},
	{clsAdjective, lexicon.ListFillerAdjectives},
	{clsArticle, lexicon.ListArticles},
	{clsPlay, lexicon.ListPlayVerbs},
	{clsBloodWord, lexicon.ListBloodWords},
	{clsLess, lexicon.ListLessWords},
	{clsPermeability, lexicon.ListPermeabilityWords},
	{clsBarrierSiteOther, lexicon.ListBarrierSiteOther},
	{clsAntibody, lexicon.ListAntibodyWords},
	{clsReagent, lexicon.ListReagentWords},
	{clsFlare, lexicon.ListFlareWords},
	{clsOffSiteDisease, lexicon.ListOffSiteDiseases},
	{clsSpot, lexicon.ListSpotWords},
	{clsSpotOnSite, lexicon.ListSpotOnSite},
	{clsSpotNot, lexicon.ListSpotNotLesion},
	{clsOutcome, lexicon.ListOutcomeWords},
	{clsLocal, lexicon.ListLocalWords},
	{clsLocalPrep, lexicon.ListLocalPrepositions},
	{clsInflamedAdj, lexicon.ListInflamedAdjectives},
	{clsHabitat, lexicon.ListHabitatWords},
	{clsSitePath, lexicon.ListSitePath},
	{clsProducing, lexicon.ListProducingWords},
	{clsColonised, lexicon.ListColonisedWords},
	{clsConversion, lexicon.ListConversionVerbs},
	{clsProductPrep, lexicon.ListProductPrepositions},
	{clsAvoid, lexicon.ListAvoidanceWords},
	{clsAvoidParticle, lexicon.ListAvoidanceParticles},
	{clsAvoidParticiple, lexicon.ListAvoidanceParticiples},
	{clsQuestionOpener, lexicon.ListQuestionOpeners},
	{clsTimeClause, lexicon.ListTimeClauseOpeners},
	{clsFavour, lexicon.ListFavourVerbs},
	{clsConsequence, lexicon.ListConsequenceOpeners},
	{clsWithout, lexicon.ListWithoutWords},
	{clsCovariate, lexicon.ListCovariateWords},
	{clsMythHeading, lexicon.ListMythHeadings},
	{clsConsumption, lexicon.ListConsumptionVerbs},
	{clsCitedDesign, lexicon.ListCitedDesignWords},
}

// Word classes of the third table: one bit each in Tagger.class3.
const (
	cl3PlacePrep         uint64 = 1 << iota // "into", "across": a place or path that ends an object's noun phrase
	cl3ChainAdverb                          // "thereby": the verb after it has the object before as its cause
	cl3AssociatedWord                       // "associated": an inverse adverb before it lowers what an exposure goes with
	cl3RiskNoun                             // "risk", "odds": "a higher risk of Y in people with X" makes X the exposure
	cl3SizeWord                             // "half", "third": the size of a change without digits ("by almost half")
	cl3RegimenPrep                          // "on": people on an intervention were given it
	cl3CauseConj                            // "because": a pronoun after it stands for the subject before
	cl3SourceWord                           // "according": the study after "to" is the source of the result
	cl3ResultNoun                           // "trend": a noun that names the result just stated
	cl3CalledFor                            // "needed": after a copula, a design before it is called for
	cl3Towards                              // "towards": the state a change without direction moves its object to
	cl3EvidenceNoun                         // "evidence", "data": a subject whose lack denies what it is for
	cl3LackingWord                          // "lacking", "thin": said of the evidence, a denial
	cl3MakingVerb                           // "make": after a community and a relative pronoun, it produces its object
	cl3StudyNoun                            // "studies", "surveys": after a design word, in the plural, other studies
	cl3ImbalanceVerb                        // "alter": the community after it is an imbalance when a harmful exposure or a condition acts
	cl3EfficacyWord                         // "effective": after a comparative and before "than", compares the subject's effect with an intervention's
	cl3PlaceboWord                          // "placebo": people compared with those given it are an arm of a trial
	cl3Expletive                            // "there": after a contrast, opens a clause of its own
	cl3ReportingVerb                        // "say": the statement after it is the sentence's own
	cl3RangeNoun                            // "range", "mix": after a breadth adjective, the diversity of the microbes after "of"
	cl3BreadthAdj                           // "wider", "richer": the breadth of a range of kinds
	cl3MicrobeProduct                       // "products": after a microbe word, a toxin in the circulation
	cl3RiskPrep                             // "at": "infants at high risk of Y" names the people
	cl3RangeOpener                          // "everything": before "from X to Y", X and Y are a list
	cl3RangePrep                            // "from": opens the range "from X to Y"
	cl3RangeEnd                             // "to": closes the range "from X to Y"
	cl3SourceParticiple                     // "isolated": "<microbe> isolated from X" names where it came from
	cl3SourcePrep                           // "from": after a participle of source
	cl3TopicHead                            // "interest": "interest in restoring X" names a topic, no act of a subject
	cl3GenericPossessive                    // "your": "your diet" is the reader's, no diet named before
	cl3Combination                          // "combined": "X combined with Y" has two subjects
	cl3PlainAdverb                          // "often": an adverb between an auxiliary and its participle
	cl3Containing                           // "containing": "<X> containing <Y> reduced Z" has the head X as subject
	cl3PhrasalAvoidance                     // "cut": "cut back on X" avoids X
	cl3MeasureNoun                          // "level", "load": ends an item of a list ("<Y> load and <Z>")
	cl3Susceptibility                       // "prone": after people or animals, who they are ("mice prone to Y")
	cl3AgeNoun                              // "year": a case report's age only after a number ("45-year-old")
	cl3Receiving                            // "received": a community received is transferred
	cl3Clearing                             // "cleared": the site noun before it names its trouble
	cl3Content                              // "rich": "a diet rich in X" contains X
	cl3DonorMaterial                        // "stool": what a community is transferred in
	cl3Respective                           // "respectively": closes a list of sizes in order
	cl3Confirming                           // "confirmed": "but studies have not confirmed this" denies the claim before
	cl3ClaimNoun                            // "idea": "but the science behind that idea is thin" denies the claim before
	cl3PluralPronoun                        // "they": may stand for the people named right before
	cl3Severity                             // "severe": "made Y less severe" lowers Y
	cl3Feeding                              // "feeds": a taxon fed lives in the community
	cl3Possessive                           // "whose": people named by what happened to them
	cl3NumberArm                            // "with": after a percentage, names an arm
	cl3CovariateNoun                        // "account": "once X was taken into account" makes X a covariate
	cl3Holding                              // "keep": "X keeps Y from rising" prevents the change
	cl3Steady                               // "stable": no change in the arm given an intervention
	cl3DesignNoun                           // "design": "the cross-sectional design" is the article's own
	cl3Baseline                             // "baseline": groups alike then deny no result
	cl3LostEffect                           // "longer": "X no longer accelerated Y" denies X's effect
)

// Word classes of the fourth table: one bit each in Tagger.class4 (the
// passes over the rules' pairs, pairs_posthoc.go).
const (
	cl4Measuring          uint64 = 1 << iota // "measured": "but neither measured Z" reports a method, no result
	cl4ControlWord                           // "controls": a clause about the comparison group is no result of the intervention
	cl4EntryWord                             // "into": "Y slips into the bloodstream"
	cl4EntryVerb                             // "reach": "Y reaches the circulation"
	cl4Number                                // "two": counts a dose ("two capsules of X")
	cl4Trial                                 // "trial": people who ate X in a trial were given it
	cl4Person                                // "I", "we": people acting in a clause of time ("Y cleared when I cut out X")
	cl4EvidenceTime                          // "yet": "no good evidence yet that ..."
	cl4EvidenceComplement                    // "that", "showing": what lacking evidence would show follows
	cl4UpAvoidance                           // "give": with "up" after it, an avoidance ("giving up X")
	cl4UpParticle                            // "up": the particle of cl4UpAvoidance
	cl4NoDeterminer                          // "no": a negator that is a determiner ("no good evidence that")
	cl4EvidenceTimeLead                      // "to": the first word of a word of time of two ("to date", "so far")
	cl4ForwardWord                           // "following": points to what a colon after it opens
	cl4RemedyVerb                            // "correcting": removes a lack ("correcting a X deficiency")
	cl4NearAdverb                            // "almost": before "as well as", a comparison of efficacy
	cl4TreatmentNoun                         // "treatment": after "a <condition>", a treatment of it
	cl4AdjunctNoun                           // "adjunct": what it is added to is no object
	cl4ContinuingVerb                        // "keep": "keep using <treatment>" names it
	cl4OwnEvidence                           // "findings": "our findings argue against the idea that" reverses it
	cl4Sufficiency                           // "sufficient": "the evidence is not sufficient" is lacking
	cl4RoleAs                                // "as": "X as adjuvant therapy for Y" names a role
	cl4AbsoluteWith                          // "with": "X reduced Y, with no effect on Z" denies X > Z
	cl4CompoundHead                          // "plan": "an eczema treatment plan" is no treatment of it
	cl4Authors                               // "we": "Using X, we ..." is a method
	cl4Until                                 // "until": a denial in itself does not reach the clause it opens
	cl4StopVerb                              // "stop": before a gerund of taking, it avoids what the gerund takes
	cl4Disjunction                           // "or": a denial before a passive reaches the one after it
	cl4NegPronoun                            // "none": "but none has shown Z" has a subject of its own
	cl4BareInfinitive                        // "lets": "X lets Y leak ... and trigger Z": Y triggers Z
	cl4TrialControl                          // "waiting": "than those on a waiting list" names a trial's control arm
	cl4ControlHead                           // "group": "than the control group" names a trial's control arm
	cl4StateVerb                             // "report": "studies of <condition> report reduced Y" is a finding
	cl4ConditionHead                         // "dermatitis": bare, the condition named earlier whose name ends in it
	cl4EventVerb                             // "relapsed": "Y relapsed less often with X" lowers Y
	cl4Frequency                             // "often": "less often" compares how often
	cl4Degree                                // "low", "high": "Y is low in Z" compares only before "in"
	cl4NotGerund                             // "bring", "morning": words ending in "-ing" that are no gerund
	cl4StartVerb                             // "started": "Since I started X, Y came less often" compares before and after X
	cl4StartOpener                           // "since": opens the clause of a start
	cl4Intensifier                           // "far", "much": "flared far less often"
	cl4Superlative                           // "best": "X is the best <condition> treatment" treats it
	cl4ItemHead                              // "diet": "a high-fibre diet and probiotics" ends an item of a list
	cl4ImperativeAvoid                       // "cut": "Cut sugar to reduce acne" avoids what follows
	cl4Scarcity                              // "barely": "Y has barely flared since X" lowers Y
	cl4Linking                               // "becoming": "the skin becoming thinner, drier" says what the skin is
	cl4SiteVerbParticle                      // "out": "dries out the skin" says what happens to the skin
	cl4ResultVerb                            // "pat": "pat the skin dry" leaves it so on purpose
	cl4Amount                                // "median": "fell by a median of 22%" says how much
	cl4Asking                                // "asked": "asked her dermatologist if" asks
	cl4QuestionWord                          // "if", "whether" after the people asked
	cl4MentionComparative                    // "clearer": "had clearer skin" compares
	cl4ContainingVerb                        // "contains": "X contains Y and may improve Z" is X's
)

// class3Lists ties each word class of the third table to its list.
var class3Lists = []classList{
	{cl3PlacePrep, lexicon.ListPlacePrepositions},
	{cl3ChainAdverb, lexicon.ListChainAdverbs},
	{cl3AssociatedWord, lexicon.ListAssociatedWords},
	{cl3RiskNoun, lexicon.ListRiskNouns},
	{cl3SizeWord, lexicon.ListSizeWords},
	{cl3RegimenPrep, lexicon.ListRegimenPrepositions},
	{cl3CauseConj, lexicon.ListCauseConjunctions},
	{cl3SourceWord, lexicon.ListSourceWords},
	{cl3ResultNoun, lexicon.ListResultNouns},
	{cl3CalledFor, lexicon.ListCalledForWords},
	{cl3Towards, lexicon.ListTowardsPrepositions},
	{cl3EvidenceNoun, lexicon.ListEvidenceNouns},
	{cl3LackingWord, lexicon.ListLackingWords},
	{cl3ImbalanceVerb, lexicon.ListImbalanceVerbs},
	{cl3EfficacyWord, lexicon.ListEfficacyWords},
	{cl3PlaceboWord, lexicon.ListPlaceboWords},
	{cl3Expletive, lexicon.ListExpletiveSubjects},
	{cl3ReportingVerb, lexicon.ListReportingVerbs},
	{cl3RangeNoun, lexicon.ListRangeNouns},
	{cl3BreadthAdj, lexicon.ListBreadthAdjectives},
	{cl3MicrobeProduct, lexicon.ListMicrobeProductNouns},
	{cl3RiskPrep, lexicon.ListRiskPrepositions},
	{cl3RangeOpener, lexicon.ListRangeOpeners},
	{cl3RangePrep, lexicon.ListRangePrepositions},
	{cl3RangeEnd, lexicon.ListRangeEnds},
	{cl3SourceParticiple, lexicon.ListSourceParticiples},
	{cl3SourcePrep, lexicon.ListSourcePrepositions},
	{cl3TopicHead, lexicon.ListTopicHeads},
	{cl3GenericPossessive, lexicon.ListGenericPossessives},
	{cl3Combination, lexicon.ListCombinationParticiples},
	{cl3PlainAdverb, lexicon.ListPlainAdverbs},
	{cl3MeasureNoun, lexicon.ListMeasureNouns},
	{cl3Susceptibility, lexicon.ListSusceptibilityWords},
	{cl3AgeNoun, lexicon.ListAgeNouns},
	{cl3Receiving, lexicon.ListReceivingWords},
	{cl3Clearing, lexicon.ListClearingVerbs},
	{cl3Content, lexicon.ListContentAdjectives},
	{cl3DonorMaterial, lexicon.ListDonorMaterial},
	{cl3Respective, lexicon.ListRespectiveWords},
	{cl3Confirming, lexicon.ListConfirmingVerbs},
	{cl3ClaimNoun, lexicon.ListClaimNouns},
	{cl3PluralPronoun, lexicon.ListPluralPronouns},
	{cl3Severity, lexicon.ListSeverityAdjectives},
	{cl3Feeding, lexicon.ListFeedingWords},
	{cl3Possessive, lexicon.ListPossessiveRelatives},
	{cl3NumberArm, lexicon.ListNumberArmPrepositions},
	{cl3CovariateNoun, lexicon.ListCovariateNouns},
	{cl3Holding, lexicon.ListHoldingVerbs},
	{cl3Steady, lexicon.ListSteadyWords},
	{cl3DesignNoun, lexicon.ListDesignNouns},
	{cl3Baseline, lexicon.ListBaselineWords},
	{cl3LostEffect, lexicon.ListLostEffectWords},
	{cl3Containing, lexicon.ListContainingWords},
	{cl3PhrasalAvoidance, lexicon.ListPhrasalAvoidance},
	{cl3MakingVerb, lexicon.ListMakingVerbs},
	{cl3StudyNoun, lexicon.ListStudyNouns},
}

// class4Lists ties each word class of the fourth table to its list.
var class4Lists = []classList{
	{cl4Measuring, lexicon.ListMeasuringVerbs},
	{cl4ControlWord, lexicon.ListControlWords},
	{cl4EntryWord, lexicon.ListEntryWords},
	{cl4EntryVerb, lexicon.ListEntryVerbs},
	{cl4Number, lexicon.ListNumberWords},
	{cl4Trial, lexicon.ListTrialWords},
	{cl4Person, lexicon.ListPersonPronouns},
	{cl4EvidenceTime, lexicon.ListEvidenceTimeWords},
	{cl4EvidenceComplement, lexicon.ListEvidenceComplements},
	{cl4UpAvoidance, lexicon.ListUpAvoidanceVerbs},
	{cl4UpParticle, lexicon.ListUpParticles},
	{cl4NoDeterminer, lexicon.ListNoDeterminers},
	{cl4EvidenceTimeLead, lexicon.ListEvidenceTimeLeads},
	{cl4ForwardWord, lexicon.ListForwardWords},
	{cl4RemedyVerb, lexicon.ListRemedyVerbs},
	{cl4NearAdverb, lexicon.ListNearAdverbs},
	{cl4TreatmentNoun, lexicon.ListTreatmentNouns},
	{cl4AdjunctNoun, lexicon.ListAdjunctNouns},
	{cl4ContinuingVerb, lexicon.ListContinuingVerbs},
	{cl4OwnEvidence, lexicon.ListOwnEvidenceNouns},
	{cl4Sufficiency, lexicon.ListSufficiencyWords},
	{cl4RoleAs, lexicon.ListRolePrepositions},
	{cl4AbsoluteWith, lexicon.ListAbsolutePrepositions},
	{cl4CompoundHead, lexicon.ListCompoundHeads},
	{cl4Authors, lexicon.ListAuthorWords},
	{cl4Until, lexicon.ListUntilWords},
	{cl4StopVerb, lexicon.ListStopVerbs},
	{cl4Disjunction, lexicon.ListDisjunctions},
	{cl4NegPronoun, lexicon.ListNegatingPronouns},
	{cl4BareInfinitive, lexicon.ListBareInfinitiveVerbs},
	{cl4TrialControl, lexicon.ListTrialControlWords},
	{cl4ControlHead, lexicon.ListControlHeads},
	{cl4StateVerb, lexicon.ListStateVerbs},
	{cl4ConditionHead, lexicon.ListConditionHeads},
	{cl4EventVerb, lexicon.ListEventVerbs},
	{cl4Frequency, lexicon.ListFrequencyAdverbs},
	{cl4Degree, lexicon.ListDegreeAdjectives},
	{cl4NotGerund, lexicon.ListNotGerunds},
	{cl4StartVerb, lexicon.ListStartVerbs},
	{cl4StartOpener, lexicon.ListStartOpeners},
	{cl4Intensifier, lexicon.ListIntensifiers},
	{cl4Superlative, lexicon.ListSuperlatives},
	{cl4ItemHead, lexicon.ListItemHeads},
	{cl4ImperativeAvoid, lexicon.ListImperativeAvoidance},
	{cl4Scarcity, lexicon.ListScarcityAdverbs},
	{cl4Linking, lexicon.ListLinkingVerbs},
	{cl4SiteVerbParticle, lexicon.ListSiteVerbParticles},
	{cl4ResultVerb, lexicon.ListResultVerbs},
	{cl4Amount, lexicon.ListAmountWords},
	{cl4Asking, lexicon.ListAskingVerbs},
	{cl4QuestionWord, lexicon.ListQuestionWords},
	{cl4MentionComparative, lexicon.ListMentionComparatives},
	{cl4ContainingVerb, lexicon.ListContainingVerbs},
}

// class2Lists ties each word class of the second table to its list.
var class2Lists = []classList{
	{cl2AbbrIntro, lexicon.ListAbbreviationIntro},
	{cl2Population, lexicon.ListPopulationWords},
	{cl2CountNoun, lexicon.ListCountNouns},
	{cl2InsteadFiller, lexicon.ListInsteadFillers},
	{cl2RelPrep, lexicon.ListRelationPrepositions},
	{cl2Intrans, lexicon.ListIntransitiveRelationVerbs},
	{cl2Measure, lexicon.ListMeasureWords},
	{cl2NeutralSubject, lexicon.ListNeutralSubjectWords},
	{cl2Raising, lexicon.ListRaisingWords},
	{cl2Modal, lexicon.ListModalWords},
	{cl2Acts, lexicon.ListTreatmentVerbs},
	{cl2TaxonNoun, lexicon.ListTaxonNouns},
	{cl2SiteAdj, lexicon.ListSiteSecondaryAdjectives},
	{cl2Exposure, lexicon.ListExposureVerbs},
	{cl2CommentOpen, lexicon.ListCommentOpeners},
	{cl2Pronoun, lexicon.ListPronouns},
	{cl2OutcomeHarm, lexicon.ListOutcomeHarmVerbs},
	{cl2PurposeTo, lexicon.ListPurposeMarker},
	{cl2Have, lexicon.ListHaveVerbs},
	{cl2Been, lexicon.ListPerfectAuxiliary},
	{cl2Whether, lexicon.ListWhether},
	{cl2EllipsisNot, lexicon.ListEllipsisNot},
	{cl2IrregularPast, lexicon.ListIrregularPast},
	{cl2SitePrimaryNoun, lexicon.ListSitePrimaryNoun},
	{cl2SiteSecondaryNoun, lexicon.ListSiteSecondaryNoun},
	{cl2DiverseAdj, lexicon.ListDiverseAdjective},
	{cl2VariedAdj, lexicon.ListVariedAdjective},
	{cl2ByMouth, lexicon.ListByMouth},
	{cl2ProducingParticiple, lexicon.ListProducingParticiple},
	{cl2DrynessAdj, lexicon.ListDrynessAdjective},
	{cl2InflamedParticiple, lexicon.ListInflamedParticiple},
	{cl2PairCoordinator, lexicon.ListPairCoordinators},
	{cl2PairBetween, lexicon.ListPairBetween},
	{cl2PairOf, lexicon.ListPairOf},
	{cl2PairBy, lexicon.ListPairBy},
	{cl2PairObjectPrep, lexicon.ListPairObjectPrepositions},
	{cl2PairCausePrep, lexicon.ListPairCausePrepositions},
	{cl2Relative, lexicon.ListRelativePronouns},
	{cl2PassiveAux, lexicon.ListPassiveAuxiliaries},
	{cl2EllipsisAux, lexicon.ListEllipsisAuxiliaries},
	{cl2AdditionWord, lexicon.ListAdditionWords},
	{cl2SelfDesign, lexicon.ListSelfDesignWords},
	{cl2Indefinite, lexicon.ListIndefiniteArticles},
	{cl2OutcomeVerb, lexicon.ListOutcomeVerbs},
	{cl2Anaphora, lexicon.ListAnaphoraWords},
	{cl2Than, lexicon.ListPairComparison},
	{cl2Purpose, lexicon.ListPairPurpose},
	{cl2Via, lexicon.ListPairVia},
	{cl2Adjunct, lexicon.ListPairAdjunct},
	{cl2MicrobeAnaphora, lexicon.ListMicrobeAnaphora},
	{cl2Referring, lexicon.ListReferringNouns},
	{cl2SiteWhole, lexicon.ListSiteWhole},
	{cl2NeutralChange, lexicon.ListNeutralChangeWords},
	{cl2Mediation, lexicon.ListMediationWords},
	{cl2DiseaseNoun, lexicon.ListDiseaseNouns},
	{cl2NeutralImbalance, lexicon.ListNeutralImbalanceWords},
	{cl2Subspecies, lexicon.ListSubspeciesWords},
	{cl2FavourableChange, lexicon.ListFavourableChangeWords},
	{cl2Collective, lexicon.ListPairCollective},
	{cl2HelpAdverb, lexicon.ListHelpAdverbs},
	{cl2InverseAdverb, lexicon.ListInverseAdverbs},
	{cl2HarmAdverb, lexicon.ListHarmAdverbs},
	{cl2Arm, lexicon.ListArmWords},
	{cl2FindingPrep, lexicon.ListFindingPrepositions},
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
	cueHarm                    // with cueInc: harms its object (a beneficial object goes down)
	cueHelp                    // with cueDec: helps its object (a beneficial object goes up)
	cueReverse                 // the subject comes after ("X is due to Y")
	cueFeeds                   // feeds or tops up: a cue only before a mechanism ("food for your <community>")
	cueFlipOwn                 // "argue against the idea that": reverses what follows when the article's own data argue
)

// cueLists ties each list of cue phrases to the cue kinds it marks. Lists
// of Verbs kind also match their verbs' forms; open questions also hedge.
var cueLists = []struct {
	list string
	bits uint32
}{
	{lexicon.ListCueNegation, cueNeg},
	{lexicon.ListCueDenial, cueNegRel},
	{lexicon.ListCueNegationLong, cueNegLong},
	{lexicon.ListCueFlip, cueFlip},
	{lexicon.ListCueFlipOwn, cueFlip | cueFlipOwn},
	{lexicon.ListCueInstead, cueInstead},
	{lexicon.ListCueContrast, cueContrast},
	{lexicon.ListCuePseudoNegation, cuePseudo},
	{lexicon.ListCueHedge, cueHedge},
	{lexicon.ListCueHedgeVerbs, cueHedge},
	{lexicon.ListCueLikely, cueLikely},
	{lexicon.ListCueCould, cueCould},
	{lexicon.ListCueOpenQuestion, cueOpen | cueHedge},
	{lexicon.ListCueVerb, cueVerb},
	{lexicon.ListCueIncrease, cueInc},
	{lexicon.ListCueFeeding, cueInc | cueFeeds},
	{lexicon.ListCueIncreaseVerbs, cueInc},
	{lexicon.ListCueHarm, cueInc | cueHarm},
	{lexicon.ListCueHarmVerbs, cueInc | cueHarm},
	{lexicon.ListCueReverse, cueInc | cueReverse},
	{lexicon.ListCueHelpReverse, cueDec | cueHelp | cueReverse},
	{lexicon.ListCueDecrease, cueDec},
	{lexicon.ListCueDecreaseVerbs, cueDec},
	{lexicon.ListCueHelp, cueDec | cueHelp},
	{lexicon.ListCueHelpVerbs, cueDec | cueHelp},
	{lexicon.ListCueAssociation, cueAssoc},
	{lexicon.ListCueAssociationVerbs, cueAssoc},
	{lexicon.ListCueComparison, cueCompar},
	{lexicon.ListCueRole, cueRole},
	{lexicon.ListCueNeutral, cueNeutral},
	{lexicon.ListCueTopic, cueTopic},
	{lexicon.ListCueAim, cueAim},
	{lexicon.ListCueMethod, cueMethod},
	{lexicon.ListCueScope, cueScope},
	{lexicon.ListCueFinding, cueFinding},
	{lexicon.ListCueFindingVerbs, cueFinding},
	{lexicon.ListCueFound, cueFound},
	{lexicon.ListCueSimilar, cueSimilar},
	{lexicon.ListCueClauseBreak, cueClauseBreak},
	{lexicon.ListCueSignificance, cueSignif},
}

// verbForms expands base verbs to their forms: the base and what each rule
// of the lexicon's verb-inflections makes of it ("reduce": reduces,
// reduced, reducing). A verb with particles inflects its first word ("push
// up": pushes up, pushed up). Plurals are folded by stem anyway; the list is
// generous because unused forms cost nothing.
func (t *Tagger) verbForms(bases ...string) []string {
	var out []string
	for _, full := range bases {
		b, rest, _ := strings.Cut(full, " ")
		if rest != "" {
			rest = " " + rest
		}
		out = append(out, b+rest)
		for _, a := range t.inflections {
			if f, ok := a.Apply(b); ok {
				out = append(out, f+rest)
			}
		}
	}
	return out
}

// ending reports whether token k ends in one of ends, of the lexicon's
// *-endings lists (without case, after two letters at least).
func (t *Tagger) ending(s *scratch, k int32, ends []string) bool {
	tk := s.toks[k]
	return endsAfterStem(s.text[tk.start:tk.end], ends, 2)
}

// endsAfterStem reports whether w ends in one of ends, in any case, after
// a stem of at least stem bytes.
func endsAfterStem(w string, ends []string, stem int) bool {
	for _, e := range ends {
		if len(w) >= len(e)+stem && strings.EqualFold(w[len(w)-len(e):], e) {
			return true
		}
	}
	return false
}

// endsIn reports whether w ends in one of ends, as written.
func endsIn(w string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
