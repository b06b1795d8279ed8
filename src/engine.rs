//! The only call the front ends make: [`Engine::ask`] and [`Engine::run`] turn a question or a
//! command into an [`Answer`] that quotes the articles verbatim or declines. Pure: no disk, no
//! network, no Discord.
//!
//! A question goes through four steps: clean it (bounded length, no control characters), match
//! its intent ([`crate::intent`]), recognise its slots (people by name, surname, possessive or
//! misspelling; parties by alias; topics by lexicon, stems and synonyms), then gather the facts
//! that fit the intent and rank them by BM25 plus boosts for the matched slots. When nothing
//! supports an answer well enough, the reply declines and says what the sources do cover.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};
use tracing::debug;

use crate::answer::{
    escape_markdown, Answer, AnswerQuote, Candidate, Citation, Context, Explanation, ReportKind,
};
use crate::english::{english, Relation};
use crate::index::Index;
use crate::intent::{IntentMatch, IntentMatcher};
use crate::knowledge::{Knowledge, PositionKind, Speaker};
use crate::lexicon::Compiled;
use crate::text::{char_slice, normalize, stem, tokenize, Token};

/// Longest question read, in characters; the rest is ignored.
pub const MAX_QUESTION_CHARS: usize = 1000;

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

fn split_about(arg: &str) -> (&str, Option<&str>) {
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

/// One sentence of the knowledge, located.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SentRec {
    article: usize,
    para: usize,
    start: usize,
    end: usize,
    // Boxed slices, not vectors: a large corpus has hundreds of thousands of sentences, and
    // these never grow after start-up.
    parties: Box<[usize]>,
    topics: Box<[usize]>,
    people: Box<[usize]>,
}

/// One start-up worker's vocabulary: what each word it has met stems to, as local term ids.
#[derive(Default)]
struct Vocab {
    /// Normalised word -> what indexing needs of it.
    words: FxHashMap<String, WordInfo>,
    /// Local term id -> stem.
    stems: Vec<String>,
    stem_ids: FxHashMap<String, u32>,
    /// Every word form met, with the parts of hyphenated ones (for spelling correction).
    norms: rustc_hash::FxHashSet<String>,
}

struct WordInfo {
    stem: u32,
    /// The stems of a hyphenated word's parts, indexed beside the whole.
    parts: Vec<u32>,
    stop: bool,
    cause: bool,
}

impl Vocab {
    fn stem_id(&mut self, stem: String) -> u32 {
        let next = self.stems.len() as u32;
        *self.stem_ids.entry(stem).or_insert_with_key(|s| {
            self.stems.push(s.clone());
            next
        })
    }

    fn learn(
        &mut self,
        norm: &str,
        stopwords: &rustc_hash::FxHashSet<String>,
        cause_stems: &HashSet<String>,
    ) -> WordInfo {
        self.norms.insert(norm.to_string());
        let mut parts = Vec::new();
        if norm.contains('-') {
            for part in norm.split('-') {
                self.norms.insert(part.to_string());
                if part.len() > 1 {
                    parts.push(self.stem_id(stem(part)));
                }
            }
        }
        let whole = stem(norm);
        let cause = cause_stems.contains(&whole);
        WordInfo {
            stem: self.stem_id(whole),
            parts,
            stop: stopwords.contains(norm),
            cause,
        }
    }

    /// A sentence's index terms (local ids), its words for phrase pairs (the stem of each word
    /// not in [`STOP_PAIR`], in order) and whether it holds a cause cue.
    fn sentence_terms(
        &mut self,
        text: &str,
        stopwords: &rustc_hash::FxHashSet<String>,
        cause_stems: &HashSet<String>,
    ) -> (Vec<u32>, Vec<u32>, bool) {
        let mut terms = Vec::new();
        let mut pair_words = Vec::new();
        let mut cause = false;
        for t in tokenize(text) {
            if !self.words.contains_key(&t.norm) {
                let info = self.learn(&t.norm, stopwords, cause_stems);
                self.words.insert(t.norm.clone(), info);
            }
            let info = &self.words[&t.norm];
            cause |= info.cause;
            if !info.stop {
                terms.push(info.stem);
                terms.extend_from_slice(&info.parts);
            }
            if !STOP_PAIR.contains(&t.norm.as_str()) {
                pair_words.push(info.stem);
            }
        }
        (terms, pair_words, cause)
    }
}

/// Sentence index by sentence id, without a second copy of every id. Ids the builder writes are
/// `<article>#p<n>s<k>` (`extract::sentence_id`), so the article and paragraph find a sentence;
/// the few ids of any other shape are kept in a map.
#[derive(Debug, Default, Serialize, Deserialize)]
struct SentIds {
    /// Article id -> per paragraph number, its first sentence and how many it has.
    articles: HashMap<String, HashMap<u32, (usize, usize)>>,
    /// Ids not in the builder's shape (hand-made files), or not matching their place.
    other: HashMap<String, usize>,
    /// Places whose sentence has an id in `other`: a canonical id naming them is not theirs.
    shadowed: HashSet<usize>,
}

impl SentIds {
    /// Records that sentence `ix`, with id `id`, stands in `article`, paragraph `n`. Sentences
    /// of a paragraph must be inserted in order.
    fn insert(&mut self, article: &str, n: u32, id: &str, ix: usize) {
        let paras = self.articles.entry(article.to_string()).or_default();
        let (first, count) = paras.entry(n).or_insert((ix, 0));
        let k = ix - *first;
        *count += 1;
        if Self::parse(id) != Some((article, n, k + 1)) {
            self.other.insert(id.to_string(), ix);
            self.shadowed.insert(ix);
        }
    }

    /// Splits a canonical `<article>#p<n>s<k>` id (no leading zeros, k from 1).
    fn parse(id: &str) -> Option<(&str, u32, usize)> {
        let (article, rest) = id.rsplit_once("#p")?;
        let (n, k) = rest.split_once('s')?;
        let number = |d: &str| -> Option<usize> {
            let canonical = !d.is_empty()
                && d.bytes().all(|b| b.is_ascii_digit())
                && (d == "0" || !d.starts_with('0'));
            canonical.then(|| d.parse().ok()).flatten()
        };
        Some((article, u32::try_from(number(n)?).ok()?, number(k)?))
    }

    /// The index of the sentence with this id.
    fn get(&self, id: &str) -> Option<usize> {
        if let Some(&ix) = self.other.get(id) {
            return Some(ix);
        }
        let (article, n, k) = Self::parse(id)?;
        let &(first, count) = self.articles.get(article)?.get(&n)?;
        // A canonical id names its place; a sentence there with another id is in `other`.
        (k >= 1 && k <= count)
            .then(|| first + k - 1)
            .filter(|ix| !self.shadowed.contains(ix))
    }
}

/// What a fact is, for ranking and for how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
enum FactRef {
    Sentence(usize),
    Quote(usize),
    Statement(usize),
}

/// The answer engine over one loaded knowledge file.
///
/// What start-up computes from the knowledge serializes, so `crate::snapshot` can store it and
/// a later start reads it instead of computing it again; the knowledge itself, the settings and
/// what is cheap to make (the compiled lexicon, the intents) are skipped and set on load. An
/// `Engine` deserialized on its own is therefore only tables without knowledge and must not
/// answer: read one with [`crate::snapshot::load`], which restores and checks it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Engine {
    #[serde(skip)]
    knowledge: Knowledge,
    #[serde(skip)]
    settings: EngineSettings,
    #[serde(skip)]
    lex: Compiled,
    #[serde(skip, default = "IntentMatcher::builtin")]
    intents: IntentMatcher,
    sents: Vec<SentRec>,
    sent_by_id: SentIds,
    /// The stem of every word form in the sentences, so answers need not stem them again.
    stem_cache: FxHashMap<String, String>,
    /// The sentence of each quote and each statement, looked up once.
    quote_sent: Vec<Option<usize>>,
    statement_sent: Vec<Option<usize>>,
    event_sent: Vec<Option<usize>>,
    index: Index,
    norms: rustc_hash::FxHashSet<String>,
    name_words: HashMap<String, Vec<usize>>,
    statement_by_sent: HashMap<usize, usize>,
    events_by_sent: HashMap<usize, Vec<usize>>,
    numbers_by_sent: HashMap<usize, Vec<usize>>,
    cause_sents: HashSet<usize>,
    title_stems: Vec<Vec<String>>,
    sources_for_person: HashMap<String, Vec<usize>>,
    people_by_party: HashMap<String, Vec<usize>>,
    role_stems: Vec<HashSet<String>>,
    title_word_stems: HashSet<String>,
    /// Stems of each unnamed source's description, and of the nouns that name sources.
    source_stems: Vec<HashSet<String>>,
    source_noun_stems: HashSet<String>,
    /// Article indexes, newest first.
    newest_first: Vec<usize>,
    #[serde(skip, default = "filler")]
    filler: HashSet<String>,
    proposal_sents: HashSet<usize>,
    quotes_in_sent: HashMap<usize, Vec<usize>>,
    /// Sentences that mention each person (by person index).
    person_sents: Vec<Vec<usize>>,
    /// Quotes and statements by speaker.
    by_speaker: HashMap<Speaker, Vec<FactRef>>,
    /// Position sentences by party id: (topic index, sentence).
    positions_by_party: HashMap<String, Vec<(u32, u32)>>,
    /// Parties of the people and sources speaking in a sentence.
    speaker_parties: HashMap<u32, Vec<u32>>,
    /// The party names `speaker_parties` numbers.
    speaker_party_names: Vec<String>,
    /// Corpus words by first letter, for spelling correction.
    norms_by_initial: HashMap<char, Vec<String>>,
    /// Each sentence's words for phrase pairs, as stem ids (`pair_vocab`): sentence `s` has
    /// `pair_words[pair_starts[s]..pair_starts[s + 1]]`. Kept from start-up so that ranking
    /// need not tokenise and stem its leading sentences again for every question.
    pair_vocab: FxHashMap<String, u32>,
    pair_words: Vec<u32>,
    pair_starts: Vec<u32>,
    /// `name_words` of four letters or more, in word order, for spelling correction; made
    /// from `name_words` on start and on load.
    #[serde(skip)]
    name_list: Vec<NameWord>,
}

/// A word of a person's name, with what rules it out quickly as a misspelling's target.
#[derive(Debug, Clone)]
struct NameWord {
    word: String,
    chars: usize,
    mask: u64,
    person: usize,
}

/// The words of `name_words` that spelling correction tries: four letters or more, sorted.
fn name_list(name_words: &HashMap<String, Vec<usize>>) -> Vec<NameWord> {
    let mut list: Vec<NameWord> = name_words
        .iter()
        .filter(|(w, _)| w.chars().count() >= 4)
        .map(|(w, people)| NameWord {
            word: w.clone(),
            chars: w.chars().count(),
            mask: letter_mask(w),
            person: people[0],
        })
        .collect();
    list.sort_by(|a, b| a.word.cmp(&b.word));
    list
}

/// Which letters a word has, one bit each (digits share bits, as does everything else): a
/// letter one word has and the other lacks is at least one edit.
fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0u64, |m, c| {
        m | 1
            << match c {
                'a'..='z' => c as u32 - 'a' as u32,
                'A'..='Z' => c as u32 - 'A' as u32 + 26,
                '0'..='9' => 52 + (c as u32 - '0' as u32) % 8,
                _ => 63,
            }
    })
}

/// Words that shape a question but say nothing about its subject.
const FILLER: &[&str] = &[
    "happen",
    "happened",
    "happening",
    "going",
    "regarding",
    "concerning",
    "re",
    "thoughts",
    "info",
    "information",
    "details",
    "detail",
    "explain",
    "describe",
    "tell",
    "say",
    "said",
    "says",
    "saying",
    "talk",
    "talking",
    "think",
    "feel",
    "view",
    "views",
    "stance",
    "position",
    "positions",
    "opinion",
    "stand",
    "stands",
    "quote",
    "quotes",
    "statement",
    "statements",
    "comment",
    "comments",
    "remarks",
    "words",
    "word",
    "role",
    "job",
    "title",
    "know",
    "latest",
    "update",
    "new",
    "news",
    "summary",
    "summarize",
    "summarise",
    "tldr",
    "tl",
    "dr",
    "overview",
    "recap",
    "why",
    "when",
    "where",
    "many",
    "much",
    "long",
    "reason",
    "reasons",
    "exactly",
    "please",
    "want",
    "wants",
    "wanted",
    "happens",
    "did",
    "does",
    "do",
    "anything",
    "something",
    "someone",
    "person",
    "people",
    "thing",
    "things",
    "stuff",
    "mean",
    "means",
    "meant",
    "really",
    "whole",
    "key",
    "main",
    "point",
    "points",
    "according",
    "source",
    "sources",
    "article",
    "articles",
    "report",
    "write",
    "wrote",
    "written",
    "respond",
    "responded",
    "react",
    "reacted",
    "reply",
    "replied",
    "far",
    "big",
    "old",
    "time",
    "day",
    "date",
    "year",
    "place",
    "city",
    "country",
    "location",
    "venue",
    "number",
    "amount",
    "percent",
    "percentage",
    "share",
    "caused",
    "cause",
    "led",
    "lead",
    "prompted",
    "behind",
    "explains",
    "come",
    "came",
    "take",
    "took",
    "make",
    "made",
    "get",
    "go",
    "went",
    "currently",
    "now",
    "today",
    "right",
    "ok",
    "okay",
    "so",
    "and",
    "also",
    "else",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "how",
    "is",
    "are",
    "was",
    "were",
    "role",
    "roles",
    "mentioned",
    "mention",
    "official",
    "officials",
];

/// [`FILLER`] as a set.
fn filler() -> HashSet<String> {
    FILLER.iter().map(|s| s.to_string()).collect()
}

impl Engine {
    /// Makes an engine from knowledge, compiling its indexes once.
    pub fn new(mut knowledge: Knowledge, settings: EngineSettings) -> Engine {
        let t_new = std::time::Instant::now();
        let lex = knowledge.lexicon.compile();
        let party_index: HashMap<&str, usize> = knowledge
            .lexicon
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let topic_index: HashMap<&str, usize> = knowledge
            .lexicon
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let person_index: HashMap<&str, usize> = knowledge
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let mut sents = Vec::new();
        let mut sent_by_id = SentIds::default();
        let cause_stems: HashSet<String> = knowledge
            .lexicon
            .language
            .cause_cues
            .iter()
            .flat_map(|c| tokenize(c).into_iter().map(|t| stem(&t.norm)))
            .filter(|s| !matches!(s.as_str(), "over" | "why" | "reason"))
            .collect();
        // Where each sentence stands, with its parties, topics and people (cheap, in order).
        // The engine keeps those as numbers here; the knowledge's own lists of names are
        // emptied, as nothing reads them after this and a large corpus has a million of them.
        for (ai, a) in knowledge.articles.iter_mut().enumerate() {
            for (pi, p) in a.paragraphs.iter_mut().enumerate() {
                let map: Vec<usize> = p
                    .text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain(std::iter::once(p.text.len()))
                    .collect();
                for s in &mut p.sentences {
                    sent_by_id.insert(&a.id, p.n, &s.id, sents.len());
                    let numbers = |names: Vec<String>, index: &HashMap<&str, usize>| {
                        names
                            .iter()
                            .filter_map(|x| index.get(x.as_str()).copied())
                            .collect()
                    };
                    sents.push(SentRec {
                        article: ai,
                        para: pi,
                        start: map.get(s.start as usize).copied().unwrap_or(0),
                        end: map.get(s.end as usize).copied().unwrap_or(p.text.len()),
                        parties: numbers(std::mem::take(&mut s.parties), &party_index),
                        topics: numbers(std::mem::take(&mut s.topics), &topic_index),
                        people: numbers(std::mem::take(&mut s.people), &person_index),
                    });
                }
            }
        }
        // Positions are the largest section of a big knowledge file, and the engine needs them
        // only as (topic, sentence) pairs by party: it keeps those and frees the list.
        let mut positions_by_party: HashMap<String, Vec<(u32, u32)>> = HashMap::default();
        let mut seen_positions: HashSet<(&str, u32, u32)> = HashSet::default();
        let mut proposal_sents = HashSet::default();
        for pos in &knowledge.positions {
            let (Some(s), Some(&t)) = (
                sent_by_id.get(&pos.sentence),
                topic_index.get(pos.topic.as_str()),
            ) else {
                continue;
            };
            if pos.kind == PositionKind::Proposal {
                proposal_sents.insert(s);
            }
            if seen_positions.insert((pos.party.as_str(), t as u32, s as u32)) {
                positions_by_party
                    .entry(pos.party.clone())
                    .or_default()
                    .push((t as u32, s as u32));
            }
        }
        drop(seen_positions);
        knowledge.positions = Vec::new();
        // Tokenising and stemming every sentence is most of the start-up: it runs on every
        // core, each worker with its own stem cache and vocabulary, merged afterwards.
        let t_tokens = std::time::Instant::now();
        let parts = crate::par::map_with(&sents, 2048, Vocab::default, |v, r| {
            let text = &knowledge.articles[r.article].paragraphs[r.para].text[r.start..r.end];
            v.sentence_terms(text, &lex.stopwords, &cause_stems)
        });
        let mut vocab: Vec<String> = Vec::new();
        let mut global: FxHashMap<String, u32> = FxHashMap::default();
        let mut norms: rustc_hash::FxHashSet<String> = Default::default();
        let mut cause_sents = HashSet::default();
        let mut docs: Vec<Vec<u32>> = Vec::with_capacity(sents.len());
        // Sized exactly: grown by doubling, this array (17 MB at 10,000 articles) would briefly
        // take three times that.
        let words: usize = parts
            .iter()
            .flat_map(|(_, results)| results.iter().map(|r| r.1.len()))
            .sum();
        let mut pair_words: Vec<u32> = Vec::with_capacity(words);
        let mut pair_starts: Vec<u32> = Vec::with_capacity(sents.len() + 1);
        pair_starts.push(0);
        let mut stem_cache: FxHashMap<String, String> = FxHashMap::default();
        for (v, results) in parts {
            for (word, info) in v.words {
                stem_cache.insert(word, v.stems[info.stem as usize].clone());
            }
            let to_global: Vec<u32> = v
                .stems
                .into_iter()
                .map(|w| {
                    let next = vocab.len() as u32;
                    *global.entry(w).or_insert_with_key(|w| {
                        vocab.push(w.clone());
                        next
                    })
                })
                .collect();
            norms.extend(v.norms);
            for (mut terms, words, cause) in results {
                if cause {
                    cause_sents.insert(docs.len());
                }
                for t in &mut terms {
                    *t = to_global[*t as usize];
                }
                docs.push(terms);
                pair_words.extend(words.into_iter().map(|w| to_global[w as usize]));
                pair_starts.push(pair_words.len() as u32);
            }
        }
        pair_words.shrink_to_fit();
        // Words questions bring that articles may not use, stemmed once here rather than for
        // each question: the stop words (every word of a question is stemmed) and the words of
        // the topics' aliases (a question naming a topic searches for all of them).
        let alias_words = knowledge
            .lexicon
            .topics
            .iter()
            .flat_map(|t| &t.aliases)
            .flat_map(|a| tokenize(a))
            .map(|t| t.norm);
        for w in lex.stopwords.iter().cloned().chain(alias_words) {
            stem_cache.entry(w).or_insert_with_key(|w| stem(w));
        }
        // Every stem met, indexed or not (a stopword's), for looking up a question's pairs.
        let pair_vocab = global;
        tracing::debug!(target: "parley::timing", phase = "tokens", elapsed = ?t_tokens.elapsed(), "timing");
        // The speaker of a quote or statement is a person of its sentence, even when only a
        // continuation names them elsewhere.
        for q in &knowledge.quotes {
            if let (Speaker::Person(id), Some(s)) = (&q.speaker, sent_by_id.get(&q.sentence)) {
                if let Some(&p) = person_index.get(id.as_str()) {
                    let rec: &mut SentRec = &mut sents[s];
                    if !rec.people.contains(&p) {
                        let mut people = std::mem::take(&mut rec.people).into_vec();
                        people.push(p);
                        rec.people = people.into_boxed_slice();
                    }
                }
            }
        }
        let t_index = std::time::Instant::now();
        let index = Index::from_ids(vocab, &docs);
        drop(docs);
        tracing::debug!(target: "parley::timing", phase = "index", elapsed = ?t_index.elapsed(), "timing");
        let mut name_words: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, p) in knowledge.people.iter().enumerate() {
            for t in tokenize(&p.name) {
                if lex.stopwords.contains(&t.norm) {
                    continue;
                }
                let e = name_words.entry(t.norm.clone()).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
        }
        let mut statement_by_sent = HashMap::default();
        for (i, st) in knowledge.statements.iter().enumerate() {
            if let Some(s) = sent_by_id.get(&st.sentence) {
                statement_by_sent.entry(s).or_insert(i);
            }
        }
        let mut events_by_sent: HashMap<usize, Vec<usize>> = HashMap::default();
        for (i, e) in knowledge.events.iter().enumerate() {
            if let Some(s) = sent_by_id.get(&e.sentence) {
                events_by_sent.entry(s).or_default().push(i);
            }
        }
        let mut numbers_by_sent: HashMap<usize, Vec<usize>> = HashMap::default();
        for (i, n) in knowledge.numbers.iter().enumerate() {
            if let Some(s) = sent_by_id.get(&n.sentence) {
                numbers_by_sent.entry(s).or_default().push(i);
            }
        }
        let filler = filler();
        let mut person_sents: Vec<Vec<usize>> = vec![Vec::new(); knowledge.people.len()];
        for (i, r) in sents.iter().enumerate() {
            for &p in &r.people {
                person_sents[p].push(i);
            }
        }
        let mut by_speaker: HashMap<Speaker, Vec<FactRef>> = HashMap::default();
        for (i, q) in knowledge.quotes.iter().enumerate() {
            by_speaker
                .entry(q.speaker.clone())
                .or_default()
                .push(FactRef::Quote(i));
        }
        for (i, st) in knowledge.statements.iter().enumerate() {
            by_speaker
                .entry(st.speaker.clone())
                .or_default()
                .push(FactRef::Statement(i));
        }
        let source_index: HashMap<&str, usize> = knowledge
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let party_of = |sp: &Speaker| -> Option<String> {
            match sp {
                Speaker::Person(id) => person_index
                    .get(id.as_str())
                    .and_then(|&p| knowledge.people[p].affiliation.clone()),
                Speaker::Source(id) => source_index
                    .get(id.as_str())
                    .and_then(|&i| knowledge.sources[i].affiliation.clone()),
                Speaker::Unattributed => None,
            }
        };
        let title_stems: Vec<Vec<String>> = knowledge
            .articles
            .iter()
            .map(|a| {
                tokenize(&a.title)
                    .iter()
                    .filter(|t| !lex.stopwords.contains(&t.norm))
                    .map(|t| stem(&t.norm))
                    .collect()
            })
            .collect();
        let mut sources_for_person: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, src) in knowledge.sources.iter().enumerate() {
            if let Some(p) = &src.on_behalf_of {
                sources_for_person.entry(p.clone()).or_default().push(i);
            }
        }
        let mut people_by_party: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, p) in knowledge.people.iter().enumerate() {
            if let Some(a) = &p.affiliation {
                people_by_party.entry(a.clone()).or_default().push(i);
            }
        }
        let role_stems: Vec<HashSet<String>> = knowledge
            .people
            .iter()
            .map(|p| {
                p.roles
                    .iter()
                    .flat_map(|r| tokenize(&r.text))
                    .flat_map(|t| t.norm.split('-').map(stem).collect::<Vec<_>>())
                    .collect()
            })
            .collect();
        let source_stems: Vec<HashSet<String>> = knowledge
            .sources
            .iter()
            .map(|s| {
                tokenize(&s.description)
                    .iter()
                    .filter(|t| !lex.stopwords.contains(&t.norm))
                    .map(|t| stem(&t.norm))
                    .collect()
            })
            .collect();
        let mut newest_first: Vec<usize> = (0..knowledge.articles.len()).collect();
        newest_first.sort_by(|&a, &b| {
            let (a, b) = (&knowledge.articles[a], &knowledge.articles[b]);
            b.published.cmp(&a.published).then(a.id.cmp(&b.id))
        });
        let source_noun_stems: HashSet<String> = lex.source_nouns.iter().map(|n| stem(n)).collect();
        let title_word_stems: HashSet<String> = knowledge
            .lexicon
            .language
            .titles
            .iter()
            .flat_map(|t| tokenize(t))
            .flat_map(|w| w.norm.split('-').map(stem).collect::<Vec<_>>())
            .chain(["pm", "vp", "fm"].iter().map(|s| s.to_string()))
            .collect();
        // Parties as small numbers: a large corpus has a speaker in every other sentence.
        let mut speaker_parties: HashMap<u32, Vec<u32>> = HashMap::default();
        let mut speaker_party_names: Vec<String> = Vec::new();
        let mut party_numbers: HashMap<String, u32> = HashMap::default();
        let spoken = knowledge
            .quotes
            .iter()
            .map(|q| (&q.sentence, &q.speaker))
            .chain(
                knowledge
                    .statements
                    .iter()
                    .map(|st| (&st.sentence, &st.speaker)),
            );
        for (sid, sp) in spoken {
            if let (Some(s), Some(party)) = (sent_by_id.get(sid), party_of(sp)) {
                let next = speaker_party_names.len() as u32;
                let number = *party_numbers.entry(party).or_insert_with_key(|p| {
                    speaker_party_names.push(p.clone());
                    next
                });
                let e = speaker_parties.entry(s as u32).or_default();
                if !e.contains(&number) {
                    e.push(number);
                }
            }
        }
        drop(party_numbers);
        let mut norms_by_initial: HashMap<char, Vec<String>> = HashMap::default();
        for w in &norms {
            if let Some(c) = w.chars().next() {
                if w.chars().count() >= 4 {
                    norms_by_initial.entry(c).or_default().push(w.clone());
                }
            }
        }
        for v in norms_by_initial.values_mut() {
            v.sort();
        }
        let mut quotes_in_sent: HashMap<usize, Vec<usize>> = HashMap::default();
        for (i, q) in knowledge.quotes.iter().enumerate() {
            if let Some(s) = sent_by_id.get(&q.sentence) {
                quotes_in_sent.entry(s).or_default().push(i);
            }
        }
        tracing::debug!(target: "parley::timing", phase = "engine", elapsed = ?t_new.elapsed(), "timing");
        // Each fact's sentence as an index; the ids themselves are not read again, and a
        // large corpus has hundreds of thousands of them.
        let quote_sent: Vec<Option<usize>> = knowledge
            .quotes
            .iter()
            .map(|q| sent_by_id.get(&q.sentence))
            .collect();
        let statement_sent: Vec<Option<usize>> = knowledge
            .statements
            .iter()
            .map(|st| sent_by_id.get(&st.sentence))
            .collect();
        let event_sent: Vec<Option<usize>> = knowledge
            .events
            .iter()
            .map(|e| sent_by_id.get(&e.sentence))
            .collect();
        for q in &mut knowledge.quotes {
            q.sentence = String::new();
        }
        for st in &mut knowledge.statements {
            st.sentence = String::new();
        }
        for e in &mut knowledge.events {
            e.sentence = String::new();
        }
        for n in &mut knowledge.numbers {
            n.sentence = String::new();
        }
        let name_list = name_list(&name_words);
        Engine {
            lex,
            intents: IntentMatcher::builtin(),
            sents,
            quote_sent,
            statement_sent,
            event_sent,
            sent_by_id,
            stem_cache,
            index,
            norms,
            name_words,
            statement_by_sent,
            events_by_sent,
            numbers_by_sent,
            cause_sents,
            title_stems,
            sources_for_person,
            people_by_party,
            role_stems,
            title_word_stems,
            source_stems,
            source_noun_stems,
            newest_first,
            filler,
            proposal_sents,
            quotes_in_sent,
            person_sents,
            by_speaker,
            positions_by_party,
            speaker_parties,
            speaker_party_names,
            norms_by_initial,
            pair_vocab,
            pair_words,
            pair_starts,
            name_list,
            knowledge,
            settings,
        }
    }

    /// Completes an engine read back from a snapshot (`crate::snapshot`): the knowledge it was
    /// started from (as [`Engine::knowledge`] returned it), the settings, and what the snapshot
    /// leaves out. Checks that the tables fit the knowledge, so a snapshot that does not belong
    /// to it is refused rather than answered from; `Err` says what does not fit.
    pub(crate) fn restore(
        mut self,
        knowledge: Knowledge,
        settings: EngineSettings,
    ) -> Result<Engine, String> {
        let k = &knowledge;
        let sentences = k.sentence_count();
        let counts = [
            ("sentences", self.sents.len(), sentences),
            ("sentences' words", self.pair_starts.len(), sentences + 1),
            ("indexed sentences", self.index.len(), sentences),
            ("quote sentences", self.quote_sent.len(), k.quotes.len()),
            (
                "statement sentences",
                self.statement_sent.len(),
                k.statements.len(),
            ),
            ("event sentences", self.event_sent.len(), k.events.len()),
            ("article titles", self.title_stems.len(), k.articles.len()),
            (
                "articles by date",
                self.newest_first.len(),
                k.articles.len(),
            ),
            (
                "people's sentences",
                self.person_sents.len(),
                k.people.len(),
            ),
            ("people's roles", self.role_stems.len(), k.people.len()),
            ("sources", self.source_stems.len(), k.sources.len()),
        ];
        for (what, found, expected) in counts {
            if found != expected {
                return Err(format!("{found} {what} for {expected} in the knowledge"));
            }
        }
        for (i, r) in self.sents.iter().enumerate() {
            let text = k
                .articles
                .get(r.article)
                .and_then(|a| a.paragraphs.get(r.para))
                .map(|p| p.text.as_str());
            if text.and_then(|t| t.get(r.start..r.end)).is_none() {
                return Err(format!("sentence {i} lies outside its paragraph"));
            }
        }
        // Every number that indexes something must index what is there: a snapshot that passed
        // its checksums yet does not fit would otherwise fail on some later question.
        let n = sentences;
        let below = |bound: usize| move |&x: &usize| x < bound;
        let fits = [
            ("sentence", self.index.docs_below(n as u32)),
            (
                "fact sentence",
                [&self.quote_sent, &self.statement_sent, &self.event_sent]
                    .iter()
                    .all(|v| v.iter().flatten().all(below(n))),
            ),
            (
                "sentence",
                self.person_sents.iter().flatten().all(below(n))
                    && self.cause_sents.iter().all(below(n))
                    && self.proposal_sents.iter().all(below(n))
                    && self.speaker_parties.keys().all(|&s| (s as usize) < n),
            ),
            (
                "fact",
                self.statement_by_sent
                    .iter()
                    .all(|(&s, &i)| s < n && i < k.statements.len())
                    && self
                        .events_by_sent
                        .iter()
                        .all(|(&s, v)| s < n && v.iter().all(below(k.events.len())))
                    && self
                        .numbers_by_sent
                        .iter()
                        .all(|(&s, v)| s < n && v.iter().all(below(k.numbers.len())))
                    && self
                        .quotes_in_sent
                        .iter()
                        .all(|(&s, v)| s < n && v.iter().all(below(k.quotes.len())))
                    && self.by_speaker.values().flatten().all(|f| match *f {
                        FactRef::Sentence(s) => s < n,
                        FactRef::Quote(i) => i < k.quotes.len(),
                        FactRef::Statement(i) => i < k.statements.len(),
                    }),
            ),
            (
                "position",
                self.positions_by_party
                    .values()
                    .flatten()
                    .all(|&(t, s)| (t as usize) < k.lexicon.topics.len() && (s as usize) < n),
            ),
            (
                "party",
                self.speaker_parties
                    .values()
                    .flatten()
                    .all(|&p| (p as usize) < self.speaker_party_names.len()),
            ),
            (
                "person or source",
                self.people_by_party
                    .values()
                    .flatten()
                    .all(below(k.people.len()))
                    && self
                        .sources_for_person
                        .values()
                        .flatten()
                        .all(below(k.sources.len())),
            ),
            (
                "article",
                self.newest_first.iter().all(below(k.articles.len())),
            ),
        ];
        if let Some((what, _)) = fits.iter().find(|(_, ok)| !ok) {
            return Err(format!("a {what} number is out of range"));
        }
        let ordered = self.pair_starts.windows(2).all(|w| w[0] <= w[1]);
        if !ordered || self.pair_starts.last() != Some(&(self.pair_words.len() as u32)) {
            return Err("the sentences' words are out of order".into());
        }
        let people = k.people.len();
        let in_range = |list: &[usize], len: usize| list.iter().all(|&x| x < len);
        if !self.sents.iter().all(|r| {
            in_range(&r.parties, k.lexicon.parties.len())
                && in_range(&r.topics, k.lexicon.topics.len())
                && in_range(&r.people, people)
        }) {
            return Err("a sentence names a party, topic or person the knowledge lacks".into());
        }
        if !self.name_words.values().flatten().all(|&p| p < people) {
            return Err("a name belongs to a person the knowledge lacks".into());
        }
        self.lex = knowledge.lexicon.compile();
        self.name_list = name_list(&self.name_words);
        self.knowledge = knowledge;
        self.settings = settings;
        Ok(self)
    }

    /// The stem of a normalised word: from the corpus' stems when it is there.
    fn stem(&self, norm: &str) -> String {
        self.stem_ref(norm).into_owned()
    }

    /// A sentence's words for phrase pairs, as stem ids.
    fn pair_words_of(&self, s: usize) -> &[u32] {
        let (a, b) = (
            self.pair_starts[s] as usize,
            self.pair_starts[s + 1] as usize,
        );
        &self.pair_words[a..b]
    }

    /// [`Engine::stem`], borrowed from the corpus' stems when it is there.
    fn stem_ref(&self, norm: &str) -> std::borrow::Cow<'_, str> {
        match self.stem_cache.get(norm) {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(stem(norm)),
        }
    }

    /// The knowledge it answers from, less what the engine holds in its own indexes: the
    /// `positions` list, each sentence's `parties`, `topics` and `people`, and the `sentence`
    /// id of each quote, statement, event and number are empty here (load the file again for a
    /// complete copy).
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

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

    /// Autocomplete choices for a slot, best first.
    pub fn complete(&self, kind: SlotKind, prefix: &str, limit: usize) -> Vec<String> {
        let p = normalize(prefix.trim());
        let names: Vec<String> = match kind {
            SlotKind::Person => self
                .knowledge
                .people
                .iter()
                .map(|x| x.name.clone())
                .collect(),
            SlotKind::Party => self
                .knowledge
                .lexicon
                .parties
                .iter()
                .map(|x| x.name.clone())
                .collect(),
            SlotKind::Topic => self
                .knowledge
                .lexicon
                .topics
                .iter()
                .map(|x| x.name.clone())
                .collect(),
            SlotKind::Article => self
                .knowledge
                .articles
                .iter()
                .map(|x| x.title.clone())
                .collect(),
        };
        let mut scored: Vec<(u8, String)> = names
            .into_iter()
            .filter_map(|n| {
                let nn = normalize(&n);
                if p.is_empty() || nn.starts_with(&p) {
                    Some((0, n))
                } else if nn.split([' ', '-']).any(|w| w.starts_with(&p)) {
                    Some((1, n))
                } else if nn.contains(&p) {
                    Some((2, n))
                } else {
                    None
                }
            })
            .collect();
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(limit).map(|x| x.1).collect()
    }

    /// Answers a free question, with an optional follow-up context.
    #[tracing::instrument(level = "debug", skip_all, fields(chars = question.len()))]
    pub fn ask(&self, question: &str, context: Option<&Context>) -> Answer {
        let clean = clean_question(question);
        // Chat shorthand and title abbreviations are read as what they stand for; the reply
        // still echoes the question as it was asked.
        let expanded = self.lex.expand_shorthand(&clean);
        let mut q = self.analyse(&expanded, context);
        let mut answer = if clean.is_empty() {
            // Nothing was asked: say what can be, but it is not an answer.
            let mut a = self.help_answer(&clean, true);
            a.answered = false;
            a.lead = format!("Ask me a question about the talks. {}", a.lead);
            a.explanation.decline_reason = Some("an empty question".into());
            a
        } else {
            self.answer(&expanded, &mut q)
        };
        answer.question = clean;
        debug!(intent = %answer.intent, answered = answer.answered, cited = answer.quotes.len(), "answered");
        answer
    }

    fn analyse(&self, clean: &str, context: Option<&Context>) -> Query {
        let lowered = normalize(clean);
        let folded: String =
            expand_contractions(&lowered.split_whitespace().collect::<Vec<_>>().join(" "));
        let mut intent = self.intents.match_intent(&folded);
        let mut tokens = tokenize(clean);
        for i in 0..tokens.len() {
            // "the us", "the uk": casual lowercase still names the party.
            if i > 0 && tokens[i - 1].norm == "the" && tokens[i].norm.len() <= 3 {
                tokens[i].all_caps = true;
            }
        }
        let mut q = Query {
            tokens,
            ..Query::default()
        };
        // Slots: people (exact words, then misspellings), parties, topics.
        let mut used = vec![false; q.tokens.len()];
        let mut i = 0;
        while i < q.tokens.len() {
            let norm = q.tokens[i].norm.clone();
            if let Some(people) = self.name_words.get(&norm) {
                // A full name wins over its parts.
                let mut best = people[0];
                let mut best_len = 1;
                for &p in people {
                    let words: Vec<String> = tokenize(&self.knowledge.people[p].name)
                        .iter()
                        .map(|t| t.norm.clone())
                        .collect();
                    let len = words.len();
                    if i + len <= q.tokens.len()
                        && q.tokens[i..i + len]
                            .iter()
                            .zip(&words)
                            .all(|(t, w)| &t.norm == w)
                        && len > best_len
                    {
                        best = p;
                        best_len = len;
                    }
                }
                push_unique_usize(&mut q.people, best);
                q.spans.push((true, best, i, i + best_len));
                for u in used.iter_mut().skip(i).take(best_len) {
                    *u = true;
                }
                i += best_len;
                continue;
            }
            i += 1;
        }
        for hit in self.lex.parties.find(&q.tokens) {
            push_unique_usize(&mut q.parties, hit.entity);
            q.spans.push((false, hit.entity, hit.start, hit.end));
            for u in &mut used[hit.start..hit.end] {
                *u = true;
            }
        }
        let keys: Vec<String> = q.tokens.iter().map(|t| self.stem(&t.norm)).collect();
        for hit in self.lex.topics.find_keys(&q.tokens, &keys) {
            push_unique_usize(&mut q.topics, hit.entity);
            for u in &mut used[hit.start..hit.end] {
                *u = true;
            }
        }
        // People named by their role: "the vice president", "Morvany's foreign minister".
        if q.people.is_empty() {
            let party_spans: Vec<(usize, usize, usize)> = q
                .spans
                .iter()
                .filter(|sp| !sp.0)
                .map(|sp| (sp.1, sp.2, sp.3))
                .collect();
            for r in self.role_references(&q.tokens, &party_spans, &used) {
                match self.role_holder(&r) {
                    Some(p) => {
                        push_unique_usize(&mut q.people, p);
                        q.spans.push((true, p, r.start, r.end));
                        for u in &mut used[r.start..r.end] {
                            *u = true;
                        }
                    }
                    None if r.party.is_some() && !self.source_fits_role(&r) => {
                        q.unknown_role.get_or_insert(r.text);
                    }
                    None => {}
                }
            }
        }
        // Words the sources never use: misspelt names, or names they do not know.
        for (k, t) in q.tokens.iter().enumerate() {
            if used[k]
                || self.lex.stopwords.contains(&t.norm)
                || self.norms.contains(&t.norm)
                || t.numeric
            {
                continue;
            }
            let stem_known = self.index.contains(&keys[k]);
            // An ordinary English word typed in lowercase is not a misspelt name ("price" is
            // not "Prime").
            let english_word = english().is_common(&t.norm, COMMON_ZIPF);
            if let Some(p) = (!english_word || t.capital)
                .then(|| self.fuzzy_person(&t.norm))
                .flatten()
            {
                push_unique_usize(&mut q.people, p);
                q.spans.push((true, p, k, k + 1));
                used[k] = true;
                continue;
            }
            if stem_known || self.filler.contains(&t.norm) {
                continue;
            }
            let original = t.base(clean);
            // A word the sources never use is a name when it is capitalised mid-sentence, or
            // when it is the short subject of "who is X" / "what did X say" (not "the X ...").
            let x_words: Vec<String> = intent
                .x
                .as_deref()
                .map(|x| {
                    normalize(x)
                        .split_whitespace()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                        .collect()
                })
                .unwrap_or_default();
            let x_is_name = !x_words.is_empty()
                && x_words.len() <= 3
                && !matches!(
                    x_words[0].as_str(),
                    "the" | "a" | "an" | "this" | "that" | "these" | "those" | "it"
                )
                && !self.lex.synonyms.contains_key(&keys[k]);
            let name_like = (t.capital && k > 0)
                || x_is_name && !english_word && x_words.iter().any(|w| w == &t.norm);
            if name_like
                && t.norm.chars().count() >= 3
                && t.norm
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            {
                q.unknown_names.push(original.to_string());
            }
        }
        // Follow-ups: "what about Vance?", "and what did he say about Crimea?".
        let followup = folded.starts_with("what about ")
            || folded.starts_with("how about ")
            || folded.starts_with("and ")
            || folded.starts_with("also ")
            || folded.starts_with("same for ")
            || folded.starts_with("what else");
        let pronoun = q.tokens.iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "he" | "she" | "him" | "her" | "his" | "they" | "them" | "their"
            )
        });
        if let Some(ctx) = context {
            if q.people.is_empty() && pronoun {
                if let Some(p) = ctx
                    .person
                    .as_ref()
                    .and_then(|id| self.knowledge.people.iter().position(|x| &x.id == id))
                {
                    q.people.push(p);
                    q.from_context = true;
                }
                if q.people.is_empty() && q.parties.is_empty() {
                    if let Some(p) = ctx.party.as_ref().and_then(|id| {
                        self.knowledge
                            .lexicon
                            .parties
                            .iter()
                            .position(|x| &x.id == id)
                    }) {
                        q.parties.push(p);
                        q.from_context = true;
                    }
                }
            }
            if followup
                && (intent.name == "search" || intent.name == "who" || intent.name == "proposal")
            {
                if let Some(prev) = ctx.intent.clone() {
                    if !matches!(prev.as_str(), "greeting" | "help" | "sources") {
                        intent.name = prev;
                        intent.pattern = Some("follow-up".into());
                        intent.x = None;
                        intent.t = None;
                    }
                }
                if q.people.is_empty() && q.parties.is_empty() {
                    if let Some(p) = ctx
                        .person
                        .as_ref()
                        .and_then(|id| self.knowledge.people.iter().position(|x| &x.id == id))
                    {
                        q.people.push(p);
                        q.from_context = true;
                    } else if let Some(p) = ctx.party.as_ref().and_then(|id| {
                        self.knowledge
                            .lexicon
                            .parties
                            .iter()
                            .position(|x| &x.id == id)
                    }) {
                        q.parties.push(p);
                        q.from_context = true;
                    }
                }
                if q.topics.is_empty() && !q.people.is_empty() && !q.from_context {
                    // "what about Vance?" keeps the topic of the last answer.
                    if let Some(t) = ctx.topic.as_ref().and_then(|id| {
                        self.knowledge
                            .lexicon
                            .topics
                            .iter()
                            .position(|x| &x.id == id)
                    }) {
                        q.topics.push(t);
                    }
                }
            }
        }
        // "now", "current", "original": which report the question wants; not content words.
        let lang = &self.knowledge.lexicon.language;
        let in_list = |list: &[String], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
        let mut when_words = vec![false; q.tokens.len()];
        for (k, t) in q.tokens.iter().enumerate() {
            if in_list(&lang.recency_words, &t.norm) {
                q.when_reported = Recency::Latest;
                when_words[k] = true;
            } else if in_list(&lang.earliness_words, &t.norm) {
                q.when_reported = Recency::Earliest;
                when_words[k] = true;
            }
        }
        // Terms: content words as stems, with their synonyms at a lower weight, one group a word.
        let mut terms: Vec<(String, f32, bool, usize)> = Vec::new();
        for (k, t) in q.tokens.iter().enumerate() {
            if self.lex.stopwords.contains(&t.norm)
                || t.norm.chars().count() < 2 && !t.numeric
                || when_words[k]
            {
                continue;
            }
            let filler = self.filler.contains(&t.norm);
            let s = keys[k].clone();
            let slot = used[k];
            let group = k;
            let push =
                |terms: &mut Vec<(String, f32, bool, usize)>, stem: String, w: f32, slot: bool| {
                    if !terms.iter().any(|x| x.0 == stem) {
                        terms.push((stem, w, slot, group));
                    }
                };
            push(
                &mut terms,
                s.clone(),
                if filler { 0.3 } else { 1.0 },
                slot || filler,
            );
            if t.norm.contains('-') {
                for part in t
                    .norm
                    .split('-')
                    .filter(|p| p.len() > 1 && !self.lex.stopwords.contains(*p))
                {
                    push(&mut terms, stem(part), 0.8, slot || filler);
                }
            }
            if let Some(syns) = self.lex.synonyms.get(&s) {
                for syn in syns {
                    push(
                        &mut terms,
                        syn.clone(),
                        if filler { 0.2 } else { 0.6 },
                        true,
                    );
                }
            }
            // Words a reader would accept in its place (WordNet synonyms and derived forms),
            // weaker than the word typed and than the lexicon's own synonyms.
            if !slot && !filler {
                for &(w, rel) in english().related(&t.norm) {
                    let st = self.stem(w);
                    if self.index.contains(&st) {
                        let weight = match rel {
                            Relation::Derived => RELATED_DERIVED,
                            Relation::Synonym => RELATED_SYNONYM,
                        };
                        push(&mut terms, st, weight, true);
                    }
                }
            }
            // A misspelt word stands for the word it is closest to; an English word is not
            // misspelt just because the sources do not use it.
            if !self.index.contains(&s)
                && !slot
                && !filler
                && t.norm.chars().count() >= 5
                && !t.norm.contains('-')
                && !english().is_common(&t.norm, COMMON_ZIPF)
            {
                if let Some(fix) = self.fuzzy_word(&t.norm) {
                    push(&mut terms, self.stem(&fix), 0.9, false);
                    q.corrected.push(t.norm.clone());
                }
            }
        }
        // Topics named in the question bring their aliases' stems.
        for &ti in &q.topics {
            for alias in &self.knowledge.lexicon.topics[ti].aliases {
                for t in tokenize(alias) {
                    let s = self.stem(&t.norm);
                    if !self.lex.stopwords.contains(&t.norm) && !terms.iter().any(|x| x.0 == s) {
                        terms.push((s, 0.4, true, 10_000 + ti));
                    }
                }
            }
        }
        // The subject is the person or party inside the `x` capture, else the first found.
        if let Some(x) = intent.x.as_deref() {
            let xs: Vec<String> = tokenize(x).iter().map(|t| t.norm.clone()).collect();
            if let Some(start) =
                (0..q.tokens.len()).find(|&i| xs.first().is_some_and(|f| &q.tokens[i].norm == f))
            {
                let end = start + xs.len();
                if let Some(&(is_person, idx, _, _)) = q
                    .spans
                    .iter()
                    .find(|sp| sp.2 >= start && sp.3 <= end && sp.0)
                {
                    let _ = is_person;
                    q.people.retain(|&p| p != idx);
                    q.people.insert(0, idx);
                } else if let Some(&(_, idx, _, _)) = q
                    .spans
                    .iter()
                    .find(|sp| sp.2 >= start && sp.3 <= end && !sp.0)
                {
                    q.parties.retain(|&p| p != idx);
                    q.parties.insert(0, idx);
                    q.subject_is_party = true;
                }
            }
        }
        let subject_span = if q.subject_is_party {
            q.spans
                .iter()
                .find(|sp| !sp.0 && Some(&sp.1) == q.parties.first())
        } else {
            q.spans
                .iter()
                .find(|sp| sp.0 && Some(&sp.1) == q.people.first())
        };
        for sp in &q.spans {
            if Some(sp) != subject_span {
                q.other_slot_terms.extend(keys[sp.2..sp.3].iter().cloned());
            }
        }
        // A synonym stands in for the word asked; it should not outrank the word itself just for
        // being rarer ("wrote" for "commented"). Each synonym weighs at most what the group's
        // own word (or, if the sources lack it, its average member) would.
        let mut groups: Vec<usize> = terms.iter().map(|t| t.3).collect();
        groups.sort_unstable();
        groups.dedup();
        for g in groups {
            let members: Vec<f32> = terms
                .iter()
                .filter(|t| t.3 == g && self.index.contains(&t.0))
                .map(|t| self.index.idf(&t.0))
                .collect();
            if members.len() < 2 {
                continue;
            }
            let head = terms
                .iter()
                .find(|t| t.3 == g)
                .map(|t| t.0.clone())
                .unwrap_or_default();
            let reference = if self.index.contains(&head) {
                self.index.idf(&head)
            } else {
                members.iter().sum::<f32>() / members.len() as f32
            };
            for t in terms.iter_mut().filter(|t| t.3 == g && t.0 != head) {
                let idf = self.index.idf(&t.0);
                if idf > reference && idf > 0.0 {
                    t.1 *= reference / idf;
                }
            }
        }
        q.terms = terms;
        q.intent = intent;
        q
    }

    fn fuzzy_person(&self, norm: &str) -> Option<usize> {
        let n = norm.chars().count();
        if n < 4 {
            return None;
        }
        // "rubios" for "Rubio's".
        if let Some(base) = norm.strip_suffix('s') {
            if let Some(p) = self.name_words.get(base) {
                return Some(p[0]);
            }
        }
        let max = if n >= 7 { 2 } else { 1 };
        let mask = letter_mask(norm);
        let first = norm.chars().next();
        // Nearest first; at the same distance a name with the same first letter, then the
        // person the sources mention most, then the first in word order, so a tie goes to the
        // same name however the engine was started.
        // (distance, other first letter, fewer sentences) and the person.
        type Rank = (usize, bool, std::cmp::Reverse<usize>);
        let mut best: Option<(Rank, usize)> = None;
        for w in &self.name_list {
            if w.chars.abs_diff(n) > max
                || (mask & !w.mask).count_ones() as usize > max
                || (w.mask & !mask).count_ones() as usize > max
                || letters_differ_by_more_than(norm, &w.word, max)
            {
                continue;
            }
            let d = strsim::damerau_levenshtein(norm, &w.word);
            if d > max {
                continue;
            }
            let rank = (
                d,
                w.word.chars().next() != first,
                std::cmp::Reverse(self.person_sents[w.person].len()),
            );
            if best.as_ref().is_none_or(|(b, _)| rank < *b) {
                best = Some((rank, w.person));
            }
        }
        best.map(|(_, p)| p)
    }

    fn fuzzy_word(&self, norm: &str) -> Option<String> {
        let n = norm.chars().count();
        let max = if n >= 8 { 2 } else { 1 };
        let first = norm.chars().next()?;
        let mut best: Option<(usize, &String)> = None;
        for w in self.norms_by_initial.get(&first).into_iter().flatten() {
            if w.chars().count().abs_diff(n) > max || letters_differ_by_more_than(norm, w, max) {
                continue;
            }
            let d = strsim::damerau_levenshtein(norm, w);
            if d <= max && best.is_none_or(|(bd, bw)| d < bd || d == bd && w < bw) {
                best = Some((d, w));
            }
        }
        best.map(|(_, w)| w.clone())
    }

    fn answer(&self, clean: &str, q: &mut Query) -> Answer {
        if let Some(role) = q.unknown_role.clone().filter(|_| {
            q.people.is_empty()
                && !matches!(q.intent.name.as_str(), "greeting" | "help" | "sources")
        }) {
            return self.decline(
                clean,
                q,
                format!(
                    "My sources don't name {}, so I can't say what they said or did.",
                    escape_markdown(&role)
                ),
                "no one in the sources holds that role",
                Vec::new(),
            );
        }
        if !q.unknown_names.is_empty()
            && !matches!(q.intent.name.as_str(), "greeting" | "help" | "sources")
        {
            return self.absent(clean, q);
        }
        match q.intent.name.as_str() {
            "greeting" | "help" => self.help_answer(clean, q.intent.name == "help"),
            "sources" => self.sources_answer(clean),
            "summary" => self.summary_answer(clean, q),
            "who" => self.who_answer(clean, q),
            "said" => self.said_answer(clean, q),
            "who_said" => self.who_said_answer(clean, q),
            "position" => self.position_answer(clean, q),
            "opinion" => self.opinion_answer(clean, q),
            _ => self.search_answer(clean, q),
        }
    }

    // ----- building blocks -----

    fn sentence_text(&self, s: usize) -> &str {
        let r = &self.sents[s];
        &self.knowledge.articles[r.article].paragraphs[r.para].text[r.start..r.end]
    }

    fn citation(&self, s: usize, quote: &str) -> Citation {
        let r = &self.sents[s];
        let a = &self.knowledge.articles[r.article];
        Citation {
            article: a.id.clone(),
            title: a.title.clone(),
            source: a.source.clone(),
            published: a.published.clone(),
            paragraph: a.paragraphs[r.para].n,
            quote: quote.to_string(),
            url: a.url.clone(),
        }
    }

    fn speaker_label(&self, sp: &Speaker) -> Option<String> {
        match sp {
            Speaker::Person(id) => self
                .knowledge
                .people
                .iter()
                .find(|p| &p.id == id)
                .map(|p| p.name.clone()),
            Speaker::Source(id) => self
                .knowledge
                .sources
                .iter()
                .find(|s| &s.id == id)
                .map(|s| lower_first(&s.description)),
            Speaker::Unattributed => None,
        }
    }

    /// Turns a fact into a quote for the reply.
    fn render_fact(&self, f: FactRef) -> Option<AnswerQuote> {
        match f {
            FactRef::Quote(i) => {
                let q = &self.knowledge.quotes[i];
                let s = self.fact_sentence(f)?;
                let (report, speaker) = match &q.speaker {
                    Speaker::Person(_) => (ReportKind::OwnWords, self.speaker_label(&q.speaker)),
                    Speaker::Source(_) => {
                        (ReportKind::UnnamedSource, self.speaker_label(&q.speaker))
                    }
                    Speaker::Unattributed => (ReportKind::ArticleText, None),
                };
                // Cited as the whole sentence (and the whole quote, when it runs past the
                // sentence), the speaker's own words emphasised: a one-word quote such as
                // “optimistic” means little without the sentence around it.
                let r = &self.sents[s];
                let para = self.knowledge.articles[r.article]
                    .paragraphs
                    .get((q.cite.paragraph as usize).checked_sub(1)?)?;
                let own = char_slice(&para.text, q.cite.start as usize, q.cite.end as usize)?;
                let own_start = para.text.char_indices().nth(q.cite.start as usize)?.0;
                let own_end = own_start + own.len();
                let same_para = para.n == self.knowledge.articles[r.article].paragraphs[r.para].n;
                let (mut from, mut to) = if same_para {
                    (own_start.min(r.start), own_end.max(r.end))
                } else {
                    (own_start, own_end)
                };
                // A quotation that opens or closes the citation keeps its marks.
                if para.text[..from].ends_with(['“', '"']) {
                    from -= para.text[..from]
                        .chars()
                        .next_back()
                        .map_or(0, char::len_utf8);
                }
                if para.text[to..].starts_with(['”', '"']) {
                    to += para.text[to..].chars().next().map_or(0, char::len_utf8);
                }
                let text = para.text.get(from..to)?;
                let mut c = self.citation(s, text);
                c.paragraph = q.cite.paragraph;
                // The marks around the words go in the bold too; a quote that is (nearly) the
                // whole citation needs no emphasis.
                let mut a = own_start - from;
                let mut b = a + own.len();
                if text[..a].ends_with(['“', '"']) {
                    a -= text[..a].chars().next_back().map_or(0, char::len_utf8);
                }
                if text[b..].starts_with(['”', '"']) {
                    b += text[b..].chars().next().map_or(0, char::len_utf8);
                }
                let rest = text.len() - (b - a);
                let emphasis = (rest > text.len() / 10 && rest > 8).then_some((a, b));
                Some(AnswerQuote {
                    report,
                    speaker,
                    citation: c,
                    emphasis,
                })
            }
            FactRef::Statement(i) => {
                let st = &self.knowledge.statements[i];
                let s = self.fact_sentence(f)?;
                let report = match st.speaker {
                    Speaker::Source(_) => ReportKind::UnnamedSource,
                    _ => ReportKind::ReportedSpeech,
                };
                Some(AnswerQuote {
                    report,
                    speaker: self.speaker_label(&st.speaker),
                    citation: self.citation(s, self.sentence_text(s)),
                    emphasis: None,
                })
            }
            FactRef::Sentence(s) => {
                if let Some(&st) = self.statement_by_sent.get(&s) {
                    return self.render_fact(FactRef::Statement(st));
                }
                // A sentence that is one attributed quotation is shown as that person's words.
                if crate::answer::is_quotation(self.sentence_text(s)) {
                    if let Some(&qi) = self.quotes_in_sent.get(&s).and_then(|v| v.first()) {
                        if self.knowledge.quotes[qi].speaker != Speaker::Unattributed {
                            return self.render_fact(FactRef::Quote(qi));
                        }
                    }
                }
                Some(AnswerQuote {
                    report: ReportKind::ArticleText,
                    speaker: None,
                    citation: self.citation(s, self.sentence_text(s)),
                    emphasis: None,
                })
            }
        }
    }

    fn fact_sentence(&self, f: FactRef) -> Option<usize> {
        match f {
            FactRef::Sentence(s) => Some(s),
            FactRef::Quote(i) => self.quote_sent.get(i).copied().flatten(),
            FactRef::Statement(i) => self.statement_sent.get(i).copied().flatten(),
        }
    }

    /// BM25 scores of the question's terms over sentences; `only_slots` false skips slot words.
    fn bm25(&self, q: &Query, include_slots: bool) -> (Dense, Vec<u32>) {
        // Dense accumulators: a common word's postings at thousands of articles are long, and
        // an array beats a hash map there.
        let n = self.index.len();
        let mut total = Dense::zeroed(n);
        let mut best = Dense::zeroed(n);
        let mut touched: Vec<u32> = Vec::new();
        let mut group_touched: Vec<u32> = Vec::new();
        let mut groups: Vec<usize> = q.terms.iter().map(|t| t.3).collect();
        groups.sort_unstable();
        groups.dedup();
        // A word in more than a fifth of all sentences ranks almost nothing but costs a long
        // walk; it is skipped when the question has a rarer word to rank by.
        let common = |t: &str| n >= 5000 && self.index.doc_freq(t) * 12 > n;
        let has_rare = q
            .terms
            .iter()
            .any(|t| t.3 < 10_000 && self.index.contains(&t.0) && !common(&t.0));
        for g in groups {
            // Within one word's group (the word, its parts, its synonyms) only the best counts.
            for (term, weight, slot, group) in &q.terms {
                // Topic aliases count through the topic boost, not word by word.
                if *group != g || *group >= 10_000 || (*slot && !include_slots && *weight >= 0.9) {
                    continue;
                }
                if has_rare && common(term) {
                    continue;
                }
                self.index.for_each_score(term, *weight, |d, v| {
                    let b = &mut best[d as usize];
                    if *b == 0.0 {
                        group_touched.push(d);
                    }
                    if v > *b {
                        *b = v;
                    }
                });
            }
            for d in group_touched.drain(..) {
                let t = &mut total[d as usize];
                if *t == 0.0 {
                    touched.push(d);
                }
                *t += best[d as usize];
                best[d as usize] = 0.0;
            }
        }
        total.written.extend_from_slice(&touched);
        (total, touched)
    }

    /// How much of the question's own subject (not its slots) a sentence covers, 0..1: see
    /// [`Coverage`], which looks the question's words up once for all the sentences tested.
    fn coverage(&self, q: &Query) -> Coverage<'_> {
        let mut terms = Vec::new();
        let mut total = 0.0;
        // The words typed (a spelling correction stands in for its word, below).
        for (term, _, _, group) in q.terms.iter().filter(|t| !t.2 && t.1 >= 1.0) {
            let id = self.index.id(term);
            let word = q.tokens.get(*group).map(|t| t.norm.as_str()).unwrap_or("");
            let w = if id.is_some() {
                self.index.idf(term).max(0.2)
            } else {
                match absent_weight(word) {
                    // A common English word that is not a noun ("considered", "even") says how
                    // the question is put, not what it is about: its absence proves nothing.
                    Salience::Generic => continue,
                    // A noun the sources never use weighs like a rare word, a common one less:
                    // the question asks about something they may not cover.
                    Salience::CommonNoun => self.index.max_idf() * ABSENT_COMMON_NOUN,
                    Salience::Rare => self.index.max_idf(),
                }
            };
            total += w;
            // Alternatives: the lexicon's synonyms in full, the word's spelling correction in
            // full, its parts, WordNet relatives and synonyms by their weight.
            let mut alternatives: Vec<(u32, f32)> = self
                .lex
                .synonyms
                .get(term)
                .map(|syns| {
                    syns.iter()
                        .filter_map(|x| self.index.id(x))
                        .map(|id| (id, 1.0))
                        .collect()
                })
                .unwrap_or_default();
            for other in q.terms.iter().filter(|o| o.3 == *group && o.0 != *term) {
                if let Some(oid) = self.index.id(&other.0) {
                    let credit = if !other.2 && other.1 >= 0.9 {
                        1.0
                    } else {
                        (other.1 / 0.6).min(1.0)
                    };
                    alternatives.push((oid, credit));
                }
            }
            terms.push((id, w, alternatives));
        }
        Coverage {
            index: &self.index,
            terms,
            total,
        }
    }

    /// Sentences ranked for a question (BM25 plus boosts for slots and for the intent's kind of
    /// fact) among those `filter` lets through, best first: at most `leaders` of them (never
    /// fewer than the 30 that phrase pairs re-rank), exactly the head of the order a longer
    /// list would have, so a caller asks only for what it reads.
    fn rank_sentences(
        &self,
        q: &Query,
        leaders: usize,
        filter: impl Fn(usize) -> bool,
    ) -> Vec<(usize, f32)> {
        // Phrase pairs re-rank the first `PAIRED`, so at least that many are always ordered.
        const PAIRED: usize = 30;
        let leaders = leaders.max(PAIRED);
        let (total, mut touched) = self.bm25(q, true);
        // Slot-only questions ("nato?", "Witkoff") still find the sentences about their slots.
        // `touched` holds each sentence once (no sort needed): a named person's sentence is
        // added only when no word touched it and it is not marked yet.
        let mut named = Dense::zeroed(if q.people.is_empty() { 0 } else { total.len() });
        for &p in &q.people {
            for &i in &self.person_sents[p] {
                if named[i] == 0.0 {
                    named[i] = 1.0;
                    named.written.push(i as u32);
                    if total[i] == 0.0 {
                        touched.push(i as u32);
                    }
                }
            }
        }
        // At thousands of articles a common word touches tens of thousands of sentences: only
        // the best by words (and every sentence of a named person) go on to the finer scoring.
        const SHORTLIST: usize = 2000;
        if touched.len() > SHORTLIST {
            // A named person's sentences get a head start, not a free pass: a name used in
            // thousands of sentences must not undo the shortlist. Ties go to the earlier
            // sentence, so the shortlist does not depend on the order sentences were touched.
            let first = |d: u32| {
                let head = if named.get(d as usize) == Some(&1.0) {
                    2.0
                } else {
                    0.0
                };
                total[d as usize] + head
            };
            // Keys computed once, not at every comparison.
            let mut keyed: Vec<(f32, u32)> = touched.iter().map(|&d| (first(d), d)).collect();
            keyed.select_nth_unstable_by(SHORTLIST, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            touched = keyed[..SHORTLIST].iter().map(|x| x.1).collect();
        }
        // What the intent favours, read once rather than per sentence.
        #[derive(Clone, Copy)]
        enum Favours {
            Events,
            Places,
            Numbers,
            Causes,
            Proposals,
            Nothing,
        }
        let favours = match q.intent.name.as_str() {
            "when" => Favours::Events,
            "where" => Favours::Places,
            "how_many" => Favours::Numbers,
            "why" => Favours::Causes,
            "proposal" => Favours::Proposals,
            _ => Favours::Nothing,
        };
        // Newer reports: a small lead everywhere (they win ties), a large one when the question
        // asks for the latest; the earliest when it asks for the original.
        let recency_weight = match q.when_reported {
            Recency::Any => RECENCY_TIE,
            Recency::Latest | Recency::Earliest => RECENCY_ASKED,
        };
        // Halved at each step back (or forward, for the earliest): the newest report leads,
        // the one before it follows, and so on.
        let recency: Vec<f32> = if self.newest_first.len() > 1 {
            let n = self.newest_first.len();
            let mut v = vec![0.0; n];
            for (rank, &a) in self.newest_first.iter().enumerate() {
                let steps = if q.when_reported == Recency::Earliest {
                    n - 1 - rank
                } else {
                    rank
                };
                v[a] = recency_weight * 0.5f32.powi(steps.min(60) as i32);
            }
            v
        } else {
            Vec::new()
        };
        let score = |s: usize, base: f32| -> f32 {
            let r = &self.sents[s];
            let mut score = base + recency.get(r.article).copied().unwrap_or(0.0);
            for p in &q.people {
                if r.people.contains(p) {
                    score += 2.0;
                }
            }
            for p in &q.parties {
                if r.parties.contains(p) {
                    score += 1.0;
                }
            }
            for t in &q.topics {
                if r.topics.contains(t) {
                    score += 1.5;
                }
            }
            score += match favours {
                Favours::Events if self.events_by_sent.contains_key(&s) => 2.0,
                Favours::Places
                    if self.events_by_sent.get(&s).is_some_and(|e| {
                        e.iter().any(|&i| self.knowledge.events[i].place.is_some())
                    }) =>
                {
                    2.0
                }
                Favours::Numbers if self.numbers_by_sent.contains_key(&s) => 2.0,
                Favours::Causes if self.has_cause(s) => 1.5,
                Favours::Proposals if self.proposal_sents.contains(&s) => 1.5,
                _ => 0.0,
            };
            score
        };
        // The most `score` can add to a sentence's words score.
        let most_added = if recency.is_empty() {
            0.0
        } else {
            recency_weight
        } + 2.0 * q.people.len() as f32
            + q.parties.len() as f32
            + 1.5 * q.topics.len() as f32
            + match favours {
                Favours::Events | Favours::Places | Favours::Numbers => 2.0,
                Favours::Causes | Favours::Proposals => 1.5,
                Favours::Nothing => 0.0,
            };
        // Candidates as `best_first` keys, so selecting and sorting compare plain integers.
        let mut candidates: Vec<u64> = touched
            .into_iter()
            .filter(|&s| filter(s as usize))
            .map(|s| best_first(total[s as usize], s))
            .collect();
        let scored = |&key: &u64| {
            let s = key as u32 as usize;
            best_first(score(s, total[s]), s as u32)
        };
        // Only the leaders are kept, so not every candidate needs its full score: the leaders by
        // words alone are scored first, and the lowest of their scores is a bar that a sentence
        // must be able to reach with everything `score` could add. One that cannot would rank
        // below all of them, so skipping it changes nothing (the margin covers rounding).
        let mut out: Vec<u64> = if candidates.len() > leaders {
            candidates.select_nth_unstable(leaders - 1);
            let (head, rest) = candidates.split_at(leaders);
            let mut out: Vec<u64> = head.iter().map(scored).collect();
            let bar = out
                .iter()
                .map(|&k| from_best_first(k).1)
                .fold(f32::INFINITY, f32::min);
            out.extend(
                rest.iter()
                    .filter(|&&k| total[k as u32 as usize] + most_added + 1e-3 >= bar)
                    .map(scored),
            );
            out
        } else {
            candidates.iter().map(scored).collect()
        };
        // Only the leaders need ordering: select them first, then sort them. No two keys are
        // equal (ties go by sentence), so an unstable sort gives the one order there is.
        if out.len() > leaders {
            out.select_nth_unstable(leaders);
            out.truncate(leaders);
        }
        out.sort_unstable();
        let mut out: Vec<(usize, f32)> = out.into_iter().map(from_best_first).collect();
        // Words that stand together in the question and in a sentence ("US proposals",
        // "territorial swaps") lift that sentence; checked on the leaders only.
        let pairs = q.bigrams(&self.filler, |w| self.stem(w));
        if !pairs.is_empty() {
            // A pair with a stem no sentence has can match none.
            let pairs: Vec<(u32, u32)> = pairs
                .iter()
                .filter_map(|(a, b)| Some((*self.pair_vocab.get(a)?, *self.pair_vocab.get(b)?)))
                .collect();
            for item in out.iter_mut().take(PAIRED) {
                let words = self.pair_words_of(item.0);
                let hits = pairs
                    .iter()
                    .filter(|&&(a, b)| words.windows(2).any(|w| w[0] == a && w[1] == b))
                    .count();
                item.1 += hits as f32;
            }
            let n = out.len().min(PAIRED);
            out[..n].sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        out
    }

    /// True when a quote or statement in the sentence comes from someone of one of the parties.
    fn spoken_by_party(&self, s: usize, parties: &[String]) -> bool {
        self.speaker_parties.get(&(s as u32)).is_some_and(|v| {
            v.iter()
                .any(|&p| parties.contains(&self.speaker_party_names[p as usize]))
        })
    }

    fn has_cause(&self, s: usize) -> bool {
        self.cause_sents.contains(&s)
    }

    fn finish(
        &self,
        clean: &str,
        q: &Query,
        lead: String,
        facts: Vec<(FactRef, f32)>,
        answered: bool,
    ) -> Answer {
        let mut quotes = Vec::new();
        let mut seen_text = HashSet::default();
        for (f, _) in &facts {
            if quotes.len() >= self.settings.max_quotes {
                break;
            }
            if let Some(aq) = self.render_fact(*f) {
                if seen_text.insert(aq.citation.quote.clone()) {
                    quotes.push(aq);
                }
            }
        }
        let candidates = facts
            .iter()
            .take(8)
            .map(|(f, score)| {
                let (kind, id) = match f {
                    FactRef::Sentence(s) => ("sentence", self.sent_id(*s)),
                    FactRef::Quote(i) => ("quote", self.knowledge.quotes[*i].id.clone()),
                    FactRef::Statement(i) => {
                        ("statement", self.knowledge.statements[*i].id.clone())
                    }
                };
                let preview = self
                    .fact_sentence(*f)
                    .map(|s| preview(self.sentence_text(s)))
                    .unwrap_or_default();
                Candidate {
                    kind: kind.into(),
                    id,
                    score: *score as f64,
                    preview,
                }
            })
            .collect();
        let answered = answered && !quotes.is_empty();
        Answer {
            question: clean.to_string(),
            intent: q.intent.name.clone(),
            answered,
            lead,
            quotes,
            suggestions: Vec::new(),
            context: self.context_of(q),
            explanation: Explanation {
                intent: q.intent.name.clone(),
                pattern: q.intent.pattern.clone(),
                slots: self.slots_of(q),
                terms: q
                    .terms
                    .iter()
                    .filter(|t| t.1 >= 0.9)
                    .map(|t| t.0.clone())
                    .collect(),
                candidates,
                decline_reason: None,
            },
        }
    }

    fn sent_id(&self, s: usize) -> String {
        let r = &self.sents[s];
        let p = &self.knowledge.articles[r.article].paragraphs[r.para];
        p.sentences
            .iter()
            .find(|x| self.sent_by_id.get(&x.id) == Some(s))
            .map(|x| x.id.clone())
            .unwrap_or_default()
    }

    fn slots_of(&self, q: &Query) -> Vec<(String, String)> {
        let mut v = Vec::new();
        for &p in &q.people {
            v.push(("person".into(), self.knowledge.people[p].name.clone()));
        }
        for &p in &q.parties {
            v.push((
                "party".into(),
                self.knowledge.lexicon.parties[p].name.clone(),
            ));
        }
        for &t in &q.topics {
            v.push((
                "topic".into(),
                self.knowledge.lexicon.topics[t].name.clone(),
            ));
        }
        for n in &q.unknown_names {
            v.push(("unknown".into(), n.clone()));
        }
        if q.from_context {
            v.push(("from".into(), "follow-up context".into()));
        }
        v
    }

    fn context_of(&self, q: &Query) -> Context {
        Context {
            person: q
                .people
                .first()
                .map(|&p| self.knowledge.people[p].id.clone()),
            party: q
                .parties
                .first()
                .map(|&p| self.knowledge.lexicon.parties[p].id.clone()),
            topic: q
                .topics
                .first()
                .map(|&t| self.knowledge.lexicon.topics[t].id.clone()),
            intent: Some(q.intent.name.clone()),
        }
    }

    fn decline(
        &self,
        clean: &str,
        q: &Query,
        lead: String,
        reason: &str,
        context_facts: Vec<(FactRef, f32)>,
    ) -> Answer {
        let mut a = self.finish(clean, q, lead, context_facts, false);
        a.answered = false;
        a.explanation.decline_reason = Some(reason.to_string());
        a.suggestions = self.suggestions();
        a
    }

    fn suggestions(&self) -> Vec<String> {
        let k = &self.knowledge;
        let mut people: Vec<&str> = k
            .people
            .iter()
            .filter(|p| !p.roles.is_empty() || p.mentions.len() > 1)
            .map(|p| p.name.as_str())
            .collect();
        people.truncate(8);
        let mut topic_counts: Vec<(usize, &str)> = k
            .lexicon
            .topics
            .iter()
            .map(|t| {
                (
                    k.summaries.topics.get(&t.id).map_or(0, |v| v.len()),
                    t.name.as_str(),
                )
            })
            .filter(|x| x.0 > 0)
            .collect();
        topic_counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let topics: Vec<&str> = topic_counts.iter().take(8).map(|x| x.1).collect();
        let mut out = Vec::new();
        if !people.is_empty() {
            out.push(format!("People in the sources: {}", people.join(", ")));
        }
        if !topics.is_empty() {
            out.push(format!("Topics: {}", topics.join(", ")));
        }
        out.push(
            "Try /summary, /who NAME, /quotes NAME, /positions PARTY, /timeline or /sources."
                .into(),
        );
        out
    }

    // ----- intents -----

    fn help_answer(&self, clean: &str, help: bool) -> Answer {
        let q = Query {
            intent: IntentMatch {
                name: if help { "help" } else { "greeting" }.into(),
                pattern: None,
                x: None,
                t: None,
            },
            ..Query::default()
        };
        let lead = format!(
            "{}I answer questions about the peace talks only with what my {} article(s) say, quoting them word for word with a citation.",
            if help { "" } else { "Hello! " },
            self.knowledge.articles.len()
        );
        let mut a = self.finish(clean, &q, lead, Vec::new(), true);
        a.answered = true;
        a.suggestions = self.suggestions();
        a
    }

    fn sources_answer(&self, clean: &str) -> Answer {
        let q = Query {
            intent: IntentMatch {
                name: "sources".into(),
                pattern: None,
                x: None,
                t: None,
            },
            ..Query::default()
        };
        let articles: Vec<_> = self
            .newest_first
            .iter()
            .map(|&i| &self.knowledge.articles[i])
            .collect();
        let lead = format!("I answer from {} article(s), newest first:", articles.len());
        let mut a = self.finish(clean, &q, lead, Vec::new(), true);
        a.answered = true;
        a.suggestions = articles
            .iter()
            .take(20)
            .map(|x| {
                format!(
                    "*{}*, {}, {} (`{}`)",
                    escape_markdown(&x.title),
                    escape_markdown(&x.source),
                    x.published,
                    x.id
                )
            })
            .collect();
        if articles.len() > 20 {
            a.suggestions
                .push(format!("... and {} more", articles.len() - 20));
        }
        a
    }

    fn summary_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        let specific = q.terms.iter().any(|t| {
            !t.2 && t.1 >= 0.9
                && !matches!(
                    t.0.as_str(),
                    "summari"
                        | "happen"
                        | "overview"
                        | "recap"
                        | "tl"
                        | "dr"
                        | "gist"
                        | "brief"
                        | "catch"
                        | "news"
                        | "latest"
                        | "talk"
                        | "peac"
                )
        });
        if specific && q.topics.is_empty() {
            return self.search_answer(clean, q);
        }
        // One article, if the question names one by id or by most of its title.
        let qn: HashSet<String> = q
            .tokens
            .iter()
            .map(|t| self.stem(&t.norm))
            .filter(|s| !self.lex.stopwords.contains(s))
            .collect();
        let article = q
            .topics
            .is_empty()
            .then(|| {
                k.articles
                    .iter()
                    .zip(&self.title_stems)
                    .find(|(a, title)| {
                        clean.contains(a.id.as_str())
                            || title.len() >= 3
                                && title.iter().filter(|t| qn.contains(*t)).count() * 2
                                    > title.len()
                    })
                    .map(|(a, _)| a)
            })
            .flatten();
        let (ids, lead) = if let Some(&t) = q.topics.first() {
            let topic = &k.lexicon.topics[t];
            (
                k.summaries
                    .topics
                    .get(&topic.id)
                    .cloned()
                    .unwrap_or_default(),
                format!("Summary of what the sources say on **{}**:", topic.name),
            )
        } else if let Some(a) = article {
            (
                k.summaries.articles.get(&a.id).cloned().unwrap_or_default(),
                format!(
                    "Summary of *{}* ({}):",
                    escape_markdown(&a.title),
                    a.published
                ),
            )
        } else if let Some(&p) = q.parties.first() {
            let party = &k.lexicon.parties[p];
            let ranked = self.rank_sentences(q, self.settings.max_quotes, |s| {
                self.sents[s].parties.contains(&p)
            });
            let mut ids: Vec<String> = ranked
                .iter()
                .take(self.settings.max_quotes)
                .map(|x| self.sent_id(x.0))
                .collect();
            ids.sort_by_key(|id| self.sent_by_id.get(id));
            (
                ids,
                format!("Summary of what the sources say about **{}**:", party.name),
            )
        } else {
            (
                k.summaries.all.clone(),
                format!("Summary of {} article(s):", k.articles.len()),
            )
        };
        let facts: Vec<(FactRef, f32)> = ids
            .iter()
            .filter_map(|id| self.sent_by_id.get(id))
            .map(|s| (FactRef::Sentence(s), 1.0))
            .collect();
        if facts.is_empty() {
            return self.decline(
                clean,
                q,
                "My sources don't have enough on that to summarise.".into(),
                "no summary sentences",
                Vec::new(),
            );
        }
        // Summaries show sentences in reading order, as the article's own wording.
        let mut a = self.finish(clean, q, lead, facts, true);
        for quote in &mut a.quotes {
            if quote.report == ReportKind::ReportedSpeech
                || quote.report == ReportKind::UnnamedSource
            {
                continue;
            }
            quote.report = ReportKind::ArticleText;
        }
        a
    }

    fn absent(&self, clean: &str, q: &Query) -> Answer {
        let names = q
            .unknown_names
            .iter()
            .map(|n| format!("**{}**", escape_markdown(n)))
            .collect::<Vec<_>>()
            .join(", ");
        self.decline(
            clean,
            q,
            format!("My sources don't mention {names}, so I can't answer that."),
            "a name the sources never mention",
            Vec::new(),
        )
    }

    /// Opinions and predictions: the bot only reports; it says so, and offers what the
    /// sources report on the question's subject, if anything.
    fn opinion_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let reported: Vec<(FactRef, f32)> = self
            .rank_sentences(q, 30, |_| true)
            .into_iter()
            .filter(|(_, score)| *score > 0.0)
            .take(2)
            .map(|(s, score)| (FactRef::Sentence(s), score))
            .collect();
        let lead = if reported.is_empty() {
            "I only report what my sources say, so I can't give an opinion or a prediction.".into()
        } else {
            "I only report what my sources say, so I can't give an opinion or a prediction. Here is what they report:".into()
        };
        self.decline(
            clean,
            q,
            lead,
            "the question asks for an opinion or a prediction",
            reported,
        )
    }

    fn who_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        // Words the sources never use cannot be what is looked up ("who's the envoy guy").
        let extra = q
            .terms
            .iter()
            .any(|t| !t.2 && t.1 >= 0.9 && self.index.contains(&t.0));
        if extra && !q.people.is_empty() {
            // "Who is Witkoff meeting this week?" asks about something, not someone.
            let role_words = q
                .terms
                .iter()
                .filter(|t| !t.2 && t.1 >= 0.9)
                .all(|t| self.is_title_stem(&t.0));
            if !role_words {
                return self.search_answer(clean, q);
            }
        }
        if q.people.is_empty() {
            if let Some(p) = self.person_by_role(q) {
                q.people.push(p);
            } else if q.terms.iter().any(|t| !t.2 && self.is_title_stem(&t.0))
                && q.intent.x.as_deref().is_some_and(|x| {
                    !tokenize(x)
                        .iter()
                        .any(|t| self.lex.source_nouns.contains(&t.norm))
                })
            {
                // Someone holds that title, but not for the party asked about: decline. No one
                // holds it at all: the words may still be in the text ("the mediator").
                let titles: Vec<&String> = q
                    .terms
                    .iter()
                    .filter(|t| t.1 >= 0.9 && self.is_title_stem(&t.0))
                    .map(|t| &t.0)
                    .collect();
                let held = self
                    .role_stems
                    .iter()
                    .any(|r| titles.iter().all(|t| r.contains(*t)));
                let a = if held {
                    None
                } else {
                    Some(self.search_answer(clean, q))
                };
                if let Some(a) = a.filter(|a| a.answered) {
                    return a;
                }
                {
                    return self.decline(
                        clean,
                        q,
                        "My sources don't name anyone in that role.".into(),
                        "no person with that role",
                        Vec::new(),
                    );
                }
            }
        }
        if let Some(&p) = q.people.first() {
            let person = &k.people[p];
            let mut facts: Vec<(FactRef, f32)> = Vec::new();
            for r in &person.roles {
                if let Some(s) = self.sentence_of_cite(&r.cite) {
                    if !facts.iter().any(|f| f.0 == FactRef::Sentence(s)) {
                        facts.push((FactRef::Sentence(s), 3.0));
                    }
                }
            }
            for m in &person.mentions {
                if let Some(s) = self.sent_by_id.get(m) {
                    if !facts.iter().any(|f| f.0 == FactRef::Sentence(s)) {
                        facts.push((FactRef::Sentence(s), 1.0));
                    }
                }
            }
            // Who someone is: say it in article text, not as their own words.
            let roles: Vec<String> = person.roles.iter().map(|r| r.text.clone()).collect();
            let affiliation = person.affiliation.as_ref().map(|a| {
                k.lexicon
                    .parties
                    .iter()
                    .find(|p| &p.id == a)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| a.clone())
            });
            let lead = match (roles.first(), affiliation) {
                (Some(r), Some(a)) => format!(
                    "**{}**: {} ({}), as the sources describe them.",
                    person.name,
                    escape_markdown(r),
                    a
                ),
                (Some(r), None) => format!(
                    "**{}**: {}, as the sources describe them.",
                    person.name,
                    escape_markdown(r)
                ),
                (None, _) => format!(
                    "The sources mention **{}** but don't state their role; here is what they say.",
                    person.name
                ),
            };
            let mut a = self.finish(clean, q, lead, facts, true);
            for quote in &mut a.quotes {
                quote.report = if quote.report == ReportKind::OwnWords {
                    ReportKind::OwnWords
                } else {
                    quote.report
                };
            }
            return a;
        }
        if !q.unknown_names.is_empty() && q.parties.is_empty() && q.topics.is_empty() {
            return self.absent(clean, q);
        }
        // An unnamed source: "who is the source close to the discussions?"
        if let Some(x) = q.intent.x.clone() {
            let xs: HashSet<String> = tokenize(&x)
                .iter()
                .filter(|t| !self.lex.stopwords.contains(&t.norm))
                .map(|t| self.stem(&t.norm))
                .collect();
            // Only a phrase naming a kind of source ("the source ...", "diplomats") can be one.
            let names_source = xs.iter().any(|w| self.source_noun_stems.contains(w));
            let src = k.sources.iter().enumerate().find(|(i, _)| {
                names_source && xs.iter().all(|w| self.source_stems[*i].contains(w))
            });
            if let Some((_, s)) = src {
                let facts = self.facts_by_speaker(&Speaker::Source(s.id.clone()));
                let lead = format!(
                    "The sources don't name {}; this is what is attributed to them.",
                    escape_markdown(&lower_first(&s.description))
                );
                return self.finish(clean, q, lead, facts, true);
            }
        }
        self.search_answer(clean, q)
    }

    /// Roles a question names: a title (with the words that make it a particular office before
    /// it, "deputy", "foreign") that a party qualifies ("Morvany's", "the US", "of Valmora") or
    /// that "the" introduces. Role phrases from `role_synonyms` ("top diplomat") stand for each
    /// title they list.
    fn role_references(
        &self,
        tokens: &[Token],
        party_spans: &[(usize, usize, usize)],
        used: &[bool],
    ) -> Vec<RoleRef> {
        let lang = &self.knowledge.lexicon.language;
        let mut hits: Vec<(usize, usize, Vec<Vec<String>>)> = Vec::new();
        for h in self.lex.titles.find(tokens) {
            hits.push((h.start, h.end, Vec::new()));
        }
        for group in &lang.role_synonyms {
            let Some((phrase, titles)) = group.split_first() else {
                continue;
            };
            let words: Vec<String> = tokenize(phrase).into_iter().map(|t| t.norm).collect();
            if words.is_empty() || words.len() > tokens.len() {
                continue;
            }
            for start in 0..=tokens.len() - words.len() {
                if tokens[start..start + words.len()]
                    .iter()
                    .zip(&words)
                    .all(|(t, w)| &t.norm == w)
                {
                    let alts = titles.iter().map(|t| self.title_stems(t)).collect();
                    hits.retain(|h| h.1 <= start || h.0 >= start + words.len());
                    hits.push((start, start + words.len(), alts));
                }
            }
        }
        let mut out = Vec::new();
        for (mut start, mut end, alternatives) in hits {
            if used[start..end].iter().any(|&u| u) {
                continue;
            }
            // "deputy prime minister", "first deputy": the words that make the office.
            while start > 0
                && !used[start - 1]
                && self.lex.role_modifiers.contains(&tokens[start - 1].norm)
                && !matches!(tokens[start - 1].norm.as_str(), "the" | "of" | "for" | "to")
            {
                start -= 1;
            }
            let mut party = party_spans
                .iter()
                .find(|&&(_, _, e)| e == start)
                .map(|&(p, s, _)| (p, s));
            let title_end = end;
            if party.is_none() && end + 1 < tokens.len() && tokens[end].norm == "of" {
                if let Some(&(p, _, e)) = party_spans.iter().find(|&&(_, s, _)| s == end + 1) {
                    party = Some((p, start));
                    end = e;
                }
            }
            let introduced = start > 0
                && matches!(
                    tokens[start - 1].norm.as_str(),
                    "the" | "their" | "its" | "his" | "her" | "our"
                );
            if party.is_none() && !introduced {
                continue;
            }
            let mut wants: Vec<Vec<String>> = if alternatives.is_empty() {
                vec![tokens[start..title_end]
                    .iter()
                    .flat_map(|t| t.norm.split('-').map(|w| self.stem(w)).collect::<Vec<_>>())
                    .filter(|w| !self.lex.stopwords.contains(w))
                    .collect()]
            } else {
                alternatives
            };
            wants.retain(|w| !w.is_empty());
            if wants.is_empty() {
                continue;
            }
            let first = party.map_or(start, |p| p.1.min(start));
            let text = tokens[first..end]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            out.push(RoleRef {
                start: first,
                end,
                wants,
                party: party.map(|p| p.0),
                text: format!("the {text}"),
            });
        }
        out
    }

    fn title_stems(&self, title: &str) -> Vec<String> {
        tokenize(title)
            .iter()
            .flat_map(|t| t.norm.split('-').map(|w| self.stem(w)).collect::<Vec<_>>())
            .filter(|w| !self.lex.stopwords.contains(w))
            .collect()
    }

    /// The person who holds a role: every title word asked stands in one of their roles, no word
    /// of that role makes another office ("vice" when "president" was asked), and their party
    /// is the one asked. Several holders: the one the newest article names, then the one the
    /// sources mention most, then by id, so the choice never depends on list order.
    fn role_holder(&self, r: &RoleRef) -> Option<usize> {
        let k = &self.knowledge;
        let party_id = r.party.map(|p| k.lexicon.parties[p].id.as_str());
        let office: HashSet<String> = k
            .lexicon
            .language
            .office_modifiers
            .iter()
            .map(|w| self.stem(&w.to_lowercase()))
            .collect();
        let mut best: Option<((String, usize), usize)> = None;
        for want in &r.wants {
            for (i, p) in k.people.iter().enumerate() {
                if !want.iter().all(|w| self.role_stems[i].contains(w)) {
                    continue;
                }
                if party_id.is_some() && p.affiliation.as_deref() != party_id {
                    continue;
                }
                let mut newest: Option<&str> = None;
                let fits = p.roles.iter().any(|role| {
                    let stems = self.title_stems(&role.text);
                    let ok = want.iter().all(|w| stems.contains(w))
                        && stems
                            .iter()
                            .all(|s| !office.contains(s) || want.contains(s));
                    if ok {
                        if let Some(a) = k.article(&role.cite.article) {
                            if newest.is_none_or(|n| a.published.as_str() > n) {
                                newest = Some(a.published.as_str());
                            }
                        }
                    }
                    ok
                });
                if !fits {
                    continue;
                }
                let rank = (newest.unwrap_or("").to_string(), p.mentions.len());
                if best.as_ref().is_none_or(|(b, _)| rank > *b) {
                    best = Some((rank, i));
                }
            }
            if best.is_some() {
                break;
            }
        }
        best.map(|b| b.1)
    }

    /// True when an unnamed source of the party asked fits a role's words ("a spokesperson for
    /// the British prime minister" for "the UK prime minister's spokesperson").
    fn source_fits_role(&self, r: &RoleRef) -> bool {
        let k = &self.knowledge;
        let party_id = r.party.map(|p| k.lexicon.parties[p].id.as_str());
        r.wants.iter().any(|want| {
            k.sources
                .iter()
                .zip(&self.source_stems)
                .any(|(src, stems)| {
                    (party_id.is_none() || src.affiliation.as_deref() == party_id)
                        && want.iter().all(|w| stems.contains(w))
                })
        })
    }

    fn is_title_stem(&self, st: &str) -> bool {
        self.title_word_stems.contains(st)
    }

    /// "the US vice president", "the british PM": the person whose role fits those words.
    fn person_by_role(&self, q: &Query) -> Option<usize> {
        let want: Vec<String> = q
            .terms
            .iter()
            .filter(|t| t.1 >= 0.9 && self.is_title_stem(&t.0))
            .flat_map(|t| match t.0.as_str() {
                "pm" => vec!["prime".to_string(), "minist".to_string()],
                "vp" => vec!["vice".to_string(), "presid".to_string()],
                "fm" => vec!["foreign".to_string(), "minist".to_string()],
                other => vec![other.to_string()],
            })
            .collect();
        if want.is_empty() {
            return None;
        }
        let want_parties: Vec<&str> = q
            .parties
            .iter()
            .map(|&p| self.knowledge.lexicon.parties[p].id.as_str())
            .collect();
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in self.knowledge.people.iter().enumerate() {
            if !want_parties.is_empty()
                && !p
                    .affiliation
                    .as_deref()
                    .is_some_and(|a| want_parties.contains(&a))
            {
                continue;
            }
            let role_stems = &self.role_stems[i];
            let hits = want.iter().filter(|w| role_stems.contains(*w)).count();
            // Every title word asked for must be in the role ("vice president" is not "president").
            if hits == want.len()
                && role_stems.len() <= want.len() + 4
                && best.is_none_or(|(bh, _)| hits > bh)
            {
                best = Some((hits, i));
            }
        }
        best.map(|b| b.1)
    }

    fn sentence_of_cite(&self, cite: &crate::knowledge::Cite) -> Option<usize> {
        let a = self.knowledge.article(&cite.article)?;
        let p = a.paragraphs.get(cite.paragraph as usize - 1)?;
        p.sentences
            .iter()
            .find(|s| s.start <= cite.start && cite.start < s.end)
            .and_then(|s| self.sent_by_id.get(&s.id))
    }

    fn facts_by_speaker(&self, sp: &Speaker) -> Vec<(FactRef, f32)> {
        let mut facts: Vec<(FactRef, f32)> = self
            .by_speaker
            .get(sp)
            .map(|v| {
                v.iter()
                    .map(|&f| {
                        (
                            f,
                            if matches!(f, FactRef::Quote(_)) {
                                2.0
                            } else {
                                1.0
                            },
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        // Quotes first, then statements, each in reading order.
        facts.sort_by_key(|f| (matches!(f.0, FactRef::Statement(_)), self.fact_order(f.0)));
        facts
    }

    /// Everything said by a person: own words, reported speech, and their spokespeople.
    fn facts_of_person(&self, p: usize) -> Vec<(FactRef, f32)> {
        let id = self.knowledge.people[p].id.clone();
        let mut facts = self.facts_by_speaker(&Speaker::Person(id.clone()));
        for &si in self.sources_for_person.get(&id).into_iter().flatten() {
            let s = &self.knowledge.sources[si];
            for (f, score) in self.facts_by_speaker(&Speaker::Source(s.id.clone())) {
                facts.push((f, score - 0.5));
            }
        }
        facts
    }

    /// Does a fact bear on the question's subject (its topic words and topics)?
    fn topic_fit(&self, q: &Query, f: FactRef, topic_terms: &[String]) -> f32 {
        let Some(s) = self.fact_sentence(f) else {
            return 0.0;
        };
        let mut score = 0.0;
        let rec = &self.sents[s];
        for t in &q.topics {
            if rec.topics.contains(t) {
                score += 1.5;
            } else if self
                .sents
                .iter()
                .skip(s.saturating_sub(6))
                .take(13)
                .any(|o| o.article == rec.article && o.para == rec.para && o.topics.contains(t))
            {
                // A quote often sits in a paragraph whose other sentence names the topic.
                score += 1.0;
            }
        }
        // Membership through the index's postings: no re-tokenising at answer time.
        let has = |term: &str| self.index.has(term, s as u32);
        for t in topic_terms {
            if has(t) {
                score += 1.0 + self.index.idf(t) * 0.2;
            } else if self
                .lex
                .synonyms
                .get(t)
                .is_some_and(|syns| syns.iter().any(|x| has(x)))
            {
                score += 0.6;
            }
        }
        score
    }

    fn topic_terms(&self, q: &Query) -> Vec<String> {
        let mut v: Vec<String> = q
            .terms
            .iter()
            .filter(|t| !t.2 && t.1 >= 0.9)
            .map(|t| t.0.clone())
            .collect();
        for o in &q.other_slot_terms {
            if !v.contains(o) && !self.lex.stopwords.contains(o) {
                v.push(o.clone());
            }
        }
        v
    }

    fn said_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        let topic_terms = self.topic_terms(q);
        let has_topic = !q.topics.is_empty() || !topic_terms.is_empty();
        // Who: a person, else an unnamed source, else a party.
        let (facts, who): (Vec<(FactRef, f32)>, String) =
            if let (Some(&p), false) = (q.people.first(), q.subject_is_party) {
                (self.facts_of_person(p), k.people[p].name.clone())
            } else if !q.unknown_names.is_empty() {
                return self.absent(clean, q);
            } else if let Some(&p) = q.parties.first() {
                let party = &k.lexicon.parties[p];
                let mut facts = Vec::new();
                for &i in self.people_by_party.get(&party.id).into_iter().flatten() {
                    facts.extend(self.facts_of_person(i));
                }
                for s in k.sources.iter().filter(|s| {
                    s.affiliation.as_deref() == Some(party.id.as_str()) && s.on_behalf_of.is_none()
                }) {
                    facts.extend(self.facts_by_speaker(&Speaker::Source(s.id.clone())));
                }
                (facts, party.name.clone())
            } else if let Some(x) = q.intent.x.clone().filter(|x| {
                tokenize(x)
                    .iter()
                    .any(|t| self.lex.source_nouns.contains(&t.norm))
            }) {
                let xs: HashSet<String> = tokenize(&x)
                    .iter()
                    .filter(|t| !self.lex.stopwords.contains(&t.norm))
                    .map(|t| self.stem(&t.norm))
                    .collect();
                let mut facts = Vec::new();
                for (i, s) in k.sources.iter().enumerate() {
                    if xs.iter().all(|w| self.source_stems[i].contains(w)) {
                        facts.extend(self.facts_by_speaker(&Speaker::Source(s.id.clone())));
                    }
                }
                (facts, lower_first(&x))
            } else {
                return self.search_answer(clean, q);
            };
        let party_subject = q.subject_is_party || q.people.is_empty() && !q.parties.is_empty();
        if facts.is_empty() && party_subject {
            // A country speaks through its officials and its stated positions.
            return self.position_answer(clean, q);
        }
        if facts.is_empty() {
            // Mentioned, never quoted: say so, with what the sources report about them.
            let mut about = Vec::new();
            if let Some(&p) = q.people.first() {
                for m in &k.people[p].mentions {
                    if let Some(s) = self.sent_by_id.get(m) {
                        about.push((FactRef::Sentence(s), 1.0));
                    }
                }
            }
            return self.decline(
                clean,
                q,
                format!("My sources mention **{}** but don't quote them or report anything they said. Here is what they report about them:", escape_markdown(&who)),
                "mentioned but never quoted",
                about,
            );
        }
        let mut ranked: Vec<(FactRef, f32)> = if has_topic {
            facts
                .iter()
                .map(|&(f, base)| (f, self.topic_fit(q, f, &topic_terms) * 2.0 + base * 0.1))
                .filter(|x| x.1 >= 1.0)
                .collect()
        } else {
            facts.clone()
        };
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(self.fact_order(a.0).cmp(&self.fact_order(b.0)))
        });
        // A statement and a quote from the same sentence: keep the quote (shorter, own words).
        let quote_sents: HashSet<usize> = ranked
            .iter()
            .filter(|f| matches!(f.0, FactRef::Quote(_)))
            .filter_map(|f| self.fact_sentence(f.0))
            .collect();
        ranked.retain(|f| {
            !matches!(f.0, FactRef::Statement(_))
                || !self
                    .fact_sentence(f.0)
                    .is_some_and(|s| quote_sents.contains(&s))
        });
        if ranked.is_empty() && party_subject {
            return self.position_answer(clean, q);
        }
        if ranked.is_empty() {
            let topic = self.asked_topic(q);
            return self.decline(
                clean,
                q,
                format!(
                    "My sources don't report **{}** saying anything about {}.",
                    escape_markdown(&who),
                    escape_markdown(topic.trim_end_matches('?'))
                ),
                "the speaker is not quoted on that topic",
                Vec::new(),
            );
        }
        let n_quotes = ranked
            .iter()
            .filter(|f| matches!(f.0, FactRef::Quote(_)))
            .count();
        let lead = if has_topic {
            format!(
                "What **{}** said on that, in the sources' words:",
                escape_markdown(&who)
            )
        } else {
            format!(
                "What **{}** said ({}, {} reported):",
                escape_markdown(&who),
                count_of(n_quotes, "direct quote", "direct quotes"),
                ranked.len() - n_quotes
            )
        };
        self.finish(clean, q, lead, ranked, true)
    }

    /// The topic a question asked about, as a reader would name it.
    fn asked_topic(&self, q: &Query) -> String {
        q.topics
            .first()
            .map(|&t| self.knowledge.lexicon.topics[t].name.clone())
            .or_else(|| q.intent.t.clone())
            .unwrap_or_else(|| "that".into())
    }

    fn fact_order(&self, f: FactRef) -> (usize, u32) {
        let s = self.fact_sentence(f).unwrap_or(usize::MAX);
        let sub = match f {
            FactRef::Quote(i) => self.knowledge.quotes[i].cite.start,
            _ => 0,
        };
        (s, sub)
    }

    fn who_said_answer(&self, clean: &str, q: &mut Query) -> Answer {
        if !q.unknown_names.is_empty() {
            return self.absent(clean, q);
        }
        let topic_terms = self.topic_terms(q);
        // The sentences that best match the words, then the quotes and statements in them.
        let mut facts: Vec<(FactRef, f32)> = Vec::new();
        let spoken = |s: usize| {
            self.quotes_in_sent.contains_key(&s) || self.statement_by_sent.contains_key(&s)
        };
        const READ: usize = 40;
        for (s, _) in self.rank_sentences(q, READ, spoken).into_iter().take(READ) {
            for &i in self.quotes_in_sent.get(&s).into_iter().flatten() {
                if self.knowledge.quotes[i].speaker != Speaker::Unattributed {
                    facts.push((FactRef::Quote(i), 0.0));
                }
            }
            if let Some(&i) = self.statement_by_sent.get(&s) {
                facts.push((FactRef::Statement(i), 0.0));
            }
        }
        let mut ranked: Vec<(FactRef, f32)> = facts
            .into_iter()
            .map(|(f, _)| (f, self.topic_fit(q, f, &topic_terms)))
            .filter(|x| x.1 >= 1.0)
            .collect();
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(self.fact_order(a.0).cmp(&self.fact_order(b.0)))
        });
        let Some(best) = ranked.first() else {
            return self.search_answer(clean, q);
        };
        if let Some(s) = self.fact_sentence(best.0) {
            if self.coverage(q).of(s) < 0.5 {
                return self.search_answer(clean, q);
            }
        }
        let who = match best.0 {
            FactRef::Quote(i) => self.speaker_label(&self.knowledge.quotes[i].speaker),
            FactRef::Statement(i) => self.speaker_label(&self.knowledge.statements[i].speaker),
            _ => None,
        };
        let lead = match who {
            Some(w) => format!(
                "That was **{}**, in the sources' words:",
                escape_markdown(&w)
            ),
            None => "Here is who said it, in the sources' words:".into(),
        };
        self.finish(clean, q, lead, ranked, true)
    }

    fn position_answer(&self, clean: &str, q: &mut Query) -> Answer {
        let k = &self.knowledge;
        if !q.unknown_names.is_empty() && q.parties.is_empty() && q.people.is_empty() {
            return self.absent(clean, q);
        }
        let mut parties = q.parties.clone();
        if parties.is_empty() {
            for &p in &q.people {
                if let Some(aff) = &k.people[p].affiliation {
                    if let Some(i) = k.lexicon.parties.iter().position(|x| &x.id == aff) {
                        push_unique_usize(&mut parties, i);
                    }
                }
            }
        }
        if parties.is_empty() {
            return self.search_answer(clean, q);
        }
        let party_ids: Vec<&str> = parties
            .iter()
            .map(|&p| k.lexicon.parties[p].id.as_str())
            .collect();
        let mut sentences: HashSet<usize> = HashSet::default();
        for party in &party_ids {
            for &(topic, s) in self.positions_by_party.get(*party).into_iter().flatten() {
                if q.topics.is_empty() || q.topics.contains(&(topic as usize)) {
                    sentences.insert(s as usize);
                }
            }
        }
        let topic_terms = self.topic_terms(q);
        // A cheap filter over every candidate, the finer topic check on the leaders only.
        // Some leaders fail the topic check below, so more are ranked than are shown.
        let mut ranked = self.rank_sentences(q, 200, |s| {
            sentences.contains(&s) || self.sents[s].parties.iter().any(|p| parties.contains(p))
        });
        ranked.retain(|&(s, _)| {
            sentences.contains(&s)
                || topic_terms.is_empty() && q.topics.is_empty()
                || self.topic_fit(q, FactRef::Sentence(s), &topic_terms) >= 1.0
        });
        // A party's position is best stated by its own people: their words rank first.
        let party_ids: Vec<String> = parties
            .iter()
            .map(|&p| k.lexicon.parties[p].id.clone())
            .collect();
        let mut ranked: Vec<(usize, f32)> = ranked
            .into_iter()
            .map(|(s, score)| {
                (
                    s,
                    score
                        + if self.spoken_by_party(s, &party_ids) {
                            1.0
                        } else {
                            0.0
                        },
                )
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let coverage = self.coverage(q);
        let ranked: Vec<(usize, f32)> = ranked
            .into_iter()
            .filter(|(s, _)| {
                topic_terms.is_empty()
                    || coverage.of(*s) >= 0.34
                    || !q.topics.is_empty()
                        && q.topics.iter().any(|t| self.sents[*s].topics.contains(t))
            })
            .collect();
        let names: Vec<&str> = parties
            .iter()
            .map(|&p| k.lexicon.parties[p].name.as_str())
            .collect();
        if ranked.is_empty() {
            let topic = self.asked_topic(q);
            return self.decline(
                clean,
                q,
                format!(
                    "My sources don't state {}'s position on {}.",
                    names.join(" and "),
                    escape_markdown(topic.trim_end_matches('?'))
                ),
                "no position of that party on that topic",
                Vec::new(),
            );
        }
        let lead = match q.topics.first() {
            Some(&t) => format!(
                "Where **{}** stands on {}, in the sources' words:",
                names.join(" and "),
                k.lexicon.topics[t].name
            ),
            None => format!(
                "Where **{}** stands, in the sources' words:",
                names.join(" and ")
            ),
        };
        let facts = ranked
            .into_iter()
            .map(|(s, sc)| (FactRef::Sentence(s), sc))
            .collect();
        self.finish(clean, q, lead, facts, true)
    }

    fn search_answer(&self, clean: &str, q: &mut Query) -> Answer {
        if !q.unknown_names.is_empty() {
            return self.absent(clean, q);
        }
        const READ: usize = 60;
        let ranked = self.rank_sentences(q, READ, |_| true);
        let content: Vec<&(String, f32, bool, usize)> =
            q.terms.iter().filter(|t| !t.2 && t.1 >= 0.9).collect();
        let has_slots = !q.people.is_empty() || !q.parties.is_empty() || !q.topics.is_empty();
        if content.is_empty() && !has_slots {
            return self.decline(
                clean,
                q,
                "I couldn't find anything in that to look up in my sources.".into(),
                "no words to search for",
                Vec::new(),
            );
        }
        // Keep the sentences that cover the question's own words well enough.
        let threshold = if has_slots { 0.5 } else { 0.6 };
        let coverage = self.coverage(q);
        let kept: Vec<(usize, f32)> = ranked
            .into_iter()
            .take(READ)
            .filter(|(s, score)| {
                *score > 0.0
                    && coverage.of(*s) >= threshold
                    && (q.people.is_empty()
                        || q.people.iter().any(|p| self.sents[*s].people.contains(p))
                        || !content.is_empty())
                    && (q.topics.is_empty()
                        || q.topics.iter().any(|t| self.sents[*s].topics.contains(t))
                        || !content.is_empty()
                        || !q.people.is_empty())
            })
            .collect();
        if kept.is_empty() {
            let unknown: Vec<&str> = content
                .iter()
                .filter(|t| {
                    !self.index.contains(&t.0)
                        && q.tokens
                            .get(t.3)
                            .is_none_or(|tok| absent_weight(&tok.norm) != Salience::Generic)
                })
                .map(|t| t.0.as_str())
                .collect();
            let reason = if unknown.is_empty() {
                "no sentence covers the question well enough".to_string()
            } else {
                format!("words the sources never use: {}", unknown.join(", "))
            };
            return self.decline(
                clean,
                q,
                "My sources don't cover that.".into(),
                &reason,
                Vec::new(),
            );
        }
        // "How many soldiers ...": a count the sources give is in a sentence with a number and
        // the thing counted (or a word for it); without one, the sources don't give it.
        if q.intent.name == "how_many" {
            if let Some(counted) = self.counted_terms(q) {
                let gives = |s: usize| {
                    self.numbers_by_sent.contains_key(&s)
                        && counted.iter().any(|t| self.index.has(t, s as u32))
                };
                // "How much water": an amount is often given without its noun ("65% of the
                // river's volume"), so there only a word the sources never use declines.
                let mass = q.tokens.iter().any(|t| t.norm == "much");
                let known = counted.iter().any(|t| self.index.contains(t));
                if !kept.iter().any(|&(s, _)| gives(s)) && !(mass && known) {
                    return self.decline(
                        clean,
                        q,
                        "My sources don't give that number.".into(),
                        "no sentence gives the number asked for",
                        Vec::new(),
                    );
                }
            }
        }
        let lead = match q.intent.name.as_str() {
            "when" => self.when_lead(kept[0].0),
            "where" => self.where_lead(kept[0].0),
            "how_many" => self.number_lead(kept[0].0, q),
            "why" => "Here is what the sources give as the reasons:".to_string(),
            "proposal" => "What was proposed, in the sources' words:".to_string(),
            _ => "Here is what my sources say:".to_string(),
        };
        let facts = kept
            .into_iter()
            .map(|(s, sc)| (FactRef::Sentence(s), sc))
            .collect();
        self.finish(clean, q, lead, facts, true)
    }

    /// The stems that name what a "how many" / "how much" question counts: the first content
    /// word after it, with its synonyms and relatives (for "how many yrs": year). None when the
    /// question does not say ("how many are there?").
    fn counted_terms(&self, q: &Query) -> Option<Vec<String>> {
        let at = q
            .tokens
            .windows(2)
            .position(|w| w[0].norm == "how" && matches!(w[1].norm.as_str(), "many" | "much"))?;
        let k = (at + 2..q.tokens.len()).find(|&k| {
            let t = &q.tokens[k].norm;
            !self.lex.stopwords.contains(t) && !q.tokens[k].numeric
        })?;
        let group: Vec<String> = q
            .terms
            .iter()
            .filter(|t| t.3 == k)
            .map(|t| t.0.clone())
            .collect();
        (!group.is_empty()).then_some(group)
    }

    fn when_lead(&self, s: usize) -> String {
        match self.events_by_sent.get(&s).and_then(|e| e.first()) {
            Some(&e) => {
                let ev = &self.knowledge.events[e];
                match &ev.date {
                    Some(d) => format!(
                        "The sources date it \"{}\", that is {}:",
                        ev.when_text,
                        d.replace('/', " to ")
                    ),
                    None => format!("The sources date it \"{}\":", ev.when_text),
                }
            }
            None => "The sources don't give an exact date; this is what they say:".into(),
        }
    }

    fn where_lead(&self, s: usize) -> String {
        match self.events_by_sent.get(&s).and_then(|e| {
            e.iter()
                .find_map(|&i| self.knowledge.events[i].place.clone())
        }) {
            Some(p) => format!("The sources place it in **{}**:", escape_markdown(&p)),
            None => "Here is what the sources say about where:".into(),
        }
    }

    fn number_lead(&self, s: usize, q: &Query) -> String {
        let terms: HashSet<&str> = q.terms.iter().map(|t| t.0.as_str()).collect();
        let best = self.numbers_by_sent.get(&s).and_then(|ns| {
            ns.iter().copied().max_by_key(|&i| {
                tokenize(&self.knowledge.numbers[i].measures)
                    .iter()
                    .filter(|t| terms.contains(self.stem(&t.norm).as_str()))
                    .count()
            })
        });
        match best {
            Some(i) => format!(
                "The sources give: \"{}\".",
                self.knowledge.numbers[i].measures
            ),
            None => "Here is what the sources say:".into(),
        }
    }

    fn all_quotes(&self) -> Answer {
        let q = Query {
            intent: IntentMatch {
                name: "said".into(),
                pattern: None,
                x: None,
                t: None,
            },
            ..Query::default()
        };
        let facts: Vec<(FactRef, f32)> = self
            .knowledge
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, x)| x.speaker != Speaker::Unattributed && x.text.chars().count() > 20)
            .map(|(i, _)| (FactRef::Quote(i), 1.0))
            .collect();
        self.finish(
            "quotes",
            &q,
            "Direct quotes in the sources:".into(),
            facts,
            true,
        )
    }

    fn timeline(&self) -> Answer {
        let q = Query {
            intent: IntentMatch {
                name: "timeline".into(),
                pattern: None,
                x: None,
                t: None,
            },
            ..Query::default()
        };
        let mut events: Vec<(String, usize)> = self
            .knowledge
            .events
            .iter()
            .zip(&self.event_sent)
            .filter_map(|(e, &s)| Some((e.date.clone()?, s?)))
            .collect();
        events.sort();
        events.dedup_by_key(|e| e.1);
        let lead = if events.is_empty() {
            "The sources give no dates I can place on a timeline.".to_string()
        } else {
            let dates: Vec<String> = events
                .iter()
                .take(self.settings.max_quotes)
                .map(|e| e.0.replace('/', "–"))
                .collect();
            format!("Timeline, oldest first ({}):", dates.join("; "))
        };
        let facts = events
            .into_iter()
            .map(|(_, s)| (FactRef::Sentence(s), 1.0))
            .collect();
        self.finish("timeline", &q, lead, facts, true)
    }
}

/// A role named in a question, as [`Engine::role_references`] finds it.
struct RoleRef {
    start: usize,
    end: usize,
    /// The title's stems; several when a role phrase stands for several titles.
    wants: Vec<Vec<String>>,
    party: Option<usize>,
    /// The words as asked, for a decline ("the morvany president").
    text: String,
}

/// A question as the engine understands it.
#[derive(Debug, Clone, Default)]
struct Query {
    tokens: Vec<Token>,
    intent: IntentMatch,
    people: Vec<usize>,
    parties: Vec<usize>,
    topics: Vec<usize>,
    unknown_names: Vec<String>,
    /// Question terms: (stem, weight, is a slot or filler word, group of the word it came from).
    terms: Vec<(String, f32, bool, usize)>,
    /// Stems of slot words that are not the question's subject ("China" in "what did Vance say about China").
    other_slot_terms: Vec<String>,
    /// Token spans of recognised people and parties: (is person, index, start, end).
    spans: Vec<(bool, usize, usize, usize)>,
    corrected: Vec<String>,
    from_context: bool,
    subject_is_party: bool,
    /// A role the question names that no one in the sources holds ("Morvany's president").
    unknown_role: Option<String>,
    /// Which report the question wants first when several articles give one.
    when_reported: Recency,
}

/// Which article's report a question asks for first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Recency {
    /// No word says: newer reports win only ties.
    #[default]
    Any,
    /// "now", "current", "latest": the newest report leads.
    Latest,
    /// "original", "initially": the earliest report leads.
    Earliest,
}

impl Query {
    /// Consecutive content words of the question, as stem pairs. `filler` is [`FILLER`] as a
    /// set and `stem` the engine's cached stemmer.
    fn bigrams(
        &self,
        filler: &HashSet<String>,
        stem: impl Fn(&str) -> String,
    ) -> Vec<(String, String)> {
        let words: Vec<&Token> = self
            .tokens
            .iter()
            .filter(|t| t.norm.chars().count() > 1)
            .collect();
        words
            .windows(2)
            .filter(|w| !filler.contains(&w[0].norm) && !filler.contains(&w[1].norm))
            .filter(|w| {
                !STOP_PAIR.contains(&w[0].norm.as_str()) && !STOP_PAIR.contains(&w[1].norm.as_str())
            })
            .map(|w| (stem(&w[0].norm), stem(&w[1].norm)))
            .collect()
    }
}

/// True when `a` and `b` cannot be within `max` edits of each other, told from their letters
/// alone: an edit (insertion, deletion, substitution or swap) adds at most one letter and
/// removes at most one, so `max` edits leave at most `max` letters of either word unmatched.
/// Cheap enough to run before every Damerau-Levenshtein distance; `false` (cannot tell) for
/// words that are not ASCII.
fn letters_differ_by_more_than(a: &str, b: &str, max: usize) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let mut count = [0i16; 128];
    for &c in a.as_bytes() {
        count[c as usize] += 1;
    }
    for &c in b.as_bytes() {
        count[c as usize] -= 1;
    }
    // Each letter's surplus is counted once (then cleared), walking the words, not the table.
    let (mut only_a, mut only_b) = (0usize, 0usize);
    for &c in a.as_bytes() {
        let k = &mut count[c as usize];
        if *k > 0 {
            only_a += *k as usize;
            *k = 0;
        }
    }
    for &c in b.as_bytes() {
        let k = &mut count[c as usize];
        if *k < 0 {
            only_b += (-*k) as usize;
            *k = 0;
        }
    }
    only_a.max(only_b) > max
}

/// A key for a sentence `s` with `score` whose integer order is best first: the higher score
/// (in [`f32::total_cmp`]'s order), then the earlier sentence. Selecting and sorting these
/// compares one integer where a comparator compared a float and then an index.
fn best_first(score: f32, s: u32) -> u64 {
    let bits = score.to_bits();
    // `total_cmp`'s order as an unsigned integer: a negative number has all its bits flipped, a
    // positive one just its sign bit.
    let ordered = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    };
    (u64::from(!ordered) << 32) | u64::from(s)
}

/// The sentence and score a [`best_first`] key was made from.
fn from_best_first(key: u64) -> (usize, f32) {
    let ordered = !((key >> 32) as u32);
    let bits = if ordered >> 31 == 1 {
        ordered & 0x7fff_ffff
    } else {
        !ordered
    };
    (key as u32 as usize, f32::from_bits(bits))
}

/// A question's own words (not its slots) as [`Engine::coverage`] weighs them: each with its
/// index id (none when the sources never use it), its weight and its synonyms' ids.
struct Coverage<'e> {
    index: &'e Index,
    terms: Vec<CoverageTerm>,
    total: f32,
}

/// One word of [`Coverage`]: its index id, its weight, and the ids that stand in for it, each
/// with the share of the weight it earns.
type CoverageTerm = (Option<u32>, f32, Vec<(u32, f32)>);

impl Coverage<'_> {
    /// The share of the weight of the question's words that sentence `s` holds, itself or by a
    /// synonym; 1 when the question has no words of its own.
    fn of(&self, s: usize) -> f32 {
        if self.terms.is_empty() || self.total == 0.0 {
            return 1.0;
        }
        let has = |id: &u32| self.index.has_id(*id, s as u32);
        let mut hit = 0.0;
        for (id, w, alternatives) in &self.terms {
            if id.as_ref().is_some_and(has) {
                hit += w;
            } else if let Some(credit) = alternatives
                .iter()
                .filter(|a| has(&a.0))
                .map(|a| a.1)
                .max_by(f32::total_cmp)
            {
                hit += w * credit;
            }
        }
        hit / self.total
    }
}

/// One score per sentence, all zero when made: taken from a per-thread pool rather than
/// allocated for each question, as at 10,000 articles a fresh one is 850 KB the system must
/// zero. What was written is listed in `written` (or set back to zero by the user), so the
/// array is zeroed again cheaply when it goes back to the pool.
struct Dense {
    values: Vec<f32>,
    /// Indexes that may be non-zero.
    written: Vec<u32>,
}

thread_local! {
    static DENSE_POOL: std::cell::RefCell<Vec<Vec<f32>>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Dense {
    fn zeroed(n: usize) -> Dense {
        let pooled = DENSE_POOL.with(|p| {
            let mut pool = p.borrow_mut();
            let at = pool.iter().position(|v| v.len() == n)?;
            Some(pool.swap_remove(at))
        });
        Dense {
            values: pooled.unwrap_or_else(|| vec![0.0; n]),
            written: Vec::new(),
        }
    }
}

impl Drop for Dense {
    fn drop(&mut self) {
        let mut values = std::mem::take(&mut self.values);
        for &i in &self.written {
            if let Some(v) = values.get_mut(i as usize) {
                *v = 0.0;
            }
        }
        debug_assert!(values.iter().all(|&v| v == 0.0), "a Dense was not zeroed");
        DENSE_POOL.with(|p| {
            let mut pool = p.borrow_mut();
            // Two per question are in use at once; a few more cover engines of other sizes.
            if pool.len() < 4 && !values.is_empty() {
                pool.push(values);
            }
        });
    }
}

impl std::ops::Deref for Dense {
    type Target = [f32];
    fn deref(&self) -> &[f32] {
        &self.values
    }
}

impl std::ops::DerefMut for Dense {
    fn deref_mut(&mut self) -> &mut [f32] {
        &mut self.values
    }
}

/// Function words that never make a telling pair.
const STOP_PAIR: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "are", "was", "were", "did",
    "does", "do", "what", "who", "how", "why", "when", "where", "which", "it", "be", "for", "with",
    "about", "by", "at", "from",
];

impl Default for IntentMatch {
    fn default() -> Self {
        IntentMatch {
            name: "search".into(),
            pattern: None,
            x: None,
            t: None,
        }
    }
}

/// "what's" -> "what is", "doesn't" -> "does not": patterns then need one spelling.
fn expand_contractions(q: &str) -> String {
    let mut out = q.to_string();
    for (from, to) in [
        ("what's", "what is"),
        ("who's", "who is"),
        ("where's", "where is"),
        ("when's", "when is"),
        ("how's", "how is"),
        ("that's", "that is"),
        ("there's", "there is"),
        ("it's", "it is"),
        ("whats", "what is"),
        ("whos", "who is"),
        ("wheres", "where is"),
        ("won't", "will not"),
        ("can't", "can not"),
        ("n't", " not"),
        ("'re", " are"),
        ("'ve", " have"),
        ("'ll", " will"),
        ("'d", " would"),
    ] {
        if out.contains(from) {
            out = out
                .split(' ')
                .map(|w| {
                    if w == from || from.starts_with('\'') || from == "n't" {
                        w.replace(from, to)
                    } else {
                        w.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    out
}

/// Zipf frequency at or above which a word counts as ordinary English (about once in a million
/// words): not a misspelling to correct, not a name.
const COMMON_ZIPF: f32 = 3.0;
/// What a common noun the sources never use weighs in coverage, as a share of the rarest word's.
const ABSENT_COMMON_NOUN: f32 = 1.0;
/// Query weight of a WordNet derived form of a question word ("cancellation" for "cancel").
const RELATED_DERIVED: f32 = 0.5;
/// Query weight of a WordNet synonym of a question word.
const RELATED_SYNONYM: f32 = 0.4;
/// What the newest article adds to a sentence's score when the question does not ask for the
/// latest: enough to win a tie, not to outrank better evidence.
const RECENCY_TIE: f32 = 0.15;
/// What the newest (or, for "original", the oldest) article adds when the question asks for it.
const RECENCY_ASKED: f32 = 1.5;

/// How much a word the sources never use says about what a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Salience {
    /// Common English, not a noun: how the question is put.
    Generic,
    /// A common noun: a subject, but an everyday one.
    CommonNoun,
    /// A rare word, a name, or a word English does not know: a subject.
    Rare,
}

fn absent_weight(word: &str) -> Salience {
    let e = english();
    if e.is_generic(word, COMMON_ZIPF) {
        Salience::Generic
    } else if e.is_common(word, COMMON_ZIPF) {
        Salience::CommonNoun
    } else {
        Salience::Rare
    }
}

/// "1 direct quote", "4 direct quotes".
fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn push_unique_usize(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => {
            // Keep acronyms and names: only lower a capital followed by a lowercase letter.
            let second = s.chars().nth(1);
            if f.is_uppercase()
                && second.is_some_and(|x| x.is_lowercase())
                && !s.starts_with(|x: char| {
                    x.is_uppercase()
                        && s.split_whitespace().next().is_some_and(|w| {
                            w.len() > 1
                                && w.chars().skip(1).all(char::is_lowercase)
                                && ![
                                    "A", "An", "The", "Three", "Two", "Several", "Some", "One",
                                    "Four", "Five",
                                ]
                                .contains(&w)
                        })
                })
            {
                f.to_lowercase().chain(c).collect()
            } else {
                s.to_string()
            }
        }
        None => String::new(),
    }
}

fn preview(s: &str) -> String {
    if s.chars().count() <= 90 {
        s.to_string()
    } else {
        let cut: String = s.chars().take(87).collect();
        format!("{cut}...")
    }
}

/// Bounds a question's length and removes control, zero-width and direction characters and
/// mention syntax, so that nothing a user types can steer matching or rendering.
pub fn clean_question(q: &str) -> String {
    let mut out = String::with_capacity(q.len().min(MAX_QUESTION_CHARS * 4));
    for (n, c) in q.chars().enumerate() {
        if n >= MAX_QUESTION_CHARS {
            break;
        }
        let drop = c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{2060}' | '\u{00AD}');
        if drop {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    // "<@123>", "<@&123>", "<#123>" and "@everyone" are Discord syntax, not words.
    let mut cleaned = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find('<') {
        cleaned.push_str(&rest[..i]);
        let tail = &rest[i..];
        match tail.find('>') {
            Some(j)
                if j < 40
                    && tail[1..j]
                        .trim_start_matches(['@', '&', '#', '!', ':'])
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') =>
            {
                cleaned.push(' ');
                rest = &tail[j + 1..];
            }
            _ => {
                cleaned.push('<');
                rest = &tail[1..];
            }
        }
    }
    cleaned.push_str(rest);
    let cleaned = cleaned
        .replace("@everyone", " ")
        .replace("@here", " ")
        .replace('@', " ");
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The characters of a cited span (re-exported for front ends that check quotes).
pub fn cited_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    char_slice(text, start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ids_are_found_by_their_shape_and_odd_ids_by_name() {
        let mut ids = SentIds::default();
        ids.insert("a", 1, "a#p1s1", 0);
        ids.insert("a", 1, "a#p1s2", 1);
        ids.insert("a", 3, "hand-made", 2);
        ids.insert("x#p2", 2, "x#p2#p2s1", 3);
        assert_eq!(ids.get("a#p1s1"), Some(0));
        assert_eq!(ids.get("a#p1s2"), Some(1));
        assert_eq!(ids.get("hand-made"), Some(2));
        assert_eq!(ids.get("x#p2#p2s1"), Some(3));
        // The place of "hand-made" is not "a#p3s1": that id names no sentence.
        assert_eq!(ids.get("a#p3s1"), None);
        for missing in [
            "a#p1s3", "a#p1s0", "a#p01s1", "a#p1s01", "b#p1s1", "a#p1", "", "#ps",
        ] {
            assert_eq!(ids.get(missing), None, "{missing}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The letter count never rules out a pair that is within reach: whenever it says
        /// "more than `max` edits apart", Damerau-Levenshtein agrees. Short words from a small
        /// alphabet, so that many pairs are close.
        #[test]
        fn the_letter_count_only_rules_out_words_out_of_reach(
            a in "[abcdeor]{1,8}",
            b in "[abcdeor]{1,8}",
            max in 0usize..3,
        ) {
            if letters_differ_by_more_than(&a, &b, max) {
                proptest::prop_assert!(strsim::damerau_levenshtein(&a, &b) > max);
            }
        }

        /// `best_first` keys order as the ranking's comparator does (higher score first by
        /// `total_cmp`, then the earlier sentence), and give back what they were made from,
        /// for every float: negative, zero of either sign, infinite and NaN too.
        #[test]
        fn best_first_keys_order_as_the_comparator_and_round_trip(
            a in proptest::num::f32::ANY,
            b in proptest::num::f32::ANY,
            sa in proptest::prelude::any::<u32>(),
            sb in proptest::prelude::any::<u32>(),
        ) {
            let (ka, kb) = (best_first(a, sa), best_first(b, sb));
            proptest::prop_assert_eq!(ka.cmp(&kb), b.total_cmp(&a).then(sa.cmp(&sb)));
            let (s, back) = from_best_first(ka);
            proptest::prop_assert_eq!(s, sa as usize);
            proptest::prop_assert_eq!(back.to_bits(), a.to_bits());
        }
    }

    /// Ranking fewer leaders gives exactly the head of a longer ranking (the pruning bar and
    /// the phrase pairs included), for the generated corpus' questions, with and without a
    /// filter, at every count a caller asks for.
    #[test]
    fn ranking_fewer_leaders_gives_the_head_of_a_longer_ranking() {
        let arts = crate::corpus::generate_articles(100, 5);
        let k = crate::corpus::build_articles(&arts).unwrap().knowledge;
        let engine = Engine::new(k, EngineSettings::default());
        let mut long_lists = 0;
        for question in crate::corpus::questions(5) {
            let q = engine.analyse(&clean_question(&question), None);
            let some = |s: usize| s % 3 != 0;
            let long = engine.rank_sentences(&q, 400, |_| true);
            let long_some = engine.rank_sentences(&q, 400, some);
            for n in [1, 30, 40, 60, 200] {
                let want = n.max(30);
                let short = engine.rank_sentences(&q, n, |_| true);
                assert_eq!(short, long[..want.min(long.len())], "{question:?}, {n}");
                let short = engine.rank_sentences(&q, n, some);
                let head = &long_some[..want.min(long_some.len())];
                assert_eq!(short, head, "{question:?}, {n}, filtered");
            }
            long_lists += usize::from(long.len() > 200);
        }
        assert!(long_lists > 0, "no question ranked more than 200 sentences");
    }

    /// The stem cache holds true stems, and the words every question may bring: the stop
    /// words and the words of the topics' aliases.
    #[test]
    fn the_stem_cache_holds_true_stems_and_the_words_questions_bring() {
        let seed = Knowledge::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json"),
        )
        .unwrap();
        let engine = Engine::new(seed, EngineSettings::default());
        for (word, cached) in &engine.stem_cache {
            assert_eq!(*cached, stem(word), "{word}");
        }
        for word in &engine.lex.stopwords {
            assert!(engine.stem_cache.contains_key(word), "stop word {word}");
        }
        let topics = &engine.knowledge.lexicon.topics;
        assert!(topics.iter().any(|t| !t.aliases.is_empty()));
        for alias in topics.iter().flat_map(|t| &t.aliases) {
            for t in tokenize(alias) {
                assert!(
                    engine.stem_cache.contains_key(&t.norm),
                    "alias word {}",
                    t.norm
                );
            }
        }
    }

    #[test]
    fn the_letter_count_rules_out_words_far_apart() {
        assert!(letters_differ_by_more_than("corvane", "aldstrom", 2));
        assert!(letters_differ_by_more_than("abc", "abd", 0));
        assert!(!letters_differ_by_more_than("varrane", "marvane", 2));
        assert!(
            !letters_differ_by_more_than("zürich", "zurich", 0),
            "not ASCII: cannot tell"
        );
    }

    /// Tables read back from a snapshot are checked against the knowledge: a number that
    /// indexes nothing is refused at load, not met by some later question.
    #[test]
    fn tables_with_a_number_out_of_range_are_refused() {
        let seed = Knowledge::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json"),
        )
        .unwrap();
        let fresh = || Engine::new(seed.clone(), EngineSettings::default());
        let good = fresh();
        let kept = good.knowledge.clone();
        assert!(good
            .restore(kept.clone(), EngineSettings::default())
            .is_ok());
        let mut bad = fresh();
        bad.quote_sent[0] = Some(1_000_000);
        let why = bad
            .restore(kept.clone(), EngineSettings::default())
            .expect_err("refused");
        assert!(why.contains("out of range"), "{why}");
        let mut bad = fresh();
        bad.newest_first[0] = 99;
        assert!(bad.restore(kept, EngineSettings::default()).is_err());
    }
}
