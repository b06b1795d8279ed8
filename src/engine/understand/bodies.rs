//! A party's body named in a question: "Halvark's defence ministry", "the Sorvenian interior
//! ministry", "Morvany's parliament" (the body nouns are `body_nouns` in
//! `config/language.toml`). When the sources never name that body of that party (they may name
//! another party's: "Teravia's parliament"), the question is a near miss: it is recorded in
//! `Query::unknown_role` and declined like a role no one holds. Owns that reading; must not rank
//! sentences.

use rustc_hash::FxHashSet as HashSet;

use super::Query;
use crate::engine::Engine;
use crate::text::tokenize;

impl Engine {
    /// Step: a party's body the sources never name, recorded in `q.unknown_role`.
    pub(crate) fn find_bodies(&self, clean: &str, q: &mut Query) {
        if q.unknown_role.is_some() || !q.people.is_empty() {
            return;
        }
        let lang = &self.knowledge.lexicon.language;
        let whole: HashSet<String> = lang
            .whole_party_nouns
            .iter()
            .map(|w| self.stem(w))
            .collect();
        let bodies: HashSet<String> = lang
            .body_nouns
            .iter()
            .map(|w| self.stem(w))
            .filter(|w| !whole.contains(w))
            .collect();
        for &(is_person, party, start, end) in &q.spans {
            if is_person {
                continue;
            }
            // The body noun within three words after the party, only modifiers between
            // ("defence", "foreign"): "Halvark's defence ministry".
            let Some(noun) = (end..(end + 3).min(q.tokens.len()))
                .find(|&k| bodies.contains(&self.stem(&q.tokens[k].norm)))
            else {
                continue;
            };
            if (end..noun).any(|k| self.lex.stopwords.contains(&q.tokens[k].norm)) {
                continue;
            }
            let phrase: Vec<String> = (end..=noun).map(|k| self.stem(&q.tokens[k].norm)).collect();
            if !self.names_body(party, &phrase) {
                let text = clean
                    .get(q.tokens[start].start..q.tokens[noun].end)
                    .unwrap_or_default();
                q.unknown_role = Some(text.to_string());
                return;
            }
        }
    }

    /// True when the sources name this body of this party: an unnamed source of the party
    /// whose description holds the body's words, or a sentence holding them and a name of the
    /// party.
    fn names_body(&self, party: usize, phrase: &[String]) -> bool {
        let k = &self.knowledge;
        let party_id = &k.lexicon.parties[party].id;
        let by_source = k
            .sources
            .iter()
            .zip(&self.source_stems)
            .any(|(src, stems)| {
                src.affiliation.as_deref() == Some(party_id.as_str())
                    && phrase.iter().all(|w| stems.contains(w))
            });
        if by_source {
            return true;
        }
        let aliases: Vec<Vec<String>> = k.lexicon.parties[party]
            .aliases
            .iter()
            .chain(std::iter::once(&k.lexicon.parties[party].name))
            .map(|a| tokenize(a).iter().map(|t| self.stem(&t.norm)).collect())
            .filter(|a: &Vec<String>| !a.is_empty())
            .collect();
        let Some(noun) = phrase.last() else {
            return true;
        };
        self.index.docs(noun).iter().any(|&s| {
            phrase.iter().all(|w| self.index.has(w, s))
                && aliases
                    .iter()
                    .any(|a| a.iter().all(|w| self.index.has(w, s)))
        })
    }
}

#[cfg(test)]
mod tests {
    /// A party's body the sources name for another party only is a near miss, declined; the
    /// same body of the party they name it for is answered.
    #[test]
    fn another_partys_body_is_a_near_miss() {
        let e = crate::engine::intents::own_multi(crate::engine::Tuning::default());
        let a = e.ask("when does morvany's parliament vote on the framework", None);
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no one in the sources holds that role")
        );
        assert!(a.lead.contains("morvany's parliament"), "{}", a.lead);
        let a = e.ask("when does teravia's parliament vote on the framework", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(
            a.citations()
                .next()
                .is_some_and(|c| c.quote.contains("parliament")),
            "{}",
            a.to_markdown()
        );
    }

    /// A noun for the party as a whole ("government") is whoever speaks for it, never a
    /// near miss on its own; a body noun the party is never named with is one.
    #[test]
    fn a_partys_government_is_the_party() {
        let e = crate::engine::intents::own_quotes();
        // No sentence names a government or a parliament with a name of Mereland.
        let q = e.analyse("what did mereland's government say about the map", None);
        assert_eq!(q.unknown_role, None);
        let q = e.analyse("what did mereland's parliament say about the map", None);
        assert_eq!(q.unknown_role.as_deref(), Some("mereland's parliament"));
    }
}
