//! The answer kinds, one file each: what each intent gathers and how its lead reads. The engine's
//! `answer` picks one by the intent's name. Each owns its gathering; declining goes through
//! `decide.rs`, rendering through `compose.rs`.

mod age;
mod meta;
mod opinion;
mod position;
mod said;
mod search;
mod summary;
mod who;

/// The answer kinds' tests share one corpus of several articles: the five of
/// `tests/eval/own-multi/articles` (one negotiation over five weeks, five outlets).
#[cfg(test)]
pub(crate) fn own_multi(tuning: crate::engine::Tuning) -> crate::engine::Engine {
    engine_over("tests/eval/own-multi/articles", tuning)
}

/// The seven quote-heavy articles of `tests/fixtures/attribution/articles2` (seven house
/// styles, two pairs of people sharing a surname), which the own-quotes question set runs on.
/// The engine over the seed's knowledge file, for tests.
#[cfg(test)]
pub(crate) fn seed() -> crate::engine::Engine {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/knowledge.json");
    crate::engine::Engine::new(
        crate::knowledge::Knowledge::load(&path).unwrap(),
        crate::engine::EngineSettings::default(),
    )
}

#[cfg(test)]
pub(crate) fn own_quotes() -> crate::engine::Engine {
    engine_over(
        "tests/fixtures/attribution/articles2",
        crate::engine::Tuning::default(),
    )
}

#[cfg(test)]
pub(crate) fn engine_over(articles: &str, tuning: crate::engine::Tuning) -> crate::engine::Engine {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(articles);
    let built = crate::build::build_dir(
        &dir,
        &crate::lexicon::Lexicon::builtin(),
        &crate::build::BuildOptions::default(),
    )
    .unwrap();
    let settings = crate::engine::EngineSettings {
        tuning,
        ..crate::engine::EngineSettings::default()
    };
    crate::engine::Engine::new(built.knowledge, settings)
}

/// An engine over short invented articles, each `(id, published, body)`: one paragraph a
/// blank line, in the front-matter format of `knowledge/articles`.
#[cfg(test)]
pub(crate) fn engine_from(articles: &[(&str, &str, &str)]) -> crate::engine::Engine {
    let texts: Vec<(String, String)> = articles
        .iter()
        .map(|(id, date, body)| {
            (
                format!("{id}.md"),
                format!(
                    "+++\ntitle = \"{id}\"\nsource = \"Test Wire\"\npublished = \"{date}\"\n+++\n\n{body}\n"
                ),
            )
        })
        .collect();
    let refs: Vec<(&str, &str, &[u8])> = texts
        .iter()
        .zip(articles)
        .map(|((file, text), (id, _, _))| (file.as_str(), *id, text.as_bytes()))
        .collect();
    let built = crate::build::build_from(
        &refs,
        &crate::lexicon::Lexicon::builtin(),
        &crate::build::BuildOptions::default(),
    )
    .unwrap();
    crate::engine::Engine::new(built.knowledge, crate::engine::EngineSettings::default())
}
