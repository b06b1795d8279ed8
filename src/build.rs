//! (being written)
use std::path::Path;
use crate::knowledge::Knowledge;
use crate::lexicon::Lexicon;
/// Build options.
#[derive(Debug, Default, Clone)]
pub struct BuildOptions {}
/// A build's result.
#[derive(Debug)]
pub struct Built {
    /// The knowledge.
    pub knowledge: Knowledge,
    /// Warnings.
    pub warnings: Vec<String>,
}
/// Builds.
pub fn build_dir(dir: &Path, lexicon: &Lexicon, opts: &BuildOptions) -> anyhow::Result<Built> {
    let _ = (dir, lexicon, opts);
    anyhow::bail!("not yet")
}
