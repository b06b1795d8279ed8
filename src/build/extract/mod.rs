//! One article -> its facts: people and their roles, unnamed sources, direct quotes with their
//! speakers (continuations included), reported statements, dated events, numbers, positions.
//!
//! The patterns are those of English news writing, with every word list taken from
//! `config/language.toml` and every party or topic from `config/lexicon.toml`: nothing here knows
//! about one article. Extraction runs in two passes over the whole set: [`find_people`] gathers
//! named people (a name with a title before it, an appositive after it, or a reporting verb), then
//! [`extract`] reads each article with that registry.
//!
//! This file owns the sentence walk of pass two, as the list of its phases; `sentence` holds the
//! shared pieces (sentences, masks, citations); each kind of fact has its own file: `registry`
//! (people across articles and their mentions), `words` (the words of names and places),
//! `people` (pass one: names and roles), `attribution` (who a reporting verb's subject is),
//! `references` (what a pronoun or bare title stands for), `sentence_subject` (whom a sentence
//! is about by its shape), `quotes` (quotation marks), `dates`, `numbers`, `positions`. The
//! phases of the walk: `headline` (interview, headline person), `transcript` (transcript
//! turns), `surnames` (a shared surname written alone), `tags` (parties, topics, people),
//! `quote_speaker` (who says each quotation), `inner` (quotations inside another),
//! `statements` (reported statements), `handover` (whom a sentence hands on to the next). It
//! must not read files or know any article, party or person by name.

mod attribution;
mod dates;
mod handover;
mod headline;
mod inner;
mod numbers;
mod people;
mod positions;
mod quote_speaker;
mod quotes;
mod references;
mod registry;
mod sentence;
mod sentence_subject;
mod statements;
mod surnames;
mod tags;
mod transcript;
mod turns;
mod words;

pub use people::{add_people, find_people, named_sentences, NamedSentences};
pub use registry::{PersonDraft, Registry};
pub use words::{name_words, place_words};

use attribution::Reader;
use dates::events_in;
use headline::headline_person;
use numbers::numbers_in;
use people::unknown_names;
use positions::positions_in;
use quotes::QuoteSpan;
use registry::person_mentions;
use sentence::{adjacent, adjacent_or_soft, cite, party_mask, sentences_of, title_mask, Sent};
use statements::statement_in;
use tags::tags_of;

use std::collections::HashMap;

use crate::article::Article;
use crate::knowledge::{Event, NumberFact, Position, Quote, Speaker, Statement, UnnamedSource};
use crate::lexicon::Compiled;
use crate::text::CharMap;

/// A sentence's tags and span, as extracted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceFacts {
    /// Byte span in the paragraph.
    pub span: (usize, usize),
    /// Party ids.
    pub parties: Vec<String>,
    /// Topic ids.
    pub topics: Vec<String>,
    /// Person ids mentioned.
    pub people: Vec<String>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleFacts {
    /// Per paragraph, per sentence.
    pub sentences: Vec<Vec<SentenceFacts>>,
    /// Unnamed sources.
    pub sources: Vec<UnnamedSource>,
    /// Direct quotes.
    pub quotes: Vec<Quote>,
    /// Reported statements.
    pub statements: Vec<Statement>,
    /// Dated events.
    pub events: Vec<Event>,
    /// Numbers.
    pub numbers: Vec<NumberFact>,
    /// Positions and proposals.
    pub positions: Vec<Position>,
    /// People named only here by a single name ("Ostrav said").
    pub new_people: Vec<PersonDraft>,
}

/// Sentence id: `<article>#p<n>s<k>` (both from 1).
pub fn sentence_id(article: &str, paragraph: u32, k: usize) -> String {
    format!("{article}#p{paragraph}s{}", k + 1)
}

/// Pass two: reads one article with the registry of people.
pub fn extract(article: &Article, c: &Compiled, registry: &Registry) -> ArticleFacts {
    let mut r = Reader {
        article,
        c,
        registry,
        facts: ArticleFacts::default(),
        new_people: HashMap::new(),
        last_named: None,
        here: Vec::new(),
        here_unknown: None,
        reason: None,
        pronoun: None,
        issued: None,
        lone_sex: None,
        seen: Vec::new(),
        learned_sex: HashMap::new(),
        turn: None,
    };
    // Who a surname several people share stands for here: the one of them named in full.
    // Every paragraph's sentences, read once for the walks below, and the people each
    // paragraph names in full.
    let para_sents: Vec<Vec<Sent>> = article
        .paragraphs
        .iter()
        .map(|p| sentences_of(&p.text, c))
        .collect();
    let para_full: Vec<std::collections::HashSet<usize>> = para_sents
        .iter()
        .map(|sents| registry.named_in_full(sents))
        .collect();
    let in_full_anywhere: std::collections::HashSet<usize> =
        para_full.iter().flatten().copied().collect();
    let person_party = positions::person_parties(registry, c);
    let interview = headline::is_interview(&para_sents);
    // The one person the headline names in full ("The woman at the long table: Lena
    // Korsgaard and ..."): whom a surname they share with others stands for, in a piece about
    // them, when nothing else settles it.
    let headline_full =
        headline_person(&article.title, c, registry, &in_full_anywhere).filter(|&pi| {
            registry.people[pi].words.len() > 1
                && registry
                    .named_in_full(&sentences_of(&article.title, c))
                    .contains(&pi)
        });
    let mut answerer: Option<Speaker> = if interview {
        headline_person(&article.title, c, registry, &in_full_anywhere)
            .map(|pi| Speaker::Person(r.person_id(pi)))
    } else {
        None
    };
    let mut after_question = false;
    // Who issued the written statement the sentences before tell of.
    let mut issued: Option<Speaker> = None;
    let mut quote_no = 0;
    let mut statement_no = 0;
    // The speaker (or lone named subject) of the sentence before, with its verb: a quotation
    // standing alone as a sentence or paragraph continues it.
    let mut previous: Option<(Speaker, Option<String>)> = None;
    // The people named in full in the sentences read so far.
    let mut so_far = std::collections::HashSet::new();
    let mut prev_full: std::collections::HashSet<usize> = std::collections::HashSet::new();
    // What the uses of surnames so far settled.
    let mut surnames = surnames::Surnames::default();
    // Who a name stands for at this point (`Registry::named_so_far`), and the size of `so_far`
    // it was worked out for.
    let mut in_full = registry.named_so_far(&in_full_anywhere, &so_far);
    let mut in_full_for = 0;
    // Transcript turns: what earlier speakers' tags settled.
    let mut tags = transcript::Tags::new(&in_full_anywhere);
    for ((p, sents), this_full) in article.paragraphs.iter().zip(&para_sents).zip(para_full) {
        let map = CharMap::new(&p.text);
        let quotes: &[QuoteSpan] = match sents.first() {
            Some(s) => s.quotes(),
            None => &[],
        };
        let mut para_facts = Vec::new();
        // The people named in full in this paragraph and the one before.
        let near_full: std::collections::HashSet<usize> =
            this_full.union(&prev_full).copied().collect();
        // The speaker of a quotation that opened the sentence before and was attributed right
        // after it ("“A,” X says."): a quotation standing alone next continues it ("“B.”").
        let mut split_prev: Option<(Speaker, Option<String>)> = None;
        // "PELL: Because ...": a transcript turn is its speaker's words, quotation marks or
        // not; a quotation inside it is read as any other.
        transcript::turn_quote(&mut r, &mut tags, p, sents, &map, &mut quote_no);
        for (k, s) in sents.iter().enumerate() {
            let sid = sentence_id(&article.id, p.n, k);
            so_far.extend(registry.named_in_full(std::slice::from_ref(s)));
            // `so_far` only grows: the same size is the same set, and the same answer.
            if so_far.len() != in_full_for {
                in_full = registry.named_so_far(&in_full_anywhere, &so_far);
                in_full_for = so_far.len();
            }
            let mut mentions = person_mentions(s, registry, &in_full, c);
            surnames.settle(
                s,
                &mut mentions,
                headline_full,
                (&this_full, &near_full),
                registry,
                c,
            );
            r.learn_sex_from_kin(s, &mentions);
            r.settle_by_courtesy(s, &mut mentions, &in_full);
            surnames.record(s, &mentions, &so_far, registry);
            // Quotes starting in this sentence, and the words outside every quotation.
            let sentence_quotes: Vec<QuoteSpan> = quotes
                .iter()
                .copied()
                .filter(|q| q.open >= s.start && q.open < s.end)
                .collect();
            let quoted = |at: usize| quotes.iter().any(|q| at >= q.open && at < q.close);
            r.here = mentions
                .iter()
                .copied()
                .filter(|m| !quoted(s.tokens[m.start].start))
                .collect();
            r.here_unknown = unknown_names(s, c, registry, &mentions)
                .into_iter()
                .find(|&(a, _)| !quoted(s.tokens[a].start))
                .map(|(a, _)| a);
            r.pronoun = None;
            r.lone_sex = None;
            for pi in r.here.iter().filter_map(|m| m.person) {
                if !r.seen.contains(&pi) {
                    r.seen.push(pi);
                }
            }
            let saids = r.said_in(s, &mentions, p.n, &map);
            // Tags.
            let facts = tags_of(s, &mentions, registry, c);
            let outside: String = {
                let mut t = s.hay[s.start..s.end].to_string();
                for q in sentence_quotes.iter().rev() {
                    let (a, b) = (q.open - s.start, (q.close.min(s.end)) - s.start);
                    t.replace_range(a..b, "");
                }
                t
            };
            let whole_quote =
                !sentence_quotes.is_empty() && outside.chars().all(|ch| !ch.is_alphanumeric());
            let (spoke, split_next) = quote_speaker::quote_speakers(
                &mut r,
                quote_speaker::At {
                    p,
                    sents,
                    quotes,
                    map: &map,
                    k,
                    s,
                    sid: &sid,
                    sentence_quotes: &sentence_quotes,
                    saids: &saids,
                    whole_quote,
                    in_full: &in_full,
                    interview,
                    after_question,
                    issued: &issued,
                    previous: &previous,
                    split_prev: &split_prev,
                },
                &mut answerer,
                &mut quote_no,
            );
            // A reported statement: the first verb that reports something besides a quote.
            statement_in(
                &mut r.facts.statements,
                &mut statement_no,
                s,
                &saids,
                &sentence_quotes,
                (article, p.n),
                &sid,
                &map,
            );
            // What this sentence hands on to the next.
            let question = handover::hand_on(
                &mut r,
                handover::Read {
                    p,
                    quotes,
                    map: &map,
                    s,
                    saids: &saids,
                    whole_quote,
                },
                spoke,
                &mut issued,
                &mut previous,
            );
            after_question = question;
            split_prev = split_next;
            r.reason = None;
            // Events and numbers.
            events_in(&mut r.facts.events, s, article, p.n, &sid, &map, c);
            numbers_in(&mut r.facts.numbers, s, article, p.n, &sid, &map, c);

            // Positions and proposals.
            let speakers: Vec<Option<Speaker>> =
                saids.iter().map(|sd| sd.speaker.clone()).collect();
            positions_in(
                &mut r.facts,
                &speakers,
                s,
                &facts.topics,
                &sid,
                registry,
                &person_party,
                c,
                cite(&article.id, p.n, &map, s.start, s.end),
            );
            para_facts.push(facts);
        }
        r.facts.sentences.push(para_facts);
        prev_full = this_full;
        surnames.next_paragraph();
    }
    let mut new_people: Vec<PersonDraft> = r.new_people.into_values().collect();
    new_people.sort_by(|a, b| a.id.cmp(&b.id));
    r.facts.new_people = new_people;
    r.facts
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests;
