//! A news web page -> its article: the body paragraphs in order, with subheadings, and the
//! title, publisher and date the page states about itself.
//!
//! The main text is found by `dom_smoothie`, a port of the Readability algorithm that Firefox's
//! reader view uses. Before it runs, the parts of a page that are never the story are taken out
//! (navigation, asides, captions, forms, cookie banners, newsletter boxes, related links,
//! comments), so that a box sitting inside the story's own container cannot slip through. The
//! metadata is read from the untouched page: `og:*` and `article:published_time` meta tags and
//! JSON-LD `NewsArticle` objects. Pure: the caller reads or fetches the bytes.
//!
//! Why the selector pass: on `tests/fixtures/pages/gazette-dam-talks.html` as saved,
//! `dom_smoothie` alone keeps the newsletter box and an inline "Advertisement" label that sit
//! inside the story's container (the older `readability` crate drops them but returns no
//! metadata); with the pass, only the eight story paragraphs and the subheading remain.

use chrono::NaiveDate;
use dom_query::Document;

use super::IntakeError;
use crate::article::MAX_ARTICLE_BYTES;

/// Fewest body paragraphs a page must have to count as an article.
pub const MIN_PARAGRAPHS: usize = 3;
/// Fewest characters of body text a page must have to count as an article: a paywall stub of
/// two or three sentences stays under it.
pub const MIN_CHARS: usize = 400;

/// Elements that are never part of the story. Class and id fragments are matched anywhere in
/// the attribute, as sites write `cookie-banner`, `gdpr-consent`, `newsletter-signup` and so on.
const BOILERPLATE: &str = "nav, aside, footer, header, form, figcaption, figure, iframe, \
    button, noscript, script, style, template, \
    [role=navigation], [role=complementary], [role=banner], [role=contentinfo], \
    [class*=cookie], [id*=cookie], [class*=consent], [id*=consent], [class*=gdpr], \
    [class*=newsletter], [id*=newsletter], [class*=subscribe], [class*=signup], \
    [class*=related], [id*=related], [class*=comment], [id*=comment], \
    [class*=share], [class*=social], [class*=promo], [class*=advert], [id*=advert], \
    [class*=ad-slot], [class*=sponsor], [class*=most-read], [class*=recommend], \
    [class*=caption], [class*=byline], [rel=author], [class*=breadcrumb], [class*=tags]";

/// What a page says about itself and its story.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageMeta {
    /// Headline: JSON-LD `headline`, else `og:title`, else `<title>`.
    pub title: Option<String>,
    /// Publisher: `og:site_name`, else JSON-LD `publisher.name`.
    pub source: Option<String>,
    /// Date: `article:published_time`, else JSON-LD `datePublished`.
    pub published: Option<NaiveDate>,
    /// The page's own address: `og:url`, else `<link rel=canonical>`.
    pub url: Option<String>,
}

/// A body paragraph of a page, with the subheading it stands under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageParagraph {
    /// The subheading above it, if any.
    pub section: Option<String>,
    /// Its text, whitespace collapsed.
    pub text: String,
}

/// A page's article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageArticle {
    /// Its metadata.
    pub meta: PageMeta,
    /// Its body paragraphs in order.
    pub paragraphs: Vec<PageParagraph>,
}

/// Turns page bytes into text: UTF-8 as it is, else the charset the server (`header_charset`,
/// from `Content-Type`) or the page (`<meta charset>`) declares.
pub fn decode(
    input: &str,
    bytes: &[u8],
    header_charset: Option<&str>,
) -> Result<String, IntakeError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(IntakeError::TooLarge {
            input: input.into(),
            max: MAX_ARTICLE_BYTES,
        });
    }
    let declared = header_charset
        .map(str::to_string)
        .or_else(|| meta_charset(bytes));
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text).to_string()),
        Err(e) => {
            let Some(label) = declared else {
                return Err(IntakeError::NotUtf8 {
                    input: input.into(),
                    offset: e.valid_up_to(),
                });
            };
            let encoding =
                encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                    IntakeError::UnknownCharset {
                        input: input.into(),
                        charset: label.clone(),
                    }
                })?;
            if encoding == encoding_rs::UTF_8 {
                return Err(IntakeError::NotUtf8 {
                    input: input.into(),
                    offset: e.valid_up_to(),
                });
            }
            let (text, _, _) = encoding.decode(bytes);
            Ok(text.into_owned())
        }
    }
}

/// The charset a page declares in its first kilobytes (`<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`).
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: String = head
        .iter()
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    let at = lower.find("charset=")? + "charset=".len();
    let rest = lower[at..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Does the text look like an HTML document at all?
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<p>",
        "<p ",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

/// Reads a page: its metadata and its article's paragraphs. `input` names it in errors;
/// `url` (absolute), when known, lets relative links resolve.
pub fn parse_page(input: &str, html: &str, url: Option<&str>) -> Result<PageArticle, IntakeError> {
    if !looks_like_html(html) {
        return Err(IntakeError::NotHtml {
            input: input.into(),
            what: "no HTML tags at its start".into(),
        });
    }
    let doc = Document::from(html);
    let meta = read_meta(&doc);
    doc.select(BOILERPLATE).remove();
    let no_text = |paragraphs: &[PageParagraph]| IntakeError::NoArticleText {
        input: input.into(),
        paragraphs: paragraphs.len(),
        chars: paragraphs.iter().map(|p| p.text.chars().count()).sum(),
        min_paragraphs: MIN_PARAGRAPHS,
        min_chars: MIN_CHARS,
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = dom_smoothie::Readability::with_document(doc, url, None)
        .or_else(|_| dom_smoothie::Readability::new(html, None, None))
        .map_err(|_| no_text(&[]))?;
    let article = readability.parse().map_err(|_| no_text(&[]))?;
    let content = Document::from(article.content.to_string());
    let paragraphs = paragraphs_of(&content);
    let chars: usize = paragraphs.iter().map(|p| p.text.chars().count()).sum();
    if paragraphs.len() < MIN_PARAGRAPHS || chars < MIN_CHARS {
        return Err(no_text(&paragraphs));
    }
    Ok(PageArticle { meta, paragraphs })
}

/// The paragraphs of the extracted content in document order, each under the last subheading.
fn paragraphs_of(content: &Document) -> Vec<PageParagraph> {
    let mut out = Vec::new();
    let mut section = None;
    for node in content.select("p, h2, h3, h4").nodes() {
        let text = collapse(&node.text());
        if text.is_empty() {
            continue;
        }
        if node.has_name("p") {
            out.push(PageParagraph {
                section: section.clone(),
                text,
            });
        } else {
            section = Some(text);
        }
    }
    out
}

/// Whitespace runs (newlines and non-breaking spaces too) become one space.
fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The metadata a page states: meta tags first for the publisher and date, JSON-LD first for
/// the headline (sites often append their own name to `og:title`).
fn read_meta(doc: &Document) -> PageMeta {
    let meta = |key: &str| {
        let sel = format!("meta[property=\"{key}\"], meta[name=\"{key}\"]");
        doc.select(&sel)
            .nodes()
            .iter()
            .filter_map(|n| n.attr("content"))
            .map(|c| collapse(&c))
            .find(|c| !c.is_empty())
    };
    let mut ld = LdArticle::default();
    for node in doc.select("script[type=\"application/ld+json\"]").nodes() {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&node.text()) {
            find_news_article(&value, &mut ld);
        }
    }
    let title = ld
        .headline
        .or_else(|| meta("og:title"))
        .or_else(|| {
            doc.select("title")
                .nodes()
                .first()
                .map(|n| collapse(&n.text()))
        })
        .filter(|t| !t.is_empty());
    let source = meta("og:site_name").or(ld.publisher);
    let published = meta("article:published_time")
        .and_then(|d| date_of(&d))
        .or_else(|| ld.date_published.and_then(|d| date_of(&d)));
    let url = meta("og:url").or_else(|| {
        doc.select("link[rel=canonical]")
            .nodes()
            .first()
            .and_then(|n| n.attr("href"))
            .map(|h| h.to_string())
    });
    PageMeta {
        title,
        source,
        published,
        url,
    }
}

#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    publisher: Option<String>,
    date_published: Option<String>,
}

/// Looks through a JSON-LD value (an object, a list, or an `@graph`) for the first object whose
/// `@type` is an article kind, and takes its fields.
fn find_news_article(value: &serde_json::Value, out: &mut LdArticle) {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter().for_each(|v| find_news_article(v, out)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                find_news_article(graph, out);
            }
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => t.ends_with("Article"),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| t.ends_with("Article"))),
                _ => false,
            };
            if !is_article || out.headline.is_some() {
                return;
            }
            let text = |v: Option<&Value>| {
                v.and_then(Value::as_str)
                    .map(collapse)
                    .filter(|s| !s.is_empty())
            };
            out.headline = text(map.get("headline"));
            out.date_published = text(map.get("datePublished"));
            out.publisher = match map.get("publisher") {
                Some(Value::Object(p)) => text(p.get("name")),
                Some(Value::Array(ps)) => ps.iter().find_map(|p| text(p.get("name"))),
                other => text(other),
            };
        }
        _ => {}
    }
}

/// The date of an ISO 8601 date or date-time, as the publisher wrote it (its own time zone).
fn date_of(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str, head: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    }

    const STORY: &str = "<article><h1>Talks resume</h1>\
        <p>The delegations met again on Tuesday in the old town hall, the first meeting since the talks broke down in the spring, officials said.</p>\
        <div class=\"newsletter-signup\"><p>Sign up for our morning briefing and never miss a story from the region again.</p></div>\
        <p>Both sides said the meeting was “constructive” and that their experts would meet again within two weeks to settle the remaining questions.</p>\
        <figure><img src=\"a.jpg\"><figcaption>Delegates arrive at the town hall on Tuesday morning.</figcaption></figure>\
        <h2>What is left</h2>\
        <p>The main dispute is over the line of contact, which neither side has agreed to draw on a map, according to two people who took part in the talks.</p>\
        <p>A further round is planned for next month, when the foreign ministers of both countries are expected to attend in person.</p></article>";

    #[test]
    fn the_story_without_boxes_and_captions() {
        let html = page(
            &format!("<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>{STORY}<aside class=\"related\"><p>Related: other talks elsewhere that went nowhere at all.</p></aside>"),
            "<meta property=\"og:title\" content=\"Talks resume | The Paper\"><meta property=\"og:site_name\" content=\"The Paper\"><meta property=\"article:published_time\" content=\"2025-05-06T09:30:00+02:00\">\
             <script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Talks resume\",\"datePublished\":\"2025-05-06T09:30:00+02:00\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Paper Ltd\"}}</script>",
        );
        let a = parse_page("p.html", &html, None).unwrap();
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 4, "{texts:#?}");
        assert!(texts[0].starts_with("The delegations met again"));
        assert!(texts[1].contains("“constructive”"));
        assert_eq!(a.paragraphs[2].section.as_deref(), Some("What is left"));
        assert!(texts
            .iter()
            .all(|t| !t.contains("Sign up") && !t.contains("Delegates arrive")));
        assert_eq!(a.meta.title.as_deref(), Some("Talks resume"));
        assert_eq!(a.meta.source.as_deref(), Some("The Paper"));
        assert_eq!(a.meta.published, NaiveDate::from_ymd_opt(2025, 5, 6));
    }

    #[test]
    fn a_stub_or_an_index_is_no_article() {
        let stub = page(
            "<article><p>The delegations met again on Tuesday.</p><p>Subscribe to read the full story.</p></article>",
            "<title>Stub</title>",
        );
        let e = parse_page("s.html", &stub, None).unwrap_err().to_string();
        assert!(e.starts_with("s.html: no article text found"), "{e}");
        let e = parse_page("n.txt", "just words, no tags", None).unwrap_err();
        assert!(matches!(e, IntakeError::NotHtml { .. }));
    }

    #[test]
    fn charsets() {
        assert_eq!(decode("x", "héllo".as_bytes(), None).unwrap(), "héllo");
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode("x", latin1, None).unwrap().contains("café"));
        assert!(decode("x", b"caf\xe9", Some("windows-1252"))
            .unwrap()
            .contains("café"));
        let e = decode("x", b"<html>caf\xe9</html>", None).unwrap_err();
        assert!(matches!(e, IntakeError::NotUtf8 { offset: 9, .. }));
        let big = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(matches!(
            decode("x", &big, None),
            Err(IntakeError::TooLarge { .. })
        ));
    }

    #[test]
    fn json_ld_in_a_graph_and_dates() {
        let v: serde_json::Value = serde_json::from_str(
            r#"{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"H","datePublished":"2024-12-31","publisher":[{"name":"P"}]}]}"#,
        )
        .unwrap();
        let mut ld = LdArticle::default();
        find_news_article(&v, &mut ld);
        assert_eq!(ld.headline.as_deref(), Some("H"));
        assert_eq!(ld.publisher.as_deref(), Some("P"));
        assert_eq!(date_of("2024-12-31"), NaiveDate::from_ymd_opt(2024, 12, 31));
        assert_eq!(date_of("yesterday"), None);
    }
}
