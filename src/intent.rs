//! Question -> intent and raw slots, from the patterns in `config/intents.toml`.
//!
//! The patterns are compiled once into a [`regex::RegexSet`] (which reports every matching
//! pattern in one pass) plus one [`regex::Regex`] per pattern for its captures. User text is only
//! ever the haystack, never a pattern. Recognising people, parties and topics in the captured text
//! is the engine's job, against the knowledge file.

use regex::{Regex, RegexSet};
use serde::Deserialize;

const DEFAULT_INTENTS: &str = include_str!("../config/intents.toml");

#[derive(Deserialize)]
struct IntentFile {
    intent: Vec<IntentDef>,
}

#[derive(Deserialize)]
struct IntentDef {
    name: String,
    patterns: Vec<String>,
}

/// A bad intents file.
#[derive(Debug, thiserror::Error)]
pub enum IntentError {
    /// Not the TOML expected.
    #[error("intents file is not valid TOML: {0}")]
    Toml(String),
    /// A pattern that does not compile.
    #[error("intent {intent:?}: pattern {pattern:?} does not compile: {message}")]
    Pattern {
        /// The intent.
        intent: String,
        /// The pattern.
        pattern: String,
        /// The regex error.
        message: String,
    },
}

/// What the matcher found in a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntentMatch {
    /// Intent name ("said", "who", ..., or "search" when nothing matched).
    pub name: String,
    /// Which pattern matched, as `name#k`.
    pub pattern: Option<String>,
    /// The `x` capture: who or what the question is about.
    pub x: Option<String>,
    /// The `t` capture: the topic.
    pub t: Option<String>,
}

/// The compiled patterns.
#[derive(Debug, Clone)]
pub struct IntentMatcher {
    set: RegexSet,
    regexes: Vec<Regex>,
    owners: Vec<(String, usize)>,
}

impl IntentMatcher {
    /// Compiles an intents file.
    pub fn from_toml(text: &str) -> Result<IntentMatcher, IntentError> {
        let file: IntentFile =
            toml::from_str(text).map_err(|e| IntentError::Toml(e.to_string()))?;
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        let mut regexes = Vec::new();
        for def in &file.intent {
            for (k, p) in def.patterns.iter().enumerate() {
                let re = Regex::new(p).map_err(|e| IntentError::Pattern {
                    intent: def.name.clone(),
                    pattern: p.clone(),
                    message: e.to_string(),
                })?;
                regexes.push(re);
                patterns.push(p.clone());
                owners.push((def.name.clone(), k + 1));
            }
        }
        let set = RegexSet::new(&patterns).map_err(|e| IntentError::Pattern {
            intent: "(all)".into(),
            pattern: String::new(),
            message: e.to_string(),
        })?;
        Ok(IntentMatcher {
            set,
            regexes,
            owners,
        })
    }

    /// The patterns compiled into the binary (`config/intents.toml`).
    pub fn builtin() -> IntentMatcher {
        IntentMatcher::from_toml(DEFAULT_INTENTS)
            .expect("the built-in config/intents.toml compiles")
    }

    /// The first intent (in file order) whose pattern matches the normalised question.
    pub fn match_intent(&self, question: &str) -> IntentMatch {
        let Some(first) = self.set.matches(question).iter().next() else {
            return IntentMatch {
                name: "search".into(),
                pattern: None,
                x: None,
                t: None,
            };
        };
        let caps = self.regexes[first].captures(question);
        let get = |name: &str| {
            caps.as_ref()
                .and_then(|c| c.name(name))
                .map(|m| m.as_str().trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let (name, k) = &self.owners[first];
        IntentMatch {
            name: name.clone(),
            pattern: Some(format!("{name}#{k}")),
            x: get("x"),
            t: get("t"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent(q: &str) -> (String, Option<String>, Option<String>) {
        let m = IntentMatcher::builtin().match_intent(q);
        (m.name, m.x, m.t)
    }

    #[test]
    fn intents_match_their_questions() {
        let cases = [
            ("hello", "greeting"),
            ("help", "help"),
            ("what sources do you have?", "sources"),
            ("who is steve witkoff?", "who"),
            ("what did vance say about territorial swaps?", "said"),
            ("where does europe stand on crimea?", "position"),
            ("what does kyiv want?", "position"),
            ("when did the talks take place?", "when"),
            ("where were the talks held?", "where"),
            ("how much of ukraine does russia control?", "how_many"),
            ("why did rubio skip the meeting?", "why"),
            ("tl;dr", "summary"),
            ("what was in the us proposal?", "proposal"),
            ("who said the talks were substantive?", "who_said"),
            ("nato?", "search"),
        ];
        for (q, want) in cases {
            assert_eq!(intent(q).0, want, "question {q:?}");
        }
    }

    #[test]
    fn captures_carry_the_slots() {
        let (_, x, t) = intent("what did vance say about territorial swaps?");
        assert_eq!(x.as_deref(), Some("vance"));
        assert_eq!(t.as_deref(), Some("territorial swaps?"));
        let (_, x, _) = intent("who is the source close to the discussions?");
        assert_eq!(x.as_deref(), Some("the source close to the discussions"));
    }

    #[test]
    fn not_matching_other_intents() {
        assert_ne!(intent("what did vance say?").0, "who");
        assert_ne!(intent("where does ukraine stand on nato?").0, "where");
        assert_ne!(intent("who said it?").0, "who");
    }

    #[test]
    fn bad_patterns_are_errors() {
        let e = IntentMatcher::from_toml("[[intent]]\nname = \"x\"\npatterns = ['(']").unwrap_err();
        assert!(e.to_string().contains("does not compile"));
    }
}
