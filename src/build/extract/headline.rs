//! What a whole article is, read before its sentences: an interview (questions answered by
//! sentences that open with a quotation) and the one known person its headline names.
//!
//! It must not attribute a quotation: the sentence walk (`extract`) uses these answers.

use crate::lexicon::Compiled;

use super::people::unknown_names;
use super::quotes::{find_quotes, QuoteSpan};
use super::registry::{person_mentions, Registry};
use super::sentence::{sentences_of, Sent};

/// An interview: questions, each answered by a sentence that opens with a quotation, whose
/// answers are the words of the one person the headline names, or of whoever an answer is
/// given to.
pub(super) fn is_interview(para_sents: &[Vec<Sent>]) -> bool {
    let mut asked = false;
    let mut answered = 0;
    for sents in para_sents {
        for s in sents.iter() {
            let quotes = s.quotes();
            if asked && quotes.iter().any(|q| q.open == s.start) {
                answered += 1;
            }
            asked = asks(s, quotes);
        }
    }
    answered >= 2
}

/// True when a sentence, outside any quotation, asks a question: it quotes nobody and ends
/// with a question mark, emphasis marks aside ("**Is a deal close?**").
pub(super) fn asks(s: &Sent, quotes: &[QuoteSpan]) -> bool {
    !quotes.iter().any(|q| q.open < s.end && q.close > s.start)
        && s.hay[s.start..s.end]
            .trim_end_matches(|ch: char| ch.is_whitespace() || ch == '*' || ch == '_')
            .ends_with('?')
}

/// The one known person a headline names, and nobody else.
pub(super) fn headline_person(
    title: &str,
    c: &Compiled,
    registry: &Registry,
    in_full: &std::collections::HashSet<usize>,
) -> Option<usize> {
    let mut found = None;
    for s in sentences_of(title, c) {
        let quotes = find_quotes(title);
        let mentions: Vec<_> = person_mentions(&s, registry, in_full, c)
            .into_iter()
            .filter(|m| {
                !quotes
                    .iter()
                    .any(|q| s.tokens[m.start].start >= q.open && s.tokens[m.start].start < q.close)
            })
            .collect();
        if !unknown_names(&s, c, registry, &mentions).is_empty() {
            return None;
        }
        for m in mentions {
            match (m.person, found) {
                (None, _) => return None,
                (Some(pi), None) => found = Some(pi),
                (Some(pi), Some(f)) if pi != f => return None,
                _ => {}
            }
        }
    }
    found
}
