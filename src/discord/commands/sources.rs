//! `/sources`: the articles Parley answers from, newest first.

use super::{respond, Ctx, Error};
use crate::engine::Command;

/// The articles Parley answers from.
#[poise::command(slash_command)]
pub(super) async fn sources(ctx: Ctx<'_>) -> Result<(), Error> {
    respond(ctx, "sources", Command::Sources, false).await
}
