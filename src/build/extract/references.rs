//! Who a pronoun ("he", "she") or a bare title ("the minister", "the colonel") stands for.
//!
//! Owns the rule that makes a wrong speaker impossible as far as the text allows: the words
//! before it in its own sentence, else the nearest earlier sentence that names anyone, must name
//! exactly one person, as their subject, and nobody else; a title must also fit that person.
//! Only what the text itself settles narrows that: a person whose courtesy title ("Mr.") or
//! pronoun ("Her deputy, ...") tells the other sex is not who "she" or "he" stands for, and the
//! one person a sentence gives the view of ("For X, ...") is its subject. Anything else resolves
//! to nobody with the reason recorded. It must not read reporting verbs or quotation marks.

use std::collections::HashSet;

use crate::knowledge::Speaker;
use crate::lexicon::Compiled;
use crate::text::{stem, tokenize};

use super::attribution::Reader;
use super::registry::{title_before, Mention};
use super::Sent;

/// The people a sentence names outside its quotations: who a later pronoun or bare title may
/// stand for.
#[derive(Debug, Clone, Default)]
pub(super) struct Named {
    /// Registry indexes, each once, in order.
    pub(super) persons: Vec<usize>,
    /// True when the sentence also names someone the registry does not know.
    pub(super) unknown: bool,
    /// The person who is the sentence's subject (or its reporting verb's speaker).
    pub(super) subject: Option<usize>,
    /// The sex of a pronoun before the person named that stands for someone else (true for a
    /// man): a later pronoun of that sex stands for nobody settled.
    pub(super) lone_sex: Option<bool>,
    /// People of `persons` whose courtesy title tells their sex (true for a man).
    pub(super) sexes: Vec<(usize, bool)>,
}

impl Named {
    /// The people of these mentions; a mention of nobody in particular (a surname several
    /// people share) counts as someone unknown.
    pub(super) fn of(mentions: &[Mention], unknown: bool, subject: Option<Mention>) -> Named {
        let mut persons: Vec<usize> = Vec::new();
        for p in mentions.iter().filter_map(|m| m.person) {
            if !persons.contains(&p) {
                persons.push(p);
            }
        }
        Named {
            persons,
            unknown: unknown || mentions.iter().any(|m| m.person.is_none()),
            subject: subject.and_then(|m| m.person),
            lone_sex: None,
            sexes: Vec::new(),
        }
    }
}

impl Reader<'_> {
    /// "the minister", "the foreign minister", "the colonel": a title standing alone, as the
    /// words that must fit the person it stands for.
    pub(super) fn bare_title(
        &self,
        s: &Sent,
        a: usize,
        b: usize,
        mentions: &[Mention],
    ) -> Option<Vec<String>> {
        if s.tokens[a].norm != "the"
            || b - a < 2
            || mentions.iter().any(|m| m.start < b && m.end > a)
        {
            return None;
        }
        let titles = s.titles(self.c);
        let role = |k: usize| titles[k] || self.c.role_modifiers.contains(&s.tokens[k].norm);
        // "the feisty minister", "the veteran envoy": a describing word before the title says
        // nothing of who holds it, and is no part of the words that must fit.
        let describing = |k: usize| {
            let t = &s.tokens[k];
            !t.capital
                && !t.numeric
                && matches!(
                    crate::english::english().pos(&t.norm),
                    crate::english::Pos::Adjective
                )
        };
        let first_role = (a + 1..b).find(|&k| role(k))?;
        let all_role = (a + 1..first_role).all(describing) && (first_role..b).all(role);
        (all_role && titles[b - 1]).then(|| {
            s.tokens[first_role..b]
                .iter()
                .map(|t| t.norm.clone())
                .filter(|w| !self.c.stopwords.contains(w))
                .collect()
        })
    }

    /// The unnamed source of this article whose description holds the title's last word.
    pub(super) fn earlier_source(&self, words: &[String]) -> Option<Speaker> {
        let noun = stem(words.last()?);
        self.facts
            .sources
            .iter()
            .rev()
            .find(|src| {
                tokenize(&src.description)
                    .iter()
                    .any(|t| stem(&t.norm) == noun)
            })
            .map(|src| Speaker::Source(src.id.clone()))
    }

    /// "The minister struck a more conciliatory tone.": the people a sentence opening on a bare
    /// title is about: the one person the title stands for, else someone not settled (so no
    /// later pronoun reaches past it to a person named before). None when it opens otherwise.
    pub(super) fn title_subject(&mut self, s: &Sent) -> Option<Named> {
        let toks = &s.tokens;
        let a = (0..toks.len())
            .find(|&i| !toks[i].numeric && !self.c.sentence_connectives.contains(&toks[i].norm))?;
        let quoted = s
            .quotes()
            .iter()
            .any(|q| toks[a].start >= q.open && toks[a].start < q.close);
        if quoted || toks[a].norm != "the" {
            return None;
        }
        let mut b = a + 1;
        while b < toks.len() && b - a < 6 && super::adjacent(s.hay, toks[b - 1].end, toks[b].start)
        {
            b += 1;
        }
        let (e, words) = (a + 2..=b)
            .rev()
            .find_map(|e| self.bare_title(s, a, e, &[]).map(|w| (e, w)))?;
        let unsettled = Named {
            unknown: true,
            ..Named::default()
        };
        // "The Minister of Foreign Affairs of Vellamar": a title of a body the words go on to
        // name is not the bare title.
        if toks.get(e).is_some_and(|t| {
            self.c.title_joiners.contains(&t.norm) || self.c.affiliation_words.contains(&t.norm)
        }) {
            return Some(unsettled);
        }
        let why = self.reason.take();
        let found = self.resolve_reference(s, a, Some(&words));
        self.reason = why;
        match found {
            Some(Speaker::Person(id)) => {
                let pi = *self.registry.by_id.get(&id)?;
                Some(Named {
                    persons: vec![pi],
                    subject: Some(pi),
                    ..Named::default()
                })
            }
            _ => Some(unsettled),
        }
    }

    /// "A listener from the coast, who gave only a first name, called in.": a sentence whose
    /// subject is someone it does not name (an indefinite word, then a noun for a person, then a
    /// relative clause about them) is about someone not settled, so no later pronoun reaches past them to a person named
    /// before. None when it opens otherwise.
    pub(super) fn indefinite_subject(&self, s: &Sent) -> Option<Named> {
        let toks = &s.tokens;
        let a = (0..toks.len())
            .find(|&i| !toks[i].numeric && !self.c.sentence_connectives.contains(&toks[i].norm))?;
        let quoted = super::quotes::find_quotes(s.hay)
            .iter()
            .any(|q| toks[a].start >= q.open && toks[a].start < q.close);
        if quoted || !self.c.indefinite_openers.contains(&toks[a].norm) {
            return None;
        }
        let person_noun = |k: usize| {
            let w = &toks[k].norm;
            self.c.source_nouns.contains(w)
                && !self.c.body_nouns.contains(w)
                && !self.c.speech_nouns.contains(w)
        };
        let mut k = a + 1;
        while k < toks.len() && k - a <= 4 && super::adjacent(s.hay, toks[k - 1].end, toks[k].start)
        {
            // "A listener from the coast, who gave her name as ...": set off with a relative
            // clause of their own, the unnamed someone is a person the story tells of.
            let described = (k + 1..toks.len().min(k + 6)).any(|j| {
                self.c.relative_words.contains(&toks[j].norm)
                    && s.hay[toks[j - 1].end..toks[j].start].contains(',')
            });
            if person_noun(k) && described {
                return Some(Named {
                    unknown: true,
                    ..Named::default()
                });
            }
            k += 1;
        }
        None
    }

    /// A person's sex as a courtesy title written before their full name tells it ("Ms Ilse
    /// Marrow" in any article): true for a man; None when none is written, or both are.
    pub(super) fn courtesy_sex(&self, person: usize) -> Option<bool> {
        let titles = &self.registry.people[person].honorific_titles;
        let male = self
            .c
            .masculine_honorifics
            .iter()
            .any(|h| titles.contains(&crate::text::normalize(h)));
        let female = self
            .c
            .feminine_honorifics
            .iter()
            .any(|h| titles.contains(&crate::text::normalize(h)));
        match (male, female) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            (false, false) => self.learned_sex.get(&person).copied().flatten(),
            _ => None,
        }
    }

    /// Records that the article's words tell person `p`'s sex (true for a man); a person told
    /// both ways is told neither.
    pub(super) fn learn_sex(&mut self, p: usize, male: bool) {
        self.learned_sex
            .entry(p)
            .and_modify(|sex| {
                if *sex != Some(male) {
                    *sex = None;
                }
            })
            .or_insert(Some(male));
    }

    /// "whose husband, Rafe Talbot,", "Marta Talbot, his wife,": a noun for a relative of one
    /// sex right before a person named (after at most a comma), or set off by commas right
    /// after them, tells that person's sex.
    pub(super) fn learn_sex_from_kin(&mut self, s: &Sent, mentions: &[Mention]) {
        let toks = &s.tokens;
        let kin = |k: usize| {
            let t = &toks[k];
            if t.capital || t.possessive {
                None
            } else if self.c.masculine_kin_nouns.contains(&t.norm) {
                Some(true)
            } else if self.c.feminine_kin_nouns.contains(&t.norm) {
                Some(false)
            } else {
                None
            }
        };
        let gap = |a: usize, b: usize| s.hay[toks[a].end..toks[b].start].trim().to_string();
        for m in mentions {
            let Some(p) = m.person else {
                continue;
            };
            let before = m
                .start
                .checked_sub(1)
                .filter(|&k| matches!(gap(k, m.start).as_str(), "" | ","))
                .and_then(kin);
            // "Marta Talbot, his wife, said": a determiner, the noun, then a comma or the end.
            let after = (m.end + 1 < toks.len()
                && gap(m.end - 1, m.end) == ","
                && self.c.role_introducers.contains(&toks[m.end].norm)
                && toks
                    .get(m.end + 2)
                    .is_none_or(|_| gap(m.end + 1, m.end + 2) == ","))
            .then(|| kin(m.end + 1))
            .flatten();
            if let Some(male) = before.or(after) {
                self.learn_sex(p, male);
            }
        }
    }

    /// The sex a lone courtesy title right before token `i` tells ("Mr Vigg": true, "Mrs
    /// Vigg": false); None for a rank or office ("Dr", "Minister") or no title.
    pub(super) fn courtesy_before(&self, s: &Sent, i: usize) -> Option<bool> {
        let words = title_before(s, i, self.c);
        let [word] = &words[..] else {
            return None;
        };
        let is = |h: &String| &crate::text::normalize(h) == word;
        if self.c.masculine_honorifics.iter().any(is) {
            Some(true)
        } else if self.c.feminine_honorifics.iter().any(is) {
            Some(false)
        } else {
            None
        }
    }

    /// "Mrs Vigg replied" after Hanna Vigg and Tomas Vigg, when the text has told that Tomas
    /// is a man ("said he had ..."): a courtesy title before a surname several people named
    /// so far share is the one of them not told to be of the other sex, when the others all
    /// are. A courtesy title before a surname that is settled tells that person's sex.
    pub(super) fn settle_by_courtesy(
        &mut self,
        s: &Sent,
        mentions: &mut [Mention],
        in_full: &HashSet<usize>,
    ) {
        for m in mentions.iter_mut().filter(|m| m.end == m.start + 1) {
            let Some(male) = self.courtesy_before(s, m.start) else {
                continue;
            };
            if let Some(p) = m.person {
                self.learn_sex(p, male);
                continue;
            }
            let Some(sharers) = self.registry.by_last.get(&s.tokens[m.start].norm) else {
                continue;
            };
            let pool: Vec<usize> = sharers
                .iter()
                .copied()
                .filter(|p| in_full.contains(p))
                .collect();
            let left: Vec<usize> = pool
                .iter()
                .copied()
                .filter(|&p| self.courtesy_sex(p) != Some(!male))
                .collect();
            if let [one] = left[..] {
                if pool.len() > 1 {
                    m.person = Some(one);
                    self.learn_sex(one, male);
                }
            }
        }
    }

    /// The one person named so far in the article whom a bare title fits, when no one else
    /// named so far fits it: "the minister" in a report with one minister in it.
    fn only_one_fits(&self, words: &[String]) -> Option<usize> {
        let fit: Vec<usize> = self
            .seen
            .iter()
            .copied()
            .filter(|&p| self.registry.fits(p, words))
            .collect();
        match fit[..] {
            [one] => Some(one),
            _ => None,
        }
    }

    /// A pronoun (`title` None) or a bare title at token `a`: the person it stands for, only
    /// when the text leaves no doubt. The antecedent is the words before it in its own sentence
    /// when they name anyone, else the nearest earlier sentence that names anyone; it must name
    /// exactly one person, as its subject, and nobody else (no second person, no name the
    /// registry cannot tell, no surname several people share); a title must also fit that
    /// person. Anything else is recorded as a reason and resolves to nobody.
    pub(super) fn resolve_reference(
        &mut self,
        s: &Sent,
        a: usize,
        title: Option<&[String]>,
    ) -> Option<Speaker> {
        let word = s.tokens[a].text(s.hay).to_string();
        // "Asked about the two ministers, the minister said": a title the sentence also gives
        // several people stands for none of them.
        if let Some(head) = title.and_then(|w| w.last()) {
            let several = s.tokens[..a]
                .iter()
                .any(|t| t.norm != *head && stem(&t.norm) == stem(head));
            if several {
                self.reason = Some(format!(
                    "the sentence speaks of several people who are “{head}”, and the title does not say which"
                ));
                return None;
            }
        }
        let mut before: Vec<Mention> = self.here.iter().copied().filter(|m| m.end <= a).collect();
        // "Calloway, the chief negotiator, whom he once described as ...": the pronoun right
        // after a relative word is never the person the relative clause is about.
        if a > 1 && self.c.object_relatives.contains(&s.tokens[a - 1].norm) && title.is_none() {
            let titles = s.titles(self.c);
            // The relative's antecedent: the person right before its comma, or before a role
            // set off after the name ("Calloway, the chief negotiator, whom").
            let antecedent = before.last().is_some_and(|m| {
                s.hay[s.tokens[a - 2].end..s.tokens[a - 1].start].contains(',')
                    && (m.end..a - 1).all(|k| {
                        titles[k]
                            || self.c.role_modifiers.contains(&s.tokens[k].norm)
                            || self.c.stopwords.contains(&s.tokens[k].norm)
                    })
            });
            if antecedent {
                before.pop();
                // "She praised her deputy, Ilse Marr, whom she called ...": the sentence's own
                // pronoun subject, of the same sex, is who it stands for.
                if let Some((i, who)) = self.pronoun.filter(|_| before.is_empty()) {
                    let same = self.sex_of(&s.tokens[i].norm) == self.sex_of(&s.tokens[a].norm);
                    if same {
                        return Some(Speaker::Person(self.person_id(who)));
                    }
                }
                if before.is_empty() {
                    self.reason = Some(format!(
                        "“{word}” follows a relative clause's own person and names no one else"
                    ));
                    return None;
                }
            }
        }
        let unknown_before = self.here_unknown.is_some_and(|u| u < a);
        // People named before the pronoun only inside a clause that opens the sentence
        // ("Speaking after meeting Falkmoor, he said") are not who the pronoun stands for.
        let fronted = !before.is_empty()
            && title.is_none()
            && !unknown_before
            && subject_mention(s, &before, self.c).is_none();
        let named = if (!before.is_empty() || unknown_before) && !fronted {
            Named::of(&before, unknown_before, subject_mention(s, &before, self.c))
        } else if let Some(n) = &self.last_named {
            n.clone()
        } else {
            self.reason = Some(format!("no person is named before “{word}”"));
            return None;
        };
        if named.unknown {
            self.reason = Some(format!(
                "“{word}” follows a sentence naming someone who is not one known person"
            ));
            return None;
        }
        if let Some(other) = named.lone_sex {
            if self.sex_of(&s.tokens[a].norm) != Some(!other) {
                self.reason = Some(format!(
                    "“{word}” may stand for someone a pronoun of the sentence before stands for"
                ));
                return None;
            }
        }
        // "Mr. Vask's deputy, Hanne Solberg, ... she": a person whose courtesy title tells
        // the other sex is not who the pronoun stands for.
        let persons: Vec<usize> = match (title, self.sex_of(&s.tokens[a].norm)) {
            (None, Some(male)) => named
                .persons
                .iter()
                .copied()
                .filter(|p| {
                    !named.sexes.contains(&(*p, !male)) && self.courtesy_sex(*p) != Some(!male)
                })
                .collect(),
            _ => named.persons.clone(),
        };
        let [one] = persons[..] else {
            self.reason = Some(format!(
                "“{word}” could stand for any of the {} people named just before",
                named.persons.len()
            ));
            return None;
        };
        // "Ms Marrow met Mr Korsgaard ... he said": when the pronoun's sex rules out everyone
        // else named, the one left is who it stands for, subject or not.
        let settled_by_sex = title.is_none() && persons.len() < named.persons.len();
        // "One reporter asked Ms Ferrant ... The minister said": a title that fits the one
        // person named is theirs, subject or not.
        let settled_by_title = title.is_some_and(|w| self.registry.fits(one, w));
        if named.subject != Some(one) && !settled_by_sex && !settled_by_title {
            self.reason = Some(format!(
                "the person named before “{word}” is not that sentence's subject"
            ));
            return None;
        }
        if let Some(words) = title {
            if !self.registry.fits(one, words) {
                // "Anvers said ... The minister struck a softer tone": the title is not the
                // person just named, but the one person named so far who holds it.
                if let Some(other) = self.only_one_fits(words) {
                    return Some(Speaker::Person(self.person_id(other)));
                }
                self.reason = Some(format!(
                    "the title “{}” does not fit the person named just before",
                    words.join(" ")
                ));
                return None;
            }
        } else {
            self.pronoun = Some((a, one));
            if let Some(male) = self.sex_of(&s.tokens[a].norm) {
                self.learn_sex(one, male);
            }
        }
        Some(Speaker::Person(self.person_id(one)))
    }
}

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

#[cfg(test)]
mod tests {
    use super::super::testing::{read, speaker};

    #[test]
    fn a_titled_subject_after_an_opening_phrase_is_who_the_next_pronoun_stands_for() {
        let (reg, f) = read(&[
            "In Serrat, Prime Minister Jana Hollis broke her silence in a short address to parliament. She said Tolmira would “walk every metre of the road, but not backwards.”",
        ]);
        assert_eq!(speaker(&reg, &f, "every metre"), "person: Jana Hollis");
    }

    #[test]
    fn the_one_person_a_sentence_gives_the_view_of_speaks_and_is_its_subject() {
        let (reg, f) = read(&[
            "For Jonas Pelt, the chief negotiator, the timetable is “a beginning, and only that”.",
            "For Pelt, the real test is the first week. “If the guns are quiet, the paper holds,” he said.",
            "For Pelt and Envoy Lidia Varenko, the deal is “fair enough”.",
        ]);
        assert_eq!(speaker(&reg, &f, "a beginning"), "person: Jonas Pelt");
        assert_eq!(speaker(&reg, &f, "guns are quiet"), "person: Jonas Pelt");
        let who = speaker(&reg, &f, "fair enough");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_courtesy_title_of_the_other_sex_leaves_the_pronoun_to_the_one_named_after_it() {
        let (reg, f) = read(&[
            "Envoy Teodor Vask arrived on Tuesday.",
            "Mr. Vask's deputy, Hanne Solberg, was more guarded. “We have been here before,” she said.",
        ]);
        assert_eq!(
            speaker(&reg, &f, "been here before"),
            "person: Hanne Solberg"
        );
        // "he" could be Mr. Vask or Solberg, whose sex the text does not tell (in an article
        // where no "she" was settled to her before).
        let (reg, f) = read(&[
            "Envoy Teodor Vask arrived on Tuesday.",
            "Mr. Vask's deputy, Hanne Solberg, was more guarded. “We will see,” he said.",
        ]);
        let who = speaker(&reg, &f, "We will see");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_pronoun_of_the_other_sex_before_a_name_leaves_the_next_pronoun_to_that_name() {
        let (reg, f) = read(&[
            "Foreign Minister Lidia Varenko spoke first.",
            "Her deputy, Gil Ostrander, went further. “If the truce breaks, it is not us,” he said.",
            "Her aide, Adviser Anna Brell, was blunter. “Nobody will sign,” she said.",
        ]);
        assert_eq!(speaker(&reg, &f, "truce breaks"), "person: Gil Ostrander");
        let who = speaker(&reg, &f, "Nobody will sign");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_pronoun_after_someone_unknown_is_not_given_to_the_person_before() {
        // The case: a paragraph about one person, then someone else (not known as a
        // person) briefs reporters, then "he" speaks. The one who briefs is the subject, and
        // becomes known; the words are his, never the minister's.
        let (reg, f) = read(&[
            "Foreign Minister Hana Vilk was expected in Ossery for the funeral.",
            "Anton Mirsky, a lawyer for the secretariat, spoke to reporters about the schedule.",
            "“The schedule holds,” he stated to the press.",
        ]);
        assert_eq!(
            speaker(&reg, &f, "The schedule holds"),
            "person: Anton Mirsky"
        );
        // Named but not as the subject, he stays unknown, and "he" stands for nobody settled.
        let (reg, f) = read(&[
            "Foreign Minister Hana Vilk was expected in Ossery for the funeral.",
            "Reporters were briefed by Anton Mirsky about the schedule.",
            "“The schedule holds,” he stated to the press.",
        ]);
        let who = speaker(&reg, &f, "The schedule holds");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_person_the_sentence_before_does_not_name_stops_a_pronoun_reaching_past() {
        // Someone unnamed is the subject of the sentence before: "she" may be that caller, so
        // the words are nobody's rather than the minister's.
        let (reg, f) = read(&[
            "Minister Ilsa Dorn said the weir would be rebuilt.",
            "A caller from the valley, who gave her name only as Mira, rang the station.",
            "“My father built that weir,” she said.",
        ]);
        let who = speaker(&reg, &f, "My father built");
        assert!(who.starts_with("unattributed: "), "{who}");
        // An unnamed someone passing through, with no clause about them, hides nobody.
        let (reg, f) = read(&[
            "Minister Ilsa Dorn waited at the weir.",
            "An aide came to tell her the car was ready.",
            "“My father built that weir,” she said.",
        ]);
        assert_eq!(speaker(&reg, &f, "My father built"), "person: Ilsa Dorn");
        // A sentence opening on an indefinite thing, not a person, leaves the pronoun to her.
        let (reg, f) = read(&[
            "Minister Ilsa Dorn spoke at the weir.",
            "A decision on the funding is due in May.",
            "“My father built that weir,” she said.",
        ]);
        assert_eq!(speaker(&reg, &f, "My father built"), "person: Ilsa Dorn");
    }

    #[test]
    fn a_pronoun_takes_the_one_subject_named_just_before() {
        let (reg, f) = read(&[
            "Foreign Minister Hana Vilk spoke first. Opposition leader Dana Kroll answered her.",
            "“It is shameful,” she said.",
        ]);
        // "her" is named in no sentence; Kroll is the last sentence's only person and subject.
        assert_eq!(speaker(&reg, &f, "shameful"), "person: Dana Kroll");
        let (reg, f) = read(&[
            "Envoy Jonas Pelt and General Radu Stoica spoke privately.",
            "“There is a deal to be had,” he said.",
        ]);
        let who = speaker(&reg, &f, "deal to be had");
        assert!(who.contains("2 people"), "{who}");
    }

    #[test]
    fn a_bare_title_takes_the_one_person_named_before_when_it_fits() {
        let (reg, f) = read(&[
            "Col. Ivo Brenn led the last mission.",
            "“The monitors saw everything,” the colonel said.",
        ]);
        assert_eq!(speaker(&reg, &f, "monitors saw"), "person: Ivo Brenn");
    }

    #[test]
    fn a_second_person_in_the_sentence_before_leaves_a_title_or_pronoun_unattributed() {
        // Only one of them is a minister, but the rule is strict: the sentence before names two.
        let (reg, f) = read(&[
            "Foreign Minister Hana Vilk met Col. Ivo Brenn on Monday.",
            "“We will accept monitors,” the minister said.",
        ]);
        let who = speaker(&reg, &f, "accept monitors");
        assert!(who.contains("2 people"), "{who}");
        let (reg, f) = read(&[
            "Foreign Minister Hana Vilk thanked Col. Ivo Brenn for the maps.",
            "“They are the best we have,” she said.",
        ]);
        let who = speaker(&reg, &f, "best we have");
        assert!(who.contains("2 people"), "{who}");
        // The same holds when the other person is in the title's own sentence.
        let (reg, f) = read(&[
            "Foreign Minister Hana Vilk spoke after Col. Ivo Brenn, and the minister said it was “a good day”.",
        ]);
        let who = speaker(&reg, &f, "a good day");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_title_that_does_not_fit_the_one_person_named_before_is_unattributed() {
        let (reg, f) = read(&[
            "Foreign Minister Hana Vilk arrived in Ossery on Monday.",
            "“The river is calm,” the colonel said.",
        ]);
        let who = speaker(&reg, &f, "river is calm");
        assert!(who.contains("does not fit"), "{who}");
        let (reg, f) = read(&[
            "Foreign Minister Hana Vilk arrived in Ossery on Monday.",
            "“The river is calm,” the minister said.",
        ]);
        assert_eq!(speaker(&reg, &f, "river is calm"), "person: Hana Vilk");
    }

    #[test]
    fn a_first_name_alone_is_the_relative_named_in_full_and_a_viewpoint_is_the_subject() {
        let (reg, f) = read(&[
            "Chief negotiator Pavel Orsk speaks for Halvark. His brother, opposition leader Tomas Orsk, sits in parliament.",
            "Pavel, 58, is a former surveyor. “The valley has been measured too often,” he said.",
            "At the end of the day, Tomas walks to the river. “I do not trust maps,” he says.",
            "For Pavel, the slogan is the problem. “No map is possible,” he said.",
        ]);
        assert_eq!(
            speaker(&reg, &f, "measured too often"),
            "person: Pavel Orsk"
        );
        assert_eq!(speaker(&reg, &f, "trust maps"), "person: Tomas Orsk");
        // "For Pavel, ...": the one person whose view the sentence gives is who it is about.
        assert_eq!(
            speaker(&reg, &f, "No map is possible"),
            "person: Pavel Orsk"
        );
        // An opening phrase that is no viewpoint settles nothing.
        let (reg, f) = read(&[
            "Chief negotiator Pavel Orsk speaks for Halvark.",
            "After meeting Orsk, the delegation left. “No map is possible,” he said.",
        ]);
        let who = speaker(&reg, &f, "No map is possible");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_quotation_of_several_sentences_across_paragraphs_keeps_its_speaker() {
        let (reg, f) = read(&[
            "Nadia Ferrant, a researcher, told us the walkout looked planned.",
            "“Nobody walks out with a statement already printed. This was choreography.",
            "“The question is whether they come back tonight.”",
        ]);
        assert_eq!(speaker(&reg, &f, "Nobody walks"), "person: Nadia Ferrant");
        assert_eq!(
            speaker(&reg, &f, "come back tonight"),
            "person: Nadia Ferrant"
        );
    }

    #[test]
    fn an_owner_named_before_the_subject_is_not_who_a_pronoun_stands_for() {
        let (reg, f) = read(&[
            "Chief negotiator Pavel Orsk arrived on Monday.",
            "On Tuesday, Orsk’s aides said the map was late. “We need a week,” he said.",
        ]);
        let who = speaker(&reg, &f, "need a week");
        assert!(who.starts_with("unattributed: "), "{who}");
    }
    #[test]
    fn a_pronoun_after_whom_is_not_the_person_the_relative_clause_is_about() {
        let (reg, f) = read(&[
            "Defence Minister Gregor Aldane received us.",
            "Aldane has a long history with Piet Calloway, the chief negotiator, whom he once described as “too polite for this war.”",
            "Calloway thanked the volunteers, whom he called “the real council.”",
            "Mayor Anna Kell spoke next. She said she had praised her deputy, Ilse Marr, whom she called “a rock.”",
        ]);
        assert_eq!(speaker(&reg, &f, "too polite"), "person: Gregor Aldane");
        assert_eq!(speaker(&reg, &f, "real council"), "person: Piet Calloway");
        assert_eq!(speaker(&reg, &f, "a rock"), "person: Anna Kell");
    }

    #[test]
    fn a_bare_title_opening_a_sentence_is_the_one_holder_named_so_far() {
        let (reg, f) = read(&[
            "Envoy Mara Lind opened the session. Port chief Olek Brand spoke next.",
            "The envoy struck a softer tone. “We can wait,” she said.",
        ]);
        assert_eq!(speaker(&reg, &f, "We can wait"), "person: Mara Lind");
        // A bare title nobody holds settles nothing: no pronoun reaches past it.
        let (reg, f) = read(&[
            "Port chief Olek Brand spoke first.",
            "The minister struck a softer tone. “We can wait,” he said.",
        ]);
        let who = speaker(&reg, &f, "We can wait");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_title_the_sentence_gives_several_people_stands_for_none() {
        let (reg, f) = read(&[
            "Foreign Minister Ada Voss arrived with Trade Minister Olek Brand. Voss spoke first.",
            "Asked about the two ministers, the minister said: “We agree.”",
        ]);
        let who = speaker(&reg, &f, "We agree");
        assert!(who.contains("several"), "{who}");
    }

    #[test]
    fn a_pronoun_whose_sex_rules_out_everyone_else_named_is_the_one_left() {
        let (reg, f) = read(&[
            "Ms Ada Voss met Mr Olek Brand on Monday. Afterwards he said: “She is serious.”",
            "Ada Voss and Olek Brand shook hands. “Only on the first part,” she said.",
        ]);
        assert_eq!(speaker(&reg, &f, "She is serious"), "person: Olek Brand");
        // Their courtesy titles, written before their full names, tell their sex elsewhere too.
        assert_eq!(speaker(&reg, &f, "first part"), "person: Ada Voss");
    }

    #[test]
    fn a_relative_s_noun_beside_a_name_tells_their_sex() {
        let (reg, f) = read(&[
            "Among those waiting was Marta Holm, 44, whose husband, Rafe Holm, is the skipper.",
            "“He phoned me,” Ms. Holm said.",
            "Ada Voss and Olek Brand shook hands. “Only on the first part,” she said.",
        ]);
        assert_eq!(speaker(&reg, &f, "He phoned me"), "person: Marta Holm");
        // Nothing tells Ada Voss's or Olek Brand's sex: the pronoun is not settled.
        let who = speaker(&reg, &f, "first part");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_name_inside_the_same_quotation_is_no_sentence_after_it() {
        let (reg, f) = read(&[
            "Envoy Ruth Adler chairs the talks.",
            "Adler laughs at both. “Jonas thinks I am strict. Ilka Marten thinks I never sleep.”",
            "Adler laughs at both. “I am fair.” Ilka Marten thinks so too.",
        ]);
        assert_eq!(speaker(&reg, &f, "Jonas thinks"), "person: Ruth Adler");
        // A sentence after the quotation that names someone else may name who said it.
        let who = speaker(&reg, &f, "I am fair");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_split_quote_s_second_half_is_the_first_half_s_speaker() {
        let (reg, f) = read(&[
            "Envoy Mara Lind chaired. “We came to stay,” Lind said. “Nobody leaves before lunch.” Her deputy Olek Brand agreed.",
        ]);
        assert_eq!(speaker(&reg, &f, "before lunch"), "person: Mara Lind");
    }

    #[test]
    fn a_role_introducer_after_a_live_blog_time_stamp_opens_the_subject() {
        let (reg, f) =
            read(&["10:30 Our correspondent Petra Lund is at the gate: “The doors are shut.”"]);
        assert_eq!(speaker(&reg, &f, "doors are shut"), "person: Petra Lund");
    }

    #[test]
    fn a_title_that_fits_the_one_person_named_before_is_theirs_subject_or_not() {
        let (reg, f) = read(&[
            "Foreign Minister Ada Voss spoke last.",
            "One reporter asked Ms Voss about the map. The minister did not hesitate. “Not an inch,” she said.",
        ]);
        assert_eq!(speaker(&reg, &f, "Not an inch"), "person: Ada Voss");
    }

    #[test]
    fn a_courtesy_title_tells_a_shared_surname_apart_once_the_text_has_told_one_sex() {
        // The harbour board: two Stavs, no courtesy titles before their full names.
        let (reg, f) = read(&[
            "Two members named Stav spoke. Halina Stav, a harbour pilot, said the plan was late. Oskar Stav, a netmaker, said he was “tired of waiting”.",
            "“The nets can wait another season,” Mrs Stav replied.",
            "“The pilots can wait too,” Mr Stav said.",
        ]);
        // "said he was": the netmaker is a man, so "Mrs Stav" is the pilot...
        assert_eq!(speaker(&reg, &f, "nets can wait"), "person: Halina Stav");
        // ... and "Mrs Stav" told that she is a woman, so "Mr Stav" is the netmaker.
        assert_eq!(speaker(&reg, &f, "pilots can wait"), "person: Oskar Stav");
    }

    #[test]
    fn a_pronoun_settled_to_one_person_tells_their_sex_for_a_courtesy_title_later() {
        let (reg, f) = read(&[
            "Ilka Brann has kept bees on the ridge for forty years. He told us the frost came early.",
            "Mirela Brann, who sells the honey in town, said the hives were full.",
            "“Nobody buys honey in a war,” Mrs Brann said.",
        ]);
        assert_eq!(
            speaker(&reg, &f, "Nobody buys honey"),
            "person: Mirela Brann"
        );
        // With no pronoun, nothing tells Ilka Brann's sex: "Mrs Brann" stays nobody's.
        let (reg, f) = read(&[
            "Ilka Brann has kept bees on the ridge for forty years. The frost came early.",
            "Mirela Brann, who sells the honey in town, said the hives were full.",
            "“Nobody buys honey in a war,” Mrs Brann said.",
        ]);
        let who = speaker(&reg, &f, "Nobody buys honey");
        assert!(who.starts_with("unattributed: "), "{who}");
    }

    #[test]
    fn a_courtesy_title_settles_nothing_when_the_text_never_told_a_sex() {
        // Nothing says who is a man or a woman: "Mr Stav" stays nobody's; nor does "told
        // him", whose pronoun is who was spoken to.
        let (reg, f) = read(&[
            "Halina Stav, a harbour pilot, spoke first. Oskar Stav, a netmaker, spoke next.",
            "“The pilots can wait,” Mr Stav said.",
            "Halina Stav told him the plan was late.",
            "“The nets can wait,” Mr Stav said.",
        ]);
        for words in ["pilots can wait", "nets can wait"] {
            let who = speaker(&reg, &f, words);
            assert!(who.starts_with("unattributed: "), "{who}");
        }
    }
}
