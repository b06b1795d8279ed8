//! Answer latency over a knowledge file, one answer at a time: median, p99 and the slowest
//! questions. `cargo run --release --example latency -- KNOWLEDGE.json [ROUNDS]`; the questions
//! are `parley::corpus::questions(1)` plus a few declines, so they fit `parley gen-corpus` output.

use std::path::Path;
use std::time::Instant;

use parley::{Engine, EngineSettings, Knowledge};

// The same allocator as the `parley` binary, so the figures are the shipped ones.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("knowledge/knowledge.json");
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(20);
    let t = Instant::now();
    let knowledge = Knowledge::load(Path::new(path)).expect("knowledge loads");
    let loaded = t.elapsed();
    let t = Instant::now();
    let engine = Engine::new(knowledge, EngineSettings::default());
    let built = t.elapsed();
    let mut questions = parley::corpus::questions(1);
    questions.extend(
        [
            "What is the capital of France?",
            "Who won the football?",
            "What did Zelensky say?",
        ]
        .map(String::from),
    );
    let mut times: Vec<(f64, usize)> = Vec::new();
    for _ in 0..rounds {
        for (i, q) in questions.iter().enumerate() {
            let t = Instant::now();
            let a = engine.ask(q, None);
            std::hint::black_box(&a);
            times.push((t.elapsed().as_secs_f64() * 1e6, i));
        }
    }
    let mut sorted: Vec<f64> = times.iter().map(|x| x.0).collect();
    sorted.sort_by(f64::total_cmp);
    let pct = |p: f64| sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)];
    println!(
        "load {loaded:?}, engine {built:?}, {} answers",
        sorted.len()
    );
    println!(
        "median {:.1} µs, p90 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0)
    );
    let mut per_q = vec![0f64; questions.len()];
    for (t, i) in &times {
        per_q[*i] = per_q[*i].max(*t);
    }
    let mut worst: Vec<(f64, &String)> = per_q.iter().copied().zip(&questions).collect();
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, q) in worst.iter().take(5) {
        println!("  slowest {t:>9.1} µs  {q}");
    }
}
