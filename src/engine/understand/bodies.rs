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
            if !self.names_body(party, &phrase, &q.tokens[noun].norm) {
                let text = clean
                    .get(q.tokens[start].start..q.tokens[noun].end)
                    .unwrap_or_default();
                q.unknown_role = Some(text.to_string());
                return;
            }
        }
    }

    /// True when the sources may name this body of this party: an unnamed source of the party
    /// whose description holds the body's words, or a sentence holding them that names the
    /// party or no party at all.
    fn names_body(&self, party: usize, phrase: &[String], asked_noun: &str) -> bool {
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
        let Some(noun) = phrase.last() else {
            return true;
        };
        // Whose each mention is: the party named right before it ("Teravia's parliament",
        // "the Sorvenian defence ministry"). A mention with no owner there ("the army has
        // asked for sixty more days") may be this party's when its sentence names this party or
        // none and it is written in the number asked (several parties' "both parliaments" is
        // not one party's parliament); one owned by another party is not. Enough mentions are
        // read to decide.
        const MOST_READ: usize = 2000;
        self.index
            .docs(noun)
            .iter()
            .filter(|&&s| phrase.iter().all(|w| self.index.has(w, s)))
            .take(MOST_READ)
            .any(|&s| {
                let s = s as usize;
                let toks = tokenize(self.sentence_text(s));
                let stems: Vec<String> = toks.iter().map(|t| self.stem(&t.norm)).collect();
                let hits = self.lex.parties.find(&toks);
                let last = phrase.len() - 1;
                let mut owners = (0..stems.len().saturating_sub(last))
                    .filter(|&k| stems[k..=k + last] == *phrase)
                    .map(|k| {
                        let owner = hits
                            .iter()
                            .find(|h| h.end == k || h.end + 1 == k)
                            .map(|h| h.entity);
                        (owner, toks[k + last].norm == asked_noun)
                    })
                    .peekable();
                if owners.peek().is_none() {
                    // The words apart ("the ministry of defence"): judged by the sentence.
                    let parties = &self.sents[s].parties;
                    return parties.is_empty() || parties.contains(&party);
                }
                owners.any(|(owner, same_number)| match owner {
                    Some(o) => o == party,
                    None if !same_number => false,
                    None => {
                        let parties = &self.sents[s].parties;
                        parties.is_empty() || parties.contains(&party)
                    }
                })
            })
    }
}

#[cfg(test)]
mod tests {
    /// A party's body the sources name for another party only (every "foreign ministry" is
    /// Teravia's) is a near miss, declined; the same body of the party they name it for is
    /// answered.
    #[test]
    fn another_partys_body_is_a_near_miss() {
        let e = crate::engine::intents::own_multi(crate::engine::Tuning::default());
        let a = e.ask(
            "what did morvany's foreign ministry say about the prisoners",
            None,
        );
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no one in the sources holds that role")
        );
        assert!(a.lead.contains("morvany's foreign ministry"), "{}", a.lead);
        let a = e.ask(
            "what did teravia's foreign ministry say about the prisoners",
            None,
        );
        assert!(a.answered, "{}", a.to_markdown());
        assert!(
            a.citations()
                .next()
                .is_some_and(|c| c.quote.contains("prisoners")),
            "{}",
            a.to_markdown()
        );
    }

    /// A noun for the party as a whole ("government") is whoever speaks for it, never a
    /// near miss on its own; a body noun the party is never named with is one.
    #[test]
    fn a_partys_government_is_the_party() {
        let e = crate::engine::intents::own_quotes();
        // No sentence names a government with a name of Mereland; the one embassy is Halvark's.
        let q = e.analyse("what did mereland's government say about the map", None);
        assert_eq!(q.unknown_role, None);
        let q = e.analyse("what did mereland's embassy say about the map", None);
        assert_eq!(q.unknown_role.as_deref(), Some("mereland's embassy"));
    }

    /// A body named with no party before it ("the army has asked for sixty more days") may
    /// be any party's its sentence does not contradict: not a near miss. One written in
    /// another number ("both parliaments") is several parties' together, not the one asked.
    #[test]
    fn a_body_without_an_owner_is_not_a_near_miss() {
        let e = crate::engine::intents::engine_over(
            "tests/fixtures/attribution/articles3",
            crate::engine::Tuning::default(),
        );
        let q = e.analyse("how many more days of truce does ardesse's army want", None);
        assert_eq!(q.unknown_role, None);
        let e = crate::engine::intents::own_multi(crate::engine::Tuning::default());
        // "... to allow both parliaments to review the text"; Teravia's alone votes.
        let q = e.analyse("when does morvany's parliament vote on the framework", None);
        assert_eq!(q.unknown_role.as_deref(), Some("morvany's parliament"));
    }
}
