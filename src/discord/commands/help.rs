//! `/help`: what Parley can do and how to ask; always private, never counted against the
//! cooldown.

use super::{respond, Ctx, Error};
use crate::engine::Command;

/// What Parley can do, and how to ask.
#[poise::command(slash_command)]
pub(super) async fn help(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, "help", Command::Help, true).await
}
