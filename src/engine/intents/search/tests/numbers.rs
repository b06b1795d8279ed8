//! Unit tests of search on questions asking for a number: a count, a height, an amount of
//! money, a quantity noun; which sentence gives it, and which later report revises it.

use super::multi;
use crate::engine::intents::engine_from;

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
