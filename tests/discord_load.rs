//! Load (issue 5): a burst of 1,000 `/ask` interactions through the loopback Discord of
//! `tests/support/` against the real `parley run` binary. Every interaction must be answered
//! exactly once (callbacks counted per interaction id: none missing, none twice, none refused),
//! and the end-to-end latency (dispatch by the fake -> callback received by the fake) is printed
//! as p50 / p99 / max.
//!
//! It runs in the normal `cargo test` (debug build), so it is bounded: the whole test, start-up
//! included, takes about 2 s after the build on the 2-core machine, and gives up after 20 s of
//! waiting for answers. The soak (50 a second for 10 minutes) is `tests/discord_soak.rs`, run by
//! `scripts/soak.sh`.

mod support;

use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::bot::{Bot, BotSpec};
use support::payloads::Actor;
use support::{FakeDiscord, Request};

const TOKEN: &str = "load.FAKE-token_Bq4.not-a-secret";
const STARTUP: Duration = Duration::from_secs(30);
/// Interactions in the burst.
const BURST: u64 = 1_000;
/// Distinct users in the burst: 4 questions each.
const USERS: u64 = 250;
/// How long the whole burst may take to be answered.
const ANSWERED_WITHIN: Duration = Duration::from_secs(20);

/// Matched intents, a follow-up-free mix, and declines (which also write the feedback log).
const QUESTIONS: &[&str] = &[
    "What did Vance say about territorial swaps?",
    "Who is Witkoff?",
    "What did Zelensky say?",
    "What is Ukraine's position on Crimea?",
    "What was proposed?",
    "summary",
    "nato?",
    "What is the weather in Paris?",
];

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_1000_interactions_is_answered_exactly_once_each() {
    let fake = FakeDiscord::start(TOKEN).await;
    // The cooldown stays at its default (5 questions in 30 s per user), so its bookkeeping is
    // part of what is measured; the burst is spread over 250 users asking 4 questions each, so
    // no one reaches it and every reply is an answer, not a cooldown notice (checked below).
    let bot = Bot::spawn(&fake, BotSpec::default().env("RUST_LOG", "warn"));
    let fail =
        |e: String| -> ! { panic!("{e}\n--- last lines of parley run ---\n{}", bot.tail(30)) };
    let gateway = fake
        .wait_for_route("GET /gateway", STARTUP)
        .await
        .unwrap_or_else(|e| fail(e));
    assert!(gateway.ok(), "GET /gateway failed: {}", gateway.summary());
    fake.wait_ready(None, STARTUP)
        .await
        .unwrap_or_else(|e| fail(e));
    fake.wait_for(|r| r.is("PUT /applications/*/commands") && r.ok(), STARTUP)
        .await
        .unwrap_or_else(|e| fail(e));

    let mut sent: HashMap<u64, Instant> = HashMap::with_capacity(BURST as usize);
    let burst_start = Instant::now();
    for i in 0..BURST {
        let question = QUESTIONS[i as usize % QUESTIONS.len()];
        let user = Actor::member_numbered(i % USERS);
        let at = Instant::now();
        let ix = fake.ask(question, &user).await.unwrap_or_else(|e| fail(e));
        sent.insert(ix.id, at);
    }
    let dispatch_time = burst_start.elapsed();
    let ids: BTreeSet<u64> = sent.keys().copied().collect();
    let answered = fake
        .requests()
        .wait_for_count(
            |r| r.interaction_id().is_some_and(|id| ids.contains(&id)) && r.ok(),
            BURST as usize,
            ANSWERED_WITHIN,
        )
        .await;
    let all_done = burst_start.elapsed();
    if let Err(seen) = &answered {
        let got: BTreeSet<u64> = seen.iter().filter_map(Request::interaction_id).collect();
        let missing: Vec<_> = ids.difference(&got).take(10).collect();
        fail(format!(
            "only {} of {BURST} interactions answered within {ANSWERED_WITHIN:?}; first missing: {missing:?}; recent:\n  {}",
            seen.len(),
            fake.recent(10)
        ));
    }
    // A second answer would come right after the first: give it time to show up.
    tokio::time::sleep(Duration::from_millis(1000)).await;

    let calls: Vec<Request> = fake
        .requests()
        .snapshot()
        .into_iter()
        .filter(|r| r.interaction_id().is_some_and(|id| ids.contains(&id)))
        .collect();
    let mut per_id: HashMap<u64, Vec<&Request>> = HashMap::new();
    for r in calls.iter().filter(|r| r.ok()) {
        per_id
            .entry(r.interaction_id().expect("filtered"))
            .or_default()
            .push(r);
    }
    let missing: Vec<u64> = ids
        .iter()
        .filter(|id| !per_id.contains_key(id))
        .copied()
        .collect();
    assert!(missing.is_empty(), "never answered: {missing:?}");
    let twice: Vec<(u64, usize)> = per_id
        .iter()
        .filter(|(_, v)| v.len() != 1)
        .map(|(id, v)| (*id, v.len()))
        .collect();
    assert!(twice.is_empty(), "answered more than once: {twice:?}");
    let refused: Vec<String> = calls
        .iter()
        .filter(|r| !r.ok())
        .map(|r| format!("{} {:?}", r.summary(), r.response))
        .collect();
    assert!(refused.is_empty(), "refused callbacks: {refused:#?}");

    // Every callback is a real answer: type 4, public, an embed, no cooldown notice, no mentions.
    for (id, reqs) in &per_id {
        let r = reqs[0];
        assert_eq!(
            r.callback_type(),
            Some(4),
            "{id}: expected a direct answer: {}",
            r.raw_body
        );
        let msg = r.message().expect("a message");
        let flags = msg.get("flags").and_then(Value::as_u64).unwrap_or(0);
        assert_eq!(flags & 64, 0, "{id}: ephemeral (a cooldown notice?): {msg}");
        assert_eq!(
            msg.pointer("/allowed_mentions/parse"),
            Some(&Value::Array(vec![])),
            "{id}: mentions allowed: {msg}"
        );
        assert!(
            msg.get("embeds")
                .and_then(Value::as_array)
                .is_some_and(|e| !e.is_empty()),
            "{id}: no embed: {msg}"
        );
    }

    let mut latencies: Vec<Duration> = per_id
        .iter()
        .map(|(id, reqs)| reqs[0].at.saturating_duration_since(sent[id]))
        .collect();
    latencies.sort();
    eprintln!(
        "burst of {BURST} /ask ({USERS} users, {} build): dispatched in {dispatch_time:.2?}, all answered after {all_done:.2?} \
         ({:.0}/s); end-to-end p50 {:.1?}, p99 {:.1?}, max {:.1?}",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        BURST as f64 / all_done.as_secs_f64(),
        percentile(&latencies, 50),
        percentile(&latencies, 99),
        latencies[latencies.len() - 1],
    );
    let output = bot.stop().await;
    assert!(!output.contains("panicked"), "the bot panicked:\n{output}");
}
