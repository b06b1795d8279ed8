//! The only call the front ends make: [`Engine::ask`] and [`Engine::run`] turn a question or a
//! command into an [`Answer`] that quotes the articles verbatim or declines. Pure: no disk, no
//! network, no Discord.
//!
//! [`Engine::ask`] is a pipeline, one module a step:
//!
//! 1. clean ([`clean`]): bound the length, drop control characters and mention syntax; then
//!    mend chat's mistypes ([`mend`]): possessives without apostrophes, dropped gs, typos;
//! 2. understand ([`understand`]): the intent ([`crate::intent`]), the slots (people by name,
//!    surname, possessive or misspelling; parties by alias; topics by lexicon, stems and
//!    synonyms), the follow-up context, and the weighted terms to search for;
//! 3. retrieve ([`retrieve`]): BM25 over sentences ([`crate::index`]) plus boosts for the matched
//!    slots, and the facts (quotes, statements) of a speaker;
//! 4. decide ([`decide`]): whether what was found supports an answer, or why it does not;
//! 5. compose ([`compose`]): the lead, the quotes with their citations, the suggestions.
//!
//! The answer kinds ([`intents`], one file each) run steps 3 to 5 their own way. Start-up
//! ([`start`], [`tables`]) builds the tables every step reads; [`restore`] checks tables read back
//! from a snapshot.
//!
//! This file owns the [`Engine`] type and the order of the steps; it must not hold the steps
//! themselves.

mod clean;
mod command;
mod compose;
mod decide;
mod intents;
mod mend;
mod restore;
mod retrieve;
mod start;
mod tables;
mod tuning;
mod understand;

use serde::{Deserialize, Serialize};
use tracing::debug;

use crate::answer::{Answer, Context};
use crate::index::Index;
use crate::intent::{Intent, IntentMatcher};
use crate::knowledge::{Knowledge, Speaker};
use crate::lexicon::Compiled;
use crate::text::{normalize, stem};
use rustc_hash::FxHashMap;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub use clean::{cited_chars, clean_question, MAX_QUESTION_CHARS};
pub use command::Command;
use decide::DeclineReason;
use tables::{SentIds, SentRec};
pub use tuning::{Tuning, TuningError};
use understand::{NameWord, Query};

/// Reply settings the engine honours.
#[derive(Debug, Clone)]
pub struct EngineSettings {
    /// Most quotes in one reply.
    pub max_quotes: usize,
    /// Every weight, threshold and limit (`config/engine.toml`).
    pub tuning: Tuning,
}

impl Default for EngineSettings {
    fn default() -> Self {
        EngineSettings {
            max_quotes: 3,
            tuning: Tuning::built_in(),
        }
    }
}

/// What an autocomplete asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    /// People (named).
    Person,
    /// Parties.
    Party,
    /// Topics.
    Topic,
    /// Articles (by title).
    Article,
}

/// What a fact is, for ranking and for how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) enum FactRef {
    Sentence(usize),
    Quote(usize),
    Statement(usize),
}

/// A position a party holds: on which topic (`NO_TOPIC` for none of the lexicon's), in which
/// sentence, with what stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Held {
    pub(crate) topic: u32,
    pub(crate) sentence: u32,
    pub(crate) stance: crate::knowledge::Stance,
}

/// The topic of a position on no topic of the lexicon.
pub(crate) const NO_TOPIC: u32 = u32::MAX;

/// The answer engine over one loaded knowledge file.
///
/// What start-up computes from the knowledge serializes, so `crate::snapshot` can store it and
/// a later start reads it instead of computing it again; the knowledge itself, the settings and
/// what is cheap to make (the compiled lexicon, the intents) are skipped and set on load. An
/// `Engine` deserialized on its own is therefore only tables without knowledge and must not
/// answer: read one with [`crate::snapshot::load`], which restores and checks it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Engine {
    #[serde(skip)]
    knowledge: Knowledge,
    #[serde(skip)]
    settings: EngineSettings,
    #[serde(skip)]
    lex: Compiled,
    #[serde(skip, default = "IntentMatcher::builtin")]
    intents: IntentMatcher,
    sents: Vec<SentRec>,
    sent_by_id: SentIds,
    /// The stem of every word form in the sentences, so answers need not stem them again.
    stem_cache: FxHashMap<String, String>,
    /// The sentence of each quote and each statement, looked up once.
    quote_sent: Vec<Option<usize>>,
    statement_sent: Vec<Option<usize>>,
    event_sent: Vec<Option<usize>>,
    index: Index,
    norms: rustc_hash::FxHashSet<String>,
    name_words: HashMap<String, Vec<usize>>,
    statement_by_sent: HashMap<usize, usize>,
    events_by_sent: HashMap<usize, Vec<usize>>,
    numbers_by_sent: HashMap<usize, Vec<usize>>,
    cause_sents: HashSet<usize>,
    /// Sentences holding a place phrase ("held at the Palacio Arenal").
    place_sents: HashSet<usize>,
    title_stems: Vec<Vec<String>>,
    sources_for_person: HashMap<String, Vec<usize>>,
    people_by_party: HashMap<String, Vec<usize>>,
    role_stems: Vec<HashSet<String>>,
    title_word_stems: HashSet<String>,
    /// Stems of each unnamed source's description, and of the nouns that name sources.
    source_stems: Vec<HashSet<String>>,
    source_noun_stems: HashSet<String>,
    /// Article indexes, newest first.
    newest_first: Vec<usize>,
    #[serde(skip)]
    filler: HashSet<String>,
    proposal_sents: HashSet<usize>,
    quotes_in_sent: HashMap<usize, Vec<usize>>,
    /// Sentences that mention each person (by person index).
    person_sents: Vec<Vec<usize>>,
    /// Quotes and statements by speaker.
    by_speaker: HashMap<Speaker, Vec<FactRef>>,
    /// The positions each party holds, by party id.
    positions_by_party: HashMap<String, Vec<Held>>,
    /// Parties of the people and sources speaking in a sentence.
    speaker_parties: HashMap<u32, Vec<u32>>,
    /// The party names `speaker_parties` numbers.
    speaker_party_names: Vec<String>,
    /// Corpus words by first letter, for spelling correction.
    norms_by_initial: HashMap<char, Vec<String>>,
    /// Each sentence's words for phrase pairs, as stem ids (`pair_vocab`): sentence `s` has
    /// `pair_words[pair_starts[s]..pair_starts[s + 1]]`. Kept from start-up so that ranking
    /// need not tokenise and stem its leading sentences again for every question.
    pair_vocab: FxHashMap<String, u32>,
    pair_words: Vec<u32>,
    pair_starts: Vec<u32>,
    /// `name_words` of four letters or more, in word order, for spelling correction; made
    /// from `name_words` on start and on load.
    #[serde(skip)]
    name_list: Vec<NameWord>,
}

impl Engine {
    /// The stem of a normalised word: from the corpus' stems when it is there.
    pub(crate) fn stem(&self, norm: &str) -> String {
        self.stem_ref(norm).into_owned()
    }

    /// A sentence's words for phrase pairs, as stem ids.
    pub(crate) fn pair_words_of(&self, s: usize) -> &[u32] {
        let (a, b) = (
            self.pair_starts[s] as usize,
            self.pair_starts[s + 1] as usize,
        );
        &self.pair_words[a..b]
    }

    /// [`Engine::stem`], borrowed from the corpus' stems when it is there.
    pub(crate) fn stem_ref(&self, norm: &str) -> std::borrow::Cow<'_, str> {
        match self.stem_cache.get(norm) {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(stem(norm)),
        }
    }

    /// Answers from now on with these weights and thresholds (the tables are unchanged: no
    /// number in [`Tuning`] shapes them).
    pub fn set_tuning(&mut self, tuning: Tuning) {
        self.settings.tuning = tuning;
    }

    /// The knowledge it answers from, less what the engine holds in its own indexes: the
    /// `positions` list, each sentence's `parties`, `topics` and `people`, and the `sentence`
    /// id of each quote, statement, event and number are empty here (load the file again for a
    /// complete copy).
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// Autocomplete choices for a slot, best first.
    pub fn complete(&self, kind: SlotKind, prefix: &str, limit: usize) -> Vec<String> {
        let p = normalize(prefix.trim());
        let names: Vec<String> = match kind {
            SlotKind::Person => self
                .knowledge
                .people
                .iter()
                .map(|x| x.name.clone())
                .collect(),
            SlotKind::Party => self
                .knowledge
                .lexicon
                .parties
                .iter()
                .map(|x| x.name.clone())
                .collect(),
            SlotKind::Topic => self
                .knowledge
                .lexicon
                .topics
                .iter()
                .map(|x| x.name.clone())
                .collect(),
            SlotKind::Article => self
                .knowledge
                .articles
                .iter()
                .map(|x| x.title.clone())
                .collect(),
        };
        let mut scored: Vec<(u8, String)> = names
            .into_iter()
            .filter_map(|n| {
                let nn = normalize(&n);
                if p.is_empty() || nn.starts_with(&p) {
                    Some((0, n))
                } else if nn.split([' ', '-']).any(|w| w.starts_with(&p)) {
                    Some((1, n))
                } else if nn.contains(&p) {
                    Some((2, n))
                } else {
                    None
                }
            })
            .collect();
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(limit).map(|x| x.1).collect()
    }

    /// Answers a free question, with an optional follow-up context.
    #[tracing::instrument(level = "debug", skip_all, fields(chars = question.len()))]
    pub fn ask(&self, question: &str, context: Option<&Context>) -> Answer {
        let clean = clean_question(question);
        // Chat shorthand and title abbreviations are read as what they stand for; the reply
        // still echoes the question as it was asked.
        // Shorthand first: a question word typed short ("but wat is") still ends a preamble.
        let expanded = self.lex.expand_shorthand(&clean);
        let expanded = self.lex.drop_preamble(&expanded).to_string();
        let expanded = self.lex.rewrite_opener(&expanded);
        let expanded = self.mend_possessives(&expanded);
        let mut q = self.analyse(&expanded, context);
        let mut answer = if clean.is_empty() {
            // Nothing was asked: say what can be, but it is not an answer.
            let mut a = self.help_answer(&clean, true);
            a.answered = false;
            let reason = DeclineReason::EmptyQuestion;
            a.lead = format!("{} {}", reason.lead(), a.lead);
            a.explanation.decline_reason = Some(reason.reason());
            a
        } else {
            self.answer(&expanded, &mut q)
        };
        answer.question = clean;
        debug!(intent = %answer.intent, answered = answer.answered, cited = answer.quotes.len(), "answered");
        answer
    }

    /// A name several people share, settled by the rest of the question: each of them is
    /// asked about in turn, and when the sources answer for exactly one ("orsk seemed
    /// lukewarm when talks restarted, what did he say": only one Orsk is quoted on that), the
    /// answer is that one's, its lead saying which person was taken. Otherwise None: which
    /// one is meant is asked back.
    fn settle_ambiguous(&self, clean: &str, q: &Query) -> Option<Answer> {
        let (name, people) = q.ambiguous.first()?;
        let norm = name.to_lowercase();
        let groups: Vec<usize> = q
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.norm == norm)
            .map(|(k, _)| k)
            .collect();
        let mut answered = people.iter().filter_map(|&p| {
            let mut one = q.clone();
            one.ambiguous.remove(0);
            one.people.insert(0, p);
            // The shared name now names that person: it is a slot, not a word to look for.
            for t in one.terms.iter_mut().filter(|t| groups.contains(&t.group)) {
                t.slot = true;
            }
            let a = self.answer(clean, &mut one);
            a.answered.then_some((p, a))
        });
        let (p, mut a) = answered.next()?;
        // Lazily: a second answer is asked for only when there was a first.
        if answered.next().is_some() {
            return None;
        }
        let others: Vec<&str> = people
            .iter()
            .filter(|&&o| o != p)
            .map(|&o| self.knowledge.people[o].name.as_str())
            .collect();
        a.lead = format!(
            "Taking **{}** to be **{}** (the sources have nothing on this from {}). {}",
            crate::answer::escape_markdown(name),
            self.knowledge.people[p].name,
            others.join(" or "),
            a.lead
        );
        Some(a)
    }

    pub(crate) fn answer(&self, clean: &str, q: &mut Query) -> Answer {
        // Which of several people a name means is asked back, never guessed, when the
        // answer is about that person.
        // A shared name beside a person named in full ("how did Kessling respond to Brandt's
        // interview") is what is asked about, a word to look for like any other.
        if !q.ambiguous.is_empty()
            && q.people.is_empty()
            && matches!(q.intent.name, Intent::Who | Intent::Said | Intent::Position)
        {
            return self
                .settle_ambiguous(clean, q)
                .unwrap_or_else(|| self.ambiguous(clean, q));
        }
        // A role no one holds, asked about (with a person named, only one asked before them).
        if q.unknown_role.is_some() && !q.intent.name.is_meta() {
            return self.role_not_held(clean, q);
        }
        // A topic the lexicon knows but no sentence of the sources is about ("referendum")
        // is as absent as a name they never mention.
        let absent_topics: Vec<String> = q
            .topics
            .iter()
            .map(|&t| &self.knowledge.lexicon.topics[t])
            .filter(|t| {
                self.knowledge
                    .summaries
                    .topics
                    .get(&t.id)
                    .is_none_or(|v| v.is_empty())
            })
            .map(|t| t.name.clone())
            .collect();
        if !absent_topics.is_empty() && q.people.is_empty() {
            q.unknown_names.extend(absent_topics);
        }
        if !q.unknown_names.is_empty() && !q.intent.name.is_meta() {
            return self.absent(clean, q);
        }
        match q.intent.name {
            Intent::Greeting | Intent::Help => {
                self.help_answer(clean, q.intent.name == Intent::Help)
            }
            Intent::Sources => self.sources_answer(clean),
            Intent::Summary => self.summary_answer(clean, q),
            Intent::Who => self.who_answer(clean, q),
            Intent::Said => self.said_answer(clean, q),
            Intent::WhoSaid => self.who_said_answer(clean, q),
            Intent::Position => self.position_answer(clean, q),
            Intent::Opinion => self.opinion_answer(clean, q),
            // Retrieval, its lead fitted to the question kind. A timeline follow-up searches
            // too: the timeline itself is only ever the `/timeline` command's.
            Intent::Proposal
            | Intent::When
            | Intent::Where
            | Intent::HowMany
            | Intent::Why
            | Intent::Search
            | Intent::Timeline => self.search_answer(clean, q),
        }
    }
}

/// An engine over short invented articles (see `intents::engine_from`), for tests elsewhere.
#[cfg(test)]
pub(crate) fn intents_engine_from(articles: &[(&str, &str, &str)]) -> Engine {
    intents::engine_from(articles)
}

#[cfg(test)]
mod tests {
    /// Chat around a definition question: a preamble ended before a question word typed short
    /// ("sorry dumb q but wat ...") and an adverb inside it ("what even is") still ask what the
    /// thing is, so the sentence defining it leads.
    #[test]
    fn a_definition_question_survives_chat_around_it() {
        let e = crate::engine::intents::seed();
        for q in [
            "sorry dumb q but wat even is crimea",
            "what even is crimea",
            "ok so wat is crimea",
        ] {
            let a = e.ask(q, None);
            let first = a.citations().next().map(|c| c.quote.clone());
            assert!(
                first
                    .as_deref()
                    .is_some_and(|c| c.contains("the Ukrainian peninsula")),
                "{q}: {first:?}"
            );
        }
    }

    /// A shared surname is settled by the rest of the question when the sources answer it for
    /// exactly one of the people sharing it; with nothing to settle it, which one is asked
    /// back; beside a person named in full, it is what is asked about.
    #[test]
    fn a_shared_name_is_settled_by_the_question_or_asked_back() {
        let e = super::intents::own_quotes();
        let a = e.ask(
            "orsk seemed kinda lukewarm when talks restarted, what did he actually say",
            None,
        );
        assert!(a.answered, "{}", a.to_markdown());
        assert!(
            a.lead.starts_with("Taking **Orsk** to be **Pavel Orsk**"),
            "{}",
            a.lead
        );
        assert!(
            a.citations().any(|c| c.quote.contains("drawn in a hurry")),
            "{}",
            a.to_markdown()
        );
        let a = e.ask("what did orsk say", None);
        assert!(!a.answered);
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("a name several people in the sources share")
        );
        let a = e.ask("how did kessling respond to brandt's interview", None);
        assert_ne!(
            a.explanation.decline_reason.as_deref(),
            Some("a name several people in the sources share"),
            "{}",
            a.to_markdown()
        );
    }
}
