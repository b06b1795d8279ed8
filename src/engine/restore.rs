//! An engine read back from a snapshot (`crate::snapshot`) is completed and checked against its
//! knowledge here ([`Engine::restore`]). Owns every check that a stored table fits; must not
//! compute tables (that is `start.rs`).

use super::understand::name_list;
use super::{Engine, EngineSettings, FactRef};
use crate::knowledge::Knowledge;

impl Engine {
    /// Completes an engine read back from a snapshot (`crate::snapshot`): the knowledge it was
    /// started from (as [`Engine::knowledge`] returned it), the settings, and what the snapshot
    /// leaves out. Checks that the tables fit the knowledge, so a snapshot that does not belong
    /// to it is refused rather than answered from; `Err` says what does not fit.
    pub(crate) fn restore(
        mut self,
        knowledge: Knowledge,
        settings: EngineSettings,
    ) -> Result<Engine, String> {
        crate::english::warm_in_background();
        let k = &knowledge;
        let sentences = k.sentence_count();
        let counts = [
            ("sentences", self.sents.len(), sentences),
            ("sentences' words", self.pair_starts.len(), sentences + 1),
            ("indexed sentences", self.index.len(), sentences),
            ("quote sentences", self.quote_sent.len(), k.quotes.len()),
            (
                "statement sentences",
                self.statement_sent.len(),
                k.statements.len(),
            ),
            ("event sentences", self.event_sent.len(), k.events.len()),
            ("article titles", self.title_stems.len(), k.articles.len()),
            (
                "articles by date",
                self.newest_first.len(),
                k.articles.len(),
            ),
            (
                "people's sentences",
                self.person_sents.len(),
                k.people.len(),
            ),
            ("people's roles", self.role_stems.len(), k.people.len()),
            ("sources", self.source_stems.len(), k.sources.len()),
        ];
        for (what, found, expected) in counts {
            if found != expected {
                return Err(format!("{found} {what} for {expected} in the knowledge"));
            }
        }
        for (i, r) in self.sents.iter().enumerate() {
            let text = k
                .articles
                .get(r.article)
                .and_then(|a| a.paragraphs.get(r.para))
                .map(|p| p.text.as_str());
            if text.and_then(|t| t.get(r.start..r.end)).is_none() {
                return Err(format!("sentence {i} lies outside its paragraph"));
            }
        }
        // Every number that indexes something must index what is there: a snapshot that passed
        // its checksums yet does not fit would otherwise fail on some later question.
        let n = sentences;
        let below = |bound: usize| move |&x: &usize| x < bound;
        let fits = [
            ("sentence", self.index.docs_below(n as u32)),
            (
                "fact sentence",
                [&self.quote_sent, &self.statement_sent, &self.event_sent]
                    .iter()
                    .all(|v| v.iter().flatten().all(below(n))),
            ),
            (
                "sentence",
                self.person_sents.iter().flatten().all(below(n))
                    && self.cause_sents.iter().all(below(n))
                    && self.place_sents.iter().all(below(n))
                    && self.proposal_sents.iter().all(below(n))
                    && self.speaker_parties.keys().all(|&s| (s as usize) < n),
            ),
            (
                "fact",
                self.statement_by_sent
                    .iter()
                    .all(|(&s, &i)| s < n && i < k.statements.len())
                    && self
                        .events_by_sent
                        .iter()
                        .all(|(&s, v)| s < n && v.iter().all(below(k.events.len())))
                    && self
                        .numbers_by_sent
                        .iter()
                        .all(|(&s, v)| s < n && v.iter().all(below(k.numbers.len())))
                    && self
                        .quotes_in_sent
                        .iter()
                        .all(|(&s, v)| s < n && v.iter().all(below(k.quotes.len())))
                    && self.by_speaker.values().flatten().all(|f| match *f {
                        FactRef::Sentence(s) => s < n,
                        FactRef::Quote(i) => i < k.quotes.len(),
                        FactRef::Statement(i) => i < k.statements.len(),
                    }),
            ),
            (
                "position",
                self.positions_by_party.values().flatten().all(|h| {
                    (h.topic == super::NO_TOPIC || (h.topic as usize) < k.lexicon.topics.len())
                        && (h.sentence as usize) < n
                }),
            ),
            (
                "party",
                self.speaker_parties
                    .values()
                    .flatten()
                    .all(|&p| (p as usize) < self.speaker_party_names.len()),
            ),
            (
                "person or source",
                self.people_by_party
                    .values()
                    .flatten()
                    .all(below(k.people.len()))
                    && self
                        .sources_for_person
                        .values()
                        .flatten()
                        .all(below(k.sources.len())),
            ),
            (
                "article",
                self.newest_first.iter().all(below(k.articles.len())),
            ),
        ];
        if let Some((what, _)) = fits.iter().find(|(_, ok)| !ok) {
            return Err(format!("a {what} number is out of range"));
        }
        let ordered = self.pair_starts.windows(2).all(|w| w[0] <= w[1]);
        if !ordered || self.pair_starts.last() != Some(&(self.pair_words.len() as u32)) {
            return Err("the sentences' words are out of order".into());
        }
        let people = k.people.len();
        let in_range = |list: &[usize], len: usize| list.iter().all(|&x| x < len);
        if !self.sents.iter().all(|r| {
            in_range(&r.parties, k.lexicon.parties.len())
                && in_range(&r.topics, k.lexicon.topics.len())
                && in_range(&r.people, people)
        }) {
            return Err("a sentence names a party, topic or person the knowledge lacks".into());
        }
        if !self.name_words.values().flatten().all(|&p| p < people) {
            return Err("a name belongs to a person the knowledge lacks".into());
        }
        self.lex = knowledge.lexicon.compile();
        self.filler = self.lex.filler.clone();
        self.name_list = name_list(&self.name_words);
        self.knowledge = knowledge;
        self.settings = settings;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tables read back from a snapshot are checked against the knowledge: a number that
    /// indexes nothing is refused at load, not met by some later question.
    #[test]
    fn tables_with_a_number_out_of_range_are_refused() {
        let seed = Knowledge::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json"),
        )
        .unwrap();
        let fresh = || Engine::new(seed.clone(), EngineSettings::default());
        let good = fresh();
        let kept = good.knowledge.clone();
        assert!(good
            .restore(kept.clone(), EngineSettings::default())
            .is_ok());
        let mut bad = fresh();
        bad.quote_sent[0] = Some(1_000_000);
        let why = bad
            .restore(kept.clone(), EngineSettings::default())
            .expect_err("refused");
        assert!(why.contains("out of range"), "{why}");
        let mut bad = fresh();
        bad.newest_first[0] = 99;
        assert!(bad.restore(kept, EngineSettings::default()).is_err());
    }
}
