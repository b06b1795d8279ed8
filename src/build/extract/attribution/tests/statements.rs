//! Attribution tests about written statements and documents: whose words a statement's are
//! (who issued it, a body's office, nobody when no issuer is told), a document as a verb's
//! subject, a colon after a statement, and words about someone's statement.

use crate::build::extract::testing::{read, speaker};

#[test]
fn a_statement_s_words_are_those_of_who_issued_it() {
    let (reg, f) = read(&[
        "11:52 — The mediator, Envoy Oona Castell, has issued a short written statement. It reads in full: “The talks have paused.”",
        "15:10 – Brandt's office has released a short statement. It reads: “We await a reply.”",
        "The office of President Anton Vesh issued a statement on Thursday. The statement is given below in part.",
        "“Halvark has negotiated in good faith.”",
        "Castell welcomed the statement. It reads: “Nothing here is new.”",
    ]);
    assert_eq!(
        speaker(&reg, &f, "talks have paused"),
        "person: Oona Castell"
    );
    assert_eq!(
        speaker(&reg, &f, "await a reply"),
        "source: Brandt's office"
    );
    assert_eq!(
        speaker(&reg, &f, "good faith"),
        "source: The office of President Anton Vesh"
    );
    // Welcoming a statement is not issuing it.
    let who = speaker(&reg, &f, "Nothing here");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_document_speaks_for_who_said_it_in_that_document() {
    let (reg, f) = read(&[
        "Kestrava’s interior ministry says in a statement that Marek Lind will visit on Friday. The statement calls the visit “long overdue”.",
    ]);
    assert_eq!(
        speaker(&reg, &f, "long overdue"),
        "source: Kestrava’s interior ministry"
    );
}

#[test]
fn a_colon_after_an_owner_or_a_statement_gives_the_words_to_the_source() {
    let (reg, f) = read(&[
        "Foreign Minister Hana Vilk’s spokesman was blunt: “There is no second map.”",
        "President Anton Vesh stayed away. The statement from Mr Vesh’s office ends: “We remain ready to talk.”",
    ]);
    assert_eq!(
        speaker(&reg, &f, "no second map"),
        "source: Foreign Minister Hana Vilk’s spokesman"
    );
    assert_eq!(
        speaker(&reg, &f, "ready to talk"),
        "source: The statement from Mr Vesh’s office"
    );
}

#[test]
fn a_statement_as_the_subject_of_a_verb_is_who_issued_it_or_nobody() {
    let (reg, f) = read(&[
        "The transport ministry said in a statement on Friday that the quay would reopen.",
        "“Repairs are complete,” the statement said.",
    ]);
    assert_eq!(
        speaker(&reg, &f, "Repairs are complete"),
        "source: The transport ministry"
    );
    // No issuer told before: the statement's words are nobody's, and it is no body.
    let (reg, f) = read(&[
        "The quay was closed for a month.",
        "“Repairs are complete,” the statement said.",
    ]);
    let who = speaker(&reg, &f, "Repairs are complete");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_statement_someone_issued_speaks_for_them_and_thanks_and_memories_are_words() {
    let (reg, f) = read(&[
        "Envoy Mara Lind met the ferry owners on Monday.",
        "Ms Lind later issued a written statement accusing the port of “bad faith”.",
        "Ms Lind issued a warning to the port accusing it of “dirty tricks”.",
        "Envoy Mara Lind also thanked the fishermen for “their patience”.",
        "Prof Jon Holm, who taught her at the naval college, remembers a student who “never gave up”.",
    ]);
    assert_eq!(speaker(&reg, &f, "bad faith"), "person: Mara Lind");
    // A warning is no document: the phrase before the verb is no speaker.
    let who = speaker(&reg, &f, "dirty tricks");
    assert!(who.starts_with("unattributed: "), "{who}");
    assert_eq!(speaker(&reg, &f, "their patience"), "person: Mara Lind");
    assert_eq!(speaker(&reg, &f, "never gave up"), "person: Jon Holm");
}

#[test]
fn words_about_someone_s_statement_stay_the_speaker_s() {
    let (reg, f) = read(&[
        "Envoy Jonas Pelt said of the statement of the ministry that it was “a joke”.",
        "The statement from Mr Pelt’s office ends: “We remain ready.”",
    ]);
    assert_eq!(speaker(&reg, &f, "a joke"), "person: Jonas Pelt");
    assert_eq!(
        speaker(&reg, &f, "We remain ready"),
        "source: The statement from Mr Pelt’s office"
    );
}
