//! `/timeline`: the dated events in the articles, oldest first.

use super::{respond, Ctx, Error};
use crate::engine::Command;

/// The dated events in the articles, in order.
#[poise::command(slash_command)]
pub(super) async fn timeline(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, "timeline", Command::Timeline, false).await
}
