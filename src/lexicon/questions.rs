//! The rewriting of a question's opening before it is understood: small talk dropped before
//! the question proper, an opening that asks the same as a plainer one, chat shorthand written
//! out.
//!
//! Owns those three rewrites, over the compiled word lists. It must not read the question's
//! meaning: that is the engine's.

use crate::text::normalize;

use super::Compiled;

impl Compiled {
    /// The question proper, when small talk comes before it: "sorry dumb q but what is crimea"
    /// -> "what is crimea", "ok so who is vance" -> "who is vance". The question starts at a
    /// question word (`question_words`: what, who, ...) right after a preamble end ("but", "so"); otherwise the
    /// question is returned as it is. A sentence end is not enough: in "so he pulled out?? why
    /// tho" the question needs what comes before.
    pub fn drop_preamble<'q>(&self, question: &'q str) -> &'q str {
        let mut offset = 0;
        let mut previous_ends = false;
        for (i, word) in question.split(' ').enumerate() {
            let core = word
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                .to_lowercase();
            let head = core.split(['\'', '\u{2019}']).next().unwrap_or("");
            if i > 0 && previous_ends && self.question_words.contains(head) {
                return &question[offset..];
            }
            previous_ends = self.preamble_ends.contains(&core);
            offset += word.len() + 1;
        }
        question
    }

    /// A question whose opening asks the same as a plainer one, with that one in its place
    /// ("what's the name of their envoy" -> "who is their envoy", when a title follows, or
    /// "do we know who" -> "who"); otherwise as it is.
    pub fn rewrite_opener(&self, question: &str) -> String {
        let lower = normalize(question);
        for (from, to) in &self.opener_rewrites {
            let rest = lower.strip_prefix(from.as_str());
            // Only about someone: a title follows ("the name of their envoy"), not a thing
            // ("the name of the agreement", which search answers).
            let about_someone = rest.is_some_and(|r| {
                r.starts_with(|c: char| !c.is_alphanumeric())
                    && (from.ends_with(" who")
                        || !self.titles.find(&crate::text::tokenize(r)).is_empty())
            });
            if about_someone {
                // Byte offsets agree: `normalize` keeps an ASCII opening's length.
                if let Some(tail) = question.get(from.len()..) {
                    return format!("{to}{tail}");
                }
            }
        }
        question.to_string()
    }

    /// A question with its chat shorthand and title abbreviations written out, word by word
    /// ("wat did the vp say abt nato" -> "what did the vice president say about nato"). Case is
    /// ignored, punctuation around a word and a possessive `'s` are kept.
    pub fn expand_shorthand(&self, question: &str) -> String {
        if self.shorthand.is_empty() {
            return question.to_string();
        }
        let mut out = String::with_capacity(question.len() + 16);
        for (i, word) in question.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
            let start = word.find(core).unwrap_or(0);
            let (lead, rest) = word.split_at(start);
            let (core, tail) = rest.split_at(core.len());
            let lower = core.to_lowercase();
            // An abbreviation in capitals with a lowercase "s" ("the VPs line", "PMs") is its
            // possessive or plural, typed without the apostrophe.
            let capitals_s = core
                .strip_suffix('s')
                .filter(|b| b.len() >= 2 && b.bytes().all(|c| c.is_ascii_uppercase()))
                .map(str::to_lowercase)
                .filter(|k| self.shorthand.contains_key(k));
            let (key, possessive) = match lower
                .strip_suffix("'s")
                .or_else(|| lower.strip_suffix("\u{2019}s"))
            {
                Some(k) if self.shorthand.contains_key(k) => (k.to_string(), &core[k.len()..]),
                _ => match capitals_s {
                    Some(k) => (k, "'s"),
                    None => (lower, ""),
                },
            };
            match self.shorthand.get(&key) {
                Some(full) if !core.is_empty() => {
                    out.push_str(lead);
                    out.push_str(full);
                    out.push_str(possessive);
                    out.push_str(tail);
                }
                _ => out.push_str(word),
            }
        }
        out
    }
}
