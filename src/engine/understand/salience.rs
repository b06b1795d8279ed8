//! How much a question word says about what is asked, from general English (see
//! [`crate::english`]): a common word that is not a noun says how the question is put, a noun or
//! a rare word names its subject. Owns that judgement and the weights of WordNet relatives; must
//! not look at sentences.

use crate::english::english;

/// How much a word the sources never use says about what a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Salience {
    /// Common English, not a noun: how the question is put ("considered", "even").
    Generic,
    /// A common noun of a class that frames a question rather than naming its subject
    /// ("purpose", "view", "part": WordNet's cognition, feeling, relation... as
    /// `framing_noun_classes` in `config/language.toml` lists them).
    FramingNoun,
    /// A common noun: a subject, but an everyday one ("oil", "weather").
    CommonNoun,
    /// A rare word, a name, or a word English does not know: a subject.
    Rare,
}

/// The salience of a word (lowercase) the sources never use; `common_zipf` is the Zipf
/// frequency at or above which a word counts as ordinary English (`[terms]` in engine.toml).
pub(crate) fn absent_weight(word: &str, common_zipf: f32, framing: &[String]) -> Salience {
    let e = english();
    if e.is_generic(word, common_zipf) {
        Salience::Generic
    } else if e.is_common(word, common_zipf) {
        if e.noun_class(word)
            .is_some_and(|c| framing.iter().any(|f| f == c))
        {
            Salience::FramingNoun
        } else {
            Salience::CommonNoun
        }
    } else {
        Salience::Rare
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_words_nouns_and_rare_words_are_told_apart() {
        assert_eq!(absent_weight("considered", 3.0, &[]), Salience::Generic);
        assert_eq!(absent_weight("even", 3.0, &[]), Salience::Generic);
        assert_eq!(absent_weight("oil", 3.0, &[]), Salience::CommonNoun);
        assert_eq!(absent_weight("referendum", 3.0, &[]), Salience::CommonNoun);
        assert_eq!(absent_weight("kestravia", 3.0, &[]), Salience::Rare);
        let framing = ["cognition".to_string()];
        assert_eq!(
            absent_weight("purpose", 3.0, &framing),
            Salience::FramingNoun
        );
        assert_eq!(absent_weight("oil", 3.0, &framing), Salience::CommonNoun);
    }
}
