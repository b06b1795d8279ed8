//! Every weight, threshold and limit the engine uses, read from `config/engine.toml` into one
//! [`Tuning`]. Owns the numbers and their loading; must not use them (the pipeline's steps
//! read them from [`super::EngineSettings::tuning`]).
//!
//! The defaults are the `config/engine.toml` compiled into parley: they are written once, in
//! that file, with what each number means. A user's `engine.toml` (in a `--config` folder)
//! overrides any subset of keys; a key the built-in file does not have is an error naming it,
//! so a typo is never silently ignored.

use std::path::Path;

use serde::Deserialize;

pub use crate::index::Bm25;

/// The built-in tuning, with the documentation of every number.
const BUILT_IN: &str = include_str!("../../config/engine.toml");

/// A bad `engine.toml`.
#[derive(Debug, thiserror::Error)]
pub enum TuningError {
    /// Not TOML, or a value of the wrong type.
    #[error("{file} is not a valid engine tuning: {message}")]
    Invalid {
        /// The file.
        file: String,
        /// What the TOML reader said.
        message: String,
    },
    /// A key the engine does not have.
    #[error("{file}: unknown key `{key}` (the keys are those of config/engine.toml)")]
    UnknownKey {
        /// The file.
        file: String,
        /// The key, with its table (`rank.person`).
        key: String,
    },
    /// The file could not be read.
    #[error("cannot read {file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// All the engine's numbers (see `config/engine.toml` for what each means).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tuning {
    /// Query term weights by origin.
    pub terms: TermWeights,
    /// Coverage and the floors an answer needs.
    pub coverage: CoverageTuning,
    /// Ranking boosts and the ranking's limits.
    pub rank: RankTuning,
    /// BM25.
    pub bm25: Bm25,
    /// Which report comes first.
    pub recency: RecencyTuning,
    /// "What did X say".
    pub said: SaidTuning,
    /// "Who is X".
    pub who: WhoTuning,
    /// Limits.
    pub limits: Limits,
}

/// `[who]`.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhoTuning {
    pub role: f32,
    pub mention: f32,
}

/// `[terms]`.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermWeights {
    pub typed: f32,
    pub filler: f32,
    pub hyphen_part: f32,
    pub synonym: f32,
    pub filler_synonym: f32,
    pub corrected: f32,
    pub topic_alias: f32,
    pub related_derived: f32,
    pub related_synonym: f32,
    pub related_hypernym: f32,
    pub neighbour: f32,
    pub neighbour_min_similarity: f32,
    pub neighbours: usize,
    pub common_zipf: f32,
    pub typo_zipf: f32,
    pub typo_min_letters: usize,
    pub described_margin: f32,
}

/// `[coverage]`.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageTuning {
    pub idf_floor: f32,
    pub absent_common_noun: f32,
    pub absent_noun_fade_from: f32,
    pub absent_noun_fade_to: f32,
    pub absent_noun_faded: f32,
    pub absent_framing_noun: f32,
    pub stand_in_full_weight: f32,
    pub who_said: f32,
    pub search_with_slots: f32,
    pub search_words_only: f32,
    pub position: f32,
    pub still_ahead_band: f32,
    pub fill_share: f32,
}

/// `[rank]`.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankTuning {
    pub person: f32,
    pub party: f32,
    pub topic: f32,
    pub event: f32,
    pub place: f32,
    pub place_phrase: f32,
    pub number: f32,
    pub cause: f32,
    pub cause_next: f32,
    pub proposal: f32,
    pub person_head_start: f32,
    pub pair: f32,
    pub spoken_by_party: f32,
    pub paired: usize,
    pub shortlist: usize,
    pub common_from: usize,
    pub common_share: usize,
}

/// `[recency]`.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecencyTuning {
    pub tie: f32,
    pub asked: f32,
    pub step: f32,
    pub asked_band: f32,
    pub version_band: f32,
}

/// `[said]`.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaidTuning {
    pub quote: f32,
    pub statement: f32,
    pub through_source: f32,
    pub topic_in_sentence: f32,
    pub topic_in_paragraph: f32,
    pub word: f32,
    pub word_idf: f32,
    pub word_synonym: f32,
    pub word_related: f32,
    pub word_in_paragraph: f32,
    pub fit_floor: f32,
    pub fit_scale: f32,
    pub kind_share: f32,
    pub read: usize,
    pub said_way: f32,
}

/// `[limits]`.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub search_read: usize,
    pub timeline_events: usize,
    pub digest_articles: usize,
    pub digest_lead_sentences: usize,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning::built_in()
    }
}

impl Tuning {
    /// The numbers compiled in from `config/engine.toml`.
    pub fn built_in() -> Tuning {
        toml::from_str(BUILT_IN).expect("the built-in config/engine.toml is a valid tuning")
    }

    /// The built-in numbers with `text` (an `engine.toml`) over them; `file` names it in errors.
    pub fn with_overrides(text: &str, file: &str) -> Result<Tuning, TuningError> {
        let invalid = |message: String| TuningError::Invalid {
            file: file.to_string(),
            message,
        };
        let mut base: toml::Table = toml::from_str(BUILT_IN).expect("built-in engine.toml");
        let over: toml::Table = toml::from_str(text).map_err(|e| invalid(e.message().into()))?;
        merge(&mut base, over, "").map_err(|key| TuningError::UnknownKey {
            file: file.to_string(),
            key,
        })?;
        toml::Value::Table(base)
            .try_into()
            .map_err(|e: toml::de::Error| invalid(e.message().into()))
    }

    /// `engine.toml` in `dir` over the built-in numbers; the built-in ones when it is absent.
    pub fn load_dir(dir: &Path) -> Result<Tuning, TuningError> {
        let path = dir.join("engine.toml");
        match std::fs::read_to_string(&path) {
            Ok(text) => Tuning::with_overrides(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Tuning::built_in()),
            Err(source) => Err(TuningError::Io {
                file: path.display().to_string(),
                source,
            }),
        }
    }
}

/// Writes `over`'s keys into `base`, table by table; a key `base` lacks is returned as an error.
fn merge(base: &mut toml::Table, over: toml::Table, prefix: &str) -> Result<(), String> {
    for (key, value) in over {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match (base.get_mut(&key), value) {
            (None, _) => return Err(path),
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o, &path)?,
            (Some(slot), value) => *slot = value,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_file_holds_every_number() {
        let t = Tuning::built_in();
        assert_eq!(t.terms.typed, 1.0);
        assert_eq!(t.coverage.search_words_only, 0.55);
        assert_eq!(t.rank.shortlist, 2000);
    }

    #[test]
    fn an_override_changes_only_its_keys() {
        let t = Tuning::with_overrides("[rank]\nperson = 3.5\n", "x.toml").unwrap();
        assert_eq!(t.rank.person, 3.5);
        let mut expected = Tuning::built_in();
        expected.rank.person = 3.5;
        assert_eq!(t, expected);
    }

    #[test]
    fn an_unknown_key_is_named() {
        let e = Tuning::with_overrides("[rank]\npersn = 3.5\n", "x.toml").unwrap_err();
        assert!(e.to_string().contains("`rank.persn`"), "{e}");
        let e = Tuning::with_overrides("[ranking]\nperson = 1.0\n", "x.toml").unwrap_err();
        assert!(e.to_string().contains("`ranking`"), "{e}");
    }

    #[test]
    fn a_wrong_type_is_an_error_not_a_default() {
        let e = Tuning::with_overrides("[rank]\nshortlist = \"many\"\n", "x.toml").unwrap_err();
        assert!(matches!(e, TuningError::Invalid { .. }), "{e}");
    }

    #[test]
    fn a_missing_file_means_the_built_in_numbers() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Tuning::load_dir(dir.path()).unwrap(), Tuning::built_in());
        std::fs::write(dir.path().join("engine.toml"), "[bm25]\nk1 = 0.9\n").unwrap();
        assert_eq!(Tuning::load_dir(dir.path()).unwrap().bm25.k1, 0.9);
    }
}
