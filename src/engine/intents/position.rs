//! "What is X's position on T?": the positions a party holds (the stances the builder read from
//! each sentence's structure: it proposes, supports, demands, rejects, accepts or says), its own
//! people's words first, with the stance in the lead when every sentence shown states the same.

use rustc_hash::FxHashMap as HashMap;

use crate::answer::Answer;
use crate::engine::decide::{DeclineReason, Floor};
use crate::engine::understand::Query;
use crate::engine::{Engine, FactRef};
use crate::knowledge::Stance;
use crate::text::normalize;

impl Engine {
    pub(crate) fn position_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        if !q.unknown_names.is_empty() && q.parties.is_empty() && q.people.is_empty() {
            return self.absent(clean, q);
        }
        // "What does X think of T", X a person: their own words on T, as "what did X say
        // about T" finds them, or a decline saying what they are quoted on; their party's
        // stance is not theirs to be quoted with.
        // (A question whose subject is a party, such as said hands here, stays with its party.)
        if !q.people.is_empty() && !q.subject_is_party {
            return self.said_answer(clean, q);
        }
        // Whose position: the parties asked.
        let mut parties = q.parties.clone();
        if parties.is_empty() {
            // The party slot of `/positions us crimea` names a party whatever its case, though
            // "us" in a question is a pronoun (short capital aliases match only in capitals).
            let slot = q.intent.x.as_deref().map(normalize).unwrap_or_default();
            if let Some(i) = k.lexicon.parties.iter().position(|p| {
                !slot.is_empty()
                    && std::iter::once(&p.name)
                        .chain(&p.aliases)
                        .any(|a| normalize(a) == slot)
            }) {
                parties.push(i);
                q.parties.push(i);
            }
        }
        if parties.is_empty() {
            return self.search_answer(clean, q);
        }
        let party_ids: Vec<&str> = parties
            .iter()
            .map(|&p| k.lexicon.parties[p].id.as_str())
            .collect();
        // The sentences where a party asked holds a position (on the topic asked), with the
        // stance of the first party asked that holds it there. A party only mentioned in a
        // sentence holds nothing there: its stance is not the sentence's.
        let mut held: HashMap<usize, (Stance, usize)> = HashMap::default();
        for (&party, id) in parties.iter().zip(&party_ids) {
            for h in self.positions_by_party.get(*id).into_iter().flatten() {
                if q.topics.is_empty() || q.topics.contains(&(h.topic as usize)) {
                    held.entry(h.sentence as usize).or_insert((h.stance, party));
                }
            }
        }
        let topic_terms = self.topic_terms(q);
        // A cheap filter over every candidate, the finer topic check on the leaders only.
        // Some leaders fail the topic check below, so more are ranked than are shown.
        let mut ranked = self.rank_sentences(q, 200, |s| held.contains_key(&s));
        // Every word of the question is a party's name (`/positions US`).
        let party_alone = !q.tokens.is_empty()
            && (0..q.tokens.len()).all(|i| q.spans.iter().any(|sp| !sp.0 && sp.2 <= i && i < sp.3));
        if ranked.is_empty() && (topic_terms.is_empty() && party_alone || !q.topics.is_empty()) {
            // A party named alone, or on a topic of the lexicon in words no sentence uses: its
            // stated positions, in reading order (its own people's words still go first, below).
            let mut stated: Vec<usize> = held.keys().copied().collect();
            stated.sort_unstable();
            ranked = stated.into_iter().map(|s| (s, 0.0)).collect();
        }
        ranked.retain(|&(s, _)| {
            !q.topics.is_empty()
                || topic_terms.is_empty()
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
        // The parties that hold what is shown (a party asked may hold none of it: "NATO" in
        // "the US position on NATO membership"); all asked when nothing is shown.
        let shown: Vec<(Stance, usize)> = ranked
            .iter()
            .take(self.settings.max_quotes.max(1))
            .filter_map(|(s, _)| held.get(s).copied())
            .collect();
        let names: Vec<&str> = parties
            .iter()
            .filter(|&&p| shown.is_empty() || shown.iter().any(|&(_, h)| h == p))
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
        // The stance leads when every sentence shown on a topic states the same one ("United
        // States proposed, on Crimea"); a mix of stances, or words with none, is where a party
        // stands.
        // Only on a topic: a party named alone stands on many, and one stance would not sum it up.
        let on_topic = !q.topics.is_empty() || !topic_terms.is_empty();
        let one_stance = shown
            .first()
            .map(|&(st, _)| st)
            .filter(|&st| on_topic && st != Stance::Says && shown.iter().all(|&(x, _)| x == st));
        let on = q
            .topics
            .first()
            .map(|&t| format!(" on {}", k.lexicon.topics[t].name))
            .unwrap_or_default();
        let lead = match one_stance {
            Some(st) => format!(
                "**{}** {}{}, in the sources' words:",
                names.join(" and "),
                st.past(),
                on.replacen(' ', ", ", 1)
            ),
            None => format!(
                "Where **{}** stands{on}, in the sources' words:",
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

#[cfg(test)]
mod tests {
    /// "What does X think of T", X a person: X's own words on T, or a decline naming X,
    /// never other people's words on T nor a sentence that only mentions X.
    #[test]
    fn a_persons_view_is_their_own_words_or_a_decline() {
        let e = crate::engine::intents::own_quotes();
        let a = e.ask("what does president vesh think of clara dunmore", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("the speaker is not quoted on that topic")
        );
        let a = e.ask("what does kessling think of pavel orsk", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(
            a.citations()
                .next()
                .is_some_and(|c| c.quote.contains("immovable")),
            "{}",
            a.to_markdown()
        );
    }

    /// A said question whose subject is a party hands over to positions, which hands a
    /// person's view to said: a question that is both (a shared surname, a party's general)
    /// must not pass between them for ever.
    #[test]
    fn said_and_position_never_hand_a_question_back_and_forth() {
        let e = crate::engine::intents::own_quotes();
        for q in [
            "how did marten react to gen brandt's interview",
            "what does halvark's army chief think of the map",
            "what did halvark say about pavel orsk",
        ] {
            let a = e.ask(q, None);
            assert!(!a.lead.is_empty(), "{q}");
        }
    }
}
