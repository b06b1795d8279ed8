//! Step 3 of the pipeline: which sentences and facts bear on a question. BM25 over sentences
//! (`bm25.rs`, on [`crate::index::Index`]), the share of the question's own words a sentence
//! holds (`coverage.rs`), the ranking with its boosts and pruning (`rank.rs`), and the facts of a
//! speaker and their fit to a topic (`facts.rs`). Owns scoring; must not decide whether to
//! answer or how to show it.

mod bm25;
pub(crate) mod coverage;
mod facts;
mod rank;
