//! The slash commands, one file each: each is a few lines that build an engine [`Command`] and
//! hand it to `respond` (here), which checks the channel and the cooldown, asks the engine, logs
//! a decline, renders, and sends with the buttons. This file owns what the commands share
//! (`respond`, the autocomplete callbacks, the cooldown notice); it must not hold a command.
//! Doc comments on the commands are what users see as help.

mod ask;
mod help;
mod positions;
mod quotes;
mod reload;
mod sources;
mod summary;
mod timeline;
mod who;

use std::sync::Arc;
use std::time::Instant;

use poise::serenity_prelude as serenity;
use tracing::{field, info, info_span, warn, Instrument as _};

use super::buttons;
use super::render::{self, OutMessage};
use super::state::{BotState, FeedbackEntry};
use crate::engine::{Command, SlotKind};
use ask::ask;
use help::help;
use positions::positions;
use quotes::quotes;
pub use reload::may_reload;
use reload::reload;
use sources::sources;
use summary::summary;
use timeline::timeline;
use who::who;

/// The poise data: the shared state.
pub type Data = Arc<BotState>;
/// Errors a command can return (logged by `on_error`).
pub type Error = anyhow::Error;
/// A command's context.
pub type Ctx<'a> = poise::Context<'a, Data, Error>;

/// All the commands, in the order `/help` lists them.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        ask(),
        summary(),
        who(),
        quotes(),
        positions(),
        timeline(),
        sources(),
        help(),
        reload(),
    ]
}

/// The span every interaction runs in.
pub fn interaction_span(command: &str, user: u64) -> tracing::Span {
    info_span!(
        "interaction",
        command,
        user,
        latency_ms = field::Empty,
        intent = field::Empty,
        declined = field::Empty
    )
}

/// The shared path of every engine command: gates, engine, log, render, send.
async fn respond(ctx: Ctx<'_>, name: &str, cmd: Command, private: bool) -> Result<(), Error> {
    let started = Instant::now();
    let user = ctx.author().id.get();
    let channel = ctx.channel_id().get();
    let span = interaction_span(name, user);
    async move {
        let state = ctx.data().clone();
        let _busy = state.in_flight.start();
        let now = Instant::now();
        if !state.config.channel_allowed(channel) {
            info!("channel not allowed");
            let text = "I only answer in the channels my configuration lists; please ask me there.";
            ctx.send(render::notice(text).to_reply().ephemeral(true))
                .await?;
            return Ok(());
        }
        let counts = !matches!(cmd, Command::Help);
        if counts {
            if let Err(wait) = state.check_cooldown(user, now) {
                info!(wait_s = wait.as_secs(), "cooldown");
                ctx.send(
                    render::notice(&cooldown_text(wait))
                        .to_reply()
                        .ephemeral(true),
                )
                .await?;
                return Ok(());
            }
        }
        let answer = answer_in_context(&state, &cmd, user, channel, now);
        let span = tracing::Span::current();
        let messages = render::render_answer(&answer, state.config.embeds);
        let key = counts.then(|| state.remember_answer(answer, user, channel));
        let last = messages.len() - 1;
        let mut expired = false;
        for (i, m) in messages.into_iter().enumerate() {
            let with_buttons = i == last && key.is_some();
            if expired {
                // The interaction is gone: the rest of the answer goes to the channel too.
                let mut msg = m.to_message();
                if let (true, Some(key)) = (with_buttons, key) {
                    msg = msg.components(buttons(key));
                }
                ctx.channel_id().send_message(ctx.http(), msg).await?;
                continue;
            }
            let mut reply = m.to_reply().ephemeral(private);
            if let (true, Some(key)) = (with_buttons, key) {
                reply = reply.components(buttons(key));
            }
            match ctx.send(reply).await {
                Ok(_) => {}
                // Discord refused the reply because it came after the 3-second deadline (the REST
                // side was slow): a public answer is posted in the channel instead, once. A
                // private one cannot be, and the user is not told twice.
                Err(e) if i == 0 && !private && is_expired_interaction(&e) => {
                    warn!("interaction expired before the reply arrived; answering in the channel");
                    expired = true;
                    let mut msg = m.to_message();
                    if let (true, Some(key)) = (with_buttons, key) {
                        msg = msg.components(buttons(key));
                    }
                    ctx.channel_id().send_message(ctx.http(), msg).await?;
                }
                Err(e) => return Err(e.into()),
            }
        }
        span.record("latency_ms", started.elapsed().as_millis() as u64);
        info!("replied");
        Ok(())
    }
    .instrument(span)
    .await
}

/// True when Discord says the interaction is unknown (10062): its 3-second window has passed.
fn is_expired_interaction(e: &serenity::Error) -> bool {
    matches!(
        e,
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) if r.error.code == 10062
    )
}

/// The polite cooldown notice.
pub fn cooldown_text(wait: std::time::Duration) -> String {
    let secs = wait.as_secs().max(1);
    format!(
        "You're asking quickly! Please wait {secs} second{} before your next question.",
        if secs == 1 { "" } else { "s" }
    )
}

/// Answers with the user's follow-up context in this channel, keeps the new context, records
/// the intent and the verdict on the current span, and logs a declined question. Slash commands
/// and mentions share it.
pub fn answer_in_context(
    state: &BotState,
    cmd: &Command,
    user: u64,
    channel: u64,
    now: Instant,
) -> crate::answer::Answer {
    let context = state.context(user, channel, now);
    let answer = state.engine().run(cmd, context.as_ref());
    state.remember_context(user, channel, answer.context.clone(), now);
    let span = tracing::Span::current();
    span.record("intent", answer.intent.as_str());
    span.record("declined", !answer.answered);
    if !answer.answered {
        log_feedback(state, FeedbackEntry::new(&answer, user, channel, None));
    }
    answer
}

/// Appends to the feedback log; a failure is logged, never shown to the user.
pub fn log_feedback(state: &BotState, entry: FeedbackEntry) {
    if let Err(e) = state.feedback.append(&entry) {
        warn!(path = %state.feedback.path().display(), error = %e, "could not write the feedback log");
    }
}

/// Sends a single notice as a reply (used by the error handler).
pub async fn send_notice(ctx: Ctx<'_>, text: &str) -> Result<(), serenity::Error> {
    ctx.send(OutMessage::to_reply(&render::notice(text)).ephemeral(true))
        .await
        .map(|_| ())
}

/// Autocomplete choices: names start at 1 character and stay within Discord's 100.
fn choices(names: Vec<String>) -> serenity::CreateAutocompleteResponse {
    let choices = names
        .into_iter()
        .filter(|n| !n.trim().is_empty())
        .take(25)
        .map(|n| {
            let n = render::trim_to(&n, 100, "…");
            serenity::AutocompleteChoice::new(n.clone(), n)
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

async fn complete_person(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    choices(ctx.data().engine().complete(SlotKind::Person, partial, 25))
}

async fn complete_party(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    choices(ctx.data().engine().complete(SlotKind::Party, partial, 25))
}

async fn complete_topic(ctx: Ctx<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    choices(ctx.data().engine().complete(SlotKind::Topic, partial, 25))
}

async fn complete_topic_or_article(
    ctx: Ctx<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let engine = ctx.data().engine();
    let mut names = engine.complete(SlotKind::Topic, partial, 25);
    names.extend(engine.complete(SlotKind::Article, partial, 25));
    names.dedup();
    choices(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_have_descriptions_and_autocomplete_where_names_go() {
        let cmds = all();
        let names: Vec<&str> = cmds.iter().map(|c| &c.name[..]).collect();
        assert_eq!(
            names,
            [
                "ask",
                "summary",
                "who",
                "quotes",
                "positions",
                "timeline",
                "sources",
                "help",
                "reload"
            ]
        );
        for c in &cmds {
            assert!(
                c.description
                    .as_deref()
                    .is_some_and(|d| !d.is_empty() && d.len() <= 100),
                "{}",
                c.name
            );
            assert!(c.slash_action.is_some());
            for p in &c.parameters {
                assert!(
                    p.description
                        .as_deref()
                        .is_some_and(|d| !d.is_empty() && d.len() <= 100),
                    "{} {}",
                    c.name,
                    p.name
                );
                let completes = p.autocomplete_callback.is_some();
                let should = matches!(&p.name[..], "person" | "speaker" | "party" | "topic");
                assert_eq!(completes, should, "{} {}", c.name, p.name);
            }
        }
        let ask = &cmds[0];
        assert_eq!(ask.parameters.len(), 2);
        assert!(ask.parameters[0].required && !ask.parameters[1].required);
    }

    #[test]
    fn cooldown_text_is_polite_and_never_says_zero() {
        assert_eq!(
            cooldown_text(std::time::Duration::from_millis(300)),
            "You're asking quickly! Please wait 1 second before your next question."
        );
        assert!(cooldown_text(std::time::Duration::from_secs(12)).contains("12 seconds"));
    }

    #[test]
    fn choices_are_bounded() {
        let names: Vec<String> = (0..40)
            .map(|i| format!("{i} {}", "n".repeat(200)))
            .collect();
        let json = serde_json::to_value(choices(names)).unwrap();
        let list = json["choices"].as_array().unwrap();
        assert_eq!(list.len(), 25);
        assert!(list
            .iter()
            .all(|c| c["name"].as_str().unwrap().len() <= 100));
    }
}
