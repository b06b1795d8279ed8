//! One article -> its facts: people and their roles, unnamed sources, direct quotes with their
//! speakers (continuations included), reported statements, dated events, numbers, positions.
//!
//! The patterns are those of English news writing, with every word list taken from
//! `config/language.toml` and every party or topic from `config/lexicon.toml`: nothing here knows
//! about one article. Extraction runs in two passes over the whole set: [`find_people`] gathers
//! named people (a name with a title before it, an appositive after it, or a reporting verb), then
//! [`extract`] reads each article with that registry.
//!
//! This file owns the sentence walk of pass two; `sentence` holds the shared pieces (sentences,
//! masks, citations); each kind of fact has its own file: `registry` (people across articles and their
//! mentions), `people` (pass one: names and roles), `attribution` (who a reporting verb's
//! subject is), `references` (what a pronoun or bare title stands for), `quotes` (quotation
//! marks), `dates`, `numbers`, `positions`. It must not read files or know any article, party
//! or person by name.

mod attribution;
mod dates;
mod numbers;
mod people;
mod positions;
mod quotes;
mod references;
mod registry;
mod sentence;
mod sentence_subject;
mod turns;
mod words;

pub use people::{add_people, find_people, named_sentences, NamedSentences};
pub use registry::{PersonDraft, Registry};
pub use words::{name_words, place_words};

use attribution::{channel_after, Reader, Said};
use dates::events_in;
use numbers::numbers_in;
use people::unknown_names;
use positions::positions_in;
use quotes::{find_quotes, inner_quotes, names_a_term, names_a_thing, trim_quote, QuoteSpan};
use references::Named;
use registry::{person_mentions, Mention};
use sentence::{
    adjacent, adjacent_or_soft, cite, party_mask, sentences_of, surname_alone, title_mask, Sent,
};
use sentence_subject::{subject_mention, viewpoint_person};

use std::cell::OnceCell;
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

/// A quotation at bytes `start..end` of paragraph `paragraph` (text `text`) with no reporting
/// verb, channel or continuation (a transcript turn, a quotation inside another), in the
/// sentence holding its start (else sentence `fallback`); unattributed until its speaker is set.
fn bare_quote(
    article: &str,
    paragraph: u32,
    text: &str,
    sents: &[Sent],
    map: &CharMap,
    (start, end, fallback): (usize, usize, usize),
    number: usize,
) -> Quote {
    let at = sents
        .iter()
        .position(|o| o.start <= start && start < o.end)
        .unwrap_or(fallback);
    Quote {
        id: format!("{article}#q{number}"),
        text: text[start..end].to_string(),
        speaker: Speaker::Unattributed,
        verb: None,
        channel: None,
        continuation: false,
        reason: None,
        sentence: sentence_id(article, paragraph, at),
        cite: cite(article, paragraph, map, start, end),
    }
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
    // An interview: questions, each answered by a sentence that opens with a quotation, whose
    // answers are the words of the one person the headline names, or of whoever an answer is
    // given to.
    let interview = {
        let mut asked = false;
        let mut answered = 0;
        for sents in &para_sents {
            for s in sents.iter() {
                let quotes = s.quotes();
                if asked && quotes.iter().any(|q| q.open == s.start) {
                    answered += 1;
                }
                asked = asks(s, quotes);
            }
        }
        answered >= 2
    };
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
    // The uses of known surnames in the paragraph before and in this one so far.
    let mut prev_uses: Vec<(String, Option<usize>)> = Vec::new();
    let mut here_uses: Vec<(String, Option<usize>)> = Vec::new();
    // Whom each surname written alone has stood for so far.
    let mut bare_for: HashMap<String, std::collections::HashSet<usize>> = HashMap::new();
    // Whom each surname written alone has stood for while no namesake was yet named in full:
    // the article's own convention for that surname.
    let mut bare_alone: HashMap<String, std::collections::HashSet<usize>> = HashMap::new();
    // Who a name stands for at this point (`Registry::named_so_far`), and the size of `so_far`
    // it was worked out for.
    let mut in_full = registry.named_so_far(&in_full_anywhere, &so_far);
    let mut in_full_for = 0;
    // Transcript turns: the people the article names in full, whom a speaker's tag may name,
    // and the people earlier tags' brackets named in full.
    let mut named_here: Vec<usize> = in_full_anywhere.iter().copied().collect();
    named_here.sort_unstable();
    let mut tag_named: Vec<(String, Vec<String>)> = Vec::new();
    // The titles earlier tags gave each person (as the words of their name).
    let mut tag_given: Vec<(Vec<String>, String)> = Vec::new();
    // The article's words, lowercase, where a title stands before a surname ("Envoy Quist").
    let article_lower = OnceCell::new();
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
        r.turn = None;
        if let Some((tag, who)) = turns::turn_tag(&p.text).and_then(|t| {
            let lower = article_lower.get_or_init(|| {
                article
                    .paragraphs
                    .iter()
                    .map(|p| {
                        let from = turns::turn_tag(&p.text).map_or(0, |t| t.body);
                        p.text[from..].to_lowercase()
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            let who =
                turns::tag_speaker(&t, registry, &named_here, &tag_named, &tag_given, lower, c)?;
            Some((t, who))
        }) {
            let whose = match &who {
                turns::TagWho::Person(pi) => Some(registry.people[*pi].words.clone()),
                turns::TagWho::Named(name) => Some(name_words(name)),
                turns::TagWho::Unsettled(_) => None,
            };
            if let Some(words) = whose {
                for t in turns::tag_titles(&tag, c) {
                    tag_given.push((words.clone(), t));
                }
            }
            let (speaker, reason) = match who {
                turns::TagWho::Person(pi) => (Speaker::Person(r.person_id(pi)), None),
                turns::TagWho::Named(name) => {
                    let id = crate::text::slug(&name);
                    if registry.get(&id).is_none() {
                        r.new_people.entry(id.clone()).or_insert(PersonDraft {
                            id: id.clone(),
                            words: name_words(&name),
                            name: name.clone(),
                            roles: vec![],
                            affiliation: None,
                            affiliation_via: None,
                            honorific_titles: vec![],
                        });
                    }
                    if !tag_named.iter().any(|(n, _)| *n == name) {
                        tag_named.push((name.clone(), name_words(&name)));
                    }
                    (Speaker::Person(id), None)
                }
                turns::TagWho::Unsettled(why) => (Speaker::Unattributed, Some(why)),
            };
            let (qs, qe) = (tag.body, p.text.trim_end().len());
            if qe > qs {
                if matches!(speaker, Speaker::Person(_)) {
                    r.turn = Some(speaker.clone());
                }
                quote_no += 1;
                let at = (qs, qe, 0);
                let q = bare_quote(&article.id, p.n, &p.text, sents, &map, at, quote_no);
                r.facts.quotes.push(Quote {
                    speaker,
                    reason,
                    ..q
                });
            }
        }
        for (k, s) in sents.iter().enumerate() {
            let mut split_next: Option<(Speaker, Option<String>)> = None;
            let sid = sentence_id(&article.id, p.n, k);
            so_far.extend(registry.named_in_full(std::slice::from_ref(s)));
            // `so_far` only grows: the same size is the same set, and the same answer.
            if so_far.len() != in_full_for {
                in_full = registry.named_so_far(&in_full_anywhere, &so_far);
                in_full_for = so_far.len();
            }
            let mut mentions = person_mentions(s, registry, &in_full, c);
            // Not when someone else of that surname is named in full in this paragraph or the
            // one before ("his wife, Irena Aldane, ... “...,” Aldane said" is not settled).
            let other_near = |h: usize| {
                near_full.iter().any(|&o| {
                    o != h && registry.people[o].words.last() == registry.people[h].words.last()
                })
            };
            if let Some(h) = headline_full.filter(|&h| !other_near(h)) {
                let surname = registry.people[h].words.last();
                for m in mentions.iter_mut().filter(|m| {
                    m.person.is_none()
                        && m.end == m.start + 1
                        && Some(&s.tokens[m.start].norm) == surname
                        // Not after another given name ("Erik Korsgaard" is not hers).
                        && (m.start == 0
                            || !s.tokens[m.start - 1].capital
                            || !adjacent(s.hay, s.tokens[m.start - 1].end, s.tokens[m.start].start))
                }) {
                    m.person = Some(h);
                }
            }
            // "Lena Korsgaard, Vellamar's special envoy, is pleased. “...,” Korsgaard said.": a
            // surname several people share, with no title before it, is the one person whose
            // full name is every use of that surname in this paragraph so far and the one
            // before, when no one else of that surname is named in full in this paragraph.
            for m in mentions
                .iter_mut()
                .filter(|m| m.person.is_none() && m.end == m.start + 1)
            {
                let i = m.start;
                let sur = &s.tokens[i].norm;
                if !surname_alone(s, i, c) {
                    continue;
                }
                let uses: Vec<Option<usize>> = prev_uses
                    .iter()
                    .chain(&here_uses)
                    .filter(|(w, _)| w == sur)
                    .map(|(_, p)| *p)
                    .collect();
                let Some(&Some(one)) = uses.first() else {
                    continue;
                };
                let rival = this_full
                    .iter()
                    .any(|&o| o != one && registry.people[o].words.last() == Some(sur));
                // Not when the article has let the surname alone stand for someone else
                // ("Korsgaard, 61, told ..." of Erik, then "Lena Korsgaard ... Korsgaard").
                let other_bare = bare_for
                    .get(sur)
                    .is_some_and(|set| set.iter().any(|&o| o != one));
                if !rival && !other_bare && uses.iter().all(|&p| p == Some(one)) {
                    m.person = Some(one);
                }
            }
            // "Lena Korsgaard ... Korsgaard, 61, chairs the talks. Her father, Erik Korsgaard,
            // ... (later) “...,” Korsgaard says.": a surname the article let stand alone for one
            // person before any namesake was named, and for nobody else since, stays theirs
            // once a namesake is named (house style gives the namesake their full name); not
            // when that namesake is named in full in this paragraph or the one before, where
            // the reader could take either.
            for m in mentions
                .iter_mut()
                .filter(|m| m.person.is_none() && m.end == m.start + 1)
            {
                let i = m.start;
                let sur = &s.tokens[i].norm;
                if !surname_alone(s, i, c) {
                    continue;
                }
                let Some(one) = bare_alone
                    .get(sur)
                    .filter(|set| set.len() == 1)
                    .and_then(|set| set.iter().next().copied())
                else {
                    continue;
                };
                if bare_for
                    .get(sur)
                    .is_some_and(|set| set.iter().any(|&o| o != one))
                {
                    continue;
                }
                let namesake_near = near_full
                    .iter()
                    .any(|&o| o != one && registry.people[o].words.last() == Some(sur));
                if !namesake_near {
                    m.person = Some(one);
                }
            }
            here_uses.extend(registry.surname_uses(s));
            r.learn_sex_from_kin(s, &mentions);
            r.settle_by_courtesy(s, &mut mentions, &in_full);
            for m in mentions.iter().filter(|m| m.end == m.start + 1) {
                if let Some(p) = m.person {
                    if registry.people[p].words.last() == Some(&s.tokens[m.start].norm) {
                        bare_for
                            .entry(s.tokens[m.start].norm.clone())
                            .or_default()
                            .insert(p);
                        let namesake_so_far = so_far.iter().any(|&o| {
                            o != p
                                && registry.people[o].words.last()
                                    == registry.people[p].words.last()
                        });
                        if !namesake_so_far {
                            bare_alone
                                .entry(s.tokens[m.start].norm.clone())
                                .or_default()
                                .insert(p);
                        }
                    }
                }
            }
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
            let mut facts = SentenceFacts {
                span: (s.start, s.end),
                ..Default::default()
            };
            for h in s.party_hits(c) {
                push_unique(&mut facts.parties, &c.lexicon.parties[h.entity].id);
            }
            for h in c.topics.find(&s.tokens) {
                push_unique(&mut facts.topics, &c.lexicon.topics[h.entity].id);
            }
            for pi in mentions.iter().filter_map(|m| m.person) {
                let id = registry.people[pi].id.clone();
                if let Some(aff) = registry.people[pi]
                    .affiliation
                    .as_ref()
                    .filter(|a| c.lexicon.parties.iter().any(|p| &p.id == *a))
                {
                    push_unique(&mut facts.parties, aff);
                }
                push_unique(&mut facts.people, &id);
            }
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
            let mut spoke: Option<(Speaker, Option<String>)> = None;
            for q in &sentence_quotes {
                let (qs, qe) = trim_quote(&p.text, q.start, q.end);
                if qe <= qs {
                    continue;
                }
                // A verb right after the quote attributes it, unless it is a second predicate
                // ("said ... “...” and called it ...").
                let near = |sent: &Sent, sd: &Said| {
                    let vt = &sent.tokens[sd.verb];
                    // "Speaking to RLI's “Morning Report”, Ruskin said: “...”": a verb whose
                    // colon opens a later quotation introduces that one only.
                    // A quotation ending on a comma or a question waits for its verb
                    // ("“A,” Varga said, adding: “B”").
                    let waits = p.text[q.start..q.end].trim_end().ends_with([',', '?', '!']);
                    let introduces_later = !waits
                        && quotes.iter().any(|o| {
                            o.open > vt.start
                                && o.open != q.open
                                && sent.hay[vt.end..o.open].trim_end().ends_with(':')
                                && sent.hay[vt.end..o.open].len() < 60
                        });
                    let second = sd.verb > 0
                        && c.predicate_connectives
                            .contains(&sent.tokens[sd.verb - 1].norm)
                        && sent.tokens[sd.verb - 1].start >= q.close;
                    !second
                        && !introduces_later
                        && vt.start >= q.close
                        && sent
                            .tokens
                            .iter()
                            .filter(|t| t.start >= q.close && t.start < vt.start)
                            .count()
                            <= 6
                };
                // Attribution: a verb right after the quote, else the nearest verb before it.
                // A characterising verb with a quotation after it characterises that one only
                // ("X — “Iron Viktor” to his fans — blasted the talks as “...”").
                let after_verb = saids.iter().find(|sd| {
                    near(s, sd)
                        && !sentence_quotes
                            .iter()
                            .any(|o| o.open > q.open && o.open < s.tokens[sd.verb].start)
                        && !(sd.characterising
                            && sentence_quotes
                                .iter()
                                .any(|o| o.open > s.tokens[sd.verb].start))
                });
                let after = after_verb.filter(|sd| sd.speaker.is_some());
                let before = saids
                    .iter()
                    .rev()
                    .find(|sd| s.tokens[sd.verb].end <= q.open);
                // A quote of several sentences is attributed where it closes: “A. B,” X said.
                let mut later: Option<(Option<Speaker>, String)> = None;
                // The verb after such a quote whose speaker the text does not settle: the quote
                // is nobody's then, not the speaker before it continuing.
                let mut later_unsettled: Option<(String, Option<String>)> = None;
                if after.is_none() && q.close > s.end {
                    if let Some(end_sentence) =
                        sents.iter().find(|o| o.start < q.close && q.close <= o.end)
                    {
                        let mut end_mentions = person_mentions(end_sentence, registry, &in_full, c);
                        r.settle_by_courtesy(end_sentence, &mut end_mentions, &in_full);
                        let end_saids = r.said_in(end_sentence, &end_mentions, p.n, &map);
                        // Only when the sentence before names several known people, one of
                        // whom might be taken for the speaker continuing.
                        let several = r.last_named.as_ref().is_some_and(|n| n.persons.len() > 1);
                        later_unsettled = end_saids
                            .iter()
                            .find(|sd| near(end_sentence, sd))
                            .filter(|sd| sd.speaker.is_none() && several)
                            .map(|sd| {
                                (end_sentence.tokens[sd.verb].norm.clone(), sd.reason.clone())
                            });
                        later = end_saids
                            .iter()
                            .find(|sd| near(end_sentence, sd) && sd.speaker.is_some())
                            .map(|sd| {
                                (
                                    sd.speaker.clone(),
                                    end_sentence.tokens[sd.verb].norm.clone(),
                                )
                            });
                    }
                }
                let text = &p.text[qs..qe];
                let mut continuation = false;
                let mut by_after = false;
                let mut reason = None;
                // "Will there be a deal? “Ask me in September,” she says.": in an interview, a
                // pronoun answering the question is the one who answers.
                let pronoun_answer = after_question
                    && after.is_none()
                    && after_verb.is_some()
                    && s.tokens
                        .iter()
                        .find(|t| t.start >= q.close)
                        .is_some_and(|t| c.person_pronouns.contains(&t.norm));
                // "known in the press room as “Mumbling Magnus”": a nickname the text gives
                // someone is what others call them, whatever verb follows.
                let nickname = !whole_quote
                    && people::nickname_words(text, c)
                        .is_some_and(|w| registry.nicknames.contains_key(&w));
                let (speaker, verb) = if nickname {
                    reason = Some("a nickname in quotation marks, not words said".into());
                    (None, None)
                } else if after_verb.is_none() && !whole_quote && names_a_thing(text, c) {
                    reason = Some("a name or title in quotation marks, not words said".into());
                    (None, None)
                } else if after_verb.is_none() && !whole_quote && names_a_term(s, q.open, text, c) {
                    reason = Some("a term for something in quotation marks, not words said".into());
                    (None, None)
                } else if pronoun_answer && answerer.is_some() {
                    let sd = after_verb.expect("checked");
                    (answerer.clone(), Some(s.tokens[sd.verb].norm.clone()))
                } else if let Some(sd) = after {
                    by_after = true;
                    (sd.speaker.clone(), Some(s.tokens[sd.verb].norm.clone()))
                } else if let Some((sp, v)) = later {
                    (sp, Some(v))
                } else if let Some((v, why)) = later_unsettled {
                    reason = Some(why.unwrap_or_else(|| {
                        "the verb after this quotation has no speaker the text settles".into()
                    }));
                    (None, Some(v))
                } else if issued.is_some() && r.about_the_statement(s) {
                    // "It reads in full: “...”": the words of who issued it.
                    (issued.clone(), None)
                } else if let Some(sd) = before {
                    reason = sd.reason.clone();
                    (sd.speaker.clone(), Some(s.tokens[sd.verb].norm.clone()))
                } else if let Some(sd) = closing_tag(s, &saids, q, c) {
                    (sd.speaker.clone(), Some(s.tokens[sd.verb].norm.clone()))
                } else if whole_quote && after_question && spoke.is_none() {
                    // An answer to the question before it: the interview's, or nobody's.
                    if answerer.is_none() {
                        reason = Some(
                            "an answer to a question, and the text does not say who answers".into(),
                        );
                    }
                    (answerer.clone(), None)
                } else if whole_quote {
                    // The sentence after it, in the same paragraph, when it names someone:
                    // "“...” That was the verdict of X." names the speaker; a sentence naming
                    // anyone else leaves the words to nobody.
                    // A sentence inside this quotation ("“A. Teodora thinks B.”") is its own
                    // words, not the sentence after it.
                    let next_names = sents
                        .get(k + 1)
                        .filter(|n| n.start >= q.close)
                        .filter(|n| !quotes.iter().any(|o| o.open >= n.start && o.open < n.end))
                        .map(|n| {
                            let ms = person_mentions(n, registry, &in_full, c);
                            let runs = unknown_names(n, c, registry, &ms);
                            let unknown = !runs.is_empty();
                            // "That was the verdict of Noreen Tully, 44, whose ...": the full
                            // name the echo's "of" opens, nobody known named in the sentence.
                            let fresh = runs
                                .first()
                                .filter(|&&(x, y)| {
                                    ms.is_empty()
                                        && y - x >= 2
                                        && x > 0
                                        && x <= 6
                                        && n.tokens[x - 1].norm == "of"
                                        && !n.tokens[y - 1].possessive
                                        && people::given_name_like(&n.tokens[x].norm)
                                        && (y == n.tokens.len()
                                            || p.text[n.tokens[y - 1].end..n.tokens[y].start]
                                                .contains(','))
                                })
                                .map(|&(x, y)| {
                                    let end =
                                        n.tokens[y - 1].start + n.tokens[y - 1].base(&p.text).len();
                                    p.text[n.tokens[x].start..end].to_string()
                                });
                            // "“...” — Rafael Unger, the negotiator": a dash before the
                            // name signs the quotation, as an echo noun does.
                            let dash = n.tokens.first().is_some_and(|t| {
                                p.text[q.close.min(t.start)..t.start]
                                    .trim_start()
                                    .starts_with(['—', '–'])
                            }) && ms.first().is_some_and(|m| m.start == 0);
                            let echo = dash
                                || n.tokens
                                    .iter()
                                    .take(4)
                                    .any(|t| c.echo_nouns.contains(&t.norm));
                            let own: Vec<Mention> = ms
                                .iter()
                                .copied()
                                .filter(|m| !n.tokens[m.end - 1].possessive)
                                .collect();
                            (ms, own, unknown, echo, fresh)
                        })
                        .filter(|(ms, _, unknown, _, _)| !ms.is_empty() || *unknown);
                    let previous_person = |m: &Mention| {
                        m.person.is_some_and(|pi| {
                            matches!(&previous, Some((Speaker::Person(id), _)) if *id == registry.people[pi].id)
                        })
                    };
                    // "“Is this the deal you wanted?” Farrant asked.": a question or exclamation
                    // ends the sentence at its closing mark, so the tag after it stands alone; a
                    // next sentence that is only a subject and its reporting verb (with at most
                    // an object or an aside after a comma) is that tag.
                    let tag_after = if spoke.is_none()
                        && p.text[q.start..q.end].trim_end().ends_with(['?', '!'])
                    {
                        sents
                            .get(k + 1)
                            .filter(|n| n.start >= q.close)
                            .filter(|n| !quotes.iter().any(|o| o.open >= n.start && o.open < n.end))
                            .and_then(|n| {
                                let mut ms = person_mentions(n, registry, &in_full, c);
                                r.settle_by_courtesy(n, &mut ms, &in_full);
                                let why = r.reason.take();
                                let sds = r.said_in(n, &ms, p.n, &map);
                                r.reason = why;
                                sds.into_iter().find_map(|sd| {
                                    let vt = &n.tokens[sd.verb];
                                    let head = &p.text[n.start..vt.start];
                                    let tail =
                                        p.text[vt.end..n.end].split(',').next().unwrap_or("");
                                    let tag = sd.verb <= 4
                                        && !head.contains([',', '(', '—', '–', ':'])
                                        && tail.split_whitespace().count() <= 3
                                        && !tail.split_whitespace().any(|w| {
                                            c.clause_words.contains(
                                                &w.trim_matches(|ch: char| !ch.is_alphanumeric())
                                                    .to_lowercase(),
                                            )
                                        });
                                    tag.then(|| sd.speaker.map(|sp| (sp, vt.norm.clone())))
                                        .flatten()
                                })
                            })
                    } else {
                        None
                    };
                    match (&spoke, &next_names) {
                        (None, _) if split_prev.is_some() => {
                            continuation = true;
                            let (sp, v) = split_prev.clone().expect("checked");
                            (Some(sp), v)
                        }
                        (None, _) if tag_after.is_some() => {
                            let (sp, v) = tag_after.clone().expect("checked");
                            (Some(sp), Some(v))
                        }
                        (None, Some((_, _, true, true, Some(name)))) => {
                            let id = crate::text::slug(name);
                            if registry.get(&id).is_none() {
                                r.new_people.entry(id.clone()).or_insert(PersonDraft {
                                    id: id.clone(),
                                    words: name_words(name),
                                    name: name.clone(),
                                    roles: vec![],
                                    affiliation: None,
                                    affiliation_via: None,
                                    honorific_titles: vec![],
                                });
                            }
                            (Some(Speaker::Person(id)), None)
                        }
                        (None, Some((_, own, false, true, _)))
                            if own.len() == 1 && own[0].person.is_some() =>
                        {
                            let pi = own[0].person.expect("checked");
                            (Some(Speaker::Person(r.person_id(pi))), None)
                        }
                        (None, Some((ms, _, unknown, _, _)))
                            if *unknown || !ms.iter().all(previous_person) =>
                        {
                            reason = Some(
                                "a quotation standing alone before a sentence naming someone else, who may have said it"
                                    .into(),
                            );
                            (None, None)
                        }
                        _ => match &spoke {
                            Some((sp, v)) => {
                                continuation = true;
                                (Some(sp.clone()), v.clone())
                            }
                            None => match &previous {
                                Some((sp, v)) => {
                                    continuation = true;
                                    (Some(sp.clone()), v.clone())
                                }
                                None => {
                                    reason = Some(
                                    "a quotation standing alone after a sentence with no single speaker"
                                        .into(),
                                );
                                    (None, None)
                                }
                            },
                        },
                    }
                } else if let Some(sd) = after_verb {
                    reason = sd.reason.clone();
                    (None, Some(s.tokens[sd.verb].norm.clone()))
                } else if let Some(sp) = r.owner_of_words(s, q.open, q.close) {
                    (Some(sp), None)
                } else if let Some(sp) = r.colon_speaker(s, q.open, p.n, &map) {
                    (Some(sp), None)
                } else if let Some(pi) = viewpoint_person(s, &r.here, r.here_unknown.is_some(), c) {
                    // "For Brandt, the formula is “a test of good faith”."
                    (Some(Speaker::Person(r.person_id(pi))), None)
                } else {
                    reason = Some("no reporting verb or speaker for this quotation".into());
                    (None, None)
                };
                let channel = after.or(before).and_then(|sd| channel_after(s, sd.verb, c));
                let speaker = speaker.unwrap_or(Speaker::Unattributed);
                if speaker != Speaker::Unattributed {
                    if by_after && q.open <= s.start {
                        split_next = Some((speaker.clone(), verb.clone()));
                    }
                    spoke = Some((speaker.clone(), verb.clone()));
                    reason = None;
                    // Who answers a question in an interview answers the next ones too.
                    if interview && after_question && matches!(speaker, Speaker::Person(_)) {
                        answerer = Some(speaker.clone());
                    }
                } else if reason.is_none() {
                    reason = Some("the reporting verb's subject is not a person or body".into());
                }
                quote_no += 1;
                r.facts.quotes.push(Quote {
                    id: format!("{}#q{quote_no}", article.id),
                    text: text.to_string(),
                    speaker,
                    verb,
                    channel,
                    continuation,
                    reason,
                    sentence: sid.clone(),
                    cite: cite(&article.id, p.n, &map, qs, qe),
                });
                // Quotations inside this one: the words of whom the speaker names as saying
                // them right before ("Aldane told us, ‘Sign or wait,’"), else nobody's (a word
                // the speaker mentions, words heard from someone unnamed).
                let outer = r.facts.quotes.last().map(|q| q.speaker.clone());
                for (ia, ib) in inner_quotes(&p.text, qs, qe) {
                    let (speaker, reason) = match inner_speaker(
                        sents, ia, qs, registry, &in_full, c,
                    ) {
                        Some(Some(pi)) => (Speaker::Person(r.person_id(pi)), None),
                        // "“I said, ‘...’”": the words the speaker tells of saying are theirs.
                        Some(None) if matches!(outer, Some(Speaker::Person(_))) => {
                            (outer.clone().expect("checked"), None)
                        }
                        _ => (
                            Speaker::Unattributed,
                            Some(
                                "a quotation inside another, with no speaker named right before it"
                                    .into(),
                            ),
                        ),
                    };
                    quote_no += 1;
                    let at = (ia, ib, k);
                    let q = bare_quote(&article.id, p.n, &p.text, sents, &map, at, quote_no);
                    r.facts.quotes.push(Quote {
                        speaker,
                        reason,
                        ..q
                    });
                }
            }
            // A reported statement: the first verb that reports something besides a quote.
            if let Some(sd) = saids
                .iter()
                .find(|sd| sd.speaker.is_some() && !sd.after_quote && !sd.characterising)
            {
                let rest_words = s
                    .tokens
                    .iter()
                    .filter(|t| t.start > s.tokens[sd.verb].start)
                    .filter(|t| {
                        !sentence_quotes
                            .iter()
                            .any(|q| t.start >= q.start && t.end <= q.end)
                    })
                    .count();
                let before_words = s
                    .tokens
                    .iter()
                    .take_while(|t| t.end <= s.tokens[sd.verb].start)
                    .filter(|t| {
                        !sentence_quotes
                            .iter()
                            .any(|q| t.start >= q.start && t.end <= q.end)
                    })
                    .count();
                let at_end = rest_words == 0 && before_words >= 6;
                if rest_words >= 3 || at_end {
                    statement_no += 1;
                    let speaker = sd.speaker.clone().expect("checked");
                    r.facts.statements.push(Statement {
                        id: format!("{}#st{statement_no}", article.id),
                        speaker: speaker.clone(),
                        verb: s.tokens[sd.verb].norm.clone(),
                        sentence: sid.clone(),
                        cite: cite(&article.id, p.n, &map, s.start, s.end),
                    });
                }
            }
            // Who this sentence is about, for the next: its last speaker, else the one person
            // it names as its subject, else the person its pronoun subject stands for.
            // A verb inside a quotation is the speaker's own words ("“Corvin used to say to
            // me, ‘...’” she says."): it hands no speaker on.
            let said_last = saids
                .iter()
                .rev()
                .filter(|sd| !quoted(s.tokens[sd.verb].start))
                .find_map(|sd| {
                    sd.speaker
                        .clone()
                        .map(|sp| (sp, Some(s.tokens[sd.verb].norm.clone())))
                });
            let subject = subject_mention(s, &r.here, c);
            let viewpoint = viewpoint_person(s, &r.here, r.here_unknown.is_some(), c);
            let pronoun = r.pronoun;
            let named =
                (!r.here.is_empty() || r.here_unknown.is_some() || pronoun.is_some()).then(|| {
                    // A pronoun subject stands for its person; people named in the clause before it
                    // are not the sentence's (see `Reader::resolve_reference`).
                    let from = pronoun.map_or(0, |(i, _)| i);
                    let after: Vec<_> =
                        r.here.iter().copied().filter(|m| m.start >= from).collect();
                    let mut n = Named::of(&after, r.here_unknown.is_some_and(|u| u >= from), None);
                    if let Some((_, who)) = pronoun {
                        if !n.persons.contains(&who) {
                            n.persons.insert(0, who);
                        }
                    }
                    let said_person = saids.iter().rev().find_map(|sd| match &sd.speaker {
                        Some(Speaker::Person(id)) => n
                            .persons
                            .iter()
                            .copied()
                            .find(|&i| &registry.people[i].id == id),
                        _ => None,
                    });
                    n.subject = said_person
                        .or(pronoun.map(|(_, who)| who))
                        .or(subject.and_then(|m| m.person))
                        .or(viewpoint);
                    n.lone_sex = r.lone_sex.filter(|&(i, _)| i >= from).map(|(_, male)| male);
                    n.sexes = after
                        .iter()
                        .filter_map(|m| {
                            let h = m.start.checked_sub(1)?;
                            let gap = s.hay[s.tokens[h].end..s.tokens[m.start].start].trim();
                            let title = s.tokens[h].base(s.hay);
                            let male = if c.masculine_honorifics.contains(title) {
                                true
                            } else if c.feminine_honorifics.contains(title) {
                                false
                            } else {
                                return None;
                            };
                            (gap.is_empty() || gap == ".").then_some((m.person?, male))
                        })
                        .collect();
                    n
                });
            // "The minister struck a more conciliatory tone.": a bare title as the subject is
            // who the sentence is about, settled or not.
            let named = if named.is_none() && !whole_quote {
                r.title_subject(s).or_else(|| r.indefinite_subject(s))
            } else {
                named
            };
            // A sentence inside a quotation that opened before it ("“A. B.”") leaves the speaker
            // of the quotation for what follows.
            let inside_quote = quotes.iter().any(|q| q.open < s.start && s.end <= q.close);
            // A question hands no speaker on: the quotation after it answers it.
            let question = asks(s, quotes);
            let about_the_statement = r.about_the_statement(s);
            if let Some(sp) = r.issuer(s, p.n, &map) {
                issued = Some(sp);
            } else if !about_the_statement {
                issued = None;
            }
            r.issued = issued.clone();
            previous = if question {
                None
            } else if about_the_statement && spoke.is_none() && issued.is_some() {
                // "The statement is given below in part." hands on who issued it.
                issued.clone().map(|sp| (sp, None))
            } else if inside_quote && spoke.is_none() && said_last.is_none() {
                previous
            } else if let Some(sp) = spoke.or(said_last) {
                Some(sp)
            } else if let Some(n) = &named {
                match (&n.persons[..], n.unknown || n.lone_sex.is_some(), n.subject) {
                    ([one], false, Some(sub)) if *one == sub => {
                        Some((Speaker::Person(r.person_id(sub)), None))
                    }
                    _ => None,
                }
            } else {
                s.tokens
                    .iter()
                    .position(|t| !c.sentence_connectives.contains(&t.norm))
                    .filter(|&i| c.person_pronouns.contains(&s.tokens[i].norm))
                    .and_then(|i| r.resolve_reference(s, i, None))
                    .map(|sp| (sp, None))
            };
            if named.is_some() {
                r.last_named = named;
            }
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
        prev_uses = std::mem::take(&mut here_uses);
    }
    let mut new_people: Vec<PersonDraft> = r.new_people.into_values().collect();
    new_people.sort_by(|a, b| a.id.cmp(&b.id));
    r.facts.new_people = new_people;
    r.facts
}

/// "Raskovy freed them as a “goodwill gesture” to restart the talks, officials said.": the
/// reporting verb that closes the sentence, after a comma and a short subject, with at most a
/// time after it ("said on Sunday"), reports the whole sentence and the quotation in it, when
/// it is the sentence's only reporting verb.
fn closing_tag<'s>(s: &Sent, saids: &'s [Said], q: &QuoteSpan, c: &Compiled) -> Option<&'s Said> {
    let [sd] = saids else {
        return None;
    };
    let toks = &s.tokens;
    let vt = &toks[sd.verb];
    if sd.speaker.is_none() || sd.characterising || sd.after_quote || vt.start < q.close {
        return None;
    }
    let time_only = toks[sd.verb + 1..]
        .iter()
        .all(|t| c.subject_time_words.contains(&t.norm) || c.subject_time_leads.contains(&t.norm));
    // "provisionally titled “...”": a name, not words said.
    if toks
        .iter()
        .rev()
        .find(|t| t.end <= q.open)
        .is_some_and(|t| c.naming_words.contains(&t.norm))
    {
        return None;
    }
    let comma = s.hay[q.close..vt.start].rfind(',')? + q.close;
    let subject_words = toks
        .iter()
        .filter(|t| t.start > comma && t.start < vt.start)
        .count();
    let tail = &s.hay[vt.end..s.end];
    (time_only
        && (1..=6).contains(&subject_words)
        && !tail.contains(['“', '"', ',', ':'])
        && toks[sd.verb + 1..].len() <= 3)
        .then_some(sd)
}

/// True when a sentence, outside any quotation, asks a question: it quotes nobody and ends
/// with a question mark, emphasis marks aside ("**Is a deal close?**").
fn asks(s: &Sent, quotes: &[QuoteSpan]) -> bool {
    !quotes.iter().any(|q| q.open < s.end && q.close > s.start)
        && s.hay[s.start..s.end]
            .trim_end_matches(|ch: char| ch.is_whitespace() || ch == '*' || ch == '_')
            .ends_with('?')
}

/// The one known person a headline names, and nobody else.
fn headline_person(
    title: &str,
    c: &Compiled,
    registry: &Registry,
    in_full: &std::collections::HashSet<usize>,
) -> Option<usize> {
    let mut found = None;
    for s in sentences_of(title, c) {
        let quotes = find_quotes(title);
        let mentions: Vec<_> = person_mentions(&s, registry, in_full, c)
            .into_iter()
            .filter(|m| {
                !quotes
                    .iter()
                    .any(|q| s.tokens[m.start].start >= q.open && s.tokens[m.start].start < q.close)
            })
            .collect();
        if !unknown_names(&s, c, registry, &mentions).is_empty() {
            return None;
        }
        for m in mentions {
            match (m.person, found) {
                (None, _) => return None,
                (Some(pi), None) => found = Some(pi),
                (Some(pi), Some(f)) if pi != f => return None,
                _ => {}
            }
        }
    }
    found
}

fn push_unique(v: &mut Vec<String>, x: &str) {
    if !v.iter().any(|y| y == x) {
        v.push(x.to_string());
    }
}

/// The person who says a quotation inside another, at byte `at`: the subject of a reporting
/// verb standing right before it inside the outer quotation (from `from`), named as one known
/// person ("Aldane told our delegation, ‘...’", "When Aldane says ‘...’", "Aldane called us
/// ‘...’"): `Some(Some(person))`; `Some(None)` when the outer quotation's speaker tells of saying
/// it ("I said, ‘...’"); None when no one is named so.
fn inner_speaker(
    sents: &[Sent],
    at: usize,
    from: usize,
    registry: &Registry,
    in_full: &std::collections::HashSet<usize>,
    c: &Compiled,
) -> Option<Option<usize>> {
    let s = sents.iter().find(|o| o.start <= at && at < o.end)?;
    let before: Vec<usize> = (0..s.tokens.len())
        .filter(|&k| s.tokens[k].start >= from && s.tokens[k].end <= at)
        .collect();
    // The verb, with at most three words after it ("told our delegation,").
    let v = before.iter().rev().take(4).copied().find(|&k| {
        c.reporting_verbs.contains(&s.tokens[k].norm)
            || c.characterising_verbs.contains(&s.tokens[k].norm)
    })?;
    if s.hay[s.tokens[v].end..at].contains(['.', ';', '?', '!', '“', '”']) {
        return None;
    }
    // "I said, ‘...’": the outer quotation's own speaker.
    if v > 0
        && s.tokens[v - 1].start >= from
        && s.tokens[v - 1].norm == "i"
        && c.reporting_verbs.contains(&s.tokens[v].norm)
        && adjacent(s.hay, s.tokens[v - 1].end, s.tokens[v].start)
    {
        return Some(None);
    }
    let mentions = person_mentions(s, registry, in_full, c);
    let m = mentions
        .iter()
        .find(|m| m.end == v && m.start >= before[0] && !s.tokens[m.end - 1].possessive)?;
    if !adjacent(s.hay, s.tokens[m.end - 1].end, s.tokens[v].start) {
        return None;
    }
    Some(Some(m.person?))
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests;
