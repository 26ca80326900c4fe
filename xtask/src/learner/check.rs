//! `cargo xtask check [name]`: grade the learner's code, one line per exercise.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;

use crate::course::{Chapter, Course, Exercise, Target};
use crate::diagnose;
use crate::grade::{self, Grades, Package, Verdict};
use crate::progress::Progress;
use crate::ui;

/// Grades the course, a chapter or one exercise; returns whether all passed.
pub fn run(root: &Path, name: Option<&str>, verbose: bool) -> Result<bool> {
    let all_passed = grade(root, name, verbose)?;
    if all_passed {
        let what = match Course::load(root)?.find(name)? {
            Target::Course => "Every exercise passes.".to_owned(),
            Target::Chapter(chapter) => format!("Every exercise of {} passes.", chapter.id),
            Target::Exercise(_, exercise) => format!("{} passes.", exercise.name),
        };
        println!(
            "{} {what} `cargo xtask` shows what comes next.",
            ui::pass_mark()
        );
    }
    Ok(all_passed)
}

/// Grades and prints one line per exercise and the first failure, without
/// the closing line (watch mode says what comes next itself).
pub fn grade(root: &Path, name: Option<&str>, verbose: bool) -> Result<bool> {
    let course = Course::load(root)?;
    let target = course.find(name)?;
    let chapters = course.select(target);
    let mut progress = Progress::load(root);
    let mut all_passed = true;
    let mut first_failure_shown = false;
    let width = course.name_width();
    for (chapter, exercises) in chapters {
        let filter = match target {
            Target::Exercise(_, exercise) => Some(exercise.name.as_str()),
            _ => None,
        };
        println!("{} {} …", ui::bold("Grading"), chapter.id);
        let started = Instant::now();
        let package = Package {
            manifest: None,
            name: chapter.package(),
        };
        let grades = grade::run(root, package, filter, &[])?;
        if verbose && grades.compile_errors.is_none() {
            println!("{}", grades.raw);
        }
        if let Some(errors) = &grades.compile_errors {
            println!(
                "{} {} does not compile:\n\n{}",
                ui::fail_mark(),
                chapter.id,
                ui::indent(&errors.report(root, verbose), 2)
            );
            all_passed = false;
            continue;
        }
        for exercise in exercises {
            let verdict = grades.verdict(&exercise.name);
            progress.record(&exercise.name, verdict.passed());
            all_passed &= verdict.passed();
            println!("{}", line(exercise, chapter, &verdict, width));
            if let (false, Verdict::Failed { failed, .. }) = (first_failure_shown, &verdict) {
                first_failure_shown = true;
                // A deadlock explains the other failures; show it first.
                let first = failed
                    .iter()
                    .find(|test| test.reports_deadlock())
                    .unwrap_or(&failed[0]);
                let known = known_mistake(root, chapter, exercise, failed);
                println!("{}", explain(first, exercise, known));
            }
        }
        println!(
            "{}",
            ui::dim(&format!(
                "  graded in {:.1} s",
                started.elapsed().as_secs_f64()
            ))
        );
        if let Some(hang) = &grades.hung {
            println!("\n{}", ui::indent(&ui::red(&hang.message()), 2));
        } else {
            report_unparsed(&grades);
        }
    }
    progress.save(root)?;
    Ok(all_passed)
}

fn line(exercise: &Exercise, chapter: &Chapter, verdict: &Verdict<'_>, width: usize) -> String {
    let file = exercise.starter_file(chapter);
    match verdict {
        Verdict::Passed { tests } => {
            format!(
                "{} {:<width$} {tests}/{tests} tests pass",
                ui::pass_mark(),
                exercise.name
            )
        }
        Verdict::Failed { failed, tests } => format!(
            "{} {:<width$} {}/{tests} tests pass   {}",
            ui::fail_mark(),
            exercise.name,
            tests - failed.len(),
            ui::dim(&file.display().to_string())
        ),
        Verdict::NoTests => format!("{} {:<width$} no tests ran", ui::fail_mark(), exercise.name),
        Verdict::Hung => format!(
            "{} {:<width$} stopped: its tests did not finish   {}",
            ui::fail_mark(),
            exercise.name,
            ui::dim(&file.display().to_string())
        ),
        Verdict::DidNotCompile => {
            format!(
                "{} {:<width$} does not compile",
                ui::fail_mark(),
                exercise.name
            )
        }
    }
}

/// The known mistake (or mistakes) whose failing tests match these, unless
/// the exercise is simply unfinished (a `todo!` fails every test).
pub(crate) fn known_mistake(
    root: &Path,
    chapter: &Chapter,
    exercise: &Exercise,
    failed: &[&grade::TestResult],
) -> Option<String> {
    let unfinished = failed.iter().any(|test| {
        test.failure
            .as_ref()
            .is_some_and(|failure| failure.message.contains("not yet implemented"))
    });
    if unfinished {
        return None;
    }
    let failure = diagnose::Signature::of(&exercise.name, failed);
    diagnose::explain(root, chapter, exercise, &failure)
}

fn explain(test: &grade::TestResult, exercise: &Exercise, known: Option<String>) -> String {
    let failure = test.failure.as_ref().expect("a failed test has a failure");
    let mut out = format!("\n  first failure: {}\n", ui::bold(&test.name));
    if let Some(location) = &failure.location {
        out.push_str(&format!("  at {location}\n"));
    }
    out.push_str(&ui::indent(&failure.message, 4));
    if let Some(known) = known {
        out.push_str("\n\n");
        out.push_str(&ui::indent(&ui::yellow(&ui::wrap(&known, 76)), 2));
    }
    out.push_str(&format!(
        "\n\n  stuck? cargo xtask hint {} (each time one step further)\n",
        exercise.name
    ));
    out
}

/// Tests outside any exercise's module would go unreported; say so.
fn report_unparsed(grades: &Grades) {
    if grades.tests.is_empty() {
        let ended = grades
            .exit
            .map(|status| format!(" (the test binary ended with {status})"))
            .unwrap_or_default();
        println!(
            "{}",
            ui::yellow(&format!(
                "  no test results could be read{ended}; run with --verbose"
            ))
        );
    }
}
