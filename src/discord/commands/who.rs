//! `/who`: who a person is, as the articles describe them (person autocompleted).

use super::{complete_person, respond, Ctx, Error};
use crate::engine::Command;

/// Who someone is, as the articles describe them.
#[poise::command(slash_command)]
pub(super) async fn who(
    ctx: Ctx<'_>,
    #[description = "A person named in the articles"]
    #[autocomplete = "complete_person"]
    person: String,
) -> Result<(), Error> {
    respond(ctx, "who", Command::Who(person), false).await
}
