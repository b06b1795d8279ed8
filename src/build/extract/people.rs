//! Pass one: named people and their roles, from every sentence of an article.
//!
//! Owns what makes a run of capitalised words a person's name (a title before it, an appositive
//! after it, a reporting verb next to it) and the role text kept with it. It must not attribute
//! quotes or statements; it only fills the [`Registry`].

use crate::article::Article;
use crate::knowledge::Role;
use crate::lexicon::Compiled;
use crate::text::{normalize, slug, CharMap, Token};

use super::registry::NICKNAME_WORDS;
use super::{adjacent, cite, party_mask, sentences_of, title_mask, PersonDraft, Registry, Sent};

pub(super) fn is_name_token(t: &Token, hay: &str, c: &Compiled, titles: bool, party: bool) -> bool {
    if !t.capital || t.numeric || titles || party {
        return false;
    }
    let base = t.base(hay);
    if c.not_names.contains(base)
        || c.stopwords.contains(&t.norm)
        || c.role_modifiers.contains(&t.norm)
    {
        return false;
    }
    if c.reporting_verbs.contains(&t.norm)
        || c.source_nouns.contains(&t.norm)
        || c.honorifics.contains_key(base)
    {
        return false;
    }
    if describes(t, hay) {
        return false;
    }
    // Long all-capital words are acronyms of bodies, not names ("NATO"); "JD" is a name.
    if t.all_caps && base.chars().count() > 3 {
        return false;
    }
    true
}

/// "Mum-of-three", "Father-of-two": a capitalised word joined by hyphens to lowercase ones
/// describes a person and is no name ("Jean-Luc" is one).
pub(super) fn describes(t: &Token, hay: &str) -> bool {
    t.capital
        && t.base(hay)
            .split(['-', '‑'])
            .skip(1)
            .any(|part| part.starts_with(char::is_lowercase))
}

/// True for a common noun that names a kind of person ("historian", "wife", "caller").
pub(super) fn person_noun(norm: &str) -> bool {
    let e = crate::english::english();
    e.pos(norm) == crate::english::Pos::Noun && e.noun_class(norm) == Some("person")
}

/// True when a word may be a given name: no English word, or one for a person ("Ruth"), not
/// "Yesterday" or "Human".
pub(super) fn given_name_like(norm: &str) -> bool {
    let e = crate::english::english();
    e.pos(norm) == crate::english::Pos::Other || e.noun_class(norm) == Some("person")
}

/// A run of name tokens `[start, end)` in a sentence.
pub(super) fn name_runs(
    s: &Sent,
    c: &Compiled,
    titles: &[bool],
    parties: &[Option<usize>],
) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    let n = s.tokens.len();
    while i < n {
        if !is_name_token(&s.tokens[i], s.hay, c, titles[i], parties[i].is_some()) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n
            && j - i < 4
            && !s.tokens[j - 1].possessive
            && adjacent(s.hay, s.tokens[j - 1].end, s.tokens[j].start)
            && is_name_token(&s.tokens[j], s.hay, c, titles[j], parties[j].is_some())
        {
            j += 1;
        }
        runs.push((i, j));
        i = j;
    }
    runs
}

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
pub(super) struct RoleWords<'a, 's> {
    s: &'a Sent<'s>,
    c: &'a Compiled,
    titles: &'a [bool],
    parties: &'a [Option<usize>],
}

impl<'a, 's> RoleWords<'a, 's> {
    pub(super) fn new(
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

    /// Nothing but spaces between token `k` and the next.
    fn joined(&self, k: usize) -> bool {
        adjacent(self.s.hay, self.s.tokens[k].end, self.s.tokens[k + 1].start)
    }

    /// Reads a role phrase forward from token `start` (an article there is no part of it) and
    /// returns `(first, end)`: the role's first token and one past its last, where the phrase may
    /// end (after a head, or after the body a joiner names). `None` when no head is read.
    fn read_forward(&self, start: usize) -> Option<(usize, usize)> {
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
            && (self.head(j - 1) || self.office(j - 1) || self.owner(j - 1) || self.joiner(j - 1))
        {
            j -= 1;
        }
        while j < a && (self.joiner(j) || self.c.role_articles.contains(&s.tokens[j].norm)) {
            j += 1;
        }
        (j..a)
            .find_map(|from| {
                self.read_forward(from)
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
        let (first, last) = self.read_forward(end)?;
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
                    .read_forward(last + 1)
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

/// The role standing right before token `at`: its first token.
pub(super) fn role_before(
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

/// The paragraphs of an article that hold a run of name words, each with its sentences that
/// do and what pass one reads of them (tokens, title and party masks, name runs). Worked out
/// without the registry, so the builder reads articles in parallel and only
/// [`add_people`], which needs the registry as earlier articles left it, runs in order.
pub struct NamedSentences<'a> {
    paragraphs: Vec<NamedParagraph<'a>>,
}

struct NamedParagraph<'a> {
    /// Index into the article's paragraphs.
    at: usize,
    map: CharMap,
    sentences: Vec<NamedSentence<'a>>,
}

struct NamedSentence<'a> {
    sent: Sent<'a>,
    titles: Vec<bool>,
    parties: Vec<Option<usize>>,
    runs: Vec<(usize, usize)>,
}

/// "Fisherman Emil Tork", "Historian Paulina Strand": a capitalised noun for a kind of person
/// right before a full name is a title, not part of the name.
fn job_words_as_titles(s: &Sent, c: &Compiled, titles: &mut [bool]) {
    let toks = &s.tokens;
    for i in 0..toks.len().saturating_sub(2) {
        let name = |k: usize| {
            adjacent(s.hay, toks[k - 1].end, toks[k].start)
                && !toks[k - 1].possessive
                && is_name_token(&toks[k], s.hay, c, titles[k], false)
        };
        // Not a courtesy title ("Father"), kept as the honorific it is, nor a word after an
        // article ("the Villa Sarn Points" names a thing).
        let after_article = i > 0 && c.role_articles.contains(&toks[i - 1].norm);
        if toks[i].capital
            && !titles[i]
            && !after_article
            && !c.not_names.contains(toks[i].base(s.hay))
            && !c.honorifics.contains_key(toks[i].base(s.hay))
            && person_noun(&toks[i].norm)
            && name(i + 1)
            && name(i + 2)
        {
            titles[i] = true;
        }
    }
}

/// An article's sentences that hold names (see [`NamedSentences`]).
pub fn named_sentences<'a>(article: &'a Article, c: &Compiled) -> NamedSentences<'a> {
    let mut paragraphs = Vec::new();
    for (at, p) in article.paragraphs.iter().enumerate() {
        let mut sentences = Vec::new();
        for sent in sentences_of(&p.text, c) {
            let mut titles = title_mask(&sent.tokens, c);
            job_words_as_titles(&sent, c, &mut titles);
            let parties = party_mask(&sent.tokens, c);
            let runs = name_runs(&sent, c, &titles, &parties);
            if !runs.is_empty() {
                sentences.push(NamedSentence {
                    sent,
                    titles,
                    parties,
                    runs,
                });
            }
        }
        if !sentences.is_empty() {
            paragraphs.push(NamedParagraph {
                at,
                map: CharMap::new(&p.text),
                sentences,
            });
        }
    }
    NamedSentences { paragraphs }
}

/// Pass one: named people with their roles, from every sentence of an article.
pub fn find_people(article: &Article, c: &Compiled, registry: &mut Registry) {
    add_people(article, &named_sentences(article, c), c, registry);
}

/// Pass one for an article whose [`named_sentences`] are read: the people they name join the
/// registry. Articles must come in the same order on every build.
pub fn add_people(
    article: &Article,
    named: &NamedSentences,
    c: &Compiled,
    registry: &mut Registry,
) {
    for para in &named.paragraphs {
        let p = &article.paragraphs[para.at];
        let map = &para.map;
        for named in &para.sentences {
            let (s, titles, parties) = (&named.sent, &named.titles, &named.parties);
            record_nicknames(s, &named.runs, c, registry);
            let inside: Vec<(usize, usize)> = s
                .quotes()
                .iter()
                .filter_map(|q| nickname_inside_name(s, q, c))
                .collect();
            for &(a, b) in &named.runs {
                // "the Walrus fumed": a nickname the text gave someone is no new person, nor is
                // the surname after a nickname inside a name someone of their own.
                if registry.nicknames.contains_key(&words_of(s, a, b))
                    || inside
                        .iter()
                        .any(|&(g, f)| f == a && b - a == 1 && g + 1 < a)
                {
                    continue;
                }
                // "the Velmont Institute": an organisation's name is no person's, nor its end
                // ("the Saltgrave Institute for Regional Studies" is no "Studies").
                let mut k = a;
                while k > 0
                    && adjacent(s.hay, s.tokens[k - 1].end, s.tokens[k].start)
                    && (s.tokens[k - 1].capital
                        || c.title_joiners.contains(&s.tokens[k - 1].norm)
                        || c.role_inner_words.contains(&s.tokens[k - 1].norm))
                    && !s.tokens[k - 1].possessive
                {
                    k -= 1;
                }
                if (k..b).any(|k| c.body_nouns.contains(&s.tokens[k].norm)) {
                    continue;
                }
                // "Port Severin", "the Ashgrove Conference Centre": a run that opens or ends on a
                // place's noun is a place.
                if c.place_nouns.contains(&s.tokens[k].norm)
                    || c.place_nouns.contains(&s.tokens[b - 1].norm)
                {
                    continue;
                }
                // "the general staff's Telegram channel": a role that ends on an owner owns
                // what follows, it does not name it.
                let owned = a > 0
                    && s.tokens[a - 1].possessive
                    && adjacent(s.hay, s.tokens[a - 1].end, s.tokens[a].start);
                let before = role_before(s, a, c, titles, parties)
                    .filter(|_| !owned)
                    .or_else(|| role_before_comma(s, a, b, c, titles, parties));
                // "Emil Tork, 52, ...": an age set off by commas after a full name makes it a
                // person's, and a role may follow it (", 47, a former ambassador to Velmar,").
                let aged = s.tokens.get(b).is_some_and(|t| {
                    t.numeric
                        && t.norm.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
                        && s.hay[s.tokens[b - 1].end..t.start].trim() == ","
                        && s.tokens
                            .get(b + 1)
                            .is_some_and(|u| s.hay[t.end..u.start].trim() == ",")
                });
                // Both may stand: "the council's chief mediator, Amara Velloso, a former
                // Castellane justice minister".
                let after = role_after(s, b, c, titles, parties).or_else(|| {
                    aged.then(|| role_after(s, b + 1, c, titles, parties))
                        .flatten()
                });
                let leads = lead_roles(s, (a, b), before, c);
                // The roles written here, and the affiliation the first one that names a party
                // gives.
                let roles_here = |before: Option<usize>, after: Option<(usize, usize)>| {
                    let mut roles = Vec::new();
                    let mut aff = (None, None);
                    if let Some(r) = before {
                        roles.extend(role_from(s, map, article, p.n, r, a, (a, b)));
                        aff = affiliation_of(s, (r, a), c, parties);
                        // "Halvark's army chief, General Henrik Brandt", "The mediator,
                        // Thessmoor's envoy Oona Castell": a role before the name, and another
                        // set off by a comma before it.
                        {
                            if let Some(o) = role_before_comma(s, r, b, c, titles, parties) {
                                roles.extend(role_from(s, map, article, p.n, o, r, (a, b)));
                                if aff == (None, None) {
                                    aff = affiliation_of(s, (o, r), c, parties);
                                }
                            }
                        }
                    }
                    for &(r0, r1, g) in &leads {
                        let text = s.hay[s.tokens[r0].start..s.tokens[r1 - 1].end].to_string();
                        let (from, to) = (r0.min(a), r1.max(b));
                        let name_end = s.tokens[to - 1].end;
                        let cite = cite(&article.id, p.n, map, s.tokens[from].start, name_end);
                        roles.push(Role { text, cite });
                        if aff == (None, None) {
                            aff = affiliation_of(s, (r0.min(g - 1), g), c, parties);
                        }
                    }
                    if let Some((r0, r1)) = after {
                        let text = s.hay[s.tokens[r0].start..s.tokens[r1 - 1].end].to_string();
                        let cite = cite(
                            &article.id,
                            p.n,
                            map,
                            s.tokens[a].start,
                            s.tokens[r1 - 1].end,
                        );
                        roles.push(Role { text, cite });
                        if aff == (None, None) {
                            aff = affiliation_of(s, (r0, r1), c, parties);
                        }
                    }
                    (roles, aff)
                };
                let next_is_verb = s.tokens.get(b).is_some_and(|t| {
                    c.reporting_verbs.contains(&t.norm)
                        && adjacent(s.hay, s.tokens[b - 1].end, t.start)
                });
                // A reporting verb right before the name, or before a word or two that describe
                // the person ("fumed farmer Greta Holm"). Not a verb whose object is the one
                // told ("told Radio Norden"): that names the audience, mostly an outlet.
                let prev_is_verb = (1..=3).any(|d| {
                    a >= d
                        && c.reporting_verbs.contains(&s.tokens[a - d].norm)
                        && !c.audience_verbs.contains(&s.tokens[a - d].norm)
                        && (a - d + 1..a).all(|k| {
                            !s.tokens[k].capital
                                && !s.tokens[k].numeric
                                && !c.stopwords.contains(&s.tokens[k].norm)
                                && adjacent(s.hay, s.tokens[k - 1].end, s.tokens[k].start)
                        })
                        && adjacent(s.hay, s.tokens[a - 1].end, s.tokens[a].start)
                });
                // "appointed Mereland’s envoy": a possessive after the cue owns the role, and
                // is not the person the cue introduces.
                let cue = !s.tokens[b - 1].possessive
                    && c.person_cues
                        .find(&s.tokens[a.saturating_sub(3)..a])
                        .iter()
                        .any(|h| h.end == a - a.saturating_sub(3));
                // "Mr. Grusin", "Sen. Marta Holloway": an honorific makes the name a person's.
                let honorific = a
                    .checked_sub(1)
                    .and_then(|h| {
                        let gap = &s.hay[s.tokens[h].end..s.tokens[a].start];
                        (gap.trim().is_empty() || gap.trim() == ".")
                            .then(|| c.honorifics.get(s.tokens[h].base(s.hay)))
                            .flatten()
                    })
                    .cloned();
                // A rank stands for its title ("Gen." is "general"); a courtesy title is kept as
                // written only before a full name ("Ms Anna Kell"), to tell her from another
                // Kell by "Ms Kell" later.
                let honorific_titles: Vec<String> = honorific
                    .iter()
                    .filter_map(|t| {
                        if !t.is_empty() {
                            Some(t.clone())
                        } else if b - a >= 2 {
                            Some(normalize(s.tokens[a - 1].base(s.hay)))
                        } else {
                            None
                        }
                    })
                    .collect();
                // "The historian Paulina Strand", "Her son, Ray Fenwick,": a noun for a person
                // right before a full name, or set off by a comma before it, introduces them.
                let person_noun = b - a >= 2
                    && a >= 1
                    && !s.tokens[a - 1].capital
                    && person_noun(&s.tokens[a - 1].norm)
                    && matches!(
                        s.hay[s.tokens[a - 1].end..s.tokens[a].start].trim(),
                        "" | ","
                    );
                // "Noor Sallis of the Olmen Daily": a full name followed by the body it belongs
                // to is a person's.
                let of_body = b - a >= 2
                    && s.tokens.get(b).is_some_and(|t| t.norm == "of")
                    && s.tokens.get(b + 1).is_some_and(|t| t.norm == "the")
                    && (b + 2..s.tokens.len())
                        .take_while(|&k| {
                            s.tokens[k].capital
                                && adjacent(s.hay, s.tokens[k - 1].end, s.tokens[k].start)
                        })
                        .any(|k| c.body_nouns.contains(&s.tokens[k].norm));
                let cue =
                    cue || honorific.is_some() || person_noun || of_body || aged && b - a >= 2;
                // "In Lunde, the city’s mayor, ...": a single word used as a place right here is
                // no person, whatever role follows it.
                if b - a == 1
                    && before.is_none()
                    && !cue
                    && a > 0
                    && c.place_prepositions.contains(&s.tokens[a - 1].norm)
                {
                    continue;
                }
                // "travelled to Velmar Sound", "at the Kessel Works": several words after a place
                // preposition (and "the") with no role are a place, unless the first looks like
                // a given name ("turned to Noor Sallis").
                let the = a > 0 && c.role_articles.contains(&s.tokens[a - 1].norm);
                let prep = a.checked_sub(1 + usize::from(the));
                if b - a >= 2
                    && before.is_none()
                    && after.is_none()
                    && !cue
                    && prep.is_some_and(|k| c.place_prepositions.contains(&s.tokens[k].norm))
                    && (the || !given_name_like(&s.tokens[a].norm))
                {
                    continue;
                }
                let known_at = registry.find_words(&words_of(s, a, b));
                if let (Some(i), false) = (known_at, honorific_titles.is_empty()) {
                    let p = &registry.people[i];
                    registry.add(PersonDraft {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        words: p.words.clone(),
                        roles: vec![],
                        affiliation: None,
                        affiliation_via: None,
                        honorific_titles: honorific_titles.clone(),
                    });
                }
                let known = known_at.is_some();
                let multi = b - a >= 2;
                // "Josef Hadek has farmed barley ...", "Farid Osei, who coordinates ...": a full
                // name opening its sentence, before a comma or a lowercase word, is a person's when
                // none of its words is an English word (no "Corrin Principles").
                let opens_as_subject = (2..=3).contains(&(b - a))
                    && a == 0
                    && s.tokens.get(b).is_some_and(|t| {
                        !t.capital || s.hay[s.tokens[b - 1].end..t.start].contains(',')
                    })
                    && !s.tokens[b - 1].possessive
                    && (a..b).all(|k| {
                        let e = crate::english::english();
                        let w = &s.tokens[k].norm;
                        e.pos(w) == crate::english::Pos::Other && !e.is_common(w, 4.0)
                    });
                let led = !leads.is_empty();
                if before.is_none()
                    && after.is_none()
                    && !(next_is_verb || cue || opens_as_subject || multi && prev_is_verb || led)
                {
                    continue;
                }
                if known && before.is_none() && after.is_none() && !led {
                    continue;
                }
                let name_end = s.tokens[b - 1].start + s.tokens[b - 1].base(s.hay).len();
                let mut name = s.hay[s.tokens[a].start..name_end].to_string();
                let mut words = words_of(s, a, b);
                // "Olek “the Heron” Brand": the given name before a nickname and the surname
                // after it are one name.
                let joined = inside.iter().find(|&&(g, _)| g == b - 1);
                if let Some(&(_, f)) = joined {
                    let t = &s.tokens[f];
                    name = format!("{name} {}", t.base(s.hay));
                    words.push(t.norm.clone());
                }
                // A single word after a title is a surname of someone already known, or a name.
                if b - a == 1 && joined.is_none() {
                    if let Some(i) = registry.find_words(&words) {
                        if before.is_some() || after.is_some() || led {
                            let (roles, (aff, via)) = roles_here(before, after);
                            registry.add(PersonDraft {
                                id: registry.people[i].id.clone(),
                                name: registry.people[i].name.clone(),
                                words: registry.people[i].words.clone(),
                                roles,
                                affiliation: aff,
                                affiliation_via: via,
                                honorific_titles: vec![],
                            });
                        }
                        continue;
                    }
                    // A surname several people already share is none of them alone, nor
                    // someone new.
                    if registry.by_last.contains_key(&words[0]) {
                        continue;
                    }
                }
                let (roles, aff) = roles_here(before, after);
                registry.add(PersonDraft {
                    id: slug(&name),
                    name,
                    words,
                    roles,
                    affiliation: aff.0,
                    affiliation_via: aff.1,
                    honorific_titles,
                });
            }
        }
    }
}

/// The words of a quotation that can be a nickname: one to [`NICKNAME_WORDS`] capitalised
/// words, a leading article aside ("the Walrus", "Iron Teddy"), with no sentence or clause
/// inside; lowercase, without the article.
pub(super) fn nickname_words(text: &str, c: &Compiled) -> Option<Vec<String>> {
    let inner = text.trim_end_matches(['.', ',']);
    if inner.contains(['.', '!', '?', ';', ':', ',']) {
        return None;
    }
    let tokens = crate::text::tokenize(inner);
    let start = usize::from(tokens.len() > 1 && c.role_articles.contains(&tokens[0].norm));
    let words = &tokens[start..];
    ((1..=NICKNAME_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|t| t.capital && !t.numeric && !t.possessive))
    .then(|| words.iter().map(|t| t.norm.clone()).collect())
}

/// "Dorian “the Walrus” Vakt": a quotation between a given name right before its opening mark
/// and a surname right after its closing one, as the tokens of that given name and surname.
pub(super) fn nickname_inside_name(
    s: &Sent,
    q: &super::quotes::QuoteSpan,
    c: &Compiled,
) -> Option<(usize, usize)> {
    let toks = &s.tokens;
    if q.open < s.start || q.open >= s.end {
        return None;
    }
    nickname_words(&s.hay[q.start..q.end], c)?;
    let g = toks.iter().rposition(|t| t.end <= q.open)?;
    let f = toks.iter().position(|t| t.start >= q.close)?;
    let (gt, ft) = (&toks[g], &toks[f]);
    (gt.capital
        && ft.capital
        && !gt.possessive
        && adjacent(s.hay, gt.end, q.open)
        && adjacent(s.hay, q.close, ft.start)
        && given_name_like(&gt.norm)
        && !c.stopwords.contains(&ft.norm))
    .then_some((g, f))
}

/// Records the nicknames a sentence gives in quotation marks, each with the name it belongs
/// to: between a given name and a surname ("Dorian “the Walrus” Vakt"), or after a name, a
/// comma or dash and a cue word, with at most a few lowercase words between ("Teodora Glass —
/// dubbed “Iron Teddy” by fishermen", "Magnus Reyne — known in the press room as “Mumbling
/// Magnus”").
pub(super) fn record_nicknames(
    s: &Sent,
    runs: &[(usize, usize)],
    c: &Compiled,
    registry: &mut Registry,
) {
    let toks = &s.tokens;
    for q in s
        .quotes()
        .iter()
        .filter(|q| q.open >= s.start && q.open < s.end)
    {
        let Some(nick) = nickname_words(&s.hay[q.start..q.end], c) else {
            continue;
        };
        let Some(last) = toks.iter().rposition(|t| t.end <= q.open) else {
            continue;
        };
        if let Some((g, f)) = nickname_inside_name(s, q, c) {
            registry.add_nickname(nick, vec![toks[g].norm.clone(), toks[f].norm.clone()]);
            continue;
        }
        // After a name: the cue opens an aside right after it.
        let Some(cue) =
            (last.saturating_sub(5)..=last).find(|&k| c.nickname_cues.contains(&toks[k].norm))
        else {
            continue;
        };
        let between_ok = (cue..=last).all(|k| !toks[k].capital)
            && (last == cue || toks[last].norm == "as")
            && adjacent(s.hay, toks[last].end, q.open);
        if !between_ok {
            continue;
        }
        let aside = cue > 0
            && s.hay[toks[cue - 1].end..toks[cue].start].contains([',', '-', '–', '—'])
            && !toks[cue - 1].possessive;
        if !aside {
            continue;
        }
        match runs.iter().find(|&&(_, b)| b == cue) {
            Some(&(a, b)) => registry.add_nickname(nick, words_of(s, a, b)),
            // "The patrol boat, dubbed “the Heron”": a nickname of no one named.
            None => registry.add_nickname(nick, Vec::new()),
        }
    }
}

pub(super) fn words_of(s: &Sent, a: usize, b: usize) -> Vec<String> {
    s.tokens[a..b].iter().map(|t| t.norm.clone()).collect()
}

pub(super) fn role_from(
    s: &Sent,
    map: &CharMap,
    article: &Article,
    n: u32,
    r: usize,
    a: usize,
    name: (usize, usize),
) -> Option<Role> {
    let text = s.hay[s.tokens[r].start..s.tokens[a - 1].end].to_string();
    let name_end = s.tokens[name.1 - 1].start + s.tokens[name.1 - 1].base(s.hay).len();
    Some(Role {
        text,
        cite: cite(&article.id, n, map, s.tokens[r].start, name_end),
    })
}

/// Runs of two or more name words in a sentence that are no known person, place or body
/// ("Anton Mirsky" before anyone registered him): someone is named there whom a pronoun could
/// stand for, so a pronoun after it is not resolved past them.
pub(super) fn unknown_names(
    s: &Sent,
    c: &Compiled,
    registry: &Registry,
    mentions: &[super::registry::Mention],
) -> Vec<(usize, usize)> {
    let titles = s.titles(c);
    let parties = s.parties(c);
    name_runs(s, c, titles, parties)
        .into_iter()
        .filter(|&(a, b)| b - a >= 2)
        .filter(|&(a, b)| !mentions.iter().any(|m| m.start < b && m.end > a))
        .filter(|&(a, b)| {
            // "Back at Hallen Gate": a run that opens or ends on a place's noun is a place, as
            // pass one reads it.
            let place = (a..b).all(|k| registry.places.contains(&s.tokens[k].norm))
                || c.place_nouns.contains(&s.tokens[a].norm)
                || c.place_nouns.contains(&s.tokens[b - 1].norm);
            let body = (a..b).any(|k| c.body_nouns.contains(&s.tokens[k].norm));
            // "the Joint Monitoring Commission": a name after "the", or before a body's noun,
            // is a body's.
            let after_the = a > 0 && s.tokens[a - 1].norm == "the";
            let before_body = s.tokens.get(b).is_some_and(|t| {
                c.body_nouns.contains(&t.norm) && adjacent(s.hay, s.tokens[b - 1].end, t.start)
            });
            !(place || body || after_the || before_body || nickname_aside(s, a, b, c))
        })
        .collect()
}

/// "Benedek Strand - Big Ben to his mates - ...": capitalised words `[a, b)` that open an aside
/// set off by a dash and close it on "to his <people>" are what those people call the person
/// before the aside, no one else.
pub(super) fn nickname_aside(s: &Sent, a: usize, b: usize, c: &Compiled) -> bool {
    let toks = &s.tokens;
    a > 0
        && b > a
        && s.hay[toks[a - 1].end..toks[a].start].contains(['-', '–', '—'])
        && toks.get(b).is_some_and(|t| t.norm == "to")
        && toks
            .get(b + 1)
            .is_some_and(|t| c.role_introducers.contains(&t.norm))
        && toks.get(b + 2).is_some_and(|t| {
            t.norm.ends_with('s') && s.hay[t.end..].trim_start().starts_with(['-', '–', '—'])
        })
}

#[cfg(test)]
mod tests {
    use super::super::testing::read;

    fn names(reg: &super::Registry) -> Vec<String> {
        reg.people.iter().map(|p| p.name.clone()).collect()
    }

    #[test]
    fn a_name_introduced_in_full_is_one_person_on_second_reference() {
        let (reg, _) = read(&[
            "Kestrava named Petar Grusin, a career diplomat, as its ambassador in March.",
            "“I am a patient man,” Mr. Grusin said. Grusin added that he would stay.",
        ]);
        assert_eq!(names(&reg), ["Petar Grusin"]);
    }

    #[test]
    fn honorifics_and_titles_are_never_part_of_the_name() {
        let (reg, _) = read(&[
            "Sen. Marta Holloway opened the hearing. Dr Mara Quist and Foreign Minister Hana Vilk spoke.",
        ]);
        assert_eq!(names(&reg), ["Marta Holloway", "Mara Quist", "Hana Vilk"]);
        let holloway = &reg.people[0];
        assert_eq!(holloway.honorific_titles, ["senator"]);
        assert!(reg.people[2]
            .roles
            .iter()
            .any(|r| r.text == "Foreign Minister"));
    }

    /// The roles and affiliation (or the possessive it comes through) of the person named
    /// `name` after reading `paragraphs`.
    fn roles_of(paragraphs: &[&str], name: &str) -> (Vec<String>, Option<String>) {
        let (reg, _) = read(paragraphs);
        let p = reg
            .people
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not found in {:?}", names(&reg)));
        let roles = p.roles.iter().map(|r| r.text.clone()).collect();
        (roles, p.affiliation.clone().or(p.affiliation_via.clone()))
    }

    #[test]
    fn a_role_before_a_name_keeps_its_lowercase_office_words_and_its_owner() {
        let (roles, aff) = roles_of(
            &["Teravian foreign ministry spokesperson Noor Halvari said the exchange was on track."],
            "Noor Halvari",
        );
        assert_eq!(roles, ["Teravian foreign ministry spokesperson"]);
        assert_eq!(aff.as_deref(), Some("Teravian"));
        let (roles, aff) = roles_of(
            &["Teravia’s foreign ministry spokesperson Noor Halvari said the plan was studied."],
            "Noor Halvari",
        );
        assert_eq!(roles, ["Teravia’s foreign ministry spokesperson"]);
        assert_eq!(aff.as_deref(), Some("Teravia"));
        // "acting" is part of the office.
        let (roles, _) = roles_of(
            &["Acting defence minister Lena Ostrova said the line would hold."],
            "Lena Ostrova",
        );
        assert_eq!(roles, ["Acting defence minister"]);
    }

    #[test]
    fn an_appositive_role_after_a_name_is_read_with_its_body() {
        let (roles, aff) = roles_of(
            &["Noor Halvari, the Teravian foreign ministry spokesperson, said it was studied."],
            "Noor Halvari",
        );
        assert_eq!(roles, ["Teravian foreign ministry spokesperson"]);
        assert_eq!(aff.as_deref(), Some("Teravian"));
        let (roles, aff) = roles_of(
            &["Noor Halvari, a spokeswoman for the Teravian foreign ministry, called it a toll."],
            "Noor Halvari",
        );
        assert_eq!(roles, ["spokeswoman for the Teravian foreign ministry"]);
        assert_eq!(aff.as_deref(), Some("Teravian"));
        // A party of the lexicon is the affiliation, by its id.
        let (_, aff) = roles_of(
            &["Oksana Vey, a spokeswoman for the Ukrainian foreign ministry, said so."],
            "Oksana Vey",
        );
        assert_eq!(aff.as_deref(), Some("ukraine"));
    }

    #[test]
    fn a_role_before_a_relative_clause_is_read_after_is() {
        let (roles, _) = roles_of(
            &["Ruvenna has named its new chief negotiator. She is Halina Strand, a former deputy foreign minister who spent six years abroad."],
            "Halina Strand",
        );
        assert_eq!(roles, ["former deputy foreign minister"]);
    }

    #[test]
    fn a_ministry_s_field_and_a_body_another_party_leads_are_no_party() {
        let (roles, aff) = roles_of(
            &["Fisheries Minister Jonas Brell said the quota was final."],
            "Jonas Brell",
        );
        assert_eq!(roles, ["Fisheries Minister"]);
        assert_eq!(aff, None);
        let (_, aff) = roles_of(
            &["Ines Vell, a spokeswoman for the Kessary-led monitoring mission, said so."],
            "Ines Vell",
        );
        assert_eq!(aff, None);
        let (_, aff) = roles_of(
            &["Opposition leader Marek Dvorn said the deal was a sell-out."],
            "Marek Dvorn",
        );
        assert_eq!(aff.as_deref(), Some("Opposition"));
    }

    #[test]
    fn a_role_joined_to_a_second_one_is_read() {
        let (roles, aff) = roles_of(
            &["The talks are chaired by Tobin Rell, Arvel’s special envoy and a former foreign minister of Arvel, who spoke first."],
            "Tobin Rell",
        );
        assert_eq!(roles, ["Arvel’s special envoy"]);
        assert_eq!(aff.as_deref(), Some("Arvel"));
    }

    #[test]
    fn leading_a_delegation_is_a_role() {
        let (roles, _) = roles_of(
            &["Deputy Foreign Minister Irma Vautel will lead the delegation on an interim basis, the ministry said."],
            "Irma Vautel",
        );
        assert_eq!(
            roles,
            [
                "Deputy Foreign Minister",
                "lead the delegation on an interim basis"
            ]
        );
        let (roles, aff) = roles_of(
            &["Talks opened. The Kessarian delegation is led by Deputy Foreign Minister Tomas Rall."],
            "Tomas Rall",
        );
        assert_eq!(
            roles,
            ["Deputy Foreign Minister", "Kessarian delegation is led by"]
        );
        assert_eq!(aff.as_deref(), Some("Kessarian"));
        let (roles, aff) = roles_of(
            &["Talks opened. Velmar’s team is headed by Bertil Oake, a retired admiral."],
            "Bertil Oake",
        );
        assert_eq!(roles, ["Velmar’s team is headed by"]);
        assert_eq!(aff.as_deref(), Some("Velmar"));
        // A possessive after "led by" owns the role that follows: the country is no leader
        // and no person, and neither is a capitalised pronoun opening a quotation.
        let (reg, _) = read(&[
            "The working group will be led by Quarsevia’s transport minister, Ilsabet Korrowin, \
             an engineer.",
            "“Nobody asked the town,” Korrowin said.",
        ]);
        assert!(
            !names(&reg)
                .iter()
                .any(|n| n == "Quarsevia" || n == "Nobody"),
            "{:?}",
            names(&reg)
        );
    }

    #[test]
    fn a_former_office_is_a_role_but_no_affiliation() {
        let (roles, aff) = roles_of(
            &["The talks are chaired by Amara Velloso, a former Castellane justice minister."],
            "Amara Velloso",
        );
        assert_eq!(roles, ["former Castellane justice minister"]);
        assert_eq!(aff, None);
    }

    #[test]
    fn a_role_set_off_by_commas_before_a_name_is_read_back_to_its_start() {
        let (roles, _) = roles_of(
            &["The council’s chief mediator, Amara Velloso, said the number was larger."],
            "Amara Velloso",
        );
        assert_eq!(roles, ["council’s chief mediator"]);
        let (roles, aff) = roles_of(
            &["The spokeswoman for the Teravian foreign ministry, Noor Halvari, said no."],
            "Noor Halvari",
        );
        assert_eq!(roles, ["spokeswoman for the Teravian foreign ministry"]);
        assert_eq!(aff.as_deref(), Some("Teravian"));
    }

    /// A role right before the name does not hide another set off before it: "Velmar's army
    /// chief, General Ada Korr" and "The mediator, Velmar's envoy Ada Korr" hold both, and
    /// the one naming a party gives hers.
    #[test]
    fn an_office_set_off_before_a_rank_and_name_is_read_too() {
        let (roles, aff) = roles_of(
            &["Velmar’s army chief, General Ada Korr, said the troops would stay."],
            "Ada Korr",
        );
        assert_eq!(roles, ["General", "Velmar’s army chief"]);
        assert_eq!(aff.as_deref(), Some("Velmar"));
        let (roles, aff) = roles_of(
            &["The mediator, Velmar’s envoy Ada Korr, has issued a statement."],
            "Ada Korr",
        );
        assert_eq!(roles, ["Velmar’s envoy", "mediator"]);
        assert_eq!(aff.as_deref(), Some("Velmar"));
    }

    #[test]
    fn a_body_or_a_person_a_role_ends_on_is_no_affiliation() {
        let (roles, aff) = roles_of(
            &["Amara Velloso, the chair of the Meridian Council, said the deadline held."],
            "Amara Velloso",
        );
        assert_eq!(roles, ["chair of the Meridian Council"]);
        assert_eq!(aff, None);
        let (roles, aff) = roles_of(
            &[
                "Amara Velloso said the deadline held.",
                "Ilan Dorsey, an adviser to Velloso, said the text was ready.",
            ],
            "Ilan Dorsey",
        );
        assert_eq!(roles, ["adviser to Velloso"]);
        assert_eq!(aff, None);
    }

    /// Every role anyone holds after reading `paragraphs`.
    fn all_roles(paragraphs: &[&str]) -> Vec<String> {
        let (reg, _) = read(paragraphs);
        reg.people
            .iter()
            .flat_map(|p| p.roles.iter().map(|r| r.text.clone()))
            .collect()
    }

    #[test]
    fn ordinary_appositives_are_no_roles() {
        for text in [
            "Mirela Stanek, 58, of Kestrel Ford, whose son was detained, said she would wait.",
            "Jonas Pelt, who led the envoys, said the talks were over.",
            "Greta Holm, the mayor’s wife, said the bridge was closed.",
            "Greta Holm, the head of the family, said the bridge was closed.",
        ] {
            assert_eq!(all_roles(&[text]), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn the_end_of_a_body_s_name_and_words_inside_quotes_are_no_people() {
        let (reg, _) = read(&[
            "Bertil Aske of the Saltgrave Institute for Regional Studies said the statement was “written for home”.",
            "“Nobody has maintained the dykes,” said Councillor Piet Vanders.",
            "Readers have asked what happens to the prisoners.",
        ]);
        let names = names(&reg);
        for junk in ["Studies", "Regional Studies", "Nobody", "Readers"] {
            assert!(!names.iter().any(|n| n == junk), "{names:?}");
        }
        assert!(names.iter().any(|n| n == "Piet Vanders"), "{names:?}");
    }

    #[test]
    fn a_full_name_opening_a_sentence_is_a_person_who_keeps_a_second_reference() {
        let (reg, f) = read(&[
            "Farid Osei, who runs the Lumen Aid Alliance’s work in the hills, said few convoys came.",
            "“Every convoy needs three permits. Half our trucks wait in Dorn,” Mr Osei said.",
            "Josef Hadek has farmed barley for thirty years. His wife, Marta Hadek, runs the shop.",
        ]);
        let all = names(&reg);
        assert!(all.iter().any(|n| n == "Farid Osei"), "{all:?}");
        assert!(all.iter().any(|n| n == "Josef Hadek"), "{all:?}");
        assert_eq!(
            super::super::testing::speaker(&reg, &f, "Half our trucks"),
            "person: Farid Osei"
        );
    }

    #[test]
    fn a_run_naming_a_place_or_an_association_is_no_person() {
        let (reg, _) = read(&[
            "Our reporter outside the Brackley Exhibition Centre says the envoys were late.",
            "Marek Dunn said Fort Aldery had been chosen because both sides trust it.",
            "Mara Quell, who chairs the Hollin Widows Association, said the list was short.",
            "Officials at the Kessel Works said the gates would stay shut.",
        ]);
        let all = names(&reg);
        for junk in [
            "Brackley Exhibition Centre",
            "Fort Aldery",
            "Widows Association",
            "Kessel Works",
        ] {
            assert!(!all.iter().any(|n| n == junk), "{junk}: {all:?}");
        }
        assert!(all.iter().any(|n| n == "Marek Dunn"), "{all:?}");
        assert!(all.iter().any(|n| n == "Mara Quell"), "{all:?}");
    }

    #[test]
    fn a_rank_or_job_word_before_a_full_name_is_a_title() {
        let (reg, _) = read(&[
            "Harbourmaster Wenna Sloe said only one pier could take a trawler.",
            "Fisherman Piet Omberg said the nets were empty.",
            "Captain Orlo Vinn said the crews would wait.",
            "Those were the words of Captain Ansa Brel, who commanded the boarding.",
        ]);
        assert_eq!(
            names(&reg),
            ["Wenna Sloe", "Piet Omberg", "Orlo Vinn", "Ansa Brel"]
        );
        let roles: Vec<&str> = reg
            .people
            .iter()
            .flat_map(|p| p.roles.iter().map(|r| r.text.as_str()))
            .collect();
        assert_eq!(roles, ["Harbourmaster", "Fisherman", "Captain", "Captain"]);
    }

    #[test]
    fn a_full_name_with_an_age_set_off_is_a_person_and_a_role_may_follow_the_age() {
        let (roles, _) = roles_of(
            &["Among the first off the ferry was Edda Lorn, 52, a former ambassador to Kessary, who waved."],
            "Edda Lorn",
        );
        assert_eq!(roles, ["former ambassador to Kessary"]);
        let (reg, _) = read(&["Waiting on the quay was Brun Halsey, 61, whose son is held."]);
        assert_eq!(names(&reg), ["Brun Halsey"]);
    }

    #[test]
    fn a_surname_met_first_folds_into_the_one_full_name() {
        let (reg, _) = read(&[
            "“Nothing will be given away,” Minister Marsh said.",
            "President Edvin Marsh of Kestrava spoke later.",
        ]);
        assert_eq!(names(&reg), ["Edvin Marsh"]);
    }
}
