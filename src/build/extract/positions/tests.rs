//! Unit tests of the positions read from role phrases on short passages.

use super::super::testing::read;
use crate::knowledge::{PositionKind, Stance};

/// (party, topic, stance) of every position the sentences hold, in order.
fn held(paragraphs: &[&str]) -> Vec<(String, String, Stance)> {
    let (_, f) = read(paragraphs);
    f.positions
        .iter()
        .map(|p| (p.party.clone(), p.topic.clone(), p.stance))
        .collect()
}

fn holds(got: &[(String, String, Stance)], party: &str, topic: &str, stance: Stance) -> bool {
    got.iter()
        .any(|(p, t, s)| p == party && t == topic && *s == stance)
}

fn parties(got: &[(String, String, Stance)]) -> Vec<&str> {
    let mut out: Vec<&str> = got.iter().map(|(p, _, _)| p.as_str()).collect();
    out.dedup();
    out
}

#[test]
fn the_subject_of_a_stance_verb_holds_it_and_an_object_holds_nothing() {
    let got = held(&["Russia rejected any talks on Crimea with Ukraine."]);
    assert!(holds(&got, "russia", "crimea", Stance::Rejects), "{got:?}");
    assert!(!got.iter().any(|(p, _, _)| p == "ukraine"), "{got:?}");
}

#[test]
fn auxiliaries_and_negations_stand_between_subject_and_verb() {
    let got = held(&["Kyiv would not recognise Russian sovereignty over Crimea."]);
    assert_eq!(parties(&got), ["ukraine"], "{got:?}");
    assert!(holds(&got, "ukraine", "crimea", Stance::Rejects), "{got:?}");
    let got = held(&["Moscow has not accepted a ceasefire."]);
    assert!(
        holds(&got, "russia", "ceasefire", Stance::Rejects),
        "{got:?}"
    );
    let got = held(&["Moscow has also demanded the lifting of sanctions."]);
    assert!(
        holds(&got, "russia", "sanctions", Stance::Demands),
        "{got:?}"
    );
}

#[test]
fn a_stance_asked_about_in_a_what_or_whether_clause_is_not_held() {
    let got = held(&["The talks tried to establish what Kyiv can possibly accept on Crimea."]);
    assert!(!got.iter().any(|(p, _, _)| p == "ukraine"), "{got:?}");
    let got = held(&["Nobody knows whether Moscow's negotiators would accept a ceasefire."]);
    assert!(!got.iter().any(|(p, _, _)| p == "russia"), "{got:?}");
    // The same verb in a statement is held.
    let got = held(&["Moscow's negotiators would accept a ceasefire."]);
    assert!(
        holds(&got, "russia", "ceasefire", Stance::Accepts),
        "{got:?}"
    );
}

#[test]
fn a_list_of_parties_as_subject_holds_it_each() {
    let got = held(&["Ukraine and Russia agreed a ceasefire."]);
    assert!(
        holds(&got, "ukraine", "ceasefire", Stance::Accepts),
        "{got:?}"
    );
    assert!(
        holds(&got, "russia", "ceasefire", Stance::Accepts),
        "{got:?}"
    );
}

#[test]
fn in_the_passive_the_party_after_by_holds_it_and_the_subject_does_not() {
    let got = held(&["The ceasefire plan of Russia was rejected by Kyiv."]);
    assert_eq!(parties(&got), ["ukraine"], "{got:?}");
    assert!(
        holds(&got, "ukraine", "ceasefire", Stance::Rejects),
        "{got:?}"
    );
    // No agent: nobody holds a passive verb ("membership for Ukraine would be ruled out").
    let got = held(&["NATO membership for Ukraine would be ruled out."]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn the_owner_of_a_proposal_proposes_it() {
    // A person's possessive: the person's party.
    let got = held(&[
        "US envoy Steve Witkoff met officials in Paris.",
        "Witkoff's proposals included lifting sanctions on Russia.",
    ]);
    assert!(holds(&got, "us", "sanctions", Stance::Proposes), "{got:?}");
    assert!(!got.iter().any(|(p, _, _)| p == "russia"), "{got:?}");
    // A party adjective, and a party's possessive over a modifier.
    let got = held(&["Among the US proposals was recognising Crimea as Russian."]);
    assert!(holds(&got, "us", "crimea", Stance::Proposes), "{got:?}");
    assert!(!got.iter().any(|(p, _, _)| p == "russia"), "{got:?}");
    let got = held(&["Russia's last offer on sanctions was rejected."]);
    assert_eq!(parties(&got), ["russia"], "{got:?}");
    assert!(
        holds(&got, "russia", "sanctions", Stance::Proposes),
        "{got:?}"
    );
}

#[test]
fn the_party_a_non_starter_or_unacceptable_is_for_rejects_it() {
    let got =
        held(&["Recognising the annexation of Crimea was a non-starter for Europe and Ukraine."]);
    assert!(holds(&got, "europe", "crimea", Stance::Rejects), "{got:?}");
    assert!(holds(&got, "ukraine", "crimea", Stance::Rejects), "{got:?}");
    let got = held(&["The sanctions plan was unacceptable to Ukraine and other European nations."]);
    assert!(
        holds(&got, "ukraine", "sanctions", Stance::Rejects),
        "{got:?}"
    );
    assert!(
        holds(&got, "europe", "sanctions", Stance::Rejects),
        "{got:?}"
    );
}

#[test]
fn the_speaker_s_party_says_what_it_is_quoted_on_and_holds_its_must() {
    let got = held(&[
        "Ukrainian Foreign Minister Andrii Sybiha said the talks were useful.",
        "“Russia must agree to a full ceasefire,” Sybiha said.",
    ]);
    assert!(holds(&got, "ukraine", "talks", Stance::Says), "{got:?}");
    assert!(
        holds(&got, "ukraine", "ceasefire", Stance::Demands),
        "{got:?}"
    );
    // "Russia" is the subject of what Ukraine demands: it holds no stance of its own there.
    assert!(
        !got.iter()
            .any(|(p, t, _)| p == "russia" && t == "ceasefire"),
        "{got:?}"
    );
}

#[test]
fn a_speaker_s_pronoun_or_possessive_subject_is_the_speaker_s_party() {
    let got = held(&[
        "Ukrainian Foreign Minister Andrii Sybiha said her country would not accept a ceasefire.",
    ]);
    assert!(
        holds(&got, "ukraine", "ceasefire", Stance::Rejects),
        "{got:?}"
    );
    let got = held(&["“We have issued a very explicit proposal to the Russians,” US Vice-President JD Vance said."]);
    assert!(holds(&got, "us", "proposals", Stance::Proposes), "{got:?}");
    assert!(!got.iter().any(|(p, _, _)| p == "russia"), "{got:?}");
}

#[test]
fn a_party_only_mentioned_holds_no_position() {
    // Between, of, on: all objects; no stance word at all.
    let got = held(&[
        "The gaps between Washington and Kyiv over the talks on Crimea were wide.",
        "Witkoff will meet with Putin this week in Russia to discuss sanctions.",
    ]);
    assert!(got.is_empty(), "{got:?}");
    // A stance verb whose subject is no party: the objects hold nothing.
    let got = held(&[
        "Three diplomats said those proposals demand more concessions from Ukraine than Russia.",
    ]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_proposal_is_a_proposal_kind_and_a_topicless_stance_keeps_an_empty_topic() {
    let (_, f) = read(&["Ukraine presented a plan for Crimea.", "Russia refused."]);
    let plan = f
        .positions
        .iter()
        .find(|p| p.party == "ukraine")
        .expect("Ukraine's plan");
    assert_eq!(plan.kind, PositionKind::Proposal);
    assert_eq!(plan.stance, Stance::Proposes);
    let refusal = f
        .positions
        .iter()
        .find(|p| p.party == "russia")
        .expect("Russia's refusal");
    assert_eq!(
        (refusal.topic.as_str(), refusal.stance),
        ("", Stance::Rejects)
    );
}
