//! Test support shared by the Discord test files: a fake Discord on 127.0.0.1 and what it needs.
//!
//! - [`fake_discord`]: REST under `/api/v10` and the websocket gateway, recording everything,
//!   with fault knobs.
//! - [`payloads`]: READY, INTERACTION_CREATE, MESSAGE_CREATE and other JSON the fake sends.
//! - [`limits`]: Discord's message limits, which the fake enforces with 400s.
//! - [`tls`]: the same REST API over TLS as `discord.com`, for serenity's rate limiter.
//! - [`bot`]: spawns the real `parley run` binary against the fake.
//!
//! Each test file compiles this module on its own and uses only part of it.
#![allow(dead_code)]

pub mod bot;
pub mod fake_discord;
pub mod limits;
pub mod payloads;
pub mod tls;

#[allow(unused_imports)]
pub use fake_discord::{FakeDiscord, FakeOptions, Fault, GatewayRecord, Ix, Request};
#[allow(unused_imports)]
pub use payloads::Actor;
