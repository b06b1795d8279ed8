//! Every reporting verb of a sentence with its speaker: the walk over "X said", "said X",
//! "according to X", "X called it", passives, participles and verbs inside asides.
//!
//! Owns which tokens are reporting verbs and where their subject phrase lies; the phrase
//! itself is read by `phrase`, a clause's subject by `subject`. It must not attach quotations
//! to verbs (that is the sentence walk in `extract/mod.rs`) nor resolve pronouns itself
//! (that is `references`).

use crate::build::extract::registry::Mention;
use crate::build::extract::{adjacent, adjacent_or_soft, Sent};
use crate::knowledge::Speaker;
use crate::text::CharMap;

use super::Reader;
use super::Said;

impl Reader<'_> {
    /// Every reporting verb of a sentence with its speaker.
    pub(in crate::build::extract) fn said_in(
        &mut self,
        s: &Sent,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Vec<Said> {
        self.note_unknown_surnames(s, mentions);
        self.note_introduction(s, mentions);
        self.note_unknown_subject(s, mentions);
        let mut out: Vec<Said> = Vec::new();
        let toks = &s.tokens;
        for v in 0..toks.len() {
            // A characterising verb reports only when a quotation follows it in the sentence.
            let characterising = self.c.characterising_verbs.contains(&toks[v].norm)
                && s.hay[toks[v].end..s.end].contains(['“', '"']);
            // "as one official put it": an idiom's verb reports when "as" opens its clause and
            // "it" follows.
            let idiom = self.c.idiom_reporting_verbs.contains(&toks[v].norm)
                && toks.get(v + 1).is_some_and(|t| t.norm == "it")
                && {
                    let mut start = self.clause_start(s, v);
                    // "As one diplomat who sat in put it": over the subject's relative clause.
                    if start > 1 && self.c.relative_words.contains(&toks[start - 1].norm) {
                        start = self.clause_start(s, start - 1);
                    }
                    start > 0 && self.c.subject_connectives.contains(&toks[start - 1].norm)
                };
            // ", describing the session as “...”", ", adding: “...”": the speaker of the verb
            // before, in the same sentence.
            // "X opened by telling members that ... “...”": after "by" too, the means of the
            // subject's own doing.
            // "..., with Norvaine's envoy Elin Kastrup warning that “...”": a participle after
            // "with" and a noun phrase has that phrase for its subject.
            if v > 1
                && self.c.participles.contains(&toks[v].norm)
                && !s.hay[toks[v - 1].end..toks[v].start].contains(',')
                && s.hay[toks[v].end..s.end].contains(['“', '"'])
            {
                let start = self.clause_start(s, v);
                if start + 1 < v && toks[start].norm == "with" {
                    let why = self.reason.take();
                    if let Some(sp) = self.resolve_phrase(s, start + 1, v, mentions, n, map) {
                        out.push(Said {
                            speaker: Some(sp),
                            verb: v,
                            after_quote: false,
                            characterising: true,
                            reason: None,
                        });
                        continue;
                    }
                    self.reason = why;
                }
            }
            let participle = v > 0
                && self.c.participles.contains(&toks[v].norm)
                && (s.hay[toks[v - 1].end..toks[v].start].contains(',')
                    || toks[v - 1].norm == "by")
                && s.hay[toks[v].end..s.end].contains(['“', '"']);
            if participle {
                // With no reporting verb before it, the participle is the sentence subject's
                // ("Velloso moved the deadline, saying the days “have to be given back”").
                let main = match out.last() {
                    Some(sd) => sd.speaker.clone(),
                    None => self.sentence_subject(s, mentions, n, map),
                };
                if main.is_some() {
                    out.push(Said {
                        speaker: main,
                        verb: v,
                        after_quote: false,
                        characterising: true,
                        reason: None,
                    });
                    continue;
                }
            }
            // "“...,” Mr Vigg shot back": a verb and its particle report as one verb.
            let phrase = self.c.reporting_phrases.iter().any(|words| {
                toks.len() >= v + words.len()
                    && toks[v..v + words.len()]
                        .iter()
                        .zip(words)
                        .all(|(t, w)| &t.norm == w)
                    && (v + 1..v + words.len())
                        .all(|k| adjacent(s.hay, toks[k - 1].end, toks[k].start))
            });
            let is_verb =
                self.c.reporting_verbs.contains(&toks[v].norm) || characterising || idiom || phrase;
            self.reason = None;
            // "according to X": the speaker follows the phrase.
            let according = self
                .c
                .speaker_after_phrases
                .iter()
                .find(|words| {
                    toks.len() >= v + words.len()
                        && toks[v..v + words.len()]
                            .iter()
                            .zip(words.iter())
                            .all(|(t, w)| &t.norm == w)
                })
                .map(Vec::len);
            if !is_verb && according.is_none() {
                continue;
            }
            if let Some(len) = according {
                let from = v + len;
                // An honorific's stop does not end the phrase ("according to Gen. Brandt").
                let mut first = from;
                while first + 1 < toks.len()
                    && self.c.honorifics.contains_key(toks[first].base(s.hay))
                    && matches!(
                        s.hay[toks[first].end..toks[first + 1].start].trim(),
                        "" | "."
                    )
                {
                    first += 1;
                }
                let end = (first..toks.len())
                    .find(|&k| {
                        k > first && !adjacent_or_soft(s.hay, toks[k - 1].end, toks[k].start)
                    })
                    .unwrap_or(toks.len());
                if from >= end {
                    continue;
                }
                let speaker = self.resolve_phrase(s, from, end, mentions, n, map);
                out.push(Said {
                    speaker,
                    verb: v,
                    after_quote: false,
                    characterising: false,
                    reason: self.reason.take(),
                });
                continue;
            }
            // A verb after a modal or "to" is no report ("will say", "expected to say"), but
            // what someone "likes to say" is.
            if v > 0
                && self.c.infinitive_markers.contains(&toks[v - 1].norm)
                && !(v > 1
                    && toks[v - 1].norm == "to"
                    && self.c.habitual_verbs.contains(&toks[v - 2].norm))
            {
                continue;
            }
            // "reports of continued shelling": a verb's form after "of" or an article describes
            // a noun.
            if v > 0
                && self.c.nominal_markers.contains(&toks[v - 1].norm)
                && adjacent(s.hay, toks[v - 1].end, toks[v].start)
                && !characterising
            {
                continue;
            }
            let before_gap_quote = v > 0 && {
                let gap = &s.hay[toks[v - 1].end..toks[v].start];
                gap.contains('”') || gap.contains('"')
            };
            // "X slammed Y for branding them “...”": a verb's -ing form after a preposition is
            // said by the object of the verb before it, when one stands between.
            if characterising
                && v >= 2
                && toks[v].norm.ends_with("ing")
                && self.c.affiliation_words.contains(&toks[v - 1].norm)
                && adjacent(s.hay, toks[v - 1].end, toks[v].start)
            {
                let end = v - 1;
                let mut start = end;
                while start > 0
                    && adjacent(s.hay, toks[start - 1].end, toks[start].start)
                    && !self.c.reporting_verbs.contains(&toks[start - 1].norm)
                    && !self.c.characterising_verbs.contains(&toks[start - 1].norm)
                {
                    start -= 1;
                }
                let verb_before = start > 0
                    && (self.c.reporting_verbs.contains(&toks[start - 1].norm)
                        || self.c.characterising_verbs.contains(&toks[start - 1].norm));
                if verb_before && start < end {
                    let speaker = self.resolve_phrase(s, start, end, mentions, n, map);
                    out.push(Said {
                        speaker,
                        verb: v,
                        after_quote: false,
                        characterising,
                        reason: self.reason.take(),
                    });
                    continue;
                }
            }
            // "Marrow was asked by a reporter: “...”": a passive verb's subject is who was
            // asked or told; who spoke is the one after "by", else nobody the verb says.
            // "Marsh was last night accused of a “sell-out”": a characterising verb's passive
            // may hold a few lowercase words after its "was".
            let reach = if characterising { 3 } else { 1 };
            let passive_at = (1..=reach.min(v)).map(|d| v - d).find(|&k| {
                self.c.stances.passive.contains(&toks[k].norm)
                    && (k + 1..=v).all(|j| adjacent(s.hay, toks[j - 1].end, toks[j].start))
                    && (k + 1..v)
                        .all(|j| !toks[j].capital && !self.c.clause_words.contains(&toks[j].norm))
            });
            if passive_at.is_some() && !toks[v].norm.ends_with("ing") {
                let by = v + 1;
                let mut speaker = None;
                if toks.get(by).is_some_and(|t| t.norm == "by")
                    && by + 1 < toks.len()
                    && adjacent(s.hay, toks[v].end, toks[by].start)
                {
                    let end = (by + 2..toks.len())
                        .find(|&k| !adjacent(s.hay, toks[k - 1].end, toks[k].start))
                        .unwrap_or(toks.len());
                    speaker = self.resolve_phrase(s, by + 1, end, mentions, n, map);
                } else {
                    // Only a passive verb that introduces a quotation ("was asked: “...”")
                    // stands for it; any other ("had been briefed on ...") reports nothing.
                    let introduces = s.hay[toks[v].end..s.end]
                        .find(['“', '"'])
                        .is_some_and(|at| {
                            let gap = s.hay[toks[v].end..toks[v].end + at].trim();
                            gap.ends_with(':') && gap.split_whitespace().count() <= 4
                        });
                    if !introduces {
                        continue;
                    }
                    self.reason = Some(format!(
                        "“{}” tells who was spoken to, not who spoke",
                        &s.hay[toks[passive_at.unwrap_or(v)].start..toks[v].end]
                    ));
                }
                out.push(Said {
                    speaker,
                    verb: v,
                    after_quote: false,
                    characterising,
                    reason: self.reason.take(),
                });
                continue;
            }
            // Subject before the verb: back to the clause start.
            let mut k = v;
            if k > 1
                && toks[k - 1].norm == "to"
                && self.c.habitual_verbs.contains(&toks[k - 2].norm)
            {
                k -= 2;
            }
            // "She simply told reporters": an adverb of manner between the subject and its verb
            // is no part of the subject.
            let manner = |t: &crate::text::Token| {
                !t.capital
                    && t.norm.ends_with("ly")
                    && crate::english::english().pos(&t.norm) == crate::english::Pos::Adverb
            };
            while k > 0
                && (self.c.verb_fillers.contains(&toks[k - 1].norm) || manner(&toks[k - 1]))
                && adjacent_or_soft(s.hay, toks[k - 1].end, toks[k].start)
            {
                k -= 1;
            }
            // "X is said to have told both sides to “...”": hearsay of the subject's words;
            // the subject stands before the passive.
            if k >= 3
                && toks[k - 1].norm == "to"
                && self.c.hearsay_verbs.contains(&toks[k - 2].norm)
                && self.c.stances.passive.contains(&toks[k - 3].norm)
                && (k - 2..=v).all(|j| adjacent(s.hay, toks[j - 1].end, toks[j].start))
            {
                k -= 3;
                while k > 0
                    && self.c.verb_fillers.contains(&toks[k - 1].norm)
                    && adjacent_or_soft(s.hay, toks[k - 1].end, toks[k].start)
                {
                    k -= 1;
                }
            }
            let subject_end = k;
            let subject_start = self.clause_start(s, subject_end);
            let coordination = subject_end > 0
                && self
                    .c
                    .predicate_connectives
                    .contains(&toks[subject_end - 1].norm);
            let mut speaker = None;
            let mut after_quote = false;
            if coordination {
                // "A spokesperson ... played down X and said ...", "The minister did not attend
                // but said ...": a second predicate of the sentence's own subject.
                speaker = self.sentence_subject(s, mentions, n, map);
                // "She did not stop, but told one reporter: “...”": a pronoun subject.
                if speaker.is_none() {
                    let first = (0..subject_end).find(|&i| {
                        !toks[i].numeric && !self.c.sentence_connectives.contains(&toks[i].norm)
                    });
                    if let Some(i) = first.filter(|&i| {
                        self.c.person_pronouns.contains(&toks[i].norm)
                            && self.sex_of(&toks[i].norm).is_some()
                    }) {
                        speaker = self.resolve_reference(s, i, None);
                    }
                }
            } else if subject_start < subject_end {
                speaker = self.resolve_phrase(s, subject_start, subject_end, mentions, n, map);
                if speaker.is_none() {
                    let why = self.reason.take();
                    speaker =
                        self.relative_subject(s, subject_start, subject_end, mentions, n, map);
                    if speaker.is_none() {
                        self.reason = why;
                    }
                }
                // "A diplomat who attended the talks said": the relative clause is not the
                // subject; the words before "who" are.
                if speaker.is_none()
                    && subject_start >= 2
                    && self
                        .c
                        .relative_words
                        .contains(&toks[subject_start - 1].norm)
                {
                    let end = subject_start - 1;
                    let start = self.clause_start(s, end);
                    if start < end {
                        speaker = self.resolve_phrase(s, start, end, mentions, n, map);
                    }
                }
                after_quote = subject_start > 0 && {
                    let gap = &s.hay[toks[subject_start - 1].end..toks[subject_start].start];
                    gap.contains('”') || gap.contains('"')
                };
            } else if let Some(pi) = self.appositive_before_relative(s, subject_end, mentions) {
                // "led by Judit Anvers, a career diplomat who has called ...": the relative
                // clause is about the role set off after the name, which is that person.
                speaker = pi.map(|pi| self.person_speaker(pi));
            } else if subject_end >= 2
                && self.c.relative_words.contains(&toks[subject_end - 1].norm)
                && s.hay[toks[subject_end - 2].end..toks[subject_end - 1].start].contains(',')
            {
                // "a Caldrian official, who said:", "Vask, who once dismissed ...": a relative
                // clause's subject is what stands right before its comma.
                speaker = self.antecedent(s, subject_end - 1, mentions, n, map);
            } else if !before_gap_quote
                && subject_end > 0
                && s.hay[toks[subject_end - 1].end..toks[subject_end].start].contains(',')
            {
                // "X, the chief negotiator, said" / "X, who did not attend, said": the subject
                // stands before an aside set off by commas.
                speaker = self.subject_before_aside(s, subject_end, mentions, n, map);
            } else if before_gap_quote || subject_end == 0 {
                // "“...,” said X": the subject follows the verb.
                let mut end = v + 1;
                // An honorific's stop does not end the name ("said Mrs. Fenwick").
                while end < toks.len()
                    && (adjacent(s.hay, toks[end - 1].end, toks[end].start)
                        || self.c.honorifics.contains_key(toks[end - 1].base(s.hay))
                            && s.hay[toks[end - 1].end..toks[end].start].trim() == ".")
                    && !self.c.speaker_stops.contains(&toks[end].norm)
                {
                    end += 1;
                }
                if end > v + 1 {
                    speaker = self.resolve_phrase(s, v + 1, end, mentions, n, map);
                }
                after_quote = before_gap_quote;
            }
            // "Viktor Aldane — known to all as “Iron Viktor” — last night blasted ...": with no
            // speaker after an aside set off by dashes, the subject stands before the aside.
            // "Firebrand MP Piet Quell — “Pistol Piet” to his fans — slammed": the aside may
            // end right before the verb.
            if speaker.is_none() && !coordination && subject_start > 0 && subject_start <= v {
                let dash = |k: usize| s.hay[toks[k - 1].end..toks[k].start].contains(['—', '–']);
                if dash(subject_start) {
                    if let Some(open) = (1..subject_start).rev().find(|&k| dash(k)) {
                        // The aside's opening dash stands right before `open`: start one in.
                        let start = self.clause_start(s, open - 1);
                        if start < open {
                            let why = self.reason.take();
                            speaker = self.resolve_phrase(s, start, open, mentions, n, map);
                            if speaker.is_none() {
                                self.reason = why;
                            }
                        }
                    }
                }
            }
            // "The Coastal Party said in a statement that ... what it called “...”": "it" or
            // "they" before a characterising verb, after a body's reporting verb in the same
            // sentence, is that body; only when nothing capitalised (another body, a party, a
            // place "it" could stand for) stands between the two verbs ("... after Ukraine
            // drafted a paper, in which it said" is no one's).
            if speaker.is_none()
                && characterising
                && subject_end > 0
                && matches!(toks[subject_end - 1].norm.as_str(), "it" | "they")
                && self
                    .c
                    .non_person_subjects
                    .contains(&toks[subject_end - 1].norm)
            {
                if let Some(src) = out
                    .iter()
                    .rev()
                    .find(|sd| sd.speaker.is_some())
                    .filter(|sd| (sd.verb + 1..subject_end).all(|j| !toks[j].capital))
                    .and_then(|sd| sd.speaker.clone())
                    .filter(|sp| matches!(sp, Speaker::Source(_)))
                {
                    speaker = Some(src);
                    self.reason = None;
                }
            }
            // "welcomes the statement of X that the accord “...”": the words are X's.
            let quote_after = s.hay[toks[v].end..s.end]
                .find(['“', '"'])
                .map(|at| toks[v].end + at);
            if let Some(open) = quote_after.filter(|_| !after_quote) {
                let to = toks.iter().take_while(|t| t.end <= open).count();
                if let Some(owner) = self.words_owner(s, v + 1, to, true, mentions, n, map) {
                    speaker = owner;
                }
            }
            out.push(Said {
                speaker,
                verb: v,
                after_quote,
                characterising,
                reason: self.reason.take(),
            });
        }
        // "She read the names, and when she stepped down, Ilgen was still there.": a pronoun
        // that stands for nobody settled, before the person the sentence names, may be someone
        // else; a later pronoun is not given to that person.
        if self.pronoun.is_none() {
            let quotes = s.quotes();
            let quoted = |i: usize| {
                quotes
                    .iter()
                    .any(|q| toks[i].start >= q.open && toks[i].start < q.close)
            };
            if let Some(first) = mentions.iter().find(|m| !quoted(m.start)) {
                // "At her press conference, Marrow was asked": a possessive in a phrase that
                // opens the sentence with a preposition and ends at the comma before the person
                // named is that person's.
                let open = (0..toks.len()).find(|&i| !toks[i].numeric).unwrap_or(0);
                let cataphoric = |i: usize| {
                    first.start > i + 1
                        && (self.c.place_prepositions.contains(&toks[open].norm)
                            || self.c.speaker_stops.contains(&toks[open].norm))
                        && open < i
                        && s.hay[toks[first.start - 1].end..toks[first.start].start].contains(',')
                        && (open + 1..first.start - 1)
                            .all(|k| !s.hay[toks[k - 1].end..toks[k].start].contains(','))
                        && !toks[i + 1].capital
                };
                let lone = (0..first.start).find(|&i| {
                    self.c.person_pronouns.contains(&toks[i].norm) && !quoted(i) && !cataphoric(i)
                });
                match lone.map(|p| (p, self.sex_of(&toks[p].norm))) {
                    // "Her deputy, Gil Ostrander, went further.": a pronoun of one sex leaves a
                    // later pronoun of the other to the person named.
                    Some((p, Some(male))) => self.lone_sex = Some((p, male)),
                    Some((p, None)) => {
                        self.here_unknown = Some(self.here_unknown.map_or(p, |u| u.min(p)));
                    }
                    None => {}
                }
            }
        }
        self.learn_sex_from_reported_pronoun(s, &out);
        // "According to X, Y asked for “...”": the words may be Y's or X's account of them; the
        // text does not settle whose, so a later verb with another speaker gives them to nobody.
        if let Some(first) = out
            .first()
            .filter(|sd| sd.verb == 0 && !self.c.reporting_verbs.contains(&toks[sd.verb].norm))
        {
            let (according, verb) = (first.speaker.clone(), first.verb);
            // A characterising verb ("a demand X has called “...”") is its subject's.
            for sd in out
                .iter_mut()
                .filter(|sd| sd.verb > verb && !sd.characterising)
            {
                if sd.speaker.is_some() && sd.speaker != according {
                    sd.speaker = None;
                    sd.reason = Some(format!(
                        "the sentence opens “{}” someone, and its verb “{}” has another subject: whose words are quoted is not settled",
                        &s.hay[toks[verb].start..toks[verb + 1].end],
                        toks[sd.verb].text(s.hay)
                    ));
                }
            }
        }
        out
    }
}
