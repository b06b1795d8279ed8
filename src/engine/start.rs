//! Start-up: knowledge -> the engine's tables and index ([`Engine::new`]). Owns how each table
//! is computed from the knowledge; must not answer. Tables read back from a snapshot are checked
//! in `restore.rs` instead.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rustc_hash::FxHashMap;

use super::tables::{SentIds, SentRec, SentenceCues, Vocab};
use super::understand::name_list;
use super::{Engine, EngineSettings, FactRef, Held, NO_TOPIC};
use crate::index::Index;
use crate::intent::IntentMatcher;
use crate::knowledge::{Knowledge, PositionKind, Speaker};
use crate::text::{stem, tokenize};

impl Engine {
    /// Makes an engine from knowledge, compiling its indexes once.
    pub fn new(mut knowledge: Knowledge, settings: EngineSettings) -> Engine {
        let t_new = std::time::Instant::now();
        crate::english::warm_in_background();
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
        let cues = sentence_cues(&knowledge.lexicon.language, &lex.cause_cue_stems_asked_only);
        // Where each sentence stands, with its parties, topics and people (cheap, in order).
        // The engine keeps those as numbers here; the knowledge's own lists of names are
        // emptied, as nothing reads them after this and a large corpus has a million of them.
        for (ai, a) in knowledge.articles.iter_mut().enumerate() {
            for (pi, p) in a.paragraphs.iter_mut().enumerate() {
                // Character offsets to byte offsets; in ASCII text they are the same.
                let len = p.text.len();
                let map: Vec<usize> = if p.text.is_ascii() {
                    Vec::new()
                } else {
                    p.text
                        .char_indices()
                        .map(|(i, _)| i)
                        .chain(std::iter::once(len))
                        .collect()
                };
                let byte = |c: u32, past: usize| match (map.is_empty(), c as usize) {
                    (true, c) if c <= len => c,
                    (true, _) => past,
                    (false, c) => map.get(c).copied().unwrap_or(past),
                };
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
                        start: byte(s.start, 0),
                        end: byte(s.end, len),
                        parties: numbers(std::mem::take(&mut s.parties), &party_index),
                        topics: numbers(std::mem::take(&mut s.topics), &topic_index),
                        people: numbers(std::mem::take(&mut s.people), &person_index),
                    });
                }
            }
        }
        // Each fact's sentence as an index, looked up once and on every core: hundreds of
        // thousands of ids at 10,000 articles, several of the loops below need them, and the
        // engine keeps those of quotes, statements and events.
        let sent_of = |id: &String| sent_by_id.get(id);
        let quote_sent: Vec<Option<usize>> =
            crate::par::map(&knowledge.quotes, 4096, |q| sent_of(&q.sentence));
        let statement_sent: Vec<Option<usize>> =
            crate::par::map(&knowledge.statements, 4096, |st| sent_of(&st.sentence));
        let event_sent: Vec<Option<usize>> =
            crate::par::map(&knowledge.events, 4096, |e| sent_of(&e.sentence));
        let number_sent: Vec<Option<usize>> =
            crate::par::map(&knowledge.numbers, 4096, |n| sent_of(&n.sentence));
        let position_sent: Vec<Option<usize>> =
            crate::par::map(&knowledge.positions, 4096, |p| sent_of(&p.sentence));
        // Positions are the largest section of a big knowledge file, and the engine needs them
        // only as (topic, sentence, stance) by holder: it keeps those and frees the list. A
        // position on no topic of the lexicon has topic `NO_TOPIC`.
        let mut positions_by_party: HashMap<String, Vec<Held>> = HashMap::default();
        let mut seen_positions: HashSet<(&str, u32, u32)> = HashSet::default();
        let mut proposal_sents = HashSet::default();
        for (pos, &s) in knowledge.positions.iter().zip(&position_sent) {
            let Some(s) = s else {
                continue;
            };
            let t = if pos.topic.is_empty() {
                NO_TOPIC
            } else {
                match topic_index.get(pos.topic.as_str()) {
                    Some(&t) => t as u32,
                    None => continue,
                }
            };
            if pos.kind == PositionKind::Proposal {
                proposal_sents.insert(s);
            }
            if seen_positions.insert((pos.party.as_str(), t, s as u32)) {
                let held = Held {
                    topic: t,
                    sentence: s as u32,
                    stance: pos.stance,
                };
                // The party's name is copied once, not for each of its positions.
                match positions_by_party.get_mut(pos.party.as_str()) {
                    Some(list) => list.push(held),
                    None => {
                        positions_by_party.insert(pos.party.clone(), vec![held]);
                    }
                }
            }
        }
        drop(seen_positions);
        drop(position_sent);
        knowledge.positions = Vec::new();
        // Tokenising and stemming every sentence is most of the start-up: it runs on every
        // core, each worker with its own stem cache and vocabulary, merged afterwards.
        let t_tokens = std::time::Instant::now();
        let parts = crate::par::map_with(&sents, 2048, Vocab::default, |v, r| {
            let text = &knowledge.articles[r.article].paragraphs[r.para].text[r.start..r.end];
            v.sentence_terms(text, &lex.stopwords, &lex.pair_stopwords, &cues)
        });
        let mut vocab: Vec<String> = Vec::new();
        let mut global: FxHashMap<String, u32> = FxHashMap::default();
        let mut norms: rustc_hash::FxHashSet<String> = Default::default();
        let mut cause_sents = HashSet::default();
        let mut place_sents = HashSet::default();
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
            for (mut terms, words, marks) in results {
                if marks.cause {
                    cause_sents.insert(docs.len());
                }
                if marks.place {
                    place_sents.insert(docs.len());
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
        for (q, &s) in knowledge.quotes.iter().zip(&quote_sent) {
            if let (Speaker::Person(id), Some(s)) = (&q.speaker, s) {
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
        // The index is built on one core while the tables of what each sentence holds are
        // made on the other.
        let t_index = std::time::Instant::now();
        let (index, held) = crate::par::join(
            move || {
                let index = Index::from_ids(vocab, &docs);
                drop(docs);
                tracing::debug!(target: "parley::timing", phase = "index", elapsed = ?t_index.elapsed(), "timing");
                index
            },
            || {
                by_sentence(
                    &statement_sent,
                    &event_sent,
                    &number_sent,
                    &sents,
                    knowledge.people.len(),
                )
            },
        );
        let BySentence {
            statements: statement_by_sent,
            events: events_by_sent,
            numbers: numbers_by_sent,
            people: person_sents,
        } = held;
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
        let filler = lex.filler.clone();
        let mut by_speaker: HashMap<Speaker, Vec<FactRef>> = HashMap::default();
        // Each speaker is copied once, not for each of their quotes and statements.
        let mut add = |speaker: &Speaker, fact: FactRef| match by_speaker.get_mut(speaker) {
            Some(list) => list.push(fact),
            None => {
                by_speaker.insert(speaker.clone(), vec![fact]);
            }
        };
        for (i, q) in knowledge.quotes.iter().enumerate() {
            add(&q.speaker, FactRef::Quote(i));
        }
        for (i, st) in knowledge.statements.iter().enumerate() {
            add(&st.speaker, FactRef::Statement(i));
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
        let title_stems: Vec<Vec<String>> = crate::par::map(&knowledge.articles, 256, |a| {
            tokenize(&a.title)
                .iter()
                .filter(|t| !lex.stopwords.contains(&t.norm))
                .map(|t| stem(&t.norm))
                .collect()
        });
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
        let source_stems: Vec<HashSet<String>> = crate::par::map(&knowledge.sources, 256, |s| {
            tokenize(&s.description)
                .iter()
                .filter(|t| !lex.stopwords.contains(&t.norm))
                .map(|t| stem(&t.norm))
                .collect()
        });
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
            .chain(lex.title_abbreviations.iter().cloned())
            .collect();
        // Parties as small numbers: a large corpus has a speaker in every other sentence.
        let mut speaker_parties: HashMap<u32, Vec<u32>> = HashMap::default();
        let mut speaker_party_names: Vec<String> = Vec::new();
        let mut party_numbers: HashMap<String, u32> = HashMap::default();
        let spoken = knowledge
            .quotes
            .iter()
            .zip(&quote_sent)
            .map(|(q, &s)| (s, &q.speaker))
            .chain(
                knowledge
                    .statements
                    .iter()
                    .zip(&statement_sent)
                    .map(|(st, &s)| (s, &st.speaker)),
            );
        for (s, sp) in spoken {
            if let (Some(s), Some(party)) = (s, party_of(sp)) {
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
        for (i, &s) in quote_sent.iter().enumerate() {
            if let Some(s) = s {
                quotes_in_sent.entry(s).or_default().push(i);
            }
        }
        tracing::debug!(target: "parley::timing", phase = "engine", elapsed = ?t_new.elapsed(), "timing");
        // The facts' sentence ids are not read again (each fact's index is kept above), and a
        // large corpus has hundreds of thousands of them.
        drop(number_sent);
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
            place_sents,
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
}

/// What each sentence holds: its first statement, its events and numbers (by index, in order),
/// and per person the sentences naming them.
struct BySentence {
    statements: HashMap<usize, usize>,
    events: HashMap<usize, Vec<usize>>,
    numbers: HashMap<usize, Vec<usize>>,
    people: Vec<Vec<usize>>,
}

fn by_sentence(
    statement_sent: &[Option<usize>],
    event_sent: &[Option<usize>],
    number_sent: &[Option<usize>],
    sents: &[SentRec],
    people: usize,
) -> BySentence {
    let mut statements = HashMap::default();
    for (i, &s) in statement_sent.iter().enumerate() {
        if let Some(s) = s {
            statements.entry(s).or_insert(i);
        }
    }
    let mut events: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, &s) in event_sent.iter().enumerate() {
        if let Some(s) = s {
            events.entry(s).or_default().push(i);
        }
    }
    let mut numbers: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, &s) in number_sent.iter().enumerate() {
        if let Some(s) = s {
            numbers.entry(s).or_default().push(i);
        }
    }
    let mut by_person: Vec<Vec<usize>> = vec![Vec::new(); people];
    for (i, r) in sents.iter().enumerate() {
        for &p in &r.people {
            by_person[p].push(i);
        }
    }
    BySentence {
        statements,
        events,
        numbers,
        people: by_person,
    }
}

/// The cues that mark a sentence as giving a cause or a place (`config/language.toml`): the
/// cause cues by stem, one word or several in order ("due to" counts only as a whole), less
/// those that only ask about a cause; the place prepositions; weekdays and months, which are
/// never places.
pub(crate) fn sentence_cues(
    language: &crate::lexicon::Language,
    asked_only: &HashSet<String>,
) -> SentenceCues {
    let mut cues = SentenceCues::default();
    for cue in &language.cause_cues {
        let stems: Vec<String> = tokenize(cue).into_iter().map(|t| stem(&t.norm)).collect();
        match stems.len() {
            0 => {}
            1 if asked_only.contains(&stems[0]) => {}
            1 => {
                cues.cause_words.insert(stems[0].clone());
            }
            _ => cues.cause_phrases.push(stems),
        }
    }
    cues.place_prepositions = language
        .place_phrase_prepositions
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    cues.not_places = language
        .weekdays
        .iter()
        .chain(&language.months)
        .map(|w| w.to_lowercase())
        .collect();
    cues
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
