//! How much of a question's own subject (its typed words, not its slots) a sentence covers,
//! 0..1. Owns that measure; the floors an answer must reach are `decide.rs`'s.
//!
//! A word the sources never use weighs by its salience (`understand/salience.rs`): a common
//! English word that is not a noun weighs nothing, any other weighs like the rarest word. A
//! word's stand-ins (the lexicon's synonyms and a spelling correction in full, its hyphenated
//! parts and WordNet relatives by their query weight) earn a share of its weight.

use crate::engine::understand::salience::{absent_weight, Salience};
use crate::engine::understand::Query;
use crate::engine::Engine;
use crate::english::english;
use crate::index::Index;

impl Engine {
    /// How much of the question's own subject (not its slots) a sentence covers, 0..1: see
    /// [`Coverage`], which looks the question's words up once for all the sentences tested.
    pub(crate) fn coverage(&self, q: &Query) -> Coverage<'_> {
        let tuning = &self.settings.tuning;
        let mut terms = Vec::new();
        let mut total = 0.0;
        // What is asked for ("which building") and what a count counts keep their whole weight
        // when absent; other everyday nouns fade with their frequency.
        let asked = asked_thing(q, &self.lex);
        let counting = q.intent.name == crate::intent::Intent::HowMany;
        // The words typed (a spelling correction stands in for its word, below).
        for t in q.terms.iter().filter(|t| !t.slot && t.is_typed()) {
            let (term, group) = (&t.stem, &t.group);
            let id = self.index.id(term);
            let word = q.tokens.get(*group).map(|t| t.norm.as_str()).unwrap_or("");
            let w = if id.is_some() {
                self.index.idf(term).max(tuning.coverage.idf_floor)
            } else {
                let framing = &self.knowledge.lexicon.language.framing_noun_classes;
                match absent_weight(word, tuning.terms.common_zipf, framing) {
                    // Its absence proves nothing about the question's subject.
                    Salience::Generic => continue,
                    // The question asks about something the sources may not cover.
                    Salience::CommonNoun => {
                        let c = &tuning.coverage;
                        let share = if counting || asked == Some(*group) {
                            1.0
                        } else {
                            noun_share(english().lemma_entry(word).map_or(0.0, |e| e.0), c)
                        };
                        self.index.max_idf() * c.absent_common_noun * share
                    }
                    // It frames the question ("the purpose of"): it counts, for less.
                    Salience::FramingNoun => {
                        self.index.max_idf() * tuning.coverage.absent_framing_noun
                    }
                    Salience::Rare => self.index.max_idf(),
                }
            };
            total += w;
            let mut alternatives: Vec<(u32, f32)> = self
                .lex
                .synonyms
                .get(term)
                .map(|syns| {
                    syns.iter()
                        .filter_map(|x| self.index.id(x))
                        .map(|id| (id, 1.0))
                        .collect()
                })
                .unwrap_or_default();
            for other in q
                .terms
                .iter()
                .filter(|o| o.group == *group && o.stem != *term)
            {
                if let Some(oid) = self.index.id(&other.stem) {
                    let credit = if other.is_subject_word() {
                        1.0
                    } else {
                        (other.weight / tuning.coverage.stand_in_full_weight).min(1.0)
                    };
                    alternatives.push((oid, credit));
                }
            }
            terms.push((id, w, alternatives));
        }
        Coverage {
            index: &self.index,
            terms,
            total,
        }
    }
}

/// One word of [`Coverage`]: its index id, its weight, and the ids that stand in for it, each
/// with the share of the weight it earns.
pub(crate) type CoverageTerm = (Option<u32>, f32, Vec<(u32, f32)>);

/// A question's own words (not its slots) as [`Engine::coverage`] weighs them.
pub(crate) struct Coverage<'e> {
    pub(crate) index: &'e Index,
    pub(crate) terms: Vec<CoverageTerm>,
    pub(crate) total: f32,
}

impl Coverage<'_> {
    /// The share of the weight of the question's words that sentence `s` holds, itself or by a
    /// stand-in; 1 when the question has no words of its own.
    pub(crate) fn of(&self, s: usize) -> f32 {
        if self.terms.is_empty() || self.total == 0.0 {
            return 1.0;
        }
        let has = |id: &u32| self.index.has_id(*id, s as u32);
        let mut hit = 0.0;
        for (id, w, alternatives) in &self.terms {
            if id.as_ref().is_some_and(has) {
                hit += w;
            } else if let Some(credit) = alternatives
                .iter()
                .filter(|a| has(&a.0))
                .map(|a| a.1)
                .max_by(f32::total_cmp)
            {
                hit += w * credit;
            }
        }
        hit / self.total
    }
}

/// The share of an absent everyday noun's weight left at Zipf frequency `z`: whole below
/// `absent_noun_fade_from`, falling linearly to `absent_noun_faded` at `absent_noun_fade_to`.
fn noun_share(z: f32, c: &crate::engine::tuning::CoverageTuning) -> f32 {
    let span = (c.absent_noun_fade_to - c.absent_noun_fade_from).max(f32::EPSILON);
    let t = ((z - c.absent_noun_fade_from) / span).clamp(0.0, 1.0);
    1.0 - t * (1.0 - c.absent_noun_faded)
}

/// The question's word that names what is asked for: the first after an `asked_thing_words`
/// word ("what", "which"), past `asked_thing_skips` ("is", "the"), as a token index.
fn asked_thing(q: &Query, lex: &crate::lexicon::Compiled) -> Option<usize> {
    let start = q
        .tokens
        .iter()
        .position(|t| lex.asked_thing_words.contains(&t.norm))?;
    (start + 1..q.tokens.len()).find(|&i| !lex.asked_thing_skips.contains(&q.tokens[i].norm))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Tuning;

    #[test]
    fn an_everyday_noun_fades_with_its_frequency() {
        let mut c = Tuning::default().coverage;
        (
            c.absent_noun_fade_from,
            c.absent_noun_fade_to,
            c.absent_noun_faded,
        ) = (4.5, 5.5, 0.2);
        assert_eq!(noun_share(3.9, &c), 1.0, "a rare noun counts in full");
        assert_eq!(noun_share(4.5, &c), 1.0);
        assert!(
            (noun_share(5.0, &c) - 0.6).abs() < 1e-6,
            "{}",
            noun_share(5.0, &c)
        );
        assert!((noun_share(5.5, &c) - 0.2).abs() < 1e-6);
        assert!(
            (noun_share(7.0, &c) - 0.2).abs() < 1e-6,
            "never below the floor"
        );
    }

    #[test]
    fn the_thing_asked_for_is_the_word_after_what_or_which() {
        let e = crate::engine::intents::seed();
        let word = |question: &str| {
            let q = e.analyse(question, None);
            asked_thing(&q, &e.lex).map(|i| q.tokens[i].norm.clone())
        };
        assert_eq!(
            word("which building were they in").as_deref(),
            Some("building")
        );
        assert_eq!(
            word("what's the population of london").as_deref(),
            Some("population")
        );
        assert_eq!(
            word("what is the cost of the plan").as_deref(),
            Some("cost")
        );
        assert_eq!(word("who was in the room"), None);
    }

    /// "In the room", "both sides", "last minute": an everyday noun of the question's framing
    /// that the sources never use no longer declines it, while the same noun asked for ("what
    /// is the population") still counts in full.
    #[test]
    fn an_everyday_framing_noun_does_not_decline_but_an_asked_one_counts() {
        let e = crate::engine::intents::seed();
        let share = |question: &str| {
            let q = e.analyse(question, None);
            let c = e.coverage(&q);
            let covered: f32 = c.terms.iter().filter(|t| t.0.is_some()).map(|t| t.1).sum();
            covered / c.total
        };
        let framed = share("who was in the room on wednesday");
        let without = share("who was in on wednesday");
        assert_eq!(without, 1.0);
        assert!(
            framed > 0.85,
            "'room' (Zipf 5.4) framing the question weighs little: {framed}"
        );
        let asked = share("which room on wednesday");
        assert!(asked < 0.7, "'room' asked for counts: {asked}");
        assert!(
            e.ask("who was actually in the room on wednesday", None)
                .answered
        );
    }

    /// An attribute asked of a thing the sources name ("what zone size", "the deal's length")
    /// frames the question: its absence declines nothing, while an everyday noun of another
    /// kind still counts.
    #[test]
    fn an_attribute_noun_frames_a_question() {
        let e = crate::engine::intents::engine_from(&[(
            "talks",
            "2026-11-03",
            "The buffer zone has become a 12-mile zone in the latest draft, officials said.",
        )]);
        let share = |question: &str| {
            let q = e.analyse(question, None);
            let c = e.coverage(&q);
            let covered: f32 = c.terms.iter().filter(|t| t.0.is_some()).map(|t| t.1).sum();
            covered / c.total
        };
        assert_eq!(share("the final zone size in the draft"), 1.0);
        assert_eq!(share("the final zone length in the draft"), 1.0);
        assert!(share("the final zone harbour in the draft") < 0.9);
        let a = e.ask("what zone size was in the draft", None);
        assert!(a.answered, "{}", a.to_markdown());
    }
}
