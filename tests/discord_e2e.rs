//! End to end: the real `parley run` binary (serenity + poise) against the fake Discord of
//! `tests/support/`, as an independent checker would run it: `DISCORD_TOKEN` and
//! `PARLEY_API_BASE` in the environment, no internet, no real token. Every assertion is about the
//! JSON that reached the fake; every wait has a timeout, and a failure prints the recent requests
//! and the bot's last log lines.
//!
//! The in-process tests (429 with serenity's rate limiter on, through the TLS mode) are in
//! `tests/discord_ratelimit.rs`; sharding across two processes is in `tests/discord_shards.rs`.

mod support;

use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::bot::{Bot, BotSpec};
use support::payloads::{self, Actor};
use support::{FakeDiscord, GatewayRecord, Request};

/// The token the fake accepts and the bot is given: distinctive, so a leak is easy to find.
const TOKEN: &str = "e2e.FAKE-token_7QwX9.not-a-secret";
/// Start-up (knowledge load, gateway, command registration) of a debug build.
const STARTUP: Duration = Duration::from_secs(30);
/// One answer.
const ANSWER: Duration = Duration::from_secs(10);

/// The seed article, whose sentences answers must quote verbatim.
fn seed_article() -> String {
    std::fs::read_to_string(
        support::bot::repo_root().join("knowledge/articles/london-talks-2025-04-23.md"),
    )
    .expect("seed article")
}

/// A fake Discord and a `parley run` connected to it.
struct Running {
    fake: FakeDiscord,
    bot: Bot,
}

impl Running {
    /// Starts the fake and the bot and waits until the bot is connected and has registered its
    /// commands.
    async fn start(spec: BotSpec) -> Self {
        let fake = FakeDiscord::start(TOKEN).await;
        let bot = Bot::spawn(&fake, spec);
        let running = Self { fake, bot };
        // If this call fails, serenity silently falls back to the real Discord gateway: stop here.
        let gateway = running.fake.wait_for_route("GET /gateway", STARTUP).await;
        let gateway = running.ok(gateway);
        assert!(
            gateway.ok(),
            "GET /gateway failed: {} {:?}",
            gateway.summary(),
            gateway.response
        );
        let ready = running.fake.wait_ready(None, STARTUP).await;
        running.ok(ready);
        let registered = running
            .fake
            .wait_for(
                |r| {
                    r.is("PUT /applications/*/commands")
                        || r.is("PUT /applications/*/guilds/*/commands")
                },
                STARTUP,
            )
            .await;
        let registered = running.ok(registered);
        assert!(
            registered.ok(),
            "registration refused: {}",
            registered.summary()
        );
        running
    }

    /// Unwraps a fake result, or panics with the bot's recent output.
    fn ok<T>(&self, r: Result<T, String>) -> T {
        r.unwrap_or_else(|e| {
            panic!(
                "{e}\n--- last lines of parley run ---\n{}",
                self.bot.tail(40)
            )
        })
    }

    /// `/ask question` as `actor`, and the message that answers it.
    async fn ask(&self, question: &str, actor: &Actor) -> Request {
        let ix = self.ok(self.fake.ask(question, actor).await);
        let answer = self.fake.wait_answer(&ix, ANSWER).await;
        self.ok(answer)
    }
}

/// All the text of a message payload: content, embed titles, descriptions, fields, footers.
fn message_text(msg: &Value) -> String {
    let mut out = Vec::new();
    let mut push = |v: Option<&Value>| {
        if let Some(s) = v.and_then(Value::as_str) {
            out.push(s.to_string());
        }
    };
    push(msg.get("content"));
    for e in msg
        .get("embeds")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        push(e.get("title"));
        push(e.get("description"));
        push(e.pointer("/author/name"));
        for f in e
            .get("fields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            push(f.get("name"));
            push(f.get("value"));
        }
        push(e.pointer("/footer/text"));
    }
    out.join("\n")
}

/// Markdown escapes undone (`\*` -> `*`), so quoted text can be compared with the article.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Asserts that a message payload can ping no one: `allowed_mentions` present, `parse` empty,
/// no user or role lists, no reply ping.
fn assert_no_mentions(req: &Request) {
    let msg = req
        .message()
        .unwrap_or_else(|| panic!("no message in {}", req.summary()));
    let Some(am) = msg.get("allowed_mentions") else {
        panic!(
            "{}: no allowed_mentions, so Discord's defaults would ping: {msg}",
            req.summary()
        );
    };
    assert_eq!(
        am.get("parse"),
        Some(&Value::Array(vec![])),
        "{}: allowed_mentions {am}",
        req.summary()
    );
    for key in ["users", "roles"] {
        let n = am.get(key).and_then(Value::as_array).map_or(0, Vec::len);
        assert_eq!(
            n,
            0,
            "{}: allowed_mentions.{key} lists ids: {am}",
            req.summary()
        );
    }
    assert_ne!(
        am.get("replied_user"),
        Some(&Value::Bool(true)),
        "{}: reply pings its author",
        req.summary()
    );
}

/// The passages a reply quotes: block-quote lines (`> “…”`) with their quotation marks taken off.
fn quoted_passages(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("> "))
        .filter_map(|l| l.strip_prefix('“').and_then(|l| l.strip_suffix('”')))
        .map(str::to_string)
        .collect()
}

fn is_ephemeral(msg: &Value) -> bool {
    msg.get("flags")
        .and_then(Value::as_u64)
        .is_some_and(|f| f & 64 != 0)
}

// ----- 1. commands -----

fn option<'a>(command: &'a Value, name: &str) -> &'a Value {
    command["options"]
        .as_array()
        .and_then(|o| o.iter().find(|o| o["name"] == name))
        .unwrap_or_else(|| panic!("/{} has no option {name}: {command}", command["name"]))
}

fn check_registered(list: &[Value]) {
    let names: BTreeSet<&str> = list.iter().filter_map(|c| c["name"].as_str()).collect();
    let want: BTreeSet<&str> = [
        "ask",
        "summary",
        "who",
        "quotes",
        "positions",
        "timeline",
        "sources",
        "help",
        "reload",
    ]
    .into();
    assert_eq!(names, want, "registered commands");
    let by_name: HashMap<&str, &Value> = list
        .iter()
        .map(|c| (c["name"].as_str().unwrap_or(""), c))
        .collect();
    for c in list {
        assert!(
            c["description"].as_str().is_some_and(|d| !d.is_empty()),
            "/{} has no description",
            c["name"]
        );
        for o in c["options"].as_array().into_iter().flatten() {
            assert!(
                o["description"].as_str().is_some_and(|d| !d.is_empty()),
                "/{} {} has no description",
                c["name"],
                o["name"]
            );
        }
    }
    let ask = by_name["ask"];
    let question = option(ask, "question");
    assert_eq!(
        (question["type"].as_u64(), question["required"].as_bool()),
        (Some(3), Some(true)),
        "ask.question: {question}"
    );
    let private = option(ask, "private");
    assert_eq!(
        private["type"].as_u64(),
        Some(5),
        "ask.private is a boolean: {private}"
    );
    assert_ne!(
        private["required"].as_bool(),
        Some(true),
        "ask.private is optional"
    );
    for (command, opt) in [
        ("who", "person"),
        ("quotes", "speaker"),
        ("quotes", "topic"),
        ("positions", "party"),
        ("positions", "topic"),
        ("summary", "topic"),
    ] {
        let o = option(by_name[command], opt);
        assert_eq!(
            o["autocomplete"].as_bool(),
            Some(true),
            "/{command} {opt} must offer autocomplete: {o}"
        );
    }
    assert_eq!(
        option(by_name["who"], "person")["required"].as_bool(),
        Some(true),
        "/who person is required"
    );
    assert!(
        option(ask, "question")["autocomplete"].as_bool() != Some(true),
        "a free-text question must not autocomplete"
    );
}

#[tokio::test]
async fn commands_are_registered_globally_with_options_and_autocomplete() {
    let run = Running::start(BotSpec::default()).await;
    let put = run.ok(run
        .fake
        .wait_for_route("PUT /applications/*/commands", ANSWER)
        .await);
    assert_eq!(
        put.route(),
        format!("/applications/{}/commands", payloads::APP_ID)
    );
    assert_eq!(
        put.header("authorization"),
        Some(format!("Bot {TOKEN}").as_str())
    );
    check_registered(
        put.body
            .as_ref()
            .and_then(Value::as_array)
            .expect("an array of commands"),
    );
    assert!(put.ok(), "{}", put.summary());
    run.bot.stop().await;
}

#[tokio::test]
async fn commands_are_registered_in_the_configured_guild() {
    let guild = payloads::GUILD_ID.to_string();
    let run = Running::start(BotSpec::default().env("PARLEY_GUILD_ID", &guild)).await;
    let put = run.ok(run
        .fake
        .wait_for_route("PUT /applications/*/guilds/*/commands", ANSWER)
        .await);
    assert_eq!(
        put.route(),
        format!("/applications/{}/guilds/{guild}/commands", payloads::APP_ID)
    );
    check_registered(
        put.body
            .as_ref()
            .and_then(Value::as_array)
            .expect("an array of commands"),
    );
    let global = run
        .fake
        .requests()
        .snapshot()
        .into_iter()
        .filter(|r| r.is("PUT /applications/*/commands"))
        .count();
    assert_eq!(global, 0, "with a guild id, nothing is registered globally");
    run.bot.stop().await;
}

// ----- 2, 3. /ask -----

#[tokio::test]
async fn ask_is_answered_with_a_verbatim_cited_quote_in_an_embed() {
    let run = Running::start(BotSpec::default()).await;
    let answer = run
        .ask(
            "What did Vance say about territorial swaps?",
            &Actor::member(),
        )
        .await;
    assert_no_mentions(&answer);
    let msg = answer.message().expect("a message").clone();
    assert!(
        !is_ephemeral(&msg),
        "a public question gets a public answer: {msg}"
    );
    let embeds = msg["embeds"].as_array().map_or(0, Vec::len);
    assert!(embeds >= 1, "the answer is an embed: {msg}");
    let text = unescape(&message_text(&msg));
    let article = seed_article();
    let quote = "There’s going to have to be some territorial swaps";
    assert!(article.contains(quote), "the seed article changed");
    assert!(
        text.contains(quote),
        "the answer does not quote Vance on territorial swaps verbatim:\n{text}"
    );
    let title = "US Secy of State skips key London meet";
    let passages = quoted_passages(&text);
    assert!(
        !passages.is_empty(),
        "no block quote in the answer:\n{text}"
    );
    for p in &passages {
        assert!(
            article.contains(p.as_str()),
            "quoted but not verbatim in the article: {p:?}"
        );
    }
    let cited = text.contains(title) || text.contains("unattributed wire report");
    assert!(
        cited,
        "no citation (article title or source) in the answer:\n{text}"
    );
    let dated = [
        "2025-04-23",
        "23 April 2025",
        "April 23, 2025",
        "23 Apr 2025",
        "Apr 23, 2025",
    ]
    .iter()
    .any(|d| text.contains(d));
    assert!(
        dated,
        "the answer does not carry the article's date:\n{text}"
    );
    run.bot.stop().await;
}

#[tokio::test]
async fn ask_private_is_ephemeral() {
    let run = Running::start(BotSpec::default()).await;
    let ix = run.ok(run
        .fake
        .command(
            "ask",
            vec![
                payloads::opt_str("question", "Who is Witkoff?"),
                payloads::opt_bool("private", true),
            ],
            &Actor::member(),
        )
        .await);
    let answer = run.ok(run.fake.wait_answer(&ix, ANSWER).await);
    assert_no_mentions(&answer);
    let callback = run.ok(run.fake.wait_callback(&ix, ANSWER).await);
    let flags_at = if callback.callback_type() == Some(5) {
        callback.body.clone().unwrap_or_default()["data"].clone()
    } else {
        answer.message().cloned().unwrap_or_default()
    };
    assert!(
        is_ephemeral(&flags_at),
        "private: true must answer ephemerally: {}",
        callback.raw_body
    );
    run.bot.stop().await;
}

#[tokio::test]
async fn a_person_the_sources_never_mention_is_declined() {
    let run = Running::start(BotSpec::default()).await;
    let answer = run.ask("What did Zelensky say?", &Actor::member()).await;
    assert_no_mentions(&answer);
    let text = unescape(&message_text(answer.message().expect("a message"))).to_lowercase();
    assert!(
        text.contains("zelensky"),
        "the decline names who was asked about:\n{text}"
    );
    let declines = [
        "don't",
        "do not",
        "doesn't",
        "does not",
        "not mention",
        "no mention",
        "not covered",
        "don’t",
        "doesn’t",
        "isn't",
        "isn’t",
        "not in",
    ];
    assert!(
        declines.iter().any(|d| text.contains(d)),
        "the reply does not say the sources don't cover it:\n{text}"
    );
    // A decline quotes nothing from the article as if it answered.
    assert!(
        !text.contains("territorial swaps"),
        "a decline must not quote unrelated text:\n{text}"
    );
    run.bot.stop().await;
}

#[tokio::test]
async fn everyone_in_a_question_never_pings() {
    let run = Running::start(BotSpec::default()).await;
    let answer = run
        .ask(
            "@everyone <@&123456789012345678> what did @here Vance say?",
            &Actor::member(),
        )
        .await;
    assert_no_mentions(&answer);
    let text = message_text(answer.message().expect("a message"));
    for raw in ["@everyone", "@here", "<@&123456789012345678>"] {
        assert!(
            !text.contains(raw),
            "the reply echoes {raw} unescaped:\n{text}"
        );
    }
    run.bot.stop().await;
}

// ----- 4. autocomplete -----

#[tokio::test]
async fn autocomplete_offers_matching_people() {
    let run = Running::start(BotSpec::default()).await;
    let ix = run.ok(run
        .fake
        .autocomplete("who", "person", "wit", &Actor::member())
        .await);
    let callback = run.ok(run.fake.wait_callback(&ix, ANSWER).await);
    assert_eq!(
        callback.callback_type(),
        Some(8),
        "autocomplete is answered with choices: {}",
        callback.raw_body
    );
    let choices = callback
        .message()
        .and_then(|d| d["choices"].as_array())
        .cloned()
        .unwrap_or_default();
    assert!(
        choices
            .iter()
            .any(|c| c["name"].as_str().is_some_and(|n| n.contains("Witkoff"))),
        "no Witkoff among the choices for \"wit\": {choices:?}"
    );
    run.bot.stop().await;
}

// ----- 5. mentions -----

#[tokio::test]
async fn a_mention_is_answered_as_a_reply_and_bots_are_ignored() {
    let run = Running::start(BotSpec::default()).await;
    let question = run.ok(run
        .fake
        .mention(
            "What did Vance say about territorial swaps?",
            &Actor::member(),
        )
        .await);
    let reply = run.ok(run.fake.wait_message_reply(question, ANSWER).await);
    assert_eq!(
        reply.route(),
        format!("/channels/{}/messages", payloads::CHANNEL_ID)
    );
    assert_no_mentions(&reply);
    assert_eq!(
        reply.header("authorization"),
        Some(format!("Bot {TOKEN}").as_str())
    );
    let text = unescape(&message_text(reply.message().expect("a message")));
    let passages = quoted_passages(&text);
    assert!(
        !passages.is_empty(),
        "the mention's reply quotes nothing:\n{text}"
    );
    let article = seed_article();
    for p in &passages {
        assert!(
            article.contains(p.as_str()),
            "quoted but not verbatim in the article: {p:?}"
        );
    }

    // Another bot's mention, and the bot's own message, then a human's: once the human's is
    // answered, the two before it have been seen and must have no reply.
    let from_bot = run.fake.next_id();
    let d = payloads::mention_message_from_bot(
        from_bot,
        "What did Vance say?",
        payloads::Place::default(),
    );
    run.ok(run.fake.dispatch("MESSAGE_CREATE", d).await);
    let own = run.fake.next_id();
    let d = payloads::mention_message(
        own,
        &Actor::parley(),
        "What did Vance say?",
        payloads::Place::default(),
    );
    run.ok(run.fake.dispatch("MESSAGE_CREATE", d).await);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let later = run.ok(run
        .fake
        .mention("Who is Witkoff?", &Actor::moderator())
        .await);
    run.ok(run.fake.wait_message_reply(later, ANSWER).await);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let posted: Vec<Request> = run
        .fake
        .requests()
        .snapshot()
        .into_iter()
        .filter(|r| r.is("POST /channels/*/messages"))
        .collect();
    for ignored in [from_bot, own] {
        let id = ignored.to_string();
        let answered = posted.iter().any(|r| {
            r.body
                .as_ref()
                .and_then(|b| b.pointer("/message_reference/message_id"))
                .and_then(Value::as_str)
                == Some(&id)
        });
        assert!(
            !answered,
            "the bot answered message {id}, which a bot wrote"
        );
    }
    assert_eq!(
        posted.len(),
        2,
        "only the two human mentions get replies: {posted:?}"
    );
    run.bot.stop().await;
}

// ----- 6. /reload permissions -----

#[tokio::test]
async fn reload_is_refused_without_manage_server() {
    let run = Running::start(BotSpec::default()).await;
    let ix = run.ok(run.fake.command("reload", vec![], &Actor::member()).await);
    let answer = run.ok(run.fake.wait_answer(&ix, ANSWER).await);
    assert_no_mentions(&answer);
    let callback = run.ok(run.fake.wait_callback(&ix, ANSWER).await);
    assert_eq!(
        callback.callback_type(),
        Some(4),
        "a refusal needs no deferral: {}",
        callback.raw_body
    );
    let msg = answer.message().expect("a message");
    assert!(
        is_ephemeral(msg),
        "the refusal is ephemeral (flag 64): {msg}"
    );
    let text = message_text(msg);
    assert!(
        text.contains("Manage Server"),
        "the refusal says what is needed:\n{text}"
    );
    run.bot.stop().await;
}

// ----- buttons, feedback log, cooldown -----

/// The custom id of the button under `msg` whose id starts with `prefix`.
fn button(msg: &Value, prefix: &str) -> String {
    msg["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
        .find(|id| id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no button {prefix}* under the answer: {msg}"))
}

fn feedback_lines(bot: &Bot) -> Vec<Value> {
    let text = std::fs::read_to_string(bot.dir.path().join("feedback.jsonl")).unwrap_or_default();
    text.lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("feedback line is not JSON ({e}): {l}"))
        })
        .collect()
}

#[tokio::test]
async fn buttons_explain_and_record_feedback_and_declines_are_logged() {
    let run = Running::start(BotSpec::default()).await;
    let ix = run.ok(run
        .fake
        .ask(
            "What did Vance say about territorial swaps?",
            &Actor::member(),
        )
        .await);
    run.ok(run.fake.wait_answer(&ix, ANSWER).await);
    let original = run.fake.original_message(&ix).expect("the answer message");

    let why = run.ok(run
        .fake
        .press(
            &button(&original, "parley:why:"),
            original.clone(),
            &Actor::moderator(),
        )
        .await);
    let explained = run.ok(run.fake.wait_answer(&why, ANSWER).await);
    assert_no_mentions(&explained);
    let msg = explained.message().expect("a message");
    assert!(
        is_ephemeral(msg),
        "\"Why this answer?\" is ephemeral: {msg}"
    );
    let text = message_text(msg);
    assert!(
        text.to_lowercase().contains("intent"),
        "the explanation names the intent:\n{text}"
    );
    assert!(
        text.contains("Vance"),
        "the explanation names who was recognised:\n{text}"
    );

    let up = run.ok(run
        .fake
        .press(
            &button(&original, "parley:up:"),
            original.clone(),
            &Actor::member(),
        )
        .await);
    let thanked = run.ok(run.fake.wait_answer(&up, ANSWER).await);
    assert_no_mentions(&thanked);

    let declined = run
        .ask("What did Zelensky say?", &Actor::member_numbered(1))
        .await;
    assert!(declined.ok());
    // The log is written after the reply; give it a moment.
    let deadline = Instant::now() + ANSWER;
    let lines = loop {
        let lines = feedback_lines(&run.bot);
        if lines.len() >= 2 || Instant::now() > deadline {
            break lines;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let vote = lines.iter().find(|l| l["vote"] == "up");
    assert!(
        vote.is_some_and(|v| v["question"] == "What did Vance say about territorial swaps?"),
        "no 👍 line: {lines:?}"
    );
    let decline = lines.iter().find(|l| l["answered"] == false);
    assert!(
        decline.is_some_and(|d| d["question"] == "What did Zelensky say?"),
        "the declined question is not logged: {lines:?}"
    );
    run.bot.stop().await;
}

#[tokio::test]
async fn the_cooldown_answers_politely_and_ephemerally() {
    let run = Running::start(BotSpec::default()).await;
    let user = Actor::member_numbered(42);
    // The default: 5 questions in 30 seconds.
    for _ in 0..5 {
        let answer = run.ask("Who is Witkoff?", &user).await;
        assert!(
            !is_ephemeral(answer.message().expect("a message")),
            "within the limit, answers are public"
        );
    }
    let sixth = run.ask("Who is Witkoff?", &user).await;
    assert_no_mentions(&sixth);
    let msg = sixth.message().expect("a message");
    assert!(is_ephemeral(msg), "the cooldown notice is ephemeral: {msg}");
    let text = message_text(msg);
    assert!(text.contains("wait"), "the notice says to wait:\n{text}");
    // Someone else is not held up.
    let other = run
        .ask("Who is Witkoff?", &Actor::member_numbered(43))
        .await;
    assert!(!is_ephemeral(other.message().expect("a message")));
    run.bot.stop().await;
}

// ----- 7. gateway faults -----

fn reconnected(g: &GatewayRecord) -> bool {
    g.conn() > 0 && (g.resume().is_some() || g.identify().is_some())
}

#[tokio::test]
async fn after_a_4000_close_the_bot_resumes_and_answers() {
    let run = Running::start(BotSpec::default()).await;
    let first = run.ask("Who is Witkoff?", &Actor::member()).await;
    assert!(first.ok());
    run.ok(run.fake.close_gateway(None, 4000));
    let back = run.ok(run.fake.wait_gateway(reconnected, ANSWER).await);
    run.ok(run.fake.wait_ready(None, ANSWER).await);
    let answer = run
        .ask(
            "What did Vance say about territorial swaps?",
            &Actor::moderator(),
        )
        .await;
    assert_no_mentions(&answer);
    eprintln!("after 4000 the bot sent {:?}", back);
    run.bot.stop().await;
}

#[tokio::test]
async fn dropped_connections_and_invalid_sessions_are_survived() {
    let run = Running::start(BotSpec::default()).await;
    // Three drops without a close frame, each followed by a question.
    for i in 0..3 {
        let conns_before = run
            .fake
            .gateway()
            .snapshot()
            .iter()
            .filter(|g| matches!(g, GatewayRecord::Connected { .. }))
            .count();
        run.ok(run.fake.drop_gateway(None));
        let reconnect = run
            .fake
            .wait_gateway(
                |g| matches!(g, GatewayRecord::Connected { conn } if *conn >= conns_before),
                ANSWER,
            )
            .await;
        run.ok(reconnect);
        run.ok(run.fake.wait_ready(None, ANSWER).await);
        let answer = run.ask("Who is Witkoff?", &Actor::member_numbered(i)).await;
        assert!(answer.ok());
    }
    // A session Discord invalidates: the bot must identify again (serenity waits up to 5 s
    // between identifies).
    let identifies = run.fake.identifies().len();
    run.ok(run.fake.invalidate_session(None, false));
    let again = run
        .fake
        .gateway()
        .wait_for_count(
            |g| g.identify().is_some(),
            identifies + 1,
            Duration::from_secs(15),
        )
        .await;
    run.ok(again.map_err(|_| "no new Identify after a non-resumable Invalid Session".to_string()));
    run.ok(run.fake.wait_ready(None, ANSWER).await);
    let answer = run.ask("Who is Vance?", &Actor::member_numbered(9)).await;
    assert_no_mentions(&answer);
    run.bot.stop().await;
}

// ----- 9. a burst -----

#[tokio::test]
async fn a_burst_of_200_interactions_is_answered_exactly_once_each() {
    let run = Running::start(BotSpec::default()).await;
    let questions = [
        "What did Vance say about territorial swaps?",
        "Who is Witkoff?",
        "What did Zelensky say?",
        "What is Ukraine's position on Crimea?",
    ];
    let mut sent = HashMap::new();
    for i in 0..200u64 {
        // Distinct users, so the per-user cooldown (5 in 30 s by default) stays out of the way.
        let started = Instant::now();
        let ix = run.ok(run
            .fake
            .ask(
                questions[i as usize % questions.len()],
                &Actor::member_numbered(i),
            )
            .await);
        sent.insert(ix.id, started);
    }
    let ids: BTreeSet<u64> = sent.keys().copied().collect();
    let done = run
        .fake
        .requests()
        .wait_for_count(
            |r| r.interaction_id().is_some_and(|id| ids.contains(&id)) && r.ok(),
            200,
            Duration::from_secs(40),
        )
        .await;
    let answered = match done {
        Ok(v) => v,
        Err(seen) => panic!(
            "only {} of 200 interactions answered; recent:\n  {}\n--- bot ---\n{}",
            seen.len(),
            run.fake.recent(10),
            run.bot.tail(30)
        ),
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let all: Vec<Request> = run
        .fake
        .requests()
        .snapshot()
        .into_iter()
        .filter(|r| r.interaction_id().is_some_and(|id| ids.contains(&id)))
        .collect();
    let mut per_id: HashMap<u64, usize> = HashMap::new();
    for r in all.iter().filter(|r| r.ok()) {
        *per_id
            .entry(r.interaction_id().expect("filtered"))
            .or_default() += 1;
    }
    let twice: Vec<_> = per_id.iter().filter(|(_, n)| **n != 1).collect();
    assert!(twice.is_empty(), "answered more than once: {twice:?}");
    assert_eq!(per_id.len(), 200);
    let refused: Vec<String> = all
        .iter()
        .filter(|r| !r.ok())
        .map(Request::summary)
        .collect();
    assert!(refused.is_empty(), "refused callbacks: {refused:?}");
    for r in &answered {
        if r.callback_type() != Some(5) {
            assert_no_mentions(r);
        }
    }
    let mut latencies: Vec<Duration> = answered
        .iter()
        .map(|r| r.at - sent[&r.interaction_id().expect("filtered")])
        .collect();
    latencies.sort();
    eprintln!(
        "burst of 200: p50 {:?}, p99 {:?}, max {:?}",
        latencies[latencies.len() / 2],
        latencies[latencies.len() * 99 / 100],
        latencies[latencies.len() - 1]
    );
    run.bot.stop().await;
}

// ----- 10. the token -----

#[tokio::test]
async fn the_token_never_appears_in_the_output_even_at_trace() {
    let run = Running::start(BotSpec::default().env("RUST_LOG", "trace")).await;
    let answer = run
        .ask(
            "What did Vance say about territorial swaps?",
            &Actor::member(),
        )
        .await;
    assert!(answer.ok());
    let mention = run.ok(run.fake.mention("Who is Witkoff?", &Actor::member()).await);
    let reply = run.ok(run.fake.wait_message_reply(mention, ANSWER).await);
    assert_eq!(
        reply.header("authorization"),
        Some(format!("Bot {TOKEN}").as_str()),
        "the bot did use the token"
    );
    run.ok(run.fake.close_gateway(None, 4000));
    run.ok(run
        .fake
        .wait_gateway(|g| g.conn() > 0 && g.resume().is_some(), ANSWER)
        .await);
    let (_, output) = run.bot.terminate(Duration::from_secs(10)).await;
    assert!(
        output.lines().count() > 50,
        "RUST_LOG=trace should log plenty; got:\n{output}"
    );
    for (i, line) in output.lines().enumerate() {
        assert!(
            !line.contains(TOKEN),
            "line {i} of the output holds the token: {line}"
        );
        // Parts of it too: a token split or trimmed is still a leak.
        assert!(
            !line.contains("FAKE-token_7QwX9"),
            "line {i} holds part of the token: {line}"
        );
    }
}

#[tokio::test]
async fn a_missing_or_malformed_token_fails_before_any_connection() {
    let fake = FakeDiscord::start(TOKEN).await;
    let base = fake.api_base();
    let root = support::bot::repo_root();
    let cases = [
        (
            "missing",
            vec![("PARLEY_API_BASE", base.as_str())],
            "DISCORD_TOKEN",
        ),
        (
            "malformed",
            vec![
                ("PARLEY_API_BASE", base.as_str()),
                ("DISCORD_TOKEN", "has a space.and-\"quotes\""),
            ],
            "malformed",
        ),
        (
            // Issue 15: no dots at all, so not the three parts of a bot token.
            "dotless",
            vec![
                ("PARLEY_API_BASE", base.as_str()),
                ("DISCORD_TOKEN", "NotAToken_k3yMaterial_9f8e7d6c5b4a3210"),
            ],
            "malformed",
        ),
    ];
    for (case, env, must_say) in cases {
        let mut bot = Bot::spawn_raw(
            &["run"],
            &env,
            &["DISCORD_TOKEN", "PARLEY_TOKEN_FILE", "PARLEY_TOKEN_ENV"],
            &root,
        );
        let Some(status) = bot.wait_exit(Duration::from_secs(20)).await else {
            let out = bot.stop().await;
            panic!("{case} token: `parley run` kept running:\n{out}");
        };
        let out = bot.output();
        assert!(
            !status.success(),
            "{case} token: exit status {status}, want failure:\n{out}"
        );
        assert!(
            out.contains(must_say),
            "{case} token: the error should mention {must_say:?}:\n{out}"
        );
        assert!(
            !out.contains("has a space") && !out.contains("k3yMaterial"),
            "{case} token: the error echoes the token:\n{out}"
        );
        assert!(
            !out.contains("panicked"),
            "{case} token: a panic instead of an error:\n{out}"
        );
    }
    assert_eq!(
        fake.requests().snapshot().len(),
        0,
        "REST calls were made: {}",
        fake.recent(5)
    );
    assert!(
        fake.gateway().snapshot().is_empty(),
        "a gateway connection was made"
    );
}

// ----- shutdown -----

#[tokio::test]
async fn sigterm_closes_the_gateway_and_exits_cleanly() {
    let run = Running::start(BotSpec::default()).await;
    run.ask("Who is Witkoff?", &Actor::member()).await;
    let fake = run.fake;
    let (status, output) = run.bot.terminate(Duration::from_secs(15)).await;
    let status = status
        .unwrap_or_else(|| panic!("parley run did not stop within 15 s of SIGTERM:\n{output}"));
    assert!(
        status.success(),
        "exit status {status} after SIGTERM:\n{output}"
    );
    let closed = fake
        .wait_gateway(
            |g| matches!(g, GatewayRecord::Closed { by_fake: false, .. }),
            Duration::from_secs(2),
        )
        .await;
    assert!(
        closed.is_ok(),
        "the bot exited without closing its gateway connection: {closed:?}"
    );
}

/// The slash commands with slots, end to end: each option goes to its slot without being
/// turned into an English question, names resolve as in a question (a misspelt speaker, a
/// party by alias), and a person the sources never name is declined as such.
#[tokio::test]
async fn slash_commands_answer_from_their_options() {
    let run = Running::start(BotSpec::default()).await;
    let ix = run.ok(run
        .fake
        .command(
            "quotes",
            vec![
                payloads::opt_str("speaker", "Vanse"),
                payloads::opt_str("topic", "territorial swaps"),
            ],
            &Actor::member(),
        )
        .await);
    let answer = run.ok(run.fake.wait_answer(&ix, ANSWER).await);
    assert_no_mentions(&answer);
    let text = unescape(&message_text(answer.message().expect("a message")));
    assert!(text.contains("JD Vance"), "{text}");
    assert!(text.contains("territory"), "the swaps quote:\n{text}");
    let ix = run.ok(run
        .fake
        .command(
            "positions",
            vec![payloads::opt_str("party", "Kyiv")],
            &Actor::member(),
        )
        .await);
    let answer = run.ok(run.fake.wait_answer(&ix, ANSWER).await);
    assert_no_mentions(&answer);
    let text = unescape(&message_text(answer.message().expect("a message")));
    assert!(
        text.contains("Ukraine") && text.contains("stands"),
        "{text}"
    );
    let ix = run.ok(run
        .fake
        .command(
            "who",
            vec![payloads::opt_str("person", "Xyzzy Quorn")],
            &Actor::member(),
        )
        .await);
    let answer = run.ok(run.fake.wait_answer(&ix, ANSWER).await);
    assert_no_mentions(&answer);
    let text = unescape(&message_text(answer.message().expect("a message")));
    assert!(
        text.contains("don't mention") && text.contains("Xyzzy"),
        "{text}"
    );
    run.bot.stop().await;
}
