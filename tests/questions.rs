//! The question sets in `tests/questions/`: each answerable question must have its answer among
//! the first three citations, each decline must decline. Written apart from the engine, by a
//! different hand, and never tuned phrase by phrase: the bar is a general one.
//!
//! The test prints every miss, so a change that moves the figures shows what it moved.

use std::path::Path;

use parley::build::{build_dir, BuildOptions};
use parley::lexicon::Lexicon;
use parley::{Engine, EngineSettings, Knowledge};
mod question_sets;

fn score(engine: &Engine, file: &str) -> (usize, usize, Vec<String>) {
    let cases = question_sets::load(file);
    let mut ok = 0;
    let mut misses = Vec::new();
    for case in &cases {
        let a = engine.ask(&case.ask, None);
        // Whatever the verdict, every quote must stand verbatim in its article.
        for c in a.citations() {
            let article = engine
                .knowledge()
                .article(&c.article)
                .expect("cited article exists");
            let para = &article.paragraphs[c.paragraph as usize - 1];
            assert!(
                para.text.contains(&c.quote),
                "{:?}: quote not verbatim: {:?}",
                case.ask,
                c.quote
            );
        }
        let good = if case.expect == "decline" {
            !a.answered
        } else {
            a.answered
                && a.citations()
                    .take(3)
                    .any(|c| c.article == case.article && case.paragraphs.contains(&c.paragraph))
        };
        if good {
            ok += 1;
        } else {
            let got: Vec<u32> = a.citations().map(|c| c.paragraph).collect();
            misses.push(format!(
                "{:?} (expect {} {:?}) -> {} answered={} {:?}",
                case.ask, case.expect, case.paragraphs, a.intent, a.answered, got
            ));
        }
    }
    (ok, cases.len(), misses)
}

fn report(name: &str, (ok, total, misses): (usize, usize, Vec<String>), floor: f64) {
    let pct = 100.0 * ok as f64 / total as f64;
    println!("{name}: {ok}/{total} = {pct:.1}%");
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(
        pct >= floor,
        "{name}: {pct:.1}% is below the floor of {floor}%"
    );
}

#[test]
fn seed_question_set() {
    let k = Knowledge::load(Path::new("knowledge/knowledge.json")).unwrap();
    let engine = Engine::new(k, EngineSettings::default());
    let cases = question_sets::load("tests/questions/seed.toml");
    assert!(cases.iter().filter(|c| c.expect == "answer").count() >= 80);
    assert!(cases.iter().filter(|c| c.expect == "decline").count() >= 20);
    report("seed", score(&engine, "tests/questions/seed.toml"), 85.0);
}

#[test]
fn fictional_question_set() {
    let built = build_dir(
        Path::new("tests/fixtures/articles"),
        &Lexicon::builtin(),
        &BuildOptions::default(),
    )
    .unwrap();
    let engine = Engine::new(built.knowledge, EngineSettings::default());
    report(
        "fixtures",
        score(&engine, "tests/questions/fixtures.toml"),
        85.0,
    );
}
