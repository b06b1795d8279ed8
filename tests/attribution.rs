//! Quote attribution measured on two labelled sets written apart, under
//! `tests/fixtures/attribution/`: `articles/` with `labels.toml` (six invented articles in six
//! house styles: wire, broadsheet with honorifics, tabloid, public broadcaster, live blog, a
//! capital's newspaper) and `articles2/` with `labels2.toml` (seven more, about other invented
//! people: wire, British broadsheet, magazine profile, live blog, translated statement, tabloid,
//! a second agency), and `articles3/` with `labels3.toml` (six more in house styles the first two
//! lack: a wire with long sentences, a newspaper feature, a live blog with timestamps, a magazine
//! interview, a translated statement, a parliamentary record), and `articles4/` with `labels4.toml`
//! (eight more, each in another house style: wire, broadsheet, tabloid, live blog, Q&A interview,
//! analysis column, regional paper, press release), and `articles5/` with `labels5.toml` (eight
//! more in house styles the first four lack: an American-style agency wire, an agency quoting its
//! own interviews, a radio web story, an opinion weekly, a village paper, a press conference, a
//! newsletter roundup, a translated interview), and `articles6/` with `labels6.toml` (eight more,
//! written apart from the builder: a British broadsheet, an American wire, a tabloid, a live blog,
//! a think-tank commentary, a local radio web story, a press release, a Q&A interview). Every
//! quotation is labelled with its speaker from the text, before the builder's output on it was
//! looked at.
//!
//! Precision is the right speaker among the quotes given one; recall is the quotes given a
//! speaker among those whose label names one. Both are printed by attribution pattern
//! (`cargo test --test attribution -- --nocapture`); the bars are precision 100% and recall 90%
//! on each set (last measured: 98.5%, 97.1%, 94.0%, 100.0%, 93.3%, 91.0% on the sixth and 91.1% on
//! the seventh, at precision 100%; the sixth and seventh were 80.9% and 85.7% before the eighth
//! round's rules, see EVALUATION.md; the fifth set started at precision 81.2%,
//! recall 72.2%; the sixth at precision 82.3%, recall 68.5%; the seventh at precision 80.0%,
//! recall 70.5%). `articles7/` with `labels7.toml` is the seventh set, written apart from the
//! builder: a fishing dispute in eight house styles (wire, broadsheet, tabloid with nicknames,
//! live blog, magazine profile, radio web story, ministry readout, parliamentary report).

use std::collections::BTreeMap;
use std::path::Path;

use parley::build::{build_dir, BuildOptions};
use parley::knowledge::{Knowledge, Quote, Speaker};
use parley::lexicon::Lexicon;
use serde::Deserialize;

const DIR: &str = "tests/fixtures/attribution";

#[derive(Deserialize)]
struct Labels {
    label: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    article: String,
    quote: String,
    speaker: String,
    pattern: String,
}

/// What a label or the builder says about one quote. A built body that speaks for a person
/// ("his office", the person "his" stands for) also carries the words of that person's roles.
#[derive(Debug, PartialEq)]
enum Who {
    Person(String),
    Body(String),
    BodyFor(String, String),
    Nobody,
}

fn expected(label: &str) -> Who {
    if label == "unattributed" {
        Who::Nobody
    } else if let Some(words) = label.strip_prefix("body: ") {
        // A relative clause the labeller added to say more ("one member of the delegation, who
        // asked not to be named") is no part of the body's name in the text.
        let name = words.split(", who").next().unwrap_or(words);
        // Nor is a note in brackets at its end ("an Ellanor official (unnamed)").
        let name = match name.rfind(" (") {
            Some(at) if name.ends_with(')') => &name[..at],
            _ => name,
        };
        Who::Body(plain(name))
    } else {
        Who::Person(label.to_string())
    }
}

/// Lowercase, with curly apostrophes straight: a label typed with "'" names the same body as
/// an article's "’".
fn plain(text: &str) -> String {
    text.to_lowercase().replace('\u{2019}', "'")
}

fn found(k: &Knowledge, q: &Quote) -> Who {
    match &q.speaker {
        Speaker::Person(id) => Who::Person(
            k.people
                .iter()
                .find(|p| &p.id == id)
                .expect("a quote's person is in people")
                .name
                .clone(),
        ),
        Speaker::Source(id) => {
            let src = k
                .sources
                .iter()
                .find(|s| &s.id == id)
                .expect("a quote's source is in sources");
            let description = plain(&src.description);
            let owner = src
                .on_behalf_of
                .as_ref()
                .and_then(|pid| k.people.iter().find(|p| &p.id == pid));
            match owner {
                Some(p) => {
                    let roles: Vec<String> =
                        p.roles.iter().map(|r| r.text.to_lowercase()).collect();
                    Who::BodyFor(description, roles.join(" "))
                }
                None => Who::Body(description),
            }
        }
        Speaker::Unattributed => Who::Nobody,
    }
}

/// True when the builder's speaker is the labelled one: the same person by full name, or a
/// body whose description holds the label's words, in their order. The label may leave out
/// words the description keeps ("a caller from Strand" for "a caller from the fishing town of
/// Strand"): a label shortens the description as written, it never adds to it.
fn right(want: &Who, got: &Who) -> bool {
    match (want, got) {
        (Who::Person(a), Who::Person(b)) => a == b,
        (Who::Body(words), Who::Body(description)) => {
            description.contains(words.as_str()) || in_order(words, description)
        }
        // "his office" (his: the Dornholm prime minister) for "the Dornholm prime minister's
        // office": the same head noun, and every other word of the label, the possessive's
        // "'s" aside, in the roles of the person the body speaks for.
        (Who::Body(words), Who::BodyFor(description, roles)) => {
            right(want, &Who::Body(description.clone())) || {
                let label: Vec<&str> = words.split_whitespace().collect();
                let role_words: Vec<&str> = roles.split_whitespace().collect();
                let owned = |w: &str| {
                    let w = w.trim_end_matches("'s").trim_end_matches("’s");
                    w == "the"
                        || role_words
                            .iter()
                            .any(|r| r.trim_end_matches("'s").trim_end_matches("’s") == w)
                };
                label.len() >= 2
                    && description.split_whitespace().last() == label.last().copied()
                    && label[..label.len() - 1].iter().all(|w| owned(w))
            }
        }
        (Who::Nobody, Who::Nobody) => true,
        _ => false,
    }
}

/// True when every word of `words` stands in `description`, in the same order, with the first
/// and last words of both the same (the description's head and its start are the label's).
fn in_order(words: &str, description: &str) -> bool {
    let want: Vec<&str> = words.split_whitespace().collect();
    let have: Vec<&str> = description.split_whitespace().collect();
    // "an Ellanor official" for "One Ellanor official": one unnamed person, either way.
    let one = |w: Option<&&str>| w.is_some_and(|w| matches!(*w, "a" | "an" | "one"));
    let same_start = want.first() == have.first() || one(want.first()) && one(have.first());
    if want.len() < 2 || !same_start || want.last() != have.last() {
        return false;
    }
    let mut rest = have.iter().skip(1);
    want.iter().skip(1).all(|w| rest.any(|h| h == w))
}

#[derive(Default)]
struct Tally {
    quotes: usize,
    with_speaker: usize,
    attributed: usize,
    attributed_with_speaker: usize,
    right: usize,
}

/// Builds `articles`, checks every label against it, prints precision and recall by pattern and
/// returns them (precision, recall, quotes with a speaker); panics on a misattributed quote.
fn measure(articles: &str, labels_file: &str) -> (f64, f64, usize) {
    let (precision, recall, with_speaker, wrong) = measure_all(articles, labels_file);
    assert!(wrong.is_empty(), "misattributed quotes: {wrong:#?}");
    (precision, recall, with_speaker)
}

/// As [`measure`], but the misattributed quotes are returned (and printed), not a panic: for a
/// set scored on arrival, whose wrong speakers are the measurement.
fn measure_all(articles: &str, labels_file: &str) -> (f64, f64, usize, Vec<String>) {
    let built = build_dir(
        &Path::new(DIR).join(articles),
        &Lexicon::builtin(),
        &BuildOptions::default(),
    )
    .expect("the labelled set builds");
    let k = built.knowledge;
    let text = std::fs::read_to_string(Path::new(DIR).join(labels_file)).expect("labels");
    let labels: Labels = toml::from_str(&text).expect("labels parse");

    let mut by_pattern: BTreeMap<String, Tally> = BTreeMap::new();
    let mut labelled = std::collections::HashSet::new();
    let mut wrong = Vec::new();
    let mut missed = Vec::new();
    for l in &labels.label {
        // A labeller may keep a short quotation's own marks ("“Tank”") to make it unique in
        // the article; the quote's text is what stands inside them.
        let text = l.quote.trim_matches(['“', '”', '"']);
        let text = text.trim_end_matches([',', '.']);
        // A labeller may also type a straight apostrophe where the article has a curly one.
        let text = &text.replace('’', "'");
        let mut matches: Vec<&Quote> = k
            .quotes
            .iter()
            .filter(|q| {
                q.id.starts_with(&format!("{}#", l.article))
                    && q.text.replace('’', "'").contains(text.as_str())
            })
            .collect();
        // A one-word label ("varsk") may also occur inside a longer quotation: the quote that is
        // exactly the label is the one meant.
        if matches.len() > 1 {
            matches.retain(|q| q.text.replace('’', "'").trim_end_matches(['.', ',']) == text);
        }
        // A quotation the builder did not find at all (one inside another it missed) is a
        // speaker not found: it counts against recall.
        if matches.is_empty() {
            let want = expected(&l.speaker);
            let t = by_pattern.entry(l.pattern.clone()).or_default();
            t.quotes += 1;
            if want != Who::Nobody {
                t.with_speaker += 1;
                missed.push(format!(
                    "{:?} ({}): not found as a quote",
                    l.quote, l.pattern
                ));
            }
            continue;
        }
        assert_eq!(
            matches.len(),
            1,
            "label {:?} in {} picks out {} quotes",
            l.quote,
            l.article,
            matches.len()
        );
        let q = matches[0];
        labelled.insert(q.id.clone());
        let want = expected(&l.speaker);
        let got = found(&k, q);
        let t = by_pattern.entry(l.pattern.clone()).or_default();
        let has_speaker = want != Who::Nobody;
        let attributed = got != Who::Nobody;
        t.quotes += 1;
        t.with_speaker += usize::from(has_speaker);
        t.attributed += usize::from(attributed);
        t.attributed_with_speaker += usize::from(attributed && has_speaker);
        if attributed && right(&want, &got) {
            t.right += 1;
        }
        if attributed && !right(&want, &got) {
            wrong.push(format!("{:?}: labelled {want:?}, built {got:?}", l.quote));
        }
        if !attributed && has_speaker {
            missed.push(format!(
                "{:?} ({}): labelled {want:?}, unattributed: {}",
                l.quote,
                l.pattern,
                q.reason.as_deref().unwrap_or("")
            ));
        }
        if !attributed {
            assert!(
                q.reason.as_deref().is_some_and(|r| !r.is_empty()),
                "unattributed quote {:?} records no reason",
                q.text
            );
        }
    }
    // A quotation inside another is labelled only in the sets written after the builder began
    // to give it apart ("quote inside a quote"); in the others it goes unscored.
    let nested = |q: &Quote| {
        k.quotes.iter().any(|o| {
            o.id != q.id
                && o.cite.article == q.cite.article
                && o.cite.paragraph == q.cite.paragraph
                && o.cite.start < q.cite.start
                && q.cite.end <= o.cite.end
        })
    };
    let unlabelled: Vec<&str> = k
        .quotes
        .iter()
        .filter(|q| !labelled.contains(&q.id) && !nested(q))
        .map(|q| q.text.as_str())
        .collect();
    assert!(
        unlabelled.is_empty(),
        "quotes with no label: {unlabelled:?}"
    );

    let mut total = Tally::default();
    println!("{articles} ({labels_file})");
    let names: Vec<&str> = k.people.iter().map(|p| p.name.as_str()).collect();
    println!("people: {}", names.join(", "));
    println!(
        "{:<26} {:>9} {:>10} {:>9}",
        "pattern", "precision", "recall", "quotes"
    );
    for (pattern, t) in &by_pattern {
        println!(
            "{:<26} {:>9} {:>10} {:>9}",
            pattern,
            format!("{}/{}", t.right, t.attributed),
            format!("{}/{}", t.attributed_with_speaker, t.with_speaker),
            t.quotes,
        );
        total.with_speaker += t.with_speaker;
        total.attributed += t.attributed;
        total.attributed_with_speaker += t.attributed_with_speaker;
        total.right += t.right;
    }
    let precision = total.right as f64 / total.attributed.max(1) as f64;
    let recall = total.attributed_with_speaker as f64 / total.with_speaker.max(1) as f64;
    println!(
        "{:<26} {:>9} {:>10}   precision {:.1}%, recall {:.1}%",
        "all",
        format!("{}/{}", total.right, total.attributed),
        format!("{}/{}", total.attributed_with_speaker, total.with_speaker),
        precision * 100.0,
        recall * 100.0
    );
    for m in &missed {
        println!("missed: {m}");
    }
    for w in &wrong {
        println!("wrong: {w}");
    }
    (precision, recall, total.with_speaker, wrong)
}

#[test]
fn attribution_is_precise_and_finds_nine_in_ten_speakers() {
    let (precision, recall, with_speaker) = measure("articles", "labels.toml");
    assert_eq!(precision, 1.0);
    assert!(recall >= 0.9, "recall {:.1}% is under 90%", recall * 100.0);
    assert!(with_speaker >= 50, "the labelled set is too small");
}

#[test]
fn attribution_is_precise_and_finds_nine_in_ten_speakers_on_the_second_set() {
    let (precision, recall, with_speaker) = measure("articles2", "labels2.toml");
    assert_eq!(precision, 1.0);
    assert!(recall >= 0.9, "recall {:.1}% is under 90%", recall * 100.0);
    assert!(with_speaker >= 60, "the labelled set is too small");
}

#[test]
fn attribution_is_precise_and_finds_nine_in_ten_speakers_on_the_third_set() {
    let (precision, recall, with_speaker) = measure("articles3", "labels3.toml");
    assert_eq!(precision, 1.0);
    assert!(recall >= 0.9, "recall {:.1}% is under 90%", recall * 100.0);
    assert!(with_speaker >= 60, "the labelled set is too small");
}

#[test]
fn attribution_is_precise_and_finds_nine_in_ten_speakers_on_the_fourth_set() {
    let (precision, recall, with_speaker) = measure("articles4", "labels4.toml");
    assert_eq!(precision, 1.0);
    assert!(recall >= 0.9, "recall {:.1}% is under 90%", recall * 100.0);
    assert!(with_speaker >= 50, "the labelled set is too small");
}

#[test]
fn attribution_is_precise_and_finds_nine_in_ten_speakers_on_the_fifth_set() {
    let (precision, recall, with_speaker) = measure("articles5", "labels5.toml");
    assert_eq!(precision, 1.0);
    assert!(recall >= 0.9, "recall {:.1}% is under 90%", recall * 100.0);
    assert!(with_speaker >= 80, "the labelled set is too small");
}

/// The sixth set, written apart from the builder: no wrong speaker, and recall over the issue's
/// 90% bar (91.0% when last measured, 80.9% the round before; 68.5% at precision 82.3% on
/// arrival). The floor is that measurement, so a change can raise it but not lose what it finds.
#[test]
fn attribution_is_precise_on_the_sixth_set_and_keeps_its_recall() {
    let (precision, recall, with_speaker) = measure("articles6", "labels6.toml");
    assert_eq!(precision, 1.0);
    assert!(
        recall >= 0.91,
        "recall {:.1}% fell under its floor of 91%",
        recall * 100.0
    );
    assert!(with_speaker >= 60, "the labelled set is too small");
}

/// The seventh set, written apart from the builder (eight house styles about a fishing dispute:
/// a wire, a broadsheet, a tabloid with nicknames, a live blog, a magazine profile, a radio web
/// story, a ministry readout and a parliamentary report): no wrong speaker; the recall floor is
/// the last measurement (91.1%, 85.7% the round before; 70.5% at precision 80.0% on arrival).
#[test]
fn attribution_is_precise_on_the_seventh_set() {
    let (precision, recall, with_speaker) = measure("articles7", "labels7.toml");
    assert_eq!(precision, 1.0);
    assert!(
        recall >= 0.91,
        "recall {:.1}% fell under its floor of 91%",
        recall * 100.0
    );
    assert!(with_speaker >= 80, "the labelled set is too small");
}

/// The eighth set, written apart from the builder (a river-dam dispute in eight house styles: a
/// wire in straight quotes, a British and a US paper, a tabloid, a live blog, a magazine profile,
/// a ministry readout, a radio web story), scored on arrival before any change made for it:
/// precision 91.1% and recall 76.0% at `2df1ba1`; 93.7% and 76.0% once the comparison read
/// curly and straight apostrophes alike and a labeller's added relative clause ("..., who asked
/// not to be named") as no part of a body's name; after the rules written for sets six and seven
/// (`attr8fix`), 92.5% and 76.9%; after `attr8p` (an unnamed caller set off by a relative
/// clause stops a pronoun, a time phrase after a name keeps the person, "the statement said"
/// speaks for its issuer), 97.5% and 76.0% (recall counts quotes given any speaker, so the quote
/// once given the wrong person and now given nobody left it). After `attr8r` (a surname that
/// stood alone for one person before a namesake was named stays theirs, a question's tag
/// standing as its own sentence, hearsay, a statement someone issued, a verb closing the
/// sentence, a group subject ending at its verb, a nickname in a dash aside, a given name alone
/// as the one full name the article writes with it), 100% and 87.5%: no wrong speaker, recall
/// still under the 90% bar. The floors are the last measurement, so a change can raise them but
/// not lose them.
#[test]
fn attribution_on_the_eighth_set_keeps_its_last_measurement() {
    let (precision, recall, with_speaker, wrong) = measure_all("articles8", "labels8.toml");
    assert!(
        precision >= 0.999,
        "precision {:.1}% fell under its floor: {wrong:#?}",
        precision * 100.0
    );
    assert!(
        recall >= 0.874,
        "recall {:.1}% fell under its floor",
        recall * 100.0
    );
    assert!(with_speaker >= 80, "the labelled set is too small");
}

/// The ninth set, written apart from the builder (a fishing-grounds dispute in eight house
/// styles: a wire in straight quotes, a British and a US paper, a tabloid with nicknames, a radio
/// web story with callers, a magazine profile, a live blog with posts, a ministry readout),
/// scored on arrival before any change made for it: precision 86.6% (71 of 82 speakers given),
/// recall 75.7% (81 of 107), once the comparison read a label's trailing comma or full stop as
/// no part of the quotation; after the rules written for set 8 (`attr8r`), 87.8% (72 of 82: a
/// first name alone is now the one person named in full with it) and 75.7%. After `attr9r`
/// (a nickname given in quotation marks is its person's and never a person of its own, a body
/// keeps the fuller name the article gave it, a term after "known ... as" and a nickname are
/// nobody's words, words read out or welcomed as someone's message or statement are theirs, a
/// verb inside a quotation hands no speaker on, an adverb of manner before the verb, a noun for
/// a relative beside a name tells that person's sex, a sentence inside the same quotation is no
/// sentence after it; and in this comparison a labeller's bracketed note and "a"/"an"/"one"
/// reading alike), 100% (85 of 85) and 79.4% (85 of 107): no wrong speaker, recall still under
/// the 90% bar. A bare title after an opening clause read as the sentence's subject ("Asked
/// what a fair share would look like, the deputy minister would not give a figure"): 80.4%.
/// The floors are the last measurement: a change can raise them but not lose them.
#[test]
fn attribution_on_the_ninth_set_keeps_its_last_measurement() {
    let (precision, recall, with_speaker, wrong) = measure_all("articles9", "labels9.toml");
    assert!(
        precision >= 0.999,
        "precision {:.1}% fell under its floor: {wrong:#?}",
        precision * 100.0
    );
    assert!(
        recall >= 0.803,
        "recall {:.1}% fell under its floor",
        recall * 100.0
    );
    assert!(with_speaker >= 80, "the labelled set is too small");
}

/// The tenth set, written apart from the builder (a railway-corridor dispute in eight house
/// styles: a wire in straight quotes, a British and a US paper, a tabloid with nicknames, a radio
/// story with a transcript and callers, a magazine profile, a live blog, an official signing
/// transcript), scored on arrival at `cfa27d0` before any change made for it: precision 87.4%
/// (83 of 95 speakers given), recall 63.6% (91 of 143); unchanged by the rules written for
/// set 9 (`attr9r`); then 87.8% (86 of 98) and 65.7% (94 of 143) once a possessive after "led
/// by" owned the role after it and capitalised pronouns ("Nobody") were no names. The floors are
/// the last measurement: a change can raise them but not lose them.
#[test]
fn attribution_on_the_tenth_set_keeps_its_last_measurement() {
    let (precision, recall, with_speaker, wrong) = measure_all("articles10", "labels10.toml");
    assert!(
        precision >= 0.892,
        "precision {:.1}% fell under its floor: {wrong:#?}",
        precision * 100.0
    );
    assert!(
        recall >= 0.750,
        "recall {:.1}% fell under its floor",
        recall * 100.0
    );
    assert!(with_speaker >= 80, "the labelled set is too small");
}

/// The eleventh set, written apart from the builder (a dam-release dispute in eight house
/// styles: a wire in straight quotes, a British and a US paper, a tabloid with nicknames, a radio
/// programme with a transcript and callers, a present-tense magazine profile, a live blog, a
/// ministry press-conference transcript), scored on arrival at `3911d84` before any change made
/// for it: precision 89.4% (118 of 132 speakers given), recall 71.0% (130 of 183; 31 of the
/// labels are speaker-tagged transcript turns, which the builder did not read as quotations).
/// Reading transcript turns ("PELL: ...", "MINISTER DORRIK: ...", "QUESTION (Name, Outlet): ...")
/// as their speaker's words took it to 91.1% and 84.8% (one turn the labels had left out, a
/// moderator's, labelled then). Unquoted nicknames read as their person's (twelfth session)
/// took precision to 93.7%. The floors are the last measurement: a change can raise them but
/// not lose them.
#[test]
fn attribution_on_the_eleventh_set_keeps_its_last_measurement() {
    let (precision, recall, with_speaker, wrong) = measure_all("articles11", "labels11.toml");
    assert!(
        precision >= 0.936,
        "precision {:.1}% fell under its floor: {wrong:#?}",
        precision * 100.0
    );
    assert!(
        recall >= 0.847,
        "recall {:.1}% fell under its floor",
        recall * 100.0
    );
    assert!(with_speaker >= 80, "the labelled set is too small");
}

/// The twelfth set, written apart from the builder (a mining-concession and border-road dispute
/// in eight house styles: a wire in straight quotes, a British and a US paper, a tabloid with
/// nicknames, a podcast transcript with a host and speaker tags, a present-tense magazine
/// profile, a live blog, a ministry statement), scored on arrival at `292b7f8` before any change
/// made for it: precision 88.1% (118 of 134 speakers given), recall 75.9% (132 of 174).
/// Unquoted nicknames read as their person's took it to 90.8% and 79.9%; a capitalised
/// contraction no longer a person ("I've told him") left a quote unattributed that it had
/// taken (91.4%, 79.3%). "The Accord" no longer a person, and a bare title after an opening
/// clause ("Asked whether ..., the Special Envoy said") read as the sentence's subject: 92.3%,
/// 81.0%. The floors are the
/// last measurement: a change can raise them but not lose them.
#[test]
fn attribution_on_the_twelfth_set_keeps_its_last_measurement() {
    let (precision, recall, with_speaker, wrong) = measure_all("articles12", "labels12.toml");
    assert!(
        precision >= 0.922,
        "precision {:.1}% fell under its floor: {wrong:#?}",
        precision * 100.0
    );
    assert!(
        recall >= 0.810,
        "recall {:.1}% fell under its floor",
        recall * 100.0
    );
    assert!(with_speaker >= 80, "the labelled set is too small");
}

/// The thirteenth set, written apart from the builder (an archive-restitution negotiation in eight
/// house styles: a wire in straight quotes, a British and a US paper, a tabloid with nicknames, a
/// radio transcript with speaker tags and callers, a present-tense magazine profile, a live blog,
/// an official statement), scored on arrival at `77d12c5` before any change made for it:
/// precision 87.8% (108 of 123 speakers given), recall 76.6% (121 of 158). Unquoted nicknames
/// read as their person's took it to 90.8% and 81.0%; programme parts in transcript tags ("HOST:"
/// as the presenter the intro names, "CALLER AGNETA (ORLEN):" as Agneta) to 95.0% and 87.3%. The floors are the last measurement: a
/// change can raise them but not lose them.
#[test]
fn attribution_on_the_thirteenth_set_keeps_its_last_measurement() {
    let (precision, recall, with_speaker, wrong) = measure_all("articles13", "labels13.toml");
    assert!(
        precision >= 0.949,
        "precision {:.1}% fell under its floor: {wrong:#?}",
        precision * 100.0
    );
    assert!(
        recall >= 0.873,
        "recall {:.1}% fell under its floor",
        recall * 100.0
    );
    assert!(with_speaker >= 80, "the labelled set is too small");
}
