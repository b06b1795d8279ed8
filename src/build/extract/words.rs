//! The words of names and places: a name as the normalised words questions are matched on
//! ([`name_words`]), and the capitalised words the articles use as places ([`place_words`]),
//! which the registry must not take for people.
//!
//! It must not decide who is a person or who said something: the registry and pass one
//! (`people`) do that with these words.

use std::collections::HashSet;

use crate::article::Article;
use crate::lexicon::Compiled;
use crate::text::{normalize, tokenize, Token};

/// Capitalised words the articles use as places ("in Mirren", "to Brask"), lowercase. On the
/// same reading, every capitalised word that is not all capitals, as written without a
/// possessive ("Valdoria" of "Valdoria’s"), joins `capitals`: the builder needs both, and a
/// paragraph is tokenised once for them.
pub fn place_words<'a>(
    articles: &'a [Article],
    c: &Compiled,
    capitals: &mut HashSet<&'a str>,
) -> HashSet<String> {
    let mut out = HashSet::new();
    for a in articles {
        for p in &a.paragraphs {
            let toks = tokenize(&p.text);
            for t in &toks {
                if t.capital && !t.all_caps {
                    capitals.insert(t.base(&p.text));
                }
            }
            let place_word = |t: &Token| c.place_prepositions.contains(&t.norm);
            for (i, t) in toks.iter().enumerate() {
                if !place_word(t) {
                    continue;
                }
                // "in Mirren", "in the Amber Sound": every capitalised word of the place.
                let mut j = i + 1;
                let the = toks.get(j).is_some_and(|x| x.norm == "the");
                if the {
                    j += 1;
                }
                // "came from Aurel Mink", "turned to Noor Sallis": a given name and a surname
                // are someone, not somewhere.
                let run = toks[j.min(toks.len())..]
                    .iter()
                    .take_while(|x| x.capital)
                    .count();
                if !the && run == 2 && super::people::given_name_like(&toks[j].norm) {
                    continue;
                }
                // The place ends where anything but a space follows ("from the Lumen Aid
                // Alliance. Farid Osei said" names no place "Farid").
                // A possessive before a common noun is whose the place is, not its name ("to
                // the Bookworm's flat").
                let owner = |x: &Token, k: usize| {
                    x.possessive && toks.get(k + 1).is_some_and(|n| !n.capital)
                };
                while let Some(x) = toks.get(j).filter(|x| {
                    x.capital && !owner(x, j) && super::adjacent(&p.text, toks[j - 1].end, x.start)
                }) {
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
