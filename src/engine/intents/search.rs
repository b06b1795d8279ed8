//! Search, the fallback of every answer kind: the best sentences for the question's words and
//! slots, with leads for when, where, how many, why and proposals.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::{escape_markdown, Answer};
use crate::engine::decide::{DeclineReason, Floor};
use crate::engine::understand::salience::{absent_weight, Salience};
use crate::engine::understand::{Query, Recency, Term};
use crate::engine::{Engine, FactRef};
use crate::intent::Intent;
use crate::text::tokenize;

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

    /// The stems that name what a "how many" / "how much" question counts: the first content
    /// word after it, with its synonyms and relatives (for "how many yrs": year). None when the
    /// question does not say ("how many are there?").
    pub(crate) fn counted_terms(&self, q: &Query) -> Option<Vec<String>> {
        self.counted_at(q).map(|(_, terms)| terms)
    }

    /// [`Engine::counted_terms`] with the index of the first token after the count phrase.
    /// True when the question asks how long or how far (`measure_questions`).
    fn asks_measure(&self, q: &Query) -> bool {
        let words: Vec<&str> = q.tokens.iter().map(|t| t.norm.as_str()).collect();
        self.knowledge
            .lexicon
            .language
            .measure_questions
            .iter()
            .any(|phrase| {
                let p: Vec<&str> = phrase.split_whitespace().collect();
                !p.is_empty() && words.windows(p.len()).any(|w| w == p.as_slice())
            })
    }

    /// What a "how long" question measures: the first noun after its phrase with terms of its
    /// own ("how long would *the ceasefire* last"), as that word's stems and its stand-ins';
    /// empty when none follows.
    fn measured_thing(&self, q: &Query) -> Vec<String> {
        let words: Vec<&str> = q.tokens.iter().map(|t| t.norm.as_str()).collect();
        let after = self
            .knowledge
            .lexicon
            .language
            .measure_questions
            .iter()
            .find_map(|phrase| {
                let p: Vec<&str> = phrase.split_whitespace().collect();
                let at = words
                    .windows(p.len().max(1))
                    .position(|w| w == p.as_slice())?;
                Some(at + p.len())
            });
        let Some(after) = after else {
            return Vec::new();
        };
        (after..q.tokens.len())
            // The thing is a noun (or a word English does not tag): not "back" or "heavy" in
            // "how far back do the heavy weapons go".
            .find(|&k| {
                !matches!(
                    crate::english::english().pos(&q.tokens[k].norm),
                    crate::english::Pos::Adverb
                        | crate::english::Pos::Adjective
                        | crate::english::Pos::Verb
                ) && q.terms.iter().any(|t| t.group == k)
            })
            .map(|k| {
                let mut stems: Vec<String> = q
                    .terms
                    .iter()
                    .filter(|t| t.group == k)
                    .map(|t| t.stem.clone())
                    .collect();
                if let Some(syns) = stems.first().and_then(|s| self.lex.synonyms.get(s)) {
                    stems.extend(syns.iter().cloned());
                }
                stems
            })
            .unwrap_or_default()
    }

    /// True when number `n` is given in a unit of time or distance (`measure_units`): "the
    /// three-year conflict", "a 12 km zone".
    fn in_units(&self, n: usize) -> bool {
        let units = &self.knowledge.lexicon.language.measure_units;
        let number = &self.knowledge.numbers[n];
        tokenize(&number.measures)
            .iter()
            .flat_map(|t| t.norm.split('-').map(str::to_string).collect::<Vec<_>>())
            .any(|w| {
                let w = self.stem(&w);
                units.iter().any(|u| self.stem_ref(u) == w.as_str())
            })
    }

    fn counted_at(&self, q: &Query) -> Option<(usize, Vec<String>)> {
        // The first count phrase ("how many", `count_phrases`) and the word after it.
        let after = (0..q.tokens.len()).find_map(|at| {
            self.lex.count_phrases.iter().find_map(|phrase| {
                let words = q.tokens.get(at..at + phrase.len())?;
                words
                    .iter()
                    .zip(phrase)
                    .all(|(t, w)| &t.norm == w)
                    .then_some(at + phrase.len())
            })
        })?;
        // A party's name or demonym before the noun says whose, not what ("how many Halvarki
        // soldiers"): the noun after it is what is counted.
        // Nor is a word that only says which report ("how much did Iskeria *first* pledge"):
        // it has no terms, and the next word with some is what is counted.
        let in_span = |k: usize| q.spans.iter().any(|s| (s.2..s.3).contains(&k));
        let group = |k: usize| -> Vec<String> {
            q.terms
                .iter()
                .filter(|t| t.group == k)
                .map(|t| t.stem.clone())
                .collect()
        };
        let open = |k: usize| {
            let t = &q.tokens[k].norm;
            !self.lex.stopwords.contains(t) && !q.tokens[k].numeric && !in_span(k)
        };
        let first = (after..q.tokens.len()).find(|&k| open(k) && !group(k).is_empty())?;
        let mut counted = group(first);
        // "How many ferry trips": a noun right after the first word is the compound's head,
        // and counts as what is counted too.
        let mut end = first + 1;
        while end < q.tokens.len()
            && end < first + 3
            && open(end)
            && crate::english::english().pos(&q.tokens[end].norm) == crate::english::Pos::Noun
        {
            counted.extend(group(end));
            end += 1;
        }
        // A report counts the thing in its own word ("120 observers" for monitors): the words
        // of `config/news_thesaurus.tsv` the sources use count it as well.
        for t in &q.tokens[first..end] {
            for word in crate::english::thesaurus(&t.norm) {
                let st = self.stem(word);
                if self.index.contains(&st) && !counted.contains(&st) {
                    counted.push(st);
                }
            }
        }
        Some((after, counted))
    }

    /// "How many prisoners ...", when articles of different dates give different counts: the
    /// newest report's count leads and the earlier ones follow, newest first, one per article,
    /// each with its date (an "original" question puts the earliest first). Reorders `kept`
    /// and returns the lead saying what changed; None when the sources give one version or the
    /// best sentence is already the newest (earliest) report's.
    fn number_versions(&self, q: &Query, kept: &mut [(usize, f32)]) -> Option<String> {
        let counted = self.counted_terms(q)?;
        let k = &self.knowledge;
        // The best sentence of each article that counts the thing asked, with that number,
        // among those about as relevant as the best one: a weaker sentence counting the same
        // noun is another fact ("patient for ninety days"), not an earlier version.
        let band = kept.iter().map(|k| k.1).fold(0.0, f32::max)
            * self.settings.tuning.recency.version_band;
        let mut versions: Vec<(usize, usize)> = Vec::new();
        for &(s, _) in kept.iter().filter(|k| k.1 >= band) {
            let article = self.sents[s].article;
            if versions
                .iter()
                .any(|&(o, _)| self.sents[o].article == article)
            {
                continue;
            }
            // An amount is often given without its noun ("raised its pledge to $60 million"):
            // in a sentence that names what is counted, its one number, when nothing but
            // digits and number words, is the one asked ("400 prisoners" counts prisoners,
            // whatever else its sentence names).
            let bare = |i: usize| {
                tokenize(&k.numbers[i].measures)
                    .iter()
                    .all(|t| t.numeric || self.lex.number_words.contains_key(&t.norm))
            };
            let number = self.numbers_by_sent.get(&s).and_then(|ns| {
                ns.iter()
                    .copied()
                    .find(|&i| {
                        tokenize(&k.numbers[i].measures)
                            .iter()
                            .any(|t| counted.contains(&self.stem(&t.norm)))
                    })
                    .or_else(|| {
                        (ns.len() == 1
                            && bare(ns[0])
                            && counted.iter().any(|t| self.index.has(t, s as u32)))
                        .then_some(ns[0])
                    })
            });
            if let Some(n) = number {
                versions.push((s, n));
            }
        }
        let values: HashSet<&str> = versions
            .iter()
            .map(|&(_, n)| k.numbers[n].number.as_str())
            .collect();
        if values.len() < 2 {
            return None;
        }
        let date = |s: usize| k.articles[self.sents[s].article].published.as_str();
        versions.sort_by(|a, b| date(b.0).cmp(date(a.0)));
        let earliest = q.when_reported == Recency::Earliest;
        if earliest {
            versions.reverse();
        }
        // When the best sentence is already the wanted report's, the ranking stands.
        if kept.first().map(|k| self.sents[k.0].article) == Some(self.sents[versions[0].0].article)
        {
            return None;
        }
        let order: Vec<usize> = versions.iter().map(|v| v.0).collect();
        kept.sort_by_key(|(s, _)| order.iter().position(|o| o == s).unwrap_or(usize::MAX));
        let (first, n) = versions[0];
        let word = if earliest {
            ("earliest", "later")
        } else {
            ("latest", "earlier")
        };
        let others: Vec<String> = versions[1..]
            .iter()
            .map(|&(s, n)| format!("{} ({})", k.numbers[n].number, date(s)))
            .collect();
        Some(format!(
            "The {} report ({}, {}) gives \"{}\"; {} reports gave {}:",
            word.0,
            escape_markdown(&k.articles[self.sents[first].article].source),
            date(first),
            k.numbers[n].measures,
            word.1,
            others.join(", ")
        ))
    }

    /// True when the question asks for someone: its first question word is "who" or "whom".
    pub(crate) fn asks_for_someone(&self, q: &Query) -> bool {
        q.tokens
            .iter()
            .find(|t| self.lex.question_words.contains(&t.norm))
            .is_some_and(|t| t.norm == "who" || t.norm == "whom")
    }

    /// True when sentence `s` names someone the question does not: a person or a party of
    /// its own, or a word in capitals past its first word that is neither a word of the
    /// question nor one of `not_names` (a body such as "the Joint Commission").
    fn names_someone(&self, s: usize, q: &Query) -> bool {
        let r = &self.sents[s];
        if r.people.iter().any(|p| !q.people.contains(p))
            || r.parties.iter().any(|p| !q.parties.contains(p))
        {
            return true;
        }
        self.new_capitalised_words(s, q).next().is_some()
    }

    /// The words in capitals of sentence `s` past its first word that are neither words of the
    /// question nor one of `not_names` ("Monday", "The"), lowercase.
    fn new_capitalised_words<'a>(
        &'a self,
        s: usize,
        q: &'a Query,
    ) -> impl Iterator<Item = String> + 'a {
        let not_names = &self.knowledge.lexicon.language.not_names;
        tokenize(self.sentence_text(s))
            .into_iter()
            .skip(1)
            .filter(move |t| {
                t.capital
                    && !t.numeric
                    && !q.tokens.iter().any(|a| a.norm == t.norm)
                    && !not_names.iter().any(|n| n.eq_ignore_ascii_case(&t.norm))
            })
            .map(|t| t.norm)
    }

    /// The kind of place a question asks for by name: "which" or "what" with one of
    /// `asked_place_nouns` among the next three words; true when it is a country's kind.
    fn asked_place_kind(&self, q: &Query) -> Option<bool> {
        let lang = &self.knowledge.lexicon.language;
        let at = q
            .tokens
            .iter()
            .position(|t| t.norm == "which" || t.norm == "what")?;
        let stems =
            |list: &[String]| -> Vec<String> { list.iter().map(|w| self.stem(w)).collect() };
        let kinds = stems(&lang.asked_place_nouns);
        let countries = stems(&lang.country_nouns);
        q.tokens[at + 1..].iter().take(3).find_map(|t| {
            let st = self.stem(&t.norm);
            kinds.contains(&st).then(|| countries.contains(&st))
        })
    }

    /// True when sentence `s` names a place the question does not: a word in capitals that
    /// is no one's name in it and, unless a country was asked for, no party's.
    fn names_place(&self, s: usize, q: &Query, country: bool) -> bool {
        let k = &self.knowledge;
        self.new_capitalised_words(s, q).any(|w| {
            !self.name_words.contains_key(&w)
                && (country
                    || !k
                        .lexicon
                        .parties
                        .iter()
                        .any(|p| p.aliases.iter().any(|a| a.eq_ignore_ascii_case(&w))))
        })
    }

    /// True when the question asks how something turned out, in the past: one of
    /// `outcome_words` ("go", "agreed", "signed") with one of `past_asked_words` ("did", "was").
    fn asks_outcome(&self, q: &Query) -> bool {
        let has = |set: &HashSet<String>| q.tokens.iter().any(|t| set.contains(&t.norm));
        has(&self.lex.outcome_words) && has(&self.lex.past_asked_words)
    }

    /// True when sentence `s` tells of something still to come: a future word ("will",
    /// "next": `future_words`) or a date after its report's own day.
    fn still_ahead(&self, s: usize) -> bool {
        let r = &self.sents[s];
        let text = &self.knowledge.articles[r.article].paragraphs[r.para].text[r.start..r.end];
        tokenize(text)
            .iter()
            .any(|t| self.lex.future_words.contains(&t.norm))
            || self
                .events_by_sent
                .get(&s)
                .is_some_and(|events| events.iter().any(|&e| self.dated_after(e, s, false)))
    }

    /// True when event `e` of sentence `s` is dated on or after the day its article was
    /// published (a range by its end, a year by itself).
    fn dated_ahead(&self, e: usize, s: usize) -> bool {
        self.dated_after(e, s, true)
    }

    /// True when event `e` of sentence `s` is dated after its article's day (or on it, with
    /// `same_day`).
    fn dated_after(&self, e: usize, s: usize, same_day: bool) -> bool {
        let Some(date) = self.knowledge.events[e].date.as_deref() else {
            return false;
        };
        let end = date.rsplit('/').next().unwrap_or(date);
        let published = &self.knowledge.articles[self.sents[s].article].published;
        if same_day {
            end >= published.as_str() || published.starts_with(end)
        } else {
            end > published.as_str() && !published.starts_with(end)
        }
    }

    /// "Why did the mission grow": news writing often states the event in one sentence and
    /// gives its cause in the next ("... has now grown to 175 people. The latest increase came
    /// after ..."). Among the sentences that would be shown, one without a cause cue whose
    /// next sentence in the paragraph has one brings that sentence right after it, at
    /// `[rank] cause_next` of its score (0 turns this off).
    fn causes_after_events(&self, kept: &mut Vec<(usize, f32)>) {
        let share = self.settings.tuning.rank.cause_next;
        if share <= 0.0 {
            return;
        }
        let shown = self.settings.max_quotes.max(1);
        let (mut k, mut looked) = (0, 0);
        while k < kept.len().min(shown) && looked < shown {
            let (s, score) = kept[k];
            looked += 1;
            let n = s + 1;
            let follows = n < self.sents.len()
                && self.sents[n].article == self.sents[s].article
                && self.sents[n].para == self.sents[s].para;
            if self.has_cause(s) || !follows || !self.has_cause(n) {
                k += 1;
                continue;
            }
            match kept.iter().position(|x| x.0 == n) {
                Some(at) if at <= k + 1 => {
                    k += 1;
                    continue;
                }
                Some(at) => {
                    kept.remove(at);
                }
                None => {}
            }
            kept.insert(k + 1, (n, score * share));
            k += 2;
        }
    }

    pub(crate) fn when_lead(&self, s: usize) -> String {
        match self.events_by_sent.get(&s).and_then(|e| e.first()) {
            Some(&e) => {
                let ev = &self.knowledge.events[e];
                match &ev.date {
                    Some(d) => format!(
                        "The sources date it \"{}\", that is {}:",
                        ev.when_text,
                        d.replace('/', " to ")
                    ),
                    None => format!("The sources date it \"{}\":", ev.when_text),
                }
            }
            None => "The sources don't give an exact date; this is what they say:".into(),
        }
    }

    pub(crate) fn where_lead(&self, s: usize) -> String {
        match self.events_by_sent.get(&s).and_then(|e| {
            e.iter()
                .find_map(|&i| self.knowledge.events[i].place.clone())
        }) {
            Some(p) => format!("The sources place it in **{}**:", escape_markdown(&p)),
            None => "Here is what the sources say about where:".into(),
        }
    }

    pub(crate) fn number_lead(&self, s: usize, q: &Query) -> String {
        let terms: HashSet<&str> = q.terms.iter().map(|t| t.stem.as_str()).collect();
        let best = self.numbers_by_sent.get(&s).and_then(|ns| {
            ns.iter().copied().max_by_key(|&i| {
                tokenize(&self.knowledge.numbers[i].measures)
                    .iter()
                    .filter(|t| terms.contains(self.stem(&t.norm).as_str()))
                    .count()
            })
        });
        match best {
            Some(i) => format!(
                "The sources give: \"{}\".",
                self.knowledge.numbers[i].measures
            ),
            None => "Here is what the sources say:".into(),
        }
    }

    /// "What is the Orsa enclave?", "sorry but what's crimea exactly": the thing asked about
    /// is the rest of the question after "what is"; among the sentences kept, those that say
    /// what it is (its name followed by a definition link from `config/language.toml`, as in
    /// "Crimea, the Ukrainian peninsula ...") come first, each group keeping its order.
    fn definitions_first(&self, q: &Query, kept: &mut [(usize, f32)]) {
        let links = &self.knowledge.lexicon.language.definition_links;
        if links.is_empty() || !q.people.is_empty() {
            return;
        }
        // Adverbs between the question's words ("wat even is crimea", "what exactly is the
        // line") do not change what is asked.
        let asking = |w: &str| {
            self.lex
                .definition_questions
                .iter()
                .flatten()
                .any(|d| d == w)
        };
        let norms: Vec<&str> = q
            .tokens
            .iter()
            .map(|t| t.norm.as_str())
            .filter(|w| {
                asking(w) || crate::english::english().pos(w) != crate::english::Pos::Adverb
            })
            .collect();
        let Some(at) = norms
            .windows(2)
            .position(|w| self.lex.definition_questions.iter().any(|d| d == w))
        else {
            return;
        };
        // The thing's own words: not function words, not words that only shape the question
        // ("exactly", "again").
        let zipf = self.settings.tuning.terms.common_zipf;
        let words: Vec<&str> = norms[at + 2..]
            .iter()
            .copied()
            .filter(|w| {
                !self.lex.stopwords.contains(*w)
                    && !self.filler.contains(*w)
                    && absent_weight(w, zipf, &[]) != Salience::Generic
            })
            .collect();
        let Some(last) = words.last() else {
            return;
        };
        if words.len() > 4 {
            return;
        }
        let defines = |s: usize| {
            let text = self.sentence_text(s).to_lowercase();
            text.match_indices(last).any(|(i, _)| {
                let after = &text[i + last.len()..];
                links.iter().any(|l| after.starts_with(l.as_str()))
            })
        };
        kept.sort_by_key(|&(s, _)| !defines(s));
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    fn multi() -> Engine {
        super::super::own_multi(crate::engine::Tuning::default())
    }

    /// "When is the next round": the sources date only a past round, so they don't say when;
    /// asked about the past round, the same sentence answers.
    #[test]
    fn a_question_about_what_is_to_come_is_not_answered_by_a_past_date() {
        let e = super::super::own_quotes();
        let a = e.ask("when is the next round of talks scheduled", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no sentence gives the date asked for")
        );
        let a = e.ask("when did the last round of talks collapse", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.lead.contains("April"), "{}", a.lead);
    }

    /// "How tall is the dam": only a number in a unit of length answers it; a share of the
    /// dam's water does not.
    #[test]
    fn a_height_is_answered_only_by_a_number_in_a_unit() {
        let share = crate::engine::intents::engine_from(&[(
            "dam",
            "2026-11-02",
            "The Kerrow dam releases 36 percent of its water to the valley each year.",
        )]);
        let a = share.ask("how tall is the kerrow dam", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no sentence gives the number asked for")
        );
        let height = crate::engine::intents::engine_from(&[(
            "dam",
            "2026-11-02",
            "The Kerrow dam is 120 metres tall and releases 36 percent of its water each year.",
        )]);
        let a = height.ask("how tall is the kerrow dam", None);
        assert!(a.answered, "{}", a.to_markdown());
    }

    /// "How many more days does the army want": a later article's weaker sentence that counts
    /// days too ("patient for ninety days") is another fact, not a newer version of the count,
    /// so the best sentence keeps the lead.
    #[test]
    fn a_weak_later_count_of_the_same_noun_is_not_a_newer_version() {
        let e = crate::engine::intents::engine_from(&[
            (
                "debate",
                "2026-07-10",
                "The army has asked for at least sixty more days of truce along the river.",
            ),
            (
                "bridge",
                "2026-07-11",
                "“I have been patient for ninety days,” said a woman waiting at the bridge.",
            ),
        ]);
        let a = e.ask("how many more days of truce does the army want", None);
        assert!(a.answered, "{}", a.to_markdown());
        let first = a.citations().next().expect("a citation");
        assert!(
            first.quote.contains("sixty more days"),
            "{}",
            a.to_markdown()
        );
    }

    /// "How long would the ceasefire last": a sentence with no number in it does not answer
    /// a count, whatever it shares with the question; one with a number does.
    #[test]
    fn a_count_is_answered_only_by_a_sentence_with_a_number() {
        let e = crate::engine::intents::seed();
        for q in [
            "how long would the ceasefire last under the us plan",
            "how long will the talks take",
        ] {
            let a = e.ask(q, None);
            assert!(!a.answered, "{q}: {}", a.to_markdown());
            assert_eq!(
                a.explanation.decline_reason.as_deref(),
                Some("no sentence gives the number asked for"),
                "{q}"
            );
        }
        let a = e.ask("how long has the war been going on", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.citations().any(|c| c.quote.contains("three-year")));
    }

    /// "How did the meeting go": the sources report the meeting only as still to come, so the
    /// outcome is declined with them as background; asked when it is, they answer.
    #[test]
    fn an_outcome_the_sources_report_only_as_to_come_is_declined() {
        let e = crate::engine::intents::seed();
        let a = e.ask("so how did witkoff's meeting with putin go", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("the sources report it only as still to come")
        );
        assert!(a
            .citations()
            .any(|c| c.quote.contains("will meet with Putin")));
        let a = e.ask("when will witkoff meet putin", None);
        assert!(a.answered, "{}", a.to_markdown());
        let a = e.ask("what was agreed in london on wednesday", None);
        assert_ne!(
            a.explanation.decline_reason.as_deref(),
            Some("the sources report it only as still to come"),
            "a past meeting's sentences are not still to come"
        );
    }

    /// A count that later articles revise: the newest report's leads, the earlier ones follow
    /// newest first, and the lead names each with its date.
    #[test]
    fn a_revised_count_leads_with_the_latest_and_says_what_it_was() {
        let e = multi();
        let a = e.ask("how many prisoners will be exchanged", None);
        assert!(a.answered, "{}", a.to_markdown());
        let dates: Vec<&str> = a.citations().map(|c| c.published.as_str()).collect();
        assert!(dates.len() >= 2, "{dates:?}");
        assert!(dates.windows(2).all(|w| w[0] > w[1]), "{dates:?}");
        let newest = e
            .knowledge()
            .articles
            .iter()
            .map(|a| a.published.as_str())
            .max()
            .unwrap();
        assert_eq!(dates[0], newest);
        assert!(a.lead.starts_with("The latest report"), "{}", a.lead);
        for d in &dates {
            assert!(a.lead.contains(d), "{d} in {}", a.lead);
        }
        // "Originally" asks for the first report first.
        let first = e.ask("how many prisoners were originally to be exchanged", None);
        let dates: Vec<&str> = first.citations().map(|c| c.published.as_str()).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        // So do the nouns for a beginning ("at the outset", "their opening offer").
        for q in [
            "at the outset, how many prisoners were to be exchanged",
            "how many prisoners were to be exchanged at the beginning",
        ] {
            let a = e.ask(q, None);
            let dates: Vec<&str> = a.citations().map(|c| c.published.as_str()).collect();
            assert!(dates.len() >= 2, "{q}: {dates:?}");
            assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{q}: {dates:?}");
        }
    }

    /// "Why was the zone widened": one sentence covers the question's words well enough to
    /// answer; the reply still shows as many sentences as it has places, the nearest the
    /// sources come after it, and the one that answered leads.
    #[test]
    fn a_reply_fills_its_places_after_the_sentence_that_answered() {
        let mut off = crate::engine::Tuning::default();
        off.coverage.fill_share = 0.0;
        let alone = super::super::own_multi(off).ask("why was the zone widened", None);
        let filled = multi().ask("why was the zone widened", None);
        assert!(
            alone.answered && filled.answered,
            "{}",
            filled.to_markdown()
        );
        assert_eq!(alone.citations().count(), 1, "{}", alone.to_markdown());
        assert_eq!(filled.citations().count(), 3, "{}", filled.to_markdown());
        let first = |a: &crate::answer::Answer| a.citations().next().map(|c| c.quote.clone());
        assert_eq!(first(&alone), first(&filled));
    }

    /// "President Dobrev": her own title before her name names her; it is not a topic that her
    /// quote (which sits in a sentence calling her President) could fit.
    #[test]
    fn a_title_before_a_name_is_not_the_topic() {
        let e = multi();
        let a = e.ask("what did president dobrev say about the monitors", None);
        assert!(!a.answered, "{}", a.to_markdown());
        let b = e.ask("what did president dobrev say", None);
        assert!(b.answered, "{}", b.to_markdown());
    }

    /// A party's demonym before the counted noun says whose, not what: "how many Teravian
    /// prisoners" counts prisoners, and is answered like "how many prisoners".
    #[test]
    fn a_demonym_before_the_counted_noun_is_not_what_is_counted() {
        let e = multi();
        let with = e.ask("how many teravian prisoners will be exchanged", None);
        let without = e.ask("how many prisoners will be exchanged", None);
        assert!(with.answered, "{}", with.to_markdown());
        let first = |a: &crate::answer::Answer| a.citations().next().map(|c| c.quote.clone());
        assert_eq!(first(&with), first(&without));
    }

    /// "When ..." asks for a date: when none of the sentences that would be shown gives one,
    /// the sources don't say when, and those sentences follow as background (not an answer).
    #[test]
    fn a_when_question_without_a_date_is_declined_with_background() {
        let e = crate::engine::intents::own_quotes();
        let a = e.ask("when was the petition launched", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no sentence gives the date asked for")
        );
        assert!(
            a.citations().any(|c| c.quote.contains("petition")),
            "{}",
            a.to_markdown()
        );
        let a = e.ask("when was dunmore appointed envoy", None);
        assert!(a.answered, "{}", a.to_markdown());
    }

    use crate::engine::intents::engine_from;

    fn quotes(a: &crate::answer::Answer) -> Vec<String> {
        a.citations().map(|c| c.quote.clone()).collect()
    }

    /// "Why did the mission grow": the sentence stating the event has no cause cue, the next
    /// one in its paragraph has ("The increase came after ..."), so it follows it, though it
    /// shares no word with the question; off at `cause_next = 0`.
    #[test]
    fn a_why_answer_brings_the_cause_given_in_the_next_sentence() {
        let mut e = engine_from(&[(
            "patrol",
            "2026-02-10",
            "Velmar and Ostria resumed their negotiations on Monday.\n\n\
             The patrol mission has grown to 90 officers. The increase came after Ostria \
             insisted on a second post at the Halden bridge.\n\n\
             Velmar said the patrol mission would report to the mediators.",
        )]);
        let a = e.ask("why did the patrol mission grow", None);
        assert!(a.answered, "{}", a.to_markdown());
        let q = quotes(&a);
        let event = q.iter().position(|x| x.contains("grown to 90"));
        let cause = q.iter().position(|x| x.contains("came after"));
        assert_eq!(cause, event.map(|k| k + 1), "{q:?}");
        let mut off = crate::engine::Tuning::default();
        off.rank.cause_next = 0.0;
        e.set_tuning(off);
        let a = e.ask("why did the patrol mission grow", None);
        assert!(
            !quotes(&a).iter().any(|x| x.contains("came after")),
            "{a:?}"
        );
    }

    /// "What is the total number of ...", "what was the deadline changed to": a quantity or a
    /// date asked after "what is the", not who or what something is.
    #[test]
    fn a_quantity_or_a_date_after_what_is_the_is_asked_as_one() {
        let e = multi();
        for (q, intent) in [
            (
                "whats the total number of prisoners to be exchanged now",
                "how_many",
            ),
            ("what is the size of the monitoring mission", "how_many"),
            ("what was the deadline changed to", "when"),
            ("what's the framework deadline", "when"),
            ("what is the meridian council", "who"),
        ] {
            assert_eq!(e.ask(q, None).intent, intent, "{q}");
        }
    }

    /// "The first swap": an ordinal the sources use with the word after it names the event,
    /// it does not ask for the earliest report ("first to be exchanged" still does).
    #[test]
    fn an_ordinal_the_sources_use_names_the_event_not_the_report() {
        let e = engine_from(&[
            (
                "draft",
                "2026-03-01",
                "Under a draft circulated by the mediators, Velmar and Ostria would exchange \
                 300 prisoners.",
            ),
            (
                "swap",
                "2026-03-20",
                "Velmar and Ostria exchanged 80 prisoners in the first swap since the war \
                 began.",
            ),
        ]);
        let first = |q: &str| {
            let a = e.ask(q, None);
            assert!(a.answered, "{}", a.to_markdown());
            a.quotes[0].citation.quote.clone()
        };
        assert!(first("how many prisoners were exchanged in the first swap").contains("80"));
        assert!(first("how many prisoners were first to be exchanged").contains("300"));
    }

    /// A verb phrase the sources never write ("handed over" where they say "exchanged", and use
    /// "hand" only in another sense) is read by its meaning: its words are filler, not words
    /// the answer must hold; where the sources write it, it stays a word to look for.
    #[test]
    fn a_phrase_the_sources_never_write_is_not_a_word_to_look_for() {
        let e = engine_from(&[(
            "swap",
            "2026-03-20",
            "Velmar and Ostria exchanged 80 prisoners on Monday.\n\n\
             Ostria agreed to hand the inquiry to the monitors.",
        )]);
        let q = "how many prisoners were handed over";
        let a = e.ask(q, None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(quotes(&a)[0].contains("80"), "{}", a.to_markdown());
        let typed = |e: &crate::engine::Engine| {
            let q = e.analyse(q, None);
            q.terms
                .iter()
                .any(|t| t.stem == "hand" && t.is_subject_word())
        };
        assert!(!typed(&e));
        let written = engine_from(&[(
            "swap",
            "2026-03-20",
            "Velmar handed over 80 prisoners on Monday.",
        )]);
        assert!(typed(&written));
    }

    /// "Where": a sentence that places the thing asked ("held at the Brisk Palace") leads a
    /// shorter one with the same words that places nothing; off at `place_phrase = 0`.
    #[test]
    fn a_where_answer_prefers_a_sentence_holding_a_place() {
        let mut e = engine_from(&[(
            "venue",
            "2026-03-20",
            "The talks are being held at the Brisk Palace, a former customs house on the \
             waterfront of the old port.\n\n\
             The talks are being held in good faith, both sides said.",
        )]);
        let q = "where are the talks being held";
        let lead = |e: &crate::engine::Engine| quotes(&e.ask(q, None)).first().cloned();
        assert!(
            lead(&e).is_some_and(|x| x.contains("Brisk Palace")),
            "{:?}",
            lead(&e)
        );
        let mut off = crate::engine::Tuning::default();
        off.rank.place_phrase = 0.0;
        e.set_tuning(off);
        assert!(
            lead(&e).is_some_and(|x| x.contains("good faith")),
            "{:?}",
            lead(&e)
        );
    }

    /// "How much has Russia pledged": a party named after the counted noun is who gave it; a
    /// number that only another party's sentence gives is not the one asked.
    #[test]
    fn a_number_asked_of_a_party_is_one_a_sentence_naming_it_gives() {
        let e = engine_from(&[(
            "pledge",
            "2026-03-20",
            "The United States raised its reconstruction pledge to $60 million on Monday.\n\n\
             Russia said the talks would resume next week.",
        )]);
        let a = e.ask("how much has russia pledged for reconstruction", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no sentence gives the number asked for")
        );
        let a = e.ask(
            "how much has the united states pledged for reconstruction",
            None,
        );
        assert!(a.answered, "{}", a.to_markdown());
    }

    /// "What reason did X give", "what got X to ...": why questions; "how did X hit back":
    /// what X said.
    #[test]
    fn a_reason_or_what_made_someone_act_is_a_why_question() {
        let e = multi();
        for q in [
            "What reason did Morvany give for the envoy's resignation?",
            "what got teravia to come back to the table",
        ] {
            assert_eq!(e.ask(q, None).intent, "why", "{q}");
        }
        // "Hit back at" is how someone answered: what they said.
        let q = "how did the teravian foreign minister hit back at morvany";
        assert_eq!(e.ask(q, None).intent, "said", "{q}");
    }

    /// The words a reader uses for an event the sources word otherwise, from the synonym
    /// lists: "storm out" for "walked out", "willing" for "accept", "deadline" for "target
    /// date", "withdrawal" for "pullback".
    #[test]
    fn a_reader_s_word_for_the_event_finds_the_sources_word() {
        let e = engine_from(&[(
            "walkout",
            "2026-03-12",
            "The Ostrian delegation walked out of the negotiations on Wednesday, a day after a \
             strike on the market.\n\n\
             Velmar could accept a pullback of 8 kilometres, its envoy said.\n\n\
             The target date for a framework document remains April 24.\n\n\
             The weather in the capital was cold and grey for most of the week.",
        )]);
        for (q, want) in [
            ("why did the ostrian delegation storm out", "walked out"),
            ("how far was velmar willing to pull back", "8 kilometres"),
            ("what is the framework deadline now", "April 24"),
            ("how far is the withdrawal", "8 kilometres"),
        ] {
            let a = e.ask(q, None);
            assert!(
                quotes(&a).iter().take(3).any(|x| x.contains(want)),
                "{q}: {}",
                a.to_markdown()
            );
        }
    }

    /// "What was the deadline" asks for a date: a sentence that says what the deadline was
    /// ("The first deadline was a wish") is not put first as a definition, as it is for "what
    /// is the enclave".
    #[test]
    fn a_date_asked_after_what_was_is_not_a_definition() {
        let e = engine_from(&[(
            "deadline",
            "2026-03-20",
            "The mediators moved the deadline for a framework document from March 27 to \
             April 10.\n\n\
             \"The deadline was a wish,\" the envoy said of the old date.\n\n\
             The enclave is a district on the river, the envoy said.",
        )]);
        let a = e.ask("what was the deadline moved to", None);
        assert_eq!(a.intent, "when");
        assert!(quotes(&a)[0].contains("April 10"), "{}", a.to_markdown());
        let a = e.ask("what is the enclave", None);
        assert!(quotes(&a)[0].contains("district"), "{}", a.to_markdown());
    }

    /// A revised amount given without its noun ("raised its pledge to $60 million") is a
    /// version of what is asked when its sentence names it; a number of something else in a
    /// sentence that also names it ("400 prisoners ... under the pledge") is not.
    #[test]
    fn a_revised_amount_without_its_noun_is_a_version() {
        let e = engine_from(&[
            (
                "first",
                "2026-03-01",
                "The United States made a reconstruction pledge of $45 million on Monday.",
            ),
            (
                "other",
                "2026-03-10",
                "The 400 prisoners would be freed under the reconstruction pledge, officials said.",
            ),
            (
                "raised",
                "2026-04-01",
                "The United States raised its reconstruction pledge to $60 million on Monday.",
            ),
        ]);
        let q = e.analyse("how much was the reconstruction pledge at first", None);
        let find = |w: &str| {
            (0..e.sents.len())
                .find(|&s| e.sentence_text(s).contains(w))
                .unwrap()
        };
        // The later report ranked first, as a question's words may put it (all three about as
        // relevant: a far weaker sentence is another fact, not a version).
        let mut kept = vec![(find("$60"), 3.0), (find("400"), 2.8), (find("$45"), 2.6)];
        let lead = e.number_versions(&q, &mut kept).unwrap_or_default();
        assert!(lead.starts_with("The earliest report"), "{lead}");
        assert!(lead.contains("60"), "{lead}");
        assert!(!lead.contains("400"), "{lead}");
        assert_eq!(kept[0].0, find("$45"));
    }

    /// "Who will chair the commission": a sentence about the commission that names no one does
    /// not say who; one naming its chair does, and so does a body named in capitals.
    #[test]
    fn a_who_question_is_answered_only_by_a_sentence_naming_someone() {
        let unnamed = crate::engine::intents::engine_from(&[(
            "accord",
            "2027-02-19",
            "A joint commission will oversee the accord and meet twice a year.",
        )]);
        let a = unnamed.ask("who will chair the joint commission", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no sentence names who")
        );
        // Asked what, not who, the same sentence answers.
        let a = unnamed.ask("how often will the joint commission meet", None);
        assert!(a.answered, "{}", a.to_markdown());
        let named = crate::engine::intents::engine_from(&[(
            "accord",
            "2027-02-19",
            "A joint commission will oversee the accord, chaired by the retired judge Amara \
             Feldt.",
        )]);
        let a = named.ask("who will chair the joint commission", None);
        assert!(a.answered, "{}", a.to_markdown());
        let body = crate::engine::intents::engine_from(&[(
            "accord",
            "2027-02-19",
            "The commission will be chaired by the Brisande Institute of Marine Science.",
        )]);
        let a = body.ask("who will chair the commission", None);
        assert!(a.answered, "{}", a.to_markdown());
    }

    /// "What's the population of the enclave": a quantity noun asks for a number, so a
    /// sentence about the enclave's residents that gives none does not answer it.
    #[test]
    fn a_quantity_noun_asks_for_a_number() {
        let e = crate::engine::intents::engine_from(&[(
            "enclave",
            "2026-03-02",
            "The Orsa Enclave Council, which speaks for the district's residents, said the \
             talks had ignored them.",
        )]);
        let a = e.ask("what's the population of the orsa enclave", None);
        assert_eq!(a.explanation.intent, "how_many");
        assert!(!a.answered, "{}", a.to_markdown());
        let counted = crate::engine::intents::engine_from(&[(
            "enclave",
            "2026-03-02",
            "The Orsa enclave has a population of about 12,000 people.",
        )]);
        let a = counted.ask("what's the population of the orsa enclave", None);
        assert!(a.answered, "{}", a.to_markdown());
    }

    /// "Which city is the envoy meeting him in": a sentence naming only the country (a party)
    /// does not name the city; one naming a place does; and for "which country" the country
    /// answers.
    #[test]
    fn a_place_asked_for_by_its_kind_must_be_named() {
        let e = crate::engine::intents::engine_from(&[(
            "trip",
            "2025-04-23",
            "The US envoy, Steve Witkoff, will meet the Russian president in Russia this week.",
        )]);
        let a = e.ask("which city is witkoff meeting the president in", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no sentence names the place asked for")
        );
        let a = e.ask("which country is witkoff meeting the president in", None);
        assert!(a.answered, "{}", a.to_markdown());
        let city = crate::engine::intents::engine_from(&[(
            "trip",
            "2025-04-23",
            "The US envoy, Steve Witkoff, will meet the Russian president in St Petersburg.",
        )]);
        let a = city.ask("which city is witkoff meeting the president in", None);
        assert!(a.answered, "{}", a.to_markdown());
    }

    /// "How many ferry trips a week": the compound's head ("trips") is counted too, so a
    /// sentence giving the number of trips answers it without the word "ferry".
    #[test]
    fn a_compound_noun_counted_is_counted_by_its_head_too() {
        let e = crate::engine::intents::engine_from(&[(
            "lake",
            "2026-06-04",
            "The ferry between the two towns reopened last month.\n\n\
             The number of crossings went up this week from six to 14 trips.",
        )]);
        let a = e.ask("how many ferry trips a week are running now", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.citations().any(|c| c.quote.contains("14 trips")));
    }
}
