//! A sentence's tags: the parties, topics and people it mentions, and its span.
//!
//! It must not attribute anything: the tags say what a sentence is about, not who says it.

use crate::lexicon::Compiled;

use super::registry::{Mention, Registry};
use super::sentence::Sent;
use super::SentenceFacts;

/// The tags of sentence `s`, whose person mentions are `mentions`: parties named (and the
/// parties of the people named), topics and people.
pub(super) fn tags_of(
    s: &Sent,
    mentions: &[Mention],
    registry: &Registry,
    c: &Compiled,
) -> SentenceFacts {
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
    facts
}

fn push_unique(v: &mut Vec<String>, x: &str) {
    if !v.iter().any(|y| y == x) {
        v.push(x.to_string());
    }
}
