//! `parley ask` over standard input when some lines cannot be read as questions (issue 15,
//! part 3): a line that is not UTF-8, or longer than the documented limit, gets an output line of
//! its own saying why, the lines after it are still answered, and the exit code says that a line
//! was refused.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use parley::cli::MAX_STDIN_LINE_BYTES;
use serde_json::Value;

/// Runs `parley ask` with `args`, writing `input` to its standard input.
fn ask(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parley"))
        .arg("ask")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn parley");
    let mut stdin = child.stdin.take().expect("stdin piped");
    let input = input.to_vec();
    // Written from a thread, so a large input cannot block against unread output.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("parley ask ran");
    writer.join().expect("writer thread");
    out
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("the output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The JSON answer to one question asked alone, for comparison.
fn alone(question: &str) -> Value {
    let out = ask(&["--json"], format!("{question}\n").as_bytes());
    assert!(out.status.success());
    json_lines(&out).remove(0)
}

#[test]
fn a_line_that_is_not_utf8_gets_its_own_answer_and_the_batch_goes_on() {
    let out = ask(&["--json"], b"who is vance\n\xff\xfe bad\nwho is rubio\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines = json_lines(&out);
    assert_eq!(
        lines.len(),
        3,
        "one output line per input line: {lines:?}\n{stderr}"
    );
    assert_eq!(lines[0], alone("who is vance"));
    assert_eq!(
        lines[2],
        alone("who is rubio"),
        "the line after the bad one"
    );
    assert_eq!(lines[1]["answered"], false);
    let error = lines[1]["error"].as_str().expect("an error field");
    assert!(error.contains("not UTF-8"), "{error}");
    assert!(error.contains("line 2"), "{error}");
    assert!(
        !out.status.success(),
        "a refused line must show in the exit code; stderr: {stderr}"
    );
    assert!(stderr.contains("1 line(s)"), "{stderr}");
}

#[test]
fn a_line_over_the_size_limit_is_refused_and_the_batch_goes_on() {
    let mut input = b"who is vance\n".to_vec();
    input.extend(vec![b'a'; MAX_STDIN_LINE_BYTES + 1]);
    input.extend(b"\nwho is rubio\n");
    // Exactly at the limit is still a question.
    input.extend(vec![b'b'; MAX_STDIN_LINE_BYTES]);
    input.push(b'\n');
    let out = ask(&["--json"], &input);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[1]["answered"], false);
    let error = lines[1]["error"].as_str().expect("an error field");
    assert!(
        error.contains(&MAX_STDIN_LINE_BYTES.to_string()) && error.contains("line 2"),
        "{error}"
    );
    assert_eq!(lines[2], alone("who is rubio"));
    assert!(lines[3].get("error").is_none(), "{}", lines[3]);
    assert!(lines[3]["question"].is_string());
    assert!(!out.status.success());
}

#[test]
fn a_batch_with_every_line_read_exits_zero() {
    let out = ask(&["--json"], b"who is vance\n\nwho is rubio");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l.get("error").is_none()));
}

#[test]
fn plain_text_says_which_line_was_skipped_and_goes_on() {
    let out = ask(&[], b"who is vance\n\xff\xfe bad\nwho is rubio\n");
    let text = String::from_utf8(out.stdout.clone()).expect("UTF-8 output");
    let rubio = String::from_utf8(ask(&[], b"who is rubio\n").stdout).unwrap();
    let refusal = text
        .find("line 2 of standard input was not read: it is not UTF-8")
        .unwrap_or_else(|| panic!("no refusal line in:\n{text}"));
    assert!(
        text[refusal..].contains(rubio.trim()),
        "the third question is answered after the refusal:\n{text}"
    );
    assert!(!out.status.success());
}

/// `parley eval ... | head`: a reader that closes the pipe before the report is written ends
/// the run quietly, with no panic.
#[test]
fn eval_into_a_closed_pipe_ends_quietly() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut child = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args([
            "eval",
            "--questions",
            &format!("{root}/tests/eval/external-seed/questions.jsonl"),
            "--knowledge",
            &format!("{root}/knowledge/knowledge.json"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("parley runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("parley ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}
