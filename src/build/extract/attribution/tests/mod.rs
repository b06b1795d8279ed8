//! Unit tests of the attribution reader on short passages, by concern.

mod people;
mod speakers;
mod statements;
