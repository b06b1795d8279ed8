//! Parley against its peer: the same sentences indexed by tantivy (BM25), queried with the same
//! questions, in the same run. Reports per-answer median and p99 for both and their ratio, at the
//! seed and at 100 / 1,000 / 10,000 synthetic articles, then draws `docs/bench.svg`: answer
//! latency and build time against corpus size.
//!
//! `cargo bench --features peer --bench peer` (`PARLEY_BENCH_SIZES=100,1000` to pick sizes).
//! tantivy only retrieves the top three sentences; Parley also matches the intent, ranks facts
//! and composes a cited reply, so the ratio flatters tantivy slightly.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use parley::knowledge::Knowledge;
use plotters::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Schema, TEXT};
use tantivy::{doc, Index, IndexReader, Searcher};

mod common;
use common::{us, Corpus, Percentiles};

// The same allocator as the `parley` binary, so the figures are the shipped ones.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One size's figures, for the printed table and the chart.
struct Row {
    label: String,
    articles: usize,
    sentences: usize,
    build: Option<Duration>,
    load: Duration,
    parley: Percentiles,
    tantivy: Percentiles,
}

struct Peer {
    index: Index,
    reader: IndexReader,
    parser: QueryParser,
}

impl Peer {
    fn new(k: &Knowledge) -> (Peer, usize) {
        let mut sb = Schema::builder();
        let text = sb.add_text_field("text", TEXT);
        let index = Index::create_in_ram(sb.build());
        let mut writer: tantivy::IndexWriter = index.writer(100_000_000).expect("writer");
        let mut count = 0;
        for a in &k.articles {
            for p in &a.paragraphs {
                for s in &p.sentences {
                    let sentence =
                        parley::engine::cited_chars(&p.text, s.start as usize, s.end as usize)
                            .unwrap_or("");
                    writer.add_document(doc!(text => sentence)).expect("add");
                    count += 1;
                }
            }
        }
        writer.commit().expect("commit");
        let reader = index.reader().expect("reader");
        let parser = QueryParser::for_index(&index, vec![text]);
        (
            Peer {
                index,
                reader,
                parser,
            },
            count,
        )
    }

    fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// What a search box does: parse leniently, take the top three sentences by BM25.
    fn query(&self, searcher: &Searcher, q: &str) -> usize {
        let (query, _errors) = self.parser.parse_query_lenient(q);
        searcher
            .search(&query, &TopDocs::with_limit(3))
            .expect("search")
            .len()
    }
}

fn measure(
    c: &mut Criterion,
    label: &str,
    knowledge: Knowledge,
    json: &str,
    questions: &[String],
    build: Option<Duration>,
) -> Row {
    let articles = knowledge.articles.len();
    let (peer, sentences) = Peer::new(&knowledge);
    let _ = &peer.index;
    let searcher = peer.searcher();
    let engine = common::engine(knowledge);
    // The bot's start: the snapshot `parley build` writes beside the JSON, read into an engine.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("knowledge.json");
    std::fs::write(&path, json).expect("knowledge file written");
    parley::snapshot::write(&engine, &path).expect("snapshot written");
    let mut loads: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            black_box(
                parley::snapshot::load(&path, parley::EngineSettings::default())
                    .expect("the snapshot loads"),
            );
            t.elapsed()
        })
        .collect();
    loads.sort_unstable();
    let rounds = if articles >= 10_000 { 5 } else { 50 };
    let parley = common::percentiles(questions, rounds, |q| {
        black_box(engine.ask(q, None));
    });
    let tantivy = common::percentiles(questions, rounds, |q| {
        black_box(peer.query(&searcher, q));
    });
    eprintln!(
        "{label}: parley median {:.1} µs p99 {:.1} µs | tantivy median {:.1} µs p99 {:.1} µs | ratio (parley/tantivy) median {:.2} p99 {:.2}",
        us(parley.p50),
        us(parley.p99),
        us(tantivy.p50),
        us(tantivy.p99),
        parley.p50.as_secs_f64() / tantivy.p50.as_secs_f64(),
        parley.p99.as_secs_f64() / tantivy.p99.as_secs_f64(),
    );
    let mut g = c.benchmark_group(format!("peer_{label}"));
    g.sample_size(if articles >= 10_000 { 10 } else { 30 })
        .measurement_time(Duration::from_secs(3));
    g.bench_function("parley_ask", |b| {
        let mut i = 0;
        b.iter(|| {
            i += 1;
            black_box(engine.ask(black_box(&questions[i % questions.len()]), None))
        })
    });
    g.bench_function("tantivy_query", |b| {
        let mut i = 0;
        b.iter(|| {
            i += 1;
            black_box(peer.query(&searcher, black_box(&questions[i % questions.len()])))
        })
    });
    g.finish();
    Row {
        label: label.to_string(),
        articles,
        sentences,
        build,
        load: loads[loads.len() / 2],
        parley,
        tantivy,
    }
}

fn peer(c: &mut Criterion) {
    let mut rows = Vec::new();
    let json = common::seed_json();
    let k = Knowledge::from_json(&json, Path::new("knowledge.json")).expect("seed knowledge");
    rows.push(measure(
        c,
        "seed",
        k,
        &json,
        &common::seed_questions(),
        None,
    ));
    let questions = parley::corpus::questions(1);
    for n in common::sizes() {
        let corpus = Corpus::new(n);
        let Corpus {
            json,
            knowledge,
            build,
            ..
        } = corpus;
        rows.push(measure(
            c,
            &n.to_string(),
            knowledge,
            &json,
            &questions,
            Some(build),
        ));
    }
    eprintln!("\n| corpus | articles | sentences | build | start (snapshot) | Parley p50 / p99 | tantivy p50 / p99 | ratio p50 / p99 |");
    eprintln!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        eprintln!(
            "| {} | {} | {} | {} | {:.1} ms | {:.1} / {:.1} µs | {:.1} / {:.1} µs | {:.2} / {:.2} |",
            r.label,
            r.articles,
            r.sentences,
            r.build
                .map_or("-".into(), |b| format!("{:.2} s", b.as_secs_f64())),
            r.load.as_secs_f64() * 1e3,
            us(r.parley.p50),
            us(r.parley.p99),
            us(r.tantivy.p50),
            us(r.tantivy.p99),
            r.parley.p50.as_secs_f64() / r.tantivy.p50.as_secs_f64(),
            r.parley.p99.as_secs_f64() / r.tantivy.p99.as_secs_f64(),
        );
    }
    let out = common::root().join("docs/bench.svg");
    match chart(&rows, &out) {
        Ok(()) => eprintln!("\nwrote {}", out.display()),
        Err(e) => eprintln!("\ncould not draw {}: {e}", out.display()),
    }
}

/// Two panels, log-log: answer latency (Parley and tantivy, median and p99) and build and start
/// time, against the number of articles.
fn chart(rows: &[Row], out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let sized: Vec<&Row> = rows.iter().filter(|r| r.build.is_some()).collect();
    if sized.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(out.parent().expect("docs/"))?;
    let root = SVGBackend::new(out, (1100, 460)).into_drawing_area();
    root.fill(&WHITE)?;
    let (left, right) = root.split_horizontally(550);
    let xs = |r: &Row| r.articles as f64;
    let x_max = sized.iter().map(|r| xs(r)).fold(1.0, f64::max) * 2.0;
    let x_min = sized.iter().map(|r| xs(r)).fold(f64::MAX, f64::min) / 2.0;

    let lat = |f: &dyn Fn(&Row) -> Duration| -> Vec<(f64, f64)> {
        sized.iter().map(|r| (xs(r), us(f(r)).max(0.1))).collect()
    };
    let series = [
        ("Parley median", lat(&|r| r.parley.p50), BLUE),
        ("Parley p99", lat(&|r| r.parley.p99), CYAN),
        ("tantivy median", lat(&|r| r.tantivy.p50), RED),
        ("tantivy p99", lat(&|r| r.tantivy.p99), MAGENTA),
    ];
    let y_max = series
        .iter()
        .flat_map(|s| s.1.iter().map(|p| p.1))
        .fold(1.0, f64::max)
        * 3.0;
    let y_min = series
        .iter()
        .flat_map(|s| s.1.iter().map(|p| p.1))
        .fold(f64::MAX, f64::min)
        / 3.0;
    let mut ch = ChartBuilder::on(&left)
        .caption("Answer latency per question", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d((x_min..x_max).log_scale(), (y_min..y_max).log_scale())?;
    ch.configure_mesh()
        .x_desc("articles")
        .y_desc("µs")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    for (name, pts, color) in series {
        ch.draw_series(LineSeries::new(pts.clone(), color.stroke_width(2)))?
            .label(name)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], color));
        ch.draw_series(pts.iter().map(|&p| Circle::new(p, 3, color.filled())))?;
    }
    ch.configure_series_labels()
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperLeft)
        .draw()?;

    let build: Vec<(f64, f64)> = sized
        .iter()
        .map(|r| (xs(r), r.build.expect("sized").as_secs_f64() * 1e3))
        .collect();
    let load: Vec<(f64, f64)> = sized
        .iter()
        .map(|r| (xs(r), (r.load.as_secs_f64() * 1e3).max(0.01)))
        .collect();
    let y_max = build.iter().chain(&load).map(|p| p.1).fold(1.0, f64::max) * 3.0;
    let y_min = build
        .iter()
        .chain(&load)
        .map(|p| p.1)
        .fold(f64::MAX, f64::min)
        / 3.0;
    let mut ch = ChartBuilder::on(&right)
        .caption("Build and start time", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d((x_min..x_max).log_scale(), (y_min..y_max).log_scale())?;
    ch.configure_mesh()
        .x_desc("articles")
        .y_desc("ms")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    for (name, pts, color) in [
        ("parley build", build, GREEN),
        ("start from snapshot", load, BLACK),
    ] {
        ch.draw_series(LineSeries::new(pts.clone(), color.stroke_width(2)))?
            .label(name)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], color));
        ch.draw_series(pts.iter().map(|&p| Circle::new(p, 3, color.filled())))?;
    }
    ch.configure_series_labels()
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperLeft)
        .draw()?;
    root.present()?;
    Ok(())
}

criterion_group!(benches, peer);
criterion_main!(benches);
