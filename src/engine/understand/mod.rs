//! Step 2 of the pipeline: a cleaned question -> [`Query`] (intent, slots, follow-up context,
//! terms). [`Engine::analyse`] runs the parts in order: people (`people.rs`), parties, topics and
//! words the sources never use (`slots.rs`), the follow-up context (`followup.rs`), the terms
//! and their weights (`terms.rs`). Owns what the question means; must not look at which
//! sentences answer it (that is `retrieve`).

mod bodies;
mod described;
mod followup;
mod people;
mod recency;
mod roles;
pub(crate) mod salience;
mod slots;
mod succession;
mod terms;

use super::Engine;
use crate::answer::Context;
use crate::intent::{Intent, IntentMatch};
use crate::text::{normalize, tokenize, Token};

pub(crate) use people::{name_list, NameWord};
pub(crate) use recency::Recency;
pub(crate) use succession::Succession;
pub(crate) use terms::{Term, TermOrigin};

/// A question as the engine understands it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Query {
    pub(crate) tokens: Vec<Token>,
    pub(crate) intent: IntentMatch,
    pub(crate) people: Vec<usize>,
    pub(crate) parties: Vec<usize>,
    pub(crate) topics: Vec<usize>,
    pub(crate) unknown_names: Vec<String>,
    /// Names (as typed) that several people share and the question does not tell apart, with
    /// those people.
    pub(crate) ambiguous: Vec<(String, Vec<usize>)>,
    /// Question terms, one group a word typed (see [`Term`]).
    pub(crate) terms: Vec<Term>,
    /// Stems of slot words that are not the question's subject ("China" in "what did Vance say about China").
    pub(crate) other_slot_terms: Vec<String>,
    /// Token spans of recognised people and parties: (is person, index, start, end).
    pub(crate) spans: Vec<(bool, usize, usize, usize)>,
    /// People the question names by their name (not by a role or a description).
    pub(crate) by_name: Vec<usize>,
    /// Search only the sentences naming this person (a "who" question about a role's holder).
    pub(crate) only_person: Option<usize>,
    pub(crate) corrected: Vec<String>,
    pub(crate) from_context: bool,
    pub(crate) subject_is_party: bool,
    /// The question names who it asks about in its `x` capture ("what did *the senator* say
    /// about Kovaly's troops") and no person or party was found there: anyone found elsewhere
    /// in the question is what it is about, not who.
    pub(crate) subject_not_found: bool,
    /// A role the question names that no one in the sources holds ("Morvany's president").
    pub(crate) unknown_role: Option<String>,
    /// Which report the question wants first when several articles give one.
    pub(crate) when_reported: Recency,
}

impl Engine {
    /// A cleaned question as the engine understands it: intent, slots, follow-up context and
    /// weighted terms, in that order.
    pub(crate) fn analyse(&self, clean: &str, context: Option<&Context>) -> Query {
        let folded = fold(clean, &self.lex.contractions);
        let mut intent = self.intents.match_intent(&folded);
        // "What's the deadline now", "what is the total number of prisoners": read as the
        // kind of answer the noun asks for, not as "who/what is X".
        if intent.name == Intent::Who {
            if let Some(kind) = self.asked_kind(&folded) {
                intent.name = kind;
            }
        }
        self.analyse_as(clean, &folded, intent, context)
    }

    /// The answer kind a question starting "what is the N" asks for by its noun N
    /// (`asked_kind_nouns` in `config/language.toml`), words before N in its phrase passed over.
    fn asked_kind(&self, folded: &str) -> Option<Intent> {
        let tokens = tokenize(folded);
        let first = tokens.first()?;
        if !self.lex.asked_thing_words.contains(&first.norm) {
            return None;
        }
        // The noun phrase after "what is the": up to three words, to its first function word
        // ("the total number of", "the framework deadline", "the death toll in").
        tokens
            .iter()
            .skip(1)
            .skip_while(|t| self.lex.asked_thing_skips.contains(&t.norm))
            .take_while(|t| !self.lex.stopwords.contains(&t.norm))
            .take(3)
            .find_map(|t| self.lex.asked_kinds.get(&self.stem(&t.norm)).copied())
    }

    /// [`Engine::analyse`] with the intent already known (a slash command's): the slots,
    /// follow-up context and terms of `clean`, read as the `intent` says. `folded` is
    /// `fold(clean)`.
    pub(crate) fn analyse_as(
        &self,
        clean: &str,
        folded: &str,
        mut intent: IntentMatch,
        context: Option<&Context>,
    ) -> Query {
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
        self.find_people(&mut q, &mut used);
        let keys = self.find_parties_and_topics(&mut q, &mut used);
        self.find_roles(&mut q, &mut used);
        self.find_bodies(clean, &mut q);
        self.find_described(clean, &intent.name, &mut q, &mut used);
        self.find_unknown_words(clean, &intent, &keys, &mut q, &mut used);
        self.mark_name_titles(&q, &mut used);
        self.apply_context(folded, context, &mut intent, &mut q);
        let when_words = self.find_recency(&mut q, clean, intent.name == Intent::When);
        let mut terms = self.question_terms(&keys, &used, &when_words, &mut q);
        self.pick_subject(&intent, &keys, &mut q);
        self.balance_synonyms(&mut terms);
        q.terms = terms;
        q.intent = intent;
        q
    }
}

impl Default for IntentMatch {
    fn default() -> Self {
        IntentMatch {
            name: Intent::Search,
            pattern: None,
            x: None,
            t: None,
        }
    }
}

/// A cleaned question as the intent patterns read it: lowercased, spaces collapsed,
/// contractions expanded (`contractions` in `config/language.toml`).
pub(crate) fn fold(clean: &str, contractions: &[(String, String)]) -> String {
    let lowered = normalize(clean);
    expand_contractions(
        &lowered.split_whitespace().collect::<Vec<_>>().join(" "),
        contractions,
    )
}

/// "what's" -> "what is", "doesn't" -> "does not": patterns then need one spelling. A
/// contraction that starts with an apostrophe, or "n't", is replaced inside any word; any other
/// only as a whole word.
pub(crate) fn expand_contractions(q: &str, contractions: &[(String, String)]) -> String {
    let mut out = q.to_string();
    for (from, to) in contractions {
        let (from, to) = (from.as_str(), to.as_str());
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

pub(crate) fn push_unique_usize(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

#[cfg(test)]
mod tests {
    use crate::intent::Intent;

    /// "What is the N": the noun N says what kind of answer is wanted (`asked_kind_nouns`); a
    /// thing or person asked about stays a "what is" question.
    #[test]
    fn what_is_the_n_asks_for_the_kind_its_noun_names() {
        let e = crate::engine::intents::seed();
        for (q, kind) in [
            ("whats the deadline for the framework rn", Intent::When),
            ("What was the framework deadline changed to?", Intent::When),
            ("what's the death toll so far", Intent::HowMany),
            ("what is the total number of prisoners", Intent::HowMany),
            ("what was the reason they left", Intent::Why),
            ("what is crimea", Intent::Who),
            ("what is the plan for crimea", Intent::Who),
        ] {
            assert_eq!(e.analyse(q, None).intent.name, kind, "{q}");
        }
    }
}
