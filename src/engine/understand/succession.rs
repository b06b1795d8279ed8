//! Who held a role before or after someone: "who was Morvany's envoy before Faure", "who
//! replaced Kellan as foreign minister", "Faure's predecessor". Owns reading that question (the
//! words are `succession_before`, `succession_after` and `succession_verbs` in
//! `config/language.toml`) and finding the other holder of the role through the people's roles
//! and when the sources first mention them; must not compose the answer (`intents/who.rs` does).

use rustc_hash::FxHashSet as HashSet;

use super::Query;
use crate::engine::Engine;
use crate::text::tokenize;

/// Which holder of a role a question asks for, relative to the person it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Succession {
    /// The one before ("before Faure", "Faure's predecessor", "who did Faure replace").
    Before,
    /// The one after ("who replaced Kellan", "Kellan's successor").
    After,
}

impl Engine {
    /// Whether the question asks who held a role before or after the one person it names. A
    /// verb of succession reads by where the name stands: after it, the holder asked for came
    /// later ("who replaced Kellan"); before it, earlier ("who did Faure replace").
    pub(crate) fn succession(&self, q: &Query) -> Option<Succession> {
        let lang = &self.knowledge.lexicon.language;
        let named: Vec<&(bool, usize, usize, usize)> =
            q.spans.iter().filter(|s| s.0).collect::<Vec<_>>();
        if q.people.len() != 1 || named.len() != 1 {
            return None;
        }
        let (name_start, name_end) = (named[0].2, named[0].3);
        let is = |list: &[String], w: &str| list.iter().any(|x| x == w);
        for (k, t) in q.tokens.iter().enumerate() {
            let w = t.norm.as_str();
            // The word must be about the name: next to it, or one word away ("before Faure",
            // "Faure's predecessor", "the predecessor of Faure"), not "met X before the talks".
            let near = k + 2 >= name_start && k < name_start || k >= name_end && k < name_end + 2;
            if !near {
                continue;
            }
            if is(&lang.succession_before, w) {
                return Some(Succession::Before);
            }
            if is(&lang.succession_after, w) {
                return Some(Succession::After);
            }
            if is(&lang.succession_verbs, w) {
                return Some(if name_start > k {
                    Succession::After
                } else if name_end <= k {
                    Succession::Before
                } else {
                    continue;
                });
            }
        }
        None
    }

    /// When the sources first mention a person: the article's place, oldest first, then the
    /// sentence's. People never mentioned come last.
    pub(crate) fn first_seen(&self, p: usize) -> (usize, usize) {
        let n = self.newest_first.len();
        let mut age = vec![0usize; n];
        for (rank, &a) in self.newest_first.iter().enumerate() {
            age[a] = rank;
        }
        self.person_sents
            .get(p)
            .into_iter()
            .flatten()
            .map(|&s| {
                let a = self.sents[s].article;
                (n - 1 - age.get(a).copied().unwrap_or(n - 1), s)
            })
            .min()
            .unwrap_or((usize::MAX, usize::MAX))
    }

    /// The titles typed, leaving out the words of succession themselves (a role may read
    /// "her predecessor").
    fn typed_titles(&self, q: &Query) -> Vec<String> {
        let lang = &self.knowledge.lexicon.language;
        let succession: HashSet<String> = [
            &lang.succession_before,
            &lang.succession_after,
            &lang.succession_verbs,
        ]
        .into_iter()
        .flatten()
        .map(|w| self.stem(w))
        .collect();
        q.terms
            .iter()
            .filter(|t| {
                t.is_asked() && self.is_title_stem(&t.stem) && !succession.contains(&t.stem)
            })
            .map(|t| t.stem.clone())
            .collect()
    }

    /// The title stems a succession question is about: the titles typed ("as foreign
    /// minister"), else every title in the named person's roles.
    fn succession_titles(&self, q: &Query, p: usize) -> Vec<String> {
        let typed = self.typed_titles(q);
        if !typed.is_empty() {
            return typed;
        }
        let mut titles: Vec<String> = Vec::new();
        for r in &self.knowledge.people[p].roles {
            for t in tokenize(&r.text) {
                let st = self.stem(&t.norm);
                if self.is_title_stem(&st) && !titles.contains(&st) {
                    titles.push(st);
                }
            }
        }
        titles
    }

    /// The other holder of the named person's role (of the same party, where both have one)
    /// first mentioned nearest before them, or nearest after; None when the sources name no
    /// one else in that role on that side.
    pub(crate) fn other_holder(&self, q: &Query, p: usize, dir: Succession) -> Option<usize> {
        let titles = self.succession_titles(q, p);
        if titles.is_empty() {
            return None;
        }
        let typed = !self.typed_titles(q).is_empty();
        let people = &self.knowledge.people;
        let party = people[p].affiliation.as_deref();
        let seen = self.first_seen(p);
        let mut best: Option<((usize, usize), usize)> = None;
        for (i, other) in people.iter().enumerate() {
            if i == p {
                continue;
            }
            if let (Some(a), Some(b)) = (party, other.affiliation.as_deref()) {
                if a != b {
                    continue;
                }
            }
            let stems: &HashSet<String> = &self.role_stems[i];
            // Typed titles must all be held ("foreign minister"); the named person's own
            // titles need only one in common.
            let holds = if typed {
                titles.iter().all(|t| stems.contains(t))
            } else {
                titles.iter().any(|t| stems.contains(t))
            };
            if !holds {
                continue;
            }
            let when = self.first_seen(i);
            let nearer = match dir {
                Succession::Before => when < seen && best.is_none_or(|(b, _)| when > b),
                Succession::After => when > seen && best.is_none_or(|(b, _)| when < b),
            };
            if nearer {
                best = Some((when, i));
            }
        }
        best.map(|b| b.1)
    }
}
