//! Commands as typed in `chat` (`/who Vance`) or sent as Discord slash commands, and
//! [`Engine::run`], which answers them. A command already says what it asks (the intent) and
//! which words fill which slot, so it is answered from a query built directly: its slots'
//! names are resolved by the same lookups a question's are (a person by any form of their name
//! or a misspelling, a party by alias, a topic by the lexicon, an article by its title), and
//! the intent patterns of `config/intents.toml` are never consulted. Owns reading a command
//! line and turning it into a query; must not answer anything itself beyond choosing which
//! answer to give.

use super::clean::clean_question;
use super::understand::{fold, Query};
use super::Engine;
use crate::answer::{Answer, Context};
use crate::intent::{Intent, IntentMatch};
use crate::text::tokenize;

/// A command, as typed in `chat` (`/who Vance`) or sent as a Discord slash command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// A free question.
    Ask(String),
    /// Summary of everything, one article, or one topic.
    Summary(Option<String>),
    /// Who a person is.
    Who(String),
    /// Quotes, optionally by one speaker and about one topic.
    Quotes {
        /// Speaker name (any form).
        speaker: Option<String>,
        /// Topic name or alias.
        topic: Option<String>,
    },
    /// Positions, optionally of one party and on one topic.
    Positions {
        /// Party name or alias.
        party: Option<String>,
        /// Topic name or alias.
        topic: Option<String>,
    },
    /// Dated events in order.
    Timeline,
    /// The articles loaded.
    Sources,
    /// What Parley can do.
    Help,
}

impl Command {
    /// Reads a line as typed in chat: `/who Vance`, `/summary crimea`, or a plain question.
    pub fn parse(line: &str) -> Command {
        let line = line.trim();
        let Some(rest) = line.strip_prefix('/') else {
            return Command::Ask(line.to_string());
        };
        let (cmd, arg) = match rest.split_once(char::is_whitespace) {
            Some((c, a)) => (c, a.trim()),
            None => (rest, ""),
        };
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        match cmd.to_lowercase().as_str() {
            "ask" => Command::Ask(arg.to_string()),
            "summary" => Command::Summary(opt(arg)),
            "who" => Command::Who(arg.to_string()),
            "quotes" => {
                let (speaker, topic) = split_about(arg);
                Command::Quotes {
                    speaker: opt(speaker),
                    topic: topic.and_then(opt),
                }
            }
            "positions" => {
                let (party, topic) = match arg.split_once(" on ").or_else(|| arg.split_once(' ')) {
                    Some((p, t)) => (p.trim(), Some(t.trim())),
                    None => (arg, None),
                };
                Command::Positions {
                    party: opt(party),
                    topic: topic.and_then(opt),
                }
            }
            "timeline" => Command::Timeline,
            "sources" => Command::Sources,
            "help" => Command::Help,
            _ => Command::Ask(line.to_string()),
        }
    }
}

pub(crate) fn split_about(arg: &str) -> (&str, Option<&str>) {
    for sep in [" about ", " on "] {
        if let Some((a, b)) = arg.split_once(sep) {
            return (a.trim(), Some(b.trim()));
        }
    }
    if let Some(b) = arg.strip_prefix("about ") {
        return ("", Some(b.trim()));
    }
    (arg, None)
}

impl Command {
    /// The command as a reader would ask it, shown as the answer's title (the `question` of
    /// the answer). Display only: it is never matched against the intent patterns.
    fn title(&self) -> String {
        let title = match self {
            Command::Ask(q) => q.clone(),
            Command::Summary(t) => format!("summary {}", t.as_deref().unwrap_or("")),
            Command::Who(p) => format!("who is {p}"),
            Command::Quotes { speaker, topic } => match (speaker, topic) {
                (Some(s), Some(t)) => format!("what did {s} say about {t}"),
                (Some(s), None) => format!("what did {s} say"),
                (None, Some(t)) => format!("who said anything about {t}"),
                (None, None) => "quotes".into(),
            },
            Command::Positions { party, topic } => match (party, topic) {
                (Some(p), Some(t)) => format!("what is the position of {p} on {t}"),
                (Some(p), None) => format!("what is the position of {p}"),
                (None, Some(t)) => format!("positions on {t}"),
                (None, None) => "positions of the parties".into(),
            },
            Command::Timeline => "timeline".into(),
            Command::Sources => "sources".into(),
            Command::Help => "help".into(),
        };
        clean_question(&title)
    }
}

/// A command as a query: the intent, the slot naming who (a person or a party) and the
/// topic slot, as typed.
struct Slots<'a> {
    intent: Intent,
    name: &'static str,
    /// Who: a person for `/who` and `/quotes`, a party (or one of its people) for `/positions`.
    subject: Option<&'a str>,
    /// What about: a topic, an article, or any words.
    topic: Option<&'a str>,
}

impl Engine {
    /// Runs a command. Free questions go through [`Engine::ask`]; the others are answered from
    /// their slots (see the module's documentation).
    pub fn run(&self, command: &Command, context: Option<&Context>) -> Answer {
        fn slots<'a>(
            intent: Intent,
            name: &'static str,
            subject: Option<&'a String>,
            topic: Option<&'a String>,
        ) -> Slots<'a> {
            Slots {
                intent,
                name,
                subject: subject.map(String::as_str),
                topic: topic.map(String::as_str),
            }
        }
        let mut answer = match command {
            Command::Ask(q) => return self.ask(q, context),
            Command::Summary(t) => self.run_slots(
                slots(Intent::Summary, "/summary", None, t.as_ref()),
                context,
            ),
            Command::Who(p) => self.run_slots(slots(Intent::Who, "/who", Some(p), None), None),
            Command::Quotes { speaker, topic } => match (speaker, topic) {
                (None, None) => return self.all_quotes(),
                (None, Some(t)) => {
                    self.run_slots(slots(Intent::WhoSaid, "/quotes", None, Some(t)), None)
                }
                (s, t) => {
                    self.run_slots(slots(Intent::Said, "/quotes", s.as_ref(), t.as_ref()), None)
                }
            },
            Command::Positions { party, topic } => self.run_slots(
                slots(
                    Intent::Position,
                    "/positions",
                    party.as_ref(),
                    topic.as_ref(),
                ),
                None,
            ),
            Command::Timeline => return self.timeline(),
            Command::Sources => self.sources_answer(""),
            Command::Help => self.help_answer("", true),
        };
        answer.question = command.title();
        answer
    }

    /// Answers a command's slots through the same steps as a question, the intent given.
    fn run_slots(&self, slots: Slots<'_>, context: Option<&Context>) -> Answer {
        let prepare = |s: &str| self.lex.expand_shorthand(&clean_question(s));
        let subject = slots.subject.map(prepare).filter(|s| !s.is_empty());
        let topic = slots.topic.map(prepare).filter(|s| !s.is_empty());
        // One text holding every slot, the subject first, for the steps that read words.
        let text = [subject.as_deref(), topic.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let read = |subject: Option<String>, topic: Option<String>| {
            let intent = IntentMatch {
                name: slots.intent,
                pattern: Some(slots.name.to_string()),
                x: subject,
                t: topic,
            };
            self.analyse_as(&text, &fold(&text, &self.lex.contractions), intent, context)
        };
        let words = subject.as_deref().map_or(0, |s| tokenize(s).len());
        let mut q = read(subject.clone(), topic.clone());
        // A name that runs on past the subject slot was cut in two by the command line's
        // reader ("/positions United States" read as party "United", topic "States"): the
        // subject is the whole name, the topic what follows it.
        let name_end = q
            .spans
            .iter()
            .filter(|sp| sp.2 < words && sp.3 > words)
            .map(|sp| sp.3)
            .max();
        let words = match name_end {
            Some(end) => {
                let cut = q.tokens[end - 1].end;
                let rest = text[cut..].trim();
                let topic = (!rest.is_empty()).then(|| rest.to_string());
                q = read(Some(text[..cut].trim().to_string()), topic);
                end
            }
            None => words,
        };
        if words > 0 {
            let unknown = self.unresolved_name(&text, words, &q);
            q.unknown_names.extend(unknown);
            let unmentioned = self.unmentioned_parties(words, &q);
            q.unknown_names.extend(unmentioned);
        }
        self.answer(&text, &mut q)
    }

    /// The names of the parties in a name slot (its first `words` tokens) that no sentence of
    /// the sources mentions: the lexicon knows them, the sources do not, so they are declined
    /// as names the sources never mention rather than as a position the sources do not state.
    fn unmentioned_parties(&self, words: usize, q: &Query) -> Vec<String> {
        if !q.unknown_names.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<String> = Vec::new();
        for sp in q.spans.iter().filter(|sp| !sp.0 && sp.2 < words) {
            let name = &self.knowledge.lexicon.parties[sp.1].name;
            if !out.contains(name) && !self.sents.iter().any(|s| s.parties.contains(&sp.1)) {
                out.push(name.clone());
            }
        }
        out
    }

    /// The words of a name slot (the first `words` tokens of `text`, which `q` was read from)
    /// when the slot named no one: no person, party or role was found in it and the sources use none of its words.
    /// They are then an unknown name, declined as such, never searched for and never taken
    /// for someone else. Empty when the slot resolved, or when a word of it is in the sources
    /// (an unnamed source, "the mediator": the answer kinds decide), or when the question's
    /// own reading already found the unknown name.
    fn unresolved_name(&self, text: &str, words: usize, q: &Query) -> Vec<String> {
        let n = words.min(q.tokens.len());
        if !q.unknown_names.is_empty() || q.spans.iter().any(|sp| sp.2 < n) {
            return Vec::new();
        }
        let words: Vec<_> = q.tokens[..n]
            .iter()
            .filter(|t| !t.numeric && !self.lex.stopwords.contains(&t.norm))
            .collect();
        if words.is_empty() || words.iter().any(|t| self.norms.contains(&t.norm)) {
            return Vec::new();
        }
        words.iter().map(|t| t.base(text).to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::engine::decide::DeclineReason;
    use crate::engine::EngineSettings;
    use crate::intent::IntentMatcher;
    use crate::knowledge::Knowledge;

    fn seed() -> Engine {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json");
        Engine::new(Knowledge::load(&path).unwrap(), EngineSettings::default())
    }

    /// The built-in intents file without the blocks of the named intents.
    fn intents_without(names: &[&str]) -> IntentMatcher {
        let text = include_str!("../../config/intents.toml");
        let kept: Vec<&str> = text
            .split("[[intent]]")
            .enumerate()
            .filter(|(i, block)| {
                *i == 0
                    || !names
                        .iter()
                        .any(|n| block.contains(&format!("name = \"{n}\"")))
            })
            .map(|(_, block)| block)
            .collect();
        IntentMatcher::from_toml(&kept.join("[[intent]]")).unwrap()
    }

    const COMMANDS: &[&str] = &[
        "/who Vance",
        "/who witkof",
        "/who Xyzzy",
        "/quotes Vance about territorial swaps",
        "/quotes Vanse",
        "/quotes about crimea",
        "/quotes Smith about crimea",
        "/positions Ukraine on crimea",
        "/positions US",
        "/positions United States on Crimea",
        "/summary crimea",
        "/summary",
        "/sources",
        "/help",
        "/timeline",
    ];

    /// Editing or deleting an intent's English patterns cannot change a slash command's
    /// answer: with every pattern of the intents the commands use removed, each answer is the
    /// same (explanation included), while the same words asked as a question no longer reach them.
    #[test]
    fn commands_answer_the_same_without_their_intent_patterns() {
        let mut e = seed();
        let before: Vec<String> = COMMANDS
            .iter()
            .map(|c| format!("{:?}", e.run(&Command::parse(c), None)))
            .collect();
        e.intents = intents_without(&[
            "who", "said", "who_said", "position", "summary", "sources", "help",
        ]);
        for q in [
            "what is the position of Ukraine on crimea",
            "what did Vance say about territorial swaps",
            "who is Vance",
        ] {
            let asked = e.ask(q, None).intent;
            assert!(
                !["position", "said", "who"].contains(&asked.as_str()),
                "{q:?} still matched {asked}"
            );
        }
        for (c, want) in COMMANDS.iter().zip(&before) {
            let got = format!("{:?}", e.run(&Command::parse(c), None));
            assert_eq!(&got, want, "{c}");
        }
    }

    /// The slots resolve as a question's do: a misspelt name to its person, a party by alias,
    /// a name cut in two by the command line's reader to the whole name.
    #[test]
    fn command_slots_resolve_to_people_parties_and_topics() {
        let e = seed();
        let a = e.run(&Command::parse("/quotes Vanse"), None);
        assert!(a.answered, "{}", a.to_markdown());
        assert_eq!(a.intent, "said");
        assert_eq!(a.context.person.as_deref(), Some("jd-vance"));
        let a = e.run(&Command::parse("/who witkof"), None);
        assert_eq!(a.intent, "who");
        assert_eq!(a.context.person.as_deref(), Some("steve-witkoff"));
        let a = e.run(&Command::parse("/positions United States on Crimea"), None);
        assert!(a.answered, "{}", a.to_markdown());
        assert_eq!(a.context.party.as_deref(), Some("us"));
        assert_eq!(a.context.topic.as_deref(), Some("crimea"));
        assert_eq!(
            a.question,
            "what is the position of United States on Crimea"
        );
        // A party named alone is answered with its stated positions.
        let a = e.run(&Command::parse("/positions US"), None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.lead.contains("**United States**"), "{}", a.lead);
    }

    /// A name slot that names no one is declined as an unknown name, whatever its case and
    /// whether or not it is an English word, and never answered about someone else.
    #[test]
    fn an_unknown_name_in_a_command_is_declined_as_one() {
        let e = seed();
        for (command, name) in [
            ("/who Xyzzy", "Xyzzy"),
            ("/who smith", "smith"),
            ("/quotes Smith about crimea", "Smith"),
            ("/positions xyzzy", "xyzzy"),
        ] {
            let a = e.run(&Command::parse(command), None);
            assert_declined_as_unknown(&a, command, name);
            assert_eq!(a.context.person, None, "{command}");
            assert!(a.quotes.is_empty(), "{command}");
        }
    }

    /// A party the lexicon knows and the sources never mention is declined as absent, named
    /// whole, even when the command line's reader cut its name in two.
    #[test]
    fn a_party_the_sources_never_mention_is_declined_as_absent() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
        let built = crate::build::build_dir(
            &dir,
            &crate::lexicon::Lexicon::builtin(),
            &crate::build::BuildOptions::default(),
        )
        .unwrap();
        let e = Engine::new(built.knowledge, EngineSettings::default());
        for command in ["/positions United States", "/positions US on territory"] {
            let a = e.run(&Command::parse(command), None);
            assert_declined_as_unknown(&a, command, "United States");
        }
    }

    /// `a`, the answer to `command`, declines because the sources never mention `name`: the
    /// reason recorded and the lead both say so.
    fn assert_declined_as_unknown(a: &Answer, command: &str, name: &str) {
        let want = DeclineReason::UnknownName(vec![name.into()]);
        assert!(!a.answered, "{command}");
        assert_eq!(
            a.explanation.decline_reason,
            Some(want.reason()),
            "{command}"
        );
        assert!(a.lead.starts_with(&want.lead()), "{command}: {}", a.lead);
    }
}
