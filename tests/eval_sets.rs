//! The twelve question sets of `tests/eval/` (two written apart from the project, ten written for
//! it by hands that did not read the engine), scored with the rule `parley eval` uses. Each set
//! has a floor: the score it reached when the floor was last raised. A change that drops a set
//! below its floor fails here and prints the misses, so the cause can be found and fixed rather
//! than the floor lowered.

use std::path::Path;

use parley::build::{build_dir, BuildOptions};
use parley::eval::{parse_questions, Report};
use parley::lexicon::Lexicon;
use parley::{Engine, EngineSettings, Knowledge};

fn engine_for(articles: Option<&str>) -> Engine {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let knowledge = match articles {
        Some(dir) => {
            let lexicon = Lexicon::load_dir(&root.join("config")).expect("config loads");
            build_dir(&root.join(dir), &lexicon, &BuildOptions::default())
                .expect("articles build")
                .knowledge
        }
        None => Knowledge::load(&root.join("knowledge/knowledge.json")).expect("knowledge loads"),
    };
    Engine::new(knowledge, EngineSettings::default())
}

fn check(set: &str, articles: Option<&str>, floor: f64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/eval").join(set).join("questions.jsonl"))
        .expect("question set reads");
    let questions = parse_questions(&text).expect("question set parses");
    let engine = engine_for(articles);
    let answers: Vec<_> = questions.iter().map(|q| engine.ask(&q.q, None)).collect();
    // Whatever the verdict, every quote stands verbatim in its article.
    for a in &answers {
        for c in a.citations() {
            let article = engine
                .knowledge()
                .article(&c.article)
                .expect("cited article");
            let para = &article.paragraphs[c.paragraph as usize - 1];
            assert!(para.text.contains(&c.quote), "not verbatim: {:?}", c.quote);
        }
    }
    let report = Report::of(&questions, &answers);
    println!("{set}: {}", report.render(&questions, &answers, true));
    assert!(
        report.score() + 1e-9 >= floor,
        "{set}: score {:.3} fell below its floor {floor:.3}",
        report.score()
    );
}

#[test]
fn external_seed_set() {
    check("external-seed", None, 0.95);
}

#[test]
fn external_fiction_set() {
    check(
        "external-fiction",
        Some("tests/eval/external-fiction/articles"),
        0.96,
    );
}

#[test]
fn own_casual_set() {
    check("own-casual", None, 0.92);
}

#[test]
fn own_multi_set() {
    check("own-multi", Some("tests/eval/own-multi/articles"), 0.85);
}

#[test]
fn own_quotes_set() {
    check(
        "own-quotes",
        Some("tests/fixtures/attribution/articles2"),
        0.81,
    );
}

#[test]
fn own_quotes3_set() {
    check(
        "own-quotes3",
        Some("tests/fixtures/attribution/articles3"),
        0.82,
    );
}

#[test]
fn own_casual2_set() {
    check("own-casual2", None, 0.82);
}

#[test]
fn own_multi2_set() {
    check("own-multi2", Some("tests/eval/own-multi2/articles"), 0.80);
}

// The four sets written on 2026-11-30 (second session), scored on arrival before any change made for them (at
// `d518d9f`: 0.637, 0.312, 0.550 and 0.440).

#[test]
fn own_casual3_set() {
    check("own-casual3", None, 0.78);
}

#[test]
fn own_quotes5_set() {
    check(
        "own-quotes5",
        Some("tests/fixtures/attribution/articles5"),
        0.50,
    );
}

#[test]
fn own_quotes6_set() {
    check(
        "own-quotes6",
        Some("tests/fixtures/attribution/articles6"),
        0.60,
    );
}

#[test]
fn own_multi3_set() {
    check("own-multi3", Some("tests/eval/own-multi3/articles"), 0.53);
}

// The three sets written on 2026-11-30 (third session), scored on arrival before any change made
// for them (at `2df1ba1`: 0.633, 0.330 and 0.400).

#[test]
fn own_casual4_set() {
    check("own-casual4", None, 0.71);
}

/// 0.39, one question under its 0.40 of the tenth round: its second country became a party
/// (`77ed288`, EVALUATION.md "Eleventh round"), so its name no longer stands in for a word the
/// articles never use.
#[test]
fn own_multi4_set() {
    check("own-multi4", Some("tests/eval/own-multi4/articles"), 0.41);
}

#[test]
fn own_quotes8_set() {
    check(
        "own-quotes8",
        Some("tests/fixtures/attribution/articles8"),
        0.51,
    );
}

// The three sets written on 2026-11-30 (fourth session), scored on arrival before any change
// made for them (at `dc2425d`: 0.567, 0.436 and 0.440).

#[test]
fn own_casual5_set() {
    check("own-casual5", None, 0.65);
}

#[test]
fn own_multi5_set() {
    check("own-multi5", Some("tests/eval/own-multi5/articles"), 0.50);
}

#[test]
fn own_quotes9_set() {
    check(
        "own-quotes9",
        Some("tests/fixtures/attribution/articles9"),
        0.50,
    );
}

// The three sets written on 2026-11-30 (fifth session), scored on arrival before any change
// made for them (at `cfa27d0`: 0.533, 0.436 and 0.440).

#[test]
fn own_casual6_set() {
    check("own-casual6", None, 0.62);
}

#[test]
fn own_multi6_set() {
    check("own-multi6", Some("tests/eval/own-multi6/articles"), 0.51);
}

#[test]
fn own_quotes10_set() {
    check(
        "own-quotes10",
        Some("tests/fixtures/attribution/articles10"),
        0.52,
    );
}

#[test]
fn own_casual7_set() {
    check("own-casual7", None, 0.71);
}

#[test]
fn own_multi7_set() {
    check("own-multi7", Some("tests/eval/own-multi7/articles"), 0.46);
}

#[test]
fn own_quotes11_set() {
    check(
        "own-quotes11",
        Some("tests/fixtures/attribution/articles11"),
        0.53,
    );
}

#[test]
fn own_casual8_set() {
    check("own-casual8", None, 0.70);
}

#[test]
fn own_multi8_set() {
    check("own-multi8", Some("tests/eval/own-multi8/articles"), 0.50);
}

/// Lowered from 0.56 by one question in the twelfth session: "what did the quarry king say about
/// the water testing lab" (to decline) was declined only because the unquoted nickname named no
/// one; now that it names the mine owner, his words on the checkpoint answer it.
#[test]
fn own_quotes12_set() {
    check(
        "own-quotes12",
        Some("tests/fixtures/attribution/articles12"),
        0.59,
    );
}

#[test]
fn own_casual9_set() {
    check("own-casual9", None, 0.66);
}

#[test]
fn own_multi9_set() {
    check("own-multi9", Some("tests/eval/own-multi9/articles"), 0.44);
}

/// 0.54 on arrival. Unquoted nicknames cost one should-decline question ("did the professor
/// ever actually say sorry in public" now finds the minister and is answered with his words that
/// share only "public"); the host's turns, read as the host's, won one back.
#[test]
fn own_quotes13_set() {
    check(
        "own-quotes13",
        Some("tests/fixtures/attribution/articles13"),
        0.58,
    );
}

/// A report two outlets carried (the wire paragraph syndicated in own-multi) is cited once,
/// naming both outlets, so it does not take two of the first three places.
#[test]
fn the_same_report_in_two_outlets_is_cited_once_naming_both() {
    let engine = engine_for(Some("tests/eval/own-multi/articles"));
    let a = engine.ask("how many people have been displaced", None);
    assert!(a.answered, "{}", a.to_markdown());
    let copies: Vec<_> = a
        .citations()
        .filter(|c| c.quote.contains("60,000"))
        .collect();
    assert_eq!(copies.len(), 1, "{}", a.to_markdown());
    assert!(
        copies[0].source.contains("the same report in"),
        "{}",
        copies[0].source
    );
}

/// "Current" asks for the newest report, "original" for the earliest: among the sentences that
/// fit about as well, the report's date decides, not which sentence repeats the words more.
#[test]
fn current_and_original_put_the_newest_and_the_earliest_report_first() {
    let engine = engine_for(Some("tests/eval/own-multi/articles"));
    let first = |q: &str| {
        let a = engine.ask(q, None);
        assert!(a.answered, "{q}: {}", a.to_markdown());
        let published = a.citations().next().expect("a citation").published.clone();
        published
    };
    let plain = first("what is the deadline for the deal");
    let current = first("what's the current deadline for the deal");
    let original = first("what was the original deadline for the deal");
    assert_eq!(current, "2026-04-06", "newest article");
    assert!(original < current, "{original:?} vs {current:?}");
    assert!(plain <= current);
}

/// "What is X?" about a thing: the sentence that says what X is ("the Orsa enclave, a district
/// on ...") leads, even behind small talk ("sorry but").
#[test]
fn what_is_a_thing_leads_with_the_sentence_that_defines_it() {
    let engine = engine_for(Some("tests/eval/own-multi/articles"));
    for q in [
        "what is the orsa enclave",
        "sorry dumb q but what is the orsa enclave exactly",
    ] {
        let a = engine.ask(q, None);
        let first = a
            .citations()
            .next()
            .expect("a citation")
            .quote
            .to_lowercase();
        assert!(
            first.contains("orsa enclave, a "),
            "{q}: {}",
            a.to_markdown()
        );
    }
}

/// "What did X say about T": a quote fits T through a WordNet relative of T's word ("signing" ->
/// signatures) or T named in another sentence of its paragraph ("settled at 18 percent. Faure
/// called the figure ...").
#[test]
fn a_quote_fits_its_topic_through_a_relative_or_its_paragraph() {
    let engine = engine_for(Some("tests/eval/own-multi/articles"));
    for (q, wanted) in [
        (
            "what did the mediator say about signing",
            "signatures take politics",
        ),
        (
            "what did faure say about the 18 percent",
            "bearable for dolvan",
        ),
    ] {
        let a = engine.ask(q, None);
        assert!(a.answered, "{q}: {}", a.to_markdown());
        assert!(
            a.citations()
                .take(3)
                .any(|c| c.quote.to_lowercase().contains(wanted)),
            "{q}: {}",
            a.to_markdown()
        );
    }
}
