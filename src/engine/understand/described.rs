//! People asked about by a description instead of a name or a title: "the village gp in
//! kelby", "the tarrow priest", "the woman organising the petition". Owns finding such a
//! description in a question (a noun for a person, `description_noun_classes`, with the words
//! around it) and the one person whose sentences it fits clearly better than anyone else's;
//! when no one does, the question is left as it was. Must not rank sentences.

use rustc_hash::FxHashMap as HashMap;

use super::{push_unique_usize, Query};
use crate::engine::Engine;
use crate::english::english;
use crate::intent::Intent;

/// How many words a description reaches before its noun ("the *old village* gp") and after it
/// ("gp *in kelby*", "granny *whose grandson* ...").
const BEFORE: usize = 3;
const AFTER: usize = 6;

impl Engine {
    /// Step: a person described rather than named, resolved to them (and marked as used, like
    /// a name) when one person's sentences hold the description's words clearly best.
    pub(crate) fn find_described(
        &self,
        clean: &str,
        intent: &Intent,
        q: &mut Query,
        used: &mut [bool],
    ) {
        if !q.people.is_empty()
            || q.unknown_role.is_some()
            || !q.unknown_names.is_empty()
            || !q.ambiguous.is_empty()
            || !matches!(
                intent,
                Intent::Said | Intent::Position | Intent::Who | Intent::Search | Intent::Why
            )
        {
            return;
        }
        let Some((start, end, noun)) = self.description_span(clean, q, used) else {
            return;
        };
        let words: Vec<(Vec<String>, f32)> = (start..end)
            .filter(|&i| !self.lex.stopwords.contains(&q.tokens[i].norm))
            .map(|i| {
                let stems = self.stand_ins(q.tokens[i].norm.as_str());
                let weight = stems
                    .iter()
                    .filter(|s| self.index.contains(s))
                    .map(|s| self.index.idf(s))
                    .fold(0.0, f32::max);
                (stems, weight)
            })
            .filter(|(_, w)| *w > 0.0)
            .collect();
        if words.is_empty() {
            return;
        }
        let noun_stems = self.stand_ins(q.tokens[noun].norm.as_str());
        // Who each word is said of: the people of the sentences holding it (read from the
        // index's postings, so a large corpus costs its matches, not its people).
        // With how closely: a sentence naming one person says its words of them, one naming
        // several says them of each only in part ("Sheep farmer Marta Brenn ... was having none
        // of the Quarry King's tantrum").
        let said_of = |stems: &[String]| -> HashMap<usize, f32> {
            let mut who: HashMap<usize, f32> = HashMap::default();
            for &s in stems.iter().flat_map(|st| self.index.docs(st).iter()) {
                let people = &self.sents[s as usize].people;
                let share = 1.0 / people.len().max(1) as f32;
                for &p in people {
                    let best = who.entry(p).or_default();
                    *best = best.max(share);
                }
            }
            who
        };
        let holders: Vec<HashMap<usize, f32>> =
            words.iter().map(|(stems, _)| said_of(stems)).collect();
        let noun_holders = said_of(&noun_stems);
        // Each person's score: the weight of the description's words their sentences hold, a
        // word said of several people counting for a share ("kelby", said of everyone in the
        // village, tells little; "grandson", said of one, tells who).
        let mut score: HashMap<usize, f32> = HashMap::default();
        for ((_, w), who) in words.iter().zip(&holders) {
            for (&p, &share) in who {
                *score.entry(p).or_default() += w * share / who.len() as f32;
            }
        }
        let mut scored: Vec<(f32, usize, bool)> = score
            .into_iter()
            .map(|(p, sc)| (sc, p, noun_holders.contains_key(&p)))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let Some(&(best, p, anchored)) = scored.first() else {
            return;
        };
        let second = scored.get(1).map_or(0.0, |s| s.0);
        let margin = self.settings.tuning.terms.described_margin;
        // The noun itself found beside the person, more than one word of the description, or
        // a word no one else's sentences hold.
        let words_held = holders.iter().filter(|who| who.contains_key(&p)).count();
        if best < second * margin || !(anchored || words_held >= 2 || second == 0.0) {
            return;
        }
        push_unique_usize(&mut q.people, p);
        q.spans.push((true, p, start, end));
        for u in &mut used[start..end] {
            *u = true;
        }
    }

    /// A description's word as stems the sources may use: its own, its WordNet relatives and,
    /// when the sources never use it, its close neighbours by word vectors ("granny" /
    /// "grandmother").
    fn stand_ins(&self, word: &str) -> Vec<String> {
        let mut stems = vec![self.stem(word)];
        stems.extend(english().related(word).iter().map(|(w, _)| self.stem(w)));
        if !self.index.contains(&stems[0]) {
            let w = &self.settings.tuning.terms;
            stems.extend(
                english()
                    .neighbours(word)
                    .iter()
                    .filter(|(_, sim)| *sim >= w.neighbour_min_similarity)
                    .take(w.neighbours)
                    .map(|(n, _)| self.stem(n))
                    .filter(|st| self.index.contains(st)),
            );
            // And the words a news report uses instead (`config/news_thesaurus.tsv`).
            stems.extend(
                crate::english::thesaurus(word)
                    .iter()
                    .map(|w| self.stem(w))
                    .filter(|st| self.index.contains(st)),
            );
        }
        stems
    }

    /// Where a description stands in the question: from a few words before its person noun to
    /// a few after, stopping at punctuation, a question word, a name already read or a word of
    /// `description_stops` ("did", "say"); with the noun's position.
    fn description_span(
        &self,
        clean: &str,
        q: &Query,
        used: &[bool],
    ) -> Option<(usize, usize, usize)> {
        let lang = &self.knowledge.lexicon.language;
        let tokens = &q.tokens;
        let person_noun = |i: usize| {
            let word = tokens[i].norm.as_str();
            !used[i]
                && !self.lex.stopwords.contains(word)
                && !self.is_title_stem(&self.stem(word))
                && english()
                    .noun_class(word)
                    .is_some_and(|c| lang.description_noun_classes.iter().any(|d| d == c))
        };
        let noun = (0..tokens.len()).find(|&i| person_noun(i))?;
        let stop = |i: usize| {
            let w = tokens[i].norm.as_str();
            used[i]
                || self.lex.question_words.contains(w)
                || lang.description_stops.iter().any(|s| s == w)
        };
        // Punctuation between two words ends a description ("the priest - what did he say").
        let apart = |a: usize, b: usize| {
            clean
                .get(tokens[a].end..tokens[b].start)
                .is_some_and(|gap| gap.chars().any(|c| ",;:-–—?!.".contains(c)))
        };
        let mut start = noun;
        while start > 0 && noun - start < BEFORE && !stop(start - 1) && !apart(start - 1, start) {
            start -= 1;
        }
        let mut end = noun + 1;
        while end < tokens.len() && end - noun <= AFTER && !stop(end) && !apart(end - 1, end) {
            end += 1;
        }
        Some((start, end, noun))
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::intents::engine_from;

    fn village() -> crate::engine::Engine {
        engine_from(&[(
            "village",
            "2026-10-09",
            "Village doctor Amos Tilley, who has looked after the families since the \
             fighting began, said the waiting had taken its toll.\n\n\
             \"I have prescribed more sleeping pills this year than in the ten before it,\" \
             Tilley said.\n\n\
             Father Ansel Brody, the parish priest in Tarrow, said the town was \"tired of \
             being a question\".\n\n\
             Konrad Pell, the former mayor of Tarrow, said the talks were \"a long road\".\n\n\
             Dorothea Fenwick, 71, whose grandson has been held since April, said she had \
             \"knitted him three jumpers\".",
        )])
    }

    fn person(e: &crate::engine::Engine, question: &str) -> Vec<String> {
        e.analyse(question, None)
            .people
            .iter()
            .map(|&p| e.knowledge.people[p].name.clone())
            .collect()
    }

    /// A person described by what the sources say of them is that person: by their calling
    /// ("the tarrow priest"), a related word ("the village gp", "the doctor"), or what the
    /// description tells ("the granny whose grandson is held").
    #[test]
    fn a_described_person_is_found_by_their_description() {
        let e = village();
        assert_eq!(
            person(&e, "the tarrow priest - what did he say"),
            ["Ansel Brody"]
        );
        assert_eq!(
            person(&e, "what did the village doctor say about the waiting"),
            ["Amos Tilley"]
        );
        assert_eq!(
            person(&e, "the granny whose grandson is held, what did she say"),
            ["Dorothea Fenwick"]
        );
    }

    /// A description in words the sources never use reaches the words a news report uses
    /// instead (`config/news_thesaurus.tsv`): "the barley grower" is the farmer.
    #[test]
    fn a_description_reaches_the_news_word_for_it() {
        let e = crate::engine::intents::engine_from(&[(
            "valley",
            "2026-10-09",
            "Anton Brisk, a barley farmer near Vessen, said the waiting was \"the worst part\".\n\n\
             Mira Holt, a teacher in Vessen, said the school had reopened.",
        )]);
        assert_eq!(
            person(&e, "what did the barley grower say about the waiting"),
            ["Anton Brisk"]
        );
    }

    /// A description's words in a sentence that also names someone else say less of that other
    /// person than a sentence naming the described one alone: the sheep farmer is the farmer,
    /// not the mine owner whose row the sentence names too.
    #[test]
    fn a_description_in_a_sentence_naming_two_is_mostly_of_the_one_named_alone() {
        let e = crate::engine::intents::engine_from(&[(
            "valley",
            "2026-10-09",
            "One farmer, Marit Oddsen, who keeps two hundred sheep below the dam, said the              water was bad.

             Sheep farmer Marit Oddsen was having none of Hakon Brue's excuses.

             Hakon Brue, who owns the dam, said the water was clean.",
        )]);
        assert_eq!(
            person(&e, "what did the sheep farmer say about the water"),
            ["Marit Oddsen"]
        );
    }

    /// A description the sentences of no one, or of several alike, hold is no one: the
    /// question keeps its words.
    #[test]
    fn a_description_no_one_fits_clearly_is_left_alone() {
        let e = village();
        assert!(person(&e, "what did the fisherman say").is_empty());
        assert!(
            person(&e, "what did the man from tarrow say").is_empty(),
            "two men of Tarrow"
        );
    }
}
