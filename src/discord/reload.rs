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
    let settings = state.engine_settings();
    let engine = tokio::task::spawn_blocking(move || super::load_engine_at(&path, settings))
        .await
        .context("the reload stopped unexpectedly")??;
    let n = engine.knowledge().articles.len();
    state.swap_engine(engine);
    info!(file = %state.config.knowledge.display(), articles = n, why, "knowledge reloaded");
    Ok(())
}

/// What identifies a version of a file: modification time and length.
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Polls the knowledge file every [`WATCH_INTERVAL`] and reloads it when it changes. Runs until
/// aborted.
pub async fn watch_file(state: Arc<BotState>) {
    watch_file_every(state, WATCH_INTERVAL).await
}

/// [`watch_file`] with another interval.
pub async fn watch_file_every(state: Arc<BotState>, every: Duration) {
    let path: PathBuf = state.config.knowledge.clone();
    let mut last = stamp(&path);
    let mut ticker = tokio::time::interval(every);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discord::state::test_state;

    fn repo(path: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
    }

    fn state_with(knowledge: &Path, articles: &Path) -> Arc<BotState> {
        let toml = format!(
            "knowledge = {:?}\narticles = {:?}\nlexicon_dir = {:?}",
            knowledge.display().to_string(),
            articles.display().to_string(),
            repo("config").display().to_string()
        );
        Arc::new(test_state(&toml))
    }

    #[tokio::test]
    async fn a_good_file_is_swapped_in_and_a_bad_one_keeps_the_current_knowledge() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("knowledge.json");
        std::fs::copy(repo("knowledge/knowledge.json"), &file).unwrap();
        let state = state_with(&file, &repo("knowledge/articles"));
        assert!(state.engine().knowledge().articles.is_empty());
        reload_from_file(&state, "test").await.unwrap();
        let good = state.engine();
        assert!(!good.knowledge().articles.is_empty());

        for bad in ["", "{ not json", "{\"schema_version\": 999}"] {
            std::fs::write(&file, bad).unwrap();
            let err = reload_from_file(&state, "test").await.unwrap_err();
            assert!(format!("{err:#}").contains("knowledge.json"), "{err:#}");
            assert!(
                Arc::ptr_eq(&good, &state.engine()),
                "still serving the good knowledge"
            );
        }
        std::fs::remove_file(&file).unwrap();
        assert!(reload_from_file(&state, "test").await.is_err());
        assert!(Arc::ptr_eq(&good, &state.engine()));
    }

    /// A reload reads the snapshot beside the file when it matches the file, and passes over a
    /// damaged one for the file itself.
    #[tokio::test]
    async fn a_reload_uses_a_good_snapshot_and_passes_over_a_damaged_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("knowledge.json");
        std::fs::copy(repo("knowledge/knowledge.json"), &file).unwrap();
        let started = crate::Engine::new(
            crate::Knowledge::load(&file).unwrap(),
            crate::EngineSettings::default(),
        );
        let snap = crate::snapshot::write(&started, &file).unwrap();
        // The file turned to blanks of the same length and time: only the snapshot can answer.
        let len = std::fs::metadata(&file).unwrap().len() as usize;
        let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::fs::write(&file, " ".repeat(len)).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        let state = state_with(&file, &repo("knowledge/articles"));
        reload_from_file(&state, "test").await.unwrap();
        let from_snapshot = state.engine();
        let q = "Who is Witkoff?";
        assert_eq!(
            from_snapshot.ask(q, None).to_json(),
            started.ask(q, None).to_json()
        );
        // Damaged, the snapshot is passed over; the blank file then fails, and the knowledge
        // read from the snapshot keeps serving.
        let mut bytes = std::fs::read(&snap).unwrap();
        let at = bytes.len() / 2;
        bytes[at] ^= 0x40;
        std::fs::write(&snap, bytes).unwrap();
        assert!(reload_from_file(&state, "test").await.is_err());
        assert!(Arc::ptr_eq(&from_snapshot, &state.engine()));
    }

    #[tokio::test]
    async fn reload_rebuilds_from_the_articles_or_keeps_serving() {
        let dir = tempfile::tempdir().unwrap();
        let state = state_with(&dir.path().join("k.json"), &repo("knowledge/articles"));
        let summary = reload_from_articles(&state).await.unwrap();
        assert!(summary.starts_with("Reloaded "), "{summary}");
        let rebuilt = state.engine();
        assert!(!rebuilt.knowledge().articles.is_empty());

        let state2 = state_with(
            &dir.path().join("k.json"),
            &dir.path().join("no-such-folder"),
        );
        let before = state2.engine();
        assert!(reload_from_articles(&state2).await.is_err());
        assert!(Arc::ptr_eq(&before, &state2.engine()));
    }

    #[tokio::test]
    async fn the_watcher_reloads_a_changed_file() {
        let every = Duration::from_millis(20);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("knowledge.json");
        std::fs::write(&file, "not yet").unwrap();
        let state = state_with(&file, &repo("knowledge/articles"));
        let watcher = tokio::spawn(watch_file_every(state.clone(), every));
        tokio::time::sleep(every * 3).await;
        assert!(state.engine().knowledge().articles.is_empty());
        // A different length makes the change visible even within one mtime tick.
        std::fs::copy(repo("knowledge/knowledge.json"), &file).unwrap();
        for _ in 0..250 {
            tokio::time::sleep(every).await;
            if !state.engine().knowledge().articles.is_empty() {
                break;
            }
        }
        watcher.abort();
        assert!(
            !state.engine().knowledge().articles.is_empty(),
            "the change was picked up"
        );
    }
}
