//! Step 4 of the pipeline: declining. Owns the decline answer (no quotes as an answer, the
//! reason, the suggestions); must not rank or compose quotes itself.

use super::understand::Query;
use super::{Engine, FactRef};
use crate::answer::{escape_markdown, Answer};

impl Engine {
    pub(crate) fn decline(
        &self,
        clean: &str,
        q: &Query,
        lead: String,
        reason: &str,
        context_facts: Vec<(FactRef, f32)>,
    ) -> Answer {
        let mut a = self.finish(clean, q, lead, context_facts, false);
        a.answered = false;
        a.explanation.decline_reason = Some(reason.to_string());
        a.suggestions = self.suggestions();
        a
    }

    pub(crate) fn absent(&self, clean: &str, q: &Query) -> Answer {
        let names = q
            .unknown_names
            .iter()
            .map(|n| format!("**{}**", escape_markdown(n)))
            .collect::<Vec<_>>()
            .join(", ");
        self.decline(
            clean,
            q,
            format!("My sources don't mention {names}, so I can't answer that."),
            "a name the sources never mention",
            Vec::new(),
        )
    }
}
