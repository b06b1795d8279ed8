//! One article file -> [`Article`]: TOML front matter between `+++` lines, then paragraphs
//! separated by blank lines, `## ` section headings, and an optional trailing one-word tag.
//!
//! Pure: the caller reads the bytes. Errors name the file and, where there is one, the line.

use serde::Deserialize;

/// The `published` value of an article whose date is not known.
pub const UNDATED: &str = "unknown";

/// Largest article accepted, in bytes.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// A parsed article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The file name without `.md`.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publisher.
    pub source: String,
    /// `YYYY-MM-DD`; none for an undated article (`published = "unknown"`).
    pub published: Option<chrono::NaiveDate>,
    /// Address, if any.
    pub url: Option<String>,
    /// Trailing one-word section tag, if any.
    pub tag: Option<String>,
    /// Body paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Non-fatal problems, each naming the file and line.
    pub warnings: Vec<String>,
}

/// A body paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Number from 1.
    pub n: u32,
    /// The `## ` heading above it, if any.
    pub section: Option<String>,
    /// The text (lines of one block joined by a space).
    pub text: String,
    /// Line in the file where it starts (from 1).
    pub line: usize,
}

/// Why an article cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArticleError {
    /// Not UTF-8.
    #[error(
        "{file}: not UTF-8 text (first bad byte at offset {offset}); save the article as UTF-8"
    )]
    NotUtf8 {
        /// File name.
        file: String,
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// Too big.
    #[error("{file}: {size} bytes is over the {max}-byte limit for one article; split it into several articles")]
    TooLarge {
        /// File name.
        file: String,
        /// Its size.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// No front matter.
    #[error("{file}:1: missing front matter: the file must start with a `+++` line, then title, source and published, then `+++`")]
    NoFrontMatter {
        /// File name.
        file: String,
    },
    /// Front matter not closed.
    #[error("{file}:{line}: front matter opened here is never closed with a `+++` line")]
    UnclosedFrontMatter {
        /// File name.
        file: String,
        /// Line of the opening `+++`.
        line: usize,
    },
    /// Front matter not valid TOML or missing a field.
    #[error("{file}:{line}: bad front matter: {message}")]
    BadFrontMatter {
        /// File name.
        file: String,
        /// Line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Date not `YYYY-MM-DD`.
    #[error("{file}:{line}: published date {value:?} is not a real date in the form YYYY-MM-DD (or \"unknown\")")]
    BadDate {
        /// File name.
        file: String,
        /// Line.
        line: usize,
        /// The value.
        value: String,
    },
    /// No paragraphs.
    #[error("{file}: the article has no body paragraphs after its front matter")]
    EmptyBody {
        /// File name.
        file: String,
    },
}

#[derive(Deserialize)]
struct FrontMatter {
    title: Option<String>,
    source: Option<String>,
    published: Option<toml::Value>,
    url: Option<String>,
}

/// An article file's bytes as text: within the size limit, UTF-8, without a byte-order mark.
/// Shared by the Markdown and the plain-text readers.
pub(crate) fn article_text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ArticleError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge {
            file: file.into(),
            size: bytes.len(),
            max: MAX_ARTICLE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8 {
        file: file.into(),
        offset: e.valid_up_to(),
    })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// Parses an article from its bytes; `file` names it in messages, `id` becomes its id.
pub fn parse_article(file: &str, id: &str, bytes: &[u8]) -> Result<Article, ArticleError> {
    let text = article_text(file, bytes)?;
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let open = match first {
        Some(i) if lines[i].trim() == "+++" => i,
        _ => return Err(ArticleError::NoFrontMatter { file: file.into() }),
    };
    let close = lines[open + 1..]
        .iter()
        .position(|l| l.trim() == "+++")
        .map(|p| p + open + 1)
        .ok_or(ArticleError::UnclosedFrontMatter {
            file: file.into(),
            line: open + 1,
        })?;
    let fm_text = lines[open + 1..close].join("\n");
    let fm: FrontMatter = toml::from_str(&fm_text).map_err(|e| {
        let line = e
            .span()
            .map(|s| open + 2 + fm_text[..s.start.min(fm_text.len())].matches('\n').count())
            .unwrap_or(open + 1);
        ArticleError::BadFrontMatter {
            file: file.into(),
            line,
            message: e.message().to_string(),
        }
    })?;
    let key_line = |key: &str| {
        lines[open + 1..close]
            .iter()
            .position(|l| l.trim_start().starts_with(key))
            .map(|p| p + open + 2)
            .unwrap_or(open + 1)
    };
    let missing = |key: &str| ArticleError::BadFrontMatter {
        file: file.into(),
        line: open + 1,
        message: format!("`{key}` is missing (front matter needs title, source and published)"),
    };
    let title = fm
        .title
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| missing("title"))?;
    let source = fm
        .source
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| missing("source"))?;
    let published_value = fm.published.ok_or_else(|| missing("published"))?;
    let published_text = match &published_value {
        toml::Value::String(s) => s.trim().to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        other => other.to_string(),
    };
    let published = if published_text.eq_ignore_ascii_case(UNDATED) {
        None
    } else {
        Some(
            chrono::NaiveDate::parse_from_str(&published_text, "%Y-%m-%d")
                .ok()
                .filter(|_| published_text.len() == 10)
                .ok_or_else(|| ArticleError::BadDate {
                    file: file.into(),
                    line: key_line("published"),
                    value: published_text.clone(),
                })?,
        )
    };

    // Body: blocks separated by blank lines.
    let mut blocks: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (i, line) in lines.iter().enumerate().skip(close + 1) {
        if line.trim().is_empty() {
            if let Some((l, parts)) = current.take() {
                blocks.push((l, parts.join(" ")));
            }
        } else {
            current
                .get_or_insert_with(|| (i + 1, Vec::new()))
                .1
                .push(line.trim());
        }
    }
    if let Some((l, parts)) = current.take() {
        blocks.push((l, parts.join(" ")));
    }
    let mut tag = None;
    if blocks.len() > 1 {
        let (_, last) = blocks.last().expect("non-empty");
        let is_tag = !last.contains(char::is_whitespace)
            && last.chars().count() <= 30
            && last.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !last.starts_with('#');
        if is_tag {
            tag = blocks.pop().map(|(_, t)| t);
        }
    }
    let mut paragraphs = Vec::new();
    let mut warnings = Vec::new();
    let mut section = None;
    for (line, block) in blocks {
        if let Some(h) = block
            .strip_prefix("## ")
            .or_else(|| block.strip_prefix("# "))
            .or_else(|| block.strip_prefix("### "))
        {
            section = Some(h.trim().to_string());
            continue;
        }
        let n = paragraphs.len() as u32 + 1;
        warnings.extend(unbalanced_quotes(file, line, n, &block));
        paragraphs.push(Paragraph {
            n,
            section: section.clone(),
            text: block,
            line,
        });
    }
    if paragraphs.is_empty() {
        return Err(ArticleError::EmptyBody { file: file.into() });
    }
    Ok(Article {
        id: id.to_string(),
        title: title.trim().to_string(),
        source: source.trim().to_string(),
        published,
        url: fm.url.filter(|u| !u.trim().is_empty()),
        tag,
        paragraphs,
        warnings,
    })
}

/// A warning for a paragraph whose quotation marks do not pair up (its quotes may be cut short
/// by the extractor); None when they pair up.
pub(crate) fn unbalanced_quotes(file: &str, line: usize, n: u32, text: &str) -> Option<String> {
    let opens = text.matches('“').count();
    let closes = text.matches('”').count();
    let straight = text.matches('"').count();
    (opens != closes || straight % 2 == 1).then(|| {
        format!(
            "{file}:{line}: paragraph {n} has unbalanced quotation marks ({opens} “, {closes} ”, {straight} \"); quotes in it may be cut short"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\ntitle = \"T\"\nsource = \"S\"\npublished = \"2025-04-23\"\n+++\n\nFirst para.\n\n## Heading\n\nSecond “quote” para\ncontinued.\n\nWorld\n";

    #[test]
    fn parses_paragraphs_sections_and_tag() {
        let a = parse_article("a.md", "a", GOOD.as_bytes()).unwrap();
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[1].text, "Second “quote” para continued.");
        assert_eq!(a.paragraphs[1].section.as_deref(), Some("Heading"));
        assert_eq!(a.paragraphs[1].line, 11);
        assert_eq!(a.tag.as_deref(), Some("World"));
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn bad_inputs_are_clear_errors() {
        let e = |s: &str| {
            parse_article("x.md", "x", s.as_bytes())
                .unwrap_err()
                .to_string()
        };
        assert!(e("no front matter").contains("x.md:1: missing front matter"));
        assert!(e("+++\ntitle = \"T\"\n").contains("never closed"));
        assert!(
            e("+++\ntitle = \"T\"\nsource = \"S\"\npublished = \"2025-02-30\"\n+++\nBody.\n")
                .contains("x.md:4: published date")
        );
        assert!(e("+++\ntitle = \"T\"\nsource = \"S\"\n+++\nBody.\n")
            .contains("`published` is missing"));
        assert!(
            e("+++\ntitle = \"T\"\nsource = \"S\"\npublished = \"2025-01-02\"\n+++\n\n")
                .contains("no body paragraphs")
        );
        assert!(e("+++\ntitle = = 3\n+++\n").contains("x.md:2: bad front matter"));
        let bad = parse_article("b.md", "b", b"+++\xff\xfe").unwrap_err();
        assert!(matches!(bad, ArticleError::NotUtf8 { .. }));
        let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(parse_article("big.md", "big", &big)
            .unwrap_err()
            .to_string()
            .contains("split it"));
    }

    #[test]
    fn unbalanced_quotes_warn_with_line() {
        let s = "+++\ntitle = \"T\"\nsource = \"S\"\npublished = \"2025-04-23\"\n+++\n\nHe said “yes.\n";
        let a = parse_article("q.md", "q", s.as_bytes()).unwrap();
        assert!(a.warnings[0].starts_with("q.md:7: paragraph 1 has unbalanced"));
    }
}
