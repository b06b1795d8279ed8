//! Reported statements: a sentence whose reporting verb reports something besides a
//! quotation ("X said the talks would resume").
//!
//! It must not attribute quotations nor decide a verb's speaker (`attribution` does).

use crate::article::Article;
use crate::knowledge::Statement;
use crate::text::CharMap;

use super::attribution::Said;
use super::quotes::QuoteSpan;
use super::sentence::{cite, Sent};

/// A reported statement: the first verb that reports something besides a quote, with enough
/// words outside the quotations; pushed to `out`, numbered on from `statement_no`.
#[allow(clippy::too_many_arguments)]
pub(super) fn statement_in(
    out: &mut Vec<Statement>,
    statement_no: &mut usize,
    s: &Sent,
    saids: &[Said],
    sentence_quotes: &[QuoteSpan],
    (article, paragraph): (&Article, u32),
    sid: &str,
    map: &CharMap,
) {
    let p_n = paragraph;
    if let Some(sd) = saids
        .iter()
        .find(|sd| sd.speaker.is_some() && !sd.after_quote && !sd.characterising)
    {
        let rest_words = s
            .tokens
            .iter()
            .filter(|t| t.start > s.tokens[sd.verb].start)
            .filter(|t| {
                !sentence_quotes
                    .iter()
                    .any(|q| t.start >= q.start && t.end <= q.end)
            })
            .count();
        let before_words = s
            .tokens
            .iter()
            .take_while(|t| t.end <= s.tokens[sd.verb].start)
            .filter(|t| {
                !sentence_quotes
                    .iter()
                    .any(|q| t.start >= q.start && t.end <= q.end)
            })
            .count();
        let at_end = rest_words == 0 && before_words >= 6;
        if rest_words >= 3 || at_end {
            *statement_no += 1;
            let speaker = sd.speaker.clone().expect("checked");
            out.push(Statement {
                id: format!("{}#st{statement_no}", article.id),
                speaker: speaker.clone(),
                verb: s.tokens[sd.verb].norm.clone(),
                sentence: sid.to_string(),
                cite: cite(&article.id, p_n, map, s.start, s.end),
            });
        }
    }
}
