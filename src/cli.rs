//! The command line: `build`, `check`, `ask`, `eval`, `chat`, `run`, `gen-corpus`. Parses flags with clap,
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
    /// Score the bot on a question set (JSON Lines: id, q, kind answer|decline, evidence).
    Eval {
        /// The question set.
        #[arg(long)]
        questions: PathBuf,
        /// Build the knowledge from this folder of articles first (in memory; nothing written).
        #[arg(long)]
        articles: Option<PathBuf>,
        /// Knowledge file, when --articles is not given.
        #[arg(long, default_value = "knowledge/knowledge.json")]
        knowledge: PathBuf,
        /// Folder holding lexicon.toml and language.toml, for --articles.
        #[arg(long, default_value = "config")]
        config: PathBuf,
        /// List every miss with what was cited.
        #[arg(long)]
        verbose: bool,
        /// Exit non-zero when the score (0 to 1) is below this.
        #[arg(long)]
        min: Option<f64>,
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

/// How long mimalloc keeps freed memory before giving it back to the system, for a build, in
/// milliseconds (mimalloc 3's default is 1,000).
const BUILD_PURGE_DELAY_MS: std::os::raw::c_long = 10;

/// Sets the allocator up for a build: freed memory goes back to the system after 10 ms, and no
/// transparent huge pages.
///
/// A build of thousands of articles frees hundreds of megabytes in bursts while allocating more.
/// With mimalloc's default delay (1 s) that memory is kept while more is taken: the peak of a
/// 10,000-article build rises to 510-550 MB. Giving it back at once (delay 0, the setting before
/// this one) keeps the peak low, but mimalloc asks the kernel for huge pages
/// (`madvise(MADV_HUGEPAGE)`), so each page given back returns as a fresh 2 MiB page zeroed whole
/// on first touch: at 10,000 articles that zeroing was 14% of the build's `perf` samples and
/// 1.9-2.3 s of system time, at a 467-474 MB peak. With huge pages off for the process and a
/// 10 ms delay, the same build takes 0.7-0.8 s of system time at about 450 MB. Only `build` does
/// this: answering allocates and frees small buffers all the time, and purging them early made
/// answers three times slower. Under another global allocator the delay changes nothing.
fn tune_allocator_for_build() {
    // SAFETY: sets an integer option of the linked mimalloc, which any thread may do at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, BUILD_PURGE_DELAY_MS) }
    #[cfg(target_os = "linux")]
    {
        extern "C" {
            fn prctl(option: std::os::raw::c_int, ...) -> std::os::raw::c_int;
        }
        /// `PR_SET_THP_DISABLE` in `<linux/prctl.h>`.
        const PR_SET_THP_DISABLE: std::os::raw::c_int = 41;
        let one: std::os::raw::c_ulong = 1;
        let zero: std::os::raw::c_ulong = 0;
        // SAFETY: prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) only sets a flag on this process; a
        // kernel without it returns an error, which changes nothing.
        let _ = unsafe { prctl(PR_SET_THP_DISABLE, one, zero, zero, zero) };
    }
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
            let mut refused = 0;
            if question.is_empty() {
                let stdin = std::io::stdin();
                refused = ask_lines(&mut stdin.lock(), &mut out, &engine, json, explain)?;
            } else {
                print_answer(&mut out, &engine, &question.join(" "), json, explain)?;
            }
            out.flush()?;
            // The process ends here: freeing a large knowledge base piece by piece would only
            // delay the exit.
            std::mem::forget(engine);
            if refused > 0 {
                eprintln!(
                    "error: {refused} line(s) of standard input were not read as questions (not \
                     UTF-8, or longer than {MAX_STDIN_LINE_BYTES} bytes); see the output lines"
                );
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
        Sub::Chat { knowledge, quotes } => {
            let engine = load_engine(&knowledge, quotes)?;
            chat(&engine)?;
            Ok(ExitCode::SUCCESS)
        }
        Sub::Eval {
            questions,
            articles,
            knowledge,
            config,
            verbose,
            min,
        } => cmd_eval(
            &questions,
            articles.as_deref(),
            &knowledge,
            &config,
            verbose,
            min,
        ),
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
            ..EngineSettings::default()
        },
    )?;
    if let Some(why) = passed_over {
        eprintln!("warning: {why}; loaded the knowledge file instead");
    }
    Ok(engine)
}

/// Longest line `parley ask` reads from standard input, in bytes, without its line ending: room
/// for the longest question the engine reads (1,000 characters of up to 4 bytes each). A longer
/// line is refused, not cut, and never held in memory whole.
pub const MAX_STDIN_LINE_BYTES: usize = 4096;

/// One line of input, as [`read_line_bounded`] found it.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// The line's bytes are in the buffer, without the line ending.
    Read,
    /// The line was longer than the limit; this many bytes were skipped, ending excluded.
    TooLong(usize),
    /// No more input.
    End,
}

/// Reads one line (ended by `\n`, or `\r\n`, or the end of input) into `buf`, keeping at most
/// `limit` bytes: a longer line is skipped to its end and reported as [`Line::TooLong`].
fn read_line_bounded(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Line> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    let mut last = None;
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        total += part.len();
        if let Some(&b) = part.last() {
            last = Some(b);
        }
        if total <= limit + 1 {
            // One byte over the limit is kept, in case it is the `\r` of a `\r\n`.
            buf.extend_from_slice(part);
        }
        let used = done.unwrap_or(part.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(Line::End);
    }
    if last == Some(b'\r') {
        total -= 1;
        buf.truncate(total);
    }
    if total > limit {
        buf.clear();
        return Ok(Line::TooLong(total));
    }
    Ok(Line::Read)
}

/// Answers each line of `input` in order, one answer per line, so that output N answers input
/// line N. A line that is not UTF-8, or longer than [`MAX_STDIN_LINE_BYTES`], gets an output of
/// its own saying why it was not read (`"answered": false` and an `error` in JSON), and the batch
/// goes on. Returns how many lines were refused.
fn ask_lines(
    input: &mut impl BufRead,
    out: &mut impl Write,
    engine: &Engine,
    json: bool,
    explain: bool,
) -> Result<usize> {
    let mut buf = Vec::new();
    let mut refused = 0;
    for number in 1.. {
        let why = match read_line_bounded(input, &mut buf, MAX_STDIN_LINE_BYTES)
            .context("could not read a question from standard input")?
        {
            Line::End => break,
            Line::TooLong(bytes) => format!(
                "line {number} of standard input was not read: it is {bytes} bytes long, over \
                 the limit of {MAX_STDIN_LINE_BYTES}"
            ),
            Line::Read => match std::str::from_utf8(&buf) {
                // Every line gets an answer, a blank one too.
                Ok(question) => {
                    print_answer(out, engine, question, json, explain)?;
                    continue;
                }
                Err(e) => format!(
                    "line {number} of standard input was not read: it is not UTF-8 (invalid \
                     byte at offset {})",
                    e.valid_up_to()
                ),
            },
        };
        refused += 1;
        print_refusal(out, &why, json)?;
    }
    Ok(refused)
}

/// Writes the output for a line that was not read: the same JSON keys as an answer, with
/// `"answered": false` and an `error`, or the reason as text.
fn print_refusal(out: &mut impl Write, why: &str, json: bool) -> Result<()> {
    if json {
        let value = serde_json::json!({
            "question": null,
            "intent": null,
            "answered": false,
            "error": why,
            "text": why,
            "citations": [],
        });
        serde_json::to_writer(&mut *out, &value)?;
        out.write_all(b"\n")?;
    } else {
        writeln!(out, "({why})\n")?;
    }
    Ok(())
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
    tune_allocator_for_build();
    let lexicon = Lexicon::load_dir(config)?;
    let t_build = std::time::Instant::now();
    let built = build_dir(articles, &lexicon, &BuildOptions::default())?;
    tracing::debug!(target: "parley::timing", phase = "build", elapsed = ?t_build.elapsed(), "timing");
    for w in &built.warnings {
        eprintln!("warning: {w}");
    }
    // The old snapshot goes first: a bot that reloads the new JSON before the new snapshot is
    // written then simply loads the JSON, rather than warning about a stale snapshot.
    let _ = std::fs::remove_file(crate::snapshot::path_for(out));
    let t_save = std::time::Instant::now();
    let finish_save = built.knowledge.save_unsynced(out)?;
    tracing::debug!(target: "parley::timing", phase = "save", elapsed = ?t_save.elapsed(), "timing");
    let k = &built.knowledge;
    let built_line = format!(
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
    // Meanwhile the JSON is synced to the disk and moved into place on another thread (mostly
    // waiting for the disk: 0.1-0.3 s at 10,000 articles); the snapshot, stamped with the
    // JSON's length and time, is written once it is there.
    let (engine, saved) = std::thread::scope(|scope| {
        let saving = scope.spawn(move || {
            let t_sync = std::time::Instant::now();
            let saved = finish_save();
            tracing::debug!(target: "parley::timing", phase = "sync", elapsed = ?t_sync.elapsed(), "timing");
            saved
        });
        let engine = Engine::new(built.knowledge, EngineSettings::default());
        let saved = saving
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (engine, saved)
    });
    saved?;
    eprintln!("{built_line}");
    let t_snapshot = std::time::Instant::now();
    let written = crate::snapshot::write(&engine, out);
    tracing::debug!(target: "parley::timing", phase = "snapshot", elapsed = ?t_snapshot.elapsed(), "timing");
    match written {
        Ok(path) => eprintln!("wrote {} for a fast start", path.display()),
        // The JSON is written and complete; without a snapshot the bot starts slower, that is all.
        Err(e) => eprintln!("warning: {e}"),
    }
    // The process ends here: freeing the engine piece by piece would only delay the exit.
    std::mem::forget(engine);
    Ok(ExitCode::SUCCESS)
}

fn cmd_eval(
    questions: &Path,
    articles: Option<&Path>,
    knowledge: &Path,
    config: &Path,
    verbose: bool,
    min: Option<f64>,
) -> Result<ExitCode> {
    let text = std::fs::read_to_string(questions)
        .with_context(|| format!("could not read the question set {}", questions.display()))?;
    let set = crate::eval::parse_questions(&text)
        .with_context(|| format!("{} is not a question set", questions.display()))?;
    // The weights asked for: `engine.toml` in the config folder over the built-in ones, so a
    // change to a weight can be scored without rebuilding parley.
    let tuning = crate::engine::Tuning::load_dir(config)?;
    let engine = match articles {
        Some(dir) => {
            let lexicon = Lexicon::load_dir(config)?;
            let built = build_dir(dir, &lexicon, &BuildOptions::default())?;
            Engine::new(
                built.knowledge,
                EngineSettings {
                    tuning,
                    ..EngineSettings::default()
                },
            )
        }
        None => {
            let mut engine = load_engine(knowledge, 3)?;
            engine.set_tuning(tuning);
            engine
        }
    };
    let answers: Vec<_> = set
        .iter()
        .map(|q| engine.run(&Command::parse(&q.q), None))
        .collect();
    let report = crate::eval::Report::of(&set, &answers);
    // A reader that stops early (`parley eval ... | head`) is not an error.
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(report.render(&set, &answers, verbose).as_bytes())
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    if let Some(min) = min {
        if report.score() < min {
            eprintln!("error: score {:.3} is below --min {min:.3}", report.score());
            return Ok(ExitCode::FAILURE);
        }
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

    fn lines(input: &[u8], limit: usize) -> Vec<(Line, Vec<u8>)> {
        // A reader with a small buffer, so lines span several fills.
        let mut r = std::io::BufReader::with_capacity(3, input);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        loop {
            let l = read_line_bounded(&mut r, &mut buf, limit).unwrap();
            if l == Line::End {
                return got;
            }
            got.push((l, buf.clone()));
        }
    }

    #[test]
    fn stdin_lines_are_bounded_and_kept_apart() {
        let got = lines(b"who\r\n\xff\xfe bad\n0123456789\n\nlast", 8);
        assert_eq!(
            got,
            vec![
                (Line::Read, b"who".to_vec()),
                (Line::Read, b"\xff\xfe bad".to_vec()),
                (Line::TooLong(10), Vec::new()),
                (Line::Read, Vec::new()),
                (Line::Read, b"last".to_vec()),
            ]
        );
        // Exactly at the limit, with or without `\r\n`, is read; one byte over is not.
        assert_eq!(
            lines(b"12345678\r\n12345678\n123456789\r\n", 8),
            vec![
                (Line::Read, b"12345678".to_vec()),
                (Line::Read, b"12345678".to_vec()),
                (Line::TooLong(9), Vec::new()),
            ]
        );
        assert!(lines(b"", 8).is_empty());
        // A line far over the limit is skipped without being held whole; a `\r` inside it is
        // not taken for its ending.
        let mut long = b"1234567\r".to_vec();
        long.extend(vec![b'a'; 100_000]);
        long.extend(b"\r\nnext");
        assert_eq!(
            lines(&long, 8),
            vec![
                (Line::TooLong(100_008), Vec::new()),
                (Line::Read, b"next".to_vec())
            ]
        );
    }
}
