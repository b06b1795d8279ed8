//! How much of a question's own subject (its typed words, not its slots) a sentence covers,
//! 0..1. Owns that measure; the floors an answer must reach are the answer kinds' (and, after
//! issue 12's step 2, `decide.rs`'s).

use crate::engine::understand::Query;
use crate::engine::Engine;
use crate::index::Index;

impl Engine {
    /// How much of the question's own subject (not its slots) a sentence covers, 0..1: see
    /// [`Coverage`], which looks the question's words up once for all the sentences tested.
    pub(crate) fn coverage(&self, q: &Query) -> Coverage<'_> {
        let mut terms = Vec::new();
        let mut total = 0.0;
        for (term, _, _, _) in q.terms.iter().filter(|t| !t.2 && t.1 >= 0.9) {
            let id = self.index.id(term);
            let w = if id.is_some() {
                self.index.idf(term).max(0.2)
            } else {
                // A word the sources never use weighs like a rare word: the question asks
                // about something they may not cover.
                self.index.max_idf()
            };
            total += w;
            let synonyms = self
                .lex
                .synonyms
                .get(term)
                .map(|syns| syns.iter().filter_map(|x| self.index.id(x)).collect())
                .unwrap_or_default();
            terms.push((id, w, synonyms));
        }
        Coverage {
            index: &self.index,
            terms,
            total,
        }
    }
}

/// A question's own words (not its slots) as [`Engine::coverage`] weighs them: each with its
/// index id (none when the sources never use it), its weight and its synonyms' ids.
pub(crate) struct Coverage<'e> {
    pub(crate) index: &'e Index,
    pub(crate) terms: Vec<(Option<u32>, f32, Vec<u32>)>,
    pub(crate) total: f32,
}

impl Coverage<'_> {
    /// The share of the weight of the question's words that sentence `s` holds, itself or by a
    /// synonym; 1 when the question has no words of its own.
    pub(crate) fn of(&self, s: usize) -> f32 {
        if self.terms.is_empty() || self.total == 0.0 {
            return 1.0;
        }
        let has = |id: &u32| self.index.has_id(*id, s as u32);
        let mut hit = 0.0;
        for (id, w, synonyms) in &self.terms {
            if id.as_ref().is_some_and(has) || synonyms.iter().any(has) {
                hit += w;
            }
        }
        hit / self.total
    }
}
