//! Parley answers questions about the peace talks only with what its news articles say: every
//! reply quotes its sources verbatim and cites them (article, date, paragraph).
//!
//! # Layout
//! - [`text`]: tokens, sentences, stems, character spans (pure).
//! - [`lexicon`]: parties, topics and news-writing vocabulary, as data from `config/`.
//! - [`article`]: one article file -> [`article::Article`] (pure).
//! - [`extract`]: one article -> people, quotes, statements, events, numbers (pure).
//! - [`intake`]: plain-text articles, saved web pages and links -> Markdown articles
//!   (`parley add`); near-duplicate reports across articles.
//! - [`build`]: a folder of articles -> [`knowledge::Knowledge`], with summaries and checks.
//! - [`knowledge`]: the knowledge file's types, JSON in and out, validation.
//! - [`intent`]: question -> intent and slots, from `config/intents.toml` (pure).
//! - [`index`]: the BM25 index over sentences the engine ranks with (pure).
//! - [`answer`]: the [`answer::Answer`] every front end renders.
//! - [`engine`]: [`engine::Engine::ask`], the only call the front ends make.
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
pub mod article;
pub mod build;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod discord;
pub mod engine;
pub mod extract;
pub mod index;
pub mod intake;
pub mod intent;
pub mod knowledge;
pub mod lexicon;
pub mod par;
pub mod snapshot;
pub mod text;

pub use answer::{Answer, Citation};
pub use engine::{Command, Engine, EngineSettings};
pub use knowledge::Knowledge;
