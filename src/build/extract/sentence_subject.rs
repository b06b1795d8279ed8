//! Whom a sentence is about by its shape alone: the person who opens it as its subject
//! ([`subject_mention`]), the one person it gives the view of ("For X, ...",
//! [`viewpoint_person`]), and whether a name follows a comma and an aside ([`after_an_aside`]).
//!
//! It must not resolve pronouns or titles (`references` does, with these) nor read reporting
//! verbs or quotation marks.

use crate::lexicon::Compiled;

use super::registry::Mention;
use super::Sent;

/// "For Ilse Brandt, Osterra's chief negotiator, the deal is ...": the one person a sentence
/// opens with after a viewpoint preposition and a comma, when it names nobody else.
pub(super) fn viewpoint_person(
    s: &Sent,
    mentions: &[Mention],
    unknown: bool,
    c: &Compiled,
) -> Option<usize> {
    let toks = &s.tokens;
    let k = (0..toks.len()).find(|&i| !toks[i].numeric)?;
    let m = *mentions.first()?;
    if unknown || !c.viewpoint_prepositions.contains(&toks[k].norm) || m.end >= toks.len() {
        return None;
    }
    let titles = s.titles(c);
    let role_only = (k + 1..m.start).all(|j| {
        titles[j]
            || c.role_modifiers.contains(&toks[j].norm)
            || c.honorifics.contains_key(toks[j].base(s.hay))
    });
    let comma = s.hay[toks[m.end - 1].end..toks[m.end].start].contains(',');
    let pi = m.person?;
    (role_only
        && comma
        && !toks[m.end - 1].possessive
        && mentions.iter().all(|x| x.person == Some(pi)))
    .then_some(pi)
}

/// True when token `at` follows a comma, or a comma and a word or two naming what someone is
/// ("Her neighbour, pensioner Otto Brun").
pub(super) fn after_an_aside(s: &Sent, at: usize, c: &Compiled) -> bool {
    let toks = &s.tokens;
    // "Back home, Calvessa's own fisheries minister Aurel Dascombe ...": a role phrase before
    // the name, an owner and a describing word or two before it, after the comma.
    let titles = s.titles(c);
    let parties = s.parties(c);
    if let Some(mut r) = super::people::role_before(s, at, c, titles, parties) {
        let from = r;
        while r > 0
            && from - r < 2
            && super::adjacent(s.hay, toks[r - 1].end, toks[r].start)
            && (toks[r - 1].possessive && toks[r - 1].capital
                || !toks[r - 1].capital
                    && crate::english::english().pos(&toks[r - 1].norm)
                        == crate::english::Pos::Adjective)
        {
            r -= 1;
        }
        if r > 0 && s.hay[toks[r - 1].end..toks[r].start].contains(',') {
            return true;
        }
    }
    let mut j = at;
    // An honorific before the name is part of it ("..., Monsignor Lucan Weir, has").
    while j > 0
        && c.honorifics.contains_key(toks[j - 1].base(s.hay))
        && matches!(s.hay[toks[j - 1].end..toks[j].start].trim(), "" | ".")
    {
        j -= 1;
    }
    // So is a title before it ("In Serrat, Prime Minister Jana Hollis broke ...").
    while j > 0
        && (titles[j - 1] || c.role_modifiers.contains(&toks[j - 1].norm) && titles[j])
        && super::adjacent(s.hay, toks[j - 1].end, toks[j].start)
    {
        j -= 1;
    }
    let at = j;
    while j > 0
        && at - j < 2
        && !toks[j - 1].capital
        && !c.stopwords.contains(&toks[j - 1].norm)
        && crate::english::english().pos(&toks[j - 1].norm) == crate::english::Pos::Noun
        && super::adjacent(s.hay, toks[j - 1].end, toks[j].start)
    {
        j -= 1;
    }
    j > 0 && s.hay[toks[j - 1].end..toks[j].start].contains(',')
}

/// The person who opens a sentence as its subject: the first mention with only a role before it.
pub(super) fn subject_mention(s: &Sent, mentions: &[Mention], c: &Compiled) -> Option<Mention> {
    let mut m = *mentions.first()?;
    // "An aide to Quist, ...", "A spokesman for Vask": a person after "to" or "for" that follows
    // a source noun in the same phrase is whom the source speaks for, never the subject.
    if m.start >= 2
        && c.affiliation_words.contains(&s.tokens[m.start - 1].norm)
        && (0..m.start - 1).any(|k| c.source_nouns.contains(&s.tokens[k].norm))
        && (1..m.start).all(|k| !s.hay[s.tokens[k - 1].end..s.tokens[k].start].contains(','))
    {
        return None;
    }
    // "Orsk’s aides said ...": an owner is not the subject; "Mr. Vask's deputy, Hanne
    // Solberg, was ...": the name set off after the owner's role is.
    if s.tokens[m.end - 1].possessive {
        let titles = s.titles(c);
        let next = mentions.get(1).copied().filter(|n| {
            n.start > m.end
                && s.hay[s.tokens[n.start - 1].end..s.tokens[n.start].start].contains(',')
                && (m.end..n.start - 1).all(|k| {
                    titles[k]
                        || c.role_modifiers.contains(&s.tokens[k].norm)
                        || super::people::person_noun(&s.tokens[k].norm)
                })
                && n.start - m.end <= 4
        });
        m = next?;
        return (!s.tokens[m.end - 1].possessive).then_some(m);
    }
    let titles = s.titles(c);
    let parties = s.parties(c);
    // "At the end of the day, Dunmore walks ...": the first person named right after the comma
    // that closes an opening phrase is the subject too.
    let after_comma = after_an_aside(s, m.start, c);
    let lead = after_comma
        || (0..m.start).all(|k| {
            let t = &s.tokens[k];
            titles[k]
                || parties[k].is_some()
                || t.possessive
                // "of" and "for" only inside a role ("Minister for Trade"), never opening the
                // sentence ("For Pavel, the slogan is ...").
                || (c.role_modifiers.contains(&t.norm)
                    && (!c.role_inner_words.contains(&t.norm) || k > 0 && titles[k - 1]))
                || c.subject_lead_words.contains(&t.norm)
                // "The historian Paulina Strand": an article and a noun for a person.
                // ... after a live blog's time stamp too ("10:30 Our correspondent X is").
                || ((0..k).all(|j| s.tokens[j].numeric) && c.role_introducers.contains(&t.norm))
                || (!t.capital && super::people::person_noun(&t.norm))
                // A live blog's time stamp ("14:45 – Vask has left").
                || (0..=k).all(|j| s.tokens[j].numeric)
                || (t.capital
                    && !c.stopwords.contains(&t.norm)
                    && (k + 1..m.start).all(|j| s.tokens[j].capital || titles[j]))
        });
    lead.then_some(m)
}
