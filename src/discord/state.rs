//! What the bot keeps between interactions: the engine (swapped on reload), per-user cooldowns,
//! follow-up context per user and channel, recent answers for the "Why this answer?" button, and
//! the feedback log. Time is passed in (`now`), so all of it is tested without waiting.

use std::collections::{HashMap, VecDeque};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::answer::{Answer, Context};
use crate::config::BotConfig;
use crate::engine::{Engine, EngineSettings};
use crate::knowledge::Knowledge;

/// How many recent answers the buttons can refer to.
pub const RECENT_ANSWERS: usize = 2048;

/// Everything the handlers share. The poise `Data` is an `Arc` of it.
#[derive(Debug)]
pub struct BotState {
    /// The settings.
    pub config: BotConfig,
    engine: RwLock<Arc<Engine>>,
    cooldowns: Mutex<Cooldowns>,
    contexts: Mutex<Contexts>,
    recent: Mutex<RecentAnswers>,
    /// The feedback log.
    pub feedback: FeedbackLog,
    /// Replies being worked on, so shutdown can let them finish.
    pub in_flight: InFlight,
    /// One reload at a time.
    pub reload_lock: tokio::sync::Mutex<()>,
}

impl BotState {
    /// State serving `engine` with `config`.
    pub fn new(config: BotConfig, engine: Engine) -> BotState {
        BotState {
            cooldowns: Mutex::new(Cooldowns::new(
                config.cooldown_questions,
                config.cooldown_window(),
            )),
            contexts: Mutex::new(Contexts::new(config.context_lifetime())),
            recent: Mutex::new(RecentAnswers::new(RECENT_ANSWERS)),
            feedback: FeedbackLog::new(config.feedback_log.clone()),
            in_flight: InFlight::default(),
            reload_lock: tokio::sync::Mutex::new(()),
            engine: RwLock::new(Arc::new(engine)),
            config,
        }
    }

    /// The engine serving now. Cheap: an `Arc` clone; a reload never blocks a reply for long.
    pub fn engine(&self) -> Arc<Engine> {
        self.engine
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Serves `knowledge` from now on.
    pub fn swap_knowledge(&self, knowledge: Knowledge) {
        self.swap_engine(Engine::new(knowledge, self.engine_settings()));
    }

    /// Serves from `engine` from now on.
    pub fn swap_engine(&self, engine: Engine) {
        *self.engine.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(engine);
    }

    /// The engine settings from the config.
    pub fn engine_settings(&self) -> EngineSettings {
        engine_settings(&self.config)
    }

    /// Counts a question against the user's cooldown; `Err(wait)` when they must wait.
    pub fn check_cooldown(&self, user: u64, now: Instant) -> Result<(), Duration> {
        self.cooldowns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .check(user, now)
    }

    /// The follow-up context for a user in a channel, if still fresh.
    pub fn context(&self, user: u64, channel: u64, now: Instant) -> Option<Context> {
        self.contexts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(user, channel, now)
    }

    /// Keeps the context of the answer just given.
    pub fn remember_context(&self, user: u64, channel: u64, context: Context, now: Instant) {
        self.contexts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .put(user, channel, context, now)
    }

    /// Keeps an answer for its buttons; returns its key.
    pub fn remember_answer(&self, answer: Answer, user: u64, channel: u64) -> u64 {
        self.recent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(RecentAnswer {
                answer,
                user,
                channel,
            })
    }

    /// A recent answer by key.
    pub fn recent_answer(&self, key: u64) -> Option<Arc<RecentAnswer>> {
        self.recent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
    }
}

/// The engine settings a config asks for.
// The update syntax keeps this compiling when the engine grows settings of its own.
#[allow(clippy::needless_update)]
pub fn engine_settings(config: &BotConfig) -> EngineSettings {
    EngineSettings {
        max_quotes: config.quotes_per_reply,
        ..EngineSettings::default()
    }
}

/// Per-user sliding-window cooldown: at most `limit` questions in `window`.
#[derive(Debug)]
pub struct Cooldowns {
    limit: u32,
    window: Duration,
    hits: HashMap<u64, VecDeque<Instant>>,
}

impl Cooldowns {
    /// A cooldown; `limit = 0` allows everything.
    pub fn new(limit: u32, window: Duration) -> Cooldowns {
        Cooldowns {
            limit,
            window,
            hits: HashMap::new(),
        }
    }

    /// Counts a question at `now`; `Err(wait)` (not counted) when the user is over the limit.
    pub fn check(&mut self, user: u64, now: Instant) -> Result<(), Duration> {
        if self.limit == 0 {
            return Ok(());
        }
        if self.hits.len() > 10_000 {
            let window = self.window;
            self.hits.retain(|_, q| {
                q.back()
                    .is_some_and(|t| now.saturating_duration_since(*t) < window)
            });
        }
        let q = self.hits.entry(user).or_default();
        while q
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= self.window)
        {
            q.pop_front();
        }
        if q.len() >= self.limit as usize {
            let oldest = *q.front().expect("a full window holds a question");
            return Err(self
                .window
                .saturating_sub(now.saturating_duration_since(oldest)));
        }
        q.push_back(now);
        Ok(())
    }
}

/// Follow-up context per (user, channel), kept for a while.
#[derive(Debug)]
pub struct Contexts {
    lifetime: Duration,
    map: HashMap<(u64, u64), (Context, Instant)>,
}

impl Contexts {
    /// Contexts that live `lifetime` (zero keeps none).
    pub fn new(lifetime: Duration) -> Contexts {
        Contexts {
            lifetime,
            map: HashMap::new(),
        }
    }

    /// The context, if younger than the lifetime.
    pub fn get(&self, user: u64, channel: u64, now: Instant) -> Option<Context> {
        let (ctx, at) = self.map.get(&(user, channel))?;
        (now.saturating_duration_since(*at) < self.lifetime).then(|| ctx.clone())
    }

    /// Stores a context.
    pub fn put(&mut self, user: u64, channel: u64, context: Context, now: Instant) {
        if self.lifetime.is_zero() {
            return;
        }
        if self.map.len() > 10_000 {
            let lifetime = self.lifetime;
            self.map
                .retain(|_, (_, at)| now.saturating_duration_since(*at) < lifetime);
        }
        self.map.insert((user, channel), (context, now));
    }
}

/// An answer kept for its buttons.
#[derive(Debug)]
pub struct RecentAnswer {
    /// The answer.
    pub answer: Answer,
    /// Who asked.
    pub user: u64,
    /// Where.
    pub channel: u64,
}

/// A bounded map of recent answers; the oldest goes first.
#[derive(Debug)]
pub struct RecentAnswers {
    capacity: usize,
    next: u64,
    order: VecDeque<u64>,
    map: HashMap<u64, Arc<RecentAnswer>>,
}

impl RecentAnswers {
    /// Holds at most `capacity` answers.
    pub fn new(capacity: usize) -> RecentAnswers {
        // Keys start from the clock so that a restarted bot does not explain a new answer for an
        // old button.
        let next = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_millis() as u64);
        RecentAnswers {
            capacity: capacity.max(1),
            next,
            order: VecDeque::new(),
            map: HashMap::new(),
        }
    }

    /// Stores an answer; returns its key.
    pub fn insert(&mut self, answer: RecentAnswer) -> u64 {
        let key = self.next;
        self.next += 1;
        if self.order.len() >= self.capacity {
            if let Some(old) = self.order.pop_front() {
                self.map.remove(&old);
            }
        }
        self.order.push_back(key);
        self.map.insert(key, Arc::new(answer));
        key
    }

    /// An answer by key.
    pub fn get(&self, key: u64) -> Option<Arc<RecentAnswer>> {
        self.map.get(&key).cloned()
    }

    /// How many are held.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether none are held.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// A 👍 or 👎.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Vote {
    /// 👍
    Up,
    /// 👎
    Down,
}

/// One line of the feedback log.
#[derive(Debug, Clone, Serialize)]
pub struct FeedbackEntry {
    /// RFC 3339, UTC.
    pub timestamp: String,
    /// Who asked or voted (a Discord id, as a string: ids exceed JSON's safe integers).
    pub user_id: String,
    /// Where.
    pub channel_id: String,
    /// The question.
    pub question: String,
    /// The engine's intent.
    pub intent: String,
    /// Whether the engine answered.
    pub answered: bool,
    /// The vote; `null` for a declined question logged without one.
    pub vote: Option<Vote>,
}

impl FeedbackEntry {
    /// An entry for `answer`, stamped now.
    pub fn new(answer: &Answer, user: u64, channel: u64, vote: Option<Vote>) -> FeedbackEntry {
        FeedbackEntry {
            timestamp: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            user_id: user.to_string(),
            channel_id: channel.to_string(),
            question: answer.question.clone(),
            intent: answer.intent.clone(),
            answered: answer.answered,
            vote,
        }
    }
}

/// Appends JSON lines to a file, one writer at a time.
#[derive(Debug)]
pub struct FeedbackLog {
    path: PathBuf,
    lock: Mutex<()>,
}

impl FeedbackLog {
    /// A log at `path` (created, with its folder, on the first write).
    pub fn new(path: PathBuf) -> FeedbackLog {
        FeedbackLog {
            path,
            lock: Mutex::new(()),
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one entry as one line.
    pub fn append(&self, entry: &FeedbackEntry) -> std::io::Result<()> {
        let mut line = serde_json::to_string(entry).map_err(std::io::Error::other)?;
        line.push('\n');
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        // One write call per line, so lines from concurrent processes do not interleave.
        f.write_all(line.as_bytes())
    }
}

/// Counts replies in progress; shutdown waits for zero.
#[derive(Debug, Default)]
pub struct InFlight {
    count: AtomicUsize,
    idle: tokio::sync::Notify,
    /// Total started, for logs.
    started: AtomicU64,
}

/// Held while a reply is in progress.
#[derive(Debug)]
pub struct InFlightGuard<'a>(&'a InFlight);

impl InFlight {
    /// Marks a reply as started until the guard drops.
    pub fn start(&self) -> InFlightGuard<'_> {
        self.count.fetch_add(1, Ordering::SeqCst);
        self.started.fetch_add(1, Ordering::Relaxed);
        InFlightGuard(self)
    }

    /// Replies in progress.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// Waits until no reply is in progress, or `limit` passes; true when idle.
    pub async fn wait_idle(&self, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let notified = self.idle.notified();
            if self.count() == 0 {
                return true;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return self.count() == 0;
            }
        }
    }
}

impl Drop for InFlightGuard<'_> {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

/// A state over empty knowledge, for tests of the adapter.
#[cfg(test)]
pub(crate) fn test_state(toml: &str) -> BotState {
    let config = BotConfig::from_toml_str(toml, |k| {
        (k == "DISCORD_TOKEN").then(|| "test.token.abc".to_string())
    })
    .expect("test config");
    let knowledge = Knowledge {
        schema_version: crate::knowledge::SCHEMA_VERSION,
        lexicon: crate::lexicon::Lexicon::builtin(),
        articles: vec![],
        people: vec![],
        sources: vec![],
        quotes: vec![],
        statements: vec![],
        positions: vec![],
        events: vec![],
        numbers: vec![],
        summaries: Default::default(),
    };
    let engine = Engine::new(knowledge, engine_settings(&config));
    BotState::new(config, engine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Explanation;

    #[test]
    fn the_state_follows_its_config() {
        let s = test_state("quotes_per_reply = 2\ncooldown_questions = 1\ncontext_minutes = 0");
        assert_eq!(s.engine_settings().max_quotes, 2);
        let now = Instant::now();
        assert!(s.check_cooldown(1, now).is_ok());
        assert!(s.check_cooldown(1, now).is_err());
        s.remember_context(1, 2, Context::default(), now);
        assert_eq!(s.context(1, 2, now), None, "context_minutes = 0 keeps none");
        let key = s.remember_answer(answer("q", true), 1, 2);
        assert_eq!(s.recent_answer(key).unwrap().answer.question, "q");
        let before = s.engine();
        s.swap_knowledge(before.knowledge().clone());
        assert!(
            !Arc::ptr_eq(&before, &s.engine()),
            "a swap installs a new engine"
        );
    }

    fn answer(q: &str, answered: bool) -> Answer {
        Answer {
            question: q.into(),
            intent: "fallback".into(),
            answered,
            lead: "lead".into(),
            quotes: vec![],
            suggestions: vec![],
            context: Context::default(),
            explanation: Explanation::default(),
        }
    }

    #[test]
    fn cooldown_allows_n_per_window_then_says_how_long_to_wait() {
        let mut c = Cooldowns::new(3, Duration::from_secs(30));
        let t0 = Instant::now();
        for i in 0..3 {
            assert!(c.check(1, t0 + Duration::from_secs(i)).is_ok());
        }
        let wait = c.check(1, t0 + Duration::from_secs(10)).unwrap_err();
        assert_eq!(wait, Duration::from_secs(20));
        assert!(
            c.check(2, t0 + Duration::from_secs(10)).is_ok(),
            "other users are not held up"
        );
        assert!(
            c.check(1, t0 + Duration::from_secs(30)).is_ok(),
            "the oldest question left the window"
        );
        assert!(c.check(1, t0 + Duration::from_secs(30)).is_err());
        let mut off = Cooldowns::new(0, Duration::from_secs(30));
        for _ in 0..100 {
            assert!(off.check(1, t0).is_ok());
        }
    }

    #[test]
    fn contexts_expire_and_are_per_user_and_channel() {
        let mut c = Contexts::new(Duration::from_secs(300));
        let t0 = Instant::now();
        let ctx = Context {
            person: Some("vance".into()),
            ..Context::default()
        };
        c.put(1, 10, ctx.clone(), t0);
        assert_eq!(c.get(1, 10, t0 + Duration::from_secs(299)), Some(ctx));
        assert_eq!(c.get(1, 11, t0), None);
        assert_eq!(c.get(2, 10, t0), None);
        assert_eq!(c.get(1, 10, t0 + Duration::from_secs(300)), None);
        let mut none = Contexts::new(Duration::ZERO);
        none.put(1, 10, Context::default(), t0);
        assert_eq!(none.get(1, 10, t0), None);
    }

    #[test]
    fn recent_answers_are_bounded() {
        let mut r = RecentAnswers::new(2);
        let a = r.insert(RecentAnswer {
            answer: answer("a", true),
            user: 1,
            channel: 2,
        });
        let b = r.insert(RecentAnswer {
            answer: answer("b", true),
            user: 1,
            channel: 2,
        });
        let c = r.insert(RecentAnswer {
            answer: answer("c", true),
            user: 1,
            channel: 2,
        });
        assert!(r.get(a).is_none());
        assert_eq!(r.get(b).unwrap().answer.question, "b");
        assert_eq!(r.get(c).unwrap().answer.question, "c");
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn feedback_lines_are_json() {
        let dir = tempfile::tempdir().unwrap();
        let log = FeedbackLog::new(dir.path().join("sub/feedback.jsonl"));
        log.append(&FeedbackEntry::new(
            &answer("who is x?", false),
            11,
            22,
            None,
        ))
        .unwrap();
        log.append(&FeedbackEntry::new(
            &answer("ok?", true),
            12,
            22,
            Some(Vote::Down),
        ))
        .unwrap();
        let text = std::fs::read_to_string(log.path()).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["question"], "who is x?");
        assert_eq!(lines[0]["answered"], false);
        assert_eq!(lines[0]["vote"], serde_json::Value::Null);
        assert_eq!(lines[0]["user_id"], "11");
        assert_eq!(lines[1]["vote"], "down");
        assert_eq!(lines[1]["channel_id"], "22");
        assert!(lines[1]["timestamp"].as_str().unwrap().ends_with('Z'));
    }

    #[tokio::test]
    async fn in_flight_waits_for_replies() {
        let f = Arc::new(InFlight::default());
        assert!(f.wait_idle(Duration::from_millis(10)).await);
        let g = f.start();
        assert!(!f.wait_idle(Duration::from_millis(20)).await);
        let f2 = f.clone();
        let waiter = tokio::spawn(async move { f2.wait_idle(Duration::from_secs(5)).await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        drop(g);
        assert!(waiter.await.unwrap());
    }
}
