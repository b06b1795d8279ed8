//! Answers written out for `scripts/compare_answers.sh`, which diffs them against a saved run so
//! a change to the engine's layout can show it changed no answer.
//!
//! - `answer_dump questions SEED`: prints `parley::corpus::questions(SEED)`, one a line.
//! - `answer_dump chain KNOWLEDGE.json`: reads lines (questions or `/commands`) from standard
//!   input and answers each with the context of the answer before it, as `chat` and Discord do,
//!   so follow-ups ("what about Vance?") are compared too. Prints one JSON object a line: the
//!   answer's JSON with its explanation and the context it leaves.

use std::io::{BufRead, Write};
use std::path::Path;

use parley::{Command, Engine, EngineSettings, Knowledge};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("questions") => {
            let seed: u64 = args
                .get(2)
                .and_then(|s| s.parse().ok())
                .expect("answer_dump questions SEED");
            for q in parley::corpus::questions(seed) {
                println!("{q}");
            }
        }
        Some("chain") => {
            let path = args.get(2).expect("answer_dump chain KNOWLEDGE.json");
            let knowledge = Knowledge::load(Path::new(path)).expect("knowledge loads");
            let engine = Engine::new(knowledge, EngineSettings::default());
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let mut context = None;
            for line in std::io::stdin().lock().lines() {
                let line = line.expect("a line of standard input");
                let answer = engine.run(&Command::parse(&line), context.as_ref());
                let mut value = answer.to_json();
                value["explanation"] =
                    serde_json::to_value(&answer.explanation).expect("explanation serializes");
                value["context"] =
                    serde_json::to_value(&answer.context).expect("context serializes");
                serde_json::to_writer(&mut out, &value).expect("stdout");
                out.write_all(b"\n").expect("stdout");
                context = Some(answer.context);
            }
        }
        _ => {
            eprintln!("usage: answer_dump questions SEED | answer_dump chain KNOWLEDGE.json");
            std::process::exit(2);
        }
    }
}
