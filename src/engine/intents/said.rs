//! "What did X say (about T)?" and "Who said T?": quotes and statements by speaker, fitted to
//! the topic asked.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::{escape_markdown, Answer};
use crate::engine::compose::{count_of, lower_first};
use crate::engine::decide::{DeclineReason, Floor};
use crate::engine::understand::salience::{absent_weight, Salience};
use crate::engine::understand::Query;
use crate::engine::{Engine, FactRef};
use crate::knowledge::Speaker;
use crate::text::tokenize;

impl Engine {
    /// The words asked as a speaker when they name someone the sources do not quote: the
    /// last word of who is asked about is a person or a group ("the monks", "the society",
    /// "the head of the commission") or a name English does not know ("Tork"), and no person,
    /// party or source was found for it. A document ("the plan") or a pronoun is not.
    fn unquoted_speaker(&self, q: &Query) -> Option<String> {
        let x = q.intent.x.as_deref()?;
        let words = tokenize(x);
        let head = words
            .iter()
            .rev()
            .find(|t| !self.lex.stopwords.contains(&t.norm) && !t.numeric)?;
        if self.lex.followup_pronouns.contains(&head.norm) {
            return None;
        }
        let e = crate::english::english();
        let speaker = match e.noun_class(&head.norm) {
            Some(class) => self
                .knowledge
                .lexicon
                .language
                .speaker_noun_classes
                .iter()
                .any(|c| c == class),
            None => e.zipf(&head.norm).is_none(),
        };
        speaker.then(|| lower_first(x, &self.lex.lowered_openers))
    }

    /// The stems of whom something was told ("told *the Assembly*", "tell *reporters*"): the
    /// words right after an `audience_verbs` word, up to a preposition such as "about".
    fn audience_stems(&self, q: &Query) -> Vec<String> {
        let verbs = &self.knowledge.lexicon.language.audience_verbs;
        // Any form of the verbs: "tell" is "told" (an irregular form stems as its lemma).
        let stems: Vec<String> = verbs.iter().map(|v| self.stem(v)).collect();
        let Some(at) = q
            .tokens
            .iter()
            .position(|t| stems.contains(&self.stem(&t.norm)))
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for t in &q.tokens[at + 1..] {
            if self.lex.description_openers.contains(&t.norm) && out.is_empty() {
                continue;
            }
            if self.lex.stopwords.contains(&t.norm) || out.len() == 3 {
                break;
            }
            out.push(self.stem(&t.norm));
        }
        out
    }

    pub(crate) fn said_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        let said = &self.settings.tuning.said;
        let mut topic_terms = self.topic_terms(q);
        // "What did the minister tell the Assembly": whom it was said to is not what about.
        let audience = self.audience_stems(q);
        topic_terms.retain(|t| !audience.contains(t));
        // "What did Svyrydenko say about Ukraine joining NATO": her own country's name is who
        // speaks, not what about; a quote naming Ukraine does not fit the topic by that word.
        if let (Some(&p), false) = (q.people.first(), q.subject_is_party) {
            if let Some(own) = k.people[p]
                .affiliation
                .as_deref()
                .and_then(|a| k.lexicon.parties.iter().find(|party| party.id == a))
            {
                let own_stems: HashSet<String> = own
                    .aliases
                    .iter()
                    .flat_map(|alias| tokenize(alias))
                    .map(|t| self.stem(&t.norm))
                    .collect();
                topic_terms.retain(|t| !own_stems.contains(t));
            }
        }
        // "What does the US plan say about the Zaporizhzhia plant": a name the sources never
        // use is what the question is about, and no quote is about it.
        let never_used: Vec<String> = q
            .terms
            .iter()
            .filter(|t| t.is_typed() && !t.slot && topic_terms.contains(&t.stem))
            .filter(|t| !self.index.contains(&t.stem))
            // A name-like word: not English at all, and not a misspelling the engine mended.
            .filter(|t| {
                !q.terms
                    .iter()
                    .any(|o| o.group == t.group && o.stem != t.stem && !o.slot)
                    && q.tokens.get(t.group).is_some_and(|tok| {
                        crate::english::english().zipf(&tok.norm).is_none()
                            && absent_weight(
                                &tok.norm,
                                self.settings.tuning.terms.common_zipf,
                                &k.lexicon.language.framing_noun_classes,
                            ) == Salience::Rare
                    })
            })
            .map(|t| t.stem.clone())
            .collect();
        // Unless the rest of the topic is there ("Aldane's jibe about the desserts").
        let rest_known = topic_terms
            .iter()
            .any(|t| !never_used.contains(t) && self.index.contains(t));
        if !never_used.is_empty() && !rest_known {
            return self.decline(
                clean,
                q,
                DeclineReason::WordsNeverUsed(never_used),
                Vec::new(),
            );
        }
        let has_topic = !q.topics.is_empty() || !topic_terms.is_empty();
        // Who: a person, else an unnamed source, else a party.
        let (facts, who): (Vec<(FactRef, f32)>, String) = if let (Some(&p), false, false) =
            (q.people.first(), q.subject_is_party, q.subject_not_found)
        {
            (self.facts_of_person(p), k.people[p].name.clone())
        } else if !q.unknown_names.is_empty() {
            return self.absent(clean, q);
        } else if let (Some(&p), false) = (q.parties.first(), q.subject_not_found) {
            let party = &k.lexicon.parties[p];
            let mut facts = Vec::new();
            for &i in self.people_by_party.get(&party.id).into_iter().flatten() {
                facts.extend(self.facts_of_person(i));
            }
            for s in k.sources.iter().filter(|s| {
                s.affiliation.as_deref() == Some(party.id.as_str()) && s.on_behalf_of.is_none()
            }) {
                facts.extend(self.facts_by_speaker(&Speaker::Source(s.id.clone())));
            }
            (facts, party.name.clone())
        } else if let Some(x) = q.intent.x.clone().filter(|x| {
            tokenize(x)
                .iter()
                .any(|t| self.lex.source_nouns.contains(&t.norm))
        }) {
            let xs: HashSet<String> = tokenize(&x)
                .iter()
                .filter(|t| !self.lex.stopwords.contains(&t.norm))
                .map(|t| self.stem(&t.norm))
                .collect();
            let mut facts = Vec::new();
            let mut fits = false;
            for (i, s) in k.sources.iter().enumerate() {
                if xs.iter().all(|w| self.source_stems[i].contains(w)) {
                    fits = true;
                    facts.extend(self.facts_by_speaker(&Speaker::Source(s.id.clone())));
                }
            }
            let x = lower_first(&x, &self.lex.lowered_openers);
            if !fits {
                // No unnamed source the sources mention fits "the opposition politician":
                // they are not "mentioned but never quoted", they are not there.
                return self.decline(clean, q, DeclineReason::NoWordsOf(x), Vec::new());
            }
            (facts, x)
        } else if let Some(x) = self.unquoted_speaker(q) {
            // "What did the Red Lantern Society say": someone the sources have no words
            // of; a sentence that only names them is not what they said.
            return self.decline(clean, q, DeclineReason::NoWordsOf(x), Vec::new());
        } else {
            // "What does the plan say about X": a document's words are searched for.
            return self.search_answer(clean, q);
        };
        let party_subject = q.subject_is_party || q.people.is_empty() && !q.parties.is_empty();
        if facts.is_empty() && party_subject {
            // A country speaks through its officials and its stated positions.
            return self.position_answer(clean, q);
        }
        if facts.is_empty() {
            // Mentioned, never quoted: say so, with what the sources report about them.
            let mut about = Vec::new();
            if let Some(&p) = q.people.first() {
                for m in &k.people[p].mentions {
                    if let Some(s) = self.sent_by_id.get(m) {
                        about.push((FactRef::Sentence(s), 1.0));
                    }
                }
            }
            return self.decline(clean, q, DeclineReason::NeverQuoted(who), about);
        }
        let way = self.said_way(q);
        let mut ranked: Vec<(FactRef, f32)> = if has_topic {
            facts
                .iter()
                .map(|&(f, base)| {
                    let fit = self.topic_fit(q, f, &topic_terms);
                    (f, fit * said.fit_scale + base * said.kind_share)
                })
                .map(|(f, score)| (f, score + way(f)))
                .filter(|x| x.1 >= said.fit_floor)
                .collect()
        } else {
            facts.iter().map(|&(f, base)| (f, base + way(f))).collect()
        };
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(self.fact_order(a.0).cmp(&self.fact_order(b.0)))
        });
        // A statement and a quote from the same sentence: keep the quote (shorter, own words).
        let quote_sents: HashSet<usize> = ranked
            .iter()
            .filter(|f| matches!(f.0, FactRef::Quote(_)))
            .filter_map(|f| self.fact_sentence(f.0))
            .collect();
        ranked.retain(|f| {
            !matches!(f.0, FactRef::Statement(_))
                || !self
                    .fact_sentence(f.0)
                    .is_some_and(|s| quote_sents.contains(&s))
        });
        if ranked.is_empty() && party_subject {
            return self.position_answer(clean, q);
        }
        if ranked.is_empty() {
            let topic = self.asked_topic(q);
            return self.decline(
                clean,
                q,
                DeclineReason::NotQuotedOnTopic { who, topic },
                Vec::new(),
            );
        }
        let n_quotes = ranked
            .iter()
            .filter(|f| matches!(f.0, FactRef::Quote(_)))
            .count();
        let lead = if has_topic {
            format!(
                "What **{}** said on that, in the sources' words:",
                escape_markdown(&who)
            )
        } else {
            format!(
                "What **{}** said ({}, {} reported):",
                escape_markdown(&who),
                count_of(n_quotes, "direct quote", "direct quotes"),
                ranked.len() - n_quotes
            )
        };
        self.finish(clean, q, lead, ranked, true)
    }

    /// How well a fact was said the way the question asks ("what did she post", "in his
    /// statement", "on x"): the question's reporting verbs and speech nouns in the fact's
    /// sentence, its other words in the quote's channel ("on X", "in an interview"). It counts
    /// like topic fit; no fact is dropped for lacking it (`[said] said_way`).
    fn said_way(&self, q: &Query) -> impl Fn(FactRef) -> f32 + '_ {
        let speech: Vec<String> = q
            .terms
            .iter()
            .filter(|t| t.is_subject_word() && self.lex.speech_stems.contains(&t.stem))
            .map(|t| t.stem.clone())
            .collect();
        let asked: HashSet<String> = q
            .tokens
            .iter()
            .filter(|t| !self.lex.stopwords.contains(&t.norm))
            .map(|t| t.norm.clone())
            .collect();
        let weight = self.settings.tuning.said.said_way;
        move |f: FactRef| {
            let mut matched = 0.0;
            if let Some(s) = self.fact_sentence(f) {
                if speech.iter().any(|t| self.index.has(t, s as u32)) {
                    matched += 1.0;
                }
            }
            if let FactRef::Quote(i) = f {
                let channel = self.knowledge.quotes[i].channel.as_deref().unwrap_or("");
                if tokenize(channel)
                    .iter()
                    .any(|t| !self.lex.stopwords.contains(&t.norm) && asked.contains(&t.norm))
                {
                    matched += 1.0;
                }
            }
            matched * weight
        }
    }

    pub(crate) fn who_said_answer(&self, clean: &str, q: &mut Query) -> Answer {
        if !q.unknown_names.is_empty() {
            return self.absent(clean, q);
        }
        let topic_terms = self.topic_terms(q);
        // The sentences that best match the words, then the quotes and statements in them.
        let mut facts: Vec<(FactRef, f32)> = Vec::new();
        let spoken = |s: usize| {
            self.quotes_in_sent.contains_key(&s) || self.statement_by_sent.contains_key(&s)
        };
        let said = &self.settings.tuning.said;
        for (s, _) in self
            .rank_sentences(q, said.read, spoken)
            .into_iter()
            .take(said.read)
        {
            for &i in self.quotes_in_sent.get(&s).into_iter().flatten() {
                if self.knowledge.quotes[i].speaker != Speaker::Unattributed {
                    facts.push((FactRef::Quote(i), 0.0));
                }
            }
            if let Some(&i) = self.statement_by_sent.get(&s) {
                facts.push((FactRef::Statement(i), 0.0));
            }
        }
        let mut ranked: Vec<(FactRef, f32)> = facts
            .into_iter()
            .map(|(f, _)| (f, self.topic_fit(q, f, &topic_terms)))
            .filter(|x| x.1 >= said.fit_floor)
            .collect();
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(self.fact_order(a.0).cmp(&self.fact_order(b.0)))
        });
        let Some(best) = ranked.first() else {
            return self.search_answer(clean, q);
        };
        if let Some(s) = self.fact_sentence(best.0) {
            if !Floor::WhoSaid.reached_by(self.coverage(q).of(s), &self.settings.tuning) {
                return self.search_answer(clean, q);
            }
        }
        let who = match best.0 {
            FactRef::Quote(i) => self.speaker_label(&self.knowledge.quotes[i].speaker),
            FactRef::Statement(i) => self.speaker_label(&self.knowledge.statements[i].speaker),
            _ => None,
        };
        let lead = match who {
            Some(w) => format!(
                "That was **{}**, in the sources' words:",
                escape_markdown(&w)
            ),
            None => "Here is who said it, in the sources' words:".into(),
        };
        self.finish(clean, q, lead, ranked, true)
    }
}

#[cfg(test)]
mod tests {
    /// A speaker's own country named in the question is who speaks, not the topic: asked about
    /// Ukraine joining NATO, Svyrydenko (never quoted on NATO) is declined on that topic, not
    /// answered with her quotes that merely name Ukraine; asked about a topic she spoke on, she
    /// is answered.
    #[test]
    fn the_speakers_own_country_is_not_the_topic() {
        let e = crate::engine::intents::seed();
        let a = e.ask("what did svyrydenko say abt ukraine joining nato", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("the speaker is not quoted on that topic")
        );
        let a = e.ask(
            "what did svyrydenko say about a ceasefire for ukraine",
            None,
        );
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.citations().any(|c| c.quote.contains("ceasefire")));
    }
}

#[cfg(test)]
mod unquoted_speaker_tests {
    use crate::engine::intents::engine_from;

    fn town() -> crate::engine::Engine {
        engine_from(&[(
            "town",
            "2026-10-11",
            "According to Ada Brisk, the exchange will be \"supervised by the Red Lantern \
             Society and nobody else\".\n\n\
             Mayor Carla Brunn said the council had written to the ministry three times. \
             \"We have had one reply, and it was a leaflet,\" the mayor said.\n\n\
             The framework says the corridor will be 18 kilometres wide.",
        )])
    }

    /// "What did the Red Lantern Society say": a body or person the sources have no words of
    /// is declined, not answered with a sentence that names them; a document's words are
    /// still looked up, and a role held beside a place's name is that person's.
    #[test]
    fn a_speaker_the_sources_never_quote_is_declined() {
        let e = town();
        for q in [
            "what did the red lantern society say about the exchange",
            "what did the monks say about the corridor",
        ] {
            let a = e.ask(q, None);
            assert!(!a.answered, "{q}: {}", a.to_markdown());
            assert_eq!(
                a.explanation.decline_reason.as_deref(),
                Some("no words of that speaker in the sources"),
                "{q}"
            );
        }
        let a = e.ask("what did carla brunn tell the reporters", None);
        assert!(
            a.answered,
            "whom it was told is not the topic: {}",
            a.to_markdown()
        );
        let a = e.ask("what does the framework say about the corridor", None);
        assert!(a.answered, "{}", a.to_markdown());
        let a = e.ask("what did town's mayor say about the ministry", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.citations().any(|c| c.quote.contains("leaflet")));
    }
}

#[cfg(test)]
mod never_used_topic_tests {
    /// A name the sources never use as the topic declines the question, whoever is asked
    /// about; a misspelling the engine mends ("crimia") does not.
    #[test]
    fn a_name_the_sources_never_use_declines_a_said_question() {
        let e = crate::engine::intents::seed();
        let a = e.ask(
            "what does the us plan say about the zaporizhzhia nuclear plant",
            None,
        );
        assert!(!a.answered, "{}", a.to_markdown());
        assert!(a
            .explanation
            .decline_reason
            .as_deref()
            .is_some_and(|r| r.starts_with("words the sources never use")));
        let a = e.ask("what did svyrydenko say about crimia", None);

        assert!(a.answered, "{}", a.to_markdown());
    }
}

#[cfg(test)]
mod unnamed_speaker_tests {
    /// "What did the opposition politician say" where no unnamed source of the sources fits the
    /// description: declined as someone the sources have no words of, never as someone they
    /// "mention"; a description that fits an unnamed source still finds its words.
    #[test]
    fn a_described_speaker_no_source_fits_is_not_said_to_be_mentioned() {
        let e = crate::engine::intents::engine_from(&[(
            "gulf",
            "2027-05-11",
            "A senior official in Velmar said the seizure was \"a provocation\".\n\n\
             The talks resume on Monday.",
        )]);
        let a = e.ask("what did the opposition politician say", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no words of that speaker in the sources")
        );
        assert!(!a.to_markdown().contains("mention"), "{}", a.to_markdown());
        let a = e.ask("what did the official say", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(
            a.to_markdown().contains("a provocation"),
            "{}",
            a.to_markdown()
        );
    }
}

#[cfg(test)]
mod speaker_in_topic_tests {
    /// "What did the senator say about Kovaly's troops": the person named in the topic is what
    /// is asked about, not who is asked; with no senator in the sources the question is
    /// declined, never answered with Kovaly's words. Asked of Kovaly himself, or of a role
    /// that finds him, it is answered.
    #[test]
    fn a_person_named_only_in_the_topic_is_not_the_speaker() {
        let e = crate::engine::intents::engine_from(&[(
            "dam",
            "2027-05-11",
            "General Piotr Kovaly, the army chief, said the troops were \"there for the \
             concrete, not for the neighbours\".\n\n\
             The talks resume on Monday.",
        )]);
        for q in [
            "what did the senator say about kovaly's troops",
            "what did the fisherman think of general kovaly",
        ] {
            let a = e.ask(q, None);
            assert!(!a.answered, "{q}: {}", a.to_markdown());
            assert_eq!(
                a.explanation.decline_reason.as_deref(),
                Some("no words of that speaker in the sources"),
                "{q}"
            );
        }
        for q in [
            "what did kovaly say about the troops",
            "what did the army chief say about the troops",
        ] {
            let a = e.ask(q, None);
            assert!(a.answered, "{q}: {}", a.to_markdown());
            assert!(a.to_markdown().contains("for the concrete"), "{q}");
        }
    }
}
