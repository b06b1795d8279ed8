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
use crate::index::Index;

impl Engine {
    /// How much of the question's own subject (not its slots) a sentence covers, 0..1: see
    /// [`Coverage`], which looks the question's words up once for all the sentences tested.
    pub(crate) fn coverage(&self, q: &Query) -> Coverage<'_> {
        let tuning = &self.settings.tuning;
        let mut terms = Vec::new();
        let mut total = 0.0;
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
                        self.index.max_idf() * tuning.coverage.absent_common_noun
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
