//! Who says each quotation that starts in a sentence: a reporting verb right after it or
//! before it, the verb where a quotation of several sentences closes, the issuer of a
//! statement it quotes, the answerer in an interview, the speaker before it continuing, or
//! the one person a sentence after it names; else nobody, with the reason recorded.
//!
//! Owns the order of those rules for one sentence's quotations. It must not find quotation
//! marks (`quotes`), decide a verb's subject (`attribution`) or read tags and dates.

use std::collections::HashSet;

use crate::article::Paragraph;
use crate::knowledge::{Quote, Speaker};
use crate::lexicon::Compiled;
use crate::text::CharMap;

use super::attribution::{channel_after, Reader, Said};
use super::people::{self, unknown_names};
use super::quotes::{names_a_term, names_a_thing, trim_quote, QuoteSpan};
use super::registry::{person_mentions, Mention};
use super::sentence::{cite, Sent};
use super::sentence_subject::viewpoint_person;
use super::{inner, name_words, PersonDraft};

/// A speaker and the verb they spoke with.
type Spoke = Option<(Speaker, Option<String>)>;

/// The sentence the quotations start in, and what the walk knows there.
#[derive(Clone, Copy)]
pub(super) struct At<'x, 's> {
    /// The paragraph, its sentences, its quotations and its character map.
    pub(super) p: &'x Paragraph,
    pub(super) sents: &'x [Sent<'s>],
    pub(super) quotes: &'x [QuoteSpan],
    pub(super) map: &'x CharMap,
    /// The sentence (number `k`, id `sid`), the quotations starting in it and its reporting
    /// verbs; `whole_quote` when nothing but quotation is written in it.
    pub(super) k: usize,
    pub(super) s: &'x Sent<'s>,
    pub(super) sid: &'x str,
    pub(super) sentence_quotes: &'x [QuoteSpan],
    pub(super) saids: &'x [Said],
    pub(super) whole_quote: bool,
    /// Who a name stands for at this point.
    pub(super) in_full: &'x HashSet<usize>,
    /// The article is an interview; the sentence before asked a question.
    pub(super) interview: bool,
    pub(super) after_question: bool,
    /// Who issued the written statement the sentences before tell of.
    pub(super) issued: &'x Option<Speaker>,
    /// The speaker of the sentence before, and of a quotation opening it that was
    /// attributed right after it.
    pub(super) previous: &'x Spoke,
    pub(super) split_prev: &'x Spoke,
}

/// Records the quotations starting in sentence `at.s` (numbered on from `quote_no`) with their
/// speakers; the interview's `answerer` follows who answers. Returns who spoke last in the
/// sentence, and who spoke a quotation opening it that was attributed right after it.
pub(super) fn quote_speakers(
    r: &mut Reader,
    at: At,
    answerer: &mut Option<Speaker>,
    quote_no: &mut usize,
) -> (Spoke, Spoke) {
    let At {
        p,
        sents,
        quotes,
        map,
        k,
        s,
        sid,
        sentence_quotes,
        saids,
        whole_quote,
        in_full,
        interview,
        after_question,
        issued,
        previous,
        split_prev,
    } = at;
    let (article, registry, c) = (r.article, r.registry, r.c);
    let mut split_next: Spoke = None;
    let mut spoke: Spoke = None;
    for q in sentence_quotes {
        let (qs, qe) = trim_quote(&p.text, q.start, q.end);
        if qe <= qs {
            continue;
        }
        // A verb right after the quote attributes it, unless it is a second predicate
        // ("said ... “...” and called it ...").
        let near = |sent: &Sent, sd: &Said| {
            let vt = &sent.tokens[sd.verb];
            // "Speaking to RLI's “Morning Report”, Ruskin said: “...”": a verb whose
            // colon opens a later quotation introduces that one only.
            // A quotation ending on a comma or a question waits for its verb
            // ("“A,” Varga said, adding: “B”").
            let waits = p.text[q.start..q.end].trim_end().ends_with([',', '?', '!']);
            let introduces_later = !waits
                && quotes.iter().any(|o| {
                    o.open > vt.start
                        && o.open != q.open
                        && sent.hay[vt.end..o.open].trim_end().ends_with(':')
                        && sent.hay[vt.end..o.open].len() < 60
                });
            let second = sd.verb > 0
                && c.predicate_connectives
                    .contains(&sent.tokens[sd.verb - 1].norm)
                && sent.tokens[sd.verb - 1].start >= q.close;
            !second
                && !introduces_later
                && vt.start >= q.close
                && sent
                    .tokens
                    .iter()
                    .filter(|t| t.start >= q.close && t.start < vt.start)
                    .count()
                    <= 6
        };
        // Attribution: a verb right after the quote, else the nearest verb before it.
        // A characterising verb with a quotation after it characterises that one only
        // ("X — “Iron Viktor” to his fans — blasted the talks as “...”").
        let after_verb = saids.iter().find(|sd| {
            near(s, sd)
                && !sentence_quotes
                    .iter()
                    .any(|o| o.open > q.open && o.open < s.tokens[sd.verb].start)
                && !(sd.characterising
                    && sentence_quotes
                        .iter()
                        .any(|o| o.open > s.tokens[sd.verb].start))
        });
        let after = after_verb.filter(|sd| sd.speaker.is_some());
        let before = saids
            .iter()
            .rev()
            .find(|sd| s.tokens[sd.verb].end <= q.open);
        // A quote of several sentences is attributed where it closes: “A. B,” X said.
        let mut later: Option<(Option<Speaker>, String)> = None;
        // The verb after such a quote whose speaker the text does not settle: the quote
        // is nobody's then, not the speaker before it continuing.
        let mut later_unsettled: Option<(String, Option<String>)> = None;
        if after.is_none() && q.close > s.end {
            if let Some(end_sentence) = sents.iter().find(|o| o.start < q.close && q.close <= o.end)
            {
                let mut end_mentions = person_mentions(end_sentence, registry, in_full, c);
                r.settle_by_courtesy(end_sentence, &mut end_mentions, in_full);
                let end_saids = r.said_in(end_sentence, &end_mentions, p.n, map);
                // Only when the sentence before names several known people, one of
                // whom might be taken for the speaker continuing.
                let several = r.last_named.as_ref().is_some_and(|n| n.persons.len() > 1);
                later_unsettled = end_saids
                    .iter()
                    .find(|sd| near(end_sentence, sd))
                    .filter(|sd| sd.speaker.is_none() && several)
                    .map(|sd| (end_sentence.tokens[sd.verb].norm.clone(), sd.reason.clone()));
                later = end_saids
                    .iter()
                    .find(|sd| near(end_sentence, sd) && sd.speaker.is_some())
                    .map(|sd| {
                        (
                            sd.speaker.clone(),
                            end_sentence.tokens[sd.verb].norm.clone(),
                        )
                    });
            }
        }
        let text = &p.text[qs..qe];
        let mut continuation = false;
        let mut by_after = false;
        let mut reason = None;
        // "Will there be a deal? “Ask me in September,” she says.": in an interview, a
        // pronoun answering the question is the one who answers.
        let pronoun_answer = after_question
            && after.is_none()
            && after_verb.is_some()
            && s.tokens
                .iter()
                .find(|t| t.start >= q.close)
                .is_some_and(|t| c.person_pronouns.contains(&t.norm));
        // "known in the press room as “Mumbling Magnus”": a nickname the text gives
        // someone is what others call them, whatever verb follows.
        let nickname = !whole_quote
            && people::nickname_words(text, c).is_some_and(|w| registry.nicknames.contains_key(&w));
        let (speaker, verb) = if nickname {
            reason = Some("a nickname in quotation marks, not words said".into());
            (None, None)
        } else if after_verb.is_none() && !whole_quote && names_a_thing(text, c) {
            reason = Some("a name or title in quotation marks, not words said".into());
            (None, None)
        } else if after_verb.is_none() && !whole_quote && names_a_term(s, q.open, text, c) {
            reason = Some("a term for something in quotation marks, not words said".into());
            (None, None)
        } else if pronoun_answer && answerer.is_some() {
            let sd = after_verb.expect("checked");
            (answerer.clone(), Some(s.tokens[sd.verb].norm.clone()))
        } else if let Some(sd) = after {
            by_after = true;
            (sd.speaker.clone(), Some(s.tokens[sd.verb].norm.clone()))
        } else if let Some((sp, v)) = later {
            (sp, Some(v))
        } else if let Some((v, why)) = later_unsettled {
            reason = Some(why.unwrap_or_else(|| {
                "the verb after this quotation has no speaker the text settles".into()
            }));
            (None, Some(v))
        } else if issued.is_some() && r.about_the_statement(s) {
            // "It reads in full: “...”": the words of who issued it.
            (issued.clone(), None)
        } else if let Some(sd) = before {
            reason = sd.reason.clone();
            (sd.speaker.clone(), Some(s.tokens[sd.verb].norm.clone()))
        } else if let Some(sd) = closing_tag(s, saids, q, c) {
            (sd.speaker.clone(), Some(s.tokens[sd.verb].norm.clone()))
        } else if whole_quote && after_question && spoke.is_none() {
            // An answer to the question before it: the interview's, or nobody's.
            if answerer.is_none() {
                reason =
                    Some("an answer to a question, and the text does not say who answers".into());
            }
            (answerer.clone(), None)
        } else if whole_quote {
            // The sentence after it, in the same paragraph, when it names someone:
            // "“...” That was the verdict of X." names the speaker; a sentence naming
            // anyone else leaves the words to nobody.
            // A sentence inside this quotation ("“A. Teodora thinks B.”") is its own
            // words, not the sentence after it.
            let next_names = sents
                .get(k + 1)
                .filter(|n| n.start >= q.close)
                .filter(|n| !quotes.iter().any(|o| o.open >= n.start && o.open < n.end))
                .map(|n| {
                    let ms = person_mentions(n, registry, in_full, c);
                    let runs = unknown_names(n, c, registry, &ms);
                    let unknown = !runs.is_empty();
                    // "That was the verdict of Noreen Tully, 44, whose ...": the full
                    // name the echo's "of" opens, nobody known named in the sentence.
                    let fresh = runs
                        .first()
                        .filter(|&&(x, y)| {
                            ms.is_empty()
                                && y - x >= 2
                                && x > 0
                                && x <= 6
                                && n.tokens[x - 1].norm == "of"
                                && !n.tokens[y - 1].possessive
                                && people::given_name_like(&n.tokens[x].norm)
                                && (y == n.tokens.len()
                                    || p.text[n.tokens[y - 1].end..n.tokens[y].start].contains(','))
                        })
                        .map(|&(x, y)| {
                            let end = n.tokens[y - 1].start + n.tokens[y - 1].base(&p.text).len();
                            p.text[n.tokens[x].start..end].to_string()
                        });
                    // "“...” — Rafael Unger, the negotiator": a dash before the
                    // name signs the quotation, as an echo noun does.
                    let dash = n.tokens.first().is_some_and(|t| {
                        p.text[q.close.min(t.start)..t.start]
                            .trim_start()
                            .starts_with(['—', '–'])
                    }) && ms.first().is_some_and(|m| m.start == 0);
                    let echo = dash
                        || n.tokens
                            .iter()
                            .take(4)
                            .any(|t| c.echo_nouns.contains(&t.norm));
                    let own: Vec<Mention> = ms
                        .iter()
                        .copied()
                        .filter(|m| !n.tokens[m.end - 1].possessive)
                        .collect();
                    (ms, own, unknown, echo, fresh)
                })
                .filter(|(ms, _, unknown, _, _)| !ms.is_empty() || *unknown);
            let previous_person = |m: &Mention| {
                m.person.is_some_and(|pi| {
                            matches!(&previous, Some((Speaker::Person(id), _)) if *id == registry.people[pi].id)
                        })
            };
            // "“Is this the deal you wanted?” Farrant asked.": a question or exclamation
            // ends the sentence at its closing mark, so the tag after it stands alone; a
            // next sentence that is only a subject and its reporting verb (with at most
            // an object or an aside after a comma) is that tag.
            let tag_after =
                if spoke.is_none() && p.text[q.start..q.end].trim_end().ends_with(['?', '!']) {
                    sents
                        .get(k + 1)
                        .filter(|n| n.start >= q.close)
                        .filter(|n| !quotes.iter().any(|o| o.open >= n.start && o.open < n.end))
                        .and_then(|n| {
                            let mut ms = person_mentions(n, registry, in_full, c);
                            r.settle_by_courtesy(n, &mut ms, in_full);
                            let why = r.reason.take();
                            let sds = r.said_in(n, &ms, p.n, map);
                            r.reason = why;
                            sds.into_iter().find_map(|sd| {
                                let vt = &n.tokens[sd.verb];
                                let head = &p.text[n.start..vt.start];
                                let tail = p.text[vt.end..n.end].split(',').next().unwrap_or("");
                                let tag = sd.verb <= 4
                                    && !head.contains([',', '(', '—', '–', ':'])
                                    && tail.split_whitespace().count() <= 3
                                    && !tail.split_whitespace().any(|w| {
                                        c.clause_words.contains(
                                            &w.trim_matches(|ch: char| !ch.is_alphanumeric())
                                                .to_lowercase(),
                                        )
                                    });
                                tag.then(|| sd.speaker.map(|sp| (sp, vt.norm.clone())))
                                    .flatten()
                            })
                        })
                } else {
                    None
                };
            match (&spoke, &next_names) {
                (None, _) if split_prev.is_some() => {
                    continuation = true;
                    let (sp, v) = split_prev.clone().expect("checked");
                    (Some(sp), v)
                }
                (None, _) if tag_after.is_some() => {
                    let (sp, v) = tag_after.clone().expect("checked");
                    (Some(sp), Some(v))
                }
                (None, Some((_, _, true, true, Some(name)))) => {
                    let id = crate::text::slug(name);
                    if registry.get(&id).is_none() {
                        r.new_people.entry(id.clone()).or_insert(PersonDraft {
                            id: id.clone(),
                            words: name_words(name),
                            name: name.clone(),
                            roles: vec![],
                            affiliation: None,
                            affiliation_via: None,
                            honorific_titles: vec![],
                        });
                    }
                    (Some(Speaker::Person(id)), None)
                }
                (None, Some((_, own, false, true, _)))
                    if own.len() == 1 && own[0].person.is_some() =>
                {
                    let pi = own[0].person.expect("checked");
                    (Some(Speaker::Person(r.person_id(pi))), None)
                }
                (None, Some((ms, _, unknown, _, _)))
                    if *unknown || !ms.iter().all(previous_person) =>
                {
                    reason = Some(
                                "a quotation standing alone before a sentence naming someone else, who may have said it"
                                    .into(),
                            );
                    (None, None)
                }
                _ => match &spoke {
                    Some((sp, v)) => {
                        continuation = true;
                        (Some(sp.clone()), v.clone())
                    }
                    None => match &previous {
                        Some((sp, v)) => {
                            continuation = true;
                            (Some(sp.clone()), v.clone())
                        }
                        None => {
                            reason = Some(
                                    "a quotation standing alone after a sentence with no single speaker"
                                        .into(),
                                );
                            (None, None)
                        }
                    },
                },
            }
        } else if let Some(sd) = after_verb {
            reason = sd.reason.clone();
            (None, Some(s.tokens[sd.verb].norm.clone()))
        } else if let Some(sp) = r.owner_of_words(s, q.open, q.close) {
            (Some(sp), None)
        } else if let Some(sp) = r.colon_speaker(s, q.open, p.n, map) {
            (Some(sp), None)
        } else if let Some(pi) = viewpoint_person(s, &r.here, r.here_unknown.is_some(), c) {
            // "For Brandt, the formula is “a test of good faith”."
            (Some(Speaker::Person(r.person_id(pi))), None)
        } else {
            reason = Some("no reporting verb or speaker for this quotation".into());
            (None, None)
        };
        let channel = after.or(before).and_then(|sd| channel_after(s, sd.verb, c));
        let speaker = speaker.unwrap_or(Speaker::Unattributed);
        if speaker != Speaker::Unattributed {
            if by_after && q.open <= s.start {
                split_next = Some((speaker.clone(), verb.clone()));
            }
            spoke = Some((speaker.clone(), verb.clone()));
            reason = None;
            // Who answers a question in an interview answers the next ones too.
            if interview && after_question && matches!(speaker, Speaker::Person(_)) {
                *answerer = Some(speaker.clone());
            }
        } else if reason.is_none() {
            reason = Some("the reporting verb's subject is not a person or body".into());
        }
        *quote_no += 1;
        r.facts.quotes.push(Quote {
            id: format!("{}#q{quote_no}", article.id),
            text: text.to_string(),
            speaker,
            verb,
            channel,
            continuation,
            reason,
            sentence: sid.to_string(),
            cite: cite(&article.id, p.n, map, qs, qe),
        });
        // Quotations inside this one: the words of whom the speaker names as saying
        // them right before ("Aldane told us, ‘Sign or wait,’"), else nobody's (a word
        // the speaker mentions, words heard from someone unnamed).
        inner::quotes_inside(r, p, sents, map, (qs, qe), k, in_full, quote_no);
    }
    (spoke, split_next)
}

/// "Raskovy freed them as a “goodwill gesture” to restart the talks, officials said.": the
/// reporting verb that closes the sentence, after a comma and a short subject, with at most a
/// time after it ("said on Sunday"), reports the whole sentence and the quotation in it, when
/// it is the sentence's only reporting verb.
fn closing_tag<'s>(s: &Sent, saids: &'s [Said], q: &QuoteSpan, c: &Compiled) -> Option<&'s Said> {
    let [sd] = saids else {
        return None;
    };
    let toks = &s.tokens;
    let vt = &toks[sd.verb];
    if sd.speaker.is_none() || sd.characterising || sd.after_quote || vt.start < q.close {
        return None;
    }
    let time_only = toks[sd.verb + 1..]
        .iter()
        .all(|t| c.subject_time_words.contains(&t.norm) || c.subject_time_leads.contains(&t.norm));
    // "provisionally titled “...”": a name, not words said.
    if toks
        .iter()
        .rev()
        .find(|t| t.end <= q.open)
        .is_some_and(|t| c.naming_words.contains(&t.norm))
    {
        return None;
    }
    let comma = s.hay[q.close..vt.start].rfind(',')? + q.close;
    let subject_words = toks
        .iter()
        .filter(|t| t.start > comma && t.start < vt.start)
        .count();
    let tail = &s.hay[vt.end..s.end];
    (time_only
        && (1..=6).contains(&subject_words)
        && !tail.contains(['“', '"', ',', ':'])
        && toks[sd.verb + 1..].len() <= 3)
        .then_some(sd)
}
