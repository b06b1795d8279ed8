//! Unit tests of pass one (names, roles, nicknames) on short passages.

use super::super::testing::read;

fn names(reg: &super::Registry) -> Vec<String> {
    reg.people.iter().map(|p| p.name.clone()).collect()
}

#[test]
fn a_name_introduced_in_full_is_one_person_on_second_reference() {
    let (reg, _) = read(&[
        "Kestrava named Petar Grusin, a career diplomat, as its ambassador in March.",
        "“I am a patient man,” Mr. Grusin said. Grusin added that he would stay.",
    ]);
    assert_eq!(names(&reg), ["Petar Grusin"]);
}

#[test]
fn honorifics_and_titles_are_never_part_of_the_name() {
    let (reg, _) = read(&[
        "Sen. Marta Holloway opened the hearing. Dr Mara Quist and Foreign Minister Hana Vilk spoke.",
    ]);
    assert_eq!(names(&reg), ["Marta Holloway", "Mara Quist", "Hana Vilk"]);
    let holloway = &reg.people[0];
    assert_eq!(holloway.honorific_titles, ["senator"]);
    assert!(reg.people[2]
        .roles
        .iter()
        .any(|r| r.text == "Foreign Minister"));
}

/// The roles and affiliation (or the possessive it comes through) of the person named
/// `name` after reading `paragraphs`.
fn roles_of(paragraphs: &[&str], name: &str) -> (Vec<String>, Option<String>) {
    let (reg, _) = read(paragraphs);
    let p = reg
        .people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} not found in {:?}", names(&reg)));
    let roles = p.roles.iter().map(|r| r.text.clone()).collect();
    (roles, p.affiliation.clone().or(p.affiliation_via.clone()))
}

#[test]
fn a_role_before_a_name_keeps_its_lowercase_office_words_and_its_owner() {
    let (roles, aff) = roles_of(
        &["Teravian foreign ministry spokesperson Noor Halvari said the exchange was on track."],
        "Noor Halvari",
    );
    assert_eq!(roles, ["Teravian foreign ministry spokesperson"]);
    assert_eq!(aff.as_deref(), Some("Teravian"));
    let (roles, aff) = roles_of(
        &["Teravia’s foreign ministry spokesperson Noor Halvari said the plan was studied."],
        "Noor Halvari",
    );
    assert_eq!(roles, ["Teravia’s foreign ministry spokesperson"]);
    assert_eq!(aff.as_deref(), Some("Teravia"));
    // "acting" is part of the office.
    let (roles, _) = roles_of(
        &["Acting defence minister Lena Ostrova said the line would hold."],
        "Lena Ostrova",
    );
    assert_eq!(roles, ["Acting defence minister"]);
}

#[test]
fn an_appositive_role_after_a_name_is_read_with_its_body() {
    let (roles, aff) = roles_of(
        &["Noor Halvari, the Teravian foreign ministry spokesperson, said it was studied."],
        "Noor Halvari",
    );
    assert_eq!(roles, ["Teravian foreign ministry spokesperson"]);
    assert_eq!(aff.as_deref(), Some("Teravian"));
    let (roles, aff) = roles_of(
        &["Noor Halvari, a spokeswoman for the Teravian foreign ministry, called it a toll."],
        "Noor Halvari",
    );
    assert_eq!(roles, ["spokeswoman for the Teravian foreign ministry"]);
    assert_eq!(aff.as_deref(), Some("Teravian"));
    // A party of the lexicon is the affiliation, by its id.
    let (_, aff) = roles_of(
        &["Oksana Vey, a spokeswoman for the Ukrainian foreign ministry, said so."],
        "Oksana Vey",
    );
    assert_eq!(aff.as_deref(), Some("ukraine"));
}

#[test]
fn a_role_before_a_relative_clause_is_read_after_is() {
    let (roles, _) = roles_of(
        &["Ruvenna has named its new chief negotiator. She is Halina Strand, a former deputy foreign minister who spent six years abroad."],
        "Halina Strand",
    );
    assert_eq!(roles, ["former deputy foreign minister"]);
}

#[test]
fn a_ministry_s_field_and_a_body_another_party_leads_are_no_party() {
    let (roles, aff) = roles_of(
        &["Fisheries Minister Jonas Brell said the quota was final."],
        "Jonas Brell",
    );
    assert_eq!(roles, ["Fisheries Minister"]);
    assert_eq!(aff, None);
    let (_, aff) = roles_of(
        &["Ines Vell, a spokeswoman for the Kessary-led monitoring mission, said so."],
        "Ines Vell",
    );
    assert_eq!(aff, None);
    let (_, aff) = roles_of(
        &["Opposition leader Marek Dvorn said the deal was a sell-out."],
        "Marek Dvorn",
    );
    assert_eq!(aff.as_deref(), Some("Opposition"));
}

#[test]
fn a_role_joined_to_a_second_one_is_read() {
    let (roles, aff) = roles_of(
        &["The talks are chaired by Tobin Rell, Arvel’s special envoy and a former foreign minister of Arvel, who spoke first."],
        "Tobin Rell",
    );
    assert_eq!(roles, ["Arvel’s special envoy"]);
    assert_eq!(aff.as_deref(), Some("Arvel"));
}

#[test]
fn leading_a_delegation_is_a_role() {
    let (roles, _) = roles_of(
        &["Deputy Foreign Minister Irma Vautel will lead the delegation on an interim basis, the ministry said."],
        "Irma Vautel",
    );
    assert_eq!(
        roles,
        [
            "Deputy Foreign Minister",
            "lead the delegation on an interim basis"
        ]
    );
    let (roles, aff) = roles_of(
        &["Talks opened. The Kessarian delegation is led by Deputy Foreign Minister Tomas Rall."],
        "Tomas Rall",
    );
    assert_eq!(
        roles,
        ["Deputy Foreign Minister", "Kessarian delegation is led by"]
    );
    assert_eq!(aff.as_deref(), Some("Kessarian"));
    let (roles, aff) = roles_of(
        &["Talks opened. Velmar’s team is headed by Bertil Oake, a retired admiral."],
        "Bertil Oake",
    );
    assert_eq!(roles, ["Velmar’s team is headed by"]);
    assert_eq!(aff.as_deref(), Some("Velmar"));
    // A possessive after "led by" owns the role that follows: the country is no leader
    // and no person, and neither is a capitalised pronoun opening a quotation.
    let (reg, _) = read(&[
        "The working group will be led by Quarsevia’s transport minister, Ilsabet Korrowin, \
         an engineer.",
        "“Nobody asked the town,” Korrowin said.",
    ]);
    assert!(
        !names(&reg)
            .iter()
            .any(|n| n == "Quarsevia" || n == "Nobody"),
        "{:?}",
        names(&reg)
    );
}

#[test]
fn a_former_office_is_a_role_but_no_affiliation() {
    let (roles, aff) = roles_of(
        &["The talks are chaired by Amara Velloso, a former Castellane justice minister."],
        "Amara Velloso",
    );
    assert_eq!(roles, ["former Castellane justice minister"]);
    assert_eq!(aff, None);
}

#[test]
fn a_role_set_off_by_commas_before_a_name_is_read_back_to_its_start() {
    let (roles, _) = roles_of(
        &["The council’s chief mediator, Amara Velloso, said the number was larger."],
        "Amara Velloso",
    );
    assert_eq!(roles, ["council’s chief mediator"]);
    let (roles, aff) = roles_of(
        &["The spokeswoman for the Teravian foreign ministry, Noor Halvari, said no."],
        "Noor Halvari",
    );
    assert_eq!(roles, ["spokeswoman for the Teravian foreign ministry"]);
    assert_eq!(aff.as_deref(), Some("Teravian"));
}

/// The body a role serves may be named in common words ("the mayor of the town"), and the
/// role reaches the comma over an honorific before the name ("Monsignor", "Dr."), which is
/// no part of the role; a common word in a sentence that is no role is not read as one.
#[test]
fn a_comma_role_may_name_its_body_in_common_words_and_stand_before_an_honorific() {
    let (roles, _) = roles_of(
        &["The mayor of the town, Anna Holt, said the plan was late."],
        "Anna Holt",
    );
    assert_eq!(roles, ["mayor of the town"]);
    let (roles, _) = roles_of(
        &["The bishop of the diocese, Monsignor Lucan Weir, has been less restrained."],
        "Lucan Weir",
    );
    assert_eq!(roles, ["bishop of the diocese"]);
    let (roles, _) = roles_of(
        &["The institute's director, Dr. Oona Paskevic, said the figures had changed."],
        "Oona Paskevic",
    );
    assert_eq!(roles, ["institute's director"]);
    let (roles, _) = roles_of(
        &["After a long night of talks in the town, Anna Holt said the plan was late."],
        "Anna Holt",
    );
    assert!(roles.is_empty(), "{roles:?}");
}

/// A role right before the name does not hide another set off before it: "Velmar's army
/// chief, General Ada Korr" and "The mediator, Velmar's envoy Ada Korr" hold both, and
/// the one naming a party gives hers.
#[test]
fn an_office_set_off_before_a_rank_and_name_is_read_too() {
    let (roles, aff) = roles_of(
        &["Velmar’s army chief, General Ada Korr, said the troops would stay."],
        "Ada Korr",
    );
    assert_eq!(roles, ["General", "Velmar’s army chief"]);
    assert_eq!(aff.as_deref(), Some("Velmar"));
    let (roles, aff) = roles_of(
        &["The mediator, Velmar’s envoy Ada Korr, has issued a statement."],
        "Ada Korr",
    );
    assert_eq!(roles, ["Velmar’s envoy", "mediator"]);
    assert_eq!(aff.as_deref(), Some("Velmar"));
}

#[test]
fn a_body_or_a_person_a_role_ends_on_is_no_affiliation() {
    let (roles, aff) = roles_of(
        &["Amara Velloso, the chair of the Meridian Council, said the deadline held."],
        "Amara Velloso",
    );
    assert_eq!(roles, ["chair of the Meridian Council"]);
    assert_eq!(aff, None);
    let (roles, aff) = roles_of(
        &[
            "Amara Velloso said the deadline held.",
            "Ilan Dorsey, an adviser to Velloso, said the text was ready.",
        ],
        "Ilan Dorsey",
    );
    assert_eq!(roles, ["adviser to Velloso"]);
    assert_eq!(aff, None);
}

/// Every role anyone holds after reading `paragraphs`.
fn all_roles(paragraphs: &[&str]) -> Vec<String> {
    let (reg, _) = read(paragraphs);
    reg.people
        .iter()
        .flat_map(|p| p.roles.iter().map(|r| r.text.clone()))
        .collect()
}

#[test]
fn ordinary_appositives_are_no_roles() {
    for text in [
        "Mirela Stanek, 58, of Kestrel Ford, whose son was detained, said she would wait.",
        "Jonas Pelt, who led the envoys, said the talks were over.",
        "Greta Holm, the mayor’s wife, said the bridge was closed.",
        "Greta Holm, the head of the family, said the bridge was closed.",
    ] {
        assert_eq!(all_roles(&[text]), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn the_end_of_a_body_s_name_and_words_inside_quotes_are_no_people() {
    let (reg, _) = read(&[
        "Bertil Aske of the Saltgrave Institute for Regional Studies said the statement was “written for home”.",
        "“Nobody has maintained the dykes,” said Councillor Piet Vanders.",
        "Readers have asked what happens to the prisoners.",
    ]);
    let names = names(&reg);
    for junk in ["Studies", "Regional Studies", "Nobody", "Readers"] {
        assert!(!names.iter().any(|n| n == junk), "{names:?}");
    }
    assert!(names.iter().any(|n| n == "Piet Vanders"), "{names:?}");
}

#[test]
fn a_full_name_opening_a_sentence_is_a_person_who_keeps_a_second_reference() {
    let (reg, f) = read(&[
        "Farid Osei, who runs the Lumen Aid Alliance’s work in the hills, said few convoys came.",
        "“Every convoy needs three permits. Half our trucks wait in Dorn,” Mr Osei said.",
        "Josef Hadek has farmed barley for thirty years. His wife, Marta Hadek, runs the shop.",
    ]);
    let all = names(&reg);
    assert!(all.iter().any(|n| n == "Farid Osei"), "{all:?}");
    assert!(all.iter().any(|n| n == "Josef Hadek"), "{all:?}");
    assert_eq!(
        super::super::testing::speaker(&reg, &f, "Half our trucks"),
        "person: Farid Osei"
    );
}

#[test]
fn a_run_naming_a_place_or_an_association_is_no_person() {
    let (reg, _) = read(&[
        "Our reporter outside the Brackley Exhibition Centre says the envoys were late.",
        "Marek Dunn said Fort Aldery had been chosen because both sides trust it.",
        "Mara Quell, who chairs the Hollin Widows Association, said the list was short.",
        "Officials at the Kessel Works said the gates would stay shut.",
    ]);
    let all = names(&reg);
    for junk in [
        "Brackley Exhibition Centre",
        "Fort Aldery",
        "Widows Association",
        "Kessel Works",
    ] {
        assert!(!all.iter().any(|n| n == junk), "{junk}: {all:?}");
    }
    assert!(all.iter().any(|n| n == "Marek Dunn"), "{all:?}");
    assert!(all.iter().any(|n| n == "Mara Quell"), "{all:?}");
}

#[test]
fn a_rank_or_job_word_before_a_full_name_is_a_title() {
    let (reg, _) = read(&[
        "Harbourmaster Wenna Sloe said only one pier could take a trawler.",
        "Fisherman Piet Omberg said the nets were empty.",
        "Captain Orlo Vinn said the crews would wait.",
        "Those were the words of Captain Ansa Brel, who commanded the boarding.",
    ]);
    assert_eq!(
        names(&reg),
        ["Wenna Sloe", "Piet Omberg", "Orlo Vinn", "Ansa Brel"]
    );
    let roles: Vec<&str> = reg
        .people
        .iter()
        .flat_map(|p| p.roles.iter().map(|r| r.text.as_str()))
        .collect();
    assert_eq!(roles, ["Harbourmaster", "Fisherman", "Captain", "Captain"]);
}

#[test]
fn a_full_name_with_an_age_set_off_is_a_person_and_a_role_may_follow_the_age() {
    let (roles, _) = roles_of(
        &["Among the first off the ferry was Edda Lorn, 52, a former ambassador to Kessary, who waved."],
        "Edda Lorn",
    );
    assert_eq!(roles, ["former ambassador to Kessary"]);
    let (reg, _) = read(&["Waiting on the quay was Brun Halsey, 61, whose son is held."]);
    assert_eq!(names(&reg), ["Brun Halsey"]);
}

#[test]
fn a_surname_met_first_folds_into_the_one_full_name() {
    let (reg, _) = read(&[
        "“Nothing will be given away,” Minister Marsh said.",
        "President Edvin Marsh of Kestrava spoke later.",
    ]);
    assert_eq!(names(&reg), ["Edvin Marsh"]);
}

/// A role taken "as" is the role of the person before it, after an appositive too ("will take
/// over as chief negotiator", "who serves as the mediator", "was named as envoy"); a place a
/// role ends on takes no role, and "as" after another verb gives none.
#[test]
fn a_role_taken_as_is_the_role_of_the_person_before_it() {
    let (roles, _) = roles_of(
        &["Officials said Dalia Renko, a former ambassador to Osterland, will take over as chief negotiator with immediate effect."],
        "Dalia Renko",
    );
    assert!(roles.contains(&"chief negotiator".to_string()), "{roles:?}");
    let (roles, _) = roles_of(
        &["Jan Molk, who serves as the mediator, said little."],
        "Jan Molk",
    );
    assert_eq!(roles, ["mediator"]);
    let (roles, _) = roles_of(&["Ola Brisk was named as envoy on Monday."], "Ola Brisk");
    assert_eq!(roles, ["envoy"]);
    let (reg, _) = read(&[
        "Margit Olander, a former foreign minister of Osterland appointed as special envoy, spoke.",
    ]);
    assert!(
        !reg.people.iter().any(|p| p.name == "Osterland"),
        "{:?}",
        names(&reg)
    );
    let (roles, _) = roles_of(
        &["Piet Vanders, who spoke as the envoy arrived, said little."],
        "Piet Vanders",
    );
    assert!(roles.is_empty(), "{roles:?}");
}

#[test]
fn a_nickname_given_without_quotation_marks_is_the_person_it_names() {
    use super::super::testing::speaker;
    let (reg, f) = read(&[
        "Harbour chief Mira Tolle — known to the dockers as the Gardener for her rose beds — met the crews.",
        "Ferry owner Ida Brun, nicknamed the Night Owl by reporters, met them too.",
        "“We will sail at dawn,” the Gardener told them.",
        "Pilot Lars Omm, 40 - known on the quay as Anchor - waited.",
        "“Nobody pays me to wait,” Anchor said.",
    ]);
    assert_eq!(names(&reg), ["Mira Tolle", "Lars Omm"]);
    assert_eq!(speaker(&reg, &f, "sail at dawn"), "person: Mira Tolle");
    assert_eq!(speaker(&reg, &f, "pays me to wait"), "person: Lars Omm");
}

#[test]
fn a_bare_nickname_after_be_or_call_belongs_to_the_sentence_s_name() {
    use super::super::testing::speaker;
    let (reg, f) = read(&[
        "Greta Sund, the owner of a fish farm, is known on the coast as the Net Queen.",
        "Olaf Brekk, the skipper the harbour papers call the Compass, sailed late.",
        "“Prices will rise,” the Net Queen said. “We stay,” the Compass said.",
    ]);
    assert_eq!(names(&reg), ["Greta Sund", "Olaf Brekk"]);
    assert_eq!(speaker(&reg, &f, "Prices will rise"), "person: Greta Sund");
    assert_eq!(speaker(&reg, &f, "We stay"), "person: Olaf Brekk");
}

#[test]
fn a_bare_nickname_no_name_owns_is_no_person_and_a_verb_s_object_no_nickname() {
    let (reg, _) = read(&[
        "The grey-haired boss - known in the valley as the Mill Lord - walked out.",
        "“I want my money,” the Mill Lord said.",
        "Minister Ada Kell called the Harbour Pact a mistake.",
        "Mayor Rolf Ekdal, the host, calls Lindhavn “our shared harbour”.",
        "Oddly, the other envoy is also called Ekdal.",
    ]);
    assert!(!names(&reg).iter().any(|n| n.contains("Lord")));
    assert!(!reg
        .nicknames
        .contains_key(&vec!["harbour".to_string(), "pact".to_string()]));
    assert!(!reg.nicknames.contains_key(&vec!["lindhavn".to_string()]));
    assert!(!reg.nicknames.contains_key(&vec!["ekdal".to_string()]));
}

#[test]
fn a_shared_surname_a_side_s_name_or_a_pronoun_s_place_is_no_bare_nickname() {
    use super::super::testing::speaker;
    let (reg, f) = read(&[
        "Envoy Piet Marrow arrived on Monday. Oddly, the other side's negotiator is also called Marrow. Ilse Marrow, no relation, leads their team.",
        "Professor Kai Dunne, who has advised three governments, called the Velmark approach too slow. He flew to Velmark twice.",
        "In Tessby he is known simply as the Tinker.",
        "“We will wait,” Ilse Marrow said.",
    ]);
    assert!(!reg.nicknames.contains_key(&vec!["marrow".to_string()]));
    assert!(!reg.nicknames.contains_key(&vec!["velmark".to_string()]));
    assert!(reg
        .nicknames
        .get(&vec!["tinker".to_string()])
        .is_none_or(|of| of.iter().all(Vec::is_empty)));
    assert_eq!(speaker(&reg, &f, "We will wait"), "person: Ilse Marrow");
}

#[test]
fn a_nickname_of_english_words_given_elsewhere_names_its_person() {
    use super::super::testing::speaker;
    let (reg, f) = read(&[
        "The old clockmaker, known across Tessby as the Tinker, wrote to the minister.",
        "Ole Varga, the 88-year-old clockmaker everyone in Tessby calls the Tinker, said little.",
        "“They never asked us,” the Tinker said.",
    ]);
    assert_eq!(speaker(&reg, &f, "never asked us"), "person: Ole Varga");
}

#[test]
fn a_capitalised_contraction_is_no_person() {
    use super::super::testing::speaker;
    let (reg, f) = read(&[
        "The mayor, Hanne Molt, spoke on air.",
        "MOLT: Osric says a lot of things. I've told him so. He told me, “You will thank me.”",
    ]);
    assert!(
        !names(&reg).iter().any(|n| n.contains('\'')),
        "{:?}",
        names(&reg)
    );
    assert_ne!(speaker(&reg, &f, "You will thank me"), "person: I've");
}

#[test]
fn one_common_word_after_the_is_a_thing_not_a_person() {
    let (reg, _) = read(&[
        "The Accord was signed at 10:00 by Minister Teodor Marek. The Accord will be submitted to parliament.",
        "Article 1 of the Accord says it plainly. The Commission met on Monday.",
    ]);
    assert_eq!(names(&reg), ["Teodor Marek"]);
}

#[test]
fn a_contraction_needs_an_apostrophe() {
    let c = crate::lexicon::Lexicon::builtin().compile();
    assert!(super::contraction("I’ll", &c));
    assert!(super::contraction("We've", &c));
    assert!(!super::contraction("O'Neill", &c));
    assert!(!super::contraction("Ill", &c));
    assert!(!super::contraction("Weve", &c));
}
