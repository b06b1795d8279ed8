//! Step 5 of the pipeline: an [`Answer`] from a lead and ranked facts: each fact rendered as a
//! verbatim quote with its citation, the explanation, the follow-up context, the suggestions.
//! Owns how facts are shown; must not choose which facts (the answer kinds do).

use rustc_hash::FxHashSet as HashSet;

use super::understand::Query;
use super::{Engine, FactRef};
use crate::answer::{Answer, AnswerQuote, Candidate, Citation, Context, Explanation, ReportKind};
use crate::knowledge::Speaker;
use crate::text::char_slice;

impl Engine {
    pub(crate) fn sentence_text(&self, s: usize) -> &str {
        let r = &self.sents[s];
        &self.knowledge.articles[r.article].paragraphs[r.para].text[r.start..r.end]
    }

    pub(crate) fn citation(&self, s: usize, quote: &str) -> Citation {
        let r = &self.sents[s];
        let a = &self.knowledge.articles[r.article];
        Citation {
            article: a.id.clone(),
            title: a.title.clone(),
            source: a.source.clone(),
            published: a.published.clone(),
            paragraph: a.paragraphs[r.para].n,
            quote: quote.to_string(),
            url: a.url.clone(),
        }
    }

    pub(crate) fn speaker_label(&self, sp: &Speaker) -> Option<String> {
        match sp {
            Speaker::Person(id) => self
                .knowledge
                .people
                .iter()
                .find(|p| &p.id == id)
                .map(|p| p.name.clone()),
            Speaker::Source(id) => self
                .knowledge
                .sources
                .iter()
                .find(|s| &s.id == id)
                .map(|s| lower_first(&s.description, &self.lex.lowered_openers)),
            Speaker::Unattributed => None,
        }
    }

    /// Turns a fact into a quote for the reply.
    pub(crate) fn render_fact(&self, f: FactRef) -> Option<AnswerQuote> {
        match f {
            FactRef::Quote(i) => {
                let q = &self.knowledge.quotes[i];
                let s = self.fact_sentence(f)?;
                let (report, speaker) = match &q.speaker {
                    Speaker::Person(_) => (ReportKind::OwnWords, self.speaker_label(&q.speaker)),
                    Speaker::Source(_) => {
                        (ReportKind::UnnamedSource, self.speaker_label(&q.speaker))
                    }
                    Speaker::Unattributed => (ReportKind::ArticleText, None),
                };
                // Cited as the whole sentence (and the whole quote, when it runs past the
                // sentence), the speaker's own words emphasised: a one-word quote such as
                // “optimistic” means little without the sentence around it.
                let r = &self.sents[s];
                let para = self.knowledge.articles[r.article]
                    .paragraphs
                    .get((q.cite.paragraph as usize).checked_sub(1)?)?;
                let own = char_slice(&para.text, q.cite.start as usize, q.cite.end as usize)?;
                let own_start = para.text.char_indices().nth(q.cite.start as usize)?.0;
                let own_end = own_start + own.len();
                let same_para = para.n == self.knowledge.articles[r.article].paragraphs[r.para].n;
                let (mut from, mut to) = if same_para {
                    (own_start.min(r.start), own_end.max(r.end))
                } else {
                    (own_start, own_end)
                };
                // A quotation that opens or closes the citation keeps its marks.
                if para.text[..from].ends_with(['“', '"']) {
                    from -= para.text[..from]
                        .chars()
                        .next_back()
                        .map_or(0, char::len_utf8);
                }
                if para.text[to..].starts_with(['”', '"']) {
                    to += para.text[to..].chars().next().map_or(0, char::len_utf8);
                }
                let text = para.text.get(from..to)?;
                let mut c = self.citation(s, text);
                c.paragraph = q.cite.paragraph;
                // The marks around the words go in the bold too; a quote that is (nearly) the
                // whole citation needs no emphasis.
                let mut a = own_start - from;
                let mut b = a + own.len();
                if text[..a].ends_with(['“', '"']) {
                    a -= text[..a].chars().next_back().map_or(0, char::len_utf8);
                }
                if text[b..].starts_with(['”', '"']) {
                    b += text[b..].chars().next().map_or(0, char::len_utf8);
                }
                let rest = text.len() - (b - a);
                let emphasis = (rest > text.len() / 10 && rest > 8).then_some((a, b));
                Some(AnswerQuote {
                    report,
                    speaker,
                    citation: c,
                    emphasis,
                })
            }
            FactRef::Statement(i) => {
                let st = &self.knowledge.statements[i];
                let s = self.fact_sentence(f)?;
                let report = match st.speaker {
                    Speaker::Source(_) => ReportKind::UnnamedSource,
                    _ => ReportKind::ReportedSpeech,
                };
                Some(AnswerQuote {
                    report,
                    speaker: self.speaker_label(&st.speaker),
                    citation: self.citation(s, self.sentence_text(s)),
                    emphasis: None,
                })
            }
            FactRef::Sentence(s) => {
                if let Some(&st) = self.statement_by_sent.get(&s) {
                    return self.render_fact(FactRef::Statement(st));
                }
                // A sentence that is one attributed quotation is shown as that person's words.
                if crate::answer::is_quotation(self.sentence_text(s)) {
                    if let Some(&qi) = self.quotes_in_sent.get(&s).and_then(|v| v.first()) {
                        if self.knowledge.quotes[qi].speaker != Speaker::Unattributed {
                            return self.render_fact(FactRef::Quote(qi));
                        }
                    }
                }
                Some(AnswerQuote {
                    report: ReportKind::ArticleText,
                    speaker: None,
                    citation: self.citation(s, self.sentence_text(s)),
                    emphasis: None,
                })
            }
        }
    }

    pub(crate) fn fact_sentence(&self, f: FactRef) -> Option<usize> {
        match f {
            FactRef::Sentence(s) => Some(s),
            FactRef::Quote(i) => self.quote_sent.get(i).copied().flatten(),
            FactRef::Statement(i) => self.statement_sent.get(i).copied().flatten(),
        }
    }

    /// The sentences of other articles that carry the same report as sentence `s`.
    pub(crate) fn same_report_of(&self, s: usize) -> Vec<usize> {
        let r = &self.sents[s];
        let para = &self.knowledge.articles[r.article].paragraphs[r.para];
        para.sentences
            .iter()
            .find(|x| self.sent_by_id.get(&x.id) == Some(s))
            .map(|x| {
                x.same_report
                    .iter()
                    .filter_map(|id| self.sent_by_id.get(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The answer from `lead` and `facts`, best first: at most `max_quotes` of them are shown.
    pub(crate) fn finish(
        &self,
        clean: &str,
        q: &Query,
        lead: String,
        facts: Vec<(FactRef, f32)>,
        answered: bool,
    ) -> Answer {
        self.finish_showing(clean, q, lead, facts, answered, self.settings.max_quotes)
    }

    /// [`Engine::finish`] showing up to `most` facts: a timeline or a digest is a list, not a
    /// best-three (Discord's limits are the renderer's, which splits a long reply).
    pub(crate) fn finish_showing(
        &self,
        clean: &str,
        q: &Query,
        lead: String,
        facts: Vec<(FactRef, f32)>,
        answered: bool,
        most: usize,
    ) -> Answer {
        let mut quotes: Vec<AnswerQuote> = Vec::new();
        let mut seen_text = HashSet::default();
        // The sentence each quote shown cites, to find a report several outlets carried.
        let mut cited: Vec<Option<usize>> = Vec::new();
        for (f, _) in &facts {
            if quotes.len() >= most {
                break;
            }
            if let Some(aq) = self.render_fact(*f) {
                let s = self.fact_sentence(*f);
                // The same report in another outlet (`same_report`) is cited once: the copy is
                // not shown again, its outlet is named in the citation already shown.
                if let Some(i) = s.and_then(|s| {
                    let same = self.same_report_of(s);
                    cited
                        .iter()
                        .position(|c| c.is_some_and(|c| same.contains(&c)))
                }) {
                    let other = &aq.citation;
                    let shown = &mut quotes[i].citation;
                    if other.article != shown.article && !shown.source.contains(&other.source) {
                        shown.source = format!(
                            "{}; the same report in {}, {}",
                            shown.source, other.source, other.published
                        );
                    }
                    continue;
                }
                if seen_text.insert(aq.citation.quote.clone()) {
                    quotes.push(aq);
                    cited.push(s);
                }
            }
        }
        let candidates = facts
            .iter()
            .take(8)
            .map(|(f, score)| {
                let (kind, id) = match f {
                    FactRef::Sentence(s) => ("sentence", self.sent_id(*s)),
                    FactRef::Quote(i) => ("quote", self.knowledge.quotes[*i].id.clone()),
                    FactRef::Statement(i) => {
                        ("statement", self.knowledge.statements[*i].id.clone())
                    }
                };
                let preview = self
                    .fact_sentence(*f)
                    .map(|s| preview(self.sentence_text(s)))
                    .unwrap_or_default();
                Candidate {
                    kind: kind.into(),
                    id,
                    score: *score as f64,
                    preview,
                }
            })
            .collect();
        let answered = answered && super::decide::quotes_answer(&quotes);
        Answer {
            question: clean.to_string(),
            intent: q.intent.name.to_string(),
            answered,
            lead,
            quotes,
            suggestions: Vec::new(),
            context: self.context_of(q),
            explanation: Explanation {
                intent: q.intent.name.to_string(),
                pattern: q.intent.pattern.clone(),
                slots: self.slots_of(q),
                terms: q
                    .terms
                    .iter()
                    .filter(|t| t.is_asked())
                    .map(|t| t.stem.clone())
                    .collect(),
                candidates,
                decline_reason: None,
            },
        }
    }

    pub(crate) fn sent_id(&self, s: usize) -> String {
        let r = &self.sents[s];
        let p = &self.knowledge.articles[r.article].paragraphs[r.para];
        p.sentences
            .iter()
            .find(|x| self.sent_by_id.get(&x.id) == Some(s))
            .map(|x| x.id.clone())
            .unwrap_or_default()
    }

    pub(crate) fn slots_of(&self, q: &Query) -> Vec<(String, String)> {
        let mut v = Vec::new();
        for &p in &q.people {
            v.push(("person".into(), self.knowledge.people[p].name.clone()));
        }
        for &p in &q.parties {
            v.push((
                "party".into(),
                self.knowledge.lexicon.parties[p].name.clone(),
            ));
        }
        for &t in &q.topics {
            v.push((
                "topic".into(),
                self.knowledge.lexicon.topics[t].name.clone(),
            ));
        }
        for n in &q.unknown_names {
            v.push(("unknown".into(), n.clone()));
        }
        if q.from_context {
            v.push(("from".into(), "follow-up context".into()));
        }
        v
    }

    pub(crate) fn context_of(&self, q: &Query) -> Context {
        Context {
            person: q
                .people
                .first()
                .map(|&p| self.knowledge.people[p].id.clone()),
            party: q
                .parties
                .first()
                .map(|&p| self.knowledge.lexicon.parties[p].id.clone()),
            topic: q
                .topics
                .first()
                .map(|&t| self.knowledge.lexicon.topics[t].id.clone()),
            intent: Some(q.intent.name.to_string()),
        }
    }

    pub(crate) fn suggestions(&self) -> Vec<String> {
        let k = &self.knowledge;
        let mut people: Vec<&str> = k
            .people
            .iter()
            .filter(|p| !p.roles.is_empty() || p.mentions.len() > 1)
            .map(|p| p.name.as_str())
            .collect();
        people.truncate(8);
        let mut topic_counts: Vec<(usize, &str)> = k
            .lexicon
            .topics
            .iter()
            .map(|t| {
                (
                    k.summaries.topics.get(&t.id).map_or(0, |v| v.len()),
                    t.name.as_str(),
                )
            })
            .filter(|x| x.0 > 0)
            .collect();
        topic_counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let topics: Vec<&str> = topic_counts.iter().take(8).map(|x| x.1).collect();
        let mut out = Vec::new();
        if !people.is_empty() {
            out.push(format!("People in the sources: {}", people.join(", ")));
        }
        if !topics.is_empty() {
            out.push(format!("Topics: {}", topics.join(", ")));
        }
        out.push(
            "Try /summary, /who NAME, /quotes NAME, /positions PARTY, /timeline or /sources."
                .into(),
        );
        out
    }

    /// The topic a question asked about, as a reader would name it.
    pub(crate) fn asked_topic(&self, q: &Query) -> String {
        q.topics
            .first()
            .map(|&t| self.knowledge.lexicon.topics[t].name.clone())
            .or_else(|| q.intent.t.clone())
            .unwrap_or_else(|| "that".into())
    }
}

/// `s` with its first letter lowered when its first word is one of `openers` (lowercase):
/// "Three officials" -> "three officials"; names and acronyms stay as written.
pub(crate) fn lower_first(s: &str, openers: &HashSet<String>) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => {
            // Keep acronyms and names: only lower a capital followed by a lowercase letter.
            let second = s.chars().nth(1);
            if f.is_uppercase()
                && second.is_some_and(|x| x.is_lowercase())
                && !s.starts_with(|x: char| {
                    x.is_uppercase()
                        && s.split_whitespace().next().is_some_and(|w| {
                            w.len() > 1
                                && w.chars().skip(1).all(char::is_lowercase)
                                && !openers.contains(&w.to_lowercase())
                        })
                })
            {
                f.to_lowercase().chain(c).collect()
            } else {
                s.to_string()
            }
        }
        None => String::new(),
    }
}

/// "1 direct quote", "4 direct quotes".
pub(crate) fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(crate) fn preview(s: &str) -> String {
    if s.chars().count() <= 90 {
        s.to_string()
    } else {
        let cut: String = s.chars().take(87).collect();
        format!("{cut}...")
    }
}
