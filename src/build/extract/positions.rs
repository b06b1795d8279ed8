//! Positions and proposals: whose stance or plan a sentence states, on which topic.
//!
//! Owns the cue words' use (stance and proposal cues from `config/language.toml`) and the rule
//! for which parties hold a sentence. It must not resolve speakers: it reads the speakers the
//! attribution step already found.

use crate::knowledge::{Cite, Position, PositionKind, Speaker};
use crate::lexicon::Compiled;
use crate::text::stem;

use super::{push_unique, ArticleFacts, Registry, Sent};

/// Adds the positions and proposals sentence `s` states to `facts.positions`: one per party
/// holding the sentence and topic it names. `speakers` are the sentence's reporting speakers,
/// in order; `at` cites the whole sentence.
#[allow(clippy::too_many_arguments)]
pub(super) fn positions_in(
    facts: &mut ArticleFacts,
    speakers: &[Option<Speaker>],
    s: &Sent,
    topics: &[String],
    sid: &str,
    registry: &Registry,
    c: &Compiled,
    at: Cite,
) {
    let quote_speakers = facts
        .quotes
        .iter()
        .rev()
        .take_while(|q| q.sentence == sid)
        .map(|q| Some(q.speaker.clone()));
    let speaker_party = speakers
        .iter()
        .cloned()
        .chain(quote_speakers)
        .find_map(|sp| match sp {
            Some(Speaker::Person(id)) => registry.get(&id).and_then(|p| p.affiliation.clone()),
            Some(Speaker::Source(id)) => facts
                .sources
                .iter()
                .find(|x| x.id == id)
                .and_then(|x| x.affiliation.clone()),
            _ => None,
        });
    let stems: Vec<String> = s.tokens.iter().map(|t| stem(&t.norm)).collect();
    let lower = s.hay[s.start..s.end].to_lowercase();
    let proposal = stems.iter().any(|st| c.proposal_cues.contains(st));
    let stance = stems.iter().any(|st| c.position_cues.contains(st))
        || lower.contains("n’t")
        || lower.contains("n't");
    // Whose position: the speaker's party, and parties that hold the sentence (its
    // subject, a possessive, or "unacceptable to X" / "a non-starter for X").
    let mut parties: Vec<String> = Vec::new();
    for h in c.parties.find(&s.tokens) {
        let prev = h.start.checked_sub(1).map(|k| s.tokens[k].norm.as_str());
        let holds = h.start < 6
            || s.tokens[h.end - 1].possessive
            || matches!(prev, Some("for" | "to" | "by" | "from"));
        if holds {
            push_unique(&mut parties, &c.lexicon.parties[h.entity].id);
        }
    }
    if let Some(sp) = speaker_party.filter(|sp| c.lexicon.parties.iter().any(|p| &p.id == sp)) {
        push_unique(&mut parties, &sp);
    }
    for party in &parties {
        for topic in topics {
            for (flag, kind) in [
                (proposal, PositionKind::Proposal),
                (stance, PositionKind::Position),
            ] {
                if flag {
                    facts.positions.push(Position {
                        party: party.clone(),
                        topic: topic.clone(),
                        kind,
                        sentence: sid.to_string(),
                        cite: at.clone(),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::read;
    use crate::knowledge::PositionKind;

    #[test]
    fn a_party_s_stance_and_proposal_on_a_topic() {
        let (_, f) = read(&[
            "Russia rejected any talks on Crimea.",
            "Ukraine presented a plan for Crimea.",
            "The weather was fine in Crimea.",
        ]);
        let got: Vec<(&str, &str, PositionKind)> = f
            .positions
            .iter()
            .map(|p| (p.party.as_str(), p.topic.as_str(), p.kind))
            .collect();
        assert!(
            got.contains(&("russia", "crimea", PositionKind::Position)),
            "{got:?}"
        );
        assert!(
            got.contains(&("ukraine", "crimea", PositionKind::Proposal)),
            "{got:?}"
        );
        assert!(
            f.positions.iter().all(|p| !p.sentence.ends_with("p3s1")),
            "{got:?}"
        );
    }
}
