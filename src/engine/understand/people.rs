//! People in a question: by their name's words (a full name winning over its parts), by a
//! misspelling of a name ([`Engine::fuzzy_person`]), or by the role the question names
//! ([`Engine::person_by_role`]). Owns how a person is recognised; must not decide what is said
//! about them.
//!
//! Ties: a word of several people's names that no full name in the question settles ("Brandt"
//! for Adele and Karl Brandt) names none of them; it is recorded in `Query::ambiguous`. A
//! question about a person ("who is", "what did ... say", "where does ... stand") is then
//! declined, asking which one is meant; any other question searches for the word like any
//! other word. Such a word is not a target for spelling correction either. (Before, the first
//! of them in the knowledge file's order was taken.)

use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;

use super::{push_unique_usize, Query, TermOrigin};
use crate::engine::Engine;
use crate::text::tokenize;

/// A word of a person's name, with what rules it out quickly as a misspelling's target.
#[derive(Debug, Clone)]
pub(crate) struct NameWord {
    pub(crate) word: String,
    pub(crate) chars: usize,
    pub(crate) mask: u64,
    pub(crate) person: usize,
    /// The word is in several people's names: a misspelling of it names no one.
    pub(crate) shared: bool,
}

/// The words of `name_words` that spelling correction tries: four letters or more, sorted.
pub(crate) fn name_list(name_words: &HashMap<String, Vec<usize>>) -> Vec<NameWord> {
    let mut list: Vec<NameWord> = name_words
        .iter()
        .filter(|(w, _)| w.chars().count() >= 4)
        .map(|(w, people)| NameWord {
            word: w.clone(),
            chars: w.chars().count(),
            mask: letter_mask(w),
            person: people[0],
            shared: people.len() > 1,
        })
        .collect();
    list.sort_by(|a, b| a.word.cmp(&b.word));
    list
}

/// Which letters a word has, one bit each (digits share bits, as does everything else): a
/// letter one word has and the other lacks is at least one edit.
pub(crate) fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0u64, |m, c| {
        m | 1
            << match c {
                'a'..='z' => c as u32 - 'a' as u32,
                'A'..='Z' => c as u32 - 'A' as u32 + 26,
                '0'..='9' => 52 + (c as u32 - '0' as u32) % 8,
                _ => 63,
            }
    })
}

impl Engine {
    /// "President Dobrev", "the deputy pm svyrydenko": the words of a named person's own role
    /// right before their name are part of naming them, not what the question is about.
    pub(crate) fn mark_name_titles(&self, q: &Query, used: &mut [bool]) {
        for &(is_person, p, start, _) in &q.spans {
            if !is_person {
                continue;
            }
            let Some(role) = self.role_stems.get(p) else {
                continue;
            };
            let mut k = start;
            while k > 0 && !used[k - 1] && role.contains(&self.stem(&q.tokens[k - 1].norm)) {
                used[k - 1] = true;
                k -= 1;
            }
        }
    }

    /// People named by the words of their name, a full name winning over its parts; a word
    /// several people share, with no full name to settle it, is recorded as ambiguous.
    pub(crate) fn find_people(&self, q: &mut Query, used: &mut [bool]) {
        let mut i = 0;
        while i < q.tokens.len() {
            let norm = q.tokens[i].norm.clone();
            if let Some(people) = self.name_words.get(&norm) {
                // The longest full name starting here wins over its parts; with none, the word
                // names its person only if it is in one person's name.
                let mut best: Vec<usize> = Vec::new();
                let mut best_len = 0;
                for &p in people {
                    let words: Vec<String> = tokenize(&self.knowledge.people[p].name)
                        .iter()
                        .map(|t| t.norm.clone())
                        .collect();
                    let len = words.len();
                    if i + len <= q.tokens.len()
                        && q.tokens[i..i + len]
                            .iter()
                            .zip(&words)
                            .all(|(t, w)| &t.norm == w)
                        && len >= best_len
                    {
                        if len > best_len {
                            best.clear();
                        }
                        best.push(p);
                        best_len = len;
                    }
                }
                if best.is_empty() {
                    best.clone_from(people);
                    best_len = 1;
                }
                let [best] = best[..] else {
                    let name = &self.knowledge.people[best[0]].name;
                    let typed = tokenize(name)
                        .into_iter()
                        .find(|t| t.norm == norm)
                        .map_or(norm.clone(), |t| t.base(name).to_string());
                    // Not a slot: for a search it stays a word to look for like any other.
                    q.ambiguous.push((typed, best));
                    i += 1;
                    continue;
                };
                push_unique_usize(&mut q.people, best);
                push_unique_usize(&mut q.by_name, best);
                q.spans.push((true, best, i, i + best_len));
                for u in used.iter_mut().skip(i).take(best_len) {
                    *u = true;
                }
                i += best_len;
                continue;
            }
            i += 1;
        }
    }

    pub(crate) fn fuzzy_person(&self, norm: &str) -> Option<usize> {
        let n = norm.chars().count();
        if n < 4 {
            return None;
        }
        // "rubios" for "Rubio's".
        if let Some(base) = norm.strip_suffix('s') {
            if let Some(p) = self.name_words.get(base) {
                return Some(p[0]);
            }
        }
        let max = if n >= 7 { 2 } else { 1 };
        let mask = letter_mask(norm);
        let first = norm.chars().next();
        // Nearest first; at the same distance a name with the same first letter, then the
        // person the sources mention most, then the first in word order, so a tie goes to the
        // same name however the engine was started.
        // (distance, other first letter, fewer sentences) and the person.
        type Rank = (usize, bool, std::cmp::Reverse<usize>);
        let mut best: Option<(Rank, &NameWord)> = None;
        for w in &self.name_list {
            if w.chars.abs_diff(n) > max
                || (mask & !w.mask).count_ones() as usize > max
                || (w.mask & !mask).count_ones() as usize > max
                || letters_differ_by_more_than(norm, &w.word, max)
            {
                continue;
            }
            let d = strsim::damerau_levenshtein(norm, &w.word);
            if d > max {
                continue;
            }
            let rank = (
                d,
                w.word.chars().next() != first,
                std::cmp::Reverse(self.person_sents[w.person].len()),
            );
            if best.as_ref().is_none_or(|(b, _)| rank < *b) {
                best = Some((rank, w));
            }
        }
        // A misspelling of a word several people share cannot say which of them is meant.
        best.filter(|(_, w)| !w.shared).map(|(_, w)| w.person)
    }

    pub(crate) fn is_title_stem(&self, st: &str) -> bool {
        self.title_word_stems.contains(st)
    }

    /// "the US vice president", "the british PM": the person whose role fits those words.
    pub(crate) fn person_by_role(&self, q: &Query) -> Option<usize> {
        // The titles typed; failing those, a title derived from a word typed ("who is
        // mediating" -> mediator, through WordNet's derived forms).
        let typed = q
            .terms
            .iter()
            .any(|t| t.is_asked() && self.is_title_stem(&t.stem));
        let want: Vec<String> = q
            .terms
            .iter()
            .filter(|t| {
                (if typed {
                    t.is_asked()
                } else {
                    t.origin == TermOrigin::Related
                }) && self.is_title_stem(&t.stem)
            })
            // A title's shorthand stands for its words ("pm" -> prime minister; `shorthand` in
            // config/language.toml), as it does in questions.
            .flat_map(|t| match self.lex.shorthand.get(&t.stem) {
                Some(full) => tokenize(full)
                    .iter()
                    .map(|w| self.stem(&w.norm))
                    .collect::<Vec<_>>(),
                None => vec![t.stem.clone()],
            })
            .collect();
        if want.is_empty() {
            return None;
        }
        // One party named is whose the role is ("Teravia's envoy"); two or more are the sides
        // of something ("mediating between Teravia and Morvany"), which no one belongs to.
        let want_parties: Vec<&str> = if q.parties.len() == 1 {
            vec![self.knowledge.lexicon.parties[q.parties[0]].id.as_str()]
        } else {
            Vec::new()
        };
        let mut holders: Vec<usize> = Vec::new();
        for (i, p) in self.knowledge.people.iter().enumerate() {
            if !want_parties.is_empty()
                && !p
                    .affiliation
                    .as_deref()
                    .is_some_and(|a| want_parties.contains(&a))
            {
                continue;
            }
            let role_stems = &self.role_stems[i];
            let hits = want.iter().filter(|w| role_stems.contains(*w)).count();
            // Every title word asked for must be in one role ("vice president" is not
            // "president"), a role not much longer than what was asked: each role on its own,
            // so a person described in many ways still holds each of them.
            let one_role_fits = || {
                p.roles.iter().any(|r| {
                    let stems: HashSet<String> = tokenize(&r.text)
                        .iter()
                        .flat_map(|t| t.norm.split('-').map(|w| self.stem(w)).collect::<Vec<_>>())
                        .collect();
                    stems.len() <= want.len() + 4 && want.iter().all(|w| stems.contains(w))
                })
            };
            if hits == want.len() && one_role_fits() {
                holders.push(i);
            }
        }
        // Several hold the title (it changed hands, or two parties' envoys): the one the
        // sources mention latest, unless the question asks for the earliest ("the original
        // envoy"); the same first mention (never in practice): the first in the people list.
        let earliest = q.when_reported == super::Recency::Earliest;
        holders.into_iter().max_by_key(|&i| {
            let seen = self.first_seen(i);
            let key = if earliest {
                (usize::MAX - seen.0, usize::MAX - seen.1)
            } else {
                seen
            };
            (key, std::cmp::Reverse(i))
        })
    }
}

/// True when `a` and `b` cannot be within `max` edits of each other, told from their letters
/// alone: an edit (insertion, deletion, substitution or swap) adds at most one letter and
/// removes at most one, so `max` edits leave at most `max` letters of either word unmatched.
/// Cheap enough to run before every Damerau-Levenshtein distance; `false` (cannot tell) for
/// words that are not ASCII.
pub(crate) fn letters_differ_by_more_than(a: &str, b: &str, max: usize) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let mut count = [0i16; 128];
    for &c in a.as_bytes() {
        count[c as usize] += 1;
    }
    for &c in b.as_bytes() {
        count[c as usize] -= 1;
    }
    // Each letter's surplus is counted once (then cleared), walking the words, not the table.
    let (mut only_a, mut only_b) = (0usize, 0usize);
    for &c in a.as_bytes() {
        let k = &mut count[c as usize];
        if *k > 0 {
            only_a += *k as usize;
            *k = 0;
        }
    }
    for &c in b.as_bytes() {
        let k = &mut count[c as usize];
        if *k < 0 {
            only_b += (-*k) as usize;
            *k = 0;
        }
    }
    only_a.max(only_b) > max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_count_rules_out_words_far_apart() {
        assert!(letters_differ_by_more_than("corvane", "aldstrom", 2));
        assert!(letters_differ_by_more_than("abc", "abd", 0));
        assert!(!letters_differ_by_more_than("varrane", "marvane", 2));
        assert!(
            !letters_differ_by_more_than("zürich", "zurich", 0),
            "not ASCII: cannot tell"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The letter count never rules out a pair that is within reach: whenever it says
        /// "more than `max` edits apart", Damerau-Levenshtein agrees. Short words from a small
        /// alphabet, so that many pairs are close.
        #[test]
        fn the_letter_count_only_rules_out_words_out_of_reach(
            a in "[abcdeor]{1,8}",
            b in "[abcdeor]{1,8}",
            max in 0usize..3,
        ) {
            if letters_differ_by_more_than(&a, &b, max) {
                proptest::prop_assert!(strsim::damerau_levenshtein(&a, &b) > max);
            }
        }
    }
}

/// The person matcher on a short article: exact names, misspellings, roles, and the rule for a
/// name two people share.
#[cfg(test)]
mod matcher_tests {
    use crate::build::{build_from, BuildOptions};
    use crate::engine::decide::DeclineReason;
    use crate::engine::{Engine, EngineSettings};
    use crate::knowledge::Knowledge;
    use crate::lexicon::Lexicon;

    const ARTICLE: &str =
        "+++\ntitle = \"Tessel talks resume in Lindor\"\nsource = \"Test Wire\"\n\
published = \"2026-03-11\"\n+++\n\n\
Valdorian Foreign Minister Ilsa Marvane said the dam must reopen before any deal. \
\u{201c}We came to talk, not to hand over our river,\u{201d} Marvane said.\n\n\
Orthenian Trade Minister Adele Brandt said the gates would stay shut until the spring.\n\n\
Valdorian army chief Karl Brandt said his troops would hold their positions.\n\n\
Marvane said a deal was still possible by the summer.\n";

    fn knowledge() -> Knowledge {
        build_from(
            &[("t.md", "t", ARTICLE.as_bytes())],
            &Lexicon::builtin(),
            &BuildOptions::default(),
        )
        .unwrap()
        .knowledge
    }

    fn engine() -> Engine {
        Engine::new(knowledge(), EngineSettings::default())
    }

    /// The ids of the people a question names.
    fn people(e: &Engine, question: &str) -> Vec<String> {
        e.analyse(question, None)
            .people
            .iter()
            .map(|&p| e.knowledge.people[p].id.clone())
            .collect()
    }

    #[test]
    fn a_full_name_or_a_surname_names_its_person() {
        let e = engine();
        assert_eq!(people(&e, "What did Ilsa Marvane say?"), ["ilsa-marvane"]);
        assert_eq!(people(&e, "what did marvane say"), ["ilsa-marvane"]);
        assert_eq!(people(&e, "Marvane's words?"), ["ilsa-marvane"]);
        // A full name settles a surname two people share.
        assert_eq!(people(&e, "What did Karl Brandt say?"), ["karl-brandt"]);
        assert_eq!(people(&e, "Who is Adele Brandt?"), ["adele-brandt"]);
    }

    #[test]
    fn a_misspelt_name_names_the_nearest_person() {
        let e = engine();
        assert_eq!(people(&e, "What did Marvanne say?"), ["ilsa-marvane"]);
        assert_eq!(people(&e, "what did marvnae say"), ["ilsa-marvane"]);
        let marvane = e
            .knowledge
            .people
            .iter()
            .position(|p| p.id == "ilsa-marvane");
        assert_eq!(e.fuzzy_person("marvan"), marvane);
        // Too far from every name: no one.
        assert_eq!(e.fuzzy_person("zorblat"), None);
        assert!(people(&e, "What did Zorblat say?").is_empty());
    }

    #[test]
    fn a_role_names_the_person_who_holds_it() {
        let e = engine();
        assert_eq!(
            people(&e, "Who is the Valdorian foreign minister?"),
            ["ilsa-marvane"]
        );
        let a = e.ask("Who is the Orthenian trade minister?", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert_eq!(a.context.person.as_deref(), Some("adele-brandt"));
    }

    /// The stated rule for a tie: a surname two people share, with nothing else to tell them
    /// apart, names neither; the question is declined asking which one, and the decision does
    /// not depend on the order of the people in the knowledge file. A misspelling of it is not
    /// corrected to either.
    #[test]
    fn a_name_two_people_share_is_asked_back_whatever_their_order() {
        let mut reversed = knowledge();
        reversed.people.reverse();
        for e in [engine(), Engine::new(reversed, EngineSettings::default())] {
            let q = e.analyse("What did Brandt say?", None);
            assert!(q.people.is_empty(), "{:?}", q.people);
            let [(name, sharing)] = &q.ambiguous[..] else {
                panic!("one ambiguous name: {:?}", q.ambiguous);
            };
            assert_eq!(name, "Brandt");
            let mut ids: Vec<&str> = sharing
                .iter()
                .map(|&p| e.knowledge.people[p].id.as_str())
                .collect();
            ids.sort_unstable();
            assert_eq!(ids, ["adele-brandt", "karl-brandt"]);
            let a = e.ask("What did Brandt say?", None);
            assert!(!a.answered);
            assert_eq!(
                a.explanation.decline_reason.as_deref(),
                Some("a name several people in the sources share")
            );
            let want = |first: &str, second: &str| {
                DeclineReason::AmbiguousName {
                    name: "Brandt".into(),
                    people: vec![first.into(), second.into()],
                }
                .lead()
            };
            assert!(
                a.lead == want("Adele Brandt", "Karl Brandt")
                    || a.lead == want("Karl Brandt", "Adele Brandt"),
                "{}",
                a.lead
            );
            assert!(a.quotes.is_empty());
            assert_eq!(a.context.person, None);
            assert!(people(&e, "what did brandtt say").is_empty());
            // A search is not about one person: it looks for the word with the others.
            let a = e.ask("Brandt gates spring", None);
            assert!(a.answered, "{}", a.to_markdown());
            assert!(
                a.quotes[0].citation.quote.contains("gates"),
                "{}",
                a.to_markdown()
            );
            assert_eq!(a.context.person, None);
        }
    }
}
