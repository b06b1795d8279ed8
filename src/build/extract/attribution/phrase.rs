//! Which person, body or unnamed source a noun phrase names, given the tokens a reporting
//! verb's subject spans.
//!
//! Owns "a source close to the talks", "a spokesperson for X", "the foreign ministry", a
//! title or honorific before a name, a possessive pronoun's owner, and adding a new unnamed
//! source to the article's facts. It must not decide where a verb's subject starts or ends
//! (that is `subject` and `verbs`), nor find quotation marks.

use crate::build::extract::people::{describes, is_name_token};
use crate::build::extract::registry::{Mention, NICKNAME_WORDS};
use crate::build::extract::words::name_words;
use crate::build::extract::{adjacent, cite, title_mask, PersonDraft, Sent};
use crate::knowledge::{Cite, Speaker, UnnamedSource};
use crate::text::{slug, stem, tokenize, CharMap};

use super::Reader;

impl Reader<'_> {
    pub(super) fn resolve_phrase(
        &mut self,
        s: &Sent,
        a: usize,
        b: usize,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let mut a = a;
        while a < b && self.c.subject_connectives.contains(&s.tokens[a].norm) {
            a += 1;
        }
        if a >= b {
            return None;
        }
        // "Ms Aurell later issued a written statement accusing X of “...”": a document that
        // ends the phrase, put out by the one before the issuing verb, speaks for them.
        let b = match (a + 1..b).find(|&i| self.c.issuing_verbs.contains(&s.tokens[i].norm)) {
            Some(i)
                if self.c.document_nouns.contains(&s.tokens[b - 1].norm)
                    && b - i <= 4
                    && (i + 1..b).all(|k| !s.tokens[k].capital) =>
            {
                let mut e = i;
                while e > a + 1 && self.c.verb_fillers.contains(&s.tokens[e - 1].norm) {
                    e -= 1;
                }
                e
            }
            _ => b,
        };
        // Honorifics are never part of the name: "Mr. Grusin" is Grusin; nor is a descriptor
        // ("Mum-of-three Greta Falk").
        while a + 1 < b
            && (self.c.honorifics.contains_key(s.tokens[a].base(s.hay))
                || describes(&s.tokens[a], s.hay))
        {
            a += 1;
        }
        // "Vesely last night slammed": a time phrase ending the subject is no part of it, when
        // a name ends right before it.
        let mut e = b;
        while e > a + 1 && self.c.subject_time_words.contains(&s.tokens[e - 1].norm) {
            e -= 1;
        }
        while e < b && e > a + 1 && self.c.subject_time_leads.contains(&s.tokens[e - 1].norm) {
            e -= 1;
        }
        let b = if e < b && mentions.iter().any(|m| m.start >= a && m.end == e) {
            e
        } else {
            b
        };
        let first = &s.tokens[a];
        if b - a == 1 && self.c.person_pronouns.contains(&first.norm) {
            return self.resolve_reference(s, a, None);
        }
        // A pronoun right before its verb is the subject, whatever opens the clause ("In a
        // speech on Saturday he described ...").
        if b - a > 1
            && self.c.person_pronouns.contains(&s.tokens[b - 1].norm)
            && !self.c.subject_connectives.contains(&s.tokens[b - 2].norm)
        {
            return self.resolve_reference(s, b - 1, None);
        }
        // "DR QUIST: I said, “...”": in a transcript turn, "I" is the turn's speaker.
        if b - a == 1 && self.c.first_person_subjects.contains(&first.norm) {
            if let Some(sp) = &self.turn {
                return Some(sp.clone());
            }
        }
        if b - a == 1 && self.c.non_person_subjects.contains(&first.norm) {
            self.reason = Some(format!("“{}” names no person or body", first.text(s.hay)));
            return None;
        }
        if let Some(words) = self.bare_title(s, a, b, mentions) {
            if let Some(sp) = self.resolve_reference(s, a, Some(&words)) {
                return Some(sp);
            }
            let why = self.reason.take();
            // "The spokesperson" may be the unnamed spokesperson met before.
            if let Some(src) = self.earlier_source(&words) {
                return Some(src);
            }
            self.reason = why;
            return None;
        }
        // "the statement said": a document speaks for who issued it, or for nobody settled.
        if b - a == 2
            && self.c.role_introducers.contains(&first.norm)
            && self.c.document_nouns.contains(&s.tokens[a + 1].norm)
        {
            if self.issued.is_none() {
                self.reason = Some(format!(
                    "“{}” is a document and the text does not say who issued it",
                    s.tokens[a + 1].text(s.hay)
                ));
            }
            return self.issued.clone();
        }
        let det = self.c.source_determiners.contains(&first.norm)
            || self.c.number_words.contains_key(&first.norm)
            || first.numeric;
        // The person the phrase ends on, or who ends it before "of <Place>" ("President Edvin
        // Marsh of Kestrava").
        let of_place = |m: &Mention| {
            m.end + 1 < b
                && self.c.title_joiners.contains(&s.tokens[m.end].norm)
                && (m.end + 1..b).all(|k| s.tokens[k].capital)
        };
        // "Bertil Aske of the Saltgrave Institute for Regional Studies": the person the phrase
        // opens with, before "of" and what they belong to, whatever that names.
        let titles = s.titles(self.c);
        let head = mentions
            .iter()
            .find(|m| {
                m.start >= a
                    && m.end + 1 < b
                    && self.c.title_joiners.contains(&s.tokens[m.end].norm)
                    && !s.tokens[m.end - 1].possessive
                    && (a..m.start).all(|k| titles[k] || s.tokens[k].capital)
            })
            .filter(|m| m.person.is_some());
        let found = head
            .or_else(|| {
                mentions
                    .iter()
                    .find(|m| m.start >= a && (m.end == b || of_place(m)))
            })
            .copied();
        let person = found.and_then(|m| m.person);
        let role_only = found.is_some_and(|m| {
            !s.tokens[a..m.start]
                .iter()
                .any(|t| self.c.affiliation_words.contains(&t.norm))
        });
        if let (Some(pi), false) = (person, det && !role_only) {
            return Some(self.person_speaker(pi));
        }
        // A surname several people share, which the text does not settle: nobody's.
        if let Some(m) = found.filter(|m| m.person.is_none() && (!det || role_only)) {
            let words: Vec<String> = s.tokens[m.start..m.end]
                .iter()
                .map(|t| t.norm.clone())
                .collect();
            self.reason = Some(if self.registry.nicknames.contains_key(&words) {
                format!(
                    "“{}” is a nickname the text does not tie to one person",
                    &s.hay[s.tokens[m.start].start..s.tokens[m.end - 1].end]
                )
            } else {
                format!(
                    "“{}” is a surname several people share and the text does not say whose",
                    s.tokens[m.start].base(s.hay)
                )
            });
            return None;
        }
        if let Some(src) = self.source_phrase(s, a, b, mentions, n, map) {
            return Some(src);
        }
        if let Some(pi) = person {
            return Some(self.person_speaker(pi));
        }
        // A party standing for its government ("Moscow said", "the Kremlin said").
        let parties = s.parties(self.c);
        let lead = if s.tokens[a].norm == "the" { a + 1 } else { a };
        if lead < b && (lead..b).all(|k| parties[k].is_some()) {
            return Some(self.add_source(
                s,
                a,
                b,
                None,
                parties[lead].map(|p| self.c.lexicon.parties[p].id.clone()),
                n,
                map,
            ));
        }
        // A name the registry does not know ("Ostrav said", "Ruth Adair writes"), or a body's
        // name ("the Velmont Institute said").
        let lead = if s.tokens[a].norm == "the" { a + 1 } else { a };
        let named = lead < b
            && b - lead <= 3
            && (lead..b).all(|k| {
                is_name_token(&s.tokens[k], s.hay, self.c, titles[k], parties[k].is_some())
                    && (k == lead || adjacent(s.hay, s.tokens[k - 1].end, s.tokens[k].start))
            });
        // Words inside quotation marks are said, they name no speaker.
        let quoted = s
            .quotes()
            .iter()
            .any(|q| s.tokens[a].start >= q.open && s.tokens[a].start < q.close);
        // "the Bookworm roared": a nickname made of English words, which no name is, still
        // stands for the person the articles gave it to.
        if !named && !quoted && lead < b && b - lead <= NICKNAME_WORDS {
            let toks = &s.tokens[lead..b];
            let capitals = toks.iter().enumerate().all(|(k, t)| {
                t.capital && !t.possessive && (k == 0 || adjacent(s.hay, toks[k - 1].end, t.start))
            });
            let words: Vec<String> = toks.iter().map(|t| t.norm.clone()).collect();
            if let Some(Some(pi)) = capitals
                .then(|| self.registry.nickname_for(&words))
                .flatten()
            {
                return Some(self.person_speaker(pi));
            }
        }
        if named && !quoted {
            if (lead..b).any(|k| self.c.body_nouns.contains(&s.tokens[k].norm)) {
                return Some(self.add_source(s, a, b, None, None, n, map));
            }
            if lead == a && b - a == 1 && self.registry.places.contains(&first.norm) {
                // A city speaking for its government ("Mirren said").
                return Some(self.add_source(s, a, b, None, None, n, map));
            }
            // "Iron Teddy hit back": a nickname the text gave is its person's, or nobody's.
            let words: Vec<String> = s.tokens[lead..b].iter().map(|t| t.norm.clone()).collect();
            match self.registry.nickname_for(&words) {
                Some(Some(pi)) => return Some(self.person_speaker(pi)),
                Some(None) => {
                    self.reason = Some(format!(
                        "“{}” is a nickname the text does not tie to one person",
                        &s.hay[s.tokens[lead].start..s.tokens[b - 1].end]
                    ));
                    return None;
                }
                None => {}
            }
            if lead == a && (a..b).all(|k| !self.registry.places.contains(&s.tokens[k].norm)) {
                // "raged Big Bram": a nickname of the one person with that given name, when the
                // article names them in full.
                let words: Vec<String> = s.tokens[a..b].iter().map(|t| t.norm.clone()).collect();
                if let Some(pi) = self.registry.nickname_of(&words).filter(|&pi| {
                    let name = &self.registry.people[pi].name;
                    self.article
                        .paragraphs
                        .iter()
                        .any(|p| p.text.contains(name))
                }) {
                    return Some(self.person_speaker(pi));
                }
                if let Some(pi) = (b - a == 1)
                    .then(|| self.given_name_owner(&s.tokens[a].norm))
                    .flatten()
                {
                    return Some(Speaker::Person(self.registry.people[pi].id.clone()));
                }
                let end = s.tokens[b - 1].start + s.tokens[b - 1].base(s.hay).len();
                let mut name = s.hay[s.tokens[a].start..end].to_string();
                // "chuckled Cal, 61" after "Cal Brodie, the skipper of ...": a lone word that
                // the article writes before one surname only is that full name.
                if b - a == 1 {
                    if let Some(full) = self.full_name_after(&name) {
                        name = full;
                    }
                }
                let id = slug(&name);
                if self.registry.get(&id).is_none() {
                    self.new_people.entry(id.clone()).or_insert(PersonDraft {
                        id: id.clone(),
                        words: name_words(&name),
                        name,
                        roles: vec![],
                        affiliation: None,
                        affiliation_via: None,
                        honorific_titles: vec![],
                    });
                }
                return Some(Speaker::Person(id));
            }
        }
        // "a government whip said ... the whip said": "the" and the head noun of an unnamed
        // source met before is that source.
        if s.tokens[a].norm == "the" && b - a == 2 {
            let noun = stem(&s.tokens[a + 1].norm);
            if let Some(prev) = self.facts.sources.iter().rev().find(|src| {
                tokenize(&src.description)
                    .last()
                    .is_some_and(|t| stem(&t.norm) == noun)
            }) {
                return Some(Speaker::Source(prev.id.clone()));
            }
        }
        // "Late in the day one reporter asked": an opening phrase of lowercase words with no
        // noun for a person or body is no part of the subject; the source phrase after it is.
        let titles = title_mask(&s.tokens, self.c);
        let opener = |k: usize| {
            let t = &s.tokens[k];
            (k == a || !t.capital)
                && !titles[k]
                && !t.numeric
                && !self.c.source_nouns.contains(&t.norm)
                && !self.c.body_nouns.contains(&t.norm)
                && !self.c.predicate_connectives.contains(&t.norm)
                && !self.c.person_pronouns.contains(&t.norm)
        };
        let fronted = (a + 2..b)
            .rev()
            .find(|&d| {
                self.c.source_determiners.contains(&s.tokens[d].norm)
                    || self.c.number_words.contains_key(&s.tokens[d].norm)
            })
            .filter(|&d| {
                // The subject right before its verb, a short phrase that ends on its noun.
                let noun = &s.tokens[b - 1].norm;
                b - d <= 3
                    && (self.c.source_nouns.contains(noun) || self.c.body_nouns.contains(noun))
                    && s.tokens.get(b).is_some_and(|t| {
                        self.c.reporting_verbs.contains(&t.norm)
                            || self.c.verb_fillers.contains(&t.norm)
                    })
                    && (a..d).all(opener)
                    && !mentions.iter().any(|m| m.start < b && m.end > a)
                    && !self.c.source_determiners.contains(&s.tokens[a].norm)
            });
        if let Some(d) = fronted {
            if let Some(found) = self.resolve_phrase(s, d, b, mentions, n, map) {
                return Some(found);
            }
        }
        self.reason = Some(format!(
            "“{}” is not a person or body the text names",
            &s.hay[s.tokens[a].start..s.tokens[b - 1].end]
        ));
        None
    }
    /// "a source close to the talks", "three diplomats", "a spokesperson for X", "the source".
    pub(super) fn source_phrase(
        &mut self,
        s: &Sent,
        a: usize,
        b: usize,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let c = self.c;
        let mut k = a;
        let det = c.source_determiners.contains(&s.tokens[k].norm)
            || c.number_words.contains_key(&s.tokens[k].norm)
            || s.tokens[k].numeric;
        if det {
            k += 1;
        }
        // Adjectives and affiliations before the noun ("senior US officials").
        let limit = (k + 4).min(b);
        // A source noun ("a diplomat") or a body's ("Halvark’s embassy").
        let noun = (k..limit).find(|&i| {
            c.source_nouns.contains(&s.tokens[i].norm) || c.body_nouns.contains(&s.tokens[i].norm)
        })?;
        if !det && noun != a {
            // Bare plurals ("officials said") and possessives ("Starmer’s spokesperson") only.
            if !(s.tokens[a..noun]
                .iter()
                .all(|t| t.possessive || t.capital || c.role_modifiers.contains(&t.norm)))
            {
                return None;
            }
        }
        let on_behalf = mentions
            .iter()
            .find(|m| {
                m.start > noun && m.end <= b
                    || (m.end <= noun && m.start >= a && s.tokens[m.end - 1].possessive)
            })
            .and_then(|m| m.person)
            .map(|pi| self.person_id(pi))
            .or_else(|| self.pronoun_owner(s, a, noun));
        let parties = s.parties(c);
        let affiliation = (a..b)
            .find_map(|i| parties[i])
            .map(|p| c.lexicon.parties[p].id.clone())
            .or_else(|| {
                on_behalf
                    .as_ref()
                    .and_then(|p| self.registry.get(p))
                    .and_then(|p| p.affiliation.clone())
            });
        // "The source" refers back to the last source of that kind.
        if s.tokens[a].norm == "the" && b - a == 2 {
            let noun_norm = &s.tokens[noun].norm;
            if let Some(prev) = self.facts.sources.iter().rev().find(|src| {
                tokenize(&src.description)
                    .iter()
                    .any(|t| &t.norm == noun_norm || stem(&t.norm) == stem(noun_norm))
            }) {
                return Some(Speaker::Source(prev.id.clone()));
            }
        }
        if !self.one_noun_phrase(s, a, b, mentions) {
            self.reason = Some(format!(
                "“{}” is no short description of a person or body",
                &s.hay[s.tokens[a].start..s.tokens[b - 1].end]
            ));
            return None;
        }
        Some(self.add_source(s, a, b, on_behalf, affiliation, n, map))
    }
    /// "His office said": the person a possessive pronoun right before a source's noun stands
    /// for, when the text settles it (see `resolve_reference`); the pronoun is no subject of
    /// the sentence for what follows.
    fn pronoun_owner(&mut self, s: &Sent, a: usize, noun: usize) -> Option<String> {
        let t = &s.tokens[a];
        if noun != a + 1
            || !self.c.role_introducers.contains(&t.norm)
            || self.sex_of(&t.norm).is_none()
        {
            return None;
        }
        let (pronoun, reason) = (self.pronoun, self.reason.take());
        let found = self.resolve_reference(s, a, None);
        (self.pronoun, self.reason) = (pronoun, reason);
        match found {
            Some(Speaker::Person(id)) => Some(id),
            _ => None,
        }
    }
    /// True when tokens `[a, b)` read as one noun phrase ("a caller from the fishing town of
    /// Strand", "his office"), which an unnamed source's description must be: not a clause
    /// ("X last night slammed Y for"), which names two people or holds a characterising verb,
    /// nor two noun phrases run together ("the line her staff"), where a determiner stands
    /// after a noun with no preposition or conjunction between.
    fn one_noun_phrase(&self, s: &Sent, a: usize, b: usize, mentions: &[Mention]) -> bool {
        let toks = &s.tokens;
        let people = mentions
            .iter()
            .filter(|m| m.start >= a && m.end <= b)
            .count();
        if people > 1 || (a..b).any(|k| self.c.characterising_verbs.contains(&toks[k].norm)) {
            return false;
        }
        let determiner = |k: usize| {
            self.c.role_introducers.contains(&toks[k].norm)
                || self.c.source_determiners.contains(&toks[k].norm)
        };
        // A phrase cut short ("Dornholm's chief negotiator at") ends on no noun.
        let last = &toks[b - 1].norm;
        if b - a > 1
            && (self.c.affiliation_words.contains(last)
                || self.c.place_prepositions.contains(last)
                || self.c.speaker_stops.contains(last)
                || determiner(b - 1))
        {
            return false;
        }
        !(a + 1..b).any(|k| {
            let prev = &toks[k - 1];
            self.c.role_introducers.contains(&toks[k].norm)
                // After punctuation a new phrase may open ("BRENZ — The office of ...").
                && adjacent(s.hay, prev.end, toks[k].start)
                && !determiner(k - 1)
                && !prev.numeric
                && !self.c.affiliation_words.contains(&prev.norm)
                && !self.c.place_prepositions.contains(&prev.norm)
                && !self.c.title_joiners.contains(&prev.norm)
                && !self.c.predicate_connectives.contains(&prev.norm)
                && !matches!(
                    prev.norm.as_str(),
                    "or" | "as" | "by" | "on" | "in" | "about"
                )
        })
    }
    #[allow(clippy::too_many_arguments)]
    pub(super) fn add_source(
        &mut self,
        s: &Sent,
        a: usize,
        b: usize,
        on_behalf: Option<String>,
        affiliation: Option<String>,
        n: u32,
        map: &CharMap,
    ) -> Speaker {
        // A live blog's time stamp ("11:05 - The foreign ministry") is no part of the source.
        let mut a = a;
        let stamp = (a..b).take_while(|&k| s.tokens[k].numeric).count();
        if stamp > 0 && a + stamp < b {
            let gap = &s.hay[s.tokens[a + stamp - 1].end..s.tokens[a + stamp].start];
            if gap.contains(['-', '–', '—']) {
                a += stamp;
            }
        }
        let start = s.tokens[a].start;
        let end = s.tokens[b - 1].end;
        // "the coastguard" after "the Ellanor Coastguard": the body by the fuller name the
        // article gave it, cited where it gave it.
        let (description, cite) = match self.fuller_body_name(s, a, b, n) {
            Some((description, cite)) => (description, cite),
            None => (
                s.hay[start..end].to_string(),
                cite(&self.article.id, n, map, start, end),
            ),
        };
        if let Some(prev) = self
            .facts
            .sources
            .iter()
            .find(|x| x.description == description)
        {
            return Speaker::Source(prev.id.clone());
        }
        let id = format!("{}#src{}", self.article.id, self.facts.sources.len() + 1);
        self.facts.sources.push(UnnamedSource {
            id: id.clone(),
            description,
            on_behalf_of: on_behalf,
            affiliation,
            cite,
        });
        Speaker::Source(id)
    }
    /// "the coastguard" (tokens `[a, b)`: "the" and a body's noun in lowercase) in paragraph
    /// `n`, after the article has named one body with that noun in capitals ("the Ellanor
    /// Coastguard"): that fuller name as written, "the" included, with its cite. `None` when
    /// the article named no such body before, or several.
    fn fuller_body_name(&self, s: &Sent, a: usize, b: usize, n: u32) -> Option<(String, Cite)> {
        let (the, noun) = (&s.tokens[a], s.tokens.get(a + 1)?);
        if b != a + 2
            || the.norm != "the"
            || noun.capital
            || noun.possessive
            || !self.c.body_nouns.contains(&noun.norm)
        {
            return None;
        }
        let mut names: Vec<String> = Vec::new();
        let mut nearest: Option<(String, Cite)> = None;
        for p in self.article.paragraphs.iter().take_while(|p| p.n <= n) {
            let upto = if p.n == n { the.start } else { p.text.len() };
            let toks = tokenize(&p.text[..upto]);
            for (k, t) in toks.iter().enumerate() {
                if !t.capital || t.possessive || t.norm != noun.norm {
                    continue;
                }
                // The capitalised words right before the noun, "the" not among them.
                let mut f = k;
                while f > 0
                    && toks[f - 1].capital
                    && !toks[f - 1].possessive
                    && !self.c.role_articles.contains(&toks[f - 1].norm)
                    && adjacent(&p.text, toks[f - 1].end, toks[f].start)
                {
                    f -= 1;
                }
                if f == k {
                    continue;
                }
                let name = toks[f..=k]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if !names.contains(&name) {
                    names.push(name);
                }
                let from = match f.checked_sub(1) {
                    Some(d)
                        if self.c.role_articles.contains(&toks[d].norm)
                            && adjacent(&p.text, toks[d].end, toks[f].start) =>
                    {
                        d
                    }
                    _ => f,
                };
                let (start, end) = (toks[from].start, toks[k].end);
                let map = CharMap::new(&p.text);
                nearest = Some((
                    p.text[start..end].to_string(),
                    cite(&self.article.id, p.n, &map, start, end),
                ));
            }
        }
        match names.len() {
            1 => nearest,
            _ => None,
        }
    }
}
