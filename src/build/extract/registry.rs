//! The people the builder knows across all articles, and where a sentence mentions them.
//!
//! Owns [`Registry`] (full names, surnames, places that are not people) and the lookup of a
//! person in a sentence's tokens. It must not decide who said something or find new names in
//! text: pass one (`people`) adds people, attribution reads them.

use std::collections::HashMap;

use crate::article::Article;
use crate::knowledge::Role;
use crate::text::{normalize, tokenize, Token};

use super::Sent;

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
    pub(super) by_id: HashMap<String, usize>,
    /// People by the first word of their name (full-name lookups).
    pub(super) by_first: HashMap<String, Vec<usize>>,
    /// People by the last word of their name (surname lookups), first added first.
    pub(super) by_last: HashMap<String, Vec<usize>>,
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
        *self = Registry {
            places,
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
        if words.len() == 1 {
            return self.by_last.get(&words[0]).and_then(|v| v.first().copied());
        }
        None
    }
}

/// A person mention in a sentence: token range and registry index.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) person: usize,
}

pub(super) fn person_mentions(s: &Sent, registry: &Registry) -> Vec<Mention> {
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

#[cfg(test)]
mod tests {
    use super::super::testing::read;
    use super::name_words;

    #[test]
    fn mentions_find_full_names_and_surnames_and_the_registry_folds_them() {
        let (reg, f) = read(&["Envoy Jonas Pelt arrived. Pelt said the talks would resume."]);
        assert_eq!(reg.people.len(), 1);
        assert_eq!(f.sentences[0][0].people, ["jonas-pelt"]);
        assert_eq!(f.sentences[0][1].people, ["jonas-pelt"]);
        assert_eq!(name_words("Jonas Pelt’s"), ["jonas", "pelt"]);
    }
}
