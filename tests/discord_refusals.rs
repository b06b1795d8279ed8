//! Discord refusing the bot for good (issue 15, part 2), against the fake Discord: HTTP 401 on
//! `GET /gateway/bot`, and the gateway closed after Identify with 4004, 4010, 4011, 4012, 4013 or
//! 4014. Each time the real `parley run` binary must stop by itself, with a non-zero exit and the
//! message for that refusal, after exactly one attempt: one Identify at most, no reconnection.
//! The fake queues each refusal for one Identify only, so a bot that retried would connect on
//! its second try and keep running, and the test would fail waiting for it to exit.

mod support;

use std::time::Duration;

use support::bot::{Bot, BotSpec};
use support::{FakeDiscord, Fault, GatewayRecord};

const TOKEN: &str = "refusals.FAKE-token_Kt5.not-a-secret";
/// Well formed, but not the token the fake accepts.
const OTHER_TOKEN: &str = "refusals.OTHER-token_Zr9.not-a-secret";
/// Start-up (loading the knowledge) plus the refusal; generous for a busy machine.
const EXIT: Duration = Duration::from_secs(40);

/// Runs `parley run` until it exits by itself (failing the test if it does not within [`EXIT`])
/// and checks what every refusal shares: a failure exit, the message parts in `must_say`, no
/// token in the output, no panic. Returns the output.
async fn run_until_refused(
    fake: &FakeDiscord,
    spec: BotSpec,
    case: &str,
    must_say: &[&str],
) -> String {
    let mut bot = Bot::spawn(fake, spec);
    let Some(status) = bot.wait_exit(EXIT).await else {
        let out = bot.stop().await;
        panic!(
            "{case}: `parley run` kept running (retrying?) instead of stopping.\n--- REST ---\n{}\n--- output ---\n{out}",
            fake.recent(10)
        );
    };
    let out = bot.output();
    assert!(
        !status.success(),
        "{case}: exit status {status}, want a failure:\n{out}"
    );
    let last = out
        .lines()
        .rev()
        .find(|l| l.starts_with("[err] error:"))
        .unwrap_or_else(|| panic!("{case}: no final error line:\n{out}"));
    for part in must_say {
        assert!(
            last.contains(part),
            "{case}: the error should say {part:?}:\n{last}"
        );
    }
    for token in [TOKEN, OTHER_TOKEN] {
        assert!(
            !out.contains(token),
            "{case}: the output holds a token:\n{out}"
        );
    }
    assert!(!out.contains("panicked"), "{case}: a panic:\n{out}");
    out
}

fn connections(fake: &FakeDiscord) -> usize {
    fake.gateway()
        .snapshot()
        .iter()
        .filter(|g| matches!(g, GatewayRecord::Connected { .. }))
        .count()
}

const RESET: [&str; 3] = ["Reset Token", "Bot page", "developer portal"];

#[tokio::test]
async fn a_token_discord_answers_401_for_stops_before_the_gateway() {
    // A well-formed token Discord does not know: its 401 is the fake's own answer.
    let fake = FakeDiscord::start(TOKEN).await;
    let out = run_until_refused(
        &fake,
        BotSpec::default().env("DISCORD_TOKEN", OTHER_TOKEN),
        "wrong token",
        &[RESET[0], RESET[1], RESET[2], "401", "DISCORD_TOKEN"],
    )
    .await;
    let requests = fake.requests().snapshot();
    assert_eq!(
        requests
            .iter()
            .map(|r| r.route().to_string())
            .collect::<Vec<_>>(),
        vec!["/gateway/bot".to_string()],
        "one request, refused, and nothing after it:\n{out}"
    );
    assert_eq!(requests[0].status, 401);
    assert_eq!(connections(&fake), 0, "no gateway connection after a 401");

    // The right token, but Discord answers 401 anyway (it was reset a moment ago).
    let fake = FakeDiscord::start(TOKEN).await;
    fake.fault("GET /gateway/bot", 1, Fault::Unauthorized);
    run_until_refused(&fake, BotSpec::default(), "reset token", &RESET).await;
    assert_eq!(fake.requests().len(), 1, "{}", fake.recent(5));
    assert_eq!(connections(&fake), 0);
}

/// The gateway refuses the first Identify with `code`; the bot must stop, saying `must_say`.
async fn refused_identify(code: u16, must_say: &[&str]) {
    let fake = FakeDiscord::start(TOKEN).await;
    fake.reject_next_identify(code);
    let case = format!("close {code}");
    let out = run_until_refused(&fake, BotSpec::default(), &case, must_say).await;
    assert_eq!(
        fake.identifies().len(),
        1,
        "{case}: identified again:\n{out}"
    );
    assert_eq!(connections(&fake), 1, "{case}: reconnected:\n{out}");
    let closed = fake.gateway().snapshot().iter().any(
        |g| matches!(g, GatewayRecord::ToBot { t: Some(t), .. } if *t == format!("CLOSE {code}")),
    );
    assert!(closed, "{case}: the fake did not close with {code}");
}

#[tokio::test]
async fn gateway_close_4004_says_to_reset_the_token() {
    refused_identify(4004, &["4004", RESET[0], RESET[1], RESET[2]]).await;
}

#[tokio::test]
async fn gateway_close_4010_names_the_shard_options() {
    refused_identify(4010, &["4010", "invalid shard", "--total-shards"]).await;
}

#[tokio::test]
async fn gateway_close_4011_says_to_shard() {
    refused_identify(4011, &["4011", "sharding required", "--total-shards"]).await;
}

#[tokio::test]
async fn gateway_close_4012_says_to_update() {
    refused_identify(4012, &["4012", "invalid API version", "Update Parley"]).await;
}

#[tokio::test]
async fn gateway_close_4013_names_the_intents_asked_for() {
    refused_identify(
        4013,
        &[
            "4013",
            "invalid intents",
            "Guilds, Guild Messages, Direct Messages",
        ],
    )
    .await;
}

#[tokio::test]
async fn gateway_close_4014_says_which_privileged_intent_to_switch() {
    // Parley asks for no privileged intent, so the message says none needs switching on, and
    // names the switches on the Bot page.
    refused_identify(
        4014,
        &[
            "4014",
            "disallowed intents",
            "no privileged intent",
            "Message Content Intent",
            "Privileged Gateway Intents",
        ],
    )
    .await;
}
