//! The stance words of `config/language.toml`, compiled: the verbs, adjectives and nouns
//! that say a speaker is for or against something, and the words around them.
//!
//! Owns [`StanceWords`]. It must not read a sentence's stance (the builder's `positions` does).

use rustc_hash::FxHashSet as HashSet;

use crate::knowledge::Stance;
use crate::text::normalize;

use super::{AliasTable, Language};

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
    pub(super) fn new(l: &Language) -> StanceWords {
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
