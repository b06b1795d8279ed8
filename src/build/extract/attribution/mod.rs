//! Who a reporting verb's subject is: a named person, an unnamed source or body, or nobody.
//!
//! Owns the reading of "X said", "said X", "according to X", "X called it", bodies and unnamed
//! sources, and the channel after a verb ("told reporters", "wrote on X"); a pronoun or bare
//! title is handed to `references`. It must not find quotation marks or decide which quote a
//! verb belongs to (that is `quotes` and the sentence walk in `extract/mod.rs`).
//!
//! This file holds the `Reader` that carries one article's reading state and the channel after
//! a verb; `verbs` finds the reporting verbs and their speakers, `aside` the subject before an
//! aside set off by commas, `subject` a clause's subject, `phrase` what a noun phrase names, and
//! `names` the people the article introduces as it goes.

use std::collections::HashMap;

use super::references::Named;
use super::registry::Mention;
use super::{adjacent, ArticleFacts, PersonDraft, Registry, Sent};
use crate::article::Article;
use crate::knowledge::Speaker;
use crate::lexicon::Compiled;

mod aside;
mod names;
mod phrase;
mod subject;
#[cfg(test)]
mod tests;
mod verbs;

/// A resolved speaker with the tokens that name it.
#[derive(Debug, Clone)]
pub(super) struct Said {
    pub(super) speaker: Option<Speaker>,
    pub(super) verb: usize,
    /// True for `“...,” X said` and `“...,” said X`.
    pub(super) after_quote: bool,
    /// True for a characterising verb ("X called it “...”"): it attributes its quotation only.
    pub(super) characterising: bool,
    /// Why the speaker could not be told, when it could not.
    pub(super) reason: Option<String>,
}

pub(super) struct Reader<'a> {
    pub(super) article: &'a Article,
    pub(super) c: &'a Compiled,
    pub(super) registry: &'a Registry,
    pub(super) facts: ArticleFacts,
    pub(super) new_people: HashMap<String, PersonDraft>,
    /// The nearest earlier sentence that names a person.
    pub(super) last_named: Option<Named>,
    /// The current sentence's person mentions outside quotations, and whether it names someone
    /// unknown before a token index (the first unknown name's start).
    pub(super) here: Vec<Mention>,
    pub(super) here_unknown: Option<usize>,
    /// Why the last phrase resolved to nobody.
    pub(super) reason: Option<String>,
    /// A pronoun of the current sentence resolved to a person: its token and the person.
    pub(super) pronoun: Option<(usize, usize)>,
    /// Who issued the written statement the sentences before tell of.
    pub(super) issued: Option<Speaker>,
    /// A pronoun of the current sentence, before the person it names, that stands for nobody
    /// settled: its token and whether it stands for a man.
    pub(super) lone_sex: Option<(usize, bool)>,
    /// The people the article has named so far, in order: who a bare title may stand for when
    /// only one of them holds it.
    pub(super) seen: Vec<usize>,
    /// People whose sex the article's own words have told so far (a pronoun settled to them,
    /// a courtesy title before their settled surname): `None` once told both ways.
    pub(super) learned_sex: HashMap<usize, Option<bool>>,
    /// The speaker of the transcript turn being read ("PELL: ..."), whom its "I" stands for.
    pub(super) turn: Option<Speaker>,
}

impl<'a> Reader<'a> {
    /// Whether a pronoun stands for a man (`Some(true)`), a woman (`Some(false)`) or says not.
    pub(super) fn sex_of(&self, word: &str) -> Option<bool> {
        if self.c.masculine_pronouns.contains(word) {
            Some(true)
        } else if self.c.feminine_pronouns.contains(word) {
            Some(false)
        } else {
            None
        }
    }
    pub(super) fn person_id(&self, idx: usize) -> String {
        self.registry.people[idx].id.clone()
    }
}

/// The channel after a reporting verb: "wrote on X", "said in a statement", "told reporters".
pub(super) fn channel_after(s: &Sent, verb: usize, c: &Compiled) -> Option<String> {
    let toks = &s.tokens;
    let mut k = verb + 1;
    // Skip a following subject ("said Falkmoor on Pulse") of capitalised words.
    while k < toks.len() && toks[k].capital && adjacent(s.hay, toks[k - 1].end, toks[k].start) {
        k += 1;
    }
    let first = toks.get(k)?;
    if !adjacent(s.hay, toks[k - 1].end, first.start) {
        return None;
    }
    let told = c.audience_verbs.contains(&toks[verb].norm);
    if !(c.channel_words.contains(&first.norm) || told) {
        return None;
    }
    let mut e = k + 1;
    while e < toks.len()
        && e - k < 4
        && adjacent(s.hay, toks[e - 1].end, toks[e].start)
        && !(e > k + 1 && c.channel_stops.contains(&toks[e].norm))
    {
        e += 1;
    }
    // A channel never ends on a preposition: "told reporters in" is "to reporters".
    while e > k + 1 && c.channel_trailing_words.contains(&toks[e - 1].norm) {
        e -= 1;
    }
    let text = &s.hay[first.start..toks[e - 1].end];
    Some(if told {
        format!("to {text}")
    } else {
        text.to_string()
    })
}
