//! The Discord renderer and splitter on arbitrary text: `render_answer` (embeds and plain) on
//! the seed engine's answers and on answers assembled from fuzz text, `pack`, `trim_to` and
//! `defuse_mentions`. Checked: no panic; every message within Discord's limits (`within_limits`,
//! measured in UTF-8 bytes like the renderer); no `@everyone`, `@here` or `<@id>` in any rendered
//! text outside a link target; a quote short enough to fit is shown whole; `pack` keeps every
//! block, in order, in as few chunks of at most `max` as order allows; `trim_to` keeps to `max`.
//!
//! Input layout: byte 0 and 1 are controls (which parts run, how many quotes, how often each
//! piece repeats, the `pack` limit); the rest is split on NUL bytes into text pieces, each read
//! as lossy UTF-8.
#![no_main]

#[path = "seed.rs"]
mod seed;

use libfuzzer_sys::fuzz_target;
use parley::answer::{
    escape_markdown, with_marks, Answer, AnswerQuote, Citation, Context, Explanation, ReportKind,
};
use parley::discord::render::{
    defuse_mentions, measure, pack, render_answer, texts, trim_to, within_limits, OutMessage,
    MESSAGES_MAX, TRIM_NOTE,
};

/// Whether `s` holds something Discord would treat as a mention: `@everyone`, `@here`, or
/// `<@123>`, `<@!123>`, `<@&123>`.
fn has_mention(s: &str) -> bool {
    if s.contains("@everyone") || s.contains("@here") {
        return true;
    }
    s.match_indices("<@").any(|(i, _)| {
        let rest = &s.as_bytes()[i + 2..];
        let rest = match rest.first() {
            Some(b'!' | b'&') => &rest[1..],
            _ => rest,
        };
        rest.first().is_some_and(u8::is_ascii_digit)
    })
}

/// The renderer's checks on one answer, in one mode.
fn check_render(answer: &Answer, embeds: bool) {
    let msgs = render_answer(answer, embeds);
    assert!(!msgs.is_empty(), "no message at all");
    assert!(msgs.len() <= MESSAGES_MAX, "{} messages", msgs.len());
    // Link targets are shown as given (documented in `citation_field`); everything else must be
    // defused.
    let links: Vec<String> = answer
        .quotes
        .iter()
        .filter_map(|q| q.citation.url.as_deref())
        .map(|u| format!("<{u}>"))
        .collect();
    for m in &msgs {
        if let Err(e) = within_limits(m) {
            panic!("over a limit ({e}) in embeds={embeds}: {m:?}");
        }
        assert!(m.content.is_some() || !m.embeds.is_empty(), "empty message");
        if embeds {
            assert!(m.content.is_none(), "content in embed mode");
        } else {
            assert!(m.embeds.is_empty(), "embed in plain mode");
        }
        for t in texts(m) {
            let mut t = t.to_string();
            for l in &links {
                t = t.replace(l.as_str(), "");
            }
            assert!(
                !has_mention(&t),
                "a mention got through (embeds={embeds}): {t:?}"
            );
        }
        check_fields_with_their_quotes(m);
    }
    // A reply under the message cap is whole: every quote that fits is shown uncut.
    if msgs.len() < MESSAGES_MAX {
        let all = msgs
            .iter()
            .flat_map(|m: &OutMessage| texts(m))
            .collect::<Vec<_>>()
            .join("\n");
        for q in &answer.quotes {
            let shown = defuse_mentions(&escape_markdown(&q.citation.quote));
            if measure(&shown) < 700 {
                let marked = with_marks(&shown);
                assert!(
                    all.contains(&marked),
                    "quote cut or missing (embeds={embeds}): {marked:?}"
                );
            }
        }
    }
}

/// In an embed, each citation field "[n] …" sits with quote n's attribution "[n]".
fn check_fields_with_their_quotes(m: &OutMessage) {
    for e in &m.embeds {
        for f in &e.fields {
            let n = f
                .name
                .strip_prefix('[')
                .and_then(|r| r.split_once(']'))
                .map(|(n, _)| n)
                .expect("field name starts with [n]");
            assert!(
                e.description.contains(&format!("[{n}]")),
                "field [{n}] without its quote in the same embed"
            );
        }
    }
}

/// `trim_to`: text that fits is unchanged; otherwise a prefix of it plus `note`, within `max`
/// whenever `note` itself fits (else the note alone).
fn check_trim(text: &str, max: usize, note: &str) {
    let t = trim_to(text, max, note);
    if measure(text) <= max {
        assert_eq!(t, text, "text that fits was changed");
        return;
    }
    let kept = t.strip_suffix(note).expect("a cut ends with the note");
    assert!(text.starts_with(kept), "a cut keeps a prefix: {kept:?}");
    if measure(note) <= max {
        assert!(
            measure(&t) <= max,
            "trim_to({max}) gave {}: {t:?}",
            measure(&t)
        );
    } else {
        assert_eq!(t, note, "no room even for the note");
    }
}

/// `pack`: chunks within `max`; with non-empty blocks, the chunks joined by `sep` are the
/// blocks (each cut to `max` first) joined by `sep`, each chunk is whole blocks, and no chunk
/// could have taken the next block (as few chunks as order allows).
fn check_pack(blocks: &[String], sep: &str, max: usize) {
    let out = pack(blocks, sep, max);
    let fits_note = measure(TRIM_NOTE) <= max;
    for c in &out {
        assert!(!c.is_empty(), "empty chunk");
        if fits_note {
            assert!(measure(c) <= max, "chunk of {} over {max}", measure(c));
        }
    }
    if blocks.iter().any(String::is_empty) {
        return;
    }
    let cut: Vec<String> = blocks.iter().map(|b| trim_to(b, max, TRIM_NOTE)).collect();
    assert_eq!(out.join(sep), cut.join(sep), "text lost or changed");
    let mut k = 0;
    for (j, c) in out.iter().enumerate() {
        let mut acc = cut[k].clone();
        k += 1;
        while acc.len() < c.len() && k < cut.len() {
            acc.push_str(sep);
            acc.push_str(&cut[k]);
            k += 1;
        }
        assert_eq!(&acc, c, "chunk {j} is not whole blocks");
        if k < cut.len() {
            assert!(
                measure(c) + measure(sep) + measure(&cut[k]) > max,
                "chunk {j} had room for the next block"
            );
        }
    }
    assert_eq!(k, cut.len(), "blocks left over");
}

const KINDS: [ReportKind; 4] = [
    ReportKind::OwnWords,
    ReportKind::ReportedSpeech,
    ReportKind::UnnamedSource,
    ReportKind::ArticleText,
];

/// An answer assembled from fuzz pieces: question, lead, then `n_quotes` quotes of five pieces
/// each (quote, speaker, title, source, url), then suggestions. Quote texts and suggestions are
/// repeated `rep` times, so short inputs can still overflow embeds, messages and the cap.
fn assembled(pieces: &[String], n_quotes: usize, rep: usize, answered: bool) -> Answer {
    let get = |i: usize| pieces.get(i).cloned().unwrap_or_default();
    let mut quotes = Vec::new();
    let mut i = 2;
    for n in 0..n_quotes {
        if i >= pieces.len() {
            break;
        }
        let speaker = get(i + 1);
        let url = get(i + 4);
        quotes.push(AnswerQuote {
            report: KINDS[n % 4],
            speaker: (!speaker.is_empty()).then_some(speaker),
            citation: Citation {
                article: format!("a{n}"),
                title: get(i + 2),
                source: get(i + 3),
                published: format!("2025-0{}-1{}", 1 + n % 9, n % 10),
                paragraph: n as u32 + 1,
                quote: get(i).repeat(rep),
                url: (!url.is_empty()).then_some(url),
            },
        });
        i += 5;
    }
    let suggestions = pieces.iter().skip(i).map(|s| s.repeat(rep)).collect();
    Answer {
        question: get(0),
        intent: "said".into(),
        answered,
        lead: get(1),
        quotes,
        suggestions,
        context: Context::default(),
        explanation: Explanation::default(),
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let (ctl, rest) = (data[0], data[1]);
    let pieces: Vec<String> = data[2..]
        .split(|&b| b == 0)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .take(200)
        .collect();

    // (a) The seed engine's answer to the first piece (slow: only on half the inputs).
    if ctl & 1 == 1 {
        let a = seed::engine().ask(&pieces[0], None);
        check_render(&a, true);
        check_render(&a, false);
    }

    // (b) An answer made of fuzz text, so quotes, speakers, titles, sources and links are hostile.
    let n_quotes = usize::from((ctl >> 1) & 0x0f);
    let rep = 1 + usize::from(rest & 0x3f);
    let a = assembled(&pieces, n_quotes, rep, ctl & 0x20 != 0);
    check_render(&a, true);
    check_render(&a, false);

    // (c) The splitter and the cutter with limits small enough to bite.
    let max = usize::from(rest) * 4;
    let sep = if ctl & 0x40 != 0 { "\n" } else { "\n\n" };
    check_pack(&pieces, sep, max);
    for p in &pieces {
        check_trim(p, max, TRIM_NOTE);
        check_trim(p, max / 8, "…");
        check_trim(p, max, "");
        // Defusing is idempotent and leaves no mention.
        let d = defuse_mentions(p);
        assert_eq!(defuse_mentions(&d), d, "defuse is not idempotent");
        assert!(!has_mention(&d), "defuse let a mention through: {d:?}");
    }
});
