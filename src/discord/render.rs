//! [`Answer`] -> Discord messages, within Discord's limits. Pure: no network, no state.
//!
//! A reply is laid out as blocks: the lead, one block per quote (a block quote with its speaker
//! and citation number), the suggestions of a decline, and the dates of the cited articles. In
//! embed mode the quotes go in the description and their citations in fields (title, source,
//! date, paragraph, link); in plain mode everything is message text. Blocks are packed into as
//! few embeds and messages as the limits allow; a block is only ever cut when it alone is larger
//! than a whole embed or message, and then it says so with [`TRIM_NOTE`].
//!
//! Lengths are measured in UTF-8 bytes, which is never less than what Discord or serenity count
//! (UTF-16 units or characters), so a reply that fits here fits there.
//!
//! Mentions: every text that leaves this module goes through [`defuse_mentions`], and quotes,
//! titles, names and echoed questions through [`escape_markdown`]; the adapter also sends every
//! message with empty allowed mentions. Either alone stops a ping; together they also stop a
//! `<@123>` from rendering as a mention at all.

use poise::serenity_prelude as serenity;

use crate::answer::{escape_markdown, Answer, AnswerQuote, CitedArticle};

/// Most characters in a message's content.
pub const CONTENT_MAX: usize = 2000;
/// Most characters in an embed title.
pub const TITLE_MAX: usize = 256;
/// Most characters in an embed description.
pub const DESCRIPTION_MAX: usize = 4096;
/// Most characters in a field name.
pub const FIELD_NAME_MAX: usize = 256;
/// Most characters in a field value.
pub const FIELD_VALUE_MAX: usize = 1024;
/// Most fields in one embed.
pub const FIELDS_MAX: usize = 25;
/// Most characters in an embed footer.
pub const FOOTER_MAX: usize = 2048;
/// Most characters across all embeds of one message.
pub const EMBEDS_TOTAL_MAX: usize = 6000;
/// Most embeds in one message.
pub const EMBEDS_MAX: usize = 10;
/// Appended where text had to be cut.
pub const TRIM_NOTE: &str = "…(trimmed)";

/// Embed colour of an answer.
pub const COLOR_ANSWERED: u32 = 0x2b6cb0;
/// Embed colour of a decline.
pub const COLOR_DECLINED: u32 = 0x718096;

/// Room kept in each message for the footer (dates line) so it never pushes a message over.
const FOOTER_RESERVE: usize = 200;

/// A field of an embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Field name (≤ [`FIELD_NAME_MAX`]).
    pub name: String,
    /// Field value (≤ [`FIELD_VALUE_MAX`]).
    pub value: String,
}

/// An embed, before it becomes serenity's builder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Embed {
    /// Title (≤ [`TITLE_MAX`]).
    pub title: Option<String>,
    /// Description (≤ [`DESCRIPTION_MAX`]).
    pub description: String,
    /// Fields (≤ [`FIELDS_MAX`]).
    pub fields: Vec<Field>,
    /// Footer text.
    pub footer: Option<String>,
    /// Colour.
    pub color: u32,
}

impl Embed {
    /// The characters Discord counts toward the 6,000 per message.
    pub fn total_len(&self) -> usize {
        self.title.as_ref().map_or(0, |t| measure(t))
            + measure(&self.description)
            + self
                .fields
                .iter()
                .map(|f| measure(&f.name) + measure(&f.value))
                .sum::<usize>()
            + self.footer.as_ref().map_or(0, |t| measure(t))
    }

    /// Serenity's builder for it.
    pub fn to_builder(&self) -> serenity::CreateEmbed {
        let mut e = serenity::CreateEmbed::new()
            .description(&self.description)
            .color(self.color);
        if let Some(t) = &self.title {
            e = e.title(t);
        }
        for f in &self.fields {
            e = e.field(&f.name, &f.value, false);
        }
        if let Some(f) = &self.footer {
            e = e.footer(serenity::CreateEmbedFooter::new(f));
        }
        e
    }
}

/// One message of a reply: content, embeds, or both.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutMessage {
    /// Message content (≤ [`CONTENT_MAX`]).
    pub content: Option<String>,
    /// Embeds (≤ [`EMBEDS_MAX`], ≤ [`EMBEDS_TOTAL_MAX`] in all).
    pub embeds: Vec<Embed>,
}

impl OutMessage {
    /// A plain-text message.
    pub fn text(content: impl Into<String>) -> OutMessage {
        OutMessage {
            content: Some(content.into()),
            embeds: Vec::new(),
        }
    }

    /// As a poise reply (slash commands), with mentions switched off.
    pub fn to_reply(&self) -> poise::CreateReply {
        let mut r = poise::CreateReply::default().allowed_mentions(no_mentions());
        if let Some(c) = &self.content {
            r = r.content(c);
        }
        for e in &self.embeds {
            r = r.embed(e.to_builder());
        }
        r
    }

    /// As a channel message (mention replies), with mentions switched off.
    pub fn to_message(&self) -> serenity::CreateMessage {
        let mut m = serenity::CreateMessage::new().allowed_mentions(no_mentions());
        if let Some(c) = &self.content {
            m = m.content(c);
        }
        m.embeds(self.embeds.iter().map(Embed::to_builder).collect())
    }
}

/// Allowed mentions with nothing allowed: no @everyone, no roles, no users, no reply ping.
pub fn no_mentions() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
        .everyone(false)
        .all_users(false)
        .all_roles(false)
        .replied_user(false)
}

/// The length Discord's limits are checked against here (UTF-8 bytes; see the module docs).
pub fn measure(text: &str) -> usize {
    text.len()
}

/// Puts a zero-width space after every `@` not already followed by one, so that no
/// `@everyone`, `@here`, `<@123>` or `<@&123>` in the text can be a mention.
pub fn defuse_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '@' && chars.peek() != Some(&'\u{200B}') {
            out.push('\u{200B}');
        }
    }
    out
}

/// Cuts `text` to at most `max` (as [`measure`]d), at a word boundary where one is near, and ends
/// it with `note`. Text that fits is returned unchanged. When `max` is too small even for `note`,
/// the result is `note` alone (callers pass limits far above their notes).
pub fn trim_to(text: &str, max: usize, note: &str) -> String {
    if measure(text) <= max {
        return text.to_string();
    }
    let budget = max.saturating_sub(measure(note));
    let mut cut = 0;
    for (i, c) in text.char_indices() {
        if i + c.len_utf8() > budget {
            break;
        }
        cut = i + c.len_utf8();
    }
    // Prefer a word boundary in the last fifth, so a cut reads as a cut between words.
    if let Some(space) = text[..cut].rfind(char::is_whitespace) {
        if space >= cut - cut / 5 {
            cut = space;
        }
    }
    let mut out = text[..cut].trim_end().to_string();
    if measure(&out) + measure(note) > max {
        out.clear();
    }
    out.push_str(note);
    out
}

/// Renders an answer: embeds (`embeds = true`) or plain text messages.
/// Messages, at most [`MESSAGES_MAX`]; anything past that is dropped at a block boundary and the
/// last message says so.
pub fn render_answer(answer: &Answer, embeds: bool) -> Vec<OutMessage> {
    let messages = if embeds {
        render_embeds(answer)
    } else {
        render_plain(answer)
    };
    cap_messages(messages, MESSAGES_MAX)
}

/// Most messages one reply may take; a longer reply is cut (and says so) rather than flooding
/// the channel.
pub const MESSAGES_MAX: usize = 5;

/// Keeps the first `max` messages and marks the last one as trimmed.
fn cap_messages(mut messages: Vec<OutMessage>, max: usize) -> Vec<OutMessage> {
    if messages.len() <= max {
        return messages;
    }
    let dropped = messages.len() - max;
    messages.truncate(max);
    let note = format!("{TRIM_NOTE} {dropped} more message(s) not shown");
    if let Some(last) = messages.last_mut() {
        if let Some(embed) = last.embeds.last_mut() {
            // Footers have room reserved (FOOTER_RESERVE) in every message.
            embed.footer = Some(note);
        } else if let Some(content) = &mut last.content {
            let room = CONTENT_MAX.saturating_sub(measure(&note) + 1);
            *content = format!("{}\n{note}", trim_to(content, room, TRIM_NOTE));
        }
    }
    messages
}

/// How a quote's speaker and kind read under it: "— JD Vance (own words) [1]".
fn attribution(q: &AnswerQuote, n: &str) -> String {
    match &q.speaker {
        Some(s) => format!(
            "— {} ({}) [{n}]",
            trim_to(&defuse_mentions(&escape_markdown(s)), 200, "…"),
            q.report.label()
        ),
        None => format!("— {} [{n}]", q.report.label()),
    }
}

/// A quote as a block quote pointing at its citation `n` ("1 ¶4"); cut (and marked) only if it
/// alone exceeds `max`.
fn quote_block(q: &AnswerQuote, n: &str, max: usize) -> String {
    let attr = format!("\n> {}", attribution(q, n));
    let quoted = defuse_mentions(&escape_markdown(&q.citation.quote));
    let room = max.saturating_sub(measure(&attr) + measure("> “”"));
    // The speaker's own words in bold inside the cited sentence, when it fits whole.
    let bold = q.emphasised().map(|(before, own, after)| {
        let esc = |t: &str| defuse_mentions(&escape_markdown(t));
        format!("> {}**{}**{}", esc(before), esc(own), esc(after))
    });
    let body = if let Some(b) = bold.filter(|b| measure(b) <= room + measure("> “”")) {
        b
    } else if measure(&quoted) <= room {
        format!("> {}", crate::answer::with_marks(&quoted))
    } else {
        // The note goes outside the quotation marks: the words inside stay the article's.
        let cut = trim_to(&quoted, room.saturating_sub(measure(TRIM_NOTE)), "");
        format!("> “{cut}”{TRIM_NOTE}")
    };
    // Only reachable with a tiny `max`: keep the bound whatever happens.
    trim_to(&format!("{body}{attr}"), max, TRIM_NOTE)
}

/// A cited article as a field: "[1] Title" / "Source · 2025-04-23 · paragraphs 3, 5 · link".
fn citation_field(g: &CitedArticle<'_>, n: usize) -> Field {
    let c = g.first;
    let name = trim_to(
        &defuse_mentions(&format!("[{n}] {}", escape_markdown(&c.title))),
        FIELD_NAME_MAX,
        TRIM_NOTE,
    );
    let mut value = defuse_mentions(&format!(
        "{} · {} · {}",
        escape_markdown(&c.source),
        defuse_mentions(&c.published),
        g.paragraphs_text()
    ));
    // A link is only shown when it fits whole; an `@` in it stays as it is (it is a link
    // target, not text, and allowed mentions are empty anyway).
    if let Some(url) = c.url.as_deref().filter(|u| is_link(u)) {
        let link = format!("\n[Read the article](<{url}>)");
        if measure(&value) + measure(&link) <= FIELD_VALUE_MAX {
            value.push_str(&link);
        }
    }
    Field {
        name,
        value: trim_to(&value, FIELD_VALUE_MAX, TRIM_NOTE),
    }
}

/// A cited article as a text line, for plain mode.
fn citation_line(g: &CitedArticle<'_>, n: usize, max: usize) -> String {
    let c = g.first;
    let line = defuse_mentions(&format!(
        "[{n}] *{}*, {}, {}, {}",
        escape_markdown(&c.title),
        escape_markdown(&c.source),
        c.published,
        g.paragraphs_text()
    ));
    let mut line = trim_to(&line, max, TRIM_NOTE);
    if let Some(url) = c.url.as_deref().filter(|u| is_link(u)) {
        let link = format!(" <{url}>");
        if measure(&line) + measure(&link) <= max {
            line.push_str(&link);
        }
    }
    line
}

/// Only plain web links are shown as links.
fn is_link(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '>' || c == '<' || c == ')')
}

/// The question, escaped, as a title.
fn title_for(answer: &Answer) -> Option<String> {
    let q = answer.question.trim();
    if q.is_empty() {
        return None;
    }
    Some(trim_to(
        &defuse_mentions(&escape_markdown(q)),
        TITLE_MAX,
        "…",
    ))
}

/// The footer line: how fresh the cited articles are.
fn dates_line(answer: &Answer) -> Option<String> {
    let dates = answer.cited_dates();
    if dates.is_empty() {
        return None;
    }
    Some(trim_to(
        &format!("Sources dated {}", dates.join(", ")),
        FOOTER_RESERVE,
        "…",
    ))
}

/// A unit of the description: text, the separator before it, and an optional field.
struct Unit {
    sep: &'static str,
    text: String,
    field: Option<Field>,
}

fn answer_units(answer: &Answer, desc_max: usize) -> Vec<Unit> {
    let mut units = Vec::new();
    let lead = defuse_mentions(answer.lead.trim());
    if !lead.is_empty() {
        units.push(Unit {
            sep: "\n\n",
            text: trim_to(&lead, desc_max, TRIM_NOTE),
            field: None,
        });
    }
    // Each cited article's field goes with the first quote from it.
    let (articles, of_quote) = answer.cited_articles();
    let mut fielded = vec![false; articles.len()];
    for (i, q) in answer.quotes.iter().enumerate() {
        let g = of_quote[i];
        let field = (!std::mem::replace(&mut fielded[g], true))
            .then(|| citation_field(&articles[g], g + 1));
        let field_len = field
            .as_ref()
            .map_or(0, |f| measure(&f.name) + measure(&f.value));
        let max = desc_max.min(EMBEDS_TOTAL_MAX - FOOTER_RESERVE - field_len);
        units.push(Unit {
            sep: "\n\n",
            text: quote_block(q, &answer.quote_ref(i, &of_quote), max),
            field,
        });
    }
    for (i, s) in answer.suggestions.iter().enumerate() {
        let line = defuse_mentions(&format!("• {}", s.trim()));
        let sep = if i == 0 { "\n\n" } else { "\n" };
        units.push(Unit {
            sep,
            text: trim_to(&line, desc_max, TRIM_NOTE),
            field: None,
        });
    }
    units
}

fn render_embeds(answer: &Answer) -> Vec<OutMessage> {
    let color = if answer.answered {
        COLOR_ANSWERED
    } else {
        COLOR_DECLINED
    };
    let title = title_for(answer);
    let units = answer_units(answer, DESCRIPTION_MAX);
    let mut messages: Vec<OutMessage> = Vec::new();
    let mut msg = OutMessage::default();
    let mut embed = Embed {
        title,
        color,
        ..Embed::default()
    };
    let msg_total = |m: &OutMessage| m.embeds.iter().map(Embed::total_len).sum::<usize>();
    for unit in units {
        let sep = if embed.description.is_empty() {
            ""
        } else {
            unit.sep
        };
        let field_len = unit
            .field
            .as_ref()
            .map_or(0, |f| measure(&f.name) + measure(&f.value));
        let add = measure(sep) + measure(&unit.text) + field_len;
        let fits_embed = measure(&embed.description) + measure(sep) + measure(&unit.text)
            <= DESCRIPTION_MAX
            && embed.fields.len() + usize::from(unit.field.is_some()) <= FIELDS_MAX;
        let fits_msg =
            msg_total(&msg) + embed.total_len() + add <= EMBEDS_TOTAL_MAX - FOOTER_RESERVE;
        if (!fits_embed || !fits_msg) && !embed.description.is_empty() {
            // Close this embed; start the next one in this message or in a new message.
            msg.embeds.push(std::mem::replace(
                &mut embed,
                Embed {
                    color,
                    ..Embed::default()
                },
            ));
            let fresh = measure(&unit.text) + field_len;
            if msg.embeds.len() >= EMBEDS_MAX
                || msg_total(&msg) + fresh > EMBEDS_TOTAL_MAX - FOOTER_RESERVE
            {
                messages.push(std::mem::take(&mut msg));
            }
            embed.description.push_str(&unit.text);
        } else {
            embed.description.push_str(sep);
            embed.description.push_str(&unit.text);
        }
        embed.fields.extend(unit.field);
    }
    if embed.description.is_empty() && embed.fields.is_empty() {
        embed.description.push('…');
    }
    embed.footer = dates_line(answer);
    msg.embeds.push(embed);
    messages.push(msg);
    messages
}

fn render_plain(answer: &Answer) -> Vec<OutMessage> {
    let mut blocks: Vec<String> = Vec::new();
    let lead = defuse_mentions(answer.lead.trim());
    if !lead.is_empty() {
        blocks.push(trim_to(&lead, CONTENT_MAX, TRIM_NOTE));
    }
    // Each cited article's line goes under the first quote from it.
    let (articles, of_quote) = answer.cited_articles();
    let mut lined = vec![false; articles.len()];
    for (i, q) in answer.quotes.iter().enumerate() {
        let g = of_quote[i];
        let r = answer.quote_ref(i, &of_quote);
        if std::mem::replace(&mut lined[g], true) {
            blocks.push(quote_block(q, &r, CONTENT_MAX));
        } else {
            let line = citation_line(&articles[g], g + 1, CONTENT_MAX / 2);
            let max = CONTENT_MAX - measure(&line) - 1;
            blocks.push(format!("{}\n{line}", quote_block(q, &r, max)));
        }
    }
    if !answer.suggestions.is_empty() {
        let lines: Vec<String> = answer
            .suggestions
            .iter()
            .map(|s| defuse_mentions(&trim_to(&format!("• {}", s.trim()), CONTENT_MAX, TRIM_NOTE)))
            .collect();
        blocks.extend(pack(&lines, "\n", CONTENT_MAX));
    }
    if let Some(d) = dates_line(answer) {
        blocks.push(format!("*{d}.*"));
    }
    if blocks.is_empty() {
        blocks.push("…".to_string());
    }
    pack(&blocks, "\n\n", CONTENT_MAX)
        .into_iter()
        .map(OutMessage::text)
        .collect()
}

/// Joins blocks with `sep` into as few chunks of at most `max` as order allows. Every block must
/// already fit `max` on its own (longer ones are cut with [`TRIM_NOTE`]). Blocks are expected to
/// be non-empty: an empty block that would start a chunk is dropped with its separator.
pub fn pack(blocks: &[String], sep: &str, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for b in blocks {
        let b = trim_to(b, max, TRIM_NOTE);
        if !cur.is_empty() && measure(&cur) + measure(sep) + measure(&b) > max {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push_str(sep);
        }
        cur.push_str(&b);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A short text reply (notices, explanations): defused and cut to fit one message.
pub fn notice(text: &str) -> OutMessage {
    OutMessage::text(trim_to(&defuse_mentions(text), CONTENT_MAX, TRIM_NOTE))
}

/// Every text of a message, for checks: content, titles, descriptions, fields, footers.
pub fn texts(m: &OutMessage) -> Vec<&str> {
    let mut v: Vec<&str> = m.content.iter().map(String::as_str).collect();
    for e in &m.embeds {
        v.extend(e.title.as_deref());
        v.push(&e.description);
        for f in &e.fields {
            v.push(&f.name);
            v.push(&f.value);
        }
        v.extend(e.footer.as_deref());
    }
    v
}

/// Whether a message keeps every Discord limit.
pub fn within_limits(m: &OutMessage) -> Result<(), String> {
    if let Some(c) = &m.content {
        if measure(c) > CONTENT_MAX {
            return Err(format!("content is {} long", measure(c)));
        }
    }
    if m.embeds.len() > EMBEDS_MAX {
        return Err(format!("{} embeds", m.embeds.len()));
    }
    let total: usize = m.embeds.iter().map(Embed::total_len).sum();
    if total > EMBEDS_TOTAL_MAX {
        return Err(format!("embeds total {total}"));
    }
    for e in &m.embeds {
        if e.title.as_ref().is_some_and(|t| measure(t) > TITLE_MAX) {
            return Err("title too long".into());
        }
        if measure(&e.description) > DESCRIPTION_MAX {
            return Err(format!("description is {} long", measure(&e.description)));
        }
        if e.fields.len() > FIELDS_MAX {
            return Err(format!("{} fields", e.fields.len()));
        }
        if e.footer.as_ref().is_some_and(|t| measure(t) > FOOTER_MAX) {
            return Err("footer too long".into());
        }
        for f in &e.fields {
            if measure(&f.name) > FIELD_NAME_MAX || measure(&f.value) > FIELD_VALUE_MAX {
                return Err("field too long".into());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Citation, Context, Explanation, ReportKind};
    use proptest::prelude::*;

    fn quote(text: &str, speaker: Option<&str>, url: Option<&str>) -> AnswerQuote {
        AnswerQuote {
            report: ReportKind::OwnWords,
            speaker: speaker.map(str::to_string),
            citation: Citation {
                article: "london-talks".into(),
                title: "Ukraine talks in London downgraded".into(),
                source: "unattributed wire report".into(),
                published: "2025-04-23".into(),
                paragraph: 4,
                quote: text.into(),
                url: url.map(str::to_string),
            },
            emphasis: None,
        }
    }

    fn answer(
        lead: &str,
        quotes: Vec<AnswerQuote>,
        suggestions: Vec<String>,
        answered: bool,
    ) -> Answer {
        Answer {
            question: "What did Vance say?".into(),
            intent: "said".into(),
            answered,
            lead: lead.into(),
            quotes,
            suggestions,
            context: Context::default(),
            explanation: Explanation::default(),
        }
    }

    /// What a mention looks like in message text.
    fn mention_re() -> &'static regex::Regex {
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new(r"@everyone|@here|<@[!&]?[0-9]").unwrap())
    }

    /// No rendered text can be a mention.
    fn assert_no_mention(s: &str) {
        assert!(!mention_re().is_match(s), "a mention got through: {s:?}");
    }

    #[test]
    fn an_answer_renders_lead_quotes_and_citation_fields() {
        let mut other = quote(
            "A full ceasefire is the first step.",
            Some("Yulia Svyrydenko"),
            None,
        );
        other.citation.article = "kyiv-statement".into();
        other.citation.title = "Kyiv sets out its terms".into();
        other.citation.paragraph = 2;
        let mut later = quote(
            "We are ready.",
            Some("JD Vance"),
            Some("https://example.org/a"),
        );
        later.citation.paragraph = 7;
        let a = answer(
            "JD Vance said:",
            vec![
                quote(
                    "It's time for them to either say yes, or for the United States to walk away",
                    Some("JD Vance"),
                    Some("https://example.org/a"),
                ),
                other,
                later,
            ],
            vec![],
            true,
        );
        let msgs = render_answer(&a, true);
        assert_eq!(msgs.len(), 1);
        let e = &msgs[0].embeds[0];
        assert_eq!(e.title.as_deref(), Some("What did Vance say?"));
        assert!(
            e.description.starts_with("JD Vance said:\n\n> “It's time"),
            "{}",
            e.description
        );
        assert!(e.description.contains("> — JD Vance (own words) [1 ¶4]"));
        assert!(e.description.contains(
            "> “A full ceasefire is the first step.”\n> — Yulia Svyrydenko (own words) [2 ¶2]"
        ));
        // The third quote is from the first article: one field for both of its paragraphs.
        assert!(e.description.contains("> — JD Vance (own words) [1 ¶7]"));
        assert_eq!(e.fields.len(), 2);
        assert_eq!(e.fields[0].name, "[1] Ukraine talks in London downgraded");
        assert_eq!(
            e.fields[0].value,
            "unattributed wire report · 2025-04-23 · paragraphs 4, 7\n[Read the article](<https://example.org/a>)"
        );
        assert_eq!(e.fields[1].name, "[2] Kyiv sets out its terms");
        assert_eq!(
            e.fields[1].value,
            "unattributed wire report · 2025-04-23 · paragraph 2"
        );
        assert_eq!(e.footer.as_deref(), Some("Sources dated 2025-04-23"));
        assert_eq!(e.color, COLOR_ANSWERED);
        within_limits(&msgs[0]).unwrap();
    }

    #[test]
    fn a_decline_is_friendly_with_suggestions() {
        let a = answer(
            "My sources don't cover that.",
            vec![],
            vec![
                "People: JD Vance, Keir Starmer".into(),
                "Topics: ceasefire, Crimea".into(),
            ],
            false,
        );
        let msgs = render_answer(&a, true);
        let e = &msgs[0].embeds[0];
        assert_eq!(e.color, COLOR_DECLINED);
        assert_eq!(
            e.description,
            "My sources don't cover that.\n\n• People: JD Vance, Keir Starmer\n• Topics: ceasefire, Crimea"
        );
        assert!(e.fields.is_empty() && e.footer.is_none());
        let plain = render_answer(&a, false);
        assert_eq!(
            plain[0].content.as_deref(),
            Some("My sources don't cover that.\n\n• People: JD Vance, Keir Starmer\n• Topics: ceasefire, Crimea")
        );
    }

    #[test]
    fn plain_mode_puts_citations_in_text() {
        let a = answer(
            "Lead.",
            vec![quote("Words.", Some("A B"), Some("https://x.org/1"))],
            vec![],
            true,
        );
        let msgs = render_answer(&a, false);
        assert_eq!(msgs.len(), 1);
        assert!(msgs[0].embeds.is_empty());
        assert_eq!(
            msgs[0].content.as_deref(),
            Some(
                "Lead.\n\n> “Words.”\n> — A B (own words) [1 ¶4]\n[1] *Ukraine talks in London downgraded*, unattributed wire report, 2025-04-23, paragraph 4 <https://x.org/1>\n\n*Sources dated 2025-04-23.*"
            )
        );
    }

    #[test]
    fn mentions_in_quotes_leads_questions_and_suggestions_are_defused() {
        let mut a = answer(
            "About @everyone and <@123>:",
            vec![quote(
                "Hello @everyone, <@&456> and @here",
                Some("<@!789>"),
                None,
            )],
            vec!["ask <@123>".into()],
            true,
        );
        a.question = "@everyone **what** <@1>?".into();
        for embeds in [true, false] {
            for m in render_answer(&a, embeds) {
                for t in texts(&m) {
                    assert_no_mention(t);
                }
            }
        }
        let t = title_for(&a).unwrap();
        assert!(t.contains("\\*\\*what\\*\\*"), "{t}");
    }

    #[test]
    fn long_quotes_split_across_embeds_at_quote_boundaries() {
        let long = "word ".repeat(700); // 3,500 characters
        let quotes: Vec<AnswerQuote> = (0..4)
            .map(|i| {
                let mut q = quote(&format!("{i} {long}"), Some("S"), None);
                q.citation.article = format!("article-{i}");
                q
            })
            .collect();
        let a = answer("Lead.", quotes, vec![], true);
        let msgs = render_answer(&a, true);
        let embeds: usize = msgs.iter().map(|m| m.embeds.len()).sum();
        assert!(embeds >= 4, "{embeds}");
        for m in &msgs {
            within_limits(m).unwrap();
            for e in &m.embeds {
                assert!(!e.description.contains(TRIM_NOTE), "nothing needed cutting");
                // Each field belongs to a quote in the same embed.
                for f in &e.fields {
                    let n = &f.name[1..f.name.find(']').unwrap()];
                    assert!(e.description.contains(&format!("[{n} ¶")));
                }
            }
        }
        // Every quote appears, whole, once.
        let all: String = msgs
            .iter()
            .flat_map(|m| m.embeds.iter().map(|e| e.description.clone()))
            .collect();
        for i in 0..4 {
            assert_eq!(all.matches(&format!("“{i} word")).count(), 1);
        }
    }

    #[test]
    fn a_quote_longer_than_an_embed_is_cut_and_says_so() {
        let huge = "x".repeat(9000);
        let a = answer("Lead.", vec![quote(&huge, Some("S"), None)], vec![], true);
        for embeds in [true, false] {
            let msgs = render_answer(&a, embeds);
            for m in &msgs {
                within_limits(m).unwrap();
            }
            let all: String = msgs.iter().flat_map(texts).collect();
            assert!(all.contains(&format!("”{TRIM_NOTE}")), "the cut is marked");
            assert!(
                all.contains("(own words) [1 ¶4]"),
                "the attribution survives the cut"
            );
        }
    }

    #[test]
    fn plain_mode_splits_at_blocks() {
        let q = "y ".repeat(600); // 1,200 characters
        let a = answer(
            "Lead.",
            (0..5).map(|_| quote(&q, None, None)).collect(),
            vec![],
            true,
        );
        let msgs = render_answer(&a, false);
        assert!(msgs.len() >= 3);
        for m in &msgs {
            within_limits(m).unwrap();
            let c = m.content.as_deref().unwrap();
            assert_eq!(
                c.matches('“').count(),
                c.matches('”').count(),
                "no quote is split: {c}"
            );
        }
    }

    #[test]
    fn many_suggestions_stay_within_limits() {
        let sugg: Vec<String> = (0..150)
            .map(|i| format!("suggestion number {i} with some words"))
            .collect();
        let a = answer("No.", vec![], sugg, false);
        for embeds in [true, false] {
            let msgs = render_answer(&a, embeds);
            for m in &msgs {
                within_limits(m).unwrap();
            }
            let all: String = msgs.iter().flat_map(texts).collect();
            assert!(all.contains("suggestion number 149 "));
        }
    }

    #[test]
    fn a_huge_reply_is_capped_and_says_so() {
        let sugg: Vec<String> = (0..3000)
            .map(|i| format!("line {i} {}", "w ".repeat(30)))
            .collect();
        let a = answer("No.", vec![], sugg, false);
        for embeds in [true, false] {
            let msgs = render_answer(&a, embeds);
            assert_eq!(msgs.len(), MESSAGES_MAX);
            for m in &msgs {
                within_limits(m).unwrap();
            }
            let last: String = texts(msgs.last().unwrap()).concat();
            assert!(last.contains("more message(s) not shown"), "{embeds}");
        }
    }

    #[test]
    fn trim_to_respects_bounds_and_char_boundaries() {
        assert_eq!(trim_to("short", 10, TRIM_NOTE), "short");
        let t = trim_to("αβγδε ζηθικ λμνξο", 16, "…");
        assert!(measure(&t) <= 16 && t.ends_with('…'), "{t}");
        let t = trim_to("abcdef", 2, TRIM_NOTE);
        assert!(t == TRIM_NOTE || measure(&t) <= 2);
    }

    #[test]
    fn defuse_is_idempotent() {
        let once = defuse_mentions("@a @@b");
        assert_eq!(defuse_mentions(&once), once);
    }

    #[test]
    fn builders_serialize_without_mentions() {
        let a = answer("Lead.", vec![quote("Q", None, None)], vec![], true);
        let m = &render_answer(&a, true)[0];
        let json = serde_json::to_value(m.to_message()).unwrap();
        assert_eq!(json["allowed_mentions"]["parse"], serde_json::json!([]));
        assert_eq!(
            json["allowed_mentions"]["replied_user"],
            serde_json::json!(false)
        );
        assert_eq!(
            json["embeds"][0]["fields"][0]["name"],
            "[1] Ukraine talks in London downgraded"
        );
    }

    fn arb_text() -> impl Strategy<Value = String> {
        prop_oneof![
            ".{0,300}",
            "[a-z @<>&!#*_`|~\\[\\]0-9\n]{0,200}",
            (1usize..5000).prop_map(|n| "é".repeat(n)),
            (1usize..3000).prop_map(|n| "ab ".repeat(n)),
        ]
    }

    fn arb_answer() -> impl Strategy<Value = Answer> {
        (
            arb_text(),
            arb_text(),
            proptest::collection::vec(
                (arb_text(), proptest::option::of(arb_text()), arb_text()),
                0..12,
            ),
            proptest::collection::vec(arb_text(), 0..8),
            any::<bool>(),
        )
            .prop_map(|(question, lead, qs, suggestions, answered)| {
                let quotes = qs
                    .into_iter()
                    .map(|(text, speaker, title)| {
                        let mut q = quote(&text, speaker.as_deref(), Some("https://example.org/x"));
                        q.citation.title = title;
                        q
                    })
                    .collect();
                let mut a = answer(&lead, quotes, suggestions, answered);
                a.question = question;
                a
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn rendering_keeps_limits_and_lets_no_mention_through(a in arb_answer(), embeds in any::<bool>()) {
            let msgs = render_answer(&a, embeds);
            prop_assert!(!msgs.is_empty());
            for m in &msgs {
                prop_assert!(within_limits(m).is_ok(), "{:?}", within_limits(m));
                prop_assert!(m.content.is_some() || !m.embeds.is_empty());
                for t in texts(m) {
                    prop_assert!(!mention_re().is_match(t));
                }
            }
        }

        #[test]
        fn quotes_that_fit_are_never_cut(a in arb_answer(), embeds in any::<bool>()) {
            let msgs = render_answer(&a, embeds);
            let all: String = msgs.iter().flat_map(texts).collect::<Vec<_>>().join("\n");
            // A reply past MESSAGES_MAX is cut at a block boundary; one under it is whole. (The
            // count, not the "not shown" note, tells: a quote could contain those words.)
            let capped = msgs.len() >= MESSAGES_MAX;
            for q in a.quotes.iter().filter(|_| !capped) {
                let shown = defuse_mentions(&escape_markdown(&q.citation.quote));
                if measure(&shown) < 700 {
                    // As the renderer shows it: in marks, unless it is a quotation already.
                    let marked = crate::answer::with_marks(&shown);
                    prop_assert!(all.contains(&marked), "quote missing: {marked:?}");
                }
            }
        }

        #[test]
        fn pack_loses_no_text(blocks in proptest::collection::vec("[a-z ]{1,300}", 0..40), max in 300usize..2000) {
            let out = pack(&blocks, "\n\n", max);
            for chunk in &out {
                prop_assert!(measure(chunk) <= max);
            }
            prop_assert_eq!(out.join("\n\n"), blocks.join("\n\n"));
        }
    }
}
