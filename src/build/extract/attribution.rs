//! Who a reporting verb's subject is: a named person, an unnamed source or body, or nobody.
//!
//! Owns the reading of "X said", "said X", "according to X", pronouns and bare titles, and the
//! channel after a verb ("told reporters", "wrote on X"). It must not find quotation marks or
//! decide which quote a verb belongs to (that is `quotes` and the sentence walk in `mod.rs`).

use std::collections::HashMap;

use crate::article::Article;
use crate::knowledge::{Speaker, UnnamedSource};
use crate::lexicon::Compiled;
use crate::text::{slug, stem, tokenize, CharMap};

use super::people::is_name_token;
use super::registry::Mention;
use super::{
    adjacent, adjacent_or_soft, cite, party_mask, title_mask, ArticleFacts, PersonDraft, Registry,
    Sent,
};

pub(super) const PRONOUNS_PERSON: &[&str] = &["he", "she", "him", "her"];
pub(super) const ADVERBS: &[&str] = &[
    "also",
    "later",
    "previously",
    "reportedly",
    "repeatedly",
    "has",
    "had",
    "have",
    "would",
    "will",
    "then",
    "once",
    "again",
    "publicly",
    "privately",
    "earlier",
    "recently",
    "separately",
    "had",
    "further",
    "not",
    "never",
    "already",
    "just",
    "has",
    "was",
    "is",
    "being",
    "been",
    "quickly",
    "flatly",
];
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "when", "who", "while", "as", "because", "if", "whom", "where", "but",
    "since", "although", "though",
];

/// A resolved speaker with the tokens that name it.
#[derive(Debug, Clone)]
pub(super) struct Said {
    pub(super) speaker: Option<Speaker>,
    pub(super) verb: usize,
    /// True for `“...,” X said` and `“...,” said X`.
    pub(super) after_quote: bool,
}

pub(super) struct Reader<'a> {
    pub(super) article: &'a Article,
    pub(super) c: &'a Compiled,
    pub(super) registry: &'a Registry,
    pub(super) facts: ArticleFacts,
    pub(super) focus: Option<Speaker>,
    pub(super) new_people: HashMap<String, PersonDraft>,
}

impl<'a> Reader<'a> {
    pub(super) fn person_id(&self, idx: usize) -> String {
        self.registry.people[idx].id.clone()
    }

    pub(super) fn resolve_phrase(
        &mut self,
        s: &Sent,
        a: usize,
        b: usize,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let mut a = a;
        while a < b
            && matches!(
                s.tokens[a].norm.as_str(),
                "and" | "but" | "while" | "as" | "so"
            )
        {
            a += 1;
        }
        if a >= b {
            return None;
        }
        let first = &s.tokens[a];
        if b - a == 1 && PRONOUNS_PERSON.contains(&first.norm.as_str()) {
            // A pronoun: a person named earlier in the sentence, else the one in focus.
            if let Some(m) = subject_mention(s, mentions, self.c).filter(|m| m.end <= a) {
                return Some(Speaker::Person(self.person_id(m.person)));
            }
            return match &self.focus {
                Some(Speaker::Person(p)) => Some(Speaker::Person(p.clone())),
                _ => None,
            };
        }
        if b - a == 1
            && matches!(
                first.norm.as_str(),
                "it" | "they" | "we" | "i" | "you" | "this" | "which"
            )
        {
            return None;
        }
        let det = self.c.source_determiners.contains(&first.norm)
            || self.c.number_words.contains_key(&first.norm)
            || first.numeric;
        let person = mentions
            .iter()
            .find(|m| m.end == b && m.start >= a)
            .map(|m| m.person);
        let role_only = mentions
            .iter()
            .find(|m| m.end == b && m.start >= a)
            .is_some_and(|m| {
                !s.tokens[a..m.start].iter().any(|t| {
                    matches!(
                        t.norm.as_str(),
                        "for" | "to" | "of" | "close" | "with" | "from" | "at" | "near"
                    )
                })
            });
        if let (Some(pi), false) = (person, det && !role_only) {
            return Some(Speaker::Person(self.person_id(pi)));
        }
        if let Some(src) = self.source_phrase(s, a, b, mentions, n, map) {
            return Some(src);
        }
        if let Some(pi) = person {
            return Some(Speaker::Person(self.person_id(pi)));
        }
        // A party standing for its government ("Moscow said", "the Kremlin said").
        let parties = party_mask(&s.tokens, self.c);
        let lead = if s.tokens[a].norm == "the" { a + 1 } else { a };
        if lead < b && (lead..b).all(|k| parties[k].is_some()) {
            return Some(self.add_source(
                s,
                a,
                b,
                None,
                parties[lead].map(|p| self.c.lexicon.parties[p].id.clone()),
                n,
                map,
            ));
        }
        // A single name the registry does not know ("Ostrav said").
        if b - a == 1 {
            let titles = title_mask(&s.tokens, self.c);
            if is_name_token(first, s.hay, self.c, titles[a], parties[a].is_some()) && a > 0
                || (a == 0
                    && b - a == 1
                    && is_name_token(first, s.hay, self.c, titles[a], parties[a].is_some()))
            {
                let name = first.base(s.hay).to_string();
                if self.registry.places.contains(&first.norm) {
                    // A city speaking for its government ("Mirren said").
                    return Some(self.add_source(s, a, b, None, None, n, map));
                }
                let id = slug(&name);
                if self.registry.get(&id).is_none() {
                    self.new_people.entry(id.clone()).or_insert(PersonDraft {
                        id: id.clone(),
                        name,
                        words: vec![first.norm.clone()],
                        roles: vec![],
                        affiliation: None,
                        affiliation_via: None,
                    });
                }
                return Some(Speaker::Person(id));
            }
        }
        None
    }

    /// "a source close to the talks", "three diplomats", "a spokesperson for X", "the source".
    pub(super) fn source_phrase(
        &mut self,
        s: &Sent,
        a: usize,
        b: usize,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let c = self.c;
        let mut k = a;
        let det = c.source_determiners.contains(&s.tokens[k].norm)
            || c.number_words.contains_key(&s.tokens[k].norm)
            || s.tokens[k].numeric;
        if det {
            k += 1;
        }
        // Adjectives and affiliations before the noun ("senior US officials").
        let limit = (k + 4).min(b);
        let noun = (k..limit).find(|&i| c.source_nouns.contains(&s.tokens[i].norm))?;
        if !det && noun != a {
            // Bare plurals ("officials said") and possessives ("Starmer’s spokesperson") only.
            if !(s.tokens[a..noun].iter().all(|t| t.possessive || t.capital)) {
                return None;
            }
        }
        let on_behalf = mentions
            .iter()
            .find(|m| {
                m.start > noun && m.end <= b
                    || (m.end <= noun && m.start >= a && s.tokens[m.end - 1].possessive)
            })
            .map(|m| self.person_id(m.person));
        let parties = party_mask(&s.tokens, c);
        let affiliation = (a..b)
            .find_map(|i| parties[i])
            .map(|p| c.lexicon.parties[p].id.clone())
            .or_else(|| {
                on_behalf
                    .as_ref()
                    .and_then(|p| self.registry.get(p))
                    .and_then(|p| p.affiliation.clone())
            });
        // "The source" refers back to the last source of that kind.
        if s.tokens[a].norm == "the" && b - a == 2 {
            let noun_norm = &s.tokens[noun].norm;
            if let Some(prev) = self.facts.sources.iter().rev().find(|src| {
                tokenize(&src.description)
                    .iter()
                    .any(|t| &t.norm == noun_norm || stem(&t.norm) == stem(noun_norm))
            }) {
                return Some(Speaker::Source(prev.id.clone()));
            }
        }
        Some(self.add_source(s, a, b, on_behalf, affiliation, n, map))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn add_source(
        &mut self,
        s: &Sent,
        a: usize,
        b: usize,
        on_behalf: Option<String>,
        affiliation: Option<String>,
        n: u32,
        map: &CharMap,
    ) -> Speaker {
        let start = s.tokens[a].start;
        let end = s.tokens[b - 1].end;
        let description = s.hay[start..end].to_string();
        if let Some(prev) = self
            .facts
            .sources
            .iter()
            .find(|x| x.description == description)
        {
            return Speaker::Source(prev.id.clone());
        }
        let id = format!("{}#src{}", self.article.id, self.facts.sources.len() + 1);
        self.facts.sources.push(UnnamedSource {
            id: id.clone(),
            description,
            on_behalf_of: on_behalf,
            affiliation,
            cite: cite(&self.article.id, n, map, start, end),
        });
        Speaker::Source(id)
    }

    /// Every reporting verb of a sentence with its speaker.
    pub(super) fn said_in(
        &mut self,
        s: &Sent,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Vec<Said> {
        let mut out = Vec::new();
        let toks = &s.tokens;
        for v in 0..toks.len() {
            let is_verb = self.c.reporting_verbs.contains(&toks[v].norm);
            let according =
                toks[v].norm == "according" && toks.get(v + 1).is_some_and(|t| t.norm == "to");
            if !is_verb && !according {
                continue;
            }
            if according {
                let end = (v + 2..toks.len())
                    .find(|&k| {
                        k > v + 2 && !adjacent_or_soft(s.hay, toks[k - 1].end, toks[k].start)
                    })
                    .unwrap_or(toks.len());
                let speaker = self.resolve_phrase(s, v + 2, end, mentions, n, map);
                out.push(Said {
                    speaker,
                    verb: v,
                    after_quote: false,
                });
                continue;
            }
            // "say" and "says" as bare infinitives after modals are not reports ("will say").
            if v > 0
                && matches!(
                    toks[v - 1].norm.as_str(),
                    "to" | "would" | "will" | "could" | "might" | "can"
                )
                && toks[v].norm == "say"
            {
                continue;
            }
            let before_gap_quote = v > 0 && {
                let gap = &s.hay[toks[v - 1].end..toks[v].start];
                gap.contains('”') || gap.contains('"')
            };
            // Subject before the verb: back to the clause start.
            let mut k = v;
            while k > 0
                && ADVERBS.contains(&toks[k - 1].norm.as_str())
                && adjacent_or_soft(s.hay, toks[k - 1].end, toks[k].start)
            {
                k -= 1;
            }
            let subject_end = k;
            let subject_start = self.clause_start(s, subject_end);
            let coordination = subject_end > 0 && toks[subject_end - 1].norm == "and";
            let mut speaker = None;
            let mut after_quote = false;
            if coordination {
                // "A spokesperson ... played down X and said ...": the sentence's own subject.
                speaker = self.sentence_subject(s, mentions, n, map);
            } else if subject_start < subject_end {
                speaker = self.resolve_phrase(s, subject_start, subject_end, mentions, n, map);
                // "A diplomat who attended the talks said": the relative clause is not the
                // subject; the words before "who" are.
                if speaker.is_none()
                    && subject_start >= 2
                    && matches!(toks[subject_start - 1].norm.as_str(), "who" | "that")
                {
                    let end = subject_start - 1;
                    let start = self.clause_start(s, end);
                    if start < end {
                        speaker = self.resolve_phrase(s, start, end, mentions, n, map);
                    }
                }
                after_quote = subject_start > 0 && {
                    let gap = &s.hay[toks[subject_start - 1].end..toks[subject_start].start];
                    gap.contains('”') || gap.contains('"')
                };
            } else if !before_gap_quote
                && subject_end > 0
                && s.hay[toks[subject_end - 1].end..toks[subject_end].start].contains(',')
            {
                // "X, the chief negotiator, said" / "X, who did not attend, said": the subject
                // stands before an aside set off by commas.
                let mut a0 = subject_end - 1;
                while a0 > 0
                    && subject_end - a0 < 10
                    && !s.hay[toks[a0 - 1].end..toks[a0].start].contains(',')
                {
                    a0 -= 1;
                }
                if a0 > 0
                    && a0 < subject_end
                    && s.hay[toks[a0 - 1].end..toks[a0].start].contains(',')
                {
                    let end = a0;
                    // The aside's opening comma stands right before `end`: start one word in.
                    let start = self.clause_start(s, end - 1);
                    if start < end {
                        speaker = self.resolve_phrase(s, start, end, mentions, n, map);
                    }
                }
            } else if before_gap_quote || subject_end == 0 {
                // "“...,” said X": the subject follows the verb.
                let mut end = v + 1;
                while end < toks.len()
                    && adjacent(s.hay, toks[end - 1].end, toks[end].start)
                    && !matches!(
                        toks[end].norm.as_str(),
                        "on" | "in" | "to" | "at" | "during" | "after" | "via" | "that"
                    )
                {
                    end += 1;
                }
                if end > v + 1 {
                    speaker = self.resolve_phrase(s, v + 1, end, mentions, n, map);
                }
                after_quote = before_gap_quote;
            }
            out.push(Said {
                speaker,
                verb: v,
                after_quote,
            });
        }
        out
    }

    /// Where the clause that ends before token `end` starts: back to punctuation, a clause word
    /// ("that", "which", "when") or another reporting verb.
    pub(super) fn clause_start(&self, s: &Sent, end: usize) -> usize {
        let toks = &s.tokens;
        let mut start = end;
        while start > 0 {
            let prev = &toks[start - 1];
            let gap = &s.hay[prev.end..toks[start].start];
            if gap.contains([',', ';', ':', '—', '–', '“', '”', '"', '(', ')'])
                || CLAUSE_WORDS.contains(&prev.norm.as_str())
                || self.c.reporting_verbs.contains(&prev.norm)
            {
                break;
            }
            start -= 1;
        }
        start
    }

    /// The subject at the start of a sentence: an unnamed source or a named person.
    pub(super) fn sentence_subject(
        &mut self,
        s: &Sent,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let toks = &s.tokens;
        if toks.is_empty() {
            return None;
        }
        if let Some(m) = mentions.first() {
            let titles = title_mask(toks, self.c);
            let parties = party_mask(toks, self.c);
            let lead_is_role = (0..m.start).all(|k| {
                titles[k]
                    || parties[k].is_some()
                    || self.c.role_modifiers.contains(&toks[k].norm)
                    || toks[k].possessive
            });
            if lead_is_role && !self.c.source_determiners.contains(&toks[0].norm) {
                return Some(Speaker::Person(self.person_id(m.person)));
            }
        }
        // A source phrase: up to the end of a person named in it, else a few words.
        let end = mentions
            .iter()
            .find(|m| m.start < 8)
            .map(|m| m.end)
            .unwrap_or_else(|| {
                (1..toks.len().min(7))
                    .find(|&k| !adjacent_or_soft(s.hay, toks[k - 1].end, toks[k].start))
                    .unwrap_or(toks.len().min(4))
            });
        self.source_phrase(s, 0, end.min(toks.len()), mentions, n, map)
    }
}

/// The person who opens a sentence as its subject: the first mention with only a role before it.
pub(super) fn subject_mention(s: &Sent, mentions: &[Mention], c: &Compiled) -> Option<Mention> {
    let m = *mentions.first()?;
    let titles = title_mask(&s.tokens, c);
    let parties = party_mask(&s.tokens, c);
    let lead = (0..m.start).all(|k| {
        let t = &s.tokens[k];
        titles[k]
            || parties[k].is_some()
            || t.possessive
            || c.role_modifiers.contains(&t.norm)
            || matches!(t.norm.as_str(), "the" | "a" | "an" | "but" | "and")
            || (t.capital && (k + 1..m.start).all(|j| s.tokens[j].capital || titles[j]))
    });
    lead.then_some(m)
}

/// The channel after a reporting verb: "wrote on X", "said in a statement", "told reporters".
pub(super) fn channel_after(s: &Sent, verb: usize) -> Option<String> {
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
    let told = toks[verb].norm == "told";
    if !(matches!(first.norm.as_str(), "on" | "in" | "via") || told) {
        return None;
    }
    let mut e = k + 1;
    while e < toks.len()
        && e - k < 4
        && adjacent(s.hay, toks[e - 1].end, toks[e].start)
        && !matches!(toks[e].norm.as_str(), "that" | "he" | "she" | "they" | "it" | "the" if e > k + 1)
    {
        e += 1;
    }
    // A channel never ends on a preposition: "told reporters in" is "to reporters".
    while e > k + 1
        && matches!(
            toks[e - 1].norm.as_str(),
            "in" | "on" | "at" | "to" | "after" | "before" | "during" | "from" | "and"
        )
    {
        e -= 1;
    }
    let text = &s.hay[first.start..toks[e - 1].end];
    Some(if told {
        format!("to {text}")
    } else {
        text.to_string()
    })
}
