//! Summaries: of everything, one article, one topic or one party, in reading order. Hands a
//! specific question to search.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::{escape_markdown, Answer, ReportKind};
use crate::engine::decide::DeclineReason;
use crate::engine::understand::Query;
use crate::engine::{Engine, FactRef};

impl Engine {
    pub(crate) fn summary_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        let specific = q
            .terms
            .iter()
            .any(|t| t.is_subject_word() && !self.lex.summary_stems.contains(&t.stem));
        if specific && q.topics.is_empty() {
            return self.search_answer(clean, q);
        }
        // One article, if the question names one by id or by most of its title.
        let qn: HashSet<String> = q
            .tokens
            .iter()
            .map(|t| self.stem(&t.norm))
            .filter(|s| !self.lex.stopwords.contains(s))
            .collect();
        let article = q
            .topics
            .is_empty()
            .then(|| {
                k.articles
                    .iter()
                    .zip(&self.title_stems)
                    .find(|(a, title)| {
                        clean.contains(a.id.as_str())
                            || title.len() >= 3
                                && title.iter().filter(|t| qn.contains(*t)).count() * 2
                                    > title.len()
                    })
                    .map(|(a, _)| a)
            })
            .flatten();
        let (ids, lead) = if let Some(&t) = q.topics.first() {
            let topic = &k.lexicon.topics[t];
            (
                k.summaries
                    .topics
                    .get(&topic.id)
                    .cloned()
                    .unwrap_or_default(),
                format!("Summary of what the sources say on **{}**:", topic.name),
            )
        } else if let Some(a) = article {
            (
                k.summaries.articles.get(&a.id).cloned().unwrap_or_default(),
                format!(
                    "Summary of *{}* ({}):",
                    escape_markdown(&a.title),
                    a.published
                ),
            )
        } else if let Some(&p) = q.parties.first() {
            let party = &k.lexicon.parties[p];
            let ranked = self.rank_sentences(q, self.settings.max_quotes, |s| {
                self.sents[s].parties.contains(&p)
            });
            let mut ids: Vec<String> = ranked
                .iter()
                .take(self.settings.max_quotes)
                .map(|x| self.sent_id(x.0))
                .collect();
            ids.sort_by_key(|id| self.sent_by_id.get(id));
            (
                ids,
                format!("Summary of what the sources say about **{}**:", party.name),
            )
        } else {
            (
                k.summaries.all.clone(),
                format!("Summary of {} article(s):", k.articles.len()),
            )
        };
        let facts: Vec<(FactRef, f32)> = ids
            .iter()
            .filter_map(|id| self.sent_by_id.get(id))
            .map(|s| (FactRef::Sentence(s), 1.0))
            .collect();
        if facts.is_empty() {
            return self.decline(clean, q, DeclineReason::NoSummarySentences, Vec::new());
        }
        // Summaries show sentences in reading order, as the article's own wording.
        let mut a = self.finish(clean, q, lead, facts, true);
        for quote in &mut a.quotes {
            if quote.report == ReportKind::ReportedSpeech
                || quote.report == ReportKind::UnnamedSource
            {
                continue;
            }
            quote.report = ReportKind::ArticleText;
        }
        a
    }
}
