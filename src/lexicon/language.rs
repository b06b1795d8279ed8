//! The vocabulary of English news writing that the builder and the matcher lean on, as
//! `config/language.toml` spells it: titles, reporting verbs, source nouns, synonyms.
//!
//! Owns the fields and their serde defaults (a list a knowledge file was written without takes
//! its built-in copy, from `defaults`). It must not compile the lists (`compiled` does) nor hold
//! any word itself: the words are in `config/language.toml`.

use serde::{Deserialize, Serialize};

use super::defaults::*;

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
