//! What kind of answer the question asks beyond its words, and the checks and leads for it:
//! someone (who), a place (where, which country), a date (when, still to come), how something
//! turned out, a cause (why), and what something is. It must not rank sentences or decide
//! whether to answer: search does.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::escape_markdown;
use crate::engine::understand::salience::{absent_weight, Salience};
use crate::engine::understand::Query;
use crate::engine::Engine;
use crate::text::tokenize;

impl Engine {
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
    pub(super) fn names_someone(&self, s: usize, q: &Query) -> bool {
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
    pub(super) fn new_capitalised_words<'a>(
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
    pub(super) fn asked_place_kind(&self, q: &Query) -> Option<bool> {
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
    pub(super) fn names_place(&self, s: usize, q: &Query, country: bool) -> bool {
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
    pub(super) fn asks_outcome(&self, q: &Query) -> bool {
        let has = |set: &HashSet<String>| q.tokens.iter().any(|t| set.contains(&t.norm));
        has(&self.lex.outcome_words) && has(&self.lex.past_asked_words)
    }

    /// True when sentence `s` tells of something still to come: a future word ("will",
    /// "next": `future_words`) or a date after its report's own day.
    pub(super) fn still_ahead(&self, s: usize) -> bool {
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
    pub(super) fn dated_ahead(&self, e: usize, s: usize) -> bool {
        self.dated_after(e, s, true)
    }

    /// True when event `e` of sentence `s` is dated after its article's day (or on it, with
    /// `same_day`).
    pub(super) fn dated_after(&self, e: usize, s: usize, same_day: bool) -> bool {
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
    pub(super) fn causes_after_events(&self, kept: &mut Vec<(usize, f32)>) {
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

    /// "What is the Orsa enclave?", "sorry but what's crimea exactly": the thing asked about
    /// is the rest of the question after "what is"; among the sentences kept, those that say
    /// what it is (its name followed by a definition link from `config/language.toml`, as in
    /// "Crimea, the Ukrainian peninsula ...") come first, each group keeping its order.
    pub(super) fn definitions_first(&self, q: &Query, kept: &mut [(usize, f32)]) {
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
