//! Unit tests of the lexicon: loading, defaults of word lists a file was written without,
//! alias matching and the question rewrites.

use super::defaults::builtin_language;
use super::*;
use crate::knowledge::Stance;
use crate::text::{stem, tokenize};

#[test]
fn shorthand_is_written_out_keeping_punctuation_and_possessives() {
    let c = Lexicon::builtin().compile();
    assert_eq!(
        c.expand_shorthand("wat did the VP say abt nato?"),
        "what did the vice president say about nato?"
    );
    assert_eq!(
        c.expand_shorthand("the uk pm's spokesperson, pls"),
        "the uk prime minister's spokesperson, please"
    );
    // Words that are not shorthand, and words that only contain it, are left alone.
    assert_eq!(c.expand_shorthand("what about Vance"), "what about Vance");
    assert_eq!(c.expand_shorthand("upmarket"), "upmarket");
    // Capitals with a lowercase "s" are the possessive typed without its apostrophe; a
    // lowercase word ending so ("vps"), or capitals that are no shorthand, are left alone.
    assert_eq!(
        c.expand_shorthand("so whats the VPs line"),
        "so whats the vice president's line"
    );
    assert_eq!(c.expand_shorthand("the vps line"), "the vps line");
    assert_eq!(c.expand_shorthand("the EUs line"), "the EUs line");
    // Month abbreviations and chat words for people and events.
    assert_eq!(
        c.expand_shorthand("by late sept did the veep's presser happen"),
        "by late september did the vice president's presser happen"
            .replace("presser", "press conference")
    );
    // Contractions typed without their apostrophe.
    assert_eq!(
        c.expand_shorthand("whats their condition before theyll talk"),
        "whats their condition before they will talk"
    );
}

/// "What's the name of X" asks who X is; an opening that only starts the same way, or the
/// same words later in the question, are left alone.
#[test]
fn an_opening_that_asks_who_is_read_as_who() {
    let c = Lexicon::builtin().compile();
    assert_eq!(
        c.rewrite_opener("What's the name of Oremund's defence minister?"),
        "who is Oremund's defence minister?"
    );
    assert_eq!(
        c.rewrite_opener("do we know who leaked the map"),
        "who leaked the map"
    );
    assert_eq!(
        c.rewrite_opener("what's the name of the agreement"),
        "what's the name of the agreement",
        "a thing's name is searched for"
    );
    assert_eq!(
        c.rewrite_opener("whats the names list"),
        "whats the names list"
    );
    assert_eq!(
        c.rewrite_opener("did he say what's the name of it"),
        "did he say what's the name of it"
    );
}

#[test]
fn builtin_lexicon_parses_and_has_parties_and_topics() {
    let lex = Lexicon::builtin();
    assert!(lex.parties.len() >= 5);
    assert!(lex.topics.len() >= 5);
    assert!(lex.language.reporting_verbs.iter().any(|v| v == "said"));
}

#[test]
fn aliases_match_longest_first_and_caps_only_where_needed() {
    let c = Lexicon::builtin().compile();
    let s = "Let us ask the US and the European Union about land swaps in Kyiv.";
    let toks = tokenize(s);
    let parties: Vec<&str> = c
        .parties
        .find(&toks)
        .iter()
        .map(|h| c.lexicon.parties[h.entity].id.as_str())
        .collect();
    assert_eq!(parties, ["us", "europe", "ukraine"]);
    let topics: Vec<&str> = c
        .topics
        .find(&toks)
        .iter()
        .map(|h| c.lexicon.topics[h.entity].id.as_str())
        .collect();
    assert_eq!(topics, ["territory"]);
    // Without stems, `find` reads the tokens' own forms: the same hits as with the keys given.
    let norms: Vec<String> = toks.iter().map(|t| t.norm.clone()).collect();
    let s2 = "The Secretary of State met the US envoy and the Foreign Minister.";
    let toks2 = tokenize(s2);
    let norms2: Vec<String> = toks2.iter().map(|t| t.norm.clone()).collect();
    assert_eq!(c.parties.find(&toks), c.parties.find_keys(&toks, &norms));
    let titles = c.titles.find(&toks2);
    assert_eq!(titles, c.titles.find_keys(&toks2, &norms2));
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert_eq!((titles[0].start, titles[0].end), (1, 4));
    // "NATO" and "Nato" both listed: the name is meant in any case, "nato" too.
    let toks3 = tokenize("did the nato chief say anything to us");
    let parties: Vec<&str> = c
        .parties
        .find(&toks3)
        .iter()
        .map(|h| c.lexicon.parties[h.entity].id.as_str())
        .collect();
    assert_eq!(parties, ["nato"]);
}

#[test]
fn bad_toml_is_an_error_naming_the_file() {
    let err = Lexicon::from_toml("parties = 3", "", ("lex.toml", "lang.toml")).unwrap_err();
    assert!(err.to_string().contains("lex.toml"));
}

#[test]
fn small_talk_before_a_question_word_is_dropped_only_after_a_preamble_end() {
    let c = Lexicon::builtin().compile();
    assert_eq!(
        c.drop_preamble("sorry dumb q but what is crimea"),
        "what is crimea"
    );
    assert_eq!(c.drop_preamble("ok so who is vance"), "who is vance");
    // Not after a sentence end, not after "and": the start still carries the question.
    assert_eq!(
        c.drop_preamble("he pulled out of london?? why tho"),
        "he pulled out of london?? why tho"
    );
    assert_eq!(
        c.drop_preamble("who is vance and what did he say"),
        "who is vance and what did he say"
    );
    assert_eq!(c.drop_preamble("what is crimea"), "what is crimea");
}

#[test]
fn a_language_with_a_month_missing_is_an_error_naming_the_file() {
    let mut table = toml::Table::try_from(builtin_language()).unwrap();
    let months = table
        .get_mut("months")
        .and_then(|m| m.as_array_mut())
        .unwrap();
    months.pop();
    let text = toml::to_string(&table).unwrap();
    let err = Lexicon::from_toml("", &text, ("lex.toml", "lang.toml")).unwrap_err();
    assert!(err.to_string().contains("lang.toml"), "{err}");
    assert!(err.to_string().contains("found 7 and 11"), "{err}");
}

#[test]
fn a_period_word_must_name_a_known_span_and_datelines_need_twelve_months() {
    let mut table = toml::Table::try_from(builtin_language()).unwrap();
    table.insert(
        "periods".into(),
        toml::Value::try_from(vec![("fortnight", "fortnight")]).unwrap(),
    );
    let text = toml::to_string(&table).unwrap();
    let err = Lexicon::from_toml("", &text, ("lex.toml", "lang.toml")).unwrap_err();
    assert!(err.to_string().contains("lang.toml"), "{err}");
    assert!(err.to_string().contains("\"fortnight\""), "{err}");
    let mut table = toml::Table::try_from(builtin_language()).unwrap();
    table
        .get_mut("month_abbreviations")
        .and_then(|m| m.as_array_mut())
        .unwrap()
        .pop();
    let text = toml::to_string(&table).unwrap();
    let err = Lexicon::from_toml("", &text, ("lex.toml", "lang.toml")).unwrap_err();
    assert!(err.to_string().contains("found 11"), "{err}");
    // The built-in spans compile; a shift word is read with its sign.
    let c = Lexicon::builtin().compile();
    assert_eq!(c.periods.get("weekend"), Some(&Period::Weekend));
    assert_eq!(c.period_shifts.get("last"), Some(&-1));
}

#[test]
fn cause_cues_that_only_ask_are_kept_by_their_stems() {
    let c = Lexicon::builtin().compile();
    let mut got: Vec<&str> = c
        .cause_cue_stems_asked_only
        .iter()
        .map(String::as_str)
        .collect();
    got.sort_unstable();
    assert_eq!(got, ["over", "reason"]);
    // A cue listed here is no cause stem of a sentence; "why" (stem "whi") still is.
    assert_eq!(stem("why"), "whi");
    assert_eq!(c.count_phrases[0], ["how", "many"]);
}

#[test]
fn the_question_words_after_small_talk_come_from_the_language_data() {
    let mut lex = Lexicon::builtin();
    assert_eq!(
        lex.compile().drop_preamble("ok so who is vance"),
        "who is vance"
    );
    lex.language.question_words = vec!["wer".to_string()];
    let c = lex.compile();
    assert_eq!(c.drop_preamble("ok so wer ist vance"), "wer ist vance");
    assert_eq!(c.drop_preamble("ok so who is vance"), "ok so who is vance");
}

#[test]
fn a_language_written_before_a_word_list_existed_takes_the_built_in_one() {
    let mut table = toml::Table::try_from(builtin_language()).unwrap();
    for key in [
        "asked_place_nouns",
        "country_nouns",
        "filler_words",
        "pair_stopwords",
        "contractions",
        "summary_words",
        "speech_nouns",
        "predicate_connectives",
        "introducing_verbs",
        "source_prepositions",
        "viewpoint_prepositions",
        "echo_nouns",
        "object_relatives",
        "citing_verbs",
        "nominal_markers",
        "habitual_verbs",
        "hearsay_verbs",
        "naming_words",
        "feminine_kin_nouns",
        "masculine_kin_nouns",
        "owner_prepositions",
        "term_cues",
        "nickname_cues",
        "question_tags",
        "programme_parts",
        "ordinal_words",
        "first_person_subjects",
        "masculine_pronouns",
        "feminine_pronouns",
        "document_verbs",
        "masculine_honorifics",
        "feminine_honorifics",
        "participles",
        "reporting_phrases",
        "issuing_verbs",
        "idiom_reporting_verbs",
        "weekdays",
        "months",
        "future_words",
        "weekday_lead_words",
        "year_prepositions",
        "relative_days",
        "period_shifts",
        "periods",
        "month_abbreviations",
        "question_words",
        "cause_cues_asked_only",
        "place_phrase_prepositions",
        "title_abbreviations",
        "lowered_openers",
        "count_phrases",
        "definition_questions",
        "asked_thing_words",
        "asked_thing_skips",
        "asked_kind_nouns",
        "future_asked_words",
        "outcome_words",
        "past_asked_words",
        "stance_holder_prepositions",
        "followup_openers",
        "followup_pronouns",
        "description_openers",
        "role_introducers",
        "rank_modifiers",
        "article_nouns",
        "description_noun_classes",
        "description_stops",
        "speaker_noun_classes",
        "opener_rewrites",
        "measure_questions",
        "measure_units",
        "money_questions",
        "money_units",
        "place_nouns",
        "leading_verbs",
        "leading_agents",
        "role_taking_verbs",
        "role_office_words",
        "former_role_words",
        "stance_verbs",
        "stance_nouns",
    ] {
        assert!(table.remove(key).is_some(), "{key}");
    }
    let old: Language = toml::Value::Table(table).try_into().unwrap();
    assert!(old.filler_words.contains(&"happened".to_string()));
    assert!(old.place_phrase_prepositions.contains(&"at".to_string()));
    assert!(old.pair_stopwords.contains(&"the".to_string()));
    assert!(!old.contractions.is_empty());
    assert!(old.summary_words.contains(&"recap".to_string()));
    assert!(old.speech_nouns.contains(&"statement".to_string()));
    assert!(old.predicate_connectives.contains(&"but".to_string()));
    assert!(old.introducing_verbs.contains(&"was".to_string()));
    assert!(old.source_prepositions.contains(&"from".to_string()));
    assert!(old.viewpoint_prepositions.contains(&"for".to_string()));
    assert!(old.masculine_pronouns.contains(&"he".to_string()));
    assert!(old.feminine_pronouns.contains(&"she".to_string()));
    assert!(old.document_verbs.contains(&"reads".to_string()));
    assert!(old.masculine_honorifics.contains(&"Mr".to_string()));
    assert!(old.feminine_honorifics.contains(&"Ms".to_string()));
    assert!(old.participles.contains(&"describing".to_string()));
    assert!(old.issuing_verbs.contains(&"issued".to_string()));
    assert!(old.idiom_reporting_verbs.contains(&"put".to_string()));
    assert_eq!(old.weekdays.len(), 7);
    assert_eq!(old.months.len(), 12);
    assert!(old.future_words.contains(&"will".to_string()));
    assert!(old.weekday_lead_words.contains(&"on".to_string()));
    assert!(old.year_prepositions.contains(&"since".to_string()));
    assert!(old.relative_days.contains(&("yesterday".to_string(), -1)));
    assert!(old.period_shifts.contains(&("next".to_string(), 1)));
    assert!(old
        .periods
        .contains(&("weekend".to_string(), "weekend".to_string())));
    assert_eq!(old.month_abbreviations.len(), 12);
    assert!(old.question_words.contains(&"who".to_string()));
    assert!(old.cause_cues_asked_only.contains(&"reason".to_string()));
    assert!(old.title_abbreviations.contains(&"pm".to_string()));
    assert!(old.lowered_openers.contains(&"three".to_string()));
    assert!(old.count_phrases.contains(&"how many".to_string()));
    assert!(old
        .definition_questions
        .iter()
        .any(|p| p == &["what", "is"]));
    assert!(old.stance_holder_prepositions.contains(&"to".to_string()));
    assert!(old.followup_openers.contains(&"what about ".to_string()));
    assert!(old.followup_pronouns.contains(&"their".to_string()));
    assert!(old.description_openers.contains(&"these".to_string()));
    assert!(old.role_introducers.contains(&"its".to_string()));
    assert!(old.place_nouns.contains(&"port".to_string()));
    assert!(old.leading_verbs.contains(&"led".to_string()));
    assert!(old.leading_agents.contains(&"by".to_string()));
    assert!(old.role_office_words.contains(&"press".to_string()));
    assert!(old.former_role_words.contains(&"former".to_string()));
    assert!(old.stance_verbs.iter().any(|g| g[0] == "rejects"));
    assert!(old.stance_nouns.iter().any(|g| g[0] == "proposes"));
}

#[test]
fn a_stance_word_group_must_start_with_a_stance() {
    let language = format!("{DEFAULT_LANGUAGE}\nstance_verbs = [[\"frowns\", \"frowned\"]]\n");
    // A key given twice is a TOML error too; the replaced list is what is checked here.
    let language = language.replacen("stance_verbs = [", "old_stance_verbs = [", 1);
    let err = Lexicon::from_toml(DEFAULT_LEXICON, &language, ("l", "language.toml"))
        .expect_err("an unknown stance is refused");
    assert!(err.to_string().contains("frowns"), "{err}");
    // The built-in groups all name stances, and the verbs table finds a multi-word verb.
    let c = Lexicon::builtin().compile();
    let hits = c
        .stances
        .verbs
        .find(&tokenize("Kyiv would not recognise it"));
    assert_eq!(hits.len(), 1);
    assert_eq!(c.stances.stances[hits[0].entity], Stance::Rejects);
}
