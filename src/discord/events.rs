//! Gateway events poise does not handle for us: messages that mention the bot (answered as a
//! reply to the message) and the buttons under answers ("Why this answer?", 👍, 👎).

use std::time::Instant;

use poise::serenity_prelude as serenity;
use tracing::{debug, info, warn, Instrument as _};

use super::commands::{cooldown_text, interaction_span, log_feedback, Data, Error};
use super::render::{self, no_mentions};
use super::state::{FeedbackEntry, Vote};
use crate::engine::Command;

/// What a button under an answer does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonAction {
    /// "Why this answer?"
    Why,
    /// 👍
    Up,
    /// 👎
    Down,
}

/// Custom ids look like `parley:why:1745400000000`: a verb and the answer's key.
pub fn custom_id(action: ButtonAction, key: u64) -> String {
    let verb = match action {
        ButtonAction::Why => "why",
        ButtonAction::Up => "up",
        ButtonAction::Down => "down",
    };
    format!("parley:{verb}:{key}")
}

/// Reads a custom id made by [`custom_id`].
pub fn parse_custom_id(id: &str) -> Option<(ButtonAction, u64)> {
    let rest = id.strip_prefix("parley:")?;
    let (verb, key) = rest.split_once(':')?;
    let action = match verb {
        "why" => ButtonAction::Why,
        "up" => ButtonAction::Up,
        "down" => ButtonAction::Down,
        _ => return None,
    };
    Some((action, key.parse().ok()?))
}

/// The row of buttons under an answer.
pub fn buttons(key: u64) -> Vec<serenity::CreateActionRow> {
    vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(custom_id(ButtonAction::Why, key))
            .label("Why this answer?")
            .style(serenity::ButtonStyle::Secondary),
        serenity::CreateButton::new(custom_id(ButtonAction::Up, key))
            .emoji('👍')
            .style(serenity::ButtonStyle::Secondary),
        serenity::CreateButton::new(custom_id(ButtonAction::Down, key))
            .emoji('👎')
            .style(serenity::ButtonStyle::Secondary),
    ])]
}

/// poise's event handler: mentions and buttons.
pub async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    match event {
        serenity::FullEvent::Message { new_message } => {
            on_message(
                framework.serenity_context,
                framework.user_data,
                framework.bot_id(),
                new_message,
            )
            .await
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(c),
        } => on_component(framework.serenity_context, framework.user_data, c).await,
        serenity::FullEvent::Ready { data_about_bot } => {
            info!(
                user = %data_about_bot.user.name,
                shard = ?data_about_bot.shard.map(|s| (s.id.0, s.total)),
                guilds = data_about_bot.guilds.len(),
                "connected"
            );
            Ok(())
        }
        serenity::FullEvent::Resume { .. } => {
            info!("gateway session resumed");
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The question in a message that mentions the bot: the text with the bot's mentions taken out.
/// `None` when the message does not mention it.
pub fn mention_question(content: &str, bot: u64) -> Option<String> {
    let plain = format!("<@{bot}>");
    let nick = format!("<@!{bot}>");
    if !content.contains(&plain) && !content.contains(&nick) {
        return None;
    }
    let q = content.replace(&plain, " ").replace(&nick, " ");
    Some(q.split_whitespace().collect::<Vec<_>>().join(" "))
}

async fn on_message(
    ctx: &serenity::Context,
    state: &Data,
    bot: serenity::UserId,
    msg: &serenity::Message,
) -> Result<(), Error> {
    if msg.author.bot || msg.author.id == bot || msg.webhook_id.is_some() {
        return Ok(());
    }
    if !msg.mentions_user_id(bot) {
        return Ok(());
    }
    // A reply to one of the bot's messages mentions it without `<@id>` in the text: the whole
    // text is then the question.
    let question =
        mention_question(&msg.content, bot.get()).unwrap_or_else(|| msg.content.trim().to_string());
    let user = msg.author.id.get();
    let channel = msg.channel_id.get();
    if !state.config.channel_allowed(channel) {
        debug!(channel, "mention in a channel not allowed: ignored");
        return Ok(());
    }
    let started = Instant::now();
    let span = interaction_span("mention", user);
    async move {
        let _busy = state.in_flight.start();
        let reply_to = |m: &render::OutMessage| {
            m.to_message()
                .reference_message(msg)
                .allowed_mentions(no_mentions())
        };
        let now = Instant::now();
        let cmd = if question.is_empty() {
            Command::Help
        } else {
            Command::parse(&question)
        };
        if !matches!(cmd, Command::Help) {
            if let Err(wait) = state.check_cooldown(user, now) {
                info!(wait_s = wait.as_secs(), "cooldown");
                msg.channel_id
                    .send_message(&ctx.http, reply_to(&render::notice(&cooldown_text(wait))))
                    .await?;
                return Ok(());
            }
        }
        let answer = super::commands::answer_in_context(state, &cmd, user, channel, now);
        let span = tracing::Span::current();
        let messages = render::render_answer(&answer, state.config.embeds);
        let key = state.remember_answer(answer, user, channel);
        let last = messages.len() - 1;
        for (i, m) in messages.iter().enumerate() {
            let mut out = reply_to(m);
            if i == last {
                out = out.components(super::buttons(key));
            }
            msg.channel_id.send_message(&ctx.http, out).await?;
        }
        span.record("latency_ms", started.elapsed().as_millis() as u64);
        info!("replied");
        Ok(())
    }
    .instrument(span)
    .await
}

async fn on_component(
    ctx: &serenity::Context,
    state: &Data,
    c: &serenity::ComponentInteraction,
) -> Result<(), Error> {
    let Some((action, key)) = parse_custom_id(&c.data.custom_id) else {
        debug!(custom_id = %c.data.custom_id, "a button that is not ours");
        return Ok(());
    };
    let started = Instant::now();
    let user = c.user.id.get();
    let name = match action {
        ButtonAction::Why => "why",
        ButtonAction::Up | ButtonAction::Down => "feedback",
    };
    let span = interaction_span(name, user);
    async move {
        let _busy = state.in_flight.start();
        let recent = state.recent_answer(key);
        let text = match (action, &recent) {
            (_, None) => "That answer is too old for me to remember; please ask again.".to_string(),
            (ButtonAction::Why, Some(r)) => {
                format!("**Why this answer?**\n{}", r.answer.explain_text())
            }
            (ButtonAction::Up | ButtonAction::Down, Some(r)) => {
                let vote = if action == ButtonAction::Up {
                    Vote::Up
                } else {
                    Vote::Down
                };
                log_feedback(
                    state,
                    FeedbackEntry::new(&r.answer, user, c.channel_id.get(), Some(vote)),
                );
                "Thanks for the feedback!".to_string()
            }
        };
        if let Some(r) = &recent {
            let span = tracing::Span::current();
            span.record("intent", r.answer.intent.as_str());
            span.record("declined", !r.answer.answered);
        }
        let m = render::notice(&text);
        let mut response = serenity::CreateInteractionResponseMessage::new()
            .ephemeral(true)
            .allowed_mentions(no_mentions());
        if let Some(content) = m.content {
            response = response.content(content);
        }
        let sent = c
            .create_response(
                &ctx.http,
                serenity::CreateInteractionResponse::Message(response),
            )
            .await;
        tracing::Span::current().record("latency_ms", started.elapsed().as_millis() as u64);
        match sent {
            Ok(()) => info!("replied"),
            Err(e) => warn!(error = %e, "could not answer a button"),
        }
        Ok(())
    }
    .instrument(span)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_round_trip_and_fit_discord() {
        for action in [ButtonAction::Why, ButtonAction::Up, ButtonAction::Down] {
            let id = custom_id(action, u64::MAX);
            assert!(id.len() <= 100);
            assert_eq!(parse_custom_id(&id), Some((action, u64::MAX)));
        }
        assert_eq!(parse_custom_id("other:why:1"), None);
        assert_eq!(parse_custom_id("parley:kick:1"), None);
        assert_eq!(parse_custom_id("parley:why:x"), None);
    }

    #[test]
    fn mentions_are_stripped_from_the_question() {
        assert_eq!(
            mention_question("<@42> who is Vance?", 42).as_deref(),
            Some("who is Vance?")
        );
        assert_eq!(
            mention_question("hey <@!42>,  what about <@42> Crimea", 42).as_deref(),
            Some("hey , what about Crimea")
        );
        assert_eq!(mention_question("<@43> hi", 42), None);
        assert_eq!(mention_question("<@42>", 42).as_deref(), Some(""));
    }

    #[test]
    fn buttons_carry_the_key() {
        let json = serde_json::to_value(&buttons(7)[0]).unwrap();
        let ids: Vec<&str> = json["components"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["custom_id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["parley:why:7", "parley:up:7", "parley:down:7"]);
    }
}
