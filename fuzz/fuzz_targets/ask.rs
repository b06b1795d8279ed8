//! The question path on arbitrary text, against the seed knowledge: no panic, every citation
//! verbatim in its paragraph, and no mention syntax from the question in the reply's Markdown.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parley::engine::{Engine, EngineSettings};
use parley::knowledge::Knowledge;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let json = include_str!("../../knowledge/knowledge.json");
        let k = Knowledge::from_json(json, Path::new("knowledge.json")).expect("seed knowledge");
        Engine::new(k, EngineSettings { max_quotes: 3 })
    })
}

fuzz_target!(|data: &[u8]| {
    let q = String::from_utf8_lossy(data);
    let answer = engine().ask(&q, None);
    let k = engine().knowledge();
    for c in answer.citations() {
        let para = k
            .article(&c.article)
            .and_then(|a| a.paragraphs.iter().find(|p| p.n == c.paragraph))
            .expect("cited paragraph exists");
        assert!(
            para.text.contains(&c.quote),
            "quote not verbatim: {:?}",
            c.quote
        );
    }
    let text = answer.to_markdown();
    for m in ["@everyone", "@here", "<@"] {
        assert!(!text.contains(m), "mention {m:?} leaked for {q:?}");
    }
});
