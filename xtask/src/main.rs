//! Lockstep's runner: `cargo xtask <command>`.
//!
//! Learner commands show the course and grade exercises (`learner/`);
//! maintainer commands check that the course itself is sound
//! (`maintainer/`); what both use sits beside this file. Each command lives
//! in its own module as a `run` function. Dependencies are few and each does one job:
//! anyhow for errors, serde, toml and serde_json for `course.toml` and
//! cargo's messages, mdbook-driver for the book, plotters for its plots, notify and crossterm for
//! watch mode's file events and keys, similar for the solution's diff, and
//! libc for killing a hung test's process group.

// The two rooms: what learners run, and what keeps the course sound.
mod learner;
mod maintainer;
mod teacher;

// Shared by both: the course map, grading and its messages, progress, the
// terminal.
mod compiler;
mod course;
mod deadline;
mod diagnose;
mod generated;
mod grade;
mod progress;
mod ui;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};

const USAGE: &str = "\
Lockstep: Rust concurrency for people who learned threads in Python

usage: cargo xtask [command]

for learners
  (no command)            the course map: progress, the next exercise, the book
  watch [exercise] [--poll]
                          grade the current exercise whenever you save a file,
                          and move on when it passes (keys: h n s l c r q)
  check [name]            grade the course, a chapter or an exercise
  hint <exercise>         one step towards the answer
  solution <exercise>     once it passes: the reference solution, as a diff
  reset <exercise>        back to the starter; your file is backed up first
  reset --all             the same for every exercise
  book [--open]           build the book into target/book (and open it)

for teachers
  grade [name] [--format text|json|junit|gradescope] [--output FILE] [--repeat N]
                          grade as check does, after checking that the tests,
                          helpers, given code and runner are the course's
                          (course.sums), and report every graded test and a
                          score (an exercise earns its weight in course.toml
                          when all its tests pass); --repeat N counts a test
                          as passed only if it passes N runs in a row
  export --student <dir>  a copy to hand out, as a new git repository: no
                          solutions or mutants, a GitHub Classroom workflow
                          and a Gradescope autograder that run grade

for maintainers
  sums                    write course.sums (verify checks it is current)
  verify [--after-cargo-test]
                          everything CI checks about the course itself (CI,
                          right after `cargo test`, skips the suites it ran)
  mutants [chapter | exercise | exercise/mutant] [--busy]
                          every known-wrong solution must fail its tests on
                          the first run (with a busy thread on every core
                          but one if asked)
  mutants --tool [chapter]
                          the same with cargo-mutants' generated mutants
                          (installs cargo-mutants first if needed)
  stress [chapter] [--runs N] [--busy]
                          the solution suites N times in a row (default 30),
                          with a busy thread per core beside them if asked
  model [chapter]         the shuttle model checks of the hand-built primitives
  syllabus                which syllabus ids are covered, and by what
  bench [chapter] [--render]
                          measure (benchmarks, and Python when python3 exists),
                          then draw the book's tables and plots from the CSV
                          files; --render only draws
  browser                 the built book in headless Chromium: a screenshot of
                          every page, no console errors, the search works
  loop [exercise] [--runs N] [--rustlings DIR]
                          time the save-to-grade loop (check and watch, N
                          one-line edits each, default 8) on a copy of the
                          course; beside rustlings' `run arc1` if given

options
  --verbose               show cargo's full output
";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{} {error:#}", ui::red("error:"));
            ExitCode::FAILURE
        }
    }
}

/// The parsed command line: a command, its free arguments, and flags.
#[derive(Debug, Default)]
struct Args {
    command: Option<String>,
    free: Vec<String>,
    verbose: bool,
    open: bool,
    poll: bool,
    all: bool,
    busy: bool,
    tool: bool,
    render: bool,
    runs: Option<usize>,
    rustlings: Option<PathBuf>,
    after_cargo_test: bool,
    format: Option<String>,
    output: Option<PathBuf>,
    repeat: Option<usize>,
    student: Option<PathBuf>,
}

fn parse_args(raw: impl IntoIterator<Item = String>) -> Result<Args> {
    let mut args = Args::default();
    let mut raw = raw.into_iter();
    while let Some(arg) = raw.next() {
        match arg.as_str() {
            "--runs" => {
                let value = raw.next().unwrap_or_default();
                let runs = value.parse().ok().filter(|n| *n > 0);
                args.runs = Some(runs.ok_or_else(|| {
                    anyhow::anyhow!("--runs needs a number of runs, not `{value}`")
                })?);
            }
            "--rustlings" => {
                let Some(dir) = raw.next() else {
                    bail!("--rustlings needs the folder `rustlings init` made");
                };
                args.rustlings = Some(PathBuf::from(dir));
            }
            "--format" => {
                let Some(format) = raw.next() else {
                    bail!("--format needs text, json, junit or gradescope");
                };
                args.format = Some(format);
            }
            "--output" => {
                let Some(file) = raw.next() else {
                    bail!("--output needs the report's file");
                };
                args.output = Some(PathBuf::from(file));
            }
            "--repeat" => {
                let value = raw.next().unwrap_or_default();
                let repeat = value.parse().ok().filter(|n| *n > 0);
                args.repeat = Some(repeat.ok_or_else(|| {
                    anyhow::anyhow!("--repeat needs a number of runs, not `{value}`")
                })?);
            }
            "--student" => {
                let Some(dir) = raw.next() else {
                    bail!("--student needs the folder to write the copy to");
                };
                args.student = Some(PathBuf::from(dir));
            }
            "--busy" => args.busy = true,
            "--after-cargo-test" => args.after_cargo_test = true,
            "--tool" => args.tool = true,
            "--render" => args.render = true,
            "--verbose" | "-v" => args.verbose = true,
            "--open" => args.open = true,
            "--poll" => args.poll = true,
            "--all" => args.all = true,
            "--help" | "-h" | "help" => args.command = Some("help".to_owned()),
            flag if flag.starts_with('-') => bail!("unknown option `{flag}`\n\n{USAGE}"),
            _ if args.command.is_none() => args.command = Some(arg),
            _ => args.free.push(arg),
        }
    }
    Ok(args)
}

fn run() -> Result<ExitCode> {
    let args = parse_args(std::env::args().skip(1))?;
    let root = project_root();
    let free = args.free.first().map(String::as_str);
    let ok = match args.command.as_deref() {
        None => learner::map::run(&root).map(|()| true)?,
        Some("help") => {
            print!("{USAGE}");
            true
        }
        Some("watch") => learner::watch::run(&root, free, args.poll, args.verbose)?,
        Some("check") => learner::check::run(&root, free, args.verbose)?,
        Some("solution") => learner::solution::run(&root, free)?,
        Some("reset") => learner::reset::run(&root, free, args.all)?,
        Some("hint") => learner::hint::run(&root, free).map(|()| true)?,
        Some("book") => learner::book::run(&root, args.open)?,
        Some("grade") => teacher::report::run(
            &root,
            free,
            &teacher::report::Options {
                format: teacher::report::Format::parse(args.format.as_deref().unwrap_or("text"))?,
                output: args.output.clone(),
                repeat: args.repeat.unwrap_or(1),
            },
        )?,
        Some("export") => match &args.student {
            Some(dir) => teacher::export::run(&root, dir)?,
            None => bail!("usage: cargo xtask export --student <dir>"),
        },
        Some(command @ ("sums" | "verify" | "mutants" | "stress" | "model" | "bench" | "loop"))
            if teacher::export::is_student_copy(&root) =>
        {
            bail!(
                "`{command}` checks the course itself and needs the teacher's copy, with its \
                 solutions; this is a student's copy"
            )
        }
        Some("sums") => teacher::sums::write(&root)?,
        Some("verify") => maintainer::verify::run(&root, args.verbose, args.after_cargo_test)?,
        Some("mutants") if args.tool => maintainer::mutants::run_tool(&root, free)?,
        Some("mutants") => maintainer::mutants::run(
            &root,
            free,
            maintainer::mutants::Options {
                verbose: args.verbose,
                busy: args.busy,
            },
        )?,
        Some("stress") => maintainer::stress::run(&root, free, args.runs.unwrap_or(30), args.busy)?,
        Some("model") => maintainer::model::run(&root, free)?,
        Some("syllabus") => maintainer::verify::syllabus(&root)?,
        Some("bench") => maintainer::bench::run(&root, free, args.render)?,
        Some("browser") => maintainer::browser::run(&root)?,
        Some("loop") => maintainer::loop_bench::run(
            &root,
            maintainer::loop_bench::Options {
                exercise: free,
                runs: args.runs.unwrap_or(8),
                rustlings: args.rustlings.as_deref(),
            },
        )?,
        Some(other) => {
            let commands = [
                "watch", "check", "hint", "solution", "reset", "book", "grade", "export", "sums",
                "verify", "mutants", "stress", "model", "syllabus", "bench", "browser", "loop",
                "help",
            ];
            let suggestion = course::closest(other, &commands)
                .map(|name| format!("; did you mean `{name}`?"))
                .unwrap_or_default();
            bail!("unknown command `{other}`{suggestion}\n\n{USAGE}")
        }
    };
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The workspace root: the folder above this crate, wherever cargo was run.
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Result<Args> {
        parse_args(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn flags_go_anywhere() {
        let parsed = args("check --verbose downloads").unwrap();
        assert_eq!(parsed.command.as_deref(), Some("check"));
        assert_eq!(parsed.free, ["downloads"]);
        assert!(parsed.verbose);
    }

    #[test]
    fn runs_takes_a_positive_number() {
        assert_eq!(args("stress --runs 5 ch01-threads").unwrap().runs, Some(5));
        assert_eq!(args("stress ch01-threads").unwrap().runs, None);
        let error = args("stress --runs lots").unwrap_err().to_string();
        assert!(error.contains("--runs needs a number"), "{error}");
        assert!(args("stress --runs 0").is_err());
    }

    #[test]
    fn an_unknown_flag_is_an_error_with_the_usage() {
        let error = args("check --fast").unwrap_err().to_string();
        assert!(error.starts_with("unknown option `--fast`"), "{error}");
        assert!(error.contains("usage: cargo xtask"));
    }

    #[test]
    fn the_root_holds_the_course_map() {
        assert!(project_root().join("course.toml").is_file());
    }
}
