//! Unit tests of the registry's name matching on short passages.

use super::super::testing::{read, speaker};
use super::super::words::name_words;

#[test]
fn a_place_ends_at_the_end_of_its_sentence() {
    let (reg, _) =
        read(&["Reaction came from the Lumen Aid Alliance. Farid Osei, its coordinator, said so."]);
    assert!(reg.places.contains("alliance"), "{:?}", reg.places);
    assert!(!reg.places.contains("farid"), "{:?}", reg.places);
}

#[test]
fn mentions_find_full_names_and_surnames_and_the_registry_folds_them() {
    let (reg, f) = read(&["Envoy Jonas Pelt arrived. Pelt said the talks would resume."]);
    assert_eq!(reg.people.len(), 1);
    assert_eq!(f.sentences[0][0].people, ["jonas-pelt"]);
    assert_eq!(f.sentences[0][1].people, ["jonas-pelt"]);
    assert_eq!(name_words("Jonas Pelt’s"), ["jonas", "pelt"]);
}

#[test]
fn a_known_surname_after_another_given_name_is_not_that_person() {
    let (reg, f) = read(&[
        "At the market, stallholder Ruth Amsel said she would believe in peace “when the bridge opens”.",
        "Mrs. Amsel's son, Jonas Amsel, said the closure cost him “two hours there, two hours back”.",
        "Mum-of-three Greta Falk said: “We just want to sleep.”",
        "“Nobody has maintained the dykes,” said Cllr Vanders.",
    ]);
    // Never Ruth Amsel's: "son" before the full name makes Jonas Amsel known, and his.
    assert_eq!(speaker(&reg, &f, "two hours"), "person: Jonas Amsel");
    assert_eq!(speaker(&reg, &f, "bridge opens"), "person: Ruth Amsel");
    assert_eq!(speaker(&reg, &f, "sleep"), "person: Greta Falk");
    assert_eq!(speaker(&reg, &f, "dykes"), "person: Vanders");
}

#[test]
fn a_surname_two_people_share_is_nobody_s_unless_the_text_tells_them_apart() {
    let (reg, f) = read(&[
        "Foreign Minister Anna Kell met her cousin, General Boris Kell, in Ossery.",
        "“We are close,” Kell said on Monday.",
        "“Not before the snow,” Gen. Kell said.",
        "“There will be a text,” said Foreign Minister Kell.",
        "“I have heard that before,” said Boris Kell.",
    ]);
    let who = speaker(&reg, &f, "We are close");
    assert!(who.contains("surname several people share"), "{who}");
    assert_eq!(speaker(&reg, &f, "snow"), "person: Boris Kell");
    assert_eq!(speaker(&reg, &f, "a text"), "person: Anna Kell");
    assert_eq!(speaker(&reg, &f, "heard that"), "person: Boris Kell");
    assert!(
        reg.people.iter().all(|p| p.name != "Kell"),
        "{:?}",
        reg.people
    );
}

#[test]
fn a_courtesy_title_written_before_one_full_name_tells_the_surname_apart() {
    let (reg, f) = read(&[
        "Ms Anna Kell and Mr Boris Kell, who are not related, sat on the panel.",
        "“The map is final,” Ms Kell said.",
        "“It is not,” Mr Kell said.",
        "“Ask the ministry,” Dr Kell said.",
    ]);
    assert_eq!(speaker(&reg, &f, "map is final"), "person: Anna Kell");
    assert_eq!(speaker(&reg, &f, "It is not"), "person: Boris Kell");
    let who = speaker(&reg, &f, "Ask the ministry");
    assert!(who.starts_with("unattributed: "), "{who}");
}
#[test]
fn a_shared_surname_is_the_one_named_in_full_so_far_and_a_courtesy_title_rules_out_the_other_sex() {
    let (reg, f) = read(&[
        "Defence Minister Gregor Aldane received us.",
        "“Two kilometres,” Aldane said.",
        "His wife, Irena Aldane, joined us. “He has not slept,” she said.",
        "“That is not true,” Aldane said.",
        "“I have knitted three jumpers,” said Mrs. Dorothea Fenwick.",
        "Her son, Ray Fenwick, said the family had heard nothing. “We get more news from the radio,” Mr. Fenwick said.",
    ]);
    assert_eq!(speaker(&reg, &f, "Two kilometres"), "person: Gregor Aldane");
    assert_eq!(speaker(&reg, &f, "not slept"), "person: Irena Aldane");
    let who = speaker(&reg, &f, "not true");
    assert!(who.contains("surname several people share"), "{who}");
    assert_eq!(speaker(&reg, &f, "the radio"), "person: Ray Fenwick");
}
