//! A folder of articles -> [`Knowledge`]: parses every article, gathers people across the set,
//! extracts each article's facts, writes summaries, and checks every citation before handing the
//! knowledge back. Linear in the number of articles.

pub mod article;
pub mod extract;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::extract::{
    add_people, extract, named_sentences, sentence_id, ArticleFacts, NamedSentences, Registry,
};
use crate::knowledge::{
    ArticleEntry, Knowledge, ParagraphEntry, Person, SentenceEntry, Summaries, SCHEMA_VERSION,
};
use crate::lexicon::{Compiled, Lexicon, Party};
use crate::text::{slug, tokenize, CharMap};

/// How to build.
#[derive(Debug, Default, Clone)]
pub struct BuildOptions {
    /// Sentences per article summary (0 = the default, 4).
    pub summary_sentences: usize,
}

/// A build's result: the knowledge and the warnings met on the way.
#[derive(Debug)]
pub struct Built {
    /// The knowledge.
    pub knowledge: Knowledge,
    /// Warnings, each naming its file and line.
    pub warnings: Vec<String>,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The folder is missing.
    #[error("articles folder {0} does not exist; create it and put article .md files in it (see README)")]
    MissingFolder(PathBuf),
    /// Nothing to build from.
    #[error(
        "articles folder {0} has no .md articles and no .txt articles; add at least one (see README for the format)"
    )]
    EmptyFolder(PathBuf),
    /// A file could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// One or more articles are bad.
    #[error("{}", .0.join("\n"))]
    Articles(Vec<String>),
    /// Two files give the same id.
    #[error("two articles have the id {id:?}: {first} and {second}; rename one of them")]
    DuplicateId {
        /// The id.
        id: String,
        /// First file.
        first: PathBuf,
        /// Second file.
        second: PathBuf,
    },
    /// The built knowledge fails its own checks.
    #[error("the built knowledge fails its checks: {0}")]
    Unsound(String),
}

/// Reads and builds every `.md` and `.txt` article under `dir` (sub-folders included).
pub fn build_dir(dir: &Path, lexicon: &Lexicon, opts: &BuildOptions) -> Result<Built, BuildError> {
    if !dir.is_dir() {
        return Err(BuildError::MissingFolder(dir.to_path_buf()));
    }
    let mut files = Vec::new();
    collect_md(dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(BuildError::EmptyFolder(dir.to_path_buf()));
    }
    // The files are read on every core (at 10,000 articles, reading them one after another
    // held up the start of the build), then taken in order: the first duplicate id or
    // unreadable file in that order is the error, as when they were read one by one.
    let read = crate::par::map(&files, 64, |path| std::fs::read(path));
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut inputs = Vec::new();
    for (path, bytes) in files.into_iter().zip(read) {
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if let Some(first) = seen.get(&id) {
            return Err(BuildError::DuplicateId {
                id,
                first: first.clone(),
                second: path,
            });
        }
        seen.insert(id.clone(), path.clone());
        let bytes = bytes.map_err(|source| BuildError::Read {
            path: path.clone(),
            source,
        })?;
        inputs.push((path.display().to_string(), id, bytes));
    }
    let refs: Vec<(&str, &str, &[u8])> = inputs
        .iter()
        .map(|(f, i, b)| (f.as_str(), i.as_str(), b.as_slice()))
        .collect();
    build_from(&refs, lexicon, opts)
}

fn collect_md(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), BuildError> {
    let entries = std::fs::read_dir(dir).map_err(|source| BuildError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| BuildError::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        // The entry's own type needs no `stat` (10,000 of them at 10,000 articles); a link is
        // followed, as `is_dir` does.
        let is_dir = match entry.file_type() {
            Ok(t) if !t.is_symlink() => t.is_dir(),
            _ => path.is_dir(),
        };
        if is_dir {
            collect_md(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("txt"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// A digest of an article file, to tell when the knowledge file is stale (FNV-1a, 64 bits).
pub fn digest(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// Times the build's phases for `PARLEY_TIMINGS` (a debug line each; nothing when it is off).
struct Clock(std::time::Instant);

impl Clock {
    fn start() -> Self {
        Clock(std::time::Instant::now())
    }

    fn lap(&mut self, phase: &'static str) {
        let elapsed = self.0.elapsed();
        tracing::debug!(target: "parley::timing", phase, ?elapsed, "timing");
        self.0 = std::time::Instant::now();
    }
}

/// Articles whose named sentences are read before the registry takes their people: enough to
/// keep both cores busy, few enough that their tokens take a few megabytes.
const PEOPLE_BLOCK: usize = 256;

/// Builds from `(file name, id, bytes)` triples.
pub fn build_from(
    inputs: &[(&str, &str, &[u8])],
    lexicon: &Lexicon,
    opts: &BuildOptions,
) -> Result<Built, BuildError> {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut digests = Vec::new();
    let mut ids = BTreeSet::new();
    let mut clock = Clock::start();
    // Articles parse independently: in parallel, then checked in input order.
    let parsed = crate::par::map(inputs, 64, |(file, id, bytes)| {
        (
            crate::intake::parse_any(file, id, bytes, &lexicon.language),
            digest(bytes),
        )
    });
    for ((file, id, _), (result, hash)) in inputs.iter().zip(parsed) {
        if !ids.insert(id.to_string()) {
            errors.push(format!(
                "{file}: another article already has the id {id:?}; rename one of them"
            ));
            continue;
        }
        match result {
            Ok(a) => {
                warnings.extend(a.warnings.iter().cloned());
                digests.push(hash);
                articles.push(a);
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    if !errors.is_empty() {
        return Err(BuildError::Articles(errors));
    }
    // Sorted by id in place: a sorted copy would hold every article twice for the whole build.
    let mut sorted: Vec<(Article, String)> = articles.into_iter().zip(digests).collect();
    sorted.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let (articles, digests): (Vec<Article>, Vec<String>) = sorted.into_iter().unzip();

    clock.lap("parse");
    // Pass one: people across the set, then parties the lexicon does not know.
    let base = lexicon.compile();
    let mut registry = Registry::default();
    // Each article's named sentences are read in parallel, a block at a time (a block's tokens
    // are all held at once), the next block while the registry takes the people of this one in
    // article order.
    let blocks: Vec<Vec<&Article>> = articles
        .chunks(PEOPLE_BLOCK)
        .map(|b| b.iter().collect())
        .collect();
    fn read<'a>(block: &[&'a Article], c: &Compiled) -> Vec<NamedSentences<'a>> {
        crate::par::map(block, 16, |&a| named_sentences(a, c))
    }
    std::thread::scope(|scope| {
        let mut next = blocks.first().map(|b| scope.spawn(|| read(b, &base)));
        let mut spent: Option<Vec<NamedSentences>> = None;
        for (k, block) in blocks.iter().enumerate() {
            let named = next
                .take()
                .expect("a block's reading was started")
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            // The thread that reads the next block first frees the block before this one.
            next = blocks.get(k + 1).map(|b| {
                let (spent, base) = (spent.take(), &base);
                scope.spawn(move || {
                    drop(spent);
                    read(b, base)
                })
            });
            for (&a, named) in block.iter().zip(&named) {
                add_people(a, named, &base, &mut registry);
            }
            spent = Some(named);
        }
    });
    clock.lap("people");
    registry.forget_nicknames();
    registry.merge_surnames();
    registry.resolve_affiliations();
    // A single name with no title that the articles also use as a place ("Mirren said", "talks
    // in Mirren") is a city speaking for its government, not a person.
    // The capitalised words of every article are gathered on the same reading, for
    // `with_discovered_parties`.
    let (places, capitals) = place_and_capital_words(&articles, &base);
    registry.places = places;
    let places = registry.places.clone();
    // Likewise a name of several words, each used as a place, with no role or honorific ("talks
    // in Port Severin", "said Port Severin had been chosen").
    let is_place = |p: &crate::extract::PersonDraft| {
        p.roles.is_empty()
            && (p.words.len() == 1 || p.honorific_titles.is_empty())
            && p.words.iter().all(|w| places.contains(w))
    };
    registry.retain(|p| !is_place(p));
    let lexicon = with_discovered_parties(lexicon, &registry, &capitals);
    drop(capitals);
    // Likewise a single name with no title that is a party's name or alias ("Ruvenna said",
    // "Ruvenna accused Tolmira"): the country speaking, not a person.
    let party_words: std::collections::HashSet<String> = lexicon
        .parties
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
        .map(|n| crate::text::normalize(n))
        .collect();
    let is_party = |p: &crate::extract::PersonDraft| {
        p.words.len() == 1 && p.roles.is_empty() && party_words.contains(&p.words[0])
    };
    registry.retain(|p| !is_party(p));
    registry.drop_stray_nicknames(&party_words);
    let is_place = |p: &crate::extract::PersonDraft| is_place(p) || is_party(p);
    link_affiliations(&mut registry, &lexicon);
    let compiled = lexicon.compile();
    clock.lap("places and parties");

    // Pass two: each article's facts.
    let mut all_facts: Vec<ArticleFacts> =
        crate::par::map(&articles, 16, |a| extract(a, &compiled, &registry));
    let new_people: Vec<_> = all_facts
        .iter_mut()
        .flat_map(|f| std::mem::take(&mut f.new_people))
        .collect();
    clock.lap("extract");
    if !new_people.is_empty() {
        // People first met by a single name ("Ostrav said") are read again only in the
        // articles that use that name, so the build stays linear.
        let mut names: Vec<String> = new_people.iter().map(|p| regex::escape(&p.name)).collect();
        for p in new_people.into_iter().filter(|p| !is_place(p)) {
            registry.add(p);
        }
        // A surname met alone folds into the full name met now ("Varga" into "Ines Varga"):
        // the articles that use the surname are read again too.
        let before: Vec<(String, String)> = registry
            .people
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        registry.merge_surnames();
        names.extend(
            before
                .into_iter()
                .filter(|(id, _)| registry.get(id).is_none())
                .map(|(_, name)| regex::escape(&name)),
        );
        let uses_a_name = regex::Regex::new(&format!(r"\b(?:{})\b", names.join("|")))
            .expect("escaped names make a valid pattern");
        let again: Vec<usize> = (0..articles.len())
            .filter(|&i| {
                articles[i]
                    .paragraphs
                    .iter()
                    .any(|p| uses_a_name.is_match(&p.text))
            })
            .collect();
        tracing::debug!(target: "parley::timing", phase = "extract again", articles = again.len(), names = names.len(), "timing");
        let redone = crate::par::map(&again, 16, |&i| extract(&articles[i], &compiled, &registry));
        for (i, mut facts) in again.into_iter().zip(redone) {
            facts.new_people.clear();
            all_facts[i] = facts;
        }
        clock.lap("extract again");
    }

    forget_unregistered_people(&registry, &mut all_facts);
    crate::intake::forget_guessed_dates(&articles, &mut all_facts);
    clock.lap("forget");
    let mut k = Knowledge {
        schema_version: SCHEMA_VERSION,
        lexicon: lexicon.clone(),
        articles: Vec::new(),
        people: Vec::new(),
        sources: Vec::new(),
        quotes: Vec::new(),
        statements: Vec::new(),
        positions: Vec::new(),
        events: Vec::new(),
        numbers: Vec::new(),
        summaries: Summaries::default(),
    };
    // Each article and its facts become knowledge entries on the worker threads (the memory
    // the facts free there is reused for the entries); the main thread only moves them in.
    let triples: Vec<(Article, ArticleFacts, String)> = articles
        .into_iter()
        .zip(all_facts)
        .zip(digests)
        .map(|((a, f), d)| (a, f, d))
        .collect();
    let pieces = crate::par::map_owned(triples, 16, |(a, f, d)| assemble(a, f, d));
    k.articles.reserve_exact(pieces.len());
    let total = |f: fn(&Assembled) -> usize| pieces.iter().map(f).sum::<usize>();
    k.sources.reserve_exact(total(|p| p.facts.sources.len()));
    k.quotes.reserve_exact(total(|p| p.facts.quotes.len()));
    k.statements
        .reserve_exact(total(|p| p.facts.statements.len()));
    k.events.reserve_exact(total(|p| p.facts.events.len()));
    k.numbers.reserve_exact(total(|p| p.facts.numbers.len()));
    k.positions
        .reserve_exact(total(|p| p.facts.positions.len()));
    let mut mentions: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for piece in pieces {
        for (person, sentence) in piece.mentions {
            mentions.entry(person).or_default().push(sentence);
        }
        k.articles.push(piece.entry);
        let facts = piece.facts;
        k.sources.extend(facts.sources);
        k.quotes.extend(facts.quotes);
        k.statements.extend(facts.statements);
        k.events.extend(facts.events);
        k.numbers.extend(facts.numbers);
        k.positions.extend(facts.positions);
    }
    for p in &registry.people {
        let short_forms = if p.words.len() > 1 {
            let name_tokens = tokenize(&p.name);
            name_tokens
                .last()
                .map(|t| vec![t.base(&p.name).to_string()])
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        k.people.push(Person {
            id: p.id.clone(),
            name: p.name.clone(),
            short_forms,
            roles: p.roles.clone(),
            affiliation: p.affiliation.clone(),
            mentions: mentions.remove(&p.id).unwrap_or_default(),
        });
    }
    clock.lap("assemble");
    crate::intake::dedup::mark_same_reports(&mut k);
    clock.lap("same reports");
    let per_article = if opts.summary_sentences == 0 {
        4
    } else {
        opts.summary_sentences
    };
    // Summarised on one core while the facts are checked on the other.
    let (summaries, problems) = k.validate_summarised(|| summarise(&k, per_article));
    k.summaries = summaries;
    clock.lap("summaries and checks");
    if !problems.is_empty() {
        return Err(BuildError::Unsound(
            problems.into_iter().take(5).collect::<Vec<_>>().join("; "),
        ));
    }
    Ok(Built {
        knowledge: k,
        warnings,
    })
}

/// Adds parties for affiliations the lexicon lacks ("Valdorian"), with the country names that
/// share their stem ("Valdoria") as aliases.
/// One article and its facts as knowledge: the article entry with its sentences, the facts
/// (positions without repeats) and who each sentence mentions.
struct Assembled {
    entry: ArticleEntry,
    facts: ArticleFacts,
    mentions: Vec<(String, String)>,
}

fn assemble(a: Article, mut facts: ArticleFacts, digest: String) -> Assembled {
    let mut mentions = Vec::new();
    let mut paragraphs = Vec::with_capacity(a.paragraphs.len());
    let sentences = std::mem::take(&mut facts.sentences);
    for (p, sents) in a.paragraphs.into_iter().zip(sentences) {
        let map = CharMap::new(&p.text);
        let sentences = sents
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let id = sentence_id(&a.id, p.n, i);
                for person in &s.people {
                    mentions.push((person.clone(), id.clone()));
                }
                SentenceEntry {
                    id,
                    start: map.char_of(s.span.0),
                    end: map.char_of(s.span.1),
                    parties: s.parties,
                    topics: s.topics,
                    people: s.people,
                    same_report: Vec::new(),
                }
            })
            .collect();
        paragraphs.push(ParagraphEntry {
            n: p.n,
            section: p.section,
            text: p.text,
            sentences,
        });
    }
    let mut seen = BTreeSet::new();
    facts.positions.retain(|p| {
        seen.insert((
            p.party.clone(),
            p.topic.clone(),
            p.kind as u8,
            p.sentence.clone(),
        ))
    });
    Assembled {
        entry: ArticleEntry {
            id: a.id,
            title: a.title,
            source: a.source,
            published: a.published.map_or_else(
                || crate::knowledge::DATE_UNKNOWN.to_string(),
                |d| d.format("%Y-%m-%d").to_string(),
            ),
            url: a.url,
            tag: a.tag,
            digest,
            paragraphs,
        },
        facts,
        mentions,
    }
}

/// [`crate::extract::place_words`] of every article, on all cores, with the capitalised words
/// (not all capitals, without a possessive) the articles use.
fn place_and_capital_words<'a>(
    articles: &'a [Article],
    c: &Compiled,
) -> (
    std::collections::HashSet<String>,
    std::collections::HashSet<&'a str>,
) {
    let runs: Vec<&[Article]> = articles.chunks(64).collect();
    let parts = crate::par::map(&runs, 4, |run| {
        let mut capitals = std::collections::HashSet::new();
        let places = crate::extract::place_words(run, c, &mut capitals);
        (places, capitals)
    });
    let (mut places, mut capitals) = (
        std::collections::HashSet::new(),
        std::collections::HashSet::new(),
    );
    for (p, caps) in parts {
        places.extend(p);
        capitals.extend(caps);
    }
    (places, capitals)
}

/// `capitals`: the capitalised words of the articles ([`place_and_capital_words`]).
fn with_discovered_parties(
    lexicon: &Lexicon,
    registry: &Registry,
    capitals: &std::collections::HashSet<&str>,
) -> Lexicon {
    let mut lex = lexicon.clone();
    let known: BTreeSet<String> = lex.parties.iter().map(|p| p.id.clone()).collect();
    let mut names: BTreeSet<String> = BTreeSet::new();
    // A possessive that made no affiliation ("Belmora's chief negotiator" when a one-word
    // "Belmora" was also read as a name) may still be a country: it is one when the articles
    // also use its demonym ("Belmoran"), below.
    let mut possessives: BTreeSet<&str> = BTreeSet::new();
    for p in &registry.people {
        if let Some(a) = &p.affiliation {
            if !known.contains(a) {
                names.insert(a.clone());
            }
        } else if let Some(via) = &p.affiliation_via {
            if !known.contains(&slug(via)) {
                possessives.insert(via);
            }
        }
    }
    if names.is_empty() && possessives.is_empty() {
        return lex;
    }
    let capitals: BTreeSet<String> = capitals.iter().map(|c| c.to_string()).collect();
    for via in possessives {
        if capitals
            .iter()
            .any(|cap| cap != via && related_forms(cap, via))
        {
            names.insert(via.to_string());
        }
    }
    let mut added: Vec<Party> = Vec::new();
    for name in names {
        let mut aliases = vec![name.clone()];
        for cap in &capitals {
            if cap != &name && related_forms(cap, &name) {
                aliases.push(cap.clone());
            }
        }
        if let Some(existing) = added
            .iter_mut()
            .find(|p| p.aliases.iter().any(|a| aliases.contains(a)))
        {
            for a in aliases {
                if !existing.aliases.contains(&a) {
                    existing.aliases.push(a);
                }
            }
            continue;
        }
        added.push(Party {
            id: slug(&name),
            name: name.clone(),
            aliases,
        });
    }
    lex.parties.extend(added);
    lex
}

/// Affiliations written as words ("Orthenian", "Valdoria’s") become party ids.
fn link_affiliations(registry: &mut Registry, lexicon: &Lexicon) {
    let find = |word: &str| {
        let w = crate::text::normalize(word);
        lexicon
            .parties
            .iter()
            .find(|p| p.id == w || p.aliases.iter().any(|a| crate::text::normalize(a) == w))
            .map(|p| p.id.clone())
    };
    for p in &mut registry.people {
        match (&p.affiliation, &p.affiliation_via) {
            (Some(a), _) if !lexicon.parties.iter().any(|x| &x.id == a) => {
                if let Some(id) = find(a) {
                    p.affiliation = Some(id);
                }
            }
            (None, Some(via)) => {
                if let Some(id) = find(via) {
                    p.affiliation = Some(id);
                }
            }
            _ => {}
        }
    }
}

/// "Valdoria" and "Valdorian", "Ukraine" and "Ukrainian": one is the other's demonym.
fn related_forms(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 5 && common + 2 >= shorter && a.chars().count().abs_diff(b.chars().count()) <= 3
}

/// Extractive summaries: for each article its most informative sentences in reading order, for
/// the whole set the best of each article (newest first), for each topic its best sentences.
fn summarise(k: &Knowledge, per_article: usize) -> Summaries {
    // Only asked whether it holds a sentence: a hash set (a sorted set of 150,000 ids at 10,000
    // articles spent its time comparing them).
    let mut reported: rustc_hash::FxHashSet<&str> = Default::default();
    for s in &k.statements {
        reported.insert(&s.sentence);
    }
    for q in &k.quotes {
        if q.speaker != crate::knowledge::Speaker::Unattributed {
            reported.insert(&q.sentence);
        }
    }
    let mut summaries = Summaries::default();
    // (published, article id, its best sentences as (score, position, sentence id)).
    // Borrowed from the knowledge: at thousands of articles, copies of every id would cost
    // more than the summaries themselves.
    type Scored<'k> = (&'k str, &'k str, Vec<(f64, usize, &'k str)>);
    let mut scored_by_article: Vec<Scored> = Vec::new();
    let mut by_topic: BTreeMap<&str, Vec<(f64, &str, usize, &str)>> = BTreeMap::new();
    for a in &k.articles {
        let mut scored = Vec::new();
        let mut pos = 0usize;
        for p in &a.paragraphs {
            for s in &p.sentences {
                let len = s.end.saturating_sub(s.start);
                let mut score = s.topics.len() as f64
                    + 0.5 * s.parties.len() as f64
                    + 0.5 * s.people.len().min(2) as f64;
                if reported.contains(s.id.as_str()) {
                    score += 1.0;
                }
                score += 2.0 / (p.n as f64);
                if !(40..=400).contains(&len) {
                    score -= 2.0;
                }
                scored.push((score, pos, s.id.as_str()));
                for t in &s.topics {
                    by_topic.entry(t.as_str()).or_default().push((
                        score,
                        a.published.as_str(),
                        pos,
                        s.id.as_str(),
                    ));
                }
                pos += 1;
            }
        }
        let mut best = scored;
        best.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        best.truncate(per_article);
        best.sort_by_key(|x| x.1);
        summaries
            .articles
            .insert(a.id.clone(), best.iter().map(|x| x.2.to_string()).collect());
        scored_by_article.push((a.published.as_str(), a.id.as_str(), best));
    }
    scored_by_article.sort_by(|x, y| y.0.cmp(x.0).then(x.1.cmp(y.1)));
    let take = if scored_by_article.len() == 1 {
        per_article
    } else {
        2
    };
    for (_, _, best) in scored_by_article.iter().take(8) {
        let mut top = best.clone();
        top.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        top.truncate(take);
        top.sort_by_key(|x| x.1);
        summaries
            .all
            .extend(top.into_iter().map(|x| x.2.to_string()));
    }
    for (topic, mut list) in by_topic {
        list.sort_by(|x, y| y.0.total_cmp(&x.0).then(y.1.cmp(x.1)).then(x.2.cmp(&y.2)));
        list.truncate(4);
        list.sort_by(|x, y| x.1.cmp(y.1).then(x.2.cmp(&y.2)));
        summaries.topics.insert(
            topic.to_string(),
            list.into_iter().map(|x| x.3.to_string()).collect(),
        );
    }
    summaries
}

/// A speaker or person the registry does not hold (a single name the registry turned down after
/// the facts naming it were read) is forgotten: its quotes and statements become unattributed,
/// with the reason, rather than point at no one. An unattributed quote is fine; a knowledge file
/// that fails its own checks is not.
fn forget_unregistered_people(registry: &Registry, all_facts: &mut [ArticleFacts]) {
    use crate::knowledge::Speaker;
    let known = |id: &str| registry.get(id).is_some();
    let reason = || Some("the name was not kept as a person".to_string());
    for facts in all_facts.iter_mut() {
        for q in &mut facts.quotes {
            if matches!(&q.speaker, Speaker::Person(id) if !known(id)) {
                q.speaker = Speaker::Unattributed;
                q.reason = reason();
            }
        }
        for st in &mut facts.statements {
            if matches!(&st.speaker, Speaker::Person(id) if !known(id)) {
                st.speaker = Speaker::Unattributed;
            }
        }
        for src in &mut facts.sources {
            if src.on_behalf_of.as_deref().is_some_and(|id| !known(id)) {
                src.on_behalf_of = None;
            }
        }
        for para in &mut facts.sentences {
            for sf in para.iter_mut() {
                sf.people.retain(|id| known(id));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// A single name with no title that is a party's name ("Ostria said", once "the Ostria
    /// foreign ministry spokeswoman" has made Ostria a party) is the country speaking, not a
    /// person.
    /// A country read as a one-word name ("when Belmora declared") still makes a party of the
    /// possessive in a role ("Belmora's chief negotiator") when the articles also use its
    /// demonym ("Belmoran"); without the demonym a possessive stays no party.
    #[test]
    fn a_possessive_with_a_demonym_in_the_articles_is_a_party() {
        let affiliation = |text: &str| {
            let e = crate::engine::intents_engine_from(&[("gulf", "2027-05-03", text)]);
            let k = e.knowledge();
            let p = k
                .people
                .iter()
                .find(|p| p.name == "Joaquim Serrano")
                .unwrap();
            (
                p.affiliation.clone(),
                k.lexicon.parties.iter().any(|p| p.id == "belmora"),
            )
        };
        let serrano = "Joaquim Serrano, Belmora's chief negotiator, said the timing was \
                       \"unfortunate but not chosen\".";
        let with_demonym = format!(
            "The boats from the Belmoran side left in 2011, when Belmora declared an exclusive \
             zone.\n\n{serrano}"
        );
        assert_eq!(affiliation(&with_demonym), (Some("belmora".into()), true));
        let without = format!("The boats left in 2011, when Belmora declared a zone.\n\n{serrano}");
        assert!(!affiliation(&without).1);
    }

    #[test]
    fn a_party_speaking_by_its_name_is_not_a_person() {
        let e = crate::engine::intents_engine_from(&[(
            "talks",
            "2026-03-20",
            "Marta Lind, the Ostria foreign ministry spokeswoman, said the talks were useful.\n\n\
             Ostria said on Monday that it wanted a truce. Ostria accused Velmar of delay.",
        )]);
        let people: Vec<&str> = e
            .knowledge()
            .people
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert!(people.contains(&"Marta Lind"), "{people:?}");
        assert!(!people.contains(&"Ostria"), "{people:?}");
    }
}
