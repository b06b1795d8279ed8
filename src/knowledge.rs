//! The structured knowledge file: its types, JSON in and out, and its validation.
//!
//! The builder (`build.rs`) fills these types from articles; the engine reads them. Every fact
//! carries a [`Cite`]: article id, paragraph number and a character span in that paragraph, and
//! [`Knowledge::validate`] checks that each cited span stands verbatim in its article.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lexicon::Lexicon;
use crate::text::char_slice;

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The `published` of an article whose date is not known. Replies show it as it is, and it
/// sorts before every real date, so an undated article never counts as the newest.
pub const DATE_UNKNOWN: &str = "(date unknown)";

/// Where a fact stands: article, paragraph (from 1) and a character span of that paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cite {
    /// Article id.
    pub article: String,
    /// Paragraph number, from 1.
    pub paragraph: u32,
    /// First character (in `char`s, from 0) of the span.
    pub start: u32,
    /// One past the last character of the span.
    pub end: u32,
}

/// One article, split into paragraphs and sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntry {
    /// The file name without `.md`.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Who published it.
    pub source: String,
    /// `YYYY-MM-DD`, or [`DATE_UNKNOWN`] for an undated article.
    pub published: String,
    /// Address, if given.
    #[serde(default, skip_serializing_if = "absent")]
    pub url: Option<String>,
    /// The trailing section tag ("World"), if any.
    #[serde(default, skip_serializing_if = "absent")]
    pub tag: Option<String>,
    /// A digest of the article file, to tell a stale knowledge file.
    pub digest: String,
    /// Body paragraphs, numbered from 1.
    pub paragraphs: Vec<ParagraphEntry>,
}

impl ArticleEntry {
    /// The publication date; none for an undated article.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::parse_from_str(&self.published, "%Y-%m-%d").ok()
    }
}

/// One body paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphEntry {
    /// Number, from 1.
    pub n: u32,
    /// The `## ` heading it stands under, if any.
    #[serde(default, skip_serializing_if = "absent")]
    pub section: Option<String>,
    /// Its text, verbatim.
    pub text: String,
    /// Its sentences.
    pub sentences: Vec<SentenceEntry>,
}

/// One sentence, as a span of its paragraph, with the parties and topics it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceEntry {
    /// Stable id: `<article>#p<n>s<k>`.
    pub id: String,
    /// First character in the paragraph.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
    /// Party ids it concerns.
    #[serde(default, skip_serializing_if = "empty")]
    pub parties: Vec<String>,
    /// Topic ids it concerns.
    #[serde(default, skip_serializing_if = "empty")]
    pub topics: Vec<String>,
    /// Person ids it mentions.
    #[serde(default, skip_serializing_if = "empty")]
    pub people: Vec<String>,
    /// Ids of the sentences of other articles that carry the same report (a wire story run by
    /// several outlets), found by the builder; absent when there are none.
    #[serde(default, skip_serializing_if = "empty")]
    pub same_report: Vec<String>,
}

/// A role as an article states it ("US Vice-President").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The words of the role.
    pub text: String,
    /// Where it stands (the span covers role and name).
    pub cite: Cite,
}

/// A named person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Stable id from the name ("jd-vance").
    pub id: String,
    /// Full name as written.
    pub name: String,
    /// Short forms people use (the surname).
    pub short_forms: Vec<String>,
    /// Roles as the articles state them.
    pub roles: Vec<Role>,
    /// Party id (or demonym) of the country or body, where the text gives it.
    #[serde(default, skip_serializing_if = "absent")]
    pub affiliation: Option<String>,
    /// Sentence ids that mention the person.
    pub mentions: Vec<String>,
}

/// A source the article does not name ("a source close to the discussions").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnnamedSource {
    /// Stable id: `<article>#src<k>`.
    pub id: String,
    /// The words that describe it, verbatim.
    pub description: String,
    /// The person it speaks for ("a spokesperson for ... Starmer"), if any.
    #[serde(default, skip_serializing_if = "absent")]
    pub on_behalf_of: Option<String>,
    /// Party id it belongs to, if the text gives it.
    #[serde(default, skip_serializing_if = "absent")]
    pub affiliation: Option<String>,
    /// Where it is introduced.
    pub cite: Cite,
}

/// Who said something.
///
/// In JSON it reads `{"kind": "person", "id": "..."}`; a binary format such as the engine's
/// snapshot (`crate::snapshot`) gets a plain enum, since an adjacently tagged unit variant
/// writes one field where two are read back.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Speaker {
    /// A named person (person id).
    Person(String),
    /// An unnamed source (source id).
    Source(String),
    /// The text does not establish who.
    Unattributed,
}

/// [`Speaker`] as JSON writes it.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
enum TaggedSpeaker {
    Person(String),
    Source(String),
    Unattributed,
}

/// [`Speaker`] as binary formats write it.
#[derive(Serialize, Deserialize)]
enum PlainSpeaker {
    Person(String),
    Source(String),
    Unattributed,
}

impl Serialize for Speaker {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let human = serializer.is_human_readable();
        match (self.clone(), human) {
            (Speaker::Person(id), true) => TaggedSpeaker::Person(id).serialize(serializer),
            (Speaker::Source(id), true) => TaggedSpeaker::Source(id).serialize(serializer),
            (Speaker::Unattributed, true) => TaggedSpeaker::Unattributed.serialize(serializer),
            (Speaker::Person(id), false) => PlainSpeaker::Person(id).serialize(serializer),
            (Speaker::Source(id), false) => PlainSpeaker::Source(id).serialize(serializer),
            (Speaker::Unattributed, false) => PlainSpeaker::Unattributed.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Speaker {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Speaker, D::Error> {
        Ok(if deserializer.is_human_readable() {
            match TaggedSpeaker::deserialize(deserializer)? {
                TaggedSpeaker::Person(id) => Speaker::Person(id),
                TaggedSpeaker::Source(id) => Speaker::Source(id),
                TaggedSpeaker::Unattributed => Speaker::Unattributed,
            }
        } else {
            match PlainSpeaker::deserialize(deserializer)? {
                PlainSpeaker::Person(id) => Speaker::Person(id),
                PlainSpeaker::Source(id) => Speaker::Source(id),
                PlainSpeaker::Unattributed => Speaker::Unattributed,
            }
        })
    }
}

thread_local! {
    /// Set while a binary snapshot is written: every field is then written, as a format
    /// without field names cannot tell a skipped field from the next one.
    static EVERY_FIELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every optional field written, for binary formats (see [`EVERY_FIELD`]).
pub(crate) fn with_every_field<T>(f: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            EVERY_FIELD.with(|c| c.set(self.0));
        }
    }
    let _reset = Reset(EVERY_FIELD.with(|c| c.replace(true)));
    f()
}

/// JSON leaves out a field that is `None`...
fn absent<T>(value: &Option<T>) -> bool {
    value.is_none() && !EVERY_FIELD.with(|c| c.get())
}

/// ...or an empty list.
fn empty<T>(value: &[T]) -> bool {
    value.is_empty() && !EVERY_FIELD.with(|c| c.get())
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Stable id: `<article>#q<k>`.
    pub id: String,
    /// The words inside the quotation marks, verbatim.
    pub text: String,
    /// Who said it.
    pub speaker: Speaker,
    /// The reporting verb ("said", "wrote").
    #[serde(default, skip_serializing_if = "absent")]
    pub verb: Option<String>,
    /// The channel ("on X", "in a statement").
    #[serde(default, skip_serializing_if = "absent")]
    pub channel: Option<String>,
    /// True when the speaker is carried over from an earlier sentence or paragraph.
    pub continuation: bool,
    /// For an unattributed quote, why the text does not establish a speaker.
    #[serde(default, skip_serializing_if = "absent")]
    pub reason: Option<String>,
    /// The sentence it starts in.
    pub sentence: String,
    /// Span of the words (without the marks).
    pub cite: Cite,
}

/// A reported statement: "X said (that) ...".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Stable id: `<article>#st<k>`.
    pub id: String,
    /// Who said it.
    pub speaker: Speaker,
    /// The reporting verb.
    pub verb: String,
    /// The sentence.
    pub sentence: String,
    /// Span of the whole sentence.
    pub cite: Cite,
}

/// Whether a sentence states a stance or a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionKind {
    /// What a party accepts, rejects or wants.
    Position,
    /// What a party proposed or put on the table.
    Proposal,
}

/// What a party does with a topic in a sentence: the stance a position records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// It put something forward ("Witkoff presented proposals", "the US plan").
    Proposes,
    /// It backs or welcomes something ("Brandvik welcomed the decision").
    Supports,
    /// It asks for or insists on something ("Morvany has demanded 30 percent").
    Demands,
    /// It refuses or rules something out ("rejected by Kyiv", "a non-starter for Europe").
    Rejects,
    /// It accepts or agrees to something ("Teravia had accepted it").
    Accepts,
    /// It only states something: a quote or reported speech of its people with no stance word
    /// (knowledge files made before stances were read have this for every position).
    #[default]
    Says,
}

impl Stance {
    /// The stance a word names in `config/language.toml` ("proposes", "rejects"), if any.
    pub fn named(word: &str) -> Option<Stance> {
        Some(match word {
            "proposes" => Stance::Proposes,
            "supports" => Stance::Supports,
            "demands" => Stance::Demands,
            "rejects" => Stance::Rejects,
            "accepts" => Stance::Accepts,
            "says" => Stance::Says,
            _ => return None,
        })
    }

    /// The stance as a verb in the past tense, for an answer's lead ("proposed").
    pub fn past(self) -> &'static str {
        match self {
            Stance::Proposes => "proposed",
            Stance::Supports => "supported",
            Stance::Demands => "demanded",
            Stance::Rejects => "rejected",
            Stance::Accepts => "accepted",
            Stance::Says => "said",
        }
    }
}

/// A party's position or proposal on a topic: the party holds it (it proposes, demands,
/// rejects, accepts, supports or says it); a party only mentioned in the sentence holds none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Party id: the holder.
    pub party: String,
    /// Topic id; empty when the sentence names no topic of the lexicon.
    pub topic: String,
    /// Stance or proposal.
    pub kind: PositionKind,
    /// What the holder does with the topic. Older knowledge files have none (read as `says`).
    #[serde(default)]
    pub stance: Stance,
    /// The sentence.
    pub sentence: String,
    /// Span of the sentence.
    pub cite: Cite,
}

/// Something that happened (or will), with when and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The sentence.
    pub sentence: String,
    /// The date words as written ("on Wednesday", "last week", "2014").
    pub when_text: String,
    /// The date resolved against the article's date: `YYYY-MM-DD`, a range
    /// `YYYY-MM-DD/YYYY-MM-DD`, or a year; none when the text does not allow it.
    #[serde(default, skip_serializing_if = "absent")]
    pub date: Option<String>,
    /// The place, where the sentence names one.
    #[serde(default, skip_serializing_if = "absent")]
    pub place: Option<String>,
    /// Span of the date words.
    pub cite: Cite,
}

/// A number with what it measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberFact {
    /// The number as written ("20%", "three-year").
    pub number: String,
    /// Its value, where it can be read.
    #[serde(default, skip_serializing_if = "absent")]
    pub value: Option<f64>,
    /// The phrase it measures, verbatim ("the remaining 20% of Ukraine’s territory").
    pub measures: String,
    /// The sentence.
    pub sentence: String,
    /// Span of the phrase.
    pub cite: Cite,
}

/// Extractive summaries: ordered sentence ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summaries {
    /// The whole set.
    pub all: Vec<String>,
    /// Per article id.
    pub articles: BTreeMap<String, Vec<String>>,
    /// Per topic id.
    pub topics: BTreeMap<String, Vec<String>>,
}

/// Just the version of a knowledge file, to explain why a file does not parse.
#[derive(Deserialize)]
struct VersionOnly {
    schema_version: u32,
}

/// Everything the engine knows, built from the articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Knowledge {
    /// [`SCHEMA_VERSION`] when written.
    pub schema_version: u32,
    /// The parties, topics and language data it was built with.
    pub lexicon: Lexicon,
    /// Articles, by id order.
    pub articles: Vec<ArticleEntry>,
    /// Named people.
    pub people: Vec<Person>,
    /// Unnamed sources.
    pub sources: Vec<UnnamedSource>,
    /// Direct quotations.
    pub quotes: Vec<Quote>,
    /// Reported statements.
    pub statements: Vec<Statement>,
    /// Positions and proposals.
    pub positions: Vec<Position>,
    /// Dated events.
    pub events: Vec<Event>,
    /// Numbers.
    pub numbers: Vec<NumberFact>,
    /// Extractive summaries.
    pub summaries: Summaries,
}

/// Entries of a list (a sixteenth of that for articles, which are large) turned into JSON at a
/// time when a knowledge file is written: a few megabytes of text.
const JSON_BLOCK: usize = 8192;

/// What can be wrong with a knowledge file.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// The file could not be read.
    #[error("could not read knowledge file {path} (run `parley build` to make it)")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid knowledge JSON.
    #[error("{path} is not a valid knowledge file; rebuild it with `parley build`")]
    Parse {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
    /// The schema version differs.
    #[error("{path} has schema version {found}, this parley reads version {expected}; rebuild it with `parley build`")]
    Version {
        /// The file.
        path: PathBuf,
        /// In the file.
        found: u32,
        /// What this build reads.
        expected: u32,
    },
    /// The content fails validation.
    #[error("{path} failed validation: {problems}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The first problems found, joined.
        problems: String,
    },
    /// The file could not be written.
    #[error("could not write knowledge file {path}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

impl Knowledge {
    /// Reads, parses and validates a knowledge file.
    pub fn load(path: &Path) -> Result<Knowledge, KnowledgeError> {
        let read_error = |source| KnowledgeError::Read {
            path: path.to_path_buf(),
            source,
        };
        // Parsed as it streams in: holding the whole text beside the parsed knowledge would
        // double the peak memory of a large file.
        let file = std::fs::File::open(path).map_err(read_error)?;
        let parsed = serde_json::from_reader(std::io::BufReader::with_capacity(1 << 20, file));
        let version = || {
            let file = std::fs::File::open(path).ok()?;
            serde_json::from_reader::<_, VersionOnly>(std::io::BufReader::new(file))
                .ok()
                .map(|v| v.schema_version)
        };
        match parsed {
            Err(e) if e.is_io() => Err(read_error(std::io::Error::other(e))),
            parsed => Knowledge::checked(parsed, version, path),
        }
    }

    /// Parses and validates knowledge JSON; `path` only names it in errors.
    pub fn from_json(text: &str, path: &Path) -> Result<Knowledge, KnowledgeError> {
        let version = || {
            serde_json::from_str::<VersionOnly>(text)
                .ok()
                .map(|v| v.schema_version)
        };
        Knowledge::checked(serde_json::from_str(text), version, path)
    }

    /// Checks a parse's result: its schema version (read again from the file by `version`
    /// only when the parse failed, to say why) and then [`Knowledge::validate`].
    fn checked(
        parsed: Result<Knowledge, serde_json::Error>,
        version: impl FnOnce() -> Option<u32>,
        path: &Path,
    ) -> Result<Knowledge, KnowledgeError> {
        let knowledge = match parsed {
            Ok(k) => k,
            Err(source) => {
                if let Some(found) = version().filter(|&v| v != SCHEMA_VERSION) {
                    return Err(KnowledgeError::Version {
                        path: path.to_path_buf(),
                        found,
                        expected: SCHEMA_VERSION,
                    });
                }
                return Err(KnowledgeError::Parse {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        if knowledge.schema_version != SCHEMA_VERSION {
            return Err(KnowledgeError::Version {
                path: path.to_path_buf(),
                found: knowledge.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        let t0 = std::time::Instant::now();
        let problems = knowledge.validate();
        tracing::debug!(target: "parley::timing", phase = "validate", elapsed = ?t0.elapsed(), "timing");
        if !problems.is_empty() {
            let shown: Vec<String> = problems.iter().take(5).cloned().collect();
            let more = if problems.len() > 5 {
                format!(" (and {} more)", problems.len() - 5)
            } else {
                String::new()
            };
            return Err(KnowledgeError::Invalid {
                path: path.to_path_buf(),
                problems: format!("{}{more}", shown.join("; ")),
            });
        }
        Ok(knowledge)
    }

    /// The JSON text, deterministic for the same knowledge.
    pub fn to_json(&self) -> String {
        // Compact: at thousands of articles, indentation alone doubles the file.
        let mut s = serde_json::to_string(self).expect("knowledge serializes");
        s.push('\n');
        s
    }

    /// Writes the file through a temporary file and a rename, so a reader never sees half of it.
    pub fn save_atomic(&self, path: &Path) -> Result<(), KnowledgeError> {
        self.save_unsynced(path)?()
    }

    /// [`Knowledge::save_atomic`] in two steps: the bytes are written to the temporary file
    /// now; the returned step syncs it and moves it into place. The builder runs that step on
    /// another thread while the engine starts: syncing 200 MB is mostly waiting for the disk.
    /// Until the step runs, `path` is untouched (and if it is dropped unrun, so it stays).
    pub fn save_unsynced(
        &self,
        path: &Path,
    ) -> Result<impl FnOnce() -> Result<(), KnowledgeError> + Send + 'static, KnowledgeError> {
        let failed = |path: &Path| {
            let path = path.to_path_buf();
            move |source| KnowledgeError::Write { path, source }
        };
        // Streamed to the file: a large knowledge base never sits in memory twice.
        let written = write_unfinished(path, |w| {
            self.write_json(w, JSON_BLOCK)?;
            w.write_all(b"\n")
        })
        .map_err(failed(path))?;
        let failed = failed(path);
        Ok(move || written.finish().map_err(failed))
    }

    /// The bytes `postcard::to_io` writes for the knowledge with every field written (as in a
    /// snapshot), with each long list's entries encoded `block` at a time on every core: on one
    /// thread, encoding 10,000 articles' knowledge was most of writing the snapshot. A postcard
    /// struct is its fields one after another, and a list its length then its entries.
    pub(crate) fn write_postcard(&self, w: &mut impl Write, block: usize) -> std::io::Result<()> {
        fn value(w: &mut impl Write, v: &impl Serialize) -> std::io::Result<()> {
            with_every_field(|| postcard::to_io(v, &mut *w))
                .map(|_| ())
                .map_err(std::io::Error::other)
        }
        fn list<T: Serialize + Sync>(
            w: &mut impl Write,
            items: &[T],
            block: usize,
        ) -> std::io::Result<()> {
            value(w, &items.len())?;
            let workers = crate::par::threads(usize::MAX);
            for part in items.chunks(block.max(1)) {
                let runs: Vec<&[T]> = part.chunks(part.len().div_ceil(workers)).collect();
                let encoded = crate::par::map(&runs, 1, |run| {
                    let mut buf = Vec::new();
                    for item in run.iter() {
                        value(&mut buf, item)?;
                    }
                    Ok::<_, std::io::Error>(buf)
                });
                for bytes in encoded {
                    w.write_all(&bytes?)?;
                }
            }
            Ok(())
        }
        // Field by field, in the order of the struct (and of its derived `Serialize`).
        value(w, &self.schema_version)?;
        value(w, &self.lexicon)?;
        list(w, &self.articles, block / 16)?;
        list(w, &self.people, block)?;
        list(w, &self.sources, block)?;
        list(w, &self.quotes, block)?;
        list(w, &self.statements, block)?;
        list(w, &self.positions, block)?;
        list(w, &self.events, block)?;
        list(w, &self.numbers, block)?;
        value(w, &self.summaries)
    }

    /// The bytes `serde_json::to_writer` writes for the knowledge, with each long list turned
    /// into JSON `block` entries at a time, the entries of a block on every core: at 10,000
    /// articles the JSON is 200 MB, and writing it on one thread held up the build.
    fn write_json(&self, w: &mut impl Write, block: usize) -> std::io::Result<()> {
        fn value(w: &mut impl Write, key: &str, v: &impl Serialize) -> std::io::Result<()> {
            write!(w, "{key}")?;
            serde_json::to_writer(&mut *w, v).map_err(std::io::Error::other)
        }
        fn list<T: Serialize + Sync>(
            w: &mut impl Write,
            key: &str,
            items: &[T],
            block: usize,
        ) -> std::io::Result<()> {
            write!(w, "{key}[")?;
            // Each block is cut into one run of entries per worker, written into a buffer.
            let workers = crate::par::threads(usize::MAX);
            for (b, part) in items.chunks(block.max(1)).enumerate() {
                let runs: Vec<&[T]> = part.chunks(part.len().div_ceil(workers)).collect();
                let texts = crate::par::map(&runs, 1, |run| {
                    let mut buf = Vec::new();
                    for (i, item) in run.iter().enumerate() {
                        if i > 0 {
                            buf.push(b',');
                        }
                        serde_json::to_writer(&mut buf, item).map_err(std::io::Error::other)?;
                    }
                    Ok::<_, std::io::Error>(buf)
                });
                for (r, text) in texts.into_iter().enumerate() {
                    if b > 0 || r > 0 {
                        w.write_all(b",")?;
                    }
                    w.write_all(&text?)?;
                }
            }
            w.write_all(b"]")
        }
        // Field by field, in the order of the struct (and of its derived `Serialize`).
        value(w, "{\"schema_version\":", &self.schema_version)?;
        value(w, ",\"lexicon\":", &self.lexicon)?;
        list(w, ",\"articles\":", &self.articles, block / 16)?;
        list(w, ",\"people\":", &self.people, block)?;
        list(w, ",\"sources\":", &self.sources, block)?;
        list(w, ",\"quotes\":", &self.quotes, block)?;
        list(w, ",\"statements\":", &self.statements, block)?;
        list(w, ",\"positions\":", &self.positions, block)?;
        list(w, ",\"events\":", &self.events, block)?;
        list(w, ",\"numbers\":", &self.numbers, block)?;
        value(w, ",\"summaries\":", &self.summaries)?;
        w.write_all(b"}")
    }

    /// How many sentences the articles have.
    pub fn sentence_count(&self) -> usize {
        self.articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .map(|p| p.sentences.len())
            .sum()
    }

    /// An article by id.
    pub fn article(&self, id: &str) -> Option<&ArticleEntry> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The text of a cited span, if the citation is good.
    pub fn cited_text(&self, cite: &Cite) -> Option<&str> {
        let article = self.article(cite.article.as_str())?;
        let para = article
            .paragraphs
            .get((cite.paragraph as usize).checked_sub(1)?)?;
        if para.n != cite.paragraph {
            return None;
        }
        char_slice(&para.text, cite.start as usize, cite.end as usize)
    }

    /// Every problem found: bad citations, quotes not verbatim, dangling ids. Empty when sound.
    pub fn validate(&self) -> Vec<String> {
        let (mut problems, sentence_ids) = self.check_facts();
        problems.extend(check_summaries(&self.summaries, &sentence_ids));
        problems
    }

    /// [`Knowledge::validate`] of this knowledge with the summaries `summarise` makes, made on
    /// another core while the facts are checked (the builder's last two steps, each long on one
    /// core at 10,000 articles); the summaries and the problems, in `validate`'s order.
    pub(crate) fn validate_summarised(
        &self,
        summarise: impl FnOnce() -> Summaries + Send,
    ) -> (Summaries, Vec<String>) {
        let ((mut problems, sentence_ids), summaries) =
            crate::par::join(|| self.check_facts(), summarise);
        problems.extend(check_summaries(&summaries, &sentence_ids));
        (summaries, problems)
    }

    /// The problems of [`Knowledge::validate`] but those of the summaries, and every sentence id.
    fn check_facts(&self) -> (Vec<String>, FxHashSet<&str>) {
        // Per article (by id): its paragraphs, and whether each is ASCII (then a character
        // span is a byte span and needs no walk through the text).
        let by_id: FxHashMap<&str, (&ArticleEntry, Vec<bool>)> = self
            .articles
            .iter()
            .map(|a| {
                let ascii = a.paragraphs.iter().map(|p| p.text.is_ascii()).collect();
                (a.id.as_str(), (a, ascii))
            })
            .collect();
        let cited_text = |cite: &Cite| -> Option<&str> {
            let (article, ascii) = by_id.get(cite.article.as_str())?;
            let i = (cite.paragraph as usize).checked_sub(1)?;
            let para = article.paragraphs.get(i)?;
            if para.n != cite.paragraph {
                return None;
            }
            let (start, end) = (cite.start as usize, cite.end as usize);
            if ascii[i] {
                (start <= end).then(|| para.text.get(start..end)).flatten()
            } else {
                char_slice(&para.text, start, end)
            }
        };
        let mut problems = Vec::new();
        let mut ids = FxHashSet::default();
        let mut sentence_ids = FxHashSet::default();
        for a in &self.articles {
            if !ids.insert(a.id.as_str()) {
                problems.push(format!("article id {} appears twice", a.id));
            }
            if a.published != DATE_UNKNOWN
                && chrono::NaiveDate::parse_from_str(&a.published, "%Y-%m-%d").is_err()
            {
                problems.push(format!("article {}: bad date {:?}", a.id, a.published));
            }
            for (i, p) in a.paragraphs.iter().enumerate() {
                if p.n as usize != i + 1 {
                    problems.push(format!(
                        "article {}: paragraph {} is numbered {}",
                        a.id,
                        i + 1,
                        p.n
                    ));
                }
                let len = p.text.chars().count() as u32;
                for s in &p.sentences {
                    if s.start >= s.end || s.end > len {
                        problems.push(format!(
                            "article {} paragraph {}: sentence {} has span {}..{} outside the paragraph",
                            a.id, p.n, s.id, s.start, s.end
                        ));
                    }
                    sentence_ids.insert(s.id.as_str());
                }
            }
        }
        // Labels ("quote <id>") are made only for a problem: a large file has a million items.
        let check_cite = |what: &dyn Fn() -> String,
                          cite: &Cite,
                          expect: Option<&str>,
                          problems: &mut Vec<String>| {
            match cited_text(cite) {
                None => problems.push(format!(
                    "{}: citation {}#p{} {}..{} does not point into the article",
                    what(),
                    cite.article,
                    cite.paragraph,
                    cite.start,
                    cite.end
                )),
                Some(found) => {
                    if let Some(expect) = expect {
                        if found != expect {
                            problems.push(format!(
                                "{}: text {expect:?} does not stand verbatim in article {} paragraph {}",
                                what(),
                                cite.article,
                                cite.paragraph
                            ));
                        }
                    }
                }
            }
        };
        let person_ids: FxHashSet<&str> = self.people.iter().map(|p| p.id.as_str()).collect();
        let source_ids: FxHashSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let check_speaker =
            |what: &dyn Fn() -> String, sp: &Speaker, problems: &mut Vec<String>| match sp {
                Speaker::Person(id) if !person_ids.contains(id.as_str()) => {
                    problems.push(format!("{}: unknown person {id}", what()))
                }
                Speaker::Source(id) if !source_ids.contains(id.as_str()) => {
                    problems.push(format!("{}: unknown source {id}", what()))
                }
                _ => {}
            };
        let check_sentence = |what: &dyn Fn() -> String, id: &str, problems: &mut Vec<String>| {
            if !sentence_ids.contains(id) {
                problems.push(format!("{}: unknown sentence {id}", what()));
            }
        };
        // The facts are checked in two halves, one per core when there are two; the problems
        // are listed in the same order either way.
        let (first, second) = crate::par::join(
            || {
                let mut problems = Vec::new();
                for a in &self.articles {
                    for s in a.paragraphs.iter().flat_map(|p| &p.sentences) {
                        for id in &s.same_report {
                            check_sentence(
                                &|| format!("sentence {} same_report", s.id),
                                id,
                                &mut problems,
                            );
                        }
                    }
                }
                for p in &self.people {
                    for r in &p.roles {
                        check_cite(&|| format!("person {}", p.id), &r.cite, None, &mut problems);
                    }
                    for m in &p.mentions {
                        check_sentence(&|| format!("person {}", p.id), m, &mut problems);
                    }
                }
                for s in &self.sources {
                    check_cite(
                        &|| format!("source {}", s.id),
                        &s.cite,
                        Some(&s.description),
                        &mut problems,
                    );
                    if let Some(p) = &s.on_behalf_of {
                        if !person_ids.contains(p.as_str()) {
                            problems.push(format!("source {}: unknown person {p}", s.id));
                        }
                    }
                }
                for q in &self.quotes {
                    check_cite(
                        &|| format!("quote {}", q.id),
                        &q.cite,
                        Some(&q.text),
                        &mut problems,
                    );
                    check_speaker(&|| format!("quote {}", q.id), &q.speaker, &mut problems);
                    check_sentence(&|| format!("quote {}", q.id), &q.sentence, &mut problems);
                }
                for s in &self.statements {
                    check_cite(
                        &|| format!("statement {}", s.id),
                        &s.cite,
                        None,
                        &mut problems,
                    );
                    check_speaker(&|| format!("statement {}", s.id), &s.speaker, &mut problems);
                    check_sentence(
                        &|| format!("statement {}", s.id),
                        &s.sentence,
                        &mut problems,
                    );
                }
                problems
            },
            || {
                let mut problems = Vec::new();
                for p in &self.positions {
                    check_cite(&|| "position".to_string(), &p.cite, None, &mut problems);
                    check_sentence(&|| "position".to_string(), &p.sentence, &mut problems);
                }
                for e in &self.events {
                    check_cite(
                        &|| "event".to_string(),
                        &e.cite,
                        Some(&e.when_text),
                        &mut problems,
                    );
                    check_sentence(&|| "event".to_string(), &e.sentence, &mut problems);
                }
                for n in &self.numbers {
                    check_cite(
                        &|| "number".to_string(),
                        &n.cite,
                        Some(&n.measures),
                        &mut problems,
                    );
                    check_sentence(&|| "number".to_string(), &n.sentence, &mut problems);
                }
                problems
            },
        );
        problems.extend(first);
        problems.extend(second);
        (problems, sentence_ids)
    }
}

/// The summaries' sentences that are not among `sentence_ids`, as problems.
fn check_summaries(summaries: &Summaries, sentence_ids: &FxHashSet<&str>) -> Vec<String> {
    summaries
        .all
        .iter()
        .chain(summaries.articles.values().flatten())
        .chain(summaries.topics.values().flatten())
        .filter(|id| !sentence_ids.contains(id.as_str()))
        .map(|id| format!("summary: unknown sentence {id}"))
        .collect()
}

/// A relative path as given, or, when it does not exist here but does in the repository this
/// binary was built from, that one: `parley ask` and `parley run` then work from any folder.
pub fn locate(path: PathBuf) -> PathBuf {
    if path.is_relative() && !path.exists() {
        let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join(&path);
        if built_in.exists() {
            return built_in;
        }
    }
    path
}

/// Writes bytes to `path` via a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes to `path` through `write` into a temporary file in the same folder, then renames it
/// over `path`; on any error the temporary file is removed and `path` is untouched.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_unfinished(path, write)?.finish()
}

/// A temporary file written in full, not yet synced nor renamed over its path; dropped
/// unfinished, it is removed.
pub struct Unfinished {
    file: Option<std::fs::File>,
    /// Emptied once renamed.
    tmp: PathBuf,
    path: PathBuf,
}

impl Unfinished {
    /// Syncs the file and renames it over its path; on an error the temporary file is removed
    /// and the path untouched.
    pub fn finish(mut self) -> std::io::Result<()> {
        if let Some(f) = self.file.take() {
            f.sync_all()?;
        }
        std::fs::rename(&self.tmp, &self.path)?;
        self.tmp = PathBuf::new();
        Ok(())
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        if !self.tmp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// The first half of [`write_atomic_with`]: the temporary file, written by `write`, for
/// [`Unfinished::finish`] to sync and put in place. On an error it is removed.
pub fn write_unfinished(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<Unfinished> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("knowledge.json");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut unfinished = Unfinished {
        file: None,
        tmp: tmp.clone(),
        path: path.to_path_buf(),
    };
    // From here on, an error drops `unfinished`, which removes the temporary file.
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
    write(&mut w)?;
    unfinished.file = Some(w.into_inner().map_err(|e| e.into_error())?);
    Ok(unfinished)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_the_json_serde_writes_whatever_the_block_size() {
        let arts = crate::corpus::generate_articles(12, 3);
        let k = crate::corpus::build_articles(&arts).unwrap().knowledge;
        assert!(k.quotes.len() > 5 && k.articles.len() == 12);
        let whole = serde_json::to_vec(&k).unwrap();
        // Blocks of one entry, of a few (so a block ends mid-list) and larger than any list;
        // with one worker and with two.
        for threads in [1, 2] {
            for block in [1, 3, 16, 48, 1 << 20] {
                let mut out = Vec::new();
                crate::par::with_threads(threads, || k.write_json(&mut out, block)).unwrap();
                assert!(out == whole, "block {block}, {threads} thread(s)");
            }
        }
        // An empty knowledge base too.
        let empty = Knowledge::default();
        let mut out = Vec::new();
        empty.write_json(&mut out, 4).unwrap();
        assert_eq!(out, serde_json::to_vec(&empty).unwrap());
    }

    #[test]
    fn the_snapshot_section_is_what_postcard_writes_whatever_the_block_size() {
        let arts = crate::corpus::generate_articles(12, 3);
        let k = crate::corpus::build_articles(&arts).unwrap().knowledge;
        let whole = with_every_field(|| postcard::to_allocvec(&k)).unwrap();
        // Without every field the bytes would differ: the comparison can fail.
        assert_ne!(postcard::to_allocvec(&k).unwrap(), whole);
        for threads in [1, 2] {
            for block in [1, 3, 16, 48, 1 << 20] {
                let mut out = Vec::new();
                crate::par::with_threads(threads, || k.write_postcard(&mut out, block)).unwrap();
                assert!(out == whole, "block {block}, {threads} thread(s)");
            }
        }
        let empty = Knowledge::default();
        let mut out = Vec::new();
        empty.write_postcard(&mut out, 4).unwrap();
        assert_eq!(
            out,
            with_every_field(|| postcard::to_allocvec(&empty)).unwrap()
        );
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("knowledge.json");
        write_atomic(&path, b"the good file").unwrap();
        // A disk that fills up after the first bytes.
        let err = write_atomic_with(&path, |w| {
            w.write_all(b"half of a new fi")?;
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        })
        .unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
        assert_eq!(std::fs::read(&path).unwrap(), b"the good file");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "the temporary file is removed");
    }
}
