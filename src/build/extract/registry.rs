//! The people the builder knows across all articles, and where a sentence mentions them.
//!
//! Owns [`Registry`] (full names, surnames, places that are not people) and the lookup of a
//! person in a sentence's tokens. It must not decide who said something or find new names in
//! text: pass one (`people`) adds people, attribution reads them.

use std::collections::{HashMap, HashSet};

use crate::knowledge::Role;
use crate::lexicon::Compiled;
use crate::text::{normalize, tokenize};

use super::Sent;

/// The most words a nickname in quotation marks may have ("Iron Teddy", "the Walrus").
pub(super) const NICKNAME_WORDS: usize = 4;

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
    /// Titles their honorifics stand for ("Sen. Holloway": "senator"), lowercase.
    pub honorific_titles: Vec<String>,
}

/// Named people across all articles.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// The people, in order of first appearance.
    pub people: Vec<PersonDraft>,
    pub(super) by_id: rustc_hash::FxHashMap<String, usize>,
    /// People by the first word of their name (full-name lookups).
    pub(super) by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// People by the last word of their name (surname lookups), first added first.
    pub(super) by_last: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Capitalised words the articles use as places, lowercase: such a word alone is no name.
    pub places: std::collections::HashSet<String>,
    /// Nicknames the articles give in quotation marks ("Dorian “the Walrus” Vakt", "X, dubbed
    /// “Iron Teddy”"), lowercase words without a leading article, each with the names (as
    /// lowercase words) of the people the text ties it to. A nickname is never a person of its
    /// own.
    pub nicknames: HashMap<Vec<String>, Vec<Vec<String>>>,
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
            for t in draft.honorific_titles {
                if !p.honorific_titles.contains(&t) {
                    p.honorific_titles.push(t);
                }
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
        let nicknames = std::mem::take(&mut self.nicknames);
        *self = Registry {
            places,
            nicknames,
            ..Registry::default()
        };
        for p in people.into_iter().filter(|p| keep(p)) {
            self.add(p);
        }
    }

    /// Folds a person known by one word into the one person whose full name ends with it
    /// ("Grusin" into "Petar Grusin"), across articles; a surname two full names share stays.
    pub fn merge_surnames(&mut self) {
        let mut into: HashMap<usize, usize> = HashMap::new();
        for (i, p) in self.people.iter().enumerate() {
            if let Some(j) = self.nickname_of(&p.words) {
                into.insert(i, j);
                continue;
            }
            if p.words.len() != 1 {
                continue;
            }
            let full: Vec<usize> = self.by_last[&p.words[0]]
                .iter()
                .copied()
                .filter(|&j| self.people[j].words.len() > 1)
                .collect();
            if let [j] = full[..] {
                into.insert(i, j);
            }
        }
        if into.is_empty() {
            return;
        }
        let mut pairs: Vec<(usize, usize)> = into.iter().map(|(&i, &j)| (i, j)).collect();
        pairs.sort_unstable();
        for (i, j) in pairs {
            let single = self.people[i].clone();
            let id = &self.people[j];
            self.add(PersonDraft {
                id: id.id.clone(),
                name: id.name.clone(),
                words: id.words.clone(),
                ..single
            });
        }
        let gone: std::collections::HashSet<String> =
            into.keys().map(|&i| self.people[i].id.clone()).collect();
        self.retain(|p| !gone.contains(&p.id));
    }

    /// Records that the text calls the person named `name` (lowercase words) by `nickname`;
    /// an empty `name` records a nickname the text gives no one it names.
    pub(super) fn add_nickname(&mut self, nickname: Vec<String>, name: Vec<String>) {
        let of = self.nicknames.entry(nickname).or_default();
        if !of.contains(&name) {
            of.push(name);
        }
    }

    /// Who a nickname the text gave in quotation marks stands for: `None` when `words` is no
    /// such nickname, `Some(None)` when it is one but the text ties it to no one person
    /// (never a new person then), `Some(Some(i))` for the one person it was given to.
    pub(super) fn nickname_for(&self, words: &[String]) -> Option<Option<usize>> {
        let of = self.nicknames.get(words)?;
        let mut found = None;
        // A nickname met once tied to no name (an empty one) and elsewhere to a person is that
        // person's.
        for name in of.iter().filter(|n| !n.is_empty()) {
            match (self.find_words(name), found) {
                (None, _) => return Some(None),
                (Some(i), Some(j)) if i != j => return Some(None),
                (Some(i), _) => found = Some(i),
            }
        }
        Some(found)
    }

    /// Drops every person whose name is only a nickname the text gave someone ("Walrus" from
    /// "the Walrus fumed" once the article has said whom it names).
    pub fn forget_nicknames(&mut self) {
        if self.nicknames.is_empty() {
            return;
        }
        let nicknames = self.nicknames.clone();
        self.retain(|p| !nicknames.contains_key(&p.words));
    }

    /// Forgets the nicknames that never were: a place's or a side's name (`party_words`;
    /// "called the Norvaine approach risky"), and a name or surname someone in the articles
    /// bears ("is also called Quell"). Call once the places are known.
    pub fn drop_stray_nicknames(&mut self, party_words: &HashSet<String>) {
        let (people, places) = (&self.people, &self.places);
        let named = |words: &[String]| {
            people
                .iter()
                .any(|p| p.words == words || (words.len() == 1 && p.words.last() == words.last()))
        };
        let place = |words: &[String]| {
            words
                .iter()
                .all(|w| places.contains(w) || party_words.contains(w))
        };
        self.nicknames
            .retain(|words, _| !place(words) && !named(words));
    }

    /// The one person a nickname stands for: an English word before a given name ("Big Bram",
    /// "Iron Ilse") is whoever has that given name in full ("Bram Ostler"), when only one does.
    pub(super) fn nickname_of(&self, words: &[String]) -> Option<usize> {
        let [epithet, given] = words else {
            return None;
        };
        if super::people::given_name_like(epithet) {
            return None;
        }
        let full: Vec<usize> = self
            .by_first
            .get(given)?
            .iter()
            .copied()
            .filter(|&j| self.people[j].words.len() > 1 && self.people[j].words != words)
            .collect();
        match full[..] {
            [j] => Some(j),
            _ => None,
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

    /// The person whose full name is these words, or the one person whose surname is the one
    /// word.
    pub(super) fn find_words(&self, words: &[String]) -> Option<usize> {
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
        // A surname stands for a person only when no one else has it.
        if words.len() == 1 {
            return match self.by_last.get(&words[0]).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                _ => None,
            };
        }
        None
    }
}

/// A person mention in a sentence: token range and registry index, or `None` for a surname
/// several people share that the text does not settle.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) person: Option<usize>,
}

impl Registry {
    /// True when every word of a title is in the person's roles or honorifics.
    pub(super) fn fits(&self, person: usize, words: &[String]) -> bool {
        let p = &self.people[person];
        let own: Vec<String> = p
            .roles
            .iter()
            .flat_map(|r| tokenize(&r.text).into_iter().map(|t| t.norm))
            .chain(p.honorific_titles.iter().cloned())
            .collect();
        words.iter().all(|w| own.contains(w))
    }

    /// The people named by their full name anywhere in an article's sentences: who a surname
    /// several people share stands for there, when only one of them is.
    pub(super) fn named_in_full(&self, sents: &[Sent]) -> HashSet<usize> {
        let mut out = HashSet::new();
        for s in sents {
            for i in 0..s.tokens.len() {
                if let Some(pi) = self.full_name_at(s, i) {
                    out.insert(pi);
                }
            }
        }
        out
    }

    /// Every use of a known surname in a sentence, in order: with the person when it ends
    /// their full name ("Lena Korsgaard"), None when it stands alone ("Korsgaard's").
    pub(super) fn surname_uses(&self, s: &Sent) -> Vec<(String, Option<usize>)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.tokens.len() {
            if let Some(pi) = self.full_name_at(s, i) {
                let words = &self.people[pi].words;
                out.push((words[words.len() - 1].clone(), Some(pi)));
                i += words.len();
                continue;
            }
            let t = &s.tokens[i];
            if t.capital && self.by_last.contains_key(&t.norm) {
                out.push((t.norm.clone(), None));
            }
            i += 1;
        }
        out
    }

    /// A nickname the text gave in quotation marks, written (capitalised) from token `i`.
    fn nickname_at(&self, s: &Sent, i: usize) -> Option<Mention> {
        if self.nicknames.is_empty() {
            return None;
        }
        (1..=NICKNAME_WORDS).rev().find_map(|n| {
            let toks = s.tokens.get(i..i + n)?;
            if !toks.iter().all(|t| t.capital) || toks[..n - 1].iter().any(|t| t.possessive) {
                return None;
            }
            let words: Vec<String> = toks.iter().map(|t| t.norm.clone()).collect();
            self.nickname_for(&words).map(|person| Mention {
                start: i,
                end: i + n,
                person,
            })
        })
    }

    fn full_name_at(&self, s: &Sent, i: usize) -> Option<usize> {
        let t = &s.tokens[i];
        if !t.capital {
            return None;
        }
        self.by_first
            .get(&t.norm)
            .into_iter()
            .flatten()
            .copied()
            .find(|&pi| {
                let words = &self.people[pi].words;
                words.len() > 1
                    && i + words.len() <= s.tokens.len()
                    && s.tokens[i..i + words.len()]
                        .iter()
                        .zip(words)
                        .all(|(t, w)| &t.norm == w)
            })
    }

    /// A first name alone ("Pavel, 58, is a former surveyor"), as news writing uses for
    /// relatives who share a surname: the person of this article named in full with that first
    /// name, or nobody in particular when several are.
    fn first_name_at(&self, s: &Sent, i: usize, in_full: &HashSet<usize>) -> Option<Mention> {
        let named: Vec<usize> = self
            .by_first
            .get(&s.tokens[i].norm)?
            .iter()
            .copied()
            .filter(|p| in_full.contains(p) && self.people[*p].words.len() > 1)
            .collect();
        (!named.is_empty()).then(|| Mention {
            start: i,
            end: i + 1,
            person: match named[..] {
                [one] => Some(one),
                _ => None,
            },
        })
    }

    /// Who a surname at token `i` stands for. One person with that surname is that person;
    /// several are told apart only by the text: the one of them this article names in full, or
    /// the one the honorific or title right before the surname fits ("Gen. Kell", "Foreign
    /// Minister Kell", "Ms Kell" when only she was written "Ms" before her full name).
    fn surname_at(
        &self,
        s: &Sent,
        i: usize,
        candidates: &[usize],
        in_full: &HashSet<usize>,
        c: &Compiled,
    ) -> Option<usize> {
        if let [one] = candidates {
            return Some(*one);
        }
        let mut pool: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|p| in_full.contains(p))
            .collect();
        if pool.is_empty() {
            pool = candidates.to_vec();
        }
        if let [one] = pool[..] {
            return Some(one);
        }
        let words = title_before(s, i, c);
        if words.is_empty() {
            return None;
        }
        let fitting: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|&p| self.fits(p, &words))
            .collect();
        if let [one] = fitting[..] {
            return Some(one);
        }
        // "Mr. Fenwick" when Mrs. Dorothea Fenwick and Ray Fenwick are named: a courtesy title
        // of one sex is not whoever was written with one of the other.
        let courtesy = |set: &dyn Fn(&str) -> bool| set(&words[0]);
        let masculine = |w: &str| c.masculine_honorifics.iter().any(|h| normalize(h) == w);
        let feminine = |w: &str| c.feminine_honorifics.iter().any(|h| normalize(h) == w);
        let other: &dyn Fn(&str) -> bool = if courtesy(&masculine) {
            &feminine
        } else if courtesy(&feminine) {
            &masculine
        } else {
            return None;
        };
        if !fitting.is_empty() || words.len() != 1 {
            return None;
        }
        let left: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|&p| !self.people[p].honorific_titles.iter().any(|t| other(t)))
            .collect();
        match left[..] {
            [one] if left.len() < pool.len() => Some(one),
            _ => None,
        }
    }

    /// Who a surname shared by several people named in full in an article stands for at a
    /// point in it: those named in full so far, and those named in full later whose surname no
    /// one named so far bears ("Gregor Aldane ... Aldane said ... his wife, Irena Aldane": the
    /// surname is his until she is named).
    pub(super) fn named_so_far(
        &self,
        anywhere: &HashSet<usize>,
        so_far: &HashSet<usize>,
    ) -> HashSet<usize> {
        let last = |p: usize| self.people[p].words.last();
        anywhere
            .iter()
            .copied()
            .filter(|&p| {
                so_far.contains(&p)
                    || !so_far
                        .iter()
                        .any(|&q| q != p && last(q).is_some() && last(q) == last(p))
            })
            .collect()
    }
}

/// The honorific ("Gen." as "general", "Ms" as "ms") or the title words ("Foreign Minister")
/// standing right before token `i`, lowercase; empty when there is none.
pub(super) fn title_before(s: &Sent, i: usize, c: &Compiled) -> Vec<String> {
    if i == 0 {
        return Vec::new();
    }
    let h = &s.tokens[i - 1];
    let gap = s.hay[h.end..s.tokens[i].start].trim();
    if gap.is_empty() || gap == "." {
        if let Some(title) = c.honorifics.get(h.base(s.hay)) {
            let word = if title.is_empty() {
                normalize(h.base(s.hay))
            } else {
                title.clone()
            };
            return vec![word];
        }
    }
    let titles = s.titles(c);
    let mut k = i;
    while k > 0
        && (titles[k - 1] || c.role_modifiers.contains(&s.tokens[k - 1].norm))
        && super::adjacent(s.hay, s.tokens[k - 1].end, s.tokens[k].start)
        && !s.tokens[k - 1].possessive
    {
        k -= 1;
    }
    if !(k..i).any(|j| titles[j]) {
        return Vec::new();
    }
    s.tokens[k..i]
        .iter()
        .map(|t| t.norm.clone())
        .filter(|w| !c.stopwords.contains(w))
        .collect()
}

/// The people a sentence mentions, by full name or by surname; a surname the text does not
/// settle between several people is a mention of nobody in particular (`person` is `None`).
pub(super) fn person_mentions(
    s: &Sent,
    registry: &Registry,
    in_full: &HashSet<usize>,
    c: &Compiled,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let titles = s.titles(c);
    let parties = s.parties(c);
    let mut i = 0;
    while i < s.tokens.len() {
        if !s.tokens[i].capital {
            i += 1;
            continue;
        }
        // "Jonas Amsel" when only Ruth Amsel is known: the surname after another given name is
        // not hers; whose it is, the registry cannot tell.
        let other_given_name = i > 0 && {
            let g = &s.tokens[i - 1];
            super::adjacent(s.hay, g.end, s.tokens[i].start)
                && !g.possessive
                && super::people::is_name_token(
                    g,
                    s.hay,
                    c,
                    titles[i - 1],
                    parties[i - 1].is_some(),
                )
                && !registry.places.contains(&g.norm)
                // A sentence's first word is a name only when it looks like one ("Ruth", not
                // "Yesterday").
                && (i > 1 || super::people::given_name_like(&g.norm))
        };
        let nickname = registry.nickname_at(s, i);
        let found = match registry.full_name_at(s, i) {
            Some(pi) => Some(Mention {
                start: i,
                end: i + registry.people[pi].words.len(),
                person: Some(pi),
            }),
            // "the Walrus fumed": a nickname the text gave someone is a mention of them, or of
            // nobody in particular when the text does not say whom.
            None if nickname.is_some() => nickname,
            // Nobody in particular: never the known person, and no new one either ("Osterran
            // Holt" is no name).
            None if other_given_name && registry.by_last.contains_key(&s.tokens[i].norm) => {
                Some(Mention {
                    start: i,
                    end: i + 1,
                    person: None,
                })
            }
            None => registry
                .by_last
                .get(&s.tokens[i].norm)
                .map(|candidates| Mention {
                    start: i,
                    end: i + 1,
                    person: registry.surname_at(s, i, candidates, in_full, c),
                })
                .or_else(|| registry.first_name_at(s, i, in_full)),
        };
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

#[cfg(test)]
mod tests;
