//! Known mistakes recognised by the tests they fail.
//!
//! `cargo xtask mutants` records, for every known mistake (mutant) of an
//! exercise, which of the exercise's tests failed on it: its signature. The
//! signatures are committed in `solutions/<chapter>/mutants/signatures.toml`
//! (`mutants` rewrites the entries of what it ran; `verify` checks that every
//! mutant has one and that each names tests that exist). When a learner's
//! failing tests match one mistake's signature more closely than any other's,
//! `check` and `watch` name that mistake.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::course::{Chapter, Exercise};
use crate::grade::TestResult;
use crate::maintainer::mutants;

/// Exercise → mutant → what its failure looked like.
pub type Signatures = BTreeMap<String, BTreeMap<String, Signature>>;

/// What one known mistake's failure looks like.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The tests it failed (names without the exercise's module prefix).
    pub tests: BTreeSet<String>,
    /// `test: message` for each, with digits as `#` (counts and times
    /// vary from run to run) and cut short: which assertion fired tells
    /// apart mistakes that fail the same tests.
    pub messages: BTreeSet<String>,
}

impl Signature {
    /// The signature of the failed tests of `exercise`.
    pub fn of(exercise: &str, failed: &[&TestResult]) -> Signature {
        let prefix = format!("{exercise}::");
        let mut signature = Signature::default();
        for test in failed {
            let name = test
                .name
                .strip_prefix(&prefix)
                .unwrap_or(&test.name)
                .to_owned();
            let message = test
                .failure
                .as_ref()
                .map(|failure| normalise(&failure.message))
                .unwrap_or_default();
            signature.messages.insert(format!("{name}: {message}"));
            signature.tests.insert(name);
        }
        signature
    }
}

/// A failure message with digits as `#`, whitespace runs as one space, and
/// at most 160 characters.
fn normalise(message: &str) -> String {
    let mut out = String::new();
    for word in message.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c }),
        );
    }
    out.chars().take(160).collect()
}

/// The share of items in both among the items in either.
fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let either = a.union(b).count();
    if either == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / either as f64
}

/// How closely a learner's failing tests must match a signature (the share
/// of tests in both among the tests in either) to name a mistake.
const CLOSE_ENOUGH: f64 = 0.5;

/// The chapter's signatures: beside its mutants in the teacher's copy, in
/// `diagnoses/` in a student's (which has no mutants).
pub fn signatures_file(root: &Path, chapter: &Chapter) -> PathBuf {
    let beside_the_mutants = chapter.solution_dir(root).join("mutants/signatures.toml");
    if crate::teacher::export::is_student_copy(root) {
        root.join(crate::teacher::export::diagnoses_file(&chapter.id))
    } else {
        beside_the_mutants
    }
}

/// The chapter's recorded signatures; none when the file is missing or
/// damaged (a diagnosis is a courtesy, never a reason to fail).
pub fn load(root: &Path, chapter: &Chapter) -> Signatures {
    fs::read_to_string(signatures_file(root, chapter))
        .ok()
        .and_then(|text| toml::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn save(root: &Path, chapter: &Chapter, signatures: &Signatures) -> Result<()> {
    let path = signatures_file(root, chapter);
    let text = format!(
        "# Written by `cargo xtask mutants`: for each known mistake of an exercise, the\n\
         # tests it failed. `cargo xtask check` names a mistake when a learner's failing\n\
         # tests match its line more closely than any other's.\n\n{}",
        toml::to_string(signatures)?
    );
    fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// What a learner's failing tests suggest.
#[derive(Debug, PartialEq, Eq)]
pub enum Diagnosis {
    /// One known mistake matches best.
    Known(String),
    /// Several known mistakes match equally well (at most three).
    OneOf(Vec<String>),
    Unknown,
}

/// Compares the failure of `exercise` with the known mistakes' signatures:
/// the failed tests decide (they must match closely enough), and among
/// equally close ones, the messages.
pub fn diagnose(signatures: &Signatures, exercise: &str, failure: &Signature) -> Diagnosis {
    let Some(known) = signatures.get(exercise) else {
        return Diagnosis::Unknown;
    };
    let mut scored: Vec<((f64, f64), &String)> = known
        .iter()
        .filter(|(_, signature)| !signature.tests.is_empty())
        .map(|(mutant, signature)| {
            let tests = similarity(&signature.tests, &failure.tests);
            let messages = similarity(&signature.messages, &failure.messages);
            ((tests, messages), mutant)
        })
        .filter(|((tests, _), _)| *tests >= CLOSE_ENOUGH)
        .collect();
    scored.sort_by(|a, b| b.0.0.total_cmp(&a.0.0).then(b.0.1.total_cmp(&a.0.1)));
    let Some(&(best, _)) = scored.first() else {
        return Diagnosis::Unknown;
    };
    let tied: Vec<String> = scored
        .iter()
        .take_while(|(score, _)| *score == best)
        .map(|(_, mutant)| (*mutant).clone())
        .collect();
    match tied.len() {
        1 => Diagnosis::Known(tied.into_iter().next().expect("one")),
        2 | 3 => Diagnosis::OneOf(tied),
        _ => Diagnosis::Unknown,
    }
}

/// The lines `check` adds under a failure: the mistakes' own words.
pub fn explain(
    root: &Path,
    chapter: &Chapter,
    exercise: &Exercise,
    failure: &Signature,
) -> Option<String> {
    let signatures = load(root, chapter);
    let names = match diagnose(&signatures, &exercise.name, failure) {
        Diagnosis::Known(name) => vec![name],
        Diagnosis::OneOf(names) => names,
        Diagnosis::Unknown => return None,
    };
    let mutants = mutants::load(root, chapter, exercise).ok()?;
    let mistakes: Vec<&str> = names
        .iter()
        .filter_map(|name| mutants.iter().find(|m| &m.name == name))
        .map(|m| m.mistake.trim())
        .collect();
    match mistakes.as_slice() {
        [] => None,
        [one] => Some(format!("This looks like a known mistake: {one}")),
        many => Some(format!(
            "This looks like one of these known mistakes:\n{}",
            many.iter()
                .map(|m| format!("- {m}"))
                .collect::<Vec<_>>()
                .join("\n")
        )),
    }
}

/// Problems with the recorded signatures of `chapter`: a mutant without
/// one, one for a mutant that no longer exists, a test that does not exist.
pub fn check(root: &Path, chapter: &Chapter) -> Result<Vec<String>> {
    let signatures = load(root, chapter);
    let mut problems = Vec::new();
    if !signatures_file(root, chapter).is_file() {
        problems.push(format!(
            "{}: no mutants/signatures.toml; `cargo xtask mutants {}` writes it",
            chapter.id, chapter.id
        ));
        return Ok(problems);
    }
    for exercise in &chapter.exercises {
        let tests_file = chapter
            .starter_dir(root)
            .join(format!("tests/grade/{}.rs", exercise.name));
        let tests = fs::read_to_string(&tests_file).unwrap_or_default();
        let recorded = signatures.get(&exercise.name);
        let known = mutants::load(root, chapter, exercise)?;
        for mutant in &known {
            match recorded.and_then(|r| r.get(&mutant.name)) {
                None => problems.push(format!(
                    "{}/{}: no signature; `cargo xtask mutants {}/{}` records it",
                    exercise.name, mutant.name, exercise.name, mutant.name
                )),
                Some(signature) => {
                    for test in &signature.tests {
                        if !tests.contains(&format!("fn {test}(")) {
                            problems.push(format!(
                                "{}/{}: its signature names `{test}`, which {} does not define",
                                exercise.name,
                                mutant.name,
                                tests_file.display()
                            ));
                        }
                    }
                }
            }
        }
        for name in recorded.into_iter().flat_map(|r| r.keys()) {
            if !known.iter().any(|m| &m.name == name) {
                problems.push(format!(
                    "{}/{name}: a signature for a mutant that no longer exists; \
                     `cargo xtask mutants {}` rewrites the file",
                    exercise.name, exercise.name
                ));
            }
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature(tests: &[&str], messages: &[&str]) -> Signature {
        Signature {
            tests: tests.iter().map(|t| (*t).to_owned()).collect(),
            messages: messages.iter().map(|m| (*m).to_owned()).collect(),
        }
    }

    fn signatures() -> Signatures {
        let mut exercise = BTreeMap::new();
        exercise.insert("joins_in_the_loop".to_owned(), signature(&["overlap"], &[]));
        exercise.insert(
            "loses_order".to_owned(),
            signature(&["order", "snapshot"], &[]),
        );
        exercise.insert(
            "drops_a_page".to_owned(),
            signature(&["order", "snapshot", "count"], &[]),
        );
        exercise.insert(
            "reversed".to_owned(),
            signature(&["reverse"], &["reverse: backwards"]),
        );
        exercise.insert(
            "shuffled".to_owned(),
            signature(&["reverse"], &["reverse: out of order"]),
        );
        exercise.insert(
            "also_reversed".to_owned(),
            signature(&["reverse"], &["reverse: backwards"]),
        );
        let mut all = Signatures::new();
        all.insert("downloads".to_owned(), exercise);
        all
    }

    #[test]
    fn the_closest_signature_names_the_mistake() {
        let all = signatures();
        let diagnose = |tests: &[&str]| diagnose(&all, "downloads", &signature(tests, &[]));
        assert_eq!(
            diagnose(&["overlap"]),
            Diagnosis::Known("joins_in_the_loop".into())
        );
        assert_eq!(
            diagnose(&["order", "snapshot"]),
            Diagnosis::Known("loses_order".into())
        );
        assert_eq!(
            diagnose(&["order", "snapshot", "count"]),
            Diagnosis::Known("drops_a_page".into())
        );
    }

    #[test]
    fn messages_tell_apart_mistakes_that_fail_the_same_tests() {
        let all = signatures();
        let failure = signature(&["reverse"], &["reverse: out of order"]);
        assert_eq!(
            diagnose(&all, "downloads", &failure),
            Diagnosis::Known("shuffled".into())
        );
        let failure = signature(&["reverse"], &["reverse: backwards"]);
        assert_eq!(
            diagnose(&all, "downloads", &failure),
            Diagnosis::OneOf(vec!["also_reversed".into(), "reversed".into()])
        );
    }

    #[test]
    fn far_matches_name_nothing() {
        let all = signatures();
        let diagnose = |tests: &[&str]| diagnose(&all, "downloads", &signature(tests, &[]));
        assert_eq!(
            diagnose(&["overlap", "order", "count", "reverse"]),
            Diagnosis::Unknown
        );
        assert_eq!(diagnose(&["something_else"]), Diagnosis::Unknown);
        assert_eq!(
            super::diagnose(&all, "arguments", &signature(&["overlap"], &[])),
            Diagnosis::Unknown
        );
    }

    #[test]
    fn messages_are_compared_without_their_numbers() {
        assert_eq!(
            normalise("assertion failed\n  left: 12\n right:   6"),
            "assertion failed left: ## right: #"
        );
    }
}
