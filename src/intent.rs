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

/// What a question asks for: the answer kind the engine gives. The names are the ones
/// `config/intents.toml` uses; a name there that is not one of these is a load error
/// ([`IntentError::UnknownIntent`]), so a typo cannot send its questions to search unnoticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Intent {
    /// "hello".
    Greeting,
    /// "what can you do?".
    Help,
    /// "which articles do you have?".
    Sources,
    /// "do you think ...?": opinions and predictions, declined.
    Opinion,
    /// "who said ...?".
    WhoSaid,
    /// "what did X say (about T)?".
    Said,
    /// "where does X stand (on T)?".
    Position,
    /// "summary", "what happened?".
    Summary,
    /// "what was in the proposal?".
    Proposal,
    /// "who is X?".
    Who,
    /// "when ...?".
    When,
    /// "where ...?".
    Where,
    /// "how many ...?".
    HowMany,
    /// "why ...?".
    Why,
    /// No pattern matched: retrieval over the sentences.
    Search,
    /// The dated events in order (the `/timeline` command).
    Timeline,
}

impl Intent {
    /// Every intent, in the order the error message lists them.
    pub const ALL: [Intent; 16] = [
        Intent::Greeting,
        Intent::Help,
        Intent::Sources,
        Intent::Opinion,
        Intent::WhoSaid,
        Intent::Said,
        Intent::Position,
        Intent::Summary,
        Intent::Proposal,
        Intent::Who,
        Intent::When,
        Intent::Where,
        Intent::HowMany,
        Intent::Why,
        Intent::Search,
        Intent::Timeline,
    ];

    /// The name used in `config/intents.toml`, in answers and in the follow-up context.
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Greeting => "greeting",
            Intent::Help => "help",
            Intent::Sources => "sources",
            Intent::Opinion => "opinion",
            Intent::WhoSaid => "who_said",
            Intent::Said => "said",
            Intent::Position => "position",
            Intent::Summary => "summary",
            Intent::Proposal => "proposal",
            Intent::Who => "who",
            Intent::When => "when",
            Intent::Where => "where",
            Intent::HowMany => "how_many",
            Intent::Why => "why",
            Intent::Search => "search",
            Intent::Timeline => "timeline",
        }
    }

    /// The intent with that name, if there is one.
    pub fn from_name(name: &str) -> Option<Intent> {
        Intent::ALL.into_iter().find(|i| i.as_str() == name)
    }

    /// Answers about Parley itself, not about the sources: no slot is looked up for them.
    pub fn is_meta(self) -> bool {
        matches!(self, Intent::Greeting | Intent::Help | Intent::Sources)
    }
}

impl std::fmt::Display for Intent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The intent names, comma-separated, for error messages.
fn intent_names() -> String {
    Intent::ALL.map(Intent::as_str).join(", ")
}

/// A bad intents file.
#[derive(Debug, thiserror::Error)]
pub enum IntentError {
    /// Not the TOML expected.
    #[error("intents file is not valid TOML: {0}")]
    Toml(String),
    /// An intent name that is not one of [`Intent`]'s.
    #[error("intent {name:?} is not an intent Parley knows; the valid ones are: {valid}")]
    UnknownIntent {
        /// The name as written.
        name: String,
        /// The valid names, comma-separated.
        valid: String,
    },
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
    /// The intent ([`Intent::Search`] when nothing matched).
    pub name: Intent,
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
    owners: Vec<(Intent, usize)>,
    /// Whether the patterns are plain enough for [`ascii_stand_in`] (see there).
    stand_ins: bool,
}

/// A question with non-ASCII characters, each replaced by one ASCII character that the
/// patterns treat alike: a word character (a letter such as the `ö` of a name) by `_`, any
/// other by a control character. Unicode `\b` stops regex's fast automata at the first
/// non-ASCII byte and the set of patterns then takes 10-15 µs instead of under 1 µs; on the
/// stand-in it stays fast, and the first matching pattern is the same provided the patterns
/// have no non-ASCII literal, no `_`, no Unicode class (`\p`, `\d`), no escape naming a
/// character beyond ASCII and no flags, which [`IntentMatcher::from_toml`] checks. `None` for
/// whitespace beyond ASCII, which `\s` and a literal space would tell apart.
fn ascii_stand_in(question: &str) -> Option<String> {
    question
        .chars()
        .map(|c| match c {
            c if c.is_ascii() => Some(c),
            c if c.is_whitespace() => None,
            c if regex_syntax::is_word_character(c) => Some('_'),
            _ => Some('\u{1}'),
        })
        .collect()
}

/// True when a pattern leaves [`ascii_stand_in`] exact.
fn plain_for_stand_ins(pattern: &str) -> bool {
    pattern.is_ascii()
        && !pattern.contains('_')
        // Groups may be named or non-capturing; other `(?` are flags (`(?i)`).
        && pattern
            .match_indices("(?")
            .all(|(i, _)| ["(?P<", "(?<", "(?:"].iter().any(|g| pattern[i..].starts_with(g)))
        && !["\\p", "\\P", "\\d", "\\D", "\\u", "\\U", "[[:"]
            .iter()
            .any(|x| pattern.contains(x))
        // `\x27` (an apostrophe) is fine; `\x{e9}` or `\xe9` name characters beyond ASCII.
        && pattern.match_indices("\\x").all(|(i, _)| {
            let hex = pattern.get(i + 2..i + 4).unwrap_or("");
            hex.len() == 2
                && hex.bytes().all(|b| b.is_ascii_hexdigit())
                && u8::from_str_radix(hex, 16).is_ok_and(|v| v < 0x80)
        })
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
            let intent =
                Intent::from_name(&def.name).ok_or_else(|| IntentError::UnknownIntent {
                    name: def.name.clone(),
                    valid: intent_names(),
                })?;
            for (k, p) in def.patterns.iter().enumerate() {
                let re = Regex::new(p).map_err(|e| IntentError::Pattern {
                    intent: def.name.clone(),
                    pattern: p.clone(),
                    message: e.to_string(),
                })?;
                regexes.push(re);
                patterns.push(p.clone());
                owners.push((intent, k + 1));
            }
        }
        let set = RegexSet::new(&patterns).map_err(|e| IntentError::Pattern {
            intent: "(all)".into(),
            pattern: String::new(),
            message: e.to_string(),
        })?;
        let stand_ins = patterns.iter().all(|p| plain_for_stand_ins(p));
        Ok(IntentMatcher {
            set,
            regexes,
            owners,
            stand_ins,
        })
    }

    /// The patterns compiled into the binary (`config/intents.toml`).
    pub fn builtin() -> IntentMatcher {
        IntentMatcher::from_toml(DEFAULT_INTENTS)
            .expect("the built-in config/intents.toml compiles")
    }

    /// The first intent (in file order) whose pattern matches the normalised question.
    pub fn match_intent(&self, question: &str) -> IntentMatch {
        let stand_in = (self.stand_ins && !question.is_ascii())
            .then(|| ascii_stand_in(question))
            .flatten();
        let first = self
            .set
            .matches(stand_in.as_deref().unwrap_or(question))
            .iter()
            .next();
        let Some(first) = first else {
            return IntentMatch {
                name: Intent::Search,
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
        let (name, k) = self.owners[first];
        IntentMatch {
            name,
            pattern: Some(format!("{name}#{k}")),
            x: get("x"),
            t: get("t"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent(q: &str) -> (&'static str, Option<String>, Option<String>) {
        let m = IntentMatcher::builtin().match_intent(q);
        (m.name.as_str(), m.x, m.t)
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
        let e =
            IntentMatcher::from_toml("[[intent]]\nname = \"who\"\npatterns = ['(']").unwrap_err();
        assert!(e.to_string().contains("does not compile"));
    }

    /// A misspelt intent name fails to load, naming the bad name and listing the good ones,
    /// instead of sending its questions to search.
    #[test]
    fn a_misspelt_intent_name_is_a_load_error_listing_the_valid_ones() {
        let text = DEFAULT_INTENTS.replacen("name = \"position\"", "name = \"postion\"", 1);
        assert_ne!(
            text, DEFAULT_INTENTS,
            "the built-in file has a position intent"
        );
        let e = IntentMatcher::from_toml(&text).unwrap_err();
        assert!(
            matches!(&e, IntentError::UnknownIntent { name, .. } if name == "postion"),
            "{e:?}"
        );
        let msg = e.to_string();
        assert!(msg.contains("\"postion\""), "{msg}");
        for name in Intent::ALL.map(Intent::as_str) {
            assert!(msg.contains(name), "{name} missing from: {msg}");
        }
    }

    #[test]
    fn every_intent_name_reads_back() {
        for i in Intent::ALL {
            assert_eq!(Intent::from_name(i.as_str()), Some(i));
            assert_eq!(i.to_string(), i.as_str());
        }
        assert_eq!(Intent::from_name("Said"), None);
    }

    #[test]
    fn the_built_in_patterns_allow_ascii_stand_ins() {
        assert!(IntentMatcher::builtin().stand_ins);
        assert!(!plain_for_stand_ins(r"(?i)who"));
        assert!(!plain_for_stand_ins(r"\p{L}+"));
        assert!(!plain_for_stand_ins("qui est-ce qu'é"));
        assert!(plain_for_stand_ins(r"^who(\x27s| is) (?P<x>.+?)(?:\?)?$"));
        assert!(!plain_for_stand_ins(r"caf\xe9"));
        assert!(!plain_for_stand_ins(r"caf\x{e9}"));
    }

    /// Words to make questions from: the patterns' own words, and characters beyond ASCII of
    /// every kind (letters, a combining accent, digits, punctuation, emoji).
    const WORDS: &[&str] = &[
        "who",
        "is",
        "what",
        "did",
        "say",
        "about",
        "aldström",
        "ö",
        "é",
        "über",
        "—",
        "…",
        "’s",
        "'s",
        "where",
        "does",
        "stand",
        "on",
        "ceasefire",
        "why",
        "how",
        "many",
        "when",
        "sources",
        "summary",
        "of",
        "the",
        "said",
        "proposal",
        "propose",
        "hello",
        "😀",
        "ñ",
        "x",
        "?",
        "!",
        "tl;dr",
        "help",
        "do",
        "you",
        "whose",
        "words",
        "was",
        "in",
        "élysée",
        "ß",
        "zürich",
        "talks",
        "held",
        "mean",
        "position",
        "want",
        "think",
        "1",
        "٣",
        "²",
        "what's",
        "u.s.",
        "nato",
        "a\u{301}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Questions with characters beyond ASCII match the same pattern through their
        /// stand-ins as through the slow path, which `stand_ins: false` forces. (Standing every
        /// letter in for a control character instead fails this at once.)
        #[test]
        fn stand_ins_pick_the_pattern_the_question_itself_matches(
            words in proptest::collection::vec(proptest::sample::select(WORDS), 1..8),
            spaced in proptest::bool::weighted(0.8),
        ) {
            static BOTH: std::sync::OnceLock<(IntentMatcher, IntentMatcher)> =
                std::sync::OnceLock::new();
            let (fast, slow) = BOTH.get_or_init(|| {
                let fast = IntentMatcher::builtin();
                let slow = IntentMatcher {
                    stand_ins: false,
                    ..fast.clone()
                };
                (fast, slow)
            });
            let q = words.join(if spaced { " " } else { "" });
            proptest::prop_assert_eq!(fast.match_intent(&q), slow.match_intent(&q), "{:?}", q);
        }
    }
}
