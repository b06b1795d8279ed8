//! People named by their role: "the vice president", "Morvany's foreign minister", "the prime
//! minister of Valmora", "the US top diplomat" (role phrases in `config/language.toml`). Owns
//! finding such references and the rule that picks a role's holder; a role no one holds is left
//! for `decide.rs` to decline. Must not rank sentences.

use rustc_hash::FxHashSet as HashSet;

use super::{push_unique_usize, Query};
use crate::engine::Engine;
use crate::text::{tokenize, Token};

/// A role named in a question, as [`Engine::role_references`] finds it.
pub(crate) struct RoleRef {
    start: usize,
    end: usize,
    /// The title's stems; several when a role phrase stands for several titles.
    wants: Vec<Vec<String>>,
    party: Option<usize>,
    /// The words as asked, for a decline ("the morvany president").
    text: String,
    /// A rank word was asked ("top", "chief"): it was taken out of `wants`, and a holder
    /// whose role has one is preferred.
    ranked: bool,
    /// The stem of a possessive that is no party ("*Vessen's* mayor"): the holder's sentences
    /// must name it.
    place: Option<String>,
}

impl Engine {
    /// Step: roles in the question resolved to people (marked as used, like names), or a role
    /// with a party that no one in the sources holds recorded in `q.unknown_role`.
    pub(crate) fn find_roles(&self, q: &mut Query, used: &mut [bool]) {
        // With a person named, a role only matters when it is asked about before them ("what
        // did the UK foreign secretary say about Rubio") and no one holds it: that is declined.
        let first_person = q.spans.iter().filter(|sp| sp.0).map(|sp| sp.2).min();
        let party_spans: Vec<(usize, usize, usize)> = q
            .spans
            .iter()
            .filter(|sp| !sp.0)
            .map(|sp| (sp.1, sp.2, sp.3))
            .collect();
        // A title a topic also claims ("negotiator" for the talks) is still a title: only
        // the names of people and parties are off limits.
        let named: Vec<bool> = (0..q.tokens.len())
            .map(|k| q.spans.iter().any(|sp| (sp.2..sp.3).contains(&k)))
            .collect();
        for r in self.role_references(&q.tokens, &party_spans, &named) {
            if first_person.is_some_and(|f| r.start > f) {
                continue;
            }
            match self.role_holder(&r) {
                Some(_) if first_person.is_some() => {}
                Some(p) => {
                    push_unique_usize(&mut q.people, p);
                    q.spans.push((true, p, r.start, r.end));
                    for u in &mut used[r.start..r.end] {
                        *u = true;
                    }
                }
                None if r.party.is_some() && !self.source_fits_role(&r) => {
                    q.unknown_role.get_or_insert(r.text);
                }
                None => {}
            }
        }
    }

    /// Roles a question names: a title (with the words that make it a particular office before
    /// it, "deputy", "foreign") that a party qualifies ("Morvany's", "the US", "of Valmora") or
    /// that "the" introduces. Role phrases from `role_synonyms` ("top diplomat") stand for each
    /// title they list.
    pub(crate) fn role_references(
        &self,
        tokens: &[Token],
        party_spans: &[(usize, usize, usize)],
        used: &[bool],
    ) -> Vec<RoleRef> {
        let lang = &self.knowledge.lexicon.language;
        // Each hit: where the title is, the titles it stands for, and a party named inside it.
        type Hit = (
            usize,
            usize,
            Vec<Vec<String>>,
            Option<(usize, usize, usize)>,
        );
        let mut hits: Vec<Hit> = Vec::new();
        for h in self.lex.titles.find(tokens) {
            hits.push((h.start, h.end, Vec::new(), None));
        }
        for group in &lang.role_synonyms {
            let Some((phrase, titles)) = group.split_first() else {
                continue;
            };
            let words: Vec<String> = tokenize(phrase).into_iter().map(|t| t.norm).collect();
            if words.is_empty() || words.len() > tokens.len() {
                continue;
            }
            for start in 0..=tokens.len() - words.len() {
                // A party may stand inside the phrase ("top US diplomat", "chief Kolvan
                // negotiator"): it qualifies the title as one before it would.
                let mut at = start;
                let mut inner = None;
                let matched = words.iter().enumerate().all(|(j, w)| {
                    if j > 0 && inner.is_none() {
                        // Inside a title even a party name that is also an English word
                        // ("top us diplomat") is the party.
                        let span =
                            party_spans
                                .iter()
                                .find(|sp| sp.1 == at)
                                .copied()
                                .or_else(|| {
                                    let word = &tokens.get(at)?.norm;
                                    let p =
                                        self.knowledge.lexicon.parties.iter().position(|p| {
                                            p.aliases.iter().any(|a| a.eq_ignore_ascii_case(word))
                                        })?;
                                    Some((p, at, at + 1))
                                });
                        if let Some(sp) = span {
                            inner = Some(sp);
                            at = sp.2;
                        }
                    }
                    let ok = tokens.get(at).is_some_and(|t| &t.norm == w);
                    at += 1;
                    ok
                });
                // A longer title holds the phrase ("opposition leader" holds "leader"): the
                // title is what was asked.
                let inside_title = hits
                    .iter()
                    .any(|h| h.2.is_empty() && h.0 <= start && h.1 >= at && h.1 - h.0 > at - start);
                if matched && !inside_title {
                    let alts = titles.iter().map(|t| self.title_stems(t)).collect();
                    hits.retain(|h| h.1 <= start || h.0 >= at);
                    hits.push((start, at, alts, inner));
                }
            }
        }
        // An informal word for an office ("go-between", "boss"; `config/idioms.tsv`) stands
        // for the titles among the plain words it means, as a role phrase does.
        for (k, t) in tokens.iter().enumerate() {
            if hits.iter().any(|h| h.0 <= k && k < h.1) {
                continue;
            }
            let Some(entry) = crate::english::phrases()
                .get(&crate::text::stem(&t.norm))
                .and_then(|v| v.iter().find(|p| p.stems.len() == 1))
            else {
                continue;
            };
            // A title that is a role phrase ("mediator") stands for the titles it lists.
            let titles: Vec<Vec<String>> = entry
                .means
                .iter()
                .filter(|m| self.is_title_stem(&self.stem(m)))
                .flat_map(|m| {
                    lang.role_synonyms
                        .iter()
                        .find(|g| g.first().is_some_and(|p| p == m))
                        .map_or_else(|| vec![m.to_string()], |g| g[1..].to_vec())
                })
                .map(|m| self.title_stems(&m))
                .collect();
            if !titles.is_empty() {
                hits.push((k, k + 1, titles, None));
            }
        }
        let mut out = Vec::new();
        for (mut start, mut end, alternatives, inner) in hits {
            let inside = |k: usize| inner.is_some_and(|(_, s, e)| (s..e).contains(&k));
            if (start..end).any(|k| used[k] && !inside(k)) {
                continue;
            }
            // "deputy prime minister", "first deputy", "the fisheries spokeswoman": the words
            // that make the office, and the field it serves.
            while start > 0
                && !used[start - 1]
                && (self.lex.role_modifiers.contains(&tokens[start - 1].norm)
                    || lang.role_office_words.contains(&tokens[start - 1].norm))
                && !self.lex.role_inner_words.contains(&tokens[start - 1].norm)
            {
                start -= 1;
            }
            let mut party = party_spans
                .iter()
                .find(|&&(_, _, e)| e == start)
                .map(|&(p, s, _)| (p, s))
                .or(inner.map(|(p, _, _)| (p, start)));
            let title_end = end;
            if party.is_none() && end + 1 < tokens.len() && tokens[end].norm == "of" {
                if let Some(&(p, _, e)) = party_spans.iter().find(|&&(_, s, _)| s == end + 1) {
                    party = Some((p, start));
                    end = e;
                }
            }
            // "The old admiral", "their new envoy": an adjective or two may stand between the
            // introducer and the title.
            let mut before = start;
            while before > 0
                && start - before < 2
                && !used[before - 1]
                && crate::english::english().pos(&tokens[before - 1].norm)
                    == crate::english::Pos::Adjective
            {
                before -= 1;
            }
            let introduced =
                before > 0 && self.lex.role_introducers.contains(&tokens[before - 1].norm);
            // "Vessen's mayor": a possessive that names no party still makes it someone's role,
            // held by a person the sources name beside that word.
            let place = (party.is_none()
                && !introduced
                && start > 0
                && tokens[start - 1].possessive
                && !used[start - 1])
                .then(|| self.stem(&tokens[start - 1].norm));
            // "The mayor of Tolbeck": a name English does not know after "of" makes it the
            // role of that place, as a possessive does ("head of state" keeps its own words).
            let mut place = place;
            if party.is_none()
                && place.is_none()
                && end + 1 < tokens.len()
                && tokens[end].norm == "of"
                && !used[end + 1]
                && !tokens[end + 1].numeric
                && crate::english::english()
                    .zipf(&tokens[end + 1].norm)
                    .is_none()
            {
                place = Some(self.stem(&tokens[end + 1].norm));
                end += 2;
            }
            if party.is_none() && !introduced && place.is_none() {
                continue;
            }
            let mut wants: Vec<Vec<String>> = if alternatives.is_empty() {
                vec![tokens[start..title_end]
                    .iter()
                    .flat_map(|t| t.norm.split('-').map(|w| self.stem(w)).collect::<Vec<_>>())
                    .filter(|w| !self.lex.stopwords.contains(w))
                    .collect()]
            } else {
                alternatives
            };
            // "Top negotiator" is "chief negotiator" or plain "negotiator".
            let mut ranked = false;
            for w in &mut wants {
                let rank = |s: &String| self.is_rank_stem(s);
                if w.iter().any(rank) && !w.iter().all(rank) {
                    w.retain(|s| !rank(s));
                    ranked = true;
                }
            }
            wants.retain(|w| !w.is_empty());
            if wants.is_empty() {
                continue;
            }
            let first = party.map_or(start, |p| p.1.min(start)) - usize::from(place.is_some());
            let text = tokens[first..end]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            out.push(RoleRef {
                start: first,
                end,
                wants,
                party: party.map(|p| p.0),
                text: format!("the {text}"),
                ranked,
                place,
            });
        }
        out
    }

    /// True when a person's sentences, or the titles and outlets of the articles naming them,
    /// hold a word ("Vessen" for the mayor of a Radio Vessen story).
    fn person_near_word(&self, p: usize, stem: &str) -> bool {
        self.person_sents[p].iter().any(|&s| {
            self.index.has(stem, s as u32) || {
                let a = &self.knowledge.articles[self.sents[s].article];
                tokenize(&a.title)
                    .iter()
                    .chain(tokenize(&a.source).iter())
                    .any(|t| self.stem_ref(&t.norm) == stem)
            }
        })
    }

    /// True when the paragraph a person's role is written in names the party asked, in a
    /// sentence naming them ("Dalia Renko, a former Tarvosian ambassador, will take over as
    /// chief negotiator").
    fn party_beside(
        &self,
        person: usize,
        role: &crate::knowledge::Role,
        party: Option<usize>,
    ) -> bool {
        let Some(party) = party else {
            return false;
        };
        self.person_sents[person].iter().any(|&s| {
            let rec = &self.sents[s];
            let a = &self.knowledge.articles[rec.article];
            a.id == role.cite.article
                && a.paragraphs[rec.para].n == role.cite.paragraph
                && rec.parties.contains(&party)
        })
    }

    /// A role's words up to the body it serves ("fisheries spokeswoman" of "fisheries
    /// spokeswoman for the opposition Coastal Union"): up to its first `role_inner_words` word
    /// after the start, other than "the".
    fn role_head<'t>(&self, role: &'t str) -> &'t str {
        tokenize(role)
            .iter()
            .skip(1)
            .find(|t| t.norm != "the" && self.lex.role_inner_words.contains(&t.norm))
            .map_or(role, |t| &role[..t.start])
    }

    /// True when a stem is a rank word's (`rank_modifiers`: "top", "chief", "lead").
    fn is_rank_stem(&self, stem: &str) -> bool {
        self.lex
            .rank_modifiers
            .iter()
            .any(|w| self.stem_ref(w) == stem)
    }

    pub(crate) fn title_stems(&self, title: &str) -> Vec<String> {
        tokenize(title)
            .iter()
            .flat_map(|t| t.norm.split('-').map(|w| self.stem(w)).collect::<Vec<_>>())
            .filter(|w| !self.lex.stopwords.contains(w))
            .collect()
    }

    /// The person who holds a role: every title word asked stands in one of their roles, no word
    /// of that role makes another office ("vice" when "president" was asked), and their party
    /// is the one asked. Several holders: the one the newest article names, then the one the
    /// sources mention most, then by id, so the choice never depends on list order.
    pub(crate) fn role_holder(&self, r: &RoleRef) -> Option<usize> {
        let k = &self.knowledge;
        let party_id = r.party.map(|p| k.lexicon.parties[p].id.as_str());
        let office: HashSet<String> = k
            .lexicon
            .language
            .office_modifiers
            .iter()
            .map(|w| self.stem(&w.to_lowercase()))
            .collect();
        let mut best: Option<((bool, String, usize), usize)> = None;
        // A holder whose party the sources never gave ("Dalia Renko, a former Tarvosian
        // ambassador, will take over as chief negotiator") is the party's when a sentence naming
        // them names it, and only when no one of that party holds the role.
        for unaffiliated in [false, true] {
            if best.is_some() || unaffiliated && r.party.is_none() {
                break;
            }
            self.holder_among(r, party_id, unaffiliated, &office, &mut best);
        }
        best.map(|b| b.1)
    }

    /// [`Engine::role_holder`]'s search: with `unaffiliated`, among the people with no party
    /// whose sentences name the party asked.
    fn holder_among(
        &self,
        r: &RoleRef,
        party_id: Option<&str>,
        unaffiliated: bool,
        office: &HashSet<String>,
        best: &mut Option<((bool, String, usize), usize)>,
    ) {
        let k = &self.knowledge;
        for want in &r.wants {
            for (i, p) in k.people.iter().enumerate() {
                if !want.iter().all(|w| self.role_stems[i].contains(w)) {
                    continue;
                }
                if unaffiliated {
                    if p.affiliation.is_some() {
                        continue;
                    }
                } else if party_id.is_some() && p.affiliation.as_deref() != party_id {
                    continue;
                }
                if let Some(place) = &r.place {
                    if !self.person_near_word(i, place) {
                        continue;
                    }
                }
                let mut newest: Option<&str> = None;
                let mut has_rank = false;
                let fits = p.roles.iter().any(|role| {
                    let stems = self.title_stems(&role.text);
                    // Only the words before the body a role serves make another office:
                    // "fisheries spokeswoman for the opposition Coastal Union" is a
                    // spokeswoman, not an opposition one.
                    let head = self.role_head(&role.text);
                    let office_words = self.title_stems(head);
                    // Without a party of their own, a role serving a body ("president of the
                    // Porto Salvo Fishing Cooperative") is that body's, not a country's.
                    let ok = !(unaffiliated
                        && (head.len() < role.text.len() || !self.party_beside(i, role, r.party)))
                        && want.iter().all(|w| stems.contains(w))
                        && office_words
                            .iter()
                            .all(|s| !office.contains(s) || want.contains(s));
                    if ok {
                        has_rank |= r.ranked && stems.iter().any(|s| self.is_rank_stem(s));
                        if let Some(a) = k.article(&role.cite.article) {
                            if newest.is_none_or(|n| a.published.as_str() > n) {
                                newest = Some(a.published.as_str());
                            }
                        }
                    }
                    ok
                });
                if !fits {
                    continue;
                }
                let rank = (has_rank, newest.unwrap_or("").to_string(), p.mentions.len());
                if best.as_ref().is_none_or(|(b, _)| rank > *b) {
                    *best = Some((rank, i));
                }
            }
            if best.is_some() {
                break;
            }
        }
    }

    /// True when an unnamed source of the party asked fits a role's words ("a spokesperson for
    /// the British prime minister" for "the UK prime minister's spokesperson").
    pub(crate) fn source_fits_role(&self, r: &RoleRef) -> bool {
        let k = &self.knowledge;
        let party_id = r.party.map(|p| k.lexicon.parties[p].id.as_str());
        r.wants.iter().any(|want| {
            k.sources
                .iter()
                .zip(&self.source_stems)
                .any(|(src, stems)| {
                    (party_id.is_none() || src.affiliation.as_deref() == party_id)
                        && want.iter().all(|w| stems.contains(w))
                })
        })
    }
}
#[cfg(test)]
mod inner_party_tests {
    /// A party inside a role phrase ("the top US diplomat", even typed "us") qualifies it as
    /// one before it would: the US's holder is found, and a party whose holder the sources do
    /// not name is a role no one holds.
    #[test]
    fn a_party_inside_a_role_phrase_qualifies_it() {
        let e = crate::engine::intents::seed();
        let q = e.analyse("why did the top us diplomat bail on the london trip", None);
        let names: Vec<&str> = q
            .people
            .iter()
            .map(|&p| e.knowledge.people[p].name.as_str())
            .collect();
        assert_eq!(names, ["Marco Rubio"]);
        let q = e.analyse("what did the top ukrainian diplomat say", None);
        assert!(q.people.is_empty());
        assert_eq!(
            q.unknown_role.as_deref(),
            Some("the top ukrainian diplomat")
        );
    }

    /// Beside a named person, a role asked about first that no one holds is declined ("what did
    /// the UK foreign secretary say about Rubio"); one after the person is part of the topic.
    #[test]
    fn a_role_no_one_holds_asked_before_a_person_is_declined() {
        let e = crate::engine::intents::seed();
        let a = e.ask(
            "what did the uk foreign secretary say abt rubio not coming",
            None,
        );
        assert!(!a.answered, "{}", a.to_markdown());
        assert_eq!(
            a.explanation.decline_reason.as_deref(),
            Some("no one in the sources holds that role")
        );
        let q = e.analyse("what did rubio say about the uk foreign secretary", None);
        assert_eq!(q.unknown_role, None);
        let q = e.analyse("what did the us secretary of state say about vance", None);
        assert_eq!(q.unknown_role, None, "a role someone holds");
    }
}

#[cfg(test)]
mod rank_and_stand_in_tests {
    use crate::engine::intents::engine_from;

    fn talks() -> crate::engine::Engine {
        engine_from(&[(
            "talks",
            "2026-05-04",
            "Norland's chief negotiator, Ada Brisk, said the map was \"a start\".\n\n\
             Norland's negotiator on water, Tomas Fell, said the river was \"not for sale\".\n\n\
             Ostvik's opposition leader, Rune Hald, said the talks were \"a stage show\".\n\n\
             Ostvik's President, Mira Sand, said her country would \"wait for a better map\".\n\n\
             Vellan's special envoy, Karl Oster, who mediates the talks, said both sides \"came to work\".\n\n\
             Ostvik's defence minister, Lars Vik, said the troops would \"stay where they are\".",
        )])
    }

    fn holder(e: &crate::engine::Engine, question: &str) -> Vec<String> {
        let q = e.analyse(question, None);
        q.people
            .iter()
            .map(|&p| e.knowledge.people[p].name.clone())
            .collect()
    }

    /// "Top", "lead" and "chief" rank a holder: one stands for another, and a holder whose role
    /// has one is preferred to one whose role has none.
    #[test]
    fn a_rank_word_stands_for_another() {
        let e = talks();
        assert_eq!(
            holder(&e, "what did norland's top negotiator say"),
            ["Ada Brisk"]
        );
        assert_eq!(
            holder(&e, "what did norland's lead negotiator say"),
            ["Ada Brisk"]
        );
        assert_eq!(
            holder(&e, "what did norland's chief negotiator say"),
            ["Ada Brisk"]
        );
    }

    /// "The mayor of Kelby": a name after "of" says whose role, as a possessive does, and is
    /// no word of the topic asked.
    #[test]
    fn a_role_of_a_place_is_held_by_that_place_s_holder() {
        let e = engine_from(&[(
            "towns",
            "2026-05-04",
            "Tarrow's mayor, Anna Lind, said the bridge was \"our lifeline\".\n\n\
             Kelby's mayor, Piet Dorn, said the harbour was \"half empty\".",
        )]);
        assert_eq!(holder(&e, "what did the mayor of kelby say"), ["Piet Dorn"]);
        assert_eq!(
            holder(&e, "what did the mayor of tarrow say"),
            ["Anna Lind"]
        );
        // Another town's mayor is not the mayor of a town the sources give none for.
        let one = engine_from(&[(
            "towns",
            "2026-05-04",
            "Halsvik's mayor, Wendel Proost, said the boats were \"coming home\".\n\n\
             The fishermen are still held at the naval base in Tolbeck.",
        )]);
        assert!(holder(&one, "what did the mayor of tolbeck say").is_empty());
        assert_eq!(
            holder(&one, "what did the mayor of halsvik say"),
            ["Wendel Proost"]
        );
    }

    /// A country's leader is its head of state or government, never its opposition leader; the
    /// talks' mediator is the mediating country's envoy; a defence chief is its minister.
    #[test]
    fn a_role_is_found_by_the_words_people_use_for_it() {
        let e = talks();
        assert_eq!(holder(&e, "what did ostvik's leader say"), ["Mira Sand"]);
        assert_eq!(
            holder(&e, "what did ostvik's opposition leader say"),
            ["Rune Hald"]
        );
        assert_eq!(
            holder(&e, "what did the vellan mediator say"),
            ["Karl Oster"]
        );
        assert_eq!(
            holder(&e, "what did ostvik's defence chief say"),
            ["Lars Vik"]
        );
        // An informal word for an office (`config/idioms.tsv`) is the office it means: the
        // go-between is the mediator, and so the mediating country's envoy.
        assert_eq!(holder(&e, "what did the go-between say"), ["Karl Oster"]);
        assert!(holder(&e, "what did the bystander say").is_empty());
        // An adjective between "the" and the title ("the old president") keeps it a role.
        assert_eq!(holder(&e, "why did the old president wait"), ["Mira Sand"]);
        // A role no one holds for that party is still no one's.
        let q = e.analyse("what did norland's defence chief say", None);
        assert!(q.people.is_empty());
        assert!(q.unknown_role.is_some());
    }

    /// A field word before a title ("the fisheries spokeswoman", "the opposition
    /// spokeswoman", "the EU's foreign policy chief") is part of the role asked: its holder is
    /// found, or no one holds it. The body a role serves ("for the opposition Coastal Union")
    /// makes no other office of it.
    #[test]
    fn a_field_word_before_a_title_makes_the_role_asked() {
        let e = engine_from(&[(
            "gulf",
            "2027-05-11",
            "Petra Varga, fisheries spokeswoman for the opposition Coastal Union, said the \
             deal was \"a sell-out\".\n\n\
             Ostvik's President, Mira Sand, said her country would \"wait for a better map\".",
        )]);
        for q in [
            "what did the fisheries spokeswoman say",
            "what did the opposition spokeswoman say",
        ] {
            assert_eq!(holder(&e, q), ["Petra Varga"], "{q}");
        }
        let q = e.analyse("what did ostvik's foreign policy chief say", None);
        assert!(q.people.is_empty());
        assert!(q.unknown_role.is_some());
    }

    /// A holder the sources give no party is the party's when the paragraph of their role
    /// names it and no one of that party holds the role; a role serving a body
    /// ("president of the Porto Salvo Cooperative") is no country's.
    #[test]
    fn a_holder_without_a_party_is_the_party_named_beside_the_role() {
        let e = engine_from(&[(
            "gulf",
            "2027-05-26",
            "Aleksy Dornan, the Tarvosian fisheries minister, called it \"a provocation\".\n\n\
             The Tarvosian prime minister's office said that Dalia Renko, a former ambassador, \
             will take over as chief negotiator.\n\n\
             Lucia Ferraz, president of the Porto Salvo Fishing Cooperative, said Belmora had \
             \"waited long enough\".\n\n\
             Belmora's chief negotiator, Joaquim Serrano, said the talks would go on.",
        )]);
        assert_eq!(
            holder(&e, "what did the tarvosian chief negotiator say"),
            ["Dalia Renko"]
        );
        assert_eq!(
            holder(&e, "what did belmora's chief negotiator say"),
            ["Joaquim Serrano"]
        );
        let q = e.analyse("who is belmora's president", None);
        assert!(q.people.is_empty());
        assert!(q.unknown_role.is_some());
    }

    /// A party's negotiator is whoever the sources say leads its delegation or team when no
    /// one is called its negotiator; someone who is wins over the delegation's leader.
    #[test]
    fn who_leads_a_delegation_is_its_negotiator() {
        let e = engine_from(&[(
            "talks",
            "2026-05-04",
            "Talks opened. Ostvik's delegation is led by Deputy Foreign Minister Ines Marl.\n\n\
             Norland's team is headed by Tomas Fell, a retired admiral.\n\n\
             Norland's chief negotiator, Ada Brisk, said the map was \"a start\".",
        )]);
        for q in [
            "who is ostvik's chief negotiator",
            "what did ostvik's lead negotiator say",
            "who was ostvik's top negotiator at first",
        ] {
            assert_eq!(holder(&e, q), ["Ines Marl"], "{q}");
        }
        assert_eq!(holder(&e, "who is norland's negotiator"), ["Ada Brisk"]);
        // The stand-ins are for a negotiator only: no one leads Ostvik as its president.
        assert!(holder(&e, "who is ostvik's president").is_empty());
    }
}
