//! "How old is X?": a person's age as news writing gives it, an apposition after a word of
//! their name ("Pavel, 58, is ..."), or "aged 58" / "the 58-year-old" in a sentence naming no
//! one else (the markers are `age_before` and `age_after` in `config/language.toml`). Owns
//! finding the age; no sentence giving it declines as a number not given. Must not guess an age
//! from any other number.

use regex::Regex;

use crate::answer::Answer;
use crate::engine::decide::DeclineReason;
use crate::engine::understand::Query;
use crate::engine::{Engine, FactRef};
use crate::text::tokenize;

/// The oldest age read as one; a larger number after a name is something else.
const MAX_AGE: u32 = 120;

impl Engine {
    /// True when a how-many question asks a person's age ("how old", "what age"): a word of
    /// `age_words` right after "how", or one of them as the question's noun.
    pub(crate) fn asks_age(&self, q: &Query) -> bool {
        let words = &self.knowledge.lexicon.language.age_words;
        q.people.len() == 1
            && q.tokens.iter().enumerate().any(|(k, t)| {
                words.iter().any(|w| w == &t.norm)
                    && (k == 0 || q.tokens[k - 1].norm == "how" || t.norm != words[0])
            })
    }

    /// The age of the one person asked about, with the sentences giving it; a decline when no
    /// sentence does.
    pub(crate) fn age_answer(&self, clean: &str, q: &Query) -> Answer {
        let p = q.people[0];
        let person = &self.knowledge.people[p];
        let lang = &self.knowledge.lexicon.language;
        let name_words: Vec<String> = tokenize(&person.name)
            .iter()
            .map(|t| regex::escape(t.base(&person.name)))
            .collect();
        let apposition = Regex::new(&format!(r"\b(?:{}), (\d{{1,3}}),", name_words.join("|")));
        let marker = |list: &[String], before: bool| {
            let alts: Vec<String> = list.iter().map(|m| regex::escape(m)).collect();
            let re = if before {
                format!(r"(?i)\b(?:{}) (\d{{1,3}})\b", alts.join("|"))
            } else {
                format!(r"(?i)\b(\d{{1,3}})(?:{})", alts.join("|"))
            };
            Regex::new(&re).ok()
        };
        let markers: Vec<Regex> = [
            marker(&lang.age_before, true),
            marker(&lang.age_after, false),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut facts: Vec<(FactRef, f32)> = Vec::new();
        let mut age: Option<u32> = None;
        for &s in self.person_sents.get(p).into_iter().flatten() {
            let text = self.sentence_text(s);
            let by_name = apposition
                .as_ref()
                .ok()
                .and_then(|re| re.captures(text))
                .and_then(|c| c[1].parse::<u32>().ok());
            // A marker without the name beside it is theirs only when no one else is named.
            let alone = self.sents[s].people.iter().all(|&o| o == p);
            let by_marker = markers
                .iter()
                .filter(|_| alone)
                .find_map(|re| re.captures(text))
                .and_then(|c| c[1].parse::<u32>().ok());
            if let Some(a) = by_name.or(by_marker).filter(|a| (1..=MAX_AGE).contains(a)) {
                age.get_or_insert(a);
                facts.push((FactRef::Sentence(s), 1.0));
            }
        }
        let Some(age) = age else {
            return self.decline(clean, q, DeclineReason::NumberNotGiven, Vec::new());
        };
        let lead = format!("The sources give **{}**'s age as {age}:", person.name);
        self.finish(clean, q, lead, facts, true)
    }
}

#[cfg(test)]
mod tests {
    /// An age given between commas after a name, for a person found by name or by role; a
    /// person whose age no sentence gives is a number not given, never another number.
    #[test]
    fn an_age_is_read_after_the_name_or_declined() {
        let e = super::super::own_quotes();
        for (q, age) in [
            ("how old is greta holm", "64"),
            ("how old is halvark's chief negotiator", "58"),
        ] {
            let a = e.ask(q, None);
            assert!(a.answered, "{q}: {}", a.to_markdown());
            assert!(
                a.lead.ends_with(&format!("age as {age}:")),
                "{q}: {}",
                a.lead
            );
        }
        let a = e.ask("how old is ruth kessling", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no sentence gives the number asked for")
        );
    }
}
