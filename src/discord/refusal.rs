//! Discord refusing to let the bot in, for good: a token it does not accept (HTTP 401 on
//! `GET /gateway/bot`, or gateway close code 4004) and the other close codes Discord documents
//! as not to be retried (4010 to 4014). Each becomes a [`Refusal`] whose message says what to fix;
//! `parley run` stops on it with a non-zero exit instead of reconnecting.
//!
//! How serenity 0.12 surfaces these, and so where this module hooks in:
//! - A 401 is an ordinary HTTP error. serenity's own `GET /gateway` needs no token, and when it
//!   fails serenity quietly falls back to Discord's public gateway address, so [`check_token`]
//!   asks `GET /gateway/bot` (which does need the token) once before connecting.
//! - Close codes 4004, 4013 and 4014 end `Client::start` with
//!   `GatewayError::InvalidAuthentication`, `InvalidGatewayIntents` and
//!   `DisallowedGatewayIntents`: [`Refusal::from_gateway_error`] maps them.
//! - 4010 and 4011 are only logged by the shard runner, and 4012 is treated as an unknown close,
//!   and in each case the shard reconnects. The one place the code is visible is the
//!   `handle_gateway_closed` span that serenity's shard opens with the close frame as a field;
//!   [`CloseWatch`] is a tracing layer that reads the code from that span and hands it to
//!   [`run_with`](super::run_with), which stops the shards.
//!
//! Nothing here touches the token's text.

use std::fmt::Write as _;

use poise::serenity_prelude as serenity;
use serenity::GatewayIntents;
use tokio::sync::mpsc::UnboundedSender;
use tracing::field::{Field, Visit};

/// Where to change the bot's token and intents.
const PORTAL: &str = "the Bot page of your application in the Discord developer portal \
                      (https://discord.com/developers/applications)";

/// How Discord said no to the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRejectedBy {
    /// HTTP 401 Unauthorized on `GET /gateway/bot`.
    Http401,
    /// Gateway close code 4004, authentication failed.
    Close4004,
}

/// A final refusal from Discord: reconnecting would only be refused again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The token is well formed but Discord does not accept it (reset, or from another bot).
    #[error(
        "Discord refused the bot token from {origin} ({}). It may have been reset or belong to another \
         application: click Reset Token on {PORTAL}, then put the new token in {origin}. Not retrying.",
        match .by { TokenRejectedBy::Http401 => "HTTP 401 Unauthorized on GET /gateway/bot", TokenRejectedBy::Close4004 => "gateway close code 4004, authentication failed" }
    )]
    TokenRejected {
        /// Where the token came from ("environment variable DISCORD_TOKEN").
        origin: String,
        /// How it was refused.
        by: TokenRejectedBy,
    },
    /// 4010: the shard id or count sent in Identify is invalid.
    #[error(
        "Discord closed the gateway with code 4010 (invalid shard): it does not accept the shard \
         id and count this process identified with. Shard ids go from 0 to the total minus one; \
         check --shards and --total-shards (or leave both out for one shard). Not retrying."
    )]
    InvalidShard,
    /// 4011: the bot is in too many servers for the shards it uses.
    #[error(
        "Discord closed the gateway with code 4011 (sharding required): the bot is in too many \
         servers for one connection (Discord allows 2,500 per shard). Start it with \
         --total-shards N, N at least the number of servers divided by 2,500, rounded up \
         (GET /gateway/bot names Discord's recommended count). Not retrying."
    )]
    ShardingRequired,
    /// 4012: the gateway API version is no longer accepted.
    #[error(
        "Discord closed the gateway with code 4012 (invalid API version): it no longer accepts \
         the gateway version this build speaks (v10, through serenity 0.12). Update Parley to a \
         release with a newer serenity. Not retrying."
    )]
    InvalidApiVersion,
    /// 4013: an intent Discord does not know.
    #[error(
        "Discord closed the gateway with code 4013 (invalid intents): it does not recognise the \
         intents Parley asked for ({asked}). That is a bug in this build of Parley; please report \
         it. Not retrying."
    )]
    InvalidIntents {
        /// The intents asked for, by name.
        asked: String,
    },
    /// 4014: a privileged intent the bot is not allowed to use.
    #[error(
        "Discord closed the gateway with code 4014 (disallowed intents): the bot is not allowed an \
         intent Parley asked for. {advice} Not retrying."
    )]
    DisallowedIntents {
        /// Which privileged intent to switch on or off, and where.
        advice: String,
    },
}

impl Refusal {
    /// The refusal a gateway close code means, when the code is one Discord says not to retry.
    /// `origin` says where the token came from; `intents` are the intents asked for.
    pub fn from_close_code(code: u16, origin: &str, intents: GatewayIntents) -> Option<Refusal> {
        Some(match code {
            4004 => Refusal::TokenRejected {
                origin: origin.to_string(),
                by: TokenRejectedBy::Close4004,
            },
            4010 => Refusal::InvalidShard,
            4011 => Refusal::ShardingRequired,
            4012 => Refusal::InvalidApiVersion,
            4013 => Refusal::InvalidIntents {
                asked: intent_names(intents),
            },
            4014 => Refusal::DisallowedIntents {
                advice: privileged_advice(intents),
            },
            _ => return None,
        })
    }

    /// The refusal behind an error `Client::start` ended with, if it is one.
    pub fn from_client_error(
        err: &serenity::Error,
        origin: &str,
        intents: GatewayIntents,
    ) -> Option<Refusal> {
        use serenity::GatewayError as G;
        let serenity::Error::Gateway(e) = err else {
            return None;
        };
        let code = match e {
            G::InvalidAuthentication => 4004,
            G::InvalidShardData => 4010,
            G::OverloadedShard => 4011,
            G::InvalidGatewayIntents => 4013,
            G::DisallowedGatewayIntents => 4014,
            G::Closed(Some(frame)) => u16::from(frame.code),
            _ => return None,
        };
        Refusal::from_close_code(code, origin, intents)
    }

    /// The gateway close code this refusal stands for (4004 for a 401 too).
    pub fn close_code(&self) -> u16 {
        match self {
            Refusal::TokenRejected { .. } => 4004,
            Refusal::InvalidShard => 4010,
            Refusal::ShardingRequired => 4011,
            Refusal::InvalidApiVersion => 4012,
            Refusal::InvalidIntents { .. } => 4013,
            Refusal::DisallowedIntents { .. } => 4014,
        }
    }
}

/// Asks Discord for `GET /gateway/bot` once, before connecting. A 401 means the token is
/// refused, and is final. Any other failure is only logged: the gateway connection that follows
/// has its own retries, and a refused token shows there as 4004 anyway.
pub async fn check_token(http: &serenity::Http, origin: &str) -> Result<(), Refusal> {
    match http.get_bot_gateway().await {
        Ok(gateway) => {
            tracing::debug!(
                recommended_shards = gateway.shards,
                "Discord accepted the token"
            );
            Ok(())
        }
        Err(serenity::Error::Http(e))
            if e.status_code() == Some(serenity::StatusCode::UNAUTHORIZED) =>
        {
            Err(Refusal::TokenRejected {
                origin: origin.to_string(),
                by: TokenRejectedBy::Http401,
            })
        }
        Err(e) => {
            tracing::warn!(error = %e, "could not check the token with GET /gateway/bot; connecting anyway");
            Ok(())
        }
    }
}

/// The intents, by the names the developer portal and Discord's docs use ("Guild Messages").
pub fn intent_names(intents: GatewayIntents) -> String {
    let names: Vec<String> = intents
        .iter_names()
        .map(|(name, _)| {
            name.split('_')
                .map(|w| {
                    let lower = w.to_ascii_lowercase();
                    let mut c = lower.chars();
                    match c.next() {
                        Some(first) => first.to_ascii_uppercase().to_string() + c.as_str(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    }
}

/// The portal's switch for each privileged intent.
fn portal_switch(intent: GatewayIntents) -> &'static str {
    if intent == GatewayIntents::GUILD_PRESENCES {
        "Presence Intent"
    } else if intent == GatewayIntents::GUILD_MEMBERS {
        "Server Members Intent"
    } else {
        "Message Content Intent"
    }
}

/// What to do about a 4014, given the intents asked for: switch on the privileged ones asked
/// for, or, when none is asked for, say so.
fn privileged_advice(intents: GatewayIntents) -> String {
    let asked = intents & GatewayIntents::privileged();
    let mut out = String::new();
    if asked.is_empty() {
        let _ = write!(
            out,
            "Parley asks for no privileged intent (only {}), so none needs switching on: under \
             Privileged Gateway Intents on {PORTAL}, Presence Intent, Server Members Intent and \
             Message Content Intent may all stay off. Check that the token is this bot's and \
             that you are running an unmodified Parley.",
            intent_names(intents)
        );
    } else {
        let switches: Vec<&str> = asked.iter().map(portal_switch).collect();
        let _ = write!(
            out,
            "Switch on {} under Privileged Gateway Intents on {PORTAL} (a bot in 100 or more \
             servers needs Discord's approval for it), or build Parley without asking for it.",
            switches.join(" and ")
        );
    }
    out
}

/// A tracing layer that reports every gateway close code serenity's shards see, by reading the
/// `data` field of serenity's `handle_gateway_closed` span. Install it with a per-layer filter
/// ([`CloseWatch::wants`]) so it sees that span whatever `RUST_LOG` says.
#[derive(Debug, Clone)]
pub struct CloseWatch {
    codes: UnboundedSender<u16>,
}

impl CloseWatch {
    /// A watch that sends each close code it sees to `codes`.
    pub fn new(codes: UnboundedSender<u16>) -> Self {
        Self { codes }
    }

    /// Whether the layer needs to see this span or event: serenity's close handler only.
    pub fn wants(meta: &tracing::Metadata<'_>) -> bool {
        meta.is_span()
            && meta.name() == "handle_gateway_closed"
            && meta.target().starts_with("serenity::gateway")
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CloseWatch {
    fn on_new_span(
        &self,
        attrs: &tracing::span::Attributes<'_>,
        _id: &tracing::span::Id,
        _ctx: tracing_subscriber::layer::Context<'_, S>,
    ) {
        if !CloseWatch::wants(attrs.metadata()) {
            return;
        }
        let mut found = CloseCodeField(None);
        attrs.record(&mut found);
        if let Some(code) = found.0 {
            let _ = self.codes.send(code);
        }
    }
}

/// Reads the close code out of the span's `data` field, the close frame's `Debug` text
/// (`Some(CloseFrame { code: Library(4010), reason: ".." })`).
struct CloseCodeField(Option<u16>);

impl Visit for CloseCodeField {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "data" {
            self.0 = close_code_in(&format!("{value:?}"));
        }
    }
}

/// The number after `code:` in a close frame's `Debug` text.
fn close_code_in(text: &str) -> Option<u16> {
    let rest = &text[text.find("code:")? + "code:".len()..];
    let start = rest.find(|c: char| c.is_ascii_digit())?;
    let digits: String = rest[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "environment variable DISCORD_TOKEN";

    #[test]
    fn each_final_close_code_has_its_own_message() {
        let intents = super::super::intents();
        let mut seen = std::collections::HashSet::new();
        for code in [4004, 4010, 4011, 4012, 4013, 4014] {
            let r = Refusal::from_close_code(code, ORIGIN, intents).expect("final code");
            assert_eq!(r.close_code(), code);
            let msg = r.to_string();
            assert!(msg.contains("Not retrying"), "{msg}");
            if code != 4004 {
                assert!(msg.contains(&code.to_string()), "{msg}");
            }
            assert!(seen.insert(msg), "two codes share a message");
        }
        for code in [1000, 1001, 4000, 4001, 4007, 4008, 4009, 4015] {
            assert_eq!(
                Refusal::from_close_code(code, ORIGIN, intents),
                None,
                "{code}"
            );
        }
    }

    #[test]
    fn a_refused_token_says_to_reset_it_on_the_bot_page() {
        for by in [TokenRejectedBy::Http401, TokenRejectedBy::Close4004] {
            let msg = Refusal::TokenRejected {
                origin: ORIGIN.into(),
                by,
            }
            .to_string();
            assert!(msg.contains("Reset Token"), "{msg}");
            assert!(msg.contains("Bot page"), "{msg}");
            assert!(msg.contains("developer portal"), "{msg}");
            assert!(msg.contains("DISCORD_TOKEN"), "{msg}");
        }
    }

    #[test]
    fn disallowed_intents_name_the_switches() {
        let ours = Refusal::from_close_code(4014, ORIGIN, super::super::intents())
            .unwrap()
            .to_string();
        assert!(ours.contains("no privileged intent"), "{ours}");
        assert!(ours.contains("Guild Messages"), "{ours}");
        let with_content = super::super::intents() | GatewayIntents::MESSAGE_CONTENT;
        let msg = Refusal::from_close_code(4014, ORIGIN, with_content)
            .unwrap()
            .to_string();
        assert!(msg.contains("Switch on Message Content Intent"), "{msg}");
        let two = GatewayIntents::GUILD_MEMBERS | GatewayIntents::GUILD_PRESENCES;
        let msg = Refusal::from_close_code(4014, ORIGIN, two)
            .unwrap()
            .to_string();
        assert!(
            msg.contains("Server Members Intent") && msg.contains("Presence Intent"),
            "{msg}"
        );
    }

    #[test]
    fn client_errors_map_to_refusals() {
        use poise::serenity_prelude::GatewayError as G;
        let intents = super::super::intents();
        for (e, code) in [
            (G::InvalidAuthentication, 4004),
            (G::InvalidShardData, 4010),
            (G::OverloadedShard, 4011),
            (G::InvalidGatewayIntents, 4013),
            (G::DisallowedGatewayIntents, 4014),
        ] {
            let r = Refusal::from_client_error(&serenity::Error::Gateway(e), ORIGIN, intents);
            assert_eq!(r.map(|r| r.close_code()), Some(code));
        }
        let other = serenity::Error::Gateway(G::ReconnectFailure);
        assert_eq!(Refusal::from_client_error(&other, ORIGIN, intents), None);
    }

    #[test]
    fn the_close_code_is_read_from_the_frame() {
        assert_eq!(
            close_code_in(r#"Some(CloseFrame { code: Library(4012), reason: "x" })"#),
            Some(4012)
        );
        assert_eq!(
            close_code_in(r#"Some(CloseFrame { code: Normal, reason: "" })"#),
            None
        );
        assert_eq!(close_code_in("None"), None);
    }
}
