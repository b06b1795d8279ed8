//! Tests of the fake Discord itself (`tests/support/`), independent of Parley's adapter: every
//! payload it sends deserializes into serenity's own model types (a payload serenity cannot read
//! is dropped silently, so this is the only place such a mistake shows), Discord's limits are
//! enforced, the gateway speaks the protocol to a raw websocket client, and the real serenity
//! client connects, answers, resumes after a close and retries a 429 with its rate limiter on.

mod support;

use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use serenity::all::{
    Command, CommandDataOptionValue, CommandInteraction, CommandOptionType, Context, CreateCommand,
    CreateCommandOption, CreateEmbed, CreateInteractionResponse, CreateInteractionResponseMessage,
    CreateMessage, CurrentApplicationInfo, EventHandler, GatewayIntents, Interaction, Message,
    Permissions, Ready,
};
use serenity::model::event::{Event, GatewayEvent};
use support::payloads::{self, perms, Place};
use support::{Actor, FakeDiscord, FakeOptions, Fault, GatewayRecord};
use tokio_tungstenite::tungstenite::Message as WsMessage;

const TOKEN: &str = "selftest.token.not-real";
const WAIT: Duration = Duration::from_secs(10);

/// Deserializes `d` as a full gateway dispatch, the way serenity's shard reads it.
fn gateway_event(t: &str, d: &Value) -> Event {
    let frame = json!({ "op": 0, "s": 1, "t": t, "d": d });
    match serde_json::from_value::<GatewayEvent>(frame) {
        Ok(GatewayEvent::Dispatch(1, event)) => event,
        other => panic!("{t} did not deserialize as a dispatch: {other:?}"),
    }
}

fn command_interaction(d: &Value) -> CommandInteraction {
    match gateway_event("INTERACTION_CREATE", d) {
        Event::InteractionCreate(e) => match e.interaction {
            Interaction::Command(c) | Interaction::Autocomplete(c) => c,
            other => panic!("not a command interaction: {other:?}"),
        },
        other => panic!("INTERACTION_CREATE became {other:?}: a required field is missing"),
    }
}

#[test]
fn ready_deserializes_into_serenity_ready() {
    let d = payloads::ready("s1", "ws://127.0.0.1:1/gateway", Some([1, 2]));
    let ready: Ready = serde_json::from_value(d.clone()).expect("Ready");
    assert_eq!(ready.application.id.get(), payloads::APP_ID);
    assert_eq!(ready.user.id.get(), payloads::BOT_USER_ID);
    assert_eq!(ready.session_id, "s1");
    assert_eq!(ready.shard.map(|s| (s.id.0, s.total)), Some((1, 2)));
    assert!(matches!(gateway_event("READY", &d), Event::Ready(_)));
}

#[test]
fn slash_command_deserializes_with_permissions_and_options() {
    let d = payloads::slash_command(
        42,
        "tok",
        "ask",
        vec![
            payloads::opt_str("question", "What did Vance say?"),
            payloads::opt_bool("private", true),
        ],
        &Actor::moderator(),
        Place::default(),
    );
    let c = command_interaction(&d);
    assert!(matches!(
        serde_json::from_value::<Interaction>(d).expect("Interaction"),
        Interaction::Command(_)
    ));
    assert_eq!(c.id.get(), 42);
    assert_eq!(c.data.name, "ask");
    assert_eq!(c.guild_id.map(|g| g.get()), Some(payloads::GUILD_ID));
    assert_eq!(
        c.user.id.get(),
        Actor::moderator().id,
        "user is filled from member"
    );
    let member = c.member.as_ref().expect("member");
    assert!(member.permissions.expect("permissions").manage_guild());
    assert!(c.app_permissions.is_some(), "poise unwraps app_permissions");
    assert_eq!(
        c.data.options[0].value,
        CommandDataOptionValue::String("What did Vance say?".into())
    );
    assert_eq!(
        c.data.options[1].value,
        CommandDataOptionValue::Boolean(true)
    );
}

#[test]
fn member_without_manage_server_lacks_it() {
    let d = payloads::slash_command(
        43,
        "tok",
        "reload",
        vec![],
        &Actor::member(),
        Place::default(),
    );
    let c = command_interaction(&d);
    let p = c.member.expect("member").permissions.expect("permissions");
    assert!(!p.contains(Permissions::MANAGE_GUILD));
    assert!(p.contains(Permissions::SEND_MESSAGES));
    assert_eq!(p.bits(), perms::MEMBER);
}

#[test]
fn autocomplete_deserializes_with_focused_option() {
    let d = payloads::autocomplete(
        44,
        "tok",
        "who",
        vec![payloads::opt_focused("person", "wit")],
        &Actor::member(),
        Place::default(),
    );
    match serde_json::from_value::<Interaction>(d.clone()).expect("Interaction") {
        Interaction::Autocomplete(c) => {
            let focused = c.data.autocomplete().expect("a focused option");
            assert_eq!((focused.name, focused.value), ("person", "wit"));
        }
        other => panic!("not autocomplete: {other:?}"),
    }
    command_interaction(&d);
}

#[test]
fn component_and_messages_deserialize() {
    // A bot message as the fake answers REST calls, with an embed and a button row in the shape
    // serenity's builders send them.
    let embed = serde_json::to_value(
        CreateEmbed::new()
            .title("t")
            .description("d")
            .field("n", "v", false),
    )
    .expect("embed json");
    let mut bot_msg = payloads::message(7, payloads::CHANNEL_ID, None, &Actor::parley(), "hi");
    bot_msg["embeds"] = json!([embed]);
    bot_msg["embeds"][0]["type"] = json!("rich");
    bot_msg["components"] = json!([{ "type": 1, "components": [
        { "type": 2, "style": 2, "custom_id": "why", "label": "Why this answer?" },
        { "type": 2, "style": 1, "custom_id": "up", "emoji": { "name": "👍" } },
    ]}]);
    let m: Message = serde_json::from_value(bot_msg.clone()).expect("bot Message");
    assert_eq!(m.embeds.len(), 1);
    assert_eq!(m.components.len(), 1);

    let d = payloads::component(
        45,
        "tok",
        "why",
        bot_msg,
        &Actor::member(),
        Place::default(),
    );
    match gateway_event("INTERACTION_CREATE", &d) {
        Event::InteractionCreate(e) => match e.interaction {
            Interaction::Component(c) => assert_eq!(c.data.custom_id, "why"),
            other => panic!("not a component: {other:?}"),
        },
        other => panic!("component became {other:?}"),
    }

    let d = payloads::mention_message(
        46,
        &Actor::member(),
        "What did Vance say?",
        Place::default(),
    );
    match gateway_event("MESSAGE_CREATE", &d) {
        Event::MessageCreate(e) => {
            assert!(e
                .message
                .mentions
                .iter()
                .any(|u| u.id.get() == payloads::BOT_USER_ID));
            assert!(!e.message.author.bot);
            assert!(e.message.content.ends_with("What did Vance say?"));
            assert_eq!(
                e.message.guild_id.map(|g| g.get()),
                Some(payloads::GUILD_ID)
            );
        }
        other => panic!("MESSAGE_CREATE became {other:?}"),
    }
    let d = payloads::mention_message_from_bot(47, "hello", Place::default());
    match gateway_event("MESSAGE_CREATE", &d) {
        Event::MessageCreate(e) => assert!(e.message.author.bot),
        other => panic!("bot MESSAGE_CREATE became {other:?}"),
    }
}

#[test]
fn application_and_registered_commands_deserialize() {
    let app: CurrentApplicationInfo =
        serde_json::from_value(payloads::current_application()).expect("app info");
    assert_eq!(app.id.get(), payloads::APP_ID);
    assert_eq!(app.owner.expect("owner").id.get(), payloads::OWNER_ID);

    let sent = serde_json::to_value(
        CreateCommand::new("who")
            .description("Who is someone?")
            .add_option(
                CreateCommandOption::new(CommandOptionType::String, "person", "A person")
                    .required(true)
                    .set_autocomplete(true),
            ),
    )
    .expect("command json");
    for guild in [None, Some(payloads::GUILD_ID)] {
        let cmd: Command =
            serde_json::from_value(payloads::registered_command(&sent, guild)).expect("Command");
        assert_eq!(cmd.name, "who");
        assert_eq!(cmd.application_id.get(), payloads::APP_ID);
        assert_eq!(cmd.guild_id.map(|g| g.get()), guild);
        assert!(cmd.options[0].autocomplete);
    }
}

#[test]
fn shard_routing_matches_discord() {
    for total in 1..5 {
        for shard in 0..total {
            assert_eq!(
                payloads::shard_of(payloads::guild_on_shard(shard, total), total),
                shard
            );
        }
    }
}

// ----- limits -----

fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client")
}

async fn post_message(fake: &FakeDiscord, body: Value) -> (u16, Value) {
    let res = http_client()
        .post(format!(
            "{}/api/v10/channels/{}/messages",
            fake.api_base(),
            payloads::CHANNEL_ID
        ))
        .header("authorization", format!("Bot {TOKEN}"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("request");
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn embed(description_len: usize) -> Value {
    json!({ "description": "d".repeat(description_len) })
}

#[tokio::test]
async fn message_limits_are_enforced_with_400() {
    let fake = FakeDiscord::start(TOKEN).await;
    let fields = |n: usize, value_len: usize| -> Value {
        (0..n)
            .map(|i| json!({ "name": format!("f{i}"), "value": "v".repeat(value_len) }))
            .collect()
    };
    let cases: Vec<(&str, Value, u16)> = vec![
        (
            "content at 2000",
            json!({ "content": "é".repeat(2000) }),
            200,
        ),
        (
            "content at 2001",
            json!({ "content": "x".repeat(2001) }),
            400,
        ),
        (
            "description at 4096",
            json!({ "embeds": [embed(4096)] }),
            200,
        ),
        (
            "description at 4097",
            json!({ "embeds": [embed(4097)] }),
            400,
        ),
        (
            "title at 257",
            json!({ "embeds": [{ "title": "t".repeat(257) }] }),
            400,
        ),
        (
            "25 fields",
            json!({ "embeds": [{ "fields": fields(25, 10) }] }),
            200,
        ),
        (
            "26 fields",
            json!({ "embeds": [{ "fields": fields(26, 10) }] }),
            400,
        ),
        (
            "field value at 1024",
            json!({ "embeds": [{ "fields": fields(1, 1024) }] }),
            200,
        ),
        (
            "field value at 1025",
            json!({ "embeds": [{ "fields": fields(1, 1025) }] }),
            400,
        ),
        (
            "empty field value",
            json!({ "embeds": [{ "fields": fields(1, 0) }] }),
            400,
        ),
        (
            "6000 in one embed",
            json!({ "embeds": [{ "title": "t", "description": "d".repeat(4096), "fields": fields(2, 950) }] }),
            400,
        ),
        (
            "6000 across embeds",
            json!({ "embeds": [embed(3000), embed(3001)] }),
            400,
        ),
        (
            "10 embeds",
            json!({ "embeds": (0..10).map(|_| embed(10)).collect::<Vec<_>>() }),
            200,
        ),
        (
            "11 embeds",
            json!({ "embeds": (0..11).map(|_| embed(10)).collect::<Vec<_>>() }),
            400,
        ),
        ("empty message", json!({ "content": "" }), 400),
        (
            "duplicate custom ids",
            json!({ "content": "x", "components": [{ "type": 1, "components": [
            { "type": 2, "style": 1, "custom_id": "a", "label": "A" },
            { "type": 2, "style": 1, "custom_id": "a", "label": "B" } ] }] }),
            400,
        ),
    ];
    let mut wrong = Vec::new();
    for (name, body, want) in cases {
        let (status, answer) = post_message(&fake, body).await;
        if status != want {
            wrong.push(format!("{name}: got {status} {answer}, want {want}"));
        }
        if status == 400 && answer.get("code").is_none() {
            wrong.push(format!(
                "{name}: a 400 without Discord's error code: {answer}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "limits not enforced as Discord does:\n{}",
        wrong.join("\n")
    );
    // Refusals are recorded with their reason, so a failing e2e test can say what overflowed.
    let refused = fake
        .requests()
        .snapshot()
        .into_iter()
        .filter(|r| r.refusal.is_some())
        .count();
    assert_eq!(refused, 11);
}

#[tokio::test]
async fn unknown_routes_and_bad_tokens_are_visible() {
    let fake = FakeDiscord::start(TOKEN).await;
    let res = http_client()
        .get(format!("{}/api/v10/guilds/1/roles", fake.api_base()))
        .header("authorization", format!("Bot {TOKEN}"))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status().as_u16(), 404);
    let res = http_client()
        .get(format!("{}/api/v10/gateway", fake.api_base()))
        .send()
        .await
        .expect("request");
    assert_eq!(
        res.status().as_u16(),
        401,
        "no Authorization header must be refused"
    );
    let seen = fake
        .wait_for_route("GET /guilds/*/roles", WAIT)
        .await
        .expect("recorded");
    assert_eq!(seen.status, 404);
    assert_eq!(
        seen.header("Authorization"),
        Some(format!("Bot {TOKEN}").as_str())
    );
}

// ----- raw websocket client -----

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn next_json(ws: &mut Ws) -> Value {
    loop {
        let msg = tokio::time::timeout(WAIT, ws.next())
            .await
            .expect("gateway frame in time");
        match msg.expect("stream open").expect("frame") {
            WsMessage::Text(t) => return serde_json::from_str(&t).expect("json frame"),
            WsMessage::Close(frame) => return json!({ "closed": frame.map(|f| u16::from(f.code)) }),
            _ => {}
        }
    }
}

async fn connect(fake: &FakeDiscord) -> Ws {
    let (ws, _) = tokio_tungstenite::connect_async(format!("{}?v=10&encoding=json", fake.ws_url()))
        .await
        .expect("websocket connects");
    ws
}

async fn send(ws: &mut Ws, v: Value) {
    ws.send(WsMessage::Text(v.to_string())).await.expect("send");
}

fn identify(token: &str, shard: [u64; 2]) -> Value {
    json!({ "op": 2, "d": { "token": token, "intents": 513, "shard": shard, "compress": true,
        "properties": { "os": "linux", "browser": "test", "device": "test" } } })
}

#[tokio::test]
async fn raw_client_sees_hello_ready_heartbeat_ack_dispatch_and_resume() {
    let fake = FakeDiscord::start(TOKEN).await;
    let mut ws = connect(&fake).await;
    let hello = next_json(&mut ws).await;
    assert_eq!(hello["op"], 10);
    assert!(hello["d"]["heartbeat_interval"].as_u64().is_some());

    send(&mut ws, identify(TOKEN, [0, 1])).await;
    let ready = next_json(&mut ws).await;
    assert_eq!(
        (
            ready["op"].as_u64(),
            ready["t"].as_str(),
            ready["s"].as_u64()
        ),
        (Some(0), Some("READY"), Some(1))
    );
    assert_eq!(ready["d"]["shard"], json!([0, 1]));
    let session = ready["d"]["session_id"]
        .as_str()
        .expect("session id")
        .to_string();
    let ident = fake.identifies();
    assert_eq!(ident.len(), 1);
    assert_eq!(
        (ident[0]["intents"].as_u64(), ident[0]["token"].as_str()),
        (Some(513), Some(TOKEN))
    );

    send(&mut ws, json!({ "op": 1, "d": 1 })).await;
    assert_eq!(next_json(&mut ws).await["op"], 11);

    let ix = fake
        .ask("What did Vance say?", &Actor::member())
        .await
        .expect("dispatch");
    let event = next_json(&mut ws).await;
    assert_eq!(
        (event["t"].as_str(), event["s"].as_u64()),
        (Some("INTERACTION_CREATE"), Some(2))
    );
    assert_eq!(event["d"]["id"], json!(ix.id.to_string()));
    command_interaction(&event["d"]);

    // A forced close with 4000; events sent meanwhile wait for the Resume.
    fake.close_gateway(None, 4000).expect("close");
    assert_eq!(next_json(&mut ws).await["closed"], json!(4000));
    drop(ws);
    fake.wait_gateway(|g| matches!(g, GatewayRecord::Closed { conn: 0, .. }), WAIT)
        .await
        .expect("closed");
    let held = fake
        .ask("held while down", &Actor::member())
        .await
        .expect("dispatch while down");

    let mut ws = connect(&fake).await;
    assert_eq!(next_json(&mut ws).await["op"], 10);
    send(
        &mut ws,
        json!({ "op": 6, "d": { "token": TOKEN, "session_id": session, "seq": 2 } }),
    )
    .await;
    let resumed = next_json(&mut ws).await;
    assert_eq!(
        (resumed["t"].as_str(), resumed["s"].as_u64()),
        (Some("RESUMED"), Some(3))
    );
    let replayed = next_json(&mut ws).await;
    assert_eq!(
        replayed["d"]["id"],
        json!(held.id.to_string()),
        "held events are replayed on Resume"
    );

    // Invalid session (not resumable): a Resume of that session is refused with op 9.
    fake.invalidate_session(None, false).expect("invalidate");
    assert_eq!(next_json(&mut ws).await, json!({ "op": 9, "d": false }));
    drop(ws);
    let mut ws = connect(&fake).await;
    next_json(&mut ws).await;
    send(
        &mut ws,
        json!({ "op": 6, "d": { "token": TOKEN, "session_id": session, "seq": 4 } }),
    )
    .await;
    assert_eq!(next_json(&mut ws).await["op"], 9);
}

/// Discord replays, on Resume, the events after the `seq` the client resumes from: an event the
/// old socket accepted but the client never processed comes again (with a new sequence number),
/// one it acknowledged does not.
#[tokio::test]
async fn resume_replays_what_the_client_did_not_acknowledge() {
    let fake = FakeDiscord::start(TOKEN).await;
    let mut ws = connect(&fake).await;
    next_json(&mut ws).await;
    send(&mut ws, identify(TOKEN, [0, 1])).await;
    let ready = next_json(&mut ws).await;
    let session = ready["d"]["session_id"]
        .as_str()
        .expect("session")
        .to_string();
    let seen = fake
        .ask("acknowledged", &Actor::member())
        .await
        .expect("dispatch");
    assert_eq!(next_json(&mut ws).await["s"], 2);
    let lost = fake
        .ask("lost with the socket", &Actor::member())
        .await
        .expect("dispatch");
    assert_eq!(next_json(&mut ws).await["s"], 3);
    fake.drop_gateway(None).expect("drop");
    drop(ws);
    fake.wait_gateway(|g| matches!(g, GatewayRecord::Closed { conn: 0, .. }), WAIT)
        .await
        .expect("closed");

    let mut ws = connect(&fake).await;
    next_json(&mut ws).await;
    // The client processed up to 2 (`seen`), not 3 (`lost`).
    send(
        &mut ws,
        json!({ "op": 6, "d": { "token": TOKEN, "session_id": session, "seq": 2 } }),
    )
    .await;
    assert_eq!(next_json(&mut ws).await["t"], "RESUMED");
    let replayed = next_json(&mut ws).await;
    assert_eq!(replayed["d"]["id"], json!(lost.id.to_string()));
    assert!(
        replayed["s"].as_u64() > Some(3),
        "sequence numbers only go up: {replayed}"
    );
    let next = fake.ask("after", &Actor::member()).await.expect("dispatch");
    let after = next_json(&mut ws).await;
    assert_eq!(
        after["d"]["id"],
        json!(next.id.to_string()),
        "{} was acknowledged and must not come again",
        seen.id
    );
}

#[tokio::test]
async fn gateway_refuses_bad_token_and_rejected_identify() {
    let fake = FakeDiscord::start(TOKEN).await;
    let mut ws = connect(&fake).await;
    next_json(&mut ws).await;
    send(&mut ws, identify("wrong", [0, 1])).await;
    assert_eq!(next_json(&mut ws).await["closed"], json!(4004));

    fake.reject_next_identify(4004);
    let mut ws = connect(&fake).await;
    next_json(&mut ws).await;
    send(&mut ws, identify(TOKEN, [0, 1])).await;
    assert_eq!(next_json(&mut ws).await["closed"], json!(4004));
}

#[tokio::test]
async fn two_shards_get_their_own_guilds() {
    let fake = FakeDiscord::start(TOKEN).await;
    let mut shards = Vec::new();
    for shard in 0..2u64 {
        let mut ws = connect(&fake).await;
        next_json(&mut ws).await;
        send(&mut ws, identify(TOKEN, [shard, 2])).await;
        assert_eq!(next_json(&mut ws).await["d"]["shard"], json!([shard, 2]));
        shards.push(ws);
    }
    for shard in 0..2u64 {
        let place = Place {
            guild_id: payloads::guild_on_shard(shard, 2),
            channel_id: payloads::CHANNEL_ID,
        };
        let ix = fake
            .command_at("help", vec![], &Actor::member(), place)
            .await
            .expect("dispatch");
        let got = next_json(&mut shards[shard as usize]).await;
        assert_eq!(
            got["d"]["id"],
            json!(ix.id.to_string()),
            "shard {shard} gets its guild's events"
        );
    }
}

// ----- interaction rules over REST -----

async fn callback(fake: &FakeDiscord, id: u64, token: &str, body: Value) -> u16 {
    http_client()
        .post(format!(
            "{}/api/v10/interactions/{id}/{token}/callback",
            fake.api_base()
        ))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("request")
        .status()
        .as_u16()
}

#[tokio::test]
async fn interactions_are_answered_once_in_time_with_the_right_type() {
    let fake = FakeDiscord::start_with(FakeOptions {
        token: TOKEN.into(),
        interaction_deadline: Some(Duration::from_millis(300)),
        ..FakeOptions::default()
    })
    .await;
    let mut ws = connect(&fake).await;
    next_json(&mut ws).await;
    send(&mut ws, identify(TOKEN, [0, 1])).await;
    next_json(&mut ws).await;

    let reply =
        json!({ "type": 4, "data": { "content": "hi", "allowed_mentions": { "parse": [] } } });
    let ix = fake.ask("q", &Actor::member()).await.expect("dispatch");
    assert_eq!(callback(&fake, ix.id, &ix.token, reply.clone()).await, 204);
    assert_eq!(
        callback(&fake, ix.id, &ix.token, reply.clone()).await,
        400,
        "second answer refused"
    );
    assert_eq!(
        fake.wait_answer(&ix, WAIT)
            .await
            .expect("answer")
            .message()
            .expect("data")["content"],
        "hi"
    );
    let original = fake.original_message(&ix).expect("original");
    assert_eq!(original["content"], "hi");
    // What the fake keeps as the answer must itself be a valid message, since tests press
    // buttons on it.
    let m: Message = serde_json::from_value(original.clone()).expect("the original is a Message");
    assert_eq!(m.author.id.get(), payloads::BOT_USER_ID);
    let press = payloads::component(99, "t", "why", original, &Actor::member(), Place::default());
    assert!(matches!(
        serde_json::from_value::<Interaction>(press).expect("Interaction"),
        Interaction::Component(_)
    ));

    let late = fake.ask("q", &Actor::member()).await.expect("dispatch");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        callback(&fake, late.id, &late.token, reply.clone()).await,
        404,
        "past the deadline"
    );

    let ac = fake
        .autocomplete("who", "person", "wit", &Actor::member())
        .await
        .expect("dispatch");
    assert_eq!(
        callback(&fake, ac.id, &ac.token, reply).await,
        400,
        "autocomplete needs type 8"
    );
    let too_many: Vec<Value> = (0..26)
        .map(|i| json!({ "name": format!("n{i}"), "value": "v" }))
        .collect();
    assert_eq!(
        callback(
            &fake,
            ac.id,
            &ac.token,
            json!({ "type": 8, "data": { "choices": too_many } })
        )
        .await,
        400
    );
    assert_eq!(
        callback(&fake, ac.id, &ac.token, json!({ "type": 8, "data": { "choices": [{ "name": "Steve Witkoff", "value": "Steve Witkoff" }] } })).await,
        204
    );

    let deferred = fake.ask("q", &Actor::member()).await.expect("dispatch");
    assert_eq!(
        callback(&fake, deferred.id, &deferred.token, json!({ "type": 5 })).await,
        204
    );
    let res = http_client()
        .patch(format!(
            "{}/api/v10/webhooks/{}/{}/messages/@original",
            fake.api_base(),
            payloads::APP_ID,
            deferred.token
        ))
        .header("content-type", "application/json")
        .body(json!({ "content": "done" }).to_string())
        .send()
        .await
        .expect("edit");
    assert_eq!(res.status().as_u16(), 200);
    let edit = fake
        .wait_answer(&deferred, WAIT)
        .await
        .expect("deferred answer");
    assert_eq!(edit.message().expect("body")["content"], "done");
}

// ----- the real serenity client -----

struct Echo;

#[serenity::async_trait]
impl EventHandler for Echo {
    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        if let Interaction::Command(c) = interaction {
            let msg = CreateInteractionResponseMessage::new()
                .content(format!("pong {}", c.data.name))
                .allowed_mentions(serenity::all::CreateAllowedMentions::new());
            c.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                .await
                .expect("callback accepted");
        }
    }

    async fn message(&self, ctx: Context, msg: Message) {
        if !msg.author.bot {
            let reply = CreateMessage::new().content("seen").reference_message(&msg);
            msg.channel_id
                .send_message(&ctx.http, reply)
                .await
                .expect("message accepted");
        }
    }
}

#[tokio::test]
async fn serenity_client_connects_answers_and_resumes_after_4000() {
    let fake = FakeDiscord::start(TOKEN).await;
    let http = serenity::http::HttpBuilder::new(TOKEN)
        .proxy(fake.api_base())
        .ratelimiter_disabled(true)
        .build();
    let intents = GatewayIntents::GUILD_MESSAGES | GatewayIntents::GUILDS;
    let mut client = serenity::all::ClientBuilder::new_with_http(http, intents)
        .event_handler(Echo)
        .await
        .expect("client");
    let shards = client.shard_manager.clone();
    let task = tokio::spawn(async move { client.start().await });

    let gateway = fake
        .wait_for_route("GET /gateway", WAIT)
        .await
        .expect("GET /gateway");
    assert!(
        gateway.ok(),
        "{} failed: {:?}",
        gateway.summary(),
        gateway.response
    );
    fake.wait_ready(None, WAIT).await.expect("ready");
    let ident = fake.identifies();
    // serenity sends the token with its `Bot ` prefix; Discord accepts both forms.
    assert_eq!(ident[0]["token"], format!("Bot {TOKEN}"));
    assert_eq!(ident[0]["shard"], json!([0, 1]));
    assert_eq!(ident[0]["intents"].as_u64(), Some(intents.bits()));

    let ix = fake.ask("ping", &Actor::member()).await.expect("dispatch");
    let answer = fake.wait_answer(&ix, WAIT).await.expect("answered");
    assert_eq!(answer.message().expect("data")["content"], "pong ask");
    assert_eq!(
        answer.header("authorization"),
        Some(format!("Bot {TOKEN}").as_str())
    );

    let msg = fake
        .mention("hello", &Actor::member())
        .await
        .expect("dispatch");
    fake.wait_message_reply(msg, WAIT)
        .await
        .expect("reply to the mention");

    fake.close_gateway(None, 4000).expect("close");
    fake.wait_gateway(|g| g.resume().is_some(), WAIT)
        .await
        .expect("serenity resumes after 4000");
    fake.wait_gateway(|g| g.dispatched() == Some("RESUMED"), WAIT)
        .await
        .expect("resumed");
    let ix = fake.ask("again", &Actor::member()).await.expect("dispatch");
    fake.wait_answer(&ix, WAIT)
        .await
        .expect("answered after resume");

    shards.shutdown_all().await;
    let ended = tokio::time::timeout(WAIT, task)
        .await
        .expect("client stops")
        .expect("task");
    assert!(ended.is_ok(), "client ended with {ended:?}");
}

#[tokio::test]
async fn serenity_start_fails_on_4004() {
    let fake = FakeDiscord::start(TOKEN).await;
    fake.reject_next_identify(4004);
    let http = serenity::http::HttpBuilder::new(TOKEN)
        .proxy(fake.api_base())
        .ratelimiter_disabled(true)
        .build();
    let mut client = serenity::all::ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
        .event_handler(Echo)
        .await
        .expect("client");
    let ended = tokio::time::timeout(WAIT, client.start())
        .await
        .expect("start returns on 4004");
    assert!(
        ended.is_err(),
        "start() should fail on authentication failure"
    );
}

#[tokio::test]
async fn rate_limiter_on_over_tls_waits_for_retry_after() {
    let fake = FakeDiscord::start_with(FakeOptions {
        token: TOKEN.into(),
        tls: true,
        ..FakeOptions::default()
    })
    .await;
    let tls = fake.tls.clone().expect("tls endpoint");
    let http = support::tls::serenity_http(TOKEN, &tls);
    fake.fault(
        "POST /channels/*/messages",
        1,
        Fault::TooManyRequests {
            retry_after: 0.4,
            global: false,
        },
    );
    let channel = serenity::all::ChannelId::new(payloads::CHANNEL_ID);
    let started = Instant::now();
    let sent = channel
        .send_message(&http, CreateMessage::new().content("hello"))
        .await
        .expect("sent after retry");
    assert_eq!(sent.content, "hello");
    let tries: Vec<_> = fake
        .requests()
        .snapshot()
        .into_iter()
        .filter(|r| r.is("POST /channels/*/messages"))
        .collect();
    assert_eq!(
        tries.iter().map(|r| r.status).collect::<Vec<_>>(),
        vec![429, 200]
    );
    let gap = tries[1].at - tries[0].at;
    assert!(
        gap >= Duration::from_millis(380),
        "retried after {gap:?}, before retry-after 0.4 s"
    );
    assert!(started.elapsed() < Duration::from_secs(5));

    // 500s are not retried by serenity: the caller sees the error.
    fake.fault("POST /channels/*/messages", 1, Fault::ServerError);
    assert!(channel
        .send_message(&http, CreateMessage::new().content("x"))
        .await
        .is_err());
}
