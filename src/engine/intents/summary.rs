//! Summaries: of everything, one article, one topic or one party, in reading order. Hands a
//! specific question to search.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::{escape_markdown, Answer, ReportKind};
use crate::engine::compose::count_of;
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
        } else if k.articles.len() > 1 {
            return self.digest(clean, q);
        } else {
            (
                k.summaries.all.clone(),
                format!(
                    "Summary of {}:",
                    count_of(k.articles.len(), "article", "articles")
                ),
            )
        };
        let facts: Vec<(FactRef, f32)> = ids
            .iter()
            .filter_map(|id| self.sent_by_id.get(id))
            .map(|s| (FactRef::Sentence(s), 1.0))
            .collect();
        self.summary_of(clean, q, lead, facts, self.settings.max_quotes)
    }

    /// The summary of several articles, as a reader catching up wants it: the state of play
    /// first (the newest article's leading summary sentences), then one line per older article,
    /// newest first, each cited with its outlet and date. Past `[limits] digest_articles`, the
    /// newest articles; a report several outlets carried is one line naming them all.
    fn digest(&self, clean: &str, q: &Query) -> Answer {
        let k = &self.knowledge;
        let limits = &self.settings.tuning.limits;
        let mut order: Vec<usize> = (0..k.articles.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&k.articles[a], &k.articles[b]);
            b.published.cmp(&a.published).then(a.id.cmp(&b.id))
        });
        order.truncate(limits.digest_articles.max(1));
        let mut facts = Vec::new();
        for (n, &a) in order.iter().enumerate() {
            let lines = if n == 0 {
                limits.digest_lead_sentences.max(1)
            } else {
                1
            };
            let ids = k.summaries.articles.get(&k.articles[a].id);
            facts.extend(
                ids.into_iter()
                    .flatten()
                    .filter_map(|id| self.sent_by_id.get(id))
                    .take(lines)
                    .map(|s| (FactRef::Sentence(s), 1.0)),
            );
        }
        let newest = &k.articles[order[0]];
        let shown = if order.len() < k.articles.len() {
            format!(
                "the newest {} of {} articles",
                order.len(),
                k.articles.len()
            )
        } else {
            format!("{} articles", k.articles.len())
        };
        let lead = format!(
            "Summary of {shown}. The state of play, from the newest report ({}, {}), then one line per article, newest first:",
            escape_markdown(&newest.source),
            newest.published
        );
        let most = facts.len();
        self.summary_of(clean, q, lead, facts, most)
    }

    /// A summary answer from its sentences, shown as the articles' own wording (a quotation
    /// stays its speaker's words); declines when there are none.
    fn summary_of(
        &self,
        clean: &str,
        q: &Query,
        lead: String,
        facts: Vec<(FactRef, f32)>,
        most: usize,
    ) -> Answer {
        if facts.is_empty() {
            return self.decline(clean, q, DeclineReason::NoSummarySentences, Vec::new());
        }
        // Summaries show sentences in reading order, as the article's own wording.
        let mut a = self.finish_showing(clean, q, lead, facts, true, most);
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

#[cfg(test)]
mod tests {
    use crate::engine::{Command, Engine, EngineSettings, Tuning};
    use std::path::Path;

    fn multi(tuning: Tuning) -> Engine {
        super::super::own_multi(tuning)
    }

    /// "/summary" over several articles: the newest report's lead sentences first, then one line
    /// for every other article, newest first, each cited with its own outlet and date.
    #[test]
    fn a_summary_of_several_articles_is_a_digest_newest_first() {
        let e = multi(Tuning::default());
        let a = e.run(&Command::parse("/summary"), None);
        assert!(a.answered, "{}", a.lead);
        let k = e.knowledge();
        let mut dates: Vec<&str> = k.articles.iter().map(|a| a.published.as_str()).collect();
        dates.sort_unstable_by(|a, b| b.cmp(a));
        let lead_lines = e.settings.tuning.limits.digest_lead_sentences;
        let cited: Vec<&str> = a.citations().map(|c| c.published.as_str()).collect();
        // The state of play: the newest article's sentences open the reply.
        assert!(
            cited[..lead_lines].iter().all(|d| *d == dates[0]),
            "{cited:?}"
        );
        // Then each article once, newest first.
        let mut rest: Vec<&str> = cited[lead_lines..].to_vec();
        assert_eq!(rest.len(), k.articles.len() - 1, "{cited:?}");
        assert!(rest.windows(2).all(|w| w[0] >= w[1]), "{cited:?}");
        rest.dedup();
        assert_eq!(rest, dates[1..], "every older article has its line");
        assert!(a.lead.contains(dates[0]), "{}", a.lead);
        let newest = k.articles.iter().find(|x| x.published == dates[0]).unwrap();
        assert!(a.lead.contains(&newest.source), "{}", a.lead);
    }

    /// Past `digest_articles`, the digest keeps the newest articles and says how many it shows.
    #[test]
    fn a_digest_past_its_limit_keeps_the_newest_articles() {
        let mut tuning = Tuning::default();
        tuning.limits.digest_articles = 2;
        tuning.limits.digest_lead_sentences = 1;
        let e = multi(tuning);
        let a = e.run(&Command::parse("/summary"), None);
        let n = e.knowledge().articles.len();
        assert!(
            a.lead.contains(&format!("the newest 2 of {n} articles")),
            "{}",
            a.lead
        );
        let mut dates: Vec<&str> = e
            .knowledge()
            .articles
            .iter()
            .map(|a| a.published.as_str())
            .collect();
        dates.sort_unstable_by(|a, b| b.cmp(a));
        let cited: Vec<&str> = a.citations().map(|c| c.published.as_str()).collect();
        assert_eq!(cited, dates[..2]);
    }

    /// One article: its own summary sentences, as before, with the count in words.
    #[test]
    fn a_summary_of_one_article_keeps_its_summary_sentences() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json");
        let k = crate::knowledge::Knowledge::load(&path).unwrap();
        let want: Vec<String> = k.summaries.all.clone();
        let e = Engine::new(k, EngineSettings::default());
        let a = e.run(&Command::parse("/summary"), None);
        assert_eq!(a.lead, "Summary of 1 article:");
        assert_eq!(a.quotes.len(), want.len().min(e.settings.max_quotes));
    }
}
