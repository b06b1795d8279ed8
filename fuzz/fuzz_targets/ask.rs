//! The question path on arbitrary text, against the seed knowledge: no panic, every citation
//! verbatim in its paragraph, and no mention syntax from the question in the reply's Markdown.
#![no_main]

#[path = "seed.rs"]
mod seed;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let q = String::from_utf8_lossy(data);
    let answer = seed::engine().ask(&q, None);
    let k = seed::engine().knowledge();
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
