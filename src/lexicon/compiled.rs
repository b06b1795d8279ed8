//! The lexicon compiled for fast lookups: alias tables, word sets and synonym groups, made
//! once from the [`Lexicon`].
//!
//! Owns [`Compiled`] and [`Lexicon::compile`]. It must not parse a file (`mod.rs` does) nor
//! rewrite a question (`questions` does).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::text::{normalize, stem, tokenize};

use super::{AliasTable, Lexicon, Period, StanceWords};

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
