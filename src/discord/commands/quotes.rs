//! `/quotes`: direct quotes, optionally by one speaker and about one topic (both
//! autocompleted).

use super::{complete_person, complete_topic, respond, Ctx, Error};
use crate::engine::Command;

/// Direct quotes, optionally by one speaker and about one topic.
#[poise::command(slash_command)]
pub(super) async fn quotes(
    ctx: Ctx<'_>,
    #[description = "Who said it"]
    #[autocomplete = "complete_person"]
    speaker: Option<String>,
    #[description = "What it is about"]
    #[autocomplete = "complete_topic"]
    topic: Option<String>,
) -> Result<(), Error> {
    respond(ctx, "quotes", Command::Quotes { speaker, topic }, false).await
}
