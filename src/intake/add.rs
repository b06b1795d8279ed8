//! `parley add`: links, saved pages and plain-text files -> Markdown articles in the articles
//! folder, front matter filled.
//!
//! All sources are read first; if any fails, nothing is written, so a bad link in a list never
//! leaves half the list added. An article whose file already holds the same text is left as it
//! is; one that holds other text is never overwritten.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;

use super::dedup::{overlap, Overlap};
use super::web::{decode, parse_page, PageArticle};
use super::{fetch, plain_text, IntakeError};
use crate::article::{parse_article, Article, UNDATED};
use crate::lexicon::{Language, Lexicon};
use crate::text::{slug, split_sentences};

/// The flags of `parley add`.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Links (http:// or https://), saved web pages (.html) or plain-text articles (.txt).
    #[arg(required = true)]
    pub sources: Vec<String>,
    /// Folder to write the Markdown articles into.
    #[arg(long, default_value = "knowledge/articles")]
    pub articles: PathBuf,
    /// Headline, when the page states none.
    #[arg(long)]
    pub title: Option<String>,
    /// Publisher, when the page or the text names none.
    #[arg(long)]
    pub source: Option<String>,
    /// Publication date (YYYY-MM-DD), when the page or the file name gives none.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// Seconds a link may take to fetch.
    #[arg(long, default_value_t = fetch::DEFAULT_TIMEOUT.as_secs())]
    pub timeout: u64,
    /// Folder holding language.toml (for sentence boundaries in the duplicate check).
    #[arg(long, default_value = "config")]
    pub config: PathBuf,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .ok_or_else(|| format!("{s:?} is not a date in the form YYYY-MM-DD"))
}

/// Metadata given on the command line, used where the source has none.
#[derive(Debug, Clone, Default)]
pub struct Fallbacks {
    /// `--title`.
    pub title: Option<String>,
    /// `--source`.
    pub source: Option<String>,
    /// `--published`.
    pub published: Option<NaiveDate>,
}

/// One source read and turned into a Markdown article, not yet written.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The source as given.
    pub input: String,
    /// File name in the articles folder (`<id>.md`).
    pub file_name: String,
    /// The whole Markdown file.
    pub markdown: String,
    /// The article as the builder will read it.
    pub article: Article,
    /// Things the user should know (no date found, ...).
    pub warnings: Vec<String>,
}

/// The outcome for one source.
#[derive(Debug, Clone)]
pub struct Added {
    /// The file.
    pub path: PathBuf,
    /// True when the file already held this very article.
    pub unchanged: bool,
    /// Warnings, including a near-copy of an article already there.
    pub warnings: Vec<String>,
}

/// Reads one source: a link, a saved page or a `.txt` file (its dateline read with `language`).
pub fn prepare(
    input: &str,
    flags: &Fallbacks,
    timeout: Duration,
    language: &Language,
) -> Result<Prepared, IntakeError> {
    let lower = input.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let fetched = fetch::fetch(input, timeout)?;
        let html = decode(input, &fetched.bytes, fetched.charset.as_deref())?;
        let page = parse_page(input, &html, Some(input))?;
        return from_page(input, page, Some(input.to_string()), flags);
    }
    let path = Path::new(input);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let read = || {
        std::fs::read(path).map_err(|cause| IntakeError::Read {
            input: input.into(),
            cause,
        })
    };
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => {
            let bytes = read()?;
            let html = decode(input, &bytes, None)?;
            let page = parse_page(input, &html, None)?;
            let url = page.meta.url.clone();
            from_page(input, page, url, flags)
        }
        Some("txt") => {
            let bytes = read()?;
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("article")
                .to_string();
            let mut article = plain_text::parse_plain_text(input, &id, &bytes, language)?;
            let mut warnings = Vec::new();
            if article.source == plain_text::UNKNOWN_SOURCE {
                match &flags.source {
                    Some(s) => article.source = s.clone(),
                    None => warnings.push(format!(
                        "{input}: no publisher named (no dateline, no --source); written as {:?}",
                        plain_text::UNKNOWN_SOURCE
                    )),
                }
            }
            if article.published.is_none() {
                article.published = flags.published;
            }
            finish(input, article, warnings)
        }
        _ => Err(IntakeError::UnknownKind {
            input: input.into(),
        }),
    }
}

fn from_page(
    input: &str,
    page: PageArticle,
    url: Option<String>,
    flags: &Fallbacks,
) -> Result<Prepared, IntakeError> {
    let title = page
        .meta
        .title
        .or_else(|| flags.title.clone())
        .ok_or_else(|| IntakeError::NoTitle {
            input: input.into(),
        })?;
    let source = page
        .meta
        .source
        .or_else(|| flags.source.clone())
        .or_else(|| {
            url.as_deref()
                .and_then(|u| url::Url::parse(u).ok())
                .and_then(|u| {
                    u.host_str()
                        .map(|h| h.trim_start_matches("www.").to_string())
                })
        })
        .ok_or_else(|| IntakeError::NoSource {
            input: input.into(),
        })?;
    let published = page.meta.published.or(flags.published);
    let date_part = published.map_or_else(|| "undated".to_string(), |d| d.to_string());
    let title_words: Vec<&str> = title.split_whitespace().take(6).collect();
    let id = format!(
        "{}-{}-{}",
        slug(&source),
        date_part,
        slug(&title_words.join(" "))
    );
    let article = Article {
        id,
        title,
        source,
        published,
        url,
        tag: None,
        paragraphs: page
            .paragraphs
            .into_iter()
            .enumerate()
            .map(|(i, p)| crate::article::Paragraph {
                n: i as u32 + 1,
                section: p.section,
                text: p.text,
                line: 0,
            })
            .collect(),
        warnings: Vec::new(),
    };
    finish(input, article, Vec::new())
}

/// Writes the Markdown, reads it back as the builder will, and checks nothing was lost.
fn finish(
    input: &str,
    article: Article,
    mut warnings: Vec<String>,
) -> Result<Prepared, IntakeError> {
    if article.published.is_none() {
        warnings.push(format!(
            "{input}: no publication date found; added as undated (pass --published YYYY-MM-DD to date it)"
        ));
    }
    let markdown = render_markdown(&article);
    let file_name = format!("{}.md", article.id);
    let back = parse_article(&file_name, &article.id, markdown.as_bytes())?;
    let texts = |a: &Article| {
        a.paragraphs
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
    };
    if texts(&back) != texts(&article) {
        return Err(IntakeError::NoArticleText {
            input: input.into(),
            paragraphs: back.paragraphs.len(),
            chars: 0,
            min_paragraphs: article.paragraphs.len(),
            min_chars: 0,
        });
    }
    warnings.extend(back.warnings.iter().cloned());
    Ok(Prepared {
        input: input.into(),
        file_name,
        markdown,
        article: back,
        warnings,
    })
}

#[derive(serde::Serialize)]
struct FrontMatter<'a> {
    title: &'a str,
    source: &'a str,
    published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// The article as a Markdown file: TOML front matter, paragraphs separated by blank lines,
/// `## ` before each new subheading, the section tag last.
pub fn render_markdown(a: &Article) -> String {
    let fm = FrontMatter {
        title: &a.title,
        source: &a.source,
        published: a
            .published
            .map_or_else(|| UNDATED.to_string(), |d| d.format("%Y-%m-%d").to_string()),
        url: a.url.as_deref(),
    };
    let mut out = String::from("+++\n");
    out.push_str(&toml::to_string(&fm).expect("strings always serialise as TOML"));
    out.push_str("+++\n");
    let mut section: Option<&str> = None;
    for p in &a.paragraphs {
        if p.section.as_deref() != section {
            if let Some(h) = &p.section {
                out.push_str(&format!("\n## {h}\n"));
            }
            section = p.section.as_deref();
        }
        out.push('\n');
        out.push_str(&p.text);
        out.push('\n');
    }
    if let Some(tag) = &a.tag {
        out.push_str(&format!("\n{tag}\n"));
    }
    out
}

/// The sentences of an article, for the duplicate check.
fn sentences(a: &Article, abbreviations: &rustc_hash::FxHashSet<String>) -> Vec<String> {
    a.paragraphs
        .iter()
        .flat_map(|p| {
            split_sentences(&p.text, abbreviations)
                .into_iter()
                .map(|(s, e)| p.text[s..e].to_string())
        })
        .collect()
}

/// The articles already in `dir` (Markdown and plain text, sub-folders included), as
/// (id, sentences); files that do not parse are skipped: the build reports them.
fn existing_articles(
    dir: &Path,
    abbreviations: &rustc_hash::FxHashSet<String>,
    language: &Language,
    out: &mut Vec<(String, Vec<String>)>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            existing_articles(&path, abbreviations, language, out);
            continue;
        }
        let is_article = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("txt"));
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if !is_article || id.is_empty() {
            continue;
        }
        if let Ok(bytes) = std::fs::read(&path) {
            if let Ok(a) = super::parse_any(&path.display().to_string(), id, &bytes, language) {
                out.push((a.id.clone(), sentences(&a, abbreviations)));
            }
        }
    }
}

/// Share of sentences from which a new article counts as a copy of one already there.
const MOSTLY_A_COPY: usize = 50;

/// Adds every source to `dir`, or none: all are read first, and any failure leaves the folder
/// as it was. Returns what was written, or every error met.
pub fn add(
    inputs: &[String],
    dir: &Path,
    flags: &Fallbacks,
    timeout: Duration,
    lexicon: &Lexicon,
) -> Result<Vec<Added>, Vec<IntakeError>> {
    let mut prepared = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match prepare(input, flags, timeout, &lexicon.language) {
            Ok(p) => prepared.push(p),
            Err(e) => errors.push(e),
        }
    }
    // Each target must be free or already hold the same text; two sources must not share one.
    let mut unchanged = Vec::new();
    for (i, p) in prepared.iter().enumerate() {
        let path = dir.join(&p.file_name);
        let clash_in_batch = prepared[..i]
            .iter()
            .any(|q| q.file_name == p.file_name && q.markdown != p.markdown);
        // The builder reads `NAME.txt` too: a Markdown copy beside it would repeat its id.
        let txt = dir.join(format!("{}.txt", p.article.id));
        match std::fs::read(&path) {
            _ if txt.exists() => errors.push(IntakeError::IdTaken {
                path,
                id: p.article.id.clone(),
                other: txt,
            }),
            Ok(old) if old == p.markdown.as_bytes() && !clash_in_batch => unchanged.push(true),
            Ok(_) => errors.push(IntakeError::Exists { path }),
            Err(_) if clash_in_batch => errors.push(IntakeError::Exists { path }),
            Err(_) => unchanged.push(false),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let abbreviations: rustc_hash::FxHashSet<String> =
        lexicon.language.abbreviations.iter().cloned().collect();
    let mut existing = Vec::new();
    existing_articles(dir, &abbreviations, &lexicon.language, &mut existing);
    let mut added = Vec::new();
    for (p, unchanged) in prepared.into_iter().zip(unchanged) {
        let mut warnings = p.warnings;
        let others: Vec<(String, Vec<String>)> = existing
            .iter()
            .filter(|(id, _)| id != &p.article.id)
            .cloned()
            .collect();
        let own = sentences(&p.article, &abbreviations);
        if let Some(o) = overlap(&own, &others) {
            if o.percent() >= MOSTLY_A_COPY {
                warnings.push(copy_warning(&p.input, &o));
            }
        }
        let path = dir.join(&p.file_name);
        if !unchanged {
            write_atomic(dir, &path, &p.markdown).map_err(|e| vec![e])?;
            existing.push((p.article.id.clone(), own));
        }
        added.push(Added {
            path,
            unchanged,
            warnings,
        });
    }
    Ok(added)
}

fn copy_warning(input: &str, o: &Overlap) -> String {
    format!(
        "{input}: mostly a copy: {}% of its sentences match {} ({} of {}); the builder records them as the same report",
        o.percent(),
        o.article,
        o.matched,
        o.total
    )
}

fn write_atomic(dir: &Path, path: &Path, text: &str) -> Result<(), IntakeError> {
    let err = |cause| IntakeError::Write {
        path: path.to_path_buf(),
        cause,
    };
    std::fs::create_dir_all(dir).map_err(err)?;
    let tmp = dir.join(format!(
        ".{}.part",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("article")
    ));
    std::fs::write(&tmp, text).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        err(e)
    })
}

/// `parley add`: prints each path written (stdout), warnings and errors (stderr).
pub fn run_add(args: AddArgs) -> anyhow::Result<ExitCode> {
    let lexicon = Lexicon::load_dir(&args.config)?;
    let flags = Fallbacks {
        title: args.title,
        source: args.source,
        published: args.published,
    };
    match add(
        &args.sources,
        &args.articles,
        &flags,
        Duration::from_secs(args.timeout.max(1)),
        &lexicon,
    ) {
        Ok(added) => {
            for a in added {
                for w in &a.warnings {
                    eprintln!("warning: {w}");
                }
                if a.unchanged {
                    eprintln!(
                        "{} already holds this article; left as it is",
                        a.path.display()
                    );
                }
                println!("{}", a.path.display());
            }
            eprintln!("run `parley build` to add them to the knowledge");
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("nothing was written to {}", args.articles.display());
            Ok(ExitCode::FAILURE)
        }
    }
}
