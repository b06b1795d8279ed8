//! Articles as they arrive (issue 14): plain-text files in `parley build`, `parley add` of saved
//! pages, links and `.txt` files, every bad input refused with the folder left as it was, and
//! the same report found across outlets.
//!
//! Links are served by a small HTTP server on 127.0.0.1 that each test starts for itself.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use parley::build::{build_dir, BuildOptions};
use parley::intake::add::{add, Fallbacks};
use parley::intake::IntakeError;
use parley::knowledge::DATE_UNKNOWN;
use parley::lexicon::Lexicon;
use parley::{Engine, EngineSettings, Knowledge};

mod question_sets;

const PAGES: &str = "tests/fixtures/pages";

fn build(dir: &Path) -> Knowledge {
    build_dir(dir, &Lexicon::builtin(), &BuildOptions::default())
        .expect("builds")
        .knowledge
}

// ---------------------------------------------------------------------------------------------
// The seed as it came: a plain-text file.

/// Lowercase, straight quotes, hyphens for dashes, single spaces: the external sets' rule.
fn fold(s: &str) -> String {
    s.to_lowercase()
        .replace(['“', '”'], "\"")
        .replace(['‘', '’'], "'")
        .replace(['–', '—'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Passes on the repository's seed set (answer among the first three citations' paragraphs).
fn score_toml(engine: &Engine) -> usize {
    question_sets::load("tests/questions/seed.toml")
        .iter()
        .filter(|case| {
            let a = engine.ask(&case.ask, None);
            if case.expect == "decline" {
                !a.answered
            } else {
                a.answered
                    && a.citations().take(3).any(|c| {
                        c.article == case.article && case.paragraphs.contains(&c.paragraph)
                    })
            }
        })
        .count()
}

/// Passes on the external seed set (tests/fixtures/seed/questions.jsonl, copied from the
/// shared eval folder), scored by its README's rule.
fn score_jsonl(engine: &Engine) -> usize {
    let text = std::fs::read_to_string("tests/fixtures/seed/questions.jsonl").unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let a = engine.ask(v["q"].as_str().unwrap(), None);
            if v["kind"] == "decline" {
                return !a.answered;
            }
            let evidence: Vec<String> = v["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| fold(e.as_str().unwrap()))
                .collect();
            a.answered
                && a.citations()
                    .take(3)
                    .any(|c| evidence.iter().any(|e| fold(&c.quote).contains(e)))
        })
        .count()
}

#[test]
fn the_seed_as_plain_text_answers_like_its_markdown_copy() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/seed/london-talks-2025-04-23.txt",
        dir.path().join("london-talks-2025-04-23.txt"),
    )
    .unwrap();
    let from_txt = build(dir.path());
    let from_md = build(Path::new("knowledge/articles"));
    let (t, m) = (&from_txt.articles[0], &from_md.articles[0]);
    assert_eq!(t.id, m.id);
    assert_eq!(t.title, m.title);
    assert_eq!(t.tag, m.tag);
    assert_eq!(t.published, DATE_UNKNOWN, "no date in the name: undated");
    let paras = |a: &parley::knowledge::ArticleEntry| {
        a.paragraphs
            .iter()
            .map(|p| (p.section.clone(), p.text.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        paras(t),
        paras(m),
        "same paragraphs under the same subheadings"
    );
    // No event of the undated copy carries a date worked out from a guessed publication day.
    for e in &from_txt.events {
        if let Some(d) = &e.date {
            assert!(e.when_text.contains(d.get(..4).unwrap()), "{e:?}");
        }
    }
    assert!(from_txt
        .events
        .iter()
        .any(|e| e.when_text.contains("Wednesday") && e.date.is_none()));

    let txt = Engine::new(from_txt, EngineSettings::default());
    let md = Engine::new(from_md, EngineSettings::default());
    let (toml_txt, toml_md) = (score_toml(&txt), score_toml(&md));
    let (jsonl_txt, jsonl_md) = (score_jsonl(&txt), score_jsonl(&md));
    println!(
        "seed.toml: txt {toml_txt}, md {toml_md}; questions.jsonl: txt {jsonl_txt}, md {jsonl_md}"
    );
    assert!(
        toml_txt + 1 >= toml_md,
        "seed.toml: {toml_txt} vs {toml_md}"
    );
    assert!(
        jsonl_txt + 1 >= jsonl_md,
        "questions.jsonl: {jsonl_txt} vs {jsonl_md}"
    );

    // Replies say the date is unknown instead of making one up.
    let a = txt.ask("Who is Steve Witkoff?", None);
    assert!(a.answered);
    let reply = a.to_markdown();
    assert!(reply.contains(DATE_UNKNOWN), "{reply}");
    assert!(!reply.contains("2025-04"), "{reply}");
}

#[test]
fn plain_text_dates_come_from_the_name_or_a_dateline_or_nowhere() {
    let k = build(Path::new("tests/fixtures/plain"));
    let by_id: BTreeMap<&str, &parley::knowledge::ArticleEntry> =
        k.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let dated = by_id["2026-04-10-kessan-second-day"];
    assert_eq!(dated.published, "2026-04-10");
    assert_eq!(dated.tag.as_deref(), Some("World"));
    assert_eq!(
        dated.paragraphs[3].section.as_deref(),
        Some("Votes and vetoes")
    );
    assert_eq!(dated.paragraphs.len(), 6);
    let wire = by_id["dateline-wire"];
    assert_eq!(wire.published, "2026-04-14");
    assert_eq!(wire.source, "Marches Wire");
    let undated = by_id["kessan-talks-undated"];
    assert_eq!(undated.published, DATE_UNKNOWN);
    // In the dated article "on Thursday" is a day; in the undated one "on Saturday" is only
    // words, and "in 2026" keeps its year.
    let event = |article: &str, words: &str| {
        k.events
            .iter()
            .find(|e| e.cite.article == article && e.when_text.contains(words))
            .unwrap_or_else(|| panic!("no event {words:?} in {article}"))
    };
    assert_eq!(
        event("2026-04-10-kessan-second-day", "Thursday")
            .date
            .as_deref(),
        Some("2026-04-09")
    );
    assert_eq!(event("kessan-talks-undated", "Saturday").date, None);
    assert_eq!(
        event("kessan-talks-undated", "2026").date.as_deref(),
        Some("2026")
    );
    assert!(k.validate().is_empty());
}

#[test]
fn the_same_wire_report_is_found_across_outlets() {
    let k = build(Path::new("tests/fixtures/syndicated"));
    let gazette = k
        .articles
        .iter()
        .find(|a| a.id == "2026-04-15-gazette-gates")
        .unwrap();
    let same: Vec<(&str, &Vec<String>)> = gazette
        .paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .filter(|s| !s.same_report.is_empty())
        .map(|s| (s.id.as_str(), &s.same_report))
        .collect();
    // Paragraphs 1-3 and 5 are the wire copy (1 lightly edited); 4 is the Gazette's own.
    let paras: Vec<&str> = same
        .iter()
        .map(|(id, _)| id.split('#').nth(1).unwrap())
        .collect();
    assert_eq!(paras, ["p1s1", "p2s1", "p3s1", "p5s1"], "{same:?}");
    for (_, others) in &same {
        assert!(others
            .iter()
            .all(|o| o.starts_with("2026-04-15-ledger-gates#")));
    }
    // Both directions, and the JSON keeps it.
    let ledger_marked = k
        .articles
        .iter()
        .find(|a| a.id == "2026-04-15-ledger-gates")
        .unwrap()
        .paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .filter(|s| !s.same_report.is_empty())
        .count();
    assert_eq!(ledger_marked, 4);
    let back = Knowledge::from_json(&k.to_json(), Path::new("k.json")).unwrap();
    assert_eq!(back, k);
    assert!(k.to_json().contains("\"same_report\""));
    // An article alone has nothing to share: the field stays out of its JSON.
    let lone = build(Path::new("knowledge/articles"));
    assert!(!lone.to_json().contains("same_report"));
}

#[test]
fn a_formula_many_articles_repeat_is_not_one_report() {
    let texts: Vec<(String, String)> = (0..40)
        .map(|i| {
            let text = format!(
                "+++\ntitle = \"Day {i}\"\nsource = \"Outlet {i}\"\npublished = \"2026-01-{:02}\"\n+++\n\n\
                 The delegations will meet again next week in the capital, officials said on the day. \
                 Item {i} of the series covered a matter {} that no other article in the set covers.\n",
                i % 28 + 1,
                "quite different ".repeat(i % 5 + 1) + &format!("{i}")
            );
            (format!("a{i:02}"), text)
        })
        .collect();
    let inputs: Vec<(String, &str, &[u8])> = texts
        .iter()
        .map(|(id, t)| (format!("{id}.md"), id.as_str(), t.as_bytes()))
        .collect();
    let refs: Vec<(&str, &str, &[u8])> = inputs
        .iter()
        .map(|(f, i, b)| (f.as_str(), *i, *b))
        .collect();
    let marked = |n: usize| {
        let k =
            parley::build::build_from(&refs[..n], &Lexicon::builtin(), &BuildOptions::default())
                .unwrap()
                .knowledge;
        k.articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .flat_map(|p| &p.sentences)
            .filter(|s| !s.same_report.is_empty())
            .count()
    };
    assert_eq!(
        marked(2),
        2,
        "two outlets: the shared sentence is one report"
    );
    assert_eq!(marked(40), 0, "forty articles: a formula, not a report");
}

// ---------------------------------------------------------------------------------------------
// `parley add`.

/// Every file under a folder with its bytes: to show a failed add changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            out.insert(e.path(), std::fs::read(e.path()).unwrap());
        }
    }
    out
}

fn add_one(
    input: &str,
    dir: &Path,
    flags: &Fallbacks,
    timeout: Duration,
) -> Result<parley::intake::add::Added, Vec<IntakeError>> {
    add(
        &[input.to_string()],
        dir,
        flags,
        timeout,
        &Lexicon::builtin(),
    )
    .map(|mut v| v.remove(0))
}

/// Adds `input` into a folder holding one article already, expecting a failure whose message
/// contains `expect`, and checks the folder is byte for byte as before.
fn refused(input: &str, expect: &str, timeout: Duration) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/plain/dateline-wire.txt",
        dir.path().join("dateline-wire.txt"),
    )
    .unwrap();
    let before = snapshot(dir.path());
    let errors = add_one(input, dir.path(), &Fallbacks::default(), timeout)
        .expect_err(&format!("{input} must be refused"));
    let message = errors
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        message.contains(expect),
        "{input}: {message:?} lacks {expect:?}"
    );
    assert_eq!(snapshot(dir.path()), before, "{input}: the folder changed");
}

/// The body paragraphs of the Gazette page, in order, as the page shows them.
const GAZETTE_BODY: [&str; 8] = [
    "Negotiators from Valdoria and Orthenia met in Kessan on Wednesday for the first time since the Tessel valley ceasefire, as the council’s special envoy Oren Falkmoor tabled his plan for a joint commission to run the Greywater dam.",
    "The two delegations sat across a single table in the old town hall for nearly six hours, according to two officials who took part, and agreed to meet again on Friday to go through the plan clause by clause.",
    "Falkmoor told reporters afterwards that the talks had been “serious and unsentimental”, and that neither side had walked out. “We are not there yet, but we are finally talking about the same dam,” he said.",
    "Under the plan, engineers from both countries and from the council would share control of the dam’s sluice gates for five years, with any dispute over water releases going to a panel of three judges.",
    "Orthenian Deputy Prime Minister Katrin Vey said her government would study the plan but wanted written guarantees that the commission could not be used to reopen the question of the valley’s borders.",
    "“A commission for water is welcome. A commission for maps is not,” Vey said in a statement released in Brask late on Wednesday.",
    "Valdorian Foreign Minister Ilsa Marvane said the gates should be reopened before any commission was set up, arguing that farmers downstream could not wait another planting season for a deal.",
    "The ceasefire, now in its second week, has largely held, although council monitors reported two exchanges of fire near the northern end of the valley on Monday night.",
];

/// Text of the page that is not the story: navigation, ads, banner, byline, caption, boxes,
/// related links, comments, footer.
const BOILERPLATE: [&str; 12] = [
    "cookies",
    "Advertisement",
    "spring break",
    "Mira Solt",
    "Share on Pulse",
    "Delegations arrive",
    "Sign up",
    "Read more",
    "Related stories",
    "Finally some progress",
    "Most read",
    "All rights reserved",
];

fn check_gazette_article(markdown: &str) {
    assert!(markdown.starts_with("+++\ntitle = \"Dam talks resume in Kessan as envoy tables joint commission\"\nsource = \"Lower Marches Gazette\"\npublished = \"2026-04-08\"\n"), "{markdown}");
    let body = markdown.rsplit("+++\n").next().unwrap();
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty() && !b.starts_with("## "))
        .collect();
    assert_eq!(paragraphs, GAZETTE_BODY);
    assert!(body.contains("\n## Orthenia wants guarantees\n\nOrthenian Deputy"));
    for junk in BOILERPLATE {
        assert!(!markdown.contains(junk), "{junk:?} leaked into the article");
    }
}

#[test]
fn a_saved_page_becomes_a_markdown_article() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("{PAGES}/gazette-dam-talks.html");
    let added = add_one(
        &page,
        dir.path(),
        &Fallbacks::default(),
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(
        added.path,
        dir.path()
            .join("lower-marches-gazette-2026-04-08-dam-talks-resume-in-kessan-as.md")
    );
    assert!(added.warnings.is_empty(), "{:?}", added.warnings);
    let markdown = std::fs::read_to_string(&added.path).unwrap();
    check_gazette_article(&markdown);
    assert!(markdown
        .contains("url = \"https://gazette.example/world/2026/04/08/dam-talks-resume-kessan\""));
    // The builder reads it back.
    let k = build(dir.path());
    assert_eq!(k.articles[0].paragraphs.len(), GAZETTE_BODY.len());
    // Adding it again is no change; other text under that name is never overwritten.
    let again = add_one(
        &page,
        dir.path(),
        &Fallbacks::default(),
        Duration::from_secs(5),
    )
    .unwrap();
    assert!(again.unchanged);
    std::fs::write(&added.path, markdown.replace("six hours", "seven hours")).unwrap();
    let before = snapshot(dir.path());
    let e = add_one(
        &page,
        dir.path(),
        &Fallbacks::default(),
        Duration::from_secs(5),
    )
    .unwrap_err();
    assert!(
        e[0].to_string()
            .contains("already exists with different text"),
        "{}",
        e[0]
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_page_without_a_date_is_added_undated_with_a_warning_unless_published_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("{PAGES}/undated-briefing.html");
    let added = add_one(
        &page,
        dir.path(),
        &Fallbacks::default(),
        Duration::from_secs(5),
    )
    .unwrap();
    assert!(
        added
            .warnings
            .iter()
            .any(|w| w.contains("no publication date found")),
        "{:?}",
        added.warnings
    );
    let markdown = std::fs::read_to_string(&added.path).unwrap();
    assert!(markdown.contains("published = \"unknown\""), "{markdown}");
    assert!(markdown.contains("source = \"Marches Explained\""));
    let k = build(dir.path());
    assert_eq!(k.articles[0].published, DATE_UNKNOWN);

    let dated = tempfile::tempdir().unwrap();
    let flags = Fallbacks {
        published: chrono::NaiveDate::from_ymd_opt(2026, 4, 2),
        source: Some("Ignored Because The Page Names One".into()),
        ..Fallbacks::default()
    };
    let added = add_one(&page, dated.path(), &flags, Duration::from_secs(5)).unwrap();
    assert!(added.warnings.is_empty());
    let markdown = std::fs::read_to_string(&added.path).unwrap();
    assert!(markdown.contains("published = \"2026-04-02\""));
    assert!(markdown.contains("source = \"Marches Explained\""));
}

#[test]
fn plain_text_is_added_and_a_copy_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let first = add_one(
        "tests/fixtures/syndicated/2026-04-15-gazette-gates.txt",
        dir.path(),
        &Fallbacks::default(),
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(first.path, dir.path().join("2026-04-15-gazette-gates.md"));
    assert!(first.warnings.is_empty(), "{:?}", first.warnings);
    let markdown = std::fs::read_to_string(&first.path).unwrap();
    assert!(markdown.contains("source = \"Marches Wire\"\npublished = \"2026-04-15\""));
    assert!(markdown.trim_end().ends_with("\n\nWorld"));
    let copy = add_one(
        "tests/fixtures/syndicated/2026-04-15-ledger-gates.txt",
        dir.path(),
        &Fallbacks::default(),
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(
        copy.warnings,
        ["tests/fixtures/syndicated/2026-04-15-ledger-gates.txt: mostly a copy: 80% of its sentences match 2026-04-15-gazette-gates (4 of 5); the builder records them as the same report"]
    );
    // An unrelated article raises no such warning.
    let other = add_one(
        "tests/fixtures/plain/kessan-talks-undated.txt",
        dir.path(),
        &Fallbacks {
            source: Some("Kessan Courier".into()),
            ..Fallbacks::default()
        },
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(other.warnings.len(), 1, "{:?}", other.warnings);
    assert!(other.warnings[0].contains("no publication date found"));
    assert!(std::fs::read_to_string(&other.path)
        .unwrap()
        .contains("source = \"Kessan Courier\""));
}

#[test]
fn bad_files_are_refused_and_change_nothing() {
    let t = Duration::from_secs(5);
    refused(&format!("{PAGES}/index.html"), "no article text found", t);
    refused(&format!("{PAGES}/paywall.html"), "no article text found", t);
    refused(&format!("{PAGES}/not-a-page.html"), "not an HTML page", t);
    refused(
        &format!("{PAGES}/latin1-no-charset.html"),
        "not UTF-8 text (first bad byte at offset 37) and no charset declared",
        t,
    );
    refused(&format!("{PAGES}/missing.html"), "could not read it", t);
    refused("notes.docx", "not a link", t);
    // The folder has `dateline-wire.txt`: its Markdown copy would repeat the id.
    refused(
        "tests/fixtures/plain/dateline-wire.txt",
        "would give the id \"dateline-wire\", which",
        t,
    );
    let big = tempfile::tempdir().unwrap();
    let path = big.path().join("big.html");
    let mut bytes = b"<!DOCTYPE html><html><body>".to_vec();
    bytes.resize(2 * 1024 * 1024 + 1, b'a');
    std::fs::write(&path, bytes).unwrap();
    refused(
        path.to_str().unwrap(),
        "over the size limit of 2097152 bytes",
        t,
    );
}

// ---------------------------------------------------------------------------------------------
// Links, served on 127.0.0.1.

/// A news site on 127.0.0.1 for the link tests; the runtime lives on its own thread, so the
/// blocking client in the test thread never runs inside it.
fn serve() -> String {
    use axum::http::{header, StatusCode};
    use axum::response::{IntoResponse, Redirect};
    use axum::routing::get;
    let page = |name: &'static str| std::fs::read(format!("{PAGES}/{name}")).unwrap();
    let html = |bytes: Vec<u8>| ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes);
    let (gazette, index, latin1) = (
        page("gazette-dam-talks.html"),
        page("index.html"),
        page("latin1-no-charset.html"),
    );
    let app = axum::Router::new()
        .route(
            "/world/dam-talks",
            get(move || async move { html(gazette) }),
        )
        .route("/world", get(move || async move { html(index) }))
        .route(
            "/latin1",
            get(move || async move { ([(header::CONTENT_TYPE, "text/html")], latin1) }),
        )
        .route(
            "/report.pdf",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "application/pdf")],
                    b"%PDF-1.7".to_vec(),
                )
            }),
        )
        .route(
            "/huge",
            get(move || async move { html(vec![b'a'; 2 * 1024 * 1024 + 10]) }),
        )
        .route("/loop-a", get(|| async { Redirect::temporary("/loop-b") }))
        .route("/loop-b", get(|| async { Redirect::temporary("/loop-a") }))
        .route(
            "/hop/:n",
            get(
                |axum::extract::Path(n): axum::extract::Path<u32>| async move {
                    Redirect::temporary(&format!("/hop/{}", n + 1))
                },
            ),
        )
        .route(
            "/moved",
            get(|| async { Redirect::permanent("/world/dam-talks") }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                "late"
            }),
        )
        .fallback(|| async { (StatusCode::NOT_FOUND, "no such page").into_response() });
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    format!("http://{}", rx.recv().unwrap())
}

#[test]
fn a_link_gives_the_same_article_as_the_saved_page() {
    let site = serve();
    let saved = tempfile::tempdir().unwrap();
    let fetched = tempfile::tempdir().unwrap();
    let t = Duration::from_secs(10);
    let a = add_one(
        &format!("{PAGES}/gazette-dam-talks.html"),
        saved.path(),
        &Fallbacks::default(),
        t,
    )
    .unwrap();
    let link = format!("{site}/moved");
    let b = add_one(&link, fetched.path(), &Fallbacks::default(), t).unwrap();
    assert_eq!(a.path.file_name(), b.path.file_name());
    let from_file = std::fs::read_to_string(&a.path).unwrap();
    let from_link = std::fs::read_to_string(&b.path).unwrap();
    check_gazette_article(&from_link);
    // The link goes in `url`; otherwise the two files are the same.
    assert!(from_link.contains(&format!("url = \"{link}\"")));
    let without_url = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("url = "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_url(&from_file), without_url(&from_link));
}

#[test]
fn bad_links_are_refused_and_change_nothing() {
    let site = serve();
    let t = Duration::from_secs(10);
    refused(&format!("{site}/world"), "no article text found", t);
    refused(
        &format!("{site}/report.pdf"),
        "not an HTML page (Content-Type: application/pdf)",
        t,
    );
    refused(&format!("{site}/latin1"), "not UTF-8 text", t);
    refused(&format!("{site}/huge"), "over the size limit", t);
    refused(&format!("{site}/loop-a"), "redirect loop (back to", t);
    refused(&format!("{site}/hop/1"), "more than 5 redirects", t);
    refused(
        &format!("{site}/gone"),
        "the server answered HTTP 404 Not Found",
        t,
    );
    refused(
        &format!("{site}/slow"),
        "timed out after 1 s",
        Duration::from_secs(1),
    );
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    refused(
        &format!("http://127.0.0.1:{port}/story"),
        "could not reach the host",
        t,
    );
    // One bad source among good ones: none is written.
    let dir = tempfile::tempdir().unwrap();
    let inputs = [
        format!("{PAGES}/gazette-dam-talks.html"),
        format!("{site}/gone"),
    ];
    let errors = add(
        &inputs,
        dir.path(),
        &Fallbacks::default(),
        t,
        &Lexicon::builtin(),
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(snapshot(dir.path()).is_empty());
}

#[test]
fn parley_add_prints_the_path_and_build_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    let out = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(["add", "--articles"])
        .arg(&articles)
        .arg(format!("{PAGES}/gazette-dam-talks.html"))
        .arg("tests/fixtures/plain/kessan-talks-undated.txt")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].ends_with("lower-marches-gazette-2026-04-08-dam-talks-resume-in-kessan-as.md"));
    assert!(lines[1].ends_with("kessan-talks-undated.md"));
    assert!(
        stderr.contains(
            "warning: tests/fixtures/plain/kessan-talks-undated.txt: no publication date found"
        ),
        "{stderr}"
    );
    let knowledge = dir.path().join("knowledge.json");
    let built = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(["build", "--articles"])
        .arg(&articles)
        .arg("--out")
        .arg(&knowledge)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    // A bad source: exit code 1, its error, nothing new in the folder.
    let before = snapshot(&articles);
    let bad = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(["add", "--articles"])
        .arg(&articles)
        .arg(format!("{PAGES}/paywall.html"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("error: tests/fixtures/pages/paywall.html: no article text found"),
        "{stderr}"
    );
    assert!(bad.stdout.is_empty());
    assert_eq!(snapshot(&articles), before);
}
