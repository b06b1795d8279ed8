//! The data that keeps article specifics out of Rust code: parties and topics with their aliases
//! (`config/lexicon.toml`) and the vocabulary of English news writing that the builder and the
//! matcher lean on (`config/language.toml`): titles, reporting verbs, source nouns, synonyms.
//!
//! Both files are compiled in as defaults, so the binary works from any folder; a `config/`
//! folder beside it overrides them. New topics or parties are a data change.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::knowledge::Stance;
use crate::text::{normalize, stem, tokenize, Token};

/// A party to the talks (a country or a body) and the words that stand for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Stable id ("us").
    pub id: String,
    /// Display name.
    pub name: String,
    /// Words and phrases that stand for it: names, capitals, demonyms.
    pub aliases: Vec<String>,
}

/// A topic of the talks and the words that signal it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Stable id ("ceasefire").
    pub id: String,
    /// Display name.
    pub name: String,
    /// Words and phrases that signal it, including synonyms people use ("truce").
    pub aliases: Vec<String>,
}

/// The span a period word names ("last *week*"), as `periods` in `config/language.toml` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Monday to Sunday.
    Week,
    /// Saturday and Sunday.
    Weekend,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Period {
    /// The span a config names: "week", "weekend", "month" or "year".
    pub fn named(name: &str) -> Option<Period> {
        match name {
            "week" => Some(Period::Week),
            "weekend" => Some(Period::Weekend),
            "month" => Some(Period::Month),
            "year" => Some(Period::Year),
            _ => None,
        }
    }
}

/// The vocabulary of news writing that the extraction patterns are built from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// Title words that make a role ("President", "Secretary of State", "envoy").
    pub titles: Vec<String>,
    /// Words that may stand inside a role before a title ("special", "deputy", "foreign").
    pub role_modifiers: Vec<String>,
    /// Reporting verbs ("said", "wrote", "told").
    pub reporting_verbs: Vec<String>,
    /// Nouns for unnamed sources ("source", "diplomats", "spokesperson").
    pub source_nouns: Vec<String>,
    /// Words that count an unnamed source ("a", "three", "several").
    pub source_determiners: Vec<String>,
    /// Abbreviations that do not end a sentence ("Mr", "Dr", "U.S").
    pub abbreviations: Vec<String>,
    /// Function words, ignored when matching and never part of a name.
    pub stopwords: Vec<String>,
    /// Words that introduce a person as an object ("meet with", "met").
    pub person_cues: Vec<String>,
    /// Stance verbs by stance: each group's first word is the stance, the rest are the verbs
    /// whose subject holds it ("rejects": "rejected", "would not", ...).
    #[serde(default = "builtin_stance_verbs")]
    pub stance_verbs: Vec<Vec<String>>,
    /// Stance adjectives by stance, held by the subject of "is" ("ready", "willing").
    #[serde(default = "builtin_stance_adjectives")]
    pub stance_adjectives: Vec<Vec<String>>,
    /// Stance nouns by stance, held by their owner ("Witkoff's proposals").
    #[serde(default = "builtin_stance_nouns")]
    pub stance_nouns: Vec<Vec<String>>,
    /// Stance words by stance whose holder follows "for" or "to" ("unacceptable to Ukraine").
    #[serde(default = "builtin_stance_for_words")]
    pub stance_for_words: Vec<Vec<String>>,
    /// Stance words by stance held by the sentence's speaker ("must", "necessary").
    #[serde(default = "builtin_stance_speaker_words")]
    pub stance_speaker_words: Vec<Vec<String>>,
    /// Words that may stand between a stance verb and its subject ("has", "possibly").
    #[serde(default = "builtin_stance_subject_skips")]
    pub stance_subject_skips: Vec<String>,
    /// Forms of "be" that make a stance verb passive.
    #[serde(default = "builtin_stance_passive_words")]
    pub stance_passive_words: Vec<String>,
    /// Words that negate a stance verb ("not", "never").
    #[serde(default = "builtin_stance_negations")]
    pub stance_negations: Vec<String>,
    /// Words before a party that make it an object, never a holder ("for", "on", "than").
    #[serde(default = "builtin_stance_object_words")]
    pub stance_object_words: Vec<String>,
    /// Pronouns that stand for the sentence's speaker as a stance's subject ("he", "we").
    #[serde(default = "builtin_stance_speaker_pronouns")]
    pub stance_speaker_pronouns: Vec<String>,
    /// Possessives that make the speaker a stance's owner ("her country").
    #[serde(default = "builtin_stance_speaker_possessives")]
    pub stance_speaker_possessives: Vec<String>,
    /// Words that make an ownerless stance noun refer back to the last owned ("those").
    #[serde(default = "builtin_stance_anaphora_words")]
    pub stance_anaphora_words: Vec<String>,
    /// Words that open a background clause ("after", "when").
    #[serde(default = "builtin_stance_background_words")]
    pub stance_background_words: Vec<String>,
    /// Words that open a question or free relative clause ("what Kyiv can accept").
    #[serde(default = "builtin_stance_question_words")]
    pub stance_question_words: Vec<String>,
    /// Words that mark a cause ("because", "after", "prompted").
    pub cause_cues: Vec<String>,
    /// Groups of words that mean the same to a reader ("plan", "proposal").
    pub synonyms: Vec<Vec<String>>,
    /// Number words ("one" = 1, "three" = 3).
    pub number_words: Vec<(String, f64)>,
    /// Ordinal words ("first" = 1, "third" = 3): a figure typed where the sources write the
    /// word ("round 3") reaches it.
    #[serde(default = "builtin_ordinal_words")]
    pub ordinal_words: Vec<(String, f64)>,
    /// Capitalised words that are never names (days, months, common sentence openers).
    pub not_names: Vec<String>,
    /// Chat shorthand and title abbreviations in questions, with what they stand for
    /// ("wat" = "what", "vp" = "vice president"). Older knowledge files have none.
    #[serde(default)]
    pub shorthand: Vec<(String, String)>,
    /// Openings that ask the same as a plainer one ("what's the name of" = "who is"), each
    /// with what it stands for; matched at the start of a question, case ignored.
    #[serde(default = "builtin_opener_rewrites")]
    pub opener_rewrites: Vec<(String, String)>,
    /// Role phrases a question may use for titles the articles write out: the phrase first,
    /// then the titles it can stand for ("top diplomat": "foreign minister", ...).
    #[serde(default)]
    pub role_synonyms: Vec<Vec<String>>,
    /// Words that make another office of a title ("vice", "deputy", "former").
    #[serde(default)]
    pub office_modifiers: Vec<String>,
    /// Words that ask for the latest report ("now", "current", "latest").
    #[serde(default)]
    pub recency_words: Vec<String>,
    /// Words that ask for the earliest report ("original", "initially").
    #[serde(default)]
    pub earliness_words: Vec<String>,
    /// Words asking who held a role before the person named ("before", "predecessor").
    #[serde(default)]
    pub succession_before: Vec<String>,
    /// Words asking who held it after them ("after", "successor").
    #[serde(default)]
    pub succession_after: Vec<String>,
    /// Verbs of succession, read by which side of them the name stands ("who replaced X":
    /// after X; "who did X replace": before X).
    #[serde(default)]
    pub succession_verbs: Vec<String>,
    /// "How old is X": the words asking a person's age, the first read only after "how"
    /// ("old", "age").
    #[serde(default)]
    pub age_words: Vec<String>,
    /// Phrases that ask for a length of time or distance ("how long", "how far"): only a number
    /// with one of `measure_units` answers them.
    #[serde(default = "builtin_measure_questions")]
    pub measure_questions: Vec<String>,
    /// Units of time and distance a number is given in ("three-year", "12 km").
    #[serde(default = "builtin_measure_units")]
    pub measure_units: Vec<String>,
    /// Words that, in a "how much" question not followed by "of", ask for an amount of money
    /// ("how much did the building cost"): only a number given as money answers them.
    #[serde(default = "builtin_money_questions")]
    pub money_questions: Vec<String>,
    /// What gives a number as money: currency names, the scale words money is written with
    /// ("120 million crowns"), and currency signs, matched anywhere in the sentence.
    #[serde(default = "builtin_money_units")]
    pub money_units: Vec<String>,
    /// What gives an age before the number ("aged 58").
    #[serde(default)]
    pub age_before: Vec<String>,
    /// What gives an age after the number ("58-year-old").
    #[serde(default)]
    pub age_after: Vec<String>,
    /// Words by which a sentence tells a change of holder ("predecessor", "replaced").
    #[serde(default)]
    pub succession_text: Vec<String>,
    /// What follows a thing's name where a sentence says what it is ("Crimea, the peninsula",
    /// "the enclave is a district"), lowercase, for "what is X?".
    #[serde(default)]
    pub definition_links: Vec<String>,
    /// Words that end small talk before the question proper ("sorry dumb q *but* what is
    /// crimea"), lowercase; the question then starts at the question word after one.
    #[serde(default)]
    pub preamble_ends: Vec<String>,
    /// WordNet noun classes ("cognition", "relation") whose common nouns frame a question
    /// ("the purpose of", "the Crimea part") rather than name its subject; when the sources lack
    /// one, it weighs less (`[coverage] absent_framing_noun` in engine.toml).
    #[serde(default)]
    pub framing_noun_classes: Vec<String>,
    /// English prefixes that make a word of another ("re" + "book"): a word so made is no typo
    /// of a word one letter away ("rebook" is not "reboot").
    #[serde(default)]
    pub word_prefixes: Vec<String>,
    /// Words that shape a question but say nothing about its subject ("tell", "happened").
    #[serde(default = "builtin_filler_words")]
    pub filler_words: Vec<String>,
    /// Function words that never make a telling pair of consecutive words.
    #[serde(default = "builtin_pair_stopwords")]
    pub pair_stopwords: Vec<String>,
    /// Contractions expanded before intent patterns read a question, in order.
    #[serde(default = "builtin_contractions")]
    pub contractions: Vec<(String, String)>,
    /// Words that ask for a summary of everything rather than of one subject.
    #[serde(default = "builtin_summary_words")]
    pub summary_words: Vec<String>,
    /// Nouns for what someone said ("statement", "remarks"): with the reporting verbs, the
    /// frame of a "what did X say" question, never its topic.
    #[serde(default = "builtin_speech_nouns")]
    pub speech_nouns: Vec<String>,
    /// Words before the place an event happened ("in Paris", "to India"), lowercase.
    #[serde(default)]
    pub event_place_prepositions: Vec<String>,
    /// Nouns a place's name comes before ("the London talks"), lowercase.
    #[serde(default)]
    pub place_event_nouns: Vec<String>,
    /// Words that open a place phrase in any sentence ("held at the Palacio Arenal", "over the
    /// Ulmar bridge"): a sentence holding one favours it for "where" questions, lowercase.
    #[serde(default = "builtin_place_phrase_prepositions")]
    pub place_phrase_prepositions: Vec<String>,
    /// Honorifics before a surname ("Mr", "Sen") with the title each stands for ("senator").
    #[serde(default)]
    pub honorifics: Vec<(String, String)>,
    /// Verbs that give a following quotation to their subject ("called", "described").
    #[serde(default)]
    pub characterising_verbs: Vec<String>,
    /// Words between a reporting verb and its subject ("has", "also").
    #[serde(default)]
    pub verb_fillers: Vec<String>,
    /// Words that open a clause ("that", "who").
    #[serde(default)]
    pub clause_words: Vec<String>,
    /// Pronouns that stand for one person ("he", "she").
    #[serde(default)]
    pub person_pronouns: Vec<String>,
    /// Subject words that stand for no person the text names ("it", "they").
    #[serde(default)]
    pub non_person_subjects: Vec<String>,
    /// Head nouns of organisations ("ministry", "institute").
    #[serde(default)]
    pub body_nouns: Vec<String>,
    /// Body nouns that stand for a party as a whole ("government"): never a near miss.
    #[serde(default)]
    pub whole_party_nouns: Vec<String>,
    /// Words that open a channel after a reporting verb ("on" X, "in" a statement).
    #[serde(default)]
    pub channel_words: Vec<String>,
    /// Reporting verbs whose object is the audience ("told" reporters).
    #[serde(default)]
    pub audience_verbs: Vec<String>,
    /// Words that open a subject phrase and are no part of it ("and", "but").
    #[serde(default)]
    pub subject_connectives: Vec<String>,
    /// Words that may open a sentence before its pronoun subject ("but", "yet").
    #[serde(default)]
    pub sentence_connectives: Vec<String>,
    /// Words joining a second predicate to the sentence's subject ("... but said").
    #[serde(default = "builtin_predicate_connectives")]
    pub predicate_connectives: Vec<String>,
    /// Verbs after which a sentence introduces a person as its subject ("... was C D, 58").
    #[serde(default = "builtin_introducing_verbs")]
    pub introducing_verbs: Vec<String>,
    /// Words before the one person a quotation after a colon comes from ("More from X:").
    #[serde(default = "builtin_source_prepositions")]
    pub source_prepositions: Vec<String>,
    /// Words opening a sentence before the one person whose view it gives ("For X, the deal is ...").
    #[serde(default = "builtin_viewpoint_prepositions")]
    pub viewpoint_prepositions: Vec<String>,
    /// Nouns for someone's words in a sentence naming them right after a quotation standing
    /// alone ("“...” That was the verdict of X.", "The warning came from X.").
    #[serde(default = "builtin_echo_nouns")]
    pub echo_nouns: Vec<String>,
    /// Relative pronouns after which a personal pronoun is never the person the clause is about ("X, whom he described").
    #[serde(default = "builtin_object_relatives")]
    pub object_relatives: Vec<String>,
    /// Verbs of citing whose one named object speaks the quotation after a colon ("X quotes Y: “...”").
    #[serde(default = "builtin_citing_verbs")]
    pub citing_verbs: Vec<String>,
    /// Words after which a reporting verb's form describes a noun ("reports of continued shelling").
    #[serde(default = "builtin_nominal_markers")]
    pub nominal_markers: Vec<String>,
    /// Verbs before "to" and a reporting verb that still report: what someone "likes to say".
    #[serde(default = "builtin_habitual_verbs")]
    pub habitual_verbs: Vec<String>,
    /// Verbs of hearsay in "is said to have told", "is reported to have called": the subject
    /// before them is the one the reporting verb after them tells of.
    #[serde(default = "builtin_hearsay_verbs")]
    pub hearsay_verbs: Vec<String>,
    /// Words that give a thing its name right before its quoted name ("provisionally titled
    /// “...”"): the quotation is a name, not words a verb closing the sentence reports.
    #[serde(default = "builtin_naming_words")]
    pub naming_words: Vec<String>,
    /// Nouns for a female relative ("his wife, X", "X, her daughter,"): the person set off beside one is a woman.
    #[serde(default = "builtin_feminine_kin_nouns")]
    pub feminine_kin_nouns: Vec<String>,
    /// Nouns for a male relative ("her husband, X", "X, his son,"): the person set off beside one is a man.
    #[serde(default = "builtin_masculine_kin_nouns")]
    pub masculine_kin_nouns: Vec<String>,
    /// Prepositions after a noun for someone's words that name whose words they are ("a message from a listener: “...”", "the statement of X that “...”").
    #[serde(default = "builtin_owner_prepositions")]
    pub owner_prepositions: Vec<String>,
    /// Participles before "as" and a quoted term ("a rig known along this coast as a “chain sweep”"): the quotation is what something is called, no one's words.
    #[serde(default = "builtin_term_cues")]
    pub term_cues: Vec<String>,
    /// Words that give a person a nickname in quotation marks after their name and a comma or dash ("X, dubbed “...”", "X — known in the press room as “...”").
    #[serde(default = "builtin_nickname_cues")]
    pub nickname_cues: Vec<String>,
    /// Tags that open a reporter's question in a transcript ("QUESTION (Name, Outlet):", "Q:").
    #[serde(default = "builtin_question_tags")]
    pub question_tags: Vec<String>,
    /// Parts someone plays in a broadcast transcript: a tag word, then the words introducing its
    /// holder ("HOST:" and "presented by Oskar Lindt"; "CALLER AGNETA:").
    #[serde(default = "builtin_programme_parts")]
    pub programme_parts: Vec<Vec<String>>,
    /// The speaker's own "I": in a transcript turn it is whoever the turn's tag names.
    #[serde(default = "builtin_first_person_subjects")]
    pub first_person_subjects: Vec<String>,
    /// Pronouns that stand for a man ("he", "his").
    #[serde(default = "builtin_masculine_pronouns")]
    pub masculine_pronouns: Vec<String>,
    /// Pronouns that stand for a woman ("she", "her").
    #[serde(default = "builtin_feminine_pronouns")]
    pub feminine_pronouns: Vec<String>,
    /// Verbs by which a written statement gives its words ("It reads in full:").
    #[serde(default = "builtin_document_verbs")]
    pub document_verbs: Vec<String>,
    /// Courtesy titles for a man ("Mr"), matched case-sensitively.
    #[serde(default = "builtin_masculine_honorifics")]
    pub masculine_honorifics: Vec<String>,
    /// Courtesy titles for a woman ("Ms", "Mrs"), matched case-sensitively.
    #[serde(default = "builtin_feminine_honorifics")]
    pub feminine_honorifics: Vec<String>,
    /// Verb forms in "-ing" that, after a comma, go on with the sentence's own reporting verb (", describing it as").
    #[serde(default = "builtin_participles")]
    pub participles: Vec<String>,
    /// A verb and its particle that report like one verb ("shot back", "hit back").
    #[serde(default = "builtin_reporting_phrases")]
    pub reporting_phrases: Vec<String>,
    /// Verbs by which someone puts out a written statement ("issued a statement").
    #[serde(default = "builtin_issuing_verbs")]
    pub issuing_verbs: Vec<String>,
    /// Verbs that report only in "as X put it".
    #[serde(default = "builtin_idiom_reporting_verbs")]
    pub idiom_reporting_verbs: Vec<String>,
    /// Words that may stand before a sentence's named subject ("the", "but").
    #[serde(default)]
    pub subject_lead_words: Vec<String>,
    /// Words that tie an unnamed source to whom it speaks for ("for", "close").
    #[serde(default)]
    pub affiliation_words: Vec<String>,
    /// Phrases that put the speaker after them ("according to").
    #[serde(default)]
    pub speaker_after_phrases: Vec<String>,
    /// Words before a reporting verb that make it no report ("will", "to").
    #[serde(default)]
    pub infinitive_markers: Vec<String>,
    /// Words that end a speaker named after its verb ("on", "in").
    #[serde(default)]
    pub speaker_stops: Vec<String>,
    /// Words that end a channel after its first word ("that", "he").
    #[serde(default)]
    pub channel_stops: Vec<String>,
    /// Words a channel never ends on ("in", "and").
    #[serde(default)]
    pub channel_trailing_words: Vec<String>,
    /// Words before a capitalised run that make it a place ("in", "from").
    #[serde(default)]
    pub place_prepositions: Vec<String>,
    /// Role modifiers that never open a role ("the", "of").
    #[serde(default)]
    pub role_inner_words: Vec<String>,
    /// Words that join titles into one role, or a person to their country ("of").
    #[serde(default)]
    pub title_joiners: Vec<String>,
    /// Words opening a sentence whose subject is someone not named ("A listener ...").
    #[serde(default)]
    pub indefinite_openers: Vec<String>,
    /// Words of a time phrase ending a subject before its verb ("X last night said").
    #[serde(default)]
    pub subject_time_words: Vec<String>,
    /// Words that open such a time phrase ("last", "on").
    #[serde(default)]
    pub subject_time_leads: Vec<String>,
    /// Nouns for a document, which speaks for who issued it ("the statement said").
    #[serde(default)]
    pub document_nouns: Vec<String>,
    /// Kinds of place a question may ask for by name ("which city", "what building"): only a
    /// sentence naming a place answers it.
    #[serde(default = "builtin_asked_place_nouns")]
    pub asked_place_nouns: Vec<String>,
    /// Of those, the kinds a country answers ("which countries"): a party named answers them.
    #[serde(default = "builtin_country_nouns")]
    pub country_nouns: Vec<String>,
    /// Articles that may open a role after a name ("the", "a").
    #[serde(default)]
    pub role_articles: Vec<String>,
    /// Words that open a relative clause after a subject ("who").
    #[serde(default)]
    pub relative_words: Vec<String>,
    /// Weekday names, Monday first: dates are read from them ("on Monday").
    #[serde(default = "builtin_weekdays")]
    pub weekdays: Vec<String>,
    /// Month names, January first ("23 April", "end of March").
    #[serde(default = "builtin_months")]
    pub months: Vec<String>,
    /// Words that put a sentence's weekdays and months ahead of its publication ("will", "next").
    #[serde(default = "builtin_future_words")]
    pub future_words: Vec<String>,
    /// Words kept with the weekday after them in an event's date text ("on", "last", "by").
    #[serde(default = "builtin_weekday_lead_words")]
    pub weekday_lead_words: Vec<String>,
    /// Words before a year that make it a date ("in 2024", "since 1991").
    #[serde(default = "builtin_year_prepositions")]
    pub year_prepositions: Vec<String>,
    /// Words that name a day by its distance in days from the publication ("yesterday" -1).
    #[serde(default = "builtin_relative_days")]
    pub relative_days: Vec<(String, i64)>,
    /// Words that shift a period or weekday from the publication's own, in periods ("last" -1,
    /// "this" 0, "next" 1).
    #[serde(default = "builtin_period_shifts")]
    pub period_shifts: Vec<(String, i64)>,
    /// Words for a period that a shift word comes before, each with the span it names: `week`,
    /// `weekend`, `month` or `year` ("last *week*", "next *month*").
    #[serde(default = "builtin_periods")]
    pub periods: Vec<(String, String)>,
    /// Month abbreviations as datelines write them, January first ("Apr. 23"): a dateline's
    /// month is the one whose abbreviation its month word starts with.
    #[serde(default = "builtin_month_abbreviations")]
    pub month_abbreviations: Vec<String>,
    /// Question words: after a preamble end, the question proper starts at one ("... but
    /// *what* is crimea").
    #[serde(default = "builtin_question_words")]
    pub question_words: Vec<String>,
    /// Cause cues that ask about a cause but do not mark a sentence as giving one ("reason",
    /// "over"), compared by stem.
    #[serde(default = "builtin_cause_cues_asked_only")]
    pub cause_cues_asked_only: Vec<String>,
    /// Abbreviations a question uses for a title, counted among the title words ("pm", "vp").
    #[serde(default = "builtin_title_abbreviations")]
    pub title_abbreviations: Vec<String>,
    /// Capitalised words that open a description and are lowered inside a reply ("Three
    /// officials" -> "three officials"); any other capitalised first word is kept as a name.
    #[serde(default = "builtin_lowered_openers")]
    pub lowered_openers: Vec<String>,
    /// Phrases that ask for a count ("how many"); what is counted is the first content word after.
    #[serde(default = "builtin_count_phrases")]
    pub count_phrases: Vec<String>,
    /// Word pairs that ask what a thing is ("what is", "what are"), for definitions first.
    #[serde(default = "builtin_definition_questions")]
    pub definition_questions: Vec<Vec<String>>,
    /// Words that ask for a thing by its kind ("what", "which"): the word after one (past
    /// `asked_thing_skips`) names what is asked for.
    #[serde(default = "builtin_asked_thing_words")]
    pub asked_thing_words: Vec<String>,
    /// Words passed over after an `asked_thing_words` word ("is", "the").
    #[serde(default = "builtin_asked_thing_skips")]
    pub asked_thing_skips: Vec<String>,
    /// Answer kinds a "what is the N" question asks for by its noun: an intent name, then the
    /// nouns ("how_many", "number", "toll").
    #[serde(default = "builtin_asked_kind_nouns")]
    pub asked_kind_nouns: Vec<Vec<String>>,
    /// Words by which a when-question asks about what is still to come ("next", "will").
    #[serde(default = "builtin_future_asked_words")]
    pub future_asked_words: Vec<String>,
    /// Words asking how something turned out ("go", "agreed").
    #[serde(default = "builtin_outcome_words")]
    pub outcome_words: Vec<String>,
    /// Words putting such a question in the past ("did", "was").
    #[serde(default = "builtin_past_asked_words")]
    pub past_asked_words: Vec<String>,
    /// Words after a `stance_for_words` word that its holder follows ("for", "to").
    #[serde(default = "builtin_stance_holder_prepositions")]
    pub stance_holder_prepositions: Vec<String>,
    /// How a follow-up question starts ("what about ", "and "), matched against the start of
    /// the lowercased question as written, spaces included.
    #[serde(default = "builtin_followup_openers")]
    pub followup_openers: Vec<String>,
    /// Pronouns that make a question lean on the previous answer's person ("he", "their").
    #[serde(default = "builtin_followup_pronouns")]
    pub followup_pronouns: Vec<String>,
    /// Words that open a description, never a name ("the", "this", "it"): "who is the envoy"
    /// asks about no person called "the envoy".
    #[serde(default = "builtin_description_openers")]
    pub description_openers: Vec<String>,
    /// Words before a title in a question that make it someone's role though no party is
    /// named ("*their* envoy", "*the* minister").
    #[serde(default = "builtin_role_introducers")]
    pub role_introducers: Vec<String>,
    /// Words that rank a holder among others of one office ("*top* negotiator", "*chief*",
    /// "*lead*"): in a question one stands for another, and a role without one still fits.
    #[serde(default = "builtin_rank_modifiers")]
    pub rank_modifiers: Vec<String>,
    /// Nouns for the article itself ("according to *the piece*", "in *the article*"): after
    /// a determiner they say where, not what, so they are filler.
    #[serde(default = "builtin_article_nouns")]
    pub article_nouns: Vec<String>,
    /// Classes of English nouns (WordNet's lexicographer classes) that describe a person in a
    /// question ("the village *gp*", "the *historian*"): `person`.
    #[serde(default = "builtin_description_noun_classes")]
    pub description_noun_classes: Vec<String>,
    /// Words that end a description of a person in a question ("the priest *did* ...").
    #[serde(default = "builtin_description_stops")]
    pub description_stops: Vec<String>,
    /// Classes of English nouns that name who speaks when asked "what did the X say" (`person`,
    /// `group`): unresolved, such a speaker has no words in the sources.
    #[serde(default = "builtin_speaker_noun_classes")]
    pub speaker_noun_classes: Vec<String>,
    /// Nouns of places ("port", "centre", "street"): a capitalised run that opens or ends on
    /// one is a place, never a person's name.
    #[serde(default = "builtin_place_nouns")]
    pub place_nouns: Vec<String>,
    /// Verbs of leading a delegation or body ("will *lead* the delegation", "is *led* by").
    #[serde(default = "builtin_leading_verbs")]
    pub leading_verbs: Vec<String>,
    /// Words that introduce the leader after a passive leading verb ("led *by*").
    #[serde(default = "builtin_leading_agents")]
    pub leading_agents: Vec<String>,
    /// Verbs right before "as" that give the person before them the role after it.
    #[serde(default = "builtin_role_taking_verbs")]
    pub role_taking_verbs: Vec<String>,
    /// Lowercase words that name an office's body or field inside a role, before its title
    /// ("foreign *ministry* spokesperson", "*press* secretary").
    #[serde(default = "builtin_role_office_words")]
    pub role_office_words: Vec<String>,
    /// Words that make a role one held no longer ("former", "then"): such a role gives no
    /// affiliation.
    #[serde(default = "builtin_former_role_words")]
    pub former_role_words: Vec<String>,
}

/// Parties, topics and language data together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Lexicon {
    /// Parties.
    pub parties: Vec<Party>,
    /// Topics.
    pub topics: Vec<Topic>,
    /// Language data.
    pub language: Language,
}

#[derive(Deserialize)]
struct LexiconFile {
    #[serde(default)]
    parties: Vec<Party>,
    #[serde(default)]
    topics: Vec<Topic>,
}

/// A config file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// Unreadable.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Not the TOML expected.
    #[error("{path} is not valid: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What the TOML parser said.
        message: String,
    },
}

const DEFAULT_LEXICON: &str = include_str!("../config/lexicon.toml");

/// The built-in language file, parsed once: where a knowledge file written before a word list
/// existed takes that list from (an old file must not lose its filler words on upgrade).
fn builtin_language() -> &'static Language {
    static LANGUAGE: std::sync::LazyLock<Language> = std::sync::LazyLock::new(|| {
        toml::from_str(DEFAULT_LANGUAGE).expect("the built-in config/language.toml parses")
    });
    &LANGUAGE
}

fn builtin_filler_words() -> Vec<String> {
    builtin_language().filler_words.clone()
}

fn builtin_pair_stopwords() -> Vec<String> {
    builtin_language().pair_stopwords.clone()
}

fn builtin_contractions() -> Vec<(String, String)> {
    builtin_language().contractions.clone()
}

fn builtin_summary_words() -> Vec<String> {
    builtin_language().summary_words.clone()
}

fn builtin_predicate_connectives() -> Vec<String> {
    builtin_language().predicate_connectives.clone()
}

fn builtin_introducing_verbs() -> Vec<String> {
    builtin_language().introducing_verbs.clone()
}

fn builtin_source_prepositions() -> Vec<String> {
    builtin_language().source_prepositions.clone()
}

fn builtin_habitual_verbs() -> Vec<String> {
    builtin_language().habitual_verbs.clone()
}

fn builtin_hearsay_verbs() -> Vec<String> {
    builtin_language().hearsay_verbs.clone()
}

fn builtin_naming_words() -> Vec<String> {
    builtin_language().naming_words.clone()
}

fn builtin_feminine_kin_nouns() -> Vec<String> {
    builtin_language().feminine_kin_nouns.clone()
}

fn builtin_masculine_kin_nouns() -> Vec<String> {
    builtin_language().masculine_kin_nouns.clone()
}

fn builtin_owner_prepositions() -> Vec<String> {
    builtin_language().owner_prepositions.clone()
}

fn builtin_term_cues() -> Vec<String> {
    builtin_language().term_cues.clone()
}

fn builtin_nickname_cues() -> Vec<String> {
    builtin_language().nickname_cues.clone()
}

fn builtin_question_tags() -> Vec<String> {
    builtin_language().question_tags.clone()
}

fn builtin_ordinal_words() -> Vec<(String, f64)> {
    builtin_language().ordinal_words.clone()
}

fn builtin_programme_parts() -> Vec<Vec<String>> {
    builtin_language().programme_parts.clone()
}

fn builtin_first_person_subjects() -> Vec<String> {
    builtin_language().first_person_subjects.clone()
}

fn builtin_nominal_markers() -> Vec<String> {
    builtin_language().nominal_markers.clone()
}

fn builtin_citing_verbs() -> Vec<String> {
    builtin_language().citing_verbs.clone()
}

fn builtin_object_relatives() -> Vec<String> {
    builtin_language().object_relatives.clone()
}

fn builtin_echo_nouns() -> Vec<String> {
    builtin_language().echo_nouns.clone()
}

fn builtin_viewpoint_prepositions() -> Vec<String> {
    builtin_language().viewpoint_prepositions.clone()
}

fn builtin_masculine_pronouns() -> Vec<String> {
    builtin_language().masculine_pronouns.clone()
}

fn builtin_feminine_pronouns() -> Vec<String> {
    builtin_language().feminine_pronouns.clone()
}

fn builtin_document_verbs() -> Vec<String> {
    builtin_language().document_verbs.clone()
}

fn builtin_masculine_honorifics() -> Vec<String> {
    builtin_language().masculine_honorifics.clone()
}

fn builtin_feminine_honorifics() -> Vec<String> {
    builtin_language().feminine_honorifics.clone()
}

fn builtin_participles() -> Vec<String> {
    builtin_language().participles.clone()
}

fn builtin_reporting_phrases() -> Vec<String> {
    builtin_language().reporting_phrases.clone()
}

fn builtin_issuing_verbs() -> Vec<String> {
    builtin_language().issuing_verbs.clone()
}

fn builtin_idiom_reporting_verbs() -> Vec<String> {
    builtin_language().idiom_reporting_verbs.clone()
}

fn builtin_speech_nouns() -> Vec<String> {
    builtin_language().speech_nouns.clone()
}

fn builtin_weekdays() -> Vec<String> {
    builtin_language().weekdays.clone()
}

fn builtin_months() -> Vec<String> {
    builtin_language().months.clone()
}

fn builtin_future_words() -> Vec<String> {
    builtin_language().future_words.clone()
}

fn builtin_weekday_lead_words() -> Vec<String> {
    builtin_language().weekday_lead_words.clone()
}

fn builtin_year_prepositions() -> Vec<String> {
    builtin_language().year_prepositions.clone()
}

fn builtin_relative_days() -> Vec<(String, i64)> {
    builtin_language().relative_days.clone()
}

fn builtin_period_shifts() -> Vec<(String, i64)> {
    builtin_language().period_shifts.clone()
}

fn builtin_periods() -> Vec<(String, String)> {
    builtin_language().periods.clone()
}

fn builtin_month_abbreviations() -> Vec<String> {
    builtin_language().month_abbreviations.clone()
}

fn builtin_question_words() -> Vec<String> {
    builtin_language().question_words.clone()
}

fn builtin_place_phrase_prepositions() -> Vec<String> {
    builtin_language().place_phrase_prepositions.clone()
}

fn builtin_cause_cues_asked_only() -> Vec<String> {
    builtin_language().cause_cues_asked_only.clone()
}

fn builtin_title_abbreviations() -> Vec<String> {
    builtin_language().title_abbreviations.clone()
}

fn builtin_lowered_openers() -> Vec<String> {
    builtin_language().lowered_openers.clone()
}

fn builtin_count_phrases() -> Vec<String> {
    builtin_language().count_phrases.clone()
}

fn builtin_definition_questions() -> Vec<Vec<String>> {
    builtin_language().definition_questions.clone()
}

fn builtin_asked_thing_words() -> Vec<String> {
    builtin_language().asked_thing_words.clone()
}

fn builtin_asked_thing_skips() -> Vec<String> {
    builtin_language().asked_thing_skips.clone()
}

fn builtin_asked_kind_nouns() -> Vec<Vec<String>> {
    builtin_language().asked_kind_nouns.clone()
}

fn builtin_future_asked_words() -> Vec<String> {
    builtin_language().future_asked_words.clone()
}

fn builtin_outcome_words() -> Vec<String> {
    builtin_language().outcome_words.clone()
}

fn builtin_past_asked_words() -> Vec<String> {
    builtin_language().past_asked_words.clone()
}

fn builtin_stance_holder_prepositions() -> Vec<String> {
    builtin_language().stance_holder_prepositions.clone()
}

fn builtin_followup_openers() -> Vec<String> {
    builtin_language().followup_openers.clone()
}

fn builtin_followup_pronouns() -> Vec<String> {
    builtin_language().followup_pronouns.clone()
}

fn builtin_description_openers() -> Vec<String> {
    builtin_language().description_openers.clone()
}

fn builtin_role_introducers() -> Vec<String> {
    builtin_language().role_introducers.clone()
}

fn builtin_measure_questions() -> Vec<String> {
    builtin_language().measure_questions.clone()
}

fn builtin_measure_units() -> Vec<String> {
    builtin_language().measure_units.clone()
}

fn builtin_money_questions() -> Vec<String> {
    builtin_language().money_questions.clone()
}

fn builtin_money_units() -> Vec<String> {
    builtin_language().money_units.clone()
}

fn builtin_opener_rewrites() -> Vec<(String, String)> {
    builtin_language().opener_rewrites.clone()
}

fn builtin_description_noun_classes() -> Vec<String> {
    builtin_language().description_noun_classes.clone()
}

fn builtin_speaker_noun_classes() -> Vec<String> {
    builtin_language().speaker_noun_classes.clone()
}

fn builtin_description_stops() -> Vec<String> {
    builtin_language().description_stops.clone()
}

fn builtin_article_nouns() -> Vec<String> {
    builtin_language().article_nouns.clone()
}

fn builtin_rank_modifiers() -> Vec<String> {
    builtin_language().rank_modifiers.clone()
}

fn builtin_asked_place_nouns() -> Vec<String> {
    builtin_language().asked_place_nouns.clone()
}

fn builtin_country_nouns() -> Vec<String> {
    builtin_language().country_nouns.clone()
}

fn builtin_place_nouns() -> Vec<String> {
    builtin_language().place_nouns.clone()
}

fn builtin_leading_verbs() -> Vec<String> {
    builtin_language().leading_verbs.clone()
}

fn builtin_leading_agents() -> Vec<String> {
    builtin_language().leading_agents.clone()
}

fn builtin_role_taking_verbs() -> Vec<String> {
    builtin_language().role_taking_verbs.clone()
}

fn builtin_role_office_words() -> Vec<String> {
    builtin_language().role_office_words.clone()
}

fn builtin_former_role_words() -> Vec<String> {
    builtin_language().former_role_words.clone()
}

fn builtin_stance_verbs() -> Vec<Vec<String>> {
    builtin_language().stance_verbs.clone()
}

fn builtin_stance_adjectives() -> Vec<Vec<String>> {
    builtin_language().stance_adjectives.clone()
}

fn builtin_stance_nouns() -> Vec<Vec<String>> {
    builtin_language().stance_nouns.clone()
}

fn builtin_stance_for_words() -> Vec<Vec<String>> {
    builtin_language().stance_for_words.clone()
}

fn builtin_stance_speaker_words() -> Vec<Vec<String>> {
    builtin_language().stance_speaker_words.clone()
}

fn builtin_stance_subject_skips() -> Vec<String> {
    builtin_language().stance_subject_skips.clone()
}

fn builtin_stance_passive_words() -> Vec<String> {
    builtin_language().stance_passive_words.clone()
}

fn builtin_stance_negations() -> Vec<String> {
    builtin_language().stance_negations.clone()
}

fn builtin_stance_object_words() -> Vec<String> {
    builtin_language().stance_object_words.clone()
}

fn builtin_stance_speaker_pronouns() -> Vec<String> {
    builtin_language().stance_speaker_pronouns.clone()
}

fn builtin_stance_speaker_possessives() -> Vec<String> {
    builtin_language().stance_speaker_possessives.clone()
}

fn builtin_stance_anaphora_words() -> Vec<String> {
    builtin_language().stance_anaphora_words.clone()
}

fn builtin_stance_background_words() -> Vec<String> {
    builtin_language().stance_background_words.clone()
}

fn builtin_stance_question_words() -> Vec<String> {
    builtin_language().stance_question_words.clone()
}
const DEFAULT_LANGUAGE: &str = include_str!("../config/language.toml");

impl Compiled {
    /// The question proper, when small talk comes before it: "sorry dumb q but what is crimea"
    /// -> "what is crimea", "ok so who is vance" -> "who is vance". The question starts at a
    /// question word (`question_words`: what, who, ...) right after a preamble end ("but", "so"); otherwise the
    /// question is returned as it is. A sentence end is not enough: in "so he pulled out?? why
    /// tho" the question needs what comes before.
    pub fn drop_preamble<'q>(&self, question: &'q str) -> &'q str {
        let mut offset = 0;
        let mut previous_ends = false;
        for (i, word) in question.split(' ').enumerate() {
            let core = word
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                .to_lowercase();
            let head = core.split(['\'', '\u{2019}']).next().unwrap_or("");
            if i > 0 && previous_ends && self.question_words.contains(head) {
                return &question[offset..];
            }
            previous_ends = self.preamble_ends.contains(&core);
            offset += word.len() + 1;
        }
        question
    }

    /// A question whose opening asks the same as a plainer one, with that one in its place
    /// ("what's the name of their envoy" -> "who is their envoy", when a title follows, or
    /// "do we know who" -> "who"); otherwise as it is.
    pub fn rewrite_opener(&self, question: &str) -> String {
        let lower = normalize(question);
        for (from, to) in &self.opener_rewrites {
            let rest = lower.strip_prefix(from.as_str());
            // Only about someone: a title follows ("the name of their envoy"), not a thing
            // ("the name of the agreement", which search answers).
            let about_someone = rest.is_some_and(|r| {
                r.starts_with(|c: char| !c.is_alphanumeric())
                    && (from.ends_with(" who")
                        || !self.titles.find(&crate::text::tokenize(r)).is_empty())
            });
            if about_someone {
                // Byte offsets agree: `normalize` keeps an ASCII opening's length.
                if let Some(tail) = question.get(from.len()..) {
                    return format!("{to}{tail}");
                }
            }
        }
        question.to_string()
    }

    /// A question with its chat shorthand and title abbreviations written out, word by word
    /// ("wat did the vp say abt nato" -> "what did the vice president say about nato"). Case is
    /// ignored, punctuation around a word and a possessive `'s` are kept.
    pub fn expand_shorthand(&self, question: &str) -> String {
        if self.shorthand.is_empty() {
            return question.to_string();
        }
        let mut out = String::with_capacity(question.len() + 16);
        for (i, word) in question.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
            let start = word.find(core).unwrap_or(0);
            let (lead, rest) = word.split_at(start);
            let (core, tail) = rest.split_at(core.len());
            let lower = core.to_lowercase();
            // An abbreviation in capitals with a lowercase "s" ("the VPs line", "PMs") is its
            // possessive or plural, typed without the apostrophe.
            let capitals_s = core
                .strip_suffix('s')
                .filter(|b| b.len() >= 2 && b.bytes().all(|c| c.is_ascii_uppercase()))
                .map(str::to_lowercase)
                .filter(|k| self.shorthand.contains_key(k));
            let (key, possessive) = match lower
                .strip_suffix("'s")
                .or_else(|| lower.strip_suffix("\u{2019}s"))
            {
                Some(k) if self.shorthand.contains_key(k) => (k.to_string(), &core[k.len()..]),
                _ => match capitals_s {
                    Some(k) => (k, "'s"),
                    None => (lower, ""),
                },
            };
            match self.shorthand.get(&key) {
                Some(full) if !core.is_empty() => {
                    out.push_str(lead);
                    out.push_str(full);
                    out.push_str(possessive);
                    out.push_str(tail);
                }
                _ => out.push_str(word),
            }
        }
        out
    }
}

impl Lexicon {
    /// Parses the two TOML texts; `names` are the file names used in errors.
    pub fn from_toml(
        lexicon: &str,
        language: &str,
        names: (&str, &str),
    ) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile = toml::from_str(lexicon).map_err(|e| LexiconError::Parse {
            path: names.0.to_string(),
            message: e.to_string(),
        })?;
        let language: Language = toml::from_str(language).map_err(|e| LexiconError::Parse {
            path: names.1.to_string(),
            message: e.to_string(),
        })?;
        // Dates are numbered by their place in these lists.
        if language.weekdays.len() != 7 || language.months.len() != 12 {
            return Err(LexiconError::Parse {
                path: names.1.to_string(),
                message: format!(
                    "`weekdays` must name 7 days and `months` 12 months (found {} and {})",
                    language.weekdays.len(),
                    language.months.len()
                ),
            });
        }
        if language.month_abbreviations.len() != 12 {
            return Err(LexiconError::Parse {
                path: names.1.to_string(),
                message: format!(
                    "`month_abbreviations` must name 12 months (found {})",
                    language.month_abbreviations.len()
                ),
            });
        }
        if let Some((word, kind)) = language
            .periods
            .iter()
            .find(|(_, kind)| Period::named(kind).is_none())
        {
            return Err(LexiconError::Parse {
                path: names.1.to_string(),
                message: format!(
                    "the period word {word:?} names the span {kind:?}, not week, weekend, month \
                     or year"
                ),
            });
        }
        for group in language
            .stance_verbs
            .iter()
            .chain(&language.stance_adjectives)
            .chain(&language.stance_nouns)
            .chain(&language.stance_for_words)
            .chain(&language.stance_speaker_words)
        {
            let head = group.first().map_or("", String::as_str);
            if Stance::named(head).is_none() {
                return Err(LexiconError::Parse {
                    path: names.1.to_string(),
                    message: format!(
                        "a stance word group starts with {head:?}, not a stance (proposes, \
                         supports, demands, rejects, accepts or says)"
                    ),
                });
            }
        }
        Ok(Lexicon {
            parties: file.parties,
            topics: file.topics,
            language,
        })
    }

    /// The lexicon compiled into the binary (the repository's `config/` at build time).
    pub fn builtin() -> Lexicon {
        Lexicon::from_toml(
            DEFAULT_LEXICON,
            DEFAULT_LANGUAGE,
            ("config/lexicon.toml", "config/language.toml"),
        )
        .expect("the built-in config/lexicon.toml and config/language.toml parse")
    }

    /// Reads `lexicon.toml` and `language.toml` from `dir`; a file that is absent falls back to
    /// the built-in one.
    pub fn load_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let read = |name: &str, fallback: &'static str| -> Result<(String, String), LexiconError> {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(t) => Ok((t, path.display().to_string())),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    Ok((fallback.to_string(), format!("built-in {name}")))
                }
                Err(source) => Err(LexiconError::Read {
                    path: path.display().to_string(),
                    source,
                }),
            }
        };
        let (lex, lex_name) = read("lexicon.toml", DEFAULT_LEXICON)?;
        let (lang, lang_name) = read("language.toml", DEFAULT_LANGUAGE)?;
        Lexicon::from_toml(&lex, &lang, (&lex_name, &lang_name))
    }
}

/// Where an alias matched: the entity's index and the token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasHit {
    /// Index into the lexicon's parties or topics.
    pub entity: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// A table of multi-word aliases, matched greedily (longest first) over token sequences.
#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    map: HashMap<Vec<String>, (usize, bool)>,
    /// The first word of every alias: most words start none, and need one lookup, not `max_len`.
    first: HashSet<String>,
    /// A bit per [`first_bit`] of every first word: a word whose bit is clear starts no alias,
    /// which rules out most words without hashing them.
    first_bits: Vec<u64>,
    max_len: usize,
    stems: bool,
}

/// A word's bit in [`AliasTable`]'s filter, from its first and last bytes and its length.
fn first_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let (first, last) = match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => (f as u32, l as u32),
        _ => (0, 0),
    };
    let x = first | (last << 8) | ((b.len() as u32 & 0xff) << 16);
    (x.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl AliasTable {
    /// Builds a table; with `stems`, words are compared by stem (topics), else by lowercase form.
    pub fn new<'a>(entries: impl IntoIterator<Item = (usize, &'a str)>, stems: bool) -> AliasTable {
        let mut table = AliasTable {
            stems,
            ..AliasTable::default()
        };
        for (entity, alias) in entries {
            let tokens = tokenize(alias);
            if tokens.is_empty() {
                continue;
            }
            // Short all-capital aliases ("US", "EU") only match in capitals, so "us" stays a pronoun.
            let caps = tokens.len() == 1
                && tokens[0].all_caps
                && alias.chars().filter(|c| c.is_alphabetic()).count() <= 4;
            let key: Vec<String> = tokens.iter().map(|t| table.key(&t.norm)).collect();
            table.max_len = table.max_len.max(key.len());
            if table.first_bits.is_empty() {
                table.first_bits = vec![0; 64];
            }
            let bit = first_bit(&key[0]);
            table.first_bits[bit / 64] |= 1 << (bit % 64);
            table.first.insert(key[0].clone());
            // The same words written both ways ("NATO" and "Nato") match in any case.
            table
                .map
                .entry(key)
                .and_modify(|e| e.1 &= caps || e.0 != entity)
                .or_insert((entity, caps));
        }
        table
    }

    /// True when `key` is the first word of some alias.
    fn starts(&self, key: &str) -> bool {
        let bit = first_bit(key);
        self.first_bits
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
            && self.first.contains(key)
    }

    fn key(&self, norm: &str) -> String {
        if self.stems {
            stem(norm)
        } else {
            norm.to_string()
        }
    }

    /// Every alias occurrence, left to right, longest first, not overlapping.
    pub fn find(&self, tokens: &[Token]) -> Vec<AliasHit> {
        if self.stems {
            let keys: Vec<String> = tokens.iter().map(|t| self.key(&t.norm)).collect();
            return self.find_keys(tokens, &keys);
        }
        // Keyed by lowercase form, the tokens' own: most words start no alias, so the keys are
        // copied only where one may start (the builder runs this on every sentence, for
        // several tables).
        let mut hits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !self.starts(&tokens[i].norm) {
                i += 1;
                continue;
            }
            let longest = self.max_len.min(tokens.len() - i);
            let keys: Vec<String> = tokens[i..i + longest]
                .iter()
                .map(|t| t.norm.clone())
                .collect();
            match self.longest_at(tokens, &keys, i) {
                Some(hit) => {
                    hits.push(hit);
                    i = hit.end;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The longest alias starting at token `at`, whose keys from there on are `keys`.
    fn longest_at(&self, tokens: &[Token], keys: &[String], at: usize) -> Option<AliasHit> {
        for len in (1..=keys.len()).rev() {
            if let Some(&(entity, caps)) = self.map.get(&keys[..len]) {
                if caps && !tokens[at].all_caps {
                    continue;
                }
                return Some(AliasHit {
                    entity,
                    start: at,
                    end: at + len,
                });
            }
        }
        None
    }

    /// Like [`AliasTable::find`], with the keys (stems or norms) already computed.
    pub fn find_keys(&self, tokens: &[Token], keys: &[String]) -> Vec<AliasHit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !self.starts(&keys[i]) {
                i += 1;
                continue;
            }
            let longest = self.max_len.min(tokens.len() - i);
            match self.longest_at(tokens, &keys[i..i + longest], i) {
                Some(hit) => {
                    hits.push(hit);
                    i = hit.end;
                }
                None => i += 1,
            }
        }
        hits
    }
}

/// The lexicon compiled for fast lookups: alias tables and word sets.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    /// The lexicon itself.
    pub lexicon: Lexicon,
    /// Party aliases, by lowercase words.
    pub parties: AliasTable,
    /// Topic aliases, by stems.
    pub topics: AliasTable,
    /// Title words and phrases, by lowercase words.
    pub titles: AliasTable,
    /// Person cues ("met with"), by lowercase words.
    pub person_cues: AliasTable,
    /// Role modifiers, lowercase.
    pub role_modifiers: HashSet<String>,
    /// Reporting verbs, lowercase.
    pub reporting_verbs: HashSet<String>,
    /// Source nouns, lowercase.
    pub source_nouns: HashSet<String>,
    /// Source determiners, lowercase.
    pub source_determiners: HashSet<String>,
    /// Abbreviations, as written.
    pub abbreviations: HashSet<String>,
    /// Stopwords, lowercase.
    pub stopwords: HashSet<String>,
    /// Capitalised words that are never names, as written.
    pub not_names: HashSet<String>,
    /// The words that state stances, by how a sentence's structure gives their holder.
    pub stances: StanceWords,
    /// Number words.
    pub number_words: HashMap<String, f64>,
    /// Ordinal words ("third" = 3), lowercase.
    pub ordinal_words: HashMap<String, f64>,
    /// Synonym groups by stem: each stem -> the stems of its groups' members.
    pub synonyms: HashMap<String, Vec<String>>,
    /// Question shorthand, lowercase, -> what it stands for.
    pub shorthand: HashMap<String, String>,
    /// Openings that ask the same as a plainer one, lowercase, longest first.
    pub opener_rewrites: Vec<(String, String)>,
    /// Words that end small talk before a question, lowercase.
    pub preamble_ends: HashSet<String>,
    /// Filler words, lowercase.
    pub filler: HashSet<String>,
    /// Words that never make a telling pair, lowercase.
    pub pair_stopwords: HashSet<String>,
    /// Contractions and what they expand to, in order.
    pub contractions: Vec<(String, String)>,
    /// Stems of the words that ask for a summary of everything.
    pub summary_stems: HashSet<String>,
    /// Stems of the reporting verbs and speech nouns: how a "what did X say" question is put.
    pub speech_stems: HashSet<String>,
    /// Words before the place an event happened, lowercase.
    pub event_place_prepositions: HashSet<String>,
    /// Nouns a place's name comes before, lowercase.
    pub place_event_nouns: HashSet<String>,
    /// Honorifics as written ("Mr", "Sen") -> the title each stands for, lowercase.
    pub honorifics: HashMap<String, String>,
    /// Characterising verbs, lowercase.
    pub characterising_verbs: HashSet<String>,
    /// Words between a subject and its reporting verb, lowercase.
    pub verb_fillers: HashSet<String>,
    /// Clause openers, lowercase.
    pub clause_words: HashSet<String>,
    /// One-person pronouns, lowercase.
    pub person_pronouns: HashSet<String>,
    /// Subject words for no named person, lowercase.
    pub non_person_subjects: HashSet<String>,
    /// Organisation head nouns, lowercase.
    pub body_nouns: HashSet<String>,
    /// Channel openers, lowercase.
    pub channel_words: HashSet<String>,
    /// Audience verbs, lowercase.
    pub audience_verbs: HashSet<String>,
    /// Words that open a subject phrase and are no part of it, lowercase.
    pub subject_connectives: HashSet<String>,
    /// Words that may open a sentence before its pronoun subject, lowercase.
    pub sentence_connectives: HashSet<String>,
    /// Words joining a second predicate to the sentence's subject, lowercase.
    pub predicate_connectives: HashSet<String>,
    /// Verbs introducing a person as a sentence's subject, lowercase.
    pub introducing_verbs: HashSet<String>,
    /// Words before the one person a quotation comes from, lowercase.
    pub source_prepositions: HashSet<String>,
    /// Words opening a sentence before the one person whose view it gives ("For X, the deal is ..."), lowercase.
    pub viewpoint_prepositions: HashSet<String>,
    /// Nouns for someone's words, naming who said a quotation standing before them, lowercase.
    pub echo_nouns: HashSet<String>,
    /// Relative pronouns after which a personal pronoun is never the person the clause is about ("X, whom he described"). Lowercase.
    pub object_relatives: HashSet<String>,
    /// Verbs of citing whose one named object speaks the quotation after a colon ("X quotes Y: “...”"). Lowercase.
    pub citing_verbs: HashSet<String>,
    /// Words after which a reporting verb's form describes a noun ("reports of continued shelling"). Lowercase.
    pub nominal_markers: HashSet<String>,
    /// Verbs before "to" and a reporting verb that still report: what someone "likes to say". Lowercase.
    pub habitual_verbs: HashSet<String>,
    /// Verbs of hearsay in "is said to have told". Lowercase.
    pub hearsay_verbs: HashSet<String>,
    /// Words that name a thing right before its quoted name ("titled"). Lowercase.
    pub naming_words: HashSet<String>,
    /// Nouns for a female relative ("wife"). Lowercase.
    pub feminine_kin_nouns: HashSet<String>,
    /// Nouns for a male relative ("husband"). Lowercase.
    pub masculine_kin_nouns: HashSet<String>,
    /// Prepositions after a noun for words that name whose they are ("from", "of"). Lowercase.
    pub owner_prepositions: HashSet<String>,
    /// Participles before "as" and a quoted term ("known"). Lowercase.
    pub term_cues: HashSet<String>,
    /// Words that give a person a nickname after their name ("dubbed"). Lowercase.
    pub nickname_cues: HashSet<String>,
    /// Transcript tags for a reporter's question ("question", "q"), lowercase.
    pub question_tags: HashSet<String>,
    /// Programme parts, lowercase: the tag word, then the words introducing its holder.
    pub programme_parts: Vec<Vec<String>>,
    /// First-person subjects ("i"), lowercase.
    pub first_person_subjects: HashSet<String>,
    /// Pronouns that stand for a man ("he", "his"), lowercase.
    pub masculine_pronouns: HashSet<String>,
    /// Pronouns that stand for a woman ("she", "her"), lowercase.
    pub feminine_pronouns: HashSet<String>,
    /// Verbs by which a written statement gives its words ("It reads in full:"), lowercase.
    pub document_verbs: HashSet<String>,
    /// Courtesy titles for a man ("Mr"), matched case-sensitively.
    pub masculine_honorifics: HashSet<String>,
    /// Courtesy titles for a woman ("Ms", "Mrs"), matched case-sensitively.
    pub feminine_honorifics: HashSet<String>,
    /// Verb forms in "-ing" that, after a comma, go on with the sentence's own reporting verb (", describing it as"), lowercase.
    pub participles: HashSet<String>,
    /// A verb and its particle that report like one verb, as lowercase words.
    pub reporting_phrases: Vec<Vec<String>>,
    /// Verbs by which someone puts out a written statement ("issued a statement"), lowercase.
    pub issuing_verbs: HashSet<String>,
    /// Nouns for what someone said or wrote ("statement"), lowercase.
    pub speech_nouns: HashSet<String>,
    /// Verbs that report only in "as X put it", lowercase.
    pub idiom_reporting_verbs: HashSet<String>,
    /// Words that may stand before a sentence's named subject, lowercase.
    pub subject_lead_words: HashSet<String>,
    /// Words that tie an unnamed source to whom it speaks for, lowercase.
    pub affiliation_words: HashSet<String>,
    /// Words before a reporting verb that make it no report, lowercase.
    pub infinitive_markers: HashSet<String>,
    /// Words that end a speaker named after its verb, lowercase.
    pub speaker_stops: HashSet<String>,
    /// Words that end a channel after its first word, lowercase.
    pub channel_stops: HashSet<String>,
    /// Words a channel never ends on, lowercase.
    pub channel_trailing_words: HashSet<String>,
    /// Words before a capitalised run that make it a place, lowercase.
    pub place_prepositions: HashSet<String>,
    /// Role modifiers that never open a role, lowercase.
    pub role_inner_words: HashSet<String>,
    /// Words that join titles into one role, lowercase.
    pub title_joiners: HashSet<String>,
    /// Words opening an unnamed person subject, lowercase.
    pub indefinite_openers: HashSet<String>,
    /// Words of a time phrase ending a subject, lowercase.
    pub subject_time_words: HashSet<String>,
    /// Words opening such a time phrase, lowercase.
    pub subject_time_leads: HashSet<String>,
    /// Nouns for a written document, lowercase.
    pub document_nouns: HashSet<String>,
    /// Articles that may open a role after a name, lowercase.
    pub role_articles: HashSet<String>,
    /// Words that open a relative clause after a subject, lowercase.
    pub relative_words: HashSet<String>,
    /// Phrases that put the speaker after them, as lowercase words.
    pub speaker_after_phrases: Vec<Vec<String>>,
    /// Weekday names, lowercase, Monday first.
    pub weekdays: Vec<String>,
    /// Month names, lowercase, January first.
    pub months: Vec<String>,
    /// Words that put a sentence's dates ahead of its publication, lowercase.
    pub future_words: HashSet<String>,
    /// Words kept with a following weekday, lowercase.
    pub weekday_lead_words: HashSet<String>,
    /// Words before a year that make it a date, lowercase.
    pub year_prepositions: HashSet<String>,
    /// Words naming a day by its distance from the publication, lowercase -> days.
    pub relative_days: HashMap<String, i64>,
    /// Words that shift a period or weekday, lowercase -> periods forward (negative: back).
    pub period_shifts: HashMap<String, i64>,
    /// Period words, lowercase -> the span each names.
    pub periods: HashMap<String, Period>,
    /// Month abbreviations, lowercase, January first.
    pub month_abbreviations: Vec<String>,
    /// Question words, lowercase.
    pub question_words: HashSet<String>,
    /// Stems of the cause cues that only ask about a cause.
    pub cause_cue_stems_asked_only: HashSet<String>,
    /// Title abbreviations of questions, lowercase.
    pub title_abbreviations: Vec<String>,
    /// Openers lowered inside a reply, lowercase.
    pub lowered_openers: HashSet<String>,
    /// Phrases that ask for a count, as lowercase words.
    pub count_phrases: Vec<Vec<String>>,
    /// Word pairs that ask what a thing is, lowercase.
    pub definition_questions: Vec<Vec<String>>,
    /// Words that ask for a thing by its kind, lowercase.
    pub asked_thing_words: HashSet<String>,
    /// Words passed over after one, lowercase.
    pub asked_thing_skips: HashSet<String>,
    /// Answer kinds by the stem of the noun that asks for them.
    pub asked_kinds: HashMap<String, crate::intent::Intent>,
    /// Words asking about what is still to come, lowercase.
    pub future_asked_words: HashSet<String>,
    /// Words asking how something turned out, lowercase.
    pub outcome_words: HashSet<String>,
    /// Words putting that in the past, lowercase.
    pub past_asked_words: HashSet<String>,
    /// How follow-up questions start, lowercase, spaces kept.
    pub followup_openers: Vec<String>,
    /// Pronouns that lean on the previous answer, lowercase.
    pub followup_pronouns: HashSet<String>,
    /// Words that open a description, never a name, lowercase.
    pub description_openers: HashSet<String>,
    /// Words before a title that make it someone's role, lowercase.
    pub role_introducers: HashSet<String>,
    /// Words that rank a holder among others of one office, lowercase.
    pub rank_modifiers: HashSet<String>,
    /// Nouns of places, lowercase.
    pub place_nouns: HashSet<String>,
    /// Verbs of leading, lowercase.
    pub leading_verbs: HashSet<String>,
    /// Words introducing a leader after a passive verb, lowercase.
    pub leading_agents: HashSet<String>,
    /// Verbs right before "as" that give the role after it, lowercase.
    pub role_taking_verbs: HashSet<String>,
    /// Office body and field words inside a role, lowercase.
    pub role_office_words: HashSet<String>,
    /// Words that make a role one held no longer, lowercase.
    pub former_role_words: HashSet<String>,
}

/// The stance words of `config/language.toml`, compiled: each table's entity is a [`Stance`].
#[derive(Debug, Clone, Default)]
pub struct StanceWords {
    /// The stances the tables' entities number.
    pub stances: Vec<Stance>,
    /// Verbs whose subject (or passive "by" agent) holds the stance.
    pub verbs: AliasTable,
    /// Adjectives whose subject holds the stance after "is".
    pub adjectives: AliasTable,
    /// Nouns whose owner holds the stance.
    pub nouns: AliasTable,
    /// Words whose holder follows "for" or "to".
    pub for_words: AliasTable,
    /// Words the sentence's speaker holds.
    pub speaker_words: AliasTable,
    /// Words between a stance verb and its subject, lowercase.
    pub subject_skips: HashSet<String>,
    /// Forms of "be" that make a stance verb passive, lowercase.
    pub passive: HashSet<String>,
    /// Negations, lowercase.
    pub negations: HashSet<String>,
    /// Words before a party that make it an object, lowercase.
    pub object_words: HashSet<String>,
    /// Pronouns standing for the speaker, lowercase.
    pub speaker_pronouns: HashSet<String>,
    /// Possessives standing for the speaker, lowercase.
    pub speaker_possessives: HashSet<String>,
    /// Words that make an ownerless stance noun refer back, lowercase.
    pub anaphora: HashSet<String>,
    /// Words that open a background clause, lowercase.
    pub background: HashSet<String>,
    /// Words that open a question or free relative clause, lowercase.
    pub question: HashSet<String>,
    /// Words after a for-word that its holder follows, lowercase.
    pub holder_prepositions: HashSet<String>,
}

impl StanceWords {
    fn new(l: &Language) -> StanceWords {
        let mut stances: Vec<Stance> = Vec::new();
        let mut table = |groups: &[Vec<String>]| {
            let mut entries: Vec<(usize, String)> = Vec::new();
            for g in groups {
                let Some(stance) = g.first().and_then(|w| Stance::named(w)) else {
                    continue;
                };
                let at = stances
                    .iter()
                    .position(|&s| s == stance)
                    .unwrap_or_else(|| {
                        stances.push(stance);
                        stances.len() - 1
                    });
                entries.extend(g[1..].iter().map(|w| (at, w.clone())));
            }
            AliasTable::new(entries.iter().map(|(i, w)| (*i, w.as_str())), false)
        };
        let verbs = table(&l.stance_verbs);
        let adjectives = table(&l.stance_adjectives);
        let nouns = table(&l.stance_nouns);
        let for_words = table(&l.stance_for_words);
        let speaker_words = table(&l.stance_speaker_words);
        let lower = |v: &[String]| v.iter().map(|s| normalize(s)).collect::<HashSet<_>>();
        StanceWords {
            stances,
            verbs,
            adjectives,
            nouns,
            for_words,
            speaker_words,
            subject_skips: lower(&l.stance_subject_skips),
            passive: lower(&l.stance_passive_words),
            negations: lower(&l.stance_negations),
            object_words: lower(&l.stance_object_words),
            speaker_pronouns: lower(&l.stance_speaker_pronouns),
            speaker_possessives: lower(&l.stance_speaker_possessives),
            anaphora: lower(&l.stance_anaphora_words),
            background: lower(&l.stance_background_words),
            question: lower(&l.stance_question_words),
            holder_prepositions: lower(&l.stance_holder_prepositions),
        }
    }
}

impl Lexicon {
    /// Compiles the alias tables and word sets.
    pub fn compile(&self) -> Compiled {
        let lower = |v: &[String]| v.iter().map(|s| normalize(s)).collect::<HashSet<_>>();
        let stems = |v: &[String]| {
            v.iter()
                .flat_map(|s| tokenize(s).into_iter().map(|t| stem(&t.norm)))
                .collect::<HashSet<_>>()
        };
        let l = &self.language;
        let mut synonyms: HashMap<String, Vec<String>> = HashMap::default();
        for group in &l.synonyms {
            let group_stems: Vec<String> = group
                .iter()
                .filter(|w| !w.contains(' '))
                .map(|w| stem(&normalize(w)))
                .collect();
            for s in &group_stems {
                let entry = synonyms.entry(s.clone()).or_default();
                for o in &group_stems {
                    if o != s && !entry.contains(o) {
                        entry.push(o.clone());
                    }
                }
            }
        }
        Compiled {
            parties: AliasTable::new(
                self.parties.iter().enumerate().flat_map(|(i, p)| {
                    std::iter::once((i, p.name.as_str()))
                        .chain(p.aliases.iter().map(move |a| (i, a.as_str())))
                }),
                false,
            ),
            topics: AliasTable::new(
                self.topics.iter().enumerate().flat_map(|(i, t)| {
                    std::iter::once((i, t.name.as_str()))
                        .chain(t.aliases.iter().map(move |a| (i, a.as_str())))
                }),
                true,
            ),
            titles: AliasTable::new(l.titles.iter().map(|t| (0, t.as_str())), false),
            person_cues: AliasTable::new(l.person_cues.iter().map(|t| (0, t.as_str())), false),
            role_modifiers: lower(&l.role_modifiers),
            reporting_verbs: lower(&l.reporting_verbs),
            source_nouns: lower(&l.source_nouns),
            source_determiners: lower(&l.source_determiners),
            abbreviations: l.abbreviations.iter().cloned().collect(),
            stopwords: lower(&l.stopwords),
            not_names: l.not_names.iter().cloned().collect(),
            stances: StanceWords::new(l),
            preamble_ends: lower(&l.preamble_ends),
            filler: lower(&l.filler_words),
            pair_stopwords: lower(&l.pair_stopwords),
            contractions: l.contractions.clone(),
            summary_stems: stems(&l.summary_words),
            speech_stems: stems(&l.reporting_verbs)
                .into_iter()
                .chain(stems(&l.speech_nouns))
                .collect(),
            event_place_prepositions: lower(&l.event_place_prepositions),
            place_event_nouns: lower(&l.place_event_nouns),
            shorthand: l
                .shorthand
                .iter()
                .map(|(from, to)| (normalize(from), to.clone()))
                .collect(),
            opener_rewrites: {
                let mut r: Vec<(String, String)> = l
                    .opener_rewrites
                    .iter()
                    .map(|(from, to)| (normalize(from), to.clone()))
                    .collect();
                r.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
                r
            },
            number_words: l
                .number_words
                .iter()
                .map(|(w, v)| (normalize(w), *v))
                .collect(),
            ordinal_words: l
                .ordinal_words
                .iter()
                .map(|(w, v)| (normalize(w), *v))
                .collect(),
            synonyms,
            honorifics: l
                .honorifics
                .iter()
                .map(|(h, t)| (h.clone(), normalize(t)))
                .collect(),
            characterising_verbs: lower(&l.characterising_verbs),
            verb_fillers: lower(&l.verb_fillers),
            clause_words: lower(&l.clause_words),
            person_pronouns: lower(&l.person_pronouns),
            non_person_subjects: lower(&l.non_person_subjects),
            body_nouns: lower(&l.body_nouns),
            channel_words: lower(&l.channel_words),
            audience_verbs: lower(&l.audience_verbs),
            subject_connectives: lower(&l.subject_connectives),
            sentence_connectives: lower(&l.sentence_connectives),
            predicate_connectives: lower(&l.predicate_connectives),
            introducing_verbs: lower(&l.introducing_verbs),
            source_prepositions: lower(&l.source_prepositions),
            viewpoint_prepositions: lower(&l.viewpoint_prepositions),
            echo_nouns: lower(&l.echo_nouns),
            object_relatives: lower(&l.object_relatives),
            citing_verbs: lower(&l.citing_verbs),
            nominal_markers: lower(&l.nominal_markers),
            habitual_verbs: lower(&l.habitual_verbs),
            hearsay_verbs: lower(&l.hearsay_verbs),
            naming_words: lower(&l.naming_words),
            feminine_kin_nouns: lower(&l.feminine_kin_nouns),
            masculine_kin_nouns: lower(&l.masculine_kin_nouns),
            owner_prepositions: lower(&l.owner_prepositions),
            term_cues: lower(&l.term_cues),
            nickname_cues: lower(&l.nickname_cues),
            question_tags: lower(&l.question_tags),
            programme_parts: l
                .programme_parts
                .iter()
                .filter(|part| !part.is_empty())
                .map(|part| part.iter().map(|w| w.to_lowercase()).collect())
                .collect(),
            first_person_subjects: lower(&l.first_person_subjects),
            masculine_pronouns: lower(&l.masculine_pronouns),
            feminine_pronouns: lower(&l.feminine_pronouns),
            document_verbs: lower(&l.document_verbs),
            masculine_honorifics: l.masculine_honorifics.iter().cloned().collect(),
            feminine_honorifics: l.feminine_honorifics.iter().cloned().collect(),
            participles: lower(&l.participles),
            reporting_phrases: l
                .reporting_phrases
                .iter()
                .map(|p| tokenize(p).into_iter().map(|t| t.norm).collect())
                .filter(|words: &Vec<String>| words.len() > 1)
                .collect(),
            issuing_verbs: lower(&l.issuing_verbs),
            speech_nouns: lower(&l.speech_nouns),
            idiom_reporting_verbs: lower(&l.idiom_reporting_verbs),
            subject_lead_words: lower(&l.subject_lead_words),
            affiliation_words: lower(&l.affiliation_words),
            infinitive_markers: lower(&l.infinitive_markers),
            speaker_stops: lower(&l.speaker_stops),
            channel_stops: lower(&l.channel_stops),
            channel_trailing_words: lower(&l.channel_trailing_words),
            place_prepositions: lower(&l.place_prepositions),
            role_inner_words: lower(&l.role_inner_words),
            title_joiners: lower(&l.title_joiners),
            indefinite_openers: lower(&l.indefinite_openers),
            subject_time_words: lower(&l.subject_time_words),
            subject_time_leads: lower(&l.subject_time_leads),
            document_nouns: lower(&l.document_nouns),
            role_articles: lower(&l.role_articles),
            relative_words: lower(&l.relative_words),
            speaker_after_phrases: l
                .speaker_after_phrases
                .iter()
                .map(|p| tokenize(p).into_iter().map(|t| t.norm).collect())
                .filter(|words: &Vec<String>| !words.is_empty())
                .collect(),
            weekdays: l.weekdays.iter().map(|w| normalize(w)).collect(),
            months: l.months.iter().map(|m| normalize(m)).collect(),
            future_words: lower(&l.future_words),
            weekday_lead_words: lower(&l.weekday_lead_words),
            year_prepositions: lower(&l.year_prepositions),
            relative_days: l
                .relative_days
                .iter()
                .map(|(w, d)| (normalize(w), *d))
                .collect(),
            period_shifts: l
                .period_shifts
                .iter()
                .map(|(w, d)| (normalize(w), *d))
                .collect(),
            periods: l
                .periods
                .iter()
                .filter_map(|(w, kind)| Some((normalize(w), Period::named(kind)?)))
                .collect(),
            month_abbreviations: l.month_abbreviations.iter().map(|m| normalize(m)).collect(),
            question_words: lower(&l.question_words),
            cause_cue_stems_asked_only: l
                .cause_cues_asked_only
                .iter()
                .map(|w| stem(&normalize(w)))
                .collect(),
            title_abbreviations: l.title_abbreviations.iter().map(|w| normalize(w)).collect(),
            lowered_openers: lower(&l.lowered_openers),
            asked_thing_words: lower(&l.asked_thing_words),
            asked_thing_skips: lower(&l.asked_thing_skips),
            future_asked_words: lower(&l.future_asked_words),
            outcome_words: lower(&l.outcome_words),
            past_asked_words: lower(&l.past_asked_words),
            asked_kinds: l
                .asked_kind_nouns
                .iter()
                .filter_map(|list| {
                    let (kind, nouns) = list.split_first()?;
                    let kind = crate::intent::Intent::from_name(kind)?;
                    Some(nouns.iter().map(move |n| (stem(&normalize(n)), kind)))
                })
                .flatten()
                .collect(),
            count_phrases: l
                .count_phrases
                .iter()
                .map(|p| tokenize(p).into_iter().map(|t| t.norm).collect())
                .filter(|words: &Vec<String>| !words.is_empty())
                .collect(),
            followup_openers: l
                .followup_openers
                .iter()
                .map(|o| o.to_lowercase())
                .collect(),
            followup_pronouns: lower(&l.followup_pronouns),
            description_openers: lower(&l.description_openers),
            role_introducers: lower(&l.role_introducers),
            rank_modifiers: lower(&l.rank_modifiers),
            definition_questions: l
                .definition_questions
                .iter()
                .map(|p| p.iter().map(|w| normalize(w)).collect())
                .collect(),
            place_nouns: lower(&l.place_nouns),
            leading_verbs: lower(&l.leading_verbs),
            leading_agents: lower(&l.leading_agents),
            role_taking_verbs: lower(&l.role_taking_verbs),
            role_office_words: lower(&l.role_office_words),
            former_role_words: lower(&l.former_role_words),
            lexicon: self.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthand_is_written_out_keeping_punctuation_and_possessives() {
        let c = Lexicon::builtin().compile();
        assert_eq!(
            c.expand_shorthand("wat did the VP say abt nato?"),
            "what did the vice president say about nato?"
        );
        assert_eq!(
            c.expand_shorthand("the uk pm's spokesperson, pls"),
            "the uk prime minister's spokesperson, please"
        );
        // Words that are not shorthand, and words that only contain it, are left alone.
        assert_eq!(c.expand_shorthand("what about Vance"), "what about Vance");
        assert_eq!(c.expand_shorthand("upmarket"), "upmarket");
        // Capitals with a lowercase "s" are the possessive typed without its apostrophe; a
        // lowercase word ending so ("vps"), or capitals that are no shorthand, are left alone.
        assert_eq!(
            c.expand_shorthand("so whats the VPs line"),
            "so whats the vice president's line"
        );
        assert_eq!(c.expand_shorthand("the vps line"), "the vps line");
        assert_eq!(c.expand_shorthand("the EUs line"), "the EUs line");
        // Month abbreviations and chat words for people and events.
        assert_eq!(
            c.expand_shorthand("by late sept did the veep's presser happen"),
            "by late september did the vice president's presser happen"
                .replace("presser", "press conference")
        );
        // Contractions typed without their apostrophe.
        assert_eq!(
            c.expand_shorthand("whats their condition before theyll talk"),
            "whats their condition before they will talk"
        );
    }

    /// "What's the name of X" asks who X is; an opening that only starts the same way, or the
    /// same words later in the question, are left alone.
    #[test]
    fn an_opening_that_asks_who_is_read_as_who() {
        let c = Lexicon::builtin().compile();
        assert_eq!(
            c.rewrite_opener("What's the name of Oremund's defence minister?"),
            "who is Oremund's defence minister?"
        );
        assert_eq!(
            c.rewrite_opener("do we know who leaked the map"),
            "who leaked the map"
        );
        assert_eq!(
            c.rewrite_opener("what's the name of the agreement"),
            "what's the name of the agreement",
            "a thing's name is searched for"
        );
        assert_eq!(
            c.rewrite_opener("whats the names list"),
            "whats the names list"
        );
        assert_eq!(
            c.rewrite_opener("did he say what's the name of it"),
            "did he say what's the name of it"
        );
    }

    #[test]
    fn builtin_lexicon_parses_and_has_parties_and_topics() {
        let lex = Lexicon::builtin();
        assert!(lex.parties.len() >= 5);
        assert!(lex.topics.len() >= 5);
        assert!(lex.language.reporting_verbs.iter().any(|v| v == "said"));
    }

    #[test]
    fn aliases_match_longest_first_and_caps_only_where_needed() {
        let c = Lexicon::builtin().compile();
        let s = "Let us ask the US and the European Union about land swaps in Kyiv.";
        let toks = tokenize(s);
        let parties: Vec<&str> = c
            .parties
            .find(&toks)
            .iter()
            .map(|h| c.lexicon.parties[h.entity].id.as_str())
            .collect();
        assert_eq!(parties, ["us", "europe", "ukraine"]);
        let topics: Vec<&str> = c
            .topics
            .find(&toks)
            .iter()
            .map(|h| c.lexicon.topics[h.entity].id.as_str())
            .collect();
        assert_eq!(topics, ["territory"]);
        // Without stems, `find` reads the tokens' own forms: the same hits as with the keys given.
        let norms: Vec<String> = toks.iter().map(|t| t.norm.clone()).collect();
        let s2 = "The Secretary of State met the US envoy and the Foreign Minister.";
        let toks2 = tokenize(s2);
        let norms2: Vec<String> = toks2.iter().map(|t| t.norm.clone()).collect();
        assert_eq!(c.parties.find(&toks), c.parties.find_keys(&toks, &norms));
        let titles = c.titles.find(&toks2);
        assert_eq!(titles, c.titles.find_keys(&toks2, &norms2));
        assert_eq!(titles.len(), 3, "{titles:?}");
        assert_eq!((titles[0].start, titles[0].end), (1, 4));
        // "NATO" and "Nato" both listed: the name is meant in any case, "nato" too.
        let toks3 = tokenize("did the nato chief say anything to us");
        let parties: Vec<&str> = c
            .parties
            .find(&toks3)
            .iter()
            .map(|h| c.lexicon.parties[h.entity].id.as_str())
            .collect();
        assert_eq!(parties, ["nato"]);
    }

    #[test]
    fn bad_toml_is_an_error_naming_the_file() {
        let err = Lexicon::from_toml("parties = 3", "", ("lex.toml", "lang.toml")).unwrap_err();
        assert!(err.to_string().contains("lex.toml"));
    }

    #[test]
    fn small_talk_before_a_question_word_is_dropped_only_after_a_preamble_end() {
        let c = Lexicon::builtin().compile();
        assert_eq!(
            c.drop_preamble("sorry dumb q but what is crimea"),
            "what is crimea"
        );
        assert_eq!(c.drop_preamble("ok so who is vance"), "who is vance");
        // Not after a sentence end, not after "and": the start still carries the question.
        assert_eq!(
            c.drop_preamble("he pulled out of london?? why tho"),
            "he pulled out of london?? why tho"
        );
        assert_eq!(
            c.drop_preamble("who is vance and what did he say"),
            "who is vance and what did he say"
        );
        assert_eq!(c.drop_preamble("what is crimea"), "what is crimea");
    }

    #[test]
    fn a_language_with_a_month_missing_is_an_error_naming_the_file() {
        let mut table = toml::Table::try_from(builtin_language()).unwrap();
        let months = table
            .get_mut("months")
            .and_then(|m| m.as_array_mut())
            .unwrap();
        months.pop();
        let text = toml::to_string(&table).unwrap();
        let err = Lexicon::from_toml("", &text, ("lex.toml", "lang.toml")).unwrap_err();
        assert!(err.to_string().contains("lang.toml"), "{err}");
        assert!(err.to_string().contains("found 7 and 11"), "{err}");
    }

    #[test]
    fn a_period_word_must_name_a_known_span_and_datelines_need_twelve_months() {
        let mut table = toml::Table::try_from(builtin_language()).unwrap();
        table.insert(
            "periods".into(),
            toml::Value::try_from(vec![("fortnight", "fortnight")]).unwrap(),
        );
        let text = toml::to_string(&table).unwrap();
        let err = Lexicon::from_toml("", &text, ("lex.toml", "lang.toml")).unwrap_err();
        assert!(err.to_string().contains("lang.toml"), "{err}");
        assert!(err.to_string().contains("\"fortnight\""), "{err}");
        let mut table = toml::Table::try_from(builtin_language()).unwrap();
        table
            .get_mut("month_abbreviations")
            .and_then(|m| m.as_array_mut())
            .unwrap()
            .pop();
        let text = toml::to_string(&table).unwrap();
        let err = Lexicon::from_toml("", &text, ("lex.toml", "lang.toml")).unwrap_err();
        assert!(err.to_string().contains("found 11"), "{err}");
        // The built-in spans compile; a shift word is read with its sign.
        let c = Lexicon::builtin().compile();
        assert_eq!(c.periods.get("weekend"), Some(&Period::Weekend));
        assert_eq!(c.period_shifts.get("last"), Some(&-1));
    }

    #[test]
    fn cause_cues_that_only_ask_are_kept_by_their_stems() {
        let c = Lexicon::builtin().compile();
        let mut got: Vec<&str> = c
            .cause_cue_stems_asked_only
            .iter()
            .map(String::as_str)
            .collect();
        got.sort_unstable();
        assert_eq!(got, ["over", "reason"]);
        // A cue listed here is no cause stem of a sentence; "why" (stem "whi") still is.
        assert_eq!(stem("why"), "whi");
        assert_eq!(c.count_phrases[0], ["how", "many"]);
    }

    #[test]
    fn the_question_words_after_small_talk_come_from_the_language_data() {
        let mut lex = Lexicon::builtin();
        assert_eq!(
            lex.compile().drop_preamble("ok so who is vance"),
            "who is vance"
        );
        lex.language.question_words = vec!["wer".to_string()];
        let c = lex.compile();
        assert_eq!(c.drop_preamble("ok so wer ist vance"), "wer ist vance");
        assert_eq!(c.drop_preamble("ok so who is vance"), "ok so who is vance");
    }

    #[test]
    fn a_language_written_before_a_word_list_existed_takes_the_built_in_one() {
        let mut table = toml::Table::try_from(builtin_language()).unwrap();
        for key in [
            "asked_place_nouns",
            "country_nouns",
            "filler_words",
            "pair_stopwords",
            "contractions",
            "summary_words",
            "speech_nouns",
            "predicate_connectives",
            "introducing_verbs",
            "source_prepositions",
            "viewpoint_prepositions",
            "echo_nouns",
            "object_relatives",
            "citing_verbs",
            "nominal_markers",
            "habitual_verbs",
            "hearsay_verbs",
            "naming_words",
            "feminine_kin_nouns",
            "masculine_kin_nouns",
            "owner_prepositions",
            "term_cues",
            "nickname_cues",
            "question_tags",
            "programme_parts",
            "ordinal_words",
            "first_person_subjects",
            "masculine_pronouns",
            "feminine_pronouns",
            "document_verbs",
            "masculine_honorifics",
            "feminine_honorifics",
            "participles",
            "reporting_phrases",
            "issuing_verbs",
            "idiom_reporting_verbs",
            "weekdays",
            "months",
            "future_words",
            "weekday_lead_words",
            "year_prepositions",
            "relative_days",
            "period_shifts",
            "periods",
            "month_abbreviations",
            "question_words",
            "cause_cues_asked_only",
            "place_phrase_prepositions",
            "title_abbreviations",
            "lowered_openers",
            "count_phrases",
            "definition_questions",
            "asked_thing_words",
            "asked_thing_skips",
            "asked_kind_nouns",
            "future_asked_words",
            "outcome_words",
            "past_asked_words",
            "stance_holder_prepositions",
            "followup_openers",
            "followup_pronouns",
            "description_openers",
            "role_introducers",
            "rank_modifiers",
            "article_nouns",
            "description_noun_classes",
            "description_stops",
            "speaker_noun_classes",
            "opener_rewrites",
            "measure_questions",
            "measure_units",
            "money_questions",
            "money_units",
            "place_nouns",
            "leading_verbs",
            "leading_agents",
            "role_taking_verbs",
            "role_office_words",
            "former_role_words",
            "stance_verbs",
            "stance_nouns",
        ] {
            assert!(table.remove(key).is_some(), "{key}");
        }
        let old: Language = toml::Value::Table(table).try_into().unwrap();
        assert!(old.filler_words.contains(&"happened".to_string()));
        assert!(old.place_phrase_prepositions.contains(&"at".to_string()));
        assert!(old.pair_stopwords.contains(&"the".to_string()));
        assert!(!old.contractions.is_empty());
        assert!(old.summary_words.contains(&"recap".to_string()));
        assert!(old.speech_nouns.contains(&"statement".to_string()));
        assert!(old.predicate_connectives.contains(&"but".to_string()));
        assert!(old.introducing_verbs.contains(&"was".to_string()));
        assert!(old.source_prepositions.contains(&"from".to_string()));
        assert!(old.viewpoint_prepositions.contains(&"for".to_string()));
        assert!(old.masculine_pronouns.contains(&"he".to_string()));
        assert!(old.feminine_pronouns.contains(&"she".to_string()));
        assert!(old.document_verbs.contains(&"reads".to_string()));
        assert!(old.masculine_honorifics.contains(&"Mr".to_string()));
        assert!(old.feminine_honorifics.contains(&"Ms".to_string()));
        assert!(old.participles.contains(&"describing".to_string()));
        assert!(old.issuing_verbs.contains(&"issued".to_string()));
        assert!(old.idiom_reporting_verbs.contains(&"put".to_string()));
        assert_eq!(old.weekdays.len(), 7);
        assert_eq!(old.months.len(), 12);
        assert!(old.future_words.contains(&"will".to_string()));
        assert!(old.weekday_lead_words.contains(&"on".to_string()));
        assert!(old.year_prepositions.contains(&"since".to_string()));
        assert!(old.relative_days.contains(&("yesterday".to_string(), -1)));
        assert!(old.period_shifts.contains(&("next".to_string(), 1)));
        assert!(old
            .periods
            .contains(&("weekend".to_string(), "weekend".to_string())));
        assert_eq!(old.month_abbreviations.len(), 12);
        assert!(old.question_words.contains(&"who".to_string()));
        assert!(old.cause_cues_asked_only.contains(&"reason".to_string()));
        assert!(old.title_abbreviations.contains(&"pm".to_string()));
        assert!(old.lowered_openers.contains(&"three".to_string()));
        assert!(old.count_phrases.contains(&"how many".to_string()));
        assert!(old
            .definition_questions
            .iter()
            .any(|p| p == &["what", "is"]));
        assert!(old.stance_holder_prepositions.contains(&"to".to_string()));
        assert!(old.followup_openers.contains(&"what about ".to_string()));
        assert!(old.followup_pronouns.contains(&"their".to_string()));
        assert!(old.description_openers.contains(&"these".to_string()));
        assert!(old.role_introducers.contains(&"its".to_string()));
        assert!(old.place_nouns.contains(&"port".to_string()));
        assert!(old.leading_verbs.contains(&"led".to_string()));
        assert!(old.leading_agents.contains(&"by".to_string()));
        assert!(old.role_office_words.contains(&"press".to_string()));
        assert!(old.former_role_words.contains(&"former".to_string()));
        assert!(old.stance_verbs.iter().any(|g| g[0] == "rejects"));
        assert!(old.stance_nouns.iter().any(|g| g[0] == "proposes"));
    }

    #[test]
    fn a_stance_word_group_must_start_with_a_stance() {
        let language = format!("{DEFAULT_LANGUAGE}\nstance_verbs = [[\"frowns\", \"frowned\"]]\n");
        // A key given twice is a TOML error too; the replaced list is what is checked here.
        let language = language.replacen("stance_verbs = [", "old_stance_verbs = [", 1);
        let err = Lexicon::from_toml(DEFAULT_LEXICON, &language, ("l", "language.toml"))
            .expect_err("an unknown stance is refused");
        assert!(err.to_string().contains("frowns"), "{err}");
        // The built-in groups all name stances, and the verbs table finds a multi-word verb.
        let c = Lexicon::builtin().compile();
        let hits = c
            .stances
            .verbs
            .find(&tokenize("Kyiv would not recognise it"));
        assert_eq!(hits.len(), 1);
        assert_eq!(c.stances.stances[hits[0].entity], Stance::Rejects);
    }
}
