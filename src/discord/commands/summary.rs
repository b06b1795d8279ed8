//! `/summary`: a summary of everything, or of one topic or article (autocompleted).

use super::{complete_topic_or_article, respond, Ctx, Error};
use crate::engine::Command;

/// Summary of all the articles, or of one topic or article.
#[poise::command(slash_command)]
pub(super) async fn summary(
    ctx: Ctx<'_>,
    #[description = "A topic or article (leave empty for everything)"]
    #[autocomplete = "complete_topic_or_article"]
    topic: Option<String>,
) -> Result<(), Error> {
    respond(ctx, "summary", Command::Summary(topic), false).await
}
