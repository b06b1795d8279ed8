//! Multi-word aliases of parties and topics, matched greedily (longest first) over tokens.
//!
//! Owns the [`AliasTable`] and its lookups. It must not hold any alias: those are the
//! lexicon's data.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::text::{stem, tokenize, Token};

/// Where an alias matched: the entity's index and the token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasHit {
    /// Index into the lexicon's parties or topics.
    pub entity: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// A table of multi-word aliases, matched greedily (longest first) over token sequences.
#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    map: HashMap<Vec<String>, (usize, bool)>,
    /// The first word of every alias: most words start none, and need one lookup, not `max_len`.
    first: HashSet<String>,
    /// A bit per [`first_bit`] of every first word: a word whose bit is clear starts no alias,
    /// which rules out most words without hashing them.
    first_bits: Vec<u64>,
    max_len: usize,
    stems: bool,
}

/// A word's bit in [`AliasTable`]'s filter, from its first and last bytes and its length.
fn first_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let (first, last) = match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => (f as u32, l as u32),
        _ => (0, 0),
    };
    let x = first | (last << 8) | ((b.len() as u32 & 0xff) << 16);
    (x.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl AliasTable {
    /// Builds a table; with `stems`, words are compared by stem (topics), else by lowercase form.
    pub fn new<'a>(entries: impl IntoIterator<Item = (usize, &'a str)>, stems: bool) -> AliasTable {
        let mut table = AliasTable {
            stems,
            ..AliasTable::default()
        };
        for (entity, alias) in entries {
            let tokens = tokenize(alias);
            if tokens.is_empty() {
                continue;
            }
            // Short all-capital aliases ("US", "EU") only match in capitals, so "us" stays a pronoun.
            let caps = tokens.len() == 1
                && tokens[0].all_caps
                && alias.chars().filter(|c| c.is_alphabetic()).count() <= 4;
            let key: Vec<String> = tokens.iter().map(|t| table.key(&t.norm)).collect();
            table.max_len = table.max_len.max(key.len());
            if table.first_bits.is_empty() {
                table.first_bits = vec![0; 64];
            }
            let bit = first_bit(&key[0]);
            table.first_bits[bit / 64] |= 1 << (bit % 64);
            table.first.insert(key[0].clone());
            // The same words written both ways ("NATO" and "Nato") match in any case.
            table
                .map
                .entry(key)
                .and_modify(|e| e.1 &= caps || e.0 != entity)
                .or_insert((entity, caps));
        }
        table
    }

    /// True when `key` is the first word of some alias.
    fn starts(&self, key: &str) -> bool {
        let bit = first_bit(key);
        self.first_bits
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
            && self.first.contains(key)
    }

    fn key(&self, norm: &str) -> String {
        if self.stems {
            stem(norm)
        } else {
            norm.to_string()
        }
    }

    /// Every alias occurrence, left to right, longest first, not overlapping.
    pub fn find(&self, tokens: &[Token]) -> Vec<AliasHit> {
        if self.stems {
            let keys: Vec<String> = tokens.iter().map(|t| self.key(&t.norm)).collect();
            return self.find_keys(tokens, &keys);
        }
        // Keyed by lowercase form, the tokens' own: most words start no alias, so the keys are
        // copied only where one may start (the builder runs this on every sentence, for
        // several tables).
        let mut hits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !self.starts(&tokens[i].norm) {
                i += 1;
                continue;
            }
            let longest = self.max_len.min(tokens.len() - i);
            let keys: Vec<String> = tokens[i..i + longest]
                .iter()
                .map(|t| t.norm.clone())
                .collect();
            match self.longest_at(tokens, &keys, i) {
                Some(hit) => {
                    hits.push(hit);
                    i = hit.end;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The longest alias starting at token `at`, whose keys from there on are `keys`.
    fn longest_at(&self, tokens: &[Token], keys: &[String], at: usize) -> Option<AliasHit> {
        for len in (1..=keys.len()).rev() {
            if let Some(&(entity, caps)) = self.map.get(&keys[..len]) {
                if caps && !tokens[at].all_caps {
                    continue;
                }
                return Some(AliasHit {
                    entity,
                    start: at,
                    end: at + len,
                });
            }
        }
        None
    }

    /// Like [`AliasTable::find`], with the keys (stems or norms) already computed.
    pub fn find_keys(&self, tokens: &[Token], keys: &[String]) -> Vec<AliasHit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !self.starts(&keys[i]) {
                i += 1;
                continue;
            }
            let longest = self.max_len.min(tokens.len() - i);
            match self.longest_at(tokens, &keys[i..i + longest], i) {
                Some(hit) => {
                    hits.push(hit);
                    i = hit.end;
                }
                None => i += 1,
            }
        }
        hits
    }
}
