//! The command line: `build`, `check`, `ask`, `chat`, `run`, `gen-corpus`. Parses flags with clap,
//! calls the library, prints replies to stdout and diagnostics to stderr.

use std::ffi::OsString;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand};

use crate::answer::Context;
use crate::build::{build_dir, BuildOptions};
use crate::engine::{Command, Engine, EngineSettings};
use crate::knowledge::Knowledge;
use crate::lexicon::Lexicon;

/// Parley: answers about the peace talks, quoted verbatim from its articles.
#[derive(Debug, Parser)]
#[command(name = "parley", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// Build the knowledge file from a folder of articles, and the engine snapshot beside it.
    Build {
        /// Folder of article Markdown files.
        #[arg(long, default_value = "knowledge/articles")]
        articles: PathBuf,
        /// Knowledge file to write.
        #[arg(long, default_value = "knowledge/knowledge.json")]
        out: PathBuf,
        /// Folder holding lexicon.toml and language.toml (built-in copies when absent).
        #[arg(long, default_value = "config")]
        config: PathBuf,
    },
    /// Validate a knowledge file (schema, citations, ids) and that it matches its articles.
    Check {
        /// Knowledge file.
        #[arg(default_value = "knowledge/knowledge.json")]
        file: PathBuf,
        /// Articles folder to compare with (skipped when it does not exist).
        #[arg(long, default_value = "knowledge/articles")]
        articles: PathBuf,
        /// Folder holding lexicon.toml and language.toml.
        #[arg(long, default_value = "config")]
        config: PathBuf,
    },
    /// Answer one question, or one per line from standard input.
    Ask {
        /// Knowledge file.
        #[arg(long, default_value = "knowledge/knowledge.json")]
        knowledge: PathBuf,
        /// One JSON object per answer.
        #[arg(long)]
        json: bool,
        /// Show the intent, slots and scored facts behind each answer.
        #[arg(long)]
        explain: bool,
        /// Most quotes per reply.
        #[arg(long, default_value_t = 3)]
        quotes: usize,
        /// The question; without it, questions are read from standard input, one a line.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        question: Vec<String>,
    },
    /// Talk to Parley in the terminal, with the same commands as on Discord.
    Chat {
        /// Knowledge file.
        #[arg(long, default_value = "knowledge/knowledge.json")]
        knowledge: PathBuf,
        /// Most quotes per reply.
        #[arg(long, default_value_t = 3)]
        quotes: usize,
    },
    /// Write N synthetic articles (for benchmarks and scale tests).
    GenCorpus {
        /// How many articles.
        #[arg(long)]
        articles: usize,
        /// Folder to write them into.
        #[arg(long)]
        out: PathBuf,
        /// Seed: the same seed writes the same articles.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Add articles from links, saved web pages (.html) or plain-text files (.txt) to the
    /// articles folder as Markdown; then run `parley build`.
    Add(crate::intake::AddArgs),
    /// Run the Discord bot (needs a bot token; see the README).
    Run {
        /// Bot settings file.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Gateway shards this process runs, `FIRST..LAST` (inclusive).
        #[arg(long, value_parser = parse_shard_range)]
        shards: Option<(u32, u32)>,
        /// Total gateway shards across all processes.
        #[arg(long)]
        total_shards: Option<u32>,
    },
}

fn parse_shard_range(s: &str) -> Result<(u32, u32), String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("expected FIRST..LAST, like 0..3, got {s:?}"))?;
    let a: u32 = a
        .trim()
        .parse()
        .map_err(|_| format!("bad first shard in {s:?}"))?;
    let b: u32 = b
        .trim()
        .trim_start_matches('=')
        .parse()
        .map_err(|_| format!("bad last shard in {s:?}"))?;
    if a > b {
        return Err(format!("first shard {a} is after last shard {b}"));
    }
    Ok((a, b))
}

/// mimalloc's option number for the purge delay (`mi_option_purge_delay` in mimalloc.h; the
/// Rust binding names only some options).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Makes mimalloc, the binary's allocator, give freed memory back to the system at once instead
/// of after its default 10 ms. A build of thousands of articles frees hundreds of megabytes in
/// bursts while allocating more, and that delay alone lifted the peak of a 10,000-article build
/// from 460 MB to 550-600 MB. Only `build` asks for it: answering allocates and frees small
/// buffers all the time, and purging each at once made answers three times slower. Under
/// another global allocator it changes nothing.
fn return_freed_memory_promptly() {
    // SAFETY: sets an integer option of the linked mimalloc, which any thread may do at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

/// Runs the command line; the exit code says whether it went well.
pub fn run<I, T>(args: I) -> Result<ExitCode>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    // `PARLEY_TIMINGS=1` shows how long loading takes, phase by phase, on stderr (the library
    // reports the phases as tracing events; `run` installs its own subscriber).
    if std::env::var_os("PARLEY_TIMINGS").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("parley::timing=debug"))
            .with_writer(std::io::stderr)
            .without_time()
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_target(false)
            .try_init();
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return Ok(if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            });
        }
    };
    match cli.command {
        Sub::Build {
            articles,
            out,
            config,
        } => cmd_build(&articles, &out, &config),
        Sub::Check {
            file,
            articles,
            config,
        } => cmd_check(&file, &articles, &config),
        Sub::Ask {
            knowledge,
            json,
            explain,
            quotes,
            question,
        } => {
            let engine = load_engine(&knowledge, quotes)?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            if question.is_empty() {
                let stdin = std::io::stdin();
                for line in stdin.lock().lines() {
                    let line = line.context("could not read a question from standard input")?;
                    // Every line gets an answer, a blank one too, so answers stay in step with
                    // the lines that asked them.
                    print_answer(&mut out, &engine, &line, json, explain)?;
                }
            } else {
                print_answer(&mut out, &engine, &question.join(" "), json, explain)?;
            }
            out.flush()?;
            // The process ends here: freeing a large knowledge base piece by piece would only
            // delay the exit.
            std::mem::forget(engine);
            Ok(ExitCode::SUCCESS)
        }
        Sub::Chat { knowledge, quotes } => {
            let engine = load_engine(&knowledge, quotes)?;
            chat(&engine)?;
            Ok(ExitCode::SUCCESS)
        }
        Sub::GenCorpus {
            articles,
            out,
            seed,
        } => {
            let n = crate::corpus::generate(articles, &out, seed)?;
            eprintln!("wrote {n} article(s) to {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Sub::Add(args) => crate::intake::run_add(args),
        Sub::Run {
            config,
            shards,
            total_shards,
        } => {
            crate::discord::run_blocking(crate::discord::RunOptions {
                config,
                shards,
                total_shards,
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn load_engine(path: &Path, quotes: usize) -> Result<Engine> {
    let (engine, passed_over) = crate::snapshot::load_engine(
        &crate::knowledge::locate(path.to_path_buf()),
        EngineSettings {
            max_quotes: quotes.clamp(1, 10),
        },
    )?;
    if let Some(why) = passed_over {
        eprintln!("warning: {why}; loaded the knowledge file instead");
    }
    Ok(engine)
}

fn print_answer(
    out: &mut impl Write,
    engine: &Engine,
    question: &str,
    json: bool,
    explain: bool,
) -> Result<()> {
    let answer = engine.run(&Command::parse(question), None);
    if json {
        let mut value = answer.to_json();
        if explain {
            value["explanation"] = serde_json::to_value(&answer.explanation)?;
        }
        serde_json::to_writer(&mut *out, &value)?;
        out.write_all(b"\n")?;
    } else {
        writeln!(out, "{}", answer.to_markdown())?;
        if explain {
            writeln!(out, "\n--- why this answer ---\n{}", answer.explain_text())?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn cmd_build(articles: &Path, out: &Path, config: &Path) -> Result<ExitCode> {
    return_freed_memory_promptly();
    let lexicon = Lexicon::load_dir(config)?;
    let built = build_dir(articles, &lexicon, &BuildOptions::default())?;
    for w in &built.warnings {
        eprintln!("warning: {w}");
    }
    // The old snapshot goes first: a bot that reloads the new JSON before the new snapshot is
    // written then simply loads the JSON, rather than warning about a stale snapshot.
    let _ = std::fs::remove_file(crate::snapshot::path_for(out));
    built.knowledge.save_atomic(out)?;
    let k = &built.knowledge;
    eprintln!(
        "built {} from {} article(s): {} people, {} unnamed sources, {} quotes, {} statements, {} positions, {} events, {} numbers",
        out.display(),
        k.articles.len(),
        k.people.len(),
        k.sources.len(),
        k.quotes.len(),
        k.statements.len(),
        k.positions.len(),
        k.events.len(),
        k.numbers.len()
    );
    // The engine started once here is stored, so the bot's next start need not do it again.
    let engine = Engine::new(built.knowledge, EngineSettings::default());
    match crate::snapshot::write(&engine, out) {
        Ok(path) => eprintln!("wrote {} for a fast start", path.display()),
        // The JSON is written and complete; without a snapshot the bot starts slower, that is all.
        Err(e) => eprintln!("warning: {e}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_check(file: &Path, articles: &Path, config: &Path) -> Result<ExitCode> {
    let knowledge = Knowledge::load(file)?;
    eprintln!(
        "{}: schema version {}, {} article(s), every citation verbatim, no dangling ids",
        file.display(),
        knowledge.schema_version,
        knowledge.articles.len()
    );
    if articles.is_dir() {
        let lexicon = Lexicon::load_dir(config)?;
        let built = build_dir(articles, &lexicon, &BuildOptions::default())?;
        for w in &built.warnings {
            eprintln!("warning: {w}");
        }
        if built.knowledge != knowledge {
            eprintln!(
                "error: {} is stale: it does not match what {} builds now. Run `parley build --articles {} --out {}`",
                file.display(),
                articles.display(),
                articles.display(),
                file.display()
            );
            return Ok(ExitCode::FAILURE);
        }
        eprintln!(
            "{} is up to date with {}",
            file.display(),
            articles.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

const CHAT_HELP: &str = "Ask anything about the articles, or use a command:
  /summary [topic]            summary of everything, or of a topic or article
  /who NAME                   who someone is
  /quotes [SPEAKER] [about TOPIC]   direct quotes
  /positions [PARTY] [TOPIC]  where a party stands
  /timeline                   dated events in order
  /sources                    the articles loaded
  /explain                    why the last answer was chosen
  /help                       this help;  /quit to leave";

fn chat(engine: &Engine) -> Result<()> {
    use rustyline::error::ReadlineError;
    let mut rl = rustyline::DefaultEditor::new().context("could not start the line editor")?;
    let history = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".parley_history"));
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    println!(
        "Parley: {} article(s) loaded. Ask a question, or /help. Ctrl-D quits.",
        engine.knowledge().articles.len()
    );
    let mut context: Option<Context> = None;
    let mut last: Option<crate::answer::Answer> = None;
    loop {
        match rl.readline("you> ") {
            Ok(line) => {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(line);
                match line {
                    "/quit" | "/exit" | "/q" => break,
                    "/help" | "help" | "?" => {
                        println!("{CHAT_HELP}\n");
                        continue;
                    }
                    "/explain" | "/why" => {
                        match &last {
                            Some(a) => println!("{}\n", a.explain_text()),
                            None => println!("Ask something first.\n"),
                        }
                        continue;
                    }
                    _ => {}
                }
                let answer = engine.run(&Command::parse(line), context.as_ref());
                println!("\n{}\n", answer.to_markdown());
                context = Some(answer.context.clone());
                last = Some(answer);
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e).context("could not read from the terminal"),
        }
    }
    if let Some(h) = &history {
        let _ = rl.save_history(h);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_ranges_parse() {
        assert_eq!(parse_shard_range("0..3"), Ok((0, 3)));
        assert_eq!(parse_shard_range("2..=5"), Ok((2, 5)));
        assert!(parse_shard_range("3..1").is_err());
        assert!(parse_shard_range("x").is_err());
    }
}
