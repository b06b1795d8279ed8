//! Follow-ups: "what about Vance?", "and what did he say about Crimea?" lean on the context of
//! the answer before. Owns what a question takes from that context; must not recognise slots
//! in the question itself.

use super::Query;
use crate::answer::Context;
use crate::engine::Engine;
use crate::intent::{Intent, IntentMatch};

impl Engine {
    /// Fills what the question leaves out (a pronoun's person, a follow-up's intent, person
    /// and topic) from the previous answer's context.
    pub(crate) fn apply_context(
        &self,
        folded: &str,
        context: Option<&Context>,
        intent: &mut IntentMatch,
        q: &mut Query,
    ) {
        // Follow-ups: "what about Vance?", "and what did he say about Crimea?" (`followup_openers`
        // and `followup_pronouns` in config/language.toml).
        let followup = self
            .lex
            .followup_openers
            .iter()
            .any(|o| folded.starts_with(o.as_str()));
        let pronoun = q
            .tokens
            .iter()
            .any(|t| self.lex.followup_pronouns.contains(&t.norm));
        if let Some(ctx) = context {
            if q.people.is_empty() && pronoun {
                if let Some(p) = self.context_person(ctx) {
                    q.people.push(p);
                    q.from_context = true;
                }
                if q.people.is_empty() && q.parties.is_empty() {
                    if let Some(p) = self.context_party(ctx) {
                        q.parties.push(p);
                        q.from_context = true;
                    }
                }
            }
            if followup && matches!(intent.name, Intent::Search | Intent::Who | Intent::Proposal) {
                if let Some(prev) = ctx.intent.as_deref().and_then(Intent::from_name) {
                    if !prev.is_meta() {
                        intent.name = prev;
                        intent.pattern = Some("follow-up".into());
                        intent.x = None;
                        intent.t = None;
                    }
                }
                if q.people.is_empty() && q.parties.is_empty() {
                    if let Some(p) = self.context_person(ctx) {
                        q.people.push(p);
                        q.from_context = true;
                    } else if let Some(p) = self.context_party(ctx) {
                        q.parties.push(p);
                        q.from_context = true;
                    }
                }
                if q.topics.is_empty() && !q.people.is_empty() && !q.from_context {
                    // "what about Vance?" keeps the topic of the last answer.
                    if let Some(t) = ctx.topic.as_ref().and_then(|id| {
                        self.knowledge
                            .lexicon
                            .topics
                            .iter()
                            .position(|x| &x.id == id)
                    }) {
                        q.topics.push(t);
                    }
                }
            }
        }
    }

    /// The last answer's person, as an index into the people.
    fn context_person(&self, ctx: &Context) -> Option<usize> {
        let id = ctx.person.as_ref()?;
        self.knowledge.people.iter().position(|x| &x.id == id)
    }

    /// The last answer's party, as an index into the lexicon's parties.
    fn context_party(&self, ctx: &Context) -> Option<usize> {
        let id = ctx.party.as_ref()?;
        self.knowledge
            .lexicon
            .parties
            .iter()
            .position(|x| &x.id == id)
    }
}
