//! Step 1 of the pipeline: a question as typed -> a bounded string with no control characters
//! or mention syntax. Owns what may reach matching at all; must not interpret the words.

use crate::text::char_slice;

/// Longest question read, in characters; the rest is ignored.
pub const MAX_QUESTION_CHARS: usize = 1000;

/// Bounds a question's length and removes control, zero-width and direction characters and
/// mention syntax, so that nothing a user types can steer matching or rendering.
pub fn clean_question(q: &str) -> String {
    let mut out = String::with_capacity(q.len().min(MAX_QUESTION_CHARS * 4));
    for (n, c) in q.chars().enumerate() {
        if n >= MAX_QUESTION_CHARS {
            break;
        }
        let drop = c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{2060}' | '\u{00AD}');
        if drop {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    // "<@123>", "<@&123>", "<#123>" and "@everyone" are Discord syntax, not words.
    let mut cleaned = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find('<') {
        cleaned.push_str(&rest[..i]);
        let tail = &rest[i..];
        match tail.find('>') {
            Some(j)
                if j < 40
                    && tail[1..j]
                        .trim_start_matches(['@', '&', '#', '!', ':'])
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') =>
            {
                cleaned.push(' ');
                rest = &tail[j + 1..];
            }
            _ => {
                cleaned.push('<');
                rest = &tail[1..];
            }
        }
    }
    cleaned.push_str(rest);
    let cleaned = cleaned
        .replace("@everyone", " ")
        .replace("@here", " ")
        .replace('@', " ");
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The characters of a cited span (re-exported for front ends that check quotes).
pub fn cited_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    char_slice(text, start, end)
}
