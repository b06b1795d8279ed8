//! The Discord adapter: `parley run`. Connects with serenity, serves poise slash commands and
//! mentions, and turns [`Answer`](crate::answer::Answer)s into Discord messages. The engine does
//! the answering; this module only carries questions in and replies out.
//!
//! # Layout
//! - `mod.rs` (here): settings -> a running client: HTTP, intents, sharding, signals, shutdown.
//! - [`commands`]: the slash commands and the path every engine reply takes.
//! - [`events`]: mentions of the bot and the buttons under answers.
//! - [`render`]: `Answer` -> embeds or text within Discord's limits (pure).
//! - [`state`]: engine swap, cooldowns, follow-up context, recent answers, feedback log.
//! - [`reload`]: `/reload`, knowledge-file watching and SIGHUP.
//! - [`refusal`]: Discord refusing the token or the connection for good (401, close codes
//!   4004 and 4010 to 4014), which stops the bot instead of reconnecting.
//!
//! # Running in-process (tests)
//! [`run_with`] runs the bot on the caller's Tokio runtime until `shutdown` completes:
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! use parley::config::BotConfig;
//! use parley::discord::{run_with, Launch};
//! let config = BotConfig::from_toml_str(
//!     "api_base = \"http://127.0.0.1:8080\"\nknowledge = \"knowledge/knowledge.json\"",
//!     |k| (k == "DISCORD_TOKEN").then(|| "test.token.abc".to_string()),
//! )?;
//! let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
//! let bot = tokio::spawn(run_with(config, Launch::default(), async move { let _ = stopped.await; }));
//! // ... drive the fake Discord ...
//! let _ = stop.send(());
//! bot.await??;
//! # Ok(()) }
//! ```
//!
//! With `api_base` set and no [`Launch::http`], the client sends REST calls to that base
//! (`HttpBuilder::proxy`) with serenity's rate limiter off, as a REST proxy setup needs. To keep
//! the rate limiter on (the 429 test), build an [`Http`] yourself and pass it in
//! [`Launch::http`]; its token is then the one used, and `api_base` is ignored.

pub mod commands;
pub mod events;
pub mod refusal;
pub mod reload;
pub mod render;
pub mod state;

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use poise::serenity_prelude as serenity;
use serenity::http::{Http, HttpBuilder};
use tracing::{error, info, warn};

pub use events::buttons;
pub use reload::reload_from_articles;

use crate::config::{BotConfig, DEFAULT_CONFIG_PATH};
use crate::engine::Engine;
use state::BotState;

/// How `parley run` was asked to run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// `--config`.
    pub config: Option<PathBuf>,
    /// `--shards FIRST..LAST` (inclusive).
    pub shards: Option<(u32, u32)>,
    /// `--total-shards N`.
    pub total_shards: Option<u32>,
}

/// How [`run_with`] connects, beyond the settings.
#[derive(Debug, Default)]
pub struct Launch {
    /// A prebuilt HTTP client (custom reqwest client, rate limiter on, ...). When `None`, one is
    /// built from the config's token and `api_base`.
    pub http: Option<Http>,
    /// Gateway shards this process runs, `(first, last)` inclusive; needs `total_shards`.
    pub shards: Option<(u32, u32)>,
    /// Total gateway shards across all processes.
    pub total_shards: Option<u32>,
    /// Gateway close codes as serenity's shards see them, from a [`refusal::CloseWatch`]
    /// tracing layer. With it, the close codes serenity itself would retry after (4010, 4011,
    /// 4012) also stop the bot; without it, only 4004, 4013 and 4014 do.
    pub gateway_closes: Option<tokio::sync::mpsc::UnboundedReceiver<u16>>,
}

/// Which gateway shards to start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardPlan {
    /// One shard, `[0, 1]`: enough below 2,500 servers.
    Single,
    /// All of `total` shards in this process.
    All {
        /// Total shards.
        total: u32,
    },
    /// Shards `first..=last` of `total`; other processes run the rest.
    Range {
        /// First shard id.
        first: u32,
        /// Last shard id (inclusive).
        last: u32,
        /// Total shards.
        total: u32,
    },
}

impl ShardPlan {
    /// Checks `--shards` and `--total-shards` together.
    pub fn new(shards: Option<(u32, u32)>, total: Option<u32>) -> anyhow::Result<ShardPlan> {
        match (shards, total) {
            (None, None) => Ok(ShardPlan::Single),
            (_, Some(0)) => anyhow::bail!("--total-shards must be at least 1"),
            (None, Some(total)) => Ok(ShardPlan::All { total }),
            (Some(_), None) => anyhow::bail!(
                "--shards needs --total-shards (the number of shards across all processes)"
            ),
            (Some((first, last)), Some(total)) => {
                if first > last {
                    anyhow::bail!("--shards {first}..{last}: the first shard is after the last");
                }
                if last >= total {
                    anyhow::bail!(
                        "--shards {first}..{last} does not fit --total-shards {total} (shard ids go from 0 to {})",
                        total - 1
                    );
                }
                Ok(ShardPlan::Range { first, last, total })
            }
        }
    }
}

/// The gateway intents: guilds, guild messages and DMs. None is privileged: in particular no
/// Message Content, since Discord delivers the text of messages that mention the bot anyway.
pub fn intents() -> serenity::GatewayIntents {
    serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::DIRECT_MESSAGES
}

/// The HTTP client for a config: the token, no mentions by default, and `api_base` as a REST
/// proxy (rate limiter off: the proxy holds the limits) when set.
pub fn build_http(config: &BotConfig) -> Http {
    let mut builder =
        HttpBuilder::new(config.token.expose()).default_allowed_mentions(render::no_mentions());
    if let Some(base) = &config.api_base {
        builder = builder.proxy(base.as_str()).ratelimiter_disabled(true);
    }
    builder.build()
}

/// Loads the knowledge file the config names into an engine.
pub fn load_engine(config: &BotConfig) -> anyhow::Result<Engine> {
    Ok(load_engine_at(
        &config.knowledge,
        state::engine_settings(config),
    )?)
}

/// Loads a knowledge file into an engine, from its snapshot when there is a good one; a
/// snapshot passed over is logged with the reason (start-up and reloads alike).
pub(crate) fn load_engine_at(
    path: &std::path::Path,
    settings: crate::engine::EngineSettings,
) -> Result<Engine, crate::knowledge::KnowledgeError> {
    let (engine, passed_over) = crate::snapshot::load_engine(path, settings)?;
    if let Some(why) = passed_over {
        tracing::warn!("{why}; loaded the knowledge file instead");
    }
    Ok(engine)
}

/// The poise framework options: our commands, no prefix commands, no mention prefix, no mentions.
fn framework_options(
    config: &BotConfig,
) -> poise::FrameworkOptions<commands::Data, commands::Error> {
    poise::FrameworkOptions {
        commands: commands::all(),
        event_handler: |framework, event| Box::pin(events::on_event(framework, event)),
        on_error: |error| Box::pin(on_error(error)),
        allowed_mentions: Some(render::no_mentions()),
        prefix_options: poise::PrefixFrameworkOptions {
            prefix: None,
            // A mention is a question for the engine, not a command prefix.
            mention_as_prefix: false,
            ..Default::default()
        },
        // /reload checks its own owners list; no need to ask Discord for the application's owner.
        initialize_owners: false,
        owners: config
            .owners
            .iter()
            .map(|&id| serenity::UserId::new(id))
            .collect(),
        ..Default::default()
    }
}

async fn on_error(error: poise::FrameworkError<'_, commands::Data, commands::Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            error!(command = %ctx.command().name, error = %format!("{error:#}"), "command failed");
            let _ = commands::send_notice(
                ctx,
                "Sorry, something went wrong on my side. Please try again.",
            )
            .await;
        }
        poise::FrameworkError::EventHandler { error, event, .. } => {
            warn!(event = event.snake_case_name(), error = %format!("{error:#}"), "event handler failed");
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                warn!(error = %e, "could not report an error");
            }
        }
    }
}

/// Runs the bot on the current Tokio runtime until `shutdown` completes (then closes the shards
/// and lets replies in progress finish) or the gateway fails for good.
///
/// Before connecting it checks the shard plan and loads the knowledge file, so a bad setup
/// fails without touching the network; then it asks Discord once whether it accepts the token.
/// When Discord refuses the token or the connection for good, it returns a
/// [`refusal::Refusal`] (inside the `anyhow::Error`) and does not reconnect.
pub async fn run_with(
    config: BotConfig,
    launch: Launch,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let plan = ShardPlan::new(launch.shards, launch.total_shards)?;
    let engine = {
        let config = config.clone();
        tokio::task::spawn_blocking(move || load_engine(&config))
            .await
            .context("loading the knowledge stopped unexpectedly")??
    };
    info!(
        file = %config.knowledge.display(),
        articles = engine.knowledge().articles.len(),
        token = %config.token_origin,
        api_base = config.api_base.as_deref().unwrap_or("https://discord.com"),
        ?plan,
        "starting"
    );
    let http = launch.http.unwrap_or_else(|| build_http(&config));
    let origin = config.token_origin.clone();
    refusal::check_token(&http, &origin).await?;
    let state = Arc::new(BotState::new(config, engine));

    let framework = {
        let state = state.clone();
        poise::Framework::builder()
            .options(framework_options(&state.config))
            .setup(move |ctx, _ready, framework| {
                Box::pin(async move {
                    register_commands(ctx, &framework.options().commands, state.config.guild_id)
                        .await;
                    Ok(state)
                })
            })
            .build()
    };
    let mut client = serenity::ClientBuilder::new_with_http(http, intents())
        .framework(framework)
        .await
        .context("could not set up the Discord client")?;

    let mut tasks = tokio::task::JoinSet::new();
    if state.config.reload_watch {
        tasks.spawn(reload::watch_file(state.clone()));
    }
    tasks.spawn(reload::watch_sighup(state.clone()));

    let shard_manager = client.shard_manager.clone();
    let refused = first_refusal(launch.gateway_closes, &origin);
    let result = {
        let start = start(&mut client, plan);
        tokio::pin!(start);
        tokio::select! {
            r = &mut start => r.map_err(|e| match refusal::Refusal::from_client_error(&e, &origin, intents()) {
                Some(refusal) => anyhow::Error::new(refusal),
                None => anyhow::Error::new(e).context("the Discord connection ended with an error"),
            }),
            refusal = refused => {
                error!(code = refusal.close_code(), "Discord refused the connection for good; stopping");
                // No `shutdown_all` here: its close handshake on a connection Discord has
                // already closed spins in serenity 0.12.5 (`checked_shutdown` loops while the
                // stream keeps answering `None`). Returning drops the client; whatever
                // reconnect serenity had queued dies with the runtime.
                Err(anyhow::Error::new(refusal))
            }
            () = shutdown => {
                info!("shutting down: closing the gateway shards");
                shard_manager.shutdown_all().await;
                // `start` returns once the manager reports back; if no shard had started yet
                // there is nothing to report, so report for it.
                shard_manager.return_with_value(Ok(())).await;
                match tokio::time::timeout(Duration::from_secs(5), &mut start).await {
                    Ok(r) => r.context("the Discord connection ended with an error"),
                    Err(_) => Ok(()),
                }
            }
        }
    };
    tasks.abort_all();
    if !state.in_flight.wait_idle(Duration::from_secs(10)).await {
        warn!(
            in_flight = state.in_flight.count(),
            "stopped with replies still in progress"
        );
    }
    info!("stopped");
    result
}

/// Resolves with the first close code on `closes` that Discord says not to retry after; never,
/// without a watch.
async fn first_refusal(
    closes: Option<tokio::sync::mpsc::UnboundedReceiver<u16>>,
    origin: &str,
) -> refusal::Refusal {
    if let Some(mut closes) = closes {
        while let Some(code) = closes.recv().await {
            match refusal::Refusal::from_close_code(code, origin, intents()) {
                Some(refusal) => return refusal,
                None => info!(code, "gateway closed; serenity reconnects"),
            }
        }
    }
    std::future::pending().await
}

/// Starts the shards the plan names. Serenity's range end is inclusive (`4..7` runs 4 to 7).
async fn start(client: &mut serenity::Client, plan: ShardPlan) -> serenity::Result<()> {
    match plan {
        ShardPlan::Single => client.start().await,
        ShardPlan::All { total } => client.start_shards(total).await,
        ShardPlan::Range { first, last, total } => {
            client.start_shard_range(first..last, total).await
        }
    }
}

/// Registers the slash commands (in the guild, or globally). A failure is logged, and the bot
/// keeps serving the commands Discord already has.
async fn register_commands(
    ctx: &serenity::Context,
    commands: &[poise::Command<commands::Data, commands::Error>],
    guild: Option<u64>,
) {
    let result = match guild {
        Some(id) => {
            poise::builtins::register_in_guild(ctx, commands, serenity::GuildId::new(id)).await
        }
        None => poise::builtins::register_globally(ctx, commands).await,
    };
    match result {
        Ok(()) => info!(count = commands.len(), guild, "slash commands registered"),
        Err(e) => error!(error = %e, guild, "could not register the slash commands"),
    }
}

/// Resolves when the process is asked to stop: SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(s) => s,
            Err(e) => {
                warn!(error = %e, "could not listen for SIGTERM");
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => info!("SIGINT received"),
            _ = term.recv() => info!("SIGTERM received"),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        info!("Ctrl-C received");
    }
}

/// Reads the settings for `parley run`: the `--config` file, else the file named by
/// `PARLEY_CONFIG`, else `config/parley.toml` when it exists, else the defaults; always with the
/// environment's `PARLEY_*` overrides and token.
pub fn load_config(path: Option<&std::path::Path>) -> anyhow::Result<BotConfig> {
    let from_env = std::env::var_os("PARLEY_CONFIG")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    let config = match path.map(std::path::Path::to_path_buf).or(from_env) {
        Some(p) => BotConfig::load(&p)?,
        None if std::path::Path::new(DEFAULT_CONFIG_PATH).exists() => {
            BotConfig::load(std::path::Path::new(DEFAULT_CONFIG_PATH))?
        }
        None => BotConfig::from_toml_str("", |k| std::env::var(k).ok())?,
    };
    Ok(config)
}

/// Runs the bot until SIGINT or SIGTERM: reads the settings and the token (failing before any
/// connection when either is wrong), installs logging, and runs [`run_with`] on a new runtime.
pub fn run_blocking(opts: RunOptions) -> anyhow::Result<()> {
    let config = load_config(opts.config.as_deref())?;
    ShardPlan::new(opts.shards, opts.total_shards)?;
    let (closes_tx, closes) = tokio::sync::mpsc::unbounded_channel();
    init_tracing(&config, refusal::CloseWatch::new(closes_tx));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?;
    let launch = Launch {
        http: None,
        shards: opts.shards,
        total_shards: opts.total_shards,
        gateway_closes: Some(closes),
    };
    let result = runtime.block_on(run_with(config, launch, shutdown_signal()));
    // Tasks serenity leaves behind (a shard reconnecting after a refusal) must not hold up the
    // exit.
    runtime.shutdown_timeout(Duration::from_secs(2));
    result
}

/// Installs the log subscriber once: `RUST_LOG` if set, else the config's `log_level`; to stderr,
/// through a writer that blanks the token should any line ever carry it. `watch` sees serenity's
/// gateway closes whatever the filter says.
fn init_tracing(config: &BotConfig, watch: refusal::CloseWatch) {
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
    use tracing_subscriber::Layer as _;
    let filter = match std::env::var("RUST_LOG") {
        Ok(s) if !s.trim().is_empty() => {
            tracing_subscriber::EnvFilter::try_new(&s).unwrap_or_else(|e| {
                eprintln!(
                    "warning: RUST_LOG={s:?} is not a log filter ({e}); using {:?}",
                    config.log_level
                );
                tracing_subscriber::EnvFilter::new(&config.log_level)
            })
        }
        _ => tracing_subscriber::EnvFilter::new(&config.log_level),
    };
    let writer = RedactingStderr {
        secret: Arc::from(config.token.expose()),
    };
    let log = tracing_subscriber::fmt::layer()
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(writer)
        .with_filter(filter);
    let watch = watch.with_filter(tracing_subscriber::filter::filter_fn(
        refusal::CloseWatch::wants,
    ));
    let _ = tracing_subscriber::registry()
        .with(log)
        .with(watch)
        .try_init();
}

/// A log writer to stderr that replaces one secret with `<redacted>`.
#[derive(Clone)]
struct RedactingStderr {
    secret: Arc<str>,
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for RedactingStderr {
    type Writer = Redacting<std::io::Stderr>;
    fn make_writer(&'a self) -> Self::Writer {
        Redacting {
            inner: std::io::stderr(),
            secret: self.secret.clone(),
        }
    }
}

/// Writes through to `inner`, with the secret replaced. The fmt subscriber writes each event in
/// one call, so a secret is never split across calls.
struct Redacting<W> {
    inner: W,
    secret: Arc<str>,
}

impl<W: std::io::Write> std::io::Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        if !self.secret.is_empty() && text.contains(&*self.secret) {
            self.inner
                .write_all(text.replace(&*self.secret, "<redacted>").as_bytes())?;
        } else {
            self.inner.write_all(buf)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    #[test]
    fn shard_plans_are_checked() {
        assert_eq!(ShardPlan::new(None, None).unwrap(), ShardPlan::Single);
        assert_eq!(
            ShardPlan::new(None, Some(4)).unwrap(),
            ShardPlan::All { total: 4 }
        );
        assert_eq!(
            ShardPlan::new(Some((2, 3)), Some(4)).unwrap(),
            ShardPlan::Range {
                first: 2,
                last: 3,
                total: 4
            }
        );
        assert!(ShardPlan::new(Some((0, 1)), None)
            .unwrap_err()
            .to_string()
            .contains("--total-shards"));
        assert!(ShardPlan::new(Some((2, 4)), Some(4)).is_err());
        assert!(ShardPlan::new(Some((3, 2)), Some(4)).is_err());
        assert!(ShardPlan::new(None, Some(0)).is_err());
    }

    #[test]
    fn intents_are_not_privileged() {
        let i = intents();
        assert!(!i.intersects(serenity::GatewayIntents::privileged()));
        assert!(!i.contains(serenity::GatewayIntents::MESSAGE_CONTENT));
        assert!(i.contains(
            serenity::GatewayIntents::GUILD_MESSAGES | serenity::GatewayIntents::DIRECT_MESSAGES
        ));
    }

    #[test]
    fn the_log_writer_redacts_the_token() {
        let mut w = Redacting {
            inner: Vec::new(),
            secret: Arc::from("test.token.abc"),
        };
        w.write_all(b"Authorization: Bot test.token.abc and again test.token.abc\n")
            .unwrap();
        let out = String::from_utf8(w.inner).unwrap();
        assert_eq!(out, "Authorization: Bot <redacted> and again <redacted>\n");
    }

    #[test]
    fn http_uses_api_base_without_the_rate_limiter() {
        let config = BotConfig::from_toml_str("api_base = \"http://127.0.0.1:1\"", |k| {
            (k == "DISCORD_TOKEN").then(|| "test.token.abc".to_string())
        })
        .unwrap();
        let http = build_http(&config);
        assert_eq!(http.proxy.as_deref(), Some("http://127.0.0.1:1"));
        assert!(http.ratelimiter.is_none());
        let config = BotConfig::from_toml_str("", |k| {
            (k == "DISCORD_TOKEN").then(|| "test.token.abc".to_string())
        })
        .unwrap();
        let http = build_http(&config);
        assert!(http.proxy.is_none() && http.ratelimiter.is_some());
    }

    #[test]
    fn a_missing_token_fails_before_connecting() {
        // No network is touched: the error comes from the settings.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parley.toml");
        std::fs::write(
            &path,
            "token_env = \"PARLEY_TEST_TOKEN_THAT_IS_NEVER_SET\"\n",
        )
        .unwrap();
        let err = run_blocking(RunOptions {
            config: Some(path),
            shards: None,
            total_shards: None,
        })
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("PARLEY_TEST_TOKEN_THAT_IS_NEVER_SET"),
            "{err}"
        );
    }
}
