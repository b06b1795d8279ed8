//! `/ask`: a free question, answered as a mention would be; optionally private.

use super::{respond, Ctx, Error};
use crate::engine::Command;

/// Ask a question about the peace talks. The answer quotes the articles word for word.
#[poise::command(slash_command)]
pub(super) async fn ask(
    ctx: Ctx<'_>,
    #[description = "Your question, e.g. \"What did Vance say about Crimea?\""] question: String,
    #[description = "Only you see the answer (default: no)"] private: Option<bool>,
) -> Result<(), Error> {
    respond(ctx, "ask", Command::Ask(question), private.unwrap_or(false)).await
}
