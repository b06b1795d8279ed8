//! Facts (quotes and statements) by speaker and person, in reading order, and how well a fact
//! fits a question's topic. Owns fact gathering and topic fit; must not rank sentences.

use crate::engine::understand::{Query, TermOrigin};
use crate::engine::{Engine, FactRef};
use crate::knowledge::Speaker;

impl Engine {
    pub(crate) fn sentence_of_cite(&self, cite: &crate::knowledge::Cite) -> Option<usize> {
        let a = self.knowledge.article(&cite.article)?;
        let p = a.paragraphs.get(cite.paragraph as usize - 1)?;
        p.sentences
            .iter()
            .find(|s| s.start <= cite.start && cite.start < s.end)
            .and_then(|s| self.sent_by_id.get(&s.id))
    }

    pub(crate) fn facts_by_speaker(&self, sp: &Speaker) -> Vec<(FactRef, f32)> {
        let mut facts: Vec<(FactRef, f32)> = self
            .by_speaker
            .get(sp)
            .map(|v| {
                v.iter()
                    .map(|&f| {
                        (
                            f,
                            if matches!(f, FactRef::Quote(_)) {
                                self.settings.tuning.said.quote
                            } else {
                                self.settings.tuning.said.statement
                            },
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        // Quotes first, then statements, each in reading order.
        facts.sort_by_key(|f| (matches!(f.0, FactRef::Statement(_)), self.fact_order(f.0)));
        facts
    }

    /// Everything said by a person: own words, reported speech, and their spokespeople.
    pub(crate) fn facts_of_person(&self, p: usize) -> Vec<(FactRef, f32)> {
        let id = self.knowledge.people[p].id.clone();
        let mut facts = self.facts_by_speaker(&Speaker::Person(id.clone()));
        for &si in self.sources_for_person.get(&id).into_iter().flatten() {
            let s = &self.knowledge.sources[si];
            for (f, score) in self.facts_by_speaker(&Speaker::Source(s.id.clone())) {
                facts.push((f, score + self.settings.tuning.said.through_source));
            }
        }
        facts
    }

    /// Does a fact bear on the question's subject (its topic words and topics)?
    pub(crate) fn topic_fit(&self, q: &Query, f: FactRef, topic_terms: &[String]) -> f32 {
        let Some(s) = self.fact_sentence(f) else {
            return 0.0;
        };
        let said = &self.settings.tuning.said;
        let mut score = 0.0;
        let rec = &self.sents[s];
        for t in &q.topics {
            if rec.topics.contains(t) {
                score += said.topic_in_sentence;
            } else if self
                .sents
                .iter()
                .skip(s.saturating_sub(6))
                .take(13)
                .any(|o| o.article == rec.article && o.para == rec.para && o.topics.contains(t))
            {
                // A quote often sits in a paragraph whose other sentence names the topic.
                score += said.topic_in_paragraph;
            }
        }
        // Membership through the index's postings: no re-tokenising at answer time.
        let has = |term: &str| self.index.has(term, s as u32);
        // The other sentences of the fact's paragraph: a quote's subject is often named in the
        // sentence before it ("The row was settled at 18 percent. Faure called the figure ...").
        let paragraph: Vec<u32> = self
            .sents
            .iter()
            .enumerate()
            .skip(s.saturating_sub(6))
            .take(13)
            .filter(|(o, r)| *o != s && r.article == rec.article && r.para == rec.para)
            .map(|(o, _)| o as u32)
            .collect();
        for t in topic_terms {
            // The question's own stand-ins for the word: WordNet relatives the sources use
            // ("shelling" -> bombardment, "signing" -> signature).
            let group = q.terms.iter().find(|x| &x.stem == t).map(|x| x.group);
            let related = |within: &dyn Fn(&str) -> bool| {
                q.terms.iter().any(|x| {
                    Some(x.group) == group && x.origin == TermOrigin::Related && within(&x.stem)
                })
            };
            let in_paragraph = |term: &str| paragraph.iter().any(|&o| self.index.has(term, o));
            if has(t) {
                score += said.word + self.index.idf(t) * said.word_idf;
            } else if self
                .lex
                .synonyms
                .get(t)
                .is_some_and(|syns| syns.iter().any(|x| has(x)))
            {
                score += said.word_synonym;
            } else if related(&has) {
                score += said.word_related;
            } else if in_paragraph(t) || related(&in_paragraph) {
                score += said.word_in_paragraph;
            }
        }
        score
    }

    pub(crate) fn fact_order(&self, f: FactRef) -> (usize, u32) {
        let s = self.fact_sentence(f).unwrap_or(usize::MAX);
        let sub = match f {
            FactRef::Quote(i) => self.knowledge.quotes[i].cite.start,
            _ => 0,
        };
        (s, sub)
    }
}
