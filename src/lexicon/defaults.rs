//! The built-in copy of every word list of [`Language`]: what a knowledge file or config folder
//! written before a list existed reads for it (an old file must not lose its filler words on
//! upgrade).
//!
//! Owns one function per serde default, each reading the built-in `config/language.toml`. It
//! must not hold any word itself.

use super::{Language, DEFAULT_LANGUAGE};

/// The built-in language file, parsed once: where a knowledge file written before a word list
/// existed takes that list from (an old file must not lose its filler words on upgrade).
pub(super) fn builtin_language() -> &'static Language {
    static LANGUAGE: std::sync::LazyLock<Language> = std::sync::LazyLock::new(|| {
        toml::from_str(DEFAULT_LANGUAGE).expect("the built-in config/language.toml parses")
    });
    &LANGUAGE
}

pub(super) fn builtin_filler_words() -> Vec<String> {
    builtin_language().filler_words.clone()
}

pub(super) fn builtin_pair_stopwords() -> Vec<String> {
    builtin_language().pair_stopwords.clone()
}

pub(super) fn builtin_contractions() -> Vec<(String, String)> {
    builtin_language().contractions.clone()
}

pub(super) fn builtin_summary_words() -> Vec<String> {
    builtin_language().summary_words.clone()
}

pub(super) fn builtin_predicate_connectives() -> Vec<String> {
    builtin_language().predicate_connectives.clone()
}

pub(super) fn builtin_introducing_verbs() -> Vec<String> {
    builtin_language().introducing_verbs.clone()
}

pub(super) fn builtin_source_prepositions() -> Vec<String> {
    builtin_language().source_prepositions.clone()
}

pub(super) fn builtin_habitual_verbs() -> Vec<String> {
    builtin_language().habitual_verbs.clone()
}

pub(super) fn builtin_hearsay_verbs() -> Vec<String> {
    builtin_language().hearsay_verbs.clone()
}

pub(super) fn builtin_naming_words() -> Vec<String> {
    builtin_language().naming_words.clone()
}

pub(super) fn builtin_feminine_kin_nouns() -> Vec<String> {
    builtin_language().feminine_kin_nouns.clone()
}

pub(super) fn builtin_masculine_kin_nouns() -> Vec<String> {
    builtin_language().masculine_kin_nouns.clone()
}

pub(super) fn builtin_owner_prepositions() -> Vec<String> {
    builtin_language().owner_prepositions.clone()
}

pub(super) fn builtin_term_cues() -> Vec<String> {
    builtin_language().term_cues.clone()
}

pub(super) fn builtin_nickname_cues() -> Vec<String> {
    builtin_language().nickname_cues.clone()
}

pub(super) fn builtin_question_tags() -> Vec<String> {
    builtin_language().question_tags.clone()
}

pub(super) fn builtin_ordinal_words() -> Vec<(String, f64)> {
    builtin_language().ordinal_words.clone()
}

pub(super) fn builtin_programme_parts() -> Vec<Vec<String>> {
    builtin_language().programme_parts.clone()
}

pub(super) fn builtin_first_person_subjects() -> Vec<String> {
    builtin_language().first_person_subjects.clone()
}

pub(super) fn builtin_nominal_markers() -> Vec<String> {
    builtin_language().nominal_markers.clone()
}

pub(super) fn builtin_citing_verbs() -> Vec<String> {
    builtin_language().citing_verbs.clone()
}

pub(super) fn builtin_object_relatives() -> Vec<String> {
    builtin_language().object_relatives.clone()
}

pub(super) fn builtin_echo_nouns() -> Vec<String> {
    builtin_language().echo_nouns.clone()
}

pub(super) fn builtin_viewpoint_prepositions() -> Vec<String> {
    builtin_language().viewpoint_prepositions.clone()
}

pub(super) fn builtin_masculine_pronouns() -> Vec<String> {
    builtin_language().masculine_pronouns.clone()
}

pub(super) fn builtin_feminine_pronouns() -> Vec<String> {
    builtin_language().feminine_pronouns.clone()
}

pub(super) fn builtin_document_verbs() -> Vec<String> {
    builtin_language().document_verbs.clone()
}

pub(super) fn builtin_masculine_honorifics() -> Vec<String> {
    builtin_language().masculine_honorifics.clone()
}

pub(super) fn builtin_feminine_honorifics() -> Vec<String> {
    builtin_language().feminine_honorifics.clone()
}

pub(super) fn builtin_participles() -> Vec<String> {
    builtin_language().participles.clone()
}

pub(super) fn builtin_reporting_phrases() -> Vec<String> {
    builtin_language().reporting_phrases.clone()
}

pub(super) fn builtin_issuing_verbs() -> Vec<String> {
    builtin_language().issuing_verbs.clone()
}

pub(super) fn builtin_idiom_reporting_verbs() -> Vec<String> {
    builtin_language().idiom_reporting_verbs.clone()
}

pub(super) fn builtin_speech_nouns() -> Vec<String> {
    builtin_language().speech_nouns.clone()
}

pub(super) fn builtin_weekdays() -> Vec<String> {
    builtin_language().weekdays.clone()
}

pub(super) fn builtin_months() -> Vec<String> {
    builtin_language().months.clone()
}

pub(super) fn builtin_future_words() -> Vec<String> {
    builtin_language().future_words.clone()
}

pub(super) fn builtin_weekday_lead_words() -> Vec<String> {
    builtin_language().weekday_lead_words.clone()
}

pub(super) fn builtin_year_prepositions() -> Vec<String> {
    builtin_language().year_prepositions.clone()
}

pub(super) fn builtin_relative_days() -> Vec<(String, i64)> {
    builtin_language().relative_days.clone()
}

pub(super) fn builtin_period_shifts() -> Vec<(String, i64)> {
    builtin_language().period_shifts.clone()
}

pub(super) fn builtin_periods() -> Vec<(String, String)> {
    builtin_language().periods.clone()
}

pub(super) fn builtin_month_abbreviations() -> Vec<String> {
    builtin_language().month_abbreviations.clone()
}

pub(super) fn builtin_question_words() -> Vec<String> {
    builtin_language().question_words.clone()
}

pub(super) fn builtin_place_phrase_prepositions() -> Vec<String> {
    builtin_language().place_phrase_prepositions.clone()
}

pub(super) fn builtin_cause_cues_asked_only() -> Vec<String> {
    builtin_language().cause_cues_asked_only.clone()
}

pub(super) fn builtin_title_abbreviations() -> Vec<String> {
    builtin_language().title_abbreviations.clone()
}

pub(super) fn builtin_lowered_openers() -> Vec<String> {
    builtin_language().lowered_openers.clone()
}

pub(super) fn builtin_count_phrases() -> Vec<String> {
    builtin_language().count_phrases.clone()
}

pub(super) fn builtin_definition_questions() -> Vec<Vec<String>> {
    builtin_language().definition_questions.clone()
}

pub(super) fn builtin_asked_thing_words() -> Vec<String> {
    builtin_language().asked_thing_words.clone()
}

pub(super) fn builtin_asked_thing_skips() -> Vec<String> {
    builtin_language().asked_thing_skips.clone()
}

pub(super) fn builtin_asked_kind_nouns() -> Vec<Vec<String>> {
    builtin_language().asked_kind_nouns.clone()
}

pub(super) fn builtin_future_asked_words() -> Vec<String> {
    builtin_language().future_asked_words.clone()
}

pub(super) fn builtin_outcome_words() -> Vec<String> {
    builtin_language().outcome_words.clone()
}

pub(super) fn builtin_past_asked_words() -> Vec<String> {
    builtin_language().past_asked_words.clone()
}

pub(super) fn builtin_stance_holder_prepositions() -> Vec<String> {
    builtin_language().stance_holder_prepositions.clone()
}

pub(super) fn builtin_followup_openers() -> Vec<String> {
    builtin_language().followup_openers.clone()
}

pub(super) fn builtin_followup_pronouns() -> Vec<String> {
    builtin_language().followup_pronouns.clone()
}

pub(super) fn builtin_description_openers() -> Vec<String> {
    builtin_language().description_openers.clone()
}

pub(super) fn builtin_role_introducers() -> Vec<String> {
    builtin_language().role_introducers.clone()
}

pub(super) fn builtin_measure_questions() -> Vec<String> {
    builtin_language().measure_questions.clone()
}

pub(super) fn builtin_measure_units() -> Vec<String> {
    builtin_language().measure_units.clone()
}

pub(super) fn builtin_money_questions() -> Vec<String> {
    builtin_language().money_questions.clone()
}

pub(super) fn builtin_money_units() -> Vec<String> {
    builtin_language().money_units.clone()
}

pub(super) fn builtin_opener_rewrites() -> Vec<(String, String)> {
    builtin_language().opener_rewrites.clone()
}

pub(super) fn builtin_description_noun_classes() -> Vec<String> {
    builtin_language().description_noun_classes.clone()
}

pub(super) fn builtin_speaker_noun_classes() -> Vec<String> {
    builtin_language().speaker_noun_classes.clone()
}

pub(super) fn builtin_description_stops() -> Vec<String> {
    builtin_language().description_stops.clone()
}

pub(super) fn builtin_article_nouns() -> Vec<String> {
    builtin_language().article_nouns.clone()
}

pub(super) fn builtin_rank_modifiers() -> Vec<String> {
    builtin_language().rank_modifiers.clone()
}

pub(super) fn builtin_asked_place_nouns() -> Vec<String> {
    builtin_language().asked_place_nouns.clone()
}

pub(super) fn builtin_country_nouns() -> Vec<String> {
    builtin_language().country_nouns.clone()
}

pub(super) fn builtin_place_nouns() -> Vec<String> {
    builtin_language().place_nouns.clone()
}

pub(super) fn builtin_leading_verbs() -> Vec<String> {
    builtin_language().leading_verbs.clone()
}

pub(super) fn builtin_leading_agents() -> Vec<String> {
    builtin_language().leading_agents.clone()
}

pub(super) fn builtin_role_taking_verbs() -> Vec<String> {
    builtin_language().role_taking_verbs.clone()
}

pub(super) fn builtin_role_office_words() -> Vec<String> {
    builtin_language().role_office_words.clone()
}

pub(super) fn builtin_former_role_words() -> Vec<String> {
    builtin_language().former_role_words.clone()
}

pub(super) fn builtin_stance_verbs() -> Vec<Vec<String>> {
    builtin_language().stance_verbs.clone()
}

pub(super) fn builtin_stance_adjectives() -> Vec<Vec<String>> {
    builtin_language().stance_adjectives.clone()
}

pub(super) fn builtin_stance_nouns() -> Vec<Vec<String>> {
    builtin_language().stance_nouns.clone()
}

pub(super) fn builtin_stance_for_words() -> Vec<Vec<String>> {
    builtin_language().stance_for_words.clone()
}

pub(super) fn builtin_stance_speaker_words() -> Vec<Vec<String>> {
    builtin_language().stance_speaker_words.clone()
}

pub(super) fn builtin_stance_subject_skips() -> Vec<String> {
    builtin_language().stance_subject_skips.clone()
}

pub(super) fn builtin_stance_passive_words() -> Vec<String> {
    builtin_language().stance_passive_words.clone()
}

pub(super) fn builtin_stance_negations() -> Vec<String> {
    builtin_language().stance_negations.clone()
}

pub(super) fn builtin_stance_object_words() -> Vec<String> {
    builtin_language().stance_object_words.clone()
}

pub(super) fn builtin_stance_speaker_pronouns() -> Vec<String> {
    builtin_language().stance_speaker_pronouns.clone()
}

pub(super) fn builtin_stance_speaker_possessives() -> Vec<String> {
    builtin_language().stance_speaker_possessives.clone()
}

pub(super) fn builtin_stance_anaphora_words() -> Vec<String> {
    builtin_language().stance_anaphora_words.clone()
}

pub(super) fn builtin_stance_background_words() -> Vec<String> {
    builtin_language().stance_background_words.clone()
}

pub(super) fn builtin_stance_question_words() -> Vec<String> {
    builtin_language().stance_question_words.clone()
}
