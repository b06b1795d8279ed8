//! How many, how much, how long: what a count question counts or measures, the sentences
//! whose numbers answer it, the versions of a count that later reports revise, and the lead
//! naming the number. It must not rank sentences or decide whether to answer: search does.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::escape_markdown;
use crate::engine::understand::{Query, Recency};
use crate::engine::Engine;
use crate::text::tokenize;

impl Engine {
    /// The stems that name what a "how many" / "how much" question counts: the first content
    /// word after it, with its synonyms and relatives (for "how many yrs": year). None when the
    /// question does not say ("how many are there?").
    pub(crate) fn counted_terms(&self, q: &Query) -> Option<Vec<String>> {
        self.counted_at(q).map(|(_, terms)| terms)
    }

    /// [`Engine::counted_terms`] with the index of the first token after the count phrase.
    /// True when the question asks how long or how far (`measure_questions`).
    pub(super) fn asks_measure(&self, q: &Query) -> bool {
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
    pub(super) fn measured_thing(&self, q: &Query) -> Vec<String> {
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
    pub(super) fn in_units(&self, n: usize) -> bool {
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

    /// True when the question asks for an amount of money: "how much" (not "how much of")
    /// with one of `money_questions` ("how much did the building cost").
    pub(super) fn asks_money(&self, q: &Query) -> bool {
        let lang = &self.knowledge.lexicon.language;
        let how_much = q
            .tokens
            .windows(3)
            .any(|w| w[0].norm == "how" && w[1].norm == "much" && w[2].norm != "of")
            || q.tokens.last().is_some_and(|t| t.norm == "much")
                && q.tokens.len() >= 2
                && q.tokens[q.tokens.len() - 2].norm == "how";
        how_much
            && q.tokens.iter().any(|t| {
                let w = self.stem(&t.norm);
                lang.money_questions
                    .iter()
                    .any(|m| self.stem_ref(m) == w.as_str())
            })
    }

    /// True when sentence `s` gives a number as money: a number there with one of
    /// `money_units` in what it measures ("120 million crowns"), or a currency sign in the
    /// sentence.
    pub(super) fn gives_money(&self, s: usize) -> bool {
        let units = &self.knowledge.lexicon.language.money_units;
        let Some(ns) = self.numbers_by_sent.get(&s) else {
            return false;
        };
        let text = self.sentence_text(s);
        let sign = units
            .iter()
            .filter(|u| !u.chars().any(char::is_alphanumeric))
            .any(|u| text.contains(u.as_str()));
        sign || ns.iter().any(|&n| {
            tokenize(&self.knowledge.numbers[n].measures)
                .iter()
                .any(|t| {
                    let w = self.stem(&t.norm);
                    units.iter().any(|u| self.stem_ref(u) == w.as_str())
                })
        })
    }

    pub(super) fn counted_at(&self, q: &Query) -> Option<(usize, Vec<String>)> {
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
    pub(super) fn number_versions(&self, q: &Query, kept: &mut [(usize, f32)]) -> Option<String> {
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
}
