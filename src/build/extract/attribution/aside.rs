//! The subject before an aside set off by commas ("X, the chief negotiator, said", "X, who did
//! not attend, said"): the name the aside is, the name before the aside, or the phrase before
//! it.
//!
//! Owns the reading of the aside only; `verbs` calls it when a comma stands right before a
//! reporting verb. It must not find reporting verbs nor read the inside of a noun phrase (that
//! is `phrase`).

use crate::build::extract::people::unknown_names;
use crate::build::extract::registry::Mention;
use crate::build::extract::Sent;
use crate::knowledge::Speaker;
use crate::text::CharMap;

use super::Reader;

impl Reader<'_> {
    /// The speaker of a reporting verb whose subject phrase ends at token `subject_end`, right
    /// after a comma: the subject stands before an aside set off by commas. Nobody (with the
    /// reason recorded when the aside names someone unsettled) when the text does not say.
    pub(super) fn subject_before_aside(
        &mut self,
        s: &Sent,
        subject_end: usize,
        mentions: &[Mention],
        n: u32,
        map: &CharMap,
    ) -> Option<Speaker> {
        let toks = &s.tokens;
        let mut speaker = None;
        let mut a0 = subject_end - 1;
        while a0 > 0
            && subject_end - a0 < 16
            && !s.hay[toks[a0 - 1].end..toks[a0].start].contains(',')
        {
            a0 -= 1;
        }
        // "Kestrava’s foreign minister, Ilka Marten, said": an aside that names someone
        // is the name of the role before it, and the subject; the role alone never is.
        // A relative clause ("X, who appointed Y, said") never is, though it ends on a
        // name.
        let aside_is_name = !self.c.clause_words.contains(&toks[a0].norm)
            && (mentions
                .iter()
                .any(|m| m.start >= a0 && m.end == subject_end)
                // "Mrs. Amsel's son, Jonas Amsel, said": a full name the registry
                // does not know yet is the aside, and someone new.
                || unknown_names(s, self.c, self.registry, mentions)
                    .iter()
                    .any(|&(x, y)| x == a0 && y == subject_end));
        // A relative clause ("X, who met Y, said") is no name, whoever it names.
        let aside_names_someone = !self.c.clause_words.contains(&toks[a0].norm)
            && (self
                .here_unknown
                .is_some_and(|u| u >= a0 && u < subject_end)
                || mentions
                    .iter()
                    .any(|m| m.start >= a0 && m.end <= subject_end));
        if aside_is_name && a0 > 0 {
            speaker = self.resolve_phrase(s, a0, subject_end, mentions, n, map);
        } else if aside_names_someone && a0 > 0 {
            self.reason = Some(format!(
                "the aside “{}” names someone who is not one known person",
                &s.hay[toks[a0].start..toks[subject_end - 1].end]
            ));
        } else if a0 > 0
            && a0 < subject_end
            && s.hay[toks[a0 - 1].end..toks[a0].start].contains(',')
        {
            let mut end = a0;
            // The aside's opening comma stands right before `end`: start one word in.
            let mut start = self.clause_start(s, end - 1);
            // "Wilf Garrow, 80, a retired signalman, said": an age set off by commas
            // stands between the name and the aside.
            if start > 0
                && start < end
                && (start..end).all(|k| toks[k].numeric)
                && s.hay[toks[start - 1].end..toks[start].start].contains(',')
            {
                end = start;
                start = self.clause_start(s, end - 1);
            }
            // "Aurel Dascombe, Calvessa's Minister for Fisheries, who joined ...,
            // said": a role set off by commas after a name, before the relative
            // clause, is that person's; the name is the subject.
            let titles = s.titles(self.c);
            let named_before = (start > 0
                && start < end
                && s.hay[toks[start - 1].end..toks[start].start].contains(',')
                && !mentions.iter().any(|m| m.start >= start && m.start < end)
                && (start..end).any(|k| titles[k] || self.c.source_nouns.contains(&toks[k].norm)))
            .then(|| mentions.iter().find(|m| m.end == start))
            .flatten()
            .copied()
            .filter(|m| {
                !toks[m.end - 1].possessive
                    && (self.clause_start(s, m.start)..m.start).all(|k| {
                        titles[k]
                            || self.c.role_modifiers.contains(&toks[k].norm)
                            || self.c.honorifics.contains_key(toks[k].base(s.hay))
                    })
            });
            if let Some(m) = named_before {
                match m.person {
                    Some(pi) => speaker = Some(self.person_speaker(pi)),
                    None => {
                        self.reason = Some(format!(
                        "“{}” is a surname several people share and the text does not say whose",
                        toks[m.start].base(s.hay)
                    ))
                    }
                }
            } else if start < end {
                speaker = self.resolve_phrase(s, start, end, mentions, n, map);
            }
        }
        speaker
    }
}
