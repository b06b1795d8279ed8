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
mod tests;
