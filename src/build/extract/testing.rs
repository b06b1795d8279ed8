//! Test helpers shared by the extractor's unit tests: read a few paragraphs as one article with
//! the built-in lexicon, and name the speaker of a quotation.

use super::*;
use crate::lexicon::Lexicon;

/// The registry and facts of one article made of `paragraphs`, published 2026-05-06 (a
/// Wednesday), read with the built-in lexicon and both passes of the builder.
pub(crate) fn read(paragraphs: &[&str]) -> (Registry, ArticleFacts) {
    read_titled("T", paragraphs)
}

/// As [`read`], with a headline.
pub(crate) fn read_titled(title: &str, paragraphs: &[&str]) -> (Registry, ArticleFacts) {
    read_full(title, paragraphs, &Lexicon::builtin())
}

/// [`read`] with another lexicon.
pub(crate) fn read_with(paragraphs: &[&str], lexicon: &Lexicon) -> (Registry, ArticleFacts) {
    read_full("T", paragraphs, lexicon)
}

fn read_full(title: &str, paragraphs: &[&str], lexicon: &Lexicon) -> (Registry, ArticleFacts) {
    let body = paragraphs.join("\n\n");
    let text = format!(
        "+++\ntitle = \"{title}\"\nsource = \"S\"\npublished = \"2026-05-06\"\n+++\n\n{body}\n"
    );
    let a = crate::article::parse_article("t.md", "t", text.as_bytes()).expect("parses");
    let c = lexicon.compile();
    let mut reg = Registry::default();
    find_people(&a, &c, &mut reg);
    reg.forget_nicknames();
    reg.merge_surnames();
    reg.places = place_words(std::slice::from_ref(&a), &c, &mut Default::default());
    let party_words: std::collections::HashSet<String> = lexicon
        .parties
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
        .map(|n| crate::text::normalize(n))
        .collect();
    reg.drop_stray_nicknames(&party_words);
    let mut facts = extract(&a, &c, &reg);
    if !facts.new_people.is_empty() {
        for p in std::mem::take(&mut facts.new_people) {
            reg.add(p);
        }
        reg.merge_surnames();
        facts = extract(&a, &c, &reg);
    }
    (reg, facts)
}

/// Who said the quote holding `words`: "person: <full name>", "source: <description>" or
/// "unattributed: <reason>".
pub(crate) fn speaker(reg: &Registry, facts: &ArticleFacts, words: &str) -> String {
    let q = facts
        .quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote holds {words:?}: {:?}", facts.quotes));
    match &q.speaker {
        Speaker::Person(id) => format!("person: {}", reg.get(id).expect("known").name),
        Speaker::Source(id) => format!(
            "source: {}",
            facts
                .sources
                .iter()
                .find(|s| &s.id == id)
                .expect("known")
                .description
        ),
        Speaker::Unattributed => {
            format!("unattributed: {}", q.reason.clone().unwrap_or_default())
        }
    }
}
