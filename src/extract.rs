//! One article -> its facts: people and their roles, unnamed sources, direct quotes with their
//! speakers (continuations included), reported statements, dated events, numbers, positions.
//!
//! The patterns are those of English news writing, with every word list taken from
//! `config/language.toml` and every party or topic from `config/lexicon.toml`: nothing here knows
//! about one article. Extraction runs in two passes over the whole set: [`find_people`] gathers
//! named people (a name with a title before it, an appositive after it, or a reporting verb), then
//! [`extract`] reads each article with that registry.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::article::Article;
use crate::knowledge::{
    Cite, Event, NumberFact, Position, PositionKind, Quote, Role, Speaker, Statement, UnnamedSource,
};
use crate::lexicon::Compiled;
use crate::text::{normalize, slug, split_sentences, stem, tokenize, CharMap, Token};

/// A person as the builder gathers them, before ids are final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDraft {
    /// Id from the name.
    pub id: String,
    /// Full name as written.
    pub name: String,
    /// Lowercase words of the name.
    pub words: Vec<String>,
    /// Roles found.
    pub roles: Vec<Role>,
    /// Affiliation: a party id, or the demonym or country as written.
    pub affiliation: Option<String>,
    /// A person whose affiliation this person shares ("Trump’s special envoy").
    pub affiliation_via: Option<String>,
}

/// Named people across all articles.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// The people, in order of first appearance.
    pub people: Vec<PersonDraft>,
    by_id: HashMap<String, usize>,
    /// People by the first word of their name (full-name lookups).
    by_first: HashMap<String, Vec<usize>>,
    /// People by the last word of their name (surname lookups), first added first.
    by_last: HashMap<String, Vec<usize>>,
    /// Capitalised words the articles use as places, lowercase: such a word alone is no name.
    pub places: std::collections::HashSet<String>,
}

impl Registry {
    /// Adds a person or merges roles into the one with the same id; returns its index.
    pub fn add(&mut self, draft: PersonDraft) -> usize {
        if let Some(&i) = self.by_id.get(&draft.id) {
            let p = &mut self.people[i];
            for r in draft.roles {
                if !p.roles.iter().any(|x| x.text == r.text) {
                    p.roles.push(r);
                }
            }
            if p.affiliation.is_none() {
                p.affiliation = draft.affiliation;
            }
            if p.affiliation_via.is_none() {
                p.affiliation_via = draft.affiliation_via;
            }
            return i;
        }
        let i = self.people.len();
        self.by_id.insert(draft.id.clone(), i);
        if let Some(f) = draft.words.first() {
            self.by_first.entry(f.clone()).or_default().push(i);
        }
        if let Some(l) = draft.words.last() {
            self.by_last.entry(l.clone()).or_default().push(i);
        }
        self.people.push(draft);
        self.people.len() - 1
    }

    /// Keeps only the people `keep` says yes to, and re-indexes them.
    pub fn retain(&mut self, keep: impl Fn(&PersonDraft) -> bool) {
        let people = std::mem::take(&mut self.people);
        let places = std::mem::take(&mut self.places);
        *self = Registry {
            places,
            ..Registry::default()
        };
        for p in people.into_iter().filter(|p| keep(p)) {
            self.add(p);
        }
    }

    /// A person by id.
    pub fn get(&self, id: &str) -> Option<&PersonDraft> {
        self.by_id.get(id).map(|&i| &self.people[i])
    }

    /// Finishes affiliations carried by possessives: "Trump’s envoy" shares Trump's.
    pub fn resolve_affiliations(&mut self) {
        for i in 0..self.people.len() {
            if self.people[i].affiliation.is_none() {
                if let Some(via) = self.people[i].affiliation_via.clone() {
                    let found = self
                        .find_words(&[normalize(&via)])
                        .and_then(|j| self.people[j].affiliation.clone());
                    // "Trump’s envoy" shares Trump's affiliation; "Norland’s Foreign Minister"
                    // is of Norland, a place no person is named after.
                    if found.is_some() || self.find_words(&[normalize(&via)]).is_none() {
                        self.people[i].affiliation = found.or(Some(via));
                    }
                }
            }
        }
    }

    /// The person whose full name is these words, or whose surname is the one word.
    fn find_words(&self, words: &[String]) -> Option<usize> {
        if words.is_empty() {
            return None;
        }
        if let Some(i) = self
            .by_first
            .get(&words[0])
            .and_then(|v| v.iter().copied().find(|&i| self.people[i].words == words))
        {
            return Some(i);
        }
        if words.len() == 1 {
            return self.by_last.get(&words[0]).and_then(|v| v.first().copied());
        }
        None
    }
}

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

struct Sent<'a> {
    hay: &'a str,
    start: usize,
    end: usize,
    tokens: Vec<Token>,
}

fn sentences_of<'a>(text: &'a str, c: &Compiled) -> Vec<Sent<'a>> {
    split_sentences(text, &c.abbreviations)
        .into_iter()
        .map(|(s, e)| {
            let tokens = tokenize(&text[s..e])
                .into_iter()
                .map(|mut t| {
                    t.start += s;
                    t.end += s;
                    t
                })
                .collect();
            Sent {
                hay: text,
                start: s,
                end: e,
                tokens,
            }
        })
        .collect()
}

/// True when only spaces stand between two byte offsets.
fn adjacent(hay: &str, a: usize, b: usize) -> bool {
    a <= b && hay[a..b].chars().all(|c| c.is_whitespace())
}

fn title_mask(tokens: &[Token], c: &Compiled) -> Vec<bool> {
    let mut mask = vec![false; tokens.len()];
    for hit in c.titles.find(tokens) {
        for m in &mut mask[hit.start..hit.end] {
            *m = true;
        }
    }
    mask
}

fn party_mask(tokens: &[Token], c: &Compiled) -> Vec<Option<usize>> {
    let mut mask = vec![None; tokens.len()];
    for hit in c.parties.find(tokens) {
        for m in &mut mask[hit.start..hit.end] {
            *m = Some(hit.entity);
        }
    }
    mask
}

fn is_name_token(t: &Token, hay: &str, c: &Compiled, titles: bool, party: bool) -> bool {
    if !t.capital || t.numeric || titles || party {
        return false;
    }
    let base = t.base(hay);
    if c.not_names.contains(base)
        || c.stopwords.contains(&t.norm)
        || c.role_modifiers.contains(&t.norm)
    {
        return false;
    }
    if c.reporting_verbs.contains(&t.norm) || c.source_nouns.contains(&t.norm) {
        return false;
    }
    // Long all-capital words are acronyms of bodies, not names ("NATO"); "JD" is a name.
    if t.all_caps && base.chars().count() > 3 {
        return false;
    }
    true
}

/// A run of name tokens `[start, end)` in a sentence.
fn name_runs(
    s: &Sent,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    let n = s.tokens.len();
    while i < n {
        if !is_name_token(&s.tokens[i], s.hay, c, titles[i], parties[i].is_some()) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n
            && j - i < 4
            && !s.tokens[j - 1].possessive
            && adjacent(s.hay, s.tokens[j - 1].end, s.tokens[j].start)
            && is_name_token(&s.tokens[j], s.hay, c, titles[j], parties[j].is_some())
        {
            j += 1;
        }
        runs.push((i, j));
        i = j;
    }
    runs
}

/// The role standing right before token `at`: `(first token, has a title)`.
fn role_before(
    s: &Sent,
    at: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<usize> {
    let mut j = at;
    let mut has_title = false;
    while j > 0 {
        let k = j - 1;
        let t = &s.tokens[k];
        if !adjacent(s.hay, t.end, s.tokens[j].start) && j != at {
            break;
        }
        if j == at && !adjacent(s.hay, t.end, s.tokens[at].start) {
            break;
        }
        // The next word is already in the role and is a title or a capitalised word before one
        // ("Corvanian Fisheries Minister").
        let next_is_title =
            j != at && (titles.get(j).copied().unwrap_or(false) || s.tokens[j].capital);
        let ok = titles[k]
            || c.role_modifiers.contains(&t.norm)
                && !matches!(t.norm.as_str(), "the" | "of" | "for" | "to")
            || parties[k].is_some()
            || t.possessive
            || (t.capital && next_is_title && !c.not_names.contains(t.base(s.hay)))
            || (matches!(t.norm.as_str(), "of") && titles.get(j).copied().unwrap_or(false));
        if !ok {
            break;
        }
        has_title |= titles[k];
        j = k;
    }
    // A role ending in a possessive ("Rubio’s") is not a role of the next name.
    if has_title && j < at {
        Some(j)
    } else {
        None
    }
}

/// A role set off by commas before a name: "Valdoria’s new defence minister, Piet Harrow, ...".
fn role_before_comma(
    s: &Sent,
    a: usize,
    b: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<usize> {
    if a == 0 || s.hay[s.tokens[a - 1].end..s.tokens[a].start].trim() != "," {
        return None;
    }
    let closes = b >= s.tokens.len() || s.hay[s.tokens[b - 1].end..s.tokens[b].start].contains(',');
    if !closes || !titles[a - 1] {
        return None;
    }
    // Walk back over the role as role_before does, from the comma.
    let mut j = a - 1;
    let mut has_title = false;
    loop {
        let t = &s.tokens[j];
        let ok = titles[j]
            || c.role_modifiers.contains(&t.norm)
                && !matches!(t.norm.as_str(), "the" | "of" | "for" | "to")
            || parties[j].is_some()
            || t.possessive;
        if !ok {
            j += 1;
            break;
        }
        has_title |= titles[j];
        if j == 0 || !adjacent(s.hay, s.tokens[j - 1].end, t.start) {
            break;
        }
        j -= 1;
    }
    (has_title && j < a).then_some(j)
}

/// An appositive role after a name: ", the US envoy," -> token range of the role.
fn role_after(
    s: &Sent,
    end: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<(usize, usize)> {
    if end >= s.tokens.len() || end == 0 {
        return None;
    }
    let gap = &s.hay[s.tokens[end - 1].end..s.tokens[end].start];
    if gap.trim() != "," {
        return None;
    }
    let mut j = end;
    let mut start = end;
    if matches!(s.tokens[j].norm.as_str(), "the" | "a" | "an") {
        j += 1;
        start = j;
    }
    let mut has_title = false;
    while j < s.tokens.len() {
        let t = &s.tokens[j];
        if j > start && !adjacent(s.hay, s.tokens[j - 1].end, t.start) {
            break;
        }
        let ok =
            titles[j] || c.role_modifiers.contains(&t.norm) || parties[j].is_some() || t.possessive;
        if !ok {
            break;
        }
        has_title |= titles[j];
        j += 1;
    }
    // The role must end the clause: a comma, a stop, or the sentence end.
    let closes = j >= s.tokens.len() || {
        let gap = &s.hay[s.tokens[j - 1].end..s.tokens[j].start];
        gap.contains(',') || gap.contains('.') || gap.contains(';')
    };
    (has_title && closes && j > start).then_some((start, j))
}

fn affiliation_of(
    s: &Sent,
    range: (usize, usize),
    c: &Compiled,
    parties: &[Option<usize>],
) -> (Option<String>, Option<String>) {
    if let Some(p) = parties[range.0..range.1].iter().flatten().next() {
        return (Some(c.lexicon.parties[*p].id.clone()), None);
    }
    for k in range.0..range.1 {
        let t = &s.tokens[k];
        if t.possessive && t.capital {
            return (None, Some(t.base(s.hay).to_string()));
        }
    }
    // An unknown demonym or country before a title ("Valdorian Foreign Minister").
    for k in range.0..range.1 {
        let t = &s.tokens[k];
        if t.capital && !c.not_names.contains(t.base(s.hay)) && !c.role_modifiers.contains(&t.norm)
        {
            let titles = title_mask(&s.tokens[k..k + 1], c);
            if !titles[0] {
                return (Some(t.base(s.hay).to_string()), None);
            }
        }
    }
    (None, None)
}

fn cite(article: &str, paragraph: u32, map: &CharMap, start: usize, end: usize) -> Cite {
    Cite {
        article: article.to_string(),
        paragraph,
        start: map.char_of(start),
        end: map.char_of(end),
    }
}

/// Pass one: named people with their roles, from every sentence of an article.
pub fn find_people(article: &Article, c: &Compiled, registry: &mut Registry) {
    for p in &article.paragraphs {
        let map = CharMap::new(&p.text);
        for s in sentences_of(&p.text, c) {
            let titles = title_mask(&s.tokens, c);
            let parties = party_mask(&s.tokens, c);
            for (a, b) in name_runs(&s, c, &titles, &parties) {
                let before = role_before(&s, a, c, &titles, &parties)
                    .or_else(|| role_before_comma(&s, a, b, c, &titles, &parties));
                let after = if before.is_none() {
                    role_after(&s, b, c, &titles, &parties)
                } else {
                    None
                };
                let next_is_verb = s.tokens.get(b).is_some_and(|t| {
                    c.reporting_verbs.contains(&t.norm)
                        && adjacent(s.hay, s.tokens[b - 1].end, t.start)
                });
                let prev_is_verb = a > 0 && c.reporting_verbs.contains(&s.tokens[a - 1].norm);
                let cue = c
                    .person_cues
                    .find(&s.tokens[a.saturating_sub(3)..a])
                    .iter()
                    .any(|h| h.end == a - a.saturating_sub(3));
                let known = registry.find_words(&words_of(&s, a, b)).is_some();
                let multi = b - a >= 2;
                if before.is_none()
                    && after.is_none()
                    && !(next_is_verb || cue || multi && prev_is_verb)
                {
                    continue;
                }
                if known && before.is_none() && after.is_none() {
                    continue;
                }
                let name_end = s.tokens[b - 1].start + s.tokens[b - 1].base(s.hay).len();
                let name = s.hay[s.tokens[a].start..name_end].to_string();
                let words = words_of(&s, a, b);
                // A single word after a title is a surname of someone already known, or a name.
                if b - a == 1 {
                    if let Some(i) = registry.find_words(&words) {
                        if let Some(r) = before {
                            let role = role_from(&s, &map, article, p.n, r, a, (a, b));
                            let (aff, via) = affiliation_of(&s, (r, a), c, &parties);
                            registry.add(PersonDraft {
                                id: registry.people[i].id.clone(),
                                name: registry.people[i].name.clone(),
                                words: registry.people[i].words.clone(),
                                roles: role.into_iter().collect(),
                                affiliation: aff,
                                affiliation_via: via,
                            });
                        }
                        continue;
                    }
                }
                let (role, aff) = match (before, after) {
                    (Some(r), _) => (
                        role_from(&s, &map, article, p.n, r, a, (a, b)),
                        affiliation_of(&s, (r, a), c, &parties),
                    ),
                    (None, Some((r0, r1))) => {
                        let text = s.hay[s.tokens[r0].start..s.tokens[r1 - 1].end].to_string();
                        let role = Role {
                            text,
                            cite: cite(
                                &article.id,
                                p.n,
                                &map,
                                s.tokens[a].start,
                                s.tokens[r1 - 1].end,
                            ),
                        };
                        (Some(role), affiliation_of(&s, (r0, r1), c, &parties))
                    }
                    _ => (None, (None, None)),
                };
                registry.add(PersonDraft {
                    id: slug(&name),
                    name,
                    words,
                    roles: role.into_iter().collect(),
                    affiliation: aff.0,
                    affiliation_via: aff.1,
                });
            }
        }
    }
}

fn words_of(s: &Sent, a: usize, b: usize) -> Vec<String> {
    s.tokens[a..b].iter().map(|t| t.norm.clone()).collect()
}

fn role_from(
    s: &Sent,
    map: &CharMap,
    article: &Article,
    n: u32,
    r: usize,
    a: usize,
    name: (usize, usize),
) -> Option<Role> {
    let text = s.hay[s.tokens[r].start..s.tokens[a - 1].end].to_string();
    let name_end = s.tokens[name.1 - 1].start + s.tokens[name.1 - 1].base(s.hay).len();
    Some(Role {
        text,
        cite: cite(&article.id, n, map, s.tokens[r].start, name_end),
    })
}

/// A person mention in a sentence: token range and registry index.
#[derive(Debug, Clone, Copy)]
struct Mention {
    start: usize,
    end: usize,
    person: usize,
}

fn person_mentions(s: &Sent, registry: &Registry) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.tokens.len() {
        let t = &s.tokens[i];
        if !t.capital {
            i += 1;
            continue;
        }
        let mut found = None;
        for &pi in registry.by_first.get(&t.norm).into_iter().flatten() {
            let p = &registry.people[pi];
            let len = p.words.len();
            if len > 1
                && i + len <= s.tokens.len()
                && s.tokens[i..i + len]
                    .iter()
                    .zip(&p.words)
                    .all(|(t, w)| &t.norm == w)
            {
                found = Some(Mention {
                    start: i,
                    end: i + len,
                    person: pi,
                });
                break;
            }
        }
        if found.is_none() {
            if let Some(pi) = registry
                .by_last
                .get(&t.norm)
                .and_then(|v| v.first().copied())
            {
                found = Some(Mention {
                    start: i,
                    end: i + 1,
                    person: pi,
                });
            }
        }
        match found {
            Some(m) => {
                out.push(m);
                i = m.end;
            }
            None => i += 1,
        }
    }
    out
}

const PRONOUNS_PERSON: &[&str] = &["he", "she", "him", "her"];
const ADVERBS: &[&str] = &[
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
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "when", "who", "while", "as", "because", "if", "whom", "where", "but",
    "since", "although", "though",
];

/// A resolved speaker with the tokens that name it.
#[derive(Debug, Clone)]
struct Said {
    speaker: Option<Speaker>,
    verb: usize,
    /// True for `“...,” X said` and `“...,” said X`.
    after_quote: bool,
}

struct Reader<'a> {
    article: &'a Article,
    c: &'a Compiled,
    registry: &'a Registry,
    facts: ArticleFacts,
    focus: Option<Speaker>,
    new_people: HashMap<String, PersonDraft>,
}

impl<'a> Reader<'a> {
    fn person_id(&self, idx: usize) -> String {
        self.registry.people[idx].id.clone()
    }

    fn resolve_phrase(
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
    fn source_phrase(
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
    fn add_source(
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
    fn said_in(&mut self, s: &Sent, mentions: &[Mention], n: u32, map: &CharMap) -> Vec<Said> {
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
    fn clause_start(&self, s: &Sent, end: usize) -> usize {
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
    fn sentence_subject(
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
fn subject_mention(s: &Sent, mentions: &[Mention], c: &Compiled) -> Option<Mention> {
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

fn adjacent_or_soft(hay: &str, a: usize, b: usize) -> bool {
    a <= b && hay[a..b].chars().all(|c| c.is_whitespace() || c == '-')
}

/// A quotation found in a paragraph: byte span of the words inside the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct QuoteSpan {
    open: usize,
    start: usize,
    end: usize,
    close: usize,
}

fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, ch) = chars[i];
        let closing = match ch {
            '“' => Some('”'),
            '"' => Some('"'),
            '‘' if i == 0 || !chars[i - 1].1.is_alphanumeric() => Some('’'),
            _ => None,
        };
        let Some(closing) = closing else {
            i += 1;
            continue;
        };
        let start = pos + ch.len_utf8();
        let mut j = i + 1;
        let mut found = None;
        while j < chars.len() {
            let (p, c2) = chars[j];
            if c2 == closing {
                let next_alnum = chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
                if closing != '’' || !next_alnum {
                    found = Some((p, p + c2.len_utf8()));
                    break;
                }
            }
            if closing == '”' && c2 == '“' {
                break;
            }
            j += 1;
        }
        match found {
            Some((end, close)) => {
                if end > start {
                    out.push(QuoteSpan {
                        open: pos,
                        start,
                        end,
                        close,
                    });
                }
                i = j + 1;
            }
            None => {
                // An unclosed quote runs to the paragraph's end (news style for quotes spanning paragraphs).
                if closing == '”' || closing == '"' {
                    let end = text.trim_end().len();
                    if end > start {
                        out.push(QuoteSpan {
                            open: pos,
                            start,
                            end,
                            close: end,
                        });
                    }
                }
                i = chars.len();
            }
        }
    }
    out
}

/// Trims a quote's inner span of surrounding spaces and a trailing comma.
fn trim_quote(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && text[start..].starts_with(char::is_whitespace) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    loop {
        let s = &text[start..end];
        let trimmed = s.trim_end_matches([',', ' ', '\u{a0}']);
        if trimmed.len() == s.len() {
            break;
        }
        end = start + trimmed.len();
    }
    (start, end)
}

/// Pass two: reads one article with the registry of people.
pub fn extract(article: &Article, c: &Compiled, registry: &Registry) -> ArticleFacts {
    let mut r = Reader {
        article,
        c,
        registry,
        facts: ArticleFacts::default(),
        focus: None,
        new_people: HashMap::new(),
    };
    let mut quote_no = 0;
    let mut statement_no = 0;
    let mut focus_from_last_sentence = false;
    for p in &article.paragraphs {
        let map = CharMap::new(&p.text);
        let sents = sentences_of(&p.text, c);
        let quotes = find_quotes(&p.text);
        let mut para_facts = Vec::new();
        let mut attributed_in_para: Option<(Speaker, Option<String>)> = None;
        let focus_at_start = if focus_from_last_sentence {
            r.focus.clone()
        } else {
            None
        };
        for (k, s) in sents.iter().enumerate() {
            let sid = sentence_id(&article.id, p.n, k);
            let mentions = person_mentions(s, registry);
            let saids = r.said_in(s, &mentions, p.n, &map);
            // Tags.
            let mut facts = SentenceFacts {
                span: (s.start, s.end),
                ..Default::default()
            };
            for h in c.parties.find(&s.tokens) {
                push_unique(&mut facts.parties, &c.lexicon.parties[h.entity].id);
            }
            for h in c.topics.find(&s.tokens) {
                push_unique(&mut facts.topics, &c.lexicon.topics[h.entity].id);
            }
            for m in &mentions {
                let id = registry.people[m.person].id.clone();
                if let Some(aff) = registry.people[m.person]
                    .affiliation
                    .as_ref()
                    .filter(|a| c.lexicon.parties.iter().any(|p| &p.id == *a))
                {
                    push_unique(&mut facts.parties, aff);
                }
                push_unique(&mut facts.people, &id);
            }
            // Quotes starting in this sentence.
            let sentence_quotes: Vec<QuoteSpan> = quotes
                .iter()
                .copied()
                .filter(|q| q.open >= s.start && q.open < s.end)
                .collect();
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
            for q in &sentence_quotes {
                let (qs, qe) = trim_quote(&p.text, q.start, q.end);
                if qe <= qs {
                    continue;
                }
                // Attribution: a verb right after the quote, else the nearest verb before it.
                let after = saids.iter().find(|sd| {
                    let vt = &s.tokens[sd.verb];
                    vt.start >= q.close
                        && s.tokens
                            .iter()
                            .filter(|t| t.start >= q.close && t.start < vt.start)
                            .count()
                            <= 6
                        && !sentence_quotes
                            .iter()
                            .any(|o| o.open > q.open && o.open < vt.start)
                        && sd.speaker.is_some()
                });
                let before = saids
                    .iter()
                    .rev()
                    .find(|sd| s.tokens[sd.verb].end <= q.open);
                // A quote of several sentences is attributed where it closes: “A. B,” X said.
                let mut later: Option<(Option<Speaker>, String)> = None;
                if after.is_none() && q.close > s.end {
                    if let Some(end_sentence) =
                        sents.iter().find(|o| o.start < q.close && q.close <= o.end)
                    {
                        let end_mentions = person_mentions(end_sentence, registry);
                        let end_saids = r.said_in(end_sentence, &end_mentions, p.n, &map);
                        later = end_saids
                            .iter()
                            .find(|sd| {
                                let vt = &end_sentence.tokens[sd.verb];
                                vt.start >= q.close
                                    && end_sentence
                                        .tokens
                                        .iter()
                                        .filter(|t| t.start >= q.close && t.start < vt.start)
                                        .count()
                                        <= 6
                                    && sd.speaker.is_some()
                            })
                            .map(|sd| {
                                (
                                    sd.speaker.clone(),
                                    end_sentence.tokens[sd.verb].norm.clone(),
                                )
                            });
                    }
                }
                let mut continuation = false;
                let (speaker, verb) = if let Some(sd) = after {
                    (sd.speaker.clone(), Some(s.tokens[sd.verb].norm.clone()))
                } else if let Some((sp, v)) = later {
                    (sp, Some(v))
                } else if let Some(sd) = before {
                    (sd.speaker.clone(), Some(s.tokens[sd.verb].norm.clone()))
                } else if whole_quote {
                    if let Some((sp, v)) = &attributed_in_para {
                        continuation = true;
                        (Some(sp.clone()), v.clone())
                    } else if k == 0 {
                        match &focus_at_start {
                            Some(sp @ Speaker::Person(_)) => {
                                continuation = true;
                                (Some(sp.clone()), None)
                            }
                            _ => (None, None),
                        }
                    } else {
                        (None, None)
                    }
                } else {
                    (None, None)
                };
                let channel = after.or(before).and_then(|sd| channel_after(s, sd.verb));
                let speaker = speaker.unwrap_or(Speaker::Unattributed);
                if speaker != Speaker::Unattributed {
                    attributed_in_para = Some((speaker.clone(), verb.clone()));
                    r.focus = Some(speaker.clone());
                }
                quote_no += 1;
                r.facts.quotes.push(Quote {
                    id: format!("{}#q{quote_no}", article.id),
                    text: p.text[qs..qe].to_string(),
                    speaker,
                    verb,
                    channel,
                    continuation,
                    sentence: sid.clone(),
                    cite: cite(&article.id, p.n, &map, qs, qe),
                });
            }
            // A reported statement: the first verb that reports something besides a quote.
            if let Some(sd) = saids
                .iter()
                .find(|sd| sd.speaker.is_some() && !sd.after_quote)
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
            // Focus: the last speaker, else a pronoun subject, else a person opening the sentence.
            focus_from_last_sentence = false;
            if let Some(sp) = saids.iter().rev().find_map(|sd| sd.speaker.clone()) {
                r.focus = Some(sp);
                focus_from_last_sentence = true;
            } else if let Some(first) = s
                .tokens
                .iter()
                .find(|t| !matches!(t.norm.as_str(), "but" | "and" | "yet" | "so" | "then"))
            {
                if PRONOUNS_PERSON.contains(&first.norm.as_str()) {
                    focus_from_last_sentence = matches!(r.focus, Some(Speaker::Person(_)));
                } else if let Some(m) = subject_mention(s, &mentions, c) {
                    r.focus = Some(Speaker::Person(r.person_id(m.person)));
                    focus_from_last_sentence = true;
                }
            }
            // A quote still open at the sentence's end (or the paragraph's: news style opens the
            // next paragraph with the same speaker's words) keeps its speaker in focus.
            if sentence_quotes
                .iter()
                .any(|q| q.close > s.end || q.close == q.end && r.focus.is_some())
            {
                focus_from_last_sentence = true;
            }
            // Events and numbers.
            events_in(&mut r.facts.events, s, article, p.n, &sid, &map, c);
            numbers_in(&mut r.facts.numbers, s, article, p.n, &sid, &map, c);
            // Positions and proposals.
            let quote_speakers = r
                .facts
                .quotes
                .iter()
                .rev()
                .take_while(|q| q.sentence == sid)
                .map(|q| Some(q.speaker.clone()));
            let speaker_party = saids
                .iter()
                .map(|sd| sd.speaker.clone())
                .chain(quote_speakers)
                .find_map(|sp| match sp {
                    Some(Speaker::Person(id)) => {
                        registry.get(&id).and_then(|p| p.affiliation.clone())
                    }
                    Some(Speaker::Source(id)) => r
                        .facts
                        .sources
                        .iter()
                        .find(|x| x.id == id)
                        .and_then(|x| x.affiliation.clone()),
                    _ => None,
                });
            let stems: Vec<String> = s.tokens.iter().map(|t| stem(&t.norm)).collect();
            let lower = s.hay[s.start..s.end].to_lowercase();
            let proposal = stems.iter().any(|st| c.proposal_cues.contains(st));
            let stance = stems.iter().any(|st| c.position_cues.contains(st))
                || lower.contains("n’t")
                || lower.contains("n't");
            // Whose position: the speaker's party, and parties that hold the sentence (its
            // subject, a possessive, or "unacceptable to X" / "a non-starter for X").
            let mut parties: Vec<String> = Vec::new();
            for h in c.parties.find(&s.tokens) {
                let prev = h.start.checked_sub(1).map(|k| s.tokens[k].norm.as_str());
                let holds = h.start < 6
                    || s.tokens[h.end - 1].possessive
                    || matches!(prev, Some("for" | "to" | "by" | "from"));
                if holds {
                    push_unique(&mut parties, &c.lexicon.parties[h.entity].id);
                }
            }
            if let Some(sp) =
                speaker_party.filter(|sp| c.lexicon.parties.iter().any(|p| &p.id == sp))
            {
                push_unique(&mut parties, &sp);
            }
            for party in &parties {
                for topic in &facts.topics {
                    for (flag, kind) in [
                        (proposal, PositionKind::Proposal),
                        (stance, PositionKind::Position),
                    ] {
                        if flag {
                            r.facts.positions.push(Position {
                                party: party.clone(),
                                topic: topic.clone(),
                                kind,
                                sentence: sid.clone(),
                                cite: cite(&article.id, p.n, &map, s.start, s.end),
                            });
                        }
                    }
                }
            }
            para_facts.push(facts);
        }
        r.facts.sentences.push(para_facts);
    }
    let mut new_people: Vec<PersonDraft> = r.new_people.into_values().collect();
    new_people.sort_by(|a, b| a.id.cmp(&b.id));
    r.facts.new_people = new_people;
    r.facts
}

fn push_unique(v: &mut Vec<String>, x: &str) {
    if !v.iter().any(|y| y == x) {
        v.push(x.to_string());
    }
}

/// The channel after a reporting verb: "wrote on X", "said in a statement", "told reporters".
fn channel_after(s: &Sent, verb: usize) -> Option<String> {
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

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn weekday_index(w: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u32)
}

fn month_index(w: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1)
}

fn week_range(d: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    (monday, monday + Duration::days(6))
}

fn fmt_range(a: NaiveDate, b: NaiveDate) -> String {
    format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"))
}

fn events_in(
    out: &mut Vec<Event>,
    s: &Sent,
    article: &Article,
    n: u32,
    sid: &str,
    map: &CharMap,
    c: &Compiled,
) {
    let toks = &s.tokens;
    // An undated article's dates are resolved against a placeholder here; the builder then
    // keeps only those that carry their own year (`crate::intake::forget_guessed_dates`).
    let pubd = article.published.unwrap_or_default();
    let future = toks.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "will" | "next" | "tomorrow" | "plans" | "due"
        )
    });
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let prev = i.checked_sub(1).map(|p| toks[p].norm.as_str());
        let mut found: Option<(usize, usize, Option<String>)> = None;
        if let Some(wd) = weekday_index(&t.norm).filter(|_| t.capital) {
            let start = if matches!(
                prev,
                Some("on" | "last" | "this" | "next" | "since" | "until" | "by" | "early" | "late")
            ) {
                i - 1
            } else {
                i
            };
            let cur = pubd.weekday().num_days_from_monday();
            let date = if prev == Some("next") || (future && prev != Some("last")) {
                let ahead = (wd + 7 - cur) % 7;
                pubd + Duration::days(if ahead == 0 { 7 } else { ahead as i64 })
            } else {
                let back = (cur + 7 - wd) % 7;
                let back = if prev == Some("last") && back == 0 {
                    7
                } else {
                    back
                };
                pubd - Duration::days(back as i64)
            };
            found = Some((start, i + 1, Some(date.format("%Y-%m-%d").to_string())));
        } else if matches!(t.norm.as_str(), "week" | "month" | "year" | "weekend")
            && matches!(prev, Some("last" | "this" | "next"))
        {
            let shift = match prev {
                Some("last") => -1,
                Some("next") => 1,
                _ => 0,
            };
            let date = match t.norm.as_str() {
                "week" | "weekend" => {
                    let (a, b) = week_range(pubd + Duration::weeks(shift));
                    if t.norm == "weekend" {
                        Some(fmt_range(a + Duration::days(5), b))
                    } else {
                        Some(fmt_range(a, b))
                    }
                }
                "month" => {
                    let (y, m) = shift_month(pubd.year(), pubd.month(), shift);
                    Some(format!("{y:04}-{m:02}"))
                }
                _ => Some(format!("{}", pubd.year() + shift as i32)),
            };
            found = Some((i - 1, i + 1, date));
        } else if matches!(
            t.norm.as_str(),
            "yesterday" | "today" | "tomorrow" | "tonight"
        ) {
            let d = match t.norm.as_str() {
                "yesterday" => pubd - Duration::days(1),
                "tomorrow" => pubd + Duration::days(1),
                _ => pubd,
            };
            found = Some((i, i + 1, Some(d.format("%Y-%m-%d").to_string())));
        } else if t.numeric
            && t.norm.len() == 4
            && t.norm.chars().all(|ch| ch.is_ascii_digit())
            && matches!(prev, Some("in" | "since" | "by" | "until" | "of" | "from"))
        {
            let y: i32 = t.norm.parse().unwrap_or(0);
            if (1900..=2100).contains(&y) {
                found = Some((i - 1, i + 1, Some(t.norm.clone())));
            }
        } else if let Some(m) = month_index(&t.norm).filter(|_| {
            t.capital && t.norm != "may"
                || t.norm == "may" && toks.get(i + 1).is_some_and(|x| x.numeric)
        }) {
            // "April 23", "23 April", "April 2025", "end of March".
            let next_num = toks
                .get(i + 1)
                .filter(|x| x.numeric)
                .and_then(|x| x.norm.parse::<u32>().ok());
            let prev_num = i
                .checked_sub(1)
                .and_then(|p| toks[p].norm.parse::<u32>().ok());
            let (start, end, date) = match (prev_num, next_num) {
                (Some(d), _) if d <= 31 => (
                    i - 1,
                    i + 1,
                    NaiveDate::from_ymd_opt(pubd.year(), m, d)
                        .map(|x| x.format("%Y-%m-%d").to_string()),
                ),
                (_, Some(d)) if d <= 31 => (
                    i,
                    i + 2,
                    NaiveDate::from_ymd_opt(pubd.year(), m, d)
                        .map(|x| x.format("%Y-%m-%d").to_string()),
                ),
                (_, Some(y)) if (1900..=2100).contains(&y) => {
                    (i, i + 2, Some(format!("{y:04}-{m:02}")))
                }
                _ => (
                    i,
                    i + 1,
                    Some(format!(
                        "{:04}-{m:02}",
                        if m < pubd.month() && future {
                            pubd.year() + 1
                        } else {
                            pubd.year()
                        }
                    )),
                ),
            };
            found = Some((start, end, date));
        }
        if let Some((a, b, date)) = found {
            let (start, end) = (toks[a].start, toks[b - 1].end);
            out.push(Event {
                sentence: sid.to_string(),
                when_text: s.hay[start..end].to_string(),
                date,
                place: place_in(s, c),
                cite: cite(&article.id, n, map, start, end),
            });
            i = b;
        } else {
            i += 1;
        }
    }
}

fn shift_month(y: i32, m: u32, shift: i64) -> (i32, u32) {
    let total = y as i64 * 12 + (m as i64 - 1) + shift;
    (
        (total.div_euclid(12)) as i32,
        (total.rem_euclid(12) + 1) as u32,
    )
}

/// The first place a sentence names: "in Paris", "to India", "the London talks".
fn place_in(s: &Sent, c: &Compiled) -> Option<String> {
    let toks = &s.tokens;
    for i in 1..toks.len() {
        let t = &toks[i];
        if !t.capital
            || weekday_index(&t.norm).is_some()
            || month_index(&t.norm).is_some()
            || c.stopwords.contains(&t.norm)
        {
            continue;
        }
        let prev = toks[i - 1].norm.as_str();
        let next = toks.get(i + 1).map(|x| x.norm.as_str());
        let before_event = matches!(
            next,
            Some("talks" | "meeting" | "summit" | "session" | "conference" | "meet")
        );
        if matches!(prev, "in" | "at" | "to" | "near") && !c.not_names.contains(t.base(s.hay))
            || before_event && !t.possessive
        {
            return Some(t.base(s.hay).to_string());
        }
    }
    None
}

fn numbers_in(
    out: &mut Vec<NumberFact>,
    s: &Sent,
    article: &Article,
    n: u32,
    sid: &str,
    map: &CharMap,
    c: &Compiled,
) {
    let toks = &s.tokens;
    for (i, t) in toks.iter().enumerate() {
        let first_part = t.norm.split('-').next().unwrap_or("");
        let word_value = c.number_words.get(first_part).copied();
        let is_year = t.numeric
            && t.norm.len() == 4
            && t.norm
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        let value = if t.numeric {
            if is_year {
                continue;
            }
            t.norm
                .trim_end_matches('%')
                .replace(',', "")
                .parse::<f64>()
                .ok()
        } else if let Some(v) = word_value {
            // Only counts that measure something: "three-year", "three diplomats"; not "one of".
            if first_part == t.norm
                && toks
                    .get(i + 1)
                    .is_none_or(|x| c.stopwords.contains(&x.norm))
            {
                continue;
            }
            Some(v)
        } else {
            continue;
        };
        if t.numeric
            && toks
                .get(i + 1)
                .is_some_and(|x| weekday_index(&x.norm).is_some() || month_index(&x.norm).is_some())
        {
            continue;
        }
        if i > 0 && month_index(&toks[i - 1].norm).is_some() {
            continue;
        }
        // Left: a determiner or a modifier within two words.
        let mut a = i;
        for back in 1..=2 {
            if i < back {
                break;
            }
            let p = &toks[i - back];
            if !adjacent_or_soft(s.hay, p.end, toks[i - back + 1].start) {
                break;
            }
            if matches!(
                p.norm.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "some"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "more"
                    | "than"
                    | "remaining"
                    | "around"
                    | "roughly"
                    | "at"
                    | "least"
                    | "only"
                    | "just"
            ) {
                a = i - back;
            } else {
                break;
            }
        }
        // Right: the nouns it counts, through "of" and possessives.
        let mut b = i + 1;
        while b < toks.len() && b - i <= 5 {
            let x = &toks[b];
            if !adjacent_or_soft(s.hay, toks[b - 1].end, x.start)
                && !s.hay[toks[b - 1].end..x.start].trim().is_empty()
            {
                break;
            }
            let stop = c.stopwords.contains(&x.norm) && !matches!(x.norm.as_str(), "of");
            if stop || c.reporting_verbs.contains(&x.norm) {
                break;
            }
            b += 1;
            if x.possessive {
                continue;
            }
        }
        while b > i + 1 && toks[b - 1].norm == "of" {
            b -= 1;
        }
        let (start, end) = (toks[a].start, toks[b - 1].end);
        out.push(NumberFact {
            number: t.text(s.hay).to_string(),
            value,
            measures: s.hay[start..end].to_string(),
            sentence: sid.to_string(),
            cite: cite(&article.id, n, map, start, end),
        });
    }
}

/// Capitalised words the articles use as places ("in Mirren", "to Brask"), lowercase.
pub fn place_words(articles: &[Article]) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for a in articles {
        for p in &a.paragraphs {
            let toks = tokenize(&p.text);
            let place_word = |t: &Token| {
                matches!(
                    t.norm.as_str(),
                    "in" | "at" | "from" | "to" | "near" | "outside" | "across" | "into"
                )
            };
            for (i, t) in toks.iter().enumerate() {
                if !place_word(t) {
                    continue;
                }
                // "in Mirren", "in the Amber Sound": every capitalised word of the place.
                let mut j = i + 1;
                if toks.get(j).is_some_and(|x| x.norm == "the") {
                    j += 1;
                }
                while let Some(x) = toks.get(j).filter(|x| x.capital) {
                    out.insert(x.norm.clone());
                    j += 1;
                }
            }
        }
    }
    out
}

/// Normalised words of a name, for matching questions.
pub fn name_words(name: &str) -> Vec<String> {
    tokenize(name)
        .iter()
        .map(|t| normalize(t.base(name)))
        .collect()
}
