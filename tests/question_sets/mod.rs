//! The question sets of `tests/questions/`, read for the tests that use them.

use serde::Deserialize;

/// One question of a set.
#[derive(Deserialize)]
pub struct Case {
    /// The question as a user would type it.
    pub ask: String,
    /// `answer` or `decline`.
    // Not every test that reads the sets judges the answers.
    #[allow(dead_code)]
    pub expect: String,
    /// The article that answers it.
    #[serde(default)]
    #[allow(dead_code)]
    pub article: String,
    /// Paragraphs that answer it; any one counts.
    #[serde(default)]
    #[allow(dead_code)]
    pub paragraphs: Vec<u32>,
}

#[derive(Deserialize)]
struct Set {
    q: Vec<Case>,
}

/// The cases of a set file (a path from the crate's root, or absolute).
pub fn load(file: &str) -> Vec<Case> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("question set {}: {e}", path.display()));
    let set: Set = toml::from_str(&text).expect("question set parses");
    set.q
}
