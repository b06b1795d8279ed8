//! The people an article names as it goes, beyond what the registry knows: a surname written
//! elsewhere with a given name, a full name for a lone given name, someone introduced after
//! "was", a new full name as a subject, a surname nobody known bears, and the sex a reported
//! pronoun tells.
//!
//! Owns adding such people as new drafts and noting who the next pronoun may stand for. It
//! must not read reporting verbs or quotations (that is `verbs`), nor settle a pronoun
//! (that is `references`).

use crate::build::extract::people::{given_name_like, is_name_token, unknown_names};
use crate::build::extract::registry::Mention;
use crate::build::extract::words::name_words;
use crate::build::extract::{adjacent, party_mask, title_mask, PersonDraft, Sent};
use crate::knowledge::Speaker;
use crate::text::{slug, tokenize};

use super::Reader;
use super::Said;

impl Reader<'_> {
    /// "Tomas Vigg, a government member, said he had ...": a subject pronoun right after a
    /// reporting verb (or its "that") whose speaker is a known person, in a sentence that names
    /// no one else, is that speaker, and tells their sex.
    pub(super) fn learn_sex_from_reported_pronoun(&mut self, s: &Sent, out: &[Said]) {
        let toks = &s.tokens;
        if self.here_unknown.is_some() || self.lone_sex.is_some() {
            return;
        }
        for sd in out {
            let Some(Speaker::Person(id)) = &sd.speaker else {
                continue;
            };
            let Some(&pi) = self.registry.by_id.get(id) else {
                continue;
            };
            if self.here.iter().any(|m| m.person != Some(pi))
                || self.c.audience_verbs.contains(&toks[sd.verb].norm)
                || !self.c.reporting_verbs.contains(&toks[sd.verb].norm)
            {
                continue;
            }
            let mut k = sd.verb + 1;
            if toks.get(k).is_some_and(|t| t.norm == "that") {
                k += 1;
            }
            let Some(t) = toks.get(k) else {
                continue;
            };
            if !adjacent(s.hay, toks[k - 1].end, t.start)
                || !self.c.person_pronouns.contains(&t.norm)
                || self.c.role_introducers.contains(&t.norm)
                || toks.get(k + 1).is_none_or(|n| n.capital)
            {
                continue;
            }
            if let Some(male) = self.sex_of(&t.norm) {
                self.learn_sex(pi, male);
            }
        }
    }
    /// The speaker for a registry person; for one known by a single word when the article
    /// writes it after a given name ("Ines Varga", then "Varga said"), the person of that full
    /// name, added as new when the registry does not know them.
    pub(super) fn person_speaker(&mut self, pi: usize) -> Speaker {
        let p = &self.registry.people[pi];
        if p.words.len() != 1 {
            return Speaker::Person(p.id.clone());
        }
        let Some(full) = self.fuller_name(&p.name) else {
            // "Tamsin hit back": a given name alone is the one person of that given name the
            // article names in full.
            if let Some(j) = self.given_name_owner(&p.words[0]) {
                return Speaker::Person(self.registry.people[j].id.clone());
            }
            return Speaker::Person(p.id.clone());
        };
        let id = slug(&full);
        if self.registry.get(&id).is_none() {
            let draft = PersonDraft {
                id: id.clone(),
                words: name_words(&full),
                name: full,
                ..p.clone()
            };
            self.new_people.entry(id.clone()).or_insert(draft);
        }
        Speaker::Person(id)
    }
    /// "Cal Brodie" for "Cal": the one capitalised word the article writes right after
    /// `given` (as written), with nothing but a space between; None when it writes none, or
    /// several different ones, or the word is a place.
    pub(super) fn full_name_after(&self, given: &str) -> Option<String> {
        let mut found: Option<String> = None;
        for para in &self.article.paragraphs {
            let text = para.text.as_str();
            for (at, _) in text.match_indices(given) {
                let before_ok = text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|ch| !ch.is_alphanumeric());
                let rest = &text[at + given.len()..];
                let Some(after) = rest.strip_prefix(' ') else {
                    continue;
                };
                let word: String = after
                    .chars()
                    .take_while(|ch| ch.is_alphabetic() || *ch == '-')
                    .collect();
                let capital = word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().skip(1).any(char::is_lowercase);
                if !before_ok || !capital {
                    continue;
                }
                // A place, a day, a body's noun or a common word is no surname ("Ostrav
                // Institute", "Ostrav Tuesday").
                let lower = word.to_lowercase();
                if self.registry.places.contains(&lower)
                    || self.c.weekdays.contains(&lower)
                    || self.c.months.contains(&lower)
                    || self.c.body_nouns.contains(&lower)
                    || self.c.source_nouns.contains(&lower)
                    || self.c.stopwords.contains(&lower)
                    || crate::english::english().is_common(&lower, 4.0)
                {
                    return None;
                }
                let full = format!("{given} {word}");
                match &found {
                    Some(f) if *f != full => return None,
                    _ => found = Some(full),
                }
            }
        }
        found
    }
    /// The one person whose full name opens on `given` (lowercase) and is written in this
    /// article; None when nobody's is, or several people's are.
    pub(super) fn given_name_owner(&self, given: &str) -> Option<usize> {
        let owners: Vec<usize> = self
            .registry
            .by_first
            .get(given)?
            .iter()
            .copied()
            .filter(|&j| {
                let p = &self.registry.people[j];
                p.words.len() > 1
                    && self
                        .article
                        .paragraphs
                        .iter()
                        .any(|para| para.text.contains(&p.name))
            })
            .collect();
        match owners[..] {
            [j] => Some(j),
            _ => None,
        }
    }
    /// The full name the article gives `surname`: the one given name written right before it
    /// somewhere ("Aurel Mink"), or None when none is, or several different ones are.
    fn fuller_name(&self, surname: &str) -> Option<String> {
        let mut found: Option<String> = None;
        for p in &self.article.paragraphs {
            let text = &p.text;
            // A cheap look first: the surname right after a space and a capitalised word.
            let candidate = text.match_indices(surname).any(|(at, _)| {
                text[..at].ends_with(' ')
                    && text[..at - 1]
                        .rsplit(' ')
                        .next()
                        .and_then(|w| w.trim_start_matches(['“', '"']).chars().next())
                        .is_some_and(char::is_uppercase)
            });
            if !candidate {
                continue;
            }
            let toks = tokenize(text);
            let titles = title_mask(&toks, self.c);
            let parties = party_mask(&toks, self.c);
            for k in 1..toks.len() {
                // A nickname in quotation marks between the given name and the surname is no
                // part of the name ("Bernard “Bunny” Hallam" is Bernard Hallam).
                let nickname = k >= 2 && {
                    let (before, after) = (
                        text[toks[k - 2].end..toks[k - 1].start].trim(),
                        text[toks[k - 1].end..toks[k].start].trim(),
                    );
                    toks[k - 1].capital && matches!((before, after), ("“", "”") | ("\"", "\""))
                };
                let g = if nickname { &toks[k - 2] } else { &toks[k - 1] };
                let t = &toks[k];
                let gi = if nickname { k - 2 } else { k - 1 };
                // "the Joint Monitoring Commission": no name either side of a body's.
                let longer = toks
                    .get(k + 1)
                    .is_some_and(|n| n.capital && adjacent(text, t.end, n.start) && !t.possessive)
                    || (gi >= 1 && toks[gi - 1].norm == "the");
                if t.base(text) != surname
                    || longer
                    || g.possessive
                    || !(nickname || adjacent(text, g.end, t.start))
                    || !is_name_token(g, text, self.c, titles[gi], parties[gi].is_some())
                    || !is_name_token(t, text, self.c, titles[k], parties[k].is_some())
                    || self.registry.places.contains(&g.norm)
                    || self.c.body_nouns.contains(&g.norm)
                    || self.c.body_nouns.contains(&t.norm)
                    // A third name word before ("the Saltgrave Institute for Regional Studies"
                    // is no "Regional Studies") or a body after makes it no person's name.
                    || (gi >= 1
                        && adjacent(text, toks[gi - 1].end, g.start)
                        && is_name_token(
                            &toks[gi - 1],
                            text,
                            self.c,
                            titles[gi - 1],
                            parties[gi - 1].is_some(),
                        ))
                {
                    continue;
                }
                let name = if nickname {
                    format!("{} {}", g.base(text), t.base(text))
                } else {
                    text[g.start..t.start + t.base(text).len()].to_string()
                };
                match &found {
                    Some(f) if *f != name => return None,
                    _ => found = Some(name),
                }
            }
        }
        found
    }
    /// A surname the article gives with a given name elsewhere ("Mink" after "Aurel Mink") that
    /// names no known person: someone unknown, so no later pronoun reaches past this sentence to
    /// a person named before.
    pub(super) fn note_unknown_surnames(&mut self, s: &Sent, mentions: &[Mention]) {
        let quotes = s.quotes();
        let titles = s.titles(self.c);
        let parties = s.parties(self.c);
        for (i, t) in s.tokens.iter().enumerate() {
            if self.here_unknown.is_some_and(|u| u <= i) {
                return;
            }
            if mentions.iter().any(|m| m.start <= i && i < m.end)
                || quotes
                    .iter()
                    .any(|q| t.start >= q.open && t.start < q.close)
                || !is_name_token(t, s.hay, self.c, titles[i], parties[i].is_some())
                || self.registry.places.contains(&t.norm)
            {
                continue;
            }
            // The capitalised run the word stands in: a nickname in a dash aside is no one
            // else ("Benedek Strand - Big Ben to his mates - ...").
            let mut ra = i;
            while ra > 0
                && s.tokens[ra - 1].capital
                && adjacent(s.hay, s.tokens[ra - 1].end, s.tokens[ra].start)
            {
                ra -= 1;
            }
            let mut rb = i + 1;
            while rb < s.tokens.len()
                && s.tokens[rb].capital
                && adjacent(s.hay, s.tokens[rb - 1].end, s.tokens[rb].start)
            {
                rb += 1;
            }
            if crate::build::extract::people::nickname_aside(s, ra, rb, self.c) {
                continue;
            }
            if self.fuller_name(t.base(s.hay)).is_some() {
                self.here_unknown = Some(i);
                return;
            }
            // "Vilk met Mink.": a lone capitalised word inside the sentence that is no known
            // person, place, party or common word may be someone, whom a pronoun could stand for.
            // Not an acronym ("told the NBS"), a body ("the Kremlin") or a channel ("on
            // Telegram").
            let lone = i > 0
                && !s.tokens[i - 1].capital
                // The object of a verb or of "with" or "by" ("Vilk met Mink", "sat with Mink").
                && (crate::english::english().pos(&s.tokens[i - 1].norm)
                    == crate::english::Pos::Verb
                    || matches!(s.tokens[i - 1].norm.as_str(), "with" | "by"))
                && !t.all_caps
                && s.tokens[i - 1].norm != "the"
                && s.tokens[i - 1].norm != "of"
                && !s.tokens[i - 1].numeric
                && !t.possessive
                // The audience of "told" is mostly an outlet ("told Northgate").
                && !self.c.audience_verbs.contains(&s.tokens[i - 1].norm)
                // "a Vestrelian reporter": a word before a noun describes it.
                && !s.tokens.get(i + 1).is_some_and(|n| {
                    !n.capital
                        && adjacent(s.hay, t.end, n.start)
                        && crate::english::english().pos(&n.norm) == crate::english::Pos::Noun
                })
                // "the capital Arlen": a place's noun before it.
                && !matches!(
                    crate::english::english().noun_class(&s.tokens[i - 1].norm),
                    Some("location" | "object" | "group" | "possession")
                )
                && !self.c.channel_words.contains(&s.tokens[i - 1].norm)
                && s.tokens.get(i + 1).is_none_or(|n| {
                    !n.capital || !adjacent(s.hay, t.end, n.start)
                })
                && !crate::english::english().is_common(&t.norm, 4.0);
            if lone {
                self.here_unknown = Some(i);
                return;
            }
        }
    }
    /// "Among those waiting was Rosa Ilgen, 58, of Caddon.": a sentence that introduces one
    /// person after "was" or "is", and names nobody else, is about that person, as if they were
    /// its subject; a full name the registry does not know is added as a new person. ("For
    /// Ilgen, little has changed." is not: a person in an opening phrase settles no pronoun.)
    pub(super) fn note_introduction(&mut self, s: &Sent, mentions: &[Mention]) {
        let toks = &s.tokens;
        let quotes = s.quotes();
        let outside = |i: usize| {
            !quotes
                .iter()
                .any(|q| toks[i].start >= q.open && toks[i].start < q.close)
        };
        let Some(k) = (0..toks.len())
            .find(|&i| self.c.introducing_verbs.contains(&toks[i].norm) && outside(i))
        else {
            return;
        };
        if k == 0 || k + 1 >= toks.len() || !adjacent(s.hay, toks[k].end, toks[k + 1].start) {
            return;
        }
        let titles = s.titles(self.c);
        let parties = s.parties(self.c);
        let a = k + 1;
        let mut b = a;
        while b < toks.len()
            && b - a < 4
            && (b == a || adjacent(s.hay, toks[b - 1].end, toks[b].start))
            && !toks[b.saturating_sub(1)].possessive
            && is_name_token(&toks[b], s.hay, self.c, titles[b], parties[b].is_some())
        {
            b += 1;
        }
        // The name ends the sentence or an aside opens after it; nobody else is named, and no
        // capitalised word before "was" but the sentence's first, a place or a party ("at the
        // Teravian end").
        let closed = b == toks.len() || s.hay[toks[b - 1].end..toks[b].start].contains(',');
        if b == a
            || !closed
            || toks[b - 1].possessive
            || (a..b).any(|i| {
                self.registry.places.contains(&toks[i].norm)
                    || self.c.body_nouns.contains(&toks[i].norm)
            })
            || (1..k).any(|i| {
                toks[i].capital
                    && parties[i].is_none()
                    && !self.registry.places.contains(&toks[i].norm)
            })
        {
            return;
        }
        let here: Vec<&Mention> = mentions.iter().filter(|m| outside(m.start)).collect();
        let others = here.iter().any(|m| m.start != a || m.end != b)
            || unknown_names(s, self.c, self.registry, mentions)
                .iter()
                .any(|&(x, y)| outside(x) && (x, y) != (a, b));
        if others {
            return;
        }
        match here[..] {
            [m] => {
                if let Some(pi) = m.person {
                    self.pronoun = Some((a, pi));
                }
            }
            [] if b - a >= 2 => {
                let end = toks[b - 1].start + toks[b - 1].base(s.hay).len();
                let name = s.hay[toks[a].start..end].to_string();
                let id = slug(&name);
                if self.registry.get(&id).is_none() {
                    self.new_people.entry(id.clone()).or_insert(PersonDraft {
                        id,
                        words: name_words(&name),
                        name,
                        roles: vec![],
                        affiliation: None,
                        affiliation_via: None,
                        honorific_titles: vec![],
                    });
                }
            }
            _ => {}
        }
    }
    /// "Saskia Moor reports that ...", "Her neighbour, pensioner Otto Brun, 71, agreed.": a
    /// sentence whose subject is a full name the registry does not know, and that names nobody
    /// else, adds that person, so that the next pronoun can stand for them.
    pub(super) fn note_unknown_subject(&mut self, s: &Sent, mentions: &[Mention]) {
        let toks = &s.tokens;
        let quotes = s.quotes();
        let outside = |i: usize| {
            !quotes
                .iter()
                .any(|q| toks[i].start >= q.open && toks[i].start < q.close)
        };
        if mentions.iter().any(|m| outside(m.start)) {
            return;
        }
        let runs: Vec<(usize, usize)> = unknown_names(s, self.c, self.registry, mentions)
            .into_iter()
            .filter(|&(x, _)| outside(x))
            .collect();
        let [(a, b)] = runs[..] else {
            return;
        };
        let first = (0..toks.len()).find(|&i| !toks[i].numeric);
        let subject = Some(a) == first
            || crate::build::extract::sentence_subject::after_an_aside(s, a, self.c);
        let ends = b == toks.len()
            || s.hay[toks[b - 1].end..toks[b].start].contains(',')
            || (!toks[b].capital && !self.c.title_joiners.contains(&toks[b].norm));
        if !subject
            || !ends
            || toks[b - 1].possessive
            || !given_name_like(&toks[a].norm)
            || (a..b).any(|i| self.registry.places.contains(&toks[i].norm))
        {
            return;
        }
        let end = toks[b - 1].start + toks[b - 1].base(s.hay).len();
        let name = s.hay[toks[a].start..end].to_string();
        let id = slug(&name);
        if self.registry.get(&id).is_none() {
            self.new_people.entry(id.clone()).or_insert(PersonDraft {
                id,
                words: name_words(&name),
                name,
                roles: vec![],
                affiliation: None,
                affiliation_via: None,
                honorific_titles: vec![],
            });
        }
    }
}
