//! The bot with serenity's rate limiter ON, as in production, against the fake Discord's TLS mode
//! (`tests/support/tls.rs`): the adapter runs in-process through `parley::discord::run_with`
//! with a prebuilt serenity `Http` whose reqwest client resolves `discord.com` to the fake.
//! A 429 from the interaction callback must be waited out (for exactly the `retry-after` it
//! names) and the reply sent again, once.

mod support;

use std::time::Duration;

use parley::config::BotConfig;
use parley::discord::{run_with, Launch};
use serde_json::Value;
use support::payloads::Actor;
use support::{FakeDiscord, FakeOptions, Fault};

const TOKEN: &str = "ratelimit.FAKE-token_Lm3.not-a-secret";
const WAIT: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_on_the_reply_is_waited_out_and_the_reply_arrives_once() {
    let fake = FakeDiscord::start_with(FakeOptions {
        token: TOKEN.into(),
        tls: true,
        ..FakeOptions::default()
    })
    .await;
    let tls = fake.tls.clone().expect("TLS endpoint");
    let dir = tempfile::tempdir().expect("temp dir");
    let knowledge = support::bot::knowledge_file();
    let toml = format!(
        "knowledge = {:?}\nfeedback_log = {:?}\nreload_watch = false\n",
        knowledge.display().to_string(),
        dir.path().join("feedback.jsonl").display().to_string(),
    );
    let config =
        BotConfig::from_toml_str(&toml, |k| (k == "DISCORD_TOKEN").then(|| TOKEN.to_string()))
            .expect("settings");
    let launch = Launch {
        http: Some(support::tls::serenity_http(TOKEN, &tls)),
        ..Launch::default()
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let bot = tokio::spawn(run_with(config, launch, async move {
        let _ = stopped.await;
    }));

    // Everything went over TLS: the plain listener has the gateway only.
    let gateway = fake
        .wait_for_route("GET /gateway", WAIT)
        .await
        .expect("GET /gateway over TLS");
    assert!(gateway.ok(), "{}", gateway.summary());
    fake.wait_ready(None, WAIT)
        .await
        .expect("the bot connected");

    let retry_after = 0.5;
    fake.fault(
        "POST /interactions/*/*/callback",
        1,
        Fault::TooManyRequests {
            retry_after,
            global: false,
        },
    );
    let ix = fake
        .ask(
            "What did Vance say about territorial swaps?",
            &Actor::member(),
        )
        .await
        .expect("dispatch");
    let answer = fake
        .wait_answer(&ix, WAIT)
        .await
        .expect("the reply arrived after the 429");

    let tries: Vec<_> = fake
        .requests()
        .snapshot()
        .into_iter()
        .filter(|r| r.interaction_id() == Some(ix.id))
        .collect();
    let statuses: Vec<u16> = tries.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        vec![429, 204],
        "one 429, then one accepted reply: {tries:#?}"
    );
    let waited = tries[1].at - tries[0].at;
    assert!(
        waited >= Duration::from_secs_f64(retry_after) - Duration::from_millis(20),
        "retried after {waited:?}, before the retry-after of {retry_after} s"
    );
    assert!(
        waited < Duration::from_secs(3),
        "retried after {waited:?}: past Discord's deadline"
    );
    assert_eq!(
        tries[0].body, tries[1].body,
        "the retry sends the same reply"
    );
    let am = answer
        .message()
        .and_then(|m| m.get("allowed_mentions"))
        .cloned();
    assert_eq!(
        am.as_ref().and_then(|a| a.get("parse")),
        Some(&Value::Array(vec![])),
        "allowed mentions must be empty even without the HTTP client's default: {am:?}"
    );

    // A storm: three 429s in a row (one of them global). Still one reply, inside the deadline.
    fake.fault(
        "POST /interactions/*/*/callback",
        2,
        Fault::TooManyRequests {
            retry_after: 0.3,
            global: false,
        },
    );
    fake.fault(
        "POST /interactions/*/*/callback",
        1,
        Fault::TooManyRequests {
            retry_after: 0.3,
            global: true,
        },
    );
    let ix = fake
        .ask("Who is Vance?", &Actor::member_numbered(7))
        .await
        .expect("dispatch");
    fake.wait_answer(&ix, WAIT)
        .await
        .expect("the reply arrived after three 429s");
    let statuses: Vec<u16> = fake
        .requests()
        .snapshot()
        .iter()
        .filter(|r| r.interaction_id() == Some(ix.id))
        .map(|r| r.status)
        .collect();
    assert_eq!(
        statuses,
        vec![429, 429, 429, 204],
        "three 429s, then one accepted reply"
    );

    // A 500 on the reply: serenity does not retry it; the bot must not answer twice either.
    fake.fault("POST /interactions/*/*/callback", 1, Fault::ServerError);
    let ix = fake
        .ask("Who is Witkoff?", &Actor::moderator())
        .await
        .expect("dispatch");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after_500: Vec<_> = fake
        .requests()
        .snapshot()
        .into_iter()
        .filter(|r| r.interaction_id() == Some(ix.id))
        .collect();
    let accepted = after_500.iter().filter(|r| r.ok()).count();
    assert_eq!(
        accepted, 1,
        "after a 500 the user gets exactly one reply (an apology will do): {after_500:#?}"
    );
    assert!(
        after_500.iter().all(|r| r.refusal.is_none()),
        "refused answers after a 500: {after_500:#?}"
    );
    eprintln!(
        "after a 500 the bot sent: {:?}",
        after_500.iter().map(|r| r.summary()).collect::<Vec<_>>()
    );

    let _ = stop.send(());
    let ended = tokio::time::timeout(WAIT, bot)
        .await
        .expect("the bot stops")
        .expect("bot task");
    assert!(ended.is_ok(), "run_with ended with {ended:?}");
}
