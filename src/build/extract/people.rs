//! Pass one: named people and their roles, from every sentence of an article.
//!
//! Owns what makes a run of capitalised words a person's name (a title before it, an appositive
//! after it, a reporting verb next to it) and the role text kept with it. It must not attribute
//! quotes or statements; it only fills the [`Registry`].

use crate::article::Article;
use crate::knowledge::Role;
use crate::lexicon::Compiled;
use crate::text::{normalize, slug, CharMap, Token};

use super::{adjacent, cite, party_mask, sentences_of, title_mask, PersonDraft, Registry, Sent};

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
    // Long all-capital words are acronyms of bodies, not names ("NATO"); "JD" is a name.
    if t.all_caps && base.chars().count() > 3 {
        return false;
    }
    true
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

/// The role standing right before token `at`: `(first token, has a title)`.
pub(super) fn role_before(
    s: &Sent,
    at: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<usize> {
    let mut j = at;
    let mut has_title = false;
    while j > 0 {
        let k = j - 1;
        let t = &s.tokens[k];
        if !adjacent(s.hay, t.end, s.tokens[j].start) && j != at {
            break;
        }
        if j == at && !adjacent(s.hay, t.end, s.tokens[at].start) {
            break;
        }
        // The next word is already in the role and is a title or a capitalised word before one
        // ("Corvanian Fisheries Minister").
        let next_is_title =
            j != at && (titles.get(j).copied().unwrap_or(false) || s.tokens[j].capital);
        let ok = titles[k]
            || c.role_modifiers.contains(&t.norm) && !c.role_inner_words.contains(&t.norm)
            || parties[k].is_some()
            || t.possessive
            || (t.capital && next_is_title && !c.not_names.contains(t.base(s.hay)))
            || (c.title_joiners.contains(&t.norm) && titles.get(j).copied().unwrap_or(false));
        if !ok {
            break;
        }
        has_title |= titles[k];
        j = k;
    }
    // A role ending in a possessive ("Rubio’s") is not a role of the next name.
    if has_title && j < at {
        Some(j)
    } else {
        None
    }
}

/// A role set off by commas before a name: "Valdoria’s new defence minister, Piet Harrow, ...".
pub(super) fn role_before_comma(
    s: &Sent,
    a: usize,
    b: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<usize> {
    if a == 0 || s.hay[s.tokens[a - 1].end..s.tokens[a].start].trim() != "," {
        return None;
    }
    let closes = b >= s.tokens.len() || s.hay[s.tokens[b - 1].end..s.tokens[b].start].contains(',');
    if !closes || !titles[a - 1] {
        return None;
    }
    // Walk back over the role as role_before does, from the comma.
    let mut j = a - 1;
    let mut has_title = false;
    loop {
        let t = &s.tokens[j];
        let ok = titles[j]
            || c.role_modifiers.contains(&t.norm) && !c.role_inner_words.contains(&t.norm)
            || parties[j].is_some()
            || t.possessive;
        if !ok {
            j += 1;
            break;
        }
        has_title |= titles[j];
        if j == 0 || !adjacent(s.hay, s.tokens[j - 1].end, t.start) {
            break;
        }
        j -= 1;
    }
    (has_title && j < a).then_some(j)
}

/// An appositive role after a name: ", the US envoy," -> token range of the role.
pub(super) fn role_after(
    s: &Sent,
    end: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<(usize, usize)> {
    if end >= s.tokens.len() || end == 0 {
        return None;
    }
    let gap = &s.hay[s.tokens[end - 1].end..s.tokens[end].start];
    if gap.trim() != "," {
        return None;
    }
    let mut j = end;
    let mut start = end;
    if c.role_articles.contains(&s.tokens[j].norm) {
        j += 1;
        start = j;
    }
    let mut has_title = false;
    while j < s.tokens.len() {
        let t = &s.tokens[j];
        if j > start && !adjacent(s.hay, s.tokens[j - 1].end, t.start) {
            break;
        }
        let ok =
            titles[j] || c.role_modifiers.contains(&t.norm) || parties[j].is_some() || t.possessive;
        if !ok {
            break;
        }
        has_title |= titles[j];
        j += 1;
    }
    // The role must end the clause: a comma, a stop, or the sentence end.
    let closes = j >= s.tokens.len() || {
        let gap = &s.hay[s.tokens[j - 1].end..s.tokens[j].start];
        gap.contains(',') || gap.contains('.') || gap.contains(';')
    };
    (has_title && closes && j > start).then_some((start, j))
}

pub(super) fn affiliation_of(
    s: &Sent,
    range: (usize, usize),
    c: &Compiled,
    parties: &[Option<usize>],
) -> (Option<String>, Option<String>) {
    if let Some(p) = parties[range.0..range.1].iter().flatten().next() {
        return (Some(c.lexicon.parties[*p].id.clone()), None);
    }
    for k in range.0..range.1 {
        let t = &s.tokens[k];
        if t.possessive && t.capital {
            return (None, Some(t.base(s.hay).to_string()));
        }
    }
    // An unknown demonym or country before a title ("Valdorian Foreign Minister").
    for k in range.0..range.1 {
        let t = &s.tokens[k];
        if t.capital && !c.not_names.contains(t.base(s.hay)) && !c.role_modifiers.contains(&t.norm)
        {
            let titles = title_mask(&s.tokens[k..k + 1], c);
            if !titles[0] {
                return (Some(t.base(s.hay).to_string()), None);
            }
        }
    }
    (None, None)
}

/// Pass one: named people with their roles, from every sentence of an article.
pub fn find_people(article: &Article, c: &Compiled, registry: &mut Registry) {
    for p in &article.paragraphs {
        let map = CharMap::new(&p.text);
        for s in sentences_of(&p.text, c) {
            let titles = title_mask(&s.tokens, c);
            let parties = party_mask(&s.tokens, c);
            for (a, b) in name_runs(&s, c, &titles, &parties) {
                // "the Velmont Institute": an organisation's name is no person's.
                if (a..b).any(|k| c.body_nouns.contains(&s.tokens[k].norm)) {
                    continue;
                }
                let before = role_before(&s, a, c, &titles, &parties)
                    .or_else(|| role_before_comma(&s, a, b, c, &titles, &parties));
                let after = if before.is_none() {
                    role_after(&s, b, c, &titles, &parties)
                } else {
                    None
                };
                let next_is_verb = s.tokens.get(b).is_some_and(|t| {
                    c.reporting_verbs.contains(&t.norm)
                        && adjacent(s.hay, s.tokens[b - 1].end, t.start)
                });
                // A reporting verb right before the name, or before a word or two that describe
                // the person ("fumed farmer Greta Holm").
                let prev_is_verb = (1..=3).any(|d| {
                    a >= d
                        && c.reporting_verbs.contains(&s.tokens[a - d].norm)
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
                let cue = cue || honorific.is_some();
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
                let known_at = registry.find_words(&words_of(&s, a, b));
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
                if before.is_none()
                    && after.is_none()
                    && !(next_is_verb || cue || multi && prev_is_verb)
                {
                    continue;
                }
                if known && before.is_none() && after.is_none() {
                    continue;
                }
                let name_end = s.tokens[b - 1].start + s.tokens[b - 1].base(s.hay).len();
                let name = s.hay[s.tokens[a].start..name_end].to_string();
                let words = words_of(&s, a, b);
                // A single word after a title is a surname of someone already known, or a name.
                if b - a == 1 {
                    if let Some(i) = registry.find_words(&words) {
                        if let Some(r) = before {
                            let role = role_from(&s, &map, article, p.n, r, a, (a, b));
                            let (aff, via) = affiliation_of(&s, (r, a), c, &parties);
                            registry.add(PersonDraft {
                                id: registry.people[i].id.clone(),
                                name: registry.people[i].name.clone(),
                                words: registry.people[i].words.clone(),
                                roles: role.into_iter().collect(),
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
                let (role, aff) = match (before, after) {
                    (Some(r), _) => (
                        role_from(&s, &map, article, p.n, r, a, (a, b)),
                        affiliation_of(&s, (r, a), c, &parties),
                    ),
                    (None, Some((r0, r1))) => {
                        let text = s.hay[s.tokens[r0].start..s.tokens[r1 - 1].end].to_string();
                        let role = Role {
                            text,
                            cite: cite(
                                &article.id,
                                p.n,
                                &map,
                                s.tokens[a].start,
                                s.tokens[r1 - 1].end,
                            ),
                        };
                        (Some(role), affiliation_of(&s, (r0, r1), c, &parties))
                    }
                    _ => (None, (None, None)),
                };
                registry.add(PersonDraft {
                    id: slug(&name),
                    name,
                    words,
                    roles: role.into_iter().collect(),
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
    let titles = title_mask(&s.tokens, c);
    let parties = party_mask(&s.tokens, c);
    name_runs(s, c, &titles, &parties)
        .into_iter()
        .filter(|&(a, b)| b - a >= 2)
        .filter(|&(a, b)| !mentions.iter().any(|m| m.start < b && m.end > a))
        .filter(|&(a, b)| {
            !(a..b).all(|k| registry.places.contains(&s.tokens[k].norm))
                && !(a..b).any(|k| c.body_nouns.contains(&s.tokens[k].norm))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::read;

    fn names(reg: &super::Registry) -> Vec<String> {
        reg.people.iter().map(|p| p.name.clone()).collect()
    }

    #[test]
    fn a_name_introduced_in_full_is_one_person_on_second_reference() {
        let (reg, _) = read(&[
            "Kestrava named Petar Grusin, a career diplomat, as its ambassador in March.",
            "“I am a patient man,” Mr. Grusin said. Grusin added that he would stay.",
        ]);
        assert_eq!(names(&reg), ["Petar Grusin"]);
    }

    #[test]
    fn honorifics_and_titles_are_never_part_of_the_name() {
        let (reg, _) = read(&[
            "Sen. Marta Holloway opened the hearing. Dr Mara Quist and Foreign Minister Hana Vilk spoke.",
        ]);
        assert_eq!(names(&reg), ["Marta Holloway", "Mara Quist", "Hana Vilk"]);
        let holloway = &reg.people[0];
        assert_eq!(holloway.honorific_titles, ["senator"]);
        assert!(reg.people[2]
            .roles
            .iter()
            .any(|r| r.text == "Foreign Minister"));
    }

    #[test]
    fn a_surname_met_first_folds_into_the_one_full_name() {
        let (reg, _) = read(&[
            "“Nothing will be given away,” Minister Marsh said.",
            "President Edvin Marsh of Kestrava spoke later.",
        ]);
        assert_eq!(names(&reg), ["Edvin Marsh"]);
    }
}
