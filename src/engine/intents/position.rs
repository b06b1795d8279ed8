//! "What is X's position on T?": a party's stated positions, its own people's words first.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::Answer;
use crate::engine::decide::{DeclineReason, Floor};
use crate::engine::understand::{push_unique_usize, Query};
use crate::engine::{Engine, FactRef};

impl Engine {
    pub(crate) fn position_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        if !q.unknown_names.is_empty() && q.parties.is_empty() && q.people.is_empty() {
            return self.absent(clean, q);
        }
        let mut parties = q.parties.clone();
        if parties.is_empty() {
            for &p in &q.people {
                if let Some(aff) = &k.people[p].affiliation {
                    if let Some(i) = k.lexicon.parties.iter().position(|x| &x.id == aff) {
                        push_unique_usize(&mut parties, i);
                    }
                }
            }
        }
        if parties.is_empty() {
            return self.search_answer(clean, q);
        }
        let party_ids: Vec<&str> = parties
            .iter()
            .map(|&p| k.lexicon.parties[p].id.as_str())
            .collect();
        let mut sentences: HashSet<usize> = HashSet::default();
        for party in &party_ids {
            for &(topic, s) in self.positions_by_party.get(*party).into_iter().flatten() {
                if q.topics.is_empty() || q.topics.contains(&(topic as usize)) {
                    sentences.insert(s as usize);
                }
            }
        }
        let topic_terms = self.topic_terms(q);
        // A cheap filter over every candidate, the finer topic check on the leaders only.
        // Some leaders fail the topic check below, so more are ranked than are shown.
        let mut ranked = self.rank_sentences(q, 200, |s| {
            sentences.contains(&s) || self.sents[s].parties.iter().any(|p| parties.contains(p))
        });
        // Every word of the question is a party's name (`/positions US`).
        let party_alone = !q.tokens.is_empty()
            && (0..q.tokens.len()).all(|i| q.spans.iter().any(|sp| !sp.0 && sp.2 <= i && i < sp.3));
        if ranked.is_empty() && topic_terms.is_empty() && party_alone {
            // A party named alone: no word found anything to rank, so its stated positions,
            // in reading order (its own people's words still go first, below).
            let mut stated: Vec<usize> = sentences.iter().copied().collect();
            stated.sort_unstable();
            ranked = stated.into_iter().map(|s| (s, 0.0)).collect();
        }
        ranked.retain(|&(s, _)| {
            sentences.contains(&s)
                || topic_terms.is_empty() && q.topics.is_empty()
                || self.topic_fit(q, FactRef::Sentence(s), &topic_terms) >= 1.0
        });
        // A party's position is best stated by its own people: their words rank first.
        let party_ids: Vec<String> = parties
            .iter()
            .map(|&p| k.lexicon.parties[p].id.clone())
            .collect();
        let mut ranked: Vec<(usize, f32)> = ranked
            .into_iter()
            .map(|(s, score)| {
                (
                    s,
                    score
                        + if self.spoken_by_party(s, &party_ids) {
                            self.settings.tuning.rank.spoken_by_party
                        } else {
                            0.0
                        },
                )
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let coverage = self.coverage(q);
        let ranked: Vec<(usize, f32)> = ranked
            .into_iter()
            .filter(|(s, _)| {
                topic_terms.is_empty()
                    || Floor::Position.reached_by(coverage.of(*s), &self.settings.tuning)
                    || !q.topics.is_empty()
                        && q.topics.iter().any(|t| self.sents[*s].topics.contains(t))
            })
            .collect();
        let names: Vec<&str> = parties
            .iter()
            .map(|&p| k.lexicon.parties[p].name.as_str())
            .collect();
        if ranked.is_empty() {
            let topic = self.asked_topic(q);
            let parties = names.iter().map(|n| n.to_string()).collect();
            return self.decline(
                clean,
                q,
                DeclineReason::NoPosition { parties, topic },
                Vec::new(),
            );
        }
        let lead = match q.topics.first() {
            Some(&t) => format!(
                "Where **{}** stands on {}, in the sources' words:",
                names.join(" and "),
                k.lexicon.topics[t].name
            ),
            None => format!(
                "Where **{}** stands, in the sources' words:",
                names.join(" and ")
            ),
        };
        let facts = ranked
            .into_iter()
            .map(|(s, sc)| (FactRef::Sentence(s), sc))
            .collect();
        self.finish(clean, q, lead, facts, true)
    }
}
