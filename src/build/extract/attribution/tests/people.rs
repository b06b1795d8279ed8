//! Attribution tests about people: full names, nicknames, surnames, titles, and whom a
//! pronoun may stand for.

use crate::build::extract::testing::{read, speaker};

#[test]
fn honorifics_and_titles_before_a_surname_name_the_full_name() {
    let (reg, f) = read(&[
        "Sen. Marta Holloway chairs the committee. Col. Ivo Brenn led the last mission.",
        "“Forty monitors,” Ms. Holloway said.",
        "“Nothing will be given away,” Col. Brenn mentioned in his post.",
    ]);
    assert_eq!(
        speaker(&reg, &f, "Forty monitors"),
        "person: Marta Holloway"
    );
    assert_eq!(speaker(&reg, &f, "Nothing will"), "person: Ivo Brenn");
    assert!(reg
        .people
        .iter()
        .all(|p| !p.name.contains("Col") && !p.name.contains("Sen")));
}

#[test]
fn a_quotation_inside_another_is_its_named_sayer_s_or_nobody_s() {
    let (reg, f) = read(&[
        "Envoy Tomas Reyel met Petra Olsk on Monday.",
        "“Olsk told our team, ‘Take it or leave it,’ and we left,” Reyel said. “The key word is ‘patience’.”",
    ]);
    assert_eq!(speaker(&reg, &f, "and we left"), "person: Tomas Reyel");
    // The inner quotations are quotes of their own, beside the outer ones.
    let inner = |words: &str| {
        let q = f
            .quotes
            .iter()
            .find(|q| q.text == words)
            .expect("inner quote");
        match &q.speaker {
            crate::knowledge::Speaker::Person(id) => reg.get(id).expect("known").name.clone(),
            other => format!("{other:?}"),
        }
    };
    assert_eq!(inner("Take it or leave it"), "Petra Olsk");
    assert_eq!(inner("patience"), "Unattributed");
}

#[test]
fn a_second_predicate_after_a_quote_is_the_subject_s_and_a_role_set_off_is_the_name_s() {
    let (reg, f) = read(&[
        "Special envoy Oskar Brenn resigned on Tuesday.",
        "Morvany denied it. Its envoy, Oskar Brenn, said the strike came from “irregular units” and called the walkout “an excuse”.",
    ]);
    assert_eq!(speaker(&reg, &f, "irregular units"), "person: Oskar Brenn");
    assert_eq!(speaker(&reg, &f, "an excuse"), "person: Oskar Brenn");
}

#[test]
fn a_new_full_name_as_a_subject_is_who_the_next_pronoun_stands_for() {
    let (reg, f) = read(&[
        "10:40 – Saskia Moor reports that the doors have closed. “They are carrying in coffee,” she writes.",
        "Her neighbour, pensioner Otto Brun, 71, agreed. “Every night the windows shake,” he said.",
        "Mum-of-three Greta Falk, whose farm sits on the bank, said: “We just want to sleep.”",
        "Yesterday Human Rights Watch met the delegation. “Nothing was agreed,” he said.",
    ]);
    assert_eq!(
        speaker(&reg, &f, "carrying in coffee"),
        "person: Saskia Moor"
    );
    assert_eq!(speaker(&reg, &f, "windows shake"), "person: Otto Brun");
    assert_eq!(speaker(&reg, &f, "want to sleep"), "person: Greta Falk");
    let who = speaker(&reg, &f, "Nothing was agreed");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_role_then_the_name_set_off_by_commas_is_the_named_person() {
    let (reg, f) = read(&[
        "Kestrava’s foreign minister, Ilka Marten, described the offer as “a useful first sentence”.",
        "Halvark’s army chief, General Henrik Brandt, said troops would move “step for step”.",
        "In Lunde, the city’s mayor, Hugo Marten, called the delay “a setback, not a funeral”.",
    ]);
    assert_eq!(speaker(&reg, &f, "useful first"), "person: Ilka Marten");
    assert_eq!(speaker(&reg, &f, "step for step"), "person: Henrik Brandt");
    assert_eq!(speaker(&reg, &f, "setback"), "person: Hugo Marten");
    // "In Lunde": a word used as a place is no person, though a role follows it.
    assert!(
        reg.people.iter().all(|p| p.name != "Lunde"),
        "{:?}",
        reg.people
    );
}

#[test]
fn according_to_an_honorific_and_a_pronoun_after_an_opening_phrase() {
    let (reg, f) = read(&[
        "General Henrik Brandt commands the northern front.",
        "According to Gen. Brandt, the valley holds “about four thousand soldiers”.",
        "In a speech to cadets on Saturday he described the talks as “a waiting room”.",
    ]);
    assert_eq!(speaker(&reg, &f, "four thousand"), "person: Henrik Brandt");
    assert_eq!(speaker(&reg, &f, "waiting room"), "person: Henrik Brandt");
}

#[test]
fn an_occupation_between_the_verb_and_the_name_is_no_part_of_it() {
    let (reg, f) = read(&[
        "“They have drawn a line through my kitchen!” fumed farmer Greta Holm, 64.",
        "“My grandfather is buried on that hill.”",
    ]);
    assert_eq!(speaker(&reg, &f, "my kitchen"), "person: Greta Holm");
    assert_eq!(speaker(&reg, &f, "grandfather"), "person: Greta Holm");
}

#[test]
fn the_name_before_the_verb_of_a_relative_clause_is_its_subject() {
    let (reg, f) = read(&[
        "Foreign Minister Hana Vilk spoke on Monday.",
        "The other side wants the old rail line, a demand Vilk has called “a land grab”.",
        "The other side wants the old rail line, a demand nobody has called “a bargain”.",
    ]);
    assert_eq!(speaker(&reg, &f, "land grab"), "person: Hana Vilk");
    let who = speaker(&reg, &f, "a bargain");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_relative_aside_ending_on_a_name_is_not_the_subject() {
    let (reg, f) = read(&[
        "Foreign Minister Hana Vilk spoke first.",
        "Halvark’s envoy, Jonas Pelt, who appointed Vilk, told reporters she had “the patience of a river”.",
    ]);
    assert_eq!(
        speaker(&reg, &f, "patience of a river"),
        "person: Jonas Pelt"
    );
}

#[test]
fn a_person_introduced_after_was_is_who_the_next_pronoun_stands_for() {
    let (reg, f) = read(&[
        "Among those waiting at the crossing was Greta Holm, 64, of Ossery, whose son is missing. “I come every week,” she said.",
        "Among those waiting were two soldiers and Foreign Minister Hana Vilk, who met Col. Ivo Brenn. “It is cold,” she said.",
    ]);
    assert_eq!(speaker(&reg, &f, "every week"), "person: Greta Holm");
    // Two people named: the pronoun stays nobody's.
    let who = speaker(&reg, &f, "It is cold");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_surname_written_elsewhere_after_a_given_name_is_that_full_name() {
    let (reg, f) = read(&[
        "Greta Holm, who runs the crossing, said it was “full from dawn”.",
        "“We need it open at night,” Holm said.",
    ]);
    assert_eq!(speaker(&reg, &f, "full from dawn"), "person: Greta Holm");
    assert_eq!(speaker(&reg, &f, "open at night"), "person: Greta Holm");
}

#[test]
fn a_surname_nobody_known_bears_stops_a_pronoun_reaching_past_it() {
    // "Mink" is Aurel Mink, whom the registry did not know: "he" is never Hana Vilk's.
    // Introduced as the subject, he is known now, and the sentence about him settles "he".
    let (reg, f) = read(&[
        "Her neighbour, Aurel Mink, a retired teacher, waited too.",
        "Foreign Minister Hana Vilk visited in May.",
        "For Mink, little has changed. “Nothing moves,” he said.",
    ]);
    assert_eq!(speaker(&reg, &f, "Nothing moves"), "person: Aurel Mink");
    // Named where he is no subject, with nothing saying he is a person, he stays unknown,
    // and "he" stands for nobody settled.
    let (reg, f) = read(&[
        "A letter came from Aurel Mink in April.",
        "Foreign Minister Hana Vilk visited in May.",
        "Mink was not there. “Nothing moves,” he said.",
    ]);
    let who = speaker(&reg, &f, "Nothing moves");
    assert!(who.starts_with("unattributed: "), "{who}");
    // "The retired teacher Aurel Mink" is a person: "Mink was not there" is about him.
    let (reg, f) = read(&[
        "A letter came from the retired teacher Aurel Mink in April.",
        "Foreign Minister Hana Vilk visited in May.",
        "Mink was not there. “Nothing moves,” he said.",
    ]);
    assert_eq!(speaker(&reg, &f, "Nothing moves"), "person: Aurel Mink");
}

#[test]
fn a_nickname_in_quotation_marks_and_an_honorific_s_stop_are_no_part_of_the_name() {
    let (reg, f) = read(&[
        "The meeting was chaired by the council chairman, Bernard “Bunny” Hallam, who has held the post for years.",
        "“We are a small place,” Mr. Hallam told the meeting.",
        "“I have knitted him three jumpers,” said Mrs. Dorothea Fenwick.",
        "“They said that in June,” said Mrs. Fenwick, who is 71.",
    ]);
    assert_eq!(speaker(&reg, &f, "small place"), "person: Bernard Hallam");
    assert!(speaker(&reg, &f, "Bunny").starts_with("unattributed: "));
    assert_eq!(speaker(&reg, &f, "in June"), "person: Dorothea Fenwick");
    assert!(reg.people.iter().all(|p| p.name != "Hallam"));
}

#[test]
fn a_noun_for_a_person_or_the_body_after_a_full_name_introduces_someone() {
    let (reg, f) = read(&[
        "The historian Paulina Strand has written the only history of the strip.",
        "“Memory is not a policy,” Dr Strand said.",
        "The question came from Bruno Achterberg of the Harsk Tribune, who asked whether the town was “lost for good”.",
        "Ines Harrow, the envoy, turned to Noor Sallis of the Olmen Daily. “You will have your answer,” she said.",
    ]);
    assert_eq!(speaker(&reg, &f, "Memory"), "person: Paulina Strand");
    assert_eq!(
        speaker(&reg, &f, "lost for good"),
        "person: Bruno Achterberg"
    );
    let who = speaker(&reg, &f, "your answer");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_lone_surname_nobody_registered_stops_a_pronoun_reaching_past_it() {
    // "Mink" is known from nowhere as a person: "she" may be his interlocutor's or not.
    let (reg, f) = read(&[
        "Foreign Minister Hana Vilk visited in May.",
        "Vilk met Mink. “Nothing moves,” she said.",
    ]);
    let who = speaker(&reg, &f, "Nothing moves");
    assert!(who.starts_with("unattributed: "), "{who}");
    // An acronym, a channel or a capital city named that way are nobody.
    let (reg, f) = read(&[
        "Foreign Minister Hana Vilk told the NBS she was hopeful, speaking in the capital Arlen.",
        "“Nothing moves,” she said.",
    ]);
    assert_eq!(speaker(&reg, &f, "Nothing moves"), "person: Hana Vilk");
}

#[test]
fn bodies_countries_and_channels_in_the_sentence_before_do_not_stop_a_pronoun() {
    let (reg, f) = read(&[
        "Prime Minister Selma Quist spoke on Monday.",
        "Quist also said her government would ask the Joint Monitoring Commission to publish its reports.",
        "“Sunlight is the best monitor,” she added.",
        "Negotiator Rafael Unger spoke too.",
        "Unger was asked by a Vestrelian reporter about a post on the general staff's Telegram channel. “I do not read Telegram at breakfast,” he said.",
        "Presenter Tom Keel put it to her that Dunmara had turned down two maps. “Why is this one different?” he asked.",
    ]);
    assert_eq!(speaker(&reg, &f, "Sunlight"), "person: Selma Quist");
    assert_eq!(speaker(&reg, &f, "breakfast"), "person: Rafael Unger");
    assert_eq!(speaker(&reg, &f, "this one different"), "person: Tom Keel");
    assert!(reg.people.iter().all(|p| p.name != "Telegram"));
}

#[test]
fn a_person_noun_or_honorific_before_the_subject_and_an_age_after_it_hide_nothing() {
    let (reg, f) = read(&[
        "The historian Paulina Strand, of the University of Olmen, has written a history.",
        "“For sixty years there were two post offices,” she told me.",
        "The bishop of the diocese, Monsignor Lucan Weir, has been less restrained. In a sermon he described the plan as “a partition with better manners.”",
        "Not everyone agreed. Wilf Garrow, 80, a retired signalman, said: “Promises are cheap.”",
    ]);
    assert_eq!(speaker(&reg, &f, "sixty years"), "person: Paulina Strand");
    assert_eq!(speaker(&reg, &f, "better manners"), "person: Lucan Weir");
    assert_eq!(speaker(&reg, &f, "Promises"), "person: Wilf Garrow");
}

#[test]
fn a_name_before_a_role_and_a_relative_clause_is_the_subject() {
    let (reg, f) = read(&[
        "Piet Varo, the Arden minister for roads, who arrived on Monday, said the bridge was “a scandal”.",
        "Chief negotiator Mira Toll arrived late.",
        "The talks are led by Mira Toll, a veteran diplomat who has called the bridge “a gift”.",
    ]);
    assert_eq!(speaker(&reg, &f, "a scandal"), "person: Piet Varo");
    assert_eq!(speaker(&reg, &f, "a gift"), "person: Mira Toll");
    assert!(f.sources.is_empty(), "{:?}", f.sources);
}

#[test]
fn a_nickname_and_a_rank_before_a_surname_are_the_person_named_in_full() {
    let (reg, f) = read(&[
        "Tomas Brenn, the dockers' leader, was angry. “We wait no longer,” raged Big Tomas, 61.",
        "Captain Ivo Sand commanded the patrol. “We follow orders,” Captain Sand said.",
    ]);
    assert_eq!(speaker(&reg, &f, "wait no longer"), "person: Tomas Brenn");
    assert_eq!(speaker(&reg, &f, "follow orders"), "person: Ivo Sand");
    assert!(reg
        .people
        .iter()
        .all(|p| p.name != "Big Tomas" && !p.name.contains("Captain")));
}

#[test]
fn a_given_name_alone_is_the_one_person_named_in_full_with_it() {
    let (reg, f) = read(&[
        "Senator Oriel Vantry opened the hearing on the canal.",
        "Oriel hit back that the toll was “a tax on bread”.",
    ]);
    assert_eq!(speaker(&reg, &f, "a tax on bread"), "person: Oriel Vantry");
    assert!(reg.people.iter().all(|p| p.name != "Oriel"));
    // Two people of that given name named in full: the given name alone is neither.
    let (reg, f) = read(&[
        "Senator Oriel Vantry opened the hearing. Mayor Oriel Mesk closed it.",
        "Oriel hit back that the toll was “a tax on bread”.",
    ]);
    let who = speaker(&reg, &f, "a tax on bread");
    assert!(
        who != "person: Oriel Vantry" && who != "person: Oriel Mesk",
        "{who}"
    );
}

#[test]
fn a_describing_word_before_a_title_and_a_time_after_the_name_keep_the_person() {
    let (reg, f) = read(&[
        "Fiery trade minister Hallam Croft last night blasted the “toll robbery” at the port.",
    ]);
    assert_eq!(speaker(&reg, &f, "toll robbery"), "person: Hallam Croft");
    // With no name before the time words, the phrase is no person.
    let (reg, f) = read(&["Fiery traders last night blasted the “toll robbery” at the port."]);
    let who = speaker(&reg, &f, "toll robbery");
    assert!(!who.starts_with("person: "), "{who}");
}

#[test]
fn a_quote_standing_alone_before_the_verdict_of_a_new_full_name_is_theirs() {
    let (reg, f) = read(&[
        "Envoy Mara Lind arrived on Monday.",
        "“Nobody here trusts the map.” That was the verdict of Ilka Tormo, 51, whose son Jon is a skipper.",
    ]);
    assert_eq!(speaker(&reg, &f, "trusts the map"), "person: Ilka Tormo");
}

#[test]
fn a_subject_before_a_dash_aside_and_a_pronoun_before_but_speak() {
    let (reg, f) = read(&[
        "Port chief Olek Brand — “Old Iron” to his crews — last night blasted the talks as “a tea party”.",
        "10:15 Envoy Mara Lind has arrived. She did not stop, but told one reporter: “We start at noon.”",
    ]);
    assert_eq!(speaker(&reg, &f, "a tea party"), "person: Olek Brand");
    // The nickname in the aside is nobody's words: the verb characterises what follows it.
    let who = speaker(&reg, &f, "Old Iron");
    assert!(who.starts_with("unattributed: "), "{who}");
    assert_eq!(speaker(&reg, &f, "start at noon"), "person: Mara Lind");
}

#[test]
fn a_shared_surname_right_after_one_sharer_s_full_name_is_theirs() {
    let (reg, f) = read(&[
        "Ferry captain Jonas Holm said the route was safe.",
        "Later the mediator spoke. Vera Holm, the envoy from Oslav, is hopeful.",
        "“Both ports want the same thing,” Holm said.",
    ]);
    assert_eq!(speaker(&reg, &f, "Both ports"), "person: Vera Holm");
    // Not when the surname alone has stood for the other Holm before.
    let (reg, f) = read(&[
        "Ferry captain Jonas Holm said the route was safe. Holm, 61, has sailed it for years.",
        "Later the mediator spoke. Vera Holm, the envoy from Oslav, is hopeful.",
        "“Both ports want the same thing,” Holm said.",
    ]);
    let who = speaker(&reg, &f, "Both ports");
    assert!(who.starts_with("unattributed: "), "{who}");
    // Nor when the other Holm is named in full in the same paragraph.
    let (reg, f) = read(&[
        "Ferry captain Jonas Holm said the route was safe.",
        "Vera Holm, the envoy from Oslav, is hopeful. “Both ports want the same thing,” Holm said, turning to Jonas Holm.",
    ]);
    let who = speaker(&reg, &f, "Both ports");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_name_before_an_aside_set_off_by_dashes_right_before_the_verb_speaks() {
    let (reg, f) = read(&[
        "Councillor Olek Brand — “Bulldozer Brand” to the ferrymen — slammed the plan as “a toll on the poor”.",
        "The new ferry timetable — “the squeeze” to its critics — slammed into the budget as “a bill for the poor”.",
    ]);
    assert_eq!(speaker(&reg, &f, "toll on the poor"), "person: Olek Brand");
    // A thing before the aside is no speaker.
    let who = speaker(&reg, &f, "bill for the poor");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_given_name_after_a_quotation_is_the_one_person_named_in_full_with_it() {
    let (reg, f) = read(&[
        "Cal Brodie, the skipper of a grain barge, spent 11 days on a sandbank.",
        "“I have never seen it this low,” chuckled Cal, 61.",
    ]);
    assert_eq!(speaker(&reg, &f, "never seen it"), "person: Cal Brodie");
    // Two people of that given name named in full: the given name alone is neither.
    let (reg, f) = read(&[
        "Cal Brodie, the skipper of a grain barge, met Cal Ostrow, the lock keeper.",
        "“I have never seen it this low,” chuckled Cal, 61.",
    ]);
    let who = speaker(&reg, &f, "never seen it");
    assert!(
        who != "person: Cal Brodie" && who != "person: Cal Ostrow",
        "{who}"
    );
}

#[test]
fn a_nickname_in_a_dash_aside_is_no_one_else() {
    let (reg, f) = read(&[
        "Harbour chief Olek Brand - Old Salt to his crews - could not resist. He posted on his channel: “We won.”",
        "Harbour chief Olek Brand - Jon Holm to his left - could not resist. He posted on his channel: “We lost.”",
    ]);
    assert_eq!(speaker(&reg, &f, "We won"), "person: Olek Brand");
    // Someone beside him is someone else: the pronoun is not settled.
    let who = speaker(&reg, &f, "We lost");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_nickname_the_text_gives_a_person_is_that_person() {
    let (reg, f) = read(&[
        "Harbour minister Olek “the Heron” Brand met the unions. Trade envoy Mira Sallow — dubbed “Steel Mira” by dockers — stayed away.",
        "“No deal today,” Mr Brand said.",
        "“We will not sign,” the Heron growled as he left.",
        "Steel Mira replied within the hour. “Then nobody eats,” she said.",
    ]);
    assert_eq!(speaker(&reg, &f, "We will not sign"), "person: Olek Brand");
    assert_eq!(speaker(&reg, &f, "nobody eats"), "person: Mira Sallow");
    let who = speaker(&reg, &f, "Steel Mira");
    assert!(who.starts_with("unattributed: a nickname"), "{who}");
    assert!(reg
        .people
        .iter()
        .all(|p| !p.name.contains("Heron") && !p.name.contains("Steel")));
}

#[test]
fn a_body_named_in_full_before_keeps_that_name() {
    let (reg, f) = read(&[
        "The Velmar Coastguard boarded the trawler in January.",
        "In a statement, the coastguard said the crew were “treated well”.",
        "The ministry said the talks were “useful”.",
    ]);
    assert_eq!(
        speaker(&reg, &f, "treated well"),
        "source: The Velmar Coastguard"
    );
    // No ministry was named before: the words as written.
    assert_eq!(speaker(&reg, &f, "useful"), "source: The ministry");
}

#[test]
fn a_body_is_not_given_a_name_the_article_gave_two_bodies() {
    let (reg, f) = read(&[
        "The Velmar Coastguard and the Ostra Coastguard both patrol the strait.",
        "In a statement, the coastguard said the crew were “treated well”.",
    ]);
    assert_eq!(speaker(&reg, &f, "treated well"), "source: the coastguard");
}

#[test]
fn a_nickname_tied_to_no_one_is_no_person_of_its_own() {
    // Given by fishermen to nobody the text names (no name before the aside's comma), and
    // a quoted phrase after "dubbed" that is no nickname of the name before it.
    let (reg, f) = read(&[
        "The new patrol boat, dubbed “the Heron” by fishermen, left port at dawn.",
        "“We will not sign,” the Heron growled as it left.",
        "Envoy Mira Sallow, who dubbed the plan “Operation Trap”, stayed away. “Then nobody eats,” she said.",
    ]);
    let who = speaker(&reg, &f, "We will not sign");
    assert!(who.starts_with("unattributed: "), "{who}");
    assert!(reg.people.iter().all(|p| !p.name.contains("Heron")));
    assert_eq!(speaker(&reg, &f, "nobody eats"), "person: Mira Sallow");
    assert!(reg
        .nicknames
        .keys()
        .all(|k| !k.contains(&"trap".to_string())));
}
