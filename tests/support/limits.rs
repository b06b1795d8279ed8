//! Discord's limits on message payloads, checked the way Discord checks them: a payload over a
//! limit is answered with a 400, so a renderer that overflows fails the test that sent it.
//!
//! serenity refuses (and never sends) content over 2,000 characters, more than 10 embeds or an
//! embed over 6,000 characters, but not the description, title, field count or field value limits;
//! this module checks all of them, plus the component and autocomplete-choice limits. Lengths are
//! counted in characters (Unicode scalar values).

use serde_json::Value;

/// Content of one message.
pub const CONTENT: usize = 2_000;
/// Embeds in one message.
pub const EMBEDS: usize = 10;
/// An embed's title.
pub const TITLE: usize = 256;
/// An embed's description.
pub const DESCRIPTION: usize = 4_096;
/// Fields in one embed.
pub const FIELDS: usize = 25;
/// A field's name.
pub const FIELD_NAME: usize = 256;
/// A field's value.
pub const FIELD_VALUE: usize = 1_024;
/// An embed footer's text.
pub const FOOTER: usize = 2_048;
/// An embed author's name.
pub const AUTHOR: usize = 256;
/// Title, description, field names and values, footer and author, summed over all embeds.
pub const EMBED_TOTAL: usize = 6_000;
/// Action rows in one message.
pub const ACTION_ROWS: usize = 5;
/// Components in one action row.
pub const ROW_COMPONENTS: usize = 5;
/// A button's label.
pub const BUTTON_LABEL: usize = 80;
/// A component's custom id.
pub const CUSTOM_ID: usize = 100;
/// Autocomplete choices in one answer.
pub const CHOICES: usize = 25;
/// An autocomplete choice's name, and a string choice's value.
pub const CHOICE_NAME: usize = 100;

/// Why Discord would refuse a payload: its error code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// Discord's JSON error code (50035 "Invalid Form Body", 50006 "Cannot send an empty message").
    pub code: u32,
    /// What was wrong, naming the field (`embeds[0].description: 4100 characters, limit 4096`).
    pub message: String,
}

impl Refusal {
    fn form(message: String) -> Self {
        Self {
            code: 50035,
            message,
        }
    }
}

fn chars(value: Option<&Value>) -> usize {
    value
        .and_then(Value::as_str)
        .map_or(0, |s| s.chars().count())
}

fn at_most(what: &str, value: Option<&Value>, limit: usize) -> Result<usize, Refusal> {
    let n = chars(value);
    if n > limit {
        return Err(Refusal::form(format!(
            "{what}: {n} characters, limit {limit}"
        )));
    }
    Ok(n)
}

fn array(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// Checks a message payload (a new message, an interaction reply's `data`, an edit).
/// `whole` says the payload makes a new message, which must not be empty; edits may be partial.
pub fn check_message(body: &Value, whole: bool) -> Result<(), Refusal> {
    let content = at_most("content", body.get("content"), CONTENT)?;
    let embeds = array(body.get("embeds"));
    if embeds.len() > EMBEDS {
        return Err(Refusal::form(format!(
            "embeds: {} embeds, limit {EMBEDS}",
            embeds.len()
        )));
    }
    let mut total = 0;
    for (i, embed) in embeds.iter().enumerate() {
        total += check_embed(i, embed)?;
    }
    if total > EMBED_TOTAL {
        return Err(Refusal::form(format!(
            "embeds: {total} characters in all embeds, limit {EMBED_TOTAL}"
        )));
    }
    let rows = array(body.get("components"));
    check_components(rows)?;
    let has_files =
        !array(body.get("attachments")).is_empty() || !array(body.get("sticker_ids")).is_empty();
    if whole && content == 0 && embeds.is_empty() && rows.is_empty() && !has_files {
        return Err(Refusal {
            code: 50006,
            message: "Cannot send an empty message".into(),
        });
    }
    Ok(())
}

/// Checks one embed and returns the characters it counts toward the 6,000 total.
fn check_embed(i: usize, embed: &Value) -> Result<usize, Refusal> {
    let mut total = at_most(&format!("embeds[{i}].title"), embed.get("title"), TITLE)?;
    total += at_most(
        &format!("embeds[{i}].description"),
        embed.get("description"),
        DESCRIPTION,
    )?;
    total += at_most(
        &format!("embeds[{i}].footer.text"),
        embed.get("footer").and_then(|f| f.get("text")),
        FOOTER,
    )?;
    total += at_most(
        &format!("embeds[{i}].author.name"),
        embed.get("author").and_then(|a| a.get("name")),
        AUTHOR,
    )?;
    let fields = array(embed.get("fields"));
    if fields.len() > FIELDS {
        return Err(Refusal::form(format!(
            "embeds[{i}].fields: {} fields, limit {FIELDS}",
            fields.len()
        )));
    }
    for (j, field) in fields.iter().enumerate() {
        for (key, limit) in [("name", FIELD_NAME), ("value", FIELD_VALUE)] {
            let what = format!("embeds[{i}].fields[{j}].{key}");
            let n = at_most(&what, field.get(key), limit)?;
            if n == 0 {
                return Err(Refusal::form(format!(
                    "{what}: must be 1 or more in length"
                )));
            }
            total += n;
        }
    }
    if total > EMBED_TOTAL {
        return Err(Refusal::form(format!(
            "embeds[{i}]: {total} characters, limit {EMBED_TOTAL}"
        )));
    }
    Ok(total)
}

fn check_components(rows: &[Value]) -> Result<(), Refusal> {
    if rows.len() > ACTION_ROWS {
        return Err(Refusal::form(format!(
            "components: {} action rows, limit {ACTION_ROWS}",
            rows.len()
        )));
    }
    let mut ids = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let inner = array(row.get("components"));
        if inner.is_empty() || inner.len() > ROW_COMPONENTS {
            return Err(Refusal::form(format!(
                "components[{i}].components: {} components, must be 1 to {ROW_COMPONENTS}",
                inner.len()
            )));
        }
        for (j, component) in inner.iter().enumerate() {
            at_most(
                &format!("components[{i}].components[{j}].label"),
                component.get("label"),
                BUTTON_LABEL,
            )?;
            let what = format!("components[{i}].components[{j}].custom_id");
            at_most(&what, component.get("custom_id"), CUSTOM_ID)?;
            if let Some(id) = component.get("custom_id").and_then(Value::as_str) {
                if ids.contains(&id) {
                    return Err(Refusal::form(format!("{what}: duplicate custom_id {id:?}")));
                }
                ids.push(id);
            }
        }
    }
    Ok(())
}

/// Checks an autocomplete answer's `data` (`{choices: [{name, value}]}`).
pub fn check_choices(data: &Value) -> Result<(), Refusal> {
    let choices = array(data.get("choices"));
    if choices.len() > CHOICES {
        return Err(Refusal::form(format!(
            "choices: {} choices, limit {CHOICES}",
            choices.len()
        )));
    }
    for (i, choice) in choices.iter().enumerate() {
        let what = format!("choices[{i}].name");
        if at_most(&what, choice.get("name"), CHOICE_NAME)? == 0 {
            return Err(Refusal::form(format!(
                "{what}: must be 1 or more in length"
            )));
        }
        at_most(
            &format!("choices[{i}].value"),
            choice.get("value"),
            CHOICE_NAME,
        )?;
    }
    Ok(())
}
