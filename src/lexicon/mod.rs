//! The data that keeps article specifics out of Rust code: parties and topics with their aliases
//! (`config/lexicon.toml`) and the vocabulary of English news writing that the builder and the
//! matcher lean on (`config/language.toml`): titles, reporting verbs, source nouns, synonyms.
//!
//! Both files are compiled in as defaults, so the binary works from any folder; a `config/`
//! folder beside it overrides them. New topics or parties are a data change.
//!
//! This file owns the parties, topics and periods, the [`Lexicon`] and its loading; `language`
//! holds the [`Language`] word lists, `defaults` their built-in copies, `compiled` the
//! [`Compiled`] lookups, `aliases` the [`AliasTable`], `stance` the [`StanceWords`], and
//! `questions` the rewriting of a question's opening. It must not know any article, party or
//! topic: those are the data.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::knowledge::Stance;

mod aliases;
mod compiled;
mod defaults;
mod language;
mod questions;
mod stance;
#[cfg(test)]
mod tests;

pub use aliases::{AliasHit, AliasTable};
pub use compiled::Compiled;
pub use language::Language;
pub use stance::StanceWords;

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

/// The span a period word names ("last *week*"), as `periods` in `config/language.toml` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Monday to Sunday.
    Week,
    /// Saturday and Sunday.
    Weekend,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Period {
    /// The span a config names: "week", "weekend", "month" or "year".
    pub fn named(name: &str) -> Option<Period> {
        match name {
            "week" => Some(Period::Week),
            "weekend" => Some(Period::Weekend),
            "month" => Some(Period::Month),
            "year" => Some(Period::Year),
            _ => None,
        }
    }
}

/// Parties, topics and language data together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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

const DEFAULT_LEXICON: &str = include_str!("../../config/lexicon.toml");
const DEFAULT_LANGUAGE: &str = include_str!("../../config/language.toml");

impl Lexicon {
    /// Parses the two TOML texts; `names` are the file names used in errors.
    pub fn from_toml(
        lexicon: &str,
        language: &str,
        names: (&str, &str),
    ) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile = toml::from_str(lexicon).map_err(|e| LexiconError::Parse {
            path: names.0.to_string(),
            message: e.to_string(),
        })?;
        let language: Language = toml::from_str(language).map_err(|e| LexiconError::Parse {
            path: names.1.to_string(),
            message: e.to_string(),
        })?;
        // Dates are numbered by their place in these lists.
        if language.weekdays.len() != 7 || language.months.len() != 12 {
            return Err(LexiconError::Parse {
                path: names.1.to_string(),
                message: format!(
                    "`weekdays` must name 7 days and `months` 12 months (found {} and {})",
                    language.weekdays.len(),
                    language.months.len()
                ),
            });
        }
        if language.month_abbreviations.len() != 12 {
            return Err(LexiconError::Parse {
                path: names.1.to_string(),
                message: format!(
                    "`month_abbreviations` must name 12 months (found {})",
                    language.month_abbreviations.len()
                ),
            });
        }
        if let Some((word, kind)) = language
            .periods
            .iter()
            .find(|(_, kind)| Period::named(kind).is_none())
        {
            return Err(LexiconError::Parse {
                path: names.1.to_string(),
                message: format!(
                    "the period word {word:?} names the span {kind:?}, not week, weekend, month \
                     or year"
                ),
            });
        }
        for group in language
            .stance_verbs
            .iter()
            .chain(&language.stance_adjectives)
            .chain(&language.stance_nouns)
            .chain(&language.stance_for_words)
            .chain(&language.stance_speaker_words)
        {
            let head = group.first().map_or("", String::as_str);
            if Stance::named(head).is_none() {
                return Err(LexiconError::Parse {
                    path: names.1.to_string(),
                    message: format!(
                        "a stance word group starts with {head:?}, not a stance (proposes, \
                         supports, demands, rejects, accepts or says)"
                    ),
                });
            }
        }
        Ok(Lexicon {
            parties: file.parties,
            topics: file.topics,
            language,
        })
    }

    /// The lexicon compiled into the binary (the repository's `config/` at build time).
    pub fn builtin() -> Lexicon {
        Lexicon::from_toml(
            DEFAULT_LEXICON,
            DEFAULT_LANGUAGE,
            ("config/lexicon.toml", "config/language.toml"),
        )
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
                Err(source) => Err(LexiconError::Read {
                    path: path.display().to_string(),
                    source,
                }),
            }
        };
        let (lex, lex_name) = read("lexicon.toml", DEFAULT_LEXICON)?;
        let (lang, lang_name) = read("language.toml", DEFAULT_LANGUAGE)?;
        Lexicon::from_toml(&lex, &lang, (&lex_name, &lang_name))
    }
}
