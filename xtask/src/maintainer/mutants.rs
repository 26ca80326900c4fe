//! `cargo xtask mutants [chapter]`: every known-wrong solution must fail.
//!
//! A chapter's mutants live in `solutions/<chapter>/mutants/<exercise>.toml`.
//! Each is a mistake a learner makes, written as a change to the solution's
//! exercise file: `anchor` + `code` replaces an `// ANCHOR:` region, and
//! `replace` + `with` swaps one exact snippet. A change that no longer
//! applies is an error, so mutants cannot silently go stale.
//!
//! Each mutant is applied to a scratch copy of the solution crate under
//! `target/mutants/`, never to the solution or the learner's files, and the
//! exercise's graded tests run against it once: at least one must fail. A
//! mutant that passes gets two more runs; if one of them fails, the tests
//! catch that mistake only by luck, which is a defect of the tests and fails
//! the command just as a survivor does. Twice as many mutants run at once as there
//! are cores, and `--busy` spins a thread on every core but one beside them:
//! a mutant must be caught on a loaded machine too.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::course::{Chapter, Course, Exercise};
use crate::diagnose::{self, Diagnosis, Signature};
use crate::grade::{self, Package, Verdict};
use crate::maintainer::busy::Busy;
use crate::ui;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MutantFile {
    #[serde(rename = "mutant")]
    pub mutants: Vec<Mutant>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mutant {
    pub name: String,
    /// The learner's mistake, in one line.
    pub mistake: String,
    pub anchor: Option<String>,
    pub code: Option<String>,
    pub replace: Option<String>,
    pub with: Option<String>,
    /// A planted deadlock: the mistake blocks for ever, and the tests must
    /// report it as "probable deadlock in <exercise>" (every chapter has one).
    #[serde(default)]
    pub deadlock: bool,
    /// The mistake is waiting with `if` where a `while` is needed; every
    /// exercise that waits on a `Condvar` has one (the tidy check).
    #[serde(default)]
    pub waits_with_if: bool,
}

impl Mutant {
    /// The exercise file's text with this mistake in it.
    pub fn apply(&self, source: &str) -> Result<String> {
        match (&self.anchor, &self.code, &self.replace, &self.with) {
            (Some(anchor), Some(code), None, None) => replace_anchor(source, anchor, code),
            (None, None, Some(from), Some(to)) => {
                let from = from.trim_matches('\n');
                match source.matches(from).count() {
                    1 => Ok(source.replacen(from, to.trim_matches('\n'), 1)),
                    0 => bail!(
                        "mutant `{}`: its `replace` text is no longer in the file",
                        self.name
                    ),
                    n => bail!(
                        "mutant `{}`: its `replace` text occurs {n} times; make it unique",
                        self.name
                    ),
                }
            }
            _ => bail!(
                "mutant `{}` needs either `anchor` and `code`, or `replace` and `with`",
                self.name
            ),
        }
    }
}

fn replace_anchor(source: &str, anchor: &str, code: &str) -> Result<String> {
    let start_marker = format!("// ANCHOR: {anchor}\n");
    let end_marker = format!("// ANCHOR_END: {anchor}");
    let Some(start) = source.find(&start_marker) else {
        bail!("the file has no `// ANCHOR: {anchor}`")
    };
    let body = start + start_marker.len();
    let Some(end) = source[body..].find(&end_marker) else {
        bail!("the file has no `// ANCHOR_END: {anchor}`")
    };
    Ok(format!(
        "{}{}\n{}",
        &source[..body],
        code.trim_matches('\n'),
        &source[body + end..]
    ))
}

/// The mutants of one exercise.
pub fn load(root: &Path, chapter: &Chapter, exercise: &Exercise) -> Result<Vec<Mutant>> {
    let path = mutants_file(root, chapter, exercise);
    let text =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let file: MutantFile = toml::from_str(&text)
        .with_context(|| format!("{} is not a valid mutants file", path.display()))?;
    Ok(file.mutants)
}

/// `cargo xtask mutants --tool [chapter]`: cargo-mutants over the solution
/// crates, beside the course's own mutants. Installs it first if needed.
/// Each crate's tests are its graded tests (`--test grade`); the outcome
/// lists go to `target/cargo-mutants/<package>/mutants.out/`.
pub fn run_tool(root: &Path, name: Option<&str>) -> Result<bool> {
    let course = Course::load(root)?;
    let chapters = course.chapters_named(name, "cargo-mutants runs per chapter")?;
    let installed = grade::cargo()
        .args(["mutants", "--version"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !installed {
        println!(
            "{} cargo-mutants (once; a few minutes) …",
            ui::bold("Installing")
        );
        let status = grade::cargo()
            .args(["install", "--locked", "cargo-mutants"])
            .status()?;
        if !status.success() {
            bail!("cannot install cargo-mutants");
        }
    }
    let mut all_caught = true;
    for chapter in chapters {
        let package = chapter.solution_package();
        let output = root.join("target/cargo-mutants").join(&package);
        fs::create_dir_all(&output)?;
        println!("{} cargo mutants -p {package} …", ui::bold("Running"));
        let status = grade::cargo()
            .current_dir(root)
            .args(["mutants", "--package", &package, "--no-shuffle", "--output"])
            .arg(&output)
            .args(["--", "--test", "grade"])
            .status()?;
        all_caught &= status.success();
        let killed = kill_leftovers();
        if killed > 0 {
            println!(
                "{} killed {killed} process(es) of mutated code that cargo-mutants left running",
                ui::dim("note:")
            );
        }
        // cargo-mutants' exit codes: 2 missed mutants, 3 timeouts, 4 the
        // tests failed before any mutation; anything else is its own error.
        if !matches!(status.code(), Some(0 | 2 | 3)) {
            bail!("cargo mutants -p {package} did not run ({status})");
        }
        let count = |file: &str| {
            fs::read_to_string(output.join("mutants.out").join(file)).map_or(0, |text| {
                text.lines().filter(|l| !l.trim().is_empty()).count()
            })
        };
        println!(
            "{package}: {} caught, {} missed, {} timeouts, {} unviable (lists in {})",
            count("caught.txt"),
            count("missed.txt"),
            count("timeout.txt"),
            count("unviable.txt"),
            output.join("mutants.out").display()
        );
    }
    Ok(all_caught)
}

/// Kills the processes still running a program that cargo-mutants built in
/// its scratch copies (`/tmp/cargo-mutants-*`): a mutated pool whose workers
/// were never shut down leaves them spinning after the run. Returns how many
/// it killed. Linux only (it reads `/proc`); elsewhere it does nothing.
fn kill_leftovers() -> usize {
    #[cfg(target_os = "linux")]
    {
        let own = std::process::id();
        let Ok(entries) = fs::read_dir("/proc") else {
            return 0;
        };
        let mut killed = 0;
        for entry in entries.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<i32>().ok())
            else {
                continue;
            };
            let scratch = fs::read_link(entry.path().join("exe"))
                .is_ok_and(|exe| exe.to_string_lossy().contains("/cargo-mutants-"));
            if scratch && u32::try_from(pid).is_ok_and(|pid| pid != own) {
                // SAFETY: `kill` only sends a signal, to one process whose
                // program lies in cargo-mutants' scratch folders.
                if unsafe { libc::kill(pid, libc::SIGKILL) } == 0 {
                    killed += 1;
                }
            }
        }
        killed
    }
    #[cfg(not(target_os = "linux"))]
    0
}

/// How many runs a mutant that passed its first run gets, to tell a test that
/// catches it only sometimes (a defect of the tests) from a survivor.
const RUNS: usize = 3;

pub fn mutants_file(root: &Path, chapter: &Chapter, exercise: &Exercise) -> PathBuf {
    chapter
        .solution_dir(root)
        .join("mutants")
        .join(format!("{}.toml", exercise.name))
}

/// How `cargo xtask mutants` runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub verbose: bool,
    /// Spin a thread on every core but one beside the tests.
    pub busy: bool,
}

/// `cargo xtask mutants [chapter | exercise | exercise/mutant]`.
pub fn run(root: &Path, name: Option<&str>, options: Options) -> Result<bool> {
    let course = Course::load(root)?;
    let (name, only) = match name.and_then(|n| n.split_once('/')) {
        Some((exercise, mutant)) => (Some(exercise), Some(mutant)),
        None => (name, None),
    };
    let selected = course.select(course.find(name)?);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let _busy = options
        .busy
        .then(|| Busy::start(cores.saturating_sub(1).max(1)));
    if options.busy {
        println!(
            "{} a busy thread on {} of the {cores} cores beside the tests",
            ui::dim("note:"),
            cores.saturating_sub(1).max(1)
        );
    }
    let started = Instant::now();
    let chapters: Vec<&Chapter> = selected.iter().map(|(chapter, _)| *chapter).collect();
    warm_slots(root, &chapters, slot_count())?;
    let mut all_caught = true;
    let (mut caught, mut total) = (0, 0);
    for (chapter, exercises) in selected {
        let mut jobs = Vec::new();
        for exercise in exercises {
            for mutant in load(root, chapter, exercise)? {
                if only.is_none_or(|name| name == mutant.name) {
                    jobs.push(Job { exercise, mutant });
                }
            }
        }
        if let Some(name) = only
            && jobs.is_empty()
        {
            bail!("no mutant named `{name}` in {}", chapter.id);
        }
        let report = run_chapter(root, chapter, jobs, options)?;
        all_caught &= report.caught == report.total;
        caught += report.caught;
        total += report.total;
    }
    println!(
        "{} {caught}/{total} mutants caught on their first run ({:.0} s)",
        if all_caught {
            ui::pass_mark()
        } else {
            ui::fail_mark()
        },
        started.elapsed().as_secs_f64()
    );
    Ok(all_caught)
}

/// One mutant to try.
struct Job<'a> {
    exercise: &'a Exercise,
    mutant: Mutant,
}

/// What trying one mutant showed.
enum Outcome {
    /// Its first run failed, as it must: which tests, and how.
    Caught(Signature),
    /// Its first run hung and was stopped: caught.
    Hung,
    /// A planted deadlock that failed without any "probable deadlock".
    DeadlockUnreported,
    /// It passed its first run but failed run `n`: the tests catch it by luck.
    CaughtOnRun(usize, Vec<String>),
    Survived,
    DidNotCompile(String),
    NoTests,
}

struct ChapterReport {
    caught: usize,
    total: usize,
}

/// How many mutants are tried at once: twice as many as cores, because
/// most of a mutant's time is tests that wait (a hang waits out its
/// watchdog), not tests that compute.
fn slot_count() -> usize {
    std::thread::available_parallelism().map_or(1, |n| 2 * n.get())
}

/// Gives every slot a target folder with the chapters' dependencies built,
/// at the cost of building them once: the first slot builds each chapter's
/// tests (the loom build too, where a chapter has one), and a slot without a
/// target folder gets a copy of the first's.
/// Without this, on a fresh machine every slot would compile the same
/// dependencies at the same time, on cores the tests need.
///
/// A copy is safe to reuse: cargo names a registry or absolute-path
/// package's artifacts the same in every slot, and rebuilds the chapter
/// crate, whose files in the slot are newer than anything copied.
fn warm_slots(root: &Path, chapters: &[&Chapter], slots: usize) -> Result<()> {
    let base = root.join("target/mutants");
    let cold: Vec<PathBuf> = (1..slots)
        .map(|slot| base.join(format!("target-{slot}")))
        .filter(|target| !target.exists())
        .collect();
    if cold.is_empty() {
        return Ok(());
    }
    let started = Instant::now();
    println!(
        "{} the solutions' tests once, for {} slots without a build …",
        ui::bold("Building"),
        cold.len()
    );
    for chapter in chapters {
        let scratch = Scratch::create(root, chapter, 0)?;
        if !scratch.build(root)? {
            bail!("{} does not compile", chapter.solution_package());
        }
    }
    let first = base.join("target-0");
    for target in &cold {
        copy_target(&first, target)?;
    }
    println!(
        "  built and copied in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Copies a target folder, keeping modification times (cargo compares
/// them); `cp -a` where there is one.
fn copy_target(from: &Path, to: &Path) -> Result<()> {
    let copied = std::process::Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .is_ok_and(|status| status.success());
    if !copied {
        let _ = fs::remove_dir_all(to);
        copy_dir(from, to)?;
    }
    Ok(())
}

/// Tries the chapter's mutants, as many at once as there are cores, each in
/// a scratch copy of the solution of its own.
fn run_chapter(
    root: &Path,
    chapter: &Chapter,
    jobs: Vec<Job<'_>>,
    options: Options,
) -> Result<ChapterReport> {
    let total = jobs.len();
    let slots = slot_count().min(total.max(1));
    println!(
        "{} {total} mutants of {} ({slots} at a time) …",
        ui::bold("Testing"),
        chapter.id
    );
    let started = Instant::now();
    let queue = Mutex::new(jobs.into_iter().enumerate());
    let done = AtomicUsize::new(0);
    let caught = AtomicUsize::new(0);
    // (exercise, mutant, its failure) for every mutant caught by failing
    // tests: the chapter's signatures.
    let observed = Mutex::new(Vec::new());
    std::thread::scope(|scope| -> Result<()> {
        let workers: Vec<_> = (0..slots)
            .map(|slot| {
                let (queue, done, caught, observed) = (&queue, &done, &caught, &observed);
                scope.spawn(move || -> Result<()> {
                    let scratch = Scratch::create(root, chapter, slot)?;
                    loop {
                        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
                        let Some((_, job)) = next else {
                            return Ok(());
                        };
                        let started = Instant::now();
                        let (outcome, raw) = try_mutant(root, chapter, &scratch, &job)?;
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        if matches!(outcome, Outcome::Caught(..) | Outcome::Hung) {
                            caught.fetch_add(1, Ordering::Relaxed);
                        }
                        if let Outcome::Caught(signature) = &outcome {
                            observed
                                .lock()
                                .unwrap_or_else(PoisonError::into_inner)
                                .push((
                                    job.exercise.name.clone(),
                                    job.mutant.name.clone(),
                                    signature.clone(),
                                ));
                        }
                        let line = describe(&job, &outcome, started.elapsed().as_secs_f64());
                        let counter = ui::dim(&format!("[{n}/{total}]"));
                        let mut out = std::io::stdout().lock();
                        let _ = writeln!(out, "{counter} {line}");
                        if options.verbose {
                            let _ = writeln!(out, "{raw}");
                        }
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("a mutants worker panicked")?;
        }
        Ok(())
    })?;
    let caught = caught.into_inner();
    record_signatures(
        root,
        chapter,
        observed
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner),
    )?;
    let mark = if caught == total {
        ui::pass_mark()
    } else {
        ui::fail_mark()
    };
    println!(
        "{mark} {caught}/{total} mutants of {} caught on their first run ({:.0} s)",
        chapter.id,
        started.elapsed().as_secs_f64()
    );
    Ok(ChapterReport { caught, total })
}

/// Writes what this run observed into the chapter's signatures file, drops
/// entries of mutants that no longer exist, and says how many of the caught
/// mutants the signatures recorded before this run name from this run's
/// failures: the diagnosis a learner with that mistake gets from `check`.
fn record_signatures(
    root: &Path,
    chapter: &Chapter,
    observed: Vec<(String, String, Signature)>,
) -> Result<()> {
    let mut signatures = diagnose::load(root, chapter);
    // Named as `check` would name them: this run's failures against the
    // signatures recorded before it.
    let named = observed
        .iter()
        .filter(|(exercise, mutant, failed)| {
            diagnose::diagnose(&signatures, exercise, failed) == Diagnosis::Known(mutant.clone())
        })
        .count();
    let mut changed = 0;
    for (exercise, mutant, failed) in &observed {
        let entry = signatures.entry(exercise.clone()).or_default();
        if entry.get(mutant) != Some(failed) {
            changed += 1;
            entry.insert(mutant.clone(), failed.clone());
        }
    }
    for exercise in &chapter.exercises {
        let names: BTreeSet<String> = load(root, chapter, exercise)?
            .into_iter()
            .map(|m| m.name)
            .collect();
        if let Some(entry) = signatures.get_mut(&exercise.name) {
            entry.retain(|name, _| names.contains(name));
        }
    }
    signatures.retain(|exercise, _| chapter.exercises.iter().any(|e| &e.name == exercise));
    diagnose::save(root, chapter, &signatures)?;
    println!(
        "  {named}/{} caught mutants named by `check` from the recorded signatures{}",
        observed.len(),
        if changed > 0 {
            format!(
                "; {changed} signature{} updated in {}",
                if changed == 1 { "" } else { "s" },
                diagnose::signatures_file(root, chapter)
                    .strip_prefix(root)
                    .unwrap_or(Path::new(""))
                    .display()
            )
        } else {
            String::new()
        }
    );
    Ok(())
}

/// Applies one mutant in `scratch`, runs its exercise's tests once, and
/// twice more if it passed, to tell luck from survival.
fn try_mutant(
    root: &Path,
    chapter: &Chapter,
    scratch: &Scratch,
    job: &Job<'_>,
) -> Result<(Outcome, String)> {
    let exercise = job.exercise;
    let original = fs::read_to_string(root.join(exercise.solution_file(chapter)))?;
    scratch.write_exercise(exercise, &job.mutant.apply(&original)?)?;
    let result = (|| {
        let grades = scratch.grade(root, exercise)?;
        let outcome = match grades.verdict(&exercise.name) {
            Verdict::DidNotCompile => Outcome::DidNotCompile(
                grades
                    .compile_errors
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
            Verdict::NoTests => Outcome::NoTests,
            Verdict::Hung => Outcome::Hung,
            Verdict::Failed { failed, .. }
                if job.mutant.deadlock && !failed.iter().any(|t| t.reports_deadlock()) =>
            {
                Outcome::DeadlockUnreported
            }
            Verdict::Failed { failed, .. } => {
                Outcome::Caught(Signature::of(&exercise.name, &failed))
            }
            Verdict::Passed { .. } => {
                let mut outcome = Outcome::Survived;
                for run in 2..=RUNS {
                    let again = scratch.grade(root, exercise)?;
                    match again.verdict(&exercise.name) {
                        Verdict::Passed { .. } => continue,
                        Verdict::Failed { failed, .. } => {
                            outcome = Outcome::CaughtOnRun(
                                run,
                                failed.iter().map(|t| t.name.clone()).collect(),
                            );
                        }
                        _ => outcome = Outcome::CaughtOnRun(run, Vec::new()),
                    }
                    break;
                }
                outcome
            }
        };
        Ok((outcome, grades.raw))
    })();
    scratch.write_exercise(exercise, &original)?;
    result
}

fn describe(job: &Job<'_>, outcome: &Outcome, secs: f64) -> String {
    let who = format!("{}/{}", job.exercise.name, job.mutant.name);
    let (pass, fail) = (ui::pass_mark(), ui::fail_mark());
    // The tests that caught it, named as libtest names them.
    let caught_by = |signature: &Signature| {
        let names: Vec<String> = signature
            .tests
            .iter()
            .map(|test| format!("{}::{test}", job.exercise.name))
            .collect();
        names.join(", ")
    };
    match outcome {
        Outcome::Caught(signature) if job.mutant.deadlock => format!(
            "{pass} {who:<44} planted deadlock, reported by {} ({secs:.1} s)",
            caught_by(signature)
        ),
        Outcome::Caught(signature) => {
            format!(
                "{pass} {who:<44} caught by {} ({secs:.1} s)",
                caught_by(signature)
            )
        }
        Outcome::Hung => {
            format!("{pass} {who:<44} caught: its tests hung and were stopped ({secs:.1} s)")
        }
        Outcome::DeadlockUnreported => {
            format!("{fail} {who:<44} failed, but no test said \"probable deadlock\" ({secs:.1} s)")
        }
        Outcome::CaughtOnRun(run, by) => format!(
            "{fail} {who:<44} CAUGHT ONLY ON RUN {run} of {RUNS} (by {}): the tests catch it by luck; \
             make it fail every run: {}",
            if by.is_empty() {
                "a hang".to_owned()
            } else {
                by.join(", ")
            },
            job.mutant.mistake
        ),
        Outcome::Survived => format!("{fail} {who:<44} SURVIVED: {}", job.mutant.mistake),
        Outcome::DidNotCompile(errors) => format!(
            "{fail} {who:<44} does not compile (a mutant must compile):\n{}",
            ui::indent(errors, 6)
        ),
        Outcome::NoTests => format!("{fail} {who:<44} no tests ran for `{}`", job.exercise.name),
    }
}

/// A copy of one solution crate in its own workspace under `target/mutants/`,
/// whose test target is the chapter's real `tests/grade/main.rs`.
struct Scratch {
    manifest: PathBuf,
    crate_dir: PathBuf,
    /// The slot's own target folder.
    target_dir: String,
    package: String,
}

impl Scratch {
    fn create(root: &Path, chapter: &Chapter, slot: usize) -> Result<Scratch> {
        // A workspace and a target folder per slot. One shared target folder
        // would be a race: cargo names a path package's artifacts by its path
        // relative to the workspace root, so every slot would build the same
        // `grade-<hash>` test binary (and chapter 8's worker program), and one
        // slot could run what another has just rebuilt with its own mistake.
        // A slot's target folder serves every chapter in turn.
        let base = root.join("target/mutants");
        let workspace = base.join(format!("{}-{slot}", chapter.id));
        let _ = fs::remove_dir_all(&workspace);
        let crate_dir = workspace.join(&chapter.id);
        copy_dir(&chapter.solution_dir(root), &crate_dir)?;
        fs::copy(root.join("Cargo.lock"), workspace.join("Cargo.lock"))?;
        fs::copy(
            root.join("rust-toolchain.toml"),
            workspace.join("rust-toolchain.toml"),
        )?;

        // The solution's manifest points at the chapter's tests by a relative
        // path; make it absolute so it works from the copy.
        let manifest_path = crate_dir.join("Cargo.toml");
        let mut manifest: toml::Table = toml::from_str(&fs::read_to_string(&manifest_path)?)?;
        for test in manifest
            .get_mut("test")
            .and_then(|t| t.as_array_mut())
            .into_iter()
            .flatten()
        {
            if let Some(path) = test.get_mut("path") {
                let absolute = chapter
                    .solution_dir(root)
                    .join(path.as_str().unwrap_or_default());
                *path = toml::Value::String(absolute.to_string_lossy().into_owned());
            }
        }
        fs::write(&manifest_path, toml::to_string(&manifest)?)?;

        // The workspace keeps the root's shared dependencies and lints, with
        // path dependencies made absolute.
        let root_manifest: toml::Table =
            toml::from_str(&fs::read_to_string(root.join("Cargo.toml"))?)?;
        let mut ws = root_manifest
            .get("workspace")
            .and_then(|w| w.as_table())
            .cloned()
            .unwrap_or_default();
        ws.insert(
            "members".into(),
            toml::Value::Array(vec![chapter.id.clone().into()]),
        );
        ws.remove("default-members");
        if let Some(deps) = ws.get_mut("dependencies").and_then(|d| d.as_table_mut()) {
            for (_, dep) in deps.iter_mut() {
                let Some(dep) = dep.as_table_mut() else {
                    continue;
                };
                if let Some(path) = dep.get_mut("path") {
                    let absolute = root.join(path.as_str().unwrap_or_default());
                    *path = toml::Value::String(absolute.to_string_lossy().into_owned());
                }
            }
        }
        let mut top = toml::Table::new();
        top.insert("workspace".into(), toml::Value::Table(ws));
        let manifest = workspace.join("Cargo.toml");
        fs::write(&manifest, toml::to_string(&top)?)?;
        Ok(Scratch {
            manifest,
            crate_dir,
            target_dir: base
                .join(format!("target-{slot}"))
                .to_string_lossy()
                .into_owned(),
            package: chapter.solution_package(),
        })
    }

    fn write_exercise(&self, exercise: &Exercise, text: &str) -> Result<()> {
        let path = self
            .crate_dir
            .join("src")
            .join(format!("{}.rs", exercise.name));
        fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
    }

    fn grade(&self, root: &Path, exercise: &Exercise) -> Result<grade::Grades> {
        grade::run(root, self.package(), Some(&exercise.name), &self.env())
    }

    /// Builds the tests without running them; `Ok(false)` if they do not
    /// compile.
    fn build(&self, root: &Path) -> Result<bool> {
        grade::build_only(root, self.package(), &self.env())
    }

    fn package(&self) -> Package<'_> {
        Package {
            manifest: Some(&self.manifest),
            name: &self.package,
        }
    }

    /// The slot's target folder, and no debug information: a mutant's build
    /// is mostly compiling and linking the test binary, and without it that
    /// is about a fifth quicker. Panic locations do not need it.
    fn env(&self) -> [(&str, &str); 2] {
        [
            ("CARGO_TARGET_DIR", &self.target_dir),
            ("CARGO_PROFILE_DEV_DEBUG", "0"),
        ]
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str =
        "use x;\n// ANCHOR: f\nfn f() -> u8 {\n    1\n}\n// ANCHOR_END: f\nfn g() {}\n";

    fn mutant(
        anchor: Option<&str>,
        code: Option<&str>,
        replace: Option<&str>,
        with: Option<&str>,
    ) -> Mutant {
        Mutant {
            name: "m".into(),
            mistake: "a mistake".into(),
            anchor: anchor.map(Into::into),
            code: code.map(Into::into),
            replace: replace.map(Into::into),
            with: with.map(Into::into),
            deadlock: false,
            waits_with_if: false,
        }
    }

    #[test]
    fn an_anchor_mutant_replaces_the_region_and_keeps_the_markers() {
        let changed = mutant(Some("f"), Some("\nfn f() -> u8 {\n    2\n}\n"), None, None)
            .apply(SOURCE)
            .unwrap();
        assert_eq!(
            changed,
            "use x;\n// ANCHOR: f\nfn f() -> u8 {\n    2\n}\n// ANCHOR_END: f\nfn g() {}\n"
        );
    }

    #[test]
    fn a_replace_mutant_must_match_exactly_once() {
        assert!(
            mutant(None, None, Some("    1"), Some("    0"))
                .apply(SOURCE)
                .unwrap()
                .contains("    0\n")
        );
        let stale = mutant(None, None, Some("    7"), Some("    0"))
            .apply(SOURCE)
            .unwrap_err();
        assert!(stale.to_string().contains("no longer in the file"));
        let ambiguous = mutant(None, None, Some("fn"), Some("pub fn"))
            .apply(SOURCE)
            .unwrap_err();
        assert!(ambiguous.to_string().contains("occurs 2 times"));
    }

    #[test]
    fn a_missing_anchor_is_an_error() {
        let error = mutant(Some("h"), Some("fn h() {}"), None, None)
            .apply(SOURCE)
            .unwrap_err();
        assert!(error.to_string().contains("no `// ANCHOR: h`"));
    }
}
