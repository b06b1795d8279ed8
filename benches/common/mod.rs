//! Shared by the `answer` and `peer` benchmarks: the question sets, the synthetic corpora, and
//! per-answer latency percentiles (criterion reports means and medians of batches; the issue's
//! targets are per-answer medians and p99s, so those are measured one answer at a time).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parley::build::{build_dir, BuildOptions};
use parley::engine::{Engine, EngineSettings};
use parley::knowledge::Knowledge;
use parley::lexicon::Lexicon;

/// The crate root, so benches find `knowledge/` and `tests/` whatever the working directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Corpus sizes, from `PARLEY_BENCH_SIZES` ("100,1000") or 100 / 1,000 / 10,000.
pub fn sizes() -> Vec<usize> {
    std::env::var("PARLEY_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 1_000, 10_000])
}

/// Every fifth question of `tests/questions/seed.toml`: 32 questions, about three quarters
/// answered (who, said, position, proposal, when, how many, summary, fallbacks) and a quarter
/// declines (off-topic, absent people, prompt injection).
pub fn seed_questions() -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Set {
        q: Vec<Q>,
    }
    #[derive(serde::Deserialize)]
    struct Q {
        ask: String,
    }
    let text = std::fs::read_to_string(root().join("tests/questions/seed.toml"))
        .expect("tests/questions/seed.toml");
    let set: Set = toml::from_str(&text).expect("seed.toml parses");
    set.q.into_iter().step_by(5).map(|q| q.ask).collect()
}

/// The seed knowledge file's text.
pub fn seed_json() -> String {
    std::fs::read_to_string(root().join("knowledge/knowledge.json")).expect("knowledge.json")
}

/// An engine as `parley ask` makes one (three quotes a reply).
pub fn engine(knowledge: Knowledge) -> Engine {
    Engine::new(
        knowledge,
        EngineSettings {
            max_quotes: 3,
            ..EngineSettings::default()
        },
    )
}

/// A generated corpus on disk, built once.
pub struct Corpus {
    /// Holds the folder alive.
    pub dir: tempfile::TempDir,
    /// Article count.
    pub n: usize,
    /// Time of the one build.
    pub build: Duration,
    /// The knowledge file's JSON.
    pub json: String,
    /// The knowledge.
    pub knowledge: Knowledge,
}

impl Corpus {
    /// Generates `n` articles (seed 1) into a temporary folder and builds them once.
    pub fn new(n: usize) -> Corpus {
        let dir = tempfile::tempdir().expect("temp dir");
        parley::corpus::generate(n, dir.path(), 1).expect("gen-corpus");
        let t = Instant::now();
        let built = build(dir.path());
        let build = t.elapsed();
        let json = built.to_json();
        Corpus {
            dir,
            n,
            build,
            json,
            knowledge: built,
        }
    }

    /// The articles folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Builds a folder with the built-in lexicon.
pub fn build(dir: &Path) -> Knowledge {
    build_dir(dir, &Lexicon::builtin(), &BuildOptions::default())
        .expect("build")
        .knowledge
}

/// Median, p99 and max of one-at-a-time timings.
#[derive(Debug, Clone, Copy)]
pub struct Percentiles {
    /// Median.
    pub p50: Duration,
    /// 99th percentile.
    pub p99: Duration,
    /// Slowest.
    pub max: Duration,
}

/// Times `f(question)` once per question per round and returns the percentiles.
pub fn percentiles<F: FnMut(&str)>(questions: &[String], rounds: usize, mut f: F) -> Percentiles {
    for q in questions {
        f(q); // warm-up
    }
    let mut times = Vec::with_capacity(questions.len() * rounds);
    for _ in 0..rounds {
        for q in questions {
            let t = Instant::now();
            f(q);
            times.push(t.elapsed());
        }
    }
    times.sort_unstable();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    Percentiles {
        p50: at(0.50),
        p99: at(0.99),
        max: *times.last().expect("timings"),
    }
}

/// Microseconds, for printing.
pub fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// The `k` slowest questions (mean of `rounds` runs each), slowest first, with the intent the
/// engine chose: where answer time goes.
pub fn slowest(engine: &Engine, questions: &[String], rounds: usize, k: usize) -> Vec<String> {
    let mut timed: Vec<(Duration, String)> = questions
        .iter()
        .map(|q| {
            let t = Instant::now();
            let mut intent = String::new();
            for _ in 0..rounds {
                intent = engine.ask(q, None).intent;
            }
            (t.elapsed() / rounds as u32, format!("{intent}: {q:?}"))
        })
        .collect();
    timed.sort_by_key(|t| std::cmp::Reverse(t.0));
    timed
        .into_iter()
        .take(k)
        .map(|(d, s)| format!("{:>10.1} µs  {s}", us(d)))
        .collect()
}
