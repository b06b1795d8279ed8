//! Numbers and what they count: "4,000 of its troops", "three diplomats", "80-kilometre".
//!
//! Owns number words and figures with the nouns they measure. It must not read dates (years and
//! day numbers are left to `dates`) or people.

use crate::article::Article;
use crate::knowledge::NumberFact;
use crate::lexicon::Compiled;
use crate::text::CharMap;

use super::dates::{month_index, weekday_index};
use super::{adjacent_or_soft, cite, Sent};

pub(super) fn numbers_in(
    out: &mut Vec<NumberFact>,
    s: &Sent,
    article: &Article,
    n: u32,
    sid: &str,
    map: &CharMap,
    c: &Compiled,
) {
    let toks = &s.tokens;
    for (i, t) in toks.iter().enumerate() {
        let first_part = t.norm.split('-').next().unwrap_or("");
        let word_value = c.number_words.get(first_part).copied();
        let is_year = t.numeric
            && t.norm.len() == 4
            && t.norm
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        let value = if t.numeric {
            if is_year {
                continue;
            }
            t.norm
                .trim_end_matches('%')
                .replace(',', "")
                .parse::<f64>()
                .ok()
        } else if let Some(v) = word_value {
            // Only counts that measure something: "three-year", "three diplomats"; not "one of".
            if first_part == t.norm
                && toks
                    .get(i + 1)
                    .is_none_or(|x| c.stopwords.contains(&x.norm))
            {
                continue;
            }
            Some(v)
        } else {
            continue;
        };
        if t.numeric
            && toks.get(i + 1).is_some_and(|x| {
                weekday_index(&x.norm, c).is_some() || month_index(&x.norm, c).is_some()
            })
        {
            continue;
        }
        if i > 0 && month_index(&toks[i - 1].norm, c).is_some() {
            continue;
        }
        // Left: a determiner or a modifier within two words.
        let mut a = i;
        for back in 1..=2 {
            if i < back {
                break;
            }
            let p = &toks[i - back];
            if !adjacent_or_soft(s.hay, p.end, toks[i - back + 1].start) {
                break;
            }
            if matches!(
                p.norm.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "some"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "more"
                    | "than"
                    | "remaining"
                    | "around"
                    | "roughly"
                    | "at"
                    | "least"
                    | "only"
                    | "just"
            ) {
                a = i - back;
            } else {
                break;
            }
        }
        // Right: the nouns it counts, through "of" and possessives.
        let mut b = i + 1;
        while b < toks.len() && b - i <= 5 {
            let x = &toks[b];
            if !adjacent_or_soft(s.hay, toks[b - 1].end, x.start)
                && !s.hay[toks[b - 1].end..x.start].trim().is_empty()
            {
                break;
            }
            let stop = c.stopwords.contains(&x.norm) && !matches!(x.norm.as_str(), "of");
            if stop || c.reporting_verbs.contains(&x.norm) {
                break;
            }
            b += 1;
            if x.possessive {
                continue;
            }
        }
        while b > i + 1 && toks[b - 1].norm == "of" {
            b -= 1;
        }
        let (start, end) = (toks[a].start, toks[b - 1].end);
        out.push(NumberFact {
            number: t.text(s.hay).to_string(),
            value,
            measures: s.hay[start..end].to_string(),
            sentence: sid.to_string(),
            cite: cite(&article.id, n, map, start, end),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::read;

    #[test]
    fn numbers_keep_what_they_count_and_skip_years_and_days() {
        let (_, f) =
            read(&["In 2021 three diplomats said 4,000 troops would stay until 23 April."]);
        let got: Vec<(&str, Option<f64>)> = f
            .numbers
            .iter()
            .map(|n| (n.measures.as_str(), n.value))
            .collect();
        assert_eq!(
            got,
            [
                ("three diplomats", Some(3.0)),
                ("4,000 troops", Some(4000.0))
            ]
        );
    }

    /// The teens and the tens written as words are counts like the others ("sixty reporters",
    /// "within sixty days", "nineteen days").
    #[test]
    fn teens_and_tens_in_words_are_counts() {
        let (_, f) = read(&[
            "She took questions from more than sixty reporters, and the truce held for nineteen days.",
        ]);
        let got: Vec<(&str, Option<f64>)> = f
            .numbers
            .iter()
            .map(|n| (n.measures.as_str(), n.value))
            .collect();
        assert_eq!(
            got,
            [
                ("more than sixty reporters", Some(60.0)),
                ("nineteen days", Some(19.0))
            ]
        );
    }
}
