//! Parties and topics in a question, the words the sources never use (a misspelt name, or a
//! name they do not know), and which slot is the question's subject. Owns slot recognition
//! beyond people; must not weigh terms (that is `terms.rs`).

use super::{push_unique_usize, Query};
use crate::engine::Engine;
use crate::english::english;
use crate::intent::IntentMatch;
use crate::text::{normalize, tokenize};

impl Engine {
    /// Parties by alias and topics by lexicon; returns the stem of every token (the keys the
    /// later steps share).
    pub(crate) fn find_parties_and_topics(&self, q: &mut Query, used: &mut [bool]) -> Vec<String> {
        for hit in self.lex.parties.find(&q.tokens) {
            push_unique_usize(&mut q.parties, hit.entity);
            q.spans.push((false, hit.entity, hit.start, hit.end));
            for u in &mut used[hit.start..hit.end] {
                *u = true;
            }
        }
        let keys: Vec<String> = q.tokens.iter().map(|t| self.stem(&t.norm)).collect();
        for hit in self.lex.topics.find_keys(&q.tokens, &keys) {
            push_unique_usize(&mut q.topics, hit.entity);
            for u in &mut used[hit.start..hit.end] {
                *u = true;
            }
        }
        keys
    }

    /// Words the sources never use: a misspelt name becomes that person, a name they do not
    /// know is kept to decline with.
    pub(crate) fn find_unknown_words(
        &self,
        clean: &str,
        intent: &IntentMatch,
        keys: &[String],
        q: &mut Query,
        used: &mut [bool],
    ) {
        // Words the sources never use: misspelt names, or names they do not know.
        for (k, t) in q.tokens.iter().enumerate() {
            if used[k]
                || self.lex.stopwords.contains(&t.norm)
                || self.norms.contains(&t.norm)
                || t.numeric
            {
                continue;
            }
            let stem_known = self.index.contains(&keys[k]);
            // An ordinary English word typed in lowercase is not a misspelt name ("price" is
            // not "Prime").
            let english_word = english().is_common(&t.norm, self.settings.tuning.terms.common_zipf);
            if let Some(p) = (!english_word || t.capital)
                .then(|| self.fuzzy_person(&t.norm))
                .flatten()
            {
                push_unique_usize(&mut q.people, p);
                q.spans.push((true, p, k, k + 1));
                used[k] = true;
                continue;
            }
            if stem_known || self.filler.contains(&t.norm) {
                continue;
            }
            let original = t.base(clean);
            // A word the sources never use is a name when it is capitalised mid-sentence, or
            // when it is the short subject of "who is X" / "what did X say" (not "the X ...").
            let x_words: Vec<String> = intent
                .x
                .as_deref()
                .map(|x| {
                    normalize(x)
                        .split_whitespace()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                        .collect()
                })
                .unwrap_or_default();
            let x_is_name = !x_words.is_empty()
                && x_words.len() <= 3
                && !self.lex.description_openers.contains(&x_words[0])
                && !self.lex.synonyms.contains_key(&keys[k]);
            let name_like = (t.capital && k > 0)
                || x_is_name && !english_word && x_words.iter().any(|w| w == &t.norm);
            if name_like
                && t.norm.chars().count() >= 3
                && t.norm
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            {
                q.unknown_names.push(original.to_string());
            }
        }
    }

    /// The subject: the person or party inside the `x` capture, else the first found; the
    /// other slots' words are kept as topic words.
    pub(crate) fn pick_subject(&self, intent: &IntentMatch, keys: &[String], q: &mut Query) {
        // The subject is the person or party inside the `x` capture, else the first found.
        if let Some(x) = intent.x.as_deref() {
            let xs: Vec<String> = tokenize(x).iter().map(|t| t.norm.clone()).collect();
            if let Some(start) =
                (0..q.tokens.len()).find(|&i| xs.first().is_some_and(|f| &q.tokens[i].norm == f))
            {
                let end = start + xs.len();
                if let Some(&(is_person, idx, _, _)) = q
                    .spans
                    .iter()
                    .find(|sp| sp.2 >= start && sp.3 <= end && sp.0)
                {
                    let _ = is_person;
                    q.people.retain(|&p| p != idx);
                    q.people.insert(0, idx);
                } else if let Some(&(_, idx, _, _)) = q
                    .spans
                    .iter()
                    .find(|sp| sp.2 >= start && sp.3 <= end && !sp.0)
                {
                    q.parties.retain(|&p| p != idx);
                    q.parties.insert(0, idx);
                    q.subject_is_party = true;
                } else {
                    // Not "what did he say" (a follow-up's person), "what was said", a name
                    // several people share ("Hadek's wife", told apart later), nor a person
                    // whose name runs past the capture ("the secretary of | state").
                    q.subject_not_found = q.ambiguous.is_empty()
                        && !q.spans.iter().any(|sp| sp.2 < end && sp.3 > start)
                        && tokenize(x).iter().any(|t| {
                            !self.lex.stopwords.contains(&t.norm)
                                && !self.lex.followup_pronouns.contains(&t.norm)
                                && !self.filler.contains(&t.norm)
                        });
                }
            }
        }
        let subject_span = if q.subject_is_party {
            q.spans
                .iter()
                .find(|sp| !sp.0 && Some(&sp.1) == q.parties.first())
        } else {
            q.spans
                .iter()
                .find(|sp| sp.0 && Some(&sp.1) == q.people.first())
        };
        for sp in &q.spans {
            if Some(sp) != subject_span {
                q.other_slot_terms.extend(keys[sp.2..sp.3].iter().cloned());
            }
        }
    }
}
