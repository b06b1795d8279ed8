//! Sharding across processes: two `parley run` processes, `--shards 0..0 --total-shards 2` and
//! `--shards 1..1 --total-shards 2`, against one fake Discord. Each must identify with its own
//! `[shard_id, num_shards]`, and together they must answer interactions from guilds on both
//! shards (the fake routes a guild's events as Discord does, `(guild_id >> 22) % 2`).

mod support;

use std::time::Duration;

use serde_json::json;
use support::bot::{Bot, BotSpec};
use support::payloads::{self, Actor, Place};
use support::FakeDiscord;

const TOKEN: &str = "shards.FAKE-token_Pz8.not-a-secret";
const STARTUP: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_identify_with_their_shards_and_answer_both() {
    let fake = FakeDiscord::start(TOKEN).await;
    let bots = [
        Bot::spawn(
            &fake,
            BotSpec::default().args(&["--shards", "0..0", "--total-shards", "2"]),
        ),
        Bot::spawn(
            &fake,
            BotSpec::default().args(&["--shards", "1..1", "--total-shards", "2"]),
        ),
    ];
    let tails = || {
        bots.iter()
            .map(|b| b.tail(20))
            .collect::<Vec<_>>()
            .join("\n--- next process ---\n")
    };
    for shard in 0..2u64 {
        if let Err(e) = fake.wait_ready(Some([shard, 2]), STARTUP).await {
            panic!(
                "shard {shard}: {e}\nidentifies: {:?}\n{}",
                fake.identifies(),
                tails()
            );
        }
    }
    let mut shards: Vec<_> = fake
        .identifies()
        .iter()
        .map(|d| d["shard"].clone())
        .collect();
    shards.sort_by_key(|s| s.to_string());
    assert_eq!(
        shards,
        vec![json!([0, 2]), json!([1, 2])],
        "each process identifies once, with its own shard"
    );

    for shard in 0..2u64 {
        let place = Place {
            guild_id: payloads::guild_on_shard(shard, 2),
            channel_id: payloads::CHANNEL_ID,
        };
        let question = vec![payloads::opt_str("question", "Who is Witkoff?")];
        let ix = fake
            .command_at("ask", question, &Actor::member(), place)
            .await
            .expect("dispatch");
        if let Err(e) = fake.wait_answer(&ix, Duration::from_secs(10)).await {
            panic!(
                "the interaction on shard {shard} was not answered: {e}\n{}",
                tails()
            );
        }
        // It went over the connection that identified as that shard.
        let carried = fake
            .gateway()
            .snapshot()
            .into_iter()
            .find(|g| matches!(g, support::GatewayRecord::ToBot { d, .. } if d["id"] == json!(ix.id.to_string())))
            .expect("dispatch recorded");
        let ident = fake
            .gateway()
            .snapshot()
            .into_iter()
            .find(|g| g.conn() == carried.conn() && g.identify().is_some())
            .and_then(|g| g.identify().cloned())
            .expect("that connection identified");
        assert_eq!(ident["shard"], json!([shard, 2]));
    }
    for bot in bots {
        bot.stop().await;
    }
}
