//! Pass one: named people and their roles, from every sentence of an article.
//!
//! Owns what makes a run of capitalised words a person's name (a title before it, an appositive
//! after it, a reporting verb next to it) and the role text kept with it. It must not attribute
//! quotes or statements; it only fills the [`Registry`].
//!
//! Roles read around a name are in `roles`, nicknames in `nicknames`.

use crate::article::Article;
use crate::knowledge::Role;
use crate::lexicon::Compiled;
use crate::text::{normalize, slug, CharMap, Token};

use super::{adjacent, cite, party_mask, sentences_of, title_mask, PersonDraft, Registry, Sent};

mod nicknames;
mod roles;
#[cfg(test)]
mod tests;

pub(super) use nicknames::{nickname_aside, nickname_words};
use nicknames::{nickname_inside_name, record_bare_nicknames, record_nicknames};
pub(super) use roles::role_before;
use roles::{affiliation_of, lead_roles, role_after, role_before_comma, role_taken};

pub(super) fn is_name_token(t: &Token, hay: &str, c: &Compiled, titles: bool, party: bool) -> bool {
    if !t.capital || t.numeric || titles || party {
        return false;
    }
    let base = t.base(hay);
    if c.not_names.contains(base)
        || c.stopwords.contains(&t.norm)
        || c.role_modifiers.contains(&t.norm)
    {
        return false;
    }
    if c.reporting_verbs.contains(&t.norm)
        || c.source_nouns.contains(&t.norm)
        || c.honorifics.contains_key(base)
    {
        return false;
    }
    if describes(t, hay) || contraction(base, c) {
        return false;
    }
    // Long all-capital words are acronyms of bodies, not names ("NATO"); "JD" is a name.
    if t.all_caps && base.chars().count() > 3 {
        return false;
    }
    true
}
/// "I'll", "We've", "I'm" opening a sentence: an English word and a contracted verb (the
/// `contractions` of config/language.toml that open with an apostrophe), no name ("O'Neill"
/// and "D'Arcy" are names).
fn contraction(base: &str, c: &Compiled) -> bool {
    // Every contraction checked opens with an apostrophe: a word without one is none (most
    // capitalised words, read here once each on every pass).
    if !base.contains(['\'', '’']) {
        return false;
    }
    let lower = base.to_lowercase().replace('’', "'");
    c.contractions.iter().any(|(short, _)| {
        short.starts_with('\'')
            && lower.strip_suffix(short.as_str()).is_some_and(|head| {
                c.stopwords.contains(head)
                    || !head.is_empty()
                        && crate::english::english().pos(head) != crate::english::Pos::Other
            })
    })
}
/// "Mum-of-three", "Father-of-two": a capitalised word joined by hyphens to lowercase ones
/// describes a person and is no name ("Jean-Luc" is one).
pub(super) fn describes(t: &Token, hay: &str) -> bool {
    t.capital
        && t.base(hay)
            .split(['-', '‑'])
            .skip(1)
            .any(|part| part.starts_with(char::is_lowercase))
}
/// True for a common noun that names a kind of person ("historian", "wife", "caller").
pub(super) fn person_noun(norm: &str) -> bool {
    let e = crate::english::english();
    e.pos(norm) == crate::english::Pos::Noun && e.noun_class(norm) == Some("person")
}
/// True when a word may be a given name: no English word, or one for a person ("Ruth"), not
/// "Yesterday" or "Human".
pub(super) fn given_name_like(norm: &str) -> bool {
    let e = crate::english::english();
    e.pos(norm) == crate::english::Pos::Other || e.noun_class(norm) == Some("person")
}
/// A run of name tokens `[start, end)` in a sentence.
pub(super) fn name_runs(
    s: &Sent,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    let n = s.tokens.len();
    while i < n {
        if !is_name_token(&s.tokens[i], s.hay, c, titles[i], parties[i].is_some()) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n
            && j - i < 4
            && !s.tokens[j - 1].possessive
            && adjacent(s.hay, s.tokens[j - 1].end, s.tokens[j].start)
            && is_name_token(&s.tokens[j], s.hay, c, titles[j], parties[j].is_some())
        {
            j += 1;
        }
        runs.push((i, j));
        i = j;
    }
    runs
}
/// The paragraphs of an article that hold a run of name words, each with its sentences that
/// do and what pass one reads of them (tokens, title and party masks, name runs). Worked out
/// without the registry, so the builder reads articles in parallel and only
/// [`add_people`], which needs the registry as earlier articles left it, runs in order.
pub struct NamedSentences<'a> {
    paragraphs: Vec<NamedParagraph<'a>>,
}
struct NamedParagraph<'a> {
    /// Index into the article's paragraphs.
    at: usize,
    map: CharMap,
    sentences: Vec<NamedSentence<'a>>,
}
struct NamedSentence<'a> {
    sent: Sent<'a>,
    titles: Vec<bool>,
    parties: Vec<Option<usize>>,
    runs: Vec<(usize, usize)>,
}
/// "Fisherman Emil Tork", "Historian Paulina Strand": a capitalised noun for a kind of person
/// right before a full name is a title, not part of the name.
fn job_words_as_titles(s: &Sent, c: &Compiled, titles: &mut [bool]) {
    let toks = &s.tokens;
    for i in 0..toks.len().saturating_sub(2) {
        let name = |k: usize| {
            adjacent(s.hay, toks[k - 1].end, toks[k].start)
                && !toks[k - 1].possessive
                && is_name_token(&toks[k], s.hay, c, titles[k], false)
        };
        // Not a courtesy title ("Father"), kept as the honorific it is, nor a word after an
        // article ("the Villa Sarn Points" names a thing).
        let after_article = i > 0 && c.role_articles.contains(&toks[i - 1].norm);
        if toks[i].capital
            && !titles[i]
            && !after_article
            && !c.not_names.contains(toks[i].base(s.hay))
            && !c.honorifics.contains_key(toks[i].base(s.hay))
            && person_noun(&toks[i].norm)
            && name(i + 1)
            && name(i + 2)
        {
            titles[i] = true;
        }
    }
}
/// An article's sentences that hold names (see [`NamedSentences`]).
pub fn named_sentences<'a>(article: &'a Article, c: &Compiled) -> NamedSentences<'a> {
    let mut paragraphs = Vec::new();
    for (at, p) in article.paragraphs.iter().enumerate() {
        let mut sentences = Vec::new();
        for sent in sentences_of(&p.text, c) {
            let mut titles = title_mask(&sent.tokens, c);
            job_words_as_titles(&sent, c, &mut titles);
            let parties = party_mask(&sent.tokens, c);
            let runs = name_runs(&sent, c, &titles, &parties);
            if !runs.is_empty() {
                sentences.push(NamedSentence {
                    sent,
                    titles,
                    parties,
                    runs,
                });
            }
        }
        if !sentences.is_empty() {
            paragraphs.push(NamedParagraph {
                at,
                map: CharMap::new(&p.text),
                sentences,
            });
        }
    }
    NamedSentences { paragraphs }
}
/// Pass one: named people with their roles, from every sentence of an article.
pub fn find_people(article: &Article, c: &Compiled, registry: &mut Registry) {
    add_people(article, &named_sentences(article, c), c, registry);
}
/// Pass one for an article whose [`named_sentences`] are read: the people they name join the
/// registry. Articles must come in the same order on every build.
pub fn add_people(
    article: &Article,
    named: &NamedSentences,
    c: &Compiled,
    registry: &mut Registry,
) {
    for para in &named.paragraphs {
        let p = &article.paragraphs[para.at];
        let map = &para.map;
        for named in &para.sentences {
            let (s, titles, parties) = (&named.sent, &named.titles, &named.parties);
            record_nicknames(s, &named.runs, c, registry);
            record_bare_nicknames(s, &named.runs, parties, c, registry);
            let inside: Vec<(usize, usize)> = s
                .quotes()
                .iter()
                .filter_map(|q| nickname_inside_name(s, q, c))
                .collect();
            for &(a, b) in &named.runs {
                // "the Walrus fumed": a nickname the text gave someone is no new person, nor is
                // the surname after a nickname inside a name someone of their own.
                if registry.nicknames.contains_key(&words_of(s, a, b))
                    || inside
                        .iter()
                        .any(|&(g, f)| f == a && b - a == 1 && g + 1 < a)
                {
                    continue;
                }
                // "the Velmont Institute": an organisation's name is no person's, nor its end
                // ("the Saltgrave Institute for Regional Studies" is no "Studies").
                let mut k = a;
                while k > 0
                    && adjacent(s.hay, s.tokens[k - 1].end, s.tokens[k].start)
                    && (s.tokens[k - 1].capital
                        || c.title_joiners.contains(&s.tokens[k - 1].norm)
                        || c.role_inner_words.contains(&s.tokens[k - 1].norm))
                    && !s.tokens[k - 1].possessive
                {
                    k -= 1;
                }
                if (k..b).any(|k| c.body_nouns.contains(&s.tokens[k].norm)) {
                    continue;
                }
                // "Port Severin", "the Ashgrove Conference Centre": a run that opens or ends on a
                // place's noun is a place.
                if c.place_nouns.contains(&s.tokens[k].norm)
                    || c.place_nouns.contains(&s.tokens[b - 1].norm)
                {
                    continue;
                }
                // "the general staff's Telegram channel": a role that ends on an owner owns
                // what follows, it does not name it.
                let owned = a > 0
                    && s.tokens[a - 1].possessive
                    && adjacent(s.hay, s.tokens[a - 1].end, s.tokens[a].start);
                // "The bishop of the diocese, Monsignor Lucan Weir,": the comma's role reaches over
                // an honorific written right before the name.
                let honorific_at = a.checked_sub(1).filter(|&h| {
                    c.honorifics.contains_key(s.tokens[h].base(s.hay))
                        && matches!(s.hay[s.tokens[h].end..s.tokens[a].start].trim(), "" | ".")
                });
                let before = role_before(s, a, c, titles, parties)
                    .filter(|_| !owned)
                    .or_else(|| role_before_comma(s, a, b, c, titles, parties))
                    .or_else(|| {
                        honorific_at.and_then(|h| role_before_comma(s, h, b, c, titles, parties))
                    });
                // "Emil Tork, 52, ...": an age set off by commas after a full name makes it a
                // person's, and a role may follow it (", 47, a former ambassador to Velmar,").
                let aged = s.tokens.get(b).is_some_and(|t| {
                    t.numeric
                        && t.norm.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
                        && s.hay[s.tokens[b - 1].end..t.start].trim() == ","
                        && s.tokens
                            .get(b + 1)
                            .is_some_and(|u| s.hay[t.end..u.start].trim() == ",")
                });
                // Both may stand: "the council's chief mediator, Amara Velloso, a former
                // Castellane justice minister".
                let after = role_after(s, b, c, titles, parties).or_else(|| {
                    aged.then(|| role_after(s, b + 1, c, titles, parties))
                        .flatten()
                });
                let leads = lead_roles(s, (a, b), before, c);
                // "Dalia Renko, a former ambassador, will take over as chief negotiator".
                // Not a place or party a role ends on ("a former minister of Osterland
                // appointed as special envoy").
                let taken = (parties[a..b].iter().all(Option::is_none)
                    && (a == 0 || !c.role_inner_words.contains(&s.tokens[a - 1].norm)))
                .then(|| role_taken(s, after.map_or(b, |r| r.1), c, titles, parties))
                .flatten();
                // The roles written here, and the affiliation the first one that names a party
                // gives.
                let roles_here = |before: Option<usize>, after: Option<(usize, usize)>| {
                    let mut roles = Vec::new();
                    let mut aff = (None, None);
                    if let Some(r) = before {
                        // The role set off by a comma ends at that comma, not at the honorific.
                        let end = honorific_at
                            .filter(|&h| {
                                h > r && s.hay[s.tokens[h - 1].end..s.tokens[h].start].contains(',')
                            })
                            .unwrap_or(a);
                        roles.extend(role_from(s, map, article, p.n, r, end, (a, b)));
                        aff = affiliation_of(s, (r, end), c, parties);
                        // "Halvark's army chief, General Henrik Brandt", "The mediator,
                        // Thessmoor's envoy Oona Castell": a role before the name, and another
                        // set off by a comma before it.
                        {
                            if let Some(o) = role_before_comma(s, r, b, c, titles, parties) {
                                roles.extend(role_from(s, map, article, p.n, o, r, (a, b)));
                                if aff == (None, None) {
                                    aff = affiliation_of(s, (o, r), c, parties);
                                }
                            }
                        }
                    }
                    for &(r0, r1, g) in &leads {
                        let text = s.hay[s.tokens[r0].start..s.tokens[r1 - 1].end].to_string();
                        let (from, to) = (r0.min(a), r1.max(b));
                        let name_end = s.tokens[to - 1].end;
                        let cite = cite(&article.id, p.n, map, s.tokens[from].start, name_end);
                        roles.push(Role { text, cite });
                        if aff == (None, None) {
                            aff = affiliation_of(s, (r0.min(g - 1), g), c, parties);
                        }
                    }
                    // A role taken "as", then the appositive: both written after the name.
                    for (r0, r1) in taken.into_iter().chain(after) {
                        let text = s.hay[s.tokens[r0].start..s.tokens[r1 - 1].end].to_string();
                        let cite = cite(
                            &article.id,
                            p.n,
                            map,
                            s.tokens[a].start,
                            s.tokens[r1 - 1].end,
                        );
                        roles.push(Role { text, cite });
                        if aff == (None, None) {
                            aff = affiliation_of(s, (r0, r1), c, parties);
                        }
                    }
                    (roles, aff)
                };
                let next_is_verb = s.tokens.get(b).is_some_and(|t| {
                    c.reporting_verbs.contains(&t.norm)
                        && adjacent(s.hay, s.tokens[b - 1].end, t.start)
                });
                // A reporting verb right before the name, or before a word or two that describe
                // the person ("fumed farmer Greta Holm"). Not a verb whose object is the one
                // told ("told Radio Norden"): that names the audience, mostly an outlet.
                let prev_is_verb = (1..=3).any(|d| {
                    a >= d
                        && c.reporting_verbs.contains(&s.tokens[a - d].norm)
                        && !c.audience_verbs.contains(&s.tokens[a - d].norm)
                        && (a - d + 1..a).all(|k| {
                            !s.tokens[k].capital
                                && !s.tokens[k].numeric
                                && !c.stopwords.contains(&s.tokens[k].norm)
                                && adjacent(s.hay, s.tokens[k - 1].end, s.tokens[k].start)
                        })
                        && adjacent(s.hay, s.tokens[a - 1].end, s.tokens[a].start)
                });
                // "appointed Mereland’s envoy": a possessive after the cue owns the role, and
                // is not the person the cue introduces.
                let cue = !s.tokens[b - 1].possessive
                    && c.person_cues
                        .find(&s.tokens[a.saturating_sub(3)..a])
                        .iter()
                        .any(|h| h.end == a - a.saturating_sub(3));
                // "Mr. Grusin", "Sen. Marta Holloway": an honorific makes the name a person's.
                let honorific = a
                    .checked_sub(1)
                    .and_then(|h| {
                        let gap = &s.hay[s.tokens[h].end..s.tokens[a].start];
                        (gap.trim().is_empty() || gap.trim() == ".")
                            .then(|| c.honorifics.get(s.tokens[h].base(s.hay)))
                            .flatten()
                    })
                    .cloned();
                // A rank stands for its title ("Gen." is "general"); a courtesy title is kept as
                // written only before a full name ("Ms Anna Kell"), to tell her from another
                // Kell by "Ms Kell" later.
                let honorific_titles: Vec<String> = honorific
                    .iter()
                    .filter_map(|t| {
                        if !t.is_empty() {
                            Some(t.clone())
                        } else if b - a >= 2 {
                            Some(normalize(s.tokens[a - 1].base(s.hay)))
                        } else {
                            None
                        }
                    })
                    .collect();
                // "The historian Paulina Strand", "Her son, Ray Fenwick,": a noun for a person
                // right before a full name, or set off by a comma before it, introduces them.
                let person_noun = b - a >= 2
                    && a >= 1
                    && !s.tokens[a - 1].capital
                    && person_noun(&s.tokens[a - 1].norm)
                    && matches!(
                        s.hay[s.tokens[a - 1].end..s.tokens[a].start].trim(),
                        "" | ","
                    );
                // "Noor Sallis of the Olmen Daily": a full name followed by the body it belongs
                // to is a person's.
                let of_body = b - a >= 2
                    && s.tokens.get(b).is_some_and(|t| t.norm == "of")
                    && s.tokens.get(b + 1).is_some_and(|t| t.norm == "the")
                    && (b + 2..s.tokens.len())
                        .take_while(|&k| {
                            s.tokens[k].capital
                                && adjacent(s.hay, s.tokens[k - 1].end, s.tokens[k].start)
                        })
                        .any(|k| c.body_nouns.contains(&s.tokens[k].norm));
                let cue =
                    cue || honorific.is_some() || person_noun || of_body || aged && b - a >= 2;
                // "In Lunde, the city’s mayor, ...": a single word used as a place right here is
                // no person, whatever role follows it.
                if b - a == 1
                    && before.is_none()
                    && !cue
                    && a > 0
                    && c.place_prepositions.contains(&s.tokens[a - 1].norm)
                {
                    continue;
                }
                // "travelled to Velmar Sound", "at the Kessel Works": several words after a place
                // preposition (and "the") with no role are a place, unless the first looks like
                // a given name ("turned to Noor Sallis").
                let the = a > 0 && c.role_articles.contains(&s.tokens[a - 1].norm);
                // "The Accord will be submitted", "the Commission said": one common English
                // word after "the", with no role or title, is a thing or a body, not a name (a
                // word for a person, "the Bookworm", may be a nickname, read elsewhere).
                if b - a == 1 && the && before.is_none() && after.is_none() && !cue {
                    let e = crate::english::english();
                    let w = &s.tokens[a].norm;
                    if e.is_common(w, 3.0) && e.noun_class(w) != Some("person") {
                        continue;
                    }
                }
                let prep = a.checked_sub(1 + usize::from(the));
                if b - a >= 2
                    && before.is_none()
                    && after.is_none()
                    && !cue
                    && prep.is_some_and(|k| c.place_prepositions.contains(&s.tokens[k].norm))
                    && (the || !given_name_like(&s.tokens[a].norm))
                {
                    continue;
                }
                let known_at = registry.find_words(&words_of(s, a, b));
                if let (Some(i), false) = (known_at, honorific_titles.is_empty()) {
                    let p = &registry.people[i];
                    registry.add(PersonDraft {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        words: p.words.clone(),
                        roles: vec![],
                        affiliation: None,
                        affiliation_via: None,
                        honorific_titles: honorific_titles.clone(),
                    });
                }
                let known = known_at.is_some();
                let multi = b - a >= 2;
                // "Josef Hadek has farmed barley ...", "Farid Osei, who coordinates ...": a full
                // name opening its sentence, before a comma or a lowercase word, is a person's when
                // none of its words is an English word (no "Corrin Principles").
                let opens_as_subject = (2..=3).contains(&(b - a))
                    && a == 0
                    && s.tokens.get(b).is_some_and(|t| {
                        !t.capital || s.hay[s.tokens[b - 1].end..t.start].contains(',')
                    })
                    && !s.tokens[b - 1].possessive
                    && (a..b).all(|k| {
                        let e = crate::english::english();
                        let w = &s.tokens[k].norm;
                        e.pos(w) == crate::english::Pos::Other && !e.is_common(w, 4.0)
                    });
                let led = !leads.is_empty() || taken.is_some();
                if before.is_none()
                    && after.is_none()
                    && !(next_is_verb || cue || opens_as_subject || multi && prev_is_verb || led)
                {
                    continue;
                }
                if known && before.is_none() && after.is_none() && !led {
                    continue;
                }
                let name_end = s.tokens[b - 1].start + s.tokens[b - 1].base(s.hay).len();
                let mut name = s.hay[s.tokens[a].start..name_end].to_string();
                let mut words = words_of(s, a, b);
                // "Olek “the Heron” Brand": the given name before a nickname and the surname
                // after it are one name.
                let joined = inside.iter().find(|&&(g, _)| g == b - 1);
                if let Some(&(_, f)) = joined {
                    let t = &s.tokens[f];
                    name = format!("{name} {}", t.base(s.hay));
                    words.push(t.norm.clone());
                }
                // A single word after a title is a surname of someone already known, or a name.
                if b - a == 1 && joined.is_none() {
                    if let Some(i) = registry.find_words(&words) {
                        if before.is_some() || after.is_some() || led {
                            let (roles, (aff, via)) = roles_here(before, after);
                            registry.add(PersonDraft {
                                id: registry.people[i].id.clone(),
                                name: registry.people[i].name.clone(),
                                words: registry.people[i].words.clone(),
                                roles,
                                affiliation: aff,
                                affiliation_via: via,
                                honorific_titles: vec![],
                            });
                        }
                        continue;
                    }
                    // A surname several people already share is none of them alone, nor
                    // someone new.
                    if registry.by_last.contains_key(&words[0]) {
                        continue;
                    }
                }
                let (roles, aff) = roles_here(before, after);
                registry.add(PersonDraft {
                    id: slug(&name),
                    name,
                    words,
                    roles,
                    affiliation: aff.0,
                    affiliation_via: aff.1,
                    honorific_titles,
                });
            }
        }
    }
}
pub(super) fn words_of(s: &Sent, a: usize, b: usize) -> Vec<String> {
    s.tokens[a..b].iter().map(|t| t.norm.clone()).collect()
}
pub(super) fn role_from(
    s: &Sent,
    map: &CharMap,
    article: &Article,
    n: u32,
    r: usize,
    a: usize,
    name: (usize, usize),
) -> Option<Role> {
    let text = s.hay[s.tokens[r].start..s.tokens[a - 1].end].to_string();
    let name_end = s.tokens[name.1 - 1].start + s.tokens[name.1 - 1].base(s.hay).len();
    Some(Role {
        text,
        cite: cite(&article.id, n, map, s.tokens[r].start, name_end),
    })
}
/// Runs of two or more name words in a sentence that are no known person, place or body
/// ("Anton Mirsky" before anyone registered him): someone is named there whom a pronoun could
/// stand for, so a pronoun after it is not resolved past them.
pub(super) fn unknown_names(
    s: &Sent,
    c: &Compiled,
    registry: &Registry,
    mentions: &[super::registry::Mention],
) -> Vec<(usize, usize)> {
    let titles = s.titles(c);
    let parties = s.parties(c);
    name_runs(s, c, titles, parties)
        .into_iter()
        .filter(|&(a, b)| b - a >= 2)
        .filter(|&(a, b)| !mentions.iter().any(|m| m.start < b && m.end > a))
        .filter(|&(a, b)| {
            // "Back at Hallen Gate": a run that opens or ends on a place's noun is a place, as
            // pass one reads it.
            let place = (a..b).all(|k| registry.places.contains(&s.tokens[k].norm))
                || c.place_nouns.contains(&s.tokens[a].norm)
                || c.place_nouns.contains(&s.tokens[b - 1].norm);
            let body = (a..b).any(|k| c.body_nouns.contains(&s.tokens[k].norm));
            // "the Joint Monitoring Commission": a name after "the", or before a body's noun,
            // is a body's.
            let after_the = a > 0 && s.tokens[a - 1].norm == "the";
            let before_body = s.tokens.get(b).is_some_and(|t| {
                c.body_nouns.contains(&t.norm) && adjacent(s.hay, s.tokens[b - 1].end, t.start)
            });
            !(place || body || after_the || before_body || nickname_aside(s, a, b, c))
        })
        .collect()
}
