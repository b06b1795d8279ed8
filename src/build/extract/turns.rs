//! Transcript turns: a paragraph opening with a speaker's tag in capitals and a colon
//! ("PELL: Because ...", "MINISTER DORRIK: ...", "QUESTION (Lars Ebbe, The Courier): ...") is
//! the words of the person the tag names, with no quotation marks.
//!
//! Owns reading the tag and settling whom it names among the people of the article. A tag that
//! names no one the article knows (a heading, "UPDATE 14:05:", "THE DAM:") leaves the paragraph
//! alone; a tag that could be several people is nobody's.

use super::registry::Registry;
use crate::lexicon::Compiled;
use crate::text::tokenize;

/// The most words a tag may have before its brackets ("FOREIGN MINISTER AURELIO BRANDTMEER").
const TAG_WORDS: usize = 6;

/// A speaker's tag opening a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tag<'a> {
    /// The words before the colon (and before the brackets), as written.
    pub(super) words: Vec<&'a str>,
    /// What stands in brackets after them ("Lars Ebbe, The Courier", "Vessaline").
    pub(super) bracket: Option<&'a str>,
    /// Byte offset where the turn's own words begin.
    pub(super) body: usize,
}

/// The tag opening `text`, when the paragraph opens with words in capitals (letters, hyphens,
/// apostrophes, stops; no digits, no commas), maybe a bracket, then a colon and more words.
pub(super) fn turn_tag(text: &str) -> Option<Tag<'_>> {
    let colon = text.find(':')?;
    if colon > 120 {
        return None;
    }
    let head = text[..colon].trim_end();
    let (words_part, bracket) = match head.find(" (") {
        Some(at) if head.ends_with(')') => (&head[..at], Some(head[at + 2..head.len() - 1].trim())),
        _ => (head, None),
    };
    if bracket.is_some_and(|b| b.is_empty() || b.contains(['(', ')', ':'])) {
        return None;
    }
    let words: Vec<&str> = words_part.split_whitespace().collect();
    if words.is_empty() || words.len() > TAG_WORDS {
        return None;
    }
    let capitals = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|ch| ch.is_uppercase() || matches!(ch, '-' | '\'' | '’' | '.'))
    };
    if !words.iter().all(|w| capitals(w)) {
        return None;
    }
    let rest = &text[colon + 1..];
    let body = colon + 1 + (rest.len() - rest.trim_start().len());
    // "A: ...\nB: ...": lines of a list, not one speaker's turn.
    if text[body..].trim().is_empty() || text[body..].trim_end().contains('\n') {
        return None;
    }
    Some(Tag {
        words,
        bracket,
        body,
    })
}

/// A word written in capitals as a name is written ("OKONWE-CASTEL": "Okonwe-Castel").
fn written_as_name(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for ch in word.chars() {
        if start {
            out.extend(ch.to_uppercase());
        } else {
            out.extend(ch.to_lowercase());
        }
        start = matches!(ch, '-' | ' ');
    }
    out
}

/// Whom a tag names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TagWho {
    /// A person of the registry.
    Person(usize),
    /// A person the tag's brackets name in full and the registry does not know ("QUESTION
    /// (Lars Ebbe, The Courier)"): the name as written.
    Named(String),
    /// A turn whose speaker the text does not settle, with the reason.
    Unsettled(String),
}

/// True when `word` (as written in a tag) is a title, a word of a role, or an honorific.
fn title_word(word: &str, c: &Compiled) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    c.role_modifiers.contains(&lower)
        || honorific(word, c).is_some()
        || a_title(word, c)
        || programme_part(&lower, c).is_some()
}

/// The programme part a tag word names ("host", "caller"), with the words introducing its
/// holder.
fn programme_part<'c>(lower: &str, c: &'c Compiled) -> Option<&'c [String]> {
    c.programme_parts
        .iter()
        .find(|part| part[0] == lower)
        .map(Vec::as_slice)
}

/// "HOST: ...": the one person of `here` the article introduces in that part ("presented by
/// Oskar Lindt", "host Oskar Lindt", "Oskar Lindt, the host"), in the lowercase `text`; or the
/// name written after "presented by" when the registry does not know it.
fn part_holder(
    tag: &str,
    part: &[String],
    registry: &Registry,
    here: &[usize],
    text: &str,
    c: &Compiled,
) -> TagWho {
    let holders: Vec<usize> = here
        .iter()
        .copied()
        .filter(|&pi| {
            let name = registry.people[pi].name.to_lowercase();
            part[1..].iter().any(|cue| {
                text.contains(&format!("{cue} {name}"))
                    || text.contains(&format!("{name}, the {cue}"))
                    || text.contains(&format!("{name}, {cue}"))
            })
        })
        .collect();
    // One the registry does not know: the name the text gives right after "presented by".
    let written: Vec<String> = if holders.is_empty() {
        let mut found: Vec<String> = part[1..]
            .iter()
            .filter(|cue| cue.contains(' '))
            .flat_map(|cue| {
                let starts: Vec<usize> = text
                    .match_indices(&format!("{cue} "))
                    .map(|(at, _)| at + cue.len() + 1)
                    .collect();
                starts
            })
            .filter_map(|at| {
                let words: Vec<&str> = text[at..]
                    .split(|ch: char| !(ch.is_alphabetic() || ch == '-' || ch == ' '))
                    .next()?
                    .split_whitespace()
                    .take(3)
                    .take_while(|w| !c.stopwords.contains(*w))
                    .collect();
                (words.len() >= 2 && super::people::given_name_like(words[0])).then(|| {
                    words
                        .iter()
                        .map(|w| written_as_name(w))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            })
            .collect();
        found.sort();
        found.dedup();
        found
    } else {
        Vec::new()
    };
    match (&holders[..], &written[..]) {
        ([one], _) => TagWho::Person(*one),
        ([], [name]) => TagWho::Named(name.clone()),
        ([], []) => TagWho::Unsettled(format!(
            "the transcript tag “{tag}” names a part the text introduces no one in"
        )),
        _ => TagWho::Unsettled(format!(
            "the transcript tag “{tag}” names a part the text gives several people"
        )),
    }
}

/// True when `word` alone is a title ("MINISTER", "ENVOY"), not only a word inside one.
fn a_title(word: &str, c: &Compiled) -> bool {
    let toks = tokenize(&word.trim_end_matches('.').to_lowercase());
    toks.len() == 1 && !c.titles.find(&toks).is_empty()
}

/// The title an honorific written in capitals stands for ("DR": "doctor", "MS": "").
fn honorific<'c>(word: &str, c: &'c Compiled) -> Option<&'c str> {
    let w = word.trim_end_matches('.');
    c.honorifics
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(w))
        .map(|(_, v)| v.as_str())
}

/// The titles a tag gives, lowercase ("MINISTER": "minister", "DR": "doctor"): an earlier
/// tag's title for a person fits a later tag of theirs.
pub(super) fn tag_titles(tag: &Tag, c: &Compiled) -> Vec<String> {
    tag.words
        .iter()
        .filter_map(|w| match honorific(w, c) {
            Some("") => None,
            Some(t) => Some(t.to_string()),
            None => a_title(w, c).then(|| w.to_lowercase()),
        })
        .collect()
}

/// Whom the tag names among `here` (the people the article names in full, and those earlier
/// tags named), or None when the tag is no turn: it names no one the article knows and is no
/// reporter's question naming someone.
pub(super) fn tag_speaker(
    tag: &Tag,
    registry: &Registry,
    here: &[usize],
    named: &[(String, Vec<String>)],
    given: &[(Vec<String>, String)],
    text: &str,
    c: &Compiled,
) -> Option<TagWho> {
    let lower: Vec<String> = tag.words.iter().map(|w| w.to_lowercase()).collect();
    if lower.len() == 1 && c.question_tags.contains(&lower[0]) {
        return question_speaker(tag.bracket?, registry, here, named);
    }
    if let [word] = &lower[..] {
        if let Some(part) = programme_part(word, c).filter(|part| part.len() > 1) {
            return Some(part_holder(tag.words[0], part, registry, here, text, c));
        }
    }
    // The words of the name: those after the last title word.
    let first_name = tag
        .words
        .iter()
        .rposition(|w| title_word(w, c))
        .map_or(0, |i| i + 1);
    if first_name >= tag.words.len() {
        return None;
    }
    let titles = &tag.words[..first_name];
    let name: Vec<String> = lower[first_name..].to_vec();
    let surname = name.last().expect("checked");
    // "KASPIRA: 45 per cent": a place's name is a side in a list, not a speaker.
    if registry.places.contains(surname) {
        return None;
    }
    let candidates: Vec<usize> = here
        .iter()
        .copied()
        .filter(|&pi| {
            let words = &registry.people[pi].words;
            words.last() == Some(surname)
                && (name.len() == 1 || words.ends_with(&name) && words.len() >= name.len())
        })
        .collect();
    let also_named = named.iter().any(|(_, words)| words.last() == Some(surname));
    if candidates.is_empty() {
        // "FOREIGN MINISTER AURELIO BRANDTMEER (Vessaline):": a full name the tag gives, of no
        // one the article names in full otherwise, is that person.
        if !also_named
            && name.len() >= 2
            && super::people::given_name_like(&name[0])
            && registry.people.iter().all(|p| p.words != name)
        {
            return Some(TagWho::Named(
                tag.words[first_name..]
                    .iter()
                    .map(|w| written_as_name(w))
                    .collect::<Vec<_>>()
                    .join(" "),
            ));
        }
        // "CALLER AGNETA (ORLEN):": a listener on the line, known by the one name.
        if !also_named
            && name.len() == 1
            && titles
                .iter()
                .any(|w| programme_part(&w.to_lowercase(), c).is_some())
        {
            return Some(TagWho::Named(written_as_name(tag.words[first_name])));
        }
        if also_named {
            let full = named
                .iter()
                .filter(|(_, words)| words.last() == Some(surname))
                .collect::<Vec<_>>();
            if let [(n, _)] = full[..] {
                return Some(TagWho::Named(n.clone()));
            }
        }
        return None;
    }
    // A title in the tag must be one the person holds ("MINISTER FERRANT" is the minister,
    // not the senator of that surname).
    // A full name settles who, whatever title the tag gives.
    let fits = |pi: usize| {
        let p = &registry.people[pi];
        name.len() >= 2 && p.words == name
            || titles.iter().all(|w| {
                let need = match honorific(w, c) {
                    Some("") => return true,
                    Some(t) => t.to_string(),
                    None if !a_title(w, c) => return true,
                    None => w.to_lowercase(),
                };
                let before_name = format!("{need} {surname}");
                p.honorific_titles.contains(&need)
                    || text.contains(&before_name)
                    || given.iter().any(|(w, t)| *w == p.words && *t == need)
                    || p.roles.iter().any(|r| {
                        r.text
                            .split(|ch: char| !ch.is_alphanumeric())
                            .any(|x| x.eq_ignore_ascii_case(&need))
                    })
            })
    };
    let fitting: Vec<usize> = candidates.iter().copied().filter(|&pi| fits(pi)).collect();
    match (&fitting[..], also_named) {
        ([one], false) => Some(TagWho::Person(*one)),
        ([], _) => Some(TagWho::Unsettled(format!(
            "the transcript tag “{}” fits no one of that name the text gives that title",
            tag.words.join(" ")
        ))),
        _ => Some(TagWho::Unsettled(format!(
            "the transcript tag “{}” could stand for several people",
            tag.words.join(" ")
        ))),
    }
}

/// "QUESTION (Lars Ebbe, The Courier)": the person the brackets name before the comma, a known
/// one or one named in full there; "QUESTION (Ebbe)": the one person of that surname. A
/// bracket naming only an outlet ("QUESTION (The Courier)") makes no turn.
fn question_speaker(
    bracket: &str,
    registry: &Registry,
    here: &[usize],
    named: &[(String, Vec<String>)],
) -> Option<TagWho> {
    let (name, outlet) = match bracket.split_once(',') {
        Some((n, o)) => (n.trim(), !o.trim().is_empty()),
        None => (bracket.trim(), false),
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_like = !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .skip(1)
                    .all(|ch| ch.is_lowercase() || matches!(ch, '-' | '\'' | '’'))
        });
    if !name_like {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let known: Vec<usize> = here
        .iter()
        .copied()
        .filter(|&pi| {
            let pw = &registry.people[pi].words;
            if lower.len() == 1 {
                pw.last() == lower.last()
            } else {
                *pw == lower
            }
        })
        .collect();
    let earlier: Vec<&String> = named
        .iter()
        .filter(|(_, w)| {
            if lower.len() == 1 {
                w.last() == lower.last()
            } else {
                *w == lower
            }
        })
        .map(|(n, _)| n)
        .collect();
    match (&known[..], &earlier[..]) {
        ([one], []) => Some(TagWho::Person(*one)),
        ([], [one]) => Some(TagWho::Named((*one).clone())),
        ([], []) if lower.len() >= 2 && outlet => Some(TagWho::Named(name.to_string())),
        ([], []) => None,
        _ => Some(TagWho::Unsettled(format!(
            "the questioner “{name}” could stand for several people"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::extract::testing::read;
    use crate::build::extract::{ArticleFacts, Registry};
    use crate::knowledge::Speaker;

    /// Who said the quote that starts with `words`: the full name, or "unattributed".
    fn speaker(reg: &Registry, facts: &ArticleFacts, words: &str) -> String {
        let q = facts
            .quotes
            .iter()
            .find(|q| q.text.starts_with(words))
            .unwrap_or_else(|| panic!("no quote opens with {words:?}: {:?}", facts.quotes));
        match &q.speaker {
            Speaker::Person(id) => reg.get(id).expect("known").name.clone(),
            Speaker::Source(id) => format!("source {id}"),
            Speaker::Unattributed => {
                assert!(q.reason.is_some(), "no reason for {:?}", q.text);
                "unattributed".into()
            }
        }
    }

    #[test]
    fn a_tag_in_capitals_before_a_colon_opens_a_turn() {
        let t = turn_tag("PELL: Because 160 delivered is worth more.").unwrap();
        assert_eq!(t.words, ["PELL"]);
        assert_eq!(t.bracket, None);
        assert_eq!(t.body, 6);
        let t = turn_tag("QUESTION (Ada Brun, The Post): What now?").unwrap();
        assert_eq!(t.words, ["QUESTION"]);
        assert_eq!(t.bracket, Some("Ada Brun, The Post"));
        let t = turn_tag("DR OKONWE-CASTEL: Thank you.").unwrap();
        assert_eq!(t.words, ["DR", "OKONWE-CASTEL"]);
        // Timestamps, datelines, headings and ordinary sentences are no tags.
        assert!(turn_tag("UPDATE 14:05: The talks resumed.").is_none());
        assert!(turn_tag("BAD LIRREN, March 3 (CPA) - The talks: a start.").is_none());
        assert!(turn_tag("The minister said: “No.”").is_none());
        assert!(turn_tag("SUMMARY:").is_none());
    }

    /// "HOST:" is the one person the article introduces as its host, by name after "presented
    /// by" even when no one else names them; "CALLER MILA (BRASK):" is the caller Mila; a part
    /// the text gives no one is nobody's, and still a turn.
    #[test]
    fn a_tag_naming_a_programme_part_is_the_one_who_plays_it() {
        let (reg, facts) = read(&[
            "An edited transcript of The Late Desk, presented by Jorun Vestby. The minister, Ada Vollmer, joined by telephone.",
            "HOST: Minister, are the talks over?",
            "MINISTER VOLLMER: Not yet, and not tonight.",
            "CALLER MILA (BRASK): My husband drives that road every day.",
            "MODERATOR: We have run out of time.",
        ]);
        assert_eq!(
            speaker(&reg, &facts, "Minister, are the talks over?"),
            "Jorun Vestby"
        );
        assert_eq!(speaker(&reg, &facts, "My husband drives"), "Mila");
        assert_eq!(
            speaker(&reg, &facts, "We have run out of time."),
            "unattributed"
        );
    }

    #[test]
    fn a_turn_is_the_words_of_the_person_its_tag_names() {
        let (reg, facts) = read(&[
            "Present: Ms Ada Vollmer, the foreign minister, and the senator Ivo Vollmer, her brother, with the presenter Petra Lund.",
            "LUND: Will you sign today?",
            "MINISTER VOLLMER: We sign when the numbers hold, and not an hour before.",
            "VOLLMER: That is my sister's line, not mine.",
        ]);
        assert_eq!(speaker(&reg, &facts, "Will you sign today?"), "Petra Lund");
        assert_eq!(
            speaker(&reg, &facts, "We sign when the numbers hold"),
            "Ada Vollmer"
        );
        // A bare surname two people share settles nothing.
        assert_eq!(
            speaker(&reg, &facts, "That is my sister's line"),
            "unattributed"
        );
    }

    #[test]
    fn a_reporter_s_question_is_the_words_of_the_name_in_its_brackets() {
        let (reg, facts) = read(&[
            "Participants: Dr Hana Quist, the mediator.",
            "QUESTION (Lars Ebbe, The Harbour Post): Dr Quist, is there a deal?",
            "DR QUIST: I said, “Not before dawn.” And it was dawn.",
            "QUESTION (Ebbe): And now?",
            "QUESTION (The Evening Star): Who pays?",
        ]);
        assert_eq!(
            speaker(&reg, &facts, "Dr Quist, is there a deal?"),
            "Lars Ebbe"
        );
        assert_eq!(speaker(&reg, &facts, "I said,"), "Hana Quist");
        // The speaker telling of her own words: "I" is the turn's speaker.
        assert_eq!(speaker(&reg, &facts, "Not before dawn."), "Hana Quist");
        assert_eq!(speaker(&reg, &facts, "And now?"), "Lars Ebbe");
        // An outlet alone names no one: the paragraph is left alone.
        assert!(facts.quotes.iter().all(|q| !q.text.contains("Who pays")));
    }

    #[test]
    fn a_tag_s_full_name_or_a_title_the_text_gives_settles_the_turn() {
        let (reg, facts) = read(&[
            "FOREIGN MINISTER ODO BRANNECK (Norland): Welcome to the signing.",
            "“We start on time,” said Vera Quist, a former rail regulator.",
            "QUESTION (Ada Lind, The Post): Envoy Quist, when do trains run?",
            "SPECIAL ENVOY QUIST: On Tuesday, if the rails allow it.",
            "FOREIGN MINISTER BRANNECK: And not a day later.",
        ]);
        assert_eq!(
            speaker(&reg, &facts, "Welcome to the signing."),
            "Odo Branneck"
        );
        assert_eq!(speaker(&reg, &facts, "On Tuesday"), "Vera Quist");
        assert_eq!(
            speaker(&reg, &facts, "And not a day later."),
            "Odo Branneck"
        );
    }

    #[test]
    fn a_tag_naming_no_one_leaves_the_paragraph_alone() {
        let (_, facts) = read(&[
            "Ada Vollmer spoke at noon.",
            "THE DAM: Built in 1961, it holds the river back.",
        ]);
        assert!(facts
            .quotes
            .iter()
            .all(|q| !q.text.contains("Built in 1961")));
    }
}
