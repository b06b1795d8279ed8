//! Commands as typed in `chat` (`/who Vance`) or sent as Discord slash commands, and
//! [`Engine::run`], which answers them. Owns reading a command line; must not answer anything
//! itself beyond choosing which answer to give.

use super::Engine;
use crate::answer::{Answer, Context};

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

impl Engine {
    /// Runs a command.
    pub fn run(&self, command: &Command, context: Option<&Context>) -> Answer {
        match command {
            Command::Ask(q) => self.ask(q, context),
            Command::Summary(t) => {
                self.ask(&format!("summary {}", t.as_deref().unwrap_or("")), context)
            }
            Command::Who(p) => self.ask(&format!("who is {p}"), None),
            Command::Quotes { speaker, topic } => match (speaker, topic) {
                (Some(s), Some(t)) => self.ask(&format!("what did {s} say about {t}"), None),
                (Some(s), None) => self.ask(&format!("what did {s} say"), None),
                (None, Some(t)) => self.ask(&format!("who said anything about {t}"), None),
                (None, None) => self.all_quotes(),
            },
            Command::Positions { party, topic } => match (party, topic) {
                (Some(p), Some(t)) => {
                    self.ask(&format!("what is the position of {p} on {t}"), None)
                }
                (Some(p), None) => self.ask(&format!("what is the position of {p}"), None),
                (None, Some(t)) => self.ask(&format!("positions on {t}"), None),
                (None, None) => self.ask("positions of the parties", None),
            },
            Command::Timeline => self.timeline(),
            Command::Sources => self.ask("sources", None),
            Command::Help => self.ask("help", None),
        }
    }
}
