//! Positions: which party holds a stance in a sentence, on which topics, and what the stance is.
//!
//! A position is held, never merely shared: the holder is the subject of a stance verb ("Kyiv
//! would not recognise", "Morvany has demanded", "rejected by Kyiv" in the passive), the owner of
//! a stance noun ("Witkoff's proposals", "the US proposals", "a Teravian request"), the party a
//! "non-starter" or "unacceptable" is for ("unacceptable to Ukraine"), or the speaker's party for
//! a quote or reported speech ("says", or the stance its words state: "must", "necessary"). A
//! party that a sentence only mentions (an object, one of a list after "between") holds nothing.
//! Every word list comes from `config/language.toml` (`stance_*`), every party from the lexicon.
//!
//! Owns the stance words' use and the rule for who holds a sentence. It must not resolve
//! speakers: it reads the speakers the attribution step already found.

use std::collections::HashSet;

use crate::knowledge::{Cite, Position, PositionKind, Speaker, Stance};
use crate::lexicon::{AliasHit, Compiled};
use crate::text::Token;

use super::registry::person_mentions;
use super::{ArticleFacts, Registry, Sent};

/// Adds the positions sentence `s` states to `facts.positions`: one per holder and topic it
/// names (or one with an empty topic when it names none). `speakers` are the sentence's
/// reporting speakers, in order; `at` cites the whole sentence.
#[allow(clippy::too_many_arguments)]
pub(super) fn positions_in(
    facts: &mut ArticleFacts,
    speakers: &[Option<Speaker>],
    s: &Sent,
    topics: &[String],
    sid: &str,
    registry: &Registry,
    person_party: &[Option<String>],
    c: &Compiled,
    at: Cite,
) {
    let known = |id: &String| c.lexicon.parties.iter().any(|p| &p.id == id);
    let quote_speakers = facts
        .quotes
        .iter()
        .rev()
        .take_while(|q| q.sentence == sid)
        .map(|q| Some(q.speaker.clone()));
    let speaker_party = speakers
        .iter()
        .cloned()
        .chain(quote_speakers)
        .find_map(|sp| match sp {
            Some(Speaker::Person(id)) => registry.get(&id).and_then(|p| p.affiliation.clone()),
            Some(Speaker::Source(id)) => facts
                .sources
                .iter()
                .find(|x| x.id == id)
                .and_then(|x| x.affiliation.clone()),
            _ => None,
        })
        .filter(known);
    // The owners of stance nouns named in this paragraph or the one before ("Witkoff presented
    // proposals"), newest first: who "those proposals" stand for.
    let here = paragraph_of(sid);
    let earlier: Vec<(Stance, String)> = facts
        .positions
        .iter()
        .rev()
        .take_while(|p| {
            let there = paragraph_of(&p.sentence);
            here.zip(there).is_some_and(|(h, t)| t + 1 >= h)
        })
        .map(|p| (p.stance, p.party.clone()))
        .collect();
    let held = holders(
        s,
        c,
        registry,
        person_party,
        speaker_party.as_deref(),
        &earlier,
    );
    let topics: Vec<&str> = if topics.is_empty() {
        vec![""]
    } else {
        topics.iter().map(String::as_str).collect()
    };
    for (party, stance, background) in held {
        for topic in &topics {
            facts.positions.push(Position {
                party: party.clone(),
                topic: topic.to_string(),
                // A proposal the sentence states, not one it recalls as background ("after
                // Witkoff presented proposals"): the position holds, the sentence is no proposal.
                kind: if stance == Stance::Proposes && !background {
                    PositionKind::Proposal
                } else {
                    PositionKind::Position
                },
                stance,
                sentence: sid.to_string(),
                cite: at.clone(),
            });
        }
    }
}

/// Each registered person's party, when it is one of the lexicon's: the same for every
/// sentence, so worked out once per article.
pub(super) fn person_parties(registry: &Registry, c: &Compiled) -> Vec<Option<String>> {
    let known = |id: &String| c.lexicon.parties.iter().any(|p| &p.id == id);
    registry
        .people
        .iter()
        .map(|p| p.affiliation.clone().filter(known))
        .collect()
}

/// The parties holding a stance in sentence `s`, each once, with its first stance in the
/// sentence and whether a background clause states it ("after Kyiv rejected ..."); the
/// speaker's party "says" when it holds nothing else.
fn holders(
    s: &Sent,
    c: &Compiled,
    registry: &Registry,
    person_party: &[Option<String>],
    speaker: Option<&str>,
    earlier: &[(Stance, String)],
) -> Vec<(String, Stance, bool)> {
    let w = &c.stances;
    let n = s.tokens.len();
    let mut party_at: Vec<Option<AliasHit>> = vec![None; n];
    for h in s.party_hits(c) {
        for slot in &mut party_at[h.start..h.end] {
            *slot = Some(*h);
        }
    }
    let mut person_at: Vec<Option<(usize, usize)>> = vec![None; n];
    for m in person_mentions(s, registry, &HashSet::new(), c) {
        if let Some(pi) = m.person {
            for slot in &mut person_at[m.start..m.end] {
                *slot = Some((m.start, pi));
            }
        }
    }
    let mut obliged = vec![false; n];
    for h in w.speaker_words.find(&s.tokens) {
        for slot in &mut obliged[h.start..h.end] {
            *slot = true;
        }
    }
    let mut r = Reading {
        s,
        c,
        party_at,
        person_at,
        person_party,
        speaker: None,
        obliged,
    };
    // A speaker the attribution step found without a party speaks for the party heading its
    // phrase ("Teravia's foreign ministry spokesperson Noor Halvari said"), as does a party
    // that is itself the subject of a reporting verb ("Kyiv said").
    let fallback = if speaker.is_none() {
        r.reporting_party()
    } else {
        None
    };
    r.speaker = speaker.or(fallback.as_deref());
    // (token where the stance is stated, holder, stance)
    let mut found: Vec<(usize, String, Stance)> = Vec::new();
    let mut add = |at: usize, parties: Vec<String>, stance: Stance| {
        for p in parties {
            found.push((at, p, stance));
        }
    };
    for h in w.verbs.find(&s.tokens) {
        let stance = w.stances[h.entity];
        if let Some(agent) = r.by_agent(h.end) {
            add(h.start, agent, stance);
            continue;
        }
        let subject = r.subject_before(h.start);
        if subject.passive {
            continue;
        }
        let stance = if subject.negated {
            Stance::Rejects
        } else {
            stance
        };
        add(h.start, subject.holders, stance);
    }
    for h in w.adjectives.find(&s.tokens) {
        let subject = r.subject_before(h.start);
        let stance = if subject.negated {
            Stance::Rejects
        } else {
            w.stances[h.entity]
        };
        add(h.start, subject.holders, stance);
    }
    for h in w.nouns.find(&s.tokens) {
        let stance = w.stances[h.entity];
        let mut owner = r.owner_before(h.start);
        if owner.is_empty() && r.refers_back(h.start) {
            // "those proposals": the last owner of that stance, a sentence or two before.
            owner = earlier
                .iter()
                .find(|(st, _)| *st == stance)
                .map(|(_, p)| p.clone())
                .into_iter()
                .collect();
        }
        add(h.start, owner, stance);
    }
    for h in w.for_words.find(&s.tokens) {
        let stance = w.stances[h.entity];
        match r.party_after_for(h.end) {
            Some(parties) => add(h.start, parties, stance),
            None => add(h.start, r.speaker_holds(), stance),
        }
    }
    for h in w.speaker_words.find(&s.tokens) {
        add(h.start, r.speaker_holds(), w.stances[h.entity]);
    }
    found.sort_by_key(|f| f.0);
    let mut out: Vec<(String, Stance, bool)> = Vec::new();
    for (at, party, stance) in found {
        if stance != Stance::Says && !out.iter().any(|(p, _, _)| *p == party) {
            out.push((party, stance, r.in_background(at)));
        }
    }
    // A stance noun "position" or "view" only says: it never outranks a stated stance.
    for (_, party, stance) in r.says_nouns() {
        if !out.iter().any(|(p, _, _)| *p == party) {
            out.push((party, stance, false));
        }
    }
    if let Some(sp) = r.speaker {
        if !out.iter().any(|(p, _, _)| p == sp) {
            out.push((sp.to_string(), Stance::Says, false));
        }
    }
    out
}

/// The paragraph number of a sentence id (`<article>#p<n>s<k>`).
fn paragraph_of(sid: &str) -> Option<u32> {
    let (_, tail) = sid.rsplit_once("#p")?;
    tail.split('s').next()?.parse().ok()
}

/// One sentence with its parties and people by token.
struct Reading<'a> {
    s: &'a Sent<'a>,
    c: &'a Compiled,
    /// The party mention covering each token.
    party_at: Vec<Option<AliasHit>>,
    /// The person mention covering each token: its first token and the person.
    person_at: Vec<Option<(usize, usize)>>,
    /// Each registry person's party, where the lexicon knows it.
    person_party: &'a [Option<String>],
    /// The party of the sentence's speaker.
    speaker: Option<&'a str>,
    /// Tokens of the speaker's stance words ("must", "have to").
    obliged: Vec<bool>,
}

/// What stands before a stance verb: who holds it, and whether the verb is passive or negated.
struct Subject {
    holders: Vec<String>,
    passive: bool,
    negated: bool,
}

impl Reading<'_> {
    fn tok(&self, i: usize) -> &Token {
        &self.s.tokens[i]
    }

    /// True when only spaces stand between tokens `i` and `i + 1` (no comma, dash or quote
    /// mark: a clause or a quotation does not reach across one).
    fn joined(&self, i: usize) -> bool {
        let (a, b) = (self.tok(i).end, self.tok(i + 1).start);
        self.s.hay[a..b].chars().all(char::is_whitespace)
    }

    fn party_id(&self, hit: &AliasHit) -> String {
        self.c.lexicon.parties[hit.entity].id.clone()
    }

    fn speaker_holds(&self) -> Vec<String> {
        self.speaker.map(str::to_string).into_iter().collect()
    }

    /// The word before token `i` makes what stands at `i` an object ("sanctions on Russia").
    fn object_at(&self, i: usize) -> bool {
        i > 0 && self.joined(i - 1) && self.c.stances.object_words.contains(&self.tok(i - 1).norm)
    }

    /// The holders whose mention ends at token `j`: a party ("Kyiv"), a list of parties
    /// ("Teravia and Morvany"), or a person's party ("Steve Witkoff"); none when the mention
    /// is an object ("membership for Ukraine").
    fn holders_ending_at(&self, j: usize) -> Option<Vec<String>> {
        if let Some(h) = self.party_at[j] {
            let mut out = vec![self.party_id(&h)];
            let mut start = h.start;
            // "Teravia and Morvany", "Ukraine, Britain and France".
            while start >= 2 {
                let link = &self.tok(start - 1).norm;
                let before = self.party_at[start - 2];
                match before {
                    Some(b)
                        if link == "and" && self.joined(start - 2) && self.joined(start - 1) =>
                    {
                        out.push(self.party_id(&b));
                        start = b.start;
                    }
                    _ => break,
                }
            }
            if self.object_at(start) {
                return Some(Vec::new());
            }
            return Some(out);
        }
        if let Some((start, pi)) = self.person_at[j] {
            if self.object_at(start) {
                return Some(Vec::new());
            }
            return Some(self.person_party[pi].clone().into_iter().collect());
        }
        None
    }

    /// Who holds a verb or adjective starting at token `at`: its subject, stepping back over
    /// auxiliaries and adverbs ("Kyiv would not", "Morvany has also").
    fn subject_before(&self, at: usize) -> Subject {
        let w = &self.c.stances;
        let mut subject = Subject {
            holders: Vec::new(),
            passive: false,
            negated: false,
        };
        let mut j = at;
        while j > 0 && self.joined(j - 1) {
            let norm = self.tok(j - 1).norm.as_str();
            if w.negations.contains(norm) || norm.ends_with("n't") {
                subject.negated = true;
            } else if w.passive.contains(norm) {
                subject.passive = true;
            } else if !(w.subject_skips.contains(norm)
                || self.c.verb_fillers.contains(norm)
                || self.c.infinitive_markers.contains(norm))
            {
                break;
            }
            j -= 1;
        }
        // No subject in this clause (only auxiliaries after a comma or at the start), or one
        // that is only obliged to it ("Russia must agree": the speaker's demand, below).
        if j == 0 || !self.joined(j - 1) || (j..at).any(|i| self.obliged[i]) {
            return subject;
        }
        let head = j - 1;
        let norm = self.tok(head).norm.as_str();
        let pronoun = norm.split('\'').next().unwrap_or(norm);
        if let Some(h) = self.holders_ending_at(head) {
            subject.holders = h;
        } else if w.speaker_pronouns.contains(pronoun) {
            subject.holders = self.speaker_holds();
        } else if !self.c.stopwords.contains(norm) && !self.tok(head).numeric {
            // A noun subject: its owner holds it ("Valmora's delegation walked out", "her
            // country would not return"); a subject nobody owns holds nothing for a party.
            subject.holders = self.owner_before(head);
        }
        // A subject in a question or free relative clause asks about a stance it does not state
        // ("what Kyiv can possibly accept").
        let mut k = head;
        while k > 0
            && head - k < 4
            && self.joined(k - 1)
            && !self.c.stopwords.contains(&self.tok(k - 1).norm)
        {
            k -= 1;
        }
        if k > 0 && self.joined(k - 1) && w.question.contains(&self.tok(k - 1).norm) {
            subject.holders.clear();
        }
        subject
    }

    /// The owner of the noun at token `at`: a party or a person's possessive, a party adjective,
    /// or a speaker's possessive ("her") standing before it, over a few modifiers ("Morvany's
    /// last offer", "the US proposals", "a Teravian request").
    fn owner_before(&self, at: usize) -> Vec<String> {
        let w = &self.c.stances;
        let mut k = at;
        let mut steps = 0;
        while k > 0 && steps < 3 && self.joined(k - 1) {
            let i = k - 1;
            if self.party_at[i].is_some() || self.person_at[i].is_some() {
                // An owner may stand after a preposition ("some of Witkoff's proposals").
                return match (self.party_at[i], self.person_at[i]) {
                    (Some(h), _) => vec![self.party_id(&h)],
                    (None, Some((_, pi))) if self.tok(i).possessive => {
                        self.person_party[pi].clone().into_iter().collect()
                    }
                    _ => Vec::new(),
                };
            }
            let norm = self.tok(i).norm.as_str();
            if w.speaker_possessives.contains(norm) {
                return self.speaker_holds();
            }
            if self.c.stopwords.contains(norm) || self.tok(i).possessive {
                return Vec::new();
            }
            k -= 1;
            steps += 1;
        }
        Vec::new()
    }

    /// True when a word that refers back ("those", "the") opens the noun phrase of the noun at
    /// token `at`, over a modifier or two ("those proposals", "the same demand").
    fn refers_back(&self, at: usize) -> bool {
        let w = &self.c.stances;
        let mut k = at;
        while k > 0 && at - k < 3 && self.joined(k - 1) {
            k -= 1;
            let norm = &self.tok(k).norm;
            if w.anaphora.contains(norm) {
                return true;
            }
            if self.c.stopwords.contains(norm) || self.party_at[k].is_some() {
                return false;
            }
        }
        false
    }

    /// The parties after a passive verb's "by" ("rejected by Kyiv", "proposed by Morvany").
    fn by_agent(&self, end: usize) -> Option<Vec<String>> {
        let s = self.s;
        if end >= s.tokens.len() || s.tokens[end].norm != "by" || !self.joined(end - 1) {
            return None;
        }
        let parties = self.parties_from(end + 1);
        (!parties.is_empty()).then_some(parties)
    }

    /// The parties after a word's "for" or "to" ("unacceptable to Ukraine and other European
    /// nations"), or none when no "for" or "to" follows it.
    fn party_after_for(&self, end: usize) -> Option<Vec<String>> {
        let s = self.s;
        if end >= s.tokens.len()
            || !self
                .c
                .stances
                .holder_prepositions
                .contains(&s.tokens[end].norm)
            || !self.joined(end - 1)
        {
            return None;
        }
        let parties = self.parties_from(end + 1);
        (!parties.is_empty()).then_some(parties)
    }

    /// The parties (or people's parties) named from token `from` to the end of the phrase:
    /// a few words, up to a comma, dash or quote mark.
    fn parties_from(&self, from: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut i = from;
        while i < self.s.tokens.len() && i < from + 8 {
            if let Some(h) = self.party_at[i] {
                let id = self.party_id(&h);
                if !out.contains(&id) {
                    out.push(id);
                }
                i = h.end;
            } else if let Some((_, pi)) = self.person_at[i] {
                if let Some(p) = &self.person_party[pi] {
                    if !out.contains(p) {
                        out.push(p.clone());
                    }
                }
                i += 1;
            } else {
                i += 1;
            }
            if i >= self.s.tokens.len() || !self.joined(i - 1) {
                break;
            }
        }
        out
    }

    /// True when a background word ("after", "when") opens the clause of token `at`, with no
    /// comma or dash between.
    fn in_background(&self, at: usize) -> bool {
        let mut k = at;
        while k > 0 && self.joined(k - 1) {
            k -= 1;
            if self.c.stances.background.contains(&self.tok(k).norm) {
                return true;
            }
        }
        false
    }

    /// The party heading a reporting verb's subject phrase, when one does.
    fn reporting_party(&self) -> Option<String> {
        let verb = (1..self.s.tokens.len())
            .find(|&i| self.c.reporting_verbs.contains(&self.tok(i).norm))?;
        let mut j = verb;
        while j > 0 && verb - j < 8 && self.joined(j - 1) {
            j -= 1;
            if let Some(h) = self.party_at[j] {
                return (!self.object_at(h.start)).then(|| self.party_id(&h));
            }
        }
        None
    }

    /// Owners of "says" nouns ("the Ukrainian position"), by token.
    fn says_nouns(&self) -> Vec<(usize, String, Stance)> {
        let w = &self.c.stances;
        let mut out = Vec::new();
        for h in w.nouns.find(&self.s.tokens) {
            if w.stances[h.entity] == Stance::Says {
                for p in self.owner_before(h.start) {
                    out.push((h.start, p, Stance::Says));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
