//! `/positions`: where a party stands, optionally on one topic (both autocompleted).

use super::{complete_party, complete_topic, respond, Ctx, Error};
use crate::engine::Command;

/// Where a party stands, optionally on one topic.
#[poise::command(slash_command)]
pub(super) async fn positions(
    ctx: Ctx<'_>,
    #[description = "A party: a country or a bloc"]
    #[autocomplete = "complete_party"]
    party: Option<String>,
    #[description = "A topic"]
    #[autocomplete = "complete_topic"]
    topic: Option<String>,
) -> Result<(), Error> {
    respond(ctx, "positions", Command::Positions { party, topic }, false).await
}
