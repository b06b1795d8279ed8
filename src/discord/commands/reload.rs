//! `/reload`: rebuilds the knowledge from the articles, for members with Manage Server or the
//! configured owners; the only command that does not ask the engine. Owns who may reload; the
//! rebuild itself is `discord::reload_from_articles`.

use std::time::Instant;

use poise::serenity_prelude as serenity;
use tracing::{info, warn, Instrument as _};

use super::{interaction_span, Ctx, Error};
use crate::discord::reload_from_articles;
use crate::discord::render;
use crate::discord::state::BotState;

/// Rebuild the knowledge from the articles (Manage Server permission or bot owners only).
#[poise::command(slash_command)]
pub(super) async fn reload(ctx: Ctx<'_>) -> Result<(), Error> {
    let started = Instant::now();
    let span = interaction_span("reload", ctx.author().id.get());
    async move {
        let state = ctx.data().clone();
        let (user, perms) = match ctx {
            poise::Context::Application(a) => {
                (a.interaction.user.id.get(), a.interaction.member.as_ref().and_then(|m| m.permissions))
            }
            poise::Context::Prefix(p) => (p.msg.author.id.get(), None),
        };
        if !may_reload(&state, user, perms) {
            info!("refused: needs Manage Server or an owner");
            ctx.send(
                render::notice(
                    "Sorry, only members with the Manage Server permission (or the bot's owners) can reload the articles.",
                )
                .to_reply()
                .ephemeral(true),
            )
            .await?;
            return Ok(());
        }
        // Rebuilding can take longer than Discord's 3 seconds: defer first.
        ctx.defer_ephemeral().await?;
        let _busy = state.in_flight.start();
        let text = match reload_from_articles(&state).await {
            Ok(summary) => summary,
            Err(e) => {
                warn!(error = %format!("{e:#}"), "reload failed; still serving the previous knowledge");
                format!("Reload failed, so I'm still serving the previous knowledge: {e:#}")
            }
        };
        ctx.send(render::notice(&text).to_reply().ephemeral(true)).await?;
        tracing::Span::current().record("latency_ms", started.elapsed().as_millis() as u64);
        Ok(())
    }
    .instrument(span)
    .await
}

/// Whether a member may run `/reload`: a config owner, or Manage Server (or Administrator).
pub fn may_reload(state: &BotState, user: u64, perms: Option<serenity::Permissions>) -> bool {
    state.config.owners.contains(&user)
        || perms.is_some_and(|p| p.manage_guild() || p.administrator())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reload_needs_manage_server_administrator_or_an_owner() {
        let state = crate::discord::state::test_state("owners = [7]");
        let p =
            serenity::Permissions::SEND_MESSAGES | serenity::Permissions::USE_APPLICATION_COMMANDS;
        assert!(!may_reload(&state, 1, Some(p)));
        assert!(!may_reload(&state, 1, None));
        assert!(may_reload(
            &state,
            1,
            Some(p | serenity::Permissions::MANAGE_GUILD)
        ));
        assert!(may_reload(
            &state,
            1,
            Some(serenity::Permissions::ADMINISTRATOR)
        ));
        assert!(
            may_reload(&state, 7, None),
            "config owners may, even in DMs"
        );
    }
}
