//! "Who is X?": a person by name or role, or an unnamed source, described in article text.
//! Hands questions about something rather than someone to search.

use rustc_hash::FxHashSet as HashSet;

use crate::answer::{escape_markdown, Answer, ReportKind};
use crate::engine::compose::lower_first;
use crate::engine::decide::DeclineReason;
use crate::engine::understand::{Query, Succession};
use crate::engine::{Engine, FactRef};
use crate::knowledge::Speaker;
use crate::text::tokenize;

impl Engine {
    pub(crate) fn who_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        // "Who was the envoy before Faure?", "who replaced Kellan?": the other holder of the
        // role, described like anyone asked about; no other holder named, no answer.
        if let Some(dir) = self.succession(q) {
            let named = q.people[0];
            let Some(other) = self.other_holder(q, named, dir) else {
                // The roles name no one else; a sentence may still tell the change in words.
                let mut a = self.search_answer(clean, q);
                if a.answered && self.tells_succession(&mut a) {
                    return a;
                }
                return self.decline(clean, q, DeclineReason::NoPersonWithRole, Vec::new());
            };
            q.people = vec![other];
            let mut a = self.describe_person(clean, q, other);
            let word = match dir {
                Succession::Before => "Before",
                Succession::After => "After",
            };
            a.lead = format!("{word} **{}**: {}", k.people[named].name, a.lead);
            return a;
        }
        // Words the sources never use cannot be what is looked up ("who's the envoy guy").
        // Nor can words after the question mark that ends "who is X?" ("who is Luka Brandt?
        // same guy as the general?"): the first question is answered, and its answer tells.
        let end = self.first_question_end(clean, q);
        let extra = q
            .terms
            .iter()
            .any(|t| t.is_subject_word() && self.index.contains(&t.stem) && t.group < end);
        if extra && !q.people.is_empty() {
            // "Who is Witkoff meeting this week?" asks about something, not someone.
            let role_words = q
                .terms
                .iter()
                .filter(|t| t.is_subject_word())
                .all(|t| self.is_title_stem(&t.stem));
            if !role_words {
                // "Who's the go-between running the talks": a role's holder, found by the
                // role, is who is asked for; the other words are looked for in the sentences
                // naming them ("who is the mediator meeting" is answered there too), and
                // failing those, the holder is described.
                let p = q.people[0];
                if !q.by_name.contains(&p) && self.asks_for_someone(q) {
                    let mut among = q.clone();
                    among.only_person = Some(p);
                    let a = self.search_answer(clean, &mut among);
                    if a.answered {
                        return a;
                    }
                    return self.describe_person(clean, q, p);
                }
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
            return self.describe_person(clean, q, p);
        }
        if !q.unknown_names.is_empty() && q.parties.is_empty() && q.topics.is_empty() {
            return self.absent(clean, q);
        }
        self.unnamed_source_or_search(clean, q)
    }

    /// The token where the question's first sentence ends, when it ends with a question mark
    /// after every person named and more follows; else the number of tokens.
    fn first_question_end(&self, clean: &str, q: &Query) -> usize {
        let n = q.tokens.len();
        let Some(mark) = clean.find('?') else {
            return n;
        };
        let end = q.tokens.iter().position(|t| t.start > mark).unwrap_or(n);
        let names_before = q.spans.iter().filter(|sp| sp.0).all(|sp| sp.3 <= end);
        if names_before && q.spans.iter().any(|sp| sp.0) {
            end
        } else {
            n
        }
    }

    /// True when a quote the answer cites tells a change of holder in words
    /// (`succession_text` in `config/language.toml`); those quotes are put first.
    fn tells_succession(&self, a: &mut Answer) -> bool {
        let words: HashSet<String> = self
            .knowledge
            .lexicon
            .language
            .succession_text
            .iter()
            .map(|w| self.stem(w))
            .collect();
        let tells = |quote: &crate::answer::AnswerQuote| {
            tokenize(&quote.citation.quote)
                .iter()
                .any(|t| words.contains(&self.stem(&t.norm)))
        };
        // A stable sort: among those that tell it, and those that do not, the rank stays.
        a.quotes.sort_by_key(|quote| !tells(quote));
        a.quotes.first().is_some_and(tells)
    }

    /// Who a person is: the sentences giving their roles (those adding the most new words
    /// first), then the others that mention them.
    fn describe_person(&self, clean: &str, q: &Query, p: usize) -> Answer {
        let k = &self.knowledge;
        {
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
            a
        }
    }

    /// "Who is the source close to the discussions?": what is attributed to an unnamed source;
    /// anything else is searched for.
    fn unnamed_source_or_search(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
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
            // Who they are is what was asked, and the sources never say: a decline, with
            // what they are reported to have said.
            if let Some((_, s)) = src {
                let facts = self.facts_by_speaker(&Speaker::Source(s.id.clone()));
                let who = lower_first(&s.description, &self.lex.lowered_openers);
                return self.decline(clean, q, DeclineReason::NotNamed(who), facts);
            }
        }
        self.search_answer(clean, q)
    }
}

#[cfg(test)]
mod tests {

    /// "Who's the mediator running the talks": the role's holder is who is asked for, and the
    /// other words are looked for in her sentences, not in anyone's ("the authority that runs
    /// the gauges").
    #[test]
    fn a_role_holder_asked_for_with_more_words_is_found_among_their_sentences() {
        let e = crate::engine::intents::engine_from(&[(
            "dam",
            "2027-05-10",
            "The talks over the Halvane dam are chaired by Hanne Berg, a former hydrologist \
             from Norvalle.\n\n\
             A spokesperson for the Basin Authority, which runs the river gauges and the dam \
             sluices, said the readings were public.\n\n\
             Aurel Pell, the engineer who has run the dam site since 2019, said the sluices \
             were open.\n\n\
             \"We will sit until there is a number,\" said Berg, the mediator.",
        )]);
        let a = e.ask("who's the mediator running the dam talks", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(
            a.citations().any(|c| c.quote.contains("Hanne Berg")),
            "{}",
            a.to_markdown()
        );
        assert!(
            a.citations().all(|c| c.quote.contains("Berg")),
            "{}",
            a.to_markdown()
        );
    }

    /// "Who is the source close to the discussions": the sources never say who, so the question
    /// is declined for that reason, with what is attributed to the source as background.
    #[test]
    fn an_unnamed_source_asked_about_is_declined_as_not_named() {
        let e = crate::engine::intents::seed();
        let a = e.ask("who is the source close to the discussions", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("the sources do not name them")
        );
        assert!(a.lead.starts_with("My sources don't name "), "{}", a.lead);
        assert!(a.citations().next().is_some(), "{}", a.to_markdown());
    }

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

    /// Succession: the other holder of a role, before or after the person named, found
    /// through the roles and when the sources first mention each holder; the verb reads by
    /// the name's side of it. No other holder named: a decline, never the person asked about.
    #[test]
    fn who_held_a_role_before_or_after_someone() {
        let e = super::super::own_multi(crate::engine::Tuning::default());
        for (q, holder) in [
            ("who was morvany's envoy before faure", "Oskar Brenn"),
            ("who did faure replace", "Oskar Brenn"),
            ("who was faure's predecessor", "Oskar Brenn"),
            ("who replaced brenn", "Leontine Faure"),
            ("who came after brenn as envoy", "Leontine Faure"),
        ] {
            let a = e.ask(q, None);
            assert!(a.answered, "{q}: {}", a.to_markdown());
            let named = a.lead.split("**").nth(3).unwrap_or("");
            assert_eq!(named, holder, "{q}: {}", a.lead);
        }
        let a = e.ask("who replaced kellan as foreign minister", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no person with that role")
        );
        // "before" about something else is not a succession.
        let a = e.ask("who did velloso meet before the talks", None);
        assert!(!a.lead.starts_with("Before"), "{}", a.lead);
    }

    /// "Who is X? same guy as the general?": the first question is answered (X described);
    /// what follows its question mark does not turn it into a search.
    #[test]
    fn a_second_question_after_who_is_x_does_not_turn_it_into_a_search() {
        let e = super::super::own_quotes();
        let a = e.ask("who is luka brandt? same guy as the general?", None);
        assert!(a.lead.starts_with("**Luka Brandt**"), "{}", a.lead);
        assert!(
            a.citations()
                .next()
                .is_some_and(|c| c.quote.contains("Luka Brandt")),
            "{}",
            a.to_markdown()
        );
    }
}
