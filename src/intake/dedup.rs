//! Near-duplicate reports across articles: the same wire story run by several outlets, with a
//! word changed here and there.
//!
//! Each sentence becomes the set of its word 3-grams (shingles, hashed); two sentences of
//! different articles are the same report when the Jaccard similarity of those sets is at least
//! [`SAME_REPORT`]. Candidates are the sentences that share one of their few smallest shingle
//! hashes (a bottom-k sketch, sorted rather than hashed into a map), so the work and the memory
//! grow with the number of sentences, not with its square. Pure.

use std::collections::BTreeMap;
use std::hash::Hasher;

use crate::knowledge::Knowledge;
use crate::text::{char_slice, for_each_norm};

/// Words per shingle.
const SHINGLE_WORDS: usize = 3;
/// Sentences shorter than this (in words) are never matched: "He declined to comment." is said
/// by every outlet about every story.
const MIN_WORDS: usize = 6;
/// Jaccard similarity of two sentences' shingle sets from which they are the same report.
pub const SAME_REPORT: f64 = 0.6;
/// A shingle found in more sentences than this is a stock phrase and finds no candidates.
const COMMON_SHINGLE: usize = 64;
/// A group of more sentences than this is a formula many articles repeat ("The talks will
/// resume next week, officials said."), not one report run by several outlets: it is not
/// recorded, which also keeps every `same_report` list short.
const MAX_GROUP: usize = 16;

/// The hashed word 3-grams of a sentence, sorted, without repeats; empty for a short sentence.
pub fn shingles(sentence: &str) -> Vec<u64> {
    // The words one after another in one buffer, with where each ends: no string per word (every
    // sentence of a build is shingled, most of them twice).
    let mut all = String::with_capacity(sentence.len());
    let mut ends: Vec<usize> = Vec::new();
    for_each_norm(sentence, |w| {
        all.push_str(w);
        ends.push(all.len());
    });
    if ends.len() < MIN_WORDS {
        return Vec::new();
    }
    let word = |k: usize| &all[if k == 0 { 0 } else { ends[k - 1] }..ends[k]];
    // The bytes hashing a list of words feeds the hasher (its length, then each word and the
    // byte 0xFF), in one piece: SipHash reads a stream of bytes, so one write of them all gives
    // the number the list's `Hash` gives, for far fewer calls.
    let mut bytes: Vec<u8> = Vec::with_capacity(64);
    let mut out: Vec<u64> = (0..=ends.len() - SHINGLE_WORDS)
        .map(|k| {
            bytes.clear();
            bytes.extend_from_slice(&SHINGLE_WORDS.to_ne_bytes());
            for j in k..k + SHINGLE_WORDS {
                bytes.extend_from_slice(word(j).as_bytes());
                bytes.push(0xFF);
            }
            // SipHash with fixed keys: the same words give the same number on every run.
            let mut h = std::hash::DefaultHasher::new();
            h.write(&bytes);
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

/// Shingles per sentence kept for finding candidates: the smallest hashes (a bottom-k sketch).
/// Two sentences with a Jaccard similarity of 0.6 share their smallest shingle with
/// probability 0.6, and at least one of the four smallest nearly always; only candidates are
/// then compared in full. Four 8-byte entries a sentence keep the index under 10 MB for 10,000
/// articles, where an index of every shingle would take hundreds.
const SKETCH: usize = 4;

/// Pairs `(i, j)`, `i < j`, of sentences of different articles that are the same report.
/// `sentences` holds (article number, text).
pub fn same_report_pairs(sentences: &[(u32, &str)]) -> Vec<(u32, u32)> {
    same_report_pairs_by(sentences.len(), |n| sentences[n].0, |n| sentences[n].1)
}

/// Sentences per unit of parallel work in [`same_report_pairs_by`].
const BATCH: usize = 2048;

/// [`same_report_pairs`] over `count` sentences read through `article` and `text`, so a caller
/// holding them elsewhere need not copy them into a list. Shingles are worked out on every core;
/// a sentence's full set only once, and only when it is some pair's candidate.
pub fn same_report_pairs_by<'t>(
    count: usize,
    article: impl Fn(usize) -> u32 + Sync,
    text: impl Fn(usize) -> &'t str + Sync,
) -> Vec<(u32, u32)> {
    let batches: Vec<std::ops::Range<usize>> = (0..count)
        .step_by(BATCH)
        .map(|start| start..(start + BATCH).min(count))
        .collect();
    let sketches = crate::par::map(&batches, 1, |batch| {
        let mut postings: Vec<(u32, u32)> = Vec::with_capacity(batch.len() * SKETCH);
        for n in batch.clone() {
            // Truncated to 32 bits: a collision only adds a candidate, which the full check
            // drops.
            let mut small: Vec<u32> = shingles(text(n)).iter().map(|&h| h as u32).collect();
            small.sort_unstable();
            small.dedup();
            small.truncate(SKETCH);
            postings.extend(small.into_iter().map(|h| (h, n as u32)));
        }
        postings
    });
    let mut postings: Vec<(u32, u32)> = Vec::with_capacity(sketches.iter().map(Vec::len).sum());
    for part in sketches {
        postings.extend(part);
    }
    postings.sort_unstable();
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for run in postings.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 || run.len() > COMMON_SHINGLE {
            continue;
        }
        for (x, &(_, i)) in run.iter().enumerate() {
            for &(_, j) in &run[x + 1..] {
                if article(i as usize) != article(j as usize) {
                    candidates.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    drop(postings);
    candidates.sort_unstable();
    candidates.dedup();
    // Each sentence some candidate pair holds, with its full shingle set.
    let mut needed: Vec<u32> = candidates.iter().flat_map(|&(i, j)| [i, j]).collect();
    needed.sort_unstable();
    needed.dedup();
    let full: Vec<Vec<u64>> = crate::par::map(&needed, 256, |&n| shingles(text(n as usize)));
    let of = |n: u32| {
        let at = needed
            .binary_search(&n)
            .expect("every candidate's sentence is shingled");
        full[at].as_slice()
    };
    let same = crate::par::map(&candidates, 1024, |&(i, j)| {
        similarity(of(i), of(j)) >= SAME_REPORT
    });
    candidates
        .into_iter()
        .zip(same)
        .filter_map(|(pair, same)| same.then_some(pair))
        .collect()
}

/// Fills every sentence's `same_report` with the sentences of other articles that carry the
/// same report. Groups are closed: when A matches B and B matches C, all three list each other.
pub fn mark_same_reports(k: &mut Knowledge) {
    // (article, paragraph, sentence) of each sentence: 12 bytes each; the text is read from
    // the knowledge when needed.
    let mut places: Vec<(u32, u32, u32)> = Vec::new();
    for (ai, a) in k.articles.iter().enumerate() {
        for (pi, p) in a.paragraphs.iter().enumerate() {
            for si in 0..p.sentences.len() {
                places.push((ai as u32, pi as u32, si as u32));
            }
        }
    }
    let pairs = {
        let k = &*k;
        let text = |n: usize| {
            let (a, p, s) = places[n];
            let para = &k.articles[a as usize].paragraphs[p as usize];
            let s = &para.sentences[s as usize];
            char_slice(&para.text, s.start as usize, s.end as usize).unwrap_or("")
        };
        same_report_pairs_by(places.len(), |n| places[n].0, text)
    };
    if pairs.is_empty() {
        return;
    }
    // Union-find over the matching pairs.
    let mut parent: Vec<u32> = (0..places.len() as u32).collect();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    let mut involved: Vec<u32> = Vec::with_capacity(pairs.len() * 2);
    for (i, j) in pairs {
        involved.extend([i, j]);
        let (a, b) = (root(&mut parent, i), root(&mut parent, j));
        if a != b {
            parent[b as usize] = a;
        }
    }
    involved.sort_unstable();
    involved.dedup();
    let mut groups: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for n in involved {
        let r = root(&mut parent, n);
        groups.entry(r).or_default().push(n);
    }
    let place = |n: u32| {
        let (a, p, s) = places[n as usize];
        (a as usize, p as usize, s as usize)
    };
    for members in groups
        .values()
        .filter(|m| (2..=MAX_GROUP).contains(&m.len()))
    {
        let ids: Vec<String> = members
            .iter()
            .map(|&n| {
                let (a, p, s) = place(n);
                k.articles[a].paragraphs[p].sentences[s].id.clone()
            })
            .collect();
        for &n in members {
            let (a, p, s) = place(n);
            let others = members
                .iter()
                .zip(&ids)
                .filter(|&(&m, _)| place(m).0 != a)
                .map(|(_, id)| id.clone())
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
    let own = existing.len() as u32;
    let mut texts: Vec<(u32, &str)> = Vec::new();
    for (ai, (_, sentences)) in existing.iter().enumerate() {
        texts.extend(sentences.iter().map(|s| (ai as u32, s.as_str())));
    }
    let first_new = texts.len() as u32;
    texts.extend(new.iter().map(|s| (own, s.as_str())));
    let total = new.iter().filter(|s| !shingles(s).is_empty()).count();
    // Each new sentence counts once per article it matches.
    let mut hits: Vec<(u32, u32)> = same_report_pairs(&texts)
        .into_iter()
        .filter_map(|(i, j)| {
            let (old, new) = if j >= first_new { (i, j) } else { (j, i) };
            (new >= first_new && old < first_new).then(|| (texts[old as usize].0, new))
        })
        .collect();
    hits.sort_unstable();
    hits.dedup();
    let mut per_article: BTreeMap<u32, usize> = BTreeMap::new();
    for (article, _) in hits {
        *per_article.entry(article).or_default() += 1;
    }
    let (&best, &matched) = per_article
        .iter()
        .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))?;
    Some(Overlap {
        article: existing[best as usize].0.clone(),
        matched,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    const WIRE: &str = "The foreign ministers agreed on Tuesday to meet again in Geneva next month to discuss a ceasefire.";
    const REWRITTEN: &str = "The foreign ministers agreed on Tuesday to meet again in Geneva next month to discuss the ceasefire.";
    const OTHER: &str = "Fighting continued along the eastern front as the delegations left the hotel late at night.";

    /// Shingles as they were made before words were read without tokens: each word a
    /// `String`, each window of them hashed.
    fn shingles_reference(sentence: &str) -> Vec<u64> {
        let words: Vec<String> = crate::text::tokenize(sentence)
            .into_iter()
            .map(|t| t.norm)
            .collect();
        if words.len() < MIN_WORDS {
            return Vec::new();
        }
        let mut out: Vec<u64> = words
            .windows(SHINGLE_WORDS)
            .map(|w| {
                let mut h = std::hash::DefaultHasher::new();
                w.hash(&mut h);
                h.finish()
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn shingles_are_the_hashes_they_were() {
        for text in [
            WIRE,
            REWRITTEN,
            OTHER,
            "He declined to comment.",
            "Aldström’s envoy said the U.S. plan — 20% of 1,500 troops — was “dead,” in São Paulo.",
            "one two three four five six",
            "one two three four five",
        ] {
            assert_eq!(shingles(text), shingles_reference(text), "{text}");
        }
        assert_eq!(shingles(WIRE).len(), 15);
    }

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
