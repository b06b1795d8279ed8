//! The sentences of a paragraph as the extractors read them, and the small shared pieces they
//! all use: token masks of titles and parties, citations, and whether two tokens stand side by
//! side.
//!
//! Owns [`Sent`] and what it works out once per sentence (the paragraph's quotations, party
//! aliases, titles). It must not read any fact (people, quotes, speakers) out of a sentence.

use std::cell::OnceCell;
use std::sync::{Arc, OnceLock};

use crate::knowledge::Cite;
use crate::lexicon::{AliasHit, Compiled};
use crate::text::{split_sentences, tokenize, CharMap, Token};

use super::quotes::{find_quotes, QuoteSpan};
use super::registry::title_before;

pub(super) struct Sent<'a> {
    pub(super) hay: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) tokens: Vec<Token>,
    /// What the extractors ask of a sentence many times over, worked out on first use: the
    /// paragraph's quotations (shared by its sentences), the party aliases and the titles.
    pub(super) quotes: Arc<OnceLock<Vec<QuoteSpan>>>,
    pub(super) party_hits: OnceCell<Vec<AliasHit>>,
    pub(super) parties: OnceCell<Vec<Option<usize>>>,
    pub(super) titles: OnceCell<Vec<bool>>,
}
impl Sent<'_> {
    /// The quotations of the whole paragraph ([`find_quotes`] over `hay`).
    pub(super) fn quotes(&self) -> &[QuoteSpan] {
        self.quotes.get_or_init(|| find_quotes(self.hay))
    }

    /// The party aliases among the tokens (`c.parties.find`).
    pub(super) fn party_hits(&self, c: &Compiled) -> &[AliasHit] {
        self.party_hits.get_or_init(|| c.parties.find(&self.tokens))
    }

    /// [`party_mask`] of the whole sentence.
    pub(super) fn parties(&self, c: &Compiled) -> &[Option<usize>] {
        self.parties
            .get_or_init(|| mask_of_parties(self.tokens.len(), self.party_hits(c)))
    }

    /// [`title_mask`] of the whole sentence.
    pub(super) fn titles(&self, c: &Compiled) -> &[bool] {
        self.titles.get_or_init(|| title_mask(&self.tokens, c))
    }
}
pub(super) fn sentences_of<'a>(text: &'a str, c: &Compiled) -> Vec<Sent<'a>> {
    let quotes = Arc::new(OnceLock::new());
    split_sentences(text, &c.abbreviations)
        .into_iter()
        .map(|(s, e)| {
            let tokens = tokenize(&text[s..e])
                .into_iter()
                .map(|mut t| {
                    t.start += s;
                    t.end += s;
                    t
                })
                .collect();
            Sent {
                hay: text,
                start: s,
                end: e,
                tokens,
                quotes: Arc::clone(&quotes),
                party_hits: OnceCell::new(),
                parties: OnceCell::new(),
                titles: OnceCell::new(),
            }
        })
        .collect()
}
/// True when the one-word name at token `i` stands alone: no capitalised word right before it
/// (a given name: "Erik Korsgaard") and no title before it ("Dr Korsgaard").
pub(super) fn surname_alone(s: &Sent, i: usize, c: &Compiled) -> bool {
    !(i > 0 && s.tokens[i - 1].capital && adjacent(s.hay, s.tokens[i - 1].end, s.tokens[i].start))
        && title_before(s, i, c).is_empty()
}
/// True when only spaces stand between two byte offsets.
pub(super) fn adjacent(hay: &str, a: usize, b: usize) -> bool {
    a <= b && hay[a..b].chars().all(|c| c.is_whitespace())
}
pub(super) fn title_mask(tokens: &[Token], c: &Compiled) -> Vec<bool> {
    let mut mask = vec![false; tokens.len()];
    for hit in c.titles.find(tokens) {
        for m in &mut mask[hit.start..hit.end] {
            *m = true;
        }
    }
    mask
}
pub(super) fn party_mask(tokens: &[Token], c: &Compiled) -> Vec<Option<usize>> {
    mask_of_parties(tokens.len(), &c.parties.find(tokens))
}
pub(super) fn mask_of_parties(len: usize, hits: &[AliasHit]) -> Vec<Option<usize>> {
    let mut mask = vec![None; len];
    for hit in hits {
        for m in &mut mask[hit.start..hit.end] {
            *m = Some(hit.entity);
        }
    }
    mask
}
pub(super) fn cite(article: &str, paragraph: u32, map: &CharMap, start: usize, end: usize) -> Cite {
    Cite {
        article: article.to_string(),
        paragraph,
        start: map.char_of(start),
        end: map.char_of(end),
    }
}
pub(super) fn adjacent_or_soft(hay: &str, a: usize, b: usize) -> bool {
    a <= b && hay[a..b].chars().all(|c| c.is_whitespace() || c == '-')
}
