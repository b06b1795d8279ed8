//! Answers about Parley itself and whole-corpus listings: help and greeting, the sources list,
//! every quote, the timeline. Must not search.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::{escape_markdown, Answer};
use crate::engine::compose::count_of;
use crate::engine::understand::Query;
use crate::engine::{Engine, FactRef};
use crate::intent::{Intent, IntentMatch};
use crate::knowledge::Speaker;

impl Engine {
    pub(crate) fn help_answer(&self, clean: &str, help: bool) -> Answer {
        let q = Query {
            intent: IntentMatch {
                name: if help { Intent::Help } else { Intent::Greeting },
                pattern: None,
                x: None,
                t: None,
            },
            ..Query::default()
        };
        let lead = format!(
            "{}I answer questions about the peace talks only with what my {} article(s) say, quoting them word for word with a citation.",
            if help { "" } else { "Hello! " },
            self.knowledge.articles.len()
        );
        let mut a = self.finish(clean, &q, lead, Vec::new(), true);
        a.answered = true;
        a.suggestions = self.suggestions();
        a
    }

    pub(crate) fn sources_answer(&self, clean: &str) -> Answer {
        let q = Query {
            intent: IntentMatch {
                name: Intent::Sources,
                pattern: None,
                x: None,
                t: None,
            },
            ..Query::default()
        };
        let articles: Vec<_> = self
            .newest_first
            .iter()
            .map(|&i| &self.knowledge.articles[i])
            .collect();
        let lead = format!("I answer from {} article(s), newest first:", articles.len());
        let mut a = self.finish(clean, &q, lead, Vec::new(), true);
        a.answered = true;
        a.suggestions = articles
            .iter()
            .take(20)
            .map(|x| {
                format!(
                    "*{}*, {}, {} (`{}`)",
                    escape_markdown(&x.title),
                    escape_markdown(&x.source),
                    x.published,
                    x.id
                )
            })
            .collect();
        if articles.len() > 20 {
            a.suggestions
                .push(format!("... and {} more", articles.len() - 20));
        }
        a
    }

    pub(crate) fn all_quotes(&self) -> Answer {
        let q = Query {
            intent: IntentMatch {
                name: Intent::Said,
                pattern: None,
                x: None,
                t: None,
            },
            ..Query::default()
        };
        let facts: Vec<(FactRef, f32)> = self
            .knowledge
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, x)| x.speaker != Speaker::Unattributed && x.text.chars().count() > 20)
            .map(|(i, _)| (FactRef::Quote(i), 1.0))
            .collect();
        self.finish(
            "quotes",
            &q,
            "Direct quotes in the sources:".into(),
            facts,
            true,
        )
    }

    pub(crate) fn timeline(&self) -> Answer {
        let q = Query {
            intent: IntentMatch {
                name: Intent::Timeline,
                pattern: None,
                x: None,
                t: None,
            },
            ..Query::default()
        };
        let mut events: Vec<(String, usize)> = self
            .knowledge
            .events
            .iter()
            .zip(&self.event_sent)
            .filter_map(|(e, &s)| Some((e.date.clone()?, s?)))
            .collect();
        // Oldest first across every article; a sentence is shown once, at its earliest date,
        // and a date once, by the sentence that stands earliest in its article (a lead says
        // more than a live blog's closing line).
        events.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(self.sents[a.1].para.cmp(&self.sents[b.1].para))
                .then(a.1.cmp(&b.1))
        });
        let mut seen = HashSet::default();
        events.retain(|e| seen.insert(e.1));
        events.dedup_by(|later, first| later.0 == first.0);
        let dated = events.len();
        // Past the limit, the latest events: the state of things matters more than background.
        let most = self.settings.tuning.limits.timeline_events.max(1);
        events.drain(..dated.saturating_sub(most));
        let lead = match (events.first(), events.last()) {
            (Some(first), Some(last)) => {
                // From the first event's start to the last one's end ("2026-03-23/2026-03-29"
                // is a span of days).
                let start = first.0.split('/').next().unwrap_or(&first.0);
                let end = last.0.rsplit('/').next().unwrap_or(&last.0);
                let range = if start == end {
                    start.to_string()
                } else {
                    format!("{start} to {end}")
                };
                if dated > events.len() {
                    format!(
                        "Timeline, oldest first: the latest {} of {dated} dated events ({range}):",
                        events.len()
                    )
                } else {
                    format!(
                        "Timeline, oldest first: {} ({range}):",
                        count_of(dated, "dated event", "dated events")
                    )
                }
            }
            _ => "The sources give no dates I can place on a timeline.".to_string(),
        };
        let facts = events
            .into_iter()
            .map(|(_, s)| (FactRef::Sentence(s), 1.0))
            .collect();
        self.finish_showing("timeline", &q, lead, facts, true, most)
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{Command, Engine, Tuning};

    fn multi(tuning: Tuning) -> Engine {
        super::super::own_multi(tuning)
    }

    /// The dates of the events a timeline shows, in its order.
    fn shown_dates(e: &Engine, text: &[String]) -> Vec<String> {
        text.iter()
            .map(|quote| {
                let k = e.knowledge();
                k.events
                    .iter()
                    .filter(|ev| ev.date.is_some())
                    .filter(|ev| {
                        let para = k
                            .articles
                            .iter()
                            .find(|a| a.id == ev.cite.article)
                            .and_then(|a| a.paragraphs.get(ev.cite.paragraph as usize - 1));
                        para.is_some_and(|p| p.text.contains(quote.as_str()))
                    })
                    .filter_map(|ev| ev.date.clone())
                    .min()
                    .unwrap_or_default()
            })
            .collect()
    }

    /// Across several articles the timeline is every dated event (up to its limit), oldest
    /// first, one line a date, not a best three.
    #[test]
    fn the_timeline_orders_events_across_articles_past_three() {
        let e = multi(Tuning::default());
        let a = e.run(&Command::parse("/timeline"), None);
        assert!(a.answered, "{}", a.lead);
        assert!(a.quotes.len() > 3, "{}", a.to_markdown());
        let articles: std::collections::HashSet<&str> =
            a.citations().map(|c| c.article.as_str()).collect();
        assert!(articles.len() > 1, "events from several articles");
        let text: Vec<String> = a.citations().map(|c| c.quote.clone()).collect();
        let dates = shown_dates(&e, &text);
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    }

    /// Past `timeline_events`, the latest events are kept and the lead says so.
    #[test]
    fn a_timeline_past_its_limit_keeps_the_latest_events() {
        let all = multi(Tuning::default()).run(&Command::parse("/timeline"), None);
        let mut tuning = Tuning::default();
        tuning.limits.timeline_events = 3;
        let e = multi(tuning);
        let a = e.run(&Command::parse("/timeline"), None);
        assert_eq!(a.quotes.len(), 3);
        assert!(a.lead.contains("the latest 3 of "), "{}", a.lead);
        // The three shown are the last three of the full timeline.
        let full: Vec<&str> = all.citations().map(|c| c.quote.as_str()).collect();
        let cut: Vec<&str> = a.citations().map(|c| c.quote.as_str()).collect();
        assert_eq!(cut, full[full.len() - 3..]);
    }
}
