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
use crate::text::{stem, tokenize};

use super::attribution::Reader;
use super::registry::{title_before, Mention};
use super::sentence_subject::subject_mention;
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
        if quoted {
            return None;
        }
        // "Asked whether the Accord settled it, the Special Envoy said ...": after an opening
        // clause set off by a comma, the bare title there is the subject.
        let a = if toks[a].norm == "the" {
            a
        } else {
            (a + 1..toks.len()).find(|&i| {
                toks[i].norm == "the"
                    && s.hay[toks[i - 1].end..toks[i].start].contains(',')
                    && !s
                        .quotes()
                        .iter()
                        .any(|q| toks[i].start >= q.open && toks[i].start < q.close)
            })?
        };
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
        // The word list first, then the paragraph's quotations (worked out once per paragraph).
        if !self.c.indefinite_openers.contains(&toks[a].norm)
            || s.quotes()
                .iter()
                .any(|q| toks[a].start >= q.open && toks[a].start < q.close)
        {
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

#[cfg(test)]
mod tests;
