//! The tables start-up builds beside the index: where each sentence stands ([`SentRec`]), the
//! sentence index by id ([`SentIds`]) and a start-up worker's vocabulary ([`Vocab`]). Owns their
//! layout; must not answer or rank.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::text::{stem, tokenize};

/// One sentence of the knowledge, located.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SentRec {
    pub(crate) article: usize,
    pub(crate) para: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    // Boxed slices, not vectors: a large corpus has hundreds of thousands of sentences, and
    // these never grow after start-up.
    pub(crate) parties: Box<[usize]>,
    pub(crate) topics: Box<[usize]>,
    pub(crate) people: Box<[usize]>,
}

/// One start-up worker's vocabulary: what each word it has met stems to, as local term ids.
#[derive(Default)]
pub(crate) struct Vocab {
    /// Normalised word -> what indexing needs of it.
    pub(crate) words: FxHashMap<String, WordInfo>,
    /// Local term id -> stem.
    pub(crate) stems: Vec<String>,
    pub(crate) stem_ids: FxHashMap<String, u32>,
    /// Every word form met, with the parts of hyphenated ones (for spelling correction).
    pub(crate) norms: rustc_hash::FxHashSet<String>,
}

pub(crate) struct WordInfo {
    pub(crate) stem: u32,
    /// The stems of a hyphenated word's parts, indexed beside the whole.
    pub(crate) parts: Vec<u32>,
    pub(crate) stop: bool,
    pub(crate) cause: bool,
}

impl Vocab {
    pub(crate) fn stem_id(&mut self, stem: String) -> u32 {
        let next = self.stems.len() as u32;
        *self.stem_ids.entry(stem).or_insert_with_key(|s| {
            self.stems.push(s.clone());
            next
        })
    }

    pub(crate) fn learn(
        &mut self,
        norm: &str,
        stopwords: &rustc_hash::FxHashSet<String>,
        cause_stems: &HashSet<String>,
    ) -> WordInfo {
        self.norms.insert(norm.to_string());
        let mut parts = Vec::new();
        if norm.contains('-') {
            for part in norm.split('-') {
                self.norms.insert(part.to_string());
                if part.len() > 1 {
                    parts.push(self.stem_id(stem(part)));
                }
            }
        }
        let whole = stem(norm);
        let cause = cause_stems.contains(&whole);
        WordInfo {
            stem: self.stem_id(whole),
            parts,
            stop: stopwords.contains(norm),
            cause,
        }
    }

    /// A sentence's index terms (local ids), its words for phrase pairs (the stem of each word
    /// not among `pair_stopwords`, in order) and whether it holds a cause cue.
    pub(crate) fn sentence_terms(
        &mut self,
        text: &str,
        stopwords: &rustc_hash::FxHashSet<String>,
        pair_stopwords: &rustc_hash::FxHashSet<String>,
        cause_stems: &HashSet<String>,
    ) -> (Vec<u32>, Vec<u32>, bool) {
        let mut terms = Vec::new();
        let mut pair_words = Vec::new();
        let mut cause = false;
        for t in tokenize(text) {
            if !self.words.contains_key(&t.norm) {
                let info = self.learn(&t.norm, stopwords, cause_stems);
                self.words.insert(t.norm.clone(), info);
            }
            let info = &self.words[&t.norm];
            cause |= info.cause;
            if !info.stop {
                terms.push(info.stem);
                terms.extend_from_slice(&info.parts);
            }
            if !pair_stopwords.contains(&t.norm) {
                pair_words.push(info.stem);
            }
        }
        (terms, pair_words, cause)
    }
}

/// Sentence index by sentence id, without a second copy of every id. Ids the builder writes are
/// `<article>#p<n>s<k>` (`extract::sentence_id`), so the article and paragraph find a sentence;
/// the few ids of any other shape are kept in a map.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct SentIds {
    /// Article id -> per paragraph number, its first sentence and how many it has.
    pub(crate) articles: HashMap<String, HashMap<u32, (usize, usize)>>,
    /// Ids not in the builder's shape (hand-made files), or not matching their place.
    pub(crate) other: HashMap<String, usize>,
    /// Places whose sentence has an id in `other`: a canonical id naming them is not theirs.
    pub(crate) shadowed: HashSet<usize>,
}

impl SentIds {
    /// Records that sentence `ix`, with id `id`, stands in `article`, paragraph `n`. Sentences
    /// of a paragraph must be inserted in order.
    pub(crate) fn insert(&mut self, article: &str, n: u32, id: &str, ix: usize) {
        let paras = self.articles.entry(article.to_string()).or_default();
        let (first, count) = paras.entry(n).or_insert((ix, 0));
        let k = ix - *first;
        *count += 1;
        if Self::parse(id) != Some((article, n, k + 1)) {
            self.other.insert(id.to_string(), ix);
            self.shadowed.insert(ix);
        }
    }

    /// Splits a canonical `<article>#p<n>s<k>` id (no leading zeros, k from 1).
    pub(crate) fn parse(id: &str) -> Option<(&str, u32, usize)> {
        // The last "#p", found byte by byte: this runs for every fact when the engine starts,
        // and a string searcher's set-up costs more than these short ids.
        let at = id.as_bytes().windows(2).rposition(|w| w == b"#p")?;
        let (article, rest) = (&id[..at], &id[at + 2..]);
        let (n, k) = rest.split_once('s')?;
        let number = |d: &str| -> Option<usize> {
            let canonical = !d.is_empty()
                && d.bytes().all(|b| b.is_ascii_digit())
                && (d == "0" || !d.starts_with('0'));
            canonical.then(|| d.parse().ok()).flatten()
        };
        Some((article, u32::try_from(number(n)?).ok()?, number(k)?))
    }

    /// The index of the sentence with this id.
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        if let Some(&ix) = self.other.get(id) {
            return Some(ix);
        }
        let (article, n, k) = Self::parse(id)?;
        let &(first, count) = self.articles.get(article)?.get(&n)?;
        // A canonical id names its place; a sentence there with another id is in `other`.
        (k >= 1 && k <= count)
            .then(|| first + k - 1)
            .filter(|ix| !self.shadowed.contains(ix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ids_are_found_by_their_shape_and_odd_ids_by_name() {
        let mut ids = SentIds::default();
        ids.insert("a", 1, "a#p1s1", 0);
        ids.insert("a", 1, "a#p1s2", 1);
        ids.insert("a", 3, "hand-made", 2);
        ids.insert("x#p2", 2, "x#p2#p2s1", 3);
        assert_eq!(ids.get("a#p1s1"), Some(0));
        assert_eq!(ids.get("a#p1s2"), Some(1));
        assert_eq!(ids.get("hand-made"), Some(2));
        assert_eq!(ids.get("x#p2#p2s1"), Some(3));
        // The place of "hand-made" is not "a#p3s1": that id names no sentence.
        assert_eq!(ids.get("a#p3s1"), None);
        for missing in [
            "a#p1s3", "a#p1s0", "a#p01s1", "a#p1s01", "b#p1s1", "a#p1", "", "#ps",
        ] {
            assert_eq!(ids.get(missing), None, "{missing}");
        }
    }
}
