//! Unit tests of a question's terms: related words, chat words, spelling, neighbours, idioms,
//! casual words, the thesaurus, article nouns, prefixes and figures.

use super::TermOrigin;

mod related_tests {
    /// A noun the sources never use is bridged to the kind of thing it is ("detainees" to the
    /// article's "prisoners"), weaker than a synonym.
    #[test]
    fn a_noun_is_bridged_to_its_kind() {
        let e = crate::engine::intents::engine_from(&[(
            "swap",
            "2026-10-05",
            "The two sides agreed to exchange 240 prisoners at the bridge on Sunday.",
        )]);
        let q = e.analyse("how many detainees will be exchanged", None);
        let prisoner = q
            .terms
            .iter()
            .find(|t| t.stem == "prison")
            .expect("the kind of a detainee is a term");
        let tuning = crate::engine::Tuning::default();
        assert_eq!(prisoner.weight, tuning.terms.related_hypernym);
        assert!(tuning.terms.related_hypernym < tuning.terms.related_synonym);
        let a = e.ask("how many detainees will be exchanged", None);
        assert!(a.answered, "{}", a.to_markdown());
    }
}

mod chat_person_words_tests {
    /// "The guy who resigned": chat's words for a person weigh like "person", as filler, so a
    /// question is not declined because the sources never say "guy".
    #[test]
    fn chat_words_for_a_person_are_filler() {
        let e = crate::engine::intents::seed();
        let q = e.analyse("wat did the american guy say about crimea", None);
        let guy = q
            .terms
            .iter()
            .find(|t| t.stem == e.stem("guy"))
            .expect("a term");
        assert_eq!(guy.origin, super::TermOrigin::Filler);
        let a = e.ask("wat did the vp guy say about land swaps", None);
        assert!(a.answered, "{}", a.to_markdown());
    }

    /// Chat hedges ("ngl", "tbh", "fwiw", "iirc") say how a question is put, not what about:
    /// no term, and no reason to decline.
    #[test]
    fn chat_hedges_are_no_terms() {
        let e = crate::engine::intents::seed();
        for q in [
            "ngl did vance say land swaps are on the cards",
            "tbh what did vance say about land swaps",
            "fwiw iirc vance talked about territorial swaps",
        ] {
            let query = e.analyse(q, None);
            for hedge in ["ngl", "honest", "fwiw", "iirc"] {
                assert!(
                    !query.terms.iter().any(|t| t.stem == e.stem(hedge)),
                    "{q}: {:?}",
                    query.terms
                );
            }
            let a = e.ask(q, None);
            assert!(a.answered, "{q}: {}", a.to_markdown());
        }
    }
}

mod spelling_tests {
    use super::TermOrigin;

    /// A British spelling asks for the American one the sources use, as the same word.
    #[test]
    fn a_british_spelling_finds_the_american_one() {
        let e = crate::engine::intents::engine_from(&[(
            "pact",
            "2026-10-19",
            "The defense ministers signed a pact on Tuesday.",
        )]);
        let q = e.analyse("what did the defence ministers sign", None);
        let t = q
            .terms
            .iter()
            .find(|t| t.stem == e.stem("defense"))
            .expect("defense is a term");
        assert_eq!(t.origin, TermOrigin::Corrected);
        assert!(t.is_asked());
        let a = e.ask("what did the defence ministers sign", None);
        assert!(a.answered, "{}", a.to_markdown());
    }
}

mod neighbour_tests {
    use super::TermOrigin;

    /// A word the sources never use is bridged to the words used for much the same thing
    /// ("journalists" to the article's "reporters"), by its similarity; a word the sources use
    /// is not expanded that way.
    #[test]
    fn an_absent_word_reaches_its_neighbours_by_similarity() {
        let e = crate::engine::intents::engine_from(&[(
            "presser",
            "2026-10-19",
            "The minister took questions from more than sixty reporters at the customs house.",
        )]);
        let q = e.analyse("how many journalists came to the customs house", None);
        let (_, sim) = crate::english::english()
            .neighbours("journalists")
            .iter()
            .find(|(w, _)| *w == "reporters")
            .copied()
            .expect("the table has reporters near journalists");
        let reporters = q
            .terms
            .iter()
            .find(|t| t.stem == e.stem("reporters"))
            .expect("reporters is a term");
        assert_eq!(reporters.origin, TermOrigin::Related);
        let w = &crate::engine::Tuning::default().terms;
        assert!((reporters.weight - w.neighbour * sim).abs() < 1e-6);
        let a = e.ask("how many journalists came to the customs house", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.citations().any(|c| c.quote.contains("sixty reporters")));
        // "reporters" is used: its own neighbours ("journalists", absent anyway) add nothing,
        // and nothing but its own words stands for it.
        let q = e.analyse("how many reporters came", None);
        assert!(
            q.terms
                .iter()
                .filter(|t| t.origin == TermOrigin::Related)
                .all(|t| crate::english::english()
                    .related("reporters")
                    .iter()
                    .any(|(r, _)| e.stem(r) == t.stem)),
            "{:?}",
            q.terms
        );
    }
}

mod idiom_tests {
    /// "Is NATO membership even on the table": an idiom's words the sources never use are not
    /// what the question is about, so it is answered from what the sources say of the rest.
    #[test]
    fn an_idiom_is_read_by_its_meaning_not_its_words() {
        let e = crate::engine::intents::seed();
        let q = e.analyse(
            "is ukraine joining nato even on the table under the us plan",
            None,
        );
        assert!(
            q.terms
                .iter()
                .filter(|t| t.stem == "tabl")
                .all(|t| t.origin == super::TermOrigin::Filler),
            "{:?}",
            q.terms
        );
        let a = e.ask(
            "is ukraine joining nato even on the table under the us plan",
            None,
        );
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.citations().any(|c| c.quote.contains("NATO membership")));
    }
}

mod casual_word_tests {
    /// "Where is the sitdown happening": an informal word the sources never use is read by the
    /// plain words of `config/idioms.tsv` ("meeting"), not taken for a subject the sources
    /// lack; a word the sources do use keeps its own weight.
    #[test]
    fn an_informal_word_is_read_by_its_plain_meaning() {
        let e = crate::engine::intents::engine_from(&[(
            "talks",
            "2027-03-04",
            "The envoy will hold a meeting with the president in Lirren on Friday.",
        )]);
        let q = e.analyse("where is the envoy's sitdown with the president", None);
        assert!(
            q.terms
                .iter()
                .any(|t| t.stem == e.stem("meeting") && t.origin == super::TermOrigin::Related),
            "{:?}",
            q.terms
        );
        assert!(q
            .terms
            .iter()
            .filter(|t| t.stem == e.stem("sitdown"))
            .all(|t| t.origin == super::TermOrigin::Filler));
        let a = e.ask("where is the envoy's sitdown with the president", None);
        assert!(a.answered, "{}", a.to_markdown());
        // Where the sources use the informal word, it is what is asked.
        let used = crate::engine::intents::engine_from(&[(
            "talks",
            "2027-03-04",
            "The envoy called the meeting a friendly sitdown.",
        )]);
        let q = used.analyse("who called it a sitdown", None);
        assert!(q
            .terms
            .iter()
            .any(|t| t.stem == used.stem("sitdown") && t.origin == super::TermOrigin::Typed));
    }
}

mod thesaurus_tests {
    /// "Where will the observers be stationed" over sources that say "monitors": a word the
    /// sources never use reaches the words a news report uses instead
    /// (`config/news_thesaurus.tsv`); a word they use gets no such stand-ins.
    #[test]
    fn a_word_the_sources_never_use_reaches_the_news_word_for_it() {
        let e = crate::engine::intents::engine_from(&[(
            "mission",
            "2026-11-02",
            "The first 80 monitors will be stationed along the river crossing from Monday.",
        )]);
        let q = e.analyse("where will the observers be stationed", None);
        assert!(
            q.terms
                .iter()
                .any(|t| t.stem == e.stem("monitors") && t.origin == super::TermOrigin::Related),
            "{:?}",
            q.terms
        );
        let a = e.ask("where will the observers be stationed", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a.citations().next().unwrap().quote.contains("80 monitors"));
        // Where the sources use the word too, it is what is asked: no thesaurus stand-in joins.
        let both = crate::engine::intents::engine_from(&[(
            "mission",
            "2026-11-02",
            "The first 80 monitors will be stationed along the river crossing from Monday.\n\n\
             An observer from the press office said the crossing was quiet.",
        )]);
        let q = both.analyse("where will the observers be stationed", None);
        assert!(!q
            .terms
            .iter()
            .any(|t| t.stem == both.stem("monitors") && t.origin == super::TermOrigin::Related));
    }
}

mod article_noun_tests {
    /// "According to the piece": the article itself is filler, so a question naming it is
    /// answered from the rest; the same noun asked about stays content.
    #[test]
    fn the_article_itself_is_not_what_is_asked() {
        let e = crate::engine::intents::seed();
        let q = e.analyse(
            "how long has the war been going on, according to the piece",
            None,
        );
        let piece = q.terms.iter().find(|t| t.stem == "piec").expect("a term");
        assert_eq!(piece.origin, super::TermOrigin::Filler);
        let a = e.ask(
            "how long has the war been going on, according to the piece",
            None,
        );
        assert!(a.answered, "{}", a.to_markdown());
        let q = e.analyse("which piece of land would ukraine give up", None);
        let piece = q.terms.iter().find(|t| t.stem == "piec").expect("a term");
        assert_ne!(piece.origin, super::TermOrigin::Filler);
    }
}

mod prefix_tests {
    /// A word the sources never use made of a prefix and a word they use reaches that word, as
    /// a hyphenated word's parts do; a prefix before a word they never use reaches nothing.
    #[test]
    fn a_prefixed_word_reaches_its_base() {
        let e = crate::engine::intents::engine_from(&[(
            "talks",
            "2026-10-09",
            "Drussany has offered a zone of just 8 nautical miles.\n\n\
             Ostrevia asked for a zone of 25 nautical miles.",
        )]);
        let q = e.analyse("what was drussany's counteroffer", None);
        let part = q.terms.iter().find(|t| t.stem == "offer").expect("offer");
        assert_eq!(part.origin, super::TermOrigin::HyphenPart);
        let a = e.ask("what was drussany's counteroffer on the zone", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a
            .citations()
            .next()
            .is_some_and(|c| c.quote.contains("8 nautical")));
        let q = e.analyse("what was drussany's counterattack", None);
        assert!(q
            .terms
            .iter()
            .all(|t| t.origin != super::TermOrigin::HyphenPart));
    }
}

mod figure_tests {
    /// A figure the sources write as a word ("round 3" for "the third round", "day 1" for "the
    /// first day") reaches that word; a figure the sources write as a figure stays as typed.
    #[test]
    fn a_figure_reaches_the_word_the_sources_write() {
        let e = crate::engine::intents::engine_from(&[(
            "talks",
            "2026-10-09",
            "The third round of talks has been put back to April 5.\n\n\
             On the first day, the delegations met for only an hour.\n\n\
             The deal reserves 30 places for local firms.",
        )]);
        let a = e.ask("round 3 got pushed, to when?", None);
        assert!(a.answered, "{}", a.to_markdown());
        assert!(a
            .citations()
            .next()
            .is_some_and(|c| c.quote.contains("put back to April 5")));
        let q = e.analyse("what happened on day 1", None);
        assert!(q
            .terms
            .iter()
            .any(|t| t.stem == e.stem("first") && t.origin == super::TermOrigin::Corrected));
        let q = e.analyse("how many places are there for 30 firms", None);
        assert!(q
            .terms
            .iter()
            .all(|t| t.origin != super::TermOrigin::Corrected));
    }
}
