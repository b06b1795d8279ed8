//! Parley answers questions about the peace talks only with what its news articles say: every
//! reply quotes its sources verbatim and cites them (article, date, paragraph).
//!
//! # Layout
//! - [`text`]: tokens, sentences, stems, character spans (pure).
//! - [`lexicon`]: parties, topics and news-writing vocabulary, as data from `config/`.
//! - [`build`]: a folder of articles -> [`knowledge::Knowledge`], with summaries and checks. It
//!   holds [`article`] (one article file -> [`article::Article`], pure) and [`extract`] (one
//!   article -> people, quotes, statements, events, numbers, positions, pure; one file or
//!   folder per kind of fact under `src/build/extract/`). Both are re-exported here, so
//!   `parley::article` and `parley::extract` keep their paths. `extract/`:
//!   - `mod.rs` (pass two's sentence walk, `ArticleFacts`), `sentence.rs` (`Sent`, token
//!     masks, citations), `registry.rs` (people across articles, mentions), `quotes.rs`,
//!     `turns.rs` (transcript turns), `dates.rs`, `numbers.rs`, `positions.rs`,
//!     `references.rs` (pronouns and bare titles);
//!   - `people/`: `mod.rs` (pass one: names, named sentences), `roles.rs` (role text around a
//!     name), `nicknames.rs`;
//!   - `attribution/`: `mod.rs` (the `Reader`, the channel after a verb), `verbs.rs` (every
//!     reporting verb and its speaker), `subject.rs` (a clause's subject, antecedents,
//!     issuers), `phrase.rs` (what a noun phrase names), `names.rs` (people the article
//!     introduces as it goes);
//!   - unit tests in `tests.rs` files beside the code (`attribution/tests/` by concern), test
//!     helpers in `testing.rs`.
//! - [`intake`]: plain-text articles, saved web pages and links -> Markdown articles
//!   (`parley add`); near-duplicate reports across articles.
//! - [`knowledge`]: the knowledge file's types, JSON in and out, validation.
//! - [`intent`]: question -> intent and slots, from `config/intents.toml` (pure).
//! - [`index`]: the BM25 index over sentences the engine ranks with (pure).
//! - [`answer`]: the [`answer::Answer`] every front end renders.
//! - [`engine`]: [`engine::Engine::ask`], the only call the front ends make, as a pipeline of
//!   one module a step (issue 12):
//!   - `engine/mod.rs`: the `Engine` type and `ask`: clean -> understand -> retrieve -> decide
//!     -> compose; `engine/command.rs`: `Command` and `Engine::run`; `engine/clean.rs`;
//!   - `engine/understand/`: `mod.rs` (the `Query` and the order of the steps), `people.rs`
//!     (exact, misspelt, by role), `slots.rs` (parties, topics, unknown words, the subject),
//!     `followup.rs`, `terms.rs` (weights, synonyms, spelling corrections, word pairs),
//!     `roles.rs` (people named by role), `salience.rs` (what an absent word says),
//!     `recency.rs` ("now", "original": which article's report leads);
//!   - `engine/retrieve/`: `bm25.rs`, `coverage.rs`, `rank.rs` (boosts, shortlist, pruning,
//!     phrase pairs), `facts.rs` (facts by speaker, topic fit);
//!   - `engine/decide.rs` (declining), `engine/compose.rs` (quotes, citations, suggestions);
//!   - `engine/intents/`: one file per answer kind (`who`, `said` with "who said", `position`,
//!     `summary`, `search` with when/where/how many, `opinion`, `meta`: help, sources, quotes,
//!     timeline);
//!   - `engine/start.rs` and `engine/tables.rs` (start-up), `engine/restore.rs` (snapshots).
//!
//!   Where this differs from the guide, and why: the intent matcher stays in
//!   [`intent`] and the BM25 index in [`index`] (both are shared with the builder's checks and
//!   the snapshot; moving them would touch every `use` for no gain), so `understand/` and
//!   `retrieve/` hold the engine's side of them; `retrieve/` splits BM25, coverage, ranking and
//!   facts rather than index/rank, since the index itself lives outside; start-up is two files
//!   (`Engine::new` alone is over 400 lines), and snapshot checks are their own file.
//! - [`english`]: general English as data (word frequency, part of speech, related words).
//! - [`eval`]: scoring answers on a question set (`parley eval`), the external sets' rule.
//! - [`snapshot`]: a started engine stored beside its knowledge file, for a fast start.
//! - [`config`]: `config/parley.toml` + `PARLEY_*` environment -> validated bot settings.
//! - [`discord`]: the serenity/poise adapter: commands, rendering for Discord.
//! - [`par`]: a scoped-thread parallel map for the builder and the engine's start-up.
//! - [`corpus`]: synthetic articles for benchmarks (`parley gen-corpus`).
//! - [`cli`]: `build`, `check`, `ask`, `chat`, `run`: prints answers.
//!
//! Everything but `config`, `discord` and `cli` is pure: no disk, network or Discord, except the
//! explicit load and save functions of `knowledge` and `build`.
#![warn(missing_docs)]

pub mod answer;
pub mod build;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod discord;
pub mod engine;
pub mod english;
pub mod eval;
pub mod index;
pub mod intake;
pub mod intent;
pub mod knowledge;
pub mod lexicon;
pub mod par;
pub mod snapshot;
pub mod text;

pub use build::{article, extract};

pub use answer::{Answer, Citation};
pub use engine::{Command, Engine, EngineSettings};
pub use knowledge::Knowledge;
