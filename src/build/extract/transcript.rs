//! A transcript turn ("PELL: Because ..."): the paragraph after a speaker's tag is that
//! speaker's words, quotation marks or not; a quotation inside it is read as any other.
//!
//! Owns what earlier tags settled and the record of a quotation with no reporting verb
//! ([`bare_quote`]). It must not read a tag (`turns` does) nor attribute quotations by verbs.

use std::cell::OnceCell;
use std::collections::HashSet;

use crate::article::Paragraph;
use crate::knowledge::{Quote, Speaker};
use crate::text::CharMap;

use super::attribution::Reader;
use super::sentence::{cite, Sent};
use super::{name_words, sentence_id, turns, PersonDraft};

/// What the article's earlier transcript tags settled.
pub(super) struct Tags {
    /// The people the article names in full, whom a speaker's tag may name.
    named_here: Vec<usize>,
    /// The people earlier tags' brackets named in full.
    tag_named: Vec<(String, Vec<String>)>,
    /// The titles earlier tags gave each person (as the words of their name).
    tag_given: Vec<(Vec<String>, String)>,
    /// The article's words, lowercase, where a title stands before a surname ("Envoy Quist").
    article_lower: OnceCell<String>,
}

impl Tags {
    /// Before the first paragraph, for an article naming `in_full_anywhere` in full.
    pub(super) fn new(in_full_anywhere: &HashSet<usize>) -> Tags {
        let mut named_here: Vec<usize> = in_full_anywhere.iter().copied().collect();
        named_here.sort_unstable();
        Tags {
            named_here,
            tag_named: Vec::new(),
            tag_given: Vec::new(),
            article_lower: OnceCell::new(),
        }
    }
}

/// Paragraph `p` as a transcript turn, when it opens with a speaker's tag: records the turn as
/// a quotation (number `quote_no`, counted on) and sets `r.turn` to its speaker when known.
pub(super) fn turn_quote(
    r: &mut Reader,
    tags: &mut Tags,
    p: &Paragraph,
    sents: &[Sent],
    map: &CharMap,
    quote_no: &mut usize,
) {
    let (article, registry, c) = (r.article, r.registry, r.c);
    r.turn = None;
    if let Some((tag, who)) = turns::turn_tag(&p.text).and_then(|t| {
        let lower = tags.article_lower.get_or_init(|| {
            article
                .paragraphs
                .iter()
                .map(|p| {
                    let from = turns::turn_tag(&p.text).map_or(0, |t| t.body);
                    p.text[from..].to_lowercase()
                })
                .collect::<Vec<_>>()
                .join("\n")
        });
        let who = turns::tag_speaker(
            &t,
            registry,
            &tags.named_here,
            &tags.tag_named,
            &tags.tag_given,
            lower,
            c,
        )?;
        Some((t, who))
    }) {
        let whose = match &who {
            turns::TagWho::Person(pi) => Some(registry.people[*pi].words.clone()),
            turns::TagWho::Named(name) => Some(name_words(name)),
            turns::TagWho::Unsettled(_) => None,
        };
        if let Some(words) = whose {
            for t in turns::tag_titles(&tag, c) {
                tags.tag_given.push((words.clone(), t));
            }
        }
        let (speaker, reason) = match who {
            turns::TagWho::Person(pi) => (Speaker::Person(r.person_id(pi)), None),
            turns::TagWho::Named(name) => {
                let id = crate::text::slug(&name);
                if registry.get(&id).is_none() {
                    r.new_people.entry(id.clone()).or_insert(PersonDraft {
                        id: id.clone(),
                        words: name_words(&name),
                        name: name.clone(),
                        roles: vec![],
                        affiliation: None,
                        affiliation_via: None,
                        honorific_titles: vec![],
                    });
                }
                if !tags.tag_named.iter().any(|(n, _)| *n == name) {
                    tags.tag_named.push((name.clone(), name_words(&name)));
                }
                (Speaker::Person(id), None)
            }
            turns::TagWho::Unsettled(why) => (Speaker::Unattributed, Some(why)),
        };
        let (qs, qe) = (tag.body, p.text.trim_end().len());
        if qe > qs {
            if matches!(speaker, Speaker::Person(_)) {
                r.turn = Some(speaker.clone());
            }
            *quote_no += 1;
            let at = (qs, qe, 0);
            let q = bare_quote(&article.id, p.n, &p.text, sents, map, at, *quote_no);
            r.facts.quotes.push(Quote {
                speaker,
                reason,
                ..q
            });
        }
    }
}

/// A quotation at bytes `start..end` of paragraph `paragraph` (text `text`) with no reporting
/// verb, channel or continuation (a transcript turn, a quotation inside another), in the
/// sentence holding its start (else sentence `fallback`); unattributed until its speaker is set.
pub(super) fn bare_quote(
    article: &str,
    paragraph: u32,
    text: &str,
    sents: &[Sent],
    map: &CharMap,
    (start, end, fallback): (usize, usize, usize),
    number: usize,
) -> Quote {
    let at = sents
        .iter()
        .position(|o| o.start <= start && start < o.end)
        .unwrap_or(fallback);
    Quote {
        id: format!("{article}#q{number}"),
        text: text[start..end].to_string(),
        speaker: Speaker::Unattributed,
        verb: None,
        channel: None,
        continuation: false,
        reason: None,
        sentence: sentence_id(article, paragraph, at),
        cite: cite(article, paragraph, map, start, end),
    }
}
