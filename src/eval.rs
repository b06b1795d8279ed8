//! Scoring the engine on a question set: the rule of the external sets (`shared/eval/README.md`)
//! built in, so that anyone curating articles can write their own set and check the bot on it
//! (`parley eval`), and so that the tests use the same rule as the scoreboard.
//!
//! A set is JSON Lines: `{"id", "q", "kind": "answer" | "decline", "evidence": [phrases]}`. An
//! `answer` question passes when the reply answers and one evidence phrase stands inside one of
//! the first three citations (top-1: the first); a `decline` question passes when the reply
//! declines. Text is compared after lowercasing, straightening curly quotes, turning en and em
//! dashes into hyphens and collapsing white space.
//!
//! Pure: it reads no file and asks no engine; the caller hands it the questions and the answers.

use serde::Deserialize;

use crate::answer::Answer;

/// What a question expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expect {
    /// The sources answer it: one of `evidence` must be cited.
    Answer,
    /// The sources do not answer it: the reply must decline.
    Decline,
}

/// One question of a set.
#[derive(Debug, Clone, Deserialize)]
pub struct EvalQuestion {
    /// The question's id, for reports.
    pub id: String,
    /// The question as a user types it.
    pub q: String,
    /// Answer or decline.
    pub kind: Expect,
    /// Phrases, each copied from one sentence of an article; any one is enough.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// A question set that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A line is not a question object.
    #[error("line {line}: {message} (each line must be {{\"id\", \"q\", \"kind\": \"answer\"|\"decline\", \"evidence\": [...]}})")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// What serde said.
        message: String,
    },
    /// An `answer` question with nothing to look for.
    #[error("line {line}: question {id:?} expects an answer but lists no evidence phrase")]
    NoEvidence {
        /// 1-based line number.
        line: usize,
        /// The question's id.
        id: String,
    },
}

/// Reads a question set; blank lines and lines starting with `#` or `//` are skipped.
pub fn parse_questions(text: &str) -> Result<Vec<EvalQuestion>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with("//") {
            continue;
        }
        let q: EvalQuestion = serde_json::from_str(t).map_err(|e| EvalError::BadLine {
            line: i + 1,
            message: e.to_string(),
        })?;
        if q.kind == Expect::Answer && q.evidence.iter().all(|e| e.trim().is_empty()) {
            return Err(EvalError::NoEvidence {
                line: i + 1,
                id: q.id,
            });
        }
        out.push(q);
    }
    Ok(out)
}

/// Text as the scoring rule compares it.
pub fn normalize(s: &str) -> String {
    let mapped: String = s
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How one question went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Answered with evidence in the first citation.
    Top1,
    /// Answered with evidence in the second or third citation.
    Top3,
    /// Declined, as it should.
    Declined,
    /// Should have been answered; was declined.
    WronglyDeclined,
    /// Answered, but no evidence phrase in the first three citations.
    WrongEvidence,
    /// Should have been declined; was answered.
    WronglyAnswered,
}

impl Outcome {
    /// True when the question counts as passed (top-3 or a correct decline).
    pub fn passed(self) -> bool {
        matches!(self, Outcome::Top1 | Outcome::Top3 | Outcome::Declined)
    }
}

/// Scores one answer against its question.
pub fn score(q: &EvalQuestion, a: &Answer) -> Outcome {
    match q.kind {
        Expect::Decline if a.answered => Outcome::WronglyAnswered,
        Expect::Decline => Outcome::Declined,
        Expect::Answer if !a.answered => Outcome::WronglyDeclined,
        Expect::Answer => {
            let evidence: Vec<String> = q
                .evidence
                .iter()
                .map(|e| normalize(e))
                .filter(|e| !e.is_empty())
                .collect();
            let hit = a.citations().take(3).position(|c| {
                let quote = normalize(&c.quote);
                evidence.iter().any(|e| quote.contains(e.as_str()))
            });
            match hit {
                Some(0) => Outcome::Top1,
                Some(_) => Outcome::Top3,
                None => Outcome::WrongEvidence,
            }
        }
    }
}

/// A set's score.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Questions scored.
    pub total: usize,
    /// Answer questions with evidence first.
    pub top1: usize,
    /// Answer questions with evidence in the first three (top-1 included).
    pub top3: usize,
    /// Answer questions in the set.
    pub answerable: usize,
    /// Decline questions declined.
    pub declined: usize,
    /// Decline questions in the set.
    pub to_decline: usize,
    /// The questions that did not pass, with what happened.
    pub misses: Vec<(usize, Outcome)>,
}

impl Report {
    /// Scores every question against its answer, in order.
    pub fn of(questions: &[EvalQuestion], answers: &[Answer]) -> Report {
        let mut r = Report {
            total: questions.len(),
            ..Report::default()
        };
        for (i, (q, a)) in questions.iter().zip(answers).enumerate() {
            let o = score(q, a);
            match q.kind {
                Expect::Answer => r.answerable += 1,
                Expect::Decline => r.to_decline += 1,
            }
            match o {
                Outcome::Top1 => {
                    r.top1 += 1;
                    r.top3 += 1;
                }
                Outcome::Top3 => r.top3 += 1,
                Outcome::Declined => r.declined += 1,
                _ => r.misses.push((i, o)),
            }
        }
        r
    }

    /// The score: passes (top-3 or a correct decline) over all questions.
    pub fn score(&self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        (self.top3 + self.declined) as f64 / self.total as f64
    }

    /// Like [`Report::score`] with top-1 for answers.
    pub fn score_top1(&self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        (self.top1 + self.declined) as f64 / self.total as f64
    }

    /// A few lines a person reads: the score, top-1, declines, and with `verbose` every miss.
    pub fn render(&self, questions: &[EvalQuestion], answers: &[Answer], verbose: bool) -> String {
        let mut s = format!(
            "score {:.3} ({} of {}: top-3 or a correct decline)\n\
             top-1 {:.3}; answers with evidence in the first three: {} of {}; declines right: {} of {}\n",
            self.score(),
            self.top3 + self.declined,
            self.total,
            self.score_top1(),
            self.top3,
            self.answerable,
            self.declined,
            self.to_decline
        );
        let count = |o: Outcome| self.misses.iter().filter(|m| m.1 == o).count();
        s.push_str(&format!(
            "misses: {} declined that the sources answer, {} answered without the evidence in the first three, {} answered that should be declined\n",
            count(Outcome::WronglyDeclined),
            count(Outcome::WrongEvidence),
            count(Outcome::WronglyAnswered)
        ));
        if verbose {
            for &(i, o) in &self.misses {
                let (q, a) = (&questions[i], &answers[i]);
                let what = match o {
                    Outcome::WronglyDeclined => "declined",
                    Outcome::WrongEvidence => "wrong evidence",
                    _ => "should decline",
                };
                s.push_str(&format!(
                    "- [{what}] {} {:?} (intent {})\n",
                    q.id, q.q, a.intent
                ));
                if o == Outcome::WronglyDeclined {
                    if let Some(r) = &a.explanation.decline_reason {
                        s.push_str(&format!("    reason: {r}\n"));
                    }
                }
                if o != Outcome::WronglyAnswered {
                    if let Some(e) = q.evidence.first() {
                        s.push_str(&format!("    wanted: {e:?}\n"));
                    }
                }
                for c in a.citations().take(3) {
                    let short: String = c.quote.chars().take(90).collect();
                    s.push_str(&format!("    cited: {short:?}\n"));
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: &str = r#"
# a comment
{"id": "a1", "q": "What did X say?", "kind": "answer", "evidence": ["We\u2019re ready \u2014 now"]}
{"id": "d1", "q": "Price of oil?", "kind": "decline", "evidence": []}
"#;

    #[test]
    fn sets_parse_and_bad_lines_say_where() {
        let qs = parse_questions(SET).unwrap();
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[1].kind, Expect::Decline);
        let err =
            parse_questions("{\"id\": \"x\", \"q\": \"?\", \"kind\": \"maybe\"}").unwrap_err();
        assert!(err.to_string().starts_with("line 1:"), "{err}");
        let err =
            parse_questions("\n{\"id\": \"x\", \"q\": \"?\", \"kind\": \"answer\"}").unwrap_err();
        assert!(
            matches!(err, EvalError::NoEvidence { line: 2, .. }),
            "{err}"
        );
    }

    #[test]
    fn normalizing_folds_quotes_dashes_case_and_spaces() {
        assert_eq!(
            normalize("We\u{2019}re  READY \u{2014}\n now"),
            "we're ready - now"
        );
    }
}
