//! Synthetic articles for benchmarks and scale tests (being written).

use std::path::Path;

/// Writes `n` synthetic articles into `out`, deterministic for `seed`.
pub fn generate(n: usize, out: &Path, seed: u64) -> anyhow::Result<usize> {
    let _ = (n, out, seed);
    anyhow::bail!("gen-corpus is not written yet")
}
