//! What the engine hands to every front end: an [`Answer`] with its lead, its verbatim quotes and
//! their [`Citation`]s, plus the [`Explanation`] behind it.
//!
//! This module owns the shape of a reply and its two surface-neutral renderings: Markdown (the
//! terminal and the JSON `text` field) and the pinned JSON interface of `parley ask --json`.
//! Discord rendering lives in the Discord adapter; nothing here knows about Discord.

use serde::{Deserialize, Serialize};

/// How the words of a quote reached the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// A named person's own words, inside quotation marks.
    OwnWords,
    /// What a named person said, as the article reports it (no quotation marks).
    ReportedSpeech,
    /// Words or claims from a source the article does not name.
    UnnamedSource,
    /// The article's own wording.
    ArticleText,
}

impl ReportKind {
    /// A short label a reader understands.
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::OwnWords => "own words",
            ReportKind::ReportedSpeech => "reported speech",
            ReportKind::UnnamedSource => "unnamed source",
            ReportKind::ArticleText => "article text",
        }
    }
}

/// Where a quote stands: enough for a reader to check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Article id (its file name without `.md`).
    pub article: String,
    /// Article title.
    pub title: String,
    /// Who published it.
    pub source: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// Paragraph number, counting body paragraphs from 1.
    pub paragraph: u32,
    /// The quoted words, verbatim from the article.
    pub quote: String,
    /// The article's address, where it has one (not part of the JSON interface).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
}

/// One quote in a reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerQuote {
    /// How the words were reported.
    pub report: ReportKind,
    /// Who the words belong to, as a reader should see it ("JD Vance", "a source close to ...").
    pub speaker: Option<String>,
    /// The citation; its `quote` is the verbatim text shown.
    pub citation: Citation,
    /// The speaker's own words inside the cited sentence, as a byte range of `citation.quote`:
    /// shown in bold. None when the whole citation is the speaker's (or nobody's) words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emphasis: Option<(usize, usize)>,
}

impl AnswerQuote {
    /// The cited words split around the emphasised part: (before, own words, after); None when
    /// nothing is emphasised or the range does not fit the text.
    pub fn emphasised(&self) -> Option<(&str, &str, &str)> {
        let (a, b) = self.emphasis?;
        let t = &self.citation.quote;
        if a < b && b <= t.len() && t.is_char_boundary(a) && t.is_char_boundary(b) {
            Some((&t[..a], &t[a..b], &t[b..]))
        } else {
            None
        }
    }
}

/// Who and what an answer was about, so that a follow-up ("and about Crimea?") can lean on it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// Person id of the last answer's person, if any.
    pub person: Option<String>,
    /// Party id of the last answer's party, if any.
    pub party: Option<String>,
    /// Topic id of the last answer's topic, if any.
    pub topic: Option<String>,
    /// The last intent.
    pub intent: Option<String>,
}

/// One fact the engine weighed, with its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// What kind of fact ("quote", "statement", "sentence", ...).
    pub kind: String,
    /// Its id in the knowledge file.
    pub id: String,
    /// The score it got.
    pub score: f64,
    /// A short preview of its text.
    pub preview: String,
}

/// Why an answer was chosen: the intent, the slots recognised and the candidates scored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The intent the matcher chose.
    pub intent: String,
    /// The pattern (by name) that matched, if any.
    pub pattern: Option<String>,
    /// Slots recognised: ("person", "Steve Witkoff"), ("topic", "ceasefire"), ...
    pub slots: Vec<(String, String)>,
    /// Question terms after stemming and synonyms.
    pub terms: Vec<String>,
    /// Candidates, best first.
    pub candidates: Vec<Candidate>,
    /// Why the engine declined, when it did.
    pub decline_reason: Option<String>,
}

/// A reply: a one-line lead, up to a few verbatim quotes with citations, or a plain decline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The question as asked (trimmed, bounded in length).
    pub question: String,
    /// The intent's name ("who", "said", "position", ...).
    pub intent: String,
    /// True only when the reply answers what was asked.
    pub answered: bool,
    /// The one-line lead, as Markdown (user text in it is escaped).
    pub lead: String,
    /// The quotes, most relevant first.
    pub quotes: Vec<AnswerQuote>,
    /// For a decline: what the sources do cover, as short lines.
    pub suggestions: Vec<String>,
    /// Who and what the answer was about, for follow-ups.
    pub context: Context,
    /// Why this answer.
    pub explanation: Explanation,
}

/// One article a reply cites, with every paragraph it cites there: a reader checks an article
/// once for all its quotes. Quotes point at it as `[n ¶p]` ([`Answer::quote_ref`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedArticle<'a> {
    /// The first citation of this article (title, source, date, link).
    pub first: &'a Citation,
    /// The paragraphs cited, in order, each once.
    pub paragraphs: Vec<u32>,
}

impl CitedArticle<'_> {
    /// "paragraph 4", "paragraphs 6, 11, 14".
    pub fn paragraphs_text(&self) -> String {
        let list: Vec<String> = self.paragraphs.iter().map(u32::to_string).collect();
        match list.len() {
            1 => format!("paragraph {}", list[0]),
            _ => format!("paragraphs {}", list.join(", ")),
        }
    }
}

impl Answer {
    /// The cited articles in the order the reply first cites them, and for each quote the index
    /// of its article in that list. Two citations of one article are one entry unless their
    /// `source` differs (a report several outlets carried names them all in its own).
    pub fn cited_articles(&self) -> (Vec<CitedArticle<'_>>, Vec<usize>) {
        let mut groups: Vec<CitedArticle<'_>> = Vec::new();
        let mut of_quote = Vec::with_capacity(self.quotes.len());
        for c in self.citations() {
            let at = groups
                .iter()
                .position(|g| g.first.article == c.article && g.first.source == c.source)
                .unwrap_or_else(|| {
                    groups.push(CitedArticle {
                        first: c,
                        paragraphs: Vec::new(),
                    });
                    groups.len() - 1
                });
            if !groups[at].paragraphs.contains(&c.paragraph) {
                groups[at].paragraphs.push(c.paragraph);
            }
            of_quote.push(at);
        }
        for g in &mut groups {
            g.paragraphs.sort_unstable();
        }
        (groups, of_quote)
    }

    /// How quote `i` points at its citation: "1 ¶4" (article 1 of [`Answer::cited_articles`],
    /// paragraph 4).
    pub fn quote_ref(&self, i: usize, of_quote: &[usize]) -> String {
        let n = of_quote.get(i).map_or(i, |&g| g) + 1;
        let p = self.quotes.get(i).map_or(0, |q| q.citation.paragraph);
        format!("{n} ¶{p}")
    }

    /// The citations in the order the reply shows them.
    pub fn citations(&self) -> impl Iterator<Item = &Citation> {
        self.quotes.iter().map(|q| &q.citation)
    }

    /// The dates of the cited articles, newest first, without repeats.
    pub fn cited_dates(&self) -> Vec<&str> {
        let mut dates: Vec<&str> = self.citations().map(|c| c.published.as_str()).collect();
        dates.sort_unstable_by(|a, b| b.cmp(a));
        dates.dedup();
        dates
    }

    /// The reply as a user sees it in a terminal or in the JSON `text` field (Markdown).
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.lead);
        out.push('\n');
        let (articles, of_quote) = self.cited_articles();
        for (i, q) in self.quotes.iter().enumerate() {
            out.push('\n');
            match q.emphasised() {
                Some((before, own, after)) => out.push_str(&format!("> {before}**{own}**{after}")),
                None => out.push_str(&format!("> {}", with_marks(&q.citation.quote))),
            }
            out.push('\n');
            let who = match &q.speaker {
                Some(s) => format!("{} ({})", escape_markdown(s), q.report.label()),
                None => q.report.label().to_string(),
            };
            out.push_str(&format!("> — {who} [{}]\n", self.quote_ref(i, &of_quote)));
        }
        if !self.quotes.is_empty() {
            out.push('\n');
            for (i, g) in articles.iter().enumerate() {
                let c = g.first;
                out.push_str(&format!(
                    "[{}] *{}*, {}, {}, {}\n",
                    i + 1,
                    escape_markdown(&c.title),
                    escape_markdown(&c.source),
                    c.published,
                    g.paragraphs_text()
                ));
            }
            let dates = self.cited_dates();
            out.push_str(&format!("Sources dated {}.\n", dates.join(", ")));
        }
        if !self.suggestions.is_empty() {
            out.push('\n');
            for s in &self.suggestions {
                out.push_str("- ");
                out.push_str(s);
                out.push('\n');
            }
        }
        out.trim_end().to_string()
    }

    /// The pinned JSON interface of `parley ask --json`.
    pub fn to_json(&self) -> serde_json::Value {
        let citations: Vec<serde_json::Value> = self
            .citations()
            .map(|c| {
                serde_json::json!({
                    "article": c.article,
                    "title": c.title,
                    "source": c.source,
                    "published": c.published,
                    "paragraph": c.paragraph,
                    "quote": c.quote,
                })
            })
            .collect();
        serde_json::json!({
            "question": self.question,
            "intent": self.intent,
            "answered": self.answered,
            "text": self.to_markdown(),
            "citations": citations,
        })
    }

    /// The explanation as readable lines (for `--explain` and "Why this answer?").
    pub fn explain_text(&self) -> String {
        let e = &self.explanation;
        let mut out = format!("intent: {}", e.intent);
        if let Some(p) = &e.pattern {
            out.push_str(&format!(" (pattern `{p}`)"));
        }
        out.push('\n');
        if e.slots.is_empty() {
            out.push_str("names recognised: none\n");
        } else {
            let slots: Vec<String> = e.slots.iter().map(|(k, v)| format!("{k}={v}")).collect();
            out.push_str(&format!(
                "names recognised: {}\n",
                escape_markdown(&slots.join(", "))
            ));
        }
        if !e.terms.is_empty() {
            out.push_str(&format!("terms: {}\n", e.terms.join(" ")));
        }
        if let Some(r) = &e.decline_reason {
            out.push_str(&format!("declined: {r}\n"));
        }
        if !e.candidates.is_empty() {
            out.push_str("facts scored:\n");
            for c in e.candidates.iter().take(8) {
                out.push_str(&format!(
                    "  {:>7.3}  {} {}: {}\n",
                    c.score,
                    c.kind,
                    c.id,
                    escape_markdown(&c.preview)
                ));
            }
        }
        out.trim_end().to_string()
    }
}

/// True when the text is itself a whole quotation (“...”), so it needs no marks of its own.
pub fn is_quotation(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('“')
        && t.ends_with(['”', '.'])
        && t.matches('“').count() == 1
        && t.matches('”').count() == 1
}

/// The quote in quotation marks, unless it already is a whole quotation.
pub fn with_marks(text: &str) -> String {
    if is_quotation(text) {
        text.to_string()
    } else {
        format!("“{text}”")
    }
}

/// Escapes Markdown control characters and defuses mention syntax in text that is shown back.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '*' | '_' | '`' | '~' | '|' | '>' | '#' | '[' | ']' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            // A zero-width space after '@' keeps "@everyone" and "<@123>" from ever being a mention.
            '@' => out.push_str("@\u{200B}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_quotations_get_no_second_marks() {
        assert_eq!(
            with_marks("“A full ceasefire is the first step.”"),
            "“A full ceasefire is the first step.”"
        );
        assert_eq!(with_marks("He said “yes” today."), "“He said “yes” today.”");
        assert_eq!(with_marks("plain"), "“plain”");
        assert!(!is_quotation("“A,” he said. “B.”"));
    }

    #[test]
    fn escape_defuses_mentions_and_markdown() {
        let s = escape_markdown("@everyone **bold** <@&123>");
        assert!(!s.contains("@everyone"));
        assert!(!s.contains("<@&"));
        assert!(s.contains("\\*\\*bold\\*\\*"));
    }
}
