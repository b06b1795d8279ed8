//! The snapshot `parley build` writes beside the knowledge file: an engine read back from it
//! answers exactly as one started from the JSON, and a snapshot that is stale, damaged or cut
//! short is passed over for the JSON, never answered from.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use parley::engine::SlotKind;
use parley::snapshot::{self, SnapshotError};
use parley::{Command, Engine, EngineSettings, Knowledge};

mod question_sets;

fn seed_json() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json")
}

/// Every question of both question sets, the corpus questions for `corpus_seed`, the commands,
/// and some follow-ups that lean on what the engine precomputes (names, spelling, positions).
fn questions(corpus_seed: u64) -> Vec<String> {
    let mut out = Vec::new();
    for file in ["tests/questions/seed.toml", "tests/questions/fixtures.toml"] {
        out.extend(question_sets::load(file).into_iter().map(|c| c.ask));
    }
    out.extend(parley::corpus::questions(corpus_seed));
    for c in [
        "/summary",
        "/timeline",
        "/sources",
        "/help",
        "/positions",
        "/quotes",
        "/who ceasefire",
    ] {
        out.push(c.to_string());
    }
    out
}

/// Everything a front end can get from an engine, as JSON, for the questions.
fn replies(engine: &Engine, questions: &[String]) -> Vec<serde_json::Value> {
    let mut out: Vec<serde_json::Value> = questions
        .iter()
        .map(|q| engine.run(&Command::parse(q), None).to_json())
        .collect();
    for kind in [
        SlotKind::Person,
        SlotKind::Party,
        SlotKind::Topic,
        SlotKind::Article,
    ] {
        for prefix in ["", "a", "s", "ru", "m"] {
            out.push(serde_json::json!(engine.complete(kind, prefix, 25)));
        }
    }
    out
}

/// A knowledge file in a fresh folder: its path, an engine started from it, and the folder.
fn json_copy(knowledge: &Knowledge) -> (PathBuf, Engine, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("knowledge.json");
    knowledge.save_atomic(&path).unwrap();
    let engine = Engine::new(Knowledge::load(&path).unwrap(), EngineSettings::default());
    (path, engine, dir)
}

fn read_back(path: &Path) -> Result<Engine, SnapshotError> {
    snapshot::load(path, EngineSettings::default())
}

#[test]
fn an_engine_read_back_from_a_snapshot_answers_as_one_started_from_the_json() {
    let seed = Knowledge::load(&seed_json()).unwrap();
    let corpus = parley::corpus::build_articles(&parley::corpus::generate_articles(150, 5))
        .unwrap()
        .knowledge;
    for (name, knowledge) in [("seed", seed), ("generated", corpus)] {
        let (path, engine, _dir) = json_copy(&knowledge);
        let written = snapshot::write(&engine, &path).unwrap();
        assert_eq!(written, path.with_extension("snapshot"));
        let loaded = read_back(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let qs = questions(5);
        let (expected, found) = (replies(&engine, &qs), replies(&loaded, &qs));
        for (i, (e, f)) in expected.iter().zip(&found).enumerate() {
            let asked = qs.get(i).map(String::as_str).unwrap_or("(autocomplete)");
            assert_eq!(e, f, "{name}: {asked}");
        }
        assert_eq!(expected.len(), found.len());
        // The knowledge it carries is the engine's, article for article.
        assert_eq!(loaded.knowledge(), engine.knowledge(), "{name}");
    }
}

#[test]
fn no_snapshot_is_missing_and_the_json_is_loaded() {
    let (path, engine, _dir) = json_copy(&Knowledge::load(&seed_json()).unwrap());
    assert!(matches!(read_back(&path), Err(SnapshotError::Missing(_))));
    let (loaded, passed_over) = snapshot::load_engine(&path, EngineSettings::default()).unwrap();
    assert!(
        passed_over.is_none(),
        "a missing snapshot is not worth a warning"
    );
    let qs = questions(1);
    assert_eq!(replies(&loaded, &qs), replies(&engine, &qs));
}

#[test]
fn a_snapshot_of_another_version_of_the_json_is_stale() {
    let seed = Knowledge::load(&seed_json()).unwrap();
    let (path, engine, _dir) = json_copy(&seed);
    snapshot::write(&engine, &path).unwrap();
    // The knowledge file is rewritten (one summary sentence fewer) and no snapshot is written.
    let mut smaller = seed.clone();
    smaller.summaries.all.pop();
    smaller.save_atomic(&path).unwrap();
    match read_back(&path) {
        Err(e @ SnapshotError::Stale { .. }) => {
            let text = e.to_string();
            assert!(
                text.contains("changed") && text.contains("parley build"),
                "{text}"
            );
        }
        other => panic!("expected stale, got {other:?}"),
    }
    // The bot loads the new JSON, not the old snapshot.
    let (loaded, passed_over) = snapshot::load_engine(&path, EngineSettings::default()).unwrap();
    assert!(matches!(passed_over, Some(SnapshotError::Stale { .. })));
    assert_eq!(loaded.knowledge().summaries, smaller.summaries);
}

/// Damages a written snapshot with `damage` and checks it is refused as `expect` says, and that
/// the bot then answers from the JSON.
fn refused_when(damage: impl Fn(&mut Vec<u8>), expect: fn(&SnapshotError) -> bool) {
    let (path, engine, _dir) = json_copy(&Knowledge::load(&seed_json()).unwrap());
    let snap = snapshot::write(&engine, &path).unwrap();
    let mut bytes = std::fs::read(&snap).unwrap();
    damage(&mut bytes);
    std::fs::write(&snap, &bytes).unwrap();
    match read_back(&path) {
        Err(e) if expect(&e) => assert!(e.to_string().contains("parley build"), "{e}"),
        Err(e) => panic!("refused for the wrong reason: {e}"),
        Ok(_) => panic!("a damaged snapshot was read"),
    }
    let (loaded, passed_over) = snapshot::load_engine(&path, EngineSettings::default()).unwrap();
    assert!(passed_over.is_some_and(|e| expect(&e)));
    let qs = questions(2);
    assert_eq!(replies(&loaded, &qs), replies(&engine, &qs));
}

fn corrupt(e: &SnapshotError) -> bool {
    matches!(e, SnapshotError::Corrupt { .. })
}

#[test]
fn a_flipped_byte_in_either_section_is_caught_by_its_checksum() {
    // Near the start (the knowledge) and near the end (the engine's tables).
    refused_when(|b| b[200] ^= 0x20, corrupt);
    refused_when(
        |b| {
            let at = b.len() - 100;
            b[at] ^= 0x01
        },
        corrupt,
    );
}

#[test]
fn a_snapshot_cut_short_or_grown_is_refused() {
    refused_when(|b| b.truncate(b.len() / 2), corrupt);
    refused_when(|b| b.truncate(10), corrupt);
    refused_when(|b| b.extend_from_slice(b"trailing"), corrupt);
}

#[test]
fn a_header_whose_lengths_wrap_around_is_refused() {
    // Both sections' lengths moved by 2^63: their sum wraps around to the file's true size, and
    // read as given they would ask for exabytes.
    refused_when(
        |b| {
            // After magic, format, code fingerprint and the JSON's length and time.
            let at = 8 + 4 + 8 + 8 + 8 + 4;
            for field in [at, at + 16] {
                let len = u64::from_le_bytes(b[field..field + 8].try_into().unwrap());
                b[field..field + 8].copy_from_slice(&len.wrapping_add(1 << 63).to_le_bytes());
            }
        },
        corrupt,
    );
}

#[test]
fn a_file_that_is_not_a_snapshot_is_refused() {
    refused_when(|b| b[..8].copy_from_slice(b"{\"schema"), corrupt);
    refused_when(|b| b.clear(), corrupt);
}

#[test]
fn a_snapshot_of_another_format_is_stale() {
    // The format number follows the eight-byte magic.
    refused_when(
        |b| b[8] = b[8].wrapping_add(1),
        |e| matches!(e, SnapshotError::Stale { .. }),
    );
}

fn parley(args: &[&str]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_parley"))
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("parley runs")
}

#[test]
fn parley_build_writes_a_snapshot_that_ask_answers_from_as_from_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("knowledge.json");
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/articles");
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
    let built = parley(&[
        "build",
        "--articles",
        articles.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{built:?}");
    let snap = out.with_extension("snapshot");
    assert!(snap.is_file(), "no snapshot beside {}", out.display());
    let ask = |q: &str| {
        let o = parley(&[
            "ask",
            "--json",
            "--knowledge",
            out.to_str().unwrap(),
            "--",
            q,
        ]);
        assert!(o.status.success(), "{o:?}");
        (
            String::from_utf8(o.stdout).unwrap(),
            String::from_utf8(o.stderr).unwrap(),
        )
    };
    let q = "What did Witkoff say about Crimea?";
    let (from_snapshot, quiet) = ask(q);
    assert!(
        quiet.is_empty(),
        "a good snapshot is used silently: {quiet}"
    );
    // Damaged, it is passed over with a warning that says what to do, and the answer holds.
    let mut bytes = std::fs::read(&snap).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x10;
    std::fs::write(&snap, bytes).unwrap();
    let (from_json, warned) = ask(q);
    assert_eq!(from_snapshot, from_json);
    assert!(
        warned.contains("damaged") && warned.contains("parley build"),
        "{warned}"
    );
    assert!(from_json.contains("\"citations\""), "{from_json}");
}
