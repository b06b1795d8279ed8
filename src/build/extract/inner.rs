//! Quotations inside another ("“Aldane told us, ‘Sign or wait,’ and left.”"): whose words
//! they are.
//!
//! Owns the rule for the inner quotation only: the speaker named right before it inside the
//! outer one, else the outer speaker telling of their own words, else nobody. It must not
//! attribute the outer quotation.

use std::collections::HashSet;

use crate::article::Paragraph;
use crate::knowledge::{Quote, Speaker};
use crate::lexicon::Compiled;
use crate::text::CharMap;

use super::attribution::Reader;
use super::quotes::inner_quotes;
use super::registry::{person_mentions, Registry};
use super::sentence::{adjacent, Sent};
use super::transcript::bare_quote;

/// The quotations inside the one at bytes `qs..qe` of paragraph `p`, just recorded, in
/// sentence `k`: recorded after it, numbered on from `quote_no`.
#[allow(clippy::too_many_arguments)]
pub(super) fn quotes_inside(
    r: &mut Reader,
    p: &Paragraph,
    sents: &[Sent],
    map: &CharMap,
    (qs, qe): (usize, usize),
    k: usize,
    in_full: &HashSet<usize>,
    quote_no: &mut usize,
) {
    let outer = r.facts.quotes.last().map(|q| q.speaker.clone());
    for (ia, ib) in inner_quotes(&p.text, qs, qe) {
        let (speaker, reason) = match inner_speaker(sents, ia, qs, r.registry, in_full, r.c) {
            Some(Some(pi)) => (Speaker::Person(r.person_id(pi)), None),
            // "“I said, ‘...’”": the words the speaker tells of saying are theirs.
            Some(None) if matches!(outer, Some(Speaker::Person(_))) => {
                (outer.clone().expect("checked"), None)
            }
            _ => (
                Speaker::Unattributed,
                Some("a quotation inside another, with no speaker named right before it".into()),
            ),
        };
        *quote_no += 1;
        let at = (ia, ib, k);
        let q = bare_quote(&r.article.id, p.n, &p.text, sents, map, at, *quote_no);
        r.facts.quotes.push(Quote {
            speaker,
            reason,
            ..q
        });
    }
}

/// The person who says a quotation inside another, at byte `at`: the subject of a reporting
/// verb standing right before it inside the outer quotation (from `from`), named as one known
/// person ("Aldane told our delegation, ‘...’", "When Aldane says ‘...’", "Aldane called us
/// ‘...’"): `Some(Some(person))`; `Some(None)` when the outer quotation's speaker tells of saying
/// it ("I said, ‘...’"); None when no one is named so.
fn inner_speaker(
    sents: &[Sent],
    at: usize,
    from: usize,
    registry: &Registry,
    in_full: &std::collections::HashSet<usize>,
    c: &Compiled,
) -> Option<Option<usize>> {
    let s = sents.iter().find(|o| o.start <= at && at < o.end)?;
    let before: Vec<usize> = (0..s.tokens.len())
        .filter(|&k| s.tokens[k].start >= from && s.tokens[k].end <= at)
        .collect();
    // The verb, with at most three words after it ("told our delegation,").
    let v = before.iter().rev().take(4).copied().find(|&k| {
        c.reporting_verbs.contains(&s.tokens[k].norm)
            || c.characterising_verbs.contains(&s.tokens[k].norm)
    })?;
    if s.hay[s.tokens[v].end..at].contains(['.', ';', '?', '!', '“', '”']) {
        return None;
    }
    // "I said, ‘...’": the outer quotation's own speaker.
    if v > 0
        && s.tokens[v - 1].start >= from
        && s.tokens[v - 1].norm == "i"
        && c.reporting_verbs.contains(&s.tokens[v].norm)
        && adjacent(s.hay, s.tokens[v - 1].end, s.tokens[v].start)
    {
        return Some(None);
    }
    let mentions = person_mentions(s, registry, in_full, c);
    let m = mentions
        .iter()
        .find(|m| m.end == v && m.start >= before[0] && !s.tokens[m.end - 1].possessive)?;
    if !adjacent(s.hay, s.tokens[m.end - 1].end, s.tokens[v].start) {
        return None;
    }
    Some(Some(m.person?))
}
