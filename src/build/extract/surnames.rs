//! Who a surname written alone stands for when several known people share it: the one the
//! headline names in full, the one every nearby use of it stood for, or the one the article
//! let it stand for before any namesake was named.
//!
//! Owns what the article's earlier uses of each surname settled. It must not read reporting
//! verbs or quotations, nor settle a surname when a namesake named nearby leaves it open.

use std::collections::{HashMap, HashSet};

use crate::lexicon::Compiled;

use super::registry::{Mention, Registry};
use super::sentence::{adjacent, surname_alone, Sent};

/// What the article's uses of surnames so far settled.
#[derive(Default)]
pub(super) struct Surnames {
    /// The uses of known surnames in the paragraph before.
    prev_uses: Vec<(String, Option<usize>)>,
    /// The uses of known surnames in this paragraph so far.
    here_uses: Vec<(String, Option<usize>)>,
    /// Whom each surname written alone has stood for so far.
    bare_for: HashMap<String, HashSet<usize>>,
    /// Whom each surname written alone has stood for while no namesake was yet named in full:
    /// the article's own convention for that surname.
    bare_alone: HashMap<String, HashSet<usize>>,
}

impl Surnames {
    /// Settles the surnames alone among `mentions` of sentence `s` that the registry left
    /// open, given the one person the headline names in full, and the people named in full in
    /// this paragraph (`this_full`) and in it and the one before (`near_full`).
    pub(super) fn settle(
        &mut self,
        s: &Sent,
        mentions: &mut [Mention],
        headline_full: Option<usize>,
        (this_full, near_full): (&HashSet<usize>, &HashSet<usize>),
        registry: &Registry,
        c: &Compiled,
    ) {
        let Surnames {
            prev_uses,
            here_uses,
            bare_for,
            bare_alone,
        } = self;
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
                .chain(here_uses.iter())
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
    }

    /// Records whom each surname alone in `s` stood for once settled (`mentions`), with the
    /// people named in full so far (`so_far`).
    pub(super) fn record(
        &mut self,
        s: &Sent,
        mentions: &[Mention],
        so_far: &HashSet<usize>,
        registry: &Registry,
    ) {
        let Surnames {
            bare_for,
            bare_alone,
            ..
        } = self;
        for m in mentions.iter().filter(|m| m.end == m.start + 1) {
            if let Some(p) = m.person {
                if registry.people[p].words.last() == Some(&s.tokens[m.start].norm) {
                    bare_for
                        .entry(s.tokens[m.start].norm.clone())
                        .or_default()
                        .insert(p);
                    let namesake_so_far = so_far.iter().any(|&o| {
                        o != p && registry.people[o].words.last() == registry.people[p].words.last()
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
    }

    /// At the end of a paragraph: its uses become the paragraph before's.
    pub(super) fn next_paragraph(&mut self) {
        self.prev_uses = std::mem::take(&mut self.here_uses);
    }
}
