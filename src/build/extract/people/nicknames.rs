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
/// Records the nicknames a sentence gives without quotation marks: a cue word, for "known" a
/// few words and "as", then a run of capitalised words, with a leading "the" or right after a
/// name ("Mira Tolle — known to her staff as the Gardener — said", "Tomas Brant, nicknamed the
/// Owl by reporters", "Lars Omm, 40 - known on the quay as Tugboat -", "Greta Sund, the nurse
/// the papers call the Angel"). The nickname belongs to the name the aside holding the cue
/// opens after, or to the sentence's first name when a form of "be" comes right before the
/// cue ("Greta Sund, a nurse, is known here as the Angel"). A nickname after "the" that no name
/// owns is recorded for no one, so it never becomes a person of its own.
pub(super) fn record_bare_nicknames(
    s: &Sent,
    runs: &[(usize, usize)],
    parties: &[Option<usize>],
    c: &Compiled,
    registry: &mut Registry,
) {
    let toks = &s.tokens;
    let quoted = |k: usize| {
        s.quotes()
            .iter()
            .any(|q| q.start <= toks[k].start && toks[k].start < q.end)
    };
    for cue in 0..toks.len() {
        if !c.nickname_cues.contains(&toks[cue].norm) || quoted(cue) {
            continue;
        }
        // Where the nickname opens: after "as" for "known", else right after the cue; a
        // clause break before it ends the search.
        let mut n = cue + 1;
        if toks[cue].norm == "known" {
            let Some(k) = (cue + 1..toks.len().min(cue + 9)).find(|&k| toks[k].norm == "as") else {
                continue;
            };
            if s.hay[toks[cue].end..toks[k].start].contains([',', ';', ':', '.', '-', '–', '—'])
            {
                continue;
            }
            n = k + 1;
        }
        let the = toks
            .get(n)
            .is_some_and(|t| c.role_articles.contains(&t.norm));
        n += usize::from(the);
        let mut m = n;
        while m < toks.len()
            && m - n < NICKNAME_WORDS
            && toks[m].capital
            && !toks[m].numeric
            && !toks[m].possessive
            && (m == n || adjacent(s.hay, toks[m - 1].end, toks[m].start))
            && !quoted(m)
        {
            m += 1;
        }
        // The run must end there: no longer capitalised run, no possessive right after.
        let ends = toks.get(m).is_none_or(|t| {
            !(t.capital || t.possessive) || !adjacent(s.hay, toks[m - 1].end, t.start)
        });
        if m == n || !ends {
            continue;
        }
        // The nickname closes its clause: a break after it, or a word that is no article, noun
        // or adjective ("by the press", "for her years"), not an object's complement ("called
        // the Accord a betrayal", "called the Board unfair").
        // Without "the" only a break closes it ("calls Tarrow “ours”" names a place's
        // standing, not a person).
        let closes = toks.get(m).is_none_or(|t| {
            s.hay[toks[m - 1].end..t.start].contains([',', ';', ':', '.', '-', '–', '—', ')'])
                || !(!the
                    || quoted(m)
                    || c.role_articles.contains(&t.norm)
                    || matches!(
                        crate::english::english().pos(&t.norm),
                        crate::english::Pos::Noun | crate::english::Pos::Adjective
                    ))
        });
        let titles = s.titles(c);
        // "called the Prime Minister": an office is no nickname, though one may end on a
        // title ("the Quarry King"); nor is a body's or a place's name.
        let named_thing = (n..m).all(|k| titles[k])
            || (n..m).any(|k| {
                c.body_nouns.contains(&toks[k].norm) || c.place_nouns.contains(&toks[k].norm)
            });
        if !closes || named_thing {
            continue;
        }
        // Without "the", only ordinary words make a nickname ("known as Anchor"); a word
        // English does not know is a name being given ("calls Tarrow “ours”").
        let e = crate::english::english();
        if !the
            && (n..m).any(|k| {
                matches!(
                    e.pos(&toks[k].norm),
                    crate::english::Pos::Other | crate::english::Pos::Adverb
                )
            })
        {
            continue;
        }
        let nick = words_of(s, n, m);
        // A side's name is no nickname ("called the Norvaine approach ..."); places and the
        // names people bear are dropped once all are known (`Registry::drop_stray_nicknames`).
        if (n..m).any(|k| parties[k].is_some()) {
            continue;
        }
        let copula = cue > 0 && c.stances.passive.contains(&toks[cue - 1].norm);
        let owner = if copula {
            // "Greta Sund, a nurse, is known here as ...": the name that opens the sentence;
            // not "In Orlen he is known as ...", whose subject is a pronoun.
            let pronoun = toks[..cue - 1]
                .iter()
                .any(|t| c.person_pronouns.contains(&t.norm));
            runs.first().filter(|&&(_, b)| b < cue && !pronoun).copied()
        } else {
            runs.iter()
                .rev()
                .filter(|&&(_, b)| b <= cue && cue - b <= 8)
                // "Oddly, ...": one word that is no one's name is no owner.
                .filter(|&&(a, b)| {
                    b - a > 1
                        || (given_name_like(&toks[a].norm)
                            && registry.find_words(&words_of(s, a, b)).is_some())
                })
                .find(|&&(_, b)| {
                    let next = toks.get(b).map_or(s.end, |t| t.start);
                    s.hay[toks[b - 1].end..next]
                        .trim_start()
                        .starts_with([',', '-', '–', '—'])
                })
                .copied()
        };
        match owner {
            Some((a, b)) => registry.add_nickname(nick, words_of(s, a, b)),
            // "The boss - known locally as the Owl - left": an aside of no one named.
            None if the
                && cue > 0
                && s.hay[toks[cue - 1].end..toks[cue].start].contains([',', '-', '–', '—']) =>
            {
                registry.add_nickname(nick, Vec::new())
            }
            None => {}
        }
    }
}
