//! Quotation marks: where each quotation in a paragraph opens and closes.
//!
//! Owns curly and straight double quotes, single quotes that are not apostrophes, and quotes
//! left open to the paragraph's end, and quoted names that are no one's words. It must not
//! attribute a quote to anyone.

use crate::lexicon::Compiled;
use crate::text::tokenize;

/// A quotation found in a paragraph: byte span of the words inside the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct QuoteSpan {
    pub(super) open: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) close: usize,
}

pub(super) fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let mut i = 0;
    while i < chars.len() {
        let (pos, ch) = chars[i];
        let closing = match ch {
            '“' => Some('”'),
            '"' => Some('"'),
            '‘' if i == 0 || !chars[i - 1].1.is_alphanumeric() => Some('’'),
            _ => None,
        };
        let Some(closing) = closing else {
            i += 1;
            continue;
        };
        let start = pos + ch.len_utf8();
        let mut j = i + 1;
        let mut found = None;
        while j < chars.len() {
            let (p, c2) = chars[j];
            if c2 == closing {
                let next_alnum = chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
                if closing != '’' || !next_alnum {
                    found = Some((p, p + c2.len_utf8()));
                    break;
                }
            }
            if closing == '”' && c2 == '“' {
                break;
            }
            j += 1;
        }
        match found {
            Some((end, close)) => {
                if end > start {
                    out.push(QuoteSpan {
                        open: pos,
                        start,
                        end,
                        close,
                    });
                }
                i = j + 1;
            }
            None => {
                // An unclosed quote runs to the paragraph's end (news style for quotes spanning paragraphs).
                if closing == '”' || closing == '"' {
                    let end = text.trim_end().len();
                    if end > start {
                        out.push(QuoteSpan {
                            open: pos,
                            start,
                            end,
                            close: end,
                        });
                    }
                }
                i = chars.len();
            }
        }
    }
    out
}

/// Quotations inside another one, between `start` and `end` of `text`: the byte spans of the
/// words inside single curly marks (“... ‘Sign or wait,’ ...”), whose closing mark is no
/// apostrophe. They are someone's words the speaker repeats, or a word they mention.
pub(super) fn inner_quotes(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text[start..end]
        .char_indices()
        .map(|(i, ch)| (start + i, ch))
        .collect();
    let mut i = 0;
    while i < chars.len() {
        let opens = chars[i].1 == '‘' && (i == 0 || !chars[i - 1].1.is_alphanumeric());
        if !opens {
            i += 1;
            continue;
        }
        let from = chars[i].0 + '‘'.len_utf8();
        let close = (i + 1..chars.len()).find(|&j| {
            chars[j].1 == '’' && !chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric())
        });
        match close {
            Some(j) => {
                let (a, b) = trim_quote(text, from, chars[j].0);
                let b = a + text[a..b].trim_end_matches(['.', ',']).len();
                if b > a {
                    out.push((a, b));
                }
                i = j + 1;
            }
            None => break,
        }
    }
    out
}

/// Trims a quote's inner span of surrounding spaces and a trailing comma.
pub(super) fn trim_quote(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && text[start..].starts_with(char::is_whitespace) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    loop {
        let s = &text[start..end];
        let trimmed = s.trim_end_matches([',', ' ', '\u{a0}']);
        if trimmed.len() == s.len() {
            break;
        }
        end = start + trimmed.len();
    }
    (start, end)
}

/// True when quoted words name a thing rather than report speech: a plan, a slogan, a title
/// ("the “Clear Water Framework”", "“One River, Two Banks”"). That is two to six words, every
/// one capitalised but the function words, with no sentence inside.
pub(super) fn names_a_thing(text: &str, c: &Compiled) -> bool {
    let inner = text.trim_end_matches(['.', ',']);
    if inner.contains(['.', '!', '?', ';', ':']) {
        return false;
    }
    let tokens = tokenize(inner);
    let content: Vec<_> = tokens
        .iter()
        .filter(|t| !c.stopwords.contains(&t.norm))
        .collect();
    (2..=6).contains(&tokens.len()) && !content.is_empty() && content.iter().all(|t| t.capital)
}

/// True when the quotation opening at `open` in sentence `s` is a term the sentence says
/// something is called ("a rig known along this coast as a “chain sweep”", "what is referred
/// to as “...”"): "as", maybe an article, right before the opening mark, after a participle of
/// naming a few lowercase words before, with no comma between. Such words are nobody's.
pub(super) fn names_a_term(s: &super::Sent, open: usize, text: &str, c: &Compiled) -> bool {
    let inner = text.trim_end_matches(['.', ',']);
    if inner.contains(['.', '!', '?', ';', ':']) || tokenize(inner).len() > 6 {
        return false;
    }
    let toks = &s.tokens;
    let Some(mut last) = toks.iter().rposition(|t| t.end <= open) else {
        return false;
    };
    if c.role_articles.contains(&toks[last].norm) && last > 0 {
        last -= 1;
    }
    if toks[last].norm != "as" {
        return false;
    }
    let Some(cue) = (last.saturating_sub(5)..last)
        .rev()
        .find(|&k| c.term_cues.contains(&toks[k].norm))
    else {
        return false;
    };
    (cue..=last).all(|k| !toks[k].capital) && !s.hay[toks[cue].end..open].contains(',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn spans(text: &str) -> Vec<&str> {
        find_quotes(text)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn curly_straight_single_and_unclosed_quotes() {
        assert_eq!(spans("He said “yes” and \"no\"."), ["yes", "no"]);
        assert_eq!(spans("It is ‘final’, the envoy’s aide said."), ["final"]);
        assert_eq!(spans("“We will stay. We will"), ["We will stay. We will"]);
        assert!(spans("The envoy’s plan isn’t new.").is_empty());
    }

    #[test]
    fn quotations_inside_a_quotation_are_found_without_apostrophes() {
        let text = "“He told us, ‘Go home,’ and we didn’t. The word is ‘return’.”";
        let q = find_quotes(text)[0];
        let inner: Vec<&str> = inner_quotes(text, q.start, q.end)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(inner, ["Go home", "return"]);
        let plain = "“The envoy’s plan isn’t new.”";
        let q = find_quotes(plain)[0];
        assert!(inner_quotes(plain, q.start, q.end).is_empty());
    }

    #[test]
    fn quoted_names_are_told_from_quoted_words() {
        let c = Lexicon::builtin().compile();
        assert!(names_a_thing("Clear Water Framework", &c));
        assert!(names_a_thing("One River, Two Banks.", &c));
        assert!(names_a_thing("the Dessert Accord", &c));
        assert!(!names_a_thing("Shameful", &c));
        assert!(!names_a_thing("a step sideways", &c));
        assert!(!names_a_thing("We Will Not Go. Never.", &c));
    }
}
