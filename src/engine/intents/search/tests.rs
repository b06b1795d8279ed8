//! Unit tests of search and its checks and leads, on the own-multi and own-quotes articles
//! and short passages.

use crate::engine::Engine;

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

/// "How tall is the dam": only a number in a unit of length answers it; a share of the
/// dam's water does not.
#[test]
fn a_height_is_answered_only_by_a_number_in_a_unit() {
    let share = crate::engine::intents::engine_from(&[(
        "dam",
        "2026-11-02",
        "The Kerrow dam releases 36 percent of its water to the valley each year.",
    )]);
    let a = share.ask("how tall is the kerrow dam", None);
    assert!(!a.answered, "{}", a.to_markdown());
    assert_eq!(
        a.explanation.decline_reason.as_deref(),
        Some("no sentence gives the number asked for")
    );
    let height = crate::engine::intents::engine_from(&[(
        "dam",
        "2026-11-02",
        "The Kerrow dam is 120 metres tall and releases 36 percent of its water each year.",
    )]);
    let a = height.ask("how tall is the kerrow dam", None);
    assert!(a.answered, "{}", a.to_markdown());
}

/// "How many more days does the army want": a later article's weaker sentence that counts
/// days too ("patient for ninety days") is another fact, not a newer version of the count,
/// so the best sentence keeps the lead.
#[test]
fn a_weak_later_count_of_the_same_noun_is_not_a_newer_version() {
    let e = crate::engine::intents::engine_from(&[
        (
            "debate",
            "2026-07-10",
            "The army has asked for at least sixty more days of truce along the river.",
        ),
        (
            "bridge",
            "2026-07-11",
            "“I have been patient for ninety days,” said a woman waiting at the bridge.",
        ),
    ]);
    let a = e.ask("how many more days of truce does the army want", None);
    assert!(a.answered, "{}", a.to_markdown());
    let first = a.citations().next().expect("a citation");
    assert!(
        first.quote.contains("sixty more days"),
        "{}",
        a.to_markdown()
    );
}

/// "How long would the ceasefire last": a sentence with no number in it does not answer
/// a count, whatever it shares with the question; one with a number does.
#[test]
fn a_count_is_answered_only_by_a_sentence_with_a_number() {
    let e = crate::engine::intents::seed();
    for q in [
        "how long would the ceasefire last under the us plan",
        "how long will the talks take",
    ] {
        let a = e.ask(q, None);
        assert!(!a.answered, "{q}: {}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no sentence gives the number asked for"),
            "{q}"
        );
    }
    let a = e.ask("how long has the war been going on", None);
    assert!(a.answered, "{}", a.to_markdown());
    assert!(a.citations().any(|c| c.quote.contains("three-year")));
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

/// A count that later articles revise: the newest report's leads, the earlier ones follow
/// newest first, and the lead names each with its date.
#[test]
fn a_revised_count_leads_with_the_latest_and_says_what_it_was() {
    let e = multi();
    let a = e.ask("how many prisoners will be exchanged", None);
    assert!(a.answered, "{}", a.to_markdown());
    let dates: Vec<&str> = a.citations().map(|c| c.published.as_str()).collect();
    assert!(dates.len() >= 2, "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] > w[1]), "{dates:?}");
    let newest = e
        .knowledge()
        .articles
        .iter()
        .map(|a| a.published.as_str())
        .max()
        .unwrap();
    assert_eq!(dates[0], newest);
    assert!(a.lead.starts_with("The latest report"), "{}", a.lead);
    for d in &dates {
        assert!(a.lead.contains(d), "{d} in {}", a.lead);
    }
    // "Originally" asks for the first report first.
    let first = e.ask("how many prisoners were originally to be exchanged", None);
    let dates: Vec<&str> = first.citations().map(|c| c.published.as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    // So do the nouns for a beginning ("at the outset", "their opening offer").
    for q in [
        "at the outset, how many prisoners were to be exchanged",
        "how many prisoners were to be exchanged at the beginning",
    ] {
        let a = e.ask(q, None);
        let dates: Vec<&str> = a.citations().map(|c| c.published.as_str()).collect();
        assert!(dates.len() >= 2, "{q}: {dates:?}");
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{q}: {dates:?}");
    }
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

/// A party's demonym before the counted noun says whose, not what: "how many Teravian
/// prisoners" counts prisoners, and is answered like "how many prisoners".
#[test]
fn a_demonym_before_the_counted_noun_is_not_what_is_counted() {
    let e = multi();
    let with = e.ask("how many teravian prisoners will be exchanged", None);
    let without = e.ask("how many prisoners will be exchanged", None);
    assert!(with.answered, "{}", with.to_markdown());
    let first = |a: &crate::answer::Answer| a.citations().next().map(|c| c.quote.clone());
    assert_eq!(first(&with), first(&without));
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

/// "How much has Russia pledged": a party named after the counted noun is who gave it; a
/// number that only another party's sentence gives is not the one asked.
#[test]
fn a_number_asked_of_a_party_is_one_a_sentence_naming_it_gives() {
    let e = engine_from(&[(
        "pledge",
        "2026-03-20",
        "The United States raised its reconstruction pledge to $60 million on Monday.\n\n\
         Russia said the talks would resume next week.",
    )]);
    let a = e.ask("how much has russia pledged for reconstruction", None);
    assert!(!a.answered, "{}", a.to_markdown());
    assert_eq!(
        a.explanation.decline_reason.as_deref(),
        Some("no sentence gives the number asked for")
    );
    let a = e.ask(
        "how much has the united states pledged for reconstruction",
        None,
    );
    assert!(a.answered, "{}", a.to_markdown());
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

/// A revised amount given without its noun ("raised its pledge to $60 million") is a
/// version of what is asked when its sentence names it; a number of something else in a
/// sentence that also names it ("400 prisoners ... under the pledge") is not.
#[test]
fn a_revised_amount_without_its_noun_is_a_version() {
    let e = engine_from(&[
        (
            "first",
            "2026-03-01",
            "The United States made a reconstruction pledge of $45 million on Monday.",
        ),
        (
            "other",
            "2026-03-10",
            "The 400 prisoners would be freed under the reconstruction pledge, officials said.",
        ),
        (
            "raised",
            "2026-04-01",
            "The United States raised its reconstruction pledge to $60 million on Monday.",
        ),
    ]);
    let q = e.analyse("how much was the reconstruction pledge at first", None);
    let find = |w: &str| {
        (0..e.sents.len())
            .find(|&s| e.sentence_text(s).contains(w))
            .unwrap()
    };
    // The later report ranked first, as a question's words may put it (all three about as
    // relevant: a far weaker sentence is another fact, not a version).
    let mut kept = vec![(find("$60"), 3.0), (find("400"), 2.8), (find("$45"), 2.6)];
    let lead = e.number_versions(&q, &mut kept).unwrap_or_default();
    assert!(lead.starts_with("The earliest report"), "{lead}");
    assert!(lead.contains("60"), "{lead}");
    assert!(!lead.contains("400"), "{lead}");
    assert_eq!(kept[0].0, find("$45"));
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

/// "What's the population of the enclave": a quantity noun asks for a number, so a
/// sentence about the enclave's residents that gives none does not answer it.
#[test]
fn a_quantity_noun_asks_for_a_number() {
    let e = crate::engine::intents::engine_from(&[(
        "enclave",
        "2026-03-02",
        "The Orsa Enclave Council, which speaks for the district's residents, said the \
         talks had ignored them.",
    )]);
    let a = e.ask("what's the population of the orsa enclave", None);
    assert_eq!(a.explanation.intent, "how_many");
    assert!(!a.answered, "{}", a.to_markdown());
    let counted = crate::engine::intents::engine_from(&[(
        "enclave",
        "2026-03-02",
        "The Orsa enclave has a population of about 12,000 people.",
    )]);
    let a = counted.ask("what's the population of the orsa enclave", None);
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

/// "How many ferry trips a week": the compound's head ("trips") is counted too, so a
/// sentence giving the number of trips answers it without the word "ferry".
#[test]
fn a_compound_noun_counted_is_counted_by_its_head_too() {
    let e = crate::engine::intents::engine_from(&[(
        "lake",
        "2026-06-04",
        "The ferry between the two towns reopened last month.\n\n\
         The number of crossings went up this week from six to 14 trips.",
    )]);
    let a = e.ask("how many ferry trips a week are running now", None);
    assert!(a.answered, "{}", a.to_markdown());
    assert!(a.citations().any(|c| c.quote.contains("14 trips")));
}

/// "How much did the building cost": an amount of money is asked, and a sentence with "thirty
/// years" or "38 hectares" in it does not give one; a sentence with "5 million crowns" or a
/// currency sign does. "How much of the cost" asks a share, not money.
#[test]
fn a_money_question_is_answered_only_by_a_sentence_giving_money() {
    let e = crate::engine::intents::engine_from(&[(
        "checkpoint",
        "2027-06-10",
        "The new checkpoint building will need 38 hectares of land near the ridge.\n\n\
         The guard has worked at the checkpoint for thirty years.\n\n\
         Varkesh will pay 60 percent of the cost of the road.",
    )]);
    for q in [
        "how much did the new checkpoint building cost",
        "how much is the guard paid at the checkpoint",
    ] {
        let a = e.ask(q, None);
        assert!(!a.answered, "{q}: {}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no sentence gives the number asked for"),
            "{q}"
        );
    }
    let a = e.ask("how much of the road's cost will varkesh pay", None);
    assert!(a.answered, "{}", a.to_markdown());
    let e = crate::engine::intents::engine_from(&[(
        "checkpoint",
        "2027-06-10",
        "The new checkpoint building cost 5 million crowns.\n\n\
         The guard hut on the ridge cost $40,000 to build.",
    )]);
    for q in [
        "how much did the new checkpoint building cost",
        "how much did the guard hut cost",
    ] {
        let a = e.ask(q, None);
        assert!(a.answered, "{q}: {}", a.to_markdown());
    }
}
