//! Unit tests of the sentence walk in `mod.rs`: headlines, transcript answers and quotations
//! attached to verbs, on short passages.

use super::testing::{read, read_titled, speaker};

#[test]
fn answers_in_an_interview_are_the_words_of_the_one_the_headline_names() {
    let paragraphs = [
        "Envoy Lidia Varenko said on Monday that the talks would go on.",
        "**Is a deal close?**",
        "“Closer than it was. Close is a dangerous word.”",
        "**Jonas Pelt says you are too patient. Is he right?**",
        "“I do not grade the parties.”",
        "**And Jonas Pelt?**",
        "“He is the most patient of us all.”",
    ];
    let (reg, f) = read_titled("Lidia Varenko: the river is everything", &paragraphs);
    assert_eq!(speaker(&reg, &f, "Closer than"), "person: Lidia Varenko");
    assert_eq!(speaker(&reg, &f, "do not grade"), "person: Lidia Varenko");
    assert_eq!(speaker(&reg, &f, "most patient"), "person: Lidia Varenko");
    // A headline naming nobody settles nobody: the answers stay unattributed, and never
    // go to the person a question names.
    let (reg, f) = read_titled("The river is everything", &paragraphs);
    for words in ["Closer than", "do not grade", "most patient"] {
        let who = speaker(&reg, &f, words);
        assert!(who.starts_with("unattributed: "), "{who}");
    }
}

#[test]
fn an_answer_given_to_someone_in_an_interview_gives_them_the_next_answers() {
    let (reg, f) = read(&[
        "Envoy Lidia Varenko spoke to us between sessions.",
        "What do you do all day? “Mostly I listen,” Varenko says.",
        "Is the truce holding? “It is holding because both armies are tired.”",
        "Will there be a deal? “Ask me in September,” she says.",
    ]);
    assert_eq!(speaker(&reg, &f, "It is holding"), "person: Lidia Varenko");
    assert_eq!(speaker(&reg, &f, "Ask me"), "person: Lidia Varenko");
}

#[test]
fn a_quotation_standing_alone_continues_the_speaker_before_it() {
    let (reg, f) = read(&[
        "Foreign Minister Lidia Varenko said the map would be ready on Tuesday. “Every crossing is on it.”",
        "“Every single one.”",
    ]);
    assert_eq!(speaker(&reg, &f, "Every crossing"), "person: Lidia Varenko");
    assert_eq!(
        speaker(&reg, &f, "Every single one"),
        "person: Lidia Varenko"
    );
    assert!(f.quotes.iter().all(|q| q.continuation));
}

#[test]
fn a_quotation_standing_alone_is_whoever_the_sentence_after_it_names() {
    let (reg, f) = read(&[
        "The envoy, Ines Harrow, declined to comment on the map.",
        "“The window is weeks, not months.” The warning came from the foreign minister, Aurel Fane, in a speech.",
        "“Nobody should expect fireworks.” That was the verdict of Calloway's deputy, Elsa Morrow, as she left.",
        "“It will rain.” Then Anton Reyes, the mayor, left the hall.",
    ]);
    assert_eq!(speaker(&reg, &f, "The window"), "person: Aurel Fane");
    assert_eq!(speaker(&reg, &f, "fireworks"), "person: Elsa Morrow");
    let who = speaker(&reg, &f, "It will rain");
    assert!(who.starts_with("unattributed: "), "{who}");
    let (reg, f) = read(&[
        "Negotiator Rafael Unger met Piet Calloway on Tuesday.",
        "“I do not read Telegram at breakfast.” — Rafael Unger, the chief negotiator.",
    ]);
    assert_eq!(speaker(&reg, &f, "breakfast"), "person: Rafael Unger");
}

#[test]
fn a_verb_whose_colon_opens_a_later_quotation_does_not_attribute_a_name_before_it() {
    let (reg, f) = read(&[
        "Speaking to the station's “Morning Report” on Wednesday, Foreign Minister Hanne Ruskin said: “We have listened.”",
        "“We need the bridge open,” Ruskin said, adding: “Nobody should have to choose.”",
    ]);
    assert!(speaker(&reg, &f, "Morning Report").starts_with("unattributed: "));
    assert_eq!(
        speaker(&reg, &f, "We have listened"),
        "person: Hanne Ruskin"
    );
    assert_eq!(speaker(&reg, &f, "bridge open"), "person: Hanne Ruskin");
    assert_eq!(speaker(&reg, &f, "Nobody should"), "person: Hanne Ruskin");
}

#[test]
fn a_shared_surname_in_a_piece_headlined_with_one_of_them_is_theirs_unless_the_other_is_near() {
    let paragraphs = [
        "Envoy Mara Lind grew up on the coast.",
        "Her father, Jon Lind, fished there for forty years.",
        "The talks are slow.",
        "“Nobody moves first,” Lind says.",
        "Her father, Jon Lind, still fishes.",
        "“Not true,” Lind says.",
    ];
    let (reg, f) = read_titled("At the long table: Mara Lind and her patience", &paragraphs);
    assert_eq!(speaker(&reg, &f, "Nobody moves"), "person: Mara Lind");
    // Right after the other Lind is named in full, the text does not settle it.
    let who = speaker(&reg, &f, "Not true");
    assert!(who.starts_with("unattributed: "), "{who}");
    // With no headline naming her, neither is settled.
    let (reg, f) = read(&paragraphs);
    let who = speaker(&reg, &f, "Nobody moves");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_surname_that_stood_alone_for_one_person_stays_theirs_past_a_namesake() {
    let paragraphs = [
        "Envoy Mara Lind grew up on the coast.",
        "Lind, 57, has chaired the ferry talks since June.",
        "Her father, Jon Lind, fished there for forty years.",
        "The talks are slow.",
        "“Nobody moves first,” Lind says.",
        "Her father, Jon Lind, still fishes.",
        "“Not true,” Lind says.",
    ];
    let (reg, f) = read(&paragraphs);
    assert_eq!(speaker(&reg, &f, "Nobody moves"), "person: Mara Lind");
    // Right after the namesake is named in full, the reader could take either.
    let who = speaker(&reg, &f, "Not true");
    assert!(who.starts_with("unattributed: "), "{who}");
    // Without the surname standing alone for her first, nothing settles it.
    let (reg, f) = read(&[
        "Envoy Mara Lind grew up on the coast.",
        "Her father, Jon Lind, fished there for forty years.",
        "The talks are slow.",
        "“Nobody moves first,” Lind says.",
    ]);
    let who = speaker(&reg, &f, "Nobody moves");
    assert!(who.starts_with("unattributed: "), "{who}");
    // A surname first written alone once both namesakes are named is no convention.
    let (reg, f) = read(&[
        "Envoy Mara Lind grew up on the coast.",
        "Her father, Jon Lind, fished there for forty years.",
        "Lind, 80, still mends nets.",
        "The talks are slow.",
        "“Nobody moves first,” Lind says.",
    ]);
    let who = speaker(&reg, &f, "Nobody moves");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_question_s_tag_standing_as_its_own_sentence_names_who_asked() {
    let (reg, f) = read(&[
        "Presenter Nell Varga spoke to the union leader, Piet Holm.",
        "“Is this the deal you wanted?” Varga asked.",
        "“Could they cheat?” Varga asked, pointing to the gauges.",
        "“Who pays?” Holm said the question was on every farm.",
    ]);
    assert_eq!(speaker(&reg, &f, "Is this the deal"), "person: Nell Varga");
    assert_eq!(speaker(&reg, &f, "Could they cheat"), "person: Nell Varga");
    // A sentence that goes on past its verb is no tag: it reports something else.
    let who = speaker(&reg, &f, "Who pays");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_quotation_standing_alone_after_two_people_is_nobody_s() {
    let (reg, f) = read(&[
        "Foreign Minister Lidia Varenko met envoy Jonas Pelt on Monday.",
        "“We are close.”",
    ]);
    let who = speaker(&reg, &f, "We are close");
    assert!(who.starts_with("unattributed: "), "{who}");
    assert!(who.contains("no single speaker"), "{who}");
}
