//! Near-duplicate reports across articles: the same wire story run by several outlets, with a
//! word changed here and there.
//!
//! Each sentence becomes the set of its word 3-grams (shingles, hashed); two sentences of
//! different articles are the same report when the Jaccard similarity of those sets is at least
//! [`SAME_REPORT`]. Candidates come from an inverted index over shingles, so the work grows with
//! the shared shingles, not with the square of the sentence count. Pure.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;

use crate::knowledge::Knowledge;
use crate::text::{char_slice, tokenize};

/// Words per shingle.
const SHINGLE_WORDS: usize = 3;
/// Sentences shorter than this (in words) are never matched: "He declined to comment." is said
/// by every outlet about every story.
const MIN_WORDS: usize = 6;
/// Jaccard similarity of two sentences' shingle sets from which they are the same report.
pub const SAME_REPORT: f64 = 0.6;
/// A shingle found in more sentences than this is a stock phrase and finds no candidates.
const COMMON_SHINGLE: usize = 200;

/// The hashed word 3-grams of a sentence, sorted, without repeats; empty for a short sentence.
pub fn shingles(sentence: &str) -> Vec<u64> {
    let words: Vec<String> = tokenize(sentence).into_iter().map(|t| t.norm).collect();
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            // SipHash with fixed keys: the same words give the same number on every run.
            let mut h = std::hash::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted shingle sets.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// Sentences of many articles, indexed by shingle.
#[derive(Debug, Default)]
pub struct SentenceIndex {
    /// (article number, shingles) of each sentence.
    sentences: Vec<(usize, Vec<u64>)>,
    postings: FxHashMap<u64, Vec<u32>>,
}

impl SentenceIndex {
    /// Adds a sentence of article number `article`; returns its number.
    pub fn add(&mut self, article: usize, shingles: Vec<u64>) -> usize {
        let n = self.sentences.len();
        for &s in &shingles {
            self.postings.entry(s).or_default().push(n as u32);
        }
        self.sentences.push((article, shingles));
        n
    }

    /// The sentences of other articles than `article` that are the same report as `shingles`,
    /// as (sentence number, similarity).
    pub fn same_reports(&self, article: usize, shingles: &[u64]) -> Vec<(usize, f64)> {
        let mut seen: FxHashMap<u32, ()> = FxHashMap::default();
        for s in shingles {
            let Some(list) = self.postings.get(s) else {
                continue;
            };
            if list.len() > COMMON_SHINGLE {
                continue;
            }
            for &n in list {
                if self.sentences[n as usize].0 != article {
                    seen.insert(n, ());
                }
            }
        }
        let mut out: Vec<(usize, f64)> = seen
            .into_keys()
            .map(|n| {
                let sim = similarity(shingles, &self.sentences[n as usize].1);
                (n as usize, sim)
            })
            .filter(|&(_, sim)| sim >= SAME_REPORT)
            .collect();
        out.sort_by_key(|&(n, _)| n);
        out
    }

    /// The article number of sentence `n`.
    pub fn article_of(&self, n: usize) -> usize {
        self.sentences[n].0
    }
}

/// Fills every sentence's `same_report` with the sentences of other articles that carry the
/// same report. Groups are closed: when A matches B and B matches C, all three list each other.
pub fn mark_same_reports(k: &mut Knowledge) {
    let mut index = SentenceIndex::default();
    // (article, paragraph, sentence) positions, in the index's numbering.
    let mut places: Vec<(usize, usize, usize)> = Vec::new();
    for (ai, a) in k.articles.iter().enumerate() {
        for (pi, p) in a.paragraphs.iter().enumerate() {
            for (si, s) in p.sentences.iter().enumerate() {
                let text = char_slice(&p.text, s.start as usize, s.end as usize).unwrap_or("");
                index.add(ai, shingles(text));
                places.push((ai, pi, si));
            }
        }
    }
    // Union-find over the matching pairs.
    let mut parent: Vec<usize> = (0..places.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut any = false;
    for n in 0..places.len() {
        let (article, sh) = (index.sentences[n].0, &index.sentences[n].1);
        if sh.is_empty() {
            continue;
        }
        for (m, _) in index.same_reports(article, sh) {
            if m > n {
                let (a, b) = (root(&mut parent, n), root(&mut parent, m));
                if a != b {
                    parent[b] = a;
                    any = true;
                }
            }
        }
    }
    if !any {
        return;
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..places.len() {
        let r = root(&mut parent, n);
        groups.entry(r).or_default().push(n);
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let ids: Vec<String> = members
            .iter()
            .map(|&n| {
                let (a, p, s) = places[n];
                k.articles[a].paragraphs[p].sentences[s].id.clone()
            })
            .collect();
        for (i, &n) in members.iter().enumerate() {
            let (a, p, s) = places[n];
            let others = members
                .iter()
                .zip(&ids)
                .enumerate()
                .filter(|&(j, (&m, _))| j != i && places[m].0 != a)
                .map(|(_, (_, id))| id.clone())
                .collect();
            k.articles[a].paragraphs[p].sentences[s].same_report = others;
        }
    }
}

/// How much of a new article repeats one already there.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlap {
    /// The article it repeats most.
    pub article: String,
    /// Its sentences that match a sentence of that article.
    pub matched: usize,
    /// Its sentences that can be matched (long enough).
    pub total: usize,
}

impl Overlap {
    /// The share of matched sentences, in whole per cent.
    pub fn percent(&self) -> usize {
        (100 * self.matched + self.total / 2) / self.total.max(1)
    }
}

/// The existing article that `new` (its sentences) repeats most, if it repeats any; `existing`
/// holds (article id, its sentences).
pub fn overlap(new: &[String], existing: &[(String, Vec<String>)]) -> Option<Overlap> {
    let mut index = SentenceIndex::default();
    for (ai, (_, sentences)) in existing.iter().enumerate() {
        for s in sentences {
            index.add(ai, shingles(s));
        }
    }
    let own = existing.len();
    let mut per_article: BTreeMap<usize, usize> = BTreeMap::new();
    let mut total = 0;
    for s in new {
        let sh = shingles(s);
        if sh.is_empty() {
            continue;
        }
        total += 1;
        let mut hit: Vec<usize> = index
            .same_reports(own, &sh)
            .into_iter()
            .map(|(n, _)| index.article_of(n))
            .collect();
        hit.sort_unstable();
        hit.dedup();
        for a in hit {
            *per_article.entry(a).or_default() += 1;
        }
    }
    let (&best, &matched) = per_article
        .iter()
        .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))?;
    Some(Overlap {
        article: existing[best].0.clone(),
        matched,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "The foreign ministers agreed on Tuesday to meet again in Geneva next month to discuss a ceasefire.";
    const REWRITTEN: &str = "The foreign ministers agreed on Tuesday to meet again in Geneva next month to discuss the ceasefire.";
    const OTHER: &str = "Fighting continued along the eastern front as the delegations left the hotel late at night.";

    #[test]
    fn a_lightly_edited_sentence_is_the_same_report() {
        assert!(similarity(&shingles(WIRE), &shingles(REWRITTEN)) >= SAME_REPORT);
        assert!(similarity(&shingles(WIRE), &shingles(OTHER)) < 0.1);
        assert_eq!(similarity(&shingles(WIRE), &shingles(WIRE)), 1.0);
        assert!(shingles("He declined to comment.").is_empty());
    }

    #[test]
    fn overlap_names_the_article_copied_most() {
        let existing = vec![
            ("a".to_string(), vec![OTHER.to_string()]),
            ("b".to_string(), vec![WIRE.to_string(), OTHER.to_string()]),
        ];
        let new = vec![
            REWRITTEN.to_string(),
            OTHER.to_string(),
            "Short one.".to_string(),
        ];
        let o = overlap(&new, &existing).unwrap();
        assert_eq!(o.article, "b");
        assert_eq!((o.matched, o.total), (2, 2));
        assert_eq!(o.percent(), 100);
        let unrelated = vec![
            "An entirely different sentence about the weather in the hills today.".to_string(),
        ];
        assert_eq!(overlap(&unrelated, &existing), None);
    }
}
