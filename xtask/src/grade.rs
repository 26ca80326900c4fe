//! Runs a chapter's graded tests and reads libtest's output per exercise.
//!
//! Two steps: cargo builds the `grade` test binary (and reports compiler
//! errors), then the runner starts the binary itself, in a process group of
//! its own and with a time limit ([`crate::deadline`]), so that a hang is
//! killed and reported instead of blocking the terminal.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::compiler::{CompileError, CompileErrors};
use crate::deadline;

/// The outcome of one run of a package's `grade` test binary.
#[derive(Debug, Default)]
pub struct Grades {
    /// The compiler's errors, when the package did not compile.
    pub compile_errors: Option<CompileErrors>,
    pub tests: Vec<TestResult>,
    /// cargo's own output, for `--verbose` and for failures we cannot parse.
    pub raw: String,
    /// The test binary ran past the runner's limit and was killed.
    pub hung: Option<Hang>,
    /// How the test binary ended, when it ran.
    pub exit: Option<std::process::ExitStatus>,
}

/// The words of the deadline watchdog (`grading::deadline`) and of the
/// runner's own limit: a test that failed with them did not finish.
const DEADLOCK: &str = "probable deadlock in";

/// A run that the runner had to kill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hang {
    pub limit: Duration,
    /// The tests that had not reported a result when it was killed: those
    /// running then, and those not started yet (libtest does not say which).
    pub running: Vec<String>,
}

impl Hang {
    /// "probable deadlock in <exercise>: no result within N s", naming the
    /// tests that were still running.
    pub fn message(&self) -> String {
        let exercise = self
            .running
            .first()
            .and_then(|test| test.split("::").next())
            .unwrap_or("the chapter");
        let mut message = format!(
            "{DEADLOCK} {exercise}: no result within {} s; the run was stopped",
            self.limit.as_secs_f64()
        );
        if !self.running.is_empty() {
            let shown: Vec<&str> = self.running.iter().take(6).map(String::as_str).collect();
            let more = self.running.len() - shown.len();
            message += &format!("\nno result from: {}", shown.join(", "));
            if more > 0 {
                message += &format!(" and {more} more");
            }
        }
        message
    }
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
    /// Its tests were still running when the runner stopped the binary.
    Hung,
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

impl TestResult {
    /// Whether it failed with the deadline watchdog's "probable deadlock".
    pub fn reports_deadlock(&self) -> bool {
        self.failure
            .as_ref()
            .is_some_and(|failure| failure.message.contains(DEADLOCK))
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
        let still_running = self
            .hung
            .as_ref()
            .is_some_and(|hang| hang.running.iter().any(|test| test.starts_with(&prefix)));
        if still_running {
            return Verdict::Hung;
        }
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
    let mut command = cargo();
    command.current_dir(root).arg("test");
    quiet(&mut command);
    command
}

/// The cargo that runs us (`CARGO`), or the one on the path.
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
}

/// Short panic messages, and insta never writing pending snapshots.
fn quiet(command: &mut Command) {
    command.env("RUST_BACKTRACE", "0").env("INSTA_UPDATE", "no");
}

/// The last `n` lines of `text`.
pub fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Builds the package's `grade` test binary, runs it (only the tests whose
/// names start with `filter`, when given) under the runner's time limit, and
/// parses the results.
pub fn run(
    root: &Path,
    package: Package<'_>,
    filter: Option<&str>,
    env: &[(&str, &str)],
) -> Result<Grades> {
    let mut grades = run_build(root, package, filter, env, None)?;
    if grades.compile_errors.is_none() && grades.hung.is_none() && has_feature(root, package, LOOM)
    {
        let models = run_build(root, package, filter, env, Some(LOOM))?;
        grades.absorb(models);
    }
    Ok(grades)
}

/// The feature that builds a chapter on loom: its graded test file then runs
/// the loom models (`loom_*` tests) instead of the real-thread tests.
pub const LOOM: &str = "loom";

/// Whether the package's manifest declares `feature` (a line `feature = [`
/// in its `[features]`): chapter 10's `loom`, the solutions' `shuttle`.
pub fn has_feature(root: &Path, package: Package<'_>, feature: &str) -> bool {
    let manifests: Vec<PathBuf> = match package.manifest {
        // A workspace of its own (the mutants' scratch copy): its members
        // are the folders beside it.
        Some(manifest) => {
            let members = manifest
                .parent()
                .and_then(|dir| std::fs::read_dir(dir).ok())
                .into_iter()
                .flatten()
                .flatten()
                .map(|entry| entry.path().join("Cargo.toml"));
            std::iter::once(manifest.to_path_buf())
                .chain(members)
                .collect()
        }
        None => {
            let dir = match package.name.strip_suffix("-solution") {
                Some(chapter) => root.join("solutions").join(chapter),
                None => root.join("chapters").join(package.name),
            };
            vec![dir.join("Cargo.toml")]
        }
    };
    let name = format!("name = \"{}\"", package.name);
    let declared = format!("{feature} = [");
    manifests.iter().any(|manifest| {
        std::fs::read_to_string(manifest).is_ok_and(|text| {
            text.lines().any(|line| line.trim() == name)
                && text
                    .lines()
                    .any(|line| line.trim_start().starts_with(&declared))
        })
    })
}

impl Grades {
    /// Adds the results of another run of the same package: the loom build's,
    /// or one more test run on its own.
    fn absorb(&mut self, other: Grades) {
        if let Some(errors) = other.compile_errors {
            // Code that builds on std but not on loom's types (a `const`
            // atomic, say): what the compiler says is the report.
            self.compile_errors = Some(errors);
        }
        self.tests.extend(other.tests);
        self.tests.sort_by(|a, b| a.name.cmp(&b.name));
        self.raw.push_str(&other.raw);
        self.hung = self.hung.take().or(other.hung);
        if self.exit.is_none_or(|status| status.success()) {
            self.exit = other.exit.or(self.exit);
        }
    }
}

/// One build of the `grade` binary (with `features`, if any) and one run.
fn run_build(
    root: &Path,
    package: Package<'_>,
    filter: Option<&str>,
    env: &[(&str, &str)],
    features: Option<&str>,
) -> Result<Grades> {
    let built = build(root, package, env, features)?;
    let Some(binary) = built.binary else {
        return Ok(Grades {
            compile_errors: Some(built.errors),
            raw: built.raw,
            ..Grades::default()
        });
    };
    let filter = filter.map(|filter| format!("{filter}::"));
    let mut grades = if features.is_some() {
        run_one_by_one(root, &binary, filter.as_deref(), env, package)?
    } else {
        run_binary(
            root,
            &binary,
            Selection::Prefix(filter.as_deref()),
            env,
            package,
        )?
    };
    grades.raw = format!("{}{}", built.raw, grades.raw);
    Ok(grades)
}

/// Which tests of the binary one run starts.
#[derive(Clone, Copy)]
enum Selection<'a> {
    /// Those whose names contain this (all, without one).
    Prefix(Option<&'a str>),
    /// The one with exactly this name.
    Exact(&'a str),
}

impl<'a> Selection<'a> {
    fn args(self) -> Vec<&'a str> {
        match self {
            Selection::Prefix(filter) => filter.into_iter().collect(),
            Selection::Exact(name) => vec![name, "--exact"],
        }
    }
}

/// Runs each selected test in a process of its own. The loom build needs
/// it: when a model fails inside a `Drop`, loom can panic again while the
/// model unwinds, which aborts the process, and with it the results of
/// every other model running beside it (other exercises' included).
fn run_one_by_one(
    root: &Path,
    binary: &Binary,
    filter: Option<&str>,
    env: &[(&str, &str)],
    package: Package<'_>,
) -> Result<Grades> {
    let mut all = Grades::default();
    let names = list_tests(root, binary, Selection::Prefix(filter), env);
    for (index, name) in names.iter().enumerate() {
        all.absorb(run_binary(
            root,
            binary,
            Selection::Exact(name),
            env,
            package,
        )?);
        if let Some(hang) = &mut all.hung {
            // One model past the limit: the rest are not started.
            hang.running = names[index..].to_vec();
            break;
        }
    }
    Ok(all)
}

/// One run of the test binary, under the runner's limit, with its results.
fn run_binary(
    root: &Path,
    binary: &Binary,
    selection: Selection<'_>,
    env: &[(&str, &str)],
    package: Package<'_>,
) -> Result<Grades> {
    let mut command = test_command(root, binary, env);
    command.args(["--color", "never"]);
    command.args(selection.args());
    let limit = deadline::runner_limit();
    let finished = deadline::output_within(command, limit)
        .with_context(|| format!("cannot run the tests of {}", package.name))?;
    let stdout = String::from_utf8_lossy(&finished.stdout);
    let stderr = String::from_utf8_lossy(&finished.stderr);
    let mut grades = parse_libtest(&stdout);
    grades.raw = format!("{stderr}{stdout}");
    grades.exit = finished.status;
    // libtest ends with 0 when every test passed and 101 when some failed;
    // anything else (a signal, an abort) means the binary crashed, and the
    // tests that reported nothing must not count as passed.
    let crashed = !finished.timed_out
        && finished
            .status
            .is_some_and(|status| !status.success() && status.code() != Some(101));
    if crashed {
        // libtest keeps a test's panic messages until the test ends, so a
        // crash loses them; for one test, run it again with them shown.
        let shown = if let Selection::Exact(_) = selection {
            let mut again = test_command(root, binary, env);
            again
                .args(["--color", "never", "--nocapture"])
                .args(selection.args());
            deadline::output_within(again, limit)
                .map(|again| String::from_utf8_lossy(&again.stderr).into_owned())
                .unwrap_or_default()
        } else {
            String::new()
        };
        let reason = crash_reason(&format!("{stderr}{shown}"), finished.status);
        for name in list_tests(root, binary, selection, env) {
            if !grades.tests.iter().any(|test| test.name == name) {
                grades.tests.push(TestResult {
                    name,
                    passed: false,
                    failure: Some(Failure {
                        location: None,
                        message: format!(
                            "no result: the test binary crashed ({reason}) while this test \
                             ran or before it started"
                        ),
                    }),
                });
            }
        }
        grades.tests.sort_by(|a, b| a.name.cmp(&b.name));
    }
    if finished.timed_out {
        let listed = list_tests(root, binary, selection, env);
        let running = listed
            .into_iter()
            .filter(|name| !grades.tests.iter().any(|test| &test.name == name))
            .collect();
        grades.hung = Some(Hang { limit, running });
    }
    Ok(grades)
}

/// The test binary, started the way `cargo test` starts it: from the
/// package's folder, with the package's environment.
fn test_command(root: &Path, binary: &Binary, env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(&binary.path);
    command
        .current_dir(&binary.package_dir)
        .env("CARGO_MANIFEST_DIR", &binary.package_dir)
        .env("INSTA_WORKSPACE_ROOT", root);
    quiet(&mut command);
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

/// Why a test binary died, in words: what Rust printed, or how it ended.
fn crash_reason(stderr: &str, status: Option<std::process::ExitStatus>) -> String {
    if let Some(line) = stderr
        .lines()
        .find(|line| line.starts_with("Causality violation"))
    {
        // loom found the mistake inside a `Drop` and panicked again while
        // the model unwound.
        format!(
            "loom: {line} The access was in a `Drop`, and loom aborted while unwinding: \
             an access not ordered after another thread's, so some store needs Release \
             and the load or fence that sees it Acquire"
        )
    } else if stderr.contains("has overflowed its stack") {
        "a stack overflow: a recursion that never ends?".to_owned()
    } else if stderr.contains("panic in a destructor during cleanup")
        || stderr.contains("panicked while processing panic")
        || stderr.contains("non-unwinding panic")
    {
        "a panic while it was already panicking, which aborts: a `Drop` that panics?".to_owned()
    } else {
        status.map_or_else(|| "it was killed".to_owned(), |status| status.to_string())
    }
}

/// The names of the tests `filter` selects, from the binary's `--list`.
fn list_tests(
    root: &Path,
    binary: &Binary,
    selection: Selection<'_>,
    env: &[(&str, &str)],
) -> Vec<String> {
    let mut command = test_command(root, binary, env);
    command
        .args(["--list", "--format", "terse"])
        .args(selection.args());
    let Ok(finished) = deadline::output_within(command, Duration::from_secs(10)) else {
        return Vec::new();
    };
    String::from_utf8_lossy(&finished.stdout)
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .map(str::to_owned)
        .collect()
}

/// A built `grade` test binary.
struct Binary {
    path: PathBuf,
    package_dir: PathBuf,
}

/// What building the test binary gave.
struct Built {
    binary: Option<Binary>,
    /// The compiler's errors, when there is no binary.
    errors: CompileErrors,
    raw: String,
}

/// One line of cargo's `--message-format json` output (the fields we read).
#[derive(Deserialize)]
struct CargoMessage {
    reason: String,
    #[serde(default)]
    executable: Option<PathBuf>,
    #[serde(default)]
    manifest_path: Option<PathBuf>,
    #[serde(default)]
    target: Option<CargoTarget>,
    #[serde(default)]
    message: Option<CompilerMessage>,
}

#[derive(Deserialize)]
struct CargoTarget {
    name: String,
}

#[derive(Deserialize)]
struct CompilerMessage {
    level: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    code: Option<ErrorCode>,
    #[serde(default)]
    spans: Vec<Span>,
    #[serde(default)]
    rendered: Option<String>,
}

#[derive(Deserialize)]
struct ErrorCode {
    code: String,
}

#[derive(Deserialize)]
struct Span {
    file_name: String,
    line_start: usize,
    column_start: usize,
    is_primary: bool,
}

/// Builds `package`'s graded tests without running them, both builds when
/// it has a loom one (as [`run`] grades them); `Ok(false)` when they do not
/// compile.
pub fn build_only(root: &Path, package: Package<'_>, env: &[(&str, &str)]) -> Result<bool> {
    if build(root, package, env, None)?.binary.is_none() {
        return Ok(false);
    }
    if has_feature(root, package, LOOM) {
        return Ok(build(root, package, env, Some(LOOM))?.binary.is_some());
    }
    Ok(true)
}

/// `cargo test --no-run` for the package's `grade` target.
fn build(
    root: &Path,
    package: Package<'_>,
    env: &[(&str, &str)],
    features: Option<&str>,
) -> Result<Built> {
    let mut command = cargo_test(root);
    if let Some(features) = features {
        command.args(["--features", features]);
    }
    if let Some(manifest) = package.manifest {
        command.arg("--manifest-path").arg(manifest);
    }
    command
        .args(["--package", package.name, "--test", "grade", "--no-run"])
        .args(["--message-format", "json", "--color", "never"])
        .env("CARGO_TERM_PROGRESS_WHEN", "never");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command
        .output()
        .with_context(|| format!("cannot run cargo test for {}", package.name))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    Ok(parse_build(&stdout, &stderr, output.status.success()))
}

/// Reads cargo's JSON messages: the test binary, or the compiler's errors.
fn parse_build(stdout: &str, stderr: &str, success: bool) -> Built {
    let mut binary = None;
    let mut errors = Vec::new();
    for line in stdout.lines() {
        let Ok(message) = serde_json::from_str::<CargoMessage>(line) else {
            continue;
        };
        match message.reason.as_str() {
            "compiler-artifact" => {
                let is_grade = message.target.as_ref().is_some_and(|t| t.name == "grade");
                if let (true, Some(path), Some(manifest)) =
                    (is_grade, message.executable, message.manifest_path)
                {
                    let package_dir = manifest.parent().map(Path::to_path_buf).unwrap_or_default();
                    binary = Some(Binary { path, package_dir });
                }
            }
            "compiler-message" => {
                if let Some(diagnostic) = message.message
                    && diagnostic.level == "error"
                    && let Some(rendered) = diagnostic.rendered
                {
                    let location =
                        diagnostic
                            .spans
                            .iter()
                            .find(|span| span.is_primary)
                            .map(|span| {
                                format!(
                                    "{}:{}:{}",
                                    span.file_name, span.line_start, span.column_start
                                )
                            });
                    errors.push(CompileError {
                        code: diagnostic.code.map(|code| code.code),
                        message: diagnostic.message,
                        location,
                        rendered: rendered.trim_end().to_owned(),
                    });
                }
            }
            _ => {}
        }
    }
    let binary = binary.filter(|_| success);
    Built {
        binary,
        errors: CompileErrors {
            errors,
            cargo_said: last_lines(stderr, 12),
        },
        raw: stderr.to_owned(),
    }
}

/// The failed tests in libtest output (of one test binary or several).
pub fn failures(stdout: &str) -> Vec<TestResult> {
    parse_libtest(stdout)
        .tests
        .into_iter()
        .filter(|test| !test.passed)
        .collect()
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

/// The longest line of a failure shown in full; a longer one (a log of
/// fifty thousand characters, say) is cut, with a note.
const LONGEST_LINE: usize = 400;

/// One panic in a failed test's output: where, and what it said.
struct Panic<'a> {
    location: Option<&'a str>,
    lines: Vec<&'a str>,
}

impl Panic<'_> {
    /// In the chapter's tests rather than in the learner's code.
    fn in_tests(&self) -> bool {
        self.location.is_some_and(|at| at.contains("/tests/"))
    }

    /// A thread's panic passed on by whoever joined it: `join().unwrap()`
    /// on the panic's payload, or a scope whose thread panicked.
    fn is_an_echo(&self) -> bool {
        self.lines.first().is_some_and(|line| {
            line.contains("on an `Err` value: Any") || line.trim() == "a scoped thread panicked"
        })
    }

    /// In the learner's code: a chapter's `src/`, not the grading helpers.
    fn in_learners_code(&self) -> bool {
        self.location
            .is_some_and(|at| at.contains("/src/") && !at.contains("chapters/grading/"))
    }
}

/// The failure in the learner's terms: the location in their code when a
/// panic happened there, the same panic on many threads said once with a
/// count, the test's own panics labelled as such, and long lines cut.
fn failure_from(lines: &[&str]) -> Failure {
    let mut panics: Vec<Panic<'_>> = Vec::new();
    for line in lines {
        if line.starts_with("note: run with `RUST_BACKTRACE") {
            continue;
        }
        if line.starts_with("thread '")
            && let Some((_, at)) = line.split_once(" panicked at ")
        {
            panics.push(Panic {
                location: Some(at.trim_end_matches(':')),
                lines: Vec::new(),
            });
            continue;
        }
        match panics.last_mut() {
            Some(panic) => panic.lines.push(line),
            None => panics.push(Panic {
                location: None,
                lines: vec![line],
            }),
        }
    }
    for panic in &mut panics {
        while panic
            .lines
            .first()
            .is_some_and(|line| line.trim().is_empty())
        {
            panic.lines.remove(0);
        }
        while panic
            .lines
            .last()
            .is_some_and(|line| line.trim().is_empty())
        {
            panic.lines.pop();
        }
    }
    panics.retain(|panic| panic.location.is_some() || !panic.lines.is_empty());
    let deadlock = panics
        .iter()
        .any(|panic| panic.lines.iter().any(|line| line.contains(DEADLOCK)));
    // Where to look: the learner's own code if a panic happened there; for a
    // deadlock, nowhere in particular (the watchdog's line says nothing).
    let location = if deadlock {
        None
    } else {
        panics
            .iter()
            .find(|panic| panic.in_learners_code())
            .or(panics.first())
            .and_then(|panic| panic.location)
            .map(str::to_owned)
    };
    // The same panic on many threads, once, with a count.
    let mut distinct: Vec<(&Panic<'_>, usize)> = Vec::new();
    for panic in &panics {
        match distinct
            .iter_mut()
            .find(|(seen, _)| seen.location == panic.location && seen.lines == panic.lines)
        {
            Some((_, count)) => *count += 1,
            None => distinct.push((panic, 1)),
        }
    }
    let last = distinct.len().saturating_sub(1);
    let mut message = Vec::new();
    for (index, (panic, count)) in distinct.iter().enumerate() {
        let mut text: Vec<String> = panic.lines.iter().map(|line| cut(line)).collect();
        if text.is_empty() {
            text.push("(a panic with no message)".to_owned());
        }
        if index > 0 && panic.is_an_echo() {
            text = vec!["(so the thread that waited for it failed too)".to_owned()];
        }
        if *count > 1 {
            text[0] = format!(
                "{} (the same panic {count} times, on {count} threads)",
                text[0]
            );
        }
        if index < last && panic.in_tests() {
            text.insert(
                0,
                "(a panic the test causes on purpose, to see what your code does with it:)"
                    .to_owned(),
            );
        }
        message.extend(text);
    }
    if deadlock {
        message.push(
            "(the test waited for your code, which never returned: look for a lock that is \
             never released, a wait whose notification never comes, or a join on a thread \
             that never ends)"
                .to_owned(),
        );
    }
    Failure {
        location,
        message: message.join("\n"),
    }
}

/// `line`, cut to [`LONGEST_LINE`] characters with a note of how much more
/// there was.
fn cut(line: &str) -> String {
    let length = line.chars().count();
    if length <= LONGEST_LINE {
        return line.to_owned();
    }
    let kept: String = line.chars().take(LONGEST_LINE).collect();
    format!(
        "{kept}… ({} more characters; --verbose shows them all)",
        length - LONGEST_LINE
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crash_is_named_by_what_rust_printed() {
        let overflow =
            "\nthread 'x' has overflowed its stack\nfatal runtime error: stack overflow\n";
        assert!(crash_reason(overflow, None).starts_with("a stack overflow"));
        let abort = "thread caused non-unwinding panic. aborting.\n";
        assert!(crash_reason(abort, None).contains("a `Drop` that panics?"));
        assert_eq!(crash_reason("", None), "it was killed");
    }

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
    fn a_failure_speaks_of_the_learners_code_once_per_distinct_panic() {
        let section = [
            "",
            "thread '<unnamed>' panicked at chapters/ch03-locks/tests/grade/bank_account.rs:37:60:",
            "the teller fainted",
            "thread '<unnamed>' panicked at chapters/ch03-locks/src/bank_account.rs:45:9:",
            "not yet implemented: deposit",
            "thread '<unnamed>' panicked at chapters/ch03-locks/src/bank_account.rs:45:9:",
            "not yet implemented: deposit",
            "thread 'bank_account::deposits' panicked at chapters/ch03-locks/tests/grade/bank_account.rs:40:5:",
            "a scoped thread panicked",
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
            "",
        ];
        let failure = failure_from(&section);
        assert_eq!(
            failure.location.as_deref(),
            Some("chapters/ch03-locks/src/bank_account.rs:45:9")
        );
        assert_eq!(
            failure.message,
            "(a panic the test causes on purpose, to see what your code does with it:)\n\
             the teller fainted\n\
             not yet implemented: deposit (the same panic 2 times, on 2 threads)\n\
             (so the thread that waited for it failed too)"
        );
    }

    #[test]
    fn a_deadlock_points_nowhere_and_says_what_to_look_for() {
        let section = [
            "thread 'x' panicked at chapters/grading/src/deadline.rs:70:13:",
            "probable deadlock in arguments: no result within 5s",
        ];
        let failure = failure_from(&section);
        assert_eq!(failure.location, None);
        assert!(failure.message.contains("a lock that is never released"));
    }

    #[test]
    fn a_long_line_is_cut_with_a_note() {
        let long = "x".repeat(LONGEST_LINE + 10);
        let failure = failure_from(&["thread 'x' panicked at src/a.rs:1:1:", &long]);
        assert!(
            failure
                .message
                .ends_with("… (10 more characters; --verbose shows them all)")
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
        let stdout = r#"{"reason":"compiler-message","message":{"level":"warning","message":"unused","rendered":"warning: unused"}}
{"reason":"compiler-message","message":{"level":"error","message":"mismatched types","code":{"code":"E0308","explanation":"..."},"spans":[{"file_name":"chapters/ch01-threads/src/cost.rs","line_start":58,"column_start":5,"is_primary":true}],"rendered":"error[E0308]: mismatched types\n  --> chapters/ch01-threads/src/cost.rs:58:5\nhelp: try this\n"}}
{"reason":"build-finished","success":false}"#;
        let built = parse_build(stdout, "error: could not compile", false);
        assert!(built.binary.is_none());
        assert_eq!(
            built.errors.to_string(),
            "chapters/ch01-threads/src/cost.rs:58:5: error[E0308]: mismatched types"
        );
        let first = &built.errors.errors[0];
        assert_eq!(first.code.as_deref(), Some("E0308"));
        assert!(first.rendered.ends_with("help: try this"));
        assert_eq!(built.errors.cargo_said, "error: could not compile");
    }

    #[test]
    fn a_build_names_the_grade_binary_and_its_package() {
        let stdout = r#"{"reason":"compiler-artifact","target":{"name":"ch01_threads"},"executable":null,"manifest_path":"/c/ch01-threads/Cargo.toml"}
{"reason":"compiler-artifact","target":{"name":"grade"},"executable":"/t/debug/deps/grade-1234","manifest_path":"/c/ch01-threads/Cargo.toml"}"#;
        let binary = parse_build(stdout, "", true).binary.unwrap();
        assert_eq!(binary.path, Path::new("/t/debug/deps/grade-1234"));
        assert_eq!(binary.package_dir, Path::new("/c/ch01-threads"));
    }

    #[test]
    fn a_hung_run_names_the_exercise_and_the_tests_still_running() {
        let mut grades = parse_libtest(OUTPUT);
        grades.hung = Some(Hang {
            limit: Duration::from_secs(30),
            running: vec!["stopping::stops_on_request".to_owned()],
        });
        assert_eq!(grades.verdict("stopping"), Verdict::Hung);
        assert_eq!(grades.verdict("cost"), Verdict::Passed { tests: 1 });
        assert_eq!(
            grades.hung.unwrap().message(),
            "probable deadlock in stopping: no result within 30 s; the run was stopped\n\
             no result from: stopping::stops_on_request"
        );
    }
}
