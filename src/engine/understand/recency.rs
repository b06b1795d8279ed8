//! Which report a question wants when several articles give one: "now", "current", "latest"
//! ask for the newest, "original", "initially" for the earliest (word lists in
//! `config/language.toml`). Owns that reading and the boost it gives each article; the ranking
//! adds the boost (and counts it in its pruning bound).

use super::Query;
use crate::engine::Engine;

/// Which article's report a question asks for first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Recency {
    /// No word says: newer reports win only ties.
    #[default]
    Any,
    /// "now", "current", "latest": the newest report leads.
    Latest,
    /// "original", "initially": the earliest report leads.
    Earliest,
}

impl Engine {
    /// Reads the question's recency words into `q.when_reported`; returns which tokens they are
    /// (they are not content words).
    /// `asks_when`: the question asks when; then a verb of beginning in its own clause ("when
    /// do they start building") is what it asks about, not which report ("When the talks
    /// began, how many ...", after which a comma comes, still is).
    pub(crate) fn find_recency(&self, q: &mut Query, clean: &str, asks_when: bool) -> Vec<bool> {
        let lang = &self.knowledge.lexicon.language;
        let in_list = |list: &[String], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
        let mut when_words = vec![false; q.tokens.len()];
        for (k, t) in q.tokens.iter().enumerate() {
            if in_list(&lang.recency_words, &t.norm) && !self.names_an_event(q, k) {
                q.when_reported = Recency::Latest;
                when_words[k] = true;
            } else if in_list(&lang.earliness_words, &t.norm)
                && !self.names_an_event(q, k)
                && !(asks_when && self.asked_beginning(q, clean, k))
            {
                q.when_reported = Recency::Earliest;
                when_words[k] = true;
            }
        }
        when_words
    }

    /// True when the earliness word at `k` is a verb ("start", "began") with no comma after it
    /// in the question: the beginning is what a "when" question asks the time of.
    fn asked_beginning(&self, q: &Query, clean: &str, k: usize) -> bool {
        crate::english::english().pos(&q.tokens[k].norm) == crate::english::Pos::Verb
            && !clean
                .get(q.tokens[k].end..)
                .is_some_and(|rest| rest.contains(','))
    }

    /// True when the recency or earliness word at `k` is one the sources use with the word
    /// after it ("the first swap", "the final round"): it says which event is asked about, not
    /// which report, and stays a word to look for.
    fn names_an_event(&self, q: &Query, k: usize) -> bool {
        let Some(next) = q.tokens.get(k + 1) else {
            return false;
        };
        if self.lex.stopwords.contains(&next.norm) || next.numeric {
            return false;
        }
        self.sources_hold_run(&[self.stem(&q.tokens[k].norm), self.stem(&next.norm)])
    }

    /// What each article adds to its sentences' scores for this question (empty with a single
    /// article), and the most it adds. Halved at each step back from the newest (or forward
    /// from the earliest): the newest report leads, the one before it follows.
    pub(crate) fn recency_boosts(&self, q: &Query) -> (Vec<f32>, f32) {
        // The newest article's boost: a tie-breaker unless the question asks (`[recency]`).
        let tuning = &self.settings.tuning.recency;
        let weight = match q.when_reported {
            Recency::Any => tuning.tie,
            Recency::Latest | Recency::Earliest => tuning.asked,
        };
        let n = self.newest_first.len();
        if n < 2 {
            return (Vec::new(), 0.0);
        }
        let mut v = vec![0.0; n];
        for (rank, &a) in self.newest_first.iter().enumerate() {
            let steps = if q.when_reported == Recency::Earliest {
                n - 1 - rank
            } else {
                rank
            };
            v[a] = weight * tuning.step.powi(steps.min(60) as i32);
        }
        (v, weight)
    }
}

#[cfg(test)]
mod tests {
    use super::Recency;

    /// "final" and "recent" ask for the newest report and are no words to look for, unless the
    /// sources write them before the next word ("the final round" names an event).
    #[test]
    fn final_asks_for_the_newest_report_unless_it_names_an_event() {
        let e = crate::engine::intents::engine_from(&[
            (
                "fund-draft",
                "2027-05-01",
                "The compensation fund in the draft stood at 40 million euros.",
            ),
            (
                "fund-signed",
                "2027-06-01",
                "The compensation fund stands at 55 million euros. The final round opened in Vell.",
            ),
        ]);
        let q = e.analyse("how big is the compensation fund, final number pls", None);
        assert_eq!(q.when_reported, Recency::Latest);
        assert!(!q.terms.iter().any(|t| t.stem == "final"), "{:?}", q.terms);
        let q = e.analyse("where did the final round open", None);
        assert_eq!(q.when_reported, Recency::Any);
        assert!(q.terms.iter().any(|t| t.stem == "final"), "{:?}", q.terms);
        let a = e.ask("how big is the compensation fund, most recent", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(
            a.to_markdown().contains("55 million"),
            "{}",
            a.to_markdown()
        );
    }

    /// "At the start", "when the talks began, how many ...": a beginning asks for the earliest
    /// report; "when do they start building" asks when the beginning is, and "start" stays a
    /// word to look for.
    #[test]
    fn a_beginning_asks_for_the_earliest_report_unless_its_time_is_asked() {
        let e = crate::engine::intents::seed();
        for q in [
            "how far apart were the sides at the start",
            "when the talks began, what did the us propose",
        ] {
            assert_eq!(e.analyse(q, None).when_reported, Recency::Earliest, "{q}");
        }
        let q = e.analyse("when do they start building the road", None);
        assert_eq!(q.when_reported, Recency::Any);
        assert!(
            q.terms.iter().any(|t| t.stem == e.stem("start")),
            "{:?}",
            q.terms
        );
    }
}
