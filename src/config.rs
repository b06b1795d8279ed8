//! Bot settings: `config/parley.toml`, then `PARLEY_<KEY>` environment overrides, then checks.
//!
//! Reading happens in two steps, as ripgrep does with its flags: [`RawConfig`] is what the file
//! and the environment say (every key optional), [`BotConfig`] is the checked result with
//! defaults applied. [`BotConfig::from_toml_str`] takes the environment as a closure, so tests
//! never touch the process environment; [`BotConfig::load`] reads the file and the real
//! environment for the binary.
//!
//! The bot token never lives in the file itself: it comes from the environment variable named by
//! `token_env` (default `DISCORD_TOKEN`) or from the file named by `token_file`. It is held in a
//! [`Token`], whose `Debug` and `Display` print `<redacted>`, and no error here ever quotes it.
//!
//! Relative paths are taken relative to the working directory, like the CLI's paths.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The default location of the settings file.
pub const DEFAULT_CONFIG_PATH: &str = "config/parley.toml";

/// Prefix of the environment variables that override keys of the file.
pub const ENV_PREFIX: &str = "PARLEY_";

/// A Discord bot token. Prints as `<redacted>`; [`Token::expose`] is the only way to its text.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// Checks a token's shape and wraps it. Surrounding whitespace (a file's final newline) and a
    /// leading `Bot ` are dropped. `origin` names where it came from, for the error.
    pub fn parse(text: &str, origin: &str) -> Result<Token, ConfigError> {
        let t = text.trim();
        let t = t.strip_prefix("Bot ").map(str::trim_start).unwrap_or(t);
        let bad = |reason: &str| ConfigError::TokenMalformed {
            origin: origin.to_string(),
            reason: reason.to_string(),
        };
        if t.is_empty() {
            return Err(bad("it is empty"));
        }
        if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad("it contains whitespace or control characters"));
        }
        if t.contains(['"', '\'']) {
            return Err(bad(
                "it contains quotation marks (paste the token without quotes)",
            ));
        }
        if !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            return Err(bad(
                "it contains characters a bot token never has (only letters, digits, '.', '-' and '_')",
            ));
        }
        // A bot token is three parts joined by dots: the bot's id, a timestamp and a signature,
        // each in URL-safe base64 (letters, digits, '-' and '_', checked above).
        let parts = t.split('.').count();
        if parts != 3 || t.split('.').any(str::is_empty) {
            return Err(bad(
                "it is not three parts separated by dots, the way every bot token is written",
            ));
        }
        if t.len() < 8 {
            return Err(bad("it is too short to be a bot token"));
        }
        if t.len() > 256 {
            return Err(bad("it is too long to be a bot token"));
        }
        Ok(Token(t.to_string()))
    }

    /// The token's text, for the Discord client only. Never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// What can be wrong with the settings. No variant ever holds the token's text.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The settings file could not be read.
    #[error("could not read the settings file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The settings file is not valid TOML, or has an unknown key or a value of the wrong type.
    #[error("{origin}: {message}")]
    Parse {
        /// The file (or "settings").
        origin: String,
        /// What the TOML reader said.
        message: String,
    },
    /// An environment override could not be read as the key's type.
    #[error("environment variable {var}: {message}")]
    Env {
        /// The variable, e.g. `PARLEY_GUILD_ID`.
        var: String,
        /// What is wrong with it.
        message: String,
    },
    /// A value is out of range or inconsistent.
    #[error("setting `{key}`: {message}")]
    Invalid {
        /// The key.
        key: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// No token was found.
    #[error(
        "no Discord bot token: set the environment variable {env_var} to your bot's token{file_hint} \
         (Discord developer portal -> your application -> Bot -> Reset Token; see the README)"
    )]
    TokenMissing {
        /// The variable that was looked at.
        env_var: String,
        /// ", or put it in the file the config names" hint (with the file, if one was named).
        file_hint: String,
    },
    /// The token file could not be read.
    #[error("could not read the token file {path} (named by `token_file`): {source}")]
    TokenFile {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The token does not look like a bot token.
    #[error("the bot token from {origin} is malformed: {reason}. Copy it again from the Discord developer portal (Bot -> Reset Token)")]
    TokenMalformed {
        /// Where it came from ("environment variable DISCORD_TOKEN", "file secrets/token").
        origin: String,
        /// Which check failed.
        reason: String,
    },
}

/// A Discord id in the file: an integer, or a string of digits (ids are often quoted).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawId {
    /// `123`.
    Int(i64),
    /// `"123"`.
    Str(String),
}

/// The settings exactly as the file and the environment give them; every key optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Environment variable holding the token.
    pub token_env: Option<String>,
    /// File holding the token.
    pub token_file: Option<PathBuf>,
    /// Guild to register commands in.
    pub guild_id: Option<RawId>,
    /// Knowledge file.
    pub knowledge: Option<PathBuf>,
    /// Articles folder.
    pub articles: Option<PathBuf>,
    /// Folder with lexicon.toml and language.toml.
    pub lexicon_dir: Option<PathBuf>,
    /// REST base URL override.
    pub api_base: Option<String>,
    /// Most quotes per reply.
    pub quotes_per_reply: Option<i64>,
    /// Embeds (true) or plain text (false).
    pub embeds: Option<bool>,
    /// Questions allowed per cooldown window.
    pub cooldown_questions: Option<i64>,
    /// Cooldown window.
    pub cooldown_seconds: Option<i64>,
    /// Owner user ids.
    pub owners: Option<Vec<RawId>>,
    /// Allowed channel ids.
    pub channels: Option<Vec<RawId>>,
    /// Log filter.
    pub log_level: Option<String>,
    /// Feedback log file.
    pub feedback_log: Option<PathBuf>,
    /// Follow-up context lifetime.
    pub context_minutes: Option<i64>,
    /// Reload the knowledge file when it changes.
    pub reload_watch: Option<bool>,
}

/// The type of a key, for reading its environment override.
#[derive(Clone, Copy)]
enum KeyKind {
    Str,
    Int,
    Bool,
    IdList,
}

/// Every key, with its type: the single list the environment overrides and the docs follow.
const KEYS: &[(&str, KeyKind)] = &[
    ("token_env", KeyKind::Str),
    ("token_file", KeyKind::Str),
    ("guild_id", KeyKind::Str),
    ("knowledge", KeyKind::Str),
    ("articles", KeyKind::Str),
    ("lexicon_dir", KeyKind::Str),
    ("api_base", KeyKind::Str),
    ("quotes_per_reply", KeyKind::Int),
    ("embeds", KeyKind::Bool),
    ("cooldown_questions", KeyKind::Int),
    ("cooldown_seconds", KeyKind::Int),
    ("owners", KeyKind::IdList),
    ("channels", KeyKind::IdList),
    ("log_level", KeyKind::Str),
    ("feedback_log", KeyKind::Str),
    ("context_minutes", KeyKind::Int),
    ("reload_watch", KeyKind::Bool),
];

/// The names of all keys the file accepts (each also `PARLEY_<KEY>` in the environment).
pub fn keys() -> impl Iterator<Item = &'static str> {
    KEYS.iter().map(|(k, _)| *k)
}

/// The checked settings `parley run` uses.
#[derive(Debug, Clone)]
pub struct BotConfig {
    /// The bot token (prints as `<redacted>`).
    pub token: Token,
    /// Where the token came from ("environment variable DISCORD_TOKEN"), for logs.
    pub token_origin: String,
    /// Register commands in this guild (instant) instead of globally.
    pub guild_id: Option<u64>,
    /// The knowledge file served.
    pub knowledge: PathBuf,
    /// The articles `/reload` rebuilds from.
    pub articles: PathBuf,
    /// Folder with `lexicon.toml` and `language.toml` for `/reload`.
    pub lexicon_dir: PathBuf,
    /// Discord REST base override (`http://127.0.0.1:8080`), without a trailing slash.
    pub api_base: Option<String>,
    /// Most quotes in one reply (1 to 10).
    pub quotes_per_reply: usize,
    /// Replies as embeds (true) or plain text (false).
    pub embeds: bool,
    /// Questions a user may ask per window; 0 switches the cooldown off.
    pub cooldown_questions: u32,
    /// The cooldown window, in seconds.
    pub cooldown_seconds: u64,
    /// Users who may run `/reload` whatever their server permissions.
    pub owners: BTreeSet<u64>,
    /// Channels the bot answers in; empty means every channel.
    pub channels: BTreeSet<u64>,
    /// Log filter used when `RUST_LOG` is not set (`info`, `parley=debug,serenity=warn`, ...).
    pub log_level: String,
    /// JSON-lines file that feedback and declined questions are appended to.
    pub feedback_log: PathBuf,
    /// How long follow-up context is kept per user and channel, in minutes; 0 keeps none.
    pub context_minutes: u64,
    /// Reload the knowledge file when it changes on disk.
    pub reload_watch: bool,
}

impl BotConfig {
    /// Reads the settings file at `path` and the process environment.
    pub fn load(path: &Path) -> Result<BotConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_toml_str_named(&text, &path.display().to_string(), |k| {
            std::env::var(k).ok()
        })
    }

    /// Settings from TOML text; `env` looks up environment variables (overrides and the token).
    pub fn from_toml_str(
        text: &str,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<BotConfig, ConfigError> {
        Self::from_toml_str_named(text, "settings", env)
    }

    /// Like [`BotConfig::from_toml_str`], with `origin` naming the text in errors.
    pub fn from_toml_str_named(
        text: &str,
        origin: &str,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<BotConfig, ConfigError> {
        let raw = RawConfig::from_toml_str(text, origin, &env)?;
        raw.validate(&env)
    }

    /// The cooldown window.
    pub fn cooldown_window(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.cooldown_seconds)
    }

    /// The follow-up context lifetime.
    pub fn context_lifetime(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.context_minutes * 60)
    }

    /// Whether the bot answers in `channel` (the allow-list is empty or holds it).
    pub fn channel_allowed(&self, channel: u64) -> bool {
        self.channels.is_empty() || self.channels.contains(&channel)
    }
}

impl RawConfig {
    /// Parses the file and applies `PARLEY_<KEY>` overrides found through `env`.
    pub fn from_toml_str(
        text: &str,
        origin: &str,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<RawConfig, ConfigError> {
        let mut table: toml::Table =
            text.parse()
                .map_err(|e: toml::de::Error| ConfigError::Parse {
                    origin: origin.to_string(),
                    message: e.message().to_string() + &line_hint(text, e.span()),
                })?;
        for (key, kind) in KEYS {
            let var = format!("{ENV_PREFIX}{}", key.to_ascii_uppercase());
            if let Some(value) = env(&var) {
                table.insert((*key).to_string(), env_value(&var, &value, *kind)?);
            }
        }
        RawConfig::deserialize(toml::Value::Table(table)).map_err(|e| ConfigError::Parse {
            origin: format!("{origin} (with PARLEY_* overrides)"),
            message: e.message().to_string(),
        })
    }

    /// Applies defaults, checks every value and finds the token.
    pub fn validate(self, env: &dyn Fn(&str) -> Option<String>) -> Result<BotConfig, ConfigError> {
        let token_env = self
            .token_env
            .unwrap_or_else(|| "DISCORD_TOKEN".to_string());
        if token_env.is_empty()
            || !token_env
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Err(ConfigError::Invalid {
                key: "token_env",
                message: format!("{token_env:?} is not an environment variable name"),
            });
        }
        let (token, token_origin) = find_token(&token_env, self.token_file.as_deref(), env)?;

        let guild_id = self
            .guild_id
            .map(|id| parse_id("guild_id", &id))
            .transpose()?;
        let api_base = match self
            .api_base
            .map(|s| s.trim().trim_end_matches('/').to_string())
        {
            None => None,
            Some(s) if s.is_empty() => None,
            Some(s) if s.starts_with("http://") || s.starts_with("https://") => Some(s),
            Some(s) => {
                return Err(ConfigError::Invalid {
                    key: "api_base",
                    message: format!("{s:?} must start with http:// or https://"),
                })
            }
        };
        let quotes_per_reply =
            int_in("quotes_per_reply", self.quotes_per_reply, 3, 1, 10)? as usize;
        let cooldown_questions =
            int_in("cooldown_questions", self.cooldown_questions, 5, 0, 1000)? as u32;
        let cooldown_seconds =
            int_in("cooldown_seconds", self.cooldown_seconds, 30, 1, 86_400)? as u64;
        let context_minutes = int_in("context_minutes", self.context_minutes, 5, 0, 1440)? as u64;
        let ids =
            |key: &'static str, list: Option<Vec<RawId>>| -> Result<BTreeSet<u64>, ConfigError> {
                list.unwrap_or_default()
                    .iter()
                    .map(|id| parse_id(key, id))
                    .collect()
            };
        let owners = ids("owners", self.owners)?;
        let channels = ids("channels", self.channels)?;
        let log_level = self.log_level.unwrap_or_else(|| "info".to_string());
        if let Err(e) = tracing_subscriber::EnvFilter::try_new(&log_level) {
            return Err(ConfigError::Invalid {
                key: "log_level",
                message: format!("{log_level:?} is not a log filter ({e}); try \"info\" or \"parley=debug,info\""),
            });
        }
        let path = |key: &'static str,
                    value: Option<PathBuf>,
                    default: &str|
         -> Result<PathBuf, ConfigError> {
            let p = value.unwrap_or_else(|| PathBuf::from(default));
            if p.as_os_str().is_empty() {
                return Err(ConfigError::Invalid {
                    key,
                    message: "is empty".into(),
                });
            }
            Ok(p)
        };
        Ok(BotConfig {
            token,
            token_origin,
            guild_id,
            knowledge: crate::knowledge::locate(path(
                "knowledge",
                self.knowledge,
                "knowledge/knowledge.json",
            )?),
            articles: crate::knowledge::locate(path(
                "articles",
                self.articles,
                "knowledge/articles",
            )?),
            lexicon_dir: crate::knowledge::locate(path("lexicon_dir", self.lexicon_dir, "config")?),
            api_base,
            quotes_per_reply,
            embeds: self.embeds.unwrap_or(true),
            cooldown_questions,
            cooldown_seconds,
            owners,
            channels,
            log_level,
            feedback_log: path("feedback_log", self.feedback_log, "logs/feedback.jsonl")?,
            context_minutes,
            reload_watch: self.reload_watch.unwrap_or(true),
        })
    }
}

/// " (line N)" for a TOML error span.
fn line_hint(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    match span {
        Some(r) if r.start <= text.len() => {
            let line = text[..r.start].matches('\n').count() + 1;
            format!(" (line {line})")
        }
        _ => String::new(),
    }
}

/// Turns an environment override into the TOML value its key expects.
fn env_value(var: &str, value: &str, kind: KeyKind) -> Result<toml::Value, ConfigError> {
    let err = |message: String| ConfigError::Env {
        var: var.to_string(),
        message,
    };
    let v = value.trim();
    Ok(match kind {
        KeyKind::Str => toml::Value::String(v.to_string()),
        KeyKind::Int => toml::Value::Integer(
            v.parse::<i64>()
                .map_err(|_| err(format!("expected a whole number, got {v:?}")))?,
        ),
        KeyKind::Bool => toml::Value::Boolean(match v.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => true,
            "false" | "0" | "no" | "off" => false,
            _ => return Err(err(format!("expected true or false, got {v:?}"))),
        }),
        KeyKind::IdList => toml::Value::Array(
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| toml::Value::String(s.to_string()))
                .collect(),
        ),
    })
}

/// A Discord id (snowflake): a positive integer.
fn parse_id(key: &'static str, id: &RawId) -> Result<u64, ConfigError> {
    let n = match id {
        RawId::Int(n) => u64::try_from(*n).ok(),
        RawId::Str(s) => s.trim().parse::<u64>().ok(),
    };
    match n {
        Some(n) if n > 0 => Ok(n),
        _ => Err(ConfigError::Invalid {
            key,
            message: format!(
                "{id:?} is not a Discord id (a positive number, like 123456789012345678)"
            ),
        }),
    }
}

/// A whole number within bounds, or its default.
fn int_in(
    key: &'static str,
    value: Option<i64>,
    default: i64,
    min: i64,
    max: i64,
) -> Result<i64, ConfigError> {
    let v = value.unwrap_or(default);
    if v < min || v > max {
        return Err(ConfigError::Invalid {
            key,
            message: format!("{v} is outside {min}..={max}"),
        });
    }
    Ok(v)
}

/// The token: from the environment variable if it is set and not blank, else from the file.
fn find_token(
    token_env: &str,
    token_file: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(Token, String), ConfigError> {
    let from_env = env(token_env);
    match (&from_env, token_file) {
        (Some(v), _) if !v.trim().is_empty() => {
            let origin = format!("environment variable {token_env}");
            Ok((Token::parse(v, &origin)?, origin))
        }
        (_, Some(file)) => {
            let text = std::fs::read_to_string(file).map_err(|source| ConfigError::TokenFile {
                path: file.to_path_buf(),
                // Only the io error kind and message: never file contents.
                source,
            })?;
            let origin = format!("file {}", file.display());
            Ok((Token::parse(&text, &origin)?, origin))
        }
        (Some(_), None) => Err(ConfigError::TokenMalformed {
            origin: format!("environment variable {token_env}"),
            reason: "it is empty".into(),
        }),
        (None, None) => Err(ConfigError::TokenMissing {
            env_var: token_env.to_string(),
            file_hint: ", or name a file holding it with `token_file` in config/parley.toml"
                .to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const TOKEN: &str = "test.token.abc";

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn defaults_apply_to_an_empty_file() {
        let c = BotConfig::from_toml_str("", env(&[("DISCORD_TOKEN", TOKEN)])).unwrap();
        assert_eq!(c.token.expose(), TOKEN);
        assert_eq!(c.guild_id, None);
        assert_eq!(c.knowledge, PathBuf::from("knowledge/knowledge.json"));
        assert_eq!(c.articles, PathBuf::from("knowledge/articles"));
        assert_eq!(c.lexicon_dir, PathBuf::from("config"));
        assert_eq!(c.api_base, None);
        assert_eq!(c.quotes_per_reply, 3);
        assert!(c.embeds);
        assert_eq!((c.cooldown_questions, c.cooldown_seconds), (5, 30));
        assert!(c.owners.is_empty() && c.channels.is_empty());
        assert_eq!(c.log_level, "info");
        assert_eq!(c.feedback_log, PathBuf::from("logs/feedback.jsonl"));
        assert_eq!(c.context_minutes, 5);
        assert!(c.reload_watch);
        assert!(c.channel_allowed(42));
    }

    #[test]
    fn the_shipped_config_parses_with_its_documented_keys() {
        let text = include_str!("../config/parley.toml");
        let c = BotConfig::from_toml_str(text, env(&[("DISCORD_TOKEN", TOKEN)])).unwrap();
        assert_eq!(c.quotes_per_reply, 3);
        // Every key is documented in the file (commented out or set).
        for key in keys() {
            assert!(
                text.contains(&format!("{key} =")),
                "config/parley.toml does not document `{key}`"
            );
        }
    }

    #[test]
    fn file_values_are_read() {
        let text = r#"
            token_env = "MY_TOKEN"
            guild_id = "123456789012345678"
            api_base = "http://127.0.0.1:9999/"
            quotes_per_reply = 2
            embeds = false
            cooldown_questions = 0
            cooldown_seconds = 10
            owners = [1, "2"]
            channels = [33]
            log_level = "parley=debug,warn"
            context_minutes = 0
            reload_watch = false
            feedback_log = "/tmp/f.jsonl"
        "#;
        let c = BotConfig::from_toml_str(text, env(&[("MY_TOKEN", TOKEN)])).unwrap();
        assert_eq!(c.guild_id, Some(123456789012345678));
        assert_eq!(c.api_base.as_deref(), Some("http://127.0.0.1:9999"));
        assert_eq!(c.quotes_per_reply, 2);
        assert!(!c.embeds && !c.reload_watch);
        assert_eq!(c.cooldown_questions, 0);
        assert_eq!(c.owners.iter().copied().collect::<Vec<_>>(), vec![1, 2]);
        assert!(c.channel_allowed(33) && !c.channel_allowed(34));
        assert_eq!(c.token_origin, "environment variable MY_TOKEN");
    }

    #[test]
    fn environment_overrides_win_over_the_file() {
        let e = env(&[
            ("DISCORD_TOKEN", TOKEN),
            ("PARLEY_API_BASE", "http://127.0.0.1:1234"),
            ("PARLEY_GUILD_ID", "42"),
            ("PARLEY_EMBEDS", "no"),
            ("PARLEY_QUOTES_PER_REPLY", "5"),
            ("PARLEY_OWNERS", "7, 8"),
            ("PARLEY_KNOWLEDGE", "/x/k.json"),
        ]);
        let c = BotConfig::from_toml_str("guild_id = 1\nembeds = true\n", e).unwrap();
        assert_eq!(c.api_base.as_deref(), Some("http://127.0.0.1:1234"));
        assert_eq!(c.guild_id, Some(42));
        assert!(!c.embeds);
        assert_eq!(c.quotes_per_reply, 5);
        assert_eq!(c.owners.len(), 2);
        assert_eq!(c.knowledge, PathBuf::from("/x/k.json"));
    }

    #[test]
    fn bad_values_are_named() {
        let e = || env(&[("DISCORD_TOKEN", TOKEN)]);
        let err = |text: &str| BotConfig::from_toml_str(text, e()).unwrap_err().to_string();
        assert!(err("quotes_per_reply = 0").contains("quotes_per_reply"));
        assert!(err("guild_id = -3").contains("guild_id"));
        assert!(err("api_base = \"ftp://x\"").contains("api_base"));
        assert!(
            err("colour = 3").contains("colour"),
            "unknown keys are refused"
        );
        assert!(err("embeds = \"maybe\"").contains("settings"));
        assert!(err("x = [").contains("line 1"));
        let bad_env = BotConfig::from_toml_str(
            "",
            env(&[("DISCORD_TOKEN", TOKEN), ("PARLEY_EMBEDS", "perhaps")]),
        )
        .unwrap_err()
        .to_string();
        assert!(bad_env.contains("PARLEY_EMBEDS"), "{bad_env}");
    }

    #[test]
    fn missing_token_names_the_variable() {
        let e = BotConfig::from_toml_str("", env(&[])).unwrap_err();
        assert!(matches!(e, ConfigError::TokenMissing { .. }));
        let msg = e.to_string();
        assert!(
            msg.contains("DISCORD_TOKEN") && msg.contains("token_file"),
            "{msg}"
        );
        let e = BotConfig::from_toml_str("token_env = \"BOT_SECRET\"", env(&[])).unwrap_err();
        assert!(e.to_string().contains("BOT_SECRET"));
    }

    #[test]
    fn malformed_tokens_are_refused_without_echoing_them() {
        for bad in [
            "",
            "   ",
            "abc def ghi jkl",
            "\"quoted.token.x\"",
            "tok\u{7}en.abcdef",
            "a1b2c",
            "ümlaut.token.x",
            // Issue 15: no dots, too few parts, too many, or an empty part.
            "NotAToken_k3yMaterial_9f8e7d6c5b4a3210",
            "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDeFgHiJk",
            "MTIzNDU2Nzg5.GaBcDe.abcdefghij.klmnop",
            "MTIzNDU2Nzg5..abcdefghijklmnop",
            ".GaBcDe.abcdefghijklmnop",
            "MTIzNDU2Nzg5.GaBcDe.",
        ] {
            let secret = bad.trim();
            let e = BotConfig::from_toml_str("", env(&[("DISCORD_TOKEN", bad)]));
            let e = match e {
                Err(e) => e,
                Ok(_) => panic!("accepted a malformed token"),
            };
            let msg = e.to_string();
            assert!(msg.contains("DISCORD_TOKEN"), "{msg}");
            assert!(
                matches!(e, ConfigError::TokenMalformed { .. }),
                "{bad:?} gave {msg}"
            );
            if !secret.is_empty() {
                assert!(!msg.contains(secret), "the error quotes the token: {msg}");
                assert!(!format!("{e:?}").contains(secret));
            }
        }
        let long = "a".repeat(300);
        assert!(Token::parse(&long, "x").is_err());
        for good in [
            TOKEN,
            "Bot test.token.abc",
            "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789-_",
        ] {
            assert!(Token::parse(good, "x").is_ok(), "{good}");
        }
        assert_eq!(
            Token::parse("Bot test.token.abc\n", "x").unwrap().expose(),
            TOKEN
        );
    }

    #[test]
    fn the_token_never_prints() {
        let c = BotConfig::from_toml_str("", env(&[("DISCORD_TOKEN", TOKEN)])).unwrap();
        assert_eq!(format!("{}", c.token), "<redacted>");
        assert!(!format!("{c:?}").contains(TOKEN));
        assert!(!format!("{c:#?}").contains(TOKEN));
    }

    #[test]
    fn token_file_is_read_and_trimmed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("token");
        std::fs::write(&file, format!("{TOKEN}\n")).unwrap();
        let text = format!("token_file = {:?}", file.display().to_string());
        let c = BotConfig::from_toml_str(&text, env(&[])).unwrap();
        assert_eq!(c.token.expose(), TOKEN);
        assert!(c.token_origin.starts_with("file "));
        // The environment wins over the file.
        let c =
            BotConfig::from_toml_str(&text, env(&[("DISCORD_TOKEN", "other.token.xyz")])).unwrap();
        assert_eq!(c.token.expose(), "other.token.xyz");
        // A missing file is named.
        let text = "token_file = \"/nonexistent/parley-token\"";
        let msg = BotConfig::from_toml_str(text, env(&[]))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("/nonexistent/parley-token"), "{msg}");
        // A malformed token in a file is refused without quoting it.
        std::fs::write(&file, "not a token at all").unwrap();
        let text = format!("token_file = {:?}", file.display().to_string());
        let msg = BotConfig::from_toml_str(&text, env(&[]))
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("malformed") && !msg.contains("not a token at all"),
            "{msg}"
        );
    }

    #[test]
    fn load_reads_a_file_and_names_a_missing_one() {
        let msg = BotConfig::load(Path::new("/nonexistent/parley.toml"))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("/nonexistent/parley.toml"));
    }
}
