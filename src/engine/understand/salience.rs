//! How much a question word says about what is asked, from general English (see
//! [`crate::english`]): a common word that is not a noun says how the question is put, a noun or
//! a rare word names its subject. Owns that judgement and the weights of WordNet relatives; must
//! not look at sentences.

use crate::english::english;

/// Zipf frequency at or above which a word counts as ordinary English (about once in a million
/// words): not a misspelling to correct, not a name.
pub(crate) const COMMON_ZIPF: f32 = 3.0;
/// What a common noun the sources never use weighs in coverage, as a share of the rarest word's.
pub(crate) const ABSENT_COMMON_NOUN: f32 = 1.0;
/// Query weight of a WordNet derived form of a question word ("cancellation" for "cancel").
pub(crate) const RELATED_DERIVED: f32 = 0.5;
/// Query weight of a WordNet synonym of a question word.
pub(crate) const RELATED_SYNONYM: f32 = 0.4;

/// How much a word the sources never use says about what a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Salience {
    /// Common English, not a noun: how the question is put ("considered", "even").
    Generic,
    /// A common noun: a subject, but an everyday one ("oil", "weather").
    CommonNoun,
    /// A rare word, a name, or a word English does not know: a subject.
    Rare,
}

/// The salience of a word (lowercase) the sources never use.
pub(crate) fn absent_weight(word: &str) -> Salience {
    let e = english();
    if e.is_generic(word, COMMON_ZIPF) {
        Salience::Generic
    } else if e.is_common(word, COMMON_ZIPF) {
        Salience::CommonNoun
    } else {
        Salience::Rare
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_words_nouns_and_rare_words_are_told_apart() {
        assert_eq!(absent_weight("considered"), Salience::Generic);
        assert_eq!(absent_weight("even"), Salience::Generic);
        assert_eq!(absent_weight("oil"), Salience::CommonNoun);
        assert_eq!(absent_weight("referendum"), Salience::CommonNoun);
        assert_eq!(absent_weight("kestravia"), Salience::Rare);
    }
}
