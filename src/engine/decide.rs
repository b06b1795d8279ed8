//! Step 4 of the pipeline: whether what was found supports an answer. Every reason to decline is
//! one [`DeclineReason`], which says both what the user reads and what the explanation records;
//! every floor a sentence's coverage must reach is one [`Floor`]. Owns the decision and the
//! decline answer; must not rank or render quotes itself (the answer kinds gather, `compose.rs`
//! renders).

use super::understand::Query;
use super::{Engine, FactRef};
use crate::answer::{escape_markdown, Answer, AnswerQuote};
use crate::engine::Tuning;

/// Why a question gets no answer. [`DeclineReason::reason`] is the explanation's
/// `decline_reason`; [`DeclineReason::lead`] is the sentence the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DeclineReason {
    /// Nothing was asked (only spaces, control characters or mentions).
    EmptyQuestion,
    /// The question names someone or something the sources never mention (the names as typed).
    UnknownName(Vec<String>),
    /// "Who is the source close to the talks?": the sources report an unnamed source's words
    /// but never say who it is (its description as the sources give it).
    NotNamed(String),
    /// A summary was asked and the knowledge has no summary sentences for it.
    NoSummarySentences,
    /// "Who is the X?" and no one in the sources holds that role.
    NoPersonWithRole,
    /// Someone the sources mention, but never quote or report (the name).
    NeverQuoted(String),
    /// A speaker asked about by words no person, party or source of the sources answers to
    /// ("the red lantern society", "the monks"), as asked.
    NoWordsOf(String),
    /// The speaker is quoted, but not on the topic asked (the speaker, the topic as asked).
    NotQuotedOnTopic {
        /// The speaker, as the sources name them.
        who: String,
        /// The topic, as the question named it.
        topic: String,
    },
    /// No stated position of the parties on the topic (the parties' names, the topic).
    NoPosition {
        /// The parties asked about, by name.
        parties: Vec<String>,
        /// The topic, as the question named it.
        topic: String,
    },
    /// The question has no word or slot to look up.
    NothingToSearch,
    /// Some of the question's own words never occur in the sources (their stems).
    WordsNeverUsed(Vec<String>),
    /// No sentence covers the question's words well enough.
    NotCovered,
    /// The question names a role (with its party) that no one in the sources holds ("the
    /// Morvany president"): the role as asked.
    RoleNotHeld(String),
    /// The question asks for an opinion, a prediction or made-up text; `reported` is true when
    /// the decline shows what the sources report instead.
    Opinion {
        /// Whether background from the sources follows.
        reported: bool,
    },
    /// "How many soldiers ...": no sentence gives that number.
    NumberNotGiven,
    /// "When ...": none of the best sentences dates it; they follow as background.
    DateNotGiven,
    /// "Who will chair the commission": none of the best sentences names anyone besides whom
    /// the question names; they follow as background.
    NoOneNamed,
    /// "Which city ...": none of the best sentences names a place besides those the question
    /// names; they follow as background.
    NoPlaceNamed,
    /// "How did the meeting go", "was it signed": the best sentences report it only as still to
    /// come; they follow as background.
    StillAhead,
    /// A name (as typed) that several people in the sources share and nothing in the question
    /// tells apart (their full names): which one is meant is asked back, never guessed.
    AmbiguousName {
        /// The name as typed.
        name: String,
        /// The people sharing it, by full name.
        people: Vec<String>,
    },
}

impl DeclineReason {
    /// What the explanation records as the reason.
    pub(crate) fn reason(&self) -> String {
        match self {
            DeclineReason::EmptyQuestion => "an empty question".into(),
            DeclineReason::UnknownName(_) => "a name the sources never mention".into(),
            DeclineReason::NoSummarySentences => "no summary sentences".into(),
            DeclineReason::NotNamed(_) => "the sources do not name them".into(),
            DeclineReason::NoPersonWithRole => "no person with that role".into(),
            DeclineReason::NeverQuoted(_) => "mentioned but never quoted".into(),
            DeclineReason::NoWordsOf(_) => "no words of that speaker in the sources".into(),
            DeclineReason::NotQuotedOnTopic { .. } => {
                "the speaker is not quoted on that topic".into()
            }
            DeclineReason::NoPosition { .. } => "no position of that party on that topic".into(),
            DeclineReason::NothingToSearch => "no words to search for".into(),
            DeclineReason::WordsNeverUsed(words) => {
                format!("words the sources never use: {}", words.join(", "))
            }
            DeclineReason::NotCovered => "no sentence covers the question well enough".into(),
            DeclineReason::RoleNotHeld(_) => "no one in the sources holds that role".into(),
            DeclineReason::Opinion { .. } => {
                "the question asks for an opinion or a prediction".into()
            }
            DeclineReason::NumberNotGiven => "no sentence gives the number asked for".into(),
            DeclineReason::DateNotGiven => "no sentence gives the date asked for".into(),
            DeclineReason::NoOneNamed => "no sentence names who".into(),
            DeclineReason::NoPlaceNamed => "no sentence names the place asked for".into(),
            DeclineReason::StillAhead => "the sources report it only as still to come".into(),
            DeclineReason::AmbiguousName { .. } => {
                "a name several people in the sources share".into()
            }
        }
    }

    /// The sentence the user reads (Markdown, with the names escaped).
    pub(crate) fn lead(&self) -> String {
        match self {
            DeclineReason::EmptyQuestion => "Ask me a question about the talks.".into(),
            DeclineReason::UnknownName(names) => {
                let names = names
                    .iter()
                    .map(|n| format!("**{}**", escape_markdown(n)))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("My sources don't mention {names}, so I can't answer that.")
            }
            DeclineReason::NoSummarySentences => {
                "My sources don't have enough on that to summarise.".into()
            }
            DeclineReason::NotNamed(who) => format!(
                "My sources don't name {}. Here is what they attribute to them:",
                escape_markdown(who)
            ),
            DeclineReason::NoPersonWithRole => "My sources don't name anyone in that role.".into(),
            DeclineReason::NeverQuoted(who) => format!(
                "My sources mention **{}** but don't quote them or report anything they said. Here is what they report about them:",
                escape_markdown(who)
            ),
            DeclineReason::NoWordsOf(who) => format!(
                "My sources don't quote **{}** or report anything they said.",
                escape_markdown(who)
            ),
            DeclineReason::NotQuotedOnTopic { who, topic } => format!(
                "My sources don't report **{}** saying anything about {}.",
                escape_markdown(who),
                escape_markdown(topic.trim_end_matches('?'))
            ),
            DeclineReason::NoPosition { parties, topic } => format!(
                "My sources don't state {}'s position on {}.",
                parties.join(" and "),
                escape_markdown(topic.trim_end_matches('?'))
            ),
            DeclineReason::NothingToSearch => {
                "I couldn't find anything in that to look up in my sources.".into()
            }
            DeclineReason::WordsNeverUsed(_) | DeclineReason::NotCovered => {
                "My sources don't cover that.".into()
            }
            DeclineReason::RoleNotHeld(role) => format!(
                "My sources don't name {}, so I can't say what they said or did.",
                escape_markdown(role)
            ),
            DeclineReason::Opinion { reported: false } => {
                "I only report what my sources say, so I can't give an opinion or a prediction."
                    .into()
            }
            DeclineReason::Opinion { reported: true } => {
                "I only report what my sources say, so I can't give an opinion or a prediction. Here is what they report:".into()
            }
            DeclineReason::NumberNotGiven => "My sources don't give that number.".into(),
            DeclineReason::DateNotGiven => {
                "My sources don't say when. Here is what they report about it:".into()
            }
            DeclineReason::StillAhead => {
                "My sources report that only as still to come. Here is what they say:".into()
            }
            DeclineReason::NoOneNamed => {
                "My sources don't say who. Here is what they report about it:".into()
            }
            DeclineReason::NoPlaceNamed => {
                "My sources don't name that place. Here is what they report about it:".into()
            }
            DeclineReason::AmbiguousName { name, people } => format!(
                "My sources name more than one **{}**: {}. Which one do you mean?",
                escape_markdown(name),
                people
                    .iter()
                    .map(|p| format!("**{}**", escape_markdown(p)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// The share of a question's own words ([`Engine::coverage`]) a sentence must hold, by where it
/// is tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Floor {
    /// "Who said T?": the best quote's sentence, else the question goes to search.
    WhoSaid,
    /// Search with a person, party or topic named: each sentence kept.
    SearchWithSlots,
    /// Search on words alone: each sentence kept.
    SearchWordsOnly,
    /// A party's position on a topic: each sentence kept (unless it carries the topic).
    Position,
}

impl Floor {
    /// The floor, 0..1 (`[coverage]` in engine.toml).
    pub(crate) fn share(self, tuning: &Tuning) -> f32 {
        let c = &tuning.coverage;
        match self {
            Floor::WhoSaid => c.who_said,
            Floor::SearchWithSlots => c.search_with_slots,
            Floor::SearchWordsOnly => c.search_words_only,
            Floor::Position => c.position,
        }
    }

    /// True when a sentence covering `coverage` of the question reaches this floor.
    pub(crate) fn reached_by(self, coverage: f32, tuning: &Tuning) -> bool {
        coverage >= self.share(tuning)
    }
}

impl Engine {
    /// A reply that declines for `reason`, with what the sources do cover as suggestions and,
    /// when there are any, `context_facts` shown as background (not as an answer).
    pub(crate) fn decline(
        &self,
        clean: &str,
        q: &Query,
        reason: DeclineReason,
        context_facts: Vec<(FactRef, f32)>,
    ) -> Answer {
        let mut a = self.finish(clean, q, reason.lead(), context_facts, false);
        a.answered = false;
        a.explanation.decline_reason = Some(reason.reason());
        a.suggestions = self.suggestions();
        a
    }

    /// Declines a question naming a role no one in the sources holds.
    pub(crate) fn role_not_held(&self, clean: &str, q: &Query) -> Answer {
        let role = q.unknown_role.clone().unwrap_or_default();
        self.decline(clean, q, DeclineReason::RoleNotHeld(role), Vec::new())
    }

    /// Declines a question naming someone by a name several people share.
    pub(crate) fn ambiguous(&self, clean: &str, q: &Query) -> Answer {
        let (name, people) = q.ambiguous.first().cloned().unwrap_or_default();
        let people = people
            .iter()
            .map(|&p| self.knowledge.people[p].name.clone())
            .collect();
        self.decline(
            clean,
            q,
            DeclineReason::AmbiguousName { name, people },
            Vec::new(),
        )
    }

    /// Declines a question naming what the sources never mention.
    pub(crate) fn absent(&self, clean: &str, q: &Query) -> Answer {
        self.decline(
            clean,
            q,
            DeclineReason::UnknownName(q.unknown_names.clone()),
            Vec::new(),
        )
    }
}

/// An answer must show at least one quote: one whose facts all failed to render (a citation
/// that no longer fits its paragraph) is a decline, recorded without a reason, as it always was.
pub(crate) fn quotes_answer(quotes: &[AnswerQuote]) -> bool {
    !quotes.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{build_dir, BuildOptions};
    use crate::engine::{Command, EngineSettings};
    use crate::knowledge::Knowledge;
    use crate::lexicon::Lexicon;
    use std::path::Path;

    fn seed() -> Engine {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json");
        Engine::new(Knowledge::load(&path).unwrap(), EngineSettings::default())
    }

    /// Each reason as the explanation records it: the wording front ends and logs read.
    #[test]
    fn each_reason_has_its_own_explanation() {
        let reasons = [
            (DeclineReason::EmptyQuestion, "an empty question"),
            (
                DeclineReason::UnknownName(vec!["Zed".into()]),
                "a name the sources never mention",
            ),
            (DeclineReason::NoSummarySentences, "no summary sentences"),
            (
                DeclineReason::NotNamed("a source".into()),
                "the sources do not name them",
            ),
            (DeclineReason::NoPersonWithRole, "no person with that role"),
            (
                DeclineReason::NeverQuoted("Zed".into()),
                "mentioned but never quoted",
            ),
            (
                DeclineReason::NotQuotedOnTopic {
                    who: "Zed".into(),
                    topic: "rain".into(),
                },
                "the speaker is not quoted on that topic",
            ),
            (
                DeclineReason::NoPosition {
                    parties: vec!["Zland".into()],
                    topic: "rain".into(),
                },
                "no position of that party on that topic",
            ),
            (DeclineReason::NothingToSearch, "no words to search for"),
            (
                DeclineReason::WordsNeverUsed(vec!["rain".into(), "snow".into()]),
                "words the sources never use: rain, snow",
            ),
            (
                DeclineReason::NotCovered,
                "no sentence covers the question well enough",
            ),
            (
                DeclineReason::RoleNotHeld("the zland president".into()),
                "no one in the sources holds that role",
            ),
            (
                DeclineReason::Opinion { reported: true },
                "the question asks for an opinion or a prediction",
            ),
            (
                DeclineReason::NumberNotGiven,
                "no sentence gives the number asked for",
            ),
            (
                DeclineReason::StillAhead,
                "the sources report it only as still to come",
            ),
            (
                DeclineReason::AmbiguousName {
                    name: "Zed".into(),
                    people: vec!["Al Zed".into(), "Bo Zed".into()],
                },
                "a name several people in the sources share",
            ),
        ];
        for (reason, text) in &reasons {
            assert_eq!(reason.reason(), *text, "{reason:?}");
        }
        // The lead names what was asked about, escaped for Markdown.
        let lead = DeclineReason::NotQuotedOnTopic {
            who: "Zed_Y".into(),
            topic: "rain?".into(),
        }
        .lead();
        assert!(
            lead.contains(r"**Zed\_Y**") && lead.ends_with("about rain."),
            "{lead}"
        );
        let lead = DeclineReason::UnknownName(vec!["A".into(), "B*".into()]).lead();
        assert!(lead.contains(r"**A**, **B\***"), "{lead}");
        let lead = DeclineReason::AmbiguousName {
            name: "Zed".into(),
            people: vec!["Al Zed".into(), "Bo_Zed".into()],
        }
        .lead();
        assert_eq!(
            lead,
            r"My sources name more than one **Zed**: **Al Zed**, **Bo\_Zed**. Which one do you mean?"
        );
    }

    /// Questions on the seed article that must decline, each for its own reason: the decision
    /// (answered or not) and the reason recorded are checked together, with the lead the reason
    /// writes.
    #[test]
    fn each_decline_on_the_seed_gives_its_reason() {
        let e = seed();
        let cases = [
            ("", DeclineReason::EmptyQuestion),
            (
                "What did Zelensky say?",
                DeclineReason::UnknownName(vec!["Zelensky".into()]),
            ),
            ("/summary US", DeclineReason::NoSummarySentences),
            (
                "What did Putin say?",
                DeclineReason::NeverQuoted("Putin".into()),
            ),
            ("?????", DeclineReason::NothingToSearch),
            (
                "How many Russian troops are in Ukraine?",
                // A topic of the lexicon that no sentence of the sources is about.
                DeclineReason::UnknownName(vec!["security guarantees and troops".into()]),
            ),
            (
                "Who is right, Kyiv or Washington?",
                DeclineReason::Opinion { reported: true },
            ),
        ];
        for (question, want) in cases {
            let a = e.run(&Command::parse(question), None);
            assert!(!a.answered, "{question:?} answered");
            assert_eq!(
                a.explanation.decline_reason.as_deref(),
                Some(want.reason().as_str()),
                "{question:?}"
            );
            assert!(a.lead.starts_with(&want.lead()), "{question:?}: {}", a.lead);
        }
        // Reasons whose details come from the question: checked by kind and by what they name.
        let a = e.ask("What did Vance say about China?", None);
        assert!(!a.answered);
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("the speaker is not quoted on that topic")
        );
        assert!(
            a.lead.contains("**JD Vance**") && a.lead.to_lowercase().contains("china"),
            "{}",
            a.lead
        );
        let a = e.ask("what happened to the grain corridor", None);
        assert!(!a.answered);
        let why = a.explanation.decline_reason.unwrap_or_default();
        assert!(why.starts_with("words the sources never use: "), "{why}");
        assert!(why.contains("grain"), "{why}");
    }

    /// A role no one in the sources holds is declined as such (the fixtures' articles name a
    /// country's officials, but not its president).
    #[test]
    fn a_role_no_one_holds_is_declined_for_that_reason() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
        let built = build_dir(&dir, &Lexicon::builtin(), &BuildOptions::default()).unwrap();
        let e = Engine::new(built.knowledge, EngineSettings::default());
        let a = e.ask("Who is the president of Valdoria?", None);
        assert!(!a.answered);
        let want = DeclineReason::RoleNotHeld("the president of valdoria".into());
        assert_eq!(a.explanation.decline_reason, Some(want.reason()));
        assert_eq!(a.lead, want.lead());
    }

    /// The coverage floors: a sentence at a floor reaches it, one just below does not.
    #[test]
    fn floors_are_reached_at_their_share_and_not_below() {
        for floor in [
            Floor::WhoSaid,
            Floor::SearchWithSlots,
            Floor::SearchWordsOnly,
            Floor::Position,
        ] {
            let t = Tuning::built_in();
            let share = floor.share(&t);
            assert!(share > 0.0 && share < 1.0, "{floor:?}");
            assert!(
                floor.reached_by(share, &t) && floor.reached_by(1.0, &t),
                "{floor:?}"
            );
            assert!(!floor.reached_by(share - 1e-4, &t), "{floor:?}");
        }
        // Words alone must cover more of the question than words beside a named slot.
        let t = Tuning::built_in();
        assert!(Floor::SearchWordsOnly.share(&t) > Floor::SearchWithSlots.share(&t));
    }
}
