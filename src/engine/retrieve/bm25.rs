//! BM25 scores of a question's terms over every sentence, summed group by group (a word, its
//! parts and its synonyms count once, by the best), in dense per-thread arrays. Owns the words
//! score only; the slot boosts and the ordering are `rank.rs`'s.

use crate::engine::understand::{Query, TermOrigin};
use crate::engine::Engine;

impl Engine {
    /// BM25 scores of the question's terms over sentences; `only_slots` false skips slot words.
    pub(crate) fn bm25(&self, q: &Query, include_slots: bool) -> (Dense, Vec<u32>) {
        // Dense accumulators: a common word's postings at thousands of articles are long, and
        // an array beats a hash map there.
        let n = self.index.len();
        let mut total = Dense::zeroed(n);
        let mut best = Dense::zeroed(n);
        let mut touched: Vec<u32> = Vec::new();
        let mut group_touched: Vec<u32> = Vec::new();
        let mut groups: Vec<usize> = q.terms.iter().map(|t| t.group).collect();
        groups.sort_unstable();
        groups.dedup();
        // A word in more than a fifth of all sentences ranks almost nothing but costs a long
        // walk; it is skipped when the question has a rarer word to rank by.
        let tuning = &self.settings.tuning;
        let (from, share) = (tuning.rank.common_from, tuning.rank.common_share);
        let common = |t: &str| n >= from && self.index.doc_freq(t) * share > n;
        let has_rare = q.terms.iter().any(|t| {
            t.origin != TermOrigin::TopicAlias && self.index.contains(&t.stem) && !common(&t.stem)
        });
        for g in groups {
            // Within one word's group (the word, its parts, its synonyms) only the best counts.
            for t in &q.terms {
                // Topic aliases count through the topic boost, not word by word.
                if t.group != g
                    || t.origin == TermOrigin::TopicAlias
                    || (t.slot && !include_slots && t.is_asked())
                {
                    continue;
                }
                if has_rare && common(&t.stem) {
                    continue;
                }
                self.index
                    .for_each_score(&t.stem, t.weight, &tuning.bm25, |d, v| {
                        let b = &mut best[d as usize];
                        if *b == 0.0 {
                            group_touched.push(d);
                        }
                        if v > *b {
                            *b = v;
                        }
                    });
            }
            for d in group_touched.drain(..) {
                let t = &mut total[d as usize];
                if *t == 0.0 {
                    touched.push(d);
                }
                *t += best[d as usize];
                best[d as usize] = 0.0;
            }
        }
        total.written.extend_from_slice(&touched);
        (total, touched)
    }
}

/// One score per sentence, all zero when made: taken from a per-thread pool rather than
/// allocated for each question, as at 10,000 articles a fresh one is 850 KB the system must
/// zero. What was written is listed in `written` (or set back to zero by the user), so the
/// array is zeroed again cheaply when it goes back to the pool.
pub(crate) struct Dense {
    pub(crate) values: Vec<f32>,
    /// Indexes that may be non-zero.
    pub(crate) written: Vec<u32>,
}

thread_local! {
    static DENSE_POOL: std::cell::RefCell<Vec<Vec<f32>>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Dense {
    pub(crate) fn zeroed(n: usize) -> Dense {
        let pooled = DENSE_POOL.with(|p| {
            let mut pool = p.borrow_mut();
            let at = pool.iter().position(|v| v.len() == n)?;
            Some(pool.swap_remove(at))
        });
        Dense {
            values: pooled.unwrap_or_else(|| vec![0.0; n]),
            written: Vec::new(),
        }
    }
}

impl Drop for Dense {
    fn drop(&mut self) {
        let mut values = std::mem::take(&mut self.values);
        for &i in &self.written {
            if let Some(v) = values.get_mut(i as usize) {
                *v = 0.0;
            }
        }
        debug_assert!(values.iter().all(|&v| v == 0.0), "a Dense was not zeroed");
        DENSE_POOL.with(|p| {
            let mut pool = p.borrow_mut();
            // Two per question are in use at once; a few more cover engines of other sizes.
            if pool.len() < 4 && !values.is_empty() {
                pool.push(values);
            }
        });
    }
}

impl std::ops::Deref for Dense {
    type Target = [f32];
    fn deref(&self) -> &[f32] {
        &self.values
    }
}

impl std::ops::DerefMut for Dense {
    fn deref_mut(&mut self) -> &mut [f32] {
        &mut self.values
    }
}
