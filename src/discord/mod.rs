//! The Discord adapter (being written).

use std::path::PathBuf;

/// How `parley run` was asked to run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// `--config`.
    pub config: Option<PathBuf>,
    /// `--shards FIRST..LAST` (inclusive).
    pub shards: Option<(u32, u32)>,
    /// `--total-shards N`.
    pub total_shards: Option<u32>,
}

/// Runs the bot until it is told to stop.
pub fn run_blocking(opts: RunOptions) -> anyhow::Result<()> {
    let _ = opts;
    anyhow::bail!("the Discord front end is not built yet")
}
