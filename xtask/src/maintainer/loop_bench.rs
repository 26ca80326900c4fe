//! `cargo xtask loop [exercise] [--runs N] [--rustlings DIR]`: how long a
//! learner waits between saving a file and seeing its grade.
//!
//! A benchmark, not a test: it prints figures and asserts nothing. It works
//! on a copy of the course's tracked files as they are now (uncommitted
//! changes included, so a change to the loop can be measured before it is
//! committed) in `target/loop-bench/`,
//! with a target folder of its own that stays warm between runs, so the
//! learner's files are never touched. The exercise gets its reference
//! solution with one known mistake (its first mutant): it compiles, runs
//! every test and fails one, as for a learner about to pass (watch mode
//! stays on it). Then N one-line edits, each timed:
//!
//! - `check`: the wall time of `cargo xtask check <exercise>`, the runner
//!   started through cargo as a learner starts it;
//! - `watch`: from the saved edit to the grade's line in a running
//!   `cargo xtask watch <exercise>` (its debounce included).
//!
//! With `--rustlings DIR` (a folder made by `rustlings init`, rustlings on
//! the PATH, its `arc1` exercise completed so that it compiles), the same
//! edits to `exercises/19_smart_pointers/arc1.rs` timed through
//! `rustlings run arc1`, for comparison on the same machine.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::course::Course;
use crate::ui;
use crate::{grade, maintainer::mutants};

pub struct Options<'a> {
    pub exercise: Option<&'a str>,
    pub runs: usize,
    pub rustlings: Option<&'a Path>,
}

pub fn run(root: &Path, options: Options<'_>) -> Result<bool> {
    let course = Course::load(root)?;
    let name = options.exercise.unwrap_or("arguments");
    let (chapter, exercise) = course.find_exercise(name)?;
    let base = root.join("target/loop-bench");
    let copy = base.join("course");
    fs::create_dir_all(&base)?;
    let target = base.join("target");
    copy_tracked_files(root, &copy)?;
    let file = copy.join(exercise.starter_file(chapter));
    let reference = fs::read_to_string(root.join(exercise.solution_file(chapter)))?;
    let Some(mistake) = mutants::load(root, chapter, exercise)?.into_iter().next() else {
        bail!("`{name}` has no mutants");
    };
    let nearly_right = mistake.apply(&reference)?;
    fs::write(&file, &nearly_right)?;
    let edit = |i: usize| -> Result<()> {
        fs::write(&file, format!("{nearly_right}// edit {i}\n"))
            .with_context(|| format!("cannot write {}", file.display()))
    };

    println!(
        "{} the save-to-grade loop on `{name}` ({} edits each; the first build of the copy \
         in {} can take minutes)",
        ui::bold("Timing"),
        options.runs,
        target.display()
    );
    let xtask = |args: &[&str]| {
        let mut command = grade::cargo();
        command
            .current_dir(&copy)
            .arg("xtask")
            .args(args)
            .env("CARGO_TARGET_DIR", &target)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    };
    // One `cargo xtask check`, timed; an error when it gave no grade.
    let check_once = || -> Result<Duration> {
        let started = Instant::now();
        let output = xtask(&["check", name]).output()?;
        let took = started.elapsed();
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !stdout.lines().any(|line| is_grade_line(line, name)) {
            bail!(
                "`cargo xtask check {name}` gave no grade in the copy:\n{stdout}{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        Ok(took)
    };
    // Warm up: the runner, the chapter and its test binary, built once.
    check_once()?;
    let mut check = Vec::new();
    for i in 0..options.runs {
        edit(i)?;
        check.push(check_once()?);
    }
    report("cargo xtask check", &check);

    let watch = time_watch(xtask(&["watch", name]), name, options.runs, &edit)?;
    report("a grade in cargo xtask watch", &watch);

    if let Some(dir) = options.rustlings {
        let rustlings = time_rustlings(dir, options.runs)?;
        report("rustlings run arc1", &rustlings);
        let ratio =
            |ours: &[Duration]| median(ours).as_secs_f64() / median(&rustlings).as_secs_f64();
        println!(
            "  check takes {:.2} and watch {:.2} times as long as rustlings (medians)",
            ratio(&check),
            ratio(&watch)
        );
    }
    let _ = fs::remove_dir_all(&copy);
    Ok(true)
}

/// Copies the files git tracks (as they are in the working tree) from
/// `root` to `to`, replacing what was there.
fn copy_tracked_files(root: &Path, to: &Path) -> Result<()> {
    let _ = fs::remove_dir_all(to);
    let listed = Command::new("git")
        .current_dir(root)
        .args(["ls-files", "-z"])
        .output()
        .context("cannot run git")?;
    if !listed.status.success() {
        bail!("git ls-files failed in {}", root.display());
    }
    for name in listed
        .stdout
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
    {
        let name = Path::new(std::str::from_utf8(name)?);
        let from = root.join(name);
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        let target = to.join(name);
        fs::create_dir_all(target.parent().expect("a file is in a folder"))?;
        fs::copy(&from, &target).with_context(|| format!("cannot copy {}", name.display()))?;
    }
    Ok(())
}

/// Starts watch mode, waits for its first grade, then times each edit
/// until the grade's line appears.
fn time_watch(
    mut command: Command,
    name: &str,
    runs: usize,
    edit: &dyn Fn(usize) -> Result<()>,
) -> Result<Vec<Duration>> {
    command.stdin(Stdio::piped());
    let mut child = command.spawn().context("cannot start watch mode")?;
    let stdout = child.stdout.take().expect("piped");
    let (lines, seen) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let wait_for_grade = || -> Result<()> {
        loop {
            match seen.recv_timeout(Duration::from_secs(120)) {
                Ok(line) if is_grade_line(&line, name) => return Ok(()),
                Ok(_) => {}
                Err(_) => bail!("watch mode showed no grade within 120 s"),
            }
        }
    };
    let result = (|| {
        wait_for_grade()?;
        let mut times = Vec::new();
        for i in 0..runs {
            // Let watch mode settle (its debounce) before the next save.
            std::thread::sleep(Duration::from_millis(300));
            while seen.try_recv().is_ok() {}
            edit(1000 + i)?;
            let started = Instant::now();
            wait_for_grade()?;
            times.push(started.elapsed());
        }
        Ok(times)
    })();
    if let Some(stdin) = child.stdin.as_mut() {
        let _ = stdin.write_all(b"q\n");
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait()?.is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// The same one-line edits to rustlings' `arc1`, each timed through
/// `rustlings run arc1`.
fn time_rustlings(dir: &Path, runs: usize) -> Result<Vec<Duration>> {
    let file: PathBuf = dir.join("exercises/19_smart_pointers/arc1.rs");
    let original = fs::read_to_string(&file)
        .with_context(|| format!("no rustlings exercise at {}", file.display()))?;
    let run = || {
        Command::new("rustlings")
            .current_dir(dir)
            .args(["run", "arc1"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
    };
    let warm = run().context("cannot run rustlings")?;
    if !warm.success() {
        bail!(
            "`rustlings run arc1` fails in {}; complete arc1 first",
            dir.display()
        );
    }
    let mut times = Vec::new();
    let result = (|| {
        for i in 0..runs {
            fs::write(&file, format!("{original}// edit {i}\n"))?;
            let started = Instant::now();
            let status = run()?;
            times.push(started.elapsed());
            if !status.success() {
                bail!("`rustlings run arc1` failed on edit {i}");
            }
        }
        Ok(())
    })();
    fs::write(&file, original)?;
    result.map(|()| times)
}

/// `✗ arguments   5/6 tests pass   chapters/...`: the line that grades
/// the exercise, in `check` and in `watch`.
fn is_grade_line(line: &str, name: &str) -> bool {
    line.split_whitespace().nth(1) == Some(name) && line.contains("tests pass")
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn report(what: &str, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let min = times.iter().min().copied().unwrap_or_default();
    let max = times.iter().max().copied().unwrap_or_default();
    println!(
        "  {what:<30} median {:>5.0} ms   min {:>5.0} ms   max {:>5.0} ms   ({} edits)",
        ms(median(times)),
        ms(min),
        ms(max),
        times.len()
    );
}
