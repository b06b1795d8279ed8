//! What one sentence hands on to the next: whom it is about (its last speaker, the one person it
//! names as its subject, the person its pronoun subject stands for, a bare title as its
//! subject), who issued the written statement it tells of, and the speaker a quotation standing
//! alone next continues.
//!
//! Owns the order of those rules once a sentence's quotations and statements are read. It must
//! not attribute a quotation (`quote_speaker`), decide a verb's subject (`attribution`) or
//! resolve a pronoun or title itself (`references`).

use crate::article::Paragraph;
use crate::knowledge::Speaker;
use crate::text::CharMap;

use super::attribution::{Reader, Said};
use super::headline::asks;
use super::quotes::QuoteSpan;
use super::references::Named;
use super::sentence::Sent;
use super::sentence_subject::{subject_mention, viewpoint_person};

/// A speaker and the verb they spoke with.
type Spoke = Option<(Speaker, Option<String>)>;

/// The sentence just read, and what its quotations and verbs gave.
#[derive(Clone, Copy)]
pub(super) struct Read<'x, 's> {
    /// The paragraph, its quotations and its character map.
    pub(super) p: &'x Paragraph,
    pub(super) quotes: &'x [QuoteSpan],
    pub(super) map: &'x CharMap,
    /// The sentence and its reporting verbs; `whole_quote` when nothing but quotation is
    /// written in it.
    pub(super) s: &'x Sent<'s>,
    pub(super) saids: &'x [Said],
    pub(super) whole_quote: bool,
}

/// Hands sentence `at.s` on: sets `issued` (and the reader's), `previous` (the speaker, or lone
/// named subject, with its verb, that a quotation standing alone next continues) and the
/// reader's `last_named`, from `spoke`, the last speaker of its quotations. Returns whether the
/// sentence asks a question (the quotation after it answers it).
pub(super) fn hand_on(
    r: &mut Reader,
    at: Read,
    spoke: Spoke,
    issued: &mut Option<Speaker>,
    previous: &mut Spoke,
) -> bool {
    let Read {
        p,
        quotes,
        map,
        s,
        saids,
        whole_quote,
    } = at;
    let (c, registry) = (r.c, r.registry);
    let quoted = |pos: usize| quotes.iter().any(|q| pos >= q.open && pos < q.close);
    // Who this sentence is about, for the next: its last speaker, else the one person
    // it names as its subject, else the person its pronoun subject stands for.
    // A verb inside a quotation is the speaker's own words ("“Corvin used to say to
    // me, ‘...’” she says."): it hands no speaker on.
    let said_last = saids
        .iter()
        .rev()
        .filter(|sd| !quoted(s.tokens[sd.verb].start))
        .find_map(|sd| {
            sd.speaker
                .clone()
                .map(|sp| (sp, Some(s.tokens[sd.verb].norm.clone())))
        });
    let subject = subject_mention(s, &r.here, c);
    let viewpoint = viewpoint_person(s, &r.here, r.here_unknown.is_some(), c);
    let pronoun = r.pronoun;
    let named = (!r.here.is_empty() || r.here_unknown.is_some() || pronoun.is_some()).then(|| {
        // A pronoun subject stands for its person; people named in the clause before it
        // are not the sentence's (see `Reader::resolve_reference`).
        let from = pronoun.map_or(0, |(i, _)| i);
        let after: Vec<_> = r.here.iter().copied().filter(|m| m.start >= from).collect();
        let mut n = Named::of(&after, r.here_unknown.is_some_and(|u| u >= from), None);
        if let Some((_, who)) = pronoun {
            if !n.persons.contains(&who) {
                n.persons.insert(0, who);
            }
        }
        let said_person = saids.iter().rev().find_map(|sd| match &sd.speaker {
            Some(Speaker::Person(id)) => n
                .persons
                .iter()
                .copied()
                .find(|&i| &registry.people[i].id == id),
            _ => None,
        });
        n.subject = said_person
            .or(pronoun.map(|(_, who)| who))
            .or(subject.and_then(|m| m.person))
            .or(viewpoint);
        n.lone_sex = r.lone_sex.filter(|&(i, _)| i >= from).map(|(_, male)| male);
        n.sexes = after
            .iter()
            .filter_map(|m| {
                let h = m.start.checked_sub(1)?;
                let gap = s.hay[s.tokens[h].end..s.tokens[m.start].start].trim();
                let title = s.tokens[h].base(s.hay);
                let male = if c.masculine_honorifics.contains(title) {
                    true
                } else if c.feminine_honorifics.contains(title) {
                    false
                } else {
                    return None;
                };
                (gap.is_empty() || gap == ".").then_some((m.person?, male))
            })
            .collect();
        n
    });
    // "The minister struck a more conciliatory tone.": a bare title as the subject is
    // who the sentence is about, settled or not.
    let named = if named.is_none() && !whole_quote {
        r.title_subject(s).or_else(|| r.indefinite_subject(s))
    } else {
        named
    };
    // A sentence inside a quotation that opened before it ("“A. B.”") leaves the speaker
    // of the quotation for what follows.
    let inside_quote = quotes.iter().any(|q| q.open < s.start && s.end <= q.close);
    // A question hands no speaker on: the quotation after it answers it.
    let question = asks(s, quotes);
    let about_the_statement = r.about_the_statement(s);
    if let Some(sp) = r.issuer(s, p.n, map) {
        *issued = Some(sp);
    } else if !about_the_statement {
        *issued = None;
    }
    r.issued = issued.clone();
    *previous = if question {
        None
    } else if about_the_statement && spoke.is_none() && issued.is_some() {
        // "The statement is given below in part." hands on who issued it.
        issued.clone().map(|sp| (sp, None))
    } else if inside_quote && spoke.is_none() && said_last.is_none() {
        previous.take()
    } else if let Some(sp) = spoke.or(said_last) {
        Some(sp)
    } else if let Some(n) = &named {
        match (&n.persons[..], n.unknown || n.lone_sex.is_some(), n.subject) {
            ([one], false, Some(sub)) if *one == sub => {
                Some((Speaker::Person(r.person_id(sub)), None))
            }
            _ => None,
        }
    } else {
        s.tokens
            .iter()
            .position(|t| !c.sentence_connectives.contains(&t.norm))
            .filter(|&i| c.person_pronouns.contains(&s.tokens[i].norm))
            .and_then(|i| r.resolve_reference(s, i, None))
            .map(|sp| (sp, None))
    };
    if named.is_some() {
        r.last_named = named;
    }
    question
}
