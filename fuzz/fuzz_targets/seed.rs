//! The seed engine the question and renderer targets share: built once per fuzzing process
//! from the committed knowledge file, compiled into the target.

use std::path::Path;
use std::sync::OnceLock;

use parley::engine::{Engine, EngineSettings};
use parley::knowledge::Knowledge;

pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let json = include_str!("../../knowledge/knowledge.json");
        let k = Knowledge::from_json(json, Path::new("knowledge.json")).expect("seed knowledge");
        Engine::new(k, EngineSettings {
                max_quotes: 3,
                ..EngineSettings::default()
            })
    })
}
