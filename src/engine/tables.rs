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
    /// A one-word cause cue ("because").
    pub(crate) cause: bool,
    /// The first word of a cause cue of several words ("came" of "came after").
    pub(crate) cause_lead: bool,
    /// A word that opens a place phrase ("in", "at").
    pub(crate) place_lead: bool,
}

/// What marks a sentence as giving a cause or a place, read from `config/language.toml`.
#[derive(Debug, Default)]
pub(crate) struct SentenceCues {
    /// Stems of the one-word cause cues ("because", "prompted").
    pub(crate) cause_words: HashSet<String>,
    /// The cause cues of several words, as stems in order ("due to", "came after"): they
    /// count only as a whole, so "to" or "that" alone never make a sentence a cause.
    pub(crate) cause_phrases: Vec<Vec<String>>,
    /// Words that open a place phrase ("in", "at", "over"), lowercase.
    pub(crate) place_prepositions: HashSet<String>,
    /// Capitalised words that never name a place (weekdays, months), lowercase.
    pub(crate) not_places: HashSet<String>,
}

/// What a sentence holds besides its words.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SentenceMarks {
    /// A cause cue ("because", "came after").
    pub(crate) cause: bool,
    /// A place phrase: a place preposition and, at most `PLACE_REACH` lowercase words on
    /// with nothing but spaces between, a capitalised word that is not a number, a weekday or
    /// a month ("held at the Palacio Arenal", "over the Ulmar bridge", "launched from a
    /// position south of Verhov").
    pub(crate) place: bool,
}

/// How many words after a place preposition its capitalised place may stand.
const PLACE_REACH: usize = 5;

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
        cues: &SentenceCues,
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
        let cause = cues.cause_words.contains(&whole);
        let cause_lead = cues.cause_phrases.iter().any(|p| p[0] == whole);
        WordInfo {
            stem: self.stem_id(whole),
            parts,
            stop: stopwords.contains(norm),
            cause,
            cause_lead,
            place_lead: cues.place_prepositions.contains(norm),
        }
    }

    /// A sentence's index terms (local ids), its words for phrase pairs (the stem of each word
    /// not among `pair_stopwords`, in order) and whether it holds a cause cue.
    pub(crate) fn sentence_terms(
        &mut self,
        text: &str,
        stopwords: &rustc_hash::FxHashSet<String>,
        pair_stopwords: &rustc_hash::FxHashSet<String>,
        cues: &SentenceCues,
    ) -> (Vec<u32>, Vec<u32>, SentenceMarks) {
        let mut terms = Vec::new();
        let mut pair_words = Vec::new();
        let mut marks = SentenceMarks::default();
        let tokens = tokenize(text);
        // Each word's stem id, for the cause cues of several words.
        let mut stems: Vec<u32> = Vec::with_capacity(tokens.len());
        let mut leads: Vec<(usize, bool, bool)> = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            if !self.words.contains_key(&t.norm) {
                let info = self.learn(&t.norm, stopwords, cues);
                self.words.insert(t.norm.clone(), info);
            }
            let info = &self.words[&t.norm];
            marks.cause |= info.cause;
            stems.push(info.stem);
            if info.cause_lead || info.place_lead {
                leads.push((k, info.cause_lead, info.place_lead));
            }
            if !info.stop {
                terms.push(info.stem);
                terms.extend_from_slice(&info.parts);
            }
            if !pair_stopwords.contains(&t.norm) {
                pair_words.push(info.stem);
            }
        }
        for (k, cause_lead, place_lead) in leads {
            if cause_lead && !marks.cause {
                marks.cause = cues.cause_phrases.iter().any(|p| {
                    stems.get(k..k + p.len()).is_some_and(|ws| {
                        ws.iter()
                            .zip(p)
                            .all(|(&id, w)| self.stems[id as usize] == *w)
                    })
                });
            }
            if place_lead && !marks.place {
                marks.place = place_after(text, &tokens, k, cues);
            }
        }
        (terms, pair_words, marks)
    }
}

/// True when a capitalised place follows the place preposition `tokens[k]` (see
/// [`SentenceMarks::place`]).
fn place_after(text: &str, tokens: &[crate::text::Token], k: usize, cues: &SentenceCues) -> bool {
    for j in k + 1..tokens.len().min(k + 1 + PLACE_REACH) {
        // A comma, a full stop or a quotation mark ends the phrase.
        if !text[tokens[j - 1].end..tokens[j].start].trim().is_empty() {
            return false;
        }
        let t = &tokens[j];
        if t.capital {
            return !t.numeric && !cues.not_places.contains(&t.norm);
        }
        if t.numeric {
            return false;
        }
    }
    false
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
        // The article's key is made once, not for each of its sentences.
        let paras = match self.articles.get_mut(article) {
            Some(paras) => paras,
            None => self.articles.entry(article.to_string()).or_default(),
        };
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

    fn marks(text: &str) -> SentenceMarks {
        let lang = &crate::lexicon::Lexicon::builtin().language;
        let asked_only: HashSet<String> = ["over", "reason"].iter().map(|w| stem(w)).collect();
        let cues = crate::engine::start::sentence_cues(lang, &asked_only);
        let stop = rustc_hash::FxHashSet::default();
        Vocab::default().sentence_terms(text, &stop, &stop, &cues).2
    }

    /// A cause cue of several words counts only as a whole: "due to" does, "to" alone does not
    /// (nor "in", "that", "so"); a one-word cue counts alone.
    #[test]
    fn a_cause_cue_of_several_words_counts_only_whole() {
        assert!(marks("The delay was due to the snow.").cause);
        assert!(marks("The latest increase came after Ostria insisted.").cause);
        assert!(marks("Velmar walked out because of the strike.").cause);
        assert!(marks("The talks moved in response to the leaks.").cause);
        for plain in [
            "The envoy flew to Dunmere in the morning.",
            "She said that the text was ready, so the sides met.",
            "The mission has grown to 90 officers.",
        ] {
            assert!(!marks(plain).cause, "{plain}");
        }
    }

    /// A place phrase is a place preposition, a few lowercase words at most and a capitalised
    /// word; weekdays, months, numbers and a comma in between are not places.
    #[test]
    fn a_place_phrase_is_a_preposition_and_a_capitalised_place() {
        for placed in [
            "The talks are being held at the Brisk Palace.",
            "The prisoners crossed on foot over the Halden bridge.",
            "The drone was launched from a position south of Dunmere.",
            "The next round of talks in Santo Brel begins soon.",
        ] {
            assert!(marks(placed).place, "{placed}");
        }
        for unplaced in [
            "The talks resume on Tuesday.",
            "The deadline moved in March.",
            "A truce was signed in 2019.",
            "The envoy spoke in detail, Lind said.",
            "The talks were held in good faith.",
        ] {
            assert!(!marks(unplaced).place, "{unplaced}");
        }
    }
}
