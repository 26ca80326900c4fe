//! `cargo xtask grade [name] [--format F] [--output FILE] [--repeat N]`:
//! grades the learner's exercises as `check` does, after the tamper check,
//! and writes a report for a teacher: every graded test of every exercise
//! with its result, the first failure's message and the diagnosis `check`
//! would give, and a score.
//!
//! The score: each exercise is worth its `weight` in `course.toml` (1 when
//! it has none), earned when every one of its graded tests passes (in every
//! run, with `--repeat`), as `check` counts an exercise as passed. Some
//! tests of an exercise can pass on its starter (a "fix" exercise starts
//! out working, only wrong), so a test-by-test share would pay for them.
//! An exercise whose file is still the starter (`course.sums` has its sum)
//! is not graded: each of its tests is reported failed, "not attempted".
//!
//! Formats (the teachers' page in the book describes each):
//! - `text`: one line per exercise and the total, for people.
//! - `json`: `{ "score", "max_score", "tests_passed", "tests", "exercises":
//!   [{ "chapter", "exercise", "weight", "score", "passed", "diagnosis",
//!   "tests": [{ "name", "passed", "message" }] }] }`.
//! - `junit`: JUnit XML, a `<testsuite>` per chapter and a `<testcase>` per
//!   graded test (`classname` the chapter and exercise), for CI viewers.
//! - `gradescope`: Gradescope's `results.json`: `score`, `output`, and a
//!   test per exercise with `score`, `max_score`, `status` and `output`
//!   (its failing tests, their messages and the diagnosis).
//!
//! Nothing goes to standard error unless grading itself fails (GitHub's
//! autograding marks a test failed on any): the report goes to standard
//! output, or to `--output`, and then the text report goes to standard
//! output.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::json;

use crate::course::{Chapter, Course, Exercise, Target};
use crate::grade::{self, Grades, Package};
use crate::teacher::sums;
use crate::ui;

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Junit,
    Gradescope,
}

impl Format {
    pub fn parse(name: &str) -> Result<Format> {
        Ok(match name {
            "text" => Format::Text,
            "json" => Format::Json,
            "junit" => Format::Junit,
            "gradescope" => Format::Gradescope,
            other => bail!("unknown format `{other}`: text, json, junit or gradescope"),
        })
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub format: Format,
    /// Where to write the report instead of standard output.
    pub output: Option<PathBuf>,
    /// How many times to run each chapter's tests; a test passes only if it
    /// passed every time.
    pub repeat: usize,
}

/// One graded test's result over every run.
#[derive(Debug, Clone, PartialEq)]
pub struct TestReport {
    /// `downloads::all_at_once_overlaps`
    pub name: String,
    pub passed: bool,
    /// Why it failed (its first failure), or why it did not run.
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseReport {
    pub chapter: String,
    pub exercise: String,
    pub weight: f64,
    pub tests: Vec<TestReport>,
    /// The known mistake `check` would name, if any.
    pub diagnosis: Option<String>,
    /// The exercise's file is still the starter: nothing was graded.
    pub untouched: bool,
}

impl ExerciseReport {
    pub fn passed(&self) -> usize {
        self.tests.iter().filter(|test| test.passed).count()
    }

    /// Whether every graded test passed (an exercise without any does not).
    pub fn all_passed(&self) -> bool {
        !self.tests.is_empty() && self.passed() == self.tests.len()
    }

    /// Its weight if every graded test passed, else nothing.
    pub fn score(&self) -> f64 {
        if self.all_passed() { self.weight } else { 0.0 }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub exercises: Vec<ExerciseReport>,
    /// How many runs each test had.
    pub runs: usize,
}

impl Report {
    pub fn score(&self) -> f64 {
        self.exercises.iter().map(ExerciseReport::score).sum()
    }

    pub fn max_score(&self) -> f64 {
        self.exercises.iter().map(|e| e.weight).sum()
    }

    pub fn all_passed(&self) -> bool {
        self.exercises.iter().all(ExerciseReport::all_passed)
    }

    fn tests(&self) -> impl Iterator<Item = (&ExerciseReport, &TestReport)> {
        self.exercises
            .iter()
            .flat_map(|exercise| exercise.tests.iter().map(move |test| (exercise, test)))
    }
}

/// Grades, writes the report; `Ok(true)` when every graded test passed.
pub fn run(root: &Path, name: Option<&str>, options: &Options) -> Result<bool> {
    let course = Course::load(root)?;
    let tampered = sums::tampered(root, &course)?;
    let (reference, from) = sums::reference(root)?;
    if !tampered.is_empty() {
        bail!(
            "these files differ from the course's ({from}), so no grade is given:\n  {}\n\
             Restore the changed and deleted ones from the course's first commit \
             (`git checkout <commit> -- <file>`) and delete the added ones; the exercises' \
             own files are the only ones to edit.",
            tampered.join("\n  ")
        );
    }
    let selected = course.select(course.find(name)?);
    let only = match course.find(name)? {
        Target::Exercise(_, exercise) => Some(exercise.name.as_str()),
        _ => None,
    };
    let mut report = Report {
        exercises: Vec::new(),
        runs: options.repeat,
    };
    for (chapter, exercises) in selected {
        let package = Package {
            manifest: None,
            name: chapter.package(),
        };
        // A chapter nobody has started is not built or run: every test of
        // it is "not attempted" whatever it would do.
        let started = exercises
            .iter()
            .any(|exercise| !is_untouched(root, &reference, chapter, exercise));
        let mut runs = Vec::new();
        for _ in 0..if started { options.repeat } else { 0 } {
            let grades = grade::run(root, package, only, &[])?;
            // Another run cannot change a compile error, and would wait
            // out another hang.
            let last = grades.compile_errors.is_some() || grades.hung.is_some();
            runs.push(grades);
            if last {
                break;
            }
        }
        for exercise in exercises {
            let tests = reference.tests_of(&chapter.id, &exercise.name);
            let mut graded = exercise_report(root, chapter, exercise, &tests, &runs);
            if is_untouched(root, &reference, chapter, exercise) {
                graded = not_attempted(graded, &exercise.starter_file(chapter));
            }
            report.exercises.push(graded);
        }
    }
    let text = render(&report, options.format);
    match &options.output {
        Some(path) => {
            fs::write(path, without_colour(&text))
                .with_context(|| format!("cannot write {}", path.display()))?;
            if options.format != Format::Text {
                print!("{}", render(&report, Format::Text));
            }
            println!("{} the report is in {}", ui::dim("note:"), path.display());
        }
        None => print!("{text}"),
    }
    if options.format == Format::Text || options.output.is_some() {
        println!(
            "{}",
            ui::dim(&format!("tests, helpers and runner checked against {from}"))
        );
    }
    Ok(report.all_passed())
}

/// `text` without terminal colour codes (a report written to a file).
fn without_colour(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// One exercise's report from every run of its chapter: each of `tests`
/// (the course's list, so a test that did not run still counts, as failed)
/// passes only if it passed in every run.
pub fn exercise_report(
    root: &Path,
    chapter: &Chapter,
    exercise: &Exercise,
    tests: &[String],
    runs: &[Grades],
) -> ExerciseReport {
    let mut reports = Vec::new();
    for name in tests {
        let mut message = runs.is_empty().then(|| "it did not run".to_owned());
        for grades in runs {
            if let Some(why) = failure(grades, name) {
                message = Some(why);
                break;
            }
        }
        reports.push(TestReport {
            name: name.clone(),
            passed: message.is_none(),
            message,
        });
    }
    // The diagnosis from the first run in which the exercise failed.
    let diagnosis = runs
        .iter()
        .find_map(|grades| match grades.verdict(&exercise.name) {
            grade::Verdict::Failed { failed, .. } => {
                crate::learner::check::known_mistake(root, chapter, exercise, &failed)
            }
            _ => None,
        });
    ExerciseReport {
        chapter: chapter.id.clone(),
        exercise: exercise.name.clone(),
        weight: f64::from(exercise.weight()),
        tests: reports,
        diagnosis,
        untouched: false,
    }
}

/// Whether the exercise's file is byte for byte (line ends aside) its
/// starter as `course.sums` records it.
fn is_untouched(
    root: &Path,
    reference: &sums::Sums,
    chapter: &Chapter,
    exercise: &Exercise,
) -> bool {
    let file = exercise.starter_file(chapter);
    let key = sums::slashes(&file);
    reference
        .starters
        .get(&key)
        .is_some_and(|digest| sums::hash(&root.join(&file)).is_ok_and(|now| &now == digest))
}

/// The report of an exercise nobody has touched: every test failed, "not
/// attempted", whatever the starter's tests said.
pub fn not_attempted(mut report: ExerciseReport, file: &Path) -> ExerciseReport {
    let message = format!("not attempted: {} is still the starter", file.display());
    for test in &mut report.tests {
        test.passed = false;
        test.message = Some(message.clone());
    }
    report.diagnosis = None;
    report.untouched = true;
    report
}

/// Why the test `name` did not pass in this run, or `None` if it passed.
fn failure(grades: &Grades, name: &str) -> Option<String> {
    if let Some(errors) = &grades.compile_errors {
        let first = errors
            .errors
            .first()
            .map(|error| error.one_line())
            .unwrap_or_else(|| grade::last_lines(&errors.cargo_said, 5));
        return Some(format!("the chapter does not compile: {first}"));
    }
    match grades.tests.iter().find(|test| test.name == name) {
        Some(test) if test.passed => None,
        Some(test) => Some(match &test.failure {
            Some(failure) => match &failure.location {
                Some(location) => format!("{} (at {location})", failure.message),
                None => failure.message.clone(),
            },
            None => "failed".to_owned(),
        }),
        None => Some(match &grades.hung {
            Some(hang) => hang.message(),
            None => "it did not run".to_owned(),
        }),
    }
}

/// The report in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text(report),
        Format::Json => {
            serde_json::to_string_pretty(&as_json(report)).expect("JSON of plain values") + "\n"
        }
        Format::Junit => junit(report),
        Format::Gradescope => {
            serde_json::to_string_pretty(&gradescope(report)).expect("JSON of plain values") + "\n"
        }
    }
}

/// Scores with at most two decimals, without a trailing `.00`.
fn points(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn text(report: &Report) -> String {
    let width = report
        .exercises
        .iter()
        .map(|e| e.exercise.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let mut chapter = "";
    for exercise in &report.exercises {
        if exercise.chapter != chapter {
            chapter = &exercise.chapter;
            let _ = writeln!(out, "{}", ui::bold(chapter));
        }
        let mark = if exercise.all_passed() {
            ui::pass_mark()
        } else {
            ui::fail_mark()
        };
        let _ = writeln!(
            out,
            "{mark} {:<width$} {}/{} tests   {} of {} points",
            exercise.exercise,
            exercise.passed(),
            exercise.tests.len(),
            points(exercise.score()),
            points(exercise.weight)
        );
        if let Some(test) = exercise.tests.iter().find(|test| !test.passed) {
            let message = test.message.as_deref().unwrap_or("failed");
            let first = message.lines().next().unwrap_or_default();
            let _ = writeln!(out, "    {}: {first}", test.name);
        }
        if let Some(diagnosis) = &exercise.diagnosis {
            let _ = writeln!(
                out,
                "    {}",
                ui::yellow(&ui::wrap(diagnosis, 72).replace('\n', "\n    "))
            );
        }
    }
    let passed = report.tests().filter(|(_, test)| test.passed).count();
    let _ = writeln!(
        out,
        "score: {} of {} ({passed} of {} graded tests pass{})",
        points(report.score()),
        points(report.max_score()),
        report.tests().count(),
        if report.runs > 1 {
            format!(", each in all {} runs", report.runs)
        } else {
            String::new()
        }
    );
    out
}

fn as_json(report: &Report) -> serde_json::Value {
    let exercises: Vec<serde_json::Value> = report
        .exercises
        .iter()
        .map(|exercise| {
            json!({
                "chapter": exercise.chapter,
                "exercise": exercise.exercise,
                "weight": exercise.weight,
                "score": round(exercise.score()),
                "passed": exercise.all_passed(),
                "attempted": !exercise.untouched,
                "diagnosis": exercise.diagnosis,
                "tests": exercise.tests.iter().map(|test| json!({
                    "name": test.name,
                    "passed": test.passed,
                    "message": test.message,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "score": round(report.score()),
        "max_score": round(report.max_score()),
        "tests_passed": report.tests().filter(|(_, test)| test.passed).count(),
        "tests": report.tests().count(),
        "runs": report.runs,
        "exercises": exercises,
    })
}

fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

/// Escapes text for an XML attribute or element, dropping the characters
/// XML 1.0 cannot hold (terminal colour codes, say).
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

fn junit(report: &Report) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total = report.tests().count();
    let failures = report.tests().filter(|(_, test)| !test.passed).count();
    let _ = writeln!(
        out,
        "<testsuites name=\"lockstep\" tests=\"{total}\" failures=\"{failures}\">"
    );
    let mut chapters: Vec<&str> = Vec::new();
    for exercise in &report.exercises {
        if !chapters.contains(&exercise.chapter.as_str()) {
            chapters.push(&exercise.chapter);
        }
    }
    for chapter in chapters {
        let exercises: Vec<&ExerciseReport> = report
            .exercises
            .iter()
            .filter(|exercise| exercise.chapter == chapter)
            .collect();
        let tests: usize = exercises.iter().map(|e| e.tests.len()).sum();
        let failed: usize = exercises.iter().map(|e| e.tests.len() - e.passed()).sum();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">",
            xml(chapter)
        );
        for exercise in exercises {
            for test in &exercise.tests {
                let open = format!(
                    "    <testcase classname=\"{}.{}\" name=\"{}\"",
                    xml(chapter),
                    xml(&exercise.exercise),
                    xml(&test.name)
                );
                if test.passed {
                    let _ = writeln!(out, "{open}/>");
                } else {
                    let message = test.message.as_deref().unwrap_or("failed");
                    let first = message.lines().next().unwrap_or_default();
                    let mut body = message.to_owned();
                    if let Some(diagnosis) = &exercise.diagnosis {
                        body += &format!("\n\n{diagnosis}");
                    }
                    let _ = writeln!(
                        out,
                        "{open}>\n      <failure message=\"{}\">{}</failure>\n    </testcase>",
                        xml(first),
                        xml(&body)
                    );
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn gradescope(report: &Report) -> serde_json::Value {
    let tests: Vec<serde_json::Value> = report
        .exercises
        .iter()
        .map(|exercise| {
            let mut output = format!(
                "{} of {} graded tests pass",
                exercise.passed(),
                exercise.tests.len()
            );
            for test in exercise.tests.iter().filter(|test| !test.passed) {
                let message = test.message.as_deref().unwrap_or("failed");
                output += &format!("\n\n{}: {message}", test.name);
                if exercise.untouched {
                    break; // the same message for every test
                }
            }
            if let Some(diagnosis) = &exercise.diagnosis {
                output += &format!("\n\n{diagnosis}");
            }
            json!({
                "name": format!("{}/{}", exercise.chapter, exercise.exercise),
                "score": round(exercise.score()),
                "max_score": round(exercise.weight),
                "status": if exercise.all_passed() { "passed" } else { "failed" },
                "output": output,
            })
        })
        .collect();
    let passed = report.tests().filter(|(_, test)| test.passed).count();
    json!({
        "score": round(report.score()),
        "output": format!(
            "{passed} of {} graded tests pass; score {} of {}",
            report.tests().count(),
            points(report.score()),
            points(report.max_score())
        ),
        "tests": tests,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        Report {
            runs: 1,
            exercises: vec![
                ExerciseReport {
                    chapter: "ch01-threads".into(),
                    exercise: "arguments".into(),
                    weight: 2.0,
                    tests: vec![
                        TestReport {
                            name: "arguments::one".into(),
                            passed: true,
                            message: None,
                        },
                        TestReport {
                            name: "arguments::two".into(),
                            passed: false,
                            message: Some("left <1> & \"right\"\n\u{1b}[31mmore".into()),
                        },
                    ],
                    diagnosis: Some("a known mistake".into()),
                    untouched: false,
                },
                ExerciseReport {
                    chapter: "ch02-sharing".into(),
                    exercise: "counter".into(),
                    weight: 1.0,
                    tests: vec![TestReport {
                        name: "counter::only".into(),
                        passed: true,
                        message: None,
                    }],
                    diagnosis: None,
                    untouched: false,
                },
            ],
        }
    }

    #[test]
    fn an_exercise_earns_its_weight_only_when_every_test_passes() {
        let report = sample();
        assert_eq!(
            report.score(),
            1.0,
            "nothing of 2 points with a test failing, and all of 1"
        );
        assert_eq!(report.max_score(), 3.0, "the weights add up");
        assert!(!report.all_passed(), "one test failed");
    }

    #[test]
    fn an_untouched_exercise_fails_every_test_as_not_attempted() {
        let mut report = sample();
        let counter = report.exercises.pop().unwrap();
        let untouched = not_attempted(counter, Path::new("chapters/x/src/counter.rs"));
        assert!(
            !untouched.tests[0].passed,
            "a test that passed on the starter counts for nothing"
        );
        assert_eq!(
            untouched.tests[0].message.as_deref(),
            Some("not attempted: chapters/x/src/counter.rs is still the starter"),
            "and says why"
        );
        assert_eq!(untouched.score(), 0.0, "no points");
    }

    #[test]
    fn junit_has_a_case_per_test_and_escapes_what_it_quotes() {
        let xml = render(&sample(), Format::Junit);
        assert_eq!(
            xml.matches("<testcase ").count(),
            3,
            "one case per graded test: {xml}"
        );
        assert_eq!(xml.matches("<failure ").count(), 1, "one failure: {xml}");
        assert!(
            xml.contains("message=\"left &lt;1&gt; &amp; &quot;right&quot;\""),
            "the failure's first line, escaped: {xml}"
        );
        assert!(
            !xml.contains('\u{1b}'),
            "no control characters in XML: {xml}"
        );
        assert!(
            xml.contains("<testsuite name=\"ch01-threads\" tests=\"2\" failures=\"1\""),
            "a suite per chapter with its counts: {xml}"
        );
    }

    #[test]
    fn gradescope_has_a_test_per_exercise_with_its_weight() {
        let value = gradescope(&sample());
        assert_eq!(value["score"], 1.0, "the total: {value}");
        let tests = value["tests"].as_array().expect("a list of tests");
        assert_eq!(tests.len(), 2, "a result per exercise: {value}");
        assert_eq!(
            tests[0]["status"], "failed",
            "the exercise with a failing test: {value}"
        );
        assert_eq!(tests[0]["max_score"], 2.0, "its weight: {value}");
        let output = tests[0]["output"].as_str().unwrap();
        assert!(
            output.contains("arguments::two: left") && output.contains("a known mistake"),
            "the failing test, its message and the diagnosis: {value}"
        );
    }

    #[test]
    fn points_drop_needless_decimals() {
        assert_eq!(points(2.0), "2", "a whole number");
        assert_eq!(points(1.0 / 3.0), "0.33", "two decimals");
        assert_eq!(points(0.5), "0.5", "no trailing zero");
    }
}
