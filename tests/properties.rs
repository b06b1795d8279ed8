//! Properties of the public API under arbitrary input (issue 5, "Hostile input"): every citation
//! stands verbatim in its article, `ask` never panics on any Unicode (how fast it answers is
//! measured by the criterion benches, not asserted here),
//! a reply's Markdown never lets a mention from user text through, the knowledge file
//! round-trips through JSON, and the article parser never panics on any bytes.
//!
//! Cases are kept small (`with_cases`) so the suite stays fast; `PROPTEST_CASES=5000 cargo test
//! --release --test properties` runs them longer (see docs/robustness.md).

use std::path::Path;
use std::sync::OnceLock;

use parley::article::parse_article;
use parley::build::{build_from, BuildOptions};
use parley::engine::{Engine, EngineSettings};
use parley::knowledge::Knowledge;
use parley::lexicon::Lexicon;
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json");
        Engine::new(
            Knowledge::load(&path).expect("seed knowledge loads"),
            EngineSettings {
                max_quotes: 3,
                ..EngineSettings::default()
            },
        )
    })
}

/// Pieces a hostile or confused user types: words the engine knows, mention and Markdown
/// syntax, control, zero-width and bidi characters, emoji, and any char at all.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<char>().prop_map(String::from),
        3 => prop::sample::select(vec![
            "who", "what", "did", "say", "about", "is", "position", "on", "Vance", "Witkoff",
            "witkof", "Rubio", "Starmer", "Svyrydenko", "Crimea", "ceasefire", "truce", "NATO",
            "Ukraine", "Kyiv", "Russia", "sanctions", "proposal", "summary", "sources", "when",
            "how", "many", "why", "London", "?", "'s", "’s", "and", "he", "she",
        ])
        .prop_map(|s| format!(" {s} ")),
        2 => prop::sample::select(vec![
            "@everyone", "@here", "<@&123>", "<@!42>", "<@42>", "<#1>", "@", "**", "__", "`",
            "```", "> ", "# ", "[x](http://e.com)", "||spoiler||", "\\", "~~", "\n", "\r\n",
            "\t", "\u{0}", "\u{7}", "\u{1b}[31m", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{202E}",
            "\u{2066}", "مرحبا", "שלום", "🇺🇦", "👍🏽", "👨‍👩‍👧", "é", "e\u{301}", "\u{FFFD}",
            "“", "”", "\"", "/summary", "/who ", "/quotes ", "/positions ",
        ])
        .prop_map(String::from),
    ]
}

fn question() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn check_answer(q: &str) -> Result<(), TestCaseError> {
    let k = engine().knowledge();
    let answer = engine().ask(q, None);
    for c in answer.citations() {
        let article = k.article(&c.article);
        prop_assert!(article.is_some(), "cited article {} is missing", c.article);
        let para = article
            .unwrap()
            .paragraphs
            .iter()
            .find(|p| p.n == c.paragraph);
        prop_assert!(
            para.is_some(),
            "{} has no paragraph {}",
            c.article,
            c.paragraph
        );
        prop_assert!(
            para.unwrap().text.contains(&c.quote),
            "quote {:?} is not verbatim in {} paragraph {} (question {q:?})",
            c.quote,
            c.article,
            c.paragraph
        );
    }
    let text = answer.to_markdown();
    for mention in ["@everyone", "@here", "<@"] {
        prop_assert!(
            !text.contains(mention),
            "reply to {q:?} lets {mention:?} through:\n{text}"
        );
    }
    let json = answer.to_json();
    prop_assert_eq!(json["text"].as_str(), Some(text.as_str()));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Citations are verbatim, no panic, bounded time, no mention leaks: on mixed hostile text.
    #[test]
    fn ask_is_safe_on_hostile_text(q in question()) {
        check_answer(&q)?;
    }

    /// The same on any Unicode string at all.
    #[test]
    fn ask_is_safe_on_any_unicode(q in "\\PC*") {
        check_answer(&q)?;
    }

    /// The article parser never panics on any bytes.
    #[test]
    fn parse_article_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_article("fuzz.md", "fuzz", &bytes);
    }

    /// Nor on text shaped like an article: front matter and body of arbitrary pieces.
    #[test]
    fn parse_article_never_panics_on_article_shapes(
        fm in prop::collection::vec(piece(), 0..12),
        body in prop::collection::vec(piece(), 0..60),
        date in "[0-9-]{0,12}",
    ) {
        let text = format!(
            "+++\ntitle = \"{}\"\nsource = \"S\"\npublished = \"{date}\"\n+++\n\n{}\n",
            fm.concat(),
            body.concat()
        );
        let _ = parse_article("fuzz.md", "fuzz", text.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// Up to 100 KB of text: still no panic and bounded time.
    #[test]
    fn ask_is_bounded_on_long_text(
        unit in question(),
        kb in 1usize..=100,
    ) {
        let unit = if unit.is_empty() { "who is Vance ".to_string() } else { unit };
        let q = unit.repeat(kb * 1024 / unit.len() + 1);
        check_answer(&q)?;
    }

    /// The knowledge file round-trips through JSON, on synthetic corpora of a few articles.
    #[test]
    fn knowledge_json_round_trips(seed in any::<u64>(), n in 1usize..4) {
        let arts = parley::corpus::generate_articles(n, seed);
        let files: Vec<String> = arts.iter().map(|a| format!("{}.md", a.id)).collect();
        let inputs: Vec<(&str, &str, &[u8])> = arts
            .iter()
            .zip(&files)
            .map(|(a, f)| (f.as_str(), a.id.as_str(), a.text.as_bytes()))
            .collect();
        let k = build_from(&inputs, &Lexicon::builtin(), &BuildOptions::default())
            .expect("generated articles build")
            .knowledge;
        let back = Knowledge::from_json(&k.to_json(), Path::new("k.json"));
        prop_assert!(back.is_ok(), "{:?}", back.err());
        prop_assert_eq!(back.unwrap(), k);
    }
}

/// The inputs docs/robustness.md lists, each answered (or declined) without a mention leak.
#[test]
fn named_bad_questions() {
    let long = "peace ".repeat(100 * 1024 / 6);
    let cases = [
        "",
        "   \t  ",
        long.as_str(),
        "\u{0}\u{1}\u{7}\u{1b}[2J",
        "who\u{200B}is\u{200D}Vance\u{FEFF}",
        "\u{202E}ecnaV si ohw",
        "ما هو موقف أوكرانيا؟",
        "🇺🇦🤝🇷🇺 ceasefire? 👍🏽",
        "**bold** _it_ `code` [link](http://x) > quote # head",
        "@everyone what did Vance say?",
        "<@&123> <@!42> @here who is Witkoff",
    ];
    for q in cases {
        check_answer(q).unwrap();
    }
}

/// The seed knowledge file itself round-trips. (Read from the file: the engine's copy lacks
/// what the engine keeps in its own indexes.)
#[test]
fn seed_knowledge_round_trips() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json");
    let k = Knowledge::load(&path).unwrap();
    let back = Knowledge::from_json(&k.to_json(), Path::new("k.json")).unwrap();
    assert_eq!(back, k);
}
