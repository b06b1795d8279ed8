//! The only call the front ends make: [`Engine::ask`] and [`Engine::run`] turn a question or a
//! command into an [`Answer`]. Pure: no disk, no network, no Discord.

use crate::answer::{Answer, Context, Explanation};
use crate::knowledge::Knowledge;

/// Reply settings the engine honours.
#[derive(Debug, Clone)]
pub struct EngineSettings {
    /// Most quotes in one reply.
    pub max_quotes: usize,
}

impl Default for EngineSettings {
    fn default() -> Self {
        EngineSettings { max_quotes: 3 }
    }
}

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

/// What an autocomplete asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    /// People (named).
    Person,
    /// Parties.
    Party,
    /// Topics.
    Topic,
    /// Articles (by title).
    Article,
}

/// The answer engine over one loaded knowledge file.
#[derive(Debug)]
pub struct Engine {
    knowledge: Knowledge,
    settings: EngineSettings,
}

impl Engine {
    /// Makes an engine from knowledge.
    pub fn new(knowledge: Knowledge, settings: EngineSettings) -> Engine {
        Engine {
            knowledge,
            settings,
        }
    }

    /// The knowledge it answers from.
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// Answers a free question, with an optional follow-up context.
    pub fn ask(&self, question: &str, context: Option<&Context>) -> Answer {
        let _ = (context, self.settings.max_quotes);
        Answer {
            question: question.to_string(),
            intent: "fallback".into(),
            answered: false,
            lead: "My sources don't cover that.".into(),
            quotes: vec![],
            suggestions: vec![],
            context: Context::default(),
            explanation: Explanation::default(),
        }
    }

    /// Runs a command.
    pub fn run(&self, command: &Command, context: Option<&Context>) -> Answer {
        match command {
            Command::Ask(q) => self.ask(q, context),
            _ => self.ask("", context),
        }
    }

    /// Autocomplete choices for a slot, best first.
    pub fn complete(&self, kind: SlotKind, prefix: &str, limit: usize) -> Vec<String> {
        let _ = (kind, prefix, limit);
        Vec::new()
    }
}

impl Command {
    /// Reads a line as typed in chat: `/who Vance`, `/summary crimea`, or a plain question.
    pub fn parse(line: &str) -> Command {
        Command::Ask(line.to_string())
    }
}
