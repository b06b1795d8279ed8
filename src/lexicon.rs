//! The data that keeps article specifics out of Rust code: parties and topics with their aliases
//! (`config/lexicon.toml`) and the vocabulary of English news writing that the builder and the
//! matcher lean on (`config/language.toml`): titles, reporting verbs, source nouns, synonyms.
//!
//! Both files are compiled in as defaults, so the binary works from any folder; a `config/`
//! folder beside it overrides them. New topics or parties are a data change.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// A party to the talks (a country or a body) and the words that stand for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Stable id ("us").
    pub id: String,
    /// Display name.
    pub name: String,
    /// Words and phrases that stand for it: names, capitals, demonyms.
    pub aliases: Vec<String>,
}

/// A topic of the talks and the words that signal it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Stable id ("ceasefire").
    pub id: String,
    /// Display name.
    pub name: String,
    /// Words and phrases that signal it, including synonyms people use ("truce").
    pub aliases: Vec<String>,
}

/// The vocabulary of news writing that the extraction patterns are built from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// Title words that make a role ("President", "Secretary of State", "envoy").
    pub titles: Vec<String>,
    /// Words that may stand inside a role before a title ("special", "deputy", "foreign").
    pub role_modifiers: Vec<String>,
    /// Reporting verbs ("said", "wrote", "told").
    pub reporting_verbs: Vec<String>,
    /// Nouns for unnamed sources ("source", "diplomats", "spokesperson").
    pub source_nouns: Vec<String>,
    /// Words that count an unnamed source ("a", "three", "several").
    pub source_determiners: Vec<String>,
    /// Abbreviations that do not end a sentence ("Mr", "Dr", "U.S").
    pub abbreviations: Vec<String>,
    /// Function words, ignored when matching and never part of a name.
    pub stopwords: Vec<String>,
    /// Words that introduce a person as an object ("meet with", "met").
    pub person_cues: Vec<String>,
    /// Words that mark a stance ("reject", "accept", "would not").
    pub position_cues: Vec<String>,
    /// Words that mark a proposal ("proposal", "plan", "offer").
    pub proposal_cues: Vec<String>,
    /// Words that mark a cause ("because", "after", "prompted").
    pub cause_cues: Vec<String>,
    /// Groups of words that mean the same to a reader ("plan", "proposal").
    pub synonyms: Vec<Vec<String>>,
    /// Number words ("one" = 1, "three" = 3).
    pub number_words: Vec<(String, f64)>,
    /// Capitalised words that are never names (days, months, common sentence openers).
    pub not_names: Vec<String>,
}

/// Parties, topics and language data together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lexicon {
    /// Parties.
    pub parties: Vec<Party>,
    /// Topics.
    pub topics: Vec<Topic>,
    /// Language data.
    pub language: Language,
}

#[derive(Deserialize)]
struct LexiconFile {
    #[serde(default)]
    parties: Vec<Party>,
    #[serde(default)]
    topics: Vec<Topic>,
}

/// A config file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// Unreadable.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Not the TOML expected.
    #[error("{path} is not valid: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What the TOML parser said.
        message: String,
    },
}

const DEFAULT_LEXICON: &str = include_str!("../config/lexicon.toml");
const DEFAULT_LANGUAGE: &str = include_str!("../config/language.toml");

impl Lexicon {
    /// Parses the two TOML texts; `names` are the file names used in errors.
    pub fn from_toml(lexicon: &str, language: &str, names: (&str, &str)) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile = toml::from_str(lexicon).map_err(|e| LexiconError::Parse {
            path: names.0.to_string(),
            message: e.to_string(),
        })?;
        let language: Language = toml::from_str(language).map_err(|e| LexiconError::Parse {
            path: names.1.to_string(),
            message: e.to_string(),
        })?;
        Ok(Lexicon { parties: file.parties, topics: file.topics, language })
    }

    /// The lexicon compiled into the binary (the repository's `config/` at build time).
    pub fn builtin() -> Lexicon {
        Lexicon::from_toml(DEFAULT_LEXICON, DEFAULT_LANGUAGE, ("config/lexicon.toml", "config/language.toml"))
            .expect("the built-in config/lexicon.toml and config/language.toml parse")
    }

    /// Reads `lexicon.toml` and `language.toml` from `dir`; a file that is absent falls back to
    /// the built-in one.
    pub fn load_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let read = |name: &str, fallback: &'static str| -> Result<(String, String), LexiconError> {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(t) => Ok((t, path.display().to_string())),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    Ok((fallback.to_string(), format!("built-in {name}")))
                }
                Err(source) => Err(LexiconError::Read { path: path.display().to_string(), source }),
            }
        };
        let (lex, lex_name) = read("lexicon.toml", DEFAULT_LEXICON)?;
        let (lang, lang_name) = read("language.toml", DEFAULT_LANGUAGE)?;
        Lexicon::from_toml(&lex, &lang, (&lex_name, &lang_name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_has_parties_and_topics() {
        let lex = Lexicon::builtin();
        assert!(lex.parties.len() >= 5);
        assert!(lex.topics.len() >= 5);
        assert!(lex.language.reporting_verbs.iter().any(|v| v == "said"));
    }

    #[test]
    fn bad_toml_is_an_error_naming_the_file() {
        let err = Lexicon::from_toml("parties = 3", "", ("lex.toml", "lang.toml")).unwrap_err();
        assert!(err.to_string().contains("lex.toml"));
    }
}
