//! Unit tests of search and its checks and leads, on the own-multi and own-quotes articles
//! and short passages; questions asking for a number are in `numbers`.

use crate::engine::Engine;

mod numbers;

fn multi() -> Engine {
    super::super::own_multi(crate::engine::Tuning::default())
}

/// "When is the next round": the sources date only a past round, so they don't say when;
/// asked about the past round, the same sentence answers.
#[test]
fn a_question_about_what_is_to_come_is_not_answered_by_a_past_date() {
    let e = super::super::own_quotes();
    let a = e.ask("when is the next round of talks scheduled", None);
    assert!(!a.answered, "{}", a.to_markdown());
    assert_eq!(
        a.explanation.decline_reason.as_deref(),
        Some("no sentence gives the date asked for")
    );
    let a = e.ask("when did the last round of talks collapse", None);
    assert!(a.answered, "{}", a.to_markdown());
    assert!(a.lead.contains("April"), "{}", a.lead);
}

/// "How did the meeting go": the sources report the meeting only as still to come, so the
/// outcome is declined with them as background; asked when it is, they answer.
#[test]
fn an_outcome_the_sources_report_only_as_to_come_is_declined() {
    let e = crate::engine::intents::seed();
    let a = e.ask("so how did witkoff's meeting with putin go", None);
    assert!(!a.answered, "{}", a.to_markdown());
    assert_eq!(
        a.explanation.decline_reason.as_deref(),
        Some("the sources report it only as still to come")
    );
    assert!(a
        .citations()
        .any(|c| c.quote.contains("will meet with Putin")));
    let a = e.ask("when will witkoff meet putin", None);
    assert!(a.answered, "{}", a.to_markdown());
    let a = e.ask("what was agreed in london on wednesday", None);
    assert_ne!(
        a.explanation.decline_reason.as_deref(),
        Some("the sources report it only as still to come"),
        "a past meeting's sentences are not still to come"
    );
}

/// "Why was the zone widened": one sentence covers the question's words well enough to
/// answer; the reply still shows as many sentences as it has places, the nearest the
/// sources come after it, and the one that answered leads.
#[test]
fn a_reply_fills_its_places_after_the_sentence_that_answered() {
    let mut off = crate::engine::Tuning::default();
    off.coverage.fill_share = 0.0;
    let alone = super::super::own_multi(off).ask("why was the zone widened", None);
    let filled = multi().ask("why was the zone widened", None);
    assert!(
        alone.answered && filled.answered,
        "{}",
        filled.to_markdown()
    );
    assert_eq!(alone.citations().count(), 1, "{}", alone.to_markdown());
    assert_eq!(filled.citations().count(), 3, "{}", filled.to_markdown());
    let first = |a: &crate::answer::Answer| a.citations().next().map(|c| c.quote.clone());
    assert_eq!(first(&alone), first(&filled));
}

/// "President Dobrev": her own title before her name names her; it is not a topic that her
/// quote (which sits in a sentence calling her President) could fit.
#[test]
fn a_title_before_a_name_is_not_the_topic() {
    let e = multi();
    let a = e.ask("what did president dobrev say about the monitors", None);
    assert!(!a.answered, "{}", a.to_markdown());
    let b = e.ask("what did president dobrev say", None);
    assert!(b.answered, "{}", b.to_markdown());
}

/// "When ..." asks for a date: when none of the sentences that would be shown gives one,
/// the sources don't say when, and those sentences follow as background (not an answer).
#[test]
fn a_when_question_without_a_date_is_declined_with_background() {
    let e = crate::engine::intents::own_quotes();
    let a = e.ask("when was the petition launched", None);
    assert!(!a.answered, "{}", a.to_markdown());
    assert_eq!(
        a.explanation.decline_reason.as_deref(),
        Some("no sentence gives the date asked for")
    );
    assert!(
        a.citations().any(|c| c.quote.contains("petition")),
        "{}",
        a.to_markdown()
    );
    let a = e.ask("when was dunmore appointed envoy", None);
    assert!(a.answered, "{}", a.to_markdown());
}

use crate::engine::intents::engine_from;

fn quotes(a: &crate::answer::Answer) -> Vec<String> {
    a.citations().map(|c| c.quote.clone()).collect()
}

/// "Why did the mission grow": the sentence stating the event has no cause cue, the next
/// one in its paragraph has ("The increase came after ..."), so it follows it, though it
/// shares no word with the question; off at `cause_next = 0`.
#[test]
fn a_why_answer_brings_the_cause_given_in_the_next_sentence() {
    let mut e = engine_from(&[(
        "patrol",
        "2026-02-10",
        "Velmar and Ostria resumed their negotiations on Monday.\n\n\
         The patrol mission has grown to 90 officers. The increase came after Ostria \
         insisted on a second post at the Halden bridge.\n\n\
         Velmar said the patrol mission would report to the mediators.",
    )]);
    let a = e.ask("why did the patrol mission grow", None);
    assert!(a.answered, "{}", a.to_markdown());
    let q = quotes(&a);
    let event = q.iter().position(|x| x.contains("grown to 90"));
    let cause = q.iter().position(|x| x.contains("came after"));
    assert_eq!(cause, event.map(|k| k + 1), "{q:?}");
    let mut off = crate::engine::Tuning::default();
    off.rank.cause_next = 0.0;
    e.set_tuning(off);
    let a = e.ask("why did the patrol mission grow", None);
    assert!(
        !quotes(&a).iter().any(|x| x.contains("came after")),
        "{a:?}"
    );
}

/// "What is the total number of ...", "what was the deadline changed to": a quantity or a
/// date asked after "what is the", not who or what something is.
#[test]
fn a_quantity_or_a_date_after_what_is_the_is_asked_as_one() {
    let e = multi();
    for (q, intent) in [
        (
            "whats the total number of prisoners to be exchanged now",
            "how_many",
        ),
        ("what is the size of the monitoring mission", "how_many"),
        ("what was the deadline changed to", "when"),
        ("what's the framework deadline", "when"),
        ("what is the meridian council", "who"),
    ] {
        assert_eq!(e.ask(q, None).intent, intent, "{q}");
    }
}

/// "The first swap": an ordinal the sources use with the word after it names the event,
/// it does not ask for the earliest report ("first to be exchanged" still does).
#[test]
fn an_ordinal_the_sources_use_names_the_event_not_the_report() {
    let e = engine_from(&[
        (
            "draft",
            "2026-03-01",
            "Under a draft circulated by the mediators, Velmar and Ostria would exchange \
             300 prisoners.",
        ),
        (
            "swap",
            "2026-03-20",
            "Velmar and Ostria exchanged 80 prisoners in the first swap since the war \
             began.",
        ),
    ]);
    let first = |q: &str| {
        let a = e.ask(q, None);
        assert!(a.answered, "{}", a.to_markdown());
        a.quotes[0].citation.quote.clone()
    };
    assert!(first("how many prisoners were exchanged in the first swap").contains("80"));
    assert!(first("how many prisoners were first to be exchanged").contains("300"));
}

/// A verb phrase the sources never write ("handed over" where they say "exchanged", and use
/// "hand" only in another sense) is read by its meaning: its words are filler, not words
/// the answer must hold; where the sources write it, it stays a word to look for.
#[test]
fn a_phrase_the_sources_never_write_is_not_a_word_to_look_for() {
    let e = engine_from(&[(
        "swap",
        "2026-03-20",
        "Velmar and Ostria exchanged 80 prisoners on Monday.\n\n\
         Ostria agreed to hand the inquiry to the monitors.",
    )]);
    let q = "how many prisoners were handed over";
    let a = e.ask(q, None);
    assert!(a.answered, "{}", a.to_markdown());
    assert!(quotes(&a)[0].contains("80"), "{}", a.to_markdown());
    let typed = |e: &crate::engine::Engine| {
        let q = e.analyse(q, None);
        q.terms
            .iter()
            .any(|t| t.stem == "hand" && t.is_subject_word())
    };
    assert!(!typed(&e));
    let written = engine_from(&[(
        "swap",
        "2026-03-20",
        "Velmar handed over 80 prisoners on Monday.",
    )]);
    assert!(typed(&written));
}

/// "Where": a sentence that places the thing asked ("held at the Brisk Palace") leads a
/// shorter one with the same words that places nothing; off at `place_phrase = 0`.
#[test]
fn a_where_answer_prefers_a_sentence_holding_a_place() {
    let mut e = engine_from(&[(
        "venue",
        "2026-03-20",
        "The talks are being held at the Brisk Palace, a former customs house on the \
         waterfront of the old port.\n\n\
         The talks are being held in good faith, both sides said.",
    )]);
    let q = "where are the talks being held";
    let lead = |e: &crate::engine::Engine| quotes(&e.ask(q, None)).first().cloned();
    assert!(
        lead(&e).is_some_and(|x| x.contains("Brisk Palace")),
        "{:?}",
        lead(&e)
    );
    let mut off = crate::engine::Tuning::default();
    off.rank.place_phrase = 0.0;
    e.set_tuning(off);
    assert!(
        lead(&e).is_some_and(|x| x.contains("good faith")),
        "{:?}",
        lead(&e)
    );
}

/// "What reason did X give", "what got X to ...": why questions; "how did X hit back":
/// what X said.
#[test]
fn a_reason_or_what_made_someone_act_is_a_why_question() {
    let e = multi();
    for q in [
        "What reason did Morvany give for the envoy's resignation?",
        "what got teravia to come back to the table",
    ] {
        assert_eq!(e.ask(q, None).intent, "why", "{q}");
    }
    // "Hit back at" is how someone answered: what they said.
    let q = "how did the teravian foreign minister hit back at morvany";
    assert_eq!(e.ask(q, None).intent, "said", "{q}");
}

/// The words a reader uses for an event the sources word otherwise, from the synonym
/// lists: "storm out" for "walked out", "willing" for "accept", "deadline" for "target
/// date", "withdrawal" for "pullback".
#[test]
fn a_reader_s_word_for_the_event_finds_the_sources_word() {
    let e = engine_from(&[(
        "walkout",
        "2026-03-12",
        "The Ostrian delegation walked out of the negotiations on Wednesday, a day after a \
         strike on the market.\n\n\
         Velmar could accept a pullback of 8 kilometres, its envoy said.\n\n\
         The target date for a framework document remains April 24.\n\n\
         The weather in the capital was cold and grey for most of the week.",
    )]);
    for (q, want) in [
        ("why did the ostrian delegation storm out", "walked out"),
        ("how far was velmar willing to pull back", "8 kilometres"),
        ("what is the framework deadline now", "April 24"),
        ("how far is the withdrawal", "8 kilometres"),
    ] {
        let a = e.ask(q, None);
        assert!(
            quotes(&a).iter().take(3).any(|x| x.contains(want)),
            "{q}: {}",
            a.to_markdown()
        );
    }
}

/// "What was the deadline" asks for a date: a sentence that says what the deadline was
/// ("The first deadline was a wish") is not put first as a definition, as it is for "what
/// is the enclave".
#[test]
fn a_date_asked_after_what_was_is_not_a_definition() {
    let e = engine_from(&[(
        "deadline",
        "2026-03-20",
        "The mediators moved the deadline for a framework document from March 27 to \
         April 10.\n\n\
         \"The deadline was a wish,\" the envoy said of the old date.\n\n\
         The enclave is a district on the river, the envoy said.",
    )]);
    let a = e.ask("what was the deadline moved to", None);
    assert_eq!(a.intent, "when");
    assert!(quotes(&a)[0].contains("April 10"), "{}", a.to_markdown());
    let a = e.ask("what is the enclave", None);
    assert!(quotes(&a)[0].contains("district"), "{}", a.to_markdown());
}

/// "Who will chair the commission": a sentence about the commission that names no one does
/// not say who; one naming its chair does, and so does a body named in capitals.
#[test]
fn a_who_question_is_answered_only_by_a_sentence_naming_someone() {
    let unnamed = crate::engine::intents::engine_from(&[(
        "accord",
        "2027-02-19",
        "A joint commission will oversee the accord and meet twice a year.",
    )]);
    let a = unnamed.ask("who will chair the joint commission", None);
    assert!(!a.answered, "{}", a.to_markdown());
    assert_eq!(
        a.explanation.decline_reason.as_deref(),
        Some("no sentence names who")
    );
    // Asked what, not who, the same sentence answers.
    let a = unnamed.ask("how often will the joint commission meet", None);
    assert!(a.answered, "{}", a.to_markdown());
    let named = crate::engine::intents::engine_from(&[(
        "accord",
        "2027-02-19",
        "A joint commission will oversee the accord, chaired by the retired judge Amara \
         Feldt.",
    )]);
    let a = named.ask("who will chair the joint commission", None);
    assert!(a.answered, "{}", a.to_markdown());
    let body = crate::engine::intents::engine_from(&[(
        "accord",
        "2027-02-19",
        "The commission will be chaired by the Brisande Institute of Marine Science.",
    )]);
    let a = body.ask("who will chair the commission", None);
    assert!(a.answered, "{}", a.to_markdown());
}

/// "Which city is the envoy meeting him in": a sentence naming only the country (a party)
/// does not name the city; one naming a place does; and for "which country" the country
/// answers.
#[test]
fn a_place_asked_for_by_its_kind_must_be_named() {
    let e = crate::engine::intents::engine_from(&[(
        "trip",
        "2025-04-23",
        "The US envoy, Steve Witkoff, will meet the Russian president in Russia this week.",
    )]);
    let a = e.ask("which city is witkoff meeting the president in", None);
    assert!(!a.answered, "{}", a.to_markdown());
    assert_eq!(
        a.explanation.decline_reason.as_deref(),
        Some("no sentence names the place asked for")
    );
    let a = e.ask("which country is witkoff meeting the president in", None);
    assert!(a.answered, "{}", a.to_markdown());
    let city = crate::engine::intents::engine_from(&[(
        "trip",
        "2025-04-23",
        "The US envoy, Steve Witkoff, will meet the Russian president in St Petersburg.",
    )]);
    let a = city.ask("which city is witkoff meeting the president in", None);
    assert!(a.answered, "{}", a.to_markdown());
}
