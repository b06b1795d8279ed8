//! Chat's mistypes, mended before a question is understood: a possessive typed without its
//! apostrophe, a dropped final g, a typo of a common English word. A word is mended only when
//! the sources never use it as typed; anything else is kept.
//!
//! Runs between cleaning ([`super::clean`]) and understanding ([`super::understand`]). It must
//! not match people or terms itself: a misspelt name is the people matcher's, a word the
//! sources use is the terms'.

use super::Engine;

impl Engine {
    /// Three ways chat mistypes a word, mended: a possessive typed without its apostrophe
    /// ("tolmiras team", "fenns deputy") is read as one when the sources never use the word and
    /// it is a name of theirs (a party's or a person's one-word name) and "s"; a dropped g
    /// ("headin", "sayin") is put back when English knows the word only with it; and a typo of
    /// a common English word is read as that word (see [`Engine::typo_of`]). Anything else is
    /// kept.
    pub(super) fn mend_possessives(&self, question: &str) -> String {
        let is_name = |w: &str| {
            self.name_words.contains_key(w)
                || self
                    .knowledge
                    .lexicon
                    .parties
                    .iter()
                    .flat_map(|p| &p.aliases)
                    .any(|a| a.eq_ignore_ascii_case(w))
        };
        let mut changed = false;
        let words: Vec<String> = question
            .split(' ')
            .map(|word| {
                let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                let lower = core.to_lowercase();
                let mended = lower
                    .strip_suffix('s')
                    .filter(|base| {
                        base.chars().count() >= 3
                            && lower.chars().all(|c| c.is_alphabetic())
                            && !self.norms.contains(&lower)
                            && !self.lex.stopwords.contains(&lower)
                            && is_name(base)
                    })
                    .map(|_| format!("{}'s{}", &core[..core.len() - 1], &word[core.len()..]))
                    .or_else(|| {
                        (!self.norms.contains(&lower) && !self.name_words.contains_key(&lower))
                            .then(|| dropped_g(&lower, self.settings.tuning.terms.common_zipf))
                            .flatten()
                            .map(|full| format!("{full}{}", &word[core.len()..]))
                    })
                    .or_else(|| {
                        (core == lower)
                            .then(|| self.typo_of(&lower))
                            .flatten()
                            .map(|fixed| format!("{fixed}{}", &word[core.len()..]))
                    });
                changed |= mended.is_some();
                mended.unwrap_or_else(|| word.to_string())
            })
            .collect();
        if changed {
            words.join(" ")
        } else {
            question.to_string()
        }
    }

    /// The common English word a lowercase word is a typo of ("specificaly", "ukriane"), when
    /// the sources never use the word typed, it is no misspelling of a person's name or of a
    /// word the sources use (those are read by the people matcher and the terms), and English
    /// does not know it (`[terms] typo_zipf`, `typo_min_letters`).
    fn typo_of(&self, lower: &str) -> Option<&'static str> {
        let t = &self.settings.tuning.terms;
        if self.norms.contains(lower)
            || self.name_words.contains_key(lower)
            || self.lex.stopwords.contains(lower)
            || lower.len() < t.typo_min_letters
        {
            return None;
        }
        let fixed = crate::english::english().typo_of(
            lower,
            t.typo_zipf,
            t.typo_min_letters,
            &self.knowledge.lexicon.language.word_prefixes,
        )?;
        (self.fuzzy_person(lower).is_none() && self.fuzzy_word(lower).is_none()).then_some(fixed)
    }
}

/// The word with a chat-dropped final g put back ("headin" -> "heading"), when English knows
/// the word only with it: the form typed is not in the frequency table, the full one is at
/// least `common_zipf`.
fn dropped_g(word: &str, common_zipf: f32) -> Option<String> {
    let e = crate::english::english();
    (word.len() >= 5 && word.ends_with("in") && e.zipf(word).is_none())
        .then(|| format!("{word}g"))
        .filter(|full| e.zipf(full).is_some_and(|z| z >= common_zipf))
}

#[cfg(test)]
mod tests {
    /// Chat's dropped letters: a possessive without its apostrophe is mended only on a name
    /// of the sources, a dropped g only where English knows the word with it alone.
    #[test]
    fn possessives_without_apostrophe_and_dropped_gs_are_mended() {
        let e = crate::engine::intents::own_multi(crate::engine::Tuning::default());
        assert_eq!(
            e.mend_possessives("who leads morvanys team?"),
            "who leads morvany's team?"
        );
        assert_eq!(e.mend_possessives("brenns deputy"), "brenn's deputy");
        assert_eq!(
            e.mend_possessives("any news on the talks, whats up"),
            "any news on the talks, whats up",
            "not names"
        );
        assert_eq!(e.mend_possessives("whos headin it"), "whos heading it");
        assert_eq!(
            e.mend_possessives("talkin abt it"),
            "talkin abt it",
            "English has it"
        );
        let a = e.ask("who's headin teravias delegation", None);
        assert!(a.answered, "{}", a.to_markdown());
    }

    /// A typo of a common English word the sources never use is read as the word; a misspelt
    /// name of the sources' people is left to the people matcher, even when it is also one
    /// edit from an English word ("faura": Faure, not "fauna"), and a capitalised word is kept.
    #[test]
    fn typos_of_common_words_are_mended_but_not_misspelt_names() {
        let e = crate::engine::intents::own_multi(crate::engine::Tuning::default());
        assert_eq!(
            e.mend_possessives("what did he say specificaly, actualy?"),
            "what did he say specifically, actually?"
        );
        assert_eq!(
            e.mend_possessives("what did faura say"),
            "what did faura say"
        );
        assert_eq!(e.mend_possessives("ask Specificaly"), "ask Specificaly");
        // A word the sources use stays as typed.
        assert_eq!(e.mend_possessives("the vireo talks"), "the vireo talks");
    }
}
