//! "Who is X?": a person by name or role, or an unnamed source, described in article text.
//! Hands questions about something rather than someone to search.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::{escape_markdown, Answer, ReportKind};
use crate::engine::compose::lower_first;
use crate::engine::decide::DeclineReason;
use crate::engine::understand::Query;
use crate::engine::{Engine, FactRef};
use crate::knowledge::Speaker;
use crate::text::tokenize;

impl Engine {
    pub(crate) fn who_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        // Words the sources never use cannot be what is looked up ("who's the envoy guy").
        let extra = q
            .terms
            .iter()
            .any(|t| t.is_subject_word() && self.index.contains(&t.stem));
        if extra && !q.people.is_empty() {
            // "Who is Witkoff meeting this week?" asks about something, not someone.
            let role_words = q
                .terms
                .iter()
                .filter(|t| t.is_subject_word())
                .all(|t| self.is_title_stem(&t.stem));
            if !role_words {
                return self.search_answer(clean, q);
            }
        }
        if q.people.is_empty() {
            if let Some(p) = self.person_by_role(q) {
                q.people.push(p);
            } else if q
                .terms
                .iter()
                .any(|t| !t.slot && self.is_title_stem(&t.stem))
                && q.intent.x.as_deref().is_some_and(|x| {
                    !tokenize(x)
                        .iter()
                        .any(|t| self.lex.source_nouns.contains(&t.norm))
                })
            {
                // Someone holds that title, but not for the party asked about: decline. No one
                // holds it at all: the words may still be in the text ("the mediator").
                let titles: Vec<&String> = q
                    .terms
                    .iter()
                    .filter(|t| t.is_asked() && self.is_title_stem(&t.stem))
                    .map(|t| &t.stem)
                    .collect();
                let held = self
                    .role_stems
                    .iter()
                    .any(|r| titles.iter().all(|t| r.contains(*t)));
                let a = if held {
                    None
                } else {
                    Some(self.search_answer(clean, q))
                };
                if let Some(a) = a.filter(|a| a.answered) {
                    return a;
                }
                {
                    return self.decline(clean, q, DeclineReason::NoPersonWithRole, Vec::new());
                }
            }
        }
        if let Some(&p) = q.people.first() {
            let person = &k.people[p];
            let mut facts: Vec<(FactRef, f32)> = Vec::new();
            // Each role sentence shown should add to what the reader knows: the role that
            // brings the most words not yet described comes next ("former justice minister"
            // before a third wording of "mediator"), ties in the order the roles were found.
            let role_words: Vec<HashSet<String>> = person
                .roles
                .iter()
                .map(|r| {
                    tokenize(&r.text)
                        .iter()
                        .filter(|t| !self.lex.stopwords.contains(&t.norm))
                        .map(|t| self.stem(&t.norm))
                        .collect()
                })
                .collect();
            let mut order: Vec<usize> = Vec::new();
            let mut described: HashSet<String> = HashSet::default();
            // Greedy for the few shown (a person may hold thousands of role mentions), then the
            // rest in order.
            let shown = self.settings.max_quotes.min(person.roles.len());
            while order.len() < shown {
                let next = (0..person.roles.len())
                    .filter(|i| !order.contains(i))
                    .max_by_key(|&i| {
                        let new = role_words[i].difference(&described).count();
                        (new, std::cmp::Reverse(i))
                    })
                    .unwrap_or(0);
                described.extend(role_words[next].iter().cloned());
                order.push(next);
            }
            let picked = order.clone();
            order.extend((0..person.roles.len()).filter(|i| !picked.contains(i)));
            for r in order.iter().map(|&i| &person.roles[i]) {
                if let Some(s) = self.sentence_of_cite(&r.cite) {
                    if !facts.iter().any(|f| f.0 == FactRef::Sentence(s)) {
                        facts.push((FactRef::Sentence(s), self.settings.tuning.who.role));
                    }
                }
            }
            for m in &person.mentions {
                if let Some(s) = self.sent_by_id.get(m) {
                    if !facts.iter().any(|f| f.0 == FactRef::Sentence(s)) {
                        facts.push((FactRef::Sentence(s), self.settings.tuning.who.mention));
                    }
                }
            }
            // Who someone is: say it in article text, not as their own words.
            let roles: Vec<String> = person.roles.iter().map(|r| r.text.clone()).collect();
            let affiliation = person.affiliation.as_ref().map(|a| {
                k.lexicon
                    .parties
                    .iter()
                    .find(|p| &p.id == a)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| a.clone())
            });
            let lead = match (roles.first(), affiliation) {
                (Some(r), Some(a)) => format!(
                    "**{}**: {} ({}), as the sources describe them.",
                    person.name,
                    escape_markdown(r),
                    a
                ),
                (Some(r), None) => format!(
                    "**{}**: {}, as the sources describe them.",
                    person.name,
                    escape_markdown(r)
                ),
                (None, _) => format!(
                    "The sources mention **{}** but don't state their role; here is what they say.",
                    person.name
                ),
            };
            let mut a = self.finish(clean, q, lead, facts, true);
            for quote in &mut a.quotes {
                quote.report = if quote.report == ReportKind::OwnWords {
                    ReportKind::OwnWords
                } else {
                    quote.report
                };
            }
            return a;
        }
        if !q.unknown_names.is_empty() && q.parties.is_empty() && q.topics.is_empty() {
            return self.absent(clean, q);
        }
        // An unnamed source: "who is the source close to the discussions?"
        if let Some(x) = q.intent.x.clone() {
            let xs: HashSet<String> = tokenize(&x)
                .iter()
                .filter(|t| !self.lex.stopwords.contains(&t.norm))
                .map(|t| self.stem(&t.norm))
                .collect();
            // Only a phrase naming a kind of source ("the source ...", "diplomats") can be one.
            let names_source = xs.iter().any(|w| self.source_noun_stems.contains(w));
            let src = k.sources.iter().enumerate().find(|(i, _)| {
                names_source && xs.iter().all(|w| self.source_stems[*i].contains(w))
            });
            if let Some((_, s)) = src {
                let facts = self.facts_by_speaker(&Speaker::Source(s.id.clone()));
                let lead = format!(
                    "The sources don't name {}; this is what is attributed to them.",
                    escape_markdown(&lower_first(&s.description, &self.lex.lowered_openers))
                );
                return self.finish(clean, q, lead, facts, true);
            }
        }
        self.search_answer(clean, q)
    }
}

#[cfg(test)]
mod tests {

    /// "Who is X" shows the sentences that describe X in different words first: a person the
    /// sources call "mediator" three ways and once a former minister gets the minister among
    /// the three shown, not a third wording of "mediator".
    #[test]
    fn who_is_shows_each_role_once_before_rewordings() {
        let e = super::super::own_multi(crate::engine::Tuning::default());
        let person = e
            .knowledge()
            .people
            .iter()
            .find(|p| p.roles.len() > 3 && p.roles.iter().any(|r| r.text.contains("former")))
            .expect("a person with several roles, one former");
        let a = e.ask(&format!("Who is {}?", person.name), None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(
            a.citations().any(|c| c.quote.contains("former")),
            "{}",
            a.to_markdown()
        );
    }

    /// A person described in many ways (mediator, chief mediator, former minister) is still
    /// found by one title: each role is matched on its own, not all of them run together.
    #[test]
    fn a_person_with_many_roles_is_found_by_one_title() {
        let e = super::super::own_multi(crate::engine::Tuning::default());
        let person = e
            .knowledge()
            .people
            .iter()
            .find(|p| p.roles.len() > 3 && p.roles.iter().any(|r| r.text.contains("mediator")))
            .expect("a mediator with several roles");
        let a = e.ask("who's mediating between teravia and morvany", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.lead.contains(&person.name), "{}", a.lead);
    }
}
