//! Attribution tests about speakers: reporting verbs, subjects, sources and bodies, colons and
//! quotations inside quotations (written statements and documents are in `statements`).

use crate::build::extract::testing::{read, speaker};
use crate::knowledge::Speaker;

#[test]
fn the_speaker_before_or_after_the_verb_and_around_the_quote() {
    let (reg, f) = read(&[
        "Envoy Jonas Pelt said he hoped for “a first text by Friday”.",
        "“We have come back to the table,” said Lidia Varenko, the foreign minister, on Monday.",
        "“A map is not a border,” Pelt told reporters, “and we will read it first.”",
    ]);
    assert_eq!(speaker(&reg, &f, "a first text"), "person: Jonas Pelt");
    assert_eq!(speaker(&reg, &f, "come back"), "person: Lidia Varenko");
    assert_eq!(speaker(&reg, &f, "A map is not"), "person: Jonas Pelt");
    assert_eq!(speaker(&reg, &f, "we will read it"), "person: Jonas Pelt");
    let q = f
        .quotes
        .iter()
        .find(|q| q.text.starts_with("A map"))
        .unwrap();
    assert_eq!(q.channel.as_deref(), Some("to reporters"));
}

#[test]
fn a_relative_clause_speaks_for_what_stands_before_its_comma() {
    let (reg, f) = read(&[
        "Envoy Jonas Pelt spent the day in the hall.",
        "We put the question to a senior official, who said: “Prisoners come after the map.”",
        "Pelt, who once dismissed monitors as “foreign eyes”, now calls the plan “workable”.",
        "Reporters asked a spokesperson for Pelt, who said: “Not today.”",
    ]);
    assert_eq!(speaker(&reg, &f, "Prisoners"), "source: a senior official");
    assert_eq!(speaker(&reg, &f, "foreign eyes"), "person: Jonas Pelt");
    assert_eq!(speaker(&reg, &f, "workable"), "person: Jonas Pelt");
    let who = speaker(&reg, &f, "Not today");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_live_blog_time_stamp_and_a_verb_in_progress_do_not_hide_the_subject() {
    let (reg, f) = read(&[
        "10:15 – Envoy Jonas Pelt has arrived, and stopped briefly at the gate: “We are here to finish.”",
        "14:45 – Pelt has left for lunch. Asked about the map, he said: “Nobody reads a map over soup.”",
        "By the afternoon Pelt was describing the day as “the most useful since spring”.",
    ]);
    assert_eq!(speaker(&reg, &f, "here to finish"), "person: Jonas Pelt");
    assert_eq!(speaker(&reg, &f, "over soup"), "person: Jonas Pelt");
    assert_eq!(speaker(&reg, &f, "most useful"), "person: Jonas Pelt");
}

#[test]
fn as_someone_put_it_and_in_the_words_of_someone() {
    let (reg, f) = read(&[
        "“Hope is the most expensive thing here,” as one senior official put it last week.",
        "“A long day,” as one of our editors put it, “and not over yet.”",
        "In the words of one of our producers: “Same time tomorrow, same coffee.”",
        "Envoy Jonas Pelt put it on the table: “This is the map.”",
    ]);
    assert_eq!(
        speaker(&reg, &f, "most expensive"),
        "source: one senior official"
    );
    assert_eq!(
        speaker(&reg, &f, "A long day"),
        "source: one of our editors"
    );
    assert_eq!(
        speaker(&reg, &f, "not over yet"),
        "source: one of our editors"
    );
    assert_eq!(
        speaker(&reg, &f, "Same time"),
        "source: one of our producers"
    );
    // "put it" with no "as" reports nothing; the colon gives the words to their subject.
    assert_eq!(speaker(&reg, &f, "This is the map"), "person: Jonas Pelt");
}

#[test]
fn as_a_source_with_a_relative_clause_put_it() {
    let (reg, f) = read(&[
        "As one Velmar diplomat who has sat in on the sessions put it to me, “Everyone is negotiating with their own parliament first.”",
    ]);
    assert_eq!(
        speaker(&reg, &f, "Everyone is negotiating"),
        "source: one Velmar diplomat"
    );
}

#[test]
fn a_describing_word_before_a_bare_title_does_not_make_it_a_body() {
    let (reg, f) = read(&[
        "Foreign Minister Hana Vilk arrived late on Tuesday.",
        "“We will not move,” the weary minister told reporters.",
    ]);
    assert_eq!(speaker(&reg, &f, "not move"), "person: Hana Vilk");
}

#[test]
fn a_participle_after_a_comma_goes_on_with_the_verb_before_it() {
    let (reg, f) = read(&[
        "Mediator Amara Velloso moved the deadline, saying the lost days “have to be given back”.",
        "After meeting Velloso, the delegates left the hall, saying “nothing was decided”.",
    ]);
    assert_eq!(speaker(&reg, &f, "given back"), "person: Amara Velloso");
    let who = speaker(&reg, &f, "nothing was decided");
    assert!(who.starts_with("unattributed: "), "{who}");
    let (reg, f) = read(&[
        "A spokesperson for Envoy Jonas Pelt said the government remained committed, describing the session as “difficult but necessary”.",
        "Envoy Lidia Varenko said the map was ready, adding: “Every crossing is on it.”",
        "The delegation left early, adding to the confusion. “Nobody knew why.”",
    ]);
    assert!(speaker(&reg, &f, "difficult but").starts_with("source: A spokesperson for"));
    assert_eq!(speaker(&reg, &f, "Every crossing"), "person: Lidia Varenko");
    let who = speaker(&reg, &f, "Nobody knew");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn called_described_and_according_to() {
    let (reg, f) = read(&[
        "Prime Minister Agata Sorn described the proposal as “a step sideways”.",
        "Opposition leader Dana Kroll called the plan “a surrender with a ribbon on it”.",
        "According to envoy Jonas Pelt, both sides agreed on “a joint patrol”.",
    ]);
    assert_eq!(speaker(&reg, &f, "step sideways"), "person: Agata Sorn");
    assert_eq!(speaker(&reg, &f, "surrender"), "person: Dana Kroll");
    assert_eq!(speaker(&reg, &f, "joint patrol"), "person: Jonas Pelt");
    // A characterising verb reports no statement of its own.
    assert!(f
        .statements
        .iter()
        .all(|s| s.verb != "called" && s.verb != "described"));
}

#[test]
fn bodies_speak_as_sources_not_people() {
    let (reg, f) = read(&[
        "The ministry said in a statement that the talks would “test whether anyone is serious”.",
        "“The door remains open,” a government spokesperson said.",
        "The Kremlin said the meeting was “useful”.",
        "The Velmont Institute said the crossings were “the real prize”.",
    ]);
    assert_eq!(speaker(&reg, &f, "test whether"), "source: The ministry");
    assert_eq!(
        speaker(&reg, &f, "door remains"),
        "source: a government spokesperson"
    );
    assert_eq!(speaker(&reg, &f, "useful"), "source: The Kremlin");
    assert_eq!(
        speaker(&reg, &f, "real prize"),
        "source: The Velmont Institute"
    );
    assert!(reg.people.is_empty(), "{:?}", reg.people);
}

#[test]
fn wrote_on_and_posted_on_keep_their_channel() {
    let (reg, f) = read(&["Envoy Jonas Pelt wrote on X: “Constructive first day.”"]);
    assert_eq!(speaker(&reg, &f, "Constructive"), "person: Jonas Pelt");
    assert_eq!(f.quotes[0].channel.as_deref(), Some("on X"));
}

#[test]
fn an_aside_naming_someone_the_text_does_not_settle_leaves_the_role_unattributed() {
    // Two Kells: the aside's surname is nobody's, and the role before it is no body.
    let (reg, f) = read(&[
        "Foreign Minister Anna Kell met General Boris Kell in Ossery.",
        "Halvark’s negotiator, Kell, said the map was “nearly done”.",
    ]);
    let who = speaker(&reg, &f, "nearly done");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_quotation_after_a_colon_is_the_lone_subject_s() {
    let (reg, f) = read(&[
        "Foreign Minister Hana Vilk was blunt: “There will be no second map.”",
        "A government spokesman hit back: “The map protects every family.”",
        "Hana Vilk read out Col. Ivo Brenn’s reply: “We will not move.”",
        "The banner read: “Not One Village Will Be Given Away Today Or Ever.”",
    ]);
    assert_eq!(speaker(&reg, &f, "no second map"), "person: Hana Vilk");
    assert_eq!(
        speaker(&reg, &f, "protects every family"),
        "source: A government spokesman"
    );
    for words in ["We will not move", "Not One Village"] {
        let who = speaker(&reg, &f, words);
        assert!(who.starts_with("unattributed: "), "{who}");
    }
}

#[test]
fn a_second_predicate_after_but_or_and_is_the_subject_s() {
    let (reg, f) = read(&[
        "Foreign Minister Hana Vilk did not attend the talks but said in a statement that her government would “not trade land for time”.",
        "President Edvin Marsh, speaking in Ossery on Tuesday, welcomed the truce but warned that it “must not freeze the war”.",
    ]);
    assert_eq!(speaker(&reg, &f, "not trade land"), "person: Hana Vilk");
    assert_eq!(speaker(&reg, &f, "freeze the war"), "person: Edvin Marsh");
}

#[test]
fn according_to_one_source_and_a_verb_of_another_leave_the_words_to_nobody() {
    let (reg, f) = read(&[
        "According to two members of the committee, the army has asked for “sixty more days” of truce.",
    ]);
    let who = speaker(&reg, &f, "sixty more days");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_quotation_after_from_one_person_and_a_colon_is_theirs() {
    let (reg, f) = read(&[
        "Envoy Jonas Pelt spoke in the lobby.",
        "More from Pelt, who is still speaking: “We were handed an ultimatum.”",
        "A letter from Pelt to Col. Ivo Brenn reads: “Come back to the table.”",
    ]);
    assert_eq!(
        speaker(&reg, &f, "handed an ultimatum"),
        "person: Jonas Pelt"
    );
    let who = speaker(&reg, &f, "Come back");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn an_aide_to_someone_and_someone_s_office_speak_as_sources_not_as_the_person() {
    let (reg, f) = read(&[
        "Prime Minister Selma Quist calls the town “non-negotiable”.",
        "An aide to Quist, who would speak only anonymously, put it more bluntly: “If we lose the town, we lose the election.”",
        "President Oskar Belling gave no interview.",
        "Belling's office, meanwhile, shared a clip and added a line of its own: “Peace is built, not signed.”",
    ]);
    assert_eq!(
        speaker(&reg, &f, "lose the election"),
        "source: An aide to Quist"
    );
    assert_eq!(
        speaker(&reg, &f, "Peace is built"),
        "source: Belling's office"
    );
}

#[test]
fn what_someone_likes_to_say_and_whom_a_column_quotes_are_theirs() {
    let (reg, f) = read(&[
        "Rafael Unger, the chief negotiator, likes to say that the town is “the heart of the country.”",
        "Negotiator Ilse Marr is expected to say the map is “final”.",
        "Edda Marsh's column is worth reading. Marsh quotes the historian Paulina Strand: “Memory is not a policy.”",
        "Colonel Erik Manning called reports of continued shelling “fiction.”",
    ]);
    assert_eq!(speaker(&reg, &f, "heart of"), "person: Rafael Unger");
    assert!(speaker(&reg, &f, "final").starts_with("unattributed: "));
    assert_eq!(speaker(&reg, &f, "Memory"), "person: Paulina Strand");
    assert_eq!(speaker(&reg, &f, "fiction"), "person: Erik Manning");
}

#[test]
fn a_live_blog_time_stamp_is_no_part_of_a_source_description() {
    let (reg, f) = read(&[
        "11:05 - The foreign ministry said in a statement it was “hopeful”.",
        "10:42 — A senior official said the talks were “close to a text”.",
        "3 officials said the map was “almost done”.",
    ]);
    assert_eq!(speaker(&reg, &f, "hopeful"), "source: The foreign ministry");
    assert_eq!(speaker(&reg, &f, "close to"), "source: A senior official");
    assert_eq!(speaker(&reg, &f, "almost done"), "source: 3 officials");
}

#[test]
fn a_source_is_one_noun_phrase_and_a_gerund_is_said_by_the_object_before_it() {
    let (reg, f) = read(&[
        "Trade minister Ada Voss last night slammed port chief Olek Brand for branding the farmers “land pirates”.",
        "Brand will not talk. He pauses, then adds the phrase his aides say he repeats: “Not yet.”",
    ]);
    assert_eq!(speaker(&reg, &f, "land pirates"), "person: Olek Brand");
    // "the phrase his aides" is two noun phrases run together, no one's description.
    let who = speaker(&reg, &f, "Not yet");
    assert!(!who.starts_with("source: "), "{who}");
}

#[test]
fn a_passive_reporting_verb_gives_the_words_to_the_by_phrase_or_nobody() {
    let (reg, f) = read(&[
        "Envoy Mara Lind was asked by a reporter: “Is it over?”",
        "Envoy Mara Lind was asked: “Is it done?”",
    ]);
    assert_eq!(speaker(&reg, &f, "Is it over"), "source: a reporter");
    let who = speaker(&reg, &f, "Is it done");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn words_between_a_possessive_and_a_speech_noun_are_the_owner_s() {
    let (reg, f) =
        read(&["Ms Ada Voss and Mr Olek Brand met today, a week after his “land pirates” remark."]);
    assert_eq!(speaker(&reg, &f, "land pirates"), "person: Olek Brand");
}

#[test]
fn a_participle_after_by_and_it_after_a_body_s_verb_keep_the_subject() {
    let (reg, f) = read(&[
        "Ms Ada Voss opened by telling members that the deal was “the best in years”.",
        "The Harbour Party said in a statement that it would fight what it called “a sell-off”.",
    ]);
    assert_eq!(speaker(&reg, &f, "best in years"), "person: Ada Voss");
    assert_eq!(speaker(&reg, &f, "a sell-off"), "source: The Harbour Party");
    // "it" after another body or party named since the body's verb may be either.
    let (reg, f) = read(&[
        "A source close to the talks said the delay came after Ardenia drafted a paper, in which it said there would be no talks until “a full truce”.",
    ]);
    let who = speaker(&reg, &f, "a full truce");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_quote_inside_a_quote_after_a_characterising_verb_or_i_said() {
    let (reg, f) = read(&[
        "Port chief Olek Brand spoke first. Envoy Mara Lind answered him.",
        "“Brand called us ‘pirates’ on the radio,” Lind said.",
        "“I said, ‘Then we wait,’ and we waited,” Lind said.",
    ]);
    let inner = f
        .quotes
        .iter()
        .find(|q| q.text == "pirates")
        .expect("inner quote");
    assert_eq!(
        inner.speaker,
        Speaker::Person(
            reg.people
                .iter()
                .find(|p| p.name == "Olek Brand")
                .unwrap()
                .id
                .clone()
        )
    );
    assert_eq!(speaker(&reg, &f, "Then we wait"), "person: Mara Lind");
}

#[test]
fn a_participle_after_with_and_a_noun_phrase_is_that_phrase_s_words() {
    let (reg, f) = read(&[
        "Talks on the ferry route resumed in Oslav on Friday, with the port envoy Mara Lind warning that “the season will not wait for us”.",
        "The first day went smoothly, with delegates from both ports describing the mood as “calm, almost dull”.",
        "The harbour was busy with ferries leaving “on time, for once”.",
    ]);
    assert_eq!(
        speaker(&reg, &f, "season will not wait"),
        "person: Mara Lind"
    );
    assert_eq!(
        speaker(&reg, &f, "almost dull"),
        "source: delegates from both ports"
    );
    // "ferries leaving": no reporting participle, nobody's words.
    let who = speaker(&reg, &f, "for once");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_verb_and_its_particle_report_as_one_verb() {
    let (reg, f) = read(&[
        "Port chief Olek Brand and Envoy Mara Lind met at noon.",
        "“The ferries run when we say so,” Mr Brand shot back.",
        "Lind hit back within the hour: “Then say so.”",
        "Brand shot a glance at the “ferry people” in the gallery.",
    ]);
    assert_eq!(speaker(&reg, &f, "ferries run"), "person: Olek Brand");
    assert_eq!(speaker(&reg, &f, "Then say so"), "person: Mara Lind");
    // "shot a glance": the verb without its particle reports nothing.
    let who = speaker(&reg, &f, "ferry people");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn an_opening_phrase_before_a_source_is_no_part_of_it() {
    let (reg, f) = read(&[
        "Envoy Mara Lind took questions at the quay.",
        "Late in the afternoon one reporter asked Ms Lind: “Is the ferry for sale?”",
        "Late in the afternoon the wind said nothing, and the gulls cried “ferry, ferry”.",
    ]);
    assert_eq!(speaker(&reg, &f, "Is the ferry"), "source: one reporter");
    // "the wind" is no source: the opening phrase drops, and nothing is left to speak.
    let who = speaker(&reg, &f, "ferry, ferry");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn welcoming_something_as_words_and_the_opposition_calling_it_are_theirs() {
    let (reg, f) = read(&[
        "Port chief Olek Brand welcomed the new timetable as “a gift to every ferryman”.",
        "The Oslav opposition calls it “a bribe with a schedule”.",
        "Brand later welcomed the “Harbour Charter” in a short note.",
    ]);
    assert_eq!(speaker(&reg, &f, "gift to every"), "person: Olek Brand");
    assert_eq!(
        speaker(&reg, &f, "bribe with a schedule"),
        "source: The Oslav opposition"
    );
    // A document's name after "welcomed" is no one's words.
    let who = speaker(&reg, &f, "Harbour Charter");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn hearsay_of_someone_s_words_is_theirs() {
    let (reg, f) = read(&[
        "Envoy Mara Lind, the mediator running the talks, is said to have told both sides to “grow up”.",
        "Ferry owner Jon Holm is said to be tired of “endless talk”.",
    ]);
    assert_eq!(speaker(&reg, &f, "grow up"), "person: Mara Lind");
    // Hearsay of a state ("is said to be") reports no words.
    let who = speaker(&reg, &f, "endless talk");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_reporting_verb_closing_the_sentence_reports_its_quotation() {
    let (reg, f) = read(&[
        "Envoy Mara Lind met the ferry owners on Monday.",
        "The port reopened as a “goodwill gesture” to the fishermen, officials in Varn said.",
        "Ms Lind called the reopening of the old ferry port a “first step” towards peace with the fishermen, officials in Varn said.",
        "The port reopened as a “peace offering” to the fishing families of the bay, officials said, but the fishermen were not convinced.",
        "The draft, provisionally titled “Agreement on the harbour and related matters”, will go to parliament, the port authority said.",
    ]);
    assert_eq!(
        speaker(&reg, &f, "goodwill gesture"),
        "source: officials in Varn"
    );
    // A characterising verb before the quotation keeps it.
    assert_eq!(speaker(&reg, &f, "first step"), "person: Mara Lind");
    // A verb that does not close the sentence reports only what is said after it.
    let who = speaker(&reg, &f, "peace offering");
    assert!(who.starts_with("unattributed: "), "{who}");
    // A quoted name after "titled" is no one's words.
    let who = speaker(&reg, &f, "Agreement on the harbour");
    assert!(who.starts_with("unattributed: "), "{who}");
}

#[test]
fn a_group_subject_ends_at_its_verb() {
    let (reg, f) = read(&[
        "Farmers in the lower Varn valley have welcomed the deal, saying they will believe it “when we see it”.",
    ]);
    assert_eq!(
        speaker(&reg, &f, "when we see it"),
        "source: Farmers in the lower Varn valley"
    );
}

#[test]
fn a_term_something_is_known_as_is_nobody_s_words() {
    let (reg, f) = read(&[
        "The Velmar Coastguard has said the crew used a rig known along this coast as a “drag comb.”",
        "The Velmar Coastguard has said the crew were “fishing illegally.”",
    ]);
    let who = speaker(&reg, &f, "drag comb");
    assert!(who.starts_with("unattributed: a term"), "{who}");
    // Words the body said, with no naming participle before them, stay its own.
    assert_eq!(
        speaker(&reg, &f, "fishing illegally"),
        "source: The Velmar Coastguard"
    );
}

#[test]
fn words_read_out_or_welcomed_are_those_of_whom_they_come_from() {
    let (reg, f) = read(&[
        "Presenter Dana Holt took calls. Ms Holt then read out a message from a listener on the text line: “My son is on the boat.”",
        "The ministry welcomes the statement of the foreign minister, Ilka Marten, that the deal “ends a long winter”.",
        "Ruth Adler, the mediator, sent word that the session would run late. Her message, read out by an aide: “One more hour.”",
    ]);
    assert_eq!(
        speaker(&reg, &f, "My son"),
        "source: a listener on the text line"
    );
    assert_eq!(speaker(&reg, &f, "long winter"), "person: Ilka Marten");
    assert_eq!(speaker(&reg, &f, "One more hour"), "person: Ruth Adler");
}

#[test]
fn a_verb_inside_a_quotation_hands_no_speaker_on() {
    let (reg, f) = read(&[
        "Judge Ruth Adler learned, she says, from her mentor, Oskar Brenn. “Oskar used to say to me, ‘Never rush,’” she says. “He was patient. He meant it.”",
    ]);
    let who = speaker(&reg, &f, "He was patient");
    assert!(!who.contains("Oskar Brenn"), "{who}");
}

#[test]
fn an_adverb_of_manner_before_the_verb_is_no_part_of_the_subject() {
    let (reg, f) = read(&[
        "Envoy Ruth Adler kept her remarks short. She simply told reporters: “Everybody is tired.”",
        "Envoy Jonas Pelt arrived late. The family told reporters: “He was always late.”",
    ]);
    assert_eq!(
        speaker(&reg, &f, "Everybody is tired"),
        "person: Ruth Adler"
    );
    // A noun ending in -ly is no adverb: the family is not the envoy.
    let who = speaker(&reg, &f, "always late");
    assert!(!who.contains("Jonas Pelt"), "{who}");
}
