//! Swapping in new knowledge while the bot runs: `/reload` rebuilds from the articles; a change
//! of the knowledge file on disk (polled) or SIGHUP reloads the file. Either way the new
//! knowledge is validated first, and anything wrong leaves the current knowledge serving.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::Context as _;
use tracing::{info, warn};

use super::state::BotState;
use crate::build::{build_dir, BuildOptions};
use crate::knowledge::Knowledge;
use crate::lexicon::Lexicon;

/// How often the knowledge file's modification time is checked.
pub const WATCH_INTERVAL: Duration = Duration::from_secs(2);

/// Rebuilds the knowledge from the articles and swaps it in; returns a one-line summary.
pub async fn reload_from_articles(state: &Arc<BotState>) -> anyhow::Result<String> {
    let _one = state.reload_lock.lock().await;
    let articles = state.config.articles.clone();
    let lexicon_dir = state.config.lexicon_dir.clone();
    let built = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        let lexicon = Lexicon::load_dir(&lexicon_dir)
            .with_context(|| format!("could not read the lexicon in {}", lexicon_dir.display()))?;
        let built = build_dir(&articles, &lexicon, &BuildOptions::default())
            .with_context(|| format!("could not build from {}", articles.display()))?;
        let problems = built.knowledge.validate();
        if !problems.is_empty() {
            anyhow::bail!(
                "the rebuilt knowledge fails validation: {}",
                problems
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
        Ok(built)
    })
    .await
    .context("the rebuild stopped unexpectedly")??;
    for w in &built.warnings {
        warn!(warning = %w, "article warning");
    }
    let k = &built.knowledge;
    let articles = k.articles.len();
    let summary = format!(
        "Reloaded {} article(s): {} people, {} quotes{}.",
        k.articles.len(),
        k.people.len(),
        k.quotes.len(),
        match built.warnings.len() {
            0 => String::new(),
            n => format!(", {n} warning(s) in the log"),
        }
    );
    state.swap_knowledge(built.knowledge);
    info!(articles, "knowledge rebuilt from the articles");
    Ok(summary)
}

/// Loads the knowledge file (validated) and swaps it in. On error the current one keeps serving.
pub async fn reload_from_file(state: &Arc<BotState>, why: &str) -> anyhow::Result<()> {
    let _one = state.reload_lock.lock().await;
    let path = state.config.knowledge.clone();
    let knowledge = tokio::task::spawn_blocking(move || Knowledge::load(&path))
        .await
        .context("the reload stopped unexpectedly")??;
    let n = knowledge.articles.len();
    state.swap_knowledge(knowledge);
    info!(file = %state.config.knowledge.display(), articles = n, why, "knowledge reloaded");
    Ok(())
}

/// What identifies a version of a file: modification time and length.
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Polls the knowledge file and reloads it when it changes. Runs until aborted.
pub async fn watch_file(state: Arc<BotState>) {
    let path: PathBuf = state.config.knowledge.clone();
    let mut last = stamp(&path);
    let mut ticker = tokio::time::interval(WATCH_INTERVAL);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        let now = stamp(&path);
        if now == last {
            continue;
        }
        last = now;
        if now.is_none() {
            warn!(file = %path.display(), "the knowledge file is gone; still serving the knowledge loaded before");
            continue;
        }
        if let Err(e) = reload_from_file(&state, "file changed").await {
            warn!(error = %format!("{e:#}"), "the changed knowledge file was not loaded; still serving the knowledge loaded before");
        }
    }
}

/// Reloads the knowledge file on each SIGHUP. Runs until aborted.
#[cfg(unix)]
pub async fn watch_sighup(state: Arc<BotState>) {
    use tokio::signal::unix::{signal, SignalKind};
    let mut hup = match signal(SignalKind::hangup()) {
        Ok(s) => s,
        Err(e) => {
            warn!(error = %e, "could not listen for SIGHUP");
            return;
        }
    };
    while hup.recv().await.is_some() {
        if let Err(e) = reload_from_file(&state, "SIGHUP").await {
            warn!(error = %format!("{e:#}"), "SIGHUP: the knowledge file was not loaded; still serving the knowledge loaded before");
        }
    }
}

/// SIGHUP does not exist here.
#[cfg(not(unix))]
pub async fn watch_sighup(_state: Arc<BotState>) {}
