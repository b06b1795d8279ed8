//! The BM25 index over sentences that the engine ranks with: stems -> postings.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

/// BM25's two parameters (`[bm25]` in `config/engine.toml`): term-frequency saturation and
/// length normalisation.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bm25 {
    /// Term-frequency saturation.
    pub k1: f32,
    /// Length normalisation, 0..1.
    pub b: f32,
}

/// An inverted index of documents (sentences) by term.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Index {
    terms: FxHashMap<String, u32>,
    /// Per term, the documents holding it (ascending) and, beside them, how often: two arrays
    /// rather than one of pairs, which padding would make 8 bytes a posting instead of 6.
    postings: Vec<Vec<u32>>,
    freqs: Vec<Vec<u16>>,
    lengths: Vec<u16>,
    avg_len: f32,
}

impl Index {
    /// Builds an index from each document's terms.
    pub fn build<I, D, S>(docs: I) -> Index
    where
        I: IntoIterator<Item = D>,
        D: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut vocab = Vec::new();
        let docs: Vec<Vec<u32>> = docs
            .into_iter()
            .map(|terms| {
                terms
                    .into_iter()
                    .map(|t| {
                        let next = vocab.len() as u32;
                        *ids.entry(t.as_ref().to_string()).or_insert_with_key(|w| {
                            vocab.push(w.clone());
                            next
                        })
                    })
                    .collect()
            })
            .collect();
        Index::from_ids(vocab, &docs)
    }

    /// Builds an index from documents given as term ids into `vocab` (`vocab[id]` is the term).
    /// Terms no document holds are left out.
    pub fn from_ids(vocab: Vec<String>, docs: &[Vec<u32>]) -> Index {
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        let mut freqs: Vec<Vec<u16>> = vec![Vec::new(); vocab.len()];
        let mut lengths = Vec::with_capacity(docs.len());
        let mut total = 0u64;
        let mut sorted: Vec<u32> = Vec::new();
        for (doc, terms) in docs.iter().enumerate() {
            sorted.clear();
            sorted.extend_from_slice(terms);
            sorted.sort_unstable();
            let mut i = 0;
            while i < sorted.len() {
                let id = sorted[i];
                let run = sorted[i..].iter().take_while(|&&t| t == id).count();
                postings[id as usize].push(doc as u32);
                freqs[id as usize].push(run.min(u16::MAX as usize) as u16);
                i += run;
            }
            let len = terms.len().min(u16::MAX as usize) as u16;
            lengths.push(len);
            total += len as u64;
        }
        let mut terms = FxHashMap::default();
        let mut kept = Vec::new();
        let mut kept_freqs = Vec::new();
        for ((word, mut list), mut tf) in vocab.into_iter().zip(postings).zip(freqs) {
            if !list.is_empty() {
                terms.insert(word, kept.len() as u32);
                list.shrink_to_fit();
                tf.shrink_to_fit();
                kept.push(list);
                kept_freqs.push(tf);
            }
        }
        let avg_len = if lengths.is_empty() {
            1.0
        } else {
            (total as f32 / lengths.len() as f32).max(1.0)
        };
        Index {
            terms,
            postings: kept,
            freqs: kept_freqs,
            lengths,
            avg_len,
        }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// True when the term occurs somewhere.
    pub fn contains(&self, term: &str) -> bool {
        self.terms.contains_key(term)
    }

    /// Inverse document frequency of a term (0 when absent).
    pub fn idf(&self, term: &str) -> f32 {
        match self.terms.get(term) {
            Some(&id) => {
                let n = self.postings[id as usize].len() as f32;
                let total = self.lengths.len() as f32;
                ((total - n + 0.5) / (n + 0.5) + 1.0).ln()
            }
            None => 0.0,
        }
    }

    /// The highest idf any term can have here (a term in one document).
    pub fn max_idf(&self) -> f32 {
        let total = self.lengths.len() as f32;
        ((total - 0.5) / 1.5 + 1.0).ln().max(0.1)
    }

    /// Adds `weight * BM25(term)` to every document holding it.
    pub fn score_into(&self, term: &str, weight: f32, bm25: &Bm25, scores: &mut HashMap<u32, f32>) {
        self.for_each_score(term, weight, bm25, |doc, s| {
            *scores.entry(doc).or_default() += s
        });
    }

    /// Calls `f(document, weight * BM25(term))` for every document holding the term.
    pub fn for_each_score(
        &self,
        term: &str,
        weight: f32,
        bm25: &Bm25,
        mut f: impl FnMut(u32, f32),
    ) {
        let Bm25 { k1, b } = *bm25;
        let Some(&id) = self.terms.get(term) else {
            return;
        };
        let idf = self.idf(term);
        let (docs, freqs) = (&self.postings[id as usize], &self.freqs[id as usize]);
        for (&doc, &tf) in docs.iter().zip(freqs) {
            let tf = tf as f32;
            let len = self.lengths[doc as usize] as f32;
            f(
                doc,
                weight * idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * len / self.avg_len)),
            );
        }
    }

    /// True when the document holds the term (postings are in document order).
    pub fn has(&self, term: &str, doc: u32) -> bool {
        self.terms
            .get(term)
            .is_some_and(|&id| self.postings[id as usize].binary_search(&doc).is_ok())
    }

    /// The id of a term, for [`Index::has_id`]: a term looked up once, then tested often.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.terms.get(term).copied()
    }

    /// [`Index::has`] by term id.
    pub fn has_id(&self, id: u32, doc: u32) -> bool {
        self.postings
            .get(id as usize)
            .is_some_and(|p| p.binary_search(&doc).is_ok())
    }

    /// True when every posting names a document below `n` (a check for an index read back).
    pub fn docs_below(&self, n: u32) -> bool {
        self.lengths.len() <= n as usize
            && self.postings.len() == self.freqs.len()
            && self
                .postings
                .iter()
                .zip(&self.freqs)
                .all(|(p, f)| p.len() == f.len() && p.iter().all(|&d| d < n))
    }

    /// The documents holding the term, in order (empty when no document does).
    pub fn docs(&self, term: &str) -> &[u32] {
        self.terms
            .get(term)
            .map_or(&[][..], |&id| &self.postings[id as usize][..])
    }

    /// How many documents hold the term.
    pub fn doc_freq(&self, term: &str) -> usize {
        self.terms
            .get(term)
            .map_or(0, |&id| self.postings[id as usize].len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_terms_weigh_more_and_scores_rank() {
        let idx = Index::build(vec![vec!["a", "b"], vec!["a", "c"], vec!["a", "b", "b"]]);
        assert!(idx.idf("c") > idx.idf("a"));
        let mut scores = HashMap::new();
        idx.score_into(
            "b",
            1.0,
            &crate::engine::Tuning::built_in().bm25,
            &mut scores,
        );
        assert!(scores[&2] > scores[&0]);
        assert!(!scores.contains_key(&1));
        assert_eq!(idx.doc_freq("a"), 3);
    }

    #[test]
    fn ids_and_strings_build_the_same_index_and_unused_terms_are_dropped() {
        let by_ids = Index::from_ids(
            vec!["a".into(), "b".into(), "unused".into(), "c".into()],
            &[vec![0, 1], vec![0, 3], vec![0, 1, 1]],
        );
        let by_words = Index::build(vec![vec!["a", "b"], vec!["a", "c"], vec!["a", "b", "b"]]);
        assert!(!by_ids.contains("unused"));
        for t in ["a", "b", "c"] {
            assert_eq!(by_ids.idf(t), by_words.idf(t));
            assert_eq!(by_ids.doc_freq(t), by_words.doc_freq(t));
        }
        assert!(by_ids.has("b", 2) && !by_ids.has("b", 1));
    }
}
