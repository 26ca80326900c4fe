//! Runs a chapter's graded tests and reads libtest's output per exercise.

use std::path::Path;
use std::process::{Command, Output};

use anyhow::{Context, Result};

/// The outcome of one run of a package's `grade` test binary.
#[derive(Debug, Default)]
pub struct Grades {
    /// The first compiler errors, when the package did not compile.
    pub compile_errors: Option<String>,
    pub tests: Vec<TestResult>,
    /// cargo's own output, for `--verbose` and for failures we cannot parse.
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestResult {
    /// `downloads::all_at_once_overlaps`
    pub name: String,
    pub passed: bool,
    /// For a failure: where it panicked and what it said.
    pub failure: Option<Failure>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// `path:line:column` of the panic, when libtest printed one.
    pub location: Option<String>,
    pub message: String,
}

/// How one exercise did.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict<'a> {
    DidNotCompile,
    NoTests,
    Passed {
        tests: usize,
    },
    Failed {
        failed: Vec<&'a TestResult>,
        tests: usize,
    },
}

impl Verdict<'_> {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Passed { .. })
    }
}

impl Grades {
    /// The tests of `exercise` (those in its module of the test file).
    pub fn verdict(&self, exercise: &str) -> Verdict<'_> {
        if self.compile_errors.is_some() {
            return Verdict::DidNotCompile;
        }
        let prefix = format!("{exercise}::");
        let tests: Vec<&TestResult> = self
            .tests
            .iter()
            .filter(|test| test.name.starts_with(&prefix))
            .collect();
        let failed: Vec<&TestResult> = tests.iter().copied().filter(|test| !test.passed).collect();
        match (tests.len(), failed.is_empty()) {
            (0, _) => Verdict::NoTests,
            (n, true) => Verdict::Passed { tests: n },
            (n, false) => Verdict::Failed { failed, tests: n },
        }
    }
}

/// Where to run the graded tests.
#[derive(Debug, Clone, Copy)]
pub struct Package<'a> {
    /// A manifest other than the workspace's (the mutants' scratch copy).
    pub manifest: Option<&'a Path>,
    pub name: &'a str,
}

/// `cargo test`, run from the workspace root, with short panic messages and
/// with insta never writing pending snapshots: the setting for every run the
/// runner makes.
pub fn cargo_test(root: &Path) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .current_dir(root)
        .arg("test")
        .env("RUST_BACKTRACE", "0")
        .env("INSTA_UPDATE", "no");
    command
}

/// The last `n` lines of `text`.
pub fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Runs `cargo test -p <package> --test grade` (only the tests whose names
/// start with `filter`, when given) and parses the results.
pub fn run(
    root: &Path,
    package: Package<'_>,
    filter: Option<&str>,
    env: &[(&str, &str)],
) -> Result<Grades> {
    let mut command = cargo_test(root);
    if let Some(manifest) = package.manifest {
        command.arg("--manifest-path").arg(manifest);
    }
    command
        .args([
            "--package",
            package.name,
            "--test",
            "grade",
            "--no-fail-fast",
        ])
        .args(["--message-format", "short", "--color", "never"])
        .args(["--", "--color", "never"]);
    if let Some(filter) = filter {
        command.arg(format!("{filter}::"));
    }
    command
        .env("INSTA_WORKSPACE_ROOT", root)
        .env("CARGO_TERM_PROGRESS_WHEN", "never");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command
        .output()
        .with_context(|| format!("cannot run cargo test for {}", package.name))?;
    Ok(parse(&output))
}

fn parse(output: &Output) -> Grades {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut grades = parse_libtest(&stdout);
    grades.raw = format!("{stderr}{stdout}");
    if grades.tests.is_empty() && !output.status.success() {
        grades.compile_errors = Some(compile_errors(&stderr));
    }
    grades
}

/// The compiler's errors from cargo's `--message-format short` output.
fn compile_errors(stderr: &str) -> String {
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|line| line.contains("error") && !line.starts_with("error: could not compile"))
        .take(8)
        .collect();
    if errors.is_empty() {
        last_lines(stderr, 12)
    } else {
        errors.join("\n")
    }
}

/// Reads libtest's human output: one `test <name> ... ok|FAILED` line per
/// test, then a `---- <name> stdout ----` section per failure.
fn parse_libtest(stdout: &str) -> Grades {
    let mut grades = Grades::default();
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, result)) = rest.rsplit_once(" ... ") else {
            continue;
        };
        // `#[should_panic]` tests print as `name - should panic`.
        let name = name.trim_end_matches(" - should panic").to_owned();
        let passed = match result.trim() {
            "ok" => true,
            "FAILED" => false,
            _ => continue,
        };
        grades.tests.push(TestResult {
            name,
            passed,
            failure: None,
        });
    }
    // libtest reports in completion order; sort so "the first failure" is stable.
    grades.tests.sort_by(|a, b| a.name.cmp(&b.name));
    let sections = failure_sections(stdout);
    for test in grades.tests.iter_mut().filter(|test| !test.passed) {
        let section = sections.iter().find(|(name, _)| *name == test.name);
        test.failure = Some(section.map_or_else(
            || Failure {
                location: None,
                message: "failed (no output)".to_owned(),
            },
            |(_, lines)| failure_from(lines),
        ));
    }
    grades
}

fn failure_sections(stdout: &str) -> Vec<(&str, Vec<&str>)> {
    let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut current: Option<(&str, Vec<&str>)> = None;
    for line in stdout.lines() {
        if let Some(name) = line
            .strip_prefix("---- ")
            .and_then(|rest| rest.strip_suffix(" stdout ----"))
        {
            sections.extend(current.take());
            current = Some((name, Vec::new()));
        } else if line == "failures:" {
            sections.extend(current.take());
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        }
    }
    sections.extend(current);
    sections
}

/// The panic's location and message, without libtest's noise.
fn failure_from(lines: &[&str]) -> Failure {
    let mut location = None;
    let mut message = Vec::new();
    for line in lines {
        if line.starts_with("note: run with `RUST_BACKTRACE") {
            continue;
        }
        if line.starts_with("thread '") && line.contains(" panicked at ") {
            if location.is_none() {
                location = line
                    .split_once(" panicked at ")
                    .map(|(_, at)| at.trim_end_matches(':').to_owned());
            }
            continue;
        }
        message.push(*line);
    }
    while message.first().is_some_and(|line| line.trim().is_empty()) {
        message.remove(0);
    }
    while message.last().is_some_and(|line| line.trim().is_empty()) {
        message.pop();
    }
    Failure {
        location,
        message: message.join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = "\
running 3 tests
test downloads::all_at_once_overlaps ... FAILED
test downloads::no_downloads_give_no_pages ... ok
test cost::zero_threads_are_refused - should panic ... ok
test arguments::spawn_named_runs_f ... FAILED

failures:

---- downloads::all_at_once_overlaps stdout ----

thread 'downloads' (4410) panicked at chapters/ch01-threads/src/downloads.rs:64:5:
not yet implemented: fetch all the downloads at the same time
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

---- arguments::spawn_named_runs_f stdout ----
thread 'arguments' (4411) panicked at chapters/ch01-threads/tests/grade/arguments.rs:14:9:
assertion `left == right` failed
  left: None
 right: Some(\"worker-7\")

failures:
    downloads::all_at_once_overlaps
    arguments::spawn_named_runs_f

test result: FAILED. 2 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s
";

    #[test]
    fn reads_results_and_failure_messages() {
        let grades = parse_libtest(OUTPUT);
        assert_eq!(grades.tests.len(), 4);
        let overlap = &grades.tests[2];
        assert!(!overlap.passed);
        let failure = overlap.failure.as_ref().unwrap();
        assert_eq!(
            failure.location.as_deref(),
            Some("chapters/ch01-threads/src/downloads.rs:64:5")
        );
        assert_eq!(
            failure.message,
            "not yet implemented: fetch all the downloads at the same time"
        );
        let spawn = grades.tests[0].failure.as_ref().unwrap();
        assert_eq!(
            spawn.message,
            "assertion `left == right` failed\n  left: None\n right: Some(\"worker-7\")"
        );
    }

    #[test]
    fn verdicts_per_exercise() {
        let grades = parse_libtest(OUTPUT);
        assert!(
            matches!(grades.verdict("downloads"), Verdict::Failed { tests: 2, ref failed } if failed.len() == 1)
        );
        assert_eq!(grades.verdict("cost"), Verdict::Passed { tests: 1 });
        assert_eq!(grades.verdict("stopping"), Verdict::NoTests);
        assert_eq!(
            grades.verdict("down"),
            Verdict::NoTests,
            "names match whole modules only"
        );
    }

    #[test]
    fn last_lines_keeps_the_end() {
        assert_eq!(last_lines("a\nb\nc", 2), "b\nc");
        assert_eq!(last_lines("a", 5), "a");
    }

    #[test]
    fn a_build_failure_keeps_the_compiler_errors() {
        let stderr = "   Compiling ch01-threads v0.1.0\n\
            chapters/ch01-threads/src/cost.rs:58:5: error[E0308]: mismatched types\n\
            error: could not compile `ch01-threads` (lib) due to 1 previous error\n";
        assert_eq!(
            compile_errors(stderr),
            "chapters/ch01-threads/src/cost.rs:58:5: error[E0308]: mismatched types"
        );
    }
}
