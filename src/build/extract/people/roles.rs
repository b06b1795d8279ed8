//! The role text kept with a name: "the foreign minister, Lidia Varenko", "Varenko, the
//! foreign minister", "Pell, of the Harbour Party", and the lead that opens a paragraph.
//!
//! Owns `RoleWords` (which tokens may belong to a role) and where a role before or after a
//! name starts and ends. It must not decide what is a name (that is `people/mod.rs`) nor
//! register anyone.

use crate::build::extract::{adjacent, title_mask, Sent};
use crate::lexicon::Compiled;

use super::describes;

/// The words of a role phrase, read as a grammar:
///
/// `[article] [owner] [office word]* head [head]* [joiner [article] [owner | office word]*]`
///
/// "the Teravian foreign ministry spokesperson", "a former Castellane justice minister", "a
/// spokeswoman for the Teravian foreign ministry", "the council's chief mediator". The head is a
/// title (`titles`); office words name the office, its rank or its field (`role_modifiers`,
/// `role_office_words`, and the heads of bodies in `body_nouns`: "ministry"); the owner is a
/// party, a possessive or another capitalised word that is no sentence opener ("Castellane");
/// joiners tie the office to the body it serves (`role_inner_words`: "for", "of"). Every list is
/// in `config/language.toml`.
struct RoleWords<'a, 's> {
    s: &'a Sent<'s>,
    c: &'a Compiled,
    titles: &'a [bool],
    parties: &'a [Option<usize>],
}
impl<'a, 's> RoleWords<'a, 's> {
    fn new(
        s: &'a Sent<'s>,
        c: &'a Compiled,
        titles: &'a [bool],
        parties: &'a [Option<usize>],
    ) -> Self {
        RoleWords {
            s,
            c,
            titles,
            parties,
        }
    }

    fn head(&self, k: usize) -> bool {
        self.titles[k]
    }

    /// A word that names the office, its rank or its field ("former", "foreign", "ministry").
    fn office(&self, k: usize) -> bool {
        let n = &self.s.tokens[k].norm;
        !self.c.role_inner_words.contains(n)
            && (self.c.role_modifiers.contains(n)
                || self.c.role_office_words.contains(n)
                || self.c.body_nouns.contains(n))
    }

    /// A word that ties an office to its body ("of", "for", "the").
    fn joiner(&self, k: usize) -> bool {
        self.c.role_inner_words.contains(&self.s.tokens[k].norm)
    }

    /// A capitalised word that may name the place or body a role belongs to: no sentence opener,
    /// function word, reporting verb or number ("Castellane", "Teravian").
    fn named(&self, k: usize) -> bool {
        let t = &self.s.tokens[k];
        t.capital
            && !t.numeric
            && !self.c.not_names.contains(t.base(self.s.hay))
            && !self.c.stopwords.contains(&t.norm)
            && !self.c.reporting_verbs.contains(&t.norm)
    }

    /// The owner of a role: a party, a possessive, or a capitalised name word.
    fn owner(&self, k: usize) -> bool {
        self.parties[k].is_some() || self.s.tokens[k].possessive || self.named(k)
    }

    /// A lowercase noun or adjective of English that may describe the body a role serves ("the
    /// bishop of *the diocese*", "the head of *the monitoring mission*"); `Some(true)` for a noun,
    /// which may end the role.
    fn common(&self, k: usize) -> Option<bool> {
        let t = &self.s.tokens[k];
        if t.capital || t.numeric || self.c.stopwords.contains(&t.norm) {
            return None;
        }
        match crate::english::english().pos(&t.norm) {
            crate::english::Pos::Noun => Some(true),
            crate::english::Pos::Adjective => Some(false),
            _ => None,
        }
    }

    /// Nothing but spaces between token `k` and the next.
    fn joined(&self, k: usize) -> bool {
        adjacent(self.s.hay, self.s.tokens[k].end, self.s.tokens[k + 1].start)
    }

    /// Reads a role phrase forward from token `start` (an article there is no part of it) and
    /// returns `(first, end)`: the role's first token and one past its last, where the phrase may
    /// end (after a head, or after the body a joiner names). `None` when no head is read. With
    /// `common_tail`, the body may be named in common words ("the mayor of the town").
    fn read_forward(&self, start: usize, common_tail: bool) -> Option<(usize, usize)> {
        let toks = &self.s.tokens;
        let mut j = start;
        if toks
            .get(j)
            .is_some_and(|t| self.c.role_articles.contains(&t.norm))
        {
            j += 1;
        }
        let first = j;
        let mut seen_head = false;
        let mut in_tail = false;
        let mut end = None;
        while j < toks.len() {
            if j > first {
                if !self.joined(j - 1) {
                    break;
                }
                // "the mayor's wife": a possessive after the head owns what follows.
                if seen_head && toks[j - 1].possessive {
                    break;
                }
            }
            if self.head(j) && !in_tail {
                seen_head = true;
                end = Some(j + 1);
            } else if seen_head && self.joiner(j) {
                in_tail = true;
            } else if in_tail && (self.owner(j) || self.office(j) || self.head(j)) {
                end = Some(j + 1);
            } else if let (true, true, Some(noun)) = (in_tail, common_tail, self.common(j)) {
                if noun {
                    end = Some(j + 1);
                }
            } else if seen_head || !(self.office(j) || self.owner(j)) {
                break;
            }
            j += 1;
        }
        end.map(|e| (first, e))
    }

    /// The role standing right before token `at` with no comma between: its first token.
    /// "Teravian foreign ministry spokesperson Noor Halvari", "Foreign Minister Hana Vilk".
    fn before(&self, at: usize) -> Option<usize> {
        let toks = &self.s.tokens;
        let mut j = at;
        let mut has_title = false;
        while j > 0 {
            let k = j - 1;
            let t = &toks[k];
            if !self.joined(k) {
                break;
            }
            // A capitalised word opens the role only before the role's words ("Corvanian
            // Fisheries Minister", "Teravian foreign ministry spokesperson").
            let before_role = j != at && (self.head(j) || toks[j].capital || self.office(j));
            let ok = self.head(k)
                || self.office(k)
                || self.parties[k].is_some()
                || t.possessive
                || (self.named(k) && before_role)
                || (self.c.title_joiners.contains(&t.norm)
                    && self.titles.get(j).copied().unwrap_or(false));
            if !ok {
                break;
            }
            has_title |= self.head(k);
            j = k;
        }
        // "the words of Captain Nils Orrby": a joiner opens no role.
        while j < at && !self.head(j) && self.c.title_joiners.contains(&toks[j].norm) {
            j += 1;
        }
        (has_title && j < at).then_some(j)
    }

    /// A role set off by commas before a name: "Valdoria’s new defence minister, Piet Harrow,
    /// ...", "the spokeswoman for the Teravian foreign ministry, Noor Halvari, said".
    fn before_comma(&self, a: usize, b: usize) -> Option<usize> {
        let s = self.s;
        if a == 0 || s.hay[s.tokens[a - 1].end..s.tokens[a].start].trim() != "," {
            return None;
        }
        let closes =
            b >= s.tokens.len() || s.hay[s.tokens[b - 1].end..s.tokens[b].start].contains(',');
        if !closes {
            return None;
        }
        // Back over every word a role may hold, then forward by the grammar: the role must end
        // right at the comma.
        let mut j = a - 1;
        while j > 0
            && self.joined(j - 1)
            && (self.head(j - 1)
                || self.office(j - 1)
                || self.owner(j - 1)
                || self.joiner(j - 1)
                || self.common(j - 1).is_some())
        {
            j -= 1;
        }
        while j < a && (self.joiner(j) || self.c.role_articles.contains(&s.tokens[j].norm)) {
            j += 1;
        }
        (j..a)
            .find_map(|from| {
                self.read_forward(from, true)
                    .filter(|&(first, end)| end == a && first == from)
            })
            .map(|(first, _)| first)
    }

    /// An appositive role after a name, closed by a comma, a stop or the sentence's end: ",
    /// the US envoy,", ", a former Castellane justice minister.", ", a spokeswoman for the
    /// Teravian foreign ministry,". Not ", 58, of Kestrel Ford," nor ", who ...".
    fn after(&self, end: usize) -> Option<(usize, usize)> {
        let s = self.s;
        if end >= s.tokens.len() || end == 0 {
            return None;
        }
        if s.hay[s.tokens[end - 1].end..s.tokens[end].start].trim() != "," {
            return None;
        }
        let (first, last) = self.read_forward(end, false)?;
        // A relative clause after the role closes it too (", a former deputy foreign minister
        // who spent six years ..."), and so does a second role joined to it (", Velmar's
        // special envoy and a former foreign minister,").
        let closes = |last: usize| {
            last >= s.tokens.len() || {
                let gap = &s.hay[s.tokens[last - 1].end..s.tokens[last].start];
                gap.contains(',')
                    || gap.contains('.')
                    || gap.contains(';')
                    || self.c.relative_words.contains(&s.tokens[last].norm)
            }
        };
        let second_role = || {
            last + 1 < s.tokens.len()
                && self.joined(last - 1)
                && self.joined(last)
                && !s.tokens[last].capital
                && self.c.role_articles.contains(&s.tokens[last + 1].norm)
                && self
                    .read_forward(last + 1, false)
                    .is_some_and(|(_, end)| closes(end))
        };
        ((closes(last) || second_role()) && last > first).then_some((first, last))
    }
}
/// Roles of leading a delegation or body around the name `[a, b)`, as token ranges: after it,
/// "will lead the delegation on an interim basis"; before it (or before the role `before` that
/// opens it), "the Teravian delegation is led by". Only a group's noun ("delegation", "team",
/// "mission") makes one. Each is `(first, end, group_end)`: the group's words end at
/// `group_end`, and name the party the role gives.
pub(super) fn lead_roles(
    s: &Sent,
    (a, b): (usize, usize),
    before: Option<usize>,
    c: &Compiled,
) -> Vec<(usize, usize, usize)> {
    let toks = &s.tokens;
    let lang = &c.lexicon.language;
    let joined = |k: usize| k + 1 < toks.len() && adjacent(s.hay, toks[k].end, toks[k + 1].start);
    let group = |k: usize| {
        let n = &toks[k].norm;
        !toks[k].capital
            && (c.role_office_words.contains(n)
                || c.body_nouns.contains(n)
                || lang.whole_party_nouns.iter().any(|w| w == n))
    };
    let be = |k: usize| {
        let n = &toks[k].norm;
        lang.stance_passive_words.iter().any(|w| w == n)
            || c.verb_fillers.contains(n)
            || c.infinitive_markers.contains(n)
    };
    let mut out = Vec::new();
    // After: [will|is to]* verb the|its [office words]* group [lowercase words to a comma].
    let mut j = b;
    while j < toks.len() && j < b + 3 && joined(j - 1) && be(j) {
        j += 1;
    }
    if j < toks.len()
        && j > b
        && joined(j - 1)
        && c.leading_verbs.contains(&toks[j].norm)
        && toks.get(j + 1).is_some_and(|t| {
            c.role_articles.contains(&t.norm) || c.role_introducers.contains(&t.norm)
        })
        && joined(j)
    {
        let mut k = j + 2;
        while k < toks.len() && k < j + 5 && !group(k) && !toks[k].capital && joined(k - 1) {
            k += 1;
        }
        if k < toks.len() && group(k) && joined(k - 1) {
            let mut end = k + 1;
            // "on an interim basis": the lowercase words up to the clause's end go with it.
            let mut m = end;
            while m < toks.len() && m < end + 5 && joined(m - 1) && !toks[m].capital {
                m += 1;
            }
            let closed =
                m >= toks.len() || s.hay[toks[m - 1].end..toks[m].start].contains([',', '.', ';']);
            if closed && m > end {
                end = m;
            }
            out.push((j, end, k + 1));
        }
    }
    // Before: [owner] [office words]* group [is|was|will be]* verb by [role] name. A name
    // ending in a possessive owns what follows ("led by Quarsevia's transport minister, Ilsabet
    // Korrowin"): the leader is named after it, not by it.
    let start = before.unwrap_or(a);
    if start >= 3
        && !toks[b - 1].possessive
        && c.leading_agents.contains(&toks[start - 1].norm)
        && c.leading_verbs.contains(&toks[start - 2].norm)
        && joined(start - 2)
        && joined(start - 1)
    {
        let mut g = start - 2;
        while g > 0 && g + 5 > start && joined(g - 1) && be(g - 1) {
            g -= 1;
        }
        if g > 0 && g + 2 < start && joined(g - 1) && group(g - 1) {
            let mut r = g - 1;
            while r > 0
                && joined(r - 1)
                && !c.role_articles.contains(&toks[r - 1].norm)
                && (toks[r - 1].capital || toks[r - 1].possessive || group(r - 1))
                && !c.not_names.contains(toks[r - 1].base(s.hay))
            {
                r -= 1;
            }
            out.push((r, start, g));
        }
    }
    out
}
/// A role the person before token `from` takes "as" ("will take over as chief negotiator", "was
/// named as envoy", ", who serves as the mediator"): after a comma or nothing, at most a
/// relative word and four auxiliary or adverb words, a `role_taking_verbs` word, then "as" and
/// a role phrase. Returns the role's `(first, end)`.
pub(super) fn role_taken(
    s: &Sent,
    from: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<(usize, usize)> {
    let toks = &s.tokens;
    if from == 0 || from >= toks.len() {
        return None;
    }
    let gap = |k: usize| s.hay[toks[k - 1].end..toks[k].start].trim();
    if !matches!(gap(from), "" | ",") {
        return None;
    }
    let lang = &c.lexicon.language;
    let mut j = from;
    if c.relative_words.contains(&toks[j].norm) {
        j += 1;
    }
    // "will", "has", "was", "to", "be", "formally": words that carry the verb.
    let carries = |k: usize| {
        let n = &toks[k].norm;
        c.verb_fillers.contains(n)
            || c.infinitive_markers.contains(n)
            || lang.stance_passive_words.iter().any(|w| w == n)
            || n.ends_with("ly")
            || matches!(n.as_str(), "take" | "takes" | "took" | "taking" | "taken")
    };
    // The comma after the name (or its appositive) is the only break allowed.
    let flows = |k: usize| k == from || gap(k).is_empty();
    let mut steps = 0;
    while j < toks.len() && steps < 5 && flows(j) && carries(j) {
        j += 1;
        steps += 1;
    }
    let verb = toks.get(j)?;
    if !flows(j) || !c.role_taking_verbs.contains(&verb.norm) {
        return None;
    }
    let as_at = j + 1;
    if toks.get(as_at)?.norm != "as" || !gap(as_at).is_empty() {
        return None;
    }
    if toks.get(as_at + 1).is_none() || !gap(as_at + 1).is_empty() {
        return None;
    }
    RoleWords::new(s, c, titles, parties).read_forward(as_at + 1, false)
}

/// The role standing right before token `at`: its first token.
pub(in crate::build::extract) fn role_before(
    s: &Sent,
    at: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<usize> {
    RoleWords::new(s, c, titles, parties).before(at)
}
/// A role set off by commas before a name: "Valdoria’s new defence minister, Piet Harrow, ...".
pub(super) fn role_before_comma(
    s: &Sent,
    a: usize,
    b: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<usize> {
    RoleWords::new(s, c, titles, parties).before_comma(a, b)
}
/// An appositive role after a name: ", the US envoy," -> token range of the role.
pub(super) fn role_after(
    s: &Sent,
    end: usize,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Option<(usize, usize)> {
    RoleWords::new(s, c, titles, parties).after(end)
}
/// The party a role names: a party of the lexicon in it, else a capitalised possessive ("Teravia’s
/// envoy", resolved later), else a capitalised word that is no title ("Teravian", "Valdorian
/// Foreign Minister"). A role held no longer ("former", `former_role_words`) names none: it says
/// where the person was, not whom they speak for.
pub(super) fn affiliation_of(
    s: &Sent,
    range: (usize, usize),
    c: &Compiled,
    parties: &[Option<usize>],
) -> (Option<String>, Option<String>) {
    if (range.0..range.1).any(|k| c.former_role_words.contains(&s.tokens[k].norm)) {
        return (None, None);
    }
    if let Some(p) = parties[range.0..range.1].iter().flatten().next() {
        return (Some(c.lexicon.parties[*p].id.clone()), None);
    }
    for k in range.0..range.1 {
        let t = &s.tokens[k];
        if t.possessive && t.capital {
            return (None, Some(t.base(s.hay).to_string()));
        }
    }
    // An unknown demonym or country before the office it qualifies ("Valdorian Foreign
    // Minister", "Corvanian Fisheries Minister", "for the Teravian foreign ministry"): the words
    // after it reach a title, or end the role on a lowercase office word. Not a body's own name
    // ("the Meridian Council", "the Ardent Relief Committee"), nor a name a role ends on
    // ("adviser to Velloso").
    let titles = s.titles(c);
    let qualifies = |k: usize| {
        let mut m = k + 1;
        while m < range.1 {
            let t = &s.tokens[m];
            if titles[m] {
                return true;
            }
            let office = !c.role_inner_words.contains(&t.norm)
                && (c.role_modifiers.contains(&t.norm)
                    || c.role_office_words.contains(&t.norm)
                    || c.body_nouns.contains(&t.norm));
            if t.capital && c.body_nouns.contains(&t.norm) || !(office || t.capital) {
                return false;
            }
            m += 1;
        }
        m > k + 1 && !s.tokens[m - 1].capital
    };
    for k in range.0..range.1 {
        let t = &s.tokens[k];
        // A ministry's field ("Fisheries Minister") is no party; a word that makes an office
        // of its own is ("Opposition leader": `office_modifiers`). Nor is a party the body it
        // leads ("the Norvaine-led monitoring mission" speaks for the mission).
        let field = c.role_office_words.contains(&t.norm)
            && !c
                .lexicon
                .language
                .office_modifiers
                .iter()
                .any(|m| m == &t.norm);
        if t.capital
            && !c.not_names.contains(t.base(s.hay))
            && !c.role_modifiers.contains(&t.norm)
            && !field
            && !describes(t, s.hay)
            && !c.body_nouns.contains(&t.norm)
            && !title_mask(&s.tokens[k..k + 1], c)[0]
            && qualifies(k)
        {
            return (Some(t.base(s.hay).to_string()), None);
        }
    }
    (None, None)
}
