//! JSON payloads the fake Discord sends: READY, INTERACTION_CREATE (slash commands, autocomplete,
//! message components), MESSAGE_CREATE, the current application and the message objects REST
//! calls answer with.
//!
//! serenity drops a gateway payload that misses a required field without a word (it becomes an
//! unknown event and the bot simply never answers), so every builder here carries each field
//! `/work/shared/DISCORD-FAKE.md` lists, and `tests/fake_discord_selftest.rs` deserializes every
//! one of them into serenity's own model types. Ids are snowflakes written as strings, as Discord
//! writes them.

use serde_json::{json, Value};

/// The application id, which is also the bot user's id (as for every application made since 2019).
pub const APP_ID: u64 = 1_180_000_000_000_000_001;
/// The bot user's id.
pub const BOT_USER_ID: u64 = APP_ID;
/// The bot user's name.
pub const BOT_NAME: &str = "Parley";
/// The guild interactions and messages come from unless a test picks another.
pub const GUILD_ID: u64 = 1_180_000_000_000_000_100;
/// The text channel interactions and messages come from.
pub const CHANNEL_ID: u64 = 1_180_000_000_000_000_200;
/// The application's owner (poise reads the owners from the current application).
pub const OWNER_ID: u64 = 1_180_000_000_000_000_900;

/// Permission bits used by the builders (Discord's values).
pub mod perms {
    /// Manage Server (`MANAGE_GUILD`), the permission `/reload` asks for.
    pub const MANAGE_GUILD: u64 = 1 << 5;
    /// View Channel.
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    /// Send Messages.
    pub const SEND_MESSAGES: u64 = 1 << 11;
    /// Embed Links.
    pub const EMBED_LINKS: u64 = 1 << 14;
    /// Read Message History.
    pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
    /// Use Application Commands.
    pub const USE_APPLICATION_COMMANDS: u64 = 1 << 31;
    /// Send Messages in Threads.
    pub const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;
    /// What an ordinary member of a server may do: read, write, run commands. No Manage Server.
    pub const MEMBER: u64 = VIEW_CHANNEL
        | SEND_MESSAGES
        | EMBED_LINKS
        | READ_MESSAGE_HISTORY
        | USE_APPLICATION_COMMANDS
        | SEND_MESSAGES_IN_THREADS;
    /// An ordinary member plus Manage Server.
    pub const MODERATOR: u64 = MEMBER | MANAGE_GUILD;
    /// What the bot itself may do in the channel (`app_permissions`).
    pub const BOT: u64 = MEMBER;
}

/// Interaction type: slash command.
pub const INTERACTION_COMMAND: u64 = 2;
/// Interaction type: message component (a button press).
pub const INTERACTION_COMPONENT: u64 = 3;
/// Interaction type: autocomplete.
pub const INTERACTION_AUTOCOMPLETE: u64 = 4;

/// Command option type: string.
pub const OPTION_STRING: u64 = 3;
/// Command option type: boolean.
pub const OPTION_BOOLEAN: u64 = 5;

/// A fixed timestamp for the messages the fake makes (ISO 8601, as Discord writes it).
pub const TIMESTAMP: &str = "2025-04-23T12:00:00.000000+00:00";

/// Who does something on the fake: runs a command, presses a button, writes a message.
#[derive(Debug, Clone)]
pub struct Actor {
    /// User id.
    pub id: u64,
    /// Username.
    pub username: String,
    /// Whether the account is a bot.
    pub bot: bool,
    /// The member's computed permissions in the channel, as Discord sends them in interactions.
    pub permissions: u64,
}

impl Actor {
    /// A member with Manage Server.
    pub fn moderator() -> Self {
        Self {
            id: 1_180_000_000_000_000_301,
            username: "moderator".into(),
            bot: false,
            permissions: perms::MODERATOR,
        }
    }

    /// An ordinary member, WITHOUT Manage Server.
    pub fn member() -> Self {
        Self {
            id: 1_180_000_000_000_000_302,
            username: "member".into(),
            bot: false,
            permissions: perms::MEMBER,
        }
    }

    /// Another bot in the server.
    pub fn other_bot() -> Self {
        Self {
            id: 1_180_000_000_000_000_303,
            username: "otherbot".into(),
            bot: true,
            permissions: perms::MEMBER,
        }
    }

    /// The Parley bot itself (for its own messages).
    pub fn parley() -> Self {
        Self {
            id: BOT_USER_ID,
            username: BOT_NAME.into(),
            bot: true,
            permissions: perms::BOT,
        }
    }

    /// An ordinary member with a given id and name (for tests that need many distinct users, such
    /// as a burst that must not trip the per-user cooldown).
    pub fn member_numbered(n: u64) -> Self {
        Self {
            id: 1_180_000_000_000_100_000 + n,
            username: format!("member{n}"),
            bot: false,
            permissions: perms::MEMBER,
        }
    }

    /// The user object.
    pub fn user(&self) -> Value {
        user(self.id, &self.username, self.bot)
    }

    /// The guild member object of an interaction, `permissions` included so permission checks
    /// (poise's `required_permissions`) can run.
    pub fn member_object(&self) -> Value {
        json!({
            "user": self.user(),
            "nick": null,
            "avatar": null,
            "roles": [],
            "joined_at": "2024-01-01T00:00:00.000000+00:00",
            "premium_since": null,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "pending": false,
            "permissions": self.permissions.to_string(),
            "communication_disabled_until": null,
        })
    }
}

/// A user object.
pub fn user(id: u64, username: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(),
        "username": username,
        "discriminator": "0",
        "global_name": username,
        "avatar": null,
        "bot": bot,
        "public_flags": 0,
    })
}

/// The bot's own user object, as READY gives it.
pub fn bot_user() -> Value {
    json!({
        "id": BOT_USER_ID.to_string(),
        "username": BOT_NAME,
        "discriminator": "0",
        "global_name": null,
        "avatar": null,
        "bot": true,
        "verified": true,
        "mfa_enabled": false,
        "flags": 0,
        "email": null,
    })
}

/// The READY dispatch's `d`. `shard` is echoed from Identify, as Discord does.
pub fn ready(session_id: &str, resume_gateway_url: &str, shard: Option<[u64; 2]>) -> Value {
    let mut d = json!({
        "v": 10,
        "user": bot_user(),
        // Real Discord lists the guilds as unavailable and then sends GUILD_CREATE for each; the
        // adapter needs no guild data, so the fake keeps the list empty and sends none.
        "guilds": [],
        "session_id": session_id,
        "resume_gateway_url": resume_gateway_url,
        "application": { "id": APP_ID.to_string(), "flags": 0 },
    });
    if let Some(shard) = shard {
        d["shard"] = json!(shard);
    }
    d
}

/// `GET /oauth2/applications/@me`.
pub fn current_application() -> Value {
    json!({
        "id": APP_ID.to_string(),
        "name": BOT_NAME,
        "icon": null,
        "description": "Answers questions about the peace talks by quoting the articles.",
        "rpc_origins": [],
        "bot_public": true,
        "bot_require_code_grant": false,
        "owner": user(OWNER_ID, "owner", false),
        "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
        "team": null,
        "flags": 0,
    })
}

/// A string option of a slash command, `{name, type: 3, value}`.
pub fn opt_str(name: &str, value: &str) -> Value {
    json!({ "name": name, "type": OPTION_STRING, "value": value })
}

/// A boolean option of a slash command.
pub fn opt_bool(name: &str, value: bool) -> Value {
    json!({ "name": name, "type": OPTION_BOOLEAN, "value": value })
}

/// The option being typed in an autocomplete interaction: a string with `focused: true`.
pub fn opt_focused(name: &str, partial: &str) -> Value {
    json!({ "name": name, "type": OPTION_STRING, "value": partial, "focused": true })
}

/// Where an interaction happens.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// The guild.
    pub guild_id: u64,
    /// The text channel.
    pub channel_id: u64,
}

impl Default for Place {
    fn default() -> Self {
        Self {
            guild_id: GUILD_ID,
            channel_id: CHANNEL_ID,
        }
    }
}

/// The fields every interaction carries, whatever its type.
fn interaction_base(id: u64, token: &str, kind: u64, actor: &Actor, place: Place) -> Value {
    json!({
        "id": id.to_string(),
        "application_id": APP_ID.to_string(),
        "type": kind,
        "token": token,
        "version": 1,
        "guild_id": place.guild_id.to_string(),
        "channel_id": place.channel_id.to_string(),
        "channel": { "id": place.channel_id.to_string(), "type": 0, "name": "peace-talks" },
        "member": actor.member_object(),
        // poise's permission check unwraps this for every guild interaction.
        "app_permissions": perms::BOT.to_string(),
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "context": 0,
        "attachment_size_limit": 26_214_400,
    })
}

/// INTERACTION_CREATE `d` for a slash command (type 2) with `options` as `{name, type, value}`.
pub fn slash_command(
    id: u64,
    token: &str,
    command: &str,
    options: Vec<Value>,
    actor: &Actor,
    place: Place,
) -> Value {
    let mut d = interaction_base(id, token, INTERACTION_COMMAND, actor, place);
    d["data"] = json!({
        "id": command_id(command).to_string(),
        "name": command,
        "type": 1,
        "options": options,
    });
    d
}

/// INTERACTION_CREATE `d` for autocomplete (type 4): like a slash command, with one option
/// `focused` (see [`opt_focused`]).
pub fn autocomplete(
    id: u64,
    token: &str,
    command: &str,
    options: Vec<Value>,
    actor: &Actor,
    place: Place,
) -> Value {
    let mut d = slash_command(id, token, command, options, actor, place);
    d["type"] = json!(INTERACTION_AUTOCOMPLETE);
    d
}

/// INTERACTION_CREATE `d` for a button press (type 3) on `message` (a message object, such as
/// the bot's answer the fake recorded).
pub fn component(
    id: u64,
    token: &str,
    custom_id: &str,
    message: Value,
    actor: &Actor,
    place: Place,
) -> Value {
    let mut d = interaction_base(id, token, INTERACTION_COMPONENT, actor, place);
    d["data"] = json!({ "custom_id": custom_id, "component_type": 2 });
    d["message"] = message;
    d
}

/// A stable command id for a command name, so interactions name the same id every time.
pub fn command_id(name: &str) -> u64 {
    let hash = name
        .bytes()
        .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    1_180_000_000_000_500_000 + hash % 100_000
}

/// A message object: MESSAGE_CREATE's `d` and what REST message calls answer with.
pub fn message(
    id: u64,
    channel_id: u64,
    guild_id: Option<u64>,
    author: &Actor,
    content: &str,
) -> Value {
    let mut d = json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": author.user(),
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": false,
        "type": 0,
        "flags": 0,
    });
    if let Some(guild_id) = guild_id {
        d["guild_id"] = json!(guild_id.to_string());
        d["member"] = json!({
            "roles": [],
            "joined_at": "2024-01-01T00:00:00.000000+00:00",
            "deaf": false,
            "mute": false,
            "flags": 0,
        });
    }
    d
}

/// MESSAGE_CREATE `d` for a guild message by `author` that mentions the bot: `content` is prefixed
/// with `<@BOT>` and `mentions` holds the bot user, as Discord sends it.
pub fn mention_message(id: u64, author: &Actor, question: &str, place: Place) -> Value {
    let content = format!("<@{BOT_USER_ID}> {question}");
    let mut d = message(id, place.channel_id, Some(place.guild_id), author, &content);
    d["mentions"] = json!([bot_user()]);
    d
}

/// MESSAGE_CREATE `d` by another bot that mentions Parley: must be ignored.
pub fn mention_message_from_bot(id: u64, question: &str, place: Place) -> Value {
    mention_message(id, &Actor::other_bot(), question, place)
}

/// A registered command as Discord answers `PUT .../commands`: the body sent, plus ids.
pub fn registered_command(sent: &Value, guild_id: Option<u64>) -> Value {
    let mut command = sent.clone();
    let name = sent.get("name").and_then(Value::as_str).unwrap_or("");
    command["id"] = json!(command_id(name).to_string());
    command["application_id"] = json!(APP_ID.to_string());
    command["version"] = json!("1180000000000000002");
    if command.get("type").is_none() {
        command["type"] = json!(1);
    }
    if command.get("description").is_none() {
        command["description"] = json!("");
    }
    if let Some(guild_id) = guild_id {
        command["guild_id"] = json!(guild_id.to_string());
    }
    command
}

/// The shard a guild's events go to on `total` shards, as Discord routes them:
/// `(guild_id >> 22) % total`.
pub fn shard_of(guild_id: u64, total: u64) -> u64 {
    (guild_id >> 22) % total
}

/// A guild id Discord would route to `shard` of `total` shards.
pub fn guild_on_shard(shard: u64, total: u64) -> u64 {
    let mut guild = GUILD_ID;
    while shard_of(guild, total) != shard {
        guild += 1 << 22;
    }
    guild
}
