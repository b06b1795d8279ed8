//! Unit tests of people named by their role: a party inside a role phrase, a role no one
//! holds, rank and stand-ins.

mod inner_party_tests {
    /// A party inside a role phrase ("the top US diplomat", even typed "us") qualifies it as
    /// one before it would: the US's holder is found, and a party whose holder the sources do
    /// not name is a role no one holds.
    #[test]
    fn a_party_inside_a_role_phrase_qualifies_it() {
        let e = crate::engine::intents::seed();
        let q = e.analyse("why did the top us diplomat bail on the london trip", None);
        let names: Vec<&str> = q
            .people
            .iter()
            .map(|&p| e.knowledge.people[p].name.as_str())
            .collect();
        assert_eq!(names, ["Marco Rubio"]);
        let q = e.analyse("what did the top ukrainian diplomat say", None);
        assert!(q.people.is_empty());
        assert_eq!(
            q.unknown_role.as_deref(),
            Some("the top ukrainian diplomat")
        );
    }

    /// Beside a named person, a role asked about first that no one holds is declined ("what did
    /// the UK foreign secretary say about Rubio"); one after the person is part of the topic.
    #[test]
    fn a_role_no_one_holds_asked_before_a_person_is_declined() {
        let e = crate::engine::intents::seed();
        let a = e.ask(
            "what did the uk foreign secretary say abt rubio not coming",
            None,
        );
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no one in the sources holds that role")
        );
        let q = e.analyse("what did rubio say about the uk foreign secretary", None);
        assert_eq!(q.unknown_role, None);
        let q = e.analyse("what did the us secretary of state say about vance", None);
        assert_eq!(q.unknown_role, None, "a role someone holds");
    }
}

mod rank_and_stand_in_tests {
    use crate::engine::intents::engine_from;

    fn talks() -> crate::engine::Engine {
        engine_from(&[(
            "talks",
            "2026-05-04",
            "Norland's chief negotiator, Ada Brisk, said the map was \"a start\".\n\n\
             Norland's negotiator on water, Tomas Fell, said the river was \"not for sale\".\n\n\
             Ostvik's opposition leader, Rune Hald, said the talks were \"a stage show\".\n\n\
             Ostvik's President, Mira Sand, said her country would \"wait for a better map\".\n\n\
             Vellan's special envoy, Karl Oster, who mediates the talks, said both sides \"came to work\".\n\n\
             Ostvik's defence minister, Lars Vik, said the troops would \"stay where they are\".",
        )])
    }

    fn holder(e: &crate::engine::Engine, question: &str) -> Vec<String> {
        let q = e.analyse(question, None);
        q.people
            .iter()
            .map(|&p| e.knowledge.people[p].name.clone())
            .collect()
    }

    /// "Top", "lead" and "chief" rank a holder: one stands for another, and a holder whose role
    /// has one is preferred to one whose role has none.
    #[test]
    fn a_rank_word_stands_for_another() {
        let e = talks();
        assert_eq!(
            holder(&e, "what did norland's top negotiator say"),
            ["Ada Brisk"]
        );
        assert_eq!(
            holder(&e, "what did norland's lead negotiator say"),
            ["Ada Brisk"]
        );
        assert_eq!(
            holder(&e, "what did norland's chief negotiator say"),
            ["Ada Brisk"]
        );
    }

    /// "The mayor of Kelby": a name after "of" says whose role, as a possessive does, and is
    /// no word of the topic asked.
    #[test]
    fn a_role_of_a_place_is_held_by_that_place_s_holder() {
        let e = engine_from(&[(
            "towns",
            "2026-05-04",
            "Tarrow's mayor, Anna Lind, said the bridge was \"our lifeline\".\n\n\
             Kelby's mayor, Piet Dorn, said the harbour was \"half empty\".",
        )]);
        assert_eq!(holder(&e, "what did the mayor of kelby say"), ["Piet Dorn"]);
        assert_eq!(
            holder(&e, "what did the mayor of tarrow say"),
            ["Anna Lind"]
        );
        // Another town's mayor is not the mayor of a town the sources give none for.
        let one = engine_from(&[(
            "towns",
            "2026-05-04",
            "Halsvik's mayor, Wendel Proost, said the boats were \"coming home\".\n\n\
             The fishermen are still held at the naval base in Tolbeck.",
        )]);
        assert!(holder(&one, "what did the mayor of tolbeck say").is_empty());
        assert_eq!(
            holder(&one, "what did the mayor of halsvik say"),
            ["Wendel Proost"]
        );
    }

    /// A country's leader is its head of state or government, never its opposition leader; the
    /// talks' mediator is the mediating country's envoy; a defence chief is its minister.
    #[test]
    fn a_role_is_found_by_the_words_people_use_for_it() {
        let e = talks();
        assert_eq!(holder(&e, "what did ostvik's leader say"), ["Mira Sand"]);
        assert_eq!(
            holder(&e, "what did ostvik's opposition leader say"),
            ["Rune Hald"]
        );
        assert_eq!(
            holder(&e, "what did the vellan mediator say"),
            ["Karl Oster"]
        );
        assert_eq!(
            holder(&e, "what did ostvik's defence chief say"),
            ["Lars Vik"]
        );
        // An informal word for an office (`config/idioms.tsv`) is the office it means: the
        // go-between is the mediator, and so the mediating country's envoy.
        assert_eq!(holder(&e, "what did the go-between say"), ["Karl Oster"]);
        assert!(holder(&e, "what did the bystander say").is_empty());
        // An adjective between "the" and the title ("the old president") keeps it a role.
        assert_eq!(holder(&e, "why did the old president wait"), ["Mira Sand"]);
        // A role no one holds for that party is still no one's.
        let q = e.analyse("what did norland's defence chief say", None);
        assert!(q.people.is_empty());
        assert!(q.unknown_role.is_some());
    }

    /// A field word before a title ("the fisheries spokeswoman", "the opposition
    /// spokeswoman", "the EU's foreign policy chief") is part of the role asked: its holder is
    /// found, or no one holds it. The body a role serves ("for the opposition Coastal Union")
    /// makes no other office of it.
    #[test]
    fn a_field_word_before_a_title_makes_the_role_asked() {
        let e = engine_from(&[(
            "gulf",
            "2027-05-11",
            "Petra Varga, fisheries spokeswoman for the opposition Coastal Union, said the \
             deal was \"a sell-out\".\n\n\
             Ostvik's President, Mira Sand, said her country would \"wait for a better map\".",
        )]);
        for q in [
            "what did the fisheries spokeswoman say",
            "what did the opposition spokeswoman say",
        ] {
            assert_eq!(holder(&e, q), ["Petra Varga"], "{q}");
        }
        let q = e.analyse("what did ostvik's foreign policy chief say", None);
        assert!(q.people.is_empty());
        assert!(q.unknown_role.is_some());
    }

    /// A holder the sources give no party is the party's when the paragraph of their role
    /// names it and no one of that party holds the role; a role serving a body
    /// ("president of the Porto Salvo Cooperative") is no country's.
    #[test]
    fn a_holder_without_a_party_is_the_party_named_beside_the_role() {
        let e = engine_from(&[(
            "gulf",
            "2027-05-26",
            "Aleksy Dornan, the Tarvosian fisheries minister, called it \"a provocation\".\n\n\
             The Tarvosian prime minister's office said that Dalia Renko, a former ambassador, \
             will take over as chief negotiator.\n\n\
             Lucia Ferraz, president of the Porto Salvo Fishing Cooperative, said Belmora had \
             \"waited long enough\".\n\n\
             Belmora's chief negotiator, Joaquim Serrano, said the talks would go on.",
        )]);
        assert_eq!(
            holder(&e, "what did the tarvosian chief negotiator say"),
            ["Dalia Renko"]
        );
        assert_eq!(
            holder(&e, "what did belmora's chief negotiator say"),
            ["Joaquim Serrano"]
        );
        let q = e.analyse("who is belmora's president", None);
        assert!(q.people.is_empty());
        assert!(q.unknown_role.is_some());
    }

    /// A party's negotiator is whoever the sources say leads its delegation or team when no
    /// one is called its negotiator; someone who is wins over the delegation's leader.
    #[test]
    fn who_leads_a_delegation_is_its_negotiator() {
        let e = engine_from(&[(
            "talks",
            "2026-05-04",
            "Talks opened. Ostvik's delegation is led by Deputy Foreign Minister Ines Marl.\n\n\
             Norland's team is headed by Tomas Fell, a retired admiral.\n\n\
             Norland's chief negotiator, Ada Brisk, said the map was \"a start\".",
        )]);
        for q in [
            "who is ostvik's chief negotiator",
            "what did ostvik's lead negotiator say",
            "who was ostvik's top negotiator at first",
        ] {
            assert_eq!(holder(&e, q), ["Ines Marl"], "{q}");
        }
        assert_eq!(holder(&e, "who is norland's negotiator"), ["Ada Brisk"]);
        // The stand-ins are for a negotiator only: no one leads Ostvik as its president.
        assert!(holder(&e, "who is ostvik's president").is_empty());
    }
}
