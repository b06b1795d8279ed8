//! A fake Discord on 127.0.0.1: the REST API under `/api/v10` and a websocket gateway, enough for
//! the real serenity/poise client of `parley run` to connect, register its commands, receive
//! interactions and messages, and answer them. No internet, no token.
//!
//! What it owns: recording every request and gateway frame (tests await them with timeouts),
//! Discord's rules that a renderer or an adapter could break (message limits, one answer per
//! interaction, the 3-second deadline, autocomplete answered with choices), fault injection
//! (429s with `retry-after`, 500s, slow responses, gateway closes and invalid sessions), and
//! several concurrent gateway sessions, one per shard. What it leaves out: intents are recorded
//! but not enforced, guild data is never sent (READY lists no guilds), and files are not parsed.
//!
//! Every REST request goes through one handler that matches the path's segments, so known and
//! unknown calls alike are recorded, can be faulted, and unknown ones answer 404 where a test can
//! see them. The TLS listener ([`super::tls`]) serves the same router.
//! `/work/shared/DISCORD-FAKE.md` says what serenity 0.12.5 and poise 0.7.1 need from it.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use tokio::sync::{mpsc, watch};

use super::limits;
use super::payloads::{self, Actor, Place};

/// How long an interaction may wait for its first answer before Discord forgets it.
pub const INTERACTION_DEADLINE: Duration = Duration::from_secs(3);

/// An append-only log that tests can wait on.
pub struct Log<T> {
    items: Mutex<Vec<T>>,
    changed: watch::Sender<u64>,
    /// Receivers of every item pushed from now on ([`Log::tap`]), for long runs that must not
    /// rescan the whole log.
    taps: Mutex<Vec<mpsc::UnboundedSender<T>>>,
}

impl<T: Clone> Log<T> {
    fn new() -> Self {
        Self {
            items: Mutex::new(Vec::new()),
            changed: watch::channel(0).0,
            taps: Mutex::new(Vec::new()),
        }
    }

    fn push(&self, item: T) {
        {
            let mut taps = lock(&self.taps);
            if !taps.is_empty() {
                taps.retain(|tx| tx.send(item.clone()).is_ok());
            }
        }
        lock(&self.items).push(item);
        self.changed.send_modify(|n| *n += 1);
    }

    /// Every item pushed from now on, in order, as it is pushed (the log keeps them too, until
    /// [`Log::clear`]). Drop the receiver to stop.
    pub fn tap(&self) -> mpsc::UnboundedReceiver<T> {
        let (tx, rx) = mpsc::unbounded_channel();
        lock(&self.taps).push(tx);
        rx
    }

    /// Forgets what was recorded so far, so a long run (the soak) holds bounded memory. Taps
    /// are unaffected; waits already running see only later items.
    pub fn clear(&self) {
        lock(&self.items).clear();
    }

    /// How many items are held.
    pub fn len(&self) -> usize {
        lock(&self.items).len()
    }

    /// Whether none are held.
    pub fn is_empty(&self) -> bool {
        lock(&self.items).is_empty()
    }

    /// Everything recorded so far, oldest first.
    pub fn snapshot(&self) -> Vec<T> {
        lock(&self.items).clone()
    }

    /// The first item (oldest first) that satisfies `pred`, waiting up to `timeout` for it.
    pub async fn wait_for(&self, pred: impl Fn(&T) -> bool, timeout: Duration) -> Option<T> {
        self.wait_for_count(&pred, 1, timeout)
            .await
            .ok()
            .and_then(|mut v| v.pop())
    }

    /// Waits until at least `n` items satisfy `pred`; returns them, or on timeout the ones seen.
    pub async fn wait_for_count(
        &self,
        pred: impl Fn(&T) -> bool,
        n: usize,
        timeout: Duration,
    ) -> Result<Vec<T>, Vec<T>> {
        let deadline = tokio::time::Instant::now() + timeout;
        // Subscribe before looking, so nothing pushed between the look and the wait is missed.
        let mut rx = self.changed.subscribe();
        loop {
            let found: Vec<T> = lock(&self.items)
                .iter()
                .filter(|i| pred(i))
                .cloned()
                .collect();
            if found.len() >= n {
                return Ok(found);
            }
            if tokio::time::timeout_at(deadline, rx.changed())
                .await
                .is_err()
            {
                return Err(found);
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A test that panicked while holding a lock has already failed; keep the data readable.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One REST request as the fake saw it, with the answer it gave.
#[derive(Debug, Clone)]
pub struct Request {
    /// Order of arrival among all requests (0-based).
    pub seq: usize,
    /// When the answer was given.
    pub at: Instant,
    /// `GET`, `POST`, ...
    pub method: String,
    /// The full path, `/api/v10/...`.
    pub path: String,
    /// The query string, if any.
    pub query: Option<String>,
    /// Headers, names lowercased. `authorization` included.
    pub headers: Vec<(String, String)>,
    /// The body, if it was JSON.
    pub body: Option<Value>,
    /// The body as text (lossy), whatever it was.
    pub raw_body: String,
    /// The status the fake answered with.
    pub status: u16,
    /// The JSON the fake answered with, if any.
    pub response: Option<Value>,
    /// Why the fake refused the request (limits, double answers, deadlines), if it did.
    pub refusal: Option<String>,
    /// The injected fault that answered this request, if any.
    pub fault: Option<String>,
}

impl Request {
    /// A header's value (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The path below `/api/v10`, e.g. `/interactions/1/tok/callback`.
    pub fn route(&self) -> &str {
        self.path.strip_prefix("/api/v10").unwrap_or(&self.path)
    }

    /// Whether the request matches `pattern`: `"POST /interactions/*/*/callback"`, where `*`
    /// stands for one path segment (below `/api/v10`).
    pub fn is(&self, pattern: &str) -> bool {
        matches_pattern(pattern, &self.method, self.route())
    }

    /// For an interaction callback, the interaction id in its path.
    pub fn interaction_id(&self) -> Option<u64> {
        let segs: Vec<&str> = self.route().trim_matches('/').split('/').collect();
        match segs.as_slice() {
            ["interactions", id, _, "callback"] => id.parse().ok(),
            _ => None,
        }
    }

    /// The message this request sends, whatever the endpoint: a callback's `data`, or the body of
    /// a follow-up, an edit or a channel message.
    pub fn message(&self) -> Option<&Value> {
        let body = self.body.as_ref()?;
        if self.interaction_id().is_some() {
            body.get("data")
        } else {
            Some(body)
        }
    }

    /// A callback's `type` (4 message, 5 deferred, 6 deferred update, 7 update, 8 choices).
    pub fn callback_type(&self) -> Option<u64> {
        self.interaction_id()?;
        self.body.as_ref()?.get("type")?.as_u64()
    }

    /// Whether this request succeeded (2xx).
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// One line for failure messages: `POST /api/v10/... -> 204`.
    pub fn summary(&self) -> String {
        let mut s = format!("{} {} -> {}", self.method, self.path, self.status);
        if let Some(r) = &self.refusal {
            s.push_str(&format!(" ({r})"));
        }
        if let Some(f) = &self.fault {
            s.push_str(&format!(" [fault {f}]"));
        }
        s
    }
}

fn matches_pattern(pattern: &str, method: &str, route: &str) -> bool {
    let (want_method, want_path) = pattern.split_once(' ').unwrap_or(("*", pattern));
    if want_method != "*" && !want_method.eq_ignore_ascii_case(method) {
        return false;
    }
    let want: Vec<&str> = want_path.trim_matches('/').split('/').collect();
    let got: Vec<&str> = route.trim_matches('/').split('/').collect();
    want.len() == got.len() && want.iter().zip(&got).all(|(w, g)| *w == "*" || w == g)
}

/// What a gateway connection did, in order.
#[derive(Debug, Clone)]
pub enum GatewayRecord {
    /// The bot opened connection `conn`.
    Connected {
        /// Connection number (0-based, in order of connection).
        conn: usize,
    },
    /// The bot sent a payload (Identify is op 2, Resume op 6, Heartbeat op 1).
    FromBot {
        /// Connection number.
        conn: usize,
        /// Opcode.
        op: u64,
        /// The payload's `d`.
        d: Value,
    },
    /// The fake sent a payload.
    ToBot {
        /// Connection number.
        conn: usize,
        /// Opcode.
        op: u64,
        /// Event name, for dispatches.
        t: Option<String>,
        /// Sequence number, for dispatches.
        s: Option<u64>,
        /// The payload's `d`.
        d: Value,
    },
    /// The connection ended.
    Closed {
        /// Connection number.
        conn: usize,
        /// The close code, if a close frame was exchanged.
        code: Option<u16>,
        /// Whether the fake closed it (a forced close), rather than the bot.
        by_fake: bool,
    },
}

impl GatewayRecord {
    /// The connection this record belongs to.
    pub fn conn(&self) -> usize {
        match self {
            Self::Connected { conn }
            | Self::FromBot { conn, .. }
            | Self::ToBot { conn, .. }
            | Self::Closed { conn, .. } => *conn,
        }
    }

    /// The `d` of an Identify (op 2) the bot sent, if this is one.
    pub fn identify(&self) -> Option<&Value> {
        match self {
            Self::FromBot { op: 2, d, .. } => Some(d),
            _ => None,
        }
    }

    /// The `d` of a Resume (op 6) the bot sent, if this is one.
    pub fn resume(&self) -> Option<&Value> {
        match self {
            Self::FromBot { op: 6, d, .. } => Some(d),
            _ => None,
        }
    }

    /// The event name, if this is a dispatch the fake sent.
    pub fn dispatched(&self) -> Option<&str> {
        match self {
            Self::ToBot { op: 0, t, .. } => t.as_deref(),
            _ => None,
        }
    }
}

/// A fault to inject into REST answers.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer 429 with a `retry-after` header of this many seconds (fractions allowed).
    TooManyRequests {
        /// Seconds, as the `retry-after` header and the body's `retry_after` say.
        retry_after: f64,
        /// Whether it is the global limit (`x-ratelimit-global: true`).
        global: bool,
    },
    /// Answer 500.
    ServerError,
    /// Answer 401 Unauthorized, as Discord does when the token was reset or never valid,
    /// whatever token the request carries.
    Unauthorized,
    /// Answer normally, after this delay: the request reaches "Discord" late (the interaction
    /// deadline is checked after the delay), as through a slow or queued REST path.
    Delay(Duration),
    /// Handle the request at once (it counts as arriving on time), but hold the response this
    /// long: a slow answer from a REST side that did accept the request.
    SlowResponse(Duration),
}

struct FaultRule {
    pattern: String,
    remaining: usize,
    fault: Fault,
}

/// An interaction the fake dispatched: its id and token.
#[derive(Debug, Clone)]
pub struct Ix {
    /// The interaction id.
    pub id: u64,
    /// The interaction token (webhook routes use it).
    pub token: String,
}

struct Interaction {
    token: String,
    kind: u64,
    dispatched: Instant,
    acked: bool,
    channel_id: u64,
    /// The message the first answer made (type 4 or 5), for `@original` reads and edits.
    original: Option<Value>,
}

/// How many sent dispatches a session keeps for replay on Resume.
const REPLAY_BUFFER: usize = 1000;

struct Session {
    shard: Option<[u64; 2]>,
    seq: u64,
    /// The connection it is live on, if any.
    conn: Option<usize>,
    /// Dispatches sent while no connection was live; replayed on Resume, as Discord does.
    pending: Vec<(String, Value)>,
    /// Dispatches sent on a connection, newest last (at most [`REPLAY_BUFFER`]): on Resume, the
    /// ones after the client's `seq` are sent again, as Discord replays missed events. A
    /// connection that is closing can swallow an event the socket did accept.
    sent: std::collections::VecDeque<(u64, String, Value)>,
    /// Replaced by a newer session of the same shard, or invalidated.
    dead: bool,
}

enum Outbound {
    /// A dispatch for a session: sent if the connection still carries it, else held for Resume.
    Dispatch(String, String, Value),
    Raw(Value),
    Close(u16, String),
    Drop,
}

struct Conn {
    tx: mpsc::UnboundedSender<Outbound>,
    session: Option<String>,
}

/// Settings of a fake Discord.
#[derive(Debug, Clone)]
pub struct FakeOptions {
    /// The bot token the fake accepts (REST `Authorization: Bot <token>` and Identify).
    pub token: String,
    /// Hello's `heartbeat_interval`, in milliseconds.
    pub heartbeat_interval_ms: u64,
    /// Refuse interaction answers that come later than this after the dispatch (Discord: 3 s).
    pub interaction_deadline: Option<Duration>,
    /// Also serve the REST API over TLS as `discord.com` (see [`super::tls`]).
    pub tls: bool,
}

impl Default for FakeOptions {
    fn default() -> Self {
        Self {
            token: "fake.token.for-tests".into(),
            heartbeat_interval_ms: 41_250,
            interaction_deadline: Some(INTERACTION_DEADLINE),
            tls: false,
        }
    }
}

struct Inner {
    opts: FakeOptions,
    ws_url: String,
    requests: Log<Request>,
    gateway: Log<GatewayRecord>,
    request_seq: AtomicUsize,
    faults: Mutex<Vec<FaultRule>>,
    conns: Mutex<HashMap<usize, Conn>>,
    sessions: Mutex<HashMap<String, Session>>,
    /// Sessions in order of creation (newest last).
    session_order: Mutex<Vec<String>>,
    interactions: Mutex<HashMap<u64, Interaction>>,
    tokens: Mutex<HashMap<String, u64>>,
    commands: Mutex<HashMap<Option<u64>, Vec<Value>>>,
    reject_identify: Mutex<Vec<u16>>,
    next_conn: AtomicUsize,
    next_id: AtomicU64,
}

/// A running fake Discord. Dropping it stops its listeners.
pub struct FakeDiscord {
    inner: Arc<Inner>,
    /// The plain HTTP address (REST and gateway).
    pub addr: SocketAddr,
    /// The TLS listener, when [`FakeOptions::tls`] is set.
    pub tls: Option<super::tls::TlsEndpoint>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
        // Close live gateway connections so no connection task outlives the fake.
        for conn in lock(&self.inner.conns).values() {
            let _ = conn.tx.send(Outbound::Drop);
        }
    }
}

impl FakeDiscord {
    /// Starts a fake Discord accepting `token`, with the other settings at their defaults.
    pub async fn start(token: &str) -> Self {
        Self::start_with(FakeOptions {
            token: token.into(),
            ..FakeOptions::default()
        })
        .await
    }

    /// Starts a fake Discord with these settings.
    pub async fn start_with(opts: FakeOptions) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let inner = Arc::new(Inner {
            ws_url: format!("ws://{addr}/gateway"),
            opts,
            requests: Log::new(),
            gateway: Log::new(),
            request_seq: AtomicUsize::new(0),
            faults: Mutex::new(Vec::new()),
            conns: Mutex::new(HashMap::new()),
            sessions: Mutex::new(HashMap::new()),
            session_order: Mutex::new(Vec::new()),
            interactions: Mutex::new(HashMap::new()),
            tokens: Mutex::new(HashMap::new()),
            commands: Mutex::new(HashMap::new()),
            reject_identify: Mutex::new(Vec::new()),
            next_conn: AtomicUsize::new(0),
            next_id: AtomicU64::new(1_180_000_000_001_000_000),
        });
        let router = Router::new()
            .route("/gateway", get(gateway))
            .fallback(rest)
            .with_state(Arc::clone(&inner));
        let mut tasks = Vec::new();
        let plain = router.clone();
        tasks.push(tokio::spawn(async move {
            let _ = axum::serve(listener, plain).await;
        }));
        let tls = if inner.opts.tls {
            let (endpoint, task) = super::tls::serve(router).await;
            tasks.push(task);
            Some(endpoint)
        } else {
            None
        };
        Self {
            inner,
            addr,
            tls,
            tasks,
        }
    }

    /// The REST base to give the bot (`PARLEY_API_BASE`, serenity's `proxy`): `http://127.0.0.1:PORT`.
    pub fn api_base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The gateway URL `GET /gateway` hands out.
    pub fn ws_url(&self) -> &str {
        &self.inner.ws_url
    }

    /// The token the fake accepts.
    pub fn token(&self) -> &str {
        &self.inner.opts.token
    }

    /// The REST log.
    pub fn requests(&self) -> &Log<Request> {
        &self.inner.requests
    }

    /// The gateway log.
    pub fn gateway(&self) -> &Log<GatewayRecord> {
        &self.inner.gateway
    }

    /// A fresh snowflake (for interaction and message ids).
    pub fn next_id(&self) -> u64 {
        self.inner.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// The last `n` requests, one a line, for failure messages.
    pub fn recent(&self, n: usize) -> String {
        let all = self.inner.requests.snapshot();
        let start = all.len().saturating_sub(n);
        let mut out: Vec<String> = all[start..].iter().map(Request::summary).collect();
        if out.is_empty() {
            out.push("(no REST requests at all)".into());
        }
        out.join("\n  ")
    }

    /// Waits for a REST request satisfying `pred` (searching from the first request).
    pub async fn wait_for(
        &self,
        pred: impl Fn(&Request) -> bool,
        timeout: Duration,
    ) -> Result<Request, String> {
        self.inner
            .requests
            .wait_for(pred, timeout)
            .await
            .ok_or_else(|| {
                format!(
                    "no matching request within {timeout:?}; recent requests:\n  {}",
                    self.recent(15)
                )
            })
    }

    /// Waits for a REST request matching `pattern` (see [`Request::is`]).
    pub async fn wait_for_route(
        &self,
        pattern: &str,
        timeout: Duration,
    ) -> Result<Request, String> {
        self.wait_for(|r| r.is(pattern), timeout)
            .await
            .map_err(|e| format!("waiting for {pattern}: {e}"))
    }

    /// Waits for a gateway record satisfying `pred`.
    pub async fn wait_gateway(
        &self,
        pred: impl Fn(&GatewayRecord) -> bool,
        timeout: Duration,
    ) -> Result<GatewayRecord, String> {
        self.inner.gateway.wait_for(pred, timeout).await.ok_or_else(|| {
            let all = self.inner.gateway.snapshot();
            let tail: Vec<String> =
                all.iter().rev().take(12).rev().map(|g| format!("{g:?}")).collect();
            format!(
                "no matching gateway record within {timeout:?}; last records:\n  {}\nrecent REST:\n  {}",
                tail.join("\n  "),
                self.recent(8)
            )
        })
    }

    /// Waits until a session (of `shard`, if given) is live: READY or RESUMED sent.
    pub async fn wait_ready(
        &self,
        shard: Option<[u64; 2]>,
        timeout: Duration,
    ) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        self.wait_gateway(
            |g| matches!(g.dispatched(), Some("READY" | "RESUMED")),
            timeout,
        )
        .await
        .map_err(|e| format!("the bot never became ready: {e}"))?;
        loop {
            if self.live_session(shard).is_some() {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "no live gateway session for shard {shard:?} within {timeout:?}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The `d` of every Identify so far.
    pub fn identifies(&self) -> Vec<Value> {
        self.inner
            .gateway
            .snapshot()
            .iter()
            .filter_map(|g| g.identify().cloned())
            .collect()
    }

    /// Commands registered so far: key `None` for global, `Some(guild)` for a guild.
    pub fn registered_commands(&self) -> HashMap<Option<u64>, Vec<Value>> {
        lock(&self.inner.commands).clone()
    }

    // ----- fault knobs -----

    /// Makes the next `times` requests matching `pattern` (see [`Request::is`]) answer with `fault`.
    pub fn fault(&self, pattern: &str, times: usize, fault: Fault) {
        lock(&self.inner.faults).push(FaultRule {
            pattern: pattern.into(),
            remaining: times,
            fault,
        });
    }

    /// Makes the next Identify be refused by closing the connection with `code` (4004:
    /// authentication failed; 4010 to 4014: shard, sharding, API version and intent refusals).
    /// Each call queues one refusal, for one Identify.
    pub fn reject_next_identify(&self, code: u16) {
        lock(&self.inner.reject_identify).push(code);
    }

    /// Closes the live gateway connection of `shard` (or of the newest session) with `code`
    /// (4000: unknown error, which a client resumes from).
    pub fn close_gateway(&self, shard: Option<[u64; 2]>, code: u16) -> Result<(), String> {
        self.send_to_live(shard, Outbound::Close(code, format!("fake close {code}")))
    }

    /// Drops the live gateway connection of `shard` without a close frame, as a network failure would.
    pub fn drop_gateway(&self, shard: Option<[u64; 2]>) -> Result<(), String> {
        self.send_to_live(shard, Outbound::Drop)
    }

    /// Sends Invalid Session (op 9) on the live connection of `shard`. Not resumable also ends
    /// the session, so a Resume of it fails and the client must identify again.
    pub fn invalidate_session(
        &self,
        shard: Option<[u64; 2]>,
        resumable: bool,
    ) -> Result<(), String> {
        let session = self.live_session(shard).ok_or("no live gateway session")?;
        self.send_to_live(shard, Outbound::Raw(json!({ "op": 9, "d": resumable })))?;
        if !resumable {
            if let Some(s) = lock(&self.inner.sessions).get_mut(&session) {
                s.dead = true;
            }
        }
        Ok(())
    }

    /// Ends every gateway session without telling the client, as Discord does after an outage
    /// longer than a session lives: the next Resume is answered with Invalid Session (op 9,
    /// `d: false`) and the client must identify again. Events held for those sessions are lost.
    pub fn end_sessions(&self) {
        for s in lock(&self.inner.sessions).values_mut() {
            s.dead = true;
            s.pending.clear();
        }
    }

    /// Forgets interactions dispatched more than `age` ago (their tokens too), so a long run
    /// holds bounded memory. Answers to them are then refused as unknown.
    pub fn forget_interactions(&self, age: Duration) {
        let mut interactions = lock(&self.inner.interactions);
        let mut tokens = lock(&self.inner.tokens);
        interactions.retain(|_, ix| {
            let keep = ix.dispatched.elapsed() <= age;
            if !keep {
                tokens.remove(&ix.token);
            }
            keep
        });
    }

    /// Sends op 7 (Reconnect): the client should reconnect and resume.
    pub fn request_reconnect(&self, shard: Option<[u64; 2]>) -> Result<(), String> {
        self.send_to_live(shard, Outbound::Raw(json!({ "op": 7, "d": null })))
    }

    fn live_session(&self, shard: Option<[u64; 2]>) -> Option<String> {
        let sessions = lock(&self.inner.sessions);
        let order = lock(&self.inner.session_order);
        order
            .iter()
            .rev()
            .find(|id| {
                sessions.get(*id).is_some_and(|s| {
                    !s.dead && s.conn.is_some() && (shard.is_none() || s.shard == shard)
                })
            })
            .cloned()
    }

    fn send_to_live(&self, shard: Option<[u64; 2]>, out: Outbound) -> Result<(), String> {
        let session = self.live_session(shard).ok_or("no live gateway session")?;
        let conn = lock(&self.inner.sessions)
            .get(&session)
            .and_then(|s| s.conn)
            .ok_or("session not live")?;
        let conns = lock(&self.inner.conns);
        let c = conns.get(&conn).ok_or("connection gone")?;
        c.tx.send(out)
            .map_err(|_| "connection task ended".to_string())
    }

    // ----- dispatches -----

    /// Dispatches event `t` with data `d` to the session that owns it: by `d.guild_id` when
    /// several shards are connected (Discord's `(guild_id >> 22) % shards`), else the newest.
    /// Waits up to 10 s for a session to exist; if its connection is down, the event is held and
    /// replayed on Resume.
    pub async fn dispatch(&self, t: &str, d: Value) -> Result<(), String> {
        let guild = d
            .get("guild_id")
            .and_then(Value::as_str)
            .and_then(|g| g.parse::<u64>().ok());
        let deadline = Instant::now() + Duration::from_secs(10);
        let session = loop {
            if let Some(s) = self.session_for(guild) {
                break s;
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "no gateway session to dispatch {t} to (did the bot identify?)"
                ));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        if t == "INTERACTION_CREATE" {
            self.track_interaction(&d);
        }
        let mut sessions = lock(&self.inner.sessions);
        let s = sessions.get_mut(&session).expect("session chosen above");
        let conns = lock(&self.inner.conns);
        match s.conn.and_then(|c| conns.get(&c)) {
            Some(conn) => {
                let _ = conn
                    .tx
                    .send(Outbound::Dispatch(session.clone(), t.into(), d));
            }
            None => s.pending.push((t.into(), d)),
        }
        Ok(())
    }

    fn session_for(&self, guild: Option<u64>) -> Option<String> {
        let sessions = lock(&self.inner.sessions);
        let order = lock(&self.inner.session_order);
        order
            .iter()
            .rev()
            .find(|id| {
                let Some(s) = sessions.get(*id) else {
                    return false;
                };
                if s.dead {
                    return false;
                }
                match (guild, s.shard) {
                    (Some(g), Some([shard, total])) if total > 1 => {
                        payloads::shard_of(g, total) == shard
                    }
                    _ => true,
                }
            })
            .cloned()
    }

    fn track_interaction(&self, d: &Value) {
        let id = d
            .get("id")
            .and_then(Value::as_str)
            .and_then(|s| s.parse::<u64>().ok());
        let token = d.get("token").and_then(Value::as_str);
        if let (Some(id), Some(token)) = (id, token) {
            let channel_id = d
                .get("channel_id")
                .and_then(Value::as_str)
                .and_then(|s| s.parse().ok())
                .unwrap_or(payloads::CHANNEL_ID);
            lock(&self.inner.interactions).insert(
                id,
                Interaction {
                    token: token.into(),
                    kind: d.get("type").and_then(Value::as_u64).unwrap_or(0),
                    dispatched: Instant::now(),
                    acked: false,
                    channel_id,
                    original: None,
                },
            );
            lock(&self.inner.tokens).insert(token.into(), id);
        }
    }

    fn new_ix(&self) -> Ix {
        let id = self.next_id();
        Ix {
            id,
            token: format!("interaction-token-{id}"),
        }
    }

    /// Runs slash command `name` with `options` as `actor`, in the default guild and channel.
    pub async fn command(
        &self,
        name: &str,
        options: Vec<Value>,
        actor: &Actor,
    ) -> Result<Ix, String> {
        self.command_at(name, options, actor, Place::default())
            .await
    }

    /// Runs slash command `name` with `options` as `actor` in `place`.
    pub async fn command_at(
        &self,
        name: &str,
        options: Vec<Value>,
        actor: &Actor,
        place: Place,
    ) -> Result<Ix, String> {
        let ix = self.new_ix();
        let d = payloads::slash_command(ix.id, &ix.token, name, options, actor, place);
        self.dispatch("INTERACTION_CREATE", d).await?;
        Ok(ix)
    }

    /// Sends `/ask question` as `actor`.
    pub async fn ask(&self, question: &str, actor: &Actor) -> Result<Ix, String> {
        self.command("ask", vec![payloads::opt_str("question", question)], actor)
            .await
    }

    /// Sends an autocomplete interaction for `command`, the focused option `option` holding `partial`.
    pub async fn autocomplete(
        &self,
        command: &str,
        option: &str,
        partial: &str,
        actor: &Actor,
    ) -> Result<Ix, String> {
        let ix = self.new_ix();
        let d = payloads::autocomplete(
            ix.id,
            &ix.token,
            command,
            vec![payloads::opt_focused(option, partial)],
            actor,
            Place::default(),
        );
        self.dispatch("INTERACTION_CREATE", d).await?;
        Ok(ix)
    }

    /// Presses the button `custom_id` on `message` (a message object) as `actor`.
    pub async fn press(
        &self,
        custom_id: &str,
        message: Value,
        actor: &Actor,
    ) -> Result<Ix, String> {
        let ix = self.new_ix();
        let d = payloads::component(
            ix.id,
            &ix.token,
            custom_id,
            message,
            actor,
            Place::default(),
        );
        self.dispatch("INTERACTION_CREATE", d).await?;
        Ok(ix)
    }

    /// Posts a guild message mentioning the bot, by `actor`; returns the message id.
    pub async fn mention(&self, question: &str, actor: &Actor) -> Result<u64, String> {
        let id = self.next_id();
        self.dispatch(
            "MESSAGE_CREATE",
            payloads::mention_message(id, actor, question, Place::default()),
        )
        .await?;
        Ok(id)
    }

    /// The message object the first answer to `ix` made (from a type 4 callback, or the state a
    /// deferral and its edits left), as Discord would return it.
    pub fn original_message(&self, ix: &Ix) -> Option<Value> {
        lock(&self.inner.interactions)
            .get(&ix.id)
            .and_then(|i| i.original.clone())
    }

    // ----- waiting for answers -----

    /// Waits for the accepted callback (2xx) of interaction `ix`.
    pub async fn wait_callback(&self, ix: &Ix, timeout: Duration) -> Result<Request, String> {
        let id = ix.id;
        self.wait_for(|r| r.interaction_id() == Some(id) && r.ok(), timeout)
            .await
            .map_err(|e| format!("interaction {id} was never answered: {e}"))
    }

    /// Waits for the message that answers `ix`: a type 4 callback's `data`, or after a deferral
    /// (type 5) the edit of `@original` or the first follow-up. Returns the request carrying it.
    pub async fn wait_answer(&self, ix: &Ix, timeout: Duration) -> Result<Request, String> {
        let start = Instant::now();
        let callback = self.wait_callback(ix, timeout).await?;
        if callback.callback_type() != Some(5) {
            return Ok(callback);
        }
        let token = ix.token.clone();
        let left = timeout.saturating_sub(start.elapsed());
        self.wait_for(
            move |r| {
                r.ok()
                    && (r.is(&format!("PATCH /webhooks/*/{token}/messages/@original"))
                        || r.is(&format!("POST /webhooks/*/{token}")))
            },
            left,
        )
        .await
        .map_err(|e| {
            format!(
                "interaction {} was deferred but never followed up: {e}",
                ix.id
            )
        })
    }

    /// Waits for the channel message that replies to message `message_id`.
    pub async fn wait_message_reply(
        &self,
        message_id: u64,
        timeout: Duration,
    ) -> Result<Request, String> {
        let id = message_id.to_string();
        self.wait_for(
            move |r| {
                r.ok()
                    && r.is("POST /channels/*/messages")
                    && r.body
                        .as_ref()
                        .and_then(|b| b.pointer("/message_reference/message_id"))
                        .and_then(Value::as_str)
                        == Some(id.as_str())
            },
            timeout,
        )
        .await
        .map_err(|e| format!("message {message_id} got no reply: {e}"))
    }
}

// ----- REST -----

fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [("content-type", "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn error_body(code: u32, message: &str) -> Value {
    json!({ "code": code, "message": message })
}

/// What a route answered: status, JSON body (None for 204), refusal reason.
struct Answer {
    status: StatusCode,
    body: Option<Value>,
    refusal: Option<String>,
}

impl Answer {
    fn ok(body: Value) -> Self {
        Self {
            status: StatusCode::OK,
            body: Some(body),
            refusal: None,
        }
    }
    fn no_content() -> Self {
        Self {
            status: StatusCode::NO_CONTENT,
            body: None,
            refusal: None,
        }
    }
    fn refuse(status: StatusCode, code: u32, why: String) -> Self {
        Self {
            status,
            body: Some(error_body(code, &why)),
            refusal: Some(why),
        }
    }
}

async fn rest(
    State(inner): State<Arc<Inner>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let seq = inner.request_seq.fetch_add(1, Ordering::Relaxed);
    let mut req = Request {
        seq,
        at: Instant::now(),
        method: method.to_string(),
        path: uri.path().to_string(),
        query: uri.query().map(str::to_string),
        headers: headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_ascii_lowercase(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: serde_json::from_slice(&body).ok(),
        raw_body: String::from_utf8_lossy(&body).into_owned(),
        status: 0,
        response: None,
        refusal: None,
        fault: None,
    };

    let fault = {
        let mut faults = lock(&inner.faults);
        let found = faults
            .iter_mut()
            .find(|f| f.remaining > 0 && matches_pattern(&f.pattern, &req.method, req.route()));
        found.map(|f| {
            f.remaining -= 1;
            f.fault.clone()
        })
    };
    let response = match fault {
        Some(Fault::TooManyRequests {
            retry_after,
            global,
        }) => {
            req.fault = Some(format!("429 retry-after {retry_after}"));
            let body = json!({ "message": "You are being rate limited.", "retry_after": retry_after, "global": global });
            let mut builder = Response::builder()
                .status(StatusCode::TOO_MANY_REQUESTS)
                .header("content-type", "application/json")
                .header("retry-after", retry_after.to_string())
                .header("x-ratelimit-scope", if global { "global" } else { "user" });
            if global {
                builder = builder.header("x-ratelimit-global", "true");
            }
            req.status = 429;
            req.response = Some(body.clone());
            builder
                .body(Body::from(body.to_string()))
                .expect("valid response")
        }
        Some(Fault::Unauthorized) => {
            req.fault = Some("401".into());
            let body = error_body(0, "401: Unauthorized");
            req.status = 401;
            req.response = Some(body.clone());
            json_response(StatusCode::UNAUTHORIZED, &body)
        }
        Some(Fault::ServerError) => {
            req.fault = Some("500".into());
            let body = error_body(0, "500: Internal Server Error");
            req.status = 500;
            req.response = Some(body.clone());
            json_response(StatusCode::INTERNAL_SERVER_ERROR, &body)
        }
        other => {
            if let Some(Fault::Delay(d)) = other {
                req.fault = Some(format!("delay {d:?}"));
                tokio::time::sleep(d).await;
            }
            let answer = route(&inner, &req);
            if let Some(Fault::SlowResponse(d)) = other {
                req.fault = Some(format!("slow response {d:?}"));
                tokio::time::sleep(d).await;
            }
            req.status = answer.status.as_u16();
            req.refusal = answer.refusal;
            req.response = answer.body.clone();
            match answer.body {
                Some(body) => json_response(answer.status, &body),
                None => answer.status.into_response(),
            }
        }
    };
    req.at = Instant::now();
    inner.requests.push(req);
    response
}

fn needs_auth(route: &str) -> bool {
    !(route.starts_with("/interactions/") || route.starts_with("/webhooks/"))
}

fn route(inner: &Inner, req: &Request) -> Answer {
    let Some(route) = req.path.strip_prefix("/api/v10") else {
        return Answer::refuse(
            StatusCode::NOT_FOUND,
            0,
            format!("404: Not Found (no /api/v10 in {})", req.path),
        );
    };
    if needs_auth(route) {
        let want = format!("Bot {}", inner.opts.token);
        if req.header("authorization") != Some(want.as_str()) {
            return Answer::refuse(StatusCode::UNAUTHORIZED, 0, "401: Unauthorized".into());
        }
    }
    let segs: Vec<&str> = route.trim_matches('/').split('/').collect();
    let body = req.body.clone().unwrap_or(Value::Null);
    let app = payloads::APP_ID.to_string();
    match (req.method.as_str(), segs.as_slice()) {
        ("GET", ["gateway"]) => Answer::ok(json!({ "url": inner.ws_url })),
        ("GET", ["gateway", "bot"]) => Answer::ok(json!({
            "url": inner.ws_url,
            "shards": 1,
            "session_start_limit": { "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1 },
        })),
        ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => {
            Answer::ok(payloads::current_application())
        }
        ("GET", ["users", "@me"]) => Answer::ok(payloads::bot_user()),
        ("PUT", ["applications", a, "commands"]) if *a == app => register(inner, &body, None),
        ("PUT", ["applications", a, "guilds", g, "commands"]) if *a == app => match g.parse() {
            Ok(g) => register(inner, &body, Some(g)),
            Err(_) => Answer::refuse(StatusCode::BAD_REQUEST, 50035, format!("bad guild id {g}")),
        },
        ("GET", ["applications", a, "commands"]) if *a == app => Answer::ok(Value::Array(
            lock(&inner.commands)
                .get(&None)
                .cloned()
                .unwrap_or_default(),
        )),
        ("GET", ["applications", a, "guilds", g, "commands"]) if *a == app => {
            let g = g.parse().ok();
            Answer::ok(Value::Array(
                lock(&inner.commands).get(&g).cloned().unwrap_or_default(),
            ))
        }
        ("POST", ["interactions", id, token, "callback"]) => callback(inner, id, token, &body),
        ("POST", ["webhooks", a, token]) if *a == app => followup(inner, token, &body),
        ("GET", ["webhooks", a, token, "messages", id]) if *a == app => {
            webhook_message(inner, token, id, None)
        }
        ("PATCH", ["webhooks", a, token, "messages", id]) if *a == app => {
            webhook_message(inner, token, id, Some(&body))
        }
        ("DELETE", ["webhooks", a, _token, "messages", _id]) if *a == app => Answer::no_content(),
        ("POST", ["channels", channel, "messages"]) => match channel.parse::<u64>() {
            Ok(channel) => match limits::check_message(&body, true) {
                Ok(()) => Answer::ok(bot_message(inner, channel, &body)),
                Err(r) => Answer::refuse(StatusCode::BAD_REQUEST, r.code, r.message),
            },
            Err(_) => Answer::refuse(StatusCode::NOT_FOUND, 10003, "Unknown Channel".into()),
        },
        ("POST", ["channels", _channel, "typing"]) => Answer::no_content(),
        _ => Answer::refuse(
            StatusCode::NOT_FOUND,
            0,
            format!("404: Not Found ({} {route} is not faked)", req.method),
        ),
    }
}

fn register(inner: &Inner, body: &Value, guild: Option<u64>) -> Answer {
    let Some(list) = body.as_array() else {
        return Answer::refuse(
            StatusCode::BAD_REQUEST,
            50035,
            "commands: expected an array".into(),
        );
    };
    if list.len() > 100 {
        return Answer::refuse(
            StatusCode::BAD_REQUEST,
            30032,
            "Maximum number of application commands reached (100)".into(),
        );
    }
    let echoed: Vec<Value> = list
        .iter()
        .map(|c| payloads::registered_command(c, guild))
        .collect();
    lock(&inner.commands).insert(guild, echoed.clone());
    Answer::ok(Value::Array(echoed))
}

/// A message the bot sent, as Discord answers it: the payload's content, embeds and components,
/// authored by the bot, with a new id.
fn bot_message(inner: &Inner, channel_id: u64, body: &Value) -> Value {
    let id = inner.next_id.fetch_add(1, Ordering::Relaxed);
    let mut msg = payloads::message(id, channel_id, None, &Actor::parley(), "");
    apply_edit(&mut msg, body);
    if let Some(reference) = body.get("message_reference") {
        msg["message_reference"] = reference.clone();
        msg["type"] = json!(19);
    }
    msg
}

fn apply_edit(msg: &mut Value, body: &Value) {
    for key in ["content", "embeds", "components", "flags"] {
        if let Some(v) = body.get(key) {
            if !v.is_null() {
                msg[key] = v.clone();
            }
        }
    }
    // Discord answers with the embeds it stored, which always carry a type.
    if let Some(embeds) = msg.get_mut("embeds").and_then(Value::as_array_mut) {
        for e in embeds {
            if e.get("type").is_none() {
                e["type"] = json!("rich");
            }
        }
    }
}

fn callback(inner: &Inner, id: &str, token: &str, body: &Value) -> Answer {
    let unknown = || Answer::refuse(StatusCode::NOT_FOUND, 10062, "Unknown interaction".into());
    let Ok(id) = id.parse::<u64>() else {
        return unknown();
    };
    let mut interactions = lock(&inner.interactions);
    let Some(ix) = interactions.get_mut(&id) else {
        return unknown();
    };
    if ix.token != token {
        return unknown();
    }
    if ix.acked {
        return Answer::refuse(
            StatusCode::BAD_REQUEST,
            40060,
            "Interaction has already been acknowledged".into(),
        );
    }
    if let Some(deadline) = inner.opts.interaction_deadline {
        let waited = ix.dispatched.elapsed();
        if waited > deadline {
            return Answer::refuse(
                StatusCode::NOT_FOUND,
                10062,
                format!("Unknown interaction (answered {waited:?} after dispatch, deadline {deadline:?})"),
            );
        }
    }
    let kind = body.get("type").and_then(Value::as_u64).unwrap_or(0);
    let data = body.get("data").cloned().unwrap_or(Value::Null);
    let allowed: &[u64] = match ix.kind {
        payloads::INTERACTION_AUTOCOMPLETE => &[8],
        payloads::INTERACTION_COMPONENT => &[4, 5, 6, 7, 9],
        _ => &[4, 5, 9],
    };
    if !allowed.contains(&kind) {
        return Answer::refuse(
            StatusCode::BAD_REQUEST,
            50035,
            format!(
                "callback type {kind} is not valid for an interaction of type {}",
                ix.kind
            ),
        );
    }
    let checked = match kind {
        4 | 7 => limits::check_message(&data, true),
        8 => limits::check_choices(&data),
        _ => Ok(()),
    };
    if let Err(r) = checked {
        return Answer::refuse(
            StatusCode::BAD_REQUEST,
            r.code,
            format!("data.{}", r.message),
        );
    }
    ix.acked = true;
    match kind {
        4 => {
            let mut msg = payloads::message(id, ix.channel_id, None, &Actor::parley(), "");
            apply_edit(&mut msg, &data);
            msg["webhook_id"] = json!(payloads::APP_ID.to_string());
            ix.original = Some(msg);
        }
        5 => {
            let mut msg = payloads::message(id, ix.channel_id, None, &Actor::parley(), "");
            msg["flags"] = json!(128 | data.get("flags").and_then(Value::as_u64).unwrap_or(0));
            ix.original = Some(msg);
        }
        _ => {}
    }
    Answer::no_content()
}

fn followup(inner: &Inner, token: &str, body: &Value) -> Answer {
    let unknown = || Answer::refuse(StatusCode::NOT_FOUND, 10015, "Unknown Webhook".into());
    let Some(id) = lock(&inner.tokens).get(token).copied() else {
        return unknown();
    };
    let channel_id = {
        let interactions = lock(&inner.interactions);
        match interactions.get(&id) {
            Some(ix) if ix.acked => ix.channel_id,
            _ => return unknown(),
        }
    };
    if let Err(r) = limits::check_message(body, true) {
        return Answer::refuse(StatusCode::BAD_REQUEST, r.code, r.message);
    }
    let mut msg = bot_message(inner, channel_id, body);
    msg["webhook_id"] = json!(payloads::APP_ID.to_string());
    Answer::ok(msg)
}

fn webhook_message(inner: &Inner, token: &str, message: &str, edit: Option<&Value>) -> Answer {
    let unknown = || Answer::refuse(StatusCode::NOT_FOUND, 10008, "Unknown Message".into());
    let Some(id) = lock(&inner.tokens).get(token).copied() else {
        return Answer::refuse(StatusCode::NOT_FOUND, 10015, "Unknown Webhook".into());
    };
    let mut interactions = lock(&inner.interactions);
    let Some(ix) = interactions.get_mut(&id) else {
        return unknown();
    };
    if message != "@original" {
        // Follow-ups are not stored; edits of them are checked and echoed.
        return match edit {
            Some(body) => match limits::check_message(body, false) {
                Ok(()) => {
                    let mut msg = payloads::message(
                        message.parse().unwrap_or(0),
                        ix.channel_id,
                        None,
                        &Actor::parley(),
                        "",
                    );
                    apply_edit(&mut msg, body);
                    Answer::ok(msg)
                }
                Err(r) => Answer::refuse(StatusCode::BAD_REQUEST, r.code, r.message),
            },
            None => unknown(),
        };
    }
    let Some(original) = ix.original.as_mut() else {
        return unknown();
    };
    if let Some(body) = edit {
        if let Err(r) = limits::check_message(body, false) {
            return Answer::refuse(StatusCode::BAD_REQUEST, r.code, r.message);
        }
        apply_edit(original, body);
        // An edit of a deferred reply ends the "thinking" state.
        if let Some(flags) = original.get("flags").and_then(Value::as_u64) {
            original["flags"] = json!(flags & !128);
        }
    }
    Answer::ok(original.clone())
}

// ----- gateway -----

async fn gateway(State(inner): State<Arc<Inner>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| connection(inner, socket))
}

async fn send_json(inner: &Inner, conn: usize, socket: &mut WebSocket, payload: Value) -> bool {
    let record = GatewayRecord::ToBot {
        conn,
        op: payload
            .get("op")
            .and_then(Value::as_u64)
            .unwrap_or(u64::MAX),
        t: payload.get("t").and_then(Value::as_str).map(str::to_string),
        s: payload.get("s").and_then(Value::as_u64),
        d: payload.get("d").cloned().unwrap_or(Value::Null),
    };
    let ok = socket
        .send(Message::Text(payload.to_string()))
        .await
        .is_ok();
    if ok {
        inner.gateway.push(record);
    }
    ok
}

/// Sends a dispatch with the session's next sequence number.
async fn send_dispatch(
    inner: &Inner,
    conn: usize,
    session: &str,
    socket: &mut WebSocket,
    t: &str,
    d: Value,
) -> bool {
    let s = {
        let mut sessions = lock(&inner.sessions);
        match sessions.get_mut(session) {
            Some(s) => {
                s.seq += 1;
                s.seq
            }
            None => return false,
        }
    };
    let sent = send_json(
        inner,
        conn,
        socket,
        json!({ "op": 0, "t": t, "s": s, "d": d.clone() }),
    )
    .await;
    if let Some(session) = lock(&inner.sessions).get_mut(session) {
        if sent {
            if t != "READY" && t != "RESUMED" {
                session.sent.push_back((s, t.to_string(), d));
                if session.sent.len() > REPLAY_BUFFER {
                    session.sent.pop_front();
                }
            }
        } else {
            // The connection died under it: hold the event for a Resume, as Discord does.
            session.pending.push((t.to_string(), d));
        }
    }
    sent
}

async fn connection(inner: Arc<Inner>, mut socket: WebSocket) {
    let conn = inner.next_conn.fetch_add(1, Ordering::Relaxed);
    let (tx, mut rx) = mpsc::unbounded_channel();
    lock(&inner.conns).insert(conn, Conn { tx, session: None });
    inner.gateway.push(GatewayRecord::Connected { conn });

    let hello =
        json!({ "op": 10, "d": { "heartbeat_interval": inner.opts.heartbeat_interval_ms } });
    let mut open = send_json(&inner, conn, &mut socket, hello).await;
    let mut closed_code = None;
    let mut by_fake = false;
    while open {
        tokio::select! {
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    open = from_bot(&inner, conn, &mut socket, &text).await;
                }
                Some(Ok(Message::Binary(bytes))) => {
                    inner.gateway.push(GatewayRecord::FromBot { conn, op: u64::MAX, d: json!({ "binary_len": bytes.len() }) });
                }
                Some(Ok(Message::Close(frame))) => {
                    closed_code = frame.as_ref().map(|f| f.code);
                    // Answer the close frame, or serenity logs an error awaiting it.
                    let _ = socket.send(Message::Close(frame)).await;
                    open = false;
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => open = false,
            },
            out = rx.recv() => match out {
                Some(Outbound::Dispatch(session, t, d)) => {
                    let current = lock(&inner.conns).get(&conn).and_then(|c| c.session.clone());
                    if current.as_deref() == Some(session.as_str()) {
                        open = send_dispatch(&inner, conn, &session, &mut socket, &t, d).await;
                    } else if let Some(s) = lock(&inner.sessions).get_mut(&session) {
                        s.pending.push((t, d));
                    }
                }
                Some(Outbound::Raw(v)) => open = send_json(&inner, conn, &mut socket, v).await,
                Some(Outbound::Close(code, reason)) => {
                    by_fake = true;
                    closed_code = Some(code);
                    detach(&inner, conn);
                    let _ = socket.send(Message::Close(Some(CloseFrame { code, reason: reason.into() }))).await;
                    // Give the client a moment to answer the close frame, then hang up.
                    let _ = tokio::time::timeout(Duration::from_secs(1), async {
                        while let Some(Ok(m)) = socket.recv().await {
                            if matches!(m, Message::Close(_)) {
                                break;
                            }
                        }
                    })
                    .await;
                    open = false;
                }
                Some(Outbound::Drop) | None => {
                    by_fake = true;
                    open = false;
                }
            },
        }
    }
    detach(&inner, conn);
    lock(&inner.conns).remove(&conn);
    inner.gateway.push(GatewayRecord::Closed {
        conn,
        code: closed_code,
        by_fake,
    });
}

/// Unbinds the connection's session, so later dispatches are held for a Resume.
fn detach(inner: &Inner, conn: usize) {
    let session = lock(&inner.conns)
        .get_mut(&conn)
        .and_then(|c| c.session.take());
    if let Some(session) = session {
        if let Some(s) = lock(&inner.sessions).get_mut(&session) {
            if s.conn == Some(conn) {
                s.conn = None;
            }
        }
    }
}

async fn close_with(
    inner: &Inner,
    conn: usize,
    socket: &mut WebSocket,
    code: u16,
    reason: &str,
) -> bool {
    let _ = socket
        .send(Message::Close(Some(CloseFrame {
            code,
            reason: reason.to_string().into(),
        })))
        .await;
    inner.gateway.push(GatewayRecord::ToBot {
        conn,
        op: u64::MAX,
        t: Some(format!("CLOSE {code}")),
        s: None,
        d: json!(reason),
    });
    false
}

/// Handles one payload from the bot; returns whether the connection stays open.
async fn from_bot(inner: &Inner, conn: usize, socket: &mut WebSocket, text: &str) -> bool {
    let Ok(payload) = serde_json::from_str::<Value>(text) else {
        return close_with(inner, conn, socket, 4002, "Error while decoding payload.").await;
    };
    let op = payload
        .get("op")
        .and_then(Value::as_u64)
        .unwrap_or(u64::MAX);
    let d = payload.get("d").cloned().unwrap_or(Value::Null);
    inner.gateway.push(GatewayRecord::FromBot {
        conn,
        op,
        d: d.clone(),
    });
    let token_ok = |d: &Value| {
        let sent = d.get("token").and_then(Value::as_str).unwrap_or("");
        sent.strip_prefix("Bot ").unwrap_or(sent) == inner.opts.token
    };
    match op {
        1 => send_json(inner, conn, socket, json!({ "op": 11 })).await,
        2 => {
            let rejected = {
                let mut r = lock(&inner.reject_identify);
                if r.is_empty() {
                    None
                } else {
                    Some(r.remove(0))
                }
            };
            if let Some(code) = rejected {
                return close_with(inner, conn, socket, code, "Identify refused by the test").await;
            }
            if !token_ok(&d) {
                return close_with(inner, conn, socket, 4004, "Authentication failed.").await;
            }
            if lock(&inner.conns)
                .get(&conn)
                .is_some_and(|c| c.session.is_some())
            {
                return close_with(inner, conn, socket, 4005, "Already authenticated.").await;
            }
            let shard = d
                .get("shard")
                .and_then(|s| serde_json::from_value::<[u64; 2]>(s.clone()).ok());
            if let Some([id, total]) = shard {
                if total == 0 || id >= total {
                    return close_with(inner, conn, socket, 4010, "Invalid shard.").await;
                }
            }
            let session_id = format!(
                "session-{conn}-{}",
                inner.next_id.fetch_add(1, Ordering::Relaxed)
            );
            {
                let mut sessions = lock(&inner.sessions);
                // A new Identify for a shard replaces its older sessions.
                for s in sessions.values_mut() {
                    if s.shard == shard {
                        s.dead = true;
                    }
                }
                sessions.insert(
                    session_id.clone(),
                    Session {
                        shard,
                        seq: 0,
                        conn: Some(conn),
                        pending: Vec::new(),
                        sent: std::collections::VecDeque::new(),
                        dead: false,
                    },
                );
                lock(&inner.session_order).push(session_id.clone());
            }
            if let Some(c) = lock(&inner.conns).get_mut(&conn) {
                c.session = Some(session_id.clone());
            }
            let ready = payloads::ready(&session_id, &inner.ws_url, shard);
            send_dispatch(inner, conn, &session_id, socket, "READY", ready).await
        }
        6 => {
            let session_id = d
                .get("session_id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let resumable = token_ok(&d)
                && lock(&inner.sessions)
                    .get(&session_id)
                    .is_some_and(|s| !s.dead);
            if !resumable {
                return send_json(inner, conn, socket, json!({ "op": 9, "d": false })).await;
            }
            let pending = {
                let mut sessions = lock(&inner.sessions);
                let s = sessions.get_mut(&session_id).expect("checked above");
                // A session lives on one connection: the old one, if still open, loses it.
                s.conn = Some(conn);
                // What the client did not acknowledge (sent after the `seq` it resumes from, but
                // lost with the old connection) comes again, before what was never sent. Both
                // get new sequence numbers, so the client's count only goes up.
                let acked = d.get("seq").and_then(Value::as_u64).unwrap_or(0);
                let mut replay: Vec<(String, Value)> = std::mem::take(&mut s.sent)
                    .into_iter()
                    .filter(|(n, _, _)| *n > acked)
                    .map(|(_, t, d)| (t, d))
                    .collect();
                replay.append(&mut s.pending);
                replay
            };
            {
                let mut conns = lock(&inner.conns);
                for (other, c) in conns.iter_mut() {
                    if *other != conn && c.session.as_deref() == Some(session_id.as_str()) {
                        c.session = None;
                    }
                }
                if let Some(c) = conns.get_mut(&conn) {
                    c.session = Some(session_id.clone());
                }
            }
            if !send_dispatch(inner, conn, &session_id, socket, "RESUMED", json!({})).await {
                return false;
            }
            for (t, d) in pending {
                if !send_dispatch(inner, conn, &session_id, socket, &t, d).await {
                    return false;
                }
            }
            true
        }
        // Presence updates, voice state, member requests: recorded, nothing to answer.
        3 | 4 | 8 => true,
        _ => close_with(inner, conn, socket, 4001, "Unknown opcode.").await,
    }
}
