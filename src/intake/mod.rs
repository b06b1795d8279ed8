//! Articles as they arrive: plain-text files, saved web pages and links, turned into the
//! Markdown articles the builder reads; and the reports several articles share.
//!
//! - [`plain_text`]: a `.txt` article (headline, one paragraph a line) -> `Article` (pure).
//! - [`web`]: an HTML page -> its article text and metadata (pure; uses `dom_smoothie`).
//! - [`fetch`]: a link -> the page's bytes, with a timeout, a size limit and few redirects.
//! - [`dedup`]: near-duplicate sentences across articles (shingles, Jaccard) (pure).
//! - [`add`]: `parley add`: sources -> Markdown files in the articles folder.
//!
//! The builder calls [`parse_any`] for each file and [`forget_guessed_dates`] after extraction;
//! only `fetch` and `add` touch the network or the disk.

pub mod add;
pub mod dedup;
pub mod fetch;
pub mod plain_text;
pub mod web;

use std::path::PathBuf;

use crate::article::{parse_article, Article, ArticleError};
use crate::extract::ArticleFacts;
use crate::lexicon::Language;

pub use add::{run_add, AddArgs};

/// Parses an article file by its extension: `.txt` is plain text (its dateline read with
/// `language`), anything else Markdown.
pub fn parse_any(
    file: &str,
    id: &str,
    bytes: &[u8],
    language: &Language,
) -> Result<Article, ArticleError> {
    let is_txt = std::path::Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if is_txt {
        plain_text::parse_plain_text(file, id, bytes, language)
    } else {
        parse_article(file, id, bytes)
    }
}

/// For an undated article, drops every event date that was worked out from the article's date
/// ("on Wednesday", "last week", "April 23"): only dates that carry their own year ("in 2014",
/// "April 2025") stay. The words themselves stay in the event, as written.
pub fn forget_guessed_dates(articles: &[Article], facts: &mut [ArticleFacts]) {
    for (a, f) in articles.iter().zip(facts.iter_mut()) {
        if a.published.is_some() {
            continue;
        }
        for e in &mut f.events {
            let has_year = e
                .when_text
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n.len() == 4);
            if !has_year {
                e.date = None;
            }
        }
    }
}

/// Why a source cannot be added. Each names the source as the user gave it.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    /// Not a link, `.html` page or `.txt` file.
    #[error("{input}: not a link (http:// or https://), a saved page (.html, .htm) or a plain-text article (.txt)")]
    UnknownKind {
        /// The source.
        input: String,
    },
    /// A file could not be read.
    #[error("{input}: could not read it: {cause}")]
    Read {
        /// The source.
        input: String,
        /// Why.
        cause: std::io::Error,
    },
    /// The page holds no article: an index page, a paywall stub.
    #[error("{input}: no article text found ({paragraphs} paragraph(s), {chars} characters of body text; an article needs at least {min_paragraphs} paragraphs and {min_chars} characters). Is it an index page or a paywall stub?")]
    NoArticleText {
        /// The source.
        input: String,
        /// Paragraphs found.
        paragraphs: usize,
        /// Characters of text found.
        chars: usize,
        /// Paragraphs needed.
        min_paragraphs: usize,
        /// Characters needed.
        min_chars: usize,
    },
    /// Not an HTML page.
    #[error("{input}: not an HTML page ({what})")]
    NotHtml {
        /// The source.
        input: String,
        /// What it is instead.
        what: String,
    },
    /// Not UTF-8 and no charset says what it is.
    #[error("{input}: not UTF-8 text (first bad byte at offset {offset}) and no charset declared; save the page as UTF-8")]
    NotUtf8 {
        /// The source.
        input: String,
        /// Offset of the first bad byte.
        offset: usize,
    },
    /// A charset no decoder knows.
    #[error("{input}: unknown charset {charset:?}")]
    UnknownCharset {
        /// The source.
        input: String,
        /// The label.
        charset: String,
    },
    /// Over the size limit.
    #[error("{input}: over the size limit of {max} bytes for one article")]
    TooLarge {
        /// The source.
        input: String,
        /// The limit.
        max: usize,
    },
    /// Redirects lead back to an address already visited.
    #[error("{input}: redirect loop (back to {to})")]
    RedirectLoop {
        /// The source.
        input: String,
        /// The address met twice.
        to: String,
    },
    /// More redirects than allowed.
    #[error("{input}: more than {max} redirects")]
    TooManyRedirects {
        /// The source.
        input: String,
        /// The limit.
        max: usize,
    },
    /// No answer in time.
    #[error("{input}: timed out after {secs} s")]
    Timeout {
        /// The source.
        input: String,
        /// The timeout.
        secs: u64,
    },
    /// An HTTP error status.
    #[error("{input}: the server answered HTTP {status}")]
    Status {
        /// The source.
        input: String,
        /// The status line ("404 Not Found").
        status: String,
    },
    /// The host cannot be reached.
    #[error("{input}: could not reach the host: {why}")]
    Unreachable {
        /// The source.
        input: String,
        /// Why.
        why: String,
    },
    /// The article has no source and no `--source` was given.
    #[error("{input}: the page does not name its publisher; pass --source")]
    NoSource {
        /// The source.
        input: String,
    },
    /// The article has no title and no `--title` was given.
    #[error("{input}: the page has no title; pass --title")]
    NoTitle {
        /// The source.
        input: String,
    },
    /// The article as read is not a usable article.
    #[error("{0}")]
    Article(#[from] ArticleError),
    /// An article with this name and other text is already there.
    #[error("{path} already exists with different text; remove or rename it first (nothing was overwritten)")]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The folder already has an article with this id in another form (`NAME.txt`).
    #[error("{path} would give the id {id:?}, which {other} already has; rename one of them (nothing was written)")]
    IdTaken {
        /// The file that would be written.
        path: PathBuf,
        /// The id.
        id: String,
        /// The article already there.
        other: PathBuf,
    },
    /// Writing failed.
    #[error("could not write {path}: {cause}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_the_parser() {
        let language = crate::lexicon::Lexicon::builtin().language;
        let txt = parse_any("a.txt", "a", b"Headline\nA paragraph of text.\n", &language).unwrap();
        assert_eq!(txt.title, "Headline");
        let md = parse_any("a.md", "a", b"Headline\nA paragraph.\n", &language).unwrap_err();
        assert!(matches!(md, ArticleError::NoFrontMatter { .. }));
    }
}
