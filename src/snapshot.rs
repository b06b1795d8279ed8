//! A started engine, stored in binary beside its knowledge file so the next start reads it
//! instead of parsing the JSON and indexing every sentence again.
//!
//! `parley build` writes `knowledge.snapshot` next to `knowledge.json`. The JSON stays the
//! source: readable, checked by `parley check`, and what a snapshot is trusted against. A
//! snapshot is used only when all of these hold, and otherwise the JSON is loaded as before:
//! - it was written for this JSON file as it is now (length and modification time);
//! - it was written by a parley whose engine code is the same (a fingerprint of that code);
//! - each of its two sections has the checksum written with it;
//! - the engine's tables fit the knowledge ([`Engine`]'s own check on restore).
//!
//! The file: a fixed header, then the knowledge as the engine keeps it, then the engine's
//! tables, both in postcard. The two sections are read and decoded on two threads.

use std::fs::File;
use std::hash::Hasher;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::engine::{Engine, EngineSettings};
use crate::knowledge::{Knowledge, KnowledgeError};

/// The first bytes of every snapshot.
const MAGIC: &[u8; 8] = b"PARLEYSN";

/// The layout of the header and sections; raise it when they change.
const FORMAT: u32 = 1;

/// Header length in bytes: magic, format, code fingerprint, JSON length and time (seconds and
/// nanoseconds), then each section's length and checksum.
const HEADER: usize = 8 + 4 + 8 + 8 + 8 + 4 + 8 + 8 + 8 + 8;

/// Why a snapshot was not used. None of these is fatal: the JSON is loaded instead.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// There is none.
    #[error("no snapshot at {0}")]
    Missing(PathBuf),
    /// It belongs to another version of the JSON file or of parley.
    #[error("{path} is out of date ({why}); `parley build` writes a new one")]
    Stale {
        /// The snapshot.
        path: PathBuf,
        /// What differs.
        why: String,
    },
    /// It is damaged or does not fit its knowledge.
    #[error("{path} is damaged ({why}); `parley build` writes a new one")]
    Corrupt {
        /// The snapshot.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// It could not be read or written.
    #[error("cannot use the snapshot {path}: {source}")]
    Io {
        /// The snapshot.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// Where the snapshot of a knowledge file lives: beside it, `knowledge.json` ->
/// `knowledge.snapshot`.
pub fn path_for(json: &Path) -> PathBuf {
    json.with_extension("snapshot")
}

/// Loads the knowledge file at `json` into an engine: from its snapshot when there is a good
/// one, else from the JSON (parsed, validated and indexed). Beside the engine comes why a
/// snapshot that is there was passed over, for the caller to tell its user; only the JSON's own
/// errors fail the load.
pub fn load_engine(
    json: &Path,
    settings: EngineSettings,
) -> Result<(Engine, Option<SnapshotError>), KnowledgeError> {
    let t0 = std::time::Instant::now();
    let passed_over = match load(json, settings.clone()) {
        Ok(engine) => {
            tracing::debug!(target: "parley::timing", phase = "snapshot", elapsed = ?t0.elapsed(), "timing");
            return Ok((engine, None));
        }
        Err(SnapshotError::Missing(_)) => None,
        Err(e) => Some(e),
    };
    let knowledge = Knowledge::load(json)?;
    tracing::debug!(target: "parley::timing", phase = "load", elapsed = ?t0.elapsed(), "timing");
    Ok((Engine::new(knowledge, settings), passed_over))
}

/// Reads the snapshot of the knowledge file at `json`, if it is there and good.
pub fn load(json: &Path, settings: EngineSettings) -> Result<Engine, SnapshotError> {
    let path = path_for(json);
    let io = |source| SnapshotError::Io {
        path: path.clone(),
        source,
    };
    let stale = |why: &str| SnapshotError::Stale {
        path: path.clone(),
        why: why.to_string(),
    };
    let corrupt = |why: String| SnapshotError::Corrupt {
        path: path.clone(),
        why,
    };
    let mut file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SnapshotError::Missing(path.clone()))
        }
        Err(e) => return Err(io(e)),
    };
    let mut head = [0u8; HEADER];
    file.read_exact(&mut head)
        .map_err(|_| corrupt("shorter than its header".into()))?;
    let header = Header::decode(&head).ok_or_else(|| corrupt("not a parley snapshot".into()))?;
    if header.format != FORMAT {
        return Err(stale("written in another snapshot format"));
    }
    if header.code != code_fingerprint() {
        return Err(stale("written by a parley with other engine code"));
    }
    let source = JsonStamp::of(json).map_err(io)?;
    if header.json != source {
        return Err(stale("the knowledge file changed since"));
    }
    let total = file.metadata().map_err(io)?.len();
    // Checked: a damaged header could name lengths whose sum wraps around.
    let expected = (HEADER as u64)
        .checked_add(header.knowledge.0)
        .and_then(|n| n.checked_add(header.tables.0));
    if expected != Some(total) {
        return Err(corrupt(match expected {
            Some(expected) => format!("{total} bytes where {expected} were written"),
            None => "its header names impossible lengths".into(),
        }));
    }
    drop(file);
    // Each section is read and decoded on its own thread: they are about the same size.
    let offset_tables = HEADER as u64 + header.knowledge.0;
    let (knowledge, tables) = std::thread::scope(|scope| {
        let knowledge = scope.spawn(|| {
            read_section::<Knowledge>(&path, HEADER as u64, header.knowledge, "knowledge")
        });
        let tables = read_section::<Engine>(&path, offset_tables, header.tables, "engine tables");
        let knowledge = knowledge
            .join()
            .unwrap_or_else(|_| Err(Err("the decoding thread stopped".into())));
        (knowledge, tables)
    });
    let unread = |e: Result<std::io::Error, String>| match e {
        Ok(e) => io(e),
        Err(why) => corrupt(why),
    };
    let (knowledge, tables) = (knowledge.map_err(unread)?, tables.map_err(unread)?);
    tables.restore(knowledge, settings).map_err(corrupt)
}

/// Reads one section at `offset` (length and checksum as the header gives them) and decodes it.
/// `Err(Ok(_))` when it cannot be read, `Err(Err(why))` when it is damaged.
fn read_section<T: serde::de::DeserializeOwned>(
    path: &Path,
    offset: u64,
    (len, sum): (u64, u64),
    what: &str,
) -> Result<T, Result<std::io::Error, String>> {
    let mut file = File::open(path).map_err(Ok)?;
    file.seek(SeekFrom::Start(offset)).map_err(Ok)?;
    let len = usize::try_from(len).map_err(|_| Err(format!("its {what} are too large")))?;
    let mut bytes = vec![0u8; len];
    file.read_exact(&mut bytes).map_err(Ok)?;
    if checksum(&bytes) != sum {
        return Err(Err(format!("its {what} fail their checksum")));
    }
    postcard::from_bytes(&bytes).map_err(|e| Err(format!("its {what} do not decode: {e}")))
}

/// Writes the snapshot of `engine`, which was started from the knowledge file at `json` as it
/// is now, beside that file. Atomic: a failed write leaves the previous snapshot whole.
pub fn write(engine: &Engine, json: &Path) -> Result<PathBuf, SnapshotError> {
    write_with_code(engine, json, code_fingerprint())
}

/// [`write`], stamped with the code fingerprint `code` (another parley's, in tests).
fn write_with_code(engine: &Engine, json: &Path, code: u64) -> Result<PathBuf, SnapshotError> {
    let path = path_for(json);
    let io = |source| SnapshotError::Io {
        path: path.clone(),
        source,
    };
    let json = JsonStamp::of(json).map_err(io)?;
    crate::knowledge::write_atomic_with(&path, |w| {
        // A header of zeros first; the real one, with lengths and checksums, once they are known.
        w.write_all(&[0u8; HEADER])?;
        // The knowledge's long lists are encoded on every core, a block at a time.
        let knowledge = section_with(w, |mut w| {
            engine.knowledge().write_postcard(&mut w, KNOWLEDGE_BLOCK)
        })?;
        let tables = section(w, engine)?;
        let header = Header {
            format: FORMAT,
            code,
            json,
            knowledge,
            tables,
        };
        w.seek(SeekFrom::Start(0))?;
        w.write_all(&header.encode())
    })
    .map_err(io)?;
    Ok(path)
}

/// Entries of a list of the knowledge encoded at a time (a sixteenth of that for articles).
const KNOWLEDGE_BLOCK: usize = 8192;

/// Writes one section through a checksum; its length and checksum.
fn section(w: &mut impl Write, value: &impl serde::Serialize) -> std::io::Result<(u64, u64)> {
    let mut summed = Summed {
        inner: w,
        hasher: Checksum::default(),
        len: 0,
    };
    // postcard writes a few bytes at a time; gathered first, they reach the checksum and the
    // file in large pieces (the checksum does not depend on how the bytes are cut). Pieces as
    // large as the file's own buffer go past it, so the bytes are copied once.
    let mut gathered = std::io::BufWriter::with_capacity(1 << 20, &mut summed);
    postcard::to_io(value, &mut gathered).map_err(std::io::Error::other)?;
    gathered.flush()?;
    drop(gathered);
    Ok((summed.len, summed.hasher.finish()))
}

/// [`section`] with its bytes from `encode`, which writes large pieces (a dynamic writer
/// would slow postcard's few bytes at a time).
fn section_with(
    w: &mut impl Write,
    encode: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<(u64, u64)> {
    let mut summed = Summed {
        inner: w,
        hasher: Checksum::default(),
        len: 0,
    };
    let mut gathered = std::io::BufWriter::with_capacity(1 << 20, &mut summed);
    encode(&mut gathered)?;
    gathered.flush()?;
    drop(gathered);
    Ok((summed.len, summed.hasher.finish()))
}

/// A writer that counts and checksums what goes through it.
struct Summed<'a, W: Write> {
    inner: &'a mut W,
    hasher: Checksum,
    len: u64,
}

impl<W: Write> Write for Summed<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.write(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The checksum of a section: 64-bit, over 8-byte words, order-sensitive. It catches damage, not
/// tampering (whoever can write the snapshot can write the JSON too).
#[derive(Default)]
struct Checksum {
    state: u64,
    /// Bytes not yet making a whole word, and how many.
    tail: [u8; 8],
    tail_len: usize,
}

impl Checksum {
    fn word(&mut self, w: u64) {
        self.state = (self.state.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Checksum {
    fn write(&mut self, mut bytes: &[u8]) {
        if self.tail_len > 0 {
            let take = (8 - self.tail_len).min(bytes.len());
            self.tail[self.tail_len..self.tail_len + take].copy_from_slice(&bytes[..take]);
            self.tail_len += take;
            bytes = &bytes[take..];
            if self.tail_len < 8 {
                return;
            }
            self.word(u64::from_le_bytes(self.tail));
            self.tail_len = 0;
        }
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.word(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let rest = words.remainder();
        self.tail[..rest.len()].copy_from_slice(rest);
        self.tail_len = rest.len();
    }

    fn finish(&self) -> u64 {
        let mut last = [0u8; 8];
        last[..self.tail_len].copy_from_slice(&self.tail[..self.tail_len]);
        let mut end = Checksum {
            state: self.state,
            ..Checksum::default()
        };
        end.word(u64::from_le_bytes(last));
        end.word(self.tail_len as u64);
        end.state
    }
}

/// The checksum of a whole section.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h = Checksum::default();
    h.write(bytes);
    h.finish()
}

/// What the snapshot depends on in parley's own code: the sources of everything that shapes
/// the engine's tables, by path under `src/`. Every file under `src/engine/` is here (a test
/// checks it), so a parley whose engine differs in any file does not read a snapshot it might
/// decode or answer from wrongly.
const CODE_SOURCES: &[(&str, &str)] = &[
    ("engine/clean.rs", include_str!("engine/clean.rs")),
    ("engine/command.rs", include_str!("engine/command.rs")),
    ("engine/compose.rs", include_str!("engine/compose.rs")),
    ("engine/decide.rs", include_str!("engine/decide.rs")),
    (
        "engine/intents/age.rs",
        include_str!("engine/intents/age.rs"),
    ),
    (
        "engine/intents/meta.rs",
        include_str!("engine/intents/meta.rs"),
    ),
    (
        "engine/intents/mod.rs",
        include_str!("engine/intents/mod.rs"),
    ),
    (
        "engine/intents/opinion.rs",
        include_str!("engine/intents/opinion.rs"),
    ),
    (
        "engine/intents/position.rs",
        include_str!("engine/intents/position.rs"),
    ),
    (
        "engine/intents/said.rs",
        include_str!("engine/intents/said.rs"),
    ),
    (
        "engine/intents/search/asked.rs",
        include_str!("engine/intents/search/asked.rs"),
    ),
    (
        "engine/intents/search/mod.rs",
        include_str!("engine/intents/search/mod.rs"),
    ),
    (
        "engine/intents/search/numbers.rs",
        include_str!("engine/intents/search/numbers.rs"),
    ),
    (
        "engine/intents/search/tests.rs",
        include_str!("engine/intents/search/tests.rs"),
    ),
    (
        "engine/intents/search/tests/numbers.rs",
        include_str!("engine/intents/search/tests/numbers.rs"),
    ),
    (
        "engine/intents/summary.rs",
        include_str!("engine/intents/summary.rs"),
    ),
    (
        "engine/intents/who.rs",
        include_str!("engine/intents/who.rs"),
    ),
    ("engine/mend.rs", include_str!("engine/mend.rs")),
    ("engine/mod.rs", include_str!("engine/mod.rs")),
    ("engine/restore.rs", include_str!("engine/restore.rs")),
    (
        "engine/retrieve/bm25.rs",
        include_str!("engine/retrieve/bm25.rs"),
    ),
    (
        "engine/retrieve/coverage.rs",
        include_str!("engine/retrieve/coverage.rs"),
    ),
    (
        "engine/retrieve/facts.rs",
        include_str!("engine/retrieve/facts.rs"),
    ),
    (
        "engine/retrieve/mod.rs",
        include_str!("engine/retrieve/mod.rs"),
    ),
    (
        "engine/retrieve/rank.rs",
        include_str!("engine/retrieve/rank.rs"),
    ),
    ("engine/start.rs", include_str!("engine/start.rs")),
    ("engine/tables.rs", include_str!("engine/tables.rs")),
    ("engine/tuning.rs", include_str!("engine/tuning.rs")),
    (
        "engine/understand/bodies.rs",
        include_str!("engine/understand/bodies.rs"),
    ),
    (
        "engine/understand/described.rs",
        include_str!("engine/understand/described.rs"),
    ),
    (
        "engine/understand/followup.rs",
        include_str!("engine/understand/followup.rs"),
    ),
    (
        "engine/understand/mod.rs",
        include_str!("engine/understand/mod.rs"),
    ),
    (
        "engine/understand/people.rs",
        include_str!("engine/understand/people.rs"),
    ),
    (
        "engine/understand/recency.rs",
        include_str!("engine/understand/recency.rs"),
    ),
    (
        "engine/understand/roles.rs",
        include_str!("engine/understand/roles.rs"),
    ),
    (
        "engine/understand/roles/tests.rs",
        include_str!("engine/understand/roles/tests.rs"),
    ),
    (
        "engine/understand/salience.rs",
        include_str!("engine/understand/salience.rs"),
    ),
    (
        "engine/understand/slots.rs",
        include_str!("engine/understand/slots.rs"),
    ),
    (
        "engine/understand/succession.rs",
        include_str!("engine/understand/succession.rs"),
    ),
    (
        "engine/understand/terms.rs",
        include_str!("engine/understand/terms.rs"),
    ),
    (
        "engine/understand/terms/tests.rs",
        include_str!("engine/understand/terms/tests.rs"),
    ),
    ("index.rs", include_str!("index.rs")),
    ("knowledge.rs", include_str!("knowledge.rs")),
    ("lexicon/aliases.rs", include_str!("lexicon/aliases.rs")),
    ("lexicon/compiled.rs", include_str!("lexicon/compiled.rs")),
    ("lexicon/defaults.rs", include_str!("lexicon/defaults.rs")),
    ("lexicon/language.rs", include_str!("lexicon/language.rs")),
    ("lexicon/mod.rs", include_str!("lexicon/mod.rs")),
    ("lexicon/questions.rs", include_str!("lexicon/questions.rs")),
    ("lexicon/stance.rs", include_str!("lexicon/stance.rs")),
    ("lexicon/tests.rs", include_str!("lexicon/tests.rs")),
    ("text.rs", include_str!("text.rs")),
    // The stemmer reads it: a stem in the snapshot's index depends on it.
    (
        "../config/inflections.tsv",
        include_str!("../config/inflections.tsv"),
    ),
    ("snapshot.rs", include_str!("snapshot.rs")),
];

/// The fingerprint of this parley's code ([`CODE_SOURCES`] and the crate version).
fn code_fingerprint() -> u64 {
    fingerprint_of(CODE_SOURCES.iter().map(|(_, text)| *text))
}

/// The fingerprint of a parley built from `sources` (in [`CODE_SOURCES`]'s order).
fn fingerprint_of<'a>(sources: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h = Checksum::default();
    h.write(env!("CARGO_PKG_VERSION").as_bytes());
    h.write(&[0xff]);
    for source in sources {
        h.write(source.as_bytes());
        h.write(&[0xff]);
    }
    h.finish()
}

/// Which version of the JSON file a snapshot was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct JsonStamp {
    len: u64,
    secs: i64,
    nanos: u32,
}

impl JsonStamp {
    fn of(json: &Path) -> std::io::Result<JsonStamp> {
        let meta = std::fs::metadata(json)?;
        let modified = meta.modified()?;
        let (secs, nanos) = match modified.duration_since(UNIX_EPOCH) {
            Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
            Err(e) => (
                -(e.duration().as_secs() as i64),
                e.duration().subsec_nanos(),
            ),
        };
        Ok(JsonStamp {
            len: meta.len(),
            secs,
            nanos,
        })
    }
}

/// The fixed header.
struct Header {
    format: u32,
    code: u64,
    json: JsonStamp,
    /// Length and checksum of each section.
    knowledge: (u64, u64),
    tables: (u64, u64),
}

impl Header {
    fn encode(&self) -> [u8; HEADER] {
        let mut out = Vec::with_capacity(HEADER);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.format.to_le_bytes());
        out.extend_from_slice(&self.code.to_le_bytes());
        out.extend_from_slice(&self.json.len.to_le_bytes());
        out.extend_from_slice(&self.json.secs.to_le_bytes());
        out.extend_from_slice(&self.json.nanos.to_le_bytes());
        for (len, sum) in [self.knowledge, self.tables] {
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&sum.to_le_bytes());
        }
        out.try_into().expect("the header has a fixed length")
    }

    fn decode(bytes: &[u8; HEADER]) -> Option<Header> {
        let (magic, mut rest) = bytes.split_at(8);
        if magic != MAGIC {
            return None;
        }
        let mut take = |n: usize| {
            let (field, tail) = rest.split_at(n);
            rest = tail;
            field
        };
        let format = u32::from_le_bytes(take(4).try_into().ok()?);
        let code = u64::from_le_bytes(take(8).try_into().ok()?);
        let len = u64::from_le_bytes(take(8).try_into().ok()?);
        let secs = i64::from_le_bytes(take(8).try_into().ok()?);
        let nanos = u32::from_le_bytes(take(4).try_into().ok()?);
        let mut sections = [(0u64, 0u64); 2];
        for s in &mut sections {
            s.0 = u64::from_le_bytes(take(8).try_into().ok()?);
            s.1 = u64::from_le_bytes(take(8).try_into().ok()?);
        }
        Some(Header {
            format,
            code,
            json: JsonStamp { len, secs, nanos },
            knowledge: sections[0],
            tables: sections[1],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_does_not_depend_on_how_the_bytes_are_cut() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = checksum(&bytes);
        for cut in [1, 3, 7, 8, 9, 64, 999] {
            let mut h = Checksum::default();
            for piece in bytes.chunks(cut) {
                h.write(piece);
            }
            assert_eq!(h.finish(), whole, "pieces of {cut}");
        }
        // Order, length and every byte count.
        assert_ne!(checksum(&bytes[..999]), whole);
        assert_ne!(checksum(b"ab"), checksum(b"ba"));
        assert_ne!(checksum(b""), checksum(&[0]));
    }

    #[test]
    fn the_header_reads_back_what_was_written() {
        let h = Header {
            format: FORMAT,
            code: code_fingerprint(),
            json: JsonStamp {
                len: 225_550_552,
                secs: -3,
                nanos: 999_999_999,
            },
            knowledge: (1, 2),
            tables: (u64::MAX, 4),
        };
        let back = Header::decode(&h.encode()).unwrap();
        assert_eq!(
            (
                back.format,
                back.code,
                back.json,
                back.knowledge,
                back.tables
            ),
            (h.format, h.code, h.json, h.knowledge, h.tables)
        );
    }

    #[test]
    fn tables_are_refused_for_knowledge_they_were_not_built_from() {
        let seed = Knowledge::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json"),
        )
        .unwrap();
        let other = crate::corpus::build_articles(&crate::corpus::generate_articles(20, 9))
            .unwrap()
            .knowledge;
        let tables = Engine::new(other, EngineSettings::default());
        let why = tables
            .restore(seed, EngineSettings::default())
            .expect_err("refused");
        assert!(why.contains("in the knowledge"), "{why}");
    }

    /// Every file under `src/engine/` is fingerprinted, under its own path: a file added to the
    /// engine and left out of [`CODE_SOURCES`] fails here.
    #[test]
    fn every_engine_file_is_in_the_code_fingerprint() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        let mut dirs = vec![src.join("engine")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    found.push(path);
                }
            }
        }
        assert!(found.len() > 10, "{} engine files", found.len());
        for path in found {
            let name = path
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let entry = CODE_SOURCES.iter().find(|(n, _)| *n == name);
            let (_, text) = entry.unwrap_or_else(|| panic!("{name} is not fingerprinted"));
            assert_eq!(*text, std::fs::read_to_string(&path).unwrap(), "{name}");
        }
    }

    /// A snapshot written by a parley whose code differed in any one fingerprinted file (each
    /// engine file in turn) is refused as stale; one written by this parley is read.
    #[test]
    fn a_snapshot_from_other_engine_code_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("knowledge.json");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json"),
            &json,
        )
        .unwrap();
        let engine = Engine::new(Knowledge::load(&json).unwrap(), EngineSettings::default());
        for (i, (name, _)) in CODE_SOURCES.iter().enumerate() {
            let changed = format!("{}\n// changed", CODE_SOURCES[i].1);
            let other = fingerprint_of(CODE_SOURCES.iter().enumerate().map(|(j, (_, text))| {
                if j == i {
                    changed.as_str()
                } else {
                    *text
                }
            }));
            assert_ne!(other, code_fingerprint(), "{name}");
            if !name.starts_with("engine/") {
                continue;
            }
            write_with_code(&engine, &json, other).unwrap();
            match load(&json, EngineSettings::default()) {
                Err(SnapshotError::Stale { why, .. }) => assert!(why.contains("code"), "{why}"),
                Err(e) => panic!("{name}: refused for another reason: {e}"),
                Ok(_) => panic!("{name}: a snapshot from other engine code was read"),
            }
        }
        write(&engine, &json).unwrap();
        assert!(load(&json, EngineSettings::default()).is_ok());
    }
}
