//! Whose clause it is: a sentence's or clause's subject, a relative pronoun's antecedent, the
//! lone subject before a colon, the owner of "the words of X", and who issued a statement a
//! sentence tells of.
//!
//! Owns where a subject starts and what it stands for. It must not find reporting verbs
//! (that is `verbs`) nor read the inside of a noun phrase (that is `phrase`).

use crate::build::extract::registry::Mention;
use crate::build::extract::{adjacent, adjacent_or_soft, Sent};
use crate::knowledge::Speaker;
use crate::text::CharMap;

use super::Reader;

impl Reader<'_> {
    /// Who a relative pronoun after a comma at token `end` stands for: the one person named
    /// right before the comma ("Vask, who"), or the unnamed source or body that ends there ("a
    /// Caldrian official, who"). A person after a preposition ("a spokesperson for Vask, who")
    /// or owned ("Vask's aide, who") settles nothing.
    pub(super) fn antecedent(
        &mut self,
        s: &Sent,
        end: usize,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let toks = &s.tokens;
        // "Bruno Achterberg of the Harsk Tribune, who": the person before the body they belong
        // to.
        let of_body = mentions.iter().find(|m| {
            m.end + 2 < end
                && toks[m.end].norm == "of"
                && (m.start == 0
                    || !self.c.affiliation_words.contains(&toks[m.start - 1].norm)
                    || self.c.source_prepositions.contains(&toks[m.start - 1].norm))
                && !toks[m.end - 1].possessive
                && (m.end + 1..end).all(|k| {
                    (toks[k].capital || toks[k].norm == "the")
                        && adjacent(s.hay, toks[k - 1].end, toks[k].start)
                })
                && (m.end + 1..end).any(|k| self.c.body_nouns.contains(&toks[k].norm))
        });
        if let Some(pi) = of_body.and_then(|m| m.person) {
            return Some(self.person_speaker(pi));
        }
        if let Some(m) = mentions.iter().find(|m| m.end == end) {
            let governed = m.start > 0
                && (self.c.affiliation_words.contains(&toks[m.start - 1].norm)
                    || self.c.place_prepositions.contains(&toks[m.start - 1].norm));
            if governed || toks[m.end - 1].possessive {
                self.reason = Some(format!(
                    "“{}” before “{}” may not be who it stands for",
                    toks[m.start].base(s.hay),
                    toks[end].text(s.hay)
                ));
                return None;
            }
            return m.person.map(|pi| self.person_speaker(pi));
        }
        let mut det = (end.saturating_sub(5)..end)
            .rev()
            .find(|&k| self.c.source_determiners.contains(&toks[k].norm))?;
        // "a senior official": back to the first determiner.
        while det > 0
            && self.c.source_determiners.contains(&toks[det - 1].norm)
            && adjacent(s.hay, toks[det - 1].end, toks[det].start)
        {
            det -= 1;
        }
        if (det + 1..end).any(|k| !adjacent(s.hay, toks[k - 1].end, toks[k].start))
            || mentions.iter().any(|m| m.start >= det && m.start < end)
        {
            return None;
        }
        self.source_phrase(s, det, end, mentions, n, map)
    }
    /// Who puts out the written statement a sentence tells of ("The office of President Anton
    /// Vesh issued a statement", "Brandt's office has released a short statement", "The
    /// mediator, envoy Oona Castell, has issued a statement"): the one known person who is the
    /// subject, else the unnamed body or source the sentence opens with; None when the sentence
    /// quotes anyone or names anyone else before its verb.
    pub(in crate::build::extract) fn issuer(
        &mut self,
        s: &Sent,
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let toks = &s.tokens;
        let quotes = s.quotes();
        if quotes.iter().any(|q| q.close > s.start && q.open < s.end) {
            return None;
        }
        // "has issued a statement", or a reporting verb "in a statement" ("the ministry says in
        // a statement that ...").
        let v = (0..toks.len()).find(|&i| {
            self.c.issuing_verbs.contains(&toks[i].norm)
                || (self.c.reporting_verbs.contains(&toks[i].norm)
                    && toks.get(i + 1).is_some_and(|t| t.norm == "in")
                    && (i + 2..toks.len().min(i + 4))
                        .any(|j| self.c.speech_nouns.contains(&toks[j].norm)))
        })?;
        let speech =
            (v + 1..toks.len().min(v + 5)).any(|i| self.c.speech_nouns.contains(&toks[i].norm));
        if !speech || self.here_unknown.is_some_and(|u| u < v) || self.lone_sex.is_some() {
            return None;
        }
        let before: Vec<Mention> = self.here.iter().copied().filter(|m| m.end <= v).collect();
        if let Some(m) =
            crate::build::extract::sentence_subject::subject_mention(s, &before, self.c)
        {
            let pi = m.person?;
            return before
                .iter()
                .all(|x| x.person == Some(pi))
                .then(|| self.person_speaker(pi));
        }
        let k = (0..v).find(|&i| !toks[i].numeric)?;
        let noun = (k..v.min(k + 4)).find(|&i| {
            self.c.body_nouns.contains(&toks[i].norm) || self.c.source_nouns.contains(&toks[i].norm)
        })?;
        // "The office of President Anton Vesh": the person it belongs to ends it.
        let titles = s.titles(self.c);
        let end = before
            .iter()
            .find(|m| {
                m.start > noun
                    && m.start <= noun + 3
                    && (noun + 1..m.start).all(|j| {
                        titles[j]
                            || self.c.title_joiners.contains(&toks[j].norm)
                            || self.c.role_modifiers.contains(&toks[j].norm)
                    })
            })
            .map_or(noun + 1, |m| m.end);
        if before
            .iter()
            .any(|m| m.end > end || (m.end <= noun && !toks[m.end - 1].possessive))
        {
            return None;
        }
        self.source_phrase(s, k, end, &before, n, map)
    }
    /// "It reads in full:", "The statement, translated by the Post, is given below": a sentence
    /// about a written statement itself, whose words are those of who issued it.
    pub(in crate::build::extract) fn about_the_statement(&self, s: &Sent) -> bool {
        let toks = &s.tokens;
        let Some(k) = (0..toks.len()).find(|&i| !toks[i].numeric) else {
            return false;
        };
        let it_reads = self.c.non_person_subjects.contains(&toks[k].norm)
            && toks[k].norm == "it"
            && (k + 1..toks.len().min(k + 3))
                .any(|i| self.c.document_verbs.contains(&toks[i].norm));
        let the_statement = self.c.source_determiners.contains(&toks[k].norm)
            && toks
                .get(k + 1)
                .is_some_and(|t| self.c.speech_nouns.contains(&t.norm));
        it_reads || the_statement
    }
    /// "read out a message from a listener on the text line: “...”", "welcomes the statement
    /// of the foreign minister, X, that the accord “...”", "Her message, read out by an aide:
    /// “...”": a noun for someone's words among tokens `[from, to)` (`to` the quotation's
    /// opening), owned by the phrase after "from" or "of" or by a possessive pronoun right
    /// before it, with only a colon or a "that" clause between that owner and the quotation.
    /// `Some` with the owner (or `None` and the reason when the text does not settle who that
    /// is) when such a noun stands there; `None` when none does. After a verb (`object`), the
    /// noun must be its object, a determiner and a word at most after it ("welcomes the
    /// statement of X", not "said of the statement of X"), and owned by a preposition's phrase.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn words_owner(
        &mut self,
        s: &Sent,
        from: usize,
        to: usize,
        object: bool,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Option<Speaker>> {
        let toks = &s.tokens;
        if to == 0 || to > toks.len() {
            return None;
        }
        let open = s.hay[toks[to - 1].end..]
            .find(['“', '"'])
            .map(|at| toks[to - 1].end + at)?;
        let speech = |k: usize| {
            self.c.speech_nouns.contains(&toks[k].norm)
                || self.c.document_nouns.contains(&toks[k].norm)
        };
        let k = (from..to).find(|&k| {
            speech(k)
                && (toks
                    .get(k + 1)
                    .is_some_and(|t| k + 2 < to && self.c.owner_prepositions.contains(&t.norm))
                    || !object
                        && k > from
                        && self.c.role_introducers.contains(&toks[k - 1].norm)
                        && self.sex_of(&toks[k - 1].norm).is_some())
        })?;
        if object
            && (k > from + 2
                || (from..k).any(|j| {
                    toks[j].capital
                        || self.c.owner_prepositions.contains(&toks[j].norm)
                        || self.c.place_prepositions.contains(&toks[j].norm)
                        || !adjacent(s.hay, toks[j].end, toks[j + 1].start)
                }))
        {
            return None;
        }
        let owned = k + 2 < to && self.c.owner_prepositions.contains(&toks[k + 1].norm);
        // "The statement from Mr Vesh’s office ends:": words that open the sentence as its
        // subject are read as its subject (`colon_speaker`), the verb after them aside.
        if owned && !object && k <= from + 1 {
            return None;
        }
        // The owner phrase ends at "that" or at the colon before the quotation.
        let start = if owned { k + 2 } else { k + 1 };
        let that = (start..to).find(|&j| self.c.clause_words.contains(&toks[j].norm));
        let colon = s.hay[toks[to - 1].end..open].trim() == ":";
        let end = match that {
            Some(j) if j > start => j,
            _ if colon => to,
            _ => return None,
        };
        // No other verb of speaking between the owner and the quotation.
        if (end..to).any(|j| self.c.reporting_verbs.contains(&toks[j].norm)) {
            return None;
        }
        if !owned {
            let (pronoun, reason) = (self.pronoun, self.reason.take());
            let found = self.resolve_reference(s, k - 1, None);
            let why = self.reason.take();
            (self.pronoun, self.reason) = (pronoun, reason);
            if found.is_none() {
                self.reason = why;
            }
            return Some(found);
        }
        // "the Foreign Minister of Ellanor, Teodora Glass,": the one person the phrase names.
        let named: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.start >= start && m.end <= end)
            .collect();
        if let [m] = named[..] {
            if let Some(pi) = m.person.filter(|_| !toks[m.end - 1].possessive) {
                return Some(Some(self.person_speaker(pi)));
            }
        }
        let stop = (start + 1..end)
            .find(|&j| s.hay[toks[j - 1].end..toks[j].start].contains(','))
            .unwrap_or(end);
        let found = self.resolve_phrase(s, start, stop, mentions, n, map);
        if found.is_none() && self.reason.is_none() {
            self.reason = Some(format!(
                "the words are those of “{}”, whom the text does not name as one person or body",
                &s.hay[toks[start].start..toks[stop - 1].end]
            ));
        }
        Some(found)
    }
    /// "Vilk was blunt: “...”", "A government spokesman hit back: “...”": a quotation after a
    /// colon, with no reporting verb, is the words of the sentence's subject when the words
    /// before the colon name that one person (as the subject, or after "from": "More from X:")
    /// or that one source, and no one else.
    pub(in crate::build::extract) fn colon_speaker(
        &mut self,
        s: &Sent,
        open: usize,
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        if !s.hay[s.start..open].trim_end().ends_with(':') {
            return None;
        }
        let toks = &s.tokens;
        let k_end = toks.iter().take_while(|t| t.end <= open).count();
        if k_end == 0 {
            return None;
        }
        let here = self.here.clone();
        if let Some(owner) = self.words_owner(s, 0, k_end, false, &here, n, map) {
            return owner;
        }
        let before: Vec<Mention> = self
            .here
            .iter()
            .copied()
            .filter(|m| m.end <= k_end)
            .collect();
        // "Marsh quotes the historian Paulina Strand: “...”": the one person named after a verb
        // of citing, ending the words before the colon, speaks.
        if let Some(cite) = (0..k_end)
            .rev()
            .find(|&k| self.c.citing_verbs.contains(&toks[k].norm))
        {
            let after: Vec<&Mention> = before.iter().filter(|m| m.start > cite).collect();
            if let [m] = after[..] {
                if m.end == k_end && !toks[m.end - 1].possessive {
                    if let Some(pi) = m.person {
                        return Some(self.person_speaker(pi));
                    }
                }
            }
        }
        if k_end == 0 || self.here_unknown.is_some_and(|u| u < k_end) {
            return None;
        }
        // "Vilk was blunt:": the one person named, as the subject, and not as an owner
        // ("Vilk’s spokesman was blunt:" is the spokesman's).
        if let [m] = before[..] {
            let subject =
                crate::build::extract::sentence_subject::subject_mention(s, &before, self.c);
            if let (Some(pi), Some(sub)) = (m.person, subject) {
                if sub.person == Some(pi) && !toks[m.end - 1].possessive {
                    return Some(Speaker::Person(self.person_id(pi)));
                }
            }
            // "More from Anvers, who is speaking now:": words from the one person named.
            if let Some(pi) = m.person.filter(|_| {
                m.start > 0
                    && self.c.source_prepositions.contains(&toks[m.start - 1].norm)
                    && !toks[m.end - 1].possessive
            }) {
                return Some(Speaker::Person(self.person_id(pi)));
            }
        }
        // "A government spokesman hit back:", "The statement from Mr Vesh’s office ends:": the
        // source phrase opening the sentence, up to its last noun, holding every person named.
        let first = usize::from(self.c.source_determiners.contains(&toks[0].norm));
        let is_noun = |k: usize| {
            self.c.source_nouns.contains(&toks[k].norm) || self.c.body_nouns.contains(&toks[k].norm)
        };
        if !(first..k_end.min(first + 4)).any(is_noun) {
            return None;
        }
        let last = (first..k_end.min(first + 8))
            .take_while(|&k| k == 0 || adjacent(s.hay, toks[k - 1].end, toks[k].start))
            .filter(|&k| is_noun(k))
            .last()?;
        // "An aide to Quist, who ...:": the one the source speaks for ends the phrase.
        let end = before
            .iter()
            .find(|m| {
                m.start == last + 2
                    && self.c.affiliation_words.contains(&toks[last + 1].norm)
                    && adjacent(s.hay, toks[last].end, toks[last + 1].start)
                    && adjacent(s.hay, toks[last + 1].end, toks[m.start].start)
            })
            .map_or(last + 1, |m| m.end);
        if before.iter().any(|m| m.end > end || m.person.is_none()) {
            return None;
        }
        self.source_phrase(s, 0, end, &before, n, map)
    }
    /// "Judit Anvers, a career diplomat who": for a relative word right before token `end`,
    /// with no comma before it, whose antecedent is a role set off by a comma after a name, the
    /// person of that name (`Some(None)` for a surname several people share); None otherwise.
    pub(super) fn appositive_before_relative(
        &mut self,
        s: &Sent,
        end: usize,
        mentions: &[Mention],
    ) -> Option<Option<usize>> {
        let toks = &s.tokens;
        if end < 3
            || !self.c.relative_words.contains(&toks[end - 1].norm)
            || !adjacent(s.hay, toks[end - 2].end, toks[end - 1].start)
        {
            return None;
        }
        let rel = end - 1;
        let start = self.clause_start(s, rel);
        if start == 0
            || start >= rel
            || !s.hay[toks[start - 1].end..toks[start].start].contains(',')
        {
            return None;
        }
        let titles = s.titles(self.c);
        let role = self.c.role_articles.contains(&toks[start].norm)
            && (start..rel).any(|k| titles[k] || self.c.source_nouns.contains(&toks[k].norm))
            && !mentions.iter().any(|m| m.start >= start && m.start < rel);
        if !role {
            return None;
        }
        let m = mentions
            .iter()
            .find(|m| m.end == start && !toks[m.end - 1].possessive)?;
        if m.person.is_none() {
            self.reason = Some(format!(
                "“{}” is a surname several people share and the text does not say whose",
                toks[m.start].base(s.hay)
            ));
        }
        Some(m.person)
    }
    /// "his “sea thieves” remark", "Vask's “red line” comment": a quotation between a possessive
    /// and a noun for words said is the owner's words, when the text settles who owns them.
    pub(in crate::build::extract) fn owner_of_words(
        &mut self,
        s: &Sent,
        open: usize,
        close: usize,
    ) -> Option<Speaker> {
        let toks = &s.tokens;
        let before = toks.iter().rposition(|t| t.end <= open)?;
        let after = toks.iter().position(|t| t.start >= close)?;
        if !self.c.speech_nouns.contains(&toks[after].norm)
            || !s.hay[toks[before].end..open].trim().is_empty()
            || !s.hay[close..toks[after].start].trim().is_empty()
        {
            return None;
        }
        let t = &toks[before];
        if let (true, Some(male)) = (
            self.c.role_introducers.contains(&t.norm),
            self.sex_of(&t.norm),
        ) {
            // People named before it in the sentence: the one of them the pronoun's sex
            // leaves, and never anyone named earlier.
            let named: Vec<Option<usize>> = self
                .here
                .iter()
                .filter(|m| m.end <= before)
                .map(|m| m.person)
                .collect();
            if !named.is_empty() {
                let mut left: Vec<usize> = Vec::new();
                for p in &named {
                    let p = (*p)?;
                    if self.courtesy_sex(p) != Some(!male) && !left.contains(&p) {
                        left.push(p);
                    }
                }
                return match left[..] {
                    [one] => Some(self.person_speaker(one)),
                    _ => None,
                };
            }
            let (pronoun, reason) = (self.pronoun, self.reason.take());
            let found = self.resolve_reference(s, before, None);
            (self.pronoun, self.reason) = (pronoun, reason);
            return found;
        }
        let m = self
            .here
            .iter()
            .find(|m| m.end == before + 1 && t.possessive)
            .copied()?;
        m.person.map(|pi| self.person_speaker(pi))
    }
    /// "a demand Sorvenia has called “...”", "the plan Vilk described as “...”": in a relative
    /// clause with no "that", the name right before the verb is its subject, when it is one known
    /// person or a party.
    pub(super) fn relative_subject(
        &mut self,
        s: &Sent,
        start: usize,
        end: usize,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let toks = &s.tokens;
        let mut t = end;
        while t > start && toks[t - 1].capital && adjacent(s.hay, toks[t - 1].end, toks[t].start) {
            t -= 1;
        }
        let head_ok = t > start + 1
            && t - start <= 3
            && self.c.source_determiners.contains(&toks[start].norm)
            && toks[start + 1..t]
                .iter()
                .all(|x| !x.capital && !x.numeric && !self.c.stopwords.contains(&x.norm));
        if !head_ok || t == end {
            return None;
        }
        if let Some(m) = mentions.iter().find(|m| m.start == t && m.end == end) {
            return m.person.map(|pi| Speaker::Person(self.person_id(pi)));
        }
        let parties = s.parties(self.c);
        if (t..end).all(|k| parties[k].is_some()) {
            let party = parties[t].map(|p| self.c.lexicon.parties[p].id.clone());
            return Some(self.add_source(s, t, end, None, party, n, map));
        }
        None
    }
    /// Where the clause that ends before token `end` starts: back to punctuation, a clause word
    /// ("that", "which", "when") or another reporting verb.
    pub(super) fn clause_start(&self, s: &Sent, end: usize) -> usize {
        let toks = &s.tokens;
        let mut start = end;
        while start > 0 {
            let prev = &toks[start - 1];
            let gap = &s.hay[prev.end..toks[start].start];
            if gap.contains([',', ';', ':', '—', '–', '“', '”', '"', '(', ')'])
                || self.c.clause_words.contains(&prev.norm)
                || self.c.reporting_verbs.contains(&prev.norm)
            {
                break;
            }
            start -= 1;
        }
        start
    }
    /// The subject at the start of a sentence: an unnamed source or a named person.
    pub(super) fn sentence_subject(
        &mut self,
        s: &Sent,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let toks = &s.tokens;
        if toks.is_empty() {
            return None;
        }
        // An owner is not the subject ("Belling's office ... added"), though the name set off
        // after the owner's role is ("Vask's deputy, Hanne Solberg, ...").
        let first = mentions.first().copied().and_then(|m| {
            if toks[m.end - 1].possessive {
                crate::build::extract::sentence_subject::subject_mention(s, mentions, self.c)
            } else {
                Some(m)
            }
        });
        if let Some(m) = first {
            let m = &m;
            let titles = s.titles(self.c);
            let parties = s.parties(self.c);
            let lead_is_role = (0..m.start).all(|k| {
                titles[k]
                    || parties[k].is_some()
                    || self.c.role_modifiers.contains(&toks[k].norm)
                    || toks[k].possessive
                    || self.c.honorifics.contains_key(toks[k].base(s.hay))
            });
            // "Its envoy, Oskar Brenn, said": a role set off before the name is the name's.
            let appositive = m.start > 0
                && s.hay[toks[m.start - 1].end..toks[m.start].start].contains(',')
                && (0..m.start).any(|k| titles[k])
                && (0..m.start).all(|k| {
                    titles[k]
                        || parties[k].is_some()
                        || toks[k].possessive
                        || self.c.role_modifiers.contains(&toks[k].norm)
                        || self.c.stopwords.contains(&toks[k].norm)
                });
            if (lead_is_role && !self.c.source_determiners.contains(&toks[0].norm)) || appositive {
                let Some(pi) = m.person else {
                    self.reason = Some(format!(
                        "“{}” is a surname several people share and the text does not say whose",
                        toks[m.start].base(s.hay)
                    ));
                    return None;
                };
                return Some(Speaker::Person(self.person_id(pi)));
            }
        }
        // A source phrase: up to the end of a person named in it, else a few words.
        let end = mentions
            .iter()
            .find(|m| m.start < 8 && !toks[m.end - 1].possessive)
            .map(|m| m.end)
            .unwrap_or_else(|| {
                // Up to a gap, or to the first word of the verb ("Farmers in the lower Orrin
                // basin have given ..."), else a few words.
                (1..toks.len().min(7))
                    .find(|&k| {
                        !adjacent_or_soft(s.hay, toks[k - 1].end, toks[k].start)
                            || (k > 1
                                && (self.c.verb_fillers.contains(&toks[k].norm)
                                    || self.c.reporting_verbs.contains(&toks[k].norm)))
                    })
                    .unwrap_or(toks.len().min(4))
            });
        self.source_phrase(s, 0, end.min(toks.len()), mentions, n, map)
    }
}
