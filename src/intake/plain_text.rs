//! A plain-text article, as news text is often passed around -> [`Article`].
//!
//! The form: the headline on the first line, then one paragraph a line. A short line with no
//! closing punctuation that is followed by a paragraph is a subheading; a last line of one word
//! is the section tag. Blank lines are allowed and mean nothing. The date comes from a file name
//! that starts with `YYYY-MM-DD`, else from a dateline that gives the year
//! ("LONDON, April 23, 2025 (Agency) —"); otherwise the article is undated and no date is made
//! up for it. Pure: the caller reads the bytes.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::article::{Article, ArticleError, Paragraph};
use crate::lexicon::Language;

/// The source written for a plain-text article that names none (no dateline, no flag).
pub const UNKNOWN_SOURCE: &str = "source not stated";

/// Longest line, in characters, that can be a subheading.
const HEADING_MAX_CHARS: usize = 90;
/// Most words a subheading may have.
const HEADING_MAX_WORDS: usize = 14;

/// "LONDON, April 23 (Reuters) —", "KYIV, Ukraine, April 23, 2025 (AP) -": the place in capitals,
/// the month and day, an optional year, the agency in brackets and a dash.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>[\p{Lu}][\p{Lu}\p{Lu} .'’-]+)(?:, [\p{L} .'’-]+)?, (?P<month>[\p{Lu}][\p{Ll}]+)\.? (?P<day>\d{1,2})(?:, (?P<year>\d{4}))? \((?P<agency>[^)]{1,60})\) ?[—–-]+ ?",
    )
    .expect("the dateline pattern compiles")
});

/// What a dateline says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The date, when the dateline gives a year.
    pub date: Option<NaiveDate>,
    /// The agency in brackets.
    pub agency: String,
}

/// Reads a dateline at the start of `text`, if it has one; its month is read with the
/// `month_abbreviations` of `language`.
pub fn parse_dateline(text: &str, language: &Language) -> Option<Dateline> {
    let caps = DATELINE.captures(text)?;
    let agency = caps["agency"].trim().to_string();
    let date = caps.name("year").and_then(|y| {
        let month = month_number(&caps["month"], &language.month_abbreviations)?;
        let day: u32 = caps["day"].parse().ok()?;
        NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, month, day)
    });
    Some(Dateline { date, agency })
}

/// The month, January 1, whose abbreviation (`month_abbreviations`, January first) `name`
/// starts with: "Apr", "April" and "Apr." are all 4. A word shorter than the abbreviation is
/// no month.
fn month_number(name: &str, abbreviations: &[String]) -> Option<u32> {
    let lower = name.to_lowercase();
    abbreviations
        .iter()
        .position(|m| !m.is_empty() && lower.starts_with(&m.to_lowercase()))
        .map(|i| i as u32 + 1)
}

/// The date a file name starts with (`2025-04-23-london.txt`), if any.
pub fn date_from_file_name(id: &str) -> Option<NaiveDate> {
    let head = id.get(..10)?;
    let date = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    // "2025-04-230" is not a date followed by a name.
    match id[10..].chars().next() {
        None => Some(date),
        Some(c) if !c.is_ascii_digit() => Some(date),
        Some(_) => None,
    }
}

/// Parses a plain-text article; `file` names it in messages, `id` (the file name without its
/// extension) becomes its id and may carry its date; a dateline's month is read with
/// `language`.
pub fn parse_plain_text(
    file: &str,
    id: &str,
    bytes: &[u8],
    language: &Language,
) -> Result<Article, ArticleError> {
    let text = crate::build::article::article_text(file, bytes)?;
    // (line number from 1, text) of every non-empty line.
    let mut lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(ArticleError::EmptyBody { file: file.into() });
    }
    let (_, title) = lines.remove(0);
    let mut tag = None;
    if lines.len() > 1 && is_tag(lines[lines.len() - 1].1) {
        tag = lines.pop().map(|(_, t)| t.to_string());
    }
    let mut paragraphs = Vec::new();
    let mut warnings = Vec::new();
    let mut section: Option<String> = None;
    for (i, &(line, body)) in lines.iter().enumerate() {
        let next_is_paragraph = lines
            .get(i + 1)
            .is_some_and(|&(_, next)| !is_heading_shape(next));
        if is_heading_shape(body) && next_is_paragraph {
            section = Some(body.to_string());
            continue;
        }
        let n = paragraphs.len() as u32 + 1;
        warnings.extend(crate::build::article::unbalanced_quotes(
            file, line, n, body,
        ));
        paragraphs.push(Paragraph {
            n,
            section: section.clone(),
            text: body.to_string(),
            line,
        });
    }
    if paragraphs.is_empty() {
        return Err(ArticleError::EmptyBody { file: file.into() });
    }
    let dateline = parse_dateline(&paragraphs[0].text, language);
    let published = date_from_file_name(id).or_else(|| dateline.as_ref().and_then(|d| d.date));
    let source = dateline
        .map(|d| d.agency)
        .unwrap_or_else(|| UNKNOWN_SOURCE.to_string());
    Ok(Article {
        id: id.to_string(),
        title: title.to_string(),
        source,
        published,
        url: None,
        tag,
        paragraphs,
        warnings,
    })
}

/// A one-word line: the section tag a news site prints under its stories ("World").
fn is_tag(line: &str) -> bool {
    !line.contains(char::is_whitespace)
        && line.chars().count() <= 30
        && line.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// Short, and does not end a sentence: "Say yes or we walk away: Vance",
/// "US wants Kyiv to accept ‘new reality’".
fn is_heading_shape(line: &str) -> bool {
    if line.chars().count() > HEADING_MAX_CHARS
        || line.split_whitespace().count() > HEADING_MAX_WORDS
    {
        return false;
    }
    // A closing quote or bracket after a full stop still ends a sentence ("... step.”").
    let bare = line.trim_end_matches(['”', '’', '"', '\'', ')', ']']);
    !bare.ends_with(['.', '!', '?', '…', ':', ';', ','])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn parse_plain_text(file: &str, id: &str, bytes: &[u8]) -> Result<Article, ArticleError> {
        super::parse_plain_text(file, id, bytes, &Lexicon::builtin().language)
    }

    const SEED_SHAPE: &str = "Talks stall in the capital\n\
        Officials met on Wednesday to restart the talks.\n\
        “We are ready,” the envoy said.\n\
        What comes next\n\
        The ministers will meet again next week.\n\
        A ceasefire — on land and at sea — is the first step.\n\
        World";

    #[test]
    fn headline_paragraphs_subheadings_and_tag() {
        let a = parse_plain_text("a.txt", "talks", SEED_SHAPE.as_bytes()).unwrap();
        assert_eq!(a.title, "Talks stall in the capital");
        assert_eq!(a.paragraphs.len(), 4);
        assert_eq!(
            a.paragraphs[0].text,
            "Officials met on Wednesday to restart the talks."
        );
        assert_eq!(a.paragraphs[0].line, 2);
        assert_eq!(a.paragraphs[1].section, None);
        assert_eq!(a.paragraphs[2].section.as_deref(), Some("What comes next"));
        assert_eq!(a.paragraphs[3].n, 4);
        assert_eq!(a.tag.as_deref(), Some("World"));
        assert_eq!(a.published, None, "no date in the name: undated");
        assert_eq!(a.source, UNKNOWN_SOURCE);
    }

    #[test]
    fn a_dated_file_name_gives_the_date() {
        let a = parse_plain_text("x.txt", "2025-04-23-talks", SEED_SHAPE.as_bytes()).unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 4, 23));
        assert_eq!(date_from_file_name("2025-02-30-x"), None);
        assert_eq!(date_from_file_name("talks-2025-04-23"), None);
        assert_eq!(date_from_file_name("2025-04-231"), None);
        assert!(date_from_file_name("2025-04-23").is_some());
    }

    #[test]
    fn a_dateline_with_a_year_gives_date_and_source() {
        let text = "Headline here\nLONDON, April 23, 2025 (Wire Agency) — Officials met.\nMore text follows here.\n";
        let a = parse_plain_text("d.txt", "d", text.as_bytes()).unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 4, 23));
        assert_eq!(a.source, "Wire Agency");
        // The dateline stays in the text: quotes are verbatim.
        assert!(a.paragraphs[0].text.starts_with("LONDON, April 23, 2025"));
        let no_year = "Headline\nLONDON, April 23 (Wire Agency) - Officials met.\nMore.\n";
        let b = parse_plain_text("e.txt", "e", no_year.as_bytes()).unwrap();
        assert_eq!(b.published, None, "a dateline without a year gives no date");
        assert_eq!(b.source, "Wire Agency");
        let language = Lexicon::builtin().language;
        assert!(
            parse_dateline("London is where talks were held (again) - yes", &language).is_none()
        );
    }

    #[test]
    fn a_datelines_month_is_read_from_the_language_data() {
        let mut language = Lexicon::builtin().language;
        let date = |text: &str, language: &Language| parse_dateline(text, language)?.date;
        let line = "KYIV, Sept. 3, 2025 (AP) - Talks resumed.";
        assert_eq!(date(line, &language), NaiveDate::from_ymd_opt(2025, 9, 3));
        let line = "KYIV, Apr 3, 2025 (AP) - Talks resumed.";
        assert_eq!(date(line, &language), NaiveDate::from_ymd_opt(2025, 4, 3));
        // Another language's abbreviations: "Okt" is October, "Oct" no month.
        language.month_abbreviations[9] = "okt".to_string();
        let line = "BERLIN, Okt. 3, 2025 (dpa) - Talks resumed.";
        assert_eq!(date(line, &language), NaiveDate::from_ymd_opt(2025, 10, 3));
        let line = "KYIV, Oct. 3, 2025 (AP) - Talks resumed.";
        assert_eq!(date(line, &language), None);
    }

    #[test]
    fn a_short_closing_line_with_a_full_stop_is_a_paragraph() {
        let text = "H\nFirst paragraph of text.\nIt ended.\nAnother paragraph.\n";
        let a = parse_plain_text("f.txt", "f", text.as_bytes()).unwrap();
        assert_eq!(a.paragraphs.len(), 3);
        assert!(a.paragraphs.iter().all(|p| p.section.is_none()));
        assert_eq!(a.tag, None);
    }

    #[test]
    fn bad_input_is_a_clear_error() {
        assert!(matches!(
            parse_plain_text("e.txt", "e", b"Only a headline\n"),
            Err(ArticleError::EmptyBody { .. })
        ));
        assert!(matches!(
            parse_plain_text("b.txt", "b", b"Head\n\xff\xfe body\n"),
            Err(ArticleError::NotUtf8 { offset: 5, .. })
        ));
    }
}
