//! `cargo xtask verify`: the course is sound. CI runs it after `cargo test`.
//!
//! 1. `course.toml` matches the files (chapters, exercises, tests, mutants).
//! 2. Every built chapter covers its syllabus ids; the rest are reported.
//! 3. The book's includes, anchors and links resolve; its generated pages,
//!    tables and plots are up to date; no measured number is typed by hand;
//!    the Python to Rust map names every syllabus id.
//! 4. No snapshot is pending review.
//! 5. Every solution passes all its tests (graded tests, compile-fail
//!    lessons, demos, doctests), with missing snapshots as failures.
//! 6. Every exercise's tests fail on its starter; `grade`'s JUnit report
//!    of the starter has a case for each graded test `course.sums` lists,
//!    and those are the tests that ran.
//! 7. The book builds, and mdBook logs no warning.
//! 8. `course.sums` is current.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::course::Course;
use crate::grade::{self, Package, Verdict};
use crate::teacher::{report, sums};
use crate::{diagnose, learner::book, maintainer::tidy, ui};

/// `after_cargo_test`: the workspace's `cargo test` has just passed (CI runs
/// it first), so each solution's own suite is not run again; only what that
/// run does not cover, the loom models of a package with a `loom` feature.
pub fn run(root: &Path, verbose: bool, after_cargo_test: bool) -> Result<bool> {
    let course = Course::load(root)?;
    let mut ok = true;
    let mut step = |title: &str, check: &mut dyn FnMut() -> Result<Outcome>| -> Result<()> {
        let started = Instant::now();
        print!("{} {title} … ", ui::bold("verify"));
        use std::io::Write;
        std::io::stdout().flush()?;
        let Outcome { problems, notes } = check()?;
        let secs = ui::dim(&format!("({:.1} s)", started.elapsed().as_secs_f64()));
        if problems.is_empty() {
            println!("{} {secs}", ui::pass_mark());
        } else {
            ok = false;
            println!("{} {secs}", ui::fail_mark());
        }
        for line in problems.iter().chain(&notes) {
            println!("{}", ui::indent(line, 4));
        }
        Ok(())
    };

    step("course.toml matches the files", &mut || {
        tidy::problems(root, &course).map(Outcome::from)
    })?;
    step("syllabus coverage", &mut || Ok(coverage(&course)))?;
    step("book includes and links resolve", &mut || {
        book::check_sources(root).map(Outcome::from)
    })?;
    step(
        "the book: generated pages, measured numbers, the Python map",
        &mut || book::check_whole(root, &course).map(Outcome::from),
    )?;
    step(
        "every known mistake has a signature of failing tests",
        &mut || {
            let mut problems = Vec::new();
            for chapter in course.built() {
                problems.extend(diagnose::check(root, chapter)?);
            }
            Ok(Outcome::from(problems))
        },
    )?;
    step("no snapshot is pending review", &mut || {
        pending_snapshots(root).map(Outcome::from)
    })?;
    step("course.sums is current", &mut || {
        Ok(Outcome::from(crate::generated::stale(
            root,
            &[sums::generated(root, &course)?],
            "the files that decide a grade",
            "cargo xtask sums",
        )))
    })?;
    let reference = sums::compute(root, &course)?;
    for chapter in course.built() {
        let package = chapter.solution_package();
        step(&format!("{package} passes all its tests"), &mut || {
            solution_passes(root, &package, verbose, after_cargo_test).map(Outcome::from)
        })?;
        step(
            &format!("{} fails every exercise", chapter.package()),
            &mut || {
                let grades = grade::run(
                    root,
                    Package {
                        manifest: None,
                        name: chapter.package(),
                    },
                    None,
                    &[],
                )?;
                if let Some(errors) = &grades.compile_errors {
                    return Ok(Outcome::from(vec![format!(
                        "the starter must compile:\n{errors}"
                    )]));
                }
                let mut problems = starter_report_problems(root, chapter, &reference, &grades);
                problems.extend(chapter.exercises.iter().filter_map(|exercise| {
                    match grades.verdict(&exercise.name) {
                        Verdict::Failed { .. } | Verdict::Hung => None,
                        Verdict::Passed { .. } => {
                            Some(format!("{}: the starter passes its tests", exercise.name))
                        }
                        Verdict::NoTests => Some(format!("{}: no graded tests ran", exercise.name)),
                        Verdict::DidNotCompile => {
                            Some(format!("{}: does not compile", exercise.name))
                        }
                    }
                }));
                Ok(Outcome::from(problems))
            },
        )?;
    }
    step("the book builds with no warnings", &mut || {
        book::build(root).map(|(index, warnings)| Outcome {
            problems: warnings,
            notes: vec![index.display().to_string()],
        })
    })?;
    let mark = if ok { ui::pass_mark() } else { ui::fail_mark() };
    println!("{mark} verify {}", if ok { "passed" } else { "failed" });
    Ok(ok)
}

/// What a verify step found: problems fail it, notes are only shown.
#[derive(Debug, Default)]
struct Outcome {
    problems: Vec<String>,
    notes: Vec<String>,
}

impl From<Vec<String>> for Outcome {
    fn from(problems: Vec<String>) -> Self {
        Outcome {
            problems,
            notes: Vec::new(),
        }
    }
}

/// Ids that nothing covers yet: a problem in a built chapter, only a note in
/// a chapter not built yet.
fn coverage(course: &Course) -> Outcome {
    let mut outcome = Outcome::default();
    for (group, rows) in tidy::coverage(course) {
        let covered = rows.iter().filter(|(_, by)| !by.is_empty()).count();
        let missing: Vec<&str> = rows
            .iter()
            .filter(|(_, by)| by.is_empty())
            .map(|(id, _)| *id)
            .collect();
        let is_chapter = course.chapters.iter().any(|chapter| chapter.id == group);
        if !is_chapter || course.built().any(|chapter| chapter.id == group) {
            if missing.is_empty() {
                outcome
                    .notes
                    .push(format!("{group}: all {covered} ids covered"));
            } else {
                outcome
                    .problems
                    .push(format!("{group}: not covered: {}", missing.join(", ")));
            }
        } else {
            outcome
                .notes
                .push(format!("{group}: not built yet ({})", missing.join(", ")));
        }
    }
    outcome
}

/// `cargo xtask syllabus`: every id and what covers it.
pub fn syllabus(root: &Path) -> Result<bool> {
    let course = Course::load(root)?;
    let mut complete = true;
    for (group, rows) in tidy::coverage(&course) {
        println!("{}", ui::bold(group));
        for (id, by) in rows {
            if by.is_empty() {
                complete = false;
                println!("  {} {id:<4} {}", ui::dim("·"), ui::dim("not covered yet"));
            } else {
                println!("  {} {id:<4} {}", ui::pass_mark(), by.join(", "));
            }
        }
    }
    Ok(complete)
}

fn pending_snapshots(root: &Path) -> Result<Vec<String>> {
    let mut pending = Vec::new();
    let mut dirs = vec![root.join("chapters")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)?.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                dirs.push(path);
            } else if name.ends_with(".snap.new") || name.ends_with(".pending-snap") {
                pending.push(format!(
                    "{} is pending: review it with `cargo insta review`, or delete it",
                    path.strip_prefix(root).unwrap_or(&path).display()
                ));
            }
        }
    }
    Ok(pending)
}

fn solution_passes(
    root: &Path,
    package: &str,
    verbose: bool,
    after_cargo_test: bool,
) -> Result<Vec<String>> {
    let mut problems = if after_cargo_test {
        Vec::new()
    } else {
        solution_passes_with(root, package, None, verbose)?
    };
    let solution = Package {
        manifest: None,
        name: package,
    };
    if grade::has_feature(root, solution, grade::LOOM) {
        // The loom models of the graded tests, in the build they need.
        problems.extend(solution_passes_with(
            root,
            package,
            Some(grade::LOOM),
            verbose,
        )?);
    }
    Ok(problems)
}

fn solution_passes_with(
    root: &Path,
    package: &str,
    features: Option<&str>,
    verbose: bool,
) -> Result<Vec<String>> {
    let output = grade::cargo_test(root)
        .args(["--package", package, "--color", "never"])
        // With a feature, only the graded tests: its loom models.
        .args(
            features
                .map(|features| ["--features", features, "--test", "grade"])
                .into_iter()
                .flatten(),
        )
        // With CI set, a missing snapshot fails instead of being written.
        .env("CI", "true")
        .output()
        .with_context(|| format!("cannot run cargo test for {package}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    if verbose {
        println!("\n{text}");
    }
    if output.status.success() {
        return Ok(Vec::new());
    }
    let with = features.map_or(String::new(), |features| format!(" --features {features}"));
    Ok(vec![format!(
        "cargo test -p {package}{with} failed; the end of its output:\n{}",
        grade::last_lines(&text, 40)
    )])
}

/// What is wrong with `grade`'s JUnit report of the starter: it must have a
/// case for every graded test `course.sums` lists, and the tests that ran
/// must be those. (Some pass on a starter: `grade` reports an untouched
/// exercise as not attempted.)
fn starter_report_problems(
    root: &Path,
    chapter: &crate::course::Chapter,
    reference: &sums::Sums,
    grades: &grade::Grades,
) -> Vec<String> {
    let mut problems = Vec::new();
    let exercises: Vec<report::ExerciseReport> = chapter
        .exercises
        .iter()
        .map(|exercise| {
            let tests = reference.tests_of(&chapter.id, &exercise.name);
            report::exercise_report(
                root,
                chapter,
                exercise,
                &tests,
                std::slice::from_ref(grades),
            )
        })
        .collect();
    let listed: usize = exercises.iter().map(|e| e.tests.len()).sum();
    let junit = report::render(
        &report::Report { exercises, runs: 1 },
        report::Format::Junit,
    );
    let cases = junit.matches("<testcase ").count();
    if cases != listed {
        problems.push(format!(
            "grade's JUnit report of the starter has {cases} cases; course.sums lists {listed} graded tests"
        ));
    }
    // A starter that deadlocks is stopped: its unfinished tests ran too.
    let unfinished = grades.hung.iter().flat_map(|hang| &hang.running);
    let mut ran: Vec<&str> = grades
        .tests
        .iter()
        .map(|test| test.name.as_str())
        .chain(unfinished.map(String::as_str))
        .collect();
    ran.sort_unstable();
    let mut expected: Vec<String> = chapter
        .exercises
        .iter()
        .flat_map(|exercise| reference.tests_of(&chapter.id, &exercise.name))
        .collect();
    expected.sort_unstable();
    if ran != expected {
        problems.push(format!(
            "the graded tests that ran are not those course.sums lists (its reading of \
             `graded!` blocks): ran {ran:?}, listed {expected:?}"
        ));
    }
    problems
}
