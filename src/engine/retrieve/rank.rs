//! Sentences ranked for a question: the words score plus boosts for the matched slots and the
//! intent's kind of fact, the shortlist and the pruning bar that keep it fast at 10,000
//! articles, and phrase pairs over the leaders. Owns the order; must not decide to decline.

use super::bm25::Dense;
use crate::engine::understand::{Query, Recency};
use crate::engine::Engine;
use crate::intent::Intent;

impl Engine {
    /// Sentences ranked for a question (BM25 plus boosts for slots and for the intent's kind of
    /// fact) among those `filter` lets through, best first: at most `leaders` of them (never
    /// fewer than the 30 that phrase pairs re-rank), exactly the head of the order a longer
    /// list would have, so a caller asks only for what it reads.
    pub(crate) fn rank_sentences(
        &self,
        q: &Query,
        leaders: usize,
        filter: impl Fn(usize) -> bool,
    ) -> Vec<(usize, f32)> {
        // One set of boosts, read by the scorer and by the pruning bound below alike.
        let boost = &self.settings.tuning.rank;
        // Phrase pairs re-rank the first `paired`, so at least that many are always ordered.
        let leaders = leaders.max(boost.paired);
        let (total, mut touched) = self.bm25(q, true);
        // Slot-only questions ("nato?", "Witkoff") still find the sentences about their slots.
        // `touched` holds each sentence once (no sort needed): a named person's sentence is
        // added only when no word touched it and it is not marked yet.
        let mut named = Dense::zeroed(if q.people.is_empty() { 0 } else { total.len() });
        for &p in &q.people {
            for &i in &self.person_sents[p] {
                if named[i] == 0.0 {
                    named[i] = 1.0;
                    named.written.push(i as u32);
                    if total[i] == 0.0 {
                        touched.push(i as u32);
                    }
                }
            }
        }
        // At thousands of articles a common word touches tens of thousands of sentences: only
        // the best by words (and every sentence of a named person) go on to the finer scoring.
        let shortlist = boost.shortlist;
        if touched.len() > shortlist {
            // A named person's sentences get a head start, not a free pass: a name used in
            // thousands of sentences must not undo the shortlist. Ties go to the earlier
            // sentence, so the shortlist does not depend on the order sentences were touched.
            let first = |d: u32| {
                let head = if named.get(d as usize) == Some(&1.0) {
                    boost.person_head_start
                } else {
                    0.0
                };
                total[d as usize] + head
            };
            // Keys computed once, not at every comparison.
            let mut keyed: Vec<(f32, u32)> = touched.iter().map(|&d| (first(d), d)).collect();
            keyed.select_nth_unstable_by(shortlist, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            touched = keyed[..shortlist].iter().map(|x| x.1).collect();
        }
        // What the intent favours, read once rather than per sentence.
        #[derive(Clone, Copy)]
        enum Favours {
            Events,
            Places,
            Numbers,
            Causes,
            Proposals,
            Nothing,
        }
        let favours = match q.intent.name {
            Intent::When => Favours::Events,
            Intent::Where => Favours::Places,
            Intent::HowMany => Favours::Numbers,
            Intent::Why => Favours::Causes,
            Intent::Proposal => Favours::Proposals,
            _ => Favours::Nothing,
        };
        let (recency, recency_weight) = self.recency_boosts(q);
        let score = |s: usize, base: f32| -> f32 {
            let r = &self.sents[s];
            let mut score = base + recency.get(r.article).copied().unwrap_or(0.0);
            for p in &q.people {
                if r.people.contains(p) {
                    score += boost.person;
                }
            }
            for p in &q.parties {
                if r.parties.contains(p) {
                    score += boost.party;
                }
            }
            for t in &q.topics {
                if r.topics.contains(t) {
                    score += boost.topic;
                }
            }
            score += match favours {
                Favours::Events if self.events_by_sent.contains_key(&s) => boost.event,
                Favours::Places
                    if self.events_by_sent.get(&s).is_some_and(|e| {
                        e.iter().any(|&i| self.knowledge.events[i].place.is_some())
                    }) =>
                {
                    boost.place
                }
                // Any sentence that places something, dated or not ("held at the Palacio
                // Arenal", "crossed over the Ulmar bridge").
                Favours::Places if self.place_sents.contains(&s) => boost.place_phrase,
                Favours::Numbers if self.numbers_by_sent.contains_key(&s) => boost.number,
                Favours::Causes if self.has_cause(s) => boost.cause,
                Favours::Proposals if self.proposal_sents.contains(&s) => boost.proposal,
                _ => 0.0,
            };
            score
        };
        // The most `score` can add to a sentence's words score.
        let most_added = if recency.is_empty() {
            0.0
        } else {
            recency_weight
        } + boost.person * q.people.len() as f32
            + boost.party * q.parties.len() as f32
            + boost.topic * q.topics.len() as f32
            + match favours {
                Favours::Events => boost.event,
                Favours::Places => boost.place.max(boost.place_phrase),
                Favours::Numbers => boost.number,
                Favours::Causes => boost.cause,
                Favours::Proposals => boost.proposal,
                Favours::Nothing => 0.0,
            }
            .max(0.0);
        // Candidates as `best_first` keys, so selecting and sorting compare plain integers.
        let mut candidates: Vec<u64> = touched
            .into_iter()
            .filter(|&s| filter(s as usize))
            .map(|s| best_first(total[s as usize], s))
            .collect();
        let scored = |&key: &u64| {
            let s = key as u32 as usize;
            best_first(score(s, total[s]), s as u32)
        };
        // Only the leaders are kept, so not every candidate needs its full score: the leaders by
        // words alone are scored first, and the lowest of their scores is a bar that a sentence
        // must be able to reach with everything `score` could add. One that cannot would rank
        // below all of them, so skipping it changes nothing (the margin covers rounding).
        let mut out: Vec<u64> = if candidates.len() > leaders {
            candidates.select_nth_unstable(leaders - 1);
            let (head, rest) = candidates.split_at(leaders);
            let mut out: Vec<u64> = head.iter().map(scored).collect();
            let bar = out
                .iter()
                .map(|&k| from_best_first(k).1)
                .fold(f32::INFINITY, f32::min);
            out.extend(
                rest.iter()
                    .filter(|&&k| total[k as u32 as usize] + most_added + 1e-3 >= bar)
                    .map(scored),
            );
            out
        } else {
            candidates.iter().map(scored).collect()
        };
        // Only the leaders need ordering: select them first, then sort them. No two keys are
        // equal (ties go by sentence), so an unstable sort gives the one order there is.
        if out.len() > leaders {
            out.select_nth_unstable(leaders);
            out.truncate(leaders);
        }
        out.sort_unstable();
        let mut out: Vec<(usize, f32)> = out.into_iter().map(from_best_first).collect();
        // Words that stand together in the question and in a sentence ("US proposals",
        // "territorial swaps") lift that sentence; checked on the leaders only.
        let pairs = q.bigrams(&self.filler, &self.lex.pair_stopwords, |w| self.stem(w));
        if !pairs.is_empty() {
            // A pair with a stem no sentence has can match none.
            let pairs: Vec<(u32, u32)> = pairs
                .iter()
                .filter_map(|(a, b)| Some((*self.pair_vocab.get(a)?, *self.pair_vocab.get(b)?)))
                .collect();
            for item in out.iter_mut().take(boost.paired) {
                let words = self.pair_words_of(item.0);
                let hits = pairs
                    .iter()
                    .filter(|&&(a, b)| words.windows(2).any(|w| w[0] == a && w[1] == b))
                    .count();
                item.1 += boost.pair * hits as f32;
            }
            let n = out.len().min(boost.paired);
            out[..n].sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        out
    }

    /// "What is the current deadline", "what was the original offer": among the sentences kept
    /// for an answer (best first), those whose score is close to the best (`[recency] asked_band` of it), the newest (or earliest)
    /// report comes first, each article's sentences keeping their order. A boost alone lets an
    /// older sentence that repeats the question's words more often stay ahead of the report
    /// that replaced it.
    pub(crate) fn order_band_by_report(&self, q: &Query, out: &mut [(usize, f32)]) {
        let newest_first = &self.newest_first;
        if q.when_reported == Recency::Any || newest_first.len() < 2 {
            return;
        }
        let Some(best) = out.first().map(|x| x.1).filter(|b| *b > 0.0) else {
            return;
        };
        let floor = best * self.settings.tuning.recency.asked_band;
        let band = out.iter().take_while(|x| x.1 >= floor).count();
        let mut age = vec![0usize; newest_first.len()];
        for (rank, &a) in newest_first.iter().enumerate() {
            age[a] = rank;
        }
        let earliest = q.when_reported == Recency::Earliest;
        // A stable sort: within one article the score order stays.
        out[..band].sort_by_key(|x| {
            let rank = age
                .get(self.sents[x.0].article)
                .copied()
                .unwrap_or(usize::MAX);
            if earliest {
                usize::MAX - rank
            } else {
                rank
            }
        });
    }

    /// True when a quote or statement in the sentence comes from someone of one of the parties.
    pub(crate) fn spoken_by_party(&self, s: usize, parties: &[String]) -> bool {
        self.speaker_parties.get(&(s as u32)).is_some_and(|v| {
            v.iter()
                .any(|&p| parties.contains(&self.speaker_party_names[p as usize]))
        })
    }

    pub(crate) fn has_cause(&self, s: usize) -> bool {
        self.cause_sents.contains(&s)
    }
}

/// A key for a sentence `s` with `score` whose integer order is best first: the higher score
/// (in [`f32::total_cmp`]'s order), then the earlier sentence. Selecting and sorting these
/// compares one integer where a comparator compared a float and then an index.
pub(crate) fn best_first(score: f32, s: u32) -> u64 {
    let bits = score.to_bits();
    // `total_cmp`'s order as an unsigned integer: a negative number has all its bits flipped, a
    // positive one just its sign bit.
    let ordered = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    };
    (u64::from(!ordered) << 32) | u64::from(s)
}

/// The sentence and score a [`best_first`] key was made from.
pub(crate) fn from_best_first(key: u64) -> (usize, f32) {
    let ordered = !((key >> 32) as u32);
    let bits = if ordered >> 31 == 1 {
        ordered & 0x7fff_ffff
    } else {
        !ordered
    };
    (key as u32 as usize, f32::from_bits(bits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{clean_question, EngineSettings};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// `best_first` keys order as the ranking's comparator does (higher score first by
        /// `total_cmp`, then the earlier sentence), and give back what they were made from,
        /// for every float: negative, zero of either sign, infinite and NaN too.
        #[test]
        fn best_first_keys_order_as_the_comparator_and_round_trip(
            a in proptest::num::f32::ANY,
            b in proptest::num::f32::ANY,
            sa in proptest::prelude::any::<u32>(),
            sb in proptest::prelude::any::<u32>(),
        ) {
            let (ka, kb) = (best_first(a, sa), best_first(b, sb));
            proptest::prop_assert_eq!(ka.cmp(&kb), b.total_cmp(&a).then(sa.cmp(&sb)));
            let (s, back) = from_best_first(ka);
            proptest::prop_assert_eq!(s, sa as usize);
            proptest::prop_assert_eq!(back.to_bits(), a.to_bits());
        }
    }

    /// Ranking fewer leaders gives exactly the head of a longer ranking (the pruning bar and
    /// the phrase pairs included), for the generated corpus' questions, with and without a
    /// filter, at every count a caller asks for.
    #[test]
    fn ranking_fewer_leaders_gives_the_head_of_a_longer_ranking() {
        let arts = crate::corpus::generate_articles(100, 5);
        let k = crate::corpus::build_articles(&arts).unwrap().knowledge;
        let engine = Engine::new(k, EngineSettings::default());
        let mut long_lists = 0;
        for question in crate::corpus::questions(5) {
            let q = engine.analyse(&clean_question(&question), None);
            let some = |s: usize| s % 3 != 0;
            let long = engine.rank_sentences(&q, 400, |_| true);
            let long_some = engine.rank_sentences(&q, 400, some);
            for n in [1, 30, 40, 60, 200] {
                let want = n.max(30);
                let short = engine.rank_sentences(&q, n, |_| true);
                assert_eq!(short, long[..want.min(long.len())], "{question:?}, {n}");
                let short = engine.rank_sentences(&q, n, some);
                let head = &long_some[..want.min(long_some.len())];
                assert_eq!(short, head, "{question:?}, {n}, filtered");
            }
            long_lists += usize::from(long.len() > 200);
        }
        assert!(long_lists > 0, "no question ranked more than 200 sentences");
    }
}
