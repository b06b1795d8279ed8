//! A question's terms: content words as stems with their weights, their hyphenated parts, their
//! synonyms, spelling corrections and the named topics' alias words, one group a word; and the
//! word pairs phrase matching reads. Owns the weights given to each word; must not rank.

use rustc_hash::FxHashSet as HashSet;

use super::people::letters_differ_by_more_than;
use super::Query;
use crate::engine::Engine;
use crate::english::{english, phrases as english_phrases, Relation};
use crate::text::{stem, tokenize, Token};

/// Where a query term came from. Rules that care whether the user asked for a word ask this,
/// not the weight: a spelling correction and a typed word weigh differently but both were asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermOrigin {
    /// A word the user typed that says something of the subject.
    Typed,
    /// A typed word that only shapes the question (`filler_words` in `config/language.toml`).
    Filler,
    /// One part of a typed hyphenated word.
    HyphenPart,
    /// The word a typed misspelling is corrected to.
    Corrected,
    /// A synonym from the lexicon (`config/language.toml`).
    Synonym,
    /// An English relative the sources use (WordNet synonym or derived form).
    Related,
    /// A word of a named topic's aliases.
    TopicAlias,
}

/// One term of a question: a stem, its weight, whether it is a slot (or filler) word that words
/// scoring may skip, the group of the typed word it stands for, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    pub(crate) stem: String,
    pub(crate) weight: f32,
    pub(crate) slot: bool,
    pub(crate) group: usize,
    pub(crate) origin: TermOrigin,
}

impl Term {
    /// A word the user asked for: typed (not filler), or the correction of a misspelt one.
    pub(crate) fn is_asked(&self) -> bool {
        matches!(self.origin, TermOrigin::Typed | TermOrigin::Corrected)
    }

    /// A word the user typed as written, not filler.
    pub(crate) fn is_typed(&self) -> bool {
        self.origin == TermOrigin::Typed
    }

    /// A typed word (or its correction) that is not a slot: the question's own subject.
    pub(crate) fn is_subject_word(&self) -> bool {
        !self.slot && self.is_asked()
    }
}

impl Engine {
    /// The weighted terms of a question (see [`Query::terms`]).
    pub(crate) fn question_terms(
        &self,
        keys: &[String],
        used: &[bool],
        when_words: &[bool],
        q: &mut Query,
    ) -> Vec<Term> {
        // Terms: content words as stems, with their synonyms at a lower weight, one group a word.
        // Words that only say which report is wanted ("now", "original") are not content.
        let w = &self.settings.tuning.terms;
        let mut terms: Vec<Term> = Vec::new();
        // Verb phrases ("hand over", "call off", "turn up the heat"; `config/phrases.tsv`): a
        // word of one the sources never use says nothing on its own, and what the phrase means
        // joins the query as a relative of its first word.
        let mut in_phrase = vec![false; q.tokens.len()];
        // Words of a phrase the sources never write as a phrase ("handed over" where they say
        // "exchanged", and use "hand" only in "to hand the investigation"): the phrase is
        // read by what it means, its words are no more than filler.
        let mut phrase_unused = vec![false; q.tokens.len()];
        let mut phrase_means: Vec<(usize, &'static str)> = Vec::new();
        for k in 0..q.tokens.len() {
            for ph in english_phrases().get(&keys[k]).into_iter().flatten() {
                let end = k + ph.stems.len();
                if end <= keys.len()
                    && ph.stems.iter().zip(&keys[k..end]).all(|(a, b)| a == b)
                    && !used[k..end].iter().any(|&u| u)
                {
                    for f in &mut in_phrase[k..end] {
                        *f = true;
                    }
                    if !self.sources_hold_run(&ph.stems) {
                        for f in &mut phrase_unused[k..end] {
                            *f = true;
                        }
                    }
                    phrase_means.extend(ph.means.iter().map(|&m| (k, m)));
                }
            }
        }
        for (k, t) in q.tokens.iter().enumerate() {
            if self.lex.stopwords.contains(&t.norm)
                || t.norm.chars().count() < 2 && !t.numeric
                || when_words.get(k).copied().unwrap_or(false)
            {
                continue;
            }
            let s = keys[k].clone();
            // "According to the piece": the article itself, not what is asked about.
            let lang = &self.knowledge.lexicon.language;
            let article = k > 0
                && self.lex.description_openers.contains(&q.tokens[k - 1].norm)
                && lang.article_nouns.iter().any(|n| n == &t.norm);
            let filler = self.filler.contains(&t.norm)
                || article
                || in_phrase[k] && (!self.index.contains(&s) || phrase_unused[k]);
            let slot = used[k];
            let group = k;
            let push = |terms: &mut Vec<Term>,
                        stem: String,
                        weight: f32,
                        slot: bool,
                        origin: TermOrigin| {
                if !terms.iter().any(|x| x.stem == stem) {
                    terms.push(Term {
                        stem,
                        weight,
                        slot,
                        group,
                        origin,
                    });
                }
            };
            let (weight, origin) = if filler {
                (w.filler, TermOrigin::Filler)
            } else {
                (w.typed, TermOrigin::Typed)
            };
            push(&mut terms, s.clone(), weight, slot || filler, origin);
            if t.norm.contains('-') {
                for part in t
                    .norm
                    .split('-')
                    .filter(|p| p.len() > 1 && !self.lex.stopwords.contains(*p))
                {
                    push(
                        &mut terms,
                        stem(part),
                        w.hyphen_part,
                        slot || filler,
                        TermOrigin::HyphenPart,
                    );
                }
            }
            // A word the sources never use made of a prefix and a word they do use
            // ("counteroffer", "reopened"): the word is a part of it, as a hyphenated one's are.
            if !self.index.contains(&s) && !t.norm.contains('-') && !slot && !filler {
                let lang = &self.knowledge.lexicon.language;
                for rest in lang
                    .word_prefixes
                    .iter()
                    .filter_map(|p| t.norm.strip_prefix(p.as_str()))
                    .filter(|rest| rest.len() >= 3)
                {
                    let part = self.stem(rest);
                    if self.index.contains(&part) {
                        push(
                            &mut terms,
                            part,
                            w.hyphen_part,
                            false,
                            TermOrigin::HyphenPart,
                        );
                    }
                }
            }
            if let Some(syns) = self.lex.synonyms.get(&s) {
                for syn in syns {
                    push(
                        &mut terms,
                        syn.clone(),
                        if filler { w.filler_synonym } else { w.synonym },
                        true,
                        TermOrigin::Synonym,
                    );
                }
            }
            // The other spelling of a British or American word the sources never use is the
            // same word ("defence" for the sources' "defense").
            if !self.index.contains(&s) && !slot && !filler {
                for v in crate::english::spelling_variants(&t.norm) {
                    let st = self.stem(&v);
                    if self.index.contains(&st) {
                        push(&mut terms, st, w.typed, false, TermOrigin::Corrected);
                    }
                }
            }
            // A figure the sources never write as a figure ("round 3", "day 1", "the 2nd
            // round"): the words they write for it ("third", "three", "first", "one").
            if !self.index.contains(&s) && !slot && !filler {
                let figure = ["st", "nd", "rd", "th"]
                    .iter()
                    .find_map(|x| t.norm.strip_suffix(x))
                    .unwrap_or(&t.norm);
                if let Ok(n) = figure.parse::<u32>() {
                    let words = self.lex.ordinal_words.iter().chain(&self.lex.number_words);
                    for (word, _) in words.filter(|(_, v)| **v == f64::from(n)) {
                        let st = self.stem(word);
                        if self.index.contains(&st) {
                            push(&mut terms, st, w.typed, false, TermOrigin::Corrected);
                        }
                    }
                }
            }
            // Words a reader would accept in its place (WordNet synonyms and derived forms),
            // weaker than the word typed and than the lexicon's own synonyms.
            if !slot && !filler {
                for &(word, rel) in english().related(&t.norm) {
                    let st = self.stem(word);
                    if self.index.contains(&st) {
                        let weight = match rel {
                            Relation::Derived => w.related_derived,
                            Relation::Synonym => w.related_synonym,
                            Relation::Hypernym => w.related_hypernym,
                        };
                        push(&mut terms, st, weight, true, TermOrigin::Related);
                    }
                }
                // A word the sources never use: the words used for much the same thing
                // ("journalists" / "reporters"), by how close they are.
                let neighbours = if self.index.contains(&s) {
                    &[][..]
                } else {
                    english().neighbours(&t.norm)
                };
                let used: Vec<(String, f32)> = neighbours
                    .iter()
                    .filter(|(_, sim)| *sim >= w.neighbour_min_similarity)
                    .take(w.neighbours)
                    .map(|&(word, sim)| (self.stem(word), sim))
                    .filter(|(st, _)| self.index.contains(st))
                    .collect();
                for (st, sim) in used {
                    push(&mut terms, st, w.neighbour * sim, true, TermOrigin::Related);
                }
                // And the words a news report would use instead (`config/news_thesaurus.tsv`).
                if !self.index.contains(&s) {
                    for word in crate::english::thesaurus(&t.norm) {
                        let st = self.stem(word);
                        if self.index.contains(&st) {
                            push(&mut terms, st, w.related_synonym, true, TermOrigin::Related);
                        }
                    }
                }
            }
            // A misspelt word stands for the word it is closest to; an English word is not
            // misspelt just because the sources do not use it.
            if !self.index.contains(&s)
                && !slot
                && !filler
                && t.norm.chars().count() >= 5
                && !t.norm.contains('-')
                && !english().is_common(&t.norm, w.common_zipf)
            {
                if let Some(fix) = self.fuzzy_word(&t.norm) {
                    push(
                        &mut terms,
                        self.stem(&fix),
                        w.corrected,
                        false,
                        TermOrigin::Corrected,
                    );
                    q.corrected.push(t.norm.clone());
                }
            }
        }
        for (group, word) in phrase_means {
            let stem = self.stem(word);
            if self.index.contains(&stem) && !terms.iter().any(|x| x.stem == stem) {
                terms.push(Term {
                    stem,
                    weight: w.related_synonym,
                    slot: false,
                    group,
                    origin: TermOrigin::Related,
                });
            }
        }
        // Topics named in the question bring their aliases' stems.
        for &ti in &q.topics {
            for alias in &self.knowledge.lexicon.topics[ti].aliases {
                for t in tokenize(alias) {
                    let s = self.stem(&t.norm);
                    if !self.lex.stopwords.contains(&t.norm) && !terms.iter().any(|x| x.stem == s) {
                        terms.push(Term {
                            stem: s,
                            weight: w.topic_alias,
                            slot: true,
                            group: 10_000 + ti,
                            origin: TermOrigin::TopicAlias,
                        });
                    }
                }
            }
        }
        terms
    }

    /// True when some sentence holds these stems one after the other (words that never make
    /// a phrase pair, such as "the", skipped on both sides).
    pub(crate) fn sources_hold_run(&self, stems: &[String]) -> bool {
        let ids: Option<Vec<u32>> = stems
            .iter()
            .filter(|s| !self.lex.pair_stopwords.contains(*s))
            .map(|s| self.pair_vocab.get(s).copied())
            .collect();
        let Some(ids) = ids.filter(|ids| !ids.is_empty()) else {
            return false;
        };
        // Only the sentences holding the rarest indexed word need reading.
        let Some(fewest) = stems
            .iter()
            .filter(|s| self.index.contains(s))
            .map(|s| self.index.docs(s))
            .min_by_key(|d| d.len())
        else {
            return false;
        };
        fewest.iter().any(|&s| {
            self.pair_words_of(s as usize)
                .windows(ids.len())
                .any(|w| w == ids.as_slice())
        })
    }

    /// Caps each synonym's weight at its group's own word's.
    pub(crate) fn balance_synonyms(&self, terms: &mut [Term]) {
        // A synonym stands in for the word asked; it should not outrank the word itself just for
        // being rarer ("wrote" for "commented"). Each synonym weighs at most what the group's
        // own word (or, if the sources lack it, its average member) would.
        let mut groups: Vec<usize> = terms.iter().map(|t| t.group).collect();
        groups.sort_unstable();
        groups.dedup();
        for g in groups {
            let members: Vec<f32> = terms
                .iter()
                .filter(|t| t.group == g && self.index.contains(&t.stem))
                .map(|t| self.index.idf(&t.stem))
                .collect();
            if members.len() < 2 {
                continue;
            }
            let head = terms
                .iter()
                .find(|t| t.group == g)
                .map(|t| t.stem.clone())
                .unwrap_or_default();
            let reference = if self.index.contains(&head) {
                self.index.idf(&head)
            } else {
                members.iter().sum::<f32>() / members.len() as f32
            };
            for t in terms.iter_mut().filter(|t| t.group == g && t.stem != head) {
                let idf = self.index.idf(&t.stem);
                if idf > reference && idf > 0.0 {
                    t.weight *= reference / idf;
                }
            }
        }
    }

    pub(crate) fn fuzzy_word(&self, norm: &str) -> Option<String> {
        let n = norm.chars().count();
        let max = if n >= 8 { 2 } else { 1 };
        let first = norm.chars().next()?;
        let mut best: Option<(usize, &String)> = None;
        for w in self.norms_by_initial.get(&first).into_iter().flatten() {
            if w.chars().count().abs_diff(n) > max || letters_differ_by_more_than(norm, w, max) {
                continue;
            }
            let d = strsim::damerau_levenshtein(norm, w);
            if d <= max && best.is_none_or(|(bd, bw)| d < bd || d == bd && w < bw) {
                best = Some((d, w));
            }
        }
        best.map(|(_, w)| w.clone())
    }

    pub(crate) fn topic_terms(&self, q: &Query) -> Vec<String> {
        // "What did she post", "in his statement": how the words were said is not what about.
        let speech = &self.lex.speech_stems;
        let mut v: Vec<String> = q
            .terms
            .iter()
            .filter(|t| t.is_subject_word() && !speech.contains(&t.stem))
            .map(|t| t.stem.clone())
            .collect();
        for o in &q.other_slot_terms {
            if !v.contains(o) && !self.lex.stopwords.contains(o) && !speech.contains(o) {
                v.push(o.clone());
            }
        }
        v
    }
}

impl Query {
    /// Consecutive content words of the question, as stem pairs. `filler` and `pair_stopwords`
    /// are the language's filler words and pair stopwords, `stem` the engine's cached stemmer.
    pub(crate) fn bigrams(
        &self,
        filler: &HashSet<String>,
        pair_stopwords: &HashSet<String>,
        stem: impl Fn(&str) -> String,
    ) -> Vec<(String, String)> {
        let words: Vec<&Token> = self
            .tokens
            .iter()
            .filter(|t| t.norm.chars().count() > 1)
            .collect();
        words
            .windows(2)
            .filter(|w| !filler.contains(&w[0].norm) && !filler.contains(&w[1].norm))
            .filter(|w| {
                !pair_stopwords.contains(&w[0].norm) && !pair_stopwords.contains(&w[1].norm)
            })
            .map(|w| (stem(&w[0].norm), stem(&w[1].norm)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
