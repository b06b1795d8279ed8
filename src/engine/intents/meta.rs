//! Answers about Parley itself and whole-corpus listings: help and greeting, the sources list,
//! every quote, the timeline. Must not search.

use crate::answer::{escape_markdown, Answer};
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
        events.sort();
        events.dedup_by_key(|e| e.1);
        let lead = if events.is_empty() {
            "The sources give no dates I can place on a timeline.".to_string()
        } else {
            let dates: Vec<String> = events
                .iter()
                .take(self.settings.max_quotes)
                .map(|e| e.0.replace('/', "–"))
                .collect();
            format!("Timeline, oldest first ({}):", dates.join("; "))
        };
        let facts = events
            .into_iter()
            .map(|(_, s)| (FactRef::Sentence(s), 1.0))
            .collect();
        self.finish("timeline", &q, lead, facts, true)
    }
}
