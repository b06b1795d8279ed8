//! Nicknames: a name in quotation marks inside a full name ("Anna “Nan” Keel"), the words a
//! text gives as someone's nickname, and a nickname aside set off after a name.
//!
//! Owns recording a nickname on the person it belongs to. It must not find names or roles
//! (that is `people/mod.rs` and `roles`).

use crate::build::extract::registry::NICKNAME_WORDS;
use crate::build::extract::{adjacent, Registry, Sent};
use crate::lexicon::Compiled;

use super::{given_name_like, words_of};

/// The words of a quotation that can be a nickname: one to [`NICKNAME_WORDS`] capitalised
/// words, a leading article aside ("the Walrus", "Iron Teddy"), with no sentence or clause
/// inside; lowercase, without the article.
pub(in crate::build::extract) fn nickname_words(text: &str, c: &Compiled) -> Option<Vec<String>> {
    let inner = text.trim_end_matches(['.', ',']);
    if inner.contains(['.', '!', '?', ';', ':', ',']) {
        return None;
    }
    let tokens = crate::text::tokenize(inner);
    let start = usize::from(tokens.len() > 1 && c.role_articles.contains(&tokens[0].norm));
    let words = &tokens[start..];
    ((1..=NICKNAME_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|t| t.capital && !t.numeric && !t.possessive))
    .then(|| words.iter().map(|t| t.norm.clone()).collect())
}
/// "Dorian “the Walrus” Vakt": a quotation between a given name right before its opening mark
/// and a surname right after its closing one, as the tokens of that given name and surname.
pub(super) fn nickname_inside_name(
    s: &Sent,
    q: &crate::build::extract::quotes::QuoteSpan,
    c: &Compiled,
) -> Option<(usize, usize)> {
    let toks = &s.tokens;
    if q.open < s.start || q.open >= s.end {
        return None;
    }
    nickname_words(&s.hay[q.start..q.end], c)?;
    let g = toks.iter().rposition(|t| t.end <= q.open)?;
    let f = toks.iter().position(|t| t.start >= q.close)?;
    let (gt, ft) = (&toks[g], &toks[f]);
    (gt.capital
        && ft.capital
        && !gt.possessive
        && adjacent(s.hay, gt.end, q.open)
        && adjacent(s.hay, q.close, ft.start)
        && given_name_like(&gt.norm)
        && !c.stopwords.contains(&ft.norm))
    .then_some((g, f))
}
/// Records the nicknames a sentence gives in quotation marks, each with the name it belongs
/// to: between a given name and a surname ("Dorian “the Walrus” Vakt"), or after a name, a
/// comma or dash and a cue word, with at most a few lowercase words between ("Teodora Glass —
/// dubbed “Iron Teddy” by fishermen", "Magnus Reyne — known in the press room as “Mumbling
/// Magnus”").
pub(super) fn record_nicknames(
    s: &Sent,
    runs: &[(usize, usize)],
    c: &Compiled,
    registry: &mut Registry,
) {
    let toks = &s.tokens;
    for q in s
        .quotes()
        .iter()
        .filter(|q| q.open >= s.start && q.open < s.end)
    {
        let Some(nick) = nickname_words(&s.hay[q.start..q.end], c) else {
            continue;
        };
        let Some(last) = toks.iter().rposition(|t| t.end <= q.open) else {
            continue;
        };
        if let Some((g, f)) = nickname_inside_name(s, q, c) {
            registry.add_nickname(nick, vec![toks[g].norm.clone(), toks[f].norm.clone()]);
            continue;
        }
        // After a name: the cue opens an aside right after it.
        let Some(cue) =
            (last.saturating_sub(5)..=last).find(|&k| c.nickname_cues.contains(&toks[k].norm))
        else {
            continue;
        };
        let between_ok = (cue..=last).all(|k| !toks[k].capital)
            && (last == cue || toks[last].norm == "as")
            && adjacent(s.hay, toks[last].end, q.open);
        if !between_ok {
            continue;
        }
        let aside = cue > 0
            && s.hay[toks[cue - 1].end..toks[cue].start].contains([',', '-', '–', '—'])
            && !toks[cue - 1].possessive;
        if !aside {
            continue;
        }
        match runs.iter().find(|&&(_, b)| b == cue) {
            Some(&(a, b)) => registry.add_nickname(nick, words_of(s, a, b)),
            // "The patrol boat, dubbed “the Heron”": a nickname of no one named.
            None => registry.add_nickname(nick, Vec::new()),
        }
    }
}
/// "Benedek Strand - Big Ben to his mates - ...": capitalised words `[a, b)` that open an aside
/// set off by a dash and close it on "to his <people>" are what those people call the person
/// before the aside, no one else.
pub(in crate::build::extract) fn nickname_aside(
    s: &Sent,
    a: usize,
    b: usize,
    c: &Compiled,
) -> bool {
    let toks = &s.tokens;
    a > 0
        && b > a
        && s.hay[toks[a - 1].end..toks[a].start].contains(['-', '–', '—'])
        && toks.get(b).is_some_and(|t| t.norm == "to")
        && toks
            .get(b + 1)
            .is_some_and(|t| c.role_introducers.contains(&t.norm))
        && toks.get(b + 2).is_some_and(|t| {
            t.norm.ends_with('s') && s.hay[t.end..].trim_start().starts_with(['-', '–', '—'])
        })
}
