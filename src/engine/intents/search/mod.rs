//! Search, the fallback of every answer kind: the best sentences for the question's words and
//! slots, with leads for when, where, how many, why and proposals.
//!
//! Owns [`Engine::search_answer`] (ranking, the coverage floor, filling the reply's places) and
//! calls the checks and leads in `numbers` (how many, how long) and `asked` (who, where,
//! when, outcome, cause, definition). It must not read the question itself (`understand`)
//! nor score sentences (`retrieve`).

mod asked;
mod numbers;
#[cfg(test)]
mod tests;

use crate::answer::Answer;
use crate::engine::decide::{DeclineReason, Floor};
use crate::engine::understand::salience::{absent_weight, Salience};
use crate::engine::understand::{Query, Term};
use crate::engine::{Engine, FactRef};
use crate::intent::Intent;

impl Engine {
    pub(crate) fn search_answer(&self, clean: &str, q: &mut Query) -> Answer {
        if !q.unknown_names.is_empty() {
            return self.absent(clean, q);
        }
        let read = self.settings.tuning.limits.search_read;
        let only = q.only_person;
        let ranked = self.rank_sentences(q, read, |s| {
            only.is_none_or(|p| self.sents[s].people.contains(&p))
        });
        let all_ranked = ranked.clone();
        let content: Vec<&Term> = q.terms.iter().filter(|t| t.is_subject_word()).collect();
        let has_slots = !q.people.is_empty() || !q.parties.is_empty() || !q.topics.is_empty();
        if content.is_empty() && !has_slots {
            return self.decline(clean, q, DeclineReason::NothingToSearch, Vec::new());
        }
        // Keep the sentences that cover the question's own words well enough.
        let floor = if has_slots {
            Floor::SearchWithSlots
        } else {
            Floor::SearchWordsOnly
        };
        let coverage = self.coverage(q);
        let mut kept: Vec<(usize, f32)> = ranked
            .into_iter()
            .take(read)
            .filter(|(s, score)| {
                *score > 0.0
                    && floor.reached_by(coverage.of(*s), &self.settings.tuning)
                    && (q.people.is_empty()
                        || q.people.iter().any(|p| self.sents[*s].people.contains(p))
                        || !content.is_empty())
                    && (q.topics.is_empty()
                        || q.topics.iter().any(|t| self.sents[*s].topics.contains(t))
                        || !content.is_empty()
                        || !q.people.is_empty())
            })
            .collect();
        if kept.is_empty() {
            // Only words that say what is asked are named (not "considered", "even").
            let unknown: Vec<String> = content
                .iter()
                .filter(|t| {
                    !self.index.contains(&t.stem)
                        && q.tokens.get(t.group).is_none_or(|tok| {
                            absent_weight(
                                &tok.norm,
                                self.settings.tuning.terms.common_zipf,
                                &self.knowledge.lexicon.language.framing_noun_classes,
                            ) != Salience::Generic
                        })
                })
                .map(|t| t.stem.clone())
                .collect();
            let reason = if unknown.is_empty() {
                DeclineReason::NotCovered
            } else {
                DeclineReason::WordsNeverUsed(unknown)
            };
            return self.decline(clean, q, reason, Vec::new());
        }
        self.order_band_by_report(q, &mut kept);
        // "What was the deadline" asks for a date, not what a deadline is.
        if !matches!(
            q.intent.name,
            Intent::When | Intent::HowMany | Intent::Where | Intent::Why
        ) {
            self.definitions_first(q, &mut kept);
        }
        if q.intent.name == Intent::Why {
            self.causes_after_events(&mut kept);
        }
        // "How many soldiers ...": a count the sources give is in a sentence with a number and
        // the thing counted (or a word for it); without one, the sources don't give it.
        if q.intent.name == Intent::HowMany {
            if self.asks_age(q) {
                return self.age_answer(clean, q);
            }
            if let Some((after, counted)) = self.counted_at(q) {
                // A party named anywhere but right after "how many" (where it says whose:
                // "how many Teravian prisoners") is who did or gave it ("how much money has
                // Tolmira pledged"): a sentence giving the number names that party, or the
                // number is someone else's ("Iskeria raised its pledge to $60 million").
                let doers: Vec<usize> = q
                    .spans
                    .iter()
                    .filter(|sp| !sp.0 && sp.2 != after)
                    .map(|sp| sp.1)
                    .collect();
                let by_doer = |s: usize| {
                    self.numbers_by_sent.contains_key(&s)
                        && (doers.is_empty()
                            || doers.iter().any(|p| self.sents[s].parties.contains(p)))
                };
                let gives =
                    |s: usize| by_doer(s) && counted.iter().any(|t| self.index.has(t, s as u32));
                // "How much water": an amount is often given without its noun ("65% of the
                // river's volume"), so there only a word the sources never use declines, or
                // a party that no sentence with a number names.
                let mass = q.tokens.iter().any(|t| t.norm == "much");
                let known = counted.iter().any(|t| self.index.contains(t));
                if !(kept.iter().any(|&(s, _)| gives(s))
                    || mass && known && kept.iter().any(|&(s, _)| by_doer(s)))
                {
                    return self.decline(clean, q, DeclineReason::NumberNotGiven, Vec::new());
                }
            }
            // Whatever is counted, a sentence that gives no number does not answer a count,
            // and "how long" or "how far" wants one given in a unit of time or distance: one
            // of the sentences shown must hold such a number.
            let shown = self.settings.max_quotes.max(1);
            // "How much did the building cost": only a sentence giving money answers.
            if self.asks_money(q) && !kept.iter().take(shown).any(|&(s, _)| self.gives_money(s)) {
                return self.decline(clean, q, DeclineReason::NumberNotGiven, Vec::new());
            }
            let measured = self.asks_measure(q);
            let gives = |s: usize| {
                self.numbers_by_sent
                    .get(&s)
                    .is_some_and(|ns| !measured || ns.iter().any(|&n| self.in_units(n)))
            };
            if measured {
                // Only a sentence giving a length answers "how long"; it leads, and it must
                // share some of the question's own words ("the three-year conflict" does not
                // say how long a ceasefire lasts).
                let thing = self.measured_thing(q);
                kept.retain(|&(s, _)| {
                    gives(s)
                        && (thing.is_empty() || thing.iter().any(|t| self.index.has(t, s as u32)))
                });
            }
            if !kept.iter().take(shown).any(|&(s, _)| gives(s)) {
                return self.decline(clean, q, DeclineReason::NumberNotGiven, Vec::new());
            }
        }
        // "When ...": a date is what was asked; when none of the sentences that would be
        // shown gives one, the sources don't say when, and those sentences are background.
        if q.intent.name == Intent::When {
            let shown = self.settings.max_quotes.max(1);
            // "When is the next round": only a date on or after its report's own day answers
            // a question about what is still to come.
            let ahead = q
                .tokens
                .iter()
                .any(|t| self.lex.future_asked_words.contains(&t.norm));
            let dated = |s: usize| {
                self.events_by_sent
                    .get(&s)
                    .is_some_and(|events| !ahead || events.iter().any(|&e| self.dated_ahead(e, s)))
            };
            if !kept.iter().take(shown).any(|&(s, _)| dated(s)) {
                let facts = kept
                    .iter()
                    .take(shown)
                    .map(|&(s, sc)| (FactRef::Sentence(s), sc))
                    .collect();
                return self.decline(clean, q, DeclineReason::DateNotGiven, facts);
            }
        }
        // "Who will chair the commission", "who fired the shells": someone is asked for; when
        // none of the sentences that would be shown names anyone (a person, a party, or a name
        // in capitals) besides whom the question itself names, the sources don't say who.
        if self.asks_for_someone(q) {
            let shown = self.settings.max_quotes.max(1);
            if !kept
                .iter()
                .take(shown)
                .any(|&(s, _)| self.names_someone(s, q))
            {
                let facts = kept
                    .iter()
                    .take(shown)
                    .map(|&(s, sc)| (FactRef::Sentence(s), sc))
                    .collect();
                return self.decline(clean, q, DeclineReason::NoOneNamed, facts);
            }
        }
        // "Which city is the envoy flying to", "what building were they in": a place is asked
        // for by its kind; when none of the sentences that would be shown names a place the
        // question does not (a party counts only for "which country"), the sources don't say.
        if let Some(country) = self.asked_place_kind(q) {
            let shown = self.settings.max_quotes.max(1);
            if !kept
                .iter()
                .take(shown)
                .any(|&(s, _)| self.names_place(s, q, country))
            {
                let facts = kept
                    .iter()
                    .take(shown)
                    .map(|&(s, sc)| (FactRef::Sentence(s), sc))
                    .collect();
                return self.decline(clean, q, DeclineReason::NoPlaceNamed, facts);
            }
        }
        // "How did the meeting go", "was it signed on 24 April": an outcome asked about what
        // every sentence shown reports only as still to come is not in the sources yet.
        if q.intent.name != Intent::When && self.asks_outcome(q) {
            let shown = self.settings.max_quotes.max(1);
            // The sentences that lead: within `still_ahead_band` of the best one's score.
            let band = kept[0].1 * self.settings.tuning.coverage.still_ahead_band;
            if kept
                .iter()
                .take(shown)
                .filter(|&&(_, sc)| sc >= band)
                .all(|&(s, _)| self.still_ahead(s))
            {
                let facts = kept
                    .iter()
                    .take(shown)
                    .map(|&(s, sc)| (FactRef::Sentence(s), sc))
                    .collect();
                return self.decline(clean, q, DeclineReason::StillAhead, facts);
            }
        }
        let versions = if q.intent.name == Intent::HowMany {
            self.number_versions(q, &mut kept)
        } else {
            None
        };
        let lead = match q.intent.name {
            Intent::When => self.when_lead(kept[0].0),
            Intent::Where => self.where_lead(kept[0].0),
            Intent::HowMany if versions.is_some() => versions.unwrap_or_default(),
            Intent::HowMany => self.number_lead(kept[0].0, q),
            Intent::Why => "Here is what the sources give as the reasons:".to_string(),
            Intent::Proposal => "What was proposed, in the sources' words:".to_string(),
            _ => "Here is what my sources say:".to_string(),
        };
        self.fill_places(floor, &coverage, &all_ranked, &mut kept);
        let facts = kept
            .into_iter()
            .map(|(s, sc)| (FactRef::Sentence(s), sc))
            .collect();
        self.finish(clean, q, lead, facts, true)
    }

    /// When fewer sentences than a reply shows reached the floor, the next best by score fill
    /// the places left, after them, if they cover `[coverage] fill_share` of the floor: the
    /// answer stands on the sentences that reached it, and the others are the nearest the
    /// sources come (the sentence with the place or the cause often shares fewer of the
    /// question's words than the one naming its subject).
    fn fill_places(
        &self,
        floor: Floor,
        coverage: &crate::engine::retrieve::coverage::Coverage<'_>,
        ranked: &[(usize, f32)],
        kept: &mut Vec<(usize, f32)>,
    ) {
        let shown = self.settings.max_quotes.max(1);
        let share = self.settings.tuning.coverage.fill_share;
        if kept.len() >= shown || share <= 0.0 {
            return;
        }
        let min = floor.share(&self.settings.tuning) * share;
        let extra: Vec<(usize, f32)> = ranked
            .iter()
            .filter(|&&(s, sc)| sc > 0.0 && !kept.iter().any(|k| k.0 == s) && coverage.of(s) >= min)
            .take(shown - kept.len())
            .copied()
            .collect();
        kept.extend(extra);
    }
}
