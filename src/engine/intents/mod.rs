//! The answer kinds, one file each: what each intent gathers and how its lead reads. The engine's
//! `answer` picks one by the intent's name. Each owns its gathering; declining goes through
//! `decide.rs`, rendering through `compose.rs`.

mod meta;
mod opinion;
mod position;
mod said;
mod search;
mod summary;
mod who;
