//! Positions are stances, not co-occurrence: through the builder and the engine, a party's
//! position is a sentence where it holds a stance (proposes, supports, demands, rejects, accepts
//! or says), never one that only mentions it. Checked on the seed article and on two sets of
//! invented articles (`tests/eval/own-multi`, `tests/eval/external-fiction`), whose parties the
//! builder learns from the articles themselves.

use std::collections::HashSet;
use std::path::Path;

use parley::build::{build_dir, BuildOptions};
use parley::engine::Command;
use parley::knowledge::Stance;
use parley::lexicon::Lexicon;
use parley::{Answer, Engine, EngineSettings, Knowledge};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn seed() -> Knowledge {
    Knowledge::load(&root().join("knowledge/knowledge.json")).expect("knowledge loads")
}

fn built(dir: &str) -> Knowledge {
    let lexicon = Lexicon::load_dir(&root().join("config")).expect("config loads");
    build_dir(&root().join(dir), &lexicon, &BuildOptions::default())
        .expect("articles build")
        .knowledge
}

/// The text of every sentence where `party` holds a position (on `topic`, when given).
fn held_by(k: &Knowledge, party: &str, topic: Option<&str>) -> HashSet<String> {
    let ids: HashSet<&str> = k
        .positions
        .iter()
        .filter(|p| p.party == party && topic.is_none_or(|t| p.topic == t))
        .map(|p| p.sentence.as_str())
        .collect();
    let mut out = HashSet::new();
    for a in &k.articles {
        for p in &a.paragraphs {
            for s in &p.sentences {
                if ids.contains(s.id.as_str()) {
                    out.insert(sentence_text(&p.text, s.start, s.end));
                }
            }
        }
    }
    out
}

/// A sentence's text from its paragraph, by its character offsets.
fn sentence_text(paragraph: &str, start: u32, end: u32) -> String {
    paragraph
        .chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// The stance `party` holds in the sentence holding `words`.
fn stance_in(k: &Knowledge, party: &str, words: &str) -> Option<Stance> {
    let texts: Vec<(String, String)> = k
        .articles
        .iter()
        .flat_map(|a| &a.paragraphs)
        .flat_map(|p| {
            p.sentences
                .iter()
                .map(move |s| (s.id.clone(), sentence_text(&p.text, s.start, s.end)))
        })
        .collect();
    let (id, _) = texts
        .iter()
        .find(|(_, t)| t.contains(words))
        .unwrap_or_else(|| panic!("no sentence holds {words:?}"));
    k.positions
        .iter()
        .find(|p| &p.sentence == id && p.party == party)
        .map(|p| p.stance)
}

/// Every citation of the answer quotes a sentence in `held` (a citation may quote part of one).
fn all_held(a: &Answer, held: &HashSet<String>) -> bool {
    a.citations()
        .all(|c| held.iter().any(|t| t.contains(c.quote.as_str())))
}

#[test]
fn a_party_only_mentioned_in_the_seed_holds_no_position_there() {
    let k = seed();
    // "... a move that was a non-starter for Europe and Ukraine": the US proposed it, Europe and
    // Ukraine rejected it, Russia is only mentioned ("Russia's illegal annexation").
    let s = "a non-starter for Europe and Ukraine";
    assert_eq!(stance_in(&k, "us", s), Some(Stance::Proposes));
    assert_eq!(stance_in(&k, "europe", s), Some(Stance::Rejects));
    assert_eq!(stance_in(&k, "ukraine", s), Some(Stance::Rejects));
    assert_eq!(stance_in(&k, "russia", s), None);
    // Svyrydenko's words are Ukraine's rejection, nobody else's.
    let s = "Kyiv would not recognise Russian sovereignty";
    assert_eq!(stance_in(&k, "ukraine", s), Some(Stance::Rejects));
    assert_eq!(stance_in(&k, "russia", s), None);
    assert_eq!(stance_in(&k, "us", s), None);
    // A meeting announced, no stance: nobody holds anything.
    let s = "Witkoff will meet with Putin";
    for party in ["us", "russia"] {
        assert_eq!(stance_in(&k, party, s), None, "{party}");
    }
}

#[test]
fn positions_us_crimea_leads_with_what_the_us_proposed_not_ukraine_s_stance() {
    let k = seed();
    let e = Engine::new(k.clone(), EngineSettings::default());
    let a = e.run(&Command::parse("/positions US crimea"), None);
    assert!(a.answered, "{}", a.to_markdown());
    let first = a.citations().next().expect("a citation");
    assert!(
        !first.quote.contains("Svyrydenko"),
        "led with Ukraine's stance: {}",
        a.to_markdown()
    );
    assert!(
        all_held(&a, &held_by(&k, "us", Some("crimea"))),
        "{}",
        a.to_markdown()
    );
    assert!(a.lead.contains("proposed"), "{}", a.lead);
}

#[test]
fn europe_and_ukraine_hold_the_rejection_of_the_crimea_proposal() {
    let k = seed();
    let e = Engine::new(k.clone(), EngineSettings::default());
    for (q, party) in [
        ("What is Europe's position on Crimea?", "europe"),
        ("What is Ukraine's position on Crimea?", "ukraine"),
    ] {
        let a = e.ask(q, None);
        assert!(a.answered, "{q}: {}", a.to_markdown());
        assert!(
            all_held(&a, &held_by(&k, party, Some("crimea"))),
            "{q}: {}",
            a.to_markdown()
        );
        assert!(a.lead.contains("rejected"), "{q}: {}", a.lead);
    }
    // Ukraine's own words are among its positions on Crimea.
    let a = e.ask("What is Ukraine's position on Crimea?", None);
    assert!(
        a.citations()
            .take(3)
            .any(|c| c.quote.contains("would not recognise")),
        "{}",
        a.to_markdown()
    );
}

#[test]
fn a_party_that_holds_nothing_on_a_topic_is_declined_with_no_position() {
    let e = Engine::new(seed(), EngineSettings::default());
    // Russia is named in every Crimea sentence of the seed and holds no stance on it.
    let a = e.run(&Command::parse("/positions Russia crimea"), None);
    assert!(!a.answered, "{}", a.to_markdown());
    assert_eq!(
        a.explanation.decline_reason.as_deref(),
        Some("no position of that party on that topic"),
        "{}",
        a.to_markdown()
    );
}

#[test]
fn invented_parties_hold_what_they_propose_demand_and_reject() {
    let k = built("tests/eval/external-fiction/articles");
    // Two officials report Ostria's offer, which Valmora rejected.
    let s = "Ostria had offered to guarantee a minimum flow";
    assert_eq!(stance_in(&k, "ostrian", s), Some(Stance::Proposes));
    assert_eq!(stance_in(&k, "valmoran", s), Some(Stance::Rejects));
    // "her country would not return": the speaker's country.
    let s = "her country would not return";
    assert_eq!(stance_in(&k, "valmoran", s), Some(Stance::Rejects));
    assert_eq!(stance_in(&k, "ostrian", s), None);

    let k = built("tests/eval/own-multi/articles");
    let s = "Morvany has demanded 30 percent";
    assert_eq!(stance_in(&k, "morvanian", s), Some(Stance::Demands));
    assert_eq!(stance_in(&k, "teravian", s), None);
    // "a Morvanian proposal", reported by Teravia's spokesperson: Morvany proposes, Teravia
    // says, whatever the spokesperson's own affiliation.
    let s = "studying a Morvanian proposal";
    assert_eq!(stance_in(&k, "morvanian", s), Some(Stance::Proposes));
    assert_eq!(stance_in(&k, "teravian", s), Some(Stance::Says));
    let e = Engine::new(k.clone(), EngineSettings::default());
    let a = e.ask(
        "What is Teravia's position on international monitors?",
        None,
    );
    assert!(a.answered, "{}", a.to_markdown());
    assert!(
        all_held(&a, &held_by(&k, "teravian", None)),
        "{}",
        a.to_markdown()
    );
}
