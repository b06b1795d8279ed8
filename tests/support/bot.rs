//! Runs the real `parley run` binary against a fake Discord, as an independent checker would:
//! `DISCORD_TOKEN` and `PARLEY_API_BASE` in the environment, its output captured so tests can
//! look for the token in it, and the process killed when the test ends (also on panic).

use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::process::{Child, Command};

use super::fake_discord::FakeDiscord;

/// The repository root (where `knowledge/` and `config/` are).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The committed knowledge file.
pub fn knowledge_file() -> PathBuf {
    repo_root().join("knowledge").join("knowledge.json")
}

/// A `parley run` process and everything it has printed so far.
pub struct Bot {
    child: Child,
    output: Arc<Mutex<String>>,
    readers: Vec<tokio::task::JoinHandle<()>>,
    /// Keeps the temporary directory (feedback log) alive as long as the bot.
    pub dir: tempfile::TempDir,
}

/// How to start the bot.
#[derive(Debug, Clone, Default)]
pub struct BotSpec {
    /// Extra arguments after `run`.
    pub args: Vec<String>,
    /// Extra environment variables (they override the defaults below).
    pub env: Vec<(String, String)>,
    /// Environment variables to remove.
    pub unset: Vec<String>,
}

impl BotSpec {
    /// Adds arguments after `run`.
    pub fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Removes an environment variable.
    pub fn unset(mut self, key: &str) -> Self {
        self.unset.push(key.into());
        self
    }
}

fn pipe(
    output: Arc<Mutex<String>>,
    stream: impl AsyncRead + Unpin + Send + 'static,
    tag: &'static str,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut lines = BufReader::new(stream).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            let mut out = output.lock().unwrap_or_else(|e| e.into_inner());
            out.push_str(tag);
            out.push_str(&line);
            out.push('\n');
        }
    })
}

impl Bot {
    /// Starts `parley run` against `fake`: token `fake.token()`, `PARLEY_API_BASE` the fake's
    /// base, the committed knowledge file, a feedback log in a temporary directory, `RUST_LOG`
    /// at info (unless `spec` says otherwise).
    pub fn spawn(fake: &FakeDiscord, spec: BotSpec) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_parley"));
        cmd.arg("run")
            .args(&spec.args)
            .current_dir(repo_root())
            .env("DISCORD_TOKEN", fake.token())
            .env("PARLEY_API_BASE", fake.api_base())
            .env("PARLEY_KNOWLEDGE", knowledge_file())
            .env("PARLEY_FEEDBACK_LOG", dir.path().join("feedback.jsonl"))
            .env("RUST_LOG", "info")
            // Settings a developer's shell might hold must not leak into the test.
            .env_remove("PARLEY_GUILD_ID")
            .env_remove("PARLEY_CONFIG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for key in &spec.unset {
            cmd.env_remove(key);
        }
        for (k, v) in &spec.env {
            cmd.env(k, v);
        }
        Self::start(cmd, dir)
    }

    /// Starts `parley` with exactly these arguments and environment changes (no defaults), for
    /// tests of start-up errors.
    pub fn spawn_raw(args: &[&str], env: &[(&str, &str)], unset: &[&str], cwd: &Path) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_parley"));
        cmd.args(args)
            .current_dir(cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for key in unset {
            cmd.env_remove(key);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        Self::start(cmd, dir)
    }

    fn start(mut cmd: Command, dir: tempfile::TempDir) -> Self {
        let mut child = cmd.spawn().expect("spawn parley");
        let output = Arc::new(Mutex::new(String::new()));
        let readers = vec![
            pipe(
                Arc::clone(&output),
                child.stdout.take().expect("stdout piped"),
                "[out] ",
            ),
            pipe(
                Arc::clone(&output),
                child.stderr.take().expect("stderr piped"),
                "[err] ",
            ),
        ];
        Self {
            child,
            output,
            readers,
            dir,
        }
    }

    /// The process id, while it runs (for reading `/proc/<pid>/status`).
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Everything printed so far (stdout lines tagged `[out]`, stderr `[err]`).
    pub fn output(&self) -> String {
        self.output
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The last `n` lines printed, for failure messages.
    pub fn tail(&self, n: usize) -> String {
        let out = self.output();
        let lines: Vec<&str> = out.lines().collect();
        lines[lines.len().saturating_sub(n)..].join("\n")
    }

    /// Waits up to `timeout` for the process to exit by itself.
    pub async fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let status = tokio::time::timeout(timeout, self.child.wait())
            .await
            .ok()?
            .ok()?;
        self.drain().await;
        Some(status)
    }

    async fn drain(&mut self) {
        for reader in self.readers.drain(..) {
            let _ = tokio::time::timeout(Duration::from_secs(2), reader).await;
        }
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Sends SIGTERM and waits up to `timeout` for a clean exit (killing it after that); returns
    /// the exit status, if it exited by itself, and everything it printed.
    pub async fn terminate(mut self, timeout: Duration) -> (Option<ExitStatus>, String) {
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill")
                .arg("-TERM")
                .arg(pid.to_string())
                .status();
        }
        let status = match tokio::time::timeout(timeout, self.child.wait()).await {
            Ok(Ok(status)) => Some(status),
            _ => {
                let _ = self.child.start_kill();
                let _ = tokio::time::timeout(Duration::from_secs(5), self.child.wait()).await;
                None
            }
        };
        self.drain().await;
        (status, self.output())
    }

    /// Kills the process and returns everything it printed.
    pub async fn stop(mut self) -> String {
        let _ = self.child.start_kill();
        let _ = tokio::time::timeout(Duration::from_secs(5), self.child.wait()).await;
        self.drain().await;
        self.output()
    }
}
