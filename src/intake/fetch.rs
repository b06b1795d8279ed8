//! A link -> the page's bytes, fetched with `reqwest` over rustls: a timeout, a size limit, at
//! most [`MAX_REDIRECTS`] redirects and a loop check, and a `User-Agent` that names Parley.

use std::io::Read;
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::redirect::{Attempt, Policy};

use super::IntakeError;
use crate::article::MAX_ARTICLE_BYTES;

/// Most redirects followed.
pub const MAX_REDIRECTS: usize = 5;

/// How long a fetch may take, unless the caller says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// Its body.
    pub bytes: Vec<u8>,
    /// The charset the `Content-Type` header names, if any.
    pub charset: Option<String>,
}

/// Why a redirect was refused; read back from reqwest's error chain.
#[derive(Debug)]
enum RedirectRefusal {
    Loop(String),
    TooMany,
}

impl std::fmt::Display for RedirectRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RedirectRefusal::Loop(to) => write!(f, "redirect loop back to {to}"),
            RedirectRefusal::TooMany => write!(f, "more than {MAX_REDIRECTS} redirects"),
        }
    }
}

impl std::error::Error for RedirectRefusal {}

fn redirect_policy(attempt: Attempt) -> reqwest::redirect::Action {
    let next = attempt.url().to_string();
    if attempt.previous().iter().any(|u| u.as_str() == next) {
        attempt.error(RedirectRefusal::Loop(next))
    } else if attempt.previous().len() > MAX_REDIRECTS {
        attempt.error(RedirectRefusal::TooMany)
    } else {
        attempt.follow()
    }
}

/// Fetches `link`; every failure is an [`IntakeError`] that names the link.
pub fn fetch(link: &str, timeout: Duration) -> Result<Fetched, IntakeError> {
    let client = Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .redirect(Policy::custom(redirect_policy))
        .user_agent(concat!(
            "parley/",
            env!("CARGO_PKG_VERSION"),
            " (news article intake for a Discord bot)"
        ))
        .build()
        .map_err(|e| IntakeError::Unreachable {
            input: link.into(),
            why: format!("could not set up the HTTP client: {e}"),
        })?;
    let response = client
        .get(link)
        .send()
        .map_err(|e| request_error(link, timeout, e))?;
    let status = response.status();
    if !status.is_success() {
        return Err(IntakeError::Status {
            input: link.into(),
            status: status.to_string(),
        });
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase);
    if let Some(ct) = &content_type {
        let mime = ct.split(';').next().unwrap_or("").trim();
        if !matches!(mime, "text/html" | "application/xhtml+xml" | "") {
            return Err(IntakeError::NotHtml {
                input: link.into(),
                what: format!("Content-Type: {mime}"),
            });
        }
    }
    if response
        .content_length()
        .is_some_and(|n| n > MAX_ARTICLE_BYTES as u64)
    {
        return Err(IntakeError::TooLarge {
            input: link.into(),
            max: MAX_ARTICLE_BYTES,
        });
    }
    let mut bytes = Vec::new();
    // One byte past the limit is enough to know the body is over it.
    response
        .take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::TimedOut || is_timeout(&e) {
                IntakeError::Timeout {
                    input: link.into(),
                    secs: timeout.as_secs(),
                }
            } else {
                IntakeError::Unreachable {
                    input: link.into(),
                    why: format!("the connection broke while reading: {e}"),
                }
            }
        })?;
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(IntakeError::TooLarge {
            input: link.into(),
            max: MAX_ARTICLE_BYTES,
        });
    }
    let charset = content_type.as_deref().and_then(|ct| {
        ct.split(';')
            .filter_map(|p| p.trim().strip_prefix("charset="))
            .map(|c| c.trim_matches(['"', '\'']).to_string())
            .next()
    });
    Ok(Fetched { bytes, charset })
}

/// Whether an error or one of its causes is a timeout.
fn is_timeout(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(r) = err.downcast_ref::<reqwest::Error>() {
            if r.is_timeout() {
                return true;
            }
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::TimedOut {
                return true;
            }
        }
        cur = err.source();
    }
    false
}

fn request_error(link: &str, timeout: Duration, e: reqwest::Error) -> IntakeError {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(err) = cause {
        if let Some(refusal) = err.downcast_ref::<RedirectRefusal>() {
            return match refusal {
                RedirectRefusal::Loop(to) => IntakeError::RedirectLoop {
                    input: link.into(),
                    to: to.clone(),
                },
                RedirectRefusal::TooMany => IntakeError::TooManyRedirects {
                    input: link.into(),
                    max: MAX_REDIRECTS,
                },
            };
        }
        cause = err.source();
    }
    if e.is_timeout() || is_timeout(&e) {
        return IntakeError::Timeout {
            input: link.into(),
            secs: timeout.as_secs(),
        };
    }
    if e.is_builder() {
        return IntakeError::UnknownKind { input: link.into() };
    }
    // The innermost cause says it best ("Connection refused", "failed to lookup address").
    let mut root: &dyn std::error::Error = &e;
    while let Some(next) = root.source() {
        root = next;
    }
    IntakeError::Unreachable {
        input: link.into(),
        why: root.to_string(),
    }
}
