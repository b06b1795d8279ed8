//! Opinions, predictions and requests for made-up text ("who is right?", "will the war end this
//! year?", "write me a poem"): the bot reports what its sources say and no more. It declines,
//! says so, and shows what the sources report on the question's subject, if anything.

use crate::answer::Answer;
use crate::engine::decide::DeclineReason;
use crate::engine::understand::Query;
use crate::engine::{Engine, FactRef};

impl Engine {
    pub(crate) fn opinion_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let reported: Vec<(FactRef, f32)> = self
            .rank_sentences(q, 30, |_| true)
            .into_iter()
            .filter(|(_, score)| *score > 0.0)
            .take(2)
            .map(|(s, score)| (FactRef::Sentence(s), score))
            .collect();
        let reason = DeclineReason::Opinion {
            reported: !reported.is_empty(),
        };
        self.decline(clean, q, reason, reported)
    }
}
