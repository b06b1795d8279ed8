//! Answer latency on the seed knowledge, and build time, knowledge-file load time and answer
//! latency on synthetic corpora of 100, 1,000 and 10,000 articles (`parley gen-corpus`).
//!
//! `cargo bench --bench answer`. `PARLEY_BENCH_SIZES=100,1000` picks the corpus sizes. Besides
//! criterion's figures, each group prints per-answer median and p99 (criterion times batches,
//! the targets are per answer). See BENCHMARKS.md for the figures and how to read them.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode};
use parley::knowledge::Knowledge;

mod common;
use common::{us, Corpus};

// The same allocator as the `parley` binary, so the figures are the shipped ones.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn seed(c: &mut Criterion) {
    let questions = common::seed_questions();
    let json = common::seed_json();
    let engine = common::engine(Knowledge::from_json(&json, Path::new("knowledge.json")).unwrap());
    let p = common::percentiles(&questions, 200, |q| {
        black_box(engine.ask(q, None));
    });
    eprintln!(
        "seed: {} questions, per answer: median {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        questions.len(),
        us(p.p50),
        us(p.p99),
        us(p.max)
    );
    eprintln!("seed: slowest questions:");
    for line in common::slowest(&engine, &questions, 20, 5) {
        eprintln!("  {line}");
    }
    let mut g = c.benchmark_group("seed");
    g.bench_function("ask_mixed", |b| {
        let mut i = 0;
        b.iter(|| {
            let q = &questions[i % questions.len()];
            i += 1;
            black_box(engine.ask(black_box(q), None))
        })
    });
    g.bench_function("ask_all_32", |b| {
        b.iter(|| {
            for q in &questions {
                black_box(engine.ask(black_box(q), None));
            }
        })
    });
    g.bench_function("load_knowledge", |b| {
        b.iter(|| Knowledge::from_json(black_box(&json), Path::new("knowledge.json")).unwrap())
    });
    g.finish();
}

fn corpora(c: &mut Criterion) {
    let questions = parley::corpus::questions(1);
    for n in common::sizes() {
        let corpus = Corpus::new(n);
        eprintln!(
            "corpus {n}: first build {:.2} s, knowledge file {:.1} MB",
            corpus.build.as_secs_f64(),
            corpus.json.len() as f64 / 1e6
        );
        // Where load time goes: JSON parsing, validation, the engine's indexes.
        let t = Instant::now();
        let parsed: Knowledge = serde_json::from_str(&corpus.json).expect("parses");
        let parse = t.elapsed();
        let t = Instant::now();
        let problems = parsed.validate();
        let validate = t.elapsed();
        assert!(problems.is_empty());
        let t = Instant::now();
        let probe = common::engine(parsed);
        let engine_new = t.elapsed();
        drop(probe);
        eprintln!(
            "corpus {n}: load phases: serde_json {:.1} ms, validate {:.1} ms, Engine::new {:.1} ms",
            parse.as_secs_f64() * 1e3,
            validate.as_secs_f64() * 1e3,
            engine_new.as_secs_f64() * 1e3
        );
        let mut g = c.benchmark_group(format!("corpus_{n}"));
        g.sampling_mode(SamplingMode::Flat);
        // At 10,000 articles one build takes many seconds: criterion's ten samples would take
        // minutes, so build and load are timed once (printed above and below) unless
        // PARLEY_BENCH_FULL is set.
        let full = n < 10_000 || std::env::var_os("PARLEY_BENCH_FULL").is_some();
        if full {
            g.sample_size(10)
                .warm_up_time(Duration::from_millis(100))
                .measurement_time(Duration::from_secs(5));
            g.bench_function("build", |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let t = Instant::now();
                        black_box(common::build(corpus.path()));
                        total += t.elapsed();
                    }
                    total
                })
            });
            g.bench_function("load_knowledge", |b| {
                b.iter_batched(
                    || (),
                    |_| Knowledge::from_json(black_box(&corpus.json), Path::new("k.json")).unwrap(),
                    BatchSize::PerIteration,
                )
            });
        } else {
            let t = Instant::now();
            black_box(Knowledge::from_json(&corpus.json, Path::new("k.json")).unwrap());
            eprintln!(
                "corpus {n}: load_knowledge (one run) {:.2} s",
                t.elapsed().as_secs_f64()
            );
        }
        let engine = common::engine(corpus.knowledge.clone());
        // The bot's start: the snapshot `parley build` writes beside the JSON, read back into a
        // ready engine (the file is in the page cache, as on a restart after a build).
        let snap_dir = tempfile::tempdir().expect("temp dir");
        let json_path = snap_dir.path().join("knowledge.json");
        std::fs::write(&json_path, &corpus.json).expect("knowledge file written");
        parley::snapshot::write(&engine, &json_path).expect("snapshot written");
        let load_snapshot = || {
            parley::snapshot::load(&json_path, parley::EngineSettings::default())
                .expect("the snapshot loads")
        };
        if full {
            g.bench_function("load_snapshot", |b| {
                b.iter_batched(|| (), |_| load_snapshot(), BatchSize::PerIteration)
            });
        } else {
            let mut times: Vec<f64> = (0..5)
                .map(|_| {
                    let t = Instant::now();
                    black_box(load_snapshot());
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            times.sort_by(f64::total_cmp);
            eprintln!(
                "corpus {n}: load_snapshot (five runs) min {:.0} ms, median {:.0} ms, max {:.0} ms",
                times[0], times[2], times[4]
            );
        }
        let rounds = if n >= 10_000 { 5 } else { 30 };
        let p = common::percentiles(&questions, rounds, |q| {
            black_box(engine.ask(q, None));
        });
        eprintln!(
            "corpus {n}: {} questions, per answer: median {:.1} µs, p99 {:.1} µs, max {:.1} µs",
            questions.len(),
            us(p.p50),
            us(p.p99),
            us(p.max)
        );
        eprintln!("corpus {n}: slowest questions:");
        for line in common::slowest(&engine, &questions, 2, 8) {
            eprintln!("  {line}");
        }
        g.sample_size(if n >= 10_000 { 10 } else { 30 })
            .measurement_time(Duration::from_secs(3));
        g.bench_function("ask_mixed", |b| {
            let mut i = 0;
            b.iter(|| {
                let q = &questions[i % questions.len()];
                i += 1;
                black_box(engine.ask(black_box(q), None))
            })
        });
        g.finish();
    }
}

criterion_group!(benches, seed, corpora);
criterion_main!(benches);
