//! The article parser on arbitrary bytes: it may reject them, never panic; what it accepts has
//! at least one paragraph and a real date.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = parley::article::parse_article("fuzz.md", "fuzz", data) {
        assert!(!article.paragraphs.is_empty());
        for (i, p) in article.paragraphs.iter().enumerate() {
            assert_eq!(p.n as usize, i + 1);
        }
    }
});
