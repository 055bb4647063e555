// Package lexicon declares the names by which Lumen's tagger reads its
// knowledge from data: the word lists of a vocabulary file (cue phrases,
// word classes, stop phrases, wordings of study designs, and the
// language's morphology: word endings and the inflection rules of Affix)
// and the roles a taxonomy's concepts may play in the context rules.
// config validates vocabulary files and taxonomies against these names,
// with the file and line of each problem; the tagger looks its lists and
// roles up by them.
//
// It holds names, what they are for and how a rule is written, not words:
// the words live in the vocabulary files beside the taxonomy
// (config/vocabulary), so that the tagger's code names no concept, no
// domain word and no word of the language.
package lexicon

import "slices"

// Kind says what the entries of a list are.
type Kind int

// Kinds of list.
const (
	Words         Kind = iota // single words
	Phrases                   // words or phrases, matched as the taxonomy's synonyms are
	Verbs                     // base verbs, alone or with particles; each also matches the forms the verb-inflections rules make of its first word (reduce: reduces, reduced, reducing; rein in: reins in, reined in)
	Labels                    // whole labels (PubMed publication types, MeSH headings), compared without case
	Suffixes                  // word endings, lower case
	Abbreviations             // abbreviations written with a final full stop, given without it ("e.g", "fig"): letters, with full stops inside
	Inflections               // rules of an inflection table, "strip add condition" (see Affix)
)

func (k Kind) String() string {
	switch k {
	case Words:
		return "words"
	case Phrases:
		return "phrases"
	case Verbs:
		return "verbs"
	case Labels:
		return "labels"
	case Suffixes:
		return "suffixes"
	case Abbreviations:
		return "abbreviations"
	case Inflections:
		return "inflections"
	}
	return "unknown"
}

// List describes one list name.
type List struct {
	Name string
	Kind Kind
	// File is the built-in vocabulary file that holds it: "en" for the
	// language's wordings, "gutskin" for the domain's.
	File string
	Doc  string
}

// Lists returns every list name the tagger reads.
func Lists() []List { return slices.Clone(lists) }

// LookupList returns the list of the given name.
func LookupList(name string) (List, bool) {
	for _, l := range lists {
		if l.Name == name {
			return l, true
		}
	}
	return List{}, false
}

// Role names: what a concept does in the tagger's context rules. A taxonomy
// gives a role to at most one concept; a role that no concept has turns off
// the rules that need it (the tagger lists them in its warnings).
const (
	RoleCommunity            = "community"
	RoleCommunityAlt         = "community-alt"
	RoleImbalance            = "imbalance"
	RoleDiversity            = "diversity"
	RoleCommunityTransfer    = "community-transfer"
	RoleCommunityMetabolite  = "community-metabolite"
	RoleGivenMicrobes        = "given-microbes"
	RoleAntimicrobial        = "antimicrobial"
	RoleCirculatingToxin     = "circulating-toxin"
	RoleBarrier              = "barrier"
	RoleBarrierAlt           = "barrier-alt"
	RoleSystemicInflammation = "systemic-inflammation"
	RoleLocalInflammation    = "local-inflammation"
	RoleImmuneResponse       = "immune-response"
	RoleGeneralCondition     = "general-condition"
	RoleLesionCondition      = "lesion-condition"
	RoleDrynessCondition     = "dryness-condition"
	RoleAlsoOutcome          = "also-outcome"
)

// Role describes one role name and the rules that need it.
type Role struct {
	Name  string
	Doc   string
	Rules string // what the tagger cannot do without it
}

var roles = []Role{
	{RoleCommunity, "the resident microbial community of the primary site (site-primary)",
		"placing community words and microbes by site; taxa counted rather than given; imbalance, transfer and metabolite producers"},
	{RoleCommunityAlt, "the microbial community of the secondary site (site-secondary)",
		"moving community words, taxa and diversity named at the secondary site to it"},
	{RoleImbalance, "an imbalance of the primary site's community",
		"imbalance worded as a change of the community or as a lost diversity"},
	{RoleDiversity, "the diversity of a community",
		"bare diversity words near microbes"},
	{RoleCommunityTransfer, "the transfer of a community to another host",
		"transfer words on the community"},
	{RoleCommunityMetabolite, "metabolites that the primary site's microbes make",
		"producers of the metabolite as the primary site's community"},
	{RoleGivenMicrobes, "live microbes given as a treatment; its taxon synonyms may also name resident microbes",
		"telling a taxon given from a taxon counted"},
	{RoleAntimicrobial, "drugs against microbes",
		"antimicrobials named in resistance testing, which are not taken"},
	{RoleCirculatingToxin, "microbial toxins in the circulation",
		"bare toxin words near the circulation"},
	{RoleBarrier, "the primary site's barrier and its permeability",
		"bare barrier and permeability words near the primary site"},
	{RoleBarrierAlt, "the secondary site's barrier",
		"bare barrier words near the secondary site"},
	{RoleSystemicInflammation, "inflammation of the body or the primary site",
		"inflammation that classifies a condition or sits in lesions read as local"},
	{RoleLocalInflammation, "inflammation and redness of the secondary site",
		"flares, inflamed lesions and red adjectives of the site; off-site irritation dropped"},
	{RoleImmuneResponse, "the immune system and its responses",
		"bare antibody words"},
	{RoleGeneralCondition, "the general health of the secondary site",
		"the site's noun as the object of verbs such as improve; general wording that only classifies a named condition"},
	{RoleLesionCondition, "the condition whose lesions are called spots",
		"spots on the secondary site"},
	{RoleDrynessCondition, "dryness of the secondary site",
		"the dryness adjective before the site's noun"},
	{RoleAlsoOutcome, "an intervention whose word also names a symptom measured as an outcome",
		"dropping it where it is listed among symptoms"},
}

// Roles returns every role name the tagger reads.
func Roles() []Role { return slices.Clone(roles) }

// LookupRole returns the role of the given name.
func LookupRole(name string) (Role, bool) {
	for _, r := range roles {
		if r.Name == name {
			return r, true
		}
	}
	return Role{}, false
}
