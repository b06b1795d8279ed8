//! Dated events: weekdays, "last week", "23 April", years, resolved against the publication date.
//!
//! Owns date phrases and the place named with them. It must not read people or quotes. Every
//! date word (weekdays, months, "yesterday", "last", "week", ...) comes from
//! `config/language.toml`.

use chrono::{Datelike, Duration, NaiveDate};

use crate::article::Article;
use crate::knowledge::Event;
use crate::lexicon::{Compiled, Period};
use crate::text::CharMap;

use super::{cite, Sent};

/// The weekday's number, Monday 0, from `weekdays` in `config/language.toml`.
pub(super) fn weekday_index(w: &str, c: &Compiled) -> Option<u32> {
    c.weekdays.iter().position(|d| d == w).map(|i| i as u32)
}

/// The month's number, January 1, from `months` in `config/language.toml`.
pub(super) fn month_index(w: &str, c: &Compiled) -> Option<u32> {
    c.months.iter().position(|m| m == w).map(|i| i as u32 + 1)
}

pub(super) fn week_range(d: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    (monday, monday + Duration::days(6))
}

pub(super) fn fmt_range(a: NaiveDate, b: NaiveDate) -> String {
    format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"))
}

pub(super) fn events_in(
    out: &mut Vec<Event>,
    s: &Sent,
    article: &Article,
    n: u32,
    sid: &str,
    map: &CharMap,
    c: &Compiled,
) {
    let toks = &s.tokens;
    // An undated article's dates are resolved against a placeholder here; the builder then
    // keeps only those that carry their own year (`crate::intake::forget_guessed_dates`).
    let pubd = article.published.unwrap_or_default();
    let future = toks.iter().any(|t| c.future_words.contains(&t.norm));
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let prev = i.checked_sub(1).map(|p| toks[p].norm.as_str());
        let mut found: Option<(usize, usize, Option<String>)> = None;
        // Only a capitalised word is a weekday: the others need no look in the list.
        if let Some(wd) = t.capital.then(|| weekday_index(&t.norm, c)).flatten() {
            let start = if prev.is_some_and(|p| c.weekday_lead_words.contains(p)) {
                i - 1
            } else {
                i
            };
            let cur = pubd.weekday().num_days_from_monday();
            // "next Monday" is ahead, "last Monday" a full week back on a Monday.
            let shift = prev.and_then(|p| c.period_shifts.get(p)).copied();
            let (next, last) = (shift.is_some_and(|d| d > 0), shift.is_some_and(|d| d < 0));
            let date = if next || (future && !last) {
                let ahead = (wd + 7 - cur) % 7;
                pubd + Duration::days(if ahead == 0 { 7 } else { ahead as i64 })
            } else {
                let back = (cur + 7 - wd) % 7;
                let back = if last && back == 0 { 7 } else { back };
                pubd - Duration::days(back as i64)
            };
            found = Some((start, i + 1, Some(date.format("%Y-%m-%d").to_string())));
        } else if let Some((&period, &shift)) = c
            .periods
            .get(&t.norm)
            .zip(prev.and_then(|p| c.period_shifts.get(p)))
        {
            // "last week", "this weekend", "next month", "last year" (`periods` and
            // `period_shifts` in config/language.toml).
            let date = match period {
                Period::Week | Period::Weekend => {
                    let (a, b) = week_range(pubd + Duration::weeks(shift));
                    if period == Period::Weekend {
                        Some(fmt_range(a + Duration::days(5), b))
                    } else {
                        Some(fmt_range(a, b))
                    }
                }
                Period::Month => {
                    let (y, m) = shift_month(pubd.year(), pubd.month(), shift);
                    Some(format!("{y:04}-{m:02}"))
                }
                Period::Year => Some(format!("{}", pubd.year() + shift as i32)),
            };
            found = Some((i - 1, i + 1, date));
        } else if let Some(&days) = c.relative_days.get(&t.norm) {
            // "yesterday", "today", "tomorrow", "tonight" (`relative_days`).
            let d = pubd + Duration::days(days);
            found = Some((i, i + 1, Some(d.format("%Y-%m-%d").to_string())));
        } else if t.numeric
            && t.norm.len() == 4
            && t.norm.chars().all(|ch| ch.is_ascii_digit())
            && prev.is_some_and(|p| c.year_prepositions.contains(p))
        {
            let y: i32 = t.norm.parse().unwrap_or(0);
            if (1900..=2100).contains(&y) {
                found = Some((i - 1, i + 1, Some(t.norm.clone())));
            }
        } else if let Some(m) = month_index(&t.norm, c).filter(|_| {
            // A month that is also a function word ("may") is a month only before a number.
            let ambiguous = c.stopwords.contains(&t.norm);
            t.capital && !ambiguous || ambiguous && toks.get(i + 1).is_some_and(|x| x.numeric)
        }) {
            // "April 23", "23 April", "April 2025", "end of March".
            let next_num = toks
                .get(i + 1)
                .filter(|x| x.numeric)
                .and_then(|x| x.norm.parse::<u32>().ok());
            let prev_num = i
                .checked_sub(1)
                .and_then(|p| toks[p].norm.parse::<u32>().ok());
            let (start, end, date) = match (prev_num, next_num) {
                (Some(d), _) if d <= 31 => (
                    i - 1,
                    i + 1,
                    NaiveDate::from_ymd_opt(pubd.year(), m, d)
                        .map(|x| x.format("%Y-%m-%d").to_string()),
                ),
                (_, Some(d)) if d <= 31 => (
                    i,
                    i + 2,
                    NaiveDate::from_ymd_opt(pubd.year(), m, d)
                        .map(|x| x.format("%Y-%m-%d").to_string()),
                ),
                (_, Some(y)) if (1900..=2100).contains(&y) => {
                    (i, i + 2, Some(format!("{y:04}-{m:02}")))
                }
                _ => (
                    i,
                    i + 1,
                    Some(format!(
                        "{:04}-{m:02}",
                        if m < pubd.month() && future {
                            pubd.year() + 1
                        } else {
                            pubd.year()
                        }
                    )),
                ),
            };
            found = Some((start, end, date));
        }
        if let Some((a, b, date)) = found {
            let (start, end) = (toks[a].start, toks[b - 1].end);
            out.push(Event {
                sentence: sid.to_string(),
                when_text: s.hay[start..end].to_string(),
                date,
                place: place_in(s, c),
                cite: cite(&article.id, n, map, start, end),
            });
            i = b;
        } else {
            i += 1;
        }
    }
}

pub(super) fn shift_month(y: i32, m: u32, shift: i64) -> (i32, u32) {
    let total = y as i64 * 12 + (m as i64 - 1) + shift;
    (
        (total.div_euclid(12)) as i32,
        (total.rem_euclid(12) + 1) as u32,
    )
}

/// The first place a sentence names: "in Paris", "to India", "the London talks", "in the port
/// city of Tessaly" (the words before and after a place come from `config/language.toml`).
pub(super) fn place_in(s: &Sent, c: &Compiled) -> Option<String> {
    let toks = &s.tokens;
    for i in 1..toks.len() {
        let t = &toks[i];
        if !t.capital
            || weekday_index(&t.norm, c).is_some()
            || month_index(&t.norm, c).is_some()
            || c.stopwords.contains(&t.norm)
        {
            continue;
        }
        let prev = toks[i - 1].norm.as_str();
        let before_event = toks
            .get(i + 1)
            .is_some_and(|x| c.place_event_nouns.contains(&x.norm));
        // "in the port city of Tessaly": a preposition, "the", up to three lowercase words, "of".
        let after_description = prev == "of"
            && (2..=5).any(|back| {
                i > back + 1
                    && toks[i - back].norm == "the"
                    && c.event_place_prepositions
                        .contains(&toks[i - back - 1].norm)
                    && toks[i - back + 1..i - 1].iter().all(|w| !w.capital)
            });
        if (c.event_place_prepositions.contains(prev) || after_description)
            && !c.not_names.contains(t.base(s.hay))
            || before_event && !t.possessive
        {
            return Some(t.base(s.hay).to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testing::{read, read_with};
    use super::{month_index, weekday_index};
    use crate::lexicon::Lexicon;

    #[test]
    fn weekday_and_month_names_are_read_from_the_language_data() {
        let mut lex = Lexicon::builtin();
        let c = lex.compile();
        assert_eq!(weekday_index("monday", &c), Some(0));
        assert_eq!(weekday_index("sunday", &c), Some(6));
        assert_eq!(month_index("january", &c), Some(1));
        assert_eq!(month_index("december", &c), Some(12));
        assert_eq!(month_index("week", &c), None);
        // Another language's names are numbered by their place in its lists.
        lex.language.months[3] = "avril".to_string();
        lex.language.weekdays[0] = "lundi".to_string();
        let c = lex.compile();
        assert_eq!(month_index("avril", &c), Some(4));
        assert_eq!(month_index("april", &c), None);
        assert_eq!(weekday_index("lundi", &c), Some(0));
    }

    #[test]
    fn relative_and_written_dates_resolve_against_publication() {
        // Published on Wednesday 2026-05-06.
        let (_, f) = read(&["The envoys met on Monday, and again on 23 April in Velmont."]);
        let dates: Vec<(&str, Option<&str>)> = f
            .events
            .iter()
            .map(|e| (e.when_text.as_str(), e.date.as_deref()))
            .collect();
        assert_eq!(
            dates,
            [
                ("on Monday", Some("2026-05-04")),
                ("23 April", Some("2026-04-23"))
            ]
        );
        assert_eq!(f.events[1].place.as_deref(), Some("Velmont"));
        let (_, f) =
            read(&["Negotiators ended two days of talks in the port city of Tessaly on Tuesday."]);
        assert_eq!(f.events[0].place.as_deref(), Some("Tessaly"));
        // Not any "of": "the leader of Valmora" is not where anything happened.
        let (_, f) = read(&["The leader of Valmora spoke on Tuesday."]);
        assert_eq!(f.events[0].place, None);
        // "may" is a month only before a day number.
        let (_, f) = read(&["Talks may resume in Velmont, the envoys said on May 5."]);
        let dates: Vec<&str> = f.events.iter().filter_map(|e| e.date.as_deref()).collect();
        assert_eq!(dates, ["2026-05-05"]);
    }

    /// (when_text, date) of each event in `sentence`, read with `lex`.
    fn dated(sentence: &str, lex: &Lexicon) -> Vec<(String, Option<String>)> {
        let (_, f) = read_with(&[sentence], lex);
        f.events
            .into_iter()
            .map(|e| (e.when_text, e.date))
            .collect()
    }

    #[test]
    fn relative_days_and_shifted_periods_are_read_from_the_language_data() {
        // Published on Wednesday 2026-05-06.
        let lex = Lexicon::builtin();
        let own = |pairs: &[(&str, &str)]| -> Vec<(String, Option<String>)> {
            pairs
                .iter()
                .map(|(w, d)| (w.to_string(), Some(d.to_string())))
                .collect()
        };
        assert_eq!(
            dated("The envoys met yesterday and meet again tomorrow.", &lex),
            own(&[("yesterday", "2026-05-05"), ("tomorrow", "2026-05-07")])
        );
        assert_eq!(
            dated(
                "Talks began last week and end next month, not this year.",
                &lex
            ),
            own(&[
                ("last week", "2026-04-27/2026-05-03"),
                ("next month", "2026-06"),
                ("this year", "2026"),
            ])
        );
        assert_eq!(
            dated("They met this weekend and again last Wednesday.", &lex),
            own(&[
                ("this weekend", "2026-05-09/2026-05-10"),
                ("last Wednesday", "2026-04-29"),
            ])
        );
        // Other words, other distances: the lists are data, not code.
        let mut other = Lexicon::builtin();
        other.language.relative_days = vec![("overmorrow".to_string(), 2)];
        other.language.period_shifts = vec![("previous".to_string(), -1)];
        other.language.periods = vec![("fortnight".to_string(), "week".to_string())];
        assert_eq!(
            dated(
                "They met yesterday, previous fortnight, and meet overmorrow.",
                &other
            ),
            own(&[
                ("previous fortnight", "2026-04-27/2026-05-03"),
                ("overmorrow", "2026-05-08"),
            ])
        );
    }
}
